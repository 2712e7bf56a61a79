"""The shape of a lifecycle definition (流程定义) and its validation.

A :class:`Definition` is plain data — states with their roles, events, transitions
naming their guards — checked when it is built (:meth:`Definition.validate`): exactly
one initial state, every state reachable, no transition out of a final state, no trap
state, no unknown guard, no shadowed branch.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from disclosure_flow.cases.states import CaseState, EventKind
from disclosure_flow.errors import DefinitionError, Text, Wording

__all__ = ["Definition", "EventSpec", "Refusal", "StateRole", "StateSpec", "TransitionSpec"]


class StateRole(enum.Enum):
    """Where a state sits in the graph.

    Members:
        INITIAL: the one state a case starts in.
        INTERMEDIATE: any state with a way onwards.
        CLOSED: at rest (归档): the work is done, but a later act of law (a remedy filed
            in time) may re-open it.
        FINAL: no event may follow (终结).
    """

    INITIAL = "initial"
    INTERMEDIATE = "intermediate"
    CLOSED = "closed"
    FINAL = "final"


@attrs.frozen
class StateSpec:
    """One state of the definition.

    Attributes:
        state: the state.
        label_zh: its Chinese label.
        role: initial, intermediate or final.
    """

    state: CaseState
    label_zh: str
    role: StateRole = StateRole.INTERMEDIATE


@attrs.frozen
class EventSpec:
    """One event of the definition.

    Attributes:
        event: the event.
        label_zh: its Chinese label.
        article: the legal source (e.g. ``"Art. 30"``), or ``""``.
    """

    event: EventKind
    label_zh: str
    article: str = ""


@attrs.frozen
class TransitionSpec:
    """One edge: *event* in *source* leads to *dest* (``dest == source``: an event
    recorded inside the state, e.g. an extension).

    Attributes:
        event: the event.
        source: the state it is allowed in.
        dest: the state after it.
        when: names of routing predicates that choose this branch among several for
            the same event and source (all must hold); an empty tuple always matches.
        guards: names of legal guards (checked in order once the branch is chosen);
            a failing guard refuses the event with its reason.
    """

    event: EventKind
    source: CaseState
    dest: CaseState
    when: tuple[str, ...] = ()
    guards: tuple[str, ...] = ()


@attrs.frozen
class Refusal:
    """Why a guard refuses an event (拒绝理由).

    Attributes:
        reason: what is wrong, with the value.
        allowed: what would be allowed instead.
        late: for an act that came after its period (SPEC §10): the rule with its
            article, the last allowed day, and the working days late; else ``None``.
    """

    reason: Text
    allowed: Text
    late: tuple[Text, Any, int] | None = None

    @classmethod
    def dated_before(
        cls, key: str, value: _dt.date, act_day: _dt.date, act_en: str, act_zh: str
    ) -> Refusal:
        """The refusal of a date *key* given as *value*, before the day of the act it
        belongs to (*act_en* / *act_zh*: e.g. "the dispatch" / "送达发出之日"): allowed on
        or after *act_day*."""
        return cls(
            Wording(
                f"{key}={value.isoformat()} is before {act_en}",
                f"{key}={value.isoformat()} 早于{act_zh}",
            ),
            Wording(f"on or after {act_day.isoformat()}", f"{act_day.isoformat()} 或之后"),
        )


@attrs.frozen
class Definition:
    """A lifecycle graph as plain data (流程定义).

    Attributes:
        states: the states, each once.
        events: the events, each once.
        transitions: the edges, in priority order (for one event and source, the
            first branch whose ``when`` predicates hold is taken).
    """

    states: tuple[StateSpec, ...]
    events: tuple[EventSpec, ...]
    transitions: tuple[TransitionSpec, ...]
    _state_index: dict[CaseState, StateSpec] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(dict)
    )
    _event_index: dict[EventKind, EventSpec] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(dict)
    )

    def __attrs_post_init__(self) -> None:
        self._state_index.update({s.state: s for s in self.states})
        self._event_index.update({e.event: e for e in self.events})

    @property
    def initial(self) -> CaseState:
        """The initial state (the first state marked :attr:`StateRole.INITIAL`)."""
        for spec in self.states:
            if spec.role is StateRole.INITIAL:
                return spec.state
        raise DefinitionError(
            "initial",
            (),
            Wording("exactly one state with role INITIAL", "恰好一个角色为 INITIAL 的状态"),
        )

    @property
    def final_states(self) -> frozenset[CaseState]:
        """The final states (终结状态)."""
        return frozenset(s.state for s in self.states if s.role is StateRole.FINAL)

    @property
    def resting_states(self) -> frozenset[CaseState]:
        """The states a case can come to rest in: closed (归档) or final."""
        return frozenset(
            s.state for s in self.states if s.role in (StateRole.CLOSED, StateRole.FINAL)
        )

    def state(self, state: CaseState) -> StateSpec:
        """The spec of *state*."""
        return self._state_index[state]

    def event(self, event: EventKind) -> EventSpec:
        """The spec of *event*."""
        return self._event_index[event]

    def branches(self, event: EventKind, source: CaseState) -> tuple[TransitionSpec, ...]:
        """The transitions for *event* in *source*, in priority order."""
        return tuple(t for t in self.transitions if t.event is event and t.source is source)

    def allowed_events(self, source: CaseState) -> frozenset[EventKind]:
        """The events the graph allows in *source* (guards may still refuse them)."""
        return frozenset(t.event for t in self.transitions if t.source is source)

    def successors(self, source: CaseState) -> frozenset[CaseState]:
        """The states reachable from *source* in one event."""
        return frozenset(t.dest for t in self.transitions if t.source is source)

    def validate(self, *, guard_names: Iterable[str] | None = None) -> Definition:
        """Check the graph, and return it.

        Args:
            guard_names: the guard and predicate names that exist; ``None`` skips
                that check.

        Raises:
            DefinitionError: naming the rule that failed and the offending states.
        """
        names = [s.state for s in self.states]
        if len(set(names)) != len(names) or len({e.event for e in self.events}) != len(self.events):
            raise DefinitionError(
                "names",
                names,
                Wording("each state and each event defined once", "每个状态、每个事件只定义一次"),
            )
        known_states = set(names)
        known_events = {e.event for e in self.events}
        for t in self.transitions:
            if t.source not in known_states or t.dest not in known_states:
                raise DefinitionError(
                    "names",
                    t,
                    Wording(
                        f"states among {sorted(s.value for s in names)}",
                        f"以下状态之一：{sorted(s.value for s in names)}",
                    ),
                )
            if t.event not in known_events:
                raise DefinitionError(
                    "names", t, Wording("an event defined in the definition", "定义中已有的事件")
                )
        initials = [s.state for s in self.states if s.role is StateRole.INITIAL]
        if len(initials) != 1:
            raise DefinitionError(
                "initial",
                tuple(s.value for s in initials),
                Wording("exactly one INITIAL state", "恰好一个 INITIAL 状态"),
            )
        finals = self.final_states
        resting = self.resting_states
        if not resting:
            raise DefinitionError(
                "final",
                (),
                Wording("at least one CLOSED or FINAL state", "至少一个 CLOSED 或 FINAL 状态"),
            )
        leaving = sorted({t.source.value for t in self.transitions if t.source in finals})
        if leaving:
            raise DefinitionError(
                "final",
                tuple(leaving),
                Wording("no transition out of a final state", "终结状态不能再有转换"),
            )
        seen = _reach(initials[0], self.successors)
        unreachable = sorted(s.value for s in known_states - seen)
        if unreachable:
            raise DefinitionError(
                "reachable",
                tuple(unreachable),
                Wording(
                    f"every state reachable from {initials[0].value}",
                    f"每个状态都能从 {initials[0].value} 到达",
                ),
            )
        traps = sorted(
            s.value for s in known_states - resting if not (_reach(s, self.successors) & resting)
        )
        if traps:
            raise DefinitionError(
                "trap",
                tuple(traps),
                Wording(
                    "every state can still reach a CLOSED or FINAL state",
                    "每个状态都仍能到达 CLOSED 或 FINAL 状态",
                ),
            )
        for t in self.transitions:
            branches = self.branches(t.event, t.source)
            for earlier in branches[: branches.index(t)]:
                if not earlier.when:
                    raise DefinitionError(
                        "branches",
                        (t.event.value, t.source.value, t.dest.value),
                        Wording(
                            "a branch after an unconditional one is never taken: give the "
                            "earlier branch a 'when' predicate",
                            "无条件分支之后的分支永远不会被选中：请给前面的分支加上 'when' 条件",
                        ),
                    )
        if guard_names is not None:
            available = set(guard_names)
            missing = sorted(
                {n for t in self.transitions for n in (*t.when, *t.guards)} - available
            )
            if missing:
                raise DefinitionError(
                    "guards",
                    tuple(missing),
                    Wording("names of implemented guards", "已实现的检查（guard）名称"),
                )
        return self


def _reach(
    start: CaseState, successors: Callable[[CaseState], frozenset[CaseState]]
) -> set[CaseState]:
    seen = {start}
    todo = deque([start])
    while todo:
        for nxt in successors(todo.popleft()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen
