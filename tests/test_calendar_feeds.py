"""The public calendar and its iCalendar feeds: one event, one UID, every language."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from bs4 import BeautifulSoup

from home.models import CalendarFeedToken

from .factories import HomePageFactory  # noqa: F401 (factories module loads first)
from .factories_cooperation import VisitPageFactory
from .factories_training import TrainingSessionPageFactory, in_days
from .fixtures_cooperation import (  # noqa: F401
    agency,
    area,
    azerbaijan,
    events_index,
    meeting,
    ulyanovsk,
    visit,
)
from .fixtures_training import (  # noqa: F401
    programme,
    session,
    trainer,
    training_index,
    venue,
)
from .ics_check import check_ics

FEEDS = {"ru": "/ru/calendar.ics", "az": "/az/calendar.ics", "en": "/en/calendar.ics"}


def events(client, url: str) -> dict[str, object]:
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = check_ics(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_feed_has_every_kind_of_public_event(
    client, calendar_page, visit, meeting, session
):
    found = events(client, FEEDS["en"])
    summaries = {str(event["SUMMARY"]) for event in found.values()}
    assert visit.title_en in summaries
    assert meeting.title_en in summaries
    assert session.title_en in summaries


def test_uid_is_the_same_in_every_language_and_text_follows_the_url(
    client, calendar_page, visit, session
):
    by_language = {code: events(client, url) for code, url in FEEDS.items()}
    assert set(by_language["ru"]) == set(by_language["az"]) == set(by_language["en"])
    uid = next(
        uid
        for uid, e in by_language["az"].items()
        if str(e["SUMMARY"]) == visit.title_az
    )
    assert str(by_language["ru"][uid]["SUMMARY"]) == visit.title_ru
    assert str(by_language["en"][uid]["SUMMARY"]) == visit.title_en
    assert str(visit.pk) not in uid.split("@")[0].split("-")


def test_unpublished_events_are_not_in_public_feeds(
    client, calendar_page, events_index, visit
):
    draft = VisitPageFactory(parent=events_index, live=False, title_en="Secret visit")
    found = events(client, FEEDS["en"])
    assert all("Secret" not in str(e["SUMMARY"]) for e in found.values())
    assert f"{draft.uid}" not in " ".join(found)


def test_cancelled_session_stays_in_the_feed_as_cancelled(
    client, calendar_page, session
):
    from training import services

    services.cancel_session(session=session, now=timezone.now())
    found = events(client, FEEDS["ru"])
    event = next(e for e in found.values() if str(e["SUMMARY"]) == session.title_ru)
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) >= 1


def test_conditional_requests_get_304(client, calendar_page, visit):
    first = client.get(FEEDS["ru"])
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(FEEDS["ru"], HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = client.get(FEEDS["ru"], HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    other_language = client.get(FEEDS["az"], HTTP_IF_NONE_MATCH=first["ETag"])
    assert other_language.status_code == 200


def test_publishing_a_change_invalidates_the_feed(client, calendar_page, visit):
    first = client.get(FEEDS["en"])
    visit.title_en = "Renamed visit"
    visit.save_revision().publish()
    again = client.get(FEEDS["en"], HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert b"Renamed visit" in again.content


def test_feed_has_a_readable_file_name_and_calendar_name(client, calendar_page, visit):
    response = client.get(FEEDS["az"] + "?region=azerbaijan")
    assert (
        'filename="ulyanovsk-azerbaijan-calendar-azerbaijan-az.ics"'
        in response["Content-Disposition"]
    )
    calendar = check_ics(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Ulyanovsk – Azərbaycan əməkdaşlığı"
    assert "REFRESH-INTERVAL" in calendar


def test_filters_combine(client, calendar_page, visit, meeting, session, trainer):
    only_sessions = events(client, FEEDS["en"] + "?kind=session")
    assert {str(e["SUMMARY"]) for e in only_sessions.values()} == {session.title_en}
    by_trainer = events(client, FEEDS["en"] + f"?trainer={trainer.slug}")
    assert {str(e["SUMMARY"]) for e in by_trainer.values()} == {session.title_en}
    by_area = events(client, FEEDS["en"] + "?area=e-services")
    assert {str(e["SUMMARY"]) for e in by_area.values()} == {visit.title_en}
    nothing = events(client, FEEDS["en"] + "?kind=visit&trainer=" + trainer.slug)
    assert nothing == {}


def test_single_event_downloads_as_ics(client, calendar_page, visit):
    response = client.get(f"/en/calendar/event/{visit.uid}.ics")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    found = check_ics(response.content).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in found] == [visit.title_en]
    assert client.get("/en/calendar/event/not-a-uid.ics").status_code == 404


def test_single_download_of_an_unpublished_event_is_404(
    client, calendar_page, events_index
):
    draft = VisitPageFactory(parent=events_index, live=False)
    assert client.get(f"/en/calendar/event/{draft.uid}.ics").status_code == 404


def test_private_feed_shows_unpublished_events_to_staff_until_revoked(
    client, calendar_page, events_index, visit
):
    staff = get_user_model().objects.create_superuser("boss", "b@example.org", "pw")
    draft = VisitPageFactory(
        parent=events_index, live=False, title_en="Planned secret visit"
    )
    token = CalendarFeedToken.objects.create(user=staff, token="s3cret-token-value")
    url = "/en/calendar/private/s3cret-token-value.ics"
    found = events(client, url)
    assert "Planned secret visit" in {str(e["SUMMARY"]) for e in found.values()}
    assert (
        client.get(url)["Cache-Control"].startswith("no-store")
        or "private" in client.get(url)["Cache-Control"]
    )
    token.revoked_at = datetime.datetime.now(datetime.UTC)
    token.save()
    assert client.get(url).status_code == 404
    assert client.get("/en/calendar/private/wrong.ics").status_code == 404
    assert draft.live is False


def test_trainer_private_feed_has_own_unpublished_sessions_only(
    client, calendar_page, programme, venue, trainer
):
    user = get_user_model().objects.create_user("trainer", "t@example.org", "pw")
    trainer.user = user
    trainer.save()
    own = TrainingSessionPageFactory(
        parent=programme,
        venue=venue,
        trainers=[trainer],
        live=False,
        title_en="Own draft",
    )
    TrainingSessionPageFactory(
        parent=programme,
        venue=venue,
        trainers=[],
        live=False,
        title_en="Other draft",
        slots=[(in_days(50), datetime.time(9), datetime.time(10))],
    )
    CalendarFeedToken.objects.create(user=user, token="trainer-token")
    summaries = {
        str(e["SUMMARY"])
        for e in events(client, "/en/calendar/private/trainer-token.ics").values()
    }
    assert own.title_en in summaries
    assert "Other draft" not in summaries


def test_user_without_a_role_gets_no_private_feed(client, calendar_page):
    user = get_user_model().objects.create_user("reader", "r@example.org", "pw")
    CalendarFeedToken.objects.create(user=user, token="reader-token")
    assert client.get("/en/calendar/private/reader-token.ics").status_code == 404


def test_staff_create_and_revoke_their_private_address_in_the_admin(
    client, calendar_page
):
    staff = get_user_model().objects.create_superuser("boss", "b@example.org", "pw")
    client.force_login(staff)
    response = client.post("/admin/calendar-feed/", {"action": "create"})
    assert response.status_code == 302
    token = CalendarFeedToken.objects.get(user=staff, revoked_at__isnull=True)
    page = client.get("/admin/calendar-feed/").content.decode()
    assert f"/private/{token.token}.ics" in page
    client.post("/admin/calendar-feed/", {"action": "revoke"})
    assert not CalendarFeedToken.objects.filter(
        user=staff, revoked_at__isnull=True
    ).exists()
    client.logout()
    assert client.get(f"/ru/calendar/private/{token.token}.ics").status_code == 404


def test_month_view_and_agenda_show_events_with_shareable_filters(
    client, calendar_page, visit
):
    month = f"{visit.start_date:%Y-%m}"
    page = BeautifulSoup(
        client.get(f"/en/calendar/?month={month}&region=azerbaijan").content,
        "html.parser",
    )
    assert visit.title_en in page.select_one(".month-grid").get_text()
    links = {a.get_text(strip=True): a["href"] for a in page.select(".subscribe a")}
    assert any("region=azerbaijan" in href for href in links.values())
    assert any(href.startswith("webcal://") for href in links.values())
    assert any(
        href.startswith("https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2F")
        for href in links.values()
    )
    agenda = BeautifulSoup(
        client.get(f"/en/calendar/?month={month}&view=agenda").content, "html.parser"
    )
    assert visit.title_en in agenda.select_one(".agenda").get_text()
    empty = BeautifulSoup(
        client.get(f"/en/calendar/?month={month}&kind=session").content, "html.parser"
    )
    assert visit.title_en not in empty.select_one(".month-grid").get_text()


def test_bad_month_parameter_falls_back_to_this_month(client, calendar_page):
    assert client.get("/ru/kalendar/?month=2017-13").status_code == 200
    assert client.get("/ru/kalendar/?month=garbage").status_code == 200
