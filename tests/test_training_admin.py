# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import csv
import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from cooperation.registry import timeline_entries
from training.models import Registration, TrainingSessionPage

from .factories_training import (
    RegistrationFactory,
    TrainerFactory,
    TrainingSessionPageFactory,
    in_days,
)
from .fixtures_security import form_values
from .fixtures_training import (
    admin_client,
    programme,
    session,
    superuser,
    trainer,
    trainer_user,
    training_index,
    venue,
)

pytestmark = pytest.mark.django_db


def session_form(admin_client, programme, trainer, venue, slots, **overrides):
    url = f"/admin/pages/add/training/trainingsessionpage/{programme.pk}/"
    data = form_values(admin_client.get(url).content)
    data.update(
        {
            "title_ru": "Двухдневный тренинг",
            "title_az": "İki günlük təlim",
            "title_en": "Two-day training",
            "slug_ru": "dvuhdnevnyj",
            "slug_az": "iki-gunluk",
            "slug_en": "two-day",
            "time_zone": "Europe/Ulyanovsk",
            "trainers": [str(trainer.pk)],
            "venue": str(venue.pk),
            "room_ru": "Аудитория 5",
            "capacity": "20",
            "language": "ru",
            "opens_at": (timezone.now()).strftime("%Y-%m-%d %H:%M"),
            "closes_at": (timezone.now() + datetime.timedelta(days=5)).strftime(
                "%Y-%m-%d %H:%M"
            ),
            "status": "scheduled",
            "slots-TOTAL_FORMS": str(len(slots)),
            "slots-INITIAL_FORMS": "0",
            "materials-TOTAL_FORMS": "0",
            "materials-INITIAL_FORMS": "0",
            "action-publish": "action-publish",
        }
    )
    for n, (day, start, end) in enumerate(slots):
        data.update(
            {
                f"slots-{n}-date": day.isoformat(),
                f"slots-{n}-start_time": start,
                f"slots-{n}-end_time": end,
                f"slots-{n}-ORDER": str(n + 1),
                f"slots-{n}-DELETE": "",
                f"slots-{n}-id": "",
            }
        )
    data.update(overrides)
    return admin_client.post(url, {k: v for k, v in data.items() if v is not None})


def test_trainer_scheduling_a_two_day_session_is_stopped_by_a_conflict(
    admin_client, programme, trainer, venue, session
):
    # The Baku session runs 10:00–12:00 Baku time on day 30, i.e. 10:00–12:00 in
    # Ulyanovsk too (both UTC+4); the second day of the new session overlaps it.
    slots = [(in_days(29), "09:00", "17:00"), (in_days(30), "11:00", "13:00")]
    response = session_form(admin_client, programme, trainer, venue, slots)
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text(" ")
    assert session.title in text
    assert f"{in_days(30):%d.%m.%Y} 10:00–12:00 (Asia/Baku)" in text
    assert not TrainingSessionPage.objects.filter(slug_ru="dvuhdnevnyj").exists()

    slots = [(in_days(29), "09:00", "17:00"), (in_days(30), "12:00", "17:00")]
    response = session_form(admin_client, programme, trainer, venue, slots)
    assert response.status_code == 302, response.content[:500]
    created = TrainingSessionPage.objects.get(slug_ru="dvuhdnevnyj")
    assert created.live
    assert len(created.slot_list()) == 2


def test_admin_refuses_a_slot_ending_before_it_starts(
    admin_client, programme, trainer, venue
):
    response = session_form(
        admin_client, programme, trainer, venue, [(in_days(50), "15:00", "14:00")]
    )
    assert response.status_code == 200
    assert "15:00" in response.content.decode()
    assert not TrainingSessionPage.objects.filter(slug_ru="dvuhdnevnyj").exists()


def test_editing_the_time_bumps_the_calendar_sequence(
    admin_client, programme, trainer, venue
):
    slots = [(in_days(60), "10:00", "12:00")]
    session_form(admin_client, programme, trainer, venue, slots)
    created = TrainingSessionPage.objects.get(slug_ru="dvuhdnevnyj")
    url = f"/admin/pages/{created.pk}/edit/"
    data = form_values(admin_client.get(url).content)
    data["slots-0-start_time"] = "11:00"
    data["action-publish"] = "action-publish"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content[:300]
    created.refresh_from_db()
    assert created.sequence == 1
    assert created.slot_list()[0].start_time == datetime.time(11)


