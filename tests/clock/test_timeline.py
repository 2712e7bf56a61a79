"""The timeline picture (disclosure_flow.clock.timeline) and its fonts
(disclosure_flow.clock.fonts), drawn with the real matplotlib
(Agg) and read back from the figure's artists: what is shaded, where each span and mark
stands, in which font the text is drawn — each checked against the calendar and the
clock asked independently."""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import subprocess
import sys
import warnings
from collections import Counter
from pathlib import Path

import matplotlib
import matplotlib.font_manager
import matplotlib.image
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.text import Text

from disclosure_flow import (
    R2019,
    ClockError,
    CorrectionNotice,
    DataStatus,
    Estimates,
    Extension,
    InvalidValueError,
    Overlay,
    OverlayEntry,
    OverlayKind,
    Pause,
    PauseReason,
    ProvisionalAnswerError,
    Reply,
    Restart,
    WorkdayCalendar,
    compute_deadline,
)
from disclosure_flow import strategies as dfs
from disclosure_flow.cases import Channel
from disclosure_flow.clock import (
    CJKFontWarning,
    Deadline,
    figure_png,
    find_cjk_font,
    save_timeline_png,
    timeline_figure,
)
from disclosure_flow.clock import fonts as fonts_module
from disclosure_flow.testing import Scenario

matplotlib.use("Agg")

CALENDAR = WorkdayCalendar()
DAY = dt.timedelta(days=1)
PNG = b"\x89PNG\r\n\x1a\n"
FONT = find_cjk_font()
#: CI installs a Chinese font (fonts-wqy-zenhei): there, not finding one is a failure.
NEED_FONT = bool(os.environ.get("CI"))


def _consulted() -> Deadline:
    return compute_deadline(
        dt.date(2026, 9, 28),
        [
            Pause(dt.date(2026, 10, 12), dt.date(2026, 10, 20), PauseReason.THIRD_PARTY),
            Extension(10, "负责人", granted_on=dt.date(2026, 10, 26)),
        ],
        policy=R2019,
        calendar=CALENDAR,
    )


def _lang() -> str:
    """Chinese where a Chinese font is installed (else the picture would warn)."""
    return "zh" if FONT is not None else "en"


# -- reading the picture back ------------------------------------------------------------


def _axes(figure: Figure) -> Axes:
    (ax,) = figure.axes
    return ax


#: Day 0 of matplotlib's date numbers (a date is its days since this one).
EPOCH = dt.date.fromisoformat(str(matplotlib.rcParams["date.epoch"])[:10])


def _day(x: float) -> dt.date:
    """The day whose cell ``[d, d + 1)`` holds *x*."""
    return EPOCH + dt.timedelta(days=math.floor(x))


def _x_range(patch: Patch) -> tuple[float, float]:
    xs = patch.get_patch_transform().transform(patch.get_path().vertices)[:, 0]
    return float(xs.min()), float(xs.max())


def _spans(ax: Axes, gid: str) -> list[tuple[dt.date, dt.date]]:
    """Each patch with *gid* as its first and last whole day."""
    out = []
    for patch in ax.patches:
        if patch.get_gid() == gid:
            lo, hi = _x_range(patch)
            assert (lo, hi) == (int(lo), int(hi)), "a span covers whole days"
            out.append((_day(lo), _day(hi) - DAY))
    return out


def _span_days(ax: Axes, gid: str) -> list[dt.date]:
    days = []
    for first, last in _spans(ax, gid):
        day = first
        while day <= last:
            days.append(day)
            day += DAY
    return days


def _marks(ax: Axes, gid: str) -> list[dt.date]:
    """The days of the vertical lines with *gid* (each through the middle of its day)."""
    out = []
    for line in ax.lines:
        if line.get_gid() == gid:
            (x,) = set(np.asarray(line.get_xdata(), dtype=float).tolist())  # vertical: one x
            assert x % 1 == 0.5
            out.append(_day(x))
    return out


def _dots(ax: Axes) -> list[dt.date]:
    """The days of the counted days' dots (each in the middle of its day)."""
    (dots,) = [c for c in ax.collections if c.get_gid() == "counted"]
    assert isinstance(dots, PathCollection)
    xs = np.asarray(dots.get_offsets(), dtype=float)[:, 0].tolist()
    assert all(x % 1 == 0.5 for x in xs)
    return [_day(x) for x in xs]


def _texts(ax: Axes, gid: str) -> list[str]:
    return [t.get_text() for t in ax.texts if t.get_gid() == gid]


