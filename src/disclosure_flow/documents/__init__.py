"""The documents an agency sends (答复文书): a case's act as the document that tells it.

The interface layer for documents, above the cases and the clock: it reads a
:class:`~disclosure_flow.Case` through its public face and nothing imports it but the
command line.

- :class:`DocumentKind` — the documents (登记回执, 补正告知书, 延期答复告知书, 征求意见书,
  收费通知书, 说明理由通知书, 延迟答复告知书, 答复书, 终止办理告知书, 送达回证);
- :class:`AgencyProfile` — the agency they come from, in Python or the TOML file a
  clerk edits;
- :func:`render_document` — the document for the act just recorded, as Markdown, plain
  text, printable HTML or DOCX (GB/T 9704); :func:`build_document` gives its parts;
  :func:`documents_for` says which documents fit a case;
- :func:`add_document_command` — ``disclosure-flow document``, for the command line;
- :class:`DocumentTemplates` — the Jinja2 templates that word them (the library's, or a
  host's folder overriding one or all), each checked for the elements the law requires
  when it is loaded.

Rendering needs the optional extra ``documents`` (Jinja2 and python-docx):
``pip install 'disclosure-flow[documents]'``. This package imports without it.
"""

from __future__ import annotations

from disclosure_flow.documents.command import add_document_command
from disclosure_flow.documents.context import documents_for
from disclosure_flow.documents.kinds import DocumentFormat, DocumentKind
from disclosure_flow.documents.model import Document, Paragraph
from disclosure_flow.documents.profile import AgencyProfile
from disclosure_flow.documents.render import build_document, render_document
from disclosure_flow.documents.templates import DocumentTemplates
from disclosure_flow.documents.wording import chinese_date

__all__ = [
    "AgencyProfile",
    "Document",
    "DocumentFormat",
    "DocumentKind",
    "DocumentTemplates",
    "Paragraph",
    "add_document_command",
    "build_document",
    "chinese_date",
    "documents_for",
    "render_document",
]
