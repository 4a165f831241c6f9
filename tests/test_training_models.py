# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import datetime

from django.utils import translation

import icalendar
import pytest

from cooperation.calendar import build_calendar
from training.models import (
    TrainingIndexPage,
    TrainingProgrammePage,
    TrainingSessionPage,
)
from training.schedule import zone_city

from . import factories_training
from .fixtures_training import (
    programme,
    session,
    trainer,
    training_index,
    two_day_session,
    venue,
)

pytestmark = pytest.mark.django_db


def test_page_types_nest_index_programme_session():
    # HomePage lists the index among its subpage types at integration.
    assert TrainingIndexPage.parent_page_types == ["home.HomePage"]
    assert TrainingIndexPage.allowed_subpage_models() == [TrainingProgrammePage]
    assert TrainingProgrammePage.allowed_subpage_models() == [TrainingSessionPage]
    assert TrainingSessionPage.allowed_subpage_models() == []
    assert TrainingSessionPage.allowed_parent_page_models() == [TrainingProgrammePage]


@pytest.mark.parametrize(
    "name",
    [
        "TrainerFactory",
        "TrainingProgrammePageFactory",
        "TrainingSessionPageFactory",
        "RegistrationFactory",
    ],
)
def test_every_training_factory_builds(name, programme, session):
    factory_class = getattr(factories_training, name)
    kwargs = {
        "TrainingProgrammePageFactory": {"parent": programme.get_parent()},
        "TrainingSessionPageFactory": {"parent": programme},
        "RegistrationFactory": {"session": session},
    }.get(name, {})
    assert factory_class(**kwargs).pk


def test_index_slugs_are_translated(training_index):
    for code, slug in (("ru", "obuchenie"), ("az", "telim"), ("en", "training")):
        with translation.override(code):
            assert training_index.get_url() == f"/{code}/{slug}/"


def test_two_day_session_is_one_event_repeating_on_the_second_day(two_day_session):
    two_day_session.online_link = "https://meet.example.org/secret-room"
    with translation.override("az"):
        event = two_day_session.calendar_event()
        assert event.summary == two_day_session.title_az
        calendar = build_calendar([event], name="t", language="az", method="REQUEST")
    parsed = icalendar.Calendar.from_ical(calendar.to_ical())
    (vevent,) = parsed.walk("VEVENT")
    first, second = two_day_session.slot_list()
    assert vevent["DTSTART"].dt == first.start
    assert vevent["DTSTART"].params["TZID"] == "Asia/Baku"
    assert vevent["DTEND"].dt == first.end
    assert [d.dt for d in vevent["RDATE"].dts] == [second.start]
    assert vevent["UID"] == f"{two_day_session.uid}@coop.ulyanovsk-az"
    assert "secret-room" not in calendar.to_ical().decode()
    assert parsed["METHOD"] == "REQUEST"


def test_cancelled_session_is_cancelled_in_calendars(session):
    session.status = TrainingSessionPage.Status.CANCELLED
    assert session.calendar_event().status == "CANCELLED"
    session.status = TrainingSessionPage.Status.POSTPONED
    assert session.calendar_event().status == "TENTATIVE"


def test_baku_times_are_also_shown_in_ulyanovsk_time(session):
    (row,) = session.display_slots()
    assert row["city"] == zone_city("Asia/Baku")
    assert row["other"]["start"].strftime("%H:%M") == "10:00"
    assert row["other"]["city"] == zone_city("Europe/Ulyanovsk")


def test_slot_end_before_start_is_not_counted(session):
    assert session.starts_at.tzinfo is not None
    assert session.ends_at - session.starts_at == datetime.timedelta(hours=2)
