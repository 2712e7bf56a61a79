"""Working days (工作日): day kinds, the national data, overlays, estimates, the calendar.

The lowest layer. A working day is Monday–Friday, minus statutory holidays, plus the
make-up working weekends of the State Council's notices (SPEC §1) — a data table, never
a formula:

- :mod:`~disclosure_flow.workdays.days` — what kind of day a date is, and why;
- :mod:`~disclosure_flow.workdays.national` — the national data read from
  ``chinese-calendar``, with the notice behind each year;
- :mod:`~disclosure_flow.workdays.overlays` — dated entries layered on top (next
  year's notice, local holidays, closures);
- :mod:`~disclosure_flow.workdays.notices` — the State Council's holiday notice, pasted
  as published, read into a national overlay that covers its year;
- :mod:`~disclosure_flow.workdays.overlay_toml` — an overlay as the TOML file a clerk
  edits;
- :mod:`~disclosure_flow.workdays.estimate` — a provisional estimate of a year that has
  no official data yet;
- :mod:`~disclosure_flow.workdays.year_end` — the last days of a year, which the next
  year's notice may still set (:class:`YearEnd`);
- :mod:`~disclosure_flow.workdays.workday_calendar` — :class:`WorkdayCalendar`, the
  day → rank table every question is answered from;
- :mod:`~disclosure_flow.workdays.vectorized` — the same questions on numpy arrays
  (optional extra ``numpy``; import that module by its path).

Other layers import from here.
"""

from __future__ import annotations

from disclosure_flow.workdays.answers import (
    Coverage,
    HolidayBlock,
    WorkdayResult,
    group_blocks,
    plausible_range,
)
from disclosure_flow.workdays.days import DataStatus, DayInfo, DayKind
from disclosure_flow.workdays.estimate import statutory_days
from disclosure_flow.workdays.national import HOLIDAY_NAMES
from disclosure_flow.workdays.notices import HolidayNotice, NoticeDay, NoticeExtension
from disclosure_flow.workdays.overlay_toml import overlay_to_toml
from disclosure_flow.workdays.overlays import (
    Overlay,
    OverlayEntry,
    OverlayKind,
    OverlayScope,
    WeekendRule,
)
from disclosure_flow.workdays.workday_calendar import Estimates, WorkdayCalendar
from disclosure_flow.workdays.year_end import YearEnd

__all__ = [
    "HOLIDAY_NAMES",
    "Coverage",
    "DataStatus",
    "DayInfo",
    "DayKind",
    "Estimates",
    "HolidayBlock",
    "HolidayNotice",
    "NoticeDay",
    "NoticeExtension",
    "Overlay",
    "OverlayEntry",
    "OverlayKind",
    "OverlayScope",
    "WeekendRule",
    "WorkdayCalendar",
    "WorkdayResult",
    "YearEnd",
    "group_blocks",
    "overlay_to_toml",
    "plausible_range",
    "statutory_days",
]
