"""HTML for notebooks (富文本显示): the pieces every layer's HTML view shares.

Each layer renders its own values (:func:`disclosure_flow.clock.deadline_html`,
:func:`disclosure_flow.cases.case_html`); every text goes through :func:`html.escape`.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

__all__ = ["TABLE", "row"]

#: The opening tag of every table.
TABLE = '<table class="disclosure-flow-table" style="text-align:left">'


def row(cells: Iterable[object], tag: str = "td") -> str:
    """One table row, every cell escaped."""
    return "<tr>" + "".join(f"<{tag}>{escape(str(c))}</{tag}>" for c in cells) + "</tr>"
