"""Admin registration of the home app: the private calendar feed page."""

import copy

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.utils.version import get_main_version

from .admin_views import calendar_feed
from .calendar_views import scope_for


@hooks.register("register_admin_urls")
def register_calendar_feed_url():
    return [path("calendar-feed/", calendar_feed, name="home_calendar_feed")]


class CalendarFeedMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return scope_for(request.user) is not None


@hooks.register("register_admin_menu_item")
def register_calendar_feed_menu_item():
    return CalendarFeedMenuItem(
        _("My calendar feed"),
        reverse("home_calendar_feed"),
        icon_name="date",
        order=900,
    )


@hooks.register("construct_help_menu")
def translate_whats_new_label(request, menu_items) -> None:
    """Label "What's new" in the reader's language on every request."""
    # Wagtail formats this label once, in whatever language the first admin
    # request after start-up used; without this an Azerbaijani editor may read it
    # in Russian.
    version = get_main_version(include_patch=False)
    for index, item in enumerate(menu_items):
        if getattr(item, "name", "").startswith("whats-new-in-wagtail-"):
            relabelled = copy.copy(item)
            relabelled.label = gettext("What's new in Wagtail %(version)s") % {
                "version": version
            }
            menu_items[index] = relabelled


@hooks.register("before_edit_page")
def refuse_autosaved_actions(request, page):
    """Refuse a background save that carries an action (approve, publish...).

    Wagtail's workflow buttons add hidden `action-*` inputs to the editor form
    before sending it; the autosave sees the form change and, when the real
    submission is slower than its interval, posts a copy of the form, inputs
    included: the approval then runs twice at once, or a late copy saves a draft
    over the page just published. Only the submission the user made may act.
    """
    if request.method != "POST" or request.accepts("text/html"):
        return None
    if not any(key.startswith("action-") for key in request.POST):
        return None
    # "locked" is one of the codes for which the editor shows the server's
    # message; the page is indeed held by the action in flight.
    return JsonResponse(
        {
            "success": False,
            "error_code": "locked",
            "error_message": gettext(
                "Not autosaved: the form is being sent with your action."
            ),
        },
        status=400,
    )


@hooks.register("after_edit_page")
def back_to_the_dashboard_after_a_review(request, page):
    """After approving or rejecting, go where the reviewer may go.

    Wagtail then shows the section's page listing, which approvers (they hold no
    page permission of their own) may not open: they were greeted with "you do
    not have permission" right after approving. They go back to the dashboard,
    which lists what still awaits their review.
    """
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    if request.GET.get("next") or request.POST.get("next"):
        return None
    parent = page.get_parent()
    explorable = PagePermissionPolicy().explorable_instances(request.user)
    if parent is None or explorable.filter(pk=parent.pk).exists():
        return None
    return redirect("wagtailadmin_home")


from .reporting import hooks as reporting_hooks  # noqa: E402,F401
