"""The demo content command: faithful seed texts, idempotent, refused in production."""

from django.core.management import CommandError, call_command
from django.db import models
from django.test import override_settings

from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

import pytest
from bs4 import BeautifulSoup

from home.demo_content.news import NEWS
from home.models import HomePage, NewsPage


def snapshot() -> dict[str, int]:
    """Count every row the demo could create, per model."""
    from django.apps import apps

    counts = {}
    for model in apps.get_models():
        if model._meta.app_label in {"sessions", "contenttypes", "auth"}:
            continue
        if model._meta.managed and not model._meta.proxy:
            counts[model._meta.label] = model._default_manager.count()
    return counts


@pytest.mark.django_db
def test_seed_demo_twice_equals_once():
    call_command("seed_demo", verbosity=0)
    first = snapshot()
    revisions = Revision.objects.count()
    call_command("seed_demo", verbosity=0)
    assert snapshot() == first
    assert Revision.objects.count() == revisions


@pytest.mark.django_db
def test_seed_demo_keeps_what_staff_edited():
    call_command("seed_demo", verbosity=0)
    article = NewsPage.objects.get(slug_en=NEWS[0]["slug"]["en"])
    article.title_en = "Edited by staff"
    article.save()
    call_command("seed_demo", verbosity=0)
    article.refresh_from_db()
    assert article.title_en == "Edited by staff"


@pytest.mark.django_db
def test_seed_demo_makes_the_home_page_the_site_root():
    call_command("seed_demo", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(depth=2).exclude(pk=site.root_page.pk).exists()


@pytest.mark.django_db
def test_seed_news_keeps_the_russian_original_verbatim(client):
    call_command("seed_demo", verbosity=0)
    article = NewsPage.objects.get(slug_ru=NEWS[0]["slug"]["ru"])
    assert str(article.date) == "2017-07-18"
    assert article.source_name_ru == "Первый ульяновский портал"
    assert article.image is not None and article.image_alt_az
    page = BeautifulSoup(client.get(article.get_url()).content.decode(), "html.parser")
    paragraphs = [p.get_text() for p in page.select(".rich-text p")]
    assert paragraphs[0].startswith("Губернатор Сергей Морозов 30 июня 2017 года")
    assert "«Умный регион»»" in " ".join(paragraphs)
    assert page.select_one(".source").get_text(" ", strip=True) == (
        "Текст – Первый ульяновский портал"
    )


@pytest.mark.django_db
def test_seed_news_is_complete_in_three_languages():
    call_command("seed_demo", verbosity=0)
    for item in NEWS:
        article = NewsPage.objects.get(slug_ru=item["slug"]["ru"])
        for language in ("ru", "az", "en"):
            for field in ("title", "slug", "lead", "body", "source_name", "image_alt"):
                assert getattr(article, f"{field}_{language}"), (field, language)
        assert article.tags.count() == len(item["tags"]["ru"])
        assert article.related_pages.exists()


@pytest.mark.django_db
@override_settings(DEMO_CONTENT_ALLOWED=False)
def test_seed_demo_refuses_in_production_without_force():
    with pytest.raises(CommandError):
        call_command("seed_demo", verbosity=0)
    assert not HomePage.objects.exists()
    call_command("seed_demo", "--force", verbosity=0)
    assert HomePage.objects.exists()


@pytest.mark.django_db
def test_bulk_option_creates_that_many_news_once():
    call_command("seed_demo", "--bulk", "5", verbosity=0)
    bulk = NewsPage.objects.filter(slug_en__startswith="bulk-news-")
    assert bulk.count() == 5
    call_command("seed_demo", "--bulk", "5", verbosity=0)
    assert bulk.count() == 5
    assert (
        get_image_model().objects.filter(models.Q(title__startswith="demo:")).exists()
    )
