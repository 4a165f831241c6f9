"""Factories for the training app (factory_boy and wagtail-factories)."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from training.models import (
    Registration,
    SessionSlot,
    Trainer,
    TrainingIndexPage,
    TrainingProgrammePage,
    TrainingSessionPage,
)

from .factories_cooperation import OrganisationFactory, TrainerPersonFactory


def register(session, email: str, *, now=None, language: str = "ru", **overrides):
    """Register someone for `session` through the service the public form uses."""
    from training.services import register_participant

    values = {
        "session": session,
        "name": f"Person {email}",
        "email": email,
        "organisation": "ЦОУ",
        "language": language,
        "consent": True,
        "now": now or timezone.now(),
    }
    values.update(overrides)
    return register_participant(**values)


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


class TrainerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trainer
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"trainer-{n}")
    person = factory.SubFactory(TrainerPersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    languages = ["ru", "az"]
    bio_ru = "Тренер по государственным услугам."
    bio_az = "Dövlət xidmətləri üzrə təlimçi."
    bio_en = "A trainer in public services."


class TrainingIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TrainingIndexPage

    title = "Обучение"
    title_ru = "Обучение"
    title_az = "Təlim"
    title_en = "Training"
    slug = "obuchenie"
    slug_ru = "obuchenie"
    slug_az = "telim"
    slug_en = "training"
    intro_ru = "Совместные тренинги."
    intro_az = "Birgə təlimlər."
    intro_en = "Joint training."
    show_in_menus = True


class TrainingProgrammePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TrainingProgrammePage

    title = factory.Sequence(lambda n: f"Программа {n}")
    title_ru = factory.LazyAttribute(lambda o: o.title)
    title_az = factory.Sequence(lambda n: f"Proqram {n}")
    title_en = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programma-{n}")
    slug_ru = factory.LazyAttribute(lambda o: o.slug)
    slug_az = factory.Sequence(lambda n: f"proqram-{n}")
    slug_en = factory.Sequence(lambda n: f"programme-{n}")
    description_ru = "<p>Скорость государственных услуг.</p>"
    description_az = "<p>Dövlət xidmətlərinin sürəti.</p>"
    description_en = "<p>Speed of public services.</p>"
    audience_ru = "Сотрудники центров госуслуг."
    audience_az = "Xidmət mərkəzlərinin əməkdaşları."
    audience_en = "Staff of public service centres."


class TrainingSessionPageFactory(wagtail_factories.PageFactory):
    """A session 30 days ahead, 10:00–12:00 in Baku, registration open now."""

    class Meta:
        model = TrainingSessionPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Занятие {n}")
    title_ru = factory.LazyAttribute(lambda o: o.title)
    title_az = factory.Sequence(lambda n: f"Məşğələ {n}")
    title_en = factory.Sequence(lambda n: f"Session {n}")
    slug = factory.Sequence(lambda n: f"zanyatie-{n}")
    slug_ru = factory.LazyAttribute(lambda o: o.slug)
    slug_az = factory.Sequence(lambda n: f"meshgele-{n}")
    slug_en = factory.Sequence(lambda n: f"session-{n}")
    summary_ru = "Практическое занятие."
    summary_az = "Praktiki məşğələ."
    summary_en = "A practical session."
    time_zone = "Asia/Baku"
    address_ru = "Баку, проспект Азадлыг, 1"
    address_az = "Bakı, Azadlıq prospekti, 1"
    address_en = "1 Azadliq Avenue, Baku"
    room_ru = "Зал 1"
    room_az = "Zal 1"
    room_en = "Hall 1"
    room_capacity = 50
    language = "ru"
    capacity = 10
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=20)
    )

    @factory.post_generation
    def slots(self, create, extracted, **kwargs):
        slots = extracted or [(in_days(30), datetime.time(10), datetime.time(12))]
        for order, (day, start, end) in enumerate(slots):
            SessionSlot.objects.create(
                session=self, date=day, start_time=start, end_time=end, sort_order=order
            )

    @factory.post_generation
    def trainers(self, create, extracted, **kwargs):
        if extracted:
            self.trainers.set(extracted)
            self.save()


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    name = factory.Sequence(lambda n: f"Участник {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    organisation = "ЦОУ"
    language = "ru"
    consent_at = factory.LazyFunction(timezone.now)
    status = Registration.Status.CONFIRMED
