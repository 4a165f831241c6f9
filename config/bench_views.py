"""Views that exist only for `make bench` (settings.BENCHMARK_VIEWS)."""

from collections.abc import Callable

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.template.response import TemplateResponse

from wagtail.models import Page


def hello(request: HttpRequest) -> HttpResponse:
    """The baseline: a plain Django view."""
    return HttpResponse("hello", content_type="text/plain")


# The same listing inside the site's own layout (header, navigation, language
# switcher, footer), so that it compares with the site's pages like for like.
SITE_LAYOUT = """{% extends "base.html" %}{% load wagtailcore_tags %}
{% block content %}<div class="container"><h1>{{ page.title }}</h1><ul>
{% for child in children %}<li><a href="{% pageurl child %}">{{ child.title }}</a></li>
{% endfor %}</ul></div>{% endblock %}"""


def stock_listing(request: HttpRequest) -> HttpResponse:
    """A stock Wagtail listing: a page and 20 of its live children.

    `?layout=site` renders it inside the site's layout instead of a bare page.
    """
    parent = Page.objects.get(pk=int(request.GET.get("parent", "0") or 0))
    children = (
        parent.get_children().live().public().order_by("-first_published_at")[:20]
    )
    if request.GET.get("layout") == "site":
        template = engines["django"].from_string(SITE_LAYOUT)
        return HttpResponse(
            template.render(
                {"page": parent.specific, "children": children}, request=request
            )
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
