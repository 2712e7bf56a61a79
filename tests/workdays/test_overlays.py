"""Tests for disclosure_flow.workdays.overlays and how a calendar composes them.

Every overlay entry typed in here is TEST DATA (labels and sources say so), not a
real notice. Weekdays were checked by hand against a printed 2026 calendar and are
re-asserted with ``date.weekday()`` where they matter.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_flow import (
    CoverageError,
    DataStatus,
    DayKind,
    DisclosureFlowError,
    Estimates,
    InputEncodingError,
    InvalidValueError,
    Overlay,
    OverlayEntry,
    OverlayError,
    OverlayKind,
    OverlayScope,
    ProvisionalAnswerError,
    WorkdayCalendar,
)
from disclosure_flow.workdays import statutory_days
from tests.strategies import FIRST_COVERED, covered_dates, overlays

SRC = "测试数据，非真实通知 (test data, not a real notice)"
NATIONAL = WorkdayCalendar()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "overlays"
SHAPE_KEYS = (
    "name",
    "scope",
    "covers",
    "entry",
    "recurring",
    "date",
    "kind",
    "label",
    "source",
    "status",
    "month",
    "day",
    "years",
    "on_weekend",
)


def entry(
    day: dt.date,
    kind: OverlayKind = OverlayKind.DAY_OFF,
    label: str = "测试休息日",
    status: DataStatus = DataStatus.CONFIRMED,
) -> OverlayEntry:
    return OverlayEntry(day, kind, label, SRC, status)


def local(*entries: OverlayEntry, name: str = "测试地方") -> Overlay:
    return Overlay(name, entries)


# -- local days off and working days -----------------------------------------


def test_local_day_off() -> None:
    thursday = dt.date(2026, 11, 19)
    assert thursday.weekday() == 3
    cal = WorkdayCalendar([local(entry(thursday, label="测试纪念日"))])
    assert not cal.is_workday(thursday)
    info = cal.day_info(thursday)
    assert info.kind is DayKind.LOCAL_HOLIDAY
    assert info.name == "测试纪念日"
    assert info.status is DataStatus.CONFIRMED
    assert "测试地方" in info.source
    assert SRC in info.source
    # Day 0 Wed 11-18: nationally Thu 11-19 is working day 1; locally Fri 11-20.
    assert NATIONAL.add_workdays(dt.date(2026, 11, 18), 1) == thursday
    assert cal.add_workdays(dt.date(2026, 11, 18), 1) == dt.date(2026, 11, 20)
    assert cal.workdays_between(dt.date(2026, 11, 16), dt.date(2026, 11, 20)) == 3


def test_local_working_saturday() -> None:
    saturday = dt.date(2026, 11, 21)
    assert saturday.weekday() == 5
    cal = WorkdayCalendar([local(entry(saturday, OverlayKind.WORKING_DAY, "测试补班"))])
    assert cal.is_workday(saturday)
    assert cal.day_info(saturday).kind is DayKind.LOCAL_WORKDAY
    assert cal.add_workdays(dt.date(2026, 11, 20), 1) == saturday
    assert NATIONAL.add_workdays(dt.date(2026, 11, 20), 1) == dt.date(2026, 11, 23)


def test_local_day_off_on_a_national_makeup_day() -> None:
    # 国办发明电〔2025〕7号: Sat 2026-10-10 is worked nationally.
    makeup = dt.date(2026, 10, 10)
    assert NATIONAL.day_info(makeup).kind is DayKind.MAKEUP_WORKDAY
    cal = WorkdayCalendar([local(entry(makeup, label="测试：地方不补班"))])
    assert not cal.is_workday(makeup)
    assert cal.day_info(makeup).kind is DayKind.LOCAL_HOLIDAY
    # After the 10-01..10-07 block: Thu 10-08, Fri 10-09, Sat 10-10 worked nationally.
    assert NATIONAL.workdays_between(dt.date(2026, 10, 7), dt.date(2026, 10, 11)) == 3
    assert cal.workdays_between(dt.date(2026, 10, 7), dt.date(2026, 10, 11)) == 2


def test_later_overlay_wins() -> None:
    day = dt.date(2026, 11, 19)
    off = local(entry(day, OverlayKind.DAY_OFF), name="测试A")
    work = local(entry(day, OverlayKind.WORKING_DAY, "测试上班"), name="测试B")
    assert not WorkdayCalendar([work, off]).is_workday(day)
    assert WorkdayCalendar([off, work]).is_workday(day)
    assert WorkdayCalendar([off, work]).day_info(day).source.startswith("测试B")


def test_national_scope_entries_are_holidays_and_makeup_days() -> None:
    day_off, worked = dt.date(2026, 11, 19), dt.date(2026, 11, 21)
    overlay = Overlay(
        "测试全国",
        (entry(day_off), entry(worked, OverlayKind.WORKING_DAY)),
        scope=OverlayScope.NATIONAL,
    )
    cal = WorkdayCalendar([overlay])
    assert cal.day_info(day_off).kind is DayKind.HOLIDAY
    assert cal.day_info(worked).kind is DayKind.MAKEUP_WORKDAY


def test_entries_outside_the_calendar_are_ignored() -> None:
    cal = WorkdayCalendar([local(entry(dt.date(2030, 1, 2)))])
    assert cal.coverage == NATIONAL.coverage
    assert cal.add_workdays(dt.date(2026, 3, 2), 5) == NATIONAL.add_workdays(dt.date(2026, 3, 2), 5)


# to 28 December 2026: the last days of 2026 wait for the 2027 notice (test_year_end.py)
@given(
    overlays(statuses=(DataStatus.CONFIRMED,)),
    covered_dates(dt.date(2019, 1, 1), dt.date(2026, 12, 28)),
)
def test_overlay_days_decide_is_workday(overlay: Overlay, day: dt.date) -> None:
    cal = WorkdayCalendar([overlay])
    by_day = {e.day: e for e in overlay.entries}
    if day in by_day:
        assert cal.is_workday(day) is (by_day[day].kind is OverlayKind.WORKING_DAY)
    else:
        assert cal.is_workday(day) is NATIONAL.is_workday(day)


# -- a typed-in national notice for an uncovered year ---------------------------


def statutory_entries(year: int) -> tuple[OverlayEntry, ...]:
    """Test data: the statutory days of *year* as days off (a covering overlay needs them)."""
    return tuple(entry(day, label=f"{name}（测试）") for day, name in statutory_days(year).items())


# TEST DATA ONLY: a made-up "2027 notice": the statutory days and one make-up day, not
# the real notice.
FAKE_2027 = Overlay(
    "测试：假想的2027年通知（test data）",
    (
        *statutory_entries(2027),
        entry(dt.date(2027, 2, 13), OverlayKind.WORKING_DAY, "春节补班（测试）"),
    ),
    scope=OverlayScope.NATIONAL,
    covers=(2027,),
)


def test_national_overlay_covering_2027_makes_it_final() -> None:
    cal = WorkdayCalendar([FAKE_2027])
    # final to 28 December; 29–31 December 2027 wait for the 2028 notice (YearEnd)
    assert cal.coverage.last == dt.date(2027, 12, 28)
    assert cal.coverage.estimated_until == dt.date(2027, 12, 31)
    assert not cal.is_workday(dt.date(2027, 1, 1))
    assert cal.day_info(dt.date(2027, 1, 1)).kind is DayKind.HOLIDAY
    assert cal.day_info(dt.date(2027, 1, 1)).status is DataStatus.CONFIRMED
    monday = dt.date(2027, 1, 4)
    assert monday.weekday() == 0
    assert cal.day_info(monday).kind is DayKind.WORKDAY
    assert cal.day_info(monday).status is DataStatus.CONFIRMED
    # Day 0 Thu 2026-12-31: Fri 2027-01-01 off, so working day 1 is Mon 01-04.
    assert cal.add_workdays(dt.date(2026, 12, 31), 1) == monday
    with pytest.raises(CoverageError):
        cal.is_workday(dt.date(2028, 1, 3))


def test_covered_year_is_final_even_when_estimates_are_allowed() -> None:
    cal = WorkdayCalendar([FAKE_2027], estimates=Estimates.ALLOW)
    assert cal.coverage.last == dt.date(2027, 12, 28)
    result = cal.add_workdays_result(dt.date(2026, 12, 15), 20)
    assert not result.provisional
    assert result.low == result.value == result.high
    assert cal.day_info(dt.date(2027, 6, 1)).status is DataStatus.CONFIRMED
    assert cal.day_info(dt.date(2028, 6, 1)).status is DataStatus.ESTIMATED


def test_a_covered_year_after_a_gap_is_not_estimated() -> None:
    # TEST DATA: a national overlay covering 2028 only; 2027 stays estimated.
    fake_2028 = Overlay(
        "测试：假想的2028年通知",
        (*statutory_entries(2028), entry(dt.date(2028, 1, 3))),
        scope=OverlayScope.NATIONAL,
        covers=(2028,),
    )
    cal = WorkdayCalendar([fake_2028], estimates=Estimates.ALLOW)
    assert cal.coverage.last == dt.date(2026, 12, 28)  # 29–31 December wait for 2027
    assert cal.day_info(dt.date(2027, 6, 1)).status is DataStatus.ESTIMATED
    # 2028 stands as typed in: Wed 2028-10-04 is an ordinary working day, not an
    # estimated National Day.
    assert dt.date(2028, 10, 4).weekday() == 2
    info = cal.day_info(dt.date(2028, 10, 4))
    assert (info.kind, info.status) == (DayKind.WORKDAY, DataStatus.CONFIRMED)
    assert cal.is_workday(dt.date(2028, 10, 4))


# -- estimated entries ---------------------------------------------------------


def test_estimated_entry_makes_answers_provisional() -> None:
    monday = dt.date(2026, 6, 15)
    assert monday.weekday() == 0
    cal = WorkdayCalendar(
        [local(entry(monday, label="测试节（估计）", status=DataStatus.ESTIMATED))]
    )
    start = dt.date(2026, 6, 12)  # Friday
    with pytest.raises(ProvisionalAnswerError) as info:
        cal.add_workdays(start, 3)
    assert monday in info.value.estimated
    result = cal.add_workdays_result(start, 3)
    # With the day off: 06-16 (1), 06-17 (2), 06-18 (3); without it 06-17.
    assert result.provisional
    assert result.value == dt.date(2026, 6, 18)
    assert (result.low, result.high) == (dt.date(2026, 6, 17), dt.date(2026, 6, 18))
    assert result.estimated_days == (monday,)
    between = cal.workdays_between_result(start, dt.date(2026, 6, 18))
    # (06-12, 06-18]: 16, 17, 18 with the day off; 15 too without it.
    assert (between.value, between.low, between.high, between.provisional) == (3, 3, 4, True)
    assert cal.day_info(monday).status is DataStatus.ESTIMATED


def test_estimated_entry_outside_the_interval_leaves_answers_final() -> None:
    monday = dt.date(2026, 6, 15)
    cal = WorkdayCalendar([local(entry(monday, status=DataStatus.ESTIMATED))])
    assert cal.add_workdays(dt.date(2026, 6, 15), 2) == dt.date(2026, 6, 17)
    assert cal.workdays_between(dt.date(2026, 6, 1), dt.date(2026, 6, 12)) == 9
    assert not cal.add_workdays_result(dt.date(2026, 6, 16), 1).provisional


def test_workday_on_or_after_an_estimated_day_off_is_provisional() -> None:
    # Were the estimated day off wrong, the answer would be the day itself.
    monday = dt.date(2026, 6, 15)
    cal = WorkdayCalendar([local(entry(monday, status=DataStatus.ESTIMATED))])
    with pytest.raises(ProvisionalAnswerError):
        cal.workday_on_or_after(monday)
    with pytest.raises(ProvisionalAnswerError):
        cal.is_workday(monday)
    assert cal.workday_on_or_after(dt.date(2026, 6, 16)) == dt.date(2026, 6, 16)


# -- fingerprints ----------------------------------------------------------------


def test_fingerprint_is_stable_for_equal_data() -> None:
    a = WorkdayCalendar([local(entry(dt.date(2026, 11, 19)))])
    b = WorkdayCalendar([local(entry(dt.date(2026, 11, 19)))])
    assert a.fingerprint == b.fingerprint
    assert a.fingerprint != NATIONAL.fingerprint


@pytest.mark.parametrize(
    "changed",
    [
        local(entry(dt.date(2026, 11, 20))),
        local(entry(dt.date(2026, 11, 19), label="另一个名称")),
        local(entry(dt.date(2026, 11, 19), OverlayKind.WORKING_DAY)),
        local(entry(dt.date(2026, 11, 19), status=DataStatus.ESTIMATED)),
        local(entry(dt.date(2026, 11, 19)), name="另一个地方"),
        Overlay("测试地方", (entry(dt.date(2026, 11, 19)),), scope=OverlayScope.NATIONAL),
    ],
    ids=["date", "label", "kind", "status", "name", "scope"],
)
def test_fingerprint_changes_with_any_overlay_change(changed: Overlay) -> None:
    base = WorkdayCalendar([local(entry(dt.date(2026, 11, 19)))])
    assert WorkdayCalendar([changed]).fingerprint != base.fingerprint


def test_fingerprint_depends_on_order_and_mode() -> None:
    a = local(entry(dt.date(2026, 11, 19)), name="测试A")
    b = local(entry(dt.date(2026, 11, 19), OverlayKind.WORKING_DAY), name="测试B")
    assert WorkdayCalendar([a, b]).fingerprint != WorkdayCalendar([b, a]).fingerprint
    assert (
        WorkdayCalendar([a]).fingerprint
        != WorkdayCalendar([a], estimates=Estimates.ALLOW).fingerprint
    )


# -- values and validation -----------------------------------------------------


def test_entries_are_sorted_and_unique() -> None:
    later, earlier = entry(dt.date(2026, 12, 1)), entry(dt.date(2026, 1, 5))
    assert local(later, earlier).entries == (earlier, later)
    with pytest.raises(OverlayError, match="one entry per date"):
        local(earlier, entry(dt.date(2026, 1, 5), label="重复"))


@pytest.mark.parametrize(
    ("kwargs", "where"),
    [
        ({"day": dt.datetime(2026, 1, 5, 9)}, "day"),
        ({"day": "2026-01-05"}, "day"),
        ({"label": "  "}, "label"),
        ({"source": ""}, "source"),
        ({"status": DataStatus.OFFICIAL}, "status"),
    ],
)
def test_entry_validation(kwargs: dict[str, object], where: str) -> None:
    fields: dict[str, object] = {
        "day": dt.date(2026, 1, 5),
        "kind": OverlayKind.DAY_OFF,
        "label": "测试",
        "source": SRC,
        "status": DataStatus.CONFIRMED,
    } | kwargs
    with pytest.raises(OverlayError) as info:
        OverlayEntry(**fields)  # type: ignore[arg-type]  # the point of the test
    assert info.value.where == where
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, DisclosureFlowError)


def test_covers_only_for_national_overlays_with_confirmed_entries() -> None:
    with pytest.raises(OverlayError, match="only a national overlay"):
        Overlay("测试", (), covers=(2027,))
    with pytest.raises(OverlayError, match="only confirmed entries"):
        Overlay(
            "测试",
            (entry(dt.date(2027, 1, 1), status=DataStatus.ESTIMATED),),
            scope=OverlayScope.NATIONAL,
            covers=(2027,),
        )
    with pytest.raises(OverlayError, match="1900 to 2100"):
        Overlay("测试", (), scope=OverlayScope.NATIONAL, covers=(1800,))


@given(overlays())
def test_dict_round_trip(overlay: Overlay) -> None:
    assert Overlay.from_dict(overlay.to_dict()) == overlay
    assert Overlay.from_dict(overlay.to_dict()).digest == overlay.digest


# -- TOML ----------------------------------------------------------------------

GOOD_TOML = """
name = "测试州（test data）"
scope = "local"

