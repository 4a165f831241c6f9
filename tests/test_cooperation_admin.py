"""Staff record a visit with its programme and delegation in the admin."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
from django.utils import translation

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest
from bs4 import BeautifulSoup

from cooperation.models import DelegationMember, VisitPage

from .factories_cooperation import VisitPageFactory
from .fixtures_cooperation import (
    agency,
    area,
    azerbaijan,
    coop_admin,
    delegation,
    events_index,
    ulyanovsk,
    visit,
)

LANGUAGES = ("ru", "az", "en")


def add_url(parent) -> str:
    return f"/admin/pages/add/cooperation/visitpage/{parent.pk}/"


def programme_item(date: str, start: str, end: str, activity: dict, place: dict):
    item = {"date": date, "start_time": start, "end_time": end}
    for code in LANGUAGES:
        item[f"activity_{code}"] = activity[code]
        item[f"place_{code}"] = place[code]
        item[f"participants_text_{code}"] = ""
    return item


def visit_form(ulyanovsk, azerbaijan, area, **overrides) -> dict:
    """The form the admin posts for the seed's visit, in three languages."""
    items = overrides.pop(
        "programme",
        [
            programme_item(
                "2017-06-30",
                "11:00",
                "12:00",
                {
                    "ru": "Встреча с губернатором",
                    "az": "Qubernatorla görüş",
                    "en": "Meeting with the governor",
                },
                {
                    "ru": "Дом правительства",
                    "az": "Hökumət evi",
                    "en": "Government House",
                },
            ),
            programme_item(
                "2017-07-01",
                "10:00",
                "11:30",
                {
                    "ru": "Возложение цветов к памятникам Гейдару Алиеву и Нариману Нариманову",
                    "az": "Heydər Əliyev və Nəriman Nərimanov abidələri önünə gül qoyulması",
                    "en": "Flowers laid at the Heydar Aliyev and Nariman Narimanov monuments",
                },
                {"ru": "Ульяновск", "az": "Ulyanovsk", "en": "Ulyanovsk"},
            ),
        ],
    )
    data = nested_form_data(
        {
            "title_ru": "Визит делегации Азербайджана в Ульяновск",
            "title_az": "Azərbaycan nümayəndə heyətinin Ulyanovska səfəri",
            "title_en": "Azerbaijani delegation visits Ulyanovsk",
            "slug_ru": "vizit-v-ulyanovsk",
            "slug_az": "ulyanovska-sefer",
            "slug_en": "visit-to-ulyanovsk",
            "direction": "incoming",
            "start_date": "2017-06-30",
            "start_time": "10:00",
            "end_date": "2017-07-01",
            "end_time": "18:00",
            "time_zone": "Europe/Ulyanovsk",
            "status": "completed",
            "location_ru": "Ульяновск",
            "location_az": "Ulyanovsk",
            "location_en": "Ulyanovsk",
            "summary_ru": "Делегация познакомилась с Ульяновском.",
            "summary_az": "Nümayəndə heyəti Ulyanovskla tanış olub.",
            "summary_en": "The delegation got to know Ulyanovsk.",
            "purpose_en": "Exchange of experience",
            "outcome_ru": rich_text("<p>Итоги</p>"),
            "outcome_az": rich_text("<p>Nəticələr</p>"),
            "outcome_en": rich_text("<p>Outcome</p>"),
            "programme_items": inline_formset(items),
            "related_links": inline_formset([]),
            "action-publish": "publish",
        }
    )
    data["host_regions"] = [ulyanovsk.pk]
    data["guest_regions"] = [azerbaijan.pk]
    data["areas"] = [area.pk]
    data.update(overrides)
    return data


def test_visit_editor_offers_every_language_for_the_page_and_the_programme(
    coop_admin, events_index
):
    response = coop_admin.get(add_url(events_index))
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("title", "summary", "purpose", "location", "status_note"):
        for code in LANGUAGES:
            assert f'name="{field}_{code}"' in html, f"{field}_{code}"
    for field in ("activity", "place", "participants_text"):
        for code in LANGUAGES:
            assert f"programme_items-__prefix__-{field}_{code}" in html


