"""A mail server that is down costs a request one attempt, not one per e-mail."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import io
import smtplib
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from training.models import RegistrationEmail
from training.services import cancel_session, register_participant

from .fixtures_training import programme, session, trainer, training_index, venue

SMTP = "django.core.mail.backends.locmem.EmailBackend.send_messages"
ADDRESSES = ["one@example.org", "two@example.org", "three@example.org"]


def register_everyone(session) -> None:
    for address in ADDRESSES:
        register_participant(
            session=session,
            name=address,
            email=address,
            organisation="ЦОУ",
            language="ru",
            consent=True,
            now=timezone.now(),
            notify=False,
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "error",
    [smtplib.SMTPServerDisconnected("gone"), TimeoutError("timed out")],
)
def test_a_status_change_stops_trying_once_the_server_is_down(session, error):
    register_everyone(session)
    with mock.patch(SMTP, side_effect=error) as send:
        cancel_session(session=session, now=timezone.now())
    assert send.call_count == 1
    emails = RegistrationEmail.objects.filter(kind="status")
    assert [(e.sent_at, e.attempts) for e in emails] == [(None, 1)] * 3
    assert all(type(error).__name__ in e.last_error for e in emails)
    mail.outbox.clear()
    call_command("training_send_emails", stdout=io.StringIO())
    assert sorted(m.to[0] for m in mail.outbox) == sorted(ADDRESSES)


@pytest.mark.django_db
def test_one_refused_address_does_not_hold_back_the_others(session):
    register_everyone(session)
    refused = smtplib.SMTPRecipientsRefused({"one@example.org": (550, b"no")})
    real_send = mail.backends.locmem.EmailBackend.send_messages

    def send(backend, messages):
        if messages[0].to == ["one@example.org"]:
            raise refused
        return real_send(backend, messages)

    mail.outbox.clear()
    with mock.patch(SMTP, autospec=True, side_effect=send):
        cancel_session(session=session, now=timezone.now())
    assert sorted(m.to[0] for m in mail.outbox) == sorted(ADDRESSES[1:])
    pending = RegistrationEmail.objects.filter(sent_at__isnull=True)
    assert [e.to for e in pending] == ["one@example.org"]


@pytest.mark.django_db
def test_the_batch_job_stops_trying_once_the_server_is_down(session):
    register_everyone(session)
    with mock.patch(SMTP, side_effect=smtplib.SMTPServerDisconnected("gone")):
        cancel_session(session=session, now=timezone.now())
    out = io.StringIO()
    with mock.patch(SMTP, side_effect=TimeoutError("timed out")) as send:
        call_command("training_send_emails", stdout=out)
    assert send.call_count == 1
    assert RegistrationEmail.objects.filter(sent_at__isnull=True).count() == 3
    assert "0" in out.getvalue() and "3" in out.getvalue()
