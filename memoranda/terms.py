"""Date arithmetic of a memorandum's term: expiry, renewal and notice deadlines.

The functions read only plain attributes (status, signed_on, in_force_from,
term_years, expires_on, renews_for_years, notice_months), so they work on a saved
page, on a revision and on an unsaved form instance alike.
"""

import calendar
import datetime

# Statuses after which a memorandum has no future expiry or notice deadline.
ENDED_STATUSES = frozenset({"expired", "terminated", "abandoned"})


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Return the same day `months` later (or earlier), clamped to the month's end."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def add_years(day: datetime.date, years: int) -> datetime.date:
    """Return the same day `years` later; 29 February becomes 28 February."""
    return add_months(day, 12 * years)


def term_start(memorandum) -> datetime.date | None:
    """Return the day the term runs from: entry into force, else signing."""
    return memorandum.in_force_from or memorandum.signed_on


def first_expiry(memorandum) -> datetime.date | None:
    """Return the end of the initial term: the typed expiry date or start + term."""
    if memorandum.expires_on:
        return memorandum.expires_on
    start = term_start(memorandum)
    if start and memorandum.term_years:
        return add_years(start, memorandum.term_years)
    return None


def next_expiry(memorandum, *, today: datetime.date) -> datetime.date | None:
    """Return the first expiry on or after `today`, following automatic renewals.

    None when the memorandum has ended, has no fixed term, or its term ran out
    without renewal.
    """
    if memorandum.status in ENDED_STATUSES:
        return None
    expiry = first_expiry(memorandum)
    if expiry is None:
        return None
    if expiry >= today:
        return expiry
    step = memorandum.renews_for_years
    if not step:
        return None
    # Jump close to today first so old memoranda do not loop year by year.
    behind = max(0, (today.year - expiry.year) // step - 1)
    expiry = add_years(expiry, behind * step)
    while expiry < today:
        expiry = add_years(expiry, step)
    return expiry


def notice_deadline(memorandum, *, today: datetime.date) -> datetime.date | None:
    """Return the last day, on or after `today`, to give notice against renewal."""
    if not memorandum.renews_for_years or not memorandum.notice_months:
        return None
    expiry = next_expiry(memorandum, today=today)
    if expiry is None:
        return None
    deadline = add_months(expiry, -memorandum.notice_months)
    while deadline < today:
        # This renewal can no longer be stopped; the next one still can.
        expiry = add_years(expiry, memorandum.renews_for_years)
        deadline = add_months(expiry, -memorandum.notice_months)
    return deadline


def is_in_force(memorandum, *, today: datetime.date) -> bool:
    """Return whether the memorandum is in force on `today`."""
    start = term_start(memorandum)
    if memorandum.status != "in_force" or start is None or start > today:
        return False
    return first_expiry(memorandum) is None or (
        next_expiry(memorandum, today=today) is not None
    )
