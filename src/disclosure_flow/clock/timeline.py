"""A deadline as a picture (期限时间轴): one case's clock on a calendar strip, drawn
with matplotlib (optional extra ``plot``: ``pip install 'disclosure-flow[plot]'``).

The strip runs from a few days before day 0 to a few days after the last date that
matters (the due date or the latest plausible one, the reply, the last event, the day
asked about). On it:

- the days off, shaded: statutory holidays (法定节假日) in one shade, labelled with the
  holiday's name, ordinary weekends (周末) in another, local days off (地方休息日) in a
  third; estimated days hatched; make-up working days (调休上班) marked along the foot;
- the counted working days (计入的工作日), one dot each, every fifth and the last
  numbered (with ``as_of``: filled when used, hollow when left);
- the pauses (暂停计时) with their reason, and the wait for a correction (等待补正);
- day 0 (收到申请), each restart after a correction (重新起算), each extension in force
  with its days (延长), the reply, the due date (答复期限) and, for a provisional answer,
  its plausible range (可能范围);
- with ``as_of``, the day asked about, with the working days used and left.

Each date is a day wide on the axis: day *d* covers ``[d, d + 1)`` (matplotlib's date
numbers), a span of days from its first day's start to its last day's end, and a mark
on a day stands in the middle of it (``d + 0.5``). Every artist drawn carries a
``gid`` saying what it is (``"day-off"``, ``"pause"``, ``"due"``, …), so a program can
read the picture back.

**Fonts (字体).** The labels are Chinese (``lang="zh"``) or English (``"en"``), every
text drawn with one font file chosen per figure (:mod:`~disclosure_flow.clock.fonts`):
the one given, or the Chinese font :func:`~disclosure_flow.clock.find_cjk_font` finds.
Without a Chinese font, ``lang="zh"`` draws English labels and warns with
:class:`~disclosure_flow.clock.CJKFontWarning`. Matplotlib's "Glyph missing" warning
never appears, and the host's ``rcParams`` are never changed.

>>> import datetime as dt
>>> from disclosure_flow import R2019, WorkdayCalendar, compute_deadline
>>> d = compute_deadline(dt.date(2026, 9, 28), policy=R2019, calendar=WorkdayCalendar())
>>> figure = d.timeline(as_of=dt.date(2026, 10, 9), lang="en")
>>> [t.get_text() for t in figure.axes[0].texts if t.get_gid() == "due"]
['reply due 10-30']
>>> png = figure_png(figure, size=(800, 300))
>>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
True
"""

from __future__ import annotations

import datetime as _dt
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from disclosure_flow.clock.counting import _ONE_DAY, _intervals, _origin
from disclosure_flow.clock.events import (
    CorrectionNotice,
    DelayedDeadline,
    Extension,
    Pause,
    Reply,
    Restart,
)
from disclosure_flow.clock.fonts import _choose_font, _Font, _matplotlib
from disclosure_flow.clock.policy import PauseReason
from disclosure_flow.clock.results import OpenReason, _check_lang
from disclosure_flow.errors import InvalidValueError, Wording
from disclosure_flow.workdays import HOLIDAY_NAMES, DataStatus, DayInfo, DayKind

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from disclosure_flow.clock.deadline import Deadline, DeadlineStatus

__all__ = ["figure_png", "save_timeline_png", "timeline_figure"]


_HOLIDAY_EN = dict(HOLIDAY_NAMES.values())
#: Shades of the days off, of the marks, of the spans.
_COLOURS = {
    DayKind.HOLIDAY: "#f4b6b6",
    DayKind.WEEKEND: "#e3e3e3",
    DayKind.LOCAL_HOLIDAY: "#f7d9a8",
    "workday-mark": "#4f8fd6",
    "counted": "#2b5d9c",
    "pause": "#9ec9a0",
    "pause-counted": "#d7e8d8",
    "correction": "#c9b3de",
    "range": "#f0c040",
    "due": "#c62828",
    "as_of": "#1565c0",
    "event": "#555555",
    "extension": "#6a1b9a",
}
# Lanes, bottom to top (data units on the y axis).
_FOOT, _PAUSE_Y, _COUNT_Y, _TOP = 0.3, 1.2, 2.1, 2.85
_ROW = 0.3


def _text(zh: str, en: str, lang: str) -> str:
    return zh if lang == "zh" else en


# -- the facts drawn --------------------------------------------------------------------


