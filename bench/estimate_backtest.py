"""Back-test of the provisional estimator against the official years (回测).

For each year from 2019 to 2026, estimate the year as if its notice were not out
yet, and compare every 20-working-day deadline (day 0 on each day of the year)
with the one the official data gives. Other years use the official data (2027 on:
the primary estimate, the same on both sides), so every difference comes from the
year estimated.

How honest it is. The estimator never reads the year's own notice: it works from the
statutory days of the law in force, the lunar dates, the weekdays and its rules
(:mod:`disclosure_flow.workdays.estimate`). A rule that one notice alone showed (the
earliest 中秋节 merged with 国庆节: 2023; a weekend 中秋节 paid back inside 国庆节: 2015;
where a 5-day 劳动节 starts for a weekday of 1 May, for the range) is learned only
from the other years' notices, leave-one-year-out: where they leave it open, the
nearer case is the primary and the other an alternative. The rules drawn from many
notices (the golden-week shapes, where make-up days go) were written with every year
in view, this one included — a rule, not a fit of one year, but not out of sample
either; and a few start with the year whose notice first showed them (the 5-day
劳动节 from 2020, the 2025 block shapes announced with the revised law).

Prints, per year: how many deadlines the primary scenario gets wrong and by how
much, how often the official deadline lies within the range of the scenarios and how
wide the range is, the same two figures against the year's notice as first published
(before the supplements, which no estimate of a notice can foresee), and two naive
baselines; then the totals against their targets (on the final data; a ``MISSED``
line for each target not met), the misses by year and holiday block, what the
notices changed after they came out, and the same figures for the older years
2008–2018, for reference only.

Run: ``python bench/estimate_backtest.py`` (exits 1 when a target is missed).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections import Counter
from collections.abc import Callable, Mapping

from chinese_calendar import constants as official

from disclosure_flow.workdays import estimate

YEARS = range(2019, 2027)  # the years the targets are measured on
REFERENCE_YEARS = range(2008, 2019)  # older law periods, reported but not in the targets
N = 20  # the reply period of Art. 33 R2019, the deadline most often computed
FIRST = dt.date(2007, 1, 1)
LAST = dt.date(2029, 12, 31)

#: Targets over YEARS: the primary scenario wrong on at most this share of deadlines ...
TARGET_WRONG = 1.0
#: ... and the official deadline inside the scenarios' range on at least this share.
TARGET_RANGE = 99.5

#: chinese-calendar's English names -> the Chinese names of the notices.
ZH = {
    "New Year's Day": estimate.NEW_YEAR,
    "Spring Festival": estimate.SPRING_FESTIVAL,
    "Tomb-sweeping Day": estimate.QINGMING,
    "Labour Day": estimate.LABOUR_DAY,
    "Dragon Boat Festival": estimate.DRAGON_BOAT,
    "Mid-autumn Festival": estimate.MID_AUTUMN,
    "National Day": estimate.NATIONAL_DAY,
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}

DayTable = tuple[Mapping[dt.date, str], Mapping[dt.date, str]]


@dataclasses.dataclass(frozen=True)
class Amendment:
    """A change a later notice made to a year after its yearly notice (补充通知).

    Attributes:
        year: the year changed.
        block: the holiday block it changed (Chinese name, as in the breakdown).
        notice: the later notice.
        what: what it changed.
        added_off: days off the later notice added.
        added_work: make-up working days it added.
        cancelled_work: make-up working days of the yearly notice it cancelled.
    """

    year: int
    block: str
    notice: str
    what: str
    added_off: tuple[dt.date, ...]
    added_work: tuple[dt.date, ...] = ()
    cancelled_work: tuple[dt.date, ...] = ()

    def undo(self, off: Mapping[dt.date, str], work: Mapping[dt.date, str]) -> DayTable:
        """The days of the year's notice as first published."""
        for day in self.added_off:
            assert day in off, f"{day} is not a day off in the official data"
        for day in self.added_work:
            assert day in work, f"{day} is not a make-up day in the official data"
        first_off = {d: n for d, n in off.items() if d not in self.added_off}
        first_work = {d: n for d, n in work.items() if d not in self.added_work}
        first_work.update(dict.fromkeys(self.cancelled_work, self.block))
        return first_off, first_work


