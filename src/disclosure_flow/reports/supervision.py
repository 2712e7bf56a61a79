"""A supervisor's watchlist (督办清单): every clock of every case, as of a day.

For each case, at the end of the day asked about, with its own calendar:

- the **reply deadline** (答复期限) — the first, extended, Art. 35 delayed or re-reply one
  (:class:`ReplyClock`) — overdue (:attr:`Attention.OVERDUE`) or due within a threshold
  (:attr:`Attention.DUE_SOON`);
- a **consultee's answer period** that ran out while the case still waits on it
  (:attr:`Attention.ANSWER_OVERDUE`, Art. 32 and 34): the agency must decide, or record the
  silence;
- the applicant's **correction** or **payment** period run out
  (:attr:`Attention.CORRECTION_ENDED`, :attr:`Attention.PAYMENT_ENDED`): the agency must
  now record 视为放弃 or 不再处理, or go on;
- **no event** for a number of working days (:attr:`Attention.STALLED`);
- a deadline the calendar cannot compute (:attr:`Attention.UNCOVERED`);
- after the reply, a **remedy window** still open (:attr:`Attention.REMEDY_OPEN`) and a
  **proceeding** not decided (:attr:`Attention.PROCEEDING_PENDING`), for information;
- **compliance findings** (:attr:`Attention.FINDINGS`, SPEC §10).

:func:`watch` judges one case, :func:`watch_items` a stream of them (one item at a time,
for a nightly job over any number of cases), and :func:`watchlist` gathers them into
sorted groups.

**The fast path.** A case whose events all lie on or before the day asked about (the
nightly job's today) is judged on its current facts: its reply deadline is computed
once, and its status only when the due date says it may be overdue or due soon. A case
with later events is first replayed up to that day (:func:`watch` builds the case as it
stood then). ``tests/reports/test_supervision.py`` keeps both equal to the plain
definitions (:meth:`Case.status`, :meth:`Case.sub_deadlines` of the replayed case).

>>> import datetime as dt
>>> from disclosure_flow.testing import Scenario
>>> waiting = Scenario(received=dt.date(2026, 3, 2)).consulted_third_party(dt.date(2026, 3, 4))
>>> item = watch(waiting.case(), as_of=dt.date(2026, 6, 2))
>>> sorted(reason.value for reason in item.reasons)
['answer_overdue', 'stalled']
>>> item.periods[0].kind.value, item.periods[0].due, item.periods[0].overdue_by
('third_party_answer', datetime.date(2026, 3, 25), 46)
>>> watchlist([], as_of=dt.date(2026, 11, 2)).is_empty
True
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

import attrs

from disclosure_flow.cases import (
    Case,
    CaseState,
    ConsultedParty,
    Proceeding,
    SubDeadline,
    SubDeadlineKind,
)
from disclosure_flow.clock import (
    Deadline,
    DeadlineStatus,
    Finding,
    LegalPeriod,
    Pause,
    PeriodKind,
    PeriodUnit,
    Policy,
)
from disclosure_flow.dates import check_date
from disclosure_flow.errors import CoverageError, InvalidValueError, Wording
from disclosure_flow.workdays import WorkdayCalendar

__all__ = [
    "DEFAULT_STALLED_AFTER",
    "Attention",
    "PeriodAlert",
    "ReplyClock",
    "WatchItem",
    "Watchlist",
    "watch",
    "watch_items",
    "watchlist",
]

#: Working days without an event after which an open case is stalled, by default.
DEFAULT_STALLED_AFTER: Final = 10


class Attention(enum.Enum):
    """Why a case is on the watchlist (列入督办的原因).

    Members:
        OVERDUE: still unanswered after its reply deadline (已逾期未答复).
        DUE_SOON: running, with at most the threshold of working days left (即将到期).
        ANSWER_OVERDUE: a consultee's answer period ran out, the case still waits on it
            (征求意见逾期未复, Art. 32, 34).
        CORRECTION_ENDED: the applicant's correction period ran out (补正期限届满, Art. 30).
        PAYMENT_ENDED: the applicant's payment period ran out (缴费期限届满, FEES).
        STALLED: no event for the threshold of working days (长期未办理).
        UNCOVERED: the calendar lacks the days its deadline needs (日历数据不足).
        REMEDY_OPEN: after the act, a remedy window is still open (救济期限未届满).
        PROCEEDING_PENDING: a reconsideration or suit is not decided (复议、诉讼未审结).
        FINDINGS: carries compliance findings (存在合规问题), SPEC §10.
    """

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    ANSWER_OVERDUE = "answer_overdue"
    CORRECTION_ENDED = "correction_ended"
    PAYMENT_ENDED = "payment_ended"
    STALLED = "stalled"
    UNCOVERED = "uncovered"
    REMEDY_OPEN = "remedy_open"
    PROCEEDING_PENDING = "proceeding_pending"
    FINDINGS = "findings"

    @property
    def label_zh(self) -> str:
        """The Chinese label (中文名称)."""
        return _ATTENTION_ZH[self]

    @property
    def needs_action(self) -> bool:
        """Whether the agency must act now (需要办理): every reason but the open remedy
        windows, pending proceedings and findings, which are for information."""
        return self not in _FOR_INFORMATION


_ATTENTION_ZH: Final = {
    Attention.OVERDUE: "已逾期未答复",
    Attention.DUE_SOON: "即将到期",
    Attention.ANSWER_OVERDUE: "征求意见逾期未复",
    Attention.CORRECTION_ENDED: "补正期限届满",
    Attention.PAYMENT_ENDED: "缴费期限届满",
    Attention.STALLED: "长期未办理",
    Attention.UNCOVERED: "日历数据不足",
    Attention.REMEDY_OPEN: "救济期限未届满",
    Attention.PROCEEDING_PENDING: "复议、诉讼未审结",
    Attention.FINDINGS: "存在合规问题",
}
_FOR_INFORMATION: Final = frozenset(
    {Attention.REMEDY_OPEN, Attention.PROCEEDING_PENDING, Attention.FINDINGS}
)


class ReplyClock(enum.Enum):
    """Which reply deadline runs (答复期限的种类).

    Members:
        REPLY: the reply period (答复期限, Art. 33 ¶1).
        EXTENDED: the reply period with its extension (延长后的答复期限, Art. 33 ¶2).
        DELAYED: the later deadline the agency set (合理的延迟答复期限, Art. 35).
        REREPLY: the period for a new reply a decision ordered (重新答复期限).
    """

    REPLY = "reply"
    EXTENDED = "extended"
    DELAYED = "delayed"
    REREPLY = "rereply"

    @property
    def label_zh(self) -> str:
        """The Chinese label (中文名称)."""
        return _CLOCK_ZH[self]


_CLOCK_ZH: Final = {
    ReplyClock.REPLY: "答复期限",
    ReplyClock.EXTENDED: "延长后的答复期限",
    ReplyClock.DELAYED: "延迟答复期限（第三十五条）",
    ReplyClock.REREPLY: "重新答复期限",
}


def reply_clock(case: Case, deadline: Deadline) -> ReplyClock:
    """Which reply deadline *deadline* (the case's) is (答复期限的种类)."""
    if any(p.order is not None and p.decided is not None for p in case.proceedings):
        return ReplyClock.REREPLY
    if deadline.delayed is not None:
        return ReplyClock.DELAYED
    if deadline.extensions:
        return ReplyClock.EXTENDED
    return ReplyClock.REPLY


@attrs.frozen
class PeriodAlert:
    """A shorter period behind a watch item (子期限提示): one that ran out and asks the
    agency to act, or a remedy window still open.

    Attributes:
        kind: which period.
        due: its last day.
        about: whom it concerns (the consultee), if anyone in particular.
        overdue_by: working days since it ran out, counted as a deadline's are (0 for a
            window still open).
    """

    kind: SubDeadlineKind
    due: _dt.date
    about: str | None
    overdue_by: int

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict."""
        return {
            "kind": self.kind.value,
            "due": self.due.isoformat(),
            "about": self.about,
            "overdue_by": self.overdue_by,
        }


@attrs.frozen
class WatchItem:
    """One case on the watchlist (督办事项).

    Attributes:
        case_id: the case's identifier.
        state: its state at the end of the day asked about.
        due: its reply deadline, or ``None`` while open (paused, awaiting correction).
        status: working days used and left, overdue by (``None`` without day 0).
        findings: its compliance findings by then.
        reasons: why it is listed.
        clock: which reply deadline runs, when it has one.
        periods: the shorter periods behind the reasons: run out (answers, correction,
            payment) or open (remedy windows).
        proceedings: the proceedings not decided by then.
        last_event: the day of its last event by then.
        idle: working days since that event, when the stalled check ran.
    """

    case_id: str
    state: CaseState
    due: _dt.date | None
    status: DeadlineStatus | None
    findings: tuple[Finding, ...]
    reasons: frozenset[Attention]
    clock: ReplyClock | None = None
    periods: tuple[PeriodAlert, ...] = ()
    proceedings: tuple[Proceeding, ...] = ()
    last_event: _dt.date | None = None
    idle: int | None = None

    @property
    def needs_action(self) -> bool:
        """Whether a reason asks the agency to act now (:attr:`Attention.needs_action`)."""
        return any(reason.needs_action for reason in self.reasons)

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        """A JSON-safe dict (findings described in *lang*, ``"zh"`` or ``"en"``)."""
        status = self.status
        return {
            "case_id": self.case_id,
            "state": self.state.value,
            "reasons": [r.value for r in Attention if r in self.reasons],
            "needs_action": self.needs_action,
            "due": None if self.due is None else self.due.isoformat(),
            "clock": None if self.clock is None else self.clock.value,
            "status": None
            if status is None
            else {
                "as_of": status.as_of.isoformat(),
                "used": status.used,
                "left": status.left,
                "overdue_by": status.overdue_by,
                "paused": status.paused,
                "provisional": status.provisional,
            },
            "periods": [p.to_dict() for p in self.periods],
            "proceedings": [
                {"kind": p.kind.value, "filed": p.filed.isoformat()} for p in self.proceedings
            ],
            "findings": [f.describe(lang) for f in self.findings],
            "last_event": None if self.last_event is None else self.last_event.isoformat(),
            "idle": self.idle,
        }


@attrs.frozen
class Watchlist:
    """The watchlist as of a day (截至某日的督办清单): one group per reason; a case is in
    every group whose reason it has.

    Attributes:
        as_of: the day.
        due_within: the due-soon threshold in working days.
        overdue: unanswered cases past their deadline, most overdue first.
        due_soon: running cases with at most ``due_within`` working days left, fewest
            first.
        with_findings: cases carrying findings, by case id.
        answers_overdue: cases waiting on an answer whose period ran out, longest
            overdue first.
        periods_ended: cases whose correction or payment period ran out, longest first.
        stalled: open cases without an event for ``stalled_after`` working days, longest
            idle first.
        uncovered: cases whose deadline the calendar cannot compute, by case id.
        remedies_open: cases with a remedy window open, the window closing first first.
        proceedings_pending: cases with a proceeding not decided, oldest filing first.
        stalled_after: the stalled threshold in working days (``None``: not checked).
    """

    as_of: _dt.date
    due_within: int
    overdue: tuple[WatchItem, ...]
    due_soon: tuple[WatchItem, ...]
    with_findings: tuple[WatchItem, ...]
    answers_overdue: tuple[WatchItem, ...] = ()
    periods_ended: tuple[WatchItem, ...] = ()
    stalled: tuple[WatchItem, ...] = ()
    uncovered: tuple[WatchItem, ...] = ()
    remedies_open: tuple[WatchItem, ...] = ()
    proceedings_pending: tuple[WatchItem, ...] = ()
    stalled_after: int | None = DEFAULT_STALLED_AFTER

    def group(self, reason: Attention) -> tuple[WatchItem, ...]:
        """The items listed for *reason*."""
        return _GROUP_OF[reason](self)

    @property
    def items(self) -> tuple[WatchItem, ...]:
        """Every listed case once, by case id."""
        seen: dict[str, WatchItem] = {}
        for reason in Attention:
            for item in self.group(reason):
                seen.setdefault(item.case_id, item)
        return tuple(seen[k] for k in sorted(seen))

    @property
    def is_empty(self) -> bool:
        """Whether nothing is listed."""
        return not any(self.group(reason) for reason in Attention)

    @property
    def needs_action(self) -> bool:
        """Whether a listed case asks the agency to act now (需要办理)."""
        return any(self.group(r) for r in Attention if r.needs_action)


_GROUP_OF: Final[dict[Attention, Callable[[Watchlist], tuple[WatchItem, ...]]]] = {
    Attention.OVERDUE: lambda w: w.overdue,
    Attention.DUE_SOON: lambda w: w.due_soon,
    Attention.FINDINGS: lambda w: w.with_findings,
    Attention.ANSWER_OVERDUE: lambda w: w.answers_overdue,
    Attention.CORRECTION_ENDED: lambda w: tuple(
        i for i in w.periods_ended if Attention.CORRECTION_ENDED in i.reasons
    ),
    Attention.PAYMENT_ENDED: lambda w: tuple(
        i for i in w.periods_ended if Attention.PAYMENT_ENDED in i.reasons
    ),
    Attention.STALLED: lambda w: w.stalled,
    Attention.UNCOVERED: lambda w: w.uncovered,
    Attention.REMEDY_OPEN: lambda w: w.remedies_open,
    Attention.PROCEEDING_PENDING: lambda w: w.proceedings_pending,
}

#: The reason a run-out period gives.
_ENDED: Final = {
    SubDeadlineKind.THIRD_PARTY_ANSWER: Attention.ANSWER_OVERDUE,
    SubDeadlineKind.INTER_AGENCY_ANSWER: Attention.ANSWER_OVERDUE,
    SubDeadlineKind.CORRECTION: Attention.CORRECTION_ENDED,
    SubDeadlineKind.FEE_PAYMENT: Attention.PAYMENT_ENDED,
}
_OPEN_IDS: Final = frozenset(id(s) for s in CaseState if s.is_open)
_REMEDIES: Final = frozenset(
    {
        SubDeadlineKind.RECONSIDERATION,
        SubDeadlineKind.LITIGATION,
        SubDeadlineKind.LITIGATION_AFTER_RECONSIDERATION,
    }
)


def _threshold(value: object, field: str, *, optional: bool = False) -> Any:
    if optional and value is None:
        return None
    if type(value) is not int or value < 0:
        allowed = Wording(
            "an int >= 0 (working days)" + (", or None" if optional else ""),
            "不小于 0 的整数（工作日）" + ("，或 None" if optional else ""),
        )
        raise InvalidValueError(field, value, allowed)
    return value


def _as_it_stood(case: Case, as_of: _dt.date) -> Case | None:
    """*case* with only the events recorded by the end of *as_of*, replayed; ``None`` if
    it was registered later."""
    data = case.to_dict()
    kept = [e for e in data["events"] if _dt.date.fromisoformat(e["date"]) <= as_of]
    if not kept:
        return None
    data["events"] = kept
    data["state"] = kept[-1]["after"]
    data["version"] = len(kept)
    return Case.from_dict(data, calendar=case.calendar, policies=(case.policy,))


def _late_by(calendar: WorkdayCalendar, due: _dt.date, as_of: _dt.date) -> int:
    """Working days past *due* on *as_of*, as a deadline counts them: the fewest that,
    added to *due*, reach *as_of*."""
    return calendar.workdays_between(due, calendar.workday_on_or_after(as_of))


class _Cutoffs:
    """The dates the thresholds give, per calendar, computed once per calendar of a run:
    the first day that is no longer due soon (the (n + 1)-th working day after the day
    asked about), and the day an open case's last event must be before to be stalled
    (the n-th working day counted back from it, itself included)."""

    __slots__ = ("_as_of", "_calendar", "_cut", "_found", "_stalled_after", "_within")

    def __init__(self, as_of: _dt.date, within: int, stalled_after: int | None) -> None:
        self._as_of = as_of
        self._within = within
        self._stalled_after = stalled_after
        self._found: dict[int, tuple[WorkdayCalendar, _Cut]] = {}
        self._calendar: WorkdayCalendar | None = None
        self._cut: _Cut = (None, None)

    def __call__(self, calendar: WorkdayCalendar) -> _Cut:
        if calendar is self._calendar:
            return self._cut
        found = self._found.get(id(calendar))
        if found is None or found[0] is not calendar:
            found = self._found[id(calendar)] = (calendar, self._compute(calendar))
        self._calendar, self._cut = calendar, found[1]
        return found[1]

    def _compute(self, calendar: WorkdayCalendar) -> _Cut:
        soon: _dt.date | None = None
        stalled: _dt.date | None = None
        try:
            soon = calendar.add_workdays_result(self._as_of, self._within + 1).value
            if self._stalled_after is not None:
                following = calendar.add_workdays_result(self._as_of, 1).value
                stalled = calendar.add_workdays_result(following, -self._stalled_after).value
        except CoverageError:  # judged case by case, from the deadlines themselves
            pass
        return soon, stalled


#: The due-soon and stalled cut-off dates of a calendar (``None``: beyond its data).
_Cut = tuple["_dt.date | None", "_dt.date | None"]


def watch(
    case: Case,
    *,
    as_of: _dt.date,
    due_within: int = 5,
    stalled_after: int | None = DEFAULT_STALLED_AFTER,
) -> WatchItem | None:
    """The watch item of *case* at the end of *as_of*, or ``None`` if nothing about it
    needs a supervisor's attention (or it was registered later).

    Args:
        case: the case.
        as_of: the day (nothing reads today's date).
        due_within: the due-soon threshold, in working days (default 5).
        stalled_after: an open case without an event for this many working days is
            stalled (default :data:`DEFAULT_STALLED_AFTER`); ``None`` to not check.

    Raises:
        InvalidDateError: *as_of* is not a ``datetime.date``.
        InvalidValueError: a threshold is not an int >= 0, or *case* is not a Case.
    """
    as_of = check_date(as_of, "as_of")
    due_within = _threshold(due_within, "due_within")
    stalled_after = _threshold(stalled_after, "stalled_after", optional=True)
    return _watch(
        case, as_of, due_within, stalled_after, _Cutoffs(as_of, due_within, stalled_after)
    )


def _watch(
    case: Case,
    as_of: _dt.date,
    due_within: int,
    stalled_after: int | None,
    cutoffs: _Cutoffs,
) -> WatchItem | None:
    if not isinstance(case, Case):
        raise InvalidValueError("cases", case, Wording("Case objects", "Case 案件对象"))
    last = case.last_event_day
    if last is None:
        return None
    if last > as_of:
        then = _as_it_stood(case, as_of)
        if then is None:
            return None
        case, last = then, then.last_event_day
        assert last is not None
    state = case.state
    is_open = id(state) in _OPEN_IDS  # an int's hash: an enum member's is slow
    calendar = case.calendar
    soon, stall = cutoffs(calendar)
    reasons: set[Attention] = set()
    status: DeadlineStatus | None = None
    try:
        deadline = case.deadline()
    except CoverageError:
        deadline = None
        if is_open:
            reasons.add(Attention.UNCOVERED)
    due = None if deadline is None else deadline.due
    if (
        # Most open cases of a nightly job: nothing to list, known from dates alone.
        is_open
        and not reasons
        and (
            deadline is None
            or (
                not deadline.findings
                and (due is None or (soon is not None and as_of <= due and due >= soon))
                and (deadline.delayed is None or _unpaused(deadline))
            )
        )
        and (stalled_after is None or (stall is not None and last >= stall))
        and not (
            (state is CaseState.WAITING or state is CaseState.AWAITING_CORRECTION)
            and _may_have_ended(case, as_of)
        )
    ):
        return None
    if (
        is_open
        and deadline is not None
        and due is not None
        # an Art. 35 deadline's working days are counted apart from its date: ask
        and (
            as_of > due
            or soon is None
            or due < soon
            or (deadline.delayed is not None and not _unpaused(deadline))
        )
    ):
        status = _open_status(deadline, as_of)
        if status.overdue:
            reasons.add(Attention.OVERDUE)
        elif status.due_soon(due_within):
            reasons.add(Attention.DUE_SOON)
    periods: list[PeriodAlert] = []
    pending: tuple[Proceeding, ...] = ()
    idle = None
    try:
        if is_open:
            # Only these states show waits and the correction among the sub-deadlines.
            waits = state is CaseState.WAITING or state is CaseState.AWAITING_CORRECTION
            if waits and _may_have_ended(case, as_of):
                for sub in case.sub_deadlines():
                    reason = _ENDED.get(sub.kind)
                    if reason is not None and sub.due < as_of:
                        periods.append(_alert(sub, _late_by(calendar, sub.due, as_of)))
                        reasons.add(reason)
            if stalled_after is not None and (stall is None or last < stall):
                idle = calendar.workdays_between(last, as_of)
                if idle >= stalled_after:
                    reasons.add(Attention.STALLED)
        else:
            pending = tuple(p for p in case.proceedings if p.decided is None)
            if pending:
                reasons.add(Attention.PROCEEDING_PENDING)
            for sub in case.sub_deadlines():
                if sub.kind in _REMEDIES and sub.due >= as_of:
                    periods.append(_alert(sub, 0))
                    reasons.add(Attention.REMEDY_OPEN)
    except CoverageError:
        if is_open:
            reasons.add(Attention.UNCOVERED)
    findings = () if deadline is None else deadline.findings
    if findings:
        reasons.add(Attention.FINDINGS)
    if not reasons:
        return None
    if status is None and deadline is not None:
        status = _open_status(deadline, as_of) if is_open else case.status(as_of)
    if idle is None and is_open and stalled_after is not None:
        idle = calendar.workdays_between(last, as_of)
    return WatchItem(
        case.id,
        state,
        due,
        status,
        findings,
        frozenset(reasons),
        None if deadline is None or due is None else reply_clock(case, deadline),
        tuple(periods),
        pending,
        last,
        idle,
    )


def _unpaused(deadline: Deadline) -> bool:
    """Whether no pause counts in *deadline* (then the working days left under an Art. 35
    deadline are those up to its date, as for any other)."""
    return all(type(event) is not Pause for event in deadline.events)


def _may_have_ended(case: Case, as_of: _dt.date) -> bool:
    """Whether a period the case waits on (an answer, the correction, the payment) may
    have ended before *as_of* — a bound that needs no calendar, so that the sub-deadlines
    are computed only then. A period of *n* working days or days counted after *start*
    ends *n* - 1 days after it at the earliest (*start* itself may count)."""
    correction = case.correction
    if correction is not None and correction.received is None and correction.due < as_of:
        return True
    policy, day = case.policy, as_of.toordinal()
    for c in case.consultations:
        if c.answer is None and _may_end(policy, _ANSWER_PERIOD[c.party], c.letter_received, day):
            return True
    fee = case.fee
    return (
        fee is not None
        and fee.paid is None
        and _may_end(policy, PeriodKind.FEE_PAYMENT, fee.notice_received, day)
    )


def _may_end(policy: Policy, kind: PeriodKind, start: _dt.date, day: int) -> bool:
    period: LegalPeriod | None = getattr(policy, kind.value)
    if period is None:
        return False
    return period.unit is PeriodUnit.MONTHS or start.toordinal() + period.length - 1 < day


_ANSWER_PERIOD: Final = {
    ConsultedParty.THIRD_PARTY: PeriodKind.THIRD_PARTY_ANSWER,
    ConsultedParty.OTHER_AGENCY: PeriodKind.INTER_AGENCY_ANSWER,
}


def _open_status(deadline: Deadline, as_of: _dt.date) -> DeadlineStatus:
    """:meth:`Case.status` of an open case whose events all lie on or before *as_of*,
    from its deadline (not computed again): a re-opened period counts from its start."""
    return deadline.status(deadline.day0 if deadline.day0 > as_of else as_of)


def _alert(sub: SubDeadline, overdue_by: int) -> PeriodAlert:
    return PeriodAlert(sub.kind, sub.due, sub.about, overdue_by)


def watch_items(
    cases: Iterable[Case],
    *,
    as_of: _dt.date,
    due_within: int = 5,
    stalled_after: int | None = DEFAULT_STALLED_AFTER,
) -> Iterator[WatchItem]:
    """The watch items of *cases*, one at a time and in their order (逐件督办): a nightly
    job streams any number of cases through it in constant memory. Arguments as
    :func:`watch`."""
    as_of = check_date(as_of, "as_of")
    due_within = _threshold(due_within, "due_within")
    stalled_after = _threshold(stalled_after, "stalled_after", optional=True)
    cutoffs = _Cutoffs(as_of, due_within, stalled_after)
    for case in cases:
        item = _watch(case, as_of, due_within, stalled_after, cutoffs)
        if item is not None:
            yield item


def _worst(item: WatchItem) -> int:
    return max((p.overdue_by for p in item.periods), default=0)


def watchlist(
    cases: Iterable[Case],
    *,
    as_of: _dt.date,
    due_within: int = 5,
    stalled_after: int | None = DEFAULT_STALLED_AFTER,
) -> Watchlist:
    """The cases that need a supervisor's attention at the end of *as_of*, grouped by
    reason and sorted (督办清单).

    Each case is judged on the events recorded by then, with its current calendar.
    Cases registered after *as_of* are left out. Arguments as :func:`watch`.

    Raises:
        InvalidDateError: *as_of* is not a ``datetime.date``.
        InvalidValueError: a threshold is not an int >= 0, or a case is not a Case.
    """
    groups: dict[Attention, list[WatchItem]] = {reason: [] for reason in Attention}
    for item in watch_items(cases, as_of=as_of, due_within=due_within, stalled_after=stalled_after):
        for reason in item.reasons:
            groups[reason].append(item)

    def sort(reason: Attention, key: Any) -> tuple[WatchItem, ...]:
        return tuple(sorted(groups[reason], key=key))

    ended = {
        id(i): i for r in (Attention.CORRECTION_ENDED, Attention.PAYMENT_ENDED) for i in groups[r]
    }
    return Watchlist(
        as_of=as_of,
        due_within=due_within,
        overdue=sort(
            Attention.OVERDUE, lambda i: (-(i.status.overdue_by if i.status else 0), i.case_id)
        ),
        due_soon=sort(Attention.DUE_SOON, lambda i: (i.status.left if i.status else 0, i.case_id)),
        with_findings=sort(Attention.FINDINGS, lambda i: i.case_id),
        answers_overdue=sort(Attention.ANSWER_OVERDUE, lambda i: (-_worst(i), i.case_id)),
        periods_ended=tuple(sorted(ended.values(), key=lambda i: (-_worst(i), i.case_id))),
        stalled=sort(Attention.STALLED, lambda i: (-(i.idle or 0), i.case_id)),
        uncovered=sort(Attention.UNCOVERED, lambda i: i.case_id),
        remedies_open=sort(
            Attention.REMEDY_OPEN,
            lambda i: (min(p.due for p in i.periods if p.kind in _REMEDIES), i.case_id),
        ),
        proceedings_pending=sort(
            Attention.PROCEEDING_PENDING,
            lambda i: (min(p.filed for p in i.proceedings), i.case_id),
        ),
        stalled_after=stalled_after,
    )
