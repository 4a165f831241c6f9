# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import threading

from django.db import connection
from django.utils import timezone

import pytest

from training.models import Registration
from training.services import register_participant

from .factories_training import RegistrationFactory
from .fixtures_training import programme, session, trainer, training_index, venue

THREADS = 12


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_for_the_last_seats_never_exceed_capacity(session):
    if connection.vendor != "postgresql":
        pytest.skip(
            "Needs real parallel transactions: run with "
            "DATABASE_URL=postgres://postgres@127.0.0.1:5432/coop_training"
        )
    session.capacity = 3
    session.save()
    RegistrationFactory(session=session, email="early@example.org")
    barrier = threading.Barrier(THREADS)
    outcomes: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def attempt(n: int) -> None:
        from django.db import connection as own_connection

        try:
            barrier.wait(timeout=30)
            registration = register_participant(
                session=session,
                name=f"Parallel {n}",
                email=f"parallel{n}@example.org",
                organisation="Test",
                language="ru",
                consent=True,
                now=timezone.now(),
                notify=False,
            )
            with lock:
                outcomes.append(registration.status)
        except BaseException as error:  # noqa: BLE001 (reported below)
            with lock:
                errors.append(error)
        finally:
            own_connection.close()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sorted(outcomes).count(Registration.Status.CONFIRMED) == 2
    assert sorted(outcomes).count(Registration.Status.WAITLISTED) == THREADS - 2
    stored = Registration.objects.filter(session=session, email__startswith="parallel")
    assert stored.count() == THREADS
    assert stored.values("email").distinct().count() == THREADS
    assert Registration.objects.filter(session=session).confirmed().count() == 3
    positions = sorted(
        r.waitlist_position()
        for r in stored.filter(status=Registration.Status.WAITLISTED)
    )
    assert positions == list(range(1, THREADS - 1))
