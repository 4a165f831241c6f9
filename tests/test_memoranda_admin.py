"""Staff work with memoranda in the Wagtail admin, as a new user would."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import datetime

from django.urls import reverse

from wagtail.test.utils.form_data import rich_text

import pytest
from bs4 import BeautifulSoup

from memoranda.models import MemorandumIndexPage, MemorandumPage, MemorandumTransition

from .factories_memoranda import MemorandumPageFactory
from .fixtures_memoranda import (
    in_force,
    memoranda_index,
    memorandum,
    partners,
    staff,
)

D = datetime.date


def form_values(response) -> dict:
    """Return what the browser would send for the editor form as it stands."""
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", id="page-edit-form")
    values: dict = {}
    for element in form.find_all(["input", "select", "textarea"]):
        name = element.get("name")
        if not name or "__prefix__" in name:
            continue
        if element.name == "select":
            chosen = [o.get("value") for o in element.find_all("option", selected=True)]
            if element.has_attr("multiple"):
                values[name] = chosen
            else:
                values[name] = chosen[0] if chosen else ""
        elif element.name == "textarea":
            values[name] = element.text.strip()
        elif element.get("type") in ("checkbox", "radio"):
            if element.has_attr("checked"):
                values.setdefault(name, []).append(element.get("value", "on"))
        else:
            values[name] = element.get("value", "")
    return values


def inline(prefix: str, rows: list[dict], initial: int = 0) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data[f"{prefix}-{index}-ORDER"] = str(index + 1)
        data[f"{prefix}-{index}-DELETE"] = ""
        data.setdefault(f"{prefix}-{index}-id", "")
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


def errors_in(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        node.get_text(" ", strip=True)
        for node in soup.select(".error-message, .help-critical, .w-field__errors")
    ]


@pytest.fixture
def admin_client(client, staff):
    """A signed-in editor who reads the admin in English, as the assertions do."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(staff)
    return client


def add_url(index) -> str:
    return reverse(
        "wagtailadmin_pages:add", args=["memoranda", "memorandumpage", index.pk]
    )


def new_memorandum_data(admin_client, index, partners, **extra) -> dict:
    data = form_values(admin_client.get(add_url(index)))
    data.update(
        {
            "title_ru": "Меморандум о сотрудничестве",
            "title_az": "Əməkdaşlıq haqqında memorandum",
            "title_en": "Memorandum of cooperation",
            "slug_ru": "memorandum-o-sotrudnichestve",
            "slug_az": "emekdasliq-memorandumu",
            "slug_en": "memorandum-of-cooperation",
            "registration_number": "MS-2017/04",
            "kind": "mou",
            "public_summary_ru": rich_text("<p>О сотрудничестве.</p>"),
            "public_summary_az": rich_text("<p>Əməkdaşlıq haqqında.</p>"),
            "public_summary_en": rich_text("<p>On cooperation.</p>"),
            "place_of_signing_ru": "Ульяновск",
            "place_of_signing_az": "Ulyanovsk",
            "place_of_signing_en": "Ulyanovsk",
            "internal_notes": "Только для сотрудников.",
            "areas": [str(partners["area"].pk)],
            "authentic_languages": ["ru", "az"],
            **inline(
                "parties",
                [
                    {
                        "organisation": str(partners["government"].pk),
                        "role_ru": "Российская сторона",
                        "role_az": "Rusiya tərəfi",
                        "role_en": "Russian side",
                    },
                    {
                        "organisation": str(partners["agency"].pk),
                        "role_ru": "Азербайджанская сторона",
                        "role_az": "Azərbaycan tərəfi",
                        "role_en": "Azerbaijani side",
                    },
                ],
            ),
            **inline(
                "signatories",
                [
                    {
                        "organisation": str(partners["government"].pk),
                        "person": str(partners["governor"].pk),
                    },
                    {
                        "organisation": str(partners["agency"].pk),
                        "person": str(partners["director"].pk),
                        "position_ru": "руководитель",
                        "position_az": "rəhbər",
                        "position_en": "head",
                    },
                ],
            ),
            **inline(
                "commitments",
                [
                    {
                        "text_ru": "Добавить частные услуги в МФЦ",
                        "text_az": "ÇXM-lərə özəl xidmətlər əlavə etmək",
                        "text_en": "Add private services to MFC offices",
                        "responsible": str(partners["government"].pk),
                        "due_on": "2018-12-31",
                        "status": "planned",
                        "evidence-count": "0",
                    }
                ],
            ),
            "status": "in_force",
        }
    )
    data.update(extra)
    return data


