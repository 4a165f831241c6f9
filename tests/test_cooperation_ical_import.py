"""Importing a partner's .ics: create by UID, update on re-import, refuse bad files whole."""

import datetime
import http.server
import threading

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

import pytest

from cooperation import ical_import
from cooperation.models import MeetingPage
from cooperation.services import CooperationError

from .fixtures_cooperation import (  # noqa: F401
    azerbaijan,
    events_index,
    ulyanovsk,
)

PARTNER_FILE = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//ASAN//Partner calendar//AZ\r
BEGIN:VEVENT\r
UID:asan-2026-forum@asan.gov.az\r
DTSTAMP:20261101T000000Z\r
SUMMARY:ASAN forumu\r
DESCRIPTION:Dövlət xidmətləri üzrə forum\r
LOCATION:Bakı\r
DTSTART;TZID=Asia/Baku:20261210T100000\r
DTEND;TZID=Asia/Baku:20261210T130000\r
STATUS:CONFIRMED\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:asan-2026-week@asan.gov.az\r
DTSTAMP:20261101T000000Z\r
SUMMARY:Təlim həftəsi\r
DTSTART;VALUE=DATE:20261214\r
DTEND;VALUE=DATE:20261219\r
END:VEVENT\r
END:VCALENDAR\r
"""


def imported(**changes) -> bytes:
    text = PARTNER_FILE
    for old, new in changes.items():
        text = text.replace(old, new)
    return text.encode()


def run(data: bytes, index, host, guest=None):
    return ical_import.import_calendar(
        data=data, index=index, language="az", host=host, guest=guest
    )


def test_import_creates_drafts_with_wall_time_in_the_partners_zone(
    events_index, azerbaijan, ulyanovsk
):
    result = run(imported(), events_index, azerbaijan, ulyanovsk)
    assert len(result.created) == 2
    forum = MeetingPage.objects.get(external_uid="asan-2026-forum@asan.gov.az")
    assert forum.live is False
    assert forum.title_az == "ASAN forumu"
    assert forum.title_ru == "ASAN forumu"  # the default language is never empty
    assert (forum.start_date, forum.start_time, forum.time_zone) == (
        datetime.date(2026, 12, 10),
        datetime.time(10, 0),
        "Asia/Baku",
    )
    assert list(forum.host_regions.all()) == [azerbaijan]
    week = MeetingPage.objects.get(external_uid="asan-2026-week@asan.gov.az")
    assert (week.start_date, week.end_date, week.start_time) == (
        datetime.date(2026, 12, 14),
        datetime.date(2026, 12, 18),
        None,
    )


def test_reimport_updates_instead_of_duplicating(events_index, azerbaijan):
    run(imported(), events_index, azerbaijan)
    forum = MeetingPage.objects.get(external_uid="asan-2026-forum@asan.gov.az")
    forum.save_revision().publish()
    forum.refresh_from_db()
    sequence = forum.sequence
    result = run(
        imported(
            **{
                "20261210T100000": "20261211T100000",
                "20261210T130000": "20261211T130000",
            }
        ),
        events_index,
        azerbaijan,
    )
    assert (len(result.created), len(result.updated), len(result.unchanged)) == (
        0,
        1,
        1,
    )
    assert MeetingPage.objects.count() == 2
    forum.refresh_from_db()
    assert forum.start_date == datetime.date(2026, 12, 11)
    assert forum.live and forum.sequence > sequence


def test_cancelled_status_is_imported(events_index, azerbaijan):
    run(imported(**{"STATUS:CONFIRMED": "STATUS:CANCELLED"}), events_index, azerbaijan)
    forum = MeetingPage.objects.get(external_uid="asan-2026-forum@asan.gov.az")
    assert forum.status == "cancelled"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"this is not a calendar", "not a valid iCalendar"),
        (
            imported(
                **{"UID:asan-2026-week@asan.gov.az": "UID:asan-2026-forum@asan.gov.az"}
            ),
            "twice",
        ),
        (
            imported(**{"SUMMARY:Təlim həftəsi\r\n": ""}),
            "lacks a UID, a title or a start",
        ),
        (
            imported(
                **{
                    "DTEND;TZID=Asia/Baku:20261210T130000": "DTEND;TZID=Asia/Baku:20261210T090000"
                }
            ),
            "ends before it starts",
        ),
        (
            imported(
                **{
                    "TZID=Asia/Baku:20261210T100000": "TZID=Mars/Olympus:20261210T100000"
                }
            ),
            "cannot read",
        ),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "no events"),
    ],
)
def test_bad_files_are_refused_whole_and_change_nothing(
    events_index, azerbaijan, data, message
):
    with pytest.raises(CooperationError) as error:
        run(data, events_index, azerbaijan)
    with translation.override("en"):
        assert message in " ".join(error.value.messages)
    assert MeetingPage.objects.count() == 0


@pytest.fixture
def partner_server():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = imported() if self.path == "/partner.ics" else b""
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/calendar; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_import_by_address(events_index, azerbaijan, partner_server):
    data = ical_import.fetch(f"{partner_server}/partner.ics")
    assert len(run(data, events_index, azerbaijan).created) == 2
    with pytest.raises(CooperationError):
        ical_import.fetch(f"{partner_server}/missing.ics")
    with pytest.raises(CooperationError):
        ical_import.fetch("file:///etc/passwd")


def test_staff_import_in_the_admin_and_a_bad_file_says_why(
    client, events_index, azerbaijan
):
    staff = get_user_model().objects.create_superuser("staff", "s@example.org", "pw")
    client.force_login(staff)
    form = {
        "index": events_index.pk,
        "language": "az",
        "host": azerbaijan.pk,
    }
    bad = client.post(
        "/admin/cooperation/import-calendar/",
        {**form, "file": SimpleUploadedFile("bad.ics", b"garbage", "text/calendar")},
    )
    assert bad.status_code == 200
    assert "iCalendar" in bad.content.decode()
    assert MeetingPage.objects.count() == 0
    good = client.post(
        "/admin/cooperation/import-calendar/",
        {**form, "file": SimpleUploadedFile("asan.ics", imported(), "text/calendar")},
    )
    assert good.status_code == 302
    assert MeetingPage.objects.count() == 2
    neither = client.post("/admin/cooperation/import-calendar/", form)
    assert "что-то одно" in neither.content.decode()
