"""Public hearings: documents, hashtags and moderated public questions."""

import datetime
from urllib.parse import quote, urlencode

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .. import services
from ..views import hearing_page
from .events import CooperationEventPage, RelatedPageLink


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
