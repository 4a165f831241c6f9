"""Admin registration of the memoranda app: status changes and the dashboard."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from . import views
from .dashboard import MemorandaDeadlinesPanel
from .models import MemorandumPage
from .services import sync_document_privacy


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "memoranda/<int:page_id>/status/",
            views.transition,
            name="memoranda_transition",
        )
    ]


class ChangeStatusMenuItem(ActionMenuItem):
    """“Change status” in the page editor's action menu of a memorandum."""

    label = _("Change status")
    name = "action-memorandum-status"
    icon_name = "history"
    order = 35

    def is_shown(self, context) -> bool:
        page = context.get("page")
        return (
            context.get("view") == "edit"
            and isinstance(page, MemorandumPage)
            and not context.get("locked_for_user")
            and self.get_user_page_permissions_tester(context).can_edit()
        )

    def get_url(self, parent_context) -> str:
        return reverse("memoranda_transition", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_change_status_menu_item():
    return ChangeStatusMenuItem()


class ChangeStatusButton(PageMenuItem):
    label = _("Change status")
    icon_name = "history"
    url_name = "memoranda_transition"
    priority = 45

    def is_shown(self, user) -> bool:
        return self.page.permissions_for_user(user).can_edit()


def _is_memorandum(page) -> bool:
    return page.specific_class is MemorandumPage


@hooks.register("register_page_listing_more_buttons")
def page_listing_more_buttons(page, user, next_url=None):
    if _is_memorandum(page):
        yield ChangeStatusButton(page=page)


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    if _is_memorandum(page):
        yield ChangeStatusButton(page=page)


@hooks.register("construct_homepage_panels")
def add_deadlines_panel(request, panels):
    panels.append(MemorandaDeadlinesPanel(request))


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def keep_draft_documents_private(request, page):
    if _is_memorandum(page):
        sync_document_privacy(memorandum=page)
