"""Golden national data, 2019–2026, typed from the State Council notices themselves.

Every holiday block and every make-up working day below was typed from the text of
the notices (国务院办公厅关于YYYY年部分节假日安排的通知, plus the 2019 Labour Day
adjustment and the 2020 Spring Festival extension), *not* from ``chinese-calendar``:
this module does not import it. Each block keeps the notice's own wording for its
length (``共N天``) and the notice's weekday for each make-up day, so a typing slip
in this file is caught by the self-checks at the bottom before it is compared with
the package.

Reading rules (from the notices' wording):

- ``X月A日至B日放假（调休），共N天``: every day from A to B is a day off in the block
  (kind HOLIDAY), weekend days included.
- ``X月A日放假，与周末连休``: A is a day off and the adjacent weekend joins it into one
  break. The notice does not say whether those weekend days are "holiday" or
  "weekend", only that they are not worked, so for them the test accepts either
  kind (HOLIDAY or WEEKEND) but requires a day off.
- ``X月C日（星期六/日）上班``: C is a make-up working day (kind MAKEUP_WORKDAY).
- A later notice for the same holiday replaces the earlier block (2019 劳动节,
  2020 春节).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest

from disclosure_flow import DayKind, WorkdayCalendar, YearEnd

_WEEKDAY_ZH = "一二三四五六日"


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@dataclass(frozen=True)
class Block:
    """One holiday item of a notice.

    ``total`` is the notice's ``共N天`` (None where the notice says ``与周末连休``
    instead); ``makeup`` pairs each make-up day with the weekday the notice prints
    beside it (``"六"`` for 星期六/周六, ``"日"`` for 星期日/周日).
    """

    name: str
    first: dt.date
    last: dt.date
    total: int | None
    makeup: tuple[tuple[dt.date, str], ...] = ()
    joins_weekend: bool = False

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self.name.split("、"))


@dataclass(frozen=True)
class Notice:
    title: str
    number: str
    year: int
    blocks: tuple[Block, ...] = field(default_factory=tuple)


def _b(
    name: str,
    first: str,
    last: str,
    total: int | None,
    *makeup: tuple[str, str],
    joins_weekend: bool = False,
) -> Block:
    return Block(
        name,
        _d(first),
        _d(last),
        total,
        tuple((_d(day), weekday) for day, weekday in makeup),
        joins_weekend,
    )


NOTICES: tuple[Notice, ...] = (
    Notice(
        "国务院办公厅关于2019年部分节假日安排的通知",
        "国办发明电〔2018〕15号",
        2019,
        (
            # 2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。
            _b("元旦", "2018-12-30", "2019-01-01", 3, ("2018-12-29", "六")),
            # 2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期日）上班。
            _b("春节", "2019-02-04", "2019-02-10", 7, ("2019-02-02", "六"), ("2019-02-03", "日")),
            # 4月5日放假，与周末连休。
            _b("清明节", "2019-04-05", "2019-04-05", None, joins_weekend=True),
            # 5月1日放假。(replaced by 国办发明电〔2019〕3号 below)
            _b("劳动节", "2019-05-01", "2019-05-01", None),
            # 6月7日放假，与周末连休。
            _b("端午节", "2019-06-07", "2019-06-07", None, joins_weekend=True),
            # 9月13日放假，与周末连休。
            _b("中秋节", "2019-09-13", "2019-09-13", None, joins_weekend=True),
            # 10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
            _b("国庆节", "2019-10-01", "2019-10-07", 7, ("2019-09-29", "日"), ("2019-10-12", "六")),
        ),
    ),
    Notice(
        "国务院办公厅关于调整2019年劳动节假期安排的通知",
        "国办发明电〔2019〕3号",
        2019,
        (
            # 5月1日至4日放假调休，共4天。4月28日（星期日）、5月5日（星期日）上班。
            _b("劳动节", "2019-05-01", "2019-05-04", 4, ("2019-04-28", "日"), ("2019-05-05", "日")),
        ),
    ),
    Notice(
        "国务院办公厅关于2020年部分节假日安排的通知",
        "国办发明电〔2019〕16号",
        2020,
        (
            # 2020年1月1日放假，共1天。
            _b("元旦", "2020-01-01", "2020-01-01", 1),
            # 1月24日至30日放假调休，共7天。1月19日（星期日）、2月1日（星期六）上班。
            # (replaced by 国办发明电〔2020〕1号 below)
            _b("春节", "2020-01-24", "2020-01-30", 7, ("2020-01-19", "日"), ("2020-02-01", "六")),
            # 4月4日至6日放假调休，共3天。
            _b("清明节", "2020-04-04", "2020-04-06", 3),
            # 5月1日至5日放假调休，共5天。4月26日（星期日）、5月9日（星期六）上班。
            _b("劳动节", "2020-05-01", "2020-05-05", 5, ("2020-04-26", "日"), ("2020-05-09", "六")),
            # 6月25日至27日放假调休，共3天。6月28日（星期日）上班。
            _b("端午节", "2020-06-25", "2020-06-27", 3, ("2020-06-28", "日")),
            # 国庆节、中秋节：10月1日至8日放假调休，共8天。
            # 9月27日（星期日）、10月10日（星期六）上班。
            _b(
                "国庆节、中秋节",
                "2020-10-01",
                "2020-10-08",
                8,
                ("2020-09-27", "日"),
                ("2020-10-10", "六"),
            ),
        ),
    ),
    Notice(
        "国务院办公厅关于延长2020年春节假期的通知",
        "国办发明电〔2020〕1号",
        2020,
        (
            # 延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。
            # The block now runs 1月24日 to 2月2日 (10 days, no 共N天 printed), so
            # 2月1日 (Saturday) is no longer worked; 1月19日 had already been worked.
            _b("春节", "2020-01-24", "2020-02-02", None, ("2020-01-19", "日")),
        ),
    ),
    Notice(
        "国务院办公厅关于2021年部分节假日安排的通知",
        "国办发明电〔2020〕27号",
        2021,
        (
            # 2021年1月1日至3日放假，共3天。
            _b("元旦", "2021-01-01", "2021-01-03", 3),
            # 2月11日至17日放假调休，共7天。2月7日（星期日）、2月20日（星期六）上班。
            _b("春节", "2021-02-11", "2021-02-17", 7, ("2021-02-07", "日"), ("2021-02-20", "六")),
            # 4月3日至5日放假调休，共3天。
            _b("清明节", "2021-04-03", "2021-04-05", 3),
            # 5月1日至5日放假调休，共5天。4月25日（星期日）、5月8日（星期六）上班。
            _b("劳动节", "2021-05-01", "2021-05-05", 5, ("2021-04-25", "日"), ("2021-05-08", "六")),
            # 6月12日至14日放假，共3天。
            _b("端午节", "2021-06-12", "2021-06-14", 3),
            # 9月19日至21日放假调休，共3天。9月18日（星期六）上班。
            _b("中秋节", "2021-09-19", "2021-09-21", 3, ("2021-09-18", "六")),
            # 10月1日至7日放假调休，共7天。9月26日（星期日）、10月9日（星期六）上班。
            _b("国庆节", "2021-10-01", "2021-10-07", 7, ("2021-09-26", "日"), ("2021-10-09", "六")),
        ),
    ),
    Notice(
        "国务院办公厅关于2022年部分节假日安排的通知",
        "国办发明电〔2021〕11号",
        2022,
        (
            # 2022年1月1日至3日放假，共3天。
            _b("元旦", "2022-01-01", "2022-01-03", 3),
            # 1月31日至2月6日放假调休，共7天。1月29日（星期六）、1月30日（星期日）上班。
            _b("春节", "2022-01-31", "2022-02-06", 7, ("2022-01-29", "六"), ("2022-01-30", "日")),
            # 4月3日至5日放假调休，共3天。4月2日（星期六）上班。
            _b("清明节", "2022-04-03", "2022-04-05", 3, ("2022-04-02", "六")),
            # 4月30日至5月4日放假调休，共5天。4月24日（星期日）、5月7日（星期六）上班。
            _b("劳动节", "2022-04-30", "2022-05-04", 5, ("2022-04-24", "日"), ("2022-05-07", "六")),
            # 6月3日至5日放假，共3天。
            _b("端午节", "2022-06-03", "2022-06-05", 3),
            # 9月10日至12日放假，共3天。
            _b("中秋节", "2022-09-10", "2022-09-12", 3),
            # 10月1日至7日放假调休，共7天。10月8日（星期六）、10月9日（星期日）上班。
            _b("国庆节", "2022-10-01", "2022-10-07", 7, ("2022-10-08", "六"), ("2022-10-09", "日")),
        ),
    ),
    Notice(
        "国务院办公厅关于2023年部分节假日安排的通知",
        "国办发明电〔2022〕16号",
        2023,
        (
            # 2022年12月31日至2023年1月2日放假调休，共3天。
            _b("元旦", "2022-12-31", "2023-01-02", 3),
            # 1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。
            _b("春节", "2023-01-21", "2023-01-27", 7, ("2023-01-28", "六"), ("2023-01-29", "日")),
            # 4月5日放假，共1天。
            _b("清明节", "2023-04-05", "2023-04-05", 1),
            # 4月29日至5月3日放假调休，共5天。4月23日（星期日）、5月6日（星期六）上班。
            _b("劳动节", "2023-04-29", "2023-05-03", 5, ("2023-04-23", "日"), ("2023-05-06", "六")),
            # 6月22日至24日放假调休，共3天。6月25日（星期日）上班。
            _b("端午节", "2023-06-22", "2023-06-24", 3, ("2023-06-25", "日")),
            # 中秋节、国庆节：9月29日至10月6日放假调休，共8天。
            # 10月7日（星期六）、10月8日（星期日）上班。
            _b(
                "中秋节、国庆节",
                "2023-09-29",
                "2023-10-06",
                8,
                ("2023-10-07", "六"),
                ("2023-10-08", "日"),
            ),
        ),
    ),
    Notice(
        "国务院办公厅关于2024年部分节假日安排的通知",
        "国办发明电〔2023〕7号",
        2024,
        (
            # 1月1日放假，与周末连休。
            _b("元旦", "2024-01-01", "2024-01-01", None, joins_weekend=True),
            # 2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。
            _b("春节", "2024-02-10", "2024-02-17", 8, ("2024-02-04", "日"), ("2024-02-18", "日")),
            # 4月4日至6日放假调休，共3天。4月7日（星期日）上班。
            _b("清明节", "2024-04-04", "2024-04-06", 3, ("2024-04-07", "日")),
            # 5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
            _b("劳动节", "2024-05-01", "2024-05-05", 5, ("2024-04-28", "日"), ("2024-05-11", "六")),
            # 6月10日放假，与周末连休。
            _b("端午节", "2024-06-10", "2024-06-10", None, joins_weekend=True),
            # 9月15日至17日放假调休，共3天。9月14日（星期六）上班。
            _b("中秋节", "2024-09-15", "2024-09-17", 3, ("2024-09-14", "六")),
            # 10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
            _b("国庆节", "2024-10-01", "2024-10-07", 7, ("2024-09-29", "日"), ("2024-10-12", "六")),
        ),
    ),
    Notice(
        "国务院办公厅关于2025年部分节假日安排的通知",
        "国办发明电〔2024〕12号",
        2025,
        (
            # 1月1日（周三）放假1天，不调休。
            _b("元旦", "2025-01-01", "2025-01-01", 1),
            # 1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。
            # 1月26日（周日）、2月8日（周六）上班。
            _b("春节", "2025-01-28", "2025-02-04", 8, ("2025-01-26", "日"), ("2025-02-08", "六")),
            # 4月4日（周五）至6日（周日）放假，共3天。
            _b("清明节", "2025-04-04", "2025-04-06", 3),
            # 5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
            _b("劳动节", "2025-05-01", "2025-05-05", 5, ("2025-04-27", "日")),
            # 5月31日（周六）至6月2日（周一）放假，共3天。
            _b("端午节", "2025-05-31", "2025-06-02", 3),
            # 国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。
            # 9月28日（周日）、10月11日（周六）上班。
            _b(
                "国庆节、中秋节",
                "2025-10-01",
                "2025-10-08",
                8,
                ("2025-09-28", "日"),
                ("2025-10-11", "六"),
            ),
        ),
    ),
    Notice(
        "国务院办公厅关于2026年部分节假日安排的通知",
        "国办发明电〔2025〕7号",
        2026,
        (
            # 1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
            _b("元旦", "2026-01-01", "2026-01-03", 3, ("2026-01-04", "日")),
            # 2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
            # 2月14日（周六）、2月28日（周六）上班。
            _b("春节", "2026-02-15", "2026-02-23", 9, ("2026-02-14", "六"), ("2026-02-28", "六")),
            # 4月4日（周六）至6日（周一）放假，共3天。
            _b("清明节", "2026-04-04", "2026-04-06", 3),
            # 5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
            _b("劳动节", "2026-05-01", "2026-05-05", 5, ("2026-05-09", "六")),
            # 6月19日（周五）至21日（周日）放假，共3天。
            _b("端午节", "2026-06-19", "2026-06-21", 3),
            # 9月25日（周五）至27日（周日）放假，共3天。
            _b("中秋节", "2026-09-25", "2026-09-27", 3),
            # 10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
            _b("国庆节", "2026-10-01", "2026-10-07", 7, ("2026-09-20", "日"), ("2026-10-10", "六")),
        ),
    ),
)

YEARS = range(2019, 2027)
_ONE = dt.timedelta(days=1)


@dataclass(frozen=True)
class Expected:
    """What the notices say about one day."""

    kinds: frozenset[DayKind]
    names: frozenset[str]
    notice: Notice


def _effective_blocks(year: int) -> list[tuple[Block, Notice]]:
    """The year's blocks after later notices replaced earlier ones (same holiday name)."""
    chosen: dict[str, tuple[Block, Notice]] = {}
    for notice in NOTICES:
        if notice.year == year:
            for block in notice.blocks:
                chosen[block.name] = (block, notice)
    return list(chosen.values())