def test_trainers_see_only_registrations_of_their_own_sessions(
    client, admin_client, session, trainer_user, programme
):
    own = RegistrationFactory(session=session, name="Own Participant")
    other_session = TrainingSessionPageFactory(
        parent=programme, trainers=[TrainerFactory()]
    )
    other = RegistrationFactory(session=other_session, name="Other Participant")

    listing = admin_client.get("/admin/training_registration/")
    assert "Own Participant" in listing.content.decode()
    assert "Other Participant" in listing.content.decode()

    client.force_login(trainer_user)
    listing = client.get("/admin/training_registration/")
    assert listing.status_code == 200
    assert "Own Participant" in listing.content.decode()
    assert "Other Participant" not in listing.content.decode()
    assert (
        client.get(f"/admin/training_registration/inspect/{own.pk}/").status_code == 200
    )
    for view in ("inspect", "edit", "delete", "history", "usage"):
        response = client.get(f"/admin/training_registration/{view}/{other.pk}/")
        assert response.status_code in {302, 403, 404}
        assert "Other Participant" not in response.content.decode()
    assert client.get("/admin/training_registration/new/").status_code in {302, 403}


def test_view_all_permission_shows_every_registration(client, session, programme):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    staff = get_user_model().objects.create_user("staff", "s@example.org", "pw")
    staff.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_registration"),
        Permission.objects.get(codename="view_all_registrations"),
    )
    other_session = TrainingSessionPageFactory(parent=programme)
    RegistrationFactory(session=other_session, name="Other Participant")
    client.force_login(staff)
    assert (
        "Other Participant"
        in client.get("/admin/training_registration/").content.decode()
    )


def test_attendance_is_refused_before_the_session_and_recorded_after(
    client, session, trainer_user
):
    came = RegistrationFactory(session=session)
    absent = RegistrationFactory(session=session)
    client.force_login(trainer_user)
    url = f"/admin/training/sessions/{session.pk}/attendance/"
    data = {f"attended-{came.pk}": "yes", f"attended-{absent.pk}": "no"}
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    came.refresh_from_db()
    assert came.attended is None

    with freeze_time(session.starts_at + datetime.timedelta(minutes=30)):
        client.force_login(trainer_user)
        assert client.get(url).status_code == 200
        response = client.post(url, data)
    assert response.status_code == 302
    came.refresh_from_db()
    absent.refresh_from_db()
    assert (came.attended, absent.attended) == (True, False)


def test_trainer_cannot_open_another_trainers_attendance(
    client, programme, trainer_user
):
    other_session = TrainingSessionPageFactory(
        parent=programme, trainers=[TrainerFactory()]
    )
    client.force_login(trainer_user)
    url = f"/admin/training/sessions/{other_session.pk}/attendance/"
    for address in (
        url,
        f"/admin/training/sessions/{other_session.pk}/participants.csv",
    ):
        response = client.get(address)
        # Wagtail turns a refusal into a redirect to the dashboard with a message.
        assert response.status_code in {302, 403}
        assert response.get("Location", "/admin/") == "/admin/"


