"""What kind of day a date is (日期类型), and where that fact comes from."""

from __future__ import annotations

import datetime as _dt
import enum

import attrs

from disclosure_flow.errors import InvalidValueError

__all__ = ["DataStatus", "DayInfo", "DayKind"]


class DayKind(enum.Enum):
    """The kind of a calendar day.

    Members:
        WORKDAY: an ordinary Monday–Friday working day (工作日).
        WEEKEND: an ordinary Saturday or Sunday (周末).
        HOLIDAY: a national day off (法定节假日及调休放假), including weekend and swapped
            days inside a holiday block.
        MAKEUP_WORKDAY: a weekend day worked in exchange for a holiday (调休补班).
        LOCAL_HOLIDAY: a day off from a local overlay (地方节假日、临时停止办公).
        LOCAL_WORKDAY: a working day from a local overlay (地方调休上班).
    """

    WORKDAY = "workday"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    MAKEUP_WORKDAY = "makeup_workday"
    LOCAL_HOLIDAY = "local_holiday"
    LOCAL_WORKDAY = "local_workday"

    @property
    def is_workday(self) -> bool:
        """Whether a day of this kind is a working day (是否工作日)."""
        return self in _WORKING_KINDS

    @property
    def label_zh(self) -> str:
        """The Chinese label of the kind."""
        return _LABELS_ZH[self]


_WORKING_KINDS = frozenset({DayKind.WORKDAY, DayKind.MAKEUP_WORKDAY, DayKind.LOCAL_WORKDAY})
_LABELS_ZH = {
    DayKind.WORKDAY: "工作日",
    DayKind.WEEKEND: "周末",
    DayKind.HOLIDAY: "法定节假日",
    DayKind.MAKEUP_WORKDAY: "调休上班",
    DayKind.LOCAL_HOLIDAY: "地方休息日",
    DayKind.LOCAL_WORKDAY: "地方调休上班",
}


class DataStatus(enum.Enum):
    """How sure the calendar is of a day (数据状态).

    Members:
        OFFICIAL: from the State Council notices as packaged by ``chinese-calendar``
            (国务院办公厅通知).
        CONFIRMED: from an overlay entry (or overlay year) marked confirmed (已确认).
        ESTIMATED: from a provisional estimate or an overlay entry marked estimated
            (估计，待官方通知确认).
    """

    OFFICIAL = "official"
    CONFIRMED = "confirmed"
    ESTIMATED = "estimated"


@attrs.frozen(slots=True)
class DayInfo:
    """One day of a working-day calendar, with its kind and the source of that fact.

    Attributes:
        day: the date.
        kind: what kind of day it is.
        name: the holiday or overlay label (e.g. ``"国庆节"``), empty for ordinary days.
        source: where the fact comes from (a notice's title and number, a URL, or
            ``"weekday rule"`` for ordinary days).
        status: official, confirmed or estimated.
    """

    day: _dt.date
    kind: DayKind
    name: str = ""
    source: str = ""
    status: DataStatus = DataStatus.OFFICIAL

    @property
    def is_workday(self) -> bool:
        """Whether this day is a working day (是否工作日)."""
        return self.kind.is_workday

    def describe(self, lang: str = "zh") -> str:
        """A one-line description, e.g. ``"2026-10-10 调休上班（国庆节）"``."""
        if lang not in ("zh", "en"):
            raise InvalidValueError.choice("lang", lang, ("zh", "en"))
        text = self.day.isoformat() + " "
        if lang == "zh":
            text += self.kind.label_zh
            if self.name:
                text += f"（{self.name}）"
            if self.status is DataStatus.ESTIMATED:
                text += "〔估计〕"
        else:
            text += self.kind.value.replace("_", " ")
            if self.name:
                text += f" ({self.name})"
            if self.status is DataStatus.ESTIMATED:
                text += " [estimated]"
        return text
