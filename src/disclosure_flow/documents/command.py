"""``disclosure-flow document``: a case's document from the command line (出具文书).

Reads a case stored as JSON (:meth:`Case.to_dict <disclosure_flow.Case.to_dict>`) and an
agency profile (TOML), and writes the document as Markdown, plain text, HTML or DOCX::

    disclosure-flow document reply case.json --agency agency.toml --format docx -o reply.docx

The command line (:mod:`disclosure_flow.cli`) registers it with
:func:`add_document_command`; errors are reported like every other command's.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
from pathlib import Path
from typing import Any, TextIO

from disclosure_flow.cases import FeeMethod, per_item_fee, per_volume_fee
from disclosure_flow.dates import date_problem, parse_date
from disclosure_flow.documents.kinds import DocumentFormat, DocumentKind
from disclosure_flow.documents.profile import AgencyProfile
from disclosure_flow.documents.render import render_document
from disclosure_flow.documents.templates import DocumentTemplates
from disclosure_flow.errors import (
    DisclosureFlowError,
    InputEncodingError,
    SerializationError,
    Wording,
    show_value,
)
from disclosure_flow.workdays import Estimates, Overlay, WorkdayCalendar

__all__ = ["add_document_command"]

_EXAMPLES = (
    "disclosure-flow document receipt case.json --agency agency.toml",
    "disclosure-flow document reply case.json --agency agency.toml --number 12 \\\n"
    "      --format html -o reply.html",
    "disclosure-flow document reply case.json --agency agency.toml --format docx -o reply.docx",
    "disclosure-flow document fee_notice case.json --agency agency.toml --fee-units 250",
)


def _number(text: str) -> int | str:
    return int(text) if text.isascii() and text.isdigit() else text


def add_document_command(subparsers: Any, *, lang: str = "zh") -> argparse.ArgumentParser:
    """Add ``document`` to the ``disclosure-flow`` subcommands *subparsers*, its help and
    messages in *lang* (``"zh"`` or ``"en"``); return its parser."""

    def say(zh: str, en: str) -> str:
        return zh if lang == "zh" else en

    def date(text: str) -> _dt.date:
        try:
            return parse_date(text)
        except DisclosureFlowError:
            shown = show_value(text)
            raise argparse.ArgumentTypeError(
                say("日期", "date") + f" {shown} {date_problem(text, lang)}"
            ) from None

    def count(text: str) -> int:
        if not text.isascii() or not text.isdigit():
            raise argparse.ArgumentTypeError(
                say(
                    f"{show_value(text)} 不是用 0-9 写的整数",
                    f"{show_value(text)} is not a whole number in digits 0-9",
                )
            )
        return int(text)

    kinds = ", ".join(k.value for k in DocumentKind)
    examples = "".join(f"  {e}\n" for e in _EXAMPLES)
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "document",
        help=say(
            "案件的文书（答复文书）：登记回执、告知书、答复书、送达回证",
            "a case's document (答复文书): receipt, notices, reply, delivery receipt",
        ),
        description=say(
            "由存储为 JSON 的案件和机关的信息（TOML）生成案件某一环节的文书（登记回执、"
            "补正告知书、延期答复告知书、征求意见书、收费通知书、答复书、送达回证等），"
            "格式为 Markdown、纯文本、可打印的 HTML 或 DOCX（GB/T 9704）。",
            "Write the document for a case's act (登记回执, 补正告知书, 延期答复告知书, "
            "征求意见书, 收费通知书, 答复书, 送达回证, …) from the case stored as JSON and the "
            "agency's profile (TOML), as Markdown, plain text, printable HTML or DOCX "
            "(GB/T 9704).",
        ),
        epilog=say("示例：\n", "examples:\n")
        + examples
        + "\n"
        + say(f"文书种类：{kinds}", f"kinds: {kinds}"),
    )
    parser.add_argument(
        "kind",
        choices=[k.value for k in DocumentKind],
        metavar="KIND",
        help=say("文书种类", "the document"),
    )
    parser.add_argument(
        "case",
        metavar="CASE",
        help=say("案件的 JSON 文件（Case.to_dict()）", "the case as JSON (Case.to_dict())"),
    )
    parser.add_argument(
        "--agency",
        required=True,
        metavar="FILE",
        help=say("机关信息文件（TOML）", "the agency profile (TOML)"),
    )
    parser.add_argument(
        "--format",
        choices=[f.value for f in DocumentFormat],
        default=DocumentFormat.MARKDOWN.value,
        help=say("markdown（默认）、text、html 或 docx", "markdown (default), text, html or docx"),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=say("写入此文件（docx 必须给出）", "write here (needed for docx)"),
    )
    parser.add_argument(
        "--number", type=_number, metavar="N", help=say("文号中的序号", "the serial number (文号)")
    )
    parser.add_argument(
        "--as-of",
        type=date,
        metavar="DATE",
        help=say("按案件在该日的情况出具", "the case as it stood then"),
    )
    parser.add_argument(
        "--consultee", metavar="NAME", help=say("致哪一位被征求意见方", "which consultee's letter")
    )
    parser.add_argument(
        "--fee-units",
        type=count,
        metavar="N",
        help=say(
            "收费通知书：计费的件数（按件）或页数（按量），用于计算金额",
            "fee notice: the items (按件) or pages (按量) charged, for the calculation",
        ),
    )
    parser.add_argument(
        "--fee-already",
        type=count,
        default=0,
        metavar="N",
        help=say(
            "收费通知书（按件）：申请人本月此前已申请的件数",
            "fee notice, per item: the applicant's items earlier this month",
        ),
    )
    parser.add_argument(
        "--templates",
        metavar="DIR",
        help=say("机关自己的模板所在的文件夹", "a folder of the host's own templates"),
    )
    parser.add_argument(
        "--overlay",
        action="append",
        default=[],
        metavar="FILE",
        help=say("TOML 日历叠加文件", "a TOML calendar overlay"),
    )
    parser.add_argument(
        "--estimates",
        choices=[e.value for e in Estimates],
        default=Estimates.REFUSE.value,
        help=say(
            "refuse（默认）：没有官方数据的日期不予计算；allow：使用标明为估计的数据",
            "refuse (default) dates without official data, or allow marked estimates",
        ),
    )
    parser.add_argument(
        "--encoding",
        default="utf-8",
        help=say(
            "所读文件的文本编码（默认 utf-8）",
            "the text encoding of the files read (default utf-8)",
        ),
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help=say("错误以 JSON 写在标准输出上", "errors as JSON on standard output"),
    )
    parser.set_defaults(handler=_document_command, parser=parser)
    return parser


def _read_case(path: str, encoding: str, calendar: WorkdayCalendar) -> Any:
    from disclosure_flow.cases import Case

    data = Path(path).read_bytes()
    try:
        text = data.decode(
            "utf-8-sig" if encoding.lower().replace("_", "-") == "utf-8" else encoding
        )
    except UnicodeDecodeError as error:
        raise InputEncodingError.from_decode_error(error, source=path) from None
    try:
        stored = json.loads(text)
    except json.JSONDecodeError as error:
        raise SerializationError(
            path,
            error.msg,
            Wording("a case as JSON (Case.to_dict())", "JSON 格式的案件（Case.to_dict()）"),
        ) from None
    return Case.from_dict(stored, calendar=calendar)


def _document_command(args: argparse.Namespace, out: TextIO) -> int:
    zh = args.lang == "zh"
    fmt = DocumentFormat(args.format)
    if fmt is DocumentFormat.DOCX and args.output is None:
        args.parser.error(
            "--format docx 写出的是二进制文件：请用 -o FILE 指定文件"
            if zh
            else "--format docx writes a binary file: give -o FILE"
        )
    overlays = [Overlay.load(path, encoding=args.encoding) for path in args.overlay]
    calendar = WorkdayCalendar(overlays, estimates=Estimates(args.estimates))
    case = _read_case(args.case, args.encoding, calendar)
    agency = AgencyProfile.load(args.agency, encoding=args.encoding)
    fee = None
    if args.fee_units is not None:
        notice = case.fee
        if notice is None:
            args.parser.error(
                "--fee-units：该案件没有收费通知"
                if zh
                else "--fee-units: the case has no fee notice"
            )
        if notice.method is FeeMethod.PER_ITEM:
            fee = per_item_fee(args.fee_units, already_this_month=args.fee_already)
        else:
            fee = per_volume_fee(args.fee_units)
    templates = DocumentTemplates(args.templates) if args.templates else None
    document = render_document(
        case,
        DocumentKind(args.kind),
        agency=agency,
        format=fmt,
        number=args.number,
        as_of=args.as_of,
        fee=fee,
        consultee=args.consultee,
        templates=templates,
    )
    if args.output is None:
        assert isinstance(document, str)
        out.write(document)
        return 0
    if isinstance(document, bytes):
        Path(args.output).write_bytes(document)
    else:
        Path(args.output).write_text(document, encoding="utf-8")
    kind = DocumentKind(args.kind)
    if zh:
        out.write(f"已写入 {args.output}（{kind.title_zh}，{fmt.value}）\n")
    else:
        out.write(f"wrote {args.output} ({kind.value}, {kind.title_zh}, {fmt.value})\n")
    return 0
