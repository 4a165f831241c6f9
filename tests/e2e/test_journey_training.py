"""Journey 2: a visitor finds a session on the calendar, registers, is waitlisted
when it is full, and downloads the session's .ics."""

import datetime
from pathlib import Path

from django.utils import timezone, translation

import icalendar
import pytest

from home.calendar import KINDS
from training.models import Registration, TrainingSessionPage

from .conftest import screenshot
from .driver import Driver, point_site_at

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SESSION = "skorost-gosuslug-ulyanovsk"  # 12 seats, 10 taken by the demo


def gettext_in(language: str, text) -> str:
    with translation.override(language):
        return str(text)


def register(driver: Driver, page, language: str, name: str, email: str) -> None:
    form = page.locator("form.training-form")
    driver.fill(form.locator("#id_name"), name)
    driver.fill(form.locator("#id_email"), email)
    driver.fill(form.locator("#id_organisation"), "MFC Ulyanovsk")
    driver.check(form.locator("#id_consent"))
    driver.follow(form.locator("button[type=submit]"))


@pytest.mark.parametrize(
    ("language", "keyboard"),
    [("ru", False), ("az", True)],
    ids=["ru-mouse", "az-keyboard"],
)
def test_visitor_registers_from_the_calendar_is_waitlisted_and_gets_the_ics(
    demo_site, page, language, keyboard
):
    point_site_at(demo_site)
    driver = Driver(page, keyboard=keyboard)
    session = TrainingSessionPage.objects.get(slug_ru=SESSION)
    with translation.override(language):
        title = session.title
    page.goto(f"{demo_site}/{language}/")

    # The calendar, only training sessions, as an agenda.
    nav = page.locator("header nav")
    driver.click(nav.get_by_role("link", name=calendar_title_in(language)))
    driver.choose(page.locator("#filter-kind"), gettext_in(language, KINDS["session"]))
    driver.follow(page.locator("form.calendar-filters button[type=submit]"))
    driver.follow(page.locator(".view-switch a").nth(1))
    link = page.get_by_role("link", name=title, exact=True)
    starts = session.slot_list()[0].date
    if starts.month != timezone.localdate().month:
        driver.follow(page.locator(".calendar-nav a[rel=next]"))
    assert link.count() == 1, f"{title} is not on the agenda"
    driver.follow(link)
    assert page.locator("h1").inner_text() == title

    # Two seats are left: two visitors get them, the third waits.
    people = [
        ("Лейла Гасанова", "leyla@example.org"),
        ("Rəşad Məmmədov", "rashad@example.org"),
        ("Olga Smirnova", "olga@example.org"),
    ]
    for number, (name, email) in enumerate(people):
        register(driver, page, language, f"{name} {language}", f"{language}.{email}")
        result = page.locator(".training-result")
        if number < 2:
            assert "training-confirmed" in result.get_attribute("class")
            driver.follow(page.locator(".container.narrow p a").first)
        else:
            assert "training-waitlisted" in result.get_attribute("class")
            assert "1" in result.inner_text()
    registrations = Registration.objects.filter(session=session)
    assert registrations.confirmed().count() == session.capacity
    waiting = registrations.waitlisted().get()
    assert waiting.email == f"{language}.olga@example.org"

    # Back on the session page: the .ics download of this session.
    driver.follow(page.locator(".container.narrow p a").first)
    with page.expect_download() as download:
        driver.click(page.locator(".calendar-links a[download]"))
    ics = Path(download.value.path()).read_bytes()
    event = icalendar.Calendar.from_ical(ics).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == title
    assert str(event["UID"]) == f"{session.uid}@coop.ulyanovsk-az"
    start = event.decoded("DTSTART")
    assert isinstance(start, datetime.datetime) and start.date() == starts
    screenshot(page, f"journey2-training-{language}")


def calendar_title_in(language: str) -> str:
    from home.models import CalendarPage

    with translation.override(language):
        return CalendarPage.objects.get().title
