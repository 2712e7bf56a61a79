"""The agency that sends the documents (发文机关): its name, contacts, remedies, numbers.

An :class:`AgencyProfile` is made once per agency, in Python or as the TOML file a
clerk edits (:meth:`AgencyProfile.load`), and given to every document. Only the name
is required to make one; a document that needs more (a reply names the
reconsideration body and the court, a fee notice how to pay) says everything its
profile lacks at once (:class:`~disclosure_flow.errors.DocumentError`).

>>> profile = AgencyProfile.from_toml('''
... name = "某县人民政府"
... reconsideration_body = "某市人民政府"
... court = "某市中级人民法院"
... number_pattern = "某政依复〔{year}〕第{n}号"
... ''')
>>> profile.reconsideration_body, profile.document_number(DocumentKind.REPLY, 2026, 7)
('某市人民政府', '某政依复〔2026〕第7号')
"""

from __future__ import annotations

import codecs
import string
import tomllib
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from disclosure_flow import _fields
from disclosure_flow.documents.kinds import DocumentKind
from disclosure_flow.errors import (
    InputEncodingError,
    InvalidValueError,
    SerializationError,
    Wording,
)

__all__ = ["AgencyProfile"]

#: The fields of a profile a clerk may write, in the order they are documented.
_TEXT_FIELDS = (
    "name",
    "address",
    "postcode",
    "contact",
    "website",
    "reconsideration_body",
    "court",
    "fee_payment",
    "number_pattern",
)


def _check_pattern(field: str, pattern: object) -> None:
    allowed = Wording(
        "a document-number pattern with {n} (the serial number) and optionally {year}, "
        "e.g. '某政依复〔{year}〕第{n}号'",
        "含 {n}（序号）、可含 {year} 的文号格式，如 '某政依复〔{year}〕第{n}号'",
    )
    if not isinstance(pattern, str) or not pattern.strip():
        raise InvalidValueError(field, pattern, allowed)
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    except ValueError:
        raise InvalidValueError(field, pattern, allowed) from None
    if "n" not in names or not names <= {"n", "year"}:
        raise InvalidValueError(field, pattern, allowed)


