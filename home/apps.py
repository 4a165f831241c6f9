from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """Site home, news and site-wide helpers."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Site and news")

    def ready(self) -> None:
        from cooperation.registry import register_timeline_source

        from . import routing
        from .timeline import news_timeline

        register_timeline_source(news_timeline)
        # After wagtail-modeltranslation's ready(), which set its own route.
        routing.install()
