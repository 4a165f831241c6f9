"""Editors see what is not yet translated, as a report, a spreadsheet and a chart."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import csv
import io
import xml.etree.ElementTree as ET

from django.urls import reverse
from django.utils import translation

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import openpyxl
import pytest
from bs4 import BeautifulSoup

from home.models import NewsPage
from home.reporting import completeness

from .factories import NewsTagFactory
from .factories_cooperation import VisitPageFactory, VisitProgrammeItemFactory
from .fixtures_reports import (
    boss,
    events_index,
    home_region,
    login,
    partner,
    staff_user,
)

SVG = "{http://www.w3.org/2000/svg}"
REPORT = "reporting_completeness"


@pytest.fixture
def gaps(article):
    """A published article without its English title, a tag without its Azerbaijani name."""
    article.title_en = ""
    article.save_revision().publish()
    tag = NewsTagFactory(
        slug="social",
        name_ru="Социальная сфера",
        name_az="",
        name_en="Social affairs",
    )
    return {"article": article, "tag": tag}


def report_rows(client, **params) -> dict[str, dict]:
    response = client.get(reverse(REPORT), params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    listing = soup.select("#listing-results table.listing")[0]
    found = {}
    for row in listing.select("tbody tr"):
        title = row.select_one("td").get_text(" ", strip=True)
        found[title] = {
            "complete": [
                s["data-complete-language"]
                for s in row.select("[data-complete-language]")
            ],
            "missing": {
                cell["data-missing-language"]: cell.get_text(" ", strip=True)
                for cell in row.select("[data-missing-language]")
            },
            "links": [a["href"] for a in row.select("a[href]")],
        }
    return found


def test_report_lists_a_page_without_english_title_and_a_snippet_without_azerbaijani_name(
    client, boss, gaps
):
    rows = report_rows(login(client, boss))
    article = rows[gaps["article"].title_ru]
    assert article["complete"] == ["ru", "az"]
    assert "Title" in article["missing"]["en"]
    assert article["links"] == [
        reverse("wagtailadmin_pages:edit", args=[gaps["article"].pk])
    ]
    tag = rows["Social affairs"]
    assert tag["complete"] == ["ru", "en"]
    assert tag["missing"] == {"az": "Azerbaijani: Name"}
    assert tag["links"] == [
        reverse("wagtailsnippets_home_newstag:edit", args=[gaps["tag"].pk])
    ]
    # Complete items are listed too, after the incomplete ones.
    titles = list(rows)
    assert titles.index("Social affairs") < titles.index("Home")


def test_filters_narrow_the_report_by_language_type_and_kind(client, boss, gaps):
    login(client, boss)
    missing_az = report_rows(client, incomplete_in="az")
    assert list(missing_az) == ["Social affairs"]
    missing_en = report_rows(client, incomplete_in="en")
    assert list(missing_en) == [gaps["article"].title_ru]
    assert set(report_rows(client, kind="snippet")) == {"Social affairs"}
    assert set(report_rows(client, content_type="home.newspage")) == {
        gaps["article"].title_ru
    }


def test_summary_gives_the_share_complete_per_language_and_type(client, boss, gaps):
    response = login(client, boss).get(reverse(REPORT))
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one('[data-reporting-table="completeness-summary"]')
    by_type = {
        row.select_one("th").get_text(strip=True): {
            cell["data-language"]: cell.get_text(strip=True)
            for cell in row.select("td[data-language]")
        }
        for row in summary.select("tbody tr, tfoot tr")
    }
    assert by_type["News article"] == {
        "ru": "100% (1)",
        "az": "100% (1)",
        "en": "0% (0)",
    }
    assert by_type["News tag"] == {"ru": "100% (1)", "az": "0% (0)", "en": "100% (1)"}
    # Home, news index, article and the tag.
    assert by_type["All content"] == {
        "ru": "100% (4)",
        "az": "75% (3)",
        "en": "75% (3)",
    }


def test_csv_and_xlsx_exports_parse_and_name_the_missing_fields(client, boss, gaps):
    login(client, boss)
    response = client.get(reverse(REPORT), {"export": "csv", "incomplete_in": "en"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 1
    assert rows[0]["Title"] == gaps["article"].title_ru
    assert rows[0]["Missing in English"] == "Title"
    assert rows[0]["Complete in"] == "Russian, Azerbaijani"
    assert rows[0]["Edit link"] == "http://testserver" + reverse(
        "wagtailadmin_pages:edit", args=[gaps["article"].pk]
    )

    response = client.get(reverse(REPORT), {"export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content))
    ).active
    header, *values = list(sheet.iter_rows(values_only=True))
    assert header == (
        "Content type",
        "Page or snippet",
        "ID",
        "Title",
        "Status",
        "Complete in",
        "Missing in Russian",
        "Missing in Azerbaijani",
        "Missing in English",
        "Edit link",
    )
    by_title = {row[3]: row for row in values}
    assert by_title["Social affairs"][7] == "Name"
    assert by_title["Social affairs"][:3] == ("News tag", "Snippet", gaps["tag"].pk)
    assert len(values) == 4


def test_chart_has_a_bar_per_language_for_all_content_and_each_type(client, boss, gaps):
    response = login(client, boss).get(reverse(REPORT), {"chart": "svg"})
    assert response["Content-Type"].startswith("image/svg+xml")
    root = ET.fromstring(response.content)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Share of items complete in each language"
    assert (
        "News tag — Russian: 100%, Azerbaijani: 0%, English: 100%."
        in root.find(f"{SVG}desc").text
    )
    groups = [
        g.get("data-group") for g in root.findall(f".//{SVG}g[@class='bar-group']")
    ]
    assert groups == [
        "All content",
        "Home page",
        "News article",
        "News index",
        "News tag",
    ]
    bars = root.findall(f".//{SVG}rect[@class='bar']")
    assert len(bars) == len(groups) * 3
    tag_bars = {
        bar.get("data-series"): bar.get("data-value")
        for bar in root.findall(f".//{SVG}g[@data-group='News tag']/{SVG}rect")
    }
    assert tag_bars == {"ru": "100", "az": "0", "en": "100"}


def test_gaps_of_inline_items_count_for_their_page(events_index, home_region, partner):
    visit = VisitPageFactory(parent=events_index, hosts=[home_region], guests=[partner])
    VisitProgrammeItemFactory(visit=visit, activity_en="")
    with translation.override("en"):
        gaps = completeness.object_gaps(visit)
    assert [gap.label for gap in gaps["en"]] == ["Programme item 1: activity"]
    assert gaps["az"] == [] and gaps["ru"] == []


def test_a_field_nobody_wrote_is_no_gap(article):
    article.image_alt_ru = article.image_alt_az = article.image_alt_en = ""
    assert completeness.object_gaps(article) == {"ru": [], "az": [], "en": []}
    article.image_alt_ru = "Фото"
    assert [gap.field for gap in completeness.object_gaps(article)["az"]] == [
        "image_alt"
    ]


def test_a_draft_counts_as_last_saved(boss, article):
    draft = NewsPage.objects.get(pk=article.pk)
    draft.title_az = ""
    draft.save_revision()
    rows = {row.pk: row for row in completeness.collect(user=boss)}
    assert [gap.field for gap in rows[article.pk].missing["az"]] == ["title"]


def test_editors_see_only_their_section_and_others_are_refused(
    client, events_index, home_region, partner, gaps
):
    visit = VisitPageFactory(
        parent=events_index, hosts=[home_region], guests=[partner], title_en=""
    )
    editor = staff_user("events-editor", pages=[events_index])
    rows = report_rows(login(client, editor))
    assert set(rows) == {"Events", visit.title_ru}

    nobody = staff_user("nobody")
    login(client, nobody)
    # Wagtail sends a user without permission back to the dashboard.
    refused = client.get(reverse(REPORT))
    assert (refused.status_code, refused["Location"]) == (
        302,
        reverse("wagtailadmin_home"),
    )
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(REPORT) not in menu


def publish_article(client, news_index, **titles):
    data = nested_form_data(
        {
            "title_ru": "Тренинг в Баку",
            "title_az": "Bakıda təlim",
            "title_en": "Training in Baku",
            "slug_ru": "trening-v-baku",
            "slug_az": "bakida-telim",
            "slug_en": "training-in-baku",
            "date": "2017-08-01",
            "lead_ru": "Анонс",
            "body_ru": rich_text("<p>Текст</p>"),
            "related_pages": inline_formset([]),
            "action-publish": "publish",
            **titles,
        }
    )
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["home", "newspage", news_index.pk]),
        data,
        follow=True,
    )
    assert response.status_code == 200
    assert NewsPage.objects.filter(slug_ru="trening-v-baku", live=True).exists()
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        item.get_text(" ", strip=True)
        for item in soup.select(".messages li, [data-w-messages-target] li, .messages")
        if "translation" in item.get_text()
    ]


def test_publishing_with_an_empty_azerbaijani_title_warns_but_publishes(
    client, boss, news_index
):
    warnings = publish_article(login(client, boss), news_index, title_az="")
    assert warnings
    assert "Azerbaijani: title" in warnings[0]
    assert "English" not in warnings[0]


def test_publishing_with_every_title_gives_no_warning(client, boss, news_index):
    assert publish_article(login(client, boss), news_index) == []


def test_saving_a_draft_with_an_empty_title_gives_no_warning(client, boss, news_index):
    login(client, boss)
    data = nested_form_data(
        {
            "title_ru": "Черновик",
            "title_az": "",
            "title_en": "",
            "slug_ru": "chernovik",
            "date": "2017-08-01",
            "related_pages": inline_formset([]),
        }
    )
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["home", "newspage", news_index.pk]),
        data,
        follow=True,
    )
    assert response.status_code == 200
    assert NewsPage.objects.filter(slug_ru="chernovik").exists()
    assert "empty translations" not in response.content.decode()


def test_a_title_that_looks_like_a_formula_is_defused_in_csv(client, boss, home_page):
    NewsTagFactory(slug="formula", name_ru="=1+2", name_az="", name_en="=1+2")
    response = login(client, boss).get(
        reverse(REPORT), {"export": "csv", "kind": "snippet"}
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["Title"] for row in rows] == ["'=1+2"]
    response = client.get(reverse(REPORT), {"export": "xlsx", "kind": "snippet"})
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content))
    ).active
    cell = sheet.cell(row=2, column=4)
    assert (cell.value, cell.data_type) == ("=1+2", "s")
