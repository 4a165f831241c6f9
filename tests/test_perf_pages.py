"""Uncached public pages: what a repeated view reads (make bench, uncached rows)."""

from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from home import routing
from memoranda.models import MemorandumIndexPage, MemorandumPage

from .factories import HomePageFactory  # noqa: F401 (factories module loads first)
from .factories_cooperation import (
    CooperationAreaFactory,
    MeetingPageFactory,
    PersonFactory,
)
from .fixtures_cooperation import (  # noqa: F401
    agency,
    area,
    azerbaijan,
    events_index,
    ulyanovsk,
    visit,
)

pytestmark = pytest.mark.django_db

# What an event page shows besides the page: sides, people, areas, programme.
RELATION_TABLES = (
    "cooperation_region",
    "cooperation_organisation",
    "cooperation_person",
    "cooperation_cooperationarea",
    "cooperation_visitprogrammeitem",
    "cooperation_visitrelatedpage",
)


def relation_queries(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [
        query["sql"]
        for query in queries
        if any(f'FROM "{table}"' in query["sql"] for table in RELATION_TABLES)
    ]


@pytest.fixture
def busy_visit(visit):
    """The visit with people on each programme item and on the page."""
    people = [PersonFactory() for _ in range(3)]
    visit.participants = people
    for item in visit.programme_items.all():
        item.participants = people
    visit.save_revision().publish()
    return visit


def test_a_repeated_event_page_reads_its_relations_from_the_cache(client, busy_visit):
    url = busy_visit.url
    assert relation_queries(client, url)
    assert relation_queries(client, url) == []


def test_the_event_page_shows_a_published_change_of_its_relations(client, busy_visit):
    url = busy_visit.url
    client.get(url)
    new_area = CooperationAreaFactory(name_ru="Новое направление", slug="new-area")
    busy_visit.areas = [*busy_visit.areas.all(), new_area]
    busy_visit.save_revision().publish()
    html = BeautifulSoup(client.get(url).content, "html.parser")
    assert "Новое направление" in html.get_text()


def test_a_preview_shows_the_relations_of_its_revision(client, busy_visit, area):
    client.get(busy_visit.url)
    other = CooperationAreaFactory(name_ru="Черновое направление", slug="draft-area")
    busy_visit.areas = [other]
    busy_visit.save_revision()
    draft = busy_visit.get_latest_revision_as_object()
    request = RequestFactory().get(busy_visit.url)
    request.is_preview = True
    draft.get_context(request)
    assert [shown.slug for shown in draft.areas.all()] == ["draft-area"]
    # The published page still shows the published areas only.
    live = BeautifulSoup(client.get(busy_visit.url).content, "html.parser")
    assert "Черновое направление" not in live.get_text()
    assert area.name_ru in live.get_text()


def test_a_remembered_child_page_costs_no_query(client, visit, events_index):
    client.get(visit.url)
    with CaptureQueriesContext(connection) as queries:
        child = routing._child(events_index.page_ptr, visit.slug)
    assert child is not None and child.pk == visit.pk
    assert isinstance(child, type(visit))
    assert len(queries) == 0


def test_a_repeated_register_page_reads_no_memorandum(client):
    call_command("seed_demo", "--bulk-for", "memoranda=30", verbosity=0)
    url = MemorandumIndexPage.objects.get().url + "?page=2"
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.content == first.content
    assert not [q for q in queries if "memoranda_" in q["sql"]]


def test_the_register_shows_a_published_title_change(client):
    call_command("seed_demo", "--bulk-for", "memoranda=5", verbosity=0)
    url = MemorandumIndexPage.objects.get().url
    client.get(url)
    memorandum = MemorandumPage.objects.published().first()
    memorandum.title_ru = "Переименованный меморандум"
    memorandum.save_revision().publish()
    assert "Переименованный меморандум" in client.get(url).content.decode()


@pytest.mark.parametrize("which", ["home", "index", "article"])
def test_repeated_news_pages_read_no_article(client, article, which):
    url = {
        "home": "/ru/",
        "index": article.get_parent().url,
        "article": article.url,
    }[which]
    first = client.get(url)
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.content == first.content
    assert not [q for q in queries if '"home_news' in q["sql"]]


def test_the_news_index_shows_a_published_article_at_once(client, article):
    index = article.get_parent().specific
    client.get(index.url)
    article.title_ru = "Свежая заметка"
    article.save_revision().publish()
    assert "Свежая заметка" in client.get(index.url).content.decode()
    assert "Свежая заметка" in client.get("/ru/").content.decode()


def test_a_request_reads_the_content_version_once(client, visit):
    from django.core.cache import cache

    from config import page_cache

    client.get(visit.url)
    reads = []
    original = cache.get

    def counting(key, *args, **kwargs):
        if key == page_cache.VERSION_KEY:
            reads.append(key)
        return original(key, *args, **kwargs)

    cache.get = counting
    try:
        client.cookies["sessionid"] = "uncached"
        assert client.get(visit.url).status_code == 200
    finally:
        del cache.get
    assert len(reads) == 1


def test_a_change_within_a_request_is_seen_by_the_rest_of_it(client, visit):
    from config import page_cache

    token = page_cache._request_version.set(page_cache.content_version())
    try:
        before = page_cache.content_version()
        page_cache.invalidate()
        assert page_cache.content_version() == before + 1
    finally:
        page_cache._request_version.reset(token)


BODY_PARTS = (
    "cooperation/includes/event_header.html",
    "cooperation/includes/related.html",
)


def rendered_parts(response) -> set[str]:
    return {template.name for template in response.templates} & set(BODY_PARTS)


@pytest.mark.parametrize("kind", ["visit", "meeting"])
def test_a_repeated_event_page_keeps_its_rendered_body(client, visit, kind):
    page = visit if kind == "visit" else MeetingPageFactory(parent=visit.get_parent())
    client.cookies["sessionid"] = "uncached"  # past the whole-page cache
    first = client.get(page.url)
    assert rendered_parts(first) == set(BODY_PARTS)
    again = client.get(page.url)
    assert rendered_parts(again) == set()
    assert again.content == first.content


def test_a_kept_body_is_per_language(client, visit):
    client.cookies["sessionid"] = "uncached"
    client.get(visit.url)
    with translation.override("en"):
        url = visit.get_url()
    english = BeautifulSoup(client.get(url).content, "html.parser")
    assert english.h1.get_text() == "Visit of the Azerbaijani delegation"


def test_a_kept_body_shows_a_published_change(client, visit):
    client.cookies["sessionid"] = "uncached"
    client.get(visit.url)
    visit.summary_ru = "Опубликованное изменение"
    visit.save_revision().publish()
    assert "Опубликованное изменение" in client.get(visit.url).content.decode()


def test_a_preview_never_shows_nor_leaves_a_kept_body(client, visit, monkeypatch):
    from django.core.cache import cache

    client.cookies["sessionid"] = "uncached"
    client.get(visit.url)
    visit.summary_ru = "Черновое описание"
    visit.save_revision()
    draft = visit.get_latest_revision_as_object()

    written: list[str] = []
    original = cache.set

    def recording(key, *args, **kwargs):
        if key.startswith("template.cache."):
            written.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(cache, "set", recording)
    for _ in range(2):
        preview = draft.make_preview_request()
        assert "Черновое описание" in preview.render().content.decode()
    # Previews render afresh each time and keep nothing.
    assert written and all(cache.get(key) is None for key in written)
    assert "Черновое описание" not in client.get(visit.url).content.decode()


@pytest.fixture
def listing(request, article, calendar_page, visit):
    """A listing page and its query: news, calendar month or agenda, register."""
    which = request.param
    if which == "register":
        call_command("seed_demo", "--bulk-for", "memoranda=5", verbosity=0)
        return which, MemorandumIndexPage.objects.get(), "?status=signed"
    return which, *{
        "news": (article.get_parent().specific, "?page=1"),
        "calendar": (calendar_page, "?month=2017-07"),
        "agenda": (calendar_page, "?month=2017-07&view=agenda"),
    }[which]


LISTING_READS = {
    "news": "news-page:",
    "calendar": "calendar-month:",
    "agenda": "calendar-month:",
    "register": "register-page:",
}


@pytest.mark.parametrize(
    "listing", ["news", "calendar", "agenda", "register"], indirect=True
)
def test_a_repeated_listing_keeps_its_rendered_body(client, listing, monkeypatch):
    from config import page_cache

    which, page, query = listing
    reads: list[str] = []
    original = page_cache.until_changed

    def recording(key, *args, **kwargs):
        reads.append(key)
        return original(key, *args, **kwargs)

    def body_read() -> bool:
        read = any(key.startswith(LISTING_READS[which]) for key in reads)
        reads.clear()
        return read

    monkeypatch.setattr(page_cache, "until_changed", recording)
    client.cookies["sessionid"] = "uncached"  # past the whole-page cache
    first = client.get(page.url + query)
    assert first.status_code == 200
    assert body_read()
    again = client.get(page.url + query)
    assert again.content == first.content
    assert not body_read()
    # Another language is rendered on its own.
    with translation.override("en"):
        english = client.get(page.get_url() + query)
    assert english.status_code == 200
    assert body_read()
