"""Managers read the cooperation's yearly picture per partner region, and download it."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import csv
import datetime
import io
import xml.etree.ElementTree as ET

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

import openpyxl
import pytest
from bs4 import BeautifulSoup

from cooperation import demo as cooperation_demo
from home.reporting import activity

from .factories_cooperation import (
    GovernmentOrganisationFactory,
    MeetingPageFactory,
    NumberedRegionFactory,
    VisitPageFactory,
)
from .factories_memoranda import (
    MemorandumCommitmentFactory,
    MemorandumPageFactory,
    MemorandumPartyFactory,
)
from .factories_training import (
    RegistrationFactory,
    TrainingIndexPageFactory,
    TrainingProgrammePageFactory,
    TrainingSessionPageFactory,
)
from .fixtures_memoranda import memoranda_index
from .fixtures_reports import (
    aware,
    boss,
    events_index,
    home_region,
    login,
    partner,
    staff_user,
)

SVG = "{http://www.w3.org/2000/svg}"
REPORT = "reporting_activity"
D = datetime.date
HEADINGS = (
    "Partner region",
    "Year",
    "Memoranda signed",
    "Memoranda in force",
    "Incoming visits",
    "Outgoing visits",
    "Meetings",
    "Public hearings",
    "Training sessions held",
    "People trained",
    "Attendance rate, %",
    "Commitments due",
    "Commitments done",
)


@pytest.fixture
def seed(home_page):
    """The seed stories' regions and events, as `seed_demo` loads them."""
    return cooperation_demo.load(pages={"home": home_page}, report=lambda line: None)


def test_azerbaijan_2017_shows_the_seed_meeting_visit_and_hearing(client, boss, seed):
    azerbaijan = seed["region_azerbaijan"]
    response = login(client, boss).get(
        reverse(REPORT), {"region": azerbaijan.pk, "year": "2017"}
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.select("#listing-results table.listing")[0]
    headers = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    cells = [td.get_text(" ", strip=True) for td in table.select("tbody tr td")]
    row = dict(zip(headers, cells, strict=True))
    assert row["Partner region"] == "Republic of Azerbaijan"
    assert row["Year"] == "2017"
    assert (row["Incoming visits"], row["Meetings"], row["Public hearings"]) == (
        "1",
        "1",
        "1",
    )
    assert row["Outgoing visits"] == "0"
    chart = soup.select_one("svg#activity-chart")
    assert chart["role"] == "img"
    assert len(chart.select("rect.bar")) == len(activity.CHART_KINDS)


def test_xlsx_and_csv_downloads_parse_with_the_seed_figures(client, boss, seed):
    login(client, boss)
    params = {"region": seed["region_azerbaijan"].pk, "year": "2017"}
    response = client.get(reverse(REPORT), {**params, "export": "xlsx"})
    assert response.status_code == 200
    assert "cooperation-activity-azerbaijan-2017-" in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content))
    ).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert header == HEADINGS
    assert rows == [
        ("Republic of Azerbaijan", 2017, 0, 0, 1, 0, 1, 1, 0, 0, None, 0, 0)
    ]

    response = client.get(reverse(REPORT), {**params, "export": "csv"})
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == HEADINGS
    assert rows[1:] == [
        [
            "Republic of Azerbaijan",
            "2017",
            "0",
            "0",
            "1",
            "0",
            "1",
            "1",
            "0",
            "0",
            "",
            "0",
            "0",
        ]
    ]


def test_chart_svg_parses_with_one_bar_per_year_and_kind(client, boss, seed):
    MeetingPageFactory(
        parent=seed["events_index"],
        start_date=D(2019, 5, 1),
        end_date=D(2019, 5, 1),
        hosts=[seed["region_azerbaijan"]],
    ).save_revision().publish()
    response = login(client, boss).get(reverse(REPORT), {"chart": "svg"})
    assert response["Content-Type"].startswith("image/svg+xml")
    root = ET.fromstring(response.content)
    assert root.get("role") == "img"
    labelled = root.get("aria-labelledby").split()
    assert labelled == ["activity-chart-title", "activity-chart-desc"]
    assert root.find(f"{SVG}title").text == "Cooperation activity by year"
    assert "2017 — Memoranda signed: 0" in root.find(f"{SVG}desc").text
    groups = root.findall(f".//{SVG}g[@class='bar-group']")
    assert [group.get("data-group") for group in groups] == ["2017", "2019"]
    for group in groups:
        bars = group.findall(f"{SVG}rect[@class='bar']")
        assert [bar.get("data-series") for bar in bars] == [
            key for key, _label in activity.CHART_KINDS
        ]
    meetings_2019 = groups[1].find(f"{SVG}rect[@data-series='meetings']")
    assert meetings_2019.get("data-value") == "1"
    assert meetings_2019.find(f"{SVG}title").text == "2019, Meetings: 1"


