"""Tests for disclosure_flow.clock: reply deadlines, hand-checked and by property.

Hand-checked examples count working days one by one from the State Council notice
for the year (2026: 国务院办公厅关于2026年部分节假日安排的通知，国办发明电〔2025〕7号 —
春节 02-15..02-23 off, 02-14 (Sat) and 02-28 (Sat) worked; 中秋节 09-25..09-27 off;
国庆节 10-01..10-07 off, 09-20 (Sun) and 10-10 (Sat) worked). "(k)" after a date is
the k-th counted working day.
"""

from __future__ import annotations

import datetime as dt
import doctest
import re
import typing

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from disclosure_flow import (
    ClockError,
    CoverageError,
    DisclosureFlowError,
    Estimates,
    InvalidDateError,
    InvalidValueError,
    LateActError,
    WorkdayCalendar,
)
from disclosure_flow import clock as clock_module
from disclosure_flow.clock import (
    R2008,
    R2019,
    ClockEvent,
    CorrectionNotice,
    DayZero,
    Deadline,
    DeadlineStatus,
    DelayedDeadline,
    Extension,
    Finding,
    FindingRule,
    LateActs,
    OpenReason,
    Pause,
    PauseBounds,
    PauseReason,
    Policy,
    Reply,
    Restart,
    compute,
    compute_deadline,
)
from disclosure_flow.clock import events as clock_events

D = dt.date
CAL = WorkdayCalendar()
PROVISIONAL = WorkdayCalendar(estimates=Estimates.ALLOW)
RECORD = attrs.evolve(R2019, late_acts=LateActs.RECORD)
TP, IA, FEE = PauseReason.THIRD_PARTY, PauseReason.INTER_AGENCY, PauseReason.FEE

# 2026-09-28 (Mon, day 0): 09-29 (1), 09-30 (2), 10-01..10-07 off, 10-08 (3), 10-09 (4),
# 10-10 Sat worked (5), 10-12 (6), 10-13 (7) ... 10-23 (15) ... 10-30 (20).
NATIONAL_DAY_0 = D(2026, 9, 28)


def wrong(value: object) -> typing.Any:
    """A value of the wrong type, passed on purpose (hides it from mypy)."""
    return value


def deadline(
    day0: dt.date,
    *events: ClockEvent,
    policy: Policy = R2019,
    calendar: WorkdayCalendar = CAL,
    note: str = "",
) -> Deadline:
    return compute_deadline(day0, events, policy=policy, calendar=calendar, day0_note=note)


# -- hand-checked examples ------------------------------------------------------------


def test_issue_example_across_national_day() -> None:
    # Counted: 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4), 10-10 Sat (5), 10-12 (6);
    # pause (10-12, 10-20] removes 10-13..10-16, 10-19, 10-20 (6 working days);
    # 10-21 (7), 10-22 (8), 10-23 (9), 10-26..10-30 (10-14), 11-02..11-06 (15-19),
    # 11-09..11-13 (20-24), 11-16..11-20 (25-29), 11-23 (30) = 20 + 10 extension.
    d = deadline(
        NATIONAL_DAY_0,
        Pause(D(2026, 10, 12), D(2026, 10, 20), TP),
        Extension(10, "负责人", D(2026, 10, 26)),
        note="当面提交",
    )
    assert d.due == D(2026, 11, 23)
    assert d.period == 30
    assert d.extended_by == 10
    assert not d.provisional
    assert d.low == d.high == d.due
    assert d.fingerprint == CAL.fingerprint
    assert d.findings == ()
    assert d.explain("zh") == (
        "收到申请 2026-09-28 (当面提交) · 10-01至10-07 国庆节不计 · 10-10 调休上班计入 · "
        "10-12发出第三方征求意见书、10-20收到意见，10-13至10-20不计（6个工作日）· "
        "延长10个工作日（负责人批准）· 答复期限 2026-11-23"
    )
    english = d.explain("en")
    assert "10-01 to 10-07 National Day not counted" in english
    assert "(6 working days)" in english
    assert english.endswith("reply due 2026-11-23")


def test_plain_twenty_working_days_across_national_day() -> None:
    # 10-12 (6), 10-13..10-16 (7-10), 10-19..10-23 (11-15), 10-26..10-30 (16-20).
    assert deadline(NATIONAL_DAY_0).due == D(2026, 10, 30)


def test_due_on_a_make_up_saturday() -> None:
    # Day 0 2026-09-07 (Mon): 09-08..09-11 (1-4), 09-14..09-18 (5-9), 09-20 Sun worked (10),
    # 09-21..09-24 (11-14), 09-25..09-27 中秋 off, 09-28..09-30 (15-17), 10-08 (18),
    # 10-09 (19), 10-10 Sat worked (20).
    d = deadline(D(2026, 9, 7))
    assert d.due == D(2026, 10, 10)
    assert d.due.weekday() == 5
    zh = d.explain()
    assert "09-20 调休上班计入" in zh
    assert "09-25至09-27 中秋节不计" in zh
    assert "10-10 调休上班计入" in zh


