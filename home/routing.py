"""Page routing by translated slug that asks the database for the child."""

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import Http404
from django.utils import translation

from modeltranslation.utils import build_localized_fieldname
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult
from wagtail_modeltranslation import patch_wagtailadmin

from config import page_cache

ROUTE_CACHE_SECONDS = 60 * 60


def route(self, request, path_components):
    """Route as wagtail-modeltranslation does, reading only the matching children.

    Its own `route` loads every child page to compare slugs in Python, which
    takes over a second below an index of 10,000 articles.
    """
    if isinstance(self, RoutablePageMixin) and self.live:
        path = "/" + "".join(f"{component}/" for component in path_components)
        try:
            view, args, kwargs = self.resolve_subpage(path)
        except Http404:
            pass
        else:
            return RouteResult(self, args=(view, args, kwargs))
    if not path_components:
        if self.live:
            return RouteResult(self)
        raise Http404
    child_slug, remaining = path_components[0], path_components[1:]
    child = _child(self, child_slug)
    if child is None:
        raise Http404
    child._cached_parent_obj = self
    return child.specific.route(request, remaining)


def _child(parent: Page, slug: str) -> Page | None:
    """Return the child page a reader of the active language reaches by `slug`."""
    # The translated slug columns have no index, so finding a child scans every
    # page below the parent; the answer is kept until any content changes.
    key = (
        f"route:{page_cache.content_version()}:{parent.pk}:"
        f"{translation.get_language()}:{slug}"
    )
    known = cache.get(key)
    if isinstance(known, Page) and known.slug == slug:
        # The page itself, as it was read: content changes make a new key.
        return known
    # A reader's language may fall back to another language's slug, so a slug in
    # any language is a candidate; the page's own `slug` (in the active language,
    # with fallbacks) decides, exactly as before.
    any_language = Q()
    for code in settings.MODELTRANSLATION_LANGUAGES:
        any_language |= Q(**{build_localized_fieldname("slug", code): slug})
    for page in parent.get_children().filter(any_language):
        if page.slug == slug:
            page = page.specific
            cache.set(key, page, ROUTE_CACHE_SECONDS)
            return page
    return None


def install() -> None:
    """Replace wagtail-modeltranslation's route on every page type it patched."""
    for model in apps.get_models():
        if (
            issubclass(model, Page)
            and model.__dict__.get("route") is patch_wagtailadmin._new_route
        ):
            model.route = route
