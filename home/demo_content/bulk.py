"""Realistic bulk content for benchmarks (`seed_demo --bulk N`)."""

import datetime
from collections.abc import Callable, Iterator

from django.utils import translation

from home.models import NewsIndexPage, NewsPage, NewsTag

Progress = Callable[[int, int], None]

# The content types `seed_demo --bulk N` fills, in the order they are made.
BULK_TYPES = ("news",)

TOPICS = [
    ("электронные услуги", "elektron xidmətlər", "e-services"),
    ("центры госуслуг", "dövlət xidmətləri mərkəzləri", "public service centres"),
    ("семейный бизнес", "ailə biznesi", "family business"),
    ("ИТ", "İT", "IT"),
    ("обучение", "təlim", "training"),
]


def bulk_news(index: NewsIndexPage, count: int, progress: Progress) -> int:
    """Create up to `count` generated articles below the index; return how many."""
    existing = set(
        NewsPage.objects.child_of(index)
        .filter(slug_en__startswith="bulk-news-")
        .values_list("slug_en", flat=True)
    )
    tags = list(NewsTag.objects.all()[:3])
    start = datetime.date(2018, 1, 1)
    created = 0
    with translation.override("ru"):
        for number in range(1, count + 1):
            slug = f"bulk-news-{number}"
            if slug not in existing:
                ru, az, en = TOPICS[number % len(TOPICS)]
                page = NewsPage(
                    title=f"Новость №{number}: {ru}",
                    title_ru=f"Новость №{number}: {ru}",
                    title_az=f"Xəbər №{number}: {az}",
                    title_en=f"News item {number}: {en}",
                    slug=slug,
                    slug_ru=slug,
                    slug_az=f"bulk-xeber-{number}",
                    slug_en=slug,
                    date=start + datetime.timedelta(days=number % 3000),
                    lead_ru=f"Сотрудничество в сфере «{ru}» продолжается.",
                    lead_az=f"«{az}» sahəsində əməkdaşlıq davam edir.",
                    lead_en=f"Cooperation on {en} continues.",
                    body_ru=f"<p>Стороны обсудили тему «{ru}».</p>",
                    body_az=f"<p>Tərəflər «{az}» mövzusunu müzakirə etdilər.</p>",
                    body_en=f"<p>The parties discussed {en}.</p>",
                )
                index.add_child(instance=page)
                if tags:
                    page.tags.set([tags[number % len(tags)]])
                    page.save(update_fields=[])
                created += 1
            progress(number, count)
    return created


def load_bulk(
    *, pages: dict, count: int, overrides: dict[str, int], progress: Progress
) -> Iterator[tuple[str, int, int]]:
    """Create bulk items per type; yield (type, created, requested) for each."""
    for name in BULK_TYPES:
        requested = overrides.get(name, count)
        if not requested:
            continue
        if name == "news":
            created = bulk_news(pages["news_index"], requested, progress)
        yield name, created, requested
