"""The periods running in a case (子期限与救济期限): what the current state waits for —
the correction notice's period, the applicant's correction, each open consultation's
answer, the payment — and the remedy windows against the act (SPEC §11): the day the
applicant knew of it, the laws in force, 复议前置, the reconsideration body's limit."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from disclosure_flow.cases.outcomes import OutcomeKind
from disclosure_flow.cases.states import CaseState, EventKind
from disclosure_flow.cases.values import (
    ConsultedParty,
    LitigationRoute,
    Proceeding,
    RemedyKind,
    SubDeadline,
    SubDeadlineKind,
)
from disclosure_flow.clock import (
    RECONSIDERATION_FIRST_FROM,
    Finding,
    FindingRule,
    PeriodKind,
    Policy,
    period_counted,
    period_end,
)
from disclosure_flow.errors import Wording
from disclosure_flow.workdays import WorkdayCalendar

if TYPE_CHECKING:
    from disclosure_flow.cases.case import Case


from disclosure_flow.cases.facts import (
    _answer_kind,
    _compute,
    _Facts,
)

_ONE_DAY = _dt.timedelta(days=1)


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
        refused = _inadmissible(then, x.kind, x.route)
        if refused is not None:
            rule = FindingRule.PROCEEDING_NOT_ADMITTED
            found.append(Finding(rule, refused[2], x.filed, x.filed, 0))
        window = _late_remedy(then, policy, calendar, _remedy_kind_of(x), x.filed, inaction_from)
        if window is not None:
            assert window.end is not None
            late_by = calendar.workdays_between(window.due, x.filed)
            rule = _REMEDY_FINDING[window.kind]
            found.append(Finding(rule, window.end.period.article, window.due, x.filed, late_by))
    return found


def _inadmissible(
    facts: _Facts, kind: RemedyKind, route: LitigationRoute | None
) -> tuple[Wording, Wording, str] | None:
    """Why the law does not admit a reconsideration or suit about the current act, as
    ``(reason, allowed, article)``, or ``None`` (SPEC §11): no reconsideration once a suit
    was filed (行政复议法 2023 Art. 29 ¶2), none twice; one suit per act; no direct suit
    against a 不予公开 reply from 2024-01-01 (复议前置, Art. 23 ¶1(4))."""
    for x in facts.act_proceedings:
        if kind is RemedyKind.RECONSIDERATION and x.kind is RemedyKind.LITIGATION:
            return (
                Wording(
                    f"a suit was filed on {x.filed.isoformat()}: once a court has accepted a "
                    "suit on the act, no reconsideration is accepted (行政复议法(2023) Art. 29 ¶2)",
                    f"{x.filed.isoformat()} 已提起诉讼：人民法院已受理的，不再受理行政复议"
                    "（行政复议法(2023) Art. 29 ¶2）",
                ),
                Wording(
                    "the suit's decision (decide_litigation)", "等待诉讼裁判（decide_litigation）"
                ),
                "行政复议法(2023) Art. 29 ¶2",
            )
        if kind is RemedyKind.RECONSIDERATION:
            return (
                Wording(
                    f"a reconsideration was filed on {x.filed.isoformat()}: the same act is not "
                    "reconsidered twice",
                    f"{x.filed.isoformat()} 已申请行政复议：同一行为不重复复议",
                ),
                Wording(
                    "a suit after the reconsideration (file_litigation, 行政诉讼法 Art. 45)",
                    "复议后起诉（file_litigation，行政诉讼法 Art. 45）",
                ),
                "行政复议法(2023) Art. 29",
            )
        if x.kind is RemedyKind.LITIGATION:
            return (
                Wording(
                    f"a suit was filed on {x.filed.isoformat()} on the same act",
                    f"{x.filed.isoformat()} 已就同一行为提起诉讼",
                ),
                Wording("one suit per act", "每个行为只能起诉一次"),
                "行政诉讼法 Art. 49",
            )
    if (
        kind is RemedyKind.LITIGATION
        and route is LitigationRoute.DIRECT
        and _reconsideration_first(facts)
    ):
        assert facts.reply is not None
        return (
            Wording(
                f"a direct suit against the 不予公开 reply of {facts.reply.day.isoformat()}: "
                "reconsideration comes first (复议前置, 行政复议法(2023) Art. 23 ¶1(4))",
                f"直接起诉 {facts.reply.day.isoformat()} 的不予公开答复：应当先申请行政复议"
                "（复议前置，行政复议法(2023) Art. 23 ¶1(4)）",
            ),
            Wording("file_reconsideration", "先申请行政复议（file_reconsideration）"),
            "行政复议法(2023) Art. 23 ¶1(4)",
        )
    return None
