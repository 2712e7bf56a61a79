"""Tests for disclosure_flow.workdays.notices: reading a pasted holiday notice.

Texts here are TEST DATA: made-up notices for coming years (``2027`` …), and the items
of the 2008 and 2009 notices as quoted in reports of them (not golden texts: no copy of
those notices as published is held; see test_notice_golden.py). Weekdays and lunar
dates are asserted with ``date.weekday()`` and the package's tables where they matter.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re

import chinese_calendar
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from disclosure_flow import (
    DisclosureFlowError,
    HolidayNotice,
    InvalidValueError,
    NoticeError,
    Overlay,
    OverlayError,
    OverlayKind,
    WorkdayCalendar,
)
from disclosure_flow.workdays import estimate
from tests.strategies import NoticeStyle, notice_days, notice_styles, render_notice

ONE = dt.timedelta(days=1)
D = dt.date
TITLE = "国务院办公厅关于2027年部分节假日安排的通知"

# TEST DATA ONLY: a made-up notice for 2027 (not the real one, which is not out yet),
# arranged like the 2025 and 2026 notices.
ITEMS_2027 = [
    "一、元旦：1月1日（周五）至3日（周日）放假，共3天。",
    "二、春节：2月5日（农历除夕、周五）至12日（农历正月初七、周五）放假调休，共8天。"
    "1月31日（周日）、2月20日（周六）上班。",
    "三、清明节：4月3日（周六）至5日（周一）放假，共3天。",
    "四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）上班。",
    "五、端午节：6月9日（周三）放假1天，不调休。",
    "六、中秋节：9月15日（周三）放假1天，不调休。",
    "七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。",
]


def notice_text(
    *items: str, title: str = TITLE, number: str | None = "国办发明电〔2026〕9号"
) -> str:
    lines = [title]
    if number:
        lines.append(number)
    lines.append("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：")
    lines.append("经国务院批准，现将2027年元旦、春节……放假调休日期的具体安排通知如下。")
    lines.extend(items)
    lines.append("节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。")
    lines.extend(["国务院办公厅", "2026年11月3日"])
    return "\n".join(lines) + "\n"


def with_item(index: int, item: str) -> str:
    items = list(ITEMS_2027)
    items[index] = item
    return notice_text(*items)


def days_of(notice: HolidayNotice) -> dict[dt.date, tuple[str, str]]:
    return {d.day: (d.kind.value, d.holiday) for d in notice.days}


def refused(text: str) -> NoticeError:
    with pytest.raises(NoticeError) as info:
        HolidayNotice.parse(text)
    return info.value


# -- the notice as a whole -------------------------------------------------------


def test_a_made_up_2027_notice_is_read_day_by_day() -> None:
    notice = HolidayNotice.parse(notice_text(*ITEMS_2027), source="https://example.invalid/2027")
    assert (notice.title, notice.number, notice.year) == (TITLE, "国办发明电〔2026〕9号", 2027)
    assert notice.issued == D(2026, 11, 3)
    assert not notice.is_supplement
    days = days_of(notice)
    assert days[D(2027, 2, 5)] == ("day_off", "春节")
    assert days[D(2027, 1, 31)] == ("working_day", "春节")
    assert days[D(2027, 6, 9)] == ("day_off", "端午节")
    assert sum(kind == "day_off" for kind, _ in days.values()) == 3 + 8 + 3 + 5 + 1 + 1 + 7
    assert sum(kind == "working_day" for kind, _ in days.values()) == 5
    overlay = notice.to_overlay()
    assert overlay.covers == (2027,)
    assert overlay.name == "2027年全国节假日安排"
    entry = overlay.entries[0]
    assert entry.source == f"{TITLE}（国办发明电〔2026〕9号）；https://example.invalid/2027"
    assert entry.status.value == "confirmed"


def test_every_deadline_in_the_year_becomes_final() -> None:
    calendar = WorkdayCalendar([Overlay.from_notice(notice_text(*ITEMS_2027))])
    # final to 28 December: the last days of 2027 wait for the 2028 notice (YearEnd)
    assert calendar.coverage.last == D(2027, 12, 28)
    assert calendar.pending_days == (D(2027, 12, 29), D(2027, 12, 30), D(2027, 12, 31))
    # day 0 Thu 2026-12-31; 1–3 Jan off, so working day 1 is Mon 2027-01-04
    assert calendar.add_workdays(D(2026, 12, 31), 1) == D(2027, 1, 4)
    assert calendar.is_workday(D(2027, 1, 31))  # a Sunday worked (调休上班)
    assert not calendar.is_workday(D(2027, 2, 8))  # a Monday of the Spring Festival
    assert calendar.day_info(D(2027, 2, 8)).name == "春节"


def test_full_width_and_half_width_text_read_the_same() -> None:
    full = notice_text(*ITEMS_2027)
    half = full.translate(str.maketrans("，：（）；", ",:();"))
    assert HolidayNotice.parse(half).days == HolidayNotice.parse(full).days


def test_title_and_number_broken_over_lines_as_on_the_website() -> None:
    text = notice_text(
        *ITEMS_2027,
        title="国务院办公厅关于2027年\n部分节假日安排的通知",
        number="国 办 发明电〔2026〕9号",
    )
    notice = HolidayNotice.parse(text)
    assert (notice.title, notice.number) == (TITLE, "国办发明电〔2026〕9号")


def test_a_copy_without_its_number_is_read_and_cites_its_title() -> None:
    notice = HolidayNotice.parse(notice_text(*ITEMS_2027, number=None))
    assert notice.number is None
    assert notice.source_text == TITLE


def test_a_heading_on_its_own_line_takes_the_next_line() -> None:
    text = with_item(0, "一、元旦：\n1月1日（周五）至3日（周日）放假，共3天。")
    assert days_of(HolidayNotice.parse(text))[D(2027, 1, 2)] == ("day_off", "元旦")


def test_advice_to_rest_on_the_eve_sets_no_day() -> None:
    item = ITEMS_2027[1] + "鼓励各单位结合带薪年休假等制度落实，安排职工在腊月廿九（2月4日）休息。"
    days = days_of(HolidayNotice.parse(with_item(1, item)))
    assert D(2027, 2, 4) not in days


# -- the wordings since 2008 -------------------------------------------------------

# The items of the 2008 notice (国办发明电〔2007〕52号, http://www.gov.cn/zwgk/2007-12/18/
# content_837184.htm) as quoted in reports of it; the last sentence of 七 as printed by
# the Beijing Evening News. Test input for the wording, not a golden text.
ITEMS_2008 = [
    "一、元旦：2007年12月30日—2008年1月1日放假，共3天。其中，1月1日（星期二）为法定节假日，"
    "12月30日（星期日）为公休日，12月29日（星期六）公休日调至12月31日（星期一），12月29日（星期六）上班。",
    "二、春节：2月6日—12日（即农历除夕至正月初六）放假，共7天。其中，2月6日（除夕）、2月7日（春节）、"
    "2月8日（正月初二）为法定节假日，2月9日（星期六）、2月10日（星期日）照常公休，将2月2日（星期六）、"
    "2月3日（星期日）两个公休日调至2月11日（星期一）、2月12日（星期二），2月2日（星期六）、2月3日（星期日）上班。",
    "三、清明节：4月4日—6日放假，共3天。其中：4月4日（清明节），为法定节假日，4月5日（星期六）、"
    "4月6日（星期日）照常公休。",
    "四、“五一”国际劳动节：5月1日—3日放假，共3天。其中，5月1日为法定节假日，5月3日（星期六）为公休日，"
    "5月4日（星期日）公休日调至5月2日（星期五），5月4日（星期日）上班。",
    "五、端午节：6月7日—9日放假，共3天。其中：6月7日（星期六）照常公休，6月8日（农历五月初五，端午节）"
    "为法定节假日，6月8日（星期日）公休日调至6月9日（星期一）。",
    "六、中秋节：9月13日—15日放假3天。其中，9月13日（星期六）为公休日；9月14日（农历八月十五，中秋节）"
    "为法定节假日，9月14日（星期日）公休日调至9月15日（星期一）。",
    "七、国庆节：9月29日—10月5日放假，共7天。其中，10月1日、2日、3日为法定节假日，9月27日（星期六）、"
    "9月28日（星期日）两个公休日调至9月29日（星期一）、30日（星期二）。9月27日（星期六）、9月28日（星期日）"
    "上班。10月4日（星期六）、5日（星期日）照常公休。",
]

# The items of the 2009 notice (国办发明电〔2008〕42号) as quoted in reports of it.
ITEMS_2009 = [
    "一、元旦：1月1日至3日放假，共3天。其中，1月1日（星期四、新年）为法定节假日，1月3日（星期六）为公休日。"
    "1月4日（星期日）公休日调至1月2日（星期五）。1月4日（星期日）上班。",
    "二、春节：1月25日至31日放假，共7天。其中，1月25日（星期日、农历除夕）、1月26日（星期一、农历正月初一）、"
    "1月27日（星期二、农历正月初二）为法定节假日，1月31日（星期六）照常公休；1月25日（星期日）公休日调至"
    "1月28日（星期三），1月24日（星期六）、2月1日（星期日）两个公休日调至1月29日（星期四）、1月30日（星期五）。"
    "1月24日（星期六）、2月1日（星期日）上班。",
    "三、清明节4月4日至6日放假，共3天。其中，4月4日（星期六、农历清明当日）为法定节假日，4月5日（星期日）"
    "照常公休。4月4日（星期六）公休日调至4月6日（星期一）。",
    "四、劳动节：5月1日至3日放假，共3天。其中，5月1日（星期五、“五一”国际劳动节）为法定节假日，5月2日"
    "（星期六）、5月3日（星期日）照常公休。",
    "五、端午节：5月28日至30日放假，共3天。其中，5月28日（星期四、农历端午当日）为法定节假日，5月30日"
    "（星期六）照常公休；5月31日（星期日）公休日调至5月29日（星期五）；5月31日（星期日）上班。",
    "六、国庆节、中秋节：10月1日至8日放假，共8天。其中，10月1日（星期四）、10月2日（星期五）、10月3日"
    "（星期六）为国庆节法定节假日，10月4日（星期日）照常公休；10月3日（星期六）公休日及中秋节分别调至"
    "10月5日（星期一）、10月6日（星期二），9月27日（星期日）、10月10日（星期六）公休日调至10月7日（星期三）、"
    "10月8日（星期四）。9月27日（星期日）、10月10日（星期六）上班。",
]


@pytest.mark.parametrize(
    ("year", "items", "number"),
    [(2008, ITEMS_2008, "国办发明电〔2007〕52号"), (2009, ITEMS_2009, "国办发明电〔2008〕42号")],
)
def test_the_older_wording_of_2008_and_2009(year: int, items: list[str], number: str) -> None:
    title = f"国务院办公厅关于{year}年部分节假日安排的通知"
    notice = HolidayNotice.parse(notice_text(*items, title=title, number=number))
    days = {d.day: d.kind for d in notice.days}
    day = D(year, 1, 1)
    while day.year == year:
        working = days.get(day) is OverlayKind.WORKING_DAY or (
            day.weekday() < 5 and day not in days
        )
        assert working is chinese_calendar.is_workday(day), day
        day += ONE
    if year == 2008:
        assert days[D(2007, 12, 29)] is OverlayKind.WORKING_DAY  # the December before
        assert days[D(2007, 12, 31)] is OverlayKind.DAY_OFF


# The items of the 2008 notice as gov.cn printed them (http://www.gov.cn/zwgk/2007-12/18/
# content_837184.htm), as chinese-calendar (scripts/data.py) and holiday-cn (its parser's
# test cases) quote them, line breaks and all: each item's 其中… on a line of its own, and
# 七 without the 上班 sentence the Beijing Evening News added — 27 and 28 September are
# worked because their rest is moved (公休日调至) to 29 and 30 September.
ITEMS_2008_GOV_CN = [
    "一、元旦：2007年12月30日—2008年1月1日放假，共3天。\n其中，1月1日（星期二）为法定节假日，"
    "12月30日（星期日）为公休日，12月29日（星期六）公休日调至12月31日（星期一），12月29日（星期六）上班。",
    "二、春节：2月6日—12日（农历除夕至正月初六）放假，共7天。\n其中，2月6日（除夕）、2月7日（春节）、"
    "2月8日（正月初二）为法定节假日，2月9日（星期六）、2月10日（星期日）照常公休，2月2日（星期六）、"
    "2月3日（星期日）两个公休日调至2月11日（星期一）、2月12日（星期二），2月2\n日（星期六）、2月3日"
    "（星期日）上班。",
    "三、清明节：4月4日—6日放假，共3天。\n其中，4月4日（清明节）为法定节假日，4月5日（星期六）、"
    "4月6日（星期日）照常公休。",
    "四、“五一”国际劳动节：5月1日—3日放假，共3天。\n其中，5月1日为法定节假日，5月3日（星期六）为公休日，"
    "5月4日（星期日）公休日调至5月2日（星期五），5月4日（星期日）上班。",
    "五、端午节：6月7日—9日放假，共3天。\n其中，6月7日（星期六）照常公休，6月8日（农历五月初五，端午节）"
    "为法定节假日，6月8日（星期日）公休日调至6月9日（星期一）。",
    "六、中秋节：9月13日—15日放假，共3天。\n其中，9月13日（星期六）为公休日，9月14日（农历八月十五，"
    "中秋节）为法定节假日，9月14日（星期日）公休日调至9月15日（星期一）。",
    "七、国庆节：9月29日—10月5日放假，共7天。\n其中，10月1日、2日、3日为法定节假日，9月27日（星期六）、"
    "9月28日（星期日）两个公休日调至9月29日（星期一）、30日（星期二），10月4日（星期六）、5日（星期日）"
    "照常公休。",
]


def test_the_2008_items_as_gov_cn_printed_them() -> None:
    title = "国务院办公厅关于2008年部分节假日安排的通知"
    text = notice_text(*ITEMS_2008_GOV_CN, title=title, number="国办发明电〔2007〕52号")
    gov = {d.day: d.kind for d in HolidayNotice.parse(text).days}
    reported = HolidayNotice.parse(notice_text(*ITEMS_2008, title=title, number=None))
    assert gov == {d.day: d.kind for d in reported.days}
    assert gov[D(2008, 9, 27)] is gov[D(2008, 9, 28)] is OverlayKind.WORKING_DAY
    assert gov[D(2008, 6, 8)] is OverlayKind.DAY_OFF  # 端午, a Sunday: its rest moved, still off


def test_a_public_holiday_whose_rest_is_moved_but_is_not_off_is_worked() -> None:
    # 2009: 1月25日 (除夕, a Sunday) is off although its rest is moved to 1月28日.
    item = ITEMS_2009[1]
    assert "1月25日（星期日）公休日调至1月28日" in item
    days = {
        d.day: d.kind
        for d in HolidayNotice.parse(
            notice_text(
                item.replace("1月24日（星期六）、2月1日（星期日）上班。", ""),
                *ITEMS_2009[:1],
                *ITEMS_2009[2:],
                title="国务院办公厅关于2009年部分节假日安排的通知",
                number=None,
            )
        ).days
    }
    assert days[D(2009, 1, 25)] is OverlayKind.DAY_OFF
    assert days[D(2009, 1, 24)] is days[D(2009, 2, 1)] is OverlayKind.WORKING_DAY


def test_an_item_broken_over_lines_is_read_whole() -> None:
    item = ITEMS_2027[1].replace("共8天。", "共8天。\n")
    days = days_of(HolidayNotice.parse(with_item(1, item)))
    assert days[D(2027, 1, 31)] == days[D(2027, 2, 20)] == ("working_day", "春节")
    # the closing paragraph and a signature with its date on one line are not items
    text = with_item(1, item).replace("国务院办公厅\n2026年11月3日", "国务院办公厅 2026年11月3日。")
    assert days_of(HolidayNotice.parse(text)) == days


def test_the_2009_merged_item_labels_the_festival_by_its_day() -> None:
    title = "国务院办公厅关于2009年部分节假日安排的通知"
    notice = HolidayNotice.parse(
        notice_text(*ITEMS_2009, title=title, number="国办发明电〔2008〕42号")
    )
    labels = {d.day: d.holiday for d in notice.days}
    assert labels[D(2009, 10, 3)] == "中秋节"  # 中秋 on a statutory day of 国庆 (as the package)
    assert labels[D(2009, 10, 1)] == labels[D(2009, 10, 8)] == labels[D(2009, 9, 27)] == "国庆节"


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # "与周末连休": the adjoining weekend joins the break, marked as not printed
        ("三、清明节：4月5日放假，与周末连休。", {D(2027, 4, 3), D(2027, 4, 4), D(2027, 4, 5)}),
        # "补休": a weekday in lieu, with the weekend between them
        ("三、清明节：4月4日放假，4月5日（星期一）补休。", {D(2027, 4, 4), D(2027, 4, 5)}),
        (
            "三、清明节：4月2日放假，4月5日（星期一）补休。",
            {D(2027, 4, 2) + k * ONE for k in range(4)},
        ),
        ("三、清明节：4月5日放假，共1天。", {D(2027, 4, 5)}),
        ("三、清明节：4月5日放假1天。", {D(2027, 4, 5)}),
        ("三、清明节4月3日至5日放假公休，共3天。", {D(2027, 4, 3), D(2027, 4, 4), D(2027, 4, 5)}),
    ],
)
def test_single_day_forms(item: str, expected: set[dt.date]) -> None:
    notice = HolidayNotice.parse(with_item(2, item))
    got = {d.day for d in notice.days if d.holiday == "清明节"}
    assert got == expected
    printed = {d.day for d in notice.days if d.holiday == "清明节" and d.printed}
    assert D(2027, 4, 5) in printed


def test_a_range_crossing_a_month_and_one_crossing_into_the_year() -> None:
    notice = HolidayNotice.parse(
        with_item(3, "四、劳动节：4月30日至5月4日放假调休，共5天。4月25日（星期日）上班。")
    )
    labour = sorted(
        d.day for d in notice.days if d.holiday == "劳动节" and d.kind is OverlayKind.DAY_OFF
    )
    assert labour == [D(2027, 4, 30) + k * ONE for k in range(5)]
    for first in ("2026年12月31日至2027年1月2日", "12月31日至1月2日"):
        text = with_item(0, f"一、元旦：{first}放假调休，共3天。2026年12月26日（星期六）上班。")
        days = days_of(HolidayNotice.parse(text))
        assert days[D(2026, 12, 31)] == ("day_off", "元旦")
        assert days[D(2026, 12, 26)] == ("working_day", "元旦")


def test_a_merged_item_of_mid_autumn_and_national_day() -> None:
    # TEST DATA: 2028 (中秋 on 3 October)
    assert estimate.LUNAR_DATES[2028].mid_autumn == D(2028, 10, 3)
    items = [
        "一、元旦：1月1日（周六）至3日（周一）放假，共3天。",
        "二、春节：1月25日至2月1日放假调休，共8天。1月23日（周日）、2月12日（周六）上班。",
        "三、清明节：4月4日（周二）放假1天，不调休。",
        "四、劳动节：5月1日至5日放假调休，共5天。4月29日（周六）上班。",
        "五、端午节：5月27日至29日放假，共3天。",
        "六、中秋节、国庆节：10月1日至8日放假调休，共8天。9月24日（周日）、10月14日（周六）上班。",
    ]
    text = notice_text(
        *items, title="国务院办公厅关于2028年部分节假日安排的通知", number="国办发明电〔2027〕5号"
    )
    labels = {d.day: d.holiday for d in HolidayNotice.parse(text).days}
    assert labels[D(2028, 10, 3)] == "中秋节"
    assert labels[D(2028, 10, 1)] == labels[D(2028, 10, 8)] == labels[D(2028, 9, 24)] == "国庆节"


# -- supplementary notices ------------------------------------------------------

EXTENSION = (
    "国务院办公厅关于延长2027年\n春节假期的通知\n国办发明电〔2027〕1号\n"
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
    "一、延长2027年春节假期至2月14日（农历正月初九，星期日），2月15日（星期一）起正常上班。\n"
    "二、因工作不能休假的职工，应根据规定安排补休。\n国务院办公厅\n2027年2月1日\n"
)
ADJUSTMENT = (
    "国务院办公厅关于调整2027年劳动节假期安排的通知\n国办发明电〔2027〕2号\n"
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
    "一、2027年5月1日至4日放假调休，共4天。4月25日（星期日）上班。\n"
    "二、各地区、各部门要抓紧做好落实工作。\n国务院办公厅\n2027年3月1日\n"
)


def test_an_extension_turns_the_make_up_saturday_into_a_day_off() -> None:
    # TEST DATA: a made-up extension of the made-up 2027 Spring Festival, like 2020's
    supplement = HolidayNotice.parse(EXTENSION)
    assert supplement.is_supplement
    assert supplement.extensions[0].holiday == "春节"
    assert supplement.extensions[0].through == D(2027, 2, 14)
    overlay = Overlay.from_notice(notice_text(*ITEMS_2027), supplements=[EXTENSION])
    entries = {e.day: e for e in overlay.entries}
    saturday = D(2027, 2, 13)
    assert entries[saturday].kind is OverlayKind.DAY_OFF
    assert "国办发明电〔2027〕1号" in entries[saturday].source
    assert entries[D(2027, 2, 20)].kind is OverlayKind.WORKING_DAY  # after the extension
    assert entries[D(2027, 1, 31)].kind is OverlayKind.WORKING_DAY  # already worked


def test_an_adjustment_replaces_the_holiday() -> None:
    overlay = HolidayNotice.parse(ADJUSTMENT).amend(Overlay.from_notice(notice_text(*ITEMS_2027)))
    labour = {e.day: e.kind for e in overlay.entries if e.label == "劳动节"}
    assert labour == {
        D(2027, 4, 25): OverlayKind.WORKING_DAY,
        **{D(2027, 5, k): OverlayKind.DAY_OFF for k in (1, 2, 3, 4)},
    }


def test_supplements_compose_in_order() -> None:
    both = Overlay.from_notice(notice_text(*ITEMS_2027), supplements=[EXTENSION, ADJUSTMENT])
    step = HolidayNotice.parse(ADJUSTMENT).amend(
        HolidayNotice.parse(EXTENSION).amend(Overlay.from_notice(notice_text(*ITEMS_2027)))
    )
    assert both == step


def test_the_2015_victory_day_notice_adds_its_own_holiday() -> None:
    # The 2015 notice itself is not held: its days as chinese-calendar has them, without
    # 3–6 September, are rendered as TEST DATA and the real supplement applied to them.
    path = "tests/workdays/notices/2015-victory-day.txt"
    with open(path, encoding="utf-8") as handle:
        victory = "\n".join(line for line in handle.read().splitlines() if not line.startswith("#"))
    zh = {"Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"}
    off = {
        d: _ZH[n]
        for d, n in chinese_calendar.constants.holidays.items()
        if d.year == 2015 and n in _ZH
    }
    work = {
        d: _ZH[n]
        for d, n in chinese_calendar.constants.workdays.items()
        if d.year == 2015 and n in _ZH
    }
    overlay = Overlay.from_notice(render_notice(2015, off, work), supplements=[victory])
    added = {e.day: (e.kind.value, e.label) for e in overlay.entries if "国发明电" in e.source}
    name = zh["Anti-Fascist 70th Day"]
    assert added == {
        D(2015, 9, 3): ("day_off", name),
        D(2015, 9, 4): ("day_off", name),
        D(2015, 9, 5): ("day_off", name),
        D(2015, 9, 6): ("working_day", name),
    }
    for day, english in chinese_calendar.constants.holidays.items():
        if english == "Anti-Fascist 70th Day":
            assert added[day] == ("day_off", zh[english])


_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
}


def test_a_supplement_is_not_a_year_and_a_year_is_not_a_supplement() -> None:
    with pytest.raises(NoticeError, match="changes a year already announced"):
        HolidayNotice.parse(EXTENSION).to_overlay()
    yearly = HolidayNotice.parse(notice_text(*ITEMS_2027))
    with pytest.raises(NoticeError, match="is a yearly notice"):
        yearly.amend(yearly.to_overlay())
    with pytest.raises(NoticeError, match="does not cover 2027"):
        HolidayNotice.parse(EXTENSION).amend(Overlay("测试", ()))


def test_an_extension_must_extend() -> None:
    early = EXTENSION.replace(
        "至2月14日（农历正月初九，星期日），2月15日（星期一）",
        "至2月7日（星期日），2月8日（星期一）",
    )
    with pytest.raises(NoticeError, match="already ends on 2027-02-12") as info:
        Overlay.from_notice(notice_text(*ITEMS_2027), supplements=[early])
    assert info.value.line == 5
    wrong_day = EXTENSION.replace("2月15日（星期一）起", "2月16日（星期二）起")
    assert refused(wrong_day).line == 5


# -- what is refused, and where ----------------------------------------------------


@pytest.mark.parametrize(
    ("index", "item", "message"),
    [
        (
            1,
            ITEMS_2027[1].replace("1月31日（周日）", "1月31日（周六）"),
            r"weekday note \(周六\) does not match 2027-01-31",
        ),
        (
            1,
            ITEMS_2027[1]
            .replace("农历除夕、周五", "农历除夕、周四")
            .replace("2月5日", "2月4日")
            .replace("共8天", "共9天"),
            r"weekday note|lunar note",
        ),
        (
            1,
            ITEMS_2027[1].replace("农历除夕", "农历正月初一"),
            r"lunar note \(农历正月初一\) does not match 2027-02-05",
        ),
        (
            1,
            ITEMS_2027[1].replace("共8天", "共7天"),
            "共7天, but 2027-02-05 to 2027-02-12 is 8 day",
        ),
        (
            6,
            ITEMS_2027[6].replace("10月9日（周六）", "10月8日（周五）"),
            "make-up working day 2027-10-08 is a 星期五",
        ),
        (
            4,
            "五、端午节：6月9日（周三）放假1天，不调休。6月12日（周六）上班。",
            "不调休, but the item sets make-up days",
        ),
        (4, "五、端午节：6月9日（周三）放假一天。", "cannot read"),
        (4, "五、端午节：6月9日前后安排休息。", "cannot read"),
        (4, "五、端午节：端午节照常安排。", "an item that gives its dates"),
        (4, "五、七夕节：8月8日放假，共1天。", "heading '七夕节'"),
        (2, "三、清明节：4月5日至3日放假，共3天。", "is before"),
        (2, "三、清明节：4月31日放假，共1天。", "a real calendar date"),
        (2, "三、清明节：2028年4月5日放假，共1天。", "2028-04-05 in a notice for 2027"),
        (6, ITEMS_2027[6] + "10月5日（周二）上班。", "make-up working day 2027-10-05"),
    ],
)
def test_each_contradiction_is_refused_naming_its_line(index: int, item: str, message: str) -> None:
    error = refused(with_item(index, item))
    assert re.search(message, str(error)), str(error)
    assert error.line == 5 + index  # title, number, addressee, preamble, then the items
    assert error.item.startswith("一二三四五六七"[index] + "、")
    assert f"line {5 + index}" in str(error)
    assert isinstance(error, OverlayError)
    assert isinstance(error, ValueError)
    assert isinstance(error, DisclosureFlowError)


def test_a_statutory_holiday_left_a_working_day_is_refused() -> None:
    # 初一 2027-02-06 to 初三 2-08 and 除夕 2-05 are statutory from 2025 (13 days)
    short = "二、春节：2月6日至8日放假，共3天。"
    error = refused(with_item(1, short))
    assert "statutory holiday 春节 on 2027-02-05 is not a day off" in str(error)
    assert error.line == 6
    assert "13 days" in error.allowed
    missing = [item for item in ITEMS_2027 if "端午" not in item]
    error = refused(notice_text(*missing))
    assert "端午节 on 2027-06-09" in str(error)
    assert error.line is None


def test_a_2024_notice_needs_only_the_eleven_days_of_its_law() -> None:
    # the 2013 放假办法: 春节 = 初一 to 初三 (除夕 not statutory), 劳动节 one day
    items = [
        "一、元旦：1月1日放假，与周末连休。",
        "二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。",
        "三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。",
        "四、劳动节：5月1日放假，共1天。",
        "五、端午节：6月10日放假，与周末连休。",
        "六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。",
        "七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。",
    ]
    text = notice_text(
        *items, title="国务院办公厅关于2024年部分节假日安排的通知", number="国办发明电〔2023〕7号"
    )
    notice = HolidayNotice.parse(text)
    assert D(2024, 2, 9) not in {d.day for d in notice.days}  # 除夕 not statutory in 2024
    joined = [d.day for d in notice.days if not d.printed]
    assert D(2023, 12, 30) in joined  # 元旦 2024 joined with the weekend before it
    assert D(2023, 12, 31) in joined


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("一、元旦：1月1日放假。", "no title found"),
        ("国务院办公厅关于做好节日期间工作的通知\n一、元旦：1月1日放假。", "a supplement"),
        (notice_text(*ITEMS_2027, number="国办发明电〔2027〕9号"), "numbered in the year before"),
        (notice_text(), "no numbered item"),
    ],
)
def test_what_is_not_a_notice_is_refused(text: str, message: str) -> None:
    assert re.search(message, str(refused(text))), str(refused(text))


def test_a_notice_for_a_year_beyond_the_lunar_table_is_refused() -> None:
    items = ["一、元旦：1月1日放假，共1天。"]
    error = refused(
        notice_text(*items, title="国务院办公厅关于2040年部分节假日安排的通知", number=None)
    )
    assert "whose statutory holidays the library knows" in error.allowed


def test_arguments_are_checked() -> None:
    with pytest.raises(InvalidValueError):
        HolidayNotice.parse(b"bytes")  # type: ignore[arg-type]  # the point of the test
    with pytest.raises(InvalidValueError):
        HolidayNotice.parse(notice_text(*ITEMS_2027), source="  ")
    with pytest.raises(InvalidValueError, match="'zh', 'en'"):
        HolidayNotice.parse(notice_text(*ITEMS_2027)).table("fr")


# -- the table a person checks --------------------------------------------------------


def test_the_table_lists_each_day_in_chinese_and_in_english() -> None:
    text = with_item(2, "三、清明节：4月5日放假，与周末连休。")
    notice = HolidayNotice.parse(text)
    zh = notice.table()
    assert "2027-01-31  星期日  上班    春节" in zh
    assert "2027-04-03  星期六  放假    清明节（与周末连休，通知未逐日列出）" in zh
    assert zh.splitlines()[-1] == "共 28 天放假、5 天调休上班；覆盖 2027 年"
    en = notice.table("en")
    assert "2027-01-31  Sun      working day  Spring Festival (春节)" in en
    assert en.splitlines()[-1] == "28 days off, 5 make-up working days; covers 2027"
    extension = HolidayNotice.parse(EXTENSION).table()
    assert "2027-02-14  星期日  放假    春节（延长至此日，此前各日均放假）" in extension


# -- properties ------------------------------------------------------------------------


@st.composite
def arrangements(draw: st.DrawFn) -> tuple[int, dict[dt.date, str], dict[dt.date, str]]:
    """TEST DATA: a year's plausible arrangement (the estimator's scenarios, 2025–2035)."""
    year = draw(st.integers(2025, estimate.LAST_ESTIMABLE_YEAR))
    scenario = draw(st.sampled_from(estimate.estimate_year(year)))
    return year, notice_days(year, scenario.days_off), notice_days(year, scenario.workdays)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(arrangements(), notice_styles())
def test_reading_a_rendered_notice_gives_back_its_arrangement(
    arrangement: tuple[int, dict[dt.date, str], dict[dt.date, str]], style: NoticeStyle
) -> None:
    year, off, work = arrangement
    notice = HolidayNotice.parse(render_notice(year, off, work, style))
    assert {d.day: d.holiday for d in notice.days if d.kind is OverlayKind.DAY_OFF} == off
    assert {d.day: d.holiday for d in notice.days if d.kind is OverlayKind.WORKING_DAY} == work
    assert notice.to_overlay().covers == (year,)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(arrangements(), notice_styles(), st.data())
def test_a_notice_with_one_weekday_note_changed_is_refused_at_that_line(
    arrangement: tuple[int, dict[dt.date, str], dict[dt.date, str]],
    style: NoticeStyle,
    data: st.DataObject,
) -> None:
    year, off, work = arrangement
    lines = render_notice(year, off, work, style).splitlines()
    notes = [
        (k, m)
        for k, line in enumerate(lines)
        for m in re.finditer(r"(周|星期)([一二三四五六日])", line)
    ]
    assume(notes)
    k, match = data.draw(st.sampled_from(notes))
    wrong = data.draw(st.sampled_from([c for c in "一二三四五六日" if c != match.group(2)]))
    line = lines[k]
    lines[k] = line[: match.start(2)] + wrong + line[match.end(2) :]
    error = refused("\n".join(lines))
    assert "weekday note" in str(error)
    assert error.line == k + 1


@settings(max_examples=40)
@given(arrangements(), notice_styles(), st.data())
def test_a_notice_with_one_count_changed_is_refused_at_that_line(
    arrangement: tuple[int, dict[dt.date, str], dict[dt.date, str]],
    style: NoticeStyle,
    data: st.DataObject,
) -> None:
    year, off, work = arrangement
    lines = render_notice(year, off, work, style).splitlines()
    counts = [(k, m) for k, line in enumerate(lines) for m in re.finditer(r"共(\d+)天", line)]
    k, match = data.draw(st.sampled_from(counts))
    line = lines[k]
    lines[k] = line[: match.start(1)] + str(int(match.group(1)) + 1) + line[match.end(1) :]
    error = refused("\n".join(lines))
    assert "共" in str(error)
    assert error.line == k + 1


_NOTICE_CHARS = (
    "国务院办公厅关于年部分节假日安排的通知一二三四五六七、：，。（）"
    "至放假调休上班共天月日周星期农历除夕正月初0123456789\n "
)


@settings(max_examples=200)
@given(st.text(alphabet=_NOTICE_CHARS, max_size=200))
def test_only_notice_errors_escape_for_any_text(text: str) -> None:
    with contextlib.suppress(NoticeError):
        HolidayNotice.parse(TITLE + "\n" + text)


@settings(max_examples=100)
@given(st.data())
def test_only_notice_errors_escape_for_a_damaged_notice(data: st.DataObject) -> None:
    text = notice_text(*ITEMS_2027)
    start = data.draw(st.integers(0, len(text) - 1))
    stop = data.draw(st.integers(start, min(len(text), start + 12)))
    insert = data.draw(st.text(alphabet=_NOTICE_CHARS, max_size=4))
    with contextlib.suppress(NoticeError):
        HolidayNotice.parse(text[:start] + insert + text[stop:])
