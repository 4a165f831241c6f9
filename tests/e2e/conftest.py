"""Browser tests: Debian's Chromium driven by playwright against a live server."""

import os
import shutil
import threading
from pathlib import Path

from django.core.management import call_command

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "e2e"
# Without these flags Chromium keeps calling home, which this machine's closed
# network refuses many times a second.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.e2e


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}; `make e2e` installs Debian's package")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # tests make around it are ordinary synchronous ones.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def one_request_at_a_time(live_server):
    """Serve one request at a time when the server shares the tests' SQLite.

    With an in-memory SQLite database every request thread of the live server
    uses the one connection of the test thread, and so one transaction state:
    two requests at once (the editor's autosave or session ping next to a form
    submission) break each other's transactions and roll back each other's
    work. PostgreSQL (DATABASE_URL) gives each thread its own connection.
    """
    if live_server.thread.connections_override:
        httpd = live_server.thread.httpd
        app = httpd.get_app()
        lock = threading.Lock()

        def serialised(environ, start_response):
            with lock:
                response = app(environ, start_response)
                try:
                    # Streamed bodies may still read the database.
                    return [b"".join(response)]
                finally:
                    if hasattr(response, "close"):
                        response.close()

        httpd.set_app(serialised)
    return live_server


@pytest.fixture
def demo_site(one_request_at_a_time):
    """A live server holding the demo content; returns its base URL."""
    call_command("seed_demo", verbosity=0)
    return one_request_at_a_time.url


@pytest.fixture
def page(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, bypass_csp=True, locale="ru-RU"
    )
    tab = context.new_page()
    yield tab
    context.close()


def screenshot(tab, name: str) -> Path:
    """Save a full-page screenshot of the journey's last page for the README."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path
