"""Exchange visits and their day-by-day programme."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..admin_forms import VisitPageForm
from .events import CooperationEventPage, RelatedPageLink
from .reference import Person


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
    keeps_rendered_body = True
    event_kind_label = _("exchange visit")
    public_search_fields = ("summary", "location", "purpose", "outcome")
    translated_content_fields = ("title", "summary", "purpose", "outcome")
    base_form_class = VisitPageForm
    shown_children = {"programme_items": ("participants",), "related_links": ()}

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
