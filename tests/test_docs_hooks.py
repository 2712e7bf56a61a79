"""The documentation's build hooks (``docs/hooks/``), on small inputs.

``tests/test_docs_site.py`` checks what they make of the real site; these tests pin
their rules: how a docstring becomes Markdown, how a Mermaid state diagram becomes a
Graphviz graph (and what is refused), how a script's loaders are made inert. The hooks
import MkDocs, pymdownx and griffe: the ``docs`` extra (in CI a missing one fails).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

HOOKS = Path(__file__).resolve().parent.parent / "docs" / "hooks"


def _hook(name: str) -> ModuleType:
    if importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("griffe") is None:
        if os.environ.get("CI"):
            pytest.fail("the docs extra is not installed: CI must test the docs hooks")
        pytest.skip("the docs extra is not installed")
    spec = importlib.util.spec_from_file_location(f"docs_hook_{name}", HOOKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- docstrings -------------------------------------------------------------------------


def test_a_doctest_example_becomes_a_pycon_block() -> None:
    hook = _hook("griffe_docstrings")
    text = "Convert explicitly:\n>>> civil_date(x)\ndatetime.date(2026, 9, 28)\n\nAfter."
    assert hook.markdown_docstring(text) == (
        "Convert explicitly:\n\n```pycon\n>>> civil_date(x)\ndatetime.date(2026, 9, 28)\n```\n"
        "\nAfter."
    )


def test_an_indented_example_keeps_its_indent_and_a_fence_is_left_alone() -> None:
    hook = _hook("griffe_docstrings")
    text = "Args:\n    x: a value, e.g.\n\n        >>> f(1)\n        2\n\n```python\n>>> g()\n```"
    out = hook.markdown_docstring(text)
    assert "        ```pycon\n        >>> f(1)\n        2\n        ```" in out
    assert out.endswith("```python\n>>> g()\n```")
    assert hook.markdown_docstring(out) == out  # once is enough: idempotent


def test_roles_become_references_or_code() -> None:
    hook = _hook("griffe_docstrings")
    paths = {"Deadline": "disclosure_flow.clock.deadline.Deadline"}
    out = hook.markdown_docstring(
        "A :class:`Deadline`, a :func:`~decimal.Decimal` and :meth:`Case.to_dict\n"
        "<disclosure_flow.Case.to_dict>`; :data:`!R2019`.",
        paths.get,
    )
    assert (
        '<autoref identifier="disclosure_flow.clock.deadline.Deadline" optional>'
        "<code>Deadline</code></autoref>"
    ) in out
    assert "`Decimal`" in out
    assert "`Case.to_dict`" in out
    assert "`R2019`" in out
    assert ":class:" not in out
    assert ":meth:" not in out


def test_a_literal_block_marker_becomes_a_colon() -> None:
    hook = _hook("griffe_docstrings")
    out = hook.markdown_docstring("A TOML overlay::\n\n    name = 1\n\nNot this:: one.")
    assert out == "A TOML overlay:\n\n    name = 1\n\nNot this:: one."


# -- diagrams ---------------------------------------------------------------------------


def test_a_state_diagram_becomes_a_graph() -> None:
    hook = _hook("diagrams")
    dot = hook.to_dot(
        "stateDiagram-v2\n"
        '    state "新建 (new)" as new\n'
        '    state "办理中 (processing)" as processing\n'
        "    [*] --> new\n"
        "    new --> processing: start 开始\n"
        "    new --> processing: skip 跳过\n"
        "    processing --> [*]\n"
        "    note right of processing\n"
        "        extend 延长答复期限\n"
        "    end note\n"
    )
    assert "__start -> new;" in dot
    assert 'new -> processing [label="开始\\nstart\\n跳过\\nskip"];' in dot
    assert "processing -> __end;" in dot
    assert "<B>办理中</B>" in dot
    assert "extend 延长答复期限" in dot


@pytest.mark.parametrize(
    "source",
    [
        "flowchart TD\n    a --> b",
        "stateDiagram-v2\n    state fork_state <<fork>>",
        "stateDiagram-v2\n    note right of a\n        x",
    ],
)
def test_what_the_drawing_would_leave_out_is_refused(source: str) -> None:
    hook = _hook("diagrams")
    with pytest.raises(hook.DiagramError):
        hook.to_dot(source)


# -- offline ----------------------------------------------------------------------------


def test_a_scripts_loaders_of_other_hosts_are_made_inert() -> None:
    hook = _hook("offline")
    script = (
        'function a(){return _t("https://unpkg.com/mermaid@11/dist/mermaid.min.js")}'
        "let r=`https://api.github.com/repos/${e}/${t}`;"
        'x.setAttribute("xmlns","http://www.w3.org/2000/svg");'
        'var __index = {"text": "网站 \\"http://www.example.gov.cn\\""};'
    )
    fixed, found = hook.neutralize(script)
    assert found == [
        "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
        "https://api.github.com/repos/${e}/${t}",
    ]
    assert '_t("data:,")' in fixed
    assert "r=`data:,`" in fixed
    assert "http://www.w3.org/2000/svg" in fixed
    assert '\\"http://www.example.gov.cn\\"' in fixed
