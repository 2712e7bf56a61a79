"""A document made (文书): its parts as plain text, before any format lays them out.

Every format (Markdown, plain text, HTML, DOCX) is laid out from one
:class:`Document`, so that they say the same thing; the HTML and DOCX writers escape or
quote every piece of it, whatever it holds.
"""

from __future__ import annotations

import datetime as _dt

import attrs

from disclosure_flow.documents.kinds import DocumentKind

__all__ = ["Document", "Paragraph"]


@attrs.frozen
class Paragraph:
    """One paragraph of a document's body (正文段落).

    Attributes:
        element: the element (template block) it belongs to, e.g. ``"remedies"``.
        text: its text, one line.
    """

    element: str
    text: str


@attrs.frozen
class Document:
    """A document with its parts (文书要素), ready to be laid out in a format.

    Attributes:
        kind: which document.
        title: its title (标题).
        number: its document number (发文字号), or ``None``.
        addressee: whom it is addressed to (主送), with the colon, or ``None``.
        paragraphs: the body, element by element (正文).
        rows: the rows of a form (the 送达回证): label and value.
        signature: the agency's name as signed (发文机关署名).
        issued: the date it bears (成文日期).
        date: that date in Chinese (``2026年9月28日``).
        notes: the notes printed under the date (附注): contacts, a provisional date.
    """

    kind: DocumentKind
    title: str
    number: str | None
    addressee: str | None
    paragraphs: tuple[Paragraph, ...]
    rows: tuple[tuple[str, str], ...]
    signature: str
    issued: _dt.date
    date: str
    notes: tuple[str, ...]

    def element(self, name: str) -> str:
        """The text of element *name* (its paragraphs joined by newlines), or ``""``."""
        return "\n".join(p.text for p in self.paragraphs if p.element == name)

    @property
    def elements(self) -> tuple[str, ...]:
        """The elements present, in order (each once)."""
        return tuple(dict.fromkeys(p.element for p in self.paragraphs))
