"""Realistic bulk content for benchmarks (`seed_demo --bulk N`).

Pages are inserted in bulk: their tree paths are computed here and rows written
with a few multi-row INSERTs, because `add_child` for 10,000 pages takes far too
long. No signals run, so the search index is filled in bulk and the page cache
emptied once at the end. Every item has a keyed slug: running again adds only
what is missing.
"""

import datetime
from collections.abc import Callable, Iterator, Sequence

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone, translation

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from config import page_cache
from cooperation.models import (
    CooperationArea,
    EventStatus,
    HearingPage,
    MeetingPage,
    Organisation,
    Person,
    Region,
    VisitPage,
)
from cooperation.timezones import aware
from home.models import NewsIndexPage, NewsPage, NewsTag
from memoranda.models import (
    MemorandumIndexPage,
    MemorandumKind,
    MemorandumPage,
    MemorandumParty,
    MemorandumStatus,
    MemorandumTransition,
)
from memoranda.terms import add_years, first_expiry
from training.models import (
    Registration,
    SessionSlot,
    Trainer,
    TrainingProgrammePage,
    TrainingSessionPage,
)

Progress = Callable[[int, int], None]
LANGUAGES = ("ru", "az", "en")
BATCH = 500

# The content types `seed_demo --bulk N` fills, in the order they are made.
BULK_TYPES = ("news", "events", "sessions", "memoranda")

TOPICS = [
    ("электронные услуги", "elektron xidmətlər", "e-services"),
    ("центры госуслуг", "dövlət xidmətləri mərkəzləri", "public service centres"),
    ("семейный бизнес", "ailə biznesi", "family business"),
    ("ИТ", "İT", "IT"),
    ("обучение", "təlim", "training"),
]
CITIES = {
    "Europe/Ulyanovsk": ("Ульяновск", "Ulyanovsk", "Ulyanovsk"),
    "Asia/Baku": ("Баку", "Bakı", "Baku"),
}
TRAINER_NAMES = [
    ("Анар Алиев", "Anar Əliyev", "Anar Aliyev"),
    ("Лейла Гасанова", "Leyla Həsənova", "Leyla Hasanova"),
    ("Рашад Мамедов", "Rəşad Məmmədov", "Rashad Mammadov"),
    ("Гюнай Исмайлова", "Günay İsmayılova", "Gunay Ismayilova"),
    ("Теймур Ибрагимов", "Teymur İbrahimov", "Teymur Ibrahimov"),
    ("Нигяр Керимова", "Nigar Kərimova", "Nigar Karimova"),
    ("Ольга Смирнова", "Olqa Smirnova", "Olga Smirnova"),
    ("Дмитрий Волков", "Dmitri Volkov", "Dmitry Volkov"),
    ("Екатерина Орлова", "Yekaterina Orlova", "Ekaterina Orlova"),
    ("Сергей Павлов", "Sergey Pavlov", "Sergey Pavlov"),
    ("Анна Кузнецова", "Anna Kuznetsova", "Anna Kuznetsova"),
    ("Алексей Фёдоров", "Aleksey Fyodorov", "Alexey Fedorov"),
]
SIDE_ROLES = {
    "RU": ("Российская сторона", "Rusiya tərəfi", "the Russian side"),
    "AZ": ("Азербайджанская сторона", "Azərbaycan tərəfi", "the Azerbaijani side"),
}


def translated(field: str, values: Sequence[str]) -> dict[str, str]:
    """Return keyword arguments that set `field` in ru, az and en."""
    return {
        f"{field}_{code}": value for code, value in zip(LANGUAGES, values, strict=True)
    }


def _short_name(full_name: str) -> str:
    first, last = full_name.split(" ", 1)
    return f"{first[0]}. {last}"


def _existing_slugs(model, parent: Page, prefix: str) -> set[str]:
    return set(
        model.objects.child_of(parent)
        .filter(slug_ru__startswith=prefix)
        .values_list("slug_ru", flat=True)
    )


