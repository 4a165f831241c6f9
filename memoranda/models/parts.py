"""The parts of a memorandum edited inline: parties, signatories, documents, commitments."""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from config import page_cache

from .choices import AUTHENTIC_LANGUAGES, CommitmentStatus, DocumentKind


class MemorandumParty(Orderable):
    """An organisation that is party to a memorandum; its region comes with it."""

    memorandum = ParentalKey("memoranda.MemorandumPage", related_name="parties")
    organisation = models.ForeignKey(
        "cooperation.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="memorandum_parties",
    )
    role = models.CharField(
        _("role"),
        max_length=200,
        blank=True,
        help_text=_("How the text names this party, e.g. “the Russian side”."),
    )

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self) -> str:
        return str(self.organisation)

    @property
    def region(self):
        return self.organisation.region


class MemorandumSignatory(Orderable):
    """A person who signed for a party, with the position held on that day."""

    memorandum = ParentalKey("memoranda.MemorandumPage", related_name="signatories")
    organisation = models.ForeignKey(
        "cooperation.Organisation",
        verbose_name=_("for the party"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    person = models.ForeignKey(
        "cooperation.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="memorandum_signatures",
    )
    position = models.CharField(
        _("position when signing"),
        max_length=300,
        blank=True,
        help_text=_("Left empty, it is filled from the person's current position."),
    )

    panels = [FieldPanel("organisation"), FieldPanel("person"), FieldPanel("position")]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self) -> str:
        return str(self.person)

    def fill_position(self) -> None:
        """Copy the person's position in every language if none was typed."""
        codes = [code for code, _name in settings.LANGUAGES]
        if self.person_id is None or any(
            getattr(self, f"position_{code}", None) for code in codes
        ):
            return
        for code in codes:
            setattr(self, f"position_{code}", getattr(self.person, f"position_{code}"))

    def clean(self) -> None:
        super().clean()
        self.fill_position()

    def save(self, *args, **kwargs):
        self.fill_position()
        return super().save(*args, **kwargs)


class MemorandumDocument(Orderable):
    """A file of the memorandum's text in one language: signed scan or text."""

    memorandum = ParentalKey("memoranda.MemorandumPage", related_name="documents")
    language = models.CharField(
        _("language"), max_length=8, choices=AUTHENTIC_LANGUAGES, default="ru"
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=DocumentKind.choices,
        default=DocumentKind.SIGNED_SCAN,
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "Until the memorandum is published its documents are kept in the "
            "“Confidential memoranda documents” collection."
        ),
    )

    panels = [FieldPanel("language"), FieldPanel("kind"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return f"{self.get_language_display()}: {self.get_kind_display()}"


class MemorandumCommitment(Orderable):
    """A promise of the action plan: what, who, by when, and how it went."""

    memorandum = ParentalKey("memoranda.MemorandumPage", related_name="commitments")
    text = models.TextField(_("commitment"))
    responsible = models.ForeignKey(
        "cooperation.Organisation",
        verbose_name=_("responsible party"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memorandum_commitments",
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.PLANNED,
    )
    evidence = StreamField(
        [("page", blocks.PageChooserBlock(label=_("page")))],
        verbose_name=_("evidence"),
        blank=True,
        help_text=_("Visits, meetings, trainings and news that fulfilled it."),
    )
    uid = models.UUIDField(default=uuid.uuid4, editable=False)

    panels = [
        FieldPanel("text"),
        FieldRowPanel(
            [FieldPanel("responsible"), FieldPanel("due_on"), FieldPanel("status")]
        ),
        FieldPanel("evidence"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self) -> str:
        return self.text[:80]

    def is_overdue(self, today: datetime.date) -> bool:
        """Return whether it is late: past due and neither done nor dropped."""
        if self.status == CommitmentStatus.OVERDUE:
            return True
        return bool(
            self.due_on
            and self.due_on < today
            and self.status not in (CommitmentStatus.DONE, CommitmentStatus.DROPPED)
        )

    def shown_status(self, today: datetime.date | None = None) -> str:
        """Return the status label, saying “overdue” once the due date has passed."""
        if self.is_overdue(today or timezone.localdate()):
            return str(CommitmentStatus.OVERDUE.label)
        return self.get_status_display()

    def public_evidence(self) -> list[Page]:
        """Return the evidence pages a visitor may open."""
        return page_cache.public_pages(
            [block.value.pk for block in self.evidence if block.value]
        )


class MemorandumRelatedPage(Orderable):
    """A link from a memorandum to a related event, visit, training or news article."""

    memorandum = ParentalKey("memoranda.MemorandumPage", related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