D = dt.date
#: The later notices of 2008–2026 that changed a year already announced.
AMENDMENTS = {
    a.year: a
    for a in (
        Amendment(
            2015,
            ZH["Anti-Fascist 70th Day"],
            "国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知（2015年）",
            "3 Sep off, 4 Sep in lieu, Sun 6 Sep worked",
            added_off=(D(2015, 9, 3), D(2015, 9, 4)),
            added_work=(D(2015, 9, 6),),
        ),
        Amendment(
            2019,
            estimate.LABOUR_DAY,
            "国务院办公厅关于调整2019年劳动节假期安排的通知（国办发明电〔2019〕3号）",
            "劳动节 from 1 May alone to 1–4 May, Sun 28 Apr and Sun 5 May worked",
            added_off=(D(2019, 5, 2), D(2019, 5, 3), D(2019, 5, 4)),
            added_work=(D(2019, 4, 28), D(2019, 5, 5)),
        ),
        Amendment(
            2020,
            estimate.SPRING_FESTIVAL,
            "国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号，新冠肺炎疫情）",
            "春节 extended to 2 Feb, Sat 1 Feb no longer worked",
            added_off=(D(2020, 1, 31), D(2020, 2, 1), D(2020, 2, 2)),
            cancelled_work=(D(2020, 2, 1),),
        ),
    )
}


class Deadlines:
    """The N-th working day after each day of FIRST..LAST under one calendar."""

    def __init__(self, off: Mapping[dt.date, str], work: Mapping[dt.date, str]) -> None:
        self.off, self.work = off, work
        self.workdays: list[dt.date] = []
        self.rank: dict[dt.date, int] = {}
        day = FIRST
        while day <= LAST:
            if self.working(day):
                self.workdays.append(day)
            self.rank[day] = len(self.workdays)
            day += dt.timedelta(days=1)

    def working(self, day: dt.date) -> bool:
        return day in self.work or (day.weekday() < 5 and day not in self.off)

    def name(self, day: dt.date) -> str:
        """The holiday a day off or make-up day belongs to, in Chinese."""
        raw = self.off.get(day) or self.work.get(day) or "?"
        return ZH.get(raw, raw)

    def add(self, start: dt.date, n: int) -> dt.date:
        return self.workdays[self.rank[start] + n - 1]


def official_table() -> DayTable:
    return official.holidays, official.workdays


def year_of(table: DayTable, year: int) -> DayTable:
    return (
        {d: n for d, n in table[0].items() if d.year == year},
        {d: n for d, n in table[1].items() if d.year == year},
    )


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


def blame(truth: Deadlines, guess: Deadlines, start: dt.date) -> str:
    """The holiday block of the first day after *start* that the two calendars
    count differently: the block whose arrangement moved the deadline."""
    day, last = start, max(truth.add(start, N), guess.add(start, N))
    while day < last:
        day += dt.timedelta(days=1)
        if truth.working(day) != guess.working(day):
            name = truth.name(day)
            return guess.name(day) if name == "?" else name
    return "?"  # not reached: different deadlines imply a day counted differently


def first_published(base: DayTable, year: int) -> Deadlines:
    """The deadlines under *year*'s notice as first published (before its supplements)."""
    change = AMENDMENTS.get(year)
    if change is None:
        return Deadlines(*base)
    return Deadlines(*with_year(base, year, *change.undo(*year_of(base, year))))


