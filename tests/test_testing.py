"""The scenario builder of ``disclosure_flow.testing``, checked against hand-counted dates.

March–April 2026 (State Council notice for 2026): no holiday in March; 清明 4–6 April
(Saturday to Monday), so Monday 6 April is off. National Day 2026: 1–7 October off,
Saturday 10 October worked.
"""

from __future__ import annotations

import datetime as dt
import typing

import pytest

from disclosure_flow import (
    R2008,
    R2019,
    Channel,
    ClockEvent,
    EventRefusedError,
    Extension,
    InvalidDateError,
    InvalidValueError,
    LateActError,
    Pause,
    PauseReason,
    WorkdayCalendar,
    compute_deadline,
)
from disclosure_flow.cases import (
    CaseState,
    ConsultationAnswer,
    EventKind,
    LitigationRoute,
    Outcome,
    OutcomeKind,
    OutcomeReason,
    RemedyResult,
)
from disclosure_flow.clock import CorrectionNotice, OpenReason, Restart
from disclosure_flow.testing import DEFAULT_APPLICANT, Scenario, default_calendar

D = dt.date
MONDAY = D(2026, 3, 2)  # due Monday 30 March under R2019 (20 working days)


def events_of(scenario: Scenario) -> list[EventKind]:
    return [e.event for e in scenario.case().history]


def test_the_quickstart_story_gives_the_clock_s_answer() -> None:
    story = (
        Scenario(received=D(2026, 9, 28), channel=Channel.IN_PERSON)
        .consulted_third_party(D(2026, 10, 12), D(2026, 10, 20))
        .extended(10, approver="负责人", on=D(2026, 10, 26))
    )
    expected: list[ClockEvent] = [
        Pause(D(2026, 10, 12), D(2026, 10, 20), PauseReason.THIRD_PARTY),
        Extension(10, "负责人", granted_on=D(2026, 10, 26)),
    ]
    assert list(story.clock_events()) == expected
    by_hand = compute_deadline(D(2026, 9, 28), expected, policy=R2019, calendar=WorkdayCalendar())
    deadline = story.deadline()
    assert deadline is not None
    assert deadline.due == by_hand.due == D(2026, 11, 23)
    replied = story.replied(D(2026, 11, 20))
    assert replied.state is CaseState.REPLIED
    assert replied.findings() == ()


def test_steps_return_new_scenarios_and_cases_are_fresh() -> None:
    base = Scenario(received=MONDAY)
    extended = base.extended(5, on=D(2026, 3, 3))
    assert base.steps == ()
    assert extended.steps == ("extended(5, on=2026-03-03)",)
    first, second = extended.case(), extended.case()
    assert first is not second
    first.withdraw(D(2026, 3, 4))
    assert second.state is CaseState.REGISTERED
    assert extended.state is CaseState.REGISTERED
    assert repr(extended) == (
        "Scenario(received=datetime.date(2026, 3, 2), channel=Channel.IN_PERSON)"
        ".extended(5, on=2026-03-03)"
    )


def test_defaults() -> None:
    case = Scenario(received=MONDAY).case()
    assert case.id == "TEST-1"
    assert case.applicant == DEFAULT_APPLICANT
    assert case.policy is R2019
    assert case.calendar is default_calendar()
    assert case.channel is Channel.IN_PERSON
    deadline = case.deadline()
    assert deadline is not None
    assert deadline.due == D(2026, 3, 30)


def test_a_consultation_moves_a_registered_case_into_processing_the_same_day() -> None:
    story = Scenario(received=MONDAY).consulted_other_agency(D(2026, 3, 4), D(2026, 3, 11))
    history = story.case().history
    assert [(e.event, e.day) for e in history[1:3]] == [
        (EventKind.START_REVIEW, D(2026, 3, 4)),
        (EventKind.START_PROCESSING, D(2026, 3, 4)),
    ]
    assert story.state is CaseState.PROCESSING


def test_explicit_review_and_processing_dates_are_kept() -> None:
    story = (
        Scenario(received=MONDAY)
        .review_started(D(2026, 3, 2))
        .processing_started(D(2026, 3, 3))
        .consulted_third_party(D(2026, 3, 5))
    )
    assert [e.day for e in story.case().history] == [MONDAY, MONDAY, D(2026, 3, 3), D(2026, 3, 5)]
    assert story.state is CaseState.WAITING
    deadline = story.deadline()
    assert deadline is not None
    assert deadline.open_reason is OpenReason.PAUSED


