"""Deadlines as an iCalendar file (日程导出, .ics), for clerks who live in Outlook, WPS or
DingTalk.

:func:`calendar_entries` lists what a case's calendar holds — the reply deadline while
it runs, and each sub-deadline of its current state (the correction notice's period,
the applicant's correction, a consultee's answer, the payment, the remedy windows) —
each with the day to be reminded: some *working* days before (counted on the case's
own calendar, so a reminder never falls on the Spring Festival). :func:`to_ics` writes
them as one iCalendar file (RFC 5545): an all-day event on the last day, its reminder an
alarm at 09:00 Beijing time on the reminder day. Each event's ``UID`` is stable (case,
kind, consultee) and its ``SEQUENCE`` is the case's version, so re-importing an updated
file moves the entry instead of adding a second one.

The ``icalendar`` package is the optional extra ``ical``
(``pip install 'disclosure-flow[ical]'``), imported only by :func:`to_ics`.

>>> import datetime as dt
>>> from disclosure_flow.testing import Scenario
>>> case = Scenario(received=dt.date(2026, 9, 28)).case()
>>> [(e.title, e.due, e.remind_on) for e in calendar_entries(case, remind=2)]
[('答复期限 TEST-1', datetime.date(2026, 10, 30), datetime.date(2026, 10, 28)), \
('补正告知期限 TEST-1', datetime.date(2026, 10, 13), datetime.date(2026, 10, 10))]
>>> to_ics([case], as_of=dt.date(2026, 9, 28)).count(b"BEGIN:VALARM")
2
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Final

import attrs

from disclosure_flow.cases import Case, SubDeadlineKind
from disclosure_flow.dates import check_date
from disclosure_flow.errors import InvalidValueError, Wording
from disclosure_flow.reports import reply_clock

__all__ = ["CalendarEntry", "calendar_entries", "to_ics"]

#: The Chinese title of each sub-deadline.
_TITLES: Final = {
    SubDeadlineKind.CORRECTION_NOTICE: "补正告知期限",
    SubDeadlineKind.CORRECTION: "补正期限",
    SubDeadlineKind.THIRD_PARTY_ANSWER: "第三方意见期限",
    SubDeadlineKind.INTER_AGENCY_ANSWER: "其他机关意见期限",
    SubDeadlineKind.FEE_PAYMENT: "缴费期限",
    SubDeadlineKind.RECONSIDERATION: "行政复议申请期限",
    SubDeadlineKind.LITIGATION: "起诉期限",
    SubDeadlineKind.LITIGATION_AFTER_RECONSIDERATION: "复议后起诉期限",
}
#: Beijing time (UTC+8, no daylight saving), and the hour a reminder shows.
_BEIJING: Final = _dt.timezone(_dt.timedelta(hours=8), "Asia/Shanghai")
_REMIND_HOUR: Final = 9


@attrs.frozen
class CalendarEntry:
    """One deadline of a case, as a calendar shows it (日程条目).

    Attributes:
        case_id: the case.
        kind: ``"reply"`` for the reply deadline, else the sub-deadline's kind.
        title: the entry's title, e.g. ``"答复期限 2026-101"`` (``（估计）`` when provisional).
        due: the last day (the entry's day).
        remind_on: the day of the reminder, some working days before (``None``: none).
        about: whom it concerns (the consultee), if anyone.
        provisional: whether the day rests on estimated calendar data (估计，待确认).
        description: the entry's text: case, request, rule, calendar version.
        uid: a stable identifier, the same in every export of the case.
        sequence: the case's version (a newer export replaces an older one).
    """

    case_id: str
    kind: str
    title: str
    due: _dt.date
    remind_on: _dt.date | None
    about: str | None
    provisional: bool
    description: str
    uid: str
    sequence: int


def calendar_entries(case: Case, *, remind: int | None = 2) -> tuple[CalendarEntry, ...]:
    """The deadlines of *case* as calendar entries (案件日程): its running reply deadline,
    then its sub-deadlines.

    Args:
        case: the case.
        remind: working days before the last day for the reminder (0: on the day);
            ``None`` for no reminder.

    Raises:
        InvalidValueError: *remind* is not ``None`` or an int >= 0.
        CoverageError: the calendar lacks the days needed (strict calendar).
    """
    if not isinstance(case, Case):
        raise InvalidValueError("case", case, Wording("a Case", "Case 案件"))
    if remind is not None and (type(remind) is not int or remind < 0):
        raise InvalidValueError(
            "remind",
            remind,
            Wording("None or an int >= 0 (working days)", "None 或不小于 0 的整数（工作日）"),
        )
    calendar = case.calendar
    found: list[tuple[str, str, _dt.date, str | None, bool, str]] = []
    deadline = case.deadline()
    if deadline is not None and deadline.due is not None and case.state.is_open:
        title = reply_clock(case, deadline).label_zh
        rule = f"{deadline.policy.name}，{deadline.period} 个工作日"
        found.append(("reply", title, deadline.due, None, deadline.provisional, rule))
    for sub in case.sub_deadlines():
        provisional = sub.end is not None and sub.end.provisional
        rule = "行政机关确定" if sub.end is None else sub.end.period.article
        found.append((sub.kind.value, _TITLES[sub.kind], sub.due, sub.about, provisional, rule))
    entries = []
    for n, (kind, title, due, about, provisional, rule) in enumerate(found):
        remind_on = None if remind is None else calendar.add_workdays_result(due, -remind).value
        shown = f"{title} {case.id}" + ("（估计）" if provisional else "")
        lines = [
            f"案件编号：{case.id}",
            f"申请内容：{case.request.description}",
            f"{title}：{due.isoformat()}" + (f"（{about}）" if about else ""),
            f"依据：{rule}",
            f"日历数据版本：{calendar.fingerprint}",
        ]
        if provisional:
            lines.append("估计值：官方节假日通知发布后请重新导出")
        slot = kind if about is None else f"{kind}-{n}"
        entries.append(
            CalendarEntry(
                case.id,
                kind,
                shown,
                due,
                remind_on,
                about,
                provisional,
                "\n".join(lines),
                f"{slot}.{case.id}@disclosure-flow",
                case.version,
            )
        )
    return tuple(entries)


def to_ics(
    cases: Iterable[Case],
    *,
    as_of: _dt.date,
    remind: int | None = 2,
    name: str = "政府信息公开期限",
) -> bytes:
    """The deadlines of *cases* as one iCalendar file (导出 .ics), UTF-8.

    Args:
        cases: the cases.
        as_of: the day of the export (the entries' ``DTSTAMP``; nothing reads the clock).
        remind: as :func:`calendar_entries`.
        name: the calendar's name, as clients show it.

    Raises:
        ImportError: the ``icalendar`` package (extra ``ical``) is not installed.
        InvalidDateError: *as_of* is not a ``datetime.date``.
    """
    as_of = check_date(as_of, "as_of")
    try:
        import icalendar
    except ImportError as error:  # pragma: no cover  # the test environment has the extra
        raise ImportError(
            "iCalendar export needs the icalendar package: pip install 'disclosure-flow[ical]'"
        ) from error
    stamp = _dt.datetime.combine(as_of, _dt.time(), _BEIJING).astimezone(_dt.UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//disclosure-flow//政府信息公开期限//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Shanghai")
    for case in cases:
        for entry in calendar_entries(case, remind=remind):
            event = icalendar.Event()
            event.add("uid", entry.uid)
            event.add("sequence", entry.sequence)
            event.add("dtstamp", stamp)
            event.add("summary", entry.title)
            event.add("description", entry.description)
            event.add("dtstart", entry.due)
            event.add("dtend", entry.due + _dt.timedelta(days=1))
            event.add("transp", "TRANSPARENT")
            event.add("categories", ["政府信息公开"])
            if entry.remind_on is not None:
                alarm = icalendar.Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", entry.title)
                # Relative to the start of the all-day event (local midnight): every
                # client reads a relative trigger.
                before = entry.due - entry.remind_on
                alarm.add("trigger", -before + _dt.timedelta(hours=_REMIND_HOUR))
                event.add_component(alarm)
            calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical
