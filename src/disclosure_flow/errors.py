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
"""

from __future__ import annotations

import datetime as _dt
import re
import reprlib
from collections.abc import Iterable, Mapping
from typing import Any

# Only the error classes are listed: show_value, mask_text and mask_token below serve
# the messages (and hosts that want the same masking); they are not part of the hierarchy.
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

#: At most about this many characters of a value are shown.
_VALUE_WIDTH = 80
#: Characters shown of a long string: on its own, and inside a container.
_STRING_HEAD = 60
_INNER_STRING_HEAD = 24
#: Characters read past a cut, so that a number the cut splits is still recognised.
_MASK_MARGIN = 24
#: Characters of a place (a path, an overlay entry) shown.
_PLACE_WIDTH = 160

#: An e-mail address; its local part is ASCII, or (a rarer internationalised address)
#: all non-ASCII, so a word written right before it is not taken for part of it.
_EMAIL = re.compile(r"([A-Za-z0-9._%+\-]+|[^\x00-\x7f\s@]+)@([\w\-]+(?:\.[\w\-]+)+)")
#: A phone number written in groups: ``138-1234-5678``, ``+86 138 1234 5678``.
_GROUPED_PHONE = re.compile(
    r"(?<![0-9A-Za-z])(\+\d{1,3}[ \-])?(\d{2,4}[ \-]\d{3,4}[ \-]\d{4})(?![0-9A-Za-z])"
)
#: A run of letters and digits: an identity number, a code, a phone number, a word.
_TOKEN = re.compile(r"(?:[A-Za-z]|\d)+")
_DIGIT = re.compile(r"\d")
#: The shape of a unified social credit code (GB 32100-2015), whatever its digits.
_SOCIAL_CREDIT_CODE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}")
#: A token with this many digits or more is taken for an identifying number.
_IDENTIFYING_DIGITS = 7


def _kept(length: int) -> tuple[int, int]:
    """How many characters of an identifying value of *length* stay visible at its
    head and tail: 4 + 4 of an ID number or a code (15 characters or more), 3 + 4 of a
    mobile number (11–14), 2 + 2 of a shorter number (7–10), none of anything shorter."""
    if length >= 15:
        return 4, 4
    if length >= 11:
        return 3, 4
    if length >= 7:
        return 2, 2
    return 0, 0


def mask_token(text: str) -> str:
    """*text*, a value known to identify someone, with all but its head and tail hidden.

    Spaces and hyphens are kept; the other characters are counted, and of *n* of them
    4 + 4 stay visible when *n* ≥ 15 (``1101**********002X``), 3 + 4 when *n* is 11–14
    (``138****5678``), 2 + 2 when *n* is 7–10, none when it is shorter.

    >>> mask_token("11010519491231002X"), mask_token("13812345678"), mask_token("张三")
    ('1101**********002X', '138****5678', '**')
    """
    length = sum(1 for c in text if not (c.isspace() or c == "-"))
    head, tail = _kept(length)
    out = []
    seen = 0
    for c in text:
        if not (c.isspace() or c == "-"):
            seen += 1
            if head < seen <= length - tail:
                c = "*"
        out.append(c)
    return "".join(out)


def _mask_email(match: re.Match[str]) -> str:
    return f"{match.group(1)[0]}***@{match.group(2)}"


def _mask_grouped_phone(match: re.Match[str]) -> str:
    return (match.group(1) or "") + mask_token(match.group(2))


def _mask_token_match(match: re.Match[str]) -> str:
    token = match.group()
    if len(_DIGIT.findall(token)) >= _IDENTIFYING_DIGITS or _SOCIAL_CREDIT_CODE.fullmatch(token):
        return mask_token(token)
    return token


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
    text = _EMAIL.sub(_mask_email, text)
    text = _GROUPED_PHONE.sub(_mask_grouped_phone, text)
    return _TOKEN.sub(_mask_token_match, text)


def _cut_string(text: str, head: int) -> str:
    """The repr of *text* (any ``str``, subclasses read as plain strings), masked, and
    cut after *head* characters with its length."""
    length = str.__len__(text)
    if length <= head:
        return repr(mask_text(str.__getitem__(text, slice(None))))
    # Masked with a margin past the cut, so a number it splits is still recognised.
    shown = mask_text(str.__getitem__(text, slice(0, head + _MASK_MARGIN)))[:head]
    quoted = repr(shown)
    while len(quoted) > head + 2 and shown:  # escapes made it longer: fewer characters
        shown = shown[: max(0, len(shown) - (len(quoted) - head - 2))]
        quoted = repr(shown)
    return f"{quoted}…({length} chars)"


#: Ints with more digits than this are shown by their size.
_LONG_INT_DIGITS = 40


def _digit_count(value: int) -> str:
    bits = abs(value).bit_length()
    estimate = int(bits * 0.30102999566398120) + 1  # log10(2): exact or one too many
    if bits > 1_000_000:  # too costly to settle: the estimate is close enough
        return f"about {estimate}"
    if abs(value) < 10 ** (estimate - 1):
        estimate -= 1
    return str(estimate)


def _int_repr(value: int) -> str:
    value = int.__pos__(value)  # a plain int, whatever a subclass overrides
    if value.bit_length() > 133:  # at least 10**40: 41 digits or more
        return f"<int of {_digit_count(value)} digits>"
    return mask_text(int.__repr__(value))


class _ValueRepr(reprlib.Repr):
    """The standard library's bounded repr, with strings and ints masked and cut, any
    ``str``/``int``/container subclass read as its base type (their own ``__repr__``
    is not trusted to be short or safe), and any other object's repr cut and masked."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 3
        self.maxdict = 4
        self.maxlist = self.maxtuple = self.maxset = self.maxfrozenset = 5
        self.maxdeque = self.maxarray = 5
        self.maxstring = _INNER_STRING_HEAD
        self.maxlong = _LONG_INT_DIGITS
        self.maxother = _VALUE_WIDTH
        self.fillvalue = "…"

    def repr1(self, x: Any, level: int) -> str:
        if x is None or type(x) is bool:
            return repr(x)
        if isinstance(x, str):
            return _cut_string(x, self.maxstring)
        if isinstance(x, int):
            return _int_repr(x)
        if isinstance(x, float):
            return mask_text(float.__repr__(x))
        if isinstance(x, bytes | bytearray):
            head = bytes(x[: self.maxstring])
            suffix = f"…({len(x)} bytes)" if len(x) > self.maxstring else ""
            return mask_text(repr(head)) + suffix
        if isinstance(x, Mapping):
            return self.repr_dict(x, level)  # type: ignore[arg-type]  # any mapping reads
        if isinstance(x, list):
            return self.repr_list(x, level)
        if isinstance(x, tuple):
            return self.repr_tuple(x, level)
        if isinstance(x, frozenset):
            return self.repr_frozenset(x, level)
        if isinstance(x, set):
            return self.repr_set(x, level)
        return self.repr_instance(x, level)

    def repr_instance(self, x: Any, level: int) -> str:
        try:
            text = repr(x)
        except Exception:
            return f"<{type(x).__name__} object>"
        if not isinstance(text, str):
            return f"<{type(x).__name__} object>"
        head = str.__getitem__(text, slice(0, self.maxother + _MASK_MARGIN))
        shown = mask_text(head)
        if str.__len__(text) > self.maxother:
            shown = shown[: self.maxother - 1] + self.fillvalue
        return shown


