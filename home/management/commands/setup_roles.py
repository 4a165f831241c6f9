"""Attach the roles to the section pages and collections; optionally add demo users."""

import os

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from home import roles


class Command(BaseCommand):
    """Give the groups their page, collection and workflow settings (idempotent)."""

    help = (
        "Create or complete the roles: groups, page and collection permissions, the "
        "moderation workflow. --demo-users adds one login per role."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--demo-users",
            action="store_true",
            help=(
                "Also create the logins staff, trainer, editor and approver (password "
                "from DJANGO_DEMO_PASSWORD, else generated and printed once)."
            ),
        )

    def handle(self, *args, demo_users: bool = False, **options) -> None:
        verbose = options.get("verbosity", 1) >= 1
        report = self.report if verbose else roles._quiet
        created = roles.setup(
            demo_users=demo_users,
            password=os.environ.get("DJANGO_DEMO_PASSWORD") or None,
            report=report,
        )
        for user in created:
            if user.password:
                # Shown once: the account keeps it until someone changes it.
                self.stdout.write(
                    _("Password of “%(user)s”: %(password)s")
                    % {"user": user.username, "password": user.password}
                )
        if verbose:
            self.stdout.write(self.style.SUCCESS(_("Roles are in place.")))

    def report(self, message: str) -> None:
        """Say what was added."""
        self.stdout.write(f"  + {message}")
