"""The ``disclosure-flow`` command line (命令行工具).

Run ``disclosure-flow --help`` (or ``python -m disclosure_flow --help``).

Language: ``--lang zh|en``; without it, the locale (the first of ``LANGUAGE``'s first
entry, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set: ``zh…`` Chinese, another
language English; none, ``C`` or ``POSIX`` Chinese). It is read before parsing
(:func:`~disclosure_flow.cli.options.cli_language`), so that the help and argparse's
errors speak it too.

Exit codes: 0 success; 1 (``watchlist`` only) a listed case needs the agency to act;
2 bad usage; 3 the library refused the input (a
:class:`~disclosure_flow.errors.DisclosureFlowError`, e.g. a date outside the
calendar's data); 4 a file could not be read (missing, or not text in its encoding);
70 an internal error (a bug: never a traceback, a one-line message asking to report
it); 130 interrupted. With ``--json`` (``report``: ``--format json``) an error is one
JSON object on standard output, ``{"error": {"kind", "type", "message", "exit"}}``.
"""

from __future__ import annotations

import argparse
import errno
import io
import json
import os
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from disclosure_flow._version import __version__
from disclosure_flow.cases import Channel
from disclosure_flow.cli.notice import _import_notice_parser
from disclosure_flow.cli.options import (
    _DUE_SOON,
    _PROVISIONAL,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_IO,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    _add_calendar_options,
    _add_lang_option,
    _emit,
    _epilog,
    _Parser,
    _result_json,
    _Say,
    _UsageError,
    cli_language,
    locale_language,
    make_calendar,
)
from disclosure_flow.clock import (
    R2008,
    R2019,
    ClockEvent,
    Deadline,
    Extension,
    Pause,
    PauseReason,
    Policy,
    Restart,
    compute_deadline,
)
from disclosure_flow.errors import DisclosureFlowError, InputEncodingError

__all__ = ["main"]

#: The names of :class:`~disclosure_flow.reports.ReportTable`'s members, lowercased, for
#: ``report --table`` (written out so that the other commands need not import the
#: reports; a test checks them against the enum).
_REPORT_TABLES = ("requests", "proceedings")

#: The commands that need neither the case layer nor the reports: for them the parser
#: leaves out the others' definitions (which import those layers), so they start quickly.
_LIGHT_COMMANDS = ("calendar", "deadline")


