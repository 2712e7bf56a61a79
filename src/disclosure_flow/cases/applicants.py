"""Applicants (申请人): who asks, with which identity document, and how to reach them.

Art. 29 ¶2(1) of the regulation asks an application to state the applicant's name
(姓名或者名称), identity proof (身份证明) and contact details (联系方式). A missing or
invalid identity is not a reason to crash: it is a ground for a correction notice
(补正告知, Art. 30). :meth:`Applicant.problems` lists what a clerk would ask the
applicant to correct, each problem in Chinese and in English.

Identity numbers are checked with the algorithms of their standards:

- resident identity card number (居民身份证号码), GB 11643-1999: 17 digits and an
  ISO 7064 MOD 11-2 check character (``0``–``9`` or ``X``); characters 7–14 are the
  date of birth;
- unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a
  31-character set (digits and capital letters without I, O, Z, S, V); characters
  3–8 are an administrative division code (digits); the last is a MOD 31 check
  character.

Reprs hide a person's name (``张*``), identity numbers (``1101**********002X``) and
contact details, as :func:`disclosure_flow.errors.mask_token` masks them; error
messages about these fields show them masked too. The ``to_dict`` form keeps them in
full, for storage.

>>> from disclosure_flow.cases.applicants import Applicant, ApplicantKind, IdentityDocument
>>> from disclosure_flow.cases.applicants import IdentityDocumentKind
>>> card = IdentityDocument(IdentityDocumentKind.RESIDENT_ID_CARD, "11010519491231002X")
>>> card
IdentityDocument(kind=IdentityDocumentKind.RESIDENT_ID_CARD, number='1101**********002X', \
document_name=None)
>>> Applicant(ApplicantKind.NATURAL_PERSON, "张三", card)  # doctest: +ELLIPSIS
Applicant(kind=ApplicantKind.NATURAL_PERSON, name='张*', identity=IdentityDocument(...), ...)
>>> card.problems()
()
>>> [p.kind.name for p in Applicant(ApplicantKind.NATURAL_PERSON, "张三").problems()]
['MISSING_DOCUMENT', 'MISSING_CONTACT']
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Mapping
from typing import Any

import attrs

from disclosure_flow import _fields
from disclosure_flow.dates import check_date
from disclosure_flow.errors import InvalidValueError, Wording, mask_text, mask_token

__all__ = [
    "Applicant",
    "ApplicantKind",
    "ApplicantProblem",
    "ApplicantProblemKind",
    "Contact",
    "IdentityDocument",
    "IdentityDocumentKind",
    "check_resident_id_number",
    "check_social_credit_code",
    "resident_id_check_character",
    "social_credit_check_character",
]


class ApplicantKind(enum.Enum):
    """The kind of applicant, exactly the columns of the annual report (FORMAT, table 三).

    Members:
        NATURAL_PERSON: a natural person (自然人).
        COMMERCIAL_ENTERPRISE: a commercial enterprise (法人或其他组织 — 商业企业).
        RESEARCH_INSTITUTION: a research institution (法人或其他组织 — 科研机构).
        SOCIAL_WELFARE_ORGANIZATION: a social public-welfare organisation
            (法人或其他组织 — 社会公益组织).
        LEGAL_SERVICE_INSTITUTION: a legal service institution, e.g. a law firm
            (法人或其他组织 — 法律服务机构).
        OTHER_ORGANIZATION: any other legal person or organisation (法人或其他组织 — 其他).
    """

    NATURAL_PERSON = "natural_person"
    COMMERCIAL_ENTERPRISE = "commercial_enterprise"
    RESEARCH_INSTITUTION = "research_institution"
    SOCIAL_WELFARE_ORGANIZATION = "social_welfare_organization"
    LEGAL_SERVICE_INSTITUTION = "legal_service_institution"
    OTHER_ORGANIZATION = "other_organization"

    @property
    def label_zh(self) -> str:
        """The column label of the annual report, e.g. ``"商业企业"`` or ``"其他"``."""
        return _KIND_LABELS[self]

    @property
    def group_label_zh(self) -> str:
        """The column group: ``"自然人"`` or ``"法人或其他组织"``."""
        return "法人或其他组织" if self.is_organization else "自然人"

    @property
    def is_organization(self) -> bool:
        """Whether the applicant is a legal person or other organisation (法人或其他组织)."""
        return self is not ApplicantKind.NATURAL_PERSON

    @property
    def accepted_documents(self) -> frozenset[IdentityDocumentKind]:
        """The identity documents that prove this kind of applicant's identity.

        A person shows a resident ID card, a passport or another personal document;
        an organisation shows its unified social credit code or another registration
        document (e.g. a business licence of an older format, a foreign registration).
        """
        return _ORGANIZATION_DOCUMENTS if self.is_organization else _PERSON_DOCUMENTS


_KIND_LABELS = {
    ApplicantKind.NATURAL_PERSON: "自然人",
    ApplicantKind.COMMERCIAL_ENTERPRISE: "商业企业",
    ApplicantKind.RESEARCH_INSTITUTION: "科研机构",
    ApplicantKind.SOCIAL_WELFARE_ORGANIZATION: "社会公益组织",
    ApplicantKind.LEGAL_SERVICE_INSTITUTION: "法律服务机构",
    ApplicantKind.OTHER_ORGANIZATION: "其他",
}


class IdentityDocumentKind(enum.Enum):
    """The kind of identity document (身份证明).

    Members:
        RESIDENT_ID_CARD: resident identity card (居民身份证), number checked by GB 11643.
        UNIFIED_SOCIAL_CREDIT_CODE: unified social credit code (统一社会信用代码) of an
            organisation, checked by GB 32100.
        PASSPORT: passport (护照); the number is not checked (formats vary by country).
        OTHER: another document (其他证件), named in ``document_name``; not checked.
    """

    RESIDENT_ID_CARD = "resident_id_card"
    UNIFIED_SOCIAL_CREDIT_CODE = "unified_social_credit_code"
    PASSPORT = "passport"
    OTHER = "other"

    @property
    def label_zh(self) -> str:
        """The Chinese name of the document kind."""
        return _DOCUMENT_LABELS[self]


_DOCUMENT_LABELS = {
    IdentityDocumentKind.RESIDENT_ID_CARD: "居民身份证",
    IdentityDocumentKind.UNIFIED_SOCIAL_CREDIT_CODE: "统一社会信用代码",
    IdentityDocumentKind.PASSPORT: "护照",
    IdentityDocumentKind.OTHER: "其他证件",
}
_PERSON_DOCUMENTS = frozenset(
    {
        IdentityDocumentKind.RESIDENT_ID_CARD,
        IdentityDocumentKind.PASSPORT,
        IdentityDocumentKind.OTHER,
    }
)
_ORGANIZATION_DOCUMENTS = frozenset(
    {IdentityDocumentKind.UNIFIED_SOCIAL_CREDIT_CODE, IdentityDocumentKind.OTHER}
)


class ApplicantProblemKind(enum.Enum):
    """What is wrong with an applicant's particulars (a ground for 补正, Art. 30).

    Members:
        MISSING_DOCUMENT: no identity proof (未提供身份证明).
        DOCUMENT_NOT_FOR_APPLICANT: the document does not prove this kind of applicant,
            e.g. an organisation showing a personal ID card (证件类型与申请人类型不符).
        EMPTY_NUMBER: the document number is blank (证件号码为空).
        WRONG_LENGTH: the number has the wrong length (号码位数不正确).
        INVALID_CHARACTERS: the number holds characters its standard does not allow
            (号码含有不允许的字符).
        INVALID_BIRTH_DATE: the date of birth in a resident ID number is not a real
            date, or is after the day of the check (出生日期不正确).
        INVALID_REGION_CODE: the administrative division code in a unified social
            credit code is not six digits (登记管理机关行政区划码不正确).
        CHECK_CHARACTER_MISMATCH: the check character does not match (校验码不正确).
        MISSING_CONTACT: no phone, address or e-mail (未提供联系方式).
    """

    MISSING_DOCUMENT = "missing_document"
    DOCUMENT_NOT_FOR_APPLICANT = "document_not_for_applicant"
    EMPTY_NUMBER = "empty_number"
    WRONG_LENGTH = "wrong_length"
    INVALID_CHARACTERS = "invalid_characters"
    INVALID_BIRTH_DATE = "invalid_birth_date"
    INVALID_REGION_CODE = "invalid_region_code"
    CHECK_CHARACTER_MISMATCH = "check_character_mismatch"
    MISSING_CONTACT = "missing_contact"


# The enum-typed fields take a member or its value (_fields.to_member).
def _problem_kind(value: ApplicantProblemKind | str) -> ApplicantProblemKind:
    return _fields.to_member(ApplicantProblemKind, value, "kind")


def _document_kind(value: IdentityDocumentKind | str) -> IdentityDocumentKind:
    return _fields.to_member(IdentityDocumentKind, value, "kind")


def _applicant_kind(value: ApplicantKind | str) -> ApplicantKind:
    return _fields.to_member(ApplicantKind, value, "kind")


@attrs.frozen(slots=True)
class ApplicantProblem:
    """One thing a clerk would ask the applicant to correct (补正事项).

    Messages never contain the identity number itself.

    Attributes:
        kind: what is wrong.
        message_zh: the sentence for a correction notice (补正告知书), in Chinese.
        message_en: the same in English.
    """

    kind: ApplicantProblemKind = attrs.field(converter=_problem_kind, repr=_fields.enum_repr)
    message_zh: str = attrs.field(validator=_fields.non_empty_text)
    message_en: str = attrs.field(validator=_fields.non_empty_text)


# -- GB 11643-1999: resident identity number -------------------------------------

_ID_LENGTH = 18
_ID_DIGITS = frozenset("0123456789")
#: The earliest date of birth accepted: nobody alive, or applying, was born earlier.
_EARLIEST_BIRTH = _dt.date(1900, 1, 1)


def resident_id_check_character(first17: str) -> str:
    """The GB 11643-1999 check character (校验码) for the first 17 digits of a number.

    ISO 7064 MOD 11-2: the digit at position *i* (counted from the right, the check
    character being position 1) has weight 2^(i-1) mod 11; the check character *c*
    makes the weighted sum plus *c* congruent to 1 mod 11; the value 10 is written X.

    >>> resident_id_check_character("11010519491231002")
    'X'

    Raises:
        InvalidValueError: *first17* is not 17 ASCII digits.
    """
    if not isinstance(first17, str) or len(first17) != 17 or not set(first17) <= _ID_DIGITS:
        raise InvalidValueError(
            "first17", first17, Wording("17 ASCII digits", "17 位 ASCII 数字"), personal=True
        )
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(first17))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def check_resident_id_number(
    number: str, *, as_of: _dt.date | None = None
) -> tuple[ApplicantProblem, ...]:
    """The problems of a resident ID number (居民身份证号码); empty when it is valid.

    Surrounding spaces and a lower-case ``x`` are tolerated. The date of birth must
    be a real date from 1900-01-01 on; when *as_of* is given it must not be later
    (nothing here reads the system clock).
    """
    if not isinstance(number, str):
        raise InvalidValueError("number", number, Wording("a string", "字符串"), personal=True)
    if as_of is not None:
        as_of = check_date(as_of, "as_of")
    text = number.strip().upper()
    doc = IdentityDocumentKind.RESIDENT_ID_CARD
    if not text:
        return (_empty_number(doc),)
    if len(text) != _ID_LENGTH:
        return (_wrong_length(doc, _ID_LENGTH, len(text)),)
    if not set(text[:17]) <= _ID_DIGITS or text[17] not in "0123456789X":
        return (
            ApplicantProblem(
                ApplicantProblemKind.INVALID_CHARACTERS,
                "居民身份证号码前17位应为数字，末位应为数字或X。",
                "a resident ID number has 17 digits followed by a digit or X.",
            ),
        )
    problems = []
    birth = _birth_date(text[6:14])
    if birth is None or birth < _EARLIEST_BIRTH or (as_of is not None and birth > as_of):
        problems.append(
            ApplicantProblem(
                ApplicantProblemKind.INVALID_BIRTH_DATE,
                "居民身份证号码中的出生日期（第7至14位）不正确。",
                "the date of birth in the resident ID number (characters 7-14) is not valid.",
            )
        )
    if resident_id_check_character(text[:17]) != text[17]:
        problems.append(_check_mismatch(doc, "GB 11643-1999"))
    return tuple(problems)


def _birth_date(digits: str) -> _dt.date | None:
    try:
        return _dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


# -- GB 32100-2015: unified social credit code ------------------------------------

#: The 31 characters of a unified social credit code, in the order of their values.
_USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUES = {c: i for i, c in enumerate(_USCC_CHARSET)}
_USCC_LENGTH = 18


def social_credit_check_character(first17: str) -> str:
    """The GB 32100-2015 check character for the first 17 characters of a code.

    Each character has its value in the 31-character set (``0``–``9`` = 0–9,
    ``A`` = 10 … ``Y`` = 30, without I, O, Z, S, V); the character at position *i*
    (from 1, left to right) has weight 3^(i-1) mod 31; the check value is
    31 − (weighted sum mod 31), with 31 written as ``0``.

    Raises:
        InvalidValueError: *first17* is not 17 characters of the set.
    """
    if (
        not isinstance(first17, str)
        or len(first17) != 17
        or not all(c in _USCC_VALUES for c in first17)
    ):
        raise InvalidValueError(
            "first17",
            first17,
            Wording(
                f"17 characters of '{_USCC_CHARSET}'", f"由 '{_USCC_CHARSET}' 中字符组成的 17 位"
            ),
            personal=True,
        )
    total = sum(_USCC_VALUES[c] * pow(3, i, 31) for i, c in enumerate(first17))
    return _USCC_CHARSET[(31 - total % 31) % 31]


def check_social_credit_code(code: str) -> tuple[ApplicantProblem, ...]:
    """The problems of a unified social credit code (统一社会信用代码); empty when valid.

    Surrounding spaces and lower-case letters are tolerated.
    """
    if not isinstance(code, str):
        raise InvalidValueError("code", code, Wording("a string", "字符串"), personal=True)
    text = code.strip().upper()
    doc = IdentityDocumentKind.UNIFIED_SOCIAL_CREDIT_CODE
    if not text:
        return (_empty_number(doc),)
    if len(text) != _USCC_LENGTH:
        return (_wrong_length(doc, _USCC_LENGTH, len(text)),)
    if not all(c in _USCC_VALUES for c in text):
        return (
            ApplicantProblem(
                ApplicantProblemKind.INVALID_CHARACTERS,
                "统一社会信用代码只能由阿拉伯数字和除I、O、Z、S、V以外的大写英文字母组成。",
                "a unified social credit code uses digits and capital letters other than "
                "I, O, Z, S and V.",
            ),
        )
    problems = []
    if not set(text[2:8]) <= _ID_DIGITS:
        problems.append(
            ApplicantProblem(
                ApplicantProblemKind.INVALID_REGION_CODE,
                "统一社会信用代码第3至8位（登记管理机关行政区划码）应为数字。",
                "characters 3-8 of a unified social credit code (the administrative "
                "division code) must be digits.",
            )
        )
    if social_credit_check_character(text[:17]) != text[17]:
        problems.append(_check_mismatch(doc, "GB 32100-2015"))
    return tuple(problems)


def _empty_number(doc: IdentityDocumentKind) -> ApplicantProblem:
    return ApplicantProblem(
        ApplicantProblemKind.EMPTY_NUMBER,
        f"请填写{doc.label_zh}号码。",
        f"the {_DOCUMENT_EN[doc]} number is missing.",
    )


def _wrong_length(doc: IdentityDocumentKind, expected: int, actual: int) -> ApplicantProblem:
    return ApplicantProblem(
        ApplicantProblemKind.WRONG_LENGTH,
        f"{doc.label_zh}号码应为{expected}位，所填为{actual}位。",
        f"a {_DOCUMENT_EN[doc]} number has {expected} characters; the one given has {actual}.",
    )


def _check_mismatch(doc: IdentityDocumentKind, standard: str) -> ApplicantProblem:
    return ApplicantProblem(
        ApplicantProblemKind.CHECK_CHARACTER_MISMATCH,
        f"{doc.label_zh}号码校验码不正确，请核对号码。",
        f"the check character of the {_DOCUMENT_EN[doc]} number is wrong ({standard}); "
        "please check the number.",
    )


_DOCUMENT_EN = {
    IdentityDocumentKind.RESIDENT_ID_CARD: "resident ID",
    IdentityDocumentKind.UNIFIED_SOCIAL_CREDIT_CODE: "unified social credit code",
    IdentityDocumentKind.PASSPORT: "passport",
    IdentityDocumentKind.OTHER: "identity document",
}


# -- masking -------------------------------------------------------------------

#: Compound surnames (复姓) of the 百家姓, kept whole when a name is masked.
_COMPOUND_SURNAMES = frozenset(
    [
        "万俟",
        "司马",
        "上官",
        "欧阳",
        "夏侯",
        "诸葛",
        "闻人",
        "东方",
        "赫连",
        "皇甫",
        "尉迟",
        "公羊",
        "澹台",
        "公冶",
        "宗政",
        "濮阳",
        "淳于",
        "单于",
        "太叔",
        "申屠",
        "公孙",
        "仲孙",
        "轩辕",
        "令狐",
        "钟离",
        "宇文",
        "长孙",
        "慕容",
        "鲜于",
        "闾丘",
        "司徒",
        "司空",
        "亓官",
        "司寇",
        "子车",
        "颛孙",
        "端木",
        "巫马",
        "公西",
        "漆雕",
        "乐正",
        "壤驷",
        "公良",
        "拓跋",
        "夹谷",
        "宰父",
        "谷梁",
        "段干",
        "百里",
        "东郭",
        "南门",
        "呼延",
        "归海",
        "羊舌",
        "微生",
        "梁丘",
        "左丘",
        "东门",
        "西门",
        "南宫",
        "第五",
    ]
)
_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


def _mask_name(name: str) -> str:
    """A person's name masked as Chinese systems show it: the surname and a ``*`` for
    each other character (``张*``, ``欧阳**``); a name in another script, its first
    letter and one ``*`` (``J*``)."""
    text = name.strip()
    if not _CJK.search(text):
        return text[0] + "*"
    keep = 2 if len(text) > 2 and text[:2] in _COMPOUND_SURNAMES else 1
    if len(text) == 1:
        keep = 0
    return text[:keep] + "*" * (len(text) - keep)


def _mask_email(email: str) -> str:
    local, at, domain = email.rpartition("@")
    if not at or not local:
        return "*" * len(email)
    return f"{local[0]}***@{domain}"


def _hidden_repr(masker: Any) -> Any:
    def show(value: str | None) -> str:
        return "None" if value is None else repr(masker(value))

    return show


# -- values ---------------------------------------------------------------------


# The keys of the stored forms (``to_dict``): required, optional, and all of them.
_DOCUMENT_REQUIRED = frozenset({"kind", "number"})
_DOCUMENT_OPTIONAL = frozenset({"document_name"})
_DOCUMENT_KEYS = _DOCUMENT_REQUIRED | _DOCUMENT_OPTIONAL
_CONTACT_KEYS = frozenset({"phone", "address", "email"})
_APPLICANT_REQUIRED = frozenset({"kind", "name"})
_APPLICANT_OPTIONAL = frozenset({"identity", "contact"})
_APPLICANT_KEYS = _APPLICANT_REQUIRED | _APPLICANT_OPTIONAL

_personal_text = _fields.personal(_fields.optional_text)


@attrs.frozen(slots=True)
class IdentityDocument:
    """An identity document (身份证明) as the applicant gave it.

    The number is kept exactly as given, even when invalid: :meth:`problems` says
    what is wrong, for a correction notice. The repr hides the number.

    Attributes:
        kind: the kind of document.
        number: the document number (证件号码), as given.
        document_name: the document's name for ``OTHER`` (e.g. ``"港澳居民来往内地通行证"``);
            optional.
    """

    kind: IdentityDocumentKind = attrs.field(converter=_document_kind, repr=_fields.enum_repr)
    number: str = attrs.field(
        validator=_fields.personal(_fields.instance_of(str)), repr=_hidden_repr(mask_token)
    )
    document_name: str | None = attrs.field(
        default=None, validator=_fields.optional_text, repr=_hidden_repr(mask_text)
    )

    def problems(self, *, as_of: _dt.date | None = None) -> tuple[ApplicantProblem, ...]:
        """The problems of the number; empty when it passes its standard's checks.

        Resident ID numbers and unified social credit codes are checked fully; other
        documents only for a non-blank number. *as_of* (a date) also refuses a resident
        ID whose date of birth is later.
        """
        if self.kind is IdentityDocumentKind.RESIDENT_ID_CARD:
            return check_resident_id_number(self.number, as_of=as_of)
        if self.kind is IdentityDocumentKind.UNIFIED_SOCIAL_CREDIT_CODE:
            return check_social_credit_code(self.number)
        if not self.number.strip():
            return (
                ApplicantProblem(
                    ApplicantProblemKind.EMPTY_NUMBER,
                    f"请填写{self.document_name or self.kind.label_zh}号码。",
                    f"the {_DOCUMENT_EN[self.kind]} number is missing.",
                ),
            )
        return ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict, with the full number (for storage, not for display)."""
        return {
            "kind": self.kind.value,
            "number": self.number,
            "document_name": self.document_name,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "identity") -> IdentityDocument:
        """Read back :meth:`to_dict`.

        Raises:
            SerializationError: *data* is malformed; the error names the path.
        """
        with _fields.personal_data():
            if not _fields.is_record(data, _DOCUMENT_REQUIRED, _DOCUMENT_KEYS):
                data = _fields.read_mapping(data, path)
                _fields.check_keys(data, path, _DOCUMENT_REQUIRED, _DOCUMENT_OPTIONAL)
            return cls(
                kind=_fields.read_enum(data, "kind", path, IdentityDocumentKind),
                number=_fields.read_str(data, "number", path),
                document_name=_fields.read_optional_text(data, "document_name", path),
            )


