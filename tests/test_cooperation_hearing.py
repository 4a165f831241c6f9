"""Public hearings: share links with hashtags and moderated public participation."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import datetime
from urllib.parse import parse_qs, urlsplit

from django.test import Client

import pytest
from bs4 import BeautifulSoup

from cooperation import services
from cooperation.models import HearingSubmission

from .factories_cooperation import HearingSubmissionFactory
from .fixtures_cooperation import azerbaijan, coop_admin, events_index, hearing

UTC = datetime.UTC


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def hearing_url(hearing, language="en") -> str:
    from django.utils import translation

    with translation.override(language):
        return hearing.get_url()


def valid_data(**values) -> dict:
    data = {
        "name": "Leyla Mammadova",
        "email": "leyla@example.org",
        "text": "Will every ASAN service be available online?",
        "consent": "on",
        "website": "",
    }
    data.update(values)
    return data


def test_share_links_carry_the_hashtags_and_the_page_address(client, hearing):
    response = client.get(hearing_url(hearing))
    assert response.status_code == 200
    links = {a["class"][0]: a["href"] for a in soup(response).select(".share-links a")}
    assert set(links) == {
        "share-x",
        "share-facebook",
        "share-telegram",
        "share-whatsapp",
    }
    tweet = parse_qs(urlsplit(links["share-x"]).query)
    assert tweet["hashtags"] == ["ASANxidmet,eservices"]
    assert tweet["url"] == ["http://testserver" + hearing_url(hearing)]
    telegram = parse_qs(urlsplit(links["share-telegram"]).query)
    assert "#ASANxidmet #eservices" in telegram["text"][0]
    assert "#eservices" in parse_qs(urlsplit(links["share-whatsapp"]).query)["text"][0]
    assert urlsplit(links["share-facebook"]).netloc == "www.facebook.com"


def test_valid_submission_is_stored_pending_and_redirects_with_a_message(
    client, hearing
):
    url = hearing_url(hearing)
    response = client.post(url, valid_data())
    assert response.status_code == 302
    assert response["Location"].startswith(url)
    submission = HearingSubmission.objects.get()
    assert submission.status == "pending"
    assert submission.language == "en"
    page = client.get(response["Location"])
    message = soup(page).select_one(".messages .message")
    assert "once the moderators approve it" in message.get_text()
    # Not shown before moderation.
    assert "Will every ASAN service" not in soup(page).select_one(".participation").text


def test_invalid_submission_keeps_what_was_typed_and_names_the_problems(
    client, hearing
):
    response = client.post(
        hearing_url(hearing),
        valid_data(email="not-an-e-mail", consent="", text="Short?"),
    )
    assert response.status_code == 200
    html = soup(response)
    form = html.select_one("form.submission-form")
    assert form.select_one("input[name=name]")["value"] == "Leyla Mammadova"
    assert form.select_one("input[name=email]")["value"] == "not-an-e-mail"
    assert form.select_one("textarea[name=text]").get_text().strip() == "Short?"
    errors = {
        p.select_one("[name]")["name"]: p.select_one(".error").get_text()
        for p in form.select("p.form-field--error")
    }
    assert set(errors) == {"email", "text", "consent"}
    assert "agree" in errors["consent"]
    assert not HearingSubmission.objects.exists()


def test_invalid_submission_messages_are_in_the_readers_language(client, hearing):
    response = client.post(hearing_url(hearing, "ru"), valid_data(email="bad"))
    error = soup(response).select_one("p.form-field--error .error").get_text()
    assert "адрес" in error.lower()


def test_submission_without_csrf_token_is_refused(hearing):
    client = Client(enforce_csrf_checks=True)
    response = client.post(hearing_url(hearing), valid_data())
    assert response.status_code == 403
    assert not HearingSubmission.objects.exists()


def test_form_carries_a_csrf_token(client, hearing):
    response = client.get(hearing_url(hearing))
    assert soup(response).select_one(
        "form.submission-form input[name=csrfmiddlewaretoken]"
    )


def test_only_approved_submissions_are_shown_by_name_without_email(client, hearing):
    HearingSubmissionFactory(
        hearing=hearing,
        name="Approved Author",
        email="approved@example.org",
        text="An approved question",
        status="approved",
    )
    HearingSubmissionFactory(
        hearing=hearing, name="Pending Author", text="A pending question"
    )
    HearingSubmissionFactory(
        hearing=hearing,
        name="Rejected Author",
        text="A rejected question",
        status="rejected",
    )
    response = client.get(hearing_url(hearing))
    body = response.content.decode()
    shown = [
        li.get_text(" ", strip=True) for li in soup(response).select(".submission")
    ]
    assert len(shown) == 1
    assert "Approved Author" in shown[0] and "An approved question" in shown[0]
    for secret in (
        "approved@example.org",
        "Pending Author",
        "Rejected Author",
        "@example.org",
    ):
        assert secret not in body


def test_closed_hearing_refuses_submissions_and_hides_the_form(client, hearing):
    hearing.submissions_close_at = datetime.datetime(2020, 1, 1, tzinfo=UTC)
    hearing.save_revision().publish()
    page = client.get(hearing_url(hearing))
    assert soup(page).select_one("form.submission-form") is None
    response = client.post(hearing_url(hearing), valid_data())
    assert response.status_code == 200
    assert not HearingSubmission.objects.exists()
    assert "does not accept" in soup(response).select_one(".form-errors").get_text()


def test_hearing_accepts_submissions_only_until_it_closes(hearing):
    hearing.submissions_close_at = datetime.datetime(2030, 5, 1, tzinfo=UTC)
    before = datetime.datetime(2030, 4, 30, tzinfo=UTC)
    after = datetime.datetime(2030, 5, 2, tzinfo=UTC)
    assert services.hearing_accepts_submissions(hearing=hearing, now=before)
    assert not services.hearing_accepts_submissions(hearing=hearing, now=after)
    hearing.accepts_submissions = False
    assert not services.hearing_accepts_submissions(hearing=hearing, now=before)
    with pytest.raises(services.CooperationError):
        services.submit_hearing_comment(
            hearing=hearing,
            name="A",
            email="a@example.org",
            text="Question text",
            consent=True,
            language="en",
            now=before,
        )


def test_honeypot_submission_is_silently_dropped(client, hearing):
    response = client.post(hearing_url(hearing), valid_data(website="http://spam"))
    assert response.status_code == 302
    assert not HearingSubmission.objects.exists()


def test_staff_approve_a_submission_in_the_admin(coop_admin, hearing):
    submission = HearingSubmissionFactory(hearing=hearing, name="Citizen One")
    url = f"/admin/hearing_submissions/edit/{submission.pk}/"
    page = coop_admin.get(url)
    assert page.status_code == 200
    assert "citizen" in page.content.decode()  # staff see the e-mail
    response = coop_admin.post(url, {"status": "approved"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == "approved"
    assert submission.moderated_by == coop_admin.user
    assert submission.moderated_at is not None
    assert submission.name == "Citizen One"
    shown = coop_admin.get(hearing_url(hearing))
    assert "Citizen One" in soup(shown).select_one(".submissions").get_text()


def test_staff_cannot_invent_submissions_in_the_admin(coop_admin, hearing):
    listing = coop_admin.get("/admin/hearing_submissions/")
    assert listing.status_code == 200
    assert "/admin/hearing_submissions/new/" not in listing.content.decode()
    assert coop_admin.get("/admin/hearing_submissions/new/").status_code in (302, 403)


def test_moderation_list_filters_by_status(coop_admin, hearing):
    HearingSubmissionFactory(hearing=hearing, name="Waiting Person")
    HearingSubmissionFactory(hearing=hearing, name="Shown Person", status="approved")
    response = coop_admin.get("/admin/hearing_submissions/?status=pending")
    text = response.content.decode()
    assert "Waiting Person" in text and "Shown Person" not in text