def test_across_spring_festival() -> None:
    # Day 0 2026-02-10 (Tue): 02-11 (1), 02-12 (2), 02-13 (3), 02-14 Sat worked (4),
    # 02-15..02-23 off, 02-24..02-27 (5-8), 02-28 Sat worked (9), 03-02..03-06 (10-14),
    # 03-09..03-13 (15-19), 03-16 (20).
    d = deadline(D(2026, 2, 10))
    assert d.due == D(2026, 3, 16)
    assert "02-15至02-23 春节不计" in d.explain()


def test_r2008_and_r2019_differ_where_the_law_does() -> None:
    # No pause: R2019 20 -> 10-30; R2008 15 -> 10-23 (see NATIONAL_DAY_0).
    assert deadline(NATIONAL_DAY_0).due == D(2026, 10, 30)
    assert deadline(NATIONAL_DAY_0, policy=R2008).due == D(2026, 10, 23)
    # Inter-agency pause (10-12, 10-20]: R2019 excludes it: 10-12 (6), then 10-21 (7) ...
    # 10-30 (14), 11-02..11-06 (15-19), 11-09 (20). R2008 counts it: still 10-23.
    inter = Pause(D(2026, 10, 12), D(2026, 10, 20), IA)
    assert deadline(NATIONAL_DAY_0, inter).due == D(2026, 11, 9)
    r2008 = deadline(NATIONAL_DAY_0, inter, policy=R2008)
    assert r2008.due == D(2026, 10, 23)
    assert "按R2008照常计算" in r2008.explain()
    # Third-party pause: both exclude it. R2008: 10-21 (7) ... 10-30 (14), 11-02 (15).
    third = Pause(D(2026, 10, 12), D(2026, 10, 20), TP)
    assert deadline(NATIONAL_DAY_0, third, policy=R2008).due == D(2026, 11, 2)
    # Fee pause: excluded by convention under R2019 only.
    fee = Pause(D(2026, 10, 12), D(2026, 10, 20), FEE)
    assert deadline(NATIONAL_DAY_0, fee).due == D(2026, 11, 9)
    assert deadline(NATIONAL_DAY_0, fee, policy=R2008).due == D(2026, 10, 23)


def test_end_of_december_strict_calendar_refuses() -> None:
    # Day 0 2026-12-10: 12-11 (1) ... 12-31 (15); the 16th needs 2027, not in the data.
    with pytest.raises(CoverageError) as info:
        deadline(D(2026, 12, 10))
    assert info.value.last == D(2026, 12, 31)


def test_end_of_december_provisional_calendar() -> None:
    # 12-11 (1), 12-14..12-18 (2-6), 12-21..12-25 (7-11), 12-28..12-31 (12-15); every
    # 2027 scenario has 01-01..01-03 off (元旦, a Friday) and no make-up day before 01-08:
    # 01-04..01-08 (16-20). Were 12-29..12-31 off (the 2027 notice may still set them:
    # YearEnd.PENDING), the 20th would be 01-13.
    d = deadline(D(2026, 12, 10), calendar=PROVISIONAL)
    assert d.due == D(2027, 1, 8)
    assert d.provisional
    assert (d.low, d.high) == (D(2027, 1, 8), D(2027, 1, 13))
    assert d.fingerprint == PROVISIONAL.fingerprint != CAL.fingerprint
    zh = d.explain()
    assert "元旦不计〔估计〕" in zh
    assert zh.endswith("答复期限 2027-01-08（估计，可能范围 2027-01-08 至 2027-01-13）")
    status = d.status(D(2027, 1, 5))
    # 15 in 2026, then 01-04 (16), 01-05 (17).
    assert (status.used, status.left, status.provisional) == (17, 3, True)


def test_provisional_range_around_spring_festival_2027() -> None:
    # Day 0 2027-01-11 (Mon). Main estimate (golden week: 02-05..02-13 off, 01-31 and 02-14
    # worked): 01-12..01-15 (1-4), 01-18..01-22 (5-9), 01-25..01-29 (10-14), 01-31 (15),
    # 02-01..02-04 (16-19), 02-14 (20).
    # Earliest (statutory days only, 02-05..02-10 off, no make-up days): 01-29 (14),
    # 02-01..02-04 (15-18), 02-11 (19), 02-12 (20).
    # Latest (02-05..02-14 off, 01-31 and 02-20 worked): 02-04 (19), 02-15 (20).
    d = deadline(D(2027, 1, 11), calendar=PROVISIONAL)
    assert (d.low, d.due, d.high) == (D(2027, 2, 12), D(2027, 2, 14), D(2027, 2, 15))
    assert d.provisional
    # With a fee pause (01-12, 01-13] one working day more: 21st day of each scenario.
    paused = deadline(
        D(2027, 1, 11), Pause(D(2027, 1, 12), D(2027, 1, 13), FEE), calendar=PROVISIONAL
    )
    assert (paused.low, paused.due, paused.high) == (D(2027, 2, 15), D(2027, 2, 15), D(2027, 2, 16))
    with pytest.raises(CoverageError):
        deadline(D(2027, 1, 11))


