"""The shared vocabulary of the commands (命令行公用部分): the language of the text, the
parser that speaks it, exit codes, option types that refuse what they cannot read (a
usage error, exit 2), the calendar options, and the output helpers.

**The language (语言).** ``--lang zh|en`` chooses it; without it, the locale does, as
POSIX orders the variables for messages: the first of ``LANGUAGE`` (its first entry),
``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set. A ``zh…`` locale gives Chinese,
another named language (``en_US.UTF-8``, ``fr_FR``) English; none, ``C`` or ``POSIX``
gives Chinese, since a fresh intranet server often has no locale at all
(:func:`cli_language`). Every text of the command line is written once per option in
both languages (:class:`_Say`), and argparse's own words — ``usage:``, the group
titles, ``-h``, its error messages — come from a small catalog read by the parser
(:class:`_Parser`, :class:`_Formatter`): nothing global is changed, so a program that
imports the library keeps argparse as it was.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, NoReturn, TextIO

from disclosure_flow.clock import (
    PauseReason,
)
from disclosure_flow.dates import date_problem, parse_date
from disclosure_flow.errors import DisclosureFlowError, show_value
from disclosure_flow.workdays import (
    Estimates,
    Overlay,
    WorkdayCalendar,
    YearEnd,
)

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_IO = 4
EXIT_INTERNAL = 70  # EX_SOFTWARE of sysexits.h
EXIT_INTERRUPTED = 130

# -- the language ----------------------------------------------------------------------

LANGS = ("zh", "en")
#: The locale variables that name the language of messages, in the order POSIX reads them.
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def locale_language(environ: Mapping[str, str]) -> str:
    """``"zh"`` or ``"en"``, as the locale variables of *environ* name the language.

    The first of ``LANGUAGE`` (its first entry), ``LC_ALL``, ``LC_MESSAGES`` and
    ``LANG`` that is set decides: ``zh_CN.UTF-8``, ``zh_TW`` or ``zh`` is Chinese, any
    other language English; none set, ``C`` or ``POSIX`` (``C.UTF-8``) is Chinese.
    """
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "")
        if name == "LANGUAGE":
            value = next((entry for entry in value.split(":") if entry), "")
        if value:
            break
    language = re.split(r"[_.@-]", value, maxsplit=1)[0].lower()
    return "en" if language not in ("", "c", "posix", "zh") else "zh"


def cli_language(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language of the command line *argv*: its last ``--lang zh|en`` (also written
    ``--lang=en`` or abbreviated, as argparse allows), else :func:`locale_language`.

    Read before the arguments are parsed, so that the help and argparse's own errors
    speak it too.
    """
    tokens = list(argv)
    if "--" in tokens:
        tokens = tokens[: tokens.index("--")]
    chosen = None
    for i, token in enumerate(tokens):
        name, equals, value = token.partition("=")
        if len(name) >= 4 and "--lang".startswith(name):
            given = value if equals else (tokens[i + 1] if i + 1 < len(tokens) else "")
            if given in LANGS:
                chosen = given
    return chosen or locale_language(environ)


