"""Demo memoranda: the seed's memorandum, an agreement in force and a confidential draft."""

import datetime
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.html import escape
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Page

from cooperation.models import CooperationArea, Organisation, Person, Region

from . import services
from .models import (
    MemorandumCommitment,
    MemorandumDocument,
    MemorandumIndexPage,
    MemorandumPage,
    MemorandumParty,
    MemorandumRelatedPage,
    MemorandumSignatory,
)

Report = Callable[[str], None]
LANGUAGES = ("ru", "az", "en")
D = datetime.date

INDEX = {
    "slug": {"ru": "memorandumy", "az": "memorandumlar", "en": "memoranda"},
    "title": {
        "ru": "Меморандумы и соглашения",
        "az": "Memorandumlar və sazişlər",
        "en": "Memoranda and agreements",
    },
    "intro": {
        "ru": "Реестр меморандумов, соглашений и планов действий Ульяновской области "
        "с партнёрами в Азербайджане: стороны, сроки, обязательства и их выполнение.",
        "az": "Ulyanovsk vilayətinin Azərbaycandakı tərəfdaşlarla memorandumları, "
        "sazişləri və fəaliyyət planlarının reyestri: tərəflər, müddətlər, öhdəliklər "
        "və onların icrası.",
        "en": "The register of memoranda, agreements and action plans of Ulyanovsk "
        "Oblast with partners in Azerbaijan: parties, dates, commitments and progress.",
    },
}

# Reference data the cooperation demo normally provides; looked up by its keys,
# then by slug, and created minimally only when missing.
REGIONS = {
    "ulyanovsk-oblast": {
        "keys": ["region_ulyanovsk"],
        "country_code": "RU",
        "country": {"ru": "Россия", "az": "Rusiya", "en": "Russia"},
        "name": {
            "ru": "Ульяновская область",
            "az": "Ulyanovsk vilayəti",
            "en": "Ulyanovsk Oblast",
        },
        "time_zone": "Europe/Ulyanovsk",
    },
    "azerbaijan": {
        "keys": ["region_azerbaijan"],
        "country_code": "AZ",
        "country": {"ru": "Азербайджан", "az": "Azərbaycan", "en": "Azerbaijan"},
        "name": {"ru": "Азербайджан", "az": "Azərbaycan", "en": "Azerbaijan"},
        "time_zone": "Asia/Baku",
    },
}
ORGANISATIONS = {
    "government": {
        "slugs": ["ulyanovsk-government", "government-ulyanovsk-oblast"],
        "region": "ulyanovsk-oblast",
        "kind": Organisation.Kind.GOVERNMENT,
        "short_name": {
            "ru": "Правительство Ульяновской области",
            "az": "Ulyanovsk vilayətinin Hökuməti",
            "en": "Government of Ulyanovsk Oblast",
        },
    },
    "agency": {
        "slugs": ["asan", "asan-agency"],
        "region": "azerbaijan",
        "kind": Organisation.Kind.AGENCY,
        "short_name": {
            "ru": "Госагентство «ASAN xidmət»",
            "az": "ASAN xidmət",
            "en": "ASAN xidmət State Agency",
        },
    },
    "citizens": {
        "slugs": ["government-for-citizens"],
        "region": "ulyanovsk-oblast",
        "kind": Organisation.Kind.SERVICE_CENTRE,
        "short_name": {
            "ru": "Корпорация «Правительство для граждан»",
            "az": "“Vətəndaşlar üçün Hökumət” korporasiyası",
            "en": "“Government for Citizens” corporation",
        },
    },
    "training_centre": {
        "slugs": ["asan-training-centre"],
        "region": "azerbaijan",
        "kind": Organisation.Kind.SCHOOL,
        "short_name": {
            "ru": "Тренировочный центр ASAN",
            "az": "ASAN Təlim Mərkəzi",
            "en": "ASAN Training Centre",
        },
    },
}
AREAS = {
    "family-business": {
        "ru": "Поддержка семейного бизнеса",
        "az": "Ailə biznesinə dəstək",
        "en": "Support of family business",
    },
    "it": {
        "ru": "Информационные технологии",
        "az": "İnformasiya texnologiyaları",
        "en": "Information technology",
    },
    "public-services": {
        "ru": "Госуслуги и центры МФЦ / ASAN",
        "az": "Dövlət xidmətləri, ÇXM və ASAN mərkəzləri",
        "en": "Public services, MFC and ASAN centres",
    },
    "training": {"ru": "Обучение", "az": "Təlim", "en": "Training"},
}
# The agreement in force is a fictional example; so are the people who sign it.
PEOPLE = {
    "sokolova": {
        "organisation": "citizens",
        "full_name": {
            "ru": "Анна Викторовна Соколова",
            "az": "Anna Viktorovna Sokolova",
            "en": "Anna Sokolova",
        },
        "short_name": {"ru": "А. Соколова", "az": "A. Sokolova", "en": "A. Sokolova"},
        "position": {
            "ru": "Генеральный директор корпорации (демонстрационный пример)",
            "az": "Korporasiyanın baş direktoru (nümayiş nümunəsi)",
            "en": "Director general of the corporation (demonstration example)",
        },
    },
    "mammadov": {
        "organisation": "training_centre",
        "full_name": {
            "ru": "Рашад Мамедов",
            "az": "Rəşad Məmmədov",
            "en": "Rashad Mammadov",
        },
        "short_name": {"ru": "Р. Мамедов", "az": "R. Məmmədov", "en": "R. Mammadov"},
        "position": {
            "ru": "Директор Тренировочного центра ASAN (демонстрационный пример)",
            "az": "ASAN Təlim Mərkəzinin direktoru (nümayiş nümunəsi)",
            "en": "Director of the ASAN Training Centre (demonstration example)",
        },
    },
}

