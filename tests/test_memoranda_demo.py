"""The memoranda demo content: what the seed stories describe, loaded once."""

import io

from django.core.management import call_command
from django.utils import translation

from wagtail.documents import get_document_model

import pytest
from bs4 import BeautifulSoup

from memoranda import services
from memoranda.models import MemorandumPage, MemorandumTransition


def counts() -> dict:
    return {
        "memoranda": MemorandumPage.objects.count(),
        "transitions": MemorandumTransition.objects.count(),
        "documents": get_document_model().objects.count(),
        "revisions": sum(
            page.revisions.count() for page in MemorandumPage.objects.all()
        ),
    }


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=io.StringIO())
    return {page.registration_number: page for page in MemorandumPage.objects.all()}


def test_seed_demo_twice_equals_once(seeded):
    first = counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert counts() == first


def test_the_seed_memorandum_is_under_negotiation_with_its_directions(seeded):
    seed = seeded["MS-2017/01"]
    assert seed.live
    assert seed.status == "negotiation"
    assert {area.slug for area in seed.areas.all()} == {
        "family-business",
        "it",
        "public-services",
    }
    assert [t.to_status for t in seed.transitions.all()] == ["drafting", "negotiation"]
    (commitment,) = seed.commitments.all()
    assert commitment.responsible.slug == "government-for-citizens"
    assert "частные услуги" in commitment.text_ru
    assert commitment.text_az and commitment.text_en


def test_the_agreement_in_force_renews_with_a_notice_period(seeded):
    agreement = seeded["AG-2018/03"]
    assert agreement.live
    assert agreement.status == "in_force"
    assert (
        agreement.term_years,
        agreement.renews_for_years,
        agreement.notice_months,
    ) == (
        3,
        1,
        6,
    )
    assert str(agreement.signed_on) == "2018-09-14"
    assert agreement.signatories.count() == 2
    assert agreement.next_expiry() is not None
    assert agreement.notice_deadline() is not None
    for link in agreement.documents.all():
        assert link.document.collection.name == services.PUBLIC_COLLECTION


def test_the_confidential_draft_is_never_public(client, seeded):
    draft = seeded["AP-2026/DRAFT"]
    assert not draft.live
    assert draft.internal_notes
    for link in draft.documents.all():
        assert link.document.collection.name == services.CONFIDENTIAL_COLLECTION
        assert client.get(link.document.url).status_code in (302, 403)
    index = draft.get_parent().specific
    for language in ("ru", "az", "en"):
        with translation.override(language):
            url = index.get_url()
        response = client.get(url)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        titles = [a.get_text(strip=True) for a in soup.select(".memorandum-card h2 a")]
        assert len(titles) == 2
        assert getattr(draft, f"title_{language}") not in response.content.decode()
        assert draft.internal_notes not in response.content.decode()
