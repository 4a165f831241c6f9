"""Staff open the admin and see what is due, each row linking to the place to act."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from wagtail.models import GroupPagePermission

import pytest

from home.reporting import dashboard

from .fixtures_reports import (
    TODAY,
    aware,
    boss,
    dashboard_soup,
    day,
    events_editor,
    events_index,
    home_region,
    login,
    partner,
    staff_user,
    trainer_user,
    week,
)


def panel(soup, name: str):
    return soup.select_one(f'[id^="{name}"]')


def rows(section) -> list[dict]:
    """Each row's text and the links it offers."""
    return [
        {
            "text": row.get_text(" ", strip=True),
            "links": [a["href"] for a in row.select("a[href]")],
        }
        for row in section.select("tbody tr")
    ]


def row_with(section, words: str) -> dict:
    found = [row for row in rows(section) if words in row["text"]]
    assert found, f"no row with {words!r} in {rows(section)}"
    return found[0]


def test_superuser_sees_this_weeks_work_with_links_to_act(client, boss, week):
    soup = dashboard_soup(login(client, boss))
    this_week = panel(soup, "reporting-this-week")
    assert this_week is not None
    meeting = row_with(this_week, "Meeting this week")
    assert (
        reverse("wagtailadmin_pages:edit", args=[week["meeting"].pk])
        in (meeting["links"])
    )
    commitment = row_with(this_week, "Hold a webinar")
    assert (
        reverse("wagtailadmin_pages:edit", args=[week["memorandum"].pk])
        in (commitment["links"])
    )
    attendance = row_with(this_week, "Yesterday's session")
    assert (
        reverse("training_attendance", args=[week["started"].pk])
        in (attendance["links"])
    )
    questions = row_with(this_week, "1 question waits for moderation")
    assert questions["links"] == [
        reverse("hearing_submissions:index") + "?status=pending"
    ]
    # Next month's visit is not due this week, but it is on the events panel.
    assert "Visit next month" not in this_week.get_text()
    events = panel(soup, "reporting-events")
    assert "Visit next month" in events.get_text()
    assert "Hearing in May" not in events.get_text()


def test_superuser_sees_sessions_submissions_memoranda_and_translation_gaps(
    client, boss, week
):
    soup = dashboard_soup(login(client, boss))
    sessions = panel(soup, "reporting-sessions")
    assert row_with(sessions, "Nearly full session")["links"] == [
        reverse("training_registration:index") + f"?session={week['full'].pk}"
    ]
    waitlisted = sessions.select_one('[data-reporting-panel="waitlisted"]')
    assert "Nearly full session" in waitlisted.get_text()
    submissions = panel(soup, "reporting-submissions")
    assert row_with(submissions, "Когда откроется центр?")["links"] == [
        reverse("hearing_submissions:edit", args=[week["question"].pk])
    ]
    assert panel(soup, "memoranda-deadlines") is not None
    assert panel(soup, "reporting-translation-gaps") is not None


def test_trainer_sees_only_their_session_and_no_memoranda(client, trainer_user, week):
    soup = dashboard_soup(login(client, trainer_user))
    this_week = panel(soup, "reporting-this-week")
    texts = [row["text"] for row in rows(this_week)]
    assert len(texts) == 1 and "Yesterday's session" in texts[0]
    assert row_with(this_week, "Yesterday's session")["links"] == [
        reverse("training_attendance", args=[week["started"].pk])
    ]
    assert panel(soup, "memoranda-deadlines") is None
    assert panel(soup, "reporting-submissions") is None
    assert panel(soup, "reporting-translation-gaps") is None
    sessions = panel(soup, "reporting-sessions")
    assert "Nearly full session" not in sessions.get_text()
    assert "Memorandum of cooperation" not in soup.get_text()
    assert "Hold a webinar" not in soup.get_text()


