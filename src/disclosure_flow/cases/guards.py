"""The law's checks (规则): the guards and routing predicates the lifecycle names.

The lifecycle definition (:mod:`~disclosure_flow.cases.lifecycle`) names each guard;
here is what each one checks, with its article, and which of them depend on the
working-day calendar (checked when an event is applied, not when a stored history is
replayed). The machine (:mod:`~disclosure_flow.cases.machine`) and the compiled
dispatch (:mod:`~disclosure_flow.cases.dispatch`) are built from them.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from disclosure_flow import clock
from disclosure_flow.cases.definition import Refusal
from disclosure_flow.cases.facts import (
    _answer_due,
    _compute,
    _Facts,
    _payment_due,
    _Pending,
    _recording,
)
from disclosure_flow.cases.lifecycle import DEFINITION
from disclosure_flow.cases.outcomes import Outcome, OutcomeReason
from disclosure_flow.cases.remedy_guards import (
    _g_admissible,
    _g_no_pending,
    _g_order_consistent,
    _g_remedy_in_time,
    _g_reply_overdue,
    _g_result_final,
    _g_route,
    _g_suit_may_be_filed,
    _pending_of,
    _r_orders_new_reply,
    _r_other_proceeding_pending,
)
from disclosure_flow.cases.states import CaseState, EventKind
from disclosure_flow.cases.values import (
    ConsultationAnswer,
    RemedyKind,
    _text,
)
from disclosure_flow.clock import ClockEvent, FindingRule, LateActs
from disclosure_flow.errors import (
    ClockError,
    EventRefusedError,
    InvalidValueError,
    LateEventError,
    Wording,
    show_value,
)

if TYPE_CHECKING:
    from disclosure_flow.cases.case import Case

# ---------------------------------------------------------------------------
# Guards (named in the lifecycle definition) and routing predicates.

Guard = Callable[["Case", _Pending], "Refusal | None"]


def _clock_accepts(
    case: Case, p: _Pending, build: Callable[[], ClockEvent], rule: FindingRule
) -> Refusal | None:
    """Whether the clock accepts the act of *p*: within the caps, and in time (or the
    policy records late acts)."""
    facts = case._facts
    if facts.day0 is None:
        return None
    try:
        extra = build()
        result = _compute(facts, _recording(case._policy), case._calendar, extra)
    except (ClockError, InvalidValueError) as error:
        return Refusal(Wording(str(error), error.localized("zh")), Wording.of(error.allowed))
    if case._policy.late_acts is LateActs.RECORD:
        return None
    for f in result.findings:
        if f.rule is rule and f.acted == p.day:
            return Refusal(
                Wording(f.describe(), f.describe("zh")),  # the English message is in Chinese too
                Wording(f"on or before {f.due}", f"{f.due} 或之前"),
                (
                    Wording(f"{rule.label_zh} ({f.article})", f"{rule.label_zh}（{f.article}）"),
                    f.due,
                    f.late_by,
                ),
            )
    return None


def _current_due(case: Case, p: _Pending) -> _dt.date | None:
    """The reply deadline as it stands before the act of *p* (None while open)."""
    facts = case._facts
    if facts.day0 is None:
        return None
    return _compute(facts, case._policy, case._calendar).due


def _g_correction_once(case: Case, p: _Pending) -> Refusal | None:
    c = case._facts.correction
    if c is None:
        return None
    return Refusal(
        Wording(
            f"a correction notice was already sent on {c.issued.isoformat()} (一次性告知)",
            f"已于 {c.issued.isoformat()} 发出补正告知（一次性告知）",
        ),
        Wording(
            "one correction notice per application (Art. 30)",
            "每件申请只发一次补正告知（第三十条）",
        ),
    )


def _g_correction_items(case: Case, p: _Pending) -> Refusal | None:
    if _text(p.payload["items"]):
        return None
    return Refusal(
        Wording(
            f"items={show_value(p.payload['items'])} says nothing",
            f"items={show_value(p.payload['items'])} 没有写明内容",
        ),
        Wording("a non-empty statement of what to correct", "写明需要补正内容的非空说明"),
    )


def _g_correction_period(case: Case, p: _Pending) -> Refusal | None:
    due = p.payload["due"]
    if due > p.day:
        return None
    return Refusal(
        Wording(f"due={due.isoformat()} leaves no time", f"due={due.isoformat()} 没有留出补正时间"),
        Wording(f"a last day after {p.day.isoformat()}", f"{p.day.isoformat()} 之后的最后期限"),
    )


def _g_correction_in_time(case: Case, p: _Pending) -> Refusal | None:
    return _clock_accepts(
        case, p, lambda: clock.CorrectionNotice(p.day), FindingRule.CORRECTION_NOTICE_LATE
    )


def _g_correction_over(case: Case, p: _Pending) -> Refusal | None:
    c = case._facts.correction
    assert c is not None
    if p.day > c.due:
        return None
    return Refusal(
        Wording(
            f"the correction period runs until {c.due.isoformat()}",
            f"补正期限至 {c.due.isoformat()} 才届满",
        ),
        Wording(f"a day after {c.due.isoformat()}", f"{c.due.isoformat()} 之后的日期"),
    )


def _g_consultee_named(case: Case, p: _Pending) -> Refusal | None:
    if _text(p.payload["consultee"]):
        return None
    return Refusal(
        Wording(
            f"consultee={show_value(p.payload['consultee'])}",
            f"consultee={show_value(p.payload['consultee'])}",
        ),
        Wording("the consultee's name", "被征求意见方的名称"),
    )


def _g_consultee_new(case: Case, p: _Pending) -> Refusal | None:
    name = p.payload["consultee"]
    for c in case._facts.consultations:
        if c.consultee == name:
            return Refusal(
                Wording(
                    f"{show_value(name)} was already consulted",
                    f"已征求过 {show_value(name)} 的意见",
                ),
                Wording("a consultee not consulted before", "此前未征求过意见的一方"),
            )
    return None


def _g_letter_in_order(case: Case, p: _Pending) -> Refusal | None:
    payload = p.payload
    if "letter_received" not in payload and "notice_received" not in payload:
        return None
    for key in ("letter_received", "notice_received"):
        value = payload.get(key)
        if value is not None and value < p.day:
            return Refusal.dated_before(key, value, p.day, "the letter was sent", "发函之日")
    return None


def _g_consultation_open(case: Case, p: _Pending) -> Refusal | None:
    if case._facts.open_consultation(p.payload["consultee"]) is not None:
        return None
    names = [c.consultee for c in case._facts.consultations if c.is_open]
    return Refusal(
        Wording(
            f"no open consultation of {show_value(p.payload['consultee'])}",
            f"没有正在征求 {show_value(p.payload['consultee'])} 的意见",
        ),
        Wording.one_of(show_value(n) for n in names),
    )


def _g_answer_reasons(case: Case, p: _Pending) -> Refusal | None:
    if p.payload["answer"] is ConsultationAnswer.OBJECTION and not _text(p.payload.get("reasons")):
        return Refusal(
            Wording("an objection without reasons", "提出异议却没有理由"),
            Wording("reasons=... stating the objection's grounds", "reasons=...，写明异议的理由"),
        )
    return None


def _g_silence_after_period(case: Case, p: _Pending) -> Refusal | None:
    if p.payload["answer"] is not ConsultationAnswer.NO_ANSWER:
        return None
    c = case._facts.open_consultation(p.payload["consultee"])
    assert c is not None
    due = _answer_due(c, case._policy, case._calendar)
    if due is not None and p.day <= due:
        return Refusal(
            Wording(
                f"silence recorded on {p.day.isoformat()}, but the answer period runs until "
                f"{due.isoformat()}",
                f"{p.day.isoformat()} 记录为未答复，但答复期限至 {due.isoformat()} 才届满",
            ),
            Wording(f"NO_ANSWER after {due.isoformat()}", f"{due.isoformat()} 之后的 NO_ANSWER"),
        )
    return None


def _g_approver(case: Case, p: _Pending) -> Refusal | None:
    if _text(p.payload["approver"]):
        return None
    return Refusal(
        Wording(
            f"approver={show_value(p.payload['approver'])}",
            f"approver={show_value(p.payload['approver'])}",
        ),
        Wording(
            "the approver's name (政府信息公开工作机构负责人, Art. 33)",
            "批准人的姓名（政府信息公开工作机构负责人，第三十三条）",
        ),
    )


def _g_extension_positive(case: Case, p: _Pending) -> Refusal | None:
    if p.payload["days"] > 0:
        return None
    return Refusal(
        Wording(f"days={show_value(p.payload['days'])}", f"days={show_value(p.payload['days'])}"),
        Wording("at least 1 working day", "至少 1 个工作日"),
    )


def _g_extension_cap(case: Case, p: _Pending) -> Refusal | None:
    cap = case._policy.extension_cap.length
    used = 0
    for x in case._facts.extensions:
        used += x.days
    if used + p.payload["days"] <= cap:
        return None
    return Refusal(
        Wording(
            f"days={show_value(p.payload['days'])} would make "
            f"{show_value(used + p.payload['days'])} working days in total",
            f"days={show_value(p.payload['days'])} 将使合计达到 "
            f"{show_value(used + p.payload['days'])} 个工作日",
        ),
        Wording(
            f"at most {cap - used} more ({cap} in total, {case._policy.extension_cap.article})",
            f"至多再延长 {cap - used} 个工作日"
            f"（合计 {cap} 个，{case._policy.extension_cap.article}）",
        ),
    )


def _g_extension_in_time(case: Case, p: _Pending) -> Refusal | None:
    def build() -> ClockEvent:
        return clock.Extension(p.payload["days"], p.payload["approver"], p.day)

    return _clock_accepts(case, p, build, FindingRule.EXTENSION_LATE)


def _g_reasons_requested(case: Case, p: _Pending) -> Refusal | None:
    if case._facts.reasons_requested is not None:
        return None
    return Refusal(
        Wording("no reasons were requested (Art. 35)", "没有要求说明理由（第三十五条）"),
        Wording("request_reasons first", "请先 request_reasons"),
    )


def _g_delayed_after_setting(case: Case, p: _Pending) -> Refusal | None:
    due = p.payload["due"]
    if due > p.day:
        return None
    return Refusal(
        Wording(
            f"due={due.isoformat()} is not after the day it is set",
            f"due={due.isoformat()} 不晚于设定之日",
        ),
        Wording(f"a day after {p.day.isoformat()}", f"{p.day.isoformat()} 之后的日期"),
    )


def _g_delayed_later(case: Case, p: _Pending) -> Refusal | None:
    due = p.payload["due"]
    current = _current_due(case, p)
    floor = max(p.day, current) if current is not None else p.day
    if due > floor:
        return None
    return Refusal(
        Wording(f"due={due.isoformat()} is not later", f"due={due.isoformat()} 并未更晚"),
        Wording(f"a day after {floor.isoformat()}", f"{floor.isoformat()} 之后的日期"),
    )


def _g_delayed_in_time(case: Case, p: _Pending) -> Refusal | None:
    def build() -> ClockEvent:
        return clock.DelayedDeadline(p.payload["due"], p.day)

    return _clock_accepts(case, p, build, FindingRule.DELAYED_DEADLINE_LATE)


def _g_fee_once(case: Case, p: _Pending) -> Refusal | None:
    fee = case._facts.fee
    if fee is None:
        return None
    return Refusal(
        Wording(
            f"a fee notice was already sent on {fee.issued.isoformat()}",
            f"已于 {fee.issued.isoformat()} 发出收费通知",
        ),
        Wording("one fee notice", "只发一份收费通知"),
    )


def _g_fee_amount(case: Case, p: _Pending) -> Refusal | None:
    if p.payload["amount"] > 0:
        return None
    return Refusal(
        Wording(
            f"amount={show_value(p.payload['amount'])}", f"amount={show_value(p.payload['amount'])}"
        ),
        Wording("a positive amount in yuan", "以元计的正数金额"),
    )


def _g_fee_in_time(case: Case, p: _Pending) -> Refusal | None:
    due = _current_due(case, p)
    if due is None or p.day <= due:
        return None
    return Refusal(
        Wording(
            f"a fee notice on {p.day.isoformat()} is after the reply deadline",
            f"{p.day.isoformat()} 的收费通知晚于答复期限",
        ),
        Wording(
            f"within the reply period: on or before {due.isoformat()} (FEES)",
            f"答复期限内：{due.isoformat()} 或之前（收费办法）",
        ),
    )


def _g_payment_awaited(case: Case, p: _Pending) -> Refusal | None:
    fee = case._facts.fee
    if fee is None:
        return Refusal(
            Wording("no fee notice was sent", "没有发出收费通知"),
            Wording("issue_fee_notice first (FEES)", "请先 issue_fee_notice（收费办法）"),
        )
    if fee.paid is None:
        return None
    return Refusal(
        Wording(
            f"the fee was paid on {fee.paid.isoformat()}", f"费用已于 {fee.paid.isoformat()} 缴纳"
        ),
        Wording("one payment per fee notice", "每份收费通知缴费一次"),
    )


def _g_payment_in_time(case: Case, p: _Pending) -> Refusal | None:
    fee = case._facts.fee
    assert fee is not None
    due = _payment_due(fee, case._policy, case._calendar)
    if due is None or p.day <= due:
        return None
    return Refusal(
        Wording(
            f"payment on {p.day.isoformat()} is after the payment period",
            f"{p.day.isoformat()} 缴费，已过缴费期限",
        ),
        Wording(
            f"on or before {due.isoformat()}; after it record fee_lapsed",
            f"{due.isoformat()} 或之前；过期请记录 fee_lapsed",
        ),
    )


def _g_payment_over(case: Case, p: _Pending) -> Refusal | None:
    fee = case._facts.fee
    assert fee is not None
    due = _payment_due(fee, case._policy, case._calendar)
    if due is not None and p.day > due:
        return None
    if due is None:
        return Refusal(
            Wording("the policy sets no payment period", "规则集没有规定缴费期限"),
            Wording("receive_payment or withdraw", "receive_payment 或 withdraw"),
        )
    return Refusal(
        Wording(
            f"the payment period runs until {due.isoformat()}", f"缴费期限至 {due.isoformat()} 届满"
        ),
        Wording(f"a day after {due.isoformat()}", f"{due.isoformat()} 之后的日期"),
    )


def _g_on_the_spot(case: Case, p: _Pending) -> Refusal | None:
    if p.day == case._facts.day0:
        return None
    return Refusal(
        Wording(
            "a reply straight from registration is an on-the-spot reply (当场答复)",
            "登记后直接答复属于当场答复",
        ),
        Wording(
            f"on day 0 ({case._facts.day0}); otherwise start_review first",
            f"第 0 日（{case._facts.day0}）当日；否则请先 start_review",
        ),
    )


def _g_outcome_valid(case: Case, p: _Pending) -> Refusal | None:
    data = p.payload
    if "outcome" in data:
        outcomes = [data["outcome"]]
    else:
        outcomes = [o for _, o in data.get("item_outcomes", ())]
    for outcome in outcomes:
        problem = _outcome_problem(outcome, case._facts)
        if problem is not None:
            return problem
    return None


def _outcome_problem(outcome: Outcome, facts: _Facts) -> Refusal | None:
    if not outcome.is_reply:
        label = f"{outcome.kind.ordinal_zh}{outcome.kind.label_zh}"
        return Refusal(
            Wording(f"{label} is an ending without a reply", f"{label}是终结而不是答复"),
            Wording(
                "an outcome of groups （一）–（五）; record correction_lapsed, fee_lapsed or "
                "withdraw for the endings",
                "（一）–（五）组的处理结果；终结请记录 correction_lapsed、fee_lapsed 或 withdraw",
            ),
        )
    if outcome.reason is OutcomeReason.STILL_UNCLEAR and facts.restart is None:
        return Refusal(
            Wording(
                "补正后申请内容仍不明确 without a correction",
                "没有补正却答复补正后申请内容仍不明确",
            ),
            Wording(
                "STILL_UNCLEAR only after a corrected application was received (Art. 30)",
                "收到补正后的申请之后才能用 STILL_UNCLEAR（第三十条）",
            ),
        )
    if outcome.reason is OutcomeReason.EXCESSIVE and facts.reasons_requested is None:
        return Refusal(
            Wording(
                "无正当理由大量反复申请 without asking for reasons",
                "未要求说明理由即认定无正当理由大量反复申请",
            ),
            Wording(
                "EXCESSIVE only after request_reasons (Art. 35)",
                "先 request_reasons 才能用 EXCESSIVE（第三十五条）",
            ),
        )
    return None


def _g_notice_in_order(case: Case, p: _Pending) -> Refusal | None:
    notified = p.payload.get("notified")
    if notified is None or notified >= p.day:
        return None
    return Refusal.dated_before("notified", notified, p.day, "the act", "该行为")


def _g_form_change_explained(case: Case, p: _Pending) -> Refusal | None:
    """Art. 40: information is provided in the form asked for; another form needs its
    reason (the carrier would be endangered, or it is impractical)."""
    form, reason = p.payload.get("provided_form"), p.payload.get("form_reason")
    if form is None:
        if reason is not None:
            return Refusal(
                Wording("form_reason without provided_form", "有 form_reason 却没有 provided_form"),
                "provided_form=ProvisionForm...",
            )
        return None
    if form is not case._request.form and not _text(reason):
        return Refusal(
            Wording(
                f"provided_form={form.value}, but {case._request.form.value} was asked for and no "
                "reason is given (Art. 40)",
                f"provided_form={form.value}，但申请的是 {case._request.form.value}，"
                "且未说明理由（第四十条）",
            ),
            Wording(
                "form_reason=... (e.g. 载体不宜复制，安排查阅), or the form asked for",
                "form_reason=...（如 载体不宜复制，安排查阅），或按申请的形式提供",
            ),
        )
    return None


def _g_receipt_in_order(case: Case, p: _Pending) -> Refusal | None:
    received = p.payload.get("received")
    if received is None or received >= p.day:
        return None
    return Refusal.dated_before("received", received, p.day, "the dispatch", "送达发出之日")


def _open_items(case: Case) -> list[str]:
    withdrawn = {item for item, _ in case._facts.withdrawn_items}
    return [item for item in case._request.items if item not in withdrawn]


def _g_item_withdrawable(case: Case, p: _Pending) -> Refusal | None:
    item, items = p.payload["item"], case._request.items
    if not items:
        return Refusal(
            Wording("the application has one item", "申请只有一项"),
            Wording("withdraw (the whole application)", "withdraw（撤回整个申请）"),
        )
    remaining = _open_items(case)
    if item not in remaining:
        return Refusal(
            Wording(f"no open item {show_value(item)}", f"没有未结事项 {show_value(item)}"),
            Wording(
                "one of " + "、".join(remaining or ["(none)"]),
                "以下之一：" + "、".join(remaining or ["（无）"]),
            ),
        )
    if len(remaining) == 1:
        return Refusal(
            Wording(
                "the last item: that withdraws the application", "这是最后一项：撤回它就是撤回申请"
            ),
            Wording("withdraw", "withdraw（撤回申请）"),
        )
    return None


def _g_outcome_given(case: Case, p: _Pending) -> Refusal | None:
    """One outcome, or one per item of an application of several (SPEC §12)."""
    outcome, items = p.payload.get("outcome"), p.payload.get("item_outcomes")
    remaining = _open_items(case)
    if not case._request.items:
        if items is not None:
            return Refusal(
                Wording(
                    "item_outcomes for an application of one item",
                    "申请只有一项，却给出了 item_outcomes",
                ),
                "outcome=Outcome(...)",
            )
        if outcome is None:
            return Refusal(
                Wording("particular 'outcome' is missing", "缺少事项 'outcome'"),
                "outcome=<outcome>",
            )
        return None
    if outcome is not None:
        return Refusal(
            Wording(
                "an application of several items is answered item by item", "分项申请应逐项答复"
            ),
            Wording(
                "item_outcomes=[(item, Outcome), ...] for " + "、".join(remaining),
                "item_outcomes=[(item, Outcome), ...]，对应：" + "、".join(remaining),
            ),
        )
    answered = [item for item, _ in items or ()]
    if sorted(answered) != sorted(remaining):
        return Refusal(
            Wording(
                "item_outcomes must answer each open item once: "
                + "、".join(answered or ["(none)"]),
                "item_outcomes 应对每个未结事项各答复一次：" + "、".join(answered or ["（无）"]),
            ),
            Wording(
                "one outcome for each of " + "、".join(remaining),
                "以下每项各一个处理结果：" + "、".join(remaining),
            ),
        )
    return None


def _r_needs_confirmation(case: Case, p: _Pending) -> bool:
    return case._channel.needs_confirmation


def _r_waits_running(case: Case, p: _Pending) -> bool:
    """Whether a consultation or a fee notice is still running (the clock is paused)."""
    facts = case._facts
    fee = facts.fee
    if fee is not None and fee.paid is None:
        return True
    for c in facts.consultations:  # noqa: SIM110 - a loop: any() over a generator is slower
        if c.answer is None:  # c.is_open
            return True
    return False


def _r_other_waits_running(case: Case, p: _Pending) -> bool:
    """Whether a wait other than the one this event ends is still running: another open
    consultation, or (for an answer) an unpaid fee notice."""
    facts = case._facts
    if p.event is EventKind.RECEIVE_CONSULTATION_ANSWER:
        fee = facts.fee
        if fee is not None and fee.paid is None:
            return True
        name = p.payload["consultee"]
    else:  # RECEIVE_PAYMENT: every open consultation is another wait
        name = None
    for c in facts.consultations:  # noqa: SIM110 - a loop: any() over a generator is slower
        if c.answer is None and c.consultee != name:  # c.is_open
            return True
    return False


GUARDS: Mapping[str, Guard] = MappingProxyType(
    {
        "correction_once_only": _g_correction_once,
        "correction_items_stated": _g_correction_items,
        "correction_period_given": _g_correction_period,
        "correction_notice_in_time": _g_correction_in_time,
        "correction_period_over": _g_correction_over,
        "consultee_named": _g_consultee_named,
        "consultee_not_already_consulted": _g_consultee_new,
        "letter_received_in_order": _g_letter_in_order,
        "consultation_open": _g_consultation_open,
        "answer_reasons_given": _g_answer_reasons,
        "silence_after_period": _g_silence_after_period,
        "approver_named": _g_approver,
        "extension_positive": _g_extension_positive,
        "extension_within_cap": _g_extension_cap,
        "extension_in_time": _g_extension_in_time,
        "reasons_requested": _g_reasons_requested,
        "delayed_due_after_setting": _g_delayed_after_setting,
        "delayed_due_later": _g_delayed_later,
        "delayed_deadline_in_time": _g_delayed_in_time,
        "fee_notice_once": _g_fee_once,
        "fee_amount_positive": _g_fee_amount,
        "fee_notice_in_time": _g_fee_in_time,
        "payment_awaited": _g_payment_awaited,
        "payment_in_time": _g_payment_in_time,
        "payment_period_over": _g_payment_over,
        "on_the_spot": _g_on_the_spot,
        "outcome_valid": _g_outcome_valid,
        "no_proceeding_pending": _g_no_pending,
        "suit_may_be_filed": _g_suit_may_be_filed,
        "reconsideration_pending": _pending_of(RemedyKind.RECONSIDERATION),
        "litigation_pending": _pending_of(RemedyKind.LITIGATION),
        "decision_result_final": _g_result_final,
        "reconsideration_admissible": _g_admissible,
        "suit_admissible": _g_admissible,
        "remedy_in_time": _g_remedy_in_time,
        "reply_overdue": _g_reply_overdue,
        "order_consistent": _g_order_consistent,
        "notice_in_order": _g_notice_in_order,
        "form_change_explained": _g_form_change_explained,
        "receipt_in_order": _g_receipt_in_order,
        "item_withdrawable": _g_item_withdrawable,
        "outcome_given": _g_outcome_given,
        "litigation_route_consistent": _g_route,
    }
)

#: Guards whose answer depends on the working-day calendar: checked when an event is
#: applied, not when a stored history is replayed (a newer calendar may make a past
#: act late; that is a finding, not a reason to refuse recorded history).
CALENDAR_GUARDS: frozenset[str] = frozenset(
    {
        "correction_notice_in_time",
        "silence_after_period",
        "extension_in_time",
        "delayed_due_later",
        "delayed_deadline_in_time",
        "fee_notice_in_time",
        "payment_in_time",
        "payment_period_over",
        "remedy_in_time",
        "reply_overdue",
    }
)


Route = Callable[["Case", _Pending], bool]

ROUTES: Mapping[str, Route] = MappingProxyType(
    {
        "receipt_needs_confirmation": _r_needs_confirmation,
        "waits_running": _r_waits_running,
        "other_waits_running": _r_other_waits_running,
        "orders_new_reply": _r_orders_new_reply,
        "other_proceeding_pending": _r_other_proceeding_pending,
    }
)


def _refused(
    kind: EventKind, state: CaseState, refusal: Refusal, day: _dt.date
) -> EventRefusedError:
    if refusal.late is not None:
        rule, due, late_by = refusal.late
        return LateEventError(kind.value, state.value, Wording.of(rule), due, day, late_by)
    return EventRefusedError(kind.value, state.value, refusal.reason, refusal.allowed)


def _allowed_list(state: CaseState) -> Wording:
    events = sorted(e.value for e in DEFINITION.allowed_events(state))
    if not events:
        return Wording(f"no event: {state.value} is final", f"无：{state.value} 是终结状态")
    return Wording.one_of(events)
