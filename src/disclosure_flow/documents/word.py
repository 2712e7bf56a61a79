"""A document as a Word file (文书的 DOCX 格式), laid out per GB/T 9704.

A4; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; the body in 仿宋 三号
(16 pt) on a fixed 28.95 pt line (22 lines a page), paragraphs indented two characters;
the title in 小标宋 二号 (22 pt), centred; the document number centred under it; the
signature and the date to the right; the notes under them; page numbers ``— 1 —`` in
宋体 四号 at the foot, odd pages to the right and even pages to the left. Fonts are
named for the East Asian script too, so Word and WPS pick them for Chinese text.

Needs the optional extra ``documents`` (python-docx).
"""

from __future__ import annotations

import io
from typing import Any

from disclosure_flow.documents import gbt9704 as g
from disclosure_flow.documents.model import Document
from disclosure_flow.errors import DocumentError, Wording

__all__ = ["to_docx"]


def _docx() -> Any:
    try:
        import docx
    except ImportError:
        raise DocumentError(
            "docx",
            Wording(
                "DOCX documents need python-docx, which is not installed",
                "生成 DOCX 文书需要 python-docx，但未安装",
            ),
            Wording(
                "install the extra: pip install 'disclosure-flow[documents]'",
                "安装可选依赖：pip install 'disclosure-flow[documents]'",
            ),
        ) from None
    return docx


def _font(run: Any, name: str, size: float) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name
    run.font.size = Pt(size)
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def _paragraph(
    doc: Any,
    text: str,
    *,
    align: str = "justify",
    indent: float = 0,
    right: float = 0,
    font: str = g.BODY_FONT,
    size: float = g.BODY_PT,
) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    paragraph = doc.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = {
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
    }[align]
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(g.LINE_PT)
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(size * indent)
    if right:
        fmt.right_indent = Pt(size * right)
    _font(paragraph.add_run(text), font, size)
    return paragraph


def _page_number(paragraph: Any) -> None:
    """``— PAGE —`` in the footer paragraph: a PAGE field between two dashes."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run(
        text: str | None = None, field: str | None = None, instruction: str | None = None
    ) -> None:
        r = paragraph.add_run(text or "")
        _font(r, g.PAGE_NUMBER_FONT, g.PAGE_NUMBER_PT)
        if field is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), field)
            r._element.append(element)
        if instruction is not None:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = instruction
            r._element.append(element)

    run("— ")
    run(field="begin")
    run(instruction=" PAGE ")
    run(field="separate")
    run("1")
    run(field="end")
    run(" —")


def _footers(doc: Any, section: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc.settings.odd_and_even_pages_header_footer = True
    for footer, align, side in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left"),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.paragraph_format.alignment = align
        indent = Pt(g.PAGE_NUMBER_PT)  # one character in from the edge
        if side == "right":
            paragraph.paragraph_format.right_indent = indent
        else:
            paragraph.paragraph_format.left_indent = indent
        _page_number(paragraph)


def to_docx(document: Document) -> bytes:
    """*document* as the bytes of a ``.docx`` file."""
    docx = _docx()
    from docx.shared import Mm, Pt

    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(g.PAGE_MM[0]), Mm(g.PAGE_MM[1])
    top, bottom, left, right = g.MARGINS_MM
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.footer_distance = Mm(max(bottom - 7 - 7, 7))  # the number 7 mm under the type area
    normal = doc.styles["Normal"]
    normal.font.name = g.BODY_FONT
    normal.font.size = Pt(g.BODY_PT)
    from docx.oxml.ns import qn

    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), g.BODY_FONT)
    core = doc.core_properties
    core.title = document.title
    core.author = document.signature
    title = _paragraph(doc, document.title, align="center", font=g.TITLE_FONT, size=g.TITLE_PT)
    title.paragraph_format.line_spacing = Pt(g.TITLE_PT * 1.5)
    if document.number:
        _paragraph(doc, document.number, align="center")
    _paragraph(doc, "")
    if document.addressee:
        _paragraph(doc, document.addressee, align="left")
    for paragraph in document.paragraphs:
        _paragraph(doc, paragraph.text, indent=2)
    if document.rows:
        table = doc.add_table(rows=0, cols=2)
        table.style = doc.styles["Table Grid"]
        for label, value in document.rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, (label, value), strict=True):
                cell.paragraphs[0].text = ""
                _font(cell.paragraphs[0].add_run(text), g.BODY_FONT, g.BODY_PT)
    _paragraph(doc, "")
    _paragraph(doc, "")
    _paragraph(doc, document.signature, align="right", right=2)
    _paragraph(doc, document.date, align="right", right=4)
    if document.notes:
        _paragraph(doc, "")
        for note in document.notes:
            _paragraph(doc, note, indent=2)
    _footers(doc, section)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
