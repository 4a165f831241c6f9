"""The anonymous page cache: fast repeats, never stale, never another language or user."""

from django.contrib.auth import get_user_model

import pytest

from .factories import NewsPageFactory

pytestmark = pytest.mark.usefixtures("page_cache_on")


def test_repeated_anonymous_request_is_served_from_the_cache(client, article):
    url = f"/ru/novosti/{article.slug_ru}/"
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_languages_are_cached_apart(client, article):
    ru = client.get(f"/ru/novosti/{article.slug_ru}/")
    az = client.get(f"/az/xeberler/{article.slug_az}/")
    again = client.get(f"/az/xeberler/{article.slug_az}/")
    assert again["X-Page-Cache"] == "hit"
    assert article.title_az.encode() in again.content
    assert article.title_ru.encode() not in again.content
    assert ru.content != az.content


def test_publishing_a_change_is_seen_at_once(client, article):
    url = f"/en/news/{article.slug_en}/"
    client.get(url)
    article.title_en = "Updated headline"
    article.save_revision().publish()
    response = client.get(url)
    assert b"Updated headline" in response.content


def test_unpublishing_removes_the_page_at_once(client, article):
    url = f"/en/news/{article.slug_en}/"
    assert client.get(url).status_code == 200
    article.unpublish()
    assert client.get(url).status_code == 404


def test_a_new_article_shows_on_the_cached_index(client, news_index):
    client.get("/en/news/")
    NewsPageFactory(parent=news_index, title_en="Brand new article")
    assert b"Brand new article" in client.get("/en/news/").content


def test_logged_in_staff_never_get_or_fill_the_cache(client, article):
    url = f"/ru/novosti/{article.slug_ru}/"
    staff = get_user_model().objects.create_superuser("staff", "s@example.org", "pw")
    client.force_login(staff)
    assert "X-Page-Cache" not in client.get(url)
    client.logout()
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_a_repeat_with_the_etag_gets_a_304_from_the_cache(client, article):
    url = f"/en/news/{article.slug_en}/"
    first = client.get(url)
    assert first.has_header("ETag")
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["X-Page-Cache"] == "hit"
    assert again.content == b""


def test_a_stale_etag_gets_the_new_page(client, article):
    url = f"/en/news/{article.slug_en}/"
    first = client.get(url)
    article.title_en = "Corrected headline"
    article.save_revision().publish()
    response = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert b"Corrected headline" in response.content


def test_a_repeated_feed_request_is_answered_304(client, news_index):
    feed = client.get("/ru/calendar.ics")
    assert feed.status_code == 200
    again = client.get("/ru/calendar.ics", HTTP_IF_NONE_MATCH=feed["ETag"])
    assert again.status_code == 304


def test_a_visitor_with_messages_waiting_is_not_served_from_the_cache(client, article):
    url = f"/ru/novosti/{article.slug_ru}/"
    client.get(url)
    client.cookies["messages"] = "pending"
    assert "X-Page-Cache" not in client.get(url)


def test_a_304_carries_the_validators_without_reading_the_page(client, article):
    from django.core.cache import cache

    from config.page_cache import content_version

    url = f"/en/news/{article.slug_en}/"
    first = client.get(url)
    # Only the validators are left: the 304 must not need the page itself.
    cache.delete(f"page-cache:{content_version()}:GET:{url}")
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    assert "max-age" in again["Cache-Control"]
