"""Rules and multi-row writes of the cooperation app."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey

from . import timezones

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from .models import CooperationEventPage, HearingPage, HearingSubmission

LANGUAGES = ("ru", "az", "en")

# What calendars must hear about: a change to any of these bumps SEQUENCE.
SCHEDULE_FIELDS = (
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "time_zone",
    "status",
    *(f"location_{code}" for code in LANGUAGES),
)


class CooperationError(ValidationError):
    """A cooperation rule was broken; the messages are translated and name fields."""


def _error(message, code: str, **params: Any) -> ValidationError:
    return ValidationError(message, code=code, params=params or None)


def utc_instant(
    day: datetime.date, time: datetime.time | None, time_zone: str
) -> datetime.datetime:
    """Return the wall time `day time` in `time_zone` as a UTC instant."""
    return timezones.aware(day, time, time_zone).astimezone(datetime.UTC)


def event_bounds(
    *,
    start_date: datetime.date | None,
    start_time: datetime.time | None,
    end_date: datetime.date | None,
    end_time: datetime.time | None,
    time_zone: str,
) -> tuple[datetime.datetime, datetime.datetime] | None:
    """Return the event's start and end instants, or None while they are unknown."""
    if not start_date or not end_date or not timezones.is_time_zone(time_zone):
        return None
    if start_time is None or end_time is None:
        # An all-day event runs from the first midnight to the midnight after the
        # last day, in its own zone.
        return (
            timezones.aware(start_date, None, time_zone),
            timezones.aware(end_date + datetime.timedelta(days=1), None, time_zone),
        )
    return (
        timezones.aware(start_date, start_time, time_zone),
        timezones.aware(end_date, end_time, time_zone),
    )


def validate_event_times(
    *,
    start_date: datetime.date | None,
    start_time: datetime.time | None,
    end_date: datetime.date | None,
    end_time: datetime.time | None,
    time_zone: str,
) -> None:
    """Refuse an unknown time zone, half-given times and an end before the start."""
    errors: dict[str, list[ValidationError]] = {}
    if not timezones.is_time_zone(time_zone):
        errors["time_zone"] = [
            _error(
                _(
                    "“%(value)s” is not a real IANA time zone. Use a name such as "
                    "Europe/Ulyanovsk, Europe/Moscow or Asia/Baku."
                ),
                "invalid_time_zone",
                value=time_zone,
            )
        ]
    if (start_time is None) != (end_time is None):
        field = "end_time" if end_time is None else "start_time"
        errors[field] = [
            _error(
                _(
                    "Give both a start and an end time, or neither for an all-day event."
                ),
                "half_time",
            )
        ]
    elif start_date and end_date:
        if end_date < start_date:
            errors["end_date"] = [
                _error(_("The event cannot end before it starts."), "end_before_start")
            ]
        elif (
            start_time is not None
            and end_time is not None
            and "time_zone" not in errors
        ):
            bounds = event_bounds(
                start_date=start_date,
                start_time=start_time,
                end_date=end_date,
                end_time=end_time,
                time_zone=time_zone,
            )
            if bounds and bounds[1] <= bounds[0]:
                field = "end_time" if end_date == start_date else "end_date"
                errors[field] = [
                    _error(
                        _(
                            "The event cannot end before it starts. For an event that "
                            "runs past midnight, set the end date to the next day."
                        ),
                        "end_before_start",
                    )
                ]
    if errors:
        raise CooperationError(errors)


def validate_hosts(*, host_regions: Iterable, host_organisations: Iterable) -> None:
    """Refuse an event that names no host region and no host organisation."""
    if not list(host_regions) and not list(host_organisations):
        raise CooperationError(
            {
                "host_regions": [
                    _error(
                        _("Name at least one host region or host organisation."),
                        "no_host",
                    )
                ]
            }
        )


def validate_programme_item(
    *,
    day: datetime.date | None,
    start_time: datetime.time | None,
    end_time: datetime.time | None,
    visit_start: datetime.date | None,
    visit_end: datetime.date | None,
) -> None:
    """Refuse a programme item outside the visit's dates or ending before it starts."""
    errors: dict[str, list[ValidationError]] = {}
    if day and visit_start and visit_end and not visit_start <= day <= visit_end:
        errors["date"] = [
            _error(
                _(
                    "%(date)s is outside the visit's dates (%(start)s – %(end)s). "
                    "Change the date of this item or the dates of the visit."
                ),
                "outside_visit",
                date=date_format(day, "SHORT_DATE_FORMAT"),
                start=date_format(visit_start, "SHORT_DATE_FORMAT"),
                end=date_format(visit_end, "SHORT_DATE_FORMAT"),
            )
        ]
    if start_time and end_time and end_time <= start_time:
        errors["end_time"] = [
            _error(
                _(
                    "The item cannot end before it starts. Split an item that runs "
                    "past midnight into two days."
                ),
                "end_before_start",
            )
        ]
    if errors:
        raise CooperationError(errors)


