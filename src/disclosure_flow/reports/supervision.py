"""A supervisor's watchlist (督办清单): which cases are overdue, due soon, or carry findings.

>>> import datetime as dt
>>> from disclosure_flow.reports.supervision import watchlist
>>> watchlist([], as_of=dt.date(2026, 11, 2)).is_empty
True
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable

import attrs

from disclosure_flow.cases import Case, CaseState
from disclosure_flow.clock import DeadlineStatus, Finding
from disclosure_flow.dates import check_date
from disclosure_flow.errors import InvalidValueError

__all__ = ["Attention", "WatchItem", "Watchlist", "watchlist"]


class Attention(enum.Enum):
    """Why a case is on the watchlist.

    Members:
        OVERDUE: still unanswered after its deadline (已逾期未答复).
        DUE_SOON: running, with at most the threshold of working days left (即将到期).
        FINDINGS: carries compliance findings (存在合规问题), SPEC §10.
    """

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    FINDINGS = "findings"


@attrs.frozen
class WatchItem:
    """One case on the watchlist.

    Attributes:
        case_id: the case's identifier.
        state: its state at the end of the day asked about.
        due: its reply deadline, or ``None`` while open (paused, awaiting correction).
        status: working days used and left, overdue by (``None`` without day 0).
        findings: its compliance findings by then.
        reasons: why it is listed.
    """

    case_id: str
    state: CaseState
    due: _dt.date | None
    status: DeadlineStatus | None
    findings: tuple[Finding, ...]
    reasons: frozenset[Attention]


@attrs.frozen
class Watchlist:
    """The watchlist as of a day (截至某日的督办清单).

    Attributes:
        as_of: the day.
        due_within: the due-soon threshold in working days.
        overdue: unanswered cases past their deadline, most overdue first.
        due_soon: running cases with at most ``due_within`` working days left, fewest
            first.
        with_findings: cases carrying findings, by case id.
    """

    as_of: _dt.date
    due_within: int
    overdue: tuple[WatchItem, ...]
    due_soon: tuple[WatchItem, ...]
    with_findings: tuple[WatchItem, ...]

    @property
    def is_empty(self) -> bool:
        """Whether nothing needs attention."""
        return not (self.overdue or self.due_soon or self.with_findings)


def _state_on(case: Case, day: _dt.date) -> CaseState | None:
    state = None
    for event in case.history:
        if event.day > day:
            break
        state = event.state_after
    return state


def watchlist(cases: Iterable[Case], *, as_of: _dt.date, due_within: int = 5) -> Watchlist:
    """The cases that need a supervisor's attention at the end of *as_of*.

    Each case is judged on the events recorded by then, with its current calendar.
    Cases registered after *as_of* are left out.

    Args:
        cases: the cases to look at.
        as_of: the day (nothing reads today's date).
        due_within: the due-soon threshold, in working days (default 5).

    Raises:
        InvalidDateError: *as_of* is not a ``datetime.date``.
        InvalidValueError: *due_within* is not an int >= 0, or a case is not a Case.
    """
    as_of = check_date(as_of, "as_of")
    if type(due_within) is not int or due_within < 0:
        raise InvalidValueError("due_within", due_within, "an int >= 0 (working days)")
    overdue: list[WatchItem] = []
    soon: list[WatchItem] = []
    flagged: list[WatchItem] = []
    for case in cases:
        if not isinstance(case, Case):
            raise InvalidValueError("cases", case, "Case objects")
        state = _state_on(case, as_of)
        if state is None:
            continue
        deadline = case.deadline(as_of=as_of)
        status = None if deadline is None else case.status(as_of)
        findings = () if deadline is None else deadline.findings
        reasons = set()
        if status is not None and state.is_open:
            if status.overdue:
                reasons.add(Attention.OVERDUE)
            elif status.due_soon(due_within):
                reasons.add(Attention.DUE_SOON)
        if findings:
            reasons.add(Attention.FINDINGS)
        if not reasons:
            continue
        item = WatchItem(
            case.id,
            state,
            None if deadline is None else deadline.due,
            status,
            findings,
            frozenset(reasons),
        )
        if Attention.OVERDUE in reasons:
            overdue.append(item)
        if Attention.DUE_SOON in reasons:
            soon.append(item)
        if Attention.FINDINGS in reasons:
            flagged.append(item)
    overdue.sort(key=lambda i: (-(i.status.overdue_by if i.status else 0), i.case_id))
    soon.sort(key=lambda i: (i.status.left if i.status else 0, i.case_id))
    flagged.sort(key=lambda i: i.case_id)
    return Watchlist(as_of, due_within, tuple(overdue), tuple(soon), tuple(flagged))
