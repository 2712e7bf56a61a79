"""Hypothesis strategies shared by the test modules (one place, as in attrs).

Bounds of the national data are read from ``chinese-calendar``'s own tables, not
from the code under test, so a test that uses them stays independent of it.

Import as ``from tests.strategies import ...`` (``tests`` is a package, so test modules
in its layer folders share one copy).
"""

from __future__ import annotations

import datetime as dt
import decimal

import attrs
from chinese_calendar import constants as _cc
from hypothesis import strategies as st

from disclosure_flow import DataStatus, Overlay, OverlayEntry, OverlayKind, OverlayScope
from disclosure_flow.strategies import _declare_override  # one rule for both kinds of tests

__all__ = [
    "FIRST_COVERED",
    "LAST_COVERED",
    "counts",
    "covered_dates",
    "dates_2019_2026",
    "labels",
    "non_date_values",
    "non_int_counts",
    "overlay_entries",
    "overlays",
    "signed_counts",
    "sources",
]

#: First and last day of ``chinese-calendar``'s national data (2004-01-01, 2026-12-31
#: in 1.11.0).
FIRST_COVERED = dt.date(min(d.year for d in _cc.holidays), 1, 1)
LAST_COVERED = dt.date(max(d.year for d in _cc.holidays), 12, 31)


def covered_dates(
    first: dt.date = FIRST_COVERED, last: dt.date = LAST_COVERED
) -> st.SearchStrategy[dt.date]:
    """Dates inside the national data (clipped to ``[first, last]``)."""
    return st.dates(min_value=max(first, FIRST_COVERED), max_value=min(last, LAST_COVERED))


def dates_2019_2026() -> st.SearchStrategy[dt.date]:
    """Dates of the years the golden tables cover."""
    return covered_dates(dt.date(2019, 1, 1), dt.date(2026, 12, 31))


def counts(max_value: int = 60) -> st.SearchStrategy[int]:
    """Positive working-day counts (1 .. *max_value*)."""
    return st.integers(min_value=1, max_value=max_value)


def signed_counts(max_abs: int = 60) -> st.SearchStrategy[int]:
    """Working-day counts of either sign, zero included."""
    return st.integers(min_value=-max_abs, max_value=max_abs)


def non_date_values() -> st.SearchStrategy[object]:
    """Values a date argument must refuse: datetimes, strings, numbers, None."""
    return st.one_of(
        st.datetimes(),
        st.datetimes(timezones=st.just(dt.UTC)),
        st.dates().map(dt.date.isoformat),
        st.integers(),
        st.floats(allow_nan=False),
        st.none(),
    )


def non_int_counts() -> st.SearchStrategy[object]:
    """Values a working-day count must refuse: bools, floats, strings, decimals, None."""
    return st.one_of(
        st.booleans(),
        st.floats(),
        st.integers().map(str),
        st.integers(-100, 100).map(decimal.Decimal),
        st.none(),
    )


def labels() -> st.SearchStrategy[str]:
    """Non-empty labels, Chinese or ASCII."""
    return st.text(
        alphabet=st.sampled_from("古尔邦节开斋三月三停电测试ABCxyz 0123-"), min_size=1, max_size=12
    ).filter(lambda text: bool(text.strip()))


def sources() -> st.SearchStrategy[str]:
    """Non-empty source texts (always marked as test data)."""
    return st.sampled_from(
        ["测试数据（非真实通知）", "test data, not a real notice", "https://example.invalid/test"]
    )


def overlay_entries(
    first: dt.date = dt.date(2019, 1, 1),
    last: dt.date = dt.date(2026, 12, 31),
    *,
    statuses: tuple[DataStatus, ...] = (DataStatus.CONFIRMED, DataStatus.ESTIMATED),
) -> st.SearchStrategy[OverlayEntry]:
    """Single overlay entries (test data) dated in ``[first, last]``; a working day on a
    statutory holiday says that it overrides the national day (as a local overlay must)."""
    return st.builds(
        OverlayEntry,
        day=st.dates(min_value=first, max_value=last),
        kind=st.sampled_from(OverlayKind),
        label=labels(),
        source=sources(),
        status=st.sampled_from(statuses),
    ).map(_declare_override)


@st.composite
def overlays(
    draw: st.DrawFn,
    first: dt.date = dt.date(2019, 1, 1),
    last: dt.date = dt.date(2026, 12, 31),
    *,
    max_entries: int = 8,
    statuses: tuple[DataStatus, ...] = (DataStatus.CONFIRMED, DataStatus.ESTIMATED),
    scope: OverlayScope | None = None,
) -> Overlay:
    """Overlays of test data: at most one entry per date, no covered years."""
    entries = draw(
        st.lists(
            overlay_entries(first, last, statuses=statuses),
            max_size=max_entries,
            unique_by=lambda entry: entry.day,
        )
    )
    name = draw(st.sampled_from(["测试叠加A", "测试叠加B", "test overlay"]))
    chosen_scope = scope if scope is not None else draw(st.sampled_from(OverlayScope))
    return Overlay(name=name, entries=tuple(entries), scope=chosen_scope)


