"""The public hypothesis strategies (``disclosure_flow.strategies``) generate values the
library accepts, and properties written with them hold."""

from __future__ import annotations

import datetime as dt
import json
import sys
import typing

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_flow import (
    R2008,
    R2019,
    Channel,
    Extension,
    LegalPeriod,
    Overlay,
    OverlayKind,
    OverlayScope,
    Pause,
    Policy,
    Reply,
    WorkdayCalendar,
    compute_deadline,
)
from disclosure_flow import strategies as dfs
from disclosure_flow.cases import Case, CaseState, Outcome
from disclosure_flow.clock import FindingRule
from disclosure_flow.reports import ReportRecord, annual_report, record_from_case, watchlist
from disclosure_flow.testing import default_calendar

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COVERAGE = default_calendar().coverage


@FAST
@given(dfs.covered_dates(room=30))
def test_covered_dates_leave_the_room_asked_for(day: dt.date) -> None:
    assert COVERAGE.first <= day <= COVERAGE.last - dt.timedelta(days=30)


@FAST
@given(dfs.covered_dates(first=dt.date(2026, 12, 1), last=dt.date(2030, 1, 1)))
def test_covered_dates_are_clipped_to_the_coverage(day: dt.date) -> None:
    assert dt.date(2026, 12, 1) <= day <= COVERAGE.last


@FAST
@given(dfs.overlays())
def test_overlays_are_local_test_data_one_entry_per_date(overlay: Overlay) -> None:
    assert overlay.scope is OverlayScope.LOCAL
    assert len({e.day for e in overlay.entries}) == len(overlay.entries)
    assert all("测试" in e.source for e in overlay.entries)


@FAST
@given(dfs.calendars())
def test_calendars_apply_their_overlays_in_order(calendar: WorkdayCalendar) -> None:
    assert calendar.coverage == COVERAGE
    last_word = {e.day: e.kind for o in calendar.overlays for e in o.entries}
    for day, kind in last_word.items():
        assert calendar.day_info(day).kind.is_workday is (kind is OverlayKind.WORKING_DAY)


@FAST
@given(dfs.policies())
def test_policies_are_valid_policies(policy: Policy) -> None:
    assert isinstance(policy, Policy)
    assert attrs.evolve(policy) == policy  # passes the validators again
    assert policy.reply_period.length >= 1


@FAST
@given(dfs.outcomes())
def test_outcomes_carry_their_required_details(outcome: Outcome) -> None:
    assert Outcome.from_dict(outcome.to_dict()) == outcome


@FAST
@given(dfs.clock_inputs(calendars=dfs.calendars(), policies=dfs.policies()))
def test_clock_inputs_are_accepted_by_the_clock(inputs: dfs.ClockInputs) -> None:
    deadline = inputs.deadline()  # the clock refuses what is not valid
    assert deadline.extended_by <= inputs.policy.extension_cap.length
    late_acts = [f for f in deadline.findings if f.rule is not FindingRule.REPLY_LATE]
    assert late_acts == []  # extensions and correction notices are generated in time
    if deadline.replied_on is not None and deadline.due is not None:
        status = deadline.status(deadline.replied_on)
        late = [f for f in deadline.findings if f.rule is FindingRule.REPLY_LATE]
        assert status.overdue is bool(late)


@FAST
@given(dfs.clock_inputs(policies=st.just(R2019)), st.integers(1, 10))
def test_a_longer_reply_period_never_brings_the_deadline_forward(
    inputs: dfs.ClockInputs, more: int
) -> None:
    """A policy simulation's property, written with the strategies."""
    longer = attrs.evolve(
        inputs.policy,
        reply_period=LegalPeriod.working_days(inputs.policy.reply_period.length + more, "模拟"),
    )
    base = inputs.deadline()
    other = compute_deadline(inputs.day0, inputs.events, policy=longer, calendar=inputs.calendar)
    if base.due is not None and other.due is not None:
        assert other.due > base.due
    assert (base.due is None) is (other.due is None)


@FAST
@given(dfs.clock_inputs(policies=st.just(R2019)))
def test_r2008_never_gives_more_time_than_r2019_without_extensions(
    inputs: dfs.ClockInputs,
) -> None:
    """Fewer working days and fewer excluded pauses: never a later deadline."""
    events = [e for e in inputs.events if not isinstance(e, Extension | Reply)]
    under_2019 = compute_deadline(inputs.day0, events, policy=R2019, calendar=inputs.calendar)
    under_2008 = compute_deadline(inputs.day0, events, policy=R2008, calendar=inputs.calendar)
    if under_2019.due is not None and under_2008.due is not None:
        assert under_2008.due <= under_2019.due
    running = any(isinstance(e, Pause) and e.end is None for e in events)
    if not running and under_2019.open_reason is None:
        assert under_2008.due is not None


@FAST
@given(dfs.cases())
def test_cases_are_lawful_and_round_trip(case: Case) -> None:
    days = [e.day for e in case.history]
    assert days == sorted(days)
    assert case.version == len(case.history) >= 1
    assert case.history[0].state_before is CaseState.NEW
    data = json.loads(json.dumps(case.to_dict()))
    restored = Case.from_dict(data, calendar=case.calendar)
    assert restored.to_dict() == case.to_dict()
    assert restored.deadline() == case.deadline()
    last = days[-1]
    watchlist([case], as_of=last)
    record = record_from_case(case)
    annual_report([record], year=last.year)


@FAST
@given(dfs.cases(policies=st.just(R2008), channels=st.just(Channel.INTERNET), max_events=4))
def test_cases_follow_the_options(case: Case) -> None:
    assert case.policy is R2008
    assert case.channel is Channel.INTERNET
    assert case.version <= 5


@settings(max_examples=25, deadline=None)
@given(st.lists(dfs.report_records(), max_size=30), st.integers(2019, 2027))
def test_report_records_always_balance(records: list[ReportRecord], year: int) -> None:
    report = annual_report(records, year=year)  # raises ReportInvariantError otherwise
    assert report.count("一") + report.count("二") == report.count("三.7") + report.count("四")
    for record in records:
        assert ReportRecord.from_dict(record.to_dict()) == record


def test_importing_without_hypothesis_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "disclosure_flow.strategies")
    with pytest.raises(ModuleNotFoundError, match=r"disclosure-flow\[hypothesis\]"):
        import disclosure_flow.strategies  # noqa: F401


def test_clock_inputs_type_hints_resolve() -> None:
    assert typing.get_type_hints(dfs.ClockInputs)["day0"] is dt.date
