"""The deadline (答复期限): the clock's answer, and its status on a given day.

A :class:`Deadline` does not depend on any "today": :meth:`Deadline.status` takes the
date asked about and gives a :class:`DeadlineStatus` (working days used and left,
overdue or not).
"""

from __future__ import annotations

import datetime as _dt
import os
from typing import TYPE_CHECKING

import attrs

from disclosure_flow.clock.counting import (
    _counted,
    _Counter,
    _intervals,
    _late_by,
    _origin,
    _Plain,
    _Results,
)
from disclosure_flow.clock.events import _KEY, ClockEvent, DelayedDeadline, Extension, Pause
from disclosure_flow.clock.explain import _explain
from disclosure_flow.clock.policy import Policy
from disclosure_flow.clock.ranked_status import _CountingSlot, _ranked_status
from disclosure_flow.clock.results import ExplanationStep, Finding, OpenReason, _check_lang
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

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["Deadline", "DeadlineStatus"]

_NEW = object.__new__
_DATE = _dt.date


@attrs.frozen
class DeadlineStatus:
    """Where a deadline stands on a given date (期限状态): what a dashboard lists.

    Attributes:
        as_of: the date measured at: the date asked for, or the reply day if earlier
            (a reply stops the clock).
        used: counted working days used by then (已用工作日).
        left: working days left (剩余工作日), ``max(period - used, 0)``.
        excluded: working days left out by pauses by then (暂停扣除的工作日).
        overdue_by: working days overdue (逾期工作日): the fewest extra working days that
            would have made ``as_of`` in time; 0 if not overdue.
        paused: whether an excluded pause is running on ``as_of`` (暂停计时中).
        replied: whether the reply came on or before ``as_of``.
        provisional: whether an estimated calendar day was involved.
    """

    as_of: _dt.date
    used: int
    left: int
    excluded: int
    overdue_by: int
    paused: bool
    replied: bool
    provisional: bool

    @property
    def overdue(self) -> bool:
        """Whether the deadline had passed (已逾期)."""
        return self.overdue_by > 0

    def due_soon(self, within: int) -> bool:
        """Whether the clock is running, not overdue, and at most *within* working days
        are left (即将到期). A paused, replied or open deadline is never due soon.

        Raises:
            InvalidValueError: *within* is not an int >= 0.
        """
        if type(within) is not int or within < 0:
            raise InvalidValueError(
                "within", within, Wording("an int >= 0 (working days)", "不小于 0 的整数（工作日）")
            )
        if self.paused or self.replied or self.overdue:
            return False
        return self.left <= within


