"""Refuse admin sign-in for a while after repeated failures for one name from one address.

Failures are counted in the cache (Redis in production, so every worker sees
them) through Django's `user_login_failed` signal; the admin's login form
refuses a throttled name and address before it checks the password at all.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.translation import ngettext

from wagtail.admin.forms.auth import LoginForm


def client_address(request: HttpRequest | None) -> str:
    """Return the address the request came from, as the server saw it."""
    # Not X-Forwarded-For: a client could send any value there and so never be
    # throttled. Behind a proxy, the proxy must set REMOTE_ADDR.
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


def _key(username: str, address: str) -> str:
    name = username.strip().casefold()
    digest = hashlib.sha256(f"{name}\x00{address}".encode()).hexdigest()
    return f"login-failures:{digest}"


def failure_count(username: str, address: str) -> int:
    """Return how many failures this name and address have in the current window."""
    return cache.get(_key(username, address), 0)


def is_throttled(username: str, address: str) -> bool:
    """Return whether sign-in for this name from this address is refused for now."""
    return failure_count(username, address) >= settings.LOGIN_THROTTLE_FAILURES


def record_failure(username: str, address: str) -> int:
    """Count one failure; the window starts with the first one. Return the count."""
    key = _key(username, address)
    cache.add(key, 0, settings.LOGIN_THROTTLE_MINUTES * 60)
    try:
        return cache.incr(key)
    except ValueError:
        # The key expired between add and incr.
        cache.set(key, 1, settings.LOGIN_THROTTLE_MINUTES * 60)
        return 1


def forget_failures(username: str, address: str) -> None:
    """Forget the failures once the user has signed in."""
    cache.delete(_key(username, address))


@receiver(user_login_failed, dispatch_uid="config.login_throttle.count_failure")
def count_failure(sender, credentials: dict, request=None, **kwargs) -> None:
    username = credentials.get("username") or ""
    if username:
        record_failure(username, client_address(request))


class ThrottledLoginForm(LoginForm):
    """Wagtail's login form that refuses a name and address after repeated failures."""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        address = client_address(self.request)
        if username and is_throttled(username, address):
            minutes = settings.LOGIN_THROTTLE_MINUTES
            raise ValidationError(
                ngettext(
                    "Too many failed attempts to sign in. Try again in %(minutes)d "
                    "minute.",
                    "Too many failed attempts to sign in. Try again in %(minutes)d "
                    "minutes.",
                    minutes,
                )
                % {"minutes": minutes},
                code="throttled",
            )
        cleaned = super().clean()
        if username:
            forget_failures(username, address)
        return cleaned