@attrs.frozen(slots=True)
class Contact:
    """How to reach the applicant (联系方式). Every part is optional; the repr hides them.

    Attributes:
        phone: telephone number (联系电话).
        address: postal address (通信地址).
        email: e-mail address (电子邮箱).
    """

    phone: str | None = attrs.field(
        default=None, validator=_personal_text, repr=_hidden_repr(mask_token)
    )
    address: str | None = attrs.field(
        default=None, validator=_personal_text, repr=_hidden_repr(lambda s: "***")
    )
    email: str | None = attrs.field(
        default=None, validator=_personal_text, repr=_hidden_repr(_mask_email)
    )

    @property
    def is_empty(self) -> bool:
        """Whether no way to reach the applicant was given."""
        return self.phone is None and self.address is None and self.email is None

    def to_dict(self) -> dict[str, str | None]:
        """A JSON-safe dict, in full."""
        return {"phone": self.phone, "address": self.address, "email": self.email}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "contact") -> Contact:
        """Read back :meth:`to_dict`.

        Raises:
            SerializationError: *data* is malformed; the error names the path.
        """
        with _fields.personal_data():
            if not _fields.is_record(data, frozenset(), _CONTACT_KEYS):
                data = _fields.read_mapping(data, path)
                _fields.check_keys(data, path, frozenset(), _CONTACT_KEYS)
            return cls(
                phone=_fields.read_optional_text(data, "phone", path),
                address=_fields.read_optional_text(data, "address", path),
                email=_fields.read_optional_text(data, "email", path),
            )


