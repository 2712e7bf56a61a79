"""The commands a host runs from a cron job (定时任务命令): ``watchlist`` and ``storage``.

Part of the ``disclosure-flow`` command line (:mod:`disclosure_flow.cli`, which adds
them to its parser and shares its options, errors and exit codes):

- ``disclosure-flow watchlist FILE --as-of DATE [--json]`` — the supervisor's watchlist
  (:func:`~disclosure_flow.reports.watch_items`) over cases as JSON Lines, one
  :meth:`Case.to_dict() <disclosure_flow.cases.Case.to_dict>` per line, streamed: one
  line per listed case as it is found (with ``--json``, one JSON object per line), then
  a summary (with ``--json``, ``{"summary": {...}}``). Exit **1** when a listed case
  needs the agency to act (:attr:`Attention.needs_action
  <disclosure_flow.reports.Attention.needs_action>`), 0 when nothing does; the other
  codes as :mod:`disclosure_flow.cli`.
- ``disclosure-flow storage create|recompute|export --url URL`` — the cases database of
  :mod:`disclosure_flow.storage` (extra ``sql``): create its tables; recompute every
  derived column after a calendar change, with a progress bar on a terminal; write the
  stored cases as JSON Lines (the watchlist's input).
"""

from __future__ import annotations

import argparse
import codecs
import json
import sys
from typing import Any, TextIO

from disclosure_flow.cli.options import (
    _DUE_SOON,
    _PERIODS_ZH,
    EXIT_OK,
    _add_calendar_options,
    _emit,
    _epilog,
    _Say,
    _UsageError,
    make_calendar,
)
from disclosure_flow.errors import InputEncodingError, SerializationError, Wording
from disclosure_flow.reports import DEFAULT_STALLED_AFTER, Attention, watch_items
from disclosure_flow.workdays import WorkdayCalendar

__all__ = ["EXIT_ATTENTION", "add_commands"]


#: ``watchlist``: a listed case needs the agency to act (for a cron job's alert).
EXIT_ATTENTION = 1


