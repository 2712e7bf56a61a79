"""Tests for disclosure_flow.workdays.days: day kinds, statuses and one-line descriptions."""

from __future__ import annotations

import datetime as dt
import typing

import attrs
import pytest

from disclosure_flow import DataStatus, DayInfo, DayKind, InvalidValueError

WORKING = {DayKind.WORKDAY, DayKind.MAKEUP_WORKDAY, DayKind.LOCAL_WORKDAY}


@pytest.mark.parametrize("kind", list(DayKind))
def test_kind_is_workday(kind: DayKind) -> None:
    assert kind.is_workday is (kind in WORKING)
    assert DayInfo(dt.date(2026, 3, 2), kind).is_workday is (kind in WORKING)


def test_kind_labels_zh() -> None:
    assert {kind: kind.label_zh for kind in DayKind} == {
        DayKind.WORKDAY: "工作日",
        DayKind.WEEKEND: "周末",
        DayKind.HOLIDAY: "法定节假日",
        DayKind.MAKEUP_WORKDAY: "调休上班",
        DayKind.LOCAL_HOLIDAY: "地方休息日",
        DayKind.LOCAL_WORKDAY: "地方调休上班",
    }


def test_enum_values_are_stable() -> None:
    # Values appear in serialized data and overlay files; renaming one breaks them.
    assert [k.value for k in DayKind] == [
        "workday",
        "weekend",
        "holiday",
        "makeup_workday",
        "local_holiday",
        "local_workday",
    ]
    assert [s.value for s in DataStatus] == ["official", "confirmed", "estimated"]


@pytest.mark.parametrize(
    ("info", "zh", "en"),
    [
        (
            DayInfo(dt.date(2026, 10, 10), DayKind.MAKEUP_WORKDAY, "国庆节"),
            "2026-10-10 调休上班（国庆节）",
            "2026-10-10 makeup workday (国庆节)",
        ),
        (
            DayInfo(dt.date(2026, 10, 12), DayKind.WORKDAY),
            "2026-10-12 工作日",
            "2026-10-12 workday",
        ),
        (
            DayInfo(
                dt.date(2027, 2, 8),
                DayKind.HOLIDAY,
                "春节",
                "test data",
                DataStatus.ESTIMATED,
            ),
            "2027-02-08 法定节假日（春节）〔估计〕",
            "2027-02-08 holiday (春节) [estimated]",
        ),
    ],
)
def test_describe(info: DayInfo, zh: str, en: str) -> None:
    assert info.describe() == zh
    assert info.describe("zh") == zh
    assert info.describe("en") == en


def test_describe_refuses_other_languages() -> None:
    with pytest.raises(InvalidValueError) as info:
        DayInfo(dt.date(2026, 3, 2), DayKind.WORKDAY).describe("fr")
    assert info.value.value == "fr"
    assert "'zh', 'en'" in str(info.value)


def test_day_info_is_a_frozen_value() -> None:
    info = DayInfo(dt.date(2026, 3, 2), DayKind.WORKDAY)
    assert info == DayInfo(dt.date(2026, 3, 2), DayKind.WORKDAY, "", "", DataStatus.OFFICIAL)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        info.name = "x"  # type: ignore[misc]  # the point of the test
    assert attrs.evolve(info, kind=DayKind.WEEKEND).kind is DayKind.WEEKEND


def test_type_hints_resolve() -> None:
    hints = typing.get_type_hints(DayInfo)
    assert hints["day"] is dt.date
    assert hints["kind"] is DayKind


# -- where a fact comes from, in each language ---------------------------------------


def test_the_weekday_rule_is_described_in_chinese() -> None:
    from disclosure_flow import WorkdayCalendar
    from disclosure_flow.workdays.days import WEEKDAY_RULE

    info = WorkdayCalendar().day_info(dt.date(2026, 10, 13))
    assert info.source == WEEKDAY_RULE  # as stored, unchanged
    assert info.describe_source() == "按星期规则（周一至周五工作，周六、周日休息）"
    assert info.describe_source("en") == WEEKDAY_RULE


def test_a_notice_stays_as_published_and_is_named_in_english() -> None:
    from disclosure_flow import WorkdayCalendar

    info = WorkdayCalendar().day_info(dt.date(2026, 10, 10))
    assert info.describe_source("zh") == info.source
    assert info.source.startswith("国务院办公厅关于2026年")
    assert info.describe_source("en") == f"the State Council's notice ({info.source})"
    with pytest.raises(InvalidValueError):
        info.describe_source("fr")


def test_every_estimate_scenario_is_described_in_chinese() -> None:
    from disclosure_flow.workdays.days import estimate_source
    from disclosure_flow.workdays.estimate import (
        ESTIMATOR_VERSION,
        FIRST_ESTIMABLE_YEAR,
        LAST_ESTIMABLE_YEAR,
        estimate_year,
    )

    labels = {
        scenario.label
        for year in range(FIRST_ESTIMABLE_YEAR, LAST_ESTIMABLE_YEAR + 1)
        for scenario in estimate_year(year)
    }
    for label in labels:
        source = estimate_source(label, ESTIMATOR_VERSION)
        info = DayInfo(dt.date(2027, 2, 10), DayKind.HOLIDAY, "春节", source, DataStatus.ESTIMATED)
        text = info.describe_source("zh")
        assert text.startswith("估计（")
        assert f"估计方法第 {ESTIMATOR_VERSION} 版" in text
        assert not any(word in text for word in ("make-up", "from", "only", "rules")), text
        assert info.describe_source("en") == source
