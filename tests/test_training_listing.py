"""Training listings show the next (and latest) sessions, not all of them."""

import datetime

from django.core.management import call_command
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from training.models import (
    TrainingIndexPage,
    TrainingProgrammePage,
    TrainingSessionPage,
)
from training.models.pages import LISTED, upcoming

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_sessions():
    call_command("seed_demo", "--bulk-for", "sessions=300", verbosity=0)


def session_titles(html: bytes, selector: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(selector)]


def first_day(session) -> datetime.date:
    return min(slot.date for slot in session.slots.all())


def test_index_lists_the_next_sessions_soonest_first(client, many_sessions):
    index = TrainingIndexPage.objects.get()
    now = timezone.now()
    public = TrainingSessionPage.objects.live().public()
    expected = upcoming(public, now)
    assert len(expected) > LISTED
    # Soonest (first day) first, checked without upcoming(): the index and the
    # expectation would otherwise share any mistake in its order.
    every = [s for s in public.prefetch_related("slots") if s.is_upcoming(now)]
    soonest = sorted(first_day(s) for s in every)[:LISTED]
    assert [first_day(s) for s in expected[:LISTED]] == soonest
    listed = session_titles(client.get(index.url).content, ".training-card h3 a")
    assert listed == [session.title for session in expected[:LISTED]]


def test_programme_lists_the_latest_past_sessions_oldest_first(client, many_sessions):
    programme = TrainingProgrammePage.objects.get()
    now = timezone.now()
    past = [session for session in programme.sessions() if not session.is_upcoming(now)]
    assert len(past) > LISTED
    html = client.get(programme.url).content
    listed = session_titles(html, "#past-heading + ul a")
    assert listed == [session.title for session in past[-LISTED:]]
    cards = session_titles(html, ".training-card h3 a")
    assert len(cards) == LISTED


def test_listed_sessions_count_their_confirmed_seats(many_sessions):
    listed = upcoming(
        TrainingSessionPage.objects.filter(registrations__isnull=False).distinct()
    )
    assert listed
    for session in listed:
        confirmed = session.registrations.confirmed().count()
        assert confirmed > 0
        assert session.seats_left() == session.capacity - confirmed
