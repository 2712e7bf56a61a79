"""What a new calendar changes (disclosure_flow.reports.changes): deadlines that move,
answers made final, acts now late — and the cases left as they were."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from disclosure_flow import (
    Applicant,
    ApplicantKind,
    Case,
    Channel,
    DeliveryMethod,
    Estimates,
    InformationRequest,
    InvalidValueError,
    Overlay,
    OverlayEntry,
    OverlayKind,
    OverlayScope,
    ProvisionForm,
    SerializationError,
    WorkdayCalendar,
)
from disclosure_flow.clock import FindingRule
from disclosure_flow.reports import read_cases, recompute
from disclosure_flow.workdays import statutory_days

D = dt.date
ESTIMATED = WorkdayCalendar(estimates=Estimates.ALLOW)


def _overlay_2027(*extra: OverlayEntry) -> Overlay:
    """TEST DATA: the statutory days of 2027 (not the real notice), plus *extra*."""
    entries = tuple(
        OverlayEntry(day, OverlayKind.DAY_OFF, name, "测试")
        for day, name in statutory_days(2027).items()
    )
    return Overlay(
        "测试：2027年（test data）", (*entries, *extra), scope=OverlayScope.NATIONAL, covers=(2027,)
    )


def _case(received: dt.date, number: str = "2026-500") -> Case:
    return Case.open(
        number,
        applicant=Applicant(ApplicantKind.NATURAL_PERSON, "申请人"),
        request=InformationRequest("某信息", ProvisionForm.PAPER, DeliveryMethod.POST),
        channel=Channel.IN_PERSON,
        received=received,
        calendar=ESTIMATED,
    )


def test_a_provisional_deadline_becomes_final() -> None:
    case = _case(D(2026, 12, 10))
    (found,) = recompute([case], WorkdayCalendar([_overlay_2027()]))
    (change,) = found.changes
    assert change.what == "reply"
    assert change.was_provisional
    assert not change.now_provisional
    assert change.became_final
    assert case.calendar is ESTIMATED
    assert case.deadline().provisional  # type: ignore[union-attr]


def test_a_deadline_that_moves_says_by_how_many_working_days() -> None:
    closure = OverlayEntry(D(2027, 1, 6), OverlayKind.DAY_OFF, "测试：停止办公", "测试")
    case = _case(D(2026, 12, 10))
    before = case.deadline().due  # type: ignore[union-attr]
    (found,) = recompute([case], WorkdayCalendar([_overlay_2027(closure)]))
    (change,) = found.changes
    assert change.before == before
    assert change.after is not None
    assert before is not None
    assert change.after > before
    assert change.moved_by == 1


def test_an_act_that_the_new_calendar_makes_late_is_a_new_finding() -> None:
    case = _case(D(2026, 12, 10)).start_review(D(2026, 12, 11)).start_processing(D(2026, 12, 14))
    due = case.deadline().due  # type: ignore[union-attr]
    assert due is not None
    case.extend(due, days=5, approver="负责人", notified=due)  # on the last day: in time
    # a Sunday worked (test data): the deadline comes one working day sooner
    earlier = OverlayEntry(D(2027, 1, 3), OverlayKind.WORKING_DAY, "测试：补班", "测试")
    (found,) = recompute([case], WorkdayCalendar([_overlay_2027(earlier)]))
    assert [f.rule for f in found.new_findings] == [FindingRule.EXTENSION_LATE]


def test_nothing_changed_is_falsy() -> None:
    case = _case(D(2026, 3, 2))  # all in 2026: the national data already
    (found,) = recompute([case], WorkdayCalendar([_overlay_2027()]))
    assert not found
    assert found.changes == ()


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(InvalidValueError):
        list(recompute([_case(D(2026, 3, 2))], "2027.toml"))  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        list(recompute(["2026-500"], ESTIMATED))  # type: ignore[list-item]


def test_stored_cases_are_read_line_by_line() -> None:
    a, b = _case(D(2026, 12, 1), "A"), _case(D(2026, 12, 2), "B")
    text = "\n".join(json.dumps(c.to_dict(), ensure_ascii=False) for c in (a, b)) + "\n\n"
    assert [c.id for c in read_cases(io.StringIO(text), calendar=ESTIMATED)] == ["A", "B"]
    gbk = text.encode("gbk")
    assert len(list(read_cases(io.BytesIO(gbk), calendar=ESTIMATED, encoding="gbk"))) == 2
    broken = json.loads(text.splitlines()[1])
    broken["events"][0]["after"] = "replied"
    bad = text.splitlines()[0] + "\n" + json.dumps(broken, ensure_ascii=False) + "\n"
    with pytest.raises(SerializationError, match=r"line 2: case\.events\[0\]\.after"):
        list(read_cases(io.StringIO(bad), calendar=ESTIMATED))
    twice = text.splitlines()[0] + "\n" + text.splitlines()[0] + "\n"
    with pytest.raises(SerializationError, match="line 1 already holds it"):
        list(read_cases(io.StringIO(twice), calendar=ESTIMATED))