def test_overlapping_pauses_merge() -> None:
    # (10-12, 10-20] and (10-15, 10-23] merge to (10-12, 10-23]: 9 working days removed.
    # 10-12 (6), 10-26..10-30 (7-11), 11-02..11-06 (12-16), 11-09..11-12 (17-20).
    d = deadline(
        NATIONAL_DAY_0,
        Pause(D(2026, 10, 12), D(2026, 10, 20), TP),
        Pause(D(2026, 10, 15), D(2026, 10, 23), IA),
    )
    assert d.due == D(2026, 11, 12)
    assert d.status(D(2026, 11, 12)).excluded == 9
    zh = d.explain()
    # The second pause adds only 10-21..10-23 (3 working days) beyond the first.
    assert "10-13至10-20不计（6个工作日）" in zh
    assert "10-16至10-23不计（3个工作日）" in zh


def test_running_pause_leaves_the_deadline_open() -> None:
    # Fee notice 10-12, unpaid: counted 09-29 .. 10-12 = 6 (see NATIONAL_DAY_0).
    d = deadline(NATIONAL_DAY_0, Pause(D(2026, 10, 12), None, FEE))
    assert d.due is None
    assert d.is_open
    assert d.open_reason is OpenReason.PAUSED
    assert d.low is None
    assert d.high is None
    status = d.status(D(2026, 10, 30))
    assert (status.used, status.left, status.paused, status.overdue) == (6, 14, True, False)
    assert not status.due_soon(within=20)
    assert "10-13起暂停计算" in d.explain()
    assert d.explain().endswith("答复期限未定：暂停计时中，恢复计算后确定")


def test_pause_starting_after_the_deadline_does_not_open_it() -> None:
    d = deadline(NATIONAL_DAY_0, Pause(D(2026, 11, 2), None, FEE))
    assert d.due == D(2026, 10, 30)


def test_status_used_left_overdue() -> None:
    d = deadline(NATIONAL_DAY_0)  # due 10-30
    # 10-23 is the 15th working day.
    s = d.status(D(2026, 10, 23))
    assert (s.used, s.left, s.overdue_by, s.overdue) == (15, 5, 0, False)
    assert s.due_soon(within=5)
    assert not s.due_soon(within=4)
    # Due day itself: in time.
    s = d.status(D(2026, 10, 30))
    assert (s.used, s.left, s.overdue) == (20, 0, False)
    # Saturday 10-31: one working day would have been needed (11-02).
    assert d.status(D(2026, 10, 31)).overdue_by == 1
    # 11-03: 11-02 (1), 11-03 (2).
    s = d.status(D(2026, 11, 3))
    assert (s.used, s.left, s.overdue_by) == (22, 0, 2)
    assert not s.due_soon(within=30)


def test_reply_stops_the_clock_and_a_late_reply_is_a_finding() -> None:
    # Due 10-30; reply 11-04: 11-02 (1), 11-03 (2), 11-04 (3) late.
    d = deadline(NATIONAL_DAY_0, Reply(D(2026, 11, 4)))
    assert d.replied_on == D(2026, 11, 4)
    assert d.findings == (
        Finding(
            FindingRule.REPLY_LATE, R2019.reply_period.article, D(2026, 10, 30), D(2026, 11, 4), 3
        ),
    )
    later = d.status(D(2026, 12, 1))
    assert later.as_of == D(2026, 11, 4)
    assert later.replied
    assert later.overdue_by == 3
    assert "11-04答复（逾期3个工作日）" in d.explain()
    in_time = deadline(NATIONAL_DAY_0, Reply(D(2026, 10, 30)))
    assert in_time.findings == ()
    assert not in_time.status(D(2026, 10, 30)).due_soon(within=5)


def test_correction_notice_opens_then_restart_counts_again() -> None:
    # Correction notice 10-12, within 7 working days (10-13 is the 7th): no finding.
    waiting = deadline(NATIONAL_DAY_0, CorrectionNotice(D(2026, 10, 12)))
    assert waiting.open_reason is OpenReason.AWAITING_CORRECTION
    assert waiting.due is None
    assert waiting.status(D(2026, 11, 30)).left == 20
    assert "等待补正" in waiting.explain()
    # Corrected application received 10-26 (Mon): 10-27..10-30 (1-4), 11-02..11-06 (5-9),
    # 11-09..11-13 (10-14), 11-16..11-20 (15-19), 11-23 (20). The pause and extension
    # before the restart no longer count.
    d = deadline(
        NATIONAL_DAY_0,
        Pause(D(2026, 10, 9), D(2026, 10, 10), TP),
        Extension(5, "负责人", D(2026, 10, 9)),
        CorrectionNotice(D(2026, 10, 12)),
        Restart(D(2026, 10, 26), "邮寄"),
    )
    assert d.day0 == D(2026, 10, 26)
    assert d.received == NATIONAL_DAY_0
    assert d.due == D(2026, 11, 23)
    assert d.extensions == ()
    assert "10-26收到补正后的申请 (邮寄)，重新起算" in d.explain()


