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
from disclosure_flow.cases.states import CaseState, EventKind
from disclosure_flow.cases.values import (
    Consultation,
    ConsultationAnswer,
    ConsultedParty,
    CorrectionRecord,
    DelayedDeadlineRecord,
    ExtensionRecord,
    FeeNotice,
    LitigationRoute,
    Proceeding,
    RemedyKind,
    ReplyRecord,
    SubDeadline,
    SubDeadlineKind,
)
from disclosure_flow.clock import (
    RECONSIDERATION_FIRST_FROM,
    ClockEvent,
    Deadline,
    Finding,
    FindingRule,
    LateActs,
    LegalPeriod,
    PauseReason,
    PeriodKind,
    Policy,
    period_counted,
    period_end,
)
from disclosure_flow.errors import LateActError
from disclosure_flow.workdays import WorkdayCalendar

if TYPE_CHECKING:
    from disclosure_flow.cases.case import Case

_ONE_DAY = _dt.timedelta(days=1)


class _Facts:
    """The case's derived facts (internal; immutable by convention: copied, then folded)."""

    __slots__ = (
        "act_from",
        "concluded",
        "consultations",
        "correction",
        "day0",
        "delayed",
        "delivered",
        "ended",
        "ending",
        "extensions",
        "fee",
        "proceedings",
        "reasons_requested",
        "received",
        "reopened",
        "replies",
        "reply",
        "reply_received",
        "restart",
        "withdrawn_items",
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
        self.replies: tuple[ReplyRecord, ...] = ()
        self.concluded: tuple[_dt.date, Outcome] | None = None
        self.reopened: tuple[_dt.date, int | None] | None = None
        self.act_from = 0
        self.withdrawn_items: tuple[tuple[str, _dt.date], ...] = ()
        self.delivered: _dt.date | None = None
        self.reply_received: _dt.date | None = None
        self.ending: EventKind | None = None
        self.ended: _dt.date | None = None
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
    def act_proceedings(self) -> tuple[Proceeding, ...]:
        """The proceedings about the current act (after an order to reply anew, the new
        reply is a new act)."""
        return self.proceedings[self.act_from :] if self.act_from else self.proceedings


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
    facts.replies += (reply,)
    if facts.concluded is None:
        facts.concluded = (p.day, reply.outcome)


def _f_deliver(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.delivered = p.day
    facts.reply_received = p.payload.get("received")


def _f_withdraw_item(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.withdrawn_items += ((p.payload["item"], p.day),)


def _f_ending(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.ending = p.event
    facts.ended = p.day
    if facts.concluded is None:
        facts.concluded = (p.day, ENDING_OUTCOMES[p.event])


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
        facts.reopened = (data.get("order_received", p.day), data.get("order_days"))
        facts.act_from = len(facts.proceedings)
        facts.reply = facts.ending = facts.ended = None
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
        return _reopened_events(facts, facts.reopened[0])
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
    start = facts.reopened[0]
    first = facts.copy()
    first.reopened = None
    first.reply = facts.replies[0] if facts.replies and facts.replies[0].day < start else None
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
        day0 = facts.reopened[0]
        policy = _rereply_policy(policy, facts.reopened[1])
        note = "收到复议决定或判决（重新答复）"
    # The clock's entry for arguments known to be of the right types (a case checked
    # its policy and calendar; day 0 is a date of its history).
    try:
        return clock.trusted_deadline(day0, events, policy, calendar, note)
    except LateActError:
        return clock.trusted_deadline(day0, events, _recording(policy), calendar, note)


def _sub_deadlines(case: Case) -> tuple[SubDeadline, ...]:
    facts, policy, calendar, state = case._facts, case._policy, case._calendar, case._state
    found: list[SubDeadline] = []

    def add(
        kind: SubDeadlineKind, period: PeriodKind, start: _dt.date, about: str | None = None
    ) -> None:
        if getattr(policy, period.value) is not None:
            end = period_end(period, start, policy=policy, calendar=calendar)
            found.append(SubDeadline(kind, end.due, about, end))

    if state in _CORRECTION_OPEN and facts.correction is None:
        assert facts.day0 is not None
        add(SubDeadlineKind.CORRECTION_NOTICE, PeriodKind.CORRECTION_NOTICE, facts.day0)
    elif state is CaseState.AWAITING_CORRECTION:
        assert facts.correction is not None
        found.append(SubDeadline(SubDeadlineKind.CORRECTION, facts.correction.due))
    if state in _WAITS_SHOWN:
        # Waits overlap: every consultation still open and an unpaid fee notice.
        for c in facts.consultations:
            if c.is_open:
                kind = (
                    SubDeadlineKind.THIRD_PARTY_ANSWER
                    if c.party is ConsultedParty.THIRD_PARTY
                    else SubDeadlineKind.INTER_AGENCY_ANSWER
                )
                add(kind, _answer_kind(c), c.letter_received, c.consultee)
        fee = facts.fee
        if fee is not None and fee.paid is None:
            add(SubDeadlineKind.FEE_PAYMENT, PeriodKind.FEE_PAYMENT, fee.notice_received)
    if state in _AT_REST:
        found.extend(_remedy_windows(facts, policy, calendar))
    return tuple(found)


#: States in which the correction notice's period is shown: before processing starts,
#: where the application's completeness is judged (a notice may still go out later,
#: within the same period).
_CORRECTION_OPEN = frozenset({CaseState.REGISTERED, CaseState.UNDER_REVIEW})
#: States in which the remedy windows against the act are shown: a delivered reply, an
#: ending without a reply (an act of the agency), the archive.
_AT_REST = frozenset(
    {
        CaseState.DELIVERED,
        CaseState.ABANDONED_NO_CORRECTION,
        CaseState.ABANDONED_NO_PAYMENT,
        CaseState.ARCHIVED,
        CaseState.IN_PROCEEDING,
    }
)
#: States in which running waits (consultations, a fee notice) have answer periods.
_WAITS_SHOWN = frozenset({CaseState.WAITING, CaseState.AWAITING_CORRECTION})


# ---------------------------------------------------------------------------
# Remedies (SPEC §11): the act they are against, the day the applicant knew of it, and
# the windows that follow.


def _knowing(facts: _Facts) -> _dt.date | None:
    """The day the applicant knew of the act open to remedies (知道该行政行为之日): the
    reply's receipt, or its dispatch when no receipt was recorded [convention]; for an
    ending without a reply (视为放弃, 不再处理), its day [convention]. ``None`` before a
    reply is delivered, or when the case ended by withdrawal (not an act of the agency).
    """
    if facts.reply is not None:
        if facts.delivered is None:
            return None
        return facts.reply_received if facts.reply_received is not None else facts.delivered
    if facts.ending in (EventKind.CORRECTION_LAPSED, EventKind.FEE_LAPSED):
        return facts.ended
    return None


def _reconsideration_first(facts: _Facts) -> bool:
    """复议前置 (行政复议法 2023 Art. 23 ¶1(4)): the act is a 不予公开 reply made on or after
    2024-01-01, so the applicant must apply for reconsideration before suing."""
    reply = facts.reply
    return (
        reply is not None
        and reply.outcome.kind is OutcomeKind.WITHHELD
        and reply.day >= RECONSIDERATION_FIRST_FROM
    )


def _window(
    kind: SubDeadlineKind,
    period: PeriodKind,
    start: _dt.date,
    policy: Policy,
    calendar: WorkdayCalendar,
    about: str | None = None,
) -> SubDeadline:
    end = period_end(period, start, policy=policy, calendar=calendar)
    return SubDeadline(kind, end.due, about, end)


_Plan = tuple[SubDeadlineKind, PeriodKind, _dt.date, "str | None"]


def _decision_limit(reconsideration: Proceeding, policy: Policy) -> _dt.date:
    """The last day of the reconsideration body's time limit (行政复议法 2023 Art. 62),
    counted in days from the filing [convention: not moved off a day off]."""
    return period_counted(PeriodKind.RECONSIDERATION_DECISION, reconsideration.filed, policy=policy)


def _remedy_plan(
    facts: _Facts, inaction_from: _dt.date | None = None, policy: Policy | None = None
) -> list[_Plan]:
    """The remedy windows open now, as ``(kind, period, start, about)`` — without the
    calendar: none while a proceeding is pending or once a suit was filed; a suit's 15
    days after a reconsideration decision; else the reconsideration period (one year at
    most when the reply did not state the remedies) and the litigation period (none
    under 复议前置). *inaction_from*: the expiry of the reply period, for remedies against
    inaction (不作为; 行政复议法实施条例 Art. 16, 法释〔2018〕1号 Art. 66) when no act is
    known."""
    proceedings = facts.act_proceedings
    if any(x.kind is RemedyKind.LITIGATION for x in proceedings):
        return []
    if proceedings:  # a reconsideration, decided or pending
        last = proceedings[-1]
        if last.decided is not None:
            start = last.decision_received or last.decided
            about = None
        elif policy is None:
            return []
        else:
            # the body decided nothing within its time limit: a suit within 15 days of it
            start = _decision_limit(last, policy)
            about = "复议机关逾期未作决定"
        return [
            (
                SubDeadlineKind.LITIGATION_AFTER_RECONSIDERATION,
                PeriodKind.LITIGATION_AFTER_RECONSIDERATION,
                start,
                about,
            )
        ]
    knowing = _knowing(facts)
    about = None
    if knowing is None:
        if inaction_from is None:
            return []
        knowing, about = inaction_from, "不作为（逾期未答复）"
    plan: list[_Plan] = []
    reply = facts.reply
    if reply is not None and not reply.remedies_stated:
        about_cap = "答复未告知救济途径：自知道救济途径之日起六十日，最长一年"
        plan.append(
            (SubDeadlineKind.RECONSIDERATION, PeriodKind.RECONSIDERATION_CAP, knowing, about_cap)
        )
    else:
        plan.append((SubDeadlineKind.RECONSIDERATION, PeriodKind.RECONSIDERATION, knowing, about))
    if not _reconsideration_first(facts):
        plan.append((SubDeadlineKind.LITIGATION, PeriodKind.LITIGATION, knowing, about))
    return plan


def _remedy_windows(
    facts: _Facts,
    policy: Policy,
    calendar: WorkdayCalendar,
    *,
    inaction_from: _dt.date | None = None,
) -> tuple[SubDeadline, ...]:
    """The remedy windows open now (救济期限), computed: see :func:`_remedy_plan`."""
    return tuple(
        _window(kind, period, start, policy, calendar, about)
        for kind, period, start, about in _remedy_plan(facts, inaction_from, policy)
    )


def _late_remedy(
    facts: _Facts,
    policy: Policy,
    calendar: WorkdayCalendar,
    wanted: SubDeadlineKind,
    day: _dt.date,
    inaction_from: _dt.date | None,
) -> SubDeadline | None:
    """The window of kind *wanted* if a proceeding filed on *day* comes after it ended,
    else ``None``. An act on or before the day the period reaches is in time whatever
    the calendar says, so only a later one asks the calendar (which may move the last
    day off a day off)."""
    for kind, period, start, about in _remedy_plan(facts, inaction_from, policy):
        if kind is not wanted or day <= period_counted(period, start, policy=policy):
            continue
        window = _window(kind, period, start, policy, calendar, about)
        if day > window.due:
            return window
    return None


def _remedy_kind_of(x: Proceeding) -> SubDeadlineKind:
    if x.kind is RemedyKind.RECONSIDERATION:
        return SubDeadlineKind.RECONSIDERATION
    if x.route is LitigationRoute.AFTER_RECONSIDERATION:
        return SubDeadlineKind.LITIGATION_AFTER_RECONSIDERATION
    return SubDeadlineKind.LITIGATION


_REMEDY_FINDING = {
    SubDeadlineKind.RECONSIDERATION: FindingRule.RECONSIDERATION_LATE,
    SubDeadlineKind.LITIGATION: FindingRule.LITIGATION_LATE,
    SubDeadlineKind.LITIGATION_AFTER_RECONSIDERATION: FindingRule.LITIGATION_LATE,
}


def _remedy_findings(case: Case, as_of: _dt.date | None = None) -> list[Finding]:
    """A finding for each proceeding recorded after its period (SPEC §11; only a policy
    that records late acts lets one in), judged against the facts of its filing day."""
    found: list[Finding] = []
    policy, calendar = case._policy, case._calendar
    for i, x in enumerate(case._facts.proceedings):
        if as_of is not None and x.filed > as_of:
            break
        then = case._facts_until(x.filed).copy()
        then.proceedings = case._facts.proceedings[:i]
        inaction_from = None
        if then.reply is None and then.ending is None and then.day0 is not None:
            inaction_from = _compute(then, policy, calendar).due
        window = _late_remedy(then, policy, calendar, _remedy_kind_of(x), x.filed, inaction_from)
        if window is not None:
            assert window.end is not None
            late_by = calendar.workdays_between(window.due, x.filed)
            rule = _REMEDY_FINDING[window.kind]
            found.append(Finding(rule, window.end.period.article, window.due, x.filed, late_by))
    return found


def _early_findings(case: Case, as_of: _dt.date | None = None) -> list[Finding]:
    """Acts of a stored history recorded before the period that allows them ended, under
    the current calendar (checked when applied; a newer calendar may move the period).
    Recorded history is kept, and named: a finding, never silence."""
    facts, policy, calendar = case._facts, case._policy, case._calendar
    found: list[Finding] = []
    for c in facts.consultations:
        if c.answer is not ConsultationAnswer.NO_ANSWER or c.answered is None:
            continue
        if as_of is not None and c.answered > as_of:
            continue
        due = _answer_due(c, policy, calendar)
        period = getattr(policy, _answer_kind(c).value)
        if due is not None and c.answered <= due:
            found.append(Finding(FindingRule.SILENCE_EARLY, period.article, due, c.answered, 0))
    fee, ended = facts.fee, facts.ended
    if facts.ending is EventKind.FEE_LAPSED and fee is not None and ended is not None:
        due = _payment_due(fee, policy, calendar)
        if due is not None and ended <= due and (as_of is None or ended <= as_of):
            assert policy.fee_payment_period is not None
            article = policy.fee_payment_period.article
            found.append(Finding(FindingRule.FEE_LAPSE_EARLY, article, due, ended, 0))
    return found


def _findings(case: Case, deadline: Deadline | None, as_of: _dt.date | None) -> tuple[Finding, ...]:
    """Every finding of *case* by the end of *as_of*: the reply deadline's (and, after an
    order to reply anew, the first period's), late remedies, early acts; by day."""
    found = [] if deadline is None else list(deadline.findings)
    facts = case._facts_until(as_of) if as_of is not None else case._facts
    if facts.reopened is not None and facts.day0 is not None:
        found += _compute(_first_period(facts), case._policy, case._calendar).findings
    if case._facts.proceedings:
        found += _remedy_findings(case, as_of)
    found += _early_findings(case, as_of)
    found += _notice_findings(case, facts)
    found.sort(key=lambda f: f.acted)
    return tuple(found)


def _notice_findings(case: Case, facts: _Facts) -> list[Finding]:
    """The notices the law requires (SPEC §12) that are missing or late in *facts*: of an
    extension (Art. 33 ¶2: by the deadline it extends [convention]), of an Art. 35 deadline, of a
    disclosure over a third party's objection (Art. 32), and a receipt confirmed after
    the day the application arrived (Art. 31)."""
    found: list[Finding] = []
    policy, calendar = case._policy, case._calendar
    for i, e in enumerate(facts.extensions):
        article = policy.extension_cap.article
        if e.notified is None:
            found.append(
                Finding(FindingRule.EXTENSION_NOT_NOTIFIED, article, e.granted_on, e.granted_on, 0)
            )
            continue
        before = case._facts_until(e.granted_on).copy()
        before.extensions = facts.extensions[:i]
        if before.day0 is None:
            continue
        due = _compute(before, _recording(policy), calendar).due
        # A notice on the day of a late grant is as prompt as it could be: the grant's own
        # finding (EXTENSION_LATE) says what was late.
        if due is not None and e.notified > max(due, e.granted_on):
            late_by = calendar.workdays_between(due, e.notified)
            found.append(
                Finding(FindingRule.EXTENSION_NOTICE_LATE, article, due, e.notified, late_by)
            )
    d = facts.delayed
    if d is not None and d.notified is None and policy.delayed_deadline_article is not None:
        article = policy.delayed_deadline_article
        found.append(
            Finding(FindingRule.DELAYED_DEADLINE_NOT_NOTIFIED, article, d.set_on, d.set_on, 0)
        )
    for reply in facts.replies:
        if reply.override_notified is None and _overrides_objection(facts, reply):
            found.append(
                Finding(
                    FindingRule.OVERRIDE_NOT_NOTIFIED, "条例(2019) Art. 32", reply.day, reply.day, 0
                )
            )
    channel, received = case._channel, facts.received
    if channel.needs_confirmation and facts.day0 is not None and received is not None:
        # due the day it arrived, or the first working day after (a letter in on Saturday
        # is confirmed in time on Monday)
        due = calendar.add_workdays(received - _ONE_DAY, 1)
        if facts.day0 > due:
            late_by = calendar.workdays_between(due, facts.day0)
            rule = FindingRule.RECEIPT_CONFIRMATION_LATE
            found.append(Finding(rule, channel.article, due, facts.day0, late_by))
    return found


def _overrides_objection(facts: _Facts, reply: ReplyRecord) -> bool:
    """Whether *reply* discloses what a third party objected to (the public interest
    overriding, Art. 32): a disclosure, or a partial one that does not withhold on the
    third party's rights, after an objection."""
    objected = any(
        c.party is ConsultedParty.THIRD_PARTY and c.answer is ConsultationAnswer.OBJECTION
        for c in facts.consultations
    )
    if not objected:
        return False
    outcome = reply.outcome
    if outcome.kind is OutcomeKind.DISCLOSED:
        return True
    return (
        outcome.kind is OutcomeKind.PARTIALLY_DISCLOSED
        and OutcomeReason.THIRD_PARTY_RIGHTS not in outcome.withheld_grounds
    )
