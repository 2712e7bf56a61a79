"""Properties of the case over random event sequences (hypothesis).

- a refused event changes nothing (the serialized case is identical);
- only the library's documented errors escape;
- the version is the number of accepted events;
- an accepted history round-trips exactly, and its replay (which skips the guards that
  depend on the calendar, already checked when the events were applied) reproduces
  every state, the history and the deadline;

The compiled dispatch table's agreement with ``transitions``' own ``trigger()`` is in
test_dispatch.py.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_flow import EventRefusedError, VersionConflictError
from disclosure_flow.cases import (
    Case,
    Channel,
    ConsultationAnswer,
    ConsultedParty,
    Dispatch,
    EventKind,
    FeeMethod,
    LitigationRoute,
    Outcome,
    OutcomeKind,
    OutcomeReason,
    RemedyOrder,
    RemedyResult,
)
from tests.cases.test_lifecycle import CALENDAR, DAY0, new_case

OUTCOMES = [
    Outcome(OutcomeKind.DISCLOSED, OutcomeReason.DISCLOSED),
    Outcome(OutcomeKind.WITHHELD, OutcomeReason.STATE_SECRET),
    Outcome(OutcomeKind.UNABLE_TO_PROVIDE, OutcomeReason.STILL_UNCLEAR),
    Outcome(OutcomeKind.NOT_PROCESSED, OutcomeReason.EXCESSIVE),
    Outcome(OutcomeKind.OTHER_HANDLING, OutcomeReason.WITHDRAWN),
]
NAMES = ["甲公司", "乙局", ""]


@st.composite
def payloads(draw: st.DrawFn, event: EventKind, day: dt.date) -> dict[str, Any]:
    later = st.integers(-2, 40).map(lambda n: day + dt.timedelta(days=n))
    if event is EventKind.NOTIFY_CORRECTION:
        return {"items": draw(st.sampled_from(["身份证明", ""])), "due": draw(later)}
    if event is EventKind.CONSULT:
        out = {
            "party": draw(st.sampled_from(list(ConsultedParty))),
            "consultee": draw(st.sampled_from(NAMES)),
        }
        if draw(st.booleans()):
            out["letter_received"] = draw(later)
        return out
    if event is EventKind.RECEIVE_CONSULTATION_ANSWER:
        out = {
            "consultee": draw(st.sampled_from(NAMES)),
            "answer": draw(st.sampled_from(list(ConsultationAnswer))),
        }
        if draw(st.booleans()):
            out["reasons"] = "商业秘密"
        return out
    if event is EventKind.EXTEND:
        return {"days": draw(st.integers(0, 22)), "approver": draw(st.sampled_from(["李", ""]))}
    if event is EventKind.SET_DELAYED_DEADLINE:
        return {"due": draw(st.integers(-5, 90).map(lambda n: day + dt.timedelta(days=n)))}
    if event is EventKind.ISSUE_FEE_NOTICE:
        return {
            "amount": draw(st.integers(0, 300)),
            "method": draw(st.sampled_from(list(FeeMethod))),
        }
    if event is EventKind.REPLY:
        out = {"outcome": draw(st.sampled_from(OUTCOMES))}
        if draw(st.booleans()):
            out["remedies_stated"] = draw(st.booleans())
        return out
    if event is EventKind.DELIVER:
        return {"received": draw(later)} if draw(st.booleans()) else {}
    if event in (EventKind.DECIDE_RECONSIDERATION, EventKind.DECIDE_LITIGATION):
        out = {"result": draw(st.sampled_from(list(RemedyResult)))}
        if draw(st.booleans()):  # an order re-opens the case (or is refused)
            out["order"] = draw(st.sampled_from(list(RemedyOrder)))
            if draw(st.booleans()):
                out["order_days"] = draw(st.integers(0, 30))
            if draw(st.booleans()):
                out["order_received"] = draw(later)
        if event is EventKind.DECIDE_RECONSIDERATION and draw(st.booleans()):
            out["received"] = draw(later)
        return out
    if event is EventKind.FILE_LITIGATION:
        return {"route": draw(st.sampled_from(list(LitigationRoute)))}
    return {}


#: Events other than registration, the lifecycle's order first so that sequences get far.
_EVENTS = [e for e in EventKind if e is not EventKind.REGISTER]


def _pick(data: st.DataObject, case: Case) -> EventKind:
    """Mostly an event the state allows (rarely a withdrawal, which ends the case),
    sometimes any event."""
    allowed = sorted(case.allowed_events() - {EventKind.WITHDRAW}, key=lambda e: e.value)
    roll = data.draw(st.integers(0, 19))
    if allowed and roll < 17:
        return data.draw(st.sampled_from(allowed))
    if roll == 17:
        return EventKind.WITHDRAW
    return data.draw(st.sampled_from(_EVENTS))


def _draw_steps(
    data: st.DataObject, case: Case, count: int
) -> list[tuple[EventKind, dt.date, dict[str, Any]]]:
    """Draw *count* events, mostly among those the case's state allows (so that
    sequences reach deep states), applying them to *case* as they are drawn."""
    out = []
    day = DAY0
    for _ in range(count):
        day += dt.timedelta(days=data.draw(st.integers(-1, 12)))
        event = _pick(data, case)
        payload = data.draw(payloads(event, day))
        out.append((event, day, payload))
        _apply(case, event, day, payload, Dispatch.TABLE)
    return out


def _apply(
    case: Case, event: EventKind, day: dt.date, payload: dict[str, Any], dispatch: Dispatch
) -> EventRefusedError | None:
    try:
        case.apply(event, day, dispatch=dispatch, **payload)
    except EventRefusedError as refused:
        return refused
    return None


_SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(st.sampled_from([Channel.IN_PERSON, Channel.INTERNET]), st.data())
def test_refused_events_change_nothing_and_histories_replay(
    channel: Channel, data: st.DataObject
) -> None:
    case = new_case(channel)
    accepted = 1
    for _ in range(data.draw(st.integers(1, 20))):
        day = case.history[-1].day + dt.timedelta(days=data.draw(st.integers(-1, 12)))
        event = _pick(data, case)
        payload = data.draw(payloads(event, day))
        before = case.to_dict()
        refused = _apply(case, event, day, payload, Dispatch.TABLE)
        if refused is None:
            accepted += 1
            assert case.history[-1].event is event
        else:
            assert case.to_dict() == before
        assert case.version == accepted == len(case.history)
    stored = case.to_dict()
    back = Case.from_dict(json.loads(json.dumps(stored, ensure_ascii=False)), calendar=CALENDAR)
    assert back.to_dict() == stored
    assert back.history == case.history
    assert back.state is case.state
    assert back.deadline() == case.deadline()
    assert back.findings() == case.findings()


@_SETTINGS
@given(st.sampled_from([Channel.IN_PERSON, Channel.INTERNET]), st.data())
def test_a_restored_case_behaves_as_the_original_before_and_after_its_history_is_read(
    channel: Channel, data: st.DataObject
) -> None:
    # A restored case keeps its history as compact rows until it is first read (then
    # as CaseEvent objects): both forms must answer, and change, as the original does.
    original = new_case(channel, actor="王", note="窗口登记")
    restored: Case | None = None
    read_early = data.draw(st.booleans())
    steps = data.draw(st.integers(1, 16))
    cut = data.draw(st.integers(0, steps))
    for i in range(steps):
        if i == cut:
            restored = Case.from_dict(original.to_dict(), calendar=CALENDAR)
            if read_early:
                assert restored.history == original.history
        last = original.history[-1].day
        day = last + dt.timedelta(days=data.draw(st.integers(-1, 12)))
        event = _pick(data, original)
        payload = data.draw(payloads(event, day))
        options: dict[str, Any] = {}
        if data.draw(st.booleans()):
            options = {"actor": "李", "note": data.draw(st.sampled_from([None, "备注"]))}
        expected = data.draw(st.sampled_from([None, original.version, original.version + 1]))
        outcomes: list[tuple[type[Exception], str] | None] = []
        for case in (original, restored):
            if case is None:
                continue
            try:
                case.apply(event, day, expected_version=expected, **options, **payload)
            except (EventRefusedError, VersionConflictError) as error:
                outcomes.append((type(error), str(error)))
            else:
                outcomes.append(None)
        assert len(set(outcomes)) == 1
        if restored is not None:
            assert restored.version == original.version
            assert restored.state is original.state
            if data.draw(st.booleans()):
                # The deadline as it stood on a past day folds a prefix of the history.
                past = original.history[0].day + dt.timedelta(days=data.draw(st.integers(0, 60)))
                assert restored.deadline(as_of=past) == original.deadline(as_of=past)
            assert restored.to_dict() == original.to_dict()
    if restored is None:
        restored = Case.from_dict(original.to_dict(), calendar=CALENDAR)
    assert restored.deadline() == original.deadline()
    assert restored.history == original.history
    assert [e.payload for e in restored.history] == [e.payload for e in original.history]
    assert [(e.actor, e.note) for e in restored.history] == [
        (e.actor, e.note) for e in original.history
    ]
    assert restored.to_dict() == original.to_dict()
    end = original.history[-1].day + dt.timedelta(days=1)
    assert restored.status(end) == original.status(end)
