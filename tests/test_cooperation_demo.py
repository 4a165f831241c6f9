"""The cooperation demo content: seed stories in three languages, loaded once."""

from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from cooperation import demo
from cooperation.models import (
    CooperationArea,
    DelegationMember,
    HearingSubmission,
    MeetingPage,
    Organisation,
    Person,
    Region,
    VisitPage,
)
from home.demo_content import site

pytestmark = pytest.mark.django_db

MODELS = [
    Region,
    Organisation,
    Person,
    CooperationArea,
    VisitPage,
    MeetingPage,
    DelegationMember,
    HearingSubmission,
]


def load_demo() -> dict:
    pages = site.load(lambda message: None)
    return pages | demo.load(pages=pages, report=lambda message: None)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_cooperation_demo_twice_equals_once():
    load_demo()
    first = counts()
    assert first == {
        "Region": 2,
        "Organisation": 7,
        "Person": 5,
        "CooperationArea": 7,
        "VisitPage": 1,
        "MeetingPage": 1,
        "DelegationMember": 2,
        "HearingSubmission": 2,
    }
    load_demo()
    assert counts() == first


def test_cooperation_demo_returns_the_keys_later_modules_use():
    pages = load_demo()
    for key in (
        "events_index",
        "partners_index",
        "visit",
        "meeting",
        "hearing",
        "region_ulyanovsk",
        "region_azerbaijan",
        "org_asan",
        "org_asan-training-centre",
        "org_government-for-citizens",
        "org_ulyanovsk-government",
        "org_azerbaijan-ministry-of-communications",
        "org_azerbaijani-autonomy",
        "org_school-78",
        "person_morozov",
        "person_gumbatov",
        "person_guseynov",
        "person_kerimov",
        "person_velizade",
        "area_e-government",
        "area_culture",
        "partner_azerbaijan",
    ):
        assert pages[key].pk, key
    assert pages["person_gumbatov"].full_name_az == "Elnur Akif oğlu Qumbatov"
    assert pages["person_gumbatov"].full_name_ru == "Эльнур Акиф оглы Гумбатов"
    assert pages["region_ulyanovsk"].time_zone == "Europe/Ulyanovsk"
    assert pages["region_azerbaijan"].time_zone == "Asia/Baku"


def test_cooperation_demo_keeps_what_staff_edited():
    pages = load_demo()
    visit = pages["visit"]
    visit.title_en = "Edited by staff"
    visit.save_revision().publish()
    person = pages["person_kerimov"]
    person.position_en = "Edited position"
    person.save()
    load_demo()
    visit.refresh_from_db()
    person.refresh_from_db()
    assert visit.title_en == "Edited by staff"
    assert person.position_en == "Edited position"


@pytest.mark.parametrize(
    ("language", "activity"),
    [
        ("ru", "Возложение цветов к памятникам Гейдару Алиеву и Нариману Нариманову"),
        ("az", "Heydər Əliyev və Nəriman Nərimanovun abidələri önünə gül qoyulması"),
        (
            "en",
            "Laying flowers at the monuments to Heydar Aliyev and Nariman Narimanov",
        ),
    ],
)
def test_demo_visit_shows_its_programme_and_no_delegation(client, language, activity):
    pages = load_demo()
    with translation.override(language):
        url = pages["visit"].get_url()
    response = client.get(url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content.decode(), "html.parser")
    assert activity in html.select_one("section.programme").get_text(" ")
    body = response.content.decode()
    for member in DelegationMember.objects.all():
        for value in (member.accommodation, member.arrival_details, member.role):
            assert value not in body


def test_demo_events_link_to_the_seed_news(client):
    pages = load_demo()
    social = pages["ulyanovsk-azerbaijan-social-cooperation"]
    hearing_news = pages["azerbaijan-e-services-public-hearings"]
    assert [p.pk for p in pages["visit"].public_related_pages()] == [social.pk]
    assert [p.pk for p in pages["meeting"].public_related_pages()] == [social.pk]
    assert [p.pk for p in pages["hearing"].public_related_pages()] == [hearing_news.pk]


def test_demo_hearing_shows_approved_questions_without_emails(client):
    pages = load_demo()
    with translation.override("en"):
        response = client.get(pages["hearing"].get_url())
    body = response.content.decode()
    assert "#ASANxidmet" in body
    assert len(BeautifulSoup(body, "html.parser").select(".submission")) == 2
    assert "demo@example.org" not in body


def test_demo_partner_page_counts_every_event(client):
    pages = load_demo()
    with translation.override("en"):
        response = client.get(pages["partner_azerbaijan"].get_url())
    html = BeautifulSoup(response.content.decode(), "html.parser")
    assert len(html.select("li.timeline-entry")) == 3
