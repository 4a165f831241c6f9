"""Demo cooperation data from the two seed stories, in Russian, Azerbaijani and English.

Names, positions, dates and the programme come from the seed articles. Times of
day, delegation logistics and public submissions are not in the seeds: they are
marked as demo data.
"""

import datetime
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import escape

from wagtail.models import Page

from .models import (
    CooperationArea,
    DelegationMember,
    EventIndexPage,
    HearingPage,
    HearingRelatedPage,
    HearingSubmission,
    MeetingPage,
    MeetingRelatedPage,
    MeetingTask,
    Organisation,
    PartnerIndexPage,
    PartnerPage,
    Person,
    Region,
    VisitPage,
    VisitProgrammeItem,
    VisitRelatedPage,
)

Report = Callable[[str], None]
LANGUAGES = ("ru", "az", "en")
SOCIAL_NEWS = "ulyanovsk-azerbaijan-social-cooperation"
HEARING_NEWS = "azerbaijan-e-services-public-hearings"

REGIONS = [
    {
        "slug": "ulyanovsk-oblast",
        "country_code": "RU",
        "time_zone": "Europe/Ulyanovsk",
        "is_home_region": True,
        "country": {"ru": "Россия", "az": "Rusiya", "en": "Russia"},
        "name": {
            "ru": "Ульяновская область",
            "az": "Ulyanovsk vilayəti",
            "en": "Ulyanovsk Oblast",
        },
        "official_name": {
            "ru": "Ульяновская область Российской Федерации",
            "az": "Rusiya Federasiyasının Ulyanovsk vilayəti",
            "en": "Ulyanovsk Oblast of the Russian Federation",
        },
        "description": {
            "ru": "Регион на Волге; международный отдел его правительства ведёт "
            "сотрудничество с Азербайджаном.",
            "az": "Volqa sahilində region; onun hökumətinin beynəlxalq şöbəsi "
            "Azərbaycanla əməkdaşlığı aparır.",
            "en": "A region on the Volga; the international department of its "
            "government runs the cooperation with Azerbaijan.",
        },
    },
    {
        "slug": "azerbaijan",
        "country_code": "AZ",
        "time_zone": "Asia/Baku",
        "is_home_region": False,
        "country": {"ru": "Азербайджан", "az": "Azərbaycan", "en": "Azerbaijan"},
        "name": {
            "ru": "Азербайджанская Республика",
            "az": "Azərbaycan Respublikası",
            "en": "Republic of Azerbaijan",
        },
        "official_name": {
            "ru": "Азербайджанская Республика",
            "az": "Azərbaycan Respublikası",
            "en": "Republic of Azerbaijan",
        },
        "description": {
            "ru": "Партнёр Ульяновской области в сфере социальных инноваций и "
            "государственных услуг.",
            "az": "Sosial innovasiyalar və dövlət xidmətləri sahəsində Ulyanovsk "
            "vilayətinin tərəfdaşı.",
            "en": "Ulyanovsk Oblast's partner in social innovation and public "
            "services.",
        },
    },
]

