"""Panels of the admin home page: what needs each staff member, and where to act."""

import calendar
import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.admin.ui.components import Component

from config import page_cache
from cooperation.models import HearingSubmission
from memoranda.dashboard import MemorandaDeadlinesPanel
from memoranda.models import MemorandumPage
from memoranda.reminders import ReminderItem, collect_reminders, grouped
from training.admin_views import can_see_registrations, managed_sessions
from training.models import Registration, TrainingSessionPage

from . import access, completeness

WEEK_DAYS = 7
# A session is nearly full from this share of confirmed seats on.
NEARLY_FULL = 80
GAPS_LISTED = 8
SUBMISSIONS_LISTED = 10


@dataclass
class EventItem:
    """A visit, meeting, hearing or training session on the calendar."""

    kind: str
    kind_label: str
    title: str
    first_day: datetime.date
    last_day: datetime.date
    status_label: str
    live: bool
    url: str | None
    action_label: str
    past: bool = False

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1


@dataclass
class DueItem:
    """One thing to do by a day, with the place to do it."""

    day: datetime.date
    kind_label: str
    title: str
    detail: str
    url: str | None
    action_label: str
    late: bool = False


def _month_end(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def this_and_next_month(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Return the first day of this month and the last day of the next one."""
    start = today.replace(day=1)
    return start, _month_end(_month_end(today) + datetime.timedelta(days=1))


def _page_link(user, page) -> tuple[str | None, str]:
    if access.can_edit_page(user, page):
        return reverse("wagtailadmin_pages:edit", args=[page.pk]), _("Edit")
    return None, ""


def _session_link(
    user, session: TrainingSessionPage, now, managed: set[int]
) -> tuple[str | None, str]:
    # The tester reads the sessions the user teaches once for the whole list.
    if session.permissions_for_user(user).can_edit():
        return reverse("wagtailadmin_pages:edit", args=[session.pk]), _("Edit")
    if session.pk in managed:
        if session.has_started(now):
            return reverse("training_attendance", args=[session.pk]), _(
                "Mark attendance"
            )
        return (
            reverse("training_registration:index") + f"?session={session.pk}",
            _("Registrations"),
        )
    return None, ""


def events_between(
    user, *, start: datetime.date, end: datetime.date, now: datetime.datetime
) -> list[EventItem]:
    """Return the events and sessions the user may see that touch these days."""
    items: list[EventItem] = []
    for model in access.EVENT_MODELS:
        pages = (
            access.visible_pages(user, model)
            .filter(start_date__lte=end, end_date__gte=start)
            .prefetch_workflow_states()
        )
        for page in pages:
            url, action = _page_link(user, page)
            items.append(
                EventItem(
                    kind=model.event_kind,
                    kind_label=str(model.event_kind_label),
                    title=page.title,
                    first_day=page.start_date,
                    last_day=page.end_date,
                    status_label=page.get_status_display(),
                    live=page.live,
                    url=url,
                    action_label=action,
                )
            )
    sessions = (
        access.visible_sessions(user)
        .filter(slots__date__range=(start, end))
        .distinct()
        .prefetch_related("slots")
        .prefetch_workflow_states()
    )
    sessions = list(sessions)
    # Whose participants the user sees (access.can_mark_attendance), in one query.
    managed = set(
        managed_sessions(user)
        .filter(pk__in=[session.pk for session in sessions])
        .values_list("pk", flat=True)
    )
    for session in sessions:
        days = sorted(slot.date for slot in session.slots.all())
        url, action = _session_link(user, session, now, managed)
        items.append(
            EventItem(
                kind="session",
                kind_label=str(TrainingSessionPage._meta.verbose_name),
                title=session.title,
                first_day=days[0],
                last_day=days[-1],
                status_label=session.get_status_display(),
                live=session.live,
                url=url,
                action_label=action,
            )
        )
    return sorted(items, key=lambda item: (item.first_day, item.kind, item.title))


def _every_reminder(today: datetime.date) -> list[ReminderItem]:
    # Reminders follow the memoranda (drafts included: a draft saved is a page
    # saved) and the day; every memorandum is read to find them.
    return page_cache.until_changed(
        f"dashboard-reminders:{today.isoformat()}",
        lambda: collect_reminders(today=today),
    )


def memoranda_deadlines(user, *, today: datetime.date) -> list[ReminderItem]:
    """Return the memoranda reminders of the memoranda the user may see."""
    if user.is_superuser:
        return _every_reminder(today)
    allowed = set(
        access.visible_pages(user, MemorandumPage).values_list("pk", flat=True)
    )
    if not allowed:
        # Every memorandum's reminders are read before they are picked.
        return []
    items = _every_reminder(today)
    return [item for item in items if item.memorandum.pk in allowed]


def _session_row(session: TrainingSessionPage, unmarked: int) -> dict:
    """Return a session's fill rate and waiting list, as the training overview does."""
    confirmed = session.confirmed_count()
    return {
        "session": session,
        "first_day": session.first_day,
        "starts_at": session.starts_at,
        "confirmed": confirmed,
        "waitlisted": session.waitlist_count(),
        "capacity": session.capacity,
        "fill": round(100 * confirmed / session.capacity) if session.capacity else 0,
        "unmarked": unmarked,
        "attendance_url": reverse("training_attendance", args=[session.pk]),
        "registrations_url": reverse("training_registration:index")
        + f"?session={session.pk}",
    }


def _with_counts(sessions):
    """Read the sessions with their slots and registration counts in two queries."""
    status = Registration.Status
    return sessions.prefetch_related("slots").annotate(
        # distinct: the trainer and slot filters join rows that would multiply them.
        confirmed_registrations=Count(
            "registrations",
            filter=Q(registrations__status=status.CONFIRMED),
            distinct=True,
        ),
        waitlisted_registrations=Count(
            "registrations",
            filter=Q(registrations__status=status.WAITLISTED),
            distinct=True,
        ),
    )


def session_alerts(user, *, now: datetime.datetime) -> dict[str, list[dict]]:
    """Return sessions nearly full, with a waiting list, or awaiting attendance.

    Only sessions still to come and started ones with unmarked participants are
    read, so years of past sessions cost nothing.
    """
    if not can_see_registrations(user):
        return {"nearly_full": [], "waitlisted": [], "attendance": []}
    scope = managed_sessions(user).exclude(status=TrainingSessionPage.Status.CANCELLED)
    unmarked = dict(
        Registration.objects.confirmed()
        .filter(session__in=scope.values("pk"), attended__isnull=True)
        .values_list("session")
        .annotate(count=Count("pk"))
        .values_list("session", "count")
    )
    # Only sessions the panel lists: a waiting list, or nearly full (a little
    # below the share, which is rounded; the rows below apply it exactly).
    listed = Q(waitlisted_registrations__gt=0) | Q(
        capacity__gt=0,
        confirmed_registrations__gte=(NEARLY_FULL - 1) * F("capacity") / 100,
    )
    upcoming = [
        session
        for session in _with_counts(scope.upcoming(now)).filter(listed)
        if session.is_upcoming(now)
    ]
    started = [
        session
        for session in _with_counts(
            TrainingSessionPage.objects.filter(pk__in=list(unmarked)).order_by("path")
        )
        if session.has_started(now)
    ]
    upcoming_rows = [_session_row(s, unmarked.get(s.pk, 0)) for s in upcoming]
    started_rows = sorted(
        (_session_row(s, unmarked[s.pk]) for s in started),
        key=lambda row: row["starts_at"],
    )
    return {
        "nearly_full": [
            row
            for row in upcoming_rows
            if row["capacity"] and row["fill"] >= NEARLY_FULL
        ],
        "waitlisted": [row for row in upcoming_rows if row["waitlisted"]],
        "attendance": started_rows,
    }


def pending_submissions(user) -> tuple[int, list[dict]]:
    """Return how many public questions wait for moderation, and the oldest ones."""
    if not access.can_see_submissions(user):
        return 0, []
    pending = HearingSubmission.objects.filter(
        status=HearingSubmission.Status.PENDING
    ).select_related("hearing")
    moderate = access.can_moderate_submissions(user)
    listed = [
        {
            "submission": submission,
            "url": reverse("hearing_submissions:edit", args=[submission.pk])
            if moderate
            else None,
        }
        for submission in pending.order_by("submitted_at", "pk")[:SUBMISSIONS_LISTED]
    ]
    return pending.count(), listed


def submissions_index_url() -> str:
    return reverse("hearing_submissions:index") + "?status=pending"


def _days_text(days_left: int) -> str:
    if days_left < 0:
        return ngettext("%(days)d day late", "%(days)d days late", -days_left) % {
            "days": -days_left
        }
    if days_left == 0:
        return _("today")
    return ngettext("in %(days)d day", "in %(days)d days", days_left) % {
        "days": days_left
    }


class DashboardData:
    """What several panels show, computed once per request."""

    def __init__(self, user, *, today: datetime.date, now: datetime.datetime):
        self.user = user
        self.today = today
        self.now = now

    @classmethod
    def for_request(
        cls, request, *, today: datetime.date, now: datetime.datetime
    ) -> "DashboardData":
        data = getattr(request, "_reporting_dashboard", None)
        if data is None or (data.user, data.today, data.now) != (
            request.user,
            today,
            now,
        ):
            data = cls(request.user, today=today, now=now)
            request._reporting_dashboard = data
        return data

    @cached_property
    def memoranda(self) -> list[ReminderItem]:
        return memoranda_deadlines(self.user, today=self.today)

    @cached_property
    def events(self) -> list[EventItem]:
        """This month's and next month's events, which hold this week's."""
        start, end = this_and_next_month(self.today)
        return events_between(self.user, start=start, end=end, now=self.now)

    @cached_property
    def sessions(self) -> dict[str, list[dict]]:
        return session_alerts(self.user, now=self.now)

    @cached_property
    def submissions(self) -> tuple[int, list[dict]]:
        return pending_submissions(self.user)


def due_this_week(
    user,
    *,
    today: datetime.date,
    now: datetime.datetime,
    data: DashboardData | None = None,
) -> list[DueItem]:
    """Return what is due from today to six days ahead, late items included."""
    data = data or DashboardData(user, today=today, now=now)
    horizon = today + datetime.timedelta(days=WEEK_DAYS - 1)
    items: list[DueItem] = []
    for event in data.events:
        if not today <= event.first_day <= horizon:
            continue
        items.append(
            DueItem(
                day=event.first_day,
                kind_label=event.kind_label,
                title=event.title,
                detail=f"{event.status_label} · "
                f"{_days_text((event.first_day - today).days)}",
                url=event.url,
                action_label=event.action_label,
            )
        )
    for reminder in data.memoranda:
        if reminder.due_on > horizon:
            continue
        title = reminder.memorandum.title
        if reminder.commitment is not None:
            title = f"{title}: {reminder.commitment.text}"
        items.append(
            DueItem(
                day=reminder.due_on,
                kind_label=reminder.kind_label,
                title=title,
                detail=_days_text(reminder.days_left),
                url=reminder.admin_url,
                action_label=_("Edit"),
                late=reminder.days_left < 0,
            )
        )
    for row in data.sessions["attendance"]:
        items.append(
            DueItem(
                day=row["first_day"],
                kind_label=_("Attendance to mark"),
                title=row["session"].title,
                detail=ngettext(
                    "%(count)d participant not marked",
                    "%(count)d participants not marked",
                    row["unmarked"],
                )
                % {"count": row["unmarked"]},
                url=row["attendance_url"],
                action_label=_("Mark attendance"),
                late=True,
            )
        )
    count, _listed = data.submissions
    if count:
        items.append(
            DueItem(
                day=today,
                kind_label=_("Public questions"),
                title=ngettext(
                    "%(count)d question waits for moderation",
                    "%(count)d questions wait for moderation",
                    count,
                )
                % {"count": count},
                detail="",
                url=submissions_index_url(),
                action_label=_("Moderate"),
            )
        )
    return sorted(items, key=lambda item: (item.day, str(item.kind_label)))


class DashboardPanel(Component):
    """A home page panel shown only to staff allowed to see its content."""

    name = ""
    order = 100

    def __init__(
        self,
        request,
        *,
        now: datetime.datetime | None = None,
        today: datetime.date | None = None,
    ) -> None:
        self.request = request
        self.user = request.user
        self.now = now or timezone.now()
        self.today = today or timezone.localdate(self.now)

    @property
    def data(self) -> DashboardData:
        return DashboardData.for_request(self.request, today=self.today, now=self.now)

    def is_shown(self) -> bool:
        return True

    def render_html(self, parent_context: Mapping[str, Any] | None = None) -> str:
        if not self.is_shown():
            return ""
        context = self.get_context_data(parent_context)
        if context is None:
            return ""
        return get_template(self.template_name).render(context)


class ThisWeekPanel(DashboardPanel):
    """Everything due in the next seven days, late items first."""

    name = "reporting_this_week"
    template_name = "home/reporting/panels/this_week.html"
    order = 120

    def is_shown(self) -> bool:
        user = self.user
        return (
            access.can_see_events(user)
            or access.can_see_memoranda(user)
            or access.can_see_sessions(user)
            or access.can_see_submissions(user)
        )

    def get_context_data(self, parent_context=None) -> dict:
        return {
            "items": due_this_week(
                self.user, today=self.today, now=self.now, data=self.data
            ),
            "today": self.today,
            "horizon": self.today + datetime.timedelta(days=WEEK_DAYS - 1),
        }


class EventsPanel(DashboardPanel):
    """Visits, meetings, hearings and sessions of this month and the next."""

    name = "reporting_events"
    template_name = "home/reporting/panels/events.html"
    order = 130

    def is_shown(self) -> bool:
        return access.can_see_events(self.user) or access.can_see_sessions(self.user)

    def get_context_data(self, parent_context=None) -> dict:
        start, end = this_and_next_month(self.today)
        events = self.data.events
        for event in events:
            event.past = event.last_day < self.today
        return {"events": events, "start": start, "end": end, "today": self.today}


class VisibleMemorandaDeadlinesPanel(MemorandaDeadlinesPanel):
    """The memoranda app's deadlines panel, limited to memoranda the user may see.

    Its context is the memoranda panel's own; the reminders come from the
    request's dashboard data, which the "This week" panel shares.
    """

    def __init__(self, request, *, now: datetime.datetime | None = None) -> None:
        super().__init__(request)
        self.now = now or timezone.now()

    def get_context_data(self, parent_context=None) -> dict:
        today = timezone.localdate(self.now)
        data = DashboardData.for_request(self.request, today=today, now=self.now)
        user = self.request.user
        items = data.memoranda
        for item in items:
            item.mine = any(person.pk == user.pk for person in item.recipients)
        return {
            "today": today,
            "sections": grouped(items),
            "has_items": bool(items),
            "request": self.request,
        }


class SessionsPanel(DashboardPanel):
    """Sessions nearly full, with a waiting list, or whose attendance is unmarked."""

    name = "reporting_sessions"
    template_name = "home/reporting/panels/sessions.html"
    order = 160

    def is_shown(self) -> bool:
        return can_see_registrations(self.user)

    def get_context_data(self, parent_context=None) -> dict:
        alerts = self.data.sessions
        return {
            **alerts,
            "has_items": any(alerts.values()),
            "nearly_full_share": NEARLY_FULL,
            "overview_url": reverse("training_overview"),
        }


class SubmissionsPanel(DashboardPanel):
    """Public questions and comments waiting for moderation."""

    name = "reporting_submissions"
    template_name = "home/reporting/panels/submissions.html"
    order = 170

    def is_shown(self) -> bool:
        return access.can_see_submissions(self.user)

    def get_context_data(self, parent_context=None) -> dict:
        count, listed = self.data.submissions
        return {
            "count": count,
            "submissions": listed,
            "index_url": submissions_index_url(),
        }


class TranslationGapsPanel(DashboardPanel):
    """How much is translated, and the items that lack a translation."""

    name = "reporting_translation_gaps"
    template_name = "home/reporting/panels/translation_gaps.html"
    order = 180

    def get_context_data(self, parent_context=None) -> dict | None:
        rows = completeness.kept_gaps(user=self.user)
        if not rows:
            return None
        incomplete = [row for row in rows if not row.is_complete_everywhere]
        report_url = reverse("reporting_completeness")
        summary = completeness.summarise(rows)
        return {
            "total": len(rows),
            "overall": summary["overall"],
            "languages": [
                {
                    **language,
                    "missing": summary["overall"].total - language["complete"],
                    "url": f"{report_url}?incomplete_in={language['code']}",
                }
                for language in summary["overall"].languages
            ],
            "incomplete": completeness.with_edit_urls(
                self.user, incomplete[:GAPS_LISTED]
            ),
            "more": max(0, len(incomplete) - GAPS_LISTED),
            "report_url": report_url,
        }


def homepage_panels(request, panels: list) -> None:
    """Add the reporting panels; keep the memoranda panel only for its readers."""
    now = timezone.now()
    kept = [panel for panel in panels if not isinstance(panel, MemorandaDeadlinesPanel)]
    if access.can_see_memoranda(request.user):
        kept.append(VisibleMemorandaDeadlinesPanel(request, now=now))
    kept.extend(
        panel_class(request, now=now)
        for panel_class in (
            ThisWeekPanel,
            EventsPanel,
            SessionsPanel,
            SubmissionsPanel,
            TranslationGapsPanel,
        )
    )
    panels[:] = kept
