"""What a document states (文书内容): the facts of the case for the act it is made for.

:func:`prepare` finds the act a document is for — the latest of its kind recorded by
*as_of* — and gathers what its template prints: dates in Chinese, periods from the
case's policy, the outcome and its article, the remedies from the agency profile. It
also says what each element must state (:attr:`Prepared.requirements`), so that a
rendered element that leaves out a legal fact is refused, whichever template made it.

A document that does not fit the case (a 延期答复告知书 for a case never extended) and a
profile that lacks what the document needs are refused here, with a
:class:`~disclosure_flow.errors.DocumentError` that names the state and the documents
that fit, or every missing field at once.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from disclosure_flow.cases import (
    DeliveryMethod,
    EventKind,
    FeeBreakdown,
    OutcomeKind,
    OutcomeReason,
)
from disclosure_flow.clock import (
    R2008,
    RECONSIDERATION_FIRST_FROM,
    Deadline,
    PeriodKind,
    RemedyLastDay,
    period_end,
)
from disclosure_flow.documents.kinds import DocumentKind
from disclosure_flow.documents.profile import AgencyProfile
from disclosure_flow.documents.wording import REGULATION, chinese_date, cite, period_zh
from disclosure_flow.errors import DocumentError, Wording

if TYPE_CHECKING:
    from disclosure_flow.cases import Case, Consultation, ReplyRecord

__all__ = ["Prepared", "documents_for", "prepare"]


@attrs.frozen
class Prepared:
    """A document's content before its template words it (internal to the documents).

    Attributes:
        kind: the document.
        issued: the day it is dated (成文日期): the day of its act.
        addressee: whom it is addressed to (主送), or ``None`` (送达回证).
        context: the values its template reads.
        requirements: per element, the texts it must contain (a date, a period, a body).
        nonempty: the elements that must not render empty for this case.
        rows: for the 送达回证, its (label, value) rows.
        provisional: whether a date it states rests on estimated calendar days.
    """

    kind: DocumentKind
    issued: _dt.date
    addressee: str | None
    context: Mapping[str, Any]
    requirements: Mapping[str, tuple[str, ...]]
    nonempty: frozenset[str]
    rows: tuple[tuple[str, str], ...] = ()
    provisional: bool = False


class _Builder:
    """Collects a document's content, and everything missing, before refusing at once."""

    def __init__(self, case: Case, kind: DocumentKind, agency: AgencyProfile) -> None:
        self.case = case
        self.kind = kind
        self.agency = agency
        self.missing: list[str] = []
        self.requirements: dict[str, tuple[str, ...]] = {}
        self.nonempty: set[str] = set(kind.elements)
        self.provisional = False

    def need(self, field: str, value: object) -> None:
        """Record *field* as missing when *value* is ``None``."""
        if value is None:
            self.missing.append(field)

    def require(self, element: str, *texts: str | None) -> None:
        """The element must state each of *texts* (``None`` ones are missing elsewhere)."""
        found = tuple(t for t in texts if t)
        self.requirements[element] = self.requirements.get(element, ()) + found

    def due(self, deadline: Deadline | None) -> _dt.date | None:
        """The due date of *deadline*, noting a provisional one."""
        if deadline is None:
            return None
        self.provisional = self.provisional or deadline.provisional
        return deadline.due

    def period_due(self, kind: PeriodKind, start: _dt.date) -> _dt.date:
        case = self.case
        end = period_end(kind, start, policy=case.policy, calendar=case.calendar)
        self.provisional = self.provisional or end.provisional
        return end.due


def _last_day(case: Case) -> _dt.date:
    return case.history[-1].day


def _you(case: Case) -> str:
    """How a document addresses the applicant: 你 (a person) or 你单位 (an organisation)."""
    return "你单位" if case.applicant.is_organization else "你"


