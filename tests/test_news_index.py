"""The news index: newest first, paginated, filtered by tag and year."""

import datetime

from wagtail.models import PageViewRestriction

from bs4 import BeautifulSoup

from home.models import NEWS_PER_PAGE

from .factories import NewsPageFactory, NewsTagFactory


def titles(response) -> list[str]:
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return [a.get_text(strip=True) for a in page.select(".cards .card-title a")]


def test_news_are_listed_newest_first(client, news_index):
    NewsPageFactory(parent=news_index, title="Старая", date=datetime.date(2016, 1, 1))
    NewsPageFactory(parent=news_index, title="Новая", date=datetime.date(2018, 1, 1))
    NewsPageFactory(parent=news_index, title="Средняя", date=datetime.date(2017, 1, 1))
    assert titles(client.get("/ru/novosti/")) == ["Новая", "Средняя", "Старая"]


def test_news_index_is_paginated(client, news_index):
    for day in range(NEWS_PER_PAGE + 3):
        NewsPageFactory(parent=news_index, date=datetime.date(2017, 1, 1 + day))
    first = client.get("/ru/novosti/")
    second = client.get("/ru/novosti/?page=2")
    assert len(titles(first)) == NEWS_PER_PAGE
    assert len(titles(second)) == 3
    assert not set(titles(first)) & set(titles(second))


def test_a_page_number_out_of_range_or_garbage_does_not_fail(client, news_index):
    NewsPageFactory(parent=news_index)
    assert client.get("/ru/novosti/?page=999").status_code == 200
    assert client.get("/ru/novosti/?page=abc").status_code == 200
    assert client.get("/ru/novosti/?year=abc").status_code == 200


def test_news_can_be_filtered_by_tag_and_year(client, news_index):
    tag = NewsTagFactory(slug="e-services", name_en="E-services")
    tagged = NewsPageFactory(parent=news_index, date=datetime.date(2017, 7, 18))
    tagged.tags.add(tag)
    tagged.save_revision().publish()
    NewsPageFactory(parent=news_index, date=datetime.date(2017, 7, 20))
    old = NewsPageFactory(parent=news_index, date=datetime.date(2015, 3, 1))
    old.tags.add(tag)
    old.save_revision().publish()

    assert titles(client.get("/en/news/?tag=e-services")) == [
        tagged.title_en,
        old.title_en,
    ]
    assert len(titles(client.get("/en/news/?year=2017"))) == 2
    assert titles(client.get("/en/news/?tag=e-services&year=2015")) == [old.title_en]


def test_drafts_and_restricted_news_are_not_listed(client, news_index):
    public = NewsPageFactory(parent=news_index)
    draft = NewsPageFactory(parent=news_index, live=False)
    restricted = NewsPageFactory(parent=news_index)
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.LOGIN
    )
    listed = titles(client.get("/ru/novosti/"))
    assert public.title_ru in listed
    assert draft.title_ru not in listed
    assert restricted.title_ru not in listed
    assert client.get(f"/ru/novosti/{draft.slug_ru}/").status_code == 404
