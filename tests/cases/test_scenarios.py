"""The legal scenarios of SPEC §3–§5 and §10 as a clerk would tell them, with hand-checked
dates.

The calendar of March–April 2026 (State Council notice for 2026): no holiday in March;
清明 4–6 April (Saturday to Monday), so Monday 6 April is off. Each test counts its
working days in a comment.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from disclosure_flow import EventRefusedError
from disclosure_flow.cases import (
    Case,
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
    RemedyKind,
    RemedyOrder,
    RemedyResult,
)
from disclosure_flow.clock import R2008, FindingRule, LateActs, OpenReason, PolicyDates
from disclosure_flow.clock import R2019 as R2019_POLICY
from tests.cases.test_lifecycle import APPLICANT, CALENDAR, DISCLOSED, REQUEST, new_case

D = dt.date
S = CaseState
E = EventKind


def due(case: Case) -> dt.date | None:
    deadline = case.deadline()
    assert deadline is not None
    return deadline.due


def state_of(case: Case) -> CaseState:
    """The state, read afresh (a plain ``case.state`` is narrowed by mypy after an assert)."""
    return case.state


def in_processing(**kwargs: object) -> Case:
    """Handed in on Monday 2 March 2026; due Monday 30 March (20 working days)."""
    case = new_case(**kwargs)  # type: ignore[arg-type]
    return case.start_review(D(2026, 3, 3)).start_processing(D(2026, 3, 4))


# -- intake (Art. 31) -------------------------------------------------------------------


def test_letter_has_no_deadline_until_the_office_confirms() -> None:
    case = new_case(Channel.ORDINARY_LETTER)  # the letter arrives on 2 March
    assert case.state is S.AWAITING_CONFIRMATION
    assert case.deadline() is None
    with pytest.raises(EventRefusedError):
        case.start_review(D(2026, 3, 3))
    case.confirm_receipt(D(2026, 3, 4))  # confirmed by phone on Wednesday
    # day 0 = 4 March: 5–6 (2), 9–13 (7), 16–20 (12), 23–27 (17), 30, 31, 1 April (20)
    assert due(case) == D(2026, 4, 1)


def test_signed_for_post_counts_from_signature() -> None:
    case = new_case(Channel.SIGNED_POST)
    assert case.state is S.REGISTERED
    assert due(case) == D(2026, 3, 30)


# -- correction (Art. 30) -------------------------------------------------------------------


def test_correction_restarts_the_clock() -> None:
    case = new_case().start_review(D(2026, 3, 3))
    # notice within 7 working days of 2 March (by 11 March)
    case.notify_correction(D(2026, 3, 5), items="请提供身份证明", due=D(2026, 3, 20))
    deadline = case.deadline()
    assert deadline is not None
    assert deadline.due is None
    assert deadline.open_reason is OpenReason.AWAITING_CORRECTION
    case.receive_correction(D(2026, 3, 16))
    assert case.state is S.UNDER_REVIEW
    assert case.period_start == D(2026, 3, 16)
    # day 0 = 16 March: 17–20 (4), 23–27 (9), 30 March–3 April (14), 6 April off,
    # 7–10 (18), 13 (19), 14 (20)
    assert due(case) == D(2026, 4, 14)


def test_correction_notice_only_once() -> None:
    case = new_case().start_review(D(2026, 3, 3))
    case.notify_correction(D(2026, 3, 4), items="请明确所需信息", due=D(2026, 3, 18))
    case.receive_correction(D(2026, 3, 9))
    with pytest.raises(EventRefusedError, match="一次性告知"):
        case.notify_correction(D(2026, 3, 10), items="请再补充", due=D(2026, 3, 24))


def test_correction_lapsed_abandons_the_request() -> None:
    case = new_case().start_review(D(2026, 3, 3))
    case.notify_correction(D(2026, 3, 4), items="请提供身份证明", due=D(2026, 3, 18))
    with pytest.raises(EventRefusedError, match="runs until 2026-03-18"):
        case.correction_lapsed(D(2026, 3, 18))
    case.correction_lapsed(D(2026, 3, 19))
    assert case.state is S.ABANDONED_NO_CORRECTION
    assert case.outcome is not None
    assert case.outcome.reason is OutcomeReason.CORRECTION_LAPSED
    # the ending is an act open to remedies, and is archived (Art. 45)
    assert E.REPLY not in case.allowed_events()
    assert {E.ARCHIVE, E.FILE_RECONSIDERATION, E.FILE_LITIGATION} <= case.allowed_events()
    case.archive(D(2026, 3, 20))
    assert state_of(case) is S.ARCHIVED
    assert case.outcome.reason is OutcomeReason.CORRECTION_LAPSED


def test_still_unclear_after_correction() -> None:
    case = new_case().start_review(D(2026, 3, 3))
    case.notify_correction(D(2026, 3, 4), items="请明确所需信息", due=D(2026, 3, 18))
    case.receive_correction(D(2026, 3, 9)).start_processing(D(2026, 3, 10))
    unclear = Outcome(OutcomeKind.UNABLE_TO_PROVIDE, OutcomeReason.STILL_UNCLEAR)
    case.reply(D(2026, 3, 12), outcome=unclear)
    assert case.outcome is unclear


# -- consultation (Art. 32–34) ---------------------------------------------------------------


def test_inter_agency_silence_is_consent() -> None:
    case = in_processing()
    case.consult(D(2026, 3, 5), party=ConsultedParty.OTHER_AGENCY, consultee="市财政局")
    # its 15 working days after 5 March end on 26 March: silence cannot be recorded before
    with pytest.raises(EventRefusedError, match="2026-03-26"):
        case.receive_consultation_answer(
            D(2026, 3, 26), consultee="市财政局", answer=ConsultationAnswer.NO_ANSWER
        )
    case.receive_consultation_answer(
        D(2026, 3, 30), consultee="市财政局", answer=ConsultationAnswer.NO_ANSWER
    )
    (consultation,) = case.consultations
    assert consultation.deemed_consent is True
    assert case.state is S.PROCESSING
    # the pause ends with the answer period (26 March), not when silence was recorded:
    # 6–26 March (15 working days) are left out: 30 March + 15 = 21 April
    assert due(case) == D(2026, 4, 21)


def test_third_party_silence_is_not_consent() -> None:
    case = in_processing()
    case.consult(D(2026, 3, 5), party=ConsultedParty.THIRD_PARTY, consultee="某公司")
    case.receive_consultation_answer(
        D(2026, 3, 27), consultee="某公司", answer=ConsultationAnswer.NO_ANSWER
    )
    assert case.consultations[0].deemed_consent is None  # the agency decides


def test_third_party_objection_needs_reasons() -> None:
    case = in_processing()
    case.consult(D(2026, 3, 5), party=ConsultedParty.THIRD_PARTY, consultee="某公司")
    with pytest.raises(EventRefusedError, match="reasons"):
        case.receive_consultation_answer(
            D(2026, 3, 10), consultee="某公司", answer=ConsultationAnswer.OBJECTION
        )
    case.receive_consultation_answer(
        D(2026, 3, 10),
        consultee="某公司",
        answer=ConsultationAnswer.OBJECTION,
        reasons="涉及商业秘密",
    )
    assert case.consultations[0].deemed_consent is False
    # paused after 5 March to 10 March: 6, 9, 10 March (3 working days): 30 March + 3
    assert due(case) == D(2026, 4, 2)
    withheld = Outcome(OutcomeKind.WITHHELD, OutcomeReason.THIRD_PARTY_RIGHTS)
    case.reply(D(2026, 3, 20), outcome=withheld)
    assert case.state is S.REPLIED


def test_several_consultations_at_once() -> None:
    case = in_processing()
    case.consult(D(2026, 3, 5), party=ConsultedParty.THIRD_PARTY, consultee="甲公司")
    case.consult(D(2026, 3, 9), party=ConsultedParty.OTHER_AGENCY, consultee="乙局")
    with pytest.raises(EventRefusedError, match="already consulted"):
        case.consult(D(2026, 3, 9), party=ConsultedParty.OTHER_AGENCY, consultee="乙局")
    case.receive_consultation_answer(
        D(2026, 3, 12), consultee="甲公司", answer=ConsultationAnswer.CONSENT
    )
    assert case.state is S.WAITING  # 乙局 has not answered
    assert case.waiting == tuple(c for c in case.consultations if c.consultee == "乙局")
    deadline = case.deadline()
    assert deadline is not None
    assert deadline.due is None
    with pytest.raises(EventRefusedError):
        case.reply(D(2026, 3, 13), outcome=DISCLOSED)
    case.receive_consultation_answer(
        D(2026, 3, 13), consultee="乙局", answer=ConsultationAnswer.CONSENT
    )
    assert state_of(case) is S.PROCESSING
    # merged pause after 5 March to 13 March: 6, 9–13 March (6 working days):
    # 30 March + 6: 31 March–3 April (4), 6 April off, 7, 8 April
    assert due(case) == D(2026, 4, 8)


def test_r2008_does_not_pause_for_other_agencies() -> None:
    case = in_processing(policy=R2008, policy_dates=PolicyDates.ANY)
    assert due(case) == D(2026, 3, 23)  # 15 working days
    case.consult(D(2026, 3, 5), party=ConsultedParty.OTHER_AGENCY, consultee="乙局")
    case.receive_consultation_answer(
        D(2026, 3, 12), consultee="乙局", answer=ConsultationAnswer.CONSENT
    )
    assert due(case) == D(2026, 3, 23)


# -- extension (Art. 33) -----------------------------------------------------------------------


def test_extension_cap() -> None:
    case = in_processing()
    case.extend(D(2026, 3, 20), days=15, approver="信息公开办主任")
    with pytest.raises(EventRefusedError, match="at most 5 more"):
        case.extend(D(2026, 3, 23), days=6, approver="信息公开办主任")
    case.extend(D(2026, 3, 23), days=5, approver="信息公开办主任")
    # 30 March + 20: 31 March–3 April (4), 7–10 (8), 13–17 (13), 20–24 (18), 27, 28
    assert due(case) == D(2026, 4, 28)
    with pytest.raises(EventRefusedError, match="at most 0 more"):
        case.extend(D(2026, 3, 24), days=1, approver="信息公开办主任")
    assert [(e.days, e.approver) for e in case.extensions] == [
        (15, "信息公开办主任"),
        (5, "信息公开办主任"),
    ]


def test_extension_needs_an_approver() -> None:
    case = in_processing()
    with pytest.raises(EventRefusedError, match="approver"):
        case.extend(D(2026, 3, 20), days=5, approver="")


# -- Art. 35 --------------------------------------------------------------------------------------


def test_delayed_deadline_after_asking_for_reasons() -> None:
    case = in_processing()
    with pytest.raises(EventRefusedError, match="request_reasons"):
        case.set_delayed_deadline(D(2026, 3, 10), due=D(2026, 5, 29))
    case.request_reasons(D(2026, 3, 6))
    with pytest.raises(EventRefusedError, match="not later"):
        case.set_delayed_deadline(D(2026, 3, 10), due=D(2026, 3, 27))
    case.set_delayed_deadline(D(2026, 3, 10), due=D(2026, 5, 29))
    assert due(case) == D(2026, 5, 29)


def test_no_delayed_deadline_under_r2008() -> None:
    case = in_processing(policy=R2008, policy_dates=PolicyDates.ANY).request_reasons(D(2026, 3, 6))
    with pytest.raises(EventRefusedError, match="R2008"):
        case.set_delayed_deadline(D(2026, 3, 10), due=D(2026, 5, 29))


# -- fees ---------------------------------------------------------------------------------------


def test_fee_lapse() -> None:
    case = in_processing()
    case.issue_fee_notice(D(2026, 3, 5), amount=3000, method=FeeMethod.PER_ITEM)
    assert case.state is S.WAITING
    assert case.waiting == (case.fee,)
    # payment period: 20 working days after 5 March = 2 April
    with pytest.raises(EventRefusedError, match="2026-04-02"):
        case.fee_lapsed(D(2026, 4, 2))
    case.fee_lapsed(D(2026, 4, 3))
    assert state_of(case) is S.ABANDONED_NO_PAYMENT
    assert case.outcome is not None
    assert case.outcome.reason is OutcomeReason.FEE_LAPSED


def test_late_payment_refused_and_paid_fee_resumes() -> None:
    late = in_processing().issue_fee_notice(D(2026, 3, 5), amount=100, method=FeeMethod.PER_ITEM)
    with pytest.raises(EventRefusedError, match="fee_lapsed"):
        late.receive_payment(D(2026, 4, 3))
    paid = in_processing().issue_fee_notice(D(2026, 3, 5), amount=100, method=FeeMethod.PER_ITEM)
    paid.receive_payment(D(2026, 3, 11))
    assert paid.state is S.PROCESSING
    # 6–11 March paused (4 working days): 30 March + 4 = 3 April
    assert due(paid) == D(2026, 4, 3)
    with pytest.raises(EventRefusedError, match="already sent"):
        paid.issue_fee_notice(D(2026, 3, 12), amount=100, method=FeeMethod.PER_ITEM)


def test_fee_notice_only_within_the_reply_period() -> None:
    case = in_processing()
    with pytest.raises(EventRefusedError, match="after the reply deadline"):
        case.issue_fee_notice(D(2026, 3, 31), amount=100, method=FeeMethod.PER_VOLUME)


# -- withdrawal ----------------------------------------------------------------------------------


def test_withdrawal_ends_the_case() -> None:
    case = in_processing()
    case.consult(D(2026, 3, 5), party=ConsultedParty.THIRD_PARTY, consultee="某公司")
    case.withdraw(D(2026, 3, 9), note="申请人书面撤回")
    assert case.state is S.WITHDRAWN
    assert case.outcome is not None
    assert case.outcome.reason is OutcomeReason.WITHDRAWN
    with pytest.raises(EventRefusedError, match="allowed: one of archive"):
        case.receive_consultation_answer(
            D(2026, 3, 10), consultee="某公司", answer=ConsultationAnswer.CONSENT
        )
    status = case.status(D(2026, 6, 1))
    assert status is not None
    assert status.as_of == D(2026, 3, 9)
    assert not status.overdue


# -- remedies --------------------------------------------------------------------------------------


def test_reconsideration_then_litigation() -> None:
    case = in_processing()
    case.reply(D(2026, 3, 20), outcome=DISCLOSED).deliver(D(2026, 3, 23))
    with pytest.raises(EventRefusedError, match="no reconsideration"):
        case.file_litigation(D(2026, 4, 1), route=LitigationRoute.AFTER_RECONSIDERATION)
    case.file_reconsideration(D(2026, 4, 1))
    with pytest.raises(EventRefusedError, match="pending"):
        case.archive(D(2026, 4, 2))
    with pytest.raises(EventRefusedError, match="not a decision"):
        case.decide_reconsideration(D(2026, 5, 20), result=RemedyResult.PENDING)
    case.decide_reconsideration(D(2026, 5, 20), result=RemedyResult.UPHELD)
    with pytest.raises(EventRefusedError, match="AFTER_RECONSIDERATION"):
        case.file_litigation(D(2026, 6, 1), route=LitigationRoute.DIRECT)
    case.file_litigation(D(2026, 6, 1), route=LitigationRoute.AFTER_RECONSIDERATION)
    reconsideration, litigation = case.proceedings
    assert reconsideration.kind is RemedyKind.RECONSIDERATION
    assert reconsideration.result_as_of(D(2026, 5, 19)) is RemedyResult.PENDING
    assert reconsideration.result_as_of(D(2026, 12, 31)) is RemedyResult.UPHELD
    assert litigation.route is LitigationRoute.AFTER_RECONSIDERATION
    assert litigation.result_as_of(D(2026, 12, 31)) is RemedyResult.PENDING
    case.decide_litigation(D(2026, 11, 2), result=RemedyResult.CORRECTED)
    case.archive(D(2026, 11, 3))
    assert case.state is S.ARCHIVED
    assert case.proceedings[1].result is RemedyResult.CORRECTED


def test_direct_litigation() -> None:
    case = in_processing().reply(D(2026, 3, 20), outcome=DISCLOSED)
    case.file_litigation(D(2026, 4, 1), route=LitigationRoute.DIRECT)
    with pytest.raises(EventRefusedError, match="pending"):
        case.file_reconsideration(D(2026, 4, 2))
    case.decide_litigation(D(2026, 8, 3), result=RemedyResult.OTHER)
    assert case.proceedings[0].result is RemedyResult.OTHER


# -- a reply without review is on the spot --------------------------------------------------------


def test_on_the_spot_reply() -> None:
    case = Case.open(
        "2026-009",
        applicant=APPLICANT,
        request=REQUEST,
        channel=Channel.IN_PERSON,
        received=D(2026, 3, 2),
        calendar=CALENDAR,
    )
    public = Outcome(OutcomeKind.DISCLOSED, OutcomeReason.ALREADY_PUBLIC)
    case.reply(D(2026, 3, 2), outcome=public).deliver(D(2026, 3, 2)).archive(D(2026, 3, 2))
    assert [e.event.value for e in case.history] == [
        "register",
        "reply",
        "deliver",
        "archive",
    ]
    assert case.findings() == ()


def test_policy_is_kept_with_the_case() -> None:
    strict = attrs.evolve(R2008, name="R2008")
    assert in_processing(policy=strict, policy_dates=PolicyDates.ANY).policy is strict


# -- real paths: waits that overlap, late correction notices, endings archived (SPEC §5) ----


def test_a_fee_notice_while_a_consultation_runs() -> None:
    case = in_processing()
    case.consult(D(2026, 3, 5), party=ConsultedParty.THIRD_PARTY, consultee="甲公司")
    case.issue_fee_notice(D(2026, 3, 9), amount=300, method=FeeMethod.PER_ITEM)
    assert case.state is S.WAITING
    assert [type(w).__name__ for w in case.waiting] == ["Consultation", "FeeNotice"]
    kinds = {s.kind.value for s in case.sub_deadlines()}
    assert kinds == {"third_party_answer", "fee_payment"}
    with pytest.raises(EventRefusedError, match="not allowed in this state"):
        case.reply(D(2026, 3, 10), outcome=DISCLOSED)  # the waits end first
    # the payment ends one wait; the consultation still runs
    case.receive_payment(D(2026, 3, 12))
    assert state_of(case) is S.WAITING
    assert due(case) is None
    case.receive_consultation_answer(
        D(2026, 3, 19), consultee="甲公司", answer=ConsultationAnswer.CONSENT
    )
    assert state_of(case) is S.PROCESSING
    # union of the pauses: 6–19 March not counted (10 working days); 3 used (3–5 March):
    # 20 March (4), 23–27 (9), 30–31 (11), 1–3 April (14), 7–10 (18), 13–14 (20)
    assert due(case) == D(2026, 4, 14)


def test_a_consultation_while_payment_is_awaited() -> None:
    case = in_processing()
    case.issue_fee_notice(D(2026, 3, 5), amount=300, method=FeeMethod.PER_VOLUME)
    case.consult(D(2026, 3, 6), party=ConsultedParty.OTHER_AGENCY, consultee="乙局")
    case.receive_consultation_answer(
        D(2026, 3, 10), consultee="乙局", answer=ConsultationAnswer.CONSENT
    )
    assert case.state is S.WAITING  # still waiting for the payment
    assert case.waiting == (case.fee,)
    case.receive_payment(D(2026, 3, 13))
    assert state_of(case) is S.PROCESSING
    # 6–13 March not counted (6 working days): 30 March + 6 working days = 7 April
    # (6 April is off)
    assert due(case) == D(2026, 4, 8)


def test_the_fee_lapses_while_a_consultation_runs() -> None:
    case = in_processing()
    case.consult(D(2026, 3, 5), party=ConsultedParty.THIRD_PARTY, consultee="甲公司")
    case.issue_fee_notice(D(2026, 3, 5), amount=300, method=FeeMethod.PER_ITEM)
    case.fee_lapsed(D(2026, 4, 3))  # 20 working days after 5 March: 2 April
    assert case.state is S.ABANDONED_NO_PAYMENT
    assert case.outcome is not None
    assert case.outcome.reason is OutcomeReason.FEE_LAPSED
    case.archive(D(2026, 4, 7))
    assert state_of(case) is S.ARCHIVED


def test_a_correction_notice_while_processing_and_while_waiting() -> None:
    # Art. 30: within 7 working days of day 0 (2 March → 11 March), from any open state
    processing = in_processing()
    processing.notify_correction(D(2026, 3, 6), items="请明确年度", due=D(2026, 3, 20))
    assert processing.state is S.AWAITING_CORRECTION
    waiting = in_processing()
    waiting.consult(D(2026, 3, 5), party=ConsultedParty.THIRD_PARTY, consultee="甲公司")
    waiting.notify_correction(D(2026, 3, 11), items="请明确年度", due=D(2026, 3, 25))
    assert waiting.state is S.AWAITING_CORRECTION
    # the consultation may still answer, and outlives the correction
    waiting.receive_correction(D(2026, 3, 16))
    assert state_of(waiting) is S.WAITING
    late = in_processing()
    with pytest.raises(EventRefusedError, match=r"Art\. 30"):
        late.notify_correction(D(2026, 3, 12), items="请明确年度", due=D(2026, 3, 26))


def test_every_ending_is_archived() -> None:
    withdrawn = in_processing().withdraw(D(2026, 3, 5))
    withdrawn.archive(D(2026, 3, 6))
    assert withdrawn.state is S.ARCHIVED
    assert withdrawn.outcome is not None
    assert withdrawn.outcome.reason is OutcomeReason.WITHDRAWN
    replied = in_processing().reply(D(2026, 3, 20), outcome=DISCLOSED)
    with pytest.raises(EventRefusedError, match="not allowed"):
        replied.archive(D(2026, 3, 21))  # delivered first
    replied.deliver(D(2026, 3, 23)).archive(D(2026, 3, 24))
    assert replied.state is S.ARCHIVED


def test_a_remedy_reopens_the_archive_and_it_returns_when_decided() -> None:
    case = in_processing().reply(D(2026, 3, 20), outcome=DISCLOSED)
    case.deliver(D(2026, 3, 23)).archive(D(2026, 3, 24))
    assert case.allowed_events() == {E.FILE_RECONSIDERATION, E.FILE_LITIGATION}
    case.file_reconsideration(D(2026, 4, 10))
    assert case.state is S.IN_PROCEEDING
    with pytest.raises(EventRefusedError, match="is pending"):
        case.file_litigation(D(2026, 4, 11), route=LitigationRoute.DIRECT)  # one at a time
    case.decide_reconsideration(D(2026, 6, 1), result=RemedyResult.UPHELD)
    assert state_of(case) is S.ARCHIVED
    case.file_litigation(D(2026, 6, 10), route=LitigationRoute.AFTER_RECONSIDERATION)
    assert state_of(case) is S.IN_PROCEEDING
    case.decide_litigation(D(2026, 9, 1), result=RemedyResult.UPHELD)
    assert state_of(case) is S.ARCHIVED
    assert [p.kind for p in case.proceedings] == [RemedyKind.RECONSIDERATION, RemedyKind.LITIGATION]


def test_an_ending_without_a_reply_is_open_to_remedies() -> None:
    # SPEC §11: 视为放弃 and 不再处理 are acts of the agency too
    case = new_case().start_review(D(2026, 3, 3))
    case.notify_correction(D(2026, 3, 4), items="请提供身份证明", due=D(2026, 3, 18))
    case.correction_lapsed(D(2026, 3, 19))
    case.file_reconsideration(D(2026, 4, 1))
    with pytest.raises(EventRefusedError, match="pending"):
        case.archive(D(2026, 4, 2))
    case.decide_reconsideration(D(2026, 5, 20), result=RemedyResult.UPHELD)
    case.archive(D(2026, 5, 21))
    assert case.state is S.ARCHIVED


# -- remedies after the reply, against endings and against inaction (SPEC §11) -------------

WITHHELD = Outcome(OutcomeKind.WITHHELD, OutcomeReason.THIRD_PARTY_RIGHTS)


def opened(received: dt.date, **kwargs: object) -> Case:
    """A case handed in on *received*."""
    return Case.open(
        "2026-900",
        applicant=APPLICANT,
        request=REQUEST,
        channel=Channel.IN_PERSON,
        received=received,
        calendar=CALENDAR,
        **kwargs,  # type: ignore[arg-type]
    )


def windows(case: Case) -> dict[str, tuple[dt.date, str]]:
    return {
        s.kind.value: (s.due, s.end.period.article if s.end else "")
        for s in case.sub_deadlines()
        if s.kind.value.startswith(("reconsideration", "litigation"))
    }


def test_remedy_periods_run_from_the_receipt_of_the_reply() -> None:
    case = in_processing().reply(D(2026, 3, 20), outcome=DISCLOSED)
    assert windows(case) == {}  # not delivered: the applicant does not know it yet
    case.deliver(D(2026, 3, 23), received=D(2026, 3, 25))
    # 60 days after 25 March is Sunday 24 May → Monday 25 May; 6 months → 25 September,
    # 中秋节 → Monday 28 September
    assert windows(case) == {
        "reconsideration": (D(2026, 5, 25), "行政复议法(2023) Art. 20"),
        "litigation": (D(2026, 9, 28), "行政诉讼法 Art. 46"),
    }
    case.archive(D(2026, 3, 26))
    assert windows(case)["reconsideration"][0] == D(2026, 5, 25)  # still open when archived


def test_a_reply_without_the_remedies_stated_gives_at_most_a_year() -> None:
    case = opened(D(2025, 3, 3)).start_review(D(2025, 3, 4))
    case.reply(D(2025, 3, 20), outcome=DISCLOSED, remedies_stated=False)
    case.deliver(D(2025, 3, 21), received=D(2025, 3, 25))
    due, article = windows(case)["reconsideration"]
    assert (due, article) == (D(2026, 3, 25), "行政复议法(2023) Art. 20 ¶3")


def test_the_laws_in_force_when_the_act_was_known() -> None:
    # an act known in 2014: the 1999 reconsideration law and the 1989 litigation law
    case = opened(D(2014, 3, 3), policy=R2008).start_review(D(2014, 3, 4))
    case.reply(D(2014, 3, 14), outcome=DISCLOSED).deliver(D(2014, 3, 17))
    assert windows(case) == {
        "reconsideration": (D(2014, 5, 16), "行政复议法(1999) Art. 9"),
        "litigation": (D(2014, 6, 17), "行政诉讼法(1989) Art. 39"),
    }


def test_reconsideration_first_against_a_withheld_reply() -> None:
    # 行政复议法(2023) Art. 23 ¶1(4): against 不予公开 from 2024-01-01, no direct suit
    case = in_processing().reply(D(2026, 3, 20), outcome=WITHHELD)
    case.deliver(D(2026, 3, 23))
    assert set(windows(case)) == {"reconsideration"}
    with pytest.raises(EventRefusedError, match="复议前置"):
        case.file_litigation(D(2026, 4, 1), route=LitigationRoute.DIRECT)
    case.file_reconsideration(D(2026, 4, 1))
    case.decide_reconsideration(D(2026, 5, 29), result=RemedyResult.UPHELD, received=D(2026, 6, 2))
    # 15 days after receiving the decision (行政诉讼法 Art. 45)
    assert windows(case) == {
        "litigation_after_reconsideration": (D(2026, 6, 17), "行政诉讼法 Art. 45")
    }
    with pytest.raises(EventRefusedError, match="after its period"):
        case.file_litigation(D(2026, 6, 18), route=LitigationRoute.AFTER_RECONSIDERATION)
    case.file_litigation(D(2026, 6, 17), route=LitigationRoute.AFTER_RECONSIDERATION)
    assert windows(case) == {}


def test_a_withheld_reply_before_2024_may_be_sued_directly() -> None:
    case = opened(D(2023, 6, 1)).start_review(D(2023, 6, 2))
    case.reply(D(2023, 6, 20), outcome=WITHHELD).deliver(D(2023, 6, 21))
    assert set(windows(case)) == {"reconsideration", "litigation"}
    case.file_litigation(D(2023, 7, 3), route=LitigationRoute.DIRECT)
    assert case.proceedings[0].route is LitigationRoute.DIRECT


def test_no_reconsideration_after_a_suit_and_none_twice() -> None:
    sued = in_processing().reply(D(2026, 3, 20), outcome=DISCLOSED).deliver(D(2026, 3, 23))
    sued.file_litigation(D(2026, 4, 1), route=LitigationRoute.DIRECT)
    sued.decide_litigation(D(2026, 8, 3), result=RemedyResult.UPHELD)
    with pytest.raises(EventRefusedError, match=r"Art\. 29 ¶2"):
        sued.file_reconsideration(D(2026, 8, 4))
    with pytest.raises(EventRefusedError, match="one suit per act"):
        sued.file_litigation(D(2026, 8, 4), route=LitigationRoute.DIRECT)
    twice = in_processing().reply(D(2026, 3, 20), outcome=DISCLOSED).deliver(D(2026, 3, 23))
    twice.file_reconsideration(D(2026, 4, 1))
    twice.decide_reconsideration(D(2026, 5, 29), result=RemedyResult.UPHELD)
    with pytest.raises(EventRefusedError, match="not reconsidered twice"):
        twice.file_reconsideration(D(2026, 6, 1))


def test_a_late_remedy_is_refused_or_recorded_with_a_finding() -> None:
    late = in_processing().reply(D(2026, 3, 20), outcome=DISCLOSED).deliver(D(2026, 3, 23))
    # 60 days after 23 March: Friday 22 May
    with pytest.raises(EventRefusedError, match=r"after its period") as info:
        late.file_reconsideration(D(2026, 5, 26))
    assert "after its period ended on 2026-05-22" in info.value.reason
    recording = attrs.evolve(R2019_POLICY, late_acts=LateActs.RECORD)
    case = in_processing(policy=recording).reply(D(2026, 3, 20), outcome=DISCLOSED)
    case.deliver(D(2026, 3, 23)).file_reconsideration(D(2026, 5, 26))
    (finding,) = case.findings()
    assert finding.rule is FindingRule.RECONSIDERATION_LATE
    assert (finding.due, finding.acted, finding.late_by) == (D(2026, 5, 22), D(2026, 5, 26), 2)
    assert finding.article == "行政复议法(2023) Art. 20"


def test_a_remedy_against_inaction() -> None:
    case = in_processing()  # due 30 March
    with pytest.raises(EventRefusedError, match="no inaction on 2026-03-30"):
        case.file_reconsideration(D(2026, 3, 30))
    case.file_reconsideration(D(2026, 3, 31))
    assert case.state is S.PROCESSING  # still to be answered
    case.decide_reconsideration(D(2026, 5, 20), result=RemedyResult.CORRECTED)
    case.reply(D(2026, 5, 25), outcome=DISCLOSED)
    assert state_of(case) is S.REPLIED
    assert [f.rule for f in case.findings()] == [FindingRule.REPLY_LATE]


def test_an_ending_is_known_on_its_day() -> None:
    case = new_case().start_review(D(2026, 3, 3))
    case.notify_correction(D(2026, 3, 4), items="请提供身份证明", due=D(2026, 3, 18))
    case.correction_lapsed(D(2026, 3, 19))
    # 60 days after 19 March: Monday 18 May; 6 months: Saturday 19 September → Sunday 20,
    # a make-up working day (调休上班 for National Day)
    assert windows(case) == {
        "reconsideration": (D(2026, 5, 18), "行政复议法(2023) Art. 20"),
        "litigation": (D(2026, 9, 20), "行政诉讼法 Art. 46"),
    }
    withdrawn = in_processing().withdraw(D(2026, 3, 5))
    assert windows(withdrawn) == {}  # the applicant's own act


# -- orders that re-open a case (SPEC §11) ------------------------------------------------


def test_an_order_to_reply_anew_reopens_the_case() -> None:
    case = in_processing().reply(D(2026, 3, 20), outcome=WITHHELD).deliver(D(2026, 3, 23))
    case.archive(D(2026, 3, 24)).file_reconsideration(D(2026, 4, 1))
    with pytest.raises(EventRefusedError, match="CORRECTED"):
        case.decide_reconsideration(
            D(2026, 5, 29), result=RemedyResult.UPHELD, order=RemedyOrder.NEW_REPLY
        )
    case.decide_reconsideration(
        D(2026, 5, 29),
        result=RemedyResult.CORRECTED,
        order=RemedyOrder.NEW_REPLY,
        order_days=15,
        order_received=D(2026, 6, 1),
    )
    assert case.state is S.PROCESSING
    assert case.reply_record is None
    assert case.outcome is None
    assert case.concluded == (D(2026, 3, 20), WITHHELD)  # the request was concluded once
    # 15 working days after 1 June: 2–5 (4), 8–12 (9), 15–18 (13), 19 端午, 22–23 (15)
    assert due(case) == D(2026, 6, 23)
    case.reply(D(2026, 6, 24), outcome=DISCLOSED)  # one working day late
    assert state_of(case) is S.REPLIED
    assert [r.outcome for r in case.replies] == [WITHHELD, DISCLOSED]
    (late,) = case.findings()
    assert (late.rule, late.due, late.late_by) == (FindingRule.REPLY_LATE, D(2026, 6, 23), 1)
    # the new reply is a new act: its own remedies, a reconsideration again
    case.deliver(D(2026, 6, 25))
    assert set(windows(case)) == {"reconsideration", "litigation"}
    case.file_reconsideration(D(2026, 7, 1))
    assert len(case.proceedings) == 2


def test_an_order_without_a_period_gives_the_policys_reply_period() -> None:
    case = in_processing().reply(D(2026, 3, 20), outcome=WITHHELD).deliver(D(2026, 3, 23))
    case.file_reconsideration(D(2026, 4, 1))
    case.decide_reconsideration(
        D(2026, 5, 29), result=RemedyResult.CORRECTED, order=RemedyOrder.NEW_REPLY
    )
    # [convention] 20 working days from the decision: June 1–5 (5), 8–12 (10), 15–18 (14),
    # 19 端午, 22–26 (19), 29 (20)
    assert due(case) == D(2026, 6, 29)


def test_an_order_to_perform_against_inaction() -> None:
    case = in_processing()  # due 30 March, never answered
    case.file_reconsideration(D(2026, 4, 8))
    with pytest.raises(EventRefusedError, match="no reply or ending to replace"):
        case.decide_reconsideration(
            D(2026, 5, 20), result=RemedyResult.CORRECTED, order=RemedyOrder.NEW_REPLY
        )
    case.decide_reconsideration(
        D(2026, 5, 20), result=RemedyResult.CORRECTED, order=RemedyOrder.PERFORM, order_days=10
    )
    assert case.state is S.PROCESSING
    # 10 working days after 20 May: 21–22 (2), 25–29 (7), June 1–3 (10)
    assert due(case) == D(2026, 6, 3)
    case.reply(D(2026, 6, 2), outcome=DISCLOSED)
    assert case.concluded == (D(2026, 6, 2), DISCLOSED)


def test_a_reopened_case_counts_once_in_the_annual_report() -> None:
    from disclosure_flow.reports import annual_report, record_from_case

    case = in_processing().reply(D(2026, 3, 20), outcome=WITHHELD).deliver(D(2026, 3, 23))
    case.file_reconsideration(D(2026, 4, 1))
    case.decide_reconsideration(
        D(2026, 5, 29), result=RemedyResult.CORRECTED, order=RemedyOrder.NEW_REPLY
    )
    case.reply(D(2026, 6, 10), outcome=DISCLOSED)
    record = record_from_case(case)
    assert (record.concluded, record.row) == (D(2026, 3, 20), WITHHELD.row)
    report = annual_report([record], year=2026)
    assert report.count("一") == 1
    assert report.count(WITHHELD.row) == 1
    assert report.count(DISCLOSED.row) == 0


def test_a_suit_when_the_reconsideration_body_lets_its_time_pass() -> None:
    # 行政复议法(2023) Art. 62: 60 days to decide; then a suit within 15 days (行政诉讼法 Art. 45)
    case = in_processing().reply(D(2026, 3, 20), outcome=WITHHELD).deliver(D(2026, 3, 23))
    case.archive(D(2026, 3, 24)).file_reconsideration(D(2026, 4, 1))  # limit: 31 May
    assert windows(case) == {
        "litigation_after_reconsideration": (D(2026, 6, 15), "行政诉讼法 Art. 45")
    }
    with pytest.raises(EventRefusedError, match="may still be decided until 2026-05-31"):
        case.file_litigation(D(2026, 5, 29), route=LitigationRoute.AFTER_RECONSIDERATION)
    case.file_litigation(D(2026, 6, 2), route=LitigationRoute.AFTER_RECONSIDERATION)
    assert case.state is S.IN_PROCEEDING
    # the late decision, then the judgment: the file rests when both are decided
    case.decide_reconsideration(D(2026, 6, 20), result=RemedyResult.UPHELD)
    assert state_of(case) is S.IN_PROCEEDING
    case.decide_litigation(D(2026, 10, 9), result=RemedyResult.UPHELD)
    assert state_of(case) is S.ARCHIVED
    assert [p.decided for p in case.proceedings] == [D(2026, 6, 20), D(2026, 10, 9)]


def test_a_proceeding_the_law_does_not_admit_is_recorded_with_a_finding_when_asked() -> None:
    recording = attrs.evolve(R2019_POLICY, name="记录", late_acts=LateActs.RECORD)
    case = in_processing(policy=recording).reply(D(2026, 3, 20), outcome=WITHHELD)
    case.deliver(D(2026, 3, 23)).file_litigation(D(2026, 4, 1), route=LitigationRoute.DIRECT)
    (finding,) = case.findings()
    assert finding.rule is FindingRule.PROCEEDING_NOT_ADMITTED
    assert finding.article == "行政复议法(2023) Art. 23 ¶1(4)"
    assert (
        finding.describe()
        == "依法不予受理的复议或诉讼：2026-04-01 提出（行政复议法(2023) Art. 23 ¶1(4)）"
    )
    restored = Case.from_dict(case.to_dict(), calendar=CALENDAR, policies=[recording])
    assert restored.findings() == (finding,)