SEED = {
    "slug": {
        "ru": "memorandum-ulyanovskaya-oblast-asan",
        "az": "ulyanovsk-vilayeti-asan-memorandumu",
        "en": "memorandum-ulyanovsk-oblast-asan",
    },
    "registration_number": "MS-2017/01",
    "kind": "mou",
    "title": {
        "ru": "Меморандум о сотрудничестве Правительства Ульяновской области и "
        "Госагентства «ASAN xidmət»",
        "az": "Ulyanovsk vilayətinin Hökuməti ilə “ASAN xidmət” Dövlət Agentliyi "
        "arasında əməkdaşlıq memorandumu",
        "en": "Memorandum of cooperation between the Government of Ulyanovsk Oblast "
        "and the ASAN xidmət State Agency",
    },
    "summary": {
        "ru": [
            "30 июня 2017 года губернатор Сергей Морозов и начальник международного "
            "отдела Государственного агентства по услугам гражданам и социальным "
            "инновациям при Президенте Азербайджана Эльнур Гумбатов рассмотрели "
            "направления сотрудничества, которое стороны планируют закрепить этим "
            "меморандумом.",
            "Направления: господдержка семейного бизнеса, развитие ИТ и повышение "
            "скорости оказания госуслуг; обмен опытом, ознакомительные поездки и "
            "совместные тренинги.",
        ],
        "az": [
            "30 iyun 2017-ci ildə qubernator Sergey Morozov və Azərbaycan Prezidenti "
            "yanında Vətəndaşlara Xidmət və Sosial İnnovasiyalar üzrə Dövlət "
            "Agentliyinin beynəlxalq şöbəsinin rəisi Elnur Qumbatov tərəflərin bu "
            "memorandumla təsbit etməyi planlaşdırdığı əməkdaşlıq istiqamətlərini "
            "müzakirə etdilər.",
            "İstiqamətlər: ailə biznesinə dövlət dəstəyi, İT-nin inkişafı və dövlət "
            "xidmətlərinin sürətinin artırılması; təcrübə mübadiləsi, tanışlıq "
            "səfərləri və birgə təlimlər.",
        ],
        "en": [
            "On 30 June 2017 Governor Sergey Morozov and Elnur Gumbatov, head of the "
            "international department of the State Agency for Public Service and "
            "Social Innovations under the President of Azerbaijan, discussed the "
            "directions of cooperation the parties plan to fix in this memorandum.",
            "Directions: state support of family business, IT development and faster "
            "public services; exchange of experience, study visits and joint "
            "training.",
        ],
    },
    "areas": ["family-business", "it", "public-services"],
    "languages": ["ru", "az"],
    "internal_notes": "Проект текста на согласовании у азербайджанской стороны. "
    "Уточнить у юристов порядок регистрации после подписания.",
    "parties": [
        (
            "government",
            {"ru": "Российская сторона", "az": "Rusiya tərəfi", "en": "Russian side"},
        ),
        (
            "agency",
            {
                "ru": "Азербайджанская сторона",
                "az": "Azərbaycan tərəfi",
                "en": "Azerbaijani side",
            },
        ),
    ],
    "commitments": [
        {
            "responsible": "citizens",
            "status": "in_progress",
            "due_on": None,
            "text": {
                "ru": "Расширить перечень услуг в офисах МФЦ, добавив к государственным "
                "частные услуги.",
                "az": "ÇXM ofislərində xidmətlərin siyahısını genişləndirmək, dövlət "
                "xidmətlərinə özəl xidmətləri əlavə etmək.",
                "en": "Add private services to the list of public services offered in "
                "MFC offices.",
            },
        }
    ],
    "related": ["meeting", "ulyanovsk-azerbaijan-social-cooperation"],
    "steps": [
        ("drafting", D(2017, 7, 10), "Начата подготовка текста после встречи 30 июня."),
        ("negotiation", D(2017, 9, 1), "Проект направлен азербайджанской стороне."),
    ],
}

