"""Tests for disclosure_flow.workdays.vectorized: the numpy path agrees with the scalar API."""

from __future__ import annotations

import datetime as dt
import sys

import chinese_calendar
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_flow import (
    CoverageError,
    DataStatus,
    Estimates,
    InvalidValueError,
    Overlay,
    OverlayEntry,
    OverlayKind,
    ProvisionalAnswerError,
    WorkdayCalendar,
    YearEnd,
)
from disclosure_flow.workdays.vectorized import add_workdays_array, workdays_between_array
from tests.strategies import LAST_COVERED, covered_dates, signed_counts

#: The package's data final to its last day, as chinese-calendar has it (the default
#: calendar's year-end days pending the 2027 notice: test_year_end.py).
CAL = WorkdayCalendar(year_end=YearEnd.FINAL)


def d64(*days: dt.date) -> np.ndarray:
    return np.array([day.isoformat() for day in days], dtype="datetime64[D]")


def test_hand_checked_examples() -> None:
    # Same hand counts as tests/test_workdays.py (国办发明电〔2025〕7号).
    starts = d64(dt.date(2026, 9, 28), dt.date(2026, 2, 13))
    got = add_workdays_array(CAL, starts, np.array([20, 7]))
    assert got.dtype == np.dtype("datetime64[D]")
    assert got.tolist() == [dt.date(2026, 10, 30), dt.date(2026, 3, 2)]
    assert (
        workdays_between_array(CAL, starts, d64(dt.date(2026, 10, 30), dt.date(2026, 3, 2)))[0]
        == 20
    )


@given(st.lists(covered_dates(last=dt.date(2026, 9, 30)), min_size=1, max_size=30), signed_counts())
def test_add_agrees_with_scalar(days: list[dt.date], n: int) -> None:
    try:
        expected = [CAL.add_workdays(day, n) for day in days]
    except CoverageError:
        with pytest.raises(CoverageError):
            add_workdays_array(CAL, d64(*days), n)
        return
    assert add_workdays_array(CAL, d64(*days), n).tolist() == expected


@given(st.lists(st.tuples(covered_dates(), covered_dates()), min_size=1, max_size=30))
def test_between_agrees_with_scalar(pairs: list[tuple[dt.date, dt.date]]) -> None:
    starts, ends = d64(*(a for a, _ in pairs)), d64(*(b for _, b in pairs))
    expected = [CAL.workdays_between(a, b) for a, b in pairs]
    assert workdays_between_array(CAL, starts, ends).tolist() == expected


@given(st.lists(st.tuples(covered_dates(), covered_dates()), min_size=1, max_size=30))
def test_the_pending_year_end_is_refused_as_the_scalar_api_refuses(
    pairs: list[tuple[dt.date, dt.date]],
) -> None:
    pending = WorkdayCalendar()  # 29–31 December 2026 wait for the 2027 notice
    starts, ends = d64(*(a for a, _ in pairs)), d64(*(b for _, b in pairs))
    try:
        expected = [pending.workdays_between(a, b) for a, b in pairs]
    except ProvisionalAnswerError:
        with pytest.raises(ProvisionalAnswerError):
            workdays_between_array(pending, starts, ends)
        return
    assert workdays_between_array(pending, starts, ends).tolist() == expected


@given(covered_dates(last=dt.date(2026, 10, 31)), st.integers(1, 30))
def test_add_agrees_with_chinese_calendar(start: dt.date, n: int) -> None:
    # chinese-calendar's find_workday rolls a non-working start forward first, so
    # compare on working-day starts only.
    if not chinese_calendar.is_workday(start):
        return
    got = add_workdays_array(CAL, d64(start), n)[0]
    assert got == np.datetime64(chinese_calendar.find_workday(n, start))


def test_broadcasting_and_shapes() -> None:
    starts = d64(dt.date(2026, 3, 2), dt.date(2026, 3, 3)).reshape(2, 1)
    got = add_workdays_array(CAL, starts, np.array([0, 1, 2]))
    assert got.shape == (2, 3)
    # Mon 03-02 / Tue 03-03 with 0, 1, 2 working days: plain weeks in March 2026.
    assert got[0].tolist() == [dt.date(2026, 3, 2), dt.date(2026, 3, 3), dt.date(2026, 3, 4)]
    assert got[1].tolist() == [dt.date(2026, 3, 3), dt.date(2026, 3, 4), dt.date(2026, 3, 5)]
    scalar = add_workdays_array(CAL, np.datetime64("2026-03-02"), 1)
    assert scalar.shape == ()
    empty = add_workdays_array(CAL, np.array([], dtype="datetime64[D]"), 5)
    assert empty.shape == (0,)


