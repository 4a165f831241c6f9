"""The seed news link to the memorandum they report on, once."""

from django.core.management import call_command

import pytest

from home.demo_content import site
from home.demo_content.news import NEWS
from home.models import NewsPage, NewsPageRelatedPage
from memoranda.models import MemorandumPage

pytestmark = pytest.mark.django_db


def pages() -> dict:
    return {
        NEWS[0]["key"]: NewsPage.objects.get(slug_ru=NEWS[0]["slug"]["ru"]),
        "memorandum_seed": MemorandumPage.objects.get(registration_number="MS-2017/01"),
    }


def test_the_seed_article_links_to_the_seed_memorandum_once(client):
    call_command("seed_demo", verbosity=0)
    found = pages()
    site.link_cross_references(found)
    site.link_cross_references(found)
    article, memorandum = found[NEWS[0]["key"]], found["memorandum_seed"]
    links = NewsPageRelatedPage.objects.filter(news_page=article, page=memorandum)
    assert links.count() == 1
    assert memorandum.specific in article.public_related_pages()


def test_missing_pages_are_skipped():
    site.link_cross_references({})
    assert not NewsPageRelatedPage.objects.exists()
