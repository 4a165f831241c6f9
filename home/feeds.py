"""RSS and Atom feeds of the news, one per language."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from .models import NewsIndexPage, NewsPage

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    """The latest public news articles in the language of the URL."""

    feed_type = Rss201rev2Feed

    def get_object(self, request: HttpRequest, *args, **kwargs) -> HttpRequest:
        return request

    def title(self) -> str:
        return _("News: Ulyanovsk – Azerbaijan cooperation")

    def description(self) -> str:
        return _("News of the cooperation between Ulyanovsk Oblast and Azerbaijan.")

    def link(self, request: HttpRequest) -> str:
        index = NewsIndexPage.objects.live().public().first()
        return (index.get_url(request) if index else None) or "/"

    def feed_url(self, request: HttpRequest) -> str:
        return request.path

    def items(self) -> list[NewsPage]:
        return list(
            NewsPage.objects.live()
            .public()
            .order_by("-date", "-pk")
            .prefetch_related("tags")[:FEED_LENGTH]
        )

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.lead

    def item_link(self, item: NewsPage) -> str:
        return item.get_url()

    def item_guid(self, item: NewsPage) -> str:
        return item.get_url()

    def item_pubdate(self, item: NewsPage) -> datetime.datetime:
        return timezone.make_aware(
            datetime.datetime.combine(item.date, datetime.time())
        )

    def item_updateddate(self, item: NewsPage) -> datetime.datetime | None:
        return item.last_published_at

    def item_categories(self, item: NewsPage) -> list[str]:
        return [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    """The same news as an Atom feed."""

    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()
