"""The public read API: pages per language, public fields only, no drafts."""

from wagtail.models import PageViewRestriction

import pytest

from .factories import NewsPageFactory


def api(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_api_lists_public_news_with_texts_in_the_language_of_the_url(client, article):
    for language in ("ru", "az", "en"):
        data = api(
            client,
            f"/{language}/api/v2/pages/?type=home.NewsPage&fields=lead,date,source_name",
        )
        assert [item["title"] for item in data["items"]] == [
            getattr(article, f"title_{language}")
        ]
        item = data["items"][0]
        assert item["lead"] == getattr(article, f"lead_{language}")
        assert item["meta"]["html_url"].startswith(f"http://testserver/{language}/")


def test_api_never_shows_drafts_or_restricted_pages(client, news_index):
    NewsPageFactory(parent=news_index, live=False, title_en="Draft API secret")
    restricted = NewsPageFactory(parent=news_index, title_en="Restricted API secret")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/en/api/v2/pages/?type=home.NewsPage&search=secret")
    assert b"secret" not in response.content.lower() or response.json()["items"] == []
    listing = client.get("/en/api/v2/pages/?fields=*&limit=100").content
    assert b"API secret" not in listing


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_api_exposes_no_files(client, home_page, endpoint):
    assert client.get(f"/en/api/v2/{endpoint}/").status_code == 404
