# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import datetime

from django.core import mail
from django.utils import timezone

import pytest

from training.models import Registration, TrainingSessionPage
from training.services import (
    TrainingError,
    cancel_session,
    check_session,
    check_session_plan,
    postpone_session,
    register_participant,
)

from .factories_cooperation import OrganisationFactory
from .factories_training import (
    RegistrationFactory,
    TrainerFactory,
    TrainingSessionPageFactory,
    in_days,
)
from .fixtures_training import (
    programme,
    session,
    trainer,
    training_index,
    venue,
)

pytestmark = pytest.mark.django_db

T = datetime.time


def plan(session_pk=None, **overrides):
    """Keyword arguments of check_session_plan for a clean plan in Moscow."""
    start = in_days(30)
    values = {
        "session_pk": session_pk,
        "time_zone": "Europe/Moscow",
        "slots": [(start, T(14), T(16))],
        "trainers": [],
        "venue": None,
        "rooms": [],
        "online": False,
        "online_link": "",
        "capacity": 10,
        "room_capacity": None,
        "opens_at": timezone.now(),
        "closes_at": timezone.now() + datetime.timedelta(days=10),
        "status": TrainingSessionPage.Status.SCHEDULED,
    }
    values.update(overrides)
    return values


def refusal(**kwargs) -> TrainingError:
    with pytest.raises(TrainingError) as caught:
        check_session_plan(**plan(**kwargs))
    return caught.value


def test_clean_plan_passes(session):
    check_session_plan(**plan(trainers=list(session.trainers.all())))


def test_trainer_cannot_teach_two_sessions_at_the_same_real_time(session, trainer):
    # 09:30 in Moscow is 10:30 in Baku, inside the Baku session's 10:00–12:00.
    error = refusal(slots=[(in_days(30), T(9, 30), T(11))], trainers=[trainer])
    ((field, message),) = error.errors
    assert field == "trainers"
    day = in_days(30).strftime("%d.%m.%Y")
    assert str(message) == (
        f"Тренер Э. Гумбатов уже ведёт занятие «{session.title}» "
        f"{day} 10:00–12:00 (Asia/Baku)."
    ) or str(message) == (
        f"Trainer Э. Гумбатов already teaches “{session.title}” on "
        f"{day} 10:00–12:00 (Asia/Baku)."
    )


def test_same_wall_time_in_another_zone_is_no_conflict(session, trainer):
    # 11:00–12:00 in Moscow is 12:00–13:00 in Baku: right after the Baku session.
    check_session_plan(**plan(slots=[(in_days(30), T(11), T(12))], trainers=[trainer]))


def test_second_day_of_a_two_day_session_is_checked_too(session, trainer):
    error = refusal(
        slots=[(in_days(29), T(9), T(17)), (in_days(30), T(9), T(17))],
        trainers=[trainer],
    )
    assert error.errors[0][0] == "trainers"
    assert session.title in str(error.errors[0][1])


def test_room_cannot_host_two_overlapping_sessions(session, venue):
    error = refusal(
        time_zone="Asia/Baku",
        slots=[(in_days(30), T(11), T(13))],
        venue=venue,
        rooms=["зал 1"],
    )
    ((field, message),) = error.errors
    assert field == "room"
    assert session.title in str(message)
    assert "11:00" not in str(message) and "10:00–12:00 (Asia/Baku)" in str(message)


def test_another_room_or_venue_is_free(session, venue):
    slots = [(in_days(30), T(11), T(13))]
    check_session_plan(
        **plan(time_zone="Asia/Baku", slots=slots, venue=venue, rooms=["Зал 2"])
    )
    other = OrganisationFactory()
    check_session_plan(
        **plan(time_zone="Asia/Baku", slots=slots, venue=other, rooms=["Зал 1"])
    )


def test_cancelled_session_blocks_nobody(session, trainer):
    session.status = TrainingSessionPage.Status.CANCELLED
    session.save()
    check_session_plan(**plan(slots=[(in_days(30), T(9), T(11))], trainers=[trainer]))


def test_slot_must_end_after_it_starts():
    error = refusal(slots=[(in_days(30), T(12), T(10))])
    assert "12:00" in str(error) and "10:00" in str(error)
    assert error.errors[0][0] is None


def test_capacity_cannot_drop_below_confirmed_participants(session):
    RegistrationFactory.create_batch(2, session=session)
    error = refusal(session_pk=session.pk, capacity=1)
    ((field, message),) = error.errors
    assert field == "capacity"
    assert "1" in str(message) and "2" in str(message)


def test_registration_must_close_before_the_session_starts():
    day = in_days(30)
    closes = timezone.make_aware(
        datetime.datetime.combine(day, T(15)), timezone.get_fixed_timezone(180)
    )
    error = refusal(slots=[(day, T(14), T(16))], closes_at=closes)
    ((field, message),) = error.errors
    assert field == "closes_at"
    assert f"{day:%d.%m.%Y} 15:00 (Europe/Moscow)" in str(message)
    assert f"{day:%d.%m.%Y} 14:00 (Europe/Moscow)" in str(message)


def test_online_session_needs_a_joining_link():
    error = refusal(online=True)
    assert error.errors[0][0] == "online_link"


def test_check_session_accepts_the_saved_session(session):
    check_session(session)


def test_postponing_emails_every_participant_in_their_language(session):
    az = RegistrationFactory(session=session, language="az", email="az@example.org")
    en = RegistrationFactory(
        session=session,
        language="en",
        email="en@example.org",
        status=Registration.Status.WAITLISTED,
    )
    RegistrationFactory(
        session=session, email="gone@example.org", status=Registration.Status.CANCELLED
    )
    sequence = session.sequence
    postpone_session(
        session=session,
        now=timezone.now(),
        notes={"ru": "Перенос.", "az": "Təxirə salınıb.", "en": "Moved."},
    )
    session.refresh_from_db()
    assert session.status == TrainingSessionPage.Status.POSTPONED
    assert session.sequence == sequence + 1
    assert session.live
    assert sorted(m.to[0] for m in mail.outbox) == [az.email, en.email]
    by_address = {m.to[0]: m for m in mail.outbox}
    assert session.title_az in by_address[az.email].subject
    assert "Təxirə salınıb." in by_address[az.email].body
    assert session.title_en in by_address[en.email].subject
    assert session.status_notices.get().recipients == 2


def test_cancelling_keeps_the_page_visible_with_a_banner(client, session):
    RegistrationFactory(session=session, email="x@example.org")
    cancel_session(session=session, now=timezone.now())
    assert len(mail.outbox) == 1
    response = client.get(session.url)
    assert response.status_code == 200
    assert b"training-status-cancelled" in response.content
    with pytest.raises(TrainingError):
        register_participant(
            session=session,
            name="A",
            email="a@example.org",
            organisation="O",
            language="ru",
            consent=True,
            now=timezone.now(),
        )


def test_cancelling_twice_is_refused(session):
    cancel_session(session=session, now=timezone.now())
    with pytest.raises(TrainingError):
        cancel_session(session=session, now=timezone.now())


def test_other_trainer_may_take_the_same_time(session):
    other = TrainerFactory()
    check_session_plan(**plan(slots=[(in_days(30), T(9), T(11))], trainers=[other]))
