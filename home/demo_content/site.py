"""Demo site structure and the seed news articles."""

import io
from collections.abc import Callable

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import translation
from django.utils.html import escape
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home.models import (
    CalendarPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    NewsPageRelatedPage,
    NewsTag,
)

from .images import banner_png
from .news import NEWS

LANGUAGES = ("ru", "az", "en")

HOME = {
    "title": {
        "ru": "Ульяновская область – Азербайджан: сотрудничество",
        "az": "Ulyanovsk vilayəti – Azərbaycan: əməkdaşlıq",
        "en": "Ulyanovsk Oblast – Azerbaijan: cooperation",
    },
    "intro": {
        "ru": (
            "Международный отдел Правительства Ульяновской области и партнёры в "
            "Азербайджанской Республике: меморандумы, обмен визитами, совместные "
            "тренинги и новости сотрудничества."
        ),
        "az": (
            "Ulyanovsk vilayəti Hökumətinin beynəlxalq şöbəsi və Azərbaycan "
            "Respublikasındakı tərəfdaşlar: memorandumlar, qarşılıqlı səfərlər, birgə "
            "təlimlər və əməkdaşlıq xəbərləri."
        ),
        "en": (
            "The international department of the Government of Ulyanovsk Oblast and "
            "its partners in the Republic of Azerbaijan: memoranda, exchange visits, "
            "joint training and cooperation news."
        ),
    },
}

NEWS_INDEX = {
    "slug": {"ru": "novosti", "az": "xeberler", "en": "news"},
    "title": {"ru": "Новости", "az": "Xəbərlər", "en": "News"},
    "intro": {
        "ru": "Новости сотрудничества Ульяновской области и Азербайджана.",
        "az": "Ulyanovsk vilayəti ilə Azərbaycan arasında əməkdaşlıq xəbərləri.",
        "en": "News of the cooperation between Ulyanovsk Oblast and Azerbaijan.",
    },
}

CALENDAR = {
    "slug": {"ru": "kalendar", "az": "teqvim", "en": "calendar"},
    "title": {"ru": "Календарь", "az": "Təqvim", "en": "Calendar"},
    "intro": {
        "ru": "Визиты, встречи, слушания, тренинги и этапы меморандумов в одном "
        "календаре. Подпишитесь, чтобы видеть их в своём приложении.",
        "az": "Səfərlər, görüşlər, dinləmələr, təlimlər və memorandumların mərhələləri "
        "bir təqvimdə. Onları öz tətbiqinizdə görmək üçün abunə olun.",
        "en": "Visits, meetings, hearings, trainings and memorandum milestones in one "
        "calendar. Subscribe to see them in your own calendar app.",
    },
}

IMAGES = {
    "ulyanovsk-azerbaijan-social-cooperation": (
        "cooperation",
        {
            "ru": "Полосы цветов флагов России и Азербайджана вокруг белого круга",
            "az": "Ağ dairə ətrafında Rusiya və Azərbaycan bayraqlarının rəngli zolaqları",
            "en": "Stripes in the colours of the Russian and Azerbaijani flags around "
            "a white circle",
        },
    ),
    "azerbaijan-e-services-public-hearings": (
        "hearing",
        {
            "ru": "Полосы цветов флага Азербайджана вокруг белого круга",
            "az": "Ağ dairə ətrafında Azərbaycan bayrağının rəngli zolaqları",
            "en": "Stripes in the colours of the Azerbaijani flag around a white circle",
        },
    ),
}

Report = Callable[[str], None]


def translated(field: str, values: dict[str, str]) -> dict[str, str]:
    """Return keyword arguments that set `field` in every language."""
    return {f"{field}_{code}": values[code] for code in LANGUAGES}


def publish(page: Page) -> None:
    """Save a revision of the page and publish it."""
    page.save_revision().publish()


