"""Fast path: ``MACHINE.events[event].trigger()`` (:mod:`~disclosure_flow.cases.machine`)
compiled into dict lookups. Kept equal to it by ``tests/cases/test_dispatch.py``.

:func:`compile_table` reads the machine's own transitions (not the definition), so the
table cannot drift from ``trigger()``. The replay tables walked by
:meth:`Case.from_dict <disclosure_flow.cases.Case.from_dict>` are the same branches
without the guards that depend on the calendar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

import attrs
from transitions import Machine

from disclosure_flow.cases.channels import Channel
from disclosure_flow.cases.definition import Refusal
from disclosure_flow.cases.facts import _FOLDS, _Facts, _Pending
from disclosure_flow.cases.guards import CALENDAR_GUARDS
from disclosure_flow.cases.machine import MACHINE, Guard, Route
from disclosure_flow.cases.payloads import _PAYLOAD
from disclosure_flow.cases.quick_restore import _QUICK, _QuickFields
from disclosure_flow.cases.states import CaseState, EventKind
from disclosure_flow.errors import Wording

if TYPE_CHECKING:
    from disclosure_flow.cases.case import Case

__all__ = ["Branch", "compile_table"]


@attrs.frozen
class Branch:
    """One compiled branch of the dispatch table.

    Attributes:
        dest: the state after the event.
        routes: routing predicates (all must hold for the branch to be taken).
        guards: ``(name, guard)`` pairs checked in order.
    """

    dest: CaseState
    routes: tuple[Route, ...]
    guards: tuple[tuple[str, Guard], ...]


def compile_table(machine: Machine) -> dict[tuple[CaseState, EventKind], tuple[Branch, ...]]:
    """A dispatch table ``(state, event) -> branches`` read from *machine*'s transitions.

    It is the same graph as the machine (compiled from ``machine.events``, not from the
    definition), so the fast path cannot drift from ``trigger()``; a differential test
    keeps them in agreement.
    """
    table: dict[tuple[CaseState, EventKind], tuple[Branch, ...]] = {}
    for name, event in machine.events.items():
        kind = EventKind(name)
        for source_name, transitions in event.transitions.items():
            source = CaseState[source_name]
            branches = []
            for t in transitions:
                routes: list[Route] = []
                guards: list[tuple[str, Guard]] = []
                for cond in t.conditions:
                    func: Any = cond.func
                    if hasattr(func, "route"):
                        routes.append(func.route)
                    else:
                        guards.append(func.guard)
                dest = source if t.dest is None else CaseState[t.dest]
                branches.append(Branch(dest, tuple(routes), tuple(guards)))
            if branches:
                table[(source, kind)] = tuple(branches)
    return table


_TABLE: Final = compile_table(MACHINE)
_ReplayEntry = tuple[
    EventKind,
    bool,
    _QuickFields,
    frozenset[str],
    "Callable[[_Facts, _Pending, Channel], None] | None",
    tuple[tuple[CaseState, str, tuple[Route, ...], tuple[Guard, ...]], ...],
]

#: The table used to replay a stored history, keyed by the stored strings
#: ``(state, event)``: the event, whether it needs a payload, its payload's quick
#: decoders and field names, its fold, and its branches as plain tuples
#: ``(dest, routes, guards)`` without the guards that depend on the calendar (see the
#: module docs). Compiled from the same machine as the apply table.
_REPLAY_TABLE: Final[dict[tuple[str, str], _ReplayEntry]] = {
    (state.value, kind.value): (
        kind,
        any(f.required for f in _PAYLOAD[kind]),
        tuple((f.name, f.required, *_QUICK[f.kind]) for f in _PAYLOAD[kind]),
        frozenset(f.name for f in _PAYLOAD[kind]),
        _FOLDS.get(kind),
        tuple(
            (
                b.dest,
                b.dest.value,
                b.routes,
                tuple(g for name, g in b.guards if name not in CALENDAR_GUARDS),
            )
            for b in branches
        ),
    )
    for (state, kind), branches in _TABLE.items()
}


_Branch = tuple[CaseState, str, tuple[Route, ...], tuple[Guard, ...], dict[str, Any]]
_Step = tuple[
    EventKind,
    bool,
    _QuickFields,
    frozenset[str],
    "Callable[[_Facts, _Pending, Channel], None] | None",
    tuple[_Branch, ...],
    "tuple[CaseState, str, tuple[Guard, ...], dict[str, Any]] | None",
]


def _replay_steps() -> dict[str, dict[str, _Step]]:
    """:data:`_REPLAY_TABLE` as one step table per state value, keyed by event value.

    Each step links to the step table of each destination (no tuple key is built per
    event), and a step with one branch and no routing predicate names its destination
    at once (``single``: the branch's guards still run).
    """
    by_state: dict[str, dict[str, _Step]] = {s.value: {} for s in CaseState}
    for (state_value, event_value), entry in _REPLAY_TABLE.items():
        kind, needs_payload, quick_fields, names, fold, branches = entry
        linked = tuple(
            (dest, dest_value, routes, guards, by_state[dest_value])
            for dest, dest_value, routes, guards in branches
        )
        single = None
        if len(linked) == 1 and not linked[0][2]:
            dest, dest_value, _routes, guards, following = linked[0]
            single = (dest, dest_value, guards, following)
        by_state[state_value][event_value] = (
            kind,
            needs_payload,
            quick_fields,
            names,
            fold,
            linked,
            single,
        )
    return by_state


#: The replay table as linked per-state step tables (see :func:`_replay_steps`).
_REPLAY_STEPS: Final = _replay_steps()


def _route(branches: tuple[Branch, ...], case: Case, p: _Pending) -> CaseState | Refusal:
    """The destination of *p*, or the first guard's refusal."""
    for branch in branches:
        if all(route(case, p) for route in branch.routes):
            for _name, guard in branch.guards:
                refusal = guard(case, p)
                if refusal is not None:
                    return refusal
            return branch.dest
    return Refusal(
        Wording("no branch of the lifecycle applies", "生命周期中没有适用的分支"),
        Wording("see the lifecycle definition", "见生命周期定义"),
    )
