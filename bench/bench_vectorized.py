"""Benchmark: a notebook's deadlines, 10^6 cases on numpy arrays (not a timed test).

Run ``python bench/bench_vectorized.py [N]``. It draws N cases (default 1,000,000,
fixed seed): day 0 from 2024 to mid-2026, none, one or two consultations (a few still
running), an extension of 10 or 20 working days for some; then times
:func:`disclosure_flow.clock.vectorized.deadlines_array` (due dates and the status as of
30 November 2026) on the strict calendar (median of five full passes), and on the
provisional calendar N cases from August to October 2026 as of 31 December 2026 (their
deadlines reach into 2027, which has no official data yet: provisional, as the scalar
API says). It checks every case against ``compute_deadline`` and ``Deadline.status``.
Target: ≤ 100 ns per case on the strict calendar, identical on
every case; a target not met prints a ``MISSED`` line (and the exit status is 1).
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from typing import Any

import numpy as np

from disclosure_flow import Estimates, WorkdayCalendar
from disclosure_flow.clock import (
    R2019,
    ClockEvent,
    Extension,
    Pause,
    PauseReason,
    compute_deadline,
)
from disclosure_flow.clock.vectorized import DeadlineArrays, deadlines_array

SEED = 20261130
N_CASES = 1_000_000
AS_OF = dt.date(2026, 11, 30)
YEAR_END = dt.date(2026, 12, 31)
TARGET_NS = 100
NAT = np.datetime64("NaT", "D")


def draw(n: int, first: str, days: int) -> dict[str, Any]:
    """*n* cases with day 0 in the *days* days from *first*."""
    rng = np.random.default_rng(SEED)
    day0 = np.datetime64(first, "D") + rng.integers(0, days, n)
    s1 = day0 + rng.integers(0, 20, n)
    e1 = s1 + rng.integers(0, 16, n)
    s2 = e1 + rng.integers(0, 10, n)
    e2 = s2 + rng.integers(0, 16, n)
    starts = np.stack([s1, s2], axis=1)
    ends = np.stack([e1, e2], axis=1)
    pauses = rng.choice(3, n, p=[0.4, 0.4, 0.2])  # none, one, two
    starts[pauses < 1, 0] = ends[pauses < 1, 0] = NAT
    starts[pauses < 2, 1] = ends[pauses < 2, 1] = NAT
    running = (pauses == 1) & (rng.random(n) < 0.03)
    ends[running, 0] = NAT
    extension = rng.choice([0, 10, 20], n, p=[0.65, 0.3, 0.05])
    return {"day0": day0, "pause_starts": starts, "pause_ends": ends, "extension_days": extension}


def timed(
    cases: dict[str, Any], as_of: dt.date, calendar: WorkdayCalendar, runs: int = 5
) -> tuple[float, Any]:
    """Median ns per case over *runs* full passes, and the last result."""
    n = len(cases["day0"])
    times = []
    got = None
    for _ in range(runs):
        start = time.perf_counter()
        got = deadlines_array(**cases, as_of=as_of, policy=R2019, calendar=calendar)
        times.append((time.perf_counter() - start) / n * 1e9)
    return statistics.median(times), got


def differences(
    cases: dict[str, Any], as_of: dt.date, got: DeadlineArrays, calendar: WorkdayCalendar
) -> int:
    """How many cases the arrays give otherwise than the scalar API."""
    wrong = 0
    day = dt.date.fromisoformat
    for i in range(len(cases["day0"])):
        day0 = cases["day0"][i].item()
        events: list[ClockEvent] = [
            Pause(s.item(), None if np.isnat(e) else e.item(), PauseReason.THIRD_PARTY)
            for s, e in zip(cases["pause_starts"][i], cases["pause_ends"][i], strict=True)
            if not np.isnat(s)
        ]
        if cases["extension_days"][i]:
            events.append(Extension(int(cases["extension_days"][i]), "负责人", day0))
        deadline = compute_deadline(day0, events, policy=R2019, calendar=calendar)
        status = deadline.status(as_of)
        due = None if np.isnat(got.due[i]) else day(str(got.due[i]))
        wrong += (due, got.used[i], got.left[i], got.overdue_by[i]) != (
            deadline.due,
            status.used,
            status.left,
            status.overdue_by,
        ) or (got.paused[i], got.provisional[i]) != (status.paused, status.provisional)
    return wrong


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else N_CASES
    cases = draw(n, "2024-01-02", 900)
    late = draw(n, "2026-08-01", 92)
    strict, provisional = WorkdayCalendar(), WorkdayCalendar(estimates=Estimates.ALLOW)
    warm = {k: v[:10] for k, v in cases.items()}
    deadlines_array(**warm, as_of=AS_OF, policy=R2019, calendar=strict)
    strict_ns, got = timed(cases, AS_OF, strict)
    provisional_ns, got_late = timed(late, YEAR_END, provisional)
    print(f"{n:,} cases, medians of 5 full passes")
    print(
        f"deadlines_array, strict calendar, as of {AS_OF}       {strict_ns:8.1f} ns/case"
        f"   target ≤ {TARGET_NS}"
    )
    print(f"deadlines_array, provisional calendar, as of {YEAR_END} {provisional_ns:8.1f} ns/case")
    print(
        f"strict: open {int(np.isnat(got.due).sum()):,}, overdue "
        f"{int((got.overdue_by > 0).sum()):,}, paused {int(got.paused.sum()):,}; "
        f"provisional calendar: {int(got_late.provisional.sum()):,} provisional"
    )
    start = time.perf_counter()
    wrong = differences(cases, AS_OF, got, strict)
    wrong += differences(late, YEAR_END, got_late, provisional)
    scalar_us = (time.perf_counter() - start) / (2 * n) * 1e6
    print(
        f"checked every case against compute_deadline + status ({scalar_us:.1f} µs a case "
        f"there): {wrong} differ"
    )
    missed = []
    if strict_ns > TARGET_NS:
        missed.append(f"{strict_ns:.1f} ns per case, target ≤ {TARGET_NS}")
    if wrong:
        missed.append(f"{wrong} cases differ from compute_deadline, target 0")
    for line in missed:
        print(f"MISSED: {line}")
    if not missed:
        print("targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
