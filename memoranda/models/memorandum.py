"""A memorandum and what it consists of: parties, signatories, documents, commitments."""

import datetime
import uuid
from typing import TYPE_CHECKING

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index

from config import page_cache
from cooperation.calendar import CalendarEvent, event_uid

from .. import terms
from ..forms import MemorandumPageForm
from ..panels import LifecyclePanel
from .choices import (
    AUTHENTIC_LANGUAGES,
    CommitmentStatus,
    MemorandumKind,
    MemorandumStatus,
)
from .fields import LanguagesField

if TYPE_CHECKING:
    from .parts import MemorandumDocument

# Fields that only the lifecycle services change; revisions never carry them back.
LIFECYCLE_FIELDS = ("status", "sequence", "ended_on")
# Calendar milestones: a change of any of these makes calendars reload the event.
MILESTONE_FIELDS = ("signed_on", "in_force_from", "term_years", "expires_on")


class MemorandumPageQuerySet(PageQuerySet):
    def published(self):
        """Return the memoranda a visitor may see: live and without restriction."""
        return self.live().public()


class MemorandumPage(Page):
    """A memorandum, agreement, protocol or action plan between two or more parties."""

    registration_number = models.CharField(
        _("registration number"),
        max_length=50,
        unique=True,
        # NULL, not "": a copied page has none until staff give it a new one; the
        # admin form requires it.
        null=True,
        blank=True,
        error_messages={
            "unique": _("Another memorandum already has this registration number.")
        },
        help_text=_("As written in the department's register, e.g. “MS-2017/04”."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=MemorandumKind.choices,
        default=MemorandumKind.MOU,
    )
    amends = models.ForeignKey(
        "self",
        verbose_name=_("amends"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="amendments",
        help_text=_("For an amendment or protocol: the memorandum it changes."),
    )
    public_summary = RichTextField(
        _("public summary"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("What the memorandum is about, as visitors read it."),
    )
    areas = ParentalManyToManyField(
        "cooperation.CooperationArea",
        verbose_name=_("cooperation areas"),
        blank=True,
        related_name="memoranda",
    )
    place_of_signing = models.CharField(
        _("place of signing"), max_length=300, blank=True
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    in_force_from = models.DateField(
        _("in force from"),
        null=True,
        blank=True,
        help_text=_("Leave empty if it enters into force on signing."),
    )
    term_years = models.PositiveSmallIntegerField(
        _("term in years"),
        null=True,
        blank=True,
        help_text=_("Counted from entry into force. Give a term or an expiry date."),
    )
    expires_on = models.DateField(
        _("expires on"),
        null=True,
        blank=True,
        help_text=_("The end of the initial term, if the text gives a date."),
    )
    renews_for_years = models.PositiveSmallIntegerField(
        _("renews automatically for (years)"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the memorandum does not renew by itself."),
    )
    notice_months = models.PositiveSmallIntegerField(
        _("notice period (months)"),
        null=True,
        blank=True,
        help_text=_(
            "It renews unless a party gives notice this many months before expiry."
        ),
    )
    ended_on = models.DateField(_("ended on"), null=True, blank=True, editable=False)
    authentic_languages = LanguagesField(
        _("authentic languages"),
        default=list,
        blank=True,
        help_text=_("The languages in which the text is equally authentic."),
    )
    internal_notes = models.TextField(
        _("internal notes"),
        blank=True,
        help_text=_("Only staff see these notes; they are never published."),
    )
    responsible_staff = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible staff"),
        blank=True,
        related_name="responsible_memoranda",
        limit_choices_to={"is_active": True},
        help_text=_("They receive the reminders about deadlines by e-mail."),
    )
    status = models.CharField(
        _("status"),
        max_length=24,
        choices=MemorandumStatus.choices,
        default=MemorandumStatus.IDEA,
        editable=False,
    )
    sequence = models.PositiveIntegerField(
        _("calendar sequence"), default=0, editable=False
    )
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    objects = PageManager.from_queryset(MemorandumPageQuerySet)()

    content_panels = Page.content_panels + [
        LifecyclePanel(heading=_("Status and dates")),
        FieldRowPanel([FieldPanel("registration_number"), FieldPanel("kind")]),
        FieldPanel("amends"),
        FieldPanel("public_summary"),
        FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
    ]
    parties_panels = [
        InlinePanel("parties", heading=_("Parties"), label=_("Party")),
        InlinePanel("signatories", heading=_("Signatories"), label=_("Signatory")),
        FieldPanel("place_of_signing"),
    ]
    terms_panels = [
        HelpPanel(
            content=_(
                "Status changes go through “Change status”: it checks that the "
                "memorandum is ready and records who changed it. The next expiry and "
                "notice deadline are computed from these dates."
            )
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("signed_on"), FieldPanel("in_force_from")]),
                FieldRowPanel([FieldPanel("term_years"), FieldPanel("expires_on")]),
                FieldRowPanel(
                    [FieldPanel("renews_for_years"), FieldPanel("notice_months")]
                ),
            ],
            heading=_("Dates and term"),
        ),
        FieldPanel("authentic_languages"),
        InlinePanel("documents", heading=_("Documents"), label=_("Document")),
    ]
    commitments_panels = [
        InlinePanel("commitments", heading=_("Commitments"), label=_("Commitment")),
        InlinePanel(
            "related_pages",
            heading=_("Related events and news"),
            label=_("Related page"),
        ),
    ]
    internal_panels = [
        FieldPanel("internal_notes"),
        FieldPanel("responsible_staff"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Memorandum")),
            ObjectList(parties_panels, heading=_("Parties and signatories")),
            ObjectList(terms_panels, heading=_("Term and documents")),
            ObjectList(commitments_panels, heading=_("Commitments")),
            ObjectList(internal_panels, heading=_("Internal")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    base_form_class = MemorandumPageForm

    search_fields = Page.search_fields + [
        index.SearchField("public_summary"),
        index.SearchField("registration_number"),
        index.FilterField("status"),
        index.FilterField("signed_on"),
    ]
    # The public API's fields: never internal_notes or responsible_staff.
    api_fields = [
        APIField("registration_number"),
        APIField("kind"),
        APIField("status"),
        APIField("signed_on"),
        APIField("in_force_from"),
        APIField("term_years"),
        APIField("expires_on"),
        APIField("renews_for_years"),
        APIField("notice_months"),
        APIField("next_expiry"),
        APIField("notice_deadline"),
        APIField("authentic_languages"),
        APIField("place_of_signing"),
        APIField("public_summary"),
    ]
    # Never internal_notes: the public search reads these fields.
    public_search_fields = ("public_summary", "place_of_signing")
    translated_content_fields = ("title", "public_summary", "place_of_signing")
    exclude_fields_in_copy = ["uid", "registration_number", *LIFECYCLE_FIELDS]

    parent_page_types = ["memoranda.MemorandumIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("memorandum")
        verbose_name_plural = _("memoranda")

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.pk and update_fields is None:
            stored = (
                type(self)
                .objects.filter(pk=self.pk)
                .values(*MILESTONE_FIELDS, "sequence")
                .first()
            )
            if stored and any(
                stored[name] != getattr(self, name) for name in MILESTONE_FIELDS
            ):
                self.sequence = max(self.sequence, stored["sequence"]) + 1
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        for name in LIFECYCLE_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    # Computed dates, relative to a given day.

    def next_expiry(self, today: datetime.date | None = None) -> datetime.date | None:
        return terms.next_expiry(self, today=today or timezone.localdate())

    def notice_deadline(
        self, today: datetime.date | None = None
    ) -> datetime.date | None:
        return terms.notice_deadline(self, today=today or timezone.localdate())

    def first_expiry(self) -> datetime.date | None:
        return terms.first_expiry(self)

    def is_in_force(self, today: datetime.date | None = None) -> bool:
        return terms.is_in_force(self, today=today or timezone.localdate())

    @property
    def status_label(self) -> str:
        return str(MemorandumStatus(self.status).label)

    def authentic_language_labels(self) -> list[str]:
        names = dict(AUTHENTIC_LANGUAGES)
        return [str(names[code]) for code in self.authentic_languages if code in names]

    # What the public side shows.

    def is_published(self) -> bool:
        """Return whether visitors may see this memorandum."""
        return (
            type(self).objects.published().filter(pk=self.pk).exists()
            if self.pk
            else False
        )

    def public_documents(self) -> list["MemorandumDocument"]:
        """Return the documents a visitor may download."""
        shown = []
        for link in self.documents.all().select_related("document__collection"):
            document = link.document
            if document is None:
                continue
            if document.collection.get_view_restrictions().exists():
                continue
            shown.append(link)
        return shown

    def commitment_progress(self) -> tuple[int, int]:
        """Return (done, total) commitments; dropped ones do not count."""
        statuses = [commitment.status for commitment in self.commitments.all()]
        total = sum(1 for status in statuses if status != CommitmentStatus.DROPPED)
        done = sum(1 for status in statuses if status == CommitmentStatus.DONE)
        return done, total

    def public_history(self) -> list[dict]:
        """Return the status changes without who made them or why."""
        return [
            {
                "status": transition.to_status,
                "label": str(MemorandumStatus(transition.to_status).label),
                "date": transition.effective_on or timezone.localdate(transition.at),
            }
            for transition in self.transitions.order_by("at", "pk")
        ]

    def public_related_pages(self) -> list[Page]:
        """Return the related events and news a visitor may open."""
        return page_cache.public_pages(
            [link.page_id for link in self.related_pages.all()]
        )

    def chain(self) -> list["MemorandumPage"]:
        """Return the original memorandum and its amendments in date order."""
        original = self
        seen = {self.pk}
        while original.amends_id and original.amends_id not in seen:
            seen.add(original.amends_id)
            parent = type(self).objects.filter(pk=original.amends_id).first()
            if parent is None:
                break
            original = parent
        amendments: list[MemorandumPage] = []
        frontier = [original.pk]
        visited = {original.pk}
        while frontier:
            children = list(
                type(self)
                .objects.filter(amends_id__in=frontier)
                .exclude(pk__in=visited)
            )
            visited.update(child.pk for child in children)
            amendments.extend(children)
            frontier = [child.pk for child in children]
        amendments.sort(key=chain_order)
        return [original, *amendments]

    def public_chain(self) -> list["MemorandumPage"]:
        """Return the chain without memoranda a visitor may not see."""
        chain = self.chain()
        if len(chain) < 2:
            return []
        public_ids = set(
            type(self)
            .objects.published()
            .filter(pk__in=[item.pk for item in chain])
            .values_list("pk", flat=True)
        )
        shown = [item for item in chain if item.pk in public_ids]
        return shown if len(shown) > 1 else []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        done, total = self.commitment_progress()
        context.update(
            today=today,
            next_expiry=self.next_expiry(today),
            notice_deadline=self.notice_deadline(today),
            first_expiry=self.first_expiry(),
            in_force_now=self.is_in_force(today),
            commitments_done=done,
            commitments_total=total,
            public_documents=self.public_documents(),
            public_history=self.public_history(),
            public_chain=self.public_chain(),
            related=self.public_related_pages(),
        )
        return context

    # Calendars.

    def calendar_events(
        self, request=None, *, published: bool = False
    ) -> list[CalendarEvent]:
        """Return the milestones as all-day events in the active language.

        `published=True` says the caller read this memorandum from published ones
        only, which saves a query per memorandum in feeds.
        """
        if not published and not self.is_published():
            return []
        today = timezone.localdate()
        url = self.get_url(request=request) or ""
        if request is not None and url.startswith("/"):
            url = request.build_absolute_uri(url)
        categories = tuple(area.name for area in self.areas.all())
        description = " · ".join(
            part for part in (self.registration_number or "", self.status_label) if part
        )
        # The milestone's key is part of the uid: a calendar keeps one event per
        # milestone; a renewal's expiry is a new milestone with its own date.
        milestones: list[tuple[str, str, datetime.date | None, str]] = [
            ("signed", _("Signed: %(title)s"), self.signed_on, "CONFIRMED"),
            (
                "in-force",
                _("Enters into force: %(title)s"),
                self.in_force_from,
                "CONFIRMED",
            ),
        ]
        expiry = self.next_expiry(today)
        if expiry:
            milestones.append(
                (
                    f"expires-{expiry:%Y%m%d}",
                    _("Expires: %(title)s"),
                    expiry,
                    "TENTATIVE" if self.renews_for_years else "CONFIRMED",
                )
            )
        deadline = self.notice_deadline(today)
        if deadline:
            milestones.append(
                (
                    f"notice-{deadline:%Y%m%d}",
                    _("Last day to give notice: %(title)s"),
                    deadline,
                    "CONFIRMED",
                )
            )
        events = []
        for key, summary, day, status in milestones:
            if day is None:
                continue
            events.append(
                CalendarEvent(
                    uid=event_uid(f"{self.uid}-{key}"),
                    summary=str(summary) % {"title": self.title},
                    start=day,
                    end=day + datetime.timedelta(days=1),
                    time_zone=settings.TIME_ZONE,
                    status=status,
                    sequence=self.sequence,
                    description=description,
                    location=self.place_of_signing if key == "signed" else "",
                    url=url,
                    categories=categories,
                    last_modified=self.last_published_at,
                )
            )
        return events


def chain_order(page: MemorandumPage) -> tuple:
    day = page.signed_on or (
        timezone.localdate(page.first_published_at)
        if page.first_published_at
        else datetime.date.max
    )
    return (day, page.pk)
