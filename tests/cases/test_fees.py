"""Tests for disclosure_flow.cases.fees: SPEC §7 (国办函〔2020〕109号).

Reference prices are computed here unit by unit from SPEC §7's wording (the price
of the n-th item, the price of the p-th page), independently of the band arithmetic
in the module; the fixed examples are worked by hand in the comments.
"""

from __future__ import annotations

import datetime as dt
import typing

import pytest
from hypothesis import given
from hypothesis import strategies as st

import disclosure_flow.cases.fees as fees_module
from disclosure_flow.cases import (
    DEFAULT_FEE_SCHEDULE,
    FeeBand,
    FeeMethod,
    FeeSchedule,
    MonthlyTally,
    PerItemRule,
    VolumeTier,
    per_item_fee,
    per_volume_fee,
)
from disclosure_flow.errors import InvalidDateError, InvalidValueError


def item_price(n: int) -> int:
    """SPEC §7: items 1–10 free; 11–30 ¥100; from 31, each band of 10 ¥100 dearer."""
    if n <= 10:
        return 0
    if n <= 30:
        return 100
    return 100 + 100 * ((n - 31) // 10 + 1)


def page_price(p: int) -> int:
    """SPEC §7: pages 1–30 free; 31–100 ¥10; 101–200 ¥20; 201+ ¥40."""
    if p <= 30:
        return 0
    if p <= 100:
        return 10
    if p <= 200:
        return 20
    return 40


def test_spec_examples() -> None:
    # 35 items: 11–30 are 20 × ¥100 = ¥2,000; 31–35 are 5 × ¥200 = ¥1,000; ¥3,000.
    assert per_item_fee(35).total == 3000
    # 250 pages: 31–100 70 × ¥10 = ¥700; 101–200 100 × ¥20 = ¥2,000;
    # 201–250 50 × ¥40 = ¥2,000; ¥4,700.
    assert per_volume_fee(250).total == 4700


@pytest.mark.parametrize(
    ("items", "total"),
    [
        (0, 0),
        (10, 0),
        (11, 100),
        (30, 2000),  # 20 × 100
        (31, 2200),  # + 200
        (40, 4000),  # 2000 + 10 × 200
        (41, 4300),  # + 300
        (50, 7000),  # 4000 + 10 × 300
        (51, 7400),  # + 400
    ],
)
def test_per_item_band_edges(items: int, total: int) -> None:
    assert per_item_fee(items).total == total


@pytest.mark.parametrize(
    ("pages", "total"),
    [
        (0, 0),
        (30, 0),
        (31, 10),
        (100, 700),  # 70 × 10
        (101, 720),
        (200, 2700),  # 700 + 100 × 20
        (201, 2740),
    ],
)
def test_per_volume_tier_edges(pages: int, total: int) -> None:
    assert per_volume_fee(pages).total == total


def test_breakdown_is_itemised() -> None:
    fee = per_item_fee(35)
    assert fee.method is FeeMethod.PER_ITEM
    assert fee.bands == (FeeBand(1, 10, 0), FeeBand(11, 30, 100), FeeBand(31, 35, 200))
    assert [(b.count, b.amount) for b in fee.bands] == [(10, 0), (20, 2000), (5, 1000)]
    assert per_volume_fee(250).describe_zh() == (
        "按量计收：第1—30页 30页×0元=0元；第31—100页 70页×10元=700元；"
        "第101—200页 100页×20元=2000元；第201—250页 50页×40元=2000元；合计4700元"
    )


def test_the_eleventh_item_of_the_month_costs_even_as_first_of_its_request() -> None:
    fee = per_item_fee(1, already_this_month=10)
    assert fee.total == 100
    assert fee.bands == (FeeBand(11, 11, 100),)


@given(st.integers(0, 400))
def test_per_item_matches_the_unit_by_unit_reference(items: int) -> None:
    assert per_item_fee(items).total == sum(item_price(n) for n in range(1, items + 1))


@given(st.integers(0, 1000))
def test_per_volume_matches_the_unit_by_unit_reference(pages: int) -> None:
    assert per_volume_fee(pages).total == sum(page_price(p) for p in range(1, pages + 1))


@given(st.integers(0, 2000), st.integers(0, 2000))
def test_bands_cover_exactly_the_units(already: int, items: int) -> None:
    fee = per_item_fee(items, already_this_month=already)
    assert sum(b.count for b in fee.bands) == items
    expected_first = already + 1
    for band in fee.bands:
        assert band.first == expected_first
        expected_first = band.last + 1


@given(st.integers(0, 5000))
def test_fees_are_monotone_in_the_count(n: int) -> None:
    assert per_item_fee(n + 1).total >= per_item_fee(n).total
    assert per_volume_fee(n + 1).total >= per_volume_fee(n).total


@given(st.integers(0, 5000))
def test_per_volume_is_continuous_piecewise_linear(pages: int) -> None:
    # One more page adds exactly that page's price: no jump at a tier boundary.
    step = per_volume_fee(pages + 1).total - per_volume_fee(pages).total
    assert step == page_price(pages + 1)


# -- the one method of a request ------------------------------------------------------


def test_fee_dispatches_on_the_one_method() -> None:
    assert DEFAULT_FEE_SCHEDULE.fee(FeeMethod.PER_ITEM, 35).total == 3000
    assert DEFAULT_FEE_SCHEDULE.fee(FeeMethod.PER_VOLUME, 250).total == 4700
    with pytest.raises(InvalidValueError) as info:
        DEFAULT_FEE_SCHEDULE.fee(FeeMethod.PER_VOLUME, 250, already_this_month=3)
    assert info.value.field == "already_this_month"
    with pytest.raises(InvalidValueError) as info:
        DEFAULT_FEE_SCHEDULE.fee("PER_ITEM", 3)  # a name, not a value
    assert info.value.field == "method"


def test_method_labels() -> None:
    assert [(m.label_zh, m.unit_zh) for m in FeeMethod] == [("按件计收", "件"), ("按量计收", "页")]


@pytest.mark.parametrize("bad", [-1, 1.5, True, "3", None])
def test_counts_must_be_non_negative_ints(bad: object) -> None:
    with pytest.raises(InvalidValueError):
        per_item_fee(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        per_volume_fee(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        per_item_fee(1, already_this_month=bad)  # type: ignore[arg-type]


# -- the schedule ----------------------------------------------------------------------


def test_every_number_has_its_source() -> None:
    schedule = DEFAULT_FEE_SCHEDULE
    assert "国办函〔2020〕109号" in schedule.per_item.source
    assert all("国办函〔2020〕109号" in tier.source for tier in schedule.per_volume)


def test_a_host_schedule_is_used() -> None:
    cheaper = FeeSchedule(
        name="示例",
        per_item=PerItemRule(20, 40, 50, 5, 50, source="示例"),
        per_volume=(VolumeTier(1, 50, 0, "示例"), VolumeTier(51, None, 5, "示例")),
    )
    # Items 21–40 at ¥50 (20 × 50 = 1000), 41–45 at ¥100 (5 × 100 = 500).
    assert per_item_fee(45, schedule=cheaper).total == 1500
    # Pages 51–60 at ¥5.
    assert per_volume_fee(60, schedule=cheaper).total == 50


@pytest.mark.parametrize(
    "tiers",
    [
        (),
        (VolumeTier(1, 30, 0, "s"),),  # no open tier
        (VolumeTier(2, None, 0, "s"),),  # does not start at page 1
        (VolumeTier(1, 30, 0, "s"), VolumeTier(32, None, 10, "s")),  # gap
        (VolumeTier(1, None, 0, "s"), VolumeTier(31, None, 10, "s")),  # open tier not last
    ],
)
def test_schedule_refuses_bad_tiers(tiers: tuple[VolumeTier, ...]) -> None:
    with pytest.raises(InvalidValueError) as info:
        FeeSchedule("x", DEFAULT_FEE_SCHEDULE.per_item, tiers)
    assert info.value.field == "per_volume"


def test_per_item_rule_refuses_a_first_band_inside_the_free_items() -> None:
    with pytest.raises(InvalidValueError) as info:
        PerItemRule(10, 10, 100, 10, 100, source="s")
    assert info.value.field == "first_band_last"


# -- the monthly tally -----------------------------------------------------------------

MARCH_2 = dt.date(2026, 3, 2)
MARCH_31 = dt.date(2026, 3, 31)
APRIL_1 = dt.date(2026, 4, 1)


def test_tally_prices_the_marginal_items() -> None:
    tally = MonthlyTally().record("A", MARCH_2, 8)
    tally, fee = tally.charge("A", MARCH_31, 5)  # items 9–13: 9, 10 free; 11–13 ¥100
    assert fee.total == 300
    assert fee.already_counted == 8
    assert tally.count("A", MARCH_2) == 13


def test_tally_counts_per_applicant_and_natural_month() -> None:
    tally = MonthlyTally().record("A", MARCH_31, 30)
    assert tally.quote("A", MARCH_31, 1).total == 200  # the 31st item
    assert tally.quote("A", APRIL_1, 1).total == 0  # a new month starts at item 1
    assert tally.quote("B", MARCH_31, 1).total == 0  # another applicant
    assert tally.quote("A", dt.date(2027, 3, 1), 1).total == 0  # same month, next year


def test_tally_is_immutable() -> None:
    empty = MonthlyTally()
    recorded = empty.record("A", MARCH_2, 3)
    assert empty.count("A", MARCH_2) == 0
    assert recorded.count("A", MARCH_2) == 3
    with pytest.raises(TypeError):
        recorded.counts[("A", 2026, 3)] = 0  # type: ignore[index]


def test_tally_repr_hides_the_applicant_keys() -> None:
    tally = MonthlyTally().record("11010519491231002X", MARCH_2, 3)
    assert "11010519491231002X" not in repr(tally)
    assert "3 items" in repr(tally)


def test_tally_refuses_bad_input() -> None:
    with pytest.raises(InvalidDateError):
        MonthlyTally().record("A", dt.datetime(2026, 3, 2, 9, 0), 1)
    with pytest.raises(InvalidValueError):
        MonthlyTally().record("", MARCH_2, 1)
    with pytest.raises(InvalidValueError):
        MonthlyTally().record("A", MARCH_2, -1)


@given(st.lists(st.integers(0, 40), max_size=12))
def test_any_split_of_a_month_costs_the_same_as_one_request(split: list[int]) -> None:
    tally = MonthlyTally()
    paid = 0
    for items in split:
        tally, fee = tally.charge("A", MARCH_2, items)
        paid += fee.total
    assert paid == per_item_fee(sum(split)).total
    assert tally.count("A", MARCH_31) == sum(split)


@given(
    st.lists(
        st.tuples(st.sampled_from("AB"), st.sampled_from([MARCH_2, APRIL_1]), st.integers(0, 25))
    )
)
def test_from_requests_equals_recording_one_by_one(
    requests: list[tuple[str, dt.date, int]],
) -> None:
    tally = MonthlyTally()
    for applicant, day, items in requests:
        tally = tally.record(applicant, day, items)
    assert MonthlyTally.from_requests(requests) == tally


def test_schedule_refuses_a_wrong_per_item_rule_or_tiers() -> None:
    with pytest.raises(InvalidValueError) as info:
        FeeSchedule("x", "10 free", DEFAULT_FEE_SCHEDULE.per_volume)  # type: ignore[arg-type]
    assert info.value.field == "per_item"
    with pytest.raises(InvalidValueError) as info:
        FeeSchedule("x", DEFAULT_FEE_SCHEDULE.per_item, 30)  # type: ignore[arg-type]
    assert info.value.field == "per_volume"


@pytest.mark.parametrize("name", [n for n in fees_module.__all__ if n != "DEFAULT_FEE_SCHEDULE"])
def test_public_names_have_resolvable_type_hints(name: str) -> None:
    typing.get_type_hints(getattr(fees_module, name))
