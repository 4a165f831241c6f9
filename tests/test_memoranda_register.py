"""The public register: filters, sort, the consolidated chain, pages and downloads."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import csv
import datetime
import io
import json

from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from memoranda.exports import COLUMNS

from .factories import NewsPageFactory
from .factories_cooperation import (
    CooperationAreaFactory,
    GovernmentOrganisationFactory,
    NumberedRegionFactory,
)
from .factories_memoranda import (
    MemorandumCommitmentFactory,
    MemorandumPageFactory,
    MemorandumPartyFactory,
)
from .fixtures_memoranda import (
    TODAY,
    add_parties,
    draft,
    in_force,
    memoranda_index,
    memorandum,
    partners,
    staff,
    walk,
)

D = datetime.date


def register_url(index, language="ru") -> str:
    with translation.override(language):
        return index.get_url()


def listed_titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [node.get_text(strip=True) for node in soup.select(".memorandum-card h2 a")]


@pytest.fixture
def register(memoranda_index, memorandum, in_force, draft, partners):
    """A register with an idea, an agreement in force, an amendment and a draft."""
    other_region = NumberedRegionFactory(slug="baku", name_ru="Баку", name="Баку")
    other = GovernmentOrganisationFactory(slug="baku-city", region=other_region)
    amendment = MemorandumPageFactory(
        parent=memoranda_index,
        title="Протокол изменений",
        title_ru="Протокол изменений",
        title_en="Amending protocol",
        title_az="Dəyişiklik protokolu",
        registration_number="AG-2018/01-A1",
        kind="amendment",
        amends=in_force,
        signed_on=D(2020, 5, 1),
    )
    MemorandumPartyFactory(memorandum=amendment, organisation=other)
    amendment.save_revision().publish()
    return {
        "idea": memorandum,
        "in_force": in_force,
        "amendment": amendment,
        "draft": draft,
        "other_region": other_region,
        "other": other,
    }


def test_register_lists_published_memoranda_linking_to_their_pages(client, register):
    response = client.get(register_url(register["idea"].get_parent()))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    links = {
        a.get_text(strip=True): a["href"] for a in soup.select(".memorandum-card h2 a")
    }
    assert set(links) == {
        "Соглашение об обмене",
        "Протокол изменений",
        register["idea"].title,
    }
    assert links["Соглашение об обмене"] == register["in_force"].get_url()
    assert client.get(links["Соглашение об обмене"]).status_code == 200


def test_register_shows_the_chain_original_then_amendments(client, register):
    response = client.get(register_url(register["idea"].get_parent()))
    soup = BeautifulSoup(response.content, "html.parser")
    items = soup.select(".register-list > .register-item")
    original = next(
        item for item in items if "Соглашение об обмене" in item.select_one("h2").text
    )
    nested = [
        a.get_text(strip=True) for a in original.select(".register-amendments h2 a")
    ]
    assert nested == ["Протокол изменений"]
    top_level = [item.select_one("h2").get_text(strip=True) for item in items]
    assert "Протокол изменений" not in top_level


def test_register_in_english_uses_english_values(client, register):
    response = client.get(register_url(register["idea"].get_parent(), "en"))
    assert response.status_code == 200
    assert "Exchange agreement" in listed_titles(response)
    assert "Ulyanovsk Oblast" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("region=azerbaijan", {"Соглашение об обмене", "IDEA"}),
        ("region=baku", {"Протокол изменений"}),
        ("organisation=baku-city", {"Протокол изменений"}),
        ("organisation=asan-agency", {"Соглашение об обмене", "IDEA"}),
        ("area=it", {"Соглашение об обмене", "IDEA"}),
        ("status=in_force", {"Соглашение об обмене"}),
        ("status=idea", {"IDEA", "Протокол изменений"}),
        ("year=2018", {"Соглашение об обмене"}),
        ("year=2020", {"Протокол изменений"}),
        ("in_force=1", {"Соглашение об обмене"}),
        ("status=in_force&year=2020", set()),
        (
            "region=nowhere&status=bogus&year=abc",
            {"Соглашение об обмене", "Протокол изменений", "IDEA"},
        ),
    ],
)
def test_register_filters(client, register, query, expected):
    response = client.get(f"{register_url(register['idea'].get_parent())}?{query}")
    assert response.status_code == 200
    idea_title = register["idea"].title
    titles = {
        "IDEA" if title == idea_title else title for title in listed_titles(response)
    }
    # Amendments nested under a listed original are shown too; count only top level.
    assert titles == expected


@pytest.mark.parametrize(
    ("sort", "first"),
    [("signed", "Протокол изменений"), ("number", "AG-2018/01"), ("title", None)],
)
def test_register_sorts(client, register, memoranda_index, sort, first):
    response = client.get(f"{register_url(memoranda_index)}?sort={sort}")
    soup = BeautifulSoup(response.content, "html.parser")
    cards = soup.select(".register-list > .register-item > .memorandum-card")
    if sort == "number":
        assert "AG-2018/01" in cards[0].select_one(".reg-number").text
    elif sort == "title":
        titles = [card.select_one("h2").get_text(strip=True) for card in cards]
        assert titles == sorted(titles, key=str.casefold)
    else:
        # Newest signing first; the amendment nests under its original, unsigned last.
        titles = [card.select_one("h2").get_text(strip=True) for card in cards]
        assert titles[0] == "Соглашение об обмене"
        assert titles[-1] == register["idea"].title


def test_memorandum_page_shows_parties_signatories_status_dates_and_progress(
    client, in_force, partners, news_index
):
    news = NewsPageFactory(parent=news_index, title="Новость о выполнении")
    hidden_news = NewsPageFactory(
        parent=news_index, title="Неопубликованная новость", live=False
    )
    page = in_force.get_latest_revision_as_object()
    page.commitments = [
        MemorandumCommitmentFactory.build(
            status="done",
            evidence=[("page", news), ("page", hidden_news)],
        ),
        MemorandumCommitmentFactory.build(status="in_progress", due_on=D(2099, 1, 1)),
        MemorandumCommitmentFactory.build(status="dropped"),
    ]
    from memoranda.models import MemorandumRelatedPage

    page.related_pages = [
        MemorandumRelatedPage(page=news),
        MemorandumRelatedPage(page=hidden_news),
    ]
    page.save_revision().publish()
    response = client.get(in_force.get_url())
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    text = soup.get_text(" ", strip=True)
    assert "Правительство Ульяновской области" in text
    assert "Ульяновская область" in text
    signatories = soup.select_one(".memorandum-signatories").get_text()
    assert "Сергей Морозов, губернатор" in " ".join(signatories.split())
    dates = {
        dt.get_text(strip=True): dd.select_one("time")["datetime"]
        for dt, dd in zip(
            soup.select(".memorandum-dates dt"),
            soup.select(".memorandum-dates dd"),
            strict=True,
        )
        if dd.select_one("time")
    }
    assert "2018-06-01" in dates.values()
    assert "2021-06-01" in dates.values()  # the initial term ends
    today = datetime.date.today()
    assert in_force.next_expiry(today).isoformat() in dates.values()
    assert in_force.notice_deadline(today).isoformat() in dates.values()
    progress = soup.select_one(".memorandum-commitments").find_previous("progress")
    assert (progress["value"], progress["max"]) == ("1", "2")
    evidence = [
        a.get_text(strip=True) for a in soup.select(".memorandum-commitments a")
    ]
    assert evidence == ["Новость о выполнении"]
    related = [a.get_text(strip=True) for a in soup.select(".related a")]
    assert related == ["Новость о выполнении"]
    history = [
        li.get_text(" ", strip=True) for li in soup.select(".memorandum-history li")
    ]
    assert len(history) == 5
    assert "staff" not in " ".join(history)


def test_memorandum_page_in_every_language(client, in_force):
    for language, title in (
        ("ru", "Соглашение об обмене"),
        ("az", "Mübadilə sazişi"),
        ("en", "Exchange agreement"),
    ):
        with translation.override(language):
            url = in_force.get_url()
        response = client.get(url)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.find("h1").get_text(strip=True) == title
        assert soup.find("html")["lang"] == language


def read_csv(response) -> list[list[str]]:
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def test_csv_download_is_the_filtered_register_with_bom(
    client, register, memoranda_index
):
    response = client.get(
        f"{register_url(memoranda_index)}?format=csv&region=azerbaijan"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert len(rows[0]) == len(COLUMNS)
    records = [
        dict(zip([key for key, _label in COLUMNS], row, strict=True))
        for row in rows[1:]
    ]
    assert {record["registration_number"] for record in records} == {
        "AG-2018/01",
        register["idea"].registration_number,
    }
    agreement = next(r for r in records if r["registration_number"] == "AG-2018/01")
    assert agreement["title"] == "Соглашение об обмене"
    assert agreement["signed_on"] == "2018-06-01"
    assert agreement["expires_on"] == "2021-06-01"
    assert (
        "Правительство Ульяновской области (Ульяновская область)"
        in agreement["parties"]
    )
    assert agreement["url"].startswith("http://testserver/ru/")


def test_csv_values_follow_the_language_of_the_url(client, register, memoranda_index):
    response = client.get(
        f"{register_url(memoranda_index, 'en')}?format=csv&status=in_force"
    )
    rows = read_csv(response)
    assert len(rows) == 2
    record = dict(zip([key for key, _label in COLUMNS], rows[1], strict=True))
    assert record["title"] == "Exchange agreement"
    assert "Government of Ulyanovsk Oblast (Ulyanovsk Oblast)" in record["parties"]
    assert record["url"].startswith("http://testserver/en/")


def test_json_download_is_structured_and_filtered(client, register, memoranda_index):
    response = client.get(
        f"{register_url(memoranda_index, 'az')}?format=json&year=2018"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    document = json.loads(response.content.decode("utf-8"))
    assert document["language"] == "az"
    assert document["count"] == 1
    assert list(document["columns"]) == [key for key, _label in COLUMNS]
    (record,) = document["memoranda"]
    assert set(record) == {key for key, _label in COLUMNS}
    assert record["title"] == "Mübadilə sazişi"
    assert record["parties"][0] == {
        "organisation": "Ulyanovsk vilayəti Hökuməti",
        "region": "Ulyanovsk vilayəti",
        "role": "Tərəf",
    }
    assert record["renews_for_years"] == 1
    assert record["notice_months"] == 6
    assert record["commitments_total"] == 0


def test_register_links_to_downloads_with_the_current_filters(
    client, register, memoranda_index
):
    response = client.get(f"{register_url(memoranda_index)}?status=in_force&sort=title")
    soup = BeautifulSoup(response.content, "html.parser")
    hrefs = [a["href"] for a in soup.select(".register-downloads a")]
    assert hrefs == [
        f"{register_url(memoranda_index)}?status=in_force&sort=title&format=csv",
        f"{register_url(memoranda_index)}?status=in_force&sort=title&format=json",
    ]
