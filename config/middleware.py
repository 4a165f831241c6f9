"""Security headers, no caching of private responses, guards on admin views."""

from collections.abc import Callable

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    """Send a Content-Security-Policy and a Permissions-Policy on public pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # The Wagtail admin relies on inline scripts and styles; it keeps its own.
        if not request.path.startswith("/admin/"):
            response.headers.setdefault("Content-Security-Policy", PUBLIC_CSP)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        return response


class PrivateResponseMiddleware:
    """Forbid caching of the admin, of signed-in users' pages and of restricted content.

    Views and hooks set `request.private_response` for content of restricted
    pages or collections. It sits inside the anonymous page cache, which then
    never stores these responses either.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            request.path.startswith("/admin/")
            or (user is not None and user.is_authenticated)
            or getattr(request, "private_response", False)
        ):
            # A shared cache must never hand one reader's drafts, previews or
            # personal data to the next; patching "private" drops "public".
            patch_cache_control(
                response, private=True, no_store=True, no_cache=True, max_age=0
            )
            del response["Expires"]
        return response


class AdminPageGuardMiddleware:
    """Refuse the Wagtail admin views that would name pages the user may not see.

    Wagtail checks permissions in its editing views, but its page chooser opens
    any page's children and names any page by id, its bulk action screens name
    every object they were given, and its page types report shows the last
    edited page of every type, drafts included.
    """

    SUPERUSER_ONLY = frozenset(
        {
            "wagtailadmin_reports:page_types_usage",
            "wagtailadmin_reports:page_types_usage_results",
        }
    )

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not request.path.startswith("/admin/"):
            return None
        user = request.user
        if not user.is_authenticated or user.is_superuser:
            return None
        from cooperation.permissions import (
            may_see_bulk_action_objects,
            pages_visible_to,
        )

        if match.view_name in self.SUPERUSER_ONLY:
            raise PermissionDenied
        if match.view_name == "wagtail_bulk_action":
            try:
                model = apps.get_model(
                    view_kwargs["app_label"], view_kwargs["model_name"]
                )
            except LookupError as error:
                raise Http404 from error
            if not may_see_bulk_action_objects(user, model, request.GET):
                raise Http404
            return None
        if match.view_name == "wagtailadmin_choose_page_child":
            ids = [view_kwargs["parent_page_id"]]
        elif match.view_name == "wagtailadmin_choose_page_chosen_multiple":
            ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        else:
            return None
        if pages_visible_to(user).filter(pk__in=ids).count() != len(set(ids)):
            raise Http404
        return None