def _pattern(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_pattern(attribute.name, value)


def _patterns(value: Mapping[Any, str]) -> Mapping[DocumentKind, str]:
    if not isinstance(value, Mapping):
        raise InvalidValueError(
            "number_patterns",
            value,
            Wording(
                "a mapping of DocumentKind (or its value) to a pattern",
                "DocumentKind（或其取值）到文号格式的映射",
            ),
        )
    out: dict[DocumentKind, str] = {}
    for key, pattern in value.items():
        try:
            kind = key if isinstance(key, DocumentKind) else DocumentKind(key)
        except ValueError:
            raise InvalidValueError.choice(
                "number_patterns", key, [k.value for k in DocumentKind]
            ) from None
        _check_pattern(f"number_patterns.{kind.value}", pattern)
        out[kind] = pattern
    return MappingProxyType(out)


#: The documents that take :attr:`AgencyProfile.number_pattern` unless given their own.
_NUMBERED = (DocumentKind.REPLY, DocumentKind.TERMINATION_NOTICE)


@attrs.frozen(kw_only=True)
class AgencyProfile:
    """The agency a document comes from (发文机关信息).

    Attributes:
        name: the agency's full name, as signed (机关名称), e.g. ``"某县人民政府"``.
        address: its postal address (通信地址), printed in the documents' notes.
        postcode: its postcode (邮政编码).
        contact: who to ask and how (联系人及联系电话), e.g. ``"县政府办公室 0930-5521059"``.
        website: its portal (门户网站), where proactively published information is found.
        reconsideration_body: the body that hears a reconsideration of its acts (行政复议
            机关), e.g. ``"某市人民政府"``; required by replies and termination notices.
        court: the court competent for a suit against its acts (管辖法院), e.g.
            ``"某市中级人民法院"``; required by replies and termination notices that
            allow a direct suit.
        fee_payment: how to pay an information-processing fee (缴费方式: account,
            counter); required by fee notices.
        number_pattern: the document-number pattern of replies and termination notices
            (发文字号), with ``{n}`` and optionally ``{year}``, e.g.
            ``"某政依复〔{year}〕第{n}号"``; ``None``: no number.
        number_patterns: per document, its own pattern (the other notices bear a number
            only when they have one here), e.g.
            ``{DocumentKind.CORRECTION_NOTICE: "某政依补〔{year}〕第{n}号"}``).
    """

    name: str = attrs.field(validator=_fields.non_empty_text)
    address: str | None = attrs.field(default=None, validator=_fields.optional_text)
    postcode: str | None = attrs.field(default=None, validator=_fields.optional_text)
    contact: str | None = attrs.field(default=None, validator=_fields.optional_text)
    website: str | None = attrs.field(default=None, validator=_fields.optional_text)
    reconsideration_body: str | None = attrs.field(default=None, validator=_fields.optional_text)
    court: str | None = attrs.field(default=None, validator=_fields.optional_text)
    fee_payment: str | None = attrs.field(default=None, validator=_fields.optional_text)
    number_pattern: str | None = attrs.field(default=None, validator=_pattern)
    number_patterns: Mapping[DocumentKind, str] = attrs.field(
        factory=dict, converter=_patterns, hash=False
    )

    def pattern_for(self, kind: DocumentKind) -> str | None:
        """The number pattern of document *kind*: its own from :attr:`number_patterns`;
        else, for the acts open to remedies (the reply, the termination notice),
        :attr:`number_pattern`; else ``None`` (the document bears no number)."""
        if kind in self.number_patterns:
            return self.number_patterns[kind]
        return self.number_pattern if kind in _NUMBERED else None

    def document_number(
        self, kind: DocumentKind | None, year: int, n: int | str | None
    ) -> str | None:
        """The document number (文号) of *kind* issued in *year*: serial *n* put into the
        pattern; a ``str`` *n* is taken as the whole number already written; ``None``
        leaves the serial blank for the clerk (``某政依复〔2026〕第　　号``). ``None``
        when there is no pattern and no written number.

        Raises:
            InvalidValueError: *n* is not ``None``, an ``int`` >= 1 or a non-empty ``str``.
        """
        if isinstance(n, str):
            if not n.strip():
                raise InvalidValueError(
                    "number",
                    n,
                    Wording(
                        "None, an int >= 1, or the number as text",
                        "None、不小于 1 的整数，或文号文本",
                    ),
                )
            return n
        if n is not None and (type(n) is not int or n < 1):
            raise InvalidValueError(
                "number",
                n,
                Wording(
                    "None, an int >= 1, or the number as text", "None、不小于 1 的整数，或文号文本"
                ),
            )
        pattern = self.number_pattern if kind is None else self.pattern_for(kind)
        if pattern is None:
            return None
        return pattern.format(year=year, n="　　" if n is None else n)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "agency") -> AgencyProfile:
        """A profile from plain data: the keys of the attributes (``numbers`` may stand
        for ``number_patterns``, as in the TOML file).

        Raises:
            SerializationError: *data* is malformed; the error names the key.
        """
        data = _fields.read_mapping(data, path)
        known = frozenset(_TEXT_FIELDS) | {"numbers", "number_patterns"}
        _fields.check_keys(data, path, frozenset({"name"}), known - {"name"})
        if "numbers" in data and "number_patterns" in data:
            raise SerializationError(
                f"{path}.numbers",
                data["numbers"],
                Wording(
                    "numbers or number_patterns, not both",
                    "numbers 或 number_patterns，不能两者都有",
                ),
            )
        patterns = data.get("numbers", data.get("number_patterns", {}))
        patterns = _fields.read_mapping(patterns, f"{path}.numbers")
        texts = {key: _fields.read_optional_text(data, key, path) for key in _TEXT_FIELDS}
        built: AgencyProfile = _fields.rebuild(path, cls, **texts, number_patterns=dict(patterns))
        return built

    @classmethod
    def from_toml(cls, text: str, *, origin: str = "agency") -> AgencyProfile:
        """A profile from TOML text: one ``key = "value"`` line per attribute, and an
        optional ``[numbers]`` table of per-document patterns.

        Raises:
            SerializationError: the text is not TOML, or not a profile.
        """
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise SerializationError(
                origin, str(error), Wording("TOML text", "TOML 文本")
            ) from None
        return cls.from_dict(data, path=origin)

    @classmethod
    def load(cls, path: str | Path, *, encoding: str = "utf-8") -> AgencyProfile:
        """Read a profile from the TOML file a clerk edits (发文机关配置文件).

        Args:
            path: the file.
            encoding: its text encoding; default UTF-8, with or without a byte-order
                mark (e.g. ``"gbk"`` for a file saved by an editor on Chinese Windows).

        Raises:
            InputEncodingError: the file is not text in *encoding*.
            InvalidValueError: *encoding* is not a text encoding.
            SerializationError: the file is not a valid profile.
            OSError: the file cannot be read.
        """
        allowed = Wording(
            "the name of a text encoding, e.g. 'utf-8' (the default), 'gbk'",
            "文本编码的名称，如 'utf-8'（默认）、'gbk'",
        )
        if not isinstance(encoding, str):
            raise InvalidValueError("encoding", encoding, allowed)
        try:
            "".encode(encoding)  # a LookupError also for bytes-to-bytes codecs
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise InvalidValueError("encoding", encoding, allowed) from None
        codec = "utf-8-sig" if codec == "utf-8" else codec
        path = Path(path)
        data = path.read_bytes()
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as error:
            raise InputEncodingError.from_decode_error(error, source=str(path)) from None
        return cls.from_toml(text, origin=str(path))
