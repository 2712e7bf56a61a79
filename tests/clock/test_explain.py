"""The explanation's wording (期限说明): a plausible range of one day is said as one
answer, in every writer (the deadline's explanation, its HTML, a calendar answer); a
pause still awaited reads as English and as Chinese."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_flow import Estimates, WorkdayCalendar
from disclosure_flow.clock import Pause, PauseReason, compute_deadline, deadline_html
from disclosure_flow.errors import InvalidValueError
from disclosure_flow.workdays import plausible_range

D = dt.date
PROVISIONAL = WorkdayCalendar(estimates=Estimates.ALLOW)
#: Day 0 whose deadline every 2027 scenario puts on 2027-01-08 (元旦 a Friday, no
#: make-up day before it): a provisional answer with a range of one day.
ONE_DAY = D(2026, 12, 31)  # 20 working days on, one plausible answer


@given(st.dates(D(2020, 1, 1), D(2030, 12, 31)), st.integers(0, 40))
def test_plausible_range(low: dt.date, width: int) -> None:
    high = low + dt.timedelta(days=width)
    zh, en = plausible_range(low, high, "zh"), plausible_range(low, high, "en")
    if width:
        assert zh == f"可能范围 {low} 至 {high}"
        assert en == f"plausible range {low} to {high}"
    else:
        assert str(low) not in zh + en  # the answer is said once, by the caller
        assert zh == "各种可能的放假安排下结果相同"
        assert en == "the same under every plausible holiday schedule"


def test_plausible_range_refuses_another_language() -> None:
    with pytest.raises(InvalidValueError):
        plausible_range(1, 2, "fr")


def test_a_one_day_range_is_said_once_everywhere() -> None:
    deadline = compute_deadline(ONE_DAY, calendar=PROVISIONAL)
    assert deadline.provisional
    assert deadline.low == deadline.high == D(2027, 1, 29)
    zh, en = deadline.explain("zh"), deadline.explain("en")
    html = deadline_html(deadline)
    result = PROVISIONAL.add_workdays_result(ONE_DAY, 20)
    assert result.provisional
    assert result.low == result.high
    calendar_zh, calendar_en = result.explain("zh"), result.explain("en")
    for text in (zh, en, html, calendar_zh, calendar_en):
        assert "2027-01-29 至 2027-01-29" not in text
        assert "2027-01-29 to 2027-01-29" not in text
        assert "2027-01-29 – 2027-01-29" not in text
    assert zh.endswith("答复期限 2027-01-29（估计，各种可能的放假安排下结果相同）")
    assert en.endswith(
        "reply due 2027-01-29 (provisional, the same under every plausible holiday schedule)"
    )
    assert "各种可能的放假安排下结果相同 · the same under every plausible holiday schedule" in html
    assert "结果 2027-01-29（估计，各种可能的放假安排下结果相同）" in calendar_zh
    assert (
        "result 2027-01-29 (provisional, the same under every plausible holiday schedule)"
        in calendar_en
    )


def test_a_range_of_several_days_is_still_a_range() -> None:
    for day0 in (D(2026, 12, 15), D(2026, 12, 20), D(2027, 1, 10), D(2027, 9, 10)):
        deadline = compute_deadline(day0, calendar=PROVISIONAL)
        if deadline.provisional and deadline.low != deadline.high:
            break
    else:
        pytest.fail("no provisional deadline with a range among the days tried")
    assert f"可能范围 {deadline.low} 至 {deadline.high}" in deadline.explain("zh")
    assert f"plausible range {deadline.low} to {deadline.high}" in deadline.explain("en")
    assert f"可能范围 {deadline.low} 至 {deadline.high}" in deadline_html(deadline)


@pytest.mark.parametrize(
    ("reason", "zh", "en"),
    [
        (
            PauseReason.THIRD_PARTY,
            "发出第三方征求意见书，尚未收到意见",
            "third-party consultation letter sent, no answer received yet",
        ),
        (
            PauseReason.INTER_AGENCY,
            "发出征求其他机关意见函，尚未收到意见",
            "letter to the other agency sent, no answer received yet",
        ),
        (PauseReason.FEE, "发出收费通知，尚未缴费", "fee notice issued, fee not paid yet"),
    ],
)
def test_a_pause_still_awaited(reason: PauseReason, zh: str, en: str) -> None:
    deadline = compute_deadline(D(2026, 9, 28), [Pause(D(2026, 10, 12), None, reason)])
    assert f"10-12{zh}" in deadline.explain("zh")
    assert f"10-12 {en}" in deadline.explain("en")
    assert "not yet answer" not in deadline.explain("en")
