"""A griffe extension: the library's docstrings, written for doctest and Sphinx, as Markdown.

The docstrings are read by two tools. ``pytest --doctest-modules`` runs their ``>>>``
examples, and they use Sphinx's roles (``:class:`Deadline```, ``:func:``, ``:meth:``,
``:data:``, ``:attr:``, ``:mod:``, ...) to name other objects. mkdocstrings renders them
as Markdown, where a ``>>>`` line is a blockquote three levels deep and a role is
literal text. This extension rewrites each docstring once, when griffe has loaded the
package and before mkdocstrings renders it (``extensions:`` of the python handler in
``mkdocs.yml``); the source files stay as they are.

- A doctest example (a ``>>>`` line and what follows it up to a blank line, as doctest
  reads it) becomes a fenced ``pycon`` code block.
- A role becomes a cross-reference to the object's entry in the API reference, shown
  as code: ``:class:`Deadline``` in ``disclosure_flow.clock.compute`` links to
  ``disclosure_flow.clock.deadline.Deadline``. The name is resolved as Python would
  from where the docstring is (its object, then the enclosing class and module and
  their imports); ``~a.b.C`` shows ``C``; ``title <target>`` shows *title*. A name
  outside the package (``datetime.date``) or not in the reference stays code.
- An enum's ``Members:`` section is read as an ``Attributes:`` section (a table of
  names and descriptions, rather than one run-on paragraph).
- A reST literal block's ``::`` becomes ``:`` (the indented block after it is already
  a code block in Markdown).

Text inside fenced code is left alone, so the rewriting is idempotent.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from typing import Any

import griffe

#: The Python-domain roles of Sphinx; ``py:`` may prefix them.
ROLE = re.compile(
    r":(?:py:)?(?P<role>class|func|meth|data|attr|mod|exc|obj|const|type):"
    r"`(?P<text>[^`]+)`"
)
_TITLED = re.compile(r"^(?P<title>.*?)\s*<(?P<target>[^<>]+)>$", re.S)
_FENCE = re.compile(r"^(?P<indent>\s*)(?P<mark>`{3,}|~{3,})")
_PROMPT = re.compile(r"^(?P<indent>\s*)>>>(?: |$)")

#: A name as a role writes it -> the full path of the object it names, or None.
Resolver = Callable[[str], "str | None"]


def markdown_docstring(text: str, resolve: Resolver | None = None) -> str:
    """*text* with its doctest examples fenced and its roles turned into references.

    *resolve* maps a name as written in a role to the full path of the object it
    names, or ``None``; without it every role becomes a code span.
    """
    out: list[str] = []
    for kind, lines in _chunks(text.split("\n")):
        if kind == "code":
            out.extend(lines)
        elif kind == "doctest":
            indent = _PROMPT.match(lines[0]).group("indent")  # type: ignore[union-attr]
            if out and out[-1].strip():
                out.append("")
            out.append(f"{indent}```pycon")
            out.extend(lines)
            out.append(f"{indent}```")
        else:
            out.extend(_prose(lines, resolve))
    # A doctest example ends at a blank line (or the end), so no blank line is needed
    # after its closing fence.
    return "\n".join(out)


def _chunks(lines: list[str]) -> Iterator[tuple[str, list[str]]]:
    """The lines in runs: ``code`` (a fenced block, as written), ``doctest`` (an example
    to fence) and ``text``."""
    i, n = 0, len(lines)
    text: list[str] = []
    while i < n:
        line = lines[i]
        fence = _FENCE.match(line)
        if fence:
            if text:
                yield "text", text
                text = []
            mark = fence.group("mark")
            block = [line]
            i += 1
            while i < n:
                block.append(lines[i])
                i += 1
                if lines[i - 1].strip().startswith(mark[0] * len(mark)) and (
                    lines[i - 1].strip().strip(mark[0]) == ""
                ):
                    break
            yield "code", block
            continue
        if _PROMPT.match(line):
            if text:
                yield "text", text
                text = []
            block = []
            while i < n and lines[i].strip():  # doctest: the example ends at a blank line
                block.append(lines[i])
                i += 1
            yield "doctest", block
            continue
        text.append(line)
        i += 1
    if text:
        yield "text", text


def _prose(lines: list[str], resolve: Resolver | None) -> list[str]:
    # A role may run over two lines (``:meth:`Case.to_dict\n<...>```).
    text = ROLE.sub(lambda m: _reference(m, resolve), "\n".join(lines))
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        if line == "Members:":  # an enum's members, listed as the Google style lists attributes
            line = "Attributes:"
        if line.rstrip().endswith("::") and _literal_follows(lines, i):
            stripped = line.rstrip()[:-2].rstrip()
            line = f"{stripped}:" if stripped else ""
        out.append(line)
    return out


def _literal_follows(lines: list[str], i: int) -> bool:
    """Whether a reST literal block (a blank line, then more indented lines) follows."""
    indent = len(lines[i]) - len(lines[i].lstrip())
    for later in lines[i + 1 :]:
        if later.strip():
            return len(later) - len(later.lstrip()) > indent
    return False


def _reference(match: re.Match[str], resolve: Resolver | None) -> str:
    text = " ".join(match.group("text").split())
    titled = _TITLED.match(text)
    if titled:
        title, target = titled.group("title"), titled.group("target").strip()
    else:
        target = text.lstrip("~!")
        title = target.rsplit(".", 1)[-1] if text.startswith("~") else target
    if text.startswith("!"):  # Sphinx: shown, never linked
        return f"`{title}`"
    name = target.lstrip("~.")
    name = name.removesuffix("()")
    path = resolve(name) if resolve is not None else None
    shown = f"<code>{html.escape(title)}</code>"
    if path is None:
        return f"`{title}`"
    return f'<autoref identifier="{html.escape(path)}" optional>{shown}</autoref>'


class RstRolesAndDoctests(griffe.Extension):
    """Rewrites the docstrings of every object of a loaded package (see the module)."""

    def on_package(self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        for obj in _objects(pkg):
            if obj.docstring is not None:
                obj.docstring.value = markdown_docstring(
                    obj.docstring.value, _resolver(obj, loader)
                )


def _objects(obj: griffe.Object) -> Iterator[griffe.Object]:
    yield obj
    for member in obj.members.values():
        if not member.is_alias:
            yield from _objects(member)  # type: ignore[arg-type]


def _resolver(obj: griffe.Object, loader: griffe.GriffeLoader) -> Resolver:
    root = obj.package.name

    def resolve(name: str) -> str | None:
        first, _, rest = name.partition(".")
        if first == root:
            path = name
        else:
            try:
                path = obj.resolve(first)
            except griffe.NameResolutionError:
                return None
            if rest:
                path = f"{path}.{rest}"
        if not path.startswith(f"{root}.") and path != root:
            return None  # another package's object: no page of ours documents it
        try:
            found = loader.modules_collection[path]
        except (KeyError, griffe.AliasResolutionError, griffe.CyclicAliasError):
            return None
        if found.is_alias:
            try:
                return str(found.final_target.path)
            except (griffe.AliasResolutionError, griffe.CyclicAliasError):
                return None
        return str(found.path)

    return resolve
