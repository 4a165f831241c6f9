"""Send the e-mails to registrants that the mail server refused earlier."""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from training.outbox import deliver_pending


class Command(BaseCommand):
    """Send every pending e-mail once; safe to run as often as you like."""

    help = "Send e-mails to registrants that could not be sent when they were written."

    def handle(self, *args, **options) -> None:
        sent, pending = deliver_pending(now=timezone.now())
        self.stdout.write(
            self.style.SUCCESS(
                _("E-mails to registrants sent: %(sent)d; still pending: %(pending)d.")
                % {"sent": sent, "pending": pending}
            )
        )
