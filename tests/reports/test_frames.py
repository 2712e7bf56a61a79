"""Many cases as a table (``disclosure_flow.reports.frames``), as they stood on a given day."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from disclosure_flow import Channel, InvalidDateError, InvalidValueError
from disclosure_flow.reports import case_rows, cases_to_dataframe
from disclosure_flow.reports.frames import COLUMNS
from disclosure_flow.testing import Scenario

D = dt.date
MONDAY = D(2026, 3, 2)  # due Monday 30 March under R2019
CONSULTED = (
    Scenario(received=MONDAY, case_id="A")
    .consulted_third_party(D(2026, 3, 4), D(2026, 3, 11))
    .replied(D(2026, 4, 1))
)


def test_a_row_as_the_case_stood_on_the_day() -> None:
    [row] = case_rows([CONSULTED.case()], as_of=D(2026, 3, 9))
    assert tuple(row) == COLUMNS
    assert row == row | {
        "case_id": "A",
        "state": "waiting",
        "state_zh": "暂停计时（等待意见或缴费）",
        "channel": "in_person",
        "applicant": "natural_person",
        "policy": "R2019",
        "received": MONDAY,
        "day0": MONDAY,
        "due": None,
        "open_reason": "paused",
        "provisional": False,
        "period": 20,
        "extended_by": 0,
        "used": 2,  # 3 and 4 March; paused from 5 March
        "left": 18,
        "overdue_by": 0,
        "paused": True,
        "consultations": 1,
        "replied_on": None,
        "outcome": None,
        "findings": 0,
    }


def test_a_row_after_the_reply() -> None:
    [row] = case_rows([CONSULTED.case()], as_of=D(2026, 4, 10))
    # (3-04, 3-11] removes 5 working days: due 7 April. Replied on 1 April: 22 working
    # days after day 0, less the 5 paused, is 17 used; 2, 3 and 7 April were left.
    assert (row["state"], row["due"], row["replied_on"]) == (
        "replied",
        D(2026, 4, 7),
        D(2026, 4, 1),
    )
    assert (row["used"], row["left"], row["overdue_by"], row["outcome"]) == (17, 3, 0, "三.1")


def test_cases_not_yet_received_are_left_out_and_unconfirmed_ones_have_no_deadline() -> None:
    later = Scenario(received=D(2026, 3, 20), case_id="B").case()
    letter = Scenario(received=MONDAY, channel=Channel.INTERNET, case_id="C").case()
    rows = case_rows([later, letter], as_of=D(2026, 3, 10))
    assert [r["case_id"] for r in rows] == ["C"]
    assert rows[0]["state"] == "awaiting_confirmation"
    assert rows[0]["day0"] is None
    assert rows[0]["used"] is None
    assert rows[0]["findings"] is None


def test_a_late_reply_is_counted_in_findings() -> None:
    late = Scenario(received=MONDAY).replied(D(2026, 4, 1)).case()
    [row] = case_rows([late], as_of=D(2026, 4, 1))
    assert (row["findings"], row["overdue_by"]) == (1, 2)


def test_wrong_arguments() -> None:
    with pytest.raises(InvalidDateError):
        case_rows([], as_of="2026-03-09")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="Case objects"):
        case_rows([object()], as_of=MONDAY)  # type: ignore[list-item]


def test_a_dataframe_with_typed_columns() -> None:
    pd = pytest.importorskip("pandas")
    cases = [CONSULTED.case(), Scenario(received=MONDAY, case_id="B").case()]
    frame = cases_to_dataframe(cases, as_of=D(2026, 3, 9))
    assert list(frame.index) == ["A", "B"]
    assert frame.index.name == "case_id"
    assert list(frame.columns) == list(COLUMNS[1:])
    assert pd.api.types.is_datetime64_any_dtype(frame["due"])
    assert pd.isna(frame.loc["A", "due"])
    assert frame.loc["B", "due"] == pd.Timestamp("2026-03-30")
    assert str(frame["used"].dtype) == "Int64"
    assert str(frame["paused"].dtype) == "boolean"
    assert frame.loc["A", "left"] == 18
    empty = cases_to_dataframe([], as_of=MONDAY)
    assert empty.empty
    assert list(empty.columns) == list(COLUMNS[1:])


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ModuleNotFoundError, match=r"disclosure-flow\[pandas\]"):
        cases_to_dataframe([], as_of=MONDAY)
