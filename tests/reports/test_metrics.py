"""Tests for disclosure_flow.reports.metrics: time to reply, rates, fees, overdue cases.

Expected medians and percentiles are worked out by hand, or by a brute-force
definition written here (not the module's formula).
"""

from __future__ import annotations

import datetime as dt
import json
import typing

import pytest
from hypothesis import given
from hypothesis import strategies as st

import disclosure_flow.reports.metrics as statistics_module
from disclosure_flow.cases import ApplicantKind, ReportRow
from disclosure_flow.errors import InvalidDateError, InvalidValueError
from disclosure_flow.reports import ReportRecord, annual_statistics, overdue_cases

D = dt.date
NP = ApplicantKind.NATURAL_PERSON
LAW = ApplicantKind.LEGAL_SERVICE_INSTITUTION


def replied(
    case_id: str,
    days: int | None,
    *,
    late: int | None = 0,
    row: ReportRow = ReportRow.DISCLOSED,
    applicant: ApplicantKind = NP,
    concluded: dt.date = dt.date(2025, 6, 1),  # a date is immutable
    extended: bool = False,
    consulted: bool = False,
    fee: int = 0,
) -> ReportRecord:
    return ReportRecord(
        case_id,
        applicant,
        D(2025, 5, 1),
        concluded=concluded,
        row=row,
        working_days=days,
        overdue_by=late if days is not None else None,
        extended=extended,
        consulted=consulted,
        fee_yuan=fee,
    )


def test_median_p90_max_by_hand() -> None:
    records = [replied(f"A{n}", n) for n in (7, 3, 10, 1, 9, 2, 8, 4, 6, 5)]
    stats = annual_statistics(records, year=2025)
    overall = stats.overall
    assert (overall.cases, overall.timed) == (10, 10)
    assert overall.median_days == 5.5  # (5 + 6) / 2
    assert overall.p90_days == 9  # 9 of the 10 values are <= 9
    assert overall.max_days == 10
    assert overall.small is False


def test_p90_of_twenty_and_of_one() -> None:
    stats = annual_statistics([replied(f"A{n}", n) for n in range(1, 21)], year=2025)
    assert stats.overall.p90_days == 18
    assert stats.overall.median_days == 10.5
    one = annual_statistics([replied("A", 12)], year=2025).overall
    assert (one.median_days, one.p90_days, one.max_days, one.small) == (12.0, 12, 12, True)


def test_small_groups_are_flagged_not_hidden() -> None:
    records = [replied(f"N{n}", n) for n in range(5)]
    records += [replied(f"L{n}", 30 + n, applicant=LAW) for n in range(4)]
    stats = annual_statistics(records, year=2025)
    by_kind = {g.key: g for g in stats.by_applicant}
    assert by_kind["natural_person"].small is False
    law = by_kind["legal_service_institution"]
    assert law.small is True
    assert (law.cases, law.max_days, law.label_zh) == (4, 33, "法人或其他组织 法律服务机构")
    empty = by_kind["research_institution"]
    assert (empty.cases, empty.median_days, empty.on_time_rate, empty.small) == (
        0,
        None,
        None,
        True,
    )


def test_groups_by_outcome_in_order() -> None:
    records = [
        replied("A", 4, row=ReportRow.DISCLOSED),
        replied("B", 6, row=ReportRow.WITHHELD_THIRD_PARTY_RIGHTS),
        replied("C", 8, row=ReportRow.WITHHELD_STATE_SECRET),
        replied("D", None, row=ReportRow.OTHER_CORRECTION_LAPSED),
    ]
    stats = annual_statistics(records, year=2025)
    assert [g.key for g in stats.by_outcome] == ["三.1", "三.2", "三.3", "三.4", "三.5", "三.6"]
    assert [g.label_zh for g in stats.by_outcome][:3] == [
        "（一）予以公开",
        "（二）部分公开",
        "（三）不予公开",
    ]
    withheld = stats.by_outcome[2]
    assert (withheld.cases, withheld.median_days, withheld.max_days) == (2, 7.0, 8)
    other = stats.by_outcome[5]
    assert (other.cases, other.timed, other.median_days) == (1, 0, None)
    assert stats.overall.cases == 4
    assert stats.overall.timed == 3


def test_rates() -> None:
    records = [
        replied("A", 10, late=0, extended=True, consulted=True),
        replied("B", 25, late=3, extended=True),
        replied("C", 5, late=0),
        replied("D", 7, late=0),
        replied("E", None, row=ReportRow.OTHER_OTHER),
    ]
    overall = annual_statistics(records, year=2025).overall
    assert overall.on_time_rate == 3 / 4
    assert overall.extension_rate == 2 / 5
    assert overall.consultation_rate == 1 / 5


