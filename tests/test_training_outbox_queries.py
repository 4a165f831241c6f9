"""E-mails to many participants of a session read its slots and trainers once."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import datetime
from functools import partial

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from training.models import TrainingSessionPage
from training.services import (
    cancel_session,
    promote_waitlisted,
    send_due_reminders,
)

from . import factories_training
from .factories_training import TrainingSessionPageFactory
from .fixtures_training import programme, trainer, training_index, venue

SESSION_PARTS = ("training_sessionslot", "training_trainer", "cooperation_person")


def new_session(programme, venue, trainer, *, capacity: int, **kwargs):
    return TrainingSessionPageFactory(
        parent=programme, venue=venue, trainers=[trainer], capacity=capacity, **kwargs
    )


def register(session, count: int, now: datetime.datetime) -> None:
    for number in range(count):
        factories_training.register(
            session,
            f"person{number}@example.org",
            name=f"Person {number}",
            now=now,
            language=("ru", "az", "en")[number % 3],
            notify=False,
        )


def part_reads(action, *, emails: int) -> int:
    """Return how often the action read slots, trainers or people."""
    mail.outbox = []
    with CaptureQueriesContext(connection) as queries:
        action()
    assert len(mail.outbox) == emails
    return sum(
        1
        for query in queries.captured_queries
        if query["sql"].startswith("SELECT")
        and any(f'FROM "{table}"' in query["sql"] for table in SESSION_PARTS)
    )


@pytest.mark.django_db
def test_cancelling_a_session_reads_its_parts_once_for_all_participants(
    programme, venue, trainer
):
    now = timezone.now()
    reads = []
    for participants in (1, 5):
        session = new_session(programme, venue, trainer, capacity=participants)
        register(session, participants, now)
        reads.append(
            part_reads(
                partial(cancel_session, session=session, now=now),
                emails=participants,
            )
        )
    assert reads[0] == reads[1]


@pytest.mark.django_db
def test_promoting_the_waiting_list_reads_the_sessions_parts_once(
    programme, venue, trainer
):
    now = timezone.now()
    reads = []
    for waiting in (1, 4):
        session = new_session(programme, venue, trainer, capacity=1)
        register(session, 1 + waiting, now)
        TrainingSessionPage.objects.filter(pk=session.pk).update(capacity=1 + waiting)
        session.refresh_from_db()
        reads.append(
            part_reads(
                partial(promote_waitlisted, session=session, now=now), emails=waiting
            )
        )
    assert reads[0] == reads[1]


@pytest.mark.django_db
def test_reminders_read_each_sessions_parts_once(programme, venue, trainer):
    now = timezone.now()
    today = timezone.localdate(now)
    day = today + datetime.timedelta(days=2)
    reads = []
    for participants in (1, 4):
        session = new_session(
            programme,
            venue,
            trainer,
            capacity=participants,
            slots=[(day, datetime.time(10), datetime.time(12))],
        )
        register(session, participants, now)
        reads.append(
            part_reads(
                lambda: send_due_reminders(today=today, now=now),
                emails=participants,
            )
        )
    assert reads[0] == reads[1]
