"""RSS and Atom feeds per language, parsed back."""

import datetime
import xml.etree.ElementTree as ET

from .factories import NewsPageFactory

ATOM = "{http://www.w3.org/2005/Atom}"


def test_rss_feed_lists_public_news_in_the_language_of_the_url(client, news_index):
    article = NewsPageFactory(parent=news_index, date=datetime.date(2017, 7, 18))
    NewsPageFactory(parent=news_index, live=False, title_az="Qaralama")
    response = client.get("/az/feeds/news/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "az"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [article.title_az]
    assert (
        items[0].findtext("link") == f"http://testserver/az/xeberler/{article.slug_az}/"
    )
    assert items[0].findtext("description") == article.lead_az
    assert "18 Jul 2017" in items[0].findtext("pubDate")


def test_atom_feed_lists_news_newest_first_in_english(client, news_index):
    older = NewsPageFactory(parent=news_index, date=datetime.date(2017, 7, 18))
    newer = NewsPageFactory(parent=news_index, date=datetime.date(2017, 7, 20))
    response = client.get("/en/feeds/news/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        newer.title_en,
        older.title_en,
    ]
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_feed_escapes_hostile_titles(client, news_index):
    NewsPageFactory(parent=news_index, title_ru="<script>alert(1)</script> & «ок»")
    response = client.get("/ru/feeds/news/rss/")
    item = ET.fromstring(response.content).find("channel/item")
    assert item.findtext("title") == "<script>alert(1)</script> & «ок»"
    assert b"<script>" not in response.content
