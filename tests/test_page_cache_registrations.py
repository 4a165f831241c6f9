"""Registrations and the page cache: other pages stay cached, live figures stay fresh."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
from django.utils import timezone, translation

import pytest
from bs4 import BeautifulSoup

from training.services import cancel_registration

from . import factories_training
from .fixtures_training import programme, session, trainer, training_index, venue

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


def register(session, email: str):
    return factories_training.register(
        session,
        email,
        name="Leyla Məmmədova",
        organisation="ASAN xidmət",
        language="en",
        notify=False,
    )


def url_in(page, language: str) -> str:
    with translation.override(language):
        return page.get_url()


def seats_text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").find(class_="seats").text


def test_a_registration_keeps_other_pages_in_the_cache(client, article, session):
    url = f"/en/news/{article.slug_en}/"
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    register(session, "first@example.org")
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_free_seats_on_a_programme_page_follow_every_registration(client, session):
    url = url_in(session.get_parent(), "en")
    before = client.get(url)
    assert "X-Page-Cache" not in client.get(url)
    register(session, "first@example.org")
    after = client.get(url)
    assert seats_text(before) == "Seats left: 2 of 2"
    assert seats_text(after) == "Seats left: 1 of 2"


def test_a_registrants_result_page_follows_their_promotion(client, session):
    seated = register(session, "first@example.org")
    register(session, "second@example.org")
    waiting = register(session, "third@example.org")
    url = url_in(session, "en") + session.reverse_subpage(
        "registered", kwargs={"token": waiting.cancel_token}
    )
    result = BeautifulSoup(client.get(url).content, "html.parser")
    assert result.find(class_="training-waitlisted") is not None
    cancel_registration(registration=seated, now=timezone.now())
    result = BeautifulSoup(client.get(url).content, "html.parser")
    assert result.find(class_="training-confirmed") is not None
