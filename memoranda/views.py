"""Admin view through which staff change a memorandum's status."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .forms import TransitionForm
from .models import MemorandumPage
from .services import MemorandumError, allowed_next_statuses, transition_memorandum


def may_change_status(user, page) -> bool:
    """Return whether a user may change a memorandum's status.

    Editors' rights, not a reviewer's: approvers open a memorandum in moderation
    in the editor, but its lifecycle belongs to those who edit memoranda.
    """
    tester = page.permissions_for_user(user)
    if not tester.can_edit():
        return False
    if user.is_superuser:
        return True
    rights = tester.permissions
    return "change" in rights or ("add" in rights and page.owner_id == user.pk)


def transition(request, page_id: int):
    """Offer the allowed next statuses and record the one staff pick."""
    page = get_object_or_404(MemorandumPage, pk=page_id)
    if not may_change_status(request.user, page):
        raise PermissionDenied
    choices = allowed_next_statuses(page.status)
    form = TransitionForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            transition_memorandum(
                memorandum=page,
                to_status=form.cleaned_data["to_status"],
                user=request.user,
                comment=form.cleaned_data["comment"],
                on=form.cleaned_data["on"],
            )
        except MemorandumError as error:
            field = error.field if error.field in form.fields else None
            form.add_error(field, str(error))
        else:
            messages.success(
                request,
                _("“%(title)s” is now: %(status)s.")
                % {
                    "title": page.get_admin_display_title(),
                    "status": page.status_label,
                },
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return TemplateResponse(
        request,
        "memoranda/admin/transition.html",
        {
            "page": page,
            "form": form,
            "choices": choices,
            "transitions": page.transitions.select_related("user"),
            "edit_url": edit_url,
            "page_title": _("Change status"),
            "page_subtitle": page.get_admin_display_title(),
            "header_icon": "history",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": edit_url, "label": page.get_admin_display_title()},
                {"url": "", "label": _("Change status")},
            ],
        },
    )
