"""Bulk benchmark content: every type, in three languages, once, consistent."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone, translation

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from config import page_cache
from cooperation.models import HearingPage, MeetingPage, VisitPage
from home.demo_content import bulk
from home.models import NewsPage
from memoranda.models import MemorandumPage, MemorandumTransition
from training.models import Registration, TrainingSessionPage
from training.services import check_session

pytestmark = pytest.mark.django_db

COUNTS = {"news": 7, "events": 9, "sessions": 8, "memoranda": 21}


def seed(**counts: int) -> None:
    arguments = [f"{name}={number}" for name, number in counts.items()]
    call_command(
        "seed_demo",
        *[part for argument in arguments for part in ("--bulk-for", argument)],
        verbosity=0,
    )


def bulk_counts() -> dict[str, int]:
    events = sum(
        model.objects.filter(slug_ru__startswith="bulk-event-").count()
        for model in (VisitPage, MeetingPage, HearingPage)
    )
    return {
        "news": NewsPage.objects.filter(slug_ru__startswith="bulk-news-").count(),
        "events": events,
        "sessions": TrainingSessionPage.objects.filter(
            slug_ru__startswith="bulk-session-"
        ).count(),
        "memoranda": MemorandumPage.objects.filter(
            slug_ru__startswith="bulk-memorandum-"
        ).count(),
    }


def test_every_type_is_created_in_the_requested_number_once():
    seed(**COUNTS)
    assert bulk_counts() == COUNTS
    rows = Page.objects.count()
    seed(**COUNTS)
    assert bulk_counts() == COUNTS
    assert Page.objects.count() == rows


def test_a_larger_count_adds_only_the_missing_items():
    seed(news=3, events=3, sessions=3, memoranda=3)
    first = set(VisitPage.objects.values_list("pk", flat=True))
    seed(news=5, events=6, sessions=4, memoranda=5)
    assert bulk_counts() == {"news": 5, "events": 6, "sessions": 4, "memoranda": 5}
    assert first <= set(VisitPage.objects.values_list("pk", flat=True))


def test_bulk_types_are_the_ones_the_command_accepts():
    assert bulk.BULK_TYPES == ("news", "events", "sessions", "memoranda")


def test_progress_is_reported_up_to_the_total():
    output = io.StringIO()
    call_command("seed_demo", "--bulk-for", "events=4", stdout=output)
    assert "] 4/4" in output.getvalue()


def test_inserted_pages_keep_the_page_tree_consistent():
    seed(**COUNTS)
    assert Page.find_problems() == ([], [], [], [], [])
    programme = (
        TrainingSessionPage.objects.filter(slug_ru="bulk-session-1").get().get_parent()
    )
    assert programme.numchild == programme.get_children().count()


@pytest.mark.parametrize("language", ["ru", "az", "en"])
def test_bulk_pages_are_served_in_each_language(client, language):
    seed(news=2, events=3, sessions=2, memoranda=2)
    samples = [
        NewsPage.objects.get(slug_ru="bulk-news-1"),
        VisitPage.objects.get(slug_ru="bulk-event-3"),
        MeetingPage.objects.get(slug_ru="bulk-event-1"),
        HearingPage.objects.get(slug_ru="bulk-event-2"),
        TrainingSessionPage.objects.get(slug_ru="bulk-session-1"),
        MemorandumPage.objects.get(slug_ru="bulk-memorandum-1"),
    ]
    with translation.override(language):
        for page in samples:
            url = page.get_url()
            assert url.startswith(f"/{language}/")
            response = client.get(url)
            assert response.status_code == 200, url
            heading = BeautifulSoup(response.content, "html.parser").h1
            assert heading.get_text(strip=True) == getattr(page, f"title_{language}")


def test_generated_events_have_sides_areas_and_their_own_zone():
    seed(events=6)
    for model in (VisitPage, MeetingPage, HearingPage):
        for page in model.objects.filter(slug_ru__startswith="bulk-event-"):
            assert page.host_regions.exists() and page.guest_regions.exists()
            assert page.host_organisations.exists() and page.areas.exists()
            assert page.start_at is not None and page.end_at > page.start_at
            assert page.calendar_event().time_zone == page.time_zone
            assert page.summary_az and page.summary_en and page.title_az


def test_generated_sessions_never_clash_and_stay_within_capacity():
    seed(sessions=40)
    sessions = TrainingSessionPage.objects.filter(
        slug_ru__startswith="bulk-session-"
    ).prefetch_related("slots", "trainers")
    years = set()
    for session in sessions:
        check_session(session)
        slots = session.slot_list()
        assert slots and session.trainers.exists()
        years |= {slot.date.year for slot in slots}
        assert session.closes_at <= slots[0].start
        confirmed = Registration.objects.confirmed().filter(session=session).count()
        assert confirmed <= session.capacity
    assert min(years) >= 2018 and max(years) <= 2027 and len(years) > 3
    assert Registration.objects.filter(email__startswith="bulk-").exists()


def test_generated_memoranda_are_published_with_a_consistent_history():
    seed(memoranda=COUNTS["memoranda"])
    today = timezone.localdate()
    memoranda = MemorandumPage.objects.filter(slug_ru__startswith="bulk-memorandum-")
    statuses = set()
    for memorandum in memoranda:
        assert memorandum.is_published()
        assert memorandum.parties.count() == 2
        history = list(
            MemorandumTransition.objects.filter(memorandum=memorandum).order_by("pk")
        )
        assert history[-1].to_status == memorandum.status
        assert [step.from_status for step in history[1:]] == [
            step.to_status for step in history[:-1]
        ]
        if memorandum.signed_on:
            assert memorandum.signed_on < today
        if memorandum.status == "in_force":
            assert memorandum.is_in_force(today)
        statuses.add(memorandum.status)
    assert {"in_force", "signed", "expired", "negotiation"} <= statuses
    amendment = memoranda.get(slug_ru="bulk-memorandum-20")
    assert amendment.amends == memoranda.get(slug_ru="bulk-memorandum-19")


def test_bulk_loading_empties_the_page_cache():
    call_command("seed_demo", verbosity=0)
    before = page_cache.content_version()
    seed(news=1)
    assert page_cache.content_version() > before


def test_generated_session_days_are_fixed_per_number():
    assert bulk.session_days(1) == bulk.session_days(1)
    day, start, _end = bulk.session_days(1826)[0]
    assert bulk.session_days(1)[0][0] == day
    assert start != bulk.session_days(1)[0][1]
    assert bulk.session_days(4)[1][0] - bulk.session_days(4)[0][0] == (
        datetime.timedelta(days=1)
    )
