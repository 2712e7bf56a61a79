"""The watchlist: every clock of every case, the fast path kept equal to the plain
definitions (Case.status, Case.sub_deadlines of the case as it stood), the groups."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st

from disclosure_flow import strategies as dfs
from disclosure_flow.cases import Case, CaseState, FeeMethod, SubDeadlineKind
from disclosure_flow.errors import ClockError, CoverageError, InvalidValueError
from disclosure_flow.reports import (
    Attention,
    ReplyClock,
    watch,
    watch_items,
    watchlist,
)
from disclosure_flow.testing import Scenario

D = dt.date
PROPERTY = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
_ENDED = {
    SubDeadlineKind.THIRD_PARTY_ANSWER: Attention.ANSWER_OVERDUE,
    SubDeadlineKind.INTER_AGENCY_ANSWER: Attention.ANSWER_OVERDUE,
    SubDeadlineKind.CORRECTION: Attention.CORRECTION_ENDED,
    SubDeadlineKind.FEE_PAYMENT: Attention.PAYMENT_ENDED,
}
_REMEDIES = {
    SubDeadlineKind.RECONSIDERATION,
    SubDeadlineKind.LITIGATION,
    SubDeadlineKind.LITIGATION_AFTER_RECONSIDERATION,
}


def _then(case: Case, as_of: D) -> Case | None:
    """The case as it stood at the end of *as_of*: its history replayed up to then."""
    kept = [e for e in case.to_dict()["events"] if D.fromisoformat(e["date"]) <= as_of]
    if not kept:
        return None
    data = {**case.to_dict(), "events": kept, "state": kept[-1]["after"], "version": len(kept)}
    return Case.from_dict(data, calendar=case.calendar, policies=(case.policy,))


def _plain(case: Case, as_of: D, within: int, stalled_after: int | None) -> dict[str, object]:
    """The watch item's content by the plain definitions (the general path)."""
    then = _then(case, as_of)
    if then is None:
        return {}
    state = then.state
    reasons: set[Attention] = set()
    deadline = case.deadline(as_of=as_of)
    status = None if deadline is None else case.status(as_of)
    if state.is_open and status is not None and deadline is not None and deadline.due:
        if status.overdue:
            reasons.add(Attention.OVERDUE)
        elif status.due_soon(within):
            reasons.add(Attention.DUE_SOON)
    periods = []
    for sub in then.sub_deadlines():
        if state.is_open and sub.kind in _ENDED and sub.due < as_of:
            reasons.add(_ENDED[sub.kind])
            periods.append((sub.kind, sub.due))
        if not state.is_open and sub.kind in _REMEDIES and sub.due >= as_of:
            reasons.add(Attention.REMEDY_OPEN)
            periods.append((sub.kind, sub.due))
    if not state.is_open and any(p.decided is None for p in then.proceedings):
        reasons.add(Attention.PROCEEDING_PENDING)
    last = then.history[-1].day
    idle = case.calendar.workdays_between(last, as_of)
    if state.is_open and stalled_after is not None and idle >= stalled_after:
        reasons.add(Attention.STALLED)
    if deadline is not None and deadline.findings:
        reasons.add(Attention.FINDINGS)
    if not reasons:
        return {}
    return {
        "state": state,
        "reasons": frozenset(reasons),
        "due": None if deadline is None else deadline.due,
        "status": status,
        "periods": periods,
        "last": last,
    }


@PROPERTY
@given(
    dfs.cases(),
    st.integers(-20, 160),
    st.integers(0, 8),
    st.one_of(st.none(), st.integers(0, 30)),
)
def test_the_fast_path_equals_the_plain_definitions(
    case: Case, offset: int, within: int, stalled_after: int | None
) -> None:
    as_of = case.history[-1].day + dt.timedelta(days=offset)
    history = ", ".join(f"{e.event.value} {e.day} {dict(e.payload)}" for e in case.history)
    note(f"as of {as_of}: {history}")
    try:
        expected = _plain(case, as_of, within, stalled_after)
    except (CoverageError, ClockError):  # beyond the data; or the clock refuses the case
        assume(False)
    item = watch(case, as_of=as_of, due_within=within, stalled_after=stalled_after)
    if not expected:
        assert item is None
        return
    assert item is not None
    assert Attention.UNCOVERED not in item.reasons
    got = {
        "state": item.state,
        "reasons": item.reasons,
        "due": item.due,
        "status": item.status,
        "periods": [(p.kind, p.due) for p in item.periods],
        "last": item.last_event,
    }
    assert got == expected


def test_a_stalled_consultation_is_listed() -> None:
    """A third party consulted in March and never answered: on 2 June its answer is 46
    working days overdue, and the case has had no event for 61 working days."""
    case = Scenario(received=D(2026, 3, 2)).consulted_third_party(D(2026, 3, 4)).case()
    deadline = case.deadline()
    assert deadline is not None
    assert deadline.due is None  # paused: never overdue
    board = watchlist([case], as_of=D(2026, 6, 2))
    assert board.overdue == ()
    assert board.due_soon == ()
    (item,) = board.answers_overdue
    assert item.reasons == {Attention.ANSWER_OVERDUE, Attention.STALLED}
    (period,) = item.periods
    assert (period.kind, period.due, period.overdue_by) == (
        SubDeadlineKind.THIRD_PARTY_ANSWER,
        D(2026, 3, 25),
        46,
    )
    assert board.stalled == (item,)
    assert item.idle == 61
    assert item.needs_action
    assert board.needs_action


