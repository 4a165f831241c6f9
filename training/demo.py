"""Demo content of joint training: the ASAN Training Centre, a programme, trainers
and upcoming sessions in Ulyanovsk, Baku and online."""

import datetime
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone, translation

from wagtail.models import Page

from cooperation import demo as cooperation_demo
from cooperation.models import CooperationArea, Organisation, Person
from cooperation.services import merge_reference

from .models import (
    SessionSlot,
    Trainer,
    TrainingIndexPage,
    TrainingProgrammePage,
    TrainingSessionPage,
)
from .services import check_session, register_participant

Report = Callable[[str], None]
LANGUAGES = ("ru", "az", "en")

# Earlier versions of this module made their own copies of objects that
# cooperation.demo makes. A re-run merges a copy nobody edited into the original:
# (model, slug of the copy, slug of the original, field, the copy's names).
LEGACY_COPIES = [
    (
        Organisation,
        "asan-agency",
        "asan",
        "short_name",
        {"ru": "АСАН Хидмет", "az": "ASAN xidmət", "en": "ASAN service"},
    ),
    (
        CooperationArea,
        "public-service-delivery",
        "public-services",
        "name",
        {
            "ru": "Скорость оказания госуслуг",
            "az": "Dövlət xidmətlərinin sürəti",
            "en": "Speed of public services",
        },
    ),
    (
        CooperationArea,
        "e-services",
        "e-government",
        "name",
        {"ru": "Электронные услуги", "az": "Elektron xidmətlər", "en": "E-services"},
    ),
]

# People cooperation.demo does not name (it has Gumbatov, key "gumbatov").
PEOPLE = {
    "mammadova": {
        "organisation": "asan-training-centre",
        "full_name": {
            "ru": "Айсель Мамедова",
            "az": "Aysel Məmmədova",
            "en": "Aysel Mammadova",
        },
        "short_name": {"ru": "А. Мамедова", "az": "A. Məmmədova", "en": "A. Mammadova"},
    },
    "sokolova": {
        "organisation": "government-for-citizens",
        "full_name": {
            "ru": "Ирина Соколова",
            "az": "İrina Sokolova",
            "en": "Irina Sokolova",
        },
        "short_name": {"ru": "И. Соколова", "az": "İ. Sokolova", "en": "I. Sokolova"},
    },
}

TRAINERS = {
    "elnur-gumbatov": {
        "person": "gumbatov",
        "organisation": "asan",
        "languages": ["ru", "az"],
        "bio": {
            "ru": "Демонстрационные данные: роль тренера показана для примера. "
            "Начальник международного отдела агентства; в 2017 году предложил "
            "двусторонние тренинги на базе Тренировочного центра АСАН.",
            "az": "Nümayiş məlumatı: təlimçi rolu nümunə üçün göstərilib. Agentliyin "
            "beynəlxalq şöbəsinin rəisi; 2017-ci ildə ASAN Təlim Mərkəzində ikitərəfli "
            "təlimlər təklif edib.",
            "en": "Demo content: the trainer role is illustrative. Head of the "
            "agency's international department; in 2017 he proposed two-way trainings "
            "at the ASAN Training Centre.",
        },
    },
    "aysel-mammadova": {
        "person": "mammadova",
        "organisation": "asan-training-centre",
        "languages": ["az", "ru", "en"],
        "bio": {
            "ru": "Демонстрационные данные: вымышленный тренер. Ведёт занятия об "
            "электронных услугах и стандартах обслуживания в центрах «АСАН Хидмет».",
            "az": "Nümayiş məlumatı: uydurma təlimçi. “ASAN xidmət” mərkəzlərində "
            "elektron xidmətlər və xidmət standartları üzrə məşğələlər aparır.",
            "en": "Demo content: a fictional trainer. Teaches e-services and the "
            "service standards of ASAN service centres.",
        },
    },
    "irina-sokolova": {
        "person": "sokolova",
        "organisation": "government-for-citizens",
        "languages": ["ru"],
        "bio": {
            "ru": "Демонстрационные данные: вымышленный тренер. Руководит обучением "
            "сотрудников МФЦ Ульяновской области.",
            "az": "Nümayiş məlumatı: uydurma təlimçi. Ulyanovsk vilayətinin "
            "çoxfunksiyalı xidmət mərkəzlərində işçilərin təliminə rəhbərlik edir.",
            "en": "Demo content: a fictional trainer. Leads staff training at the "
            "one-stop service centres of Ulyanovsk Oblast.",
        },
    },
}

