"""Tests for disclosure_flow.workdays.overlays: the statutory holidays an overlay must
respect (法定节假日).

- A national overlay that *covers* a year stands in for that year's notice, so it must
  give every statutory holiday of the 放假办法 in force a day off: an empty covering
  overlay would otherwise make final answers that ignore the Spring Festival.
- A local overlay may make a statutory holiday a working day only when the entry says
  so (``overrides_national``).

Every entry here is TEST DATA.
"""

from __future__ import annotations

import datetime as dt

import pytest

from disclosure_flow import (
    CoverageError,
    DayKind,
    Overlay,
    OverlayEntry,
    OverlayError,
    OverlayKind,
    OverlayScope,
    WorkdayCalendar,
)
from disclosure_flow.workdays import statutory_days

SRC = "测试数据，非真实通知 (test data, not a real notice)"
D = dt.date


def off(day: dt.date, label: str = "测试") -> OverlayEntry:
    return OverlayEntry(day, OverlayKind.DAY_OFF, label, SRC)


def covering(year: int, *entries: OverlayEntry, drop: tuple[dt.date, ...] = ()) -> Overlay:
    days = [off(d, n) for d, n in statutory_days(year).items() if d not in drop]
    return Overlay("测试全国", (*days, *entries), scope=OverlayScope.NATIONAL, covers=(year,))


# -- a covering national overlay ---------------------------------------------------


def test_an_empty_covering_overlay_is_refused_naming_the_year_and_the_days() -> None:
    with pytest.raises(OverlayError) as info:
        Overlay("测试全国", (), scope=OverlayScope.NATIONAL, covers=(2027,))
    error = info.value
    assert "covers 2027" in error.where
    assert isinstance(error.value, list)
    assert "2027-02-05 春节" in error.value  # 除夕, statutory from 2025
    assert len(error.value) == 13
    assert "13 days" in error.allowed


def test_one_missing_statutory_day_is_refused() -> None:
    with pytest.raises(OverlayError, match="2027-10-03 国庆节"):
        covering(2027, drop=(D(2027, 10, 3),))


def test_a_statutory_day_made_a_working_day_is_refused() -> None:
    days = [off(d, n) for d, n in statutory_days(2027).items() if d != D(2027, 6, 9)]
    worked = OverlayEntry(D(2027, 6, 9), OverlayKind.WORKING_DAY, "测试", SRC)
    with pytest.raises(OverlayError, match="2027-06-09 端午节"):
        Overlay("测试全国", (*days, worked), scope=OverlayScope.NATIONAL, covers=(2027,))


def test_the_law_in_force_that_year_decides_the_days() -> None:
    # 11 days to 2024 (春节 from 初一, 劳动节 one day), 13 from 2025
    assert len(statutory_days(2024)) == 11
    assert len(statutory_days(2025)) == 13
    assert D(2024, 2, 9) not in statutory_days(2024)  # 除夕 2024
    assert covering(2024).covers == (2024,)


def test_a_covering_overlay_with_its_statutory_days_makes_the_year_final() -> None:
    calendar = WorkdayCalendar([covering(2027)])
    assert calendar.coverage.last == D(2027, 12, 28)  # 29–31 December wait for 2028
    assert calendar.day_info(D(2027, 2, 8)).kind is DayKind.HOLIDAY
    with pytest.raises(CoverageError):
        calendar.is_workday(D(2028, 1, 3))


def test_a_year_whose_statutory_days_are_unknown_cannot_be_covered() -> None:
    with pytest.raises(OverlayError, match="2004 to 2035"):
        Overlay("测试全国", (), scope=OverlayScope.NATIONAL, covers=(2040,))


def test_a_covering_toml_file_without_its_spring_festival_is_refused() -> None:
    text = "\n".join(
        [
            'name = "测试全国"',
            'scope = "national"',
            "covers = [2027]",
            "[[entry]]",
            "date = 2027-01-01",
            'kind = "day_off"',
            'label = "元旦"',
            f'source = "{SRC}"',
        ]
    )
    with pytest.raises(OverlayError, match="2027-02-05 春节"):
        Overlay.from_toml(text)


# -- a local working day on a national holiday ----------------------------------------


def local_work(day: dt.date, *, overrides: bool = False) -> Overlay:
    entry = OverlayEntry(
        day, OverlayKind.WORKING_DAY, "测试地方补班", SRC, overrides_national=overrides
    )
    return Overlay("测试地方", (entry,))


def test_a_local_working_day_on_a_statutory_holiday_is_refused() -> None:
    with pytest.raises(OverlayError) as info:
        local_work(D(2026, 10, 1))
    assert "2026-10-01" in info.value.where
    assert "国庆节" in str(info.value.value)
    assert "overrides_national = true" in info.value.allowed


def test_it_is_accepted_when_the_entry_says_it_overrides_the_national_day() -> None:
    overlay = local_work(D(2026, 10, 1), overrides=True)
    calendar = WorkdayCalendar([overlay])
    assert calendar.is_workday(D(2026, 10, 1))
    assert calendar.day_info(D(2026, 10, 1)).kind is DayKind.LOCAL_WORKDAY
    assert overlay.entries[0].to_dict()["overrides_national"] is True
    assert Overlay.from_dict(overlay.to_dict()) == overlay


def test_other_local_working_days_need_no_flag() -> None:
    # 2026-10-05 is a day off of the National Day block but not a statutory day
    assert D(2026, 10, 5) not in statutory_days(2026)
    assert WorkdayCalendar([local_work(D(2026, 10, 5))]).is_workday(D(2026, 10, 5))
    national = Overlay(
        "测试全国",
        (OverlayEntry(D(2026, 10, 1), OverlayKind.WORKING_DAY, "测试", SRC),),
        scope=OverlayScope.NATIONAL,
    )
    assert national.entries[0].day == D(2026, 10, 1)  # national data is the notice's own


def test_the_flag_is_only_for_working_days_and_only_a_bool() -> None:
    with pytest.raises(OverlayError, match="only on a working-day entry"):
        OverlayEntry(D(2026, 10, 1), OverlayKind.DAY_OFF, "测试", SRC, overrides_national=True)
    with pytest.raises(OverlayError, match="True or False"):
        OverlayEntry(D(2026, 10, 1), OverlayKind.WORKING_DAY, "测试", SRC, overrides_national=1)  # type: ignore[arg-type]  # the point of the test


def test_an_entry_without_the_flag_keeps_its_plain_data_and_digest() -> None:
    entry = OverlayEntry(D(2026, 11, 19), OverlayKind.DAY_OFF, "测试", SRC)
    assert "overrides_national" not in entry.to_dict()


TOML = """
name = "测试地方"
scope = "local"

[[entry]]
date = 2026-10-01
kind = "working_day"
label = "测试地方补班"
source = "测试数据，非真实通知"
overrides_national = true

[[recurring]]
month = 5
day = 1
years = [2026, 2027]
kind = "working_day"
label = "测试地方补班"
source = "测试数据，非真实通知"
overrides_national = true
"""


def test_toml_reads_the_flag_in_entries_and_recurring_entries() -> None:
    overlay = Overlay.from_toml(TOML)
    assert all(entry.overrides_national for entry in overlay.entries)
    assert len(overlay.entries) == 3
    with pytest.raises(OverlayError, match="2026-10-01"):
        Overlay.from_toml(TOML.replace("overrides_national = true\n", "", 1))
    with pytest.raises(OverlayError, match="true or false"):
        Overlay.from_toml(
            TOML.replace("overrides_national = true", 'overrides_national = "yes"', 1)
        )
