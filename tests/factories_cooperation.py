"""Factories for the cooperation app (factory_boy and wagtail-factories)."""

import datetime

import factory
import wagtail_factories

from cooperation.models import (
    CooperationArea,
    DelegationMember,
    EventIndexPage,
    HearingPage,
    HearingSubmission,
    MeetingPage,
    Organisation,
    PartnerIndexPage,
    PartnerPage,
    Person,
    Region,
    VisitPage,
    VisitProgrammeItem,
)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    slug = "ulyanovsk-oblast"
    country_code = "RU"
    country = "Россия"
    country_ru = "Россия"
    country_az = "Rusiya"
    country_en = "Russia"
    name = "Ульяновская область"
    name_ru = "Ульяновская область"
    name_az = "Ulyanovsk vilayəti"
    name_en = "Ulyanovsk Oblast"
    time_zone = "Europe/Ulyanovsk"
    is_home_region = True


class AzerbaijanFactory(RegionFactory):
    slug = "azerbaijan"
    country_code = "AZ"
    country = "Азербайджан"
    country_ru = "Азербайджан"
    country_az = "Azərbaycan"
    country_en = "Azerbaijan"
    name = "Азербайджанская Республика"
    name_ru = "Азербайджанская Республика"
    name_az = "Azərbaycan Respublikası"
    name_en = "Republic of Azerbaijan"
    time_zone = "Asia/Baku"
    is_home_region = False


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"organisation-{n}")
    region = factory.SubFactory(AzerbaijanFactory)
    kind = Organisation.Kind.AGENCY
    short_name = factory.Sequence(lambda n: f"Организация {n}")
    short_name_ru = factory.LazyAttribute(lambda o: o.short_name)
    short_name_az = factory.Sequence(lambda n: f"Təşkilat {n}")
    short_name_en = factory.Sequence(lambda n: f"Organisation {n}")


class NumberedRegionFactory(RegionFactory):
    """A further Russian region, numbered: memoranda's parties come from many."""

    slug = factory.Sequence(lambda n: f"region-{n}")
    name = factory.Sequence(lambda n: f"Регион {n}")
    name_ru = factory.LazyAttribute(lambda o: o.name)
    name_az = factory.Sequence(lambda n: f"Region {n} (az)")
    name_en = factory.Sequence(lambda n: f"Region {n}")
    is_home_region = False


class GovernmentOrganisationFactory(OrganisationFactory):
    """A government body in its own numbered region (a memorandum party)."""

    region = factory.SubFactory(NumberedRegionFactory)
    kind = Organisation.Kind.GOVERNMENT


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Участник Номер {n}")
    full_name_ru = factory.LazyAttribute(lambda o: o.full_name)
    full_name_az = factory.Sequence(lambda n: f"İştirakçı Nömrə {n}")
    full_name_en = factory.Sequence(lambda n: f"Participant Number {n}")
    position_ru = "Эксперт"
    position_az = "Ekspert"
    position_en = "Expert"


class DirectorFactory(PersonFactory):
    """A director who signs memoranda for an organisation."""

    full_name = factory.Sequence(lambda n: f"Иван Иванов {n}")
    full_name_az = factory.Sequence(lambda n: f"İvan İvanov {n}")
    full_name_en = factory.Sequence(lambda n: f"Ivan Ivanov {n}")
    position_ru = "директор"
    position_az = "direktor"
    position_en = "director"


class TrainerPersonFactory(PersonFactory):
    """A trainer as a person, with the short name the trainer pages show."""

    full_name = factory.Sequence(lambda n: f"Тренер Номер {n}")
    full_name_az = factory.Sequence(lambda n: f"Təlimçi Nömrə {n}")
    full_name_en = factory.Sequence(lambda n: f"Trainer Number {n}")
    short_name = factory.Sequence(lambda n: f"Т. Номер{n}")
    short_name_ru = factory.LazyAttribute(lambda o: o.short_name)
    short_name_az = factory.Sequence(lambda n: f"T. Nömrə{n}")
    short_name_en = factory.Sequence(lambda n: f"T. Number{n}")


class CooperationAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationArea
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"area-{n}")
    name = factory.Sequence(lambda n: f"Направление {n}")
    name_ru = factory.LazyAttribute(lambda o: o.name)
    name_az = factory.Sequence(lambda n: f"İstiqamət {n}")
    name_en = factory.Sequence(lambda n: f"Area {n}")


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "События"
    title_ru = "События"
    title_az = "Tədbirlər"
    title_en = "Events"
    slug = "sobytiya"
    slug_ru = "sobytiya"
    slug_az = "tedbirler"
    slug_en = "events"
    show_in_menus = True


