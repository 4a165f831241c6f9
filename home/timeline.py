"""News on the partners' timelines."""

from collections.abc import Iterator

from django.utils.translation import gettext as _

from cooperation.i18n import shown_language
from cooperation.registry import TimelineEntry

from .models import NewsPage


def news_timeline(
    *, region=None, organisation=None, request=None
) -> Iterator[TimelineEntry]:
    """Return public news articles about the partner, as timeline entries."""
    articles = NewsPage.objects.live().public()
    if region is not None:
        articles = articles.filter(partner_regions=region)
    if organisation is not None:
        articles = articles.filter(partner_organisations=organisation)
    for article in articles.distinct().order_by("-date"):
        yield TimelineEntry(
            date=article.date,
            kind="news",
            kind_label=_("News"),
            title=article.title,
            language=shown_language(article, "title") or "",
            url=article.get_url(request) or "",
        )
