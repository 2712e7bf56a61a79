"""The command line starts quickly: ``deadline`` and ``calendar`` do not load the case
layer or the reports (``bench/bench_cli.py`` times it; nothing here is timed)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from disclosure_flow.cli import app
from disclosure_flow.reports import ReportTable

_LOADED = (
    "import json, sys; from disclosure_flow.cli import main; main(sys.argv[1:]); "
    "print(json.dumps(sorted(sys.modules)), file=sys.stderr)"
)


def _modules_after(*argv: str) -> set[str]:
    run = subprocess.run(
        [sys.executable, "-c", _LOADED, *argv], check=True, capture_output=True, text=True
    )
    loaded: list[str] = json.loads(run.stderr.strip().splitlines()[-1])
    return set(loaded)


@pytest.mark.parametrize(
    "argv",
    [
        (
            "deadline",
            "2026-09-28",
            "--pause",
            "2026-10-12:2026-10-20:third_party",
            "--extend",
            "10:负责人:2026-10-26",
            "--as-of",
            "2026-11-20",
        ),
        ("calendar", "2026-09-28", "--add", "20"),
    ],
    ids=["deadline", "calendar"],
)
def test_deadline_and_calendar_leave_the_cases_and_reports_unloaded(argv: tuple[str, ...]) -> None:
    loaded = _modules_after(*argv)
    assert "disclosure_flow.clock.compute" in loaded
    for layer in (
        "disclosure_flow.cases.case",
        "disclosure_flow.cases.machine",
        "disclosure_flow.reports",
    ):
        assert layer not in loaded


def test_report_tables_are_the_enum_s() -> None:
    assert list(app._REPORT_TABLES) == [t.name.lower() for t in ReportTable]
