"""Sign-in: repeated failures are throttled; production cookies and headers are secure."""

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

import pytest
from freezegun import freeze_time

from config import login_throttle

ROOT = Path(__file__).resolve().parent.parent
LOGIN = "/admin/login/"
REFUSED = "Too many failed attempts to sign in."


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser(
        "deptstaff", "deptstaff@example.org", "right-password-1"
    )


def sign_in(client, password: str, *, username="deptstaff", address="10.0.0.1"):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def fail(client, times: int, **kwargs) -> None:
    for _ in range(times):
        response = sign_in(client, "wrong", **kwargs)
        assert response.status_code == 200
        assert REFUSED not in response.content.decode()


def test_repeated_failures_refuse_even_the_right_password(client, staff):
    fail(client, settings.LOGIN_THROTTLE_FAILURES)
    response = sign_in(client, "right-password-1")
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_throttle_is_per_name_and_address(client, staff):
    fail(client, settings.LOGIN_THROTTLE_FAILURES)
    # The same name from another address, and another name from this address.
    assert sign_in(client, "right-password-1", address="10.0.0.2").status_code == 302
    client.logout()
    get_user_model().objects.create_user("other", password="other-password-1")
    response = sign_in(client, "other-password-1", username="other")
    assert response.status_code == 302


def test_the_name_is_compared_without_case_or_spaces(client, staff):
    fail(client, settings.LOGIN_THROTTLE_FAILURES, username=" DeptStaff ")
    assert login_throttle.is_throttled("deptstaff", "10.0.0.1")


def test_the_throttle_ends_after_the_window(client, staff):
    start = datetime.datetime(2025, 3, 10, 9, 0, tzinfo=datetime.UTC)
    with freeze_time(start) as clock:
        fail(client, settings.LOGIN_THROTTLE_FAILURES)
        assert REFUSED in sign_in(client, "right-password-1").content.decode()
        clock.tick(datetime.timedelta(minutes=settings.LOGIN_THROTTLE_MINUTES + 1))
        assert sign_in(client, "right-password-1").status_code == 302


def test_signing_in_forgets_earlier_failures(client, staff):
    fail(client, settings.LOGIN_THROTTLE_FAILURES - 1)
    assert sign_in(client, "right-password-1").status_code == 302
    assert login_throttle.failure_count("deptstaff", "10.0.0.1") == 0


def test_the_refusal_is_translated(client, staff):
    fail(client, settings.LOGIN_THROTTLE_FAILURES)
    response = client.post(
        LOGIN,
        {"username": "deptstaff", "password": "right-password-1"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Слишком много неудачных попыток входа." in text
    assert REFUSED not in text
    assert "_auth_user_id" not in client.session


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "k" * 30 + "-production-only-" + "q" * 30,
    "DJANGO_ALLOWED_HOSTS": "coop.example.org",
    "DATABASE_URL": "sqlite:////tmp/coop-deploy-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run(args: list[str]) -> subprocess.CompletedProcess:
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_the_deploy_check_passes_without_a_warning():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_cookies_are_secure_and_http_only():
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SAMESITE, "
        "s.SECURE_CONTENT_TYPE_NOSNIFF, s.SECURE_REFERRER_POLICY, s.X_FRAME_OPTIONS]))"
    )
    result = run(["-c", script])
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        True,
        True,
        True,
        "Lax",
        "Lax",
        True,
        "same-origin",
        "DENY",
    ]
