"""The translation-gaps panel is read once per content change, and shown per user."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

from wagtail.models import Page

from home.reporting import completeness

from .fixtures_reports import (
    boss,
    dashboard_soup,
    events_editor,
    events_index,
    home_region,
    login,
    partner,
    week,
)


def gaps_panel(client):
    return dashboard_soup(client).select_one('[id^="reporting-translation-gaps"]')


def listed_titles(panel) -> list[str]:
    return [row.td.get_text(strip=True) for row in panel.select("tbody tr")]


def shares(panel) -> dict[str, str]:
    return {
        item["data-language"]: " ".join(item.get_text(" ", strip=True).split()).split(
            " —"
        )[0]
        for item in panel.select("[data-reporting-panel=translation-shares] li")
    }


def expected_shares(user) -> dict[str, str]:
    """The shares as the uncached report computes them, in English."""
    rows = completeness.collect(user=user)
    summary = completeness.summarise(rows)
    names = dict(settings.LANGUAGES)
    with translation.override("en"):
        return {
            language["code"]: f"{names[language['code']]}: {language['percent']}% "
            f"complete ({language['complete']} of {len(rows)})"
            for language in summary["overall"].languages
        }


def test_a_draft_that_fills_a_translation_updates_the_panel(client, boss, week):
    meeting = week["meeting"]
    meeting.title_az = ""
    meeting.save_revision().publish()
    login(client, boss)
    assert "Meeting this week" in listed_titles(gaps_panel(client))
    assert "Meeting this week" in listed_titles(gaps_panel(client))

    meeting = Page.objects.get(pk=meeting.pk).specific
    meeting.title_az = "Bu həftənin görüşü"
    meeting.save_revision()

    panel = gaps_panel(client)
    assert "Meeting this week" not in listed_titles(panel)
    assert [text.split(" (")[0] for text in shares(panel).values()] == [
        text.split(" (")[0] for text in expected_shares(boss).values()
    ]


def test_kept_gaps_never_show_a_user_what_they_may_not_see(
    client, boss, events_editor, week
):
    for page in (week["meeting"], week["memorandum"]):
        page.title_az = ""
        page.save_revision().publish()
    # The superuser's request keeps every item's gaps.
    assert "Memorandum of cooperation" in listed_titles(gaps_panel(login(client, boss)))

    panel = gaps_panel(login(client, events_editor))

    assert "Meeting this week" in listed_titles(panel)
    assert "Memorandum of cooperation" not in panel.get_text()
    assert [text.split(":")[1] for text in shares(panel).values()] == [
        text.split(":")[1] for text in expected_shares(events_editor).values()
    ]


def test_kept_gaps_are_labelled_in_the_admins_language(client, boss, week):
    week["meeting"].title_az = ""
    week["meeting"].save_revision().publish()
    title = Page._meta.get_field("title")
    gaps_panel(login(client, boss, "en"))

    panel = gaps_panel(login(client, boss, "ru"))

    edit_url = reverse("wagtailadmin_pages:edit", args=[week["meeting"].pk])
    row = next(
        row
        for row in panel.select("tbody tr")
        if row.select_one(f'a[href="{edit_url}"]')
    )
    missing = row.select_one('[data-missing-language="az"]').get_text()
    with translation.override("ru"):
        assert str(capfirst(title.verbose_name)) in missing
    with translation.override("en"):
        assert str(capfirst(title.verbose_name)) not in missing
