from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    """Joint training programmes, sessions and registrations."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "training"
    verbose_name = _("Joint training")

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy
        from wagtail.signals import page_published

        from cooperation.registry import register_timeline_source

        from . import signals
        from .models import Registration
        from .permissions import RegistrationPermissionPolicy
        from .timeline import training_timeline

        register_timeline_source(training_timeline)
        register_permission_policy(
            Registration, RegistrationPermissionPolicy(Registration)
        )
        page_published.connect(
            signals.session_published, dispatch_uid="training_session_published"
        )
