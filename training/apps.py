from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    """Joint training programmes, sessions and registrations."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "training"
    verbose_name = _("Joint training")
