"""The lifecycle definition: validation, the generated machine, and every state × event.

The helpers at the top (``new_case``, ``reach``, ``valid_args``) build a case in any
state by lawful events; ``test_case.py`` and ``test_case_properties.py`` reuse them.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import attrs
import pytest

from disclosure_flow import EventRefusedError, WorkdayCalendar
from disclosure_flow.cases import (
    DEFINITION,
    MACHINE,
    Applicant,
    ApplicantKind,
    Case,
    CaseState,
    Channel,
    ConsultationAnswer,
    ConsultedParty,
    Contact,
    Definition,
    DeliveryMethod,
    Dispatch,
    EventKind,
    FeeMethod,
    IdentityDocument,
    IdentityDocumentKind,
    InformationRequest,
    LitigationRoute,
    Outcome,
    OutcomeKind,
    OutcomeReason,
    ProvisionForm,
    RemedyResult,
    StateRole,
    StateSpec,
    TransitionSpec,
    build_machine,
    compile_table,
    mermaid_diagram,
)
from disclosure_flow.errors import DefinitionError

S = CaseState
E = EventKind
D = dt.date

CALENDAR = WorkdayCalendar()
#: Monday 2 March 2026: no holiday within the next six weeks (清明 is 4–6 April).
DAY0 = D(2026, 3, 2)
ID_NUMBER = "11010519491231002X"
PHONE = "13912345678"

APPLICANT = Applicant(
    ApplicantKind.NATURAL_PERSON,
    "张三",
    IdentityDocument(IdentityDocumentKind.RESIDENT_ID_CARD, ID_NUMBER),
    Contact(phone=PHONE),
)
REQUEST = InformationRequest("2025年部门预算", ProvisionForm.PAPER, DeliveryMethod.POST)
DISCLOSED = Outcome(OutcomeKind.DISCLOSED, OutcomeReason.DISCLOSED)


def new_case(channel: Channel = Channel.IN_PERSON, **kwargs: Any) -> Case:
    """A registered case received on DAY0."""
    return Case.open(
        "2026-001",
        applicant=APPLICANT,
        request=REQUEST,
        channel=channel,
        received=DAY0,
        calendar=CALENDAR,
        **kwargs,
    )


#: A lawful way into each state, as (event, day offset from DAY0, payload).
PATHS: dict[CaseState, list[tuple[EventKind, int, dict[str, Any]]]] = {
    S.REGISTERED: [],
    S.UNDER_REVIEW: [(E.START_REVIEW, 1, {})],
    S.PROCESSING: [(E.START_REVIEW, 1, {}), (E.START_PROCESSING, 2, {})],
}
PATHS[S.AWAITING_CORRECTION] = [
    *PATHS[S.UNDER_REVIEW],
    (E.NOTIFY_CORRECTION, 2, {"items": "身份证明", "due": DAY0 + dt.timedelta(days=16)}),
]
PATHS[S.ABANDONED_NO_CORRECTION] = [
    *PATHS[S.AWAITING_CORRECTION],
    (E.CORRECTION_LAPSED, 17, {}),
]
PATHS[S.WAITING] = [
    *PATHS[S.PROCESSING],
    (E.CONSULT, 3, {"party": ConsultedParty.THIRD_PARTY, "consultee": "某公司"}),
]
#: WAITING for a payment (the other way into WAITING).
AWAITING_PAYMENT = [
    *PATHS[S.PROCESSING],
    (E.ISSUE_FEE_NOTICE, 3, {"amount": 100, "method": FeeMethod.PER_ITEM}),
]
PATHS[S.ABANDONED_NO_PAYMENT] = [*AWAITING_PAYMENT, (E.FEE_LAPSED, 40, {})]
PATHS[S.REPLIED] = [*PATHS[S.PROCESSING], (E.REPLY, 4, {"outcome": DISCLOSED})]
PATHS[S.DELIVERED] = [*PATHS[S.REPLIED], (E.DELIVER, 5, {})]
PATHS[S.ARCHIVED] = [*PATHS[S.DELIVERED], (E.ARCHIVE, 6, {})]
PATHS[S.IN_PROCEEDING] = [*PATHS[S.ARCHIVED], (E.FILE_RECONSIDERATION, 7, {})]
PATHS[S.WITHDRAWN] = [(E.WITHDRAW, 1, {})]


def reach(state: CaseState) -> Case:
    """A case in *state*, reached by lawful events."""
    if state is S.NEW:
        return Case(
            "2026-001",
            applicant=APPLICANT,
            request=REQUEST,
            channel=Channel.IN_PERSON,
            policy=new_case().policy,
            calendar=CALENDAR,
        )
    if state is S.AWAITING_CONFIRMATION:
        return new_case(Channel.INTERNET)
    case = new_case()
    for event, offset, payload in PATHS[state]:
        case.apply(event, DAY0 + dt.timedelta(days=offset), **payload)
    assert case.state is state
    return case


def valid_args(case: Case, event: EventKind) -> tuple[dt.date, dict[str, Any]]:
    """A day and payload that make *event* lawful in *case*'s state, where one exists."""
    last = case.history[-1].day if case.history else DAY0
    day = last + dt.timedelta(days=1)
    payload: dict[str, Any] = {}
    if event is E.REGISTER:
        day = DAY0
    elif event is E.NOTIFY_CORRECTION:
        payload = {"items": "身份证明", "due": day + dt.timedelta(days=14)}
    elif event is E.CORRECTION_LAPSED and case.correction is not None:
        day = case.correction.due + dt.timedelta(days=1)
    elif event is E.CONSULT:
        payload = {"party": ConsultedParty.OTHER_AGENCY, "consultee": "某局"}
    elif event is E.RECEIVE_CONSULTATION_ANSWER:
        payload = {"consultee": "某公司", "answer": ConsultationAnswer.CONSENT}
    elif event is E.EXTEND:
        payload = {"days": 5, "approver": "李主任"}
    elif event is E.SET_DELAYED_DEADLINE:
        payload = {"due": day + dt.timedelta(days=90)}
    elif event is E.ISSUE_FEE_NOTICE:
        payload = {"amount": 100, "method": FeeMethod.PER_VOLUME}
    elif event is E.FEE_LAPSED:
        day = D(2026, 4, 30)
    elif event is E.REPLY:
        payload = {"outcome": DISCLOSED}
        if case.state is S.REGISTERED:
            day = DAY0
    elif event in (E.DECIDE_RECONSIDERATION, E.DECIDE_LITIGATION):
        payload = {"result": RemedyResult.UPHELD}
    elif event is E.FILE_LITIGATION:
        payload = {"route": LitigationRoute.DIRECT}
    return day, payload


