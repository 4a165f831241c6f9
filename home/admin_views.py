"""Admin view where staff and trainers manage their private calendar feed."""

import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .calendar_views import scope_for
from .models import CalendarFeedToken


def private_feed_urls(
    request: HttpRequest, token: CalendarFeedToken
) -> list[tuple[str, str]]:
    """Return the feed's address in each language."""
    urls = []
    for code, name in (("ru", "Русский"), ("az", "Azərbaycanca"), ("en", "English")):
        with translation.override(code):
            path = reverse("calendar_private_feed", kwargs={"token": token.token})
        urls.append((name, request.build_absolute_uri(path)))
    return urls


@require_http_methods(["GET", "POST"])
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """Show the user's private feed address; create a new one or revoke it."""
    if scope_for(request.user) is None:
        raise PermissionDenied
    active = CalendarFeedToken.objects.filter(
        user=request.user, revoked_at__isnull=True
    )
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in {"create", "revoke"}:
            messages.error(request, _("Unknown action; nothing was changed."))
            return redirect("home_calendar_feed")
        active.update(revoked_at=timezone.now())
        if action == "create":
            CalendarFeedToken.objects.create(
                user=request.user, token=secrets.token_urlsafe(32)
            )
            messages.success(
                request,
                _("A new private address was created; the old one no longer works."),
            )
        else:
            messages.success(request, _("Your private calendar address was revoked."))
        return redirect("home_calendar_feed")
    token = active.first()
    return TemplateResponse(
        request,
        "home/admin/calendar_feed.html",
        {
            "token": token,
            "urls": private_feed_urls(request, token) if token else [],
            "page_title": _("My calendar feed"),
        },
    )
