"""What a calendar answers besides a day (日历的答复): its coverage, runs of days off,
answers marked provisional with their plausible range.

Defined apart from :mod:`~disclosure_flow.workdays.workday_calendar`, which gives them;
``disclosure_flow.workdays`` exports them.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Generic, TypeVar

import attrs

from disclosure_flow.errors import InvalidValueError
from disclosure_flow.workdays import national as _national
from disclosure_flow.workdays.days import DataStatus, DayInfo, DayKind

__all__ = ["Coverage", "HolidayBlock", "WorkdayResult", "group_blocks", "plausible_range"]

T = TypeVar("T")

_ONE_DAY = _dt.timedelta(days=1)

#: The national holidays' Chinese names -> their English names.
_ENGLISH_NAMES = dict(_national.HOLIDAY_NAMES.values())


@attrs.frozen
class Coverage:
    """Which dates a calendar can answer for (数据覆盖范围).

    Attributes:
        first: first date with data.
        last: last date with final (official or confirmed) data, contiguous from
            ``first``: with :attr:`YearEnd.PENDING`, the day before the year-end days
            that the next year's notice may still set (28 December).
        estimated_until: the last date answered provisionally: with
            :attr:`Estimates.ALLOW`, the last date of the estimated years; on a strict
            calendar with year-end days pending, 31 December of the last year with data;
            otherwise ``None``.
    """

    first: _dt.date
    last: _dt.date
    estimated_until: _dt.date | None = None

    def covers(self, day: _dt.date) -> bool:
        """Whether *day* has final data."""
        return self.first <= day <= self.last


@attrs.frozen
class HolidayBlock:
    """Consecutive non-ordinary days of one kind and name, for explanations.

    Attributes:
        first: first day of the block.
        last: last day of the block.
        kind: the kind shared by every day of the block.
        name: the holiday or overlay label.
        status: the least certain status among its days.
    """

    first: _dt.date
    last: _dt.date
    kind: DayKind
    name: str
    status: DataStatus

    def describe(self, lang: str = "zh") -> str:
        """E.g. ``"10-01至10-07 国庆节不计"`` or ``"10-10 调休上班计入"``."""
        span = self.first.isoformat()
        if self.last != self.first:
            span += ("至" if lang == "zh" else " to ") + self.last.isoformat()
        estimated = self.status is DataStatus.ESTIMATED
        if lang == "zh":
            what = self.name or self.kind.label_zh
            if self.kind is DayKind.MAKEUP_WORKDAY:
                text = f"{span} {what}调休上班计入"
            elif self.kind is DayKind.LOCAL_WORKDAY:
                text = f"{span} {what}（地方调休上班）计入"
            elif self.kind is DayKind.LOCAL_HOLIDAY:
                text = f"{span} {what}（地方休息日）不计"
            else:
                text = f"{span} {what}不计"
            return text + ("〔估计〕" if estimated else "")
        if lang != "en":
            raise InvalidValueError.choice("lang", lang, ("zh", "en"))
        verb = "counted" if self.kind.is_workday else "not counted"
        kind = self.kind.value.replace("_", " ")
        english = _ENGLISH_NAMES.get(self.name)
        if english:  # a national holiday: its English name, the Chinese beside it
            text = f"{span} {english} ({self.name}, {kind}) {verb}"
        else:
            text = f"{span} {self.name or kind} ({kind}) {verb}"
        return text + (" [estimated]" if estimated else "")


def plausible_range(low: object, high: object, lang: str = "zh") -> str:
    """The plausible range of a provisional answer (估计结果的可能范围), as every
    explanation writes it: ``"可能范围 2027-01-08 至 2027-01-12"`` /
    ``"plausible range 2027-01-08 to 2027-01-12"``; when every plausible holiday
    schedule gives the same answer, says so instead of a range from a day to itself:
    ``"各种可能的放假安排下结果相同"`` / ``"the same under every plausible holiday
    schedule"``.

    >>> import datetime as dt
    >>> plausible_range(dt.date(2027, 1, 8), dt.date(2027, 1, 8), "en")
    'the same under every plausible holiday schedule'

    Raises:
        InvalidValueError: *lang* is not ``"zh"`` or ``"en"``.
    """
    if lang not in ("zh", "en"):
        raise InvalidValueError.choice("lang", lang, ("zh", "en"))
    if low == high:
        return (
            "各种可能的放假安排下结果相同"
            if lang == "zh"
            else ("the same under every plausible holiday schedule")
        )
    return f"可能范围 {low} 至 {high}" if lang == "zh" else f"plausible range {low} to {high}"


@attrs.frozen
class WorkdayResult(Generic[T]):
    """A working-day answer with everything needed to trust it (计算结果及依据).

    Attributes:
        value: the answer under the calendar's primary data.
        provisional: whether it depends on an estimated day (估计数据，待确认).
        low: the smallest answer among the plausible scenarios (``== value`` when final).
        high: the largest answer among the plausible scenarios.
        estimated_days: the estimated days the answer depends on.
        notable: the non-ordinary days in the counted interval (days off skipped,
            make-up days counted), in date order.
        fingerprint: the calendar's fingerprint, to record with the answer.
    """

    value: T
    provisional: bool
    low: T
    high: T
    estimated_days: tuple[_dt.date, ...]
    notable: tuple[DayInfo, ...]
    fingerprint: str

    @property
    def blocks(self) -> tuple[HolidayBlock, ...]:
        """:attr:`notable` grouped into consecutive blocks."""
        return group_blocks(self.notable)

    def explain(self, lang: str = "zh") -> str:
        """The days skipped and counted, one block per line, then the answer."""
        lines = [block.describe(lang) for block in self.blocks]
        if lang == "zh":
            result = f"结果 {self.value}"
            if self.provisional:
                result += f"（估计，{plausible_range(self.low, self.high, 'zh')}）"
        else:
            result = f"result {self.value}"
            if self.provisional:
                result += f" (provisional, {plausible_range(self.low, self.high, 'en')})"
        lines.append(result)
        lines.append(f"calendar {self.fingerprint}")
        return "\n".join(lines)


def group_blocks(infos: Iterable[DayInfo]) -> tuple[HolidayBlock, ...]:
    """Group consecutive days of the same kind and name into blocks."""
    blocks: list[HolidayBlock] = []
    for info in infos:
        if blocks:
            last = blocks[-1]
            if (
                last.kind is info.kind
                and last.name == info.name
                and last.last + _ONE_DAY == info.day
            ):
                status = last.status
                if info.status is DataStatus.ESTIMATED:
                    status = DataStatus.ESTIMATED
                blocks[-1] = attrs.evolve(last, last=info.day, status=status)
                continue
        blocks.append(HolidayBlock(info.day, info.day, info.kind, info.name, info.status))
    return tuple(blocks)