def _window(ax: Axes) -> list[dt.date]:
    lo, hi = ax.get_xlim()
    first, last = _day(lo), _day(hi) - DAY
    return [first + DAY * i for i in range((last - first).days + 1)]


def _all_texts(figure: Figure) -> list[Text]:
    return [t for t in figure.findobj(Text) if t.get_text()]


def _render(figure: Figure) -> bytes:
    """The figure drawn to PNG, any warning (a missing glyph) an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return figure_png(figure)


def _working(calendar: WorkdayCalendar, day: dt.date) -> bool:
    """Whether *day* is a working day: the calendar's answer, or for an estimated day
    (which that answer refuses) its primary estimate."""
    try:
        return calendar.is_workday(day)
    except ProvisionalAnswerError:
        return calendar.day_info(day).is_workday


def _last_fact(d: Deadline) -> dt.date:
    """The last date the clock's facts name (a status may be asked from then on)."""
    days = [d.received]
    for event in d.events:
        if isinstance(event, Pause):
            days.append(event.end or event.start)
        elif isinstance(event, Extension):
            days.append(event.granted_on)
        elif isinstance(event, CorrectionNotice):
            days.append(event.sent_on)
        elif isinstance(event, Restart | Reply):
            days.append(event.day)
    return max(days)


# -- what is drawn -----------------------------------------------------------------------


def test_days_off_are_shaded_exactly_and_holidays_named() -> None:
    d = _consulted()
    ax = _axes(d.timeline(lang="en"))
    window = _window(ax)
    assert d.due is not None
    assert window[0] <= d.received
    assert d.due <= window[-1]
    shaded = _span_days(ax, "day-off")
    assert sorted(shaded) == [day for day in window if not CALENDAR.is_workday(day)]
    # National Day in one shade, the ordinary weekends in another.
    colours: dict[str, set[str]] = {"holiday": set(), "weekend": set()}
    for patch in ax.patches:
        if patch.get_gid() == "day-off":
            lo, _ = _x_range(patch)
            first = _day(lo)
            kind = "weekend" if CALENDAR.day_info(first).name == "" else "holiday"
            colours[kind].add(str(patch.get_facecolor()))
    assert len(colours["holiday"]) == len(colours["weekend"]) == 1
    assert colours["holiday"] != colours["weekend"]
    assert "National Day" in _texts(ax, "day-off-label")
    # Saturday 10 October 2026 is worked: marked, not shaded.
    marked = _span_days(ax, "workday-mark")
    assert marked == [day for day in window if CALENDAR.is_workday(day) and day.weekday() >= 5]
    assert dt.date(2026, 10, 10) in marked


def test_pause_extension_due_day0_and_as_of_marks() -> None:
    d = _consulted()
    as_of = dt.date(2026, 11, 2)
    ax = _axes(d.timeline(as_of=as_of, lang="en"))
    assert _spans(ax, "pause") == [(dt.date(2026, 10, 12), dt.date(2026, 10, 20))]
    assert _texts(ax, "pause") == ["third-party consultation"]
    assert _marks(ax, "due") == [d.due]
    assert _marks(ax, "day0") == [d.received]
    assert _marks(ax, "extension") == [dt.date(2026, 10, 26)]
    assert _texts(ax, "extension") == ["extended by 10 working days"]
    assert _marks(ax, "as_of") == [as_of]
    status = d.status(as_of)
    (label,) = _texts(ax, "as_of")
    assert f"{status.used} working days used, {status.left} left" in label
    # One dot per counted working day, the last on the due date.
    days = _dots(ax)
    assert d.due is not None
    assert len(days) == d.status(d.due).used == d.period
    assert days[-1] == d.due
    assert all(CALENDAR.is_workday(day) for day in days)
    assert not [day for day in days if dt.date(2026, 10, 12) < day <= dt.date(2026, 10, 20)]
    # Numbered: the count so far above its dot, every fifth and the last.
    numbers = {
        _day(t.get_position()[0]): int(t.get_text()) for t in ax.texts if t.get_gid() == "counted"
    }
    assert numbers == {day: n for n, day in enumerate(days, 1) if n % 5 == 0 or day == d.due}
    # Filled up to the day asked about (used), hollow after it (left).
    (dots,) = [c for c in ax.collections if c.get_gid() == "counted"]
    white = np.array([1.0, 1.0, 1.0, 1.0])
    filled = [not np.allclose(face, white) for face in dots.get_facecolor()]
    assert filled == [day <= as_of for day in days]
    assert sum(filled) == status.used
    assert len(filled) - sum(filled) == status.left


