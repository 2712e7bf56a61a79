"""The case lifecycle as data (办理流程): states, events, transitions and guards by name.

This module holds the ONE definition of the legal graph (SPEC §5), in the shape that
:mod:`~disclosure_flow.cases.definition` gives, over the states and events of
:mod:`~disclosure_flow.cases.states`. Everything else is generated from it:

- the process-wide ``transitions`` machine
  (:func:`~disclosure_flow.cases.machine.build_machine`): one flat
  ``Machine(model=None, initial=None, auto_transitions=False, send_event=True)``,
  never ``add_model``;
- the dispatch table that :class:`~disclosure_flow.cases.Case` uses to apply events
  fast (:func:`~disclosure_flow.cases.dispatch.compile_table`), compiled *from the
  machine's own transitions*;
- the Mermaid diagram (:func:`mermaid_diagram`, here);
- the exhaustive state × event tests.

The definition is validated when it is built
(:meth:`~disclosure_flow.cases.definition.Definition.validate`): exactly one initial
state, every state reachable, no transition out of a final state, every state able to
come to rest (a closed or final state), no unknown guard, no shadowed branch.

>>> from disclosure_flow.cases import DEFINITION, CaseState, EventKind
>>> DEFINITION.initial
<CaseState.NEW: 'new'>
>>> sorted(e.value for e in DEFINITION.allowed_events(CaseState.ARCHIVED))
['file_litigation', 'file_reconsideration']
>>> CaseState.WAITING.label_zh
'暂停计时（等待意见或缴费）'
"""

from __future__ import annotations

from disclosure_flow.cases.definition import (
    Definition,
    EventSpec,
    StateRole,
    StateSpec,
    TransitionSpec,
)
from disclosure_flow.cases.states import _OPEN_STATES, CaseState, EventKind

__all__ = ["DEFINITION", "mermaid_diagram"]


# ---------------------------------------------------------------------------
# The definition (SPEC §5). Guard names are implemented in disclosure_flow.cases.case.

S = CaseState
E = EventKind

_STATES = (
    StateSpec(S.NEW, "新建", StateRole.INITIAL),
    StateSpec(S.AWAITING_CONFIRMATION, "待确认收到"),
    StateSpec(S.REGISTERED, "已登记"),
    StateSpec(S.UNDER_REVIEW, "审核中"),
    StateSpec(S.AWAITING_CORRECTION, "待补正"),
    StateSpec(S.PROCESSING, "办理中"),
    StateSpec(S.WAITING, "暂停计时（等待意见或缴费）"),
    StateSpec(S.REPLIED, "已答复"),
    StateSpec(S.DELIVERED, "已送达"),
    StateSpec(S.ABANDONED_NO_CORRECTION, "视为放弃申请（逾期未补正）"),
    StateSpec(S.ABANDONED_NO_PAYMENT, "不再处理（逾期未缴费）"),
    StateSpec(S.WITHDRAWN, "已撤回"),
    StateSpec(S.ARCHIVED, "已归档", StateRole.CLOSED),
    StateSpec(S.IN_PROCEEDING, "复议、诉讼中"),
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
    EventSpec(E.WITHDRAW_ITEM, "撤回部分申请内容", "Art. 36"),
    EventSpec(E.FILE_RECONSIDERATION, "申请行政复议", "Art. 51"),
    EventSpec(E.DECIDE_RECONSIDERATION, "行政复议决定", "Art. 51"),
    EventSpec(E.FILE_LITIGATION, "提起行政诉讼", "Art. 51"),
    EventSpec(E.DECIDE_LITIGATION, "行政诉讼裁判", "Art. 51"),
)