def validate_partner(*, region: Any, organisation: Any) -> None:
    """Refuse a partner page that names both or neither a region and an organisation."""
    if (region is None) == (organisation is None):
        raise CooperationError(
            {
                "region": [
                    _error(
                        _("Choose either a partner region or a partner organisation."),
                        "one_partner",
                    )
                ]
            }
        )


def validate_delegation_member(
    *,
    person: Any,
    name: str,
    arrival_at: datetime.datetime | None,
    departure_at: datetime.datetime | None,
) -> None:
    """Refuse a member with no name and a departure before the arrival."""
    errors: dict[str, list[ValidationError]] = {}
    if person is None and not (name or "").strip():
        errors["name"] = [
            _error(_("Choose a person or type the member's name."), "no_member_name")
        ]
    if arrival_at and departure_at and departure_at <= arrival_at:
        errors["departure_at"] = [
            _error(_("The departure must be after the arrival."), "leaves_first")
        ]
    if errors:
        raise CooperationError(errors)


def next_sequence(
    *, stored: Mapping[str, Any] | None, current: Mapping[str, Any], sequence: int
) -> int:
    """Return the SEQUENCE to save: one more than stored when the schedule changed."""
    if stored is None:
        return sequence
    stored_sequence = stored.get("sequence") or 0
    changed = any(stored.get(name) != current.get(name) for name in SCHEDULE_FIELDS)
    if changed and sequence <= stored_sequence:
        return stored_sequence + 1
    return max(sequence, stored_sequence)


def _publish_change(
    page: CooperationEventPage, user: AbstractBaseUser | None
) -> CooperationEventPage:
    revision = page.save_revision(user=user, log_action=True, clean=True)
    if page.live:
        revision.publish(user=user)
    return type(page).objects.get(pk=page.pk)


def _set_note(page: CooperationEventPage, note: Mapping[str, str] | None) -> None:
    if note is None:
        return
    for code in LANGUAGES:
        setattr(page, f"status_note_{code}", note.get(code, ""))


@transaction.atomic
def cancel_event(
    *,
    event: CooperationEventPage,
    note: Mapping[str, str] | None = None,
    user: AbstractBaseUser | None = None,
) -> CooperationEventPage:
    """Cancel an event, keep it public with a label and tell calendars."""
    page = type(event).objects.select_for_update().get(pk=event.pk)
    if page.status == page.Status.CANCELLED:
        raise CooperationError(
            {"status": _error(_("This event is cancelled already."), "cancelled")}
        )
    if page.status == page.Status.COMPLETED:
        raise CooperationError(
            {"status": _error(_("A completed event cannot be cancelled."), "completed")}
        )
    page.status = page.Status.CANCELLED
    _set_note(page, note)
    page.sequence += 1
    return _publish_change(page, user)


@transaction.atomic
def postpone_event(
    *,
    event: CooperationEventPage,
    note: Mapping[str, str] | None = None,
    start_date: datetime.date | None = None,
    start_time: datetime.time | None = None,
    end_date: datetime.date | None = None,
    end_time: datetime.time | None = None,
    user: AbstractBaseUser | None = None,
) -> CooperationEventPage:
    """Postpone an event (to new dates when known) and tell calendars."""
    page = type(event).objects.select_for_update().get(pk=event.pk)
    if page.status in (page.Status.CANCELLED, page.Status.COMPLETED):
        raise CooperationError(
            {
                "status": _error(
                    _("A cancelled or completed event cannot be postponed."),
                    "not_postponable",
                )
            }
        )
    if start_date is not None:
        validate_event_times(
            start_date=start_date,
            start_time=start_time,
            end_date=end_date or start_date,
            end_time=end_time,
            time_zone=page.time_zone,
        )
        page.start_date, page.start_time = start_date, start_time
        page.end_date, page.end_time = end_date or start_date, end_time
    page.status = page.Status.POSTPONED
    _set_note(page, note)
    page.sequence += 1
    return _publish_change(page, user)


def hearing_accepts_submissions(
    *, hearing: HearingPage, now: datetime.datetime
) -> bool:
    """Return whether the public may send questions and comments now."""
    if not hearing.accepts_submissions:
        return False
    if hearing.status in (hearing.Status.CANCELLED, hearing.Status.COMPLETED):
        return False
    return hearing.submissions_close_at is None or now < hearing.submissions_close_at


@transaction.atomic
def submit_hearing_comment(
    *,
    hearing: HearingPage,
    name: str,
    email: str,
    text: str,
    consent: bool,
    language: str,
    now: datetime.datetime | None = None,
) -> HearingSubmission:
    """Store a question or comment from the public, waiting for moderation."""
    now = now or timezone.now()
    if not hearing_accepts_submissions(hearing=hearing, now=now):
        raise CooperationError(
            {
                "text": _error(
                    _("This hearing does not accept questions and comments now."),
                    "closed",
                )
            }
        )
    if not consent:
        raise CooperationError(
            {
                "consent": _error(
                    _("Please agree to the processing of your name and e-mail."),
                    "no_consent",
                )
            }
        )
    return hearing.submissions.create(
        name=name.strip(),
        email=email.strip(),
        text=text.strip(),
        consent=True,
        language=language,
        submitted_at=now,
    )


