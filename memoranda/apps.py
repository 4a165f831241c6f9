from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MemorandaConfig(AppConfig):
    """Memoranda of cooperation and their commitments."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "memoranda"
    verbose_name = _("Memoranda")
