"""Every code example in README.md, README.zh-CN.md and docs/ is executed here.

The pages of both languages are run: ``docs/NAME.en.md`` and ``docs/NAME.zh.md`` (a
page in both), ``docs/NAME.md`` (a page in English only).

A ``python`` block that holds ``>>>`` prompts runs as a doctest (its printed
output is compared); any other ``python`` block is executed. Blocks of one file
share a namespace, in order, like a reader following the page. A block whose
opening fence says ``python skip`` is shown but not run (none should need it).
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([ROOT / "README.md", ROOT / "README.zh-CN.md", *(ROOT / "docs").rglob("*.md")])
#: The pages with a Chinese version (mkdocs-static-i18n, suffix layout): at least these.
TRANSLATED = ("index", "quickstart", "calendar", "lifecycle", "integration", "report", "glossary")
_FENCE = re.compile(r"^```python[ \t]*(?P<flags>[^\n]*)\n(?P<body>.*?)^```", re.M | re.S)


def _blocks(page: Path) -> list[tuple[int, str]]:
    text = page.read_text(encoding="utf-8")
    found = []
    for match in _FENCE.finditer(text):
        if "skip" in match.group("flags").split():
            continue
        line = text.count("\n", 0, match.start()) + 1
        found.append((line, match.group("body")))
    return found


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_page_examples_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    blocks = _blocks(page)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    parser = doctest.DocTestParser()
    for line, body in blocks:
        name = f"{page.name}:{line}"
        if ">>>" in body:
            test = parser.get_doctest(body, namespace, name, str(page), line)
            result = runner.run(test, clear_globs=False)
            assert result.failed == 0, f"doctest failed in {name}"
            namespace.update(test.globs)  # DocTest copies its globals; carry names forward
        else:
            exec(compile(body, name, "exec"), namespace)


_VENV = "python3 -m venv .venv && . .venv/bin/activate && "


def quickstart_commands() -> list[str]:
    """The commands of the README's Quickstart block, one per line."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Quickstart\n.*?^```\n(?P<body>.*?)^```", readme, re.M | re.S)
    assert match, "README must have a Quickstart section with a command block"
    return match.group("body").strip().splitlines()


def test_readme_has_the_two_quickstart_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    main_job, tests = quickstart_commands()
    # Both work as typed on Debian/Ubuntu's own python3: a virtual environment first
    # (PEP 668), and no bare `python` before it exists.
    for command in (main_job, tests):
        assert command.startswith(_VENV), command
    assert re.fullmatch(r"pip install \. && disclosure-flow deadline .+", main_job[len(_VENV) :])
    match = re.fullmatch(
        r"pip install -e '\.\[test\]' && (?P<cmd>python -m pytest[^\n]*)", tests[len(_VENV) :]
    )
    assert match, "README must give the test command"
    assert match.group("cmd") in ci, "CI must run the README's exact test command"
    # CI takes the first command from the README itself and runs it in a copy.
    assert re.search(r"^first=\$\(awk '/\^## Quickstart/.*README\.md\)$", ci, re.M)
    assert re.search(r'bash -c "set -e; \$first"', ci)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_lifecycle_page_shows_the_real_machine(language: str) -> None:
    from disclosure_flow.cases import mermaid_diagram

    name = f"docs/lifecycle.{language}.md"
    page = (ROOT / name).read_text(encoding="utf-8")
    match = re.search(r"^```mermaid\n(?P<body>.*?)^```", page, re.M | re.S)
    assert match, f"{name} must show the diagram"
    assert match.group("body").strip() == mermaid_diagram().strip(), (
        f"the diagram in {name} is stale: regenerate it from mermaid_diagram()"
    )


def test_each_page_is_in_english_and_translated_ones_in_chinese() -> None:
    docs = ROOT / "docs"
    chinese = {p.name.removesuffix(".zh.md") for p in docs.glob("*.zh.md")}
    english = {p.name.removesuffix(".en.md") for p in docs.glob("*.en.md")}
    assert set(TRANSLATED) <= chinese
    assert chinese == english, "a page in both languages is NAME.en.md and NAME.zh.md"
    unsuffixed = {p.stem for p in docs.glob("*.md") if p.stem.count(".") == 0}
    assert not unsuffixed & chinese, "NAME.md beside NAME.zh.md: the plugin refuses both"
    for name in sorted(chinese):
        text = (docs / f"{name}.zh.md").read_text(encoding="utf-8")
        han = len(re.findall(r"[\u4e00-\u9fff]", text))
        assert han > 200, f"docs/{name}.zh.md holds little Chinese ({han} characters)"


def test_the_chinese_readme_gives_the_quickstart_commands_as_the_readme_does() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    chinese = (ROOT / "README.zh-CN.md").read_text(encoding="utf-8")
    assert readme.splitlines()[0].startswith("[中文说明](README.zh-CN.md)")
    for command in quickstart_commands():
        assert f"\n{command}\n" in chinese, command
