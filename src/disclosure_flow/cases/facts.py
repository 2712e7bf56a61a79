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
from disclosure_flow.cases.outcomes import Outcome, OutcomeKind, OutcomeReason, combine_outcomes
from disclosure_flow.cases.states import EventKind
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
)
from disclosure_flow.clock import (
    ClockEvent,
    Deadline,
    LateActs,
    LegalPeriod,
    PauseReason,
    PeriodKind,
    Policy,
    period_end,
)
from disclosure_flow.errors import LateActError
from disclosure_flow.workdays import WorkdayCalendar

if TYPE_CHECKING:
    pass

_ONE_DAY = _dt.timedelta(days=1)


class _Facts:
    """The case's derived facts (internal; immutable by convention: copied, then folded)."""

    __slots__ = (
        "_end",
        "_rare",
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
        "reply_received",
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
        # rare facts, kept together so that a case's memory stays small
        self._rare: _Rare | None = None
        self.delivered: _dt.date | None = None
        self.reply_received: _dt.date | None = None
        self._end: tuple[EventKind, _dt.date] | None = None
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

    @property
    def ending(self) -> EventKind | None:
        """The event that ended the case without a reply, if any."""
        return None if self._end is None else self._end[0]

    @property
    def ended(self) -> _dt.date | None:
        """The day it ended so."""
        return None if self._end is None else self._end[1]

    @property
    def reopened(self) -> _Reopened | None:
        """What an order to reply anew set, if one did."""
        return None if self._rare is None else self._rare.reopened

    @reopened.setter
    def reopened(self, value: _Reopened | None) -> None:
        self._rare = _Rare(value, self.withdrawn_items)

    @property
    def withdrawn_items(self) -> tuple[tuple[str, _dt.date], ...]:
        """The items withdrawn one by one, with their days."""
        return () if self._rare is None else self._rare.withdrawn_items

    @withdrawn_items.setter
    def withdrawn_items(self, value: tuple[tuple[str, _dt.date], ...]) -> None:
        self._rare = _Rare(self.reopened, value)

    @property
    def act_proceedings(self) -> tuple[Proceeding, ...]:
        """The proceedings about the current act (after an order to reply anew, the new
        reply is a new act)."""
        reopened = self.reopened
        return self.proceedings if reopened is None else self.proceedings[reopened.act_from :]

    @property
    def replies(self) -> tuple[ReplyRecord, ...]:
        """Every reply: those an order replaced, then the one in force."""
        before = () if self.reopened is None else self.reopened.replies
        return before if self.reply is None else (*before, self.reply)

    @property
    def concluded(self) -> tuple[_dt.date, Outcome] | None:
        """The first conclusion: the first reply, or the ending without a reply."""
        if self.reopened is not None and self.reopened.concluded is not None:
            return self.reopened.concluded
        if self.reply is not None:
            return self.reply.day, self.reply.outcome
        if self.ending is not None and self.ended is not None:
            return self.ended, ENDING_OUTCOMES[self.ending]
        return None


class _Rare:
    """The facts few cases have (immutable: replaced, never changed)."""

    __slots__ = ("reopened", "withdrawn_items")

    def __init__(
        self, reopened: _Reopened | None, withdrawn_items: tuple[tuple[str, _dt.date], ...]
    ) -> None:
        self.reopened = reopened
        self.withdrawn_items = withdrawn_items


class _Reopened:
    """What an order to reply anew set (SPEC §11): the new period's start and length, where
    the new act's proceedings begin, the first conclusion and the replies replaced."""

    __slots__ = ("act_from", "concluded", "days", "replies", "start")

    def __init__(
        self,
        start: _dt.date,
        days: int | None,
        act_from: int,
        concluded: tuple[_dt.date, Outcome] | None,
        replies: tuple[ReplyRecord, ...],
    ) -> None:
        self.start = start
        self.days = days
        self.act_from = act_from
        self.concluded = concluded
        self.replies = replies


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
    data = p.payload
    facts.extensions += (
        ExtensionRecord(data["days"], data["approver"], p.day, data.get("notified")),
    )


def _f_request_reasons(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.reasons_requested = p.day


def _f_delayed(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.delayed = DelayedDeadlineRecord(p.payload["due"], p.day, p.payload.get("notified"))


def _f_fee_notice(facts: _Facts, p: _Pending, channel: Channel) -> None:
    data = p.payload
    facts.fee = FeeNotice(p.day, data["amount"], data["method"], data.get("notice_received", p.day))


def _f_payment(facts: _Facts, p: _Pending, channel: Channel) -> None:
    assert facts.fee is not None
    f = facts.fee
    facts.fee = FeeNotice(f.issued, f.amount, f.method, f.notice_received, p.day)


def _f_reply(facts: _Facts, p: _Pending, channel: Channel) -> None:
    data = p.payload
    items = data.get("item_outcomes", ())
    reply = ReplyRecord(
        p.day,
        combine_outcomes(items) if items else data["outcome"],
        data.get("remedies_stated", True),
        data.get("provided_form"),
        data.get("form_reason"),
        data.get("override_notified"),
        items,
    )
    facts.reply = reply


def _f_deliver(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.delivered = p.day
    facts.reply_received = p.payload.get("received")


def _f_withdraw_item(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.withdrawn_items += ((p.payload["item"], p.day),)


def _f_ending(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts._end = (p.event, p.day)


def _f_file_reconsideration(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.proceedings += (Proceeding(RemedyKind.RECONSIDERATION, p.day),)


def _f_file_litigation(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.proceedings += (Proceeding(RemedyKind.LITIGATION, p.day, p.payload["route"]),)


def _f_decide(facts: _Facts, p: _Pending, channel: Channel) -> None:
    data = p.payload
    order = data.get("order")
    kind = (
        RemedyKind.RECONSIDERATION
        if p.event is EventKind.DECIDE_RECONSIDERATION
        else RemedyKind.LITIGATION
    )
    facts.proceedings = tuple(
        Proceeding(x.kind, x.filed, x.route, p.day, data["result"], data.get("received"), order)
        if x.decided is None and x.kind is kind
        else x
        for x in facts.proceedings
    )
    if order is not None:
        # The decision sets a new reply period; the new reply is a new act.
        start = data.get("order_received", p.day)
        concluded, replies = facts.concluded, facts.replies
        facts.reopened = _Reopened(
            start, data.get("order_days"), len(facts.proceedings), concluded, replies
        )
        facts.reply = facts._end = None
        facts.delivered = facts.reply_received = None


#: The outcome of each ending without a reply (table 三（六）).
ENDING_OUTCOMES: dict[EventKind, Outcome] = {
    EventKind.CORRECTION_LAPSED: Outcome(
        OutcomeKind.OTHER_HANDLING, OutcomeReason.CORRECTION_LAPSED
    ),
    EventKind.FEE_LAPSED: Outcome(OutcomeKind.OTHER_HANDLING, OutcomeReason.FEE_LAPSED),
    EventKind.WITHDRAW: Outcome(OutcomeKind.OTHER_HANDLING, OutcomeReason.WITHDRAWN),
}

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
    EventKind.CORRECTION_LAPSED: _f_ending,
    EventKind.FEE_LAPSED: _f_ending,
    EventKind.WITHDRAW: _f_ending,
    EventKind.WITHDRAW_ITEM: _f_withdraw_item,
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


def _period_due(
    kind: PeriodKind, start: _dt.date, case_policy: Policy, calendar: WorkdayCalendar
) -> _dt.date | None:
    if getattr(case_policy, kind.value) is None:
        return None
    return period_end(kind, start, policy=case_policy, calendar=calendar).due


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

    After an order to reply anew, only the events of the new period count (from the day
    it starts), with the new reply.

    A consultation answered by silence (NO_ANSWER) pauses the clock until its answer
    period ran out, not until the day the silence was recorded.
    """
    if facts.reopened is not None:
        return _reopened_events(facts, facts.reopened.start)
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


def _reopened_events(facts: _Facts, start: _dt.date) -> list[ClockEvent]:
    events: list[ClockEvent] = []
    for x in facts.consultations:
        if x.sent >= start:
            events.append(clock.trusted_pause(x.sent, x.answered, x.party.pause_reason))
    fee = facts.fee
    if fee is not None and fee.issued >= start:
        events.append(clock.trusted_pause(fee.issued, fee.paid, PauseReason.FEE))
    for e in facts.extensions:
        if e.granted_on >= start:
            events.append(clock.trusted_extension(e.days, e.approver, e.granted_on))
    if facts.reply is not None:
        events.append(clock.trusted_reply(facts.reply.day))
    return events


def _first_period(facts: _Facts) -> _Facts:
    """The facts of the first reply period, for its findings after an order to reply
    anew: what happened before the new period started, with the first reply."""
    assert facts.reopened is not None
    start = facts.reopened.start
    first = facts.copy()
    first.reopened = None
    replies = facts.replies
    first.reply = replies[0] if replies and replies[0].day < start else None
    first.consultations = tuple(c for c in facts.consultations if c.sent < start)
    first.extensions = tuple(e for e in facts.extensions if e.granted_on < start)
    if facts.fee is not None and facts.fee.issued >= start:
        first.fee = None
    return first


_REREPLY: dict[tuple[Policy, int | None], Policy] = {}


def _rereply_policy(policy: Policy, days: int | None) -> Policy:
    """*policy* with the reply period an order to reply anew set (SPEC §11) — or, where it
    set none, the policy's own reply period [convention]."""
    if days is None:
        return policy
    found = _REREPLY.get((policy, days))
    if found is None:
        period = LegalPeriod.working_days(days, "复议决定或判决确定的期限")
        found = _REREPLY[(policy, days)] = attrs.evolve(policy, reply_period=period)
    return found


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
    day0 = facts.day0
    if facts.reopened is not None:
        day0 = facts.reopened.start
        policy = _rereply_policy(policy, facts.reopened.days)
        note = "收到复议决定或判决（重新答复）"
    # The clock's entry for arguments known to be of the right types (a case checked
    # its policy and calendar; day 0 is a date of its history).
    try:
        return clock.trusted_deadline(day0, events, policy, calendar, note)
    except LateActError:
        return clock.trusted_deadline(day0, events, _recording(policy), calendar, note)
