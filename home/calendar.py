"""Everything with a date, from every app, as one filterable list of calendar items."""

import datetime
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperation.calendar import CalendarEvent
from cooperation.models import HearingPage, MeetingPage, VisitPage
from memoranda.models import MemorandumPage
from training.models import TrainingProgrammePage, TrainingSessionPage

KINDS = {
    "visit": _("Exchange visit"),
    "meeting": _("Meeting"),
    "hearing": _("Public hearing"),
    "session": _("Training session"),
    "memorandum": _("Memorandum milestone"),
}
FILTERS = ("kind", "region", "organisation", "area", "programme", "trainer", "language")
EVENT_PAGES = (("visit", VisitPage), ("meeting", MeetingPage), ("hearing", HearingPage))


@dataclass(frozen=True)
class CalendarItem:
    """A calendar event with what the public calendar filters it by."""

    kind: str
    event: CalendarEvent
    page_url: str
    facets: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @property
    def kind_label(self) -> str:
        return str(KINDS[self.kind])

    @property
    def start_day(self) -> datetime.date:
        start = self.event.start
        return start if not isinstance(start, datetime.datetime) else start.date()

    @property
    def last_day(self) -> datetime.date:
        end = self.event.end
        if isinstance(end, datetime.datetime):
            # An event ending at midnight does not occupy the next day.
            return (end - datetime.timedelta(microseconds=1)).date()
        return end - datetime.timedelta(days=1)

    def days(self) -> Iterator[datetime.date]:
        day = self.start_day
        while day <= max(self.start_day, self.last_day):
            yield day
            day += datetime.timedelta(days=1)

    def matches(self, filters: Mapping[str, str]) -> bool:
        for name, value in filters.items():
            if name == "kind":
                if value != self.kind:
                    return False
            elif value not in self.facets.get(name, frozenset()):
                return False
        return True


@dataclass(frozen=True)
class Scope:
    """Which unpublished items a private feed's owner may see."""

    everything: bool = False
    trainer_ids: frozenset[int] = frozenset()


PUBLIC = Scope()


def read_filters(params: Mapping[str, str]) -> dict[str, str]:
    """Return the known, non-empty filters of a query string."""
    filters = {}
    for name in FILTERS:
        value = (params.get(name) or "").strip()[:100]
        if value:
            filters[name] = value
    return filters


def _absolute(url: str, request) -> str:
    if request is not None and url.startswith("/"):
        return request.build_absolute_uri(url)
    return url


def _slugs(objects: Iterable) -> frozenset[str]:
    return frozenset(obj.slug for obj in objects if getattr(obj, "slug", None))


def _event_pages(scope: Scope, request) -> Iterator[CalendarItem]:
    for kind, model in EVENT_PAGES:
        pages = (
            model.objects.all() if scope.everything else model.objects.live().public()
        )
        pages = pages.prefetch_related(
            "host_regions",
            "guest_regions",
            "host_organisations",
            "guest_organisations",
            "areas",
        )
        for page in pages:
            event = page.calendar_event(request)
            yield CalendarItem(
                kind=kind,
                event=event,
                page_url=event.url,
                facets={
                    "region": _slugs(page.host_regions.all())
                    | _slugs(page.guest_regions.all()),
                    "organisation": _slugs(page.host_organisations.all())
                    | _slugs(page.guest_organisations.all()),
                    "area": _slugs(page.areas.all()),
                },
            )


