"""The calendar page and its iCalendar feeds (one builder: cooperation.calendar)."""

import calendar as month_calendar
import datetime
import hashlib
from urllib.parse import quote, urlencode

from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.http import http_date, quote_etag
from django.utils.text import slugify
from django.utils.translation import gettext as _

from config import page_cache
from cooperation.calendar import build_calendar, calendar_response, event_uid
from cooperation.models import CooperationArea, Organisation, Region
from training.models import Trainer, TrainingProgrammePage

from . import calendar as items
from .models import CalendarFeedToken, CalendarPage

FEED_CACHE_SECONDS = 60 * 60


def scope_for(user: AbstractBaseUser) -> items.Scope | None:
    """Return what a user's private feed may include, or None if they get none."""
    if not user.is_active:
        return None
    if (
        user.is_superuser
        or user.groups.filter(name="International department").exists()
    ):
        return items.Scope(everything=True)
    trainer_ids = frozenset(
        Trainer.objects.filter(user=user).values_list("pk", flat=True)
    )
    if trainer_ids:
        return items.Scope(trainer_ids=trainer_ids)
    return None


# Months a visitor may ask for: wide enough for any real event, narrow enough
# that the month before and after always exist.
YEARS = range(1900, 2101)


def _month(request: HttpRequest) -> datetime.date:
    """Return the month asked for (`?month=YYYY-MM`), else the current one."""
    value = request.GET.get("month", "")
    try:
        year, month = (int(part) for part in value.split("-", 1))
        if year in YEARS:
            return datetime.date(year, month, 1)
    except ValueError:
        pass
    return timezone.localdate().replace(day=1)


def _shift(first: datetime.date, months: int) -> datetime.date:
    index = first.year * 12 + first.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _filter_choices(language: str) -> list[dict]:
    """Return each filter's options as (value, label, language of the label)."""
    lang = items.text_language
    programmes = TrainingProgrammePage.objects.live().public().order_by("path")
    return [
        {
            "name": "kind",
            "label": _("Kind"),
            "options": [
                (key, str(label), language) for key, label in items.KINDS.items()
            ],
        },
        {
            "name": "region",
            "label": _("Partner region"),
            "options": [
                (r.slug, r.name, lang(r, "name"))
                for r in Region.objects.order_by("slug")
            ],
        },
        {
            "name": "organisation",
            "label": _("Organisation"),
            "options": [
                (o.slug, o.short_name, lang(o, "short_name"))
                for o in Organisation.objects.all()
            ],
        },
        {
            "name": "area",
            "label": _("Cooperation area"),
            "options": [
                (a.slug, a.name, lang(a, "name")) for a in CooperationArea.objects.all()
            ],
        },
        {
            "name": "programme",
            "label": _("Training programme"),
            "options": [
                (p.slug_ru or p.slug, p.title, lang(p, "title")) for p in programmes
            ],
        },
        {
            "name": "trainer",
            "label": _("Trainer"),
            "options": [
                (t.slug, str(t), lang(t.person, "short_name", "full_name"))
                for t in Trainer.objects.select_related("person")
            ],
        },
        {
            "name": "language",
            "label": _("Language of instruction"),
            "options": [
                ("ru", _("Russian"), language),
                ("az", _("Azerbaijani"), language),
                ("en", _("English"), language),
            ],
        },
    ]


def subscribe_links(request: HttpRequest, feed_path: str, query: str) -> dict[str, str]:
    """Return download, webcal and Google Calendar links for a feed."""
    url = request.build_absolute_uri(feed_path) + (f"?{query}" if query else "")
    webcal = "webcal://" + url.split("://", 1)[1]
    return {
        "download": url,
        "webcal": webcal,
        "google": "https://calendar.google.com/calendar/r?cid="
        + quote(webcal, safe=""),
    }


