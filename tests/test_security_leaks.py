"""Anonymous readers: no draft, restricted page, confidential document, internal note
or personal data in any public output, in any language; restricted responses are
not cacheable."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
from django.test import override_settings
from django.utils import translation

from wagtail.models import PageViewRestriction

import pytest

from .factories import NewsPageFactory
from .fixtures_security import ALL_SECRETS, client_for, readable, world

pytestmark = pytest.mark.django_db

LANGUAGES = ("ru", "az", "en")
PUBLIC_SECRETS = (*ALL_SECRETS, "SECRETRESTRICTED", "SECRETLINK", "secretcitizen")


@pytest.fixture
def public_world(world):
    """The secrets world plus a restricted article and a private joining link."""
    restricted = NewsPageFactory(
        parent=world.news_index,
        title="SECRETRESTRICTED",
        title_ru="SECRETRESTRICTED",
        title_az="SECRETRESTRICTED",
        title_en="SECRETRESTRICTED",
        lead_ru="Ограниченный доступ",
    )
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.LOGIN
    )
    session = world.session_a
    session.online = True
    session.online_link = "https://meet.example.org/SECRETLINK"
    session.save_revision().publish()
    world.submission.email = "secretcitizen@example.org"
    world.submission.save()
    world.restricted = restricted
    return world


def public_urls(w, language: str) -> list[str]:
    """Every public output a visitor or a crawler can ask for."""
    api = f"/{language}/api/v2/pages/"
    urls = [
        "/",
        f"/{language}/",
        f"/{language}/search/?q=SECRET",
        f"/{language}/search/?q=secret",
        f"/{language}/feeds/news/rss/",
        f"/{language}/feeds/news/atom/",
        f"/{language}/calendar.ics",
        f"/{language}/calendar.ics?kind=memorandum",
        f"/{language}/calendar.ics?kind=session",
        f"/{language}/calendar/private/not-a-token.ics",
        "/sitemap.xml",
        "/robots.txt",
        f"{api}?limit=20",
        f"{api}?fields=*&limit=20",
        f"{api}?search=SECRET",
        f"{api}?type=memoranda.MemorandumPage&fields=*",
        f"{api}?type=training.TrainingSessionPage&fields=*",
        f"{api}?type=cooperation.VisitPage&fields=*",
        f"{api}?type=cooperation.HearingPage&fields=*",
        f"{api}{w.draft.pk}/",
        f"{api}{w.published.pk}/?fields=*",
        f"{api}{w.news_draft.pk}/",
        f"{api}{w.restricted.pk}/",
        w.document.url,
        f"/{language}/calendar/event/{w.draft.uid}-signed.ics",
        f"/{language}/not-a-page/",
    ]
    with translation.override(language):
        pages = [
            page.specific.get_url()
            for page in (
                w.news_index,
                w.memoranda_index,
                w.published,
                w.events,
                w.visit,
                w.hearing,
                w.training,
                w.programme,
                w.session_a,
                w.session_b,
                w.draft,
                w.news_draft,
                w.restricted,
            )
        ]
        register = w.memoranda_index.specific.get_url()
        trainer = w.training.specific.get_url()
    urls += [url for url in pages if url]
    urls += [f"{register}?format=csv", f"{register}?format=json"]
    urls.append(f"{trainer}trainers/{w.trainer_a.slug}/")
    return urls


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_public_output_shows_a_secret(public_world, language):
    client = client_for(public_world, "anonymous")
    problems = []
    for url in public_urls(public_world, language):
        response = client.get(url)
        body = readable(response)
        found = [secret for secret in PUBLIC_SECRETS if secret in body]
        if found:
            problems.append(f"{url}: {response.status_code} shows {found}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_live_page_of_the_leak_test_answers(public_world, language):
    w = public_world
    client = client_for(w, "anonymous")
    live = (w.news_index, w.memoranda_index, w.published, w.events, w.visit)
    live += (w.hearing, w.training, w.programme, w.session_a, w.session_b)
    with translation.override(language):
        urls = [page.specific.get_url() for page in live]
    for url in urls:
        assert client.get(url).status_code == 200, url
    api = client.get(f"/{language}/api/v2/pages/?fields=*&limit=20")
    assert api.status_code == 200


def test_the_public_outputs_answer_and_list_what_is_public(public_world):
    client = client_for(public_world, "anonymous")
    register = public_world.memoranda_index.get_url()
    assert "Open memorandum" in readable(client.get(register))
    assert "Open memorandum" in readable(client.get(f"{register}?format=csv"))
    assert public_world.visit.title in readable(client.get("/ru/search/?q=Визит"))
    assert client.get(public_world.session_a.get_url()).status_code == 200
    assert b"<urlset" in client.get("/sitemap.xml").content


def test_drafts_restricted_pages_and_confidential_documents_are_refused(public_world):
    client = client_for(public_world, "anonymous")
    for page in (public_world.draft, public_world.news_draft):
        assert client.get(page.get_url() or "/ru/x/").status_code == 404
    response = client.get(public_world.restricted.get_url())
    assert response.status_code == 302 and "/login/" in response["Location"]
    response = client.get(public_world.document.url)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_restricted_responses_are_not_cacheable(public_world):
    anonymous = client_for(public_world, "anonymous")
    response = anonymous.get(public_world.restricted.get_url())
    assert "no-store" in response["Cache-Control"]
    staff = client_for(public_world, "staff")
    for url in (public_world.restricted.get_url(), public_world.document.url, "/ru/"):
        response = staff.get(url)
        assert response.status_code == 200, url
        cache_control = response["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, url
        assert "public" not in cache_control, url


@override_settings(PAGE_CACHE_SECONDS=300)
def test_the_anonymous_page_cache_never_stores_a_restricted_or_signed_in_page(
    public_world,
):
    restricted = public_world.restricted.get_url()
    staff = client_for(public_world, "staff")
    assert "SECRETRESTRICTED" in readable(staff.get(restricted))
    # Read by staff first, then by an anonymous visitor without cookies.
    anonymous = client_for(public_world, "anonymous")
    response = anonymous.get(restricted)
    assert response.status_code == 302
    assert "X-Page-Cache" not in response
    assert "SECRETRESTRICTED" not in readable(response)
    # A page a signed-in user saw is not what the next visitor gets from the cache.
    staff.get("/ru/")
    first = anonymous.get("/ru/")
    assert first["X-Page-Cache"] == "miss"
    assert anonymous.get("/ru/")["X-Page-Cache"] == "hit"
