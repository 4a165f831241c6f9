"""The training demo reuses cooperation's ASAN agency and areas, and merges old copies."""

from django.core.exceptions import ValidationError

from wagtail.models import ReferenceIndex

import pytest

from cooperation import demo as cooperation_demo
from cooperation.models import CooperationArea, Organisation, Region
from cooperation.services import merge_reference
from home.demo_content import site
from home.models import NewsPage
from training import demo as training_demo
from training.models import Trainer, TrainingProgrammePage

pytestmark = pytest.mark.django_db

QUIET = lambda message: None  # noqa: E731


def load(*modules) -> dict:
    pages = site.load(QUIET)
    for module in modules:
        pages |= module.load(pages=pages, report=QUIET)
    return pages


def asan_agencies() -> list[str]:
    return sorted(
        Organisation.objects.filter(
            kind=Organisation.Kind.AGENCY, region__slug="azerbaijan"
        ).values_list("slug", flat=True)
    )


def public_service_areas() -> list[str]:
    return sorted(
        CooperationArea.objects.filter(
            slug__in=["public-services", "public-service-delivery"]
        ).values_list("slug", flat=True)
    )


def make_legacy_copies() -> dict:
    """Recreate what the old training demo left beside cooperation's objects."""
    azerbaijan = Region.objects.get(slug="azerbaijan")
    agency = Organisation.objects.create(
        slug="asan-agency",
        region=azerbaijan,
        kind=Organisation.Kind.AGENCY,
        short_name="АСАН Хидмет",
        short_name_ru="АСАН Хидмет",
        short_name_az="ASAN xidmət",
        short_name_en="ASAN service",
    )
    speed = CooperationArea.objects.create(
        slug="public-service-delivery",
        name="Скорость оказания госуслуг",
        name_ru="Скорость оказания госуслуг",
        name_az="Dövlət xidmətlərinin sürəti",
        name_en="Speed of public services",
    )
    e_services = CooperationArea.objects.create(
        slug="e-services",
        name="Электронные услуги",
        name_ru="Электронные услуги",
        name_az="Elektron xidmətlər",
        name_en="E-services",
    )
    return {"agency": agency, "speed": speed, "e_services": e_services}


@pytest.mark.parametrize(
    "order",
    [(cooperation_demo, training_demo), (training_demo, cooperation_demo)],
    ids=["cooperation-first", "training-first"],
)
def test_demo_has_one_asan_agency_and_one_public_services_area(order):
    load(*order)
    load(*order)

    assert asan_agencies() == ["asan"]
    assert public_service_areas() == ["public-services"]
    assert not CooperationArea.objects.filter(slug="e-services").exists()
    assert Trainer.objects.get(slug="elnur-gumbatov").organisation.slug == "asan"
    programme = TrainingProgrammePage.objects.get()
    assert {area.slug for area in programme.areas.all()} >= {
        "public-services",
        "e-government",
    }


def test_rerun_on_an_old_database_merges_the_copies_and_repoints_links():
    pages = load(cooperation_demo, training_demo)
    copies = make_legacy_copies()
    original = Organisation.objects.get(slug="asan")
    public_services = CooperationArea.objects.get(slug="public-services")
    trainer = Trainer.objects.get(slug="elnur-gumbatov")
    trainer.organisation = copies["agency"]
    trainer.save()
    programme = TrainingProgrammePage.objects.get()
    # The old programme carried both the copy and, by now, the original.
    programme.areas = [copies["speed"], copies["e_services"], public_services]
    programme.organisers = [copies["agency"]]
    programme.save_revision().publish()
    article = NewsPage.objects.first()
    article.partner_organisations = [copies["agency"], original]
    article.save_revision().publish()

    links_to_copies = ReferenceIndex.objects.filter(
        to_object_id__in=[str(copy.pk) for copy in copies.values()],
        to_content_type__model__in=["organisation", "cooperationarea"],
    )
    assert links_to_copies.exists()

    messages: list[str] = []
    training_demo.load(pages=pages, report=messages.append)

    assert asan_agencies() == ["asan"]
    assert public_service_areas() == ["public-services"]
    assert not CooperationArea.objects.filter(slug="e-services").exists()
    assert Trainer.objects.get(slug="elnur-gumbatov").organisation == original
    programme = TrainingProgrammePage.objects.get()
    assert sorted(area.slug for area in programme.areas.all()) == [
        "e-government",
        "public-services",
    ]
    assert [org.slug for org in programme.organisers.all()] == ["asan"]
    content = programme.get_latest_revision().content
    assert sorted(content["areas"]) == sorted(
        CooperationArea.objects.filter(
            slug__in=["e-government", "public-services"]
        ).values_list("pk", flat=True)
    )
    assert content["organisers"] == [original.pk]
    article = NewsPage.objects.get(pk=article.pk)
    assert [org.slug for org in article.partner_organisations.all()] == ["asan"]
    assert article.get_latest_revision().content["partner_organisations"] == [
        original.pk
    ]
    assert not links_to_copies.exists()
    assert ReferenceIndex.objects.filter(
        content_type__model="trainer",
        object_id=str(trainer.pk),
        to_object_id=str(original.pk),
        model_path="organisation",
    ).exists()
    assert any("asan-agency" in message for message in messages)

    again: list[str] = []
    training_demo.load(pages=pages, report=again.append)
    assert again == []


def test_a_copy_staff_renamed_is_kept():
    pages = load(cooperation_demo, training_demo)
    copies = make_legacy_copies()
    copies["agency"].short_name_en = "ASAN regional office"
    copies["agency"].save()

    training_demo.load(pages=pages, report=QUIET)

    assert asan_agencies() == ["asan", "asan-agency"]
    assert public_service_areas() == ["public-services"]


def test_merge_refuses_a_record_of_another_kind_and_changes_nothing():
    load(cooperation_demo)
    area = CooperationArea.objects.get(slug="public-services")
    agency = Organisation.objects.get(slug="asan")

    with pytest.raises(ValidationError):
        merge_reference(duplicate=area, into=agency)
    with pytest.raises(ValidationError):
        merge_reference(duplicate=area, into=area)

    assert CooperationArea.objects.filter(pk=area.pk).exists()
    assert Organisation.objects.filter(pk=agency.pk).exists()