def _days(first: _dt.date, last: _dt.date) -> Iterator[_dt.date]:
    day = first
    while day <= last:
        yield day
        day += _ONE_DAY


def _window(deadline: Deadline, as_of: _dt.date | None) -> tuple[_dt.date, _dt.date]:
    """The first and last day drawn: a few days around every date that matters, within
    what the calendar covers."""
    dates = [deadline.received, deadline.day0]
    for event in deadline.events:
        if isinstance(event, Pause):
            dates += [event.start] if event.end is None else [event.start, event.end]
            if event.end is None:
                dates.append(event.start + _dt.timedelta(days=7))
        elif isinstance(event, Extension):
            dates.append(event.granted_on)
        elif isinstance(event, Restart | Reply):
            dates.append(event.day)
        elif isinstance(event, CorrectionNotice):
            dates += [event.sent_on, event.sent_on + _dt.timedelta(days=7)]
        elif isinstance(event, DelayedDeadline):
            dates += [event.set_on, event.due]
    dates += [d for d in (deadline.due, deadline.low, deadline.high, as_of) if d is not None]
    coverage = deadline.calendar.coverage
    last_covered = coverage.estimated_until or coverage.last
    first = max(min(dates) - _dt.timedelta(days=3), coverage.first)
    last = min(max(dates) + _dt.timedelta(days=3), last_covered)
    return first, last


def _days_off_runs(infos: list[DayInfo]) -> list[tuple[_dt.date, _dt.date, DayInfo]]:
    """Consecutive days off of one kind, name and certainty: ``(first, last, info)``."""
    runs: list[tuple[_dt.date, _dt.date, DayInfo]] = []
    for info in infos:
        if info.is_workday:
            continue
        if runs:
            first, last, head = runs[-1]
            if (
                last + _ONE_DAY == info.day
                and head.kind is info.kind
                and head.name == info.name
                and (head.status is DataStatus.ESTIMATED) == (info.status is DataStatus.ESTIMATED)
            ):
                runs[-1] = (first, info.day, head)
                continue
        runs.append((info.day, info.day, info))
    return runs


def _counted_days(deadline: Deadline, infos: list[DayInfo]) -> list[_dt.date]:
    """The working days counted toward the period, as the calendar's primary data has
    them: after the origin, up to the due date (or where a running pause began), outside
    the excluded pauses."""
    if deadline.open_reason is OpenReason.AWAITING_CORRECTION:
        return []
    origin = _origin(deadline)
    pauses = sorted((e for e in deadline.events if type(e) is Pause), key=lambda p: p.start)
    intervals = _intervals(pauses, deadline.policy)
    end = deadline.due or next((a for a, b in intervals if b is None), None)
    return [
        info.day
        for info in infos
        if info.is_workday
        and origin < info.day
        and (end is None or info.day <= end)
        and not any(a < info.day and (b is None or info.day <= b) for a, b in intervals)
    ]


# -- drawing ----------------------------------------------------------------------------


def _short(day: _dt.date, year: int) -> str:
    return day.strftime("%m-%d") if day.year == year else day.isoformat()


_PAUSE_LABELS = {
    PauseReason.THIRD_PARTY: ("征求第三方意见", "third-party consultation"),
    PauseReason.INTER_AGENCY: ("征求其他机关意见", "other agency consulted"),
    PauseReason.FEE: ("收费通知至缴费", "fee notice to payment"),
}


def _status_text(status: DeadlineStatus, as_of: _dt.date, lang: str, year: int) -> str:
    day, measured = _short(as_of, year), _short(status.as_of, year)
    if status.replied:
        where = _text(
            f"已于 {measured} 答复，用{status.used}个工作日",
            f"replied {measured}, {status.used} working days used",
            lang,
        )
        if status.overdue:
            where += _text(
                f"，逾期{status.overdue_by}个工作日", f", {status.overdue_by} late", lang
            )
    elif status.overdue:
        where = _text(
            f"已逾期{status.overdue_by}个工作日",
            f"{status.overdue_by} working day(s) overdue",
            lang,
        )
    else:
        where = _text(
            f"已用{status.used}个工作日，剩余{status.left}个",
            f"{status.used} working days used, {status.left} left",
            lang,
        )
        if status.paused:
            where += _text("，暂停计时中", ", paused", lang)
    if not status.replied and status.as_of != as_of:
        where += _text(f"（计至 {measured}）", f" (measured on {measured})", lang)
    if status.provisional:
        where += _text("（估计）", " (provisional)", lang)
    return _text(f"截至 {day}：{where}", f"as of {day}: {where}", lang)


