"""Fixtures of the memoranda tests; test modules import them by name."""

import datetime

from django.contrib.auth import get_user_model

import pytest

from memoranda import services

from .factories_cooperation import (
    CooperationAreaFactory,
    DirectorFactory,
    GovernmentOrganisationFactory,
    NumberedRegionFactory,
)
from .factories_memoranda import (
    MemorandumIndexPageFactory,
    MemorandumPageFactory,
    MemorandumPartyFactory,
    MemorandumSignatoryFactory,
)

TODAY = datetime.date(2025, 3, 10)


@pytest.fixture
def staff(db):
    """A superuser who edits memoranda and receives their reminders."""
    return get_user_model().objects.create_superuser(
        username="staff", email="staff@example.org", password="pw-staff-123"
    )


@pytest.fixture
def memoranda_index(home_page):
    return MemorandumIndexPageFactory(parent=home_page)


@pytest.fixture
def partners(db):
    """Two regions, an organisation in each and a person for each."""
    ulyanovsk = NumberedRegionFactory(
        slug="ulyanovsk-oblast",
        name="Ульяновская область",
        name_ru="Ульяновская область",
        name_az="Ulyanovsk vilayəti",
        name_en="Ulyanovsk Oblast",
    )
    azerbaijan = NumberedRegionFactory(
        slug="azerbaijan",
        country_code="AZ",
        name="Азербайджан",
        name_ru="Азербайджан",
        name_az="Azərbaycan",
        name_en="Azerbaijan",
        time_zone="Asia/Baku",
    )
    government = GovernmentOrganisationFactory(
        slug="government-ulyanovsk-oblast",
        region=ulyanovsk,
        short_name="Правительство Ульяновской области",
        short_name_ru="Правительство Ульяновской области",
        short_name_az="Ulyanovsk vilayəti Hökuməti",
        short_name_en="Government of Ulyanovsk Oblast",
    )
    agency = GovernmentOrganisationFactory(
        slug="asan-agency",
        region=azerbaijan,
        kind="agency",
        short_name="Агентство АСАН",
        short_name_ru="Агентство АСАН",
        short_name_az="ASAN Agentliyi",
        short_name_en="ASAN Agency",
    )
    return {
        "ulyanovsk": ulyanovsk,
        "azerbaijan": azerbaijan,
        "government": government,
        "agency": agency,
        "governor": DirectorFactory(
            full_name="Сергей Морозов",
            full_name_ru="Сергей Морозов",
            full_name_az="Sergey Morozov",
            full_name_en="Sergey Morozov",
            organisation=government,
            position_ru="губернатор",
            position_az="qubernator",
            position_en="governor",
        ),
        "director": DirectorFactory(
            organisation=agency,
            position_ru="начальник отдела",
            position_az="şöbə müdiri",
            position_en="head of department",
        ),
        "area": CooperationAreaFactory(
            slug="it", name="ИТ", name_ru="ИТ", name_az="İT", name_en="IT"
        ),
    }


def add_parties(memorandum, partners, *, signatories: bool = True) -> None:
    """Give a memorandum both partners as parties and, optionally, signatories."""
    MemorandumPartyFactory(memorandum=memorandum, organisation=partners["government"])
    MemorandumPartyFactory(memorandum=memorandum, organisation=partners["agency"])
    if signatories:
        MemorandumSignatoryFactory(
            memorandum=memorandum,
            organisation=partners["government"],
            person=partners["governor"],
        )
        MemorandumSignatoryFactory(
            memorandum=memorandum,
            organisation=partners["agency"],
            person=partners["director"],
        )


def walk(memorandum, *statuses: str, user=None, today=TODAY, on=None) -> None:
    """Move a memorandum through statuses with the service."""
    for status in statuses:
        services.transition_memorandum(
            memorandum=memorandum,
            to_status=status,
            user=user,
            comment="reason" if status in services.NEEDS_REASON else "",
            on=on,
            today=today,
        )


@pytest.fixture
def memorandum(memoranda_index, partners):
    """A published memorandum with two parties and signatories, status idea."""
    page = MemorandumPageFactory(parent=memoranda_index)
    add_parties(page, partners)
    page.areas.add(partners["area"])
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def in_force(memoranda_index, partners):
    """A published memorandum in force since 2018 for 3 years, renewing yearly."""
    page = MemorandumPageFactory(
        parent=memoranda_index,
        title="Соглашение об обмене",
        title_ru="Соглашение об обмене",
        title_en="Exchange agreement",
        title_az="Mübadilə sazişi",
        registration_number="AG-2018/01",
        kind="agreement",
        signed_on=datetime.date(2018, 6, 1),
        term_years=3,
        renews_for_years=1,
        notice_months=6,
        place_of_signing_ru="Ульяновск",
        place_of_signing_az="Ulyanovsk",
        place_of_signing_en="Ulyanovsk",
    )
    add_parties(page, partners)
    page.areas.add(partners["area"])
    page.save_revision().publish()
    walk(
        page,
        "drafting",
        "negotiation",
        "approved_for_signing",
        "signed",
        "in_force",
        today=TODAY,
    )
    page.refresh_from_db()
    return page


@pytest.fixture
def draft(memoranda_index, partners):
    """A confidential draft, never published, with internal notes."""
    page = MemorandumPageFactory(
        parent=memoranda_index,
        live=False,
        title="Секретный проект",
        title_ru="Секретный проект",
        title_az="Gizli layihə",
        title_en="Secret draft",
        registration_number="DRAFT-SECRET-1",
        internal_notes="DRAFT-INTERNAL-NOTE",
        public_summary_ru="<p>Проектное описание DRAFTWORD.</p>",
        public_summary_en="<p>Draft summary DRAFTWORD.</p>",
        public_summary_az="<p>Layihə DRAFTWORD.</p>",
    )
    add_parties(page, partners, signatories=False)
    page.save_revision()
    return page
