"""Answer 503 with Retry-After, not 500, while the database cannot be reached."""

import logging
import sys
from collections.abc import Callable

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _

from .middleware import PUBLIC_CSP

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30
UNAVAILABLE = (OperationalError, InterfaceError)


def _mark(sender, request: HttpRequest | None = None, **kwargs) -> None:
    # An error raised in a middleware (reading the session or the user) never
    # reaches process_exception; Django's handler reports it here, inside its
    # except block, before it renders the 500 page.
    if request is not None and isinstance(sys.exc_info()[1], UNAVAILABLE):
        request.database_unavailable = True


class DatabaseUnavailableMiddleware:
    """Turn a lost database into a short, translated 503 that reads no database."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        got_request_exception.connect(_mark, dispatch_uid="database_unavailable")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 500 and getattr(
            request, "database_unavailable", False
        ):
            return unavailable(request)
        return response

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if isinstance(exception, UNAVAILABLE):
            logger.warning("Database unavailable for %s: %r", request.path, exception)
            return unavailable(request)
        return None


def unavailable(request: HttpRequest) -> HttpResponse:
    """Return the 503 answer: a page in the URL's language, plain text for the admin."""
    path = request.path_info
    # The admin's language is a user setting, which lives in the database.
    language = translation.get_language_from_path(
        path
    ) or translation.get_language_from_request(request, check_path=False)
    with translation.override(language):
        if path.startswith("/admin/"):
            response = HttpResponse(
                _("The site is temporarily unavailable. Please try again in a minute."),
                content_type="text/plain; charset=utf-8",
                status=503,
            )
        else:
            # Rendered without a request: no context processor, no database.
            body = loader.get_template("503.html").render({"LANGUAGE_CODE": language})
            response = HttpResponse(body, status=503)
            response["Content-Security-Policy"] = PUBLIC_CSP
    response["Content-Language"] = language
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Neither a browser nor a shared cache may keep the outage.
    response["Cache-Control"] = "no-store"
    return response
