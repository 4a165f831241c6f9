"""Public training sessions on partners' timelines."""

from collections.abc import Iterable

from django.db.models import Q
from django.utils.translation import gettext as _

from cooperation.i18n import shown_language
from cooperation.registry import TimelineEntry

from .models import TrainingSessionPage


def training_timeline(
    *, region=None, organisation=None, request=None
) -> Iterable[TimelineEntry]:
    """Return public sessions held by, at or with a region or organisation."""
    sessions = TrainingSessionPage.objects.live().public()
    if organisation is not None:
        sessions = sessions.filter(
            Q(venue=organisation) | Q(trainers__organisation=organisation)
        )
    elif region is not None:
        sessions = sessions.filter(
            Q(venue__region=region) | Q(trainers__organisation__region=region)
        )
    else:
        return []
    entries = []
    for session in sessions.distinct().prefetch_related("slots"):
        day = session.first_day
        if day is None:
            continue
        status = (
            ""
            if session.status == session.Status.SCHEDULED
            else (session.get_status_display())
        )
        entries.append(
            TimelineEntry(
                date=day,
                kind="training",
                kind_label=_("Training session"),
                title=session.title,
                language=shown_language(session, "title") or "",
                url=session.get_url(request) or "",
                status_label=str(status),
            )
        )
    return entries