def test_memoranda_live_under_their_register_only(home_page, memoranda_index):
    from wagtail.test.utils import WagtailPageTestCase

    case = WagtailPageTestCase()
    assert MemorandumIndexPage.parent_page_types == ["home.HomePage"]
    case.assertCanCreateAt(MemorandumIndexPage, MemorandumPage)
    case.assertCanNotCreateAt(type(home_page), MemorandumPage)
    case.assertCanNotCreateAt(MemorandumPage, MemorandumPage)


def test_staff_can_add_the_register_below_the_home_page(home_page):
    from wagtail.test.utils import WagtailPageTestCase

    if MemorandumIndexPage not in type(home_page).allowed_subpage_models():
        pytest.skip(
            "HomePage.subpage_types gets memoranda.MemorandumIndexPage at integration"
        )
    WagtailPageTestCase().assertCanCreateAt(type(home_page), MemorandumIndexPage)


def test_staff_create_a_memorandum_in_three_languages_with_parties_and_signatories(
    admin_client, memoranda_index, partners
):
    response = admin_client.post(
        add_url(memoranda_index),
        new_memorandum_data(admin_client, memoranda_index, partners),
    )
    assert response.status_code == 302, errors_in(response)
    page = MemorandumPage.objects.get(registration_number="MS-2017/04")
    assert (page.title_ru, page.title_az, page.title_en) == (
        "Меморандум о сотрудничестве",
        "Əməkdaşlıq haqqında memorandum",
        "Memorandum of cooperation",
    )
    # A typed "status" is ignored: the status only changes through the service.
    assert page.status == "idea"
    assert [p.organisation for p in page.parties.all()] == [
        partners["government"],
        partners["agency"],
    ]
    first, second = page.signatories.all()
    # Left empty, the position is filled from the person, in every language.
    assert (first.position_ru, first.position_az, first.position_en) == (
        "губернатор",
        "qubernator",
        "governor",
    )
    assert (second.position_ru, second.position_en) == ("руководитель", "head")
    assert page.commitments.get().text_az == "ÇXM-lərə özəl xidmətlər əlavə etmək"
    assert page.authentic_languages == ["ru", "az"]


def test_registration_number_must_be_unique(admin_client, memorandum, partners):
    index = memorandum.get_parent().specific
    data = new_memorandum_data(
        admin_client,
        index,
        partners,
        registration_number=memorandum.registration_number,
    )
    response = admin_client.post(add_url(index), data)
    assert response.status_code == 200
    assert any(
        "Another memorandum already has this registration number" in text
        for text in errors_in(response)
    )
    # What the user typed is still there.
    assert form_values(response)["title_en"] == "Memorandum of cooperation"
    assert MemorandumPage.objects.count() == 1


def test_a_signatory_must_sign_for_one_of_the_parties(
    admin_client, memoranda_index, partners
):
    from .factories_cooperation import GovernmentOrganisationFactory

    stranger = GovernmentOrganisationFactory()
    data = new_memorandum_data(admin_client, memoranda_index, partners)
    data["signatories-0-organisation"] = str(stranger.pk)
    response = admin_client.post(add_url(memoranda_index), data)
    assert response.status_code == 200
    assert any("Choose one of the parties" in text for text in errors_in(response))
    assert not MemorandumPage.objects.exists()


def test_bad_dates_are_refused_on_the_field(admin_client, memoranda_index, partners):
    data = new_memorandum_data(
        admin_client,
        memoranda_index,
        partners,
        signed_on="2018-06-01",
        in_force_from="2018-05-01",
        renews_for_years="1",
    )
    response = admin_client.post(add_url(memoranda_index), data)
    assert response.status_code == 200
    texts = " ".join(errors_in(response))
    assert "cannot enter into force before the day it is signed" in texts
    assert "renew from" in texts
    assert not MemorandumPage.objects.exists()


def test_a_memorandum_cannot_amend_itself(admin_client, memorandum):
    url = reverse("wagtailadmin_pages:edit", args=[memorandum.pk])
    data = form_values(admin_client.get(url))
    data["amends"] = str(memorandum.pk)
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert any("cannot amend itself" in text for text in errors_in(response))


