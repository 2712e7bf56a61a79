"""The law's checks of the remedies against an act (复议、诉讼的规则): proceedings one
at a time, a suit after a reconsideration whose body let its time limit pass, decisions
and their orders, admissibility and the remedy periods (SPEC §11). Part of the guards
the lifecycle names (:mod:`~disclosure_flow.cases.guards`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from disclosure_flow.cases.definition import Refusal
from disclosure_flow.cases.facts import _compute, _Pending
from disclosure_flow.cases.states import EventKind
from disclosure_flow.cases.values import (
    LitigationRoute,
    Proceeding,
    RemedyKind,
    RemedyOrder,
    RemedyResult,
    SubDeadlineKind,
)
from disclosure_flow.cases.windows import _decision_limit, _inadmissible, _late_remedy
from disclosure_flow.clock import FindingRule, LateActs
from disclosure_flow.errors import Wording

if TYPE_CHECKING:
    from collections.abc import Callable

    from disclosure_flow.cases.case import Case

    Guard = Callable[[Case, _Pending], Refusal | None]

#: Endings that are acts of the agency (a withdrawal is the applicant's).
_AGENCY_ENDINGS = frozenset({EventKind.CORRECTION_LAPSED, EventKind.FEE_LAPSED})

#: The finding of each remedy filed after its period.
_REMEDY_RULE: Mapping[SubDeadlineKind, FindingRule] = MappingProxyType(
    {
        SubDeadlineKind.RECONSIDERATION: FindingRule.RECONSIDERATION_LATE,
        SubDeadlineKind.LITIGATION: FindingRule.LITIGATION_LATE,
        SubDeadlineKind.LITIGATION_AFTER_RECONSIDERATION: FindingRule.LITIGATION_LATE,
    }
)


def _g_no_pending(case: Case, p: _Pending) -> Refusal | None:
    x = case._facts.pending_proceeding()
    if x is None:
        return None
    return Refusal(
        Wording(
            f"a {x.kind.value} filed on {x.filed.isoformat()} is pending (尚未审结)",
            f"{x.filed.isoformat()} 提起的 {x.kind.value} 尚未审结",
        ),
        Wording(f"decide_{x.kind.value} first", f"请先 decide_{x.kind.value}"),
    )


def _pending_of(kind: RemedyKind) -> Guard:
    def guard(case: Case, p: _Pending) -> Refusal | None:
        for x in case._facts.proceedings:
            if x.decided is None and x.kind is kind:
                return None
        return Refusal(
            Wording(f"no {kind.value} is pending", f"没有尚未审结的 {kind.value}"),
            Wording(f"file_{kind.value} first", f"请先 file_{kind.value}"),
        )

    return guard


def _g_result_final(case: Case, p: _Pending) -> Refusal | None:
    if p.payload["result"] is not RemedyResult.PENDING:
        return None
    return Refusal(
        Wording("result=PENDING is not a decision", "result=PENDING 不是决定"),
        Wording("UPHELD, CORRECTED or OTHER", "UPHELD、CORRECTED 或 OTHER"),
    )


def _overdue_reconsideration(case: Case, day: _dt.date) -> Proceeding | None:
    """The reconsideration pending on *day* whose body's time limit has run out (行政复议法
    2023 Art. 62; a suit may then follow, 行政诉讼法 Art. 45)."""
    for x in case._facts.act_proceedings:
        if (
            x.kind is RemedyKind.RECONSIDERATION
            and x.decided is None
            and day > _decision_limit(x, case._policy)
        ):
            return x
    return None


def _g_suit_may_be_filed(case: Case, p: _Pending) -> Refusal | None:
    """One proceeding at a time — except a suit after a reconsideration whose body let its
    time limit pass without a decision."""
    x = case._facts.pending_proceeding()
    if x is None:
        return None
    if (
        x.kind is RemedyKind.RECONSIDERATION
        and p.payload["route"] is LitigationRoute.AFTER_RECONSIDERATION
    ):
        if _overdue_reconsideration(case, p.day) is not None:
            return None
        limit = _decision_limit(x, case._policy).isoformat()
        return Refusal(
            Wording(
                f"the reconsideration filed on {x.filed.isoformat()} may still be decided until "
                f"{limit} (行政复议法(2023) Art. 62)",
                f"{x.filed.isoformat()} 提起的复议在 {limit} 前仍可作出决定"
                "（行政复议法(2023) Art. 62）",
            ),
            Wording(
                f"decide_reconsideration, or a suit after {limit}",
                f"decide_reconsideration，或 {limit} 之后起诉",
            ),
        )
    return Refusal(
        Wording(
            f"a {x.kind.value} filed on {x.filed.isoformat()} is pending (尚未审结)",
            f"{x.filed.isoformat()} 提起的 {x.kind.value} 尚未审结",
        ),
        Wording(f"decide_{x.kind.value} first", f"请先 decide_{x.kind.value}"),
    )


def _r_other_proceeding_pending(case: Case, p: _Pending) -> bool:
    """Whether a proceeding other than the one this decision ends is pending."""
    kind = (
        RemedyKind.RECONSIDERATION
        if p.event is EventKind.DECIDE_RECONSIDERATION
        else RemedyKind.LITIGATION
    )
    return any(x.decided is None and x.kind is not kind for x in case._facts.proceedings)


def _g_route(case: Case, p: _Pending) -> Refusal | None:
    decided = [
        x for x in case._facts.act_proceedings if x.kind is RemedyKind.RECONSIDERATION and x.decided
    ]
    route = p.payload["route"]
    if (
        route is LitigationRoute.AFTER_RECONSIDERATION
        and not decided
        and _overdue_reconsideration(case, p.day) is None
    ):
        return Refusal(
            Wording(
                "no reconsideration was decided, nor did its body's time limit pass",
                "复议没有作出决定，复议机关的期限也未届满",
            ),
            "route=LitigationRoute.DIRECT",
        )
    if route is LitigationRoute.DIRECT and decided:
        return Refusal(
            Wording("a reconsideration was decided", "复议已经作出决定"),
            "route=LitigationRoute.AFTER_RECONSIDERATION",
        )
    return None


def _g_admissible(case: Case, p: _Pending) -> Refusal | None:
    """A reconsideration or suit the law admits (SPEC §11) — or, under a policy that
    records what happened, recorded with a finding (PROCEEDING_NOT_ADMITTED)."""
    kind = (
        RemedyKind.RECONSIDERATION
        if p.event is EventKind.FILE_RECONSIDERATION
        else RemedyKind.LITIGATION
    )
    found = _inadmissible(case._facts, kind, p.payload.get("route"))
    if found is None or case._policy.late_acts is LateActs.RECORD:
        return None
    reason, allowed, _article = found
    return Refusal(reason, allowed)


def _remedy_kind(p: _Pending) -> SubDeadlineKind:
    if p.event is EventKind.FILE_RECONSIDERATION:
        return SubDeadlineKind.RECONSIDERATION
    if p.payload["route"] is LitigationRoute.AFTER_RECONSIDERATION:
        return SubDeadlineKind.LITIGATION_AFTER_RECONSIDERATION
    return SubDeadlineKind.LITIGATION


def _g_remedy_in_time(case: Case, p: _Pending) -> Refusal | None:
    """A proceeding filed within its period (SPEC §11), or a policy that records late
    acts (then :meth:`Case.findings` names the rule)."""
    facts = case._facts
    due_now = None
    if facts.reply is None and facts.ending is None and facts.day0 is not None:
        due_now = _compute(facts, case._policy, case._calendar).due
    window = _late_remedy(facts, case._policy, case._calendar, _remedy_kind(p), p.day, due_now)
    if window is None or case._policy.late_acts is LateActs.RECORD:
        return None
    assert window.end is not None
    rule = _REMEDY_RULE[window.kind]
    late_by = case._calendar.workdays_between(window.due, p.day)
    return Refusal(
        Wording(
            f"{p.event.value} on {p.day.isoformat()} is after its period "
            f"({window.end.period}) ended on {window.due.isoformat()}",
            f"{p.event.value} 于 {p.day.isoformat()}，晚于其期间"
            f"（{window.end.period}）届满之日 {window.due.isoformat()}",
        ),
        Wording(f"on or before {window.due.isoformat()}", f"{window.due.isoformat()} 或之前"),
        (
            Wording(
                f"{rule.label_zh} ({window.end.period.article})",
                f"{rule.label_zh}（{window.end.period.article}）",
            ),
            window.due,
            late_by,
        ),
    )


def _g_reply_overdue(case: Case, p: _Pending) -> Refusal | None:
    """A remedy against inaction (不作为) needs the reply period to have run out."""
    facts = case._facts
    if facts.day0 is None:
        return Refusal(
            Wording("no day 0 yet (Art. 31)", "尚无第 0 日（第三十一条）"),
            Wording("confirm_receipt first", "请先 confirm_receipt"),
        )
    due = _compute(facts, case._policy, case._calendar).due
    if due is not None and p.day > due:
        return None
    when = (
        Wording(
            "the reply deadline is open (paused or awaiting correction)",
            "答复期限尚未确定（暂停中或等待补正）",
        )
        if due is None
        else Wording(f"the reply is due {due.isoformat()}", f"答复期限为 {due.isoformat()}")
    )
    return Refusal(
        Wording(
            f"no inaction on {p.day.isoformat()}: {when}",
            f"{p.day.isoformat()} 尚无不作为：{when.zh}",
        ),
        Wording(
            "a remedy against inaction after the reply period ran out (不作为)",
            "答复期限届满后针对不作为的救济",
        ),
    )


def _g_order_consistent(case: Case, p: _Pending) -> Refusal | None:
    """An order to the agency comes with a correction, fits the act, and sets a sane
    period (行政复议法 2023 Art. 64, 66; 行政诉讼法 Art. 70, 72)."""
    data = p.payload
    order = data.get("order")
    if order is None:
        for key in ("order_days", "order_received"):
            if key in data:
                return Refusal(
                    Wording(f"{key} without an order", f"有 {key} 却没有责令"),
                    Wording(
                        "order=RemedyOrder.NEW_REPLY or PERFORM",
                        "order=RemedyOrder.NEW_REPLY 或 PERFORM",
                    ),
                )
        return None
    if data["result"] is not RemedyResult.CORRECTED:
        return Refusal(
            Wording(
                f"an order ({order.value}) with result={data['result'].value}",
                f"有责令（{order.value}），但 result={data['result'].value}",
            ),
            Wording(
                "result=RemedyResult.CORRECTED: an order corrects the act",
                "result=RemedyResult.CORRECTED：责令即纠正该行为",
            ),
        )
    facts = case._facts
    has_act = facts.reply is not None or facts.ending in _AGENCY_ENDINGS
    if order is RemedyOrder.NEW_REPLY and not has_act:
        return Refusal(
            Wording(
                "an order to reply anew, but no reply or ending to replace",
                "责令重新答复，但没有可替代的答复或终结",
            ),
            "order=PERFORM",
        )
    if order is RemedyOrder.PERFORM and has_act:
        return Refusal(
            Wording(
                "an order to perform, but the agency has acted", "责令履行，但机关已经作出行为"
            ),
            "order=NEW_REPLY",
        )
    days = data.get("order_days")
    if days is not None and days < 1:
        return Refusal(
            Wording(f"order_days={days}", f"order_days={days}"),
            Wording("a positive number of working days", "正数个工作日"),
        )
    received = data.get("order_received")
    if received is not None and received < p.day:
        return Refusal.dated_before("order_received", received, p.day, "the decision", "该决定")
    return None


def _r_orders_new_reply(case: Case, p: _Pending) -> bool:
    return p.payload.get("order") is RemedyOrder.NEW_REPLY