#: Pairs the graph allows whose guard needs an earlier event in the same state
#: (a decision needs a filed proceeding; a delayed deadline needs reasons requested; a
#: payment needs a fee notice, an answer an open consultation).
NEEDS_EARLIER_EVENT = (
    {
        (s, e)
        for s in (S.REPLIED, S.DELIVERED, S.ABANDONED_NO_CORRECTION, S.ABANDONED_NO_PAYMENT)
        for e in (E.DECIDE_RECONSIDERATION, E.DECIDE_LITIGATION)
    }
    | {(s, E.SET_DELAYED_DEADLINE) for s in (S.UNDER_REVIEW, S.PROCESSING)}
    | {(S.WAITING, E.RECEIVE_PAYMENT), (S.WAITING, E.FEE_LAPSED)}
    | {(S.AWAITING_CORRECTION, E.RECEIVE_CONSULTATION_ANSWER)}
    # the path's reconsideration is pending: one proceeding at a time, unless its body
    # let its time limit pass
    | {(S.IN_PROCEEDING, E.DECIDE_LITIGATION), (S.IN_PROCEEDING, E.FILE_LITIGATION)}
    # an item withdrawn needs an application of several items
    | {(s, E.WITHDRAW_ITEM) for s in S if E.WITHDRAW_ITEM in DEFINITION.allowed_events(s)}
    # a remedy against inaction needs the reply period to have run out, a decision a
    # filed proceeding
    | {
        (s, e)
        for s in (S.REGISTERED, S.UNDER_REVIEW, S.PROCESSING)
        for e in (
            E.FILE_RECONSIDERATION,
            E.FILE_LITIGATION,
            E.DECIDE_RECONSIDERATION,
            E.DECIDE_LITIGATION,
        )
    }
)

ALL_PAIRS = list(itertools.product(CaseState, EventKind))
IN_GRAPH = [(s, e) for s, e in ALL_PAIRS if e in DEFINITION.allowed_events(s)]
OUT_OF_GRAPH = [(s, e) for s, e in ALL_PAIRS if e not in DEFINITION.allowed_events(s)]