def test_no_as_of_no_today_line() -> None:
    ax = _axes(_consulted().timeline(lang="en"))
    assert _marks(ax, "as_of") == []


def test_chinese_labels() -> None:
    if FONT is None:
        pytest.skip("no Chinese font installed")
    d = _consulted()
    figure = d.timeline(as_of=dt.date(2026, 11, 2))
    ax = _axes(figure)
    assert _texts(ax, "pause") == ["征求第三方意见"]
    assert _texts(ax, "extension") == ["延长10个工作日"]
    assert _texts(ax, "due") == ["答复期限 11-23"]
    assert "国庆节" in _texts(ax, "day-off-label")
    assert _texts(ax, "as_of") == ["截至 11-02：已用15个工作日，剩余15个"]
    assert ax.get_title(loc="left") == "2026-09-28 收到的申请 · 答复期限 2026-11-23"


def test_restart_after_correction_and_a_running_pause() -> None:
    d = compute_deadline(
        dt.date(2026, 9, 28),
        [
            CorrectionNotice(dt.date(2026, 9, 30)),
            Restart(dt.date(2026, 10, 9)),
            Pause(dt.date(2026, 10, 19), None, PauseReason.FEE),
        ],
        policy=R2019,
        calendar=CALENDAR,
    )
    assert d.due is None
    ax = _axes(d.timeline(as_of=dt.date(2026, 10, 23), lang="en"))
    assert _marks(ax, "restart") == [dt.date(2026, 10, 9)]
    assert _marks(ax, "correction-notice") == [dt.date(2026, 9, 30)]
    assert _spans(ax, "correction") == [(dt.date(2026, 9, 30), dt.date(2026, 10, 9))]
    window = _window(ax)
    assert _spans(ax, "pause") == [(dt.date(2026, 10, 19), window[-1])]
    assert _texts(ax, "pause") == ["fee notice to payment, still running"]
    assert _marks(ax, "due") == []
    assert "paused" in ax.get_title(loc="left")
    days = _dots(ax)
    assert days[0] > dt.date(2026, 10, 9)
    assert days[-1] <= dt.date(2026, 10, 19)
    assert len(days) == d.status(dt.date(2026, 10, 23)).used


def test_a_provisional_deadline_shows_its_range() -> None:
    calendar = WorkdayCalendar(estimates=Estimates.ALLOW)
    d = compute_deadline(dt.date(2027, 1, 11), policy=R2019, calendar=calendar)
    assert d.provisional
    assert d.low is not None
    assert d.high is not None
    ax = _axes(d.timeline(lang="en"))
    assert _spans(ax, "range") == [(d.low, d.high)]
    assert _marks(ax, "due") == [d.due]
    assert "provisional" in ax.get_title(loc="left")
    window = _window(ax)
    assert sorted(_span_days(ax, "day-off")) == [
        day for day in window if not calendar.day_info(day).is_workday
    ]


