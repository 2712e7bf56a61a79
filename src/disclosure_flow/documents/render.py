"""Making a document (出具文书): the case's act, worded by its template, in a format.

:func:`build_document` gathers what the document states
(:mod:`~disclosure_flow.documents.context`), words it with its template
(:class:`~disclosure_flow.documents.DocumentTemplates`), and checks every element
again: an element the case needs may not be empty, and each must state the legal facts
it carries (the remedies paragraph names the reconsideration body and its period, a
notice its date). :func:`render_document` then lays the document out as Markdown, plain
text, printable HTML or DOCX.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Literal, overload

from disclosure_flow.cases import FeeBreakdown
from disclosure_flow.dates import check_date
from disclosure_flow.documents.context import Prepared, prepare
from disclosure_flow.documents.kinds import DocumentFormat, DocumentKind
from disclosure_flow.documents.model import Document, Paragraph
from disclosure_flow.documents.profile import AgencyProfile
from disclosure_flow.documents.templates import DocumentTemplates
from disclosure_flow.errors import InvalidValueError, TemplateError, Wording, show_value

if TYPE_CHECKING:
    from disclosure_flow.cases import Case

__all__ = ["build_document", "render_document"]

_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def _join(lines: list[str]) -> str:
    """Lines of one paragraph as one line: Chinese text joins without a space, two Latin
    words with one."""
    out = ""
    for line in lines:
        if out and _ASCII_WORD.match(out[-1]) and _ASCII_WORD.match(line[0]):
            out += " "
        out += line
    return out


def paragraphs(text: str) -> list[str]:
    """*text* (a rendered block) as paragraphs: split at blank lines, lines joined."""
    found = []
    for chunk in _BLANK_LINE.split(text.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if lines:
            found.append(_join(lines))
    return found


def _bare(text: str) -> str:
    return "".join(text.split())


def _check(prepared: Prepared, blocks: dict[str, str]) -> None:
    kind = prepared.kind
    for element in kind.elements:
        text = _bare(blocks.get(element, ""))
        if element in prepared.nonempty and not text:
            raise TemplateError(
                kind.value,
                kind.template_name,
                Wording(
                    f"element {element} is empty, and {kind.title_zh} must state it for this case",
                    f"要素 {element} 为空，而本案的{kind.title_zh}必须写明",
                ),
                Wording(f"a block {element} that words it", f"写出该内容的 {element} 块"),
                missing=(element,),
            )
        for needed in prepared.requirements.get(element, ()):
            if _bare(needed) not in text:
                raise TemplateError(
                    kind.value,
                    kind.template_name,
                    Wording(
                        f"element {element} does not state {show_value(needed)}",
                        f"要素 {element} 没有写明 {show_value(needed)}",
                    ),
                    Wording(f"a block {element} that states it", f"写明该内容的 {element} 块"),
                    missing=(element,),
                )


def _notes(prepared: Prepared, agency: AgencyProfile) -> tuple[str, ...]:
    notes = []
    contact = []
    if agency.contact:
        contact.append(f"联系方式：{agency.contact}")
    if agency.address:
        postcode = f"，邮政编码：{agency.postcode}" if agency.postcode else ""
        contact.append(f"通信地址：{agency.address}{postcode}")
    if contact and prepared.kind is not DocumentKind.DELIVERY_RECEIPT:
        notes.append("（" + "；".join(contact) + "）")
    if prepared.provisional:
        notes.append(
            "（本文书所列期限届满日按预估的节假日安排计算；国务院办公厅公布的节假日安排与之"
            "不同的，以公布的安排为准。）"
        )
    return tuple(notes)


def build_document(
    case: Case,
    kind: DocumentKind,
    *,
    agency: AgencyProfile,
    number: int | str | None = None,
    as_of: _dt.date | None = None,
    fee: FeeBreakdown | None = None,
    consultee: str | None = None,
    templates: DocumentTemplates | None = None,
) -> Document:
    """Document *kind* for the act of *case* it is made for, its parts as plain text.

    Arguments as :func:`render_document`.

    Raises:
        DocumentError: the document does not fit the case's state (the error names the
            state and the documents that fit), or the profile or arguments lack what it
            must state (every missing field at once).
        TemplateError: the template renders an element empty, or without a fact it
            must state.
        InvalidValueError: an argument has the wrong type.
    """
    if not isinstance(kind, DocumentKind):
        raise InvalidValueError.choice("kind", kind, [k.value for k in DocumentKind])
    if not isinstance(agency, AgencyProfile):
        raise InvalidValueError(
            "agency",
            agency,
            Wording(
                "an AgencyProfile (AgencyProfile.load(path))",
                "AgencyProfile 机关信息（AgencyProfile.load(path)）",
            ),
        )
    if as_of is not None:
        as_of = check_date(as_of, "as_of")
    if fee is not None and not isinstance(fee, FeeBreakdown):
        raise InvalidValueError(
            "fee",
            fee,
            Wording(
                "None or a FeeBreakdown (per_item_fee, per_volume_fee)",
                "None 或 FeeBreakdown（per_item_fee、per_volume_fee）",
            ),
        )
    if consultee is not None and not isinstance(consultee, str):
        raise InvalidValueError(
            "consultee",
            consultee,
            Wording("None or the consultee's name", "None 或被征求意见方的名称"),
        )
    if templates is None:
        templates = DocumentTemplates.default()
    elif not isinstance(templates, DocumentTemplates):
        raise InvalidValueError(
            "templates",
            templates,
            Wording("None or a DocumentTemplates", "None 或 DocumentTemplates 模板集"),
        )
    prepared = prepare(case, kind, agency, as_of=as_of, fee=fee, consultee=consultee, number=number)
    blocks = templates.render_blocks(kind, prepared.context)
    _check(prepared, blocks)
    title = _join(paragraphs(blocks["title"])) or kind.title_zh
    addressee = None
    if prepared.addressee is not None:
        addressee = _join(paragraphs(blocks.get("addressee", ""))) or f"{prepared.addressee}："
    body = [
        Paragraph(element, text)
        for element in (*kind.elements, "closing")
        for text in paragraphs(blocks.get(element, ""))
        if element != "table"
    ]
    rows: tuple[tuple[str, str], ...] = ()
    if "table" in kind.elements:
        lines = [line for line in blocks["table"].splitlines() if line.strip()]
        cells = (line.partition("｜") for line in lines)
        # Values keep their full-width spaces: a blank date is written with them.
        rows = tuple((label.strip(), value.strip(" \t")) for label, _, value in cells)
    doc_number = None
    if kind is not DocumentKind.DELIVERY_RECEIPT:
        doc_number = agency.document_number(kind, prepared.issued.year, number)
    return Document(
        kind=kind,
        title=title,
        number=doc_number,
        addressee=addressee,
        paragraphs=tuple(body),
        rows=rows,
        signature=agency.name,
        issued=prepared.issued,
        date=str(prepared.context["issued"]),
        notes=_notes(prepared, agency),
    )


@overload
def render_document(
    case: Case,
    kind: DocumentKind,
    *,
    agency: AgencyProfile,
    format: Literal[DocumentFormat.DOCX],
    number: int | str | None = ...,
    as_of: _dt.date | None = ...,
    fee: FeeBreakdown | None = ...,
    consultee: str | None = ...,
    templates: DocumentTemplates | None = ...,
) -> bytes: ...


@overload
def render_document(
    case: Case,
    kind: DocumentKind,
    *,
    agency: AgencyProfile,
    format: Literal[DocumentFormat.MARKDOWN, DocumentFormat.TEXT, DocumentFormat.HTML] = ...,
    number: int | str | None = ...,
    as_of: _dt.date | None = ...,
    fee: FeeBreakdown | None = ...,
    consultee: str | None = ...,
    templates: DocumentTemplates | None = ...,
) -> str: ...


@overload
def render_document(
    case: Case,
    kind: DocumentKind,
    *,
    agency: AgencyProfile,
    format: DocumentFormat,
    number: int | str | None = ...,
    as_of: _dt.date | None = ...,
    fee: FeeBreakdown | None = ...,
    consultee: str | None = ...,
    templates: DocumentTemplates | None = ...,
) -> str | bytes: ...


def render_document(
    case: Case,
    kind: DocumentKind,
    *,
    agency: AgencyProfile,
    format: DocumentFormat = DocumentFormat.MARKDOWN,
    number: int | str | None = None,
    as_of: _dt.date | None = None,
    fee: FeeBreakdown | None = None,
    consultee: str | None = None,
    templates: DocumentTemplates | None = None,
) -> str | bytes:
    """Document *kind* for the act of *case* it is made for (出具文书), in *format*.

    The document is for the latest act of its kind recorded by the end of *as_of*: the
    receipt for day 0, the correction notice, the last extension, consultation or fee
    notice, the reply in force, the ending without a reply; and it bears that act's date.

    Args:
        case: the case.
        kind: the document.
        agency: the agency it comes from (name, contacts, reconsideration body, court,
            number pattern).
        format: Markdown (default), plain text, HTML (``str``) or DOCX (``bytes``).
        number: its serial number in the profile's pattern (``int``), the whole number as
            text (``str``), or ``None`` to leave the serial blank; for a 送达回证, the
            number of the document delivered.
        as_of: the case as its history stood at the end of this day (default: all of it).
        fee: for a 收费通知书, the calculation (:func:`~disclosure_flow.per_item_fee` or
            :func:`~disclosure_flow.per_volume_fee`), checked against the notice.
        consultee: for a consultation letter, whom it goes to (default: the latest).
        templates: the templates to word it with (default: the library's).

    Raises:
        DocumentError: the document does not fit the case's state, or the profile or
            arguments lack what it must state (every missing field at once); Jinja2 (or
            python-docx, for DOCX) is not installed.
        TemplateError: the template lacks an element, or words one without a fact it
            must state.
        InvalidValueError: an argument has the wrong type.
    """
    if not isinstance(format, DocumentFormat):
        raise InvalidValueError.choice("format", format, [f.value for f in DocumentFormat])
    document = build_document(
        case,
        kind,
        agency=agency,
        number=number,
        as_of=as_of,
        fee=fee,
        consultee=consultee,
        templates=templates,
    )
    return lay_out(document, format)


def lay_out(document: Document, format: DocumentFormat) -> str | bytes:
    """*document* laid out in *format*."""
    if format is DocumentFormat.MARKDOWN:
        from disclosure_flow.documents.plain import to_markdown

        return to_markdown(document)
    if format is DocumentFormat.TEXT:
        from disclosure_flow.documents.plain import to_text

        return to_text(document)
    if format is DocumentFormat.HTML:
        from disclosure_flow.documents.html import to_html

        return to_html(document)
    from disclosure_flow.documents.word import to_docx

    return to_docx(document)
