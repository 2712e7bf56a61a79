"""Every error speaks Chinese too (``error.localized("zh")``), and says the same.

- Every call in ``src/`` that builds a :class:`~disclosure_flow.errors.DisclosureFlowError`
  passes each of its free-text arguments (a parameter annotated ``Text``: ``allowed``,
  ``hint``, ``reason``, ``what``, ``rule``, ``detail``, ``where``) as a
  :class:`~disclosure_flow.errors.Wording`, or as a value that is not prose: an AST
  check, so that an English-only raise fails here.
- The Chinese message of errors actually raised (by hostile input, the command line's
  refused input, hypothesis) holds no English sentence, and shows its value masked
  and bounded exactly as the English does.
"""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import disclosure_flow
from disclosure_flow import errors
from disclosure_flow.errors import DisclosureFlowError, Wording

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "disclosure_flow"

# -- the checker: no English sentence --------------------------------------------------

#: What a message may hold in ASCII that is not a sentence: a quoted value, a shown
#: object (``<int of 5001 digits>``), an identifier, a path, an option, a call, a date.
_NOT_PROSE = re.compile(
    r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|<[^<>]*>"""  # quoted values, shown objects
    r"|--[\w-]+"  # an option: --overlay, --encoding
    r"|[\w\-]*[A-Za-z0-9_]*[._=/:\[\]()*][\w\-.=/:\[\]()*]*"  # dotted, called, paths, a=b
    r"|\b\w*_\w*\b"  # snake_case identifiers
    r"|\b\d{4}-\d{2}-\d{2}\b"  # ISO dates
)
#: A run of three or more ASCII words separated by spaces: an English sentence.
_SENTENCE = re.compile(r"\b[A-Za-z]+(?:[ ,]+[A-Za-z]+){2,}\b")


def english_in(text: str) -> str | None:
    """The first English sentence in *text* (three ASCII words or more in a row, outside
    quoted values, identifiers, options and dates), or ``None``."""
    found = _SENTENCE.search(_NOT_PROSE.sub("¦", text))
    return found.group() if found else None


@pytest.mark.parametrize(
    "text",
    [
        "overlay entries: invalid value 3; allowed: OverlayEntry objects",
        "第 3 行：the calendar covers 2026",
        "允许：one of 'a', 'b'",
    ],
)
def test_the_checker_finds_an_english_sentence(text: str) -> None:
    assert english_in(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "applicant.contact.phone：取值 138****5678 不合法；允许：字符串",
        "节假日数据 'a b c d'：取值 <int of 5001 digits> 不合法；允许：'confirmed' 或 'estimated'",
        "请改用 --encoding gbk，或 disclosure_flow.parse_date(value)；line_3.case_id",
        "events[3].date：取值 datetime.date(2026, 9, 28) 不合法；允许：2026-09-28 或之前",
        "文书 'reply'：缺少 AgencyProfile.name；允许：expected_version=3",
    ],
)
def test_the_checker_passes_chinese_with_values_and_identifiers(text: str) -> None:
    assert english_in(text) is None


# -- every raise site gives its Chinese (an AST check) -----------------------------------


def _error_classes() -> dict[str, type[DisclosureFlowError]]:
    """Every error class of the library by name, those of the storage layer too."""
    import disclosure_flow.storage.errors as storage_errors

    found: dict[str, type[DisclosureFlowError]] = {}
    for module in (errors, storage_errors):
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, DisclosureFlowError):
                found[name] = value
    from disclosure_flow.cases.definition import Refusal

    found["Refusal"] = Refusal  # type: ignore[assignment]  # a guard's refusal: its free text
    return found


ERRORS = _error_classes()
#: The attributes of an error that hold its free text: passing one on keeps its Chinese.
_FREE_TEXT_ATTRIBUTES = frozenset({"allowed", "hint", "reason", "what", "rule", "detail", "where"})


#: A code identifier written as a constant (``"as_of"``, ``"policy.name"``): not prose.
_IDENTIFIER = re.compile(r"[A-Za-z_][\w.=<>()\[\]]*")
#: Functions that show a value, not prose.
_SHOWING = frozenset({"show_value", "repr", "enum_repr"})


def _free_text_parameters(cls: type) -> list[tuple[int | None, str]]:
    """``(position, name)`` of each parameter of *cls* annotated ``Text`` (free text)."""
    signature = inspect.signature(cls.__init__)  # type: ignore[misc]  # a class's own
    out = []
    for index, parameter in enumerate(list(signature.parameters.values())[1:]):
        if "Text" in str(parameter.annotation) or "Wording" in str(parameter.annotation):
            positional = parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
            out.append((index if positional else None, parameter.name))
    return out


def _wording_functions(trees: dict[Path, ast.Module]) -> frozenset[str]:
    """The names of functions in ``src/`` that return a :class:`Wording` (or a tuple or
    an optional of wordings)."""
    names = {"Wording", "one_of", "of"}
    for tree in trees.values():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.FunctionDef)
                and node.returns is not None
                and "Wording" in ast.unparse(node.returns)
            ):
                names.add(node.name)
    return frozenset(names)


def _scopes(tree: ast.Module) -> Iterator[tuple[ast.AST, ast.AST]]:
    """``(node, innermost enclosing function or module)`` for every node; each function
    knows the scope it is defined in (``_outer``)."""
    stack: list[tuple[ast.AST, ast.AST]] = [(tree, tree)]
    while stack:
        node, scope = stack.pop()
        yield node, scope
        inner = scope
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            setattr(node, "_outer", scope)  # noqa: B010  # read by _Check._assigned
            inner = node
        stack.extend((child, inner) for child in ast.iter_child_nodes(node))


class _Check:
    def __init__(self, tree: ast.Module, wording: frozenset[str]) -> None:
        self.tree = tree
        self.wording = wording

    def _assigned(self, name: str, scope: ast.AST) -> list[ast.expr] | None:
        """Every value assigned to *name* in *scope* (``None``: a parameter or a loop
        variable, whose value this check cannot see)."""
        values: list[ast.expr] = []
        if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef):
            args = scope.args
            for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
                if arg.arg == name:
                    note = ast.unparse(arg.annotation) if arg.annotation else ""
                    return [] if note.strip("'\"") == "Wording" else None
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    for one, value in _pairs(target, node.value):
                        if isinstance(one, ast.Name) and one.id == name:
                            values.append(value)
            elif isinstance(node, ast.AnnAssign | ast.AugAssign | ast.NamedExpr):
                target = node.target
                if isinstance(target, ast.Name) and target.id == name:
                    if node.value is None:
                        continue
                    if isinstance(node, ast.AugAssign):
                        return None
                    values.append(node.value)
            elif isinstance(node, ast.For | ast.comprehension):
                for bound in ast.walk(node.target):
                    if isinstance(bound, ast.Name) and bound.id == name:
                        return None
        if not values and scope is not self.tree:
            return self._assigned(name, getattr(scope, "_outer", self.tree))
        return values or None

    def prose_free(self, node: ast.expr, scope: ast.AST, depth: int = 0) -> bool:
        """Whether *node* is a wording, or a value that is not prose."""
        if depth > 20:
            return False
        if isinstance(node, ast.Constant):
            text = node.value
            return not isinstance(text, str) or not re.search("[A-Za-z]{2}", text) or (
                _IDENTIFIER.fullmatch(text) is not None and re.search("[._=]", text) is not None
            )
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name == "str" and len(node.args) == 1:  # a number as text, not an error's
                (arg,) = node.args
                return isinstance(arg, ast.Call) or (
                    isinstance(arg, ast.Name) and arg.id not in self._caught(scope)
                )
            return name in self.wording or name in _SHOWING
        if isinstance(node, ast.Attribute):  # an error's own free text, a class's name
            return node.attr in _FREE_TEXT_ATTRIBUTES or node.attr == "__name__"
        if isinstance(node, ast.IfExp):
            return self.prose_free(node.body, scope, depth + 1) and self.prose_free(
                node.orelse, scope, depth + 1
            )
        if isinstance(node, ast.Tuple):  # a refusal's late act: its rule is the text in it
            texts = [e for e in node.elts if isinstance(e, ast.Constant | ast.JoinedStr)]
            return all(self.prose_free(e, scope, depth + 1) for e in texts)
        if isinstance(node, ast.BoolOp):
            return all(self.prose_free(v, scope, depth + 1) for v in node.values)
        if isinstance(node, ast.Subscript):  # an item of a table of wordings
            return isinstance(node.value, ast.Name) and self._table(node.value.id)
        if isinstance(node, ast.Name):
            values = self._assigned(node.id, scope)
            return values is not None and all(
                self.prose_free(v, scope, depth + 1) for v in values
            )
        return False

    @staticmethod
    def _caught(scope: ast.AST) -> set[str]:
        """The names bound to an exception in *scope* (``except ... as error``)."""
        return {h.name for h in ast.walk(scope) if isinstance(h, ast.ExceptHandler) and h.name}

    def _table(self, name: str) -> bool:
        """Whether *name* is a module-level dict or tuple whose values are all wordings."""
        for node in self.tree.body:
            value = None
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets
            ):
                value = node.value
            elif isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == name:
                value = node.value
            if isinstance(value, ast.Dict):
                return all(self.prose_free(v, self.tree) for v in value.values)
            if isinstance(value, ast.Tuple | ast.List):
                return all(self.prose_free(v, self.tree) for v in value.elts)
        return False


def _pairs(target: ast.expr, value: ast.expr) -> Iterator[tuple[ast.expr, ast.expr]]:
    """Each name of an assignment's target with the value it gets."""
    if isinstance(target, ast.Tuple | ast.List):
        if isinstance(value, ast.Tuple | ast.List) and len(value.elts) == len(target.elts):
            for t, v in zip(target.elts, value.elts, strict=True):
                yield from _pairs(t, v)
        else:  # unpacked from one value: each name stands for what that value holds
            for t in target.elts:
                yield from _pairs(t, value)
        return
    yield target, value


def english_only_raises(source: str, where: str = "<source>") -> list[str]:
    """The error constructor calls in *source* that pass a free-text argument that is
    not a wording, as ``"where:line: Class(argument)"``."""
    tree = ast.parse(source)
    check = _Check(tree, _wording_functions({Path(where): tree}) | _WORDING_FUNCTIONS)
    found = []
    for node, scope in _scopes(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        cls = ERRORS.get(name)
        if cls is None:
            continue
        for position, parameter in _free_text_parameters(cls):
            given: ast.expr | None = None
            if position is not None and position < len(node.args):
                given = node.args[position]
            for keyword in node.keywords:
                if keyword.arg == parameter:
                    given = keyword.value
            if given is not None and not check.prose_free(given, scope):
                found.append(f"{where}:{node.lineno}: {name}({parameter}={ast.unparse(given)})")
    return found


SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "errors.py" or p.parent != PACKAGE)
_TREES = {p: ast.parse(p.read_text(encoding="utf-8")) for p in SOURCES}
_WORDING_FUNCTIONS = _wording_functions(_TREES)


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(PACKAGE)) for p in SOURCES])
def test_every_raise_gives_its_free_text_in_both_languages(path: Path) -> None:
    found = english_only_raises(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert found == [], "\n".join(found)
