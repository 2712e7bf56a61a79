"""Tests for disclosure_flow.workdays.workday_calendar: counting, coverage, provisional
answers, identity.

Independent references: ``chinese_calendar.is_workday`` walked day by day (the naive
loop), and hand counts from the State Council notices (each cited where used).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_flow import (
    Coverage,
    CoverageError,
    DataStatus,
    DayKind,
    DisclosureFlowError,
    Estimates,
    HolidayBlock,
    InvalidDateError,
    InvalidValueError,
    ProvisionalAnswerError,
    WorkdayCalendar,
    YearEnd,
)
from disclosure_flow.workdays import group_blocks
from tests.strategies import (
    FIRST_COVERED,
    LAST_COVERED,
    counts,
    covered_dates,
    non_date_values,
    non_int_counts,
    signed_counts,
)

ONE = dt.timedelta(days=1)
#: The package's data as it is, final to 31 December of its last year (the references
#: below walk chinese-calendar, which knows nothing of the days the next notice may set;
#: the default, YearEnd.PENDING, is tested in test_year_end.py).
CAL = WorkdayCalendar(year_end=YearEnd.FINAL)
ALLOW = WorkdayCalendar(estimates=Estimates.ALLOW)
#: The year-end days of the last year that the next year's notice may still set.
PENDING_FROM = dt.date(LAST_COVERED.year, 12, 29)


def naive_add(start: dt.date, n: int) -> dt.date | None:
    """The n-th working day after *start* by walking chinese-calendar day by day;
    None when the walk leaves chinese-calendar's data."""
    step = ONE if n > 0 else -ONE
    day, left = start, abs(n)
    try:
        while left:
            day += step
            left -= chinese_calendar.is_workday(day)
    except NotImplementedError:
        return None
    return day


def naive_between(start: dt.date, end: dt.date) -> int:
    lo, hi, sign = (start, end, 1) if start <= end else (end, start, -1)
    total, day = 0, lo + ONE
    while day <= hi:
        total += chinese_calendar.is_workday(day)
        day += ONE
    return sign * total


# -- hand-checked examples -------------------------------------------------------


def test_across_national_day_2026() -> None:
    # Hand count from 国办发明电〔2025〕7号: day 0 = Mon 09-28; 09-29 (1), 09-30 (2);
    # 10-01..10-07 off; 10-08 (3), 10-09 (4), Sat 10-10 worked (5); then five weeks
    # of Mon–Fri: 10-12..16 (6–10), 10-19..23 (11–15), 10-26..30 (16–20).
    assert CAL.add_workdays(dt.date(2026, 9, 28), 20) == dt.date(2026, 10, 30)
    assert CAL.workdays_between(dt.date(2026, 9, 28), dt.date(2026, 10, 30)) == 20


def test_across_spring_festival_2026() -> None:
    # 国办发明电〔2025〕7号: off 02-15..02-23, Sat 02-14 and Sat 02-28 worked.
    # Day 0 = Fri 02-13; 02-14 (1); 02-24 Tue (2), 02-25 (3), 02-26 (4), 02-27 (5),
    # Sat 02-28 (6), Mon 03-02 (7).
    assert CAL.add_workdays(dt.date(2026, 2, 13), 7) == dt.date(2026, 3, 2)
    # Backwards from Tue 02-24: 02-14 is the 1st working day before it, Fri 02-13 the 2nd.
    assert CAL.add_workdays(dt.date(2026, 2, 24), -1) == dt.date(2026, 2, 14)
    assert CAL.add_workdays(dt.date(2026, 2, 24), -2) == dt.date(2026, 2, 13)


def test_2020_extension_is_applied() -> None:
    # 国办发明电〔2020〕1号 extended the break to Sun 02-02; Sat 02-01 no longer worked.
    assert not CAL.is_workday(dt.date(2020, 2, 1))
    assert CAL.next_workday(dt.date(2020, 1, 23)) == dt.date(2020, 2, 3)


def test_n_zero_returns_start_even_on_a_holiday() -> None:
    assert CAL.add_workdays(dt.date(2026, 10, 3), 0) == dt.date(2026, 10, 3)


