"""The layout of official documents (党政机关公文格式, GB/T 9704-2012), as numbers.

The page, margins and type every printed format uses: A4; the type area 156 mm × 225 mm
placed 37 mm from the top and 28 mm from the binding edge (GB/T 9704 5.2.1), so the
margins are 37/35/28/26 mm; the body in 3号仿宋 (16 pt), 22 lines a page of 28
characters; the title in 2号小标宋 (22 pt); page numbers in 4号 (14 pt) Arabic numerals
with a dash on each side (— 1 —), odd pages to the right and even pages to the left,
one character in from the edge (GB/T 9704 7.5).
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "BODY_FONT",
    "BODY_PT",
    "LINE_PT",
    "MARGINS_MM",
    "PAGE_MM",
    "PAGE_NUMBER_FONT",
    "PAGE_NUMBER_PT",
    "TITLE_FONT",
    "TITLE_PT",
]

#: The page: A4, width × height in millimetres.
PAGE_MM: Final = (210, 297)
#: Margins in millimetres: top, bottom, left (binding edge), right.
MARGINS_MM: Final = (37, 35, 28, 26)
#: The body: 仿宋, 三号 = 16 pt.
BODY_FONT: Final = "仿宋"
BODY_PT: Final = 16.0
#: The title: 小标宋, 二号 = 22 pt.
TITLE_FONT: Final = "方正小标宋简体"
TITLE_PT: Final = 22.0
#: 22 lines in the 225 mm type area: a line pitch of 225 mm / 22 ≈ 28.95 pt.
LINE_PT: Final = 28.95
#: Page numbers: 宋体, 四号 = 14 pt.
PAGE_NUMBER_FONT: Final = "宋体"
PAGE_NUMBER_PT: Final = 14.0
