"""A document as a printable HTML page (文书的网页格式): A4 per GB/T 9704.

Every piece of text is escaped (:func:`html.escape`, quotes too): what a user typed
prints as typed and can never become markup. The page carries its own print layout —
A4, margins 37/35/28/26 mm, the body in 仿宋 16 pt on a 28.95 pt line, the title in
小标宋 22 pt, page numbers ``— 1 —`` at the foot, odd pages right and even pages left —
so a browser's "print" (or ``chromium --print-to-pdf``) gives the paper document.
"""

from __future__ import annotations

from html import escape

from disclosure_flow.documents import gbt9704 as g
from disclosure_flow.documents.model import Document

__all__ = ["to_html"]

#: Fonts the reader may have, then any Chinese font, so that a page always prints.
_FALLBACK = '"Noto Serif CJK SC", "Source Han Serif SC", "WenQuanYi Zen Hei", serif'
_BODY_FONTS = f'"{g.BODY_FONT}", "FangSong", "STFangsong", "仿宋_GB2312", {_FALLBACK}'
_TITLE_FONTS = f'"{g.TITLE_FONT}", "FZXiaoBiaoSong-B05S", "STZhongsong", "SimSun", {_FALLBACK}'
_NUMBER_FONTS = f'"{g.PAGE_NUMBER_FONT}", "SimSun", {_FALLBACK}'
_TOP, _BOTTOM, _LEFT, _RIGHT = g.MARGINS_MM

_STYLE = f"""
@page {{ size: A4; margin: {_TOP}mm {_RIGHT}mm {_BOTTOM}mm {_LEFT}mm; }}
@page :right {{ @bottom-right {{ content: "— " counter(page) " —"; font-family: {_NUMBER_FONTS};
  font-size: {g.PAGE_NUMBER_PT}pt; margin-right: 1em; }} }}
@page :left {{ @bottom-left {{ content: "— " counter(page) " —"; font-family: {_NUMBER_FONTS};
  font-size: {g.PAGE_NUMBER_PT}pt; margin-left: 1em; }} }}
html {{ background: #fff; color: #000; }}
body {{ margin: 0; font-family: {_BODY_FONTS}; font-size: {g.BODY_PT}pt;
  line-height: {g.LINE_PT}pt; }}
h1 {{ margin: 0 0 {g.LINE_PT}pt; font-family: {_TITLE_FONTS}; font-size: {g.TITLE_PT}pt;
  font-weight: normal; line-height: 1.4; text-align: center; }}
p {{ margin: 0; text-align: justify; }}
.number {{ text-align: center; margin-bottom: {g.LINE_PT}pt; }}
.body {{ text-indent: 2em; }}
.signature {{ text-align: right; margin-top: {g.LINE_PT * 2}pt; margin-right: 2em; }}
.date {{ text-align: right; margin-right: 4em; }}
.notes {{ margin-top: {g.LINE_PT}pt; }}
.notes p {{ text-indent: 2em; }}
table.form {{ width: 100%; border-collapse: collapse; margin-top: {g.LINE_PT / 2}pt; }}
table.form th, table.form td {{ border: 1px solid #000; padding: 6pt 8pt; vertical-align: middle;
  font-weight: normal; text-align: left; }}
table.form th {{ width: 8em; white-space: nowrap; }}
@media screen {{ body {{ width: 156mm; margin: 24px auto; }} }}
"""


def to_html(document: Document) -> str:
    """*document* as a complete HTML page, every text escaped."""
    e = escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(document.title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f'<article class="document" data-kind="{e(document.kind.value)}">',
        f"<h1>{e(document.title)}</h1>",
    ]
    if document.number:
        parts.append(f'<p class="number">{e(document.number)}</p>')
    if document.addressee:
        parts.append(f'<p class="addressee">{e(document.addressee)}</p>')
    for paragraph in document.paragraphs:
        element = e(paragraph.element)
        parts.append(f'<p class="body" data-element="{element}">{e(paragraph.text)}</p>')
    if document.rows:
        parts.append('<table class="form">')
        for label, value in document.rows:
            parts.append(f"<tr><th>{e(label)}</th><td>{e(value)}</td></tr>")
        parts.append("</table>")
    parts.append(f'<p class="signature">{e(document.signature)}</p>')
    parts.append(f'<p class="date">{e(document.date)}</p>')
    if document.notes:
        parts.append('<div class="notes">')
        parts += [f"<p>{e(note)}</p>" for note in document.notes]
        parts.append("</div>")
    parts += ["</article>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"
