"""The case (申请案件): the one mutable object, with its append-only history.

A :class:`Case` accepts only the events the lifecycle (:mod:`disclosure_flow.cases.lifecycle`)
and the law allow, records each one as a frozen :class:`CaseEvent`, and derives
everything else from that history: its state, its version, its consultations and
extensions, its deadlines (through the clock, :mod:`disclosure_flow.clock`) and its
compliance findings (SPEC §10). Nothing derived is stored, so a newer working-day
calendar reaches every case at once (:meth:`Case.use_calendar`).

**The calendar.** A case holds a reference to the calendar it is computed with (it
is not serialized): pass it to :meth:`Case.open` and :meth:`Case.from_dict`, and
replace it with :meth:`Case.use_calendar` when the State Council's next notice
arrives. Guards that depend on the calendar (an act in time or late) are checked with
the calendar of the day the event is applied; when a case is restored, they are not
re-checked (a newer calendar may turn a past act late: that becomes a finding, never
a refusal of recorded history).

>>> import datetime as dt
>>> from disclosure_flow import WorkdayCalendar
>>> from disclosure_flow.cases.applicants import Applicant, ApplicantKind
>>> from disclosure_flow.cases.channels import Channel, DeliveryMethod, InformationRequest
>>> from disclosure_flow.cases.channels import ProvisionForm
>>> case = Case.open(
...     "2026-001",
...     applicant=Applicant(ApplicantKind.NATURAL_PERSON, "张三"),
...     request=InformationRequest("2025年财政预算", ProvisionForm.PAPER, DeliveryMethod.POST),
...     channel=Channel.IN_PERSON,
...     received=dt.date(2026, 9, 28),
...     calendar=WorkdayCalendar(),
... )
>>> case.state, case.version
(<CaseState.REGISTERED: 'registered'>, 1)
>>> case.deadline().due
datetime.date(2026, 10, 30)
>>> case.status(dt.date(2026, 10, 9)).left
16
>>> case.start_review(dt.date(2026, 9, 29)).version
2
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from disclosure_flow import _fields
from disclosure_flow.cases.acts import CaseActs
from disclosure_flow.cases.applicants import Applicant
from disclosure_flow.cases.channels import Channel, InformationRequest
from disclosure_flow.cases.definition import Refusal
from disclosure_flow.cases.dispatch import _TABLE, _route
from disclosure_flow.cases.facts import (
    ENDING_OUTCOMES,
    _compute,
    _Facts,
    _fold,
    _Pending,
)
from disclosure_flow.cases.findings import _findings
from disclosure_flow.cases.guards import _allowed_list, _refused
from disclosure_flow.cases.lifecycle import DEFINITION
from disclosure_flow.cases.machine import _route_by_machine
from disclosure_flow.cases.outcomes import Outcome
from disclosure_flow.cases.payloads import _check_payload
from disclosure_flow.cases.restore import (
    _DEFAULT_POLICIES,
    SCHEMA,
    _event_to_dict,
    _materialise,
    _restore,
    _Row,
)
from disclosure_flow.cases.states import CaseState, EventKind
from disclosure_flow.cases.values import (
    _EMPTY,
    CaseEvent,
    Consultation,
    CorrectionRecord,
    DelayedDeadlineRecord,
    Dispatch,
    ExtensionRecord,
    FeeNotice,
    ItemState,
    Proceeding,
    ReplyRecord,
    SubDeadline,
    _text,
)
from disclosure_flow.cases.windows import _sub_deadlines
from disclosure_flow.clock import (
    Deadline,
    DeadlineStatus,
    Finding,
    Policy,
    PolicyDates,
    policy_in_force,
    timeline_figure,
)
from disclosure_flow.dates import check_date
from disclosure_flow.errors import (
    ClockError,
    EventRefusedError,
    InvalidValueError,
    VersionConflictError,
    Wording,
)
from disclosure_flow.workdays import WorkdayCalendar

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["Case"]

# ---------------------------------------------------------------------------
# The case


def _event_kind(event: EventKind | str) -> EventKind:
    if isinstance(event, EventKind):
        return event
    if isinstance(event, str):
        try:
            return EventKind(event)
        except ValueError:
            pass
    raise InvalidValueError.choice("event", event, [e.value for e in EventKind])


def _optional_text(field: str, value: object) -> str | None:
    if value is None or _text(value):
        return value  # type: ignore[return-value]  # narrowed by _text
    raise InvalidValueError(field, value, Wording("None or a non-empty str", "None 或非空字符串"))


class Case(CaseActs):
    """A request for government information being handled (政府信息公开申请案件).

    The only mutable object of the library. Create one with :meth:`open` (or restore
    one with :meth:`from_dict`); change it only through :meth:`apply` or the typed
    methods that call it (:meth:`start_review`, :meth:`extend`, :meth:`reply`, …).
    Each accepted event is appended to :attr:`history` and increments
    :attr:`version`; a refused event raises
    :class:`~disclosure_flow.errors.EventRefusedError` (or a subclass) and changes
    nothing.

    Not thread-safe: per-case concurrency belongs to the host's database (use
    ``expected_version``).
    """

    __slots__ = (
        "_applicant",
        "_calendar",
        "_channel",
        "_facts",
        "_history",
        "_id",
        "_log",
        "_policy",
        "_request",
        "_state",
    )

    def __init__(
        self,
        case_id: str,
        *,
        applicant: Applicant,
        request: InformationRequest,
        channel: Channel | str,
        policy: Policy,
        calendar: WorkdayCalendar,
    ) -> None:
        if not _text(case_id):
            raise InvalidValueError("case_id", case_id, Wording("a non-empty str", "非空字符串"))
        if not isinstance(applicant, Applicant):
            raise InvalidValueError(
                "applicant", applicant, Wording("an Applicant", "Applicant 申请人"), personal=True
            )
        if not isinstance(request, InformationRequest):
            raise InvalidValueError(
                "request", request, Wording("an InformationRequest", "InformationRequest 申请内容")
            )
        channel = _fields.to_member(Channel, channel, "channel")
        if not isinstance(policy, Policy):
            raise InvalidValueError(
                "policy", policy, Wording("a Policy (e.g. R2019)", "Policy 规则集（如 R2019）")
            )
        if not isinstance(calendar, WorkdayCalendar):
            raise InvalidValueError(
                "calendar", calendar, Wording("a WorkdayCalendar", "WorkdayCalendar 工作日历")
            )
        self._id = case_id
        self._applicant = applicant
        self._request = request
        self._channel = channel
        self._policy = policy
        self._calendar = calendar
        self._state = DEFINITION.initial
        # The history is either materialised (``_history``, a list of CaseEvent) or,
        # for a restored case until it is first read, kept as compact validated rows
        # (``_log``, see _Row); exactly one of the two is not None.
        self._history: list[CaseEvent] | None = []
        self._log: list[_Row] | None = None
        self._facts = _Facts()

    @classmethod
    def open(
        cls,
        case_id: str,
        *,
        applicant: Applicant,
        request: InformationRequest,
        channel: Channel | str,
        received: _dt.date,
        calendar: WorkdayCalendar,
        policy: Policy | None = None,
        policy_dates: PolicyDates | str = PolicyDates.IN_FORCE,
        actor: str | None = None,
        note: str | None = None,
    ) -> Case:
        """Register a new application (登记), Art. 29 and 31.

        Args:
            case_id: the host's identifier of the case.
            applicant: who applies.
            request: what is asked for.
            channel: how it arrived (申请渠道), a :class:`Channel` or its value (e.g.
                ``"in_person"``); decides whether day 0 is *received* (in person,
                signed-for post) or waits for :meth:`confirm_receipt`.
            received: the day the application reached the office.
            calendar: the working-day calendar deadlines are computed with.
            policy: the rules; default the national rules in force on *received*
                (:func:`~disclosure_flow.clock.policy_in_force`: R2019 from 2019-05-15,
                R2008 before).
            policy_dates: :attr:`~PolicyDates.IN_FORCE` (default; or its value
                ``"in_force"``) refuses a policy that was not in force on *received*;
                :attr:`~PolicyDates.ANY` (``"any"``) allows it, for a simulation (kept
                with the case).
            actor: who registered it.
            note: a free note.

        Raises:
            InvalidValueError: an argument has the wrong type; *policy* was not in force
                on *received* (SPEC §12) under ``PolicyDates.IN_FORCE``.
            InvalidDateError: *received* is not a ``datetime.date``.
        """
        policy_dates = _fields.to_member(PolicyDates, policy_dates, "policy_dates")
        received = check_date(received, "received")
        if policy is None:
            policy = policy_in_force(received)
        elif policy_dates is PolicyDates.IN_FORCE and isinstance(policy, Policy):
            _check_in_force(policy, received)
        case = cls(
            case_id,
            applicant=applicant,
            request=request,
            channel=channel,
            policy=policy,
            calendar=calendar,
        )
        case.apply(EventKind.REGISTER, received, actor=actor, note=note)
        return case

    # -- reading -----------------------------------------------------------

    @property
    def id(self) -> str:
        """The host's identifier of the case."""
        return self._id

    @property
    def applicant(self) -> Applicant:
        """The applicant (申请人)."""
        return self._applicant

    @property
    def request(self) -> InformationRequest:
        """What is asked for (申请内容)."""
        return self._request

    @property
    def channel(self) -> Channel:
        """How the application arrived (申请渠道)."""
        return self._channel

    @property
    def policy(self) -> Policy:
        """The rules the case is handled under (适用规则)."""
        return self._policy

    @property
    def calendar(self) -> WorkdayCalendar:
        """The working-day calendar deadlines are computed with."""
        return self._calendar

    @property
    def state(self) -> CaseState:
        """The current state (办理状态)."""
        return self._state

    @property
    def version(self) -> int:
        """The number of events recorded (版本号); 1 after registration."""
        history = self._history
        if history is None:
            log = self._log
            if log is not None:
                return len(log)
            history = self._events()
        return len(history)

    @property
    def history(self) -> tuple[CaseEvent, ...]:
        """Every event, oldest first (办理记录)."""
        return tuple(self._events())

    def _events(self) -> list[CaseEvent]:
        """The history as CaseEvent objects, built from the compact rows on first use."""
        history = self._history
        if history is None:
            log = self._log
            if log is None:  # materialised meanwhile (the rows are dropped after)
                history = self._history
                assert history is not None
                return history
            history = _materialise(log)
            self._history = history
            self._log = None
        return history

    def _last_day(self) -> _dt.date | None:
        """The day of the last recorded event (``None`` before the first)."""
        history = self._history
        if history is not None:
            return history[-1].day if history else None
        log = self._log
        if log is None:
            return self._events()[-1].day
        return log[-1][1] if log else None

    @property
    def last_event_day(self) -> _dt.date | None:
        """The day of the last recorded event (最近一次办理日期), read without building
        :attr:`history`; ``None`` before the first."""
        return self._last_day()

    @property
    def received(self) -> _dt.date | None:
        """The day the application reached the office."""
        return self._facts.received

    @property
    def day_zero(self) -> _dt.date | None:
        """The receipt date (收到申请之日, Art. 31), or ``None`` while unconfirmed."""
        return self._facts.day0

    @property
    def period_start(self) -> _dt.date | None:
        """Day 0 of the running reply period: the receipt date, or the day the corrected
        application arrived (Art. 30)."""
        return self._facts.start

    @property
    def correction(self) -> CorrectionRecord | None:
        """The correction notice, if one was sent."""
        return self._facts.correction

    @property
    def consultations(self) -> tuple[Consultation, ...]:
        """The consultations, in the order they were sent."""
        return self._facts.consultations

    @property
    def waiting(self) -> tuple[Consultation | FeeNotice, ...]:
        """What the case waits for now (暂停计时事由): each open consultation, then an
        unpaid fee notice. They overlap; the reply clock leaves out their union."""
        facts = self._facts
        open_now: list[Consultation | FeeNotice] = [c for c in facts.consultations if c.is_open]
        if facts.fee is not None and facts.fee.paid is None:
            open_now.append(facts.fee)
        return tuple(open_now)

    @property
    def extensions(self) -> tuple[ExtensionRecord, ...]:
        """The extensions granted."""
        return self._facts.extensions

    @property
    def delayed_deadline(self) -> DelayedDeadlineRecord | None:
        """The Art. 35 later deadline, if one was set."""
        return self._facts.delayed

    @property
    def fee(self) -> FeeNotice | None:
        """The fee notice, if one was sent."""
        return self._facts.fee

    @property
    def reply_record(self) -> ReplyRecord | None:
        """The reply in force and its outcome, once replied (after an order to reply anew,
        ``None`` until the new reply)."""
        return self._facts.reply

    @property
    def items(self) -> tuple[ItemState, ...]:
        """For an application of several items (一件申请多项内容), each item: withdrawn or
        not, and its outcome once replied (the reply in force). Empty for one item."""
        withdrawn = dict(self._facts.withdrawn_items)
        reply = self._facts.reply
        answered = dict(reply.item_outcomes) if reply is not None else {}
        return tuple(
            ItemState(item, withdrawn.get(item), answered.get(item)) for item in self._request.items
        )

    @property
    def replies(self) -> tuple[ReplyRecord, ...]:
        """Every reply, in order: the first, then each new reply an order required."""
        return self._facts.replies

    @property
    def delivered(self) -> _dt.date | None:
        """The day of delivery (送达), once delivered."""
        return self._facts.delivered

    @property
    def ended(self) -> _dt.date | None:
        """The day the case ended without a reply on the merits (视为放弃, 不再处理,
        撤回), if it did; archiving does not move it."""
        return self._facts.ended

    @property
    def proceedings(self) -> tuple[Proceeding, ...]:
        """Reconsiderations and lawsuits, in the order they were filed."""
        return self._facts.proceedings

    def allowed_events(self) -> frozenset[EventKind]:
        """The events the lifecycle allows in the current state (guards may still refuse)."""
        return DEFINITION.allowed_events(self._state)

    def _repr_html_(self) -> str:
        """The case, its current deadline and its history as HTML, for notebooks
        (identity numbers and contact details hidden)."""
        from disclosure_flow.cases.html import case_html

        return case_html(self)

    def __repr__(self) -> str:
        return (
            f"Case(id={self._id!r}, state={self._state.value}, version={self.version}, "
            f"applicant={self._applicant.kind.value}, channel={self._channel.value}, "
            f"policy={self._policy.name})"
        )

    # -- changing ----------------------------------------------------------

    def apply(
        self,
        event: EventKind | str,
        day: _dt.date,
        *,
        expected_version: int | None = None,
        actor: str | None = None,
        note: str | None = None,
        dispatch: Dispatch | str = Dispatch.TABLE,
        **payload: Any,
    ) -> Case:
        """Record *event* on *day*, if the lifecycle and the law allow it; return the case.

        Args:
            event: the event (an :class:`EventKind` or its value).
            day: the day it happened; not before the last recorded event.
            expected_version: refuse unless the case is at this version (optimistic
                concurrency: the host's guard against two clerks editing one case); an
                ``int`` (a bool or a float is refused).
            actor: who recorded it.
            note: a free note.
            dispatch: run through the compiled table (default, ``"table"``) or the
                machine (``"machine"``).
            **payload: the event's particulars (see the typed methods).

        Raises:
            InvalidValueError: *event* is unknown, or an option has the wrong type (e.g.
                *expected_version* is not an ``int``).
            InvalidDateError: *day* or a payload date is not a ``datetime.date``.
            VersionConflictError: *expected_version* differs from :attr:`version`.
            LateEventError: an act after its period, under ``LateActs.REFUSE``.
            EventRefusedError: anything else the lifecycle or the law refuses.
        """
        kind = _event_kind(event)
        day = check_date(day, "day")
        state = self._state
        if expected_version is not None:
            if type(expected_version) is not int:
                raise InvalidValueError(
                    "expected_version",
                    expected_version,
                    Wording(
                        "None or an int, the case's version (not a bool or a float)",
                        "None 或整数：案件的版本号（不能是布尔值或浮点数）",
                    ),
                )
            if expected_version != self.version:
                raise VersionConflictError(kind.value, state.value, expected_version, self.version)
        actor = _optional_text("actor", actor)
        note = _optional_text("note", note)
        if type(dispatch) is str:
            dispatch = _fields.to_member(Dispatch, dispatch, "dispatch")
        if not isinstance(dispatch, Dispatch):
            raise InvalidValueError.choice("dispatch", dispatch, list(Dispatch))
        branches = _TABLE.get((state, kind))
        if branches is None:
            raise EventRefusedError(
                kind.value,
                state.value,
                Wording("not allowed in this state", "当前状态下不允许"),
                _allowed_list(state),
            )
        last_day = self._last_day()
        if last_day is not None and day < last_day:
            last = last_day.isoformat()
            raise EventRefusedError(
                kind.value,
                state.value,
                Wording(
                    f"dated {day.isoformat()}, before the last event ({last})",
                    f"日期为 {day.isoformat()}，早于上一事件（{last}）",
                ),
                Wording(
                    f"events in date order: on or after {last}", f"事件按日期先后：{last} 或之后"
                ),
            )
        reopened = self._facts.reopened
        if reopened is not None and day < reopened.start:
            start = reopened.start.isoformat()
            raise EventRefusedError(
                kind.value,
                state.value,
                Wording(
                    f"dated {day.isoformat()}, before the agency received the decision that "
                    f"re-opened the case ({start})",
                    f"日期为 {day.isoformat()}，早于机关收到使案件重新办理的决定之日（{start}）",
                ),
                Wording(f"on or after {start}", f"{start} 或之后"),
            )
        pending = _Pending(kind, day, _check_payload(self._state, kind, payload))
        if dispatch is Dispatch.TABLE:
            dest = _route(branches, self, pending)
        else:
            dest = _route_by_machine(self, pending)
        if isinstance(dest, Refusal):
            raise _refused(kind, state, dest, day)
        self._commit(pending, dest, actor, note)
        return self

    def _commit(self, p: _Pending, dest: CaseState, actor: str | None, note: str | None) -> None:
        facts = self._facts.copy()
        _fold(facts, p, self._channel)
        history = self._history
        if history is None:
            log = self._log
            assert log is not None
            row: _Row = (p.event, p.day, dest, p.payload or _EMPTY)
            if actor is not None or note is not None:
                row += (actor, note)
            # Nothing above touched the case; the three assignments below cannot fail.
            log.append(row)
        else:
            record = CaseEvent(
                p.event,
                p.day,
                self._state,
                dest,
                len(history) + 1,
                MappingProxyType(p.payload) if p.payload else _EMPTY,
                actor,
                note,
            )
            history.append(record)
        self._facts = facts
        self._state = dest

    # -- deadlines and findings ------------------------------------------------

    def use_calendar(self, calendar: WorkdayCalendar) -> Case:
        """Compute from now on with *calendar* (e.g. after next year's notice arrived).

        Nothing is stored from the old calendar: every deadline is recomputed.
        """
        if not isinstance(calendar, WorkdayCalendar):
            raise InvalidValueError(
                "calendar", calendar, Wording("a WorkdayCalendar", "WorkdayCalendar 工作日历")
            )
        self._calendar = calendar
        return self

    def _facts_until(self, as_of: _dt.date) -> _Facts:
        """The facts known at the end of *as_of* (a prefix of the history)."""
        last_day = self._last_day()
        if last_day is None or last_day <= as_of:
            return self._facts
        facts = _Facts()
        for record in self._events():
            if record.day > as_of:
                break
            _fold(facts, _Pending(record.event, record.day, dict(record.payload)), self._channel)
        return facts

    def deadline(self, *, as_of: _dt.date | None = None) -> Deadline | None:
        """The reply deadline (答复期限), derived from the history through the clock
        (:func:`~disclosure_flow.clock.compute_deadline`); ask its
        :meth:`~disclosure_flow.clock.Deadline.status` (or :meth:`status`) for working
        days used and left on a date.

        ``None`` while day 0 is unconfirmed (Art. 31). While a correction is awaited the
        deadline is open (the period restarts when the corrected application arrives,
        Art. 30), and so while a consultation or a fee notice runs (paused).

        Args:
            as_of: use only the events recorded by the end of this day (the deadline as
                it stood then); default: the whole history.

        Raises:
            InvalidDateError: *as_of* is not a ``datetime.date``.
            CoverageError: the calendar lacks the days needed (strict calendar).
        """
        if as_of is not None:
            as_of = check_date(as_of, "as_of")
            last_day = self._last_day()
            if last_day is not None and last_day > as_of:
                facts = self._facts_until(as_of)
                if facts.day0 is None:
                    return None
                return _compute(facts, self._policy, self._calendar, note=self._day0_note)
        if self._facts.day0 is None:
            return None
        return _compute(self._facts, self._policy, self._calendar, note=self._day0_note)

    @property
    def _day0_note(self) -> str:
        return self._channel.label_zh

    def status(self, as_of: _dt.date) -> DeadlineStatus | None:
        """Where the reply deadline stands at the end of *as_of* (期限状态): working days
        used and left, overdue, paused. For a case that ended without a reply, measured
        on the day it ended; for a period an order re-opened, from its first day.
        ``None`` without a day 0 by then.

        Raises:
            InvalidDateError: *as_of* is not a ``datetime.date``.
            ClockError: *as_of* is before day 0.
        """
        as_of = check_date(as_of, "as_of")
        deadline = self.deadline(as_of=as_of)
        if deadline is None:
            return None
        facts = self._facts
        if facts.ended is not None and facts.ended < as_of:
            as_of = facts.ended
        elif facts.reopened is not None and as_of < facts.reopened.start <= deadline.day0:
            as_of = facts.reopened.start  # a re-opened period is measured from its start
        return deadline.status(as_of)

    def timeline(self, as_of: _dt.date | None = None, *, lang: str = "zh") -> Figure:
        """The reply deadline as a timeline picture (期限时间轴), titled with the case's
        number; with *as_of*, the deadline as it stood that day, marked with the working
        days used and left (as :meth:`status`). A :class:`matplotlib.figure.Figure`
        (extra ``plot``); see :func:`~disclosure_flow.clock.timeline_figure`.

        Raises:
            ClockError: no day 0 yet (Art. 31), or *as_of* is before day 0.
            InvalidValueError: *lang* is not ``"zh"`` or ``"en"``.
            ModuleNotFoundError: matplotlib is not installed.
        """
        deadline = self.deadline(as_of=as_of)
        if deadline is None:
            if as_of is not None and self._facts.day0 is not None:
                raise ClockError(
                    "as_of",
                    as_of,
                    Wording(
                        f"on or after day 0 ({self._facts.day0})",
                        f"第 0 日（{self._facts.day0}）或之后",
                    ),
                )
            raise ClockError(
                Wording("day 0", "第 0 日"),
                None,
                Wording(
                    "a confirmed day 0 (Art. 31) to draw the deadline",
                    "已确认的第 0 日（第三十一条），才能计算期限",
                ),
            )
        status = None if as_of is None else self.status(as_of)
        return timeline_figure(deadline, as_of=as_of, status=status, lang=lang, case_id=self._id)

    def sub_deadlines(self) -> tuple[SubDeadline, ...]:
        """The shorter periods running in the current state (子期限): the correction
        notice's (Art. 30) before one is sent, the applicant's correction period, each
        open consultation's answer period (Art. 32, 34), the fee payment period (FEES),
        and after delivery the remedy periods (SPEC §8)."""
        return _sub_deadlines(self)

    def findings(self, *, as_of: _dt.date | None = None) -> tuple[Finding, ...]:
        """The compliance findings (合规问题, SPEC §10) among the events recorded by the end
        of *as_of* (default: all): a late reply, any act after its period, and a
        reconsideration or suit recorded after its period (SPEC §11). Recomputed with the
        current calendar."""
        return _findings(self, self.deadline(as_of=as_of), as_of)

    @property
    def outcome(self) -> Outcome | None:
        """How the request ended (办理结果): the reply's outcome, or for an ending without
        a reply its （六）其他处理 outcome; ``None`` while open."""
        if self._facts.reply is not None:
            return self._facts.reply.outcome
        ending = self._facts.ending
        return None if ending is None else ENDING_OUTCOMES[ending]

    @property
    def concluded(self) -> tuple[_dt.date, Outcome] | None:
        """When and how the request was first concluded (办结): the first reply, or the
        ending without a reply. An order to reply anew does not move it: the annual
        report counts a request once, where it first concluded [convention], and the
        proceeding in table 四."""
        return self._facts.concluded

    # -- serialization -------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict with the schema tag :data:`SCHEMA`; read back with
        :meth:`from_dict`. The calendar is not included; ``policy_dates`` only for a
        simulation (:attr:`~PolicyDates.ANY`)."""
        out = {
            "schema": SCHEMA,
            "id": self._id,
            "policy": self._policy.name,
            "channel": self._channel.value,
            "applicant": self._applicant.to_dict(),
            "request": self._request.to_dict(),
            "state": self._state.value,
            "version": self.version,
            "events": [_event_to_dict(e) for e in self._events()],
        }
        received = self._facts.received
        if received is not None and not self._policy.in_force_on(received):
            out["policy_dates"] = PolicyDates.ANY.value  # a simulation, said out loud
        return out

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, Any],
        *,
        calendar: WorkdayCalendar,
        policies: Iterable[Policy] = _DEFAULT_POLICIES,
    ) -> Case:
        """Restore a case from :meth:`to_dict` by replaying its history.

        Every event goes through the lifecycle again (guards included, except those that
        depend on the calendar: see the module docs); its recorded state before and
        after and its version must agree with the replay, and so must the stored state
        and version.

        Args:
            data: the dict.
            calendar: the calendar to compute with from now on.
            policies: the policies a stored policy name may refer to.

        Raises:
            SerializationError: *data* is malformed, or disagrees with its replay; the
                error names the path (e.g. ``"events[3].after"``).
        """
        return _restore(cls, data, calendar, policies, exact=cls is Case)


def _check_in_force(policy: Policy, received: _dt.date) -> None:
    if policy.in_force_on(received):
        return
    raise InvalidValueError(
        "policy",
        policy.name,
        Wording(
            f"the rules in force on {received.isoformat()} ({policy_in_force(received).name}; "
            f"{policy.name} applies to {policy.in_force}), or policy_dates=PolicyDates.ANY for "
            "a simulation (SPEC §12)",
            f"{received.isoformat()} 施行的规定（{policy_in_force(received).name}；"
            f"{policy.name} 适用于 {policy.in_force}），或模拟时用 policy_dates=PolicyDates.ANY"
            "（SPEC §12）",
        ),
    )
