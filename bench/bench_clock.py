"""Benchmark: a reply deadline with two pauses and one extension (SPEC §2, issue 3).

Run ``python bench/bench_clock.py``. It times :func:`disclosure_flow.clock.compute_deadline`
(explanation not built: it is lazy) against a naive day-by-day loop over
``chinese_calendar.is_workday`` doing the same computation, in the same run, checks
that both give the same date, and prints the medians in µs and their ratio. Targets:
≤ 10 µs median, ≥ 500× faster than the naive loop.
"""

from __future__ import annotations

import datetime as dt
import statistics
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


def median_us(func: Callable[[], object], number: int, repeat: int = 7) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            func()
        timings.append((time.perf_counter() - start) / number)
    return statistics.median(timings) * 1e6


def main() -> None:
    calendar = WorkdayCalendar()

    def fast() -> tuple[dt.date | None, int, bool]:
        deadline = compute_deadline(DAY0, EVENTS, policy=R2019, calendar=calendar)
        return deadline.due, deadline.status(AS_OF).used, bool(deadline.findings)

    def due_only() -> dt.date | None:
        return compute_deadline(DAY0, EVENTS, policy=R2019, calendar=calendar).due

    assert fast() == naive(), (fast(), naive())
    due_us = median_us(due_only, 20_000)
    clock_us = median_us(fast, 20_000)
    naive_us = median_us(naive, 100)
    print(f"deadline with 2 pauses + 1 extension: (due, used, extension late) = {fast()}")
    print(f"compute_deadline: {due_us:8.2f} µs median (target <= 10)")
    print(f"compute_deadline + status(as_of): {clock_us:8.2f} µs median")
    print(f"naive is_workday loop: {naive_us:8.1f} µs median")
    print(f"ratio: {naive_us / due_us:,.0f}x deadline, {naive_us / clock_us:,.0f}x with status")


if __name__ == "__main__":
    main()
