"""Tests for the command line (disclosure_flow.cli)."""

from __future__ import annotations

import argparse
import io
import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_flow.cli import EXIT_IO, EXIT_OK, EXIT_REFUSED, EXIT_USAGE, build_parser, main
from disclosure_flow.cli.notice import _import_notice_parser
from tests.documents.cases import write_cli_inputs
from tests.workdays.test_notices import ITEMS_2027, notice_text

from .test_cli_jobs import write_job_files

ROOT = Path(__file__).resolve().parent.parent
LINXIA = str(ROOT / "examples" / "overlays" / "linxia.toml")


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def run_json(*argv: str) -> dict[str, object]:
    code, text = run(*argv, "--json")
    assert code == EXIT_OK, text
    data = json.loads(text)
    assert isinstance(data, dict)
    return data


def test_deadline_of_the_issue_example() -> None:
    # Hand-checked in tests/test_clock.py: 20 + 6 paused + 10 extended working days.
    code, text = run(
        "deadline",
        "2026-09-28",
        "--pause",
        "2026-10-12:2026-10-20:third_party",
        "--extend",
        "10:负责人:2026-10-26",
    )
    assert code == EXIT_OK
    assert "10-01至10-07 国庆节不计" in text
    assert "答复期限 2026-11-23" in text


def test_deadline_json_with_status() -> None:
    data = run_json("deadline", "2026-09-28", "--as-of", "2026-10-20")
    assert data["due"] == "2026-10-30"
    assert data["provisional"] is False
    status = data["status"]
    assert isinstance(status, dict)
    # 09-29, 09-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12..10-16, 10-19, 10-20
    assert status["used"] == 12
    assert status["left"] == 8


def test_deadline_r2008_is_shorter() -> None:
    r2019 = run_json("deadline", "2026-03-02")
    r2008 = run_json("deadline", "2026-03-02", "--policy", "R2008")
    assert str(r2008["due"]) < str(r2019["due"])


def test_deadline_into_a_year_without_data() -> None:
    code, _ = run("deadline", "2026-12-10")
    assert code == EXIT_REFUSED
    data = run_json("deadline", "2026-12-10", "--estimates", "allow")
    assert data["provisional"] is True
    assert str(data["low"]) <= str(data["due"]) <= str(data["high"])


def test_deadline_awaiting_confirmation_has_no_due_date() -> None:
    data = run_json("deadline", "2026-12-10", "--channel", "internet")
    assert data["due"] is None
    confirmed = run_json("deadline", "2026-11-02", "--channel", "fax", "--confirmed", "2026-11-03")
    assert confirmed["day0"] == "2026-11-03"
    code, _ = run("deadline", "2026-11-02", "--channel", "fax", "--confirmed", "2026-11-01")
    assert code == EXIT_REFUSED