def _ids(pair: tuple[CaseState, EventKind]) -> str:
    return f"{pair[0].value}-{pair[1].value}"


# -- every state × event -------------------------------------------------------------


@pytest.mark.parametrize("pair", OUT_OF_GRAPH, ids=_ids)
@pytest.mark.parametrize("dispatch", list(Dispatch))
def test_pair_outside_the_graph_is_refused(
    pair: tuple[CaseState, EventKind], dispatch: Dispatch
) -> None:
    state, event = pair
    case = reach(state)
    before = case.to_dict() if case.history else None
    day, payload = valid_args(case, event)
    with pytest.raises(EventRefusedError) as info:
        case.apply(event, day, dispatch=dispatch, **payload)
    assert info.value.state == state.value
    assert info.value.event == event.value
    for allowed in DEFINITION.allowed_events(state):
        assert allowed.value in info.value.allowed
    assert case.state is state
    if before is not None:
        assert case.to_dict() == before


@pytest.mark.parametrize("pair", IN_GRAPH, ids=_ids)
@pytest.mark.parametrize("dispatch", list(Dispatch))
def test_pair_in_the_graph(pair: tuple[CaseState, EventKind], dispatch: Dispatch) -> None:
    state, event = pair
    case = reach(state)
    day, payload = valid_args(case, event)
    dests = {t.dest for t in DEFINITION.branches(event, state)}
    if pair in NEEDS_EARLIER_EVENT:
        before = case.to_dict()
        with pytest.raises(EventRefusedError) as info:
            case.apply(event, day, dispatch=dispatch, **payload)
        assert "not allowed in this state" not in info.value.reason
        assert case.to_dict() == before
        return
    version = case.version
    case.apply(event, day, dispatch=dispatch, **payload)
    assert case.state in dests
    assert case.version == version + 1
    assert case.history[-1].state_before is state
    assert case.history[-1].event is event


def test_graph_spot_checks() -> None:
    """A few pairs read off the law, independent of the generated lists."""
    allowed = DEFINITION.allowed_events
    assert E.REPLY not in allowed(S.WAITING)  # the waits end first
    assert E.EXTEND not in allowed(S.REPLIED)
    assert E.EXTEND in allowed(S.WAITING)
    assert E.WITHDRAW not in allowed(S.REPLIED)
    # Art. 30: a correction notice from any open state with a day 0, before the reply
    for s in (S.REGISTERED, S.UNDER_REVIEW, S.PROCESSING, S.WAITING):
        assert E.NOTIFY_CORRECTION in allowed(s)
    assert E.NOTIFY_CORRECTION not in allowed(S.REPLIED)
    # waits overlap: a fee notice while a consultation runs, a consultation while
    # payment is awaited
    assert {E.CONSULT, E.ISSUE_FEE_NOTICE} <= allowed(S.WAITING)
    assert E.FILE_LITIGATION in allowed(S.DELIVERED)
    # Art. 45: every ending is archived; the archive re-opens for a remedy
    for ending in (S.DELIVERED, S.WITHDRAWN, S.ABANDONED_NO_PAYMENT, S.ABANDONED_NO_CORRECTION):
        assert E.ARCHIVE in allowed(ending)
    assert allowed(S.ARCHIVED) == {E.FILE_RECONSIDERATION, E.FILE_LITIGATION}
    assert S.ARCHIVED.is_closed
    assert not S.ARCHIVED.is_final
    assert DEFINITION.final_states == frozenset()


def test_labels_are_chinese() -> None:
    for state in CaseState:
        assert state.label_zh
        assert not state.label_zh.isascii()
    for event in EventKind:
        assert event.label_zh
        assert not event.label_zh.isascii()
    assert S.AWAITING_CORRECTION.label_zh == "待补正"
    assert E.EXTEND.label_zh == "延长答复期限"


# -- the machine and the table ----------------------------------------------------------


def test_machine_is_flat_shared_and_modelless() -> None:
    assert MACHINE.models == []
    assert not MACHINE.auto_transitions
    assert MACHINE.send_event
    assert set(MACHINE.events) == {e.value for e in EventKind}


def test_table_compiled_from_machine_matches_definition() -> None:
    table = compile_table(MACHINE)
    assert set(table) == {(s, e) for s, e in IN_GRAPH}
    for (state, event), branches in table.items():
        spec = DEFINITION.branches(event, state)
        assert [b.dest for b in branches] == [t.dest for t in spec]
        assert [tuple(n for n, _ in b.guards) for b in branches] == [t.guards for t in spec]


