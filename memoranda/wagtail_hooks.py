"""Admin registration of the memoranda app: status changes and the dashboard."""

from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.documents import get_document_model
from wagtail.log_actions import LogFormatter
from wagtail.models import Collection, Page
from wagtail.permissions import policy_registry
from wagtail.wagtail_hooks import require_wagtail_login

from . import views
from .dashboard import MemorandaDeadlinesPanel
from .models import MemorandumIndexPage, MemorandumPage, MemorandumStatus
from .services import CONFIDENTIAL_COLLECTION, sync_document_privacy


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
            and views.may_change_status(context["request"].user, page)
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
        return views.may_change_status(user, self.page)


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
    # The reminders name unpublished memoranda: only their editors see them.
    if works_on_memoranda(request.user):
        panels.append(MemorandaDeadlinesPanel(request))


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def keep_draft_documents_private(request, page):
    if _is_memorandum(page):
        sync_document_privacy(memorandum=page)


def works_on_memoranda(user) -> bool:
    """Return whether a user may add or edit memoranda (and so see their deadlines)."""
    if not (user.is_active and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    policy = policy_registry.get_by_type(Page)
    pages = policy.instances_user_has_any_permission_for(user, ["add", "change"])
    return pages.type(MemorandumIndexPage, MemorandumPage).exists()


def may_read_confidential(user, document) -> bool:
    """Return whether a user may download a document of the confidential collection."""
    if user.is_superuser:
        return user.is_active
    policy = policy_registry.get_by_type(get_document_model())
    return policy.user_has_any_permission_for_instance(
        user, ["change", "choose"], document
    )


@hooks.register("before_serve_document")
def refuse_confidential_documents(document, request):
    """Serve confidential memoranda documents only to those who work on them."""
    # The collection's view restriction asks anonymous readers to sign in; but
    # every trainer and editor can sign in, so permission decides, not login.
    confidential = Collection.objects.filter(name=CONFIDENTIAL_COLLECTION).first()
    if confidential is None or not document.collection.path.startswith(
        confidential.path
    ):
        return None
    if not request.user.is_authenticated:
        return require_wagtail_login(next=request.get_full_path())
    if not may_read_confidential(request.user, document):
        raise Http404
    return None


@hooks.register("register_log_actions")
def register_status_change_action(actions):
    @actions.register_action("memoranda.status_change")
    class StatusChange(LogFormatter):
        label = _("Change memorandum status")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            labels = dict(MemorandumStatus.choices)
            return _("Status changed from “%(from)s” to “%(to)s”") % {
                "from": labels.get(data.get("from"), data.get("from", "")),
                "to": labels.get(data.get("to"), data.get("to", "")),
            }
