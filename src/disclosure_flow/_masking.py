"""How an error message shows a value (脱敏): bounded, with identity and contact data
masked. The implementation of :func:`disclosure_flow.errors.show_value`,
:func:`~disclosure_flow.errors.mask_text` and :func:`~disclosure_flow.errors.mask_token`,
which say what they do.
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Mapping
from typing import Any

#: At most about this many characters of a value are shown.
_VALUE_WIDTH = 80
#: Characters shown of a long string: on its own, and inside a container.
_STRING_HEAD = 60
_INNER_STRING_HEAD = 24
#: Characters read past a cut, so that a number the cut splits is still recognised.
_MASK_MARGIN = 24
#: Characters of a place (a path, an overlay entry) shown.
_PLACE_WIDTH = 160

#: An e-mail address; its local part is ASCII, or (a rarer internationalised address)
#: all non-ASCII, so a word written right before it is not taken for part of it.
_EMAIL = re.compile(r"([A-Za-z0-9._%+\-]+|[^\x00-\x7f\s@]+)@([\w\-]+(?:\.[\w\-]+)+)")
#: A phone number written in groups: ``138-1234-5678``, ``+86 138 1234 5678``.
_GROUPED_PHONE = re.compile(
    r"(?<![0-9A-Za-z])(\+\d{1,3}[ \-])?(\d{2,4}[ \-]\d{3,4}[ \-]\d{4})(?![0-9A-Za-z])"
)
#: A run of letters and digits: an identity number, a code, a phone number, a word.
_TOKEN = re.compile(r"(?:[A-Za-z]|\d)+")
_DIGIT = re.compile(r"\d")
#: The shape of a unified social credit code (GB 32100-2015), whatever its digits.
_SOCIAL_CREDIT_CODE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}")
#: A token with this many digits or more is taken for an identifying number.
_IDENTIFYING_DIGITS = 7


def _kept(length: int) -> tuple[int, int]:
    """How many characters of an identifying value of *length* stay visible at its
    head and tail: 4 + 4 of an ID number or a code (15 characters or more), 3 + 4 of a
    mobile number (11–14), 2 + 2 of a shorter number (7–10), none of anything shorter."""
    if length >= 15:
        return 4, 4
    if length >= 11:
        return 3, 4
    if length >= 7:
        return 2, 2
    return 0, 0


def mask_token(text: str) -> str:
    """*text*, a value known to identify someone, with all but its head and tail hidden
    (:func:`disclosure_flow.errors.mask_token`)."""
    length = sum(1 for c in text if not (c.isspace() or c == "-"))
    head, tail = _kept(length)
    out = []
    seen = 0
    for c in text:
        if not (c.isspace() or c == "-"):
            seen += 1
            if head < seen <= length - tail:
                c = "*"
        out.append(c)
    return "".join(out)


def _mask_email(match: re.Match[str]) -> str:
    return f"{match.group(1)[0]}***@{match.group(2)}"


def _mask_grouped_phone(match: re.Match[str]) -> str:
    return (match.group(1) or "") + mask_token(match.group(2))


def _mask_token_match(match: re.Match[str]) -> str:
    token = match.group()
    if len(_DIGIT.findall(token)) >= _IDENTIFYING_DIGITS or _SOCIAL_CREDIT_CODE.fullmatch(token):
        return mask_token(token)
    return token


def mask_text(text: str) -> str:
    """*text* with whatever looks like identity or contact data masked
    (:func:`disclosure_flow.errors.mask_text`)."""
    text = _EMAIL.sub(_mask_email, text)
    text = _GROUPED_PHONE.sub(_mask_grouped_phone, text)
    return _TOKEN.sub(_mask_token_match, text)


def _cut_string(text: str, head: int) -> str:
    """The repr of *text* (any ``str``, subclasses read as plain strings), masked, and
    cut after *head* characters with its length."""
    length = str.__len__(text)
    if length <= head:
        return repr(mask_text(str.__getitem__(text, slice(None))))
    # Masked with a margin past the cut, so a number it splits is still recognised.
    shown = mask_text(str.__getitem__(text, slice(0, head + _MASK_MARGIN)))[:head]
    quoted = repr(shown)
    while len(quoted) > head + 2 and shown:  # escapes made it longer: fewer characters
        shown = shown[: max(0, len(shown) - (len(quoted) - head - 2))]
        quoted = repr(shown)
    return f"{quoted}…({length} chars)"


#: Ints with more digits than this are shown by their size.
_LONG_INT_DIGITS = 40


def _digit_count(value: int) -> str:
    bits = abs(value).bit_length()
    estimate = int(bits * 0.30102999566398120) + 1  # log10(2): exact or one too many
    if bits > 1_000_000:  # too costly to settle: the estimate is close enough
        return f"about {estimate}"
    if abs(value) < 10 ** (estimate - 1):
        estimate -= 1
    return str(estimate)


def _int_repr(value: int) -> str:
    value = int.__pos__(value)  # a plain int, whatever a subclass overrides
    if value.bit_length() > 133:  # at least 10**40: 41 digits or more
        return f"<int of {_digit_count(value)} digits>"
    return mask_text(int.__repr__(value))


class _ValueRepr(reprlib.Repr):
    """The standard library's bounded repr, with strings and ints masked and cut, any
    ``str``/``int``/container subclass read as its base type (their own ``__repr__``
    is not trusted to be short or safe), and any other object's repr cut and masked."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel = 3
        self.maxdict = 4
        self.maxlist = self.maxtuple = self.maxset = self.maxfrozenset = 5
        self.maxdeque = self.maxarray = 5
        self.maxstring = _INNER_STRING_HEAD
        self.maxlong = _LONG_INT_DIGITS
        self.maxother = _VALUE_WIDTH
        self.fillvalue = "…"

    def repr1(self, x: Any, level: int) -> str:
        if x is None or type(x) is bool:
            return repr(x)
        if isinstance(x, str):
            return _cut_string(x, self.maxstring)
        if isinstance(x, int):
            return _int_repr(x)
        if isinstance(x, float):
            return mask_text(float.__repr__(x))
        if isinstance(x, bytes | bytearray):
            head = bytes(x[: self.maxstring])
            suffix = f"…({len(x)} bytes)" if len(x) > self.maxstring else ""
            return mask_text(repr(head)) + suffix
        if isinstance(x, Mapping):
            return self.repr_dict(x, level)  # type: ignore[arg-type]  # any mapping reads
        if isinstance(x, list):
            return self.repr_list(x, level)
        if isinstance(x, tuple):
            return self.repr_tuple(x, level)
        if isinstance(x, frozenset):
            return self.repr_frozenset(x, level)
        if isinstance(x, set):
            return self.repr_set(x, level)
        return self.repr_instance(x, level)

    def repr_instance(self, x: Any, level: int) -> str:
        try:
            text = repr(x)
        except Exception:
            return f"<{type(x).__name__} object>"
        if not isinstance(text, str):
            return f"<{type(x).__name__} object>"
        head = str.__getitem__(text, slice(0, self.maxother + _MASK_MARGIN))
        shown = mask_text(head)
        if str.__len__(text) > self.maxother:
            shown = shown[: self.maxother - 1] + self.fillvalue
        return shown