def test_late_correction_notice_refused_or_recorded() -> None:
    # 7th working day after 09-28 is 10-13; a notice on 10-15 is 2 working days late.
    notice = CorrectionNotice(D(2026, 10, 15))
    with pytest.raises(LateActError) as info:
        deadline(NATIONAL_DAY_0, notice)
    assert (info.value.due, info.value.acted, info.value.late_by) == (
        D(2026, 10, 13),
        D(2026, 10, 15),
        2,
    )
    d = deadline(NATIONAL_DAY_0, notice, policy=RECORD)
    assert d.findings[0].rule is FindingRule.CORRECTION_NOTICE_LATE
    assert d.findings[0].late_by == 2
    # R2008 sets no correction-notice period: nothing is late.
    assert deadline(NATIONAL_DAY_0, notice, policy=R2008).findings == ()


def test_late_extension_refused_or_recorded() -> None:
    # Due 10-30; an extension granted 11-02 is 1 working day late.
    late = Extension(10, "负责人", D(2026, 11, 2))
    with pytest.raises(LateActError) as info:
        deadline(NATIONAL_DAY_0, late)
    assert isinstance(info.value, ClockError)
    assert info.value.late_by == 1
    d = deadline(NATIONAL_DAY_0, late, policy=RECORD)
    assert d.findings == (
        Finding(
            FindingRule.EXTENSION_LATE,
            R2019.extension_cap.article,
            D(2026, 10, 30),
            D(2026, 11, 2),
            1,
        ),
    )
    # 10-30 + 10: 11-02..11-06 (1-5), 11-09..11-13 (6-10).
    assert d.due == D(2026, 11, 13)
    # On the due day itself, an extension is in time.
    assert deadline(NATIONAL_DAY_0, Extension(10, "负责人", D(2026, 10, 30))).findings == ()


def test_extension_during_a_pause_is_not_late() -> None:
    # Without the pause the deadline would be 10-30; the pause (10-12, 11-03] keeps it open.
    d = deadline(
        NATIONAL_DAY_0,
        Pause(D(2026, 10, 12), D(2026, 11, 3), TP),
        Extension(5, "负责人", D(2026, 11, 2)),
    )
    assert d.findings == ()
    assert d.period == 25


def test_extension_cap_is_a_total() -> None:
    first = Extension(15, "负责人", D(2026, 10, 12))
    with pytest.raises(ClockError, match="at most 20 working days in total") as info:
        deadline(NATIONAL_DAY_0, first, Extension(6, "负责人", D(2026, 10, 13)))
    assert info.value.value == 21
    assert deadline(NATIONAL_DAY_0, first, Extension(5, "负责人", D(2026, 10, 13))).period == 40
    with pytest.raises(ClockError, match="at most 15"):
        deadline(NATIONAL_DAY_0, Extension(16, "负责人", D(2026, 10, 12)), policy=R2008)


def test_delayed_deadline_art_35() -> None:
    # Set 10-20 to 12-15; the regular deadline was 10-30.
    d = deadline(NATIONAL_DAY_0, DelayedDeadline(D(2026, 12, 15), D(2026, 10, 20)))
    assert d.due == D(2026, 12, 15)
    # 10-30 is the 20th; 11-02..12-11 are 30 more (6 weeks), 12-14 (51), 12-15 (52).
    assert d.period == 52
    assert "10-20确定延迟答复期限至 2026-12-15" in d.explain()
    with pytest.raises(ClockError, match="after the deadline it replaces"):
        deadline(NATIONAL_DAY_0, DelayedDeadline(D(2026, 10, 29), D(2026, 10, 20)))
    with pytest.raises(ClockError, match="R2008"):
        deadline(NATIONAL_DAY_0, DelayedDeadline(D(2026, 12, 15), D(2026, 10, 20)), policy=R2008)
    with pytest.raises(ClockError, match="delayed deadline"):
        deadline(
            NATIONAL_DAY_0,
            DelayedDeadline(D(2026, 12, 15), D(2026, 10, 20)),
            Extension(5, "负责人", D(2026, 10, 21)),
        )


