"""A whole-response cache for anonymous readers, dropped whenever content changes."""

import contextvars
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import (
    get_conditional_response,
    patch_response_headers,
    set_response_etag,
)
from django.utils.http import parse_http_date_safe
from django.utils.translation import get_language

from wagtail.models import Page

VERSION_KEY = "page-cache:version"
CACHED_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES) + (
    "/sitemap.xml",
)


T = TypeVar("T")
# What a 304 carries: the validators and how long the copy stays fresh.
VALIDATORS = ("ETag", "Last-Modified", "Cache-Control", "Expires", "Vary")
MISSING = object()
PERSONAL_COOKIES = {settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name}
# The marks of the response being built (None outside the middleware).
_live_figures: contextvars.ContextVar[list[bool] | None] = contextvars.ContextVar(
    "page_cache_live_figures", default=None
)


# The version a request read first: a page asks for it several times (routing,
# each value kept until content changes), one cache round trip is enough.
_request_version: ContextVar[int | None] = ContextVar("content_version", default=None)


def content_version() -> int:
    """Return the current content version; every change makes a new one."""
    version = _request_version.get()
    if version is not None:
        return version
    version = cache.get(VERSION_KEY)
    if version is None:
        _start_version()
        version = cache.get(VERSION_KEY, 0)
    return version


def _start_version() -> None:
    # A lost version key (evicted, cache restarted) starts again above every
    # earlier one, so entries kept under an old version never come back.
    cache.add(VERSION_KEY, time.time_ns(), None)


def until_changed(key: str, compute: Callable[[], T], seconds: int = 3600) -> T:
    """Return compute(), kept in the cache until any public content changes.

    For figures that read every item (counts, the years and tags to filter by),
    which staff and visitors with a session would otherwise recompute on every
    request.
    """
    full_key = f"until-changed:{content_version()}:{key}"
    value = cache.get(full_key, MISSING)
    if value is MISSING:
        value = compute()
        cache.set(full_key, value, seconds)
    return value


@dataclass(frozen=True)
class KeptBody:
    """Where and for how long `{% cache %}` keeps a page's rendered body."""

    key: str
    seconds: int


KEPT_BODY_SECONDS = 3600


def kept_body(request: HttpRequest, *parts: object) -> KeptBody:
    """Return how a page's rendered body is kept until content changes.

    For `{% cache kept_body.seconds name kept_body.key %}` around a page's body:
    readers with a session (staff, a visitor who registered) are served afresh
    but need not render it again. The key holds the language, the host and the
    content version. A preview shows unpublished content: it has a key of its
    own, under which nothing is ever kept (0 seconds), so it neither shows nor
    leaves a kept body (live previews re-render on every keystroke).
    """
    key = ":".join(
        str(part)
        for part in (*parts, get_language(), request.get_host(), content_version())
    )
    if getattr(request, "is_preview", False):
        return KeptBody(f"{key}:preview", 0)
    return KeptBody(key, KEPT_BODY_SECONDS)


def public_pages(ids: list[int | None]) -> list[Page]:
    """Return the pages with these ids a visitor may open, in the given order."""
    ids = list(dict.fromkeys(pk for pk in ids if pk))
    if not ids:
        return []

    def read() -> dict[int, Page]:
        pages = Page.objects.live().public().filter(pk__in=ids).specific()
        return {page.pk: page for page in pages}

    # Which linked pages are live and public changes only with content.
    by_id = until_changed(
        "public-pages:" + ",".join(str(pk) for pk in sorted(ids)), read
    )
    return [by_id[pk] for pk in ids if pk in by_id]


def shows_live_figures() -> None:
    """Keep the response being built out of the cache: it shows live figures.

    Free seats, waiting-list lengths and places change with every registration,
    which is not a content change; a page that shows them is rendered afresh each
    time instead of emptying the whole cache on every registration.
    """
    marks = _live_figures.get()
    if marks is not None:
        marks.append(True)


