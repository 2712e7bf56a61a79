"""Benchmark of the working-day calendar against chinese-calendar (not a timed test).

Run from the repository root::

    python bench/bench_calendar.py

It prints one table: µs per call for ``add_workdays(d, 20)`` and
``workdays_between(d, d + 30 days)`` beside ``chinese_calendar.find_workday(20, d)``
and ``len(chinese_calendar.get_workdays(d + 1 day, d + 30 days))`` on the same
10,000 random start dates 2019–2026 (fixed seed), the speed ratios, the time to
build a calendar with three overlays, ``import disclosure_flow`` in a fresh
interpreter, and the numpy path per element. Targets: ratios ≥ 1,000× (aim 3,000×),
build ≤ 20 ms, import ≤ 150 ms, and the values agree; a target not met prints a
``MISSED`` line (and the exit status is 1).
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import chinese_calendar

from disclosure_flow import (
    DataStatus,
    Estimates,
    Overlay,
    OverlayEntry,
    OverlayKind,
    WorkdayCalendar,
)

SEED = 20260928
N_DATES = 10_000
ROOT = Path(__file__).resolve().parent.parent
ONE = dt.timedelta(days=1)
MONTH = dt.timedelta(days=30)


def median_us_per_call(run: Callable[[], object], calls: int, repeats: int) -> float:
    """Median over *repeats* runs of ``run()``, in µs per call (``run`` makes *calls*)."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times) / calls * 1e6


def chunked_us_per_call(
    func: Callable[[dt.date], object], days: Sequence[dt.date], chunks: int
) -> float:
    """One pass over *days* split in *chunks*; median µs/call over the chunks (the slow
    reference functions would take minutes if every repeat covered all dates)."""
    size = len(days) // chunks
    per_chunk = []
    for k in range(chunks):
        part = days[k * size : (k + 1) * size]
        started = time.perf_counter()
        for day in part:
            func(day)
        per_chunk.append((time.perf_counter() - started) / len(part) * 1e6)
    return statistics.median(per_chunk)


def sample_dates() -> list[dt.date]:
    rng = random.Random(SEED)
    first = dt.date(2019, 1, 1).toordinal()
    # Late enough that d + 30 days and the 20th working day stay inside 2026.
    last = dt.date(2026, 11, 15).toordinal()
    return [dt.date.fromordinal(rng.randint(first, last)) for _ in range(N_DATES)]


def three_overlays() -> list[Overlay]:
    """An example local overlay, a made-up province, a one-off closure (test data)."""
    linxia = Overlay.load(ROOT / "examples" / "overlays" / "linxia.toml")
    source = "benchmark data, not a real notice"
    province = Overlay(
        "bench province",
        tuple(
            OverlayEntry(dt.date(year, 3, 3), OverlayKind.DAY_OFF, "bench festival", source)
            for year in range(2019, 2027)
        )
        + tuple(
            OverlayEntry(
                dt.date(year, 6, 1),
                OverlayKind.DAY_OFF,
                "bench feast",
                source,
                DataStatus.ESTIMATED,
            )
            for year in range(2019, 2027)
        ),
    )
    closure = Overlay(
        "bench closure",
        (OverlayEntry(dt.date(2026, 7, 7), OverlayKind.DAY_OFF, "power cut", source),),
    )
    return [linxia, province, closure]


def import_ms(repeats: int = 7) -> float:
    code = (
        "import time; t = time.perf_counter(); import disclosure_flow; "
        "print(time.perf_counter() - t)"
    )
    times = []
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        ).stdout
        times.append(float(out) * 1e3)
    return statistics.median(times)


def numpy_ns_per_element(cal: WorkdayCalendar, days: Sequence[dt.date]) -> tuple[float, float]:
    import numpy as np

    from disclosure_flow.workdays.vectorized import add_workdays_array, workdays_between_array

    base = np.array([d.isoformat() for d in days], dtype="datetime64[D]")
    starts = np.resize(base, 1_000_000)
    ends = (starts + np.timedelta64(30, "D")).astype("datetime64[D]")
    add_workdays_array(cal, starts[:10], 20)  # build the numpy tables once
    add = median_us_per_call(lambda: add_workdays_array(cal, starts, 20), len(starts), 5)
    between = median_us_per_call(lambda: workdays_between_array(cal, starts, ends), len(starts), 5)
    return add * 1e3, between * 1e3


def main() -> int:
    days = sample_dates()
    ends = [d + MONTH for d in days]
    pairs = list(zip(days, ends, strict=True))

    started = time.perf_counter()
    cal = WorkdayCalendar()
    cold_ms = (time.perf_counter() - started) * 1e3

    add = cal.add_workdays
    between = cal.workdays_between
    ours_add = median_us_per_call(lambda: [add(d, 20) for d in days], len(days), 7)
    ours_between = median_us_per_call(lambda: [between(a, b) for a, b in pairs], len(days), 7)
    ref_add = chunked_us_per_call(lambda d: chinese_calendar.find_workday(20, d), days, 5)
    ref_between = chunked_us_per_call(
        lambda d: len(chinese_calendar.get_workdays(d + ONE, d + MONTH)), days, 5
    )

    # Values: find_workday rolls a non-working start forward, so compare on working days.
    working = [d for d in days if chinese_calendar.is_workday(d)]
    add_agree = sum(
        cal.add_workdays(d, 20) == chinese_calendar.find_workday(20, d) for d in working
    )
    between_agree = sum(
        cal.workdays_between(d, d + MONTH) == len(chinese_calendar.get_workdays(d + ONE, d + MONTH))
        for d in days
    )

    overlays = three_overlays()
    build_ms = median_us_per_call(lambda: WorkdayCalendar(overlays), 1, 21) / 1e3
    national_ms = median_us_per_call(lambda: WorkdayCalendar(), 1, 21) / 1e3
    allow_ms = (
        median_us_per_call(lambda: WorkdayCalendar(overlays, estimates=Estimates.ALLOW), 1, 7) / 1e3
    )

    try:
        np_add, np_between = numpy_ns_per_element(cal, days)
        numpy_line = (
            f"numpy add_workdays_array          {np_add / 1e3:10.4f} µs/element "
            f"({np_add:.1f} ns; batch of 10^6)\n"
            f"numpy workdays_between_array      {np_between / 1e3:10.4f} µs/element "
            f"({np_between:.1f} ns; batch of 10^6)"
        )
    except ImportError as error:
        numpy_line = f"numpy path: not measured ({error})"

    imp = import_ms()

    def verdict(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    add_ratio, between_ratio = ref_add / ours_add, ref_between / ours_between
    print(f"disclosure_flow benchmark — {N_DATES:,} random start dates 2019–2026, seed {SEED}")
    print(f"python {sys.version.split()[0]}, chinese-calendar {chinese_calendar.__version__}")
    print()
    print(
        f"{'operation':<34}{'ours µs':>10}{'cc µs':>12}{'ratio':>10}  target ≥1,000× (aim 3,000×)"
    )
    print(
        f"{'add_workdays(d, 20)':<34}{ours_add:>10.3f}{ref_add:>12.1f}{add_ratio:>9,.0f}×"
        f"  {verdict(add_ratio >= 1000)}  vs find_workday(20, d)"
    )
    print(
        f"{'workdays_between(d, d+30)':<34}{ours_between:>10.3f}{ref_between:>12.1f}"
        f"{between_ratio:>9,.0f}×  {verdict(between_ratio >= 1000)}"
        "  vs len(get_workdays(d+1, d+30))"
    )
    print()
    print(
        f"values agree: add {add_agree}/{len(working)} working-day starts, "
        f"between {between_agree}/{len(days)}"
    )
    print()
    print(f"build WorkdayCalendar() first in process  {cold_ms:8.2f} ms (reads chinese-calendar)")
    print(f"build WorkdayCalendar() again             {national_ms:8.2f} ms")
    print(
        f"build WorkdayCalendar(3 overlays)         {build_ms:8.2f} ms  target ≤ 20 ms "
        f"{verdict(build_ms <= 20)}"
    )
    print(f"build WorkdayCalendar(3 overlays, ALLOW) {allow_ms:8.2f} ms (estimates years to 2035)")
    print(
        f"import disclosure_flow (fresh process)    {imp:8.2f} ms  target ≤ 150 ms "
        f"{verdict(imp <= 150)}"
    )
    print()
    print(numpy_line)
    missed = [
        f"{name} {value}, target {target}"
        for ok, name, value, target in (
            (add_ratio >= 1000, "add_workdays", f"{add_ratio:,.0f}×", "≥ 1,000×"),
            (between_ratio >= 1000, "workdays_between", f"{between_ratio:,.0f}×", "≥ 1,000×"),
            (build_ms <= 20, "build with 3 overlays", f"{build_ms:.2f} ms", "≤ 20 ms"),
            (imp <= 150, "import disclosure_flow", f"{imp:.2f} ms", "≤ 150 ms"),
            (
                add_agree == len(working) and between_agree == len(days),
                "values agreeing with chinese-calendar",
                f"{add_agree + between_agree:,}/{len(working) + len(days):,}",
                "all",
            ),
        )
        if not ok
    ]
    print()
    for line in missed:
        print(f"MISSED: {line}")
    if not missed:
        print("targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
