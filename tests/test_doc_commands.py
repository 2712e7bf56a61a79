"""Every command-line example in the README and the docs is run here.

A line of a fenced code block (not a ``python`` one, which ``test_docs`` runs) that
starts with ``disclosure-flow `` (or ``$ disclosure-flow ``) is an example. The examples
of one block run in order, through the command line's ``main``, in one folder holding
the files the examples name (the same files as the help's examples:
``tests/test_cli.py``), as a reader would type them: ``> file`` writes the output to
that file, for the next line to read, and ``|| …`` lets the command exit non-zero
(a watchlist with a case to act on exits 1). Each must succeed. The Quickstart's first
command is run as typed by CI itself (``.ci/run``).
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import attrs
import pytest

from disclosure_flow.cli import EXIT_OK

from .test_cli import prepare_example_files, run

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([*ROOT.glob("README*.md"), *(ROOT / "docs").rglob("*.md")])
_BLOCK = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```", re.M | re.S)
NOTICES = Path(__file__).parent / "workdays" / "notices"


@attrs.frozen
class Example:
    """One command of a page: where it is, its words, the file its output goes to
    (``> file``) and whether a non-zero exit is handled (``|| …``)."""

    where: str
    argv: list[str]
    output: str | None = None
    may_fail: bool = False


def parse_line(where: str, line: str) -> Example:
    """The command a shell line starts with, up to its first operator, and what the
    operators after it ask of it; a comment is left out."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    words = list(lexer)
    argv: list[str] = []
    output = None
    may_fail = False
    i = 0
    while i < len(words) and not set(words[i]) <= set("<>|&;"):
        argv.append(words[i])
        i += 1
    while i < len(words):
        if words[i] == ">" and i + 1 < len(words):
            output = words[i + 1]
            i += 2
            continue
        if words[i] == "||":
            may_fail = True
            break
        if words[i] in {"|", "&&", ";"}:
            break
        i += 1
    return Example(where, argv, output, may_fail)


def _blocks() -> list[list[Example]]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for block in _BLOCK.finditer(text):
            if block.group("info").strip().startswith("python"):
                continue
            first = text.count("\n", 0, block.start("body")) + 1
            examples = []
            for n, line in enumerate(block.group("body").replace("\\\n", " ").splitlines()):
                line = line.strip().removeprefix("$ ")
                if line.startswith("disclosure-flow "):
                    examples.append(parse_line(f"{page.relative_to(ROOT)}:{first + n}", line))
            if examples:
                found.append(examples)
    return found


BLOCKS = _blocks()


def test_the_reader_of_shell_lines() -> None:
    line = "disclosure-flow watchlist cases.jsonl --json > watch.jsonl || notify  # nightly"
    example = parse_line("x", line)
    assert example.argv == ["disclosure-flow", "watchlist", "cases.jsonl", "--json"]
    assert example.output == "watch.jsonl"
    assert example.may_fail
    plain = parse_line("x", "disclosure-flow calendar 2026-10-10   # 调休上班")
    assert plain == Example("x", ["disclosure-flow", "calendar", "2026-10-10"])
    # The pages have examples, the README's command-line section among them.
    assert any(e.where.startswith("README.md") for block in BLOCKS for e in block)


@pytest.mark.parametrize("block", BLOCKS, ids=[b[0].where for b in BLOCKS])
def test_every_command_example_runs(
    block: list[Example], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepare_example_files(tmp_path, block[0].argv)
    for name in ("2020.txt", "2020-extension.txt"):  # the supplement's example
        (tmp_path / name).write_bytes((NOTICES / name).read_bytes())
    monkeypatch.chdir(tmp_path)
    for example in block:
        code, text = run(*example.argv[1:])
        if example.output is not None:
            Path(example.output).write_text(text, encoding="utf-8")
        if not (example.may_fail and code == 1):
            assert code == EXIT_OK, f"{example.where}: {' '.join(example.argv)}\n{text}"