IN_FORCE = {
    "slug": {
        "ru": "soglashenie-ob-obmene-opytom-i-obuchenii",
        "az": "tecrube-mubadilesi-ve-telim-sazisi",
        "en": "agreement-on-training-exchange",
    },
    "registration_number": "AG-2018/03",
    "kind": "agreement",
    "title": {
        "ru": "Соглашение о сотрудничестве в обмене опытом и обучении персонала",
        "az": "Təcrübə mübadiləsi və işçi heyətinin təlimi sahəsində əməkdaşlıq sazişi",
        "en": "Cooperation agreement on exchange of experience and staff training",
    },
    "summary": {
        "ru": [
            "Демонстрационный пример: соглашение и подписанты вымышлены.",
            "Стороны ежегодно проводят стажировки сотрудников МФЦ в Тренировочном "
            "центре ASAN и совместные тренинги в Ульяновске. Соглашение действует "
            "три года и продлевается на год, если ни одна сторона не уведомит другую "
            "за шесть месяцев до окончания срока.",
        ],
        "az": [
            "Nümayiş nümunəsi: saziş və onu imzalayanlar uydurmadır.",
            "Tərəflər hər il ÇXM əməkdaşlarının ASAN Təlim Mərkəzində təcrübə "
            "keçməsini və Ulyanovskda birgə təlimlər təşkil edir. Saziş üç il "
            "qüvvədədir və tərəflərdən heç biri müddətin bitməsinə altı ay qalmış "
            "digərinə bildiriş vermədikdə bir il uzadılır.",
        ],
        "en": [
            "Demonstration example: the agreement and its signatories are fictional.",
            "Each year the parties hold internships for MFC staff at the ASAN "
            "Training Centre and joint training in Ulyanovsk. The agreement runs for "
            "three years and renews for one year unless a party gives notice six "
            "months before it expires.",
        ],
    },
    "place": {"ru": "Баку", "az": "Bakı", "en": "Baku"},
    "areas": ["training", "public-services"],
    "languages": ["ru", "az"],
    "term_years": 3,
    "renews_for_years": 1,
    "notice_months": 6,
    "internal_notes": "Демо: оригиналы хранятся в международном отделе, папка 2018.",
    "parties": [
        (
            "citizens",
            {"ru": "Российская сторона", "az": "Rusiya tərəfi", "en": "Russian side"},
        ),
        (
            "training_centre",
            {
                "ru": "Азербайджанская сторона",
                "az": "Azərbaycan tərəfi",
                "en": "Azerbaijani side",
            },
        ),
    ],
    "signatories": [("citizens", "sokolova"), ("training_centre", "mammadov")],
    "commitments": [
        {
            "responsible": "training_centre",
            "status": "done",
            "due_on": D(2019, 6, 30),
            "text": {
                "ru": "Провести стажировку сотрудников МФЦ в Тренировочном центре ASAN.",
                "az": "ÇXM əməkdaşları üçün ASAN Təlim Mərkəzində təcrübə proqramı "
                "keçirmək.",
                "en": "Hold an internship for MFC staff at the ASAN Training Centre.",
            },
            "evidence": ["visit"],
        },
        {
            "responsible": "citizens",
            "status": "done",
            "due_on": D(2019, 12, 1),
            "text": {
                "ru": "Провести совместный тренинг для операторов МФЦ в Ульяновске.",
                "az": "Ulyanovskda ÇXM operatorları üçün birgə təlim keçirmək.",
                "en": "Hold joint training for MFC operators in Ulyanovsk.",
            },
        },
        {
            "responsible": "training_centre",
            "status": "in_progress",
            "due_on": None,
            "text": {
                "ru": "Обмениваться методическими материалами по обслуживанию граждан.",
                "az": "Vətəndaşlara xidmət üzrə metodiki materiallar mübadiləsi aparmaq.",
                "en": "Exchange methodological materials on serving citizens.",
            },
        },
    ],
    "documents": [
        ("ru", "text", "Текст соглашения (демонстрационный пример)."),
        ("az", "text", "Sazişin mətni (nümayiş nümunəsi)."),
    ],
    "steps": [
        ("drafting", D(2018, 3, 1), ""),
        ("negotiation", D(2018, 5, 15), ""),
        ("approved_for_signing", D(2018, 8, 20), "Одобрено руководством."),
        ("signed", D(2018, 9, 14), "Подписано в Баку."),
        ("in_force", D(2018, 10, 1), "Внутригосударственные процедуры завершены."),
    ],
}

