"""Reading a holiday notice's items into days (节假日安排通知的逐项识读).

The private half of :mod:`~disclosure_flow.workdays.notices`, which documents what it
reads. :func:`read` walks the items that :mod:`~disclosure_flow.workdays._notice_text`
splits off, places each clause's dates (their true years, the month carried from the
date before), checks every note and count, and gives the days, or raises a
:class:`~disclosure_flow.errors.NoticeError` naming the line.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import NoReturn

import attrs

from disclosure_flow.errors import InvalidValueError, NoticeError, Wording
from disclosure_flow.workdays import _notice_text as _text
from disclosure_flow.workdays import estimate
from disclosure_flow.workdays.overlays import OverlayKind

__all__ = [
    "HOLIDAY_ALIASES",
    "YEARLY",
    "NoticeDay",
    "NoticeExtension",
    "Reading",
    "canonical_holiday",
    "read",
]

#: The names a notice gives a holiday in an item's heading -> the holiday (放假办法的节日名称).
HOLIDAY_ALIASES: dict[str, str] = {
    "元旦": estimate.NEW_YEAR,
    "新年": estimate.NEW_YEAR,
    "春节": estimate.SPRING_FESTIVAL,
    "清明节": estimate.QINGMING,
    "清明": estimate.QINGMING,
    "劳动节": estimate.LABOUR_DAY,
    "国际劳动节": estimate.LABOUR_DAY,
    "五一国际劳动节": estimate.LABOUR_DAY,
    "五一": estimate.LABOUR_DAY,
    "端午节": estimate.DRAGON_BOAT,
    "端午": estimate.DRAGON_BOAT,
    "中秋节": estimate.MID_AUTUMN,
    "中秋": estimate.MID_AUTUMN,
    "国庆节": estimate.NATIONAL_DAY,
    "国庆": estimate.NATIONAL_DAY,
    "十一": estimate.NATIONAL_DAY,
}

_ONE = _dt.timedelta(days=1)
_WEEKDAY_ZH = "一二三四五六日"
_WEEKDAY_CHARS = {ch: k for k, ch in enumerate(_WEEKDAY_ZH)} | {"天": 6}
YEARLY = re.compile(r"国务院办公厅关于(?P<y>\d{4})年部分节假日安排的通知")
_AMENDING = re.compile(
    r"国务院(?:办公厅)?关于(?:调整|延长)(?P<y>\d{4})年(?P<name>.+?)(?:假期)?(?:放假)?(?:安排)?的通知"
)
_SPECIAL = re.compile(
    r"国务院(?:办公厅)?关于(?P<name>.+?)(?:调休放假|放假调休|放假安排|放假)的通知"
)
_S = r"[DR](?:、[DR])*"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        (
            "off",
            rf"(?P<s>{_S})(?:全国)?(?:放假调休|放假公休|调休放假|公休放假|放假)(?:(?P<n>\d+)天)?",
        ),
        ("count", r"共(?P<n>\d+)天"),
        ("join", r"与周末连休"),
        ("noswap", r"不调休"),
        ("inlieu", rf"(?P<s>{_S})(?:补休|调休)"),
        ("resume", rf"(?P<s>{_S})起?正常上班"),
        ("work", rf"(?P<s>{_S})(?:照常)?上班"),
        ("statutory", rf"(?P<s>{_S})为[^DR]{{0,8}}?法定(?:节)?假日"),
        ("weekend", rf"(?P<s>{_S})(?:为公休日|照常公休)"),
        (
            "swap",
            rf"(?P<s>{_S})(?:两个|三个|四个)?公休日(?:及[^DR]{{1,8}})?(?:分别)?调至(?P<t>{_S})",
        ),
        ("extend", r"延长(?:\d{4}年)?(?P<name>[^DR]+?)假期至(?P<s>D)"),
    )
)


@attrs.frozen
class NoticeDay:
    """One day a notice sets (通知确定的放假日或调休上班日).

    Attributes:
        day: the date, in its true year (a 元旦 block may start in the December before).
        kind: day off (放假) or working day (上班).
        holiday: the holiday it belongs to, by its Chinese name (``"春节"``).
        line: the line of the notice's item that sets it.
        printed: ``False`` for a weekend day the notice joins to a holiday without
            printing it (``与周末连休``, or the Sunday between a holiday and its 补休).
    """

    day: _dt.date
    kind: OverlayKind
    holiday: str
    line: int
    printed: bool = True


@attrs.frozen
class NoticeExtension:
    """A supplementary notice's extension of a holiday (延长假期): every day after the
    holiday's last day off, through :attr:`through`, becomes a day off.

    Attributes:
        holiday: the holiday extended (``"春节"``).
        through: its new last day off.
        line: the line that says so.
    """

    holiday: str
    through: _dt.date
    line: int


@attrs.frozen
class Reading:
    """What :func:`read` found: the fields of a
    :class:`~disclosure_flow.workdays.notices.HolidayNotice`."""

    title: str
    number: str | None
    year: int
    days: tuple[NoticeDay, ...]
    extensions: tuple[NoticeExtension, ...]
    replaces: tuple[str, ...]
    issued: _dt.date | None
    source: str | None


def read(text: str, source: str | None) -> Reading:
    """Read *text*, a notice as pasted (see :mod:`~disclosure_flow.workdays.notices`)."""
    return _Reader(text, source).read()


def canonical_holiday(name: str) -> str | None:
    """The holiday a heading's name means (``"“五一”国际劳动节"`` -> ``"劳动节"``), or
    ``None`` for a name that is not one of the seven."""
    return HOLIDAY_ALIASES.get(re.sub(r"[“”\"'‘’「」\s]", "", name))


@attrs.define
class _Item:
    """The days one item sets, while it is read."""

    label: str
    line: int
    names: tuple[str, ...]
    off: dict[_dt.date, int] = attrs.field(factory=dict)
    work: dict[_dt.date, int] = attrs.field(factory=dict)
    moved: dict[_dt.date, int] = attrs.field(factory=dict)  # 公休日调至…: rest moved away
    extensions: list[NoticeExtension] = attrs.field(factory=list)
    joins_weekend: bool = False
    no_swap: bool = False


#: What a day is named in a clause, for messages.
_STATUTORY = Wording("a statutory holiday (法定节假日)", "法定节假日")
_WEEKEND = Wording("a 公休日", "公休日")
_MOVED = Wording("a 公休日 moved (调至) elsewhere", "调至他日的公休日")
_MOVED_TO = Wording("a day a 公休日 is moved to", "公休日调至之日")


class _Reader:
    """Reads one notice; every error names the line it is about."""

    def __init__(self, text: str, source: str | None) -> None:
        self.lines = _text.lines_of(text)
        self.by_number = {line.number: line for line in self.lines}
        self.source = source
        self.year = 0  # set by read(), from the title
        self.yearly = True

    def fail(self, line: int | None, item: str, value: object, allowed: str, *zh: str) -> NoReturn:
        """Raise the :class:`NoticeError`; *zh*: *allowed* in Chinese, then *value* if a phrase."""
        shown = Wording(str(value), zh[1]) if len(zh) > 1 else value
        raise NoticeError(line, item, shown, Wording(allowed, zh[0]))

    def quote(self, line: int) -> str:
        return self.by_number[line].original.strip()

    # -- the notice as a whole ------------------------------------------------

    def read(self) -> Reading:
        found = _text.find_title(self.lines)
        if found is None:
            self.fail(
                None,
                "",
                "no title found",
                "a State Council holiday notice with its title, such as "
                "国务院办公厅关于2027年部分节假日安排的通知",
                "带标题的国务院节假日安排通知，如 国务院办公厅关于2027年部分节假日安排的通知",
                "没有找到标题",
            )
        title, title_line = found
        yearly = YEARLY.fullmatch(title)
        names: tuple[str, ...] = ()
        if yearly:
            year = int(yearly["y"])
        else:
            year, names = self._supplement(title, title_line)
        self.year = year
        self.yearly = yearly is not None
        number = _text.find_number(self.lines)
        if number is not None:
            expected = {year - 1} if self.yearly else {year - 1, year}
            if number[1] not in expected:
                self.fail(
                    number[2],
                    "",
                    f"{number[0]} for {year}",
                    "a yearly notice numbered in the year before it (国办发明电〔"
                    f"{year - 1}〕N号); a supplement in its own year or the year before",
                    f"年度通知用上一年文号（国办发明电〔{year - 1}〕N号）；补充通知用当年或上一年",
                    f"{year} 年的通知编号为 {number[0]}",
                )
        items = self._items(names)
        if not items:
            self.fail(
                None,
                "",
                "no numbered item with a date (一、元旦：…)",
                "the notice's items, pasted with it",
                "通知的各项内容，一并粘贴",
                "没有带日期的编号项（一、元旦：…）",
            )
        days = self._combine(items)
        if self.yearly:
            self._check_statutory(days, items)
        replaces = tuple(
            dict.fromkeys(name for item in items if item.off or item.work for name in item.names)
        )
        return Reading(
            title=title,
            number=number[0] if number else None,
            year=year,
            days=days,
            extensions=tuple(ext for item in items for ext in item.extensions),
            replaces=() if self.yearly else replaces,
            issued=_text.find_issued(self.lines),
            source=self.source,
        )

    def _supplement(self, title: str, line: int) -> tuple[int, tuple[str, ...]]:
        """The year and holiday of a supplement, from its title (and, for a one-off
        notice such as 2015's, the first year in its text)."""
        amending = _AMENDING.fullmatch(title)
        if amending:
            name = amending["name"]
            return int(amending["y"]), (canonical_holiday(name) or name,)
        special = _SPECIAL.fullmatch(title)
        if special:
            for body_line in self.lines:
                year = re.search(r"(\d{4})年", body_line.text)
                if year and body_line.number > line:
                    name = special["name"]
                    return int(year.group(1)), (canonical_holiday(name) or name,)
        self.fail(
            line,
            "",
            f"《{title}》",
            "a holiday notice: 国务院办公厅关于YYYY年部分节假日安排的通知, or a supplement "
            "(关于调整/延长YYYY年……假期的通知, 关于……调休放假的通知)",
            "节假日安排通知：国务院办公厅关于YYYY年部分节假日安排的通知，或补充通知"
            "（关于调整/延长YYYY年……假期的通知、关于……调休放假的通知）",
        )
        return 0, ()  # pragma: no cover  # fail() raises; ruff cannot see NoReturn

    def _items(self, names: tuple[str, ...]) -> list[_Item]:
        known = frozenset(HOLIDAY_ALIASES) | frozenset(names)
        raw = _text.split_items(self.lines, known)
        items: list[_Item] = []
        if not raw and not self.yearly:
            paragraphs = _text.body_paragraphs(self.lines)
            for line, paragraph in paragraphs:
                item = self._item("", line, paragraph, line, names)
                if item is not None:
                    items.append(item)
            return items
        for entry in raw:
            heading_names = names
            if entry.heading is not None:
                parts = [p for p in re.split("[、和]", entry.heading) if p.strip()]
                mapped = [canonical_holiday(p) for p in parts]
                if self.yearly and not all(mapped):
                    self.fail(
                        entry.line,
                        entry.label,
                        f"heading {entry.heading!r}",
                        "holiday names: " + "、".join(estimate.HOLIDAYS),
                        "节日名称：" + "、".join(estimate.HOLIDAYS),
                        f"标题 {entry.heading!r}",
                    )
                heading_names = tuple(m or p for m, p in zip(mapped, parts, strict=True))
            elif self.yearly:
                self.fail(
                    entry.line,
                    entry.label,
                    self.quote(entry.line),
                    "an item headed by its holiday, e.g. 二、春节：2月5日至11日放假调休，共7天。",
                    "以节日开头的一项，如 二、春节：2月5日至11日放假调休，共7天。",
                )
            item = self._item(entry.label, entry.line, entry.body, entry.body_line, heading_names)
            if item is not None:
                items.append(item)
        return items

    # -- one item --------------------------------------------------------------

    def _item(
        self, label: str, line: int, body: str, body_line: int, names: tuple[str, ...]
    ) -> _Item | None:
        item = _Item(label, line, names)
        clauses = _text.clauses(body)
        if not any(clause.spans for clause in clauses):
            if self.yearly:
                self.fail(
                    line,
                    label,
                    self.quote(body_line),
                    "an item that gives its dates",
                    "写明日期的一项",
                )
            return None  # a supplement's paragraph of instructions, without a day
        context = {"year": self.year, "month": 0}
        last_off: list[_dt.date] | None = None
        for clause in clauses:
            spans = [self._resolve(span, item, body_line, context) for span in clause.spans]
            kind, match = self._classify(clause)
            if kind is None or match is None:
                if clause.spans or self.yearly:
                    self.fail(
                        body_line,
                        label,
                        f"cannot read {clause.text!r} in {self.quote(body_line)!r}",
                        "放假 / 放假调休 ranges with 共N天, 上班 for make-up days, 补休, "
                        "与周末连休, 不调休 (the wording of the State Council's notices)",
                        "带共N天的放假 / 放假调休日期范围、调休上班的上班、补休、与周末连休、不调休"
                        "（国务院通知的措辞）",
                        f"无法识读 {self.quote(body_line)!r} 中的 {clause.text!r}",
                    )
                continue
            take = _taker(clause.shape, match, spans)
            if kind in ("off", "inlieu"):
                dates = take("s")
                for day in dates:
                    item.off.setdefault(day, body_line)
                last_off = dates
                if match.groupdict().get("n"):
                    self._check_count(int(match["n"]), dates, item, body_line)
            elif kind == "count":
                if last_off is None:
                    self.fail(
                        body_line,
                        label,
                        clause.text,
                        "共N天 after the range it counts",
                        "共N天 写在其所计的日期范围之后",
                    )
                self._check_count(int(match["n"]), last_off, item, body_line)
            elif kind == "join":
                item.joins_weekend = True
            elif kind == "noswap":
                item.no_swap = True
            elif kind == "work":
                for day in take("s"):
                    item.work[day] = body_line
            elif kind == "statutory":
                self._require_off(take("s"), item, body_line, _STATUTORY)
            elif kind == "weekend":
                self._require_weekend(take("s"), item, body_line, _WEEKEND)
            elif kind == "swap":
                moved = take("s")
                self._require_weekend(moved, item, body_line, _MOVED)
                self._require_off(take("t"), item, body_line, _MOVED_TO)
                for day in moved:
                    item.moved.setdefault(day, body_line)
            elif kind == "resume":
                self._resume(take("s"), item, body_line)
            elif kind == "extend":
                self._extend(match["name"], take("s"), item, body_line)
        self._finish(item)
        return item

    def _classify(self, clause: _text.Clause) -> tuple[str | None, re.Match[str] | None]:
        for kind, pattern in _PATTERNS:
            match = pattern.fullmatch(clause.shape)
            if match:
                return kind, match
        return None, None

    def _resolve(
        self,
        span: tuple[_text.DateToken, ...],
        item: _Item,
        line: int,
        context: dict[str, int],
    ) -> list[_dt.date]:
        first = self._date(span[0], item, line, context)
        if len(span) == 1:
            self._check_note(span[0].note, first, None, item, line)
            return [first]
        last = self._date(span[1], item, line, context)
        if last < first and span[1].year is None and last.month < first.month:
            last = last.replace(year=last.year + 1)
            context["year"] = last.year
        if last < first:
            self.fail(
                line,
                item.label,
                f"{span[0].text}至{span[1].text}: {last.isoformat()} is before {first.isoformat()}",
                "a range that ends on or after its first day",
                "结束日不早于开始日的日期范围",
                f"{span[0].text}至{span[1].text}：{last.isoformat()} 早于 {first.isoformat()}",
            )
        self._check_window(last, item, line)
        self._check_note(span[0].note, first, None, item, line)
        self._check_note(span[1].note, last, first, item, line)
        return [first + k * _ONE for k in range((last - first).days + 1)]

    def _date(
        self, token: _text.DateToken, item: _Item, line: int, context: dict[str, int]
    ) -> _dt.date:
        year = token.year if token.year is not None else context["year"]
        month = token.month if token.month is not None else context["month"]
        if not month:
            self.fail(
                line,
                item.label,
                token.text,
                "a date with its month, e.g. 2月4日",
                "写明月份的日期，如 2月4日",
            )
        if (
            token.year is None
            and month == 12
            and estimate.NEW_YEAR in item.names
            and year == self.year
        ):
            year -= 1  # a 元旦 item's December is the December before the year
        try:
            day = _dt.date(year, month, token.day)
        except ValueError:
            self.fail(line, item.label, token.text, "a real calendar date", "真实存在的日期")
        if token.year is not None:
            context["year"] = token.year
        context["month"] = month
        self._check_window(day, item, line)
        return day

    def _check_window(self, day: _dt.date, item: _Item, line: int) -> None:
        if day.year == self.year:
            return
        if day.year == self.year - 1 and day.month == 12 and estimate.NEW_YEAR in item.names:
            return
        self.fail(
            line,
            item.label,
            f"{day.isoformat()} in a notice for {self.year}",
            f"dates in {self.year} (and, in its 元旦 item, the December before)",
            f"{self.year} 年内的日期（元旦一项还可以是上一年的十二月）",
            f"{self.year} 年的通知中出现 {day.isoformat()}",
        )

    # -- notes beside a date ---------------------------------------------------

    def _check_note(
        self,
        note: str,
        day: _dt.date,
        start: _dt.date | None,
        item: _Item,
        line: int,
    ) -> None:
        for raw in re.split("[、,;，]", note):
            part = raw.strip().removeprefix("即")
            if not part:
                continue
            if "至" in part and start is not None:
                before, after = part.split("至", 1)
                self._check_note_part(before, start, item, line)
                self._check_note_part(after, day, item, line)
                continue
            self._check_note_part(part, day, item, line)

    def _check_note_part(self, part: str, day: _dt.date, item: _Item, line: int) -> None:
        weekday = re.fullmatch(r"(?:星期|周|礼拜)(.)", part)
        if weekday:
            index = _WEEKDAY_CHARS.get(weekday.group(1))
            if index is None:
                self.fail(
                    line,
                    item.label,
                    f"weekday note ({part})",
                    "星期一 … 星期日 or 周一 … 周日",
                    "星期一 … 星期日 或 周一 … 周日",
                    f"星期注记（{part}）",
                )
            if index != day.weekday():
                self.fail(
                    line,
                    item.label,
                    f"the weekday note ({part}) does not match {day.isoformat()}, "
                    f"a 星期{_WEEKDAY_ZH[day.weekday()]}",
                    "the weekday of the date printed beside it",
                    "与所注日期相符的星期",
                    f"{day.isoformat()} 是星期{_WEEKDAY_ZH[day.weekday()]}，与注记（{part}）不符",
                )
            return
        expected = self._lunar_expectation(part, day)
        if expected is not None and day not in expected:
            self.fail(
                line,
                item.label,
                f"the lunar note ({part}) does not match {day.isoformat()}",
                "the lunar date of the day printed beside it (农历, Purple Mountain "
                "Observatory tables)",
                "与所注日期相符的农历日期（紫金山天文台历表）",
                f"农历注记（{part}）与 {day.isoformat()} 不符",
            )

    def _lunar_expectation(self, part: str, day: _dt.date) -> frozenset[_dt.date] | None:
        """The days a lunar or festival note can stand beside, or ``None`` for a note
        that is not one (left unchecked)."""
        lunar = estimate.LUNAR_DATES.get(day.year)
        if lunar is None:
            return None
        text = re.sub(r"[“”\"']", "", part).removeprefix("农历").removesuffix("当日")
        fixed = {
            "除夕": lunar.eve,
            "大年三十": lunar.eve,
            "春节": lunar.new_year,
            "五月初五": lunar.dragon_boat,
            "端午": lunar.dragon_boat,
            "端午节": lunar.dragon_boat,
            "八月十五": lunar.mid_autumn,
            "中秋": lunar.mid_autumn,
            "中秋节": lunar.mid_autumn,
            "新年": _dt.date(day.year, 1, 1),
            "元旦": _dt.date(day.year, 1, 1),
            "五一国际劳动节": _dt.date(day.year, 5, 1),
            "国际劳动节": _dt.date(day.year, 5, 1),
            "劳动节": _dt.date(day.year, 5, 1),
        }
        if text in fixed:
            return frozenset({fixed[text]})
        if text in ("清明", "清明节"):
            return frozenset({estimate.qingming(day.year)})
        first = re.fullmatch(r"(?:正月|大年)?初([一二三四五六七八九十]{1,2})", text)
        if first:
            n = _text.chinese_number(first.group(1))
            return None if n is None else frozenset({lunar.new_year + (n - 1) * _ONE})
        last = re.fullmatch(r"腊月(二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)", text)
        if last:
            n = _text.chinese_number(last.group(1).replace("廿", "二十"))
            if n is None:
                return None
            # 腊月 has 29 or 30 days: 除夕 is its 29th or its 30th
            return frozenset({lunar.eve - (29 - n) * _ONE, lunar.eve - (30 - n) * _ONE})
        return None

    # -- checks within an item --------------------------------------------------

    def _check_count(self, count: int, dates: list[_dt.date], item: _Item, line: int) -> None:
        if count != len(dates):
            self.fail(
                line,
                item.label,
                f"共{count}天, but {dates[0].isoformat()} to {dates[-1].isoformat()} is "
                f"{len(dates)} day(s)",
                "共N天 equal to the number of days in the range",
                "共N天 与日期范围的天数相等",
                f"共{count}天，但 {dates[0].isoformat()} 至 {dates[-1].isoformat()} 是 "
                f"{len(dates)} 天",
            )

    def _require_off(
        self, dates: Iterable[_dt.date], item: _Item, line: int, what: Wording
    ) -> None:
        for day in dates:
            if day not in item.off:
                self.fail(
                    line,
                    item.label,
                    f"{day.isoformat()} is named {what} but not given off",
                    "a day inside the item's 放假 range",
                    "本项放假范围内的日期",
                    f"{day.isoformat()} 称为{what.zh}，但没有放假",
                )

    def _require_weekend(
        self, dates: Iterable[_dt.date], item: _Item, line: int, what: Wording
    ) -> None:
        for day in dates:
            if day.weekday() < 5:
                self.fail(
                    line,
                    item.label,
                    f"{day.isoformat()} (星期{_WEEKDAY_ZH[day.weekday()]}) is named {what}",
                    "a Saturday or Sunday",
                    "星期六或星期日",
                    f"{day.isoformat()}（星期{_WEEKDAY_ZH[day.weekday()]}）称为{what.zh}",
                )

    def _resume(self, dates: list[_dt.date], item: _Item, line: int) -> None:
        if len(dates) != 1 or not item.extensions or dates[0] != item.extensions[-1].through + _ONE:
            self.fail(
                line,
                item.label,
                f"正常上班 from {', '.join(d.isoformat() for d in dates)}",
                "the day after the extended holiday's new last day",
                "延长后假期新的最后一天的次日",
                f"自 {'、'.join(d.isoformat() for d in dates)} 正常上班",
            )

    def _extend(self, name: str, dates: list[_dt.date], item: _Item, line: int) -> None:
        if self.yearly:
            self.fail(
                line,
                item.label,
                f"延长{name}假期",
                "an extension only in a supplementary notice",
                "只有补充通知才能延长假期",
            )
        holiday = canonical_holiday(name.removeprefix(f"{self.year}年")) or name
        item.extensions.append(NoticeExtension(holiday, dates[0], line))

    def _finish(self, item: _Item) -> None:
        # A 公休日 whose rest is moved to another day (调至) is worked, unless the item
        # gives it off itself (a statutory day on a weekend: 2009-01-25, 除夕, a Sunday).
        # The 2008 notice's 国庆节 item says no more than that of 27 and 28 September.
        for day, line in item.moved.items():
            if day not in item.off:
                item.work.setdefault(day, line)
        for day, line in item.work.items():
            if day.weekday() < 5:
                self.fail(
                    line,
                    item.label,
                    f"make-up working day {day.isoformat()} is a 星期{_WEEKDAY_ZH[day.weekday()]}",
                    "a make-up working day (上班) on a Saturday or Sunday",
                    "调休上班日（上班）在星期六或星期日",
                    f"调休上班日 {day.isoformat()} 是星期{_WEEKDAY_ZH[day.weekday()]}",
                )
            if day in item.off:
                self.fail(
                    line,
                    item.label,
                    f"{day.isoformat()} is both 放假 and 上班",
                    "one of the two",
                    "二者之一",
                    f"{day.isoformat()} 既放假又上班",
                )
        if item.no_swap and item.work:
            self.fail(
                item.line,
                item.label,
                "不调休, but the item sets make-up days",
                "one of the two",
                "二者之一",
                "写明不调休，但本项又设了调休上班日",
            )

    # -- the items together -----------------------------------------------------

    def _combine(self, items: Sequence[_Item]) -> tuple[NoticeDay, ...]:
        chosen: dict[_dt.date, NoticeDay] = {}
        for item in items:
            for day in self._item_days(item):
                earlier = chosen.get(day.day)
                if earlier is not None and earlier.printed and day.printed:
                    if earlier.kind is day.kind and earlier.holiday == day.holiday:
                        continue
                    self.fail(
                        day.line,
                        item.label,
                        f"{day.day.isoformat()} is already set on line {earlier.line}",
                        "each day set once",
                        "每天只设定一次",
                        f"{day.day.isoformat()} 已在第 {earlier.line} 行设定",
                    )
                if earlier is None or not earlier.printed:
                    chosen[day.day] = day
        return tuple(chosen[d] for d in sorted(chosen))

    def _item_days(self, item: _Item) -> list[NoticeDay]:
        label = self._labeller(item)
        days = [
            NoticeDay(d, OverlayKind.DAY_OFF, label(d), line)
            for d, line in sorted(item.off.items())
        ]
        if days:
            joined: list[_dt.date] = []
            for before, after in itertools.pairwise(days):
                gap = [before.day + k * _ONE for k in range(1, (after.day - before.day).days)]
                if gap and all(d.weekday() >= 5 for d in gap):
                    joined.extend(gap)
            if item.joins_weekend:
                for start, step in ((days[0].day - _ONE, -_ONE), (days[-1].day + _ONE, _ONE)):
                    day = start
                    while day.weekday() >= 5 and day not in item.work:
                        joined.append(day)
                        day += step
            days.extend(
                NoticeDay(d, OverlayKind.DAY_OFF, label(d), item.line, printed=False)
                for d in joined
                if d not in item.off
            )
        days.extend(
            NoticeDay(d, OverlayKind.WORKING_DAY, label(None), line)
            for d, line in sorted(item.work.items())
        )
        return days

    def _labeller(self, item: _Item) -> Callable[[_dt.date | None], str]:
        """The holiday of each day of *item*. With two holidays in one item (中秋节、国庆节)
        the one with more statutory days in it is the item's (its make-up days too);
        the other names its own statutory day, unless that is the first holiday's own
        date (国庆节 on 1 October 2020; 中秋节 on 3 October 2009), as chinese-calendar
        and the estimator label them."""
        if len(item.names) == 1:
            name = item.names[0]
            return lambda _day: name
        own = _statutory_by_holiday(self.year)
        counts = {n: len(own.get(n, set()) & set(item.off)) for n in item.names}
        primary = max(item.names, key=lambda n: (counts[n], -item.names.index(n)))
        proper = min(own.get(primary, set()), default=None)
        secondary = {
            d: n for n in item.names if n != primary for d in own.get(n, set()) if d != proper
        }
        return lambda day: secondary.get(day, primary) if day is not None else primary

    def _check_statutory(self, days: Sequence[NoticeDay], items: Sequence[_Item]) -> None:
        try:
            statutory = estimate.statutory_days(self.year)
        except InvalidValueError:
            self.fail(
                None,
                "",
                f"a notice for {self.year}",
                f"a year from {estimate.FIRST_ESTIMABLE_YEAR} to "
                f"{estimate.LAST_ESTIMABLE_YEAR}, whose statutory holidays the library knows",
                f"{estimate.FIRST_ESTIMABLE_YEAR} 至 {estimate.LAST_ESTIMABLE_YEAR} 年，"
                "即本库知道其法定节假日的年份",
                f"{self.year} 年的通知",
            )
        off = {d.day for d in days if d.kind is OverlayKind.DAY_OFF}
        for day, name in sorted(statutory.items()):
            if day in off:
                continue
            owner = next((item for item in items if name in item.names), None)
            self.fail(
                owner.line if owner else None,
                owner.label if owner else "",
                f"statutory holiday {name} on {day.isoformat()} is not a day off",
                f"every statutory holiday of {self.year} (全国年节及纪念日放假办法, "
                f"{len(statutory)} days) given off",
                f"{self.year}年各法定节假日均放假（全国年节及纪念日放假办法，{len(statutory)}天）",
                f"法定节假日{name}（{day.isoformat()}）不是休息日",
            )


def _statutory_by_holiday(year: int) -> dict[str, set[_dt.date]]:
    """Each holiday's statutory days in *year* (a day may be two holidays' day: in 2020,
    1 October was both 国庆节 and 中秋节); empty outside the lunar table's years."""
    try:
        days = estimate.statutory_days(year)
        rules = estimate.rules_for(year)
    except InvalidValueError:
        return {}
    own: dict[str, set[_dt.date]] = {}
    for day, name in days.items():
        own.setdefault(name, set()).add(day)
    national = rules.statutory[estimate.NATIONAL_DAY]
    own[estimate.NATIONAL_DAY] = {_dt.date(year, 10, 1 + k) for k in range(national)}
    return own


def _taker(
    shape: str, match: re.Match[str], spans: list[list[_dt.date]]
) -> Callable[[str], list[_dt.date]]:
    """The dates of a named group of *match* (a run of ``D``/``R`` in *shape*)."""

    def take(group: str) -> list[_dt.date]:
        first = sum(1 for ch in shape[: match.start(group)] if ch in "DR")
        count = sum(1 for ch in match.group(group) if ch in "DR")
        return [day for span in spans[first : first + count] for day in span]

    return take
