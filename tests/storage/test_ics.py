"""The iCalendar export: entries, reminders counted in working days, a valid file."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from disclosure_flow import Estimates, WorkdayCalendar
from disclosure_flow.errors import InvalidDateError, InvalidValueError
from disclosure_flow.storage import calendar_entries, to_ics
from disclosure_flow.testing import Scenario

D = dt.date


def test_reminders_skip_the_national_day_holiday() -> None:
    # received 28 September 2026: due 30 October; the correction notice by 13 October,
    # and 3 working days before it is Friday 9 October (Saturday 10 October is a make-up
    # working day)
    case = Scenario(received=D(2026, 9, 28), case_id="2026-101").case()
    reply, notice = calendar_entries(case, remind=3)
    assert (reply.kind, reply.due, reply.remind_on) == ("reply", D(2026, 10, 30), D(2026, 10, 27))
    assert (notice.kind, notice.due, notice.remind_on) == (
        "correction_notice",
        D(2026, 10, 13),
        D(2026, 10, 9),
    )
    assert reply.title == "答复期限 2026-101"
    assert "R2019" in reply.description
    assert reply.uid == "reply.2026-101@disclosure-flow"
    assert calendar_entries(case, remind=None)[0].remind_on is None


def test_the_file_reads_back() -> None:
    consulted = (
        Scenario(received=D(2026, 9, 28), case_id="2026-102")
        .consulted_third_party(D(2026, 10, 12))
        .consulted_other_agency(D(2026, 10, 12))
        .case()
    )
    extended = Scenario(received=D(2026, 9, 28), case_id="2026-103").extended(
        10, on=D(2026, 10, 26)
    )
    data = to_ics([consulted, extended.case()], as_of=D(2026, 10, 26), remind=2)
    parsed = icalendar.Calendar.from_ical(data)
    events = list(parsed.walk("VEVENT"))
    summaries = [str(e["SUMMARY"]) for e in events]
    assert summaries == [
        "第三方意见期限 2026-102",
        "其他机关意见期限 2026-102",
        "延长后的答复期限 2026-103",
        "补正告知期限 2026-103",
    ]
    assert len({str(e["UID"]) for e in events}) == 4
    first = events[0]
    assert first.decoded("DTSTART") == D(2026, 11, 2)
    assert first["SEQUENCE"] == consulted.version
    (alarm,) = first.walk("VALARM")
    # 2 working days before 2 November is Thursday 29 October, 09:00 Beijing time
    assert alarm.decoded("TRIGGER") == dt.timedelta(days=-4, hours=9)
    assert str(parsed["X-WR-CALNAME"]) == "政府信息公开期限"


def test_provisional_entries_say_so() -> None:
    calendar = WorkdayCalendar(estimates=Estimates.ALLOW)
    case = Scenario(received=D(2026, 12, 10), calendar=calendar).case()
    (reply, *_) = calendar_entries(case)
    assert reply.provisional
    assert reply.title.endswith("（估计）")
    assert "官方节假日通知发布后请重新导出" in reply.description


def test_arguments_are_checked() -> None:
    case = Scenario(received=D(2026, 9, 28)).case()
    with pytest.raises(InvalidValueError):
        calendar_entries(case, remind=-1)
    with pytest.raises(InvalidValueError):
        calendar_entries("case")  # type: ignore[arg-type]
    with pytest.raises(InvalidDateError):
        to_ics([case], as_of=dt.datetime(2026, 9, 28, 9))
