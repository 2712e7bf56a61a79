"""Tests for disclosure_flow.reports.annual: tables 三 and 四 of the annual report.

Labels are typed here from the national format (国办公开办函〔2021〕30号) and SPEC §6,
not read from the module. Expected numbers follow from how each set of records is
built, by the definitions of SPEC §6, not from the code under test.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import html.parser
import io
import json
import sys
import typing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import disclosure_flow.reports.annual as report_module
from disclosure_flow import strategies as dfs
from disclosure_flow.cases import (
    Applicant,
    ApplicantKind,
    Case,
    Channel,
    DeliveryMethod,
    InformationRequest,
    Outcome,
    OutcomeKind,
    OutcomeReason,
    ProvisionForm,
    ReportRow,
)
from disclosure_flow.errors import (
    InvalidDateError,
    InvalidValueError,
    ReportInvariantError,
    SerializationError,
)
from disclosure_flow.reports import (
    AnnualReport,
    ProceedingKind,
    ProceedingRecord,
    ProceedingResult,
    ProceedingsGroup,
    ReportRecord,
    ReportTable,
    RequestsRow,
    annual_report,
    read_records,
    record_from_case,
    write_records,
)
from disclosure_flow.workdays import WorkdayCalendar

D = dt.date
NP = ApplicantKind.NATURAL_PERSON
KINDS = list(ApplicantKind)

#: Row keys and their label cells, typed from the national format.
NATIONAL_ROWS: list[tuple[str, tuple[str, ...]]] = [
    ("一", ("一、本年新收政府信息公开申请数量",)),
    ("二", ("二、上年结转政府信息公开申请数量",)),
    ("三.1", ("三、本年度办理结果", "（一）予以公开")),
    ("三.2", ("三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")),
    ("三.3.1", ("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密")),
    ("三.3.2", ("三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开")),
    ("三.3.3", ("三、本年度办理结果", "（三）不予公开", "3.危及“三安全一稳定”")),
    ("三.3.4", ("三、本年度办理结果", "（三）不予公开", "4.保护第三方合法权益")),
    ("三.3.5", ("三、本年度办理结果", "（三）不予公开", "5.属于三类内部事务信息")),
    ("三.3.6", ("三、本年度办理结果", "（三）不予公开", "6.属于四类过程性信息")),
    ("三.3.7", ("三、本年度办理结果", "（三）不予公开", "7.属于行政执法案卷")),
    ("三.3.8", ("三、本年度办理结果", "（三）不予公开", "8.属于行政查询事项")),
    ("三.4.1", ("三、本年度办理结果", "（四）无法提供", "1.本机关不掌握相关政府信息")),
    ("三.4.2", ("三、本年度办理结果", "（四）无法提供", "2.没有现成信息需要另行制作")),
    ("三.4.3", ("三、本年度办理结果", "（四）无法提供", "3.补正后申请内容仍不明确")),
    ("三.5.1", ("三、本年度办理结果", "（五）不予处理", "1.信访举报投诉类申请")),
    ("三.5.2", ("三、本年度办理结果", "（五）不予处理", "2.重复申请")),
    ("三.5.3", ("三、本年度办理结果", "（五）不予处理", "3.要求提供公开出版物")),
    ("三.5.4", ("三、本年度办理结果", "（五）不予处理", "4.无正当理由大量反复申请")),
    (
        "三.5.5",
        ("三、本年度办理结果", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    ),
    (
        "三.6.1",
        (
            "三、本年度办理结果",
            "（六）其他处理",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ),
    ),
    (
        "三.6.2",
        (
            "三、本年度办理结果",
            "（六）其他处理",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ),
    ),
    ("三.6.3", ("三、本年度办理结果", "（六）其他处理", "3.其他")),
    ("三.7", ("三、本年度办理结果", "（七）总计")),
    ("四", ("四、结转下年度继续办理",)),
]
COLUMN_LABELS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
HEADER_LABELS = [
    "三、收到和处理政府信息公开申请情况",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "申请人情况",
    "法人或其他组织",
    "总计",
    *COLUMN_LABELS,
]
TABLE4_LABELS = [
    "四、政府信息公开行政复议、行政诉讼情况",
    "行政复议",
    "行政诉讼",
    "未经复议直接起诉",
    "复议后起诉",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "总计",
]
RESULT_KEYS = [key for key, _ in NATIONAL_ROWS[2:-2]]


def rec(
    case_id: str,
    received: dt.date | None,
    concluded: dt.date | None = None,
    row: ReportRow | None = None,
    applicant: ApplicantKind = NP,
    proceedings: tuple[ProceedingRecord, ...] = (),
) -> ReportRecord:
    if concluded is not None and row is None:
        row = ReportRow.DISCLOSED
    return ReportRecord(
        case_id, applicant, received, concluded=concluded, row=row, proceedings=proceedings
    )


# ---------------------------------------------------------------------------
# Hand-built sets


def every_cell_records() -> tuple[list[ReportRecord], dict[tuple[str, int], int]]:
    """Records giving each result row × column a distinct count (1..4), received and
    concluded in 2025; the expected count of every (row key, column index)."""
    records = []
    expected = {}
    n = 0
    for i, key in enumerate(RESULT_KEYS):
        row = ReportRow(key)
        for j, kind in enumerate(KINDS):
            count = (i + 2 * j) % 4 + 1
            expected[(key, j)] = count
            for _ in range(count):
                n += 1
                records.append(rec(f"R{n}", D(2025, 2, 3), D(2025, 3, 3), row, kind))
    return records, expected


def test_every_result_row_and_column_counts_its_records() -> None:
    records, expected = every_cell_records()
    report = annual_report(records, year=2025)
    for (key, j), count in expected.items():
        assert report.count(key, KINDS[j]) == count, (key, j)
    for j, kind in enumerate(KINDS):
        column_total = sum(c for (_, jj), c in expected.items() if jj == j)
        assert report.count("三.7", kind) == column_total
        assert report.count("一", kind) == column_total
        assert report.count("二", kind) == 0
        assert report.count("四", kind) == 0
    assert report.count("三.7") == len(records)


def test_rows_are_in_the_national_order_with_national_labels() -> None:
    report = annual_report([], year=2025)
    assert [(r.key, r.labels) for r in report.requests] == NATIONAL_ROWS
    assert all(r.counts == (0,) * 6 and r.total == 0 for r in report.requests)


def boundary_records() -> list[ReportRecord]:
    return [
        # received 31 December, replied 2 January: new and carried out in 2025,
        # carried in and concluded in 2026
        rec("dec31", D(2025, 12, 31), D(2026, 1, 2), ReportRow.UNABLE_NOT_HELD),
        # carried in from 2024, concluded in 2025
        rec("in-done", D(2024, 12, 20), D(2025, 1, 5), ReportRow.NOT_PROCESSED_REPEATED),
        # carried in from 2024, still open: carried in and carried out
        rec("in-open", D(2024, 11, 1), applicant=ApplicantKind.RESEARCH_INSTITUTION),
        # received and concluded in 2024: nowhere in 2025
        rec("old", D(2024, 6, 1), D(2024, 7, 1)),
        # concluded on 1 January: carried in, concluded in 2025
        rec("jan1", D(2024, 12, 30), D(2025, 1, 1), ReportRow.OTHER_OTHER),
        # received on 1 January, concluded 31 December: new and concluded
        rec("whole", D(2025, 1, 1), D(2025, 12, 31), ReportRow.PARTIALLY_DISCLOSED),
        # received in 2026: nowhere in 2025
        rec("next", D(2026, 1, 1), D(2026, 1, 1)),
        # never confirmed (no day 0), even if withdrawn in 2025: nowhere
        rec("unconfirmed", None, D(2025, 5, 1), ReportRow.OTHER_OTHER),
        rec("unconfirmed-open", None),
    ]


@pytest.mark.parametrize(
    ("year", "rows"),
    [
        (
            2024,
            # 一: old, in-done, in-open, jan1; 三: old; 四: in-done, in-open, jan1
            {"一": 4, "二": 0, "三.1": 1, "三.7": 1, "四": 3},
        ),
        (
            2025,
            # 一: dec31, whole; 二: in-done, in-open, jan1
            # 三: in-done (5.2), jan1 (6.3), whole (2); 四: dec31, in-open
            {
                "一": 2,
                "二": 3,
                "三.2": 1,
                "三.5.2": 1,
                "三.6.3": 1,
                "三.7": 3,
                "四": 2,
            },
        ),
        (
            2026,
            # 一: next; 二: dec31, in-open; 三: dec31 (4.1), next (1); 四: in-open
            {"一": 1, "二": 2, "三.1": 1, "三.4.1": 1, "三.7": 2, "四": 1},
        ),
    ],
)
def test_year_boundaries_and_carry_over(year: int, rows: dict[str, int]) -> None:
    report = annual_report(boundary_records(), year=year)
    for key, _ in NATIONAL_ROWS:
        assert report.count(key) == rows.get(key, 0), key


def test_carry_over_is_by_column() -> None:
    report = annual_report(boundary_records(), year=2025)
    research = ApplicantKind.RESEARCH_INSTITUTION
    assert report.count("二", research) == 1
    assert report.count("四", research) == 1
    assert report.count("三.7", research) == 0
    assert report.row("四").counts == (1, 0, 1, 0, 0, 0)


def test_any_iterable_is_read_once() -> None:
    report = annual_report(iter(boundary_records()), year=2025)
    assert report.count("三.7") == 3


# ---------------------------------------------------------------------------
# Table 四


def proceeding_records() -> list[ReportRecord]:
    """Per kind k (0, 1, 2) and result r (0..3): k + r + 1 proceedings filed in 2025
    and decided (if at all) in 2025; plus ones that must not change 2025's counts or
    must count as pending."""
    records = []
    n = 0
    for k, kind in enumerate(ProceedingKind):
        for r, result in enumerate(ProceedingResult):
            for _ in range(k + r + 1):
                n += 1
                decided = None if result is ProceedingResult.PENDING else D(2025, 9, 1)
                p = ProceedingRecord(kind, D(2025, 3, 1), result, decided)
                records.append(rec(f"P{n}", D(2024, 12, 1), D(2025, 1, 10), proceedings=(p,)))
    extra = (
        # filed in 2024: counts in 2024 only
        ProceedingRecord(ProceedingKind.RECONSIDERATION, D(2024, 12, 31)),
        # filed 2025, decided 2026: pending in 2025
        ProceedingRecord(
            ProceedingKind.LITIGATION_DIRECT, D(2025, 12, 1), ProceedingResult.UPHELD, D(2026, 1, 5)
        ),
    )
    # a case without day 0 (e.g. a suit over inaction) still counts in table 四
    records.append(rec("X", None, proceedings=extra))
    return records


def test_table_four_every_cell() -> None:
    report = annual_report(proceeding_records(), year=2025)
    for k, kind in enumerate(ProceedingKind):
        group = report.group(kind)
        for r, result in enumerate(ProceedingResult):
            extra = (
                1
                if (kind, result)
                == (
                    ProceedingKind.LITIGATION_DIRECT,
                    ProceedingResult.PENDING,
                )
                else 0
            )
            assert group.count(result) == k + r + 1 + extra, (kind, result)
        assert group.total == sum(k + r + 1 for r in range(4)) + (k == 1)
    # the direct lawsuit decided in 2026 is not reported as upheld in 2025
    assert report.group(ProceedingKind.LITIGATION_DIRECT).upheld == 2


def test_table_four_other_years() -> None:
    report2024 = annual_report(proceeding_records(), year=2024)
    assert report2024.group(ProceedingKind.RECONSIDERATION).cells() == (0, 0, 0, 1, 1)
    assert report2024.group(ProceedingKind.LITIGATION_DIRECT).total == 0
    report2026 = annual_report(proceeding_records(), year=2026)
    assert all(g.total == 0 for g in report2026.proceedings)


# ---------------------------------------------------------------------------
# The invariant


def test_concluded_before_day_0_across_the_year_breaks_the_balance() -> None:
    bad = rec(
        "BAD-1", D(2025, 1, 5), D(2024, 12, 20), applicant=ApplicantKind.LEGAL_SERVICE_INSTITUTION
    )
    good = rec(
        "OK-1", D(2025, 1, 5), D(2025, 2, 1), applicant=ApplicantKind.LEGAL_SERVICE_INSTITUTION
    )
    with pytest.raises(ReportInvariantError) as info:
        annual_report([good, bad, rec("OK-2", D(2025, 2, 2))], year=2025)
    assert info.value.column == "法人或其他组织 法律服务机构"
    assert info.value.cases == ("BAD-1",)
    assert "BAD-1" in str(info.value)
    assert "一 + 二 = 2 + 0 = 2" in info.value.detail
    assert "三(七) + 四 = 1 + 0 = 1" in info.value.detail
    assert isinstance(info.value, ValueError)


def test_concluded_before_day_0_in_the_same_year_is_refused() -> None:
    bad = rec("BAD-2", D(2025, 5, 5), D(2025, 5, 1), applicant=ApplicantKind.COMMERCIAL_ENTERPRISE)
    with pytest.raises(ReportInvariantError) as info:
        annual_report([rec("OK", D(2025, 5, 5)), bad], year=2025)
    assert info.value.column == "法人或其他组织 商业企业"
    assert info.value.cases == ("BAD-2",)
    assert "before its day 0" in info.value.detail


def test_bad_record_outside_the_year_does_not_matter() -> None:
    bad = rec("BAD-3", D(2027, 5, 5), D(2023, 5, 1))
    assert annual_report([bad], year=2025).count("三.7") == 0
    with pytest.raises(ReportInvariantError):
        annual_report([bad], year=2023)


def test_a_report_built_by_hand_is_checked() -> None:
    good = annual_report([rec("A", D(2025, 1, 2), D(2025, 1, 3))], year=2025)
    rows = list(good.requests)
    rows[0] = RequestsRow("一", rows[0].labels, (2, 0, 0, 0, 0, 0))
    with pytest.raises(ReportInvariantError) as info:
        AnnualReport(2025, tuple(rows), good.proceedings)
    assert info.value.column == "自然人"
    assert info.value.cases == ()
    rows = list(good.requests)
    rows[-2] = RequestsRow("三.7", rows[-2].labels, (0, 0, 0, 0, 0, 1))
    with pytest.raises(ReportInvariantError, match="（七）总计"):
        AnnualReport(2025, tuple(rows), good.proceedings)
    with pytest.raises(InvalidValueError):
        AnnualReport(2025, tuple(rows[1:]), good.proceedings)
    with pytest.raises(InvalidValueError):
        AnnualReport(2025, good.requests, good.proceedings[:2])


well_formed = st.builds(
    lambda i, kind, d0, gap, row, open_: ReportRecord(
        f"H{i}",
        kind,
        d0,
        concluded=None if open_ or d0 is None else d0 + dt.timedelta(days=gap),
        row=None if open_ or d0 is None else row,
    ),
    st.integers(0, 10**6),
    st.sampled_from(KINDS),
    st.one_of(st.none(), st.dates(D(2023, 6, 1), D(2026, 6, 30))),
    st.integers(0, 400),
    st.sampled_from(list(ReportRow)),
    st.booleans(),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(well_formed, max_size=40), st.sampled_from([2024, 2025]))
def test_property_balance_and_total(records: list[ReportRecord], year: int) -> None:
    report = annual_report(records, year=year)
    for kind in (*KINDS, None):
        left = report.count("一", kind) + report.count("二", kind)
        assert left == report.count("三.7", kind) + report.count("四", kind)
    concluded = [
        r for r in records if r.received is not None and r.concluded and r.concluded.year == year
    ]
    assert report.count("三.7") == len(concluded)
    assert report.count("一") == sum(1 for r in records if r.received and r.received.year == year)
    for row in ReportRow:
        assert report.count(row) == sum(1 for r in concluded if r.row is row)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.builds(
            lambda d0, end, kind: rec("Z", d0, end, applicant=kind),
            st.dates(D(2024, 6, 1), D(2025, 6, 30)),
            st.dates(D(2024, 6, 1), D(2025, 6, 30)),
            st.sampled_from(KINDS),
        ),
        max_size=8,
    )
)
def test_property_only_inverted_records_raise(records: list[ReportRecord]) -> None:
    inverted = [
        r
        for r in records
        if r.concluded is not None
        and r.received is not None
        and r.concluded < r.received
        and 2025 in (r.received.year, r.concluded.year)
    ]
    if inverted:
        with pytest.raises(ReportInvariantError):
            annual_report(records, year=2025)
    else:
        annual_report(records, year=2025)


# ---------------------------------------------------------------------------
# Exports


@pytest.fixture
def rich_report() -> AnnualReport:
    records, _ = every_cell_records()
    return annual_report(records + boundary_records() + proceeding_records(), year=2025)


def test_csv_round_trip(rich_report: AnnualReport) -> None:
    lines = list(csv.reader(io.StringIO(rich_report.to_csv(table=ReportTable.REQUESTS))))
    assert lines[0] == ["编号", "项目", *COLUMN_LABELS, "总计"]
    assert [line[0] for line in lines[1:]] == [key for key, _ in NATIONAL_ROWS]
    for line, (key, labels) in zip(lines[1:], NATIONAL_ROWS, strict=True):
        assert line[1] == " ".join(labels)
        numbers = [int(x) for x in line[2:]]
        assert numbers == [*(rich_report.count(key, k) for k in KINDS), rich_report.count(key)]
    lines = list(csv.reader(io.StringIO(rich_report.to_csv(table=ReportTable.PROCEEDINGS))))
    assert lines[0] == ["项目", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert [line[0] for line in lines[1:]] == [
        "行政复议",
        "行政诉讼 未经复议直接起诉",
        "行政诉讼 复议后起诉",
    ]
    for line, kind in zip(lines[1:], ProceedingKind, strict=True):
        group = rich_report.group(kind)
        assert [int(x) for x in line[1:]] == [
            group.upheld,
            group.corrected,
            group.other,
            group.pending,
            group.total,
        ]


def test_csv_needs_a_table(rich_report: AnnualReport) -> None:
    with pytest.raises(InvalidValueError, match="table"):
        rich_report.to_csv(table="requests")  # type: ignore[arg-type]  # the wrong type on purpose


@settings(max_examples=50, deadline=None)
@given(
    st.lists(dfs.report_records(), max_size=30),
    st.integers(2019, 2027),
    st.sampled_from([None, *ReportTable]),
)
def test_csv_for_excel_with_and_without_a_bom(
    records: list[ReportRecord], year: int, table: ReportTable | None
) -> None:
    report = annual_report(records, year=year)
    plain = report.to_csv_bytes(table=table)
    marked = report.to_csv_bytes(table=table, encoding="utf-8-sig")
    assert plain == report.to_csv_bytes(table=table, encoding="utf-8")
    assert marked.startswith(codecs.BOM_UTF8)
    assert not plain.startswith(codecs.BOM_UTF8)
    assert marked[len(codecs.BOM_UTF8) :] == plain
    assert marked.decode("utf-8-sig") == plain.decode("utf-8")
    # the rows of to_csv, written as the csv module writes for Excel (CR LF), one table
    # after the other with an empty line between
    tables = [table] if table is not None else list(ReportTable)
    rows: list[list[str]] = []
    for i, t in enumerate(tables):
        rows += [[]] if i else []
        rows += list(csv.reader(io.StringIO(report.to_csv(table=t))))
    excel = io.StringIO(newline="")
    csv.writer(excel).writerows(rows)
    assert plain == excel.getvalue().encode("utf-8")
    assert plain.endswith(b"\r\n")
    assert plain.count(b"\n") == plain.count(b"\r\n")


@pytest.mark.parametrize("encoding", ["gbk", "utf-16", "UTF-8-SIG", None])
def test_csv_bytes_encodings_are_the_two_utf_8s(
    rich_report: AnnualReport, encoding: object
) -> None:
    with pytest.raises(InvalidValueError, match=r"encoding.*'utf-8', 'utf-8-sig'"):
        rich_report.to_csv_bytes(encoding=encoding)  # type: ignore[arg-type]  # on purpose


def test_csv_bytes_need_a_table_or_none(rich_report: AnnualReport) -> None:
    with pytest.raises(InvalidValueError, match="table"):
        rich_report.to_csv_bytes(table="requests")  # type: ignore[arg-type]  # on purpose


def test_json(rich_report: AnnualReport) -> None:
    data = json.loads(rich_report.to_json())
    assert data == rich_report.to_dict()
    assert data["year"] == 2025
    rows = data["requests"]["rows"]
    assert [(r["key"], tuple(r["labels"])) for r in rows] == NATIONAL_ROWS
    for r in rows:
        for kind in KINDS:
            assert r["counts"][kind.value] == rich_report.count(r["key"], kind)
        assert r["counts"]["total"] == rich_report.count(r["key"])
    groups = data["proceedings"]["groups"]
    assert [g["key"] for g in groups] == [k.value for k in ProceedingKind]
    for g, proceeding_kind in zip(groups, ProceedingKind, strict=True):
        assert g["counts"]["total"] == rich_report.group(proceeding_kind).total
        assert g["counts"]["pending"] == rich_report.group(proceeding_kind).pending


class _Cells(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[tuple[str, dict[str, str | None]]]] = []
        self._attrs: dict[str, str | None] = {}
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self._attrs, self._text = dict(attrs), []

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._text is not None:
            self.rows[-1].append(("".join(self._text), self._attrs))
            self._text = None


def test_html_layout_and_numbers(rich_report: AnnualReport) -> None:
    text = rich_report.to_html()
    for label in HEADER_LABELS + TABLE4_LABELS:
        assert label in text
    parser = _Cells()
    parser.feed(text)
    table3, table4 = parser.rows[:28], parser.rows[28:]
    assert table3[0][0] == (HEADER_LABELS[1], {"colspan": "3", "rowspan": "3"})
    data_rows = table3[3:]
    assert len(data_rows) == len(NATIONAL_ROWS)
    for cells, (key, labels) in zip(data_rows, NATIONAL_ROWS, strict=True):
        numbers = [int(c[0]) for c in cells[-7:]]
        assert numbers == [*(rich_report.count(key, k) for k in KINDS), rich_report.count(key)]
        # the last label cell of each row is its own
        assert cells[-8][0] == labels[-1]
    # 三、本年度办理结果 spans its 22 rows; （三）不予公开 its 8
    assert ("三、本年度办理结果", {"rowspan": "22"}) in data_rows[2]
    assert ("（三）不予公开", {"rowspan": "8"}) in data_rows[4]
    assert len(table4) == 4
    assert [int(c[0]) for c in table4[3]] == [n for g in rich_report.proceedings for n in g.cells()]


def test_markdown_rows_and_numbers(rich_report: AnnualReport) -> None:
    text = rich_report.to_markdown()
    for label in HEADER_LABELS + TABLE4_LABELS:
        assert label in text
    lines = [line for line in text.splitlines() if line.startswith("|")]
    table3 = lines[: 2 + 2 + len(NATIONAL_ROWS)]
    for line, (key, labels) in zip(table3[4:], NATIONAL_ROWS, strict=True):
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert len(cells) == 10
        assert labels[-1] in cells[:3]
        assert [int(c) for c in cells[3:]] == [
            *(rich_report.count(key, k) for k in KINDS),
            rich_report.count(key),
        ]
    last = [c.strip() for c in lines[-1].strip("|").split("|")]
    assert [int(c) for c in last] == [n for g in rich_report.proceedings for n in g.cells()]
    one = rich_report.to_markdown(table=ReportTable.PROCEEDINGS)
    assert "三、收到" not in one
    assert one.startswith("| 行政复议 |")


def test_repr_html(rich_report: AnnualReport) -> None:
    shown = rich_report._repr_html_()
    assert "2025" in shown
    assert "<table" in shown
    assert "四、结转下年度继续办理" in shown


def test_dataframe(rich_report: AnnualReport) -> None:
    pd = pytest.importorskip("pandas")
    frame = rich_report.to_dataframe(table=ReportTable.REQUESTS)
    assert isinstance(frame, pd.DataFrame)
    assert frame.shape == (25, 7)
    assert list(frame.index.get_level_values(0)) == [key for key, _ in NATIONAL_ROWS]
    assert frame.loc["三.3.4"][("法人或其他组织", "科研机构")].item() == rich_report.count(
        "三.3.4", ApplicantKind.RESEARCH_INSTITUTION
    )
    assert frame[("总计", "")].tolist() == [rich_report.count(k) for k, _ in NATIONAL_ROWS]
    frame4 = rich_report.to_dataframe(table=ReportTable.PROCEEDINGS)
    assert frame4.shape == (3, 5)
    assert frame4["尚未审结"].tolist() == [g.pending for g in rich_report.proceedings]


def test_dataframe_without_pandas(
    rich_report: AnnualReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ModuleNotFoundError, match=r"disclosure-flow\[pandas\]"):
        rich_report.to_dataframe(table=ReportTable.REQUESTS)


# ---------------------------------------------------------------------------
# Records and JSON Lines


def test_record_validation() -> None:
    with pytest.raises(InvalidDateError):
        ReportRecord("A", NP, dt.datetime(2025, 1, 1))
    with pytest.raises(InvalidValueError, match="row"):
        ReportRecord("A", NP, D(2025, 1, 1), concluded=D(2025, 1, 2))
    with pytest.raises(InvalidValueError, match="row"):
        ReportRecord("A", NP, D(2025, 1, 1), row=ReportRow.DISCLOSED)
    with pytest.raises(InvalidValueError, match="working_days"):
        ReportRecord("A", NP, D(2025, 1, 1), working_days=-1)
    with pytest.raises(InvalidValueError, match="fee_yuan"):
        ReportRecord("A", NP, D(2025, 1, 1), fee_yuan=1.5)  # type: ignore[arg-type]  # on purpose
    with pytest.raises(InvalidValueError, match="applicant"):
        ReportRecord("A", "NATURAL_PERSON", D(2025, 1, 1))  # a name, not a value
    with pytest.raises(InvalidValueError, match="decided"):
        ProceedingRecord(ProceedingKind.RECONSIDERATION, D(2025, 1, 1), ProceedingResult.UPHELD)
    with pytest.raises(InvalidValueError, match="decided"):
        ProceedingRecord(
            ProceedingKind.RECONSIDERATION, D(2025, 1, 1), ProceedingResult.OTHER, D(2024, 1, 1)
        )
    with pytest.raises(InvalidValueError, match="year"):
        annual_report([], year="2025")  # type: ignore[arg-type]  # on purpose


records_strategy = st.builds(
    lambda cid, kind, d0, gap, row, wd, late, ext, con, fee, procs: ReportRecord(
        cid,
        kind,
        d0,
        concluded=None if row is None else d0 + dt.timedelta(days=gap),
        row=row,
        proceedings=procs,
        working_days=wd,
        overdue_by=late,
        extended=ext,
        consulted=con,
        fee_yuan=fee,
        due=d0 + dt.timedelta(days=28),
    ),
    st.text(min_size=1, max_size=8).filter(str.strip),
    st.sampled_from(KINDS),
    st.dates(D(2019, 1, 1), D(2030, 12, 31)),
    st.integers(0, 100),
    st.one_of(st.none(), st.sampled_from(list(ReportRow))),
    st.one_of(st.none(), st.integers(0, 80)),
    st.one_of(st.none(), st.integers(0, 10)),
    st.booleans(),
    st.booleans(),
    st.integers(0, 10_000),
    st.lists(
        st.builds(
            lambda kind, filed, result, gap: ProceedingRecord(
                kind,
                filed,
                result,
                None if result is ProceedingResult.PENDING else filed + dt.timedelta(days=gap),
            ),
            st.sampled_from(list(ProceedingKind)),
            st.dates(D(2019, 1, 1), D(2030, 12, 31)),
            st.sampled_from(list(ProceedingResult)),
            st.integers(0, 400),
        ),
        max_size=3,
    ).map(tuple),
)


@given(st.lists(records_strategy, max_size=5, unique_by=lambda r: r.case_id))
def test_json_lines_round_trip(records: list[ReportRecord]) -> None:
    out = io.StringIO()
    assert write_records(records, out) == len(records)
    assert len(out.getvalue().splitlines()) == len(records)
    assert list(read_records(io.StringIO(out.getvalue()))) == records
    assert list(read_records(out.getvalue().splitlines())) == records


def test_minimal_line_takes_defaults() -> None:
    line = '{"case_id": "A", "applicant": "natural_person", "received": null}\n'
    assert list(read_records(["\n", line])) == [ReportRecord("A", NP, None)]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"received": "2025/01/02"}, "line 1.received"),
        ({"received": 20250102}, "line 1.received"),
        ({"received": "2025-02-30"}, "line 1.received"),
        ({"applicant": "person"}, "line 1.applicant"),
        ({"row": "三.9"}, "line 1.row"),
        ({"concluded": "2025-03-01"}, "line 1.row"),
        ({"working_days": -3}, "line 1.working_days"),
        ({"fee_yuan": True}, "line 1.fee_yuan"),
        ({"extended": 1}, "line 1.extended"),
        ({"colour": "red"}, "line 1.colour"),
        ({"proceedings": {}}, "line 1.proceedings"),
        (
            {"proceedings": [{"kind": "appeal", "filed": "2025-01-01"}]},
            "line 1.proceedings[0].kind",
        ),
        (
            {
                "proceedings": [
                    {"kind": "reconsideration", "filed": "2025-01-01", "result": "upheld"}
                ]
            },
            "line 1.proceedings[0].decided",
        ),
    ],
)
def test_malformed_lines(change: dict[str, object], path: str) -> None:
    data: dict[str, object] = {
        "case_id": "A",
        "applicant": "natural_person",
        "received": "2025-01-02",
    }
    data.update(change)
    with pytest.raises(SerializationError) as info:
        list(read_records([json.dumps(data)]))
    assert info.value.path == path


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"received": "2025-W01-4"}, "record.received"),  # an ISO week date
        ({"received": "2025-002"}, "record.received"),  # an ordinal date
        ({"received": "２０２５-01-02"}, "record.received"),
        ({"due": "2025-01-02\n"}, "record.due"),
        ({"concluded": "2025-W02-1", "row": "三.1"}, "record.concluded"),
        (
            {"proceedings": [{"kind": "reconsideration", "filed": "2025-W03-1"}]},
            "record.proceedings[0].filed",
        ),
        ({"received": 10**5000}, "record.received"),
        ({"working_days": 10**5000 * -1}, "record.working_days"),
        ({"fee_yuan": float("nan")}, "record.fee_yuan"),
        ({"case_id": [[[[[[]]]]]] * 3}, "record.case_id"),
    ],
)
def test_malformed_record_dicts(change: dict[str, object], path: str) -> None:
    data: dict[str, object] = {
        "case_id": "A",
        "applicant": "natural_person",
        "received": "2025-01-02",
    }
    data.update(change)
    with pytest.raises(SerializationError) as info:
        ReportRecord.from_dict(data)
    assert info.value.path == path
    assert len(str(info.value)) < 300


def test_record_dicts_with_deep_values_are_refused() -> None:
    deep: object = []
    for _ in range(900):
        deep = [deep]

    def down(frames: int) -> SerializationError:
        if frames:
            return down(frames - 1)
        with pytest.raises(SerializationError) as info:
            ReportRecord.from_dict(
                {"case_id": deep, "applicant": "natural_person", "received": None}
            )
        return info.value

    error = down(100)
    assert error.path == "record.case_id"
    str(error), repr(error)


def test_not_json() -> None:
    with pytest.raises(SerializationError) as info:
        list(
            read_records(
                ['{"case_id": "A", "applicant": "natural_person", "received": null}', "{oops"]
            )
        )
    assert info.value.path == "line 2"
    with pytest.raises(SerializationError):
        list(read_records(["[1, 2]"]))


def test_public_classes_have_resolvable_type_hints() -> None:
    for name in report_module.__all__:
        obj = getattr(report_module, name)
        if isinstance(obj, type):
            typing.get_type_hints(obj)


# ---------------------------------------------------------------------------
# From a Case


def _cases_available() -> bool:
    try:
        import disclosure_flow.cases.case  # noqa: F401  # being written by another engineer
    except Exception:  # pragma: no cover - only while case.py is broken
        return False
    return True


case_only = pytest.mark.skipif(not _cases_available(), reason="disclosure_flow.cases.case unusable")


def _new_case(
    case_id: str, kind: ApplicantKind, day: dt.date, channel_name: str = "in_person"
) -> typing.Any:
    from disclosure_flow import WorkdayCalendar
    from disclosure_flow.cases import (
        Case,
        Channel,
        DeliveryMethod,
        InformationRequest,
        ProvisionForm,
    )

    return Case.open(
        case_id,
        applicant=Applicant(kind, "申请人"),
        request=InformationRequest("2024年财政预算", ProvisionForm.PAPER, DeliveryMethod.POST),
        channel=Channel(channel_name),
        received=day,
        calendar=WorkdayCalendar(),
    )


@case_only
def test_record_from_a_replied_case_with_proceedings() -> None:
    from disclosure_flow.cases import (
        ConsultationAnswer,
        ConsultedParty,
        LitigationRoute,
        RemedyResult,
    )

    case = _new_case("C-1", ApplicantKind.COMMERCIAL_ENTERPRISE, D(2025, 3, 3))  # a Monday
    case.start_review(D(2025, 3, 4)).start_processing(D(2025, 3, 5))
    case.consult(D(2025, 3, 6), party=ConsultedParty.OTHER_AGENCY, consultee="财政局")
    case.receive_consultation_answer(
        D(2025, 3, 10), consultee="财政局", answer=ConsultationAnswer.CONSENT
    )
    case.extend(D(2025, 3, 20), days=10, approver="办公室主任")
    case.reply(
        D(2025, 4, 10), outcome=Outcome(OutcomeKind.WITHHELD, OutcomeReason.ADMINISTRATIVE_QUERY)
    )
    case.deliver(D(2025, 4, 11))
    case.file_reconsideration(D(2025, 5, 1))
    case.decide_reconsideration(D(2025, 6, 1), result=RemedyResult.UPHELD)
    case.file_litigation(D(2025, 6, 10), route=LitigationRoute.AFTER_RECONSIDERATION)
    record = record_from_case(case)
    assert record.case_id == "C-1"
    assert record.applicant is ApplicantKind.COMMERCIAL_ENTERPRISE
    assert (record.received, record.concluded) == (D(2025, 3, 3), D(2025, 4, 10))
    assert record.row is ReportRow.WITHHELD_ADMINISTRATIVE_QUERY
    # 4–31 March: 20 working days; 1–10 April without 清明 (4 April): 7; minus the
    # consultation pause (7 and 10 March): 25
    assert record.working_days == 25
    assert record.overdue_by == 0
    assert record.extended
    assert record.consulted
    assert record.fee_yuan == 0
    assert record.due is not None
    assert record.concluded is not None
    assert record.due >= record.concluded
    assert record.proceedings == (
        ProceedingRecord(
            ProceedingKind.RECONSIDERATION, D(2025, 5, 1), ProceedingResult.UPHELD, D(2025, 6, 1)
        ),
        ProceedingRecord(ProceedingKind.LITIGATION_AFTER_RECONSIDERATION, D(2025, 6, 10)),
    )
    other = record_from_case(case, registration_data_row=ReportRow.UNABLE_NOT_HELD)
    assert other.row is ReportRow.UNABLE_NOT_HELD


@case_only
def test_record_from_endings_and_unconfirmed_cases() -> None:
    withdrawn = _new_case("C-2", ApplicantKind.LEGAL_SERVICE_INSTITUTION, D(2025, 12, 29))
    withdrawn.withdraw(D(2026, 1, 5))
    record = record_from_case(withdrawn)
    assert (record.concluded, record.row) == (D(2026, 1, 5), ReportRow.OTHER_OTHER)
    assert record.working_days is None
    assert record.overdue_by is None

    lapsed = _new_case("C-3", NP, D(2025, 3, 3))
    lapsed.start_review(D(2025, 3, 4))
    lapsed.notify_correction(D(2025, 3, 5), items="请明确所需信息的名称", due=D(2025, 3, 20))
    lapsed.correction_lapsed(D(2025, 3, 24))
    record = record_from_case(lapsed)
    assert (record.concluded, record.row) == (D(2025, 3, 24), ReportRow.OTHER_CORRECTION_LAPSED)

    waiting = _new_case("C-4", NP, D(2025, 3, 3), "internet")
    record = record_from_case(waiting)
    assert record.received is None
    assert record.concluded is None
    assert record.due is None

    report = annual_report([record_from_case(c) for c in (withdrawn, lapsed, waiting)], year=2025)
    assert report.count("一") == 2
    assert report.count("四", ApplicantKind.LEGAL_SERVICE_INSTITUTION) == 1
    assert report.count(ReportRow.OTHER_CORRECTION_LAPSED, NP) == 1


def test_groups_and_rows_refuse_unknown_keys(rich_report: AnnualReport) -> None:
    with pytest.raises(InvalidValueError, match="key"):
        rich_report.count("五")
    with pytest.raises(InvalidValueError, match="column"):
        rich_report.count("一", "自然人")  # type: ignore[arg-type]  # on purpose
    with pytest.raises(InvalidValueError, match="kind"):
        rich_report.group("reconsideration")  # type: ignore[arg-type]  # on purpose
    with pytest.raises(InvalidValueError, match="result"):
        ProceedingsGroup(ProceedingKind.RECONSIDERATION).count("upheld")  # type: ignore[arg-type]  # on purpose


def test_an_archived_ending_concludes_on_the_day_it_ended() -> None:
    case = Case.open(
        "2025-ARCH",
        applicant=Applicant(ApplicantKind.NATURAL_PERSON, "申请人"),
        request=InformationRequest("某信息", ProvisionForm.PAPER, DeliveryMethod.POST),
        channel=Channel.IN_PERSON,
        received=dt.date(2025, 12, 1),
        calendar=WorkdayCalendar(),
    )
    case.withdraw(dt.date(2025, 12, 30)).archive(dt.date(2026, 1, 5))
    record = record_from_case(case)
    assert record.concluded == dt.date(2025, 12, 30)  # not the archiving day
    assert annual_report([record], year=2025).count("四") == 0
