"""Golden notices: every State Council holiday notice we hold as text, read by
``Overlay.from_notice`` and compared day by day with ``chinese-calendar``'s data.

The texts are in ``tests/workdays/notices/``, one file per notice, each opening with
comment lines: where it was published (its gov.cn address), which copy the text was
taken from, and anything that copy does differently. The notices of 2008 and
2009 are not here: no copy of those notices as published (title, number, items,
signature) was found (:data:`MISSING` says what was), and the texts are not
reconstructed (the reader still handles their wording; see test_notices.py).

Every day of each year is compared: its working status, every weekday off and every
make-up working day, and the holiday each is labelled with. A December day is judged
by the next year's notice when that notice sets it (the 2019 notice starts on
2018-12-29). ``chinese-calendar`` 1.11.0 differs only on weekend days, which are days
off either way (:data:`WEEKEND_DIFFERENCES` lists each and why).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import chinese_calendar
import pytest
from chinese_calendar import constants as cc

from disclosure_flow import Overlay, OverlayEntry, OverlayKind, WorkdayCalendar

NOTICES = Path(__file__).resolve().parent / "notices"
ONE = dt.timedelta(days=1)
#: chinese-calendar's English names -> the Chinese names of the notices.
ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}

#: Supplementary notices applied to a year's notice, in order.
SUPPLEMENTS: dict[int, tuple[str, ...]] = {
    2015: ("2015-victory-day",),  # 国发明电〔2015〕1号: 3 September off, 4 in lieu
    2019: ("2019-labour-day",),  # 国办发明电〔2019〕3号: 劳动节 1–4 May
    2020: ("2020-extension",),  # 国办发明电〔2020〕1号: 春节 to 2 February
}
SUPPLEMENT_NUMBERS = {
    "2015-victory-day": "国发明电〔2015〕1号",
    "2019-labour-day": "国办发明电〔2019〕3号",
    "2020-extension": "国办发明电〔2020〕1号",
}
#: Years 2008–2026 without a text as published, and why.
MISSING: dict[int, str] = {
    2008: (
        "国办发明电〔2007〕52号 (the number as secondary sources give it, not seen in a copy): "
        "only news reports of it (中新网, 北京晚报: 通知指出…, the items reworded and cut "
        "short) and its items as chinese-calendar and holiday-cn quote them from "
        "http://www.gov.cn/zwgk/2007-12/18/content_837184.htm, without title, "
        "preamble, closing or signature"
    ),
    2009: (
        "国办发明电〔2008〕42号 (printed in xixik.com's copy, cut short after the preamble): "
        "the other copies (foodmate.net) lack the title and number, and none seen has the "
        "closing paragraph and the signature"
    ),
}
YEARS = sorted(int(path.stem) for path in NOTICES.glob("*.txt") if path.stem.isdigit())

_WITH_WEEKEND = "与周末连休: the notice joins the weekend to the holiday; chinese-calendar"
#: Weekend days off in the notices that chinese-calendar 1.11.0 leaves as plain weekend
#: days. Both are days off, so no working day and no deadline changes. The package is
#: inconsistent here: it lists the joined weekend for 2019 and for 元旦 2024 but not
#: for the 2014–2018 notices and 端午 2024, and it drops two weekend days inside a
#: printed range (2011, 2012).
WEEKEND_DIFFERENCES: dict[dt.date, str] = {
    dt.date(2011, 6, 5): "端午节 6月4日至6日放假公休; chinese-calendar leaves out the Sunday",
    dt.date(2012, 6, 23): "端午节 6月22日至24日放假公休; chinese-calendar leaves out the Saturday",
    dt.date(2015, 6, 21): "端午节 6月20日放假，6月22日补休: the Sunday between; chinese-calendar "
    "lists the two days printed",
    dt.date(2015, 9, 5): "国发明电〔2015〕1号 9月3日至5日调休放假; chinese-calendar leaves out the "
    "Saturday",
    **dict.fromkeys(
        [
            dt.date(2014, 5, 31),  # 端午节 6月2日 (Monday)
            dt.date(2014, 6, 1),
            dt.date(2014, 9, 6),  # 中秋节 9月8日 (Monday)
            dt.date(2014, 9, 7),
            dt.date(2015, 5, 2),  # 劳动节 5月1日 (Friday)
            dt.date(2015, 5, 3),
            dt.date(2016, 1, 2),  # 元旦 1月1日 (Friday)
            dt.date(2016, 1, 3),
            dt.date(2016, 4, 2),  # 清明节 4月4日 (Monday)
            dt.date(2016, 4, 3),
            dt.date(2017, 4, 29),  # 劳动节 5月1日 (Monday)
            dt.date(2017, 4, 30),
            dt.date(2017, 12, 30),  # 元旦 2018 1月1日 (Monday), from the 2018 notice
            dt.date(2017, 12, 31),
            dt.date(2018, 6, 16),  # 端午节 6月18日 (Monday)
            dt.date(2018, 6, 17),
            dt.date(2018, 9, 22),  # 中秋节 9月24日 (Monday)
            dt.date(2018, 9, 23),
            dt.date(2024, 6, 8),  # 端午节 6月10日 (Monday)
            dt.date(2024, 6, 9),
        ],
        f"{_WITH_WEEKEND} lists only the holiday itself",
    ),
}


def read(name: str) -> tuple[list[str], str]:
    """A notice file: its comment lines and its text."""
    lines = (NOTICES / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    return comments, "\n".join(line for line in lines if not line.startswith("#"))


def published(name: str) -> str:
    return read(name)[0][0].removeprefix("# Published: ")


@cache
def overlay(year: int) -> Overlay | None:
    if year not in YEARS:
        return None
    supplements = [read(name)[1] for name in SUPPLEMENTS.get(year, ())]
    return Overlay.from_notice(
        read(str(year))[1], source=published(str(year)), supplements=supplements
    )


def decided(day: dt.date) -> OverlayEntry | None:
    """What the notices say of *day*: the next year's notice for a December day it sets."""
    for year in (day.year + 1, day.year) if day.month == 12 else (day.year,):
        found = overlay(year)
        if found is not None:
            for entry in found.entries:
                if entry.day == day:
                    return entry
    return None


