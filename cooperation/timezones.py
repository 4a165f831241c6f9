"""Local wall time in an event's own IANA time zone."""

import datetime
import functools
import zoneinfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The zones staff pick from most often; any other valid IANA name is accepted.
COMMON_TIME_ZONES = [
    ("Europe/Ulyanovsk", _("Ulyanovsk (Europe/Ulyanovsk)")),
    ("Europe/Moscow", _("Moscow (Europe/Moscow)")),
    ("Asia/Baku", _("Baku (Asia/Baku)")),
    ("Europe/Samara", _("Samara (Europe/Samara)")),
    ("UTC", _("Coordinated Universal Time (UTC)")),
]


def validate_time_zone(value: str) -> None:
    """Refuse a name that is not a real IANA time zone."""
    if not value or value not in _zone_names():
        raise ValidationError(
            _("“%(value)s” is not a real IANA time zone, such as Asia/Baku."),
            code="invalid_time_zone",
            params={"value": value},
        )


def zone(name: str) -> zoneinfo.ZoneInfo:
    """Return the zone for a validated IANA name."""
    return zoneinfo.ZoneInfo(name)


def aware(
    day: datetime.date, time: datetime.time | None, time_zone: str
) -> datetime.datetime:
    """Return the wall time `day time` in `time_zone` as an aware datetime."""
    return datetime.datetime.combine(
        day, time or datetime.time(0, 0), tzinfo=zone(time_zone)
    )


def in_zone(moment: datetime.datetime, time_zone: str) -> datetime.datetime:
    """Return the same instant as wall time in another zone."""
    return moment.astimezone(zone(time_zone))


# How the public reads a zone next to a wall time: "10:00 Ulyanovsk / 10:00 Baku".
ZONE_CITIES = {
    "Europe/Ulyanovsk": _("Ulyanovsk"),
    "Europe/Moscow": _("Moscow"),
    "Asia/Baku": _("Baku"),
    "Europe/Samara": _("Samara"),
    "UTC": _("UTC"),
}


@functools.cache
def _zone_names() -> frozenset[str]:
    # available_timezones() walks the time zone database on disk (~5 ms a call).
    return frozenset(zoneinfo.available_timezones())


def is_time_zone(value: str) -> bool:
    """Return whether `value` names a real IANA time zone."""
    return bool(value) and value in _zone_names()


def zone_label(name: str) -> str:
    """Return the city that names a zone for readers, e.g. “Baku”."""
    label = ZONE_CITIES.get(name)
    if label is not None:
        return str(label)
    return name.rsplit("/", 1)[-1].replace("_", " ")
