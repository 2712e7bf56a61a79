"""Reading a pasted holiday notice (节假日安排通知) into lines, items, clauses and dates.

The private half of :mod:`~disclosure_flow.workdays.notices`: this module knows the
notices' wording — titles, document numbers, numbered items, the phrases of each
clause — and nothing of overlays. Every function keeps the line a thing came from,
so that an error can name it.

Text is compared in Unicode NFKC form, which makes full-width punctuation, digits and
brackets (``，：（）２０２７``) and their ASCII forms the same; messages quote the
lines as pasted.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Sequence

import attrs

__all__ = [
    "Clause",
    "DateToken",
    "Line",
    "RawItem",
    "body_paragraphs",
    "chinese_number",
    "clauses",
    "find_issued",
    "find_number",
    "find_title",
    "lines_of",
    "split_items",
]

_ITEM = re.compile(r"^\s*(?P<marker>[一二三四五六七八九十]{1,3})、\s*(?P<rest>.*)$")
_HEADING = re.compile(r"^(?P<head>[^\d:()]{1,40}?)\s*:\s*(?P<body>.*)$")
_TITLE = re.compile(r"国务院(?:办公厅)?关于[^。,:;]{2,80}?的通知")
_NUMBER = re.compile(r"(?P<office>国(?:办)?发明电)[〔\[(](?P<year>\d{4})[〕\])](?P<n>\d{1,3})号")
_ISSUED_DIGITS = re.compile(r"^(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日$")
_ISSUED_HAN = re.compile(
    r"^(?P<y>[〇○零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,3})月(?P<d>[一二三四五六七八九十]{1,3})日$"
)
_SIGNATURE = re.compile(r"^国务院(?:办公厅)?$")
_ADDRESSEE = "各省"

#: A date as printed: an optional year and month, a day, an optional bracketed note.
DATE = re.compile(
    r"(?:(?P<y>\d{4})年)?(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日(?:\((?P<note>[^()]*)\))?"
)
_RANGE_OPS = "至—–-~到"
_HAN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_HAN_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}


@attrs.frozen
class Line:
    """One line of the pasted text: its 1-based number, as pasted, and normalized."""

    number: int
    original: str
    text: str


def lines_of(text: str) -> tuple[Line, ...]:
    """The text's lines, each with its NFKC form (full-width punctuation made ASCII)."""
    return tuple(
        Line(k, raw, unicodedata.normalize("NFKC", raw).replace("～", "~"))
        for k, raw in enumerate(text.splitlines(), start=1)
    )


