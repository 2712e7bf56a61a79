"""Sub-deadlines and remedy periods (子期限与救济期限).

Besides the reply deadline (:mod:`disclosure_flow.clock`), a request has shorter
periods — the correction notice, a consultee's answer, the applicant's payment — and
after the reply the applicant's remedies. :func:`period_end` computes any of them
under a :class:`~disclosure_flow.clock.policy.Policy`; :class:`PeriodKind` says from which
day each one counts.

Readings chosen (documented here because the texts leave room):

- Working-day periods count like the reply period (SPEC §2): the start day is day 0,
  not counted, and the due date is working day *n* after it.
- Fee payment: FEES gives the applicant 20 working days "在收到收费通知次日起". The
  count *begins* with the day after receipt, so that day, if a working day, is working
  day 1 — the same as taking the receipt day as day 0 (民法典 Art. 201: 开始的当日不计入，
  自下一日开始计算). It is not read as "day 0 = the day after receipt", which would give
  the applicant one more working day. This period ignores ``Policy.day_zero``: its
  text fixes the start.
- Remedies are calendar periods (SPEC §8), from the day the applicant learned of the
  act (not counted). Days: start + *n* days. Months: the same day of the month *n*
  months later, or the month's last day when that month is shorter (民法典 Art. 202:
  "没有对应日的，月末日为期间的最后一日"; e.g. 6 months from 08-31 ends on 02-28 or
  02-29) — exactly :class:`dateutil.relativedelta.relativedelta`. A last day that is not
  a working day moves to the next working day (民事诉讼法 Art. 85, applied to
  reconsideration by 行政复议法 Art. 88 and to litigation by 行政诉讼法 Art. 101),
  unless ``Policy.remedy_last_day`` says otherwise; make-up working Saturdays are
  working days and do not move it.

>>> import datetime as dt
>>> from disclosure_flow import WorkdayCalendar
>>> from disclosure_flow.clock.periods import PeriodKind, period_end
>>> from disclosure_flow.clock.policy import R2019
>>> cal = WorkdayCalendar()
>>> period_end(PeriodKind.CORRECTION_NOTICE, dt.date(2026, 9, 28), policy=R2019, calendar=cal).due
datetime.date(2026, 10, 13)
>>> end = period_end(PeriodKind.LITIGATION, dt.date(2026, 3, 31), policy=R2019, calendar=cal)
>>> end.counted, end.due
(datetime.date(2026, 9, 30), datetime.date(2026, 9, 30))
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from disclosure_flow import _fields
from disclosure_flow.clock.policy import (
    LITIGATION_1989,
    LITIGATION_LAW_2014,
    R2019,
    RECONSIDERATION_1999,
    RECONSIDERATION_LAW_2023,
    DayZero,
    LegalPeriod,
    PeriodUnit,
    Policy,
    RemedyLastDay,
)
from disclosure_flow.dates import check_date
from disclosure_flow.errors import ClockError, InvalidValueError, Wording
from disclosure_flow.workdays import WorkdayCalendar

__all__ = ["PeriodEnd", "PeriodKind", "period_counted", "period_end"]

_ONE_DAY = _dt.timedelta(days=1)


class PeriodKind(enum.Enum):
    """Which period, and the day it counts from (子期限种类).

    Members:
        CORRECTION_NOTICE: 补正告知期限, from day 0 (the receipt date); R2019 Art. 30.
        THIRD_PARTY_ANSWER: 第三方答复期限, from the day the third party receives the
            consultation letter; R2019 Art. 32.
        INTER_AGENCY_ANSWER: 其他机关答复期限, from the day the other agency receives
            the letter; R2019 Art. 34.
        FEE_PAYMENT: 缴费期限, from the day the applicant receives the fee notice
            (counting begins the next day); FEES.
        PROACTIVE_PUBLICATION: 主动公开期限, from the day the information is created or
            changed; R2019 Art. 26.
        RECONSIDERATION: 行政复议申请期限, from the day the applicant learned of the act
            (the 1999 law's Art. 9 for an act before 2024-01-01: the same 60 days).
        LITIGATION: 行政诉讼起诉期限, from the day the applicant learned of the act (the
            1989 law's 3 months, Art. 39, for an act known before 2015-05-01).
        RECONSIDERATION_CAP: the longest a reconsideration period runs when the reply
            did not state the remedies: one year from learning of the act (行政复议法
            2023 Art. 20 ¶3).
        LITIGATION_AFTER_RECONSIDERATION: a suit after a reconsideration, from receiving
            its decision: 15 days (行政诉讼法 Art. 45).
        RECONSIDERATION_DECISION: the reconsideration body's time limit to decide, from
            the filing: 60 days (行政复议法 2023 Art. 62).
    """

    CORRECTION_NOTICE = "correction_notice_period"
    THIRD_PARTY_ANSWER = "third_party_answer_period"
    INTER_AGENCY_ANSWER = "inter_agency_answer_period"
    FEE_PAYMENT = "fee_payment_period"
    PROACTIVE_PUBLICATION = "proactive_publication_period"
    RECONSIDERATION = "reconsideration_period"
    LITIGATION = "litigation_period"
    RECONSIDERATION_CAP = "reconsideration_cap_period"
    LITIGATION_AFTER_RECONSIDERATION = "litigation_after_reconsideration_period"
    RECONSIDERATION_DECISION = "reconsideration_decision_period"

    def __repr__(self) -> str:
        return f"PeriodKind.{self.name}"


@attrs.frozen
class PeriodEnd:
    """The last day of a period, and how sure it is (期限届满日).

    Attributes:
        kind: which period.
        start: the day it counts from (not itself counted).
        period: the length and its legal source, from the policy.
        counted: the day reached by counting; for a remedy, before moving off a day off.
        due: the last day of the period (to the end of that day).
        provisional: whether an estimated calendar day was involved (估计，待确认).
        low: the earliest plausible ``due`` (``== due`` when final).
        high: the latest plausible ``due``.
        fingerprint: the calendar's fingerprint.
    """

    kind: PeriodKind
    start: _dt.date
    period: LegalPeriod
    counted: _dt.date
    due: _dt.date
    provisional: bool
    low: _dt.date
    high: _dt.date
    fingerprint: str


def period_end(
    kind: PeriodKind | str, start: _dt.date, *, policy: Policy, calendar: WorkdayCalendar
) -> PeriodEnd:
    """The last day of period *kind* (a :class:`PeriodKind` or its value, e.g.
    ``"reconsideration_period"``) counted from *start* under *policy*.

    *policy* and *calendar* have no default: a period belongs to a case, whose rules
    are those of its day 0 (not of *start*) and whose calendar is the host's.

    Raises:
        InvalidDateError: *start* is not a ``datetime.date``.
        InvalidValueError: *kind* is not a :class:`PeriodKind`, or *policy* sets no such
            period (e.g. R2008 has no correction-notice period).
        ClockError: the period would end after 9999-12-31.
        CoverageError: a strict calendar lacks the days needed.
    """
    kind = _fields.to_member(PeriodKind, kind, "kind")
    start = check_date(start, "start")
    if not isinstance(policy, Policy):
        raise InvalidValueError(
            "policy",
            policy,
            Wording(
                "a Policy, e.g. disclosure_flow.R2019", "Policy 规则集，如 disclosure_flow.R2019"
            ),
        )
    if not isinstance(calendar, WorkdayCalendar):
        raise InvalidValueError(
            "calendar", calendar, Wording("a WorkdayCalendar", "WorkdayCalendar 工作日历")
        )
    period: LegalPeriod | None = _in_force(kind, start, getattr(policy, kind.value))
    if period is None:
        raise InvalidValueError(
            f"policy.{kind.value}",
            None,
            Wording(
                f"a policy that sets this period ({policy.name} does not)",
                f"设定了此期间的规则集（{policy.name} 没有设定）",
            ),
        )
    if period.unit is PeriodUnit.WORKING_DAYS:
        origin = start
        if policy.day_zero is DayZero.COUNTED and kind is not PeriodKind.FEE_PAYMENT:
            origin -= _ONE_DAY
        result = calendar.add_workdays_result(origin, period.length)
        counted = result.value
    else:
        counted = _calendar_count(kind, start, period)
        if policy.remedy_last_day is RemedyLastDay.AS_COUNTED:
            return PeriodEnd(
                kind, start, period, counted, counted, False, counted, counted, calendar.fingerprint
            )
        # The first working day on or after the counted day.
        result = calendar.add_workdays_result(counted - _ONE_DAY, 1)
    return PeriodEnd(
        kind,
        start,
        period,
        counted,
        result.value,
        result.provisional,
        result.low,
        result.high,
        calendar.fingerprint,
    )


def period_counted(kind: PeriodKind | str, start: _dt.date, *, policy: Policy) -> _dt.date:
    """The day a calendar period (days or months: the remedies) reaches from *start*,
    before it is moved off a day off — known without any calendar. An act on or before
    it is in time whatever the calendar says (期限届满日，不含节假日顺延).

    Raises:
        InvalidValueError: *kind* is a working-day period, or *policy* sets none.
    """
    kind = _fields.to_member(PeriodKind, kind, "kind")
    period: LegalPeriod | None = _in_force(kind, start, getattr(policy, kind.value))
    if period is None or period.unit is PeriodUnit.WORKING_DAYS:
        raise InvalidValueError(
            "kind",
            kind,
            Wording(
                "a period in days or months that the policy sets", "规则集设定的以日或月计的期间"
            ),
        )
    return _calendar_count(kind, start, period)


def _calendar_count(kind: PeriodKind, start: _dt.date, period: LegalPeriod) -> _dt.date:
    """*start* plus a period in days or months; one that would end after 9999-12-31 (the
    last date Python holds: stored dates may be that far off) is a :class:`ClockError`."""
    try:
        if period.unit is PeriodUnit.DAYS:
            return start + _dt.timedelta(days=period.length)
        return start + relativedelta(months=period.length)
    except (OverflowError, ValueError):
        raise ClockError(
            Wording(f"{kind.value} start", f"{kind.value} 起算日"),
            start,
            Wording(
                "a start whose period ends by 9999-12-31", "期间在 9999-12-31 之前届满的起算日"
            ),
        ) from None


def _in_force(kind: PeriodKind, start: _dt.date, period: LegalPeriod | None) -> LegalPeriod | None:
    """The remedy law in force for an act known on *start*: the 1989 litigation period
    before 2015-05-01, the 1999 reconsideration article before 2024-01-01. A host's own
    period (not the national one) is kept as it is."""
    if (
        kind is PeriodKind.LITIGATION
        and start < LITIGATION_LAW_2014
        and period == _NATIONAL_LITIGATION
    ):
        return LITIGATION_1989
    if (
        kind is PeriodKind.RECONSIDERATION
        and start < RECONSIDERATION_LAW_2023
        and period == _NATIONAL_RECONSIDERATION
    ):
        return RECONSIDERATION_1999
    return period


_NATIONAL_LITIGATION: Final = R2019.litigation_period
_NATIONAL_RECONSIDERATION: Final = R2019.reconsideration_period
