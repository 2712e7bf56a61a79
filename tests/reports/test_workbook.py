"""Tests for disclosure_flow.reports.workbook: the annual report as an .xlsx workbook.

Each workbook is read back with openpyxl — merged ranges, values, styles — and compared
with the official tables typed in :mod:`tests.reports.national_format` from the national
format's text, for reports of records drawn by the library's own strategies.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_flow import strategies as dfs
from disclosure_flow.errors import InvalidValueError
from disclosure_flow.reports import AnnualReport, annual_report
from tests.reports.national_format import TABLE_3, TABLE_4, Grid, check_table, expand

openpyxl = pytest.importorskip("openpyxl")

TITLE_ROWS = 2  # the report's title, then the table's heading
SHEETS = ["三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"]


def workbook(report: AnnualReport, **options: Any) -> Any:
    buffer = io.BytesIO()
    report.to_xlsx(buffer, **options)
    buffer.seek(0)
    return openpyxl.load_workbook(buffer)


def sheet_grid(sheet: Any) -> Grid:
    """The table below the title rows as a grid: each position holds the top-left
    position of the merged range that covers it (or its own) and that cell's value."""
    anchors: dict[tuple[int, int], tuple[int, int]] = {}
    for merged in sheet.merged_cells.ranges:
        if merged.min_row <= TITLE_ROWS:
            continue
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                anchors[(row, column)] = (merged.min_row, merged.min_col)
    top = TITLE_ROWS + 1
    grid: Grid = []
    for row in range(top, sheet.max_row + 1):
        line = []
        for column in range(1, sheet.max_column + 1):
            r, c = anchors.get((row, column), (row, column))
            line.append(((r - top, c - 1), sheet.cell(row=r, column=c).value))
        grid.append(line)
    return grid


reports = st.builds(
    annual_report, st.lists(dfs.report_records(), max_size=40), year=st.integers(2019, 2027)
)


@settings(max_examples=20, deadline=None)
@given(reports)
def test_each_sheet_is_the_official_table_with_the_reports_numbers(report: AnnualReport) -> None:
    book = workbook(report)
    assert book.sheetnames == SHEETS
    check_table(sheet_grid(book[SHEETS[0]]), report, 3)
    check_table(sheet_grid(book[SHEETS[1]]), report, 4)


def test_the_title_rows_name_the_agency_and_the_year() -> None:
    report = annual_report([], year=2025)
    book = workbook(report, agency="某某县人民政府")
    for name, sheet in zip(SHEETS, book.worksheets, strict=True):
        assert sheet["A1"].value == "某某县人民政府2025年政府信息公开工作年度报告"
        assert sheet["A2"].value == name
        ranges = {str(r) for r in sheet.merged_cells.ranges}
        last = openpyxl.utils.get_column_letter(sheet.max_column)
        assert {f"A1:{last}1", f"A2:{last}2"} <= ranges
        assert sheet["A1"].font.bold
    assert workbook(report).worksheets[0]["A1"].value == "2025年政府信息公开工作年度报告"


def test_text_stays_text_and_numbers_are_numbers() -> None:
    book = workbook(annual_report([], year=2025), agency="=HYPERLINK(1)")
    sheet = book.worksheets[0]
    assert sheet["A1"].data_type == "s"
    assert sheet["A1"].value == "=HYPERLINK(1)2025年政府信息公开工作年度报告"
    assert sheet["D6"].value == 0
    assert sheet["D6"].data_type == "n"


def test_every_cell_is_bordered_wrapped_and_set_for_printing() -> None:
    book = workbook(annual_report([], year=2025))
    for sheet in book.worksheets:
        grid = sheet_grid(sheet)
        height, width = len(grid), len(grid[0])
        for r in range(height):
            for c in range(width):
                anchor = grid[r][c][0]
                cell = sheet.cell(row=TITLE_ROWS + 1 + r, column=c + 1)
                # each side on the edge of its (merged) cell has a line
                sides = {
                    "top": r == 0 or grid[r - 1][c][0] != anchor,
                    "bottom": r == height - 1 or grid[r + 1][c][0] != anchor,
                    "left": c == 0 or grid[r][c - 1][0] != anchor,
                    "right": c == width - 1 or grid[r][c + 1][0] != anchor,
                }
                for side, edge in sides.items():
                    if edge:
                        assert getattr(cell.border, side).style == "thin", (r, c, side)
                if anchor == (r, c):
                    assert cell.alignment.wrap_text
        widths = [
            sheet.column_dimensions[openpyxl.utils.get_column_letter(c + 1)].width
            for c in range(width)
        ]
        assert all(6 <= w <= 40 for w in widths)
        numbers = [w for c, w in enumerate(widths) if isinstance(grid[-1][c][1], int)]
        assert len(set(numbers)) == 1  # the columns of counts are alike
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == f"$1:${TITLE_ROWS + 3}"


def test_a_workbook_written_to_a_path(tmp_path: Path) -> None:
    report = annual_report([], year=2024)
    report.to_xlsx(tmp_path / "年报.xlsx")
    report.to_xlsx(str(tmp_path / "again.xlsx"), agency="某某局")
    assert openpyxl.load_workbook(tmp_path / "年报.xlsx").sheetnames == SHEETS
    assert openpyxl.load_workbook(tmp_path / "again.xlsx")[
        "四、政府信息公开行政复议、行政诉讼情况"
    ]["A1"].value == ("某某局2024年政府信息公开工作年度报告")


@pytest.mark.parametrize("target", [None, 3, io.StringIO()])
def test_a_target_must_be_a_path_or_a_binary_file(target: object) -> None:
    with pytest.raises(InvalidValueError, match="target"):
        annual_report([], year=2025).to_xlsx(target)  # type: ignore[arg-type]  # on purpose


@pytest.mark.parametrize("agency", ["", "  ", 7])
def test_an_agency_is_a_non_empty_text(agency: object) -> None:
    with pytest.raises(InvalidValueError, match="agency"):
        annual_report([], year=2025).to_xlsx(io.BytesIO(), agency=agency)  # type: ignore[arg-type]


def test_without_openpyxl_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ModuleNotFoundError, match=r"disclosure-flow\[xlsx\]"):
        annual_report([], year=2025).to_xlsx(io.BytesIO())


def test_the_official_tables_are_rectangles() -> None:
    assert (len(expand(TABLE_3)), len(expand(TABLE_3)[0])) == (28, 10)
    assert (len(expand(TABLE_4)), len(expand(TABLE_4)[0])) == (4, 15)
