"""Admin registration of the home app: the private calendar feed page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

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
