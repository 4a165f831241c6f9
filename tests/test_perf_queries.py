"""SQL queries per public page do not grow with the number of items (make bench)."""

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest

from cooperation.models import (
    EventIndexPage,
    HearingPage,
    MeetingPage,
    PartnerIndexPage,
    PartnerPage,
    VisitPage,
)
from home.models import CalendarPage, NewsIndexPage, NewsPage
from memoranda.models import MemorandumIndexPage, MemorandumPage
from training.models import (
    Trainer,
    TrainingIndexPage,
    TrainingProgrammePage,
    TrainingSessionPage,
)

pytestmark = pytest.mark.django_db


def seed(count: int) -> None:
    call_command(
        "seed_demo",
        *[
            part
            for kind in ("news", "events", "sessions", "memoranda")
            for part in ("--bulk-for", f"{kind}={count}")
        ],
        verbosity=0,
    )


def addresses() -> dict[str, str]:
    """Return one address per public page type, in Russian."""
    with translation.override("ru"):
        news = NewsIndexPage.objects.get()
        calendar = CalendarPage.objects.get().url
        # A month with generated events, sessions or both.
        month = f"{VisitPage.objects.get(slug_ru='bulk-event-3').start_date:%Y-%m}"
        register = MemorandumIndexPage.objects.get().url
        training = TrainingIndexPage.objects.get()
        last = -(-NewsPage.objects.child_of(news).count() // 10)
        return {
            "home": "/ru/",
            "news index": news.url,
            "news index, last page": f"{news.url}?page={last}",
            "news article": NewsPage.objects.get(slug_ru="bulk-news-1").url,
            "event index": EventIndexPage.objects.get().url,
            "visit": VisitPage.objects.get(slug_ru="bulk-event-3").url,
            "meeting": MeetingPage.objects.get(slug_ru="bulk-event-1").url,
            "hearing": HearingPage.objects.get(slug_ru="bulk-event-2").url,
            "partner index": PartnerIndexPage.objects.get().url,
            "partner": PartnerPage.objects.filter(region__isnull=False).first().url,
            "calendar month": f"{calendar}?month={month}",
            "calendar agenda": f"{calendar}?month={month}&view=agenda",
            "calendar now": calendar,
            "feed": "/ru/calendar.ics",
            "filtered feed": "/ru/calendar.ics?kind=session&language=az",
            "register": f"{register}?region=azerbaijan",
            "memorandum": MemorandumPage.objects.get(slug_ru="bulk-memorandum-1").url,
            "training index": training.url,
            "programme": TrainingProgrammePage.objects.get().url,
            "session": TrainingSessionPage.objects.get(slug_ru="bulk-session-1").url,
            "trainer": training.url
            + training.reverse_subpage(
                "trainer",
                kwargs={"slug": Trainer.objects.get(slug="bulk-trainer-1").slug},
            ),
            "search": "/ru/search/?q=ASAN",
        }


def query_counts(client) -> dict[str, int]:
    counts = {}
    for name, url in addresses().items():
        client.get(url)  # warm the per-process caches (site root paths, routes)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[name] = len(queries)
    return counts


def test_queries_per_page_are_the_same_for_few_and_for_many_items(client):
    # A session cookie keeps the requests out of the anonymous page cache.
    client.cookies["sessionid"] = "uncached"
    seed(4)
    few = query_counts(client)
    seed(40)
    many = query_counts(client)
    assert many == few
