"""Security headers: public pages may be cached and carry a CSP; private ones may not."""

# Fixtures are imported by name, so pytest sees them; ruff takes them for redefinitions.
# ruff: noqa: F401, F811
import pytest

from .fixtures_security import client_for, world

pytestmark = pytest.mark.django_db


def test_public_pages_send_the_security_headers_and_may_be_cached(world):
    response = client_for(world, "anonymous").get("/ru/")
    assert response.status_code == 200
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "private" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("role", ["trainer", "staff", "superuser"])
def test_signed_in_and_admin_responses_are_never_stored(world, role):
    client = client_for(world, role)
    for url in ("/admin/", "/ru/", world.session_a.get_url(), "/ru/calendar.ics"):
        response = client.get(url)
        cache_control = response.get("Cache-Control", "")
        assert "private" in cache_control and "no-store" in cache_control, url
        assert "public" not in cache_control, url
        assert "Expires" not in response, url


def test_the_admin_login_page_is_not_stored(world):
    response = client_for(world, "anonymous").get("/admin/login/")
    assert "no-store" in response["Cache-Control"]
