"""Cases at each act a document is made for, and an agency profile, for the tests."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from disclosure_flow import (
    Applicant,
    ApplicantKind,
    Case,
    Channel,
    ConsultationAnswer,
    ConsultedParty,
    Contact,
    DeliveryMethod,
    FeeMethod,
    InformationRequest,
    Outcome,
    OutcomeKind,
    OutcomeReason,
    ProvisionForm,
    WorkdayCalendar,
)
from disclosure_flow.documents import AgencyProfile, DocumentKind

ROOT = Path(__file__).resolve().parents[2]
CALENDAR = WorkdayCalendar()
PHONE = "13812345678"
ID_NUMBER = "11010519491231002X"

AGENCY = AgencyProfile(
    name="某县人民政府办公室",
    address="某县城关镇一号统办楼三楼",
    postcode="731200",
    contact="县政府办公室，0930-5521059",
    website="http://www.example.gov.cn",
    reconsideration_body="某县人民政府",
    court="某市中级人民法院",
    fee_payment="通过非税收入缴款码缴入国库（缴款码随本通知送达）",
    number_pattern="某政办依复〔{year}〕第{n}号",
    number_patterns={DocumentKind.CORRECTION_NOTICE: "某政办补〔{year}〕第{n}号"},
)


def d(month: int, day: int, year: int = 2026) -> dt.date:
    return dt.date(year, month, day)


def new_case(
    case_id: str = "2026-001",
    *,
    received: dt.date = dt.date(2026, 3, 2),
    channel: Channel = Channel.IN_PERSON,
    name: str = "张三",
    description: str = "2025年部门预算",
    kind: ApplicantKind = ApplicantKind.NATURAL_PERSON,
) -> Case:
    applicant = Applicant(kind, name, contact=Contact(phone=PHONE, address="某县某路2号"))
    return Case.open(
        case_id,
        applicant=applicant,
        request=InformationRequest(description, ProvisionForm.PAPER, DeliveryMethod.POST),
        channel=channel,
        received=received,
        calendar=CALENDAR,
    )


def corrected() -> Case:
    case = new_case()
    case.notify_correction(d(3, 5), items="请明确所需预算信息的年度和部门名称。", due=d(3, 20))
    return case


def extended() -> Case:
    case = new_case()
    case.start_review(d(3, 3)).start_processing(d(3, 4))
    case.extend(d(3, 25), days=10, approver="李四")
    return case


def consulting(party: ConsultedParty = ConsultedParty.THIRD_PARTY) -> Case:
    case = new_case()
    case.start_review(d(3, 3)).start_processing(d(3, 4))
    consultee = "某化工有限公司" if party is ConsultedParty.THIRD_PARTY else "某县财政局"
    case.consult(d(3, 5), party=party, consultee=consultee, letter_received=d(3, 6))
    return case


def fee_noticed(amount: int = 4700) -> Case:
    case = new_case()
    case.start_review(d(3, 3)).start_processing(d(3, 4))
    case.issue_fee_notice(d(3, 9), amount=amount, method=FeeMethod.PER_VOLUME)
    return case


def reasons_requested() -> Case:
    case = new_case()
    case.start_review(d(3, 3)).start_processing(d(3, 4))
    case.request_reasons(d(3, 6))
    return case


def delayed() -> Case:
    case = reasons_requested()
    case.set_delayed_deadline(d(3, 20), due=d(5, 29))
    return case


#: An outcome for each reason a reply may give (Art. 36–39).
OUTCOMES: dict[OutcomeReason, Outcome] = {
    OutcomeReason.PARTIALLY_DISCLOSED: Outcome(
        OutcomeKind.PARTIALLY_DISCLOSED,
        withheld="预算表中涉及个人的银行账户信息",
        withheld_grounds=(OutcomeReason.THIRD_PARTY_RIGHTS,),
    ),
    OutcomeReason.NOT_THIS_AGENCY: Outcome(
        OutcomeKind.UNABLE_TO_PROVIDE,
        OutcomeReason.NOT_THIS_AGENCY,
        competent_agency="某县财政局（联系电话：0930-5520000）",
    ),
    OutcomeReason.OTHER: Outcome(OutcomeKind.OTHER_HANDLING, OutcomeReason.OTHER, note="x"),
}
for _reason in OutcomeReason:
    if _reason.kind.is_reply and _reason not in OUTCOMES:
        OUTCOMES[_reason] = Outcome(_reason.kind, _reason)
REPLY_REASONS = [r for r in OutcomeReason if r.kind.is_reply]


def replied(
    outcome: Outcome,
    *,
    day: dt.date = dt.date(2026, 3, 20),
    received: dt.date = dt.date(2026, 3, 2),
) -> Case:
    case = new_case(received=received)
    case.start_review(received + dt.timedelta(days=1))
    if outcome.reason is OutcomeReason.EXCESSIVE:
        case.request_reasons(received + dt.timedelta(days=1))
    if outcome.reason is OutcomeReason.STILL_UNCLEAR:
        case.notify_correction(received + dt.timedelta(days=1), items="请说明所需信息", due=day)
        case.receive_correction(received + dt.timedelta(days=2))
    case.reply(day, outcome=outcome)
    return case


def delivered(outcome: Outcome) -> Case:
    case = replied(outcome)
    case.deliver(d(3, 23), method=DeliveryMethod.POST, received=d(3, 25))
    return case


def correction_lapsed() -> Case:
    case = corrected()
    case.correction_lapsed(d(3, 23))
    return case


def fee_lapsed() -> Case:
    case = fee_noticed()
    case.fee_lapsed(d(4, 13))
    return case


def consulted_and_answered() -> Case:
    case = consulting()
    case.receive_consultation_answer(
        d(3, 16),
        consultee="某化工有限公司",
        answer=ConsultationAnswer.OBJECTION,
        reasons="商业秘密",
    )
    return case


WITHHELD = Outcome(
    OutcomeKind.WITHHELD,
    OutcomeReason.THIRD_PARTY_RIGHTS,
    note="该信息载有某化工有限公司的生产工艺和原料配比，经书面征求意见，该公司不同意公开并说明了理由。",
)


def example_for(kind: DocumentKind) -> Case:
    """A case the document *kind* fits."""
    makers: dict[DocumentKind, Callable[[], Case]] = {
        DocumentKind.RECEIPT: new_case,
        DocumentKind.CORRECTION_NOTICE: corrected,
        DocumentKind.EXTENSION_NOTICE: extended,
        DocumentKind.THIRD_PARTY_CONSULTATION: consulting,
        DocumentKind.AGENCY_CONSULTATION: lambda: consulting(ConsultedParty.OTHER_AGENCY),
        DocumentKind.FEE_NOTICE: fee_noticed,
        DocumentKind.REASONS_REQUEST: reasons_requested,
        DocumentKind.DELAYED_DEADLINE_NOTICE: delayed,
        DocumentKind.REPLY: lambda: replied(WITHHELD),
        DocumentKind.TERMINATION_NOTICE: correction_lapsed,
        DocumentKind.DELIVERY_RECEIPT: lambda: delivered(WITHHELD),
    }
    return makers[kind]()


def write_cli_inputs(folder: Path) -> None:
    """``case.json`` (a case with a paid fee notice and a reply: its receipt, fee notice and
    reply fit) and ``agency.toml`` in *folder*, for the command line's examples."""
    case = fee_noticed()
    case.receive_payment(d(3, 12))
    case.reply(d(3, 20), outcome=WITHHELD)
    (folder / "case.json").write_text(json.dumps(case.to_dict(), ensure_ascii=False), "utf-8")
    (folder / "agency.toml").write_bytes((ROOT / "examples" / "agency.toml").read_bytes())
