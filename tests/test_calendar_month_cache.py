"""The calendar month keeps its items until content changes, never longer."""

import pytest
from bs4 import BeautifulSoup

from .factories import HomePageFactory  # noqa: F401 (factories module loads first)
from .factories_cooperation import VisitPageFactory
from .fixtures_cooperation import (  # noqa: F401
    agency,
    area,
    azerbaijan,
    events_index,
    ulyanovsk,
    visit,
)

pytestmark = pytest.mark.usefixtures("page_cache_on")


def listed(client, url: str) -> list[str]:
    # A session keeps the request out of the page cache: only the month's own
    # cache is at work.
    client.cookies["sessionid"] = "uncached"
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [a.get_text(" ", strip=True) for a in soup.select(".agenda li a")]


def test_a_published_event_shows_in_its_month_at_once(
    client, calendar_page, visit, events_index
):
    url = "/en/calendar/?month=2017-07&view=agenda"
    assert listed(client, url) == ["Visit of the Azerbaijani delegation"]
    VisitPageFactory(parent=events_index, title_en="Second visit")
    assert "Second visit" in listed(client, url)


def test_an_unpublished_event_leaves_its_month_at_once(client, calendar_page, visit):
    url = "/en/calendar/?month=2017-07&view=agenda"
    assert listed(client, url)
    visit.unpublish()
    assert listed(client, url) == []


def test_months_and_languages_are_kept_apart(client, calendar_page, visit):
    assert listed(client, "/en/calendar/?month=2017-07&view=agenda")
    assert listed(client, "/en/calendar/?month=2017-08&view=agenda") == []
    assert listed(client, "/az/teqvim/?month=2017-07&view=agenda") == [
        "Azərbaycan nümayəndə heyətinin səfəri"
    ]
