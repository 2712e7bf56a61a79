"""Provisional estimates of a year's national holidays (节假日安排估计).

Until the State Council publishes a year's holiday notice (国务院办公厅关于部分节假日
安排的通知, usually between late October and December), the days off and make-up
working days (调休上班) of that year are unknown. :func:`estimate_year` builds them
from the statutory days of the law in force (全国年节及纪念日放假办法) and the way the
notices have arranged them, as a most likely scenario and a few plausible
alternatives. A calendar built with ``Estimates.ALLOW`` uses them and marks every
answer that depends on them as provisional.

The heuristic ("golden-week rules", 黄金周规则):

* every statutory day is off; a weekday off that is not statutory is paid back by
  a make-up working day, so a block of days off needs
  ``weekdays in the block - statutory days`` make-up days;
* 春节 and 国庆节 are week-long blocks (7 days from 除夕; 8 from 2025), 劳动节 a
  5-day block from 2020 holding three weekdays (from the Saturday before when 1 May
  is a Sunday, Monday or Tuesday: :data:`LABOUR_BLOCKS`); 国庆节 takes in 中秋节
  when it falls between 29 Sep and 8 Oct (8 days, :data:`MID_AUTUMN_MERGE`), and a
  中秋节 on the weekend in the week before 1 October has its day in lieu inside the
  国庆节 block (as in 2015, :data:`MID_AUTUMN_LIEU_IN_NATIONAL_DAY`);
* a single statutory day on a Tuesday or Thursday bridges to the Monday or
  Friday; on a weekend it is made up on the Monday (补休); until 2013 a 元旦 on a
  Sunday or Monday still took 1–3 January;
* make-up days go on the nearest weekends before and after the block, touching
  as few weekends as possible, never making a lone working day between days off,
  and never making more consecutive working days than the notices allow (7; 6
  from 2025);
* weekend days left free next to a block become part of it.

Back-tested against the official data of 2004–2026, each year estimated without its
own notice (a rule that one notice alone showed is learned from the others only,
``known``), the most likely scenario equals the official year exactly for 2006,
2007, 2009, 2016–2018, 2021–2023, 2025 and 2026. 2019 differs only in 劳动节 (made 4
days in March 2019), 2020 only in 春节 (extended for COVID-19), 2024 only in 春节 (from
初一, 8 days); over 2019–2026, 1.8% of 20-working-day deadlines come out wrong, 1.5
points of it because of those two later notices, which no estimate of a notice can
foresee; against the yearly notices as first published, 0.34%
(``bench/estimate_backtest.py``).
Lunar festival dates come from a small table of astronomical facts
(:data:`LUNAR_DATES`); 清明 is a solar term.

>>> primary = estimate_year(2027)[0]
>>> primary.days_off[date(2027, 2, 5)], primary.workdays[date(2027, 2, 14)]
('春节', '春节')
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Iterable, Mapping
from datetime import date

import attrs
import chinese_calendar

from disclosure_flow.errors import InvalidValueError, Wording

__all__ = [
    "DRAGON_BOAT",
    "ESTIMATOR_VERSION",
    "FIRST_ESTIMABLE_YEAR",
    "HOLIDAYS",
    "LABOUR_BLOCKS",
    "LABOUR_DAY",
    "LAST_ESTIMABLE_YEAR",
    "LUNAR_DATES",
    "MID_AUTUMN",
    "MID_AUTUMN_LIEU_IN_NATIONAL_DAY",
    "MID_AUTUMN_MERGE",
    "NATIONAL_DAY",
    "NEW_YEAR",
    "PERIODS",
    "QINGMING",
    "SPRING_FESTIVAL",
    "HolidayRules",
    "LabourStart",
    "LunarDates",
    "YearScenario",
    "estimate_year",
    "lunar_dates",
    "qingming",
    "rules_for",
    "statutory_days",
]

ESTIMATOR_VERSION = "2"

NEW_YEAR = "元旦"
SPRING_FESTIVAL = "春节"
QINGMING = "清明节"
LABOUR_DAY = "劳动节"
DRAGON_BOAT = "端午节"
MID_AUTUMN = "中秋节"
NATIONAL_DAY = "国庆节"

#: The national holidays for all citizens (全体公民放假的节日), in calendar order.
HOLIDAYS: tuple[str, ...] = (
    NEW_YEAR,
    SPRING_FESTIVAL,
    QINGMING,
    LABOUR_DAY,
    DRAGON_BOAT,
    MID_AUTUMN,
    NATIONAL_DAY,
)


@attrs.frozen
class LunarDates:
    """The Gregorian dates of a year's lunar festivals (农历节日的公历日期).

    Attributes:
        eve: 除夕, the last day of the lunar year (Spring Festival's eve).
        dragon_boat: 端午, the 5th day of the 5th lunar month.
        mid_autumn: 中秋, the 15th day of the 8th lunar month.
    """

    eve: date
    dragon_boat: date
    mid_autumn: date

    @property
    def new_year(self) -> date:
        """初一, the first day of the lunar year (春节)."""
        return self.eve + _ONE


# Astronomical facts: the Chinese calendar as computed by the Purple Mountain
# Observatory (中国天文年历, rules of GB/T 33661-2017) and published by the Hong Kong
# Observatory (公曆與農曆日期對照表). Transcribed via the lunardate package, which
# tests/test_estimate.py checks it against year by year; 2004–2026 also agree with
# the days off of the official notices.
_LUNAR_TABLE: dict[int, str] = {
    #     除夕   端午   中秋
    2004: "01-21 06-22 09-28",
    2005: "02-08 06-11 09-18",
    2006: "01-28 05-31 10-06",
    2007: "02-17 06-19 09-25",
    2008: "02-06 06-08 09-14",
    2009: "01-25 05-28 10-03",
    2010: "02-13 06-16 09-22",
    2011: "02-02 06-06 09-12",
    2012: "01-22 06-23 09-30",
    2013: "02-09 06-12 09-19",
    2014: "01-30 06-02 09-08",
    2015: "02-18 06-20 09-27",
    2016: "02-07 06-09 09-15",
    2017: "01-27 05-30 10-04",
    2018: "02-15 06-18 09-24",
    2019: "02-04 06-07 09-13",
    2020: "01-24 06-25 10-01",
    2021: "02-11 06-14 09-21",
    2022: "01-31 06-03 09-10",
    2023: "01-21 06-22 09-29",
    2024: "02-09 06-10 09-17",
    2025: "01-28 05-31 10-06",
    2026: "02-16 06-19 09-25",
    2027: "02-05 06-09 09-15",
    2028: "01-25 05-28 10-03",
    2029: "02-12 06-16 09-22",
    2030: "02-02 06-05 09-12",
    2031: "01-22 06-24 10-01",
    2032: "02-10 06-12 09-19",
    2033: "01-30 06-01 09-08",
    2034: "02-18 06-20 09-27",
    2035: "02-07 06-10 09-16",
}


def _parse_lunar(year: int, text: str) -> LunarDates:
    eve, dragon, mid = (date(year, int(f[:2]), int(f[3:])) for f in text.split())
    return LunarDates(eve, dragon, mid)


#: Year -> its lunar festival dates, 2004 to 2035.
LUNAR_DATES: Mapping[int, LunarDates] = {y: _parse_lunar(y, t) for y, t in _LUNAR_TABLE.items()}

FIRST_ESTIMABLE_YEAR = min(LUNAR_DATES)
LAST_ESTIMABLE_YEAR = max(LUNAR_DATES)


@attrs.frozen
class HolidayRules:
    """How a period's notices arrange the holidays (放假办法及调休惯例).

    Attributes:
        first_year: first year the rules apply to.
        last_year: last year they apply to (``None``: still in force).
        source: the law and the notices the rules come from.
        statutory: holiday -> statutory days off (法定假日天数), Art. 2 of the
            放假办法 in force.
        spring_statutory_from: offset from 除夕 of the first statutory day of 春节
            (0: 除夕, 1: 初一).
        spring_block_from: offset from 除夕 of the first day of the 春节 block.
        spring_block_days: length of the 春节 block.
        labour_block_days: length of the 劳动节 block (1: arranged like a single day).
        bridge_wednesday: whether a single holiday on a Wednesday still makes a
            3-day block (as in 2008–2013).
        three_day_new_year: whether 元旦 on a Sunday or Monday still makes the 3-day
            block 1–3 January, paid back on the weekend before (2006, 2007, 2012);
            from 2014 it is 31 Dec–2 Jan or 30 Dec–1 Jan, without make-up days.
        max_consecutive_work: the longest run of working days a notice makes
            (``None``: no limit observed).
    """

    first_year: int
    last_year: int | None
    source: str
    statutory: Mapping[str, int] = attrs.field(hash=False)
    spring_statutory_from: int
    spring_block_from: int
    spring_block_days: int
    labour_block_days: int
    bridge_wednesday: bool
    three_day_new_year: bool
    max_consecutive_work: int | None

    def covers(self, year: int) -> bool:
        """Whether the rules apply to *year*."""
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


def _statutory(spring: int, labour: int, lunar_and_solar_terms: bool) -> dict[str, int]:
    days = {NEW_YEAR: 1, SPRING_FESTIVAL: spring, LABOUR_DAY: labour, NATIONAL_DAY: 3}
    if lunar_and_solar_terms:
        days.update({QINGMING: 1, DRAGON_BOAT: 1, MID_AUTUMN: 1})
    return days


#: The periods of the law and of the notices' practice, oldest first.
PERIODS: tuple[HolidayRules, ...] = (
    HolidayRules(
        2004,
        2007,
        "全国年节及纪念日放假办法（国务院令第270号，1999）第二条：新年1天，春节3天"
        "（初一至初三），劳动节3天，国庆节3天；三个7天长假",
        _statutory(spring=3, labour=3, lunar_and_solar_terms=False),
        spring_statutory_from=1,
        spring_block_from=1,
        spring_block_days=7,
        labour_block_days=7,
        bridge_wednesday=False,
        three_day_new_year=True,
        max_consecutive_work=None,
    ),
    HolidayRules(
        2008,
        2013,
        "全国年节及纪念日放假办法（国务院令第513号，2008年1月1日起施行）第二条：春节3天"
        "（除夕、初一、初二），劳动节1天，增设清明节、端午节、中秋节各1天",
        _statutory(spring=3, labour=1, lunar_and_solar_terms=True),
        spring_statutory_from=0,
        spring_block_from=0,
        spring_block_days=7,
        labour_block_days=1,
        bridge_wednesday=True,
        three_day_new_year=True,
        max_consecutive_work=7,
    ),
    HolidayRules(
        2014,
        2019,
        "全国年节及纪念日放假办法（国务院令第644号，2014年1月1日起施行）第二条：春节3天"
        "（初一、初二、初三）；各年通知自除夕起放假调休7天",
        _statutory(spring=3, labour=1, lunar_and_solar_terms=True),
        spring_statutory_from=1,
        spring_block_from=0,
        spring_block_days=7,
        labour_block_days=1,
        bridge_wednesday=False,
        three_day_new_year=False,
        max_consecutive_work=7,
    ),
    HolidayRules(
        2020,
        2024,
        "国务院令第644号；自2020年通知（国办发明电〔2019〕16号）起劳动节放假调休5天",
        _statutory(spring=3, labour=1, lunar_and_solar_terms=True),
        spring_statutory_from=1,
        spring_block_from=0,
        spring_block_days=7,
        labour_block_days=5,
        bridge_wednesday=False,
        three_day_new_year=False,
        max_consecutive_work=7,
    ),
    HolidayRules(
        2025,
        None,
        "全国年节及纪念日放假办法（国务院令第795号，2025年1月1日起施行）第二条：春节4天"
        "（除夕至初三），劳动节2天（5月1日、2日）；春节自除夕起放假调休8天，劳动节5天；"
        "2025年通知（国办发明电〔2024〕12号）起连续上班一般不超过6天",
        _statutory(spring=4, labour=2, lunar_and_solar_terms=True),
        spring_statutory_from=0,
        spring_block_from=0,
        spring_block_days=8,
        labour_block_days=5,
        bridge_wednesday=False,
        three_day_new_year=False,
        max_consecutive_work=6,
    ),
)

#: The years whose notices merged 中秋节 with 国庆节 into one block of 8 days
#: (中秋国庆连休): 2009: 3 Oct, 2012: 30 Sep, 2017: 4 Oct, 2020: 1 Oct, 2023: 29 Sep,
#: 2025: 6 Oct. In the other years since 2008 it stood apart (the latest: 2015: 27 Sep,
#: 2026: 25 Sep, 2010: 22 Sep, 2018: 24 Sep).
MID_AUTUMN_MERGED = frozenset({2009, 2012, 2017, 2020, 2023, 2025})
#: The notices :data:`MID_AUTUMN_MERGED` was read from (中秋节 a statutory day from 2008).
_NOTICES_READ = range(2008, 2027)
_MERGE_LAST = (10, 8)  # the day after the 国庆节 block: the last a merged 中秋 may fall on
_MID = {y: (d.mid_autumn.month, d.mid_autumn.day) for y, d in LUNAR_DATES.items()}

#: When 中秋节 merges with 国庆节, as (month, day) bounds: from the earliest 中秋 a notice
#: merged (:data:`MID_AUTUMN_MERGED`) to 8 October.
MID_AUTUMN_MERGE = (min(_MID[y] for y in MID_AUTUMN_MERGED), _MERGE_LAST)

#: A 中秋节 on a Saturday or Sunday within this many days before 1 October gets no
#: weekday in lieu (补休) of its own: the 国庆节 block takes the day in, and needs one
#: make-up day fewer (2015: 中秋 Sunday 27 Sep off alone, 国庆 1–7 Oct with only
#: Saturday 10 Oct worked; the other weekend 中秋节 since 2008, 14 Sep 2008 and
#: 10 Sep 2022, were far from 1 October and got their Monday).
MID_AUTUMN_LIEU_IN_NATIONAL_DAY = 7
_MID_AUTUMN_LIEU_SEEN = (2015,)  # the notices that showed it


@attrs.frozen
class LabourStart:
    """Where a 5-day 劳动节 block starts (劳动节放假调休5天，2020年起), by the weekday of 1 May.

    Attributes:
        lead: days of the block before 1 May.
        seen: the years whose notices arranged it so (empty: not met yet).
    """

    lead: int
    seen: tuple[int, ...]


#: Weekday of 1 May (0: Monday) -> where the 5-day 劳动节 block starts. Every block
#: 2020–2026 was the latest five days that hold the statutory days and only three
#: weekdays: from 1 May, or from the Saturday before when 1 May is early in the week.
LABOUR_BLOCKS: Mapping[int, LabourStart] = {
    0: LabourStart(2, (2023,)),  # Sat 29 Apr – Wed 3 May
    # Sat 28 Apr – Wed 2 May by the same rule, like the Tuesday bridge of single
    # holidays (Sun–Tue, as 劳动节 2012 and 2018); 1–5 May would hold four weekdays.
    # Not met yet (2029, 2035): "劳动节 from 1 May" is kept as an alternative.
    1: LabourStart(3, ()),
    2: LabourStart(0, (2024,)),  # Wed 1 – Sun 5 May
    3: LabourStart(0, (2025,)),  # Thu 1 – Mon 5 May
    4: LabourStart(0, (2020, 2026)),  # Fri 1 – Tue 5 May
    5: LabourStart(0, (2021,)),  # Sat 1 – Wed 5 May
    6: LabourStart(1, (2022,)),  # Sat 30 Apr – Wed 4 May
}

# The notices of these years wrote a single holiday next to a weekend as "X日放假，
# 与周末连休" and listed only the statutory day and its weekday in lieu (补休), not
# the weekend; the others list the whole block. Working days are the same either way.
_BRIEF_LISTING_YEARS = frozenset({2014, 2015, 2016, 2017, 2018})

_ONE = _dt.timedelta(days=1)
_SATURDAY, _SUNDAY = 5, 6


def rules_for(year: int) -> HolidayRules:
    """The rules (:data:`PERIODS`) that apply to *year*."""
    _check_year(year)
    for rules in PERIODS:
        if rules.covers(year):
            return rules
    raise AssertionError(f"no period covers {year}")  # pragma: no cover  # PERIODS are contiguous


def lunar_dates(year: int) -> LunarDates:
    """The lunar festival dates of *year* (农历节日日期)."""
    _check_year(year)
    return LUNAR_DATES[year]


def qingming(year: int) -> date:
    """The day of the solar term 清明 in *year* (4 or 5 April)."""
    _check_year(year)
    terms: list[tuple[date, str]] = chinese_calendar.get_solar_terms(
        date(year, 4, 1), date(year, 4, 10)
    )
    return next(day for day, name in terms if name == "清明")


def statutory_days(year: int) -> dict[date, str]:
    """The statutory days off of *year* (法定节假日), date -> holiday name."""
    rules = rules_for(year)
    lunar = LUNAR_DATES[year]
    days: dict[date, str] = {date(year, 1, 1): NEW_YEAR}
    first = lunar.eve + rules.spring_statutory_from * _ONE
    for k in range(rules.statutory[SPRING_FESTIVAL]):
        days[first + k * _ONE] = SPRING_FESTIVAL
    if QINGMING in rules.statutory:
        days[qingming(year)] = QINGMING
        days[lunar.dragon_boat] = DRAGON_BOAT
    for k in range(rules.statutory[LABOUR_DAY]):
        days[date(year, 5, 1 + k)] = LABOUR_DAY
    if MID_AUTUMN in rules.statutory:
        days[lunar.mid_autumn] = MID_AUTUMN
    for k in range(rules.statutory[NATIONAL_DAY]):
        days.setdefault(date(year, 10, 1 + k), NATIONAL_DAY)
    return days


@attrs.frozen
class YearScenario:
    """One estimate of a year's days off and make-up working days (节假日安排估计方案).

    Attributes:
        year: the year estimated.
        label: what the scenario assumes.
        days_off: date -> Chinese holiday name, every day off of every block
            (放假日期，含假期中的周末).
        workdays: date -> Chinese holiday name, every make-up working day (调休上班).
    """

    year: int
    label: str
    days_off: dict[date, str] = attrs.field(hash=False)
    workdays: dict[date, str] = attrs.field(hash=False)


def estimate_year(year: int, *, known: Iterable[int] | None = None) -> tuple[YearScenario, ...]:
    """Scenarios for *year*, the most likely first, then plausible alternatives.

    Each alternative changes one block of the most likely scenario, where the
    notices have varied or have not met the case yet: 劳动节 with its one make-up
    day on the other side, or starting on 1 May when no notice before the year has
    shown where a 5-day block starts for its weekday (:data:`LABOUR_BLOCKS`); 春节
    starting the day before 除夕 (from 2025), taking in the weekend after it (when
    it would end on a Friday or Saturday), with no make-up days at all, or starting
    on 初一 (2014–2024, as in 2014 and 2024); 中秋节 merged with 国庆节 or not, where
    the notices known leave it open, and a weekend 中秋节 just before 国庆节 paid back
    inside it or not, where no notice known has shown it. Alternatives that come out
    the same as an earlier scenario are left out.

    Args:
        year: the year to estimate.
        known: the years whose notices the rules that a single notice showed may learn
            from (default: every notice held, 2008–2026); never *year*'s own. Where the
            notices known leave such a rule open, the nearer case is the primary
            scenario and the other an alternative (``bench/estimate_backtest.py``
            estimates each year from the other years' notices).

    Raises:
        InvalidValueError: *year* is not an int from :data:`FIRST_ESTIMABLE_YEAR` to
            :data:`LAST_ESTIMABLE_YEAR`.
    """
    _check_year(year)
    rules = rules_for(year)
    # never the year's own notice: an estimate does not read what it estimates
    held = frozenset(_NOTICES_READ if known is None else known) - {year}
    merge, merge_open = _mid_autumn_merges(year, held)
    lieu_seen = any(y in held for y in _MID_AUTUMN_LIEU_SEEN)
    base = _Variant(merge=merge, lieu=lieu_seen)
    variants: list[tuple[str, _Variant]] = [
        ("golden-week rules (黄金周规则)", base),
        ("劳动节 make-up day on the other side", attrs.evolve(base, labour_other_side=True)),
    ]
    if rules.labour_block_days == 5 and not any(
        seen < year and seen in held for seen in LABOUR_BLOCKS[date(year, 5, 1).weekday()].seen
    ):
        # no notice known before the year has shown where the block starts for its weekday
        variants.append(("劳动节 from 1 May", attrs.evolve(base, labour_from_may_day=True)))
    if merge_open:
        variants.append(("中秋节 and 国庆节 the other way", attrs.evolve(base, merge=not merge)))
    if not lieu_seen:
        variants.append(("weekend 中秋节 paid back in 国庆节", attrs.evolve(base, lieu=True)))
    if rules is PERIODS[-1]:
        variants.append(("春节 from the day before 除夕", attrs.evolve(base, spring_shift=-1)))
    spring_last = (
        LUNAR_DATES[year].eve + (rules.spring_block_from + rules.spring_block_days - 1) * _ONE
    )
    if spring_last.weekday() in (4, _SATURDAY):
        # a block ending on a Friday or Saturday may take in the weekend after it
        variants.append(
            ("春节 to the end of the weekend after it", attrs.evolve(base, spring_to_sunday=True))
        )
    variants.append(
        ("春节 statutory days only, no make-up days", attrs.evolve(base, spring_short=True))
    )
    if rules.spring_block_from < rules.spring_statutory_from:
        variants.append(
            ("春节 from 初一 (as in 2014 and 2024)", attrs.evolve(base, spring_shift=1))
        )

    scenarios: list[YearScenario] = []
    seen: set[tuple[tuple[tuple[date, str], ...], tuple[tuple[date, str], ...]]] = set()
    for label, variant in variants:
        arranged = _arrange(year, variant)
        if arranged is None:
            continue
        days_off, workdays = arranged
        key = (tuple(sorted(days_off.items())), tuple(sorted(workdays.items())))
        if key not in seen:
            seen.add(key)
            scenarios.append(YearScenario(year, label, days_off, workdays))
    return tuple(scenarios)


def _check_year(year: object) -> None:
    if type(year) is not int or year not in LUNAR_DATES:
        raise InvalidValueError(
            "year",
            year,
            Wording(
                f"an int from {FIRST_ESTIMABLE_YEAR} to {LAST_ESTIMABLE_YEAR} "
                "(the years of the lunar festival table)",
                f"{FIRST_ESTIMABLE_YEAR} 至 {LAST_ESTIMABLE_YEAR} 的整数年份（农历节日表的年份）",
            ),
        )


def _mid_autumn_merges(year: int, known: frozenset[int]) -> tuple[bool, bool]:
    """Whether 中秋节 of *year* merges with 国庆节, and whether the *known* notices leave
    it open: merged from the earliest 中秋 they merged (on 1–8 October in any case) to 8
    October, apart up to the latest before it they kept apart; between the two, the
    nearer of them (apart when as near), and open."""

    def day(y: int) -> date:
        return date(year, *_MID[y])

    notices = [y for y in known if y in _NOTICES_READ]
    merged = min((day(y) for y in notices if y in MID_AUTUMN_MERGED), default=date(year, 10, 1))
    merged = min(merged, date(year, 10, 1))
    apart = [day(y) for y in notices if y not in MID_AUTUMN_MERGED and day(y) < merged]
    latest_apart = max(apart, default=date(year, 9, 1))
    mid = LUNAR_DATES[year].mid_autumn
    if merged <= mid <= date(year, *_MERGE_LAST):
        return True, False
    if mid <= latest_apart or mid > date(year, *_MERGE_LAST):
        return False, False
    return (merged - mid) < (mid - latest_apart), True


@attrs.frozen
class _Variant:
    spring_shift: int = 0
    spring_to_sunday: bool = False
    spring_short: bool = False
    labour_other_side: bool = False
    labour_from_may_day: bool = False
    merge: bool = False
    lieu: bool = True


def _is_weekend(day: date) -> bool:
    return day.weekday() >= _SATURDAY


def _span(first: date, days: int) -> list[date]:
    return [first + k * _ONE for k in range(days)]


class _Arrangement:
    """The days off and make-up days of the years around one being estimated."""

    def __init__(self) -> None:
        self.off: dict[date, str] = {}
        self.work: dict[date, str] = {}

    def working(self, day: date, extra: frozenset[date] = frozenset()) -> bool:
        if day in self.work or day in extra:
            return True
        return not _is_weekend(day) and day not in self.off

    def run_through(self, day: date, extra: frozenset[date]) -> int:
        """Length of the run of working days containing *day*."""
        length = 1
        for step in (-_ONE, _ONE):
            other = day + step
            while self.working(other, extra) and length < 60:
                length += 1
                other += step
        return length

    def free_weekend_days(self, start: date, step: _dt.timedelta, weekends: int) -> list[date]:
        """Weekend days not yet off or worked on the *weekends* nearest weekends that
        still have one, walking from *start* by *step*."""
        found: list[date] = []
        seen_weeks: list[int] = []
        day = start
        for _ in range(7 * (weekends + 4)):
            if _is_weekend(day) and day not in self.off and day not in self.work:
                week = (day.toordinal() - 1) // 7
                if week not in seen_weeks:
                    if len(seen_weeks) == weekends:
                        break
                    seen_weeks.append(week)
                found.append(day)
            day += step
        return found

    def copy(self) -> _Arrangement:
        other = _Arrangement()
        other.off, other.work = dict(self.off), dict(self.work)
        return other

    def place(
        self,
        core: Mapping[date, str],
        name: str,
        statutory: int,
        rules: HolidayRules,
        *,
        brief: bool,
        side: int = 0,
    ) -> tuple[date, ...]:
        """Add a block of days off, its make-up days (named *name*) and the free
        weekend days next to it; return the make-up days.

        *side* restricts the make-up days: -1 before the block, 1 after, 0 either.
        """
        first, last = min(core), max(core)
        block = {first + k * _ONE for k in range((last - first).days + 1)}
        for day in block:
            self.off[day] = core.get(day, name)
            self.work.pop(day, None)
        needed = sum(1 for day in block if not _is_weekend(day)) - statutory
        chosen = self._choose(first, last, max(needed, 0), rules, side)
        for day in chosen:
            self.work[day] = name
        if brief and not chosen:
            for day in block - set(core):
                del self.off[day]
            return chosen
        for start, step in ((first - _ONE, -_ONE), (last + _ONE, _ONE)):
            day = start
            while _is_weekend(day) and day not in self.off and day not in self.work:
                self.off[day] = name
                day += step
        return chosen

    def _choose(
        self, first: date, last: date, needed: int, rules: HolidayRules, side: int
    ) -> tuple[date, ...]:
        """The make-up days for the block first..last: among free weekend days on the
        nearest weekends (widening if none fits), the set that touches the fewest
        weekends, then lies nearest the block, then before it rather than after; no
        lone working day between days off (no notice 2004–2026 made one) and no run
        of working days above the period's limit."""
        if needed == 0:
            return ()
        limit = rules.max_consecutive_work
        fallback: tuple[date, ...] = ()
        for weekends in (1, 2, 3):
            before = [] if side > 0 else self.free_weekend_days(first - _ONE, -_ONE, weekends)
            after = [] if side < 0 else self.free_weekend_days(last + _ONE, _ONE, weekends)
            candidates = before + after
            best: tuple[tuple[int, int, int], tuple[date, ...]] | None = None
            for combo in itertools.combinations(candidates, needed):
                extra = frozenset(combo)
                if any(not self._has_working_neighbour(day, extra) for day in combo):
                    continue
                if limit is not None and any(self.run_through(d, extra) > limit for d in combo):
                    continue
                cost = (
                    len({(day.toordinal() - 1) // 7 for day in combo}),
                    sum((first - d).days if d < first else (d - last).days for d in combo),
                    sum(1 for day in combo if day > last),
                )
                if best is None or cost < best[0]:
                    best = (cost, combo)
            if best is not None:
                return best[1]
            if not fallback and len(candidates) >= needed:
                fallback = tuple(candidates[:needed])
        return fallback

    def _has_working_neighbour(self, day: date, extra: frozenset[date]) -> bool:
        return self.working(day - _ONE, extra) or self.working(day + _ONE, extra)


def _single_day_core(day: date, name: str, rules: HolidayRules) -> dict[date, str]:
    weekday = day.weekday()
    if weekday == 1:  # Tuesday: bridge the Monday
        days = [day - _ONE, day]
    elif weekday == 3:  # Thursday: bridge the Friday
        days = [day, day + _ONE]
    elif weekday == 2 and rules.bridge_wednesday:
        days = [day - 2 * _ONE, day - _ONE, day]
    elif weekday == _SATURDAY:  # made up on the Monday (补休)
        days = [day, day + 2 * _ONE]
    elif weekday == _SUNDAY:
        days = [day, day + _ONE]
    else:
        days = [day]
    return dict.fromkeys(days, name)


def _new_year(arrangement: _Arrangement, year: int) -> None:
    rules = rules_for(min(year, LAST_ESTIMABLE_YEAR))
    first = date(year, 1, 1)
    if rules.three_day_new_year and first.weekday() in (_SUNDAY, 0):
        core = dict.fromkeys(_span(first, 3), NEW_YEAR)
    else:
        core = _single_day_core(first, NEW_YEAR, rules)
    arrangement.place(core, NEW_YEAR, 1, rules, brief=year in _BRIEF_LISTING_YEARS)


def _spring_core(year: int, variant: _Variant) -> dict[date, str]:
    rules = rules_for(year)
    eve = LUNAR_DATES[year].eve
    statutory = rules.statutory[SPRING_FESTIVAL]
    if variant.spring_short:
        # the statutory days, and weekdays in lieu of those on a weekend
        first = eve + rules.spring_statutory_from * _ONE
        days = _span(first, statutory)
        while sum(1 for d in days if not _is_weekend(d)) < statutory:
            days.append(days[-1] + _ONE)
        return dict.fromkeys(days, SPRING_FESTIVAL)
    first = eve + (rules.spring_block_from + variant.spring_shift) * _ONE
    days = _span(first, rules.spring_block_days)
    if variant.spring_to_sunday:
        days = _span(first, rules.spring_block_days + _SUNDAY - days[-1].weekday())
    return dict.fromkeys(days, SPRING_FESTIVAL)


def _labour_core(year: int, rules: HolidayRules, variant: _Variant) -> dict[date, str]:
    may_day = date(year, 5, 1)
    if rules.labour_block_days == 1:
        return _single_day_core(may_day, LABOUR_DAY, rules)
    lead = 0
    if rules.labour_block_days == 5 and not variant.labour_from_may_day:
        lead = LABOUR_BLOCKS[may_day.weekday()].lead
    return dict.fromkeys(_span(may_day - lead * _ONE, rules.labour_block_days), LABOUR_DAY)


def _arrange(year: int, variant: _Variant) -> tuple[dict[date, str], dict[date, str]] | None:
    """The days off and make-up days of *year* under *variant*, or ``None`` if the
    variant does not apply to that year."""
    rules = rules_for(year)
    lunar = LUNAR_DATES[year]
    brief = year in _BRIEF_LISTING_YEARS
    statutory = rules.statutory
    arrangement = _Arrangement()
    _new_year(arrangement, year)
    arrangement.place(
        _spring_core(year, variant),
        SPRING_FESTIVAL,
        statutory[SPRING_FESTIVAL],
        rules,
        brief=brief,
    )
    if QINGMING in statutory:
        core = _single_day_core(qingming(year), QINGMING, rules)
        arrangement.place(core, QINGMING, 1, rules, brief=brief)

    core = _labour_core(year, rules, variant)
    saved = arrangement.copy()
    chosen = arrangement.place(core, LABOUR_DAY, statutory[LABOUR_DAY], rules, brief=brief)
    if variant.labour_other_side:
        if len(chosen) != 1:
            return None
        side = 1 if chosen[0] < min(core) else -1
        arrangement = saved
        again = arrangement.place(
            core, LABOUR_DAY, statutory[LABOUR_DAY], rules, brief=brief, side=side
        )
        if len(again) != 1:
            return None

    if DRAGON_BOAT in statutory:
        core = _single_day_core(lunar.dragon_boat, DRAGON_BOAT, rules)
        arrangement.place(core, DRAGON_BOAT, 1, rules, brief=brief)

    national_first = date(year, 10, 1)
    national = dict.fromkeys(_span(national_first, 7), NATIONAL_DAY)
    national_statutory = statutory[NATIONAL_DAY]
    if MID_AUTUMN in statutory:
        mid = lunar.mid_autumn
        if variant.merge:
            national = dict.fromkeys(_span(min(mid, national_first), 8), NATIONAL_DAY)
            if mid != national_first:
                national[mid] = MID_AUTUMN
            national_statutory += 1
        elif (
            variant.lieu
            and _is_weekend(mid)
            and (national_first - mid).days <= MID_AUTUMN_LIEU_IN_NATIONAL_DAY
        ):
            arrangement.place({mid: MID_AUTUMN}, MID_AUTUMN, 1, rules, brief=brief)
            national_statutory += 1
        else:
            core = _single_day_core(mid, MID_AUTUMN, rules)
            arrangement.place(core, MID_AUTUMN, 1, rules, brief=brief)
    arrangement.place(national, NATIONAL_DAY, national_statutory, rules, brief=brief)

    _new_year(arrangement, year + 1)

    def inside(table: dict[date, str]) -> dict[date, str]:
        return {day: table[day] for day in sorted(table) if day.year == year}

    return inside(arrangement.off), inside(arrangement.work)
