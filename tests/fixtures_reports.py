"""Fixtures of the dashboard and report tests, imported by name into each module.

Everything dated hangs off TODAY, a Monday; tests that open the admin freeze the
clock there.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from cooperation.models import HearingSubmission

from .factories_cooperation import (
    AzerbaijanFactory,
    GovernmentOrganisationFactory,
    HearingPageFactory,
    MeetingPageFactory,
    RegionFactory,
    VisitPageFactory,
)
from .factories_memoranda import (
    MemorandumCommitmentFactory,
    MemorandumIndexPageFactory,
    MemorandumPageFactory,
    MemorandumPartyFactory,
)
from .factories_training import (
    RegistrationFactory,
    TrainerFactory,
    TrainingIndexPageFactory,
    TrainingProgrammePageFactory,
    TrainingSessionPageFactory,
)
from .fixtures_cooperation import events_index  # noqa: F401 (the week's meetings)

TODAY = datetime.date(2025, 3, 10)
NOW = "2025-03-10 09:00"


def day(offset: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=offset)


def aware(moment: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(moment, datetime.time(hour)))


def login(client, user, language: str = "en"):
    """Log a user in with the admin in a language (English unless told)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    client.user = user
    return client


def dashboard_soup(client) -> BeautifulSoup:
    """The admin dashboard as the client's user sees it at NOW."""
    with freeze_time(NOW):
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def staff_user(username: str, *permissions: str, pages=()):
    """A user who may open the admin, with model permissions and page trees."""
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "pw-12345678"
    )
    group = Group.objects.create(name=f"group of {username}")
    codenames = ["wagtailadmin.access_admin", *permissions]
    for name in codenames:
        app_label, codename = name.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    for page in pages:
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=group,
                page=page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    user.groups.add(group)
    return user


@pytest.fixture
def boss(db):
    """A superuser: sees every panel and every report."""
    return get_user_model().objects.create_superuser(
        "boss", "boss@example.org", "pw-12345678"
    )


@pytest.fixture
def partner(db):
    return AzerbaijanFactory()


@pytest.fixture
def home_region(db):
    return RegionFactory()


@pytest.fixture
def week(home_page, events_index, partner, home_region):
    """A week's work: a meeting, a late commitment, sessions, a public question."""
    meeting = MeetingPageFactory(
        parent=events_index,
        title="Встреча на этой неделе",
        title_ru="Встреча на этой неделе",
        title_en="Meeting this week",
        start_date=day(2),
        end_date=day(2),
        hosts=[home_region],
        guests=[partner],
    )
    meeting.save_revision().publish()
    visit = VisitPageFactory(
        parent=events_index,
        title="Визит в следующем месяце",
        title_ru="Визит в следующем месяце",
        title_en="Visit next month",
        start_date=datetime.date(2025, 4, 15),
        end_date=datetime.date(2025, 4, 16),
        hosts=[home_region],
        guests=[partner],
    )
    visit.save_revision().publish()
    hearing = HearingPageFactory(
        parent=events_index,
        title_en="Hearing in May",
        start_date=datetime.date(2025, 5, 20),
        end_date=datetime.date(2025, 5, 20),
        hosts=[partner],
    )
    hearing.save_revision().publish()
    question = HearingSubmission.objects.create(
        hearing=hearing,
        name="Гражданин",
        email="citizen@example.org",
        text="Когда откроется центр?",
        consent=True,
        language="ru",
    )

    memoranda_index = MemorandumIndexPageFactory(parent=home_page)
    memorandum = MemorandumPageFactory(
        parent=memoranda_index,
        title="Меморандум о сотрудничестве",
        title_ru="Меморандум о сотрудничестве",
        title_en="Memorandum of cooperation",
    )
    MemorandumPartyFactory(
        memorandum=memorandum,
        organisation=GovernmentOrganisationFactory(region=partner),
    )
    MemorandumCommitmentFactory(
        memorandum=memorandum,
        text_ru="Провести вебинар",
        text_en="Hold a webinar",
        due_on=day(3),
    )
    memorandum.save_revision().publish()

    trainer = TrainerFactory(slug="week-trainer")
    programme = TrainingProgrammePageFactory(
        parent=TrainingIndexPageFactory(parent=home_page)
    )
    started = TrainingSessionPageFactory(
        parent=programme,
        title="Занятие вчера",
        title_ru="Занятие вчера",
        title_en="Yesterday's session",
        capacity=10,
        slots=[(day(-1), datetime.time(10), datetime.time(12))],
        trainers=[trainer],
    )
    for _n in range(3):
        RegistrationFactory(session=started)
    full = TrainingSessionPageFactory(
        parent=programme,
        title="Почти полное занятие",
        title_ru="Почти полное занятие",
        title_en="Nearly full session",
        capacity=2,
        slots=[(day(20), datetime.time(10), datetime.time(12))],
    )
    RegistrationFactory(session=full)
    RegistrationFactory(session=full)
    RegistrationFactory(session=full, status="waitlisted")
    return {
        "meeting": meeting,
        "visit": visit,
        "hearing": hearing,
        "question": question,
        "memorandum": memorandum,
        "trainer": trainer,
        "started": started,
        "full": full,
        "events_index": events_index,
    }


@pytest.fixture
def trainer_user(week):
    """The trainer's own login: admin access and nothing else."""
    user = staff_user("trainer")
    week["trainer"].user = user
    week["trainer"].save()
    return user


@pytest.fixture
def events_editor(week):
    """An editor of the events section only, without model permissions."""
    return staff_user("events-editor", pages=[week["events_index"]])
