"""Tests for disclosure_flow.clock.periods: sub-deadlines and remedy periods, hand-checked.

Holidays from the State Council notices (2026: 国办发明电〔2025〕7号 — 春节 02-15..02-23
off, 02-14 (Sat) and 02-28 (Sat) worked; 中秋节 09-25..09-27 off; 国庆节 10-01..10-07
off, 09-20 (Sun) and 10-10 (Sat) worked; 2024: 国办发明电〔2023〕7号 — 春节 02-10..02-17
off). "(k)" after a date is the k-th counted working day.
"""

from __future__ import annotations

import datetime as dt
import doctest
import typing

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_flow import (
    CoverageError,
    Estimates,
    InvalidDateError,
    InvalidValueError,
    WorkdayCalendar,
)
from disclosure_flow.clock import (
    R2008,
    R2019,
    DayZero,
    PeriodEnd,
    PeriodKind,
    Policy,
    RemedyLastDay,
    period_end,
)
from disclosure_flow.clock import periods as periods_module

D = dt.date
CAL = WorkdayCalendar()
PROVISIONAL = WorkdayCalendar(estimates=Estimates.ALLOW)


def end(
    kind: PeriodKind, start: dt.date, policy: Policy = R2019, calendar: WorkdayCalendar = CAL
) -> PeriodEnd:
    return period_end(kind, start, policy=policy, calendar=calendar)


def test_correction_notice_seven_working_days() -> None:
    # Day 0 2026-09-28: 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4), 10-10 Sat (5),
    # 10-12 (6), 10-13 (7).
    e = end(PeriodKind.CORRECTION_NOTICE, D(2026, 9, 28))
    assert e.due == e.counted == D(2026, 10, 13)
    assert e.period == R2019.correction_notice_period
    assert not e.provisional
    assert e.low == e.high == e.due


@pytest.mark.parametrize("kind", [PeriodKind.THIRD_PARTY_ANSWER, PeriodKind.INTER_AGENCY_ANSWER])
def test_consultee_answers_fifteen_working_days(kind: PeriodKind) -> None:
    # Letter received 2026-09-30: 10-08 (1), 10-09 (2), 10-10 Sat (3), 10-12..10-16 (4-8),
    # 10-19..10-23 (9-13), 10-26 (14), 10-27 (15).
    assert end(kind, D(2026, 9, 30)).due == D(2026, 10, 27)


def test_fee_payment_counts_from_the_day_after_receipt() -> None:
    # Notice received Fri 2026-02-13; counting begins 02-14, a make-up Saturday (1);
    # 02-15..02-23 off; 02-24..02-27 (2-5), 02-28 Sat (6), 03-02..03-06 (7-11),
    # 03-09..03-13 (12-16), 03-16..03-19 (17-20).
    assert end(PeriodKind.FEE_PAYMENT, D(2026, 2, 13)).due == D(2026, 3, 19)


def test_fee_payment_ignores_the_day_zero_option() -> None:
    # The text fixes the start ("次日起"); the receipt day never counts.
    counted = attrs.evolve(R2019, day_zero=DayZero.COUNTED)
    assert end(PeriodKind.FEE_PAYMENT, D(2026, 2, 13), counted).due == D(2026, 3, 19)
    # Other periods follow the option: 09-28 counts as (1), so the 7th is 10-12.
    assert end(PeriodKind.CORRECTION_NOTICE, D(2026, 9, 28), counted).due == D(2026, 10, 12)


def test_proactive_publication_twenty_working_days() -> None:
    # Created Fri 2026-09-18: 09-20 Sun worked (1), 09-21..09-24 (2-5), 09-25..09-27 off,
    # 09-28..09-30 (6-8), 10-08 (9), 10-09 (10), 10-10 Sat (11), 10-12..10-16 (12-16),
    # 10-19..10-22 (17-20).
    assert end(PeriodKind.PROACTIVE_PUBLICATION, D(2026, 9, 18)).due == D(2026, 10, 22)


