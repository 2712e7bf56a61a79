"""Private helpers shared by the value modules: field validators, reprs and dict readers.

The readers turn a JSON-safe dict back into values and raise
:class:`~disclosure_flow.errors.SerializationError` with the path of the bad field,
the value found and what is allowed there.
"""

from __future__ import annotations

import codecs
import contextlib
import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeGuard, TypeVar

import attrs

from disclosure_flow.errors import (
    InvalidValueError,
    SerializationError,
    Wording,
    mask_text,
    show_value,
)

_E = TypeVar("_E", bound=enum.Enum)


def enum_repr(member: enum.Enum) -> str:
    """``Kind.NAME``: an enum member as it is written in a constructor call."""
    return f"{type(member).__name__}.{member.name}"


def enum_tuple_repr(members: tuple[enum.Enum, ...]) -> str:
    """A tuple of enum members as written in a constructor call."""
    inner = ", ".join(enum_repr(m) for m in members)
    return f"({inner},)" if len(members) == 1 else f"({inner})"


def to_member(cls: type[_E], value: object, field: str) -> _E:
    """*value* as a member of the enum *cls* (枚举取值): a member itself, or a member's
    value — the string the command line, the stored form and the CSV files write (e.g.
    ``"third_party"`` for ``PauseReason.THIRD_PARTY``). Nothing else: not a member's
    name, not a member of another enum. [convention]

    Each enum-typed option of the public API converts through this, from a named
    converter beside its field (``def _reason(value: PauseReason | str) ->
    PauseReason``), so that the signature a type checker reads says what is accepted.

    Raises:
        InvalidValueError: *value* is neither; the message lists the allowed values.
    """
    if type(value) is cls:
        return value
    if type(value) is str:
        member = members_by_value(cls).get(value)
        if member is not None:
            return member
    listed = ", ".join(show_value(m.value) for m in cls)
    raise InvalidValueError(
        field,
        value,
        Wording(
            f"a {cls.__name__} or its value, one of {listed}",
            f"{cls.__name__} 或其取值，以下之一：{listed}",
        ),
    )


def to_optional_member(cls: type[_E], value: object, field: str) -> _E | None:
    """``None``, or *value* as a member of *cls* (:func:`to_member`)."""
    return None if value is None else to_member(cls, value, field)


def to_members(cls: type[_E], value: object, field: str) -> tuple[_E, ...]:
    """An iterable of members or values of *cls* (:func:`to_member`), as a tuple in the
    order given; a single member or string is refused (it is not a collection)."""
    if isinstance(value, enum.Enum | str | bytes) or not isinstance(value, Iterable):
        raise InvalidValueError(
            field,
            value,
            Wording(
                f"a collection of {cls.__name__} members or their values",
                f"{cls.__name__} 成员或其取值组成的集合",
            ),
        )
    return tuple(to_member(cls, item, field) for item in value)


def instance_of(cls: type, *, optional: bool = False) -> Any:
    """An attrs validator: an instance of *cls* (or ``None`` when *optional*), refused
    with an :class:`InvalidValueError` rather than attrs' ``TypeError``."""
    allowed = (
        Wording(f"None or a {cls.__name__}", f"None 或 {cls.__name__}")
        if optional
        else Wording(f"a {cls.__name__}", cls.__name__)
    )

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not (isinstance(value, cls) or (optional and value is None)):
            raise InvalidValueError(attribute.name, value, allowed)

    return check


def non_empty_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: a string with at least one non-space character."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(attribute.name, value, Wording("a non-empty string", "非空字符串"))


def optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: ``None`` or a string with at least one non-space character."""
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InvalidValueError(
            attribute.name,
            value,
            Wording(
                "None or a non-empty string (use None when absent)",
                "None 或非空字符串（没有时用 None）",
            ),
        )


def personal(check: Callable[[Any, Any, Any], None]) -> Callable[[Any, Any, Any], None]:
    """An attrs validator: *check*, whose errors show the value masked as a whole (the
    field holds personal data: a name, an identity number, a contact detail)."""

    def run(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        try:
            check(instance, attribute, value)
        except InvalidValueError as error:
            raise InvalidValueError(
                error.field, error.value, error.allowed, personal=True
            ) from None

    return run


@contextlib.contextmanager
def personal_data() -> Iterator[None]:
    """Within the block, a :class:`SerializationError` shows its value masked as a whole:
    the data read there is personal (an applicant's particulars)."""
    try:
        yield
    except SerializationError as error:
        if error.personal:
            raise
        raise SerializationError(error.path, error.value, error.allowed, personal=True) from None


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")


def key_path(path: str, key: object) -> str:
    """The path of *key* inside *path*: ``path.key`` for a plain name, else
    ``path[<key shown masked and bounded>]`` (a stored key may be anything, an identity
    number too)."""
    if type(key) is str and _PLAIN_KEY.fullmatch(key) and mask_text(key) == key:
        return f"{path}.{key}"
    return f"{path}[{show_value(key)}]"


def read_mapping(data: object, path: str) -> Mapping[str, Any]:
    """*data* as a mapping with string keys, or a :class:`SerializationError`."""
    if not isinstance(data, Mapping) or not all(isinstance(k, str) for k in data):
        raise SerializationError(
            path, data, Wording("a mapping with string keys", "键为字符串的映射")
        )
    return data


def is_record(
    data: object, required: frozenset[str], allowed: frozenset[str]
) -> TypeGuard[dict[str, Any]]:
    """Whether *data* is a plain ``dict`` whose keys are exactly strings of *allowed*,
    including all of *required* (*allowed* includes *required*): the one test a
    well-formed stored record needs, for the readers' fast path. When it is false, the
    general checks (:func:`read_mapping`, :func:`check_keys`) say what is wrong."""
    if type(data) is not dict or not required <= data.keys() <= allowed:
        return False
    for key in data:  # noqa: SIM110 - a plain loop: all() over a generator is slower here
        if type(key) is not str:
            return False
    return True


def check_keys(
    data: Mapping[str, Any], path: str, required: frozenset[str], optional: frozenset[str]
) -> None:
    """Refuse a missing required key or an unknown key (tampered or mistyped data)."""
    missing = sorted(required - data.keys())
    if missing:
        raise SerializationError(
            f"{path}.{missing[0]}",
            None,
            Wording("a value (the key is required)", "一个值（此键必填）"),
        )
    unknown = sorted(data.keys() - required - optional)
    if unknown:
        known = ", ".join(sorted(required | optional))
        raise SerializationError(
            key_path(path, unknown[0]),
            data[unknown[0]],
            Wording(f"only keys {known}", f"只能有这些键：{known.replace(', ', '、')}"),
        )


def read_text(data: Mapping[str, Any], key: str, path: str) -> str:
    """A required non-empty string."""
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise SerializationError(
            f"{path}.{key}", value, Wording("a non-empty string", "非空字符串")
        )
    return value


def read_str(data: Mapping[str, Any], key: str, path: str) -> str:
    """A required string, possibly empty."""
    value = data.get(key)
    if not isinstance(value, str):
        raise SerializationError(f"{path}.{key}", value, Wording("a string", "字符串"))
    return value


def read_optional_text(data: Mapping[str, Any], key: str, path: str) -> str | None:
    """``None`` (or an absent key) or a non-empty string."""
    value = data.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise SerializationError(
            f"{path}.{key}", value, Wording("null or a non-empty string", "null 或非空字符串")
        )
    return value


#: Per enum class, its members by value (enum classes are fixed once defined).
_BY_VALUE: dict[type[enum.Enum], dict[Any, enum.Enum]] = {}


def members_by_value(cls: type[_E]) -> dict[Any, _E]:
    """The members of *cls* by value (aliases left out), built once per class."""
    found = _BY_VALUE.get(cls)
    if found is None:
        found = _BY_VALUE[cls] = {m.value: m for m in cls}
    return found  # type: ignore[return-value]  # keyed by cls: its own members


def read_enum(data: Mapping[str, Any], key: str, path: str, cls: type[_E]) -> _E:
    """A required enum member, stored as its value."""
    value = data.get(key)
    if type(value) is str:
        # Fast path: a dict lookup instead of a scan through each member's ``.value``
        # (a slow descriptor). Only a hit of the same type is taken; anything else
        # goes through the scan, which has the last word.
        member = members_by_value(cls).get(value)
        if member is not None and type(member._value_) is str:
            return member
    for member in cls:
        if type(member.value) is type(value) and member.value == value:
            return member
    listed = ", ".join(show_value(m.value) for m in cls)
    raise SerializationError(
        f"{path}.{key}", value, Wording(f"one of {listed}", f"以下之一：{listed}")
    )


def read_optional_enum(data: Mapping[str, Any], key: str, path: str, cls: type[_E]) -> _E | None:
    """``None`` (or an absent key) or an enum member stored as its value."""
    if data.get(key) is None:
        return None
    return read_enum(data, key, path, cls)


def read_enum_list(data: Mapping[str, Any], key: str, path: str, cls: type[_E]) -> tuple[_E, ...]:
    """A list of enum members stored as their values (an absent key is an empty list)."""
    values = data.get(key, [])
    if not isinstance(values, list):
        raise SerializationError(f"{path}.{key}", values, Wording("a list", "列表"))
    by_value = {m.value: m for m in cls}
    members = []
    for i, value in enumerate(values):
        if not isinstance(value, str) or value not in by_value:
            listed = ", ".join(show_value(v) for v in by_value)
            raise SerializationError(
                f"{path}.{key}[{i}]", value, Wording(f"one of {listed}", f"以下之一：{listed}")
            )
        members.append(by_value[value])
    return tuple(members)


def rebuild(path: str, build: Any, **kwargs: Any) -> Any:
    """Call a constructor; turn its :class:`InvalidValueError` into a
    :class:`SerializationError` at *path* (a field combination the type refuses)."""
    try:
        return build(**kwargs)
    except InvalidValueError as error:
        raise SerializationError(
            f"{path}.{error.field}", error.value, error.allowed, personal=error.personal
        ) from None


def text_codec(encoding: object) -> str:
    """The codec to decode a file with: *encoding* checked, UTF-8 read with or without a
    byte-order mark (for every reader of files: overlays, records, stored cases).

    Raises:
        InvalidValueError: *encoding* is not the name of a text encoding.
    """
    allowed = Wording(
        "the name of a text encoding, e.g. 'utf-8' (the default), 'gbk', 'gb18030'",
        "文本编码的名称，如 'utf-8'（默认）、'gbk'、'gb18030'",
    )
    if not isinstance(encoding, str):
        raise InvalidValueError("encoding", encoding, allowed)
    try:
        "".encode(encoding)  # LookupError also for bytes-to-bytes codecs such as base64
        name = codecs.lookup(encoding).name
    except LookupError:
        raise InvalidValueError("encoding", encoding, allowed) from None
    return "utf-8-sig" if name == "utf-8" else name
