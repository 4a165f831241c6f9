"""Rules of joint training: scheduling, registration, waiting list, attendance."""

import datetime
from collections.abc import Iterable, Mapping, Sequence

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from cooperation.models import Organisation
from cooperation.timezones import in_zone

from . import outbox
from .models import (
    Registration,
    SessionStatusNotice,
    Trainer,
    TrainingSessionPage,
)
from .schedule import Slot, first_overlap

CANCEL_SALT = "training.registration.cancel"
Status = TrainingSessionPage.Status


class TrainingError(Exception):
    """A training rule refused an action; every message is translated."""

    def __init__(
        self,
        message: str | None = None,
        *,
        field: str | None = None,
        code: str = "",
        errors: Sequence[tuple[str | None, str]] = (),
    ) -> None:
        self.errors: list[tuple[str | None, str]] = list(errors) or [(field, message)]
        self.code = code
        super().__init__(self.messages)

    @property
    def messages(self) -> list[str]:
        return [str(message) for _field, message in self.errors]

    def __str__(self) -> str:
        return " ".join(self.messages)


def _moment(value: datetime.datetime, time_zone: str) -> str:
    return f"{in_zone(value, time_zone):%d.%m.%Y %H:%M} ({time_zone})"


def _room_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _session_rooms(session: TrainingSessionPage) -> set[str]:
    names = (getattr(session, f"room_{code}", "") for code in ("ru", "az", "en"))
    return {_room_key(name) for name in names if name}


def check_session_plan(
    *,
    session_pk: int | None,
    time_zone: str,
    slots: Sequence[tuple[datetime.date, datetime.time, datetime.time]],
    trainers: Iterable[Trainer],
    venue: Organisation | None,
    rooms: Iterable[str],
    online: bool,
    online_link: str,
    capacity: int,
    room_capacity: int | None,
    opens_at: datetime.datetime,
    closes_at: datetime.datetime,
    status: str,
) -> None:
    """Refuse a session plan that breaks a scheduling rule, naming each conflict."""
    errors: list[tuple[str | None, str]] = []
    planned = []
    for day, start, end in slots:
        slot = Slot(day, start, end, time_zone)
        if slot.end <= slot.start:
            errors.append(
                (
                    None,
                    _(
                        "The slot on %(date)s ends at %(end)s, not after it starts "
                        "at %(start)s."
                    )
                    % {
                        "date": f"{day:%d.%m.%Y}",
                        "start": f"{start:%H:%M}",
                        "end": f"{end:%H:%M}",
                    },
                )
            )
        else:
            planned.append(slot)
    if not slots:
        errors.append((None, _("Add at least one time slot.")))
    if opens_at >= closes_at:
        errors.append(("opens_at", _("Registration must open before it closes.")))
    if planned:
        starts_at = min(slot.start for slot in planned)
        if closes_at > starts_at:
            errors.append(
                (
                    "closes_at",
                    _(
                        "Registration closes at %(closes)s, after the session starts "
                        "at %(start)s."
                    )
                    % {
                        "closes": _moment(closes_at, time_zone),
                        "start": _moment(starts_at, time_zone),
                    },
                )
            )
    if session_pk:
        confirmed = Registration.objects.confirmed().filter(session_id=session_pk)
        count = confirmed.count()
        if capacity < count:
            errors.append(
                (
                    "capacity",
                    _(
                        "Capacity %(capacity)d is below the %(count)d participants "
                        "already confirmed."
                    )
                    % {"capacity": capacity, "count": count},
                )
            )
    if not online and room_capacity is not None and capacity > room_capacity:
        errors.append(
            (
                "capacity",
                _("The room seats %(seats)d, fewer than the capacity of %(capacity)d.")
                % {"seats": room_capacity, "capacity": capacity},
            )
        )
    if online and not online_link:
        errors.append(("online_link", _("Give the joining link of an online session.")))
    if status != Status.CANCELLED and planned:
        errors.extend(_trainer_conflicts(session_pk, planned, trainers))
        room_keys = {_room_key(name) for name in rooms if name}
        if not online and venue is not None and room_keys:
            errors.extend(_room_conflicts(session_pk, planned, venue, room_keys))
    if errors:
        raise TrainingError(errors=errors, code="schedule")


def _other_sessions(session_pk: int | None):
    others = TrainingSessionPage.objects.exclude(status=Status.CANCELLED)
    if session_pk:
        others = others.exclude(pk=session_pk)
    return others.prefetch_related("slots")