def test_events_editor_sees_events_and_their_translations_only(
    client, events_editor, week
):
    week["meeting"].title_az = ""
    week["meeting"].save_revision().publish()
    soup = dashboard_soup(login(client, events_editor))
    this_week = panel(soup, "reporting-this-week")
    assert [
        row["text"] for row in rows(this_week) if "Meeting this week" in row["text"]
    ]
    assert "Hold a webinar" not in this_week.get_text()
    assert "Yesterday's session" not in this_week.get_text()
    assert panel(soup, "memoranda-deadlines") is None
    assert panel(soup, "reporting-sessions") is None
    assert panel(soup, "reporting-submissions") is None
    gaps = panel(soup, "reporting-translation-gaps")
    gap = row_with(gaps, "Meeting this week")
    assert reverse("wagtailadmin_pages:edit", args=[week["meeting"].pk]) in gap["links"]
    assert "Memorandum of cooperation" not in gaps.get_text()


def test_memoranda_staff_see_the_memoranda_panel(client, week):
    user = staff_user("lawyer", "memoranda.change_memorandumpage")
    soup = dashboard_soup(login(client, user))
    deadlines = panel(soup, "memoranda-deadlines")
    assert deadlines is not None
    assert "Memorandum of cooperation" in deadlines.get_text()
    assert panel(soup, "reporting-sessions") is None


def test_what_is_due_this_week_is_computed_for_a_given_day(boss, week):
    now = aware(TODAY)
    items = dashboard.due_this_week(boss, today=TODAY, now=now)
    assert [(item.day, item.late) for item in items] == [
        (day(-1), True),
        (TODAY, False),
        (day(2), False),
        (day(3), False),
    ]
    # A week later the commitment is late and the meeting is over.
    later = dashboard.due_this_week(boss, today=day(7), now=aware(day(7)))
    late = [item for item in later if item.late]
    assert {item.title for item in late} == {
        "Меморандум о сотрудничестве: Провести вебинар",
        "Занятие вчера",
    }
    assert not [item for item in later if "Встреча" in item.title]


def test_events_of_this_month_and_next_cover_both_months():
    start, end = dashboard.this_and_next_month(TODAY)
    assert (start.isoformat(), end.isoformat()) == ("2025-03-01", "2025-04-30")
    start, end = dashboard.this_and_next_month(timezone.datetime(2025, 12, 31).date())
    assert (start.isoformat(), end.isoformat()) == ("2025-12-01", "2026-01-31")


def test_a_session_leaves_the_attendance_list_once_everyone_is_marked(boss, week):
    now = aware(TODAY)
    alerts = dashboard.session_alerts(boss, now=now)
    assert [row["session"] for row in alerts["attendance"]] == [week["started"]]
    assert alerts["attendance"][0]["unmarked"] == 3
    assert [row["session"] for row in alerts["nearly_full"]] == [week["full"]]
    assert alerts["nearly_full"][0]["fill"] == 100
    week["started"].registrations.update(attended=True)
    assert dashboard.session_alerts(boss, now=now)["attendance"] == []


def test_a_trainer_with_add_rights_edits_the_sessions_they_teach(
    client, trainer_user, week
):
    programme = week["started"].get_parent()
    GroupPagePermission.objects.create(
        group=trainer_user.groups.get(),
        page=programme,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="add_page"
        ),
    )
    taught = week["started"]
    assert taught.owner_id != trainer_user.pk
    assert taught.permissions_for_user(trainer_user).can_edit()

    events = panel(dashboard_soup(login(client, trainer_user)), "reporting-events")

    row = row_with(events, "Yesterday's session")
    assert reverse("wagtailadmin_pages:edit", args=[taught.pk]) in row["links"]
    assert "Nearly full session" not in events.get_text()


def test_kept_reminders_follow_a_memorandum_saved_as_a_draft(client, boss, week):
    login(client, boss)
    assert "Hold a webinar" in panel(dashboard_soup(client), "reporting-this-week").text
    memorandum = week["memorandum"]
    memorandum = type(memorandum).objects.get(pk=memorandum.pk)
    commitments = list(memorandum.commitments.all())
    commitments[0].text_en = "Hold a seminar"
    memorandum.commitments = commitments
    memorandum.save_revision()

    this_week = panel(dashboard_soup(client), "reporting-this-week")

    assert "Hold a seminar" in this_week.get_text()
    assert "Hold a webinar" not in this_week.get_text()
