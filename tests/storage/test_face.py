"""The storage package's face: its names load on first use, so the library (and this
package) import without the extras; every public class has resolvable type hints."""

from __future__ import annotations

import subprocess
import sys
import typing

import pytest

import disclosure_flow.storage as storage


def test_the_core_imports_without_the_extras() -> None:
    code = (
        "import sys, disclosure_flow, disclosure_flow.cli, disclosure_flow.storage\n"
        "loaded = [m for m in ('sqlalchemy', 'icalendar') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_missing_extra_says_how_to_install_it() -> None:
    code = (
        "import sys\n"
        "sys.modules['sqlalchemy'] = None  # as if not installed\n"
        "import disclosure_flow.storage as s\n"
        "try:\n"
        "    s.Repository\n"
        "except ImportError as error:\n"
        "    assert \"pip install 'disclosure-flow[sql]'\" in str(error), error\n"
        "else:\n"
        "    raise AssertionError('no ImportError')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("name", storage.__all__)
def test_every_name_resolves(name: str) -> None:
    value = getattr(storage, name)
    if isinstance(value, type):
        typing.get_type_hints(value)
    assert name in dir(storage)
