"""One pagination include names its links after the list it pages through."""

from django.core.management import call_command
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from memoranda.models import MemorandumIndexPage

from .factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def english_pagination(client, page, query: str):
    with translation.override("en"):
        url = page.get_url()
    assert url.startswith("/en/")
    response = client.get(url + query)
    return BeautifulSoup(response.content, "html.parser").select_one(".pagination")


def test_register_pages_are_named_for_the_register(client):
    call_command("seed_demo", "--bulk-for", "memoranda=45", verbosity=0)
    nav = english_pagination(client, MemorandumIndexPage.objects.get(), "?page=2")
    with translation.override("en"):
        assert nav["aria-label"] == translation.gettext("Pages of the register")
        assert nav.select_one('a[rel="prev"]').get_text() == translation.gettext(
            "Previous page"
        )
        assert nav.select_one('a[rel="next"]').get_text() == translation.gettext(
            "Next page"
        )


def test_news_pages_keep_newer_and_older(client, news_index):
    NewsPageFactory.create_batch(25, parent=news_index)
    nav = english_pagination(client, news_index, "?page=2")
    with translation.override("en"):
        assert nav["aria-label"] == translation.gettext("Pages")
        assert nav.select_one('a[rel="prev"]').get_text() == translation.gettext(
            "Newer"
        )
        assert nav.select_one('a[rel="next"]').get_text() == translation.gettext(
            "Older"
        )
