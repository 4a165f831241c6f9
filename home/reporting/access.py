"""Who may see what on the dashboard and in the reports."""

from django.db.models import Model, Q, QuerySet

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from cooperation.models import HearingPage, HearingSubmission, MeetingPage, VisitPage
from memoranda.models import MemorandumPage
from training.admin_views import can_see_registrations, managed_sessions
from training.models import TrainingSessionPage
from training.services import can_manage_session

EVENT_MODELS: tuple[type[Page], ...] = (VisitPage, MeetingPage, HearingPage)
EDIT_ACTIONS = frozenset({"change", "publish"})


def _perm(model: type[Model], action: str) -> str:
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def has_model_permission(user, model: type[Model]) -> bool:
    """Return whether the user may view or change every object of the model."""
    return user.is_active and (
        user.has_perm(_perm(model, "view")) or user.has_perm(_perm(model, "change"))
    )


def visible_pages(user, model: type[Page]) -> QuerySet:
    """Return the pages of a type the user may see in the admin.

    The model's view or change permission opens all of them; otherwise the page
    tree permissions of the user's groups open the pages below their roots.
    """
    if not user.is_active:
        return model.objects.none()
    if user.is_superuser or has_model_permission(user, model):
        return model.objects.all()
    return PagePermissionPolicy(model).instances_user_has_any_permission_for(
        user, EDIT_ACTIONS
    )


def can_see_pages(user, model: type[Page]) -> bool:
    return visible_pages(user, model).exists()


def can_edit_page(user, page: Page) -> bool:
    return page.permissions_for_user(user).can_edit()


def can_see_memoranda(user) -> bool:
    return can_see_pages(user, MemorandumPage)


def can_see_events(user) -> bool:
    return any(can_see_pages(user, model) for model in EVENT_MODELS)


def visible_sessions(user) -> QuerySet:
    """Return the sessions the user teaches, oversees or may edit."""
    if user.is_superuser:
        return TrainingSessionPage.objects.all()
    allowed = Q(pk__in=visible_pages(user, TrainingSessionPage).values("pk"))
    if can_see_registrations(user):
        allowed |= Q(pk__in=managed_sessions(user).values("pk"))
    return TrainingSessionPage.objects.filter(allowed)


def can_see_sessions(user) -> bool:
    return visible_sessions(user).exists()


def can_mark_attendance(user, session: TrainingSessionPage) -> bool:
    return can_manage_session(user, session)


def can_see_submissions(user) -> bool:
    return has_model_permission(user, HearingSubmission) or user.is_superuser


def can_moderate_submissions(user) -> bool:
    return user.is_superuser or user.has_perm(_perm(HearingSubmission, "change"))


def can_see_activity(user) -> bool:
    """Return whether the user works in one of the areas the activity report sums."""
    return user.is_active and (
        user.is_superuser
        or can_see_events(user)
        or can_see_memoranda(user)
        or can_see_sessions(user)
    )
