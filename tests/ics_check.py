"""A strict structural check of iCalendar bytes, and a second, independent parser."""

import re

import icalendar
import vobject

REQUIRED_CALENDAR = {"VERSION", "PRODID"}
REQUIRED_EVENT = {"UID", "DTSTAMP", "DTSTART", "SUMMARY"}
TZID_PARAM = re.compile(r";TZID=([^;:]+)[;:]")


def unfold(data: bytes) -> list[str]:
    """Return the logical content lines of CRLF-separated, folded iCalendar text."""
    text = data.decode("utf-8")
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def check_ics(data: bytes) -> icalendar.Calendar:
    """Fail loudly unless `data` is a well-formed RFC 5545 calendar; return it parsed."""
    assert data, "empty calendar"
    data.decode("utf-8")  # strict: raises on any invalid UTF-8 sequence
    assert data.endswith(b"\r\n"), "the file must end with CRLF"
    assert b"\n" not in data.replace(b"\r\n", b""), "bare LF found"
    assert b"\r" not in data.replace(b"\r\n", b""), "bare CR found"
    for number, raw in enumerate(data.split(b"\r\n")[:-1], start=1):
        assert len(raw) <= 75, f"line {number} is {len(raw)} octets long"
        raw.decode("utf-8")  # a fold never splits a UTF-8 character
    lines = unfold(data)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    depth: list[str] = []
    uids: list[str] = []
    tzids_used: set[str] = set()
    tzids_defined: set[str] = set()
    properties: dict[int, set[str]] = {}
    for line in lines[:-1]:
        name = re.split(r"[;:]", line, maxsplit=1)[0].upper()
        if name == "BEGIN":
            depth.append(line.split(":", 1)[1])
            properties[len(depth)] = set()
            continue
        if name == "END":
            component = line.split(":", 1)[1]
            assert depth and depth[-1] == component, f"unbalanced END:{component}"
            seen = properties.pop(len(depth))
            if component == "VEVENT":
                missing = REQUIRED_EVENT - seen
                assert not missing, f"VEVENT lacks {sorted(missing)}"
            if component == "VCALENDAR":
                missing = REQUIRED_CALENDAR - seen
                assert not missing, f"VCALENDAR lacks {sorted(missing)}"
            depth.pop()
            continue
        properties[len(depth)].add(name)
        if depth and depth[-1] == "VEVENT" and name == "UID":
            uids.append(line.split(":", 1)[1])
        if depth and depth[-1] == "VTIMEZONE" and name == "TZID":
            tzids_defined.add(line.split(":", 1)[1])
        for tzid in TZID_PARAM.findall(line):
            tzids_used.add(tzid)
    assert not depth, f"unclosed components: {depth}"
    assert len(uids) == len(set(uids)), "duplicate UIDs"
    assert tzids_used <= tzids_defined, f"no VTIMEZONE for {tzids_used - tzids_defined}"
    calendar = icalendar.Calendar.from_ical(data)
    second = vobject.readOne(data.decode("utf-8"))
    first_uids = sorted(str(event["UID"]) for event in calendar.walk("VEVENT"))
    second_uids = sorted(
        event.uid.value for event in getattr(second, "vevent_list", [])
    )
    assert first_uids == second_uids, "the two parsers disagree on the events"
    return calendar
