"""What the feed does besides icalendar: reading pages costs no reverse() per page."""

import gc
from unittest import mock

from django.test import RequestFactory
from django.utils import translation

import pytest

from cooperation.models import VisitPage
from home import calendar as items

from .factories import HomePageFactory  # noqa: F401 (factories module loads first)
from .factories_cooperation import VisitPageFactory
from .fixtures_cooperation import (  # noqa: F401
    agency,
    area,
    azerbaijan,
    events_index,
    meeting,
    ulyanovsk,
    visit,
)
from .fixtures_training import (  # noqa: F401
    programme,
    session,
    trainer,
    training_index,
    venue,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["ru", "az", "en"])
@pytest.mark.parametrize("with_request", [True, False])
def test_feed_urls_are_wagtails_without_a_reverse_per_page(
    site, events_index, visit, meeting, session, language, with_request
):
    for number in range(5):
        VisitPageFactory(parent=events_index, title_en=f"Visit {number}")
    request = (
        RequestFactory().get("/ru/calendar.ics", HTTP_HOST="localhost")
        if with_request
        else None
    )
    with translation.override(language):
        with mock.patch(
            "wagtail.models.pages.reverse", wraps=items.reverse
        ) as per_page:
            found = items.collect(request=request)
        assert per_page.call_count == 0
        by_page = {item.event.uid.split("@")[0]: item.event.url for item in found}
        for page in [*VisitPage.objects.live(), meeting, session]:
            fresh = type(page).objects.get(pk=page.pk)
            if fresh.pk == session.pk:
                # Sessions link to their page on the site's own host.
                url = fresh.get_full_url(request)
            else:
                url = fresh.get_url(request)
                if request is not None:
                    url = request.build_absolute_uri(url)
            assert by_page[str(fresh.uid)] == url


def test_pages_keep_wagtails_url_when_the_serve_view_would_refuse_the_path(
    site, events_index
):
    page = VisitPageFactory(parent=events_index)
    page.url_path = page.url_path + "not a slug/"
    items._quick_urls([page], None)
    assert "get_url_parts" not in page.__dict__


def test_collector_is_paused_while_pages_are_read_and_resumed_after(site, visit):
    seen = []
    original = items._event_pages

    def spy(*args):
        seen.append(gc.isenabled())
        yield from original(*args)

    with mock.patch.object(items, "_event_pages", spy):
        items.collect()
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_paused_by_someone_else_stays_paused(site, visit):
    gc.disable()
    try:
        items.collect()
        assert not gc.isenabled()
    finally:
        gc.enable()
