"""Stored cases of schema version 1 load through a migration.

``data/cases_v1.json`` holds cases written by version 1 (one state per wait:
``consulting``, ``awaiting_payment``), with what that version computed for them. They
load, migrate to version 2 (one ``waiting`` state; the waits are facts), replay, and
give the same version, deadline and outcome.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from disclosure_flow import Case, SerializationError, WorkdayCalendar
from disclosure_flow.cases import SCHEMA

CALENDAR = WorkdayCalendar()
STORED: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "cases_v1.json").read_text(encoding="utf-8")
)["cases"]
RENAMED = {"consulting": "waiting", "awaiting_payment": "waiting"}


@pytest.mark.parametrize("row", STORED, ids=[r["stored"]["id"] for r in STORED])
def test_a_version_1_case_loads_as_it_computed(row: dict[str, Any]) -> None:
    stored, computed = row["stored"], row["computed"]
    assert stored["schema"] == "disclosure_flow.case/1"
    case = Case.from_dict(stored, calendar=CALENDAR)
    assert case.state.value == RENAMED.get(computed["state"], computed["state"])
    assert case.version == computed["version"]
    deadline = case.deadline()
    due = None if deadline is None or deadline.due is None else deadline.due.isoformat()
    assert due == computed["due"]
    assert (None if case.outcome is None else case.outcome.reason.value) == computed["outcome"]


@pytest.mark.parametrize("row", STORED, ids=[r["stored"]["id"] for r in STORED])
def test_a_migrated_case_is_stored_as_version_2_and_round_trips(row: dict[str, Any]) -> None:
    stored = row["stored"]
    migrated = Case.from_dict(stored, calendar=CALENDAR).to_dict()
    assert migrated["schema"] == SCHEMA == "disclosure_flow.case/2"
    assert [e["event"] for e in migrated["events"]] == [e["event"] for e in stored["events"]]
    for old, new in zip(stored["events"], migrated["events"], strict=True):
        for key in ("before", "after"):
            assert new[key] == RENAMED.get(old[key], old[key])
    assert Case.from_dict(migrated, calendar=CALENDAR).to_dict() == migrated


def test_the_input_is_not_changed_by_the_migration() -> None:
    stored = STORED[0]["stored"]
    before = copy.deepcopy(stored)
    Case.from_dict(stored, calendar=CALENDAR)
    assert stored == before


def test_a_tampered_version_1_case_is_still_refused() -> None:
    stored = copy.deepcopy(STORED[0]["stored"])
    stored["events"][-1]["after"] = "processing"  # the answer left another consultation open
    with pytest.raises(SerializationError, match=r"events\[5\]\.after"):
        Case.from_dict(stored, calendar=CALENDAR)


def test_an_unknown_schema_is_refused_naming_both_that_are_read() -> None:
    stored = dict(STORED[0]["stored"], schema="disclosure_flow.case/0")
    with pytest.raises(SerializationError) as info:
        Case.from_dict(stored, calendar=CALENDAR)
    assert "disclosure_flow.case/2" in str(info.value)
    assert "disclosure_flow.case/1" in str(info.value)
