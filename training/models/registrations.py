"""Registrations of members of the public for training sessions."""

import secrets
from email.mime.text import MIMEText

from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from config import page_cache

from .fields import LANGUAGE_CHOICES


def new_cancel_token() -> str:
    return secrets.token_urlsafe(24)


def _ahead_of(created_at, pk) -> Q:
    # The waiting list's order: registered earlier, or at once with a lower key.
    return Q(created_at__lt=created_at) | Q(created_at=created_at, pk__lt=pk)


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=Registration.Status.WAITLISTED).order_by(
            "created_at", "pk"
        )

    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def with_waitlist_places(self):
        """Annotate how many wait ahead of each registration: a listing's places."""
        ahead = (
            Registration.objects.waitlisted()
            .filter(_ahead_of(OuterRef("created_at"), OuterRef("pk")))
            .filter(session=OuterRef("session"))
            .order_by()
            .values("session")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(waitlist_ahead=Coalesce(Subquery(ahead), 0))

    def visible_to(self, user):
        """Return the registrations a user may see: all, or their own sessions'."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser or user.has_perm("training.view_all_registrations"):
            return self
        # A trainer's sessions: those they teach and those they created.
        return self.filter(
            Q(session__trainers__user=user) | Q(session__owner=user)
        ).distinct()


class Registration(models.Model):
    """A person's registration for a session, confirmed or on the waiting list."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", pgettext_lazy("registration", "cancelled")

    session = models.ForeignKey(
        "training.TrainingSessionPage",
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=2, choices=LANGUAGE_CHOICES, default="ru"
    )
    consent_at = models.DateTimeField(_("consent to data processing given"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.CONFIRMED
    )
    cancel_token = models.CharField(
        max_length=64, unique=True, default=new_cancel_token, editable=False
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    promoted_at = models.DateTimeField(_("promoted from the waiting list"), null=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                models.F("session"),
                Lower("email"),
                condition=~Q(status="cancelled"),
                name="training_registration_one_active_per_email",
                violation_error_message=_(
                    "This e-mail address is already registered for this session."
                ),
            )
        ]
        permissions = [
            ("view_all_registrations", _("Can view registrations of every session"))
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.session}"

    def waitlist_position(self) -> int | None:
        """Return the 1-based place on the waiting list, or None when not on it."""
        # The registrant's own status and place change with every promotion.
        page_cache.shows_live_figures()
        if self.status != self.Status.WAITLISTED:
            return None
        # Listings annotate it (with_waitlist_places()); one registration counts.
        ahead = getattr(self, "waitlist_ahead", None)
        if ahead is None:
            ahead = (
                Registration.objects.waitlisted()
                .filter(session_id=self.session_id)
                .filter(_ahead_of(self.created_at, self.pk))
                .count()
            )
        return ahead + 1

    waitlist_position.short_description = _("place on the waiting list")

    def attendance_label(self) -> str:
        if self.attended is None:
            return str(_("not recorded"))
        return str(_("attended") if self.attended else _("no-show"))

    attendance_label.short_description = _("attendance")

    def email_pending(self) -> bool:
        """Return whether an e-mail to this person is still waiting to be sent."""
        # Sending catches up in the background; the result page must say so now.
        page_cache.shows_live_figures()
        return self.emails.filter(sent_at__isnull=True).exists()


class RegistrationEmail(models.Model):
    """An e-mail to a registrant, written when its cause was saved, sent after."""

    class Kind(models.TextChoices):
        REGISTRATION = "registration", _("registration")
        PROMOTION = "promotion", _("seat from the waiting list")
        STATUS = "status", _("session status")
        REMINDER = "reminder", _("reminder")

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="emails",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    to = models.EmailField(_("e-mail"), max_length=254)
    subject = models.TextField(_("subject"))
    body = models.TextField(_("text"))
    ics = models.TextField(blank=True)
    ics_method = models.CharField(max_length=8, blank=True)
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("e-mail to a registrant")
        verbose_name_plural = _("e-mails to registrants")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(sent_at__isnull=True),
                name="training_email_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.registration_id}"

    def message(self) -> EmailMultiAlternatives:
        """Return the message as written, without reading the database."""
        message = EmailMultiAlternatives(self.subject, self.body, to=[self.to])
        if self.ics:
            part = MIMEText(self.ics, "calendar", "utf-8")
            part.set_param("method", self.ics_method)
            part.add_header("Content-Disposition", "attachment", filename="session.ics")
            message.attach(part)
        return message


class SessionStatusNotice(models.Model):
    """A record that participants were told of a session's new status."""

    session = models.ForeignKey(
        "training.TrainingSessionPage",
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="status_notices",
    )
    status = models.CharField(_("status"), max_length=12)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("status notice")
        verbose_name_plural = _("status notices")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.session} – {self.status}"
