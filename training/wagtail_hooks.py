"""Admin registration of the training app: trainers, registrations, reports."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import DeleteView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

import django_filters

from cooperation.choosers import TranslatedSnippetViewSet

from . import admin_views
from .models import (
    Registration,
    Trainer,
    TrainingProgrammePage,
    TrainingSessionPage,
)
from .services import cancel_registration


class TrainerViewSet(TranslatedSnippetViewSet):
    model = Trainer
    choose_one_text = _("Choose a trainer")
    choose_another_text = _("Choose another trainer")
    edit_item_text = _("Edit this trainer")
    icon = "user"
    menu_label = _("Trainers")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["display_name", "organisation", "slug", "user"]
    search_fields = ["slug"]


def _managed_sessions(request):
    if request is None:
        return TrainingSessionPage.objects.none()
    return admin_views.managed_sessions(request.user)


class RegistrationFilterSet(WagtailFilterSet):
    """Filters of the registrations; the session filter offers only one's own."""

    session = django_filters.ModelChoiceFilter(
        label=Registration._meta.get_field("session").verbose_name,
        queryset=_managed_sessions,
    )

    class Meta:
        model = Registration
        fields = ["session", "status", "attended"]


class RegistrationIndexView(IndexView):
    def get_base_queryset(self):
        return (
            Registration.objects.visible_to(self.request.user)
            .select_related("session")
            .with_waitlist_places()
        )


class VisibleRegistrationMixin:
    """Refuse a registration of a session the user does not teach or oversee."""

    def get_object(self, *args, **kwargs):
        registration = super().get_object(*args, **kwargs)
        visible = Registration.objects.visible_to(self.request.user)
        if not visible.filter(pk=registration.pk).exists():
            raise PermissionDenied
        return registration


class RegistrationEditView(VisibleRegistrationMixin, EditView):
    pass


class RegistrationInspectView(VisibleRegistrationMixin, InspectView):
    pass


class RegistrationHistoryView(VisibleRegistrationMixin, HistoryView):
    pass


class RegistrationUsageView(VisibleRegistrationMixin, UsageView):
    pass


class RegistrationDeleteView(VisibleRegistrationMixin, DeleteView):
    def delete_action(self):
        # Deleting a confirmed registration frees a seat: the waiting list moves up.
        if self.object.status != Registration.Status.CANCELLED:
            cancel_registration(registration=self.object, now=timezone.now())
        super().delete_action()


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "form"
    menu_label = _("Registrations")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = RegistrationIndexView
    edit_view_class = RegistrationEditView
    inspect_view_class = RegistrationInspectView
    delete_view_class = RegistrationDeleteView
    history_view_class = RegistrationHistoryView
    usage_view_class = RegistrationUsageView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "name",
        "email",
        "session",
        "status",
        "waitlist_position",
        "attendance_label",
        "created_at",
    ]
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation"]
    form_fields = ["name", "email", "organisation", "phone", "language", "attended"]
    inspect_view_fields = [
        "session",
        "name",
        "email",
        "organisation",
        "phone",
        "language",
        "status",
        "created_at",
        "promoted_at",
        "cancelled_at",
        "attended",
        "reminder_sent_at",
    ]


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("training_registration")


register_snippet(TrainerViewSet)


class OverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_see_registrations(request.user)


@hooks.register("register_admin_menu_item")
def register_overview_menu_item():
    return OverviewMenuItem(
        _("Training overview"),
        reverse("training_overview"),
        icon_name="calendar",
        order=255,
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "training/overview/",
            admin_views.SessionOverviewView.as_view(),
            name="training_overview",
        ),
        path(
            "training/sessions/<int:pk>/attendance/",
            admin_views.AttendanceView.as_view(),
            name="training_attendance",
        ),
        path(
            "training/sessions/<int:pk>/participants.csv",
            admin_views.participants_csv,
            name="training_participants_csv",
        ),
    ]


@hooks.register("before_create_page")
def only_staff_create_programmes(request, parent_page, page_class):
    """Trainers add sessions; programmes are for those who may edit the index."""
    if issubclass(page_class, TrainingProgrammePage) and not (
        parent_page.permissions_for_user(request.user).can_edit()
    ):
        messages.error(
            request,
            _("Only the international department creates training programmes."),
        )
        return redirect("wagtailadmin_explore", parent_page.pk)
    return None


@hooks.register("register_log_actions")
def register_registration_actions(actions):
    actions.register_action(
        "training.registration.create",
        _("Register for a session"),
        _("Registered through the public form"),
    )
    actions.register_action(
        "training.registration.promote",
        _("Move up from the waiting list"),
        _("Moved up from the waiting list"),
    )
    actions.register_action(
        "training.registration.cancel",
        _("Cancel a registration"),
        _("Registration cancelled"),
    )

    @actions.register_action("training.registration.attendance")
    class Attendance(LogFormatter):
        label = _("Record attendance")

        def format_message(self, log_entry):
            attended = (log_entry.data or {}).get("attended")
            if attended is None:
                return _("Attendance cleared")
            return _("Marked as attended") if attended else _("Marked as absent")
