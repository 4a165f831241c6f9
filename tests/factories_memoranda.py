"""Factories for the memoranda app (and the reference data its tests need)."""

import datetime

import factory
import wagtail_factories

from memoranda.models import (
    MemorandumCommitment,
    MemorandumIndexPage,
    MemorandumPage,
    MemorandumParty,
    MemorandumSignatory,
)

from .factories_cooperation import (
    DirectorFactory,
    GovernmentOrganisationFactory,
)


class MemorandumIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MemorandumIndexPage

    title = "Меморандумы"
    title_ru = "Меморандумы"
    title_az = "Memorandumlar"
    title_en = "Memoranda"
    slug = "memorandumy"
    slug_ru = "memorandumy"
    slug_az = "memorandumlar"
    slug_en = "memoranda"
    intro_ru = "Реестр соглашений."
    intro_az = "Sazişlərin reyestri."
    intro_en = "The register of agreements."
    show_in_menus = True


class MemorandumPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MemorandumPage

    title = factory.Sequence(lambda n: f"Меморандум {n}")
    title_ru = factory.LazyAttribute(lambda o: o.title)
    title_az = factory.Sequence(lambda n: f"Memorandum {n} (az)")
    title_en = factory.Sequence(lambda n: f"Memorandum {n}")
    slug = factory.Sequence(lambda n: f"memorandum-{n}")
    slug_ru = factory.LazyAttribute(lambda o: o.slug)
    slug_az = factory.LazyAttribute(lambda o: f"{o.slug}-az")
    slug_en = factory.LazyAttribute(lambda o: f"{o.slug}-en")
    registration_number = factory.Sequence(lambda n: f"MS-{n:04d}")
    kind = "mou"
    public_summary_ru = "<p>Публичное описание.</p>"
    public_summary_az = "<p>İctimai təsvir.</p>"
    public_summary_en = "<p>Public summary.</p>"
    internal_notes = "SECRET-INTERNAL-NOTE"


class MemorandumPartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemorandumParty

    organisation = factory.SubFactory(GovernmentOrganisationFactory)
    role_ru = "Сторона"
    role_az = "Tərəf"
    role_en = "Party"


class MemorandumSignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemorandumSignatory

    organisation = factory.SubFactory(GovernmentOrganisationFactory)
    person = factory.SubFactory(DirectorFactory)


class MemorandumCommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemorandumCommitment

    text = factory.Sequence(lambda n: f"Обязательство {n}")
    text_ru = factory.LazyAttribute(lambda o: o.text)
    text_az = factory.Sequence(lambda n: f"Öhdəlik {n}")
    text_en = factory.Sequence(lambda n: f"Commitment {n}")
    due_on = datetime.date(2030, 1, 1)
