"""Language helpers shared by every app: fallbacks and translated URLs."""

from collections.abc import Iterable

from django.conf import settings
from django.utils import translation

from modeltranslation.utils import build_localized_fieldname


def language_codes() -> list[str]:
    """Return the site's language codes, default first."""
    return [code for code, _name in settings.LANGUAGES]


def is_empty(value: object) -> bool:
    """Return whether a stored translation counts as not written."""
    # An emptied rich-text editor stores an empty paragraph, not an empty string.
    return value is None or str(value).strip() in ("", "<p></p>")


def fallback_chain(language: str) -> list[str]:
    """Return the languages a reader of `language` sees, in order of preference."""
    chains = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    rest = chains.get(language, chains["default"])
    return [language, *(code for code in rest if code != language)]


def shown_language(obj: object, field: str, language: str | None = None) -> str | None:
    """Return the language whose value of `field` a reader of `language` sees."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    for code in fallback_chain(language):
        if not is_empty(getattr(obj, build_localized_fieldname(field, code), None)):
            return code
    return None


def fallback_languages(
    obj: object, fields: Iterable[str], language: str | None = None
) -> list[str]:
    """Return the other languages that fill the fields empty in `language`."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    shown: list[str] = []
    for field in fields:
        code = shown_language(obj, field, language)
        if code and code != language and code not in shown:
            shown.append(code)
    return shown


def missing_fields(obj: object, fields: Iterable[str], language: str) -> list[str]:
    """Return the fields that have no value of their own in `language`."""
    return [
        field
        for field in fields
        if is_empty(getattr(obj, build_localized_fieldname(field, language), None))
    ]
