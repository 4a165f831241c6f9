"""Admin views for staff and trainers: fill rates, attendance, CSV export."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import Registration, TrainingSessionPage
from .permissions import is_trainer
from .services import TrainingError, can_manage_session, record_attendance

# A spreadsheet would run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def can_see_registrations(user) -> bool:
    """Return whether the user sees some registrations: staff or a trainer."""
    return bool(
        user.is_superuser
        or user.has_perm("training.view_all_registrations")
        or user.has_perm("training.view_registration")
        or is_trainer(user)
    )


def managed_sessions(user):
    """Return the sessions whose participants the user may see."""
    sessions = TrainingSessionPage.objects.all()
    if user.is_superuser or user.has_perm("training.view_all_registrations"):
        return sessions
    return sessions.filter(Q(trainers__user=user) | Q(owner=user)).distinct()


def session_rows(user, now=None) -> list[dict]:
    """Return fill rate and waiting list of each session the user may see."""
    now = now or timezone.now()
    rows = []
    for session in managed_sessions(user).prefetch_related("slots"):
        confirmed = session.confirmed_count()
        rows.append(
            {
                "session": session,
                "starts_at": session.starts_at,
                "upcoming": session.is_upcoming(now),
                "confirmed": confirmed,
                "waitlisted": session.waitlist_count(),
                "capacity": session.capacity,
                "fill": round(100 * confirmed / session.capacity)
                if session.capacity
                else 0,
                "attendance_url": reverse("training_attendance", args=[session.pk]),
                "csv_url": reverse("training_participants_csv", args=[session.pk]),
                "registrations_url": reverse("training_registration:index")
                + f"?session={session.pk}",
            }
        )
    upcoming = sorted(
        (row for row in rows if row["upcoming"]), key=lambda row: row["starts_at"]
    )
    past = sorted(
        (row for row in rows if not row["upcoming"] and row["starts_at"]),
        key=lambda row: row["starts_at"],
        reverse=True,
    )
    return upcoming + past


class SessionOverviewView(WagtailAdminTemplateMixin, TemplateView):
    """Fill rates and waiting lists of the sessions the user may see."""

    template_name = "training/admin/overview.html"
    header_icon = "calendar"

    def get_page_title(self):
        return _("Training sessions: fill rates and waiting lists")

    def dispatch(self, request, *args, **kwargs):
        if not can_see_registrations(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = session_rows(self.request.user)
        return context


def _managed_session(request: HttpRequest, pk: int) -> TrainingSessionPage:
    session = get_object_or_404(TrainingSessionPage, pk=pk)
    if not can_manage_session(request.user, session):
        raise PermissionDenied
    return session


class AttendanceView(WagtailAdminTemplateMixin, TemplateView):
    """Mark who attended a session and who did not come, once it has started."""

    template_name = "training/admin/attendance.html"
    header_icon = "tasks"
    choices = {"yes": True, "no": False, "": None}

    def get_page_title(self):
        return _("Attendance")

    def get_page_subtitle(self):
        return self.session.title

    def dispatch(self, request, *args, pk: int, **kwargs):
        self.session = _managed_session(request, pk)
        return super().dispatch(request, *args, **kwargs)

    def registrations(self):
        return self.session.registrations.confirmed().order_by("name", "pk")

    def post(self, request, *args, **kwargs):
        marks = {
            registration.pk: self.choices.get(
                request.POST.get(f"attended-{registration.pk}", "")
            )
            for registration in self.registrations()
        }
        try:
            changed = record_attendance(
                session=self.session, marks=marks, now=timezone.now()
            )
        except TrainingError as error:
            messages.error(request, str(error))
            return self.get(request, *args, **kwargs)
        messages.success(
            request, _("Attendance saved: %(count)d changed.") % {"count": changed}
        )
        return redirect("training_attendance", self.session.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            session=self.session,
            registrations=self.registrations(),
            started=self.session.has_started(timezone.now()),
            csv_url=reverse("training_participants_csv", args=[self.session.pk]),
            overview_url=reverse("training_overview"),
        )
        return context


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def participants_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """Download the session's participants and attendance as CSV (UTF-8 with BOM)."""
    session = _managed_session(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    day = session.first_day.isoformat() if session.first_day else "undated"
    response["Content-Disposition"] = (
        f'attachment; filename="participants-{session.pk}-{day}.csv"'
    )
    # Excel reads UTF-8 (Cyrillic, ə ğ ı) correctly only after a byte order mark.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Name"),
            _("E-mail"),
            _("Organisation"),
            _("Phone"),
            _("Language"),
            _("Status"),
            _("Place on the waiting list"),
            _("Registered"),
            _("Attendance"),
        ]
    )
    registrations = session.registrations.exclude(
        status=Registration.Status.CANCELLED
    ).order_by("status", "created_at", "pk")
    for registration in registrations:
        writer.writerow(
            [
                _cell(registration.name),
                _cell(registration.email),
                _cell(registration.organisation),
                _cell(registration.phone),
                registration.get_language_display(),
                registration.get_status_display(),
                registration.waitlist_position() or "",
                timezone.localtime(registration.created_at).strftime("%d.%m.%Y %H:%M"),
                registration.attendance_label(),
            ]
        )
    return response
