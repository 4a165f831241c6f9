"""The one iCalendar builder: RFC 5545 structure, time zones, hostile text."""

import datetime
import zoneinfo

import icalendar

from cooperation.calendar import CalendarEvent, build_calendar, event_uid

from .ics_check import check_ics

ULYANOVSK = zoneinfo.ZoneInfo("Europe/Ulyanovsk")
BAKU = zoneinfo.ZoneInfo("Asia/Baku")
NOW = datetime.datetime(2026, 11, 22, 12, 0, tzinfo=datetime.UTC)


def meeting(**overrides) -> CalendarEvent:
    values = {
        "uid": event_uid("meeting-2017-06-30"),
        "summary": "Встреча губернатора",
        "start": datetime.datetime(2017, 6, 30, 10, 0, tzinfo=ULYANOVSK),
        "end": datetime.datetime(2017, 6, 30, 12, 0, tzinfo=ULYANOVSK),
        "time_zone": "Europe/Ulyanovsk",
    }
    values.update(overrides)
    return CalendarEvent(**values)


def test_times_keep_local_wall_time_with_tzid_and_a_vtimezone():
    calendar = check_ics(
        build_calendar([meeting()], name="Тест", language="ru", now=NOW).to_ical()
    )
    event = next(iter(calendar.walk("VEVENT")))
    start = event.decoded("DTSTART")
    assert start.replace(tzinfo=None) == datetime.datetime(2017, 6, 30, 10, 0)
    assert event["DTSTART"].params["TZID"] == "Europe/Ulyanovsk"
    assert start.utcoffset() == datetime.timedelta(hours=4)
    zones = [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")]
    assert zones == ["Europe/Ulyanovsk"]


def test_vtimezone_covers_the_2016_offset_change_of_ulyanovsk():
    before = meeting(
        uid=event_uid("a"),
        start=datetime.datetime(2016, 3, 20, 10, 0, tzinfo=ULYANOVSK),
        end=datetime.datetime(2016, 3, 20, 11, 0, tzinfo=ULYANOVSK),
    )
    after = meeting(
        uid=event_uid("b"),
        start=datetime.datetime(2016, 4, 20, 10, 0, tzinfo=ULYANOVSK),
        end=datetime.datetime(2016, 4, 20, 11, 0, tzinfo=ULYANOVSK),
    )
    data = build_calendar([before, after], name="x", language="ru", now=NOW).to_ical()
    calendar = check_ics(data)
    starts = {
        str(event["UID"]): event.decoded("DTSTART").astimezone(datetime.UTC)
        for event in calendar.walk("VEVENT")
    }
    assert starts[event_uid("a")].hour == 7  # UTC+3 before 27 March 2016
    assert starts[event_uid("b")].hour == 6  # UTC+4 after


def test_each_zone_used_gets_exactly_one_vtimezone():
    baku = meeting(
        uid=event_uid("baku"),
        start=datetime.datetime(2017, 7, 20, 10, 0, tzinfo=BAKU),
        end=datetime.datetime(2017, 7, 20, 13, 0, tzinfo=BAKU),
        time_zone="Asia/Baku",
    )
    data = build_calendar(
        [meeting(), baku, meeting(uid=event_uid("c"))], name="x", language="ru", now=NOW
    ).to_ical()
    calendar = check_ics(data)
    assert sorted(str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")) == [
        "Asia/Baku",
        "Europe/Ulyanovsk",
    ]


def test_all_day_events_use_dates_with_an_exclusive_end():
    visit = meeting(
        uid=event_uid("visit"),
        start=datetime.date(2017, 6, 30),
        end=datetime.date(2017, 7, 2),
    )
    calendar = check_ics(
        build_calendar([visit], name="x", language="ru", now=NOW).to_ical()
    )
    event = next(iter(calendar.walk("VEVENT")))
    assert event["DTSTART"].params.get("VALUE") == "DATE" or isinstance(
        event.decoded("DTSTART"), datetime.date
    )
    assert event.decoded("DTSTART") == datetime.date(2017, 6, 30)
    assert event.decoded("DTEND") == datetime.date(2017, 7, 2)
    assert not calendar.walk("VTIMEZONE")


def test_hostile_text_cannot_break_the_file():
    hostile = "a;b,c\\d\nBEGIN:VEVENT\r\nEND:VCALENDAR\nə ğ ı ö ş ü ç " * 8
    event = meeting(summary=hostile, description=hostile, location=hostile)
    data = build_calendar([event], name=hostile, language="az", now=NOW).to_ical()
    calendar = check_ics(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == hostile.replace("\r\n", "\n") or str(
        events[0]["SUMMARY"]
    ).replace("\r\n", "\n") == hostile.replace("\r\n", "\n")


def test_calendar_properties_and_status_sequence():
    cancelled = meeting(status="CANCELLED", sequence=3, categories=("IT", "Təlim"))
    calendar = check_ics(
        build_calendar([cancelled], name="Ulyanovsk", language="en", now=NOW).to_ical()
    )
    assert str(calendar["X-WR-CALNAME"]) == "Ulyanovsk"
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    event = next(iter(calendar.walk("VEVENT")))
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 3
    assert event.decoded("DTSTAMP") == NOW
    assert [str(c) for c in event["CATEGORIES"].cats] == ["IT", "Təlim"]


def test_uid_is_stable_and_does_not_carry_a_database_id():
    assert event_uid("6f1c0f0e-1d2b-4a4c-9f57-0c8d1b6a7e11") == (
        "6f1c0f0e-1d2b-4a4c-9f57-0c8d1b6a7e11@coop.ulyanovsk-az"
    )
    assert isinstance(
        build_calendar([], name="x", language="ru", now=NOW), icalendar.Calendar
    )
