"""Tests for disclosure_flow.workdays.year_end: the last days of a year, which the next
year's notice may still set, are not final until that year's data is in.

Which days those are is derived twice, independently: by the library from
``chinese-calendar``'s data (``national.next_notice_from``), and here from the notices
held as text (``notices/``, and the items of the 2008 and 2009 notices in
test_notices.py), each next year's notice against the weekday rule and against the
year's own notice. The 2027 notices below are TEST DATA, made up in the official form
(the real notice is not out as this is written).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from disclosure_flow import (
    R2019,
    Applicant,
    ApplicantKind,
    Case,
    Channel,
    CoverageError,
    DataStatus,
    DeliveryMethod,
    Estimates,
    InformationRequest,
    InvalidValueError,
    Overlay,
    OverlayEntry,
    OverlayKind,
    OverlayScope,
    Pause,
    PauseReason,
    ProvisionalAnswerError,
    ProvisionForm,
    WorkdayCalendar,
    YearEnd,
    compute_deadline,
    recompute,
)
from disclosure_flow.clock import deadline as deadline_module
from disclosure_flow.clock import ranked_status
from disclosure_flow.clock.vectorized import deadlines_array
from disclosure_flow.workdays import national, statutory_days
from disclosure_flow.workdays.vectorized import add_workdays_array
from tests.clock.test_ranked import _general
from tests.workdays.test_notice_golden import YEARS, overlay
from tests.workdays.test_notices import ITEMS_2008, ITEMS_2009, ITEMS_2027, notice_text

D = dt.date
ONE = dt.timedelta(days=1)
STRICT = WorkdayCalendar()
ALLOW = WorkdayCalendar(estimates=Estimates.ALLOW)
FINAL = WorkdayCalendar(year_end=YearEnd.FINAL)
PENDING_2026 = (D(2026, 12, 29), D(2026, 12, 30), D(2026, 12, 31))

# TEST DATA ONLY: made-up 2027 notices in the official form. The second sets 31 December
# 2026 off with 1–3 January, paid back on Saturday 9 January — what a real notice could do.
NOTICE_2027 = notice_text(*ITEMS_2027)
NOTICE_2027_FROM_DECEMBER = notice_text(
    "一、元旦：2026年12月31日（周四）至2027年1月3日（周日）放假调休，共4天。1月9日（周六）上班。",
    *ITEMS_2027[1:],
)


# -- which days: derived from the notices ----------------------------------------


def _older(year: int, items: list[str], number: str) -> Overlay:
    title = f"国务院办公厅关于{year}年部分节假日安排的通知"
    return Overlay.from_notice(notice_text(*items, title=title, number=number))


def _notices() -> dict[int, Overlay]:
    """Every notice 2008–2026 held as text, by the year it arranges."""
    found = {
        2008: _older(2008, ITEMS_2008, "国办发明电〔2007〕52号"),
        2009: _older(2009, ITEMS_2009, "国办发明电〔2008〕42号"),
    }
    for year in YEARS:
        notice = overlay(year)
        assert notice is not None
        found[year] = notice
    return found


def _changed_by_next_notice(notices: dict[int, Overlay]) -> list[dt.date]:
    """Days of year Y that Y+1's notice set otherwise than the weekday rule, or than Y's
    own notice where that sets the day."""
    changed = []
    for year, notice in notices.items():
        own = notices.get(year - 1)
        own_days = {} if own is None else {e.day: e.kind for e in own.entries}
        for entry in notice.entries:
            if entry.day.year != year - 1:
                continue
            working = entry.kind is OverlayKind.WORKING_DAY
            weekday_rule = entry.day.weekday() < 5
            before = own_days.get(entry.day)
            if before is None:
                before_working = weekday_rule  # what the weekday rule makes of it
            else:
                before_working = before is OverlayKind.WORKING_DAY
            if working is not before_working:
                changed.append(entry.day)
    return sorted(changed)


def test_the_days_a_next_notice_has_changed_are_those_the_library_derives() -> None:
    notices = _notices()
    assert sorted(notices) == list(range(2008, 2027))
    changed = _changed_by_next_notice(notices)
    # 2008: Sat 29 Dec 2007 worked, Mon 31 Dec off; 2012: Sat 31 Dec 2011 worked;
    # 2019: Sat 29 Dec 2018 worked, Mon 31 Dec off.
    assert changed == [
        D(2007, 12, 29),
        D(2007, 12, 31),
        D(2011, 12, 31),
        D(2018, 12, 29),
        D(2018, 12, 31),
    ]
    assert national.national().next_notice_from == min((d.month, d.day) for d in changed)
    assert STRICT.pending_days == PENDING_2026
    assert all(STRICT.pending_days[0].replace(year=d.year) <= d for d in changed)


def test_the_derivation_reads_the_data_it_is_given() -> None:
    nat = national.national()
    assert national.next_notice_from(nat.days_off, nat.workdays) == (12, 29)
    # Without the 2008 and 2019 notices' days, 30 December (2006, the 2007 notice) is first.
    drop = {D(2007, 12, 29), D(2007, 12, 31), D(2018, 12, 29), D(2018, 12, 31)}
    off = {d: n for d, n in nat.days_off.items() if d not in drop}
    work = {d: n for d, n in nat.workdays.items() if d not in drop}
    assert national.next_notice_from(off, work) == (12, 30)
    assert national.next_notice_from({}, {}) is None


# -- the calendar -----------------------------------------------------------------


def test_the_last_days_of_2026_are_not_final_until_2027_is_in() -> None:
    cov = STRICT.coverage
    assert (cov.last, cov.estimated_until) == (D(2026, 12, 28), D(2026, 12, 31))
    assert not cov.covers(D(2026, 12, 29))
    info = STRICT.day_info(D(2026, 12, 31))
    assert info.status is DataStatus.ESTIMATED
    assert info.is_workday  # the year's own data stays the primary answer
    assert "2027" in info.source
    assert STRICT.day_info(D(2026, 12, 28)).status is DataStatus.OFFICIAL
    with pytest.raises(ProvisionalAnswerError):
        STRICT.is_workday(D(2026, 12, 30))
    assert STRICT.is_workday(D(2026, 12, 28))
    assert tuple(ALLOW.estimated_ordinals()[:3]) == tuple(d.toordinal() for d in PENDING_2026)


def test_year_end_final_keeps_the_old_answers() -> None:
    assert FINAL.pending_days == ()
    assert FINAL.coverage.last == D(2026, 12, 31)
    assert FINAL.coverage.estimated_until is None
    assert FINAL.is_workday(D(2026, 12, 31))
    assert FINAL.add_workdays(D(2026, 12, 1), 20) == D(2026, 12, 29)
    assert "year_end=YearEnd.FINAL" in repr(FINAL)
    assert "year_end" not in repr(STRICT)
    assert FINAL.fingerprint != STRICT.fingerprint
    assert FINAL.year_end is YearEnd.FINAL
    assert STRICT.year_end is YearEnd.PENDING


def test_year_end_must_be_a_year_end() -> None:
    with pytest.raises(InvalidValueError, match="year_end"):
        WorkdayCalendar(year_end="final")  # type: ignore[arg-type]  # the check under test


def test_an_answer_on_a_pending_day_is_provisional_with_both_outcomes() -> None:
    # Day 0 Tue 2026-12-01: 12-02..04 (3), 07..11 (8), 14..18 (13), 21..25 (18), 28 (19),
    # 29 (20). Were 29–31 December off, the 20th would be the first working day of 2027
    # after 1–3 January (元旦, counted on the estimate of 2027): Mon 01-04.
    for calendar in (STRICT, ALLOW):
        result = calendar.add_workdays_result(D(2026, 12, 1), 20)
        assert (result.value, result.provisional) == (D(2026, 12, 29), True)
        assert (result.low, result.high) == (D(2026, 12, 29), D(2027, 1, 4))
        assert result.estimated_days == (D(2026, 12, 29),)
    with pytest.raises(ProvisionalAnswerError):
        STRICT.add_workdays(D(2026, 12, 1), 20)
    # The answer itself never leaves a strict calendar's data.
    with pytest.raises(CoverageError):
        STRICT.add_workdays_result(D(2026, 12, 10), 20)
    # Before the window nothing changes.
    early = STRICT.add_workdays_result(D(2026, 11, 20), 20)
    assert (early.value, early.provisional) == (D(2026, 12, 18), False)


def test_weekend_days_among_them_may_be_worked() -> None:
    # Covering overlays for 2027 and 2028 (TEST DATA; 2028 the statutory days only):
    # Fri 29, Sat 30 and Sun 31 December 2028 wait for the 2029 notice.
    fake_2028 = Overlay(
        "测试：2028年（test data）",
        tuple(
            OverlayEntry(d, OverlayKind.DAY_OFF, n, "测试") for d, n in statutory_days(2028).items()
        ),
        scope=OverlayScope.NATIONAL,
        covers=(2028,),
    )
    calendar = WorkdayCalendar([Overlay.from_notice(NOTICE_2027), fake_2028])
    assert calendar.pending_days == (D(2028, 12, 29), D(2028, 12, 30), D(2028, 12, 31))
    between = calendar.workdays_between_result(D(2028, 12, 28), D(2028, 12, 31))
    assert (between.value, between.low, between.high) == (1, 0, 3)


def test_deadlines_received_early_in_december_are_provisional() -> None:
    for calendar in (STRICT, ALLOW):
        d = compute_deadline(D(2026, 12, 1), policy=R2019, calendar=calendar)
        assert (d.due, d.provisional, d.low, d.high) == (
            D(2026, 12, 29),
            True,
            D(2026, 12, 29),
            D(2027, 1, 4),
        )
        assert "（估计，可能范围 2026-12-29 至 2027-01-04）" in d.explain()
        status = d.status(D(2026, 12, 30))
        assert status.provisional
    assert not compute_deadline(D(2026, 11, 20), policy=R2019, calendar=STRICT).provisional


def test_a_notice_for_the_next_year_makes_them_final() -> None:
    final = WorkdayCalendar([Overlay.from_notice(NOTICE_2027)])
    assert final.pending_days == (D(2027, 12, 29), D(2027, 12, 30), D(2027, 12, 31))
    assert final.day_info(D(2026, 12, 31)).status is DataStatus.OFFICIAL
    result = final.add_workdays_result(D(2026, 12, 1), 20)
    assert (result.value, result.provisional) == (D(2026, 12, 29), False)
    moved = WorkdayCalendar([Overlay.from_notice(NOTICE_2027_FROM_DECEMBER)])
    info = moved.day_info(D(2026, 12, 31))
    assert (info.is_workday, info.status, info.name) == (False, DataStatus.CONFIRMED, "元旦")


# -- recompute ----------------------------------------------------------------------


def _case(number: str, received: dt.date, calendar: WorkdayCalendar) -> Case:
    return Case.open(
        number,
        applicant=Applicant(ApplicantKind.NATURAL_PERSON, "申请人"),
        request=InformationRequest("某信息", ProvisionForm.PAPER, DeliveryMethod.POST),
        channel=Channel.IN_PERSON,
        received=received,
        calendar=calendar,
    )


@pytest.mark.parametrize("calendar", [STRICT, ALLOW], ids=["strict", "allow"])
def test_recompute_reports_them_turning_final(calendar: WorkdayCalendar) -> None:
    early = _case("2026-601", D(2026, 12, 1), calendar)  # due Tue 12-29
    last = _case("2026-602", D(2026, 12, 3), calendar)  # due Thu 12-31
    for case in (early, last):
        deadline = case.deadline()
        assert deadline is not None
        assert deadline.provisional

    (a, b) = recompute([early, last], WorkdayCalendar([Overlay.from_notice(NOTICE_2027)]))
    assert [(c.what, c.before, c.after, c.moved_by, c.became_final) for c in a.changes] == [
        ("reply", D(2026, 12, 29), D(2026, 12, 29), 0, True)
    ]
    assert [(c.before, c.after, c.became_final) for c in b.changes] == [
        (D(2026, 12, 31), D(2026, 12, 31), True)
    ]

    # A notice that gives 31 December off moves the second one to Mon 2027-01-04.
    (a, b) = recompute(
        [early, last], WorkdayCalendar([Overlay.from_notice(NOTICE_2027_FROM_DECEMBER)])
    )
    assert [(c.before, c.after, c.became_final) for c in a.changes] == [
        (D(2026, 12, 29), D(2026, 12, 29), True)
    ]
    assert [(c.before, c.after, c.moved_by, c.became_final) for c in b.changes] == [
        (D(2026, 12, 31), D(2027, 1, 4), 1, True)
    ]
    assert early.calendar is calendar  # left as they were


# -- the fast paths agree -------------------------------------------------------------

DAY0S = [D(2026, 11, 25) + k * ONE for k in range(37)]  # to 2026-12-31


@pytest.mark.parametrize("calendar", [STRICT, ALLOW], ids=["strict", "allow"])
def test_the_fast_paths_agree_around_the_pending_days(calendar: WorkdayCalendar) -> None:
    # compute_deadline (clock/ranked.py first) against the general path; the status
    # (clock/ranked_status.py first) against the general status; the numpy path
    # (clock/vectorized.py) against both; workdays/vectorized.py against the scalar API.
    pauses = [(), (Pause(D(2026, 12, 2), D(2026, 12, 8), PauseReason.THIRD_PARTY),)]
    for day0 in DAY0S:
        for events in pauses:
            if events and events[0].start < day0:
                continue
            try:
                fast = compute_deadline(day0, events, policy=R2019, calendar=calendar)
            except CoverageError:
                with pytest.raises(CoverageError):
                    _general(day0, tuple(events), R2019, calendar)
                continue
            assert fast == _general(day0, tuple(events), R2019, calendar)
            for as_of in (D(2026, 12, 28), D(2026, 12, 29), D(2026, 12, 31)):
                if as_of < day0:
                    continue
                quick = ranked_status._ranked_status(fast, as_of, deadline_module._new_status)
                general = deadline_module._general_status(fast, as_of)
                assert quick is None or quick == general
                assert fast.status(as_of) == general
    finite = [d for d in DAY0S if d <= (D(2026, 12, 2) if calendar is STRICT else D(2026, 12, 30))]
    starts = np.array([d.isoformat() for d in finite], dtype="datetime64[D]")
    got = deadlines_array(
        starts, as_of=np.datetime64("2026-12-30"), policy=R2019, calendar=calendar
    )
    for i, d in enumerate(finite):
        scalar = compute_deadline(d, policy=R2019, calendar=calendar)
        assert got.due[i].astype(dt.date) == scalar.due
        assert bool(got.provisional[i]) == scalar.status(D(2026, 12, 30)).provisional
    with pytest.raises(ProvisionalAnswerError):
        add_workdays_array(calendar, starts[-2:] if calendar is ALLOW else starts, 20)


def test_a_pending_day_says_why_in_either_language() -> None:
    from disclosure_flow import WorkdayCalendar

    calendar = WorkdayCalendar()
    last = calendar.coverage.last
    pending = [
        info
        for info in (calendar.day_info(last + dt.timedelta(days=n)) for n in range(1, 4))
        if info.status is DataStatus.ESTIMATED
    ]
    assert pending, "the days after coverage.last in its year are pending"
    for info in pending:
        following = info.day.year + 1
        assert f"{following} holiday notice" in info.describe_source("en")
        zh = info.describe_source("zh")
        assert zh.startswith("年末待定")
        assert f"{following}年" in zh