class _Say:
    """The texts of one language, each written once in both: ``say("中文", "English")``;
    and the option types, whose refusals (a usage error) speak that language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    # -- option types: each reads one word of the command line --------------------------

    def date(self, text: str, what: str = "") -> _dt.date:
        """*text* as a date, in one of the forms of :func:`~disclosure_flow.parse_date`."""
        try:
            return parse_date(text)
        except DisclosureFlowError:
            what = what or self("日期", "date")
            raise argparse.ArgumentTypeError(
                f"{what} {show_value(text)} {date_problem(text, self.lang)}"
            ) from None

    def whole_number(self, text: str, what: str = "", *, signed: bool = False) -> int:
        """*text* as a whole number in ASCII digits (``int()`` would also take ``٣``,
        ``１``, ``+3``, ``1_0`` and spaces)."""
        pattern = r"-?[0-9]+" if signed else r"[0-9]+"
        if not re.fullmatch(pattern, text, re.ASCII):
            what = what or self("数字", "number")
            allowed = self(
                "用 0-9 写的整数" + ("（负数表示往前数）" if signed else "") + "，如 5",
                "a whole number"
                + (", negative to count back," if signed else "")
                + " in digits 0-9, e.g. 5",
            )
            raise argparse.ArgumentTypeError(
                self(
                    f"{what} {show_value(text)} 不是整数；可用：{allowed}",
                    f"{what} {show_value(text)} is not a number; allowed: {allowed}",
                )
            )
        return int(text)

    def count(self, text: str) -> int:
        return self.whole_number(text)

    def signed_count(self, text: str) -> int:
        return self.whole_number(text, signed=True)

    def year(self, text: str) -> int:
        if not re.fullmatch(r"[0-9]{4}", text, re.ASCII):
            raise argparse.ArgumentTypeError(
                self(
                    f"年份 {show_value(text)} 不是年份；可用：四位数字 0-9，如 2025",
                    f"year {show_value(text)} is not a year; allowed: four digits 0-9, e.g. 2025",
                )
            )
        return int(text)

    def encoding(self, text: str) -> str:
        try:
            "".encode(text)  # a LookupError also for bytes-to-bytes codecs such as base64
        except LookupError:
            raise argparse.ArgumentTypeError(
                self(
                    f"{show_value(text)} 不是文本编码；可用：如 utf-8（默认）、gbk、gb18030",
                    f"{show_value(text)} is not a text encoding; "
                    "allowed: e.g. utf-8 (the default), gbk, gb18030",
                )
            ) from None
        return text

    def pause(self, text: str) -> tuple[_dt.date, _dt.date | None, PauseReason]:
        reasons = ", ".join(r.value for r in PauseReason)
        shape = self(
            f"START:END:REASON（暂停仍在继续时 END 留空），REASON 为 {reasons} 之一",
            f"START:END:REASON (END empty while it runs), REASON one of {reasons}",
        )
        pieces = text.split(":")
        if len(pieces) != 3:
            raise argparse.ArgumentTypeError(
                self(
                    f"{show_value(text)} 不是暂停的写法；可用：{shape}",
                    f"{show_value(text)} is not a pause; allowed: {shape}",
                )
            )
        start, end, reason = pieces
        try:
            why = PauseReason(reason)
        except ValueError:
            raise argparse.ArgumentTypeError(
                self(
                    f"REASON {reason!r} 不是暂停原因；可用：{shape}",
                    f"REASON {reason!r} is not a pause reason; allowed: {shape}",
                )
            ) from None
        return (self.date(start, "START"), self.date(end, "END") if end else None, why)

    def extension(self, text: str) -> tuple[int, str, _dt.date]:
        shape = self(
            "DAYS:APPROVER:GRANTED_ON（天数:批准人:批准日期），如 10:负责人:2026-10-26",
            "DAYS:APPROVER:GRANTED_ON, e.g. 10:负责人:2026-10-26",
        )
        pieces = text.split(":")
        if len(pieces) != 3:
            raise argparse.ArgumentTypeError(
                self(
                    f"{show_value(text)} 不是延期的写法；可用：{shape}",
                    f"{show_value(text)} is not an extension; allowed: {shape}",
                )
            )
        days, approver, granted = pieces
        if not approver.strip():
            raise argparse.ArgumentTypeError(
                self(
                    f"{show_value(text)} 中的 APPROVER 为空；可用：写明批准人，{shape}",
                    f"APPROVER in {show_value(text)} is empty; allowed: who approved it, {shape}",
                )
            )
        return (self.whole_number(days, "DAYS"), approver, self.date(granted, "GRANTED_ON"))


# -- argparse in the language ------------------------------------------------------------

#: argparse's own words, as it writes them (its gettext message ids, Python 3.11–3.13),
#: in Chinese. Its errors arrive at :meth:`_Parser.error` already written out in English,
#: and are read back against these patterns.
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "%(value)s 不是可选的值（可选：%(choices)s）"
    ),
    "expected one argument": "需要给出一个值",
    "expected at most one argument": "最多给出一个值",
    "expected at least one argument": "至少给出一个值",
    "expected %s argument": "需要给出 %s 个值",
    "expected %s arguments": "需要给出 %s 个值",
    "invalid %(type)s value: %(value)r": "%(value)s 不是有效的 %(type)s 值",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项 %(option)s 有歧义，可能是 %(matches)s"
    ),
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "不接受值 %s",
    "one of the arguments %s is required": "参数 %s 必须给出其中之一",
    "unexpected option string: %s": "意外的选项 %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "未知的命令 %(parser_name)s（可选：%(choices)s）"
    ),
}
_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[sr]")


def _argparse_zh(message: str) -> str:
    """argparse's English *message* in Chinese, where the catalog knows its pattern
    (the message of ``argument X: …`` translated in turn); else *message*."""
    for msgid, zh in _ARGPARSE_ZH.items():
        pieces = _PLACEHOLDER.split(msgid)  # literal, name, literal, name, …, literal
        pattern = "".join(
            re.escape(piece) if i % 2 == 0 else "(.*?)" for i, piece in enumerate(pieces)
        )
        match = re.fullmatch(pattern, message, re.S)
        if match is not None:
            names = [pieces[i] or "" for i in range(1, len(pieces), 2)]
            return _filled(zh, names, list(match.groups()))
    return message


def _filled(template: str, names: list[str], values: list[str]) -> str:
    """*template* with its placeholders replaced: a named one by the value of that
    name, an unnamed one by the next unnamed value."""
    named = {name: value for name, value in zip(names, values, strict=True) if name}
    if "message" in named:
        named["message"] = _argparse_zh(named["message"])
    unnamed = iter(value for name, value in zip(names, values, strict=True) if not name)
    return _PLACEHOLDER.sub(lambda m: named[m.group(1)] if m.group(1) else next(unnamed), template)


def _wide(char: str) -> bool:
    """Whether *char* takes two columns on a terminal (Chinese, full-width forms)."""
    from unicodedata import east_asian_width  # imported here: only the help needs it

    return east_asian_width(char) in ("W", "F")


def _columns(text: str) -> int:
    return sum(2 if _wide(c) else 1 for c in text)


#: Where a line may not begin (closing marks) or end (opening marks).
_CLOSING = "，。、；：！？）》」』〕】”’,.;:!?)]"
_OPENING = "（《「『〔【“‘([{"
_PIECE = re.compile(
    rf"\s+|[{re.escape(_OPENING)}]*(?:[^\s\u2e80-\uffff]+|[\u2e80-\uffff])"
    rf"[{re.escape(_CLOSING)}]*"
)


def _wrap(text: str, width: int) -> list[str]:
    """*text* in lines of at most *width* terminal columns: broken at spaces, and
    between two Chinese characters, never before a closing mark or after an opening
    one."""
    lines: list[str] = []
    line, used, space = "", 0, False
    for piece in _PIECE.findall(" ".join(text.split())):
        if piece.isspace():
            space = bool(line)
            continue
        size = _columns(piece)
        gap = 1 if space else 0
        if line and used + gap + size > width:
            lines.append(line)
            line, used = piece, size
        else:
            line += " " * gap + piece
            used += gap + size
        space = False
    if line:
        lines.append(line)
    return lines


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """The help in one language, measured in terminal columns (a Chinese character
    takes two). Descriptions and epilogs keep their lines: an unindented line longer
    than the width is wrapped, an indented one (an example command) never is."""

    lang: ClassVar[str] = "en"

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        if prefix is None:
            prefix = _argparse_zh("usage: ") if self.lang == "zh" else "usage: "
        super().add_usage(usage, actions, groups, prefix)

    def _format_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None) -> str:
        text = super()._format_usage(usage, actions, groups, prefix)
        extra = _columns(prefix or "") - len(prefix or "")
        if extra:  # continuation lines line up under the command, after a wide prefix
            text = re.sub(r"\n(?=[ ]+\S)", "\n" + " " * extra, text)
        return text

    def _split_lines(self, text: str, width: int) -> list[str]:
        return _wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines: list[str] = []
        for line in text.splitlines():
            if line[:1].isspace() or _columns(line) <= width:
                lines.append(indent + line)
            else:
                lines.extend(indent + part for part in _wrap(line, width))
        return "\n".join(lines) + ("\n" if text.endswith("\n") else "")

    def format_help(self) -> str:
        text = super().format_help()
        if self.lang == "zh":  # a Chinese heading ends with a full-width colon
            text = re.sub(r"^(\S*[\u4e00-\u9fff]):$", r"\1：", text, flags=re.M)
        return text


class _ChineseFormatter(_Formatter):
    lang = "zh"


class _UsageError(Exception):
    """Bad usage of the command line (exit 2), with the parser that can show its usage."""

    def __init__(self, message: str, parser: argparse.ArgumentParser | None = None) -> None:
        super().__init__(message)
        self.parser = parser


class _Parser(argparse.ArgumentParser):
    """An argument parser in one language (*lang*) that raises :class:`_UsageError`
    instead of exiting, so that usage errors are reported like every other error (as
    JSON with ``--json``). Its subcommands' parsers speak its language."""

    def __init__(self, *args: Any, lang: str = "zh", **kwargs: Any) -> None:
        self.lang = lang
        say = _Say(lang)
        kwargs.setdefault("formatter_class", _ChineseFormatter if lang == "zh" else _Formatter)
        kwargs["add_help"] = False  # its own -h, in the language
        super().__init__(*args, **kwargs)
        self._positionals.title = say("位置参数", "positional arguments")
        self._optionals.title = say("选项", "options")
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help=say("显示本帮助并退出", "show this help message and exit"),
        )
        self.register("action", "parsers", _Subcommands)

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("lang", self.lang)
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        raise _UsageError(_argparse_zh(message) if self.lang == "zh" else message, self)


