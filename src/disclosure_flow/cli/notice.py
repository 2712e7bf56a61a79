"""``disclosure-flow calendar import-notice``: the State Council's holiday notice, pasted
as published, into a national overlay (导入放假通知)."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from disclosure_flow.cli.options import (
    EXIT_OK,
    EXIT_USAGE,
    _add_lang_option,
    _epilog,
    _Parser,
    _Say,
)
from disclosure_flow.workdays import (
    HolidayNotice,
    Overlay,
    overlay_to_toml,
)

# -- calendar import-notice ---------------------------------------------------------


def _import_notice_parser(lang: str = "zh") -> argparse.ArgumentParser:
    """The parser of ``disclosure-flow calendar import-notice``, in *lang*."""
    say = _Say(lang)
    parser = _Parser(
        prog="disclosure-flow calendar import-notice",
        lang=lang,
        description=say(
            "读入按原文粘贴的国务院办公厅放假通知（国务院办公厅关于YYYY年部分节假日安排的"
            "通知），生成覆盖该年的全国叠加数据：逐日列出读到的安排，供与通知原文核对；"
            "并可写成 TOML 文件，供 --overlay 使用。",
            "Read the State Council's holiday notice (国务院办公厅关于YYYY年部分节假日"
            "安排的通知), pasted as published, into a national overlay that covers its year; "
            "print what was understood, one day per line, to check against the notice; "
            "write the overlay as a TOML file for --overlay.",
        ),
        epilog=_epilog(
            say,
            "disclosure-flow calendar import-notice notice.txt -o 2027.toml",
            "disclosure-flow deadline 2026-12-10 --overlay 2027.toml",
        ),
    )
    parser.add_argument(
        "notice",
        metavar="FILE",
        help=say(
            "通知的文本文件（UTF-8 或 GB18030）；- 表示标准输入",
            "the notice as text (UTF-8 or GB18030); - for stdin",
        ),
    )
    parser.add_argument(
        "--supplement",
        action="append",
        default=[],
        metavar="FILE",
        help=say(
            "修改该年安排的补充通知（如 国办发明电〔2020〕1号）；可重复，按顺序",
            "a supplementary notice that changed the year (e.g. 国办发明电〔2020〕1号); "
            "repeat, in order",
        ),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=say("把叠加数据写成 TOML 文件", "write the overlay as TOML here"),
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help=say("覆盖已有的输出文件", "overwrite an existing output file"),
    )
    parser.add_argument(
        "--source", metavar="URL", help=say("通知的发布网址", "where the notice was published")
    )
    _add_lang_option(parser, say)
    parser.set_defaults(command="import-notice", handler=_import_notice_command)
    return parser


def _notice_file(path: str, zh: bool) -> str:
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
        raise OSError(
            f"{path}：不是 UTF-8 或 GB18030 文本" if zh else f"{path}: not UTF-8 or GB18030 text"
        ) from None


def _import_notice_command(args: argparse.Namespace, out: TextIO) -> int:
    zh = args.lang == "zh"
    notice = HolidayNotice.parse(_notice_file(args.notice, zh), source=args.source)
    supplements = [HolidayNotice.parse(_notice_file(path, zh)) for path in args.supplement]
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
            f"disclosure-flow: {args.output} 已存在；要覆盖它，请加 --force"
            if zh
            else f"disclosure-flow: {args.output} exists; use --force to overwrite it",
            file=sys.stderr,
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