@pytest.mark.parametrize(
    ("bounds", "due"),
    [
        # (10-12, 10-20]: 6 removed, 20th is 11-09.
        (PauseBounds.AFTER_START_TO_END, D(2026, 11, 9)),
        # [10-12, 10-20]: 10-12 removed too (7): 11-10.
        (PauseBounds.START_TO_END, D(2026, 11, 10)),
        # (10-12, 10-20): 10-20 counts (5 removed): 11-06.
        (PauseBounds.AFTER_START_BEFORE_END, D(2026, 11, 6)),
    ],
)
def test_pause_bounds_option(bounds: PauseBounds, due: dt.date) -> None:
    policy = attrs.evolve(R2019, pause_bounds=bounds)
    assert (
        deadline(NATIONAL_DAY_0, Pause(D(2026, 10, 12), D(2026, 10, 20), TP), policy=policy).due
        == due
    )


def test_day_zero_counted_option() -> None:
    # Day 0 10-12 (Mon) counted as working day 1: 10-12..10-16 (1-5) ... 11-06 (20);
    # by default 10-13 is day 1 and 11-09 the 20th.
    counted = attrs.evolve(R2019, day_zero=DayZero.COUNTED)
    assert deadline(D(2026, 10, 12), policy=counted).due == D(2026, 11, 6)
    assert deadline(D(2026, 10, 12)).due == D(2026, 11, 9)
    # A day 0 on a holiday changes nothing.
    assert deadline(D(2026, 10, 3), policy=counted).due == deadline(D(2026, 10, 3)).due


# -- refusals -------------------------------------------------------------------------


def test_pause_ending_before_it_starts() -> None:
    with pytest.raises(ClockError, match="pause end"):
        Pause(D(2026, 10, 20), D(2026, 10, 12), TP)


def test_events_before_day_0() -> None:
    with pytest.raises(ClockError, match="on or after day 0"):
        deadline(NATIONAL_DAY_0, Pause(D(2026, 9, 27), D(2026, 10, 9), TP))
    with pytest.raises(ClockError, match="on or after day 0"):
        deadline(NATIONAL_DAY_0, Restart(D(2026, 9, 1)))


def test_events_after_the_reply_and_second_reply() -> None:
    with pytest.raises(ClockError, match="on or before the reply"):
        deadline(NATIONAL_DAY_0, Reply(D(2026, 10, 20)), Extension(5, "负责人", D(2026, 10, 21)))
    with pytest.raises(ClockError, match="one reply"):
        deadline(NATIONAL_DAY_0, Reply(D(2026, 10, 20)), Reply(D(2026, 10, 21)))


def test_status_before_known_facts_is_refused() -> None:
    d = deadline(NATIONAL_DAY_0, Pause(D(2026, 10, 12), D(2026, 10, 20), TP))
    with pytest.raises(ClockError, match="as_of"):
        d.status(D(2026, 10, 15))
    with pytest.raises(InvalidDateError):
        d.status(wrong(dt.datetime(2026, 11, 1, 9)))


@pytest.mark.parametrize(
    "make",
    [
        lambda: compute_deadline(wrong(dt.datetime(2026, 9, 28, 9)), policy=R2019, calendar=CAL),
        lambda: compute_deadline(wrong("2026-09-28"), policy=R2019, calendar=CAL),
        lambda: Pause(wrong("2026-10-12"), None, TP),
        lambda: Pause(D(2026, 10, 12), wrong(dt.datetime(2026, 10, 20, 9)), TP),
        lambda: Extension(5, "负责人", wrong(dt.datetime(2026, 10, 20, 9))),
        lambda: Restart(wrong(20261026)),
        lambda: Reply(wrong(None)),
    ],
)
def test_wrong_date_types(make: typing.Callable[[], object]) -> None:
    with pytest.raises(InvalidDateError):
        make()


@pytest.mark.parametrize(
    "make",
    [
        lambda: Pause(D(2026, 10, 12), None, wrong("THIRD_PARTY")),  # a name, not a value
        lambda: Extension(0, "负责人", D(2026, 10, 12)),
        lambda: Extension(wrong(True), "负责人", D(2026, 10, 12)),
        lambda: Extension(5, " ", D(2026, 10, 12)),
        lambda: compute_deadline(NATIONAL_DAY_0, [wrong(object())], policy=R2019, calendar=CAL),
        lambda: compute_deadline(NATIONAL_DAY_0, policy=wrong("R2019"), calendar=CAL),
        lambda: compute_deadline(NATIONAL_DAY_0, policy=R2019, calendar=wrong("national")),
        lambda: deadline(NATIONAL_DAY_0).explain("fr"),
        lambda: deadline(NATIONAL_DAY_0).status(D(2026, 10, 1)).due_soon(-1),
    ],
)
def test_wrong_values(make: typing.Callable[[], object]) -> None:
    with pytest.raises(InvalidValueError):
        make()


def test_delayed_deadline_must_be_after_the_day_it_is_set() -> None:
    with pytest.raises(ClockError):
        DelayedDeadline(D(2026, 10, 20), D(2026, 10, 20))


