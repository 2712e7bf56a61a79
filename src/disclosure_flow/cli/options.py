"""The shared vocabulary of the commands (命令行公用部分): exit codes, option types
that refuse what they cannot read (a usage error, exit 2), the calendar options, and the
output helpers."""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import re
from typing import Any, NoReturn, TextIO

from disclosure_flow.clock import (
    PauseReason,
)
from disclosure_flow.dates import parse_date
from disclosure_flow.errors import DisclosureFlowError, show_value
from disclosure_flow.workdays import (
    Estimates,
    Overlay,
    WorkdayCalendar,
)

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_IO = 4
EXIT_INTERNAL = 70  # EX_SOFTWARE of sysexits.h
EXIT_INTERRUPTED = 130

_EPILOG_ERRORS = """\
exit codes:
  0 success; 1 (watchlist) a listed case needs the agency to act; 2 bad usage;
  3 input refused by the law or the data (e.g. a date outside the calendar); 4 a
  file or the database could not be read (missing, or not text in its encoding:
  see --encoding); 70 an internal error (a bug: please report it); 130 interrupted.
errors:
  on stderr: "disclosure-flow: TYPE: MESSAGE" (bad usage: the usage line, then
  "disclosure-flow COMMAND: error: MESSAGE"). With --json (report: --format json)
  an error is instead one JSON object on stdout, and nothing goes to stderr:
  {"error": {"kind": "usage"|"refused"|"unreadable"|"internal"|"interrupted",
  "type": the error's class or null, "message": the text, "exit": the exit code}}
"""

_EPILOG = (
    """\
examples:
  disclosure-flow deadline 2026-09-28 --channel in_person
  disclosure-flow deadline 2026-09-28 --pause 2026-10-12:2026-10-20:third_party \\
      --extend 10:负责人:2026-10-26 --as-of 2026-11-20
  disclosure-flow deadline 2026-12-10 --estimates allow --lang en
  disclosure-flow calendar 2026-10-10
  disclosure-flow calendar 2026-09-28 --add 20
  disclosure-flow calendar 2026-09-30 2026-10-09 --overlay examples/overlays/linxia.toml
  disclosure-flow calendar --coverage --json
  disclosure-flow calendar import-notice notice.txt -o 2027.toml
  disclosure-flow report cases.jsonl --year 2025 --format markdown
  disclosure-flow recompute open-cases.jsonl --overlay 2027.toml
  disclosure-flow watchlist open-cases.jsonl --as-of 2026-11-24 --json
  disclosure-flow storage recompute --url sqlite:///cases.db
  disclosure-flow document reply case.json --agency agency.toml --format docx -o reply.docx

"""
    + _EPILOG_ERRORS
)


class _UsageError(Exception):
    """Bad usage of the command line (exit 2), with the parser that can show its usage."""

    def __init__(self, message: str, parser: argparse.ArgumentParser | None = None) -> None:
        super().__init__(message)
        self.parser = parser


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises :class:`_UsageError` instead of exiting, so that
    usage errors are reported like every other error (as JSON with ``--json``)."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message, self)


_DATE_FORMS = "an ISO date like 2026-09-28 or 20260928, or 2026年9月28日, in digits 0-9"


def _parse_date_text(text: str, what: str) -> _dt.date:
    """*text* as a date; only ASCII digits are digits (``٣`` or ``３`` are refused)."""
    if any(ch.isdigit() and not ch.isascii() for ch in text):
        raise argparse.ArgumentTypeError(
            f"{what} {show_value(text)} has a digit other than 0-9; allowed: {_DATE_FORMS}"
        )
    try:
        return parse_date(text)
    except DisclosureFlowError:
        raise argparse.ArgumentTypeError(
            f"{what} {show_value(text)} is not a date; allowed: {_DATE_FORMS}"
        ) from None


def _date(text: str) -> _dt.date:
    return _parse_date_text(text, "date")


def _whole_number(text: str, what: str, *, signed: bool = False) -> int:
    """*text* as a whole number in ASCII digits (``int()`` would also take ``٣``, ``１``,
    ``+3``, ``1_0`` and spaces)."""
    pattern = r"-?[0-9]+" if signed else r"[0-9]+"
    if not re.fullmatch(pattern, text, re.ASCII):
        allowed = "a whole number" + (", negative to count back," if signed else "")
        raise argparse.ArgumentTypeError(
            f"{what} {show_value(text)} is not a number; allowed: {allowed} in digits 0-9, e.g. 5"
        )
    return int(text)


