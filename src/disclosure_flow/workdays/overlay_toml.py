"""An overlay as the TOML file a clerk edits (叠加日历的 TOML 文件).

:func:`overlay_to_toml` writes the format :meth:`~disclosure_flow.Overlay.from_toml`
reads, one ``[[entry]]`` table per date, so that the file loads back to an equal
overlay. ``disclosure-flow calendar import-notice`` writes a pasted holiday notice this
way for a person to check and keep.

>>> import datetime as dt
>>> from disclosure_flow import Overlay, OverlayEntry, OverlayKind
>>> closed = OverlayEntry(dt.date(2026, 7, 14), OverlayKind.DAY_OFF, "停电", "县政府通知（示例）")
>>> closure = Overlay("某县政务服务中心", [closed])
>>> print(overlay_to_toml(closure))
name = "某县政务服务中心"
scope = "local"
<BLANKLINE>
[[entry]]
date = 2026-07-14
kind = "day_off"
label = "停电"
source = "县政府通知（示例）"
status = "confirmed"
<BLANKLINE>
>>> Overlay.from_toml(overlay_to_toml(closure)) == closure
True
"""

from __future__ import annotations

from collections.abc import Iterable

from disclosure_flow.errors import InvalidValueError, Wording
from disclosure_flow.workdays.overlays import Overlay

__all__ = ["overlay_to_toml"]

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _string(text: str) -> str:
    """A TOML basic string."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def overlay_to_toml(overlay: Overlay, *, comments: Iterable[str] = ()) -> str:
    """The TOML text of *overlay* (its ``[[entry]]`` tables in date order).

    Args:
        overlay: the overlay to write.
        comments: lines written first, each as a ``#`` comment (e.g. where the data
            came from, and that it must be checked against the notice).
    """
    if not isinstance(overlay, Overlay):
        raise InvalidValueError("overlay", overlay, Wording("an Overlay", "Overlay 节假日数据"))
    lines = [f"# {line}".rstrip() for text in comments for line in str(text).splitlines()]
    if lines:
        lines.append("")
    lines.append(f"name = {_string(overlay.name)}")
    lines.append(f"scope = {_string(overlay.scope.value)}")
    if overlay.covers:
        lines.append("covers = [" + ", ".join(str(year) for year in overlay.covers) + "]")
    for entry in overlay.entries:
        lines.append("")
        lines.append("[[entry]]")
        lines.append(f"date = {entry.day.isoformat()}")
        lines.append(f"kind = {_string(entry.kind.value)}")
        lines.append(f"label = {_string(entry.label)}")
        lines.append(f"source = {_string(entry.source)}")
        lines.append(f"status = {_string(entry.status.value)}")
        if entry.overrides_national:
            lines.append("overrides_national = true")
    return "\n".join(lines) + "\n"
