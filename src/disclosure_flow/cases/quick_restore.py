"""Fast path: the general readers of a stored case (``payloads._read_payload``, and the
applicant and request readers of :meth:`Case.from_dict <disclosure_flow.cases.Case.from_dict>`)
for the exact shapes :meth:`Case.to_dict` writes. Kept equal to them by
``tests/cases/test_quick_restore.py``.

Each quick decoder returns the decoded value, or gives up (``_BAD`` / ``None``) on
anything it does not recognise at once; it decides nothing, and the general readers
have the last word.
"""

from __future__ import annotations

from typing import Any, Final

from disclosure_flow import _fields
from disclosure_flow.cases.applicants import (
    _APPLICANT_KEYS,
    _CONTACT_KEYS,
    _DOCUMENT_KEYS,
    Applicant,
    ApplicantKind,
    Contact,
    IdentityDocument,
    IdentityDocumentKind,
)
from disclosure_flow.cases.channels import (
    _REQUEST_ONE_ITEM,
    DeliveryMethod,
    InformationRequest,
    ProvisionForm,
)
from disclosure_flow.cases.payloads import (
    _DAY_CACHE,
    _ENUM_BY_VALUE,
    _ENUMS,
    _OUTCOME_CACHE,
    _Kind,
    _outcome_key,
)

# Quick decoders for restoring many cases: each returns the decoded value, or _BAD for
# anything it does not recognise at once. They decide nothing: on _BAD the general
# readers above (``_read_payload``) decode the payload again and raise their error
# or return their value; a test checks that both agree.
_BAD: Final = object()


def _quick_outcome(value: Any) -> Any:
    key = _outcome_key(value)
    return _BAD if key is None else _OUTCOME_CACHE.get(key, _BAD)


# How a quick decoder reads a value, as ``(how, what)``, without a call where it can:
# _EXACT: the value itself, if its type is exactly *what*; _LOOKUP: ``what[value]`` for a
# str value found in the dict *what* (enum members by value; dates already read, from
# the day cache); _CALL: ``what(value)``, _BAD if not recognised.
_EXACT, _LOOKUP, _CALL = 0, 1, 2
_QUICK: dict[_Kind, tuple[int, Any]] = {
    _Kind.DATE: (_LOOKUP, _DAY_CACHE),
    _Kind.TEXT: (_EXACT, str),
    _Kind.INT: (_EXACT, int),
    _Kind.BOOL: (_EXACT, bool),
    _Kind.OUTCOME: (_CALL, _quick_outcome),
    _Kind.ITEMS: (_CALL, lambda value: _BAD),  # rare: the general reader decodes them
    **{k: (_LOOKUP, _ENUM_BY_VALUE[k]) for k in _ENUMS},
}

_QuickFields = tuple[tuple[str, bool, int, Any], ...]


def _quick_payload(
    fields: _QuickFields, names: frozenset[str], raw: object
) -> dict[str, Any] | None:
    """The payload *raw* decoded as :func:`_read_payload` would, or ``None`` if a quick
    decoder did not recognise a value (then :func:`_read_payload` has the last word)."""
    if type(raw) is not dict or not raw.keys() <= names:
        return None
    values: dict[str, Any] = {}
    for name, required, how, what in fields:
        value = raw.get(name)
        if value is None:
            if required:
                return None
            continue
        if how == _EXACT:
            if type(value) is not what:
                return None
        elif how == _LOOKUP:
            if type(value) is not str:
                return None
            value = what.get(value)
            if value is None:
                return None
        else:
            value = what(value)
            if value is _BAD:
                return None
        values[name] = value
    return values


# Quick readers of the applicant and the request as :meth:`Case.to_dict` stores them
# (every key present, plain str keys and values). Like the payloads' quick decoders they
# decide nothing: they return ``None`` for anything else, and ``from_dict`` (which has
# the last word) reads it again; the values are built with the same validating
# constructors. A test checks that both agree.
_APPLICANT_KINDS = _fields.members_by_value(ApplicantKind)
_DOCUMENT_KINDS = _fields.members_by_value(IdentityDocumentKind)
_FORMS = _fields.members_by_value(ProvisionForm)
_DELIVERIES = _fields.members_by_value(DeliveryMethod)


def _optional(value: object) -> bool:
    """Whether *value* is ``None`` or a plain str with a non-space character."""
    return value is None or (type(value) is str and bool(value.strip()))


def _quick_applicant(raw: object) -> Applicant | None:
    if not _fields.is_record(raw, _APPLICANT_KEYS, _APPLICANT_KEYS):
        return None
    kind = raw["kind"]
    name = raw["name"]
    identity = raw["identity"]
    contact = raw["contact"]
    if type(kind) is not str or type(name) is not str or not name.strip():
        return None
    kind = _APPLICANT_KINDS.get(kind)
    if kind is None or not _fields.is_record(contact, _CONTACT_KEYS, _CONTACT_KEYS):
        return None
    phone = contact["phone"]
    address = contact["address"]
    email = contact["email"]
    if not (_optional(phone) and _optional(address) and _optional(email)):
        return None
    if identity is not None:
        if not _fields.is_record(identity, _DOCUMENT_KEYS, _DOCUMENT_KEYS):
            return None
        document = identity["kind"]
        number = identity["number"]
        document_name = identity["document_name"]
        if type(document) is not str or type(number) is not str or not _optional(document_name):
            return None
        document = _DOCUMENT_KINDS.get(document)
        if document is None:
            return None
        identity = IdentityDocument(document, number, document_name)
    return Applicant(kind, name, identity, Contact(phone, address, email))


def _quick_request(raw: object) -> InformationRequest | None:
    if not _fields.is_record(raw, _REQUEST_ONE_ITEM, _REQUEST_ONE_ITEM):
        return None
    description = raw["description"]
    form = raw["form"]
    delivery = raw["delivery"]
    number = raw["document_number"]
    purpose = raw["purpose"]
    if type(description) is not str or not description.strip():
        return None
    if type(form) is not str or type(delivery) is not str:
        return None
    if not (_optional(number) and _optional(purpose)):
        return None
    form = _FORMS.get(form)
    delivery = _DELIVERIES.get(delivery)
    if form is None or delivery is None:
        return None
    return InformationRequest(description, form, delivery, number, purpose)
