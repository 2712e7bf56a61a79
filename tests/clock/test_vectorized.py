"""Tests for disclosure_flow.clock.vectorized: deadlines on numpy arrays are, case by
case, what compute_deadline and Deadline.status give."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_flow import DisclosureFlowError, InvalidValueError, WorkdayCalendar
from disclosure_flow.clock import (
    R2008,
    R2019,
    ClockEvent,
    Extension,
    Pause,
    PauseReason,
    Policy,
    compute_deadline,
    vectorized,
)
from disclosure_flow.clock.vectorized import DeadlineArrays, deadlines_array
from tests.clock.test_deadline import CAL, NATIONAL_DAY_0, PROVISIONAL, D, fast_policies

NAT = np.datetime64("NaT", "D")
Row = tuple[dt.date, list[tuple[dt.date, dt.date | None] | None], int, dt.date]


def d64(day: dt.date | None) -> np.datetime64:
    return NAT if day is None else np.datetime64(day.isoformat(), "D")


def scalar(
    row: Row, policy: Policy, calendar: WorkdayCalendar, reason: PauseReason
) -> tuple[object, ...]:
    """One case through the scalar API: what deadlines_array gives for it."""
    day0, pauses, days, as_of = row
    events: list[ClockEvent] = [Pause(p[0], p[1], reason) for p in pauses if p is not None]
    if days:
        events.append(Extension(days, "负责人", day0))
    deadline = compute_deadline(day0, events, policy=policy, calendar=calendar)
    s = deadline.status(as_of)
    return (deadline.due, s.used, s.left, s.overdue_by, s.paused, s.provisional)


def vector(
    rows: list[Row], policy: Policy, calendar: WorkdayCalendar, reason: PauseReason
) -> DeadlineArrays:
    k = max(len(r[1]) for r in rows)
    starts = np.full((len(rows), k), NAT)
    ends = np.full((len(rows), k), NAT)
    for i, (_, pauses, _, _) in enumerate(rows):
        for j, p in enumerate(pauses):
            if p is not None:
                starts[i, j], ends[i, j] = d64(p[0]), d64(p[1])
    return deadlines_array(
        np.array([d64(r[0]) for r in rows]),
        pause_starts=starts,
        pause_ends=ends,
        extension_days=np.array([r[2] for r in rows]),
        as_of=np.array([d64(r[3]) for r in rows]),
        policy=policy,
        calendar=calendar,
        pause_reason=reason,
    )


def elements(got: DeadlineArrays, i: int) -> tuple[object, ...]:
    due = got.due[i]
    return (
        None if np.isnat(due) else due.item(),
        int(got.used[i]),
        int(got.left[i]),
        int(got.overdue_by[i]),
        bool(got.paused[i]),
        bool(got.provisional[i]),
    )


def agree(
    rows: list[Row],
    policy: Policy,
    calendar: WorkdayCalendar,
    reason: PauseReason = PauseReason.THIRD_PARTY,
) -> DeadlineArrays | None:
    expected = []
    for row in rows:
        try:
            expected.append(scalar(row, policy, calendar, reason))
        except DisclosureFlowError as error:
            refused = error
            break
    else:
        refused = None
    if refused is not None:
        # The first case the scalar API refuses: the same error for the batch.
        with pytest.raises(type(refused)) as raised:
            vector(rows, policy, calendar, reason)
        assert str(raised.value) == str(refused)
        return None
    got = vector(rows, policy, calendar, reason)
    assert got.due.dtype == np.dtype("datetime64[D]")
    for i, want in enumerate(expected):
        assert elements(got, i) == want, (i, rows[i])
    return got


@st.composite
def rows(draw: st.DrawFn, *, messy: bool) -> Row:
    """A case: day 0, up to three pauses (a column may be empty), extension days, as_of
    on or after every event (or, *messy*, anything: refusals must match too)."""
    day0 = draw(st.dates(D(2019, 1, 10), D(2027, 3, 1)))
    pauses: list[tuple[dt.date, dt.date | None] | None] = []
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            pauses.append(None)
            continue
        start = day0 + dt.timedelta(days=draw(st.integers(-3 if messy else 0, 60)))
        length = draw(st.one_of(st.none(), st.integers(-2 if messy else 0, 30)))
        pauses.append((start, None if length is None else start + dt.timedelta(days=length)))
    days = draw(st.sampled_from([0, 0, 5, 10, 20]) if not messy else st.integers(-1, 25))
    last = max([day0, *(p[1] or p[0] for p in pauses if p is not None)])
    as_of = last + dt.timedelta(days=draw(st.integers(-5 if messy else 0, 120)))
    return day0, pauses, days, as_of


@settings(max_examples=800, deadline=None)
@given(
    st.lists(rows(messy=False), min_size=1, max_size=12),
    fast_policies,
    st.sampled_from([CAL, PROVISIONAL]),
    st.sampled_from(list(PauseReason)),
)
def test_each_case_is_what_the_scalar_api_gives(
    cases: list[Row], policy: Policy, calendar: WorkdayCalendar, reason: PauseReason
) -> None:
    agree(cases, policy, calendar, reason)


@settings(max_examples=800, deadline=None)
@given(
    st.lists(rows(messy=True), min_size=1, max_size=12),
    fast_policies,
    st.sampled_from([CAL, PROVISIONAL]),
)
def test_refusals_are_the_scalar_api_s(
    cases: list[Row], policy: Policy, calendar: WorkdayCalendar
) -> None:
    agree(cases, policy, calendar)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(rows(messy=False), min_size=1, max_size=20),
    fast_policies,
    st.sampled_from([CAL, PROVISIONAL]),
)
def test_chunks_make_no_difference(
    cases: list[Row], policy: Policy, calendar: WorkdayCalendar
) -> None:
    with mock.patch.object(vectorized, "_CHUNK", 3):
        agree(cases, policy, calendar)


def test_hand_checked_and_the_strict_rule_beyond_the_data() -> None:
    # The issue example (tests/clock/test_deadline.py): due 11-23; as of 11-02 15 used.
    pause = (D(2026, 10, 12), D(2026, 10, 20))
    got = agree(
        [
            (NATIONAL_DAY_0, [pause], 10, D(2026, 11, 2)),
            (NATIONAL_DAY_0, [None], 0, D(2026, 11, 2)),
        ],
        R2019,
        CAL,
    )
    assert got is not None
    assert got.due.tolist() == [D(2026, 11, 23), D(2026, 10, 30)]
    assert got.used.tolist() == [15, 21]
    # Day 0 in December 2026: the deadline is in 2027, beyond the official data.
    late: list[Row] = [(D(2026, 12, 10), [], 0, D(2026, 12, 11))]
    assert agree(late, R2019, CAL) is None  # CoverageError, as compute_deadline
    got = agree(late, R2019, PROVISIONAL)
    assert got is not None
    assert got.provisional.tolist() == [True]


def test_a_running_pause_leaves_the_deadline_open() -> None:
    got = agree([(NATIONAL_DAY_0, [(D(2026, 10, 12), None)], 0, D(2026, 10, 16))], R2019, CAL)
    assert got is not None
    assert np.isnat(got.due[0])
    assert (got.used[0], got.left[0], got.paused[0]) == (6, 14, True)


def test_r2008_leaves_other_pauses_in() -> None:
    row: Row = (NATIONAL_DAY_0, [(D(2026, 10, 12), D(2026, 10, 20))], 0, D(2026, 11, 30))
    agree([row], R2008, CAL, PauseReason.INTER_AGENCY)
    agree([row], R2008, CAL, PauseReason.THIRD_PARTY)


def test_pandas_columns_and_frame() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {
            "day0": pd.to_datetime(["2026-09-28", "2026-03-02"]),
            "start": pd.to_datetime(["2026-10-12", None]),
            "end": pd.to_datetime(["2026-10-20", None]),
            "days": [10, 0],
        }
    )
    got = deadlines_array(
        frame["day0"],
        pause_starts=frame["start"],
        pause_ends=frame["end"],
        extension_days=frame["days"],
        as_of=dt.date(2026, 11, 2),
        policy=R2019,
        calendar=CAL,
    )
    out = got.to_frame(index=frame.index)
    assert list(out.columns) == ["due", "used", "left", "overdue_by", "paused", "provisional"]
    assert out["due"].dt.date.tolist() == [D(2026, 11, 23), D(2026, 3, 30)]
    with pytest.raises(InvalidValueError, match="time of day"):
        deadlines_array(
            pd.to_datetime(["2026-09-28 09:30"]),
            as_of=dt.date(2026, 11, 2),
            policy=R2019,
            calendar=CAL,
        )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"day0": np.array([1, 2])},
        {"day0": np.array(["NaT"], dtype="datetime64[D]")},
        {"extension_days": np.array([1.5])},
        {"extension_days": True},
        {"pause_starts": np.array(["2026-10-01"], dtype="datetime64[D]")},
        {"as_of": dt.datetime(2026, 11, 2, 9)},
        {"policy": "R2019"},
        {"calendar": "national"},
        {"pause_reason": "FEE"},
        {"as_of": np.array(["2026-11-02", "2026-11-03"], dtype="datetime64[D]")},
        {"extension_days": np.array([1, 2])},
    ],
)
def test_wrong_arguments(kwargs: dict[str, object]) -> None:
    args: dict[str, object] = {
        "day0": np.array(["2026-09-28"], dtype="datetime64[D]"),
        "as_of": dt.date(2026, 11, 2),
        "policy": R2019,
        "calendar": CAL,
        **kwargs,
    }
    day0 = args.pop("day0")
    with pytest.raises(DisclosureFlowError):
        deadlines_array(day0, **args)  # type: ignore[arg-type]


def test_no_cases() -> None:
    got = deadlines_array(
        np.array([], dtype="datetime64[D]"),
        pause_starts=np.empty((0, 2), dtype="datetime64[D]"),
        pause_ends=np.empty((0, 2), dtype="datetime64[D]"),
        as_of=dt.date(2026, 11, 2),
        policy=R2019,
        calendar=CAL,
    )
    assert got.due.shape == got.used.shape == (0,)


def test_numpy_stays_out_of_import_disclosure_flow() -> None:
    code = (
        "import sys, disclosure_flow, disclosure_flow.clock; "
        "print('numpy' in sys.modules, 'pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.split() == ["False", "False"]
