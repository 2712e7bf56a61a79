"""The compiled dispatch (:mod:`disclosure_flow.cases.dispatch`) and ``transitions``' own
``trigger()`` (:mod:`disclosure_flow.cases.machine`) agree on every event: accepted or
refused, with the same error type and reason, and the same state and history."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from disclosure_flow.cases import Dispatch
from tests.cases.test_case_properties import _SETTINGS, _apply, _draw_steps
from tests.cases.test_lifecycle import new_case


@_SETTINGS
@given(st.data())
def test_table_and_machine_agree(data: st.DataObject) -> None:
    sequence = _draw_steps(data, new_case(), data.draw(st.integers(1, 20)))
    fast = new_case()
    slow = new_case()
    for event, day, payload in sequence:
        a = _apply(fast, event, day, payload, Dispatch.TABLE)
        b = _apply(slow, event, day, payload, Dispatch.MACHINE)
        assert type(a) is type(b)
        if a is not None and b is not None:
            assert (a.reason, a.allowed) == (b.reason, b.allowed)
        assert fast.state is slow.state
        assert fast.history == slow.history
