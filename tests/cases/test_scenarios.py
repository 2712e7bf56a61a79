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
    FeeMethod,
    LitigationRoute,
    Outcome,
    OutcomeKind,
    OutcomeReason,
    RemedyKind,
    RemedyResult,
)
from disclosure_flow.clock import R2008, OpenReason
from tests.cases.test_lifecycle import APPLICANT, CALENDAR, DISCLOSED, REQUEST, new_case

D = dt.date
S = CaseState


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
    assert case.allowed_events() == frozenset()


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
    assert case.state is S.CONSULTING  # 乙局 has not answered
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
    case = in_processing(policy=R2008)
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
    case = in_processing(policy=R2008).request_reasons(D(2026, 3, 6))
    with pytest.raises(EventRefusedError, match="R2008"):
        case.set_delayed_deadline(D(2026, 3, 10), due=D(2026, 5, 29))


# -- fees ---------------------------------------------------------------------------------------


def test_fee_lapse() -> None:
    case = in_processing()
    case.issue_fee_notice(D(2026, 3, 5), amount=3000, method=FeeMethod.PER_ITEM)
    assert case.state is S.AWAITING_PAYMENT
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
    with pytest.raises(EventRefusedError, match="final"):
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
    assert in_processing(policy=strict).policy is strict