def _trainer_conflicts(
    session_pk: int | None, planned: list[Slot], trainers: Iterable[Trainer]
) -> list[tuple[str | None, str]]:
    errors = []
    for trainer in trainers:
        for other in _other_sessions(session_pk).filter(trainers=trainer):
            clash = first_overlap(planned, other.slot_list())
            if clash is not None:
                errors.append(
                    (
                        "trainers",
                        _(
                            "Trainer %(trainer)s already teaches “%(session)s” on "
                            "%(when)s."
                        )
                        % {
                            "trainer": trainer.display_name,
                            "session": other.title,
                            "when": clash.label(),
                        },
                    )
                )
                break
    return errors


def _room_conflicts(
    session_pk: int | None, planned: list[Slot], venue: Organisation, rooms: set[str]
) -> list[tuple[str | None, str]]:
    errors = []
    for other in _other_sessions(session_pk).filter(venue=venue, online=False):
        if not rooms & _session_rooms(other):
            continue
        clash = first_overlap(planned, other.slot_list())
        if clash is not None:
            errors.append(
                (
                    "room",
                    _(
                        "Room “%(room)s” of %(venue)s is already taken by "
                        "“%(session)s” on %(when)s."
                    )
                    % {
                        "room": other.room,
                        "venue": venue,
                        "session": other.title,
                        "when": clash.label(),
                    },
                )
            )
    return errors


def check_session(session: TrainingSessionPage) -> None:
    """Refuse a saved or in-memory session that breaks a scheduling rule."""
    check_session_plan(
        session_pk=session.pk,
        time_zone=session.time_zone,
        slots=[(s.date, s.start_time, s.end_time) for s in session.slot_list()],
        trainers=list(session.trainers.all()),
        venue=session.venue,
        rooms=list(_session_rooms(session)),
        online=session.online,
        online_link=session.online_link,
        capacity=session.capacity,
        room_capacity=session.room_capacity,
        opens_at=session.opens_at,
        closes_at=session.closes_at,
        status=session.status,
    )


def _lock(session: TrainingSessionPage) -> TrainingSessionPage:
    """Return the session row locked until the transaction ends."""
    # Every change to seats goes through this lock, so two registrations for the
    # last seat cannot both count the same free place.
    return TrainingSessionPage.objects.select_for_update(of=("self",)).get(
        pk=session.pk
    )


def _publish_status(session: TrainingSessionPage, user=None) -> None:
    # A new revision keeps the admin editor in step with the live status; any
    # unpublished draft edits stay in the page's history.
    revision = session.save_revision(user=user, log_action=True)
    if session.live:
        revision.publish(user=user)


def _change_status(
    *,
    session: TrainingSessionPage,
    status: str,
    notes: Mapping[str, str] | None,
    now: datetime.datetime,
    user=None,
) -> TrainingSessionPage:
    with transaction.atomic():
        locked = _lock(session)
        if locked.status == status:
            raise TrainingError(
                _("The session is already %(status)s.")
                % {"status": locked.get_status_display()},
                code="unchanged",
            )
        locked.status = status
        for code, text in (notes or {}).items():
            setattr(locked, f"status_note_{code}", text)
        locked.sequence += 1
        recipients = list(locked.registrations.active())
        # Recorded before publishing, so the publish signal does not tell them twice.
        SessionStatusNotice.objects.create(
            session=locked, status=status, created_at=now, recipients=len(recipients)
        )
        _publish_status(locked, user)
        emails = outbox.queue(
            outbox.compose_all(recipients, outbox.Kind.STATUS, session=locked, now=now)
        )
    outbox.deliver(emails, now=now)
    return locked


def postpone_session(
    *,
    session: TrainingSessionPage,
    now: datetime.datetime,
    notes: Mapping[str, str] | None = None,
    user=None,
) -> TrainingSessionPage:
    """Mark the session postponed and tell every registered participant."""
    return _change_status(
        session=session, status=Status.POSTPONED, notes=notes, now=now, user=user
    )


def cancel_session(
    *,
    session: TrainingSessionPage,
    now: datetime.datetime,
    notes: Mapping[str, str] | None = None,
    user=None,
) -> TrainingSessionPage:
    """Mark the session cancelled and tell every registered participant."""
    return _change_status(
        session=session, status=Status.CANCELLED, notes=notes, now=now, user=user
    )


