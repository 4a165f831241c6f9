"""Custom 404 and 500 pages in the reader's language."""

from django.test import RequestFactory

from bs4 import BeautifulSoup

from config.views import server_error


def test_404_page_is_in_the_language_of_the_url(client, home_page):
    response = client.get("/az/yoxdur/")
    assert response.status_code == 404
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.html["lang"] == "az"
    assert page.h1.get_text(strip=True) == "Səhifə tapılmadı"


def test_404_page_in_russian_and_english(client, home_page):
    ru = BeautifulSoup(client.get("/ru/net-takoy/").content.decode(), "html.parser")
    en = BeautifulSoup(client.get("/en/missing/").content.decode(), "html.parser")
    assert ru.h1.get_text(strip=True) == "Страница не найдена"
    assert en.h1.get_text(strip=True) == "Page not found"


def test_500_page_is_in_the_language_of_the_url(db):
    response = server_error(RequestFactory().get("/az/xeberler/"))
    assert response.status_code == 500
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.html["lang"] == "az"
    assert page.h1.get_text(strip=True) == "Server xətası"