def test_mermaid_diagram_lists_every_state_and_edge() -> None:
    text = mermaid_diagram()
    assert text.startswith("stateDiagram-v2\n")
    for state in CaseState:
        assert f"as {state.value}" in text
    assert "[*] --> new" in text
    assert "under_review --> awaiting_correction: notify_correction 一次性告知补正" in text
    assert "archived --> [*]" in text
    assert "extend 延长答复期限" in text  # an event inside states, listed in a note


# -- validation of a definition ----------------------------------------------------------

_NAMES = {n for t in DEFINITION.transitions for n in (*t.when, *t.guards)}


def _broken(
    *,
    states: tuple[StateSpec, ...] | None = None,
    transitions: tuple[TransitionSpec, ...] | None = None,
) -> Definition:
    return Definition(
        DEFINITION.states if states is None else states,
        DEFINITION.events,
        DEFINITION.transitions if transitions is None else transitions,
    )


def _with_role(state: CaseState, role: StateRole) -> tuple[StateSpec, ...]:
    return tuple(attrs.evolve(s, role=role) if s.state is state else s for s in DEFINITION.states)


def test_the_definition_is_valid() -> None:
    assert DEFINITION.validate(guard_names=_NAMES) is DEFINITION


def test_two_initial_states_refused() -> None:
    broken = _broken(states=_with_role(S.REGISTERED, StateRole.INITIAL))
    with pytest.raises(DefinitionError) as info:
        broken.validate()
    assert info.value.field == "initial"
    assert info.value.value == ("new", "registered")


def test_no_initial_state_refused() -> None:
    with pytest.raises(DefinitionError, match="initial"):
        _broken(states=_with_role(S.NEW, StateRole.INTERMEDIATE)).validate()


def test_unreachable_state_refused() -> None:
    transitions = tuple(t for t in DEFINITION.transitions if t.dest is not S.WAITING)
    transitions = tuple(t for t in transitions if t.source is not S.WAITING)
    with pytest.raises(DefinitionError) as info:
        _broken(transitions=transitions).validate()
    assert info.value.field == "reachable"
    assert info.value.value == ("abandoned_no_payment", "waiting")


def test_transition_out_of_final_state_refused() -> None:
    # the archive made final: it may no longer re-open
    states = _with_role(S.ARCHIVED, StateRole.FINAL)
    with pytest.raises(DefinitionError) as info:
        _broken(states=states).validate()
    assert info.value.field == "final"
    assert info.value.value == ("archived",)


def test_trap_state_refused() -> None:
    # no archiving of a withdrawal: "withdrawn" then leads nowhere
    transitions = tuple(
        t for t in DEFINITION.transitions if not (t.event is E.ARCHIVE and t.source is S.WITHDRAWN)
    )
    with pytest.raises(DefinitionError) as info:
        _broken(transitions=transitions).validate()
    assert info.value.field == "trap"
    assert info.value.value == ("withdrawn",)


def test_no_resting_state_refused() -> None:
    states = tuple(
        attrs.evolve(s, role=StateRole.INTERMEDIATE)
        if s.role in (StateRole.FINAL, StateRole.CLOSED)
        else s
        for s in DEFINITION.states
    )
    with pytest.raises(DefinitionError, match="CLOSED or FINAL"):
        _broken(states=states).validate()


def test_shadowed_branch_refused() -> None:
    first, *rest = DEFINITION.transitions
    assert first.event is E.REGISTER
    assert first.when
    with pytest.raises(DefinitionError) as info:
        _broken(transitions=(attrs.evolve(first, when=()), *rest)).validate()
    assert info.value.field == "branches"


def test_unknown_guard_refused() -> None:
    transitions = tuple(
        attrs.evolve(t, guards=("no_such_guard",)) if t.event is E.START_REVIEW else t
        for t in DEFINITION.transitions
    )
    with pytest.raises(DefinitionError) as info:
        _broken(transitions=transitions).validate(guard_names=_NAMES)
    assert info.value.field == "guards"
    assert info.value.value == ("no_such_guard",)


def test_duplicate_state_refused() -> None:
    with pytest.raises(DefinitionError, match="names"):
        _broken(states=(*DEFINITION.states, DEFINITION.states[0])).validate()


def test_build_machine_checks_guard_implementations() -> None:
    with pytest.raises(DefinitionError, match="guards"):
        build_machine(DEFINITION, guards={}, routes={})
