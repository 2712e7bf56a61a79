"""A case's facts (案件事实): what its history says so far, and what the clock makes of it.

The derived facts (received, day 0, correction, consultations, extensions, fee, reply,
proceedings…) folded event by event, the event being applied (:class:`_Pending`), the
one bridge from facts to clock events and the reply deadline (:func:`_compute`), and
the shorter periods running in a state (子期限).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from disclosure_flow import clock
from disclosure_flow.cases.channels import Channel
from disclosure_flow.cases.states import CaseState, EventKind
from disclosure_flow.cases.values import (
    Consultation,
    ConsultationAnswer,
    ConsultedParty,
    CorrectionRecord,
    DelayedDeadlineRecord,
    ExtensionRecord,
    FeeNotice,
    Proceeding,
    RemedyKind,
    ReplyRecord,
    SubDeadline,
    SubDeadlineKind,
)
from disclosure_flow.clock import (
    ClockEvent,
    Deadline,
    LateActs,
    PauseReason,
    PeriodEnd,
    PeriodKind,
    Policy,
    period_end,
)
from disclosure_flow.errors import ClockError, DisclosureFlowError, LateActError
from disclosure_flow.workdays import WorkdayCalendar

if TYPE_CHECKING:
    from disclosure_flow.cases.case import Case


class _Facts:
    """The case's derived facts (internal; immutable by convention: copied, then folded)."""

    __slots__ = (
        "consultations",
        "correction",
        "day0",
        "delayed",
        "delivered",
        "extensions",
        "fee",
        "proceedings",
        "reasons_requested",
        "received",
        "reply",
        "restart",
    )

    def __init__(self) -> None:
        self.received: _dt.date | None = None
        self.day0: _dt.date | None = None
        self.restart: _dt.date | None = None
        self.correction: CorrectionRecord | None = None
        self.consultations: tuple[Consultation, ...] = ()
        self.extensions: tuple[ExtensionRecord, ...] = ()
        self.reasons_requested: _dt.date | None = None
        self.delayed: DelayedDeadlineRecord | None = None
        self.fee: FeeNotice | None = None
        self.reply: ReplyRecord | None = None
        self.delivered: _dt.date | None = None
        self.proceedings: tuple[Proceeding, ...] = ()

    def copy(self) -> _Facts:
        new = _Facts.__new__(_Facts)
        for name in _Facts.__slots__:
            setattr(new, name, getattr(self, name))
        return new

    @property
    def start(self) -> _dt.date | None:
        """The current day 0 of the reply period (after a correction: its receipt)."""
        return self.restart if self.restart is not None else self.day0

    def open_consultation(self, consultee: object) -> Consultation | None:
        for c in self.consultations:
            if c.consultee == consultee and c.answer is None:
                return c
        return None

    def pending_proceeding(self) -> Proceeding | None:
        for p in self.proceedings:
            if p.decided is None:
                return p
        return None


class _Pending:
    """An event being applied: what the guards see."""

    __slots__ = ("day", "event", "payload")

    def __init__(self, event: EventKind, day: _dt.date, payload: Mapping[str, Any]) -> None:
        self.event = event
        self.day = day
        self.payload = payload


