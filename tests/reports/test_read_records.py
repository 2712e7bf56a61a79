"""Tests for the JSON Lines reader (disclosure_flow.reports.records.read_records) on bad
input: whatever the lines hold, only library errors escape, and they name the line."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_flow import (
    DisclosureFlowError,
    DuplicateRecordError,
    InputEncodingError,
    InvalidValueError,
    SerializationError,
)
from disclosure_flow.cases import ApplicantKind
from disclosure_flow.reports import ReportRecord, read_records

GOOD = '{"case_id": "甲-1", "applicant": "natural_person", "received": "2025-01-02"}'
SECOND = GOOD.replace("甲-1", "甲-2")
RECORD = ReportRecord("甲-1", ApplicantKind.NATURAL_PERSON, dt.date(2025, 1, 2))


@pytest.mark.parametrize(
    "bad",
    [
        GOOD.replace('"2025-01-02"', "9" * 5000),  # ValueError: int conversion limit
        "[" * 5000 + "]" * 5000,  # RecursionError
        '{"case_id": ' + "[" * 5000 + "]" * 5000 + "}",
        '{"case_id": ' + "[" * 900 + "]" * 900 + ', "applicant": "natural_person"}',
        GOOD.replace('"2025-01-02"', "1e999999"),
        '"\\ud800"',
    ],
    ids=["5000-digits", "5000-deep", "deep-value", "900-deep-value", "huge-float", "surrogate"],
)
def test_lines_that_used_to_raise_builtins_name_their_line(bad: str) -> None:
    with pytest.raises(SerializationError) as info:
        list(read_records([GOOD, "", bad]))
    assert info.value.path.startswith("line 3")
    assert "line 3" in str(info.value)


def test_gbk_bytes_are_an_encoding_error_naming_the_line() -> None:
    data = (GOOD + "\n" + SECOND + "\n").encode("gbk")
    with pytest.raises(InputEncodingError) as info:
        list(read_records(io.BytesIO(data)))
    error = info.value
    assert isinstance(error, UnicodeDecodeError)
    assert error.line == 1
    assert "not UTF-8" in str(error)
    assert [r.case_id for r in read_records(io.BytesIO(data), encoding="gbk")] == ["甲-1", "甲-2"]


def test_a_path_is_read_and_named(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_bytes((GOOD + "\n" + SECOND + "\n").encode("utf-8") + "乙\n".encode("gbk"))
    with pytest.raises(InputEncodingError) as info:
        list(read_records(path))
    assert info.value.source == str(path)
    assert info.value.line == 3
    assert str(path) in str(info.value)


def test_a_text_stream_that_fails_to_decode_is_named(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_bytes((GOOD + "\n").encode("gbk"))
    with path.open(encoding="utf-8") as handle, pytest.raises(InputEncodingError) as info:
        list(read_records(handle))
    assert info.value.source == str(path)


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + (GOOD + "\n").encode("utf-8"))
    assert list(read_records(path)) == [RECORD]
    assert list(read_records(io.BytesIO(path.read_bytes()))) == [RECORD]
    with path.open(encoding="utf-8") as handle:
        assert list(read_records(handle)) == [RECORD]


def test_utf16_is_read_when_named() -> None:
    data = (GOOD + "\r\n" + SECOND + "\r\n").encode("utf-16")
    assert len(list(read_records(io.BytesIO(data), encoding="utf-16"))) == 2


@pytest.mark.parametrize("source", ["cases.jsonl", b"{}", [1, 2]])
def test_what_is_not_lines_is_refused(source: object) -> None:
    with pytest.raises(InvalidValueError):
        list(read_records(source))  # type: ignore[arg-type]  # the point of the test


def test_unknown_encoding_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="encoding"):
        list(read_records([GOOD], encoding="klingon"))


def test_a_duplicate_case_id_names_both_lines() -> None:
    with pytest.raises(DuplicateRecordError) as info:
        list(read_records([GOOD, SECOND, "", GOOD.replace("2025-01-02", "2025-02-03")]))
    error = info.value
    assert isinstance(error, SerializationError)
    assert (error.case_id, error.first_line, error.line) == ("甲-1", 1, 4)
    assert "line 1" in str(error)
    assert "line 4" in str(error)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=10,
)
_near_records = st.fixed_dictionaries(
    {},
    optional={
        key: _json_values | st.sampled_from(["2025-01-02", "natural_person", "三.1", None])
        for key in RECORD.to_dict()
    },
).map(lambda d: json.dumps(d, ensure_ascii=False))


@given(st.lists(st.text(max_size=60) | _near_records, max_size=5))
def test_no_text_line_raises_anything_but_a_library_error(lines: list[str]) -> None:
    with contextlib.suppress(DisclosureFlowError):
        list(read_records(lines))


@given(st.lists(st.binary(max_size=60), max_size=5), st.sampled_from(["utf-8", "gbk", "utf-16"]))
def test_no_bytes_raise_anything_but_a_library_error(chunks: list[bytes], encoding: str) -> None:
    with contextlib.suppress(DisclosureFlowError):
        list(read_records(chunks, encoding=encoding))
