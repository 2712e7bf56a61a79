"""The typed event methods of a case (办理事项): one per event of the lifecycle.

Each is a thin, documented call of :meth:`Case.apply <disclosure_flow.cases.Case.apply>`
with the event's particulars as keyword arguments, so that a host's editor shows what
each act needs. :class:`~disclosure_flow.cases.Case` has them all. An enum particular
(``party``, ``answer``, ``method``, ``result``, ``order``, ``route``, ``provided_form``)
takes a member or its value, as the command line and the stored form write it (e.g.
``party="third_party"`` for ``ConsultedParty.THIRD_PARTY``).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from disclosure_flow.cases.channels import DeliveryMethod, ProvisionForm
from disclosure_flow.cases.fees import FeeMethod
from disclosure_flow.cases.outcomes import Outcome
from disclosure_flow.cases.states import EventKind
from disclosure_flow.cases.values import (
    ConsultationAnswer,
    ConsultedParty,
    LitigationRoute,
    RemedyOrder,
    RemedyResult,
)

if TYPE_CHECKING:
    from disclosure_flow.cases.case import Case

__all__ = ["CaseActs"]


class CaseActs:
    """The typed event methods of :class:`~disclosure_flow.cases.Case` (办理事项); each
    returns the case, so that acts chain."""

    __slots__ = ()

    if TYPE_CHECKING:

        def apply(self, event: EventKind | str, day: _dt.date, **payload: Any) -> Case: ...

    def confirm_receipt(self, day: _dt.date, **options: Any) -> Case:
        """确认收到申请: day 0 for ordinary letters, internet and fax (Art. 31)."""
        return self.apply(EventKind.CONFIRM_RECEIPT, day, **options)

    def start_review(self, day: _dt.date, **options: Any) -> Case:
        """开始审核."""
        return self.apply(EventKind.START_REVIEW, day, **options)

    def notify_correction(
        self, day: _dt.date, *, items: str, due: _dt.date, **options: Any
    ) -> Case:
        """一次性告知补正 (Art. 30): what to correct (*items*) and the last day (*due*).

        Once only, within the policy's correction-notice period of day 0.
        """
        return self.apply(EventKind.NOTIFY_CORRECTION, day, items=items, due=due, **options)

    def receive_correction(self, day: _dt.date, **options: Any) -> Case:
        """收到补正后的申请: the reply period restarts with day 0 = *day* (Art. 30)."""
        return self.apply(EventKind.RECEIVE_CORRECTION, day, **options)

    def correction_lapsed(self, day: _dt.date, **options: Any) -> Case:
        """逾期未补正，视为放弃申请 (Art. 30); only after the correction period."""
        return self.apply(EventKind.CORRECTION_LAPSED, day, **options)

    def start_processing(self, day: _dt.date, **options: Any) -> Case:
        """开始办理."""
        return self.apply(EventKind.START_PROCESSING, day, **options)

    def consult(
        self,
        day: _dt.date,
        *,
        party: ConsultedParty | str,
        consultee: str,
        letter_received: _dt.date | None = None,
        **options: Any,
    ) -> Case:
        """征求意见 (Art. 32, 34): the clock pauses from *day* until the answer.

        Args:
            party: third party or other agency.
            consultee: who is consulted (unique within the case).
            letter_received: when the consultee got the letter (default *day*); its
                answer period counts from there.
        """
        if letter_received is not None:
            options["letter_received"] = letter_received
        return self.apply(EventKind.CONSULT, day, party=party, consultee=consultee, **options)

    def receive_consultation_answer(
        self,
        day: _dt.date,
        *,
        consultee: str,
        answer: ConsultationAnswer | str,
        reasons: str | None = None,
        **options: Any,
    ) -> Case:
        """收到意见: consent, objection (with *reasons*), or silence after the period."""
        if reasons is not None:
            options["reasons"] = reasons
        return self.apply(
            EventKind.RECEIVE_CONSULTATION_ANSWER,
            day,
            consultee=consultee,
            answer=answer,
            **options,
        )

    def extend(
        self,
        day: _dt.date,
        *,
        days: int,
        approver: str,
        notified: _dt.date | None = None,
        **options: Any,
    ) -> Case:
        """延长答复期限 (Art. 33): *days* more working days, approved by *approver*; the
        applicant told on *notified* (Art. 33 ¶2: without it, or after the deadline it
        extends, the case carries a finding)."""
        return self.apply(
            EventKind.EXTEND, day, days=days, approver=approver, notified=notified, **options
        )

    def request_reasons(self, day: _dt.date, **options: Any) -> Case:
        """要求申请人说明理由 (Art. 35)."""
        return self.apply(EventKind.REQUEST_REASONS, day, **options)

    def set_delayed_deadline(
        self, day: _dt.date, *, due: _dt.date, notified: _dt.date | None = None, **options: Any
    ) -> Case:
        """确定延迟答复的合理期限 (Art. 35), after reasons were requested; the applicant told
        on *notified* (without it, the case carries a finding)."""
        return self.apply(
            EventKind.SET_DELAYED_DEADLINE, day, due=due, notified=notified, **options
        )

    def issue_fee_notice(
        self,
        day: _dt.date,
        *,
        amount: int,
        method: FeeMethod | str,
        notice_received: _dt.date | None = None,
        **options: Any,
    ) -> Case:
        """发出收费通知 (FEES): *amount* yuan by one *method*; the clock pauses until payment.

        Only within the reply period; the applicant pays within the policy's payment
        period counted from the day after *notice_received* (default *day*).
        """
        if notice_received is not None:
            options["notice_received"] = notice_received
        return self.apply(EventKind.ISSUE_FEE_NOTICE, day, amount=amount, method=method, **options)

    def receive_payment(self, day: _dt.date, **options: Any) -> Case:
        """收到缴费: processing resumes."""
        return self.apply(EventKind.RECEIVE_PAYMENT, day, **options)

    def fee_lapsed(self, day: _dt.date, **options: Any) -> Case:
        """逾期未缴费，不再处理 (FEES); only after the payment period."""
        return self.apply(EventKind.FEE_LAPSED, day, **options)

    def reply(
        self,
        day: _dt.date,
        *,
        outcome: Outcome | None = None,
        item_outcomes: Sequence[tuple[str, Outcome]] | None = None,
        remedies_stated: bool | None = None,
        provided_form: ProvisionForm | str | None = None,
        form_reason: str | None = None,
        override_notified: _dt.date | None = None,
        **options: Any,
    ) -> Case:
        """答复 with an :class:`~disclosure_flow.cases.outcomes.Outcome` (Art. 36–39).

        A reply after the deadline is recorded and carries a finding.

        Args:
            day: the day of the reply (it decides whether the reply was in time).
            outcome: how the request is answered (an application of one item).
            item_outcomes: for an application of several items, ``(item, Outcome)`` for
                each item still open; the application's outcome is combined from them
                (:func:`~disclosure_flow.cases.outcomes.combine_outcomes`).
            remedies_stated: ``False`` if the reply did not state the remedies (the
                reconsideration period is then at most a year); default stated.
            provided_form: the form the information is provided in; another than the one
                asked for needs *form_reason* (Art. 40).
            form_reason: why the form differs (Art. 40).
            override_notified: the day a third party that objected was told in writing
                that the information is disclosed in the public interest (Art. 32).
            **options: ``actor``, ``note``, ``expected_version``.
        """
        particulars = {
            "item_outcomes": None if item_outcomes is None else tuple(item_outcomes),
            "remedies_stated": remedies_stated,
            "provided_form": provided_form,
            "form_reason": form_reason,
            "override_notified": override_notified,
        }
        return self.apply(EventKind.REPLY, day, outcome=outcome, **particulars, **options)

    def withdraw_item(self, day: _dt.date, *, item: str, **options: Any) -> Case:
        """撤回部分申请内容: the applicant withdraws one *item* of an application of several
        (the last one: :meth:`withdraw` the application)."""
        return self.apply(EventKind.WITHDRAW_ITEM, day, item=item, **options)

    def deliver(
        self,
        day: _dt.date,
        *,
        method: DeliveryMethod | str | None = None,
        received: _dt.date | None = None,
        **options: Any,
    ) -> Case:
        """送达: *day* the reply was dispatched; *received* the day the applicant received it
        (签收、回执、电子确认), from which the remedy periods run (实施条例 Art. 15)."""
        return self.apply(EventKind.DELIVER, day, method=method, received=received, **options)

    def archive(self, day: _dt.date, **options: Any) -> Case:
        """归档 (no proceeding may be pending)."""
        return self.apply(EventKind.ARCHIVE, day, **options)

    def withdraw(self, day: _dt.date, **options: Any) -> Case:
        """申请人撤回申请."""
        return self.apply(EventKind.WITHDRAW, day, **options)

    def file_reconsideration(self, day: _dt.date, **options: Any) -> Case:
        """申请行政复议."""
        return self.apply(EventKind.FILE_RECONSIDERATION, day, **options)

    def decide_reconsideration(
        self,
        day: _dt.date,
        *,
        result: RemedyResult | str,
        received: _dt.date | None = None,
        order: RemedyOrder | str | None = None,
        order_days: int | None = None,
        order_received: _dt.date | None = None,
        **options: Any,
    ) -> Case:
        """行政复议决定 (维持/纠正/其他).

        Args:
            day: the day of the decision.
            result: upheld, corrected or other (table 四).
            received: the day the applicant received it (a suit runs 15 days from it).
            order: for a correction, what it orders: a new reply (re-opens the case) or,
                against inaction, to perform.
            order_days: the working days the decision gives for it; default the policy's
                reply period [convention].
            order_received: the day the agency received the decision (the new period
                counts from it); default *day*.
            **options: ``actor``, ``note``, ``expected_version``.
        """
        particulars = {
            "received": received,
            "order": order,
            "order_days": order_days,
            "order_received": order_received,
        }
        return self.apply(
            EventKind.DECIDE_RECONSIDERATION, day, result=result, **particulars, **options
        )

    def file_litigation(
        self, day: _dt.date, *, route: LitigationRoute | str, **options: Any
    ) -> Case:
        """提起行政诉讼 (直接起诉 or 复议后起诉)."""
        return self.apply(EventKind.FILE_LITIGATION, day, route=route, **options)

    def decide_litigation(
        self,
        day: _dt.date,
        *,
        result: RemedyResult | str,
        order: RemedyOrder | str | None = None,
        order_days: int | None = None,
        order_received: _dt.date | None = None,
        **options: Any,
    ) -> Case:
        """行政诉讼裁判 (维持/纠正/其他); *order*, *order_days* and *order_received* as for
        :meth:`decide_reconsideration` (判决重新作出, 判决履行)."""
        particulars = {"order": order, "order_days": order_days, "order_received": order_received}
        return self.apply(EventKind.DECIDE_LITIGATION, day, result=result, **particulars, **options)