class YearResult:
    """The back-test figures of one year.

    Attributes:
        wrong: percentage of deadlines the primary scenario gets wrong.
        worst: the largest error of the primary scenario, in calendar days.
        held: percentage of deadlines whose official value lies in the range.
        spread: the mean width of the range, in calendar days.
        wrong_first: *wrong* against the year's notice as first published.
        held_first: *held* against the year's notice as first published.
        scenarios: how many scenarios the estimator gave.
        wrong_by_block: holiday block -> deadlines the primary gets wrong.
        outside_by_block: holiday block -> deadlines outside the range.
    """

    def __init__(self, truth: Deadlines, base: DayTable, year: int) -> None:
        scenarios = estimate.estimate_year(year)
        tables = [Deadlines(*with_year(base, year, s.days_off, s.workdays)) for s in scenarios]
        primary = tables[0]
        first = first_published(base, year)
        days = days_of(year)
        self.scenarios = len(scenarios)
        self.wrong_by_block: Counter[str] = Counter()
        self.outside_by_block: Counter[str] = Counter()
        wrong, inside, wrong_first, inside_first, spread, self.worst = 0, 0, 0, 0, 0, 0
        for day in days:
            official_due = truth.add(day, N)
            guess = primary.add(day, N)
            error = abs((guess - official_due).days)
            self.worst = max(self.worst, error)
            if error:
                wrong += 1
                self.wrong_by_block[blame(truth, primary, day)] += 1
            answers = [t.add(day, N) for t in tables]
            low, high = min(answers), max(answers)
            spread += (high - low).days
            if low <= official_due <= high:
                inside += 1
            else:
                self.outside_by_block[blame(truth, primary, day)] += 1
            published_due = first.add(day, N)
            wrong_first += guess != published_due
            inside_first += low <= published_due <= high
        self.wrong = 100.0 * wrong / len(days)
        self.held = 100.0 * inside / len(days)
        self.spread = spread / len(days)
        self.wrong_first = 100.0 * wrong_first / len(days)
        self.held_first = 100.0 * inside_first / len(days)


def compare(truth: Deadlines, guess: Deadlines, year: int) -> tuple[float, int]:
    """Percentage of wrong deadlines and the worst error in calendar days."""
    wrong, worst = 0, 0
    days = days_of(year)
    for day in days:
        error = abs((guess.add(day, N) - truth.add(day, N)).days)
        wrong += error != 0
        worst = max(worst, error)
    return 100.0 * wrong / len(days), worst


def baseline_statutory(year: int) -> DayTable:
    return estimate.statutory_days(year), {}


def baseline_weekends(year: int) -> DayTable:
    return {}, {}


BASELINES: dict[str, Callable[[int], DayTable]] = {
    "weekends only": baseline_weekends,
    "+ statutory days": baseline_statutory,
}


def exact(year: int) -> list[int]:
    """Indices of the scenarios that equal the official year exactly."""
    off, work = year_of(official_table(), year)
    return [
        k
        for k, s in enumerate(estimate.estimate_year(year))
        if set(s.days_off) == set(off) and set(s.workdays) == set(work)
    ]


@dataclasses.dataclass(frozen=True)
class Totals:
    """The figures over a range of years (means of the years' percentages)."""

    wrong: float
    held: float
    worst: int
    spread: float
    wrong_first: float
    held_first: float


def table(truth: Deadlines, base: DayTable, years: range) -> tuple[dict[int, YearResult], Totals]:
    """Print the per-year rows; return the results and the totals."""
    print(f"{'':<6}{'against the final data':^42}{'vs notice first published':^26}")
    header = f"{'year':<6}{'primary wrong':>14}{'worst':>7}{'range holds':>13}{'spread':>8}"
    header += f"{'primary wrong':>15}{'range holds':>13}{'scen.':>6}"
    header += "".join(f"{name:>20}" for name in BASELINES) + "   exact scenarios"
    print(header)
    results: dict[int, YearResult] = {}
    baseline_totals: dict[str, list[float]] = {name: [] for name in BASELINES}
    baseline_worst: dict[str, int] = dict.fromkeys(BASELINES, 0)
    for year in years:
        result = results[year] = YearResult(truth, base, year)
        row = f"{year:<6}{result.wrong:>13.1f}%{result.worst:>7}{result.held:>12.1f}%"
        row += f"{result.spread:>7.2f}d{result.wrong_first:>14.1f}%{result.held_first:>12.1f}%"
        row += f"{result.scenarios:>6}"
        for name, make in BASELINES.items():
            guess = Deadlines(*with_year(base, year, *make(year)))
            b_pct, b_worst = compare(truth, guess, year)
            baseline_totals[name].append(b_pct)
            baseline_worst[name] = max(baseline_worst[name], b_worst)
            row += f"{b_pct:>12.1f}% (≤{b_worst:>2}d)"
        row += "   " + (", ".join(str(k) for k in exact(year)) or "none")
        print(row)

    def mean(field: str) -> float:
        return float(sum(getattr(r, field) for r in results.values())) / len(results)

    totals = Totals(
        mean("wrong"),
        mean("held"),
        max(r.worst for r in results.values()),
        mean("spread"),
        mean("wrong_first"),
        mean("held_first"),
    )
    row = f"{'all':<6}{totals.wrong:>13.2f}%{totals.worst:>7}{totals.held:>12.2f}%"
    row += f"{totals.spread:>7.2f}d{totals.wrong_first:>14.2f}%{totals.held_first:>12.2f}%{'':>6}"
    for name in BASELINES:
        row += f"{sum(baseline_totals[name]) / len(years):>12.1f}% (≤{baseline_worst[name]:>2}d)"
    print(row)
    return results, totals


