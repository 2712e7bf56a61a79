"""What kind of day a date is (日期类型), and where that fact comes from."""

from __future__ import annotations

import datetime as _dt
import enum
import re

import attrs

from disclosure_flow.errors import InvalidValueError

__all__ = ["DataStatus", "DayInfo", "DayKind"]

#: :attr:`DayInfo.source` of an ordinary day. Kept in English, as it always was written
#: (hosts store and compare it); :meth:`DayInfo.describe_source` says it in Chinese.
WEEKDAY_RULE = "weekday rule (Monday–Friday work, Saturday–Sunday rest)"
#: :attr:`DayInfo.source` of an ordinary day of an estimated year.
NO_NOTICE_YET = "provisional estimate: no notice yet"


def estimate_source(label: str, version: str) -> str:
    """:attr:`DayInfo.source` of a day from the scenario *label* of the estimator
    *version*."""
    return f"provisional estimate ({label}), disclosure_flow estimator {version}"


def year_end_source(year: int) -> str:
    """:attr:`DayInfo.source` of a year-end day of *year* still pending (待定): the
    notice of *year* + 1 may still set it (``YearEnd.PENDING``)."""
    return f"year-end day pending: not final until the {year + 1} holiday notice is in"


_YEAR_END_SOURCE = re.compile(
    r"year-end day pending: not final until the (?P<next>\d{4}) holiday notice is in"
)
_ESTIMATE_SOURCE = re.compile(
    r"provisional estimate \((?P<label>.*)\), disclosure_flow estimator (?P<version>\S+)"
)
#: The estimator's scenario labels (``estimate.estimate_year``) in Chinese; a test
#: checks that every label it gives has one.
_SCENARIOS_ZH = {
    "golden-week rules (黄金周规则)": "黄金周规则",
    "劳动节 make-up day on the other side": "劳动节调休上班日在假期另一侧",
    "劳动节 from 1 May": "劳动节自5月1日起放假",
    "春节 from the day before 除夕": "春节自除夕前一日起放假",
    "春节 to the end of the weekend after it": "春节假期延至其后的周末",
    "春节 statutory days only, no make-up days": "春节只放法定假日，不调休",
    "春节 from 初一 (as in 2014 and 2024)": "春节自初一起放假（同2014年、2024年）",
}
_SOURCES_ZH = {
    WEEKDAY_RULE: "按星期规则（周一至周五工作，周六、周日休息）",
    NO_NOTICE_YET: "估计（尚无放假通知）",
}


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
            :data:`WEEKDAY_RULE` for ordinary days); :meth:`describe_source` says it
            in a language.
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

    def describe_source(self, lang: str = "zh") -> str:
        """Where the fact comes from, in *lang* (``"zh"`` or ``"en"``): e.g.
        ``"按星期规则（周一至周五工作，周六、周日休息）"`` for an ordinary day. A notice's
        title stays as published, an overlay's source as its file gives it."""
        if lang not in ("zh", "en"):
            raise InvalidValueError.choice("lang", lang, ("zh", "en"))
        source = self.source
        estimated = _ESTIMATE_SOURCE.fullmatch(source)
        if lang == "en":
            if source.startswith("国务院办公厅"):
                return f"the State Council's notice ({source})"
            return source
        if source in _SOURCES_ZH:
            return _SOURCES_ZH[source]
        pending = _YEAR_END_SOURCE.fullmatch(source)
        if pending:
            return (
                f"年末待定：{pending.group('next')}年部分节假日安排的通知可能调整本年年末几天，"
                "通知发布前不作最终"
            )
        if estimated:
            label = estimated.group("label")
            label = _SCENARIOS_ZH.get(label, label)
            return f"估计（{label}），disclosure_flow 估计方法第 {estimated.group('version')} 版"
        return source
