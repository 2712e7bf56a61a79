"""The report's input records (年报统计记录): one flat value per case, and how to get them.

:class:`ReportRecord` (one case as the annual report and the statistics read it) and
:class:`ProceedingRecord` (a reconsideration or lawsuit, 复议、诉讼记录) with their
options, their ``to_dict``/``from_dict`` forms, the JSON Lines reader and writer
(:func:`read_records`, :func:`write_records`), and the adapter from a
:class:`~disclosure_flow.cases.case.Case` (:func:`record_from_case`). Public through
:mod:`disclosure_flow.reports.annual`.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import enum
import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final, TextIO, TypeVar, cast

import attrs

from disclosure_flow import _fields
from disclosure_flow.cases import (
    ApplicantKind,
    Case,
    LitigationRoute,
    Outcome,
    OutcomeKind,
    OutcomeReason,
    RemedyKind,
    ReportRow,
)
from disclosure_flow.clock import ItemCounting
from disclosure_flow.dates import stored_date
from disclosure_flow.errors import (
    DuplicateRecordError,
    InputEncodingError,
    InvalidDateError,
    InvalidValueError,
    SerializationError,
    Wording,
)


class ProceedingKind(enum.Enum):
    """A proceeding about a request, as table 四 groups them (救济途径).

    Members:
        RECONSIDERATION: administrative reconsideration (行政复议).
        LITIGATION_DIRECT: administrative litigation filed directly (行政诉讼 —
            未经复议直接起诉).
        LITIGATION_AFTER_RECONSIDERATION: administrative litigation after
            reconsideration (行政诉讼 — 复议后起诉).
    """

    RECONSIDERATION = "reconsideration"
    LITIGATION_DIRECT = "litigation_direct"
    LITIGATION_AFTER_RECONSIDERATION = "litigation_after_reconsideration"

    @property
    def labels_zh(self) -> tuple[str, ...]:
        """The header cells of the group, e.g. ``("行政诉讼", "复议后起诉")``."""
        return _PROCEEDING_LABELS[self]


_PROCEEDING_LABELS = {
    ProceedingKind.RECONSIDERATION: ("行政复议",),
    ProceedingKind.LITIGATION_DIRECT: ("行政诉讼", "未经复议直接起诉"),
    ProceedingKind.LITIGATION_AFTER_RECONSIDERATION: ("行政诉讼", "复议后起诉"),
}


class ProceedingResult(enum.Enum):
    """The result of a proceeding, as table 四 counts it (审理结果).

    Members:
        UPHELD: 结果维持.
        CORRECTED: 结果纠正.
        OTHER: 其他结果.
        PENDING: 尚未审结 (not decided yet).
    """

    UPHELD = "upheld"
    CORRECTED = "corrected"
    OTHER = "other"
    PENDING = "pending"

    @property
    def label_zh(self) -> str:
        """The column label of table 四, e.g. ``"结果维持"``."""
        return _RESULT_LABELS[self]


_RESULT_LABELS = {
    ProceedingResult.UPHELD: "结果维持",
    ProceedingResult.CORRECTED: "结果纠正",
    ProceedingResult.OTHER: "其他结果",
    ProceedingResult.PENDING: "尚未审结",
}


def _optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not _dt.date):
        raise InvalidDateError(attribute.name, value)


def _required_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not _dt.date:
        raise InvalidDateError(attribute.name, value)


def _optional_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or value < 0):
        raise InvalidValueError(
            attribute.name,
            value,
            Wording("None or an int >= 0 (working days)", "None 或不小于 0 的整数（工作日）"),
        )


def _flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not bool:
        raise InvalidValueError(attribute.name, value, Wording("True or False", "True 或 False"))


def _yuan(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or value < 0:
        raise InvalidValueError(
            attribute.name, value, Wording("an int >= 0 (yuan, 元)", "不小于 0 的整数（元）")
        )


# The enum-typed fields take a member or its value (_fields.to_member).
def _proceeding_kind(value: ProceedingKind | str) -> ProceedingKind:
    return _fields.to_member(ProceedingKind, value, "kind")


def _proceeding_result(value: ProceedingResult | str) -> ProceedingResult:
    return _fields.to_member(ProceedingResult, value, "result")


def _applicant(value: ApplicantKind | str) -> ApplicantKind:
    return _fields.to_member(ApplicantKind, value, "applicant")


def _row(value: ReportRow | str | None) -> ReportRow | None:
    return _fields.to_optional_member(ReportRow, value, "row")


@attrs.frozen
class ProceedingRecord:
    """A reconsideration or lawsuit about a request, as the report sees it (复议、诉讼记录).

    Attributes:
        kind: reconsideration, litigation filed directly, or after reconsideration.
        filed: the day it was filed (申请复议/起诉之日); it counts in that year.
        result: the result (审理结果); :attr:`ProceedingResult.PENDING` while undecided.
        decided: the day of the decision (决定/裁判之日), ``None`` while pending.
    """

    kind: ProceedingKind = attrs.field(converter=_proceeding_kind)
    filed: _dt.date = attrs.field(validator=_required_date)
    result: ProceedingResult = attrs.field(
        default=ProceedingResult.PENDING, converter=_proceeding_result
    )
    decided: _dt.date | None = attrs.field(default=None, validator=_optional_date)

    def __attrs_post_init__(self) -> None:
        pending = self.result is ProceedingResult.PENDING
        if pending and self.decided is not None:
            raise InvalidValueError(
                "decided",
                self.decided,
                Wording(
                    "None while the result is ProceedingResult.PENDING",
                    "结果为 ProceedingResult.PENDING 时为 None",
                ),
            )
        if not pending and self.decided is None:
            raise InvalidValueError(
                "decided",
                None,
                Wording(
                    f"the day of the decision for result {self.result.value!r}",
                    f"结果 {self.result.value!r} 的决定日期",
                ),
            )
        if self.decided is not None and self.decided < self.filed:
            raise InvalidValueError(
                "decided",
                self.decided,
                Wording(
                    f"on or after filed ({self.filed.isoformat()})",
                    f"filed（{self.filed.isoformat()}）或之后",
                ),
            )

    def result_as_of(self, day: _dt.date) -> ProceedingResult:
        """The result as known at the end of *day* (尚未审结 before the decision)."""
        if self.decided is None or self.decided > day:
            return ProceedingResult.PENDING
        return self.result

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict."""
        return {
            "kind": self.kind.value,
            "filed": self.filed.isoformat(),
            "result": self.result.value,
            "decided": None if self.decided is None else self.decided.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "proceeding") -> ProceedingRecord:
        """Read back :meth:`to_dict`.

        Raises:
            SerializationError: *data* is malformed; the error names the path.
        """
        data = _fields.read_mapping(data, path)
        _fields.check_keys(
            data, path, frozenset({"kind", "filed"}), frozenset({"result", "decided"})
        )
        built: ProceedingRecord = _fields.rebuild(
            path,
            cls,
            kind=_fields.read_enum(data, "kind", path, ProceedingKind),
            filed=_read_date(data, "filed", path, required=True),
            result=_fields.read_enum(data, "result", path, ProceedingResult)
            if "result" in data
            else ProceedingResult.PENDING,
            decided=_read_date(data, "decided", path, required=False),
        )
        return built