def test_reconsideration_sixty_days_moves_off_a_holiday() -> None:
    # 2026-08-02 + 60 days: 08-31 is +29, 09-30 is +59, 10-01 is +60 — National Day;
    # 10-01..10-07 off, so the period ends 10-08.
    e = end(PeriodKind.RECONSIDERATION, D(2026, 8, 2))
    assert e.counted == D(2026, 10, 1)
    assert e.due == D(2026, 10, 8)
    as_counted = attrs.evolve(R2019, remedy_last_day=RemedyLastDay.AS_COUNTED)
    assert end(PeriodKind.RECONSIDERATION, D(2026, 8, 2), as_counted).due == D(2026, 10, 1)


def test_litigation_six_months_end_of_month_rule() -> None:
    # 民法典 Art. 202: no corresponding day -> the month's last day.
    # 2025-08-31 + 6 months -> 2026-02-28, a make-up Saturday (a working day: no move).
    e = end(PeriodKind.LITIGATION, D(2025, 8, 31))
    assert e.counted == e.due == D(2026, 2, 28)
    # Leap year: 2023-08-31 -> 2024-02-29 (Thu, after the 02-10..02-17 block).
    assert end(PeriodKind.LITIGATION, D(2023, 8, 31)).due == D(2024, 2, 29)
    # An ordinary corresponding day: 2026-01-15 -> 2026-07-15 (Wed).
    assert end(PeriodKind.LITIGATION, D(2026, 1, 15)).due == D(2026, 7, 15)
    # 2026-03-21 -> 2026-09-21 (Mon); 2026-03-26 -> 09-26 (Sat, 中秋) -> 09-28 (Mon).
    assert end(PeriodKind.LITIGATION, D(2026, 3, 21)).due == D(2026, 9, 21)
    assert end(PeriodKind.LITIGATION, D(2026, 3, 26)).due == D(2026, 9, 28)


def test_r2008_has_no_correction_notice_period() -> None:
    with pytest.raises(InvalidValueError, match="correction_notice_period"):
        end(PeriodKind.CORRECTION_NOTICE, D(2016, 9, 28), R2008)
    # Proactive publication exists under both: 2016-09-28 + 20 working days.
    assert end(PeriodKind.PROACTIVE_PUBLICATION, D(2016, 9, 28), R2008).period.length == 20


def test_into_2027_strict_and_provisional() -> None:
    # Fee notice received Sun 2026-12-20: 12-21..12-25 (1-5), 12-28..12-31 (6-9); 2027 is
    # not in the data. Estimated: 01-01..01-03 off, 01-04..01-08 (10-14),
    # 01-11..01-15 (15-19), 01-18 (20).
    with pytest.raises(CoverageError):
        end(PeriodKind.FEE_PAYMENT, D(2026, 12, 20))
    e = end(PeriodKind.FEE_PAYMENT, D(2026, 12, 20), calendar=PROVISIONAL)
    assert e.due == D(2027, 1, 18)
    assert e.provisional
    assert e.low <= e.due <= e.high
    assert e.fingerprint == PROVISIONAL.fingerprint


def test_refusals() -> None:
    with pytest.raises(InvalidValueError):
        period_end("fee", D(2026, 1, 5), policy=R2019, calendar=CAL)  # no such value
    with pytest.raises(InvalidDateError):
        end(PeriodKind.FEE_PAYMENT, dt.datetime(2026, 1, 5, 9))
    with pytest.raises(InvalidValueError):
        period_end(PeriodKind.FEE_PAYMENT, D(2026, 1, 5), policy=None, calendar=CAL)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        period_end(PeriodKind.FEE_PAYMENT, D(2026, 1, 5), policy=R2019, calendar=None)  # type: ignore[arg-type]


def test_type_hints_resolve() -> None:
    assert typing.get_type_hints(PeriodEnd)


@settings(max_examples=200, deadline=None)
@given(st.dates(D(2005, 1, 1), D(2025, 12, 31)), st.sampled_from(list(PeriodKind)))
def test_a_period_ends_on_a_working_day_on_or_after_the_counted_day(
    start: dt.date, kind: PeriodKind
) -> None:
    e = end(kind, start)
    assert e.start < e.counted <= e.due
    assert CAL.is_workday(e.due)
    # Nothing between the counted day and the due day is a working day.
    assert CAL.workdays_between(e.counted, e.due) <= 1


def test_module_doctests() -> None:
    result = doctest.testmod(periods_module)
    assert result.attempted > 0
    assert result.failed == 0