def _expected_for(year: int) -> dict[dt.date, Expected]:
    """Every non-ordinary day that the notices for *year* determine."""
    table: dict[dt.date, Expected] = {}
    off = frozenset({DayKind.HOLIDAY})
    for block, notice in _effective_blocks(year):
        day = block.first
        while day <= block.last:
            table[day] = Expected(off, block.names, notice)
            day += _ONE
        if block.joins_weekend:
            for step in (_ONE, -_ONE):
                day = (block.last if step > dt.timedelta(0) else block.first) + step
                while day.weekday() >= 5:
                    table[day] = Expected(
                        frozenset({DayKind.HOLIDAY, DayKind.WEEKEND}), block.names, notice
                    )
                    day += step
        for day, _ in block.makeup:
            table[day] = Expected(frozenset({DayKind.MAKEUP_WORKDAY}), block.names, notice)
    return table


def _all_expected() -> dict[dt.date, Expected]:
    table: dict[dt.date, Expected] = {}
    for year in YEARS:
        for day, exp in _expected_for(year).items():
            assert day not in table, f"{day} appears in two years' notices"
            table[day] = exp
    return table


EXPECTED = _all_expected()


def _span(year: int) -> list[dt.date]:
    """Every day of *year* (for the first year, from the first day its notice names:
    the 2019 notice starts on 2018-12-29)."""
    first = dt.date(year, 1, 1)
    if year == YEARS[0]:
        first = min(first, *EXPECTED)
    last = dt.date(year, 12, 31)
    return [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]


