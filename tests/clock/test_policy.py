"""Tests for disclosure_flow.clock.policy: the legal numbers, the presets, validation."""

from __future__ import annotations

import doctest
import typing

import attrs
import pytest

from disclosure_flow import DisclosureFlowError, InvalidValueError
from disclosure_flow.clock import (
    R2008,
    R2019,
    DayZero,
    LateActs,
    LegalPeriod,
    PauseBounds,
    PauseReason,
    PeriodUnit,
    Policy,
    RemedyLastDay,
)
from disclosure_flow.clock import policy as policy_module


def _length(period: LegalPeriod | None) -> int | None:
    return None if period is None else period.length


def test_r2019_numbers_as_in_order_711() -> None:
    # SPEC §4, R2019 column: 20 + 20, correction 7, consultations 15, fee 20, proactive 20.
    assert _length(R2019.reply_period) == 20
    assert _length(R2019.extension_cap) == 20
    assert _length(R2019.correction_notice_period) == 7
    assert _length(R2019.third_party_answer_period) == 15
    assert _length(R2019.inter_agency_answer_period) == 15
    assert _length(R2019.fee_payment_period) == 20
    assert _length(R2019.proactive_publication_period) == 20
    assert R2019.excluded_pauses == {
        PauseReason.THIRD_PARTY,
        PauseReason.INTER_AGENCY,
        PauseReason.FEE,
    }
    assert R2019.delayed_deadline_article is not None
    assert "Art. 35" in R2019.delayed_deadline_article


def test_r2008_numbers_as_in_order_492() -> None:
    # SPEC §4, R2008 column: 15 + 15, no correction period, only third-party time excluded.
    assert _length(R2008.reply_period) == 15
    assert _length(R2008.extension_cap) == 15
    assert R2008.correction_notice_period is None
    assert R2008.third_party_answer_period is None
    assert R2008.inter_agency_answer_period is None
    assert R2008.fee_payment_period is None
    assert _length(R2008.proactive_publication_period) == 20
    assert R2008.excluded_pauses == {PauseReason.THIRD_PARTY}
    assert R2008.delayed_deadline_article is None


@pytest.mark.parametrize("policy", [R2019, R2008])
def test_remedies_are_calendar_periods(policy: Policy) -> None:
    # SPEC §8: 60 days and 6 months, not working days.
    assert policy.reconsideration_period == LegalPeriod(
        60, PeriodUnit.DAYS, policy.reconsideration_period.article
    )
    assert policy.litigation_period.length == 6
    assert policy.litigation_period.unit is PeriodUnit.MONTHS


@pytest.mark.parametrize("policy", [R2019, R2008])
def test_every_period_names_its_source(policy: Policy) -> None:
    for field in attrs.fields(Policy):
        value = getattr(policy, field.name)
        if isinstance(value, LegalPeriod):
            assert value.article.strip(), field.name


@pytest.mark.parametrize("policy", [R2019, R2008])
def test_conventions_default_as_spec(policy: Policy) -> None:
    assert policy.day_zero is DayZero.NOT_COUNTED
    assert policy.pause_bounds is PauseBounds.AFTER_START_TO_END
    assert policy.late_acts is LateActs.REFUSE
    assert policy.remedy_last_day is RemedyLastDay.NEXT_WORKDAY


def test_presets_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        R2019.name = "x"  # type: ignore[misc]  # the point of the test


def test_a_custom_policy_by_evolve() -> None:
    local = attrs.evolve(
        R2019,
        name="某省",
        reply_period=LegalPeriod.working_days(15, "某省规定第5条"),
        late_acts=LateActs.RECORD,
    )
    assert local.reply_period.length == 15
    assert local.extension_cap == R2019.extension_cap
    assert local.late_acts is LateActs.RECORD


def test_excluded_pauses_accepts_any_iterable_of_reasons() -> None:
    policy = attrs.evolve(R2019, excluded_pauses=[PauseReason.FEE])
    assert policy.excluded_pauses == frozenset({PauseReason.FEE})
    assert policy.excludes(PauseReason.FEE)
    assert not policy.excludes(PauseReason.THIRD_PARTY)


@pytest.mark.parametrize("length", [-1, -20, 1.5, "20", True, None])
def test_legal_period_refuses_bad_lengths(length: object) -> None:
    with pytest.raises(InvalidValueError) as info:
        LegalPeriod(length, PeriodUnit.WORKING_DAYS, "Art. 1")  # type: ignore[arg-type]
    assert info.value.field == "LegalPeriod.length"
    assert info.value.value == length


def test_legal_period_refuses_unknown_unit_and_empty_article() -> None:
    with pytest.raises(InvalidValueError, match="unit"):
        LegalPeriod(20, "WORKING_DAYS", "Art. 33")  # a member's name, not its value
    with pytest.raises(InvalidValueError, match="article"):
        LegalPeriod(20, PeriodUnit.WORKING_DAYS, " ")


@pytest.mark.parametrize(
    ("field", "value", "match"),
    [
        ("reply_period", LegalPeriod.working_days(0, "x"), ">= 1"),
        ("reply_period", None, "LegalPeriod"),
        ("reply_period", 20, "LegalPeriod"),
        ("extension_cap", LegalPeriod(20, PeriodUnit.DAYS, "x"), "unit"),
        ("correction_notice_period", LegalPeriod.working_days(0, "x"), ">= 1"),
        ("litigation_period", LegalPeriod.working_days(6, "x"), "unit"),
        ("excluded_pauses", PauseReason.FEE, "set of PauseReason"),
        ("excluded_pauses", {"FEE"}, "PauseReason"),
        ("day_zero", "NOT_COUNTED", "DayZero"),
        ("pause_bounds", "(s, e", "PauseBounds"),
        ("late_acts", True, "LateActs"),
        ("remedy_last_day", None, "RemedyLastDay"),
        ("name", "", "non-empty"),
        ("delayed_deadline_article", "", "non-empty"),
    ],
)
def test_policy_refuses_bad_values(field: str, value: object, match: str) -> None:
    with pytest.raises(InvalidValueError, match=match) as info:
        attrs.evolve(R2019, **{field: typing.cast(typing.Any, value)})
    assert isinstance(info.value, DisclosureFlowError)
    assert isinstance(info.value, ValueError)


def test_extension_cap_zero_forbids_extensions_but_is_valid() -> None:
    policy = attrs.evolve(R2019, extension_cap=LegalPeriod.working_days(0, "某地规定"))
    assert policy.extension_cap.length == 0


def test_options_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        typing.cast(typing.Any, Policy)("R", R2019.reply_period)


@pytest.mark.parametrize("cls", [Policy, LegalPeriod])
def test_type_hints_resolve(cls: type) -> None:
    assert typing.get_type_hints(cls)


def test_legal_period_str_reads_in_chinese() -> None:
    assert str(R2019.reply_period) == "20个工作日（条例(2019) Art. 33 ¶2）"
    assert str(R2019.litigation_period).startswith("6个月")


def test_module_doctests() -> None:
    result = doctest.testmod(policy_module)
    assert result.attempted > 0
    assert result.failed == 0