def test_workdays_between_same_day_and_reversed() -> None:
    day = dt.date(2026, 3, 10)
    assert CAL.workdays_between(day, day) == 0
    # 03-10 (Tue) .. 03-13 (Fri): 11, 12, 13 counted, all ordinary days.
    assert CAL.workdays_between(day, dt.date(2026, 3, 13)) == 3
    assert CAL.workdays_between(dt.date(2026, 3, 13), day) == -3


# -- properties against the naive loop -------------------------------------------


@given(covered_dates(), signed_counts(40))
def test_add_workdays_agrees_with_naive_loop(start: dt.date, n: int) -> None:
    expected = start if n == 0 else naive_add(start, n)
    if expected is None:
        with pytest.raises(CoverageError):
            CAL.add_workdays(start, n)
    else:
        assert CAL.add_workdays(start, n) == expected


@given(covered_dates(), st.integers(-90, 90))
def test_workdays_between_agrees_with_naive_loop(start: dt.date, offset: int) -> None:
    end = start + dt.timedelta(days=offset)
    if not FIRST_COVERED <= end <= LAST_COVERED:
        with pytest.raises(CoverageError):
            CAL.workdays_between(start, end)
    else:
        assert CAL.workdays_between(start, end) == naive_between(start, end)


@given(covered_dates())
def test_is_workday_agrees_with_chinese_calendar(day: dt.date) -> None:
    assert CAL.is_workday(day) is chinese_calendar.is_workday(day)
    assert CAL.day_info(day).is_workday is chinese_calendar.is_workday(day)


# -- properties of the counting convention ---------------------------------------


@given(covered_dates(last=dt.date(2026, 9, 30)), counts())
def test_add_workdays_lands_on_a_working_day(start: dt.date, n: int) -> None:
    result = CAL.add_workdays(start, n)
    assert result > start
    assert CAL.is_workday(result)
    assert chinese_calendar.is_workday(result)


@given(covered_dates(last=dt.date(2026, 9, 30)), counts())
def test_workdays_between_inverts_add_workdays(start: dt.date, n: int) -> None:
    assert CAL.workdays_between(start, CAL.add_workdays(start, n)) == n


@given(covered_dates(dt.date(2004, 6, 1), dt.date(2026, 9, 30)), signed_counts(), signed_counts())
def test_add_workdays_is_strictly_monotone_in_n(start: dt.date, a: int, b: int) -> None:
    if a == b:
        return
    lo, hi = sorted((a, b))
    assert CAL.add_workdays(start, lo) < CAL.add_workdays(start, hi)


@given(covered_dates(dt.date(2004, 6, 1), dt.date(2026, 9, 30)), counts())
def test_negative_n_inverts_positive_n(start: dt.date, n: int) -> None:
    there = CAL.add_workdays(start, n)
    back = CAL.add_workdays(there, -n)
    # Back to start when start is worked; else to the last working day before it.
    expected = start if chinese_calendar.is_workday(start) else naive_add(start, -1)
    assert back == expected


@given(covered_dates(), covered_dates(), covered_dates())
def test_workdays_between_is_additive(a: dt.date, b: dt.date, c: dt.date) -> None:
    ab, bc, ac = CAL.workdays_between(a, b), CAL.workdays_between(b, c), CAL.workdays_between(a, c)
    assert ab + bc == ac
    assert CAL.workdays_between(b, a) == -ab


@given(covered_dates(last=dt.date(2026, 12, 1)))
def test_next_workday(day: dt.date) -> None:
    nxt = CAL.next_workday(day)
    assert nxt > day
    assert chinese_calendar.is_workday(nxt)
    skipped = [day + ONE * k for k in range(1, (nxt - day).days)]
    assert not any(chinese_calendar.is_workday(d) for d in skipped)


@given(covered_dates(last=dt.date(2026, 12, 1)))
def test_workday_on_or_after(day: dt.date) -> None:
    got = CAL.workday_on_or_after(day)
    if chinese_calendar.is_workday(day):
        assert got == day
    else:
        assert got == CAL.next_workday(day)


