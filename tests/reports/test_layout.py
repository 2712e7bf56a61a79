"""Tests for disclosure_flow.reports.layout: the national tables' cells and spans, as the
HTML and Markdown exports write them.

The written tables are read back (HTML with :mod:`html.parser`, its rowspan/colspan
expanded into a grid) and compared with the official tables typed in
:mod:`tests.reports.national_format` from the national format's text, for reports of
records drawn by the library's own strategies.
"""

from __future__ import annotations

import html.parser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_flow import strategies as dfs
from disclosure_flow.cases import ApplicantKind
from disclosure_flow.errors import InvalidValueError
from disclosure_flow.reports import AnnualReport, ReportRecord, ReportTable, annual_report
from disclosure_flow.reports.layout import CellRole, GridCell, TableGrid
from tests.reports.national_format import (
    TABLE_3,
    TABLE_4,
    Cell,
    Grid,
    check_table,
    expand,
    expected_numbers,
)

TABLES = {3: ReportTable.REQUESTS, 4: ReportTable.PROCEEDINGS}


class _Tables(html.parser.HTMLParser):
    """Each ``<table>`` as rows of ``(text, rowspan, colspan)``."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[Cell]]] = []
        self._cell: tuple[list[str], int, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            spans = dict(attrs)
            self._cell = ([], int(spans.get("rowspan") or 1), int(spans.get("colspan") or 1))

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell[0].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            parts, rowspan, colspan = self._cell
            self.tables[-1][-1].append(("".join(parts), rowspan, colspan))
            self._cell = None


def html_grids(text: str) -> list[Grid]:
    """Every table of *text* as a grid, counts (cells of digits only) as ints."""
    parser = _Tables()
    parser.feed(text)
    grids = []
    for table in parser.tables:
        grid = expand(table)
        grids.append([[(a, _number(v)) for a, v in row] for row in grid])
    return grids


def _number(value: str | int | None) -> str | int | None:
    return int(value) if isinstance(value, str) and value.isdigit() else value


reports = st.builds(
    annual_report, st.lists(dfs.report_records(), max_size=40), year=st.integers(2019, 2027)
)


@settings(max_examples=60, deadline=None)
@given(reports)
def test_html_is_the_official_table_with_the_reports_numbers(report: AnnualReport) -> None:
    table3, table4 = html_grids(report.to_html())
    check_table(table3, report, 3)
    check_table(table4, report, 4)
    for number, table in TABLES.items():
        (alone,) = html_grids(report.to_html(table=table))
        check_table(alone, report, number)


@settings(max_examples=30, deadline=None)
@given(reports)
def test_markdown_writes_each_official_cell_once_where_it_starts(report: AnnualReport) -> None:
    for number, official in ((3, TABLE_3), (4, TABLE_4)):
        grid = expand(official)
        expected = [
            [
                str(v) if anchor == (r, c) and v is not None else ""
                for c, (anchor, v) in enumerate(row)
            ]
            for r, row in enumerate(grid)
        ]
        lines = report.to_markdown(table=TABLES[number]).splitlines()
        cells = [[c.strip() for c in line.strip("|").split("|")] for line in lines]
        assert cells[1] == ["---"] * len(grid[0])
        written = [cells[0], *cells[2:]]
        for (r, c), n in expected_numbers(report, number).items():
            expected[r][c] = str(n)
        assert written == expected


def test_an_empty_report_is_the_official_table_of_zeros() -> None:
    report = annual_report([], year=2025)
    table3, table4 = html_grids(report.to_html())
    check_table(table3, report, 3)
    check_table(table4, report, 4)
    assert all(v == 0 for _, v in table4[3])


def test_the_grid_of_each_table() -> None:
    report = annual_report([ReportRecord("A", ApplicantKind.NATURAL_PERSON, None)], year=2025)
    requests = report.grid(table=ReportTable.REQUESTS)
    assert (requests.height, requests.width, requests.header_rows) == (28, 10, 3)
    proceedings = report.grid(table=ReportTable.PROCEEDINGS)
    assert (proceedings.height, proceedings.width, proceedings.header_rows) == (4, 15, 3)
    with pytest.raises(InvalidValueError, match="table"):
        report.grid(table="requests")  # type: ignore[arg-type]  # the wrong type on purpose


def test_a_grid_must_cover_its_table_once() -> None:
    a = GridCell(0, 0, "甲", CellRole.HEADER, colspan=2)
    b = GridCell(1, 0, 1, CellRole.NUMBER)
    c = GridCell(1, 1, 2, CellRole.NUMBER)
    assert TableGrid((a, b, c), 1).text() == [["甲", ""], ["1", "2"]]
    with pytest.raises(InvalidValueError, match="no gap"):
        TableGrid((a, b), 1)
    with pytest.raises(InvalidValueError, match="one cell only"):
        TableGrid((a, b, c, GridCell(0, 1, "乙", CellRole.HEADER)), 1)
    with pytest.raises(InvalidValueError, match="rowspan"):
        GridCell(0, 0, "甲", CellRole.HEADER, rowspan=0)
    with pytest.raises(InvalidValueError, match="column"):
        GridCell(0, -1, "甲", CellRole.HEADER)
