"""The clock's entry point (答复期限计算): :func:`compute_deadline`.

It orders and checks the events, then tries the fast path on the calendar's rank table
(:mod:`disclosure_flow.clock.ranked`) and falls back to the general path
(:mod:`disclosure_flow.clock.general`) whenever the fast path must not decide.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from disclosure_flow.clock.counting import _Plain, _Results
from disclosure_flow.clock.deadline import Deadline
from disclosure_flow.clock.events import _KEY, ClockEvent, Extension, Pause, Reply
from disclosure_flow.clock.general import _compute
from disclosure_flow.clock.policy import R2008, Policy, policy_in_force
from disclosure_flow.clock.ranked import _compute_ranked
from disclosure_flow.dates import check_date
from disclosure_flow.errors import (
    ClockError,
    InvalidValueError,
    ProvisionalAnswerError,
    Wording,
)
from disclosure_flow.workdays import (
    WorkdayCalendar,
)

__all__ = ["compute_deadline", "national_calendar", "trusted_deadline"]


#: The national strict calendar, built on first use (a calendar is immutable: shared).
_NATIONAL: list[WorkdayCalendar] = []


def national_calendar() -> WorkdayCalendar:
    """The national strict calendar (全国工作日历，严格): ``WorkdayCalendar()``, the
    national data only, no estimates — what :func:`compute_deadline` and the other
    single-deadline entry points use when given no ``calendar``. Built once per process
    and shared (a calendar is immutable)."""
    if not _NATIONAL:
        _NATIONAL.append(WorkdayCalendar())
    return _NATIONAL[0]


def compute_deadline(
    day0: _dt.date,
    events: Iterable[ClockEvent] = (),
    *,
    policy: Policy | None = None,
    calendar: WorkdayCalendar | None = None,
    day0_note: str = "",
) -> Deadline:
    """The reply deadline (答复期限) of a request received on *day0*, given its clock events.

    Ask the result's :meth:`Deadline.status` for working days used and left, or overdue,
    on a given date. Without *policy* and *calendar* it uses what
    :meth:`~disclosure_flow.Case.open` uses: the rules in force on *day0* and the
    national strict calendar.

    >>> import datetime as dt
    >>> compute_deadline(dt.date(2026, 9, 28)).due
    datetime.date(2026, 10, 30)

    Args:
        day0: the receipt date (收到申请之日, SPEC §3); not itself counted.
        events: the clock events, in any order (same-day events keep their order).
        policy: the rules (适用规则); default the national rules in force on *day0*
            (:func:`~disclosure_flow.clock.policy_in_force`: :data:`~disclosure_flow.R2019`
            from 2019-05-15, :data:`~disclosure_flow.R2008` before).
        calendar: the working-day calendar (工作日历); default the national strict one
            (:func:`national_calendar`). A provisional one gives a provisional
            deadline with its plausible range.
        day0_note: how day 0 was established, for the explanation (e.g. ``"当面提交"``).

    Raises:
        InvalidDateError: a date is not a ``datetime.date``.
        InvalidValueError: an argument of the wrong kind; no *policy* given and *day0*
            before 2008-05-01 (no regulation was in force).
        ClockError: an event before day 0 or after the reply; a second reply; an
            extension beyond the cap in total, or after an Art. 35 delayed deadline; a
            delayed deadline not later than the deadline it replaces, or under a policy
            without Art. 35.
        LateActError: an act after its period while ``policy.late_acts`` is
            :attr:`~disclosure_flow.policy.LateActs.REFUSE`.
        CoverageError: a strict calendar lacks the days needed.
    """
    if type(day0) is not _dt.date:
        day0 = check_date(day0, "day0")
    if policy is None:
        policy = _in_force(day0)
    elif not isinstance(policy, Policy):
        raise InvalidValueError(
            "policy",
            policy,
            Wording(
                "a Policy, e.g. disclosure_flow.R2019", "Policy 规则集，如 disclosure_flow.R2019"
            ),
        )
    if calendar is None:
        calendar = _NATIONAL[0] if _NATIONAL else national_calendar()
    elif not isinstance(calendar, WorkdayCalendar):
        raise InvalidValueError(
            "calendar", calendar, Wording("a WorkdayCalendar", "WorkdayCalendar 工作日历")
        )
    if not isinstance(day0_note, str):
        raise InvalidValueError("day0_note", day0_note, Wording("a str", "字符串"))
    # trusted_deadline's body, without one more call on the hot path.
    ordered = _ordered(day0, events)
    quick = _compute_ranked(day0, ordered, policy, calendar, day0_note)
    if quick is not None:
        return quick
    return _general(day0, ordered, policy, calendar, day0_note)


def _in_force(day0: _dt.date) -> Policy:
    """The national rules in force on *day0*, the default policy."""
    try:
        return policy_in_force(day0)
    except InvalidValueError:
        raise InvalidValueError(
            "policy",
            None,
            Wording(
                f"a Policy: no regulation was in force on day 0 ({day0.isoformat()}, before "
                f"{R2008.in_force_from}); pass policy= for a simulation",
                f"规则集：第 0 日（{day0.isoformat()}）早于 {R2008.in_force_from}，"
                "当时没有施行的条例；模拟时请传入 policy=",
            ),
        ) from None


def trusted_deadline(
    day0: _dt.date,
    events: Iterable[ClockEvent],
    policy: Policy,
    calendar: WorkdayCalendar,
    day0_note: str,
) -> Deadline:
    """:func:`compute_deadline` for a caller that passes arguments of the right types
    (a date, a Policy, a WorkdayCalendar, a str): the events are still ordered and
    checked, and the result is the same."""
    ordered = _ordered(day0, events)
    quick = _compute_ranked(day0, ordered, policy, calendar, day0_note)
    if quick is not None:
        return quick
    return _general(day0, ordered, policy, calendar, day0_note)


def _general(
    day0: _dt.date,
    ordered: tuple[ClockEvent, ...],
    policy: Policy,
    calendar: WorkdayCalendar,
    day0_note: str,
) -> Deadline:
    """The general path: final answers first, and with their provenance once an
    estimated day is touched."""
    try:
        return _compute(day0, ordered, policy, calendar, day0_note, _Plain(calendar))
    except ProvisionalAnswerError:
        return _compute(day0, ordered, policy, calendar, day0_note, _Results(calendar))


def _ordered(day0: _dt.date, events: Iterable[ClockEvent]) -> tuple[ClockEvent, ...]:
    try:
        events = tuple(events)
    except TypeError:
        raise InvalidValueError(
            "events", events, Wording("an iterable of clock events", "可迭代的期限事件")
        ) from None
    replies = 0
    in_order = True
    previous = day0
    keys = _KEY
    for event in events:
        # The day that orders it (_KEY), read directly for the common kinds.
        kind: type[ClockEvent]
        if type(event) is Pause:
            kind, day = Pause, event.start
        elif type(event) is Extension:
            kind, day = Extension, event.granted_on
        else:
            kind = type(event)
            key = keys.get(kind)
            if key is None:
                raise InvalidValueError(
                    "events",
                    event,
                    Wording(
                        "Pause, Restart, Extension, DelayedDeadline, CorrectionNotice or Reply",
                        "Pause、Restart、Extension、DelayedDeadline、CorrectionNotice 或 Reply",
                    ),
                )
            day = key(event)
        if day < previous:  # every day so far is on or after day 0
            if day < day0:
                raise ClockError(
                    Wording(f"{kind.__name__} date", f"{kind.__name__} 日期"),
                    day,
                    Wording(f"on or after day 0 ({day0})", f"第 0 日（{day0}）或之后"),
                )
            in_order = False
        previous = day
        if kind is Reply:
            replies += 1
    # The checks below are about a reply: none, or one with nothing after it, passes.
    if in_order and (not replies or (replies == 1 and type(events[-1]) is Reply)):
        return events
    days = [keys[type(event)](event) for event in events]
    if not in_order:
        order = sorted(range(len(events)), key=days.__getitem__)
        events = tuple(events[i] for i in order)
        days = [days[i] for i in order]
    if not replies or (replies == 1 and type(events[-1]) is Reply):
        return events
    reply: _dt.date | None = None
    for day, event in zip(days, events, strict=True):
        if reply is not None:
            if type(event) is Reply:
                raise ClockError(
                    Wording("reply", "答复"), event, Wording("one reply only", "只有一次答复")
                )
            if day > reply:
                raise ClockError(
                    type(event).__name__,
                    event,
                    Wording(f"on or before the reply ({reply})", f"答复（{reply}）或之前"),
                )
        elif type(event) is Reply:
            reply = day
    return events