_VALUE_REPR = _ValueRepr()


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
    try:
        if isinstance(value, str):
            return _cut_string(value, _STRING_HEAD)
        shown = _VALUE_REPR.repr(value)
    except Exception:
        return f"<{type(value).__name__} object>"
    if len(shown) > _VALUE_WIDTH:
        shown = shown[: _VALUE_WIDTH - 1] + "…"
    return shown


def _show_personal(value: object) -> str:
    """How a message shows a value known to be personal data: a string masked whole
    (:func:`mask_token`), a container or other object by its type and size only."""
    if value is None or isinstance(value, bool | int | float):
        return show_value(value)
    if isinstance(value, str):
        if not value.strip() and len(value) <= _INNER_STRING_HEAD:
            return show_value(value)  # a blank string: nothing to hide, and it is the fault
        if len(value) > _STRING_HEAD:
            return f"<str of {len(value)} chars>"
        return repr(mask_token(str.__getitem__(value, slice(None))))
    try:
        size = len(value)  # type: ignore[arg-type]  # objects without a length: below
    except Exception:
        return f"<{type(value).__name__} object>"
    noun = "item" if size == 1 else "items"
    return f"<{type(value).__name__} of {size} {noun}>"


def _shown(value: object, personal: bool) -> str:
    return _show_personal(value) if personal else show_value(value)


def _show_place(text: str) -> str:
    """A place in the data (a path, an overlay entry) that may hold user text: masked
    and bounded."""
    if not isinstance(text, str):
        return show_value(text)
    if len(text) > _PLACE_WIDTH:
        return mask_text(text[: _PLACE_WIDTH + _MASK_MARGIN])[:_PLACE_WIDTH] + "…"
    return mask_text(text)


class DisclosureFlowError(Exception):
    """Root of every error the library raises on purpose (本库错误的根类型)."""


