from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MemorandaConfig(AppConfig):
    """Memoranda of cooperation and their commitments."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "memoranda"
    verbose_name = _("Memoranda")

    def ready(self) -> None:
        from cooperation.registry import register_timeline_source

        from . import signals  # noqa: F401
        from .timeline import memoranda_timeline

        register_timeline_source(memoranda_timeline)
