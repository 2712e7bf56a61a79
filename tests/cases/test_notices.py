"""Notices the law requires, and the details of a reply (SPEC §12).

A notice that is missing or late is a finding, not a refusal (the act happened): the
extension told to the applicant (Art. 33 ¶2), the Art. 35 deadline, a disclosure over a
third party's objection told to it in writing (Art. 32), a receipt confirmed on the day
the application arrived (Art. 31). A reply records the form of provision and why it
differs from the one asked for (Art. 40); a partial disclosure may withhold what is not
government information (Art. 37).
"""

from __future__ import annotations

import datetime as dt

import pytest

from disclosure_flow import EventRefusedError, InvalidValueError
from disclosure_flow.cases import (
    Case,
    Channel,
    ConsultationAnswer,
    ConsultedParty,
    Outcome,
    OutcomeKind,
    OutcomeReason,
    ProvisionForm,
)
from disclosure_flow.clock import FindingRule
from tests.cases.test_lifecycle import APPLICANT, CALENDAR, DISCLOSED, REQUEST, new_case

D = dt.date


def _processing(channel: Channel = Channel.IN_PERSON) -> Case:
    return new_case(channel).start_review(D(2026, 3, 3)).start_processing(D(2026, 3, 4))


def rules(case: Case) -> list[FindingRule]:
    return [f.rule for f in case.findings()]


def test_an_extension_needs_its_notice_by_the_deadline_it_extends() -> None:
    silent = _processing().extend(D(2026, 3, 20), days=5, approver="李主任")
    (finding,) = silent.findings()
    assert finding.rule is FindingRule.EXTENSION_NOT_NOTIFIED
    assert (
        finding.describe()
        == "未告知申请人延长答复期限：2026-03-20 作出，未记录告知（条例(2019) Art. 33 ¶2）"
    )
    told = _processing().extend(D(2026, 3, 20), days=5, approver="李主任", notified=D(2026, 3, 23))
    assert told.findings() == ()
    late = _processing().extend(D(2026, 3, 20), days=5, approver="李主任", notified=D(2026, 4, 1))
    (finding,) = late.findings()  # the deadline it extended was 30 March
    assert (finding.rule, finding.due, finding.late_by) == (
        FindingRule.EXTENSION_NOTICE_LATE,
        D(2026, 3, 30),
        2,
    )
    with pytest.raises(EventRefusedError, match="before the act"):
        _processing().extend(D(2026, 3, 20), days=5, approver="李主任", notified=D(2026, 3, 19))


def test_an_art_35_deadline_needs_its_notice() -> None:
    case = _processing().request_reasons(D(2026, 3, 5))
    case.set_delayed_deadline(D(2026, 3, 9), due=D(2026, 6, 30))
    assert rules(case) == [FindingRule.DELAYED_DEADLINE_NOT_NOTIFIED]
    told = _processing().request_reasons(D(2026, 3, 5))
    told.set_delayed_deadline(D(2026, 3, 9), due=D(2026, 6, 30), notified=D(2026, 3, 9))
    assert told.findings() == ()


def test_a_disclosure_over_an_objection_is_told_to_the_third_party() -> None:
    def objected() -> Case:
        case = _processing().consult(
            D(2026, 3, 5), party=ConsultedParty.THIRD_PARTY, consultee="甲"
        )
        return case.receive_consultation_answer(
            D(2026, 3, 10), consultee="甲", answer=ConsultationAnswer.OBJECTION, reasons="商业秘密"
        )

    silent = objected().reply(D(2026, 3, 20), outcome=DISCLOSED)
    assert rules(silent) == [FindingRule.OVERRIDE_NOT_NOTIFIED]
    told = objected().reply(D(2026, 3, 20), outcome=DISCLOSED, override_notified=D(2026, 3, 18))
    assert told.findings() == ()
    # withholding on the third party's rights respects the objection: nothing to tell
    partial = Outcome(
        OutcomeKind.PARTIALLY_DISCLOSED,
        withheld="合同报价部分",
        withheld_grounds=(OutcomeReason.THIRD_PARTY_RIGHTS,),
    )
    assert objected().reply(D(2026, 3, 20), outcome=partial).findings() == ()


def test_a_receipt_is_confirmed_on_the_day_the_letter_arrives() -> None:
    # 2 March (Monday) the letter arrives; confirmed the same day: in time
    prompt = new_case(Channel.ORDINARY_LETTER).confirm_receipt(D(2026, 3, 2))
    assert prompt.findings() == ()
    late = new_case(Channel.ORDINARY_LETTER).confirm_receipt(D(2026, 3, 4))
    (finding,) = late.findings()
    assert (finding.rule, finding.due, finding.acted, finding.late_by) == (
        FindingRule.RECEIPT_CONFIRMATION_LATE,
        D(2026, 3, 2),
        D(2026, 3, 4),
        2,
    )
    weekend = Case.open(
        "W",
        applicant=APPLICANT,
        request=REQUEST,
        channel=Channel.ORDINARY_LETTER,
        received=D(2026, 3, 7),  # Saturday
        calendar=CALENDAR,
    )
    assert weekend.confirm_receipt(D(2026, 3, 9)).findings() == ()  # Monday: in time


def test_another_form_of_provision_needs_its_reason() -> None:
    # REQUEST asks for paper
    with pytest.raises(EventRefusedError, match=r"Art\. 40"):
        _processing().reply(D(2026, 3, 20), outcome=DISCLOSED, provided_form=ProvisionForm.OTHER)
    case = _processing().reply(
        D(2026, 3, 20),
        outcome=DISCLOSED,
        provided_form=ProvisionForm.OTHER,
        form_reason="图纸原件易损，安排查阅",
    )
    assert case.reply_record is not None
    assert case.reply_record.provided_form is ProvisionForm.OTHER
    assert Case.from_dict(case.to_dict(), calendar=CALENDAR).reply_record == case.reply_record
    same = _processing().reply(D(2026, 3, 20), outcome=DISCLOSED, provided_form=ProvisionForm.PAPER)
    assert same.findings() == ()


def test_a_partial_disclosure_may_withhold_what_is_not_government_information() -> None:
    partial = Outcome(
        OutcomeKind.PARTIALLY_DISCLOSED, withheld="个人笔记部分", not_government_information=True
    )
    assert Outcome.from_dict(partial.to_dict()) == partial
    case = _processing().reply(D(2026, 3, 20), outcome=partial)
    assert Case.from_dict(case.to_dict(), calendar=CALENDAR).outcome == partial
    with pytest.raises(InvalidValueError, match="not_government_information"):
        Outcome(OutcomeKind.PARTIALLY_DISCLOSED, withheld="某部分")
    with pytest.raises(InvalidValueError):
        Outcome(OutcomeKind.DISCLOSED, OutcomeReason.DISCLOSED, not_government_information=True)


def test_a_receipt_cannot_come_before_the_dispatch() -> None:
    case = _processing().reply(D(2026, 3, 20), outcome=DISCLOSED)
    with pytest.raises(EventRefusedError, match="before the dispatch"):
        case.deliver(D(2026, 3, 23), received=D(2026, 3, 22))
