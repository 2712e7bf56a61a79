"""The command line speaks the clerk's language (disclosure_flow.cli): Chinese for a
Chinese locale or none, English for another; the help, argparse's own words and every
command's output entirely in it (checked with tests/language.py)."""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_flow.cases import SubDeadlineKind
from disclosure_flow.cli import EXIT_OK, EXIT_USAGE, main
from disclosure_flow.cli.options import (
    _PERIODS_ZH,
    _columns,
    _Parser,
    _wrap,
    cli_language,
    locale_language,
)
from tests.documents.cases import write_cli_inputs
from tests.language import chinese_sentences, english_sentences

from .test_cli import LINXIA, _write_open_cases, _write_records, help_texts
from .test_cli_jobs import write_job_files

ROOT = Path(__file__).resolve().parent.parent

# -- which language -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "zh"),
        ({"LANG": "C"}, "zh"),
        ({"LANG": "C.UTF-8"}, "zh"),
        ({"LANG": "POSIX"}, "zh"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.Big5"}, "zh"),
        ({"LANG": "zh"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "fr_FR"}, "en"),
        ({"LANG": "de_DE@euro"}, "en"),
        ({"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "C", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LANGUAGE": "en_US:zh_CN", "LC_ALL": "zh_CN.UTF-8"}, "en"),
        ({"LANGUAGE": "zh_CN:en_US", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LANGUAGE": ":en", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LANGUAGE": "", "LANG": "en_US.UTF-8"}, "en"),
    ],
)
def test_the_locale_names_the_language_in_posix_order(
    environ: dict[str, str], expected: str
) -> None:
    assert locale_language(environ) == expected


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["deadline", "2026-09-28"], "zh"),
        (["deadline", "2026-09-28", "--lang", "en"], "en"),
        (["deadline", "2026-09-28", "--lang=en"], "en"),
        (["deadline", "2026-09-28", "--lan", "en"], "en"),
        (["--lang", "en", "deadline", "2026-09-28", "--lang", "zh"], "zh"),
        (["deadline", "2026-09-28", "--lang", "fr"], "zh"),  # refused by argparse, in zh
        (["deadline", "--", "--lang", "en"], "zh"),
    ],
)
def test_lang_overrides_the_locale(argv: list[str], expected: str) -> None:
    assert cli_language(argv, {}) == expected
    other = "en" if expected == "zh" else "zh"
    if "--lang" in argv[:-1] or any(a.startswith("--la") for a in argv):
        return
    assert cli_language(argv, {"LANG": f"{other}_XX.UTF-8"}) == other


# -- the help ---------------------------------------------------------------------------


@pytest.fixture
def chinese_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.setenv("COLUMNS", "80")


@pytest.fixture
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("COLUMNS", "80")


