"""Journey 1, second half: from a news article to the memorandum it reports on,
then to the register, filtered."""

from django.utils import translation

import pytest

from cooperation.models import Region
from home.demo_content import site
from home.demo_content.news import NEWS
from home.models import NewsPage
from memoranda.models import MemorandumIndexPage, MemorandumPage

from .conftest import screenshot
from .driver import Driver

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

STORY = NEWS[0]
NATIVE = {"ru": "Русский", "az": "Azərbaycanca", "en": "English"}


def link_the_seed_memorandum() -> MemorandumPage:
    """What seed_demo does once it calls site.link_cross_references."""
    memorandum = MemorandumPage.objects.get(registration_number="MS-2017/01")
    article = NewsPage.objects.get(slug_ru=STORY["slug"]["ru"])
    site.link_cross_references({STORY["key"]: article, "memorandum_seed": memorandum})
    return memorandum


@pytest.mark.parametrize(
    ("first", "second", "keyboard"),
    [("ru", "az", False), ("en", "ru", True)],
    ids=["ru-az-mouse", "en-ru-keyboard"],
)
def test_visitor_follows_the_memorandum_of_an_article_to_the_filtered_register(
    demo_site, page, first, second, keyboard
):
    memorandum = link_the_seed_memorandum()
    driver = Driver(page, keyboard=keyboard)
    page.goto(f"{demo_site}/{first}/{'novosti' if first == 'ru' else 'news'}/")
    driver.follow(page.get_by_role("link", name=STORY["title"][first]))
    assert page.locator("h1").inner_text() == STORY["title"][first]

    # The same article in the second language.
    driver.follow(page.get_by_role("link", name=NATIVE[second], exact=True))
    assert page.locator("html").get_attribute("lang") == second
    assert page.locator("h1").inner_text() == STORY["title"][second]

    # The related memorandum, then the register it belongs to.
    with translation.override(second):
        title = memorandum.title
        register = MemorandumIndexPage.objects.get().title
        region = Region.objects.get(slug="azerbaijan").name
    driver.follow(page.locator(".related").get_by_role("link", name=title))
    assert page.locator("h1").inner_text() == title
    driver.follow(page.locator("header nav").get_by_role("link", name=register))

    # Filtered by the partner region: the memorandum is still there.
    driver.choose(page.locator("#filter-region"), region)
    driver.follow(page.locator("form.register-filters button[type=submit]"))
    assert "region=azerbaijan" in page.url
    cards = page.locator(".register-list .memorandum-card h2 a")
    assert title in cards.all_inner_texts()
    screenshot(page, f"journey1-register-{second}")