ORGANISATIONS = [
    {
        "slug": "ulyanovsk-government",
        "region": "ulyanovsk-oblast",
        "kind": Organisation.Kind.GOVERNMENT,
        "parent": None,
        "website": "",
        "short_name": {
            "ru": "Правительство Ульяновской области",
            "az": "Ulyanovsk vilayətinin Hökuməti",
            "en": "Government of Ulyanovsk Oblast",
        },
        "full_name": {
            "ru": "Правительство Ульяновской области",
            "az": "Ulyanovsk vilayətinin Hökuməti",
            "en": "Government of Ulyanovsk Oblast",
        },
    },
    {
        "slug": "asan",
        "region": "azerbaijan",
        "kind": Organisation.Kind.AGENCY,
        "parent": None,
        "website": "https://asan.gov.az",
        "short_name": {
            "ru": "Госагентство «ASAN xidmət»",
            "az": "ASAN xidmət",
            "en": "ASAN xidmət State Agency",
        },
        "full_name": {
            "ru": "Государственное агентство по услугам гражданам и социальным "
            "инновациям при Президенте Азербайджанской Республики",
            "az": "Azərbaycan Respublikasının Prezidenti yanında Vətəndaşlara "
            "Xidmət və Sosial İnnovasiyalar üzrə Dövlət Agentliyi",
            "en": "State Agency for Public Service and Social Innovations under the "
            "President of the Republic of Azerbaijan",
        },
    },
    {
        "slug": "asan-training-centre",
        "region": "azerbaijan",
        "kind": Organisation.Kind.SERVICE_CENTRE,
        "parent": "asan",
        "website": "",
        "short_name": {
            "ru": "Тренировочный центр АСАН",
            "az": "ASAN Təlim Mərkəzi",
            "en": "ASAN Training Centre",
        },
        "full_name": {
            "ru": "Тренировочный центр Государственного агентства «ASAN xidmət»",
            "az": "Dövlət Agentliyinin ASAN Təlim Mərkəzi",
            "en": "ASAN Training Centre of the State Agency",
        },
    },
    {
        "slug": "government-for-citizens",
        "region": "ulyanovsk-oblast",
        "kind": Organisation.Kind.SERVICE_CENTRE,
        "parent": "ulyanovsk-government",
        "website": "",
        "short_name": {
            "ru": "Корпорация «Правительство для граждан»",
            "az": "“Vətəndaşlar üçün Hökumət” korporasiyası",
            "en": "“Government for Citizens” corporation",
        },
        "full_name": {
            "ru": "Областная корпорация «Правительство для граждан» (оператор офисов "
            "МФЦ)",
            "az": "“Vətəndaşlar üçün Hökumət” vilayət korporasiyası (ÇFM ofislərinin "
            "operatoru)",
            "en": "Regional corporation “Government for Citizens” (operator of the MFC "
            "offices)",
        },
    },
    {
        "slug": "azerbaijan-ministry-of-communications",
        "region": "azerbaijan",
        "kind": Organisation.Kind.GOVERNMENT,
        "parent": None,
        "website": "",
        "short_name": {
            "ru": "Минсвязи и ИТ Азербайджана",
            "az": "Rabitə və İnformasiya Texnologiyaları Nazirliyi",
            "en": "Ministry of Communications and IT of Azerbaijan",
        },
        "full_name": {
            "ru": "Министерство связи и информационных технологий Азербайджанской "
            "Республики",
            "az": "Azərbaycan Respublikasının Rabitə və İnformasiya Texnologiyaları "
            "Nazirliyi",
            "en": "Ministry of Communications and Information Technologies of the "
            "Republic of Azerbaijan",
        },
    },
    {
        "slug": "azerbaijani-autonomy",
        "region": "ulyanovsk-oblast",
        "kind": Organisation.Kind.NGO,
        "parent": None,
        "website": "",
        "short_name": {
            "ru": "Азербайджанская национально-культурная автономия",
            "az": "Azərbaycan milli-mədəni muxtariyyəti",
            "en": "Azerbaijani national-cultural autonomy",
        },
        "full_name": {
            "ru": "Ульяновская региональная азербайджанская национально-культурная "
            "автономия",
            "az": "Ulyanovsk Regional Azərbaycan Milli-Mədəni Muxtariyyəti",
            "en": "Ulyanovsk Regional Azerbaijani National-Cultural Autonomy",
        },
    },
    {
        "slug": "school-78",
        "region": "ulyanovsk-oblast",
        "kind": Organisation.Kind.SCHOOL,
        "parent": None,
        "website": "",
        "short_name": {
            "ru": "Школа № 78 имени Гейдара Алиева",
            "az": "Heydər Əliyev adına 78 nömrəli məktəb",
            "en": "School No. 78 named after Heydar Aliyev",
        },
        "full_name": {
            "ru": "Средняя школа № 78 имени Гейдара Алиева (Ульяновск)",
            "az": "Heydər Əliyev adına 78 nömrəli orta məktəb (Ulyanovsk)",
            "en": "Secondary School No. 78 named after Heydar Aliyev (Ulyanovsk)",
        },
    },
]

PEOPLE = [
    {
        "key": "morozov",
        "organisation": "ulyanovsk-government",
        "full_name": {
            "ru": "Сергей Иванович Морозов",
            "az": "Sergey İvanoviç Morozov",
            "en": "Sergey Ivanovich Morozov",
        },
        "short_name": {"ru": "С. Морозов", "az": "S. Morozov", "en": "S. Morozov"},
        "position": {
            "ru": "Губернатор Ульяновской области",
            "az": "Ulyanovsk vilayətinin qubernatoru",
            "en": "Governor of Ulyanovsk Oblast",
        },
    },
    {
        "key": "gumbatov",
        "organisation": "asan",
        "full_name": {
            "ru": "Эльнур Акиф оглы Гумбатов",
            "az": "Elnur Akif oğlu Qumbatov",
            "en": "Elnur Akif oglu Gumbatov",
        },
        "short_name": {"ru": "Э. Гумбатов", "az": "E. Qumbatov", "en": "E. Gumbatov"},
        "position": {
            "ru": "Начальник международного отдела Государственного агентства по "
            "услугам гражданам и социальным инновациям",
            "az": "Vətəndaşlara Xidmət və Sosial İnnovasiyalar üzrə Dövlət "
            "Agentliyinin beynəlxalq şöbəsinin rəisi",
            "en": "Head of the International Department of the State Agency for "
            "Public Service and Social Innovations",
        },
    },
    {
        "key": "guseynov",
        "organisation": "azerbaijani-autonomy",
        "full_name": {
            "ru": "Ислам Гусейнов",
            "az": "İslam Hüseynov",
            "en": "Islam Guseynov",
        },
        "short_name": {"ru": "И. Гусейнов", "az": "İ. Hüseynov", "en": "I. Guseynov"},
        "position": {
            "ru": "Председатель Ульяновской региональной азербайджанской "
            "национально-культурной автономии",
            "az": "Ulyanovsk Regional Azərbaycan Milli-Mədəni Muxtariyyətinin sədri",
            "en": "Chairman of the Ulyanovsk Regional Azerbaijani National-Cultural "
            "Autonomy",
        },
    },
    {
        "key": "kerimov",
        "organisation": "asan",
        "full_name": {"ru": "Инам Керимов", "az": "İnam Kərimov", "en": "Inam Kerimov"},
        "short_name": {"ru": "И. Керимов", "az": "İ. Kərimov", "en": "I. Kerimov"},
        "position": {
            "ru": "Глава Государственного агентства по услугам гражданам и "
            "социальным инновациям",
            "az": "Vətəndaşlara Xidmət və Sosial İnnovasiyalar üzrə Dövlət "
            "Agentliyinin rəhbəri",
            "en": "Head of the State Agency for Public Service and Social Innovations",
        },
    },
    {
        "key": "velizade",
        "organisation": "azerbaijan-ministry-of-communications",
        "full_name": {
            "ru": "Эльмир Велизаде",
            "az": "Elmir Vəlizadə",
            "en": "Elmir Velizade",
        },
        "short_name": {"ru": "Э. Велизаде", "az": "E. Vəlizadə", "en": "E. Velizade"},
        "position": {
            "ru": "Заместитель министра связи и информационных технологий Азербайджана",
            "az": "Azərbaycanın rabitə və informasiya texnologiyaları nazirinin "
            "müavini",
            "en": "Deputy Minister of Communications and Information Technologies of "
            "Azerbaijan",
        },
    },
]

