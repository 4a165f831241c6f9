"""Delegation members and internal notes never reach a public output."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation

from wagtail.models import Revision

import pytest

from cooperation.calendar import build_calendar
from cooperation.models import VisitInternalNote

from .fixtures_cooperation import (
    agency,
    area,
    azerbaijan,
    delegation,
    events_index,
    partner_page,
    partners_index,
    ulyanovsk,
    visit,
)

SECRETS = ("Secretname", "Secretstay", "secretdiet", "Глава", "Internal-only-remark")


@pytest.fixture
def private_visit(visit, delegation):
    VisitInternalNote.objects.create(
        visit=visit, text="Internal-only-remark: call the hotel about the rooms"
    )
    # A new revision after the delegation exists: nothing of it may be copied in.
    visit.save_revision().publish()
    return visit


def assert_no_secrets(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, secret


@pytest.mark.parametrize(
    "path",
    [
        "/ru/sobytiya/vizit-delegacii/",
        "/az/tedbirler/numayende-heyetinin-seferi/",
        "/en/events/delegation-visit/",
        "/ru/sobytiya/",
        "/en/events/",
    ],
)
def test_public_visit_pages_show_no_delegation_data(client, private_visit, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_no_secrets(response.content.decode())


def test_partner_timeline_shows_no_delegation_data(client, private_visit, partner_page):
    response = client.get("/en/partners/azerbaijan/")
    assert "Visit of the Azerbaijani delegation" in response.content.decode()
    assert_no_secrets(response.content.decode())


@pytest.mark.parametrize(
    "query", ["Secretname", "Secretstay", "secretdiet", "Internal-only"]
)
def test_site_search_finds_no_delegation_data(client, private_visit, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert "delegation-visit" not in response.content.decode()


def test_site_search_finds_the_public_programme(client, private_visit):
    response = client.get("/en/search/", {"q": "delegation"})
    assert "/en/events/delegation-visit/" in response.content.decode()


def test_sitemap_shows_no_delegation_data(client, private_visit):
    response = client.get("/sitemap.xml")
    body = response.content.decode()
    assert "vizit-delegacii" in body
    assert_no_secrets(body)


def test_revisions_hold_no_delegation_data(private_visit):
    revisions = Revision.objects.filter(object_id=str(private_visit.pk))
    assert revisions.exists()
    for revision in revisions:
        content = json.dumps(
            revision.content, cls=DjangoJSONEncoder, ensure_ascii=False
        )
        assert "delegation_members" not in content
        assert "internal_notes" not in content
        assert_no_secrets(content)


def test_search_index_holds_no_delegation_data(private_visit):
    from wagtail.search.models import IndexEntry

    for entry in IndexEntry.objects.all():
        assert_no_secrets(" ".join([entry.title, entry.body, entry.autocomplete]))


def test_calendar_event_holds_no_delegation_data(private_visit):
    for language in ("ru", "az", "en"):
        with translation.override(language):
            data = build_calendar(
                [private_visit.calendar_event()], name="Events", language=language
            ).to_ical()
        assert_no_secrets(data.decode())


def test_copying_a_visit_copies_no_delegation_and_gets_a_new_uid(private_visit):
    copy = private_visit.copy(
        update_attrs={
            "slug": "copy",
            "slug_ru": "copy",
            "slug_az": "copy",
            "slug_en": "copy",
        }
    )
    assert copy.uid != private_visit.uid
    assert not copy.delegation_members.exists()
    assert not copy.internal_notes.exists()
    assert copy.programme_items.count() == 2
