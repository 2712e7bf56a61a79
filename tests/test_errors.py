"""The error hierarchy (``disclosure_flow.errors``): what every message shows of a value.

A message names where and what is wrong and what is allowed, and shows the value
bounded and masked: identity numbers, unified social credit codes, phone numbers and
e-mail addresses never appear whole, however they are wrapped (inside longer text, as
an int, in a list), and no value makes building the message fail.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_flow import errors
from disclosure_flow.errors import (
    ClockError,
    EventRefusedError,
    InvalidDateError,
    InvalidValueError,
    OverlayError,
    SerializationError,
    VersionConflictError,
    mask_text,
    show_value,
)

ID_NUMBER = "11010519491231002X"
USCC = "91350100M000100Y43"
PHONE = "13812345678"
EMAIL = "zhangsan@example.com"


# -- the masking rules ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        (ID_NUMBER, "1101**********002X"),
        ("110105194912310", "1101*******2310"),  # a 15-digit (first-generation) number
        (USCC, "9135**********0Y43"),
        (PHONE, "138****5678"),
        ("138-1234-5678", "138-****-5678"),
        ("+86 138 1234 5678", "+86 138 **** 5678"),
        ("010-87654321", "010-87****21"),
        (EMAIL, "z***@example.com"),
        ("张三@例子.cn", "张***@例子.cn"),
        (f"电话{PHONE}，身份证{ID_NUMBER}", "电话138****5678，身份证1101**********002X"),
        (f"tel:{PHONE}", "tel:138****5678"),
        ("E12345678", "E1*****78"),  # a passport number
        # Left alone: dates, short numbers, words.
        ("2026-09-28", "2026-09-28"),
        ("2026-09-28 2026-10-30", "2026-09-28 2026-10-30"),
        ("events[3].date", "events[3].date"),
        ("123456", "123456"),
        ("R2019", "R2019"),
        ("某局", "某局"),
    ],
)
def test_mask_text(text: str, masked: str) -> None:
    assert mask_text(text) == masked
    assert mask_text(masked) == masked  # masking again changes nothing


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "None"),
        (True, "True"),
        (3, "3"),
        (1.5, "1.5"),
        (float("nan"), "nan"),
        ("", "''"),
        ("disclosed", "'disclosed'"),
        (ID_NUMBER, "'1101**********002X'"),
        (13812345678, "138****5678"),
        (110105194912310021, "1101**********0021"),
        ([PHONE], "['138****5678']"),
        ({"phone": PHONE}, "{'phone': '138****5678'}"),
        ({ID_NUMBER: 1}, "{'1101**********002X': 1}"),
        (dt.date(2026, 9, 28), "datetime.date(2026, 9, 28)"),
    ],
)
def test_show_value(value: object, shown: str) -> None:
    assert show_value(value) == shown


def test_long_strings_are_cut_with_their_length() -> None:
    text = "x" * 50_000_000
    shown = show_value(text)
    assert shown.endswith("…(50000000 chars)")
    assert len(shown) <= 100


def test_a_number_cut_at_the_limit_is_still_masked() -> None:
    for offset in range(100):
        text = "某" * offset + ID_NUMBER + "局" * 200
        shown = show_value(text)
        for start in range(len(ID_NUMBER) - 6):  # no 7 of its characters in a row
            assert ID_NUMBER[start : start + 7] not in shown, (offset, shown)


def test_huge_ints_are_shown_by_size() -> None:
    assert show_value(10**5000) == "<int of 5001 digits>"
    assert show_value(-(10**5000)) == "<int of 5001 digits>"
    assert show_value(10**60) == "<int of 61 digits>"


def _nested(depth: int, kind: type) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value] if kind is list else {"a": value}
    return value


def _in_frames(frames: int, call: Any) -> Any:
    """*call* run *frames* Python frames down (a web framework's stack)."""
    if frames == 0:
        return call()
    return _in_frames(frames - 1, call)


@pytest.mark.parametrize("kind", [list, dict])
def test_deep_values_are_shown_to_a_few_levels(kind: type) -> None:
    deep = _nested(900, kind)
    shown = _in_frames(100, lambda: show_value(deep))
    assert len(shown) <= 80
    assert shown.startswith("[[" if kind is list else "{'a': {")
    error = _in_frames(100, lambda: SerializationError("case.state", deep, "a str"))
    assert "case.state" in _in_frames(100, lambda: str(error))
    _in_frames(100, lambda: repr(error))


def _frame_depth() -> int:
    depth = 0
    frame: types.FrameType | None = sys._getframe()
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return depth


def test_deep_values_are_shown_near_the_recursion_limit() -> None:
    deep = _nested(5000, list)
    depth = sys.getrecursionlimit() - _frame_depth() - 40
    assert len(_in_frames(depth, lambda: show_value(deep))) <= 80


class _Unprintable:
    def __repr__(self) -> str:
        raise RuntimeError("no repr")


class _Chatty:
    def __repr__(self) -> str:
        return f"Chatty(phone={PHONE!r}, note={'z' * 10_000!r})"


def test_objects_whose_repr_fails_or_leaks() -> None:
    assert show_value(_Unprintable()) == "<_Unprintable object>"
    shown = show_value(_Chatty())
    assert PHONE not in shown
    assert len(shown) <= 80


class _Code(str):
    def __repr__(self) -> str:
        return "raw " + str.__str__(self)


def test_str_subclasses_are_masked_as_strings() -> None:
    assert show_value(_Code(PHONE)) == "'138****5678'"


def test_many_items_are_left_out() -> None:
    shown = show_value(list(range(1_000_000)))
    assert shown.startswith("[0, 1, 2")
    assert len(shown) <= 80


# -- every error uses them ---------------------------------------------------------------

_SECRETS = [ID_NUMBER, USCC, PHONE, EMAIL, int(PHONE), [PHONE], {"id": ID_NUMBER}]


def _errors(value: object) -> list[Exception]:
    return [
        InvalidValueError("field", value, "something else"),
        InvalidValueError.choice("field", value, ["a", "b"]),
        InvalidDateError("day", value),
        OverlayError(f"entry {PHONE}", value, "a date"),
        ClockError("pause end", value, "a date"),
        SerializationError("case.applicant", value, "a mapping"),
        EventRefusedError("extend", "processing", f"approver={show_value(value)}", "a name"),
    ]


@pytest.mark.parametrize("value", _SECRETS, ids=repr)
def test_no_error_shows_identity_numbers_or_phones(value: object) -> None:
    for error in _errors(value):
        for text in (str(error), repr(error)):
            for secret in (ID_NUMBER, USCC, PHONE, "zhangsan"):
                assert secret not in text, (type(error).__name__, text)
        assert getattr(error, "value", value) is value  # each keeps the value itself


def test_messages_show_the_masked_value() -> None:
    error = SerializationError("case.applicant.contact.phone", 13812345678, "a string")
    assert str(error) == (
        "case.applicant.contact.phone: invalid value 138****5678; allowed: a string"
    )
    assert repr(error) == f"SerializationError({str(error)!r})"


@pytest.mark.parametrize(
    "value", [10**5000, _nested(900, list), "x" * 50_000_000], ids=["huge", "deep", "long"]
)
def test_every_error_builds_its_message_for_any_value(value: object) -> None:
    for error in _errors(value):
        assert len(str(error)) < 300
        assert len(repr(error)) < 320


def test_a_version_conflict_with_a_huge_version() -> None:
    error = VersionConflictError("extend", "processing", 10**5000, 3)
    assert "<int of 5001 digits>" in str(error)


def test_personal_values_are_masked_whole() -> None:
    error = SerializationError(
        "applicant.contact.address", ["北京市朝阳区某路1号"], "a string", personal=True
    )
    assert "朝阳" not in str(error)
    assert "<list of 1 item>" in str(error)
    invalid = InvalidValueError("name", "北京市朝阳区某路1号", "a name", personal=True)
    assert str(invalid) == "name: invalid value '北京******1号'; allowed: a name"
    assert invalid.personal
    assert not InvalidValueError("name", "x", "y").personal


@given(
    st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    st.text(max_size=20),
    st.text(max_size=20),
)
def test_phones_inside_any_text_are_masked(phone: str, before: str, after: str) -> None:
    text = before + phone + after
    assert phone not in show_value(text)
    assert phone not in mask_text(text)


def test_the_error_module_exports_only_errors() -> None:
    assert "show_value" not in errors.__all__
    assert "mask_text" not in errors.__all__
