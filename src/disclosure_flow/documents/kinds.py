"""The documents an agency sends (答复文书) and the formats they are made in.

Each :class:`DocumentKind` is one document of the procedure, with its title and the
elements (要素) its template must hold: the blocks the law requires it to state, in the
order they are printed. A template that lacks one is refused when it is loaded
(:class:`~disclosure_flow.errors.TemplateError`), whatever its wording.

>>> from disclosure_flow.documents.kinds import DocumentKind
>>> DocumentKind.REPLY.title_zh
'政府信息公开申请答复书'
>>> DocumentKind.REPLY.elements
('request', 'outcome', 'reasons', 'provision', 'fees', 'remedies')
"""

from __future__ import annotations

import enum

__all__ = ["DocumentFormat", "DocumentKind"]


class DocumentKind(enum.Enum):
    """A document of the procedure (文书种类), with the act it is made for.

    Members:
        RECEIPT: 政府信息公开申请登记回执 — the receipt date (day 0) and how Art. 31 fixed
            it, and the reply due date (Art. 33).
        CORRECTION_NOTICE: 补正告知书 — what to correct, the period the agency set, and
            the consequence of not correcting (Art. 30).
        EXTENSION_NOTICE: 延期答复告知书 — the new due date and its approval (Art. 33 ¶2).
        THIRD_PARTY_CONSULTATION: 征求第三方意见书 — to a third party whose rights may be
            harmed: the information, the answer period and its due date, what silence
            means (Art. 32).
        AGENCY_CONSULTATION: 征求意见函 — to another agency, for jointly produced
            information: the same, silence meaning consent (Art. 34).
        FEE_NOTICE: 收费通知书 — the method, the calculation, the amount, the payment
            deadline and the consequence of not paying (Art. 42, FEES).
        REASONS_REQUEST: 说明理由通知书 — asks an applicant of clearly excessive requests
            for reasons (Art. 35).
        DELAYED_DEADLINE_NOTICE: 延迟答复告知书 — the reasonable later deadline (Art. 35).
        REPLY: 政府信息公开申请答复书 — the reply on the merits for any outcome of Art. 36–39,
            its reasons, the form of provision, fees, and the remedies.
        TERMINATION_NOTICE: 终止办理告知书 — an ending without a reply that is an act of the
            agency: deemed abandoned after no correction (Art. 30) or not processed further
            after an unpaid fee (FEES), with the remedies.
        DELIVERY_RECEIPT: 送达回证 — the record of delivering the reply (or the termination
            notice), for the applicant's signature.
    """

    RECEIPT = "receipt"
    CORRECTION_NOTICE = "correction_notice"
    EXTENSION_NOTICE = "extension_notice"
    THIRD_PARTY_CONSULTATION = "third_party_consultation"
    AGENCY_CONSULTATION = "agency_consultation"
    FEE_NOTICE = "fee_notice"
    REASONS_REQUEST = "reasons_request"
    DELAYED_DEADLINE_NOTICE = "delayed_deadline_notice"
    REPLY = "reply"
    TERMINATION_NOTICE = "termination_notice"
    DELIVERY_RECEIPT = "delivery_receipt"

    @property
    def title_zh(self) -> str:
        """The document's usual title, e.g. ``"补正告知书"`` (a template may word its own)."""
        return _KINDS[self][0]

    @property
    def elements(self) -> tuple[str, ...]:
        """The body elements its template must define, as block names, in print order."""
        return _KINDS[self][1]

    @property
    def required_blocks(self) -> tuple[str, ...]:
        """Every block its template must define: ``title``, the addressee (for a letter),
        then :attr:`elements`."""
        head = ("title",) if self is DocumentKind.DELIVERY_RECEIPT else ("title", "addressee")
        return head + self.elements

    @property
    def template_name(self) -> str:
        """The template's file name, e.g. ``"reply.j2"``."""
        return f"{self.value}.j2"

    @property
    def describe(self) -> str:
        """The title and the value, for messages: ``"补正告知书 (correction_notice)"``."""
        return f"{self.title_zh} ({self.value})"


_KINDS: dict[DocumentKind, tuple[str, tuple[str, ...]]] = {
    DocumentKind.RECEIPT: ("政府信息公开申请登记回执", ("request", "day_zero", "due")),
    DocumentKind.CORRECTION_NOTICE: (
        "补正告知书",
        ("request", "items", "period", "consequence"),
    ),
    DocumentKind.EXTENSION_NOTICE: ("延期答复告知书", ("request", "extension", "new_due")),
    DocumentKind.THIRD_PARTY_CONSULTATION: (
        "征求第三方意见书",
        ("information", "answer_period", "silence"),
    ),
    DocumentKind.AGENCY_CONSULTATION: (
        "征求意见函",
        ("information", "answer_period", "silence"),
    ),
    DocumentKind.FEE_NOTICE: (
        "收费通知书",
        ("request", "basis", "method", "calculation", "amount", "payment", "consequence"),
    ),
    DocumentKind.REASONS_REQUEST: ("说明理由通知书", ("request", "reasons", "consequence")),
    DocumentKind.DELAYED_DEADLINE_NOTICE: ("延迟答复告知书", ("request", "new_due")),
    DocumentKind.REPLY: (
        "政府信息公开申请答复书",
        ("request", "outcome", "reasons", "provision", "fees", "remedies"),
    ),
    DocumentKind.TERMINATION_NOTICE: ("终止办理告知书", ("request", "ending", "remedies")),
    DocumentKind.DELIVERY_RECEIPT: ("送达回证", ("table",)),
}


class DocumentFormat(enum.Enum):
    """The format a document is made in (文书格式).

    Members:
        MARKDOWN: Markdown text (``str``), user text escaped.
        TEXT: plain text (``str``), laid out for a fixed-width screen or a text field.
        HTML: a printable HTML page (``str``), A4 with the margins and type of GB/T 9704,
            every piece of user text escaped.
        DOCX: a Word document (``bytes``) laid out per GB/T 9704 (A4, margins
            37/35/28/26 mm, 仿宋 三号 body, 小标宋 二号 title, page numbers).
    """

    MARKDOWN = "markdown"
    TEXT = "text"
    HTML = "html"
    DOCX = "docx"

    @property
    def suffix(self) -> str:
        """The file suffix, e.g. ``".docx"``."""
        return {"markdown": ".md", "text": ".txt", "html": ".html", "docx": ".docx"}[self.value]
