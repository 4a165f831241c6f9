"""Hooks through which higher apps feed the cooperation layer's timelines."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .models import Organisation, Region


@dataclass(frozen=True)
class TimelineEntry:
    """One public item on a partner's timeline."""

    date: datetime.date
    kind: str
    kind_label: str
    title: str
    url: str
    status_label: str = ""


TimelineSource = Callable[..., Iterable[TimelineEntry]]
_timeline_sources: list[TimelineSource] = []


def register_timeline_source(source: TimelineSource) -> TimelineSource:
    """Register `source(*, region, organisation, request)` returning public entries."""
    if source not in _timeline_sources:
        _timeline_sources.append(source)
    return source


def timeline_entries(
    *,
    region: Region | None = None,
    organisation: Organisation | None = None,
    request=None,
) -> list[TimelineEntry]:
    """Return every registered source's public entries, newest first."""
    entries: list[TimelineEntry] = []
    for source in _timeline_sources:
        entries.extend(
            source(region=region, organisation=organisation, request=request)
        )
    return sorted(entries, key=lambda entry: entry.date, reverse=True)