def test_consultees_are_named_in_turn_and_answered_separately() -> None:
    story = (
        Scenario(received=MONDAY)
        .consulted_third_party(D(2026, 3, 4))
        .consulted_third_party(D(2026, 3, 5))
    )
    assert [c.consultee for c in story.case().consultations] == ["第三方", "第三方2"]
    answered = story.consultation_answered(
        D(2026, 3, 9), consultee="第三方2", answer=ConsultationAnswer.OBJECTION, reasons="商业秘密"
    ).consultation_answered(D(2026, 3, 10), consultee="第三方")
    assert answered.state is CaseState.PROCESSING
    # Overlapping pauses merge: (3-04, 3-10] removes Mar 5, 6, 9, 10.
    deadline = answered.deadline()
    assert deadline is not None
    assert deadline.due == D(2026, 4, 3)


def test_correction_restarts_the_period() -> None:
    story = Scenario(received=MONDAY).correction_requested(D(2026, 3, 4), due=D(2026, 3, 20))
    waiting = story.deadline()
    assert waiting is not None
    assert waiting.open_reason is OpenReason.AWAITING_CORRECTION
    corrected = story.corrected(D(2026, 3, 10))
    assert corrected.clock_events() == (CorrectionNotice(D(2026, 3, 4)), Restart(D(2026, 3, 10)))
    deadline = corrected.deadline()
    assert deadline is not None
    # From Tuesday 10 March: 15 working days to 31 March, 18 to 3 April, 6 April off.
    assert deadline.due == D(2026, 4, 8)
    lapsed = story.correction_lapsed(D(2026, 3, 23))
    assert lapsed.state is CaseState.ABANDONED_NO_CORRECTION


def test_fee_notice_pauses_the_clock_until_payment() -> None:
    story = Scenario(received=MONDAY).fee_notified(D(2026, 3, 4), amount=300).paid(D(2026, 3, 11))
    deadline = story.deadline()
    assert deadline is not None
    # (3-04, 3-11] removes 5 working days: 30 March + 5 = 7 April (6 April off).
    assert deadline.due == D(2026, 4, 7)
    case = story.case()
    assert case.fee is not None
    assert case.fee.amount == 300


def test_reply_on_day_zero_is_on_the_spot_and_later_replies_are_reviewed_first() -> None:
    assert events_of(Scenario(received=MONDAY).replied(MONDAY)) == [
        EventKind.REGISTER,
        EventKind.REPLY,
    ]
    assert events_of(Scenario(received=MONDAY).replied(D(2026, 3, 5)))[1:] == [
        EventKind.START_REVIEW,
        EventKind.REPLY,
    ]


def test_a_late_reply_carries_a_finding() -> None:
    story = Scenario(received=MONDAY).replied(D(2026, 4, 1))
    [finding] = story.findings()
    assert (finding.due, finding.late_by) == (D(2026, 3, 30), 2)


def test_the_whole_remedy_path() -> None:
    outcome = Outcome(OutcomeKind.WITHHELD, OutcomeReason.THIRD_PARTY_RIGHTS)
    story = (
        Scenario(received=MONDAY)
        .replied(D(2026, 3, 20), outcome=outcome)
        .delivered(D(2026, 3, 23))
        .reconsideration_filed(D(2026, 4, 10))
        .reconsideration_decided(D(2026, 5, 20), result=RemedyResult.UPHELD)
        .litigation_filed(D(2026, 5, 25), route=LitigationRoute.AFTER_RECONSIDERATION)
        .litigation_decided(D(2026, 8, 3), result=RemedyResult.CORRECTED)
        .archived(D(2026, 8, 10))
    )
    case = story.case()
    assert case.state is CaseState.ARCHIVED
    assert case.outcome == outcome
    assert [p.result for p in case.proceedings] == [RemedyResult.UPHELD, RemedyResult.CORRECTED]


def test_art_35_and_withdrawal() -> None:
    story = (
        Scenario(received=MONDAY)
        .reasons_requested(D(2026, 3, 3))
        .delayed(D(2026, 3, 10), due=D(2026, 5, 29))
    )
    deadline = story.deadline()
    assert deadline is not None
    assert deadline.due == D(2026, 5, 29)
    assert story.withdrawn(D(2026, 3, 12)).state is CaseState.WITHDRAWN


