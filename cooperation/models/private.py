"""Personal data kept out of pages: delegations, internal notes, public submissions.

These are plain models behind admin viewsets, so nothing here ever reaches a page
revision, the search index, the sitemap, a feed, a calendar or an API.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .. import services
from .hearings import HearingPage
from .reference import Person
from .visits import VisitPage


class DelegationMember(models.Model):
    """A member of a visiting or travelling delegation and their logistics."""

    class DocumentStatus(models.TextChoices):
        UNKNOWN = "unknown", _("not checked yet")
        VALID = "valid", _("valid")
        RENEWAL = "renewal", _("needs renewal")

    class VisaStatus(models.TextChoices):
        NOT_REQUIRED = "not_required", _("not required")
        TO_APPLY = "to_apply", _("to apply for")
        APPLIED = "applied", _("applied for")
        ISSUED = "issued", _("issued")
        REFUSED = "refused", _("refused")

    visit = models.ForeignKey(
        VisitPage,
        verbose_name=_("visit"),
        on_delete=models.CASCADE,
        related_name="delegation_members",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Choose from the reference data, or type the name below."),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    role = models.CharField(
        _("role in the delegation"),
        max_length=200,
        blank=True,
        help_text=_("E.g. head of delegation, expert, interpreter."),
    )
    passport_status = models.CharField(
        _("passport"),
        max_length=20,
        choices=DocumentStatus.choices,
        default=DocumentStatus.UNKNOWN,
    )
    visa_status = models.CharField(
        _("visa"),
        max_length=20,
        choices=VisaStatus.choices,
        default=VisaStatus.NOT_REQUIRED,
    )
    arrival_at = models.DateTimeField(_("arrival"), null=True, blank=True)
    arrival_details = models.CharField(
        _("arrival details"),
        max_length=200,
        blank=True,
        help_text=_("Flight or train number, station or airport."),
    )
    departure_at = models.DateTimeField(_("departure"), null=True, blank=True)
    departure_details = models.CharField(
        _("departure details"), max_length=200, blank=True
    )
    accommodation = models.CharField(_("accommodation"), max_length=300, blank=True)
    interpreter_needs = models.CharField(
        _("interpreter needs"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Azerbaijani – Russian for the whole programme."),
    )
    dietary_needs = models.CharField(_("dietary needs"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("visit"),
        FieldRowPanel([FieldPanel("person"), FieldPanel("name")]),
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("passport_status"), FieldPanel("visa_status")]),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("arrival_at"), FieldPanel("arrival_details")]
                ),
                FieldRowPanel(
                    [FieldPanel("departure_at"), FieldPanel("departure_details")]
                ),
                FieldPanel("accommodation"),
            ],
            heading=_("Logistics"),
        ),
        FieldPanel("interpreter_needs"),
        FieldPanel("dietary_needs"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        ordering = ["visit", "pk"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.person_id:
            return str(self.person)
        return self.name

    def clean(self):
        super().clean()
        services.validate_delegation_member(
            person=self.person,
            name=self.name,
            arrival_at=self.arrival_at,
            departure_at=self.departure_at,
        )


class VisitInternalNote(models.Model):
    """A note about a visit for staff only: logistics, contacts, open questions."""

    visit = models.ForeignKey(
        VisitPage,
        verbose_name=_("visit"),
        on_delete=models.CASCADE,
        related_name="internal_notes",
    )
    text = models.TextField(_("note"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [FieldPanel("visit"), FieldPanel("text")]

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.text[:60]


class HearingSubmission(models.Model):
    """A question or comment sent by the public to a hearing, shown once approved."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for moderation")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    hearing = models.ForeignKey(
        HearingPage,
        verbose_name=_("hearing"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail"))
    text = models.TextField(_("question or comment"), max_length=3000)
    consent = models.BooleanField(_("consent to processing"), default=False)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("hearing", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("text", read_only=True),
        FieldPanel("language", read_only=True),
        FieldPanel("submitted_at", read_only=True),
        FieldPanel("status"),
    ]

    class Meta:
        verbose_name = _("hearing submission")
        verbose_name_plural = _("hearing submissions")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name}: {self.text[:50]}"

    @property
    def display_name(self) -> str:
        """Return what the public sees of the author: the name, never the e-mail."""
        return self.name
