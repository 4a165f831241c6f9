"""Journey 1: a visitor reads the news in one language and switches to another."""

import pytest

from home.demo_content.news import NEWS

from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_visitor_reads_russian_article_then_switches_to_azerbaijani(demo_site, page):
    story = NEWS[0]
    page.goto(f"{demo_site}/ru/")
    page.get_by_role("link", name="Новости", exact=True).first.click()
    page.get_by_role("link", name=story["title"]["ru"]).click()
    assert page.locator("h1").inner_text() == story["title"]["ru"]
    assert page.locator("html").get_attribute("lang") == "ru"

    page.get_by_role("link", name="Azərbaycanca").click()
    assert page.locator("html").get_attribute("lang") == "az"
    assert page.locator("h1").inner_text() == story["title"]["az"]
    assert page.url.endswith(f"/az/xeberler/{story['slug']['az']}/")
    screenshot(page, "journey1-news-az")


def test_visitor_reads_english_news_with_the_keyboard_only(demo_site, page):
    story = NEWS[1]
    page.goto(f"{demo_site}/en/news/")
    link = page.get_by_role("link", name=story["title"]["en"])
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        if focused == story["title"]["en"]:
            break
    else:
        raise AssertionError("the article link cannot be reached with Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus is not visible"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/en/news/{story['slug']['en']}/")
    assert page.locator("h1").inner_text() == story["title"]["en"]
    assert link.count() == 0
    screenshot(page, "journey1-news-en-keyboard")