def test_csv_export_is_utf8_with_bom_and_lists_attendance(
    client, session, trainer_user
):
    RegistrationFactory(session=session, name="Ələkbər Şükürov", attended=True)
    RegistrationFactory(session=session, name="=HYPERLINK(1)", attended=False)
    RegistrationFactory(session=session, name="Ждущий", status="waitlisted")
    RegistrationFactory(session=session, name="Ушедший", status="cancelled")
    client.force_login(trainer_user)
    response = client.get(f"/admin/training/sessions/{session.pk}/participants.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    names = [row[0] for row in rows[1:]]
    assert names == ["Ələkbər Şükürov", "'=HYPERLINK(1)", "Ждущий"]
    assert rows[3][6] == "1"
    assert len({row[8] for row in rows[1:]}) == 3


def test_overview_shows_fill_rates_and_waitlists(admin_client, session):
    RegistrationFactory.create_batch(2, session=session)
    RegistrationFactory(session=session, status="waitlisted")
    page = BeautifulSoup(
        admin_client.get("/admin/training/overview/").content, "html.parser"
    )
    row = page.find("tr", attrs={"data-session": str(session.pk)})
    assert row.select_one(".fill").get_text(strip=True) == "2 / 2"
    assert row.select_one(".rate").get_text(strip=True) == "100%"
    assert row.select_one(".waitlist").get_text(strip=True) == "1"


def test_deleting_a_confirmed_registration_in_the_admin_promotes_the_waitlist(
    admin_client, session
):
    seat = RegistrationFactory(session=session)
    RegistrationFactory(session=session)
    waiting = RegistrationFactory(session=session, status="waitlisted", language="az")
    response = admin_client.post(f"/admin/training_registration/delete/{seat.pk}/")
    assert response.status_code == 302
    assert not Registration.objects.filter(pk=seat.pk).exists()
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert [m.to[0] for m in mail.outbox] == [waiting.email]


def test_reminders_go_two_days_before_once_in_each_language(session):
    az = RegistrationFactory(session=session, language="az")
    RegistrationFactory(session=session, status="waitlisted")
    today = session.first_day - datetime.timedelta(days=2)
    out = io.StringIO()
    call_command("training_reminders", today=today.isoformat(), stdout=out)
    call_command("training_reminders", today=today.isoformat(), stdout=out)
    call_command(
        "training_reminders",
        today=(today - datetime.timedelta(days=1)).isoformat(),
        stdout=out,
    )
    (message,) = mail.outbox
    assert message.to == [az.email]
    assert session.title_az in message.subject
    az.refresh_from_db()
    assert az.reminder_sent_at is not None


def test_reminders_skip_cancelled_sessions(session):
    RegistrationFactory(session=session)
    session.status = TrainingSessionPage.Status.CANCELLED
    session.save()
    today = session.first_day - datetime.timedelta(days=2)
    call_command("training_reminders", today=today.isoformat(), stdout=io.StringIO())
    assert mail.outbox == []


def test_public_sessions_appear_on_the_venue_timeline(session, venue):
    (entry,) = timeline_entries(organisation=venue)
    assert entry.title == session.title
    assert entry.date == session.first_day
    assert entry.kind == "training"


def test_publishing_a_cancellation_in_the_admin_tells_participants_once(
    admin_client, session
):
    RegistrationFactory(session=session, language="az")
    waiting = RegistrationFactory(session=session, status="waitlisted")
    url = f"/admin/pages/{session.pk}/edit/"
    data = form_values(admin_client.get(url).content)
    data.update(
        {"status": "cancelled", "status_note_az": "Səbəb.", "action-publish": "1"}
    )
    assert admin_client.post(url, data).status_code == 302
    assert len(mail.outbox) == 2
    assert all("Səbəb." in m.body for m in mail.outbox if m.to != [waiting.email])
    session.refresh_from_db()
    assert session.status == "cancelled" and session.sequence == 1

    data = form_values(admin_client.get(url).content)
    data["action-publish"] = "1"
    assert admin_client.post(url, data).status_code == 302
    assert len(mail.outbox) == 2


def test_raising_capacity_in_the_admin_moves_the_waitlist_up(admin_client, session):
    RegistrationFactory.create_batch(2, session=session)
    waiting = RegistrationFactory(session=session, status="waitlisted")
    url = f"/admin/pages/{session.pk}/edit/"
    data = form_values(admin_client.get(url).content)
    data.update({"capacity": "3", "action-publish": "1"})
    assert admin_client.post(url, data).status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert [m.to for m in mail.outbox] == [[waiting.email]]


def test_programme_editor_offers_a_memorandum_chooser(admin_client, training_index):
    response = admin_client.get(
        f"/admin/pages/add/training/trainingprogrammepage/{training_index.pk}/"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="related_memorandum"' in html
    assert "memoranda.memorandumpage" in html
