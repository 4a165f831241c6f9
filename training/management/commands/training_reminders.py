"""E-mail confirmed participants two days before their session."""

import datetime

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from training.services import send_due_reminders


class Command(BaseCommand):
    """Send the reminders due today; safe to run more than once a day."""

    help = "E-mail confirmed participants whose session starts in two days."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            metavar="YYYY-MM-DD",
            help="Act as if today were this date (default: today in TIME_ZONE).",
        )

    def handle(self, *args, today: str | None = None, **options) -> None:
        if today:
            try:
                day = datetime.date.fromisoformat(today)
            except ValueError as error:
                raise CommandError(
                    _("--today must be a date written as YYYY-MM-DD.")
                ) from error
        else:
            day = timezone.localdate()
        sent = send_due_reminders(today=day, now=timezone.now())
        self.stdout.write(
            self.style.SUCCESS(
                _("Training reminders sent: %(count)d.") % {"count": sent}
            )
        )
        # The daily job also catches up with e-mails the mail server refused.
        call_command("training_send_emails", stdout=self.stdout)