def chinese_number(text: str) -> int | None:
    """``"二十八"`` -> 28, ``"初七"`` is not handled here; ``None`` if not a number."""
    if not text or any(ch not in _HAN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        value = 0
        for ch in text:
            value = value * 10 + _HAN_DIGITS[ch]
        return value
    tens, _, units = text.partition("十")
    if "十" in units:
        return None
    high = _HAN_DIGITS.get(tens, -1) if tens else 1
    low = _HAN_DIGITS.get(units, -1) if units else 0
    if high < 0 or low < 0:
        return None
    return high * 10 + low


def _header(lines: Sequence[Line]) -> list[Line]:
    """The lines before the addressee (各省、自治区…) or the first item."""
    header: list[Line] = []
    for line in lines:
        if line.text.strip().startswith(_ADDRESSEE) or _ITEM.match(line.text):
            break
        header.append(line)
    return header


def _joined(lines: Sequence[Line]) -> tuple[str, list[int]]:
    """The lines' text with all whitespace removed, and the line of each character."""
    chars: list[str] = []
    owners: list[int] = []
    for line in lines:
        for ch in line.text:
            if not ch.isspace():
                chars.append(ch)
                owners.append(line.number)
    return "".join(chars), owners


def find_title(lines: Sequence[Line]) -> tuple[str, int] | None:
    """The notice's title (e.g. 国务院办公厅关于2027年部分节假日安排的通知) and its line.

    Titles broken over several lines (as on the government website) are joined.
    """
    for region in (_header(lines), list(lines)):
        joined, owners = _joined(region)
        match = _TITLE.search(joined)
        if match:
            return match.group(0), owners[match.start()]
    return None


def find_number(lines: Sequence[Line]) -> tuple[str, int, int] | None:
    """The document number (发文字号) as ``国办发明电〔2026〕7号``, its year and its line."""
    for region in (_header(lines), list(lines)):
        joined, owners = _joined(region)
        match = _NUMBER.search(joined)
        if match:
            number = f"{match['office']}〔{match['year']}〕{match['n']}号"
            return number, int(match["year"]), owners[match.start()]
    return None


def find_issued(lines: Sequence[Line]) -> _dt.date | None:
    """The date under the signature (成文日期), Arabic or Chinese numerals, if printed."""
    for line in reversed(lines):
        text = "".join(line.text.split()).removeprefix("国务院办公厅").removeprefix("国务院")
        digits = _ISSUED_DIGITS.match(text)
        if digits:
            try:
                return _dt.date(int(digits["y"]), int(digits["m"]), int(digits["d"]))
            except ValueError:
                return None
        han = _ISSUED_HAN.match(text)
        if han:
            year = chinese_number(han["y"])
            month, day = chinese_number(han["m"]), chinese_number(han["d"])
            if year is None or month is None or day is None:
                return None
            try:
                return _dt.date(year, month, day)
            except ValueError:
                return None
    return None


@attrs.frozen
class RawItem:
    """A numbered item (一、元旦：…) as printed.

    Attributes:
        line: the line of its number.
        label: the number and heading as printed, for messages (``"二、春节"``).
        heading: the text before the colon, or ``None`` when the item has none.
        body: the item's text after the heading (normalized).
        body_line: the line the body starts on.
    """

    line: int
    label: str
    heading: str | None
    body: str
    body_line: int


def _split_heading(rest: str, known: frozenset[str]) -> tuple[str | None, str]:
    match = _HEADING.match(rest)
    if match and not re.search(r"\d", match["head"]):
        return match["head"].strip(), match["body"].strip()
    lead = re.match(r"^(?P<head>[^\d]{1,20}?)(?=\d)", rest)
    if lead:
        names = [part.strip(" “”\"'") for part in re.split("[、和]", lead["head"])]
        if names and all(name in known for name in names):
            return lead["head"].strip(), rest[lead.end() :].strip()
    return None, rest.strip()


def split_items(lines: Sequence[Line], known: frozenset[str]) -> list[RawItem]:
    """The numbered items, each with its heading split off (*known*: holiday names that
    may head an item without a colon, as in ``三、清明节4月4日至6日放假``).

    An item whose heading stands alone on its line (``一、元旦：``) takes the next
    non-empty line as its body, and an item goes on over the lines after it that give
    dates (an item broken over lines, as copies of the 2008 and 2009 notices print
    ``其中，…`` on a line of its own), up to the next item, a line without a date (the
    closing paragraph), the signature or the date under it.
    """
    items: list[RawItem] = []
    for index, line in enumerate(lines):
        match = _ITEM.match(line.text)
        if not match:
            continue
        heading, body = _split_heading(match["rest"], known)
        body_line = line.number
        for later in lines[index + 1 :]:
            text = later.text.strip()
            if not text:
                continue
            if _ITEM.match(later.text) or not _continues(text, first=not body):
                break
            if not body:
                body_line = later.number
            body += text
        label = f"{match['marker']}、{heading}" if heading else f"{match['marker']}、"
        items.append(RawItem(line.number, label, heading, body, body_line))
    return items


def _continues(text: str, *, first: bool) -> bool:
    """Whether *text*, a line after an item's, is more of the item: any line for a
    heading that stands alone (*first*), else a line with a date that is neither the
    signature nor the date under it."""
    if first:
        return True
    compact = "".join(text.split())
    dated = compact.removeprefix("国务院办公厅").removeprefix("国务院").rstrip("。")
    if _SIGNATURE.match(compact) or _ISSUED_DIGITS.match(dated):
        return False
    return DATE.search(compact) is not None


def body_paragraphs(lines: Sequence[Line]) -> list[tuple[int, str]]:
    """The paragraphs between the addressee and the signature, for a notice without
    numbered items (as the 2015 notice of the Victory Day was): ``(line, text)``."""
    found: list[tuple[int, str]] = []
    started = False
    for line in lines:
        text = line.text.strip()
        if not started:
            started = text.startswith(_ADDRESSEE)
            continue
        if _SIGNATURE.match("".join(text.split())):
            break
        if text:
            found.append((line.number, text))
    return found


@attrs.frozen
class DateToken:
    """A printed date (``2月4日（星期六）``) before its year and month are known.

    Attributes:
        text: the date as printed (normalized), note included.
        year: the year printed with it, if any.
        month: the month printed with it, if any.
        day: the day of the month.
        note: the bracketed note, e.g. ``"农历除夕、周二"``, or ``""``.
    """

    text: str
    year: int | None
    month: int | None
    day: int
    note: str


@attrs.frozen
class Clause:
    """One clause of an item: its shape and its dates.

    ``shape`` is the clause with every date replaced by ``D`` and every range of two
    dates by ``R`` (``"R放假调休"``, ``"D、D上班"``); ``spans`` holds, in order, one
    tuple per ``D`` (one token) or ``R`` (two tokens).
    """

    text: str
    shape: str
    spans: tuple[tuple[DateToken, ...], ...]


def _split_top(text: str, separators: str) -> list[str]:
    """Split at *separators* outside brackets."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        if ch in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def _shape(text: str) -> Clause:
    tokens: list[DateToken] = []
    pieces: list[str] = []
    last = 0
    for match in DATE.finditer(text):
        pieces.append(text[last : match.start()])
        pieces.append("\0")
        tokens.append(
            DateToken(
                match.group(0),
                int(match["y"]) if match["y"] else None,
                int(match["m"]) if match["m"] else None,
                int(match["d"]),
                (match["note"] or "").strip(),
            )
        )
        last = match.end()
    pieces.append(text[last:])
    raw = "".join(pieces)
    shape: list[str] = []
    spans: list[tuple[DateToken, ...]] = []
    index = 0
    position = 0
    while position < len(raw):
        ch = raw[position]
        if ch == "\0":
            ahead = raw[position + 1 : position + 3]
            if len(ahead) == 2 and ahead[0] in _RANGE_OPS and ahead[1] == "\0":
                spans.append((tokens[index], tokens[index + 1]))
                shape.append("R")
                index += 2
                position += 3
                continue
            spans.append((tokens[index],))
            shape.append("D")
            index += 1
        else:
            shape.append(ch)
        position += 1
    return Clause(text, "".join(shape).replace(" ", ""), tuple(spans))


_PREFIXES = ("其中", "将", "即")
_ADVISORY = "鼓励"


def clauses(body: str) -> list[Clause]:
    """The clauses of an item's text: sentences (。) split at top-level ``,;:``.

    A sentence that encourages rather than arranges (``鼓励……``) is left out: it sets
    no day. A clause that is only a date joins the next (``4月4日（清明节），为法定节假日``).
    """
    found: list[Clause] = []
    for sentence in _split_top("".join(body.split()), "。"):
        if _ADVISORY in sentence:
            continue
        pending = ""
        for part in _split_top(sentence, ",;:"):
            for prefix in _PREFIXES:
                if part.startswith(prefix):
                    part = part[len(prefix) :].strip()
            if not part:
                continue
            part = pending + part
            clause = _shape(part)
            if clause.shape and set(clause.shape) <= set("DR、"):
                pending = part
                continue
            pending = ""
            found.append(clause)
        if pending:
            found.append(_shape(pending))
    return found
