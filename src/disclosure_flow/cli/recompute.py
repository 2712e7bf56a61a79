"""``disclosure-flow recompute``: what a new calendar changes in stored cases (重新计算)."""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from disclosure_flow.cli.options import (
    _PERIODS_ZH,
    _PROVISIONAL,
    EXIT_OK,
    _add_calendar_options,
    _epilog,
    _Say,
)
from disclosure_flow.reports import (
    CaseChanges,
    read_cases,
    recompute,
)
from disclosure_flow.workdays import (
    Estimates,
    Overlay,
    WorkdayCalendar,
    YearEnd,
)


def add_recompute_command(sub: Any, say: _Say) -> None:
    """Register ``disclosure-flow recompute`` on the subcommands *sub*, its text in
    *say*'s language."""
    rc = sub.add_parser(
        "recompute",
        help=say(
            "新的日历（下一年的放假通知、地方叠加数据）使在办案件发生的变化",
            "what a new calendar (next year's notice, a local overlay) changes in open cases",
        ),
        description=say(
            "用 --overlay 文件组成的日历重新计算存储的案件（每行一个 Case.to_dict() 的 "
            "JSON 对象），与计算时所用的日历（全国数据，无数据的年份为估计，加上各 --keep "
            "叠加数据）比较：期限的变化、估计转为确定、新出现的合规问题。",
            "Recompute stored cases (one Case.to_dict() JSON object per line) under "
            "the calendar the --overlay files make, against the calendar they were computed "
            "with (the national data, provisional for years without it, plus any --keep "
            "overlays): every deadline that moved, answers made final, acts now late "
            "(重新计算：期限变化、估计转为确定、新的合规问题).",
        ),
        epilog=_epilog(say, "disclosure-flow recompute open-cases.jsonl --overlay 2027.toml"),
    )
    rc.add_argument(
        "cases",
        metavar="FILE",
        help=say(
            "存储案件的 JSON Lines 文件；- 表示标准输入",
            "JSON Lines file of stored cases; - for stdin",
        ),
    )
    _add_calendar_options(rc, say)
    rc.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="FILE",
        help=say(
            "前后都使用的叠加数据（如地方节假日）；可重复，按顺序叠加",
            "an overlay in use before and after (e.g. local holidays); repeat to compose",
        ),
    )
    rc.add_argument(
        "--all",
        action="store_true",
        help=say("列出每件案件，包括没有变化的", "list every case, also those nothing changed in"),
    )
    rc.set_defaults(handler=_recompute_command, parser=rc)


def _recompute_command(args: argparse.Namespace, out: TextIO) -> int:
    keep = [Overlay.load(path, encoding=args.encoding) for path in args.keep]
    new = [Overlay.load(path, encoding=args.encoding) for path in args.overlay]
    year_end = YearEnd(args.year_end)
    before = WorkdayCalendar(keep, estimates=Estimates.ALLOW, year_end=year_end)
    after = WorkdayCalendar([*keep, *new], estimates=Estimates(args.estimates), year_end=year_end)
    source: Any = Path(args.cases)
    if args.cases == "-":
        source = getattr(sys.stdin, "buffer", sys.stdin)
    zh = args.lang == "zh"
    moved = 0
    for found in recompute(read_cases(source, calendar=before, encoding=args.encoding), after):
        if not found and not args.all:
            continue
        moved += bool(found)
        if args.json:
            out.write(json.dumps(_changes_json(found), ensure_ascii=False) + "\n")
            continue
        out.write(_changes_text(found, zh) + "\n")
    if not args.json:
        out.write(f"共 {moved} 件案件有变化\n" if zh else f"{moved} case(s) changed\n")
    return EXIT_OK


def _changes_json(found: CaseChanges) -> dict[str, Any]:
    def day(value: _dt.date | None) -> str | None:
        return None if value is None else value.isoformat()

    return {
        "case_id": found.case_id,
        "changes": [
            {
                "what": c.what,
                "about": c.about,
                "before": day(c.before),
                "after": day(c.after),
                "moved_by": c.moved_by,
                "became_final": c.became_final,
                "provisional": c.now_provisional,
            }
            for c in found.changes
        ],
        "new_findings": [f.describe("en") for f in found.new_findings],
        "unanswered_before": list(found.unanswered),
    }


_WHAT_ZH = {"reply": "答复期限", **_PERIODS_ZH}


def _changes_text(found: CaseChanges, zh: bool) -> str:
    lines = [f"案件 {found.case_id}：" if zh else f"case {found.case_id}:"]
    if not found:
        lines.append("  无变化" if zh else "  no change")
    for c in found.changes:
        what = _WHAT_ZH.get(c.what, c.what) if zh else c.what.replace("_", " ")
        if c.about:
            what += f"（{c.about}）" if zh else f" ({c.about})"
        old = "未定" if c.before is None and zh else (c.before or "open")
        new = "未定" if c.after is None and zh else (c.after or "open")
        text = f"  {what} {old} → {new}"
        if c.moved_by:
            text += f"（{c.moved_by:+d}个工作日）" if zh else f" ({c.moved_by:+d} working days)"
        if c.became_final:
            text += "，由估计变为确定" if zh else ", now final"
        elif c.now_provisional:
            text += _PROVISIONAL["zh" if zh else "en"]
        lines.append(text)
    for f in found.new_findings:
        lines.append("  " + f.describe("zh" if zh else "en"))
    return "\n".join(lines)
