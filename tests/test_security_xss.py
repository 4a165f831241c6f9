"""Stored XSS: hostile titles, names and texts in every model come out as text.

Public pages, admin listings, choosers, inspect views, feeds, calendars and
e-mails are parsed the way a browser would, and no script, event handler or
javascript: link may appear that the hostile text brought in.
"""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import json
import xml.etree.ElementTree as ET

from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

import icalendar
import pytest
from bs4 import BeautifulSoup

from cooperation.models import HearingSubmission
from home.models import NewsPage, NewsTag
from training import services as training_services

from .factories import NewsPageFactory
from .factories_cooperation import (
    CooperationAreaFactory,
    OrganisationFactory,
    PersonFactory,
    VisitProgrammeItemFactory,
)
from .factories_memoranda import MemorandumPartyFactory
from .fixtures_security import client_for, form_values, world

pytestmark = pytest.mark.django_db

MARK = "xss"
HOSTILE = (
    "<script>alert('xss-script')</script>"
    "<img src=x onerror=alert('xss-img')>"
    '" onmouseover="alert(\'xss-attr\')" data-x="'
)
# For fields of 80 characters.
SHORT = "<script>alert('xss-s')</script>\" onmouseover=\"alert('xss-a')\""
JS_LINK = "javascript:alert('xss-link')"


def hostile(prefix: str, text: str = HOSTILE) -> dict:
    """Return a hostile value for a translated field in every language."""
    value = f"{prefix} {text}"
    return {prefix: value, **{f"{prefix}_{code}": value for code in ("ru", "az", "en")}}


def unsafe_parts(html: str) -> list[str]:
    """Return what in an HTML document would run hostile script."""
    found = []
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        kind = (script.get("type") or "text/javascript").lower()
        runs = "javascript" in kind or kind == "module"
        if runs and MARK in (script.string or ""):
            found.append(f"script: {(script.string or '')[:80]}")
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on") and MARK in text:
                found.append(f"<{tag.name} {name}={text[:60]}>")
            if name.lower() in {"href", "src", "action", "formaction"} and (
                text.strip().lower().startswith("javascript:")
            ):
                found.append(f"<{tag.name} {name}={text[:60]}>")
    return found


def html_of(response) -> str:
    """Return the HTML of a page or of a modal's JSON answer."""
    text = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        data = json.loads(text)
        return data.get("html") or ""
    return text


@pytest.fixture
def hostile_world(world):
    """The secrets world with hostile text in every kind of record."""
    w = world
    region = w.visit.host_regions.first()
    for field, value in hostile("name").items():
        setattr(region, field, value)
    region.save()
    organisation = OrganisationFactory(region=region, **hostile("short_name"))
    PersonFactory(**hostile("full_name"), organisation=organisation)
    CooperationAreaFactory(slug="hostile", **hostile("name"))
    NewsTag.objects.create(slug="hostile", **hostile("name", SHORT))

    article = NewsPageFactory(
        parent=w.news_index,
        **hostile("title"),
        **hostile("lead"),
        **hostile("source_name"),
        source_url="https://example.org/source",
    )
    article.tags.add(NewsTag.objects.get(slug="hostile"))
    article.save_revision().publish()

    memorandum = w.published
    for field, value in {**hostile("title"), **hostile("place_of_signing")}.items():
        setattr(memorandum, field, value)
    memorandum.registration_number = HOSTILE[:50]
    MemorandumPartyFactory(memorandum=memorandum, organisation=organisation)
    memorandum.save_revision().publish()

    visit = w.visit
    for field, value in {**hostile("title"), **hostile("purpose")}.items():
        setattr(visit, field, value)
    visit.save_revision().publish()
    VisitProgrammeItemFactory(visit=visit, **hostile("activity"))
    w.member.name = HOSTILE
    w.member.role = HOSTILE
    w.member.save()
    w.submission.name = HOSTILE
    w.submission.text = HOSTILE
    w.submission.status = HearingSubmission.Status.APPROVED
    w.submission.save()

    session = w.session_a
    for field, value in {**hostile("title"), **hostile("summary")}.items():
        setattr(session, field, value)
    session.save_revision().publish()
    trainer_person = w.trainer_a.person
    for field, value in hostile("full_name").items():
        setattr(trainer_person, field, value)
    trainer_person.save()
    w.trainer_a.bio = HOSTILE
    w.trainer_a.save()
    w.registration_a.name = HOSTILE
    w.registration_a.organisation = HOSTILE
    w.registration_a.save()
    w.article = article
    return w


def public_pages(w) -> list[str]:
    pages = (
        w.home,
        w.news_index,
        w.article,
        w.memoranda_index,
        w.published,
        w.events,
        w.visit,
        w.hearing,
        w.training,
        w.programme,
        w.session_a,
    )
    urls = []
    for language in ("ru", "az", "en"):
        with translation.override(language):
            urls += [page.specific.get_url() for page in pages]
            training = w.training.specific.get_url()
            urls.append(f"{training}trainers/{w.trainer_a.slug}/")
        urls.append(f"/{language}/search/?q=alert")
    return urls


