"""The public list of cooperation events."""

import datetime
from collections.abc import Mapping

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from .events import CooperationEventPage, EventStatus
from .hearings import HearingPage
from .meetings import MeetingPage
from .reference import CooperationArea, Organisation, Region
from .visits import VisitPage


class EventQuery:
    """The public listing's filters, read from a query string."""

    FIELDS = ("kind", "region", "organisation", "area", "status")

    def __init__(self, params: Mapping[str, str]):
        self.values = {
            name: (params.get(name) or "").strip()[:80] for name in self.FIELDS
        }

    def __getattr__(self, name: str) -> str:
        try:
            return self.__dict__["values"][name]
        except KeyError as error:
            raise AttributeError(name) from error

    def active(self) -> dict[str, str]:
        return {name: value for name, value in self.values.items() if value}


class EventIndexPage(Page):
    """The public list of cooperation events: upcoming first, then past by year."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    public_search_fields = ("intro",)
    translated_content_fields = ("title", "intro")

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "cooperation.VisitPage",
        "cooperation.MeetingPage",
        "cooperation.HearingPage",
    ]

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    @staticmethod
    def event_models() -> list[type[CooperationEventPage]]:
        return [VisitPage, MeetingPage, HearingPage]

    def events(self, query: EventQuery | None = None) -> list[CooperationEventPage]:
        """Return the public events below this index that match the filters."""
        query = query or EventQuery({})
        found: list[CooperationEventPage] = []
        for model in self.event_models():
            if query.kind and query.kind != model.event_kind:
                continue
            pages = model.objects.live().public().child_of(self)
            if query.status:
                pages = pages.filter(status=query.status)
            if query.area:
                pages = pages.filter(areas__slug=query.area)
            if query.region:
                pages = pages.filter(
                    Q(host_regions__slug=query.region)
                    | Q(guest_regions__slug=query.region)
                    | Q(host_organisations__region__slug=query.region)
                    | Q(guest_organisations__region__slug=query.region)
                )
            if query.organisation:
                pages = pages.filter(
                    Q(host_organisations__slug=query.organisation)
                    | Q(guest_organisations__slug=query.organisation)
                )
            found.extend(
                pages.distinct().prefetch_related(
                    "areas",
                    "host_regions",
                    "guest_regions",
                    "host_organisations__region",
                    "guest_organisations__region",
                )
            )
        return found

    def listing(
        self, params: Mapping[str, str], now: datetime.datetime | None = None
    ) -> dict:
        """Return upcoming events (soonest first) and past ones grouped by year."""
        now = now or timezone.now()
        query = EventQuery(params)
        events = self.events(query)
        far = datetime.datetime.max.replace(tzinfo=datetime.UTC)
        upcoming = sorted(
            (event for event in events if event.is_upcoming(now)),
            key=lambda event: (event.start_at or far, event.pk),
        )
        past = sorted(
            (event for event in events if not event.is_upcoming(now)),
            key=lambda event: (event.start_date, event.start_at or far, event.pk),
            reverse=True,
        )
        years: list[dict] = []
        for event in past:
            if not years or years[-1]["year"] != event.start_date.year:
                years.append({"year": event.start_date.year, "events": []})
            years[-1]["events"].append(event)
        return {
            "query": query,
            "upcoming": upcoming,
            "past_years": years,
            "result_count": len(events),
        }

    def filter_choices(self) -> dict:
        """Return what the listing can be filtered by, with names in this language."""
        kinds = [
            (model.event_kind, model.event_kind_label) for model in self.event_models()
        ]
        return {
            "kinds": kinds,
            "statuses": EventStatus.choices,
            "regions": sorted(Region.objects.all(), key=lambda r: str(r).casefold()),
            "organisations": sorted(
                Organisation.objects.all(), key=lambda o: str(o).casefold()
            ),
            "areas": CooperationArea.objects.all(),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing(request.GET))
        context.update(self.filter_choices())
        return context
