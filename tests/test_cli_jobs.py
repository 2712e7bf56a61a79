"""Tests for the cron commands (disclosure_flow.cli.jobs): watchlist, storage."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from disclosure_flow import WorkdayCalendar
from disclosure_flow.cases import Case
from disclosure_flow.cli import EXIT_IO, EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main
from disclosure_flow.cli.jobs import EXIT_ATTENTION
from disclosure_flow.storage import Repository
from disclosure_flow.testing import Scenario

D = dt.date


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def _delivered() -> Case:
    """A reply delivered on 15 June 2026: on 24 November only its window to sue is open."""
    return (
        Scenario(received=D(2026, 6, 1), case_id="2026-050")
        .replied(D(2026, 6, 10))
        .delivered(D(2026, 6, 15))
        .case()
    )


def _office() -> list[Case]:
    stalled = (
        Scenario(received=D(2026, 3, 2), case_id="2026-011")
        .consulted_third_party(D(2026, 3, 4))
        .case()
    )
    overdue = Scenario(received=D(2026, 10, 9), case_id="2026-012").case()
    return [stalled, overdue, _delivered()]


def write_job_files(folder: Path) -> None:
    """What the help's examples of these commands read, in *folder*: ``open-cases.jsonl``
    and a ``cases.db`` with its tables (nothing in either needs action on 2026-11-24)."""
    case = _delivered()
    (folder / "open-cases.jsonl").write_text(
        json.dumps(case.to_dict(), ensure_ascii=False) + "\n", encoding="utf-8"
    )
    repo = Repository(f"sqlite:///{folder / 'cases.db'}", calendar=WorkdayCalendar())
    repo.create_tables()
    repo.add(case)
    repo.engine.dispose()


def _jsonl(path: Path, cases: list[Case], *, encoding: str = "utf-8") -> Path:
    lines = "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n\n" for c in cases)
    path.write_bytes(lines.encode(encoding))
    return path


def test_watchlist_text_and_exit_code(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "cases.jsonl", _office())
    code, text = run("watchlist", str(path), "--as-of", "2026-11-24")
    assert code == EXIT_ATTENTION
    lines = text.splitlines()
    assert lines[0].startswith("2026-011  征求意见逾期未复、长期未办理")
    assert "第三方答复期限 2026-03-25（第三方）已过 " in lines[0]
    assert lines[1].startswith(
        "2026-012  已逾期未答复、长期未办理  答复期限 2026-11-05 逾期 13 个工作日"
    )
    assert lines[2].startswith("2026-050  救济期限未届满")
    assert lines[-1].startswith("截至 2026-11-24：共 3 件，列入督办 3 件，需要办理 2 件")
    code, text = run("watchlist", str(path), "--as-of", "2026-11-24", "--lang", "en")
    assert "answer_overdue, stalled" in text
    assert "third_party_answer 2026-03-25 (第三方) +" in text
    assert text.splitlines()[-1].startswith("as of 2026-11-24: 3 cases, 3 listed, 2 need action")


def test_watchlist_json_lines(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "cases.jsonl", _office())
    code, text = run(
        "watchlist", str(path), "--as-of", "2026-11-24", "--json", "--stalled-after", "off"
    )
    assert code == EXIT_ATTENTION
    rows = [json.loads(line) for line in text.splitlines()]
    assert [r.get("case_id") for r in rows[:-1]] == ["2026-011", "2026-012", "2026-050"]
    assert rows[0]["reasons"] == ["answer_overdue"]
    assert rows[0]["periods"][0]["overdue_by"] == 166
    summary = rows[-1]["summary"]
    assert summary["cases"] == 3
    assert summary["needs_action"] == 2
    assert summary["counts"]["overdue"] == 1
    assert summary["counts"]["stalled"] == 0


def test_nothing_to_do_exits_0(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "cases.jsonl", [_delivered()])
    code, _ = run("watchlist", str(path), "--as-of", "2026-11-24")
    assert code == EXIT_OK


def test_watchlist_streams_and_names_a_bad_line(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "cases.jsonl", _office()[:2])
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"schema": "disclosure_flow.case/2"\n')
    code, text = run("watchlist", str(path), "--as-of", "2026-11-24")
    assert code == EXIT_REFUSED
    # the cases before the bad line were written as they were read
    assert text.splitlines()[0].startswith("2026-011")
    code, text = run("watchlist", str(path), "--as-of", "2026-11-24", "--json")
    error = json.loads(text[text.index('{\n  "error"') :])["error"]
    assert error["message"].startswith("第 5 行：")


def test_watchlist_reads_gbk_and_refuses_a_broken_case(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "gbk.jsonl", _office(), encoding="gbk")
    code, _ = run("watchlist", str(path), "--as-of", "2026-11-24")
    assert code == EXIT_IO  # not UTF-8
    code, _ = run("watchlist", str(path), "--as-of", "2026-11-24", "--encoding", "gbk")
    assert code == EXIT_ATTENTION
    broken = {**_delivered().to_dict(), "version": 99}
    (tmp_path / "broken.jsonl").write_text(json.dumps(broken) + "\n", encoding="utf-8")
    code, text = run("watchlist", str(tmp_path / "broken.jsonl"), "--as-of", "2026-11-24", "--json")
    assert code == EXIT_REFUSED
    assert "第 1 行，case.version" in json.loads(text)["error"]["message"]


def test_storage_create_export_recompute(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'office.db'}"
    code, text = run("storage", "create", "--url", url)
    assert code == EXIT_OK
    assert "disclosure_cases" in text
    repo = Repository(url, calendar=WorkdayCalendar())
    for case in _office():
        repo.add(case)
    code, text = run("storage", "export", "--url", url, "--open")
    assert code == EXIT_OK
    assert [json.loads(line)["id"] for line in text.splitlines()] == ["2026-011", "2026-012"]
    code, text = run("storage", "recompute", "--url", url, "--batch", "2", "--progress", "always")
    assert code == EXIT_OK
    assert "已重新计算 3 件" in text
    bar = capsys.readouterr().err
    assert "重新计算 [" in bar
    assert "3/3 100%" in bar
    data = json.loads(run("storage", "recompute", "--url", url, "--json", "--rows", "stale")[1])
    assert data == {"total": 0, "updated": 0, "skipped": 0, "calendar": data["calendar"]}


def test_storage_errors(tmp_path: Path) -> None:
    code, _ = run("storage", "create", "--url", "nonsense")
    assert code == EXIT_USAGE
    code, text = run("storage", "recompute", "--url", f"sqlite:///{tmp_path}/none/x.db", "--json")
    assert code == EXIT_IO
    assert "数据库 sqlite:///" in json.loads(text)["error"]["message"]
    code, text = run(
        "storage", "recompute", "--url", f"sqlite:///{tmp_path}/none/x.db", "--json", "--lang", "en"
    )
    assert json.loads(text)["error"]["message"].startswith("input/output error: database ")
    code, _ = run("storage", "--url", "sqlite://")
    assert code == EXIT_USAGE
