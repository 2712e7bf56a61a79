"""The ``disclosure-flow`` command line (命令行工具).

Run ``disclosure-flow --help`` (or ``python -m disclosure_flow --help``).

Exit codes: 0 success; 2 bad usage; 3 the library refused the input (a
:class:`~disclosure_flow.errors.DisclosureFlowError`, e.g. a date outside the
calendar's data); 4 a file could not be read (missing, or not text in its encoding);
70 an internal error (a bug: never a traceback, a one-line message asking to report
it); 130 interrupted. With ``--json`` (``report``: ``--format json``) an error is one
JSON object on standard output, ``{"error": {"kind", "type", "message", "exit"}}``.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import io
import json
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from disclosure_flow._version import __version__
from disclosure_flow.cases import Channel
from disclosure_flow.clock import (
    R2008,
    R2019,
    ClockEvent,
    Extension,
    Pause,
    PauseReason,
    Policy,
    Restart,
    compute_deadline,
)
from disclosure_flow.dates import parse_date
from disclosure_flow.errors import DisclosureFlowError, InputEncodingError
from disclosure_flow.workdays import (
    Estimates,
    HolidayNotice,
    Overlay,
    WorkdayCalendar,
    overlay_to_toml,
)

__all__ = ["main"]

#: The names of :class:`~disclosure_flow.reports.ReportTable`'s members, lowercased, for
#: ``report --table`` (written out so that the other commands need not import the
#: reports; a test checks them against the enum).
_REPORT_TABLES = ("requests", "proceedings")

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_IO = 4
EXIT_INTERNAL = 70  # EX_SOFTWARE of sysexits.h
EXIT_INTERRUPTED = 130

_EPILOG_ERRORS = """\
exit codes:
  0 success; 2 bad usage; 3 input refused by the law or the data (e.g. a date
  outside the calendar); 4 a file could not be read (missing, or not text in its
  encoding: see --encoding); 70 an internal error (a bug: please report it);
  130 interrupted.
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
            f"{what} {text!r} has a digit other than 0-9; allowed: {_DATE_FORMS}"
        )
    try:
        return parse_date(text)
    except DisclosureFlowError:
        raise argparse.ArgumentTypeError(
            f"{what} {text!r} is not a date; allowed: {_DATE_FORMS}"
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
            f"{what} {text!r} is not a number; allowed: {allowed} in digits 0-9, e.g. 5"
        )
    return int(text)


def _count(text: str) -> int:
    return _whole_number(text, "number")


def _signed_count(text: str) -> int:
    return _whole_number(text, "number", signed=True)


def _year(text: str) -> int:
    if not re.fullmatch(r"[0-9]{4}", text, re.ASCII):
        raise argparse.ArgumentTypeError(
            f"year {text!r} is not a year; allowed: four digits 0-9, e.g. 2025"
        )
    return int(text)


def _encoding(text: str) -> str:
    try:
        "".encode(text)  # a LookupError also for bytes-to-bytes codecs such as base64
    except LookupError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a text encoding; allowed: e.g. utf-8 (the default), gbk, gb18030"
        ) from None
    return text


_PAUSE_SHAPE = "START:END:REASON (END empty while it runs), REASON one of " + ", ".join(
    r.value for r in PauseReason
)


