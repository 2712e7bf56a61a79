"""The stored form of a case (案件的存储形式): :meth:`Case.to_dict
<disclosure_flow.cases.case.Case.to_dict>`'s events, and :meth:`Case.from_dict
<disclosure_flow.cases.case.Case.from_dict>`'s validation and fast replay.

The schema tag, the encoding of one history entry, the replay that checks every stored
event against the lifecycle and the law (keeping the history as compact rows), and the
rows' expansion into :class:`~disclosure_flow.cases.CaseEvent` values on first read.
The quick readers it tries first are in :mod:`~disclosure_flow.cases.quick_restore`.

A restored case holds no reference cycle. A host that restores many cases and keeps
them can pause the garbage collector during the load (``gc.disable()`` … ``gc.enable()``,
and ``gc.freeze()`` after it if they stay): the collector then does not walk the cases
kept so far again and again (the API reference, *Restoring many cases at once*).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from disclosure_flow import _fields
from disclosure_flow.cases.applicants import (
    Applicant,
)
from disclosure_flow.cases.channels import (
    Channel,
    InformationRequest,
)
from disclosure_flow.cases.dispatch import _REPLAY_STEPS
from disclosure_flow.cases.facts import _Facts, _Pending
from disclosure_flow.cases.guards import _allowed_list
from disclosure_flow.cases.lifecycle import DEFINITION
from disclosure_flow.cases.payloads import _DAY_CACHE, _PAYLOAD, _encode, _read_day, _read_payload
from disclosure_flow.cases.quick_restore import _quick_applicant, _quick_payload, _quick_request
from disclosure_flow.cases.states import CaseState, EventKind
from disclosure_flow.cases.values import _EMPTY, CaseEvent, _text
from disclosure_flow.clock import R2008, R2019, Policy, PolicyDates, policy_in_force
from disclosure_flow.errors import InvalidValueError, SerializationError, Wording, show_value
from disclosure_flow.workdays import WorkdayCalendar

if TYPE_CHECKING:
    from disclosure_flow.cases.case import Case

#: The schema tag written by :meth:`Case.to_dict` and required by :meth:`Case.from_dict`.
SCHEMA: Final = "disclosure_flow.case/2"
#: Earlier schema tags :meth:`Case.from_dict` still reads, through a migration.
SCHEMA_V1: Final = "disclosure_flow.case/1"
#: Version 1's waiting states, one state in version 2 (the waits are facts now).
_V1_STATES: Final = {"consulting": "waiting", "awaiting_payment": "waiting"}


def _migrate_v1(data: Mapping[str, Any]) -> dict[str, Any]:
    """A version-1 stored case as version 2 writes it.

    Version 1 had a state for each wait (``consulting``, ``awaiting_payment``); version 2
    has one, ``waiting``, with the waits as facts. Every version-1 history is a history
    of version 2 under that renaming, so the migration renames and the replay checks.
    """
    out = dict(data)
    out["schema"] = SCHEMA
    # Version 1 did not check that a policy was in force on day 0: a case stored with
    # other rules was a simulation, and is read as one.
    events = data.get("events")
    first = events[0] if isinstance(events, list) and events else None
    name = data.get("policy")
    policy = _DEFAULT_BY_NAME.get(name) if isinstance(name, str) else None
    day = first.get("date") if isinstance(first, dict) else None
    if policy is not None and isinstance(day, str):
        try:
            received = _dt.date.fromisoformat(day)
        except ValueError:
            received = None
        if received is not None and not policy.in_force_on(received):
            out["policy_dates"] = PolicyDates.ANY.value
    out["state"] = _V1_STATES.get(data["state"], data["state"])
    events = data["events"]
    if isinstance(events, list):
        migrated: list[Any] = []
        for event in events:
            if isinstance(event, dict):
                event = dict(event)
                for key in ("before", "after"):
                    value = event.get(key)
                    if isinstance(value, str):
                        event[key] = _V1_STATES.get(value, value)
            migrated.append(event)
        out["events"] = migrated
    return out


#: The policies a stored policy name may refer to, unless the host names others.
_DEFAULT_POLICIES: Final = (R2019, R2008)
#: The initial state and its value (read for every case restored).
_INITIAL: Final = DEFINITION.initial
_INITIAL_VALUE: Final = _INITIAL.value

#: A restored event, compact until the history is first read: ``(event, day,
#: state_after, payload)``, plus ``(actor, note)`` when either was recorded. The state
#: before and the version follow from the row's place in the list. A row the replay
#: writes names its event and state by their values and leaves an empty payload
#: ``None``: a row of strings, dates and ``None`` is one the garbage collector stops
#: tracking, so that many restored cases kept in memory cost it little; a row the case
#: appends later holds the members themselves. :func:`_materialise` reads both.
_Row = tuple[Any, ...]


def _event_to_dict(e: CaseEvent) -> dict[str, Any]:
    out: dict[str, Any] = {
        "event": e.event.value,
        "date": e.day.isoformat(),
        "before": e.state_before.value,
        "after": e.state_after.value,
        "version": e.version,
    }
    if e.payload:
        out["payload"] = {
            f.name: _encode(f.kind, e.payload[f.name])
            for f in _PAYLOAD[e.event]
            if f.name in e.payload
        }
    if e.actor is not None:
        out["actor"] = e.actor
    if e.note is not None:
        out["note"] = e.note
    return out


_CASE_OPTIONAL = frozenset({"policy_dates"})
_CASE_KEYS = frozenset(
    {"schema", "id", "policy", "channel", "applicant", "request", "state", "version", "events"}
)
_EVENT_REQUIRED = frozenset({"event", "date", "before", "after", "version"})
_EVENT_OPTIONAL = frozenset({"payload", "actor", "note"})
_EVENT_KEYS = _EVENT_REQUIRED | _EVENT_OPTIONAL
_STATE_BY_VALUE = {s.value: s for s in CaseState}
_EVENT_BY_VALUE = {e.value: e for e in EventKind}


_DEFAULT_BY_NAME: Final = {p.name: p for p in _DEFAULT_POLICIES}


def _restore(
    cls: type[Case],
    data: Mapping[str, Any],
    calendar: WorkdayCalendar,
    policies: Iterable[Policy],
    *,
    exact: bool,
) -> Case:
    """The case of *data*, replayed; *exact*: *cls* is :class:`Case` itself (not a
    subclass), so its ``__init__`` may be skipped."""
    if not _fields.is_record(data, _CASE_KEYS, _CASE_KEYS):
        data = _fields.read_mapping(data, "case")
        _fields.check_keys(data, "case", _CASE_KEYS, _CASE_OPTIONAL)
    if data["schema"] != SCHEMA:
        if data["schema"] != SCHEMA_V1:
            raise SerializationError(
                "case.schema",
                data["schema"],
                Wording(
                    f"{show_value(SCHEMA)} (or {show_value(SCHEMA_V1)}, migrated)",
                    f"{show_value(SCHEMA)}（或 {show_value(SCHEMA_V1)}，会自动迁移）",
                ),
            )
        data = _migrate_v1(data)
    # Policies are frozen and their names fixed: the default tuple's index is built once.
    by_name = _DEFAULT_BY_NAME if policies is _DEFAULT_POLICIES else {p.name: p for p in policies}
    policy = by_name.get(data["policy"]) if isinstance(data["policy"], str) else None
    if policy is None:
        raise SerializationError(
            "case.policy", data["policy"], Wording.one_of(show_value(n) for n in by_name)
        )
    channel = _fields.read_enum(data, "channel", "case", Channel)
    try:
        case_id = _fields.read_text(data, "id", "case")
        applicant = _quick_applicant(data["applicant"])
        if applicant is None:
            applicant = Applicant.from_dict(data["applicant"], path="case.applicant")
        request = _quick_request(data["request"])
        if request is None:
            request = InformationRequest.from_dict(data["request"], path="case.request")
        if exact and isinstance(policy, Policy) and isinstance(calendar, WorkdayCalendar):
            # All that Case.__init__ checks holds already: the id is a non-empty str, and
            # the applicant, request and channel were just read as such.
            case = cls.__new__(cls)
            case._id = case_id
            case._applicant = applicant
            case._request = request
            case._channel = channel
            case._policy = policy
            case._calendar = calendar
            case._state = _INITIAL
            case._history = []
            case._log = None
            case._facts = _Facts()
        else:
            case = cls(
                case_id,
                applicant=applicant,
                request=request,
                channel=channel,
                policy=policy,
                calendar=calendar,
            )
    except InvalidValueError as error:
        raise SerializationError(
            f"case.{error.field}", error.value, error.allowed, personal=error.personal
        ) from None
    events = data["events"]
    if not isinstance(events, list) or not events:
        raise SerializationError(
            "case.events", events, Wording("a non-empty list of events", "非空的事件列表")
        )
    facts = case._facts
    state = case._state
    log: list[_Row] = []
    last_day = _dt.date.min
    # Keys are the stored strings: their hashes are cached, unlike enum members'; and
    # ``dest.value`` is read from the table (an enum's ``.value`` is a slow descriptor).
    event_by_value, day_cache = _EVENT_BY_VALUE, _DAY_CACHE
    allowed_keys, n_required = _EVENT_KEYS, len(_EVENT_REQUIRED)
    append = log.append
    state_value: str = _INITIAL_VALUE if state is _INITIAL else state.value
    steps = _REPLAY_STEPS[state_value]
    # One pending event, refilled for each event: guards, routes and folds read it and
    # keep none of it (they copy the values they record).
    pending = _Pending(EventKind.REGISTER, last_day, _EMPTY)
    payload: Mapping[str, Any]
    for version, raw in enumerate(events, 1):
        # A dict whose required keys are all found has all of them; with as many keys
        # as required, it has no other (the test ``raw.keys() == required``, cheaper).
        try:
            if type(raw) is not dict:
                raise KeyError
            n_keys = len(raw)
            name = raw["event"]
            text = raw["date"]
            before = raw["before"]
            after = raw["after"]
            stored_version = raw["version"]
            if n_keys != n_required and not raw.keys() <= allowed_keys:
                raise KeyError
        except KeyError:
            path = f"case.events[{version - 1}]"
            raw = _fields.read_mapping(raw, path)
            _fields.check_keys(raw, path, _EVENT_REQUIRED, _EVENT_OPTIONAL)
            n_keys = len(raw)
            name = raw["event"]
            text = raw["date"]
            before = raw["before"]
            after = raw["after"]
            stored_version = raw["version"]
        step = steps.get(name) if type(name) is str else None
        if step is None:
            if type(name) is not str or name not in event_by_value:
                raise SerializationError(
                    _at(version, "event"),
                    name,
                    Wording("an EventKind value", "EventKind 事件的取值"),
                )
            raise SerializationError(
                _at(version, "event"),
                name,
                Wording(
                    f"an event allowed in {state_value}: {_allowed_list(state)}",
                    f"状态 {state_value} 下允许的事件：{Wording.of(_allowed_list(state)).zh}",
                ),
            )
        kind, needs_payload, quick_fields, payload_names, fold, branches, single = step
        day = day_cache.get(text) if type(text) is str else None
        if day is None:
            day = _read_day(text, _at(version, "date"))
        if day < last_day:
            raise SerializationError(
                _at(version, "date"), text, Wording(f"on or after {last_day}", f"{last_day} 或之后")
            )
        if before != state_value:
            raise SerializationError(_at(version, "before"), before, show_value(state_value))
        if stored_version != version or type(stored_version) is not int:
            raise SerializationError(_at(version, "version"), stored_version, str(version))
        if n_keys == n_required:  # no payload, actor or note
            payload = (
                _read_payload(kind, None, _at(version, "payload")) if needs_payload else _EMPTY
            )
            actor = note = None
        else:
            raw_payload = raw.get("payload")
            if raw_payload is not None or needs_payload:
                quick = _quick_payload(quick_fields, payload_names, raw_payload)
                if quick is None:
                    quick = _read_payload(kind, raw_payload, _at(version, "payload"))
                payload = quick or _EMPTY
            else:
                payload = _EMPTY
            if n_keys == n_required + 1 and raw_payload is not None:  # no actor or note
                actor = note = None
            else:
                actor = raw.get("actor")
                if actor is not None and not _text(actor):
                    raise SerializationError(
                        _at(version, "actor"),
                        actor,
                        Wording("null or a non-empty string", "null 或非空字符串"),
                    )
                note = raw.get("note")
                if note is not None and not _text(note):
                    raise SerializationError(
                        _at(version, "note"),
                        note,
                        Wording("null or a non-empty string", "null 或非空字符串"),
                    )
        pending.event, pending.day, pending.payload = kind, day, payload
        if single is not None:  # one branch, no routing: its guards decide
            dest, dest_value, guards, next_steps = single
        else:
            for branch in branches:
                for route in branch[2]:
                    if not route(case, pending):
                        break
                else:
                    dest, dest_value, _routes, guards, next_steps = branch
                    break
            else:
                raise SerializationError(_at(version, "after"), after, show_value(None))
        for guard in guards:
            refusal = guard(case, pending)
            if refusal is not None:
                raise SerializationError(
                    f"case.events[{version - 1}]",
                    name,
                    Wording(
                        f"an event the law allows ({refusal.reason})",
                        f"法律允许的事件（{Wording.of(refusal.reason).zh}）",
                    ),
                )
        if after != dest_value:
            raise SerializationError(_at(version, "after"), after, show_value(dest_value))
        if fold is not None:
            fold(facts, pending, channel)
        stored = payload or None
        if actor is None and note is None:
            append((name, day, dest_value, stored))
        else:
            append((name, day, dest_value, stored, actor, note))
        state = dest
        state_value = dest_value
        steps = next_steps
        # After an order to reply anew, nothing is done before the agency received it.
        last_day = day if facts.reopened is None else max(day, facts.reopened.start)
    if data["state"] != state_value:
        raise SerializationError("case.state", data["state"], show_value(state_value))
    if data["version"] != len(log) or type(data["version"]) is not int:
        raise SerializationError("case.version", data["version"], str(len(log)))
    # Validated in full: only now does the case take its state and history.
    case._state = state
    case._history = None
    case._log = log
    dates = data.get("policy_dates")
    if dates is None:
        received = facts.received
        if received is not None and not policy.in_force_on(received):
            raise SerializationError(
                "case.policy",
                policy.name,
                Wording(
                    f"the rules in force on {received.isoformat()} "
                    f"({policy_in_force(received).name}), or policy_dates='any' for a simulation",
                    f"{received.isoformat()} 施行的规定"
                    f"（{policy_in_force(received).name}），或模拟时用 policy_dates='any'",
                ),
            )
    elif dates != PolicyDates.ANY.value:
        raise SerializationError(
            "case.policy_dates", dates, Wording("'any', or no key", "'any'，或不写此键")
        )
    return case


def _materialise(log: list[_Row]) -> list[CaseEvent]:
    """The CaseEvent objects of compact rows (states before and versions follow from
    the order; payloads become read-only views)."""
    history: list[CaseEvent] = []
    before = _INITIAL
    event_by_value, state_by_value = _EVENT_BY_VALUE, _STATE_BY_VALUE
    for version, row in enumerate(log, 1):
        kind = row[0]
        if type(kind) is str:
            kind = event_by_value[kind]
        after = row[2]
        if type(after) is str:
            after = state_by_value[after]
        payload = row[3]
        history.append(
            CaseEvent(
                kind,
                row[1],
                before,
                after,
                version,
                MappingProxyType(payload) if payload else _EMPTY,
                *row[4:],
            )
        )
        before = after
    return history


def _at(version: int, key: str) -> str:
    return f"case.events[{version - 1}].{key}"