# Slugs of cooperation.demo's areas the programme is tagged with.
AREAS = ("public-services", "e-government", "family-business", "training")

INDEX = {
    "slug": {"ru": "obuchenie", "az": "telim", "en": "training"},
    "title": {"ru": "Совместное обучение", "az": "Birgə təlim", "en": "Joint training"},
    "intro": {
        "ru": "Двусторонние тренинги Ульяновской области и «АСАН Хидмет»: "
        "программы, занятия, тренеры и запись на занятия.",
        "az": "Ulyanovsk vilayəti ilə “ASAN xidmət”in ikitərəfli təlimləri: "
        "proqramlar, məşğələlər, təlimçilər və qeydiyyat.",
        "en": "Two-way trainings of Ulyanovsk Oblast and ASAN service: programmes, "
        "sessions, trainers and registration.",
    },
}

PROGRAMME = {
    "slug": {
        "ru": "kachestvo-gosuslug",
        "az": "dovlet-xidmetlerinin-keyfiyyeti",
        "en": "public-service-delivery",
    },
    "title": {
        "ru": "Двусторонняя программа: оказание государственных услуг",
        "az": "İkitərəfli proqram: dövlət xidmətlərinin göstərilməsi",
        "en": "Bilateral programme: public-service delivery",
    },
    "description": {
        "ru": "<p>Программа опирается на договорённости 2017 года: опыт центров "
        "«АСАН Хидмет» и МФЦ Ульяновской области. Темы — скорость оказания "
        "госуслуг, электронные услуги и государственная поддержка семейного "
        "бизнеса.</p>",
        "az": "<p>Proqram 2017-ci il razılaşmalarına əsaslanır: “ASAN xidmət” "
        "mərkəzlərinin və Ulyanovsk vilayətinin çoxfunksiyalı mərkəzlərinin təcrübəsi. "
        "Mövzular — dövlət xidmətlərinin sürəti, elektron xidmətlər və ailə "
        "biznesinə dövlət dəstəyi.</p>",
        "en": "<p>The programme builds on the 2017 agreements: the experience of ASAN "
        "service centres and of the one-stop centres of Ulyanovsk Oblast. Subjects: "
        "the speed of public services, e-services and state support for family "
        "businesses.</p>",
    },
    "audience": {
        "ru": "Сотрудники МФЦ и центров «АСАН Хидмет», специалисты органов власти.",
        "az": "Çoxfunksiyalı mərkəzlərin və “ASAN xidmət” mərkəzlərinin əməkdaşları, "
        "dövlət orqanlarının mütəxəssisləri.",
        "en": "Staff of one-stop centres and ASAN service centres, civil servants.",
    },
}

SESSIONS = {
    "session_ulyanovsk": {
        "slug": {
            "ru": "skorost-gosuslug-ulyanovsk",
            "az": "dovlet-xidmetlerinin-suroti-ulyanovsk",
            "en": "speed-of-public-services-ulyanovsk",
        },
        "title": {
            "ru": "Скорость оказания госуслуг: опыт «АСАН Хидмет»",
            "az": "Dövlət xidmətlərinin sürəti: “ASAN xidmət” təcrübəsi",
            "en": "Speed of public services: the ASAN service experience",
        },
        "summary": {
            "ru": "Как сократить время ожидания в центрах госуслуг: очереди, "
            "стандарты обслуживания, оценка качества.",
            "az": "Dövlət xidməti mərkəzlərində gözləmə vaxtını necə azaltmaq olar: "
            "növbələr, xidmət standartları, keyfiyyətin qiymətləndirilməsi.",
            "en": "How to cut waiting times in public service centres: queues, service "
            "standards, quality assessment.",
        },
        "time_zone": "Europe/Ulyanovsk",
        "venue": "government-for-citizens",
        "address": {
            "ru": "Ульяновск, ул. Гончарова, 1",
            "az": "Ulyanovsk, Qonçarov küçəsi, 1",
            "en": "1 Goncharova Street, Ulyanovsk",
        },
        "room": {"ru": "Конференц-зал", "az": "Konfrans zalı", "en": "Conference hall"},
        "room_capacity": 40,
        "capacity": 12,
        "language": "ru",
        "interpretation": [],
        "days": [(20, datetime.time(10), datetime.time(13))],
        "trainers": ["elnur-gumbatov", "irina-sokolova"],
        "registrations": 10,
    },
    "session_baku": {
        "slug": {
            "ru": "elektronnye-uslugi-baku",
            "az": "elektron-xidmetler-baki",
            "en": "e-services-baku",
        },
        "title": {
            "ru": "Электронные услуги и семейный бизнес: двухдневный тренинг в Баку",
            "az": "Elektron xidmətlər və ailə biznesi: Bakıda iki günlük təlim",
            "en": "E-services and family business: a two-day training in Baku",
        },
        "summary": {
            "ru": "Два дня в Тренировочном центре АСАН: портал электронного "
            "правительства и услуги для семейного бизнеса.",
            "az": "ASAN Təlim Mərkəzində iki gün: elektron hökumət portalı və ailə "
            "biznesi üçün xidmətlər.",
            "en": "Two days at the ASAN Training Centre: the e-government portal and "
            "services for family businesses.",
        },
        "time_zone": "Asia/Baku",
        "venue": "asan-training-centre",
        "address": {
            "ru": "Баку, ASAN Təlim Mərkəzi",
            "az": "Bakı, ASAN Təlim Mərkəzi",
            "en": "Baku, ASAN Training Centre",
        },
        "room": {"ru": "Аудитория 2", "az": "2 saylı auditoriya", "en": "Room 2"},
        "room_capacity": 10,
        "capacity": 8,
        "language": "az",
        "interpretation": ["ru"],
        "days": [
            (35, datetime.time(10), datetime.time(17)),
            (36, datetime.time(10), datetime.time(16)),
        ],
        "trainers": ["aysel-mammadova", "elnur-gumbatov"],
        "registrations": 11,
    },
}

DEMO_NAMES = [
    "Демо Участник",
    "Demo İştirakçı",
    "Demo Participant",
]


def translated(field: str, values: dict[str, str]) -> dict[str, str]:
    """Return keyword arguments that set `field` in every language."""
    return {f"{field}_{code}": values[code] for code in LANGUAGES}


def ensure_reference_data(report: Report) -> dict:
    """Return cooperation.demo's organisations, people and areas, by slug or key.

    cooperation.demo makes them, once; this makes them too when it has not run, so
    both modules share one ASAN agency and one public-services area.
    """
    regions = cooperation_demo.ensure_regions(report)
    organisations = cooperation_demo.ensure_organisations(regions, report)
    people = cooperation_demo.ensure_people(organisations, report)
    for key in PEOPLE:
        people[key] = ensure_person(organisations, key, report)
    areas = cooperation_demo.ensure_areas(report)
    return {"organisations": organisations, "people": people, "areas": areas}


def merge_legacy_copies(report: Report) -> None:
    """Merge the copies earlier versions made into cooperation.demo's originals."""
    for model, slug, original_slug, field, names in LEGACY_COPIES:
        copy = model.objects.filter(slug=slug).first()
        original = model.objects.filter(slug=original_slug).first()
        if copy is None or original is None:
            continue
        if any(getattr(copy, f"{field}_{code}") != names[code] for code in LANGUAGES):
            report(f"kept {slug}: edited since the demo made it")
            continue
        moved = merge_reference(duplicate=copy, into=original)
        report(f"merged duplicate {slug} into {original_slug} ({moved} links)")


def ensure_person(
    organisations: dict[str, Organisation], key: str, report: Report
) -> Person:
    data = PEOPLE[key]
    person = Person.objects.filter(full_name_en=data["full_name"]["en"]).first()
    if person is None:
        person = Person.objects.create(
            full_name=data["full_name"]["ru"],
            short_name=data["short_name"]["ru"],
            organisation=organisations[data["organisation"]],
            **translated("full_name", data["full_name"]),
            **translated("short_name", data["short_name"]),
        )
        report(f"person: {person.full_name_ru}")
    return person


def ensure_trainer(refs: dict, slug: str, report: Report) -> Trainer:
    trainer = Trainer.objects.filter(slug=slug).first()
    if trainer is None:
        data = TRAINERS[slug]
        trainer = Trainer.objects.create(
            slug=slug,
            person=refs["people"][data["person"]],
            organisation=refs["organisations"][data["organisation"]],
            languages=data["languages"],
            bio=data["bio"]["ru"],
            **translated("bio", data["bio"]),
        )
        report(f"trainer: {trainer.person.full_name_ru}")
    return trainer


