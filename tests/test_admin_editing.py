"""Staff edit every translatable field in the Wagtail admin."""

from django.contrib.auth import get_user_model

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup

from home.models import NewsPage


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("staff", "staff@example.org", "pw")
    client.force_login(user)
    client.user = user
    return client


def test_news_editor_offers_every_language(admin_client, news_index):
    response = admin_client.get(f"/admin/pages/add/home/newspage/{news_index.pk}/")
    assert response.status_code == 200
    names = {
        field.get("name")
        for field in BeautifulSoup(response.content.decode(), "html.parser").select(
            "input, textarea"
        )
    }
    for field in ("title", "slug", "lead", "body", "image_alt", "source_name"):
        for language in ("ru", "az", "en"):
            assert f"{field}_{language}" in names, f"{field}_{language}"


def test_staff_create_and_publish_an_article_in_three_languages(
    admin_client, news_index
):
    data = nested_form_data(
        {
            "title_ru": "Тренинг в Баку",
            "title_az": "Bakıda təlim",
            "title_en": "Training in Baku",
            "slug_ru": "trening-v-baku",
            "slug_az": "bakida-telim",
            "slug_en": "training-in-baku",
            "date": "2017-08-01",
            "lead_ru": "Анонс",
            "lead_az": "Annotasiya",
            "lead_en": "Lead",
            "body_ru": rich_text("<p>Текст</p>"),
            "body_az": rich_text("<p>Mətn</p>"),
            "body_en": rich_text("<p>Text</p>"),
            "related_pages": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(
        f"/admin/pages/add/home/newspage/{news_index.pk}/", data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(slug_en="training-in-baku")
    assert page.live
    assert (page.title_ru, page.title_az, page.title_en) == (
        "Тренинг в Баку",
        "Bakıda təlim",
        "Training in Baku",
    )
    assert admin_client.get("/az/xeberler/bakida-telim/").status_code == 200


def test_project_strings_in_the_admin_are_translated_into_azerbaijani(
    admin_client, article
):
    profile = UserProfile.get_for_user(admin_client.user)
    profile.preferred_language = "az"
    profile.save()
    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")
    text = BeautifulSoup(response.content.decode(), "html.parser").get_text(" ")
    assert "Mənbənin göstərilməsi" in text  # "Source attribution" panel
    assert "Əlaqəli səhifələr" in text  # "Related pages"


def test_admin_works_in_english(admin_client, article):
    profile = UserProfile.get_for_user(admin_client.user)
    profile.preferred_language = "en"
    profile.save()
    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")
    text = BeautifulSoup(response.content.decode(), "html.parser").get_text(" ")
    assert "Source attribution" in text
    assert "Источник" not in text