def add_commands(sub: Any, say: _Say) -> None:
    """Add the ``watchlist`` and ``storage`` commands to the subparsers *sub*, their text
    in *say*'s language."""

    def stalled_after(text: str) -> int | None:
        return None if text == "off" else say.whole_number(text, "--stalled-after")

    wl = sub.add_parser(
        "watchlist",
        help=say(
            "由 JSON Lines 案件生成督办清单，供每晚的定时任务使用",
            "the supervisor's watchlist from cases as JSON Lines, for a nightly job",
        ),
        description=say(
            "每件案件的每个期限（督办清单）：逾期或即将到期的答复期限、逾期未复的征求意见、"
            "届满的补正期限和缴费期限、长期未办理的案件、未届满的救济期限、未审结的复议和"
            "诉讼、合规问题。每行读入一件案件（Case.to_dict()），边读边处理，占用内存不随"
            "案件数增长。每列入一件即输出一行，最后输出汇总。",
            "Every clock of every case (督办清单): reply deadlines overdue or due "
            "soon, consultation answers overdue, correction and payment periods run out, "
            "stalled cases, open remedy windows, pending proceedings, findings. Reads one "
            "case (Case.to_dict()) per line, streaming: memory stays constant. Prints one "
            "line per listed case as it is found, then a summary.",
        ),
        epilog=say(
            "有列入的案件需要机关办理时退出码为 1（未届满的救济期限、未审结的复议和诉讼、"
            "合规问题\n仅供知悉，不算），否则为 0。\n\n",
            "exit 1 when a listed case needs the agency to act (anything but open remedy "
            "windows,\npending proceedings and findings), 0 otherwise.\n\n",
        )
        + _epilog(say, "disclosure-flow watchlist open-cases.jsonl --as-of 2026-11-24 --json"),
    )
    wl.add_argument(
        "cases",
        metavar="FILE",
        help=say("案件的 JSON Lines 文件；- 表示标准输入", "JSON Lines file of cases; - for stdin"),
    )
    wl.add_argument(
        "--as-of",
        type=say.date,
        required=True,
        metavar="DATE",
        help=say("截至哪一天", "the day"),
    )
    wl.add_argument(
        "--due-within",
        type=say.count,
        default=_DUE_SOON,
        metavar="N",
        help=say(
            f"剩余 N 个工作日以内为即将到期（默认 {_DUE_SOON}）",
            f"due soon within N working days (default {_DUE_SOON})",
        ),
    )
    wl.add_argument(
        "--stalled-after",
        type=stalled_after,
        default=DEFAULT_STALLED_AFTER,
        metavar="N",
        help=say(
            f"连续 N 个工作日没有办理记录为长期未办理（默认 {DEFAULT_STALLED_AFTER}；"
            "off 表示不检查）",
            "stalled after N working days without an event "
            f"(default {DEFAULT_STALLED_AFTER}; off to not check)",
        ),
    )
    _add_calendar_options(wl, say)
    wl.set_defaults(handler=_watchlist_command, parser=wl)

    st = sub.add_parser(
        "storage",
        help=say(
            "案件数据库：建表、重新计算、导出",
            "the cases database: create its tables, recompute, export",
        ),
        description=say(
            "disclosure_flow.storage 的案件数据库（需要可选依赖 sql：pip install "
            "'disclosure-flow[sql]'；PostgreSQL 用 [postgres]）。",
            "The cases database of disclosure_flow.storage (extra sql: pip "
            "install 'disclosure-flow[sql]', [postgres] for PostgreSQL).",
        ),
        epilog=_epilog(
            say,
            "disclosure-flow storage create --url sqlite:///cases.db",
            "disclosure-flow storage recompute --url sqlite:///cases.db --estimates allow",
            "disclosure-flow storage export --url sqlite:///cases.db",
        ),
    )
    actions = st.add_subparsers(
        dest="action", metavar="ACTION", required=True, title=say("操作", "actions")
    )
    for name, text in (
        ("create", say("建表（已有的表不动）", "create the tables where they do not exist")),
        (
            "recompute",
            say(
                "重新计算每个派生列（日历变化之后）",
                "recompute every derived column (after a calendar change)",
            ),
        ),
        (
            "export",
            say(
                "把存储的案件导出为 JSON Lines（供 watchlist 使用）",
                "write the stored cases as JSON Lines (for watchlist)",
            ),
        ),
    ):
        action = actions.add_parser(name, help=text, description=text)
        action.add_argument(
            "--url",
            required=True,
            help=say(
                "数据库地址，如 sqlite:///cases.db 或 postgresql+psycopg://user@host/db",
                "the database, e.g. sqlite:///cases.db or postgresql+psycopg://user@host/db",
            ),
        )
        action.add_argument(
            "--prefix",
            default="disclosure_",
            help=say("表名前缀（默认 disclosure_）", "the tables' prefix (default disclosure_)"),
        )
        if name == "recompute":
            action.add_argument(
                "--rows",
                choices=["all", "stale"],
                default="all",
                help=say(
                    "all：全部行（默认）；stale：用其他日历计算的、估计的或数据不足的行",
                    "all rows (default), or those computed with another calendar, "
                    "provisional or short of data",
                ),
            )
            action.add_argument(
                "--batch",
                type=say.count,
                default=500,
                metavar="N",
                help=say("每批处理的案件数", "cases per batch"),
            )
            action.add_argument(
                "--progress",
                choices=["auto", "always", "never"],
                default="auto",
                help=say(
                    "在标准错误上显示进度条（auto：标准错误是终端时显示）",
                    "a progress bar on stderr (auto: when it is a terminal)",
                ),
            )
        if name == "export":
            action.add_argument(
                "--open", action="store_true", help=say("只导出在办案件", "open cases only")
            )
        _add_calendar_options(action, say)
        action.set_defaults(handler=_storage_command, parser=action)