DRAFT = {
    "slug": {
        "ru": "plan-dejstvij-2026-2027-proekt",
        "az": "fealiyyet-plani-2026-2027-layihe",
        "en": "action-plan-2026-2027-draft",
    },
    "registration_number": "AP-2026/DRAFT",
    "kind": "action_plan",
    "title": {
        "ru": "План действий на 2026–2027 годы к соглашению об обучении (проект)",
        "az": "Təlim sazişinə 2026–2027-ci illər üçün fəaliyyət planı (layihə)",
        "en": "Action plan 2026–2027 to the training agreement (draft)",
    },
    "summary": {
        "ru": ["Проект плана: удалённые тренинги и обмен преподавателями."],
        "az": ["Plan layihəsi: uzaqdan təlimlər və müəllim mübadiləsi."],
        "en": ["Draft plan: remote training and exchange of trainers."],
    },
    "areas": ["training"],
    "languages": ["ru", "az", "en"],
    "internal_notes": "Конфиденциально: бюджет не согласован, не публиковать до "
    "решения комиссии.",
    "parties": [
        (
            "citizens",
            {"ru": "Российская сторона", "az": "Rusiya tərəfi", "en": "Russian side"},
        ),
        (
            "training_centre",
            {
                "ru": "Азербайджанская сторона",
                "az": "Azərbaycan tərəfi",
                "en": "Azerbaijani side",
            },
        ),
    ],
    "commitments": [
        {
            "responsible": "training_centre",
            "status": "planned",
            "due_on": D(2026, 12, 1),
            "text": {
                "ru": "Запустить цикл удалённых тренингов для операторов МФЦ.",
                "az": "ÇXM operatorları üçün uzaqdan təlimlər silsiləsinə başlamaq.",
                "en": "Launch a series of remote training sessions for MFC operators.",
            },
        }
    ],
    "documents": [("ru", "text", "Проект плана действий. Конфиденциально.")],
    "steps": [("drafting", None, "Первый вариант текста.")],
}


