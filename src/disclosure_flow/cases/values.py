"""The values of a case (案件的值): options and frozen records, no behaviour.

The options of consultations (征求意见), remedies (救济途径) and dispatch; the frozen
records a :class:`~disclosure_flow.cases.case.Case` derives from its history — the correction
notice (补正告知), consultations, extensions (延长答复期限), the Art. 35 deadline, the
fee notice (收费通知), the reply (答复), proceedings (行政复议、行政诉讼) — an entry of
the history (:class:`CaseEvent`, 办理记录) and the shorter periods
(:class:`SubDeadline`, 子期限). Public through :mod:`disclosure_flow.cases.case`.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from disclosure_flow.cases.channels import ProvisionForm
from disclosure_flow.cases.fees import FeeMethod
from disclosure_flow.cases.outcomes import Outcome
from disclosure_flow.cases.states import CaseState, EventKind
from disclosure_flow.clock import PauseReason, PeriodEnd

# ---------------------------------------------------------------------------
# Options and values


class Dispatch(enum.Enum):
    """How :meth:`Case.apply` runs an event through the lifecycle.

    Members:
        TABLE: the dispatch table compiled from the shared ``transitions`` machine
            (default; about ten times faster).
        MACHINE: ``machine.events[event].trigger(case, ...)`` on the shared machine
            itself. Same result (a differential test keeps them in agreement).
    """

    TABLE = "table"
    MACHINE = "machine"


class ConsultedParty(enum.Enum):
    """Who is consulted (征求意见的对象).

    Members:
        THIRD_PARTY: a third party whose lawful rights may be harmed (第三方, Art. 32);
            silence does not mean consent: the agency decides.
        OTHER_AGENCY: another agency, for jointly produced information (其他机关,
            Art. 34); silence means consent.
    """

    THIRD_PARTY = "third_party"
    OTHER_AGENCY = "other_agency"

    @property
    def label_zh(self) -> str:
        """The Chinese label."""
        return "第三方" if self is ConsultedParty.THIRD_PARTY else "其他机关"

    @property
    def pause_reason(self) -> PauseReason:
        """The clock's pause reason for this consultation."""
        if self is ConsultedParty.THIRD_PARTY:
            return PauseReason.THIRD_PARTY
        return PauseReason.INTER_AGENCY


class ConsultationAnswer(enum.Enum):
    """The answer to a consultation (意见).

    Members:
        CONSENT: 同意公开.
        OBJECTION: 不同意公开, with reasons (理由).
        NO_ANSWER: 逾期未提出意见 — recorded after the answer period ran out. For
            another agency it means consent (视为同意, Art. 34); for a third party
            the agency decides (由行政机关依法决定, Art. 32).
    """

    CONSENT = "consent"
    OBJECTION = "objection"
    NO_ANSWER = "no_answer"


class RemedyKind(enum.Enum):
    """A remedy the applicant pursued after the reply (救济途径).

    Members:
        RECONSIDERATION: administrative reconsideration (行政复议).
        LITIGATION: administrative litigation (行政诉讼).
    """

    RECONSIDERATION = "reconsideration"
    LITIGATION = "litigation"
    LITIGATION_AFTER_RECONSIDERATION = "litigation_after_reconsideration"


class LitigationRoute(enum.Enum):
    """How litigation came about (annual report table 四).

    Members:
        DIRECT: filed directly (未经复议直接起诉).
        AFTER_RECONSIDERATION: filed after reconsideration (复议后起诉).
    """

    DIRECT = "direct"
    AFTER_RECONSIDERATION = "after_reconsideration"


class RemedyOrder(enum.Enum):
    """What a decision orders the agency to do (决定或判决的内容), when it corrects the act.

    Members:
        NEW_REPLY: make a new reply (责令重新作出 / 判决重新作出: 行政复议法 2023 Art. 64,
            行政诉讼法 Art. 70): the case re-opens with a new reply period, and the new
            reply is itself an act open to remedies.
        PERFORM: perform the duty (责令履行 / 判决履行: 行政复议法 2023 Art. 66, 行政诉讼法
            Art. 72) — against inaction: answer the request within the period set.
    """

    NEW_REPLY = "new_reply"
    PERFORM = "perform"


class RemedyResult(enum.Enum):
    """The result of a proceeding, as the annual report's table 四 counts it.

    Members:
        UPHELD: 结果维持.
        CORRECTED: 结果纠正.
        OTHER: 其他结果.
        PENDING: 尚未审结 (not a decision: the state of a proceeding not yet decided).
    """

    UPHELD = "upheld"
    CORRECTED = "corrected"
    OTHER = "other"
    PENDING = "pending"


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