def announce_published_status(
    *, session: TrainingSessionPage, now: datetime.datetime
) -> int:
    """Tell participants about a status an editor published; return how many."""
    last = session.status_notices.order_by("-created_at", "-pk").first()
    announced = last.status if last else Status.SCHEDULED
    if session.status == announced:
        return 0
    with transaction.atomic():
        recipients = list(session.registrations.active())
        SessionStatusNotice.objects.create(
            session=session,
            status=session.status,
            created_at=now,
            recipients=len(recipients),
        )
        emails = outbox.queue(
            outbox.compose_all(recipients, outbox.Kind.STATUS, session=session, now=now)
        )
    outbox.deliver(emails, now=now)
    return len(recipients)


def registration_refusal(
    session: TrainingSessionPage, now: datetime.datetime
) -> str | None:
    """Return why the session takes no registrations now, or None if it does."""
    state = session.registration_state(now) if session.live else "closed"
    zone = session.time_zone
    return {
        "open": None,
        "cancelled": _(
            "Sorry, this session has been cancelled, so registration is closed."
        ),
        "postponed": _(
            "Sorry, this session has been postponed; registration will reopen when "
            "the new dates are set."
        ),
        "started": _(
            "Sorry, this session has already started, so registration is closed."
        ),
        "not_yet": _("Registration opens on %(date)s. Please come back then.")
        % {"date": _moment(session.opens_at, zone)},
        "closed": _("Sorry, registration closed on %(date)s.")
        % {"date": _moment(session.closes_at, zone)},
    }[state]


def register_participant(
    *,
    session: TrainingSessionPage,
    name: str,
    email: str,
    organisation: str,
    language: str,
    consent: bool,
    now: datetime.datetime,
    phone: str = "",
    notify: bool = True,
) -> Registration:
    """Give the person a seat while seats remain, else a place on the waiting list."""
    if not consent:
        raise TrainingError(
            _(
                "We can register you only with your consent to the processing of personal data."
            ),
            field="consent",
            code="consent",
        )
    email = email.strip()
    with transaction.atomic():
        locked = _lock(session)
        refusal = registration_refusal(locked, now)
        if refusal:
            raise TrainingError(refusal, code="closed")
        existing = locked.registrations.active().filter(email__iexact=email).first()
        if existing is None:
            registration = _create_registration(
                locked,
                name=name,
                email=email,
                organisation=organisation,
                phone=phone,
                language=language,
                now=now,
            )
            emails = outbox.queue(
                [outbox.compose(registration, outbox.Kind.REGISTRATION, now=now)]
                if notify
                else []
            )
    if existing is not None:
        raise _already_registered(existing, now=now)
    outbox.deliver(emails, now=now)
    return registration


def _create_registration(
    locked: TrainingSessionPage,
    *,
    name: str,
    email: str,
    organisation: str,
    phone: str,
    language: str,
    now: datetime.datetime,
) -> Registration:
    figures = locked.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        latest=Max("created_at"),
    )
    status = (
        Registration.Status.CONFIRMED
        if figures["confirmed"] < locked.capacity
        else Registration.Status.WAITLISTED
    )
    # The waiting list follows the order in which registrations took the lock,
    # not the clocks of their requests: one that waited for the lock with an
    # earlier "now" must not move ahead of a place already given (the primary
    # key, drawn under the lock, orders equal times).
    created_at = max(now, figures["latest"] or now)
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                session=locked,
                name=name,
                email=email,
                organisation=organisation,
                phone=phone,
                language=language,
                consent_at=now,
                status=status,
                created_at=created_at,
            )
    except IntegrityError as error:
        raise TrainingError(
            _("This e-mail address is already registered for this session."),
            field="email",
            code="duplicate",
        ) from error
    log(registration, "training.registration.create", data={"status": status})
    return registration


def _already_registered(
    registration: Registration, *, now: datetime.datetime
) -> TrainingError:
    """Return the refusal of a second registration.

    Whoever types an address must not learn where its owner stands (status,
    place, whether mail to it failed): that goes only to the mailbox, in the
    confirmation e-mail. An e-mail that failed the first time is retried now,
    once.
    """
    outbox.retry(registration, now=now)
    message = _(
        "This e-mail address is already registered for this session. The "
        "confirmation e-mail sent to it shows where the registration stands and "
        "how to cancel it."
    )
    return TrainingError(message, field="email", code="duplicate")


def _promote(
    session: TrainingSessionPage, now: datetime.datetime
) -> list[Registration]:
    """Move people from the waiting list into free seats, first come first."""
    if session.status != Status.SCHEDULED or session.has_started(now):
        return []
    free = session.capacity - session.registrations.confirmed().count()
    promoted = []
    for registration in session.registrations.waitlisted()[: max(0, free)]:
        registration.status = Registration.Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        log(registration, "training.registration.promote")
        promoted.append(registration)
    return promoted


