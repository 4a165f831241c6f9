"""E-mail the responsible staff about memoranda deadlines (daily, idempotent)."""

import datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from memoranda.services import send_reminders


class Command(BaseCommand):
    """Send each reminder once: expiries in 90 and 30 days, notices, commitments."""

    help = (
        "E-mail responsible staff about memoranda expiring within 90 and 30 days, "
        "notice deadlines within 60 days and commitments overdue or due within 14 "
        "days. Safe to run daily: a reminder is never sent twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            metavar="YYYY-MM-DD",
            help="Pretend it is this day (default: today in the site's time zone).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List what would be sent; send and record nothing.",
        )

    def handle(self, *args, today: str | None = None, dry_run: bool = False, **options):
        day = self._day(today)
        run = send_reminders(today=day, dry_run=dry_run)
        for line in run.lines:
            self.stdout.write(f"  {line}")
        if dry_run:
            message = _("Dry run for %(day)s: %(items)d reminders would be sent.") % {
                "day": day.isoformat(),
                "items": run.items,
            }
        else:
            message = _(
                "%(day)s: %(emails)d e-mails with %(items)d reminders sent; "
                "%(skipped)d sent before."
            ) % {
                "day": day.isoformat(),
                "emails": run.emails,
                "items": run.items,
                "skipped": run.skipped,
            }
        self.stdout.write(self.style.SUCCESS(message))

    def _day(self, value: str | None) -> datetime.date:
        if not value:
            return timezone.localdate()
        try:
            return datetime.date.fromisoformat(value)
        except ValueError as error:
            raise CommandError(
                _("--today must be a date written as YYYY-MM-DD.")
            ) from error