def test_events_in_any_order() -> None:
    events: list[ClockEvent] = [
        Extension(10, "负责人", D(2026, 10, 26)),
        Pause(D(2026, 10, 12), D(2026, 10, 20), TP),
    ]
    forward = compute_deadline(NATIONAL_DAY_0, events, policy=R2019, calendar=CAL)
    backward = compute_deadline(NATIONAL_DAY_0, events[::-1], policy=R2019, calendar=CAL)
    assert forward == backward
    assert forward.events[0] == events[1]


@pytest.mark.parametrize("cls", [Deadline, DeadlineStatus, Pause, Extension, Finding])
def test_type_hints_resolve(cls: type) -> None:
    assert typing.get_type_hints(cls)


# -- properties -----------------------------------------------------------------------

# Day 0 in 2019-2026 with room for the deadline to stay inside the data.
day0s = st.dates(D(2019, 6, 1), D(2026, 8, 31))
offsets = st.integers(0, 40)
lengths = st.integers(0, 15)
reasons = st.sampled_from(list(PauseReason))
policies = st.sampled_from([R2019, R2008])


@st.composite
def pauses(draw: st.DrawFn, day0: dt.date) -> Pause:
    start = day0 + dt.timedelta(days=draw(offsets))
    end = start + dt.timedelta(days=draw(lengths))
    return Pause(start, end, draw(reasons))


@st.composite
def cases(draw: st.DrawFn) -> tuple[dt.date, list[ClockEvent]]:
    day0 = draw(day0s)
    events: list[ClockEvent] = [draw(pauses(day0)) for _ in range(draw(st.integers(0, 3)))]
    return day0, events


@settings(max_examples=150, deadline=None)
@given(cases(), st.data(), policies)
def test_a_pause_never_makes_a_deadline_earlier(
    case: tuple[dt.date, list[ClockEvent]], data: st.DataObject, policy: Policy
) -> None:
    day0, events = case
    extra = data.draw(pauses(day0))
    before = deadline(day0, *events, policy=policy).due
    after = deadline(day0, *events, extra, policy=policy).due
    assert before is not None
    assert after is not None
    assert after >= before


@settings(max_examples=150, deadline=None)
@given(cases(), st.data(), policies)
def test_a_pause_over_no_working_day_changes_nothing(
    case: tuple[dt.date, list[ClockEvent]], data: st.DataObject, policy: Policy
) -> None:
    day0, events = case
    extra = data.draw(pauses(day0))
    assert extra.end is not None
    assume(CAL.workdays_between(extra.start, extra.end) == 0)
    before = deadline(day0, *events, policy=policy)
    after = deadline(day0, *events, extra, policy=policy)
    assert after.due == before.due


@settings(max_examples=150, deadline=None)
@given(cases(), st.integers(1, 15), policies)
def test_an_extension_moves_the_deadline_by_k_working_days(
    case: tuple[dt.date, list[ClockEvent]], k: int, policy: Policy
) -> None:
    day0, events = case
    before = deadline(day0, *events, policy=policy).due
    assert before is not None
    # "No later pause": every pause ends by the unextended deadline.
    assume(all(isinstance(e, Pause) and e.end is not None and e.end <= before for e in events))
    after = deadline(day0, *events, Extension(k, "负责人", day0), policy=policy).due
    assert after == CAL.add_workdays(before, k)


@settings(max_examples=150, deadline=None)
@given(cases(), policies)
def test_the_due_date_is_a_working_day(
    case: tuple[dt.date, list[ClockEvent]], policy: Policy
) -> None:
    day0, events = case
    due = deadline(day0, *events, policy=policy).due
    assert due is not None
    assert CAL.is_workday(due)


@settings(max_examples=150, deadline=None)
@given(cases(), st.integers(0, 60), policies)
def test_used_plus_left_is_the_period_while_open(
    case: tuple[dt.date, list[ClockEvent]], days: int, policy: Policy
) -> None:
    day0, events = case
    d = deadline(day0, *events, policy=policy)
    assert d.due is not None
    last = max([day0, *(e.end for e in events if isinstance(e, Pause) and e.end is not None)])
    as_of = last + dt.timedelta(days=days)
    assume(as_of <= d.due)
    status = d.status(as_of)
    assert status.used + status.left == d.period
    assert not status.overdue


@settings(max_examples=150, deadline=None)
@given(day0s, st.data(), reasons)
def test_r2008_and_r2019_differ_exactly_where_the_law_does(
    day0: dt.date, data: st.DataObject, reason: PauseReason
) -> None:
    pause = data.draw(pauses(day0))
    pause = attrs.evolve(pause, reason=reason)
    # Periods: 20 against 15 working days.
    assert deadline(day0, policy=R2019).due == CAL.add_workdays(day0, 20)
    assert deadline(day0, policy=R2008).due == CAL.add_workdays(day0, 15)
    # With R2008's numbers, the two differ only in which pauses are excluded.
    r2019_like_2008 = attrs.evolve(
        R2019, reply_period=R2008.reply_period, extension_cap=R2008.extension_cap
    )
    same_law = deadline(day0, pause, policy=r2019_like_2008).due
    old_law = deadline(day0, pause, policy=R2008).due
    if reason is PauseReason.THIRD_PARTY:
        assert old_law == same_law
    else:
        assert old_law == deadline(day0, policy=R2008).due


