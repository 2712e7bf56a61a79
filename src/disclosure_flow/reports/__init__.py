"""Reports (统计与报告): the annual report, statistics, the watchlist, DataFrames.

The top layer below the interfaces:

- :mod:`~disclosure_flow.reports.records` — one flat record per case, the input of
  every report (JSON Lines on disk), and :func:`record_from_case`;
- :mod:`~disclosure_flow.reports.annual` — the annual report's tables 三 and 四 of the national
  format, checked against their own balance, with their exports;
- :mod:`~disclosure_flow.reports.layout` — the national tables' cells with their spans, one
  layout for the HTML, Markdown and .xlsx writers;
- :mod:`~disclosure_flow.reports.workbook` — the tables as an Excel workbook (optional
  extra ``xlsx``);
- :mod:`~disclosure_flow.reports.metrics` — statistics beyond the annual report;
- :mod:`~disclosure_flow.reports.supervision` — what a supervisor looks at today;
- :mod:`~disclosure_flow.reports.changes` — what a new calendar changes in the cases;
- :mod:`~disclosure_flow.reports.frames` — many cases as one pandas table (optional
  extra ``pandas``).

A report needs no calendar internals and no case internals: it reads records.
"""

from __future__ import annotations

from disclosure_flow.reports.annual import (
    REPORT_SCHEMA,
    AnnualReport,
    ProceedingsGroup,
    ReportTable,
    RequestsRow,
    annual_report,
)
from disclosure_flow.reports.changes import CaseChanges, DeadlineChange, read_cases, recompute
from disclosure_flow.reports.frames import case_rows, cases_to_dataframe
from disclosure_flow.reports.metrics import (
    SMALL_GROUP,
    AnnualStatistics,
    GroupStatistics,
    OverdueCase,
    annual_statistics,
    overdue_cases,
)
from disclosure_flow.reports.records import (
    ProceedingKind,
    ProceedingRecord,
    ProceedingResult,
    ReportRecord,
    read_records,
    record_from_case,
    records_from_case,
    write_records,
)
from disclosure_flow.reports.supervision import (
    DEFAULT_STALLED_AFTER,
    Attention,
    PeriodAlert,
    ReplyClock,
    WatchItem,
    Watchlist,
    reply_clock,
    watch,
    watch_items,
    watchlist,
)

__all__ = [
    "DEFAULT_STALLED_AFTER",
    "REPORT_SCHEMA",
    "SMALL_GROUP",
    "AnnualReport",
    "AnnualStatistics",
    "Attention",
    "CaseChanges",
    "DeadlineChange",
    "GroupStatistics",
    "OverdueCase",
    "PeriodAlert",
    "ProceedingKind",
    "ProceedingRecord",
    "ProceedingResult",
    "ProceedingsGroup",
    "ReplyClock",
    "ReportRecord",
    "ReportTable",
    "RequestsRow",
    "WatchItem",
    "Watchlist",
    "annual_report",
    "annual_statistics",
    "case_rows",
    "cases_to_dataframe",
    "overdue_cases",
    "read_cases",
    "read_records",
    "recompute",
    "record_from_case",
    "records_from_case",
    "reply_clock",
    "watch",
    "watch_items",
    "watchlist",
    "write_records",
]
