"""disclosure_flow: requests for government information (政府信息公开申请) as the law says.

The public API is re-exported here; implementation lives in the submodules.
"""

from disclosure_flow._version import __version__
from disclosure_flow.dates import CHINA_STANDARD_TIME, civil_date, parse_date
from disclosure_flow.days import DataStatus, DayInfo, DayKind
from disclosure_flow.errors import (
    ClockError,
    CoverageError,
    DisclosureFlowError,
    EventRefusedError,
    InvalidDateError,
    InvalidValueError,
    LateActError,
    OverlayError,
    ProvisionalAnswerError,
    ReportInvariantError,
    SerializationError,
    VersionConflictError,
)
from disclosure_flow.overlays import Overlay, OverlayEntry, OverlayKind, OverlayScope, WeekendRule
from disclosure_flow.workdays import (
    Coverage,
    Estimates,
    HolidayBlock,
    WorkdayCalendar,
    WorkdayResult,
)

__all__ = [
    "CHINA_STANDARD_TIME",
    "ClockError",
    "Coverage",
    "CoverageError",
    "DataStatus",
    "DayInfo",
    "DayKind",
    "DisclosureFlowError",
    "Estimates",
    "EventRefusedError",
    "HolidayBlock",
    "InvalidDateError",
    "InvalidValueError",
    "LateActError",
    "Overlay",
    "OverlayEntry",
    "OverlayError",
    "OverlayKind",
    "OverlayScope",
    "ProvisionalAnswerError",
    "ReportInvariantError",
    "SerializationError",
    "VersionConflictError",
    "WeekendRule",
    "WorkdayCalendar",
    "WorkdayResult",
    "__version__",
    "civil_date",
    "parse_date",
]