def test_public_pages_show_hostile_text_as_text(hostile_world):
    client = client_for(hostile_world, "anonymous")
    problems = []
    for url in public_pages(hostile_world):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        problems += [f"{url}: {part}" for part in unsafe_parts(html)]
    assert not problems, "\n".join(problems)
    article = client.get(hostile_world.article.get_url()).content.decode()
    # Shown, as text: the reader sees what was typed.
    assert HOSTILE in BeautifulSoup(article, "html.parser").get_text()


def admin_urls(w) -> list[str]:
    snippets = "/admin/snippets"
    return [
        f"{snippets}/cooperation/region/",
        f"{snippets}/cooperation/organisation/",
        f"{snippets}/cooperation/person/",
        f"{snippets}/cooperation/cooperationarea/",
        f"{snippets}/training/trainer/",
        f"{snippets}/home/newstag/",
        f"{snippets}/choose/cooperation/organisation/",
        f"{snippets}/choose/cooperation/person/?q=alert",
        f"{snippets}/choose/training/trainer/",
        reverse("delegation_members:index"),
        reverse("delegation_members:edit", args=[w.member.pk]),
        reverse("hearing_submissions:index"),
        reverse("hearing_submissions:edit", args=[w.submission.pk]),
        reverse("training_registration:index"),
        reverse("training_registration:inspect", args=[w.registration_a.pk]),
        reverse("training_overview"),
        reverse("training_attendance", args=[w.session_a.pk]),
        f"/admin/pages/{w.news_index.pk}/",
        f"/admin/pages/{w.memoranda_index.pk}/",
        f"/admin/pages/{w.events.pk}/",
        f"/admin/pages/{w.published.pk}/edit/",
        f"/admin/pages/{w.visit.pk}/edit/",
        f"/admin/pages/{w.session_a.pk}/edit/",
        f"/admin/pages/{w.article.pk}/history/",
        f"/admin/choose-page/{w.news_index.pk}/",
        "/admin/choose-page/search/?q=alert",
        "/admin/pages/search/?q=alert",
        "/admin/reports/site-history/",
        "/admin/",
    ]


def test_admin_listings_choosers_and_inspect_views_escape_hostile_text(hostile_world):
    client = client_for(hostile_world, "superuser")
    problems = []
    for url in admin_urls(hostile_world):
        response = client.get(url)
        assert response.status_code == 200, url
        problems += [f"{url}: {part}" for part in unsafe_parts(html_of(response))]
    assert not problems, "\n".join(problems)


def test_feeds_and_calendars_carry_hostile_text_as_text(hostile_world):
    client = client_for(hostile_world, "anonymous")
    for kind in ("rss", "atom"):
        body = client.get(f"/ru/feeds/news/{kind}/").content
        titles = [
            element.text
            for element in ET.fromstring(body).iter()
            if element.tag.rsplit("}", 1)[-1] == "title"
        ]
        assert f"title {HOSTILE}" in titles
        assert b"<script>" not in body
    calendar = icalendar.Calendar.from_ical(client.get("/ru/calendar.ics").content)
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert f"title {HOSTILE}" in summaries


def test_register_exports_carry_hostile_text_as_data(hostile_world):
    client = client_for(hostile_world, "anonymous")
    register = hostile_world.memoranda_index.get_url()
    data = client.get(f"{register}?format=json").json()
    assert f"title {HOSTILE}" in [item["title"] for item in data["memoranda"]]
    csv_body = client.get(f"{register}?format=csv").content.decode("utf-8-sig")
    # A spreadsheet must not run a cell as a formula either.
    assert "\n=" not in csv_body and ",=" not in csv_body


def test_emails_to_a_hostile_registrant_are_plain_text(hostile_world):
    registration = training_services.register_participant(
        session=hostile_world.session_a,
        name=HOSTILE,
        email="hostile@example.org",
        organisation=HOSTILE,
        language="ru",
        consent=True,
        now=timezone.now(),
    )
    assert registration.pk
    message = mail.outbox[-1]
    assert HOSTILE in message.body
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html":
            assert not unsafe_parts(content)


def test_rich_text_from_the_editor_drops_script_links(hostile_world):
    client = client_for(hostile_world, "superuser")
    article = hostile_world.article
    url = f"/admin/pages/{article.pk}/edit/"
    data = form_values(client.get(url).content)
    contentstate = {
        "blocks": [
            {
                "key": "a1",
                "type": "unstyled",
                "text": "click me <script>alert('xss-rich')</script>",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 8, "key": 0}],
            }
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": JS_LINK}}
        },
    }
    data.update({"body_ru": json.dumps(contentstate), "action-publish": "1"})
    assert client.post(url, data).status_code == 302
    article = NewsPage.objects.get(pk=article.pk)
    assert "javascript:" not in article.body_ru
    page = client_for(hostile_world, "anonymous").get(article.get_url())
    html = page.content.decode()
    assert not unsafe_parts(html)
    assert "<script>alert('xss-rich')" not in html


def test_public_pages_forbid_inline_script(hostile_world):
    response = client_for(hostile_world, "anonymous").get(
        hostile_world.article.get_url()
    )
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_checker_finds_hostile_text_that_was_not_escaped():
    assert len(unsafe_parts(f"<p title='{HOSTILE}'>{HOSTILE}</p>")) >= 2
    assert unsafe_parts(f'<a href="{JS_LINK}">x</a>')
    assert not unsafe_parts(f"<p>{escape(HOSTILE)}</p>")
