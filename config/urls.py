"""URL configuration: admin, sitemap and the language-prefixed public site."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import calendar_views, feeds, views

from .api import api_router

handler500 = "config.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots, name="robots"),
    # Only images are served straight from storage; documents always go through
    # Wagtail's view, which checks collection privacy.
    re_path(
        r"^media/(?P<path>(?:images|original_images)/.+)$",
        serve,
        {"document_root": settings.MEDIA_ROOT},
    ),
]

if settings.BENCHMARK_VIEWS:
    from . import bench_views

    urlpatterns += [
        path("bench/hello/", bench_views.hello),
        path("bench/stock-listing/", bench_views.stock_listing),
    ]

urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    path("api/v2/", api_router.urls),
    path("feeds/news/rss/", feeds.NewsRssFeed(), name="news_rss"),
    path("feeds/news/atom/", feeds.NewsAtomFeed(), name="news_atom"),
    path("calendar.ics", calendar_views.public_feed, name="calendar_feed"),
    path(
        "calendar/event/<str:key>.ics",
        calendar_views.single_event,
        name="calendar_event",
    ),
    path(
        "calendar/private/<str:token>.ics",
        calendar_views.private_feed,
        name="calendar_private_feed",
    ),
    path("", include("cooperation.urls")),
    path("", include("memoranda.urls")),
    path("", include("training.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
