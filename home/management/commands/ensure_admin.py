"""Create the first administrator account once."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _


class Command(BaseCommand):
    """Create a superuser if none exists; print a random password only once."""

    help = "Create the admin account if there is none (password from DJANGO_SUPERUSER_PASSWORD)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@example.org")

    def handle(self, *args, username: str, email: str, **options) -> None:
        user_model = get_user_model()
        if user_model.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                _(
                    "An administrator account exists already; its password is "
                    "unchanged (reset it with: manage.py changepassword %(username)s)."
                )
                % {"username": username}
            )
            return
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD", "")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        user_model.objects.create_superuser(
            username=username, email=email, password=password
        )
        self.stdout.write(
            self.style.SUCCESS(
                _("Created the administrator account “%(username)s”.")
                % {"username": username}
            )
        )
        if generated:
            self.stdout.write(
                self.style.WARNING(
                    _("Its password, shown only this once: %(password)s")
                    % {"password": password}
                )
            )
        else:
            self.stdout.write(
                _("Its password is the one in DJANGO_SUPERUSER_PASSWORD.")
            )
