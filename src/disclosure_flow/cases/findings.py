"""The compliance findings of a case (合规问题, SPEC §10–§12): the clock's (late acts),
late remedies, early acts found in a stored history, and notices the law requires that
are missing or late."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from disclosure_flow.cases.outcomes import OutcomeKind, OutcomeReason
from disclosure_flow.cases.states import EventKind
from disclosure_flow.cases.values import (
    ConsultationAnswer,
    ConsultedParty,
    ReplyRecord,
)
from disclosure_flow.clock import (
    Deadline,
    Finding,
    FindingRule,
)

if TYPE_CHECKING:
    from disclosure_flow.cases.case import Case


from disclosure_flow.cases.facts import (
    _answer_due,
    _answer_kind,
    _compute,
    _Facts,
    _first_period,
    _payment_due,
    _recording,
)
from disclosure_flow.cases.windows import _remedy_findings

_ONE_DAY = _dt.timedelta(days=1)


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