def ensure_home_page() -> HomePage:
    """Return the site's home page, replacing Wagtail's welcome page once."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    # Wagtail's installation leaves a plain "Welcome" page as the site root; it
    # holds the slug "home" and has no content worth keeping.
    for placeholder in root.get_children().filter(
        content_type__app_label="wagtailcore", content_type__model="page"
    ):
        placeholder.delete()
    with translation.override("ru"):
        home = HomePage(
            title=HOME["title"]["ru"],
            slug="home",
            **translated("title", HOME["title"]),
            **translated("intro", HOME["intro"]),
            slug_az="home",
            slug_en="home",
            live=False,
        )
        root.add_child(instance=home)
        publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    else:
        site.root_page = home
        site.save()
    return HomePage.objects.get(pk=home.pk)


def ensure_news_index(home: HomePage) -> NewsIndexPage:
    """Return the news index below the home page, creating it once."""
    index = NewsIndexPage.objects.child_of(home).first()
    if index is not None:
        return index
    with translation.override("ru"):
        index = NewsIndexPage(
            title=NEWS_INDEX["title"]["ru"],
            slug=NEWS_INDEX["slug"]["ru"],
            **translated("title", NEWS_INDEX["title"]),
            **translated("slug", NEWS_INDEX["slug"]),
            **translated("intro", NEWS_INDEX["intro"]),
            show_in_menus=True,
            live=False,
        )
        home.add_child(instance=index)
        publish(index)
    return index


def ensure_calendar(home: HomePage) -> CalendarPage:
    """Return the public calendar below the home page, creating it once."""
    page = CalendarPage.objects.child_of(home).first()
    if page is not None:
        return page
    with translation.override("ru"):
        page = CalendarPage(
            title=CALENDAR["title"]["ru"],
            slug=CALENDAR["slug"]["ru"],
            **translated("title", CALENDAR["title"]),
            **translated("slug", CALENDAR["slug"]),
            **translated("intro", CALENDAR["intro"]),
            show_in_menus=True,
            live=False,
        )
        home.add_child(instance=page)
        publish(page)
    return page


def ensure_tag(names: dict[str, str]) -> NewsTag:
    """Return the news tag named `names`, keyed by its English slug."""
    slug = slugify(names["en"])
    tag = NewsTag.objects.filter(slug=slug).first()
    if tag is None:
        with translation.override("ru"):
            tag = NewsTag.objects.create(
                slug=slug, name=names["ru"], **translated("name", names)
            )
    return tag


def ensure_image(key: str, palette: str):
    """Return the generated illustration for an article, creating it once."""
    image_model = get_image_model()
    title = f"demo: {key}"
    image = image_model.objects.filter(title=title).first()
    if image is None:
        image = image_model(title=title)
        image.file = ImageFile(_named_bytes(banner_png(palette), f"{key}.png"))
        image.save()
    return image


def _named_bytes(data: bytes, name: str) -> io.BytesIO:
    buffer = io.BytesIO(data)
    buffer.name = name
    return buffer


def ensure_news(index: NewsIndexPage, report: Report) -> dict[str, NewsPage]:
    """Create the seed articles that are not there yet; never touch edited ones."""
    articles: dict[str, NewsPage] = {}
    for item in NEWS:
        existing = (
            NewsPage.objects.child_of(index).filter(slug_ru=item["slug"]["ru"]).first()
        )
        if existing is not None:
            articles[item["key"]] = existing
            continue
        palette, alt = IMAGES[item["key"]]
        tags = [
            ensure_tag({code: item["tags"][code][i] for code in LANGUAGES})
            for i in range(len(item["tags"]["ru"]))
        ]
        with translation.override("ru"):
            page = NewsPage(
                title=item["title"]["ru"],
                slug=item["slug"]["ru"],
                date=item["date"],
                image=ensure_image(item["key"], palette),
                source_url=item.get("source_url", ""),
                live=False,
                **translated("title", item["title"]),
                **translated("slug", item["slug"]),
                **translated("lead", item["lead"]),
                **translated("image_alt", alt),
                **translated("source_name", item["source"]),
                **{
                    f"body_{code}": "".join(
                        f"<p>{escape(paragraph)}</p>"
                        for paragraph in item["body"][code]
                    )
                    for code in LANGUAGES
                },
            )
            page.tags = tags
            index.add_child(instance=page)
            publish(page)
        articles[item["key"]] = page
        report(f"news: {item['title']['ru']}")
    return articles


def link_related(articles: dict[str, NewsPage]) -> None:
    """Cross-link the seed articles once."""
    pages = list(articles.values())
    for page in pages:
        if page.related_pages.exists():
            continue
        others = [other for other in pages if other.pk != page.pk]
        for order, other in enumerate(others):
            NewsPageRelatedPage.objects.create(
                news_page=page, page=other, sort_order=order
            )


@transaction.atomic
def load(report: Report) -> dict[str, Page]:
    """Load the site structure and the seed news; return the pages by key."""
    home = ensure_home_page()
    index = ensure_news_index(home)
    articles = ensure_news(index, report)
    link_related(articles)
    calendar = ensure_calendar(home)
    return {"home": home, "news_index": index, "calendar": calendar, **articles}


def link_partners(pages: dict) -> None:
    """Put the seed news on the partner timelines of Azerbaijan and the agency, once."""
    region = pages.get("region_azerbaijan")
    agency = pages.get("org_asan")
    for item in NEWS:
        known = pages.get(item["key"])
        if known is None or region is None:
            continue
        article = NewsPage.objects.get(pk=known.pk)
        if article.partner_regions.exists() or article.partner_organisations.exists():
            continue
        article.partner_regions.add(region)
        if agency is not None:
            article.partner_organisations.add(agency)
        publish(article)


# The seed news that report on a memorandum link to it, once.
NEWS_MEMORANDA = {"ulyanovsk-azerbaijan-social-cooperation": "memorandum_seed"}


def link_cross_references(pages: dict) -> None:
    """Link the seed news to the memoranda they report on (after every demo module)."""
    for article_key, memorandum_key in NEWS_MEMORANDA.items():
        article, memorandum = pages.get(article_key), pages.get(memorandum_key)
        if not isinstance(article, NewsPage) or not isinstance(memorandum, Page):
            continue
        links = NewsPageRelatedPage.objects.filter(news_page=article)
        if links.filter(page=memorandum).exists():
            continue
        NewsPageRelatedPage.objects.create(
            news_page=article, page=memorandum, sort_order=links.count()
        )