@attrs.frozen(slots=True)
class Deadline(_CountingSlot):
    """A reply deadline with everything needed to act on it and defend it (答复期限).

    It does not depend on any "today": ask :meth:`status` for a given date.

    Attributes:
        policy: the rules it was computed under.
        received: the first day 0 (收到申请之日).
        day0: the day 0 in force (the last restart's day, or ``received``).
        due: the deadline (答复期限), to the end of that day; ``None`` while open.
        open_reason: why ``due`` is ``None``, else ``None``.
        period: working days allowed in force: the reply period plus extensions; under
            an Art. 35 delayed deadline, the counted working days up to it.
        extensions: the extensions that count (since the last restart).
        delayed: the Art. 35 delayed deadline in force, if any.
        replied_on: the reply day, if replied.
        provisional: whether an estimated calendar day was involved (估计，待确认).
        low: the earliest plausible due date (``== due`` when final).
        high: the latest plausible due date.
        fingerprint: the working-day calendar's fingerprint (日历数据版本).
        findings: compliance findings (合规问题), in date order, including acts before
            a restart.
        events: the clock events, in date order.
        day0_note: how day 0 was established (e.g. ``"当面提交"``), for the explanation.
        calendar: the calendar used (not compared; :meth:`status` and the explanation
            use it).
    """

    policy: Policy
    received: _dt.date
    day0: _dt.date
    due: _dt.date | None
    open_reason: OpenReason | None
    period: int
    extensions: tuple[Extension, ...]
    delayed: DelayedDeadline | None
    replied_on: _dt.date | None
    provisional: bool
    low: _dt.date | None
    high: _dt.date | None
    fingerprint: str
    findings: tuple[Finding, ...]
    events: tuple[ClockEvent, ...]
    day0_note: str
    calendar: WorkdayCalendar = attrs.field(eq=False, repr=False)

    @property
    def is_open(self) -> bool:
        """Whether the deadline has no date yet (期限未定)."""
        return self.due is None

    @property
    def extended_by(self) -> int:
        """Working days added by extensions in force."""
        return sum(e.days for e in self.extensions)

    def status(self, as_of: _dt.date) -> DeadlineStatus:
        """Working days used and left, overdue or not, on *as_of* (截至某日的期限状态).

        Raises:
            InvalidDateError: *as_of* is not a ``datetime.date``.
            ClockError: *as_of* is before the last event (the clock's facts would be
                in its future) or before day 0.
            CoverageError: a strict calendar lacks the days needed.
        """
        if type(as_of) is not _DATE:
            as_of = check_date(as_of, "as_of")
        quick = _ranked_status(self, as_of, _new_status)  # the common case, on the rank table
        if quick is not None:
            return quick
        return _general_status(self, as_of)

    def steps(self) -> tuple[ExplanationStep, ...]:
        """The explanation's steps in date order: day 0, holiday blocks skipped and
        make-up days counted, pauses with the working days they removed, extensions with
        their approvers, the result."""
        return _explain(self)

    def _repr_html_(self) -> str:
        """The deadline and its explanation as an HTML table, for notebooks."""
        from disclosure_flow.clock.html import deadline_html

        return deadline_html(self)

    def timeline(
        self,
        *,
        as_of: _dt.date | None = None,
        lang: str = "zh",
        title: str | None = None,
        font: str | os.PathLike[str] | None = None,
        ax: Axes | None = None,
    ) -> Figure:
        """The deadline as a timeline picture (期限时间轴): days off shaded, the counted
        working days, pauses, extensions, restarts, day 0, the due date (with its
        plausible range when provisional) and, with *as_of*, that day with the working
        days used and left. A :class:`matplotlib.figure.Figure` (extra ``plot``); see
        :func:`~disclosure_flow.clock.timeline_figure` for the arguments, the fonts and
        what it raises."""
        from disclosure_flow.clock.timeline import timeline_figure

        return timeline_figure(self, as_of=as_of, lang=lang, title=title, font=font, ax=ax)

    def explain(self, lang: str = "zh") -> str:
        """The explanation as one line a clerk reads, ``lang`` ``"zh"`` or ``"en"``."""
        _check_lang(lang)
        texts = [step.zh if lang == "zh" else step.en for step in self.steps()]
        out = texts[0]
        for text in texts[1:]:
            # No space after a full-width bracket, as in Chinese typesetting.
            out += ("· " if out.endswith("）") else " · ") + text
        return out


# Built for every case's deadline and every status asked: the clock's own values go in
# slot by slot, without attrs' __init__ (the same object; there is nothing to validate
# or convert). A test checks they build what the constructors build.
_DEADLINE_FIELDS = (
    "policy",
    "received",
    "day0",
    "due",
    "open_reason",
    "period",
    "extensions",
    "delayed",
    "replied_on",
    "provisional",
    "low",
    "high",
    "fingerprint",
    "findings",
    "events",
    "day0_note",
    "calendar",
)
_STATUS_FIELDS = (
    "as_of",
    "used",
    "left",
    "excluded",
    "overdue_by",
    "paused",
    "replied",
    "provisional",
)
_SET_DEADLINE = tuple(Deadline.__dict__[name].__set__ for name in _DEADLINE_FIELDS)
_SET_STATUS = tuple(DeadlineStatus.__dict__[name].__set__ for name in _STATUS_FIELDS)


