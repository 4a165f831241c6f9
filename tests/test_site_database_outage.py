"""While the database cannot be reached, readers get a translated 503, not a 500."""

from unittest import mock

from django.db import InterfaceError, OperationalError, ProgrammingError, connections
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

TITLE = "Temporarily unavailable"
ADMIN_TEXT = "The site is temporarily unavailable. Please try again in a minute."


def database_down(error=OperationalError):
    # Every query of the request fails, as when PostgreSQL refuses connections;
    # the 503 page itself must not need one.
    return mock.patch.object(
        connections["default"], "_cursor", side_effect=error("connection refused")
    )


@pytest.fixture
def browser():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("language", ["ru", "az", "en"])
def test_a_public_page_answers_503_in_the_language_of_its_url(browser, site, language):
    with database_down():
        response = browser.get(f"/{language}/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Language"] == language
    assert "no-store" in response["Cache-Control"]
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == language
    with translation.override(language):
        assert page.h1.text == gettext(TITLE)
        assert page.title.text == gettext(TITLE)


def test_a_lost_connection_inside_a_view_is_a_503_too(browser, site):
    with database_down(InterfaceError):
        response = browser.get("/en/")
    assert response.status_code == 503


def test_a_failure_in_a_middleware_reading_the_session_is_a_503(browser, site):
    browser.cookies["sessionid"] = "a" * 32
    with database_down():
        response = browser.get("/admin/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Type"].startswith("text/plain")
    with translation.override("ru"):
        assert response.content.decode() == gettext(ADMIN_TEXT)


def test_the_admin_answers_in_the_browsers_language(browser, site):
    browser.cookies["sessionid"] = "a" * 32
    with database_down():
        response = browser.get("/admin/pages/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 503
    with translation.override("en"):
        assert response.content.decode() == gettext(ADMIN_TEXT)


def test_other_database_errors_stay_server_errors(browser, site):
    with database_down(ProgrammingError):
        response = browser.get("/en/")
    assert response.status_code == 500
    assert "Retry-After" not in response
