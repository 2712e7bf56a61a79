"""Counting working days around the pauses (计算工作日): the general path's arithmetic.

A pause from *s* to *e* is the interval ``(a, b]`` of the working days it removes
(SPEC §2, the policy's :class:`~disclosure_flow.clock.PauseBounds`); overlapping pauses
merge. A *counter* answers working-day questions either with final answers only
(:class:`_Plain`) or with their provenance and plausible range (:class:`_Results`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol, TypeAlias, TypeVar

from disclosure_flow.clock.events import Pause
from disclosure_flow.clock.policy import DayZero, PauseBounds, Policy
from disclosure_flow.workdays import (
    WorkdayCalendar,
)

if TYPE_CHECKING:
    from disclosure_flow.clock.deadline import Deadline

_ONE_DAY = _dt.timedelta(days=1)


class _Counter(Protocol):
    provisional: bool

    def between(self, start: _dt.date, end: _dt.date) -> int: ...

    def add(self, start: _dt.date, n: int) -> _dt.date: ...


class _Plain:
    """Final answers only; a question touching an estimated day raises
    :class:`ProvisionalAnswerError`, and the clock starts over with :class:`_Results`."""

    __slots__ = ("add", "between")
    provisional = False

    def __init__(self, calendar: WorkdayCalendar) -> None:
        self.between = calendar.workdays_between
        self.add = calendar.add_workdays


class _Results:
    """Answers with provenance. ``pick`` chooses the value (0), or the bound that makes a
    due date earliest (1) or latest (2)."""

    __slots__ = ("calendar", "pick", "provisional")

    def __init__(self, calendar: WorkdayCalendar, pick: int = 0) -> None:
        self.calendar = calendar
        self.pick = pick
        self.provisional = False

    def between(self, start: _dt.date, end: _dt.date) -> int:
        r = self.calendar.workdays_between_result(start, end)
        self.provisional |= r.provisional
        # More working days available before a pause make the due date earlier.
        return (r.value, r.high, r.low)[self.pick]

    def add(self, start: _dt.date, n: int) -> _dt.date:
        r = self.calendar.add_workdays_result(start, n)
        self.provisional |= r.provisional
        return (r.value, r.low, r.high)[self.pick]


_Interval: TypeAlias = tuple[_dt.date, _dt.date | None]
_P = TypeVar("_P", int, _dt.date)


def _bounds(pause: Pause, policy: Policy) -> _Interval:
    """The pause as ``(a, b]``: the working days *d* with ``a < d <= b`` it removes."""
    a, b = pause.start, pause.end
    if policy.pause_bounds is PauseBounds.AFTER_START_TO_END:
        return a, b
    if policy.pause_bounds is PauseBounds.START_TO_END:
        a -= _ONE_DAY
    elif policy.pause_bounds is PauseBounds.AFTER_START_BEFORE_END and b is not None:
        b -= _ONE_DAY
    return a, b


def _merge(bounds: Iterable[tuple[_P, _P | None]]) -> list[tuple[_P, _P | None]]:
    """Pauses as ``(a, b]`` intervals (``b`` ``None``: still running), in order of
    start, merged where they overlap; empty ones dropped; nothing after a running one."""
    merged: list[tuple[_P, _P | None]] = []
    for a, b in bounds:
        if b is not None and b <= a:
            continue
        if merged:
            last_a, last_b = merged[-1]
            if last_b is None:
                break
            if a <= last_b:
                merged[-1] = (last_a, None if b is None else max(b, last_b))
                continue
        merged.append((a, b))
    return merged


def _intervals(pauses: Iterable[Pause], policy: Policy) -> list[_Interval]:
    """Excluded intervals ``(a, b]`` (``b`` ``None``: still running), merged; *pauses*
    must come in order of start."""
    excluded = policy.excluded_pauses
    return _merge([_bounds(p, policy) for p in pauses if p.reason in excluded])


def _nth(
    counter: _Counter, origin: _dt.date, need: int, intervals: list[_Interval]
) -> _dt.date | None:
    """The *need*-th counted working day after *origin*; ``None`` if a running pause
    comes first."""
    cursor = origin
    for a, b in intervals:
        if a > cursor:
            available = counter.between(cursor, a)
            if available >= need:
                return counter.add(cursor, need)
            need -= available
        if b is None:
            return None
        if b > cursor:
            cursor = b
    return counter.add(cursor, need)


def _counted(
    counter: _Counter, origin: _dt.date, until: _dt.date, intervals: list[_Interval]
) -> tuple[int, int]:
    """(counted, excluded) working days in ``(origin, until]``."""
    if until <= origin:
        return 0, 0
    total = counter.between(origin, until)
    excluded = 0
    for a, b in intervals:
        if a >= until:
            break
        lo = max(a, origin)
        hi = until if b is None or b > until else b
        if hi > lo:
            excluded += counter.between(lo, hi)
    return total - excluded, excluded


def _late_by(counter: _Counter, due: _dt.date, acted: _dt.date) -> int:
    """The fewest working days k with ``add(due, k) >= acted``."""
    return counter.between(due, counter.add(acted - _ONE_DAY, 1))


def _origin(deadline: Deadline) -> _dt.date:
    """The day counting starts after (day 0, or the day before it if day 0 counts)."""
    if deadline.policy.day_zero is DayZero.COUNTED:
        return deadline.day0 - _ONE_DAY
    return deadline.day0