def _common(case: Case, agency: AgencyProfile) -> dict[str, Any]:
    policy = case.policy
    request = case.request
    received = case.received
    day0 = case.day_zero
    correction = case.correction
    return {
        "agency": agency,
        "regulation": REGULATION,
        "you": _you(case),
        "applicant": case.applicant.name,
        "description": request.description,
        "document_number": request.document_number,
        "form": request.form.label_zh,
        "delivery": request.delivery.label_zh,
        "channel": case.channel.label_zh,
        "channel_article": cite(case.channel.article),
        "submitted": _SUBMITTED[case.channel.value],
        "day_zero_rule": case.channel.day_zero_rule_zh,
        "confirmed_channel": case.channel.needs_confirmation,
        "received": chinese_date(received) if received else None,
        "day_zero": chinese_date(day0) if day0 else None,
        "corrected": chinese_date(correction.received)
        if correction is not None and correction.received is not None
        else None,
        "correction_issued": chinese_date(correction.issued) if correction else None,
        "reply_period": period_zh(policy.reply_period.length, policy.reply_period.unit.value),
        "extension_cap": period_zh(policy.extension_cap.length, policy.extension_cap.unit.value),
    }


#: How the application was handed in, as the request paragraph says it (Art. 29, 31).
_SUBMITTED = {
    "in_person": "当面向本机关提交",
    "signed_post": "以邮寄方式向本机关提交",
    "ordinary_letter": "以平常信函方式向本机关提交",
    "internet": "通过互联网渠道向本机关提交",
    "fax": "通过传真向本机关提交",
}


# -- which act a document is for ---------------------------------------------------------


def _replies(case: Case, as_of: _dt.date) -> list[ReplyRecord]:
    return [r for r in case.replies if r.day <= as_of]


def _ending(case: Case, as_of: _dt.date) -> OutcomeReason | None:
    """The ending without a reply that is an act of the agency, if the case ended so."""
    ended, outcome = case.ended, case.outcome
    if ended is None or ended > as_of or outcome is None or case.reply_record is not None:
        return None
    if outcome.reason in (OutcomeReason.CORRECTION_LAPSED, OutcomeReason.FEE_LAPSED):
        return outcome.reason
    return None


def _events(case: Case, event: EventKind, as_of: _dt.date) -> list[Any]:
    return [e for e in case.history if e.event is event and e.day <= as_of]


def _consultations(case: Case, kind: DocumentKind, as_of: _dt.date) -> list[Consultation]:
    party = "third_party" if kind is DocumentKind.THIRD_PARTY_CONSULTATION else "other_agency"
    return [c for c in case.consultations if c.party.value == party and c.sent <= as_of]


_FITS: dict[DocumentKind, Callable[[Case, _dt.date], bool]] = {
    DocumentKind.RECEIPT: lambda c, d: c.day_zero is not None and c.day_zero <= d,
    DocumentKind.CORRECTION_NOTICE: lambda c, d: (
        c.correction is not None and c.correction.issued <= d
    ),
    DocumentKind.EXTENSION_NOTICE: lambda c, d: any(e.granted_on <= d for e in c.extensions),
    DocumentKind.THIRD_PARTY_CONSULTATION: lambda c, d: bool(
        _consultations(c, DocumentKind.THIRD_PARTY_CONSULTATION, d)
    ),
    DocumentKind.AGENCY_CONSULTATION: lambda c, d: bool(
        _consultations(c, DocumentKind.AGENCY_CONSULTATION, d)
    ),
    DocumentKind.FEE_NOTICE: lambda c, d: c.fee is not None and c.fee.issued <= d,
    DocumentKind.REASONS_REQUEST: lambda c, d: bool(_events(c, EventKind.REQUEST_REASONS, d)),
    DocumentKind.DELAYED_DEADLINE_NOTICE: lambda c, d: (
        c.delayed_deadline is not None and c.delayed_deadline.set_on <= d
    ),
    DocumentKind.REPLY: lambda c, d: bool(_replies(c, d)),
    DocumentKind.TERMINATION_NOTICE: lambda c, d: _ending(c, d) is not None,
    DocumentKind.DELIVERY_RECEIPT: lambda c, d: bool(_replies(c, d)) or _ending(c, d) is not None,
}

