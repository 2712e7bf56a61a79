"""The deadline clock (答复期限计算): a request's dated facts in, its reply deadline out.

The clock layer: the rules as numbers (:mod:`~disclosure_flow.clock.policy`), the
clock's events (:mod:`~disclosure_flow.clock.events`), the entry point
(:mod:`~disclosure_flow.clock.compute`) with its general path
(:mod:`~disclosure_flow.clock.general`) and the fast path on the rank table
(:mod:`~disclosure_flow.clock.ranked`), the deadline and its status
(:mod:`~disclosure_flow.clock.deadline`, with its fast path
:mod:`~disclosure_flow.clock.ranked_status`), its explanation
(:mod:`~disclosure_flow.clock.explain`), calendar periods for sub-deadlines and
remedies (:mod:`~disclosure_flow.clock.periods`), and many deadlines at once on numpy
arrays (:mod:`~disclosure_flow.clock.vectorized`: optional extra ``numpy``; import that
module by its path). Other layers import from here.

:func:`compute_deadline` is pure: a function of day 0, the clock events, a
:class:`~disclosure_flow.clock.Policy` and a :class:`~disclosure_flow.WorkdayCalendar`
(by default, as :meth:`~disclosure_flow.Case.open` has them, the rules in force on
day 0 and the national strict calendar, :func:`national_calendar`).
It never reads today's date — :meth:`Deadline.status` takes the date asked about —
and knows nothing of the case lifecycle; a case derives its clock events from its
history — one :class:`Pause` per consultation or fee notice (its ``end`` filled in
when the answer or payment arrives), a :class:`Restart` when a corrected application
arrives, one :class:`Extension` per approved extension — and asks again whenever
it needs the deadline. Deadlines are derived, never stored stale.

Counting follows SPEC §2: day 0 is not counted; a pause from *s* to *e* removes the
working days *d* with ``s < d <= e``; overlapping pauses merge; a restart counts
again from its new day 0 (earlier extensions no longer count).

>>> import datetime as dt
>>> from disclosure_flow import WorkdayCalendar
>>> from disclosure_flow.clock import Extension, Pause, compute_deadline
>>> from disclosure_flow.clock import R2019, PauseReason
>>> cal = WorkdayCalendar()
>>> events = [
...     Pause(dt.date(2026, 10, 12), dt.date(2026, 10, 20), PauseReason.THIRD_PARTY),
...     Extension(10, "负责人", granted_on=dt.date(2026, 10, 26)),
... ]
>>> d = compute_deadline(
...     dt.date(2026, 9, 28), events, policy=R2019, calendar=cal, day0_note="当面提交"
... )
>>> d.due, d.period, d.provisional
(datetime.date(2026, 11, 23), 30, False)
>>> for step in d.steps():
...     print(step.zh)
收到申请 2026-09-28 (当面提交)
10-01至10-07 国庆节不计
10-10 调休上班计入
10-12发出第三方征求意见书、10-20收到意见，10-13至10-20不计（6个工作日）
延长10个工作日（负责人批准）
答复期限 2026-11-23
>>> d.explain("en").split(" · ")[-1]
'reply due 2026-11-23'
>>> s = d.status(dt.date(2026, 11, 2))
>>> s.used, s.left, s.overdue, s.due_soon(within=5)
(15, 15, False, False)
>>> running = compute_deadline(
...     dt.date(2026, 9, 28), [Pause(dt.date(2026, 10, 12), None, PauseReason.FEE)],
...     policy=R2019, calendar=cal,
... )
>>> running.due, running.open_reason
(None, OpenReason.PAUSED)
>>> s = running.status(dt.date(2026, 10, 16))
>>> s.used, s.left, s.paused
(6, 14, True)
"""

from disclosure_flow.clock.compute import compute_deadline, national_calendar, trusted_deadline
from disclosure_flow.clock.deadline import Deadline, DeadlineStatus
from disclosure_flow.clock.events import (
    ClockEvent,
    CorrectionNotice,
    DelayedDeadline,
    Extension,
    Pause,
    Reply,
    Restart,
    trusted_extension,
    trusted_pause,
    trusted_reply,
)
from disclosure_flow.clock.fonts import CJKFontWarning, find_cjk_font
from disclosure_flow.clock.html import deadline_html
from disclosure_flow.clock.periods import PeriodEnd, PeriodKind, period_counted, period_end
from disclosure_flow.clock.policy import (
    LITIGATION_1989,
    LITIGATION_LAW_2014,
    R2008,
    R2019,
    RECONSIDERATION_1999,
    RECONSIDERATION_FIRST_FROM,
    RECONSIDERATION_LAW_2023,
    DayZero,
    ItemCounting,
    LateActs,
    LegalPeriod,
    PauseBounds,
    PauseReason,
    PeriodUnit,
    Policy,
    PolicyDates,
    RemedyLastDay,
    policy_in_force,
)
from disclosure_flow.clock.results import ExplanationStep, Finding, FindingRule, OpenReason
from disclosure_flow.clock.timeline import figure_png, save_timeline_png, timeline_figure

__all__ = [
    "LITIGATION_1989",
    "LITIGATION_LAW_2014",
    "R2008",
    "R2019",
    "RECONSIDERATION_1999",
    "RECONSIDERATION_FIRST_FROM",
    "RECONSIDERATION_LAW_2023",
    "CJKFontWarning",
    "ClockEvent",
    "CorrectionNotice",
    "DayZero",
    "Deadline",
    "DeadlineStatus",
    "DelayedDeadline",
    "ExplanationStep",
    "Extension",
    "Finding",
    "FindingRule",
    "ItemCounting",
    "LateActs",
    "LegalPeriod",
    "OpenReason",
    "Pause",
    "PauseBounds",
    "PauseReason",
    "PeriodEnd",
    "PeriodKind",
    "PeriodUnit",
    "Policy",
    "PolicyDates",
    "RemedyLastDay",
    "Reply",
    "Restart",
    "compute_deadline",
    "deadline_html",
    "figure_png",
    "find_cjk_font",
    "national_calendar",
    "period_counted",
    "period_end",
    "policy_in_force",
    "save_timeline_png",
    "timeline_figure",
    "trusted_deadline",
    "trusted_extension",
    "trusted_pause",
    "trusted_reply",
]