#: Where the reply clock runs (an extension may be granted).
_CLOCK_RUNS = (S.REGISTERED, S.UNDER_REVIEW, S.PROCESSING, S.WAITING)
#: Open states in which a correction notice may still go out (Art. 30: within its 7
#: working days of day 0 — a guard — and only once).
_CORRECTABLE = (S.REGISTERED, S.UNDER_REVIEW, S.PROCESSING, S.WAITING)
#: Where a wait (consultation, fee notice) may begin: the clock pauses in WAITING.
_WAIT_FROM = (S.PROCESSING, S.WAITING)
_WITHDRAWABLE = tuple(sorted(_OPEN_STATES, key=lambda s: [x.state for x in _STATES].index(s)))
#: Acts open to remedies before the file is archived: the reply, and the endings that
#: are acts of the agency (视为放弃, 不再处理; SPEC §11).
_REMEDIABLE = (S.REPLIED, S.DELIVERED, S.ABANDONED_NO_CORRECTION, S.ABANDONED_NO_PAYMENT)
#: Open states in which the reply period can run out (a remedy against inaction).
_INACTION = (S.REGISTERED, S.UNDER_REVIEW, S.PROCESSING)
#: Every ending is archived (Art. 45).
_ENDINGS = (S.DELIVERED, S.ABANDONED_NO_CORRECTION, S.ABANDONED_NO_PAYMENT, S.WITHDRAWN)
_EXTEND_GUARDS = (
    "notice_in_order",
    "approver_named",
    "extension_positive",
    "extension_within_cap",
    "extension_in_time",
)
_CORRECTION_GUARDS = (
    "correction_once_only",
    "correction_items_stated",
    "correction_period_given",
    "correction_notice_in_time",
)
_CONSULT_GUARDS = ("consultee_named", "consultee_not_already_consulted", "letter_received_in_order")
_FEE_GUARDS = (
    "fee_notice_once",
    "fee_amount_positive",
    "letter_received_in_order",
    "fee_notice_in_time",
)
_ANSWER_GUARDS = ("consultation_open", "answer_reasons_given", "silence_after_period")


def _filing(
    source: CaseState, dest: CaseState, *, first: tuple[str, ...] = ()
) -> tuple[TransitionSpec, ...]:
    """Filing a reconsideration or a suit in *source*: one proceeding at a time, one the
    law admits (SPEC §11), within its period; *first*: guards checked before those."""
    return (
        TransitionSpec(
            EventKind.FILE_RECONSIDERATION,
            source,
            dest,
            guards=(
                *first,
                "no_proceeding_pending",
                "reconsideration_admissible",
                "remedy_in_time",
            ),
        ),
        TransitionSpec(
            EventKind.FILE_LITIGATION,
            source,
            dest,
            guards=(
                *first,
                "suit_may_be_filed",
                "litigation_route_consistent",
                "suit_admissible",
                "remedy_in_time",
            ),
        ),
    )


def _deciding(source: CaseState, dest: CaseState) -> tuple[TransitionSpec, ...]:
    """The decision of a proceeding pending in *source*: an order to reply anew re-opens
    the case for a new reply (SPEC §11); with another proceeding still pending the case
    stays; any other decision leads to *dest*."""
    found = []
    for event, pending in (
        (EventKind.DECIDE_RECONSIDERATION, "reconsideration_pending"),
        (EventKind.DECIDE_LITIGATION, "litigation_pending"),
    ):
        guards = (pending, "decision_result_final", "order_consistent")
        if source not in _INACTION:
            found.append(
                TransitionSpec(
                    event, source, CaseState.PROCESSING, when=("orders_new_reply",), guards=guards
                )
            )
        if dest is not source:
            found.append(
                TransitionSpec(
                    event, source, source, when=("other_proceeding_pending",), guards=guards
                )
            )
        found.append(TransitionSpec(event, source, dest, guards=guards))
    return tuple(found)


