"""Error views that render in the reader's language without touching the database."""

from django.http import HttpRequest, HttpResponseServerError
from django.template import loader
from django.utils import translation


def server_error(request: HttpRequest) -> HttpResponseServerError:
    """Render the 500 page in the language of the URL."""
    language = translation.get_language_from_path(request.path_info)
    with translation.override(language or translation.get_language()):
        body = loader.get_template("500.html").render(
            {"LANGUAGE_CODE": translation.get_language()}
        )
    return HttpResponseServerError(body)
