"""A deadline's status on the rank table (:mod:`disclosure_flow.clock.ranked_status`)
agrees with the general status (``_status`` in :mod:`disclosure_flow.clock.deadline`):
the same status, or it declines; and the builders the fast paths use build what the
constructors build."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_flow import DisclosureFlowError, WorkdayCalendar
from disclosure_flow.clock import (
    R2019,
    ClockEvent,
    Deadline,
    DeadlineStatus,
    Extension,
    Pause,
    PauseReason,
    Policy,
    Reply,
    compute,
    ranked_status,
)
from disclosure_flow.clock import (
    deadline as deadline_module,
)
from disclosure_flow.clock import events as clock_events
from tests.clock.test_deadline import (
    CAL,
    NATIONAL_DAY_0,
    PROVISIONAL,
    D,
    cases,
    fast_day0s,
    fast_policies,
    messy_events,
    policies,
)
from tests.clock.test_ranked import _general

ROOT = Path(__file__).resolve().parents[2]


def _deadline(
    day0: dt.date, events: list[ClockEvent], policy: Policy, calendar: WorkdayCalendar
) -> Deadline | None:
    try:
        return compute.compute_deadline(day0, events, policy=policy, calendar=calendar)
    except DisclosureFlowError:
        return None


def _agree(deadline: Deadline, as_of: dt.date) -> DeadlineStatus | None:
    """The fast status of *deadline* on *as_of* checked against the general one; the
    status, or ``None`` if the fast path declined."""
    status = ranked_status._ranked_status(deadline, as_of, deadline_module._new_status)
    try:
        general = deadline_module._general_status(deadline, as_of)
    except DisclosureFlowError:
        # The general path refuses (before the last event, coverage): the fast one declined.
        assert status is None
        return None
    if status is None:
        return None
    assert type(status) is DeadlineStatus
    assert status == general
    for a in attrs.fields(DeadlineStatus):
        assert type(getattr(status, a.name)) is type(getattr(general, a.name))
    assert deadline.status(as_of) == general
    return status


@settings(max_examples=1500, deadline=None)
@given(
    fast_day0s,
    st.data(),
    fast_policies,
    st.sampled_from([CAL, PROVISIONAL]),
    st.integers(-10, 150),
)
def test_fast_status_agrees_with_the_general_status(
    day0: dt.date,
    data: st.DataObject,
    policy: Policy,
    calendar: WorkdayCalendar,
    offset: int,
) -> None:
    deadline = _deadline(day0, data.draw(messy_events(day0)), policy, calendar)
    if deadline is None:
        return
    last = max(
        [deadline.received]
        + [e.end for e in deadline.events if isinstance(e, Pause) and e.end is not None]
        + [clock_events._KEY[type(e)](e) for e in deadline.events]
    )
    try:
        as_of = last + dt.timedelta(days=offset)
    except OverflowError:
        return
    _agree(deadline, as_of)
    # The same deadline from the general path: its counting is worked out on first use.
    general = _general(day0, deadline.events, policy, calendar)
    assert general == deadline
    _agree(general, as_of)


@settings(max_examples=600, deadline=None)
@given(fast_day0s, st.data(), fast_policies, st.sampled_from([CAL, PROVISIONAL]))
def test_the_fast_path_hands_over_the_counting_status_would_work_out(
    day0: dt.date, data: st.DataObject, policy: Policy, calendar: WorkdayCalendar
) -> None:
    events = data.draw(messy_events(day0))
    deadline = _deadline(day0, events, policy, calendar)
    if deadline is None:
        return
    try:
        handed = deadline._counting
    except AttributeError:  # the general path built it: nothing handed over
        return
    assert handed is not None
    assert handed == ranked_status._ranked_counting(attrs.evolve(deadline))


@settings(max_examples=300, deadline=None)
@given(cases(), policies, st.integers(0, 90))
def test_fast_status_takes_the_common_case(
    case: tuple[dt.date, list[ClockEvent]], policy: Policy, offset: int
) -> None:
    day0, events = case
    deadline = compute.compute_deadline(day0, events, policy=policy, calendar=CAL)
    last = max([day0, *(e.end for e in events if isinstance(e, Pause) and e.end is not None)])
    # Inside the final data (past it, or on a year-end day pending the next notice, the
    # general path decides).
    as_of = min(last + dt.timedelta(days=offset), CAL.coverage.last)
    assert _agree(deadline, as_of) is not None


def test_fast_status_declines_what_it_does_not_decide() -> None:
    d = compute.compute_deadline(
        NATIONAL_DAY_0,
        [Pause(D(2026, 10, 12), D(2026, 10, 20), PauseReason.THIRD_PARTY)],
        policy=R2019,
        calendar=CAL,
    )
    # Before the last event: the general path raises ClockError.
    assert ranked_status._ranked_status(d, D(2026, 10, 19), deadline_module._new_status) is None
    # Beyond the data: a CoverageError.
    assert ranked_status._ranked_status(d, D(2027, 3, 1), deadline_module._new_status) is None
    # Estimated days: the general path marks the status provisional.
    p = compute.compute_deadline(D(2026, 12, 1), [], policy=R2019, calendar=PROVISIONAL)
    assert ranked_status._ranked_status(p, D(2027, 1, 5), deadline_module._new_status) is None
    assert p.status(D(2027, 1, 5)).provisional


def test_a_status_is_the_same_after_evolve_copy_and_pickle() -> None:
    import copy
    import pickle

    d = compute.compute_deadline(
        NATIONAL_DAY_0,
        [
            Pause(D(2026, 10, 12), D(2026, 10, 20), PauseReason.THIRD_PARTY),
            Extension(10, "负责人", D(2026, 10, 26)),
            Reply(D(2026, 11, 24)),
        ],
        policy=R2019,
        calendar=CAL,
    )
    expected = d.status(D(2026, 12, 1))
    for other in (attrs.evolve(d), copy.copy(d), copy.deepcopy(d), pickle.loads(pickle.dumps(d))):
        assert other == d
        assert other.status(D(2026, 12, 1)) == expected


# -- the builders the fast paths use ------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(fast_day0s, st.data(), fast_policies)
def test_trusted_builders_build_what_the_constructors_build(
    day0: dt.date, data: st.DataObject, policy: Policy
) -> None:
    deadline = _deadline(day0, data.draw(messy_events(day0)), policy, CAL)
    if deadline is None:
        return
    values = [getattr(deadline, a.name) for a in attrs.fields(Deadline)]
    built = deadline_module._new_deadline(*values)
    expected = Deadline(*values)
    assert type(built) is Deadline
    assert built == expected
    names = [a.name for a in attrs.fields(Deadline)]
    assert all(getattr(built, n) is v for n, v in zip(names, values, strict=True))
    assert repr(built) == repr(expected)
    fields = (day0, 1, 2, 3, 4, True, False, True)
    status = deadline_module._new_status(*fields)
    assert type(status) is DeadlineStatus
    assert status == DeadlineStatus(*fields)
    assert repr(status) == repr(DeadlineStatus(*fields))


def test_the_builders_name_every_field_in_order() -> None:
    assert tuple(a.name for a in attrs.fields(Deadline)) == deadline_module._DEADLINE_FIELDS
    assert tuple(a.name for a in attrs.fields(DeadlineStatus)) == deadline_module._STATUS_FIELDS


def test_the_fast_path_names_what_it_mirrors_and_this_test() -> None:
    source = (ROOT / "src/disclosure_flow/clock/ranked_status.py").read_text(encoding="utf-8")
    head = " ".join((ast.get_docstring(ast.parse(source)) or "").split("\n\n")[0].split())
    assert head.startswith("Fast path:")
    assert "``_status``" in head
    assert "Kept equal to it by ``tests/clock/test_ranked_status.py``" in head
