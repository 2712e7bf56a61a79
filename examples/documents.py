"""The documents of one request (答复文书): a receipt, a correction notice, the reply.

Run from a checkout: ``python examples/documents.py``. It prints the receipt and the reply
as plain text, and writes the reply as DOCX and HTML into a temporary folder. Needs the
extra ``documents`` (``pip install -e '.[documents]'``).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from disclosure_flow import (
    Applicant,
    ApplicantKind,
    Case,
    Channel,
    Contact,
    DeliveryMethod,
    InformationRequest,
    Outcome,
    OutcomeKind,
    OutcomeReason,
    ProvisionForm,
    WorkdayCalendar,
)
from disclosure_flow.documents import (
    AgencyProfile,
    DocumentFormat,
    DocumentKind,
    documents_for,
    render_document,
)

AGENCY_FILE = Path(__file__).resolve().parent / "agency.toml"


def main() -> None:
    agency = AgencyProfile.load(AGENCY_FILE)
    case = Case.open(
        "2026-101",
        applicant=Applicant(
            ApplicantKind.NATURAL_PERSON, "王五", contact=Contact(address="某县某路8号")
        ),
        request=InformationRequest(
            "某化工有限公司建设项目环境影响报告书中的生产工艺资料",
            ProvisionForm.PAPER,
            DeliveryMethod.POST,
        ),
        channel=Channel.IN_PERSON,
        received=dt.date(2026, 3, 2),
        calendar=WorkdayCalendar(),
    )
    print(render_document(case, DocumentKind.RECEIPT, agency=agency, format=DocumentFormat.TEXT))
    case.start_review(dt.date(2026, 3, 3))
    withheld = Outcome(
        OutcomeKind.WITHHELD,
        OutcomeReason.THIRD_PARTY_RIGHTS,
        note="该资料载有该公司的生产工艺和原料配比，属于商业秘密；经书面征求意见，该公司不同意公开并说明了理由。",
    )
    case.reply(dt.date(2026, 3, 20), outcome=withheld)
    print(
        render_document(
            case, DocumentKind.REPLY, agency=agency, format=DocumentFormat.TEXT, number=12
        )
    )
    print("可出具的文书:", ", ".join(kind.title_zh for kind in documents_for(case)))
    folder = Path(tempfile.mkdtemp(prefix="documents-"))
    docx = render_document(
        case, DocumentKind.REPLY, agency=agency, format=DocumentFormat.DOCX, number=12
    )
    (folder / "reply.docx").write_bytes(docx)
    html = render_document(
        case, DocumentKind.REPLY, agency=agency, format=DocumentFormat.HTML, number=12
    )
    (folder / "reply.html").write_text(html, encoding="utf-8")
    print(f"written: {folder / 'reply.docx'} ({len(docx)} bytes), {folder / 'reply.html'}")


if __name__ == "__main__":
    main()
