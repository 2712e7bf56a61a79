"""The library's error hierarchy (错误类型).

Every error raised on purpose by ``disclosure_flow`` is a :class:`DisclosureFlowError`
and *also* an instance of the builtin exception it means, so existing
``except ValueError`` / ``except LookupError`` code keeps working. Each error keeps
the offending value and what was allowed as attributes, and its message says all
three: what was wrong, the value, what is allowed.

**What a message shows of a value (脱敏).** Errors end up in logs and on screens, and
the values they are about are often an applicant's personal data. Every message shows
its value through :func:`show_value`: a bounded repr (at most about 80 characters;
long strings cut with their length, deep or long containers cut to a few levels and
items), in which whatever looks like a resident ID number (居民身份证号码), a unified
social credit code (统一社会信用代码), a phone number (电话号码) or an e-mail address
(电子邮箱) is masked (:func:`mask_text`), also inside longer text:

>>> str(SerializationError("applicant.contact.phone", 13812345678, "a string"))
'applicant.contact.phone: invalid value 138****5678; allowed: a string'
>>> show_value("身份证11010519491231002X")
"'身份证1101**********002X'"
>>> show_value("x" * 1_000_000)
"'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'…(1000000 chars)"

The value itself stays whole in the error's attributes (``error.value``), for the
program that caught it; only ``str(error)`` and ``repr(error)`` are masked. A value
known to be personal data (an applicant's name, number, contact) is shown masked as a
whole (``personal=True``), since an address or a name has no pattern to find.

**Two languages (中英双语).** ``str(error)`` and ``repr(error)`` are English, as they
always were; :meth:`DisclosureFlowError.localized` gives the whole message in Chinese
(``"zh"``) or English (``"en"``). The Chinese says the same: the same place (a field
path or a code identifier stays as it is), the same value shown by the same
:func:`show_value`, masked and bounded alike, and what is allowed. Each free-text part
of an error (``allowed``, ``hint``, ``reason``, ``what``, ``rule``, ``detail``) is a
:class:`Wording`, a ``str`` holding the English with its Chinese in ``.zh``; the
attribute keeps it, so ``error.allowed`` still reads and compares as English and
``Wording.of(error.allowed).zh`` is its Chinese (a plain ``str`` given by a host reads
alike in both). The command line prints the language of ``--lang`` (default Chinese).

>>> error = SerializationError("contact.phone", 13812345678, Wording("a string", "字符串"))
>>> error.localized("zh")
'contact.phone：取值 138****5678 不合法；允许：字符串'
>>> error.allowed, Wording.of(error.allowed).zh
('a string', '字符串')
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable

from disclosure_flow import _masking
from disclosure_flow._masking import _show_place, _shown

# Only the error classes are listed: show_value, mask_text and mask_token below serve
# the messages (and hosts that want the same masking), and Wording the messages' two
# languages; they are not part of the hierarchy.
__all__ = [
    "ClockError",
    "CoverageError",
    "DefinitionError",
    "DisclosureFlowError",
    "DocumentError",
    "DuplicateRecordError",
    "EventRefusedError",
    "InputEncodingError",
    "InvalidDateError",
    "InvalidValueError",
    "LateActError",
    "LateEventError",
    "NoticeError",
    "OverlayError",
    "ProvisionalAnswerError",
    "ReportInvariantError",
    "SerializationError",
    "TemplateError",
    "VersionConflictError",
]

# -- showing values in messages (脱敏) -------------------------------------------------


def mask_token(text: str) -> str:
    """*text*, a value known to identify someone, with all but its head and tail hidden.

    Spaces and hyphens are kept; the other characters are counted, and of *n* of them
    4 + 4 stay visible when *n* ≥ 15 (``1101**********002X``), 3 + 4 when *n* is 11–14
    (``138****5678``), 2 + 2 when *n* is 7–10, none when it is shorter.

    >>> mask_token("11010519491231002X"), mask_token("13812345678"), mask_token("张三")
    ('1101**********002X', '138****5678', '**')
    """
    return _masking.mask_token(text)


def mask_text(text: str) -> str:
    """*text* with whatever looks like identity or contact data masked (脱敏), wherever
    it stands in the text.

    - an e-mail address keeps its first character and its domain: ``z***@example.com``;
    - a phone number written in groups keeps its country code, its first and last
      groups: ``138-****-5678``;
    - a run of letters and digits holding 7 digits or more (a resident ID number, a
      phone number, a passport number, a bank card), or shaped like a unified social
      credit code, is masked by :func:`mask_token`: ``1101**********002X``,
      ``138****5678``.

    Dates (``2026-09-28``), short numbers and words are left as they are, and masking
    a masked text again changes nothing.

    >>> mask_text("电话13812345678，邮箱zhangsan@example.com，2026-09-28")
    '电话138****5678，邮箱z***@example.com，2026-09-28'
    """
    return _masking.mask_text(text)


def show_value(value: object) -> str:
    """How an error message shows *value*: a bounded repr with identity and contact
    data masked (脱敏显示).

    At most about 80 characters: a long string shows its first 60 characters and its
    length (``'abc…'…(52428800 chars)``), an int of more than 40 digits its size
    (``<int of 5001 digits>``), a container its first items to 3 levels; anything
    :func:`mask_text` finds is masked. Built without recursion past those levels, so a
    deeply nested value cannot exhaust the stack; never raises, whatever the value's
    own ``__repr__`` does.

    >>> show_value({"phone": "13812345678", "tags": [[[["deep"]]]]})
    "{'phone': '138****5678', 'tags': [[[…]]]}"
    """
    return _masking.show_value(value)


# -- the two languages of a message (双语) ---------------------------------------------


class Wording(str):
    """A phrase of an error message in English and in Chinese (双语措辞): a ``str`` whose
    text is the English, so that ``str(error)`` and ``error.allowed`` read and compare as
    they always did, with its Chinese in :attr:`zh`. Every free-text argument of an error
    (``allowed``, ``hint``, ``reason``, ``what``, ``rule``, ``detail``) takes one, or a
    plain ``str`` that then reads alike in both languages.

    >>> w = Wording("a non-empty string", "非空字符串")
    >>> (w == "a non-empty string", w.en, w.zh)
    (True, 'a non-empty string', '非空字符串')
    """

    zh: str

    def __new__(cls, en: str, zh: str) -> Wording:
        self = super().__new__(cls, en)
        self.zh = str(zh)
        return self

    @property
    def en(self) -> str:
        """The English, as a plain ``str``."""
        return str.__str__(self)

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]  # copy, pickle
        return self.en, self.zh

    @classmethod
    def of(cls, text: object) -> Wording:
        """*text* as a wording: itself if it is one, else the same text in both languages."""
        return text if isinstance(text, Wording) else cls(str(text), str(text))

    @classmethod
    def one_of(cls, shown: Iterable[str]) -> Wording:
        """``one of a, b`` (``以下之一：a、b``), of choices already shown as text."""
        items = list(shown)
        return cls("one of " + ", ".join(items), "以下之一：" + "、".join(items))


#: A free-text argument of an error: a :class:`Wording`, or a ``str`` read alike in both.
Text = Wording | str


def _zh(text: object) -> str:
    return text.zh if isinstance(text, Wording) else str(text)


#: A line named in a place (``line 3.case_id``, ``line 3: case.version``, ``line 3``).
_LINE = re.compile(r"\bline (\d+)\b(?:\.|: )?")


def _place(text: str) -> Wording:
    """A place as the messages show it; in Chinese a line is ``第 3 行``."""
    return Wording(text, _LINE.sub(lambda m: f"第 {m[1]} 行" + ("，" * (m.end() > m.end(1))), text))


class DisclosureFlowError(Exception):
    """Root of every error the library raises on purpose (本库错误的根类型).

    ``str(error)`` is its message in English, :meth:`localized` in either language; a
    host's own subclass passes its message as a :class:`Wording` to have both.
    """

    #: Per class, the message's templates in English and in Chinese (``str.format``).
    _EN = _ZH = "{message}"
    _zh_message: str | None = None

    def __init__(self, *args: object) -> None:
        if len(args) == 1 and isinstance(args[0], Wording):
            self._zh_message, args = args[0].zh, (args[0].en,)
        super().__init__(*args)

    def _say(self, **parts: object) -> None:
        """The message: the templates filled with *parts*, each wording in each language."""
        zh = self._ZH.format_map({name: _zh(part) for name, part in parts.items()})
        DisclosureFlowError.__init__(self, Wording(self._EN.format_map(parts), zh))

    def localized(self, lang: str = "zh") -> str:
        """The whole message in *lang*, ``"zh"`` (中文) or ``"en"`` (``str(error)``): the
        same place, the same value masked and bounded, the same facts."""
        if lang not in ("zh", "en"):
            raise InvalidValueError.choice("lang", lang, ("zh", "en"))
        zh = self._zh_message
        return zh if lang == "zh" and zh is not None else str(self)


class InvalidValueError(DisclosureFlowError, ValueError):
    """A value is outside what is allowed (取值不合法).

    Attributes:
        field: the name of the argument or field.
        value: the value that was given (whole; the message shows it masked).
        allowed: a human-readable statement of what is allowed (a ``str``; a
            :class:`Wording` when given one: ``Wording.of(error.allowed).zh`` is its
            Chinese).
        personal: whether the value is personal data (an applicant's name, number or
            contact), shown masked as a whole.
    """

    _EN = "{field}: invalid value {value}; allowed: {allowed}"
    _ZH = "{field}：取值 {value} 不合法；允许：{allowed}"

    def __init__(self, field: str, value: object, allowed: Text, *, personal: bool = False) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        self.personal = personal
        self._say(field=field, value=_shown(value, personal), allowed=allowed)

    @classmethod
    def choice(cls, field: str, value: object, choices: Iterable[object]) -> InvalidValueError:
        """An error for a value that must be one of *choices*."""
        return cls(field, value, Wording.one_of(show_value(c) for c in choices))


class InvalidDateError(DisclosureFlowError, TypeError):
    """A date argument has the wrong type (日期类型错误).

    Only :class:`datetime.date` is a civil date here. A :class:`datetime.datetime`
    is refused, because silently dropping its time (and time zone) can move the
    day: convert it explicitly with :func:`disclosure_flow.civil_date`. Strings
    are parsed only by :func:`disclosure_flow.parse_date`.

    Attributes:
        field: the name of the argument.
        value: the value that was given.
    """

    _EN = "{field}: expected a datetime.date, got {value}{hint}"
    _ZH = "{field}：应为 datetime.date，实为 {value}{hint}"

    def __init__(self, field: str, value: object, hint: Text = "") -> None:
        self.field = field
        self.value = value
        self.allowed = Wording("a datetime.date", "datetime.date 日期")
        if not hint:
            if isinstance(value, _dt.datetime):
                hint = Wording(
                    "a datetime is not a civil date; convert an aware datetime with "
                    "disclosure_flow.civil_date(value)",
                    "datetime 不是历法日期：带时区的 datetime 请用 "
                    "disclosure_flow.civil_date(value) 转换",
                )
            elif isinstance(value, str):
                hint = Wording(
                    "parse text explicitly with disclosure_flow.parse_date(value)",
                    "文本请用 disclosure_flow.parse_date(value) 明确解析",
                )
        shown = f"{type(value).__name__} {show_value(value)}"
        note = Wording(f" ({hint})", f"（{_zh(hint)}）") if hint else ""
        self._say(field=field, value=shown, hint=note)


class CoverageError(DisclosureFlowError, LookupError):
    """A question needs working-day data that the calendar does not have (超出日历数据范围).

    Raised by a strict calendar when a date falls outside its covered range, e.g. a
    deadline that runs into a year whose State Council holiday notice is not in the
    data yet.

    Attributes:
        requested: the date that was needed.
        first: the first covered date.
        last: the last covered date.
    """

    _EN = "no working-day data for {requested}: the calendar covers {first} to {last}{hint}"
    _ZH = "没有 {requested} 的工作日数据：日历只覆盖 {first} 至 {last}{hint}"

    def __init__(
        self, requested: _dt.date, first: _dt.date, last: _dt.date, hint: Text = ""
    ) -> None:
        self.requested = requested
        self.first = first
        self.last = last
        note = Wording(f"; {hint}", f"；{_zh(hint)}") if hint else ""
        self._say(
            requested=requested.isoformat(),
            first=first.isoformat(),
            last=last.isoformat(),
            hint=note,
        )


class ProvisionalAnswerError(DisclosureFlowError, LookupError):
    """A plain answer was asked for, but it depends on estimated days (答案依赖估计数据).

    Plain calendar methods return only final answers. When the answer touches a
    day whose status is *estimated* (a provisional estimate of an uncovered year,
    or an overlay entry marked estimated), ask the ``*_result`` form of the same
    method, which returns the answer with its provisional flag and range.

    Attributes:
        estimated: the estimated days the answer depends on (first few).
    """

    _EN = (
        "{operation}: the answer depends on estimated days ({days}); "
        "use {operation}_result(...) to get it marked provisional with its range"
    )
    _ZH = (
        "{operation}：答案依赖估计的日期（{days}）；"
        "请改用 {operation}_result(...)，得到标明暂定并附范围的答案"
    )

    def __init__(self, operation: str, estimated: tuple[_dt.date, ...]) -> None:
        self.operation = operation
        self.estimated = estimated
        shown = ", ".join(d.isoformat() for d in estimated[:5])
        more = " …" if len(estimated) > 5 else ""
        self._say(operation=operation, days=shown + more)


class OverlayError(DisclosureFlowError, ValueError):
    """Overlay data is malformed (本地节假日数据格式错误).

    Attributes:
        where: the file and entry, or the field, that is wrong.
        value: the offending value.
        allowed: what is allowed there.
    """

    _EN = "overlay {where}: invalid value {value}; allowed: {allowed}"
    _ZH = "节假日数据 {where}：取值 {value} 不合法；允许：{allowed}"

    def __init__(self, where: str, value: object, allowed: Text) -> None:
        self.where = where
        self.value = value
        self.allowed = allowed
        self._say(where=_place(_show_place(where)), value=show_value(value), allowed=allowed)


class ClockError(DisclosureFlowError, ValueError):
    """Clock events that cannot be counted (期限计算输入错误): a pause that ends before it
    starts, an event before day 0, an extension beyond the cap.

    Attributes:
        what: which input is wrong (e.g. ``"pause end"``).
        value: the offending value.
        allowed: what is allowed.
    """

    _EN = "{what}: {value} is not allowed; allowed: {allowed}"
    _ZH = "{what}：{value} 不允许；允许：{allowed}"

    def __init__(self, what: Text, value: object, allowed: Text) -> None:
        self.what = what
        self.value = value
        self.allowed = allowed
        self._say(what=what, value=show_value(value), allowed=allowed)


class LateActError(ClockError):
    """An act that is lawful only in time came after its period (逾期行为), and the caller
    did not opt in to recording it with a compliance finding (SPEC §10).

    Attributes:
        rule: the rule and its article, e.g. ``"补正告知 (Art. 30)"``.
        due: the last day the act was allowed.
        acted: the day it was done.
        late_by: working days late.
    """

    _EN = (
        "{rule}: done on {acted}, {late_by} working day(s) after its period ended on {due}; "
        "allowed: on or before {due}, or opt in to record it with a compliance finding"
    )
    _ZH = (
        "{rule}：{acted} 才作出，超过 {due} 届满的期限 {late_by} 个工作日；"
        "允许：{due} 或之前作出，或选择记录该行为并附合规问题"
    )

    def __init__(self, rule: Text, due: _dt.date, acted: _dt.date, late_by: int) -> None:
        self.rule = rule
        self.due = due
        self.acted = acted
        self.late_by = late_by
        self._say(rule=rule, acted=acted.isoformat(), late_by=late_by, due=due.isoformat())
        self.what = rule
        self.value = acted
        self.allowed = Wording(f"on or before {due.isoformat()}", f"{due.isoformat()} 或之前")


class EventRefusedError(DisclosureFlowError, ValueError):
    """A case event that the law or the case's state does not allow (事件不被允许).

    The case is left exactly as it was.

    Attributes:
        event: the event's name.
        state: the case's state when it was refused.
        reason: why it was refused.
        allowed: what is allowed instead (e.g. the events allowed in this state).
    """

    _EN = "event {event} refused in state {state}: {reason}; allowed: {allowed}"
    _ZH = "事件 {event} 在状态 {state} 下被拒绝：{reason}；允许：{allowed}"

    def __init__(self, event: str, state: str, reason: Text, allowed: Text) -> None:
        self.event = event
        self.state = state
        self.reason = reason
        self.allowed = allowed
        event_shown, state_shown = show_value(event), show_value(state)
        self._say(event=event_shown, state=state_shown, reason=reason, allowed=allowed)


class VersionConflictError(EventRefusedError):
    """The case changed since the caller read it (版本冲突): optimistic concurrency.

    Attributes:
        expected: the version the caller expected.
        actual: the case's version.
    """

    def __init__(self, event: str, state: str, expected: int, actual: int) -> None:
        self.expected = expected
        self.actual = actual
        wanted = show_value(expected)
        super().__init__(
            event,
            state,
            Wording(
                f"expected case version {wanted}, but the case is at version {actual}",
                f"期望案件版本为 {wanted}，但案件已是版本 {actual}",
            ),
            Wording(
                f"expected_version={actual} (re-read the case first)",
                f"expected_version={actual}（请先重新读取案件）",
            ),
        )


class SerializationError(DisclosureFlowError, ValueError):
    """Serialized data that cannot be read back (序列化数据错误): malformed or tampered.

    Attributes:
        path: where in the data the problem is (e.g. ``"events[3].date"``).
        value: the offending value (whole; the message shows it masked).
        allowed: what is allowed there.
        personal: whether the value is personal data (an applicant's particulars),
            shown masked as a whole.
    """

    _EN = "{path}: invalid value {value}; allowed: {allowed}"
    _ZH = "{path}：取值 {value} 不合法；允许：{allowed}"

    def __init__(self, path: str, value: object, allowed: Text, *, personal: bool = False) -> None:
        self.path = path
        self.value = value
        self.allowed = allowed
        self.personal = personal
        self._say(path=_place(path), value=_shown(value, personal), allowed=allowed)


class ReportInvariantError(DisclosureFlowError, ValueError):
    """An annual-report table whose invariant fails (年报数据不平衡): it means bad data.

    Attributes:
        column: the column whose numbers disagree.
        detail: what was expected and what was found.
        cases: identifiers of the cases involved.
    """

    _EN = "annual report column {column}: {detail}{cases}"
    _ZH = "年度报告栏目 {column}：{detail}{cases}"

    def __init__(self, column: str, detail: Text, cases: tuple[str, ...] = ()) -> None:
        self.column = column
        self.detail = detail
        self.cases = cases
        # Case identifiers are the host's own references, shown to find the cases: cut
        # when long, not masked.
        shown = ", ".join(c if len(c) <= 40 else c[:39] + "…" for c in cases[:10])
        shown += " …" if len(cases) > 10 else ""
        listed = Wording(f"; cases involved: {shown}", f"；涉及案件：{shown}") if cases else ""
        self._say(column=show_value(column), detail=detail, cases=listed)


class DefinitionError(InvalidValueError):
    """The lifecycle definition is not a valid graph (流程定义错误).

    Raised when a :class:`~disclosure_flow.cases.lifecycle.Definition` is validated.
    Attributes as :class:`InvalidValueError` (``field`` names the rule that failed:
    ``"initial"``, ``"reachable"``, ``"final"``, ``"trap"``, ``"guards"``,
    ``"branches"``, ``"names"``).
    """


class LateEventError(LateActError, EventRefusedError):
    """A case event refused because it came after its period (逾期行为被拒绝), SPEC §10.

    Both a :class:`LateActError` (with ``rule``, ``due``, ``acted``, ``late_by``) and an
    :class:`EventRefusedError` (with ``event``, ``state``, ``reason``, ``allowed``). A
    host that wants such acts recorded with a finding uses a policy with
    ``late_acts=LateActs.RECORD``.
    """

    _EN, _ZH = LateActError._EN, LateActError._ZH

    def __init__(
        self, event: str, state: str, rule: Text, due: _dt.date, acted: _dt.date, late_by: int
    ) -> None:
        LateActError.__init__(self, rule, due, acted, late_by)
        self.event = event
        self.state = state
        self.reason = Wording(str(self), self.localized("zh"))
        self.allowed = Wording(
            f"on or before {due.isoformat()}, or a policy with late_acts=RECORD",
            f"{due.isoformat()} 或之前，或使用 late_acts=RECORD 的规则集",
        )


class InputEncodingError(DisclosureFlowError, UnicodeDecodeError):
    """A file whose bytes are not text in the expected encoding (文件编码错误).

    Typically a file saved as GBK by an editor on Chinese Windows, read as UTF-8 (the
    default of every reader: :meth:`~disclosure_flow.workdays.Overlay.load`,
    :func:`~disclosure_flow.reports.read_records`). Also a :class:`UnicodeDecodeError`
    (and so a :class:`ValueError`): ``object`` holds the bytes of the line, ``start``
    and ``end`` the bad bytes in it.

    Attributes:
        source: the file (or stream) that was read.
        encoding: the encoding it was read with.
        line: the 1-based line that holds the bad bytes.
        value: the bytes that could not be decoded.
        allowed: what is allowed.
    """

    _EN = (
        "{source}: line {line} is not {encoding} text (bytes {value}); allowed: {allowed}; "
        "save the file as UTF-8, or name its encoding "
        "(encoding='gbk' in Python, --encoding gbk on the command line)"
    )
    _ZH = (
        "{source}：第 {line} 行不是 {encoding} 文本（字节 {value}）；允许：{allowed}；"
        "请把文件另存为 UTF-8，或指明其编码（Python 中写 encoding='gbk'，命令行写 --encoding gbk）"
    )

    def __init__(
        self, source: str, encoding: str, line: int, data: bytes, start: int, end: int
    ) -> None:
        UnicodeDecodeError.__init__(self, encoding, data, start, end, "not text in this encoding")
        self.source = source
        self.line = line
        self.value = data[start:end]
        shown = "UTF-8" if encoding.lower().replace("_", "-") in _UTF8_NAMES else encoding
        bom = shown == "UTF-8"
        self.allowed = Wording(
            f"{shown} text" + (" (with or without a byte-order mark)" if bom else ""),
            f"{shown} 文本" + ("（带或不带字节顺序标记均可）" if bom else ""),
        )
        parts = {"source": source, "line": line, "encoding": shown, "value": self.value.hex(" ")}
        self._message = self._EN.format(**parts, allowed=self.allowed)
        self._zh_message = self._ZH.format(**parts, allowed=self.allowed.zh)

    def __str__(self) -> str:
        return self._message

    @classmethod
    def from_decode_error(
        cls, error: UnicodeDecodeError, *, source: str, first_line: int = 1
    ) -> InputEncodingError:
        """The error for *error*, raised while decoding bytes of *source* that begin on
        line *first_line* (a whole file: 1)."""
        data = error.object
        line = first_line + data.count(b"\n", 0, error.start)
        begin = data.rfind(b"\n", 0, error.start) + 1
        finish = data.find(b"\n", error.end)
        finish = len(data) if finish < 0 else finish
        return cls(
            source,
            error.encoding,
            line,
            bytes(data[begin:finish]),
            error.start - begin,
            error.end - begin,
        )


_UTF8_NAMES = frozenset({"utf-8", "utf8", "utf-8-sig", "utf8-sig", "u8", "utf"})


class DuplicateRecordError(SerializationError):
    """Two records of one case in the same input (重复的案件记录): each case is counted once.

    Attributes as :class:`SerializationError` (``path`` is ``"line N.case_id"``), and:
        case_id: the repeated case identifier.
        line: the line of the repeated record.
        first_line: the line where the case first appeared.
    """

    def __init__(self, case_id: str, line: int, first_line: int) -> None:
        self.case_id = case_id
        self.line = line
        self.first_line = first_line
        shown = show_value(case_id)
        super().__init__(
            f"line {line}.case_id",
            case_id,
            Wording(
                f"each case once; line {first_line} already holds case {shown}",
                f"每个案件只能有一条记录；第 {first_line} 行已有案件 {shown}",
            ),
        )


class NoticeError(OverlayError):
    """A holiday notice that cannot be read, or that contradicts itself or the law
    (节假日安排通知无法识读或自相矛盾).

    Raised by :meth:`~disclosure_flow.Overlay.from_notice` and
    :meth:`~disclosure_flow.HolidayNotice.parse` instead of returning a partial overlay:
    an unreadable item, a weekday or lunar note that does not match its date, a make-up
    working day that is not a weekend, a statutory holiday left as a working day, a
    ``共N天`` that does not match the range.

    Attributes:
        line: the 1-based line of the pasted text, or ``None`` when the problem is the
            notice as a whole (e.g. a missing statutory holiday with no item for it).
        item: the item's heading as printed (e.g. ``"二、春节"``), or ``""``.
        where: ``line`` and ``item`` as one phrase, for messages (a :class:`Wording`).
        value: the offending text or value (a :class:`Wording` when it is a phrase).
        allowed: what is allowed there.
    """

    _EN = "holiday notice, {where}: {value}; allowed: {allowed}"
    _ZH = "节假日安排通知，{where}：{value}；允许：{allowed}"

    def __init__(self, line: int | None, item: str, value: object, allowed: Text) -> None:
        self.line = line
        self.item = item
        if line is not None:
            where = Wording(f"line {line}", f"第 {line} 行")
        else:
            where = Wording("the notice", "通知全文")
        if item:
            where = Wording(f"{where} ({item})", f"{where.zh}（{item}）")
        self.where = where
        self.value = value
        self.allowed = allowed
        text = value if isinstance(value, Wording) else f"{value!s}"
        self._say(where=where, value=text, allowed=allowed)


class DocumentError(DisclosureFlowError, ValueError):
    """A document that cannot be made from what was given (文书无法生成): it does not fit
    the case's state (a 延期答复告知书 for a case never extended), or the agency profile
    or the arguments lack what it must state.

    Attributes:
        document: the document asked for, e.g. ``"extension_notice"``.
        reason: what is wrong.
        allowed: what would do instead (the documents that fit the case, the fields to
            give).
        missing: every missing field or element, all at once (empty when the problem is
            the case's state).
    """

    _EN = "document {document}: {reason}; allowed: {allowed}"
    _ZH = "文书 {document}：{reason}；允许：{allowed}"

    def __init__(
        self, document: str, reason: Text, allowed: Text, *, missing: tuple[str, ...] = ()
    ) -> None:
        self.document = document
        self.reason = reason
        self.allowed = allowed
        self.missing = missing
        # The reason and the allowed text may quote the case (a state, a field's name):
        # masked like any value, so that no identity number or phone reaches a log.
        masked = [Wording(mask_text(t), mask_text(_zh(t))) for t in (reason, allowed)]
        self._say(document=show_value(document), reason=masked[0], allowed=masked[1])


class TemplateError(DocumentError):
    """A document template that cannot be used (文书模板不合格): it does not parse, or it
    lacks an element the law requires (e.g. a reply without the remedies paragraph).
    Raised when the template is loaded, or when a rendered element fails to state what it
    must.

    Attributes as :class:`DocumentError`, and:
        template: the template's file name (e.g. ``"reply.j2"``).
    """

    def __init__(
        self,
        document: str,
        template: str,
        reason: Text,
        allowed: Text,
        *,
        missing: tuple[str, ...] = (),
    ) -> None:
        self.template = template
        reason = Wording(f"template {template}: {reason}", f"模板 {template}：{_zh(reason)}")
        super().__init__(document, reason, allowed, missing=missing)
