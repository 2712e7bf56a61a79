"""Benchmark of the annual report over 1,000,000 records (not a timed test).

Run from the repository root::

    python bench/bench_report.py [N]

It generates N records (default 1,000,000) with a fixed seed: day 0 spread over
2024–2026, about 85 % concluded 0–60 days later in a random table-三 row, a few
never confirmed, about 2 % with a proceeding. Generation is not measured. It then
times :func:`~disclosure_flow.reports.annual.annual_report` for 2025 (best of three runs,
each a full pass), prints the time, the number of records counted and whether the
balance holds, and times :func:`~disclosure_flow.reports.metrics.annual_statistics` too.
Target: the report ≤ 5 s on a 2-core machine; a target not met prints a ``MISSED``
line (and the exit status is 1).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time

from disclosure_flow.cases import ApplicantKind, ReportRow
from disclosure_flow.reports import (
    ProceedingKind,
    ProceedingRecord,
    ProceedingResult,
    ReportRecord,
    annual_report,
    annual_statistics,
)

SEED = 20250131
N_RECORDS = 1_000_000
TARGET_SECONDS = 5.0
YEAR = 2025


def generate(n: int, seed: int = SEED) -> list[ReportRecord]:
    """*n* synthetic records, reproducible from *seed*."""
    rng = random.Random(seed)
    kinds = list(ApplicantKind)
    kind_weights = [80, 8, 2, 2, 5, 3]
    rows = list(ReportRow)
    first = dt.date(2024, 1, 1).toordinal()
    span = dt.date(2026, 12, 31).toordinal() - first
    records = []
    for i in range(n):
        applicant = rng.choices(kinds, kind_weights)[0]
        if rng.random() < 0.01:
            records.append(ReportRecord(f"C{i}", applicant, None))
            continue
        day0 = dt.date.fromordinal(first + rng.randrange(span))
        if rng.random() < 0.15:
            records.append(ReportRecord(f"C{i}", applicant, day0))
            continue
        concluded = day0 + dt.timedelta(days=rng.randrange(61))
        proceedings: tuple[ProceedingRecord, ...] = ()
        if rng.random() < 0.02:
            filed = concluded + dt.timedelta(days=rng.randrange(1, 60))
            result = rng.choice(list(ProceedingResult))
            decided = (
                None
                if result is ProceedingResult.PENDING
                else filed + dt.timedelta(days=rng.randrange(30, 200))
            )
            proceedings = (
                ProceedingRecord(rng.choice(list(ProceedingKind)), filed, result, decided),
            )
        working_days = rng.randrange(0, 45)
        records.append(
            ReportRecord(
                f"C{i}",
                applicant,
                day0,
                concluded=concluded,
                row=rng.choice(rows),
                proceedings=proceedings,
                working_days=working_days,
                overdue_by=max(0, working_days - 40),
                extended=working_days > 20,
                consulted=rng.random() < 0.05,
                fee_yuan=100 if rng.random() < 0.01 else 0,
            )
        )
    return records


def _best_of(runs: int, work: object) -> float:
    assert callable(work)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str]) -> int:
    """Run the benchmark; exit 1 if the report misses the target."""
    n = int(argv[1]) if len(argv) > 1 else N_RECORDS
    start = time.perf_counter()
    records = generate(n)
    print(f"generated {n:,} records in {time.perf_counter() - start:.1f} s (not measured)")
    report = annual_report(records, year=YEAR)
    seconds = _best_of(3, lambda: annual_report(records, year=YEAR))
    counted = report.count("一") + report.count("二")
    print(
        f"annual_report({n:,} records, year={YEAR}): {seconds:.2f} s "
        f"(target ≤ {TARGET_SECONDS:.0f} s); {counted:,} counted in 一 + 二, "
        f"{report.count('三.7'):,} concluded, {report.count('四'):,} carried over; "
        f"table 四 total {sum(g.total for g in report.proceedings):,}"
    )
    stats_seconds = _best_of(1, lambda: annual_statistics(records, year=YEAR))
    print(f"annual_statistics({n:,} records, year={YEAR}): {stats_seconds:.2f} s")
    if seconds > TARGET_SECONDS:
        print(f"MISSED: annual_report {seconds:.2f} s, target ≤ {TARGET_SECONDS:.0f} s")
        return 1
    print("target met")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
