"""The register lists its groups page by page, reading only the page shown."""

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from memoranda.models import MemorandumIndexPage, MemorandumPage
from memoranda.models.register import REGISTER_PER_PAGE

pytestmark = pytest.mark.django_db


def seed(memoranda: int) -> str:
    call_command("seed_demo", "--bulk-for", f"memoranda={memoranda}", verbosity=0)
    return MemorandumIndexPage.objects.get().url


def cards(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        a.get_text(strip=True)
        for a in soup.select(".register-list > .register-item > .memorandum-card h2 a")
    ]


def test_register_shows_one_page_of_groups_and_the_whole_count(client):
    url = seed(45)
    published = MemorandumPage.objects.published().count()
    first = client.get(url)
    soup = BeautifulSoup(first.content, "html.parser")
    assert str(published) in soup.select_one(".register-summary").get_text()
    assert len(cards(first)) == REGISTER_PER_PAGE
    assert soup.select_one('.pagination a[rel="next"]')["href"] == "?page=2"
    seen = set(cards(first))
    page = 2
    while True:
        response = client.get(f"{url}?page={page}")
        listed = cards(response)
        assert listed and not seen & set(listed)
        seen |= set(listed)
        if not BeautifulSoup(response.content, "html.parser").select_one(
            '.pagination a[rel="next"]'
        ):
            break
        page += 1
    nested = MemorandumPage.objects.published().filter(amends__isnull=False).count()
    assert len(seen) == published - nested


def test_amendment_stays_under_its_original_across_pages(client):
    url = seed(45)
    amendment = MemorandumPage.objects.get(slug_ru="bulk-memorandum-20")
    for page in range(1, 4):
        soup = BeautifulSoup(
            client.get(f"{url}?sort=number&page={page}").content, "html.parser"
        )
        for item in soup.select(".register-list > .register-item"):
            nested = [
                a.get_text(strip=True) for a in item.select(".register-amendments h2 a")
            ]
            if amendment.title in nested:
                assert "BULK-00019" in item.select_one(".reg-number").get_text()
                return
    raise AssertionError("the amendment is not listed under its original")


def test_filters_are_kept_in_the_page_links(client):
    url = seed(45)
    response = client.get(f"{url}?region=azerbaijan&sort=title")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one('.pagination a[rel="next"]')["href"] == (
        "?region=azerbaijan&sort=title&page=2"
    )


def test_register_reads_as_many_queries_for_20_memoranda_as_for_60(client):
    url = seed(20)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url, HTTP_COOKIE="sessionid=none")
    seed(60)
    client.get(url)
    with CaptureQueriesContext(connection) as many:
        client.get(url, HTTP_COOKIE="sessionid=none")
    assert len(many) == len(few)
