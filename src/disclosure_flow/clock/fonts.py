"""The fonts of the timeline picture (时间轴字体): a Chinese font found among those
installed, used per figure — the global ``rcParams`` of the host program are never
changed — and matplotlib imported only when a picture is drawn (optional extra
``plot``: ``pip install 'disclosure-flow[plot]'``).

Every text of a figure is drawn with one font file: the one given, or the Chinese font
:func:`find_cjk_font` finds, or else matplotlib's default sans-serif font. Without a
Chinese font, a Chinese picture is drawn with English labels and warns with
:class:`CJKFontWarning`; a character the font lacks is drawn as ``?``, so matplotlib's
"Glyph missing" warning never appears.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any

from disclosure_flow.errors import InvalidValueError, Wording

__all__ = ["CJK_FONT_FAMILIES", "CJKFontWarning", "find_cjk_font"]

#: Chinese fonts looked for by :func:`find_cjk_font`, in order of preference.
CJK_FONT_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
    "Hiragino Sans GB",
    "Heiti SC",
    "Noto Sans SC",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
    "AR PL UMing CN",
    "Droid Sans Fallback",
)
#: Characters a font must have to be taken for a Chinese one: the labels' own.
_PROBE = "答复期限收到申请暂停计时延长个工作日法定节假日周末调休上班国庆春元旦清明劳动端午中秋"
#: Words in a font file's name that suggest a Chinese font (for files matplotlib's font
#: list does not know yet: a font installed after that list was built).
_FILE_HINTS = (
    "cjk",
    "wqy",
    "wenquanyi",
    "sourcehan",
    "simhei",
    "simsun",
    "msyh",
    "yahei",
    "pingfang",
    "droidsansfallback",
    "notosanssc",
    "notoserifsc",
    "uming",
    "ukai",
    "hiragino",
    "heiti",
)
_MISSING = "?"


class CJKFontWarning(UserWarning):
    """No Chinese font was found for a Chinese picture (未找到中文字体): the picture is
    drawn with English labels instead. Install one (e.g. Debian's ``fonts-wqy-zenhei``
    or ``fonts-noto-cjk``) or pass ``font=`` a font file."""


# -- matplotlib, the optional extra ---------------------------------------------------


def _matplotlib() -> Any:
    try:
        import matplotlib
        import matplotlib.dates
        import matplotlib.figure
        import matplotlib.font_manager
        import matplotlib.patches
    except ImportError as error:
        raise ModuleNotFoundError(
            "the timeline picture needs matplotlib, an optional extra: "
            "pip install 'disclosure-flow[plot]'",
            name="matplotlib",
        ) from error
    return matplotlib


# -- fonts ------------------------------------------------------------------------------


def _charmap(path: str) -> frozenset[int]:
    """The code points a font file has glyphs for (empty when it cannot be read)."""
    font_manager = _matplotlib().font_manager
    try:
        return frozenset(font_manager.get_font(path).get_charmap())
    except (OSError, RuntimeError, ValueError):
        return frozenset()


def _chinese(path: str) -> bool:
    charmap = _charmap(path)
    return all(ord(c) in charmap for c in _PROBE)


def find_cjk_font() -> Path | None:
    """The file of an installed Chinese font for the timeline's labels (查找中文字体), or
    ``None`` when there is none.

    Looks first in matplotlib's font list (:data:`matplotlib.font_manager.fontManager`)
    for the families of :data:`CJK_FONT_FAMILIES`, in that order, then among the
    system's font files whose names suggest a Chinese font (one installed after
    matplotlib built its font list). A font is taken only if it has the glyphs of the
    labels. Nothing global changes: neither ``rcParams`` nor the font list.

    Raises:
        ModuleNotFoundError: matplotlib is not installed (extra ``plot``).
    """
    font_manager = _matplotlib().font_manager
    known: dict[str, str] = {}
    for entry in font_manager.fontManager.ttflist:
        known.setdefault(entry.name, entry.fname)
    for family in CJK_FONT_FAMILIES:
        path = known.get(family)
        if path is not None and _chinese(path):
            return Path(path)
    listed = {os.path.realpath(entry.fname) for entry in font_manager.fontManager.ttflist}
    for path in sorted(font_manager.findSystemFonts()):
        name = os.path.basename(path).lower().replace("-", "").replace("_", "")
        if os.path.realpath(path) in listed or not any(hint in name for hint in _FILE_HINTS):
            continue
        if _chinese(path):
            return Path(path)
    return None


class _Font:
    """The one font file every text of a figure is drawn with, and what it can draw."""

    def __init__(self, path: str) -> None:
        self.properties = _matplotlib().font_manager.FontProperties(fname=path)
        self.path = path
        self.charmap = _charmap(path)

    def fit(self, text: str) -> str:
        """*text* on one line, with each character the font lacks as ``?`` and any other
        white space as a space (so matplotlib never warns of a missing glyph)."""
        return "".join(self._fit(c) for c in text)

    def _fit(self, c: str) -> str:
        if c == " " or (ord(c) in self.charmap and not c.isspace()):
            return c
        return " " if c.isspace() else _MISSING

    def has(self, text: str) -> bool:
        return all(c == " " or (ord(c) in self.charmap and not c.isspace()) for c in text)


def _choose_font(font: str | os.PathLike[str] | None, lang: str) -> tuple[_Font, str]:
    """The figure's font and the language its labels are drawn in."""
    if font is not None:
        try:
            path = os.fspath(font)
        except TypeError:
            path = None
        if not isinstance(path, str) or not os.path.isfile(path):
            raise InvalidValueError(
                "font",
                font,
                Wording(
                    "the path of a font file (.ttf, .otf, .ttc)",
                    "字体文件的路径（.ttf、.otf、.ttc）",
                ),
            )
        chosen = _Font(path)
        if not chosen.charmap:
            raise InvalidValueError(
                "font",
                font,
                Wording("a font file matplotlib can read", "matplotlib 能读取的字体文件"),
            )
        if lang == "zh" and not chosen.has(_PROBE):
            warnings.warn(
                f"the font {path} has no Chinese glyphs: the timeline is drawn in English",
                CJKFontWarning,
                stacklevel=4,
            )
            lang = "en"
        return chosen, lang
    found = find_cjk_font()
    if found is not None:
        return _Font(str(found)), lang
    if lang == "zh":
        warnings.warn(
            "no Chinese font is installed (e.g. fonts-wqy-zenhei or fonts-noto-cjk): "
            "the timeline is drawn in English",
            CJKFontWarning,
            stacklevel=4,
        )
    font_manager = _matplotlib().font_manager
    default = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]))
    return _Font(default), "en"
