"""E-mails to registrants, each in the registrant's own language."""

import dataclasses
from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

import icalendar

from cooperation.calendar import build_calendar

from .models import Registration, TrainingSessionPage

ICS_CONTENT_TYPE = "text/calendar; method=REQUEST; charset=utf-8"


def absolute(url: str) -> str:
    """Return a site address that works outside the site, e.g. in a mail client."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def session_url(session: TrainingSessionPage) -> str:
    """Return the absolute address of the session in the active language."""
    return absolute(session.get_url() or "")


def cancel_url(registration: Registration) -> str:
    """Return the registrant's personal, signed cancellation address."""
    from .services import signed_token

    with translation.override(registration.language):
        path = reverse(
            "training_cancel_registration",
            kwargs={"signed": signed_token(registration)},
        )
    return absolute(path)


def session_ics(
    session: TrainingSessionPage, registration: Registration, method: str = "REQUEST"
) -> bytes:
    """Return the session as an invitation for one participant, in their language."""
    with translation.override(registration.language):
        event = session.calendar_event()
        organiser = icalendar.vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
        attendee = icalendar.vCalAddress(f"mailto:{registration.email}")
        attendee.params["CN"] = icalendar.vText(registration.name)
        attendee.params["ROLE"] = icalendar.vText("REQ-PARTICIPANT")
        attendee.params["PARTSTAT"] = icalendar.vText("ACCEPTED")
        attendee.params["RSVP"] = icalendar.vText("FALSE")
        event = dataclasses.replace(
            event,
            url=session_url(session),
            extra={**event.extra, "organizer": organiser, "attendee": attendee},
        )
        calendar = build_calendar(
            [event],
            name=session.title,
            language=registration.language,
            method=method,
            refresh=None,
        )
    return calendar.to_ical()


def _ics_part(data: bytes, method: str) -> MIMEText:
    part = MIMEText(data.decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename="session.ics")
    return part


def _send(
    registration: Registration,
    template: str,
    *,
    session: TrainingSessionPage | None = None,
    attach_ics: bool = False,
    **context,
) -> None:
    session = session or registration.session
    confirmed = registration.status == Registration.Status.CONFIRMED
    with translation.override(registration.language):
        context.update(
            registration=registration,
            session=session,
            slots=session.display_slots(),
            session_url=session_url(session),
            cancel_url=cancel_url(registration),
            confirmed=confirmed,
            position=registration.waitlist_position(),
            # The joining link goes only to people who hold a seat.
            online_link=session.online_link if confirmed and session.online else "",
        )
        subject = render_to_string(f"training/emails/{template}_subject.txt", context)
        body = render_to_string(f"training/emails/{template}.txt", context)
    message = EmailMultiAlternatives(
        " ".join(subject.split()), body, to=[registration.email]
    )
    if attach_ics:
        method = "CANCEL" if session.is_cancelled else "REQUEST"
        message.attach(_ics_part(session_ics(session, registration, method), method))
    message.send()


def send_registration_email(registration: Registration) -> None:
    """Confirm a seat (with the invitation) or a place on the waiting list."""
    _send(
        registration,
        "registration",
        attach_ics=registration.status == Registration.Status.CONFIRMED,
    )


def send_promotion_email(registration: Registration) -> None:
    """Tell a person from the waiting list that a seat is now theirs."""
    _send(registration, "promotion", attach_ics=True)


def send_status_email(
    registration: Registration, *, session: TrainingSessionPage
) -> None:
    """Tell a participant that the session was postponed, cancelled or rescheduled."""
    _send(
        registration,
        "status",
        session=session,
        attach_ics=registration.status == Registration.Status.CONFIRMED,
    )


def send_reminder_email(registration: Registration) -> None:
    """Remind a confirmed participant that the session is two days away."""
    _send(registration, "reminder", attach_ics=True)
