from django.apps import AppConfig


class ConfigConfig(AppConfig):
    """Project-wide wiring: the anonymous page cache's invalidation."""

    name = "config"
    verbose_name = "Configuration"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from wagtail.signals import page_published, page_unpublished

        from .page_cache import invalidate, invalidate_for_row

        page_published.connect(invalidate, dispatch_uid="page_cache_published")
        page_unpublished.connect(invalidate, dispatch_uid="page_cache_unpublished")
        # Snippets, registrations (seats left), submissions, redirects: any saved
        # or deleted row may show on a public page.
        post_save.connect(invalidate_for_row, dispatch_uid="page_cache_saved")
        post_delete.connect(invalidate_for_row, dispatch_uid="page_cache_deleted")