[[entry]]
date = 2026-11-19
kind = "day_off"
label = "测试纪念日"
source = "测试数据，非真实通知"

[[entry]]
date = "2026-11-21"
kind = "working_day"
label = "测试补班"
source = "https://example.invalid/notice"
status = "estimated"

[[recurring]]
month = 7
day = 4
years = [2020, 2026]
on_weekend = "next_monday"
kind = "day_off"
label = "测试年节"
source = "测试数据，非真实通知"
"""


def test_toml_good_file(tmp_path: Path) -> None:
    path = tmp_path / "overlay.toml"
    path.write_text(GOOD_TOML, encoding="utf-8")
    overlay = Overlay.load(path)
    assert overlay.name == "测试州（test data）"
    assert overlay.scope is OverlayScope.LOCAL
    by_day = {e.day: e for e in overlay.entries}
    assert by_day[dt.date(2026, 11, 19)].status is DataStatus.CONFIRMED
    assert by_day[dt.date(2026, 11, 21)].kind is OverlayKind.WORKING_DAY
    assert by_day[dt.date(2026, 11, 21)].status is DataStatus.ESTIMATED
    assert len(overlay.entries) == 2 + 7
    assert Overlay.from_toml(GOOD_TOML) == overlay


def test_recurring_next_monday() -> None:
    overlay = Overlay.from_toml(GOOD_TOML)
    days = sorted(e.day for e in overlay.entries if e.label == "测试年节")
    # 4 July: 2020 Sat -> Mon 07-06; 2021 Sun -> Mon 07-05; 2026 Sat -> Mon 07-06;
    # 2022 Mon, 2023 Tue, 2024 Thu, 2025 Fri stay (checked on a printed calendar).
    assert days == [
        dt.date(2020, 7, 6),
        dt.date(2021, 7, 5),
        dt.date(2022, 7, 4),
        dt.date(2023, 7, 4),
        dt.date(2024, 7, 4),
        dt.date(2025, 7, 4),
        dt.date(2026, 7, 6),
    ]
    assert all(day.weekday() < 5 for day in days)


def test_recurring_keep_stays_on_the_weekend() -> None:
    text = GOOD_TOML.replace('on_weekend = "next_monday"', 'on_weekend = "keep"')
    days = {e.day for e in Overlay.from_toml(text).entries}
    assert dt.date(2020, 7, 4) in days
    assert dt.date(2020, 7, 6) not in days


@pytest.mark.parametrize(
    ("old", "new", "where", "allowed"),
    [
        (
            'kind = "day_off"\nlabel = "测试纪念日"',
            'kind = "holiday"\nlabel = "测试纪念日"',
            "entry[0]: kind",
            "'day_off', 'working_day'",
        ),
        (
            'status = "estimated"',
            'status = "official"',
            "entry[1]: status",
            "'confirmed' or 'estimated'",
        ),
        (
            'status = "estimated"',
            'status = "maybe"',
            "entry[1]: status",
            "'official', 'confirmed', 'estimated'",
        ),
        ('date = "2026-11-21"', 'date = "2026-11-31"', "entry[1]: date", "2026-11-19"),
        ('date = "2026-11-21"', "date = 20261121", "entry[1]: date", "2026-11-19"),
        ('label = "测试补班"', 'label = ""', "entry[1]: label", "non-empty string"),
        ('label = "测试补班"', 'lable = "测试补班"', "entry[1]", "keys date, kind"),
        ('scope = "local"', 'scope = "province"', "scope", "'national', 'local'"),
        (
            'scope = "local"',
            'scope = "local"\ncovers = [2027]',
            "covers",
            "only a national overlay",
        ),
        ("years = [2020, 2026]", "years = [2026, 2020]", "recurring[0]: years", "first <= last"),
        ("years = [2020, 2026]", "years = 2020", "recurring[0]: years", "[first, last]"),
        (
            "month = 7\nday = 4",
            "month = 2\nday = 30",
            "recurring[0]: month/day",
            "a real month and day",
        ),
        (
            'on_weekend = "next_monday"',
            'on_weekend = "friday"',
            "recurring[0]: on_weekend",
            "'keep', 'next_monday'",
        ),
        ('name = "测试州（test data）"', "name = 3", "name", "non-empty string"),
        ('name = "测试州（test data）"', 'name = "x"\nextra = 1', "<toml>", "top-level keys"),
        ("[[entry]]\ndate = 2026-11-19", "[[entry]\ndate = 2026-11-19", "<toml>", "valid TOML"),
    ],
)
def test_toml_malformed(old: str, new: str, where: str, allowed: str) -> None:
    assert old in GOOD_TOML
    text = GOOD_TOML.replace(old, new, 1)
    with pytest.raises(OverlayError) as info:
        Overlay.from_toml(text)
    error = info.value
    assert where in error.where
    assert allowed in error.allowed
    assert where in str(error)
    assert allowed in str(error)


def test_from_dict_refuses_a_non_mapping() -> None:
    with pytest.raises(OverlayError, match="a mapping"):
        Overlay.from_dict([])  # type: ignore[arg-type]  # the point of the test


# -- the shipped example ---------------------------------------------------------


def test_linxia_example_loads() -> None:
    overlay = Overlay.load(EXAMPLES / "linxia.toml")
    assert "示例" in overlay.name
    assert "example" in overlay.name.lower()
    assert overlay.scope is OverlayScope.LOCAL
    assert overlay.covers == ()
    for item in overlay.entries:
        assert "示例" in item.source
        assert item.kind is OverlayKind.DAY_OFF
        assert item.day.weekday() < 5
        # 19 November, or the Monday after when it falls on a weekend.
        nov19 = dt.date(item.day.year, 11, 19)
        assert item.day == nov19 or (nov19.weekday() >= 5 and item.day.weekday() == 0)


def test_linxia_2026_11_19_is_a_local_holiday() -> None:
    cal = WorkdayCalendar([Overlay.load(EXAMPLES / "linxia.toml")])
    info = cal.day_info(dt.date(2026, 11, 19))
    assert info.kind is DayKind.LOCAL_HOLIDAY
    assert not cal.is_workday(dt.date(2026, 11, 19))
    assert "建州" in info.name
    # 2022-11-19 was a Saturday: the day off moves to Monday 2022-11-21.
    assert dt.date(2022, 11, 19).weekday() == 5
    assert cal.day_info(dt.date(2022, 11, 21)).kind is DayKind.LOCAL_HOLIDAY
    assert cal.day_info(dt.date(2022, 11, 19)).kind is DayKind.WEEKEND


def test_overlay_start_before_data_is_a_coverage_error() -> None:
    cal = WorkdayCalendar([local(entry(dt.date(2026, 11, 19)))])
    with pytest.raises(CoverageError):
        cal.is_workday(FIRST_COVERED - dt.timedelta(days=1))


def test_invalid_value_error_for_overlays_argument() -> None:
    with pytest.raises(InvalidValueError):
        WorkdayCalendar([GOOD_TOML])  # type: ignore[list-item]  # the point of the test


# -- bad input never escapes as a builtin exception -------------------------------


def test_gbk_file_is_an_encoding_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "地方.toml"
    path.write_bytes(GOOD_TOML.encode("gbk"))
    with pytest.raises(InputEncodingError) as info:
        Overlay.load(path)
    error = info.value
    assert isinstance(error, UnicodeDecodeError)
    assert isinstance(error, ValueError)
    assert error.source == str(path)
    assert error.line == 2  # name = "测试州…" is the first line with Chinese text
    assert str(path) in str(error)
    assert "not UTF-8" in str(error)
    assert "encoding" in str(error)


def test_gbk_file_reads_with_its_encoding_named(tmp_path: Path) -> None:
    path = tmp_path / "overlay.toml"
    path.write_bytes(GOOD_TOML.encode("gbk"))
    assert Overlay.load(path, encoding="gbk") == Overlay.from_toml(GOOD_TOML)


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "overlay.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD_TOML.encode("utf-8"))
    assert Overlay.load(path) == Overlay.from_toml(GOOD_TOML)
    assert Overlay.from_toml("\ufeff" + GOOD_TOML) == Overlay.from_toml(GOOD_TOML)


def test_unknown_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "overlay.toml"
    path.write_text(GOOD_TOML, encoding="utf-8")
    for name in ("klingon", "base64"):
        with pytest.raises(InvalidValueError, match="encoding"):
            Overlay.load(path, encoding=name)


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ('scope = "local"', 'scope = "national"\ncovers = [[2027]]', "covers[0]"),
        ('scope = "local"', 'scope = "national"\ncovers = [{a = 1}]', "covers[0]"),
        ('scope = "local"', 'scope = "national"\ncovers = [2027, "2028"]', "covers[1]"),
        ('scope = "local"', 'scope = "national"\ncovers = 2027', "covers"),
        ('scope = "local"', "scope = [1]", "scope"),
        ("years = [2020, 2026]", "years = [[2020], [2026]]", "recurring[0]: years"),
        ("month = 7", "month = [7]", "recurring[0]: month/day"),
        ("month = 7", "month = 7.0", "recurring[0]: month/day"),
        (
            'kind = "day_off"\nlabel = "测试纪念日"',
            'kind = ["day_off"]\nlabel = "x"',
            "entry[0]: kind",
        ),
        ('date = "2026-11-21"', "date = [2026, 11, 21]", "entry[1]: date"),
        ('scope = "local"', 'scope = "local"\nx = ' + "9" * 5000, "<toml>"),
        ('scope = "local"', 'scope = "local"\nx = ' + "[" * 5000 + "]" * 5000, "<toml>"),
        ('scope = "local"', 'scope = "local"\nx = ' + "{a = " * 3000 + "1" + "}" * 3000, "<toml>"),
    ],
)
def test_toml_shapes_that_used_to_escape(old: str, new: str, where: str) -> None:
    assert old in GOOD_TOML
    with pytest.raises(OverlayError) as info:
        Overlay.from_toml(GOOD_TOML.replace(old, new, 1))
    assert where in info.value.where


def test_mixed_key_types_in_a_dict_name_the_key_path() -> None:
    data: dict[Any, Any] = {**Overlay.from_toml(GOOD_TOML).to_dict(), 1: "one", "x": 2}
    with pytest.raises(OverlayError) as info:
        Overlay.from_dict(data, origin="host data")
    assert info.value.where == "host data"
    assert info.value.value == ["x", 1]
    entry_data: dict[Any, Any] = {**Overlay.from_toml(GOOD_TOML).entries[0].to_dict()}
    entry_data.update({2: "x", "lable": "y"})
    clean = {**Overlay.from_toml(GOOD_TOML).to_dict(), "entry": [entry_data]}
    with pytest.raises(OverlayError) as info:
        Overlay.from_dict(clean)
    assert info.value.where == "<dict>: entry[0]"


def test_covers_that_are_not_years_are_refused_by_the_constructor() -> None:
    for covers in ([[2027]], [2027.0], [True], ["2027"]):
        with pytest.raises(OverlayError, match="covers"):
            Overlay("测试", (), OverlayScope.NATIONAL, covers)  # type: ignore[arg-type]  # the point


_keys = st.one_of(st.text(max_size=8), st.integers(-3, 3), st.sampled_from(SHAPE_KEYS))
_json_like = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True),
        st.text(max_size=12),
        st.dates(),
        st.sampled_from(["day_off", "national", "confirmed", "2026-11-19", "next_monday"]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(_keys, inner, max_size=5),
    ),
    max_leaves=20,
)


@given(st.dictionaries(_keys, _json_like, max_size=6))
def test_from_dict_raises_only_library_errors(data: dict[object, object]) -> None:
    with contextlib.suppress(DisclosureFlowError):
        Overlay.from_dict(data)  # type: ignore[arg-type]  # any plain data at all


@given(st.text(max_size=200))
def test_from_toml_raises_only_library_errors(text: str) -> None:
    with contextlib.suppress(DisclosureFlowError):
        Overlay.from_toml(text)
