"""The general path of the clock: every rule of SPEC §2, §4 and §10, on any calendar.

It counts through a *counter* (:mod:`disclosure_flow.clock.counting`): final answers
first, and once more with provenance when an estimated day is touched, so that a
provisional deadline carries its plausible range.
"""

from __future__ import annotations

import datetime as _dt

from disclosure_flow.clock.counting import (
    _ONE_DAY,
    _counted,
    _Counter,
    _Interval,
    _intervals,
    _late_by,
    _nth,
    _Results,
)
from disclosure_flow.clock.deadline import Deadline
from disclosure_flow.clock.events import (
    ClockEvent,
    CorrectionNotice,
    DelayedDeadline,
    Extension,
    Pause,
    Restart,
)
from disclosure_flow.clock.policy import DayZero, LateActs, Policy
from disclosure_flow.clock.results import Finding, FindingRule, OpenReason
from disclosure_flow.errors import (
    ClockError,
    LateActError,
    Wording,
)
from disclosure_flow.workdays import (
    WorkdayCalendar,
)


def _compute(
    received: _dt.date,
    events: tuple[ClockEvent, ...],
    policy: Policy,
    calendar: WorkdayCalendar,
    day0_note: str,
    counter: _Counter,
) -> Deadline:
    counted_from_zero = policy.day_zero is DayZero.COUNTED
    base = policy.reply_period.length
    cap = policy.extension_cap
    pauses = [e for e in events if type(e) is Pause]
    intervals = _intervals(pauses, policy)

    def known_on(day: _dt.date) -> list[_Interval]:
        """The pauses known on *day*: an act is judged against the deadline as it stood
        then, not as later pauses moved it."""
        if all(p.start <= day for p in pauses):
            return intervals
        return _intervals([p for p in pauses if p.start <= day], policy)

    zero = received
    origin = zero - _ONE_DAY if counted_from_zero else zero
    extensions: list[Extension] = []
    extended = 0
    delayed: DelayedDeadline | None = None
    awaiting_correction = False
    replied_on: _dt.date | None = None
    findings: list[Finding] = []

    def act(rule: FindingRule, article: str, due: _dt.date, acted: _dt.date) -> None:
        late_by = _late_by(counter, due, acted)
        if policy.late_acts is LateActs.REFUSE:
            raise LateActError(
                Wording(f"{rule.label_zh} ({article})", f"{rule.label_zh}（{article}）"),
                due,
                acted,
                late_by,
            )
        findings.append(Finding(rule, article, due, acted, late_by))

    for event in events:
        if isinstance(event, Pause):
            continue
        if isinstance(event, Extension):
            if delayed is not None:
                raise ClockError(
                    Wording("extension", "延长"),
                    event,
                    Wording(
                        "none after an Art. 35 delayed deadline "
                        "(set a new delayed deadline instead)",
                        "依第三十五条延期答复后不能再延长（应另定新的延期答复期限）",
                    ),
                )
            if extended + event.days > cap.length:
                raise ClockError(
                    Wording("extension total", "延长合计"),
                    extended + event.days,
                    Wording(
                        f"at most {cap.length} working days in total ({cap.article})",
                        f"合计至多 {cap.length} 个工作日（{cap.article}）",
                    ),
                )
            due_now = _nth(counter, origin, base + extended, known_on(event.granted_on))
            if due_now is not None and event.granted_on > due_now:
                act(FindingRule.EXTENSION_LATE, cap.article, due_now, event.granted_on)
            extended += event.days
            extensions.append(event)
        elif isinstance(event, Restart):
            zero = event.day
            origin = zero - _ONE_DAY if counted_from_zero else zero
            extensions, extended, delayed, awaiting_correction = [], 0, None, False
        elif isinstance(event, CorrectionNotice):
            period = policy.correction_notice_period
            if period is not None:
                notice_due = counter.add(origin, period.length)
                if event.sent_on > notice_due:
                    act(
                        FindingRule.CORRECTION_NOTICE_LATE,
                        period.article,
                        notice_due,
                        event.sent_on,
                    )
            awaiting_correction = True
        elif isinstance(event, DelayedDeadline):
            article = policy.delayed_deadline_article
            if article is None:
                raise ClockError(
                    Wording("delayed deadline", "延期答复期限"),
                    event,
                    Wording(
                        f"none under {policy.name} (no rule like R2019 Art. 35)",
                        f"{policy.name} 下不允许（没有 R2019 第三十五条那样的规定）",
                    ),
                )
            if delayed is not None:
                due_then: _dt.date | None = delayed.due
            else:
                due_then = _nth(counter, origin, base + extended, known_on(event.set_on))
            if due_then is not None:
                if event.due <= due_then:
                    raise ClockError(
                        Wording("delayed deadline", "延期答复期限"),
                        event.due,
                        Wording(
                            f"a date after the deadline it replaces ({due_then})",
                            f"所替代期限（{due_then}）之后的日期",
                        ),
                    )
                if event.set_on > due_then:
                    act(FindingRule.DELAYED_DEADLINE_LATE, article, due_then, event.set_on)
            delayed = event
        else:  # Reply
            replied_on = event.day

    due: _dt.date | None
    open_reason: OpenReason | None = None
    if awaiting_correction:
        due, period_total = None, base
        open_reason = OpenReason.AWAITING_CORRECTION
    elif delayed is not None:
        due = delayed.due
        period_total, _ = _counted(counter, origin, due, intervals)
    else:
        period_total = base + extended
        due = _nth(counter, origin, period_total, intervals)
        if due is None:
            open_reason = OpenReason.PAUSED
    if due is not None and replied_on is not None and replied_on > due:
        late_by = _late_by(counter, due, replied_on)
        article = policy.reply_period.article
        findings.append(Finding(FindingRule.REPLY_LATE, article, due, replied_on, late_by))
    low = high = due
    if counter.provisional and due is not None and delayed is None:
        low = _nth(_Results(calendar, 1), origin, period_total, intervals)
        high = _nth(_Results(calendar, 2), origin, period_total, intervals)
    if len(findings) > 1:
        findings.sort(key=lambda f: f.acted)
    return Deadline(
        policy=policy,
        received=received,
        day0=zero,
        due=due,
        open_reason=open_reason,
        period=period_total,
        extensions=tuple(extensions),
        delayed=delayed,
        replied_on=replied_on,
        provisional=counter.provisional,
        low=low,
        high=high,
        fingerprint=calendar.fingerprint,
        findings=tuple(findings),
        events=events,
        day0_note=day0_note,
        calendar=calendar,
    )
