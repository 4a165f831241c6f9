"""Admin registration of the home app: the private calendar feed page."""

import copy

from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
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


from .reporting import hooks as reporting_hooks  # noqa: E402,F401