@pytest.mark.parametrize(
    "argv",
    [
        ["deadline", "2026-09-28", "--pause", "2026-10-20:2026-10-12:fee"],
        ["deadline", "2026-09-28", "--channel", "fax", "--confirmed", "2026-09-27"],
    ],
)
def test_refused_input_exits_3(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(*argv)
    assert code == EXIT_REFUSED
    assert "disclosure-flow:" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["deadline", "28/09/2026"],
        ["frobnicate"],
        ["deadline", "2026-09-28", "--pause", "2026-10-12:third_party"],
        ["deadline", "2026-09-28", "--pause", "2026-10-12:2026-10-20:coffee"],
        ["deadline", "2026-09-28", "--extend", "many:负责人:2026-10-26"],
        ["calendar", "2026-01-01", "2026-01-02", "2026-01-03"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(*argv)[0] == EXIT_USAGE
    err = capsys.readouterr().err
    assert "用法：" in err
    assert "错误：" in err
    assert run(*argv, "--lang", "en")[0] == EXIT_USAGE
    err = capsys.readouterr().err
    assert "usage: " in err
    assert "error: " in err


def test_missing_overlay_file_exits_4() -> None:
    assert run("calendar", "2026-01-05", "--overlay", "/nonexistent/overlay.toml")[0] == EXIT_IO


def test_calendar_day_and_its_source() -> None:
    code, text = run("calendar", "2026-10-10")
    assert code == EXIT_OK
    assert "调休上班" in text
    assert "国办发明电〔2025〕7号" in text
    data = run_json("calendar", "2026-10-10")
    day = data["day"]
    assert isinstance(day, dict)
    assert day["is_workday"] is True
    assert day["kind"] == "makeup_workday"


def test_calendar_between_and_add() -> None:
    # 2026-10-01..07 off (National Day), 10-08 and 10-09 worked.
    between = run_json("calendar", "2026-09-30", "2026-10-09")
    assert isinstance(between["workdays_between"], dict)
    assert between["workdays_between"]["value"] == 2
    added = run_json("calendar", "2026-09-28", "--add", "20")
    assert isinstance(added["add"], dict)
    assert added["add"]["value"] == "2026-10-30"


def test_calendar_with_overlay_file() -> None:
    plain = run_json("calendar", "2026-11-18", "2026-11-20")
    local = run_json("calendar", "2026-11-18", "2026-11-20", "--overlay", LINXIA)
    assert isinstance(plain["workdays_between"], dict)
    assert isinstance(local["workdays_between"], dict)
    assert plain["workdays_between"]["value"] == 2
    assert local["workdays_between"]["value"] == 1
    assert plain["calendar"] != local["calendar"]


def test_coverage() -> None:
    strict = run_json("calendar", "--coverage")
    assert isinstance(strict["coverage"], dict)
    # final to 28 December; the last days of 2026 wait for the 2027 notice (YearEnd)
    assert strict["coverage"]["last"] == "2026-12-28"
    assert strict["coverage"]["estimated_until"] == "2026-12-31"
    allow = run_json("calendar", "--coverage", "--estimates", "allow")
    assert isinstance(allow["coverage"], dict)
    assert allow["coverage"]["estimated_until"] is not None


def test_english_output() -> None:
    code, text = run("deadline", "2026-09-28", "--lang", "en")
    assert code == EXIT_OK
    assert "reply due 2026-10-30" in text


def test_help_lists_examples() -> None:
    code, text = run()
    assert code == EXIT_OK
    assert "disclosure-flow deadline" in text


def help_texts(lang: str) -> dict[str, str]:
    """The help of the command line and of every command and subcommand under it, in
    *lang*, by the command's name (``""`` for the command line itself)."""
    texts: dict[str, str] = {}

    def walk(parser: argparse.ArgumentParser, name: str) -> None:
        texts[name] = parser.format_help()
        for action in parser._actions:  # argparse keeps the subcommands' parsers here
            if isinstance(action, argparse._SubParsersAction):
                for command, sub in action.choices.items():
                    walk(sub, f"{name} {command}".strip())

    walk(build_parser(lang=lang), "")
    texts["calendar import-notice"] = _import_notice_parser(lang).format_help()
    return texts


def _help_examples() -> list[list[str]]:
    """Every ``disclosure-flow ...`` line in the help of the command and its subcommands,
    in both languages."""
    found: dict[str, list[str]] = {}
    for lang in ("zh", "en"):
        for text in help_texts(lang).values():
            for line in text.replace("\\\n", " ").splitlines():
                if line.strip().startswith("disclosure-flow "):
                    words = shlex.split(line)
                    found.setdefault(" ".join(words), words)
    return list(found.values())


@pytest.mark.parametrize("argv", _help_examples(), ids=" ".join)
def test_every_help_example_runs(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepare_example_files(tmp_path, argv)
    monkeypatch.chdir(tmp_path)
    assert argv[0] == "disclosure-flow"
    code, text = run(*argv[1:])
    assert code == EXIT_OK, text
    assert text


def prepare_example_files(tmp_path: Path, argv: list[str]) -> None:
    """Write, in *tmp_path*, the files an example command *argv* reads (the examples of
    the help, the README and the docs name the same files)."""
    (tmp_path / "examples" / "overlays").mkdir(parents=True)
    (tmp_path / "examples" / "overlays" / "linxia.toml").write_bytes(Path(LINXIA).read_bytes())
    _write_records(tmp_path / "cases.jsonl")
    # The examples read the next year's notice (not out yet): the made-up one of the
    # notice reader's tests.
    (tmp_path / "notice.txt").write_text(notice_text(*ITEMS_2027), encoding="utf-8")
    if argv[1] == "recompute" or ("2027.toml" in argv[2:] and argv[1] == "deadline"):
        # the import-notice example writes 2027.toml itself
        _write_open_cases(tmp_path / "open-cases.jsonl", tmp_path / "2027.toml")
    write_cli_inputs(tmp_path)  # case.json and agency.toml, for `disclosure-flow document`
    write_job_files(tmp_path)  # what the watchlist's and the storage's examples read
    (tmp_path / "examples" / "agency.toml").write_bytes((tmp_path / "agency.toml").read_bytes())


def test_python_dash_m_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "disclosure_flow", "deadline", "2026-09-28", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["due"] == "2026-10-30"


def _write_open_cases(cases: Path, overlay: Path) -> None:
    """Stored cases received in December 2026, and an example 2027 overlay (the
    statutory days only: test data, not the real notice)."""
    import datetime as dt

    from disclosure_flow import (
        Applicant,
        ApplicantKind,
        Case,
        Channel,
        DeliveryMethod,
        Estimates,
        InformationRequest,
        Overlay,
        OverlayEntry,
        OverlayKind,
        OverlayScope,
        ProvisionForm,
        WorkdayCalendar,
    )
    from disclosure_flow.workdays import overlay_to_toml, statutory_days

    calendar = WorkdayCalendar(estimates=Estimates.ALLOW)
    lines = []
    for n, day in enumerate((dt.date(2026, 12, 7), dt.date(2026, 12, 21))):
        case = Case.open(
            f"2026-{n:03d}",
            applicant=Applicant(ApplicantKind.NATURAL_PERSON, "申请人"),
            request=InformationRequest("某信息", ProvisionForm.PAPER, DeliveryMethod.POST),
            channel=Channel.IN_PERSON,
            received=day,
            calendar=calendar,
        )
        lines.append(json.dumps(case.to_dict(), ensure_ascii=False))
    cases.write_text("\n".join(lines) + "\n", encoding="utf-8")
    example = Overlay(
        "测试：2027年法定节假日（test data）",
        tuple(
            OverlayEntry(day, OverlayKind.DAY_OFF, name, "测试")
            for day, name in statutory_days(2027).items()
        ),
        scope=OverlayScope.NATIONAL,
        covers=(2027,),
    )
    overlay.write_text(overlay_to_toml(example), encoding="utf-8")


def _write_records(path: Path) -> None:
    import datetime as dt

    from disclosure_flow.cases import ApplicantKind, ReportRow
    from disclosure_flow.reports import ReportRecord, write_records

    records = [
        ReportRecord(
            "A-1",
            ApplicantKind.NATURAL_PERSON,
            dt.date(2025, 3, 3),
            concluded=dt.date(2025, 3, 20),
            row=ReportRow.DISCLOSED,
        ),
        ReportRecord(
            "A-2",
            ApplicantKind.COMMERCIAL_ENTERPRISE,
            dt.date(2025, 12, 31),
            concluded=dt.date(2026, 1, 2),
            row=ReportRow.UNABLE_NOT_HELD,
        ),
    ]
    with path.open("w", encoding="utf-8") as out:
        write_records(records, out)


def test_report_markdown_and_csv(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    _write_records(path)
    code, text = run("report", str(path), "--year", "2025")
    assert code == EXIT_OK
    assert "| 一、本年新收政府信息公开申请数量 |  |  | 1 | 1 | 0 | 0 | 0 | 0 | 2 |" in text
    assert "四、结转下年度继续办理" in text
    code, csv_text = run(
        "report", str(path), "--year", "2026", "--format", "csv", "--table", "requests"
    )
    assert code == EXIT_OK
    carried = next(line for line in csv_text.splitlines() if line.startswith("二,"))
    assert carried.split(",")[-1] == "1"  # A-2, received 2025-12-31, concluded 2026-01-02


def test_report_json(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    _write_records(path)
    code, text = run("report", str(path), "--year", "2025", "--format", "json")
    assert code == EXIT_OK
    assert json.loads(text)


def test_report_malformed_line_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"case_id": "X"}\n', encoding="utf-8")
    assert run("report", str(path), "--year", "2025")[0] == EXIT_REFUSED
    assert "第 1 行" in capsys.readouterr().err  # the errors speak Chinese by default


def test_report_xlsx_is_the_report_in_the_national_workbook(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from disclosure_flow.reports import ReportTable, annual_report, read_records

    path = tmp_path / "cases.jsonl"
    _write_records(path)
    out = tmp_path / "2025.xlsx"
    code, text = run(
        "report", str(path), "--year", "2025", "--format", "xlsx", "-o", str(out),
        "--agency", "某某县人民政府",
    )  # fmt: skip
    assert code == EXIT_OK
    assert str(out) in text
    # The file is what the library writes for the same records: the same cells.
    expected = tmp_path / "expected.xlsx"
    annual_report(read_records(path), year=2025).to_xlsx(expected, agency="某某县人民政府")
    got, want = openpyxl.load_workbook(out), openpyxl.load_workbook(expected)
    assert got.sheetnames == want.sheetnames
    assert len(got.sheetnames) == len(ReportTable)
    for name in want.sheetnames:
        assert [[c.value for c in row] for row in got[name].iter_rows()] == [
            [c.value for c in row] for row in want[name].iter_rows()
        ]
        assert sorted(map(str, got[name].merged_cells.ranges)) == sorted(
            map(str, want[name].merged_cells.ranges)
        )
    assert "某某县人民政府" in str(got[got.sheetnames[0]].cell(1, 1).value)


def test_report_csv_with_a_bom_for_excel(tmp_path: Path) -> None:
    from disclosure_flow.reports import ReportTable, annual_report, read_records

    path = tmp_path / "cases.jsonl"
    _write_records(path)
    out = tmp_path / "2025.csv"
    code, _ = run("report", str(path), "--year", "2025", "--format", "csv", "--bom", "-o", str(out))
    assert code == EXIT_OK
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\xef\xbb\xbf") == 1
    report = annual_report(read_records(path), year=2025)
    assert data == report.to_csv_bytes(encoding="utf-8-sig")
    # Without -o the same bytes go to standard output (here a text stream: the same text).
    code, text = run(
        "report", str(path), "--year", "2025", "--format", "csv", "--bom",
        "--table", ReportTable.REQUESTS.name.lower(),
    )  # fmt: skip
    assert code == EXIT_OK
    assert text == report.to_csv_bytes(table=ReportTable.REQUESTS, encoding="utf-8-sig").decode()


def test_report_without_bom_writes_the_file_it_is_given(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    _write_records(path)
    code, shown = run("report", str(path), "--year", "2025", "--format", "json")
    out = tmp_path / "report.json"
    code2, said = run("report", str(path), "--year", "2025", "--format", "json", "-o", str(out))
    assert code == code2 == EXIT_OK
    assert out.read_text(encoding="utf-8") == shown
    assert str(out) in said


@pytest.mark.parametrize(
    "extra",
    [
        ["--format", "xlsx"],  # a workbook needs a file
        ["--format", "markdown", "--bom"],  # the BOM is for CSV
        ["--format", "csv", "--agency", "某县"],  # the agency is for the workbook's title
    ],
    ids=" ".join,
)
def test_report_output_options_that_do_not_go_together(
    extra: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cases.jsonl"
    _write_records(path)
    assert run("report", str(path), "--year", "2025", *extra)[0] == EXIT_USAGE
    assert "错误" in capsys.readouterr().err


def test_deadline_png_is_the_timeline_picture(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    import datetime as dt
    import warnings

    from disclosure_flow import compute_deadline
    from disclosure_flow.clock import CJKFontWarning, save_timeline_png

    out = tmp_path / "timeline.png"
    code, text = run("deadline", "2026-09-28", "--as-of", "2026-10-20", "--png", str(out))
    assert code == EXIT_OK
    assert str(out) in text
    expected = tmp_path / "expected.png"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CJKFontWarning)  # the same labels either way
        save_timeline_png(
            compute_deadline(dt.date(2026, 9, 28)), expected, as_of=dt.date(2026, 10, 20)
        )
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert out.read_bytes() == expected.read_bytes()
    data = run_json("deadline", "2026-09-28", "--png", str(tmp_path / "2.png"))
    assert data["png"] == str(tmp_path / "2.png")
    assert (tmp_path / "2.png").exists()


def test_year_end_days_pending_unless_final_is_asked() -> None:
    from disclosure_flow import WorkdayCalendar, YearEnd

    pending = WorkdayCalendar().pending_days
    assert pending, "the last days of the data's last year wait for the next notice"
    day = pending[-1].isoformat()
    code, text = run("calendar", day)
    assert code == EXIT_OK
    assert "〔估计〕" in text
    assert "年末待定" in text
    code, text = run("calendar", day, "--year-end", "final")
    assert code == EXIT_OK
    assert "〔估计〕" not in text
    final = WorkdayCalendar(year_end=YearEnd.FINAL).day_info(pending[-1])
    assert final.describe_source("zh") in text
    data = run_json("calendar", "--coverage", "--year-end", "final")
    coverage = data["coverage"]
    assert isinstance(coverage, dict)
    assert coverage["last"] == day