def insert_pages(parent: Page, pages: Sequence[Page]) -> None:
    """Append unsaved pages of one type below `parent` with multi-row INSERTs."""
    if not pages:
        return
    model = type(pages[0])
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    for offset, page in enumerate(pages):
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step + offset)
        page.numchild = 0
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.draft_title = page.title_ru
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
        page.set_url_path(parent)
    # Django refuses bulk_create for multi-table models, so the wagtailcore_page
    # rows go first (they get their ids back), then the page type's own rows.
    Page.objects.bulk_create(pages, batch_size=BATCH)
    for page in pages:
        page.page_ptr_id = page.id
    fields = model._meta.local_concrete_fields
    size = connection.ops.bulk_batch_size(fields, pages) or BATCH
    for start in range(0, len(pages), min(size, BATCH)):
        model._base_manager._insert(
            pages[start : start + min(size, BATCH)], fields=fields, using="default"
        )
    Page.objects.filter(pk=parent.pk).update(
        numchild=Page.objects.child_of(parent).count()
    )
    get_search_backend().add_bulk(model, pages)


def _link_many(pages: Sequence[Page], name: str, targets: Callable) -> None:
    """Fill a (parental) many-to-many field of freshly inserted pages in bulk."""
    field = type(pages[0])._meta.get_field(name)
    through = field.remote_field.through
    source = field.m2m_field_name()
    target = field.m2m_reverse_field_name()
    through.objects.bulk_create(
        [
            through(**{f"{source}_id": page.pk, f"{target}_id": other.pk})
            for page in pages
            for other in targets(page)
        ],
        batch_size=BATCH,
    )


def _in_batches(
    numbers: list[int], total: int, progress: Progress, make: Callable
) -> int:
    """Call `make(chunk)` on the missing numbers in chunks, reporting progress."""
    for start in range(0, len(numbers), BATCH):
        chunk = numbers[start : start + BATCH]
        with transaction.atomic():
            make(chunk)
        progress(total - len(numbers) + start + len(chunk), total)
    if not numbers:
        progress(total, total)
    return len(numbers)


def bulk_news(index: NewsIndexPage, count: int, progress: Progress) -> int:
    """Create up to `count` generated articles below the index; return how many."""
    existing = _existing_slugs(NewsPage, index, "bulk-news-")
    missing = [n for n in range(1, count + 1) if f"bulk-news-{n}" not in existing]
    tags = list(NewsTag.objects.all()[:3])
    start = datetime.date(2018, 1, 1)

    def make(numbers: list[int]) -> None:
        pages = []
        for number in numbers:
            ru, az, en = TOPICS[number % len(TOPICS)]
            pages.append(
                NewsPage(
                    title=f"Новость №{number}: {ru}",
                    slug=f"bulk-news-{number}",
                    date=start + datetime.timedelta(days=number % 3000),
                    **translated(
                        "title",
                        (
                            f"Новость №{number}: {ru}",
                            f"Xəbər №{number}: {az}",
                            f"News item {number}: {en}",
                        ),
                    ),
                    **translated(
                        "slug",
                        (
                            f"bulk-news-{number}",
                            f"bulk-xeber-{number}",
                            f"bulk-news-{number}",
                        ),
                    ),
                    **translated(
                        "lead",
                        (
                            f"Сотрудничество в сфере «{ru}» продолжается.",
                            f"«{az}» sahəsində əməkdaşlıq davam edir.",
                            f"Cooperation on {en} continues.",
                        ),
                    ),
                    **translated(
                        "body",
                        (
                            f"<p>Стороны обсудили тему «{ru}».</p>",
                            f"<p>Tərəflər «{az}» mövzusunu müzakirə etdilər.</p>",
                            f"<p>The parties discussed {en}.</p>",
                        ),
                    ),
                )
            )
        insert_pages(index, pages)
        if tags:
            _link_many(pages, "tags", lambda page: [tags[page.pk % len(tags)]])

    with translation.override("ru"):
        return _in_batches(missing, count, progress, make)