def test_population_is_concluded_in_the_year_with_day_0() -> None:
    records = [
        replied("in", 3),
        replied("before", 3, concluded=D(2024, 12, 31)),
        replied("after", 3, concluded=D(2026, 1, 1)),
        ReportRecord("open", NP, D(2025, 5, 1)),
        ReportRecord("unconfirmed", NP, None, concluded=D(2025, 6, 1), row=ReportRow.OTHER_OTHER),
    ]
    assert annual_statistics(records, year=2025).overall.cases == 1
    assert annual_statistics(records, year=2026).overall.cases == 1


def test_fees() -> None:
    records = [
        replied("A", 3, fee=300),
        replied("B", 3, fee=0),
        replied("C", 3, fee=4700),
        replied("D", 3, fee=100, concluded=D(2024, 6, 1)),
    ]
    stats = annual_statistics(records, year=2025)
    assert (stats.fee_cases, stats.fee_total_yuan) == (2, 5000)


def test_to_dict_is_json() -> None:
    stats = annual_statistics([replied("A", 3)], year=2025)
    data = json.loads(json.dumps(stats.to_dict(), ensure_ascii=False))
    assert data["overall"]["median_days"] == 3.0
    assert len(data["by_outcome"]) == 6
    assert len(data["by_applicant"]) == 6


def test_year_is_checked() -> None:
    with pytest.raises(InvalidValueError, match="year"):
        annual_statistics([], year=2025.0)  # type: ignore[arg-type]  # on purpose


def _brute_p90(values: list[int]) -> int:
    n = len(values)
    return min(v for v in values if sum(1 for x in values if x <= v) * 10 >= 9 * n)


def _brute_median(values: list[int]) -> float:
    ordered = sorted(values)
    lower = ordered[(len(ordered) - 1) // 2]
    upper = ordered[len(ordered) // 2]
    return (lower + upper) / 2


@given(st.lists(st.integers(0, 120), min_size=1, max_size=60))
def test_property_p90_median_max(values: list[int]) -> None:
    records = [replied(f"A{i}", v) for i, v in enumerate(values)]
    overall = annual_statistics(records, year=2025).overall
    assert overall.p90_days == _brute_p90(values)
    assert overall.median_days == _brute_median(values)
    assert overall.max_days == max(values)
    assert overall.small is (len(values) < 5)


# ---------------------------------------------------------------------------
# Overdue cases


def test_overdue_cases_as_of_a_date() -> None:
    as_of = D(2025, 7, 1)
    records = [
        ReportRecord("late-open", NP, D(2025, 5, 1), due=D(2025, 5, 29)),
        ReportRecord("late-older", LAW, D(2025, 4, 1), due=D(2025, 4, 29)),
        # concluded after as_of: it was still open on as_of
        ReportRecord(
            "late-then-replied",
            NP,
            D(2025, 5, 2),
            concluded=D(2025, 7, 10),
            row=ReportRow.DISCLOSED,
            due=D(2025, 5, 30),
        ),
        # due on as_of itself: not yet overdue
        ReportRecord("due-today", NP, D(2025, 6, 1), due=as_of),
        # replied (late) before as_of: counted by the on-time rate, not listed
        ReportRecord(
            "replied-late",
            NP,
            D(2025, 4, 1),
            concluded=D(2025, 6, 1),
            row=ReportRow.DISCLOSED,
            due=D(2025, 4, 29),
        ),
        # deadline open (paused or awaiting correction)
        ReportRecord("paused", NP, D(2025, 3, 1)),
        # received after as_of
        ReportRecord("future", NP, D(2025, 7, 2), due=D(2025, 6, 1)),
        ReportRecord("unconfirmed", NP, None, due=D(2025, 6, 1)),
    ]
    found = overdue_cases(records, as_of=as_of)
    assert [c.case_id for c in found] == ["late-older", "late-open", "late-then-replied"]
    assert found[0].applicant is LAW
    assert found[0].due == D(2025, 4, 29)
    with pytest.raises(InvalidDateError):
        overdue_cases(records, as_of=dt.datetime(2025, 7, 1))


def test_public_classes_have_resolvable_type_hints() -> None:
    for name in statistics_module.__all__:
        obj = getattr(statistics_module, name)
        if isinstance(obj, type):
            typing.get_type_hints(obj)