def breakdown(results: Mapping[int, YearResult]) -> None:
    """Print the misses by year and holiday block."""
    print("misses by year and holiday block (deadlines: primary wrong / outside the range)")
    any_miss = False
    for year, result in results.items():
        for block in sorted(set(result.wrong_by_block) | set(result.outside_by_block)):
            any_miss = True
            wrong, outside = result.wrong_by_block[block], result.outside_by_block[block]
            change = AMENDMENTS.get(year)
            cause = f"  changed later: {change.notice}" if change and change.block == block else ""
            print(f"  {year}  {block:<10}{wrong:>5} / {outside:<5}{cause}")
    if not any_miss:
        print("  none")


def later_notices(truth: Deadlines, base: DayTable) -> None:
    """Print what the later notices changed, and the floor they set under the targets."""
    print("changed by later notices, after the yearly notice (no estimate can foresee these):")
    for year in [*REFERENCE_YEARS, *YEARS]:
        change = AMENDMENTS.get(year)
        if change is None:
            continue
        pct, _ = compare(truth, first_published(base, year), year)
        print(f"  {year}  {change.notice}")
        print(f"        {change.what}: the notice as first published is wrong on {pct:.1f}%")
    floor = [compare(truth, first_published(base, year), year)[0] for year in YEARS]
    print(
        f"  {YEARS.start}–{YEARS.stop - 1}: the yearly notices as first published are wrong on "
        f"{sum(floor) / len(floor):.2f}% of deadlines: no estimate of the notices does better "
        f"than that against the final data (target ≤ {TARGET_WRONG:.1f}%)"
    )


def main() -> int:
    base = future_estimates()
    truth = Deadlines(*base)
    print(
        f"{N}-working-day deadlines, day 0 on every day of the year; estimator v"
        f"{estimate.ESTIMATOR_VERSION}; years {YEARS.start}–{YEARS.stop - 1}"
    )
    results, totals = table(truth, base, YEARS)
    wrong, held = totals.wrong, totals.held
    print(
        f"against the final data (the targets): primary wrong {wrong:.2f}% (target ≤ "
        f"{TARGET_WRONG:.1f}%), official inside the range {held:.2f}% (target ≥ "
        f"{TARGET_RANGE:.1f}%), worst error {totals.worst} days, mean range "
        f"{totals.spread:.2f} days"
    )
    print(
        "against the yearly notices as first published (not targets; the supplements that "
        f"changed 2019 and 2020 left out): primary wrong {totals.wrong_first:.2f}%, notice "
        f"inside the range {totals.held_first:.2f}%"
    )
    if wrong > TARGET_WRONG:
        print(f"MISSED: primary wrong on {wrong:.2f}% of deadlines, target ≤ {TARGET_WRONG:.1f}%")
    if held < TARGET_RANGE:
        print(f"MISSED: official inside the range on {held:.2f}%, target ≥ {TARGET_RANGE:.1f}%")
    met = wrong <= TARGET_WRONG and held >= TARGET_RANGE
    if met:
        print("targets met")
    print()
    breakdown(results)

    print()
    later_notices(truth, base)
    print()
    print(
        f"for reference, not in the targets: {REFERENCE_YEARS.start}–{REFERENCE_YEARS.stop - 1}"
        " (older law periods; their rules are drawn from these same notices)"
    )
    old, _ = table(truth, base, REFERENCE_YEARS)
    breakdown(old)
    print()
    last = max(d.year for d in official.holidays)
    matched = [y for y in range(2004, last + 1) if 0 in exact(y)]
    print("years whose primary scenario equals the official data exactly:", matched)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