def _sides() -> list[tuple[Region, list[Organisation]]]:
    """Return the home region and the partner regions with their organisations."""
    regions = list(Region.objects.order_by("-is_home_region", "slug"))
    sides = []
    for region in regions:
        organisations = list(Organisation.objects.filter(region=region))
        if organisations:
            sides.append((region, organisations))
    return sides


def bulk_events(index: Page, count: int, progress: Progress) -> int:
    """Create visits, meetings and hearings below the events index."""
    existing: set[str] = set()
    for model in (VisitPage, MeetingPage, HearingPage):
        existing |= _existing_slugs(model, index, "bulk-event-")
    missing = [n for n in range(1, count + 1) if f"bulk-event-{n}" not in existing]
    sides = _sides()
    areas = list(CooperationArea.objects.all())
    if len(sides) < 2 or not areas:
        return 0
    first_day = datetime.date(2017, 1, 1)
    span = (datetime.date(2027, 12, 31) - first_day).days
    today = timezone.localdate()

    def event(number: int) -> tuple[type[Page], Page, dict]:
        host, guest = sides[0], sides[1 + number % (len(sides) - 1)]
        if number % 2:
            host, guest = guest, host
        time_zone = "Asia/Baku" if host[0].country_code == "AZ" else "Europe/Ulyanovsk"
        city = CITIES[time_zone]
        ru, az, en = TOPICS[number % len(TOPICS)]
        day = first_day + datetime.timedelta(days=number * 1297 % span)
        kind = ("visit", "meeting", "hearing")[number % 3]
        values: dict = {
            "slug": f"bulk-event-{number}",
            **translated(
                "slug",
                (
                    f"bulk-event-{number}",
                    f"bulk-tedbir-{number}",
                    f"bulk-event-{number}",
                ),
            ),
            "time_zone": time_zone,
            "start_date": day,
            "end_date": day,
            **translated("location", city),
        }
        if kind == "visit":
            model = VisitPage
            values["end_date"] = day + datetime.timedelta(days=2)
            values["direction"] = (
                VisitPage.Direction.INCOMING
                if host[0].is_home_region
                else VisitPage.Direction.OUTGOING
            )
            titles = (
                f"Обмен опытом: {ru} (визит №{number})",
                f"Təcrübə mübadiləsi: {az} (səfər №{number})",
                f"Experience exchange: {en} (visit {number})",
            )
            values |= translated(
                "purpose",
                (
                    f"Изучить опыт партнёров в сфере «{ru}».",
                    f"Tərəfdaşların «{az}» sahəsindəki təcrübəsini öyrənmək.",
                    f"To learn from the partners' experience of {en}.",
                ),
            )
        elif kind == "meeting":
            model = MeetingPage
            values["start_time"] = datetime.time(10, 0)
            values["end_time"] = datetime.time(12, 30)
            titles = (
                f"Рабочая встреча «{ru}» №{number}",
                f"«{az}» üzrə işçi görüş №{number}",
                f"Working meeting on {en} No. {number}",
            )
            values |= translated(
                "topics",
                (
                    f"<ul><li>{ru}</li><li>план совместных действий</li></ul>",
                    f"<ul><li>{az}</li><li>birgə fəaliyyət planı</li></ul>",
                    f"<ul><li>{en}</li><li>joint action plan</li></ul>",
                ),
            )
        else:
            model = HearingPage
            values["start_time"] = datetime.time(15, 0)
            values["end_time"] = datetime.time(17, 0)
            values["accepts_submissions"] = False
            titles = (
                f"Общественные слушания «{ru}» №{number}",
                f"«{az}» üzrə ictimai dinləmələr №{number}",
                f"Public hearing on {en} No. {number}",
            )
            values |= translated("topic", (ru, az, en))
        if number % 17 == 0:
            status = EventStatus.CANCELLED
        elif number % 23 == 0:
            status = EventStatus.POSTPONED
        elif day < today:
            status = EventStatus.COMPLETED
        else:
            status = (EventStatus.PLANNED, EventStatus.CONFIRMED)[number % 2]
        start_at = aware(values["start_date"], values.get("start_time"), time_zone)
        end_day = values["end_date"] + datetime.timedelta(
            days=0 if values.get("end_time") else 1
        )
        end_at = aware(end_day, values.get("end_time"), time_zone)
        page = model(
            title=titles[0],
            status=status,
            start_at=start_at,
            end_at=end_at,
            **translated("title", titles),
            **translated(
                "summary",
                (
                    f"{city[0]}: стороны обсуждают тему «{ru}».",
                    f"{city[1]}: tərəflər «{az}» mövzusunu müzakirə edir.",
                    f"{city[2]}: the parties discuss {en}.",
                ),
            ),
            **values,
        )
        links = {
            "host_regions": [host[0]],
            "guest_regions": [guest[0]],
            "host_organisations": [host[1][number % len(host[1])]],
            "guest_organisations": [guest[1][number % len(guest[1])]],
            "areas": [areas[number % len(areas)], areas[(number + 3) % len(areas)]],
        }
        return model, page, links

    def make(numbers: list[int]) -> None:
        by_model: dict[type[Page], list[tuple[Page, dict]]] = {}
        for number in numbers:
            model, page, links = event(number)
            by_model.setdefault(model, []).append((page, links))
        for made in by_model.values():
            pages = [page for page, _links in made]
            insert_pages(index, pages)
            links = {page.pk: page_links for page, page_links in made}
            for name in made[0][1]:
                _link_many(
                    pages,
                    name,
                    lambda page, name=name, links=links: links[page.pk][name],
                )

    with translation.override("ru"):
        return _in_batches(missing, count, progress, make)