def _f_register(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.received = p.day
    if not channel.needs_confirmation:
        facts.day0 = p.day


def _f_confirm(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.day0 = p.day


def _f_notify_correction(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.correction = CorrectionRecord(p.day, p.payload["items"], p.payload["due"])


def _f_receive_correction(facts: _Facts, p: _Pending, channel: Channel) -> None:
    assert facts.correction is not None
    c = facts.correction
    facts.correction = CorrectionRecord(c.issued, c.items, c.due, p.day)
    facts.restart = p.day


def _f_consult(facts: _Facts, p: _Pending, channel: Channel) -> None:
    data = p.payload
    received = data.get("letter_received", p.day)
    facts.consultations += (Consultation(data["party"], data["consultee"], p.day, received),)


def _f_answer(facts: _Facts, p: _Pending, channel: Channel) -> None:
    data = p.payload
    name = data["consultee"]
    # A plain loop (no generator): this runs for every answer of every restored case.
    updated = []
    for c in facts.consultations:
        if c.consultee == name and c.answer is None:
            c = Consultation(
                c.party,
                c.consultee,
                c.sent,
                c.letter_received,
                p.day,
                data["answer"],
                data.get("reasons"),
            )
        updated.append(c)
    facts.consultations = tuple(updated)


def _f_extend(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.extensions += (ExtensionRecord(p.payload["days"], p.payload["approver"], p.day),)


def _f_request_reasons(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.reasons_requested = p.day


def _f_delayed(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.delayed = DelayedDeadlineRecord(p.payload["due"], p.day)


def _f_fee_notice(facts: _Facts, p: _Pending, channel: Channel) -> None:
    data = p.payload
    facts.fee = FeeNotice(p.day, data["amount"], data["method"], data.get("notice_received", p.day))


def _f_payment(facts: _Facts, p: _Pending, channel: Channel) -> None:
    assert facts.fee is not None
    f = facts.fee
    facts.fee = FeeNotice(f.issued, f.amount, f.method, f.notice_received, p.day)


def _f_reply(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.reply = ReplyRecord(p.day, p.payload["outcome"])


def _f_deliver(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.delivered = p.day


def _f_file_reconsideration(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.proceedings += (Proceeding(RemedyKind.RECONSIDERATION, p.day),)


def _f_file_litigation(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.proceedings += (Proceeding(RemedyKind.LITIGATION, p.day, p.payload["route"]),)


def _f_decide(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.proceedings = tuple(
        Proceeding(x.kind, x.filed, x.route, p.day, p.payload["result"]) if x.decided is None else x
        for x in facts.proceedings
    )


#: What each event changes in the facts; events absent here change only the state.
_FOLDS: dict[EventKind, Callable[[_Facts, _Pending, Channel], None]] = {
    EventKind.REGISTER: _f_register,
    EventKind.CONFIRM_RECEIPT: _f_confirm,
    EventKind.NOTIFY_CORRECTION: _f_notify_correction,
    EventKind.RECEIVE_CORRECTION: _f_receive_correction,
    EventKind.CONSULT: _f_consult,
    EventKind.RECEIVE_CONSULTATION_ANSWER: _f_answer,
    EventKind.EXTEND: _f_extend,
    EventKind.REQUEST_REASONS: _f_request_reasons,
    EventKind.SET_DELAYED_DEADLINE: _f_delayed,
    EventKind.ISSUE_FEE_NOTICE: _f_fee_notice,
    EventKind.RECEIVE_PAYMENT: _f_payment,
    EventKind.REPLY: _f_reply,
    EventKind.DELIVER: _f_deliver,
    EventKind.FILE_RECONSIDERATION: _f_file_reconsideration,
    EventKind.FILE_LITIGATION: _f_file_litigation,
    EventKind.DECIDE_RECONSIDERATION: _f_decide,
    EventKind.DECIDE_LITIGATION: _f_decide,
}


def _fold(facts: _Facts, p: _Pending, channel: Channel) -> None:
    """Record the consequences of event *p* in *facts* (in place)."""
    fold = _FOLDS.get(p.event)
    if fold is not None:
        fold(facts, p, channel)


# ---------------------------------------------------------------------------
# The clock: the one place where a case's history becomes clock events.


def _period_end(
    kind: PeriodKind, start: _dt.date, policy: Policy, calendar: WorkdayCalendar
) -> PeriodEnd:
    """:func:`~disclosure_flow.clock.period_end`, with a period that would end after the
    last date Python can hold (9999-12-31) refused as a :class:`ClockError`: stored
    dates may be that far off."""
    try:
        return period_end(kind, start, policy=policy, calendar=calendar)
    except (OverflowError, ValueError) as error:
        if isinstance(error, DisclosureFlowError):
            raise
        raise ClockError(
            f"{kind.value} start", start, "a start whose period ends by 9999-12-31"
        ) from None


def _period_due(
    kind: PeriodKind, start: _dt.date, case_policy: Policy, calendar: WorkdayCalendar
) -> _dt.date | None:
    if getattr(case_policy, kind.value) is None:
        return None
    return _period_end(kind, start, case_policy, calendar).due


def _answer_kind(c: Consultation) -> PeriodKind:
    if c.party is ConsultedParty.THIRD_PARTY:
        return PeriodKind.THIRD_PARTY_ANSWER
    return PeriodKind.INTER_AGENCY_ANSWER


def _answer_due(c: Consultation, policy: Policy, calendar: WorkdayCalendar) -> _dt.date | None:
    return _period_due(_answer_kind(c), c.letter_received, policy, calendar)


def _payment_due(fee: FeeNotice, policy: Policy, calendar: WorkdayCalendar) -> _dt.date | None:
    return _period_due(PeriodKind.FEE_PAYMENT, fee.notice_received, policy, calendar)


def _clock_events(facts: _Facts, policy: Policy, calendar: WorkdayCalendar) -> list[ClockEvent]:
    """The clock events the history implies: correction notice and restart, one pause
    per consultation and fee notice, extensions, the Art. 35 deadline, the reply.

    A consultation answered by silence (NO_ANSWER) pauses the clock until its answer
    period ran out, not until the day the silence was recorded.
    """
    events: list[ClockEvent] = []
    c = facts.correction
    if c is not None:
        events.append(clock.CorrectionNotice(c.issued))
        if c.received is not None:
            events.append(clock.Restart(c.received))
    for x in facts.consultations:
        end = x.answered
        if x.answer is ConsultationAnswer.NO_ANSWER and end is not None:
            due = _answer_due(x, policy, calendar)
            if due is not None:
                end = min(end, due)
        events.append(clock.trusted_pause(x.sent, end, x.party.pause_reason))
    fee = facts.fee
    if fee is not None:
        events.append(clock.trusted_pause(fee.issued, fee.paid, PauseReason.FEE))
    for e in facts.extensions:
        events.append(clock.trusted_extension(e.days, e.approver, e.granted_on))
    d = facts.delayed
    if d is not None:
        events.append(clock.DelayedDeadline(d.due, d.set_on))
    if facts.reply is not None:
        events.append(clock.trusted_reply(facts.reply.day))
    return events


_RECORDING: dict[Policy, Policy] = {}


def _recording(policy: Policy) -> Policy:
    """*policy* with late acts recorded (recorded history is a fact, not a request)."""
    if policy.late_acts is LateActs.RECORD:
        return policy
    found = _RECORDING.get(policy)
    if found is None:
        found = _RECORDING[policy] = attrs.evolve(policy, late_acts=LateActs.RECORD)
    return found


def _compute(
    facts: _Facts,
    policy: Policy,
    calendar: WorkdayCalendar,
    extra: ClockEvent | None = None,
    *,
    note: str = "",
) -> Deadline:
    """The clock's deadline for *facts* (plus an *extra* prospective event).

    Computed under *policy*; if a recorded act turns out late (possible after a
    calendar change), under the same policy with late acts recorded as findings.
    """
    assert facts.day0 is not None
    events = _clock_events(facts, policy, calendar)
    if extra is not None:
        events.append(extra)
    # The clock's entry for arguments known to be of the right types (a case checked
    # its policy and calendar; day 0 is a date of its history).
    try:
        return clock.trusted_deadline(facts.day0, events, policy, calendar, note)
    except LateActError:
        return clock.trusted_deadline(facts.day0, events, _recording(policy), calendar, note)


def _sub_deadlines(case: Case) -> tuple[SubDeadline, ...]:
    facts, policy, calendar, state = case._facts, case._policy, case._calendar, case._state
    found: list[SubDeadline] = []

    def add(
        kind: SubDeadlineKind, period: PeriodKind, start: _dt.date, about: str | None = None
    ) -> None:
        if getattr(policy, period.value) is not None:
            end = _period_end(period, start, policy, calendar)
            found.append(SubDeadline(kind, end.due, about, end))

    if state in (CaseState.REGISTERED, CaseState.UNDER_REVIEW) and facts.correction is None:
        assert facts.day0 is not None
        add(SubDeadlineKind.CORRECTION_NOTICE, PeriodKind.CORRECTION_NOTICE, facts.day0)
    elif state is CaseState.AWAITING_CORRECTION:
        assert facts.correction is not None
        found.append(SubDeadline(SubDeadlineKind.CORRECTION, facts.correction.due))
    elif state is CaseState.CONSULTING:
        for c in facts.consultations:
            if c.is_open:
                kind = (
                    SubDeadlineKind.THIRD_PARTY_ANSWER
                    if c.party is ConsultedParty.THIRD_PARTY
                    else SubDeadlineKind.INTER_AGENCY_ANSWER
                )
                add(kind, _answer_kind(c), c.letter_received, c.consultee)
    elif state is CaseState.AWAITING_PAYMENT:
        assert facts.fee is not None
        add(SubDeadlineKind.FEE_PAYMENT, PeriodKind.FEE_PAYMENT, facts.fee.notice_received)
    elif state is CaseState.DELIVERED:
        assert facts.delivered is not None
        add(SubDeadlineKind.RECONSIDERATION, PeriodKind.RECONSIDERATION, facts.delivered)
        add(SubDeadlineKind.LITIGATION, PeriodKind.LITIGATION, facts.delivered)
    return tuple(found)
