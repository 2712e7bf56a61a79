"""Fast path: the general path (:mod:`disclosure_flow.clock.general`) counted on the
calendar's rank table. Kept equal to it by ``tests/clock/test_ranked.py``.

It answers the common case — every day inside the table, no estimated day, no Art. 35
delayed deadline, no act after its period, no extension beyond the cap — and returns
``None`` for anything else, so that the general path decides. The deadline it builds
carries its counting on the table, so that its status is counted there too
(:mod:`disclosure_flow.clock.ranked_status`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from disclosure_flow.clock.counting import _merge
from disclosure_flow.clock.deadline import Deadline, _new_deadline
from disclosure_flow.clock.events import (
    ClockEvent,
    CorrectionNotice,
    Extension,
    Pause,
    Reply,
    Restart,
)
from disclosure_flow.clock.policy import DayZero, PauseBounds, Policy
from disclosure_flow.clock.ranked_status import _IndexIntervals, _set_counting
from disclosure_flow.clock.results import OpenReason
from disclosure_flow.workdays import (
    WorkdayCalendar,
)

# Enum members read once: a member looked up on its class costs a descriptor call.
_COUNTED = DayZero.COUNTED
_START_TO_END = PauseBounds.START_TO_END
_BEFORE_END = PauseBounds.AFTER_START_BEFORE_END
_AWAITING_CORRECTION = OpenReason.AWAITING_CORRECTION
_PAUSED = OpenReason.PAUSED


def _nth_rank(
    rank: Sequence[int], cursor: int, need: int, intervals: _IndexIntervals
) -> int | None:
    """:func:`_nth` on the calendar's rank table: days as indices, *need* >= 1. Returns
    ``k`` such that the answer is ``workdays[k]`` (the caller checks ``k`` is in the
    table), or ``None`` if a running pause comes first."""
    for a, b in intervals:
        if a > cursor:
            available = rank[a] - rank[cursor]
            if available >= need:
                return rank[cursor] + need - 1
            need -= available
        if b is None:
            return None
        if b > cursor:
            cursor = b
    return rank[cursor] + need - 1


def _compute_ranked(
    received: _dt.date,
    events: tuple[ClockEvent, ...],
    policy: Policy,
    calendar: WorkdayCalendar,
    day0_note: str,
) -> Deadline | None:
    """The common case of :func:`_compute`, counted directly on the calendar's rank table:
    the same answer, or ``None`` whenever :func:`_compute` must decide (a day outside
    the table or an estimated day anywhere in the span, an Art. 35 delayed deadline, an
    act after its period, an extension beyond the cap). A differential test keeps the
    two in agreement.

    *events* come in date order (:func:`_ordered`): the pauses come in order of start,
    and the pauses known on a given day are the first ones."""
    table = calendar.counting_table()
    first, rank, workdays, estimated = table
    size = len(rank)
    last_rank = len(workdays) - 1
    spans = estimated is not None  # then the span read is tracked, for estimated days
    base = policy.reply_period.length
    shift = first + (policy.day_zero is _COUNTED)
    origin = received.toordinal() - shift

    # _intervals, on indices: the excluded pauses' (a, b] in order of start, merged.
    excluded = policy.excluded_pauses
    bounds_rule = policy.pause_bounds  # _index_shifts, inline
    a_shift = first + (bounds_rule is _START_TO_END)
    b_shift = first + (bounds_rule is _BEFORE_END)
    bounds: _IndexIntervals = []
    merged = True  # whether bounds are already as _merge leaves them (the common case)
    reach: int | None = -size  # the end of the last bound (None: running)
    others: list[ClockEvent] = []
    last_start: _dt.date | None = None  # the latest start of any pause
    last = received  # the latest day an event names (a pause's end once known)
    last_other = received  # the day of the last event other than a pause
    for e in events:
        if type(e) is Pause:
            last_start = e.start
            end = e.end
            if end is not None and end > last:
                last = end
            if e.reason in excluded:
                a = last_start.toordinal() - a_shift
                b = None if end is None else end.toordinal() - b_shift
                bounds.append((a, b))
                # Empty, overlapping or touching the one before, or after a running one.
                if reach is None or a <= reach or (b is not None and b <= a):
                    merged = False
                reach = b
        else:
            others.append(e)
    intervals = bounds if merged else _merge(bounds)
    # The indices the answer reads span lo..hi.
    lo = hi = origin
    if intervals:
        a, b = intervals[0]
        if a < lo:
            lo = a
        a, b = intervals[-1]  # disjoint and in order: the last one reaches furthest
        if b is None:
            b = a
        if b > hi:
            hi = b
    if lo < 0 or hi >= size:
        return None

    zero = received
    extensions: list[Extension] = []
    extended = 0
    awaiting_correction = False
    replied_on: _dt.date | None = None
    for event in others:
        if type(event) is Extension:
            last_other = event.granted_on
            if extended + event.days > policy.extension_cap.length:
                return None
            known = intervals
            if last_start is not None and last_start > event.granted_on:
                # judged against the deadline as it stood on the day of the grant
                limit = event.granted_on.toordinal() - a_shift
                known = _merge([ab for ab in bounds if ab[0] <= limit])
            k = _nth_rank(rank, origin, base + extended, known)
            if k is not None:
                if k > last_rank or event.granted_on > workdays[k]:
                    return None
                if spans:
                    reached = workdays[k].toordinal() - first
                    if reached > hi:
                        hi = reached
            extended += event.days
            extensions.append(event)
        elif type(event) is Reply:
            replied_on = last_other = event.day
        elif type(event) is Restart:
            zero = last_other = event.day
            origin = zero.toordinal() - shift
            if origin >= size:
                return None
            if origin > hi:
                hi = origin
            extensions, extended, awaiting_correction = [], 0, False
        elif type(event) is CorrectionNotice:
            last_other = event.sent_on
            period = policy.correction_notice_period
            if period is not None:
                if period.length < 1:
                    return None
                k = rank[origin] + period.length - 1
                if k > last_rank:
                    return None
                reached = workdays[k].toordinal() - first
                if reached > hi:
                    hi = reached
                if event.sent_on > workdays[k]:
                    return None
            awaiting_correction = True
        else:
            return None

    due: _dt.date | None = None
    open_reason: OpenReason | None = None
    if awaiting_correction:
        period_total = base
        open_reason = _AWAITING_CORRECTION
    else:
        period_total = base + extended
        k = _nth_rank(rank, origin, period_total, intervals)
        if k is None:
            open_reason = _PAUSED
        else:
            if k > last_rank:
                return None
            due = workdays[k]
            if spans:
                reached = due.toordinal() - first
                if reached > hi:
                    hi = reached
            if replied_on is not None and replied_on > due:
                return None
    if estimated is not None and estimated[hi + 1] != estimated[lo]:
        return None
    deadline = _new_deadline(
        policy,
        received,
        zero,
        due,
        open_reason,
        period_total,
        tuple(extensions),
        None,
        replied_on,
        False,
        due,
        due,
        calendar.fingerprint,
        (),
        events,
        day0_note,
        calendar,
    )
    # In date order, the last event's day is the later of the last pause's start and
    # the last other event's day.
    if last_start is not None and last_start > last:
        last = last_start
    if last_other > last:
        last = last_other
    _set_counting(deadline, (last, origin, intervals, table))
    return deadline
