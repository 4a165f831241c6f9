"""The calendar month kept in the cache is worked out again when the day changes."""

import datetime

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from memoranda.models import MemorandumStatus

from .factories_memoranda import MemorandumIndexPageFactory, MemorandumPageFactory

pytestmark = pytest.mark.usefixtures("page_cache_on")


def listed(client, url: str) -> list[str]:
    # A session keeps the request out of the page cache: only the month's own
    # cache is at work.
    client.cookies["sessionid"] = "uncached"
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [a.get_text(" ", strip=True) for a in soup.select(".agenda li a")]


def test_an_expiry_that_has_passed_leaves_the_cached_month_at_midnight(
    client, home_page, calendar_page
):
    index = MemorandumIndexPageFactory(parent=home_page)
    MemorandumPageFactory(
        parent=index,
        title_en="Ending agreement",
        status=MemorandumStatus.IN_FORCE,
        signed_on=datetime.date(2020, 1, 1),
        expires_on=datetime.date(2024, 6, 10),
    )
    url = "/en/calendar/?month=2024-06&view=agenda"
    # 23:50 and 00:10 in Ulyanovsk (UTC+4), well within the cache's hour.
    with freeze_time("2024-06-10 19:50:00"):
        assert "Expires: Ending agreement" in listed(client, url)
    with freeze_time("2024-06-10 20:10:00"):
        assert "Expires: Ending agreement" not in listed(client, url)
