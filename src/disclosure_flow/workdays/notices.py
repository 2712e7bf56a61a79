"""Holiday notices (节假日安排通知): the State Council's notice, pasted, read into an overlay.

Each year the General Office of the State Council publishes 《国务院办公厅关于YYYY年部分
节假日安排的通知》 (国办发明电〔YYYY-1〕N号); occasionally a supplementary notice changes a
year already announced (国办发明电〔2020〕1号 extended the 2020 Spring Festival). Until a
``chinese-calendar`` release has the year, a clerk can paste the notice as published —
title, number, the items ``一、元旦：…``, signature and date — and get a national overlay
that *covers* the year, so every deadline in it becomes final:

>>> from disclosure_flow import HolidayNotice
>>> notice = HolidayNotice.parse(
...     "国务院办公厅关于2026年部分节假日安排的通知\\n国办发明电〔2025〕7号\\n"
...     "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。\\n"
...     "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。"
...     "2月14日（周六）、2月28日（周六）上班。\\n"
...     "三、清明节：4月4日（周六）至6日（周一）放假，共3天。\\n"
...     "四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。\\n"
...     "五、端午节：6月19日（周五）至21日（周日）放假，共3天。\\n"
...     "六、中秋节：9月25日（周五）至27日（周日）放假，共3天。\\n"
...     "七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。"
...     "9月20日（周日）、10月10日（周六）上班。\\n"
... )
>>> notice.year, notice.number, len(notice.days)
(2026, '国办发明电〔2025〕7号', 39)
>>> overlay = notice.to_overlay()
>>> overlay.covers
(2026,)

What the reader understands (every form the notices have used since 2008):

* ranges ``1月27日至2月2日``, ``4月30日至5月4日``, ``2007年12月30日—2008年1月1日`` and
  ``12月30日至1月1日`` in a 元旦 item (the December before keeps its true year);
* ``放假`` / ``放假调休`` / ``放假公休`` / ``调休放假``, ``共N天`` (checked against the range),
  ``放假1天，不调休``, ``与周末连休`` (the adjoining weekend joins the break), ``补休`` and
  ``调休`` (a weekday off in lieu), ``上班`` (a make-up working day);
* weekday notes ``（周三）`` / ``（星期六）`` and lunar notes ``（农历除夕、周二）``,
  ``（农历正月初七）``, ``（农历五月初五，端午节）``, each checked against its date;
* the older wording ``其中，…为法定节假日，…照常公休，…公休日调至…`` (2008, 2009), whose
  statements are checked (a 公休日 is a weekend day, a day it moves to is off); a
  公休日 moved away (``9月27日（星期六）、9月28日（星期日）两个公休日调至9月29日…``) is
  a working day unless the item gives it off (a statutory day on a weekend), with or
  without a ``上班`` sentence (the 2008 notice's 国庆节 item has none);
* merged items ``中秋节、国庆节：10月1日至8日放假调休，共8天``;
* supplementary notices: ``延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日
  （星期一）起正常上班`` and a whole new arrangement for one holiday
  (``关于调整2019年劳动节假期安排的通知``), applied with :meth:`HolidayNotice.amend`.

Sentences that encourage rather than arrange (``鼓励各单位……安排职工在除夕（2月9日）休息``)
set no day. Anything else with a date in it that the reader cannot place is refused with
a :class:`~disclosure_flow.errors.NoticeError` naming the line — never a partial overlay.
A yearly notice must also give every statutory holiday of the 放假办法 in force that
year a day off (11 days to 2024, 13 from 2025; see
:func:`~disclosure_flow.workdays.estimate.statutory_days`).
"""

from __future__ import annotations

import datetime as _dt

import attrs

from disclosure_flow.errors import InvalidValueError, NoticeError, Wording
from disclosure_flow.workdays import estimate
from disclosure_flow.workdays._notice_reader import (
    HOLIDAY_ALIASES,
    YEARLY,
    NoticeDay,
    NoticeExtension,
    canonical_holiday,
    read,
)
from disclosure_flow.workdays.days import DataStatus
from disclosure_flow.workdays.national import HOLIDAY_NAMES
from disclosure_flow.workdays.overlays import Overlay, OverlayEntry, OverlayKind, OverlayScope

__all__ = ["HOLIDAY_ALIASES", "HolidayNotice", "NoticeDay", "NoticeExtension", "canonical_holiday"]

_ONE = _dt.timedelta(days=1)
_WEEKDAY_ZH = "一二三四五六日"
_WEEKDAY_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


_a_string = attrs.validators.instance_of(str)
_a_day = attrs.validators.instance_of(NoticeDay)