# -- self-checks of the typed data (catch typing slips before comparing) -----------


@pytest.mark.parametrize("notice", NOTICES, ids=lambda n: n.number)
def test_notice_data_is_self_consistent(notice: Notice) -> None:
    assert str(notice.year) in notice.title
    for block in notice.blocks:
        assert block.first <= block.last, block
        if block.total is not None:
            assert (block.last - block.first).days + 1 == block.total, block
        for day, weekday in block.makeup:
            assert _WEEKDAY_ZH[day.weekday()] == weekday, (block.name, day)
            assert day.weekday() >= 5, (block.name, day)
            assert not block.first <= day <= block.last, (block.name, day)
        if block.joins_weekend:
            # "与周末连休" only makes sense for a Friday or a Monday.
            assert block.first == block.last
            assert block.first.weekday() in (0, 4), block


def test_each_year_has_its_seven_holidays() -> None:
    for year in YEARS:
        names = set().union(*(block.names for block, _ in _effective_blocks(year)))
        assert names == {"元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"}, year


def test_notice_numbers_are_from_the_year_before() -> None:
    # The yearly notice is issued in the autumn before; the two amending notices in
    # their own year.
    for notice in NOTICES:
        issued = int(notice.number.split("〔")[1].split("〕")[0])
        amending = "调整" in notice.title or "延长" in notice.title
        assert issued == (notice.year if amending else notice.year - 1), notice.number