def _title(deadline: Deadline, lang: str, title: str | None, case_id: str | None) -> str:
    if deadline.due is not None:
        head = _text(f"答复期限 {deadline.due}", f"reply due {deadline.due}", lang)
        if deadline.provisional:
            head += _text("（估计）", " (provisional)", lang)
    elif deadline.open_reason is OpenReason.AWAITING_CORRECTION:
        head = _text("答复期限未定：等待补正", "reply deadline open: awaiting correction", lang)
    else:
        head = _text("答复期限未定：暂停计时中", "reply deadline open: paused", lang)
    if title is None and case_id is not None:
        title = _text(f"案件 {case_id}", f"Case {case_id}", lang)
    if title is None:
        title = _text(
            f"{deadline.received} 收到的申请", f"Application received {deadline.received}", lang
        )
    return f"{title} · {head}"


class _Canvas:
    """One axes drawn on, with the figure's font and language."""

    def __init__(self, ax: Axes, font: _Font, lang: str, year: int) -> None:
        self.mpl = _matplotlib()
        self.ax = ax
        self.font = font
        self.lang = lang
        self.year = year
        self.tops: list[tuple[float, float, int]] = []  # labels along the top: from, to, row

    def x(self, day: _dt.date) -> float:
        return float(self.mpl.dates.date2num(day))

    def text(self, x: float, y: float, text: str, gid: str, **style: Any) -> None:
        self.ax.text(
            x,
            y,
            self.font.fit(text),
            gid=gid,
            fontproperties=self.font.properties,
            parse_math=False,
            **style,
        )

    def span(self, first: _dt.date, last: _dt.date, gid: str, **style: Any) -> None:
        """Days *first* to *last*, each whole, across the strip."""
        self.ax.axvspan(self.x(first), self.x(last) + 1, gid=gid, lw=0, **style)

    def bar(
        self, first: _dt.date, last: _dt.date, y: float, gid: str, label: str, **style: Any
    ) -> None:
        """Days *first* to *last* as a bar in the lane at *y*, with its label inside."""
        x0, x1 = self.x(first), self.x(last) + 1
        self.ax.add_patch(
            self.mpl.patches.Rectangle((x0, y - 0.3), x1 - x0, 0.6, gid=gid, lw=0.8, **style)
        )
        self.text((x0 + x1) / 2, y, label, gid=gid, ha="center", va="center", fontsize=8)

    def mark(self, day: _dt.date, gid: str, label: str, colour: str, style: str = "-") -> None:
        """A line through the middle of *day*, labelled along the top (staggered)."""
        x = self.x(day) + 0.5
        self.ax.axvline(x, gid=gid, color=colour, lw=1.6, ls=style)
        lo, hi = self.ax.get_xlim()
        width = (hi - lo) * 0.012 * (len(label) + 2)  # roughly the label's width
        right = x > lo + (hi - lo) * 0.7  # near the right edge: the label to the left
        start, end = (x - width, x) if right else (x, x + width)
        row = 0
        while any(r == row and a < end and start < b for a, b, r in self.tops):
            row += 1
        self.tops.append((start, end, row))
        self.text(
            x + (-0.3 if right else 0.3),
            _TOP + _ROW * row,
            label,
            gid=gid,
            ha="right" if right else "left",
            va="bottom",
            fontsize=8,
            color=colour,
        )