AREAS = [
    (
        "social-innovation",
        {
            "ru": "Социальные инновации",
            "az": "Sosial innovasiyalar",
            "en": "Social innovation",
        },
    ),
    (
        "public-services",
        {
            "ru": "Госуслуги и центры МФЦ / ASAN",
            "az": "Dövlət xidmətləri və ÇFM / ASAN mərkəzləri",
            "en": "Public services and MFC / ASAN service centres",
        },
    ),
    (
        "e-government",
        {
            "ru": "Электронное правительство и электронные услуги",
            "az": "Elektron hökumət və elektron xidmətlər",
            "en": "E-government and e-services",
        },
    ),
    (
        "it",
        {
            "ru": "Информационные технологии",
            "az": "İnformasiya texnologiyaları",
            "en": "Information technology",
        },
    ),
    (
        "family-business",
        {
            "ru": "Поддержка семейного бизнеса",
            "az": "Ailə biznesinə dəstək",
            "en": "Family business support",
        },
    ),
    ("training", {"ru": "Обучение", "az": "Təlim", "en": "Training"}),
    ("culture", {"ru": "Культура", "az": "Mədəniyyət", "en": "Culture"}),
]

EVENTS_INDEX = {
    "slug": {"ru": "sobytiya", "az": "tedbirler", "en": "events"},
    "title": {"ru": "События", "az": "Tədbirlər", "en": "Events"},
    "intro": {
        "ru": "Визиты, встречи и общественные слушания Ульяновской области и "
        "партнёров в Азербайджане.",
        "az": "Ulyanovsk vilayəti ilə Azərbaycandakı tərəfdaşların səfərləri, "
        "görüşləri və ictimai dinləmələri.",
        "en": "Visits, meetings and public hearings of Ulyanovsk Oblast and its "
        "partners in Azerbaijan.",
    },
}

PARTNERS_INDEX = {
    "slug": {"ru": "partnery", "az": "terefdaslar", "en": "partners"},
    "title": {"ru": "Партнёры", "az": "Tərəfdaşlar", "en": "Partners"},
    "intro": {
        "ru": "Регионы и организации, с которыми сотрудничает Ульяновская область, "
        "и всё, что мы сделали вместе.",
        "az": "Ulyanovsk vilayətinin əməkdaşlıq etdiyi regionlar və təşkilatlar, "
        "birlikdə gördüyümüz hər şey.",
        "en": "The regions and organisations Ulyanovsk Oblast works with, and "
        "everything we have done together.",
    },
}

PARTNERS = [
    {
        "key": "azerbaijan",
        "region": "azerbaijan",
        "organisation": None,
        "slug": {"ru": "azerbajdzhan", "az": "azerbaycan", "en": "azerbaijan"},
        "title": {"ru": "Азербайджан", "az": "Azərbaycan", "en": "Azerbaijan"},
        "intro": {
            "ru": "Сотрудничество с Азербайджанской Республикой: социальные "
            "инновации, государственные и электронные услуги, культура.",
            "az": "Azərbaycan Respublikası ilə əməkdaşlıq: sosial innovasiyalar, "
            "dövlət və elektron xidmətlər, mədəniyyət.",
            "en": "Cooperation with the Republic of Azerbaijan: social innovation, "
            "public and electronic services, culture.",
        },
    },
    {
        "key": "asan",
        "region": None,
        "organisation": "asan",
        "slug": {"ru": "asan-xidmet", "az": "asan-xidmet", "en": "asan-xidmet"},
        "title": {
            "ru": "Госагентство «ASAN xidmət»",
            "az": "ASAN xidmət",
            "en": "ASAN xidmət State Agency",
        },
        "intro": {
            "ru": "Государственное агентство по услугам гражданам и социальным "
            "инновациям при Президенте Азербайджанской Республики.",
            "az": "Azərbaycan Respublikasının Prezidenti yanında Vətəndaşlara Xidmət "
            "və Sosial İnnovasiyalar üzrə Dövlət Agentliyi.",
            "en": "The State Agency for Public Service and Social Innovations under "
            "the President of the Republic of Azerbaijan.",
        },
    },
]

