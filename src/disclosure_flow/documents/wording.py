"""The wording a document shares (文书用语): dates, numbers and citations in Chinese.

Official documents write dates with Arabic numerals and 年月日, without leading zeros
(GB/T 9704 7.3.5.4: 成文日期用阿拉伯数字将年、月、日标全), and cite an article in Chinese
numerals (第三十六条第（五）项). These helpers give both.

>>> import datetime as dt
>>> chinese_date(dt.date(2026, 9, 28))
'2026年9月28日'
>>> cite("Art. 36(5)"), cite("Art. 16 ¶2"), cite("条例(2019) Art. 33 ¶2")
('第三十六条第（五）项', '第十六条第二款', '第三十三条第二款')
>>> period_zh(20, "working_days"), period_zh(6, "months")
('20个工作日', '6个月')
"""

from __future__ import annotations

import datetime as _dt
import re

__all__ = ["REGULATION", "chinese_date", "chinese_number", "cite", "period_zh"]

#: The regulation's full title, as cited in documents.
REGULATION = "《中华人民共和国政府信息公开条例》"

_DIGITS = "零一二三四五六七八九"


def chinese_date(day: _dt.date) -> str:
    """*day* as a document writes it: ``2026年9月28日``."""
    return f"{day.year}年{day.month}月{day.day}日"


def chinese_number(n: int) -> str:
    """*n* (1–99) in Chinese numerals, as article numbers are written: ``三十六``."""
    if not 0 < n < 100:
        raise ValueError(f"an article number from 1 to 99, not {n}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + ("" if ones == 0 else _DIGITS[ones])


_ARTICLE = re.compile(r"Art\. (?P<article>\d+)(?: ¶(?P<paragraph>\d+))?(?:\((?P<item>\d+)\))?")


def cite(article: str) -> str:
    """An article reference of the library (``"Art. 36(5)"``, ``"Art. 16 ¶2"``, with or
    without the law's name before it) in Chinese: ``第三十六条第（五）项``. Text without an
    article number is returned as it is."""
    match = _ARTICLE.search(article)
    if match is None:
        return article
    out = f"第{chinese_number(int(match['article']))}条"
    if match["paragraph"]:
        out += f"第{chinese_number(int(match['paragraph']))}款"
    if match["item"]:
        out += f"第（{chinese_number(int(match['item']))}）项"
    return out


_UNITS = {"working_days": "个工作日", "days": "日", "months": "个月"}


def period_zh(length: int, unit: str) -> str:
    """A period as a document states it: ``20个工作日``, ``60日``, ``6个月``; *unit* is a
    :class:`~disclosure_flow.clock.PeriodUnit` value."""
    return f"{length}{_UNITS[unit]}"