_VALUE_REPR = _ValueRepr()


def show_value(value: object) -> str:
    """How an error message shows *value* (:func:`disclosure_flow.errors.show_value`)."""
    try:
        if isinstance(value, str):
            return _cut_string(value, _STRING_HEAD)
        shown = _VALUE_REPR.repr(value)
    except Exception:
        return f"<{type(value).__name__} object>"
    if len(shown) > _VALUE_WIDTH:
        shown = shown[: _VALUE_WIDTH - 1] + "…"
    return shown


def _show_personal(value: object) -> str:
    """How a message shows a value known to be personal data: a string masked whole
    (:func:`mask_token`), a container or other object by its type and size only."""
    if value is None or isinstance(value, bool | int | float):
        return show_value(value)
    if isinstance(value, str):
        if not value.strip() and len(value) <= _INNER_STRING_HEAD:
            return show_value(value)  # a blank string: nothing to hide, and it is the fault
        if len(value) > _STRING_HEAD:
            return f"<str of {len(value)} chars>"
        return repr(mask_token(str.__getitem__(value, slice(None))))
    try:
        size = len(value)  # type: ignore[arg-type]  # objects without a length: below
    except Exception:
        return f"<{type(value).__name__} object>"
    noun = "item" if size == 1 else "items"
    return f"<{type(value).__name__} of {size} {noun}>"


def _shown(value: object, personal: bool) -> str:
    return _show_personal(value) if personal else show_value(value)


def _show_place(text: str) -> str:
    """A place in the data (a path, an overlay entry) that may hold user text: masked
    and bounded."""
    if not isinstance(text, str):
        return show_value(text)
    if len(text) > _PLACE_WIDTH:
        return mask_text(text[: _PLACE_WIDTH + _MASK_MARGIN])[:_PLACE_WIDTH] + "…"
    return mask_text(text)
