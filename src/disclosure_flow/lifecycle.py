"""The case lifecycle as data (办理流程): states, events, transitions and guards by name.

This module holds the ONE definition of the legal graph (SPEC §5). Everything else is
generated from it:

- the process-wide ``transitions`` machine (:func:`build_machine`): one flat
  ``Machine(model=None, initial=None, auto_transitions=False, send_event=True)``,
  never ``add_model``;
- the dispatch table that :class:`~disclosure_flow.case.Case` uses to apply events
  fast (:func:`compile_table`), compiled *from the machine's own transitions*;
- the Mermaid diagram (:func:`mermaid_diagram`);
- the exhaustive state × event tests.

The definition is validated when it is built (:meth:`Definition.validate`): exactly one
initial state, every state reachable, no transition out of a final state, no trap
state, no unknown guard, no shadowed branch.

>>> from disclosure_flow.lifecycle import DEFINITION, CaseState, EventKind
>>> DEFINITION.initial
<CaseState.NEW: 'new'>
>>> sorted(e.value for e in DEFINITION.allowed_events(CaseState.AWAITING_CORRECTION))
['correction_lapsed', 'receive_correction', 'withdraw']
>>> CaseState.CONSULTING.label_zh
'征求意见中'
"""

from __future__ import annotations

import enum
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs
from transitions import Machine

from disclosure_flow.errors import DefinitionError

__all__ = [
    "DEFINITION",
    "Branch",
    "CaseState",
    "Definition",
    "EventKind",
    "EventSpec",
    "Refusal",
    "StateRole",
    "StateSpec",
    "TransitionSpec",
    "build_machine",
    "compile_table",
    "mermaid_diagram",
]


class CaseState(enum.Enum):
    """The states of a request (申请办理状态), SPEC §5.

    Members:
        NEW: 新建 — the initial state; :meth:`Case.open` leaves it at once by
            recording the ``register`` event.
        AWAITING_CONFIRMATION: 待确认收到 — registered, but day 0 depends on a
            confirmation with the applicant (ordinary letter, internet, fax; Art. 31).
        REGISTERED: 已登记 — day 0 known (收到申请之日).
        UNDER_REVIEW: 审核中 (审核).
        AWAITING_CORRECTION: 待补正 — a correction notice was sent (Art. 30).
        PROCESSING: 办理中 (办理).
        CONSULTING: 征求意见中 — third party or other agency consulted (Art. 32, 34);
            the reply clock is paused.
        AWAITING_PAYMENT: 待缴费 — a fee notice was sent (FEES); the clock is paused.
        REPLIED: 已答复 — replied with an outcome (Art. 36–39).
        DELIVERED: 已送达.
        ARCHIVED: 已归档 (final).
        ABANDONED_NO_CORRECTION: 视为放弃申请（逾期未补正） (final, Art. 30).
        ABANDONED_NO_PAYMENT: 不再处理（逾期未缴费） (final, FEES).
        WITHDRAWN: 申请人撤回申请 (final).
    """

    NEW = "new"
    AWAITING_CONFIRMATION = "awaiting_confirmation"
    REGISTERED = "registered"
    UNDER_REVIEW = "under_review"
    AWAITING_CORRECTION = "awaiting_correction"
    PROCESSING = "processing"
    CONSULTING = "consulting"
    AWAITING_PAYMENT = "awaiting_payment"
    REPLIED = "replied"
    DELIVERED = "delivered"
    ARCHIVED = "archived"
    ABANDONED_NO_CORRECTION = "abandoned_no_correction"
    ABANDONED_NO_PAYMENT = "abandoned_no_payment"
    WITHDRAWN = "withdrawn"

    @property
    def label_zh(self) -> str:
        """The Chinese label (中文名称)."""
        return DEFINITION.state(self).label_zh

    @property
    def is_final(self) -> bool:
        """Whether no event can follow (终结状态)."""
        return DEFINITION.state(self).role is StateRole.FINAL

    @property
    def is_open(self) -> bool:
        """Whether the request still waits for a reply on the merits (办理中，未答复)."""
        return self in _OPEN_STATES