@attrs.frozen
class HolidayNotice:
    """A State Council holiday notice as read from its text (国务院节假日安排通知).

    Build it with :meth:`parse`. A yearly notice (《国务院办公厅关于YYYY年部分节假日安排的
    通知》) makes a covering national overlay with :meth:`to_overlay`; a supplementary one
    (关于调整/延长……的通知, or a one-off 调休放假 notice) changes such an overlay with
    :meth:`amend`. :meth:`~disclosure_flow.Overlay.from_notice` does both in one call.

    Attributes:
        title: the title as printed, whitespace removed.
        number: the document number (发文字号), e.g. ``"国办发明电〔2025〕7号"``, or ``None``
            when the pasted text does not carry it.
        year: the year the notice arranges.
        days: every day it sets, in date order.
        extensions: a supplement's extensions of a holiday (延长假期).
        replaces: the holidays whose arrangement a supplement replaces as a whole.
        issued: the date under the signature (成文日期), if printed.
        source: where the text was taken from (e.g. a URL), if given.
    """

    title: str = attrs.field(validator=attrs.validators.instance_of(str))
    number: str | None = attrs.field(validator=attrs.validators.optional(_a_string))
    year: int = attrs.field(validator=attrs.validators.instance_of(int))
    days: tuple[NoticeDay, ...] = attrs.field(
        converter=tuple, validator=attrs.validators.deep_iterable(_a_day)
    )
    extensions: tuple[NoticeExtension, ...] = attrs.field(default=(), converter=tuple)
    replaces: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    issued: _dt.date | None = None
    source: str | None = attrs.field(default=None, validator=attrs.validators.optional(_a_string))

    @property
    def is_supplement(self) -> bool:
        """Whether this notice changes a year already announced (补充通知)."""
        return YEARLY.fullmatch(self.title) is None

    @property
    def source_text(self) -> str:
        """The source each entry records: title, number and the given source."""
        text = f"{self.title}（{self.number}）" if self.number else self.title
        return f"{text}；{self.source}" if self.source else text

    @classmethod
    def parse(cls, text: str, *, source: str | None = None) -> HolidayNotice:
        """Read a notice from its text as published (pasted from the government website).

        Args:
            text: the notice: title, number, items, signature; full-width or ASCII
                punctuation; lines may be broken as on the website.
            source: where the text comes from (e.g. its gov.cn address), recorded in
                every entry's source beside the title and number.

        Raises:
            NoticeError: the text is not a holiday notice, an item cannot be read, a
                note does not match its date, a make-up day is not a weekend, ``共N天``
                does not match the range, or a yearly notice leaves a statutory
                holiday a working day. The error names the line.
        """
        if not isinstance(text, str):
            raise InvalidValueError(
                "text", text, Wording("the notice's text (str)", "通知文本（str）")
            )
        if source is not None and (not isinstance(source, str) or not source.strip()):
            raise InvalidValueError(
                "source", source, Wording("None or a non-empty string", "None 或非空字符串")
            )
        found = read(text, source)
        return cls(**attrs.asdict(found, recurse=False))

    def to_overlay(self) -> Overlay:
        """The national overlay (全国叠加日历) that covers :attr:`year`: every day off and
        every make-up working day, status confirmed.

        Raises:
            NoticeError: the notice is a supplement (use :meth:`amend`).
        """
        if self.is_supplement:
            raise NoticeError(
                None,
                "",
                f"《{self.title}》 changes a year already announced",
                Wording(
                    "a yearly notice (国务院办公厅关于YYYY年部分节假日安排的通知); apply a "
                    "supplement with HolidayNotice.amend(overlay) or "
                    "Overlay.from_notice(yearly, supplements=[...])",
                    "年度通知（国务院办公厅关于YYYY年部分节假日安排的通知）；补充通知请用 "
                    "HolidayNotice.amend(overlay) 或 "
                    "Overlay.from_notice(yearly, supplements=[...]) 合并",
                ),
            )
        entries = [
            OverlayEntry(d.day, d.kind, d.holiday, self.source_text, DataStatus.CONFIRMED)
            for d in self.days
        ]
        return Overlay(
            name=f"{self.year}年全国节假日安排",
            entries=tuple(entries),
            scope=OverlayScope.NATIONAL,
            covers=(self.year,),
        )

    def amend(self, overlay: Overlay) -> Overlay:
        """*overlay* as this supplementary notice changes it (补充通知生效后的安排).

        A holiday the supplement arranges anew (its days off and make-up days) replaces
        that holiday's entries of the year; an extension (延长假期至……) makes every day
        after the holiday's last day off, through the new last day, a day off — a
        make-up working day among them included (2020-02-01). Changed entries cite
        this notice; the rest keep their source.

        Raises:
            NoticeError: this is not a supplement, *overlay* does not cover its year,
                or an extension does not extend the holiday it names.
        """
        if not self.is_supplement:
            raise NoticeError(
                None,
                "",
                f"《{self.title}》 is a yearly notice",
                Wording(
                    "a supplementary notice; make the year's overlay with "
                    "HolidayNotice.to_overlay() or Overlay.from_notice(text)",
                    "补充通知；当年的节假日数据请用 HolidayNotice.to_overlay() 或 "
                    "Overlay.from_notice(text) 生成",
                ),
            )
        if (
            not isinstance(overlay, Overlay)
            or overlay.scope is not OverlayScope.NATIONAL
            or self.year not in overlay.covers
        ):
            raise NoticeError(
                None,
                "",
                f"an overlay {getattr(overlay, 'name', overlay)!r} that does not cover {self.year}",
                Wording(
                    f"a national overlay that covers {self.year} (from its yearly notice)",
                    f"覆盖 {self.year} 年的全国节假日数据（由当年的通知生成）",
                ),
            )
        entries = {entry.day: entry for entry in overlay.entries}
        for day in [d for d, e in entries.items() if self._replaced(e)]:
            del entries[day]
        source = self.source_text
        for notice_day in self.days:
            entries[notice_day.day] = OverlayEntry(
                notice_day.day, notice_day.kind, notice_day.holiday, source
            )
        for ext in self.extensions:
            block = sorted(
                d
                for d, e in entries.items()
                if e.label == ext.holiday and e.kind is OverlayKind.DAY_OFF and d.year == self.year
            )
            if not block:
                raise NoticeError(
                    ext.line,
                    "",
                    f"{overlay.name!r} has no days off for {ext.holiday}",
                    Wording(
                        f"an overlay whose {self.year} arrangement has {ext.holiday}",
                        f"{self.year} 年安排中含有{ext.holiday}的节假日数据",
                    ),
                )
            if ext.through <= block[-1]:
                raise NoticeError(
                    ext.line,
                    "",
                    f"延长{ext.holiday}至{ext.through.isoformat()}, but it already ends on "
                    f"{block[-1].isoformat()}",
                    Wording(
                        "an extension past the holiday's last day off",
                        "延伸到该节日最后一个休息日之后的调休",
                    ),
                )
            day = block[-1] + _ONE
            while day <= ext.through:
                entries[day] = OverlayEntry(day, OverlayKind.DAY_OFF, ext.holiday, source)
                day += _ONE
        return attrs.evolve(overlay, entries=tuple(entries.values()))

    def _replaced(self, entry: OverlayEntry) -> bool:
        if entry.label not in self.replaces:
            return False
        if entry.day.year == self.year:
            return True
        return entry.label == estimate.NEW_YEAR and entry.day.year == self.year - 1

    def table(self, lang: str = "zh") -> str:
        """What was understood, one day per line, for a person to check against the
        notice (核对表): date, weekday, day off or working day, holiday.

        Args:
            lang: ``"zh"`` (default) or ``"en"``.
        """
        if lang not in ("zh", "en"):
            raise InvalidValueError.choice("lang", lang, ("zh", "en"))
        zh = lang == "zh"
        number = f"（{self.number}）" if self.number else ""
        lines = [f"{self.title}{number}"]
        lines.append(
            "日期        星期    安排    节日"
            if zh
            else "date        weekday  kind         holiday"
        )
        for d in self.days:
            lines.append(_row(d.day, d.kind, d.holiday, zh, "" if d.printed else _JOINED[zh]))
        for ext in self.extensions:
            lines.append(_row(ext.through, OverlayKind.DAY_OFF, ext.holiday, zh, _EXTENDED[zh]))
        off = sum(d.kind is OverlayKind.DAY_OFF for d in self.days)
        work = len(self.days) - off
        if zh:
            tail = f"共 {off} 天放假、{work} 天调休上班"
            tail += (
                f"；补充通知，修改 {self.year} 年安排"
                if self.is_supplement
                else f"；覆盖 {self.year} 年"
            )
        else:
            tail = f"{off} days off, {work} make-up working days"
            tail += (
                f"; a supplement changing {self.year}"
                if self.is_supplement
                else f"; covers {self.year}"
            )
        lines.append(tail)
        return "\n".join(lines)


_JOINED = {
    True: "（与周末连休，通知未逐日列出）",
    False: " (weekend joined to the holiday, not printed)",
}
_EXTENDED = {True: "（延长至此日，此前各日均放假）", False: " (extended through this day)"}
_ENGLISH = dict(HOLIDAY_NAMES.values())


def _row(day: _dt.date, kind: OverlayKind, holiday: str, zh: bool, note: str) -> str:
    if zh:
        what = "放假" if kind is OverlayKind.DAY_OFF else "上班"
        return f"{day.isoformat()}  星期{_WEEKDAY_ZH[day.weekday()]}  {what}    {holiday}{note}"
    what = "day off     " if kind is OverlayKind.DAY_OFF else "working day "
    name = _ENGLISH.get(holiday, holiday)
    if name != holiday:
        name = f"{name} ({holiday})"
    return f"{day.isoformat()}  {_WEEKDAY_EN[day.weekday()]}      {what} {name}{note}"
