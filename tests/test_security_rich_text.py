"""Rich text written by code reaches the public page without anything executable."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import pytest
from bs4 import BeautifulSoup

from config.rich_text import clean_rich_text
from cooperation import ical_import
from cooperation.models import MeetingPage

from .factories import NewsPageFactory
from .fixtures_cooperation import azerbaijan, events_index, ulyanovsk

HOSTILE = (
    '<p onclick="steal()">Safe words <script>alert("script")</script>'
    '<img src="x" onerror="alert(1)">'
    '<a href="javascript:alert(2)">bad link</a> '
    '<a href=" jav&#x09;ascript:alert(3)">tabbed link</a> '
    '<a href="https://asan.gov.az" onmouseover="alert(4)">good link</a></p>'
    '<iframe src="https://evil.example"></iframe>'
    '<svg onload="alert(5)"><p>inside svg</p></svg>'
    "<style>body{display:none}</style>"
    '<h2 style="color:red">Heading</h2>'
)

DESCRIPTION = (
    "<script>alert(1)</script><img src=x onerror=alert(2)>"
    "<a href=javascript:alert(3)>click</a> Forum on e-services"
)


def executable(html: bytes | str) -> list[str]:
    """Return what in `html` a browser would run."""
    found = []
    page = BeautifulSoup(html, "html.parser")
    for tag in page.find_all(True):
        if tag.name in {"iframe", "object", "embed", "svg"}:
            found.append(tag.name)
        if tag.name == "script" and "alert" in tag.get_text():
            found.append(str(tag))
        for name, value in tag.attrs.items():
            if name.startswith("on"):
                found.append(f"{tag.name}[{name}]")
            text = "".join(value) if isinstance(value, list) else value
            squeezed = "".join(text.split()).lower()
            if name in {"href", "src", "action"} and squeezed.startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                found.append(f"{tag.name}[{name}={text}]")
    return found


def test_hostile_html_written_by_code_is_cleaned_on_the_public_page(client, news_index):
    article = NewsPageFactory(parent=news_index)
    article.body_ru = HOSTILE
    article.body = HOSTILE
    article.save_revision().publish()

    response = client.get(article.url)

    assert response.status_code == 200
    body = BeautifulSoup(response.content, "html.parser").select_one(".rich-text")
    assert executable(str(body)) == []
    assert "steal" not in str(body) and "display:none" not in str(body)
    assert body.find("a", href="https://asan.gov.az").get_text() == "good link"
    assert body.find("h2").get_text() == "Heading"
    assert "Safe words" in body.get_text()


def test_a_draft_revision_is_cleaned_before_anyone_previews_it(news_index):
    article = NewsPageFactory(parent=news_index)
    article.body_en = HOSTILE
    revision = article.save_revision()
    revision.refresh_from_db()

    assert executable(revision.content["body_en"]) == []
    assert "good link" in revision.content["body_en"]


def test_cleaning_keeps_page_links_and_embeds_of_the_editor():
    html = (
        '<p><a id="3" linktype="page">a page</a> <b>bold</b> <i>it</i><br/>x</p>'
        '<embed alt="Flag" embedtype="image" format="left" id="7"/>'
        '<ul><li data-block-key="k1">one</li></ul><p data-block-key="k2">two</p>'
    )

    assert clean_rich_text(html) == html
    assert clean_rich_text(clean_rich_text(HOSTILE)) == clean_rich_text(HOSTILE)


def test_an_imported_description_shows_as_text_without_anything_executable(
    client, events_index, ulyanovsk, azerbaijan
):
    data = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partner//AZ\r\n"
        "BEGIN:VEVENT\r\nUID:hostile@partner.example\r\nDTSTAMP:20261101T000000Z\r\n"
        "SUMMARY:Forum\r\n"
        f"DESCRIPTION:{DESCRIPTION}\r\n"
        "DTSTART;TZID=Asia/Baku:20261210T100000\r\n"
        "DTEND;TZID=Asia/Baku:20261210T130000\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    result = ical_import.import_calendar(
        data=data, index=events_index, language="ru", host=ulyanovsk, guest=azerbaijan
    )
    page = MeetingPage.objects.get(pk=result.created[0].pk)
    page.save_revision().publish()

    response = client.get(page.url)

    assert response.status_code == 200
    assert executable(response.content) == []
    assert "Forum on e-services" in response.content.decode()
