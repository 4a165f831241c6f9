"""The date, time-zone, host and programme rules of cooperation events."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import datetime

from django.core.exceptions import ValidationError
from django.utils import translation

import icalendar
import pytest

from cooperation import services
from cooperation.calendar import build_calendar
from cooperation.models import VisitPage

from .fixtures_cooperation import (
    agency,
    area,
    azerbaijan,
    events_index,
    meeting,
    ulyanovsk,
    visit,
)

UTC = datetime.UTC


def times(**values):
    defaults = {
        "start_date": datetime.date(2017, 6, 30),
        "start_time": datetime.time(10, 0),
        "end_date": datetime.date(2017, 6, 30),
        "end_time": datetime.time(12, 0),
        "time_zone": "Europe/Ulyanovsk",
    }
    defaults.update(values)
    return defaults


def fields_of(error: services.CooperationError) -> set[str]:
    return set(error.error_dict)


def test_ulyanovsk_was_utc_plus_three_before_27_march_2016():
    moment = services.utc_instant(
        datetime.date(2016, 3, 20), datetime.time(10, 0), "Europe/Ulyanovsk"
    )
    assert moment == datetime.datetime(2016, 3, 20, 7, 0, tzinfo=UTC)


def test_ulyanovsk_is_utc_plus_four_after_27_march_2016():
    moment = services.utc_instant(
        datetime.date(2016, 4, 20), datetime.time(10, 0), "Europe/Ulyanovsk"
    )
    assert moment == datetime.datetime(2016, 4, 20, 6, 0, tzinfo=UTC)


def test_event_that_crosses_midnight_is_valid_and_lasts_until_next_morning():
    values = times(
        start_time=datetime.time(22, 0),
        end_date=datetime.date(2017, 7, 1),
        end_time=datetime.time(2, 0),
    )
    services.validate_event_times(**values)
    start, end = services.event_bounds(**values)
    assert end - start == datetime.timedelta(hours=4)
    assert end.astimezone(UTC) == datetime.datetime(2017, 6, 30, 22, 0, tzinfo=UTC)


def test_all_day_event_ends_at_the_midnight_after_its_last_day():
    start, end = services.event_bounds(
        **times(start_time=None, end_time=None, end_date=datetime.date(2017, 7, 1))
    )
    assert (end - start) == datetime.timedelta(days=2)


def test_end_time_before_start_time_on_the_same_day_is_refused_on_end_time():
    with pytest.raises(services.CooperationError) as caught:
        services.validate_event_times(**times(end_time=datetime.time(9, 0)))
    assert fields_of(caught.value) == {"end_time"}
    with translation.override("en"):
        assert "past midnight" in str(caught.value.error_dict["end_time"][0].message)


def test_end_date_before_start_date_is_refused_on_end_date():
    with pytest.raises(services.CooperationError) as caught:
        services.validate_event_times(**times(end_date=datetime.date(2017, 6, 29)))
    assert fields_of(caught.value) == {"end_date"}


def test_an_event_may_not_end_the_moment_it_starts():
    with pytest.raises(services.CooperationError):
        services.validate_event_times(**times(end_time=datetime.time(10, 0)))


@pytest.mark.parametrize("name", ["Europe/Ulianovsk", "UTC+4", "Baku", ""])
def test_a_time_zone_that_is_not_a_real_iana_zone_is_refused(name):
    with pytest.raises(services.CooperationError) as caught:
        services.validate_event_times(**times(time_zone=name))
    assert fields_of(caught.value) == {"time_zone"}
    error = caught.value.error_dict["time_zone"][0]
    assert error.code == "invalid_time_zone"
    assert name in error.message % error.params


def test_start_time_without_end_time_is_refused():
    with pytest.raises(services.CooperationError) as caught:
        services.validate_event_times(**times(end_time=None))
    assert fields_of(caught.value) == {"end_time"}


def test_an_event_with_no_host_is_refused(ulyanovsk, agency):
    with pytest.raises(services.CooperationError) as caught:
        services.validate_hosts(host_regions=[], host_organisations=[])
    assert fields_of(caught.value) == {"host_regions"}
    services.validate_hosts(host_regions=[ulyanovsk], host_organisations=[])
    services.validate_hosts(host_regions=[], host_organisations=[agency])


def test_programme_item_outside_the_visit_dates_is_refused_on_its_date():
    visit_dates = {
        "visit_start": datetime.date(2017, 6, 30),
        "visit_end": datetime.date(2017, 7, 1),
    }
    services.validate_programme_item(
        day=datetime.date(2017, 7, 1), start_time=None, end_time=None, **visit_dates
    )
    with pytest.raises(services.CooperationError) as caught:
        services.validate_programme_item(
            day=datetime.date(2017, 7, 2), start_time=None, end_time=None, **visit_dates
        )
    assert fields_of(caught.value) == {"date"}


def test_programme_item_ending_before_it_starts_is_refused():
    with pytest.raises(services.CooperationError) as caught:
        services.validate_programme_item(
            day=datetime.date(2017, 6, 30),
            start_time=datetime.time(12, 0),
            end_time=datetime.time(11, 0),
            visit_start=datetime.date(2017, 6, 30),
            visit_end=datetime.date(2017, 6, 30),
        )
    assert fields_of(caught.value) == {"end_time"}


def test_rule_messages_are_translated_lazily():
    with pytest.raises(services.CooperationError) as caught:
        services.validate_hosts(host_regions=[], host_organisations=[])
    message = caught.value.error_dict["host_regions"][0].message
    assert type(message).__name__ == "__proxy__"


def test_saving_an_event_with_end_before_start_saves_nothing(events_index, ulyanovsk):
    page = VisitPage(
        title="Ошибка",
        title_ru="Ошибка",
        slug="oshibka",
        direction="incoming",
        start_date=datetime.date(2017, 7, 1),
        end_date=datetime.date(2017, 6, 30),
        time_zone="Europe/Ulyanovsk",
    )
    with pytest.raises(ValidationError) as caught:
        events_index.add_child(instance=page)
    assert set(caught.value.error_dict) == {"end_date"}
    assert not VisitPage.objects.filter(slug="oshibka").exists()


def test_event_stores_its_utc_instants_from_wall_time_in_its_own_zone(meeting):
    meeting.start_date = meeting.end_date = datetime.date(2016, 3, 20)
    meeting.start_time, meeting.end_time = datetime.time(10, 0), datetime.time(11, 0)
    meeting.save()
    assert meeting.start_at == datetime.datetime(2016, 3, 20, 7, 0, tzinfo=UTC)
    meeting.time_zone = "Asia/Baku"
    meeting.save()
    assert meeting.start_at == datetime.datetime(2016, 3, 20, 6, 0, tzinfo=UTC)


def test_publishing_a_new_time_bumps_the_calendar_sequence(meeting):
    assert meeting.sequence == 0
    meeting.start_time = datetime.time(11, 0)
    meeting.save_revision().publish()
    meeting.refresh_from_db()
    assert meeting.sequence == 1
    meeting.summary_en = "Only the text changed."
    meeting.save_revision().publish()
    meeting.refresh_from_db()
    assert meeting.sequence == 1


def test_cancel_event_bumps_sequence_and_keeps_the_event_public(meeting):
    cancelled = services.cancel_event(
        event=meeting,
        note={"ru": "Перенос визита", "az": "Səfər təxirə salındı", "en": "Called off"},
    )
    assert cancelled.live
    assert cancelled.status == "cancelled"
    assert cancelled.sequence == 1
    assert cancelled.status_note_en == "Called off"
    with translation.override("en"):
        event = cancelled.calendar_event()
    assert event.status == "CANCELLED"
    assert event.sequence == 1
    with pytest.raises(services.CooperationError):
        services.cancel_event(event=cancelled)


def test_postpone_event_to_new_dates_bumps_sequence_once(meeting):
    postponed = services.postpone_event(
        event=meeting,
        start_date=datetime.date(2017, 9, 5),
        start_time=datetime.time(15, 0),
        end_time=datetime.time(16, 0),
    )
    assert postponed.status == "postponed"
    assert postponed.sequence == 1
    assert postponed.start_at == datetime.datetime(2017, 9, 5, 11, 0, tzinfo=UTC)
    calendar = icalendar.Calendar.from_ical(
        build_calendar(
            [postponed.calendar_event()], name="Test", language="ru"
        ).to_ical()
    )
    vevent = calendar.walk("VEVENT")[0]
    assert vevent.decoded("SEQUENCE") == 1
    assert vevent["STATUS"] == "TENTATIVE"
    assert vevent.decoded("DTSTART") == datetime.datetime(2017, 9, 5, 11, 0, tzinfo=UTC)


def test_postponing_to_an_impossible_time_is_refused(meeting):
    with pytest.raises(services.CooperationError):
        services.postpone_event(
            event=meeting,
            start_date=datetime.date(2017, 9, 5),
            start_time=datetime.time(15, 0),
            end_time=datetime.time(14, 0),
        )
    meeting.refresh_from_db()
    assert meeting.status == "confirmed"
    assert meeting.sequence == 0


def test_calendar_event_uses_the_active_language_and_area_names(visit):
    with translation.override("az"):
        event = visit.calendar_event()
    assert event.summary == "Azərbaycan nümayəndə heyətinin səfəri"
    assert event.categories == ("Elektron xidmətlər",)
    assert event.uid.startswith(str(visit.uid))
    assert event.start == datetime.datetime(
        2017, 6, 30, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=4))
    )


def test_calendar_event_of_an_event_crossing_midnight_parses_back(meeting):
    meeting.start_time = datetime.time(22, 30)
    meeting.end_date = datetime.date(2017, 7, 1)
    meeting.end_time = datetime.time(1, 0)
    meeting.save()
    data = build_calendar([meeting.calendar_event()], name="T", language="ru").to_ical()
    vevent = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert end - start == datetime.timedelta(hours=2, minutes=30)
    assert str(vevent["DTSTART"].params["TZID"]) == "Europe/Ulyanovsk"
