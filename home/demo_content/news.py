"""Seed news articles for the demo content, in Russian (original), Azerbaijani and English."""

import datetime

NEWS: list[dict] = [
    {
        "key": "ulyanovsk-azerbaijan-social-cooperation",
        "date": datetime.date(2017, 7, 18),
        "slug": {
            "ru": (
                "ulyanovskaya-oblast-budet-sotrudnichat-s-azerbajdzhanom-po-socialnym-"
                "voprosam"
            ),
            "az": (
                "ulyanovsk-vilayeti-azerbaycanla-sosial-meseleler-uzre-emekdasliq-"
                "edecek"
            ),
            "en": "ulyanovsk-oblast-to-cooperate-with-azerbaijan-on-social-issues",
        },
        "title": {
            "ru": (
                "Ульяновская область будет сотрудничать с Азербайджаном по социальным "
                "вопросам"
            ),
            "az": (
                "Ulyanovsk vilayəti Azərbaycanla sosial məsələlər üzrə əməkdaşlıq "
                "edəcək"
            ),
            "en": "Ulyanovsk Oblast to cooperate with Azerbaijan on social issues",
        },
        "lead": {
            "ru": (
                "Губернатор Сергей Морозов и Эльнур Гумбатов из Государственного "
                "агентства по услугам гражданам и социальным инновациям при Президенте "
                "Азербайджана обсудили сотрудничество, которое планируется закрепить "
                "меморандумом."
            ),
            "az": (
                "Qubernator Sergey Morozov və Azərbaycan Respublikasının Prezidenti "
                "yanında Vətəndaşlara Xidmət və Sosial İnnovasiyalar üzrə Dövlət "
                "Agentliyini təmsil edən Elnur Qumbatov memorandumla rəsmiləşdirilməsi "
                "planlaşdırılan əməkdaşlığı müzakirə ediblər."
            ),
            "en": (
                "Governor Sergey Morozov and Elnur Gumbatov of the State Agency for "
                "Public Service and Social Innovations under the President of the "
                "Republic of Azerbaijan discussed cooperation, which is to be "
                "formalised in a memorandum."
            ),
        },
        "body": {
            "ru": [
                (
                    "Губернатор Сергей Морозов 30 июня 2017 года встретился с "
                    "начальником международного отдела Государственного агентства по "
                    "социальным инновациям при Президенте Азербаджана Эльнуром Акиф "
                    "оглы Гумбатовым."
                ),
                (
                    "Стороны рассмотрели возможные направления сотрудничества, которое "
                    "планируется закрепить меморандумом."
                ),
                (
                    "- В Азербайджане нашим коллегам удалось многого добиться в "
                    "развитии высоких технологий, которые работают на благо простых "
                    "людей. И особенно важно, что сегодня у нас есть возможность "
                    "использовать этот уникальный опыт в Ульяновской области вместе с "
                    "нашими наработками, которые включены в концепцию «Умный регион»», "
                    "- отметил Сергей Морозов."
                ),
                (
                    "По итогам встречи перед областной корпорацией «Правительство для "
                    "граждан» поставлена задача расширить перечень услуг в офисах МФЦ, "
                    "добавив к государственным частные услуги."
                ),
                (
                    "Эльнур Акиф оглы Гумбатов представил Сергею Морозову работу "
                    "центров «АСАН Хидмет» в Азербайджане, куда жители обращаются за "
                    "рядом бесплатных и платных услуг. По его словам, взаимодействие "
                    "может касаться таких сфер, как оказание господдержки семейному "
                    "бизнесу, развитие ИТ-технологий, повышение скорости оказания "
                    "госуслуг."
                ),
                (
                    "- Перспектив сотрудничества много. Можно обменяться опытом, "
                    "мнениями. У нас есть «Тренировочный центр в АСАН», можно устроить "
                    "двусторонние ознакомительные поездки, двусторонние тренинги. На "
                    "данный момент российско-азербайджанские отношения находятся на "
                    "самом высоком уровне, почему бы не связать и в этом направлении "
                    "наши добрососедские отношения, - отметил Эльнур Акиф оглы "
                    "Гумбатов."
                ),
                (
                    "Гостей с исторической родины в Ульяновске принимал председатель "
                    "региональной азербайджанской национально-культурной автономии "
                    "Ислам Гусейнов. Эльнур Гумбатов и его спутники возложили цветы к "
                    "памятникам Гейдару Алиеву и Нариману Нариманову, посетили школу "
                    "№78 имени Гейдара Алиева и находящийся в ее стенах Музей истории "
                    "и культуры Азербайджана."
                ),
            ],
            "az": [
                (
                    "Qubernator Sergey Morozov 2017-ci il iyunun 30-da Azərbaycan "
                    "Respublikasının Prezidenti yanında Vətəndaşlara Xidmət və Sosial "
                    "İnnovasiyalar üzrə Dövlət Agentliyinin beynəlxalq şöbəsinin rəisi "
                    "Elnur Akif oğlu Qumbatovla görüşüb."
                ),
                (
                    "Tərəflər memorandumla rəsmiləşdirilməsi planlaşdırılan "
                    "əməkdaşlığın mümkün istiqamətlərini nəzərdən keçiriblər."
                ),
                (
                    "«Azərbaycanda həmkarlarımız sadə insanların rifahına xidmət edən "
                    "yüksək texnologiyaların inkişafında böyük uğurlar qazanıblar. "
                    "Xüsusilə vacibdir ki, bu gün bu unikal təcrübədən Ulyanovsk "
                    "vilayətində “Ağıllı region” konsepsiyasına daxil edilmiş öz "
                    "həllərimizlə birlikdə istifadə etmək imkanımız var», – deyə "
                    "Sergey Morozov qeyd edib."
                ),
                (
                    "Görüşün yekunlarına əsasən, vilayətin «Vətəndaşlar üçün Hökumət» "
                    "korporasiyası qarşısında dövlət xidmətlərinə özəl xidmətləri də "
                    "əlavə etməklə çoxfunksiyalı mərkəzlərin (ÇFM) ofislərində "
                    "göstərilən xidmətlərin siyahısını genişləndirmək vəzifəsi qoyulub."
                ),
                (
                    "Elnur Akif oğlu Qumbatov Sergey Morozovu Azərbaycanda sakinlərin "
                    "bir sıra ödənişsiz və ödənişli xidmətlər üçün müraciət etdiyi "
                    "«ASAN xidmət» mərkəzlərinin fəaliyyəti ilə tanış edib. Onun "
                    "sözlərinə görə, əməkdaşlıq ailə biznesinə dövlət dəstəyinin "
                    "göstərilməsi, informasiya texnologiyalarının inkişafı, dövlət "
                    "xidmətlərinin göstərilməsinin sürətləndirilməsi kimi sahələri "
                    "əhatə edə bilər."
                ),
                (
                    "«Əməkdaşlıq perspektivləri çoxdur. Təcrübə və fikir mübadiləsi "
                    "aparmaq olar. Bizdə “ASAN-da Təlim Mərkəzi” var, qarşılıqlı "
                    "tanışlıq səfərləri, ikitərəfli təlimlər təşkil etmək mümkündür. "
                    "Hazırda Rusiya–Azərbaycan münasibətləri ən yüksək səviyyədədir, "
                    "niyə də mehriban qonşuluq münasibətlərimizi bu istiqamətə də "
                    "şamil etməyək?» – deyə Elnur Akif oğlu Qumbatov qeyd edib."
                ),
                (
                    "Tarixi vətəndən gələn qonaqları Ulyanovskda regional Azərbaycan "
                    "milli-mədəni muxtariyyətinin sədri İslam Hüseynov qarşılayıb. "
                    "Elnur Qumbatov və onu müşayiət edən şəxslər Heydər Əliyevin və "
                    "Nəriman Nərimanovun abidələri önünə gül dəstələri qoyub, Heydər "
                    "Əliyev adına 78 nömrəli məktəbi və orada yerləşən Azərbaycan "
                    "Tarixi və Mədəniyyəti Muzeyini ziyarət ediblər."
                ),
            ],
            "en": [
                (
                    "On 30 June 2017, Governor Sergey Morozov met Elnur Akif oglu "
                    "Gumbatov, head of the international department of the State "
                    "Agency for Public Service and Social Innovations under the "
                    "President of the Republic of Azerbaijan."
                ),
                (
                    "The parties considered possible areas of cooperation, which is to "
                    "be formalised in a memorandum."
                ),
                (
                    "“Our colleagues in Azerbaijan have achieved a great deal in "
                    "developing high technologies that work for the benefit of "
                    "ordinary people. And it is especially important that today we "
                    "have the opportunity to use this unique experience in Ulyanovsk "
                    "Oblast together with our own developments, which are part of the "
                    "‘Smart Region’ concept,” said Sergey Morozov."
                ),
                (
                    "Following the meeting, the regional corporation “Government for "
                    "Citizens” was tasked with expanding the range of services offered "
                    "at multifunctional centre (MFC) offices by adding private "
                    "services to public ones."
                ),
                (
                    "Elnur Akif oglu Gumbatov briefed Sergey Morozov on the work of "
                    "the ASAN xidmət centres in Azerbaijan, where residents apply for "
                    "a range of free and paid services. According to him, cooperation "
                    "could cover such areas as state support for family businesses, "
                    "the development of information technology and faster delivery of "
                    "public services."
                ),
                (
                    "“There are many prospects for cooperation. We can share "
                    "experience and views. We have the ‘Training Centre at ASAN’, and "
                    "we could organise reciprocal study visits and joint training "
                    "sessions. Russian–Azerbaijani relations are currently at the "
                    "highest level, so why not extend our good-neighbourly relations "
                    "to this area as well?” said Elnur Akif oglu Gumbatov."
                ),
                (
                    "In Ulyanovsk, the guests from the historical homeland were "
                    "received by Islam Guseynov, chairman of the regional Azerbaijani "
                    "national-cultural autonomy. Elnur Gumbatov and his companions "
                    "laid flowers at the monuments to Heydar Aliyev and Nariman "
                    "Narimanov and visited School No. 78 named after Heydar Aliyev and "
                    "the Museum of the History and Culture of Azerbaijan housed on its "
                    "premises."
                ),
            ],
        },
        "source": {
            "ru": "Первый ульяновский портал",
            "az": "Birinci Ulyanovsk Portalı",
            "en": "First Ulyanovsk Portal",
        },
        "source_url": "",
        "tags": {
            "ru": [
                "Азербайджан",
                "ASAN xidmət",
                "Международное сотрудничество",
                "Государственные услуги",
            ],
            "az": [
                "Azərbaycan",
                "ASAN xidmət",
                "Beynəlxalq əməkdaşlıq",
                "Dövlət xidmətləri",
            ],
            "en": [
                "Azerbaijan",
                "ASAN xidmət",
                "International cooperation",
                "Public services",
            ],
        },
    },
    {
        "key": "azerbaijan-e-services-public-hearings",
        "date": datetime.date(2017, 7, 20),
        "slug": {
            "ru": (
                "gosagentstvo-po-uslugam-grazhdanam-i-minsvyazi-azerbajdzhana-proveli-"
                "obshchestvennye-slushaniya-po-razvitiyu-elektronnyh-uslug"
            ),
            "az": (
                "vetendaslara-xidmet-uzre-dovlet-agentliyi-ve-azerbaycanin-rabite-"
                "nazirliyi-elektron-xidmetlerin-inkisafina-dair-ictimai-dinlemeler-"
                "kecirib"
            ),
            "en": (
                "azerbaijans-state-agency-for-public-service-and-ministry-of-"
                "communications-hold-public-hearings-on-developing-e-services"
            ),
        },
        "title": {
            "ru": (
                "Госагентство по услугам гражданам и Минсвязи Азербайджана провели "
                "общественные слушания по развитию электронных услуг"
            ),
            "az": (
                "Vətəndaşlara Xidmət üzrə Dövlət Agentliyi və Azərbaycanın Rabitə "
                "Nazirliyi elektron xidmətlərin inkişafına dair ictimai dinləmələr "
                "keçirib"
            ),
            "en": (
                "Azerbaijan’s State Agency for Public Service and Ministry of "
                "Communications hold public hearings on developing e-services"
            ),
        },
        "lead": {
            "ru": (
                "Представители Госагентства по услугам гражданам и Минсвязи "
                "Азербайджана рассказали на общественных слушаниях, как развитие "
                "электронных услуг упрощает гражданам доступ к госорганам и помогает "
                "бороться с коррупцией."
            ),
            "az": (
                "Azərbaycanın Vətəndaşlara Xidmət üzrə Dövlət Agentliyinin və Rabitə "
                "Nazirliyinin nümayəndələri ictimai dinləmələrdə elektron xidmətlərin "
                "inkişafının vətəndaşların dövlət orqanlarına müraciətini necə "
                "asanlaşdırdığını və korrupsiyaya qarşı mübarizəyə necə kömək etdiyini "
                "izah ediblər."
            ),
            "en": (
                "Speaking at public hearings, officials of Azerbaijan’s State Agency "
                "for Public Service and Ministry of Communications explained how "
                "developing e-services makes it easier for citizens to access "
                "government bodies and helps fight corruption."
            ),
        },
        "body": {
            "ru": [
                (
                    "Организаторами мероприятия являются Государственное агентство по "
                    "услугам гражданам и социальным инновациям при Президенте "
                    "Азербайджанской Республики и Министерство связи и информационных "
                    "технологий Азербайджана."
                ),
                (
                    "Как заявил в своем выступлении на слушаниях глава госагентства "
                    "Инам Керимов, проект госпрограммы одобрен Кабинетом министров и "
                    "прошел процесс согласования."
                ),
                (
                    "По его словам, развитие электронных услуг является еще одним "
                    "направлением деятельности госагентства."
                ),
                (
                    "И.Керимов подчеркнул, что расширение e-услуг – это яркое "
                    "доказательство эффективности мер по ликвидации фактов коррупции в "
                    "госорганах, так как в случае внедрения e-услуг угроза коррупции "
                    "сводится на нет."
                ),
                (
                    "«Электронные услуги еще больше упростят гражданам доступ в "
                    "госорганы. Создание таких условий обеспечит не только "
                    "прозрачность услуг, но и ликвидирует бюрократические препоны», - "
                    "сказал И.Керимов."
                ),
                (
                    "Он также отметил, что деятельность ASAN xidmət означает изменение "
                    "в Азербайджане формы оказания госуслуг: «Если раньше гражданам "
                    "приходилось «добиваться» оказания госуслуг, то сегодня сами "
                    "госструктуры являются инициаторами создания и расширения услуг»."
                ),
                (
                    "В свою очередь, заместитель министра связи и информационных "
                    "технологий Азербайджана Эльмир Велизаде отметил, что развитие "
                    "электронных услуг обеспечит развитие в стране «электронного "
                    "правительства»."
                ),
                (
                    "«Мы наблюдаем рост активных пользователей портала «электронного "
                    "правительства». Ежемесячно им пользуются 50 тыс. человек», - "
                    "сказал Э.Велизаде."
                ),
                (
                    "Он отметил, что министерством составлен рейтинг госструктур, "
                    "услугами которых активнее всего пользуются граждане: «Наибольшей "
                    "популярностью пользуются услуги Министерства связи и "
                    "информационных технологий, на 2-м месте значится Государственный "
                    "фонд социальной защиты, на 3-м - Министерство внутренних дел, "
                    "далее следуют министерства юстиции, налогов, образования, труда и "
                    "социальной защиты населения, здравоохранения, Государственный "
                    "таможенный комитет и Госкомитет по вопросам госслужбы."
                ),
                (
                    "Отметим, что принять участие в общественных слушаниях могут и "
                    "пользователи интернета."
                ),
                (
                    "Так, все обсуждения автоматически выкладываются в социальную сеть "
                    "Twitter с соответствующими хэштегами."
                ),
            ],
            "az": [
                (
                    "Tədbirin təşkilatçıları Azərbaycan Respublikasının Prezidenti "
                    "yanında Vətəndaşlara Xidmət və Sosial İnnovasiyalar üzrə Dövlət "
                    "Agentliyi və Azərbaycanın Rabitə və İnformasiya Texnologiyaları "
                    "Nazirliyidir."
                ),
                (
                    "Dinləmələrdəki çıxışında Dövlət Agentliyinin rəhbəri İnam Kərimov "
                    "bildirib ki, Dövlət Proqramının layihəsi Nazirlər Kabineti "
                    "tərəfindən bəyənilib və razılaşdırma prosesindən keçib."
                ),
                (
                    "Onun sözlərinə görə, elektron xidmətlərin inkişafı Dövlət "
                    "Agentliyinin fəaliyyət istiqamətlərindən daha biridir."
                ),
                (
                    "İ.Kərimov vurğulayıb ki, e-xidmətlərin genişləndirilməsi dövlət "
                    "orqanlarında korrupsiya hallarının aradan qaldırılması üzrə "
                    "tədbirlərin səmərəliliyinin bariz sübutudur, çünki e-xidmətlər "
                    "tətbiq edildikdə korrupsiya təhlükəsi sıfıra enir."
                ),
                (
                    "«Elektron xidmətlər vətəndaşların dövlət orqanlarına müraciətini "
                    "daha da asanlaşdıracaq. Belə şəraitin yaradılması təkcə "
                    "xidmətlərin şəffaflığını təmin etməyəcək, həm də bürokratik "
                    "əngəlləri aradan qaldıracaq», – deyə İ.Kərimov bildirib."
                ),
                (
                    "O, həmçinin qeyd edib ki, «ASAN xidmət»in fəaliyyəti Azərbaycanda "
                    "dövlət xidmətlərinin göstərilməsi formasının dəyişməsi deməkdir: "
                    "«Əgər əvvəllər vətəndaşlar dövlət xidmətlərini “güclə əldə "
                    "etməli” olurdularsa, bu gün xidmətlərin yaradılmasının və "
                    "genişləndirilməsinin təşəbbüskarı dövlət qurumlarının özləridir»."
                ),
                (
                    "Öz növbəsində, Azərbaycanın rabitə və informasiya texnologiyaları "
                    "nazirinin müavini Elmir Vəlizadə qeyd edib ki, elektron "
                    "xidmətlərin inkişafı ölkədə «elektron hökumət»in inkişafını təmin "
                    "edəcək."
                ),
                (
                    "«Biz “elektron hökumət” portalının aktiv istifadəçilərinin "
                    "sayının artdığını müşahidə edirik. Hər ay portaldan 50 min nəfər "
                    "istifadə edir», – deyə E.Vəlizadə bildirib."
                ),
                (
                    "O bildirib ki, nazirlik vətəndaşların xidmətlərindən ən fəal "
                    "istifadə etdiyi dövlət qurumlarının reytinqini tərtib edib: «Ən "
                    "çox Rabitə və İnformasiya Texnologiyaları Nazirliyinin "
                    "xidmətlərindən istifadə olunur, 2-ci yerdə Dövlət Sosial Müdafiə "
                    "Fondu, 3-cü yerdə Daxili İşlər Nazirliyi qərarlaşıb, onlardan "
                    "sonra Ədliyyə, Vergilər, Təhsil, Əmək və Əhalinin Sosial "
                    "Müdafiəsi, Səhiyyə nazirlikləri, Dövlət Gömrük Komitəsi və Dövlət "
                    "Qulluğu Məsələləri üzrə Komissiya gəlir»."
                ),
                (
                    "Qeyd edək ki, ictimai dinləmələrdə internet istifadəçiləri də "
                    "iştirak edə bilərlər."
                ),
                (
                    "Belə ki, bütün müzakirələr müvafiq heşteqlərlə avtomatik olaraq "
                    "Twitter sosial şəbəkəsində yerləşdirilir."
                ),
            ],
            "en": [
                (
                    "The event is organised by the State Agency for Public Service and "
                    "Social Innovations under the President of the Republic of "
                    "Azerbaijan and the Ministry of Communications and Information "
                    "Technologies of Azerbaijan."
                ),
                (
                    "Speaking at the hearings, the head of the State Agency, Inam "
                    "Kerimov, said that the draft state programme had been approved by "
                    "the Cabinet of Ministers and had gone through the coordination "
                    "process."
                ),
                (
                    "According to him, the development of electronic services is "
                    "another area of the State Agency’s work."
                ),
                (
                    "I. Kerimov stressed that the expansion of e-services is clear "
                    "evidence of the effectiveness of measures to eliminate corruption "
                    "in government bodies, since once e-services are introduced, the "
                    "threat of corruption is reduced to nothing."
                ),
                (
                    "“Electronic services will make it even easier for citizens to "
                    "access government bodies. Creating such conditions will not only "
                    "ensure the transparency of services but also remove bureaucratic "
                    "obstacles,” said I. Kerimov."
                ),
                (
                    "He also noted that the work of ASAN xidmət marks a change in the "
                    "way public services are delivered in Azerbaijan: “Whereas "
                    "citizens used to have to ‘fight’ to obtain public services, today "
                    "the government agencies themselves take the initiative in "
                    "creating and expanding services.”"
                ),
                (
                    "For his part, Azerbaijan’s Deputy Minister of Communications and "
                    "Information Technologies Elmir Velizade noted that the "
                    "development of electronic services will ensure the development of "
                    "“e-government” in the country."
                ),
                (
                    "“We are seeing growth in the number of active users of the "
                    "‘e-government’ portal. It is used by 50,000 people every month,” "
                    "said E. Velizade."
                ),
                (
                    "He noted that the ministry has compiled a ranking of the "
                    "government agencies whose services citizens use most actively: "
                    "“The most popular are the services of the Ministry of "
                    "Communications and Information Technologies; in second place is "
                    "the State Social Protection Fund, in third the Ministry of "
                    "Internal Affairs, followed by the Ministries of Justice, Taxes, "
                    "Education, Labour and Social Protection of the Population, and "
                    "Health, the State Customs Committee and the Civil Service "
                    "Commission.”"
                ),
                (
                    "It should be noted that internet users can also take part in the "
                    "public hearings."
                ),
                (
                    "All discussions are automatically posted on the social network "
                    "Twitter with the relevant hashtags."
                ),
            ],
        },
        "source": {
            "ru": (
                "Ульяновская региональная азербайджанская национально-культурная "
                "автономия"
            ),
            "az": "Ulyanovsk Regional Azərbaycan Milli-Mədəni Muxtariyyəti",
            "en": "Ulyanovsk Regional Azerbaijani National-Cultural Autonomy",
        },
        "source_url": "",
        "tags": {
            "ru": [
                "Азербайджан",
                "ASAN xidmət",
                "Электронные услуги",
                "Электронное правительство",
            ],
            "az": [
                "Azərbaycan",
                "ASAN xidmət",
                "Elektron xidmətlər",
                "Elektron hökumət",
            ],
            "en": [
                "Azerbaijan",
                "ASAN xidmət",
                "E-services",
                "E-government",
            ],
        },
    },
]
