"""Benchmark: a reply deadline with two pauses and one extension (SPEC §2).

Run ``python bench/bench_clock.py [ROUNDS]``. It times
:func:`disclosure_flow.clock.compute_deadline` (explanation not built: it is lazy), and
the same followed by ``status(as_of)``, against a naive day-by-day loop over
``chinese_calendar.is_workday`` doing the same computation (the due date, and the
working days used by ``as_of``), and checks that both give the same answers. The three
are timed in turn, round after round (7 by default), so that a machine whose speed
drifts slows them alike; each ratio is the median of the rounds' ratios. Targets:

- ``compute_deadline`` ≤ 10 µs median, and ≥ 250× the naive loop;
- ``compute_deadline`` + ``status(as_of)`` ≥ 200× the naive loop.

A target not met prints a ``MISSED`` line.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable

import chinese_calendar

from disclosure_flow import WorkdayCalendar
from disclosure_flow.clock import R2019, ClockEvent, Extension, Pause, PauseReason, compute_deadline

DAY0 = dt.date(2026, 9, 28)
AS_OF = dt.date(2026, 11, 30)
PAUSES = (
    (dt.date(2026, 10, 12), dt.date(2026, 10, 20)),
    (dt.date(2026, 10, 28), dt.date(2026, 11, 3)),
)
EVENTS: tuple[ClockEvent, ...] = (
    Pause(PAUSES[0][0], PAUSES[0][1], PauseReason.THIRD_PARTY),
    Pause(PAUSES[1][0], PAUSES[1][1], PauseReason.INTER_AGENCY),
    Extension(10, "负责人", dt.date(2026, 11, 5)),
)
GRANTED_ON = dt.date(2026, 11, 5)
PERIOD = R2019.reply_period.length + 10


def naive() -> tuple[dt.date, int, bool]:
    """Day by day over ``chinese_calendar.is_workday``, in one pass to the later of the
    due date and as_of: skip paused days (s < d <= e), count working days, note the due
    date, whether the extension came after the unextended deadline, and the working days
    used by as_of — the same answers compute_deadline gives."""
    day, count, due, extension_late = DAY0, 0, None, False
    base = R2019.reply_period.length
    while due is None or day < AS_OF:
        day += dt.timedelta(days=1)
        if not any(s < day <= e for s, e in PAUSES) and chinese_calendar.is_workday(day):
            count += 1
            if count == PERIOD:
                due = day
        if day == GRANTED_ON:
            extension_late = count > base or (
                count == base and not chinese_calendar.is_workday(day)
            )
        if day == AS_OF:
            used = count
    return due, used, extension_late


TARGET_US = 10.0
TARGET_DEADLINE_RATIO = 250
TARGET_STATUS_RATIO = 200


def per_call_us(func: Callable[[], object], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        func()
    return (time.perf_counter() - start) / number * 1e6


def main(argv: list[str]) -> int:
    """Run the benchmark; exit 1 if a target is missed."""
    rounds = int(argv[1]) if len(argv) > 1 else 7
    calendar = WorkdayCalendar()

    def fast() -> tuple[dt.date | None, int, bool]:
        deadline = compute_deadline(DAY0, EVENTS, policy=R2019, calendar=calendar)
        return deadline.due, deadline.status(AS_OF).used, bool(deadline.findings)

    def due_only() -> dt.date | None:
        return compute_deadline(DAY0, EVENTS, policy=R2019, calendar=calendar).due

    assert fast() == naive(), (fast(), naive())
    per_call_us(fast, 2_000)  # warm up
    due, both, slow = [], [], []
    for _ in range(rounds):
        due.append(per_call_us(due_only, 20_000))
        both.append(per_call_us(fast, 20_000))
        slow.append(per_call_us(naive, 100))
    due_ratio = statistics.median(s / f for s, f in zip(slow, due, strict=True))
    both_ratio = statistics.median(s / f for s, f in zip(slow, both, strict=True))
    due_us = statistics.median(due)

    print(f"deadline with 2 pauses + 1 extension: (due, used, extension late) = {fast()}")
    print(f"medians of {rounds} rounds, each timing the three in turn")
    print(f"compute_deadline:                 {due_us:8.2f} µs   target ≤ {TARGET_US:g} µs")
    print(f"compute_deadline + status(as_of): {statistics.median(both):8.2f} µs")
    print(f"naive is_workday loop:            {statistics.median(slow):8.1f} µs")
    print(
        f"ratio, deadline:                  {due_ratio:8,.0f}×   target ≥ {TARGET_DEADLINE_RATIO}×"
    )
    print(
        f"ratio, deadline + status:         {both_ratio:8,.0f}×   target ≥ {TARGET_STATUS_RATIO}×"
    )
    missed = []
    if due_us > TARGET_US:
        missed.append(f"compute_deadline {due_us:.2f} µs, target ≤ {TARGET_US:g} µs")
    if due_ratio < TARGET_DEADLINE_RATIO:
        missed.append(
            f"deadline {due_ratio:.0f}× the naive loop, target ≥ {TARGET_DEADLINE_RATIO}×"
        )
    if both_ratio < TARGET_STATUS_RATIO:
        missed.append(
            f"deadline + status {both_ratio:.0f}× the naive loop, target ≥ {TARGET_STATUS_RATIO}×"
        )
    for line in missed:
        print(f"MISSED: {line}")
    if not missed:
        print("targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
