"""Drive a page with the mouse or with the keyboard alone, with the same steps.

A journey written against `Driver` runs twice: once clicking, once reaching every
control with Tab and using it with Enter, Space and typing, which proves that the
journey needs no mouse and that the focused control is always visible.
"""

from django.contrib.auth import get_user_model

TAB_LIMIT = 600
PASSWORD = "E2e-journeys-2026"  # noqa: S105 (a test login on a throwaway database)

# The focus must show: an outline or a ring (box-shadow) on the focused element.
FOCUS_VISIBLE = """el => {
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return ring || (style.boxShadow && style.boxShadow !== 'none');
}"""


class Driver:
    """Click, fill, check and choose; with `keyboard=True` without the mouse."""

    def __init__(self, page, *, keyboard: bool) -> None:
        self.page = page
        self.keyboard = keyboard

    def focus(self, locator) -> None:
        """Press Tab until `locator` has the focus, and check the focus shows."""
        locator.wait_for(state="visible")
        for _ in range(TAB_LIMIT):
            if locator.evaluate("el => el === document.activeElement"):
                assert locator.evaluate(FOCUS_VISIBLE), (
                    f"focus is not visible on {locator}"
                )
                return
            self.page.keyboard.press("Tab")
        raise AssertionError(f"{locator} cannot be reached with Tab")

    def click(self, locator) -> None:
        locator = locator.first if hasattr(locator, "first") else locator
        if not self.keyboard:
            locator.click()
            return
        self.focus(locator)
        self.page.keyboard.press("Enter")

    def select_tab(self, tab) -> None:
        """Open a tab of a tab list (only the open tab takes Tab; arrows move)."""
        if not self.keyboard:
            tab.click()
            return
        tablist = tab.locator("xpath=ancestor::*[@role='tablist'][1]")
        self.focus(tablist.locator("[role=tab][aria-selected=true]"))
        for _ in range(tablist.locator("[role=tab]").count()):
            if tab.get_attribute("aria-selected") == "true":
                break
            self.page.keyboard.press("ArrowRight")
            self.page.wait_for_timeout(50)
        assert tab.get_attribute("aria-selected") == "true"

    def fill(self, locator, text: str) -> None:
        if not self.keyboard:
            locator.fill(text)
            return
        self.focus(locator)
        self.page.keyboard.press("Control+A")
        self.page.keyboard.press("Delete")
        self.page.keyboard.type(text)

    def check(self, locator) -> None:
        if not self.keyboard:
            locator.check()
            return
        self.focus(locator)
        if not locator.is_checked():
            self.page.keyboard.press("Space")
        assert locator.is_checked()

    def choose(self, locator, label: str) -> None:
        """Pick the option of a <select> whose text is `label`."""
        if not self.keyboard:
            locator.select_option(label=label)
            return
        self.focus(locator)
        options = locator.evaluate("el => Array.from(el.options).map(o => o.text)")
        target = options.index(label)
        # Arrow keys move the selection of a closed <select> in Chromium.
        current = locator.evaluate("el => el.selectedIndex")
        key = "ArrowDown" if target > current else "ArrowUp"
        for _ in range(abs(target - current)):
            self.page.keyboard.press(key)
        assert locator.evaluate("el => el.options[el.selectedIndex].text") == label

    def follow(self, locator) -> None:
        """Click a link or a submit button and wait for the page it leads to."""
        with self.page.expect_navigation():
            self.click(locator)

    def save(self) -> None:
        """Save the page in the editor (a draft) and wait for the editor to reload."""
        self.follow(self.page.locator("footer button.action-save"))


def make_login(username: str, *, superuser: bool = False) -> str:
    """Give a (demo) user a known password, creating a superuser if asked."""
    users = get_user_model()
    user = users.objects.filter(username=username).first()
    if user is None:
        user = (
            users.objects.create_superuser(
                username, f"{username}@example.org", PASSWORD
            )
            if superuser
            else users.objects.create_user(username, f"{username}@example.org")
        )
    user.set_password(PASSWORD)
    user.save()
    return username


def admin_in(username: str, language: str) -> str:
    """Give a demo login a known password and an admin language."""
    from wagtail.users.models import UserProfile

    make_login(username)
    profile = UserProfile.get_for_user(get_user_model().objects.get(username=username))
    profile.preferred_language = language
    profile.save()
    return username


def log_in(driver: Driver, base_url: str, username: str) -> None:
    """Sign in to the admin the way a person does."""
    page = driver.page
    page.goto(f"{base_url}/admin/login/")
    driver.fill(page.locator("#id_username"), username)
    driver.fill(page.locator("#id_password"), PASSWORD)
    with page.expect_navigation():
        if driver.keyboard:
            page.keyboard.press("Enter")
        else:
            page.locator("form button[type=submit]").click()
    assert "/admin/login/" not in page.url, "login failed"


def log_out(driver: Driver, base_url: str) -> None:
    """Sign out through the account menu."""
    page = driver.page
    driver.click(page.locator(".sidebar-footer button[aria-haspopup]").first)
    driver.follow(page.locator("form[action$='/admin/logout/'] button"))


def point_site_at(base_url: str) -> None:
    """Make the default site's own address the live server's.

    Feeds and calendars link with absolute addresses built from the site's
    hostname and port (in production, its public address).
    """
    from urllib.parse import urlsplit

    from django.core.cache import cache

    from wagtail.models import Site

    address = urlsplit(base_url)
    Site.objects.filter(is_default_site=True).update(
        hostname=address.hostname, port=address.port
    )
    cache.clear()
