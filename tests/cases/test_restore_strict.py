"""Restoring is as strict as applying (SPEC §9).

``Case.from_dict`` replays every guard that does not depend on the calendar; a stored
act that breaks one is refused, naming the event. A rule that depends on the calendar
(an act in time, a period over) was checked when the event was applied and is not
checked again — a newer calendar may move a period — but a stored act that breaks it
under the current calendar is named by a finding, never passed over in silence.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from disclosure_flow import SerializationError
from disclosure_flow.cases import Case, ConsultationAnswer, ConsultedParty, FeeMethod
from disclosure_flow.clock import FindingRule
from tests.cases.test_lifecycle import CALENDAR, new_case

D = dt.date


def _event(stored: dict[str, Any], name: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [e for e in stored["events"] if e["event"] == name]
    (event,) = found
    return event


def _processing() -> Case:
    return new_case().start_review(D(2026, 3, 3)).start_processing(D(2026, 3, 4))


def test_an_objection_stripped_of_its_reasons_is_refused() -> None:
    case = _processing().consult(D(2026, 3, 5), party=ConsultedParty.THIRD_PARTY, consultee="甲")
    case.receive_consultation_answer(
        D(2026, 3, 10), consultee="甲", answer=ConsultationAnswer.OBJECTION, reasons="商业秘密"
    )
    stored = copy.deepcopy(case.to_dict())
    assert Case.from_dict(stored, calendar=CALENDAR).to_dict() == stored
    del _event(stored, "receive_consultation_answer")["payload"]["reasons"]
    with pytest.raises(SerializationError, match=r"events\[4\].*objection without reasons"):
        Case.from_dict(stored, calendar=CALENDAR)


def test_a_delayed_deadline_moved_before_the_day_it_was_set_is_refused() -> None:
    case = _processing().request_reasons(D(2026, 3, 5))
    case.set_delayed_deadline(D(2026, 3, 9), due=D(2026, 6, 30))
    stored = copy.deepcopy(case.to_dict())
    _event(stored, "set_delayed_deadline")["payload"]["due"] = "2026-03-08"
    with pytest.raises(SerializationError, match=r"events\[4\].*not after the day it is set"):
        Case.from_dict(stored, calendar=CALENDAR)


def test_a_fee_lapse_moved_inside_the_payment_period_loads_with_a_finding() -> None:
    case = _processing().issue_fee_notice(D(2026, 3, 5), amount=100, method=FeeMethod.PER_ITEM)
    case.fee_lapsed(D(2026, 4, 3))  # the period ran until 2 April
    assert case.findings() == ()
    stored = copy.deepcopy(case.to_dict())
    _event(stored, "fee_lapsed")["date"] = "2026-03-20"
    restored = Case.from_dict(stored, calendar=CALENDAR)
    (finding,) = restored.findings()
    assert finding.rule is FindingRule.FEE_LAPSE_EARLY
    assert (finding.due, finding.acted) == (D(2026, 4, 2), D(2026, 3, 20))
    assert "届满前" in finding.describe()
    assert "before its period ended on 2026-04-02" in finding.describe("en")


def test_a_silence_moved_before_the_answer_period_loads_with_a_finding() -> None:
    case = _processing().consult(
        D(2026, 3, 5),
        party=ConsultedParty.THIRD_PARTY,
        consultee="甲",
        letter_received=D(2026, 3, 6),
    )
    case.receive_consultation_answer(
        D(2026, 3, 30), consultee="甲", answer=ConsultationAnswer.NO_ANSWER
    )
    assert case.findings() == ()
    stored = copy.deepcopy(case.to_dict())
    _event(stored, "receive_consultation_answer")["date"] = "2026-03-20"
    (finding,) = Case.from_dict(stored, calendar=CALENDAR).findings()
    assert finding.rule is FindingRule.SILENCE_EARLY
    assert finding.due == D(2026, 3, 27)  # 15 working days after 6 March
