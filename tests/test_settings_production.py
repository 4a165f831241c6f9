"""Production settings: everything from the environment, secure by default."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PRINT_SETTINGS = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps({
    "debug": settings.DEBUG,
    "session_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_secure": settings.CSRF_COOKIE_SECURE,
    "hsts": settings.SECURE_HSTS_SECONDS,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
    "cache": settings.CACHES["default"]["BACKEND"],
    "engine": settings.DATABASES["default"]["ENGINE"],
    "hosts": settings.ALLOWED_HOSTS,
}))
"""

BASE_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "x" * 60,
    "DJANGO_ALLOWED_HOSTS": "coop.example.org,www.coop.example.org",
    "DATABASE_URL": "postgres://coop@db.example.org:5432/coop",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run_settings(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "missing",
    ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"],
)
def test_production_refuses_to_start_without_required_settings(missing):
    env = {k: v for k, v in BASE_ENV.items() if k != missing}
    result = run_settings(env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_settings_are_secure_and_read_the_environment():
    result = run_settings(BASE_ENV)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values == {
        "debug": False,
        "session_secure": True,
        "csrf_secure": True,
        "hsts": 31536000,
        "ssl_redirect": True,
        "cache": "django.core.cache.backends.redis.RedisCache",
        "engine": "django.db.backends.postgresql",
        "hosts": ["coop.example.org", "www.coop.example.org"],
    }


def redis_url() -> str | None:
    url = os.environ.get("REDIS_TEST_URL") or "redis://127.0.0.1:6379/15"
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return None
    return url


def test_redis_cache_round_trip():
    url = redis_url()
    if url is None:
        pytest.skip(
            "no Redis answers on 127.0.0.1:6379; the production cache is not tested here"
        )
    from django.core.cache.backends.redis import RedisCache

    cache = RedisCache(url, {"KEY_PREFIX": "coop-test"})
    cache.set("greeting", "salam", 30)
    assert cache.get("greeting") == "salam"
    cache.delete("greeting")
