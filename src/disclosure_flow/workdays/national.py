"""National working-day data, read once from ``chinese-calendar``'s constant tables.

``chinese-calendar`` types each year in from the State Council's yearly notice
(国务院办公厅关于部分节假日安排的通知). We read its dicts directly (never
``is_workday``, which rescans them on every call and raises ``NotImplementedError``
outside its range) and keep the notices they come from beside them.
"""

from __future__ import annotations

import datetime as _dt
import hashlib

import attrs
import chinese_calendar
from chinese_calendar import constants as _cc

#: Official Chinese and English names of the national holidays (全国年节及纪念日放假办法),
#: keyed by the English name ``chinese-calendar`` stores.
HOLIDAY_NAMES: dict[str, tuple[str, str]] = {
    "New Year's Day": ("元旦", "New Year's Day"),
    "Spring Festival": ("春节", "Spring Festival"),
    "Tomb-sweeping Day": ("清明节", "Tomb-sweeping Day"),
    "Labour Day": ("劳动节", "Labour Day"),
    "Dragon Boat Festival": ("端午节", "Dragon Boat Festival"),
    "National Day": ("国庆节", "National Day"),
    "Mid-autumn Festival": ("中秋节", "Mid-autumn Festival"),
    "Anti-Fascist 70th Day": (
        "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
        "70th anniversary of the victory of the War of Resistance",
    ),
}

#: The State Council notices behind each year (facts; the package's data is checked
#: against them in ``tests/test_golden_national.py``).
NOTICES: dict[int, tuple[str, ...]] = {
    2019: (
        "国务院办公厅关于2019年部分节假日安排的通知（国办发明电〔2018〕15号）",
        "国务院办公厅关于调整2019年劳动节假期安排的通知（国办发明电〔2019〕3号）",
    ),
    2020: (
        "国务院办公厅关于2020年部分节假日安排的通知（国办发明电〔2019〕16号）",
        "国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）",
    ),
    2021: ("国务院办公厅关于2021年部分节假日安排的通知（国办发明电〔2020〕27号）",),
    2022: ("国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号）",),
    2023: ("国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）",),
    2024: ("国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）",),
    2025: ("国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）",),
    2026: ("国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）",),
}


def notice_year(day: _dt.date, name: str) -> int:
    """The year whose notice sets *day*: a December day of a New Year's block (元旦, and
    its make-up day) is set by the next year's notice (e.g. 2018-12-29..31 by the
    2019 notice)."""
    if day.month == 12 and name == "元旦":
        return day.year + 1
    return day.year


def notice_for(year: int) -> str:
    """The source text recorded for national data of *year*."""
    notices = NOTICES.get(year)
    if notices:
        return "；".join(notices)
    return f"国务院办公厅关于{year}年部分节假日安排的通知（数据来自 chinese-calendar）"


@attrs.frozen
class NationalData:
    """The national days off and make-up working days, by date.

    Attributes:
        days_off: date -> Chinese holiday name, for every day off inside a block.
        workdays: date -> Chinese holiday name, for every make-up working day.
        first_year: first year with data.
        last_year: last year with data.
        version: the ``chinese-calendar`` version.
        digest: a SHA-256 of the data, for calendar fingerprints.
        next_notice_from: ``(month, day)`` of the earliest day of a year that a next
            year's notice has set otherwise than the weekday rule (:func:`next_notice_from`),
            or ``None`` if none has.
    """

    days_off: dict[_dt.date, str]
    workdays: dict[_dt.date, str]
    first_year: int
    last_year: int
    version: str
    digest: str
    next_notice_from: tuple[int, int] | None = None


def next_notice_from(
    days_off: dict[_dt.date, str], workdays: dict[_dt.date, str]
) -> tuple[int, int] | None:
    """``(month, day)`` of the earliest day of a year that the next year's notice has
    set otherwise than the weekday rule (次年通知改变的本年日期): a weekend day worked or a
    weekday off that belongs to the next year's 元旦 (:func:`notice_year`). In the data of
    ``chinese-calendar`` 1.11.0 that is 29 December (the 2008 and 2019 notices worked
    Saturday 29 December 2007 and 2018; the 2007, 2008, 2012 and 2019 notices changed
    30 and 31 December 2006, 31 December 2007, 2011 and 2018 too)."""
    changed = [
        d for d, name in workdays.items() if notice_year(d, name) > d.year and d.weekday() >= 5
    ]
    changed += [
        d for d, name in days_off.items() if notice_year(d, name) > d.year and d.weekday() < 5
    ]
    return min(((d.month, d.day) for d in changed), default=None)


def _zh(english: str) -> str:
    return HOLIDAY_NAMES.get(english, (english, english))[0]


def load() -> NationalData:
    """Read the national tables from the installed ``chinese-calendar``."""
    days_off = {day: _zh(name) for day, name in _cc.holidays.items()}
    workdays = {day: _zh(name) for day, name in _cc.workdays.items()}
    years = [d.year for d in days_off] + [d.year for d in workdays]
    digest = hashlib.sha256()
    for tag, table in (("off", days_off), ("work", workdays)):
        for day in sorted(table):
            digest.update(f"{tag}:{day.isoformat()}:{table[day]};".encode())
    return NationalData(
        days_off=days_off,
        workdays=workdays,
        first_year=min(years),
        last_year=max(years),
        version=str(chinese_calendar.__version__),
        digest=digest.hexdigest(),
        next_notice_from=next_notice_from(days_off, workdays),
    )


_CACHE: list[NationalData] = []


def national() -> NationalData:
    """The national data, loaded once per process."""
    if not _CACHE:
        _CACHE.append(load())
    return _CACHE[0]