class EventPageFactory(wagtail_factories.PageFactory):
    """Common values of every event page; hosts come from `hosts=[region, ...]`."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    start_date = datetime.date(2017, 6, 30)
    start_time = datetime.time(10, 0)
    end_date = datetime.date(2017, 6, 30)
    end_time = datetime.time(12, 0)
    time_zone = "Europe/Ulyanovsk"
    status = "confirmed"
    location_ru = "Ульяновск"
    location_az = "Ulyanovsk"
    location_en = "Ulyanovsk"
    summary_ru = "Краткое описание события."
    summary_az = "Tədbirin qısa təsviri."
    summary_en = "A short summary of the event."

    @factory.post_generation
    def hosts(obj, create, extracted, **kwargs):
        regions = extracted if extracted is not None else [RegionFactory()]
        obj.host_regions = regions
        if create:
            obj.save()

    @factory.post_generation
    def guests(obj, create, extracted, **kwargs):
        if extracted:
            obj.guest_regions = extracted
            if create:
                obj.save()


class VisitPageFactory(EventPageFactory):
    class Meta:
        model = VisitPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Визит {n}")
    title_ru = factory.LazyAttribute(lambda o: o.title)
    title_az = factory.Sequence(lambda n: f"Səfər {n}")
    title_en = factory.Sequence(lambda n: f"Visit {n}")
    slug = factory.Sequence(lambda n: f"vizit-{n}")
    slug_ru = factory.LazyAttribute(lambda o: o.slug)
    slug_az = factory.Sequence(lambda n: f"sefer-{n}")
    slug_en = factory.Sequence(lambda n: f"visit-{n}")
    direction = VisitPage.Direction.INCOMING
    end_date = datetime.date(2017, 7, 1)
    end_time = datetime.time(18, 0)
    purpose_ru = "Обмен опытом."
    purpose_az = "Təcrübə mübadiləsi."
    purpose_en = "Exchange of experience."


class MeetingPageFactory(EventPageFactory):
    class Meta:
        model = MeetingPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Встреча {n}")
    title_ru = factory.LazyAttribute(lambda o: o.title)
    title_az = factory.Sequence(lambda n: f"Görüş {n}")
    title_en = factory.Sequence(lambda n: f"Meeting {n}")
    slug = factory.Sequence(lambda n: f"vstrecha-{n}")
    slug_ru = factory.LazyAttribute(lambda o: o.slug)
    slug_az = factory.Sequence(lambda n: f"gorus-{n}")
    slug_en = factory.Sequence(lambda n: f"meeting-{n}")


class HearingPageFactory(EventPageFactory):
    class Meta:
        model = HearingPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Слушания {n}")
    title_ru = factory.LazyAttribute(lambda o: o.title)
    title_az = factory.Sequence(lambda n: f"Dinləmə {n}")
    title_en = factory.Sequence(lambda n: f"Hearing {n}")
    slug = factory.Sequence(lambda n: f"slushaniya-{n}")
    slug_ru = factory.LazyAttribute(lambda o: o.slug)
    slug_az = factory.Sequence(lambda n: f"dinleme-{n}")
    slug_en = factory.Sequence(lambda n: f"hearing-{n}")
    time_zone = "Asia/Baku"
    location_ru = "Баку"
    location_az = "Bakı"
    location_en = "Baku"
    topic = "Электронные услуги"
    topic_ru = "Электронные услуги"
    topic_az = "Elektron xidmətlər"
    topic_en = "E-services"
    hashtags = "#ASANxidmet #eservices"
    accepts_submissions = True


class VisitProgrammeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitProgrammeItem

    visit = factory.SubFactory(VisitPageFactory)
    date = datetime.date(2017, 6, 30)
    start_time = datetime.time(11, 0)
    end_time = datetime.time(12, 0)
    activity = "Встреча с губернатором"
    activity_ru = "Встреча с губернатором"
    activity_az = "Qubernatorla görüş"
    activity_en = "Meeting with the governor"
    place_ru = "Дом правительства"
    place_az = "Hökumət evi"
    place_en = "Government House"


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PartnerIndexPage

    title = "Партнёры"
    title_ru = "Партнёры"
    title_az = "Tərəfdaşlar"
    title_en = "Partners"
    slug = "partnery"
    slug_ru = "partnery"
    slug_az = "terefdaslar"
    slug_en = "partners"
    show_in_menus = True


class PartnerPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PartnerPage

    title = "Азербайджан"
    title_ru = "Азербайджан"
    title_az = "Azərbaycan"
    title_en = "Azerbaijan"
    slug = "azerbaijan"
    slug_ru = "azerbaijan"
    slug_az = "azerbaycan"
    slug_en = "azerbaijan"
    region = factory.SubFactory(AzerbaijanFactory)


class DelegationMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DelegationMember

    visit = factory.SubFactory(VisitPageFactory)
    name = factory.Sequence(lambda n: f"Delegate Secretname{n}")
    role = "Эксперт делегации"
    passport_status = DelegationMember.DocumentStatus.VALID
    visa_status = DelegationMember.VisaStatus.NOT_REQUIRED
    accommodation = "Hotel Secretstay, room 412"
    interpreter_needs = "Azerbaijani – Russian"
    dietary_needs = "Halal, no nuts (secretdiet)"


class HearingSubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HearingSubmission

    hearing = factory.SubFactory(HearingPageFactory)
    name = factory.Sequence(lambda n: f"Гражданин {n}")
    email = factory.Sequence(lambda n: f"citizen{n}@example.org")
    text = "Когда все услуги станут электронными?"
    consent = True
    language = "ru"
