"""Tests for disclosure_flow.dates: the only date type, and explicit conversions."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_flow import (
    CHINA_STANDARD_TIME,
    DisclosureFlowError,
    InvalidDateError,
    InvalidValueError,
    civil_date,
    parse_date,
)
from disclosure_flow.dates import DATE_FORMS, check_date, date_problem


def test_check_date_accepts_a_date() -> None:
    assert check_date(dt.date(2026, 1, 5), "day") == dt.date(2026, 1, 5)


@pytest.mark.parametrize(
    "value",
    [dt.datetime(2026, 1, 5, 9, 0), "2026-01-05", 20260105, None, 1.5],
)
def test_check_date_refuses_other_types(value: object) -> None:
    with pytest.raises(InvalidDateError) as info:
        check_date(value, "day")
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, DisclosureFlowError)
    assert info.value.value is value
    assert "day" in str(info.value)


def test_datetime_refusal_points_to_civil_date() -> None:
    with pytest.raises(InvalidDateError, match="civil_date"):
        check_date(dt.datetime(2026, 1, 5, tzinfo=dt.UTC), "day")


def test_civil_date_uses_china_standard_time() -> None:
    late_utc = dt.datetime(2026, 9, 27, 16, 0, tzinfo=dt.UTC)
    assert civil_date(late_utc) == dt.date(2026, 9, 28)
    early_utc = dt.datetime(2026, 9, 27, 15, 59, tzinfo=dt.UTC)
    assert civil_date(early_utc) == dt.date(2026, 9, 27)


def test_civil_date_refuses_naive_datetime() -> None:
    with pytest.raises(InvalidDateError, match="naive"):
        civil_date(dt.datetime(2026, 9, 27, 16, 0))


@given(st.datetimes(max_value=dt.datetime(9999, 12, 30), timezones=st.just(dt.UTC)))
def test_civil_date_agrees_with_plus_eight(moment: dt.datetime) -> None:
    expected = (moment.replace(tzinfo=None) + dt.timedelta(hours=8)).date()
    assert civil_date(moment) == expected
    assert civil_date(moment.astimezone(CHINA_STANDARD_TIME)) == civil_date(moment)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-09-28", dt.date(2026, 9, 28)),
        ("2026-9-28", dt.date(2026, 9, 28)),
        ("2026/9/28", dt.date(2026, 9, 28)),
        ("2026/09/08", dt.date(2026, 9, 8)),
        ("2026.9.28", dt.date(2026, 9, 28)),
        ("2026.1.1", dt.date(2026, 1, 1)),
        ("20260928", dt.date(2026, 9, 28)),
        ("2026年9月28日", dt.date(2026, 9, 28)),
        ("2026年09月08日", dt.date(2026, 9, 8)),
        (" 2026 年 09 月 28 日 ", dt.date(2026, 9, 28)),
        (" 2026/9/28\n", dt.date(2026, 9, 28)),
        ("2024-02-29", dt.date(2024, 2, 29)),
    ],
)
def test_parse_date_forms(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected
    assert date_problem(text) == date_problem(text, "zh") == ""


@pytest.mark.parametrize(
    "text",
    [
        "01/02/2026",
        "28/9/2026",
        "2026-09-28T10:00",
        "2026-09-28 10:00",
        "",
        "明天",
        "2026928",
        "202609028",
        "26-09-28",
        "2026-9/28",
        "2026/009/28",
        "2026-0928",
        "2026年9月28",
        "2026 9 28",
        "+2026-09-28",
    ],
)
def test_parse_date_refuses_other_forms_naming_the_accepted_ones(text: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        parse_date(text)
    assert info.value.value == text
    for form in DATE_FORMS:
        assert form in str(info.value)
        assert form in date_problem(text, "zh")
    assert "不是可识读的日期写法" in date_problem(text, "zh")


@pytest.mark.parametrize(
    ("text", "en", "zh"),
    [
        ("2026-02-30", "February 2026 has 28 days", "2026年2月只有28天"),
        ("2025/2/29", "February 2025 has 28 days", "2025年2月只有28天"),
        ("2100-02-29", "February 2100 has 28 days", "2100年2月只有28天"),
        ("2026年4月31日", "April 2026 has 30 days", "2026年4月只有30天"),
        ("2026.13.1", "there is no month 13", "没有13月"),
        ("20260001", "there is no month 0", "没有0月"),
        ("2026-09-00", "there is no day 0", "没有0日"),
        ("0000-01-01", "there is no year 0", "没有0年"),
    ],
)
def test_an_impossible_day_is_refused_saying_why(text: str, en: str, zh: str) -> None:
    with pytest.raises(InvalidValueError, match=en):
        parse_date(text)
    assert en in date_problem(text, "en")
    assert date_problem(text, "zh").startswith("不是实际存在的日期：")
    assert zh in date_problem(text, "zh")


def _written(day: dt.date, form: str, padded: bool) -> str:
    """*day* written in *form* (one of ``DATE_FORMS``), month and day in two digits
    when *padded* (the eight-digit form always pads)."""
    y, m, d = f"{day.year:04d}", day.month, day.day
    md = (f"{m:02d}", f"{d:02d}") if padded else (str(m), str(d))
    if form == "20260928":
        return f"{y}{m:02d}{d:02d}"
    if form == "2026年9月28日":
        return f"{y}年{md[0]}月{md[1]}日"
    separator = form[4]
    return separator.join((y, *md))


@given(st.dates(), st.sampled_from(DATE_FORMS), st.booleans())
def test_every_form_of_every_date_reads_back(day: dt.date, form: str, padded: bool) -> None:
    assert parse_date(_written(day, form, padded)) == day


@given(st.dates())
def test_parse_date_round_trips_iso(day: dt.date) -> None:
    assert parse_date(day.isoformat()) == day


@given(st.dates())
def test_digits_run_together_are_read_only_as_eight(day: dt.date) -> None:
    # 2026928 could be 2026-9-28 or 2026-92-8: without separators only eight digits,
    # month and day two each, are read.
    run_together = f"{day.year:04d}{day.month}{day.day}"
    if len(run_together) == 8:
        assert parse_date(run_together) == day
    else:
        with pytest.raises(InvalidValueError):
            parse_date(run_together)


@given(st.dates(), st.sampled_from(["/", "-", "."]))
def test_the_year_must_come_first_in_four_digits(day: dt.date, separator: str) -> None:
    for text in (
        separator.join((str(day.day), str(day.month), f"{day.year:04d}")),
        separator.join((f"{day.year % 100:02d}", str(day.month), str(day.day))),
    ):
        with pytest.raises(InvalidValueError):
            parse_date(text)


#: Digits that are not ASCII 0-9: full-width, Arabic-Indic, superscript.
_OTHER_DIGITS = {"full-width": 0xFF10, "arabic-indic": 0x0660, "devanagari": 0x0966}


@given(st.dates(), st.sampled_from(DATE_FORMS), st.sampled_from(sorted(_OTHER_DIGITS)), st.data())
def test_other_digits_are_refused_saying_so(
    day: dt.date, form: str, script: str, data: st.DataObject
) -> None:
    text = _written(day, form, padded=True)
    at = data.draw(st.sampled_from([i for i, c in enumerate(text) if c.isdigit()]))
    other = chr(_OTHER_DIGITS[script] + int(text[at]))
    text = text[:at] + other + text[at + 1 :]
    with pytest.raises(InvalidValueError, match="digits 0-9"):
        parse_date(text)
    assert "0-9 以外的数字" in date_problem(text, "zh")
    assert "digit other than 0-9" in date_problem(text, "en")


@pytest.mark.parametrize("text", ["2026年٣月1日", "２０２６-09-28", "2026-0٩-28", "2026年3月²日"])
def test_only_ascii_digits_are_read(text: str) -> None:
    with pytest.raises(InvalidValueError):
        parse_date(text)


def test_parse_date_takes_a_str_only() -> None:
    with pytest.raises(InvalidDateError):
        parse_date(20260928)  # type: ignore[arg-type]