MEETING = {
    "slug": {
        "ru": "vstrecha-gubernatora-s-elnurom-gumbatovym",
        "az": "qubernatorun-elnur-qumbatovla-gorusu",
        "en": "governor-meets-elnur-gumbatov",
    },
    "title": {
        "ru": "Встреча губернатора Сергея Морозова с Эльнуром Гумбатовым",
        "az": "Qubernator Sergey Morozovun Elnur Qumbatovla görüşü",
        "en": "Governor Sergey Morozov meets Elnur Gumbatov",
    },
    "location": {"ru": "Ульяновск", "az": "Ulyanovsk", "en": "Ulyanovsk"},
    "summary": {
        "ru": "Губернатор Ульяновской области и начальник международного отдела "
        "Госагентства «ASAN xidmət» обсудили сотрудничество, которое планируется "
        "закрепить меморандумом.",
        "az": "Ulyanovsk vilayətinin qubernatoru və “ASAN xidmət” Dövlət "
        "Agentliyinin beynəlxalq şöbəsinin rəisi memorandumla rəsmiləşdirilməsi "
        "planlaşdırılan əməkdaşlığı müzakirə ediblər.",
        "en": "The Governor of Ulyanovsk Oblast and the head of the ASAN xidmət "
        "agency's international department discussed cooperation that is to be "
        "formalised in a memorandum.",
    },
    "topics": {
        "ru": [
            "Работа центров «АСАН Хидмет», куда жители обращаются за бесплатными и "
            "платными услугами",
            "Государственная поддержка семейного бизнеса",
            "Развитие ИТ-технологий и концепция «Умный регион»",
            "Повышение скорости оказания госуслуг",
            "Обмен опытом: двусторонние ознакомительные поездки и тренинги в "
            "Тренировочном центре АСАН",
        ],
        "az": [
            "Sakinlərin pulsuz və ödənişli xidmətlər üçün müraciət etdiyi “ASAN "
            "xidmət” mərkəzlərinin işi",
            "Ailə biznesinə dövlət dəstəyi",
            "İT texnologiyalarının inkişafı və “Ağıllı region” konsepsiyası",
            "Dövlət xidmətlərinin göstərilməsi sürətinin artırılması",
            "Təcrübə mübadiləsi: ikitərəfli tanışlıq səfərləri və ASAN Təlim "
            "Mərkəzində təlimlər",
        ],
        "en": [
            "How the ASAN xidmət centres work, where residents apply for free and "
            "paid services",
            "State support for family businesses",
            "Developing information technology and the “Smart Region” concept",
            "Delivering public services faster",
            "Sharing experience: study visits both ways and training at the ASAN "
            "Training Centre",
        ],
    },
    "outcome": {
        "ru": "Стороны рассмотрели возможные направления сотрудничества и "
        "договорились закрепить его меморандумом.",
        "az": "Tərəflər əməkdaşlığın mümkün istiqamətlərini nəzərdən keçirib və onu "
        "memorandumla rəsmiləşdirməyi razılaşdırıblar.",
        "en": "The sides reviewed possible areas of cooperation and agreed to "
        "formalise it in a memorandum.",
    },
    "task": {
        "ru": "Расширить перечень услуг в офисах МФЦ, добавив к государственным "
        "частные услуги.",
        "az": "ÇFM ofislərində xidmətlərin siyahısını genişləndirmək, dövlət "
        "xidmətlərinə özəl xidmətlər əlavə etmək.",
        "en": "Widen the range of services in the MFC offices by adding private "
        "services to the public ones.",
    },
}

