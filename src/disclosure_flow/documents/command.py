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
from disclosure_flow.dates import parse_date
from disclosure_flow.documents.kinds import DocumentFormat, DocumentKind
from disclosure_flow.documents.profile import AgencyProfile
from disclosure_flow.documents.render import render_document
from disclosure_flow.documents.templates import DocumentTemplates
from disclosure_flow.errors import (
    DisclosureFlowError,
    InputEncodingError,
    SerializationError,
    Wording,
)
from disclosure_flow.workdays import Estimates, Overlay, WorkdayCalendar

__all__ = ["add_document_command"]

_EXAMPLES = """\
examples:
  disclosure-flow document receipt case.json --agency agency.toml
  disclosure-flow document reply case.json --agency agency.toml --number 12 \
      --format html -o reply.html
  disclosure-flow document reply case.json --agency agency.toml --format docx -o reply.docx
  disclosure-flow document fee_notice case.json --agency agency.toml --fee-units 250

kinds: """ + ", ".join(k.value for k in DocumentKind)


def _date(text: str) -> _dt.date:
    try:
        return parse_date(text)
    except DisclosureFlowError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date, e.g. 2026-09-28") from None


def _count(text: str) -> int:
    if not text.isascii() or not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number in digits 0-9")
    return int(text)


def _number(text: str) -> int | str:
    return int(text) if text.isascii() and text.isdigit() else text


def add_document_command(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``document`` to the ``disclosure-flow`` subcommands *subparsers*; return its
    parser."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "document",
        help="a case's document (答复文书): receipt, notices, reply, delivery receipt",
        description="Write the document for a case's act (登记回执, 补正告知书, 延期答复告知书, "
        "征求意见书, 收费通知书, 答复书, 送达回证, …) from the case stored as JSON and the "
        "agency's profile (TOML), as Markdown, plain text, printable HTML or DOCX (GB/T 9704).",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "kind", choices=[k.value for k in DocumentKind], metavar="KIND", help="the document"
    )
    parser.add_argument("case", metavar="CASE", help="the case as JSON (Case.to_dict())")
    parser.add_argument("--agency", required=True, metavar="FILE", help="the agency profile (TOML)")
    parser.add_argument(
        "--format",
        choices=[f.value for f in DocumentFormat],
        default=DocumentFormat.MARKDOWN.value,
        help="markdown (default), text, html or docx",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (needed for docx)")
    parser.add_argument("--number", type=_number, metavar="N", help="the serial number (文号)")
    parser.add_argument("--as-of", type=_date, metavar="DATE", help="the case as it stood then")
    parser.add_argument("--consultee", metavar="NAME", help="which consultee's letter")
    parser.add_argument(
        "--fee-units",
        type=_count,
        metavar="N",
        help="fee notice: the items (按件) or pages (按量) charged, for the calculation",
    )
    parser.add_argument(
        "--fee-already",
        type=_count,
        default=0,
        metavar="N",
        help="fee notice, per item: the applicant's items earlier this month",
    )
    parser.add_argument("--templates", metavar="DIR", help="a folder of the host's own templates")
    parser.add_argument(
        "--overlay", action="append", default=[], metavar="FILE", help="a TOML calendar overlay"
    )
    parser.add_argument(
        "--estimates",
        choices=[e.value for e in Estimates],
        default=Estimates.REFUSE.value,
        help="refuse (default) dates without official data, or allow marked estimates",
    )
    parser.add_argument(
        "--encoding", default="utf-8", help="the text encoding of the files read (default utf-8)"
    )
    parser.add_argument("--json", action="store_true", help="errors as JSON on standard output")
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
    fmt = DocumentFormat(args.format)
    if fmt is DocumentFormat.DOCX and args.output is None:
        args.parser.error("--format docx writes a binary file: give -o FILE")
    overlays = [Overlay.load(path, encoding=args.encoding) for path in args.overlay]
    calendar = WorkdayCalendar(overlays, estimates=Estimates(args.estimates))
    case = _read_case(args.case, args.encoding, calendar)
    agency = AgencyProfile.load(args.agency, encoding=args.encoding)
    fee = None
    if args.fee_units is not None:
        notice = case.fee
        if notice is None:
            args.parser.error("--fee-units: the case has no fee notice")
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
    out.write(f"已写入 {args.output}（{kind.title_zh}，{fmt.value}）\n")
    return 0
