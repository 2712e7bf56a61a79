"""Year-end days pending the next notice (年末待定日): the last days of the last year
with final data, which the next year's notice may still set.

A year's notice can set days at the end of the year before it: the 2019 notice worked
Saturday 29 December 2018 and gave Monday 31 December off, the 2012 notice worked
Saturday 31 December 2011, the 2008 notice 29 and 31 December 2007. Which days of a
year a next year's notice has ever set otherwise than the weekday rule is read from the
national data (:func:`~disclosure_flow.workdays.national.next_notice_from`: from 29
December); a calendar built with :attr:`YearEnd.PENDING` (the default) treats those
days of its last year with final data as estimated days until the next year's data is
in — a ``chinese-calendar`` release that has it, or a national overlay that covers it,
such as an imported notice (:meth:`~disclosure_flow.Overlay.from_notice`).
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Mapping

import attrs

from disclosure_flow.workdays import estimate
from disclosure_flow.workdays.days import DataStatus, DayInfo, DayKind, year_end_source

__all__ = [
    "PENDING_OFF",
    "PENDING_WORKED",
    "YearEnd",
    "choices_for",
    "compose_pending",
    "flipped",
    "pending_source",
]

#: The alternatives for the pending days: each weekday among them off, or each weekend
#: day among them worked (the values a calendar's scenario choice gives their year).
PENDING_OFF, PENDING_WORKED = -1, -2


class YearEnd(enum.Enum):
    """What a calendar makes of the last days of its last year with final data (年末待定).

    Members:
        PENDING: (default) **[convention]** the days from the earliest day of a year
            that a next year's notice has ever set otherwise than the weekday rule (29
            December, read from the national data) to 31 December of the last year with
            final data are estimated days until the next year's data is in: answers that
            touch them are provisional, and their plausible range covers both outcomes
            (each weekday among them off, each weekend day worked). The days keep the
            year's own data as the primary answer.
        FINAL: the year's own data is final to 31 December (the behaviour before this
            option; for a host that watches for the coming notice itself).
    """

    PENDING = "pending"
    FINAL = "final"


def pending_source(year: int) -> str:
    """The source a pending day of *year* gives (its next year's notice is awaited);
    :meth:`DayInfo.describe_source` says it in Chinese."""
    return year_end_source(year)


def compose_pending(
    special: dict[int, DayInfo],
    pending: range,
    flip: int,
    beyond: estimate.YearScenario | None,
) -> None:
    """The *pending* days (ordinals) in *special*: estimated, and as *flip* says (0: as
    they are; :data:`PENDING_OFF`, :data:`PENDING_WORKED`). With a flip, the days of
    *beyond* (the estimate of the next year, on which a strict calendar bounds the range)
    go under those already there."""
    estimated = DataStatus.ESTIMATED
    year = _dt.date.fromordinal(pending[0]).year
    if flip and beyond is not None:
        bound = f"provisional estimate ({beyond.label}), for the range only"
        for table, kind in (
            (beyond.days_off, DayKind.HOLIDAY),
            (beyond.workdays, DayKind.MAKEUP_WORKDAY),
        ):
            for day, name in table.items():
                special.setdefault(day.toordinal(), DayInfo(day, kind, name, bound, estimated))
    source = pending_source(year)
    for ordinal in pending:
        info = special.get(ordinal)
        day = _dt.date.fromordinal(ordinal)
        working = info.kind.is_workday if info is not None else day.weekday() < 5
        if flip == PENDING_OFF and working:
            special[ordinal] = DayInfo(day, DayKind.HOLIDAY, estimate.NEW_YEAR, source, estimated)
        elif flip == PENDING_WORKED and not working:
            special[ordinal] = DayInfo(
                day, DayKind.MAKEUP_WORKDAY, estimate.NEW_YEAR, source, estimated
            )
        elif info is not None and info.status is not estimated:
            special[ordinal] = attrs.evolve(info, status=estimated)


def choices_for(year: int) -> list[tuple[tuple[int, int], ...]]:
    """The scenario choices of the two outcomes of *year*'s pending days."""
    return [((year, PENDING_OFF),), ((year, PENDING_WORKED),)]


def flipped(choice: Mapping[int, int]) -> bool:
    """Whether a scenario choice flips pending days (its table reaches into the next year)."""
    return any(k < 0 for k in choice.values())
