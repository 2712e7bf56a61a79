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
from disclosure_flow.dates import check_date


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
        ("20260928", dt.date(2026, 9, 28)),
        ("2026年9月28日", dt.date(2026, 9, 28)),
        (" 2026 年 09 月 28 日 ", dt.date(2026, 9, 28)),
    ],
)
def test_parse_date_forms(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["01/02/2026", "2026-02-30", "2026-09-28T10:00", "", "明天"])
def test_parse_date_refuses_ambiguous_or_invalid(text: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        parse_date(text)
    assert info.value.value == text
    assert "ISO" in str(info.value)


@given(st.dates())
def test_parse_date_round_trips_iso(day: dt.date) -> None:
    if day.year >= 1000:
        assert parse_date(day.isoformat()) == day


@pytest.mark.parametrize("text", ["2026年٣月1日", "２０２６-09-28", "2026-0٩-28", "2026年3月²日"])
def test_only_ascii_digits_are_read(text: str) -> None:
    with pytest.raises(InvalidValueError):
        parse_date(text)
