"""The annual report (政府信息公开工作年度报告): tables 三 and 四 of the national format.

The national format (国办公开办函〔2021〕30号) asks every agency for two tables about
requests (Art. 49–50 of the regulation):

- table 三 收到和处理政府信息公开申请情况: requests received and handled, by
  applicant (自然人; 法人或其他组织 — 商业企业, 科研机构, 社会公益组织, 法律服务机构,
  其他; 总计), with the balance 一 + 二 = 三(七) + 四 in every column;
- table 四 政府信息公开行政复议、行政诉讼情况: reconsiderations and lawsuits by result.

The report reads flat :class:`ReportRecord` values, one per case, not cases: it needs
no case internals and no calendar (:func:`record_from_case` adapts a
:class:`~disclosure_flow.cases.case.Case`). A record's ``to_dict`` form, one JSON object per
line, is the JSON Lines input of the command line (:func:`read_records`).

**When a case counts** (definitions used by :func:`annual_report`):

- *day 0* is the receipt date (收到申请之日, Art. 31). A record without a day 0 (never
  confirmed) counts nowhere in table 三.
- *concluded* (办结) is the date of the concluding event: the reply (答复) with any
  outcome of （一）–（五） (or a host's （六）3 其他 reply); the application deemed
  abandoned after no correction (（六）1, Art. 30); no further processing after the
  fee was not paid (（六）2); the application withdrawn (（六）3). Delivery (送达),
  archiving (归档) and later proceedings do not move it.
- 一 本年新收: day 0 in the year. 二 上年结转: day 0 before 1 January and not
  concluded before 1 January. 三 本年度办理结果: concluded in the year, in the row of
  its conclusion. 四 结转下年度继续办理: day 0 on or before 31 December and not
  concluded by 31 December. Each row is computed from its own definition, so the
  balance 一 + 二 = 三(七) + 四 is a real check: a record concluded before its day 0
  breaks it (bad data) and raises :class:`~disclosure_flow.errors.ReportInvariantError`
  naming the column and the cases.
- **[convention]** (SPEC §6) a proceeding (行政复议, 行政诉讼) counts in table 四 of the
  year it was filed, with its result as known at the end of that year (尚未审结 if
  decided later). It counts whatever the case's day 0, since a suit may concern a
  request that was never handled.

>>> import datetime as dt
>>> from disclosure_flow.cases.applicants import ApplicantKind
>>> from disclosure_flow.cases.outcomes import ReportRow
>>> from disclosure_flow.reports.annual import ReportRecord, ReportTable, annual_report
>>> records = [
...     ReportRecord("A-1", ApplicantKind.NATURAL_PERSON, dt.date(2025, 3, 3),
...                  concluded=dt.date(2025, 3, 20), row=ReportRow.DISCLOSED),
...     ReportRecord("A-2", ApplicantKind.COMMERCIAL_ENTERPRISE, dt.date(2025, 12, 31),
...                  concluded=dt.date(2026, 1, 2), row=ReportRow.UNABLE_NOT_HELD),
... ]
>>> report = annual_report(records, year=2025)
>>> report.count("一"), report.count(ReportRow.DISCLOSED), report.count("四")
(2, 1, 1)
>>> report.count("四", ApplicantKind.COMMERCIAL_ENTERPRISE)
1
>>> annual_report(records, year=2026).count("二")
1
>>> print(report.to_csv(table=ReportTable.PROCEEDINGS), end="")
项目,结果维持,结果纠正,其他结果,尚未审结,总计
行政复议,0,0,0,0,0
行政诉讼 未经复议直接起诉,0,0,0,0,0
行政诉讼 复议后起诉,0,0,0,0,0
"""

from __future__ import annotations

import csv
import datetime as _dt
import enum
import html
import importlib
import io
import json
from collections.abc import Iterable, Mapping
from typing import Any, Final, Literal, TypeAlias

import attrs

