"""How an application arrives (申请渠道), when it counts as received, and what it asks for.

Art. 31 fixes the receipt date (收到申请之日), the day 0 of every time limit, by the
channel the application came through. Two channels give it at once (handed in, or a
signed-for letter); the others only after a confirmation, and until then the
application has no day 0 and no deadline (SPEC §3):

>>> import datetime as dt
>>> from disclosure_flow.cases.channels import Channel
>>> Channel.SIGNED_POST.day_zero(received=dt.date(2026, 3, 2))
datetime.date(2026, 3, 2)
>>> Channel.INTERNET.day_zero(received=dt.date(2026, 3, 2)) is None
True
>>> Channel.INTERNET.day_zero(received=dt.date(2026, 3, 2), confirmed=dt.date(2026, 3, 3))
datetime.date(2026, 3, 3)

:class:`InformationRequest` holds what the application asks for (Art. 29 ¶2(2)–(3)).
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from disclosure_flow import _fields
from disclosure_flow.dates import check_date
from disclosure_flow.errors import InvalidValueError, SerializationError, Wording

__all__ = [
    "Channel",
    "DeliveryMethod",
    "InformationRequest",
    "ProvisionForm",
    "ReceiptConfirmation",
]


class ReceiptConfirmation(enum.Enum):
    """Whose confirmation makes an application received (Art. 31).

    Members:
        NOT_NEEDED: none; the day of handing in or of signing for the letter is day 0.
        OFFICE_WITH_APPLICANT: the OGI office confirms with the applicant
            (政府信息公开工作机构与申请人确认); it must try on the day it gets the letter.
        BOTH_SIDES: both sides confirm (双方确认).
    """

    NOT_NEEDED = "not_needed"
    OFFICE_WITH_APPLICANT = "office_with_applicant"
    BOTH_SIDES = "both_sides"


class Channel(enum.Enum):
    """The channel an application came through (申请渠道), with its Art. 31 receipt rule.

    Members:
        IN_PERSON: handed in at the office (当面提交), including an oral application
            written down by staff (口头提出、代为填写, Art. 29 ¶1). Day 0: the day it is
            handed in.
        SIGNED_POST: post that the agency signs for (需签收的邮寄, e.g. registered mail or
            express). Day 0: the day the agency signs for it.
        ORDINARY_LETTER: ordinary letter or other post without signature (平常信函等无需
            签收的邮寄方式). Day 0: the day the office confirms with the applicant.
        INTERNET: an internet channel (互联网渠道, e.g. the online application platform).
            Day 0: the day both sides confirm receipt.
        FAX: the OGI office's fax (政府信息公开工作机构的传真). Day 0: the day both
            sides confirm receipt.
    """

    IN_PERSON = "in_person"
    SIGNED_POST = "signed_post"
    ORDINARY_LETTER = "ordinary_letter"
    INTERNET = "internet"
    FAX = "fax"

    @property
    def label_zh(self) -> str:
        """The channel's Chinese name, e.g. ``"平常信函等无需签收"``."""
        return _CHANNELS[self][0]

    @property
    def article(self) -> str:
        """The provision that sets the receipt date, e.g. ``"Art. 31(2)"``."""
        return _CHANNELS[self][1]

    @property
    def day_zero_rule_zh(self) -> str:
        """The rule for day 0 as the regulation words it (条例第三十一条)."""
        return _CHANNELS[self][2]

    @property
    def day_zero_rule_en(self) -> str:
        """The rule for day 0 in English."""
        return _CHANNELS[self][3]

    @property
    def confirmation(self) -> ReceiptConfirmation:
        """Whose confirmation makes the application received."""
        return _CHANNELS[self][4]

    @property
    def needs_confirmation(self) -> bool:
        """Whether day 0 waits for a confirmation (then it may be unknown for a while)."""
        # A tuple test is by identity: no enum hash (asked for every case replayed).
        return self in _AWAITING_CONFIRMATION

    def day_zero(self, *, received: _dt.date, confirmed: _dt.date | None = None) -> _dt.date | None:
        """The receipt date (收到申请之日, day 0) by this channel's rule.

        Args:
            received: the day the application reached the agency: handed in, signed
                for, or arrived by letter, internet or fax.
            confirmed: the day of the confirmation, for a channel that needs one
                (``None`` while there is none); must not be given for the others.

        Returns:
            Day 0, or ``None`` when it waits for a confirmation.

        Raises:
            InvalidDateError: a date argument is not a ``datetime.date``.
            InvalidValueError: *confirmed* is given for a channel that needs none, or
                is before *received*.
        """
        received = check_date(received, "received")
        if not self.needs_confirmation:
            if confirmed is not None:
                raise InvalidValueError(
                    "confirmed",
                    confirmed,
                    Wording(
                        f"None: {self.label_zh} needs no confirmation; day 0 is the day received",
                        f"None：{self.label_zh}无需确认，收到之日即第 0 日",
                    ),
                )
            return received
        if confirmed is None:
            return None
        confirmed = check_date(confirmed, "confirmed")
        if confirmed < received:
            raise InvalidValueError(
                "confirmed",
                confirmed,
                Wording(
                    f"a date on or after the day received ({received.isoformat()})",
                    f"收到之日（{received.isoformat()}）或之后的日期",
                ),
            )
        return confirmed


