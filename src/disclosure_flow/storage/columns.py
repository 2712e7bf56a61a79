"""The columns a stored case carries beside its document (派生列), derived from the case
and its calendar.

The document (:meth:`Case.to_dict <disclosure_flow.cases.Case.to_dict>`) is the source
of truth; these columns are copied out of it so that a database can answer "which
cases are overdue" on indexed columns, without reading a document. They depend on the
working-day calendar, so they are recomputed when it changes
(:meth:`Repository.recompute <disclosure_flow.storage.Repository.recompute>`); the
calendar's fingerprint is kept beside them to tell which rows are stale.

Nothing here imports SQLAlchemy.

>>> import datetime as dt
>>> from disclosure_flow.testing import Scenario
>>> columns = case_columns(Scenario(received=dt.date(2026, 9, 28)).case())
>>> columns.state, columns.day_zero, columns.due, columns.next_kind
('registered', datetime.date(2026, 9, 28), datetime.date(2026, 10, 30), 'correction_notice')
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Any

import attrs

from disclosure_flow.cases import Case
from disclosure_flow.clock import Deadline, Pause
from disclosure_flow.errors import ClockError, CoverageError, InvalidValueError, Wording

__all__ = ["CaseColumns", "Undated", "case_columns"]


class Undated(enum.Enum):
    """Why a stored case has no due date (``open_reason`` column, 无答复期限的原因).

    Members:
        NO_DAY_ZERO: receipt not confirmed yet (尚未确认收到, Art. 31).
        PAUSED: a consultation or a fee notice runs (暂停计时).
        AWAITING_CORRECTION: the period restarts when the corrected application arrives
            (等待补正, Art. 30).
        UNCOVERED: the calendar lacks the working days needed (日历数据不足): add next
            year's notice and recompute.
        UNCOUNTABLE: the clock refuses to count the recorded history
            (:class:`~disclosure_flow.errors.ClockError`; 期限无法计算): the case is stored,
            and its deadline asked again when it changes.
    """

    NO_DAY_ZERO = "no_day_zero"
    PAUSED = "paused"
    AWAITING_CORRECTION = "awaiting_correction"
    UNCOVERED = "uncovered"
    UNCOUNTABLE = "uncountable"


@attrs.frozen
class CaseColumns:
    """One stored case's columns besides its document (案件行的派生列).

    Attributes:
        id: the case's identifier (案件编号).
        version: its version (版本号), checked on every save.
        state: its state's value (办理状态), e.g. ``"waiting"``.
        is_open: whether the request still waits for a reply on the merits (办理中).
        received: the day the application arrived (收到申请).
        day_zero: day 0 (收到申请之日, Art. 31), ``None`` while unconfirmed.
        due: the reply deadline (答复期限), ``None`` when :attr:`open_reason` says why.
        open_reason: why :attr:`due` is ``None`` (an :class:`Undated` value), else ``None``.
        next_due: the earliest running sub-deadline (最近的子期限): an answer, correction,
            payment or remedy period.
        next_kind: its kind (a :class:`~disclosure_flow.cases.SubDeadlineKind` value).
        provisional: whether :attr:`due` or :attr:`next_due` rests on estimated days
            (估计，待确认).
        paused_through: the last day of a pause that ended with the last clock event; the
            clock does not run on that day (the day an answer arrives is not counted).
        fingerprint: the fingerprint of the calendar they were computed with (日历数据版本).
        last_event: the day of the last recorded event (最近一次办理日期).
    """

    id: str
    version: int
    state: str
    is_open: bool
    received: _dt.date | None
    day_zero: _dt.date | None
    due: _dt.date | None
    open_reason: str | None
    next_due: _dt.date | None
    next_kind: str | None
    provisional: bool
    paused_through: _dt.date | None
    fingerprint: str
    last_event: _dt.date | None

    def as_row(self) -> dict[str, Any]:
        """The columns as a dict, by column name."""
        return attrs.asdict(self, recurse=False)


def _paused_through(deadline: Deadline) -> _dt.date | None:
    ends = [e.end for e in deadline.events if type(e) is Pause and e.end is not None]
    if deadline.due is None or not ends:
        return None
    last = max(ends)
    try:
        paused = deadline.status(last).paused
    except ClockError:  # another clock event came later: the pause is long over
        return None
    return last if paused else None


def case_columns(case: Case) -> CaseColumns:
    """The derived columns of *case*, with its current calendar (案件的派生列).

    A deadline or a sub-deadline that needs days the calendar lacks does not fail: its
    columns are empty and ``open_reason`` is ``"uncovered"`` (when the reply deadline is
    the one that cannot be computed).

    Raises:
        InvalidValueError: *case* is not a :class:`~disclosure_flow.cases.Case`.
    """
    if not isinstance(case, Case):
        raise InvalidValueError("case", case, Wording("a Case", "Case 案件"))
    state = case.state
    due = open_reason = next_due = next_kind = paused_through = None
    provisional = False
    try:
        deadline = case.deadline()
    except CoverageError:
        open_reason = Undated.UNCOVERED.value
    except ClockError:
        open_reason = Undated.UNCOUNTABLE.value
    else:
        if deadline is None:
            open_reason = Undated.NO_DAY_ZERO.value
        else:
            due = deadline.due
            provisional = deadline.provisional
            if deadline.open_reason is not None:
                open_reason = deadline.open_reason.value
            paused_through = _paused_through(deadline)
    try:
        subs = case.sub_deadlines()
    except (CoverageError, ClockError):
        subs = ()
    if subs:
        first = min(subs, key=lambda s: s.due)
        next_due, next_kind = first.due, first.kind.value
        provisional = provisional or (first.end is not None and first.end.provisional)
    return CaseColumns(
        id=case.id,
        version=case.version,
        state=state.value,
        is_open=state.is_open,
        received=case.received,
        day_zero=case.day_zero,
        due=due,
        open_reason=open_reason,
        next_due=next_due,
        next_kind=next_kind,
        provisional=provisional,
        paused_through=paused_through,
        fingerprint=case.calendar.fingerprint,
        last_event=case.last_event_day,
    )
