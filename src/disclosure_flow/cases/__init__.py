"""Cases (申请案件): who asks, how it arrives, the lifecycle, the case, how it ends.

The case layer, above the clock:

- the vocabulary of a request — :mod:`~disclosure_flow.cases.applicants` (申请人),
  :mod:`~disclosure_flow.cases.channels` (how it arrives, day 0, Art. 31),
  :mod:`~disclosure_flow.cases.outcomes` (how it ends, Art. 36–39, table 三) and
  :mod:`~disclosure_flow.cases.fees` (信息处理费);
- the lifecycle as data — :mod:`~disclosure_flow.cases.states` (states and events),
  :mod:`~disclosure_flow.cases.definition` (the shape of a definition and its
  validation), :mod:`~disclosure_flow.cases.lifecycle` (the ONE graph of SPEC §5 and
  its diagram);
- what is generated from it — :mod:`~disclosure_flow.cases.guards` (the law's checks
  by name), :mod:`~disclosure_flow.cases.machine` (the shared ``transitions``
  machine) and :mod:`~disclosure_flow.cases.dispatch` (its compiled fast path);
- the case — :mod:`~disclosure_flow.cases.case` (:class:`Case`, the one mutable
  object), :mod:`~disclosure_flow.cases.values` (its frozen records),
  :mod:`~disclosure_flow.cases.payloads` (what each event carries),
  :mod:`~disclosure_flow.cases.facts` (what the history says, and the clock events it
  gives), :mod:`~disclosure_flow.cases.windows` (the periods running: sub-deadlines and
  remedy windows), :mod:`~disclosure_flow.cases.findings`,
  :mod:`~disclosure_flow.cases.restore` with
  :mod:`~disclosure_flow.cases.quick_restore` (the stored form), and
  :mod:`~disclosure_flow.cases.html`.

The vocabulary imports at once; the lifecycle and the case are imported on first use
of one of their names (PEP 562), so a deadline computed at the command line never
builds the state machine. Other layers import from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from disclosure_flow._lazy import lazy_exports
from disclosure_flow.cases.applicants import (
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
from disclosure_flow.cases.channels import (
    Channel,
    DeliveryMethod,
    InformationRequest,
    ProvisionForm,
    ReceiptConfirmation,
)
from disclosure_flow.cases.fees import (
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
from disclosure_flow.cases.outcomes import (
    Outcome,
    OutcomeKind,
    OutcomeReason,
    ReportRow,
    combine_outcomes,
)
from disclosure_flow.cases.states import CaseState, EventKind

if TYPE_CHECKING:
    from disclosure_flow.cases.case import Case
    from disclosure_flow.cases.definition import (
        Definition,
        EventSpec,
        Refusal,
        StateRole,
        StateSpec,
        TransitionSpec,
    )
    from disclosure_flow.cases.dispatch import Branch, compile_table
    from disclosure_flow.cases.html import case_html
    from disclosure_flow.cases.lifecycle import DEFINITION, mermaid_diagram
    from disclosure_flow.cases.machine import MACHINE, build_machine
    from disclosure_flow.cases.restore import SCHEMA
    from disclosure_flow.cases.values import (
        CaseEvent,
        Consultation,
        ConsultationAnswer,
        ConsultedParty,
        CorrectionRecord,
        DelayedDeadlineRecord,
        Dispatch,
        ExtensionRecord,
        FeeNotice,
        ItemState,
        LitigationRoute,
        Proceeding,
        RemedyKind,
        RemedyOrder,
        RemedyResult,
        ReplyRecord,
        SubDeadline,
        SubDeadlineKind,
    )

#: Names imported on first use: name -> module of this package.
_LAZY: dict[str, str] = {
    "DEFINITION": "lifecycle",
    "MACHINE": "machine",
    "SCHEMA": "restore",
    "Branch": "dispatch",
    "Case": "case",
    "CaseEvent": "values",
    "Consultation": "values",
    "ConsultationAnswer": "values",
    "ConsultedParty": "values",
    "CorrectionRecord": "values",
    "Definition": "definition",
    "DelayedDeadlineRecord": "values",
    "Dispatch": "values",
    "EventSpec": "definition",
    "ExtensionRecord": "values",
    "FeeNotice": "values",
    "ItemState": "values",
    "LitigationRoute": "values",
    "Proceeding": "values",
    "Refusal": "definition",
    "RemedyKind": "values",
    "RemedyOrder": "values",
    "RemedyResult": "values",
    "ReplyRecord": "values",
    "StateRole": "definition",
    "StateSpec": "definition",
    "SubDeadline": "values",
    "SubDeadlineKind": "values",
    "TransitionSpec": "definition",
    "build_machine": "machine",
    "case_html": "html",
    "compile_table": "dispatch",
    "mermaid_diagram": "lifecycle",
}

__getattr__, __dir__ = lazy_exports(__name__, _LAZY, globals())

__all__ = [
    "DEFAULT_FEE_SCHEDULE",
    "DEFINITION",
    "MACHINE",
    "SCHEMA",
    "Applicant",
    "ApplicantKind",
    "ApplicantProblem",
    "ApplicantProblemKind",
    "Branch",
    "Case",
    "CaseEvent",
    "CaseState",
    "Channel",
    "Consultation",
    "ConsultationAnswer",
    "ConsultedParty",
    "Contact",
    "CorrectionRecord",
    "Definition",
    "DelayedDeadlineRecord",
    "DeliveryMethod",
    "Dispatch",
    "EventKind",
    "EventSpec",
    "ExtensionRecord",
    "FeeBand",
    "FeeBreakdown",
    "FeeMethod",
    "FeeNotice",
    "FeeSchedule",
    "IdentityDocument",
    "IdentityDocumentKind",
    "InformationRequest",
    "ItemState",
    "LitigationRoute",
    "MonthlyTally",
    "Outcome",
    "OutcomeKind",
    "OutcomeReason",
    "PerItemRule",
    "Proceeding",
    "ProvisionForm",
    "ReceiptConfirmation",
    "Refusal",
    "RemedyKind",
    "RemedyOrder",
    "RemedyResult",
    "ReplyRecord",
    "ReportRow",
    "StateRole",
    "StateSpec",
    "SubDeadline",
    "SubDeadlineKind",
    "TransitionSpec",
    "VolumeTier",
    "build_machine",
    "case_html",
    "check_resident_id_number",
    "check_social_credit_code",
    "combine_outcomes",
    "compile_table",
    "mermaid_diagram",
    "per_item_fee",
    "per_volume_fee",
    "resident_id_check_character",
    "social_credit_check_character",
]
