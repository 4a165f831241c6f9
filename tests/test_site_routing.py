"""Routing by translated slug: same answers as before, without reading every child."""

from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page
from wagtail_modeltranslation import patch_wagtailadmin

from home import routing
from home.models import HomePage, NewsIndexPage, NewsPage

from .factories import NewsPageFactory


def test_every_page_type_routes_with_the_database_lookup():
    for model in (HomePage, NewsIndexPage, NewsPage):
        assert model.route is routing.route
        assert model.route is not patch_wagtailadmin._new_route


def test_article_is_found_by_its_slug_in_each_language(client, article):
    assert client.get(f"/ru/novosti/{article.slug_ru}/").status_code == 200
    assert client.get(f"/az/xeberler/{article.slug_az}/").status_code == 200
    assert client.get(f"/en/news/{article.slug_en}/").status_code == 200


def test_another_languages_slug_is_not_found(client, article):
    assert client.get(f"/en/news/{article.slug_az}/").status_code == 404
    assert client.get("/ru/novosti/no-such-article/").status_code == 404


def test_empty_slug_falls_back_like_the_title(client, news_index):
    article = NewsPageFactory(parent=news_index, slug_az="", title_az="")
    # Azerbaijani readers fall back to Russian first.
    assert client.get(f"/az/xeberler/{article.slug_ru}/").status_code == 200
    assert client.get(f"/az/xeberler/{article.slug_en}/").status_code == 404


def test_draft_is_not_routed(client, news_index):
    article = NewsPageFactory(parent=news_index, live=False)
    assert client.get(f"/ru/novosti/{article.slug_ru}/").status_code == 404


def pages_built(client, url: str) -> int:
    """Return how many page objects serving `url` builds."""
    built = []

    def count(sender, instance, **kwargs):
        if isinstance(instance, Page):
            built.append(instance)

    post_init.connect(count)
    try:
        assert client.get(url).status_code == 200
    finally:
        post_init.disconnect(count)
    return len(built)


def test_routing_builds_as_many_pages_with_one_sibling_as_with_forty(
    client, news_index
):
    article = NewsPageFactory(parent=news_index)
    url = f"/en/news/{article.slug_en}/"
    pages_built(client, url)
    few = pages_built(client, url)
    for _ in range(40):
        NewsPageFactory(parent=news_index)
    pages_built(client, url)
    assert pages_built(client, url) == few


def slug_scans(client, url: str) -> int:
    """Return how many child lookups by slug serving `url` runs."""
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return sum(1 for query in queries if '"slug_az" = ' in query["sql"])


def test_a_found_child_is_remembered_until_content_changes(client, article):
    url = f"/en/news/{article.slug_en}/"
    assert slug_scans(client, url) == 2
    assert slug_scans(client, url) == 0
    article.slug_en = "renamed"
    article.save_revision().publish()
    assert client.get(url).status_code == 404
    assert client.get("/en/news/renamed/").status_code == 200