def _draw_days(canvas: _Canvas, infos: list[DayInfo]) -> set[DayKind]:
    lang = canvas.lang
    shown: set[DayKind] = set()
    for first, last, info in _days_off_runs(infos):
        estimated = info.status is DataStatus.ESTIMATED
        canvas.span(
            first,
            last,
            "day-off",
            color=_COLOURS[info.kind],
            alpha=0.9,
            zorder=0,
            hatch="//" if estimated else None,
        )
        shown.add(info.kind)
        if info.kind is DayKind.WEEKEND:
            continue
        name = info.name or info.kind.label_zh
        if lang == "en":
            english = _HOLIDAY_EN.get(info.name, info.name)
            if not english or not canvas.font.has(english):
                english = "holiday" if info.kind is DayKind.HOLIDAY else "local day off"
            name = english
        if estimated:
            name += _text("〔估计〕", " [est.]", lang)
        middle = (canvas.x(first) + canvas.x(last) + 1) / 2
        canvas.text(
            middle, _FOOT, name, "day-off-label", ha="center", va="bottom", fontsize=8, rotation=90
        )
    for info in infos:
        if info.kind in (DayKind.MAKEUP_WORKDAY, DayKind.LOCAL_WORKDAY):
            x = canvas.x(info.day)
            canvas.ax.add_patch(
                canvas.mpl.patches.Rectangle(
                    (x, 0), 1, 0.12, gid="workday-mark", color=_COLOURS["workday-mark"], lw=0
                )
            )
            canvas.text(
                x + 0.5, 0.22, _text("班", "W", lang), "workday-mark", ha="center", fontsize=7
            )
            shown.add(info.kind)
    return shown


def _draw_clock(
    canvas: _Canvas, deadline: Deadline, infos: list[DayInfo], used_until: _dt.date | None
) -> None:
    """The counted days (filled up to *used_until*, hollow after: the days left), the
    pauses, the correction's wait and the events."""
    lang, year = canvas.lang, canvas.year
    counted = _counted_days(deadline, infos)
    if counted:
        colour = _COLOURS["counted"]
        canvas.ax.scatter(
            [canvas.x(d) + 0.5 for d in counted],
            [_COUNT_Y] * len(counted),
            s=12,
            facecolors=[
                colour if used_until is None or d <= used_until else "white" for d in counted
            ],
            edgecolors=colour,
            gid="counted",
            zorder=3,
        )
        for n, day in enumerate(counted, start=1):
            if n == len(counted) or (n % 5 == 0 and len(counted) - n >= 2):
                canvas.text(canvas.x(day) + 0.5, _COUNT_Y + 0.2, str(n), "counted", ha="center")
    window_end = infos[-1].day
    for event in deadline.events:
        if isinstance(event, Pause):
            zh, en = _PAUSE_LABELS[event.reason]
            label = _text(zh, en, lang)
            excluded = event.reason in deadline.policy.excluded_pauses
            if not excluded:
                label += _text("（照常计算）", " (counted)", lang)
            end = event.end
            if end is None:
                label += _text("，尚未结束", ", still running", lang)
            canvas.bar(
                event.start,
                min(end or window_end, window_end),
                _PAUSE_Y,
                "pause",
                label,
                facecolor=_COLOURS["pause" if excluded else "pause-counted"],
                edgecolor="#3d7a40",
                ls="-" if end is not None else "--",
            )
        elif isinstance(event, CorrectionNotice):
            restart = next(
                (e.day for e in deadline.events if type(e) is Restart and e.day >= event.sent_on),
                None,
            )
            canvas.mark(
                event.sent_on,
                "correction-notice",
                _text("补正告知", "correction notice", lang),
                _COLOURS["event"],
                ":",
            )
            canvas.bar(
                event.sent_on,
                min(restart or window_end, window_end),
                _PAUSE_Y,
                "correction",
                _text("等待补正", "awaiting correction", lang),
                facecolor=_COLOURS["correction"],
                edgecolor="#6a4f85",
            )
        elif isinstance(event, Restart):
            canvas.mark(
                event.day,
                "restart",
                _text(
                    f"{_short(event.day, year)} 重新起算",
                    f"{_short(event.day, year)} restart",
                    lang,
                ),
                _COLOURS["event"],
            )
        elif isinstance(event, Extension) and any(event is x for x in deadline.extensions):
            canvas.mark(
                event.granted_on,
                "extension",
                _text(f"延长{event.days}个工作日", f"extended by {event.days} working days", lang),
                _COLOURS["extension"],
                "--",
            )
        elif isinstance(event, DelayedDeadline) and event is deadline.delayed:
            canvas.mark(
                event.set_on,
                "delayed",
                _text(
                    f"确定延迟答复期限至 {_short(event.due, year)}",
                    f"delayed reply to {_short(event.due, year)}",
                    lang,
                ),
                _COLOURS["extension"],
                "--",
            )
        elif isinstance(event, Reply):
            canvas.mark(event.day, "reply", _text("答复", "replied", lang), _COLOURS["event"])


