"""Information processing fees (信息处理费): SPEC §7, Art. 42 and 国办函〔2020〕109号.

An agency may charge only when requests clearly exceed a reasonable volume or
frequency (Art. 42), and for each request by one method, never both
(:class:`FeeMethod`):

- per item (按件计收), per applicant per natural month, progressive: items 1–10 free,
  11–30 ¥100 each, then in bands of 10 the price rises by ¥100 (31–40 ¥200,
  41–50 ¥300, …);
- per volume (按量计收), per request, progressive: pages 1–30 free, 31–100 ¥10 a
  page, 101–200 ¥20 a page, from 201 ¥40 a page.

Amounts are whole yuan as ``int``: every price is a whole number of yuan, so sums are
exact without :class:`~decimal.Decimal`. The numbers live in one
:class:`FeeSchedule`, each rule with its source; :data:`DEFAULT_FEE_SCHEDULE` holds
the national ones.

>>> from disclosure_flow.cases.fees import per_item_fee, per_volume_fee
>>> per_item_fee(35).total, per_volume_fee(250).total
(3000, 4700)

What counts as one item (件) is the host's call (an application, or each piece of
information of a multi-part application, as local rules say). A
:class:`MonthlyTally` carries the per-applicant count across requests and cases,
so the 11th item of a month costs ¥100 even when it is the first of its request:

>>> import datetime as dt
>>> from disclosure_flow.cases.fees import MonthlyTally
>>> tally = MonthlyTally().record("applicant-1", dt.date(2026, 3, 2), 10)
>>> tally.quote("applicant-1", dt.date(2026, 3, 20), 1).total
100
>>> tally.quote("applicant-1", dt.date(2026, 4, 1), 1).total
0
"""

from __future__ import annotations

import datetime as _dt
import enum
import types
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from disclosure_flow import _fields
from disclosure_flow.dates import check_date
from disclosure_flow.errors import InvalidValueError, Wording

__all__ = [
    "DEFAULT_FEE_SCHEDULE",
    "FeeBand",
    "FeeBreakdown",
    "FeeMethod",
    "FeeSchedule",
    "MonthlyTally",
    "PerItemRule",
    "VolumeTier",
    "per_item_fee",
    "per_volume_fee",
]

_SOURCE = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"


class FeeMethod(enum.Enum):
    """How a request's fee is computed; a request uses exactly one (不得同时适用).

    Members:
        PER_ITEM: per item (按件计收), counted per applicant per natural month.
        PER_VOLUME: per volume (按量计收), counted in pages per request.
    """

    PER_ITEM = "per_item"
    PER_VOLUME = "per_volume"

    @property
    def label_zh(self) -> str:
        """``"按件计收"`` or ``"按量计收"``."""
        return "按件计收" if self is FeeMethod.PER_ITEM else "按量计收"

    @property
    def unit_zh(self) -> str:
        """The unit counted: ``"件"`` or ``"页"``."""
        return "件" if self is FeeMethod.PER_ITEM else "页"


def _count(field: str, value: object, minimum: int = 0) -> int:
    if type(value) is not int or value < minimum:
        raise InvalidValueError(
            field, value, Wording(f"an int >= {minimum}", f"不小于 {minimum} 的整数")
        )
    return value


def _int_at_least(minimum: int) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        _count(attribute.name, value, minimum)

    return check


@attrs.frozen(slots=True)
class FeeBand:
    """One line of an itemised fee (计费明细): a run of units at one price.

    Attributes:
        first: the first unit of the line: the item's number in the month (per item)
            or the page number (per volume).
        last: the last unit of the line, inclusive.
        unit_price: yuan per unit (元/件 or 元/页); 0 for the free units.
    """

    first: int = attrs.field(validator=_int_at_least(1))
    last: int = attrs.field(validator=_int_at_least(1))
    unit_price: int = attrs.field(validator=_int_at_least(0))

    def __attrs_post_init__(self) -> None:
        if self.last < self.first:
            raise InvalidValueError(
                "last",
                self.last,
                Wording(f"an int >= first ({self.first})", f"不小于 first（{self.first}）的整数"),
            )

    @property
    def count(self) -> int:
        """How many units the line holds."""
        return self.last - self.first + 1

    @property
    def amount(self) -> int:
        """The line's amount in yuan."""
        return self.count * self.unit_price


