"""The cooperation app's own entries on partner timelines: visits, meetings, hearings."""

from collections.abc import Iterator

from django.db.models import Q

from .i18n import shown_language
from .models import (
    EventStatus,
    HearingPage,
    MeetingPage,
    Organisation,
    Region,
    VisitPage,
)
from .registry import TimelineEntry

MARKED = (EventStatus.CANCELLED, EventStatus.POSTPONED)


def partner_filter(
    *, region: Region | None = None, organisation: Organisation | None = None
) -> Q:
    """Return the events where the partner is on either side."""
    if organisation is not None:
        return (
            Q(host_organisations=organisation)
            | Q(guest_organisations=organisation)
            | Q(host_organisations__parent=organisation)
            | Q(guest_organisations__parent=organisation)
        )
    if region is not None:
        return (
            Q(host_regions=region)
            | Q(guest_regions=region)
            | Q(host_organisations__region=region)
            | Q(guest_organisations__region=region)
        )
    return Q(pk__in=[])


def event_entries(
    *,
    region: Region | None = None,
    organisation: Organisation | None = None,
    request=None,
) -> Iterator[TimelineEntry]:
    """Yield the public visits, meetings and hearings the partner took part in."""
    condition = partner_filter(region=region, organisation=organisation)
    for model in (VisitPage, MeetingPage, HearingPage):
        pages = model.objects.live().public().filter(condition).distinct()
        for page in pages.order_by("-start_date", "-pk"):
            yield TimelineEntry(
                date=page.start_date,
                kind=model.event_kind,
                kind_label=str(model.event_kind_label),
                title=page.title,
                language=shown_language(page, "title") or "",
                url=page.get_url(request) or "",
                status_label=(
                    str(page.get_status_display()) if page.status in MARKED else ""
                ),
            )
