"""Registration e-mails: written under the lock, sent after; a mail server failure loses nothing."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import datetime
import io
import smtplib
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.db import OperationalError
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

import pytest
from bs4 import BeautifulSoup

from config import page_cache
from training.models import Registration, TrainingSessionPage
from training.models.registrations import RegistrationEmail
from training.services import TrainingError, cancel_registration

from . import factories_training
from .fixtures_training import programme, session, trainer, training_index, venue

pytestmark = pytest.mark.django_db

SMTP = "django.core.mail.backends.locmem.EmailBackend.send_messages"
PENDING_NOTE = (
    "We could not send your confirmation e-mail just now; it will follow shortly. "
    "Your registration is saved: you do not need to register again."
)


def smtp_down():
    return mock.patch(SMTP, side_effect=smtplib.SMTPServerDisconnected("gone"))


def register(session, email, **overrides):
    return factories_training.register(
        session, email, **{"language": "en", **overrides}
    )


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def post_form(client: Client, session, email="leyla@example.org"):
    with translation.override("en"):
        url = session.get_url()
    form = soup(client.get(url)).find("form", class_="training-form")
    return client.post(
        form["action"],
        {
            "name": "Leyla Məmmədova",
            "email": email,
            "organisation": "ASAN xidmət",
            "phone": "",
            "language": "en",
            "consent": "on",
        },
    )


def test_mail_server_down_still_shows_the_confirmation_with_a_note(client, session):
    with smtp_down():
        response = post_form(client, session)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED
    (email,) = registration.emails.all()
    assert (email.sent_at, email.attempts) == (None, 1)
    assert "SMTPServerDisconnected" in email.last_error
    page = soup(client.get(response["Location"]))
    assert page.select_one(".training-confirmed") is not None
    with translation.override("en"):
        assert page.select_one(".training-email-pending").text == gettext(PENDING_NOTE)
    assert mail.outbox == []


ALREADY = (
    "This e-mail address is already registered for this session. The confirmation "
    "e-mail sent to it shows where the registration stands and how to cancel it."
)


def test_a_resubmission_after_a_failed_email_resends_it_and_reveals_no_status(
    client, session
):
    with smtp_down():
        post_form(client, session)
    response = post_form(client, session, email="LEYLA@example.org")
    assert response.status_code == 200
    error = soup(response).select_one(".has-error").text
    with translation.override("en"):
        assert gettext(ALREADY) in error
    # Where the registration stands goes to the mailbox only.
    assert "confirmed" not in error.lower()
    # The failed e-mail went out with the second try, once.
    (message,) = mail.outbox
    assert message.to == ["leyla@example.org"]
    assert Registration.objects.get().email_pending() is False
    assert Registration.objects.count() == 1


def test_a_second_registration_is_not_told_the_place_of_the_first(session):
    register(session, "one@example.org")
    register(session, "two@example.org")
    register(session, "three@example.org")
    with smtp_down():
        register(session, "four@example.org")
    with (
        translation.override("en"),
        smtp_down(),
        pytest.raises(TrainingError) as caught,
    ):
        register(session, "Four@example.org")
    with translation.override("en"):
        expected = gettext(ALREADY)
        # Not even whether mail to the address failed.
        assert str(caught.value) == expected
    assert caught.value.errors[0][0] == "email"
    assert "2" not in str(caught.value)


def test_the_pending_email_is_sent_once_by_the_command(session):
    with smtp_down():
        registration = register(session, "one@example.org")
    out = io.StringIO()
    call_command("training_send_emails", stdout=out)
    call_command("training_send_emails", stdout=out)
    (message,) = mail.outbox
    assert message.to == ["one@example.org"]
    assert "Your seat is confirmed" in message.subject
    assert len(message.attachments) == 1
    assert registration.email_pending() is False


def test_the_daily_reminder_job_also_catches_up_with_pending_emails(session):
    with smtp_down():
        register(session, "one@example.org")
    call_command("training_reminders", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["one@example.org"]]


def test_the_batch_job_leaves_a_fresh_email_to_its_request(session):
    register(session, "one@example.org", notify=False)
    registration = Registration.objects.get()
    RegistrationEmail.objects.create(
        registration=registration,
        kind="registration",
        to=registration.email,
        subject="s",
        body="b",
        created_at=timezone.now(),
    )
    call_command("training_send_emails", stdout=io.StringIO())
    assert mail.outbox == []


def test_a_database_error_while_writing_the_email_leaves_no_registration(session):
    # Without the e-mail written in the transaction, the registration stayed
    # saved while its visitor got an error and no e-mail.
    with (
        mock.patch.object(
            TrainingSessionPage,
            "display_slots",
            side_effect=OperationalError("server closed the connection"),
        ),
        pytest.raises(OperationalError),
    ):
        register(session, "one@example.org")
    assert Registration.objects.count() == 0
    assert RegistrationEmail.objects.count() == 0


def test_a_promotion_email_refused_by_the_mail_server_is_kept(session):
    seated = register(session, "one@example.org")
    register(session, "two@example.org")
    waiting = register(session, "three@example.org")
    mail.outbox.clear()
    with smtp_down():
        promoted = cancel_registration(registration=seated, now=timezone.now())
    assert [r.pk for r in promoted] == [waiting.pk]
    email = RegistrationEmail.objects.get(registration=waiting, kind="promotion")
    assert email.sent_at is None
    call_command("training_send_emails", stdout=io.StringIO())
    (message,) = mail.outbox
    assert message.to == ["three@example.org"]


def test_the_email_is_written_with_the_place_read_under_the_lock(session):
    register(session, "one@example.org")
    register(session, "two@example.org")
    mail.outbox.clear()
    with smtp_down():
        waiting = register(session, "three@example.org")
    email = waiting.emails.get()
    # Sending later needs no database: the message is complete as stored.
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.cursor",
        side_effect=OperationalError("down"),
    ):
        message = email.message()
    assert "place 1" in message.body
    assert message.to == ["three@example.org"]


def test_registration_emails_keep_the_page_cache(session):
    before = page_cache.content_version()
    register(session, "one@example.org")
    assert len(mail.outbox) == 1
    assert page_cache.content_version() == before