def _count(text: str) -> int:
    return _whole_number(text, "number")


def _signed_count(text: str) -> int:
    return _whole_number(text, "number", signed=True)


def _year(text: str) -> int:
    if not re.fullmatch(r"[0-9]{4}", text, re.ASCII):
        raise argparse.ArgumentTypeError(
            f"year {show_value(text)} is not a year; allowed: four digits 0-9, e.g. 2025"
        )
    return int(text)


def _encoding(text: str) -> str:
    try:
        "".encode(text)  # a LookupError also for bytes-to-bytes codecs such as base64
    except LookupError:
        raise argparse.ArgumentTypeError(
            f"{show_value(text)} is not a text encoding; "
            "allowed: e.g. utf-8 (the default), gbk, gb18030"
        ) from None
    return text


_PAUSE_SHAPE = "START:END:REASON (END empty while it runs), REASON one of " + ", ".join(
    r.value for r in PauseReason
)


def _pause(text: str) -> tuple[_dt.date, _dt.date | None, PauseReason]:
    pieces = text.split(":")
    if len(pieces) != 3:
        raise argparse.ArgumentTypeError(
            f"{show_value(text)} is not a pause; allowed: {_PAUSE_SHAPE}"
        )
    start, end, reason = pieces
    try:
        why = PauseReason(reason)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"REASON {reason!r} is not a pause reason; allowed: {_PAUSE_SHAPE}"
        ) from None
    return (
        _parse_date_text(start, "START"),
        _parse_date_text(end, "END") if end else None,
        why,
    )


_EXTEND_SHAPE = "DAYS:APPROVER:GRANTED_ON, e.g. 10:负责人:2026-10-26"


def _extension(text: str) -> tuple[int, str, _dt.date]:
    pieces = text.split(":")
    if len(pieces) != 3:
        raise argparse.ArgumentTypeError(
            f"{show_value(text)} is not an extension; allowed: {_EXTEND_SHAPE}"
        )
    days, approver, granted = pieces
    if not approver.strip():
        raise argparse.ArgumentTypeError(
            f"APPROVER in {show_value(text)} is empty; allowed: who approved it, {_EXTEND_SHAPE}"
        )
    return (
        _whole_number(days, "DAYS"),
        approver,
        _parse_date_text(granted, "GRANTED_ON"),
    )


def _add_calendar_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--overlay",
        action="append",
        default=[],
        metavar="FILE",
        help="a TOML overlay (local holidays, a typed-in notice); repeat to compose, in order",
    )
    parser.add_argument(
        "--estimates",
        choices=[e.value for e in Estimates],
        default=Estimates.REFUSE.value,
        help="refuse (default) dates without official data, or allow a marked provisional answer",
    )
    parser.add_argument(
        "--encoding",
        type=_encoding,
        default="utf-8",
        help="the text encoding of the files read (default utf-8, with or without a BOM), "
        "e.g. gbk for a file saved by an editor on Chinese Windows",
    )
    parser.add_argument("--json", action="store_true", help="print JSON for scripts (errors too)")
    parser.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the text")


#: Due soon: within this many working days, unless --due-soon says otherwise.
_DUE_SOON = 5

_PROVISIONAL = {"zh": "（估计，待确认）", "en": " (provisional, to be confirmed)"}


def make_calendar(args: argparse.Namespace) -> WorkdayCalendar:
    """The calendar the common options ask for."""
    overlays = [Overlay.load(path, encoding=args.encoding) for path in args.overlay]
    return WorkdayCalendar(overlays, estimates=Estimates(args.estimates))


def _result_json(result: Any) -> dict[str, Any]:
    def plain(value: object) -> object:
        return value.isoformat() if isinstance(value, _dt.date) else value

    return {
        "value": plain(result.value),
        "provisional": result.provisional,
        "low": plain(result.low),
        "high": plain(result.high),
        "estimated_days": [d.isoformat() for d in result.estimated_days],
    }


def _emit(out: TextIO, args: argparse.Namespace, data: dict[str, Any], lines: list[str]) -> None:
    if args.json:
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write("\n".join(lines) + "\n")
