"""The cooperation's yearly activity per partner region, from published content.

Only published pages count, so the figures match what the public site shows. An
item shared by several partner regions counts once for each of them. A partner
region is any region not marked as our own.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperation.models import HearingPage, MeetingPage, Region, VisitPage
from memoranda import terms
from memoranda.models import CommitmentStatus, MemorandumPage, MemorandumStatus
from training.models import Registration, TrainingProgrammePage, TrainingSessionPage

# Statuses a memorandum reaches only once it has been signed.
SIGNED_STATUSES = frozenset(
    {
        MemorandumStatus.SIGNED,
        MemorandumStatus.IN_FORCE,
        MemorandumStatus.SUSPENDED,
        MemorandumStatus.EXPIRED,
        MemorandumStatus.TERMINATED,
    }
)
EVENT_KINDS = ((VisitPage, "visit"), (MeetingPage, "meeting"), (HearingPage, "hearing"))
# What the chart draws for each year, in this order.
CHART_KINDS = [
    ("memoranda_signed", _("Memoranda signed")),
    ("memoranda_in_force", _("Memoranda in force")),
    ("visits", _("Visits")),
    ("meetings", _("Meetings")),
    ("hearings", _("Public hearings")),
    ("sessions_held", _("Training sessions held")),
]


@dataclass
class ActivityRow:
    """What happened with one partner region in one year."""

    region: Region
    year: int
    memoranda_signed: int = 0
    memoranda_in_force: int = 0
    visits_incoming: int = 0
    visits_outgoing: int = 0
    meetings: int = 0
    hearings: int = 0
    sessions_held: int = 0
    people_trained: int = 0
    attendance_recorded: int = 0
    commitments_due: int = 0
    commitments_done: int = 0

    COUNTS = (
        "memoranda_signed",
        "memoranda_in_force",
        "visits_incoming",
        "visits_outgoing",
        "meetings",
        "hearings",
        "sessions_held",
        "people_trained",
        "attendance_recorded",
        "commitments_due",
        "commitments_done",
    )

    @property
    def region_name(self) -> str:
        return str(self.region)

    @property
    def visits(self) -> int:
        return self.visits_incoming + self.visits_outgoing

    @property
    def attendance_rate(self) -> int | None:
        """Return the percentage of recorded participants who came, if any were."""
        if not self.attendance_recorded:
            return None
        return round(100 * self.people_trained / self.attendance_recorded)

    @property
    def attendance_rate_label(self) -> str:
        rate = self.attendance_rate
        return "—" if rate is None else f"{rate}%"

    @property
    def commitments_label(self) -> str:
        return f"{self.commitments_done} / {self.commitments_due}"

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in self.COUNTS)

    def add(self, other: "ActivityRow") -> None:
        for name in self.COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))


class Tally:
    """Rows by (region, year), created on first use."""

    def __init__(self, regions: set[int] | None, years: set[int] | None):
        self.rows: dict[tuple[int, int], ActivityRow] = {}
        self.regions = regions
        self.years = years

    def add(self, regions: Iterable[Region], year: int, **counts: int) -> None:
        if self.years is not None and year not in self.years:
            return
        for region in regions:
            if self.regions is not None and region.pk not in self.regions:
                continue
            row = self.rows.setdefault(
                (region.pk, year), ActivityRow(region=region, year=year)
            )
            for name, value in counts.items():
                setattr(row, name, getattr(row, name) + value)

    def result(self) -> list[ActivityRow]:
        rows = [row for row in self.rows.values() if not row.is_empty]
        return sorted(rows, key=lambda row: (str(row.region).casefold(), row.year))


def partner_regions(regions: Iterable[Region]) -> list[Region]:
    """Return the regions that are not ours, without repeats, in the given order."""
    found: list[Region] = []
    for region in regions:
        if region is not None and not region.is_home_region and region not in found:
            found.append(region)
    return found


def _events(tally: Tally) -> None:
    for model, kind in EVENT_KINDS:
        pages = (
            model.objects.live()
            .exclude(status=model.Status.CANCELLED)
            .prefetch_related(
                "host_regions",
                "guest_regions",
                "host_organisations__region",
                "guest_organisations__region",
            )
        )
        for page in pages:
            regions = partner_regions(page.involved_regions())
            if kind == "visit":
                name = (
                    "visits_outgoing"
                    if page.direction == VisitPage.Direction.OUTGOING
                    else "visits_incoming"
                )
            else:
                name = f"{kind}s"
            tally.add(regions, page.start_date.year, **{name: 1})


def memorandum_years_in_force(
    memorandum: MemorandumPage, *, today: datetime.date
) -> range:
    """Return the years (up to this one) in which the memorandum was in force."""
    start = terms.term_start(memorandum)
    if start is None or memorandum.status not in SIGNED_STATUSES:
        return range(0)
    end = memorandum.ended_on
    expiry = terms.first_expiry(memorandum)
    # A renewing memorandum runs on until someone ends it.
    if expiry is not None and not memorandum.renews_for_years:
        end = min(end, expiry) if end else expiry
    last = min(end.year if end else today.year, today.year)
    return range(start.year, last + 1)


def _memoranda(tally: Tally, today: datetime.date) -> None:
    memoranda = MemorandumPage.objects.live().prefetch_related(
        "parties__organisation__region", "commitments"
    )
    for memorandum in memoranda:
        regions = partner_regions(
            party.organisation.region for party in memorandum.parties.all()
        )
        if memorandum.signed_on and memorandum.status in SIGNED_STATUSES:
            tally.add(regions, memorandum.signed_on.year, memoranda_signed=1)
        for year in memorandum_years_in_force(memorandum, today=today):
            tally.add(regions, year, memoranda_in_force=1)
        for commitment in memorandum.commitments.all():
            if (
                commitment.due_on is None
                or commitment.status == CommitmentStatus.DROPPED
            ):
                continue
            tally.add(
                regions,
                commitment.due_on.year,
                commitments_due=1,
                commitments_done=int(commitment.status == CommitmentStatus.DONE),
            )


def _sessions(tally: Tally, now: datetime.datetime) -> None:
    programmes = {
        programme.path: programme
        for programme in TrainingProgrammePage.objects.prefetch_related(
            "organisers__region"
        )
    }
    sessions = (
        TrainingSessionPage.objects.live()
        .exclude(status=TrainingSessionPage.Status.CANCELLED)
        .select_related("venue__region")
        .prefetch_related("slots", "trainers__organisation__region")
        .annotate(
            attended_count=Count(
                "registrations",
                filter=Q(
                    registrations__status=Registration.Status.CONFIRMED,
                    registrations__attended=True,
                ),
            ),
            recorded_count=Count(
                "registrations",
                filter=Q(
                    registrations__status=Registration.Status.CONFIRMED,
                    registrations__attended__isnull=False,
                ),
            ),
        )
    )
    for session in sessions:
        ends_at = session.ends_at
        if ends_at is None or ends_at > now:
            continue
        programme = programmes.get(session.path[: -session.steplen])
        regions = [session.venue.region if session.venue_id else None]
        if programme is not None:
            regions += [org.region for org in programme.organisers.all()]
        regions += [
            trainer.organisation.region
            for trainer in session.trainers.all()
            if trainer.organisation_id
        ]
        tally.add(
            partner_regions(regions),
            session.first_day.year,
            sessions_held=1,
            people_trained=session.attended_count,
            attendance_recorded=session.recorded_count,
        )


def collect(
    *,
    now: datetime.datetime | None = None,
    regions: Iterable[Region] | None = None,
    years: Iterable[int] | None = None,
) -> list[ActivityRow]:
    """Return the activity per partner region and year, regions by name, years up."""
    now = now or timezone.now()
    tally = Tally(
        regions={region.pk for region in regions} if regions is not None else None,
        years=set(years) if years is not None else None,
    )
    _events(tally)
    _memoranda(tally, timezone.localdate(now))
    _sessions(tally, now)
    return tally.result()


def totals_by_year(rows: Iterable[ActivityRow]) -> list[ActivityRow]:
    """Return the rows summed over regions, one per year, oldest first."""
    years: dict[int, ActivityRow] = {}
    for row in rows:
        total = years.setdefault(
            row.year, ActivityRow(region=row.region, year=row.year)
        )
        total.add(row)
    return [years[year] for year in sorted(years)]


def known_years(*, today: datetime.date | None = None) -> list[int]:
    """Return every year from the first dated item to this one, newest first."""
    today = today or timezone.localdate()
    firsts = [
        VisitPage.objects.aggregate(first=Min("start_date"))["first"],
        MeetingPage.objects.aggregate(first=Min("start_date"))["first"],
        HearingPage.objects.aggregate(first=Min("start_date"))["first"],
        MemorandumPage.objects.aggregate(first=Min("signed_on"))["first"],
        TrainingSessionPage.objects.aggregate(first=Min("slots__date"))["first"],
    ]
    first = min((day.year for day in firsts if day), default=today.year)
    return list(range(max(today.year, first), first - 1, -1))
