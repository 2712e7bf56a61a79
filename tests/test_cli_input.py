"""The command line on bad input (disclosure_flow.cli): no traceback, no silent guess.

Files in other encodings, usage errors and their exit codes, errors as JSON, provisional
answers marked as such, streaming reports, and unexpected errors.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_flow import cli
from disclosure_flow.cases import ApplicantKind, ReportRow
from disclosure_flow.cli import EXIT_IO, EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main
from disclosure_flow.cli import app as cli_app
from disclosure_flow.reports import ReportRecord, write_records

ROOT = Path(__file__).resolve().parent.parent
LINXIA = ROOT / "examples" / "overlays" / "linxia.toml"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def records_file(path: Path, n: int = 2, *, encoding: str = "utf-8") -> Path:
    import datetime as dt

    text = io.StringIO()
    write_records(
        (
            ReportRecord(
                f"甲-{i}",
                ApplicantKind.NATURAL_PERSON,
                dt.date(2025, 3, 3),
                concluded=dt.date(2025, 3, 20),
                row=ReportRow.DISCLOSED,
            )
            for i in range(n)
        ),
        text,
    )
    path.write_bytes(text.getvalue().encode(encoding))
    return path


# -- encodings -------------------------------------------------------------------


@pytest.fixture
def gbk_overlay(tmp_path: Path) -> Path:
    path = tmp_path / "临夏.toml"
    path.write_bytes(LINXIA.read_text(encoding="utf-8").encode("gbk"))
    return path


def test_gbk_overlay_is_named_and_exits_4(
    gbk_overlay: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run("calendar", "2026-11-19", "--overlay", str(gbk_overlay))
    err = capsys.readouterr().err
    assert code == EXIT_IO
    assert str(gbk_overlay) in err
    assert "不是 UTF-8 文本" in err  # the errors speak Chinese by default (--lang zh)
    assert "--encoding" in err
    assert "Traceback" not in err
    run("calendar", "2026-11-19", "--overlay", str(gbk_overlay), "--lang", "en")
    assert "not UTF-8" in capsys.readouterr().err


def test_gbk_overlay_reads_with_encoding(gbk_overlay: Path) -> None:
    for command in (["calendar", "2026-11-18", "2026-11-20"], ["deadline", "2026-11-02"]):
        code, text = run(*command, "--overlay", str(gbk_overlay), "--encoding", "gbk")
        assert code == EXIT_OK, text
        assert "建州纪念日" in text


def test_overlay_with_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + LINXIA.read_bytes())
    code, text = run("calendar", "2026-11-19", "--overlay", str(path))
    assert code == EXIT_OK
    assert "建州纪念日" in text


def test_gbk_records_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = records_file(tmp_path / "cases.jsonl", encoding="gbk")
    code, _ = run("report", str(path), "--year", "2025")
    err = capsys.readouterr().err
    assert code == EXIT_IO
    assert str(path) in err
    assert "第 1 行" in err
    code, text = run("report", str(path), "--year", "2025", "--encoding", "gbk")
    assert code == EXIT_OK
    assert "| 一、本年新收政府信息公开申请数量 |  |  | 2 |" in text


def test_records_from_stdin_are_decoded_with_the_encoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = records_file(tmp_path / "cases.jsonl", encoding="gbk").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert run("report", "-", "--year", "2025")[0] == EXIT_IO
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert run("report", "-", "--year", "2025", "--encoding", "gbk")[0] == EXIT_OK


def test_unknown_encoding_is_a_usage_error() -> None:
    assert run("calendar", "2026-11-19", "--encoding", "klingon")[0] == EXIT_USAGE
    assert run("calendar", "2026-11-19", "--encoding", "base64")[0] == EXIT_USAGE


@pytest.mark.parametrize(
    "env",
    [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}],
    ids=["ascii", "C-locale"],
)
def test_output_under_a_non_utf8_locale(env: dict[str, str], gbk_overlay: Path) -> None:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHON"))}
    environ.update(env, PYTHONCOERCECLOCALE="0", LANG="C")
    command = [sys.executable, "-m", "disclosure_flow"]
    done = subprocess.run(
        [*command, "calendar", "2026-10-10"],
        capture_output=True,
        env=environ,
        check=False,
    )
    assert done.returncode == EXIT_OK, done.stderr
    assert b"\\u8c03" in done.stdout or "调".encode() in done.stdout  # 调休上班, escaped
    failed = subprocess.run(
        [*command, "calendar", "2026-11-19", "--overlay", str(gbk_overlay)],
        capture_output=True,
        env=environ,
        check=False,
    )
    assert failed.returncode == EXIT_IO
    assert b"Traceback" not in failed.stderr
    assert b"UTF-8" in failed.stderr
    assert b"\\u4e0d\\u662f" in failed.stderr or "不是".encode() in failed.stderr  # 不是, escaped


# -- provisional answers say so --------------------------------------------------


def test_a_provisional_count_says_so() -> None:
    code, text = run("calendar", "2027-03-01", "2027-03-31", "--estimates", "allow")
    assert code == EXIT_OK
    assert "工作日 22 个（估计，待确认）" in text
    code, text = run("calendar", "2027-03-01", "2027-03-31", "--estimates", "allow", "--lang", "en")
    assert "2027-03-31: 22 (provisional, to be confirmed)" in text


def test_a_final_count_is_not_marked() -> None:
    code, text = run("calendar", "2026-03-01", "2026-03-31", "--estimates", "allow")
    assert code == EXIT_OK
    assert "估计" not in text


_ANSWERS = {
    "zh": re.compile(r"^(\d{4}-\d{2}-\d{2} |结果 |答复期限 |截至 )|（不含首日）工作日"),
    "en": re.compile(r"^(\d{4}-\d{2}-\d{2} |result |reply due |as of |working days d with )"),
}
_MARKS = {"zh": ("估计",), "en": ("provisional", "estimated")}


@pytest.mark.parametrize(
    "argv",
    [
        ["calendar", "2027-03-01", "2027-03-31"],
        ["calendar", "2027-01-29", "2027-02-20"],
        ["calendar", "2027-03-01"],
        ["calendar", "2027-03-01", "--add", "5"],
        ["deadline", "2026-12-10"],
        ["deadline", "2027-03-01", "--as-of", "2027-03-10"],
    ],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_answer_that_touched_an_estimate_says_so(argv: list[str], lang: str) -> None:
    code, text = run(*argv, "--estimates", "allow", "--lang", lang)
    assert code == EXIT_OK
    answers = [line for line in text.splitlines() if _ANSWERS[lang].search(line)]
    assert answers
    for line in answers:
        assert any(mark in line for mark in _MARKS[lang]), line


def test_deadline_status_is_marked_provisional() -> None:
    _, text = run("deadline", "2027-03-01", "--as-of", "2027-03-10", "--estimates", "allow")
    status = next(line for line in text.splitlines() if line.startswith("截至"))
    assert "估计" in status
    _, text = run(
        "deadline", "2027-03-01", "--as-of", "2027-03-10", "--estimates", "allow", "--json"
    )
    assert json.loads(text)["status"]["provisional"] is True


# -- usage errors exit 2 ---------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["calendar", "2026-01-01", "2026-01-02", "2026-01-03"],
        ["calendar", "2026-01-01", "2026-01-09", "--add", "5"],
        ["calendar", "--add", "5"],
        ["deadline", "2026-09-28", "--pause", "2026-10-12:third_party"],
        ["deadline", "2026-09-28", "--pause", "2026-10-12:2026-10-20:coffee"],
        ["deadline", "2026-09-28", "--pause", "2026-10-32:2026-10-20:fee"],
        ["deadline", "2026-09-28", "--pause", "2026-10-12:20261020x:fee"],
        ["deadline", "2026-09-28", "--extend", "many:负责人:2026-10-26"],
        ["deadline", "2026-09-28", "--extend", "10:负责人"],
        ["deadline", "2026-09-28", "--extend", "10: :2026-10-26"],
        ["deadline", "2026-09-28", "--extend", "10:负责人:26/10/2026"],
        ["deadline", "2026-09-28", "--due-soon", "3"],
        ["report", "cases.jsonl", "--year", "二〇二五"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(*argv)
    err = capsys.readouterr().err
    assert code == EXIT_USAGE, err
    assert "用法：" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["deadline", "2026-09-28", "--extend", "²:负责人:2026-10-26"],
        ["deadline", "2026-09-28", "--extend", "٣:负责人:2026-10-26"],
        ["deadline", "2026-09-28", "--extend", "１０:负责人:2026-10-26"],
        ["deadline", "2026-09-28", "--extend", "+5:负责人:2026-10-26"],
        ["deadline", "2026-09-28", "--extend", "1_0:负责人:2026-10-26"],
        ["deadline", "2026-09-28", "--extend", "10:负责人:２０２６-10-26"],
        ["deadline", "2026-09-28", "--as-of", "2026-10-20", "--due-soon", "٣"],
        ["deadline", "2026年٩月28日"],
        ["deadline", "2026-09-28", "--pause", "2026-10-12:٢٠٢٦-10-20:fee"],
        ["calendar", "2026-09-28", "--add", "٣"],
        ["calendar", "2026-09-28", "--add", " 3"],
        ["report", "cases.jsonl", "--year", "٢٠٢٥"],
    ],
)
def test_only_ascii_digits_are_numbers(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(*argv)
    err = capsys.readouterr().err
    assert code == EXIT_USAGE, err
    assert "Traceback" not in err
    assert "0-9" in err


def test_negative_add_still_counts_backwards() -> None:
    code, text = run("calendar", "2026-10-09", "--add", "-2", "--json")
    assert code == EXIT_OK
    assert json.loads(text)["add"]["value"] == "2026-09-30"


@pytest.mark.parametrize(
    "argv",
    [
        ["deadline", "2026-09-28", "--pause", "2026-10-20:2026-10-12:fee"],
        ["deadline", "2026-09-28", "--restart", "2026-09-01"],
        ["deadline", "2026-09-28", "--extend", "30:负责人:2026-10-26"],
        ["deadline", "2026-12-10"],
    ],
)
def test_refused_input_exits_3_with_iso_dates(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run(*argv)
    err = capsys.readouterr().err
    assert code == EXIT_REFUSED
    assert err.startswith("disclosure-flow: ")
    assert "datetime.date(" not in err
    assert "Traceback" not in err


def test_a_refused_pause_shows_its_dates_as_iso(capsys: pytest.CaptureFixture[str]) -> None:
    run("deadline", "2026-09-28", "--pause", "2026-10-20:2026-10-12:fee")
    err = capsys.readouterr().err
    assert "2026-10-12" in err
    assert "2026-10-20" in err


# -- errors as JSON --------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "kind", "exit_code"),
    [
        (["calendar", "2026-01-01", "2026-01-02", "2026-01-03", "--json"], "usage", EXIT_USAGE),
        (["deadline", "28/09/2026", "--json"], "usage", EXIT_USAGE),
        (["deadline", "2026-09-28", "--json", "--extend", "٣:x:2026-10-26"], "usage", EXIT_USAGE),
        (["calendar", "--json", "--frobnicate"], "usage", EXIT_USAGE),
        (["deadline", "2026-12-10", "--json"], "refused", EXIT_REFUSED),
        (["calendar", "2026-01-05", "--json", "--overlay", "/nonexistent.toml"], "unreadable", 4),
        (["report", "/nonexistent.jsonl", "--year", "2025", "--format", "json"], "unreadable", 4),
        (["report", "-", "--year", "2025", "--format=json", "--table", "x"], "usage", EXIT_USAGE),
    ],
)
def test_errors_are_json_with_json_output(
    argv: list[str], kind: str, exit_code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = run(*argv)
    assert code == exit_code
    error = json.loads(text)["error"]
    assert error["kind"] == kind
    assert error["exit"] == exit_code
    assert isinstance(error["message"], str)
    assert error["message"]
    assert "datetime.date(" not in error["message"]
    assert capsys.readouterr().err == ""


def test_refused_json_error_names_its_type() -> None:
    _, text = run("deadline", "2026-09-28", "--pause", "2026-10-20:2026-10-12:fee", "--json")
    error = json.loads(text)["error"]
    assert error["type"] == "ClockError"
    assert "2026-10-12" in error["message"]


# -- unexpected errors -----------------------------------------------------------


def test_an_internal_error_is_one_line_and_exits_70(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(args: object) -> object:
        raise ZeroDivisionError("110101199003077777 13812345678")  # the input, quoted

    monkeypatch.setattr(cli_app, "make_calendar", broken)
    for lang, said, ask in (("zh", "内部错误", "报告"), ("en", "internal error", "report")):
        code, _ = run("calendar", "2026-10-10", "--lang", lang)
        err = capsys.readouterr().err
        assert code == getattr(cli, "EXIT_INTERNAL", None) == 70
        assert "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
        assert said in err
        assert "ZeroDivisionError" in err
        assert "test_cli_input.py:" in err  # where it happened, for the bug report
        assert ask in err
        assert "110101" not in err
    code, text = run("calendar", "2026-10-10", "--json")
    assert code == 70
    assert json.loads(text)["error"]["kind"] == "internal"


@pytest.mark.parametrize(("lang", "said"), [("zh", "文件或目录不存在"), ("en", "cannot read")])
def test_a_missing_file_is_said_in_the_language(
    lang: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.language import english_sentences

    missing = tmp_path / "missing.toml"
    code, _ = run("calendar", "2026-10-10", "--overlay", str(missing), "--lang", lang)
    err = capsys.readouterr().err
    assert code == EXIT_IO
    assert said in err
    assert str(missing) in err
    if lang == "zh":
        assert english_sentences(err) == []


def test_help_documents_the_exit_codes_and_json_errors() -> None:
    text = cli.build_parser(lang="en").format_help()
    for needle in ("exit codes", "0 ", "2 ", "3 ", "4 ", "70 ", '{"error"'):
        assert needle in text, needle
    text = cli.build_parser(lang="zh").format_help()
    for needle in ("退出码", "0 成功", "2 用法错误", "70 内部错误", '{"error"'):
        assert needle in text, needle
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "70 an internal error" in readme


# -- the report streams and counts each case once --------------------------------


def test_a_duplicate_case_id_names_both_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = records_file(tmp_path / "cases.jsonl", 3)
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    code, _ = run("report", str(path), "--year", "2025")
    err = capsys.readouterr().err
    assert code == EXIT_REFUSED
    assert "第 2 行" in err
    assert "第 4 行" in err
    assert "甲-1" in err


def _peak_bytes(path: Path) -> int:
    tracemalloc.start()
    try:
        assert run("report", str(path), "--year", "2025", "--format", "json")[0] == EXIT_OK
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_report_streams_its_records(tmp_path: Path) -> None:
    small = _peak_bytes(records_file(tmp_path / "small.jsonl", 500))
    large = _peak_bytes(records_file(tmp_path / "large.jsonl", 4500))
    # Only the case ids stay (to refuse a duplicate): well under the records themselves.
    assert (large - small) / 4000 < 200  # bytes per record: ~115 streamed, ~320 in a list


# -- whatever the arguments, a documented exit code ------------------------------

_WORDS = st.sampled_from(
    [
        "calendar",
        "deadline",
        "report",
        "--add",
        "--pause",
        "--extend",
        "--as-of",
        "--due-soon",
        "--restart",
        "--confirmed",
        "--channel",
        "fax",
        "--estimates",
        "allow",
        "--json",
        "--lang",
        "en",
        "--year",
        "--format",
        "json",
        "--encoding",
        "gbk",
        "2026-09-28",
        "2026-12-10",
        "2027-03-01",
        "2026-10-12:2026-10-20:fee",
        "2026-10-12::third_party",
        "10:负责人:2026-10-26",
        "20",
        "-3",
        "-",
    ]
)


@given(st.lists(_WORDS | st.text(max_size=12), max_size=8))
@settings(max_examples=150, deadline=None)
def test_any_arguments_give_a_documented_exit_code(argv: list[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")
    old, sys.stdin = sys.stdin, stdin
    try:
        code, _ = run(*argv)
    finally:
        sys.stdin = old
    assert code in (EXIT_OK, EXIT_USAGE, EXIT_REFUSED, EXIT_IO), argv