class _Subcommands(argparse._SubParsersAction):  # type: ignore[type-arg]  # generic in typeshed only
    """The subcommands of a :class:`_Parser`, each a :class:`_Parser` in its language."""

    def __init__(self, *args: Any, lang: str = "zh", **kwargs: Any) -> None:
        self.lang = lang
        super().__init__(*args, **kwargs)

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        kwargs.setdefault("lang", self.lang)
        return super().add_parser(name, **kwargs)


# -- the help's shared texts ---------------------------------------------------------------

_EXAMPLES = """\
  disclosure-flow deadline 2026-09-28 --channel in_person
  disclosure-flow deadline 2026-09-28 --pause 2026-10-12:2026-10-20:third_party \\
      --extend 10:负责人:2026-10-26 --as-of 2026-11-20
  disclosure-flow deadline 2026/9/28 --lang en
  disclosure-flow deadline 2026-12-10 --estimates allow --lang en
  disclosure-flow deadline 2026-09-28 --as-of 2026-10-20 --png timeline.png
  disclosure-flow calendar 2026-10-10
  disclosure-flow calendar 2026年9月28日 --add 20
  disclosure-flow calendar 2026-09-30 2026-10-09 --overlay examples/overlays/linxia.toml
  disclosure-flow calendar --coverage --json
  disclosure-flow calendar import-notice notice.txt -o 2027.toml
  disclosure-flow report cases.jsonl --year 2025 --format markdown
  disclosure-flow recompute open-cases.jsonl --overlay 2027.toml
  disclosure-flow watchlist open-cases.jsonl --as-of 2026-11-24 --json
  disclosure-flow storage recompute --url sqlite:///cases.db
  disclosure-flow document reply case.json --agency agency.toml --format docx -o reply.docx
"""


