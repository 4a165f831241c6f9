"""Everything with a date, from every app, as one filterable list of calendar items."""

import datetime
import gc
import hashlib
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from types import SimpleNamespace
from urllib.parse import quote

from django.db.models import Count, Max, Min, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import gettext_lazy as _

from modelcluster.utils import sort_by_fields

from cooperation.calendar import CalendarEvent
from cooperation.i18n import shown_language
from cooperation.models import HearingPage, MeetingPage, Organisation, VisitPage
from memoranda.models import MemorandumPage, MemorandumParty
from memoranda.terms import ENDED_STATUSES
from training.models import SessionSlot, TrainingProgrammePage, TrainingSessionPage

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
    # The summary and the location as (text, language) parts, for collect(marked=True):
    # a field empty in the reader's language shows another language's text, which a
    # page marks with its `lang`.
    summary_parts: tuple[tuple[str, str], ...] = ()
    location_parts: tuple[tuple[str, str], ...] = ()

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


def text_language(obj: object, *fields: str) -> str:
    """Return the language of the first of `fields` with a value the reader sees."""
    for name in fields:
        code = shown_language(obj, name)
        if code:
            return code
    return translation.get_language() or ""


def _titled(summary: str, title: str, language: str) -> tuple[tuple[str, str], ...]:
    """Split a summary around the page title it contains, marking the title."""
    at = summary.rfind(title) if title else -1
    if at < 0:
        return ((summary, language),)
    ours = translation.get_language() or ""
    parts = (
        (summary[:at], ours),
        (title, language),
        (summary[at + len(title) :], ours),
    )
    return tuple(part for part in parts if part[0])


def _slugs(objects: Iterable) -> frozenset[str]:
    return frozenset(obj.slug for obj in objects if getattr(obj, "slug", None))


def _preload(
    query: QuerySet, pages: list, names: Iterable[str], **select: tuple[str, ...]
) -> None:
    """Keep the related objects of `pages` (read by `query`) on them in memory.

    One query per relation whatever the number of pages: a prefetch would also
    build a manager and a queryset per page and relation, which for a feed of
    thousands of events costs more than icalendar itself. modelcluster reads
    objects kept in `_cluster_related_objects` as the page's relation, so
    `page.areas.all()` in `calendar_event()` costs no query. The related models
    are small reference tables (regions, areas, trainers), read whole; `select`
    names their select_related().
    """
    by_pk = {page.pk: page for page in pages}
    ids = query.order_by().values("pk")
    for page in pages:
        page._cluster_related_objects = getattr(page, "_cluster_related_objects", {})
    for name in names:
        field = query.model._meta.get_field(name)
        target = field.related_model
        grouped: dict[int, list] = {pk: [] for pk in by_pk}
        if field.many_to_many:
            through = field.remote_field.through
            source = f"{field.m2m_field_name()}_id"
            target_id = f"{field.m2m_reverse_field_name()}_id"
            objects = _reference(target, select.get(name, ()))
            for page_pk, pk in through.objects.filter(
                **{f"{source}__in": ids}
            ).values_list(source, target_id):
                if page_pk in grouped:
                    grouped[page_pk].append(objects[pk])
        else:
            # A ParentalKey's child objects, e.g. a session's slots.
            remote = field.field.attname
            for child in target._default_manager.filter(**{f"{remote}__in": ids}):
                if getattr(child, remote) in grouped:
                    grouped[getattr(child, remote)].append(child)
        for page_pk, related in grouped.items():
            if target._meta.ordering and len(related) > 1:
                sort_by_fields(related, target._meta.ordering)
            by_pk[page_pk]._cluster_related_objects[name] = related


# What Wagtail's serve URL accepts; anything else is left to Wagtail.
SERVE_PATH = re.compile(r"(?:[\w\-]+/)*")


def _quick_urls(pages: list, request) -> None:
    """Give pages of a feed their Wagtail URL without a reverse() per page.

    A feed asks thousands of pages for their URL, and Wagtail reverses the
    serve view for each: a seventh of the time a feed takes to read. The serve
    URL of a page is the URL of the site root plus its own path, quoted as
    reverse() quotes it, so the root is reversed once. A page whose path the
    serve view would not accept, or which belongs to several sites, keeps
    Wagtail's own method.
    """
    if not pages:
        return
    root = reverse("wagtail_serve", args=("",))
    # Wagtail keeps the site roots on the request, or else on each page.
    holder = request if request is not None else SimpleNamespace()
    roots = pages[0]._get_site_root_paths(holder)
    for page in pages:
        # A translated field: read once.
        url_path = page.url_path
        possible = [root for root in roots if url_path.startswith(root.root_path)]
        if len(possible) != 1:
            continue
        site_id, root_path, root_url, _language = possible[0]
        path = url_path[len(root_path) :]
        if not SERVE_PATH.fullmatch(path):
            continue
        parts = (site_id, root_url, root + quote(path, safe=RFC3986_SUBDELIMS + "/~:@"))
        page.get_url_parts = lambda request=None, parts=parts: parts