@attrs.frozen
class CorrectionRecord:
    """The one correction notice of a case (补正告知书, Art. 30).

    Attributes:
        issued: the day it was sent.
        items: what to correct (需要补正的事项).
        due: the reasonable period the agency set (补正期限), as a last day.
        received: the day the corrected application arrived (new day 0), or ``None``.
    """

    issued: _dt.date
    items: str
    due: _dt.date
    received: _dt.date | None = None


@attrs.frozen
class Consultation:
    """One consultation (征求意见), Art. 32 and 34.

    Attributes:
        party: third party or other agency.
        consultee: who is consulted (name), unique among the case's consultations.
        sent: the day the letter went out (the clock pauses after it).
        letter_received: the day the consultee received the letter (its answer
            period counts from there).
        answered: the day the answer arrived, or the day silence was recorded.
        answer: the answer, or ``None`` while open.
        reasons: the objection's reasons (理由), if any.
    """

    party: ConsultedParty
    consultee: str
    sent: _dt.date
    letter_received: _dt.date
    answered: _dt.date | None = None
    answer: ConsultationAnswer | None = None
    reasons: str | None = None

    @property
    def is_open(self) -> bool:
        """Whether the answer is still awaited."""
        return self.answer is None

    @property
    def deemed_consent(self) -> bool | None:
        """Consent as the law reads it: ``True`` for consent and for another agency's
        silence (视为同意, Art. 34), ``False`` for an objection, ``None`` while open
        or for a third party's silence (the agency decides, Art. 32)."""
        if self.answer is ConsultationAnswer.CONSENT:
            return True
        if self.answer is ConsultationAnswer.OBJECTION:
            return False
        if self.answer is ConsultationAnswer.NO_ANSWER:
            return True if self.party is ConsultedParty.OTHER_AGENCY else None
        return None


@attrs.frozen
class ExtensionRecord:
    """An extension of the reply period (延长答复期限, Art. 33).

    Attributes:
        days: working days added.
        approver: who approved it (政府信息公开工作机构负责人).
        granted_on: the day it was granted.
        notified: the day the applicant was told (告知申请人, Art. 33 ¶2), if recorded.
    """

    days: int
    approver: str
    granted_on: _dt.date
    notified: _dt.date | None = None


@attrs.frozen
class DelayedDeadlineRecord:
    """An Art. 35 later deadline (合理的延迟答复期限).

    Attributes:
        due: the deadline the agency set.
        set_on: the day it was set.
        notified: the day the applicant was told (告知申请人, Art. 35), if recorded.
    """

    due: _dt.date
    set_on: _dt.date
    notified: _dt.date | None = None


@attrs.frozen
class FeeNotice:
    """A fee notice (收费通知, FEES).

    Attributes:
        issued: the day it was sent (the clock pauses after it).
        amount: the amount in yuan (元).
        method: per item (按件) or per volume (按量); one method per request.
        notice_received: the day the applicant received it (the payment period
            counts from the day after).
        paid: the day payment arrived, or ``None``.
    """

    issued: _dt.date
    amount: int
    method: FeeMethod
    notice_received: _dt.date
    paid: _dt.date | None = None


@attrs.frozen
class ReplyRecord:
    """The reply on the merits (答复).

    Attributes:
        day: the day of the reply.
        outcome: the outcome (答复结果), an :class:`~disclosure_flow.cases.outcomes.Outcome`.
        remedies_stated: whether the reply told the applicant the remedies — the right,
            the body and the period (告知救济途径); if not, the reconsideration period
            runs from learning of them, at most a year (行政复议法 2023 Art. 20 ¶3).
        provided_form: the form the information is provided in, when recorded; another
            than the one asked for needs ``form_reason`` (Art. 40: the carrier would be
            endangered, or it is impractical — 查阅、抄录 instead).
        form_reason: why the form differs from the one asked for (Art. 40).
        override_notified: when a disclosure overrides a third party's objection in the
            public interest, the day the third party was told in writing (书面告知第三方,
            Art. 32).
        item_outcomes: for an application of several items, each item's outcome; then
            ``outcome`` is how the application counts, combined from them
            (:func:`~disclosure_flow.cases.outcomes.combine_outcomes`).
    """

    day: _dt.date
    outcome: Outcome
    remedies_stated: bool = True
    provided_form: ProvisionForm | None = None
    form_reason: str | None = None
    override_notified: _dt.date | None = None
    item_outcomes: tuple[tuple[str, Outcome], ...] = ()


