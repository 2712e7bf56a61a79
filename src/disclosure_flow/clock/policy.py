"""Legal policies (适用规则): every time limit of the regulation, as data, with its article.

A :class:`Policy` holds the numbers of SPEC §4 — reply period (答复期限), extension
cap (延长期限上限), correction-notice period (补正告知期限), third-party and
inter-agency answer periods, fee-payment period, proactive-publication period — and
the remedies' calendar periods (SPEC §8), each as a :class:`LegalPeriod` carrying its
article. Each *convention* (where the law is silent, SPEC §2/§4/§10) is a named
keyword-only enum option. Nothing else in the library writes these numbers.

Two presets: :data:`R2019` (State Council Order 711, in force 2019-05-15) and
:data:`R2008` (Order 492, 2008-05-01 to 2019-05-14). A host makes its own policy
with :func:`attrs.evolve`, and it is validated like any other:

>>> import attrs
>>> from disclosure_flow.clock.policy import R2008, R2019, LegalPeriod, PauseReason
>>> R2019.reply_period
LegalPeriod(length=20, unit=PeriodUnit.WORKING_DAYS, article='条例(2019) Art. 33 ¶2')
>>> R2008.reply_period.length, R2008.extension_cap.length
(15, 15)
>>> sorted(r.name for r in R2008.excluded_pauses)
['THIRD_PARTY']
>>> strict = attrs.evolve(R2019, name="某省", reply_period=LegalPeriod.working_days(15, "某省规定"))
>>> strict.reply_period.length
15
>>> attrs.evolve(R2019, extension_cap=LegalPeriod.working_days(-1, "?"))
Traceback (most recent call last):
...
disclosure_flow.errors.InvalidValueError: LegalPeriod.length: invalid value -1; allowed: an int >= 0
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable
from typing import Any, Final

import attrs

from disclosure_flow import _fields
from disclosure_flow.errors import InvalidValueError, Wording

__all__ = [
    "LITIGATION_1989",
    "LITIGATION_LAW_2014",
    "R2008",
    "R2019",
    "RECONSIDERATION_1999",
    "RECONSIDERATION_FIRST_FROM",
    "RECONSIDERATION_LAW_2023",
    "DayZero",
    "ItemCounting",
    "LateActs",
    "LegalPeriod",
    "PauseBounds",
    "PauseReason",
    "PeriodUnit",
    "Policy",
    "PolicyDates",
    "RemedyLastDay",
    "policy_in_force",
]


class PeriodUnit(enum.Enum):
    """The unit a legal period is counted in (期间单位).

    Members:
        WORKING_DAYS: working days (工作日), on a :class:`~disclosure_flow.WorkdayCalendar`.
        DAYS: calendar days (日), e.g. administrative reconsideration's 60 days.
        MONTHS: calendar months (月), e.g. litigation's 6 months.
    """

    WORKING_DAYS = "working_days"
    DAYS = "days"
    MONTHS = "months"

    def __repr__(self) -> str:
        return f"PeriodUnit.{self.name}"


class PauseReason(enum.Enum):
    """Why the reply clock may stop (暂停计时的事由).

    Members:
        THIRD_PARTY: consultation of a third party (征求第三方意见), R2019 Art. 32/33,
            R2008 Art. 23/24.
        INTER_AGENCY: consultation of another agency (征求其他机关意见), R2019 Art. 34/33.
        FEE: from the fee notice to payment (收费通知至缴费), FEES; excluded by
            convention.
    """

    THIRD_PARTY = "third_party"
    INTER_AGENCY = "inter_agency"
    FEE = "fee"

    # Members are singletons compared by identity: hash them by identity too, in C
    # (Enum's own __hash__ is Python code; the clock tests membership per pause).
    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return f"PauseReason.{self.name}"

    @property
    def label_zh(self) -> str:
        """The Chinese name of the reason."""
        return _REASON_ZH[self]


_REASON_ZH = {
    PauseReason.THIRD_PARTY: "征求第三方意见",
    PauseReason.INTER_AGENCY: "征求其他机关意见",
    PauseReason.FEE: "收费通知至缴费",
}


class DayZero(enum.Enum):
    """Whether day 0 itself counts (起算日是否计入). [convention, SPEC §2]

    Members:
        NOT_COUNTED: day 0 is not counted; working day 1 is the first working day
            after it (民法典 Art. 201; default).
        COUNTED: day 0 counts as working day 1 when it is a working day (a stricter
            local rule).
    """

    NOT_COUNTED = "not_counted"
    COUNTED = "counted"


class PauseBounds(enum.Enum):
    """Which days a pause from *s* to *e* removes from the count. [convention, SPEC §2]

    Members:
        AFTER_START_TO_END: working days *d* with ``s < d <= e`` (default: the day a
            letter is issued still counts for the agency; the day the answer arrives
            does not).
        START_TO_END: ``s <= d <= e`` (neither day counts).
        AFTER_START_BEFORE_END: ``s < d < e`` (both days count).
    """

    AFTER_START_TO_END = "(s, e]"
    START_TO_END = "[s, e]"
    AFTER_START_BEFORE_END = "(s, e)"


class LateActs(enum.Enum):
    """What the clock does with an act that came after its period (逾期行为的处理). [SPEC §10]

    Applies to a correction notice after its period and to an extension or an Art. 35
    delayed deadline decided after the deadline had passed. (A late reply is always
    recorded with a finding.)

    Members:
        REFUSE: raise :class:`~disclosure_flow.errors.LateActError` (default).
        RECORD: accept it and attach a compliance finding (合规问题) to the deadline.
    """

    REFUSE = "refuse"
    RECORD = "record"


class RemedyLastDay(enum.Enum):
    """What happens when a remedy period ends on a day off (期间届满日遇节假日).

    Members:
        NEXT_WORKDAY: the period ends on the first working day after the day off
            (民事诉讼法 Art. 85, applied by 行政诉讼法 Art. 101 and 行政复议法 (2023)
            Art. 88; weekends count as days off in court practice; default).
        AS_COUNTED: the counted day is the last day, whatever it is.
    """

    NEXT_WORKDAY = "next_workday"
    AS_COUNTED = "as_counted"


def _check_length(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if type(value) is not int or value < 0:
        raise InvalidValueError(
            "LegalPeriod.length", value, Wording("an int >= 0", "不小于 0 的整数")
        )


def _check_text(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(attribute.name, value, Wording("a non-empty str", "非空字符串"))


def _period_unit(value: PeriodUnit | str) -> PeriodUnit:
    return _fields.to_member(PeriodUnit, value, "unit")


@attrs.frozen
class LegalPeriod:
    """A time limit and where the law sets it (法定期限).

    Attributes:
        length: how many units (>= 0).
        unit: working days, calendar days or months.
        article: the legal source, e.g. ``"条例(2019) Art. 33 ¶2"``.
    """

    length: int = attrs.field(validator=_check_length)
    unit: PeriodUnit = attrs.field(converter=_period_unit)
    article: str = attrs.field(validator=_check_text)

    @classmethod
    def working_days(cls, length: int, article: str) -> LegalPeriod:
        """A period of *length* working days (工作日)."""
        return cls(length, PeriodUnit.WORKING_DAYS, article)

    def __str__(self) -> str:
        unit = {"working_days": "个工作日", "days": "日", "months": "个月"}[self.unit.value]
        return f"{self.length}{unit}（{self.article}）"


def _period(*, unit: PeriodUnit | tuple[PeriodUnit, ...], optional: bool, minimum: int = 0) -> Any:
    units = unit if isinstance(unit, tuple) else (unit,)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, LegalPeriod):
            allowed = Wording(
                "a LegalPeriod" + (" or None (the law sets no such period)" * optional),
                "LegalPeriod 法定期间" + ("，或 None（法律未规定此期间）" * optional),
            )
            raise InvalidValueError(attribute.name, value, allowed)
        if value.unit not in units:
            raise InvalidValueError.choice(f"{attribute.name}.unit", value.unit, units)
        if value.length < minimum:
            raise InvalidValueError(
                f"{attribute.name}.length", value.length, Wording(f">= {minimum}", f">= {minimum}")
            )

    return check


def _optional_day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not _dt.date):
        raise InvalidValueError(
            attribute.name, value, Wording("a datetime.date or None", "datetime.date 日期或 None")
        )


_WD = PeriodUnit.WORKING_DAYS


class ItemCounting(enum.Enum):
    """How table 三 counts an application of several items (一件申请多项内容的统计口径).

    Members:
        APPLICATION: once, under the outcome combined from its items (default
            [convention]; FORMAT: a 区分处理 counts only under （二）).
        ITEM: each item as an application of its own (一事一申请, FEES Art. 4).
    """

    APPLICATION = "application"
    ITEM = "item"


def _to_reasons(value: Iterable[PauseReason | str]) -> frozenset[PauseReason]:
    if isinstance(value, PauseReason | str) or not isinstance(value, Iterable):
        raise InvalidValueError(
            "excluded_pauses",
            value,
            Wording(
                "a set of PauseReason members, e.g. {PauseReason.FEE}",
                "PauseReason 成员的集合，如 {PauseReason.FEE}",
            ),
        )
    return frozenset(_fields.to_members(PauseReason, value, "excluded_pauses"))


# The enum options of a Policy, each a member or its value (_fields.to_member).
def _day_zero(value: DayZero | str) -> DayZero:
    return _fields.to_member(DayZero, value, "day_zero")


def _pause_bounds(value: PauseBounds | str) -> PauseBounds:
    return _fields.to_member(PauseBounds, value, "pause_bounds")


def _late_acts(value: LateActs | str) -> LateActs:
    return _fields.to_member(LateActs, value, "late_acts")


def _remedy_last_day(value: RemedyLastDay | str) -> RemedyLastDay:
    return _fields.to_member(RemedyLastDay, value, "remedy_last_day")


def _item_counting(value: ItemCounting | str) -> ItemCounting:
    return _fields.to_member(ItemCounting, value, "item_counting")


@attrs.frozen(kw_only=True)
class Policy:
    """The rules a deadline is computed under (适用规则): numbers with their articles, and
    the conventions chosen where the law is silent.

    Attributes:
        name: a short name for explanations and audits, e.g. ``"R2019"``.
        reply_period: the reply period (答复期限), working days after day 0: R2019
            Art. 33 ¶2 (20), R2008 Art. 24 ¶2 (15). At least 1.
        extension_cap: the most the reply period may be extended in total (延长答复期限
            上限), approved by the head of the OGI office: R2019 Art. 33 ¶2 (20), R2008
            Art. 24 ¶2 (15). 0 forbids extensions.
        correction_notice_period: within how many working days of day 0 a correction
            notice must go out (补正告知期限): R2019 Art. 30 (7); ``None`` under R2008.
        third_party_answer_period: the third party's answer period after it receives
            the letter (第三方答复期限): R2019 Art. 32 (15); ``None`` under R2008 (Art. 23
            sets none).
        inter_agency_answer_period: the other agency's answer period after it receives
            the letter (其他机关答复期限): R2019 Art. 34 (15); ``None`` under R2008.
        fee_payment_period: the applicant's payment period, counted from the day after
            the fee notice is received (缴费期限): FEES (20); ``None`` under R2008
            (cost-based fees, no payment period).
        proactive_publication_period: publish within this many working days of the
            information being created or changed (主动公开期限): R2019 Art. 26, R2008
            Art. 18 (20 both).
        reconsideration_period: administrative reconsideration (行政复议申请期限), from
            learning of the act: 60 days, 行政复议法 (2023) Art. 20.
        litigation_period: litigation (行政诉讼起诉期限), from learning of the act: 6
            months, 行政诉讼法 Art. 46 (for an act known before 2015-05-01, the 1989 law's
            3 months, :data:`LITIGATION_1989`).
        reconsideration_cap_period: when the reply did not state the remedies, the
            reconsideration period runs from learning of them, but ends at the latest
            this long after learning of the act: one year, 行政复议法 (2023) Art. 20 ¶3.
        litigation_after_reconsideration_period: a suit after a reconsideration, from
            receiving its decision (or from the end of the body's time limit if it
            decided nothing): 15 days, 行政诉讼法 Art. 45.
        reconsideration_decision_period: the reconsideration body's time limit to
            decide, from accepting the application: 60 days, 行政复议法 (2023) Art. 62
            (an extension by the body is not modelled [convention]: the host records the
            decision when it comes).
        delayed_deadline_article: where the law lets the agency set a later reply
            deadline for a request it cannot answer in time (延迟答复, R2019 Art. 35);
            ``None`` under R2008, which has no such rule.
        excluded_pauses: the pause reasons whose time is not counted in the reply
            period (不计入答复期限的时间): R2019 Art. 33 ¶3 third party and other agency,
            plus fee notice to payment by [convention]; R2008 Art. 24 ¶3 third party only.
        day_zero: whether day 0 counts [convention]; default not counted.
        pause_bounds: which days a pause removes [convention]; default ``(s, e]``.
        late_acts: refuse or record acts after their period [convention]; default refuse.
        remedy_last_day: a remedy period ending on a day off; default moves to the next
            working day.
        in_force_from: the first day the rules applied to a request's day 0, or ``None``
            (a host's own policy: any day). R2019: 2019-05-15.
        in_force_until: the last such day, or ``None`` (still in force). R2008:
            2019-05-14 (SPEC §12: a request follows the regulation of its day 0).
        item_counting: how the annual report counts an application of several items;
            default once per application [convention].

    Each enum option (枚举选项: ``day_zero``, ``pause_bounds``, ``late_acts``,
    ``remedy_last_day``, ``item_counting``, the members of ``excluded_pauses``) takes a
    member or its value, e.g. ``late_acts="record"`` for :attr:`LateActs.RECORD`.
    """

    name: str = attrs.field(validator=_check_text)
    reply_period: LegalPeriod = attrs.field(validator=_period(unit=_WD, optional=False, minimum=1))
    extension_cap: LegalPeriod = attrs.field(validator=_period(unit=_WD, optional=False, minimum=0))
    correction_notice_period: LegalPeriod | None = attrs.field(
        validator=_period(unit=_WD, optional=True, minimum=1)
    )
    third_party_answer_period: LegalPeriod | None = attrs.field(
        validator=_period(unit=_WD, optional=True, minimum=1)
    )
    inter_agency_answer_period: LegalPeriod | None = attrs.field(
        validator=_period(unit=_WD, optional=True, minimum=1)
    )
    fee_payment_period: LegalPeriod | None = attrs.field(
        validator=_period(unit=_WD, optional=True, minimum=1)
    )
    proactive_publication_period: LegalPeriod = attrs.field(
        validator=_period(unit=_WD, optional=False, minimum=1)
    )
    reconsideration_period: LegalPeriod = attrs.field(
        validator=_period(unit=(PeriodUnit.DAYS, PeriodUnit.MONTHS), optional=False, minimum=1)
    )
    litigation_period: LegalPeriod = attrs.field(
        validator=_period(unit=(PeriodUnit.DAYS, PeriodUnit.MONTHS), optional=False, minimum=1)
    )
    delayed_deadline_article: str | None = attrs.field(
        validator=attrs.validators.optional(_check_text)
    )
    reconsideration_cap_period: LegalPeriod = attrs.field(
        factory=lambda: _RECONSIDERATION_CAP,
        validator=_period(unit=(PeriodUnit.DAYS, PeriodUnit.MONTHS), optional=False, minimum=1),
    )
    litigation_after_reconsideration_period: LegalPeriod = attrs.field(
        factory=lambda: _LITIGATION_AFTER_RECONSIDERATION,
        validator=_period(unit=(PeriodUnit.DAYS, PeriodUnit.MONTHS), optional=False, minimum=1),
    )
    reconsideration_decision_period: LegalPeriod = attrs.field(
        factory=lambda: _RECONSIDERATION_DECISION,
        validator=_period(unit=(PeriodUnit.DAYS, PeriodUnit.MONTHS), optional=False, minimum=1),
    )
    excluded_pauses: frozenset[PauseReason] = attrs.field(converter=_to_reasons)
    day_zero: DayZero = attrs.field(default=DayZero.NOT_COUNTED, converter=_day_zero)
    pause_bounds: PauseBounds = attrs.field(
        default=PauseBounds.AFTER_START_TO_END, converter=_pause_bounds
    )
    late_acts: LateActs = attrs.field(default=LateActs.REFUSE, converter=_late_acts)
    remedy_last_day: RemedyLastDay = attrs.field(
        default=RemedyLastDay.NEXT_WORKDAY, converter=_remedy_last_day
    )
    in_force_from: _dt.date | None = attrs.field(default=None, validator=_optional_day)
    in_force_until: _dt.date | None = attrs.field(default=None, validator=_optional_day)
    item_counting: ItemCounting = attrs.field(
        default=ItemCounting.APPLICATION, converter=_item_counting
    )

    def excludes(self, reason: PauseReason | str) -> bool:
        """Whether time paused for *reason* (a :class:`PauseReason` or its value) is left
        out of the reply period."""
        return _fields.to_member(PauseReason, reason, "reason") in self.excluded_pauses

    def in_force_on(self, day: _dt.date) -> bool:
        """Whether these rules applied to a request received on *day* (适用于该日收到的申请)."""
        if self.in_force_from is not None and day < self.in_force_from:
            return False
        return self.in_force_until is None or day <= self.in_force_until

    @property
    def in_force(self) -> str:
        """The days it applies to, e.g. ``"2008-05-01 to 2019-05-14"`` (for messages)."""
        first = "…" if self.in_force_from is None else self.in_force_from.isoformat()
        last = "…" if self.in_force_until is None else self.in_force_until.isoformat()
        return f"{first} to {last}"


class PolicyDates(enum.Enum):
    """Whether a case's policy must be the one in force on its day 0 (适用规则的时间效力).

    Members:
        IN_FORCE: it must (default): R2008 for day 0 from 2008-05-01 to 2019-05-14, R2019
            from 2019-05-15 (SPEC §12 [convention]: a request received before and
            answered after the revision follows the regulation of its day 0).
        ANY: any policy on any day — a simulation ("what if R2008 still applied?"),
            said out loud.
    """

    IN_FORCE = "in_force"
    ANY = "any"


def policy_in_force(day: _dt.date) -> Policy:
    """The national rules for a request received on *day*: :data:`R2019` from 2019-05-15,
    :data:`R2008` before.

    Raises:
        InvalidValueError: *day* is before 2008-05-01 (no regulation was in force).
    """
    if not isinstance(day, _dt.date) or isinstance(day, _dt.datetime):
        raise InvalidValueError("day", day, Wording("a datetime.date", "datetime.date 日期"))
    if R2019.in_force_on(day):
        return R2019
    if R2008.in_force_on(day):
        return R2008
    raise InvalidValueError(
        "day",
        day.isoformat(),
        Wording(
            f"a day from {R2008.in_force_from} (the regulation's first day)",
            f"{R2008.in_force_from}（条例施行首日）或之后的日期",
        ),
    )


_RECONSIDERATION = LegalPeriod(60, PeriodUnit.DAYS, "行政复议法(2023) Art. 20")
_LITIGATION = LegalPeriod(6, PeriodUnit.MONTHS, "行政诉讼法 Art. 46")
_RECONSIDERATION_CAP: Final[LegalPeriod] = LegalPeriod(
    12, PeriodUnit.MONTHS, "行政复议法(2023) Art. 20 ¶3"
)
_LITIGATION_AFTER_RECONSIDERATION: Final[LegalPeriod] = LegalPeriod(
    15, PeriodUnit.DAYS, "行政诉讼法 Art. 45"
)
_RECONSIDERATION_DECISION: Final[LegalPeriod] = LegalPeriod(
    60, PeriodUnit.DAYS, "行政复议法(2023) Art. 62"
)

#: 行政复议法 (2023 revision) in force: for an act before this day the 1999 law applies
#: (Art. 9: the same 60 days).
RECONSIDERATION_LAW_2023: Final = _dt.date(2024, 1, 1)
#: The reconsideration period under the 1999 law, for acts before 2024-01-01.
RECONSIDERATION_1999: Final = LegalPeriod(60, PeriodUnit.DAYS, "行政复议法(1999) Art. 9")
#: 行政诉讼法 (2014 revision) in force: for an act known before this day the 1989 law
#: applies (Art. 39: 3 months).
LITIGATION_LAW_2014: Final = _dt.date(2015, 5, 1)
#: The litigation period under the 1989 law, for acts known before 2015-05-01.
LITIGATION_1989: Final = LegalPeriod(3, PeriodUnit.MONTHS, "行政诉讼法(1989) Art. 39")
#: 行政复议法 (2023) Art. 23 ¶1(4): against a 不予公开 reply made on or after this day the
#: applicant must apply for reconsideration first (复议前置).
RECONSIDERATION_FIRST_FROM: Final = _dt.date(2024, 1, 1)

#: The regulation as revised by State Council Order 711 (国务院令第711号), in force
#: 2019-05-15.
R2019 = Policy(
    name="R2019",
    reply_period=LegalPeriod.working_days(20, "条例(2019) Art. 33 ¶2"),
    extension_cap=LegalPeriod.working_days(20, "条例(2019) Art. 33 ¶2"),
    correction_notice_period=LegalPeriod.working_days(7, "条例(2019) Art. 30"),
    third_party_answer_period=LegalPeriod.working_days(15, "条例(2019) Art. 32"),
    inter_agency_answer_period=LegalPeriod.working_days(15, "条例(2019) Art. 34"),
    fee_payment_period=LegalPeriod.working_days(20, "信息处理费管理办法(国办函〔2020〕109号)"),
    proactive_publication_period=LegalPeriod.working_days(20, "条例(2019) Art. 26"),
    reconsideration_period=_RECONSIDERATION,
    litigation_period=_LITIGATION,
    delayed_deadline_article="条例(2019) Art. 35",
    excluded_pauses={PauseReason.THIRD_PARTY, PauseReason.INTER_AGENCY, PauseReason.FEE},
    in_force_from=_dt.date(2019, 5, 15),
)

#: The original regulation, State Council Order 492 (国务院令第492号), in force
#: 2008-05-01 to 2019-05-14: 15 + 15 working days, no correction-notice period, only
#: third-party consultation excluded (Art. 24 ¶3).
R2008 = Policy(
    name="R2008",
    reply_period=LegalPeriod.working_days(15, "条例(2008) Art. 24 ¶2"),
    extension_cap=LegalPeriod.working_days(15, "条例(2008) Art. 24 ¶2"),
    correction_notice_period=None,
    third_party_answer_period=None,
    inter_agency_answer_period=None,
    fee_payment_period=None,
    proactive_publication_period=LegalPeriod.working_days(20, "条例(2008) Art. 18"),
    reconsideration_period=_RECONSIDERATION,
    litigation_period=_LITIGATION,
    delayed_deadline_article=None,
    excluded_pauses={PauseReason.THIRD_PARTY},
    in_force_from=_dt.date(2008, 5, 1),
    in_force_until=_dt.date(2019, 5, 14),
)
