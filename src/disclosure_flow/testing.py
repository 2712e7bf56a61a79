"""Helpers for the host's own tests (测试辅助): a readable scenario builder.

A :class:`Scenario` tells a request's story the way a clerk would — received on X,
consulted a third party from Y to Z, extended by 10 working days, replied on W — and
turns it into a real :class:`~disclosure_flow.cases.case.Case`, applied event by event
through the public :class:`~disclosure_flow.cases.case.Case` API, so every rule of the
library applies. A step the lifecycle or the law does not allow raises the library's
own error (:class:`~disclosure_flow.errors.EventRefusedError`,
:class:`~disclosure_flow.errors.InvalidDateError`, …) at the line that added it.

Scenarios are immutable: each step returns a new scenario, so a test can branch one
story into several endings. :meth:`Scenario.case` returns a fresh case each time.

Steps move a case forward for you when the next event needs it: a consultation or a
fee notice on a case still registered first records 开始审核 and 开始办理 on the same
day, a correction notice first records 开始审核, a reply after day 0 first records
开始审核. Record :meth:`~Scenario.review_started` or
:meth:`~Scenario.processing_started` yourself to choose other dates. Nothing else is
implied: receipt by letter, internet or fax waits for :meth:`~Scenario.confirmed`.

Hypothesis strategies live in :mod:`disclosure_flow.strategies` (optional extra
``disclosure-flow[hypothesis]``); this module needs only the library's own
dependencies.

>>> import datetime as dt
>>> from disclosure_flow.testing import Scenario
>>> story = (
...     Scenario(received=dt.date(2026, 9, 28))
...     .consulted_third_party(dt.date(2026, 10, 12), dt.date(2026, 10, 20))
...     .extended(10, on=dt.date(2026, 10, 26))
... )
>>> story.deadline().due
datetime.date(2026, 11, 23)
>>> late = story.replied(dt.date(2026, 11, 25))
>>> [f.late_by for f in late.findings()]
[2]
>>> late.case().state.label_zh
'已答复'
>>> story.replied(dt.date(2026, 10, 27)).archived(dt.date(2026, 10, 28))
Traceback (most recent call last):
...
disclosure_flow.errors.EventRefusedError: event 'archive' refused in state 'replied': ...
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Final, cast

import attrs

from disclosure_flow.cases import (
    Applicant,
    ApplicantKind,
    Case,
    CaseState,
    Channel,
    ConsultationAnswer,
    ConsultedParty,
    DeliveryMethod,
    FeeMethod,
    InformationRequest,
    LitigationRoute,
    Outcome,
    OutcomeKind,
    OutcomeReason,
    ProvisionForm,
    RemedyResult,
)
from disclosure_flow.clock import (
    ClockEvent,
    Deadline,
    DeadlineStatus,
    Finding,
    Policy,
    PolicyDates,
    national_calendar,
)
from disclosure_flow.dates import check_date
from disclosure_flow.errors import InvalidValueError, Wording
from disclosure_flow.workdays import WorkdayCalendar

__all__ = [
    "DEFAULT_APPLICANT",
    "DEFAULT_APPROVER",
    "DEFAULT_OUTCOME",
    "DEFAULT_REQUEST",
    "Scenario",
    "default_calendar",
]

#: The applicant of a scenario unless one is given (test data: a natural person).
DEFAULT_APPLICANT: Final = Applicant(ApplicantKind.NATURAL_PERSON, "测试申请人")
#: The request of a scenario unless one is given (test data).
DEFAULT_REQUEST: Final = InformationRequest(
    "测试用政府信息（非真实申请）", ProvisionForm.PAPER, DeliveryMethod.POST
)
#: The outcome of :meth:`Scenario.replied` unless one is given: （一）予以公开, Art. 36(2).
DEFAULT_OUTCOME: Final = Outcome(OutcomeKind.DISCLOSED, OutcomeReason.DISCLOSED)
#: Who approves an extension unless named (政府信息公开工作机构负责人, Art. 33).
DEFAULT_APPROVER: Final = "政府信息公开工作机构负责人"


def default_calendar() -> WorkdayCalendar:
    """The calendar a scenario uses unless given one: national data only, strict —
    :func:`~disclosure_flow.clock.national_calendar`, the one
    :func:`~disclosure_flow.compute_deadline` uses by default.

    Built once per process (a calendar is immutable, so sharing it is safe).
    """
    return national_calendar()


@attrs.frozen
class _Step:
    """One line of the story: its description and how to apply it to a case."""

    text: str
    apply: Callable[[Case], object] = attrs.field(repr=False)


def _advance(case: Case, day: _dt.date, target: CaseState) -> None:
    """Record 开始审核 (and 开始办理) on *day* when the next event needs them.

    Left alone when *day* is before the last event: the event itself then raises the
    library's error about its own date.
    """
    day = check_date(day, "day")
    history = case.history
    if history and day < history[-1].day:
        return
    if case.state is CaseState.REGISTERED:
        case.start_review(day)
    if target is CaseState.PROCESSING and case.state is CaseState.UNDER_REVIEW:
        case.start_processing(day)


def _consultee(case: Case, party: ConsultedParty, given: str | None) -> str:
    if given is not None:
        return given
    taken = {c.consultee for c in case.consultations}
    base = party.label_zh
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}{n}"
    return name


class Scenario:
    """A request's story for a test (测试场景), built step by step into a real case.

    Args:
        received: the day the application reached the office (收到申请).
        channel: how it arrived (申请渠道, Art. 31); default in person, so day 0 is
            *received*. Letters, internet and fax wait for :meth:`confirmed`.
        policy: the rules; default the rules in force on day 0. A policy given here
            applies whatever the day 0 (a simulation, ``PolicyDates.ANY``).
        calendar: the working-day calendar (default :func:`default_calendar`).
        applicant: default :data:`DEFAULT_APPLICANT`.
        request: default :data:`DEFAULT_REQUEST`.
        case_id: the case's identifier (default ``"TEST-1"``).

    Raises:
        InvalidDateError: *received* is not a ``datetime.date``.
        InvalidValueError: another argument has the wrong type.
    """

    __slots__ = (
        "_applicant",
        "_calendar",
        "_case_id",
        "_channel",
        "_policy",
        "_received",
        "_request",
        "_steps",
    )

    def __init__(
        self,
        *,
        received: _dt.date,
        channel: Channel | str = Channel.IN_PERSON,
        policy: Policy | None = None,
        calendar: WorkdayCalendar | None = None,
        applicant: Applicant = DEFAULT_APPLICANT,
        request: InformationRequest = DEFAULT_REQUEST,
        case_id: str = "TEST-1",
    ) -> None:
        self._received = check_date(received, "received")
        self._channel = cast(Channel, channel)  # a value is converted just below
        self._policy = policy
        self._calendar = default_calendar() if calendar is None else calendar
        self._applicant = applicant
        self._request = request
        self._case_id = case_id
        self._steps: tuple[_Step, ...] = ()
        # The library checks every argument now, not at first use; the channel as the
        # case has it (a member, also when given as its value).
        self._channel = self.case().channel

    # -- results -------------------------------------------------------------

    def case(self) -> Case:
        """A fresh :class:`~disclosure_flow.cases.case.Case` with every step applied."""
        case = Case.open(
            self._case_id,
            applicant=self._applicant,
            request=self._request,
            channel=self._channel,
            received=self._received,
            calendar=self._calendar,
            policy=self._policy,
            policy_dates=PolicyDates.IN_FORCE if self._policy is None else PolicyDates.ANY,
        )
        for step in self._steps:
            step.apply(case)
        return case

    def deadline(self) -> Deadline | None:
        """The reply deadline (答复期限) now, or ``None`` while day 0 is unconfirmed."""
        return self.case().deadline()

    def clock_events(self) -> tuple[ClockEvent, ...]:
        """The clock events the story implies (for :func:`~disclosure_flow.compute_deadline`),
        in date order; empty while day 0 is unconfirmed."""
        deadline = self.deadline()
        return () if deadline is None else deadline.events

    def status(self, as_of: _dt.date) -> DeadlineStatus | None:
        """Working days used and left at the end of *as_of* (期限状态)."""
        return self.case().status(as_of)

    def findings(self) -> tuple[Finding, ...]:
        """The compliance findings (合规问题) of the whole story."""
        return self.case().findings()

    @property
    def state(self) -> CaseState:
        """The state the story ends in (办理状态)."""
        return self.case().state

    @property
    def steps(self) -> tuple[str, ...]:
        """The steps so far, as readable lines."""
        return tuple(step.text for step in self._steps)

    def __repr__(self) -> str:
        head = f"Scenario(received={self._received!r}, channel=Channel.{self._channel.name})"
        return head + "".join(f".{text}" for text in self.steps)

    # -- building --------------------------------------------------------------

    def then(self, text: str, apply: Callable[[Case], object]) -> Scenario:
        """A new scenario with one more step: *apply* receives the case and records
        events on it through its public API; *text* describes the step.

        The step is tried at once, so an event the library refuses raises here.
        """
        if not callable(apply):
            raise InvalidValueError(
                "apply", apply, Wording("a callable taking the Case", "接受 Case 的可调用对象")
            )
        new = Scenario.__new__(Scenario)
        for name in Scenario.__slots__:
            setattr(new, name, getattr(self, name))
        new._steps = (*self._steps, _Step(text, apply))
        new.case()
        return new

    def confirmed(self, on: _dt.date) -> Scenario:
        """确认收到申请: day 0 for an ordinary letter, internet or fax (Art. 31)."""
        return self.then(f"confirmed({on})", lambda c: c.confirm_receipt(on))

    def review_started(self, on: _dt.date) -> Scenario:
        """开始审核."""
        return self.then(f"review_started({on})", lambda c: c.start_review(on))

    def processing_started(self, on: _dt.date) -> Scenario:
        """开始办理 (after 开始审核, recorded the same day if not yet)."""

        def apply(case: Case) -> None:
            _advance(case, on, CaseState.UNDER_REVIEW)
            case.start_processing(on)

        return self.then(f"processing_started({on})", apply)

    def correction_requested(
        self, on: _dt.date, *, due: _dt.date, items: str = "补充身份证明"
    ) -> Scenario:
        """一次性告知补正 (Art. 30): what to correct, and the last day (*due*)."""

        def apply(case: Case) -> None:
            _advance(case, on, CaseState.UNDER_REVIEW)
            case.notify_correction(on, items=items, due=due)

        return self.then(f"correction_requested({on}, due={due})", apply)

    def corrected(self, on: _dt.date) -> Scenario:
        """收到补正后的申请: the reply period restarts from *on* (Art. 30)."""
        return self.then(f"corrected({on})", lambda c: c.receive_correction(on))

    def correction_lapsed(self, on: _dt.date) -> Scenario:
        """逾期未补正，视为放弃申请 (Art. 30)."""
        return self.then(f"correction_lapsed({on})", lambda c: c.correction_lapsed(on))

    def consulted_third_party(
        self,
        sent: _dt.date,
        answered: _dt.date | None = None,
        *,
        answer: ConsultationAnswer = ConsultationAnswer.CONSENT,
        reasons: str | None = None,
        consultee: str | None = None,
        letter_received: _dt.date | None = None,
    ) -> Scenario:
        """征求第三方意见 (Art. 32) sent on *sent*, answered on *answered* (if given).

        The consultee is named ``"第三方"`` (``"第三方2"`` … for the next ones) unless
        *consultee* is given; an objection needs *reasons*.
        """
        return self._consulted(
            ConsultedParty.THIRD_PARTY, sent, answered, answer, reasons, consultee, letter_received
        )

    def consulted_other_agency(
        self,
        sent: _dt.date,
        answered: _dt.date | None = None,
        *,
        answer: ConsultationAnswer = ConsultationAnswer.CONSENT,
        reasons: str | None = None,
        consultee: str | None = None,
        letter_received: _dt.date | None = None,
    ) -> Scenario:
        """征求其他机关意见 (Art. 34) sent on *sent*, answered on *answered* (if given).

        The consultee is named ``"其他机关"`` (``"其他机关2"`` …) unless given.
        """
        return self._consulted(
            ConsultedParty.OTHER_AGENCY, sent, answered, answer, reasons, consultee, letter_received
        )

    def _consulted(
        self,
        party: ConsultedParty,
        sent: _dt.date,
        answered: _dt.date | None,
        answer: ConsultationAnswer,
        reasons: str | None,
        consultee: str | None,
        letter_received: _dt.date | None,
    ) -> Scenario:
        def apply(case: Case) -> None:
            _advance(case, sent, CaseState.PROCESSING)
            name = _consultee(case, party, consultee)
            case.consult(sent, party=party, consultee=name, letter_received=letter_received)
            if answered is not None:
                case.receive_consultation_answer(
                    answered, consultee=name, answer=answer, reasons=reasons
                )

        method = "consulted_" + (
            "third_party" if party is ConsultedParty.THIRD_PARTY else "other_agency"
        )
        until = "" if answered is None else f", {answered}"
        return self.then(f"{method}({sent}{until})", apply)

    def consultation_answered(
        self,
        on: _dt.date,
        *,
        consultee: str,
        answer: ConsultationAnswer = ConsultationAnswer.CONSENT,
        reasons: str | None = None,
    ) -> Scenario:
        """收到意见 from *consultee* (for consultations left open when sent)."""
        return self.then(
            f"consultation_answered({on}, consultee={consultee!r})",
            lambda c: c.receive_consultation_answer(
                on, consultee=consultee, answer=answer, reasons=reasons
            ),
        )

    def extended(
        self,
        days: int,
        *,
        on: _dt.date,
        approver: str = DEFAULT_APPROVER,
        notified: _dt.date | None = None,
        notify: bool = True,
    ) -> Scenario:
        """延长答复期限 (Art. 33) by *days* working days, approved on *on*, and the applicant
        told on *notified* (default: the same day; ``notify=False`` records no notice,
        which is a finding)."""
        told = (notified or on) if notify else None
        return self.then(
            f"extended({days}, on={on})",
            lambda c: c.extend(on, days=days, approver=approver, notified=told),
        )

    def reasons_requested(self, on: _dt.date) -> Scenario:
        """要求申请人说明理由 (Art. 35)."""

        def apply(case: Case) -> None:
            _advance(case, on, CaseState.UNDER_REVIEW)
            case.request_reasons(on)

        return self.then(f"reasons_requested({on})", apply)

    def delayed(self, on: _dt.date, *, due: _dt.date) -> Scenario:
        """确定延迟答复的合理期限 (Art. 35): the reply is now due on *due*."""
        return self.then(f"delayed({on}, due={due})", lambda c: c.set_delayed_deadline(on, due=due))

    def fee_notified(
        self,
        on: _dt.date,
        *,
        amount: int = 100,
        method: FeeMethod = FeeMethod.PER_VOLUME,
        notice_received: _dt.date | None = None,
    ) -> Scenario:
        """发出收费通知 (FEES): the clock pauses until payment."""

        def apply(case: Case) -> None:
            _advance(case, on, CaseState.PROCESSING)
            case.issue_fee_notice(on, amount=amount, method=method, notice_received=notice_received)

        return self.then(f"fee_notified({on}, amount={amount})", apply)

    def paid(self, on: _dt.date) -> Scenario:
        """收到缴费: processing resumes."""
        return self.then(f"paid({on})", lambda c: c.receive_payment(on))

    def fee_lapsed(self, on: _dt.date) -> Scenario:
        """逾期未缴费，不再处理 (FEES)."""
        return self.then(f"fee_lapsed({on})", lambda c: c.fee_lapsed(on))

    def replied(self, on: _dt.date, *, outcome: Outcome = DEFAULT_OUTCOME) -> Scenario:
        """答复 with *outcome* (default （一）予以公开). On day 0 of a registered case it is
        an on-the-spot reply (当场答复); later, 开始审核 is recorded first if needed."""

        def apply(case: Case) -> None:
            if on != case.day_zero:
                _advance(case, on, CaseState.UNDER_REVIEW)
            case.reply(on, outcome=outcome)

        return self.then(f"replied({on}, {outcome.row.key})", apply)

    def delivered(self, on: _dt.date, *, method: DeliveryMethod | None = None) -> Scenario:
        """送达."""
        return self.then(f"delivered({on})", lambda c: c.deliver(on, method=method))

    def archived(self, on: _dt.date) -> Scenario:
        """归档."""
        return self.then(f"archived({on})", lambda c: c.archive(on))

    def withdrawn(self, on: _dt.date) -> Scenario:
        """申请人撤回申请."""
        return self.then(f"withdrawn({on})", lambda c: c.withdraw(on))

    def reconsideration_filed(self, on: _dt.date) -> Scenario:
        """申请行政复议."""
        return self.then(f"reconsideration_filed({on})", lambda c: c.file_reconsideration(on))

    def reconsideration_decided(self, on: _dt.date, *, result: RemedyResult) -> Scenario:
        """行政复议决定 (维持/纠正/其他)."""
        return self.then(
            f"reconsideration_decided({on}, {result.value})",
            lambda c: c.decide_reconsideration(on, result=result),
        )

    def litigation_filed(
        self, on: _dt.date, *, route: LitigationRoute = LitigationRoute.DIRECT
    ) -> Scenario:
        """提起行政诉讼 (直接起诉 by default)."""
        return self.then(
            f"litigation_filed({on}, {route.value})",
            lambda c: c.file_litigation(on, route=route),
        )

    def litigation_decided(self, on: _dt.date, *, result: RemedyResult) -> Scenario:
        """行政诉讼裁判 (维持/纠正/其他)."""
        return self.then(
            f"litigation_decided({on}, {result.value})",
            lambda c: c.decide_litigation(on, result=result),
        )