def timeline_figure(
    deadline: Deadline,
    *,
    as_of: _dt.date | None = None,
    status: DeadlineStatus | None = None,
    lang: str = "zh",
    title: str | None = None,
    case_id: str | None = None,
    font: str | os.PathLike[str] | None = None,
    ax: Axes | None = None,
) -> Figure:
    """The deadline as a timeline picture (期限时间轴), a :class:`matplotlib.figure.Figure`
    (see the module's text for what it shows). :meth:`Deadline.timeline
    <disclosure_flow.clock.Deadline.timeline>` and :meth:`Case.timeline
    <disclosure_flow.cases.Case.timeline>` call it.

    Args:
        deadline: the deadline.
        as_of: mark this day, with the working days used and left (截至某日); nothing
            reads today's date.
        status: the status shown at *as_of* (default ``deadline.status(as_of)``; a case
            gives its own, measured as :meth:`Case.status
            <disclosure_flow.cases.Case.status>` measures it).
        lang: ``"zh"`` (default) or ``"en"``.
        title: what the title names first (default: the case, given *case_id*, else
            the day the application was received); the due date follows.
        case_id: the case's number, named in the title (案件 …).
        font: a font file to draw every text with (default: :func:`find_cjk_font`,
            else matplotlib's default sans-serif font).
        ax: draw on these axes (their figure is returned); default: a new figure, not
            registered with ``pyplot`` (nothing global changes).

    Raises:
        InvalidValueError: *lang* is not ``"zh"`` or ``"en"``; *font* is no font file.
        ClockError: *as_of* is before the last event or day 0.
        CoverageError: a strict calendar lacks *as_of*.
        ModuleNotFoundError: matplotlib is not installed (extra ``plot``).

    Warns:
        CJKFontWarning: ``lang="zh"`` without a Chinese font: drawn in English.
    """
    _check_lang(lang)
    mpl = _matplotlib()
    if as_of is not None and status is None:
        status = deadline.status(as_of)
    chosen, lang = _choose_font(font, lang)
    if ax is None:
        figure = mpl.figure.Figure(figsize=(12, 4.2), layout="constrained")
        ax = figure.add_subplot()
    else:
        figure = ax.get_figure()
    first, last = _window(deadline, as_of)
    infos = [deadline.calendar.day_info(day) for day in _days(first, last)]
    canvas = _Canvas(ax, chosen, lang, deadline.received.year)
    ax.set_xlim(canvas.x(first), canvas.x(last) + 1)
    shown = _draw_days(canvas, infos)
    _draw_clock(canvas, deadline, infos, None if status is None else status.as_of)
    canvas.mark(
        deadline.received,
        "day0",
        _text(
            f"{_short(deadline.received, canvas.year)} 收到申请",
            f"{_short(deadline.received, canvas.year)} received",
            lang,
        ),
        _COLOURS["event"],
    )
    if deadline.due is not None:
        if deadline.provisional and deadline.low is not None and deadline.high is not None:
            canvas.span(
                deadline.low, deadline.high, "range", color=_COLOURS["range"], alpha=0.35, zorder=1
            )
        canvas.mark(
            deadline.due,
            "due",
            _text(
                f"答复期限 {_short(deadline.due, canvas.year)}",
                f"reply due {_short(deadline.due, canvas.year)}",
                lang,
            ),
            _COLOURS["due"],
        )
    if as_of is not None and status is not None:
        canvas.mark(
            as_of, "as_of", _status_text(status, as_of, lang, canvas.year), _COLOURS["as_of"], "-."
        )
    _frame(canvas, first, last, shown, deadline)
    rows = 1 + max((r for _, _, r in canvas.tops), default=0)
    ax.set_ylim(0, _TOP + _ROW * rows + 0.1)
    ax.set_title(
        chosen.fit(_title(deadline, lang, title, case_id)),
        fontproperties=chosen.properties,
        parse_math=False,
        loc="left",
    )
    return figure  # type: ignore[no-any-return]  # matplotlib is imported at run time