def package(day: dt.date) -> tuple[str, str]:
    """chinese-calendar's kind of *day* ("off", "work" or "") and its holiday."""
    if day in cc.workdays:
        return "work", ZH.get(cc.workdays[day], cc.workdays[day])
    if day in cc.holidays:
        return "off", ZH.get(cc.holidays[day], cc.holidays[day])
    return "", ""


def test_the_years_held_and_the_years_missing() -> None:
    assert sorted([*YEARS, *MISSING]) == list(range(2008, 2027))


@pytest.mark.parametrize("path", sorted(NOTICES.glob("*.txt")), ids=lambda p: p.stem)
def test_each_file_opens_with_where_the_notice_was_published(path: Path) -> None:
    comments, text = read(path.stem)
    assert comments[0].startswith("# Published: http")
    assert "www.gov.cn/" in comments[0]
    assert comments[1].startswith("# Text: ")
    assert (
        text.lstrip().startswith("国务院") or "国务院" in text.splitlines()[0] or "索 引 号" in text
    )


@pytest.mark.parametrize("year", YEARS)
def test_every_day_of_the_year_matches_chinese_calendar(year: int) -> None:
    wrong = []
    differences = []
    day = dt.date(year, 1, 1)
    while day.year == year:
        entry = decided(day)
        ours = "" if entry is None else ("off" if entry.kind is OverlayKind.DAY_OFF else "work")
        theirs, name = package(day)
        weekend = day.weekday() >= 5
        working = ours == "work" or (not weekend and ours != "off")
        if working is not chinese_calendar.is_workday(day):
            wrong.append(f"{day}: working {working}, package {not working}")
        elif ours != theirs:
            if weekend and {ours, theirs} == {"off", ""}:
                differences.append(day)
            else:
                wrong.append(f"{day}: notice {ours or 'plain'}, package {theirs or 'plain'}")
        elif entry is not None and entry.label != name:
            wrong.append(f"{day}: notice labels it {entry.label}, package {name}")
        day += ONE
    assert not wrong, "\n".join(wrong)
    expected = sorted(d for d in WEEKEND_DIFFERENCES if d.year == year)
    assert differences == expected


@pytest.mark.parametrize("year", YEARS)
def test_every_entry_cites_its_notice(year: int) -> None:
    found = overlay(year)
    assert found is not None
    assert found.covers == (year,)
    title = f"国务院办公厅关于{year}年部分节假日安排的通知"
    numbers = [SUPPLEMENT_NUMBERS[name] for name in SUPPLEMENTS.get(year, ())]
    for entry in found.entries:
        if entry.source.startswith(title):
            assert entry.source.endswith(published(str(year)))
        else:
            assert any(number in entry.source for number in numbers), entry
        assert entry.status.value == "confirmed"


def test_the_2020_supplement_turns_the_make_up_saturday_into_a_day_off() -> None:
    original = Overlay.from_notice(read("2020")[1])
    final = overlay(2020)
    assert final is not None
    before = {e.day: e for e in original.entries}
    after = {e.day: e for e in final.entries}
    saturday = dt.date(2020, 2, 1)
    assert before[saturday].kind is OverlayKind.WORKING_DAY
    assert after[saturday].kind is OverlayKind.DAY_OFF
    assert "国办发明电〔2020〕1号" in after[saturday].source
    assert [d for d in after if d not in before] == [dt.date(2020, 1, 31), dt.date(2020, 2, 2)]
    worked = dt.date(2020, 1, 19)  # already worked when the supplement came
    assert (after[worked].kind, after[worked].label) == (before[worked].kind, "春节")


def test_the_2019_supplement_replaces_labour_day() -> None:
    final = overlay(2019)
    assert final is not None
    labour = sorted((e.day, e.kind.value) for e in final.entries if e.label == "劳动节")
    assert labour == [
        (dt.date(2019, 4, 28), "working_day"),
        *((dt.date(2019, 5, day), "day_off") for day in (1, 2, 3, 4)),
        (dt.date(2019, 5, 5), "working_day"),
    ]


@pytest.mark.parametrize("year", YEARS)
def test_a_calendar_with_the_overlay_answers_as_the_package_does(year: int) -> None:
    found = overlay(year)
    assert found is not None
    with_notice = WorkdayCalendar([found])
    plain = WorkdayCalendar()
    start = dt.date(year, 1, 1)
    for offset in range(0, 330, 7):  # 20 working days on stay inside the data
        day = start + offset * ONE
        assert with_notice.add_workdays(day, 20) == plain.add_workdays(day, 20), day