_references: ContextVar[dict | None] = ContextVar("calendar_references", default=None)


def _reference(model, select: tuple[str, ...] = ()) -> dict:
    """Return a small reference table (regions, areas, trainers) by pk.

    Read once per collect(), however many relations and sources point to it.
    """
    known = _references.get()
    if known is None:
        known = {}
    key = (model, select)
    if key not in known:
        known[key] = {
            obj.pk: obj for obj in model._default_manager.select_related(*select)
        }
    return known[key]


def _loaded(page, name: str) -> list:
    """Return the related objects `_preload` kept for a page."""
    return page._cluster_related_objects[name]


@dataclass(frozen=True)
class Window:
    """The days a view shows: sources read only items that may fall on them."""

    first: datetime.date
    last: datetime.date


def _event_pages(
    scope: Scope,
    request,
    window: Window | None,
    uid: uuid.UUID | None,
    marked: bool = False,
) -> Iterator[CalendarItem]:
    for kind, model in EVENT_PAGES:
        pages = (
            model.objects.all() if scope.everything else model.objects.live().public()
        )
        if window is not None:
            # Dates are wall dates in the event's own zone, like the item's days.
            pages = pages.filter(
                start_date__lte=window.last, end_date__gte=window.first
            )
        if uid is not None:
            pages = pages.filter(uid=uid)
        query, pages = pages, list(pages)
        _quick_urls(pages, request)
        _preload(
            query,
            pages,
            [
                "host_regions",
                "guest_regions",
                "host_organisations",
                "guest_organisations",
                "areas",
            ],
        )
        for page in pages:
            event = page.calendar_event(request)
            yield CalendarItem(
                kind=kind,
                event=event,
                page_url=event.url,
                summary_parts=(
                    ((event.summary, text_language(page, "title")),) if marked else ()
                ),
                location_parts=(
                    ((event.location, text_language(page, "location")),)
                    if marked and event.location
                    else ()
                ),
                facets={
                    "region": _slugs(_loaded(page, "host_regions"))
                    | _slugs(_loaded(page, "guest_regions")),
                    "organisation": _slugs(_loaded(page, "host_organisations"))
                    | _slugs(_loaded(page, "guest_organisations")),
                    "area": _slugs(_loaded(page, "areas")),
                },
            )


def _sessions(
    scope: Scope,
    request,
    window: Window | None,
    uid: uuid.UUID | None,
    marked: bool = False,
) -> Iterator[CalendarItem]:
    sessions = TrainingSessionPage.objects.live().public()
    if scope.everything:
        sessions = TrainingSessionPage.objects.all()
    elif scope.trainer_ids:
        sessions = sessions | TrainingSessionPage.objects.filter(
            trainers__in=scope.trainer_ids
        )
    if window is not None:
        # A session is shown on the day of its first slot (the others are RDATEs).
        sessions = sessions.filter(
            pk__in=SessionSlot.objects.values("session")
            .annotate(first_day=Min("date"))
            .filter(first_day__range=(window.first, window.last))
            .values("session")
        )
    if uid is not None:
        sessions = sessions.filter(uid=uid)
    query = sessions.distinct()
    sessions = list(query)
    _quick_urls(sessions, request)
    _preload(
        query, sessions, ["trainers", "slots"], trainers=("person", "organisation")
    )
    # A few venues host thousands of sessions: share one object per venue.
    venues = _reference(Organisation, ("region",))
    for session in sessions:
        if session.venue_id:
            session.venue = venues[session.venue_id]
    loaded = list(TrainingProgrammePage.objects.all())
    _preload(
        TrainingProgrammePage.objects.all(),
        loaded,
        ["areas", "organisers"],
        organisers=("region",),
    )
    programmes = {programme.path: programme for programme in loaded}
    for session in sessions:
        programme = programmes.get(session.path[: -session.steplen])
        if programme is not None:
            # calendar_event() asks for the programme's areas: no query per session.
            session._cached_parent_obj = programme
        if not session.slot_list():
            continue
        event = session.calendar_event(request)
        regions = {session.venue.region.slug} if session.venue_id else set()
        organisations = {session.venue.slug} if session.venue_id else set()
        areas: set[str] = set()
        programme_keys: set[str] = set()
        if programme is not None:
            areas |= _slugs(_loaded(programme, "areas"))
            organisations |= _slugs(_loaded(programme, "organisers"))
            regions |= {org.region.slug for org in _loaded(programme, "organisers")}
            programme_keys.add(programme.slug_ru or programme.slug)
        trainers = _loaded(session, "trainers")
        organisations |= {t.organisation.slug for t in trainers if t.organisation_id}
        yield CalendarItem(
            kind="session",
            event=event,
            page_url=event.url,
            summary_parts=(
                ((event.summary, text_language(session, "title")),) if marked else ()
            ),
            location_parts=tuple(session.place_parts()) if marked else (),
            facets={
                "region": frozenset(regions),
                "organisation": frozenset(organisations),
                "area": frozenset(areas),
                "programme": frozenset(programme_keys),
                "trainer": _slugs(trainers),
                "language": frozenset({session.language}),
            },
        )


