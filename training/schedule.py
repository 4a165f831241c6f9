"""Time slots of training sessions: real instants, overlaps and display."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cooperation.timezones import aware, in_zone

# Cities readers know the zones by; any other zone is shown by its IANA name.
ZONE_CITIES = {
    "Europe/Ulyanovsk": _("Ulyanovsk"),
    "Europe/Moscow": _("Moscow"),
    "Asia/Baku": _("Baku"),
    "Europe/Samara": _("Samara"),
}


@dataclass(frozen=True)
class Slot:
    """One day of a session: local wall time in the session's zone."""

    date: datetime.date
    start_time: datetime.time
    end_time: datetime.time
    time_zone: str

    @property
    def start(self) -> datetime.datetime:
        return aware(self.date, self.start_time, self.time_zone)

    @property
    def end(self) -> datetime.datetime:
        return aware(self.date, self.end_time, self.time_zone)

    def overlaps(self, other: "Slot") -> bool:
        """Return whether the two slots share a real instant, whatever their zones."""
        return self.start < other.end and other.start < self.end

    def label(self) -> str:
        """Return e.g. "12.12.2026 10:00–12:00 (Asia/Baku)" for messages."""
        return (
            f"{self.date:%d.%m.%Y} {self.start_time:%H:%M}–{self.end_time:%H:%M} "
            f"({self.time_zone})"
        )

    def local_range(
        self, time_zone: str
    ) -> tuple[datetime.datetime, datetime.datetime]:
        """Return the slot's start and end as wall time in another zone."""
        return in_zone(self.start, time_zone), in_zone(self.end, time_zone)


def zone_city(time_zone: str) -> str:
    """Return the city a reader knows the zone by."""
    return str(ZONE_CITIES.get(time_zone, time_zone))


def first_overlap(ours: Iterable[Slot], theirs: Iterable[Slot]) -> Slot | None:
    """Return the first of `theirs` that overlaps any of `ours`."""
    ours = list(ours)
    for slot in theirs:
        if any(slot.overlaps(mine) for mine in ours):
            return slot
    return None


def viewer_time_zone() -> str:
    """Return the zone the site's own readers live in."""
    return settings.TIME_ZONE