def _case_lines(path: str, encoding: str) -> Any:
    """The documents of a JSON Lines file of cases (or stdin), one per non-blank line."""
    handle: Any
    if path == "-":
        handle, source = getattr(sys.stdin, "buffer", sys.stdin), "<stdin>"
    else:
        handle, source = open(path, "rb"), path  # noqa: SIM115  # closed below
    codec = codecs.lookup(encoding).name
    if codec == "utf-8":
        codec = "utf-8-sig"  # a byte-order mark is allowed, as everywhere else
    try:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode(codec) if isinstance(raw, bytes) else raw
            except UnicodeDecodeError as error:
                raise InputEncodingError(
                    source, encoding, number, raw, error.start, error.end
                ) from None
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except (json.JSONDecodeError, RecursionError, ValueError) as error:
                raise SerializationError(
                    f"line {number}",
                    line.strip()[:80],
                    Wording(f"a case as JSON ({error})", f"JSON 格式的案件（{str(error)!r}）"),
                ) from None
    finally:
        if path != "-":
            handle.close()


def _cases_of(args: argparse.Namespace, calendar: WorkdayCalendar) -> Any:
    from disclosure_flow.cases import Case

    for number, data in enumerate(_case_lines(args.cases, args.encoding), start=1):
        try:
            yield Case.from_dict(data, calendar=calendar)
        except SerializationError as error:
            raise SerializationError(
                f"line {number}: {error.path}", error.value, error.allowed, personal=error.personal
            ) from None


def _watch_line(item: Any, zh: bool) -> str:
    reasons = ("、" if zh else ", ").join(
        (r.label_zh if zh else r.value) for r in Attention if r in item.reasons
    )
    parts = [item.case_id, reasons]
    status = item.status
    if item.due is not None and item.clock is not None:
        label = item.clock.label_zh if zh else item.clock.value
        text = f"{label} {item.due}"
        if status is not None and status.overdue:
            late = status.overdue_by
            text += f" 逾期 {late} 个工作日" if zh else f" overdue by {late}"
        elif status is not None and not status.replied:
            text += f" 剩余 {status.left} 个工作日" if zh else f" {status.left} left"
        parts.append(text)
    for period in item.periods:
        kind = period.kind.value
        text = f"{_PERIODS_ZH.get(kind, kind) if zh else kind} {period.due}"
        if period.about:
            text += f"（{period.about}）" if zh else f" ({period.about})"
        if period.overdue_by:
            gap = "" if period.about else " "
            text += f"{gap}已过 {period.overdue_by} 个工作日" if zh else f" +{period.overdue_by}"
        parts.append(text)
    if item.idle is not None and Attention.STALLED in item.reasons:
        parts.append(f"{item.idle} 个工作日无办理记录" if zh else f"idle {item.idle}")
    return "  ".join(parts)


def _watchlist_command(args: argparse.Namespace, out: TextIO) -> int:
    calendar = make_calendar(args)
    zh = args.lang == "zh"
    counts = dict.fromkeys(Attention, 0)
    seen = listed = acting = 0

    def counted(cases: Any) -> Any:
        nonlocal seen
        for case in cases:
            seen += 1
            yield case

    for item in watch_items(
        counted(_cases_of(args, calendar)),
        as_of=args.as_of,
        due_within=args.due_within,
        stalled_after=args.stalled_after,
    ):
        listed += 1
        acting += item.needs_action
        for reason in item.reasons:
            counts[reason] += 1
        if args.json:
            out.write(json.dumps(item.to_dict(args.lang), ensure_ascii=False) + "\n")
        else:
            out.write(_watch_line(item, zh) + "\n")
    summary = {
        "as_of": args.as_of.isoformat(),
        "cases": seen,
        "listed": listed,
        "needs_action": acting,
        "counts": {r.value: n for r, n in counts.items()},
        "calendar": calendar.fingerprint,
    }
    if args.json:
        out.write(json.dumps({"summary": summary}, ensure_ascii=False) + "\n")
    elif zh:
        shown = "，".join(f"{r.label_zh} {n}" for r, n in counts.items() if n)
        out.write(
            f"截至 {args.as_of}：共 {seen} 件，列入督办 {listed} 件，需要办理 {acting} 件"
            + (f"（{shown}）" if shown else "")
            + "\n"
        )
    else:
        shown = ", ".join(f"{r.value} {n}" for r, n in counts.items() if n)
        out.write(
            f"as of {args.as_of}: {seen} cases, {listed} listed, {acting} need action"
            + (f" ({shown})" if shown else "")
            + "\n"
        )
    return EXIT_ATTENTION if acting else EXIT_OK


