"""Site search over public pages in the current language."""

from wagtail.models import PageViewRestriction

from bs4 import BeautifulSoup

from .factories import NewsPageFactory


def result_titles(response) -> list[str]:
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return [a.get_text(strip=True) for a in page.select(".search-results a")]


def test_search_finds_text_in_the_current_language(client, news_index):
    article = NewsPageFactory(
        parent=news_index,
        title_ru="Центры АСАН Хидмет",
        title_az="ASAN xidmət mərkəzləri",
        title_en="ASAN service centres",
        body_az="<p>Vətəndaşlara xidmət</p>",
    )
    NewsPageFactory(parent=news_index, title_az="Başqa xəbər")
    assert result_titles(client.get("/az/search/", {"q": "mərkəzləri"})) == [
        article.title_az
    ]
    assert result_titles(client.get("/az/search/", {"q": "Vətəndaşlara"})) == [
        article.title_az
    ]
    assert result_titles(client.get("/ru/search/", {"q": "Хидмет"})) == [
        article.title_ru
    ]
    # Russian words are not Azerbaijani text.
    assert result_titles(client.get("/az/search/", {"q": "Хидмет"})) == []


def test_search_needs_every_word(client, news_index):
    NewsPageFactory(parent=news_index, title_en="Family business support")
    assert len(result_titles(client.get("/en/search/", {"q": "family support"}))) == 1
    assert result_titles(client.get("/en/search/", {"q": "family football"})) == []


def test_search_never_shows_drafts_or_restricted_pages(client, news_index):
    NewsPageFactory(parent=news_index, live=False, title_en="Secret draft memo")
    restricted = NewsPageFactory(parent=news_index, title_en="Secret restricted memo")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/en/search/", {"q": "secret"})
    assert result_titles(response) == []
    assert b"Secret" not in response.content


def test_empty_search_shows_the_form_only(client, home_page):
    response = client.get("/ru/search/")
    assert response.status_code == 200
    assert result_titles(response) == []


def test_search_query_is_escaped(client, home_page):
    response = client.get("/en/search/", {"q": "<script>alert(1)</script>"})
    assert b"<script>alert(1)</script>" not in response.content
