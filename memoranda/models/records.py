"""What happened to memoranda: status transitions and reminders sent."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .choices import MemorandumStatus
from .memorandum import MemorandumPage


class MemorandumTransition(models.Model):
    """One change of a memorandum's status: from, to, who, when and why."""

    memorandum = models.ForeignKey(
        MemorandumPage,
        verbose_name=_("memorandum"),
        on_delete=models.CASCADE,
        related_name="transitions",
    )
    from_status = models.CharField(
        pgettext_lazy("status change", "from"),
        max_length=24,
        choices=MemorandumStatus.choices,
    )
    to_status = models.CharField(
        pgettext_lazy("status change", "to"),
        max_length=24,
        choices=MemorandumStatus.choices,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("recorded at"), default=timezone.now)
    effective_on = models.DateField(
        _("effective on"),
        null=True,
        blank=True,
        help_text=_("The day the change took effect, e.g. the day of signing."),
    )
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class ReminderLog(models.Model):
    """A reminder that has been sent, so that the daily run never repeats it."""

    class Kind(models.TextChoices):
        EXPIRY_90 = "expiry_90", _("expires within 90 days")
        EXPIRY_30 = "expiry_30", _("expires within 30 days")
        NOTICE_60 = "notice_60", _("notice deadline within 60 days")
        COMMITMENT_DUE = "commitment_due", _("commitment due within 14 days")
        COMMITMENT_OVERDUE = "commitment_overdue", _("commitment overdue")

    memorandum = models.ForeignKey(
        MemorandumPage,
        verbose_name=_("memorandum"),
        on_delete=models.CASCADE,
        related_name="reminders_sent",
    )
    # The memorandum's or the commitment's uid: commitments of a draft exist only
    # in its revision, so they have no row to point at yet.
    subject_uid = models.UUIDField(_("memorandum or commitment"))
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    due_on = models.DateField(_("due date"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["subject_uid", "kind", "due_on", "recipient"],
                name="memoranda_reminder_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.due_on}"
