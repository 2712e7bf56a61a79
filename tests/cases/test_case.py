"""The case: history, versions, refusals, serialization, deadlines, findings, watchlist.

Dates are hand-checked against the 2026 State Council notice: March 2026 has no
holiday; 清明 is 4–6 April (Monday 6 April off); 劳动节 is 1–5 May with Saturday
9 May worked.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import attrs
import pytest

from disclosure_flow import (
    ClockError,
    EventRefusedError,
    InvalidDateError,
    InvalidValueError,
    LateActError,
    Overlay,
    OverlayEntry,
    OverlayKind,
    SerializationError,
    VersionConflictError,
    WorkdayCalendar,
)
from disclosure_flow.cases import (
    SCHEMA,
    Case,
    CaseEvent,
    CaseState,
    Channel,
    ConsultationAnswer,
    ConsultedParty,
    EventKind,
    FeeMethod,
    LitigationRoute,
    Outcome,
    OutcomeKind,
    OutcomeReason,
    RemedyResult,
    SubDeadlineKind,
)
from disclosure_flow.clock import R2008, R2019, FindingRule, LateActs, OpenReason, RemedyLastDay
from disclosure_flow.errors import LateEventError
from disclosure_flow.reports import Attention, watchlist
from tests.cases.test_lifecycle import CALENDAR, DAY0, DISCLOSED, ID_NUMBER, PHONE, new_case, reach

D = dt.date
S = CaseState


def _processing(**kwargs: Any) -> Case:
    return new_case(**kwargs).start_review(D(2026, 3, 3)).start_processing(D(2026, 3, 4))


# -- history and versions ----------------------------------------------------------------


def test_history_records_every_event() -> None:
    case = _processing(actor="王五")
    case.extend(D(2026, 3, 5), days=5, approver="李主任", note="材料多")
    assert case.version == 4
    assert [e.event for e in case.history] == [
        EventKind.REGISTER,
        EventKind.START_REVIEW,
        EventKind.START_PROCESSING,
        EventKind.EXTEND,
    ]
    last = case.history[-1]
    assert last == CaseEvent(
        EventKind.EXTEND,
        D(2026, 3, 5),
        S.PROCESSING,
        S.PROCESSING,
        4,
        {"days": 5, "approver": "李主任"},
        None,
        "材料多",
    )
    assert case.history[0].actor == "王五"
    assert [e.version for e in case.history] == [1, 2, 3, 4]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        last.day = D(2026, 3, 6)  # type: ignore[misc]
    with pytest.raises(TypeError):
        last.payload["days"] = 20  # type: ignore[index]


def test_expected_version() -> None:
    case = _processing()
    case.extend(D(2026, 3, 5), days=1, approver="李主任", expected_version=3)
    before = case.to_dict()
    with pytest.raises(VersionConflictError) as info:
        case.extend(D(2026, 3, 5), days=1, approver="李主任", expected_version=3)
    assert (info.value.expected, info.value.actual) == (3, 4)
    assert isinstance(info.value, EventRefusedError)
    assert case.to_dict() == before


@pytest.mark.parametrize("version", [True, False, 3.0, "3", 3.5])
def test_expected_version_must_be_an_int(version: Any) -> None:
    case = _processing()
    before = case.to_dict()
    with pytest.raises(InvalidValueError) as info:
        case.extend(D(2026, 3, 5), days=1, approver="李主任", expected_version=version)
    assert info.value.field == "expected_version"
    assert not isinstance(info.value, VersionConflictError)
    assert case.to_dict() == before
    with pytest.raises(InvalidValueError):
        case.apply(EventKind.START_REVIEW, D(2026, 3, 5), expected_version=version)
    assert case.to_dict() == before


def test_a_huge_expected_version_is_a_conflict_with_a_bounded_message() -> None:
    case = _processing()
    with pytest.raises(VersionConflictError) as info:
        case.extend(D(2026, 3, 5), days=1, approver="李主任", expected_version=10**5000)
    assert info.value.actual == 3
    assert len(str(info.value)) < 300


def test_events_must_come_in_date_order() -> None:
    case = _processing()
    before = case.to_dict()
    with pytest.raises(EventRefusedError, match="before the last event"):
        case.extend(D(2026, 3, 3), days=1, approver="李主任")
    assert case.to_dict() == before
    case.extend(D(2026, 3, 4), days=1, approver="李主任")  # the same day is fine


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda c: c.extend(dt.datetime(2026, 3, 5, 9), days=1, approver="李"), InvalidDateError),
        (lambda c: c.extend("2026-03-05", days=1, approver="李"), InvalidDateError),
        (lambda c: c.extend(D(2026, 3, 5), days="5", approver="李"), EventRefusedError),
        (lambda c: c.extend(D(2026, 3, 5), days=5, approver="  "), EventRefusedError),
        (lambda c: c.extend(D(2026, 3, 5), days=0, approver="李"), EventRefusedError),
        (lambda c: c.extend(D(2026, 3, 5), days=21, approver="李"), EventRefusedError),
        (lambda c: c.apply("extend", D(2026, 3, 5), days=5), EventRefusedError),
        (lambda c: c.apply("extend", D(2026, 3, 5), days=5, approver="李", x=1), EventRefusedError),
        (lambda c: c.apply("no_such_event", D(2026, 3, 5)), InvalidValueError),
        (
            lambda c: c.apply("extend", D(2026, 3, 5), days=5, approver="李", actor=""),
            InvalidValueError,
        ),
        (lambda c: c.reply(D(2026, 3, 5), outcome="disclosed"), EventRefusedError),
        (lambda c: c.deliver(D(2026, 3, 5)), EventRefusedError),
        (lambda c: c.consult(D(2026, 3, 5), party="THIRD_PARTY", consultee="X"), EventRefusedError),
        (
            lambda c: c.issue_fee_notice(
                D(2026, 3, 5), amount=10, method=FeeMethod.PER_ITEM, notice_received=D(2026, 3, 4)
            ),
            EventRefusedError,
        ),
    ],
)
def test_refused_events_change_nothing(
    call: Callable[[Case], object], error: type[Exception]
) -> None:
    case = _processing()
    before = case.to_dict()
    with pytest.raises(error):
        call(case)
    assert case.to_dict() == before
    assert case.version == 3


def test_refusal_names_what_and_allowed() -> None:
    case = _processing().extend(D(2026, 3, 5), days=15, approver="李主任")
    with pytest.raises(EventRefusedError) as info:
        case.extend(D(2026, 3, 6), days=6, approver="李主任")
    assert info.value.state == "processing"
    assert info.value.event == "extend"
    assert "21" in info.value.reason
    assert "at most 5 more" in info.value.allowed
    with pytest.raises(EventRefusedError) as info:
        case.deliver(D(2026, 3, 6))
    assert "not allowed" in info.value.reason
    assert "reply" in info.value.allowed
    assert "withdraw" in info.value.allowed


def test_repr_hides_identity_and_contact() -> None:
    case = _processing()
    text = repr(case)
    assert ID_NUMBER not in text
    assert ID_NUMBER[-6:] not in text
    assert PHONE not in text
    assert "张三" not in text
    assert "processing" in text
    assert "2026-001" in text


# -- serialization -------------------------------------------------------------------------


def _full_case() -> Case:
    case = new_case(Channel.ORDINARY_LETTER, actor="收发室")
    case.confirm_receipt(D(2026, 3, 3), note="电话确认")
    case.start_review(D(2026, 3, 3)).start_processing(D(2026, 3, 4))
    case.consult(D(2026, 3, 5), party=ConsultedParty.THIRD_PARTY, consultee="某公司")
    case.consult(
        D(2026, 3, 6),
        party=ConsultedParty.OTHER_AGENCY,
        consultee="某局",
        letter_received=D(2026, 3, 9),
    )
    case.receive_consultation_answer(
        D(2026, 3, 10), consultee="某公司", answer=ConsultationAnswer.OBJECTION, reasons="商业秘密"
    )
    case.receive_consultation_answer(
        D(2026, 3, 31), consultee="某局", answer=ConsultationAnswer.NO_ANSWER
    )
    case.extend(D(2026, 4, 1), days=10, approver="李主任")
    case.issue_fee_notice(D(2026, 4, 2), amount=200, method=FeeMethod.PER_VOLUME)
    case.receive_payment(D(2026, 4, 7))
    case.reply(
        D(2026, 4, 10),
        outcome=Outcome(
            OutcomeKind.PARTIALLY_DISCLOSED,
            withheld="合同价格",
            withheld_grounds=(OutcomeReason.THIRD_PARTY_RIGHTS,),
        ),
    )
    case.deliver(D(2026, 4, 13))
    case.file_reconsideration(D(2026, 5, 6))
    case.decide_reconsideration(D(2026, 6, 1), result=RemedyResult.CORRECTED)
    case.file_litigation(D(2026, 6, 10), route=LitigationRoute.AFTER_RECONSIDERATION)
    return case


def test_round_trip_is_exact() -> None:
    case = _full_case()
    data = case.to_dict()
    text = json.dumps(data, ensure_ascii=False)
    back = Case.from_dict(json.loads(text), calendar=CALENDAR)
    assert back.to_dict() == data
    assert back.history == case.history
    assert back.state is S.DELIVERED
    assert back.version == case.version == 16
    assert back.deadline() == case.deadline()
    assert back.consultations == case.consultations
    assert back.proceedings == case.proceedings
    assert data["schema"] == SCHEMA


def test_serialized_form_is_readable() -> None:
    data = _full_case().to_dict()
    assert data["state"] == "delivered"
    assert data["policy"] == "R2019"
    assert data["events"][1] == {
        "event": "confirm_receipt",
        "date": "2026-03-03",
        "before": "awaiting_confirmation",
        "after": "registered",
        "version": 2,
        "note": "电话确认",
    }
    assert data["events"][5]["payload"] == {
        "party": "other_agency",
        "consultee": "某局",
        "letter_received": "2026-03-09",
    }


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value

    return change


_DELETE = object()

TAMPERED: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("schema", _set(("schema",), "disclosure_flow.case/0"), "case.schema"),
    ("policy", _set(("policy",), "R2030"), "case.policy"),
    ("state", _set(("state",), "archived"), "case.state"),
    ("version", _set(("version",), 18), "case.version"),
    ("extra key", _set(("owner",), "x"), "case.owner"),
    ("missing key", _set(("events",), _DELETE), "case.events"),
    ("no events", _set(("events",), []), "case.events"),
    ("events not a list", _set(("events",), {}), "case.events"),
    ("channel", _set(("channel",), "pigeon"), "case.channel"),
    ("applicant", _set(("applicant", "kind"), "alien"), "case.applicant.kind"),
    ("event name", _set(("events", 3, "event"), "teleport"), "case.events[3].event"),
    ("event out of state", _set(("events", 3, "event"), "deliver"), "case.events[3].event"),
    ("date", _set(("events", 3, "date"), "2026-02-30"), "case.events[3].date"),
    ("date type", _set(("events", 3, "date"), 20260304), "case.events[3].date"),
    ("date order", _set(("events", 3, "date"), "2026-03-01"), "case.events[3].date"),
    ("before", _set(("events", 3, "before"), "registered"), "case.events[3].before"),
    ("after", _set(("events", 3, "after"), "replied"), "case.events[3].after"),
    ("event version", _set(("events", 3, "version"), 7), "case.events[3].version"),
    ("event key", _set(("events", 3, "by"), "x"), "case.events[3].by"),
    ("payload key", _set(("events", 4, "payload", "cc"), "x"), "case.events[4].payload.cc"),
    ("payload missing", _set(("events", 4, "payload", "party"), _DELETE), "payload.party"),
    ("payload enum", _set(("events", 4, "payload", "party"), "friend"), "payload.party"),
    ("payload int", _set(("events", 8, "payload", "days"), "10"), "payload.days"),
    ("extension cap", _set(("events", 8, "payload", "days"), 30), "case.events[8]"),
    ("outcome", _set(("events", 11, "payload", "outcome", "withheld"), None), "outcome.withheld"),
    ("actor", _set(("events", 0, "actor"), ""), "case.events[0].actor"),
    ("event not a dict", _set(("events", 2), ["start_processing"]), "case.events[2]"),
]


@pytest.mark.parametrize(("name", "change", "path"), TAMPERED, ids=[t[0] for t in TAMPERED])
def test_tampered_dict_is_refused(
    name: str, change: Callable[[dict[str, Any]], None], path: str
) -> None:
    data = _full_case().to_dict()
    assert data["events"][4]["event"] == "consult"
    assert data["events"][8]["event"] == "extend"
    assert data["events"][11]["event"] == "reply"
    tampered = copy.deepcopy(data)
    change(tampered)
    with pytest.raises(SerializationError) as info:
        Case.from_dict(tampered, calendar=CALENDAR)
    assert path in info.value.path


def test_not_a_mapping_is_refused() -> None:
    with pytest.raises(SerializationError):
        Case.from_dict([], calendar=CALENDAR)  # type: ignore[arg-type]


def test_custom_policy_is_named_on_restore() -> None:
    lenient = attrs.evolve(R2019, name="某省", late_acts=LateActs.RECORD)
    data = _processing(policy=lenient).to_dict()
    with pytest.raises(SerializationError, match="policy"):
        Case.from_dict(data, calendar=CALENDAR)
    assert Case.from_dict(data, calendar=CALENDAR, policies=[lenient]).policy is lenient


def test_a_refused_restore_leaves_nothing_behind() -> None:
    data = _processing().to_dict()
    data["events"][2]["after"] = "replied"
    with pytest.raises(SerializationError, match=r"events\[2\]\.after"):
        Case.from_dict(data, calendar=CALENDAR)
    data = _processing().to_dict()
    data["version"] = 4
    with pytest.raises(SerializationError, match=r"case\.version"):
        Case.from_dict(data, calendar=CALENDAR)


# -- deadlines ---------------------------------------------------------------------------------


def test_deadline_from_receipt() -> None:
    case = new_case()
    deadline = case.deadline()
    assert deadline is not None
    # 20 working days after Monday 2 March 2026: March has no holiday.
    assert deadline.due == D(2026, 3, 30)
    status = case.status(D(2026, 3, 13))
    assert status is not None
    assert (status.used, status.left) == (9, 11)


def test_no_deadline_until_receipt_is_confirmed() -> None:
    case = new_case(Channel.INTERNET)
    assert case.state is S.AWAITING_CONFIRMATION
    assert case.deadline() is None
    assert case.status(D(2026, 3, 20)) is None
    assert case.day_zero is None
    case.confirm_receipt(D(2026, 3, 3))
    assert case.day_zero == D(2026, 3, 3)
    deadline = case.deadline()
    assert deadline is not None
    assert deadline.due == D(2026, 3, 31)


def test_deadline_as_it_stood_on_a_day() -> None:
    case = _processing()
    case.consult(D(2026, 3, 10), party=ConsultedParty.THIRD_PARTY, consultee="某公司")
    case.receive_consultation_answer(
        D(2026, 3, 17), consultee="某公司", answer=ConsultationAnswer.CONSENT
    )
    before = case.deadline(as_of=D(2026, 3, 9))
    during = case.deadline(as_of=D(2026, 3, 12))
    after = case.deadline()
    assert before is not None
    assert before.due == D(2026, 3, 30)
    assert during is not None
    assert during.due is None
    assert during.open_reason is OpenReason.PAUSED
    # 11–17 March removes 5 working days
    assert after is not None
    assert after.due == D(2026, 4, 7)


def test_newer_calendar_moves_the_deadline() -> None:
    case = _processing()
    assert case.deadline().due == D(2026, 3, 30)  # type: ignore[union-attr]
    closure = Overlay(
        "本机关", (OverlayEntry(D(2026, 3, 16), OverlayKind.DAY_OFF, "停电", "通知"),)
    )
    data = case.to_dict()
    case.use_calendar(WorkdayCalendar([closure]))
    assert case.deadline().due == D(2026, 3, 31)  # type: ignore[union-attr]
    restored = Case.from_dict(data, calendar=WorkdayCalendar([closure]))
    assert restored.deadline().due == D(2026, 3, 31)  # type: ignore[union-attr]


def test_sub_deadlines_follow_the_state() -> None:
    case = new_case()
    (notice,) = case.sub_deadlines()
    assert notice.kind is SubDeadlineKind.CORRECTION_NOTICE
    assert notice.due == D(2026, 3, 11)  # 7 working days after 2 March
    case.start_review(D(2026, 3, 3)).start_processing(D(2026, 3, 4))
    assert case.sub_deadlines() == ()
    case.consult(
        D(2026, 3, 5),
        party=ConsultedParty.THIRD_PARTY,
        consultee="甲",
        letter_received=D(2026, 3, 6),
    )
    case.consult(D(2026, 3, 9), party=ConsultedParty.OTHER_AGENCY, consultee="乙")
    answers = {s.about: (s.kind, s.due) for s in case.sub_deadlines()}
    assert answers == {
        "甲": (SubDeadlineKind.THIRD_PARTY_ANSWER, D(2026, 3, 27)),
        "乙": (SubDeadlineKind.INTER_AGENCY_ANSWER, D(2026, 3, 30)),
    }
    assert R2008.third_party_answer_period is None


@pytest.mark.parametrize(
    ("delivered", "last_day"),
    [
        (D(9999, 12, 31), RemedyLastDay.NEXT_WORKDAY),  # 60 days later: no such date
        (D(9999, 9, 1), RemedyLastDay.AS_COUNTED),  # 6 months later: no such year
    ],
)
def test_remedy_periods_past_the_last_date_are_a_clock_error(
    delivered: dt.date, last_day: RemedyLastDay
) -> None:
    policy = attrs.evolve(R2019, name="按日历日", remedy_last_day=last_day)
    replied = {**reach(S.REPLIED).to_dict(), "policy": policy.name}
    case = Case.from_dict(replied, calendar=CALENDAR, policies=[policy]).deliver(delivered)
    restored = Case.from_dict(case.to_dict(), calendar=CALENDAR, policies=[policy])
    for each in (case, restored):
        with pytest.raises(ClockError) as info:
            each.sub_deadlines()
        assert "9999-12-31" in info.value.allowed
        assert info.value.value == delivered


def test_sub_deadline_for_payment_and_remedies() -> None:
    case = _processing().issue_fee_notice(
        D(2026, 3, 5), amount=100, method=FeeMethod.PER_ITEM, notice_received=D(2026, 3, 9)
    )
    (payment,) = case.sub_deadlines()
    assert payment.kind is SubDeadlineKind.FEE_PAYMENT
    assert payment.due == D(2026, 4, 7)  # 20 working days after 9 March; 6 April off
    case.receive_payment(D(2026, 3, 20)).reply(D(2026, 3, 23), outcome=DISCLOSED)
    case.deliver(D(2026, 3, 31))
    kinds = {s.kind: s.due for s in case.sub_deadlines()}
    # 60 days after 31 March is Saturday 30 May: moved to Monday 1 June
    assert kinds[SubDeadlineKind.RECONSIDERATION] == D(2026, 6, 1)
    assert kinds[SubDeadlineKind.LITIGATION] == D(2026, 9, 30)


# -- findings --------------------------------------------------------------------------------


def test_late_reply_is_recorded_with_a_finding() -> None:
    case = _processing()
    case.reply(D(2026, 4, 1), outcome=DISCLOSED)  # due 30 March; 31 March, 1 April late
    assert case.state is S.REPLIED
    (finding,) = case.findings()
    assert finding.rule is FindingRule.REPLY_LATE
    assert (finding.due, finding.acted, finding.late_by) == (D(2026, 3, 30), D(2026, 4, 1), 2)
    assert case.findings(as_of=D(2026, 3, 31)) == ()


def test_late_extension_refused_by_default() -> None:
    case = _processing()
    before = case.to_dict()
    with pytest.raises(LateEventError) as info:
        case.extend(D(2026, 3, 31), days=5, approver="李主任")
    assert isinstance(info.value, LateActError)
    assert isinstance(info.value, EventRefusedError)
    assert (info.value.due, info.value.late_by) == (D(2026, 3, 30), 1)
    assert info.value.event == "extend"
    assert case.to_dict() == before


def test_late_extension_recorded_when_policy_opts_in() -> None:
    policy = attrs.evolve(R2019, name="记录", late_acts=LateActs.RECORD)
    case = _processing(policy=policy)
    case.extend(D(2026, 3, 31), days=5, approver="李主任", notified=D(2026, 3, 31))
    (finding,) = case.findings()
    assert finding.rule is FindingRule.EXTENSION_LATE
    assert (finding.due, finding.late_by) == (D(2026, 3, 30), 1)
    assert case.deadline().due == D(2026, 4, 7)  # type: ignore[union-attr]


def test_late_correction_notice() -> None:
    case = new_case().start_review(D(2026, 3, 3))
    with pytest.raises(LateEventError) as info:
        case.notify_correction(D(2026, 3, 12), items="身份证明", due=D(2026, 3, 26))
    assert info.value.due == D(2026, 3, 11)
    lenient = attrs.evolve(R2019, name="记录", late_acts=LateActs.RECORD)
    case = new_case(policy=lenient).start_review(D(2026, 3, 3))
    case.notify_correction(D(2026, 3, 12), items="身份证明", due=D(2026, 3, 26))
    (finding,) = case.findings()
    assert finding.rule is FindingRule.CORRECTION_NOTICE_LATE
    assert finding.late_by == 1


# -- outcomes of endings ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "reason"),
    [
        (S.WITHDRAWN, OutcomeReason.WITHDRAWN),
        (S.ABANDONED_NO_CORRECTION, OutcomeReason.CORRECTION_LAPSED),
        (S.ABANDONED_NO_PAYMENT, OutcomeReason.FEE_LAPSED),
    ],
)
def test_endings_have_their_outcome(state: CaseState, reason: OutcomeReason) -> None:
    outcome = reach(state).outcome
    assert outcome is not None
    assert outcome.kind is OutcomeKind.OTHER_HANDLING
    assert outcome.reason is reason


def test_open_case_has_no_outcome() -> None:
    assert _processing().outcome is None
    assert reach(S.REPLIED).outcome == DISCLOSED


def test_reply_outcome_must_be_a_reply() -> None:
    case = _processing()
    with pytest.raises(EventRefusedError, match="ending"):
        case.reply(
            D(2026, 3, 5), outcome=Outcome(OutcomeKind.OTHER_HANDLING, OutcomeReason.WITHDRAWN)
        )
    with pytest.raises(EventRefusedError, match="correct"):
        case.reply(
            D(2026, 3, 5),
            outcome=Outcome(OutcomeKind.UNABLE_TO_PROVIDE, OutcomeReason.STILL_UNCLEAR),
        )
    with pytest.raises(EventRefusedError, match="request_reasons"):
        case.reply(
            D(2026, 3, 5), outcome=Outcome(OutcomeKind.NOT_PROCESSED, OutcomeReason.EXCESSIVE)
        )
    case.request_reasons(D(2026, 3, 5))
    case.reply(D(2026, 3, 20), outcome=Outcome(OutcomeKind.NOT_PROCESSED, OutcomeReason.EXCESSIVE))


def test_on_the_spot_reply_only_on_day_zero() -> None:
    case = new_case()
    with pytest.raises(EventRefusedError, match="on-the-spot"):
        case.reply(DAY0 + dt.timedelta(days=1), outcome=DISCLOSED)
    case.reply(DAY0, outcome=DISCLOSED)
    assert case.state is S.REPLIED
    assert case.findings() == ()


# -- the watchlist --------------------------------------------------------------------------


def test_watchlist() -> None:
    overdue = _processing()  # due 30 March
    soon = new_case().start_review(D(2026, 3, 10))  # also due 30 March
    soon = Case.from_dict({**soon.to_dict(), "id": "2026-002"}, calendar=CALENDAR)
    late_reply = Case.from_dict({**_processing().to_dict(), "id": "2026-003"}, calendar=CALENDAR)
    late_reply.reply(D(2026, 3, 31), outcome=DISCLOSED)
    paused = Case.from_dict({**_processing().to_dict(), "id": "2026-004"}, calendar=CALENDAR)
    paused.consult(D(2026, 3, 20), party=ConsultedParty.THIRD_PARTY, consultee="某公司")
    quiet = Case.from_dict({**new_case().to_dict(), "id": "2026-005"}, calendar=CALENDAR)
    later = Case.open(
        "2026-006",
        applicant=quiet.applicant,
        request=quiet.request,
        channel=Channel.IN_PERSON,
        received=D(2026, 4, 1),
        calendar=CALENDAR,
    )
    cases = [overdue, soon, late_reply, paused, quiet, later]

    on_25th = watchlist(cases, as_of=D(2026, 3, 25), due_within=3)
    assert on_25th.overdue == ()
    # the late reply (31 March) was still due soon on the 25th
    ids = [i.case_id for i in on_25th.due_soon]
    assert ids == ["2026-001", "2026-002", "2026-003", "2026-005"]
    assert on_25th.due_soon[0].status is not None
    assert on_25th.due_soon[0].status.left == 3
    assert on_25th.with_findings == ()

    on_1st = watchlist(cases, as_of=D(2026, 4, 1))
    assert [i.case_id for i in on_1st.overdue] == ["2026-001", "2026-002", "2026-005"]
    assert on_1st.overdue[0].status is not None
    assert on_1st.overdue[0].status.overdue_by == 2
    assert [i.case_id for i in on_1st.with_findings] == ["2026-003"]
    assert on_1st.with_findings[0].reasons == frozenset({Attention.FINDINGS})
    assert on_1st.due_soon == ()  # the paused case is never due soon
    assert not on_1st.is_empty


def test_watchlist_refuses_bad_arguments() -> None:
    with pytest.raises(InvalidValueError):
        watchlist([], as_of=D(2026, 3, 1), due_within=-1)
    with pytest.raises(InvalidDateError):
        watchlist([], as_of=dt.datetime(2026, 3, 1, 8))
    with pytest.raises(InvalidValueError):
        watchlist(["case"], as_of=D(2026, 3, 1))  # type: ignore[list-item]


def test_newer_calendar_can_turn_a_recorded_act_late() -> None:
    case = _processing().extend(D(2026, 3, 30), days=5, approver="李主任", notified=D(2026, 3, 30))
    assert case.findings() == ()
    saturday = OverlayEntry(D(2026, 3, 14), OverlayKind.WORKING_DAY, "补班", "本地通知")
    case.use_calendar(WorkdayCalendar([Overlay("本地", (saturday,))]))
    # with Saturday 14 March worked, the deadline was Friday 27 March: the extension on
    # Monday 30 March came 1 working day late. The history stands; a finding says so.
    (finding,) = case.findings()
    assert finding.rule is FindingRule.EXTENSION_LATE
    assert (finding.due, finding.late_by) == (D(2026, 3, 27), 1)
    assert Case.from_dict(case.to_dict(), calendar=case.calendar).findings() == (finding,)