#: Why a document does not fit, when it does not.
_UNFIT = {
    DocumentKind.RECEIPT: Wording(
        "the receipt date (day 0, Art. 31) is not confirmed yet",
        "收到申请的日期（第 0 日，第三十一条）尚未确认",
    ),
    DocumentKind.CORRECTION_NOTICE: Wording(
        "no correction notice was recorded (Art. 30)", "没有记录补正告知（第三十条）"
    ),
    DocumentKind.EXTENSION_NOTICE: Wording(
        "the case was never extended (Art. 33)", "案件从未延长答复期限（第三十三条）"
    ),
    DocumentKind.THIRD_PARTY_CONSULTATION: Wording(
        "no third party was consulted (Art. 32)", "没有征求第三方意见（第三十二条）"
    ),
    DocumentKind.AGENCY_CONSULTATION: Wording(
        "no other agency was consulted (Art. 34)", "没有征求其他机关意见（第三十四条）"
    ),
    DocumentKind.FEE_NOTICE: Wording(
        "no fee notice was recorded (FEES)", "没有记录收费通知（收费办法）"
    ),
    DocumentKind.REASONS_REQUEST: Wording(
        "no reasons were requested (Art. 35)", "没有要求说明理由（第三十五条）"
    ),
    DocumentKind.DELAYED_DEADLINE_NOTICE: Wording(
        "no Art. 35 later deadline was set", "没有依第三十五条另行确定答复期限"
    ),
    DocumentKind.REPLY: Wording("the case has no reply", "案件没有答复"),
    DocumentKind.TERMINATION_NOTICE: Wording(
        "the case did not end as deemed abandoned or not processed further (Art. 30, FEES)",
        "案件并非以视为放弃或不再处理终结（第三十条、收费办法）",
    ),
    DocumentKind.DELIVERY_RECEIPT: Wording(
        "there is no reply or termination notice to deliver", "没有需要送达的答复或终结告知"
    ),
}


def documents_for(case: Case, *, as_of: _dt.date | None = None) -> tuple[DocumentKind, ...]:
    """The documents that fit *case* as its history stands at the end of *as_of*
    (default: all of it), in the order of :class:`DocumentKind` (可出具的文书).

    >>> import datetime as dt
    >>> from disclosure_flow import (
    ...     Applicant, ApplicantKind, Case, Channel, DeliveryMethod, InformationRequest,
    ...     ProvisionForm, WorkdayCalendar)
    >>> case = Case.open(
    ...     "2026-001", applicant=Applicant(ApplicantKind.NATURAL_PERSON, "张三"),
    ...     request=InformationRequest("2025年部门预算", ProvisionForm.PAPER, DeliveryMethod.POST),
    ...     channel=Channel.IN_PERSON, received=dt.date(2026, 3, 2), calendar=WorkdayCalendar())
    >>> [kind.value for kind in documents_for(case)]
    ['receipt']
    """
    day = _last_day(case) if as_of is None else as_of
    return tuple(kind for kind in DocumentKind if _FITS[kind](case, day))


def _refuse_unfit(case: Case, kind: DocumentKind, as_of: _dt.date) -> DocumentError:
    fitting = documents_for(case, as_of=as_of)
    listed = ", ".join(k.describe for k in fitting) or "none yet"
    return DocumentError(
        kind.value,
        Wording(
            f"{kind.describe} does not fit the case in state {case.state.value}: {_UNFIT[kind]}",
            f"{kind.describe}与状态为 {case.state.value} 的案件不符：{_UNFIT[kind].zh}",
        ),
        Wording(f"a document that fits the case: {listed}", f"与案件相符的文书：{listed}"),
    )


# -- the remedies ----------------------------------------------------------------------


def _in_force(case: Case, kind: PeriodKind, start: _dt.date) -> str:
    """The remedy period of *kind* in force for an act of *start*, as a document states it
    (``60日``, ``6个月``): the clock's own choice of law (the 1989 litigation period, the
    1999 reconsideration law), asked as counted, so that no calendar day is looked up."""
    counted = attrs.evolve(case.policy, remedy_last_day=RemedyLastDay.AS_COUNTED)
    end = period_end(kind, start, policy=counted, calendar=case.calendar)
    return period_zh(end.period.length, end.period.unit.value)


def _remedies(b: _Builder, act_day: _dt.date, *, withheld: bool) -> dict[str, Any]:
    """The remedies paragraph's values, SPEC §8, §11: the reconsideration body and the
    court from the profile, the periods from the policy — or 复议前置 against a 不予公开
    reply made from 2024-01-01 (行政复议法 2023 Art. 23 ¶1(4)), where only reconsideration
    is open and a suit follows its decision."""
    case, agency = b.case, b.agency
    first = withheld and act_day >= RECONSIDERATION_FIRST_FROM
    after = case.policy.litigation_after_reconsideration_period
    reconsideration = _in_force(case, PeriodKind.RECONSIDERATION, act_day)
    litigation = _in_force(case, PeriodKind.LITIGATION, act_day)
    after_reconsideration = period_zh(after.length, after.unit.value)
    b.need("agency.reconsideration_body", agency.reconsideration_body)
    b.require("remedies", agency.reconsideration_body, reconsideration)
    if first:
        b.require("remedies", after_reconsideration)
    else:
        b.need("agency.court", agency.court)
        b.require("remedies", agency.court, litigation)
    return {
        "reconsideration_first": first,
        "body": agency.reconsideration_body,
        "court": agency.court,
        "reconsideration": reconsideration,
        "litigation": litigation,
        "after_reconsideration": after_reconsideration,
    }


# -- each document's own content ---------------------------------------------------------

_Made = tuple[_dt.date, "str | None", dict[str, Any], tuple[tuple[str, str], ...]]


def _receipt(b: _Builder, as_of: _dt.date, about: str | None) -> _Made:
    case = b.case
    day0 = case.day_zero
    assert day0 is not None
    due = b.due(case.deadline(as_of=day0))
    b.require("day_zero", chinese_date(day0))
    due_zh = chinese_date(due) if due else None
    b.require("due", due_zh, _reply_period(case))
    return day0, case.applicant.name, {"due": due_zh}, ()


def _reply_period(case: Case) -> str:
    period = case.policy.reply_period
    return period_zh(period.length, period.unit.value)


def _correction(b: _Builder, as_of: _dt.date, about: str | None) -> _Made:
    c = b.case.correction
    assert c is not None
    b.require("items", c.items)
    b.require("period", chinese_date(c.due))
    return (
        c.issued,
        b.case.applicant.name,
        {"items": c.items, "correction_due": chinese_date(c.due)},
        (),
    )


def _extension(b: _Builder, as_of: _dt.date, about: str | None) -> _Made:
    case = b.case
    extension = [e for e in case.extensions if e.granted_on <= as_of][-1]
    deadline = case.deadline(as_of=extension.granted_on)
    due = b.due(deadline)
    days = period_zh(extension.days, "working_days")
    total = period_zh(deadline.period, "working_days") if deadline else None
    b.require("extension", days)
    b.require("new_due", chinese_date(due) if due else total)
    return (
        extension.granted_on,
        case.applicant.name,
        {
            "days": days,
            "approver": extension.approver,
            "new_due": chinese_date(due) if due else None,
            "total": total,
        },
        (),
    )


def _consultation(b: _Builder, as_of: _dt.date, about: str | None) -> _Made:
    case, kind = b.case, b.kind
    found = _consultations(case, kind, as_of)
    if about is not None:
        found = [c for c in found if c.consultee == about]
        if not found:
            named = ", ".join(c.consultee for c in _consultations(case, kind, as_of))
            raise DocumentError(
                kind.value,
                Wording(
                    f"no consultation of {about!r} by {as_of.isoformat()}",
                    f"截至 {as_of.isoformat()} 没有征求 {about!r} 的意见",
                ),
                Wording(f"one of {named}", f"以下之一：{named}"),
            )
    consultation = found[-1]
    third = kind is DocumentKind.THIRD_PARTY_CONSULTATION
    period_kind = PeriodKind.THIRD_PARTY_ANSWER if third else PeriodKind.INTER_AGENCY_ANSWER
    period = getattr(case.policy, period_kind.value)
    b.need(f"policy.{period_kind.value}", period)
    due = b.period_due(period_kind, consultation.letter_received) if period else None
    answer = period_zh(period.length, period.unit.value) if period else None
    b.require("information", case.request.description)
    b.require("answer_period", answer, chinese_date(due) if due else None)
    article = cite(period.article) if period else None
    return (
        consultation.sent,
        consultation.consultee,
        {
            "consultee": consultation.consultee,
            "answer_period": answer,
            "answer_due": chinese_date(due) if due else None,
            "article": article,
        },
        (),
    )


