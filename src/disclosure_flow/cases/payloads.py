"""Event particulars (事项内容): what each event carries, checked on apply and on restore.

The fields of each event's payload (e.g. ``days`` and ``approver`` of an extension),
their checks and JSON encoding, and the general readers that restore them with errors
that name the path (with the day and outcome caches that the quick decoders of
:mod:`~disclosure_flow.cases.quick_restore` read too).
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from disclosure_flow import _fields
from disclosure_flow.cases.channels import DeliveryMethod, ProvisionForm
from disclosure_flow.cases.fees import FeeMethod
from disclosure_flow.cases.outcomes import Outcome
from disclosure_flow.cases.states import CaseState, EventKind
from disclosure_flow.cases.values import (
    ConsultationAnswer,
    ConsultedParty,
    LitigationRoute,
    RemedyOrder,
    RemedyResult,
)
from disclosure_flow.dates import check_date, stored_date
from disclosure_flow.errors import EventRefusedError, SerializationError, Wording, show_value


class _Kind(enum.Enum):
    TEXT = "text"
    INT = "int"
    BOOL = "bool"
    DATE = "date"
    PARTY = "party"
    ANSWER = "answer"
    RESULT = "result"
    ORDER = "order"
    ROUTE = "route"
    OUTCOME = "outcome"
    DELIVERY = "delivery"
    FORM = "form"
    ITEMS = "item_outcomes"
    FEE_METHOD = "fee_method"


@attrs.frozen
class _Field:
    name: str
    kind: _Kind
    required: bool = True


#: A decision's order to the agency: what (``order``), within how many working days
#: (``order_days``; else the policy's reply period), counted from the day the agency
#: received the decision (``order_received``; else the decision's day).
_ORDER_FIELDS = (
    _Field("order", _Kind.ORDER, required=False),
    _Field("order_days", _Kind.INT, required=False),
    _Field("order_received", _Kind.DATE, required=False),
)
_PAYLOAD: dict[EventKind, tuple[_Field, ...]] = dict.fromkeys(EventKind, ())
_PAYLOAD.update(
    {
        EventKind.NOTIFY_CORRECTION: (_Field("items", _Kind.TEXT), _Field("due", _Kind.DATE)),
        EventKind.CONSULT: (
            _Field("party", _Kind.PARTY),
            _Field("consultee", _Kind.TEXT),
            _Field("letter_received", _Kind.DATE, required=False),
        ),
        EventKind.RECEIVE_CONSULTATION_ANSWER: (
            _Field("consultee", _Kind.TEXT),
            _Field("answer", _Kind.ANSWER),
            _Field("reasons", _Kind.TEXT, required=False),
        ),
        EventKind.WITHDRAW_ITEM: (_Field("item", _Kind.TEXT),),
        EventKind.EXTEND: (
            _Field("days", _Kind.INT),
            _Field("approver", _Kind.TEXT),
            _Field("notified", _Kind.DATE, required=False),
        ),
        EventKind.SET_DELAYED_DEADLINE: (
            _Field("due", _Kind.DATE),
            _Field("notified", _Kind.DATE, required=False),
        ),
        EventKind.ISSUE_FEE_NOTICE: (
            _Field("amount", _Kind.INT),
            _Field("method", _Kind.FEE_METHOD),
            _Field("notice_received", _Kind.DATE, required=False),
        ),
        EventKind.REPLY: (
            # required unless item_outcomes give it (guard "outcome_given")
            _Field("outcome", _Kind.OUTCOME, required=False),
            _Field("item_outcomes", _Kind.ITEMS, required=False),
            _Field("remedies_stated", _Kind.BOOL, required=False),
            _Field("provided_form", _Kind.FORM, required=False),
            _Field("form_reason", _Kind.TEXT, required=False),
            _Field("override_notified", _Kind.DATE, required=False),
        ),
        EventKind.DELIVER: (
            _Field("method", _Kind.DELIVERY, required=False),
            _Field("received", _Kind.DATE, required=False),
        ),
        EventKind.DECIDE_RECONSIDERATION: (
            _Field("result", _Kind.RESULT),
            _Field("received", _Kind.DATE, required=False),
            *_ORDER_FIELDS,
        ),
        EventKind.FILE_LITIGATION: (_Field("route", _Kind.ROUTE),),
        EventKind.DECIDE_LITIGATION: (_Field("result", _Kind.RESULT), *_ORDER_FIELDS),
    }
)

_ENUMS: dict[_Kind, type[enum.Enum]] = {
    _Kind.PARTY: ConsultedParty,
    _Kind.ANSWER: ConsultationAnswer,
    _Kind.RESULT: RemedyResult,
    _Kind.ORDER: RemedyOrder,
    _Kind.ROUTE: LitigationRoute,
    _Kind.DELIVERY: DeliveryMethod,
    _Kind.FORM: ProvisionForm,
    _Kind.FEE_METHOD: FeeMethod,
}
_ENUM_BY_VALUE: dict[_Kind, dict[str, enum.Enum]] = {
    k: {m.value: m for m in cls} for k, cls in _ENUMS.items()
}


def _check_value(kind: _Kind, value: object) -> Wording | None:
    """``None`` if *value* fits *kind*, else what is allowed."""
    if kind is _Kind.TEXT:
        return None if isinstance(value, str) else Wording("a str", "字符串")
    if kind is _Kind.INT:
        return None if type(value) is int else Wording("an int", "整数")
    if kind is _Kind.BOOL:
        return None if type(value) is bool else Wording("True or False", "True 或 False")
    if kind is _Kind.DATE:
        return None  # checked by check_date, which raises InvalidDateError
    if kind is _Kind.OUTCOME:
        return None if isinstance(value, Outcome) else Wording("an Outcome", "Outcome 处理结果")
    if kind is _Kind.ITEMS:
        pairs = isinstance(value, tuple | list) and all(
            isinstance(x, tuple | list)
            and len(x) == 2
            and isinstance(x[0], str)
            and isinstance(x[1], Outcome)
            for x in value
        )
        if pairs and value:
            return None
        return Wording("(item, Outcome) pairs, one per item", "（事项, Outcome）对，每项一对")
    cls = _ENUMS[kind]
    if isinstance(value, cls):
        return None
    listed = [repr(m.value) for m in cls]
    return Wording(
        f"a {cls.__name__} or its value, one of " + ", ".join(listed),
        f"{cls.__name__} 或其取值，以下之一：" + "、".join(listed),
    )


def _encode(kind: _Kind, value: Any) -> Any:
    if kind is _Kind.DATE:
        return value.isoformat()
    if kind is _Kind.OUTCOME:
        return value.to_dict()
    if kind is _Kind.ITEMS:
        return [{"item": item, "outcome": outcome.to_dict()} for item, outcome in value]
    if kind in _ENUMS:
        return value.value
    return value


#: Stored date strings already read (only strings :func:`stored_date` accepted).
_DAY_CACHE: dict[str, _dt.date] = {}


def _read_day(value: object, path: str) -> _dt.date:
    if type(value) is str:
        day = _DAY_CACHE.get(value)
        if day is not None:
            return day
        day = stored_date(value)
        if day is not None:
            if len(_DAY_CACHE) < 100_000:
                _DAY_CACHE[value] = day
            return day
    raise SerializationError(
        path, value, Wording("an ISO date string 'YYYY-MM-DD'", "ISO 日期字符串 'YYYY-MM-DD'")
    )


_OUTCOME_CACHE: dict[tuple[Any, ...], Outcome] = {}


def _outcome_key(value: Any) -> tuple[Any, ...] | None:
    """The memo key of a stored outcome, or ``None`` if it is not exactly what
    :meth:`Outcome.to_dict` writes: a dict with the outcome's keys, ``kind`` and
    ``reason`` present, every text a plain ``str`` or ``None``, the grounds a list of
    plain ``str`` (then only :meth:`Outcome.from_dict` can say more).

    Equal keys must mean values that :meth:`Outcome.from_dict` reads alike, so that
    whether a value is accepted never depends on what was read before: a tuple of
    grounds, a ``str`` subclass or a ``None`` where a list belongs gets no key.
    """
    if type(value) is not dict or not _OUTCOME_REQUIRED <= value.keys() <= _OUTCOME_KEYS:
        return None
    if "not_government_information" in value:  # rare: Outcome.from_dict reads it
        return None
    get = value.get
    kind, reason = get("kind"), get("reason")
    withheld, agency, note = get("withheld"), get("competent_agency"), get("note")
    if type(kind) is not str or type(reason) is not str:
        return None
    for text in (withheld, agency, note):
        if text is not None and type(text) is not str:
            return None
    grounds = get("withheld_grounds", _NO_GROUNDS)
    if type(grounds) is not list:
        return None
    for ground in grounds:
        if type(ground) is not str:
            return None
    return (kind, reason, withheld, tuple(grounds), agency, note)


def _read_outcome(value: Any, path: str) -> Outcome:
    """:meth:`Outcome.from_dict`, memoised: outcomes are frozen and few distinct ones
    occur, so equal dicts share one value (restoring many cases stays fast)."""
    key = _outcome_key(value)
    found = None if key is None else _OUTCOME_CACHE.get(key)
    if found is None:
        found = Outcome.from_dict(value, path=path)
        if key is not None and len(_OUTCOME_CACHE) < 10_000:
            _OUTCOME_CACHE[key] = found
    return found


_OUTCOME_REQUIRED = frozenset({"kind", "reason"})
_OUTCOME_KEYS = frozenset(
    {
        "kind",
        "reason",
        "withheld",
        "withheld_grounds",
        "not_government_information",
        "competent_agency",
        "note",
    }
)
#: What an absent ``withheld_grounds`` reads as (:meth:`Outcome.from_dict`: none).
_NO_GROUNDS: list[str] = []


def _read_text(value: Any, path: str) -> str:
    if type(value) is not str:
        raise SerializationError(path, value, Wording("a string", "字符串"))
    return value


def _read_items(value: Any, path: str) -> tuple[tuple[str, Outcome], ...]:
    if type(value) is not list or not value:
        raise SerializationError(
            path,
            value,
            Wording("a list of {item, outcome}, one per item", "{item, outcome} 的列表，每项一条"),
        )
    pairs = []
    for i, entry in enumerate(value):
        where = f"{path}[{i}]"
        if type(entry) is not dict or entry.keys() != {"item", "outcome"}:
            raise SerializationError(where, entry, Wording("{item, outcome}", "{item, outcome}"))
        pairs.append(
            (
                _read_text(entry["item"], f"{where}.item"),
                _read_outcome(entry["outcome"], f"{where}.outcome"),
            )
        )
    return tuple(pairs)


def _read_bool(value: Any, path: str) -> bool:
    if type(value) is not bool:
        raise SerializationError(path, value, Wording("true or false", "true 或 false"))
    return value


def _read_int(value: Any, path: str) -> int:
    if type(value) is not int:
        raise SerializationError(path, value, Wording("an integer", "整数"))
    return value


def _enum_reader(kind: _Kind) -> Callable[[Any, str], Any]:
    by_value = _ENUM_BY_VALUE[kind]
    allowed = Wording.one_of(show_value(v) for v in by_value)

    def read(value: Any, path: str) -> Any:
        member = by_value.get(value) if type(value) is str else None
        if member is None:
            raise SerializationError(path, value, allowed)
        return member

    return read


_READERS: dict[_Kind, Callable[[Any, str], Any]] = {
    _Kind.DATE: _read_day,
    _Kind.TEXT: _read_text,
    _Kind.INT: _read_int,
    _Kind.BOOL: _read_bool,
    _Kind.ITEMS: _read_items,
    _Kind.OUTCOME: lambda value, path: _read_outcome(value, path),
    **{k: _enum_reader(k) for k in _ENUMS},
}

#: Per event value: its fields as ``(name, required, reader, what)`` and their names
#: (keyed by strings: faster than enum members when restoring many cases).
_PAYLOAD_READERS: dict[
    str, tuple[tuple[tuple[str, bool, Callable[[Any, str], Any], str], ...], frozenset[str]]
] = {
    e.value: (
        tuple((f.name, f.required, _READERS[f.kind], f.kind.value) for f in fields),
        frozenset(f.name for f in fields),
    )
    for e, fields in _PAYLOAD.items()
}


_REQUIRES_PAYLOAD = frozenset(
    e for e, fields in _PAYLOAD.items() if any(f.required for f in fields)
)


def _read_payload(kind: EventKind, raw: object, path: str) -> dict[str, Any]:
    fields, names = _PAYLOAD_READERS[kind.value]
    if raw is None:
        raw = {}
    if type(raw) is not dict:
        raise SerializationError(path, raw, Wording("a mapping", "映射（键值表）"))
    if not raw.keys() <= names:
        for key in raw:
            if key not in names:
                allowed = Wording(
                    "particulars " + (", ".join(sorted(names)) or "none"),
                    "以下事项：" + ("、".join(sorted(names)) or "无"),
                )
                raise SerializationError(_fields.key_path(path, key), raw[key], allowed)
    values: dict[str, Any] = {}
    for name, required, decode, what in fields:
        value = raw.get(name)
        if value is None:
            if required:
                raise SerializationError(f"{path}.{name}", None, Wording(f"a {what}", f"{what}"))
            continue
        values[name] = decode(value, f"{path}.{name}")
    return values


def _check_payload(state: CaseState, kind: EventKind, payload: Mapping[str, Any]) -> dict[str, Any]:
    """The particulars of an event being applied in *state*, checked: unknown, missing or
    invalid ones refuse the event."""
    fields = _PAYLOAD[kind]
    names = {f.name for f in fields}
    unknown = sorted(set(payload) - names)
    if unknown:
        raise EventRefusedError(
            kind.value,
            state.value,
            Wording(
                f"unknown particular {unknown[0]}={show_value(payload[unknown[0]])}",
                f"未知事项 {unknown[0]}={show_value(payload[unknown[0]])}",
            ),
            Wording(
                "particulars " + (", ".join(sorted(names)) or "none"),
                "事项 " + ("、".join(sorted(names)) or "无"),
            ),
        )
    values: dict[str, Any] = {}
    for f in fields:
        value = payload.get(f.name)
        if value is None:
            if f.required:
                raise EventRefusedError(
                    kind.value,
                    state.value,
                    Wording(f"particular '{f.name}' is missing", f"缺少事项 '{f.name}'"),
                    Wording(f"{f.name}=<{f.kind.value}>", f"{f.name}=<{f.kind.value}>"),
                )
            continue
        if f.kind is _Kind.DATE:
            value = check_date(value, f.name)
        else:
            if type(value) is str and f.kind in _ENUMS:
                # An enum option given as its value, as the command line writes it.
                member: Any = _ENUM_BY_VALUE[f.kind].get(value, value)
                value = member
            allowed = _check_value(f.kind, value)
            if allowed is not None:
                raise EventRefusedError(
                    kind.value,
                    state.value,
                    Wording(f"{f.name}={show_value(value)}", f"{f.name}={show_value(value)}"),
                    Wording(f"{f.name}: {allowed}", f"{f.name}：{allowed.zh}"),
                )
            if f.kind is _Kind.ITEMS:
                value = tuple((item, outcome) for item, outcome in value)
        values[f.name] = value
    return values
