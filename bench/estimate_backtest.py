"""Back-test of the provisional estimator against the official years (回测).

For each year from 2019 to 2026, estimate the year as if its notice were not out
yet, and compare every 20-working-day deadline (day 0 on each day of the year)
with the one the official data gives. Other years use the official data (2027 on:
the primary estimate, the same on both sides), so every difference comes from the
year estimated. Prints, per year: how many deadlines are wrong and by how much,
for the primary scenario and two naive baselines, and how often the official
deadline lies within the range of the scenarios.

Run: ``python bench/estimate_backtest.py``
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from chinese_calendar import constants as official

from disclosure_flow import estimate

YEARS = range(2019, 2027)
N = 20  # the reply period of Art. 33 R2019, the deadline most often computed
FIRST = dt.date(2018, 1, 1)
LAST = dt.date(2029, 12, 31)

DayTable = tuple[Mapping[dt.date, str], Mapping[dt.date, str]]


class Deadlines:
    """The N-th working day after each day of FIRST..LAST under one calendar."""

    def __init__(self, off: Mapping[dt.date, str], work: Mapping[dt.date, str]) -> None:
        self.workdays: list[dt.date] = []
        self.rank: dict[dt.date, int] = {}
        day = FIRST
        while day <= LAST:
            if day in work or (day.weekday() < 5 and day not in off):
                self.workdays.append(day)
            self.rank[day] = len(self.workdays)
            day += dt.timedelta(days=1)

    def add(self, start: dt.date, n: int) -> dt.date:
        return self.workdays[self.rank[start] + n - 1]


def official_table() -> DayTable:
    return official.holidays, official.workdays


def with_year(
    base: DayTable, year: int, off: Mapping[dt.date, str], work: Mapping[dt.date, str]
) -> DayTable:
    """*base* with *year* replaced by the given days."""
    base_off = {d: n for d, n in base[0].items() if d.year != year}
    base_work = {d: n for d, n in base[1].items() if d.year != year}
    return {**base_off, **off}, {**base_work, **work}


def future_estimates() -> DayTable:
    """Official data up to its last year, then the primary estimates."""
    off: dict[dt.date, str] = dict(official.holidays)
    work: dict[dt.date, str] = dict(official.workdays)
    last_official = max(d.year for d in official.holidays)
    for year in range(last_official + 1, LAST.year + 1):
        primary = estimate.estimate_year(year)[0]
        off.update(primary.days_off)
        work.update(primary.workdays)
    return off, work


def days_of(year: int) -> list[dt.date]:
    first = dt.date(year, 1, 1)
    return [first + dt.timedelta(days=k) for k in range((dt.date(year, 12, 31) - first).days + 1)]


def compare(truth: Deadlines, guess: Deadlines, year: int) -> tuple[float, int]:
    """Percentage of wrong deadlines and the worst error in calendar days."""
    wrong, worst = 0, 0
    days = days_of(year)
    for day in days:
        error = abs((guess.add(day, N) - truth.add(day, N)).days)
        wrong += error != 0
        worst = max(worst, error)
    return 100.0 * wrong / len(days), worst


def in_range(truth: Deadlines, scenarios: list[Deadlines], year: int) -> float:
    """Percentage of days whose official deadline lies within the scenarios' range."""
    days = days_of(year)
    inside = 0
    for day in days:
        answers = [s.add(day, N) for s in scenarios]
        inside += min(answers) <= truth.add(day, N) <= max(answers)
    return 100.0 * inside / len(days)


def baseline_statutory(year: int) -> DayTable:
    return estimate.statutory_days(year), {}


def baseline_weekends(year: int) -> DayTable:
    return {}, {}


def exact(year: int) -> list[int]:
    """Indices of the scenarios that equal the official year exactly."""
    off = {d: n for d, n in official.holidays.items() if d.year == year}
    work = {d: n for d, n in official.workdays.items() if d.year == year}
    return [
        k
        for k, s in enumerate(estimate.estimate_year(year))
        if set(s.days_off) == set(off) and set(s.workdays) == set(work)
    ]


def main() -> None:
    base = future_estimates()
    truth_all = Deadlines(*base)
    baselines: dict[str, Callable[[int], DayTable]] = {
        "weekends only": baseline_weekends,
        "+ statutory days": baseline_statutory,
    }
    print(
        f"{N}-working-day deadlines, day 0 on every day of the year; estimator v"
        f"{estimate.ESTIMATOR_VERSION}"
    )
    header = f"{'year':<6}{'primary wrong':>14}{'worst':>7}{'range holds':>13}{'scen.':>6}"
    header += "".join(f"{name:>20}" for name in baselines) + "   exact scenarios"
    print(header)
    totals: dict[str, list[float]] = {"primary": [], **{name: [] for name in baselines}}
    worst_all: dict[str, int] = dict.fromkeys(totals, 0)
    ranges: list[float] = []
    for year in YEARS:
        scenarios = estimate.estimate_year(year)
        tables = [Deadlines(*with_year(base, year, s.days_off, s.workdays)) for s in scenarios]
        pct, worst = compare(truth_all, tables[0], year)
        totals["primary"].append(pct)
        worst_all["primary"] = max(worst_all["primary"], worst)
        held = in_range(truth_all, tables, year)
        ranges.append(held)
        row = f"{year:<6}{pct:>13.1f}%{worst:>7}{held:>12.1f}%{len(scenarios):>6}"
        for name, make in baselines.items():
            b_pct, b_worst = compare(
                truth_all, Deadlines(*with_year(base, year, *make(year))), year
            )
            totals[name].append(b_pct)
            worst_all[name] = max(worst_all[name], b_worst)
            row += f"{b_pct:>12.1f}% (≤{b_worst:>2}d)"
        row += "   " + (", ".join(str(k) for k in exact(year)) or "none")
        print(row)
    mean = sum(totals["primary"]) / len(YEARS)
    held = sum(ranges) / len(ranges)
    row = f"{'all':<6}{mean:>13.1f}%{worst_all['primary']:>7}{held:>12.1f}%{'':>6}"
    for name in baselines:
        row += f"{sum(totals[name]) / len(YEARS):>12.1f}% (≤{worst_all[name]:>2}d)"
    print(row)
    matched = [y for y in range(2004, max(d.year for d in official.holidays) + 1) if 0 in exact(y)]
    print("years whose primary scenario equals the official data exactly:", matched)


if __name__ == "__main__":
    main()
