"""The layout keeps its rules (docs/architecture.md).

``lint-imports`` checks the import graph against the contracts in ``pyproject.toml``
(layers one way down; other layers reach a subpackage through its ``__init__`` only).
These tests check what a contract cannot see, and tie the contracts to the page that
explains them:

- no module takes a private (``_name``) name from another subpackage, by import or by
  attribute (``clock._x``);
- no module is over 800 lines;
- each fast path names the general path it mirrors and the differential test that keeps
  them equal, and that test exists and exercises it;
- the architecture page lists the layers in the contract's order and every module.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "disclosure_flow"
SUBPACKAGES = ("workdays", "clock", "cases", "reports", "documents")
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_LINES = 800
#: Fast paths, the general code each mirrors, and the test module that keeps them equal.
FAST_PATHS = {
    "clock/ranked.py": ("disclosure_flow.clock.general", "tests/clock/test_ranked.py"),
    "clock/ranked_status.py": (
        "disclosure_flow.clock.deadline",
        "tests/clock/test_ranked_status.py",
    ),
    "cases/dispatch.py": ("disclosure_flow.cases.machine", "tests/cases/test_dispatch.py"),
    "cases/quick_restore.py": (
        "disclosure_flow.cases.payloads",
        "tests/cases/test_quick_restore.py",
    ),
}


def _where(path: Path) -> str:
    """The subpackage a module belongs to, or ``""`` for a module at the top."""
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else ""


def _target(module: str) -> str:
    """The subpackage a dotted module path names, or ``""``."""
    parts = module.split(".")
    if parts[0] == "disclosure_flow" and len(parts) > 1 and parts[1] in SUBPACKAGES:
        return parts[1]
    return ""


def crossings(source: str, own: str) -> list[str]:
    """Private names that the module *source*, of subpackage *own* (``""`` at the top),
    takes from another subpackage, as ``"line: what"``."""
    tree = ast.parse(source)
    found: list[str] = []
    aliases: dict[str, str] = {}  # local name -> the subpackage module it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            target = _target(node.module)
            for alias in node.names:
                if node.module == "disclosure_flow" and alias.name in SUBPACKAGES:
                    aliases[alias.asname or alias.name] = alias.name
                    continue
                if not target or target == own:
                    continue
                deep = node.module.split(".")[2:]
                if alias.name.startswith("_") or any(p.startswith("_") for p in deep):
                    found.append(f"{node.lineno}: from {node.module} import {alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                target = _target(alias.name)
                if target and target != own and alias.asname:
                    aliases[alias.asname] = target
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            target = aliases.get(node.value.id, "")
            if target and target != own:
                found.append(f"{node.lineno}: {node.value.id}.{node.attr}")
    return found


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_no_private_name_crosses_a_subpackage(path: Path) -> None:
    assert crossings(path.read_text(encoding="utf-8"), _where(path)) == []


def test_the_crossing_check_finds_a_crossing() -> None:
    # The check itself can fail: a module of cases/ that reaches into the clock.
    source = (
        "from disclosure_flow import clock\n"
        "from disclosure_flow.clock import _hidden\n"
        "from disclosure_flow.clock.general import _compute\n"
        "from disclosure_flow.cases.facts import _Facts\n"
        "x = clock._deadline\n"
    )
    assert [f.split(": ", 1)[1] for f in crossings(source, "cases")] == [
        "from disclosure_flow.clock import _hidden",
        "from disclosure_flow.clock.general import _compute",
        "clock._deadline",
    ]


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_no_module_is_over_800_lines(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines: split it"


@pytest.mark.parametrize("fast", sorted(FAST_PATHS))
def test_each_fast_path_names_what_it_mirrors_and_its_differential_test(fast: str) -> None:
    general, test_file = FAST_PATHS[fast]
    doc = ast.get_docstring(ast.parse((PACKAGE / fast).read_text(encoding="utf-8"))) or ""
    head = " ".join(doc.split("\n\n")[0].split())
    assert head.startswith("Fast path:"), head
    assert general.rsplit(".", 1)[1] in head, f"{fast} must name what it mirrors"
    assert f"Kept equal to them by ``{test_file}``" in head or (
        f"Kept equal to it by ``{test_file}``" in head
    ), f"{fast} must name its differential test"
    test_text = (ROOT / test_file).read_text(encoding="utf-8")
    fast_module = "disclosure_flow." + fast.removesuffix(".py").replace("/", ".")
    short = fast_module.rsplit(".", 1)[1]
    assert re.search(rf"\b{short}\b", test_text), f"{test_file} must exercise {fast_module}"
    assert "def test_" in test_text


def _contract_layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (layers,) = [c["layers"] for c in contracts if c["type"] == "layers"]
    return [str(layer) for layer in layers]


def _page() -> str:
    return (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def test_the_architecture_page_shows_the_contracts_layers_in_order() -> None:
    match = re.search(r"^```text\n(?P<body>.*?)^```", _page(), re.M | re.S)
    assert match, "docs/architecture.md must draw the layers in a text block"
    drawn = [
        line.split("│")[1].strip()
        for line in match.group("body").splitlines()
        if line.count("│") == 2
    ]
    assert drawn == _contract_layers()


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_the_architecture_page_lists_every_module(path: Path) -> None:
    name = path.relative_to(PACKAGE).as_posix()
    if name.endswith("__init__.py") and name != "__init__.py":
        name = name.removesuffix("__init__.py")  # a subpackage is listed as its folder
    assert f"`{name}`" in _page(), f"docs/architecture.md does not list {name}"