@attrs.frozen
class Proceeding:
    """A reconsideration or a lawsuit about the reply (行政复议、行政诉讼).

    Attributes:
        kind: reconsideration or litigation.
        filed: the day it was filed (立案/申请).
        route: for litigation, direct or after reconsideration; else ``None``.
        decided: the day of the decision, or ``None`` while pending.
        result: the result; :attr:`RemedyResult.PENDING` while pending.
        decision_received: the day the applicant received a reconsideration decision (a
            suit then runs 15 days from it, 行政诉讼法 Art. 45), if recorded.
        order: what the decision orders the agency to do, if anything.
    """

    kind: RemedyKind
    filed: _dt.date
    route: LitigationRoute | None = None
    decided: _dt.date | None = None
    result: RemedyResult = RemedyResult.PENDING
    decision_received: _dt.date | None = None
    order: RemedyOrder | None = None

    def result_as_of(self, day: _dt.date) -> RemedyResult:
        """The result as known at the end of *day* (尚未审结 before the decision)."""
        if self.decided is None or self.decided > day:
            return RemedyResult.PENDING
        return self.result


_EMPTY: Mapping[str, Any] = MappingProxyType({})


@attrs.frozen
class CaseEvent:
    """One entry of a case's append-only history (办理记录).

    Attributes:
        event: what happened.
        day: the day it happened (civil date).
        state_before: the case's state before it.
        state_after: the case's state after it.
        version: the case's version after it (1 for the first event).
        payload: the event's particulars (e.g. ``days`` and ``approver`` of an
            extension), read-only.
        actor: who recorded it (经办人), if given.
        note: a free note (备注), if given.
    """

    event: EventKind
    day: _dt.date
    state_before: CaseState
    state_after: CaseState
    version: int
    payload: Mapping[str, Any] = attrs.field(default=_EMPTY, hash=False)
    actor: str | None = None
    note: str | None = None


class SubDeadlineKind(enum.Enum):
    """Which shorter period (子期限种类).

    Members:
        CORRECTION_NOTICE: the agency's period to send a correction notice (补正告知期限,
            Art. 30), from day 0.
        CORRECTION: the applicant's period to correct, set by the agency (补正期限).
        THIRD_PARTY_ANSWER: a third party's answer period (第三方答复期限, Art. 32).
        INTER_AGENCY_ANSWER: another agency's answer period (其他机关答复期限, Art. 34).
        FEE_PAYMENT: the applicant's payment period (缴费期限, FEES).
        RECONSIDERATION: the applicant's period to apply for reconsideration
            (行政复议申请期限), from learning of the act: the reply's receipt (or its
            dispatch, when no receipt is recorded), or the ending without a reply.
        LITIGATION: the applicant's period to sue (起诉期限), from the same day; none
            against a 不予公开 reply made from 2024-01-01 (复议前置).
        LITIGATION_AFTER_RECONSIDERATION: the period to sue after a reconsideration,
            from receiving its decision (行政诉讼法 Art. 45).
    """

    CORRECTION_NOTICE = "correction_notice"
    CORRECTION = "correction"
    THIRD_PARTY_ANSWER = "third_party_answer"
    INTER_AGENCY_ANSWER = "inter_agency_answer"
    FEE_PAYMENT = "fee_payment"
    RECONSIDERATION = "reconsideration"
    LITIGATION = "litigation"
    LITIGATION_AFTER_RECONSIDERATION = "litigation_after_reconsideration"


@attrs.frozen
class SubDeadline:
    """A shorter period running in the case's current state (子期限).

    Attributes:
        kind: which period.
        due: its last day (to the end of that day).
        about: whom it concerns (the consultee), if anyone in particular.
        end: the period's computation (start, legal source, provisional range), or
            ``None`` for a period the agency set itself (the correction period).
    """

    kind: SubDeadlineKind
    due: _dt.date
    about: str | None = None
    end: PeriodEnd | None = None


@attrs.frozen
class ItemState:
    """One item of an application of several (申请内容之一) and where it stands.

    Attributes:
        item: the item as the applicant wrote it.
        withdrawn: the day the applicant withdrew it, if so (撤回部分申请内容).
        outcome: its outcome, once replied.
    """

    item: str
    withdrawn: _dt.date | None = None
    outcome: Outcome | None = None