def bulk_trainers() -> list[Trainer]:
    """Return the generated trainers of bulk sessions, creating them once."""
    sides = _sides()
    trainers = []
    for number, names in enumerate(TRAINER_NAMES, start=1):
        slug = f"bulk-trainer-{number}"
        trainer = Trainer.objects.filter(slug=slug).select_related("person").first()
        if trainer is None:
            organisation = sides[number % len(sides)][1][0] if sides else None
            with translation.override("ru"):
                person = Person.objects.create(
                    full_name=names[0],
                    short_name=_short_name(names[0]),
                    organisation=organisation,
                    **translated("full_name", names),
                    **translated("short_name", [_short_name(n) for n in names]),
                    **translated(
                        "position",
                        ("Тренер", "Təlimçi", "Trainer"),
                    ),
                )
                trainer = Trainer.objects.create(
                    slug=slug,
                    person=person,
                    organisation=organisation,
                    languages=["ru", "az"] if number % 2 else ["ru", "en"],
                    **translated(
                        "bio",
                        (
                            "Демонстрационные данные: сгенерированный тренер.",
                            "Nümayiş məlumatı: yaradılmış təlimçi.",
                            "Demo content: a generated trainer.",
                        ),
                    ),
                )
        trainers.append(trainer)
    return trainers


SESSION_FIRST_DAY = datetime.date(2018, 1, 1)
# Sessions start on every other day of 2018–2027 (a two-day session takes the
# day after too), in a scattered but fixed order; when every such day has a
# session, the next round takes the afternoon, then the evening. So the
# generated timetable never has a clash the scheduling rules would refuse, and
# session N is the same whatever the requested count.
SESSION_START_DAYS = 1825
SESSION_STRIDE = 1297
SESSION_HOURS = [
    (datetime.time(10, 0), datetime.time(13, 0)),
    (datetime.time(14, 30), datetime.time(17, 30)),
    (datetime.time(18, 0), datetime.time(20, 0)),
]