class _ProgressBar:
    """A progress bar on a terminal (进度条): ``[#####-----] 5,000/10,000 50%``."""

    WIDTH = 30

    def __init__(self, stream: TextIO, label: str) -> None:
        self._stream = stream
        self._label = label

    def __call__(self, done: int, total: int) -> None:
        share = 1.0 if total == 0 else done / total
        filled = round(share * self.WIDTH)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        end = "\n" if done >= total else ""
        self._stream.write(f"\r{self._label} [{bar}] {done:,}/{total:,} {share:4.0%}{end}")
        self._stream.flush()


def _storage_command(args: argparse.Namespace, out: TextIO) -> int:
    zh = args.lang == "zh"
    try:
        import sqlalchemy as sa

        from disclosure_flow.storage import Repository, define_tables
    except ImportError as error:
        raise _UsageError(
            "案件数据库需要 SQLAlchemy 2：pip install 'disclosure-flow[sql]'"
            "（PostgreSQL 用 'disclosure-flow[postgres]'）"
            if zh
            else str(error),
            args.parser,
        ) from None
    try:
        engine = sa.create_engine(args.url)
    except ImportError as error:  # the URL names a driver that is not installed
        raise _UsageError(
            f"--url {args.url!r}：未安装数据库驱动 {error.name or ''}"
            "（PostgreSQL：pip install 'disclosure-flow[postgres]'）"
            if zh
            else f"--url {args.url!r}: {error}",
            args.parser,
        ) from None
    except sa.exc.ArgumentError as error:
        raise _UsageError(
            f"--url {args.url!r} 不是数据库地址；可用：如 sqlite:///cases.db、"
            "postgresql+psycopg://user@host/db"
            if zh
            else f"--url {args.url!r}: {error}",
            args.parser,
        ) from None
    shown = engine.url.render_as_string(hide_password=True)
    tables = define_tables(sa.MetaData(), prefix=args.prefix)
    repo = Repository(engine, calendar=make_calendar(args), tables=tables)
    try:
        if args.action == "create":
            repo.create_tables()
            data: dict[str, Any] = {"created": [tables.cases.name, tables.events.name]}
            lines = [("已建表 " if zh else "tables ready: ") + ", ".join(data["created"])]
        elif args.action == "export":
            states = None
            if args.open:
                from disclosure_flow.cases import CaseState

                states = [s for s in CaseState if s.is_open]
            for case in repo.cases(states=states):
                out.write(json.dumps(case.to_dict(), ensure_ascii=False) + "\n")
            return EXIT_OK
        else:
            wanted = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
            bar = _ProgressBar(sys.stderr, "重新计算" if zh else "recompute") if wanted else None
            result = repo.recompute(rows=args.rows, batch_size=max(args.batch, 1), progress=bar)
            data = {
                "total": result.total,
                "updated": result.updated,
                "skipped": result.skipped,
                "calendar": result.fingerprint,
            }
            if zh:
                lines = [
                    f"已重新计算 {result.updated} 件（共 {result.total} 件，"
                    f"跳过 {result.skipped} 件：期间已被保存）；日历版本 {result.fingerprint}"
                ]
            else:
                lines = [
                    f"recomputed {result.updated} of {result.total} cases ({result.skipped} "
                    f"saved meanwhile, skipped); calendar {result.fingerprint}"
                ]
    except sa.exc.SQLAlchemyError as error:
        first = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        kind = type(error).__name__
        raise OSError(
            f"数据库 {shown} 出错（{kind}：{first}）"
            if zh
            else f"database {shown}: {kind}: {first}"
        ) from None
    _emit(out, args, data, lines)
    return EXIT_OK
