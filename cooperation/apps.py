from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    """Regions, partners, people and cooperation events."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "cooperation"
    verbose_name = _("Cooperation")

    def ready(self) -> None:
        from .registry import register_timeline_source
        from .timeline import event_entries

        register_timeline_source(event_entries)
