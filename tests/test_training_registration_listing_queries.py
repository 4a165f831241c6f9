"""The admin list of registrations costs the same whatever the number of rows."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from training.models import Registration

from . import factories_training
from .fixtures_training import (
    admin_client,
    programme,
    session,
    superuser,
    trainer,
    trainer_user,
    training_index,
    venue,
)


def register(session, first: int, count: int) -> None:
    for number in range(first, first + count):
        factories_training.register(
            session,
            f"person{number}@example.org",
            name=f"Person {number}",
            notify=False,
        )


def listing_queries(client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/training_registration/")
    assert response.status_code == 200
    return len(queries.captured_queries), response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("as_trainer", [False, True])
def test_more_waiting_registrants_add_no_queries_to_the_listing(
    client, superuser, trainer_user, session, as_trainer
):
    client.force_login(trainer_user if as_trainer else superuser)
    register(session, 0, 3)
    few, _page = listing_queries(client)
    register(session, 3, 6)
    many, page = listing_queries(client)
    assert Registration.objects.waitlisted().count() == 7
    assert many == few
    assert page.count("person8@example.org") == 1


@pytest.mark.django_db
def test_listed_places_on_the_waiting_list_are_each_registrations_own(session):
    register(session, 0, 6)
    first = Registration.objects.waitlisted().first()
    first.status = Registration.Status.CANCELLED
    first.save()
    listed = {
        r.pk: r.waitlist_position()
        for r in Registration.objects.with_waitlist_places().order_by("-pk")
    }
    assert listed == {r.pk: r.waitlist_position() for r in Registration.objects.all()}
    assert sorted(p for p in listed.values() if p) == [1, 2, 3]
