"""Views that exist only for `make bench` (settings.BENCHMARK_VIEWS)."""

from collections.abc import Callable

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from wagtail.models import Page


def hello(request: HttpRequest) -> HttpResponse:
    """The baseline: a plain Django view."""
    return HttpResponse("hello", content_type="text/plain")


def stock_listing(request: HttpRequest) -> TemplateResponse:
    """A stock Wagtail listing: a page and 20 of its live children."""
    parent = Page.objects.get(pk=int(request.GET.get("parent", "0") or 0))
    children = (
        parent.get_children().live().public().order_by("-first_published_at")[:20]
    )
    return TemplateResponse(
        request, "bench_listing.html", {"parent": parent, "children": children}
    )


class QueryCountMiddleware:
    """Count every SQL query a request makes, with a per-connection hook."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Queries"] = str(count)
        return response