def test_every_clock() -> None:
    as_of = D(2026, 11, 24)
    correction = (
        Scenario(received=D(2026, 10, 12), case_id="correction")
        .correction_requested(D(2026, 10, 14), due=D(2026, 11, 4))
        .case()
    )
    payment = Scenario(received=D(2026, 10, 12), case_id="payment").case()
    payment.start_review(D(2026, 10, 13)).start_processing(D(2026, 10, 14))
    payment.issue_fee_notice(D(2026, 10, 15), amount=200, method=FeeMethod.PER_VOLUME)
    delayed = Scenario(received=D(2026, 9, 28), case_id="delayed").case()
    delayed.start_review(D(2026, 9, 29)).start_processing(D(2026, 9, 30))
    delayed.request_reasons(D(2026, 10, 9)).set_delayed_deadline(
        D(2026, 10, 9), due=D(2026, 11, 20)
    )
    extended = (
        Scenario(received=D(2026, 10, 19), case_id="extended")
        .extended(10, on=D(2026, 11, 13))
        .case()
    )
    delivered = (
        Scenario(received=D(2026, 6, 1), case_id="delivered")
        .replied(D(2026, 6, 10))
        .delivered(D(2026, 6, 15))
        .case()
    )
    proceeding = (
        Scenario(received=D(2026, 6, 1), case_id="proceeding")
        .replied(D(2026, 6, 10))
        .delivered(D(2026, 6, 11))
        .reconsideration_filed(D(2026, 7, 1))
        .case()
    )
    board = watchlist([correction, payment, delayed, extended, delivered, proceeding], as_of=as_of)
    assert [i.case_id for i in board.periods_ended] == ["correction", "payment"]
    assert board.group(Attention.CORRECTION_ENDED)[0].case_id == "correction"
    assert board.group(Attention.PAYMENT_ENDED)[0].case_id == "payment"
    assert [(i.case_id, i.clock) for i in board.overdue] == [("delayed", ReplyClock.DELAYED)]
    assert [(i.case_id, i.clock) for i in board.due_soon] == [("extended", ReplyClock.EXTENDED)]
    assert [i.case_id for i in board.remedies_open] == ["delivered"]
    # 60 days for a reconsideration ran out in August; six months to sue, in December
    assert [(p.kind, p.due) for p in board.remedies_open[0].periods] == [
        (SubDeadlineKind.LITIGATION, D(2026, 12, 15))
    ]
    assert [i.case_id for i in board.proceedings_pending] == ["proceeding"]
    assert not board.remedies_open[0].needs_action
    assert {i.case_id for i in board.items} == {
        "correction",
        "payment",
        "delayed",
        "extended",
        "delivered",
        "proceeding",
    }
    data = board.overdue[0].to_dict("en")
    assert data["clock"] == "delayed"
    assert data["reasons"][0] == "overdue"


def test_a_rereply_deadline() -> None:
    from disclosure_flow.cases import RemedyOrder, RemedyResult

    case = (
        Scenario(received=D(2026, 3, 2), case_id="rereply")
        .replied(D(2026, 3, 10))
        .delivered(D(2026, 3, 11))
        .reconsideration_filed(D(2026, 4, 1))
        .case()
    )
    case.decide_reconsideration(
        D(2026, 5, 6), result=RemedyResult.CORRECTED, order=RemedyOrder.NEW_REPLY
    )
    (item,) = watchlist([case], as_of=D(2026, 6, 30)).overdue
    assert item.clock is ReplyClock.REREPLY
    assert item.state.is_open


def test_uncovered_deadlines_are_listed_not_raised() -> None:
    december = Scenario(received=D(2026, 12, 10), case_id="december").case()
    board = watchlist([december], as_of=D(2026, 12, 11))
    assert [i.case_id for i in board.uncovered] == ["december"]
    assert board.needs_action


def test_cases_registered_later_are_left_out_and_streaming_keeps_order() -> None:
    early = Scenario(received=D(2026, 3, 2), case_id="b").case()
    late = Scenario(received=D(2026, 5, 4), case_id="a").case()
    items = list(watch_items(iter([early, late]), as_of=D(2026, 4, 30)))
    assert [i.case_id for i in items] == ["b"]
    assert watch(late, as_of=D(2026, 4, 30)) is None


def test_arguments_are_checked() -> None:
    with pytest.raises(InvalidValueError):
        watchlist([], as_of=D(2026, 3, 1), stalled_after=-1)
    with pytest.raises(InvalidValueError):
        watch(Scenario(received=D(2026, 3, 2)).case(), as_of=D(2026, 3, 3), due_within=True)
    assert watchlist([], as_of=D(2026, 3, 1)).items == ()
    assert Attention.OVERDUE.label_zh == "已逾期未答复"
    assert not Attention.FINDINGS.needs_action
    assert CaseState.WAITING.is_open
