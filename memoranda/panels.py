"""The read-only lifecycle panel on a memorandum's edit form."""

from django.urls import reverse
from django.utils import timezone

from wagtail.admin.panels import Panel


class LifecyclePanel(Panel):
    """Show the status, computed dates and history; link to “Change status”."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "memoranda/admin/lifecycle_panel.html"

        def get_context_data(self, parent_context=None):
            from . import terms
            from .services import allowed_next_statuses
            from .views import may_change_status

            context = super().get_context_data(parent_context)
            page = self.instance
            today = timezone.localdate()
            context.update(
                memorandum=page,
                today=today,
                status_label=page.get_status_display(),
                next_statuses=allowed_next_statuses(page.status),
                first_expiry=terms.first_expiry(page),
                next_expiry=terms.next_expiry(page, today=today),
                notice_deadline=terms.notice_deadline(page, today=today),
                transitions=(
                    list(page.transitions.select_related("user")) if page.pk else []
                ),
                # Approvers reviewing the memorandum see the status, not the link.
                transition_url=(
                    reverse("memoranda_transition", args=[page.pk])
                    if page.pk and may_change_status(self.request.user, page)
                    else ""
                ),
            )
            return context