@settings(max_examples=100, deadline=None)
@given(cases(), policies)
def test_only_documented_errors_escape(
    case: tuple[dt.date, list[ClockEvent]], policy: Policy
) -> None:
    day0, events = case
    try:
        d = deadline(
            day0, *events, Extension(10, "负责人", day0 + dt.timedelta(days=30)), policy=policy
        )
    except DisclosureFlowError:
        return
    d.explain("zh")
    d.explain("en")


def test_module_doctests() -> None:
    result = doctest.testmod(clock_module)
    assert result.attempted > 0
    assert result.failed == 0


def test_a_late_extension_is_judged_against_the_deadline_as_it_stood() -> None:
    # Day 0 Monday 2 March 2026: 20 working days end Monday 30 March (no holiday in
    # March). An extension granted on Tuesday 31 March is one working day late, even
    # though a consultation that starts afterwards would move the deadline later.

    record = attrs.evolve(R2019, late_acts=LateActs.RECORD)
    events: list[ClockEvent] = [
        Extension(10, "负责人", granted_on=dt.date(2026, 3, 31)),
        Pause(dt.date(2026, 4, 1), dt.date(2026, 4, 20), PauseReason.THIRD_PARTY),
    ]
    deadline = compute_deadline(dt.date(2026, 3, 2), events, policy=record, calendar=CAL)
    assert [(f.rule, f.due, f.late_by) for f in deadline.findings] == [
        (FindingRule.EXTENSION_LATE, dt.date(2026, 3, 30), 1)
    ]
    with pytest.raises(LateActError):
        compute_deadline(dt.date(2026, 3, 2), events, policy=R2019, calendar=CAL)


def test_a_pause_after_a_delayed_deadline_does_not_move_it() -> None:
    # Art. 35: the agency set 10 April on 10 March (the 20-day deadline was 30 March);
    # a consultation from 12 March to 30 April does not invalidate it.
    events: list[ClockEvent] = [
        DelayedDeadline(dt.date(2026, 4, 10), set_on=dt.date(2026, 3, 10)),
        Pause(dt.date(2026, 3, 12), dt.date(2026, 4, 30), PauseReason.THIRD_PARTY),
    ]
    deadline = compute_deadline(dt.date(2026, 3, 2), events, policy=R2019, calendar=CAL)
    assert deadline.due == dt.date(2026, 4, 10)
    assert deadline.findings == ()


# -- messy inputs: events in any order, for the differential properties here and in
# test_ranked.py
# Day 0 from 2019 to the end of the data and beyond it (coverage errors and estimated
# days must send the fast path back to the general one).
fast_day0s = st.dates(D(2019, 1, 10), D(2027, 3, 1))
fast_policies = st.builds(
    lambda base, zero, bounds, late: attrs.evolve(
        base, day_zero=zero, pause_bounds=bounds, late_acts=late
    ),
    st.sampled_from([R2019, R2008]),
    st.sampled_from(DayZero),
    st.sampled_from(PauseBounds),
    st.sampled_from(LateActs),
)


@st.composite
def messy_events(draw: st.DrawFn, day0: dt.date) -> list[ClockEvent]:
    """Any mix of clock events on or after day 0: late or excessive extensions, several
    replies, running pauses, restarts, correction notices, delayed deadlines."""
    events: list[ClockEvent] = []
    for _ in range(draw(st.integers(0, 6))):
        day = day0 + dt.timedelta(days=draw(st.integers(0, 80)))
        kind = draw(st.integers(0, 5))
        if kind == 0:
            length = draw(st.one_of(st.none(), st.integers(0, 25)))
            end = None if length is None else day + dt.timedelta(days=length)
            events.append(Pause(day, end, draw(reasons)))
        elif kind == 1:
            events.append(Extension(draw(st.integers(1, 25)), "负责人", day))
        elif kind == 2:
            events.append(Reply(day))
        elif kind == 3:
            events.append(Restart(day))
        elif kind == 4:
            events.append(CorrectionNotice(day))
        else:
            due = day + dt.timedelta(days=draw(st.integers(1, 90)))
            events.append(DelayedDeadline(due, day))
    return events


# -- internal entry points used by the case: each agrees with the public path --------


class _Day(dt.date):
    """A date subclass (the constructors accept it; the quick builders leave it to them)."""


class _Str(str):
    """A str subclass, likewise."""


