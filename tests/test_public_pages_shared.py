"""One helper says which linked pages a visitor may open, for every page type."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from config import page_cache

from .factories import NewsPageFactory


def test_public_pages_keeps_order_drops_repeats_drafts_and_private(news_index):
    first, second, draft, private = NewsPageFactory.create_batch(4, parent=news_index)
    draft.unpublish()
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    shown = page_cache.public_pages(
        [second.pk, None, first.pk, draft.pk, second.pk, private.pk]
    )

    assert [page.pk for page in shown] == [second.pk, first.pk]


def test_public_pages_are_read_once_per_content_version(news_index):
    first, second = NewsPageFactory.create_batch(2, parent=news_index)
    page_cache.public_pages([first.pk, second.pk])

    with CaptureQueriesContext(connection) as queries:
        again = page_cache.public_pages([second.pk, first.pk])
    assert [page.pk for page in again] == [second.pk, first.pk]
    assert len(queries) == 0

    second.unpublish()
    assert [page.pk for page in page_cache.public_pages([first.pk, second.pk])] == [
        first.pk
    ]
