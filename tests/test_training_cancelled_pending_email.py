"""A cancelled registrant is not sent what was still pending for them."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import io
import smtplib
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from training.models import RegistrationEmail, TrainingSessionPage
from training.services import cancel_registration, register_participant

from .fixtures_training import programme, session, trainer, training_index, venue

SMTP = "django.core.mail.backends.locmem.EmailBackend.send_messages"
LINK = "https://meet.example.org/session-secret"


@pytest.mark.django_db
def test_a_pending_confirmation_with_the_joining_link_dies_with_the_seat(session):
    TrainingSessionPage.objects.filter(pk=session.pk).update(
        online=True, online_link=LINK
    )
    session.refresh_from_db()
    with mock.patch(SMTP, side_effect=smtplib.SMTPServerDisconnected("gone")):
        registration = register_participant(
            session=session,
            name="Одна",
            email="one@example.org",
            organisation="ЦОУ",
            language="ru",
            consent=True,
            now=timezone.now(),
        )
    (pending,) = RegistrationEmail.objects.filter(sent_at__isnull=True)
    assert LINK in pending.body
    cancel_registration(registration=registration, now=timezone.now())
    mail.outbox.clear()
    call_command("training_send_emails", stdout=io.StringIO())
    assert mail.outbox == []
    assert not RegistrationEmail.objects.filter(sent_at__isnull=True).exists()
