"""Hooks through which higher apps feed the cooperation layer's timelines."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
    # The language of `title`: another one than the reader's when it falls back.
    language: str = ""


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


# Columns of the counts table: the usual kinds in a fixed order, others after them.
KIND_ORDER = ("memorandum", "visit", "meeting", "hearing", "training", "news")


def kind_order(entry: TimelineEntry) -> tuple[int, str]:
    """Sort key that puts an entry's kind in its column order."""
    if entry.kind in KIND_ORDER:
        return (KIND_ORDER.index(entry.kind), entry.kind)
    return (len(KIND_ORDER), entry.kind)


def group_by_year(entries: Iterable[TimelineEntry]) -> list[dict]:
    """Return the entries (already newest first) grouped by year."""
    years: list[dict] = []
    for entry in entries:
        if not years or years[-1]["year"] != entry.date.year:
            years.append({"year": entry.date.year, "entries": []})
        years[-1]["entries"].append(entry)
    return years


def counts_by_year(entries: Iterable[TimelineEntry]) -> dict:
    """Return how many entries of each kind every year has, newest year first."""
    entries = list(entries)
    kinds: dict[str, str] = {}
    for entry in sorted(entries, key=kind_order):
        kinds.setdefault(entry.kind, entry.kind_label)
    table: dict[int, dict[str, int]] = {}
    for entry in entries:
        row = table.setdefault(entry.date.year, {})
        row[entry.kind] = row.get(entry.kind, 0) + 1
    rows = [
        {
            "year": year,
            "counts": [table[year].get(kind, 0) for kind in kinds],
            "total": sum(table[year].values()),
        }
        for year in sorted(table, reverse=True)
    ]
    return {
        "kinds": [{"kind": kind, "label": label} for kind, label in kinds.items()],
        "rows": rows,
        "totals": [sum(1 for e in entries if e.kind == kind) for kind in kinds],
        "total": len(entries),
    }