# -- holiday notices (节假日安排通知) rendered from an arrangement ------------------

_WEEKDAY_ZH = "一二三四五六日"
_ITEM_NUMBERS = "一二三四五六七八九十"
_FULL_WIDTH = str.maketrans({",": "，", ":": "：", "(": "（", ")": "）"})


@attrs.frozen
class NoticeStyle:
    """How a rendered notice is printed: the ways the real notices differ."""

    full_width: bool = True
    weekday_word: str = "周"
    range_notes: bool = True
    heading_own_line: bool = False
    title_broken: bool = False
    with_number: bool = True
    single_day: str = "共1天"


def notice_styles() -> st.SearchStrategy[NoticeStyle]:
    """Every combination of the printing differences of the notices since 2010."""
    return st.builds(
        NoticeStyle,
        full_width=st.booleans(),
        weekday_word=st.sampled_from(["周", "星期"]),
        range_notes=st.booleans(),
        heading_own_line=st.booleans(),
        title_broken=st.booleans(),
        with_number=st.booleans(),
        single_day=st.sampled_from(["共1天", "不调休"]),
    )


def _runs(days_off: dict[dt.date, str]) -> list[list[dt.date]]:
    runs: list[list[dt.date]] = []
    for day in sorted(days_off):
        if runs and (day - runs[-1][-1]).days == 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def notice_days(year: int, days: dict[dt.date, str]) -> dict[dt.date, str]:
    """*days* without the December days of the next year's 元旦 block."""
    return {d: n for d, n in days.items() if not (d.year == year and d.month == 12 and n == "元旦")}


def render_notice(
    year: int,
    days_off: dict[dt.date, str],
    workdays: dict[dt.date, str],
    style: NoticeStyle = NoticeStyle(),
) -> str:
    """TEST DATA: the text of a yearly notice that arranges *days_off* and *workdays*
    (each date -> its holiday), printed as the State Council prints its notices.

    A December 元旦 day of *year* is the next year's notice's, and left out
    (:func:`notice_days` gives the days a notice of *year* sets).
    """
    days_off, workdays = notice_days(year, days_off), notice_days(year, workdays)

    def note(day: dt.date) -> str:
        return f"({style.weekday_word}{_WEEKDAY_ZH[day.weekday()]})"

    items: list[tuple[list[str], list[dt.date], list[dt.date]]] = []
    for run in _runs(days_off):
        names = list(dict.fromkeys(days_off[d] for d in run))
        items.append((names, run, []))
    for day in sorted(workdays):
        owner = next(item for item in items if workdays[day] in item[0])
        owner[2].append(day)

    def printed(days: list[dt.date], notes: bool) -> list[str]:
        out = []
        previous: dt.date | None = None
        for day in days:
            text = f"{day.day}日"
            if previous is None or previous.month != day.month or previous.year != day.year:
                text = f"{day.month}月{text}"
            if day.year != year or (previous is not None and previous.year != day.year):
                text = f"{day.year}年{text}"
            out.append(text + (note(day) if notes else ""))
            previous = day
        return out

    lines = [
        f"国务院办公厅关于{year}年" + ("\n" if style.title_broken else "") + "部分节假日安排的通知"
    ]
    if style.with_number:
        lines.append(f"国办发明电〔{year - 1}〕7号")
    lines.append("各省、自治区、直辖市人民政府,国务院各部委、各直属机构:")
    lines.append(
        f"经国务院批准,现将{year}年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节"
        "放假调休日期的具体安排通知如下。"
    )
    for index, (names, run, works) in enumerate(sorted(items, key=lambda i: i[1][0])):
        first, last = run[0], run[-1]
        if first == last:
            span = printed([first], style.range_notes)[0]
        else:
            start, end = printed([first, last], style.range_notes)
            span = f"{start}至{end}"
        if first == last and not works:
            body = (
                f"{span}放假1天,不调休。" if style.single_day == "不调休" else f"{span}放假,共1天。"
            )
        else:
            body = f"{span}放假{'调休' if works else ''},共{len(run)}天。"
            if works:
                body += "、".join(printed(works, True)) + "上班。"
        heading = f"{_ITEM_NUMBERS[index]}、{'、'.join(names)}:"
        lines.append(heading + ("\n" if style.heading_own_line else "") + body)
    lines.append("节假日期间,各地区、各部门要妥善安排好值班和安全、保卫等工作。")
    lines.append("国务院办公厅")
    lines.append(f"{year - 1}年11月4日")
    text = "\n".join(lines) + "\n"
    return text.translate(_FULL_WIDTH) if style.full_width else text
