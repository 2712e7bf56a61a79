"""DOCX (word.py), read back with python-docx: GB/T 9704 page, type and page numbers."""

from __future__ import annotations

import io

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from disclosure_flow import Case, OutcomeReason, per_volume_fee
from disclosure_flow.documents import DocumentFormat, DocumentKind, build_document, render_document
from tests.documents.cases import AGENCY, OUTCOMES, REPLY_REASONS, example_for, replied


def _read(kind: DocumentKind, case: Case | None = None) -> DocxDocument:
    case = example_for(kind) if case is None else case
    fee = per_volume_fee(250) if kind is DocumentKind.FEE_NOTICE else None
    data = render_document(case, kind, agency=AGENCY, format=DocumentFormat.DOCX, fee=fee, number=5)
    return docx.Document(io.BytesIO(data))


def _east_asian(run: object) -> str | None:
    fonts = run._element.rPr.rFonts  # type: ignore[attr-defined]  # python-docx's XML
    return fonts.get(qn("w:eastAsia"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("kind", list(DocumentKind), ids=lambda k: k.value)
def test_the_page_follows_gbt_9704(kind: DocumentKind) -> None:
    doc = _read(kind)
    section = doc.sections[0]
    # Word keeps lengths in twentieths of a point: equal to a hundredth of a millimetre.
    lengths = (
        section.page_width,
        section.page_height,
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    )
    assert [round(length.mm, 1) for length in lengths if length is not None] == [
        210,
        297,
        37,
        35,
        28,
        26,
    ]
    title = doc.paragraphs[0]
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.runs[0].font.size == Pt(22)
    assert _east_asian(title.runs[0]) == "方正小标宋简体"
    assert title.text == kind.title_zh
    body = [p for p in doc.paragraphs[1:] if p.text]
    for paragraph in body:
        for run in paragraph.runs:
            assert run.font.size == Pt(16)
            assert _east_asian(run) == "仿宋"
        assert paragraph.paragraph_format.line_spacing == Pt(28.95)
    assert doc.paragraphs[-1].text or body[-1].text  # something at the end
    assert doc.core_properties.title == kind.title_zh


@pytest.mark.parametrize("kind", list(DocumentKind), ids=lambda k: k.value)
def test_the_text_is_the_document_s(kind: DocumentKind) -> None:
    case = example_for(kind)
    fee = per_volume_fee(250) if kind is DocumentKind.FEE_NOTICE else None
    document = build_document(case, kind, agency=AGENCY, fee=fee, number=5)
    doc = _read(kind, case)
    texts = [p.text for p in doc.paragraphs]
    for paragraph in document.paragraphs:
        assert paragraph.text in texts
    assert AGENCY.name in texts
    assert document.date in texts
    if document.number:
        assert document.number in texts
    if document.rows:
        table = doc.tables[0]
        assert [(r.cells[0].text, r.cells[1].text) for r in table.rows] == list(document.rows)


def test_page_numbers_on_odd_and_even_pages() -> None:
    doc = _read(DocumentKind.REPLY)
    assert doc.settings.odd_and_even_pages_header_footer
    section = doc.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    for footer in (odd, even):
        xml = footer._p.xml
        assert "PAGE" in xml
        assert 'w:fldCharType="begin"' in xml
        assert footer.text.startswith("— ")
        assert footer.text.endswith(" —")
        assert footer.runs[0].font.size == Pt(14)


@pytest.mark.parametrize("reason", REPLY_REASONS, ids=lambda r: r.value)
def test_every_outcome_reads_back(reason: OutcomeReason) -> None:
    case = replied(OUTCOMES[reason])
    document = build_document(case, DocumentKind.REPLY, agency=AGENCY)
    texts = [p.text for p in _read(DocumentKind.REPLY, case).paragraphs]
    assert document.element("remedies") in texts