VISIT = {
    "slug": {
        "ru": "vizit-azerbajdzhanskoj-delegacii-v-ulyanovsk",
        "az": "azerbaycan-numayende-heyetinin-ulyanovska-seferi",
        "en": "azerbaijani-delegation-visits-ulyanovsk",
    },
    "title": {
        "ru": "Визит азербайджанской делегации в Ульяновск",
        "az": "Azərbaycan nümayəndə heyətinin Ulyanovska səfəri",
        "en": "Azerbaijani delegation visits Ulyanovsk",
    },
    "location": {"ru": "Ульяновск", "az": "Ulyanovsk", "en": "Ulyanovsk"},
    "summary": {
        "ru": "Делегация во главе с Эльнуром Гумбатовым встретилась с губернатором, "
        "возложила цветы к памятникам Гейдару Алиеву и Нариману Нариманову и "
        "посетила школу № 78 имени Гейдара Алиева.",
        "az": "Elnur Qumbatovun başçılıq etdiyi nümayəndə heyəti qubernatorla "
        "görüşüb, Heydər Əliyev və Nəriman Nərimanovun abidələri önünə gül qoyub, "
        "Heydər Əliyev adına 78 nömrəli məktəbi ziyarət edib.",
        "en": "The delegation led by Elnur Gumbatov met the governor, laid flowers at "
        "the monuments to Heydar Aliyev and Nariman Narimanov and visited School "
        "No. 78 named after Heydar Aliyev.",
    },
    "purpose": {
        "ru": "Обсудить сотрудничество в сфере социальных инноваций и "
        "государственных услуг и познакомиться с азербайджанской общиной "
        "Ульяновска.",
        "az": "Sosial innovasiyalar və dövlət xidmətləri sahəsində əməkdaşlığı "
        "müzakirə etmək və Ulyanovskdakı Azərbaycan icması ilə tanış olmaq.",
        "en": "To discuss cooperation in social innovation and public services and "
        "to meet the Azerbaijani community of Ulyanovsk.",
    },
    "outcome": {
        "ru": "Стороны договорились закрепить сотрудничество меморандумом; "
        "корпорации «Правительство для граждан» поручено расширить перечень услуг "
        "в офисах МФЦ.",
        "az": "Tərəflər əməkdaşlığı memorandumla rəsmiləşdirməyi razılaşdırıblar; "
        "“Vətəndaşlar üçün Hökumət” korporasiyasına ÇFM ofislərində xidmətlərin "
        "siyahısını genişləndirmək tapşırılıb.",
        "en": "The sides agreed to formalise the cooperation in a memorandum; the "
        "“Government for Citizens” corporation was asked to widen the range of "
        "services in the MFC offices.",
    },
    "programme": [
        {
            "date": datetime.date(2017, 6, 30),
            "activity": {
                "ru": "Встреча с губернатором Ульяновской области Сергеем Морозовым",
                "az": "Ulyanovsk vilayətinin qubernatoru Sergey Morozovla görüş",
                "en": "Meeting with the Governor of Ulyanovsk Oblast, Sergey Morozov",
            },
            "place": {
                "ru": "Правительство Ульяновской области",
                "az": "Ulyanovsk vilayətinin Hökuməti",
                "en": "Government of Ulyanovsk Oblast",
            },
            "participants_text": {"ru": "", "az": "", "en": ""},
            "people": ["morozov", "gumbatov"],
        },
        {
            "date": datetime.date(2017, 7, 1),
            "activity": {
                "ru": "Возложение цветов к памятникам Гейдару Алиеву и Нариману "
                "Нариманову",
                "az": "Heydər Əliyev və Nəriman Nərimanovun abidələri önünə gül "
                "qoyulması",
                "en": "Laying flowers at the monuments to Heydar Aliyev and Nariman "
                "Narimanov",
            },
            "place": {"ru": "Ульяновск", "az": "Ulyanovsk", "en": "Ulyanovsk"},
            "participants_text": {
                "ru": "Эльнур Гумбатов и его спутники, принимающая сторона — Ислам "
                "Гусейнов",
                "az": "Elnur Qumbatov və onu müşayiət edənlər, qəbul edən tərəf — "
                "İslam Hüseynov",
                "en": "Elnur Gumbatov and his companions, hosted by Islam Guseynov",
            },
            "people": ["gumbatov", "guseynov"],
        },
        {
            "date": datetime.date(2017, 7, 1),
            "activity": {
                "ru": "Посещение школы № 78 имени Гейдара Алиева и Музея истории и "
                "культуры Азербайджана в её стенах",
                "az": "Heydər Əliyev adına 78 nömrəli məktəbə və orada yerləşən "
                "Azərbaycan Tarixi və Mədəniyyəti Muzeyinə baş çəkmə",
                "en": "Visit to School No. 78 named after Heydar Aliyev and its Museum "
                "of the History and Culture of Azerbaijan",
            },
            "place": {
                "ru": "Школа № 78 имени Гейдара Алиева, Ульяновск",
                "az": "Heydər Əliyev adına 78 nömrəli məktəb, Ulyanovsk",
                "en": "School No. 78 named after Heydar Aliyev, Ulyanovsk",
            },
            "participants_text": {
                "ru": "Делегация и Ислам Гусейнов",
                "az": "Nümayəndə heyəti və İslam Hüseynov",
                "en": "The delegation and Islam Guseynov",
            },
            "people": ["gumbatov", "guseynov"],
        },
    ],
}