def _fee_method(value: FeeMethod | str) -> FeeMethod:
    return _fields.to_member(FeeMethod, value, "method")


@attrs.frozen(slots=True)
class FeeBreakdown:
    """An itemised fee for one request (信息处理费明细).

    Attributes:
        method: the one method used.
        units: the units of the request priced: items (件) or pages (页).
        already_counted: items of the same applicant earlier in the same natural month
            (per item); always 0 per volume.
        bands: the lines, in order, covering units ``already_counted + 1`` to
            ``already_counted + units``; free units are a line at price 0.
    """

    method: FeeMethod = attrs.field(converter=_fee_method, repr=_fields.enum_repr)
    units: int = attrs.field(validator=_int_at_least(0))
    already_counted: int = attrs.field(validator=_int_at_least(0))
    bands: tuple[FeeBand, ...]

    @property
    def total(self) -> int:
        """The fee in whole yuan (元)."""
        return sum(b.amount for b in self.bands)

    def describe_zh(self) -> str:
        """The breakdown as a clerk writes it in a fee notice (收费通知), e.g.
        ``"按量计收：第1—30页 30页×0元=0元；…合计4700元"``."""
        unit = self.method.unit_zh
        lines = "；".join(
            f"第{b.first}—{b.last}{unit} {b.count}{unit}×{b.unit_price}元={b.amount}元"
            for b in self.bands
        )
        return f"{self.method.label_zh}：{lines}；合计{self.total}元"


@attrs.frozen(slots=True)
class PerItemRule:
    """The per-item price scale (按件计收标准), per applicant per natural month.

    Items 1 to ``free_items`` are free; up to ``first_band_last`` each costs
    ``first_band_price``; after that, each further band of ``band_size`` items costs
    ``band_step`` more per item than the band before.

    Attributes:
        free_items: items free of charge each month (10).
        first_band_last: the last item of the first paid band (30).
        first_band_price: yuan per item in the first paid band (100).
        band_size: items per band after the first paid band (10).
        band_step: how much the price per item rises from band to band (100).
        source: where the numbers come from.
    """

    free_items: int = attrs.field(validator=_int_at_least(0))
    first_band_last: int = attrs.field(validator=_int_at_least(1))
    first_band_price: int = attrs.field(validator=_int_at_least(0))
    band_size: int = attrs.field(validator=_int_at_least(1))
    band_step: int = attrs.field(validator=_int_at_least(0))
    source: str = attrs.field(validator=_fields.non_empty_text)

    def __attrs_post_init__(self) -> None:
        if self.first_band_last <= self.free_items:
            raise InvalidValueError(
                "first_band_last",
                self.first_band_last,
                Wording(
                    f"an int > free_items ({self.free_items})",
                    f"大于 free_items（{self.free_items}）的整数",
                ),
            )

    def price_of(self, item: int) -> int:
        """The price of the *item*-th item of a month (numbered from 1), in yuan."""
        _count("item", item, 1)
        return self._band(item)[2]

    def _band(self, item: int) -> tuple[int, int, int]:
        """The band holding *item*: its first item, last item and price."""
        if item <= self.free_items:
            return 1, self.free_items, 0
        if item <= self.first_band_last:
            return self.free_items + 1, self.first_band_last, self.first_band_price
        k = (item - self.first_band_last - 1) // self.band_size + 1
        last = self.first_band_last + k * self.band_size
        return last - self.band_size + 1, last, self.first_band_price + k * self.band_step


@attrs.frozen(slots=True)
class VolumeTier:
    """One tier of the per-volume scale (按量计收的一档).

    Attributes:
        first: the tier's first page.
        last: its last page, inclusive; ``None`` for the open last tier.
        price: yuan per page (元/页).
        source: where the numbers come from.
    """

    first: int = attrs.field(validator=_int_at_least(1))
    last: int | None = attrs.field(validator=attrs.validators.optional(_int_at_least(1)))
    price: int = attrs.field(validator=_int_at_least(0))
    source: str = attrs.field(validator=_fields.non_empty_text)

    def __attrs_post_init__(self) -> None:
        if self.last is not None and self.last < self.first:
            raise InvalidValueError(
                "last",
                self.last,
                Wording(
                    f"None or an int >= first ({self.first})",
                    f"None 或不小于 first（{self.first}）的整数",
                ),
            )


