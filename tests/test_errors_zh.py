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
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    r"|\S*\w[._=/\[\](]\S*"  # dotted, called, indexed, paths, a=b
    r"|\b\w*_\w*\b"  # snake_case identifiers
    r"|\b\d{4}-\d{2}-\d{2}\b"  # ISO dates
)
#: A run of three or more ASCII words separated by spaces: an English sentence.
_SENTENCE = re.compile(r"\b[A-Za-z]+(?:[ ,:;]+[A-Za-z]+){2,}\b")


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
        "允许：one of the values 'a', 'b'",
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
            return (
                not isinstance(text, str)
                or not re.search("[A-Za-z]{2}", text)
                or (
                    _IDENTIFIER.fullmatch(text) is not None and re.search("[._=]", text) is not None
                )
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
            return values is not None and all(self.prose_free(v, scope, depth + 1) for v in values)
        return False

    @staticmethod
    def _caught(scope: ast.AST) -> set[str]:
        """The names bound to an exception in *scope* (``except ... as error``)."""
        return {h.name for h in ast.walk(scope) if isinstance(h, ast.ExceptHandler) and h.name}

    def _table(self, name: str) -> bool:
        """Whether *name* is a module-level dict or tuple whose values are all wordings."""
        for node in self.tree.body:
            value = None
            if (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
            ) or (isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == name):
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
    found: list[tuple[int, str]] = []
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
                said = f"{name}({parameter}={ast.unparse(given)})"
                found.append((node.lineno, f"{where}:{node.lineno}: {said}"))
    return [text for _, text in sorted(found)]


SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "errors.py" or p.parent != PACKAGE)
_TREES = {p: ast.parse(p.read_text(encoding="utf-8")) for p in SOURCES}
_WORDING_FUNCTIONS = _wording_functions(_TREES)


