"""The admin dashboard reads a fixed number of queries, whatever the amount of work."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import datetime
from collections import Counter

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
from freezegun import freeze_time

from config import page_cache
from cooperation.models import HearingSubmission
from home.reporting import dashboard
from memoranda import reminders

from .factories_cooperation import MeetingPageFactory, OrganisationFactory
from .factories_memoranda import (
    MemorandumCommitmentFactory,
    MemorandumPageFactory,
    MemorandumPartyFactory,
)
from .factories_training import (
    RegistrationFactory,
    TrainerFactory,
    TrainingSessionPageFactory,
)
from .fixtures_reports import (
    NOW,
    aware,
    boss,
    day,
    events_index,
    home_region,
    login,
    partner,
    trainer_user,
    week,
)


def add_work(week, home_region, partner, count: int) -> None:
    """Add `count` more of everything the dashboard lists."""
    memoranda_index = week["memorandum"].get_parent()
    programme = week["full"].get_parent()
    for n in range(count):
        meeting = MeetingPageFactory(
            parent=week["events_index"],
            start_date=day(1 + n % 5),
            end_date=day(1 + n % 5),
            hosts=[home_region],
            guests=[partner],
        )
        meeting.save_revision().publish()
        memorandum = MemorandumPageFactory(parent=memoranda_index)
        MemorandumPartyFactory(
            memorandum=memorandum, organisation=OrganisationFactory(region=partner)
        )
        MemorandumCommitmentFactory(memorandum=memorandum, due_on=day(n % 5))
        memorandum.save_revision().publish()
        session = TrainingSessionPageFactory(
            parent=programme,
            capacity=2,
            slots=[(day(-1 - n % 3), datetime.time(10), datetime.time(12))],
            trainers=[week["trainer"]],
        )
        RegistrationFactory(session=session)
        RegistrationFactory(session=session)
        HearingSubmission.objects.create(
            hearing=week["hearing"],
            name=f"Citizen {n}",
            email=f"c{n}@example.org",
            text="Question",
            consent=True,
            language="ru",
        )


def dashboard_queries(client) -> list[str]:
    with freeze_time(NOW), CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def test_dashboard_queries_do_not_grow_with_the_work(
    client, boss, week, home_region, partner
):
    login(client, boss)
    dashboard_queries(client)
    page_cache.invalidate()
    small_after_change = dashboard_queries(client)
    small = dashboard_queries(client)
    add_work(week, home_region, partner, 6)
    large_after_change = dashboard_queries(client)
    large = dashboard_queries(client)

    assert len(large) == len(small), grown(small, large)
    assert len(large_after_change) == len(small_after_change), grown(
        small_after_change, large_after_change
    )
    # The translation gaps are read again only after a content change.
    assert len(large) < len(large_after_change)


def test_counts_read_in_one_query_are_not_multiplied_by_joined_trainers(
    trainer_user, week
):
    second = TrainerFactory(slug="second-trainer")
    full = week["full"]
    full.owner = trainer_user
    full.trainers = [week["trainer"], second]
    full.save()

    with freeze_time(NOW):
        sessions = dashboard.session_alerts(trainer_user, now=aware(day(0)))
    row = next(row for row in sessions["waitlisted"] if row["session"].pk == full.pk)
    assert (row["confirmed"], row["waitlisted"]) == (2, 1)


def test_memoranda_reminders_read_a_fixed_number_of_queries(week, home_region, partner):
    with CaptureQueriesContext(connection) as small:
        reminders.collect_reminders(today=day(0))
    add_work(week, home_region, partner, 6)
    with CaptureQueriesContext(connection) as large:
        items = reminders.collect_reminders(today=day(0))

    assert len(large) == len(small)
    assert len({item.memorandum.pk for item in items}) == 7


def grown(small: list[str], large: list[str]) -> str:
    """Say which statements the larger data added, for the failure message."""
    extra = Counter(large) - Counter(small)
    return "\n".join(sql[:200] for sql in list(extra.elements())[:40])


def test_a_trainers_dashboard_reads_a_fixed_number_of_queries(
    client, trainer_user, week, home_region, partner
):
    login(client, trainer_user)
    add_work(week, home_region, partner, 1)
    dashboard_queries(client)
    small = dashboard_queries(client)
    add_work(week, home_region, partner, 6)
    dashboard_queries(client)
    large = dashboard_queries(client)

    assert len(large) == len(small), grown(small, large)
