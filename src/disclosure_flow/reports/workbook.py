"""Excel workbooks of the national tables (Excel 工作簿): :class:`~disclosure_flow.reports.
layout.TableGrid` values written as sheets with their merged cells, for
:meth:`AnnualReport.to_xlsx <disclosure_flow.reports.annual.AnnualReport.to_xlsx>`.

Needs openpyxl, the optional extra ``xlsx``, imported on the first workbook written. Each
sheet: the report's title in its first row, the table's heading in the second, then the
table with every cell bordered, headings centred and wrapped, numbers stored as numbers,
and a landscape page, one page wide, with the heading rows repeated on every page.
"""

from __future__ import annotations

import importlib
import io
import os
import unicodedata
from collections.abc import Sequence
from typing import IO, Any, Final, TypeAlias

from disclosure_flow.errors import InvalidValueError, Wording
from disclosure_flow.reports.layout import CellRole, GridCell, TableGrid

__all__ = ["XlsxTarget", "write_workbook"]

#: Where a workbook goes: a path, or a binary file open for writing.
XlsxTarget: TypeAlias = str | os.PathLike[str] | IO[bytes]

_FONT: Final = "宋体"  # the typeface of printed government tables
_TITLE_ROWS: Final = 2
#: Column widths, in Excel's units (about one Latin digit; a Chinese character takes two):
#: at most this wide for one line of a cell; a row heading over several rows
#: (三、本年度办理结果, （三）不予公开) wraps in a narrow column.
_MIN_WIDTH: Final = 6
_MAX_WIDTH: Final = {CellRole.LABEL: 40, CellRole.HEADER: 14, CellRole.NUMBER: 14}
_TALL_LABEL_WIDTH: Final = 10


def _openpyxl() -> Any:
    try:
        return importlib.import_module("openpyxl")
    except ImportError as error:
        raise ModuleNotFoundError(
            "AnnualReport.to_xlsx() needs openpyxl, an optional extra: "
            "pip install 'disclosure-flow[xlsx]'",
            name="openpyxl",
        ) from error


def _check_target(target: object) -> None:
    if isinstance(target, str | os.PathLike):
        return
    if isinstance(target, io.TextIOBase) or not callable(getattr(target, "write", None)):
        raise InvalidValueError(
            "target",
            target,
            Wording(
                "a path or a binary file open for writing (e.g. io.BytesIO)",
                "路径，或以写入方式打开的二进制文件（如 io.BytesIO）",
            ),
        )


def _display_width(text: str) -> int:
    """Excel's width units for *text* on one line: two for a wide (Chinese) character."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _widths(grid: TableGrid) -> list[int]:
    """Each column's width: its widest one-column cell, within bounds; the columns of
    numbers all as wide as the widest of them."""
    widths = [_MIN_WIDTH] * grid.width
    for cell in grid.cells:
        if cell.colspan == 1:
            tall = cell.role is CellRole.LABEL and cell.rowspan > 1
            most = _TALL_LABEL_WIDTH if tall else _MAX_WIDTH[cell.role]
            wanted = min(_display_width(str(cell.value)) + 2, most)
            widths[cell.column] = max(widths[cell.column], wanted)
    numbers = {cell.column for cell in grid.cells if cell.role is CellRole.NUMBER}
    widest = max((widths[c] for c in numbers), default=_MIN_WIDTH)
    return [widest if c in numbers else w for c, w in enumerate(widths)]


def _write_sheet(xl: Any, sheet: Any, title: str, heading: str, grid: TableGrid) -> None:
    styles = xl.styles
    thin = styles.Side(style="thin")
    border = styles.Border(left=thin, right=thin, top=thin, bottom=thin)
    body = styles.Font(name=_FONT, size=10)
    bold = styles.Font(name=_FONT, size=10, bold=True)
    centred = styles.Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = styles.Alignment(horizontal="left", vertical="center", wrap_text=True)

    def text(row: int, value: str, font: Any, alignment: Any) -> None:
        cell = sheet.cell(row=row, column=1, value=value)
        cell.data_type = "s"  # text, even where it starts with "=" (never a formula)
        cell.font, cell.alignment = font, alignment
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=grid.width)

    text(1, title, styles.Font(name=_FONT, size=14, bold=True), centred)
    sheet.row_dimensions[1].height = 28
    text(2, heading, bold, left)
    sheet.row_dimensions[2].height = 20
    for cell in grid.cells:
        font = bold if cell.role is CellRole.HEADER else body
        _write_cell(sheet, cell, border, font, left if cell.role is CellRole.LABEL else centred)
    for i, width in enumerate(_widths(grid), start=1):
        sheet.column_dimensions[xl.utils.get_column_letter(i)].width = width
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.print_title_rows = f"1:{_TITLE_ROWS + grid.header_rows}"


def _write_cell(sheet: Any, cell: GridCell, border: Any, font: Any, alignment: Any) -> None:
    row, column = _TITLE_ROWS + 1 + cell.row, cell.column + 1
    written = sheet.cell(row=row, column=column, value=cell.value)
    if isinstance(cell.value, str):
        written.data_type = "s"
    written.border, written.font, written.alignment = border, font, alignment
    if cell.rowspan > 1 or cell.colspan > 1:
        # merging gives the cells on the edge of the range the first cell's border
        sheet.merge_cells(
            start_row=row,
            start_column=column,
            end_row=row + cell.rowspan - 1,
            end_column=column + cell.colspan - 1,
        )


def write_workbook(
    target: XlsxTarget, *, title: str, sheets: Sequence[tuple[str, TableGrid]]
) -> None:
    """Write one sheet per ``(heading, grid)`` of *sheets* to *target* (a path, or a
    binary file open for writing), each sheet named for its heading and headed by
    *title*.

    Raises:
        ModuleNotFoundError: openpyxl is not installed (``pip install
            'disclosure-flow[xlsx]'``).
        InvalidValueError: *target* is neither a path nor a binary file.
        OSError: the file cannot be written.
    """
    _check_target(target)
    xl = _openpyxl()
    book = xl.Workbook()
    book.remove(book.active)
    book.properties.title = title
    book.properties.creator = "disclosure-flow"
    for heading, grid in sheets:
        _write_sheet(xl, book.create_sheet(title=heading), title, heading, grid)
    book.save(target)
