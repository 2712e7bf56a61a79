"""Fast path: the general path (:mod:`disclosure_flow.clock.general`) counted on the
calendar's rank table. Kept equal to it by ``tests/clock/test_ranked.py``.

It answers the common case — every day inside the table, no estimated day, no Art. 35
delayed deadline, no act after its period, no extension beyond the cap — and returns
``None`` for anything else, so that the general path decides.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from disclosure_flow.clock.counting import _merge
from disclosure_flow.clock.deadline import Deadline
from disclosure_flow.clock.events import (
    ClockEvent,
    CorrectionNotice,
    Extension,
    Pause,
    Reply,
    Restart,
)
from disclosure_flow.clock.policy import DayZero, PauseBounds, PauseReason, Policy
from disclosure_flow.clock.results import OpenReason
from disclosure_flow.workdays import (
    WorkdayCalendar,
)


def _nth_rank(
    rank: Sequence[int], cursor: int, need: int, intervals: list[tuple[int, int | None]]
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


def _index_intervals(
    chosen: list[Pause],
    excluded: frozenset[PauseReason],
    first: int,
    a_shift: int,
    b_shift: int,
    origin: int,
) -> tuple[list[tuple[int, int | None]], int, int]:
    """:func:`_intervals` on the rank table's indices, with the lowest and highest index
    they touch (at least *origin*'s)."""
    merged = _merge(
        [
            (
                p.start.toordinal() - first - a_shift,
                None if p.end is None else p.end.toordinal() - first - b_shift,
            )
            for p in chosen
            if p.reason in excluded
        ]
    )
    low = high = origin
    for a, b in merged:
        if a < low:
            low = a
        top = a if b is None else b
        if top > high:
            high = top
    return merged, low, high


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
    two in agreement."""
    first, rank, workdays, estimated = calendar.counting_table()
    size = len(rank)
    last_rank = len(workdays) - 1
    base = policy.reply_period.length
    cap = policy.extension_cap.length
    shift = 1 if policy.day_zero is DayZero.COUNTED else 0
    origin = received.toordinal() - first - shift

    # _intervals, on indices: the excluded pauses as (a, b], merged.
    excluded = policy.excluded_pauses
    bounds = policy.pause_bounds
    a_shift = 1 if bounds is PauseBounds.START_TO_END else 0
    b_shift = 1 if bounds is PauseBounds.AFTER_START_BEFORE_END else 0
    pauses: list[Pause] = []
    others: list[ClockEvent] = []
    for e in events:
        if type(e) is Pause:
            pauses.append(e)
        else:
            others.append(e)

    intervals, lo, hi = (
        _index_intervals(pauses, excluded, first, a_shift, b_shift, origin)
        if pauses
        else ([], origin, origin)
    )
    if lo < 0 or hi >= size:
        return None

    zero = received
    extensions: list[Extension] = []
    extended = 0
    awaiting_correction = False
    replied_on: _dt.date | None = None
    for event in others:
        kind = type(event)
        if kind is Extension:
            assert isinstance(event, Extension)
            if extended + event.days > cap:
                return None
            known = intervals
            if any(p.start > event.granted_on for p in pauses):
                # judged against the deadline as it stood on the day of the grant
                chosen = [p for p in pauses if p.start <= event.granted_on]
                known = _index_intervals(chosen, excluded, first, a_shift, b_shift, origin)[0]
            k = _nth_rank(rank, origin, base + extended, known)
            if k is not None:
                if k > last_rank or event.granted_on > workdays[k]:
                    return None
                hi = max(hi, workdays[k].toordinal() - first)
            extended += event.days
            extensions.append(event)
        elif kind is Restart:
            assert isinstance(event, Restart)
            zero = event.day
            origin = zero.toordinal() - first - shift
            if origin >= size:
                return None
            hi = max(hi, origin)
            extensions, extended, awaiting_correction = [], 0, False
        elif kind is CorrectionNotice:
            assert isinstance(event, CorrectionNotice)
            period = policy.correction_notice_period
            if period is not None:
                if period.length < 1:
                    return None
                k = rank[origin] + period.length - 1
                if k > last_rank:
                    return None
                hi = max(hi, workdays[k].toordinal() - first)
                if event.sent_on > workdays[k]:
                    return None
            awaiting_correction = True
        elif kind is Reply:
            assert isinstance(event, Reply)
            replied_on = event.day
        else:
            return None

    due: _dt.date | None = None
    open_reason: OpenReason | None = None
    if awaiting_correction:
        period_total = base
        open_reason = OpenReason.AWAITING_CORRECTION
    else:
        period_total = base + extended
        k = _nth_rank(rank, origin, period_total, intervals)
        if k is None:
            open_reason = OpenReason.PAUSED
        else:
            if k > last_rank:
                return None
            due = workdays[k]
            hi = max(hi, due.toordinal() - first)
            if replied_on is not None and replied_on > due:
                return None
    if estimated is not None and estimated[hi + 1] != estimated[lo]:
        return None
    return Deadline(
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