def test_a_local_day_off_in_its_own_shade_with_its_name() -> None:
    overlay = Overlay(
        "某市",
        [OverlayEntry(dt.date(2026, 10, 14), OverlayKind.DAY_OFF, "市庆日", "市政府通知")],
    )
    calendar = WorkdayCalendar([overlay])
    d = compute_deadline(dt.date(2026, 9, 28), policy=R2019, calendar=calendar)
    ax = _axes(timeline_figure(d, lang=_lang()))
    assert dt.date(2026, 10, 14) in _span_days(ax, "day-off")
    assert sorted(_span_days(ax, "day-off")) == [
        day for day in _window(ax) if not calendar.is_workday(day)
    ]
    if FONT is not None:
        assert "市庆日" in _texts(ax, "day-off-label")
    _render(ax.get_figure())  # type: ignore[arg-type]  # a Figure, not a SubFigure


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    dfs.clock_inputs(
        calendars=dfs.calendars(statuses=(DataStatus.CONFIRMED, DataStatus.ESTIMATED)),
        policies=dfs.policies(),
    ),
    st.integers(0, 40),
)
def test_every_day_off_shaded_once_and_every_pause_drawn(
    inputs: dfs.ClockInputs, later: int
) -> None:
    d = inputs.deadline()
    as_of = _last_fact(d) + dt.timedelta(days=later)
    figure = d.timeline(as_of=as_of, lang="en")
    ax = _axes(figure)
    window = _window(ax)
    shaded = Counter(_span_days(ax, "day-off"))
    assert all(n == 1 for n in shaded.values()), "a day shaded twice"
    assert sorted(shaded) == [day for day in window if not _working(inputs.calendar, day)]
    pauses = [e for e in d.events if isinstance(e, Pause)]
    assert sorted(_spans(ax, "pause")) == sorted(
        (p.start, min(p.end or window[-1], window[-1])) for p in pauses
    )
    assert _marks(ax, "due") == ([] if d.due is None else [d.due])
    assert _marks(ax, "as_of") == [as_of]
    assert _marks(ax, "restart") == [e.day for e in d.events if isinstance(e, Restart)]
    figure.clear()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(min_size=1, max_size=12).filter(str.strip),
    st.text(min_size=1, max_size=12).filter(str.strip),
    st.integers(0, 25),
    st.sampled_from(["zh", "en"]),
)
def test_no_text_makes_a_glyph_go_missing(label: str, case_id: str, offset: int, lang: str) -> None:
    # Any label of a local day off, any case number: drawn, or drawn as "?", never a
    # matplotlib warning (the suite runs with -W error).
    day = dt.date(2026, 10, 12) + dt.timedelta(days=offset)
    overlay = Overlay("某地", [OverlayEntry(day, OverlayKind.DAY_OFF, label, "测试数据")])
    d = compute_deadline(dt.date(2026, 9, 28), policy=R2019, calendar=WorkdayCalendar([overlay]))
    if lang == "zh" and FONT is None:
        lang = "en"
    figure = timeline_figure(d, case_id=case_id, lang=lang, as_of=dt.date(2026, 11, 2))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        figure_png(figure, dpi=20)


# -- the picture as a file ---------------------------------------------------------------


def test_png_bytes_and_file_of_the_requested_size(tmp_path: Path) -> None:
    path = tmp_path / "timeline.png"
    data = save_timeline_png(
        _consulted(), path, as_of=dt.date(2026, 11, 2), lang=_lang(), size=(900, 320)
    )
    assert data.startswith(PNG)
    assert path.read_bytes() == data
    image = matplotlib.image.imread(io.BytesIO(data), format="png")
    assert image.shape[:2] == (320, 900)


def test_figure_png_keeps_the_figure_size_unless_asked() -> None:
    figure = _consulted().timeline(lang="en")
    image = matplotlib.image.imread(io.BytesIO(figure_png(figure, dpi=50)), format="png")
    width, height = figure.get_size_inches()
    assert image.shape[:2] == (round(height * 50), round(width * 50))


@pytest.mark.parametrize("size", [(0, 100), (100,), [800, 300], (800.0, 300), "800x300"])
def test_figure_png_refuses_a_bad_size(size: object) -> None:
    figure = _consulted().timeline(lang="en")
    with pytest.raises(InvalidValueError, match="size"):
        figure_png(figure, size=size)  # type: ignore[arg-type]


def test_figure_png_refuses_a_bad_dpi() -> None:
    with pytest.raises(InvalidValueError, match="dpi"):
        figure_png(_consulted().timeline(lang="en"), dpi=0)


# -- fonts -------------------------------------------------------------------------------


def test_a_chinese_font_is_found_where_one_is_installed() -> None:
    if FONT is None:
        if NEED_FONT:
            pytest.fail("CI installs fonts-wqy-zenhei, but find_cjk_font() found no font")
        pytest.skip("no Chinese font installed")
    assert FONT.is_file()


def test_zh_labels_are_drawn_with_the_chinese_font_and_no_glyph_is_missing() -> None:
    if FONT is None:
        pytest.skip("no Chinese font installed")
    case = Scenario(received=dt.date(2026, 9, 28), case_id="京公开〔2026〕1号")
    case = case.consulted_third_party(dt.date(2026, 10, 12), dt.date(2026, 10, 20))
    figure = case.extended(10, on=dt.date(2026, 10, 26)).case().timeline(dt.date(2026, 11, 2))
    texts = _all_texts(figure)
    assert any("征求第三方意见" in t.get_text() for t in texts)
    assert {t.get_fontproperties().get_file() for t in texts} == {str(FONT)}
    assert "?" not in "".join(t.get_text() for t in texts)
    _render(figure)


def test_the_font_is_found_outside_matplotlibs_font_list(monkeypatch: pytest.MonkeyPatch) -> None:
    # A font installed after matplotlib built its font list is still found.
    if FONT is None:
        pytest.skip("no Chinese font installed")
    monkeypatch.setattr(matplotlib.font_manager.fontManager, "ttflist", [])
    found = find_cjk_font()
    assert found is not None
    assert found.is_file()


def test_without_a_chinese_font_zh_falls_back_to_english_with_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(fonts_module, "find_cjk_font", lambda: None)
    d = _consulted()
    with pytest.warns(CJKFontWarning, match="English"):
        figure = timeline_figure(d, case_id="京公开〔2026〕1号", as_of=dt.date(2026, 11, 2))
    ax = _axes(figure)
    assert _texts(ax, "due") == ["reply due 11-23"]
    title = ax.get_title(loc="left")
    assert title.startswith("Case ")
    assert "京" not in title
    assert "2026" in title
    _render(figure)  # no glyph is missing: what the font lacks is drawn as "?"
    # English needs no Chinese font: no warning.
    _render(timeline_figure(d, lang="en"))


def test_a_font_file_without_chinese_glyphs_draws_english() -> None:
    latin = matplotlib.font_manager.findfont("DejaVu Sans")
    with pytest.warns(CJKFontWarning, match="no Chinese glyphs"):
        figure = _consulted().timeline(font=latin)
    assert _texts(_axes(figure), "due") == ["reply due 11-23"]
    assert {t.get_fontproperties().get_file() for t in _all_texts(figure)} == {latin}
    _render(figure)


@pytest.mark.parametrize("font", ["/no/such/font.ttf", 3, __file__])
def test_a_bad_font_is_refused(font: object) -> None:
    with pytest.raises(InvalidValueError, match="font"):
        _consulted().timeline(lang="en", font=font)  # type: ignore[arg-type]


def test_the_hosts_rcparams_are_left_alone() -> None:
    before = dict(matplotlib.rcParams)
    _render(_consulted().timeline(lang=_lang()))
    assert dict(matplotlib.rcParams) == before


# -- arguments, cases, the optional extra ------------------------------------------------


def test_lang_is_checked() -> None:
    with pytest.raises(InvalidValueError, match="lang"):
        _consulted().timeline(lang="fr")


def test_as_of_before_the_last_event_is_refused() -> None:
    with pytest.raises(ClockError):
        _consulted().timeline(as_of=dt.date(2026, 10, 1), lang="en")


def test_drawn_on_the_axes_given() -> None:
    figure = Figure()
    left, right = figure.subplots(1, 2)
    assert _consulted().timeline(ax=right, lang="en") is figure
    assert not left.patches
    assert right.patches


def test_a_case_names_itself_and_measures_as_its_status() -> None:
    story = Scenario(received=dt.date(2026, 9, 28), case_id="2026-101")
    story = story.consulted_third_party(dt.date(2026, 10, 12), dt.date(2026, 10, 20))
    case = story.replied(dt.date(2026, 11, 2)).case()
    ax = _axes(case.timeline(dt.date(2026, 11, 20), lang="en"))
    assert ax.get_title(loc="left").startswith("Case 2026-101 · reply due")
    status = case.status(dt.date(2026, 11, 20))
    assert status is not None
    assert status.replied
    assert status.as_of == dt.date(2026, 11, 2)
    assert _marks(ax, "as_of") == [dt.date(2026, 11, 20)]
    assert _marks(ax, "reply") == [dt.date(2026, 11, 2)]
    assert _texts(ax, "as_of") == [f"as of 11-20: replied 11-02, {status.used} working days used"]
    # The deadline as it stood on a day: the consultation still running.
    early = _axes(case.timeline(dt.date(2026, 10, 15), lang="en"))
    assert _texts(early, "pause") == ["third-party consultation, still running"]


def test_a_case_without_day_0_has_no_timeline() -> None:
    case = Scenario(received=dt.date(2026, 9, 28), channel=Channel.INTERNET).case()
    assert case.deadline() is None
    with pytest.raises(ClockError, match="day 0"):
        case.timeline(lang="en")
    opened = Scenario(received=dt.date(2026, 9, 28)).case()
    with pytest.raises(ClockError, match="as_of"):
        opened.timeline(dt.date(2026, 9, 1), lang="en")


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ModuleNotFoundError, match=r"disclosure-flow\[plot\]") as caught:
        _consulted().timeline()
    assert caught.value.name == "matplotlib"


def test_import_disclosure_flow_does_not_load_matplotlib() -> None:
    code = (
        "import sys, disclosure_flow, disclosure_flow.clock.timeline; "
        "print('matplotlib' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