def _new_deadline(
    policy: Policy,
    received: _dt.date,
    day0: _dt.date,
    due: _dt.date | None,
    open_reason: OpenReason | None,
    period: int,
    extensions: tuple[Extension, ...],
    delayed: DelayedDeadline | None,
    replied_on: _dt.date | None,
    provisional: bool,
    low: _dt.date | None,
    high: _dt.date | None,
    fingerprint: str,
    findings: tuple[Finding, ...],
    events: tuple[ClockEvent, ...],
    day0_note: str,
    calendar: WorkdayCalendar,
) -> Deadline:
    """``Deadline(...)``, slot by slot."""
    (
        set_policy,
        set_received,
        set_day0,
        set_due,
        set_open_reason,
        set_period,
        set_extensions,
        set_delayed,
        set_replied_on,
        set_provisional,
        set_low,
        set_high,
        set_fingerprint,
        set_findings,
        set_events,
        set_day0_note,
        set_calendar,
    ) = _SET_DEADLINE
    deadline = _NEW(Deadline)
    set_policy(deadline, policy)
    set_received(deadline, received)
    set_day0(deadline, day0)
    set_due(deadline, due)
    set_open_reason(deadline, open_reason)
    set_period(deadline, period)
    set_extensions(deadline, extensions)
    set_delayed(deadline, delayed)
    set_replied_on(deadline, replied_on)
    set_provisional(deadline, provisional)
    set_low(deadline, low)
    set_high(deadline, high)
    set_fingerprint(deadline, fingerprint)
    set_findings(deadline, findings)
    set_events(deadline, events)
    set_day0_note(deadline, day0_note)
    set_calendar(deadline, calendar)
    return deadline


def _new_status(
    as_of: _dt.date,
    used: int,
    left: int,
    excluded: int,
    overdue_by: int,
    paused: bool,
    replied: bool,
    provisional: bool,
) -> DeadlineStatus:
    """``DeadlineStatus(...)``, slot by slot."""
    (
        set_as_of,
        set_used,
        set_left,
        set_excluded,
        set_overdue_by,
        set_paused,
        set_replied,
        set_provisional,
    ) = _SET_STATUS
    status = _NEW(DeadlineStatus)
    set_as_of(status, as_of)
    set_used(status, used)
    set_left(status, left)
    set_excluded(status, excluded)
    set_overdue_by(status, overdue_by)
    set_paused(status, paused)
    set_replied(status, replied)
    set_provisional(status, provisional)
    return status


def _general_status(deadline: Deadline, as_of: _dt.date) -> DeadlineStatus:
    """:meth:`Deadline.status` on the general path."""
    last = deadline.received
    for event in deadline.events:
        day = _KEY[type(event)](event)
        if type(event) is Pause and event.end is not None:
            day = event.end
        last = max(last, day)
    if as_of < last:
        raise ClockError(
            "as_of",
            as_of,
            Wording(
                f"on or after the last event ({last}) and day 0 ({deadline.received})",
                f"上一事件（{last}）和第 0 日（{deadline.received}）或之后",
            ),
        )
    try:
        return _status(deadline, as_of, _Plain(deadline.calendar))
    except ProvisionalAnswerError:
        return _status(deadline, as_of, _Results(deadline.calendar))


def _status(deadline: Deadline, as_of: _dt.date, counter: _Counter) -> DeadlineStatus:
    replied = deadline.replied_on is not None and deadline.replied_on <= as_of
    measured = deadline.replied_on if replied and deadline.replied_on else as_of
    if deadline.open_reason is OpenReason.AWAITING_CORRECTION:
        return DeadlineStatus(measured, 0, deadline.period, 0, 0, False, replied, False)
    intervals = _intervals([e for e in deadline.events if type(e) is Pause], deadline.policy)
    used, excluded = _counted(counter, _origin(deadline), measured, intervals)
    paused = any(a < measured and (b is None or measured <= b) for a, b in intervals)
    overdue_by = 0
    if deadline.due is not None and measured > deadline.due:
        overdue_by = _late_by(counter, deadline.due, measured)
    return DeadlineStatus(
        as_of=measured,
        used=used,
        left=max(deadline.period - used, 0),
        excluded=excluded,
        overdue_by=overdue_by,
        paused=paused,
        replied=replied,
        provisional=counter.provisional or deadline.provisional,
    )