HEARING = {
    "slug": {
        "ru": "obshchestvennye-slushaniya-po-elektronnym-uslugam",
        "az": "elektron-xidmetler-uzre-ictimai-dinlemeler",
        "en": "public-hearings-on-e-services",
    },
    "title": {
        "ru": "Общественные слушания по развитию электронных услуг",
        "az": "Elektron xidmətlərin inkişafına dair ictimai dinləmələr",
        "en": "Public hearings on developing e-services",
    },
    "topic": {
        "ru": "Развитие электронных услуг и проект государственной программы",
        "az": "Elektron xidmətlərin inkişafı və Dövlət Proqramının layihəsi",
        "en": "Developing e-services and the draft state programme",
    },
    "location": {"ru": "Баку", "az": "Bakı", "en": "Baku"},
    "summary": {
        "ru": "Госагентство «ASAN xidmət» и Минсвязи Азербайджана обсудили с "
        "общественностью развитие электронных услуг; участвовать могли и "
        "пользователи интернета.",
        "az": "“ASAN xidmət” Dövlət Agentliyi və Azərbaycanın Rabitə Nazirliyi "
        "elektron xidmətlərin inkişafını ictimaiyyətlə müzakirə ediblər; internet "
        "istifadəçiləri də iştirak edə bilərdi.",
        "en": "The ASAN xidmət agency and Azerbaijan's Ministry of Communications "
        "discussed developing e-services with the public; internet users could take "
        "part too.",
    },
    "body": {
        "ru": [
            "Глава госагентства Инам Керимов сообщил, что проект госпрограммы одобрен "
            "Кабинетом министров и прошёл процесс согласования, а расширение "
            "e-услуг устраняет угрозу коррупции.",
            "Заместитель министра Эльмир Велизаде отметил, что порталом "
            "«электронного правительства» ежемесячно пользуются 50 тысяч человек.",
            "Все обсуждения выкладываются в Twitter с хэштегами слушаний.",
        ],
        "az": [
            "Dövlət Agentliyinin rəhbəri İnam Kərimov bildirib ki, Dövlət "
            "Proqramının layihəsi Nazirlər Kabineti tərəfindən bəyənilib və "
            "razılaşdırmadan keçib, e-xidmətlərin genişləndirilməsi isə korrupsiya "
            "təhlükəsini aradan qaldırır.",
            "Nazir müavini Elmir Vəlizadə qeyd edib ki, “elektron hökumət” "
            "portalından hər ay 50 min nəfər istifadə edir.",
            "Bütün müzakirələr dinləmələrin heşteqləri ilə Twitter-də yerləşdirilir.",
        ],
        "en": [
            "The head of the State Agency, Inam Kerimov, said that the draft state "
            "programme had been approved by the Cabinet of Ministers and had gone "
            "through coordination, and that expanding e-services removes the threat "
            "of corruption.",
            "Deputy Minister Elmir Velizade noted that 50,000 people use the "
            "e-government portal every month.",
            "All discussions are posted on Twitter with the hearings' hashtags.",
        ],
    },
    "hashtags": "#ASANxidmet #eservices",
    "submissions": [
        {
            "name": "Айсель (демо)",
            "language": "az",
            "text": "Elektron xidmətlər kənd yerlərində də əlçatan olacaqmı?",
        },
        {
            "name": "Андрей (демо)",
            "language": "ru",
            "text": "Можно ли будет получить электронные услуги ASAN, находясь за "
            "рубежом, например в Ульяновске?",
        },
    ],
}

DELEGATION = [
    {
        "person": "gumbatov",
        "name": "",
        "role": "Глава делегации (демо)",
        "passport_status": DelegationMember.DocumentStatus.VALID,
        "visa_status": DelegationMember.VisaStatus.NOT_REQUIRED,
        "arrival_details": "Демо: рейс Баку – Ульяновск (вымышленный)",
        "accommodation": "Демо: гостиница (вымышленная)",
        "interpreter_needs": "Не нужен (демо)",
        "dietary_needs": "Нет (демо)",
        "notes": "Демонстрационные данные, не настоящие.",
    },
    {
        "person": None,
        "name": "Демо-участник делегации",
        "role": "Эксперт (демо)",
        "passport_status": DelegationMember.DocumentStatus.VALID,
        "visa_status": DelegationMember.VisaStatus.NOT_REQUIRED,
        "arrival_details": "Демо: тот же рейс",
        "accommodation": "Демо: гостиница (вымышленная)",
        "interpreter_needs": "Азербайджанский – русский на встрече с губернатором "
        "(демо)",
        "dietary_needs": "Вегетарианское меню (демо)",
        "notes": "Демонстрационные данные, не настоящие.",
    },
]


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


def bullet_list(values: dict[str, list[str]]) -> dict[str, str]:
    return {
        code: "<ul>"
        + "".join(f"<li>{escape(text)}</li>" for text in values[code])
        + "</ul>"
        for code in LANGUAGES
    }


def publish(page: Page) -> None:
    page.save_revision().publish()


def ensure_regions(report: Report) -> dict[str, Region]:
    regions = {}
    for item in REGIONS:
        region = Region.objects.filter(slug=item["slug"]).first()
        if region is None:
            region = Region.objects.create(
                slug=item["slug"],
                country_code=item["country_code"],
                time_zone=item["time_zone"],
                is_home_region=item["is_home_region"],
                **translated("country", item["country"]),
                **translated("name", item["name"]),
                **translated("official_name", item["official_name"]),
                **translated("description", item["description"]),
            )
            report(f"region: {item['name']['en']}")
        regions[item["slug"]] = region
    return regions


def ensure_organisations(
    regions: dict[str, Region], report: Report
) -> dict[str, Organisation]:
    organisations: dict[str, Organisation] = {}
    for item in ORGANISATIONS:
        organisation = Organisation.objects.filter(slug=item["slug"]).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                slug=item["slug"],
                region=regions[item["region"]],
                kind=item["kind"],
                website=item["website"],
                parent=organisations.get(item["parent"]) if item["parent"] else None,
                **translated("short_name", item["short_name"]),
                **translated("full_name", item["full_name"]),
            )
            report(f"organisation: {item['short_name']['en']}")
        organisations[item["slug"]] = organisation
    return organisations


def ensure_people(
    organisations: dict[str, Organisation], report: Report
) -> dict[str, Person]:
    people = {}
    for item in PEOPLE:
        person = Person.objects.filter(full_name_en=item["full_name"]["en"]).first()
        if person is None:
            person = Person.objects.create(
                organisation=organisations[item["organisation"]],
                **translated("full_name", item["full_name"]),
                **translated("short_name", item["short_name"]),
                **translated("position", item["position"]),
            )
            report(f"person: {item['full_name']['en']}")
        people[item["key"]] = person
    return people