def promote_waitlisted(
    *, session: TrainingSessionPage, now: datetime.datetime, notify: bool = True
) -> list[Registration]:
    """Fill free seats from the waiting list (after a cancellation or more seats)."""
    with transaction.atomic():
        locked = _lock(session)
        promoted = _promote(locked, now)
        emails = _queue_promotions(promoted, session=locked, notify=notify, now=now)
    outbox.deliver(emails, now=now)
    return promoted


def _queue_promotions(
    promoted: list[Registration],
    *,
    session: TrainingSessionPage,
    notify: bool,
    now: datetime.datetime,
) -> list:
    if not notify or not promoted:
        return []
    return outbox.queue(
        outbox.compose_all(promoted, outbox.Kind.PROMOTION, session=session, now=now)
    )


def cancel_registration(
    *, registration: Registration, now: datetime.datetime, notify: bool = True
) -> list[Registration]:
    """Cancel a registration, give its seat to the waiting list; return who moved up."""
    with transaction.atomic():
        session = _lock(registration.session)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == Registration.Status.CANCELLED:
            raise TrainingError(
                _("This registration has already been cancelled."), code="cancelled"
            )
        current.status = Registration.Status.CANCELLED
        current.cancelled_at = now
        current.save(update_fields=["status", "cancelled_at"])
        # What was still owed to them (a seat's joining link among it) is void.
        current.emails.filter(sent_at__isnull=True).delete()
        log(current, "training.registration.cancel")
        promoted = _promote(session, now)
        emails = _queue_promotions(promoted, session=session, notify=notify, now=now)
    registration.refresh_from_db()
    outbox.deliver(emails, now=now)
    return promoted


def signed_token(registration: Registration) -> str:
    """Return the signed value of a registration's personal links."""
    return signing.dumps(registration.cancel_token, salt=CANCEL_SALT)


def registration_for_token(signed: str) -> Registration | None:
    """Return the registration a signed link points to, or None if forged."""
    try:
        token = signing.loads(signed, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    return (
        Registration.objects.select_related("session")
        .filter(cancel_token=token)
        .first()
    )


def can_manage_session(user, session: TrainingSessionPage) -> bool:
    """Return whether a user may see a session's participants and attendance."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.has_perm("training.view_all_registrations"):
        return True
    # A trainer's sessions: those they teach and those they created.
    return session.owner_id == user.pk or session.trainers.filter(user=user).exists()


def record_attendance(
    *,
    session: TrainingSessionPage,
    marks: Mapping[int, bool | None],
    now: datetime.datetime,
) -> int:
    """Record who came (True), who did not (False) or unknown (None); return changes."""
    if not session.has_started(now):
        raise TrainingError(
            _("Attendance can be recorded once the session has started (%(start)s).")
            % {"start": _moment(session.starts_at, session.time_zone)}
            if session.starts_at
            else _("The session has no time slots yet."),
            code="not_started",
        )
    changed = 0
    with transaction.atomic():
        registrations = session.registrations.confirmed().filter(pk__in=list(marks))
        for registration in registrations.select_for_update():
            value = marks[registration.pk]
            if registration.attended != value:
                registration.attended = value
                registration.save(update_fields=["attended"])
                log(
                    registration,
                    "training.registration.attendance",
                    data={"attended": value},
                )
                changed += 1
    return changed


def send_due_reminders(*, today: datetime.date, now: datetime.datetime) -> int:
    """E-mail confirmed participants whose session starts in two days; once each."""
    day = today + datetime.timedelta(days=2)
    sessions = (
        TrainingSessionPage.objects.live()
        .filter(status=Status.SCHEDULED, slots__date=day)
        .distinct()
        # Each participant's reminder shows the session's slots and trainers.
        .prefetch_related("slots", "trainers__person")
    )
    queued = 0
    for session in sessions:
        if session.first_day != day:
            continue
        for registration in session.registrations.confirmed().filter(
            reminder_sent_at__isnull=True
        ):
            with transaction.atomic():
                # Claim the reminder with its e-mail: a second run, even a parallel
                # one, skips it; a mail server failure leaves the e-mail pending.
                claimed = Registration.objects.filter(
                    pk=registration.pk, reminder_sent_at__isnull=True
                ).update(reminder_sent_at=now)
                if claimed:
                    emails = outbox.queue(
                        [outbox.compose(registration, outbox.Kind.REMINDER, now=now)]
                    )
            if claimed:
                outbox.deliver(emails, now=now)
                queued += 1
    return queued