_OPEN_STATES = frozenset(
    {
        CaseState.AWAITING_CONFIRMATION,
        CaseState.REGISTERED,
        CaseState.UNDER_REVIEW,
        CaseState.AWAITING_CORRECTION,
        CaseState.PROCESSING,
        CaseState.CONSULTING,
        CaseState.AWAITING_PAYMENT,
    }
)


class EventKind(enum.Enum):
    """The events a case accepts (办理事项). Each carries its date.

    Members:
        REGISTER: 登记 — the office gets the application (Art. 29, 31).
        CONFIRM_RECEIPT: 确认收到申请 — day 0 for letters, internet and fax (Art. 31).
        START_REVIEW: 开始审核.
        NOTIFY_CORRECTION: 一次性告知补正 (Art. 30): what to correct and by when.
        RECEIVE_CORRECTION: 收到补正后的申请 — the reply period restarts (Art. 30).
        CORRECTION_LAPSED: 逾期未补正，视为放弃申请 (Art. 30).
        START_PROCESSING: 开始办理.
        CONSULT: 征求第三方或其他机关意见 (Art. 32, 34); several may run at once.
        RECEIVE_CONSULTATION_ANSWER: 收到意见（同意、不同意及理由，或逾期未答复）.
        EXTEND: 延长答复期限 (Art. 33), approved by the head of the office.
        REQUEST_REASONS: 要求申请人说明理由 (Art. 35).
        SET_DELAYED_DEADLINE: 确定延迟答复的合理期限 (Art. 35).
        ISSUE_FEE_NOTICE: 发出收费通知 (FEES).
        RECEIVE_PAYMENT: 收到缴费.
        FEE_LAPSED: 逾期未缴费，不再处理 (FEES).
        REPLY: 答复 with an outcome (Art. 36–39); on the spot when possible (当场答复).
        DELIVER: 送达.
        ARCHIVE: 归档.
        WITHDRAW: 申请人撤回申请.
        FILE_RECONSIDERATION: 申请行政复议.
        DECIDE_RECONSIDERATION: 行政复议决定 (维持/纠正/其他).
        FILE_LITIGATION: 提起行政诉讼（直接起诉或复议后起诉）.
        DECIDE_LITIGATION: 行政诉讼裁判 (维持/纠正/其他).
    """

    REGISTER = "register"
    CONFIRM_RECEIPT = "confirm_receipt"
    START_REVIEW = "start_review"
    NOTIFY_CORRECTION = "notify_correction"
    RECEIVE_CORRECTION = "receive_correction"
    CORRECTION_LAPSED = "correction_lapsed"
    START_PROCESSING = "start_processing"
    CONSULT = "consult"
    RECEIVE_CONSULTATION_ANSWER = "receive_consultation_answer"
    EXTEND = "extend"
    REQUEST_REASONS = "request_reasons"
    SET_DELAYED_DEADLINE = "set_delayed_deadline"
    ISSUE_FEE_NOTICE = "issue_fee_notice"
    RECEIVE_PAYMENT = "receive_payment"
    FEE_LAPSED = "fee_lapsed"
    REPLY = "reply"
    DELIVER = "deliver"
    ARCHIVE = "archive"
    WITHDRAW = "withdraw"
    FILE_RECONSIDERATION = "file_reconsideration"
    DECIDE_RECONSIDERATION = "decide_reconsideration"
    FILE_LITIGATION = "file_litigation"
    DECIDE_LITIGATION = "decide_litigation"

    @property
    def label_zh(self) -> str:
        """The Chinese label (中文名称)."""
        return DEFINITION.event(self).label_zh


class StateRole(enum.Enum):
    """Where a state sits in the graph.

    Members:
        INITIAL: the one state a case starts in.
        INTERMEDIATE: any state with a way onwards.
        FINAL: no event may follow (终结).
    """

    INITIAL = "initial"
    INTERMEDIATE = "intermediate"
    FINAL = "final"


@attrs.frozen
class StateSpec:
    """One state of the definition.

    Attributes:
        state: the state.
        label_zh: its Chinese label.
        role: initial, intermediate or final.
    """

    state: CaseState
    label_zh: str
    role: StateRole = StateRole.INTERMEDIATE


