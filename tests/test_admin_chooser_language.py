"""Reference-data choosers speak the editor's language, whoever opened them first."""

import re

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup

from cooperation.models import CooperationArea, Organisation, Person, Region
from training.models import Trainer

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
CHOOSERS = {
    Region: ("Choose a region", "Choose another region", "Edit this region"),
    Organisation: (
        "Choose an organisation",
        "Choose another organisation",
        "Edit this organisation",
    ),
    Person: ("Choose a person", "Choose another person", "Edit this person"),
    CooperationArea: (
        "Choose a cooperation area",
        "Choose another cooperation area",
        "Edit this cooperation area",
    ),
    Trainer: ("Choose a trainer", "Choose another trainer", "Edit this trainer"),
}


def translated(language: str, message: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


def words(node) -> str:
    return " ".join(node.get_text(" ").split())


@pytest.fixture
def editor(db, client):
    user = get_user_model().objects.create_superuser("chooser", "c@example.org", "pw")
    client.force_login(user)

    def speak(language: str):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return client

    return speak


@pytest.mark.parametrize("model", CHOOSERS, ids=lambda model: model.__name__)
@pytest.mark.parametrize("language", ["en", "az", "ru"])
def test_chooser_modal_title_is_one_sentence_in_the_editors_language(
    editor, language, model
):
    url = reverse(model.snippet_viewset.chooser_viewset.get_url_name("choose"))
    response = editor(language).get(url)

    assert response.status_code == 200
    html = BeautifulSoup(response.json()["html"], "html.parser")
    title = words(html.find("h1"))
    assert title == translated(language, CHOOSERS[model][0])
    if language != "ru":
        assert not CYRILLIC.search(title), title


@pytest.mark.parametrize("model", CHOOSERS, ids=lambda model: model.__name__)
def test_chooser_widget_built_in_russian_is_read_in_english(db, model):
    with translation.override("ru"):
        widget = model.snippet_viewset.chooser_viewset.widget_class()

    with translation.override("en"):
        html = BeautifulSoup(
            widget.render("field", None, attrs={"id": "id_field"}), "html.parser"
        )
    text = words(html)

    choose_one, choose_another, edit = CHOOSERS[model]
    assert choose_one in text
    assert choose_another in text
    assert edit in text
    assert not CYRILLIC.search(text), text


def test_person_form_opened_in_russian_first_offers_english_labels(editor):
    russian = editor("ru").get("/admin/snippets/cooperation/person/add/")
    english = editor("en").get("/admin/snippets/cooperation/person/add/")
    azerbaijani = editor("az").get("/admin/snippets/cooperation/person/add/")

    assert russian.status_code == english.status_code == 200
    for response, language in ((english, "en"), (azerbaijani, "az")):
        chooser = BeautifulSoup(response.content, "html.parser").select_one(
            ".snippet-chooser"
        )
        text = words(chooser)
        assert translated(language, "Choose an organisation") in text
        assert not CYRILLIC.search(text), text