def _publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def ensure_index(home: Page, report: Report) -> TrainingIndexPage:
    index = TrainingIndexPage.objects.child_of(home).first()
    if index is None:
        index = _publish(
            home,
            TrainingIndexPage(
                title=INDEX["title"]["ru"],
                slug=INDEX["slug"]["ru"],
                show_in_menus=True,
                live=False,
                **translated("title", INDEX["title"]),
                **translated("slug", INDEX["slug"]),
                **translated("intro", INDEX["intro"]),
            ),
        )
        report(f"training index: {index.title_ru}")
    return index


def ensure_programme(
    pages: dict, refs: dict, index: TrainingIndexPage, report: Report
) -> TrainingProgrammePage:
    existing = (
        TrainingProgrammePage.objects.child_of(index)
        .filter(slug_ru=PROGRAMME["slug"]["ru"])
        .first()
    )
    if existing is not None:
        return existing
    programme = TrainingProgrammePage(
        title=PROGRAMME["title"]["ru"],
        slug=PROGRAMME["slug"]["ru"],
        live=False,
        **translated("title", PROGRAMME["title"]),
        **translated("slug", PROGRAMME["slug"]),
        **translated("description", PROGRAMME["description"]),
        **translated("audience", PROGRAMME["audience"]),
    )
    programme.areas = [refs["areas"][slug] for slug in AREAS]
    programme.organisers = [
        refs["organisations"]["asan-training-centre"],
        refs["organisations"]["government-for-citizens"],
    ]
    memorandum = pages.get("memorandum_in_force") or pages.get("memorandum_seed")
    if isinstance(memorandum, Page):
        programme.related_memorandum = memorandum
    programme = _publish(index, programme)
    report(f"training programme: {programme.title_ru}")
    return programme


def ensure_session(
    refs: dict,
    programme: TrainingProgrammePage,
    key: str,
    report: Report,
    now: datetime.datetime,
) -> TrainingSessionPage:
    data = SESSIONS[key]
    existing = (
        TrainingSessionPage.objects.child_of(programme)
        .filter(slug_ru=data["slug"]["ru"])
        .first()
    )
    if existing is not None:
        return existing
    today = timezone.localdate(now)
    days = [
        (today + datetime.timedelta(days=offset), start, end)
        for offset, start, end in data["days"]
    ]
    session = TrainingSessionPage(
        title=data["title"]["ru"],
        slug=data["slug"]["ru"],
        live=False,
        time_zone=data["time_zone"],
        venue=refs["organisations"][data["venue"]],
        room_capacity=data["room_capacity"],
        capacity=data["capacity"],
        language=data["language"],
        interpretation=bool(data["interpretation"]),
        interpretation_languages=data["interpretation"],
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=data["days"][0][0] - 2),
        **translated("title", data["title"]),
        **translated("slug", data["slug"]),
        **translated("summary", data["summary"]),
        **translated("address", data["address"]),
        **translated("room", data["room"]),
    )
    session.slots = [
        SessionSlot(date=day, start_time=start, end_time=end, sort_order=n)
        for n, (day, start, end) in enumerate(days)
    ]
    session.trainers = [ensure_trainer(refs, slug, report) for slug in data["trainers"]]
    check_session(session)
    session = _publish(programme, session)
    report(f"training session: {session.title_ru}")
    for n in range(data["registrations"]):
        language = LANGUAGES[n % 3]
        register_participant(
            session=session,
            name=f"{DEMO_NAMES[n % 3]} {n + 1}",
            email=f"demo-{key.split('_')[1]}-{n + 1}@example.org",
            organisation="Demo",
            language=language,
            consent=True,
            now=now,
            notify=False,
        )
    report(f"demo registrations: {data['registrations']} for {session.title_ru}")
    return session


@transaction.atomic
def load(*, pages: dict, report: Report) -> dict:
    """Create the demo training section once; never touch what staff edited."""
    now = timezone.now()
    with translation.override("ru"):
        refs = ensure_reference_data(report)
        merge_legacy_copies(report)
        index = ensure_index(pages["home"], report)
        programme = ensure_programme(pages, refs, index, report)
        made = {
            key: ensure_session(refs, programme, key, report, now) for key in SESSIONS
        }
        trainers = {
            f"trainer_{slug.replace('-', '_')}": ensure_trainer(refs, slug, report)
            for slug in TRAINERS
        }
    return {"training_index": index, "programme": programme, **made, **trainers}
