"""Public event pages, the event listing and partner timelines in every language."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import datetime

from django.test import RequestFactory
from django.utils import translation

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from cooperation import registry, services
from cooperation.models import VisitRelatedPage

from .factories_cooperation import (
    HearingPageFactory,
    MeetingPageFactory,
    PartnerPageFactory,
    VisitPageFactory,
)
from .fixtures_cooperation import (
    agency,
    area,
    azerbaijan,
    events_index,
    hearing,
    meeting,
    partner_page,
    partners_index,
    ulyanovsk,
    visit,
)

UTC = datetime.UTC
NOW = datetime.datetime(2020, 1, 1, tzinfo=UTC)


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(response) -> str:
    return " ".join(soup(response).get_text(" ").split())


@pytest.mark.parametrize(
    ("language", "path", "activity"),
    [
        ("ru", "/ru/sobytiya/vizit-delegacii/", "Посещение школы № 78"),
        ("az", "/az/tedbirler/numayende-heyetinin-seferi/", "78 nömrəli məktəbə"),
        ("en", "/en/events/delegation-visit/", "Visit to school No. 78"),
    ],
)
def test_visit_page_shows_the_programme_in_every_language(
    client, visit, language, path, activity
):
    response = client.get(path)
    assert response.status_code == 200
    html = soup(response)
    programme = html.select_one("section.programme")
    assert programme is not None
    assert activity in programme.get_text(" ")
    assert len(programme.select("li.programme-item")) == 2
    assert html.html["lang"] == language


def test_visit_page_shows_times_in_the_event_zone_and_the_partner_zone(client, visit):
    visit.time_zone = "Europe/Moscow"
    visit.save_revision().publish()
    with translation.override("en"):
        response = client.get("/en/events/delegation-visit/")
    zones = soup(response).select_one(".event-zones").get_text(" ")
    # 10:00 in Moscow is 11:00 in Ulyanovsk (UTC+4) and in Baku (UTC+4).
    assert "10:00 Moscow" in " ".join(zones.split())
    assert "11:00 Ulyanovsk" in " ".join(zones.split())
    assert "11:00 Baku" in " ".join(zones.split())


def test_event_in_baku_shows_ulyanovsk_time_too(visit):
    visit.time_zone = "Asia/Baku"
    visit.save()
    with translation.override("en"):
        labels = [
            (z["label"], z["start"].strftime("%H:%M")) for z in visit.zone_times()
        ]
    assert labels == [("Baku", "10:00"), ("Ulyanovsk", "10:00")]


def test_all_day_event_has_no_zone_line(visit):
    visit.start_time = visit.end_time = None
    visit.save()
    assert visit.zone_times() == []


def test_listing_puts_upcoming_first_then_past_grouped_by_year(events_index, ulyanovsk):
    old = MeetingPageFactory(
        parent=events_index,
        start_date=datetime.date(2017, 6, 30),
        end_date=datetime.date(2017, 6, 30),
    )
    older = VisitPageFactory(
        parent=events_index,
        start_date=datetime.date(2016, 5, 1),
        end_date=datetime.date(2016, 5, 2),
    )
    soon = HearingPageFactory(
        parent=events_index,
        start_date=datetime.date(2020, 2, 1),
        end_date=datetime.date(2020, 2, 1),
    )
    sooner = MeetingPageFactory(
        parent=events_index,
        start_date=datetime.date(2020, 1, 5),
        end_date=datetime.date(2020, 1, 5),
    )
    listing = events_index.listing({}, now=NOW)
    assert [e.pk for e in listing["upcoming"]] == [sooner.pk, soon.pk]
    assert [
        (y["year"], [e.pk for e in y["events"]]) for y in listing["past_years"]
    ] == [
        (2017, [old.pk]),
        (2016, [older.pk]),
    ]


def test_an_event_running_now_counts_as_upcoming(events_index):
    running = MeetingPageFactory(
        parent=events_index,
        start_date=datetime.date(2019, 12, 31),
        start_time=datetime.time(23, 0),
        end_date=datetime.date(2020, 1, 1),
        end_time=datetime.time(5, 0),
        time_zone="Europe/Ulyanovsk",
    )
    listing = events_index.listing({}, now=NOW)
    assert [e.pk for e in listing["upcoming"]] == [running.pk]


def test_listing_filters_by_kind_region_organisation_area_and_status(
    events_index, visit, meeting, hearing, agency, area
):
    def pks(**params):
        listing = events_index.listing(params, now=NOW)
        found = listing["upcoming"] + [
            e for year in listing["past_years"] for e in year["events"]
        ]
        return {e.pk for e in found}

    assert pks() == {visit.pk, meeting.pk, hearing.pk}
    assert pks(kind="visit") == {visit.pk}
    assert pks(kind="hearing") == {hearing.pk}
    assert pks(region="azerbaijan") == {visit.pk, meeting.pk, hearing.pk}
    assert pks(region="ulyanovsk-oblast") == {visit.pk, meeting.pk}
    assert pks(organisation="asan") == {visit.pk}
    assert pks(area="e-services") == {visit.pk}
    assert pks(status="cancelled") == set()
    assert pks(kind="nonsense") == set()


def test_listing_page_marks_cancelled_and_postponed_events(client, meeting, hearing):
    services.cancel_event(event=meeting)
    services.postpone_event(
        event=hearing,
        note={
            "ru": "Перенесено на осень",
            "az": "Payıza keçirilib",
            "en": "Moved to autumn",
        },
    )
    response = client.get("/en/events/")
    assert response.status_code == 200
    cards = soup(response).select("article.event-card")
    by_status = {
        card.select_one(".event-status").get_text(strip=True): card for card in cards
    }
    assert set(by_status) == {"Cancelled", "Postponed"}
    assert "event-card--cancelled" in by_status["Cancelled"]["class"]
    assert "Moved to autumn" in by_status["Postponed"].get_text()
    filtered = client.get("/en/events/?status=cancelled")
    assert len(soup(filtered).select("article.event-card")) == 1


def test_listing_filter_form_keeps_the_chosen_values(client, visit):
    response = client.get("/az/tedbirler/?kind=visit&region=azerbaijan")
    html = soup(response)
    assert html.select_one("#filter-kind option[selected]")["value"] == "visit"
    assert html.select_one("#filter-region option[selected]")["value"] == "azerbaijan"
    assert len(html.select("article.event-card")) == 1


@pytest.mark.parametrize("path", ["/ru/sobytiya/", "/az/tedbirler/", "/en/events/"])
def test_event_listing_answers_in_every_language(client, visit, meeting, path):
    response = client.get(path)
    assert response.status_code == 200
    assert len(soup(response).select("article.event-card")) == 2


def test_related_pages_show_only_live_public_ones(client, visit, article, meeting):
    draft = VisitPageFactory(
        parent=visit.get_parent(),
        live=False,
        slug="draft-visit",
        slug_ru="draft-visit",
        slug_az="draft-visit",
        slug_en="draft-visit",
    )
    PageViewRestriction.objects.create(page=meeting, restriction_type="login")
    for order, page in enumerate([article, draft, meeting]):
        VisitRelatedPage.objects.create(visit=visit, page=page, sort_order=order)
    response = client.get("/en/events/delegation-visit/")
    related = soup(response).select_one("section.related")
    assert [a.get_text(strip=True) for a in related.select("a")] == [article.title_en]


def test_meeting_page_lists_participants_topics_and_tasks(client, meeting, agency):
    meeting.topics_en = "<p>Public services in MFC offices</p>"
    meeting.tasks.create(
        description="Add private services to the MFC offices",
        description_ru="Добавить частные услуги в МФЦ",
        description_en="Add private services to the MFC offices",
        organisation=agency,
    )
    meeting.save_revision().publish()
    response = client.get(
        meeting.get_url()
        .replace("/ru/", "/en/", 1)
        .replace(meeting.get_parent().slug_ru, "events")
        .replace(meeting.slug_ru, meeting.slug_en)
    )
    assert response.status_code == 200
    text = text_of(response)
    assert "Public services in MFC offices" in text
    assert "Add private services to the MFC offices" in text
    assert "ASAN State Agency" in text


def test_partner_page_shows_timeline_newest_first_with_counts_by_year_and_kind(
    client, partner_page, visit, meeting, hearing
):
    response = client.get("/en/partners/azerbaijan/")
    assert response.status_code == 200
    html = soup(response)
    entries = html.select("li.timeline-entry")
    dates = [entry.select_one("time")["datetime"] for entry in entries]
    assert dates == sorted(dates, reverse=True)
    assert len(entries) == 3
    header = [th.get_text(strip=True) for th in html.select("table thead th")]
    assert header == ["Year", "Exchange visit", "Meeting", "Public hearing", "Total"]
    rows = {
        tr.select_one("th").get_text(strip=True): [
            td.get_text(strip=True) for td in tr.select("td")
        ]
        for tr in html.select("table tbody tr")
    }
    assert rows == {"2030": ["0", "0", "1", "1"], "2017": ["1", "1", "0", "2"]}


def test_partner_page_counts_entries_of_every_registered_source(partner_page, visit):
    def memoranda(*, region, organisation, request):
        if region is not None and region.slug == "azerbaijan":
            yield registry.TimelineEntry(
                date=datetime.date(2017, 11, 1),
                kind="memorandum",
                kind_label="memorandum",
                title="Memorandum",
                url="/m/",
            )

    registry.register_timeline_source(memoranda)
    try:
        entries = partner_page.timeline()
    finally:
        registry._timeline_sources.remove(memoranda)
    counts = registry.counts_by_year(entries)
    assert [k["kind"] for k in counts["kinds"]] == ["memorandum", "visit"]
    assert counts["rows"] == [{"year": 2017, "counts": [1, 1], "total": 2}]
    assert entries[0].title == "Memorandum"


def test_partner_page_for_an_organisation_lists_its_events_only(
    partners_index, visit, meeting, agency
):
    page = PartnerPageFactory(
        parent=partners_index,
        region=None,
        organisation=agency,
        slug="asan",
        slug_ru="asan",
        slug_az="asan",
        slug_en="asan",
    )
    assert [entry.title for entry in page.timeline()] == [visit.title]


def test_partner_page_needs_exactly_one_partner(partners_index, azerbaijan, agency):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        PartnerPageFactory(
            parent=partners_index,
            region=azerbaijan,
            organisation=agency,
            slug="both",
            slug_ru="both",
            slug_az="both",
            slug_en="both",
        )
    assert "region" in caught.value.error_dict


@pytest.mark.parametrize("path", ["/ru/partnery/", "/az/terefdaslar/", "/en/partners/"])
def test_partner_index_lists_partner_pages_in_every_language(
    client, partner_page, path
):
    response = client.get(path)
    assert response.status_code == 200
    links = [a["href"] for a in soup(response).select(".cards a")]
    assert links == [path + ("azerbaycan/" if "/az/" in path else "azerbaijan/")]


def test_private_event_is_not_listed(client, events_index, visit):
    PageViewRestriction.objects.create(page=visit, restriction_type="login")
    response = client.get("/en/events/")
    assert soup(response).select("article.event-card") == []
    assert events_index.listing({}, now=NOW)["upcoming"] == []


def test_event_page_also_shows_the_home_region_time(hearing, ulyanovsk):
    hearing.time_zone = "Europe/Moscow"
    hearing.save()
    with translation.override("en"):
        labels = [
            (zone["label"], zone["start"].strftime("%H:%M"))
            for zone in hearing.zone_times()
        ]
    assert labels == [("Moscow", "10:00"), ("Baku", "11:00"), ("Ulyanovsk", "11:00")]


def test_event_pages_render_in_the_admin_preview(hearing, visit):
    for page in (hearing, visit):
        response = page.make_preview_request()
        assert response.status_code == 200
        response.render()
        assert page.title in response.content.decode()


def test_page_types_nest_only_where_they_belong(events_index, partners_index):
    from cooperation.models import (
        EventIndexPage,
        HearingPage,
        MeetingPage,
        PartnerIndexPage,
        PartnerPage,
        VisitPage,
    )

    assert set(EventIndexPage.allowed_subpage_models()) == {
        VisitPage,
        MeetingPage,
        HearingPage,
    }
    assert VisitPage.can_create_at(events_index)
    assert not VisitPage.can_create_at(partners_index)
    assert PartnerPage.can_create_at(partners_index)
    assert not PartnerPage.can_create_at(events_index)
    assert PartnerIndexPage.allowed_parent_page_models()[0].__name__ == "HomePage"
