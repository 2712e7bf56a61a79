"""The clock's events (计时事项): the dated facts a deadline is computed from.

A case derives them from its history — one :class:`Pause` per consultation or fee
notice (its ``end`` filled in when the answer or payment arrives), a :class:`Restart`
when a corrected application arrives, one :class:`Extension` per approved extension —
and the clock (:func:`~disclosure_flow.clock.compute_deadline`) orders and checks them.
"""

from __future__ import annotations

import datetime as _dt
import operator
from collections.abc import Callable
from typing import Any, TypeAlias

import attrs

from disclosure_flow import _fields
from disclosure_flow.clock.policy import PauseReason
from disclosure_flow.dates import check_date
from disclosure_flow.errors import (
    ClockError,
    InvalidValueError,
    Wording,
)

__all__ = [
    "ClockEvent",
    "CorrectionNotice",
    "DelayedDeadline",
    "Extension",
    "Pause",
    "Reply",
    "Restart",
    "trusted_extension",
    "trusted_pause",
    "trusted_reply",
]

_ONE_DAY = _dt.timedelta(days=1)


def _date_field(instance: object, attribute: attrs.Attribute[_dt.date], value: object) -> None:
    check_date(value, attribute.name)


def _optional_date_field(
    instance: object, attribute: attrs.Attribute[_dt.date | None], value: object
) -> None:
    if value is not None:
        check_date(value, attribute.name)