def invalidate(**kwargs) -> None:
    """Forget every cached page (called on publish, unpublish, delete and saves).

    The version moves at once and again when the transaction commits: a reader
    that came between the two saw the old rows and may have kept them under the
    first new version.
    """
    _next_version()
    transaction.on_commit(_next_version)


def _next_version() -> None:
    # A request that changes content reads the new version from then on.
    _request_version.set(None)
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        _start_version()


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if not request.path.startswith(CACHED_PREFIXES):
        return False
    # Anyone with a session (staff, a visitor who just posted a form) or with
    # messages waiting in a cookie sees personal content: messages, previews,
    # their own data.
    if PERSONAL_COOKIES & set(request.COOKIES):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if request.META.get("CSRF_COOKIE_USED"):
        # The page holds a form with this reader's CSRF token.
        return False
    cache_control = response.get("Cache-Control", "")
    return "private" not in cache_control and "no-store" not in cache_control


# Rows that never show on a public page; logging in or saving a draft revision
# need not empty the cache.
IGNORED_APPS = {"sessions", "auth", "contenttypes", "admin", "wagtailusers"}
IGNORED_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.taskstate",
    "wagtailcore.workflowstate",
    "home.calendarfeedtoken",
    # Registrations show only as live figures (shows_live_figures): a public
    # page that shows them is never cached, so a registration need not empty
    # the cache (under load it emptied it several times a second).
    "training.registration",
    # The outbox of registrants' e-mails is never shown publicly.
    "training.registrationemail",
}


def invalidate_for_row(sender, **kwargs) -> None:
    """Forget cached pages when a row that public pages may show changes."""
    meta = sender._meta
    if meta.app_label in IGNORED_APPS or meta.label_lower in IGNORED_MODELS:
        return
    invalidate()


class AnonymousPageCacheMiddleware:
    """Serve repeated anonymous GETs of public pages from the cache."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.seconds = getattr(settings, "PAGE_CACHE_SECONDS", 300)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _request_version.set(None)
        try:
            if request.method in ("GET", "HEAD"):
                # Only reading requests keep the version they read first.
                _request_version.set(content_version())
            return self._serve(request)
        finally:
            _request_version.reset(token)

    def _serve(self, request: HttpRequest) -> HttpResponse:
        if not self.seconds or not _cacheable_request(request):
            return self.get_response(request)
        key = (
            f"page-cache:{content_version()}:{request.method}:{request.get_full_path()}"
        )
        if "If-None-Match" in request.headers or "If-Modified-Since" in request.headers:
            # Answered from the validators alone: a 5 MB feed is not read back
            # from the cache just to say it has not changed.
            validators = cache.get(f"{key}:validators")
            if validators is not None:
                not_modified = get_conditional_response(
                    request,
                    etag=validators.get("ETag"),
                    last_modified=_timestamp(validators.get("Last-Modified")),
                )
                if not_modified is not None:
                    for name, value in validators.items():
                        not_modified[name] = value
                    not_modified["X-Page-Cache"] = "hit"
                    return not_modified
        cached = cache.get(key)
        if cached is not None:
            # A reader (or a calendar app) that already has this version gets a
            # 304 without the body.
            not_modified = get_conditional_response(
                request,
                etag=cached.get("ETag"),
                last_modified=_timestamp(cached.get("Last-Modified")),
                response=cached,
            )
            not_modified["X-Page-Cache"] = "hit"
            return not_modified
        marks: list[bool] = []
        token = _live_figures.set(marks)
        try:
            response = self.get_response(request)
            if hasattr(response, "render") and callable(response.render):
                response.render()
        finally:
            _live_figures.reset(token)
        if not marks and _cacheable_response(request, response):
            patch_response_headers(response, cache_timeout=60)
            if not response.has_header("ETag"):
                set_response_etag(response)
            cache.set(key, response, self.seconds)
            cache.set(
                f"{key}:validators",
                {
                    name: response[name]
                    for name in VALIDATORS
                    if response.has_header(name)
                },
                self.seconds,
            )
            response["X-Page-Cache"] = "miss"
        return response


def _timestamp(value: str | None) -> int | None:
    return parse_http_date_safe(value) if value else None
