"""Public site search over live, public pages in the reader's language."""

from django.db.models import Q

from wagtail.models import Page, get_page_models

from cooperation.i18n import language_codes

MAX_RESULTS = 200


def _language_field(field: str, language: str) -> str:
    return f"{field}_{language}"


def search_public_pages(query: str, language: str) -> list[Page]:
    """Return live public pages whose text in `language` has every query word."""
    words = [word for word in query.split() if word][:10]
    if not words or language not in language_codes():
        return []
    results: list[Page] = []
    for model in get_page_models():
        if model is Page or model._meta.abstract:
            continue
        fields = (
            "title",
            "search_description",
            *getattr(model, "public_search_fields", ()),
        )
        condition = Q()
        for word in words:
            word_q = Q()
            for field in fields:
                word_q |= Q(**{f"{_language_field(field, language)}__icontains": word})
            condition &= word_q
        matches = (
            model.objects.live()
            .public()
            .exact_type(model)
            .filter(condition)
            .order_by("-first_published_at")[:MAX_RESULTS]
        )
        results.extend(matches)
    title_field = _language_field("title", language)
    lowered = [word.lower() for word in words]

    def rank(page: Page) -> tuple:
        title = (getattr(page, title_field, "") or "").lower()
        in_title = sum(word in title for word in lowered)
        published = (
            page.first_published_at.timestamp() if page.first_published_at else 0
        )
        return (-in_title, -published)

    return sorted(results, key=rank)[:MAX_RESULTS]
