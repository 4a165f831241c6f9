# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import datetime

from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

import pytest

from training.models import Registration, TrainingSessionPage
from training.services import (
    TrainingError,
    cancel_registration,
    promote_waitlisted,
)

from .factories_training import RegistrationFactory, register
from .fixtures_training import programme, session, trainer, training_index, venue

pytestmark = pytest.mark.django_db

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED


def test_seats_are_confirmed_then_the_waitlist_fills_in_order(session):
    first = register(session, "one@example.org")
    second = register(session, "two@example.org")
    third = register(session, "three@example.org")
    fourth = register(session, "four@example.org")
    assert [r.status for r in (first, second)] == [CONFIRMED, CONFIRMED]
    assert [r.status for r in (third, fourth)] == [WAITLISTED, WAITLISTED]
    assert [third.waitlist_position(), fourth.waitlist_position()] == [1, 2]
    assert first.waitlist_position() is None
    assert session.seats_left() == 0
    assert session.waitlist_count() == 2


def test_one_email_registers_once_per_session_whatever_its_case(session):
    register(session, "Person@Example.org")
    with pytest.raises(TrainingError) as caught:
        register(session, "  person@example.ORG ")
    assert caught.value.errors[0][0] == "email"
    assert session.registrations.count() == 1


def test_database_refuses_a_second_active_registration_for_one_email(session):
    RegistrationFactory(session=session, email="same@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(session=session, email="SAME@example.org")


def test_a_cancelled_registration_does_not_block_registering_again(session):
    registration = register(session, "back@example.org")
    cancel_registration(registration=registration, now=timezone.now())
    again = register(session, "back@example.org")
    assert again.status == CONFIRMED


@pytest.mark.parametrize(
    ("opens", "closes", "words"),
    [
        (+1, +5, "Registration opens"),
        (-5, -1, "closed"),
    ],
)
def test_registration_outside_the_window_is_refused_politely(
    session, opens, closes, words
):
    now = timezone.now()
    session.opens_at = now + datetime.timedelta(days=opens)
    session.closes_at = now + datetime.timedelta(days=closes)
    session.save()
    with pytest.raises(TrainingError) as caught:
        register(session, "late@example.org", now=now)
    assert caught.value.code == "closed"
    assert not session.registrations.exists()


@pytest.mark.parametrize(
    "status",
    [TrainingSessionPage.Status.CANCELLED, TrainingSessionPage.Status.POSTPONED],
)
def test_cancelled_or_postponed_session_takes_no_registrations(session, status):
    session.status = status
    session.save()
    with pytest.raises(TrainingError):
        register(session, "x@example.org")
    assert not session.registrations.exists()


def test_registration_needs_consent(session):
    with pytest.raises(TrainingError) as caught:
        register(session, "x@example.org", consent=False)
    assert caught.value.errors[0][0] == "consent"
    assert not session.registrations.exists()


def test_cancelling_a_seat_promotes_the_first_waitlisted_and_emails_them(session):
    first = register(session, "one@example.org")
    register(session, "two@example.org")
    waiting = register(session, "wait1@example.org", language="az")
    later = register(session, "wait2@example.org")
    mail.outbox.clear()
    promoted = cancel_registration(registration=first, now=timezone.now())
    assert promoted == [waiting]
    waiting.refresh_from_db()
    later.refresh_from_db()
    first.refresh_from_db()
    assert first.status == CANCELLED
    assert waiting.status == CONFIRMED and waiting.promoted_at is not None
    assert later.status == WAITLISTED and later.waitlist_position() == 1
    (message,) = mail.outbox
    assert message.to == ["wait1@example.org"]
    assert session.title_az in message.subject
    assert session.registrations.confirmed().count() == 2


def test_cancelling_a_waitlisted_place_promotes_nobody(session):
    register(session, "one@example.org")
    register(session, "two@example.org")
    waiting = register(session, "wait@example.org")
    assert cancel_registration(registration=waiting, now=timezone.now()) == []


def test_cancelling_twice_is_refused(session):
    registration = register(session, "one@example.org")
    cancel_registration(registration=registration, now=timezone.now())
    with pytest.raises(TrainingError):
        cancel_registration(registration=registration, now=timezone.now())


def test_more_seats_move_the_waitlist_up(session):
    for n in range(4):
        register(session, f"p{n}@example.org")
    session.capacity = 3
    session.save()
    promoted = promote_waitlisted(session=session, now=timezone.now())
    assert [r.email for r in promoted] == ["p2@example.org"]