class InvalidValueError(DisclosureFlowError, ValueError):
    """A value is outside what is allowed (取值不合法).

    Attributes:
        field: the name of the argument or field.
        value: the value that was given (whole; the message shows it masked).
        allowed: a human-readable statement of what is allowed.
        personal: whether the value is personal data (an applicant's name, number or
            contact), shown masked as a whole.
    """

    def __init__(self, field: str, value: object, allowed: str, *, personal: bool = False) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        self.personal = personal
        super().__init__(f"{field}: invalid value {_shown(value, personal)}; allowed: {allowed}")

    @classmethod
    def choice(cls, field: str, value: object, choices: Iterable[object]) -> InvalidValueError:
        """An error for a value that must be one of *choices*."""
        listed = ", ".join(show_value(c) for c in choices)
        return cls(field, value, f"one of {listed}")


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

    def __init__(self, field: str, value: object, hint: str = "") -> None:
        self.field = field
        self.value = value
        self.allowed = "a datetime.date"
        if not hint:
            if isinstance(value, _dt.datetime):
                hint = (
                    "a datetime is not a civil date; convert an aware datetime with "
                    "disclosure_flow.civil_date(value)"
                )
            elif isinstance(value, str):
                hint = "parse text explicitly with disclosure_flow.parse_date(value)"
        message = (
            f"{field}: expected a datetime.date, got {type(value).__name__} {show_value(value)}"
        )
        if hint:
            message += f" ({hint})"
        super().__init__(message)


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

    def __init__(
        self,
        requested: _dt.date,
        first: _dt.date,
        last: _dt.date,
        hint: str = "",
    ) -> None:
        self.requested = requested
        self.first = first
        self.last = last
        message = (
            f"no working-day data for {requested.isoformat()}: the calendar covers "
            f"{first.isoformat()} to {last.isoformat()}"
        )
        if hint:
            message += f"; {hint}"
        super().__init__(message)


class ProvisionalAnswerError(DisclosureFlowError, LookupError):
    """A plain answer was asked for, but it depends on estimated days (答案依赖估计数据).

    Plain calendar methods return only final answers. When the answer touches a
    day whose status is *estimated* (a provisional estimate of an uncovered year,
    or an overlay entry marked estimated), ask the ``*_result`` form of the same
    method, which returns the answer with its provisional flag and range.

    Attributes:
        estimated: the estimated days the answer depends on (first few).
    """

    def __init__(self, operation: str, estimated: tuple[_dt.date, ...]) -> None:
        self.operation = operation
        self.estimated = estimated
        shown = ", ".join(d.isoformat() for d in estimated[:5])
        more = " …" if len(estimated) > 5 else ""
        super().__init__(
            f"{operation}: the answer depends on estimated days ({shown}{more}); "
            f"use {operation}_result(...) to get it marked provisional with its range"
        )


class OverlayError(DisclosureFlowError, ValueError):
    """Overlay data is malformed (本地节假日数据格式错误).

    Attributes:
        where: the file and entry, or the field, that is wrong.
        value: the offending value.
        allowed: what is allowed there.
    """

    def __init__(self, where: str, value: object, allowed: str) -> None:
        self.where = where
        self.value = value
        self.allowed = allowed
        super().__init__(
            f"overlay {_show_place(where)}: invalid value {show_value(value)}; allowed: {allowed}"
        )


class ClockError(DisclosureFlowError, ValueError):
    """Clock events that cannot be counted (期限计算输入错误): a pause that ends before it
    starts, an event before day 0, an extension beyond the cap.

    Attributes:
        what: which input is wrong (e.g. ``"pause end"``).
        value: the offending value.
        allowed: what is allowed.
    """

    def __init__(self, what: str, value: object, allowed: str) -> None:
        self.what = what
        self.value = value
        self.allowed = allowed
        super().__init__(f"{what}: {show_value(value)} is not allowed; allowed: {allowed}")


class LateActError(ClockError):
    """An act that is lawful only in time came after its period (逾期行为), and the caller
    did not opt in to recording it with a compliance finding (SPEC §10).

    Attributes:
        rule: the rule and its article, e.g. ``"补正告知 (Art. 30)"``.
        due: the last day the act was allowed.
        acted: the day it was done.
        late_by: working days late.
    """

    def __init__(self, rule: str, due: _dt.date, acted: _dt.date, late_by: int) -> None:
        self.rule = rule
        self.due = due
        self.acted = acted
        self.late_by = late_by
        DisclosureFlowError.__init__(
            self,
            f"{rule}: done on {acted.isoformat()}, {late_by} working day(s) after its "
            f"period ended on {due.isoformat()}; allowed: on or before {due.isoformat()}, "
            "or opt in to record it with a compliance finding",
        )
        self.what = rule
        self.value = acted
        self.allowed = f"on or before {due.isoformat()}"


