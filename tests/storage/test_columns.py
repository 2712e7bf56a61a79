"""The derived columns: what each says for cases in each situation."""

from __future__ import annotations

import datetime as dt

import pytest

from disclosure_flow import Estimates, WorkdayCalendar
from disclosure_flow.cases import Channel, ConsultationAnswer, ConsultedParty
from disclosure_flow.errors import ClockError, InvalidValueError
from disclosure_flow.storage import Undated, case_columns
from disclosure_flow.testing import Scenario

D = dt.date


def test_a_running_case() -> None:
    columns = case_columns(Scenario(received=D(2026, 9, 28)).case())
    assert (columns.due, columns.open_reason, columns.is_open) == (D(2026, 10, 30), None, True)
    assert (columns.next_due, columns.next_kind) == (D(2026, 10, 13), "correction_notice")
    assert columns.last_event == D(2026, 9, 28)
    assert columns.as_row()["id"] == "TEST-1"


def test_why_there_is_no_due_date() -> None:
    letter = Scenario(received=D(2026, 9, 28), channel=Channel.ORDINARY_LETTER).case()
    assert case_columns(letter).open_reason == Undated.NO_DAY_ZERO.value
    paused = Scenario(received=D(2026, 9, 28)).consulted_third_party(D(2026, 10, 12)).case()
    columns = case_columns(paused)
    assert (columns.due, columns.open_reason) == (None, Undated.PAUSED.value)
    assert columns.next_kind == "third_party_answer"
    december = Scenario(received=D(2026, 12, 10)).case()  # due in 2027: no data yet
    assert case_columns(december).open_reason == Undated.UNCOVERED.value
    estimated = Scenario(
        received=D(2026, 12, 10), calendar=WorkdayCalendar(estimates=Estimates.ALLOW)
    ).case()
    assert case_columns(estimated).provisional


def test_paused_through_the_day_an_answer_arrived() -> None:
    answered = (
        Scenario(received=D(2026, 10, 20))
        .consulted_third_party(D(2026, 10, 27), D(2026, 11, 24))
        .case()
    )
    assert case_columns(answered).paused_through == D(2026, 11, 24)
    later = answered.extend(D(2026, 11, 25), days=5, approver="主任")
    assert case_columns(later).paused_through is None


def test_only_cases() -> None:
    with pytest.raises(InvalidValueError):
        case_columns("2026-001")  # type: ignore[arg-type]


def test_a_history_the_clock_cannot_count_is_still_stored() -> None:
    # An Art. 35 deadline set, then a consultation whose pause carries the reply
    # deadline past it: the clock refuses to count (a ClockError), the row says so.
    case = Scenario(received=D(2020, 1, 2)).case()
    case.start_review(D(2020, 1, 2)).start_processing(D(2020, 1, 2)).request_reasons(D(2020, 1, 2))
    case.set_delayed_deadline(D(2020, 1, 2), due=D(2020, 2, 7))
    case.consult(D(2020, 1, 2), party=ConsultedParty.THIRD_PARTY, consultee="某公司")
    case.receive_consultation_answer(
        D(2020, 1, 3), consultee="某公司", answer=ConsultationAnswer.CONSENT
    )
    try:
        case.deadline()
    except ClockError:
        columns = case_columns(case)
        assert (columns.due, columns.open_reason) == (None, Undated.UNCOUNTABLE.value)
    else:  # the clock counts it: nothing to show here
        assert case_columns(case).open_reason is None