def _fee(b: _Builder, as_of: _dt.date, breakdown: FeeBreakdown | None) -> _Made:
    case, agency = b.case, b.agency
    fee = case.fee
    assert fee is not None
    b.need("fee (the calculation: per_item_fee(...) or per_volume_fee(...))", breakdown)
    b.need("agency.fee_payment", agency.fee_payment)
    if breakdown is not None and (
        breakdown.method is not fee.method or breakdown.total != fee.amount
    ):
        raise DocumentError(
            b.kind.value,
            Wording(
                f"the calculation ({breakdown.method.label_zh}, {breakdown.total}元) is not the "
                f"fee notice's ({fee.method.label_zh}, {fee.amount}元)",
                f"计算结果（{breakdown.method.label_zh}，{breakdown.total}元）与收费通知"
                f"（{fee.method.label_zh}，{fee.amount}元）不符",
            ),
            Wording(
                "the FeeBreakdown of the notice's method whose total is its amount",
                "按通知的计收方式、合计等于通知金额的 FeeBreakdown",
            ),
        )
    period = case.policy.fee_payment_period
    b.need("policy.fee_payment_period", period)
    due = b.period_due(PeriodKind.FEE_PAYMENT, fee.notice_received) if period else None
    amount = f"{fee.amount}元"
    b.require("method", fee.method.label_zh)
    b.require("amount", amount)
    b.require("payment", period_zh(period.length, period.unit.value) if period else None)
    b.require("payment", chinese_date(due) if due else None, agency.fee_payment)
    return (
        fee.issued,
        case.applicant.name,
        {
            "method": fee.method.label_zh,
            "calculation": breakdown.describe_zh() if breakdown else None,
            "units": breakdown.units if breakdown else None,
            "unit": fee.method.unit_zh,
            "amount": amount,
            "payment_period": period_zh(period.length, period.unit.value) if period else None,
            "payment_due": chinese_date(due) if due else None,
        },
        (),
    )


def _reasons(b: _Builder, as_of: _dt.date, about: str | None) -> _Made:
    event = _events(b.case, EventKind.REQUEST_REASONS, as_of)[-1]
    return event.day, b.case.applicant.name, {"reply_article": cite("Art. 33")}, ()


def _delayed(b: _Builder, as_of: _dt.date, about: str | None) -> _Made:
    d = b.case.delayed_deadline
    assert d is not None
    b.require("new_due", chinese_date(d.due))
    return d.set_on, b.case.applicant.name, {"new_due": chinese_date(d.due)}, ()


#: The decision each reply states in the law's own words (Art. 30, 35–39).
_DECISION: dict[OutcomeReason, str] = {
    OutcomeReason.ALREADY_PUBLIC: "主动公开",
    OutcomeReason.DISCLOSED: "予以公开",
    OutcomeReason.PARTIALLY_DISCLOSED: "部分公开",
    **dict.fromkeys(OutcomeKind.WITHHELD.reasons, "不予公开"),
    OutcomeReason.ADMINISTRATIVE_QUERY: "依照有关法律、行政法规的规定",
    OutcomeReason.NOT_HELD: "不存在",
    OutcomeReason.NOT_THIS_AGENCY: "不属于本机关负责公开",
    OutcomeReason.NEEDS_CREATION: "不予提供",
    OutcomeReason.STILL_UNCLEAR: "仍不明确",
    OutcomeReason.PETITION: "不作为政府信息公开申请处理",
    OutcomeReason.REPEATED: "不予重复处理",
    OutcomeReason.PUBLICATION: "公开出版物",
    OutcomeReason.EXCESSIVE: "不予处理",
    OutcomeReason.CONFIRM_OR_REISSUE: "不作为政府信息公开申请处理",
}


def _grounds(reasons: tuple[OutcomeReason, ...]) -> list[dict[str, str]]:
    return [{"value": r.value, "label": r.label_zh, "article": cite(r.article)} for r in reasons]