def test_edit_view_shows_status_history_and_change_status_links(admin_client, in_force):
    url = reverse("wagtailadmin_pages:edit", args=[in_force.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    transition_url = reverse("memoranda_transition", args=[in_force.pk])
    assert soup.find("a", href=transition_url)
    panel = soup.select_one(".memoranda-lifecycle")
    text = panel.get_text(" ", strip=True)
    assert "approved for signing" in text or "одобрен" in text
    assert "status" not in form_values(response)


def test_editing_does_not_change_the_status(admin_client, in_force):
    url = reverse("wagtailadmin_pages:edit", args=[in_force.pk])
    data = form_values(admin_client.get(url))
    data["status"] = "idea"
    data["action-publish"] = "action-publish"
    response = admin_client.post(url, data)
    assert response.status_code == 302, errors_in(response)
    assert MemorandumPage.objects.get(pk=in_force.pk).status == "in_force"


def test_staff_take_a_memorandum_from_idea_to_in_force_in_the_admin(
    admin_client, staff, memorandum
):
    url = reverse("memoranda_transition", args=[memorandum.pk])
    today = datetime.date.today()
    steps = [
        ("drafting", "", "Начали текст"),
        ("negotiation", "", ""),
        ("approved_for_signing", "", "Одобрено"),
        ("signed", today.isoformat(), ""),
        ("in_force", today.isoformat(), "Вступил в силу"),
    ]
    for to_status, on, comment in steps:
        page = admin_client.get(url)
        options = [
            node["value"]
            for node in BeautifulSoup(page.content, "html.parser").select(
                "input[name=to_status]"
            )
        ]
        assert to_status in options
        response = admin_client.post(
            url, {"to_status": to_status, "on": on, "comment": comment}
        )
        assert response.status_code == 302, errors_in(response)
    stored = MemorandumPage.objects.get(pk=memorandum.pk)
    assert stored.status == "in_force"
    assert stored.signed_on == today
    assert stored.transitions.count() == 5
    assert set(stored.transitions.values_list("user", flat=True)) == {staff.pk}
    history = admin_client.get(url)
    assert "Вступил в силу" in history.content.decode()


def test_a_refused_transition_shows_why_and_changes_nothing(admin_client, memorandum):
    url = reverse("memoranda_transition", args=[memorandum.pk])
    for status in ("drafting", "negotiation", "approved_for_signing"):
        admin_client.post(url, {"to_status": status})
    # No signing date on the memorandum and none given.
    response = admin_client.post(url, {"to_status": "signed", "comment": "keep me"})
    assert response.status_code == 200
    assert any("signing date" in text for text in errors_in(response))
    assert "keep me" in response.content.decode()
    assert MemorandumPage.objects.get(pk=memorandum.pk).status == "approved_for_signing"
    assert MemorandumTransition.objects.filter(to_status="signed").count() == 0


def test_a_status_not_offered_cannot_be_posted(admin_client, memorandum):
    url = reverse("memoranda_transition", args=[memorandum.pk])
    response = admin_client.post(url, {"to_status": "in_force"})
    assert response.status_code == 200
    assert MemorandumPage.objects.get(pk=memorandum.pk).status == "idea"


def test_users_who_cannot_edit_the_page_cannot_change_its_status(
    client, memorandum, django_user_model
):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(
        username="reader", password="x-1234567"
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    url = reverse("memoranda_transition", args=[memorandum.pk])
    assert client.post(url, {"to_status": "drafting"}).status_code in (302, 403)
    assert MemorandumPage.objects.get(pk=memorandum.pk).status == "idea"


def test_action_menu_and_listing_offer_change_status(admin_client, memorandum):
    transition_url = reverse("memoranda_transition", args=[memorandum.pk])
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[memorandum.pk]))
    assert transition_url in edit.content.decode()
    listing = admin_client.get(
        reverse("wagtailadmin_explore", args=[memorandum.get_parent().pk])
    )
    assert transition_url in listing.content.decode()


def test_copying_a_memorandum_asks_for_a_new_number_and_starts_at_idea(in_force):
    copy = in_force.copy(
        update_attrs={
            "slug": "copy",
            "slug_ru": "copy",
            "slug_az": "copy-az",
            "slug_en": "copy-en",
        }
    )
    assert copy.registration_number is None
    assert copy.status == "idea"
    assert copy.uid != in_force.uid
