"""Site-wide public views: search and the XML sitemap."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.http import require_GET

from wagtail.models import Page, Site

from cooperation.i18n import language_codes

from .search import search_public_pages
from .templatetags.site_tags import page_url_in

RESULTS_PER_PAGE = 20


@require_GET
def search(request: HttpRequest) -> TemplateResponse:
    """Show public pages matching the query in the current language."""
    query = request.GET.get("q", "").strip()[:200]
    language = translation.get_language()
    results = search_public_pages(query, language) if query else []
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "home/search.html",
        {"query": query, "page_obj": page_obj, "results": page_obj.object_list},
    )


@require_GET
def sitemap(request: HttpRequest) -> TemplateResponse:
    """List every public page once, with its address in each language."""
    site = Site.find_for_request(request)
    entries = []
    if site is not None:
        pages = (
            Page.objects.live()
            .public()
            .descendant_of(site.root_page, inclusive=True)
            .order_by("path")
            .specific()
        )
        default = language_codes()[0]
        for page in pages:
            if getattr(page, "exclude_from_sitemap", False):
                continue
            alternates = []
            for code in language_codes():
                url = page_url_in(page, code, request)
                if url:
                    alternates.append((code, request.build_absolute_uri(url)))
            if not alternates:
                continue
            urls = dict(alternates)
            entries.append(
                {
                    "location": urls.get(default, alternates[0][1]),
                    "lastmod": page.last_published_at,
                    "alternates": alternates,
                }
            )
    response = TemplateResponse(
        request,
        "home/sitemap.xml",
        {"entries": entries},
        content_type="application/xml; charset=utf-8",
    )
    return response


def robots(request: HttpRequest) -> HttpResponse:
    """Point crawlers at the sitemap and away from the admin."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