def _reply(b: _Builder, as_of: _dt.date, about: str | None) -> _Made:
    case, agency = b.case, b.agency
    reply = _replies(case, as_of)[-1]
    if not reply.remedies_stated:
        raise DocumentError(
            b.kind.value,
            Wording(
                "the reply was recorded as not stating the remedies (remedies_stated=False), "
                "and a reply document always states them",
                "答复记录为未告知救济途径（remedies_stated=False），而答复文书总要告知",
            ),
            Wording(
                "a reply recorded with remedies_stated=True (the default)",
                "记录为 remedies_stated=True（默认）的答复",
            ),
        )
    outcome = reply.outcome
    kind, reason = outcome.kind, outcome.reason
    b.require("outcome", _DECISION[reason])
    article = cite(reason.article) if reason.article.startswith("Art.") else None
    ground = reason.is_withholding_ground and reason is not OutcomeReason.ADMINISTRATIVE_QUERY
    b.require("reasons" if ground else "outcome", article)
    explained = ground or kind is OutcomeKind.PARTIALLY_DISCLOSED
    if not explained and reason is not OutcomeReason.NOT_THIS_AGENCY:
        b.nonempty.discard("reasons")  # Art. 36: reasons for (3) 不予公开 and (5) only
    if kind is OutcomeKind.PARTIALLY_DISCLOSED:
        b.require("reasons", outcome.withheld, *(cite(g.article) for g in outcome.withheld_grounds))
    if outcome.competent_agency is not None:
        b.require("reasons", outcome.competent_agency)
    if kind not in (OutcomeKind.DISCLOSED, OutcomeKind.PARTIALLY_DISCLOSED):
        b.nonempty.discard("provision")
    if reason is OutcomeReason.ALREADY_PUBLIC:
        if outcome.note is None:
            b.need(
                "outcome.note or agency.website (where it was published, Art. 36(1))",
                agency.website,
            )
        b.require("provision", outcome.note or agency.website)
    fee = case.fee
    paid = fee is not None and fee.paid is not None and fee.paid <= reply.day
    if paid:
        assert fee is not None
        b.require("fees", f"{fee.amount}元")
    elif kind not in (OutcomeKind.DISCLOSED, OutcomeKind.PARTIALLY_DISCLOSED):
        b.nonempty.discard("fees")
    delivered = _delivery(case)
    method = delivered[0] if delivered else None
    return (
        reply.day,
        case.applicant.name,
        {
            "outcome": {
                "kind": kind.value,
                "kind_label": kind.label_zh,
                "reason": reason.value,
                "reason_label": reason.label_zh,
                "article": cite(reason.article) if reason.article.startswith("Art.") else None,
                "withheld": outcome.withheld,
                "grounds": _grounds(outcome.withheld_grounds),
                "competent_agency": outcome.competent_agency,
                "note": outcome.note,
            },
            "provided_by": method.label_zh
            if method is not None and method is not case.request.delivery
            else None,
            "provision_article": cite("Art. 40"),
            "fee_paid": f"{fee.amount}元" if paid and fee is not None else None,
            "fee_article": cite("Art. 42"),
            "remedies": _remedies(b, reply.day, withheld=kind is OutcomeKind.WITHHELD),
            "re_reply": len(_replies(case, as_of)) > 1,
        },
        (),
    )


def _termination(b: _Builder, as_of: _dt.date, about: str | None) -> _Made:
    case = b.case
    ending = _ending(case, as_of)
    assert ending is not None
    assert case.ended is not None
    values: dict[str, Any] = {"ending": ending.value, "ended": chinese_date(case.ended)}
    if ending is OutcomeReason.CORRECTION_LAPSED:
        c = case.correction
        assert c is not None
        values |= {"notice_issued": chinese_date(c.issued), "notice_due": chinese_date(c.due)}
        b.require("ending", cite("Art. 30"))
    else:
        fee = case.fee
        assert fee is not None
        period = case.policy.fee_payment_period
        b.need("policy.fee_payment_period", period)
        due = b.period_due(PeriodKind.FEE_PAYMENT, fee.notice_received) if period else None
        values |= {
            "notice_issued": chinese_date(fee.issued),
            "notice_due": chinese_date(due) if due else None,
            "amount": f"{fee.amount}元",
        }
        b.require("ending", f"{fee.amount}元")
    values["remedies"] = _remedies(b, case.ended, withheld=False)
    return case.ended, case.applicant.name, values, ()


def _delivery(case: Case) -> tuple[DeliveryMethod | None, _dt.date, _dt.date | None] | None:
    """The recorded delivery of the act in force: method, day, day received."""
    if case.delivered is None:
        return None
    event = [e for e in case.history if e.event is EventKind.DELIVER][-1]
    return event.payload.get("method"), event.day, event.payload.get("received")


_BLANK_DATE = "　　年　　月　　日"