@attrs.frozen
class EventSpec:
    """One event of the definition.

    Attributes:
        event: the event.
        label_zh: its Chinese label.
        article: the legal source (e.g. ``"Art. 30"``), or ``""``.
    """

    event: EventKind
    label_zh: str
    article: str = ""


@attrs.frozen
class TransitionSpec:
    """One edge: *event* in *source* leads to *dest* (``dest == source``: an event
    recorded inside the state, e.g. an extension).

    Attributes:
        event: the event.
        source: the state it is allowed in.
        dest: the state after it.
        when: names of routing predicates that choose this branch among several for
            the same event and source (all must hold); an empty tuple always matches.
        guards: names of legal guards (checked in order once the branch is chosen);
            a failing guard refuses the event with its reason.
    """

    event: EventKind
    source: CaseState
    dest: CaseState
    when: tuple[str, ...] = ()
    guards: tuple[str, ...] = ()


@attrs.frozen
class Refusal:
    """Why a guard refuses an event (拒绝理由).

    Attributes:
        reason: what is wrong, with the value.
        allowed: what would be allowed instead.
        late: for an act that came after its period (SPEC §10): the rule with its
            article, the last allowed day, and the working days late; else ``None``.
    """

    reason: str
    allowed: str
    late: tuple[str, Any, int] | None = None


@attrs.frozen
class Definition:
    """A lifecycle graph as plain data (流程定义).

    Attributes:
        states: the states, each once.
        events: the events, each once.
        transitions: the edges, in priority order (for one event and source, the
            first branch whose ``when`` predicates hold is taken).
    """

    states: tuple[StateSpec, ...]
    events: tuple[EventSpec, ...]
    transitions: tuple[TransitionSpec, ...]
    _state_index: dict[CaseState, StateSpec] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(dict)
    )
    _event_index: dict[EventKind, EventSpec] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(dict)
    )

    def __attrs_post_init__(self) -> None:
        self._state_index.update({s.state: s for s in self.states})
        self._event_index.update({e.event: e for e in self.events})

    @property
    def initial(self) -> CaseState:
        """The initial state (the first state marked :attr:`StateRole.INITIAL`)."""
        for spec in self.states:
            if spec.role is StateRole.INITIAL:
                return spec.state
        raise DefinitionError("initial", (), "exactly one state with role INITIAL")

    @property
    def final_states(self) -> frozenset[CaseState]:
        """The final states (终结状态)."""
        return frozenset(s.state for s in self.states if s.role is StateRole.FINAL)

    def state(self, state: CaseState) -> StateSpec:
        """The spec of *state*."""
        return self._state_index[state]

    def event(self, event: EventKind) -> EventSpec:
        """The spec of *event*."""
        return self._event_index[event]

    def branches(self, event: EventKind, source: CaseState) -> tuple[TransitionSpec, ...]:
        """The transitions for *event* in *source*, in priority order."""
        return tuple(t for t in self.transitions if t.event is event and t.source is source)

    def allowed_events(self, source: CaseState) -> frozenset[EventKind]:
        """The events the graph allows in *source* (guards may still refuse them)."""
        return frozenset(t.event for t in self.transitions if t.source is source)

    def successors(self, source: CaseState) -> frozenset[CaseState]:
        """The states reachable from *source* in one event."""
        return frozenset(t.dest for t in self.transitions if t.source is source)

    def validate(self, *, guard_names: Iterable[str] | None = None) -> Definition:
        """Check the graph, and return it.

        Args:
            guard_names: the guard and predicate names that exist; ``None`` skips
                that check.

        Raises:
            DefinitionError: naming the rule that failed and the offending states.
        """
        names = [s.state for s in self.states]
        if len(set(names)) != len(names) or len({e.event for e in self.events}) != len(self.events):
            raise DefinitionError("names", names, "each state and each event defined once")
        known_states = set(names)
        known_events = {e.event for e in self.events}
        for t in self.transitions:
            if t.source not in known_states or t.dest not in known_states:
                raise DefinitionError("names", t, f"states among {sorted(s.value for s in names)}")
            if t.event not in known_events:
                raise DefinitionError("names", t, "an event defined in the definition")
        initials = [s.state for s in self.states if s.role is StateRole.INITIAL]
        if len(initials) != 1:
            raise DefinitionError(
                "initial", tuple(s.value for s in initials), "exactly one INITIAL state"
            )
        finals = self.final_states
        if not finals:
            raise DefinitionError("final", (), "at least one FINAL state")
        leaving = sorted({t.source.value for t in self.transitions if t.source in finals})
        if leaving:
            raise DefinitionError("final", tuple(leaving), "no transition out of a final state")
        seen = _reach(initials[0], self.successors)
        unreachable = sorted(s.value for s in known_states - seen)
        if unreachable:
            raise DefinitionError(
                "reachable", tuple(unreachable), f"every state reachable from {initials[0].value}"
            )
        traps = sorted(
            s.value for s in known_states - finals if not (_reach(s, self.successors) & finals)
        )
        if traps:
            raise DefinitionError(
                "trap", tuple(traps), "every non-final state can still reach a final state"
            )
        for t in self.transitions:
            branches = self.branches(t.event, t.source)
            for earlier in branches[: branches.index(t)]:
                if not earlier.when:
                    raise DefinitionError(
                        "branches",
                        (t.event.value, t.source.value, t.dest.value),
                        "a branch after an unconditional one is never taken: give the "
                        "earlier branch a 'when' predicate",
                    )
        if guard_names is not None:
            available = set(guard_names)
            missing = sorted(
                {n for t in self.transitions for n in (*t.when, *t.guards)} - available
            )
            if missing:
                raise DefinitionError("guards", tuple(missing), "names of implemented guards")
        return self