@given(covered_dates(), st.integers(-5, 40))
def test_iter_workdays_matches_a_day_by_day_filter(first: dt.date, length: int) -> None:
    last = min(first + dt.timedelta(days=length), LAST_COVERED)
    expected = [
        first + ONE * k
        for k in range((last - first).days + 1)
        if chinese_calendar.is_workday(first + ONE * k)
    ]
    assert list(CAL.iter_workdays(first, last)) == expected


# -- day_info ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "kind", "names"),
    [
        # Kinds and names hand-read from 国办发明电〔2025〕7号 (2026) and the weekday rule.
        (dt.date(2026, 10, 1), DayKind.HOLIDAY, {"国庆节"}),
        (dt.date(2026, 10, 10), DayKind.MAKEUP_WORKDAY, {"国庆节"}),
        (dt.date(2026, 2, 14), DayKind.MAKEUP_WORKDAY, {"春节"}),
        (dt.date(2026, 10, 12), DayKind.WORKDAY, {""}),
        (dt.date(2026, 10, 17), DayKind.WEEKEND, {""}),
        # 国办发明电〔2024〕12号: "国庆节、中秋节：10月1日至8日".
        (dt.date(2025, 10, 6), DayKind.HOLIDAY, {"国庆节", "中秋节"}),
    ],
)
def test_day_info_kinds_and_names(day: dt.date, kind: DayKind, names: set[str]) -> None:
    info = CAL.day_info(day)
    assert info.day == day
    assert info.kind is kind
    assert info.name in names
    assert info.status is DataStatus.OFFICIAL
    if kind in (DayKind.WORKDAY, DayKind.WEEKEND):
        assert "weekday rule" in info.source
    else:
        assert "国办发明电" in info.source


def test_day_info_2015_anniversary_name() -> None:
    # 国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知: 2015-09-03 off.
    info = CAL.day_info(dt.date(2015, 9, 3))
    assert info.kind is DayKind.HOLIDAY
    assert "70周年" in info.name


def test_notable_days_lists_the_block_and_makeup() -> None:
    notable = CAL.notable_days(dt.date(2026, 9, 28), dt.date(2026, 10, 30))
    assert [i.day for i in notable] == [dt.date(2026, 10, 1) + ONE * k for k in range(7)] + [
        dt.date(2026, 10, 10)
    ]


# -- coverage ----------------------------------------------------------------


def test_coverage_is_visible() -> None:
    cov = CAL.coverage
    assert cov == Coverage(FIRST_COVERED, LAST_COVERED, None)
    assert cov.covers(LAST_COVERED)
    assert not cov.covers(LAST_COVERED + ONE)
    assert not cov.covers(FIRST_COVERED - ONE)


@pytest.mark.parametrize(
    "call",
    [
        lambda: CAL.is_workday(LAST_COVERED + ONE * 4),
        lambda: CAL.day_info(FIRST_COVERED - ONE),
        lambda: CAL.add_workdays(LAST_COVERED - ONE * 10, 20),
        lambda: CAL.add_workdays(FIRST_COVERED + ONE * 10, -20),
        lambda: CAL.workdays_between(LAST_COVERED - ONE * 10, LAST_COVERED + ONE * 10),
        lambda: CAL.next_workday(LAST_COVERED),
        lambda: CAL.iter_workdays(LAST_COVERED, LAST_COVERED + ONE),
        lambda: CAL.add_workdays_result(LAST_COVERED - ONE * 10, 20),
        lambda: CAL.notable_days(LAST_COVERED, LAST_COVERED + ONE),
    ],
    ids=[
        "is_workday",
        "day_info-before",
        "add",
        "add-back",
        "between",
        "next",
        "iter",
        "add_result",
        "notable",
    ],
)
def test_coverage_errors(call: object) -> None:
    assert callable(call)
    with pytest.raises(CoverageError) as info:
        call()
    error = info.value
    assert isinstance(error, LookupError)
    assert isinstance(error, DisclosureFlowError)
    assert not isinstance(error, NotImplementedError)
    assert error.__cause__ is None
    assert error.__context__ is None
    assert (error.first, error.last) == (FIRST_COVERED, LAST_COVERED)
    assert not error.first <= error.requested <= error.last
    message = str(error)
    assert error.requested.isoformat() in message
    assert f"{FIRST_COVERED.isoformat()} to {LAST_COVERED.isoformat()}" in message