def test_staff_record_the_visit_with_its_programme_in_three_languages(
    coop_admin, client, events_index, ulyanovsk, azerbaijan, area
):
    response = coop_admin.post(
        add_url(events_index), visit_form(ulyanovsk, azerbaijan, area)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = VisitPage.objects.get(slug_en="visit-to-ulyanovsk")
    assert page.live
    items = list(page.programme_items.order_by("date"))
    assert [item.activity_az for item in items] == [
        "Qubernatorla görüş",
        "Heydər Əliyev və Nəriman Nərimanov abidələri önünə gül qoyulması",
    ]
    assert list(page.host_regions.all()) == [ulyanovsk]
    for path, text in [
        ("/ru/sobytiya/vizit-v-ulyanovsk/", "Встреча с губернатором"),
        ("/az/tedbirler/ulyanovska-sefer/", "Qubernatorla görüş"),
        ("/en/events/visit-to-ulyanovsk/", "Meeting with the governor"),
    ]:
        public = client.get(path)
        assert public.status_code == 200, path
        programme = BeautifulSoup(public.content.decode(), "html.parser").select_one(
            "section.programme"
        )
        assert text in programme.get_text(" ")


def test_staff_add_delegation_members_and_the_public_never_sees_them(
    coop_admin, client, visit
):
    form_url = f"/admin/delegation_members/new/?visit={visit.pk}"
    page = coop_admin.get(form_url)
    assert page.status_code == 200
    assert f'value="{visit.pk}"' in page.content.decode()
    response = coop_admin.post(
        "/admin/delegation_members/new/",
        {
            "visit": visit.pk,
            "name": "Rashad Demo-Delegate",
            "role": "Head of delegation (demo)",
            "passport_status": "valid",
            "visa_status": "not_required",
            "arrival_at": "2017-06-29 21:40",
            "arrival_details": "Flight J2-123 (demo)",
            "departure_at": "2017-07-02 08:15",
            "departure_details": "",
            "accommodation": "Hotel Demo-Venets, room 305",
            "interpreter_needs": "Azerbaijani – Russian",
            "dietary_needs": "Vegetarian (demo)",
            "notes": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    member = DelegationMember.objects.get(name="Rashad Demo-Delegate")
    assert member.visit_id == visit.pk
    listing = coop_admin.get(f"/admin/delegation_members/?visit={visit.pk}")
    assert "Rashad Demo-Delegate" in listing.content.decode()
    for path in ("/ru/sobytiya/vizit-delegacii/", "/en/events/delegation-visit/"):
        body = client.get(path).content.decode()
        for secret in ("Rashad", "Demo-Venets", "J2-123", "Vegetarian"):
            assert secret not in body


def test_delegation_member_needs_a_name_and_a_departure_after_the_arrival(
    coop_admin, visit
):
    response = coop_admin.post(
        "/admin/delegation_members/new/",
        {
            "visit": visit.pk,
            "name": "",
            "role": "Expert",
            "passport_status": "valid",
            "visa_status": "issued",
            "arrival_at": "2017-07-02 10:00",
            "departure_at": "2017-07-01 10:00",
            "accommodation": "Typed hotel",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"name", "departure_at"}
    assert "Typed hotel" in response.content.decode()
    assert not DelegationMember.objects.exists()


def test_visit_edit_page_links_to_its_delegation(coop_admin, visit):
    response = coop_admin.get(f"/admin/pages/{visit.pk}/edit/")
    assert response.status_code == 200
    assert f"/admin/delegation_members/?visit={visit.pk}" in response.content.decode()


def test_delegation_list_is_filtered_by_visit(coop_admin, visit, delegation):
    other = VisitPageFactory(
        parent=visit.get_parent(), hosts=list(visit.host_regions.all())
    )
    response = coop_admin.get(f"/admin/delegation_members/?visit={other.pk}")
    assert response.status_code == 200
    assert "Secretname" not in response.content.decode()
    response = coop_admin.get(f"/admin/delegation_members/?visit={visit.pk}")
    assert "Secretname" in response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"end_date": "2017-06-30", "end_time": "09:00"},
            "end_time",
            "cannot end before",
        ),
        ({"end_date": "2017-06-29"}, "end_date", "cannot end before"),
        ({"time_zone": "Europe/Ulianovsk"}, "time_zone", "not a real IANA time zone"),
        ({"host_regions": []}, "host_regions", "at least one host"),
    ],
)
def test_admin_refuses_bad_events_with_a_message_on_the_field(
    coop_admin, events_index, ulyanovsk, azerbaijan, area, overrides, field, message
):
    data = visit_form(ulyanovsk, azerbaijan, area, **overrides)
    response = coop_admin.post(add_url(events_index), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors, form.errors
    with translation.override("en"):
        assert message in " ".join(form.errors[field])
    assert message in response.content.decode()
    assert not VisitPage.objects.exists()
    # What the editor typed is still there.
    assert "Azerbaijani delegation visits Ulyanovsk" in response.content.decode()


def test_admin_refuses_a_programme_item_outside_the_visit_dates(
    coop_admin, events_index, ulyanovsk, azerbaijan, area
):
    outside = programme_item(
        "2017-07-05",
        "10:00",
        "11:00",
        {"ru": "Экскурсия", "az": "Ekskursiya", "en": "Excursion"},
        {"ru": "", "az": "", "en": ""},
    )
    data = visit_form(ulyanovsk, azerbaijan, area, programme=[outside])
    response = coop_admin.post(add_url(events_index), data)
    assert response.status_code == 200
    item_form = response.context["form"].formsets["programme_items"].forms[0]
    assert "date" in item_form.errors
    with translation.override("en"):
        assert "outside the visit" in " ".join(item_form.errors["date"])
    assert "outside the visit" in response.content.decode()
    assert not VisitPage.objects.exists()


def test_admin_messages_follow_the_staff_language(
    coop_admin, events_index, ulyanovsk, azerbaijan, area
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(coop_admin.user)
    profile.preferred_language = "ru"
    profile.save()
    data = visit_form(ulyanovsk, azerbaijan, area, time_zone="Mars/Olympus")
    response = coop_admin.post(add_url(events_index), data)
    assert "time_zone" in response.context["form"].errors
    assert (
        "«Mars/Olympus» — не настоящий часовой пояс IANA" in response.content.decode()
    )
