"""E-mails to registrants: written with the change that causes them, sent after.

A message is rendered inside the transaction that changes the registration (its
status, waiting-list place and slots read under the session lock) and stored as
a pending RegistrationEmail. Sending after the commit needs no database; when
the mail server fails, the row stays pending and `training_send_emails` (also
run by `training_reminders`) sends it later.
"""

import datetime
import logging
import smtplib
from collections.abc import Iterable

from django.db import DatabaseError, transaction
from django.db.models import F, Q, prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import translation

from .emails import cancel_url, session_ics, session_url
from .models import Registration, TrainingSessionPage
from .models.registrations import RegistrationEmail

logger = logging.getLogger(__name__)
Kind = RegistrationEmail.Kind
# A message younger than this may still be in its request's hands: the batch
# job leaves it alone unless that request has already failed to send it.
GRACE = datetime.timedelta(minutes=10)
# Failures of the server itself, not of one message: the next message would
# wait for the same timeout.
SERVER_DOWN = (
    ConnectionError,
    TimeoutError,
    smtplib.SMTPConnectError,
    smtplib.SMTPServerDisconnected,
)


def compose(
    registration: Registration,
    kind: str,
    *,
    now: datetime.datetime,
    session: TrainingSessionPage | None = None,
) -> RegistrationEmail:
    """Return the unsaved e-mail of a kind to a registrant, in their language."""
    session = session or registration.session
    confirmed = registration.status == Registration.Status.CONFIRMED
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "session": session,
            "slots": session.display_slots(),
            "session_url": session_url(session),
            "cancel_url": cancel_url(registration),
            "confirmed": confirmed,
            "position": registration.waitlist_position(),
            # The joining link goes only to people who hold a seat.
            "online_link": session.online_link if confirmed and session.online else "",
        }
        subject = render_to_string(f"training/emails/{kind}_subject.txt", context)
        body = render_to_string(f"training/emails/{kind}.txt", context)
    attach = confirmed or kind in (Kind.PROMOTION, Kind.REMINDER)
    method = "CANCEL" if session.is_cancelled else "REQUEST"
    return RegistrationEmail(
        registration=registration,
        kind=kind,
        to=registration.email,
        subject=" ".join(subject.split()),
        body=body,
        ics=session_ics(session, registration, method).decode() if attach else "",
        ics_method=method if attach else "",
        created_at=now,
    )


def compose_all(
    registrations: Iterable[Registration],
    kind: str,
    *,
    now: datetime.datetime,
    session: TrainingSessionPage,
) -> list[RegistrationEmail]:
    """Return the unsaved e-mails of a kind to registrants of one session."""
    # Every message shows the same slots and trainers: read once, not per person.
    prefetch_related_objects([session], "slots", "trainers__person")
    return [compose(r, kind, now=now, session=session) for r in registrations]


def queue(emails: Iterable[RegistrationEmail]) -> list[RegistrationEmail]:
    """Store e-mails as pending; call inside the transaction that caused them."""
    # bulk_create sends no post_save: a registrant's e-mail changes no public
    # page, so it must not empty the anonymous page cache.
    return RegistrationEmail.objects.bulk_create(list(emails))


def deliver(emails: Iterable[RegistrationEmail], *, now: datetime.datetime) -> int:
    """Send stored e-mails after their commit; return how many went out."""
    emails = list(emails)
    sent = 0
    for index, email in enumerate(emails):
        error = _send(email, now=now)
        if error is None:
            sent += 1
        elif isinstance(error, SERVER_DOWN):
            # The batch job sends the rest; this request would only wait longer.
            _record(
                [rest.pk for rest in emails[index + 1 :]],
                last_error=repr(error)[:300],
                attempts=F("attempts") + 1,
            )
            break
    return sent


def _send(email: RegistrationEmail, *, now: datetime.datetime) -> OSError | None:
    """Send one e-mail and record the outcome; return the error if it failed."""
    try:
        email.message().send()
    except OSError as error:  # smtplib's errors are OSErrors too
        logger.warning(
            "E-mail %s to registration %s not sent, left pending: %r",
            email.pk,
            email.registration_id,
            error,
        )
        _record([email.pk], last_error=repr(error)[:300], attempts=F("attempts") + 1)
        return error
    _record([email.pk], sent_at=now, last_error="")
    return None


def _record(pks: list[int], **changes) -> None:
    if not pks:
        return
    try:
        with transaction.atomic():
            RegistrationEmail.objects.filter(pk__in=pks).update(**changes)
    except DatabaseError:
        # The database went away after the commit: a sent message may be sent
        # again by the batch job, which is better than one never sent.
        logger.exception("Could not record the outcome of e-mails %s", pks)


def retry(registration: Registration, *, now: datetime.datetime) -> int:
    """Send again what failed to reach a registrant; return how many went out."""
    failed = registration.emails.filter(sent_at__isnull=True, attempts__gt=0)
    pks = failed.values_list("pk", flat=True)
    return sum(_send_locked(pk, now=now) is True for pk in pks)


def deliver_pending(*, now: datetime.datetime) -> tuple[int, int]:
    """Send every pending e-mail once; return (sent, still pending)."""
    candidates = (
        RegistrationEmail.objects.filter(sent_at__isnull=True)
        .filter(Q(attempts__gt=0) | Q(created_at__lte=now - GRACE))
        .values_list("pk", flat=True)
    )
    sent = 0
    for pk in list(candidates):
        outcome = _send_locked(pk, now=now)
        if outcome is True:
            sent += 1
        elif isinstance(outcome, SERVER_DOWN):
            # The rest would only wait for the same timeout; the next run sends them.
            break
    pending = RegistrationEmail.objects.filter(sent_at__isnull=True).count()
    return sent, pending


def _send_locked(pk: int, *, now: datetime.datetime) -> bool | OSError:
    """Send a pending e-mail; return True, False when not ours to send, or the error."""
    with transaction.atomic():
        # A parallel run skips what this one holds, so nothing goes twice.
        email = (
            RegistrationEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=pk, sent_at__isnull=True)
            .first()
        )
        if email is None:
            return False
        error = _send(email, now=now)
        return True if error is None else error
