"""The XML sitemap: every public page once, with hreflang alternates."""

import xml.etree.ElementTree as ET

from wagtail.models import PageViewRestriction

from .factories import NewsPageFactory

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def entries(client) -> dict[str, dict[str, str]]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    result = {}
    for url in root.findall("s:url", NS):
        location = url.findtext("s:loc", namespaces=NS)
        assert location not in result, "a page is listed twice"
        result[location] = {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
    return result


def test_sitemap_lists_each_public_page_once_with_alternates(client, article):
    listed = entries(client)
    assert set(listed) == {
        "http://testserver/ru/",
        "http://testserver/ru/novosti/",
        f"http://testserver/ru/novosti/{article.slug_ru}/",
    }
    assert listed[f"http://testserver/ru/novosti/{article.slug_ru}/"] == {
        "ru": f"http://testserver/ru/novosti/{article.slug_ru}/",
        "az": f"http://testserver/az/xeberler/{article.slug_az}/",
        "en": f"http://testserver/en/news/{article.slug_en}/",
        "x-default": f"http://testserver/ru/novosti/{article.slug_ru}/",
    }


def test_sitemap_leaves_out_drafts_and_restricted_pages(client, news_index):
    draft = NewsPageFactory(parent=news_index, live=False)
    restricted = NewsPageFactory(parent=news_index)
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    locations = " ".join(entries(client))
    assert draft.slug_ru not in locations
    assert restricted.slug_ru not in locations