def test_the_raise_check_finds_an_english_only_raise() -> None:
    source = (
        "from disclosure_flow.errors import InvalidValueError, SerializationError, Wording\n"
        "def f(x, allowed: str, given: Wording):\n"
        "    text = 'a list'\n"
        "    if x: raise InvalidValueError('x', x, 'a non-empty string')\n"
        "    if x: raise InvalidValueError('x', x, allowed=f'one of {x}')\n"
        "    if x: raise SerializationError('x', x, text)\n"
        "    if x: raise SerializationError('x', x, allowed)\n"
        "    if x: raise SerializationError('x', x, Wording('a list', '列表'))\n"
        "    if x: raise SerializationError('x', x, given)\n"
        "    raise InvalidValueError('x', x, Wording.one_of(['a']) if x else '')\n"
    )
    found = [f.split(": ", 1)[1] for f in english_only_raises(source)]
    assert found == [
        "InvalidValueError(allowed='a non-empty string')",
        "InvalidValueError(allowed=f'one of {x}')",
        "SerializationError(allowed=text)",
        "SerializationError(allowed=allowed)",
    ]


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(PACKAGE)) for p in SOURCES])
def test_every_raise_gives_its_free_text_in_both_languages(path: Path) -> None:
    found = english_only_raises(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert found == [], "\n".join(found)


# -- the Chinese says the same, masked alike -----------------------------------------------

ID_NUMBER = "11010519491231002X"
PHONE = "13812345678"
EMAIL = "zhangsan@example.com"
_ALLOWED = Wording("a non-empty string", "非空字符串")
_DAYS = dt.timedelta(days=1)


def _every_class(value: object, place: str) -> list[DisclosureFlowError]:
    """One error of each class of the hierarchy about *value* at *place*."""
    from disclosure_flow.storage.errors import CaseNotFoundError

    day, first, last = dt.date(2027, 1, 4), dt.date(2004, 1, 1), dt.date(2026, 12, 31)
    return [
        errors.InvalidValueError(place, value, _ALLOWED),
        errors.InvalidValueError(place, value, _ALLOWED, personal=True),
        errors.InvalidValueError.choice(place, value, ["a", PHONE]),
        errors.InvalidDateError(place, value),
        errors.InvalidDateError(place, dt.datetime(2026, 9, 28, 9)),
        errors.CoverageError(day, first, last, Wording("add an overlay", "请添加节假日数据")),
        errors.ProvisionalAnswerError("add_workdays", tuple(day for _ in range(7))),
        errors.OverlayError(place, value, _ALLOWED),
        errors.ClockError(Wording("pause end", "暂停结束日"), value, _ALLOWED),
        errors.LateActError(Wording("补正告知 (Art. 30)", "补正告知（第三十条）"), first, last, 3),
        errors.EventRefusedError(place, "processing", Wording("late", "逾期"), _ALLOWED),
        errors.VersionConflictError(place, "processing", 3, 4),
        errors.SerializationError(f"line 3.{place}", value, _ALLOWED),
        errors.SerializationError(place, value, _ALLOWED, personal=True),
        errors.ReportInvariantError(place, Wording("unbalanced", "不平衡"), (PHONE,)),
        errors.DefinitionError(place, value, _ALLOWED),
        errors.LateEventError(place, "processing", Wording("x (Art. 30)", "x"), first, last, 2),
        errors.InputEncodingError(place, "utf-8", 3, b"\xc1\xd9", 0, 2),
        errors.DuplicateRecordError(place, 4, 2),
        errors.NoticeError(3, "二、春节", value, _ALLOWED),
        errors.NoticeError(None, "", Wording("no title found", "没有找到标题"), _ALLOWED),
        errors.DocumentError(place, Wording(f"no {value}", f"没有 {value}"), _ALLOWED),
        errors.TemplateError(place, "reply.j2", Wording("bad", "不合格"), _ALLOWED),
        CaseNotFoundError(place),
    ]


def test_every_class_has_a_chinese_message() -> None:
    built = _every_class("x", "case.state")
    assert {type(e) for e in built} >= {
        getattr(errors, n) for n in errors.__all__ if n != "DisclosureFlowError"
    }
    for error in built:
        zh = error.localized("zh")
        assert zh != str(error), type(error).__name__
        assert english_in(zh) is None, (type(error).__name__, zh)
        assert error.localized("en") == str(error)


def test_str_and_repr_stay_english() -> None:
    error = errors.InvalidValueError("applicant.name", "张三", _ALLOWED, personal=True)
    assert str(error) == "applicant.name: invalid value '**'; allowed: a non-empty string"
    assert repr(error) == f"InvalidValueError({str(error)!r})"
    assert error.localized("zh") == "applicant.name：取值 '**' 不合法；允许：非空字符串"
    assert error.allowed == "a non-empty string"
    assert Wording.of(error.allowed).zh == "非空字符串"


def test_a_plain_str_reads_alike_and_a_host_error_takes_a_wording() -> None:
    error = errors.InvalidValueError("n", 3, "an int >= 5")
    assert error.localized("zh") == "n：取值 3 不合法；允许：an int >= 5"

    class HostError(DisclosureFlowError, ValueError):
        pass

    assert HostError(Wording("no", "不行")).localized("zh") == "不行"
    assert str(HostError(Wording("no", "不行"))) == "no"
    assert HostError("only English").localized("zh") == "only English"
    with pytest.raises(errors.InvalidValueError):
        error.localized("fr")


def test_a_wording_is_a_str_of_its_english() -> None:
    import copy
    import pickle

    w = Wording("a string", "字符串")
    assert isinstance(w, str)
    assert w == "a string"
    assert f"{w}" == "a string"
    assert type(str(w)) is str
    assert type(w.en) is str
    assert hash(w) == hash("a string")
    for again in (copy.copy(w), copy.deepcopy(w), pickle.loads(pickle.dumps(w))):
        assert (again, again.zh) == ("a string", "字符串")
    assert Wording.of("x").zh == "x"
    assert Wording.of(w) is w
    assert Wording.one_of(["'a'", "'b'"]).zh == "以下之一：'a'、'b'"


_secret = st.sampled_from([ID_NUMBER, PHONE, EMAIL, "91350100M000100Y43", "138-1234-5678"])
_values = st.one_of(
    _secret,
    _secret.map(lambda s: f"申请人{s}，电话"),
    _secret.map(lambda s: int(s) if s.isdigit() else s),
    st.lists(_secret, max_size=3),
    st.dictionaries(_secret, _secret, max_size=2),
    st.tuples(st.integers(0, 5000), _secret).map(lambda t: "x" * t[0] + t[1]),
    st.text(max_size=30),
)


_SECRETS = (ID_NUMBER, PHONE, EMAIL, "91350100M000100Y43", "138-1234-5678")
#: A masked fragment of a message: ``138****5678``, ``z***@example.com``.
_MASKED = re.compile(r"[A-Za-z0-9@.+-]{0,40}\*{2,}[A-Za-z0-9@.+-]{0,40}")


def _same_masking(error: DisclosureFlowError) -> None:
    en, zh = str(error), error.localized("zh")
    for planted in _SECRETS:
        if planted not in en:
            assert planted not in zh, (type(error).__name__, zh)
    assert sorted(_MASKED.findall(en)) == sorted(_MASKED.findall(zh)), (en, zh)
    assert len(zh) <= len(en) + 200


@settings(max_examples=60, deadline=None)
@given(value=_values, place=st.sampled_from(["case.state", "events[3].date", "line 2.case_id"]))
def test_the_chinese_masks_and_bounds_as_the_english_does(value: object, place: str) -> None:
    for error in _every_class(value, place):
        _same_masking(error)
        shown = errors.show_value(value)  # the same value, shown the same way, in both
        assert (shown in str(error)) == (shown in error.localized("zh")), type(error).__name__


@settings(max_examples=20, deadline=None)
@given(secret=_secret, size=st.integers(0, 20_000))
def test_a_long_value_is_bounded_and_masked_in_chinese_too(secret: str, size: int) -> None:
    for error in _every_class("某" * size + secret, f"events[{secret}]"):
        _same_masking(error)  # bounded as the English is: at most a few words longer


# -- errors actually raised ------------------------------------------------------------------


def _raised() -> Iterator[tuple[str, DisclosureFlowError]]:
    """Errors the public API raises for bad input, one per kind of mistake."""
    from disclosure_flow import (
        R2019,
        Case,
        Overlay,
        Pause,
        PauseReason,
        ReportRecord,
        WorkdayCalendar,
        civil_date,
        compute_deadline,
        parse_date,
        read_records,
    )
    from disclosure_flow.documents import AgencyProfile
    from tests.documents.cases import WITHHELD, replied

    day = dt.date(2026, 9, 28)
    calendar = WorkdayCalendar()
    stored = replied(WITHHELD).to_dict()
    wrong: Any = b"\xc1\xd9"  # a value of the wrong type, as an untyped caller passes it
    entry = 'name = "x"\n[[entry]]\ndate = {date}\nkind = {kind}\nlabel = "a"\nsource = "b"\n'
    attempts: dict[str, object] = {
        "parse_date": lambda: parse_date("2026-13-01"),
        "parse_date type": lambda: parse_date(wrong),
        "civil_date": lambda: civil_date(wrong),
        "civil_date naive": lambda: civil_date(dt.datetime(2026, 9, 28, 9)),
        "coverage": lambda: calendar.add_workdays(dt.date(2040, 1, 2), 3),
        "overlay toml": lambda: Overlay.from_toml("name = "),
        "overlay key": lambda: Overlay.from_toml('name = "x"\nsurprise = 1'),
        "overlay date": lambda: Overlay.from_toml(
            entry.format(date='"2026-W10-2"', kind='"day_off"')
        ),
        "overlay kind": lambda: Overlay.from_toml(entry.format(date="2026-11-19", kind='"party"')),
        "overlay covers": lambda: Overlay.from_toml('name = "x"\ncovers = [2027]'),
        "overlay encoding": lambda: Overlay.from_toml(wrong),
        "deadline pause": lambda: compute_deadline(
            day,
            [Pause(day + _DAYS * 5, day + _DAYS * 2, PauseReason.FEE)],
            policy=R2019,
            calendar=calendar,
        ),
        "deadline policy": lambda: compute_deadline(day, policy=wrong, calendar=calendar),
        "case schema": lambda: Case.from_dict({**stored, "schema": "x"}, calendar=calendar),
        "case version": lambda: Case.from_dict({**stored, "version": 99}, calendar=calendar),
        "case events": lambda: Case.from_dict({**stored, "events": []}, calendar=calendar),
        "case key": lambda: Case.from_dict({**stored, "surprise": 1}, calendar=calendar),
        "record": lambda: ReportRecord.from_dict({"case_id": "X"}),
        "records json": lambda: list(read_records(['{"case_id": '])),
        "records dup": lambda: list(read_records([_record_line(), _record_line()])),
        "profile": lambda: AgencyProfile.from_toml("name = 1"),
        "event refused": lambda: Case.from_dict(stored, calendar=calendar).reply(day, outcome=None),
        "event late": lambda: Case.from_dict(stored, calendar=calendar).withdraw(
            dt.date(2000, 1, 1)
        ),
    }
    for name, attempt in attempts.items():
        try:
            attempt()  # type: ignore[operator]  # each a callable
        except DisclosureFlowError as error:
            yield name, error
        else:  # pragma: no cover  # each attempt is a mistake
            raise AssertionError(f"{name} raised nothing")


def _record_line() -> str:
    import json

    from disclosure_flow.reports import record_from_case
    from tests.documents.cases import WITHHELD, replied

    return json.dumps(record_from_case(replied(WITHHELD)).to_dict(), ensure_ascii=False)


def test_errors_raised_speak_chinese() -> None:
    found = []
    for name, error in _raised():
        zh = error.localized("zh")
        if english_in(zh) is not None or zh == str(error):
            found.append(f"{name}: {zh}")
    assert found == [], "\n".join(found)


# -- the command line: refused input is told in Chinese ---------------------------------------


def _cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    import io

    from disclosure_flow.cli import main

    out = io.StringIO()
    code = main(argv, out=out)
    return code, out.getvalue(), capsys.readouterr().err


def _refusals(folder: Path) -> dict[str, list[str]]:
    """Command lines whose input the library refuses, each with its files in *folder*."""
    import json

    from tests.documents.cases import WITHHELD, replied
    from tests.test_cli_notice import NOTICE_2027

    case = replied(WITHHELD)
    (folder / "case.json").write_text(json.dumps(case.to_dict(), ensure_ascii=False), "utf-8")
    broken = {**case.to_dict(), "version": 99}
    (folder / "broken.jsonl").write_text(json.dumps(broken) + "\n", encoding="utf-8")
    (folder / "bad.jsonl").write_text('{"case_id": "X"}\n', encoding="utf-8")
    (folder / "cut.jsonl").write_text('{"case_id": \n', encoding="utf-8")
    (folder / "gbk.toml").write_bytes('name = "临夏"\n'.encode("gbk"))
    (folder / "key.toml").write_text('name = "x"\nsurprise = 1\n', encoding="utf-8")
    (folder / "date.toml").write_text(
        'name = "x"\n[[entry]]\ndate = "2026-W10-2"\nkind = "day_off"\nlabel = "a"\nsource = "b"\n',
        encoding="utf-8",
    )
    notice = NOTICE_2027.replace("1月31日（周日）", "1月31日（周六）")
    (folder / "notice.txt").write_text(notice, encoding="utf-8")
    agency = str(ROOT / "examples" / "agency.toml")
    return {
        "coverage": ["deadline", "2040-01-02"],
        "overlay encoding": ["calendar", "2026-11-19", "--overlay", str(folder / "gbk.toml")],
        "overlay key": ["calendar", "2026-11-19", "--overlay", str(folder / "key.toml")],
        "overlay date": ["calendar", "2026-11-19", "--overlay", str(folder / "date.toml")],
        "record": ["report", str(folder / "bad.jsonl"), "--year", "2025"],
        "record json": ["report", str(folder / "cut.jsonl"), "--year", "2025"],
        "watchlist": ["watchlist", str(folder / "broken.jsonl"), "--as-of", "2026-11-24"],
        "notice": ["calendar", "import-notice", str(folder / "notice.txt"), "-o", "x.toml"],
        "document": ["document", "extension_notice", str(folder / "case.json"), "--agency", agency],
    }


def test_the_command_line_tells_refused_input_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    for name, argv in _refusals(tmp_path).items():
        code, _, err = _cli(argv, capsys)
        assert code in (3, 4), (name, code, err)
        kind, _, message = err.removeprefix("disclosure-flow: ").partition(": ")
        assert kind.endswith("Error"), (name, err)  # the prefix keeps the class's name
        assert english_in(message) is None, (name, message)
        as_json = ["--format", "json"] if argv[0] == "report" else ["--json"]
        if argv[:2] != ["calendar", "import-notice"]:
            _, out, _ = _cli([*argv, *as_json], capsys)
            message = json.loads(out)["error"]["message"]
            assert english_in(message) is None, (name, message)
        if argv[0] in ("calendar", "deadline", "watchlist"):
            _, _, err = _cli([*argv, "--lang", "en"], capsys)
            assert english_in(err) is not None, (name, err)  # --lang en: in English