def _memoranda(
    scope: Scope,
    request,
    window: Window | None,
    uid: uuid.UUID | None,
    marked: bool = False,
) -> Iterator[CalendarItem]:
    # Milestones of unpublished memoranda are confidential: no private feed shows
    # them either, because only published memoranda are read here.
    memoranda = MemorandumPage.objects.live().public()
    if window is not None:
        today = timezone.localdate()
        may_fall = Q(signed_on__range=(window.first, window.last)) | Q(
            in_force_from__range=(window.first, window.last)
        )
        if window.last >= today:
            # Expiries and notice deadlines are computed and always lie ahead.
            may_fall |= ~Q(status__in=ENDED_STATUSES) & (
                Q(expires_on__isnull=False) | Q(term_years__isnull=False)
            )
        memoranda = memoranda.filter(may_fall)
    if uid is not None:
        memoranda = memoranda.filter(uid=uid)
    query, memoranda = memoranda, list(memoranda)
    _quick_urls(memoranda, request)
    _preload(query, memoranda, ["areas"])
    known = _reference(Organisation, ("region",))
    parties: dict[int, list[Organisation]] = {}
    for memorandum_id, organisation_id in MemorandumParty.objects.filter(
        memorandum__in=query.order_by().values("pk")
    ).values_list("memorandum_id", "organisation_id"):
        parties.setdefault(memorandum_id, []).append(known[organisation_id])
    for memorandum in memoranda:
        organisations = parties.get(memorandum.pk, [])
        facets = {
            "region": frozenset(org.region.slug for org in organisations),
            "organisation": _slugs(organisations),
            "area": _slugs(_loaded(memorandum, "areas")),
        }
        title = memorandum.title
        title_language = text_language(memorandum, "title") if marked else ""
        for event in memorandum.calendar_events(request, published=True):
            yield CalendarItem(
                kind="memorandum",
                event=event,
                page_url=event.url,
                facets=facets,
                summary_parts=(
                    _titled(event.summary, title, title_language) if marked else ()
                ),
                location_parts=(
                    ((event.location, text_language(memorandum, "place_of_signing")),)
                    if marked and event.location
                    else ()
                ),
            )


def collect(
    filters: Mapping[str, str] | None = None,
    *,
    request=None,
    scope: Scope = PUBLIC,
    window: Window | None = None,
    uid: uuid.UUID | None = None,
    marked: bool = False,
) -> list[CalendarItem]:
    """Return the items the scope may see that match the filters, in time order.

    With a window, only items that start or run on its days; with a uid, only
    the items of the page with that uid (a memorandum has several milestones).
    Marked items also carry the language of each part of their summary and
    location (`summary_parts`, `location_parts`), which pages show and feeds
    do not need.
    """
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
    token = _references.set({})
    try:
        with _without_cyclic_gc():
            found = [
                item
                for source in sources
                for item in source(scope, request, window, uid, marked)
            ]
    finally:
        _references.reset(token)
    items = [
        item
        for item in found
        if item.matches(filters)
        and (
            window is None
            or (item.start_day <= window.last and item.last_day >= window.first)
        )
    ]
    return sorted(items, key=lambda item: (_instant(item.event.start), item.event.uid))


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a feed's pages are read.

    Reading thousands of pages allocates tens of thousands of objects, none of
    them garbage until the read is over, and every generation threshold crossed
    meanwhile makes the collector walk them all: a third of the reading time.
    Reference counting still frees what it can; the collector runs as usual
    once the read is over.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _instant(moment: datetime.date | datetime.datetime) -> datetime.datetime:
    if isinstance(moment, datetime.datetime):
        return moment
    return datetime.datetime.combine(moment, datetime.time(), tzinfo=datetime.UTC)


def find(uid: str, *, request=None) -> CalendarItem | None:
    """Return the public item with this calendar UID."""
    # Every UID starts with the page's own uuid (a memorandum's milestones add
    # a suffix), so only that page is read.
    try:
        page_uid = uuid.UUID(uid.split("@", 1)[0][:36])
    except ValueError:
        return None
    for item in collect(request=request, uid=page_uid):
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
