"""A document as Markdown or as plain text (文书的文本格式).

Markdown escapes every character of the document's text that Markdown would read as
markup, so that text a user typed (a name, a description) cannot turn into a heading,
a link or raw HTML. Plain text is laid out for a fixed-width screen: the body indented
two full-width spaces, the signature and the date set to the right of a 28-character
line (GB/T 9704: 28 characters a line).
"""

from __future__ import annotations

import re

from disclosure_flow.documents.model import Document

__all__ = ["markdown_escape", "to_markdown", "to_text"]

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&$])")
_MD_LINE_START = re.compile(r"^(\s*)(\d+)([.)])")
_MD_DASH = re.compile(r"^(\s*)([-=])")


def markdown_escape(text: str) -> str:
    """*text* with every Markdown special character escaped (and an ordered-list or
    heading-underline at its start), so it prints as written."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(r"\1\2\\\3", text)
    return _MD_DASH.sub(r"\1\\\2", text)


def to_markdown(document: Document) -> str:
    """*document* as Markdown: the title a heading, then its parts as paragraphs."""
    e = markdown_escape
    out = [f"# {e(document.title)}", ""]
    if document.number:
        out += [e(document.number), ""]
    if document.addressee:
        out += [e(document.addressee), ""]
    for paragraph in document.paragraphs:
        out += [e(paragraph.text), ""]
    if document.rows:
        out += ["| 项目 | 内容 |", "| --- | --- |"]
        out += [f"| {e(label)} | {e(value) or ' '} |" for label, value in document.rows]
        out.append("")
    out += [e(document.signature) + "  ", e(document.date), ""]
    for note in document.notes:
        out += [e(note), ""]
    return "\n".join(out).rstrip("\n") + "\n"


_WIDTH = 28
_FULL = "\u3000"


def _width(text: str) -> int:
    """Display width in full-width characters (a Latin letter or digit counts half)."""
    halves = sum(1 if ord(c) < 0x1100 else 2 for c in text)
    return (halves + 1) // 2


def _right(text: str, margin: int = 0) -> str:
    pad = max(_WIDTH - _width(text) - margin, 0)
    return _FULL * pad + text


def to_text(document: Document) -> str:
    """*document* as plain text for a fixed-width screen (one paragraph a line)."""
    pad = max((_WIDTH - _width(document.title)) // 2, 0)
    out = [_FULL * pad + document.title, ""]
    if document.number:
        out += [_FULL * max((_WIDTH - _width(document.number)) // 2, 0) + document.number, ""]
    if document.addressee:
        out.append(document.addressee)
    out += [_FULL * 2 + p.text for p in document.paragraphs]
    if document.rows:
        out += [f"{label}：{value}" for label, value in document.rows]
    out += ["", _right(document.signature, 2), _right(document.date, 4)]
    if document.notes:
        out.append("")
        out += [_FULL * 2 + note for note in document.notes]
    return "\n".join(out) + "\n"
