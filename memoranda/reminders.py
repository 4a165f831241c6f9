"""The deadlines staff are reminded of: expiries, notice deadlines, commitments."""

import datetime
import uuid
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import terms
from .models import (
    CommitmentStatus,
    MemorandumCommitment,
    MemorandumPage,
    MemorandumStatus,
    ReminderLog,
)

Kind = ReminderLog.Kind
# Only a signed memorandum has a term that can run out.
RUNNING = frozenset(
    {MemorandumStatus.SIGNED, MemorandumStatus.IN_FORCE, MemorandumStatus.SUSPENDED}
)
FINISHED = frozenset(
    {MemorandumStatus.EXPIRED, MemorandumStatus.TERMINATED, MemorandumStatus.ABANDONED}
)
EXPIRY_SOON = 30
EXPIRY_AHEAD = 90
NOTICE_AHEAD = 60
COMMITMENT_AHEAD = 14
SECTIONS = [
    (
        "expiry",
        _("Memoranda expiring within 90 days"),
        (Kind.EXPIRY_30, Kind.EXPIRY_90),
    ),
    ("notice", _("Notice deadlines within 60 days"), (Kind.NOTICE_60,)),
    (
        "commitments",
        _("Commitments overdue or due within 14 days"),
        (Kind.COMMITMENT_OVERDUE, Kind.COMMITMENT_DUE),
    ),
]


@dataclass
class ReminderItem:
    """One deadline to remind the responsible staff of."""

    kind: str
    memorandum: MemorandumPage
    subject_uid: uuid.UUID
    due_on: datetime.date
    today: datetime.date
    commitment: MemorandumCommitment | None = None
    recipients: list = field(default_factory=list)

    @property
    def days_left(self) -> int:
        return (self.due_on - self.today).days

    @property
    def days_late(self) -> int:
        return max(0, -self.days_left)

    @property
    def kind_label(self) -> str:
        return str(Kind(self.kind).label)

    @property
    def admin_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.memorandum.pk])


def _latest(page: MemorandumPage) -> MemorandumPage:
    """Return the memorandum as staff last saved it (its draft, if it has one)."""
    if page.has_unpublished_changes and page.latest_revision_id:
        # collect_reminders() reads latest_revision with the page.
        return page.latest_revision.as_object()
    return page


def _recipients(page: MemorandumPage) -> list:
    return [user for user in page.responsible_staff.all() if user.is_active]


def memorandum_reminders(
    page: MemorandumPage, *, today: datetime.date
) -> list[ReminderItem]:
    """Return the reminders one memorandum (as staff last saved it) gives today."""
    if page.status in FINISHED:
        return []
    items: list[ReminderItem] = []

    def add(kind: str, due_on: datetime.date, subject_uid, commitment=None) -> None:
        items.append(
            ReminderItem(
                kind=kind,
                memorandum=page,
                subject_uid=subject_uid,
                due_on=due_on,
                today=today,
                commitment=commitment,
            )
        )

    if page.status in RUNNING:
        expiry = terms.next_expiry(page, today=today)
        if expiry is not None:
            days = (expiry - today).days
            if days <= EXPIRY_SOON:
                add(Kind.EXPIRY_30, expiry, page.uid)
            elif days <= EXPIRY_AHEAD:
                add(Kind.EXPIRY_90, expiry, page.uid)
        deadline = terms.notice_deadline(page, today=today)
        if deadline is not None and (deadline - today).days <= NOTICE_AHEAD:
            add(Kind.NOTICE_60, deadline, page.uid)
    for commitment in page.commitments.all():
        if commitment.due_on is None or commitment.status in (
            CommitmentStatus.DONE,
            CommitmentStatus.DROPPED,
        ):
            continue
        if commitment.is_overdue(today):
            add(Kind.COMMITMENT_OVERDUE, commitment.due_on, commitment.uid, commitment)
        elif (commitment.due_on - today).days <= COMMITMENT_AHEAD:
            add(Kind.COMMITMENT_DUE, commitment.due_on, commitment.uid, commitment)
    if items:
        recipients = _recipients(page)
        for item in items:
            item.recipients = recipients
    return items


def collect_reminders(*, today: datetime.date) -> list[ReminderItem]:
    """Return every memorandum's reminders for `today`, soonest first."""
    items: list[ReminderItem] = []
    # A fixed number of queries, however many memoranda there are.
    pages = (
        MemorandumPage.objects.exclude(status__in=FINISHED)
        .select_related("latest_revision")
        .prefetch_related("commitments", "responsible_staff")
        .order_by("pk")
    )
    for page in pages:
        items.extend(memorandum_reminders(_latest(page), today=today))
    return sorted(items, key=lambda item: (item.due_on, item.memorandum.pk))


def grouped(items: list[ReminderItem]) -> list[dict]:
    """Return the items in the dashboard's and e-mail's sections."""
    return [
        {
            "key": key,
            "heading": heading,
            "items": [item for item in items if item.kind in kinds],
        }
        for key, heading, kinds in SECTIONS
    ]
