"""The layout of the national tables (国家格式表格版式): every cell of tables 三 and 四 with
its span, as the national format (国办公开办函〔2021〕30号) draws them.

One definition for every writer of the tables: the HTML table and the Markdown table of
:class:`~disclosure_flow.reports.annual.AnnualReport`, and its ``.xlsx`` workbook. The
headings are header trees: a heading over several columns (申请人情况 over 自然人,
法人或其他组织 and 总计; 法人或其他组织 over its five kinds) spans them, and a heading
with nothing below it (自然人, 总计) spans down to the numbers. The row headings of
table 三 are the same tree on its side (三、本年度办理结果 over its 22 rows, （三）不予公开
over its 8; 一、本年新收… across the three heading columns).

>>> from disclosure_flow.reports.layout import proceedings_grid
>>> grid = proceedings_grid(range(15))
>>> grid.height, grid.width
(4, 15)
>>> [(c.value, c.rowspan, c.colspan) for c in grid.rows()[1]][:2]
[('结果维持', 2, 1), ('结果纠正', 2, 1)]
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from typing import Final

import attrs

from disclosure_flow.cases import ApplicantKind, ReportRow
from disclosure_flow.errors import InvalidValueError, Wording
from disclosure_flow.reports.records import ProceedingKind, ProceedingResult

__all__ = [
    "BALANCE_NOTE",
    "ROW_LAYOUT",
    "TOTAL_ZH",
    "CellRole",
    "GridCell",
    "TableGrid",
    "proceedings_grid",
    "requests_grid",
]

#: 总计, the last column of both tables.
TOTAL_ZH: Final = "总计"
#: The corner cell of table 三, over its row headings.
BALANCE_NOTE: Final = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
_APPLICANTS: Final = "申请人情况"
_RESULTS_TITLE: Final = "三、本年度办理结果"
_PARTIAL_LABEL: Final = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"


def _levels(row: ReportRow) -> tuple[str, ...]:
    if row is ReportRow.PARTIALLY_DISCLOSED:
        return (_RESULTS_TITLE, _PARTIAL_LABEL)
    group = f"{row.kind.ordinal_zh}{row.kind.label_zh}"
    if row.number is None:
        return (_RESULTS_TITLE, group)
    return (_RESULTS_TITLE, group, f"{row.number}.{row.label_zh}")


#: (key, label cells) of the 25 rows of table 三, in the national order.
ROW_LAYOUT: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("一", ("一、本年新收政府信息公开申请数量",)),
    ("二", ("二、上年结转政府信息公开申请数量",)),
    *((row.key, _levels(row)) for row in ReportRow),
    ("三.7", (_RESULTS_TITLE, "（七）总计")),
    ("四", ("四、结转下年度继续办理",)),
)

#: The column headings of table 三 as paths from the top: 申请人情况, then 自然人, or
#: 法人或其他组织 and its kind, then 总计.
_REQUESTS_COLUMNS: Final[tuple[tuple[str, ...], ...]] = (
    *(
        (_APPLICANTS, kind.group_label_zh, kind.label_zh)
        if kind.is_organization
        else (_APPLICANTS, kind.label_zh)
        for kind in ApplicantKind
    ),
    (_APPLICANTS, TOTAL_ZH),
)

#: The column headings of table 四: each group (行政复议; 行政诉讼 未经复议直接起诉, 复议后起诉)
#: over its four results and 总计.
_PROCEEDINGS_COLUMNS: Final[tuple[tuple[str, ...], ...]] = tuple(
    (*kind.labels_zh, result)
    for kind in ProceedingKind
    for result in (*(r.label_zh for r in ProceedingResult), TOTAL_ZH)
)


class CellRole(enum.Enum):
    """What a cell of a national table holds (单元格类别).

    Members:
        HEADER: a column heading (表头), or the corner cell of table 三.
        LABEL: a row heading of table 三 (项目).
        NUMBER: a count (数字).
    """

    HEADER = "header"
    LABEL = "label"
    NUMBER = "number"


def _span(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if type(value) is not int or value < 1:
        raise InvalidValueError(attribute.name, value, Wording("an int >= 1", "不小于 1 的整数"))


def _position(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if type(value) is not int or value < 0:
        raise InvalidValueError(attribute.name, value, Wording("an int >= 0", "不小于 0 的整数"))


@attrs.frozen
class GridCell:
    """One cell of a national table (表格单元格), at its top-left position.

    Attributes:
        row: the row, from 0 (the first heading row).
        column: the column, from 0.
        value: the text of a heading, or a count.
        role: heading, row heading or count.
        rowspan: the rows it covers (合并行数), from 1.
        colspan: the columns it covers (合并列数), from 1.
    """

    row: int = attrs.field(validator=_position)
    column: int = attrs.field(validator=_position)
    value: str | int
    role: CellRole
    rowspan: int = attrs.field(default=1, validator=_span)
    colspan: int = attrs.field(default=1, validator=_span)


@attrs.frozen
class TableGrid:
    """A national table as cells with their spans (合并单元格的表格).

    Checked when built: the cells cover the rectangle ``height`` × ``width`` exactly
    once, none overlapping another.

    Attributes:
        cells: the cells, by row and then column.
        header_rows: how many rows the column headings take (repeated on each printed page).
    """

    cells: tuple[GridCell, ...]
    header_rows: int

    def __attrs_post_init__(self) -> None:
        covered: set[tuple[int, int]] = set()
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.column, cell.column + cell.colspan):
                    if (r, c) in covered:
                        raise InvalidValueError(
                            "cells",
                            (r, c),
                            Wording("each position in one cell only", "每个位置只在一个单元格中"),
                        )
                    covered.add((r, c))
        full = {(r, c) for r in range(self.height) for c in range(self.width)}
        if covered != full:
            raise InvalidValueError(
                "cells", sorted(full - covered)[:3], Wording("no gap in the table", "表中不留空位")
            )

    @property
    def height(self) -> int:
        """The number of rows."""
        return max((c.row + c.rowspan for c in self.cells), default=0)

    @property
    def width(self) -> int:
        """The number of columns."""
        return max((c.column + c.colspan for c in self.cells), default=0)

    def rows(self) -> list[list[GridCell]]:
        """The cells that start in each row, left to right (an HTML table's ``<tr>``)."""
        rows: list[list[GridCell]] = [[] for _ in range(self.height)]
        for cell in self.cells:
            rows[cell.row].append(cell)
        return rows

    def text(self) -> list[list[str]]:
        """Every position as text: a cell's value where it starts, blank where it spans
        (for formats that cannot merge cells, such as Markdown)."""
        grid = [[""] * self.width for _ in range(self.height)]
        for cell in self.cells:
            grid[cell.row][cell.column] = str(cell.value)
        return grid


def _tree(paths: Sequence[tuple[str, ...]], depth: int) -> Iterator[tuple[int, int, int, int, str]]:
    """The cells of a heading tree laid along one side of a table.

    Each path lists one leaf's headings from the outside in. Yields ``(position, level,
    span along, span across levels, text)``: a heading shared by consecutive paths
    spans them; a leaf spans the levels left below it, up to *depth*.
    """
    for i, path in enumerate(paths):
        for level, text in enumerate(path):
            if level == len(path) - 1:
                yield i, level, 1, depth - level, text
                continue
            prefix = path[: level + 1]
            if i > 0 and paths[i - 1][: level + 1] == prefix:
                continue
            along = 1
            while i + along < len(paths) and paths[i + along][: level + 1] == prefix:
                along += 1
            yield i, level, along, 1, text


def _grid(
    columns: Sequence[tuple[str, ...]],
    rows: Sequence[tuple[str, ...]],
    numbers: Iterable[Iterable[int]],
    corner: str | None,
) -> TableGrid:
    heads = max(len(p) for p in columns)
    sides = max((len(p) for p in rows), default=0)
    cells = []
    if corner is not None:
        cells.append(GridCell(0, 0, corner, CellRole.HEADER, rowspan=heads, colspan=sides))
    for pos, level, along, across, text in _tree(columns, heads):
        cells.append(
            GridCell(level, sides + pos, text, CellRole.HEADER, rowspan=across, colspan=along)
        )
    for pos, level, along, across, text in _tree(rows, sides):
        cells.append(
            GridCell(heads + pos, level, text, CellRole.LABEL, rowspan=along, colspan=across)
        )
    for r, line in enumerate(numbers):
        cells.extend(GridCell(heads + r, sides + c, n, CellRole.NUMBER) for c, n in enumerate(line))
    cells.sort(key=lambda cell: (cell.row, cell.column))
    return TableGrid(tuple(cells), heads)


def requests_grid(numbers: Iterable[Iterable[int]]) -> TableGrid:
    """Table 三 (收到和处理政府信息公开申请情况) with *numbers*: one line per row of
    :data:`ROW_LAYOUT`, each the six applicant columns and 总计."""
    return _grid(_REQUESTS_COLUMNS, [labels for _, labels in ROW_LAYOUT], numbers, BALANCE_NOTE)


def proceedings_grid(numbers: Iterable[int]) -> TableGrid:
    """Table 四 (政府信息公开行政复议、行政诉讼情况) with its one line of *numbers*: for
    行政复议, 行政诉讼 未经复议直接起诉 and 复议后起诉 in turn, 结果维持, 结果纠正, 其他结果,
    尚未审结 and 总计."""
    return _grid(_PROCEEDINGS_COLUMNS, [], [numbers], None)
