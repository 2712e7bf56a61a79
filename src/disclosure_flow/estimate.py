"""Provisional estimates of a year's national holidays (节假日安排估计).

PLACEHOLDER: a helper replaces this module with the golden-week heuristic. The
interface below is what ``workdays.py`` relies on.
"""

from __future__ import annotations

import datetime as _dt

import attrs

__all__ = ["ESTIMATOR_VERSION", "LAST_ESTIMABLE_YEAR", "YearScenario", "estimate_year"]

ESTIMATOR_VERSION = "0"
LAST_ESTIMABLE_YEAR = 2035


@attrs.frozen
class YearScenario:
    """One estimate of a year's days off and make-up working days.

    Attributes:
        year: the year estimated.
        label: what the scenario assumes.
        days_off: date -> Chinese holiday name, every day off of every block.
        workdays: date -> Chinese holiday name, every make-up working day.
    """

    year: int
    label: str
    days_off: dict[_dt.date, str] = attrs.field(hash=False)
    workdays: dict[_dt.date, str] = attrs.field(hash=False)


def estimate_year(year: int) -> tuple[YearScenario, ...]:
    """Scenarios for *year*, the most likely first."""
    days_off = {
        _dt.date(year, 1, 1): "元旦",
        _dt.date(year, 5, 1): "劳动节",
        _dt.date(year, 10, 1): "国庆节",
        _dt.date(year, 10, 2): "国庆节",
        _dt.date(year, 10, 3): "国庆节",
    }
    return (YearScenario(year, "statutory days only", days_off, {}),)