def _pause(text: str) -> tuple[_dt.date, _dt.date | None, PauseReason]:
    pieces = text.split(":")
    if len(pieces) != 3:
        raise argparse.ArgumentTypeError(f"{text!r} is not a pause; allowed: {_PAUSE_SHAPE}")
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
        raise argparse.ArgumentTypeError(f"{text!r} is not an extension; allowed: {_EXTEND_SHAPE}")
    days, approver, granted = pieces
    if not approver.strip():
        raise argparse.ArgumentTypeError(
            f"APPROVER in {text!r} is empty; allowed: who approved it, {_EXTEND_SHAPE}"
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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    parser = _Parser(
        prog="disclosure-flow",
        description=(
            "Deadlines for requests for government information (政府信息公开申请), "
            "counted in Chinese working days, explained step by step."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    cal = sub.add_parser(
        "calendar",
        help="working days: what a date is, counts, additions, coverage",
        description="Is a date a working day and why; working days between two dates; "
        "the n-th working day after a date; the calendar's coverage.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cal.add_argument("dates", nargs="*", type=_date, metavar="DATE", help="one or two dates")
    cal.add_argument(
        "--add", type=_signed_count, metavar="N", help="the N-th working day after DATE"
    )
    cal.add_argument("--coverage", action="store_true", help="print the covered date range")
    _add_calendar_options(cal)
    cal.set_defaults(handler=_calendar_command, parser=cal)

    dl = sub.add_parser(
        "deadline",
        help="the reply deadline of a request, explained step by step",
        description="Compute the reply deadline (答复期限) of a request from its day 0 and "
        "its clock events, and explain every step: holidays skipped, make-up days "
        "counted, pauses, extensions.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    dl.add_argument("received", type=_date, metavar="RECEIVED", help="the day it was received")
    dl.add_argument(
        "--channel",
        choices=[c.value for c in Channel],
        default=Channel.IN_PERSON.value,
        help="how it arrived (Art. 31 decides day 0); default in_person",
    )
    dl.add_argument(
        "--confirmed",
        type=_date,
        metavar="DATE",
        help="the day receipt was confirmed (ordinary letter, internet, fax)",
    )
    dl.add_argument(
        "--pause",
        action="append",
        default=[],
        type=_pause,
        metavar="START:END:REASON",
        help="a paused clock; END may be empty while it runs; REASON one of "
        + ", ".join(r.value for r in PauseReason),
    )
    dl.add_argument(
        "--extend",
        action="append",
        default=[],
        type=_extension,
        metavar="DAYS:APPROVER:GRANTED_ON",
        help="an extension of DAYS working days approved by APPROVER on GRANTED_ON",
    )
    dl.add_argument("--restart", type=_date, metavar="DATE", help="corrected application received")
    dl.add_argument(
        "--policy", choices=sorted(_POLICIES), default="R2019", help="the rules (default R2019)"
    )
    dl.add_argument("--as-of", type=_date, metavar="DATE", help="also report days used/left")
    dl.add_argument(
        "--due-soon",
        type=_count,
        metavar="N",
        help=f"with --as-of: due soon within N working days (default {_DUE_SOON})",
    )
    _add_calendar_options(dl)
    dl.set_defaults(handler=_deadline_command, parser=dl)

    rp = sub.add_parser(
        "report",
        help="the annual report's tables 三 and 四 from cases as JSON Lines",
        description="Compute the annual report's tables (年度报告 表三、表四) from case "
        "records, one JSON object per line (see disclosure_flow.ReportRecord).",
        epilog="example:\n  disclosure-flow report cases.jsonl --year 2025 --format markdown\n\n"
        + _EPILOG_ERRORS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    rp.add_argument("records", metavar="FILE", help="JSON Lines file of records; - for stdin")
    rp.add_argument("--year", type=_year, required=True, help="the report year")
    rp.add_argument(
        "--encoding",
        type=_encoding,
        default="utf-8",
        help="the text encoding of FILE (default utf-8, with or without a BOM), e.g. gbk",
    )
    rp.add_argument(
        "--format",
        choices=["markdown", "csv", "json", "html"],
        default="markdown",
        help="output format (default markdown)",
    )
    rp.add_argument(
        "--table",
        choices=_REPORT_TABLES,
        help="only one table (csv needs one; default: both)",
    )
    rp.set_defaults(handler=_report_command, parser=rp)
    return parser


def _report_command(args: argparse.Namespace, out: TextIO) -> int:
    # Imported here: the reports (and the case layer under them) load only for this
    # command, so that ``deadline`` and ``calendar`` start quickly.
    from disclosure_flow.reports import ReportTable, annual_report, read_records

    # Bytes (stdin's buffer, or the file), decoded with --encoding. Streamed: records are
    # counted as they are read; only their case ids are kept, to refuse a case twice.
    source: Any = Path(args.records)
    if args.records == "-":
        source = getattr(sys.stdin, "buffer", sys.stdin)
    report = annual_report(read_records(source, encoding=args.encoding), year=args.year)
    table = ReportTable[args.table.upper()] if args.table else None
    if args.format == "json":
        out.write(report.to_json() + "\n")
    elif args.format == "csv":
        if table is None:
            for each in ReportTable:
                out.write(report.to_csv(table=each) + "\n")
        else:
            out.write(report.to_csv(table=table))
    elif args.format == "html":
        out.write(report.to_html(table=table) + "\n")
    else:
        out.write(report.to_markdown(table=table) + "\n")
    return EXIT_OK


_POLICIES: dict[str, Policy] = {"R2019": R2019, "R2008": R2008}
_DUE_SOON = 5


def _deadline_events(args: argparse.Namespace) -> list[ClockEvent]:
    events: list[ClockEvent] = []
    for start, end, why in args.pause:
        events.append(Pause(start, end, why))
    for days, approver, granted in args.extend:
        events.append(Extension(days, approver, granted_on=granted))
    if args.restart is not None:
        events.append(Restart(args.restart))
    return events


def _deadline_command(args: argparse.Namespace, out: TextIO) -> int:
    if args.due_soon is not None and args.as_of is None:
        raise _UsageError("--due-soon needs --as-of (due soon as of which day?)", args.parser)
    due_soon = _DUE_SOON if args.due_soon is None else args.due_soon
    cal = make_calendar(args)
    channel = Channel(args.channel)
    day0 = channel.day_zero(received=args.received, confirmed=args.confirmed)
    zh = args.lang == "zh"
    if day0 is None:
        if zh:
            message = (
                f"{channel.day_zero_rule_zh.rstrip('。')}。尚未确认，暂无答复期限"
                "（确认后用 --confirmed 给出确认日）"
            )
        else:
            message = (
                f"{channel.day_zero_rule_en.rstrip('.')}. Not confirmed yet, so no "
                "deadline (give the confirmation day with --confirmed)"
            )
        _emit(out, args, {"day0": None, "due": None, "reason": "awaiting confirmation"}, [message])
        return EXIT_OK
    deadline = compute_deadline(
        day0,
        _deadline_events(args),
        policy=_POLICIES[args.policy],
        calendar=cal,
        day0_note=channel.label_zh if zh else channel.value.replace("_", " "),
    )
    lines = [step.zh if zh else step.en for step in deadline.steps()]
    data: dict[str, Any] = {
        "day0": day0.isoformat(),
        "due": deadline.due.isoformat() if deadline.due else None,
        "open_reason": deadline.open_reason.value if deadline.open_reason else None,
        "period": deadline.period,
        "provisional": deadline.provisional,
        "low": deadline.low.isoformat() if deadline.low else None,
        "high": deadline.high.isoformat() if deadline.high else None,
        "policy": args.policy,
        "calendar": deadline.fingerprint,
        "findings": [f.describe(args.lang) for f in deadline.findings],
        "explanation": lines,
    }
    if deadline.provisional:
        lines.append(
            "估计值：官方节假日通知发布后请重新计算"
            if zh
            else "provisional: recompute when the official holiday notice is out"
        )
    if args.as_of is not None:
        status = deadline.status(args.as_of)
        data["status"] = {
            "as_of": status.as_of.isoformat(),
            "used": status.used,
            "left": status.left,
            "overdue_by": status.overdue_by,
            "paused": status.paused,
            "due_soon": status.due_soon(due_soon),
            "provisional": status.provisional,
        }
        if zh:
            text = f"截至 {status.as_of}：已用 {status.used} 个工作日，剩余 {status.left} 个"
            if status.overdue:
                text += f"，已超期 {status.overdue_by} 个工作日"
            elif status.due_soon(due_soon):
                text += "，即将到期"
        else:
            text = f"as of {status.as_of}: {status.used} working days used, {status.left} left"
            if status.overdue:
                text += f", overdue by {status.overdue_by}"
            elif status.due_soon(due_soon):
                text += ", due soon"
        if status.provisional:
            text += _PROVISIONAL[args.lang]
        lines.append(text)
    lines.extend(f.describe(args.lang) for f in deadline.findings)
    lines.append(("日历版本 " if zh else "calendar ") + deadline.fingerprint)
    _emit(out, args, data, lines)
    return EXIT_OK


_PROVISIONAL = {"zh": "（估计，待确认）", "en": " (provisional, to be confirmed)"}


def make_calendar(args: argparse.Namespace) -> WorkdayCalendar:
    """The calendar the common options ask for."""
    overlays = [Overlay.load(path, encoding=args.encoding) for path in args.overlay]
    return WorkdayCalendar(overlays, estimates=Estimates(args.estimates))


def _calendar_command(args: argparse.Namespace, out: TextIO) -> int:
    shown = " ".join(d.isoformat() for d in args.dates)
    if len(args.dates) > 2:
        raise _UsageError(f"give one or two dates, not {len(args.dates)}: {shown}", args.parser)
    if args.add is not None and len(args.dates) != 1:
        raise _UsageError(
            f"--add counts from exactly one DATE, not {len(args.dates)}"
            + (f": {shown}" if shown else ""),
            args.parser,
        )
    cal = make_calendar(args)
    data: dict[str, Any] = {"calendar": cal.fingerprint}
    lines: list[str] = []
    zh = args.lang == "zh"
    if args.coverage or not args.dates:
        cov = cal.coverage
        data["coverage"] = {
            "first": cov.first.isoformat(),
            "last": cov.last.isoformat(),
            "estimated_until": cov.estimated_until.isoformat() if cov.estimated_until else None,
        }
        text = f"{'数据覆盖' if zh else 'covered'} {cov.first} – {cov.last}"
        if cov.estimated_until:
            text += f"{'，估计至' if zh else ', estimated until'} {cov.estimated_until}"
        lines.append(text)
    if len(args.dates) == 2:
        start, end = args.dates
        between = cal.workdays_between_result(start, end)
        data["workdays_between"] = _result_json(between)
        text = (
            f"{start} 至 {end}（不含首日）工作日 {between.value} 个"
            if zh
            else f"working days d with {start} < d <= {end}: {between.value}"
        )
        if between.provisional:
            text += _PROVISIONAL[args.lang]
            if between.low != between.high:
                text += (
                    f"可能 {between.low} 至 {between.high} 个"
                    if zh
                    else f", plausibly {between.low} to {between.high}"
                )
        lines.append(text)
        lines.extend(between.explain(args.lang).splitlines()[:-2])
    elif len(args.dates) == 1:
        (day,) = args.dates
        info = cal.day_info(day)
        data["day"] = {
            "date": day.isoformat(),
            "kind": info.kind.value,
            "is_workday": info.is_workday,
            "name": info.name,
            "source": info.source,
            "status": info.status.value,
        }
        lines.append(info.describe(args.lang))
        lines.append(("来源：" if zh else "source: ") + info.source)
        if args.add is not None:
            added = cal.add_workdays_result(day, args.add)
            data["add"] = {"n": args.add, **_result_json(added)}
            lines.extend(cal.explain(day, args.add, args.lang).splitlines()[:-1])
    lines.append(("日历版本 " if zh else "calendar ") + cal.fingerprint)
    _emit(out, args, data, lines)
    return EXIT_OK


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


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit code (does not call ``sys.exit``).

    Never shows a traceback: a usage error exits 2, input the library refuses 3, a file
    that cannot be read 4, an unexpected error 70 with a one-line message (see
    :data:`EXIT_INTERNAL`); with ``--json`` the error is a JSON object on *out*.
    """
    _tolerant(sys.stdout, sys.stderr)
    out = sys.stdout if out is None else out
    argv = sys.argv[1:] if argv is None else list(argv)
    as_json = _wants_json(argv)
    parser = build_parser()
    if argv[:2] == ["calendar", "import-notice"]:  # DATE positionals take any other word
        parser, argv = _import_notice_parser(), argv[2:]
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit as stop:  # argparse exits after --help and --version
            return int(stop.code or 0)
        as_json = bool(getattr(args, "json", False) or getattr(args, "format", "") == "json")
        if args.command is None:
            parser.print_help(out)
            return EXIT_OK
        handler: Callable[[argparse.Namespace, TextIO], int] = args.handler
        return handler(args, out)
    except _UsageError as error:
        if not as_json and error.parser is not None:
            error.parser.print_usage(sys.stderr)
        prog = error.parser.prog if error.parser is not None else parser.prog
        return _fail(out, as_json, EXIT_USAGE, "usage", None, f"{prog}: error: {error}")
    except InputEncodingError as error:
        return _fail(out, as_json, EXIT_IO, "unreadable", error, str(error))
    except DisclosureFlowError as error:
        return _fail(out, as_json, EXIT_REFUSED, "refused", error, str(error))
    except OSError as error:
        if error.filename is not None:
            text = f"cannot read {error.filename}: {error.strerror or error}"
        else:
            text = f"input/output error: {error.strerror or error}"
        return _fail(out, as_json, EXIT_IO, "unreadable", error, text)
    except KeyboardInterrupt:
        return _fail(out, as_json, EXIT_INTERRUPTED, "interrupted", None, "interrupted")
    except Exception as error:  # the last resort: never a traceback
        # The type and where it happened, not the message: it may quote the input.
        frames = traceback.extract_tb(error.__traceback__)
        where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
        text = (
            f"internal error ({type(error).__name__}{where}); this is a bug in "
            f"disclosure-flow {__version__}: please report it with the command that caused it"
        )
        return _fail(out, as_json, EXIT_INTERNAL, "internal", error, text)


def _fail(
    out: TextIO,
    as_json: bool,
    code: int,
    kind: str,
    error: BaseException | None,
    message: str,
) -> int:
    """Report an error (one line on stderr, or a JSON object on *out*); return *code*."""
    message = _plain(message)
    if as_json:
        data = {
            "error": {
                "kind": kind,
                "type": None if error is None else type(error).__name__,
                "message": message,
                "exit": code,
            }
        }
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif kind == "usage":
        print(message, file=sys.stderr)
    elif isinstance(error, DisclosureFlowError):
        print(f"disclosure-flow: {type(error).__name__}: {message}", file=sys.stderr)
    else:
        print(f"disclosure-flow: {message}", file=sys.stderr)
    return code


_DATE_REPR = re.compile(r"datetime\.date\((\d{1,4}), (\d{1,2}), (\d{1,2})\)")
_ENUM_REPR = re.compile(r"<\w+\.\w+: ('[^']*')>")


def _plain(message: str) -> str:
    """*message* for a clerk: dates as ISO ``2026-10-12``, enum members as their value,
    not Python reprs."""
    message = _DATE_REPR.sub(
        lambda m: "{:04d}-{:02d}-{:02d}".format(*map(int, m.groups())), message
    )
    return _ENUM_REPR.sub(r"\1", message)


def _wants_json(argv: Sequence[str]) -> bool:
    """Whether *argv* asks for JSON output, judged before (or without) parsing it, so that
    an error in parsing is JSON too. Options may be abbreviated, as argparse allows."""
    tokens = list(argv)
    if "--" in tokens:
        tokens = tokens[: tokens.index("--")]
    for i, token in enumerate(tokens):
        name, _, value = token.partition("=")
        if len(name) >= 3 and "--json".startswith(name) and not value:
            return True
        if len(name) >= 3 and "--format".startswith(name):
            given = value or (tokens[i + 1] if i + 1 < len(tokens) else "")
            if given == "json":
                return True
    return False


_FAILING = frozenset({"strict", "surrogateescape"})


def _tolerant(*streams: object) -> None:
    """Let *streams* write any text: a console that cannot show a character (an ASCII
    or C locale, ``PYTHONIOENCODING=ascii``) gets an escape such as ``\\u8c03``
    instead of a :class:`UnicodeEncodeError`."""
    for stream in streams:
        # A C locale gives "surrogateescape", which fails on Chinese text just the same.
        if isinstance(stream, io.TextIOWrapper) and stream.errors in _FAILING:
            stream.reconfigure(errors="backslashreplace")


# -- calendar import-notice ---------------------------------------------------------


def _import_notice_parser() -> argparse.ArgumentParser:
    """The parser of ``disclosure-flow calendar import-notice``."""
    parser = argparse.ArgumentParser(
        prog="disclosure-flow calendar import-notice",
        description="Read the State Council's holiday notice (国务院办公厅关于YYYY年部分节假日"
        "安排的通知), pasted as published, into a national overlay that covers its year; "
        "print what was understood, one day per line, to check against the notice; "
        "write the overlay as a TOML file for --overlay.",
        epilog="example:\n  disclosure-flow calendar import-notice notice.txt -o 2027.toml\n"
        "  disclosure-flow deadline 2026-12-10 --overlay 2027.toml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "notice", metavar="FILE", help="the notice as text (UTF-8 or GB18030); - for stdin"
    )
    parser.add_argument(
        "--supplement",
        action="append",
        default=[],
        metavar="FILE",
        help="a supplementary notice that changed the year (e.g. 国办发明电〔2020〕1号); "
        "repeat, in order",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the overlay as TOML here")
    parser.add_argument("--force", action="store_true", help="overwrite an existing output file")
    parser.add_argument("--source", metavar="URL", help="where the notice was published")
    parser.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the text")
    parser.set_defaults(command="import-notice", handler=_import_notice_command)
    return parser


def _notice_file(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as handle:
            data = handle.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")  # a notice saved by Windows Notepad in Chinese
    except UnicodeDecodeError:
        raise OSError(f"{path}: not UTF-8 or GB18030 text") from None


def _import_notice_command(args: argparse.Namespace, out: TextIO) -> int:
    zh = args.lang == "zh"
    notice = HolidayNotice.parse(_notice_file(args.notice), source=args.source)
    supplements = [HolidayNotice.parse(_notice_file(path)) for path in args.supplement]
    overlay = notice.to_overlay()
    for supplement in supplements:
        overlay = supplement.amend(overlay)
    out.write("\n\n".join(n.table(args.lang) for n in (notice, *supplements)) + "\n")
    if args.output is None:
        out.write(
            "（未写入文件：用 -o FILE 写出 TOML）\n"
            if zh
            else "(nothing written: -o FILE writes the TOML)\n"
        )
        return EXIT_OK
    comments = [
        "由 disclosure-flow calendar import-notice 生成；使用前请与通知原文逐日核对。",
        "Made by disclosure-flow calendar import-notice; check it day by day against the notice.",
        *(n.source_text for n in (notice, *supplements)),
    ]
    try:
        with open(args.output, "x" if not args.force else "w", encoding="utf-8") as handle:
            handle.write(overlay_to_toml(overlay, comments=comments))
    except FileExistsError:
        print(
            f"disclosure-flow: {args.output} exists; use --force to overwrite it", file=sys.stderr
        )
        return EXIT_USAGE
    if Overlay.load(args.output) != overlay:  # pragma: no cover  # overlay_to_toml round-trips
        raise OSError(f"{args.output} does not read back as the overlay written")
    count, year, path = len(overlay.entries), notice.year, args.output
    if zh:
        out.write(f"已写入 {path}（{count} 条，覆盖 {year} 年）；计算期限时用 --overlay {path}\n")
    else:
        out.write(f"wrote {path} ({count} entries, covers {year}); use it with --overlay {path}\n")
    return EXIT_OK