def _tiers(value: Iterable[VolumeTier]) -> tuple[VolumeTier, ...]:
    if not isinstance(value, tuple | list):
        raise InvalidValueError(
            "per_volume",
            value,
            Wording("a tuple of VolumeTier objects", "VolumeTier 对象组成的元组"),
        )
    return tuple(value)


def _check_tiers(
    instance: FeeSchedule, attribute: attrs.Attribute[Any], tiers: tuple[VolumeTier, ...]
) -> None:
    allowed = Wording(
        "VolumeTier objects that start at page 1, follow each other without gap or "
        "overlap, and end with one open tier (last=None)",
        "VolumeTier 各档：从第 1 页起，前后相接、不重叠不留空，最后一档不封顶（last=None）",
    )
    if not tiers or not all(isinstance(t, VolumeTier) for t in tiers):
        raise InvalidValueError(attribute.name, tiers, allowed)
    expected_first = 1
    for i, tier in enumerate(tiers):
        is_last = i == len(tiers) - 1
        if tier.first != expected_first or (tier.last is None) != is_last:
            raise InvalidValueError(attribute.name, tiers, allowed)
        if tier.last is not None:
            expected_first = tier.last + 1


@attrs.frozen(slots=True)
class FeeSchedule:
    """All the fee numbers (收费标准), each rule with its source.

    Attributes:
        name: a name for the schedule, e.g. ``"国办函〔2020〕109号"``.
        per_item: the per-item scale.
        per_volume: the per-volume tiers, from page 1, the last one open.
    """

    name: str = attrs.field(validator=_fields.non_empty_text)
    per_item: PerItemRule = attrs.field(validator=_fields.instance_of(PerItemRule))
    per_volume: tuple[VolumeTier, ...] = attrs.field(converter=_tiers, validator=_check_tiers)

    def per_item_fee(self, items: int, *, already_this_month: int = 0) -> FeeBreakdown:
        """The per-item fee (按件计收) of a request of *items* items, when the same
        applicant already had *already_this_month* items in the same natural month.

        Raises:
            InvalidValueError: a count is not an int >= 0.
        """
        _count("items", items)
        _count("already_this_month", already_this_month)
        rule = self.per_item
        bands = []
        item, end = already_this_month + 1, already_this_month + items
        while item <= end:
            _, band_last, price = rule._band(item)
            last = min(band_last, end)
            bands.append(FeeBand(item, last, price))
            item = last + 1
        return FeeBreakdown(FeeMethod.PER_ITEM, items, already_this_month, tuple(bands))

    def per_volume_fee(self, pages: int) -> FeeBreakdown:
        """The per-volume fee (按量计收) of a request of *pages* pages.

        Raises:
            InvalidValueError: *pages* is not an int >= 0.
        """
        _count("pages", pages)
        bands = []
        for tier in self.per_volume:
            if tier.first > pages:
                break
            last = pages if tier.last is None else min(tier.last, pages)
            bands.append(FeeBand(tier.first, last, tier.price))
        return FeeBreakdown(FeeMethod.PER_VOLUME, pages, 0, tuple(bands))

    def fee(
        self, method: FeeMethod | str, units: int, *, already_this_month: int = 0
    ) -> FeeBreakdown:
        """The fee of a request by its one *method* (a :class:`FeeMethod` or its value,
        e.g. ``"per_item"``): items or pages in *units*.

        Raises:
            InvalidValueError: *method* is not a :class:`FeeMethod`, a count is not an
                int >= 0, or *already_this_month* is given for the per-volume method
                (it counts per request).
        """
        method = _fields.to_member(FeeMethod, method, "method")
        if method is FeeMethod.PER_ITEM:
            return self.per_item_fee(units, already_this_month=already_this_month)
        if method is FeeMethod.PER_VOLUME:
            if already_this_month != 0:
                raise InvalidValueError(
                    "already_this_month",
                    already_this_month,
                    Wording(
                        "0: the per-volume method (按量计收) counts pages per request",
                        "0：按量计收按每件申请计页数",
                    ),
                )
            return self.per_volume_fee(units)
        raise InvalidValueError.choice("method", method, list(FeeMethod))


