"""Statistics beyond the annual report (办理情况统计): time to reply, rates, fees, overdue.

Read from the same flat :class:`~disclosure_flow.reports.annual.ReportRecord` values as the
report, so no calendar is needed: the working days are counted when the record is made.

**Population.** :func:`annual_statistics` looks at the records with a day 0 whose
concluding event falls in the year (the cases of 三(七) of the report), grouped by
outcome group （一）–（六） and by applicant kind, and overall. In each group:

- ``cases``: the records in the group;
- time to reply (答复用时): working days from day 0 to the reply, net of pauses, over
  the records that have it (``timed``; endings without a reply have none): median
  (the mean of the two middle values for an even count), 90th percentile (nearest
  rank: the smallest value with at least 90 % of the values at or below it), maximum;
- on-time rate (按期答复率): replies with ``overdue_by == 0`` among those with
  ``overdue_by`` known;
- extension rate (延期率) and consultation rate (征求意见率): among ``cases``;
- ``small``: fewer than :data:`SMALL_GROUP` cases. Small groups are flagged, not
  hidden: their numbers are shown, but a percentage of three cases says little, and
  may point at a person.

Fees (信息处理费) are summed over the same population. :func:`overdue_cases` lists the
cases still open on a date after their deadline, for a supervisor's dashboard.

>>> import datetime as dt
>>> from disclosure_flow.cases.applicants import ApplicantKind
>>> from disclosure_flow.cases.outcomes import ReportRow
>>> from disclosure_flow.reports.annual import ReportRecord
>>> from disclosure_flow.reports.metrics import annual_statistics
>>> records = [
...     ReportRecord(f"A-{n}", ApplicantKind.NATURAL_PERSON, dt.date(2025, 3, 3),
...                  concluded=dt.date(2025, 4, 1), row=ReportRow.DISCLOSED,
...                  working_days=n, overdue_by=0)
...     for n in (5, 10, 20)
... ]
>>> stats = annual_statistics(records, year=2025)
>>> stats.overall.median_days, stats.overall.p90_days, stats.overall.small
(10.0, 20, True)
"""

from __future__ import annotations

import datetime as _dt
import math
import statistics as _statistics
from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs

from disclosure_flow.cases import ApplicantKind, OutcomeKind
from disclosure_flow.dates import check_date
from disclosure_flow.errors import InvalidValueError, Wording
from disclosure_flow.reports.annual import ReportRecord

__all__ = [
    "SMALL_GROUP",
    "AnnualStatistics",
    "GroupStatistics",
    "OverdueCase",
    "annual_statistics",
    "overdue_cases",
]

#: A group with fewer cases than this is flagged ``small`` (小样本).
SMALL_GROUP: Final = 5


@attrs.frozen
class GroupStatistics:
    """The statistics of one group of concluded cases (分组统计).

    Attributes:
        key: ``"all"``, an outcome group's key (``"三.1"`` … ``"三.6"``) or an
            applicant kind's value (``"natural_person"`` …).
        label_zh: ``"全部"``, e.g. ``"（一）予以公开"``, or e.g. ``"自然人"``.
        cases: records concluded in the year in the group (办结件数).
        timed: of which with the working days to the reply known (有答复用时的件数).
        median_days: median working days to the reply (中位数), ``None`` if none.
        p90_days: 90th percentile, nearest rank (90分位数), ``None`` if none.
        max_days: the longest (最长), ``None`` if none.
        on_time_rate: share of replies on time (按期答复率), 0–1, ``None`` if none.
        extension_rate: share of cases extended (延期率), 0–1, ``None`` if no case.
        consultation_rate: share of cases consulted (征求意见率), 0–1, ``None`` if no case.
        small: fewer than :data:`SMALL_GROUP` cases (小样本): shown, but read with care.
    """

    key: str
    label_zh: str
    cases: int
    timed: int
    median_days: float | None
    p90_days: int | None
    max_days: int | None
    on_time_rate: float | None
    extension_rate: float | None
    consultation_rate: float | None
    small: bool

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict."""
        return attrs.asdict(self)


@attrs.frozen
class AnnualStatistics:
    """The statistics of the cases concluded in one year (年度办理情况统计).

    Attributes:
        year: the year.
        overall: all cases concluded in the year.
        by_outcome: one group per outcome group （一）–（六）, in order (empty groups
            included).
        by_applicant: one group per applicant kind, in the report's column order.
        fee_cases: cases with a fee collected (收费件数).
        fee_total_yuan: fees collected in total, yuan (收费总额，元).
    """

    year: int
    overall: GroupStatistics
    by_outcome: tuple[GroupStatistics, ...]
    by_applicant: tuple[GroupStatistics, ...]
    fee_cases: int
    fee_total_yuan: int

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict."""
        return {
            "year": self.year,
            "overall": self.overall.to_dict(),
            "by_outcome": [g.to_dict() for g in self.by_outcome],
            "by_applicant": [g.to_dict() for g in self.by_applicant],
            "fee_cases": self.fee_cases,
            "fee_total_yuan": self.fee_total_yuan,
        }