def _frame(
    canvas: _Canvas, first: _dt.date, last: _dt.date, shown: set[DayKind], deadline: Deadline
) -> None:
    """Axes limits, date ticks, lane names and the legend."""
    ax, lang, mpl = canvas.ax, canvas.lang, canvas.mpl
    ax.set_yticks([])
    days = (last - first).days + 1
    step = 7 if days <= 120 else 28
    ticks = [d for d in _days(first, last) if d.weekday() == 0][:: step // 7]
    ax.set_xticks([canvas.x(d) + 0.5 for d in ticks], [_short(d, canvas.year) for d in ticks])
    ax.set_xticks([canvas.x(d) for d in _days(first, last)], minor=True)
    for tick in ax.xaxis.get_major_ticks():
        for label in (tick.label1, tick.label2):
            label.set_fontproperties(canvas.font.properties)
            label.set_fontsize(8)
    for y, zh, en in (
        (_COUNT_Y, "计入工作日", "counted days"),
        (_PAUSE_Y, "暂停/补正", "paused"),
    ):
        ax.text(
            -0.005,
            y,
            canvas.font.fit(_text(zh, en, lang)),
            transform=ax.get_yaxis_transform(),
            ha="right",
            va="center",
            fontsize=8,
            fontproperties=canvas.font.properties,
            parse_math=False,
            gid="lane",
        )
    patch = mpl.patches.Patch
    handles = []
    for kind, zh, en in (
        (DayKind.HOLIDAY, "法定节假日", "statutory holiday"),
        (DayKind.WEEKEND, "周末", "weekend"),
        (DayKind.LOCAL_HOLIDAY, "地方休息日", "local day off"),
    ):
        if kind in shown:
            handles.append(patch(color=_COLOURS[kind], label=_text(zh, en, lang)))
    if shown & {DayKind.MAKEUP_WORKDAY, DayKind.LOCAL_WORKDAY}:
        handles.append(
            patch(
                color=_COLOURS["workday-mark"], label=_text("调休上班", "make-up working day", lang)
            )
        )
    if deadline.provisional and deadline.due is not None:
        handles.append(
            patch(
                color=_COLOURS["range"],
                alpha=0.35,
                label=_text("可能范围", "plausible range", lang),
            )
        )
    if handles:
        legend = ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.07),
            prop=canvas.font.properties,
            framealpha=0.9,
            ncol=len(handles),
        )
        legend.set_gid("legend")


def figure_png(
    figure: Figure,
    path: str | os.PathLike[str] | None = None,
    *,
    size: tuple[int, int] | None = None,
    dpi: int = 100,
) -> bytes:
    """The figure as PNG (图片): its bytes, also written to *path* when given.

    Args:
        figure: a figure, e.g. :meth:`Deadline.timeline
            <disclosure_flow.clock.Deadline.timeline>`'s.
        path: the file to write (replaced if it exists).
        size: width and height in pixels (default: the figure's own size at *dpi*).
        dpi: dots per inch.

    Raises:
        InvalidValueError: *size* is not two ints >= 16, or *dpi* not an int >= 10.
        OSError: the file cannot be written.
    """
    if type(dpi) is not int or dpi < 10:
        raise InvalidValueError("dpi", dpi, Wording("an int >= 10", "不小于 10 的整数"))
    if size is not None:
        if (
            not isinstance(size, tuple)
            or len(size) != 2
            or any(type(n) is not int or n < 16 for n in size)
        ):
            raise InvalidValueError(
                "size",
                size,
                Wording(
                    "(width, height) in pixels, two ints >= 16",
                    "（宽, 高）像素，两个不小于 16 的整数",
                ),
            )
        figure.set_size_inches(size[0] / dpi, size[1] / dpi)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    data = buffer.getvalue()
    if path is not None:
        Path(path).write_bytes(data)
    return data


def save_timeline_png(
    deadline: Deadline,
    path: str | os.PathLike[str] | None = None,
    *,
    as_of: _dt.date | None = None,
    lang: str = "zh",
    title: str | None = None,
    font: str | os.PathLike[str] | None = None,
    size: tuple[int, int] = (1200, 420),
    dpi: int = 100,
) -> bytes:
    """The deadline's timeline (:func:`timeline_figure`) as PNG bytes of *size* pixels,
    also written to *path* when given (期限时间轴图片), e.g. for
    ``disclosure-flow deadline … --png FILE``.

    Raises:
        InvalidValueError: as :func:`timeline_figure` and :func:`figure_png`.
        ClockError: *as_of* is before the last event or day 0.
        ModuleNotFoundError: matplotlib is not installed (extra ``plot``).
        OSError: the file cannot be written.

    Warns:
        CJKFontWarning: ``lang="zh"`` without a Chinese font: drawn in English.
    """
    figure = timeline_figure(deadline, as_of=as_of, lang=lang, title=title, font=font)
    return figure_png(figure, path, size=size, dpi=dpi)