def test_coverage_error_names_the_uncovered_day_and_the_way_out() -> None:
    with pytest.raises(CoverageError) as info:
        CAL.is_workday(dt.date(2027, 1, 4))
    assert info.value.requested == dt.date(2027, 1, 4)
    assert "Estimates.ALLOW" in str(info.value)


@given(st.dates(), st.integers(-(10**9), 10**9))
def test_only_documented_errors_escape(start: dt.date, n: int) -> None:
    try:
        result = CAL.add_workdays(start, n)
    except CoverageError:
        return
    assert CAL.coverage.covers(result)


# -- input types -------------------------------------------------------------


@given(non_date_values())
def test_dates_of_the_wrong_type_are_refused(value: object) -> None:
    good = dt.date(2026, 3, 2)
    calls: list[Callable[[], object]] = [
        lambda: CAL.is_workday(value),  # type: ignore[arg-type]  # the point of the test
        lambda: CAL.day_info(value),  # type: ignore[arg-type]  # the point of the test
        lambda: CAL.add_workdays(value, 1),  # type: ignore[arg-type]  # the point of the test
        lambda: CAL.workdays_between(value, good),  # type: ignore[arg-type]  # ditto
        lambda: CAL.workdays_between(good, value),  # type: ignore[arg-type]  # ditto
        lambda: CAL.next_workday(value),  # type: ignore[arg-type]  # ditto
        lambda: CAL.workday_on_or_after(value),  # type: ignore[arg-type]  # ditto
        lambda: CAL.iter_workdays(value, good),  # type: ignore[arg-type]  # ditto
        lambda: CAL.add_workdays_result(value, 1),  # type: ignore[arg-type]  # ditto
    ]
    for call in calls:
        with pytest.raises(InvalidDateError) as info:
            call()
        assert isinstance(info.value, TypeError)
        assert info.value.value is value


def test_datetime_refusal_points_to_civil_date() -> None:
    with pytest.raises(InvalidDateError, match="civil_date"):
        CAL.add_workdays(dt.datetime(2026, 3, 2, 9, 30), 5)


@given(non_int_counts())
def test_counts_of_the_wrong_type_are_refused(n: object) -> None:
    for call in (CAL.add_workdays, CAL.add_workdays_result):
        with pytest.raises(InvalidValueError) as info:
            call(dt.date(2026, 3, 2), n)  # type: ignore[arg-type]  # the point of the test
        assert isinstance(info.value, ValueError)
        assert info.value.value is n


@pytest.mark.parametrize("n", [True, False])
def test_bool_is_not_a_count(n: bool) -> None:
    with pytest.raises(InvalidValueError, match="int"):
        CAL.add_workdays(dt.date(2026, 3, 2), n)


def test_bad_estimates_option() -> None:
    with pytest.raises(InvalidValueError, match="Estimates"):
        WorkdayCalendar(estimates="allow")  # type: ignore[arg-type]  # the point of the test


def test_bad_overlay_object() -> None:
    with pytest.raises(InvalidValueError, match="Overlay"):
        WorkdayCalendar(["not an overlay"])  # type: ignore[list-item]  # the point of the test


# -- provisional answers (Estimates.ALLOW) -----------------------------------


def test_allow_coverage_reports_the_estimated_range() -> None:
    cov = ALLOW.coverage
    assert cov.last == PENDING_FROM - ONE  # the year-end days wait for the next notice
    assert cov.estimated_until is not None
    assert cov.estimated_until >= dt.date(LAST_COVERED.year + 1, 12, 31)
    assert not cov.covers(PENDING_FROM)


def test_result_into_the_estimated_year_is_provisional() -> None:
    result = ALLOW.add_workdays_result(dt.date(2026, 12, 15), 20)
    assert result.provisional
    assert result.low <= result.value <= result.high
    assert result.value > LAST_COVERED
    assert result.estimated_days
    assert all(d >= PENDING_FROM for d in result.estimated_days)
    assert all(dt.date(2026, 12, 15) < d <= result.value for d in result.estimated_days)
    assert result.fingerprint == ALLOW.fingerprint


