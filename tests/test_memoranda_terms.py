"""Computed dates of a memorandum's term: expiry, renewals, notice deadlines."""

import datetime
from types import SimpleNamespace

import pytest

from memoranda import services, terms

D = datetime.date


def memo(**values) -> SimpleNamespace:
    defaults = {
        "status": "in_force",
        "signed_on": None,
        "in_force_from": None,
        "term_years": None,
        "expires_on": None,
        "renews_for_years": None,
        "notice_months": None,
    }
    return SimpleNamespace(**{**defaults, **values})


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2025, 5, 31), -3, D(2025, 2, 28)),
        (D(2024, 5, 31), -3, D(2024, 2, 29)),
        (D(2025, 3, 31), -1, D(2025, 2, 28)),
        (D(2025, 1, 31), 1, D(2025, 2, 28)),
        (D(2025, 8, 31), -6, D(2025, 2, 28)),
        (D(2025, 12, 15), 1, D(2026, 1, 15)),
        (D(2025, 1, 15), -1, D(2024, 12, 15)),
        (D(2025, 7, 31), -1, D(2025, 6, 30)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(day, months, expected):
    assert terms.add_months(day, months) == expected


def test_a_term_from_29_february_ends_on_28_february():
    assert terms.add_years(D(2020, 2, 29), 1) == D(2021, 2, 28)
    assert terms.add_years(D(2020, 2, 29), 4) == D(2024, 2, 29)


def test_notice_three_months_before_31_may_is_the_last_day_of_february():
    memorandum = memo(
        signed_on=D(2020, 5, 31), term_years=5, renews_for_years=1, notice_months=3
    )
    assert services.next_expiry(memorandum, today=D(2025, 1, 1)) == D(2025, 5, 31)
    assert services.notice_deadline(memorandum, today=D(2025, 1, 1)) == D(2025, 2, 28)
    # In a leap year the deadline is 29 February.
    assert services.notice_deadline(memorandum, today=D(2027, 6, 1)) == D(2028, 2, 29)


def test_term_runs_from_entry_into_force_when_given():
    memorandum = memo(
        signed_on=D(2018, 6, 1), in_force_from=D(2018, 7, 15), term_years=3
    )
    assert terms.first_expiry(memorandum) == D(2021, 7, 15)


def test_a_typed_expiry_date_wins_over_no_term():
    memorandum = memo(signed_on=D(2018, 6, 1), expires_on=D(2019, 12, 31))
    assert services.next_expiry(memorandum, today=D(2019, 1, 1)) == D(2019, 12, 31)


def test_renewals_roll_the_expiry_forward():
    memorandum = memo(
        signed_on=D(2018, 6, 1), term_years=3, renews_for_years=1, notice_months=6
    )
    assert services.next_expiry(memorandum, today=D(2021, 5, 1)) == D(2021, 6, 1)
    assert services.next_expiry(memorandum, today=D(2021, 6, 1)) == D(2021, 6, 1)
    assert services.next_expiry(memorandum, today=D(2021, 6, 2)) == D(2022, 6, 1)
    assert services.next_expiry(memorandum, today=D(2025, 3, 10)) == D(2025, 6, 1)


def test_a_passed_notice_deadline_moves_to_the_next_renewal():
    memorandum = memo(
        signed_on=D(2018, 6, 1), term_years=3, renews_for_years=1, notice_months=6
    )
    assert services.notice_deadline(memorandum, today=D(2024, 12, 1)) == D(2024, 12, 1)
    # 2 December 2024 is too late to stop the renewal of 1 June 2025.
    assert services.notice_deadline(memorandum, today=D(2024, 12, 2)) == D(2025, 12, 1)


def test_multi_year_renewals_keep_their_rhythm_over_decades():
    memorandum = memo(
        signed_on=D(1990, 3, 1), term_years=5, renews_for_years=2, notice_months=1
    )
    # 1995, 1997, ... 2025, 2027: odd years only.
    assert services.next_expiry(memorandum, today=D(2025, 3, 2)) == D(2027, 3, 1)
    assert services.next_expiry(memorandum, today=D(2025, 3, 1)) == D(2025, 3, 1)


def test_without_renewal_a_past_term_has_no_next_expiry():
    memorandum = memo(signed_on=D(2018, 6, 1), term_years=3)
    assert services.next_expiry(memorandum, today=D(2021, 6, 2)) is None
    assert services.notice_deadline(memorandum, today=D(2021, 1, 1)) is None
    assert not terms.is_in_force(memorandum, today=D(2021, 6, 2))
    assert terms.is_in_force(memorandum, today=D(2021, 6, 1))


def test_ended_memoranda_have_no_future_dates():
    for status in ("expired", "terminated", "abandoned"):
        memorandum = memo(
            status=status,
            signed_on=D(2018, 6, 1),
            term_years=3,
            renews_for_years=1,
            notice_months=6,
        )
        assert services.next_expiry(memorandum, today=D(2020, 1, 1)) is None
        assert services.notice_deadline(memorandum, today=D(2020, 1, 1)) is None


def test_no_term_means_no_expiry_but_still_in_force():
    memorandum = memo(signed_on=D(2018, 6, 1))
    assert services.next_expiry(memorandum, today=D(2030, 1, 1)) is None
    assert terms.is_in_force(memorandum, today=D(2030, 1, 1))
    assert not terms.is_in_force(memorandum, today=D(2018, 5, 31))
    assert not terms.is_in_force(
        memo(status="signed", signed_on=D(2018, 6, 1)), today=D(2020, 1, 1)
    )


def test_terms_errors_name_the_field_at_fault():
    errors = services.terms_errors(
        status="idea",
        signed_on=D(2020, 1, 10),
        in_force_from=D(2020, 1, 1),
        term_years=3,
        expires_on=D(2021, 1, 1),
        renews_for_years=1,
        notice_months=None,
    )
    assert set(errors) == {"in_force_from", "expires_on", "notice_months"}
    errors = services.terms_errors(
        status="signed",
        signed_on=None,
        in_force_from=None,
        term_years=None,
        expires_on=None,
        renews_for_years=2,
        notice_months=None,
    )
    assert set(errors) == {"signed_on", "renews_for_years", "notice_months"}
    errors = services.terms_errors(
        status="idea",
        signed_on=None,
        in_force_from=None,
        term_years=0,
        expires_on=None,
        renews_for_years=None,
        notice_months=3,
    )
    assert set(errors) == {"term_years", "notice_months"}
    assert (
        services.terms_errors(
            status="in_force",
            signed_on=D(2018, 6, 1),
            in_force_from=D(2018, 6, 1),
            term_years=3,
            expires_on=None,
            renews_for_years=1,
            notice_months=6,
        )
        == {}
    )
