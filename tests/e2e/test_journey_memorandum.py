"""Journey 3: staff create a memorandum with two parties in three languages, move
it to negotiation and submit it for moderation; an approver publishes it; it is
on the public register.

Roles come from issue 7: the demo logins `staff` (International department) and
`approver` (Approvers) and the Moderation workflow on the register.
"""

import re

from django.utils import translation

import pytest

from cooperation.models import Organisation
from memoranda.models import MemorandumIndexPage, MemorandumPage

from .conftest import screenshot
from .driver import Driver, admin_in, log_in, log_out

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW = {
    "title": {
        "ru": "Меморандум о цифровых государственных услугах",
        "az": "Rəqəmsal dövlət xidmətləri haqqında memorandum",
        "en": "Memorandum on digital public services",
    },
    "slug": {
        "ru": "memorandum-o-cifrovyh-uslugah",
        "az": "reqemsal-xidmetler-memorandumu",
        "en": "memorandum-on-digital-services",
    },
    "parties": [
        (
            "ulyanovsk-government",
            {"ru": "Российская сторона", "az": "Rusiya tərəfi", "en": "Russian side"},
        ),
        (
            "asan",
            {
                "ru": "Азербайджанская сторона",
                "az": "Azərbaycan tərəfi",
                "en": "Azerbaijani side",
            },
        ),
    ],
}


def locale_toggle(page, code: str):
    return page.locator("button.locale-toggle").filter(
        has_text=re.compile(rf"^\s*{code}\s*$")
    )


def tab_of(page, field: str):
    """Return the editor tab that holds a field (tab labels are translated)."""
    panel = page.locator(field).evaluate("el => el.closest('[role=tabpanel]').id")
    return page.locator(f'[role=tab][aria-controls="{panel}"]')


def action_menu(driver: Driver, page, item: str) -> None:
    """Open the editor's “more actions” menu and use one of its items."""
    driver.click(page.locator("footer button.w-dropdown__toggle"))
    driver.follow(page.locator(f"footer {item}"))


def create_memorandum(driver: Driver, page, base: str, admin_language: str) -> int:
    register = MemorandumIndexPage.objects.get()
    page.goto(f"{base}/admin/pages/{register.pk}/")
    driver.follow(page.locator(f'a[href="/admin/pages/{register.pk}/add_subpage/"]'))
    # Show the Azerbaijani and English fields next to the Russian ones.
    driver.click(locale_toggle(page, "az"))
    driver.click(locale_toggle(page, "en"))
    for code in ("ru", "az", "en"):
        driver.fill(page.locator(f"#id_title_{code}"), NEW["title"][code])
    driver.fill(page.locator("#id_registration_number"), "MS-2026/07")
    driver.check(page.locator("#id_areas_2"))

    driver.select_tab(tab_of(page, "#id_parties-TOTAL_FORMS"))
    for number, (slug, roles) in enumerate(NEW["parties"]):
        driver.click(page.locator("#id_parties-ADD"))
        party = page.locator(f"#inline_child_parties-{number}")
        driver.click(party.locator("button[data-chooser-action-choose]"))
        with translation.override(admin_language):
            name = str(Organisation.objects.get(slug=slug))
        modal = page.locator(".modal")
        driver.click(modal.get_by_role("link", name=name, exact=True))
        modal.wait_for(state="hidden")
        for code in ("ru", "az", "en"):
            driver.fill(page.locator(f"#id_parties-{number}-role_{code}"), roles[code])

    driver.select_tab(tab_of(page, "#id_slug_ru"))
    for code in ("ru", "az", "en"):
        driver.fill(page.locator(f"#id_slug_{code}"), NEW["slug"][code])
    driver.save()
    memorandum = MemorandumPage.objects.get(registration_number="MS-2026/07")
    assert page.url.endswith(f"/admin/pages/{memorandum.pk}/edit/")
    return memorandum.pk


@pytest.mark.parametrize(
    ("admin_language", "keyboard"),
    [("ru", False), ("en", True)],
    ids=["ru-admin-mouse", "en-admin-keyboard"],
)
def test_staff_create_moderate_and_publish_a_memorandum(
    demo_site, page, admin_language, keyboard
):
    # Wide enough that the editor's tabs clear the floating “collapse all”.
    page.set_viewport_size({"width": 1600, "height": 1000})
    driver = Driver(page, keyboard=keyboard)
    log_in(driver, demo_site, admin_in("staff", admin_language))
    pk = create_memorandum(driver, page, demo_site, admin_language)

    # Idea -> drafting -> negotiation, through “Change status”.
    for status in ("drafting", "negotiation"):
        action_menu(driver, page, 'a[href$="/status/"]')
        driver.check(page.locator(f"input[name=to_status][value={status}]"))
        driver.follow(page.locator("main form button[type=submit]"))
    memorandum = MemorandumPage.objects.get(pk=pk)
    assert memorandum.status == "negotiation" and not memorandum.live
    parties = [party.organisation.slug for party in memorandum.parties.all()]
    assert parties == [slug for slug, _roles in NEW["parties"]]
    assert memorandum.parties.first().role_az == "Rusiya tərəfi"

    action_menu(driver, page, "button[name=action-submit]")
    assert MemorandumPage.objects.get(pk=pk).workflow_in_progress
    log_out(driver, demo_site)

    # The approver finds it on the dashboard and approves: it is published.
    log_in(driver, demo_site, admin_in("approver", admin_language))
    driver.follow(page.locator(f'main a[href="/admin/pages/{pk}/edit/"]'))
    action_menu(
        driver,
        page,
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])",
    )
    assert MemorandumPage.objects.get(pk=pk).live
    # Back on the dashboard, without a "no permission" greeting.
    assert page.url == f"{demo_site}/admin/"
    assert page.locator(".messages .error").count() == 0

    # On the public register, in every language.
    for code, register in (("ru", "memorandumy"), ("az", "memorandumlar")):
        page.goto(f"{demo_site}/{code}/{register}/")
        titles = page.locator(".register-list .memorandum-card h2 a").all_inner_texts()
        assert NEW["title"][code] in titles
    page.goto(f"{demo_site}/en/memoranda/")
    driver.follow(page.get_by_role("link", name=NEW["title"]["en"]))
    assert page.locator("h1").inner_text() == NEW["title"]["en"]
    text = page.locator("main").inner_text()
    assert "Russian side" in text and "Azerbaijani side" in text
    screenshot(page, f"journey3-memorandum-{admin_language}")