@attrs.frozen
class OverdueCase:
    """A case open after its deadline (逾期未办结的申请).

    Attributes:
        case_id: the case.
        applicant: the applicant's kind.
        received: day 0.
        due: the deadline that passed (答复期限).
    """

    case_id: str
    applicant: ApplicantKind
    received: _dt.date
    due: _dt.date


def _percentile_nearest_rank(ordered: Sequence[int], percent: int) -> int:
    rank = max(1, math.ceil(percent * len(ordered) / 100))
    return ordered[rank - 1]


def _rate(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole


def _group(key: str, label: str, records: Sequence[ReportRecord]) -> GroupStatistics:
    days = sorted(r.working_days for r in records if r.working_days is not None)
    judged = [r.overdue_by for r in records if r.overdue_by is not None]
    return GroupStatistics(
        key=key,
        label_zh=label,
        cases=len(records),
        timed=len(days),
        median_days=float(_statistics.median(days)) if days else None,
        p90_days=_percentile_nearest_rank(days, 90) if days else None,
        max_days=days[-1] if days else None,
        on_time_rate=_rate(sum(1 for n in judged if n == 0), len(judged)),
        extension_rate=_rate(sum(1 for r in records if r.extended), len(records)),
        consultation_rate=_rate(sum(1 for r in records if r.consulted), len(records)),
        small=len(records) < SMALL_GROUP,
    )


def annual_statistics(records: Iterable[ReportRecord], *, year: int) -> AnnualStatistics:
    """Statistics of the records concluded in *year* (see the module documentation).

    Raises:
        InvalidValueError: *year* is not an int year.
    """
    if type(year) is not int or not 1 <= year <= 9999:
        raise InvalidValueError(
            "year", year, Wording("an int year between 1 and 9999", "1 至 9999 之间的整数年份")
        )
    concluded = [
        r
        for r in records
        if r.received is not None and r.concluded is not None and r.concluded.year == year
    ]
    by_kind: dict[OutcomeKind, list[ReportRecord]] = {k: [] for k in OutcomeKind}
    by_applicant: dict[ApplicantKind, list[ReportRecord]] = {k: [] for k in ApplicantKind}
    for r in concluded:
        assert r.row is not None  # ReportRecord: set exactly when concluded is
        by_kind[r.row.kind].append(r)
        by_applicant[r.applicant].append(r)
    fees = [r.fee_yuan for r in concluded if r.fee_yuan > 0]
    return AnnualStatistics(
        year=year,
        overall=_group("all", "全部", concluded),
        by_outcome=tuple(
            _group(k.key, f"{k.ordinal_zh}{k.label_zh}", rs) for k, rs in by_kind.items()
        ),
        by_applicant=tuple(
            _group(k.value, _applicant_label(k), rs) for k, rs in by_applicant.items()
        ),
        fee_cases=len(fees),
        fee_total_yuan=sum(fees),
    )


def _applicant_label(kind: ApplicantKind) -> str:
    return f"{kind.group_label_zh} {kind.label_zh}" if kind.is_organization else kind.label_zh


def overdue_cases(records: Iterable[ReportRecord], *, as_of: _dt.date) -> tuple[OverdueCase, ...]:
    """The cases open at the end of *as_of* whose deadline was before it (逾期未办结),
    oldest deadline first.

    A case is open on *as_of* if it has a day 0 on or before it and was not concluded
    by it. A case whose deadline is unknown (``due`` is ``None``: paused, awaiting a
    correction) is not listed. A late reply is not listed here: it is counted by the
    on-time rate.

    Raises:
        InvalidDateError: *as_of* is not a ``datetime.date``.
    """
    as_of = check_date(as_of, "as_of")
    found = [
        OverdueCase(r.case_id, r.applicant, r.received, r.due)
        for r in records
        if r.received is not None
        and r.received <= as_of
        and (r.concluded is None or r.concluded > as_of)
        and r.due is not None
        and r.due < as_of
    ]
    found.sort(key=lambda c: (c.due, c.case_id))
    return tuple(found)
