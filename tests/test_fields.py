"""The private dict readers (``disclosure_flow._fields``): their fast paths give the
same answers and the same errors as the general checks."""

from __future__ import annotations

import enum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_flow import _fields
from disclosure_flow.cases import (
    ApplicantKind,
    Channel,
    DeliveryMethod,
    IdentityDocumentKind,
    ProvisionForm,
)
from disclosure_flow.errors import SerializationError


class _Text(str):
    pass


class Mixed(enum.Enum):
    ONE = 1
    TRUE = True  # an alias of ONE (True == 1)
    TEXT = "1"
    FLOAT = 1.5


def _scan(value: object, cls: type[enum.Enum]) -> enum.Enum | None:
    """read_enum before its fast path: the first member of the same type and value."""
    for member in cls:
        if type(member.value) is type(value) and member.value == value:
            return member
    return None


ENUMS = [Channel, ProvisionForm, DeliveryMethod, ApplicantKind, IdentityDocumentKind, Mixed]
VALUES: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from([m.value for cls in ENUMS for m in cls]),
    st.sampled_from([None, "", "nonsense", 1, 1.0, True, False, 2, [], {}]),
    st.sampled_from([m.value for m in Channel]).map(_Text),
    st.text(max_size=5),
)


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(ENUMS), VALUES)
def test_read_enum_agrees_with_a_scan(cls: type[enum.Enum], value: Any) -> None:
    expected = _scan(value, cls)
    if expected is None:
        with pytest.raises(SerializationError) as error:
            _fields.read_enum({"k": value}, "k", "p", cls)
        assert error.value.path == "p.k"
    else:
        assert _fields.read_enum({"k": value}, "k", "p", cls) is expected


def test_members_by_value_leaves_out_aliases() -> None:
    assert _fields.members_by_value(Mixed) == {1: Mixed.ONE, "1": Mixed.TEXT, 1.5: Mixed.FLOAT}


REQUIRED = frozenset({"a", "b"})
ALLOWED = REQUIRED | {"c"}
KEYS = st.sampled_from(["a", "b", "c", "d", _Text("a"), 1, None])


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.dictionaries(KEYS, st.none(), max_size=4),
        st.sampled_from([None, [], "ab", ("a", "b")]),
    )
)
def test_is_record_only_when_the_general_checks_pass(data: Any) -> None:
    try:
        _fields.check_keys(_fields.read_mapping(data, "p"), "p", REQUIRED, ALLOWED - REQUIRED)
    except SerializationError:
        assert not _fields.is_record(data, REQUIRED, ALLOWED)
    else:
        assert _fields.is_record(data, REQUIRED, ALLOWED) == all(type(k) is str for k in data)


@pytest.mark.parametrize(
    ("key", "path"),
    [
        ("colour", "record.colour"),
        ("Y11101050000000006", "record['Y111**********0006']"),  # a credit code
        ("11010519491231002X", "record['1101**********002X']"),
        ("a b", "record['a b']"),
        (1, "record[1]"),
        ("x" * 100, "record['" + "x" * 60 + "'…(100 chars)]"),
    ],
)
def test_an_unknown_key_is_shown_masked_in_the_path(key: object, path: str) -> None:
    with pytest.raises(SerializationError) as info:
        _fields.check_keys({"a": 1, key: 2}, "record", frozenset({"a"}), frozenset())  # type: ignore[dict-item]  # a stored key may be anything
    assert info.value.path == path