def test_plain_method_refuses_a_provisional_answer() -> None:
    with pytest.raises(ProvisionalAnswerError) as info:
        ALLOW.add_workdays(dt.date(2026, 12, 15), 20)
    assert isinstance(info.value, LookupError)
    assert "add_workdays_result" in str(info.value)
    assert info.value.estimated
    for call in (
        lambda: ALLOW.is_workday(dt.date(2027, 3, 1)),
        lambda: ALLOW.workdays_between(dt.date(2026, 12, 1), dt.date(2027, 1, 20)),
        lambda: ALLOW.next_workday(dt.date(2026, 12, 31)),
        lambda: ALLOW.workday_on_or_after(dt.date(2027, 3, 1)),
        lambda: ALLOW.iter_workdays(dt.date(2026, 12, 28), dt.date(2027, 1, 8)),
    ):
        with pytest.raises(ProvisionalAnswerError):
            call()


@given(covered_dates(dt.date(2026, 11, 1), LAST_COVERED), counts(80))
def test_provisional_ranges_bracket_the_value(start: dt.date, n: int) -> None:
    result = ALLOW.add_workdays_result(start, n)
    assert result.low <= result.value <= result.high
    assert result.provisional is bool(result.estimated_days)
    if not result.provisional:
        assert result.low == result.value == result.high == CAL.add_workdays(start, n)
    between = ALLOW.workdays_between_result(start, start + dt.timedelta(days=n))
    assert between.low <= between.value <= between.high
    assert between.provisional is bool(between.estimated_days)


@given(covered_dates(dt.date(2026, 1, 1), dt.date(2026, 9, 30)), counts(40))
def test_results_within_2026_are_final(start: dt.date, n: int) -> None:
    result = ALLOW.add_workdays_result(start, n)
    assert not result.provisional
    assert result.estimated_days == ()
    assert result.value == result.low == result.high == CAL.add_workdays(start, n)
    assert ALLOW.add_workdays(start, n) == result.value


def test_estimated_day_info_says_so() -> None:
    info = ALLOW.day_info(dt.date(2027, 3, 1))
    assert info.status is DataStatus.ESTIMATED
    assert ALLOW.day_info(dt.date(2026, 3, 2)).status is DataStatus.OFFICIAL


def test_beyond_the_last_estimable_year_is_refused() -> None:
    until = ALLOW.coverage.estimated_until
    assert until is not None
    with pytest.raises(CoverageError):
        ALLOW.is_workday(until + ONE)


def test_provisional_explanation_shows_the_range() -> None:
    text = ALLOW.explain(dt.date(2027, 1, 11), 20)
    result = ALLOW.add_workdays_result(dt.date(2027, 1, 11), 20)
    assert result.low != result.high  # a range (one of a day: tests/clock/test_explain.py)
    assert f"可能范围 {result.low} 至 {result.high}" in text
    text_en = ALLOW.explain(dt.date(2027, 1, 11), 20, "en")
    assert f"plausible range {result.low} to {result.high}" in text_en


# -- identity ----------------------------------------------------------------


def test_fingerprint_stable_and_mode_dependent() -> None:
    assert WorkdayCalendar(year_end=YearEnd.FINAL).fingerprint == CAL.fingerprint
    assert WorkdayCalendar(estimates=Estimates.ALLOW).fingerprint == ALLOW.fingerprint
    assert ALLOW.fingerprint != CAL.fingerprint
    assert WorkdayCalendar().fingerprint not in (CAL.fingerprint, ALLOW.fingerprint)
    assert CAL.fingerprint.startswith(f"cc{chinese_calendar.__version__}")
    assert CAL.fingerprint in repr(CAL)


# -- explanations ------------------------------------------------------------


def test_explain_zh() -> None:
    # Blocks from 国办发明电〔2025〕7号; the answer is the hand count above.
    lines = CAL.explain(dt.date(2026, 9, 28), 20).splitlines()
    assert lines[0] == "起算日 2026-09-28（当日不计），第 20 个工作日"
    assert lines[1] == "2026-10-01至2026-10-07 国庆节不计"
    assert lines[2] == "2026-10-10 国庆节调休上班计入"
    assert lines[3] == "结果 2026-10-30"
    assert lines[4] == f"calendar {CAL.fingerprint}"


def test_explain_en() -> None:
    lines = CAL.explain(dt.date(2026, 9, 28), 20, "en").splitlines()
    assert lines[0] == "day 0 2026-09-28 (not counted), working day 20"
    assert lines[1] == "2026-10-01 to 2026-10-07 National Day (国庆节, holiday) not counted"
    assert lines[2] == "2026-10-10 National Day (国庆节, makeup workday) counted"
    assert lines[3] == "result 2026-10-30"


def test_explain_refuses_an_unknown_language() -> None:
    with pytest.raises(InvalidValueError, match="'zh', 'en'"):
        CAL.explain(dt.date(2026, 9, 28), 20, "fr")


@pytest.mark.parametrize(
    ("block", "zh", "en"),
    [
        (
            HolidayBlock(
                dt.date(2026, 10, 1),
                dt.date(2026, 10, 7),
                DayKind.HOLIDAY,
                "国庆节",
                DataStatus.OFFICIAL,
            ),
            "2026-10-01至2026-10-07 国庆节不计",
            "2026-10-01 to 2026-10-07 National Day (国庆节, holiday) not counted",
        ),
        (
            HolidayBlock(
                dt.date(2026, 11, 19),
                dt.date(2026, 11, 19),
                DayKind.LOCAL_HOLIDAY,
                "建州纪念日",
                DataStatus.ESTIMATED,
            ),
            "2026-11-19 建州纪念日（地方休息日）不计〔估计〕",
            "2026-11-19 建州纪念日 (local holiday) not counted [estimated]",
        ),
        (
            HolidayBlock(
                dt.date(2026, 11, 21),
                dt.date(2026, 11, 21),
                DayKind.LOCAL_WORKDAY,
                "补班",
                DataStatus.CONFIRMED,
            ),
            "2026-11-21 补班（地方调休上班）计入",
            "2026-11-21 补班 (local workday) counted",
        ),
    ],
)
def test_holiday_block_describe(block: HolidayBlock, zh: str, en: str) -> None:
    assert block.describe() == zh
    assert block.describe("en") == en
    with pytest.raises(InvalidValueError):
        block.describe("de")


def test_group_blocks_merges_consecutive_days_of_one_kind() -> None:
    infos = CAL.notable_days(dt.date(2026, 9, 1), dt.date(2026, 10, 31))
    blocks = group_blocks(infos)
    # 国办发明电〔2025〕7号: 中秋 09-25..27, 国庆 10-01..07, make-up 09-20 and 10-10.
    assert [(b.first, b.last, b.kind) for b in blocks] == [
        (dt.date(2026, 9, 20), dt.date(2026, 9, 20), DayKind.MAKEUP_WORKDAY),
        (dt.date(2026, 9, 25), dt.date(2026, 9, 27), DayKind.HOLIDAY),
        (dt.date(2026, 10, 1), dt.date(2026, 10, 7), DayKind.HOLIDAY),
        (dt.date(2026, 10, 10), dt.date(2026, 10, 10), DayKind.MAKEUP_WORKDAY),
    ]


def _naive_add(start: dt.date, n: int, scenario: object) -> dt.date:
    """Day by day under one estimated scenario of the year (weekday rule + its days)."""
    from disclosure_flow.workdays.estimate import YearScenario

    assert isinstance(scenario, YearScenario)
    day = start
    while n:
        day += dt.timedelta(days=1)
        assert day.year == scenario.year
        if day in scenario.days_off:
            continue
        if day in scenario.workdays or day.weekday() < 5:
            n -= 1
    return day


@pytest.mark.parametrize(
    "start", [dt.date(2028, 1, 10), dt.date(2028, 4, 20), dt.date(2028, 9, 20)]
)
def test_provisional_range_is_the_spread_of_that_years_scenarios(start: dt.date) -> None:
    from disclosure_flow.workdays.estimate import estimate_year

    # Only 2028's scenarios can matter for a span inside 2028; 2027's must not widen it.
    calendar = WorkdayCalendar(estimates=Estimates.ALLOW)
    result = calendar.add_workdays_result(start, 20)
    answers = [_naive_add(start, 20, scenario) for scenario in estimate_year(2028)]
    assert result.provisional
    assert result.value == answers[0]
    assert (result.low, result.high) == (min(answers), max(answers))
