"""What every cooperation event shares: dates in its own zone, sides, status."""

import datetime
import uuid

from django import forms
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from config import page_cache

from .. import services, timezones
from ..admin_forms import EventPageForm
from ..calendar import CalendarEvent, event_uid
from .reference import CooperationArea, Organisation, Person, Region

CALENDAR_STATUS = {
    "planned": "TENTATIVE",
    "confirmed": "CONFIRMED",
    "completed": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}


# The page's sides, people and areas: what its template reads besides the page.
RELATIONS = {
    "host_regions": (),
    "host_organisations": ("region",),
    "guest_regions": (),
    "guest_organisations": ("region",),
    "participants": ("organisation__region",),
    "areas": (),
}


class EventStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    CONFIRMED = "confirmed", _("confirmed")
    COMPLETED = "completed", _("completed")
    POSTPONED = "postponed", _("postponed")
    CANCELLED = "cancelled", _("cancelled")


class CooperationEventPage(Page):
    """What every dated cooperation event shares: wall-time dates, sides, status."""

    Status = EventStatus

    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_(
            "Local time in the event's time zone. Leave both times empty "
            "for an all-day event."
        ),
    )
    end_date = models.DateField(_("end date"))
    end_time = models.TimeField(
        _("end time"),
        null=True,
        blank=True,
        help_text=_(
            "For an event that runs past midnight, set the end date to the next day."
        ),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Ulyanovsk",
        help_text=_(
            "IANA name of the zone where the event happens, e.g. "
            "Europe/Ulyanovsk, Europe/Moscow or Asia/Baku."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.PLANNED,
    )
    status_note = models.CharField(
        _("status note"),
        max_length=300,
        blank=True,
        help_text=_(
            "Shown next to the status, e.g. why or to when the event was postponed."
        ),
    )
    location = models.CharField(
        _("place"),
        max_length=300,
        blank=True,
        help_text=_("City and venue as the public should read them."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("Two or three sentences for listings and calendars."),
    )
    host_regions = ParentalManyToManyField(
        Region,
        verbose_name=_("host regions"),
        blank=True,
        related_name="%(app_label)s_%(class)s_hosted",
    )
    host_organisations = ParentalManyToManyField(
        Organisation,
        verbose_name=_("host organisations"),
        blank=True,
        related_name="%(app_label)s_%(class)s_hosted",
    )
    guest_regions = ParentalManyToManyField(
        Region,
        verbose_name=_("guest regions"),
        blank=True,
        related_name="%(app_label)s_%(class)s_visited",
    )
    guest_organisations = ParentalManyToManyField(
        Organisation,
        verbose_name=_("guest organisations"),
        blank=True,
        related_name="%(app_label)s_%(class)s_visited",
    )
    participants = ParentalManyToManyField(
        Person,
        verbose_name=_("participants"),
        blank=True,
        related_name="%(app_label)s_%(class)s_events",
    )
    areas = ParentalManyToManyField(
        CooperationArea,
        verbose_name=_("cooperation areas"),
        blank=True,
        related_name="%(app_label)s_%(class)s_events",
    )
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    external_uid = models.CharField(
        _("partner's calendar UID"),
        max_length=255,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("Set by a calendar import; a re-import updates this event."),
    )
    sequence = models.PositiveIntegerField(
        _("calendar sequence"), default=0, editable=False
    )
    start_at = models.DateTimeField(null=True, editable=False, db_index=True)
    end_at = models.DateTimeField(null=True, editable=False, db_index=True)

    event_kind = "event"
    event_kind_label = _("event")
    public_search_fields: tuple[str, ...] = ("summary", "location")
    translated_content_fields: tuple[str, ...] = ("title", "summary")
    exclude_fields_in_copy = ["uid", "sequence", "external_uid"]
    parent_page_types = ["cooperation.EventIndexPage"]
    subpage_types: list[str] = []
    base_form_class = EventPageForm

    date_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("time_zone"),
            ],
            heading=_("Date and time"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_note")], heading=_("Status")
        ),
        FieldPanel("location"),
    ]
    side_panels = [
        MultiFieldPanel(
            [FieldPanel("host_regions"), FieldPanel("host_organisations")],
            heading=_("Host side"),
        ),
        MultiFieldPanel(
            [FieldPanel("guest_regions"), FieldPanel("guest_organisations")],
            heading=_("Guest side"),
        ),
        FieldPanel("participants"),
        FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("location"),
        index.FilterField("status"),
        index.FilterField("start_date"),
    ]

    class Meta:
        abstract = True

    # Whether the page's template keeps its rendered body (`{% cache %}` keyed by
    # `kept_body`); not for pages with forms or per-visitor states.
    keeps_rendered_body = False
    # Child objects the page shows, with the people of each (a visit's programme).
    shown_children: dict[str, tuple[str, ...]] = {"related_links": ()}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.keeps_rendered_body:
            # The body, as rendered, is the same for every reader of a language
            # until content changes; its template reads the relations only when
            # it renders it ({% read_shown_relations %}).
            context["kept_body"] = page_cache.kept_body(request, self.pk)
        elif not getattr(request, "is_preview", False):
            self.preload_shown_relations()
        return context

    def preload_shown_relations(self) -> None:
        """Read what the page shows besides itself once per content version.

        Sides, people, areas and child objects would otherwise cost a query
        each (a query per programme item for its people) on every view. Only
        for the published page: a preview shows the relations of its revision.
        """
        known = getattr(self, "_cluster_related_objects", None) or {}
        names = [*RELATIONS, *self.shown_children]
        if any(name in known for name in names):
            return
        relations = page_cache.until_changed(
            f"event-relations:{self._meta.label_lower}:{self.pk}",
            self._read_shown_relations,
        )
        self._cluster_related_objects = {**known, **relations}

    def _read_shown_relations(self) -> dict[str, list]:
        relations: dict[str, list] = {
            name: list(getattr(self, name).select_related(*related))
            for name, related in RELATIONS.items()
        }
        for name, people in self.shown_children.items():
            children = list(getattr(self, name).all())
            for child in children:
                for relation in people:
                    loaded = list(
                        getattr(child, relation).select_related("organisation__region")
                    )
                    child._cluster_related_objects = {
                        **getattr(child, "_cluster_related_objects", {}),
                        relation: loaded,
                    }
            relations[name] = children
        return relations

    def clean(self):
        super().clean()
        services.validate_event_times(
            start_date=self.start_date,
            start_time=self.start_time,
            end_date=self.end_date,
            end_time=self.end_time,
            time_zone=self.time_zone,
        )

    def schedule_values(self) -> dict:
        """Return the values whose change calendars must be told about."""
        return {name: getattr(self, name) for name in services.SCHEDULE_FIELDS}

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            bounds = services.event_bounds(
                start_date=self.start_date,
                start_time=self.start_time,
                end_date=self.end_date,
                end_time=self.end_time,
                time_zone=self.time_zone,
            )
            self.start_at, self.end_at = bounds or (None, None)
            stored = None
            if self.pk:
                stored = (
                    type(self)
                    .objects.filter(pk=self.pk)
                    .values("sequence", *services.SCHEDULE_FIELDS)
                    .first()
                )
            self.sequence = services.next_sequence(
                stored=stored, current=self.schedule_values(), sequence=self.sequence
            )
        return super().save(*args, **kwargs)

    @property
    def is_all_day(self) -> bool:
        return self.start_time is None

    @property
    def is_marked(self) -> bool:
        """Return whether readers must be warned: cancelled or postponed."""
        return self.status in (EventStatus.CANCELLED, EventStatus.POSTPONED)

    def is_upcoming(self, now: datetime.datetime) -> bool:
        return self.end_at is not None and self.end_at >= now

    def involved_regions(self) -> list[Region]:
        """Return the regions of both sides, host first, without repeats."""
        regions: list[Region] = []
        for region in [
            *self.host_regions.all(),
            *(org.region for org in self.host_organisations.all()),
            *self.guest_regions.all(),
            *(org.region for org in self.guest_organisations.all()),
        ]:
            if region not in regions:
                regions.append(region)
        return regions

    def zone_times(self) -> list[dict]:
        """Return the start and end in the event's zone, then in the other zones.

        The other zones are those of both sides' regions and of the home region.
        """
        if self.is_all_day or self.start_at is None:
            return []
        zones = [self.time_zone]
        # Readers of this site live in the home region: its time is always useful.
        home = page_cache.until_changed(
            "home-regions", lambda: list(Region.objects.filter(is_home_region=True))
        )
        for region in [*self.involved_regions(), *home]:
            if region.time_zone not in zones and timezones.is_time_zone(
                region.time_zone
            ):
                zones.append(region.time_zone)
        return [
            {
                "zone": name,
                "label": timezones.zone_label(name),
                "start": timezones.in_zone(self.start_at, name),
                "end": timezones.in_zone(self.end_at, name),
                "own": name == self.time_zone,
            }
            for name in zones
        ]

    def local_start(self) -> datetime.datetime | None:
        return (
            timezones.in_zone(self.start_at, self.time_zone) if self.start_at else None
        )

    def local_end(self) -> datetime.datetime | None:
        return timezones.in_zone(self.end_at, self.time_zone) if self.end_at else None

    def public_related_pages(self) -> list[Page]:
        """Return the linked memoranda, trainings and news a visitor may open."""
        return page_cache.public_pages(
            [link.page_id for link in self.related_links.all()]
        )

    def plain_description(self) -> str:
        return normalize_newlines(strip_tags(self.summary or "")).strip()

    def calendar_event(self, request=None) -> CalendarEvent:
        """Return this event for calendars, in the active language."""
        if self.is_all_day:
            start: datetime.date | datetime.datetime = self.start_date
            end: datetime.date | datetime.datetime = self.end_date + datetime.timedelta(
                days=1
            )
        else:
            start = timezones.aware(self.start_date, self.start_time, self.time_zone)
            end = timezones.aware(self.end_date, self.end_time, self.time_zone)
        url = self.get_url(request) or ""
        if request is not None and url.startswith("/"):
            url = request.build_absolute_uri(url)
        return CalendarEvent(
            uid=event_uid(str(self.uid)),
            summary=self.title,
            start=start,
            end=end,
            time_zone=self.time_zone,
            status=CALENDAR_STATUS.get(self.status, "CONFIRMED"),
            sequence=self.sequence,
            description=self.plain_description(),
            location=self.location or "",
            url=url,
            categories=tuple(area.name for area in self.areas.all()),
            created=self.first_published_at,
            last_modified=self.last_published_at,
        )


class RelatedPageLink(Orderable):
    """A link from an event to a memorandum, training, news article or other page."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
