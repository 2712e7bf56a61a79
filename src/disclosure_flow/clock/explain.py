"""The explanation of a deadline (期限说明), step by step, in Chinese and English: day 0,
holiday blocks skipped and make-up days counted, pauses with the working days they
removed, extensions with their approvers, the result."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from disclosure_flow.clock.counting import (
    _ONE_DAY,
    _bounds,
    _Interval,
    _intervals,
    _origin,
    _Results,
)
from disclosure_flow.clock.events import (
    CorrectionNotice,
    DelayedDeadline,
    Extension,
    Pause,
    Reply,
    Restart,
)
from disclosure_flow.clock.policy import DayZero, PauseReason
from disclosure_flow.clock.results import ExplanationStep, FindingRule, OpenReason
from disclosure_flow.workdays import (
    HOLIDAY_NAMES,
    DataStatus,
    DayInfo,
    DayKind,
    HolidayBlock,
    group_blocks,
    plausible_range,
)

if TYPE_CHECKING:
    from disclosure_flow.clock.deadline import Deadline

_HOLIDAY_EN = dict(HOLIDAY_NAMES.values())

#: Per reason: the start, the end, and the end still awaited, in Chinese, then English.
_PAUSE_TEXT = {
    PauseReason.THIRD_PARTY: (
        "发出第三方征求意见书",
        "收到意见",
        "尚未收到意见",
        "third-party consultation letter sent",
        "answer received",
        "no answer received yet",
    ),
    PauseReason.INTER_AGENCY: (
        "发出征求其他机关意见函",
        "收到意见",
        "尚未收到意见",
        "letter to the other agency sent",
        "answer received",
        "no answer received yet",
    ),
    PauseReason.FEE: (
        "发出收费通知",
        "缴费",
        "尚未缴费",
        "fee notice issued",
        "fee paid",
        "fee not paid yet",
    ),
}


def _explain(deadline: Deadline) -> tuple[ExplanationStep, ...]:
    year = deadline.received.year
    counter = _Results(deadline.calendar)
    policy = deadline.policy

    def short(day: _dt.date) -> str:
        return day.isoformat()[5:] if day.year == year else day.isoformat()

    def span(first: _dt.date, last: _dt.date, sep: str) -> str:
        return short(first) if first == last else f"{short(first)}{sep}{short(last)}"

    steps: list[tuple[_dt.date, int, str, str]] = []
    note = f" ({deadline.day0_note})" if deadline.day0_note else ""
    zh0 = f"收到申请 {deadline.received}{note}"
    en0 = f"application received {deadline.received}{note}"
    if policy.day_zero is DayZero.COUNTED:
        zh0, en0 = zh0 + "，当日计入", en0 + ", that day counted"
    steps.append((deadline.received, 0, zh0, en0))

    origin = _origin(deadline)
    pauses = [e for e in deadline.events if type(e) is Pause]
    intervals = _intervals(pauses, policy)
    # Counting reaches the due date, or stops where a running pause began.
    end = deadline.due or next((a for a, b in intervals if b is None), deadline.day0)
    late = {(f.rule, f.acted): f.late_by for f in deadline.findings}

    for event in deadline.events:
        if isinstance(event, Restart):
            extra = f" ({event.note})" if event.note else ""
            steps.append(
                (
                    event.day,
                    1,
                    f"{short(event.day)}收到补正后的申请{extra}，重新起算",
                    f"{short(event.day)} corrected application received{extra}: counting restarts",
                )
            )
        elif isinstance(event, CorrectionNotice):
            k = late.get((FindingRule.CORRECTION_NOTICE_LATE, event.sent_on))
            steps.append(
                (
                    event.sent_on,
                    1,
                    f"{short(event.sent_on)}发出补正告知" + (f"（逾期{k}个工作日）" if k else ""),
                    f"{short(event.sent_on)} correction notice sent"
                    + (f" ({k} working day(s) late)" if k else ""),
                )
            )
        elif isinstance(event, Extension) and any(event is x for x in deadline.extensions):
            k = late.get((FindingRule.EXTENSION_LATE, event.granted_on))
            lateness = (f"，期限届满后批准，逾期{k}个工作日", f"; granted {k} working day(s) late")
            steps.append(
                (
                    event.granted_on,
                    3,
                    f"延长{event.days}个工作日（{event.approver}批准{lateness[0] if k else ''}）",
                    f"extended by {event.days} working days (approved by {event.approver}"
                    f"{lateness[1] if k else ''})",
                )
            )
        elif isinstance(event, DelayedDeadline) and event is deadline.delayed:
            steps.append(
                (
                    event.set_on,
                    3,
                    f"{short(event.set_on)}确定延迟答复期限至 {event.due}",
                    f"{short(event.set_on)} reply deadline set to {event.due} (delayed reply)",
                )
            )
        elif isinstance(event, Reply):
            k = next((f.late_by for f in deadline.findings if f.rule is FindingRule.REPLY_LATE), 0)
            steps.append(
                (
                    event.day,
                    4,
                    f"{short(event.day)}答复" + (f"（逾期{k}个工作日）" if k else ""),
                    f"{short(event.day)} replied" + (f" ({k} working day(s) late)" if k else ""),
                )
            )

    covered: _dt.date | None = origin  # pauses so far cover (origin, covered]; None: all
    for pause in sorted(pauses, key=lambda p: p.start):
        zh_start, zh_end, zh_awaited, en_start, en_end, en_awaited = _PAUSE_TEXT[pause.reason]
        s, e = pause.start, pause.end
        zh = f"{short(s)}{zh_start}"
        en = f"{short(s)} {en_start}"
        if e is not None:
            zh += f"、{short(e)}{zh_end}"
            en += f", {short(e)} {en_end}"
        else:
            zh += f"，{zh_awaited}"
            en += f", {en_awaited}"
        if pause.reason not in policy.excluded_pauses:
            zh += f"，按{policy.name}照常计算"
            en += f": counted under {policy.name}"
            steps.append((s, 2, zh, en))
            continue
        a, b = _bounds(pause, policy)
        removed = 0
        if covered is not None:
            lo = max(a, covered)
            hi = end if b is None or b > end else b
            removed = counter.between(lo, hi) if hi > lo else 0
            covered = None if b is None else max(covered, b)
        first = a + _ONE_DAY
        if b is None:
            zh += f"，{short(first)}起暂停计算"
            en += f": paused from {short(first)}"
        elif b > a:
            zh += f"，{span(first, b, '至')}不计（{removed}个工作日）"
            en += f": {span(first, b, ' to ')} not counted ({removed} working days)"
        steps.append((s, 2, zh, en))

    if deadline.open_reason is not OpenReason.AWAITING_CORRECTION:
        for block in _blocks(deadline, origin, end, intervals):
            steps.append((block.first, 1, *_describe_block(block, span)))
    steps.append((end, 9, *_result_text(deadline)))
    steps.sort(key=lambda step: (step[0], step[1]))
    return tuple(ExplanationStep(day, zh, en) for day, _, zh, en in steps)


def _blocks(
    deadline: Deadline, origin: _dt.date, end: _dt.date, intervals: list[_Interval]
) -> tuple[HolidayBlock, ...]:
    if end <= origin:
        return ()

    def paused(info: DayInfo) -> bool:
        return any(a < info.day and (b is None or info.day <= b) for a, b in intervals)

    notable = deadline.calendar.notable_days(origin, end)
    return group_blocks(info for info in notable if not paused(info))


def _describe_block(
    block: HolidayBlock, span: Callable[[_dt.date, _dt.date, str], str]
) -> tuple[str, str]:
    zh_span, en_span = span(block.first, block.last, "至"), span(block.first, block.last, " to ")
    name_en = _HOLIDAY_EN.get(block.name, block.name)
    if block.kind is DayKind.MAKEUP_WORKDAY:
        zh, en = f"{zh_span} 调休上班计入", f"{en_span} make-up working day counted"
    elif block.kind is DayKind.LOCAL_WORKDAY:
        zh = f"{zh_span} {block.name}（地方调休上班）计入"
        en = f"{en_span} {name_en} (local working day) counted"
    elif block.kind is DayKind.LOCAL_HOLIDAY:
        zh = f"{zh_span} {block.name}（地方休息日）不计"
        en = f"{en_span} {name_en} (local day off) not counted"
    else:
        zh = f"{zh_span} {block.name or block.kind.label_zh}不计"
        en = f"{en_span} {name_en or 'holiday'} not counted"
    if block.status is DataStatus.ESTIMATED:
        zh, en = zh + "〔估计〕", en + " [estimated]"
    return zh, en


def _result_text(deadline: Deadline) -> tuple[str, str]:
    if deadline.open_reason is OpenReason.AWAITING_CORRECTION:
        return (
            f"答复期限未定：等待补正，自收到补正后的申请之日起重新计算{deadline.period}个工作日",
            f"reply deadline open: awaiting correction; {deadline.period} working days "
            "will run from the corrected application",
        )
    if deadline.due is None:
        return (
            "答复期限未定：暂停计时中，恢复计算后确定",
            "reply deadline open: paused; fixed when the clock runs again",
        )
    zh, en = f"答复期限 {deadline.due}", f"reply due {deadline.due}"
    if deadline.provisional:
        zh += f"（估计，{plausible_range(deadline.low, deadline.high, 'zh')}）"
        en += f" (provisional, {plausible_range(deadline.low, deadline.high, 'en')})"
    return zh, en
