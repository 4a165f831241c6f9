"""Fixtures of the cooperation tests, imported by name into each test module."""

import datetime

from django.contrib.auth import get_user_model

from wagtail.users.models import UserProfile

import pytest

from .factories_cooperation import (
    AzerbaijanFactory,
    CooperationAreaFactory,
    DelegationMemberFactory,
    EventIndexPageFactory,
    HearingPageFactory,
    MeetingPageFactory,
    OrganisationFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    PersonFactory,
    RegionFactory,
    VisitPageFactory,
    VisitProgrammeItemFactory,
)


@pytest.fixture
def ulyanovsk(db):
    return RegionFactory()


@pytest.fixture
def azerbaijan(db):
    return AzerbaijanFactory()


@pytest.fixture
def agency(azerbaijan):
    return OrganisationFactory(
        slug="asan",
        region=azerbaijan,
        short_name="Госагентство АСАН",
        short_name_ru="Госагентство АСАН",
        short_name_az="ASAN Dövlət Agentliyi",
        short_name_en="ASAN State Agency",
    )


@pytest.fixture
def area(db):
    return CooperationAreaFactory(
        slug="e-services",
        name="Электронные услуги",
        name_ru="Электронные услуги",
        name_az="Elektron xidmətlər",
        name_en="E-services",
    )


@pytest.fixture
def events_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def partners_index(home_page):
    return PartnerIndexPageFactory(parent=home_page)


@pytest.fixture
def visit(events_index, ulyanovsk, azerbaijan, agency, area):
    """The delegation's visit to Ulyanovsk, with a programme and a delegation."""
    page = VisitPageFactory(
        parent=events_index,
        title="Визит делегации Азербайджана",
        title_ru="Визит делегации Азербайджана",
        title_az="Azərbaycan nümayəndə heyətinin səfəri",
        title_en="Visit of the Azerbaijani delegation",
        slug="vizit-delegacii",
        slug_ru="vizit-delegacii",
        slug_az="numayende-heyetinin-seferi",
        slug_en="delegation-visit",
        hosts=[ulyanovsk],
        guests=[azerbaijan],
    )
    page.guest_organisations = [agency]
    page.areas = [area]
    page.save()
    VisitProgrammeItemFactory(visit=page)
    VisitProgrammeItemFactory(
        visit=page,
        date=datetime.date(2017, 7, 1),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 0),
        activity="Посещение школы № 78",
        activity_ru="Посещение школы № 78",
        activity_az="78 nömrəli məktəbə baş çəkmə",
        activity_en="Visit to school No. 78",
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def delegation(visit):
    """Two delegation members with personal details no public output may show."""
    head = PersonFactory(
        full_name="Эльнур Гумбатов",
        full_name_ru="Эльнур Гумбатов",
        full_name_az="Elnur Qumbatov",
        full_name_en="Elnur Gumbatov",
    )
    return [
        DelegationMemberFactory(visit=visit, person=head, name="", role="Глава"),
        DelegationMemberFactory(visit=visit),
    ]


@pytest.fixture
def meeting(events_index, ulyanovsk, azerbaijan):
    page = MeetingPageFactory(
        parent=events_index, hosts=[ulyanovsk], guests=[azerbaijan]
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def hearing(events_index, azerbaijan):
    page = HearingPageFactory(
        parent=events_index,
        hosts=[azerbaijan],
        start_date=datetime.date(2030, 5, 10),
        end_date=datetime.date(2030, 5, 10),
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def partner_page(partners_index, azerbaijan):
    return PartnerPageFactory(parent=partners_index, region=azerbaijan)


@pytest.fixture
def coop_admin(client, db):
    """A client logged in as a superuser who reads the admin in English."""
    user = get_user_model().objects.create_superuser(
        "coop-staff", "coop-staff@example.org", "pw"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    client.user = user
    return client