_NO_CONTACT = Contact()


@attrs.frozen(slots=True, repr=False)
class Applicant:
    """The applicant (申请人) of a request, as recorded at intake.

    An applicant without an identity document, or with an invalid one, can be
    recorded: :meth:`problems` lists what to ask for in the correction notice.

    The repr masks a natural person's name (``张*``, ``欧阳**``, ``J*``), the identity
    number and the contact details; an organisation's name (a public registration)
    is shown, with any number in it that looks like an identity or a phone masked.

    Attributes:
        kind: the kind of applicant, as counted in the annual report.
        name: the person's name or the organisation's name (姓名或者名称).
        identity: the identity document (身份证明), or ``None`` when none was given.
        contact: how to reach the applicant (联系方式).
    """

    kind: ApplicantKind = attrs.field(converter=_applicant_kind, repr=_fields.enum_repr)
    name: str = attrs.field(validator=_fields.personal(_fields.non_empty_text))
    identity: IdentityDocument | None = attrs.field(
        default=None,
        validator=_fields.personal(_fields.instance_of(IdentityDocument, optional=True)),
    )
    contact: Contact = attrs.field(
        default=_NO_CONTACT, validator=_fields.personal(_fields.instance_of(Contact))
    )

    def __repr__(self) -> str:
        name = mask_text(self.name) if self.kind.is_organization else _mask_name(self.name)
        return (
            f"Applicant(kind={_fields.enum_repr(self.kind)}, name={name!r}, "
            f"identity={self.identity!r}, contact={self.contact!r})"
        )

    @property
    def is_organization(self) -> bool:
        """Whether the applicant is a legal person or other organisation (法人或其他组织)."""
        return self.kind.is_organization

    def identity_problems(self, *, as_of: _dt.date | None = None) -> tuple[ApplicantProblem, ...]:
        """The problems of the identity proof (身份证明); empty when it is acceptable.

        A missing document, a document that does not fit the kind of applicant, and
        the number's own problems (see :meth:`IdentityDocument.problems`).
        """
        if self.identity is None:
            subject = "单位" if self.is_organization else "申请人"
            return (
                ApplicantProblem(
                    ApplicantProblemKind.MISSING_DOCUMENT,
                    f"请提供{subject}身份证明。",
                    "the identity proof is missing.",
                ),
            )
        problems: list[ApplicantProblem] = []
        if self.identity.kind not in self.kind.accepted_documents:
            accepted = "或".join(
                k.label_zh for k in IdentityDocumentKind if k in self.kind.accepted_documents
            )
            problems.append(
                ApplicantProblem(
                    ApplicantProblemKind.DOCUMENT_NOT_FOR_APPLICANT,
                    f"{self.kind.group_label_zh}申请人应提供{accepted}，"
                    f"所提供的{self.identity.kind.label_zh}不能证明其身份。",
                    f"a {_GROUP_EN[self.is_organization]} applicant proves its identity with "
                    f"{_accepted_en(self.kind)}, not with a "
                    f"{_DOCUMENT_EN[self.identity.kind]}.",
                )
            )
        problems.extend(self.identity.problems(as_of=as_of))
        return tuple(problems)

    def problems(self, *, as_of: _dt.date | None = None) -> tuple[ApplicantProblem, ...]:
        """Everything Art. 29 ¶2(1) asks of the applicant that is missing or invalid:
        the identity problems, then a missing contact. Empty when nothing is."""
        problems = list(self.identity_problems(as_of=as_of))
        if self.contact.is_empty:
            problems.append(
                ApplicantProblem(
                    ApplicantProblemKind.MISSING_CONTACT,
                    "请提供联系方式（联系电话、通信地址或电子邮箱）。",
                    "no contact details (phone, postal address or e-mail) were given.",
                )
            )
        return tuple(problems)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict, in full (identity number and contact included)."""
        return {
            "kind": self.kind.value,
            "name": self.name,
            "identity": None if self.identity is None else self.identity.to_dict(),
            "contact": self.contact.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "applicant") -> Applicant:
        """Read back :meth:`to_dict`.

        Raises:
            SerializationError: *data* is malformed; the error names the path, e.g.
                ``"applicant.identity.kind"``.
        """
        with _fields.personal_data():
            if not _fields.is_record(data, _APPLICANT_REQUIRED, _APPLICANT_KEYS):
                data = _fields.read_mapping(data, path)
                _fields.check_keys(data, path, _APPLICANT_REQUIRED, _APPLICANT_OPTIONAL)
            identity = data.get("identity")
            contact = data.get("contact")
            return cls(
                kind=_fields.read_enum(data, "kind", path, ApplicantKind),
                name=_fields.read_text(data, "name", path),
                identity=None
                if identity is None
                else IdentityDocument.from_dict(identity, path=f"{path}.identity"),
                contact=_NO_CONTACT
                if contact is None
                else Contact.from_dict(contact, path=f"{path}.contact"),
            )


_GROUP_EN = {False: "natural-person", True: "legal-person or organisation"}


def _accepted_en(kind: ApplicantKind) -> str:
    names = [_DOCUMENT_EN[k] for k in IdentityDocumentKind if k in kind.accepted_documents]
    return ", ".join(names[:-1]) + " or " + names[-1]