from disclosure_flow import _fields
from disclosure_flow.cases import ApplicantKind, ReportRow
from disclosure_flow.errors import (
    InvalidValueError,
    ReportInvariantError,
    Wording,
)
from disclosure_flow.reports.layout import ROW_LAYOUT as _LAYOUT
from disclosure_flow.reports.layout import TOTAL_ZH as _TOTAL_ZH
from disclosure_flow.reports.layout import GridCell, TableGrid, proceedings_grid, requests_grid
from disclosure_flow.reports.records import (
    ProceedingKind,
    ProceedingRecord,
    ProceedingResult,
    ReportRecord,
    _iso,
    read_records,
    record_from_case,
    write_records,
)
from disclosure_flow.reports.workbook import XlsxTarget, write_workbook

__all__ = [
    "COLUMNS",
    "REPORT_SCHEMA",
    "AnnualReport",
    "CsvEncoding",
    "ProceedingKind",
    "ProceedingRecord",
    "ProceedingResult",
    "ProceedingsGroup",
    "ReportRecord",
    "ReportTable",
    "RequestsRow",
    "annual_report",
    "read_records",
    "record_from_case",
    "write_records",
]

#: The schema tag written by :meth:`AnnualReport.to_dict`.
REPORT_SCHEMA: Final = "disclosure_flow.annual_report/1"

#: The encodings of :meth:`AnnualReport.to_csv_bytes` (CSV 文件编码): ``"utf-8"``, or
#: ``"utf-8-sig"`` for UTF-8 after a byte-order mark (BOM), as Excel on Chinese Windows
#: needs to read the file as UTF-8.
CsvEncoding: TypeAlias = Literal["utf-8", "utf-8-sig"]
_CSV_ENCODINGS: Final = ("utf-8", "utf-8-sig")


# ---------------------------------------------------------------------------
# Options


class ReportTable(enum.Enum):
    """A table of the annual report (年度报告表格).

    Members:
        REQUESTS: table 三 收到和处理政府信息公开申请情况 (requests received and handled).
        PROCEEDINGS: table 四 政府信息公开行政复议、行政诉讼情况 (reconsideration and
            litigation).
    """

    REQUESTS = "requests"
    PROCEEDINGS = "proceedings"

    @property
    def title_zh(self) -> str:
        """The table's heading in the national format."""
        if self is ReportTable.REQUESTS:
            return "三、收到和处理政府信息公开申请情况"
        return "四、政府信息公开行政复议、行政诉讼情况"


# ---------------------------------------------------------------------------
# Table layout (national format, disclosure_flow.reports.layout)

#: The applicant columns of table 三, in the national order (总计 follows).
COLUMNS: Final = tuple(ApplicantKind)
_COLUMN_INDEX: Final = {kind: i for i, kind in enumerate(COLUMNS)}
_NCOL: Final = len(COLUMNS)
_ROW_KEYS: Final = tuple(key for key, _ in _LAYOUT)
_RESULT_INDEX: Final = {row: i for i, row in enumerate(ReportRow)}


def _column_label(kind: ApplicantKind | None) -> str:
    if kind is None:
        return _TOTAL_ZH
    return f"{kind.group_label_zh} {kind.label_zh}" if kind.is_organization else kind.label_zh