def _epilog_errors(say: _Say) -> str:
    """The exit codes and the form of errors, for the end of each command's help."""
    return say(
        """\
退出码：
  0 成功；1（仅 watchlist）列出的案件中有需要机关办理的；2 用法错误；
  3 输入不符合法规或数据（如日期超出日历数据的范围）；4 文件或数据库无法读取
  （不存在，或不是所给编码的文本：见 --encoding）；70 内部错误（程序缺陷，
  请报告）；130 被中断。
错误信息：
  写在标准错误上："disclosure-flow: 错误类型: 说明"（用法错误：先是用法行，
  再是 "disclosure-flow 命令：错误：说明"）。加 --json（report 为
  --format json）时，错误改为标准输出上的一个 JSON 对象，标准错误上什么也不写：
  {"error": {"kind": "usage"|"refused"|"unreadable"|"internal"|"interrupted",
  "type": 错误的类名或 null, "message": 说明, "exit": 退出码}}
""",
        """\
exit codes:
  0 success; 1 (watchlist) a listed case needs the agency to act; 2 bad usage;
  3 input refused by the law or the data (e.g. a date outside the calendar);
  4 a file or the database could not be read (missing, or not text in its
  encoding: see --encoding); 70 an internal error (a bug: please report it);
  130 interrupted.
errors:
  on stderr: "disclosure-flow: TYPE: MESSAGE" (bad usage: the usage line, then
  "disclosure-flow COMMAND: error: MESSAGE"). With --json (report: --format
  json) an error is instead one JSON object on stdout, and nothing goes to
  stderr: {"error": {"kind": "usage"|"refused"|"unreadable"|"internal"|
  "interrupted", "type": the error's class or null, "message": the text,
  "exit": the exit code}}
""",
    )


