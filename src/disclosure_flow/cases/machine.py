"""The process-wide ``transitions`` machine (状态机), built from the lifecycle definition.

One flat ``Machine(model=None, initial=None, auto_transitions=False, send_event=True)``
for every case, never ``add_model``; the guards and routing predicates of
:mod:`~disclosure_flow.cases.guards` become its conditions. A case applies an event
through the compiled table of :mod:`~disclosure_flow.cases.dispatch`, or through
``MACHINE.events[event].trigger(case, pending=...)`` — the same graph.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

from transitions import Machine, MachineError

from disclosure_flow.cases.definition import Definition, Refusal
from disclosure_flow.cases.guards import GUARDS, ROUTES, _allowed_list
from disclosure_flow.cases.states import CaseState

if TYPE_CHECKING:
    from disclosure_flow.cases.case import Case
    from disclosure_flow.cases.facts import _Pending
from disclosure_flow.cases.lifecycle import DEFINITION
from disclosure_flow.errors import Wording

__all__ = ["MACHINE", "Guard", "GuardFailed", "Route", "build_machine"]


#: A guard or routing predicate: ``(case, pending_event) -> Refusal | None`` for a
#: guard, ``-> bool`` for a routing predicate.
Guard = Callable[[Any, Any], "Refusal | None"]
Route = Callable[[Any, Any], bool]


class GuardFailed(Exception):  # noqa: N818 - internal signal, never escapes the library
    """Raised inside a ``transitions`` condition to carry a guard's :class:`Refusal`."""

    def __init__(self, guard: str, refusal: Refusal) -> None:
        super().__init__(guard, refusal)
        self.guard = guard
        self.refusal = refusal


def _route_condition(name: str, route: Route) -> Callable[[Any], bool]:
    def condition(event_data: Any) -> bool:
        return route(event_data.model, event_data.kwargs["pending"])

    condition.__name__ = f"route_{name}"
    condition.route = route  # type: ignore[attr-defined]  # read back by compile_table
    return condition


def _guard_condition(name: str, guard: Guard) -> Callable[[Any], bool]:
    def condition(event_data: Any) -> bool:
        refusal = guard(event_data.model, event_data.kwargs["pending"])
        if refusal is not None:
            raise GuardFailed(name, refusal)
        return True

    condition.__name__ = f"guard_{name}"
    condition.guard = (name, guard)  # type: ignore[attr-defined]  # read back by compile_table
    return condition


def build_machine(
    definition: Definition,
    *,
    guards: Mapping[str, Guard],
    routes: Mapping[str, Route],
    model_attribute: str = "state",
) -> Machine:
    """The flat ``transitions`` machine for *definition*, to be shared by every case.

    It has no model (``model=None``) and no auto transitions; apply an event to a case
    with ``machine.events[event.value].trigger(case, pending=...)``. Routing
    predicates come first in each transition's conditions, then the guards; a failing
    guard raises :class:`GuardFailed`.

    Raises:
        DefinitionError: *definition* is invalid or names a guard that is missing.
    """
    definition.validate(guard_names=[*guards, *routes])
    machine = Machine(
        model=None,
        states=[s.state for s in definition.states],
        initial=None,
        auto_transitions=False,
        send_event=True,
        ignore_invalid_triggers=False,
        model_attribute=model_attribute,
    )
    for t in definition.transitions:
        conditions: list[str | Callable[..., bool | None]] = [
            _route_condition(n, routes[n]) for n in t.when
        ]
        conditions += [_guard_condition(n, guards[n]) for n in t.guards]
        machine.add_transition(
            t.event.value,
            t.source,
            None if t.dest is t.source else t.dest,
            conditions=conditions,
        )
    return machine


#: The process-wide ``transitions`` machine (one, flat, no model attached).
MACHINE: Final = build_machine(DEFINITION, guards=GUARDS, routes=ROUTES, model_attribute="_state")


def _route_by_machine(case: Case, pending: _Pending) -> CaseState | Refusal:
    """The destination of *pending* as ``transitions``' own ``trigger()`` finds it, or
    the refusal: the general path that :mod:`~disclosure_flow.cases.dispatch` mirrors.
    The case's state is left as it was (the caller commits)."""
    state = case._state
    try:
        done = MACHINE.events[pending.event.value].trigger(case, pending=pending)
    except GuardFailed as failed:
        return failed.refusal
    except MachineError:
        return Refusal(
            Wording("not allowed in this state", "当前状态下不允许"), _allowed_list(state)
        )
    finally:
        dest, case._state = case._state, state
    if not done:
        return Refusal(
            Wording("no branch of the lifecycle applies", "生命周期中没有适用的分支"),
            Wording("see the lifecycle definition", "见生命周期定义"),
        )
    return dest
