"""One application, several items (一件申请多项内容, SPEC §12): each item answered in one
reply, items withdrawn one by one, and the annual report's counting rule."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_flow import EventRefusedError, InvalidValueError
from disclosure_flow.cases import (
    Case,
    Channel,
    DeliveryMethod,
    InformationRequest,
    Outcome,
    OutcomeKind,
    OutcomeReason,
    ProvisionForm,
    ReportRow,
    combine_outcomes,
)
from disclosure_flow.clock import R2019, ItemCounting
from disclosure_flow.reports import annual_report, records_from_case
from tests.cases.test_lifecycle import APPLICANT, CALENDAR

D = dt.date
ITEMS = ("2025年部门预算", "2025年部门决算", "会议纪要")
DISCLOSED = Outcome(OutcomeKind.DISCLOSED, OutcomeReason.DISCLOSED)
NOT_HELD = Outcome(OutcomeKind.UNABLE_TO_PROVIDE, OutcomeReason.NOT_HELD)
PROCESS = Outcome(OutcomeKind.WITHHELD, OutcomeReason.PROCESS_INFORMATION)


def _case(**kwargs: object) -> Case:
    request = InformationRequest("三项信息", ProvisionForm.PAPER, DeliveryMethod.POST, items=ITEMS)
    case = Case.open(
        "2026-700",
        applicant=APPLICANT,
        request=request,
        channel=Channel.IN_PERSON,
        received=D(2026, 3, 2),
        calendar=CALENDAR,
        **kwargs,  # type: ignore[arg-type]
    )
    return case.start_review(D(2026, 3, 3)).start_processing(D(2026, 3, 4))


def test_each_item_gets_its_own_outcome_in_one_reply() -> None:
    case = _case()
    answers = [(ITEMS[0], DISCLOSED), (ITEMS[1], DISCLOSED), (ITEMS[2], PROCESS)]
    case.reply(D(2026, 3, 20), item_outcomes=answers)
    assert [s.outcome for s in case.items] == [DISCLOSED, DISCLOSED, PROCESS]
    # disclosed beside withheld: a 部分公开 of the withheld item, on its ground
    assert case.outcome == Outcome(
        OutcomeKind.PARTIALLY_DISCLOSED,
        withheld="会议纪要",
        withheld_grounds=(OutcomeReason.PROCESS_INFORMATION,),
    )
    restored = Case.from_dict(case.to_dict(), calendar=CALENDAR)
    assert restored.items == case.items
    assert restored.outcome == case.outcome


def test_items_are_withdrawn_one_by_one() -> None:
    case = _case().withdraw_item(D(2026, 3, 5), item=ITEMS[2])
    assert [s.withdrawn for s in case.items] == [None, None, D(2026, 3, 5)]
    with pytest.raises(EventRefusedError, match="no open item"):
        case.withdraw_item(D(2026, 3, 6), item=ITEMS[2])
    case.withdraw_item(D(2026, 3, 6), item=ITEMS[1])
    with pytest.raises(EventRefusedError, match="the last item"):
        case.withdraw_item(D(2026, 3, 7), item=ITEMS[0])
    with pytest.raises(EventRefusedError, match="each open item once"):
        case.reply(D(2026, 3, 20), item_outcomes=[(ITEMS[0], DISCLOSED), (ITEMS[1], DISCLOSED)])
    case.reply(D(2026, 3, 20), item_outcomes=[(ITEMS[0], DISCLOSED)])
    assert case.outcome == DISCLOSED


def test_a_reply_answers_as_the_application_asks() -> None:
    with pytest.raises(EventRefusedError, match="item by item"):
        _case().reply(D(2026, 3, 20), outcome=DISCLOSED)
    single = Case.open(
        "2026-701",
        applicant=APPLICANT,
        request=InformationRequest("一项", ProvisionForm.PAPER, DeliveryMethod.POST),
        channel=Channel.IN_PERSON,
        received=D(2026, 3, 2),
        calendar=CALENDAR,
    ).start_review(D(2026, 3, 3))
    with pytest.raises(EventRefusedError, match="one item"):
        single.reply(D(2026, 3, 20), item_outcomes=[("一项", DISCLOSED)])
    with pytest.raises(EventRefusedError, match="one item"):
        single.withdraw_item(D(2026, 3, 5), item="一项")
    with pytest.raises(InvalidValueError, match="two or more"):
        InformationRequest("x", ProvisionForm.PAPER, DeliveryMethod.POST, items=("x",))


def test_the_annual_report_counts_the_application_or_each_item() -> None:
    answers = [(ITEMS[0], DISCLOSED), (ITEMS[1], NOT_HELD), (ITEMS[2], PROCESS)]
    once = _case().reply(D(2026, 3, 20), item_outcomes=answers)
    (record,) = records_from_case(once)
    assert record.row is ReportRow.PARTIALLY_DISCLOSED
    per_item = attrs.evolve(R2019, name="一事一申请", item_counting=ItemCounting.ITEM)
    each = _case(policy=per_item).withdraw_item(D(2026, 3, 5), item=ITEMS[1])
    each.reply(D(2026, 3, 20), item_outcomes=[(ITEMS[0], DISCLOSED), (ITEMS[2], PROCESS)])
    records = records_from_case(each)
    assert [r.case_id for r in records] == ["2026-700/1", "2026-700/2", "2026-700/3"]
    assert [r.row for r in records] == [
        ReportRow.DISCLOSED,
        ReportRow.OTHER_OTHER,
        ReportRow.WITHHELD_PROCESS_INFORMATION,
    ]
    assert [r.concluded for r in records] == [D(2026, 3, 20), D(2026, 3, 5), D(2026, 3, 20)]
    report = annual_report(records, year=2026)
    assert report.count("一") == 3


def test_other_mixtures_count_under_the_first_kind_in_order() -> None:
    assert combine_outcomes(((ITEMS[0], NOT_HELD), (ITEMS[1], DISCLOSED))) == DISCLOSED
    assert combine_outcomes(((ITEMS[0], NOT_HELD), (ITEMS[1], PROCESS))) == PROCESS
    with pytest.raises(InvalidValueError):
        combine_outcomes(())


_OUTCOMES = st.sampled_from(
    [
        DISCLOSED,
        NOT_HELD,
        PROCESS,
        Outcome(OutcomeKind.WITHHELD, OutcomeReason.STATE_SECRET),
        Outcome(OutcomeKind.NOT_PROCESSED, OutcomeReason.EXCESSIVE),
        Outcome(
            OutcomeKind.PARTIALLY_DISCLOSED,
            withheld="个人信息",
            withheld_grounds=(OutcomeReason.THIRD_PARTY_RIGHTS,),
        ),
    ]
)


@given(st.lists(_OUTCOMES, min_size=1, max_size=5))
def test_combining_always_gives_a_lawful_outcome_of_the_items(outcomes: list[Outcome]) -> None:
    items = tuple((f"第{n}项", o) for n, o in enumerate(outcomes, start=1))
    combined = combine_outcomes(items)
    assert isinstance(combined, Outcome)
    if len(set(outcomes)) == 1:
        assert combined == outcomes[0]
    elif combined.kind is not OutcomeKind.PARTIALLY_DISCLOSED:
        assert combined in outcomes