def _counts(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if (
        not isinstance(value, tuple)
        or len(value) != _NCOL
        or not all(type(n) is int and n >= 0 for n in value)
    ):
        raise InvalidValueError(
            attribute.name,
            value,
            Wording(
                f"a tuple of {_NCOL} ints >= 0 (one per applicant column)",
                f"{_NCOL} 个不小于 0 的整数组成的元组（每个申请人栏一个）",
            ),
        )


@attrs.frozen
class RequestsRow:
    """A row of table 三 (收到和处理政府信息公开申请情况的一行).

    Attributes:
        key: ``"一"``, ``"二"``, a :class:`~disclosure_flow.cases.outcomes.ReportRow` key
            (``"三.1"`` … ``"三.6.3"``), ``"三.7"`` (（七）总计) or ``"四"``.
        labels: the label cells as the national format prints them, e.g.
            ``("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密")``.
        counts: one count per applicant column, in the order of :data:`COLUMNS`
            (自然人; 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他).
    """

    key: str = attrs.field(validator=_fields.non_empty_text)
    labels: tuple[str, ...]
    counts: tuple[int, ...] = attrs.field(validator=_counts)

    @property
    def label(self) -> str:
        """The label cells joined by a space, e.g. ``"三、本年度办理结果 （一）予以公开"``."""
        return " ".join(self.labels)

    @property
    def total(self) -> int:
        """The 总计 column."""
        return sum(self.counts)

    def count(self, column: ApplicantKind | None = None) -> int:
        """The count of one applicant column, or 总计 for ``None``."""
        if column is None:
            return self.total
        if not isinstance(column, ApplicantKind):
            raise InvalidValueError.choice("column", column, [None, *ApplicantKind])
        return self.counts[_COLUMN_INDEX[column]]


def _group_counts(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or value < 0:
        raise InvalidValueError(attribute.name, value, Wording("an int >= 0", "不小于 0 的整数"))


def _group_kind(value: ProceedingKind | str) -> ProceedingKind:
    return _fields.to_member(ProceedingKind, value, "kind")


@attrs.frozen
class ProceedingsGroup:
    """One group of table 四 (行政复议; 行政诉讼 — 未经复议直接起诉 or 复议后起诉).

    Attributes:
        kind: the group.
        upheld: 结果维持.
        corrected: 结果纠正.
        other: 其他结果.
        pending: 尚未审结 at the end of the year.
    """

    kind: ProceedingKind = attrs.field(converter=_group_kind)
    upheld: int = attrs.field(default=0, validator=_group_counts)
    corrected: int = attrs.field(default=0, validator=_group_counts)
    other: int = attrs.field(default=0, validator=_group_counts)
    pending: int = attrs.field(default=0, validator=_group_counts)

    @property
    def total(self) -> int:
        """总计."""
        return self.upheld + self.corrected + self.other + self.pending

    def count(self, result: ProceedingResult | None = None) -> int:
        """The count of one result, or 总计 for ``None``."""
        if result is None:
            return self.total
        if not isinstance(result, ProceedingResult):
            raise InvalidValueError.choice("result", result, [None, *ProceedingResult])
        return int(getattr(self, result.name.lower()))

    def cells(self) -> tuple[int, ...]:
        """The five numbers in the national order: 维持, 纠正, 其他, 尚未审结, 总计."""
        return (self.upheld, self.corrected, self.other, self.pending, self.total)


# ---------------------------------------------------------------------------
# The report


def _check_year(year: object) -> int:
    if type(year) is not int or not 1 <= year <= 9998:
        raise InvalidValueError(
            "year", year, Wording("an int year between 1 and 9998", "1 至 9998 之间的整数年份")
        )
    return year


def _year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_year(value)


@attrs.frozen
class AnnualReport:
    """Tables 三 and 四 of one year's report (政府信息公开工作年度报告 表三、表四).

    Checked when built: the 25 rows of table 三 in the national order, （七）总计 the sum
    of the 21 result rows, and 一 + 二 = 三(七) + 四 in every column.

    Attributes:
        year: the reporting year (1 January to 31 December).
        requests: the 25 rows of table 三, in the national order.
        proceedings: the three groups of table 四: 行政复议, 行政诉讼 未经复议直接起诉,
            行政诉讼 复议后起诉.
    """

    year: int = attrs.field(validator=_year)
    requests: tuple[RequestsRow, ...]
    proceedings: tuple[ProceedingsGroup, ...]

    def __attrs_post_init__(self) -> None:
        keys = tuple(r.key for r in self.requests) if isinstance(self.requests, tuple) else ()
        if keys != _ROW_KEYS or not all(isinstance(r, RequestsRow) for r in self.requests):
            raise InvalidValueError(
                "requests",
                keys,
                Wording(
                    f"the {len(_ROW_KEYS)} rows of table 三 in order",
                    f"表三的 {len(_ROW_KEYS)} 行，按顺序",
                ),
            )
        kinds = tuple(getattr(g, "kind", None) for g in self.proceedings)
        if kinds != tuple(ProceedingKind):
            raise InvalidValueError(
                "proceedings",
                kinds,
                Wording(
                    "the three groups of table 四 in ProceedingKind order",
                    "表四的三组，按 ProceedingKind 顺序",
                ),
            )
        by_key = {r.key: (*r.counts, r.total) for r in self.requests}
        for i, kind in enumerate((*COLUMNS, None)):
            column = _column_label(kind)
            cell = {key: values[i] for key, values in by_key.items()}
            summed = sum(cell[row.key] for row in ReportRow)
            if summed != cell["三.7"]:
                raise ReportInvariantError(
                    column,
                    Wording(
                        f"（七）总计 = {cell['三.7']} but the result rows sum to {summed}",
                        f"（七）总计 = {cell['三.7']}，但各结果行合计为 {summed}",
                    ),
                )
            if cell["一"] + cell["二"] != cell["三.7"] + cell["四"]:
                raise ReportInvariantError(column, _imbalance(cell))

    # -- reading ---------------------------------------------------------------

    def row(self, key: str | ReportRow) -> RequestsRow:
        """A row of table 三 by key (``"一"``, ``"三.3.4"``, ``"四"``) or ReportRow.

        Raises:
            InvalidValueError: no such row.
        """
        wanted = key.key if isinstance(key, ReportRow) else key
        for r in self.requests:
            if r.key == wanted:
                return r
        raise InvalidValueError.choice("key", key, _ROW_KEYS)

    def count(self, key: str | ReportRow, column: ApplicantKind | None = None) -> int:
        """One cell of table 三: the row *key* in the applicant *column* (None: 总计)."""
        return self.row(key).count(column)

    def group(self, kind: ProceedingKind) -> ProceedingsGroup:
        """One group of table 四."""
        if not isinstance(kind, ProceedingKind):
            raise InvalidValueError.choice("kind", kind, list(ProceedingKind))
        return self.proceedings[tuple(ProceedingKind).index(kind)]

    # -- exports ---------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict with the schema tag :data:`REPORT_SCHEMA`: labels, keys and
        every number of both tables."""
        columns = [
            {"key": kind.value, "group": kind.group_label_zh, "label": kind.label_zh}
            for kind in COLUMNS
        ]
        columns.append({"key": "total", "group": _TOTAL_ZH, "label": _TOTAL_ZH})
        return {
            "schema": REPORT_SCHEMA,
            "year": self.year,
            "requests": {
                "title": ReportTable.REQUESTS.title_zh,
                "columns": columns,
                "rows": [
                    {
                        "key": r.key,
                        "labels": list(r.labels),
                        "counts": {
                            **{k.value: n for k, n in zip(COLUMNS, r.counts, strict=True)},
                            "total": r.total,
                        },
                    }
                    for r in self.requests
                ],
            },
            "proceedings": {
                "title": ReportTable.PROCEEDINGS.title_zh,
                "results": [
                    {"key": k, "label": label}
                    for k, label in (*((r.value, r.label_zh) for r in ProceedingResult),)
                ]
                + [{"key": "total", "label": _TOTAL_ZH}],
                "groups": [
                    {
                        "key": g.kind.value,
                        "labels": list(g.kind.labels_zh),
                        "counts": {
                            **{r.value: g.count(r) for r in ProceedingResult},
                            "total": g.total,
                        },
                    }
                    for g in self.proceedings
                ],
            },
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as JSON text (UTF-8, Chinese kept readable)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_csv(self, *, table: ReportTable) -> str:
        """One table as CSV text (stdlib :mod:`csv`, one header row).

        Table 三: columns 编号, 项目, 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构,
        其他, 总计; one line per row, 项目 holding the row's label cells joined by a
        space. Table 四: columns 项目, 结果维持, 结果纠正, 其他结果, 尚未审结, 总计; one
        line per group (行政复议; 行政诉讼 未经复议直接起诉; 行政诉讼 复议后起诉).
        Lines end with ``"\n"``; for a file to open in Excel, see :meth:`to_csv_bytes`.
        """
        return self._csv(_check_table(table), "\n")

    def _csv(self, table: ReportTable, lineterminator: str) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator=lineterminator)
        if table is ReportTable.REQUESTS:
            writer.writerow(["编号", "项目", *(k.label_zh for k in COLUMNS), _TOTAL_ZH])
            for r in self.requests:
                writer.writerow([r.key, r.label, *r.counts, r.total])
        else:
            writer.writerow(["项目", *(r.label_zh for r in ProceedingResult), _TOTAL_ZH])
            for g in self.proceedings:
                writer.writerow([" ".join(g.kind.labels_zh), *g.cells()])
        return buffer.getvalue()

    def to_csv_bytes(
        self, *, table: ReportTable | None = None, encoding: CsvEncoding = "utf-8"
    ) -> bytes:
        """The CSV file as Excel opens it (供 Excel 打开的 CSV 文件): one table, or both
        (table 三, an empty line, table 四) when *table* is None, with the columns of
        :meth:`to_csv`.

        Lines end with CR LF, as :mod:`csv` writes for Excel. With ``encoding="utf-8-sig"``
        the bytes start with the UTF-8 byte-order mark (BOM), by which Excel on Chinese
        Windows knows the file is UTF-8 (without it, Excel reads GBK and shows the Chinese
        garbled); the bytes after it are the same as with ``"utf-8"``.

        Raises:
            InvalidValueError: *table* is not a :class:`ReportTable` or None, or
                *encoding* is not ``"utf-8"`` or ``"utf-8-sig"``.
        """
        tables = _tables(table)
        if encoding not in _CSV_ENCODINGS:
            raise InvalidValueError.choice("encoding", encoding, _CSV_ENCODINGS)
        excel = csv.excel.lineterminator
        return excel.join(self._csv(t, excel) for t in tables).encode(encoding)

    def grid(self, *, table: ReportTable) -> TableGrid:
        """One table as the national format draws it (国家格式版式): every cell with its
        row and column spans, headings and numbers; what :meth:`to_html`, :meth:`to_markdown`
        and :meth:`to_xlsx` write."""
        if _check_table(table) is ReportTable.REQUESTS:
            return requests_grid((*r.counts, r.total) for r in self.requests)
        return proceedings_grid(n for g in self.proceedings for n in g.cells())

    def to_markdown(self, *, table: ReportTable | None = None) -> str:
        """A Markdown table (or both, under their headings when *table* is None) in the
        national layout. Markdown cannot merge cells: a merged cell is written once,
        in its first row and column, and left blank where it spans."""
        parts = []
        for t in _tables(table):
            grid = self.grid(table=t).text()
            lines = [_md_line(grid[0]), _md_line(["---"] * len(grid[0]))]
            lines += [_md_line(cells) for cells in grid[1:]]
            text = "\n".join(lines)
            parts.append(text if table is not None else f"**{t.title_zh}**\n\n{text}")
        return "\n\n".join(parts) + "\n"

    def to_html(self, *, table: ReportTable | None = None) -> str:
        """An HTML table (or both, each after its heading, when *table* is None) in the
        national layout, with merged cells (``rowspan``/``colspan``), ready to paste."""
        parts = []
        for t in _tables(table):
            lines = ['<table border="1">']
            for cells in self.grid(table=t).rows():
                lines.append("<tr>" + "".join(map(_html_cell, cells)) + "</tr>")
            lines.append("</table>")
            body = "\n".join(lines)
            parts.append(f"<p>{html.escape(t.title_zh)}</p>\n{body}")
        return "\n".join(parts) + "\n"

    def to_xlsx(self, target: XlsxTarget, *, agency: str | None = None) -> None:
        """Both tables as an Excel workbook (.xlsx) in the national layout (国家格式的
        Excel 表格): one sheet per table, named for it, with the merged headings of the
        national format, the numbers as numbers, borders, wrapped headings and a page
        set up for printing. The first row names the report: *agency* (填报机关, e.g.
        ``"某某县人民政府"``) and the year, ``某某县人民政府2025年政府信息公开工作年度报告``.

        *target* is a path (``str`` or :class:`os.PathLike`) or a binary file open for
        writing (e.g. :class:`io.BytesIO`). Needs openpyxl, the optional extra ``xlsx``.

        Raises:
            ModuleNotFoundError: openpyxl is not installed (``pip install
                'disclosure-flow[xlsx]'``).
            InvalidValueError: *target* is neither a path nor a binary file, or *agency*
                is not a non-empty text.
            OSError: the file cannot be written.
        """
        if agency is not None and (not isinstance(agency, str) or not agency.strip()):
            raise InvalidValueError(
                "agency", agency, Wording("a non-empty text or None", "非空文本或 None")
            )
        title = f"{agency or ''}{self.year}年政府信息公开工作年度报告"
        sheets = [(t.title_zh, self.grid(table=t)) for t in ReportTable]
        write_workbook(target, title=title, sheets=sheets)

    def _repr_html_(self) -> str:
        """Both tables for a notebook, with the year and the balance check."""
        return (
            '<div class="disclosure-flow-annual-report">'
            f"<p><b>{self.year}年政府信息公开工作年度报告</b> — 一 + 二 = 三(七) + 四 ✓</p>\n"
            f"{self.to_html()}</div>"
        )

    def to_dataframe(self, *, table: ReportTable) -> Any:
        """One table as a :class:`pandas.DataFrame` (pandas is an optional extra).

        Table 三: index (编号, 项目), columns a MultiIndex (申请人 group, kind) ending
        with (总计, ""). Table 四: index (救济途径, 起诉方式), columns the four results
        and 总计.

        Raises:
            ModuleNotFoundError: pandas is not installed (``pip install
                'disclosure-flow[pandas]'``).
        """
        table = _check_table(table)
        try:
            pd = importlib.import_module("pandas")
        except ImportError as error:
            raise ModuleNotFoundError(
                "AnnualReport.to_dataframe() needs pandas, an optional extra: "
                "pip install 'disclosure-flow[pandas]'",
                name="pandas",
            ) from error
        if table is ReportTable.REQUESTS:
            columns = pd.MultiIndex.from_tuples(
                [(k.group_label_zh, k.label_zh if k.is_organization else "") for k in COLUMNS]
                + [(_TOTAL_ZH, "")]
            )
            index = pd.MultiIndex.from_tuples(
                [(r.key, r.label) for r in self.requests], names=["编号", "项目"]
            )
            data = [[*r.counts, r.total] for r in self.requests]
        else:
            columns = pd.Index([*(r.label_zh for r in ProceedingResult), _TOTAL_ZH])
            index = pd.MultiIndex.from_tuples(
                [(g.kind.labels_zh[0], "".join(g.kind.labels_zh[1:])) for g in self.proceedings],
                names=["救济途径", "起诉方式"],
            )
            data = [list(g.cells()) for g in self.proceedings]
        return pd.DataFrame(data, index=index, columns=columns, dtype="int64")


def _check_table(table: object) -> ReportTable:
    if not isinstance(table, ReportTable):
        raise InvalidValueError.choice("table", table, list(ReportTable))
    return table


def _tables(table: object) -> tuple[ReportTable, ...]:
    if table is None:
        return tuple(ReportTable)
    return (_check_table(table),)


def _html_cell(cell: GridCell) -> str:
    spans = (("rowspan", cell.rowspan), ("colspan", cell.colspan))
    attributes = "".join(f' {name}="{n}"' for name, n in spans if n > 1)
    return f"<td{attributes}>{html.escape(str(cell.value))}</td>"


def _md_line(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _imbalance(cell: Mapping[str, int]) -> Wording:
    left, right = cell["一"] + cell["二"], cell["三.7"] + cell["四"]
    one, three = f"一 + 二 = {cell['一']} + {cell['二']} = {left}", f"{cell['三.7']} + {cell['四']}"
    return Wording(
        f"{one}, but 三(七) + 四 = {three} = {right} (一 + 二 must equal 三(七) + 四)",
        f"{one}，但 三(七) + 四 = {three} = {right}（一 + 二 应等于 三(七) + 四）",
    )


# ---------------------------------------------------------------------------
# Computing the report


def annual_report(records: Iterable[ReportRecord], *, year: int) -> AnnualReport:
    """Tables 三 and 四 of *year* from *records* (one pass; any iterable).

    See the module documentation for when a record counts in each row.

    Raises:
        InvalidValueError: *year* is not an int year.
        ReportInvariantError: a column does not balance (一 + 二 ≠ 三(七) + 四), or a
            record counted this year was concluded before its day 0; the error names
            the column and the cases.
    """
    year = _check_year(year)
    jan1, dec31 = _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    new = [0] * _NCOL
    carried_in = [0] * _NCOL
    carried_out = [0] * _NCOL
    results = [0] * (len(_RESULT_INDEX) * _NCOL)
    proceedings = [[0] * 4 for _ in ProceedingKind]
    proceeding_index = {k: i for i, k in enumerate(ProceedingKind)}
    result_slot = {r: i for i, r in enumerate(ProceedingResult)}
    col_of = _COLUMN_INDEX
    row_of = {row: i * _NCOL for row, i in _RESULT_INDEX.items()}
    inverted: list[ReportRecord] = []
    for record in records:
        if record.proceedings:
            for p in record.proceedings:
                if p.filed.year == year:
                    proceedings[proceeding_index[p.kind]][result_slot[p.result_as_of(dec31)]] += 1
        day0 = record.received
        if day0 is None:
            continue
        end = record.concluded
        col = col_of[record.applicant]
        if end is None:
            if day0 <= dec31:
                if day0 >= jan1:
                    new[col] += 1
                else:
                    carried_in[col] += 1
                carried_out[col] += 1
            continue
        if end < day0 and (jan1 <= day0 <= dec31 or jan1 <= end <= dec31):
            inverted.append(record)
        if day0 <= dec31:
            if day0 >= jan1:
                new[col] += 1
            elif end >= jan1:
                carried_in[col] += 1
            if end > dec31:
                carried_out[col] += 1
        if jan1 <= end <= dec31:
            row = record.row
            assert row is not None  # ReportRecord: row is set exactly when concluded is
            results[row_of[row] + col] += 1
    rows = [
        RequestsRow("一", _LAYOUT[0][1], tuple(new)),
        RequestsRow("二", _LAYOUT[1][1], tuple(carried_in)),
    ]
    for row, i in _RESULT_INDEX.items():
        start = i * _NCOL
        rows.append(RequestsRow(row.key, _LAYOUT[2 + i][1], tuple(results[start : start + _NCOL])))
    concluded = tuple(
        sum(results[i * _NCOL + c] for i in _RESULT_INDEX.values()) for c in range(_NCOL)
    )
    rows.append(RequestsRow("三.7", _LAYOUT[-2][1], concluded))
    rows.append(RequestsRow("四", _LAYOUT[-1][1], tuple(carried_out)))
    groups = tuple(ProceedingsGroup(kind, *proceedings[i]) for i, kind in enumerate(ProceedingKind))
    try:
        report = AnnualReport(year, tuple(rows), groups)
    except ReportInvariantError as error:
        raise _with_cases(error, inverted) from None
    if inverted:
        first = inverted[0]
        column = first.applicant
        involved = tuple(r.case_id for r in inverted if r.applicant is column)
        raise ReportInvariantError(
            _column_label(column),
            Wording(
                f"case {first.case_id!r} was concluded on {_iso(first.concluded)}, before its "
                f"day 0 ({_iso(first.received)}): a case is concluded on or after day 0",
                f"案件 {first.case_id!r} 办结于 {_iso(first.concluded)}，早于其"
                f"第 0 日（{_iso(first.received)}）：案件应在第 0 日或之后办结",
            ),
            involved,
        )
    return report


def _with_cases(error: ReportInvariantError, inverted: list[ReportRecord]) -> ReportInvariantError:
    """*error* with the cases of its column that break the balance (concluded before day 0)."""
    involved = tuple(
        r.case_id for r in inverted if error.column in (_TOTAL_ZH, _column_label(r.applicant))
    )
    if involved:
        detail = Wording(
            f"{error.detail}; cases concluded before their day 0 break the balance",
            f"{Wording.of(error.detail).zh}；在第 0 日之前办结的案件破坏了平衡",
        )
    else:
        detail = Wording.of(error.detail)
    return ReportInvariantError(error.column, detail, involved)
