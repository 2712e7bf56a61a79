"""Civil dates (日期): the only date type the library accepts, and explicit conversions.

The core takes :class:`datetime.date` only. A :class:`datetime.datetime` is refused
(it is a ``date`` subclass, so it would otherwise slip through with its time and
time zone silently dropped). Convert explicitly:

>>> import datetime as dt
>>> from disclosure_flow import civil_date, parse_date
>>> civil_date(dt.datetime(2026, 9, 27, 17, 30, tzinfo=dt.timezone.utc))
datetime.date(2026, 9, 28)
>>> parse_date("2026-09-28"), parse_date("2026年9月28日")
(datetime.date(2026, 9, 28), datetime.date(2026, 9, 28))
"""

from __future__ import annotations

import datetime as _dt
import re

from disclosure_flow.errors import InvalidDateError, InvalidValueError, Wording

__all__ = ["CHINA_STANDARD_TIME", "civil_date", "parse_date"]

#: China Standard Time (UTC+8), the civil time of Asia/Shanghai since 1991. A fixed
#: offset needs no time-zone database on the host.
CHINA_STANDARD_TIME = _dt.timezone(_dt.timedelta(hours=8), "CST")

# ASCII digits only: ``\d`` would also read ``٣`` or ``²`` as numbers.
_CHINESE_DATE = re.compile(r"^\s*([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日\s*$")
#: The one form of a stored date: what ``date.isoformat()`` writes, ASCII digits only.
_STORED_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_DATE = re.compile(r"^\s*[0-9]{4}-?[0-9]{2}-?[0-9]{2}\s*$")


def check_date(value: object, field: str) -> _dt.date:
    """Return *value* if it is a civil date, else raise :class:`InvalidDateError`."""
    if type(value) is _dt.date:
        return value
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        # A date subclass (e.g. pandas-free user types) is accepted as its plain date.
        return _dt.date(value.year, value.month, value.day)
    raise InvalidDateError(field, value)


def stored_date(value: object) -> _dt.date | None:
    """The date of *value* if it is a stored date, exactly ``YYYY-MM-DD`` in ASCII
    digits and a real day, else ``None`` (the readers of stored data raise their own
    error, with its path).

    Stricter than :meth:`datetime.date.fromisoformat`, which since Python 3.11 also
    takes ``2026-W40-4``, ``20260928`` or ``2026-271``: stored data holds only what
    :meth:`datetime.date.isoformat` writes.

    >>> stored_date("2026-09-28"), stored_date("2026-W40-1"), stored_date("2026-02-30")
    (datetime.date(2026, 9, 28), None, None)
    """
    if type(value) is not str or not _STORED_DATE.fullmatch(value):
        return None
    try:
        return _dt.date(int(value[:4]), int(value[5:7]), int(value[8:]))
    except ValueError:
        return None


def civil_date(moment: _dt.datetime) -> _dt.date:
    """The Chinese civil date (北京时间日期) of an aware :class:`datetime.datetime`.

    A naive datetime is refused: its time zone would have to be guessed.

    Raises:
        InvalidDateError: *moment* is not an aware datetime.
    """
    if not isinstance(moment, _dt.datetime):
        raise InvalidDateError(
            "moment",
            moment,
            Wording(
                "civil_date() converts an aware datetime.datetime",
                "civil_date() 转换带时区的 datetime.datetime",
            ),
        )
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidDateError(
            "moment",
            moment,
            Wording(
                "a naive datetime has no time zone; attach one (e.g. tzinfo=CHINA_STANDARD_TIME)",
                "不带时区的 datetime 没有时区：请加上时区（如 tzinfo=CHINA_STANDARD_TIME）",
            ),
        )
    return moment.astimezone(CHINA_STANDARD_TIME).date()


def parse_date(text: str) -> _dt.date:
    """Parse an ISO date (``2026-09-28``, ``20260928``) or a Chinese one (``2026年9月28日``).

    Nothing ambiguous is guessed: ``01/02/2026`` or a date with a time is refused.

    Raises:
        InvalidValueError: *text* is not one of the accepted forms or not a real date.
    """
    if not isinstance(text, str):
        raise InvalidDateError(
            "text", text, Wording("parse_date() parses a str", "parse_date() 解析字符串")
        )
    allowed = Wording(
        "an ISO date like '2026-09-28' or '20260928', or a Chinese date like '2026年9月28日'",
        "ISO 日期如 '2026-09-28' 或 '20260928'，或中文日期如 '2026年9月28日'",
    )
    match = _CHINESE_DATE.match(text)
    try:
        if match:
            year, month, day = (int(g) for g in match.groups())
            return _dt.date(year, month, day)
        if _ISO_DATE.match(text):
            # Imported here: dateutil's parser costs ~17 ms at import, and only this
            # convenience function needs it.
            from dateutil import parser as dateutil_parser

            return dateutil_parser.isoparse(text.strip()).date()
    except ValueError:
        raise InvalidValueError("text", text, allowed) from None
    raise InvalidValueError("text", text, allowed)