def run(*argv: str) -> tuple[int, str]:
    """Exit code and everything printed, standard output and error together."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        code = main(list(argv), out=out)
    finally:
        sys.stdout, sys.stderr = saved
    return code, out.getvalue() + err.getvalue()


_COMMANDS = sorted(help_texts("zh"))


@pytest.mark.usefixtures("chinese_locale")
@pytest.mark.parametrize("command", _COMMANDS)
def test_every_help_is_chinese_under_a_chinese_locale(command: str) -> None:
    code, text = run(*command.split(), "--help")
    assert code == EXIT_OK
    assert english_sentences(text) == []
    assert text.startswith("用法：disclosure-flow")
    for needle in ("选项：", "-h, --help", "显示本帮助并退出"):
        assert needle in text, needle
    if not command:
        assert "语言：" in text
        assert "显示版本号并退出" in text
    assert "usage:" not in text
    assert "options:" not in text


@pytest.mark.usefixtures("english_locale")
@pytest.mark.parametrize("command", _COMMANDS)
def test_every_help_is_english_under_another_locale(command: str) -> None:
    code, text = run(*command.split(), "--help")
    assert code == EXIT_OK
    assert chinese_sentences(text) == []
    assert text.startswith("usage: disclosure-flow")
    assert "show this help message and exit" in text


def test_the_top_help_says_how_the_language_is_chosen() -> None:
    for lang, needles in (
        ("zh", ("LANGUAGE（其第一项）", "LC_ALL", "LC_MESSAGES", "C、POSIX 时为中文")),
        ("en", ("LANGUAGE (its first entry)", "LC_MESSAGES", "C or POSIX: Chinese")),
    ):
        text = help_texts(lang)[""]
        for needle in needles:
            assert needle in text, needle
    code, text = run("--lang", "en")
    assert code == EXIT_OK
    assert text.startswith("usage:")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_help_lines_fit_the_terminal(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Measured in columns: a Chinese character takes two. Example commands, usage lines
    # and the JSON error shape are written as they must be typed.
    monkeypatch.setenv("COLUMNS", "80")
    for command, text in help_texts(lang).items():
        for line in text.splitlines():
            stripped = line.strip()
            if stripped.startswith(("disclosure-flow ", "[", "{", "--", "-o")):
                continue
            if line.startswith(("用法：", "usage:", " " * 20 + "[")):
                continue
            assert _columns(line) <= 80, f"{command}: {line}"


def test_wrapping_breaks_chinese_between_characters_never_before_a_closing_mark() -> None:
    lines = _wrap("用 --overlay 叠加地方节假日（可重复），按顺序叠加。" * 3, 20)
    assert all(_columns(line) <= 20 for line in lines)
    assert "".join(lines).replace(" ", "") == (
        "用--overlay叠加地方节假日（可重复），按顺序叠加。" * 3
    )
    assert not any(line[0] in "，。）" for line in lines)
    assert not any(line[-1] == "（" for line in lines)
    assert _wrap("two words", 4) == ["two", "words"]


# -- argparse's own words ----------------------------------------------------------------


def _toy(lang: str) -> argparse.ArgumentParser:
    parser = _Parser(prog="toy", lang=lang)
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--n", type=int)
    parser.add_argument("--kind", choices=["a", "b"])
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("go")
    return parser


@pytest.mark.parametrize(
    ("argv", "zh", "en"),
    [
        ([], "缺少必需的参数：FILE", "the following arguments are required: FILE"),
        (
            ["x", "--kind", "c"],
            "参数 --kind：'c' 不是可选的值（可选：",
            "argument --kind: invalid choice: 'c'",
        ),
        (["x", "go", "--bogus"], "无法识别的参数：--bogus", "unrecognized arguments: --bogus"),
        (["x", "--n"], "参数 --n：需要给出一个值", "argument --n: expected one argument"),
        (["x", "--n", "many"], "参数 --n：'many' 不是有效的 int 值", "invalid int value: 'many'"),
    ],
)
def test_argparse_errors_speak_the_language(argv: list[str], zh: str, en: str) -> None:
    from disclosure_flow.cli.options import _UsageError

    for lang, expected in (("zh", zh), ("en", en)):
        with pytest.raises(_UsageError) as info:
            _toy(lang).parse_args(argv)
        assert expected in str(info.value)
        if lang == "zh":
            assert english_sentences(str(info.value)) == []
    usage = _toy("zh").format_usage()
    assert usage.startswith("用法：toy")


def test_nothing_of_argparse_changes_for_the_host() -> None:
    before = vars(argparse).copy()
    assert run("deadline", "2026-09-28")[0] == EXIT_OK
    assert run("deadline")[0] == EXIT_USAGE
    assert vars(argparse) == before
    plain = argparse.ArgumentParser(prog="host")
    assert plain.format_usage().startswith("usage: host")
    assert "show this help message and exit" in plain.format_help()


# -- every command's output ---------------------------------------------------------------


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with what the invocations below read."""
    (tmp_path / "linxia.toml").write_bytes(Path(LINXIA).read_bytes())
    _write_records(tmp_path / "cases.jsonl")
    notices = Path(__file__).parent / "workdays" / "notices"
    (tmp_path / "notice.txt").write_bytes((notices / "2026.txt").read_bytes())
    _write_open_cases(tmp_path / "december.jsonl", tmp_path / "2027.toml")
    write_cli_inputs(tmp_path)
    write_job_files(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


#: A representative invocation of every command: its answer, and a usage error.
INVOCATIONS = [
    ("calendar 2026-10-13", EXIT_OK),
    ("calendar 2026-10-10", EXIT_OK),
    ("calendar 2026/9/28 --add 20", EXIT_OK),
    ("calendar 2026-09-30 2026-10-09 --overlay linxia.toml", EXIT_OK),
    ("calendar 2027-03-01 --estimates allow", EXIT_OK),
    ("calendar 2027-02-10 --estimates allow", EXIT_OK),
    ("calendar 2010-10-01", EXIT_OK),
    ("calendar --coverage --estimates allow", EXIT_OK),
    ("calendar 2026-01-01 2026-01-02 2026-01-03", EXIT_USAGE),
    ("calendar --add 3", EXIT_USAGE),
    (
        "deadline 2026年9月28日 --pause 2026-10-12:2026-10-20:third_party "
        "--extend 10:负责人:2026-10-26 --as-of 2026-11-20",
        EXIT_OK,
    ),
    ("deadline 2026-12-10 --estimates allow --as-of 2027-01-05", EXIT_OK),
    ("deadline 2026-12-10 --channel internet", EXIT_OK),
    ("deadline 2026-02-30", EXIT_USAGE),
    ("deadline 28/09/2026", EXIT_USAGE),
    ("deadline", EXIT_USAGE),
    ("deadline 2026-09-28 --channel carrier", EXIT_USAGE),
    ("deadline 2026-09-28 --as-of", EXIT_USAGE),
    ("deadline 2026-09-28 --due-soon 3", EXIT_USAGE),
    ("deadline 2026-09-28 --extend 10:负责人", EXIT_USAGE),
    ("deadline 2026-09-28 --pause 2026-10-12:2026-10-20:coffee", EXIT_USAGE),
    ("deadline ２０２６-09-28", EXIT_USAGE),
    ("frobnicate", EXIT_USAGE),
    ("report cases.jsonl --year 2025", EXIT_OK),
    ("report cases.jsonl --year 25", EXIT_USAGE),
    ("report cases.jsonl", EXIT_USAGE),
    ("calendar import-notice notice.txt", EXIT_OK),
    ("calendar import-notice notice.txt -o out.toml", EXIT_OK),
    ("calendar import-notice", EXIT_USAGE),
    ("recompute december.jsonl --overlay 2027.toml --all", EXIT_OK),
    ("recompute december.jsonl --keep", EXIT_USAGE),
    ("watchlist open-cases.jsonl --as-of 2026-11-24", EXIT_OK),
    ("watchlist open-cases.jsonl", EXIT_USAGE),
    ("watchlist open-cases.jsonl --as-of 2026-11-24 --stalled-after soon", EXIT_USAGE),
    ("storage create --url sqlite:///cases.db", EXIT_OK),
    ("storage recompute --url sqlite:///cases.db", EXIT_OK),
    ("storage create", EXIT_USAGE),
    ("storage create --url nonsense", EXIT_USAGE),
    ("storage", EXIT_USAGE),
    ("document receipt case.json --agency agency.toml -o receipt.md", EXIT_OK),
    ("document reply case.json --agency agency.toml --format docx", EXIT_USAGE),
    ("document reply case.json", EXIT_USAGE),
    ("document receipt case.json --agency agency.toml --as-of 2026-13-01", EXIT_USAGE),
]


@pytest.mark.usefixtures("chinese_locale", "workdir")
@pytest.mark.parametrize(("command", "exit_code"), INVOCATIONS, ids=[c for c, _ in INVOCATIONS])
def test_every_command_speaks_chinese_under_a_chinese_locale(command: str, exit_code: int) -> None:
    code, text = run(*command.split())
    assert code == exit_code, text
    assert text
    assert english_sentences(text) == []
    if exit_code == EXIT_USAGE:
        assert "错误：" in text
        assert "error:" not in text


@pytest.mark.usefixtures("english_locale", "workdir")
@pytest.mark.parametrize(("command", "exit_code"), INVOCATIONS, ids=[c for c, _ in INVOCATIONS])
def test_every_command_speaks_english_under_another_locale(command: str, exit_code: int) -> None:
    code, text = run(*command.split())
    assert code == exit_code, text
    if command.startswith("report ") and exit_code == EXIT_OK:
        return  # the national form's tables, in Chinese as the State Council prints them
    if command.startswith("document ") and exit_code == EXIT_OK:
        assert text.startswith("wrote receipt.md (receipt, ")
        return
    if exit_code == EXIT_USAGE:
        assert "error:" in text
        assert "错误" not in text
        assert english_sentences(text) or "invalid choice: " in text
    # Chinese names beside the English (国庆节, a notice's title, an overlay's name) are
    # fine; a Chinese sentence (with its punctuation) is not.
    assert [s for s in chinese_sentences(text) if re.search("[，。；：、！？]", s)] == []


def test_calendar_sources_in_each_language(workdir: Path) -> None:
    _, text = run("calendar", "2026-10-13")
    assert "来源：按星期规则（周一至周五工作，周六、周日休息）" in text
    _, text = run("calendar", "2026-10-13", "--lang", "en")
    assert "source: weekday rule (Monday–Friday work, Saturday–Sunday rest)" in text
    _, text = run("calendar", "2026-10-10", "--lang", "en")
    assert "source: the State Council's notice (国务院办公厅关于2026年" in text
    _, text = run("calendar", "2027-02-10", "--estimates", "allow")
    assert "来源：估计（" in text
    assert "disclosure_flow 估计方法第" in text


def test_every_shorter_period_has_a_chinese_name() -> None:
    assert set(_PERIODS_ZH) == {k.value for k in SubDeadlineKind}


def test_a_chinese_locale_in_a_real_process() -> None:
    env = {"LANG": "zh_CN.UTF-8", "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "80"}
    done = subprocess.run(
        [sys.executable, "-m", "disclosure_flow", "calendar", "2026-10-13"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "按星期规则" in done.stdout
    env["LANG"] = "en_US.UTF-8"
    done = subprocess.run(
        [sys.executable, "-m", "disclosure_flow", "deadline", "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert done.stdout.startswith("usage: disclosure-flow deadline")


# -- the checkers can fail --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "来源：weekday rule (Monday–Friday work, Saturday–Sunday rest)",
        "disclosure-flow: error: the following arguments are required: RECEIVED",
        "usage: disclosure-flow deadline [-h]\n\nshow this help message and exit",
        "  --json                print JSON for scripts (errors too)",
        "已写入 reply.docx；not yet answer received",
        "2026-10-01 to 2026-10-07 国庆节 (holiday) not counted",
    ],
)
def test_english_sentences_are_found(text: str) -> None:
    assert english_sentences(text)


@pytest.mark.parametrize(
    "text",
    [
        "用法：disclosure-flow storage create [-h] --url URL [--prefix PREFIX]",
        "  disclosure-flow deadline 2026-09-28 --pause 2026-10-12:2026-10-20:third_party \\\n"
        "      --extend 10:负责人:2026-10-26 --as-of 2026-11-20",
        "  --overlay FILE        TOML 叠加文件（地方节假日、录入的放假通知）",
        "参数 COMMAND：'frobnicate' 不是可选的值（可选：'calendar', 'deadline', 'report'）",
        "需要可选依赖 sql：pip install 'disclosure-flow[sql]'",
        "数据覆盖 2005-01-01 – 2026-12-31；见 Case.to_dict() 与 sqlite:///cases.db",
        "[--estimates {refuse,allow}] [--encoding ENCODING] [--json] DATE N FILE",
    ],
)
def test_what_chinese_text_rightly_holds_in_ascii_is_not_english(text: str) -> None:
    assert english_sentences(text) == []


def test_chinese_sentences_are_found_outside_parentheses() -> None:
    assert chinese_sentences("wrote reply.docx（答复书）; 已写入") == ["已写入"]
    assert chinese_sentences("共 3 件") == ["共", "件"]
    assert chinese_sentences("the reply deadline (答复期限\n，跨行)") == []
    assert chinese_sentences("e.g. 10:负责人:2026-10-26 and 2026年9月28日") == []
