"""The Wagtail dashboard panel listing the deadlines coming up."""

from django.utils import timezone

from wagtail.admin.ui.components import Component

from .reminders import collect_reminders, grouped


class MemorandaDeadlinesPanel(Component):
    """Memoranda expiring, notice deadlines and commitments due: the reminders' lists."""

    name = "memoranda_deadlines"
    template_name = "memoranda/admin/dashboard_panel.html"
    order = 150

    def __init__(self, request) -> None:
        self.request = request

    def get_context_data(self, parent_context=None) -> dict:
        today = timezone.localdate()
        items = collect_reminders(today=today)
        user = self.request.user
        for item in items:
            item.mine = any(person.pk == user.pk for person in item.recipients)
        return {
            "today": today,
            "sections": grouped(items),
            "has_items": bool(items),
            "request": self.request,
        }