def calendar_page(request: HttpRequest, *, page: CalendarPage) -> TemplateResponse:
    """Show the month grid or the agenda of public events, filtered by the URL."""
    filters = items.read_filters(request.GET)
    first = _month(request)
    last = _shift(first, 1) - datetime.timedelta(days=1)
    view = "agenda" if request.GET.get("view") == "agenda" else "month"
    language = translation.get_language()
    today = timezone.localdate()
    listed = f"{first:%Y-%m}:{urlencode(sorted(filters.items()))}"

    def month_items() -> dict:
        # The month's items change only with the content, and with the day: a
        # memorandum's next expiry and notice deadline follow it.
        in_month = page_cache.until_changed(
            f"calendar-month:{request.get_host()}:{language}:{today}:{listed}",
            lambda: items.collect(
                filters, request=request, window=items.Window(first, last), marked=True
            ),
        )
        by_day: dict[datetime.date, list] = {}
        for item in in_month:
            for day in item.days():
                if first <= day <= last:
                    by_day.setdefault(day, []).append(item)
        weeks = [
            [
                {
                    "date": day,
                    "in_month": day.month == first.month,
                    "items": by_day.get(day, []),
                }
                for day in week
            ]
            for week in month_calendar.Calendar(firstweekday=0).monthdatescalendar(
                first.year, first.month
            )
        ]
        return {"weeks": weeks, "agenda": sorted(by_day.items())}

    query = urlencode(filters)
    feed_path = reverse("calendar_feed")
    context = page.get_context(request)
    context.update(
        filters=filters,
        # Read only when the page is rendered afresh: the rendered calendar is
        # kept until content changes (or the day does), per month, view, filters.
        kept_body=page_cache.kept_body(request, page.pk, view, today, listed),
        filter_choices=SimpleLazyObject(
            lambda: page_cache.until_changed(
                f"calendar-choices:{language}", lambda: _filter_choices(language)
            )
        ),
        view=view,
        month=first,
        previous_month=_shift(first, -1),
        next_month=_shift(first, 1),
        grid=SimpleLazyObject(month_items),
        filter_query=query,
        links=subscribe_links(request, feed_path, query),
        weekdays=[
            _(name) for name in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
        ],
    )
    return TemplateResponse(request, "home/calendar_page.html", context)


def _serve_feed(
    request: HttpRequest,
    *,
    name: str,
    filename: str,
    filters: dict,
    scope: items.Scope,
    private: bool,
) -> HttpResponse:
    language = translation.get_language()
    signature, last_modified = items.freshness(scope)
    etag = hashlib.sha256(
        "|".join(
            [signature, language, request.path, urlencode(sorted(filters.items()))]
        ).encode()
    ).hexdigest()[:40]
    conditional = get_conditional_response(
        request, etag=quote_etag(etag), last_modified=int(last_modified.timestamp())
    )
    if conditional is not None:
        return conditional
    key = f"ics:{etag}"
    body = cache.get(key)
    if body is None:
        calendar = build_calendar(
            [
                item.event
                for item in items.collect(filters, request=request, scope=scope)
            ],
            name=name,
            language=language,
        )
        body = calendar.to_ical()
        cache.set(key, body, FEED_CACHE_SECONDS)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["ETag"] = quote_etag(etag)
    response["Last-Modified"] = http_date(last_modified.timestamp())
    if private:
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, public=True, max_age=300)
    return response


def public_feed(request: HttpRequest) -> HttpResponse:
    """Serve the public events matching the URL's filters as a subscribable feed."""
    filters = items.read_filters(request.GET)
    language = translation.get_language()
    name = _("Ulyanovsk – Azerbaijan cooperation")
    parts = [slugify(value) for value in filters.values()]
    filename = "-".join(["ulyanovsk-azerbaijan-calendar", *parts, language]) + ".ics"
    return _serve_feed(
        request,
        name=name,
        filename=filename,
        filters=filters,
        scope=items.PUBLIC,
        private=False,
    )


def single_event(request: HttpRequest, key: str) -> HttpResponse:
    """Download one public event as an .ics file."""
    item = items.find(event_uid(key), request=request)
    if item is None:
        raise Http404
    calendar = build_calendar(
        [item.event],
        name=item.event.summary,
        language=translation.get_language(),
        refresh=None,
    )
    filename = (slugify(item.event.summary, allow_unicode=False) or "event")[
        :60
    ] + ".ics"
    return calendar_response(calendar, filename)


def private_feed(request: HttpRequest, token: str) -> HttpResponse:
    """Serve a staff member's or trainer's private feed; 404 for a wrong or revoked token."""
    feed_token = (
        CalendarFeedToken.objects.select_related("user")
        .filter(token=token, revoked_at__isnull=True)
        .first()
    )
    scope = scope_for(feed_token.user) if feed_token else None
    if scope is None:
        raise Http404
    name = _("Ulyanovsk – Azerbaijan cooperation (private)")
    return _serve_feed(
        request,
        name=name,
        filename="private-calendar.ics",
        filters=items.read_filters(request.GET),
        scope=scope,
        private=True,
    )
