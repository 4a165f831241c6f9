"""Import a partner's iCalendar file: create or update cooperation events by UID."""

import datetime
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

import icalendar

from . import timezones
from .models import EventIndexPage, HearingPage, MeetingPage, Region, VisitPage
from .services import CooperationError

MAX_BYTES = 2 * 1024 * 1024
FETCH_TIMEOUT = 10
STATUS_FROM_ICAL = {
    "CONFIRMED": "confirmed",
    "TENTATIVE": "planned",
    "CANCELLED": "cancelled",
}
EVENT_MODELS = (VisitPage, MeetingPage, HearingPage)


@dataclass(frozen=True)
class ImportedEvent:
    """One VEVENT, checked and reduced to what a cooperation event stores."""

    uid: str
    title: str
    start_date: datetime.date
    start_time: datetime.time | None
    end_date: datetime.date
    end_time: datetime.time | None
    time_zone: str
    status: str
    location: str
    summary: str


@dataclass
class ImportResult:
    """What an import did."""

    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)


def fetch(url: str) -> bytes:
    """Download a partner's calendar, refusing anything but a small http(s) file."""
    if not url.lower().startswith(("http://", "https://")):
        raise CooperationError(
            _("Give an http:// or https:// address."), code="bad_url"
        )
    try:
        # Only http(s) reaches urlopen (checked above); staff-only admin view.
        with urllib.request.urlopen(url, timeout=FETCH_TIMEOUT) as response:  # noqa: S310  # nosec B310
            data = response.read(MAX_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise CooperationError(
            _("The calendar could not be downloaded: %(reason)s"),
            code="fetch_failed",
            params={"reason": str(getattr(error, "reason", error))},
        ) from error
    if len(data) > MAX_BYTES:
        raise CooperationError(
            _("The calendar file is larger than 2 MB."), code="too_big"
        )
    return data


def _wall_time(
    value, default_zone: str
) -> tuple[datetime.date, datetime.time | None, str]:
    if isinstance(value, datetime.datetime):
        zone = getattr(value.tzinfo, "key", None) or getattr(value.tzinfo, "zone", None)
        if value.tzinfo is None:
            zone = default_zone
        elif zone is None:
            zone = "UTC" if value.utcoffset() == datetime.timedelta(0) else None
        if zone is None or not timezones.is_time_zone(zone):
            raise ValueError("zone")
        local = (
            value if value.tzinfo is None else value.astimezone(timezones.zone(zone))
        )
        return local.date(), local.time().replace(tzinfo=None), zone
    return value, None, default_zone


def parse(data: bytes, *, default_zone: str) -> list[ImportedEvent]:
    """Return the file's events, or refuse the whole file with a clear message."""
    if len(data) > MAX_BYTES:
        raise CooperationError(
            _("The calendar file is larger than 2 MB."), code="too_big"
        )
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as error:
        raise CooperationError(
            _("This is not a valid iCalendar (.ics) file."), code="not_ical"
        ) from error
    if calendar.name != "VCALENDAR":
        raise CooperationError(
            _("This is not a valid iCalendar (.ics) file."), code="not_ical"
        )
    events: list[ImportedEvent] = []
    seen: set[str] = set()
    for number, component in enumerate(calendar.walk("VEVENT"), start=1):
        uid = str(component.get("UID", "")).strip()
        title = str(component.get("SUMMARY", "")).strip()
        if not uid or not title or "DTSTART" not in component:
            raise CooperationError(
                _("Event %(number)s lacks a UID, a title or a start."),
                code="incomplete_event",
                params={"number": number},
            )
        if uid in seen:
            raise CooperationError(
                _("The UID “%(uid)s” appears twice in the file."),
                code="duplicate_uid",
                params={"uid": uid[:80]},
            )
        seen.add(uid)
        try:
            for name in ("DTSTART", "DTEND"):
                tzid = component[name].params.get("TZID") if name in component else None
                if tzid and not timezones.is_time_zone(str(tzid)):
                    raise ValueError(tzid)
            start = component.decoded("DTSTART")
            if "DTEND" in component:
                end = component.decoded("DTEND")
            elif "DURATION" in component:
                end = start + component.decoded("DURATION")
            else:
                end = (
                    start
                    if isinstance(start, datetime.datetime)
                    else start + datetime.timedelta(days=1)
                )
            start_date, start_time, zone = _wall_time(start, default_zone)
            end_date, end_time, _zone = _wall_time(end, default_zone)
        except (ValueError, TypeError, KeyError) as error:
            raise CooperationError(
                _("Event “%(title)s” has a date or time zone this site cannot read."),
                code="bad_time",
                params={"title": title[:80]},
            ) from error
        if start_time is None:
            # iCalendar's all-day DTEND is exclusive; ours is the last day.
            end_date = max(start_date, end_date - datetime.timedelta(days=1))
        if isinstance(end, datetime.datetime) and isinstance(start, datetime.datetime):
            end_local = end.astimezone(timezones.zone(zone)) if end.tzinfo else end
            end_date, end_time = end_local.date(), end_local.time().replace(tzinfo=None)
            if end_local <= (
                start.astimezone(timezones.zone(zone)) if start.tzinfo else start
            ):
                raise CooperationError(
                    _("Event “%(title)s” ends before it starts."),
                    code="end_before_start",
                    params={"title": title[:80]},
                )
        events.append(
            ImportedEvent(
                uid=uid[:255],
                title=title[:255],
                start_date=start_date,
                start_time=start_time,
                end_date=end_date,
                end_time=end_time,
                time_zone=zone,
                status=STATUS_FROM_ICAL.get(
                    str(component.get("STATUS", "")).upper(), "planned"
                ),
                location=str(component.get("LOCATION", "")).strip()[:300],
                summary=str(component.get("DESCRIPTION", "")).strip()[:2000],
            )
        )
    if not events:
        raise CooperationError(_("The file holds no events."), code="no_events")
    return events


def _existing(uid: str):
    for model in EVENT_MODELS:
        page = model.objects.filter(external_uid=uid).first()
        if page is not None:
            return page
    return None


def _apply(page, event: ImportedEvent, language: str) -> bool:
    values = {
        f"title_{language}": event.title,
        f"location_{language}": event.location,
        f"summary_{language}": event.summary,
        "start_date": event.start_date,
        "start_time": event.start_time,
        "end_date": event.end_date,
        "end_time": event.end_time,
        "time_zone": event.time_zone,
        "status": event.status,
    }
    changed = any(getattr(page, name) != value for name, value in values.items())
    for name, value in values.items():
        setattr(page, name, value)
    return changed


def import_calendar(
    *,
    data: bytes,
    index: EventIndexPage,
    language: str,
    host: Region,
    guest: Region | None = None,
    user=None,
) -> ImportResult:
    """Create new events as drafts and update known ones by UID; all or nothing."""
    events = parse(data, default_zone=host.time_zone)
    result = ImportResult()
    with transaction.atomic(), translation.override(language):
        for event in events:
            page = _existing(event.uid)
            if page is None:
                slug = _free_slug(index, event)
                page = MeetingPage(
                    title=event.title,
                    slug=slug,
                    external_uid=event.uid,
                    live=False,
                    owner=user,
                )
                _apply(page, event, language)
                page.host_regions = [host]
                page.guest_regions = [guest] if guest is not None else []
                # Russian is the default language: it must never be empty.
                page.title_ru = page.title_ru or event.title
                page.slug_ru = slug
                setattr(page, f"slug_{language}", slug)
                index.add_child(instance=page)
                page.save_revision(user=user, log_action=True)
                result.created.append(page)
                continue
            page = page.specific
            if not _apply(page, event, language):
                result.unchanged.append(page)
                continue
            revision = page.save_revision(user=user, log_action=True)
            if page.live:
                revision.publish(user=user)
            result.updated.append(page)
    return result


def _free_slug(index: EventIndexPage, event: ImportedEvent) -> str:
    base = (slugify(event.title) or "event")[:40] + f"-{event.start_date:%Y%m%d}"
    slug, number = base, 2
    siblings = set(index.get_children().values_list("slug", flat=True))
    while slug in siblings:
        slug, number = f"{base}-{number}", number + 1
    return slug
