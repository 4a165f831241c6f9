"""Keep documents private whenever a memorandum stops or starts being public."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from .models import MemorandumPage
from .services import sync_document_privacy


@receiver(page_published, sender=MemorandumPage)
@receiver(page_unpublished, sender=MemorandumPage)
def memorandum_visibility_changed(sender, instance, **kwargs) -> None:
    sync_document_privacy(memorandum=instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def page_privacy_changed(sender, instance, **kwargs) -> None:
    page = instance.page
    if page is None:
        return
    for memorandum in MemorandumPage.objects.descendant_of(page, inclusive=True):
        sync_document_privacy(memorandum=memorandum)