def _reach(
    start: CaseState, successors: Callable[[CaseState], frozenset[CaseState]]
) -> set[CaseState]:
    seen = {start}
    todo = deque([start])
    while todo:
        for nxt in successors(todo.popleft()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


# ---------------------------------------------------------------------------
# The definition (SPEC §5). Guard names are implemented in disclosure_flow.case.

S = CaseState
E = EventKind

_STATES = (
    StateSpec(S.NEW, "新建", StateRole.INITIAL),
    StateSpec(S.AWAITING_CONFIRMATION, "待确认收到"),
    StateSpec(S.REGISTERED, "已登记"),
    StateSpec(S.UNDER_REVIEW, "审核中"),
    StateSpec(S.AWAITING_CORRECTION, "待补正"),
    StateSpec(S.PROCESSING, "办理中"),
    StateSpec(S.CONSULTING, "征求意见中"),
    StateSpec(S.AWAITING_PAYMENT, "待缴费"),
    StateSpec(S.REPLIED, "已答复"),
    StateSpec(S.DELIVERED, "已送达"),
    StateSpec(S.ARCHIVED, "已归档", StateRole.FINAL),
    StateSpec(S.ABANDONED_NO_CORRECTION, "视为放弃申请（逾期未补正）", StateRole.FINAL),
    StateSpec(S.ABANDONED_NO_PAYMENT, "不再处理（逾期未缴费）", StateRole.FINAL),
    StateSpec(S.WITHDRAWN, "已撤回", StateRole.FINAL),
)

_EVENTS = (
    EventSpec(E.REGISTER, "登记", "Art. 29, 31"),
    EventSpec(E.CONFIRM_RECEIPT, "确认收到申请", "Art. 31"),
    EventSpec(E.START_REVIEW, "开始审核", "Art. 45"),
    EventSpec(E.NOTIFY_CORRECTION, "一次性告知补正", "Art. 30"),
    EventSpec(E.RECEIVE_CORRECTION, "收到补正后的申请", "Art. 30"),
    EventSpec(E.CORRECTION_LAPSED, "逾期未补正", "Art. 30"),
    EventSpec(E.START_PROCESSING, "开始办理", "Art. 45"),
    EventSpec(E.CONSULT, "征求意见", "Art. 32, 34"),
    EventSpec(E.RECEIVE_CONSULTATION_ANSWER, "收到意见", "Art. 32, 34"),
    EventSpec(E.EXTEND, "延长答复期限", "Art. 33"),
    EventSpec(E.REQUEST_REASONS, "要求说明理由", "Art. 35"),
    EventSpec(E.SET_DELAYED_DEADLINE, "确定延迟答复期限", "Art. 35"),
    EventSpec(E.ISSUE_FEE_NOTICE, "发出收费通知", "FEES"),
    EventSpec(E.RECEIVE_PAYMENT, "收到缴费", "FEES"),
    EventSpec(E.FEE_LAPSED, "逾期未缴费", "FEES"),
    EventSpec(E.REPLY, "答复", "Art. 33, 36–39"),
    EventSpec(E.DELIVER, "送达", "Art. 40"),
    EventSpec(E.ARCHIVE, "归档", "Art. 45"),
    EventSpec(E.WITHDRAW, "撤回申请"),
    EventSpec(E.FILE_RECONSIDERATION, "申请行政复议", "Art. 51"),
    EventSpec(E.DECIDE_RECONSIDERATION, "行政复议决定", "Art. 51"),
    EventSpec(E.FILE_LITIGATION, "提起行政诉讼", "Art. 51"),
    EventSpec(E.DECIDE_LITIGATION, "行政诉讼裁判", "Art. 51"),
)

_EXTENSION_STATES = (S.REGISTERED, S.UNDER_REVIEW, S.PROCESSING, S.CONSULTING, S.AWAITING_PAYMENT)
_WITHDRAWABLE = tuple(sorted(_OPEN_STATES, key=lambda s: [x.state for x in _STATES].index(s)))
_AFTER_REPLY = (S.REPLIED, S.DELIVERED)
_EXTEND_GUARDS = (
    "approver_named",
    "extension_positive",
    "extension_within_cap",
    "extension_in_time",
)

_TRANSITIONS = (
    TransitionSpec(
        E.REGISTER, S.NEW, S.AWAITING_CONFIRMATION, when=("receipt_needs_confirmation",)
    ),
    TransitionSpec(E.REGISTER, S.NEW, S.REGISTERED),
    TransitionSpec(E.CONFIRM_RECEIPT, S.AWAITING_CONFIRMATION, S.REGISTERED),
    TransitionSpec(E.START_REVIEW, S.REGISTERED, S.UNDER_REVIEW),
    TransitionSpec(
        E.NOTIFY_CORRECTION,
        S.UNDER_REVIEW,
        S.AWAITING_CORRECTION,
        guards=(
            "correction_once_only",
            "correction_items_stated",
            "correction_period_given",
            "correction_notice_in_time",
        ),
    ),
    TransitionSpec(E.RECEIVE_CORRECTION, S.AWAITING_CORRECTION, S.UNDER_REVIEW),
    TransitionSpec(
        E.CORRECTION_LAPSED,
        S.AWAITING_CORRECTION,
        S.ABANDONED_NO_CORRECTION,
        guards=("correction_period_over",),
    ),
    TransitionSpec(E.START_PROCESSING, S.UNDER_REVIEW, S.PROCESSING),
    *(
        TransitionSpec(
            E.CONSULT,
            source,
            S.CONSULTING,
            guards=(
                "consultee_named",
                "consultee_not_already_consulted",
                "letter_received_in_order",
            ),
        )
        for source in (S.PROCESSING, S.CONSULTING)
    ),
    TransitionSpec(
        E.RECEIVE_CONSULTATION_ANSWER,
        S.CONSULTING,
        S.CONSULTING,
        when=("other_consultations_open",),
        guards=("consultation_open", "answer_complete"),
    ),
    TransitionSpec(
        E.RECEIVE_CONSULTATION_ANSWER,
        S.CONSULTING,
        S.PROCESSING,
        guards=("consultation_open", "answer_complete"),
    ),
    *(TransitionSpec(E.EXTEND, s, s, guards=_EXTEND_GUARDS) for s in _EXTENSION_STATES),
    *(TransitionSpec(E.REQUEST_REASONS, s, s) for s in (S.UNDER_REVIEW, S.PROCESSING)),
    *(
        TransitionSpec(
            E.SET_DELAYED_DEADLINE,
            s,
            s,
            guards=("reasons_requested", "delayed_due_later", "delayed_deadline_in_time"),
        )
        for s in (S.UNDER_REVIEW, S.PROCESSING)
    ),
    TransitionSpec(
        E.ISSUE_FEE_NOTICE,
        S.PROCESSING,
        S.AWAITING_PAYMENT,
        guards=(
            "fee_notice_once",
            "fee_amount_positive",
            "letter_received_in_order",
            "fee_notice_in_time",
        ),
    ),
    TransitionSpec(
        E.RECEIVE_PAYMENT, S.AWAITING_PAYMENT, S.PROCESSING, guards=("payment_in_time",)
    ),
    TransitionSpec(
        E.FEE_LAPSED,
        S.AWAITING_PAYMENT,
        S.ABANDONED_NO_PAYMENT,
        guards=("payment_period_over",),
    ),
    TransitionSpec(E.REPLY, S.REGISTERED, S.REPLIED, guards=("on_the_spot", "outcome_valid")),
    *(
        TransitionSpec(E.REPLY, s, S.REPLIED, guards=("outcome_valid",))
        for s in (S.UNDER_REVIEW, S.PROCESSING)
    ),
    TransitionSpec(E.DELIVER, S.REPLIED, S.DELIVERED),
    TransitionSpec(E.ARCHIVE, S.DELIVERED, S.ARCHIVED, guards=("no_proceeding_pending",)),
    *(TransitionSpec(E.WITHDRAW, s, S.WITHDRAWN) for s in _WITHDRAWABLE),
    *(
        t
        for s in _AFTER_REPLY
        for t in (
            TransitionSpec(E.FILE_RECONSIDERATION, s, s, guards=("no_proceeding_pending",)),
            TransitionSpec(
                E.DECIDE_RECONSIDERATION,
                s,
                s,
                guards=("reconsideration_pending", "decision_result_final"),
            ),
            TransitionSpec(
                E.FILE_LITIGATION,
                s,
                s,
                guards=("no_proceeding_pending", "litigation_route_consistent"),
            ),
            TransitionSpec(
                E.DECIDE_LITIGATION,
                s,
                s,
                guards=("litigation_pending", "decision_result_final"),
            ),
        )
    ),
)

#: The lifecycle (办理流程) of SPEC §5, validated for shape when the module loads; the
#: guard names are checked against their implementations when the machine is built.
DEFINITION = Definition(_STATES, _EVENTS, _TRANSITIONS).validate()

del S, E


# ---------------------------------------------------------------------------
# Generated artefacts.

#: A guard or routing predicate: ``(case, pending_event) -> Refusal | None`` for a
#: guard, ``-> bool`` for a routing predicate.
Guard = Callable[[Any, Any], "Refusal | None"]
Route = Callable[[Any, Any], bool]


class GuardFailed(Exception):  # noqa: N818 - internal signal, never escapes the library
    """Raised inside a ``transitions`` condition to carry a guard's :class:`Refusal`."""

    def __init__(self, guard: str, refusal: Refusal) -> None:
        super().__init__(guard, refusal)
        self.guard = guard
        self.refusal = refusal


def _route_condition(name: str, route: Route) -> Callable[[Any], bool]:
    def condition(event_data: Any) -> bool:
        return route(event_data.model, event_data.kwargs["pending"])

    condition.__name__ = f"route_{name}"
    condition.route = route  # type: ignore[attr-defined]  # read back by compile_table
    return condition


def _guard_condition(name: str, guard: Guard) -> Callable[[Any], bool]:
    def condition(event_data: Any) -> bool:
        refusal = guard(event_data.model, event_data.kwargs["pending"])
        if refusal is not None:
            raise GuardFailed(name, refusal)
        return True

    condition.__name__ = f"guard_{name}"
    condition.guard = (name, guard)  # type: ignore[attr-defined]  # read back by compile_table
    return condition


def build_machine(
    definition: Definition,
    *,
    guards: Mapping[str, Guard],
    routes: Mapping[str, Route],
    model_attribute: str = "state",
) -> Machine:
    """The flat ``transitions`` machine for *definition*, to be shared by every case.

    It has no model (``model=None``) and no auto transitions; apply an event to a case
    with ``machine.events[event.value].trigger(case, pending=...)``. Routing
    predicates come first in each transition's conditions, then the guards; a failing
    guard raises :class:`GuardFailed`.

    Raises:
        DefinitionError: *definition* is invalid or names a guard that is missing.
    """
    definition.validate(guard_names=[*guards, *routes])
    machine = Machine(
        model=None,
        states=[s.state for s in definition.states],
        initial=None,
        auto_transitions=False,
        send_event=True,
        ignore_invalid_triggers=False,
        model_attribute=model_attribute,
    )
    for t in definition.transitions:
        conditions: list[str | Callable[..., bool | None]] = [
            _route_condition(n, routes[n]) for n in t.when
        ]
        conditions += [_guard_condition(n, guards[n]) for n in t.guards]
        machine.add_transition(
            t.event.value,
            t.source,
            None if t.dest is t.source else t.dest,
            conditions=conditions,
        )
    return machine


@attrs.frozen
class Branch:
    """One compiled branch of the dispatch table.

    Attributes:
        dest: the state after the event.
        routes: routing predicates (all must hold for the branch to be taken).
        guards: ``(name, guard)`` pairs checked in order.
    """

    dest: CaseState
    routes: tuple[Route, ...]
    guards: tuple[tuple[str, Guard], ...]


def compile_table(machine: Machine) -> dict[tuple[CaseState, EventKind], tuple[Branch, ...]]:
    """A dispatch table ``(state, event) -> branches`` read from *machine*'s transitions.

    It is the same graph as the machine (compiled from ``machine.events``, not from the
    definition), so the fast path cannot drift from ``trigger()``; a differential test
    keeps them in agreement.
    """
    table: dict[tuple[CaseState, EventKind], tuple[Branch, ...]] = {}
    for name, event in machine.events.items():
        kind = EventKind(name)
        for source_name, transitions in event.transitions.items():
            source = CaseState[source_name]
            branches = []
            for t in transitions:
                routes: list[Route] = []
                guards: list[tuple[str, Guard]] = []
                for cond in t.conditions:
                    func: Any = cond.func
                    if hasattr(func, "route"):
                        routes.append(func.route)
                    else:
                        guards.append(func.guard)
                dest = source if t.dest is None else CaseState[t.dest]
                branches.append(Branch(dest, tuple(routes), tuple(guards)))
            if branches:
                table[(source, kind)] = tuple(branches)
    return table


def mermaid_diagram(definition: Definition = DEFINITION) -> str:
    """The lifecycle as a Mermaid ``stateDiagram-v2`` (流程图), generated from *definition*.

    Events recorded inside a state (extension, remedies, …) are listed in a note on
    that state rather than drawn as loops.
    """
    lines = ["stateDiagram-v2"]
    for spec in definition.states:
        lines.append(f'    state "{spec.label_zh} ({spec.state.value})" as {spec.state.value}')
    lines.append(f"    [*] --> {definition.initial.value}")
    seen: set[tuple[CaseState, CaseState, EventKind]] = set()
    loops: dict[CaseState, list[str]] = {}
    for t in definition.transitions:
        label = f"{t.event.value} {definition.event(t.event).label_zh}"
        if t.dest is t.source:
            names = loops.setdefault(t.source, [])
            if label not in names:
                names.append(label)
            continue
        key = (t.source, t.dest, t.event)
        if key in seen:
            continue
        seen.add(key)
        lines.append(f"    {t.source.value} --> {t.dest.value}: {label}")
    for spec in definition.states:
        if spec.role is StateRole.FINAL:
            lines.append(f"    {spec.state.value} --> [*]")
    for state, names in loops.items():
        lines.append(f"    note right of {state.value}")
        lines.extend(f"        {n}" for n in names)
        lines.append("    end note")
    return "\n".join(lines) + "\n"
