from django.apps import AppConfig


class ConfigConfig(AppConfig):
    """Project-wide wiring: page cache invalidation, rich text cleaned on save."""

    name = "config"
    verbose_name = "Configuration"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save, pre_save

        from wagtail.signals import page_published, page_unpublished

        from .page_cache import invalidate, invalidate_for_row
        from .rich_text import clean_rich_text_on_save

        page_published.connect(invalidate, dispatch_uid="page_cache_published")
        page_unpublished.connect(invalidate, dispatch_uid="page_cache_unpublished")
        # Snippets, registrations (seats left), submissions, redirects: any saved
        # or deleted row may show on a public page.
        post_save.connect(invalidate_for_row, dispatch_uid="page_cache_saved")
        post_delete.connect(invalidate_for_row, dispatch_uid="page_cache_deleted")
        pre_save.connect(clean_rich_text_on_save, dispatch_uid="rich_text_cleaned")
