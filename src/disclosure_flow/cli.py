"""The ``disclosure-flow`` command line (命令行工具).

Run ``disclosure-flow --help`` (or ``python -m disclosure_flow --help``).

Exit codes: 0 success; 2 bad usage; 3 the library refused the input (a
:class:`~disclosure_flow.errors.DisclosureFlowError`, e.g. a date outside the
calendar's data); 4 a file could not be read.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

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
from disclosure_flow.errors import DisclosureFlowError, InvalidValueError
from disclosure_flow.reports import ReportTable, annual_report, read_records
from disclosure_flow.workdays import (
    Estimates,
    HolidayNotice,
    Overlay,
    WorkdayCalendar,
    overlay_to_toml,
)

__all__ = ["main"]

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_IO = 4

_EPILOG = """\
examples:
  disclosure-flow deadline 2026-09-28 --channel in_person
  disclosure-flow deadline 2026-09-28 --pause 2026-10-12:2026-10-20:third_party \\
      --extend 10:负责人 --as-of 2026-11-20
  disclosure-flow deadline 2026-12-10 --estimates allow --lang en
  disclosure-flow calendar 2026-10-10
  disclosure-flow calendar 2026-09-28 --add 20
  disclosure-flow calendar 2026-09-30 2026-10-09 --overlay examples/overlays/linxia.toml
  disclosure-flow calendar --coverage --json
  disclosure-flow calendar import-notice notice.txt -o 2027.toml
  disclosure-flow report cases.jsonl --year 2025 --format markdown
"""


def _date(text: str) -> _dt.date:
    try:
        return parse_date(text)
    except DisclosureFlowError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


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
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the text")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    parser = argparse.ArgumentParser(
        prog="disclosure-flow",
        description=(
            "Deadlines for requests for government information (政府信息公开申请), "
            "counted in Chinese working days, explained step by step."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from disclosure_flow._version import __version__

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
    cal.add_argument("--add", type=int, metavar="N", help="the N-th working day after DATE")
    cal.add_argument("--coverage", action="store_true", help="print the covered date range")
    _add_calendar_options(cal)
    cal.set_defaults(handler=_calendar_command)

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
        metavar="START:END:REASON",
        help="a paused clock; END may be empty while it runs; REASON one of "
        + ", ".join(r.value for r in PauseReason),
    )
    dl.add_argument(
        "--extend",
        action="append",
        default=[],
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
        type=int,
        default=5,
        metavar="N",
        help="with --as-of: due soon within N working days (default 5)",
    )
    _add_calendar_options(dl)
    dl.set_defaults(handler=_deadline_command)

    rp = sub.add_parser(
        "report",
        help="the annual report's tables 三 and 四 from cases as JSON Lines",
        description="Compute the annual report's tables (年度报告 表三、表四) from case "
        "records, one JSON object per line (see disclosure_flow.ReportRecord).",
        epilog="example:\n  disclosure-flow report cases.jsonl --year 2025 --format markdown",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    rp.add_argument("records", metavar="FILE", help="JSON Lines file of records; - for stdin")
    rp.add_argument("--year", type=int, required=True, help="the report year")
    rp.add_argument(
        "--format",
        choices=["markdown", "csv", "json", "html"],
        default="markdown",
        help="output format (default markdown)",
    )
    rp.add_argument(
        "--table",
        choices=[t.name.lower() for t in ReportTable],
        help="only one table (csv needs one; default: both)",
    )
    rp.set_defaults(handler=_report_command)
    return parser


def _report_command(args: argparse.Namespace, out: TextIO) -> int:
    if args.records == "-":
        records = list(read_records(sys.stdin))
    else:
        with open(args.records, encoding="utf-8") as handle:
            records = list(read_records(handle))
    report = annual_report(records, year=args.year)
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


def _split(text: str, parts: int, option: str, shape: str) -> list[str]:
    pieces = text.split(":")
    if len(pieces) != parts:
        raise InvalidValueError(option, text, shape)
    return pieces


def _deadline_events(args: argparse.Namespace) -> list[ClockEvent]:
    events: list[ClockEvent] = []
    for text in args.pause:
        start, end, reason = _split(text, 3, "--pause", "START:END:REASON, END may be empty")
        try:
            why = PauseReason(reason)
        except ValueError:
            raise InvalidValueError.choice(
                "--pause REASON", reason, [r.value for r in PauseReason]
            ) from None
        events.append(Pause(parse_date(start), parse_date(end) if end else None, why))
    for text in args.extend:
        days, approver, granted = _split(text, 3, "--extend", "DAYS:APPROVER:GRANTED_ON")
        if not days.isdigit():
            raise InvalidValueError("--extend DAYS", days, "a whole number of working days")
        events.append(Extension(int(days), approver, granted_on=parse_date(granted)))
    if args.restart is not None:
        events.append(Restart(args.restart))
    return events


def _deadline_command(args: argparse.Namespace, out: TextIO) -> int:
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
            "due_soon": status.due_soon(args.due_soon),
        }
        if zh:
            text = f"截至 {status.as_of}：已用 {status.used} 个工作日，剩余 {status.left} 个"
            if status.overdue:
                text += f"，已超期 {status.overdue_by} 个工作日"
            elif status.due_soon(args.due_soon):
                text += "，即将到期"
        else:
            text = f"as of {status.as_of}: {status.used} working days used, {status.left} left"
            if status.overdue:
                text += f", overdue by {status.overdue_by}"
            elif status.due_soon(args.due_soon):
                text += ", due soon"
        lines.append(text)
    lines.extend(f.describe(args.lang) for f in deadline.findings)
    lines.append(("日历版本 " if zh else "calendar ") + deadline.fingerprint)
    _emit(out, args, data, lines)
    return EXIT_OK


def make_calendar(args: argparse.Namespace) -> WorkdayCalendar:
    """The calendar the common options ask for."""
    overlays = [Overlay.load(path) for path in args.overlay]
    return WorkdayCalendar(overlays, estimates=Estimates(args.estimates))


def _calendar_command(args: argparse.Namespace, out: TextIO) -> int:
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
    if len(args.dates) > 2:
        raise InvalidValueError("DATE", [str(d) for d in args.dates], "one or two dates")
    if len(args.dates) == 2:
        if args.add is not None:
            raise InvalidValueError("--add", args.add, "--add with exactly one DATE")
        start, end = args.dates
        between = cal.workdays_between_result(start, end)
        data["workdays_between"] = _result_json(between)
        lines.append(
            f"{start} 至 {end}（不含首日）工作日 {between.value} 个"
            if zh
            else f"working days d with {start} < d <= {end}: {between.value}"
        )
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
    """Run the command line; returns the exit code (does not call ``sys.exit``)."""
    out = sys.stdout if out is None else out
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if argv[:2] == ["calendar", "import-notice"]:  # DATE positionals take any other word
        parser, argv = _import_notice_parser(), argv[2:]
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse exits on --help, --version and usage errors
        return int(stop.code or 0)
    if args.command is None:
        parser.print_help(out)
        return EXIT_OK
    handler: Callable[[argparse.Namespace, TextIO], int] = args.handler
    try:
        return handler(args, out)
    except DisclosureFlowError as error:
        print(f"disclosure-flow: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except OSError as error:
        print(f"disclosure-flow: cannot read: {error}", file=sys.stderr)
        return EXIT_IO


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