_CHANNELS: dict[Channel, tuple[str, str, str, str, ReceiptConfirmation]] = {
    Channel.IN_PERSON: (
        "当面提交",
        "Art. 31(1)",
        "申请人当面提交政府信息公开申请的，以提交之日为收到申请之日。",
        "handed in: day 0 is the day it is handed in (an oral application written down "
        "by staff counts as handed in).",
        ReceiptConfirmation.NOT_NEEDED,
    ),
    Channel.SIGNED_POST: (
        "需签收的邮寄",
        "Art. 31(2)",
        "申请人以邮寄方式提交政府信息公开申请的，以行政机关签收之日为收到申请之日。",
        "post signed for: day 0 is the day the agency signs for it.",
        ReceiptConfirmation.NOT_NEEDED,
    ),
    Channel.ORDINARY_LETTER: (
        "平常信函等无需签收",
        "Art. 31(2)",
        "以平常信函等无需签收的邮寄方式提交政府信息公开申请的，政府信息公开工作机构应当于"
        "收到申请的当日与申请人确认，确认之日为收到申请之日。",
        "ordinary letter: the OGI office must confirm with the applicant on the day it "
        "gets the letter; day 0 is the day of that confirmation.",
        ReceiptConfirmation.OFFICE_WITH_APPLICANT,
    ),
    Channel.INTERNET: (
        "互联网渠道",
        "Art. 31(3)",
        "申请人通过互联网渠道提交政府信息公开申请的，以双方确认之日为收到申请之日。",
        "internet: day 0 is the day both sides confirm receipt.",
        ReceiptConfirmation.BOTH_SIDES,
    ),
    Channel.FAX: (
        "传真",
        "Art. 31(3)",
        "申请人通过政府信息公开工作机构的传真提交政府信息公开申请的，以双方确认之日为"
        "收到申请之日。",
        "the OGI office's fax: day 0 is the day both sides confirm receipt.",
        ReceiptConfirmation.BOTH_SIDES,
    ),
}

_AWAITING_CONFIRMATION = tuple(
    c for c, row in _CHANNELS.items() if row[4] is not ReceiptConfirmation.NOT_NEEDED
)


class ProvisionForm(enum.Enum):
    """The form in which the applicant asks to receive the information (提供形式, Art. 29
    ¶2(3)). The agency decides the form actually used (Art. 40).

    Members:
        PAPER: paper (纸质).
        ELECTRONIC: electronic (电子, e.g. documents by e-mail or on a disc).
        OTHER: another form (其他).
    """

    PAPER = "paper"
    ELECTRONIC = "electronic"
    OTHER = "other"

    @property
    def label_zh(self) -> str:
        """The Chinese label."""
        return _FORM_LABELS[self]


_FORM_LABELS = {
    ProvisionForm.PAPER: "纸质",
    ProvisionForm.ELECTRONIC: "电子",
    ProvisionForm.OTHER: "其他",
}


class DeliveryMethod(enum.Enum):
    """How the applicant asks to obtain the information (获取方式, Art. 29 ¶2(3)).

    Members:
        POST: by post or express (邮寄).
        EMAIL: by e-mail (电子邮件).
        FAX: by fax (传真).
        COLLECT: collected in person at the office (当面领取).
        ON_SITE_READING: read and copied by hand at the office (当场查阅、抄录, Art. 40).
        ONLINE: downloaded from the online application platform (网上获取).
        OTHER: another way (其他).
    """

    POST = "post"
    EMAIL = "email"
    FAX = "fax"
    COLLECT = "collect"
    ON_SITE_READING = "on_site_reading"
    ONLINE = "online"
    OTHER = "other"

    @property
    def label_zh(self) -> str:
        """The Chinese label."""
        return _DELIVERY_LABELS[self]


_DELIVERY_LABELS = {
    DeliveryMethod.POST: "邮寄",
    DeliveryMethod.EMAIL: "电子邮件",
    DeliveryMethod.FAX: "传真",
    DeliveryMethod.COLLECT: "当面领取",
    DeliveryMethod.ON_SITE_READING: "当场查阅、抄录",
    DeliveryMethod.ONLINE: "网上获取",
    DeliveryMethod.OTHER: "其他",
}


