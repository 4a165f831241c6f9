"""The waiting list follows the order in which registrations took the session lock."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import datetime
import threading

from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Locale, Page

import pytest

from training.models import Registration, TrainingSessionPage

from . import factories_training
from .fixtures_training import programme, session, trainer, training_index, venue


def register(session, email, now):
    return factories_training.register(session, email, now=now, notify=False)


@pytest.mark.django_db
def test_a_request_that_waited_for_the_lock_does_not_move_a_place_already_given(
    session,
):
    now = timezone.now()
    register(session, "one@example.org", now)
    register(session, "two@example.org", now)
    later = register(session, "later@example.org", now + datetime.timedelta(seconds=2))
    assert later.waitlist_position() == 1
    # This request began a second earlier but reached the lock second.
    earlier = register(
        session, "earlier@example.org", now + datetime.timedelta(seconds=1)
    )
    later.refresh_from_db()
    assert later.waitlist_position() == 1
    assert earlier.waitlist_position() == 2
    waiting = list(Registration.objects.filter(session=session).waitlisted())
    assert [r.email for r in waiting] == ["later@example.org", "earlier@example.org"]


@pytest.fixture
def root_page(transactional_db):
    """Put back the root page and locale that an earlier transactional test flushed."""
    if Page.get_first_root_node() is None:
        Locale.objects.get_or_create(language_code="ru")
        Page.add_root(instance=Page(title="Root", slug="root"))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_wait_in_the_order_they_took_the_lock(
    root_page, session
):
    if connection.vendor != "postgresql":
        pytest.skip(
            "Needs real parallel transactions: run with "
            "DATABASE_URL=postgres://postgres@127.0.0.1:5432/coop_training"
        )
    now = timezone.now()
    register(session, "seated1@example.org", now)
    register(session, "seated2@example.org", now)
    locked = threading.Event()
    errors: list[BaseException] = []

    def holder() -> None:
        from django.db import connection as own

        try:
            with transaction.atomic():
                TrainingSessionPage.objects.select_for_update(of=("self",)).get(
                    pk=session.pk
                )
                locked.set()
                # The other request, stamped earlier, now waits for this lock.
                waiter.join(timeout=1)
                register(session, "first@example.org", now)
        except BaseException as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            own.close()

    def late() -> None:
        from django.db import connection as own

        try:
            locked.wait(timeout=30)
            register(session, "second@example.org", now - datetime.timedelta(seconds=5))
        except BaseException as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            own.close()

    waiter = threading.Thread(target=late)
    first = threading.Thread(target=holder)
    first.start()
    waiter.start()
    first.join(timeout=60)
    waiter.join(timeout=60)
    assert errors == []
    places = {
        r.email: r.waitlist_position()
        for r in Registration.objects.filter(session=session).waitlisted()
    }
    assert places == {"first@example.org": 1, "second@example.org": 2}