def _epilog_language(say: _Say) -> str:
    """How the language is chosen, and the dates read, for the command line's help."""
    return say(
        """\
语言：
  用 --lang zh 或 --lang en 指定；未指定时按区域设置（locale），依次看
  环境变量 LANGUAGE（其第一项）、LC_ALL、LC_MESSAGES、LANG 中第一个已设置的：
  zh 开头为中文，其他语言为英文；都未设置，或为 C、POSIX 时为中文。
日期写法：
  2026-09-28、2026/9/28、2026.9.28、2026年9月28日、20260928
  （年份在前，数字用 0-9）。
""",
        """\
language:
  --lang zh or --lang en; without it, the locale: the first of the variables
  LANGUAGE (its first entry), LC_ALL, LC_MESSAGES and LANG that is set; zh...
  gives Chinese, another language English; none of them, C or POSIX: Chinese.
dates:
  2026-09-28, 2026/9/28, 2026.9.28, 2026年9月28日 or 20260928 (the year first,
  digits 0-9).
""",
    )


def _epilog(say: _Say, *examples: str, top: bool = False) -> str:
    """A help's epilog: its examples (every command's, by default), how the language is
    chosen (with *top*), then the exit codes and errors."""
    shown = "".join(f"  {e}\n" for e in examples) if examples else _EXAMPLES
    text = say("示例：\n", "examples:\n") + shown + "\n"
    if top:
        text += _epilog_language(say) + "\n"
    return text + _epilog_errors(say)


def _add_lang_option(parser: argparse.ArgumentParser, say: _Say) -> None:
    """``--lang``: the language of the text (set before parsing: :func:`cli_language`)."""
    parser.add_argument(
        "--lang",
        choices=list(LANGS),
        default=argparse.SUPPRESS,  # a subcommand's default must not hide the command's
        help=say(
            "输出语言（默认按区域设置：LANGUAGE、LC_ALL、LC_MESSAGES、LANG）",
            "language of the text (default: the locale's, from LANGUAGE, LC_ALL, "
            "LC_MESSAGES or LANG)",
        ),
    )


def _add_calendar_options(parser: argparse.ArgumentParser, say: _Say) -> None:
    parser.add_argument(
        "--overlay",
        action="append",
        default=[],
        metavar="FILE",
        help=say(
            "TOML 叠加文件（地方节假日、录入的放假通知）；可重复，按顺序叠加",
            "a TOML overlay (local holidays, a typed-in notice); repeat to compose, in order",
        ),
    )
    parser.add_argument(
        "--estimates",
        choices=[e.value for e in Estimates],
        default=Estimates.REFUSE.value,
        help=say(
            "refuse（默认）：没有官方数据的日期不予计算；allow：给出标明为估计的结果",
            "refuse (default) dates without official data, or allow a marked provisional answer",
        ),
    )
    parser.add_argument(
        "--year-end",
        choices=[y.value for y in YearEnd],
        default=YearEnd.PENDING.value,
        help=say(
            "pending（默认）：数据所及最后一年的12月29日至31日在下一年放假通知收录前按估计处理；"
            "final：按本年数据作最终结果",
            "pending (default): 29-31 December of the last year with data are estimated "
            "until the next year's notice is in; final: the year's own data as final",
        ),
    )
    parser.add_argument(
        "--encoding",
        type=say.encoding,
        default="utf-8",
        help=say(
            "所读文件的文本编码（默认 utf-8，有无 BOM 均可），如中文 Windows 上编辑器"
            "保存的文件用 gbk",
            "the text encoding of the files read (default utf-8, with or without a BOM), "
            "e.g. gbk for a file saved by an editor on Chinese Windows",
        ),
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help=say("输出 JSON，供脚本读取（错误也是）", "print JSON for scripts (errors too)"),
    )
    _add_lang_option(parser, say)


#: Due soon: within this many working days, unless --due-soon says otherwise.
_DUE_SOON = 5

#: The shorter periods (子期限) by the value of their ``SubDeadlineKind``, in Chinese (a
#: test checks every kind has one; the light commands do not import the cases).
_PERIODS_ZH = {
    "correction_notice": "补正告知期限",
    "correction": "补正期限",
    "third_party_answer": "第三方答复期限",
    "inter_agency_answer": "其他机关答复期限",
    "fee_payment": "缴费期限",
    "reconsideration": "行政复议申请期限",
    "litigation": "起诉期限",
    "litigation_after_reconsideration": "复议后的起诉期限",
}

_PROVISIONAL = {"zh": "（估计，待确认）", "en": " (provisional, to be confirmed)"}


def make_calendar(args: argparse.Namespace) -> WorkdayCalendar:
    """The calendar the common options ask for."""
    overlays = [Overlay.load(path, encoding=args.encoding) for path in args.overlay]
    return WorkdayCalendar(
        overlays, estimates=Estimates(args.estimates), year_end=YearEnd(args.year_end)
    )


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
