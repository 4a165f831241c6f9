"""Routing per language, the switcher, hreflang alternates and fallbacks."""

import pytest
from bs4 import BeautifulSoup

from .factories import NewsPageFactory


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("az,ru;q=0.8", "/az/"), ("en-GB,en;q=0.9", "/en/"), ("fr", "/ru/"), ("", "/ru/")],
)
def test_root_redirects_by_accept_language(client, home_page, accept, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("language", ["ru", "az", "en"])
def test_every_language_serves_the_home_page_with_html_lang(
    client, home_page, language
):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert soup(response).html["lang"] == language


def test_article_has_translated_slugs_per_language(client, article):
    assert client.get("/ru/novosti/" + article.slug_ru + "/").status_code == 200
    assert client.get("/az/xeberler/" + article.slug_az + "/").status_code == 200
    assert client.get("/en/news/" + article.slug_en + "/").status_code == 200
    # A slug of one language under another language's prefix is not a page.
    assert client.get("/en/news/" + article.slug_az + "/").status_code == 404


def test_switcher_lands_on_the_same_article_in_each_language(client, article):
    page = soup(client.get(f"/ru/novosti/{article.slug_ru}/"))
    links = {
        a["hreflang"]: a["href"]
        for a in page.select("nav.language-switcher a[hreflang]")
    }
    assert links == {
        "ru": f"/ru/novosti/{article.slug_ru}/",
        "az": f"/az/xeberler/{article.slug_az}/",
        "en": f"/en/news/{article.slug_en}/",
    }
    for language, url in links.items():
        target = soup(client.get(url))
        assert target.html["lang"] == language
        assert target.h1.get_text(strip=True) == getattr(article, f"title_{language}")


def test_switcher_keeps_the_news_filters(client, news_index):
    page = soup(client.get("/ru/novosti/?year=2017"))
    links = {a["hreflang"]: a["href"] for a in page.select("nav.language-switcher a")}
    assert links["en"] == "/en/news/?year=2017"


def test_every_page_links_alternates_for_all_languages_and_x_default(client, article):
    page = soup(client.get(f"/az/xeberler/{article.slug_az}/"))
    alternates = {
        link["hreflang"]: link["href"]
        for link in page.select('link[rel="alternate"][hreflang]')
    }
    assert set(alternates) == {"ru", "az", "en", "x-default"}
    assert alternates["en"] == f"http://testserver/en/news/{article.slug_en}/"
    assert alternates["x-default"] == alternates["ru"]


def test_navigation_is_translated(client, news_index):
    page = soup(client.get("/az/"))
    labels = [a.get_text(strip=True) for a in page.select("nav.main-nav a")]
    assert labels == ["Ana səhifə", "Xəbərlər"]
    page = soup(client.get("/en/"))
    assert [a.get_text(strip=True) for a in page.select("nav.main-nav a")] == [
        "Home",
        "News",
    ]


def test_empty_azerbaijani_text_falls_back_to_russian_with_a_notice(client, news_index):
    article = NewsPageFactory(
        parent=news_index, body_az="", lead_az="", body_ru="<p>Русский текст.</p>"
    )
    page = soup(client.get(f"/az/xeberler/{article.slug_az}/"))
    body = page.select_one(".rich-text")
    assert body.get_text(strip=True) == "Русский текст."
    assert body["lang"] == "ru"
    notice = page.select_one(".fallback-notice").get_text(" ", strip=True)
    assert "tərcümə olunmayıb" in notice
    assert "rus dili" in notice


def test_azerbaijani_falls_back_to_english_when_russian_is_empty(client, news_index):
    article = NewsPageFactory(
        parent=news_index, body_az="", body_ru="", body_en="<p>English only.</p>"
    )
    page = soup(client.get(f"/az/xeberler/{article.slug_az}/"))
    assert page.select_one(".rich-text").get_text(strip=True) == "English only."
    assert page.select_one(".rich-text")["lang"] == "en"


def test_empty_english_title_shows_russian_title_and_says_so(client, news_index):
    article = NewsPageFactory(parent=news_index, title_en="", slug_en="")
    # With no English slug the Russian one serves the English URL.
    page = soup(client.get(f"/en/news/{article.slug_ru}/"))
    assert page.h1.get_text(strip=True) == article.title_ru
    assert page.h1["lang"] == "ru"
    notice = page.select_one(".fallback-notice").get_text(" ", strip=True)
    assert "not been translated yet" in notice
    assert "russian" in notice


def test_complete_translation_shows_no_notice(client, article):
    page = soup(client.get(f"/en/news/{article.slug_en}/"))
    assert page.select_one(".fallback-notice") is None