@attrs.frozen
class ReportRecord:
    """One case as the annual report and the statistics read it (年报统计记录).

    Flat and calendar-free: the working days and the due date are computed before,
    by the case and its clock.

    Attributes:
        case_id: the host's identifier of the case (案件编号).
        applicant: the applicant's kind, i.e. the column of table 三 (申请人类型).
        received: day 0, the receipt date (收到申请之日, Art. 31); ``None`` if it was
            never confirmed (then the record counts nowhere in table 三).
        concluded: the date of the concluding event (办结日期: reply, abandonment after
            no correction or no payment, withdrawal), ``None`` while open.
        row: the table-三 row of the conclusion (办理结果), ``None`` while open; set
            exactly when *concluded* is.
        proceedings: reconsiderations and lawsuits about the case (行政复议、行政诉讼).
        working_days: working days from day 0 to the reply, net of pauses (答复用时，
            工作日，扣除暂停), ``None`` without a reply.
        overdue_by: working days the reply was late (逾期工作日), 0 if on time, ``None``
            without a reply.
        extended: whether the reply period was extended (延长答复期限, Art. 33).
        consulted: whether a third party or another agency was consulted (征求意见,
            Art. 32, 34).
        fee_yuan: the information processing fee collected, in yuan (收取的信息处理费，元),
            0 if none.
        due: the reply deadline as computed (答复期限), ``None`` if open or unknown.
    """

    case_id: str = attrs.field(validator=_fields.non_empty_text)
    applicant: ApplicantKind = attrs.field(converter=_applicant)
    received: _dt.date | None = attrs.field(validator=_optional_date)
    concluded: _dt.date | None = attrs.field(default=None, kw_only=True, validator=_optional_date)
    row: ReportRow | None = attrs.field(default=None, kw_only=True, converter=_row)
    proceedings: tuple[ProceedingRecord, ...] = attrs.field(default=(), kw_only=True)
    working_days: int | None = attrs.field(default=None, kw_only=True, validator=_optional_count)
    overdue_by: int | None = attrs.field(default=None, kw_only=True, validator=_optional_count)
    extended: bool = attrs.field(default=False, kw_only=True, validator=_flag)
    consulted: bool = attrs.field(default=False, kw_only=True, validator=_flag)
    fee_yuan: int = attrs.field(default=0, kw_only=True, validator=_yuan)
    due: _dt.date | None = attrs.field(default=None, kw_only=True, validator=_optional_date)

    def __attrs_post_init__(self) -> None:
        if (self.row is None) != (self.concluded is None):
            raise InvalidValueError(
                "row",
                self.row,
                Wording(
                    "a ReportRow exactly when concluded is set (both None while open)",
                    "ReportRow：恰在 concluded 有值时给出（办理中两者都是 None）",
                ),
            )
        if not isinstance(self.proceedings, tuple) or not all(
            isinstance(p, ProceedingRecord) for p in self.proceedings
        ):
            raise InvalidValueError(
                "proceedings",
                self.proceedings,
                Wording("a tuple of ProceedingRecord values", "ProceedingRecord 值组成的元组"),
            )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict: one line of the JSON Lines input (:func:`read_records`)."""
        return {
            "case_id": self.case_id,
            "applicant": self.applicant.value,
            "received": _iso(self.received),
            "concluded": _iso(self.concluded),
            "row": None if self.row is None else self.row.key,
            "proceedings": [p.to_dict() for p in self.proceedings],
            "working_days": self.working_days,
            "overdue_by": self.overdue_by,
            "extended": self.extended,
            "consulted": self.consulted,
            "fee_yuan": self.fee_yuan,
            "due": _iso(self.due),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "record") -> ReportRecord:
        """Read back :meth:`to_dict`; absent optional keys take their defaults.

        Raises:
            SerializationError: *data* is malformed or its fields do not fit together
                (e.g. a row without a concluded date); the error names the path.
        """
        data = _fields.read_mapping(data, path)
        _fields.check_keys(data, path, _REQUIRED_KEYS, _OPTIONAL_KEYS)
        raw_proceedings = data.get("proceedings", [])
        if not isinstance(raw_proceedings, list):
            raise SerializationError(
                f"{path}.proceedings", raw_proceedings, Wording("a list", "列表")
            )
        proceedings = tuple(
            ProceedingRecord.from_dict(p, path=f"{path}.proceedings[{i}]")
            for i, p in enumerate(raw_proceedings)
        )
        built: ReportRecord = _fields.rebuild(
            path,
            cls,
            case_id=_fields.read_text(data, "case_id", path),
            applicant=_fields.read_enum(data, "applicant", path, ApplicantKind),
            received=_read_date(data, "received", path, required=False),
            concluded=_read_date(data, "concluded", path, required=False),
            row=_fields.read_optional_enum(data, "row", path, ReportRow),
            proceedings=proceedings,
            working_days=_read_count(data, "working_days", path),
            overdue_by=_read_count(data, "overdue_by", path),
            extended=_read_flag(data, "extended", path),
            consulted=_read_flag(data, "consulted", path),
            fee_yuan=_read_count(data, "fee_yuan", path) or 0,
            due=_read_date(data, "due", path, required=False),
        )
        return built


_REQUIRED_KEYS = frozenset({"case_id", "applicant", "received"})
_OPTIONAL_KEYS = frozenset(
    {
        "concluded",
        "row",
        "proceedings",
        "working_days",
        "overdue_by",
        "extended",
        "consulted",
        "fee_yuan",
        "due",
    }
)


def _iso(day: _dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _read_date(data: Mapping[str, Any], key: str, path: str, *, required: bool) -> Any:
    value = data.get(key)
    if value is None and not required:
        return None
    day = stored_date(value)
    if day is None:
        allowed = Wording(
            "an ISO date 'YYYY-MM-DD'" + ("" if required else " or null"),
            "ISO 日期 'YYYY-MM-DD'" + ("" if required else " 或 null"),
        )
        raise SerializationError(f"{path}.{key}", value, allowed)
    return day


def _read_count(data: Mapping[str, Any], key: str, path: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if type(value) is not int or value < 0:
        raise SerializationError(
            f"{path}.{key}", value, Wording("null or an integer >= 0", "null 或不小于 0 的整数")
        )
    return value


def _read_flag(data: Mapping[str, Any], key: str, path: str) -> bool:
    value = data.get(key, False)
    if type(value) is not bool:
        raise SerializationError(f"{path}.{key}", value, Wording("true or false", "true 或 false"))
    return value


def read_records(
    lines: Iterable[str] | Iterable[bytes] | os.PathLike[str],
    *,
    encoding: str = "utf-8",
) -> Iterator[ReportRecord]:
    """Read report records from JSON Lines (读取年报统计记录): one
    :meth:`ReportRecord.to_dict` object per line; blank lines are skipped.

    Lazy: records are produced as the lines are read. Only the case ids seen so far
    are kept, to refuse a case counted twice (about 100–200 bytes per case).

    Args:
        lines: lines of text (a file opened in text mode, a list of str), lines of
            bytes (a file opened in binary mode, ``sys.stdin.buffer``), or the path of
            a file (a :class:`pathlib.Path`; a ``str`` is refused, being text too).
        encoding: how bytes and files named by their path are decoded (文件编码):
            strict UTF-8 by default, with or without a byte-order mark; name another
            encoding for a file saved so, e.g. ``"gbk"``. Text is decoded already (a
            byte-order mark at its start is ignored).

    Raises:
        SerializationError: a line is not JSON or not a valid record (also a number of
            more than 4300 digits, or nesting too deep to read); the path starts with
            ``line N`` (1-based).
        DuplicateRecordError: a case id that an earlier line already had; the error
            names both lines.
        InputEncodingError: bytes that are not text in *encoding*; the error names the
            file (or stream) and the line.
        InvalidValueError: *lines* is a ``str``, ``bytes`` or something else that is
            not lines, or *encoding* is not a text encoding.
        OSError: the file cannot be read.
    """
    codec = _fields.text_codec(encoding)
    if isinstance(lines, str | bytes | bytearray) or not isinstance(lines, Iterable | os.PathLike):
        raise InvalidValueError(
            "lines",
            type(lines).__name__,
            Wording(
                "lines of text or bytes (e.g. an open file), or a pathlib.Path",
                "文本或字节的各行（如打开的文件），或 pathlib.Path 路径",
            ),
        )
    return _read(lines, codec)


def _read(
    lines: Iterable[str] | Iterable[bytes] | os.PathLike[str], codec: str
) -> Iterator[ReportRecord]:
    seen: dict[str, int] = {}
    for number, path, line in _json_lines(lines, codec):
        record = _parsed(path, line, _record)
        first = seen.setdefault(record.case_id, number)
        if first != number:
            raise DuplicateRecordError(record.case_id, number, first)
        yield record


def _json_lines(
    lines: Iterable[str] | Iterable[bytes] | os.PathLike[str], codec: str
) -> Iterator[tuple[int, str, str]]:
    """The non-blank lines of a JSON Lines input as ``(number, path, text)``: a file by
    its path, or lines of bytes (decoded with *codec*) or of text."""
    if isinstance(lines, os.PathLike):
        with open(lines, "rb") as handle:
            yield from _numbered(_decoded(handle, codec, os.fsdecode(lines)))
        return
    source = getattr(lines, "name", None)
    source = source if isinstance(source, str) else "<input>"
    iterator = _named(iter(lines), source)
    first = next(iterator, None)
    if first is None:
        return
    rest = itertools.chain((first,), iterator)
    if isinstance(first, bytes | bytearray):
        yield from _numbered(_decoded(cast("Iterator[bytes]", rest), codec, source))
    else:
        yield from _numbered(cast("Iterator[str]", rest))


def _numbered(lines: Iterator[str]) -> Iterator[tuple[int, str, str]]:
    for number, line in enumerate(lines, start=1):
        if type(line) is not str:
            raise InvalidValueError(
                f"line {number}",
                type(line).__name__,
                Wording("text (str), like the lines before", "文本（str），与前面各行一样"),
            )
        if number == 1:
            line = line.removeprefix("\ufeff")
        if line.strip():
            yield number, f"line {number}", line


_T = TypeVar("_T")


def _record(data: Any, path: str) -> ReportRecord:
    return ReportRecord.from_dict(data, path=path)


def _parsed(path: str, line: str, build: Callable[[Any, str], _T]) -> _T:
    """``build(object, path)`` of the JSON object on *line*, every failure a
    :class:`SerializationError` naming the line."""
    try:
        return build(json.loads(line), path)
    except json.JSONDecodeError as error:
        raise SerializationError(
            path,
            line.strip()[:80],
            Wording(f"a JSON object ({error.msg})", f"JSON 对象（{error.msg!r}）"),
        ) from None
    except RecursionError:
        raise SerializationError(
            path,
            line.strip()[:80],
            Wording(
                "a JSON object nested a few levels deep, not hundreds",
                "只嵌套几层的 JSON 对象，不能有数百层",
            ),
        ) from None
    except SerializationError:
        raise
    except ValueError as error:  # int() refuses more than 4300 digits
        raise SerializationError(
            path,
            line.strip()[:80],
            Wording(
                f"a JSON object with numbers of usual size ({error})",
                f"数字大小正常的 JSON 对象（{str(error)!r}）",
            ),
        ) from None


def _named(lines: Iterator[Any], source: str) -> Iterator[Any]:
    """*lines*, with a decoding error of a text stream named by its source and line."""
    number = 0
    while True:
        try:
            line = next(lines)
        except StopIteration:
            return
        except UnicodeDecodeError as error:
            raise InputEncodingError.from_decode_error(
                error, source=source, first_line=number + 1
            ) from None
        number += 1
        yield line


def _decoded(chunks: Iterable[bytes], codec: str, source: str) -> Iterator[str]:
    """The lines of text in *chunks* of bytes (lines of a binary file, or any pieces),
    decoded with *codec*, without their line breaks."""
    decoder = codecs.getincrementaldecoder(codec)()
    pending = ""
    done = 0
    iterator = iter(chunks)
    final = False
    while not final:
        chunk = next(iterator, None)
        final = chunk is None
        if chunk is not None and not isinstance(chunk, bytes | bytearray):
            raise InvalidValueError(
                f"line {done + 1}",
                type(chunk).__name__,
                Wording("bytes, like the lines before", "字节（bytes），与前面各行一样"),
            )
        try:
            text = decoder.decode(b"" if chunk is None else chunk, final)
        except UnicodeDecodeError as error:
            raise InputEncodingError.from_decode_error(
                error, source=source, first_line=done + 1
            ) from None
        except UnicodeError:  # e.g. UTF-16 without its byte-order mark, cut short
            rest = bytes(chunk or b"")
            raise InputEncodingError(source, codec, done + 1, rest, 0, len(rest)) from None
        if "\n" not in text:
            pending += text
            continue
        pieces = (pending + text).split("\n")
        pending = pieces.pop()
        done += len(pieces)
        yield from pieces
    if pending:
        yield pending


# Characters that str.splitlines() (and some editors) take for line breaks: escaped, so
# that one record stays one line whatever splits the file.
_LINE_BREAKS: Final = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def write_records(records: Iterable[ReportRecord], out: TextIO) -> int:
    """Write *records* to *out* as JSON Lines (UTF-8 text, Chinese kept readable);
    return how many were written."""
    written = 0
    for record in records:
        line = json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":"))
        out.write(line.translate(_LINE_BREAKS))
        out.write("\n")
        written += 1
    return written


# ---------------------------------------------------------------------------
# Adapter from a Case


def record_from_case(
    case: Case, *, registration_data_row: ReportRow | str = ReportRow.WITHHELD_ADMINISTRATIVE_QUERY
) -> ReportRecord:
    """The :class:`ReportRecord` of a :class:`~disclosure_flow.cases.case.Case`, from its whole
    history (reads only the case's public API).

    Args:
        case: the case.
        registration_data_row: where a registration-data answer (Art. 36(7)) counts;
            default （三）8 (SPEC §6, :meth:`~disclosure_flow.cases.outcomes.Outcome.report_row`).

    Raises:
        InvalidValueError: *registration_data_row* is not a ReportRow.
        CoverageError: the case's calendar lacks days its deadline needs (strict
            calendar).
    """
    concluded: _dt.date | None = None
    row: ReportRow | None = None
    working_days = overdue_by = None
    first = case.concluded  # a re-reply after an order is not a new request [convention]
    if first is not None:
        concluded, outcome = first
        if case.replies and case.replies[0].day == concluded:
            status = case.status(concluded)
            if status is not None:
                working_days, overdue_by = status.used, status.overdue_by
        row = outcome.report_row(registration_data_row=registration_data_row)
    proceedings = []
    for p in case.proceedings:
        if p.kind is RemedyKind.RECONSIDERATION:
            kind = ProceedingKind.RECONSIDERATION
        elif p.route is LitigationRoute.AFTER_RECONSIDERATION:
            kind = ProceedingKind.LITIGATION_AFTER_RECONSIDERATION
        else:
            kind = ProceedingKind.LITIGATION_DIRECT
        proceedings.append(
            ProceedingRecord(kind, p.filed, ProceedingResult(p.result.value), p.decided)
        )
    deadline = case.deadline() if case.day_zero is not None else None
    fee = case.fee
    return ReportRecord(
        case.id,
        case.applicant.kind,
        case.day_zero,
        concluded=concluded,
        row=row,
        proceedings=tuple(proceedings),
        working_days=working_days,
        overdue_by=overdue_by,
        extended=bool(case.extensions),
        consulted=bool(case.consultations),
        fee_yuan=fee.amount if fee is not None and fee.paid is not None else 0,
        due=None if deadline is None else deadline.due,
    )


def records_from_case(
    case: Case, *, registration_data_row: ReportRow | str = ReportRow.WITHHELD_ADMINISTRATIVE_QUERY
) -> tuple[ReportRecord, ...]:
    """The :class:`ReportRecord` values the annual report counts for *case*: one, or —
    for an application of several items under ``Policy(item_counting=ItemCounting.ITEM)``
    (一事一申请, FEES Art. 4) — one per item (``case_id`` ``"ID/1"``, ``"ID/2"``…): an item
    withdrawn on its own concludes on that day as withdrawn (（六）3), the others with the
    reply (each under its own outcome) or the ending. The proceedings count once, with
    the first item.

    Raises:
        InvalidValueError: *registration_data_row* is not a ReportRow.
        CoverageError: the case's calendar lacks days its deadline needs.
    """
    whole = record_from_case(case, registration_data_row=registration_data_row)
    if case.policy.item_counting is not ItemCounting.ITEM or not case.items:
        return (whole,)
    records = []
    withdrawn_outcome = Outcome(OutcomeKind.OTHER_HANDLING, OutcomeReason.WITHDRAWN)
    for n, state in enumerate(case.items, start=1):
        concluded, row = whole.concluded, whole.row
        if state.withdrawn is not None:
            concluded = state.withdrawn
            row = withdrawn_outcome.report_row(registration_data_row=registration_data_row)
        elif state.outcome is not None and case.concluded is not None:
            row = state.outcome.report_row(registration_data_row=registration_data_row)
        records.append(
            attrs.evolve(
                whole,
                case_id=f"{case.id}/{n}",
                concluded=concluded,
                row=row,
                proceedings=whole.proceedings if n == 1 else (),
            )
        )
    return tuple(records)