def _text_field(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidValueError(attribute.name, value, Wording("a str", "字符串"))


def _pause_reason(value: PauseReason | str) -> PauseReason:
    return _fields.to_member(PauseReason, value, "reason")


@attrs.frozen
class Pause:
    """The clock stops while the agency waits (暂停计时): a consultation or a fee notice.

    Whether the time is really left out of the reply period depends on the policy
    (:attr:`Policy.excluded_pauses`); which days it removes on
    :attr:`Policy.pause_bounds` (default: working days *d* with ``start < d <= end``).

    Attributes:
        start: the day the letter or fee notice went out (发出征求意见书/收费通知之日).
        end: the day the answer or payment arrived (收到意见/缴费之日), or ``None``
            while it is still awaited (the deadline is then open).
        reason: third party, other agency, or fee (暂停事由): a :class:`PauseReason`
            or its value, as the command line writes it (``"third_party"``,
            ``"inter_agency"``, ``"fee"``).

    Raises:
        InvalidValueError: *reason* is neither a :class:`PauseReason` nor the value of
            one (the message lists the values).
        ClockError: *end* is before *start*.
    """

    start: _dt.date = attrs.field(validator=_date_field)
    end: _dt.date | None = attrs.field(validator=_optional_date_field)
    reason: PauseReason = attrs.field(converter=_pause_reason)

    @reason.validator
    def _check_reason(self, attribute: attrs.Attribute[PauseReason], value: object) -> None:
        if self.end is not None and self.end < self.start:
            raise ClockError(
                Wording("pause end", "暂停结束日"),
                self.end,
                Wording(
                    f"on or after the pause's start {self.start.isoformat()}",
                    f"暂停开始日 {self.start.isoformat()} 或之后",
                ),
            )


@attrs.frozen
class Restart:
    """A corrected application was received (收到补正后的申请): it is the new day 0 and
    the reply period counts again from it (R2019 Art. 30). Pauses' days before it and
    extensions granted before it no longer count.

    Attributes:
        day: the new day 0.
        note: how it arrived, for the explanation (e.g. ``"邮寄"``).
    """

    day: _dt.date = attrs.field(validator=_date_field)
    note: str = attrs.field(default="", validator=_text_field)


@attrs.frozen
class Extension:
    """An extension of the reply period (延长答复期限), approved by the head of the OGI
    office and notified to the applicant (R2019 Art. 33 ¶2).

    Attributes:
        days: working days added (>= 1); the total since day 0 may not exceed
            :attr:`Policy.extension_cap`.
        approver: who approved it (批准人), e.g. ``"负责人"`` or a name.
        granted_on: the day it was approved; after the deadline it is refused, or
            recorded with a finding (:attr:`Policy.late_acts`).
    """

    days: int = attrs.field()
    approver: str = attrs.field()
    granted_on: _dt.date = attrs.field(validator=_date_field)

    @days.validator
    def _check_days(self, attribute: attrs.Attribute[int], value: object) -> None:
        if type(value) is not int or value < 1:
            raise InvalidValueError(
                "days", value, Wording("an int >= 1 (working days)", "不小于 1 的整数（工作日）")
            )

    @approver.validator
    def _check_approver(self, attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise InvalidValueError(
                "approver",
                value,
                Wording(
                    "a non-empty str (政府信息公开工作机构负责人)",
                    "非空字符串（政府信息公开工作机构负责人）",
                ),
            )


@attrs.frozen
class DelayedDeadline:
    """A later reply deadline set by the agency for a request it cannot answer in time
    (确定延迟答复的合理期限, R2019 Art. 35). It replaces the computed deadline; later
    pauses do not move it.

    Attributes:
        due: the new deadline, a date after the one it replaces.
        set_on: the day the agency decided it and told the applicant.
    """

    due: _dt.date = attrs.field(validator=_date_field)
    set_on: _dt.date = attrs.field(validator=_date_field)

    @set_on.validator
    def _check_order(self, attribute: attrs.Attribute[_dt.date], value: _dt.date) -> None:
        if self.due <= value:
            raise ClockError(
                Wording("delayed deadline", "延期答复期限"),
                self.due,
                Wording(
                    f"a date after the day it is set ({value})", f"设定之日（{value}）之后的日期"
                ),
            )


@attrs.frozen
class CorrectionNotice:
    """A correction notice was sent (补正告知, R2019 Art. 30): the reply deadline is open
    until the corrected application arrives (:class:`Restart`). Sent after
    :attr:`Policy.correction_notice_period` it is refused or recorded with a finding.

    Attributes:
        sent_on: the day it was sent.
    """

    sent_on: _dt.date = attrs.field(validator=_date_field)


@attrs.frozen
class Reply:
    """The agency replied (答复): the clock stops. A reply after the deadline is always
    accepted and carries a finding.

    Attributes:
        day: the day of the reply.
    """

    day: _dt.date = attrs.field(validator=_date_field)


#: Any event the clock understands.
ClockEvent: TypeAlias = Pause | Restart | Extension | DelayedDeadline | CorrectionNotice | Reply


# Constructors for the events a case derives from its history, many times over when many
# cases are restored: when the arguments are plain values that pass the validators, the
# instance is built without running them (same attributes, same value); anything else
# goes through the constructor, which validates and raises as usual.
_NEW = object.__new__
_SET_PAUSE = tuple(Pause.__dict__[a.name].__set__ for a in attrs.fields(Pause))
_SET_EXTENSION = tuple(Extension.__dict__[a.name].__set__ for a in attrs.fields(Extension))
_SET_REPLY = Reply.__dict__["day"].__set__


def trusted_pause(start: _dt.date, end: _dt.date | None, reason: PauseReason) -> Pause:
    """``Pause(start, end, reason)``, without re-running the validators on plain values
    that pass them (for the case layer, which derives many pauses)."""
    if (
        type(start) is _dt.date
        and (end is None or (type(end) is _dt.date and end >= start))
        and type(reason) is PauseReason
    ):
        set_start, set_end, set_reason = _SET_PAUSE
        pause = _NEW(Pause)
        set_start(pause, start)
        set_end(pause, end)
        set_reason(pause, reason)
        return pause
    return Pause(start, end, reason)


def trusted_extension(days: int, approver: str, granted_on: _dt.date) -> Extension:
    """``Extension(days, approver, granted_on)``, built as :func:`trusted_pause` is."""
    if (
        type(days) is int
        and days >= 1
        and type(approver) is str
        and approver.strip()
        and type(granted_on) is _dt.date
    ):
        set_days, set_approver, set_granted_on = _SET_EXTENSION
        extension = _NEW(Extension)
        set_days(extension, days)
        set_approver(extension, approver)
        set_granted_on(extension, granted_on)
        return extension
    return Extension(days, approver, granted_on)


def trusted_reply(day: _dt.date) -> Reply:
    """``Reply(day)``, built as :func:`trusted_pause` is."""
    if type(day) is _dt.date:
        reply = _NEW(Reply)
        _SET_REPLY(reply, day)
        return reply
    return Reply(day)


# The date that orders each kind of event (its start, grant, setting or receipt day).
_KEY: dict[type, Callable[[Any], _dt.date]] = {
    Pause: operator.attrgetter("start"),
    Extension: operator.attrgetter("granted_on"),
    Restart: operator.attrgetter("day"),
    Reply: operator.attrgetter("day"),
    CorrectionNotice: operator.attrgetter("sent_on"),
    DelayedDeadline: operator.attrgetter("set_on"),
}
