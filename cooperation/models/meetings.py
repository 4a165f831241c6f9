"""Meetings, their topics and the tasks they set."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .events import CooperationEventPage, RelatedPageLink
from .reference import Organisation


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
    keeps_rendered_body = True
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