class EventRefusedError(DisclosureFlowError, ValueError):
    """A case event that the law or the case's state does not allow (事件不被允许).

    The case is left exactly as it was.

    Attributes:
        event: the event's name.
        state: the case's state when it was refused.
        reason: why it was refused.
        allowed: what is allowed instead (e.g. the events allowed in this state).
    """

    def __init__(self, event: str, state: str, reason: str, allowed: str) -> None:
        self.event = event
        self.state = state
        self.reason = reason
        self.allowed = allowed
        super().__init__(
            f"event {show_value(event)} refused in state {show_value(state)}: {reason}; "
            f"allowed: {allowed}"
        )


class VersionConflictError(EventRefusedError):
    """The case changed since the caller read it (版本冲突): optimistic concurrency.

    Attributes:
        expected: the version the caller expected.
        actual: the case's version.
    """

    def __init__(self, event: str, state: str, expected: int, actual: int) -> None:
        self.expected = expected
        self.actual = actual
        super().__init__(
            event,
            state,
            f"expected case version {show_value(expected)}, but the case is at version {actual}",
            f"expected_version={actual} (re-read the case first)",
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

    def __init__(self, path: str, value: object, allowed: str, *, personal: bool = False) -> None:
        self.path = path
        self.value = value
        self.allowed = allowed
        self.personal = personal
        super().__init__(f"{path}: invalid value {_shown(value, personal)}; allowed: {allowed}")


class ReportInvariantError(DisclosureFlowError, ValueError):
    """An annual-report table whose invariant fails (年报数据不平衡): it means bad data.

    Attributes:
        column: the column whose numbers disagree.
        detail: what was expected and what was found.
        cases: identifiers of the cases involved.
    """

    def __init__(self, column: str, detail: str, cases: tuple[str, ...] = ()) -> None:
        self.column = column
        self.detail = detail
        self.cases = cases
        # Case identifiers are the host's own references, shown to find the cases: cut
        # when long, not masked.
        shown = ", ".join(c if len(c) <= 40 else c[:39] + "…" for c in cases[:10])
        shown += " …" if len(cases) > 10 else ""
        message = f"annual report column {show_value(column)}: {detail}"
        if cases:
            message += f"; cases involved: {shown}"
        super().__init__(message)


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

    def __init__(
        self, event: str, state: str, rule: str, due: _dt.date, acted: _dt.date, late_by: int
    ) -> None:
        LateActError.__init__(self, rule, due, acted, late_by)
        self.event = event
        self.state = state
        self.reason = str(self)
        self.allowed = f"on or before {due.isoformat()}, or a policy with late_acts=RECORD"


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

    def __init__(
        self, source: str, encoding: str, line: int, data: bytes, start: int, end: int
    ) -> None:
        UnicodeDecodeError.__init__(self, encoding, data, start, end, "not text in this encoding")
        self.source = source
        self.line = line
        self.value = data[start:end]
        shown = "UTF-8" if encoding.lower().replace("_", "-") in _UTF8_NAMES else encoding
        self.allowed = f"{shown} text" + (
            " (with or without a byte-order mark)" if shown == "UTF-8" else ""
        )
        self._message = (
            f"{source}: line {line} is not {shown} text (bytes {self.value.hex(' ')}); "
            f"allowed: {self.allowed}; save the file as UTF-8, or name its encoding "
            "(encoding='gbk' in Python, --encoding gbk on the command line)"
        )

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
        super().__init__(
            f"line {line}.case_id",
            case_id,
            f"each case once; line {first_line} already holds case {show_value(case_id)}",
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
        where: ``line`` and ``item`` as one phrase, for messages.
        value: the offending text or value.
        allowed: what is allowed there.
    """

    def __init__(self, line: int | None, item: str, value: object, allowed: str) -> None:
        self.line = line
        self.item = item
        where = f"line {line}" if line is not None else "the notice"
        if item:
            where += f" ({item})"
        self.where = where
        self.value = value
        self.allowed = allowed
        DisclosureFlowError.__init__(
            self, f"holiday notice, {where}: {value!s}; allowed: {allowed}"
        )


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

    def __init__(
        self, document: str, reason: str, allowed: str, *, missing: tuple[str, ...] = ()
    ) -> None:
        self.document = document
        self.reason = reason
        self.allowed = allowed
        self.missing = missing
        # The reason and the allowed text may quote the case (a state, a field's name):
        # masked like any value, so that no identity number or phone reaches a log.
        super().__init__(
            f"document {show_value(document)}: {mask_text(reason)}; allowed: {mask_text(allowed)}"
        )


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
        reason: str,
        allowed: str,
        *,
        missing: tuple[str, ...] = (),
    ) -> None:
        self.template = template
        super().__init__(document, f"template {template}: {reason}", allowed, missing=missing)