def test_coverage_error_is_the_scalar_one() -> None:
    starts = d64(dt.date(2026, 3, 2), LAST_COVERED - dt.timedelta(days=5))
    with pytest.raises(CoverageError) as info:
        add_workdays_array(CAL, starts, 20)
    assert info.value.requested > LAST_COVERED
    with pytest.raises(CoverageError):
        add_workdays_array(CAL, d64(dt.date(2027, 1, 4)), 1)
    with pytest.raises(CoverageError):
        workdays_between_array(CAL, d64(dt.date(2026, 3, 2)), d64(dt.date(2027, 3, 2)))


@pytest.mark.parametrize(
    "starts",
    [
        np.array(["2026-03-02T10:00"], dtype="datetime64[s]"),
        np.array(["2026-03-02"], dtype="datetime64[M]"),
        np.array(["NaT"], dtype="datetime64[D]"),
        np.array([dt.date(2026, 3, 2)], dtype=object),
        np.array(["2026-03-02"]),
        np.array(["10000-01-01"], dtype="datetime64[D]"),
        [dt.date(2026, 3, 2)],
    ],
    ids=["seconds", "months", "NaT", "objects", "strings", "year-10000", "list"],
)
def test_bad_dates_are_refused(starts: object) -> None:
    with pytest.raises(InvalidValueError) as info:
        add_workdays_array(CAL, starts, 1)  # type: ignore[arg-type]  # the point of the test
    assert "datetime64[D]" in str(info.value)
    with pytest.raises(InvalidValueError):
        workdays_between_array(CAL, starts, starts)  # type: ignore[arg-type]  # ditto


@pytest.mark.parametrize(
    "n",
    [True, 1.5, "3", None, np.array([1.0]), np.array([True]), np.array([1], dtype=np.uint64)],
    ids=["bool", "float", "str", "None", "float-array", "bool-array", "uint64-array"],
)
def test_bad_counts_are_refused(n: object) -> None:
    with pytest.raises(InvalidValueError) as info:
        add_workdays_array(CAL, d64(dt.date(2026, 3, 2)), n)  # type: ignore[arg-type]  # ditto
    assert info.value.field == "n"


def test_numpy_integer_counts_are_accepted() -> None:
    got = add_workdays_array(CAL, d64(dt.date(2026, 3, 2)), np.int32(1))
    assert got.tolist() == [dt.date(2026, 3, 3)]


def test_calendar_must_be_a_calendar() -> None:
    with pytest.raises(InvalidValueError):
        add_workdays_array("cal", d64(dt.date(2026, 3, 2)), 1)  # type: ignore[arg-type]  # ditto


def test_provisional_answers_are_refused() -> None:
    monday = dt.date(2026, 6, 15)
    estimated = Overlay(
        "测试叠加（test data）",
        (OverlayEntry(monday, OverlayKind.DAY_OFF, "测试", "test data", DataStatus.ESTIMATED),),
    )
    cal = WorkdayCalendar([estimated])
    with pytest.raises(ProvisionalAnswerError):
        add_workdays_array(cal, d64(dt.date(2026, 3, 2), dt.date(2026, 6, 12)), 3)
    with pytest.raises(ProvisionalAnswerError):
        workdays_between_array(cal, d64(dt.date(2026, 6, 12)), d64(dt.date(2026, 6, 18)))
    # Elements that do not touch the estimated day are answered.
    assert add_workdays_array(cal, d64(dt.date(2026, 6, 16)), 2).tolist() == [dt.date(2026, 6, 18)]
    assert add_workdays_array(cal, d64(dt.date(2026, 6, 12)), 0).tolist() == [dt.date(2026, 6, 12)]


def test_estimated_years_are_refused_but_final_ones_answered() -> None:
    cal = WorkdayCalendar(estimates=Estimates.ALLOW)
    with pytest.raises(ProvisionalAnswerError):
        add_workdays_array(cal, d64(dt.date(2026, 12, 15)), 20)
    got = add_workdays_array(cal, d64(dt.date(2026, 3, 2)), 20)
    assert got.tolist() == [CAL.add_workdays(dt.date(2026, 3, 2), 20)]


def test_missing_numpy_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "numpy", None)
    with pytest.raises(ImportError, match=r"disclosure-flow\[numpy\]"):
        add_workdays_array(CAL, [], 1)  # type: ignore[arg-type]  # numpy is "missing"
