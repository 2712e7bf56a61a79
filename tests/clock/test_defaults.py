"""The defaults of the single-deadline entry points (默认规则与日历): without ``policy=`` and
``calendar=``, what ``Case.open`` uses — the rules in force on day 0 and the national
strict calendar, built once."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_flow import (
    R2008,
    R2019,
    Applicant,
    ApplicantKind,
    Case,
    Channel,
    DeliveryMethod,
    InformationRequest,
    ProvisionForm,
    WorkdayCalendar,
)
from disclosure_flow.clock import (
    Extension,
    Pause,
    PauseReason,
    compute_deadline,
    national_calendar,
    policy_in_force,
)
from disclosure_flow.errors import InvalidValueError
from disclosure_flow.testing import Scenario, default_calendar

D = dt.date
CAL = WorkdayCalendar()

#: Days 0 the national data covers with room for a deadline (R2008 and R2019 both).
DAYS_0 = st.dates(D(2008, 5, 1), D(2026, 11, 1))  # a deadline inside the final data


@settings(max_examples=200)
@given(DAYS_0, st.sampled_from(PauseReason))
def test_the_defaults_are_the_rules_in_force_on_day_0_and_the_national_calendar(
    day0: dt.date, reason: PauseReason
) -> None:
    events = [Pause(day0 + dt.timedelta(days=3), day0 + dt.timedelta(days=9), reason)]
    by_default = compute_deadline(day0, events)
    explicit = compute_deadline(day0, events, policy=policy_in_force(day0), calendar=CAL)
    assert by_default.policy is policy_in_force(day0)
    assert by_default == explicit
    assert by_default.fingerprint == CAL.fingerprint


def test_the_default_policy_changes_on_the_revisions_first_day() -> None:
    assert compute_deadline(D(2019, 5, 14)).policy is R2008
    assert compute_deadline(D(2019, 5, 15)).policy is R2019
    # R2008: 15 working days; R2019: 20.
    assert compute_deadline(D(2019, 5, 14)).period == R2008.reply_period.length
    assert compute_deadline(D(2019, 5, 15)).period == R2019.reply_period.length


def test_the_default_is_what_case_open_uses() -> None:
    for received in (D(2018, 3, 5), D(2026, 9, 28)):
        case = Case.open(
            "测试-默认",
            applicant=Applicant(ApplicantKind.NATURAL_PERSON, "测试申请人"),
            request=InformationRequest("测试用政府信息", ProvisionForm.PAPER, DeliveryMethod.POST),
            channel=Channel.IN_PERSON,
            received=received,
            calendar=national_calendar(),
        )
        from_case = case.deadline()
        assert from_case is not None
        assert compute_deadline(received).due == from_case.due
        assert compute_deadline(received).policy is case.policy


def test_no_regulation_before_2008_05_01_without_a_policy() -> None:
    with pytest.raises(InvalidValueError) as info:
        compute_deadline(D(2008, 4, 30))
    assert info.value.field == "policy"
    assert "2008-05-01" in info.value.allowed
    # A policy given: a simulation, as before.
    assert compute_deadline(D(2008, 4, 30), policy=R2008).due is not None


def test_the_national_calendar_is_built_once_and_shared() -> None:
    assert national_calendar() is national_calendar()
    assert default_calendar() is national_calendar()  # Scenario's default too
    assert national_calendar().fingerprint == CAL.fingerprint
    assert compute_deadline(D(2026, 9, 28)).calendar is national_calendar()
    assert Scenario(received=D(2026, 9, 28)).case().calendar is national_calendar()


def test_one_default_given_the_other_not() -> None:
    day0 = D(2026, 9, 28)
    events = [Extension(10, "负责人", D(2026, 10, 26))]
    assert (
        compute_deadline(day0, events, policy=R2019)
        == compute_deadline(day0, events, calendar=CAL)
        == compute_deadline(day0, events, policy=R2019, calendar=CAL)
    )
