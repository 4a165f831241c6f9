"""Parts of the e-mails to registrants: addresses and the invitation (.ics).

The messages themselves are composed and sent by training/outbox.py.
"""

import dataclasses

from django.conf import settings
from django.urls import reverse
from django.utils import translation

import icalendar

from cooperation.calendar import build_calendar

from .models import Registration, TrainingSessionPage


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
