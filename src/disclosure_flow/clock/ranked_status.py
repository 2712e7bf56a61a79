"""Fast path: a deadline's status (``_status`` in :mod:`disclosure_flow.clock.deadline`)
counted on the calendar's rank table. Kept equal to it by
``tests/clock/test_ranked_status.py``.

A deadline's *counting* (:data:`_RankedCounting`) is what its status needs that does not
depend on the day asked about: the last day its events name, the index counting starts
after, and its excluded pauses as merged ``(a, b]`` on the rank table's indices. The
clock's fast path (:mod:`disclosure_flow.clock.ranked`) hands it over with the deadline;
for any other deadline :func:`_ranked_counting` works it out on first use.

:func:`_ranked_status` answers the common case — every day it reads inside the table,
none of them estimated — and returns ``None`` for anything else (an ``as_of`` before the
last event, which the general path refuses, included), so that the general path decides.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeAlias

from disclosure_flow.clock.counting import _merge
from disclosure_flow.clock.events import (
    _KEY,
    ClockEvent,
    Pause,
)
from disclosure_flow.clock.policy import DayZero, PauseBounds, Policy
from disclosure_flow.clock.results import OpenReason

if TYPE_CHECKING:
    from disclosure_flow.clock.deadline import Deadline, DeadlineStatus

#: Pauses as ``(a, b]`` on a rank table's indices (``b`` ``None``: still running).
_IndexIntervals: TypeAlias = list[tuple[int, int | None]]
#: The calendar's :meth:`counting_table <disclosure_flow.WorkdayCalendar.counting_table>`.
_CountingTable: TypeAlias = tuple[int, Sequence[int], Sequence[_dt.date], Sequence[int] | None]
#: ``(last, origin, intervals, table)``: the last day the events name (a pause's end once
#: known), the index counting starts after, the merged excluded pauses on indices, and
#: the calendar's counting table. Read-only.
_RankedCounting: TypeAlias = tuple[_dt.date, int, _IndexIntervals, _CountingTable]


class _CountingSlot:
    """Room on a :class:`~disclosure_flow.clock.Deadline` (its base) for its counting.
    Not an attrs field: not compared, shown, copied or stored; unset until filled in."""

    __slots__ = ("_counting",)
    _counting: _RankedCounting | None


#: Fills in a deadline's counting.
_set_counting = _CountingSlot.__dict__["_counting"].__set__


# Enum members read once: a member looked up on its class costs a descriptor call.
_COUNTED = DayZero.COUNTED
_START_TO_END = PauseBounds.START_TO_END
_BEFORE_END = PauseBounds.AFTER_START_BEFORE_END
_AWAITING_CORRECTION = OpenReason.AWAITING_CORRECTION


def _index_shifts(policy: Policy, first: int) -> tuple[int, int]:
    """What to subtract from a pause's start and end ordinals to get its ``(a, b]`` on a
    rank table whose index 0 is ordinal *first* (``_bounds`` under the policy)."""
    bounds = policy.pause_bounds
    return first + (bounds is _START_TO_END), first + (bounds is _BEFORE_END)


def _ranked_counting(deadline: Deadline) -> _RankedCounting | None:
    """The counting of *deadline* worked out from its events, or ``None`` if the general
    path must decide every status (an event of another type, day 0 outside the table)."""
    policy = deadline.policy
    events: Sequence[ClockEvent] = deadline.events
    table = deadline.calendar.counting_table()
    first = table[0]
    a_shift, b_shift = _index_shifts(policy, first)
    excluded = policy.excluded_pauses
    last = deadline.received
    bounds: _IndexIntervals = []
    for event in events:
        key = _KEY.get(type(event))
        if key is None:
            return None
        day = key(event)
        if type(event) is Pause:
            end = event.end
            if end is not None:
                day = end
            if event.reason in excluded:
                bounds.append(
                    (
                        event.start.toordinal() - a_shift,
                        None if end is None else end.toordinal() - b_shift,
                    )
                )
        if day > last:
            last = day
    origin = deadline.day0.toordinal() - first - (policy.day_zero is _COUNTED)
    if origin < 0:
        return None
    return last, origin, _merge(bounds), table


def _ranked_status(
    deadline: Deadline, as_of: _dt.date, make: Callable[..., DeadlineStatus]
) -> DeadlineStatus | None:
    """``_status(deadline, as_of, …)`` built by *make* from its fields in order, or
    ``None`` when the general path must decide. *as_of* is a plain date (checked by the
    caller)."""
    try:
        counting = deadline._counting
    except AttributeError:  # not built by the fast path: worked out once, then kept
        counting = _ranked_counting(deadline)
        _set_counting(deadline, counting)
    if counting is None:
        return None
    last, origin, intervals, (first, rank, workdays, estimated) = counting
    if as_of < last:
        return None
    replied_on = deadline.replied_on
    replied = replied_on is not None and replied_on <= as_of
    measured = replied_on if replied and replied_on else as_of
    period = deadline.period
    if deadline.open_reason is _AWAITING_CORRECTION:
        return make(measured, 0, period, 0, 0, False, replied, False)
    until = measured.toordinal() - first
    if until >= len(rank):
        return None

    # _counted: (counted, excluded) working days in (origin, until]; and whether a pause
    # runs on until, (a, b] holding it.
    counts = until > origin
    left_out = 0
    paused = False
    for a, b in intervals:
        if a >= until:
            break
        if b is None or b >= until:
            paused = True
            b = until
        if counts:
            start = a if a > origin else origin
            if b > start:
                left_out += rank[b] - rank[start]
    used = rank[until] - rank[origin] - left_out if counts else 0

    # _late_by: the fewest working days k with add(due, k) >= measured.
    overdue_by = 0
    due = deadline.due
    lo = hi = origin  # the span read, for estimated days
    if due is not None and measured > due:
        i = due.toordinal() - first
        if i < 0:
            return None
        k = rank[until - 1]  # add(measured - 1 day, 1) is workdays[k]
        if k >= len(workdays):
            return None
        overdue_by = k + 1 - rank[i]
        if estimated is not None:
            if i < lo:
                lo = i
            hi = workdays[k].toordinal() - first
    if estimated is not None:
        if counts and until > hi:
            hi = until
        if estimated[hi + 1] != estimated[lo + 1]:
            return None
    left = period - used
    return make(
        measured,
        used,
        left if left > 0 else 0,
        left_out,
        overdue_by,
        paused,
        replied,
        deadline.provisional,
    )
