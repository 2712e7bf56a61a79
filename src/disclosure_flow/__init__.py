"""disclosure_flow: requests for government information (政府信息公开申请) as the law says.

The public API is re-exported here; implementation lives in the submodules, in
layers that depend one way: working-day data (``workdays``, ``overlays``,
``estimate``) → the deadline clock (``policy``, ``clock``, ``periods``) → the case
lifecycle (``lifecycle``, ``case``, ``supervision``) → reports (``report``,
``metrics``), with intake, outcomes and fees (``applicants``, ``channels``,
``outcomes``, ``fees``) used by all. Optional pieces stay in their modules so the
package imports without them: ``vectorized`` (numpy), ``frames`` (pandas),
``strategies`` (hypothesis), ``testing`` (scenario builder).

The lifecycle and report layers are imported on first use of one of their names
(PEP 562), so ``import disclosure_flow`` stays fast for calendar and deadline work.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from disclosure_flow._version import __version__
from disclosure_flow.applicants import (
    Applicant,
    ApplicantKind,
    ApplicantProblem,
    ApplicantProblemKind,
    Contact,
    IdentityDocument,
    IdentityDocumentKind,
    check_resident_id_number,
    check_social_credit_code,
    resident_id_check_character,
    social_credit_check_character,
)
from disclosure_flow.channels import (
    Channel,
    DeliveryMethod,
    InformationRequest,
    ProvisionForm,
    ReceiptConfirmation,
)
from disclosure_flow.clock import (
    ClockEvent,
    CorrectionNotice,
    Deadline,
    DelayedDeadline,
    ExplanationStep,
    Extension,
    Finding,
    FindingRule,
    OpenReason,
    Pause,
    Reply,
    Restart,
    compute_deadline,
)
from disclosure_flow.dates import (
    CHINA_STANDARD_TIME,
    civil_date,
    parse_date,
)
from disclosure_flow.days import (
    DataStatus,
    DayInfo,
    DayKind,
)
from disclosure_flow.errors import (
    ClockError,
    CoverageError,
    DefinitionError,
    DisclosureFlowError,
    EventRefusedError,
    InvalidDateError,
    InvalidValueError,
    LateActError,
    LateEventError,
    OverlayError,
    ProvisionalAnswerError,
    ReportInvariantError,
    SerializationError,
    VersionConflictError,
)
from disclosure_flow.fees import (
    DEFAULT_FEE_SCHEDULE,
    FeeBand,
    FeeBreakdown,
    FeeMethod,
    FeeSchedule,
    MonthlyTally,
    PerItemRule,
    VolumeTier,
    per_item_fee,
    per_volume_fee,
)
from disclosure_flow.outcomes import (
    Outcome,
    OutcomeKind,
    OutcomeReason,
    ReportRow,
)
from disclosure_flow.overlays import (
    Overlay,
    OverlayEntry,
    OverlayKind,
    OverlayScope,
    WeekendRule,
)
from disclosure_flow.periods import (
    PeriodEnd,
    PeriodKind,
    period_end,
)
from disclosure_flow.policy import (
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
from disclosure_flow.workdays import (
    Coverage,
    Estimates,
    HolidayBlock,
    WorkdayCalendar,
    WorkdayResult,
)

if TYPE_CHECKING:
    from disclosure_flow.case import (
        Case,
        CaseEvent,
        Consultation,
        ConsultationAnswer,
        ConsultedParty,
        CorrectionRecord,
        DelayedDeadlineRecord,
        Dispatch,
        ExtensionRecord,
        FeeNotice,
        LitigationRoute,
        Proceeding,
        RemedyKind,
        RemedyResult,
        ReplyRecord,
        SubDeadline,
        SubDeadlineKind,
    )
    from disclosure_flow.lifecycle import (
        CaseState,
        EventKind,
        mermaid_diagram,
    )
    from disclosure_flow.metrics import (
        AnnualStatistics,
        GroupStatistics,
        OverdueCase,
        annual_statistics,
        overdue_cases,
    )
    from disclosure_flow.report import (
        AnnualReport,
        ProceedingKind,
        ProceedingRecord,
        ProceedingResult,
        ProceedingsGroup,
        ReportRecord,
        ReportTable,
        RequestsRow,
        annual_report,
        read_records,
        record_from_case,
        write_records,
    )
    from disclosure_flow.supervision import (
        Attention,
        WatchItem,
        Watchlist,
        watchlist,
    )

#: Names imported on first use: name -> submodule.
_LAZY: dict[str, str] = {
    "AnnualReport": "report",
    "AnnualStatistics": "metrics",
    "Attention": "supervision",
    "Case": "case",
    "CaseEvent": "case",
    "CaseState": "lifecycle",
    "Consultation": "case",
    "ConsultationAnswer": "case",
    "ConsultedParty": "case",
    "CorrectionRecord": "case",
    "DelayedDeadlineRecord": "case",
    "Dispatch": "case",
    "EventKind": "lifecycle",
    "ExtensionRecord": "case",
    "FeeNotice": "case",
    "GroupStatistics": "metrics",
    "LitigationRoute": "case",
    "OverdueCase": "metrics",
    "Proceeding": "case",
    "ProceedingKind": "report",
    "ProceedingRecord": "report",
    "ProceedingResult": "report",
    "ProceedingsGroup": "report",
    "RemedyKind": "case",
    "RemedyResult": "case",
    "ReplyRecord": "case",
    "ReportRecord": "report",
    "ReportTable": "report",
    "RequestsRow": "report",
    "SubDeadline": "case",
    "SubDeadlineKind": "case",
    "WatchItem": "supervision",
    "Watchlist": "supervision",
    "annual_report": "report",
    "annual_statistics": "metrics",
    "mermaid_diagram": "lifecycle",
    "overdue_cases": "metrics",
    "read_records": "report",
    "record_from_case": "report",
    "watchlist": "supervision",
    "write_records": "report",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'disclosure_flow' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"disclosure_flow.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "CHINA_STANDARD_TIME",
    "DEFAULT_FEE_SCHEDULE",
    "R2008",
    "R2019",
    "AnnualReport",
    "AnnualStatistics",
    "Applicant",
    "ApplicantKind",
    "ApplicantProblem",
    "ApplicantProblemKind",
    "Attention",
    "Case",
    "CaseEvent",
    "CaseState",
    "Channel",
    "ClockError",
    "ClockEvent",
    "Consultation",
    "ConsultationAnswer",
    "ConsultedParty",
    "Contact",
    "CorrectionNotice",
    "CorrectionRecord",
    "Coverage",
    "CoverageError",
    "DataStatus",
    "DayInfo",
    "DayKind",
    "DayZero",
    "Deadline",
    "DefinitionError",
    "DelayedDeadline",
    "DelayedDeadlineRecord",
    "DeliveryMethod",
    "DisclosureFlowError",
    "Dispatch",
    "Estimates",
    "EventKind",
    "EventRefusedError",
    "ExplanationStep",
    "Extension",
    "ExtensionRecord",
    "FeeBand",
    "FeeBreakdown",
    "FeeMethod",
    "FeeNotice",
    "FeeSchedule",
    "Finding",
    "FindingRule",
    "GroupStatistics",
    "HolidayBlock",
    "IdentityDocument",
    "IdentityDocumentKind",
    "InformationRequest",
    "InvalidDateError",
    "InvalidValueError",
    "LateActError",
    "LateActs",
    "LateEventError",
    "LegalPeriod",
    "LitigationRoute",
    "MonthlyTally",
    "OpenReason",
    "Outcome",
    "OutcomeKind",
    "OutcomeReason",
    "OverdueCase",
    "Overlay",
    "OverlayEntry",
    "OverlayError",
    "OverlayKind",
    "OverlayScope",
    "Pause",
    "PauseBounds",
    "PauseReason",
    "PerItemRule",
    "PeriodEnd",
    "PeriodKind",
    "PeriodUnit",
    "Policy",
    "Proceeding",
    "ProceedingKind",
    "ProceedingRecord",
    "ProceedingResult",
    "ProceedingsGroup",
    "ProvisionForm",
    "ProvisionalAnswerError",
    "ReceiptConfirmation",
    "RemedyKind",
    "RemedyLastDay",
    "RemedyResult",
    "Reply",
    "ReplyRecord",
    "ReportInvariantError",
    "ReportRecord",
    "ReportRow",
    "ReportTable",
    "RequestsRow",
    "Restart",
    "SerializationError",
    "SubDeadline",
    "SubDeadlineKind",
    "VersionConflictError",
    "VolumeTier",
    "WatchItem",
    "Watchlist",
    "WeekendRule",
    "WorkdayCalendar",
    "WorkdayResult",
    "__version__",
    "annual_report",
    "annual_statistics",
    "check_resident_id_number",
    "check_social_credit_code",
    "civil_date",
    "compute_deadline",
    "mermaid_diagram",
    "overdue_cases",
    "parse_date",
    "per_item_fee",
    "per_volume_fee",
    "period_end",
    "read_records",
    "record_from_case",
    "resident_id_check_character",
    "social_credit_check_character",
    "watchlist",
    "write_records",
]
