"""The content version moves again when a change commits, and never goes back."""

from django.core.cache import cache
from django.db import transaction

from config import page_cache


def test_content_kept_during_an_open_transaction_is_dropped_on_commit(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        page_cache.invalidate()
        # A reader between the change and its commit still sees old rows
        # and keeps them under the version the change has just made.
        page_cache._request_version.set(None)
        page_cache.until_changed("figure", lambda: "old rows")
    page_cache._request_version.set(None)
    assert page_cache.until_changed("figure", lambda: "new rows") == "new rows"


def test_a_lost_version_starts_above_every_earlier_one(db):
    page_cache._request_version.set(None)
    before = page_cache.content_version()
    page_cache.until_changed("figure", lambda: "kept")
    cache.delete(page_cache.VERSION_KEY)
    after = page_cache.content_version()
    assert after > before
    assert page_cache.until_changed("figure", lambda: "fresh") == "fresh"