def ensure_areas(report: Report) -> dict[str, CooperationArea]:
    areas = {}
    for order, (slug, names) in enumerate(AREAS):
        area = CooperationArea.objects.filter(slug=slug).first()
        if area is None:
            area = CooperationArea.objects.create(
                slug=slug, sort_order=order, **translated("name", names)
            )
            report(f"cooperation area: {names['en']}")
        areas[slug] = area
    return areas


def ensure_index(model, home: Page, values: dict, report: Report):
    """Return the index page of `model` below the home page, creating it once."""
    index = model.objects.child_of(home).first()
    if index is None:
        index = model(
            slug=values["slug"]["ru"],
            show_in_menus=True,
            live=False,
            **translated("title", values["title"]),
            **{f"slug_{code}": values["slug"][code] for code in LANGUAGES},
            **translated("intro", values["intro"]),
        )
        home.add_child(instance=index)
        publish(index)
        report(f"page: {values['title']['en']}")
    return index


def existing_child(model, parent: Page, slugs: dict[str, str]):
    return model.objects.child_of(parent).filter(slug_ru=slugs["ru"]).first()


def page_kwargs(values: dict) -> dict:
    return {
        "slug": values["slug"]["ru"],
        "live": False,
        **translated("title", values["title"]),
        **{f"slug_{code}": values["slug"][code] for code in LANGUAGES},
    }


def ensure_meeting(index, refs: dict, news: Page | None, report: Report):
    page = existing_child(MeetingPage, index, MEETING["slug"])
    if page is not None:
        return page
    page = MeetingPage(
        **page_kwargs(MEETING),
        start_date=datetime.date(2017, 6, 30),
        end_date=datetime.date(2017, 6, 30),
        time_zone="Europe/Ulyanovsk",
        status=MeetingPage.Status.COMPLETED,
        **translated("location", MEETING["location"]),
        **translated("summary", MEETING["summary"]),
        **translated("topics", bullet_list(MEETING["topics"])),
        **translated(
            "outcome", {c: f"<p>{escape(MEETING['outcome'][c])}</p>" for c in LANGUAGES}
        ),
    )
    page.host_regions = [refs["regions"]["ulyanovsk-oblast"]]
    page.host_organisations = [refs["organisations"]["ulyanovsk-government"]]
    page.guest_regions = [refs["regions"]["azerbaijan"]]
    page.guest_organisations = [refs["organisations"]["asan"]]
    page.participants = [refs["people"]["morozov"], refs["people"]["gumbatov"]]
    page.areas = [
        refs["areas"][slug]
        for slug in (
            "social-innovation",
            "public-services",
            "it",
            "family-business",
            "training",
        )
    ]
    page.tasks = [
        MeetingTask(
            organisation=refs["organisations"]["government-for-citizens"],
            **translated("description", MEETING["task"]),
        )
    ]
    if news is not None:
        page.related_links = [MeetingRelatedPage(page=news)]
    index.add_child(instance=page)
    publish(page)
    report(f"meeting: {MEETING['title']['en']}")
    return page


def ensure_visit(index, refs: dict, news: Page | None, report: Report):
    page = existing_child(VisitPage, index, VISIT["slug"])
    if page is not None:
        return page
    page = VisitPage(
        **page_kwargs(VISIT),
        direction=VisitPage.Direction.INCOMING,
        start_date=datetime.date(2017, 6, 30),
        end_date=datetime.date(2017, 7, 1),
        time_zone="Europe/Ulyanovsk",
        status=VisitPage.Status.COMPLETED,
        **translated("location", VISIT["location"]),
        **translated("summary", VISIT["summary"]),
        **translated("purpose", VISIT["purpose"]),
        **translated(
            "outcome", {c: f"<p>{escape(VISIT['outcome'][c])}</p>" for c in LANGUAGES}
        ),
    )
    page.host_regions = [refs["regions"]["ulyanovsk-oblast"]]
    page.host_organisations = [
        refs["organisations"]["ulyanovsk-government"],
        refs["organisations"]["azerbaijani-autonomy"],
    ]
    page.guest_regions = [refs["regions"]["azerbaijan"]]
    page.guest_organisations = [refs["organisations"]["asan"]]
    page.participants = [
        refs["people"][key] for key in ("gumbatov", "morozov", "guseynov")
    ]
    page.areas = [refs["areas"][slug] for slug in ("social-innovation", "culture")]
    items = []
    for order, item in enumerate(VISIT["programme"]):
        programme_item = VisitProgrammeItem(
            date=item["date"],
            sort_order=order,
            **translated("activity", item["activity"]),
            **translated("place", item["place"]),
            **translated("participants_text", item["participants_text"]),
        )
        programme_item.participants = [refs["people"][key] for key in item["people"]]
        items.append(programme_item)
    page.programme_items = items
    if news is not None:
        page.related_links = [VisitRelatedPage(page=news)]
    index.add_child(instance=page)
    publish(page)
    report(f"visit: {VISIT['title']['en']}")
    return page