def _sessions(scope: Scope, request) -> Iterator[CalendarItem]:
    sessions = TrainingSessionPage.objects.live().public()
    if scope.everything:
        sessions = TrainingSessionPage.objects.all()
    elif scope.trainer_ids:
        sessions = sessions | TrainingSessionPage.objects.filter(
            trainers__in=scope.trainer_ids
        )
    sessions = (
        sessions.distinct()
        .select_related("venue__region")
        .prefetch_related("trainers__person", "trainers__organisation", "slots")
    )
    programmes = {
        programme.path: programme
        for programme in TrainingProgrammePage.objects.prefetch_related(
            "areas", "organisers__region"
        )
    }
    for session in sessions:
        programme = programmes.get(session.path[: -session.steplen])
        if not session.slot_list():
            continue
        event = session.calendar_event(request)
        regions = {session.venue.region.slug} if session.venue_id else set()
        organisations = {session.venue.slug} if session.venue_id else set()
        areas: set[str] = set()
        programme_keys: set[str] = set()
        if programme is not None:
            areas |= _slugs(programme.areas.all())
            organisations |= _slugs(programme.organisers.all())
            regions |= {org.region.slug for org in programme.organisers.all()}
            programme_keys.add(programme.slug_ru or programme.slug)
        trainers = list(session.trainers.all())
        organisations |= {t.organisation.slug for t in trainers if t.organisation_id}
        yield CalendarItem(
            kind="session",
            event=event,
            page_url=event.url,
            facets={
                "region": frozenset(regions),
                "organisation": frozenset(organisations),
                "area": frozenset(areas),
                "programme": frozenset(programme_keys),
                "trainer": _slugs(trainers),
                "language": frozenset({session.language}),
            },
        )


def _memoranda(scope: Scope, request) -> Iterator[CalendarItem]:
    # Milestones of unpublished memoranda are confidential: no private feed shows
    # them either, because MemorandumPage.calendar_events refuses drafts.
    memoranda = (
        MemorandumPage.objects.live()
        .public()
        .prefetch_related("areas", "parties__organisation__region")
    )
    for memorandum in memoranda:
        organisations = [party.organisation for party in memorandum.parties.all()]
        facets = {
            "region": frozenset(org.region.slug for org in organisations),
            "organisation": _slugs(organisations),
            "area": _slugs(memorandum.areas.all()),
        }
        for event in memorandum.calendar_events(request):
            yield CalendarItem(
                kind="memorandum", event=event, page_url=event.url, facets=facets
            )


def collect(
    filters: Mapping[str, str] | None = None, *, request=None, scope: Scope = PUBLIC
) -> list[CalendarItem]:
    """Return the items the scope may see that match the filters, in time order."""
    filters = filters or {}
    kind = filters.get("kind")
    sources = []
    if kind in (None, "visit", "meeting", "hearing"):
        sources.append(_event_pages)
    if kind in (None, "session"):
        sources.append(_sessions)
    if kind in (None, "memorandum") and not {"programme", "trainer", "language"} & set(
        filters
    ):
        sources.append(_memoranda)
    items = [
        item
        for source in sources
        for item in source(scope, request)
        if item.matches(filters)
    ]
    return sorted(items, key=lambda item: (_instant(item.event.start), item.event.uid))


def _instant(moment: datetime.date | datetime.datetime) -> datetime.datetime:
    if isinstance(moment, datetime.datetime):
        return moment
    return datetime.datetime.combine(moment, datetime.time(), tzinfo=datetime.UTC)


def find(uid: str, *, request=None) -> CalendarItem | None:
    """Return the public item with this calendar UID."""
    for item in collect(request=request):
        if item.event.uid == uid:
            return item
    return None


def freshness(scope: Scope = PUBLIC) -> tuple[str, datetime.datetime]:
    """Return a cheap signature of everything a feed shows, and its last change."""
    parts: list[str] = []
    latest: datetime.datetime | None = None
    models = [model for _kind, model in EVENT_PAGES] + [
        TrainingSessionPage,
        MemorandumPage,
        TrainingProgrammePage,
    ]
    for model in models:
        pages = model.objects.all() if scope.everything else model.objects.live()
        summary = pages.aggregate(
            count=Count("pk"),
            published=Max("last_published_at"),
            revised=Max("latest_revision_created_at"),
        )
        parts.append(f"{model._meta.label}:{summary['count']}:{summary['published']}")
        if scope != PUBLIC:
            parts.append(str(summary["revised"]))
        for moment in (
            summary["published"],
            summary["revised"] if scope != PUBLIC else None,
        ):
            if moment and (latest is None or moment > latest):
                latest = moment
    parts.append(str(timezone.localdate()))
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]
    return digest, latest or datetime.datetime(2017, 1, 1, tzinfo=datetime.UTC)