def translated(field: str, values: dict[str, str]) -> dict[str, str]:
    """Return keyword arguments that set `field` in every language."""
    return {f"{field}_{code}": values[code] for code in LANGUAGES} | {
        field: values["ru"]
    }


def paragraphs(values: dict[str, list[str]]) -> dict[str, str]:
    return {
        code: "".join(f"<p>{escape(text)}</p>" for text in values[code])
        for code in LANGUAGES
    }


def ensure_region(slug: str, pages: dict, report: Report) -> Region:
    values = REGIONS[slug]
    for key in values["keys"]:
        if isinstance(pages.get(key), Region):
            return pages[key]
    region = Region.objects.filter(slug=slug).first()
    if region is None:
        region = Region.objects.create(
            slug=slug,
            country_code=values["country_code"],
            time_zone=values["time_zone"],
            **translated("country", values["country"]),
            **translated("name", values["name"]),
        )
        report(f"region: {values['name']['en']}")
    return region


def ensure_organisation(key: str, pages: dict, report: Report) -> Organisation:
    values = ORGANISATIONS[key]
    for slug in values["slugs"]:
        if isinstance(pages.get(f"org_{slug}"), Organisation):
            return pages[f"org_{slug}"]
    organisation = Organisation.objects.filter(slug__in=values["slugs"]).first()
    if organisation is None:
        # cooperation.demo's slug comes first: made here, it is reused there.
        organisation = Organisation.objects.create(
            slug=values["slugs"][0],
            region=ensure_region(values["region"], pages, report),
            kind=values["kind"],
            **translated("short_name", values["short_name"]),
        )
        report(f"organisation: {values['short_name']['en']}")
    return organisation


def ensure_area(slug: str, pages: dict, report: Report) -> CooperationArea:
    if isinstance(pages.get(f"area_{slug}"), CooperationArea):
        return pages[f"area_{slug}"]
    area = CooperationArea.objects.filter(slug=slug).first()
    if area is None:
        area = CooperationArea.objects.create(
            slug=slug, **translated("name", AREAS[slug])
        )
        report(f"cooperation area: {AREAS[slug]['en']}")
    return area


def ensure_person(key: str, organisations: dict, report: Report) -> Person:
    values = PEOPLE[key]
    person = Person.objects.filter(full_name_en=values["full_name"]["en"]).first()
    if person is None:
        person = Person.objects.create(
            organisation=organisations[values["organisation"]],
            **translated("full_name", values["full_name"]),
            **translated("short_name", values["short_name"]),
            **translated("position", values["position"]),
        )
        report(f"person: {values['full_name']['en']}")
    return person


