"""Site-wide template tags: language versions, fallbacks and navigation."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from cooperation.i18n import fallback_languages, language_codes, shown_language

register = template.Library()

NATIVE_NAMES = {"ru": "Русский", "az": "Azərbaycanca", "en": "English"}


def page_url_in(page: Page, language: str, request=None) -> str | None:
    """Return the page's URL in another language (translated slugs)."""
    with translation.override(language):
        return page.get_url(request=request)


@register.simple_tag(takes_context=True)
def language_versions(context, page: Page | None = None) -> list[dict]:
    """Return this page (or view) in every language, for switchers and hreflang."""
    request = context.get("request")
    current = translation.get_language()
    query = request.META.get("QUERY_STRING", "") if request else ""
    versions = []
    for code in language_codes():
        if page is not None and getattr(page, "pk", None):
            url = page_url_in(page, code, request)
            if url and query:
                url = f"{url}?{query}"
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = None
        if not url:
            continue
        versions.append(
            {
                "code": code,
                "name": NATIVE_NAMES.get(code, code),
                "url": url,
                "absolute_url": request.build_absolute_uri(url) if request else url,
                "current": code == current,
            }
        )
    return versions


@register.inclusion_tag("includes/fallback_notice.html")
def fallback_notice(obj: object, *fields: str) -> dict:
    """Tell the reader which parts are shown in another language."""
    fields = fields or getattr(obj, "translated_content_fields", ("title",))
    names = dict(settings.LANGUAGES)
    shown = fallback_languages(obj, fields)
    return {
        "shown_languages": [str(names[code]).lower() for code in shown],
        "shown_codes": shown,
    }


@register.simple_tag
def shown_lang(obj: object, field: str) -> str:
    """Return the language code of the value the reader sees, for `lang`."""
    return shown_language(obj, field) or translation.get_language() or ""


@register.simple_tag(takes_context=True)
def read_shown_relations(context, page) -> str:
    """Read at once everything a page's body shows (people, sides, children).

    For bodies kept with `{% cache %}`: only a body actually rendered reads them.
    A preview shows its revision's relations, which are already in memory.
    """
    if not getattr(context.get("request"), "is_preview", False):
        page.preload_shown_relations()
    return ""


@register.simple_tag(takes_context=True)
def site_navigation(context) -> list[dict]:
    """Return the home page and its public children shown in menus."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    root = site.root_page
    current = context.get("page")
    items = [{"title": _("Home"), "url": root.get_url(request), "page": root}]
    for child in root.get_children().live().public().in_menu():
        items.append(
            {"title": child.title, "url": child.get_url(request), "page": child}
        )
    for item in items:
        item["active"] = bool(
            current is not None
            and getattr(current, "path", "").startswith(item["page"].path)
            and (item["page"].pk != root.pk or current.pk == root.pk)
        )
    return items


@register.inclusion_tag("includes/calendar_links.html", takes_context=True)
def calendar_links(context, page=None, **filters) -> dict:
    """Offer "add to calendar" for an event and "subscribe" to a matching feed."""
    from django.urls import reverse
    from django.utils.http import urlencode

    from home.calendar_views import subscribe_links

    request = context["request"]
    query = urlencode({key: value for key, value in filters.items() if value})
    links = subscribe_links(request, reverse("calendar_feed"), query)
    uid = getattr(page, "uid", None)
    if uid:
        links["event"] = reverse("calendar_event", kwargs={"key": str(uid)})
    return {"links": links}