#: The national schedule of 国办函〔2020〕109号.
DEFAULT_FEE_SCHEDULE = FeeSchedule(
    name="国办函〔2020〕109号",
    per_item=PerItemRule(
        free_items=10,
        first_band_last=30,
        first_band_price=100,
        band_size=10,
        band_step=100,
        source=f"{_SOURCE} 按件计收",
    ),
    per_volume=(
        VolumeTier(1, 30, 0, f"{_SOURCE} 按量计收：30页以下（含30页）不收费"),
        VolumeTier(31, 100, 10, f"{_SOURCE} 按量计收：31—100页（含100页）每页10元"),
        VolumeTier(101, 200, 20, f"{_SOURCE} 按量计收：101—200页（含200页）每页20元"),
        VolumeTier(201, None, 40, f"{_SOURCE} 按量计收：200页以上每页40元"),
    ),
)


def per_item_fee(
    items: int, *, already_this_month: int = 0, schedule: FeeSchedule = DEFAULT_FEE_SCHEDULE
) -> FeeBreakdown:
    """The per-item fee (按件计收): see :meth:`FeeSchedule.per_item_fee`."""
    return schedule.per_item_fee(items, already_this_month=already_this_month)


def per_volume_fee(pages: int, *, schedule: FeeSchedule = DEFAULT_FEE_SCHEDULE) -> FeeBreakdown:
    """The per-volume fee (按量计收): see :meth:`FeeSchedule.per_volume_fee`."""
    return schedule.per_volume_fee(pages)


def _month_key(applicant: str, day: _dt.date) -> tuple[str, int, int]:
    if not isinstance(applicant, str) or not applicant:
        raise InvalidValueError(
            "applicant",
            applicant,
            Wording("a non-empty string identifying the applicant", "标识申请人的非空字符串"),
        )
    day = check_date(day, "day")
    return applicant, day.year, day.month


def _frozen_counts(
    value: Mapping[tuple[str, int, int], int],
) -> Mapping[tuple[str, int, int], int]:
    return types.MappingProxyType(dict(value))


@attrs.frozen(slots=True, repr=False)
class MonthlyTally:
    """Items per applicant per natural month (按件计收的月度累计), across requests and cases.

    Immutable: :meth:`record` returns a new tally. Record every request of the
    applicant in the order received, charged or not: the count decides where the next
    request's items fall on the per-item scale. The applicant key is the host's
    (e.g. its applicant id); the repr does not show it.

    Attributes:
        counts: items recorded, by (applicant, year, month).
    """

    counts: Mapping[tuple[str, int, int], int] = attrs.field(
        factory=dict, converter=_frozen_counts, hash=False
    )

    @classmethod
    def from_requests(cls, requests: Iterable[tuple[str, _dt.date, int]]) -> MonthlyTally:
        """A tally of ``(applicant, day received, items)`` requests, in one pass."""
        counts: dict[tuple[str, int, int], int] = {}
        for applicant, day, items in requests:
            key = _month_key(applicant, day)
            counts[key] = counts.get(key, 0) + _count("items", items)
        return cls(counts)

    def count(self, applicant: str, day: _dt.date) -> int:
        """Items recorded for *applicant* in the natural month of *day*."""
        return self.counts.get(_month_key(applicant, day), 0)

    def quote(
        self,
        applicant: str,
        day: _dt.date,
        items: int,
        *,
        schedule: FeeSchedule = DEFAULT_FEE_SCHEDULE,
    ) -> FeeBreakdown:
        """The per-item fee of a new request of *items* items received on *day*,
        after the items already recorded that month (the tally is not changed)."""
        return schedule.per_item_fee(items, already_this_month=self.count(applicant, day))

    def record(self, applicant: str, day: _dt.date, items: int) -> MonthlyTally:
        """A new tally with *items* more items for *applicant* in the month of *day*."""
        key = _month_key(applicant, day)
        counts = dict(self.counts)
        counts[key] = counts.get(key, 0) + _count("items", items)
        return MonthlyTally(counts)

    def charge(
        self,
        applicant: str,
        day: _dt.date,
        items: int,
        *,
        schedule: FeeSchedule = DEFAULT_FEE_SCHEDULE,
    ) -> tuple[MonthlyTally, FeeBreakdown]:
        """:meth:`quote` and :meth:`record` in one step: the fee and the new tally."""
        return (
            self.record(applicant, day, items),
            self.quote(applicant, day, items, schedule=schedule),
        )

    def __repr__(self) -> str:
        items = sum(self.counts.values())
        return f"<MonthlyTally: {len(self.counts)} applicant-months, {items} items>"