def ensure_index(home: Page, report: Report) -> MemorandumIndexPage:
    """Return the register below the home page, creating it once."""
    index = MemorandumIndexPage.objects.child_of(home).first()
    if index is None:
        index = MemorandumIndexPage(
            slug=INDEX["slug"]["ru"],
            show_in_menus=True,
            live=False,
            **translated("title", INDEX["title"]),
            **{f"slug_{code}": INDEX["slug"][code] for code in LANGUAGES},
            **translated("intro", INDEX["intro"]),
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        report(f"page: {INDEX['title']['en']}")
    return index


def make_document(title: str, text: str, *, private: bool):
    """Return a small text document; drafts' documents start in the private collection."""
    document_model = get_document_model()
    document = document_model.objects.filter(title=title).first()
    if document is None:
        collection = (
            services.confidential_collection()
            if private
            else services.public_collection()
        )
        document = document_model(title=title, collection=collection)
        document.file.save(
            f"{slugify(title)}.txt", ContentFile(text.encode("utf-8")), save=False
        )
        document.save()
    return document


def ensure_memorandum(
    index: MemorandumIndexPage,
    values: dict,
    refs: dict,
    pages: dict,
    report: Report,
    *,
    publish: bool,
    amends: MemorandumPage | None = None,
) -> MemorandumPage:
    """Create one memorandum with its parts and walk it through its statuses, once."""
    existing = (
        MemorandumPage.objects.child_of(index)
        .filter(slug_ru=values["slug"]["ru"])
        .first()
    )
    if existing is not None:
        return existing
    organisations = refs["organisations"]
    page = MemorandumPage(
        slug=values["slug"]["ru"],
        live=False,
        registration_number=values["registration_number"],
        kind=values["kind"],
        amends=amends,
        term_years=values.get("term_years"),
        renews_for_years=values.get("renews_for_years"),
        notice_months=values.get("notice_months"),
        authentic_languages=values["languages"],
        internal_notes=values["internal_notes"],
        **translated("title", values["title"]),
        **{f"slug_{code}": values["slug"][code] for code in LANGUAGES},
        **translated("public_summary", paragraphs(values["summary"])),
        **(
            translated("place_of_signing", values["place"]) if "place" in values else {}
        ),
    )
    page.parties = [
        MemorandumParty(organisation=organisations[key], **translated("role", role))
        for key, role in values["parties"]
    ]
    page.signatories = [
        MemorandumSignatory(
            organisation=organisations[party],
            person=refs["people"][person],
            **translated("position", PEOPLE[person]["position"]),
        )
        for party, person in values.get("signatories", [])
    ]
    page.commitments = [
        MemorandumCommitment(
            responsible=organisations[item["responsible"]],
            status=item["status"],
            due_on=item["due_on"],
            evidence=[
                ("page", pages[key])
                for key in item.get("evidence", [])
                if isinstance(pages.get(key), Page)
            ],
            **translated("text", item["text"]),
        )
        for item in values["commitments"]
    ]
    page.documents = [
        MemorandumDocument(
            language=language,
            kind=kind,
            document=make_document(
                f"{values['registration_number']} {language} {kind}", text, private=True
            ),
        )
        for language, kind, text in values.get("documents", [])
    ]
    page.related_pages = [
        MemorandumRelatedPage(page=pages[key])
        for key in values.get("related", [])
        if isinstance(pages.get(key), Page)
    ]
    page.areas = [refs["areas"][slug] for slug in values["areas"]]
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    for status, on, comment in values["steps"]:
        services.transition_memorandum(
            memorandum=page, to_status=status, comment=comment, on=on
        )
    services.sync_document_privacy(memorandum=page)
    report(f"memorandum: {values['title']['en']}")
    return MemorandumPage.objects.get(pk=page.pk)


@transaction.atomic
def load(*, pages: dict, report: Report) -> dict:
    """Create the register and the three demo memoranda once; return them by key."""
    with translation.override("ru"):
        organisations = {
            key: ensure_organisation(key, pages, report) for key in ORGANISATIONS
        }
        refs = {
            "organisations": organisations,
            "people": {
                key: ensure_person(key, organisations, report) for key in PEOPLE
            },
            "areas": {slug: ensure_area(slug, pages, report) for slug in AREAS},
        }
        index = ensure_index(pages["home"], report)
        seed = ensure_memorandum(index, SEED, refs, pages, report, publish=True)
        in_force = ensure_memorandum(index, IN_FORCE, refs, pages, report, publish=True)
        draft = ensure_memorandum(
            index, DRAFT, refs, pages, report, publish=False, amends=in_force
        )
    return {
        "memoranda_index": index,
        "memorandum_seed": seed,
        "memorandum_in_force": in_force,
        "memorandum_draft": draft,
    }
