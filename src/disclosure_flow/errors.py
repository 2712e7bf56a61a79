"""The library's error hierarchy (错误类型).

Every error raised on purpose by ``disclosure_flow`` is a :class:`DisclosureFlowError`
and *also* an instance of the builtin exception it means, so existing
``except ValueError`` / ``except LookupError`` code keeps working. Each error keeps
the offending value and what was allowed as attributes, and its message says all
three: what was wrong, the value, what is allowed.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

__all__ = [
    "ClockError",
    "CoverageError",
    "DefinitionError",
    "DisclosureFlowError",
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
    "VersionConflictError",
]


class DisclosureFlowError(Exception):
    """Root of every error the library raises on purpose (本库错误的根类型)."""


class InvalidValueError(DisclosureFlowError, ValueError):
    """A value is outside what is allowed (取值不合法).

    Attributes:
        field: the name of the argument or field.
        value: the value that was given.
        allowed: a human-readable statement of what is allowed.
    """

    def __init__(self, field: str, value: object, allowed: str) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        super().__init__(f"{field}: invalid value {value!r}; allowed: {allowed}")

    @classmethod
    def choice(cls, field: str, value: object, choices: Iterable[object]) -> InvalidValueError:
        """An error for a value that must be one of *choices*."""
        listed = ", ".join(repr(c) for c in choices)
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
        message = f"{field}: expected a datetime.date, got {type(value).__name__} {value!r}"
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
        super().__init__(f"overlay {where}: invalid value {value!r}; allowed: {allowed}")


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
        super().__init__(f"{what}: {value!r} is not allowed; allowed: {allowed}")


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
            f"event {event!r} refused in state {state!r}: {reason}; allowed: {allowed}"
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
            f"expected case version {expected}, but the case is at version {actual}",
            f"expected_version={actual} (re-read the case first)",
        )


class SerializationError(DisclosureFlowError, ValueError):
    """Serialized data that cannot be read back (序列化数据错误): malformed or tampered.

    Attributes:
        path: where in the data the problem is (e.g. ``"events[3].date"``).
        value: the offending value.
        allowed: what is allowed there.
    """

    def __init__(self, path: str, value: object, allowed: str) -> None:
        self.path = path
        self.value = value
        self.allowed = allowed
        super().__init__(f"{path}: invalid value {value!r}; allowed: {allowed}")


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
        shown = ", ".join(cases[:10]) + (" …" if len(cases) > 10 else "")
        message = f"annual report column {column!r}: {detail}"
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
            f"each case once; line {first_line} already holds case {case_id!r}",
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
