"""Cooperation events: exchange visits, meetings and public hearings."""

import datetime
import uuid
from collections.abc import Mapping
from urllib.parse import quote, urlencode

from django import forms
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .. import services, timezones
from ..admin_forms import EventPageForm, VisitPageForm
from ..calendar import CalendarEvent, event_uid
from ..views import hearing_page
from .reference import CooperationArea, Organisation, Person, Region

CALENDAR_STATUS = {
    "planned": "TENTATIVE",
    "confirmed": "CONFIRMED",
    "completed": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
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
    sequence = models.PositiveIntegerField(
        _("calendar sequence"), default=0, editable=False
    )
    start_at = models.DateTimeField(null=True, editable=False, db_index=True)
    end_at = models.DateTimeField(null=True, editable=False, db_index=True)

    event_kind = "event"
    event_kind_label = _("event")
    public_search_fields: tuple[str, ...] = ("summary", "location")
    translated_content_fields: tuple[str, ...] = ("title", "summary")
    exclude_fields_in_copy = ["uid", "sequence"]
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
        home = list(Region.objects.filter(is_home_region=True))
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
        ids = [link.page_id for link in self.related_links.all() if link.page_id]
        pages = Page.objects.live().public().filter(pk__in=ids).specific()
        by_id = {page.pk: page for page in pages}
        return [by_id[pk] for pk in ids if pk in by_id]

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


class VisitPage(CooperationEventPage):
    """An exchange visit with its public day-by-day programme."""

    class Direction(models.TextChoices):
        INCOMING = "incoming", _("incoming (to our region)")
        OUTGOING = "outgoing", _("outgoing (from our region)")

    direction = models.CharField(
        _("direction"), max_length=20, choices=Direction.choices
    )
    purpose = models.TextField(_("purpose"), blank=True)
    outcome = RichTextField(
        _("outcome"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul", "h3"],
        help_text=_("The public summary of what the visit achieved."),
    )

    event_kind = "visit"
    event_kind_label = _("exchange visit")
    public_search_fields = ("summary", "location", "purpose", "outcome")
    translated_content_fields = ("title", "summary", "purpose", "outcome")
    base_form_class = VisitPageForm

    content_panels = (
        Page.content_panels
        + [FieldPanel("direction")]
        + CooperationEventPage.date_panels
        + CooperationEventPage.side_panels
        + [
            FieldPanel("summary"),
            FieldPanel("purpose"),
            InlinePanel("programme_items", label=_("Programme")),
            FieldPanel("outcome"),
            InlinePanel("related_links", label=_("Related pages")),
        ]
    )
    search_fields = CooperationEventPage.search_fields + [
        index.SearchField("purpose"),
        index.SearchField("outcome"),
    ]

    class Meta:
        verbose_name = _("exchange visit")
        verbose_name_plural = _("exchange visits")

    def programme_days(self) -> list[dict]:
        """Return the programme grouped by day, in order."""
        days: list[dict] = []
        items = sorted(
            self.programme_items.all(),
            key=lambda item: (
                item.date,
                item.start_time or datetime.time.min,
                item.sort_order or 0,
            ),
        )
        for item in items:
            if not days or days[-1]["date"] != item.date:
                days.append({"date": item.date, "items": []})
            days[-1]["items"].append(item)
        return days


class VisitProgrammeItem(Orderable, ClusterableModel):
    """One public item of a visit's day-by-day programme."""

    visit = ParentalKey(
        VisitPage, related_name="programme_items", on_delete=models.CASCADE
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    activity = models.CharField(_("activity"), max_length=500)
    participants_text = models.TextField(
        _("who takes part"),
        blank=True,
        help_text=_(
            "As the public should read it, e.g. “the delegation and pupils "
            "of the school”."
        ),
    )
    participants = ParentalManyToManyField(
        Person, verbose_name=_("people"), blank=True, related_name="+"
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]
        ),
        FieldPanel("activity"),
        FieldPanel("place"),
        FieldPanel("participants_text"),
        FieldPanel("participants"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")

    def __str__(self) -> str:
        return f"{self.date} {self.activity}"


class VisitRelatedPage(RelatedPageLink):
    visit = ParentalKey(
        VisitPage, related_name="related_links", on_delete=models.CASCADE
    )


class MeetingPage(CooperationEventPage):
    """A meeting with its participants, topics and the tasks it set."""

    topics = RichTextField(
        _("topics"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    outcome = RichTextField(
        _("outcome"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("The public summary of what was agreed."),
    )

    event_kind = "meeting"
    event_kind_label = _("meeting")
    public_search_fields = ("summary", "location", "topics", "outcome")
    translated_content_fields = ("title", "summary", "topics", "outcome")

    content_panels = (
        Page.content_panels
        + CooperationEventPage.date_panels
        + CooperationEventPage.side_panels
        + [
            FieldPanel("summary"),
            FieldPanel("topics"),
            FieldPanel("outcome"),
            InlinePanel("tasks", label=_("Resulting tasks")),
            InlinePanel("related_links", label=_("Related pages")),
        ]
    )
    search_fields = CooperationEventPage.search_fields + [
        index.SearchField("topics"),
        index.SearchField("outcome"),
    ]

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")


class MeetingTask(Orderable):
    """A task a meeting set, and who must do it."""

    meeting = ParentalKey(MeetingPage, related_name="tasks", on_delete=models.CASCADE)
    description = models.TextField(_("task"))
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("responsible organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)

    panels = [
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("due_date")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("resulting task")
        verbose_name_plural = _("resulting tasks")


class MeetingRelatedPage(RelatedPageLink):
    meeting = ParentalKey(
        MeetingPage, related_name="related_links", on_delete=models.CASCADE
    )


class HearingPage(RoutablePageMixin, CooperationEventPage):
    """A public hearing: topic, documents, hashtags and moderated public questions."""

    topic = models.CharField(_("topic"), max_length=300)
    body = RichTextField(
        _("description"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul", "h3"],
    )
    hashtags = models.CharField(
        _("hashtags"),
        max_length=200,
        blank=True,
        help_text=_(
            "Separated by spaces, e.g. “#ASANxidmet #eservices”; added to "
            "the share links."
        ),
    )
    accepts_submissions = models.BooleanField(
        _("accepts questions and comments"),
        default=True,
        help_text=_("Show the public form for questions and comments."),
    )
    submissions_close_at = models.DateTimeField(
        _("questions and comments close at"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty to accept them until the hearing ends or is completed."
        ),
    )

    event_kind = "hearing"
    event_kind_label = _("public hearing")
    public_search_fields = ("summary", "location", "topic", "body")
    translated_content_fields = ("title", "topic", "summary", "body")

    content_panels = (
        Page.content_panels
        + [FieldPanel("topic")]
        + CooperationEventPage.date_panels
        + CooperationEventPage.side_panels
        + [
            FieldPanel("summary"),
            FieldPanel("body"),
            InlinePanel("documents", label=_("Documents")),
            FieldPanel("hashtags"),
            MultiFieldPanel(
                [FieldPanel("accepts_submissions"), FieldPanel("submissions_close_at")],
                heading=_("Online participation"),
            ),
            InlinePanel("related_links", label=_("Related pages")),
        ]
    )
    search_fields = CooperationEventPage.search_fields + [
        index.SearchField("topic"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("public hearing")
        verbose_name_plural = _("public hearings")

    def hashtag_list(self) -> list[str]:
        """Return the hashtags without “#”, in order, without repeats."""
        tags: list[str] = []
        for word in (self.hashtags or "").replace(",", " ").split():
            tag = word.lstrip("#").strip()
            if tag and tag not in tags:
                tags.append(tag)
        return tags

    def share_links(self, url: str) -> list[dict]:
        """Return plain share URLs that carry the title, address and hashtags."""
        tags = self.hashtag_list()
        text = " ".join([self.title, *(f"#{tag}" for tag in tags)])
        return [
            {
                "network": "x",
                "label": _("X (Twitter)"),
                "url": "https://twitter.com/intent/tweet?"
                + urlencode(
                    {"text": self.title, "hashtags": ",".join(tags), "url": url},
                    quote_via=quote,
                ),
            },
            {
                "network": "facebook",
                "label": _("Facebook"),
                "url": "https://www.facebook.com/sharer/sharer.php?"
                + urlencode(
                    {"u": url, "hashtag": f"#{tags[0]}" if tags else ""},
                    quote_via=quote,
                ),
            },
            {
                "network": "telegram",
                "label": _("Telegram"),
                "url": "https://t.me/share/url?"
                + urlencode({"url": url, "text": text}, quote_via=quote),
            },
            {
                "network": "whatsapp",
                "label": _("WhatsApp"),
                "url": "https://wa.me/?"
                + urlencode({"text": f"{text} {url}"}, quote_via=quote),
            },
        ]

    def approved_submissions(self):
        return self.submissions.filter(status="approved").order_by("submitted_at")

    def accepts_submissions_now(self, now: datetime.datetime | None = None) -> bool:
        return services.hearing_accepts_submissions(
            hearing=self, now=now or timezone.now()
        )

    @path("")
    def hearing(self, request, *args, **kwargs):
        return hearing_page(request, self)


class HearingDocument(Orderable):
    """A document published with a hearing, e.g. the draft under discussion."""

    hearing = ParentalKey(
        HearingPage, related_name="documents", on_delete=models.CASCADE
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("title"),
        max_length=300,
        blank=True,
        help_text=_("Leave empty to use the document's own title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def display_title(self) -> str:
        return self.title or self.document.title


class HearingRelatedPage(RelatedPageLink):
    hearing = ParentalKey(
        HearingPage, related_name="related_links", on_delete=models.CASCADE
    )
