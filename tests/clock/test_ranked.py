"""The clock's fast path (:mod:`disclosure_flow.clock.ranked`) agrees with its general
path (:mod:`disclosure_flow.clock.general`): same deadline, or it declines."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_flow import (
    DisclosureFlowError,
    WorkdayCalendar,
)
from disclosure_flow.clock import (
    R2019,
    ClockEvent,
    Deadline,
    DelayedDeadline,
    Extension,
    Policy,
    Reply,
    compute,
    counting,
    general,
    ranked,
)
from disclosure_flow.errors import ProvisionalAnswerError
from tests.clock.test_deadline import (
    CAL,
    NATIONAL_DAY_0,
    PROVISIONAL,
    RECORD,
    D,
    cases,
    deadline,
    fast_day0s,
    fast_policies,
    messy_events,
    policies,
)


def _general(
    day0: dt.date, events: tuple[ClockEvent, ...], policy: Policy, calendar: WorkdayCalendar
) -> Deadline:
    """compute_deadline without its fast path."""
    try:
        return general._compute(day0, events, policy, calendar, "", counting._Plain(calendar))
    except ProvisionalAnswerError:
        return general._compute(day0, events, policy, calendar, "", counting._Results(calendar))


@settings(max_examples=1500, deadline=None)
@given(fast_day0s, st.data(), fast_policies, st.sampled_from([CAL, PROVISIONAL]))
def test_fast_path_agrees_with_the_general_path(
    day0: dt.date, data: st.DataObject, policy: Policy, calendar: WorkdayCalendar
) -> None:
    events = data.draw(messy_events(day0))
    try:
        ordered = compute._ordered(day0, events)
    except DisclosureFlowError:
        return
    fast = ranked._compute_ranked(day0, ordered, policy, calendar, "")
    try:
        general = _general(day0, ordered, policy, calendar)
    except DisclosureFlowError:
        # The general path refuses (cap, late act, coverage): the fast one declined.
        assert fast is None
        return
    if fast is not None:
        assert fast == general
        assert fast.calendar is general.calendar
        assert all(a is b for a, b in zip(fast.extensions, general.extensions, strict=True))
        assert fast.steps() == general.steps()


@settings(max_examples=300, deadline=None)
@given(cases(), policies)
def test_fast_path_takes_the_common_case(
    case: tuple[dt.date, list[ClockEvent]], policy: Policy
) -> None:
    day0, events = case
    ordered = compute._ordered(day0, [*events, Extension(5, "负责人", day0)])
    fast = ranked._compute_ranked(day0, ordered, policy, CAL, "")
    assert fast is not None
    assert fast == _general(day0, ordered, policy, CAL)


def test_fast_path_declines_what_it_does_not_decide() -> None:
    day0 = NATIONAL_DAY_0
    late = (Extension(10, "负责人", D(2026, 12, 1)),)
    over_cap = (Extension(10, "负责人", day0), Extension(11, "负责人", day0))
    delayed = (DelayedDeadline(D(2026, 12, 1), D(2026, 10, 9)),)
    late_reply = (Reply(D(2026, 12, 1)),)
    for events in (late, over_cap, delayed, late_reply):
        assert ranked._compute_ranked(day0, events, RECORD, CAL, "") is None
    # Days in an estimated year: the general path marks the answer provisional.
    assert ranked._compute_ranked(D(2026, 12, 20), (), R2019, PROVISIONAL, "") is None
    assert deadline(D(2026, 12, 20), calendar=PROVISIONAL).provisional