@transaction.atomic
def moderate_submission(
    *,
    submission: HearingSubmission,
    status: str,
    user: AbstractBaseUser | None,
    now: datetime.datetime | None = None,
) -> HearingSubmission:
    """Approve or reject a submission; only approved ones are shown."""
    if status not in submission.Status.values:
        raise CooperationError(
            {"status": _error(_("Choose a valid moderation status."), "bad_status")}
        )
    submission.status = status
    submission.moderated_at = now or timezone.now()
    submission.moderated_by = user
    submission.save(update_fields=["status", "moderated_at", "moderated_by"])
    return submission


def _other_side(through: type[models.Model], name: str) -> models.Field:
    """Return the key of a many-to-many row other than the one called `name`."""
    return next(
        field
        for field in through._meta.concrete_fields
        if field.is_relation and field.name != name
    )


def _owners(relation, rows) -> tuple[type[models.Model], set]:
    """Return the model and pks of the objects whose revisions hold `rows`' links."""
    related = relation.related_model
    if related._meta.auto_created:
        # A many-to-many row: the object on the other side owns the link.
        other = _other_side(related, relation.field.name)
        return other.related_model, set(rows.values_list(other.attname, flat=True))
    parental = next(
        (
            field
            for field in related._meta.concrete_fields
            if isinstance(field, ParentalKey)
        ),
        None,
    )
    if parental is not None:
        return parental.related_model, set(
            rows.values_list(parental.attname, flat=True)
        )
    return related, set(rows.values_list("pk", flat=True))


def _repoint_content(model, content: dict, target, old, new) -> bool:
    """Replace `old` by `new` wherever `content` (a revision of `model`) links `target`."""
    changed = False
    for field in model._meta.get_fields():
        if field.concrete and field.is_relation and field.related_model is target:
            value = content.get(field.name)
            if field.many_to_many and isinstance(value, list) and old in value:
                content[field.name] = list(
                    dict.fromkeys(new if pk == old else pk for pk in value)
                )
                changed = True
            elif value == old:
                content[field.name] = new
                changed = True
        elif field.one_to_many and isinstance(field.remote_field, ParentalKey):
            for item in content.get(field.get_accessor_name()) or []:
                if isinstance(item, dict):
                    changed |= _repoint_content(
                        field.related_model, item, target, old, new
                    )
    return changed


def _base_model(model: type[models.Model]) -> type[models.Model]:
    parents = model._meta.get_parent_list()
    return parents[-1] if parents else model


@transaction.atomic
def merge_reference(*, duplicate: models.Model, into: models.Model) -> int:
    """Point every link to `duplicate` at `into`, then delete `duplicate`.

    Foreign keys, many-to-many rows (without doubling a link `into` already has),
    revisions of the linking pages and Wagtail's reference index follow. Return the
    number of links moved.
    """
    from wagtail.models import ReferenceIndex, Revision

    model = type(duplicate)
    if type(into) is not model or into.pk is None or into.pk == duplicate.pk:
        raise CooperationError(
            _("A record can only be merged into another record of the same kind.")
        )
    moved = 0
    owners: dict[type[models.Model], set] = {}
    for relation in model._meta.get_fields(include_hidden=True):
        if not (relation.one_to_many and relation.auto_created):
            continue
        related = relation.related_model
        name = relation.field.name
        rows = related._base_manager.filter(**{name: duplicate})
        if related is model:
            rows = rows.exclude(pk=into.pk)
        owner, pks = _owners(relation, rows)
        if pks:
            owners.setdefault(owner, set()).update(pks)
        if related._meta.auto_created:
            other = _other_side(related, name)
            linked = related._base_manager.filter(**{name: into}).values(other.attname)
            rows.filter(**{f"{other.attname}__in": linked}).delete()
        moved += rows.update(**{name: into})

    for owner, pks in owners.items():
        revisions = Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(_base_model(owner)),
            object_id__in=[str(pk) for pk in pks],
        ).select_related("content_type")
        for revision in revisions.iterator():
            revision_model = revision.content_type.model_class() or owner
            if _repoint_content(
                revision_model, revision.content, model, duplicate.pk, into.pk
            ):
                revision.save(update_fields=["content"])

    stale = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(_base_model(model)),
        to_object_id=str(duplicate.pk),
    )
    sources = set(stale.values_list("content_type", "object_id"))
    duplicate.delete()
    for content_type_id, object_id in sources:
        source_model = ContentType.objects.get_for_id(content_type_id).model_class()
        source = (
            source_model and source_model._base_manager.filter(pk=object_id).first()
        )
        if source is not None:
            ReferenceIndex.create_or_update_for_object(source)
    return moved
