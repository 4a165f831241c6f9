"""The one iCalendar builder behind every feed, download and e-mail attachment."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils import timezone

import icalendar

PRODID = "-//Ulyanovsk-Azerbaijan cooperation//Calendar 1.0//RU"
UID_DOMAIN = "coop.ulyanovsk-az"
STATUSES = {"CONFIRMED", "TENTATIVE", "CANCELLED"}


@dataclass(frozen=True)
class CalendarEvent:
    """One event as calendars see it, already in the reader's language."""

    uid: str
    summary: str
    start: datetime.datetime | datetime.date
    end: datetime.datetime | datetime.date
    time_zone: str
    status: str = "CONFIRMED"
    sequence: int = 0
    description: str = ""
    location: str = ""
    url: str = ""
    categories: tuple[str, ...] = ()
    created: datetime.datetime | None = None
    last_modified: datetime.datetime | None = None
    extra: dict = field(default_factory=dict)

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime.datetime)


def event_uid(key: str) -> str:
    """Return a calendar UID from a stable, non-guessable key (never a database id)."""
    return f"{key}@{UID_DOMAIN}"


def _vevent(item: CalendarEvent, stamp: datetime.datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    event.add("summary", item.summary)
    if item.all_day:
        # RFC 5545 makes DTEND of an all-day event exclusive: the day after the last.
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
    else:
        start = item.start.astimezone(icalendar.timezone.tzp.timezone(item.time_zone))
        end = item.end.astimezone(icalendar.timezone.tzp.timezone(item.time_zone))
        event.add("dtstart", start)
        event.add("dtend", end)
    event.add("status", item.status if item.status in STATUSES else "CONFIRMED")
    event.add("sequence", item.sequence)
    if item.description:
        event.add("description", item.description)
    if item.location:
        event.add("location", item.location)
    if item.url:
        event.add("url", item.url)
    if item.categories:
        event.add("categories", list(item.categories))
    if item.created:
        event.add("created", item.created.astimezone(datetime.UTC))
    if item.last_modified:
        event.add("last-modified", item.last_modified.astimezone(datetime.UTC))
    for name, value in item.extra.items():
        event.add(name, value)
    return event


def build_calendar(
    events: Iterable[CalendarEvent],
    *,
    name: str,
    language: str,
    method: str = "PUBLISH",
    refresh: datetime.timedelta | None = datetime.timedelta(hours=6),
    now: datetime.datetime | None = None,
) -> icalendar.Calendar:
    """Return a calendar of the events with a compact VTIMEZONE per TZID used."""
    stamp = (now or timezone.now()).astimezone(datetime.UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    # A calendar's name is one line; NAME is not escaped like TEXT values are.
    name = " ".join(name.split())
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    calendar["x-wr-language"] = language
    if refresh:
        calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
        calendar["x-published-ttl"] = icalendar.vDuration(refresh)
    first: datetime.date | None = None
    last: datetime.date | None = None
    for item in events:
        calendar.add_component(_vevent(item, stamp))
        if not item.all_day:
            start_day, end_day = item.start.date(), item.end.date()
            first = start_day if first is None else min(first, start_day)
            last = end_day if last is None else max(last, end_day)
    if first is not None:
        # Only the transitions around the events: a compact VTIMEZONE.
        calendar.add_missing_timezones(
            first_date=first - datetime.timedelta(days=366),
            last_date=last + datetime.timedelta(days=366),
        )
    return calendar


def calendar_response(calendar: icalendar.Calendar, filename: str) -> HttpResponse:
    """Serve a calendar as a readable .ics download."""
    response = HttpResponse(
        calendar.to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