def _delivery_receipt(b: _Builder, as_of: _dt.date, about: str | None) -> _Made:
    case = b.case
    replies = _replies(case, as_of)
    if replies:
        act, title = replies[-1].day, DocumentKind.REPLY.title_zh
    else:
        assert case.ended is not None
        act, title = case.ended, DocumentKind.TERMINATION_NOTICE.title_zh
    kind = DocumentKind.REPLY if replies else DocumentKind.TERMINATION_NOTICE
    number = b.agency.document_number(kind, act.year, about) or ""
    delivered = _delivery(case)
    method, day, received = delivered if delivered else (None, None, None)
    method = method or case.request.delivery
    rows = (
        ("送达文书", f"{title}{'（' + number + '）' if number else ''}"),
        ("受送达人", case.applicant.name),
        ("送达地点", case.applicant.contact.address or ""),
        ("送达方式", method.label_zh),
        ("送达日期", chinese_date(day) if day else _BLANK_DATE),
        (
            "受送达人签收",
            f"已签收（{chinese_date(received)}）"
            if received
            else f"签名（盖章）：　　　　{_BLANK_DATE}",
        ),
        ("送达人", f"签名：　　　　{_BLANK_DATE}"),
        ("备注", ""),
    )
    b.require("table", title, case.applicant.name)
    return day or act, None, {"delivered_title": title}, rows


_MAKERS: dict[DocumentKind, Callable[[_Builder, _dt.date, Any], _Made]] = {
    DocumentKind.RECEIPT: _receipt,
    DocumentKind.CORRECTION_NOTICE: _correction,
    DocumentKind.EXTENSION_NOTICE: _extension,
    DocumentKind.THIRD_PARTY_CONSULTATION: _consultation,
    DocumentKind.AGENCY_CONSULTATION: _consultation,
    DocumentKind.FEE_NOTICE: _fee,
    DocumentKind.REASONS_REQUEST: _reasons,
    DocumentKind.DELAYED_DEADLINE_NOTICE: _delayed,
    DocumentKind.REPLY: _reply,
    DocumentKind.TERMINATION_NOTICE: _termination,
    DocumentKind.DELIVERY_RECEIPT: _delivery_receipt,
}


def prepare(
    case: Case,
    kind: DocumentKind,
    agency: AgencyProfile,
    *,
    as_of: _dt.date | None = None,
    fee: FeeBreakdown | None = None,
    consultee: str | None = None,
    number: int | str | None = None,
) -> Prepared:
    """What document *kind* states for *case*, as its history stands at the end of *as_of*.

    Raises:
        DocumentError: the document does not fit the case, or the profile (or *fee*)
            lacks what it must state — every missing field at once.
    """
    day = _last_day(case) if as_of is None else as_of
    if case.policy == R2008:
        raise DocumentError(
            kind.value,
            Wording(
                "the case follows the 2008 regulation (R2008), and the documents cite the "
                "2019 regulation's articles",
                "案件适用 2008 年条例（R2008），而文书引用的是 2019 年条例的条文",
            ),
            Wording(
                "a case under R2019 (day 0 from 2019-05-15) or a policy made from it",
                "适用 R2019 的案件（第 0 日在 2019-05-15 或之后），或由其派生的规则集",
            ),
        )
    if not _FITS[kind](case, day):
        raise _refuse_unfit(case, kind, day)
    b = _Builder(case, kind, agency)
    extra: Any = fee if kind is DocumentKind.FEE_NOTICE else consultee
    if kind is DocumentKind.DELIVERY_RECEIPT:
        extra = number
    issued, addressee, values, rows = _MAKERS[kind](b, day, extra)
    if b.missing:
        raise DocumentError(
            kind.value,
            Wording(
                f"{kind.describe} needs what is not given: {', '.join(b.missing)}",
                f"{kind.describe}缺少应有的内容：{'、'.join(b.missing)}",
            ),
            Wording(
                "the agency profile (and arguments) with every field listed",
                "列出的每个字段都已填写的机关信息（及参数）",
            ),
            missing=tuple(b.missing),
        )
    context = _common(case, agency) | values
    context["issued"] = chinese_date(issued)
    context["rows"] = rows
    context["title"] = kind.title_zh
    return Prepared(
        kind,
        issued,
        addressee,
        context,
        b.requirements,
        frozenset(b.nonempty),
        rows,
        b.provisional,
    )