# The keys of the stored form (``to_dict``): required, optional, and all of them.
_REQUEST_REQUIRED = frozenset({"description", "form", "delivery"})
_REQUEST_OPTIONAL = frozenset({"document_number", "purpose", "items"})
_REQUEST_KEYS = _REQUEST_REQUIRED | _REQUEST_OPTIONAL
#: The keys ``to_dict`` writes for an application of one item (the usual shape).
_REQUEST_ONE_ITEM = _REQUEST_KEYS - {"items"}


def _to_items(value: Any) -> tuple[Any, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidValueError(
            "items", value, Wording("a sequence of texts, one per item", "文本序列，每项一条")
        )
    return tuple(value)


def _check_items(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    for item in value:
        if type(item) is not str or not item.strip():
            raise InvalidValueError(
                "items", item, Wording("each item a non-empty str", "每项都是非空字符串")
            )
    if len(set(value)) != len(value):
        raise InvalidValueError("items", value, Wording("each item once", "每项只出现一次"))
    if len(value) == 1:
        raise InvalidValueError(
            "items",
            value,
            Wording(
                "two or more items, or none (one item: the description)",
                "两项或以上，或者不分项（只有一项时写在描述中）",
            ),
        )


def _read_items(value: object, path: str) -> tuple[str, ...]:
    if type(value) is not list:
        raise SerializationError(path, value, Wording("a list of texts", "文本列表"))
    for i, item in enumerate(value):
        if type(item) is not str or not item.strip():
            raise SerializationError(f"{path}[{i}]", item, Wording("a non-empty text", "非空文本"))
    return tuple(value)


# The enum-typed fields take a member or its value (_fields.to_member).
def _form(value: ProvisionForm | str) -> ProvisionForm:
    return _fields.to_member(ProvisionForm, value, "form")


def _delivery(value: DeliveryMethod | str) -> DeliveryMethod:
    return _fields.to_member(DeliveryMethod, value, "delivery")


@attrs.frozen(slots=True)
class InformationRequest:
    """What an application asks for (申请公开的政府信息), Art. 29 ¶2(2)–(3).

    The purpose is optional: R2019 removed the R2008 requirement that information be
    asked for "according to the special needs of production, living and scientific
    research" (“三需要”, R2008 Art. 13), so a request needs no stated purpose and none
    may be demanded as a condition. An agency may still ask for reasons when requests
    clearly exceed a reasonable volume or frequency (Art. 35); record them in the case.

    Attributes:
        description: the name of the information or a description that lets the agency
            find it (政府信息的名称或者便于查询的特征性描述). Required.
        form: the requested form (提供形式).
        delivery: the requested way of obtaining it (获取方式).
        document_number: the document number (文号) if the applicant knows it.
        purpose: the purpose, if the applicant states one (用途，可不填).
        items: for an application asking for several things (一件申请多项内容), each of
            them, as the applicant wrote it; each gets its own outcome in the reply and may
            be withdrawn on its own. Empty: one item, the description.
    """

    description: str = attrs.field(validator=_fields.non_empty_text)
    form: ProvisionForm = attrs.field(converter=_form, repr=_fields.enum_repr)
    delivery: DeliveryMethod = attrs.field(converter=_delivery, repr=_fields.enum_repr)
    document_number: str | None = attrs.field(default=None, validator=_fields.optional_text)
    purpose: str | None = attrs.field(default=None, validator=_fields.optional_text)
    items: tuple[str, ...] = attrs.field(default=(), converter=_to_items, validator=_check_items)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict (``items`` only when there are several)."""
        out: dict[str, Any] = {
            "description": self.description,
            "form": self.form.value,
            "delivery": self.delivery.value,
            "document_number": self.document_number,
            "purpose": self.purpose,
        }
        if self.items:
            out["items"] = list(self.items)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "request") -> InformationRequest:
        """Read back :meth:`to_dict`.

        Raises:
            SerializationError: *data* is malformed; the error names the path.
        """
        if not _fields.is_record(data, _REQUEST_REQUIRED, _REQUEST_KEYS):
            data = _fields.read_mapping(data, path)
            _fields.check_keys(data, path, _REQUEST_REQUIRED, _REQUEST_OPTIONAL)
        return cls(
            description=_fields.read_text(data, "description", path),
            form=_fields.read_enum(data, "form", path, ProvisionForm),
            delivery=_fields.read_enum(data, "delivery", path, DeliveryMethod),
            document_number=_fields.read_optional_text(data, "document_number", path),
            purpose=_fields.read_optional_text(data, "purpose", path),
            items=_read_items(data.get("items", []), f"{path}.items"),
        )