# -- comparison with the package -------------------------------------------------


@pytest.fixture(scope="module")
def calendar() -> WorkdayCalendar:
    # The package's data final to its last day, as the notices give it (by default the
    # last days of 2026 wait for the 2027 notice: test_year_end.py).
    return WorkdayCalendar(year_end=YearEnd.FINAL)


@pytest.mark.parametrize("year", YEARS)
def test_day_kinds_match_the_notices(calendar: WorkdayCalendar, year: int) -> None:
    wrong = []
    for day in _span(year):
        info = calendar.day_info(day)
        exp = EXPECTED.get(day)
        if exp is None:
            kinds = frozenset({DayKind.WEEKEND if day.weekday() >= 5 else DayKind.WORKDAY})
            names: frozenset[str] = frozenset({""})
        else:
            kinds, names = exp.kinds, exp.names
            if info.kind is DayKind.WEEKEND:
                names = frozenset({""})
        if info.kind not in kinds or info.name not in names:
            wrong.append(f"{day}: package {info.kind.name} {info.name!r}, notice {set(kinds)}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("year", YEARS)
def test_is_workday_matches_the_notices(calendar: WorkdayCalendar, year: int) -> None:
    wrong = []
    for day in _span(year):
        exp = EXPECTED.get(day)
        if exp is None:
            working = day.weekday() < 5
        else:
            working = DayKind.MAKEUP_WORKDAY in exp.kinds
        if calendar.is_workday(day) is not working:
            wrong.append(f"{day}: package {calendar.is_workday(day)}, notice {working}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("year", YEARS)
def test_sources_cite_the_notice(calendar: WorkdayCalendar, year: int) -> None:
    wrong = []
    for day, exp in _expected_for(year).items():
        info = calendar.day_info(day)
        if info.kind is not DayKind.WEEKEND and exp.notice.number not in info.source:
            wrong.append(f"{day}: source {info.source!r} lacks {exp.notice.number}")
    assert not wrong, "\n".join(wrong)


def test_holiday_counts_per_year(calendar: WorkdayCalendar) -> None:
    # Working days per year, counted from the golden data alone and from the package.
    for year in YEARS:
        golden = 0
        day = dt.date(year, 1, 1)
        while day.year == year:
            exp = EXPECTED.get(day)
            golden += day.weekday() < 5 if exp is None else DayKind.MAKEUP_WORKDAY in exp.kinds
            day += _ONE
        got = calendar.workdays_between(dt.date(year - 1, 12, 31), dt.date(year, 12, 31))
        assert got == golden, year
