"""Tables 三 and 四 as the national format draws them, typed from its text, and the checks
that a written table (HTML, .xlsx) is that table with the report's numbers in it.

Source: 国务院办公厅政府信息与政务公开办公室《关于印发〈中华人民共和国政府信息公开工作
年度报告格式〉的通知》（国办公开办函〔2021〕30号，2021年9月26日）, its tables
“三、收到和处理政府信息公开申请情况” and “四、政府信息公开行政复议、行政诉讼情况”.
Each row below lists the cells of one table row as the format draws them, left to right,
as ``(text, rowspan, colspan)`` or plain text for a single cell; :data:`N` is a count.
Nothing here is read from the library.

A written table is compared as a *grid*: every position of the table holds the top-left
position of the cell that covers it and that cell's value, so that both the texts and
the merging must match.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from disclosure_flow.cases import ApplicantKind
from disclosure_flow.reports import AnnualReport, ProceedingKind, ProceedingResult

#: A count in the official table.
N = None

Cell: TypeAlias = str | tuple[str, int, int] | None
Slot: TypeAlias = tuple[tuple[int, int], str | int | None]
Grid: TypeAlias = list[list[Slot]]

_NUMBERS_3 = [N] * 7

TABLE_3: list[list[Cell]] = [
    [
        ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
        ("申请人情况", 1, 7),
    ],
    [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)],
    ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
    [("一、本年新收政府信息公开申请数量", 1, 3), *_NUMBERS_3],
    [("二、上年结转政府信息公开申请数量", 1, 3), *_NUMBERS_3],
    [("三、本年度办理结果", 22, 1), ("（一）予以公开", 1, 2), *_NUMBERS_3],
    [("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2), *_NUMBERS_3],
    [("（三）不予公开", 8, 1), "1.属于国家秘密", *_NUMBERS_3],
    ["2.其他法律行政法规禁止公开", *_NUMBERS_3],
    ["3.危及“三安全一稳定”", *_NUMBERS_3],
    ["4.保护第三方合法权益", *_NUMBERS_3],
    ["5.属于三类内部事务信息", *_NUMBERS_3],
    ["6.属于四类过程性信息", *_NUMBERS_3],
    ["7.属于行政执法案卷", *_NUMBERS_3],
    ["8.属于行政查询事项", *_NUMBERS_3],
    [("（四）无法提供", 3, 1), "1.本机关不掌握相关政府信息", *_NUMBERS_3],
    ["2.没有现成信息需要另行制作", *_NUMBERS_3],
    ["3.补正后申请内容仍不明确", *_NUMBERS_3],
    [("（五）不予处理", 5, 1), "1.信访举报投诉类申请", *_NUMBERS_3],
    ["2.重复申请", *_NUMBERS_3],
    ["3.要求提供公开出版物", *_NUMBERS_3],
    ["4.无正当理由大量反复申请", *_NUMBERS_3],
    ["5.要求行政机关确认或重新出具已获取信息", *_NUMBERS_3],
    [
        ("（六）其他处理", 3, 1),
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        *_NUMBERS_3,
    ],
    ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", *_NUMBERS_3],
    ["3.其他", *_NUMBERS_3],
    [("（七）总计", 1, 2), *_NUMBERS_3],
    [("四、结转下年度继续办理", 1, 3), *_NUMBERS_3],
]

_RESULTS_4 = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

TABLE_4: list[list[Cell]] = [
    [("行政复议", 1, 5), ("行政诉讼", 1, 10)],
    [*((label, 2, 1) for label in _RESULTS_4), ("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)],
    [*_RESULTS_4, *_RESULTS_4],
    [N] * 15,
]

#: What each data row of table 三 counts, in the library's keys (SPEC §6), top to bottom.
ROW_KEYS = [
    "一",
    "二",
    "三.1",
    "三.2",
    *(f"三.3.{n}" for n in range(1, 9)),
    *(f"三.4.{n}" for n in range(1, 4)),
    *(f"三.5.{n}" for n in range(1, 6)),
    *(f"三.6.{n}" for n in range(1, 4)),
    "三.7",
    "四",
]

#: The applicant column under each lowest heading of table 三 (None: 总计).
APPLICANT_COLUMNS: dict[str, ApplicantKind | None] = {
    "自然人": ApplicantKind.NATURAL_PERSON,
    "商业企业": ApplicantKind.COMMERCIAL_ENTERPRISE,
    "科研机构": ApplicantKind.RESEARCH_INSTITUTION,
    "社会公益组织": ApplicantKind.SOCIAL_WELFARE_ORGANIZATION,
    "法律服务机构": ApplicantKind.LEGAL_SERVICE_INSTITUTION,
    "其他": ApplicantKind.OTHER_ORGANIZATION,
    "总计": None,
}

#: The group of table 四 under each heading path, and the result under each lowest heading.
PROCEEDING_GROUPS: dict[tuple[str, ...], ProceedingKind] = {
    ("行政复议",): ProceedingKind.RECONSIDERATION,
    ("行政诉讼", "未经复议直接起诉"): ProceedingKind.LITIGATION_DIRECT,
    ("行政诉讼", "复议后起诉"): ProceedingKind.LITIGATION_AFTER_RECONSIDERATION,
}
RESULT_COLUMNS: dict[str, ProceedingResult | None] = {
    "结果维持": ProceedingResult.UPHELD,
    "结果纠正": ProceedingResult.CORRECTED,
    "其他结果": ProceedingResult.OTHER,
    "尚未审结": ProceedingResult.PENDING,
    "总计": None,
}


def expand(rows: Sequence[Sequence[Cell]]) -> Grid:
    """The grid of a table given row by row as HTML gives it: each cell takes the next
    free position of its row, and covers its rowspan × colspan."""
    slots: dict[tuple[int, int], Slot] = {}
    for r, cells in enumerate(rows):
        c = 0
        for cell in cells:
            text, rowspan, colspan = cell if isinstance(cell, tuple) else (cell, 1, 1)
            while (r, c) in slots:
                c += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    assert (r + dr, c + dc) not in slots, f"cells overlap at {(r + dr, c + dc)}"
                    slots[(r + dr, c + dc)] = ((r, c), text)
            c += colspan
    height = 1 + max(r for r, _ in slots)
    width = 1 + max(c for _, c in slots)
    assert len(slots) == height * width, "the table has a gap"
    return [[slots[(r, c)] for c in range(width)] for r in range(height)]


def shape(grid: Grid) -> Grid:
    """*grid* with every count blanked (to compare with the official grid)."""
    return [[(anchor, None if isinstance(v, int) else v) for anchor, v in row] for row in grid]


def _headings(grid: Grid, top: int, column: int) -> tuple[str, ...]:
    """The distinct headings above *column* in the first *top* rows, outside in."""
    found: list[str] = []
    for r in range(top):
        value = grid[r][column][1]
        if isinstance(value, str) and value not in found:
            found.append(value)
    return tuple(found)


def expected_numbers(report: AnnualReport, table: int) -> dict[tuple[int, int], int]:
    """The count the official grid of table 三 (``3``) or 四 (``4``) holds at each count
    position, for *report*, found by the headings above and beside the position."""
    official = expand(TABLE_3 if table == 3 else TABLE_4)
    numbers: dict[tuple[int, int], int] = {}
    positions = [(r, c) for r, row in enumerate(official) for c, (_, v) in enumerate(row) if v is N]
    top = min(r for r, _ in positions)
    for r, c in positions:
        heads = _headings(official, top, c)
        if table == 3:
            key = ROW_KEYS[r - top]
            numbers[(r, c)] = report.count(key, APPLICANT_COLUMNS[heads[-1]])
        else:
            group = report.group(PROCEEDING_GROUPS[heads[:-1]])
            numbers[(r, c)] = group.count(RESULT_COLUMNS[heads[-1]])
    return numbers


def check_table(grid: Grid, report: AnnualReport, table: int) -> None:
    """*grid*, read back from a written table, is the official table with *report*'s
    counts in it, and its written counts balance as the format says."""
    official = expand(TABLE_3 if table == 3 else TABLE_4)
    assert shape(grid) == official
    for (r, c), n in expected_numbers(report, table).items():
        assert grid[r][c] == ((r, c), n)
        assert type(grid[r][c][1]) is int
    if table == 3:
        by_key = {key: [_count(v) for _, v in grid[3 + i][3:]] for i, key in enumerate(ROW_KEYS)}
        for c in range(7):  # 一 + 二 = 三(七) + 四; （七）总计 sums the 21 result rows
            column = {key: values[c] for key, values in by_key.items()}
            assert column["一"] + column["二"] == column["三.7"] + column["四"]
            assert column["三.7"] == sum(column[key] for key in ROW_KEYS[2:-2])
        for values in by_key.values():  # 总计 sums the six applicant columns
            assert values[-1] == sum(values[:-1])
    else:
        numbers = [_count(v) for _, v in grid[3]]
        for start in (0, 5, 10):  # each group's 总计 sums its four results
            assert numbers[start + 4] == sum(numbers[start : start + 4])


def _count(value: str | int | None) -> int:
    assert type(value) is int, f"{value!r} is not a number"
    return value
