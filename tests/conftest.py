"""Fixtures that stack: site -> home_page -> news_index, calendar_page -> pages."""

from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from django.utils.translation import trans_real

from wagtail.models import Page, Site

import pytest
from asgiref.local import Local

from home.models import CalendarPage

from .factories import HomePageFactory, NewsIndexPageFactory, NewsPageFactory


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """Compile locale/*.po so tests see the current translations, then reload them."""
    call_command("compile_translations", verbosity=0)
    trans_real._translations = {}
    trans_real._default = None
    trans_real._active = Local()


@pytest.fixture(autouse=True)
def pin_language():
    """Write and read translated fields in Russian unless a test says otherwise."""
    translation.activate("ru")
    cache.clear()
    yield
    translation.activate("ru")
    cache.clear()


@pytest.fixture
def home_page(db):
    """A home page that is the root of the only site."""
    root = Page.get_first_root_node()
    for placeholder in root.get_children():
        placeholder.delete()
    home = HomePageFactory(parent=root)
    Site.objects.all().delete()
    Site.objects.create(
        hostname="testserver", port=80, root_page=home, is_default_site=True
    )
    return home


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def article(news_index):
    return NewsPageFactory(parent=news_index)


@pytest.fixture
def calendar_page(home_page):
    page = CalendarPage(
        title="Календарь",
        title_ru="Календарь",
        title_az="Təqvim",
        title_en="Calendar",
        slug="kalendar",
        slug_ru="kalendar",
        slug_az="teqvim",
        slug_en="calendar",
    )
    home_page.add_child(instance=page)
    return page


@pytest.fixture
def page_cache_on():
    """Let the anonymous page cache store pages (the test settings keep it off)."""
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield
