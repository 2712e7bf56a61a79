"""The public API as a whole: every exported name resolves, is documented and typed."""

from __future__ import annotations

import enum
import inspect
import subprocess
import sys
import typing

import pytest

import disclosure_flow
from disclosure_flow import errors

PUBLIC = sorted(disclosure_flow.__all__)


def test_all_is_unique() -> None:
    assert len(disclosure_flow.__all__) == len(set(disclosure_flow.__all__))


@pytest.mark.parametrize("name", PUBLIC)
def test_every_public_name_resolves_and_is_documented(name: str) -> None:
    value = getattr(disclosure_flow, name)
    if inspect.isclass(value) or inspect.isfunction(value):
        assert inspect.getdoc(value), f"{name} has no docstring"
        assert value.__module__.startswith("disclosure_flow."), value.__module__


@pytest.mark.parametrize(
    "cls",
    [getattr(disclosure_flow, n) for n in PUBLIC if inspect.isclass(getattr(disclosure_flow, n))],
    ids=lambda c: c.__name__,
)
def test_type_hints_resolve_on_every_public_class(cls: type) -> None:
    if issubclass(cls, enum.Enum):
        return
    typing.get_type_hints(cls)
    init = cls.__dict__.get("__init__")
    if init is not None:
        typing.get_type_hints(init)


@pytest.mark.parametrize(
    "func",
    [
        getattr(disclosure_flow, n)
        for n in PUBLIC
        if inspect.isfunction(getattr(disclosure_flow, n))
    ],
    ids=lambda f: f.__name__,
)
def test_type_hints_resolve_on_every_public_function(func: typing.Callable[..., object]) -> None:
    hints = typing.get_type_hints(func)
    assert "return" in hints


def test_every_error_is_a_disclosure_flow_error_and_a_builtin() -> None:
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert issubclass(cls, errors.DisclosureFlowError)
        if cls is not errors.DisclosureFlowError:
            builtins = [
                b
                for b in cls.__mro__
                if b.__module__ == "builtins" and b not in (object, BaseException, Exception)
            ]
            assert builtins, f"{name} inherits no builtin exception it means"


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        _ = disclosure_flow.Nope


def test_import_loads_no_lifecycle_or_report_until_asked() -> None:
    code = (
        "import sys, disclosure_flow; "
        "print(sorted(m for m in ('disclosure_flow.cases.case', 'disclosure_flow.reports.annual', "
        "'transitions') if m in sys.modules)); "
        "disclosure_flow.Case; print('disclosure_flow.cases.case' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["[]", "True"]
