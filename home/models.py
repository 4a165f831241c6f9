"""Pages of the public site: home, news index and news articles."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from config import page_cache

NEWS_PER_PAGE = 10


class TranslatedContentMixin:
    """Name the fields whose missing translation the reader is told about."""

    translated_content_fields: tuple[str, ...] = ("title",)


@register_snippet
class NewsTag(models.Model):
    """A topic that news articles are filed under, named in every language."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        allow_unicode=False,
        help_text=_("Latin letters, digits and hyphens; used in filter links."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name or self.slug


class HomePage(TranslatedContentMixin, Page):
    """The site's front page: an introduction and the latest news."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    translated_content_fields = ("title", "intro", "body")
    public_search_fields = ("intro", "body")
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.NewsIndexPage",
        "home.CalendarPage",
        "cooperation.EventIndexPage",
        "cooperation.PartnerIndexPage",
        "memoranda.MemorandumIndexPage",
        "training.TrainingIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Both change only with content: read once per content version.
        context["latest_news"] = page_cache.until_changed(
            f"home-latest-news:{self.pk}",
            lambda: list(
                NewsPage.objects.live()
                .public()
                .descendant_of(self)
                .order_by("-date", "-pk")[:3]
            ),
        )
        context["news_index"] = page_cache.until_changed(
            f"home-news-index:{self.pk}",
            lambda: NewsIndexPage.objects.live().public().child_of(self).first(),
        )
        return context


class NewsIndexPage(TranslatedContentMixin, Page):
    """The list of news articles, newest first, filterable by tag and year."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translated_content_fields = ("title", "intro")
    public_search_fields = ("intro",)
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def articles(self):
        """Return the public articles below this index, newest first."""
        return (
            NewsPage.objects.live()
            .public()
            .child_of(self)
            .order_by("-date", "-pk")
            .prefetch_related("tags")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        slug = request.GET.get("tag", "")
        tag = NewsTag.objects.filter(slug=slug).first() if slug else None
        year = request.GET.get("year", "")
        # Four digits: a date's year (year 10000 or a 20-digit number raised).
        selected_year = int(year) if year.isdigit() and len(year) == 4 else None

        def filtered_articles():
            # Built only when needed: public() reads the view restrictions.
            articles = self.articles()
            if tag:
                articles = articles.filter(tags=tag)
            if selected_year:
                articles = articles.filter(date__year=selected_year)
            return articles

        # The order of the articles and the years and tags to filter by read
        # every article: worked out once per content version, not per request.
        # A page then reads its own ten articles, however deep it is.
        filtered = f"{self.pk}:{tag.pk if tag else ''}:{selected_year or ''}"

        def ids() -> list[int]:
            return page_cache.until_changed(
                f"news-ids:{filtered}",
                lambda: list(filtered_articles().values_list("pk", flat=True)),
            )

        count = page_cache.until_changed(f"news-count:{filtered}", lambda: len(ids()))
        # A page number that is not a number or past the end shows the first or
        # last page: the number shown, worked out without the articles.
        number = (
            Paginator(range(count), NEWS_PER_PAGE)
            .get_page(request.GET.get("page"))
            .number
        )

        def shown_page():
            page_obj = Paginator(ids(), NEWS_PER_PAGE).get_page(number)
            page_ids = list(page_obj.object_list)

            def shown_articles() -> list:
                shown = {
                    page.pk: page
                    for page in filtered_articles().filter(pk__in=page_ids)
                }
                return [shown[pk] for pk in page_ids if pk in shown]

            page_obj.object_list = page_cache.until_changed(
                f"news-page:{filtered}:{number}", shown_articles
            )
            return page_obj

        # Read only when the list is rendered afresh: the rendered list is kept
        # until content changes, per filter and page.
        page_obj = SimpleLazyObject(shown_page)
        filters = {"tag": tag.slug if tag else None, "year": selected_year}
        context.update(
            kept_body=page_cache.kept_body(request, filtered, number),
            page_obj=page_obj,
            filter_query=urlencode({k: v for k, v in filters.items() if v}),
            articles=SimpleLazyObject(lambda: page_obj.object_list),
            selected_tag=tag,
            selected_year=selected_year,
            years=SimpleLazyObject(
                lambda: page_cache.until_changed(
                    f"news-years:{self.pk}",
                    lambda: [
                        d.year
                        for d in self.articles().dates("date", "year", order="DESC")
                    ],
                )
            ),
            tags=SimpleLazyObject(
                lambda: page_cache.until_changed(
                    f"news-tags:{self.pk}",
                    lambda: list(
                        NewsTag.objects.filter(
                            pk__in=self.articles().values("tags")
                        ).order_by("slug")
                    ),
                )
            ),
        )
        return context


class NewsPage(TranslatedContentMixin, Page):
    """A news article with a lead, body, image, tags and source attribution."""

    date = models.DateField(_("date"))
    lead = models.TextField(_("lead"), blank=True)
    body = RichTextField(_("body"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for readers who cannot see it."),
    )
    source_name = models.CharField(
        _("source"),
        max_length=250,
        blank=True,
        help_text=_("Where the text comes from, e.g. a news portal."),
    )
    source_url = models.URLField(_("source link"), blank=True)
    tags = ParentalManyToManyField(NewsTag, verbose_name=_("tags"), blank=True)
    partner_regions = ParentalManyToManyField(
        "cooperation.Region",
        verbose_name=_("partner regions"),
        blank=True,
        related_name="news_pages",
        help_text=_("The article appears on these partners' timelines."),
    )
    partner_organisations = ParentalManyToManyField(
        "cooperation.Organisation",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="news_pages",
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")
        ),
        MultiFieldPanel(
            [FieldPanel("source_name"), FieldPanel("source_url")],
            heading=_("Source attribution"),
        ),
        FieldPanel("tags"),
        MultiFieldPanel(
            [FieldPanel("partner_regions"), FieldPanel("partner_organisations")],
            heading=_("Partners"),
        ),
        InlinePanel("related_pages", label=_("Related pages")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    translated_content_fields = ("title", "lead", "body")
    public_search_fields = ("lead", "body", "source_name")
    api_fields = [
        APIField("date"),
        APIField("lead"),
        APIField("body"),
        APIField("image_alt"),
        APIField("source_name"),
        APIField("source_url"),
        APIField("tag_names"),
    ]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        # Listings show the newest first: read in index order, not sorted.
        indexes = [models.Index(fields=["date", "page_ptr"], name="home_news_date")]

    @property
    def tag_names(self) -> list[str]:
        """Return the article's tags in the active language."""
        return [tag.name for tag in self.tags.all()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        known = getattr(self, "_cluster_related_objects", None) or {}
        # Tags and related links of the published article, once per content
        # version; a preview shows those of its revision.
        if not getattr(request, "is_preview", False) and not (
            {"tags", "related_pages"} & set(known)
        ):
            relations = page_cache.until_changed(
                f"news-relations:{self.pk}",
                lambda: {
                    "tags": list(self.tags.all()),
                    "related_pages": list(self.related_pages.all()),
                },
            )
            self._cluster_related_objects = {**known, **relations}
        return context

    def public_related_pages(self) -> list[Page]:
        """Return the related pages a visitor may open."""
        return page_cache.public_pages(
            [link.page_id for link in self.related_pages.all()]
        )


class NewsPageRelatedPage(Orderable):
    """A link from a news article to another page of the site."""

    news_page = ParentalKey(NewsPage, related_name="related_pages")
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


class CalendarPage(RoutablePageMixin, TranslatedContentMixin, Page):
    """The public calendar of everything with a date, with iCalendar feeds."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translated_content_fields = ("title", "intro")
    public_search_fields = ("intro",)

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("calendar")
        verbose_name_plural = _("calendars")

    @path("")
    def calendar_view(self, request):
        from . import calendar_views

        return calendar_views.calendar_page(request, page=self)


class CalendarFeedToken(models.Model):
    """A personal, revocable secret that opens a private calendar feed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_feed_tokens",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("private calendar feed")
        verbose_name_plural = _("private calendar feeds")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%Y-%m-%d})"

    @property
    def active(self) -> bool:
        return self.revoked_at is None