def build_parser(*, light: bool = False, lang: str | None = None) -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests), in *lang* (``"zh"``
    or ``"en"``; by default the language of the locale, :func:`cli_language`).

    With *light*, only the commands of :data:`_LIGHT_COMMANDS` are defined (for running
    one of them: the others' definitions import the case layer and the reports).
    """
    say = _Say(lang or locale_language(os.environ))
    parser = _Parser(
        prog="disclosure-flow",
        lang=say.lang,
        description=say(
            "政府信息公开申请的答复期限：按中国的工作日计算，逐步说明依据。",
            "Deadlines for requests for government information (政府信息公开申请), "
            "counted in Chinese working days, explained step by step.",
        ),
        epilog=_epilog(say, top=True),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=say("显示版本号并退出", "show the version and exit"),
    )
    _add_lang_option(parser, say)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=say("命令", "commands"))

    cal = sub.add_parser(
        "calendar",
        help=say(
            "工作日：某日是否上班、两日之间的工作日数、第 N 个工作日、数据覆盖范围",
            "working days: what a date is, counts, additions, coverage",
        ),
        description=say(
            "某日是否为工作日及其依据；两个日期之间的工作日数；某日之后的第 N 个工作日；"
            "日历数据覆盖的范围。",
            "Is a date a working day and why; working days between two dates; "
            "the n-th working day after a date; the calendar's coverage.",
        ),
        epilog=_epilog(say),
    )
    cal.add_argument(
        "dates",
        nargs="*",
        type=say.date,
        metavar="DATE",
        help=say("一个或两个日期", "one or two dates"),
    )
    cal.add_argument(
        "--add",
        type=say.signed_count,
        metavar="N",
        help=say("DATE 之后的第 N 个工作日（负数往前数）", "the N-th working day after DATE"),
    )
    cal.add_argument(
        "--coverage",
        action="store_true",
        help=say("显示日历数据覆盖的日期范围", "print the covered date range"),
    )
    _add_calendar_options(cal, say)
    cal.set_defaults(handler=_calendar_command, parser=cal)

    dl = sub.add_parser(
        "deadline",
        help=say(
            "一件申请的答复期限，逐步说明",
            "the reply deadline of a request, explained step by step",
        ),
        description=say(
            "由收到申请之日和计时事件计算答复期限，并逐步说明：跳过的节假日、计入的调休"
            "上班日、暂停、延长。",
            "Compute the reply deadline (答复期限) of a request from its day 0 and "
            "its clock events, and explain every step: holidays skipped, make-up days "
            "counted, pauses, extensions.",
        ),
        epilog=_epilog(say),
    )
    dl.add_argument(
        "received",
        type=say.date,
        metavar="RECEIVED",
        help=say("收到申请的日期", "the day it was received"),
    )
    dl.add_argument(
        "--channel",
        choices=[c.value for c in Channel],
        default=Channel.IN_PERSON.value,
        help=say(
            "申请的提交方式（第三十一条据此确定收到申请之日）；默认 in_person（当面提交）",
            "how it arrived (Art. 31 decides day 0); default in_person",
        ),
    )
    dl.add_argument(
        "--confirmed",
        type=say.date,
        metavar="DATE",
        help=say(
            "确认收到申请的日期（平常信函、互联网、传真）",
            "the day receipt was confirmed (ordinary letter, internet, fax)",
        ),
    )
    reasons = ", ".join(r.value for r in PauseReason)
    dl.add_argument(
        "--pause",
        action="append",
        default=[],
        type=say.pause,
        metavar="START:END:REASON",
        help=say(
            f"一段暂停计时（START 至 END）；暂停仍在继续时 END 留空；REASON 为 {reasons} 之一",
            f"a paused clock; END may be empty while it runs; REASON one of {reasons}",
        ),
    )
    dl.add_argument(
        "--extend",
        action="append",
        default=[],
        type=say.extension,
        metavar="DAYS:APPROVER:GRANTED_ON",
        help=say(
            "延长答复期限 DAYS 个工作日，由 APPROVER 于 GRANTED_ON 批准",
            "an extension of DAYS working days approved by APPROVER on GRANTED_ON",
        ),
    )
    dl.add_argument(
        "--restart",
        type=say.date,
        metavar="DATE",
        help=say("收到补正后申请的日期（重新计算期限）", "corrected application received"),
    )
    dl.add_argument(
        "--policy",
        choices=sorted(_POLICIES),
        default="R2019",
        help=say(
            "适用的规定：R2019（2019年条例，默认）或 R2008（2008年条例）",
            "the rules (default R2019)",
        ),
    )
    dl.add_argument(
        "--as-of",
        type=say.date,
        metavar="DATE",
        help=say("同时给出截至该日已用、剩余的工作日", "also report days used/left"),
    )
    dl.add_argument(
        "--due-soon",
        type=say.count,
        metavar="N",
        help=say(
            f"与 --as-of 同用：剩余 N 个工作日以内为即将到期（默认 {_DUE_SOON}）",
            f"with --as-of: due soon within N working days (default {_DUE_SOON})",
        ),
    )
    dl.add_argument(
        "--png",
        metavar="OUT",
        help=say(
            "另将期限时间轴画成 PNG 图片写入此文件（放假日、暂停、延长、答复期限、--as-of 当日；"
            "需要可选组件 plot）",
            "also draw the deadline's timeline as a PNG picture into this file (days off, "
            "pauses, extensions, the due date, --as-of; needs the extra plot)",
        ),
    )
    _add_calendar_options(dl, say)
    dl.set_defaults(handler=_deadline_command, parser=dl)

    rp = sub.add_parser(
        "report",
        help=say(
            "由 JSON Lines 案件记录生成年度报告表三、表四",
            "the annual report's tables 3 and 4 (表三、表四) from cases as JSON Lines",
        ),
        description=say(
            "由案件记录（每行一个 JSON 对象，见 disclosure_flow.ReportRecord）生成政府信息"
            "公开工作年度报告的表三、表四。",
            "Compute the annual report's tables (年度报告 表三、表四) from case "
            "records, one JSON object per line (see disclosure_flow.ReportRecord).",
        ),
        epilog=_epilog(
            say,
            "disclosure-flow report cases.jsonl --year 2025 --format markdown",
            "disclosure-flow report cases.jsonl --year 2025 --format xlsx -o 2025.xlsx",
            "disclosure-flow report cases.jsonl --year 2025 --format csv --bom -o 2025.csv",
        ),
    )
    rp.add_argument(
        "records",
        metavar="FILE",
        help=say(
            "案件记录的 JSON Lines 文件；- 表示标准输入", "JSON Lines file of records; - for stdin"
        ),
    )
    rp.add_argument("--year", type=say.year, required=True, help=say("报告年度", "the report year"))
    rp.add_argument(
        "--encoding",
        type=say.encoding,
        default="utf-8",
        help=say(
            "FILE 的文本编码（默认 utf-8，有无 BOM 均可），如 gbk",
            "the text encoding of FILE (default utf-8, with or without a BOM), e.g. gbk",
        ),
    )
    rp.add_argument(
        "--format",
        choices=["markdown", "csv", "json", "html", "xlsx"],
        default="markdown",
        help=say(
            "输出格式（默认 markdown）；xlsx 为全国统一格式的 Excel 工作簿，须用 -o 指定文件",
            "output format (default markdown); xlsx is an Excel workbook in the national "
            "layout, written to the file given by -o",
        ),
    )
    rp.add_argument(
        "--table",
        choices=_REPORT_TABLES,
        help=say(
            "只输出一张表（默认两张都输出）",
            "only one table (default: both)",
        ),
    )
    rp.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help=say(
            "写入此文件而非标准输出（xlsx 必须给出）", "write here, not to stdout (needed for xlsx)"
        ),
    )
    rp.add_argument(
        "--bom",
        action="store_true",
        help=say(
            "csv 以带 BOM 的 UTF-8 写出、行尾 CRLF，供中文 Windows 上的 Excel 直接打开",
            "csv as UTF-8 with a BOM and CR LF line ends, for Excel on Chinese Windows",
        ),
    )
    rp.add_argument(
        "--agency",
        metavar="NAME",
        help=say(
            "xlsx 标题行中的填报机关名称，如 某某县人民政府",
            "the reporting agency named in the xlsx title row",
        ),
    )
    _add_lang_option(rp, say)
    rp.set_defaults(handler=_report_command, parser=rp)
    if light:
        return parser
    from disclosure_flow.cli.recompute import add_recompute_command

    add_recompute_command(sub, say)
    # The documents (答复文书): their own subcommand, defined with them.
    from disclosure_flow.documents import add_document_command

    _add_lang_option(add_document_command(sub, lang=say.lang), say)
    from disclosure_flow.cli.jobs import add_commands  # the cron jobs: watchlist, storage

    add_commands(sub, say)
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
    zh = args.lang == "zh"
    if args.format == "xlsx" and args.output is None:
        args.parser.error(
            "--format xlsx 写出的是二进制文件：请用 -o OUT 指定文件"
            if zh
            else "--format xlsx writes a binary file: give -o OUT"
        )
    if args.bom and args.format != "csv":
        args.parser.error("--bom 只用于 --format csv" if zh else "--bom goes with --format csv")
    if args.agency is not None and args.format != "xlsx":
        args.parser.error(
            "--agency 只用于 --format xlsx" if zh else "--agency goes with --format xlsx"
        )
    report = annual_report(read_records(source, encoding=args.encoding), year=args.year)
    table = ReportTable[args.table.upper()] if args.table else None
    if args.format == "xlsx":
        try:
            report.to_xlsx(Path(args.output), agency=args.agency)
        except ModuleNotFoundError:
            raise _UsageError(
                "--format xlsx 需要可选组件 xlsx（openpyxl）：在源码目录中 pip install '.[xlsx]'"
                if zh
                else "--format xlsx needs the extra xlsx (openpyxl): pip install '.[xlsx]' "
                "in the checkout",
                args.parser,
            ) from None
        return _wrote(args.output, "xlsx", zh, out)
    if args.bom:
        data = report.to_csv_bytes(table=table, encoding="utf-8-sig")
        if args.output is not None:
            Path(args.output).write_bytes(data)
            return _wrote(args.output, "csv", zh, out)
        binary = getattr(out, "buffer", None)
        if binary is None:  # a text stream without bytes (a test's StringIO): the same text
            out.write(data.decode("utf-8"))
        else:
            out.flush()
            binary.write(data)
            binary.flush()
        return EXIT_OK
    if args.format == "json":
        text = report.to_json() + "\n"
    elif args.format == "csv":
        if table is None:
            text = "".join(report.to_csv(table=each) + "\n" for each in ReportTable)
        else:
            text = report.to_csv(table=table)
    elif args.format == "html":
        text = report.to_html(table=table) + "\n"
    else:
        text = report.to_markdown(table=table) + "\n"
    if args.output is None:
        out.write(text)
        return EXIT_OK
    Path(args.output).write_text(text, encoding="utf-8")
    return _wrote(args.output, args.format, zh, out)


def _wrote(path: str, fmt: str, zh: bool, out: TextIO) -> int:
    """Say where the report went (the report itself is in the file)."""
    out.write(
        f"已写入 {path}（年度报告，{fmt}）\n" if zh else f"wrote {path} (annual report, {fmt})\n"
    )
    return EXIT_OK


_POLICIES: dict[str, Policy] = {"R2019": R2019, "R2008": R2008}


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
    zh = args.lang == "zh"
    if args.due_soon is not None and args.as_of is None:
        raise _UsageError(
            "--due-soon 须与 --as-of 同用（截至哪一天即将到期？）"
            if zh
            else "--due-soon needs --as-of (due soon as of which day?)",
            args.parser,
        )
    due_soon = _DUE_SOON if args.due_soon is None else args.due_soon
    cal = make_calendar(args)
    channel = Channel(args.channel)
    day0 = channel.day_zero(received=args.received, confirmed=args.confirmed)
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
    if args.png is not None:
        _draw_timeline(deadline, args)
        data["png"] = args.png
        lines.append(f"时间轴图已写入 {args.png}" if zh else f"timeline written to {args.png}")
    _emit(out, args, data, lines)
    return EXIT_OK


def _draw_timeline(deadline: Deadline, args: argparse.Namespace) -> None:
    """``deadline --png``: the timeline picture, its font warning (no Chinese font: the
    labels in English) on stderr rather than as a Python warning."""
    import warnings

    from disclosure_flow.clock import CJKFontWarning, save_timeline_png

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CJKFontWarning)
        try:
            save_timeline_png(deadline, args.png, as_of=args.as_of, lang=args.lang)
        except ModuleNotFoundError:
            raise _UsageError(
                "--png 需要可选组件 plot（matplotlib）：在源码目录中 pip install '.[plot]'"
                if args.lang == "zh"
                else "--png needs the extra plot (matplotlib): pip install '.[plot]' "
                "in the checkout",
                args.parser,
            ) from None
    for warning in caught:
        if issubclass(warning.category, CJKFontWarning):
            print(f"disclosure-flow: {warning.message}", file=sys.stderr)
        else:  # any other warning: as Python would show it
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )


def _calendar_command(args: argparse.Namespace, out: TextIO) -> int:
    say = _Say(args.lang)
    zh = say.lang == "zh"
    shown = " ".join(d.isoformat() for d in args.dates)
    count = len(args.dates)
    if count > 2:
        raise _UsageError(
            say(
                f"请给出一个或两个日期，而不是 {count} 个：{shown}",
                f"give one or two dates, not {count}: {shown}",
            ),
            args.parser,
        )
    if args.add is not None and count != 1:
        raise _UsageError(
            say(
                f"--add 须从恰好一个 DATE 起算，而不是 {count} 个"
                + (f"：{shown}" if shown else ""),
                f"--add counts from exactly one DATE, not {count}"
                + (f": {shown}" if shown else ""),
            ),
            args.parser,
        )
    cal = make_calendar(args)
    data: dict[str, Any] = {"calendar": cal.fingerprint}
    lines: list[str] = []
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
        lines.append(("来源：" if zh else "source: ") + info.describe_source(args.lang))
        if args.add is not None:
            added = cal.add_workdays_result(day, args.add)
            data["add"] = {"n": args.add, **_result_json(added)}
            lines.extend(cal.explain(day, args.add, args.lang).splitlines()[:-1])
    lines.append(("日历版本 " if zh else "calendar ") + cal.fingerprint)
    _emit(out, args, data, lines)
    return EXIT_OK


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
    lang = cli_language(argv, os.environ)
    parser = build_parser(light=bool(argv) and argv[0] in _LIGHT_COMMANDS, lang=lang)
    if argv[:2] == ["calendar", "import-notice"]:  # DATE positionals take any other word
        parser, argv = _import_notice_parser(lang), argv[2:]
    told = lang  # until the arguments are parsed
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit as stop:  # argparse exits after --help and --version
            return int(stop.code or 0)
        as_json = bool(getattr(args, "json", False) or getattr(args, "format", "") == "json")
        args.lang = getattr(args, "lang", lang)
        told = args.lang  # the language the library's errors are told in
        if args.command is None:
            parser.print_help(out)
            return EXIT_OK
        handler: Callable[[argparse.Namespace, TextIO], int] = args.handler
        return handler(args, out)
    except _UsageError as error:
        if not as_json and error.parser is not None:
            error.parser.print_usage(sys.stderr)
        prog = error.parser.prog if error.parser is not None else parser.prog
        said = f"{prog}：错误：{error}" if lang == "zh" else f"{prog}: error: {error}"
        return _fail(out, as_json, EXIT_USAGE, "usage", None, said)
    except InputEncodingError as error:
        return _fail(out, as_json, EXIT_IO, "unreadable", error, error.localized(told))
    except DisclosureFlowError as error:
        return _fail(out, as_json, EXIT_REFUSED, "refused", error, error.localized(told))
    except OSError as error:
        return _fail(out, as_json, EXIT_IO, "unreadable", error, _os_error_text(error, told))
    except KeyboardInterrupt:
        text = "已中断" if told == "zh" else "interrupted"
        return _fail(out, as_json, EXIT_INTERRUPTED, "interrupted", None, text)
    except Exception as error:  # the last resort: never a traceback
        # The type and where it happened, not the message: it may quote the input.
        frames = traceback.extract_tb(error.__traceback__)
        where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
        if told == "zh":
            where = f"，位于 {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
            text = (
                f"内部错误（{type(error).__name__}{where}）：这是 disclosure-flow {__version__} "
                "的程序缺陷，请连同引起它的命令一起报告"
            )
        else:
            text = (
                f"internal error ({type(error).__name__}{where}); this is a bug in "
                f"disclosure-flow {__version__}: please report it with the command that caused it"
            )
        return _fail(out, as_json, EXIT_INTERNAL, "internal", error, text)


#: What the system says of a file it cannot open or write, in Chinese, by errno; any
#: other error keeps the system's own words.
_OS_ERRORS_ZH = {
    errno.ENOENT: "文件或目录不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许的操作",
    errno.EISDIR: "这是一个目录，不是文件",
    errno.ENOTDIR: "路径中有一项不是目录",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "文件系统只读",
    errno.EEXIST: "文件已存在",
}


def _os_error_text(error: OSError, lang: str) -> str:
    """A file that could not be read or written, and why, in *lang*."""
    reason = error.strerror or str(error)
    if lang == "zh":
        reason = _OS_ERRORS_ZH.get(error.errno or 0, reason)
        if error.filename is not None:
            return f"无法打开 {error.filename}：{reason}"
        return f"输入输出错误：{reason}"
    if error.filename is not None:
        return f"cannot read {error.filename}: {reason}"
    return f"input/output error: {reason}"


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