def test_the_report_reads_in_the_admin_language(client, boss, seed):
    response = login(client, boss, "az").get(reverse(REPORT))
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "az"
    with translation.override("az"):
        title = gettext("Cooperation activity by year")
        region = str(seed["region_azerbaijan"])
    assert soup.select_one("svg#activity-chart title").get_text() == title
    assert region == "Azərbaycan Respublikası"
    assert region in soup.select_one("#listing-results table.listing tbody").get_text()


def test_staff_outside_the_cooperation_areas_are_refused(client, seed):
    user = staff_user("news-editor", "home.change_newstag")
    login(client, user)
    refused = client.get(reverse(REPORT))
    assert (refused.status_code, refused["Location"]) == (
        302,
        reverse("wagtailadmin_home"),
    )
    assert (
        reverse(REPORT) not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def memorandum(memoranda_index, partner, **values):
    page = MemorandumPageFactory(parent=memoranda_index, **values)
    MemorandumPartyFactory(
        memorandum=page, organisation=GovernmentOrganisationFactory(region=partner)
    )
    page.save_revision().publish()
    return page


def test_memoranda_count_when_signed_and_every_year_in_force(
    memoranda_index, partner, home_region
):
    memorandum(
        memoranda_index,
        partner,
        status="in_force",
        signed_on=D(2018, 6, 1),
        term_years=3,
    )
    renewing = memorandum(
        memoranda_index,
        partner,
        status="in_force",
        signed_on=D(2020, 2, 1),
        term_years=1,
        renews_for_years=1,
    )
    MemorandumCommitmentFactory(
        memorandum=renewing, due_on=D(2021, 3, 1), status="done"
    )
    MemorandumCommitmentFactory(memorandum=renewing, due_on=D(2021, 9, 1))
    MemorandumCommitmentFactory(
        memorandum=renewing, due_on=D(2021, 10, 1), status="dropped"
    )
    memorandum(memoranda_index, partner, status="negotiation", signed_on=None)
    rows = activity.collect(now=aware(D(2023, 1, 10)))
    table = {row.year: (row.memoranda_signed, row.memoranda_in_force) for row in rows}
    assert table == {
        2018: (1, 1),
        2019: (0, 1),
        2020: (1, 2),
        2021: (0, 2),
        2022: (0, 1),
        2023: (0, 1),
    }
    row_2021 = next(row for row in rows if row.year == 2021)
    assert (row_2021.commitments_due, row_2021.commitments_done) == (2, 1)
    assert {row.region for row in rows} == {partner}


def test_sessions_held_count_people_trained_and_attendance_rate(home_page, partner):
    programme = TrainingProgrammePageFactory(
        parent=TrainingIndexPageFactory(parent=home_page)
    )
    venue = GovernmentOrganisationFactory(region=partner)
    held = TrainingSessionPageFactory(
        parent=programme,
        venue=venue,
        slots=[(D(2024, 5, 14), datetime.time(10), datetime.time(12))],
    )
    RegistrationFactory(session=held, attended=True)
    RegistrationFactory(session=held, attended=True)
    RegistrationFactory(session=held, attended=False)
    RegistrationFactory(session=held)  # attendance not recorded
    RegistrationFactory(session=held, status="cancelled", attended=True)
    TrainingSessionPageFactory(
        parent=programme,
        venue=venue,
        status="cancelled",
        slots=[(D(2024, 6, 1), datetime.time(10), datetime.time(12))],
    )
    TrainingSessionPageFactory(
        parent=programme,
        venue=venue,
        slots=[(D(2024, 12, 20), datetime.time(10), datetime.time(12))],
    )
    rows = activity.collect(now=aware(D(2024, 12, 1)))
    assert len(rows) == 1
    row = rows[0]
    assert (row.year, row.sessions_held, row.people_trained) == (2024, 1, 2)
    assert row.attendance_rate == 67
    assert row.attendance_rate_label == "67%"


def test_events_count_for_each_partner_and_never_for_our_region(
    events_index, home_region, partner
):
    other = NumberedRegionFactory(slug="baku-city", name="Баку")
    VisitPageFactory(
        parent=events_index,
        direction="outgoing",
        start_date=D(2022, 4, 1),
        end_date=D(2022, 4, 3),
        hosts=[partner, other],
        guests=[home_region],
    ).save_revision().publish()
    VisitPageFactory(
        parent=events_index,
        status="cancelled",
        start_date=D(2022, 5, 1),
        end_date=D(2022, 5, 1),
        hosts=[home_region],
        guests=[partner],
    ).save_revision().publish()
    rows = activity.collect(now=aware(D(2023, 1, 1)))
    assert sorted(
        (row.region.slug, row.visits_outgoing, row.visits) for row in rows
    ) == [
        ("azerbaijan", 1, 1),
        ("baku-city", 1, 1),
    ]
    assert (
        activity.collect(now=aware(D(2023, 1, 1)), regions=[other], years=[2021]) == []
    )
