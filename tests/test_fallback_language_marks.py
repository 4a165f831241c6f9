"""Texts shown in another language than the reader's carry their own `lang`."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from cooperation.models import Region, VisitPage
from home import calendar as items
from training.models import TrainingSessionPage

from .factories import HomePageFactory  # factories module loads first
from .fixtures_cooperation import (
    agency,
    area,
    azerbaijan,
    events_index,
    meeting,
    partner_page,
    partners_index,
    ulyanovsk,
    visit,
)
from .fixtures_training import programme, session, trainer, training_index, venue

VISIT_RU = "Визит делегации Азербайджана"


def soup(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def visit_without_azerbaijani(visit):
    VisitPage.objects.filter(pk=visit.pk).update(
        title_az="", location_ru="Ульяновск, Дом дружбы", location_az=""
    )
    return visit


def test_calendar_marks_a_title_and_place_shown_in_another_language(
    client, calendar_page, visit_without_azerbaijani
):
    agenda = soup(client, "/az/teqvim/?month=2017-07&view=agenda")
    item = agenda.select_one(".agenda li")
    assert item.select_one("a span[lang=ru]").get_text() == VISIT_RU
    assert item.select_one(".where span[lang=ru]").get_text() == (
        "Ульяновск, Дом дружбы"
    )
    month = soup(client, "/az/teqvim/?month=2017-07")
    marked = month.select(".calendar-item span[lang=ru]")
    assert marked
    assert {span.get_text() for span in marked} == {VISIT_RU}


def test_calendar_leaves_texts_in_the_readers_language_unmarked(
    client, calendar_page, visit
):
    agenda = soup(client, "/az/teqvim/?month=2017-07&view=agenda")
    link = agenda.select_one(".agenda li a")
    assert link.get_text() == "Azərbaycan nümayəndə heyətinin səfəri"
    assert link.select("[lang]") == []


def test_calendar_filter_choices_carry_the_language_of_their_label(
    client, calendar_page, visit, agency
):
    Region.objects.filter(pk=agency.region_id).update(name_az="")
    page = soup(client, "/az/teqvim/?month=2017-07")
    region = page.select_one(f'#filter-region option[value="{agency.region.slug}"]')
    assert region["lang"] == "ru"
    organisation = page.select_one('#filter-organisation option[value="asan"]')
    assert organisation.get_text() == "ASAN Dövlət Agentliyi"
    assert not organisation.has_attr("lang")
    kinds = page.select("#filter-kind option")
    assert kinds and not any(option.has_attr("lang") for option in kinds)


def test_calendar_memorandum_summary_marks_only_the_title():
    with translation.override("en"):
        parts = items._titled(
            "Signed: Меморандум о сотрудничестве", "Меморандум о сотрудничестве", "ru"
        )
    assert parts == (("Signed: ", "en"), ("Меморандум о сотрудничестве", "ru"))


def test_partner_timeline_entries_carry_the_language_of_their_title(
    client, partner_page, visit, meeting
):
    VisitPage.objects.filter(pk=visit.pk).update(title_en="")
    with translation.override("en"):
        languages = {entry.title: entry.language for entry in partner_page.timeline()}
    assert languages[VISIT_RU] == "ru"
    assert set(languages.values()) == {"ru", "en"}
    page = soup(client, "/en/partners/azerbaijan/")
    links = page.select("li.timeline-entry a")
    marked = [link for link in links if link.has_attr("lang")]
    assert [(link.get_text(), link["lang"]) for link in marked] == [(VISIT_RU, "ru")]
    assert len(links) == 2


def test_session_place_parts_carry_their_languages(session, venue):
    TrainingSessionPage.objects.filter(pk=session.pk).update(
        address_ru="ул. Низами, 10", address_en="", room_ru="", room_en="Room 5"
    )
    session.refresh_from_db()
    with translation.override("en"):
        parts = session.place_parts()
        text = session.place_text()
    venue_en = "ASAN Training Centre"
    assert parts == [(venue_en, "en"), ("ул. Низами, 10", "ru"), ("Room 5", "en")]
    assert text == f"{venue_en}, ул. Низами, 10, Room 5"


def test_session_page_marks_a_place_shown_in_another_language(client, session):
    TrainingSessionPage.objects.filter(pk=session.pk).update(
        address_ru="ул. Низами, 10", address_en="", address_az=""
    )
    with translation.override("en"):
        url = session.get_url()
    page = soup(client, url)
    marked = page.select('span[lang="ru"]')
    assert "ул. Низами, 10" in [span.get_text() for span in marked]


def test_online_session_place_is_in_the_readers_language(session):
    session.online = True
    with translation.override("az"):
        assert session.place_parts() == [(session.place_text(), "az")]