def session_days(
    number: int,
) -> list[tuple[datetime.date, datetime.time, datetime.time]]:
    """Return the slots (day, start, end) of generated session `number`."""
    index = 2 * ((number - 1) * SESSION_STRIDE % SESSION_START_DAYS)
    start, end = SESSION_HOURS[(number - 1) // SESSION_START_DAYS % len(SESSION_HOURS)]
    day = SESSION_FIRST_DAY + datetime.timedelta(days=index)
    days = [day, day + datetime.timedelta(days=1)] if number % 4 == 0 else [day]
    return [(d, start, end) for d in days]


def bulk_sessions(
    programme: TrainingProgrammePage, count: int, progress: Progress
) -> int:
    """Create training sessions of the programme, spread over 2018–2027."""
    existing = _existing_slugs(TrainingSessionPage, programme, "bulk-session-")
    missing = [n for n in range(1, count + 1) if f"bulk-session-{n}" not in existing]
    trainers = bulk_trainers()
    venues = [org for _region, orgs in _sides() for org in orgs]
    languages = ("ru", "az", "en")

    def make(numbers: list[int]) -> None:
        pages, slots, registrations = [], [], []
        for number in numbers:
            days = session_days(number)
            venue = venues[number % len(venues)] if venues else None
            time_zone = (
                "Asia/Baku"
                if venue and venue.region.country_code == "AZ"
                else "Europe/Ulyanovsk"
            )
            starts = aware(days[0][0], days[0][1], time_zone)
            online = number % 6 == 0
            ru, az, en = TOPICS[number % len(TOPICS)]
            language = languages[number % 3]
            if number % 29 == 0:
                status = TrainingSessionPage.Status.CANCELLED
            elif number % 31 == 0:
                status = TrainingSessionPage.Status.POSTPONED
            else:
                status = TrainingSessionPage.Status.SCHEDULED
            room = (
                {}
                if online
                else translated(
                    "room",
                    (
                        f"Аудитория {number % 7 + 1}",
                        f"Otaq {number % 7 + 1}",
                        f"Room {number % 7 + 1}",
                    ),
                )
            )
            page = TrainingSessionPage(
                title=f"Занятие №{number}: {ru}",
                slug=f"bulk-session-{number}",
                **translated(
                    "title",
                    (
                        f"Занятие №{number}: {ru}",
                        f"Məşğələ №{number}: {az}",
                        f"Session {number}: {en}",
                    ),
                ),
                **translated(
                    "slug",
                    (
                        f"bulk-session-{number}",
                        f"bulk-mesgele-{number}",
                        f"bulk-session-{number}",
                    ),
                ),
                **translated(
                    "summary",
                    (
                        f"Практическое занятие по теме «{ru}» для сотрудников центров.",
                        f"Mərkəz əməkdaşları üçün «{az}» mövzusunda praktiki məşğələ.",
                        f"A practical session on {en} for service-centre staff.",
                    ),
                ),
                **room,
                time_zone=time_zone,
                online=online,
                online_link=f"https://meet.example.org/bulk-{number}" if online else "",
                venue=None if online else venue,
                room_capacity=None if online else 40,
                capacity=20 + number % 11,
                language=language,
                interpretation=language == "az",
                interpretation_languages=["ru"] if language == "az" else [],
                opens_at=starts - datetime.timedelta(days=45),
                closes_at=starts - datetime.timedelta(days=1),
                status=status,
            )
            pages.append(page)
        insert_pages(programme, pages)
        for page, number in zip(pages, numbers, strict=True):
            slots.extend(
                SessionSlot(
                    session_id=page.pk,
                    date=day,
                    start_time=start,
                    end_time=end,
                    sort_order=order,
                )
                for order, (day, start, end) in enumerate(session_days(number))
            )
            if number % 10 == 0:
                registrations.extend(
                    Registration(
                        session_id=page.pk,
                        name=f"Участник {number}-{seat}",
                        email=f"bulk-{number}-{seat}@example.org",
                        organisation="Demo",
                        language=languages[seat % 3],
                        consent_at=page.opens_at,
                        created_at=page.opens_at + datetime.timedelta(hours=seat),
                    )
                    for seat in range(1, 4)
                )
        SessionSlot.objects.bulk_create(slots, batch_size=BATCH)
        Registration.objects.bulk_create(registrations, batch_size=BATCH)
        by_number = dict(zip((page.pk for page in pages), numbers, strict=True))
        _link_many(
            pages,
            "trainers",
            lambda page: [trainers[by_number[page.pk] % len(trainers)]],
        )

    with translation.override("ru"):
        return _in_batches(missing, count, progress, make)


# Published memoranda in every status a visitor can meet, with consistent dates
# and the chain of transitions the lifecycle service would have recorded.
TO_SIGNING = ["drafting", "negotiation", "approved_for_signing", "signed"]
MEMORANDUM_PATHS = [
    ("in_force", [*TO_SIGNING, "in_force"]),
    ("signed", TO_SIGNING),
    ("expired", [*TO_SIGNING, "in_force", "expired"]),
    ("negotiation", ["drafting", "negotiation"]),
    ("terminated", [*TO_SIGNING, "in_force", "terminated"]),
    ("suspended", [*TO_SIGNING, "in_force", "suspended"]),
]
KINDS = [
    (MemorandumKind.MOU, ("Меморандум", "Memorandum", "Memorandum")),
    (MemorandumKind.AGREEMENT, ("Соглашение", "Saziş", "Agreement")),
    (MemorandumKind.ACTION_PLAN, ("План действий", "Fəaliyyət planı", "Action plan")),
    (MemorandumKind.PROTOCOL, ("Протокол", "Protokol", "Protocol")),
]


# Every twentieth memorandum amends the one before it, so the register groups
# amendments under their original.
AMENDMENT_EVERY = 20
AMENDMENT = (MemorandumKind.AMENDMENT, ("Дополнение", "Əlavə", "Amendment"))


def _memorandum(number: int, today: datetime.date) -> tuple[MemorandumPage, list]:
    status, steps = MEMORANDUM_PATHS[number % len(MEMORANDUM_PATHS)]
    kind, kind_names = KINDS[number % len(KINDS)]
    if number % AMENDMENT_EVERY == 0:
        kind, kind_names = AMENDMENT
    ru, az, en = TOPICS[number % len(TOPICS)]
    signed_on = datetime.date(2012, 1, 10) + datetime.timedelta(days=number * 37 % 5000)
    if signed_on > today - datetime.timedelta(days=60):
        signed_on = today - datetime.timedelta(days=60 + number % 300)
    term_years = (3, 5, None)[number % 3]
    values: dict = {"term_years": term_years}
    if status in ("in_force", "suspended"):
        # In force now: a term long enough to still run, or automatic renewal.
        values |= {"renews_for_years": 1, "notice_months": 3}
    if "signed" in steps:
        values["signed_on"] = signed_on
        values |= translated("place_of_signing", CITIES["Asia/Baku"])
    if "in_force" in steps:
        values["in_force_from"] = signed_on + datetime.timedelta(days=30)
    page = MemorandumPage(
        registration_number=f"BULK-{number:05d}",
        kind=kind,
        status=status,
        sequence=len(steps),
        authentic_languages=["ru", "az"],
        title=f"{kind_names[0]} №{number}: {ru}",
        slug=f"bulk-memorandum-{number}",
        **translated(
            "title",
            (
                f"{kind_names[0]} №{number}: {ru}",
                f"{kind_names[1]} №{number}: {az}",
                f"{kind_names[2]} No. {number}: {en}",
            ),
        ),
        **translated(
            "slug",
            (
                f"bulk-memorandum-{number}",
                f"bulk-memorandum-{number}",
                f"bulk-memorandum-{number}",
            ),
        ),
        **translated(
            "public_summary",
            (
                f"<p>Стороны договорились о сотрудничестве в сфере «{ru}».</p>",
                f"<p>Tərəflər «{az}» sahəsində əməkdaşlıq barədə razılaşıblar.</p>",
                f"<p>The parties agreed to cooperate on {en}.</p>",
            ),
        ),
        **values,
    )
    ended = None
    if status in ("expired", "terminated"):
        ended = first_expiry(page) or add_years(signed_on, 2)
        ended = min(ended, today - datetime.timedelta(days=1))
        page.ended_on = ended
    moments = []
    for order, to_status in enumerate(steps):
        if to_status == "signed":
            effective = signed_on
        elif to_status == "in_force":
            effective = values["in_force_from"]
        elif to_status in ("expired", "terminated"):
            effective = ended
        elif to_status == "suspended":
            effective = values["in_force_from"] + datetime.timedelta(days=200)
        else:
            effective = signed_on - datetime.timedelta(days=90 - order * 20)
        moments.append((to_status, effective))
    return page, moments


def _link_amendments(
    index: MemorandumIndexPage, pages: list[MemorandumPage], numbers: list[int]
) -> None:
    amending = {
        page.pk: f"bulk-memorandum-{number - 1}"
        for page, number in zip(pages, numbers, strict=True)
        if number % AMENDMENT_EVERY == 0
    }
    originals = dict(
        MemorandumPage.objects.child_of(index)
        .filter(slug_ru__in=amending.values())
        .values_list("slug_ru", "pk")
    )
    for page in pages:
        if originals.get(amending.get(page.pk)):
            page.amends_id = originals[amending[page.pk]]
    MemorandumPage.objects.bulk_update(
        [page for page in pages if page.amends_id], ["amends"], batch_size=BATCH
    )


def bulk_memoranda(index: MemorandumIndexPage, count: int, progress: Progress) -> int:
    """Create published memoranda with parties, areas and their status history."""
    existing = _existing_slugs(MemorandumPage, index, "bulk-memorandum-")
    missing = [n for n in range(1, count + 1) if f"bulk-memorandum-{n}" not in existing]
    sides = _sides()
    areas = list(CooperationArea.objects.all())
    if len(sides) < 2:
        return 0
    today = timezone.localdate()

    def make(numbers: list[int]) -> None:
        made = [_memorandum(number, today) for number in numbers]
        pages = [page for page, _moments in made]
        insert_pages(index, pages)
        _link_amendments(index, pages, numbers)
        parties, transitions = [], []
        for (page, moments), number in zip(made, numbers, strict=True):
            for order, (region, organisations) in enumerate(
                (sides[0], sides[1 + number % (len(sides) - 1)])
            ):
                roles = SIDE_ROLES.get(region.country_code, SIDE_ROLES["AZ"])
                parties.append(
                    MemorandumParty(
                        memorandum_id=page.pk,
                        organisation=organisations[number % len(organisations)],
                        sort_order=order,
                        role=roles[0],
                        **translated("role", roles),
                    )
                )
            previous = MemorandumStatus.IDEA
            for to_status, effective in moments:
                transitions.append(
                    MemorandumTransition(
                        memorandum_id=page.pk,
                        from_status=previous,
                        to_status=to_status,
                        effective_on=effective,
                        at=aware(effective, datetime.time(12), "Europe/Ulyanovsk"),
                        comment="Demo content"
                        if to_status in ("terminated", "suspended")
                        else "",
                    )
                )
                previous = to_status
        MemorandumParty.objects.bulk_create(parties, batch_size=BATCH)
        MemorandumTransition.objects.bulk_create(transitions, batch_size=BATCH)
        if areas:
            by_number = dict(zip((page.pk for page in pages), numbers, strict=True))
            _link_many(
                pages,
                "areas",
                lambda page: [areas[by_number[page.pk] % len(areas)]],
            )

    with translation.override("ru"):
        return _in_batches(missing, count, progress, make)


def load_bulk(
    *, pages: dict, count: int, overrides: dict[str, int], progress: Progress
) -> Iterator[tuple[str, int, int]]:
    """Create bulk items per type; yield (type, created, requested) for each."""
    makers: dict[str, tuple[str, Callable[[Page, int, Progress], int]]] = {
        "news": ("news_index", bulk_news),
        "events": ("events_index", bulk_events),
        "sessions": ("programme", bulk_sessions),
        "memoranda": ("memoranda_index", bulk_memoranda),
    }
    for name in BULK_TYPES:
        requested = overrides.get(name, count)
        key, maker = makers[name]
        if not requested or not isinstance(pages.get(key), models.Model):
            continue
        created = maker(pages[key], requested, progress)
        page_cache.invalidate()
        yield name, created, requested
