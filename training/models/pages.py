"""Public pages of joint training: the index, programmes and sessions."""

import datetime
import uuid

from django.apps import apps
from django.db import models
from django.db.models import Count, Max, Min, Q
from django.utils import timezone
from django.utils.translation import get_language, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index

from config import page_cache
from cooperation.calendar import CalendarEvent, event_uid
from cooperation.i18n import shown_language
from cooperation.timezones import validate_time_zone

from ..forms import TrainingSessionPageForm
from ..schedule import Slot, viewer_time_zone, zone_city
from .fields import LANGUAGE_CHOICES, LanguageListField, language_names
from .trainers import Trainer

MEMORANDUM_PAGE = "memoranda.MemorandumPage"
# Sessions a listing shows at most; the calendar shows every one of them.
LISTED = 20


class OptionalPageChooserPanel(PageChooserPanel):
    """Limit the chooser to a page type that may not be installed yet."""

    def get_form_options(self):
        try:
            apps.get_model(self.page_type)
        except (LookupError, ValueError):
            # The memoranda app may not define its page type yet; any page will do.
            self.page_type = None
        return super().get_form_options()


class TrainingIndexPage(RoutablePageMixin, Page):
    """The joint-training section: programmes, upcoming sessions and trainers."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translated_content_fields = ("title", "intro")
    public_search_fields = ("intro",)
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["training.TrainingProgrammePage"]
    show_in_menus_default = True

    class Meta:
        verbose_name = _("training index")
        verbose_name_plural = _("training indexes")

    def programmes(self):
        """Return the public programmes of this section."""
        return (
            TrainingProgrammePage.objects.live()
            .public()
            .child_of(self)
            .order_by("path")
        )

    def public_sessions(self):
        return TrainingSessionPage.objects.live().public().descendant_of(self)

    def upcoming_sessions(
        self, now: datetime.datetime | None = None, limit: int | None = LISTED
    ) -> list:
        """Return the public sessions of this section that have not ended."""
        return upcoming(self.public_sessions(), now, limit=limit)

    def trainer_url(self, trainer: Trainer, request=None) -> str:
        """Return the address of a trainer's public page in this section."""
        return self.get_url(request) + self.reverse_subpage(
            "trainer", kwargs={"slug": trainer.slug}
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context.update(
            programmes=self.programmes(),
            sessions=self.upcoming_sessions(now),
            trainers=Trainer.objects.filter(
                sessions__in=self.public_sessions().upcoming(now).values("pk")
            )
            .distinct()
            .select_related("person", "organisation"),
        )
        return context

    @path("trainers/<slug:slug>/", name="trainer")
    def trainer_view(self, request, slug):
        from ..views import trainer_page

        return trainer_page(request, index=self, slug=slug)


class TrainingProgrammePage(Page):
    """A joint training programme: audience, organisers and its sessions."""

    description = RichTextField(_("description"), blank=True)
    audience = models.TextField(
        _("audience"), blank=True, help_text=_("Who the programme is for.")
    )
    areas = ParentalManyToManyField(
        "cooperation.CooperationArea",
        verbose_name=_("cooperation areas"),
        blank=True,
        related_name="training_programmes",
    )
    organisers = ParentalManyToManyField(
        "cooperation.Organisation",
        verbose_name=_("organisers"),
        blank=True,
        related_name="training_programmes",
    )
    related_memorandum = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("related memorandum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("audience"),
        FieldPanel("areas"),
        FieldPanel("organisers"),
        OptionalPageChooserPanel("related_memorandum", page_type=MEMORANDUM_PAGE),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("audience"),
    ]
    translated_content_fields = ("title", "description", "audience")
    public_search_fields = ("description", "audience")
    api_fields = [APIField("description"), APIField("audience")]

    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = ["training.TrainingSessionPage"]

    class Meta:
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")

    def sessions(self) -> list:
        """Return the public sessions of the programme, soonest first."""
        sessions = (
            TrainingSessionPage.objects.live()
            .public()
            .child_of(self)
            .annotate(first_date=Min("slots__date"))
            .order_by("first_date", "path")
        )
        return list(sessions)

    def past_sessions(
        self, now: datetime.datetime | None = None, limit: int = LISTED
    ) -> list:
        """Return the latest public sessions of the programme that have ended."""
        now = now or timezone.now()
        # Zones differ by at most a day from ours; is_upcoming() decides exactly.
        tomorrow = (now + datetime.timedelta(days=1)).date()
        candidates = (
            TrainingSessionPage.objects.live()
            .public()
            .child_of(self)
            .for_listing()
            .annotate(first_date=Min("slots__date"), last_date=Max("slots__date"))
            .filter(last_date__lte=tomorrow)
            .order_by("-first_date", "-path")
        )
        borderline = candidates.filter(
            last_date__gte=now.date() - datetime.timedelta(days=1)
        )
        past = [
            session
            for session in candidates[: limit + borderline.count()]
            if not session.is_upcoming(now)
        ]
        return past[:limit][::-1]

    def area_names(self) -> tuple[str, ...]:
        """Return the areas' names in the active language (calendar categories)."""
        # A feed asks once per session of the programme: remembered per language.
        language = get_language()
        names = self.__dict__.setdefault("_area_names", {})
        if language not in names:
            names[language] = tuple(str(area) for area in self.areas.all())
        return names[language]

    def public_memorandum(self) -> Page | None:
        """Return the related memorandum if a visitor may open it."""
        if not self.related_memorandum_id:
            return None
        return (
            Page.objects.live()
            .public()
            .filter(pk=self.related_memorandum_id)
            .specific()
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        sessions = TrainingSessionPage.objects.live().public().child_of(self)
        context.update(
            upcoming_sessions=upcoming(sessions, now, limit=LISTED),
            past_sessions=self.past_sessions(now),
            memorandum=self.public_memorandum(),
        )
        return context


class TrainingSessionQuerySet(PageQuerySet):
    def for_listing(self):
        """Return the sessions with what a session card shows: no query per card."""
        return (
            self.select_related("venue")
            .prefetch_related("slots")
            .annotate(
                confirmed_registrations=Count(
                    "registrations",
                    filter=Q(registrations__status="confirmed"),
                    distinct=True,
                )
            )
        )

    def upcoming(self, now: datetime.datetime | None = None):
        """Return sessions whose last day is not over, soonest first."""
        now = now or timezone.now()
        # Zones differ by at most a day from ours; is_upcoming() decides exactly.
        yesterday = (now - datetime.timedelta(days=1)).date()
        return (
            self.annotate(first_date=Min("slots__date"), last_date=Max("slots__date"))
            .filter(last_date__gte=yesterday)
            .order_by("first_date", "path")
        )


def upcoming(
    sessions, now: datetime.datetime | None = None, limit: int | None = None
) -> list:
    """Return the sessions of a queryset that have not ended, soonest first.

    With a limit, only the first `limit` of them are read from the database.
    """
    now = now or timezone.now()
    candidates = sessions.upcoming(now).for_listing()
    if limit is not None:
        # Only sessions whose last day is yesterday or today may have ended.
        borderline = sessions.upcoming(now).filter(last_date__lte=now.date()).count()
        candidates = candidates[: limit + borderline]
    found = [s for s in candidates if s.is_upcoming(now)]
    return found if limit is None else found[:limit]


class TrainingSessionPage(RoutablePageMixin, Page):
    """A session of a programme: when, where, who teaches, and who may register."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        POSTPONED = "postponed", _("postponed")
        CANCELLED = "cancelled", pgettext_lazy("session", "cancelled")

    summary = models.TextField(_("summary"), blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Ulyanovsk",
        validators=[validate_time_zone],
        help_text=_(
            "IANA time zone of the venue, e.g. Europe/Ulyanovsk or Asia/Baku; "
            "times of the slots are local wall time there."
        ),
    )
    online = models.BooleanField(_("online"), default=False)
    online_link = models.URLField(
        _("joining link"),
        blank=True,
        help_text=_(
            "Sent only to confirmed participants by e-mail; never shown on the site."
        ),
    )
    venue = models.ForeignKey(
        "cooperation.Organisation",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="training_sessions",
        help_text=_("The organisation whose premises host the session."),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    room = models.CharField(_("room"), max_length=120, blank=True)
    room_capacity = models.PositiveIntegerField(
        _("room capacity"), null=True, blank=True
    )
    trainers = ParentalManyToManyField(
        Trainer, verbose_name=_("trainers"), related_name="sessions"
    )
    language = models.CharField(
        _("language of instruction"),
        max_length=2,
        choices=LANGUAGE_CHOICES,
        default="ru",
    )
    interpretation = models.BooleanField(_("interpretation offered"), default=False)
    interpretation_languages = LanguageListField(_("interpretation into"))
    capacity = models.PositiveIntegerField(
        _("capacity"), help_text=_("Number of seats for participants.")
    )
    opens_at = models.DateTimeField(_("registration opens"))
    closes_at = models.DateTimeField(_("registration closes"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SCHEDULED
    )
    status_note = models.TextField(
        _("status note"),
        blank=True,
        help_text=_("Why the session is postponed or cancelled, shown on the page."),
    )
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0)

    objects = PageManager.from_queryset(TrainingSessionQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        InlinePanel("slots", label=_("Time slots"), min_num=1),
        FieldPanel("time_zone"),
        FieldPanel("trainers"),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("room"), FieldPanel("room_capacity")]),
                FieldPanel("online"),
                FieldPanel("online_link"),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("language"),
                FieldPanel("interpretation"),
                FieldPanel("interpretation_languages"),
            ],
            heading=_("Languages"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_note")], heading=_("Status")
        ),
        InlinePanel("materials", label=_("Materials")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("address"),
    ]
    translated_content_fields = ("title", "summary")
    public_search_fields = ("summary", "address", "room")
    # Public fields only: never the joining link, never registrations.
    api_fields = [
        APIField("summary"),
        APIField("slots"),
        APIField("time_zone"),
        APIField("online"),
        APIField("address"),
        APIField("room"),
        APIField("language"),
        APIField("interpretation"),
        APIField("capacity"),
        APIField("opens_at"),
        APIField("closes_at"),
        APIField("status"),
        APIField("status_note"),
    ]
    base_form_class = TrainingSessionPageForm

    parent_page_types = ["training.TrainingProgrammePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")

    def permissions_for_user(self, user):
        """Let the session's trainers edit it as if they had created it."""
        # training.permissions imports the models.
        from ..permissions import SessionPermissionTester

        return SessionPermissionTester(user, self)

    def slot_list(self) -> list[Slot]:
        """Return the session's days as slots in its own zone, in order."""
        slots = [
            Slot(s.date, s.start_time, s.end_time, self.time_zone)
            for s in self.slots.all()
            if s.date and s.start_time and s.end_time
        ]
        return sorted(slots, key=lambda slot: slot.start)

    def schedule_signature(self, slots: list[tuple] | None = None) -> tuple:
        """Return what calendars care about: time, place and status."""
        if slots is None:
            slots = [(s.date, s.start_time, s.end_time) for s in self.slot_list()]
        return (
            tuple(sorted(slots)),
            self.time_zone,
            self.venue_id,
            self.address_ru,
            self.room_ru,
            self.online,
            self.status,
        )

    @property
    def starts_at(self) -> datetime.datetime | None:
        slots = self.slot_list()
        return slots[0].start if slots else None

    @property
    def ends_at(self) -> datetime.datetime | None:
        slots = self.slot_list()
        return max(slot.end for slot in slots) if slots else None

    @property
    def first_day(self) -> datetime.date | None:
        slots = self.slot_list()
        return slots[0].date if slots else None

    def is_upcoming(self, now: datetime.datetime | None = None) -> bool:
        ends_at = self.ends_at
        return ends_at is not None and ends_at > (now or timezone.now())

    def has_started(self, now: datetime.datetime | None = None) -> bool:
        starts_at = self.starts_at
        return starts_at is not None and starts_at <= (now or timezone.now())

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_postponed(self) -> bool:
        return self.status == self.Status.POSTPONED

    def programme(self) -> Page | None:
        parent = self.get_parent()
        return parent.specific if parent else None

    def confirmed_count(self) -> int:
        page_cache.shows_live_figures()
        # Listings annotate the count (for_listing()); a page counts for itself.
        annotated = getattr(self, "confirmed_registrations", None)
        if annotated is not None:
            return annotated
        return self.registrations.confirmed().count()

    def waitlist_count(self) -> int:
        page_cache.shows_live_figures()
        annotated = getattr(self, "waitlisted_registrations", None)
        if annotated is not None:
            return annotated
        return self.registrations.waitlisted().count()

    def seats_left(self) -> int:
        return max(0, self.capacity - self.confirmed_count())

    def registration_state(self, now: datetime.datetime | None = None) -> str:
        """Return why registration is possible or not: open, not_yet, closed, …"""
        now = now or timezone.now()
        if self.is_cancelled:
            return "cancelled"
        if self.is_postponed:
            return "postponed"
        if self.has_started(now):
            return "started"
        if now < self.opens_at:
            return "not_yet"
        if now >= self.closes_at:
            return "closed"
        return "open"

    def language_name(self) -> str:
        return str(dict(LANGUAGE_CHOICES).get(self.language, self.language))

    def interpretation_names(self) -> list[str]:
        return language_names(self.interpretation_languages)

    def place_text(self) -> str:
        """Return where the session happens, without any joining link."""
        # Calendar feeds ask every session for it: no language lookups here.
        if self.online:
            return gettext("Online")
        parts = [str(self.venue) if self.venue else "", self.address, self.room]
        return ", ".join(part for part in parts if part)

    def place_parts(self) -> list[tuple[str, str]]:
        """Return the venue, address and room, each with the language it is in."""
        # A field empty in the reader's language shows another language's text,
        # which a page marks with its own `lang`.
        language = get_language()
        if self.online:
            return [(gettext("Online"), language)]
        parts = []
        if self.venue:
            venue_lang = shown_language(self.venue, "short_name") or language
            parts.append((str(self.venue), venue_lang))
        for name in ("address", "room"):
            text = getattr(self, name)
            if text:
                parts.append((text, shown_language(self, name) or language))
        return parts

    def display_slots(self) -> list[dict]:
        """Return each slot in the session's zone and, if it differs, in ours."""
        ours = viewer_time_zone()
        rows = []
        for slot in self.slot_list():
            row = {"slot": slot, "city": zone_city(self.time_zone), "other": None}
            if self.time_zone != ours:
                start, end = slot.local_range(ours)
                row["other"] = {"start": start, "end": end, "city": zone_city(ours)}
            rows.append(row)
        return rows

    def calendar_status(self) -> str:
        return {
            self.Status.POSTPONED: "TENTATIVE",
            self.Status.CANCELLED: "CANCELLED",
        }.get(self.status, "CONFIRMED")

    def calendar_description(self) -> str:
        """Return the plain-text description calendars show, in the active language."""
        lines = [self.summary] if self.summary else []
        trainers = ", ".join(t.display_name for t in self.trainers.all())
        if trainers:
            lines.append(gettext("Trainers: %(names)s") % {"names": trainers})
        lines.append(
            gettext("Language of instruction: %(language)s")
            % {"language": self.language_name()}
        )
        slots = self.slot_list()
        if len(slots) > 1:
            lines.append(gettext("Days:"))
            lines.extend(slot.label() for slot in slots)
        if self.status_note and self.status != self.Status.SCHEDULED:
            lines.append(self.status_note)
        return "\n".join(lines)

    def calendar_event(self, request=None) -> CalendarEvent:
        """Return the session as a calendar event in the active language."""
        slots = self.slot_list()
        first = slots[0]
        extra: dict = {}
        others = slots[1:]
        if others:
            length = first.end - first.start
            if all(slot.end - slot.start == length for slot in others):
                extra["rdate"] = [slot.start for slot in others]
            else:
                extra["rdate"] = [(slot.start, slot.end) for slot in others]
        programme = self.programme()
        areas = programme.area_names() if programme else ()
        return CalendarEvent(
            uid=event_uid(str(self.uid)),
            summary=self.title,
            start=first.start,
            end=first.end,
            time_zone=self.time_zone,
            status=self.calendar_status(),
            sequence=self.sequence,
            description=self.calendar_description(),
            location=self.place_text(),
            url=self.get_full_url(request) or "",
            categories=areas,
            created=self.first_published_at,
            last_modified=self.last_published_at,
            extra=extra,
        )

    @path("", name="session")
    def session_view(self, request):
        from ..views import session_page

        return session_page(request, session=self)

    @path("register/", name="register")
    def register_view(self, request):
        from ..views import register

        return register(request, session=self)

    # Wagtail routes only word characters and hyphens, so this link carries the
    # stored random token rather than a signed value (which contains colons).
    @path("registered/<slug:token>/", name="registered")
    def registered_view(self, request, token):
        from ..views import registered

        return registered(request, session=self, token=token)


class SessionSlot(Orderable):
    """One day of a session, in the session's own time zone."""

    session = ParentalKey(
        TrainingSessionPage, related_name="slots", on_delete=models.CASCADE
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("starts"))
    end_time = models.TimeField(_("ends"))

    panels = [
        FieldRowPanel(
            [FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]
        )
    ]
    api_fields = [APIField("date"), APIField("start_time"), APIField("end_time")]

    class Meta(Orderable.Meta):
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")


class SessionMaterial(Orderable):
    """A document handed out for a session."""

    session = ParentalKey(
        TrainingSessionPage, related_name="materials", on_delete=models.CASCADE
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Shown instead of the document's own title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def label(self) -> str:
        return self.title or self.document.title
