"""Reminders of deadlines: once each, to the responsible staff, in their language."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import datetime
import io

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from memoranda.models import MemorandumPage, ReminderLog
from memoranda.reminders import collect_reminders

from .factories_memoranda import MemorandumCommitmentFactory
from .fixtures_memoranda import (
    draft,
    in_force,
    memoranda_index,
    memorandum,
    partners,
    staff,
    walk,
)

D = datetime.date
TODAY = D(2025, 3, 10)


def make_user(username: str, language: str | None, **extra):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="pw-12345678",
        **extra,
    )
    if language is not None:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user


@pytest.fixture
def team(db):
    return {
        "ru": make_user("olga", None),
        "az": make_user("aysel", "az"),
        "en": make_user("john", "en"),
    }


@pytest.fixture
def watched(in_force, team):
    """The agreement in force with commitments, watched by three staff members."""
    page = MemorandumPage.objects.get(pk=in_force.pk).get_latest_revision_as_object()
    page.commitments = [
        MemorandumCommitmentFactory.build(
            text_ru="Просрочено",
            text_az="Gecikib",
            text_en="Late one",
            due_on=D(2025, 3, 1),
        ),
        MemorandumCommitmentFactory.build(
            text_ru="Скоро срок",
            text_az="Müddət yaxındır",
            text_en="Due soon",
            due_on=D(2025, 3, 20),
            status="in_progress",
        ),
        MemorandumCommitmentFactory.build(
            text_en="Done", status="done", due_on=D(2025, 3, 1)
        ),
        MemorandumCommitmentFactory.build(text_en="Later", due_on=D(2025, 6, 1)),
        MemorandumCommitmentFactory.build(
            text_en="Dropped", status="dropped", due_on=D(2025, 1, 1)
        ),
    ]
    page.responsible_staff = list(team.values())
    page.save_revision().publish()
    return MemorandumPage.objects.get(pk=in_force.pk)


def kinds(items) -> list[tuple[str, datetime.date]]:
    return sorted((item.kind, item.due_on) for item in items)


def test_the_right_deadlines_are_collected(watched):
    assert kinds(collect_reminders(today=TODAY)) == [
        ("commitment_due", D(2025, 3, 20)),
        ("commitment_overdue", D(2025, 3, 1)),
        ("expiry_90", D(2025, 6, 1)),
    ]
    # Notice deadline 1 December 2024: within 60 days on 15 October.
    assert ("notice_60", D(2024, 12, 1)) in kinds(
        collect_reminders(today=D(2024, 10, 15))
    )
    assert ("notice_60", D(2024, 12, 1)) not in kinds(
        collect_reminders(today=D(2024, 9, 30))
    )
    # Within 30 days of expiry the 30-day reminder replaces the 90-day one.
    near = kinds(collect_reminders(today=D(2025, 5, 10)))
    assert ("expiry_30", D(2025, 6, 1)) in near
    assert ("expiry_90", D(2025, 6, 1)) not in near


def test_each_user_gets_one_email_listing_their_items_and_a_second_run_sends_nothing(
    watched, team
):
    call_command(
        "memoranda_reminders", "--today", TODAY.isoformat(), stdout=io.StringIO()
    )
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        user.email for user in team.values()
    )
    for message in mail.outbox:
        assert message.body.count("/admin/pages/") == 3
    assert ReminderLog.objects.count() == 9
    mail.outbox.clear()
    out = io.StringIO()
    call_command("memoranda_reminders", "--today", TODAY.isoformat(), stdout=out)
    assert mail.outbox == []
    assert ReminderLog.objects.count() == 9
    # The next day the same deadlines are still not repeated.
    call_command("memoranda_reminders", "--today", "2025-03-11", stdout=io.StringIO())
    assert mail.outbox == []


def test_a_new_window_sends_a_new_reminder_once(watched, team):
    call_command(
        "memoranda_reminders", "--today", TODAY.isoformat(), stdout=io.StringIO()
    )
    mail.outbox.clear()
    call_command("memoranda_reminders", "--today", "2025-05-10", stdout=io.StringIO())
    assert len(mail.outbox) == 3
    assert all("2025" in message.body for message in mail.outbox)
    mail.outbox.clear()
    call_command("memoranda_reminders", "--today", "2025-05-11", stdout=io.StringIO())
    assert mail.outbox == []


def test_emails_are_in_each_users_language(watched, team):
    call_command(
        "memoranda_reminders", "--today", TODAY.isoformat(), stdout=io.StringIO()
    )
    by_user = {message.to[0]: message for message in mail.outbox}
    ru = by_user[team["ru"].email]
    az = by_user[team["az"].email]
    en = by_user[team["en"].email]
    assert ru.extra_headers["Content-Language"] == "ru"
    assert az.extra_headers["Content-Language"] == "az"
    assert en.extra_headers["Content-Language"] == "en"
    assert "Соглашение об обмене" in ru.body and "Просрочено" in ru.body
    assert "Mübadilə sazişi" in az.body and "Gecikib" in az.body
    assert "Exchange agreement" in en.body and "Late one" in en.body
    assert "http://testserver/admin/pages/" in en.body


def test_dry_run_sends_and_records_nothing(watched):
    out = io.StringIO()
    call_command(
        "memoranda_reminders", "--today", TODAY.isoformat(), "--dry-run", stdout=out
    )
    assert mail.outbox == []
    assert not ReminderLog.objects.exists()
    assert "olga@example.org" in out.getvalue()


def test_inactive_users_and_users_without_email_get_nothing(in_force, db):
    inactive = make_user("gone", None, is_active=False)
    silent = make_user("silent", None)
    silent.email = ""
    silent.save()
    page = MemorandumPage.objects.get(pk=in_force.pk).get_latest_revision_as_object()
    page.responsible_staff = [inactive, silent]
    page.save_revision().publish()
    call_command(
        "memoranda_reminders", "--today", TODAY.isoformat(), stdout=io.StringIO()
    )
    assert mail.outbox == []


def test_reminders_follow_the_latest_draft_of_a_confidential_memorandum(draft, team):
    page = MemorandumPage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    page.commitments = [
        MemorandumCommitmentFactory.build(text_en="Draft task", due_on=D(2025, 3, 12))
    ]
    page.responsible_staff = [team["en"]]
    page.save_revision()
    call_command(
        "memoranda_reminders", "--today", TODAY.isoformat(), stdout=io.StringIO()
    )
    (message,) = mail.outbox
    assert "Draft task" in message.body


def test_ended_memoranda_are_not_reminded_of(watched):
    walk(watched, "terminated", today=TODAY)
    assert collect_reminders(today=TODAY) == []


def test_a_bad_date_is_refused():
    with pytest.raises(CommandError):
        call_command("memoranda_reminders", "--today", "10.03.2025")


def test_the_admin_dashboard_shows_the_same_lists(client, staff, watched):
    client.force_login(staff)
    with freeze_time("2025-03-10 09:00"):
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    panel = soup.select_one("#memoranda-deadlines-section, #memoranda-deadlines")
    assert panel is not None
    text = panel.get_text(" ", strip=True)
    assert "Соглашение об обмене" in text
    assert "Просрочено" in text and "Скоро срок" in text
    rows = panel.select("tbody tr")
    assert len(rows) == 3
    edit_url = reverse("wagtailadmin_pages:edit", args=[watched.pk])
    assert panel.select_one(f'a[href="{edit_url}"]')
