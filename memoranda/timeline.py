"""Published memoranda on partners' timelines (a source for cooperation.registry)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from cooperation.i18n import shown_language
from cooperation.registry import TimelineEntry

from .models import MemorandumPage


def memoranda_timeline(
    *, region=None, organisation=None, request=None
) -> list[TimelineEntry]:
    """Return the published memoranda a region or organisation is party to."""
    pages = MemorandumPage.objects.published()
    if organisation is not None:
        pages = pages.filter(parties__organisation=organisation)
    if region is not None:
        pages = pages.filter(parties__organisation__region=region)
    entries = []
    for page in pages.distinct():
        day = page.signed_on or (
            timezone.localdate(page.first_published_at)
            if page.first_published_at
            else None
        )
        if day is None:
            continue
        entries.append(
            TimelineEntry(
                date=day,
                kind="memorandum",
                kind_label=_("Memorandum"),
                title=page.title,
                language=shown_language(page, "title") or "",
                url=page.get_url(request=request) or "",
                status_label=page.status_label,
            )
        )
    return entries
