"""A request follows the regulation of its day 0 (SPEC §12).

R2008 (Order 492) for requests received from 2008-05-01 to 2019-05-14, R2019 (Order 711)
from 2019-05-15: chosen by date by default, and a policy not in force refused unless the
host says it runs a simulation (``PolicyDates.ANY``), which the case then keeps.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from disclosure_flow import InvalidValueError, SerializationError
from disclosure_flow.cases import Case, Channel
from disclosure_flow.clock import R2008, R2019, PolicyDates, policy_in_force
from tests.cases.test_lifecycle import APPLICANT, CALENDAR, REQUEST

D = dt.date


def opened(day: dt.date, **kwargs: object) -> Case:
    return Case.open(
        "P-1",
        applicant=APPLICANT,
        request=REQUEST,
        channel=Channel.IN_PERSON,
        received=day,
        calendar=CALENDAR,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2008, 5, 1), R2008),
        (D(2019, 5, 14), R2008),
        (D(2019, 5, 15), R2019),
        (D(2026, 3, 2), R2019),
    ],
)
def test_the_policy_in_force_is_chosen_by_day_0(day: dt.date, expected: object) -> None:
    assert policy_in_force(day) is expected
    assert opened(day).policy is expected


def test_no_regulation_before_2008() -> None:
    with pytest.raises(InvalidValueError, match="2008-05-01"):
        policy_in_force(D(2008, 4, 30))


def test_a_policy_not_in_force_is_refused_unless_simulating() -> None:
    with pytest.raises(InvalidValueError, match=r"in force on 2026-03-02 \(R2019; R2008 applies"):
        opened(D(2026, 3, 2), policy=R2008)
    with pytest.raises(InvalidValueError, match="R2019 applies to 2019-05-15"):
        opened(D(2018, 3, 1), policy=R2019)
    simulated = opened(D(2026, 3, 2), policy=R2008, policy_dates=PolicyDates.ANY)
    assert simulated.policy is R2008
    stored = simulated.to_dict()
    assert stored["policy_dates"] == "any"
    assert Case.from_dict(stored, calendar=CALENDAR).to_dict() == stored
    assert "policy_dates" not in opened(D(2026, 3, 2)).to_dict()


def test_a_stored_case_under_rules_not_in_force_is_refused() -> None:
    stored = copy.deepcopy(
        opened(D(2026, 3, 2), policy=R2008, policy_dates=PolicyDates.ANY).to_dict()
    )
    del stored["policy_dates"]
    with pytest.raises(SerializationError, match=r"case\.policy.*in force on 2026-03-02"):
        Case.from_dict(stored, calendar=CALENDAR)
    stored["policy_dates"] = "sometimes"
    with pytest.raises(SerializationError, match="policy_dates"):
        Case.from_dict(stored, calendar=CALENDAR)


def test_a_version_1_case_under_other_rules_is_read_as_a_simulation() -> None:
    rows = json.loads(
        (Path(__file__).parent / "data" / "cases_v1.json").read_text(encoding="utf-8")
    )
    stored = copy.deepcopy(rows["cases"][1]["stored"])  # a 2026 case, stored under R2019
    stored["policy"] = "R2008"
    case = Case.from_dict(stored, calendar=CALENDAR)
    assert case.policy is R2008
    assert case.to_dict()["policy_dates"] == "any"
