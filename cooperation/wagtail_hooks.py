"""Admin registration: reference data snippets, delegations and hearing moderation."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from . import services
from .choosers import TranslatedSnippetViewSet
from .models import (
    CooperationArea,
    DelegationMember,
    HearingSubmission,
    Organisation,
    Person,
    Region,
    VisitInternalNote,
    VisitPage,
)
from .permissions import pages_visible_to


class RegionViewSet(TranslatedSnippetViewSet):
    model = Region
    choose_one_text = _("Choose a region")
    choose_another_text = _("Choose another region")
    edit_item_text = _("Edit this region")
    icon = "site"
    list_display = ["name", "country", "time_zone", "is_home_region"]
    search_fields = ["name_ru", "name_az", "name_en"]


class OrganisationViewSet(TranslatedSnippetViewSet):
    model = Organisation
    choose_one_text = _("Choose an organisation")
    choose_another_text = _("Choose another organisation")
    edit_item_text = _("Edit this organisation")
    icon = "group"
    list_display = ["short_name", "kind", "region"]
    list_filter = ["kind", "region"]
    search_fields = ["short_name_ru", "short_name_az", "short_name_en"]


class PersonViewSet(TranslatedSnippetViewSet):
    model = Person
    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")
    edit_item_text = _("Edit this person")
    icon = "user"
    list_display = ["full_name", "position", "organisation"]
    search_fields = ["full_name_ru", "full_name_az", "full_name_en"]


class CooperationAreaViewSet(TranslatedSnippetViewSet):
    model = CooperationArea
    choose_one_text = _("Choose a cooperation area")
    choose_another_text = _("Choose another cooperation area")
    edit_item_text = _("Edit this cooperation area")
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]


class ReferenceDataGroup(SnippetViewSetGroup):
    menu_label = _("Reference data")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (RegionViewSet, OrganisationViewSet, PersonViewSet, CooperationAreaViewSet)


register_snippet(ReferenceDataGroup)


class VisitPrefilledCreateView(generic.CreateView):
    """Start a new record for the visit named in `?visit=`."""

    def get_initial(self):
        initial = super().get_initial()
        visit = self.request.GET.get("visit", "")
        if visit.isdigit():
            initial["visit"] = int(visit)
        return initial


class InternalNoteCreateView(VisitPrefilledCreateView):
    def get_initial_form_instance(self):
        return VisitInternalNote(author=self.request.user)


class DelegationMemberViewSet(ModelViewSet):
    model = DelegationMember
    name = "delegation_members"
    icon = "group"
    menu_label = _("Delegation members")
    add_view_class = VisitPrefilledCreateView
    add_to_reference_index = False
    copy_view_enabled = False
    list_display = ["display_name", "role", "visit", "visa_status", "arrival_at"]
    list_filter = ["visit", "visa_status", "passport_status"]
    search_fields = ["name", "role"]
    list_export = [
        "display_name",
        "role",
        "visit",
        "passport_status",
        "visa_status",
        "arrival_at",
        "arrival_details",
        "departure_at",
        "departure_details",
        "accommodation",
        "interpreter_needs",
        "dietary_needs",
    ]


class VisitInternalNoteViewSet(ModelViewSet):
    model = VisitInternalNote
    name = "visit_notes"
    icon = "doc-full"
    menu_label = _("Internal notes")
    add_view_class = InternalNoteCreateView
    add_to_reference_index = False
    copy_view_enabled = False
    list_display = ["__str__", "visit", "author", "created_at"]
    list_filter = ["visit"]
    search_fields = ["text"]


class DelegationsGroup(ModelViewSetGroup):
    menu_label = _("Delegations")
    menu_icon = "group"
    menu_order = 310
    items = (DelegationMemberViewSet, VisitInternalNoteViewSet)


class ModerationPolicy(ModelPermissionPolicy):
    """Submissions come only from the public form; staff moderate, never add."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(
            user, [action for action in actions if action != "add"]
        )


register_permission_policy(HearingSubmission, ModerationPolicy(HearingSubmission))


class ModerateSubmissionView(generic.EditView):
    """Save a moderation decision through the service."""

    def save_instance(self):
        return services.moderate_submission(
            submission=self.form.instance,
            status=self.form.cleaned_data["status"],
            user=self.request.user,
        )


class HearingSubmissionViewSet(ModelViewSet):
    model = HearingSubmission
    name = "hearing_submissions"
    icon = "comment"
    menu_label = _("Hearing questions")
    menu_order = 320
    add_to_admin_menu = True
    edit_view_class = ModerateSubmissionView
    add_to_reference_index = False
    copy_view_enabled = False
    list_display = ["name", "text", "hearing", "status", "submitted_at"]
    list_filter = ["status", "hearing"]
    search_fields = ["name", "text"]


@hooks.register("register_admin_viewset")
def register_delegations():
    return DelegationsGroup()


@hooks.register("register_admin_viewset")
def register_hearing_submissions():
    return HearingSubmissionViewSet()


@hooks.register("register_page_header_buttons")
def delegation_button(page, user, view_name, next_url=None):
    """Link a visit's admin pages to its delegation and internal notes."""
    if not page.pk or not issubclass(page.specific_class or type(page), VisitPage):
        return
    if user.has_perm("cooperation.view_delegationmember") or user.has_perm(
        "cooperation.change_delegationmember"
    ):
        yield Button(
            _("Delegation and logistics"),
            reverse("delegation_members:index") + f"?visit={page.pk}",
            icon_name="group",
            priority=90,
        )
    if user.has_perm("cooperation.change_visitinternalnote"):
        yield Button(
            _("Internal notes"),
            reverse("visit_notes:index") + f"?visit={page.pk}",
            icon_name="doc-full",
            priority=91,
        )


@hooks.register("register_admin_urls")
def register_calendar_import_url():
    from django.urls import path

    from .import_views import import_calendar_view

    return [
        path(
            "cooperation/import-calendar/",
            import_calendar_view,
            name="cooperation_import_calendar",
        )
    ]


class CalendarImportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        from .import_views import importable_indexes

        return importable_indexes(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_calendar_import_menu_item():
    return CalendarImportMenuItem(
        _("Import a calendar"),
        reverse("cooperation_import_calendar"),
        icon_name="download",
        order=450,
    )


@hooks.register("construct_page_chooser_queryset")
def hide_unseen_pages_in_chooser(pages, request):
    """Keep drafts and restricted pages out of the chooser of those who cannot edit them."""
    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=pages_visible_to(request.user).values("pk"))


@hooks.register("construct_reports_menu")
def hide_page_types_report(request, menu_items):
    # The report names the last edited page of every type, drafts included;
    # AdminPageGuardMiddleware refuses it to everyone but superusers.
    if request.user.is_superuser:
        return
    page_types_url = reverse("wagtailadmin_reports:page_types_usage")
    menu_items[:] = [item for item in menu_items if item.url != page_types_url]


@hooks.register("before_serve_document")
def restricted_documents_are_private(document, request):
    """Let no shared cache keep a document of a restricted collection."""
    if document.collection.get_view_restrictions().exists():
        # Read by config.middleware.PrivateResponseMiddleware.
        request.private_response = True