_BUILD_DATES = st.one_of(
    st.dates(D(2025, 1, 1), D(2025, 1, 10)),
    st.dates(D(2025, 1, 1), D(2025, 1, 10)).map(lambda d: _Day(d.year, d.month, d.day)),
    st.just(dt.datetime(2025, 1, 5, 12, 0)),
    st.sampled_from(["2025-01-05", None, 3]),
)


def _built_alike(
    quick: typing.Callable[[], typing.Any], general: typing.Callable[[], typing.Any]
) -> None:
    try:
        expected = general()
    except DisclosureFlowError as error:
        with pytest.raises(type(error)):
            quick()
        return
    got = quick()
    assert got == expected
    assert type(got) is type(expected)
    for a in attrs.fields(type(expected)):
        assert type(getattr(got, a.name)) is type(getattr(expected, a.name))


@settings(max_examples=600, deadline=None)
@given(_BUILD_DATES, st.one_of(st.none(), _BUILD_DATES), st.sampled_from([*PauseReason, "fee"]))
def test_quick_pause_builds_what_the_constructor_builds(
    start: typing.Any, end: typing.Any, reason: typing.Any
) -> None:
    _built_alike(
        lambda: clock_module.trusted_pause(start, end, reason), lambda: Pause(start, end, reason)
    )


@settings(max_examples=600, deadline=None)
@given(
    st.sampled_from([-1, 0, 1, 10, True, 2.0, "3"]),
    st.sampled_from(["负责人", "", "  ", None, _Str("李")]),
    _BUILD_DATES,
)
def test_quick_extension_builds_what_the_constructor_builds(
    days: typing.Any, approver: typing.Any, granted_on: typing.Any
) -> None:
    _built_alike(
        lambda: clock_module.trusted_extension(days, approver, granted_on),
        lambda: Extension(days, approver, granted_on),
    )


@settings(max_examples=200, deadline=None)
@given(_BUILD_DATES)
def test_quick_reply_builds_what_the_constructor_builds(day: typing.Any) -> None:
    _built_alike(lambda: clock_module.trusted_reply(day), lambda: Reply(day))


def _ordered_reference(day0: dt.date, events: list[ClockEvent]) -> tuple[ClockEvent, ...]:
    """The clock's ordering and checks as first written (no shortcut)."""
    ordered = tuple(events)
    days = []
    for event in ordered:
        day = clock_events._KEY[type(event)](event)
        if day < day0:
            raise ClockError(f"{type(event).__name__} date", day, f"on or after day 0 ({day0})")
        days.append(day)
    if days != sorted(days):
        order = sorted(range(len(ordered)), key=days.__getitem__)
        ordered = tuple(ordered[i] for i in order)
        days = [days[i] for i in order]
    reply: dt.date | None = None
    for day, event in zip(days, ordered, strict=True):
        if reply is not None:
            if type(event) is Reply:
                raise ClockError("reply", event, "one reply only")
            if day > reply:
                raise ClockError(type(event).__name__, event, f"on or before the reply ({reply})")
        elif type(event) is Reply:
            reply = day
    return ordered


@settings(max_examples=1500, deadline=None)
@given(fast_day0s, st.data())
def test_ordering_agrees_with_its_reference(day0: dt.date, data: st.DataObject) -> None:
    events = data.draw(messy_events(day0 - dt.timedelta(days=data.draw(st.integers(0, 3)))))
    if data.draw(st.booleans()):
        events.append(Reply(day0 + dt.timedelta(days=data.draw(st.integers(-1, 40)))))
    try:
        expected = _ordered_reference(day0, events)
    except ClockError as error:
        with pytest.raises(ClockError, match=f"^{re.escape(str(error))}$"):
            compute._ordered(day0, events)
        return
    got = compute._ordered(day0, events)
    assert got == expected
    assert all(a is b for a, b in zip(got, expected, strict=True))


@settings(max_examples=500, deadline=None)
@given(fast_day0s, st.data(), fast_policies, st.sampled_from([CAL, PROVISIONAL]))
def test_the_typed_entry_agrees_with_compute_deadline(
    day0: dt.date, data: st.DataObject, policy: Policy, calendar: WorkdayCalendar
) -> None:
    events = data.draw(messy_events(day0))
    try:
        expected = compute_deadline(day0, events, policy=policy, calendar=calendar, day0_note="x")
    except DisclosureFlowError as error:
        with pytest.raises(type(error)):
            clock_module.trusted_deadline(day0, events, policy, calendar, "x")
        return
    assert clock_module.trusted_deadline(day0, events, policy, calendar, "x") == expected


def test_a_running_pause_beyond_the_data_is_refused_not_crashed() -> None:
    # Found by the differential property: a pause that starts after the last covered day
    # (2026-12-31) and is still running must give the coverage error of the general path.
    with pytest.raises(CoverageError):
        compute_deadline(
            dt.date(2026, 11, 3),
            [Pause(dt.date(2027, 1, 1), None, PauseReason.THIRD_PARTY)],
            policy=R2019,
            calendar=CAL,
        )
