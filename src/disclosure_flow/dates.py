"""Civil dates (日期): the only date type the library accepts, and explicit conversions.

The core takes :class:`datetime.date` only. A :class:`datetime.datetime` is refused
(it is a ``date`` subclass, so it would otherwise slip through with its time and
time zone silently dropped). Convert explicitly:

>>> import datetime as dt
>>> from disclosure_flow import civil_date, parse_date
>>> civil_date(dt.datetime(2026, 9, 27, 17, 30, tzinfo=dt.timezone.utc))
datetime.date(2026, 9, 28)
>>> parse_date("2026-09-28"), parse_date("2026/9/28"), parse_date("2026年9月28日")
(datetime.date(2026, 9, 28), datetime.date(2026, 9, 28), datetime.date(2026, 9, 28))
"""

from __future__ import annotations

import datetime as _dt
import re

from disclosure_flow.errors import InvalidDateError, InvalidValueError, Wording

__all__ = ["CHINA_STANDARD_TIME", "civil_date", "parse_date"]

#: China Standard Time (UTC+8), the civil time of Asia/Shanghai since 1991. A fixed
#: offset needs no time-zone database on the host.
CHINA_STANDARD_TIME = _dt.timezone(_dt.timedelta(hours=8), "CST")

#: The forms :func:`parse_date` reads, each as 28 September 2026 is written in it (日期写法).
DATE_FORMS = ("2026-09-28", "2026/9/28", "2026.9.28", "2026年9月28日", "20260928")

# ASCII digits only: ``\d`` would also read ``٣`` or ``²`` as numbers. The year comes
# first, in four digits; month and day in one or two, between one separator used
# twice; or all eight digits run together. Nothing else is guessed (``2026928``).
_WRITTEN_DATE = re.compile(
    r"(?P<y>[0-9]{4})(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"
    r"|(?P<cy>[0-9]{4})\s*年\s*(?P<cm>[0-9]{1,2})\s*月\s*(?P<cd>[0-9]{1,2})\s*日"
    r"|(?P<ny>[0-9]{4})(?P<nm>[0-9]{2})(?P<nd>[0-9]{2})"
)
#: The one form of a stored date: what ``date.isoformat()`` writes, ASCII digits only.
_STORED_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


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
                "不带时区的 datetime 无从确定日期：请加上时区（如 tzinfo=CHINA_STANDARD_TIME）",
            ),
        )
    return moment.astimezone(CHINA_STANDARD_TIME).date()


def _written(text: str) -> tuple[int, int, int] | None:
    """The year, month and day *text* writes in one of :data:`DATE_FORMS` (spaces
    around it allowed), not yet checked to be a real day; ``None`` in any other form."""
    match = _WRITTEN_DATE.fullmatch(text.strip())
    if match is None:
        return None
    y, m, d = (g for g in match.group("y", "m", "d", "cy", "cm", "cd", "ny", "nm", "nd") if g)
    return int(y), int(m), int(d)


def _days_in(year: int, month: int) -> int:
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _MONTH_DAYS[month - 1]


def _forms(lang: str) -> str:
    if lang == "zh":
        return "、".join(DATE_FORMS)
    return ", ".join(DATE_FORMS[:-1]) + " or " + DATE_FORMS[-1]


def _unreal(year: int, month: int, day: int, lang: str) -> str:
    """Why *year*-*month*-*day* is not a real day, or ``""`` if it is one."""
    zh = lang == "zh"
    if not 1 <= month <= 12:
        return f"没有{month}月" if zh else f"there is no month {month}"
    if day == 0:
        return "没有0日" if zh else "there is no day 0"
    if year == 0:
        return "没有0年（公元纪年从1年开始）" if zh else "there is no year 0"
    last = _days_in(year, month)
    if day > last:
        if zh:
            return f"{year}年{month}月只有{last}天"
        return f"{_MONTHS[month - 1]} {year} has {last} days"
    return ""


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date_problem(text: str, lang: str = "en") -> str:
    """Why *text* is not a date :func:`parse_date` reads, in *lang* (``"zh"`` or
    ``"en"``), to follow the value in a message; ``""`` when it is one.

    >>> date_problem("2026-02-30")
    'is not a real day: February 2026 has 28 days'
    >>> date_problem("2026-02-30", "zh")
    '不是实际存在的日期：2026年2月只有28天'
    >>> date_problem("2026年9月28日")
    ''
    """
    zh = lang == "zh"
    forms = _forms(lang)
    if any(c.isdigit() and not c.isascii() for c in text):
        if zh:
            return f"含有 0-9 以外的数字（全角等数字不予识读）；可用写法：{forms}"
        return (
            f"has a digit other than 0-9 (full-width and other digits are not read); write {forms}"
        )
    fields = _written(text)
    if fields is None:
        if zh:
            return f"不是可识读的日期写法；可用写法：{forms}（年份在前，写足四位）"
        return f"is not a date in a form read here; write {forms} (the year first, in four digits)"
    why = _unreal(*fields, lang)
    if why:
        return f"不是实际存在的日期：{why}" if zh else f"is not a real day: {why}"
    return ""


def parse_date(text: str) -> _dt.date:
    """Parse a date as a clerk writes it: ``2026-09-28``, ``2026/9/28``, ``2026.9.28``,
    ``2026年9月28日`` (``2026年09月28日``) or ``20260928`` (:data:`DATE_FORMS`).

    The year comes first, in four digits; month and day in one or two digits between
    the separators (the same one twice), in exactly two in the eight-digit form; digits
    are ASCII ``0-9`` only. Nothing ambiguous is guessed: ``01/02/2026``, ``2026928``
    or a date with a time is refused, and so is a day that does not exist
    (``2026-02-30``): the message says which, and lists the forms.

    Raises:
        InvalidDateError: *text* is not a str.
        InvalidValueError: *text* is not in one of the forms, or not a real day.
    """
    if not isinstance(text, str):
        raise InvalidDateError(
            "text", text, Wording("parse_date() parses a str", "parse_date() 解析字符串")
        )
    fields = None if any(c.isdigit() and not c.isascii() for c in text) else _written(text)
    if fields is None:
        raise InvalidValueError(
            "text",
            text,
            Wording(
                f"a date written {_forms('en')}, in digits 0-9, the year first",
                f"写作 {_forms('zh')} 的日期，用数字 0-9，年份在前",
            ),
        )
    why = _unreal(*fields, "en")
    if why:
        raise InvalidValueError(
            "text",
            text,
            Wording(
                f"a real day ({why}), written {_forms('en')}",
                f"真实存在的日期（{_unreal(*fields, 'zh')}），写作 {_forms('zh')}",
            ),
        )
    return _dt.date(*fields)