def test_fee_lapsed_after_the_payment_period() -> None:
    story = Scenario(received=MONDAY).fee_notified(D(2026, 3, 4))
    with pytest.raises(EventRefusedError, match="payment period"):
        story.fee_lapsed(D(2026, 3, 10))
    assert story.fee_lapsed(D(2026, 4, 10)).state is CaseState.ABANDONED_NO_PAYMENT


def test_another_policy_and_channel() -> None:
    deadline = Scenario(received=MONDAY, policy=R2008).deadline()
    assert deadline is not None
    assert deadline.due == D(2026, 3, 23)  # 15 working days
    letter = Scenario(received=MONDAY, channel=Channel.ORDINARY_LETTER)
    assert letter.deadline() is None
    assert letter.clock_events() == ()
    assert letter.status(D(2026, 3, 3)) is None
    confirmed = letter.confirmed(D(2026, 3, 3))
    deadline = confirmed.deadline()
    assert deadline is not None
    assert deadline.due == D(2026, 3, 31)


# -- refusals are the library's own errors, raised by the step that caused them --------


def test_a_step_the_lifecycle_refuses() -> None:
    letter = Scenario(received=MONDAY, channel=Channel.INTERNET)
    with pytest.raises(EventRefusedError, match="awaiting_confirmation"):
        letter.consulted_third_party(D(2026, 3, 4))
    with pytest.raises(EventRefusedError, match="'archive' refused in state 'replied'"):
        Scenario(received=MONDAY).replied(D(2026, 3, 5)).archived(D(2026, 3, 6))


def test_a_step_the_law_refuses() -> None:
    base = Scenario(received=MONDAY)
    with pytest.raises(EventRefusedError, match="at most 20 more"):
        base.extended(21, on=D(2026, 3, 3))
    with pytest.raises(LateActError):
        base.extended(5, on=D(2026, 4, 1))  # after the deadline of 30 March
    with pytest.raises(EventRefusedError, match="before the last event"):
        base.extended(5, on=D(2026, 3, 10)).extended(5, on=D(2026, 3, 9))
    with pytest.raises(EventRefusedError, match="reasons"):
        base.consulted_third_party(
            D(2026, 3, 4), D(2026, 3, 9), answer=ConsultationAnswer.OBJECTION
        )


def test_a_step_before_the_last_event_is_refused_for_itself() -> None:
    story = Scenario(received=MONDAY).extended(5, on=D(2026, 3, 10))
    with pytest.raises(EventRefusedError) as raised:
        story.consulted_third_party(D(2026, 3, 9))
    assert raised.value.event == "consult"


def test_wrong_arguments() -> None:
    with pytest.raises(InvalidDateError):
        Scenario(received=dt.datetime(2026, 3, 2, 9, 0))  # a datetime is a date subclass
    with pytest.raises(InvalidValueError, match="channel"):
        Scenario(received=MONDAY, channel="IN_PERSON")  # a name, not a value
    with pytest.raises(InvalidDateError):
        Scenario(received=MONDAY).replied("2026-03-05")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="apply"):
        Scenario(received=MONDAY).then("nothing", None)  # type: ignore[arg-type]


def test_then_adds_a_custom_step() -> None:
    story = Scenario(received=MONDAY).then(
        "noted", lambda case: case.start_review(D(2026, 3, 3), note="材料齐全")
    )
    assert story.steps == ("noted",)
    assert story.case().history[-1].note == "材料齐全"


def test_a_consultation_after_a_delayed_deadline_keeps_the_deadline() -> None:
    story = (
        Scenario(received=MONDAY)
        .reasons_requested(D(2026, 3, 3))
        .delayed(D(2026, 3, 10), due=D(2026, 4, 10))
        .consulted_third_party(D(2026, 3, 12), D(2026, 4, 30))
    )
    deadline = story.deadline()
    assert deadline is not None
    assert deadline.due == D(2026, 4, 10)  # "later pauses do not move it" (clock docs)


def test_type_hints_resolve() -> None:
    hints = typing.get_type_hints(Scenario.__init__)
    assert hints["received"] is dt.date
    for name in ("consulted_third_party", "extended", "replied", "case", "deadline"):
        assert typing.get_type_hints(getattr(Scenario, name))
