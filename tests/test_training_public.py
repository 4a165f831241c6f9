# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import datetime
import re

from django.core import mail
from django.test import Client
from django.utils import timezone, translation

import icalendar
import pytest
from bs4 import BeautifulSoup

from training.models import Registration, TrainingSessionPage

from .factories_training import RegistrationFactory, TrainingSessionPageFactory
from .fixtures_training import (
    programme,
    session,
    trainer,
    training_index,
    two_day_session,
    venue,
)

pytestmark = pytest.mark.django_db

SECRET_LINK = "https://meet.example.org/join/very-secret"


def url_in(page, language: str) -> str:
    with translation.override(language):
        return page.get_url()


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def form_post(client: Client, session, url_language: str, **overrides):
    """Open the session page like a browser and send its form."""
    page = client.get(url_in(session, url_language))
    form = soup(page).find("form", class_="training-form")
    data = {
        "csrfmiddlewaretoken": form.find(
            "input", attrs={"name": "csrfmiddlewaretoken"}
        )["value"],
        "name": "Leyla Məmmədova",
        "email": "leyla@example.org",
        "organisation": "ASAN xidmət",
        "phone": "+994 12 000 00 00",
        "language": form.find("option", selected=True)["value"],
        "consent": "on",
    }
    data.update(overrides)
    data = {key: value for key, value in data.items() if value is not None}
    return client.post(form["action"], data)


def calendar_part(message):
    for part in message.message().walk():
        if part.get_content_type() == "text/calendar":
            return part
    return None


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def test_session_page_shows_times_in_both_zones_seats_and_waitlist(client, session):
    RegistrationFactory.create_batch(2, session=session)
    RegistrationFactory(session=session, name="Secret Name", status="waitlisted")
    response = client.get(url_in(session, "en"))
    assert response.status_code == 200
    page = soup(response)
    (slot,) = page.select(".training-slots li")
    assert "10:00–12:00" in slot.get_text()
    assert slot.select_one(".other-zone").get_text().startswith("10:00–12:00")
    assert page.select_one(".seats-left").get_text(strip=True).endswith("0 of 2")
    assert "1 person on the waiting list" in page.select_one(".waitlist-length").text
    assert "Secret Name" not in response.content.decode()


def test_online_joining_link_never_reaches_public_outputs(client, session):
    session.online = True
    session.online_link = SECRET_LINK
    session.save_revision().publish()
    for language in ("ru", "az", "en"):
        assert SECRET_LINK not in client.get(url_in(session, language)).content.decode()
    search = client.get("/ru/search/", {"q": "very-secret"})
    assert session.title not in search.content.decode()
    assert (
        session.title
        in client.get("/ru/search/", {"q": session.title}).content.decode()
    )
    assert "very-secret" not in session.calendar_event().location
    assert "very-secret" not in session.calendar_event().description


def test_registering_in_azerbaijani_sends_the_invitation_in_azerbaijani(
    csrf_client, session
):
    response = form_post(csrf_client, session, "az")
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.language == "az"
    assert registration.status == Registration.Status.CONFIRMED
    done = csrf_client.get(response["Location"])
    assert done.status_code == 200
    assert soup(done).select_one(".training-confirmed")

    (message,) = mail.outbox
    assert message.to == ["leyla@example.org"]
    assert session.title_az in message.subject
    assert session.title_az in message.body
    part = calendar_part(message)
    assert part is not None
    assert part.get_param("method") == "REQUEST"
    assert part.get_content_charset() == "utf-8"
    calendar = icalendar.Calendar.from_ical(part.get_payload(decode=True))
    assert calendar["METHOD"] == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == session.title_az
    assert str(event["ATTENDEE"]) == "mailto:leyla@example.org"
    assert event["DTSTART"].dt == session.starts_at
    assert str(event["URL"]).startswith("http://testserver/az/telim/")
    cancel_link = re.search(
        r"http://testserver/az/registrations/cancel/\S+/", message.body
    )
    assert cancel_link


def test_online_link_goes_only_to_confirmed_participants(session):
    session.online = True
    session.online_link = SECRET_LINK
    session.capacity = 1
    session.save()
    from training.services import register_participant

    for email in ("seat@example.org", "wait@example.org"):
        register_participant(
            session=session,
            name="N",
            email=email,
            organisation="O",
            language="en",
            consent=True,
            now=timezone.now(),
        )
    by_address = {m.to[0]: m for m in mail.outbox}
    assert SECRET_LINK in by_address["seat@example.org"].body
    assert SECRET_LINK not in by_address["wait@example.org"].body
    assert "place 1" in by_address["wait@example.org"].body
    assert calendar_part(by_address["wait@example.org"]) is None


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"email": "not-an-address"}, "email"),
        ({"consent": None}, "consent"),
        ({"name": "N" * 201}, "name"),
        ({"organisation": ""}, "organisation"),
        ({"phone": "call me"}, "phone"),
    ],
)
def test_bad_input_keeps_what_was_typed_and_saves_nothing(
    csrf_client, session, overrides, field
):
    response = form_post(csrf_client, session, "ru", **overrides)
    assert response.status_code == 200
    page = soup(response)
    error = page.select_one(f".has-error #id_{field}")
    assert error is not None
    assert page.find("input", attrs={"name": "organisation"}).get("value", "") == (
        overrides.get("organisation", "ASAN xidmət")
    )
    assert page.find("input", attrs={"name": "email"})["value"] == overrides.get(
        "email", "leyla@example.org"
    )
    assert page.select(f"#id_{field}-error")
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_registering_on_a_closed_session_is_refused_and_keeps_the_form(
    csrf_client, session
):
    # The page was opened while registration was open, then it closed.
    page = csrf_client.get(url_in(session, "en"))
    token = soup(page).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    session.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    session.save()
    response = csrf_client.post(
        url_in(session, "en") + "register/",
        {
            "csrfmiddlewaretoken": token,
            "name": "Late Person",
            "email": "late@example.org",
            "organisation": "Org",
            "language": "en",
            "consent": "on",
        },
    )
    assert response.status_code == 200
    page = soup(response)
    assert "registration closed" in page.select_one(".form-errors").get_text()
    assert page.find("input", attrs={"name": "name"})["value"] == "Late Person"
    assert not Registration.objects.exists()


def test_form_post_without_csrf_token_is_rejected(csrf_client, session):
    response = csrf_client.post(
        url_in(session, "ru") + "register/",
        {"name": "X", "email": "x@example.org", "organisation": "O", "consent": "on"},
    )
    assert response.status_code == 403
    assert not Registration.objects.exists()


def test_full_session_puts_registrant_on_waitlist_with_position(csrf_client, session):
    RegistrationFactory.create_batch(2, session=session)
    response = form_post(csrf_client, session, "en")
    done = soup(csrf_client.get(response["Location"]))
    assert "place 1" in done.select_one(".training-waitlisted").get_text()
    assert Registration.objects.get(email="leyla@example.org").status == "waitlisted"


def test_cancel_link_asks_first_then_cancels_and_promotes(csrf_client, session):
    form_post(csrf_client, session, "az")
    form_post(csrf_client, session, "az", email="second@example.org")
    form_post(csrf_client, session, "en", email="waiting@example.org", language="en")
    first_mail = mail.outbox[0]
    link = re.search(
        r"http://testserver(/az/registrations/cancel/\S+/)", first_mail.body
    )
    mail.outbox.clear()

    confirm = csrf_client.get(link.group(1))
    assert confirm.status_code == 200
    assert Registration.objects.get(email="leyla@example.org").status == "confirmed"
    token = soup(confirm).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]

    done = csrf_client.post(link.group(1), {"csrfmiddlewaretoken": token})
    assert done.status_code == 200
    assert Registration.objects.get(email="leyla@example.org").status == "cancelled"
    assert Registration.objects.get(email="waiting@example.org").status == "confirmed"
    (promotion,) = mail.outbox
    assert promotion.to == ["waiting@example.org"]
    assert session.title_en in promotion.subject
    assert calendar_part(promotion) is not None


def test_forged_cancel_link_is_not_found(client, session):
    RegistrationFactory(session=session)
    response = client.get("/ru/registrations/cancel/forged:value/")
    assert response.status_code == 404
    assert Registration.objects.get().status == "confirmed"


def test_trainer_page_lists_upcoming_sessions_in_every_language(
    client, training_index, session, two_day_session, trainer
):
    past = TrainingSessionPageFactory(
        parent=session.get_parent(),
        trainers=[trainer],
        slots=[
            (
                timezone.localdate() - datetime.timedelta(days=3),
                datetime.time(10),
                datetime.time(12),
            )
        ],
    )
    for language in ("ru", "az", "en"):
        url = url_in(training_index, language) + "trainers/elnur-gumbatov/"
        response = client.get(url)
        assert response.status_code == 200
        page = soup(response)
        titles = [a.get_text() for a in page.select(".training-card .card-title a")]
        assert titles == [
            getattr(session, f"title_{language}"),
            getattr(two_day_session, f"title_{language}"),
        ]
        assert getattr(past, f"title_{language}") not in titles
        switcher = {
            a["hreflang"]: a["href"] for a in page.select(".language-switcher a")
        }
        assert switcher["az"] == "/az/telim/trainers/elnur-gumbatov/"
        assert switcher["en"] == "/en/training/trainers/elnur-gumbatov/"
    assert client.get("/ru/obuchenie/trainers/nobody/").status_code == 404


def test_index_and_programme_list_the_upcoming_sessions(
    client, training_index, session
):
    index = soup(client.get(url_in(training_index, "az")))
    assert session.title_az in [a.get_text() for a in index.select(".card-title a")]
    trainer_links = [a["href"] for a in index.select(".sidebar a")]
    assert "/az/telim/trainers/elnur-gumbatov/" in trainer_links
    programme = soup(client.get(url_in(session.get_parent(), "en")))
    assert session.title_en in [a.get_text() for a in programme.select(".card-title a")]


def test_postponed_session_shows_a_banner_and_no_form(client, session):
    session.status = TrainingSessionPage.Status.POSTPONED
    session.status_note_ru = "Новые даты будут объявлены."
    session.save()
    page = soup(client.get(url_in(session, "ru")))
    assert "Новые даты будут объявлены." in page.select_one(".training-status").text
    assert page.select_one("form.training-form") is None
    assert page.select_one(".training-refusal")


def test_api_shows_public_session_fields_but_never_the_joining_link(client, session):
    session.online = True
    session.online_link = SECRET_LINK
    session.save_revision().publish()
    response = client.get(
        "/en/api/v2/pages/?type=training.TrainingSessionPage&fields=*"
    )
    if response.status_code == 404:
        pytest.skip("the public API is not installed in this tree")
    (item,) = response.json()["items"]
    assert item["title"] == session.title_en
    assert item["slots"][0]["start_time"] == "10:00:00"
    assert "online_link" not in item
    assert "very-secret" not in response.content.decode()
    detail = client.get(f"/en/api/v2/pages/{session.pk}/?fields=*")
    assert "very-secret" not in detail.content.decode()