def ensure_delegation(visit: VisitPage, people: dict, report: Report) -> None:
    """Add the demo delegation to the visit once; every personal detail is fiction."""
    if DelegationMember.objects.filter(visit=visit).exists():
        return
    arrival = timezone.make_aware(
        datetime.datetime(2017, 6, 29, 21, 30), timezone.get_default_timezone()
    )
    departure = timezone.make_aware(
        datetime.datetime(2017, 7, 2, 9, 0), timezone.get_default_timezone()
    )
    for item in DELEGATION:
        DelegationMember.objects.create(
            visit=visit,
            person=people[item["person"]] if item["person"] else None,
            name=item["name"],
            role=item["role"],
            passport_status=item["passport_status"],
            visa_status=item["visa_status"],
            arrival_at=arrival,
            arrival_details=item["arrival_details"],
            departure_at=departure,
            accommodation=item["accommodation"],
            interpreter_needs=item["interpreter_needs"],
            dietary_needs=item["dietary_needs"],
            notes=item["notes"],
        )
    report("delegation: two demo members of the visiting delegation")


def ensure_hearing(index, refs: dict, news: Page | None, report: Report):
    page = existing_child(HearingPage, index, HEARING["slug"])
    if page is not None:
        return page
    page = HearingPage(
        **page_kwargs(HEARING),
        # The seed gives no date or time: the day of the report and a demo time.
        start_date=datetime.date(2017, 7, 20),
        start_time=datetime.time(11, 0),
        end_date=datetime.date(2017, 7, 20),
        end_time=datetime.time(13, 0),
        time_zone="Asia/Baku",
        status=HearingPage.Status.COMPLETED,
        hashtags=HEARING["hashtags"],
        accepts_submissions=True,
        **translated("topic", HEARING["topic"]),
        **translated("location", HEARING["location"]),
        **translated("summary", HEARING["summary"]),
        **translated("body", paragraphs(HEARING["body"])),
    )
    page.host_regions = [refs["regions"]["azerbaijan"]]
    page.host_organisations = [
        refs["organisations"]["asan"],
        refs["organisations"]["azerbaijan-ministry-of-communications"],
    ]
    page.participants = [refs["people"]["kerimov"], refs["people"]["velizade"]]
    page.areas = [
        refs["areas"][slug]
        for slug in ("e-government", "public-services", "social-innovation")
    ]
    if news is not None:
        page.related_links = [HearingRelatedPage(page=news)]
    index.add_child(instance=page)
    publish(page)
    report(f"public hearing: {HEARING['title']['en']}")
    return page


def ensure_submissions(hearing: HearingPage, report: Report) -> None:
    if HearingSubmission.objects.filter(hearing=hearing).exists():
        return
    moment = timezone.make_aware(datetime.datetime(2017, 7, 20, 11, 30))
    for item in HEARING["submissions"]:
        HearingSubmission.objects.create(
            hearing=hearing,
            name=item["name"],
            email="demo@example.org",
            text=item["text"],
            consent=True,
            language=item["language"],
            status=HearingSubmission.Status.APPROVED,
            submitted_at=moment,
            moderated_at=moment,
        )
    report("hearing submissions: two approved demo questions")


def ensure_partners(
    index: PartnerIndexPage, refs: dict, report: Report
) -> dict[str, PartnerPage]:
    partners = {}
    for item in PARTNERS:
        page = existing_child(PartnerPage, index, item["slug"])
        if page is None:
            page = PartnerPage(
                **page_kwargs(item),
                region=refs["regions"].get(item["region"]) if item["region"] else None,
                organisation=(
                    refs["organisations"][item["organisation"]]
                    if item["organisation"]
                    else None
                ),
                **translated("intro", item["intro"]),
            )
            index.add_child(instance=page)
            publish(page)
            report(f"partner page: {item['title']['en']}")
        partners[f"partner_{item['key']}"] = page
    return partners


@transaction.atomic
def load(*, pages: dict, report: Report) -> dict:
    """Create the seed stories' reference data, events and partner pages once."""
    with translation.override("ru"):
        regions = ensure_regions(report)
        organisations = ensure_organisations(regions, report)
        people = ensure_people(organisations, report)
        areas = ensure_areas(report)
        refs = {
            "regions": regions,
            "organisations": organisations,
            "people": people,
            "areas": areas,
        }
        home = pages["home"]
        events_index = ensure_index(EventIndexPage, home, EVENTS_INDEX, report)
        partners_index = ensure_index(PartnerIndexPage, home, PARTNERS_INDEX, report)
        meeting = ensure_meeting(events_index, refs, pages.get(SOCIAL_NEWS), report)
        visit = ensure_visit(events_index, refs, pages.get(SOCIAL_NEWS), report)
        ensure_delegation(visit, people, report)
        hearing = ensure_hearing(events_index, refs, pages.get(HEARING_NEWS), report)
        ensure_submissions(hearing, report)
        partners = ensure_partners(partners_index, refs, report)
    result = {
        "events_index": events_index,
        "partners_index": partners_index,
        "meeting": meeting,
        "visit": visit,
        "hearing": hearing,
        "region_ulyanovsk": regions["ulyanovsk-oblast"],
        "region_azerbaijan": regions["azerbaijan"],
        **partners,
    }
    result.update({f"org_{slug}": org for slug, org in organisations.items()})
    result.update({f"person_{key}": person for key, person in people.items()})
    result.update({f"area_{slug}": area for slug, area in areas.items()})
    return result