_TRANSITIONS = (
    TransitionSpec(
        E.REGISTER, S.NEW, S.AWAITING_CONFIRMATION, when=("receipt_needs_confirmation",)
    ),
    TransitionSpec(E.REGISTER, S.NEW, S.REGISTERED),
    TransitionSpec(E.CONFIRM_RECEIPT, S.AWAITING_CONFIRMATION, S.REGISTERED),
    TransitionSpec(E.START_REVIEW, S.REGISTERED, S.UNDER_REVIEW),
    *(
        TransitionSpec(E.NOTIFY_CORRECTION, s, S.AWAITING_CORRECTION, guards=_CORRECTION_GUARDS)
        for s in _CORRECTABLE
    ),
    # A wait that began before the notice may still run when the corrected application
    # arrives: the case then goes on waiting.
    TransitionSpec(E.RECEIVE_CORRECTION, S.AWAITING_CORRECTION, S.WAITING, when=("waits_running",)),
    TransitionSpec(E.RECEIVE_CORRECTION, S.AWAITING_CORRECTION, S.UNDER_REVIEW),
    TransitionSpec(
        E.CORRECTION_LAPSED,
        S.AWAITING_CORRECTION,
        S.ABANDONED_NO_CORRECTION,
        guards=("correction_period_over",),
    ),
    TransitionSpec(E.START_PROCESSING, S.UNDER_REVIEW, S.PROCESSING),
    # Waits overlap: consultations and the fee notice run side by side in WAITING.
    *(TransitionSpec(E.CONSULT, s, S.WAITING, guards=_CONSULT_GUARDS) for s in _WAIT_FROM),
    *(TransitionSpec(E.ISSUE_FEE_NOTICE, s, S.WAITING, guards=_FEE_GUARDS) for s in _WAIT_FROM),
    TransitionSpec(
        E.RECEIVE_CONSULTATION_ANSWER,
        S.WAITING,
        S.WAITING,
        when=("other_waits_running",),
        guards=_ANSWER_GUARDS,
    ),
    TransitionSpec(E.RECEIVE_CONSULTATION_ANSWER, S.WAITING, S.PROCESSING, guards=_ANSWER_GUARDS),
    TransitionSpec(
        E.RECEIVE_CONSULTATION_ANSWER,
        S.AWAITING_CORRECTION,
        S.AWAITING_CORRECTION,
        guards=_ANSWER_GUARDS,
    ),
    TransitionSpec(
        E.RECEIVE_PAYMENT,
        S.WAITING,
        S.WAITING,
        when=("other_waits_running",),
        guards=("payment_awaited", "payment_in_time"),
    ),
    TransitionSpec(
        E.RECEIVE_PAYMENT, S.WAITING, S.PROCESSING, guards=("payment_awaited", "payment_in_time")
    ),
    TransitionSpec(
        E.FEE_LAPSED,
        S.WAITING,
        S.ABANDONED_NO_PAYMENT,
        guards=("payment_awaited", "payment_period_over"),
    ),
    *(TransitionSpec(E.EXTEND, s, s, guards=_EXTEND_GUARDS) for s in _CLOCK_RUNS),
    *(TransitionSpec(E.REQUEST_REASONS, s, s) for s in (S.UNDER_REVIEW, S.PROCESSING)),
    *(
        TransitionSpec(
            E.SET_DELAYED_DEADLINE,
            s,
            s,
            guards=(
                "notice_in_order",
                "reasons_requested",
                "delayed_due_after_setting",
                "delayed_due_later",
                "delayed_deadline_in_time",
            ),
        )
        for s in (S.UNDER_REVIEW, S.PROCESSING)
    ),
    TransitionSpec(
        E.REPLY,
        S.REGISTERED,
        S.REPLIED,
        guards=("on_the_spot", "outcome_given", "outcome_valid", "form_change_explained"),
    ),
    *(
        TransitionSpec(
            E.REPLY,
            s,
            S.REPLIED,
            guards=("outcome_given", "outcome_valid", "form_change_explained"),
        )
        for s in (S.UNDER_REVIEW, S.PROCESSING)
    ),
    TransitionSpec(E.DELIVER, S.REPLIED, S.DELIVERED, guards=("receipt_in_order",)),
    *(TransitionSpec(E.WITHDRAW, s, S.WITHDRAWN) for s in _WITHDRAWABLE),
    *(TransitionSpec(E.WITHDRAW_ITEM, s, s, guards=("item_withdrawable",)) for s in _WITHDRAWABLE),
    *(
        TransitionSpec(E.ARCHIVE, s, S.ARCHIVED, guards=("no_proceeding_pending",))
        for s in _ENDINGS
    ),
    *(t for s in _REMEDIABLE for t in (*_filing(s, s), *_deciding(s, s))),
    # An archived file re-opens for a proceeding filed in time, and returns to the archive
    # when it is decided (the next proceeding, e.g. a suit after reconsideration, re-opens
    # it again).
    *_filing(S.ARCHIVED, S.IN_PROCEEDING),
    *_deciding(S.IN_PROCEEDING, S.ARCHIVED),
    # a suit when the reconsideration body let its time limit pass (行政诉讼法 Art. 45)
    _filing(S.IN_PROCEEDING, S.IN_PROCEEDING)[1],
    # Remedies against inaction (不作为): no reply when the reply period ran out; the
    # request stays open and may still be answered.
    *(t for s in _INACTION for t in (*_filing(s, s, first=("reply_overdue",)), *_deciding(s, s))),
)

#: The lifecycle (办理流程) of SPEC §5, validated for shape when the module loads; the
#: guard names are checked against their implementations when the machine is built.
DEFINITION = Definition(_STATES, _EVENTS, _TRANSITIONS).validate()

del S, E


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
        if spec.role in (StateRole.CLOSED, StateRole.FINAL):
            lines.append(f"    {spec.state.value} --> [*]")
    for state, names in loops.items():
        lines.append(f"    note right of {state.value}")
        lines.extend(f"        {n}" for n in names)
        lines.append("    end note")
    return "\n".join(lines) + "\n"
