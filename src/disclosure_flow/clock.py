"""The deadline clock (答复期限计算): a request's dated facts in, its reply deadline out.

:func:`compute_deadline` is pure: a function of day 0, the clock events, a
:class:`~disclosure_flow.policy.Policy` and a :class:`~disclosure_flow.WorkdayCalendar`.
It never reads today's date — :meth:`Deadline.status` takes the date asked about —
and knows nothing of the case lifecycle; a case derives its clock events from its
history — one :class:`Pause` per consultation or fee notice (its ``end`` filled in
when the answer or payment arrives), a :class:`Restart` when a corrected application
arrives, one :class:`Extension` per approved extension — and asks again whenever
it needs the deadline. Deadlines are derived, never stored stale.

Counting follows SPEC §2: day 0 is not counted; a pause from *s* to *e* removes the
working days *d* with ``s < d <= e``; overlapping pauses merge; a restart counts
again from its new day 0 (earlier extensions no longer count).

>>> import datetime as dt
>>> from disclosure_flow import WorkdayCalendar
>>> from disclosure_flow.clock import Extension, Pause, compute_deadline
>>> from disclosure_flow.policy import R2019, PauseReason
>>> cal = WorkdayCalendar()
>>> events = [
...     Pause(dt.date(2026, 10, 12), dt.date(2026, 10, 20), PauseReason.THIRD_PARTY),
...     Extension(10, "负责人", granted_on=dt.date(2026, 10, 26)),
... ]
>>> d = compute_deadline(
...     dt.date(2026, 9, 28), events, policy=R2019, calendar=cal, day0_note="当面提交"
... )
>>> d.due, d.period, d.provisional
(datetime.date(2026, 11, 23), 30, False)
>>> for step in d.steps():
...     print(step.zh)
收到申请 2026-09-28 (当面提交)
10-01至10-07 国庆节不计
10-10 调休上班计入
10-12发出第三方征求意见书、10-20收到意见，10-13至10-20不计（6个工作日）
延长10个工作日（负责人批准）
答复期限 2026-11-23
>>> d.explain("en").split(" · ")[-1]
'reply due 2026-11-23'
>>> s = d.status(dt.date(2026, 11, 2))
>>> s.used, s.left, s.overdue, s.due_soon(within=5)
(15, 15, False, False)
>>> running = compute_deadline(
...     dt.date(2026, 9, 28), [Pause(dt.date(2026, 10, 12), None, PauseReason.FEE)],
...     policy=R2019, calendar=cal,
... )
>>> running.due, running.open_reason
(None, OpenReason.PAUSED)
>>> s = running.status(dt.date(2026, 10, 16))
>>> s.used, s.left, s.paused
(6, 14, True)
"""

from __future__ import annotations

import datetime as _dt
import enum
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol, TypeAlias, TypeVar

import attrs

from disclosure_flow import _national
from disclosure_flow.dates import check_date
from disclosure_flow.days import DataStatus, DayInfo, DayKind
from disclosure_flow.errors import (
    ClockError,
    InvalidValueError,
    LateActError,
    ProvisionalAnswerError,
)
from disclosure_flow.policy import DayZero, LateActs, PauseBounds, PauseReason, Policy
from disclosure_flow.workdays import HolidayBlock, WorkdayCalendar, group_blocks

__all__ = [
    "ClockEvent",
    "CorrectionNotice",
    "Deadline",
    "DelayedDeadline",
    "ExplanationStep",
    "Extension",
    "Finding",
    "FindingRule",
    "OpenReason",
    "Pause",
    "Reply",
    "Restart",
    "compute_deadline",
]

_ONE_DAY = _dt.timedelta(days=1)


def _date_field(instance: object, attribute: attrs.Attribute[_dt.date], value: object) -> None:
    check_date(value, attribute.name)


def _optional_date_field(
    instance: object, attribute: attrs.Attribute[_dt.date | None], value: object
) -> None:
    if value is not None:
        check_date(value, attribute.name)


def _text_field(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidValueError(attribute.name, value, "a str")


# -- clock events -----------------------------------------------------------------


@attrs.frozen
class Pause:
    """The clock stops while the agency waits (暂停计时): a consultation or a fee notice.

    Whether the time is really left out of the reply period depends on the policy
    (:attr:`Policy.excluded_pauses`); which days it removes on
    :attr:`Policy.pause_bounds` (default: working days *d* with ``start < d <= end``).

    Attributes:
        start: the day the letter or fee notice went out (发出征求意见书/收费通知之日).
        end: the day the answer or payment arrived (收到意见/缴费之日), or ``None``
            while it is still awaited (the deadline is then open).
        reason: third party, other agency, or fee.

    Raises:
        ClockError: *end* is before *start*.
    """

    start: _dt.date = attrs.field(validator=_date_field)
    end: _dt.date | None = attrs.field(validator=_optional_date_field)
    reason: PauseReason = attrs.field()

    @reason.validator
    def _check_reason(self, attribute: attrs.Attribute[PauseReason], value: object) -> None:
        if not isinstance(value, PauseReason):
            raise InvalidValueError.choice("reason", value, list(PauseReason))
        if self.end is not None and self.end < self.start:
            raise ClockError(
                "pause end",
                self.end,
                f"on or after the pause's start {self.start.isoformat()}",
            )


@attrs.frozen
class Restart:
    """A corrected application was received (收到补正后的申请): it is the new day 0 and
    the reply period counts again from it (R2019 Art. 30). Pauses' days before it and
    extensions granted before it no longer count.

    Attributes:
        day: the new day 0.
        note: how it arrived, for the explanation (e.g. ``"邮寄"``).
    """

    day: _dt.date = attrs.field(validator=_date_field)
    note: str = attrs.field(default="", validator=_text_field)


@attrs.frozen
class Extension:
    """An extension of the reply period (延长答复期限), approved by the head of the OGI
    office and notified to the applicant (R2019 Art. 33 ¶2).

    Attributes:
        days: working days added (>= 1); the total since day 0 may not exceed
            :attr:`Policy.extension_cap`.
        approver: who approved it (批准人), e.g. ``"负责人"`` or a name.
        granted_on: the day it was approved; after the deadline it is refused, or
            recorded with a finding (:attr:`Policy.late_acts`).
    """

    days: int = attrs.field()
    approver: str = attrs.field()
    granted_on: _dt.date = attrs.field(validator=_date_field)

    @days.validator
    def _check_days(self, attribute: attrs.Attribute[int], value: object) -> None:
        if type(value) is not int or value < 1:
            raise InvalidValueError("days", value, "an int >= 1 (working days)")

    @approver.validator
    def _check_approver(self, attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise InvalidValueError(
                "approver", value, "a non-empty str (政府信息公开工作机构负责人)"
            )


@attrs.frozen
class DelayedDeadline:
    """A later reply deadline set by the agency for a request it cannot answer in time
    (确定延迟答复的合理期限, R2019 Art. 35). It replaces the computed deadline; later
    pauses do not move it.

    Attributes:
        due: the new deadline, a date after the one it replaces.
        set_on: the day the agency decided it and told the applicant.
    """

    due: _dt.date = attrs.field(validator=_date_field)
    set_on: _dt.date = attrs.field(validator=_date_field)

    @set_on.validator
    def _check_order(self, attribute: attrs.Attribute[_dt.date], value: _dt.date) -> None:
        if self.due <= value:
            raise ClockError(
                "delayed deadline", self.due, f"a date after the day it is set ({value})"
            )


@attrs.frozen
class CorrectionNotice:
    """A correction notice was sent (补正告知, R2019 Art. 30): the reply deadline is open
    until the corrected application arrives (:class:`Restart`). Sent after
    :attr:`Policy.correction_notice_period` it is refused or recorded with a finding.

    Attributes:
        sent_on: the day it was sent.
    """

    sent_on: _dt.date = attrs.field(validator=_date_field)


@attrs.frozen
class Reply:
    """The agency replied (答复): the clock stops. A reply after the deadline is always
    accepted and carries a finding.

    Attributes:
        day: the day of the reply.
    """

    day: _dt.date = attrs.field(validator=_date_field)


#: Any event the clock understands.
ClockEvent: TypeAlias = Pause | Restart | Extension | DelayedDeadline | CorrectionNotice | Reply


# Internal constructors for the events a case derives from its history, many times over
# when many cases are restored: when the arguments are plain values that pass the
# validators, the instance is built without running them (same attributes, same value);
# anything else goes through the constructor, which validates and raises as usual.
_NEW = object.__new__
_SET_PAUSE = tuple(Pause.__dict__[a.name].__set__ for a in attrs.fields(Pause))
_SET_EXTENSION = tuple(Extension.__dict__[a.name].__set__ for a in attrs.fields(Extension))
_SET_REPLY = Reply.__dict__["day"].__set__


def _pause(start: _dt.date, end: _dt.date | None, reason: PauseReason) -> Pause:
    """``Pause(start, end, reason)``."""
    if (
        type(start) is _dt.date
        and (end is None or (type(end) is _dt.date and end >= start))
        and type(reason) is PauseReason
    ):
        set_start, set_end, set_reason = _SET_PAUSE
        pause = _NEW(Pause)
        set_start(pause, start)
        set_end(pause, end)
        set_reason(pause, reason)
        return pause
    return Pause(start, end, reason)


def _extension(days: int, approver: str, granted_on: _dt.date) -> Extension:
    """``Extension(days, approver, granted_on)``."""
    if (
        type(days) is int
        and days >= 1
        and type(approver) is str
        and approver.strip()
        and type(granted_on) is _dt.date
    ):
        set_days, set_approver, set_granted_on = _SET_EXTENSION
        extension = _NEW(Extension)
        set_days(extension, days)
        set_approver(extension, approver)
        set_granted_on(extension, granted_on)
        return extension
    return Extension(days, approver, granted_on)


def _reply(day: _dt.date) -> Reply:
    """``Reply(day)``."""
    if type(day) is _dt.date:
        reply = _NEW(Reply)
        _SET_REPLY(reply, day)
        return reply
    return Reply(day)


# The date that orders each kind of event (its start, grant, setting or receipt day).
_KEY: dict[type, Callable[[Any], _dt.date]] = {
    Pause: operator.attrgetter("start"),
    Extension: operator.attrgetter("granted_on"),
    Restart: operator.attrgetter("day"),
    Reply: operator.attrgetter("day"),
    CorrectionNotice: operator.attrgetter("sent_on"),
    DelayedDeadline: operator.attrgetter("set_on"),
}


# -- results ------------------------------------------------------------------------


class OpenReason(enum.Enum):
    """Why a deadline has no date yet (期限未定的原因).

    Members:
        PAUSED: an excluded pause is running (暂停计时中).
        AWAITING_CORRECTION: a correction notice went out; the period restarts when
            the corrected application arrives (等待补正).
    """

    PAUSED = "paused"
    AWAITING_CORRECTION = "awaiting_correction"

    def __repr__(self) -> str:
        return f"OpenReason.{self.name}"


class FindingRule(enum.Enum):
    """Which rule an act broke (合规问题类型), SPEC §10.

    Members:
        REPLY_LATE: reply after the deadline (逾期答复).
        CORRECTION_NOTICE_LATE: correction notice after its period (逾期补正告知).
        EXTENSION_LATE: extension granted after the deadline (期限届满后延长).
        DELAYED_DEADLINE_LATE: Art. 35 deadline set after the deadline
            (期限届满后确定延迟答复期限).
    """

    REPLY_LATE = "reply_late"
    CORRECTION_NOTICE_LATE = "correction_notice_late"
    EXTENSION_LATE = "extension_late"
    DELAYED_DEADLINE_LATE = "delayed_deadline_late"

    @property
    def label_zh(self) -> str:
        """The Chinese name of the finding."""
        return _FINDING_ZH[self]


_FINDING_ZH = {
    FindingRule.REPLY_LATE: "逾期答复",
    FindingRule.CORRECTION_NOTICE_LATE: "逾期补正告知",
    FindingRule.EXTENSION_LATE: "期限届满后延长答复期限",
    FindingRule.DELAYED_DEADLINE_LATE: "期限届满后确定延迟答复期限",
}


@attrs.frozen
class Finding:
    """A compliance finding (合规问题): an act done after its period.

    Attributes:
        rule: which rule.
        article: its legal source.
        due: the last day the act was allowed.
        acted: the day it was done.
        late_by: working days late: the fewest extra working days that would have
            made it in time (an act on a weekend after a Friday deadline is 1 late).
    """

    rule: FindingRule
    article: str
    due: _dt.date
    acted: _dt.date
    late_by: int

    def describe(self, lang: str = "zh") -> str:
        """E.g. ``"逾期答复：期限 2026-11-23，2026-11-25 作出，逾期2个工作日（…）"``."""
        if lang == "zh":
            return (
                f"{self.rule.label_zh}：期限 {self.due}，{self.acted} 作出，"
                f"逾期{self.late_by}个工作日（{self.article}）"
            )
        _check_lang(lang)
        return (
            f"{self.rule.value.replace('_', ' ')}: due {self.due}, done {self.acted}, "
            f"{self.late_by} working day(s) late ({self.article})"
        )


@attrs.frozen
class ExplanationStep:
    """One step of a deadline's explanation (计算过程), in both languages.

    Attributes:
        day: the date the step is about (used for ordering).
        zh: the step in Chinese.
        en: the step in English.
    """

    day: _dt.date
    zh: str
    en: str


@attrs.frozen
class DeadlineStatus:
    """Where a deadline stands on a given date (期限状态): what a dashboard lists.

    Attributes:
        as_of: the date measured at: the date asked for, or the reply day if earlier
            (a reply stops the clock).
        used: counted working days used by then (已用工作日).
        left: working days left (剩余工作日), ``max(period - used, 0)``.
        excluded: working days left out by pauses by then (暂停扣除的工作日).
        overdue_by: working days overdue (逾期工作日): the fewest extra working days that
            would have made ``as_of`` in time; 0 if not overdue.
        paused: whether an excluded pause is running on ``as_of`` (暂停计时中).
        replied: whether the reply came on or before ``as_of``.
        provisional: whether an estimated calendar day was involved.
    """

    as_of: _dt.date
    used: int
    left: int
    excluded: int
    overdue_by: int
    paused: bool
    replied: bool
    provisional: bool

    @property
    def overdue(self) -> bool:
        """Whether the deadline had passed (已逾期)."""
        return self.overdue_by > 0

    def due_soon(self, within: int) -> bool:
        """Whether the clock is running, not overdue, and at most *within* working days
        are left (即将到期). A paused, replied or open deadline is never due soon.

        Raises:
            InvalidValueError: *within* is not an int >= 0.
        """
        if type(within) is not int or within < 0:
            raise InvalidValueError("within", within, "an int >= 0 (working days)")
        if self.paused or self.replied or self.overdue:
            return False
        return self.left <= within


@attrs.frozen(slots=True)
class Deadline:
    """A reply deadline with everything needed to act on it and defend it (答复期限).

    It does not depend on any "today": ask :meth:`status` for a given date.

    Attributes:
        policy: the rules it was computed under.
        received: the first day 0 (收到申请之日).
        day0: the day 0 in force (the last restart's day, or ``received``).
        due: the deadline (答复期限), to the end of that day; ``None`` while open.
        open_reason: why ``due`` is ``None``, else ``None``.
        period: working days allowed in force: the reply period plus extensions; under
            an Art. 35 delayed deadline, the counted working days up to it.
        extensions: the extensions that count (since the last restart).
        delayed: the Art. 35 delayed deadline in force, if any.
        replied_on: the reply day, if replied.
        provisional: whether an estimated calendar day was involved (估计，待确认).
        low: the earliest plausible due date (``== due`` when final).
        high: the latest plausible due date.
        fingerprint: the working-day calendar's fingerprint (日历数据版本).
        findings: compliance findings (合规问题), in date order, including acts before
            a restart.
        events: the clock events, in date order.
        day0_note: how day 0 was established (e.g. ``"当面提交"``), for the explanation.
        calendar: the calendar used (not compared; :meth:`status` and the explanation
            use it).
    """

    policy: Policy
    received: _dt.date
    day0: _dt.date
    due: _dt.date | None
    open_reason: OpenReason | None
    period: int
    extensions: tuple[Extension, ...]
    delayed: DelayedDeadline | None
    replied_on: _dt.date | None
    provisional: bool
    low: _dt.date | None
    high: _dt.date | None
    fingerprint: str
    findings: tuple[Finding, ...]
    events: tuple[ClockEvent, ...]
    day0_note: str
    calendar: WorkdayCalendar = attrs.field(eq=False, repr=False)

    @property
    def is_open(self) -> bool:
        """Whether the deadline has no date yet (期限未定)."""
        return self.due is None

    @property
    def extended_by(self) -> int:
        """Working days added by extensions in force."""
        return sum(e.days for e in self.extensions)

    def status(self, as_of: _dt.date) -> DeadlineStatus:
        """Working days used and left, overdue or not, on *as_of* (截至某日的期限状态).

        Raises:
            InvalidDateError: *as_of* is not a ``datetime.date``.
            ClockError: *as_of* is before the last event (the clock's facts would be
                in its future) or before day 0.
            CoverageError: a strict calendar lacks the days needed.
        """
        as_of = check_date(as_of, "as_of")
        last = self.received
        for event in self.events:
            day = _KEY[type(event)](event)
            if type(event) is Pause and event.end is not None:
                day = event.end
            last = max(last, day)
        if as_of < last:
            raise ClockError(
                "as_of", as_of, f"on or after the last event ({last}) and day 0 ({self.received})"
            )
        try:
            return _status(self, as_of, _Plain(self.calendar))
        except ProvisionalAnswerError:
            return _status(self, as_of, _Results(self.calendar))

    def steps(self) -> tuple[ExplanationStep, ...]:
        """The explanation's steps in date order: day 0, holiday blocks skipped and
        make-up days counted, pauses with the working days they removed, extensions with
        their approvers, the result."""
        return _explain(self)

    def _repr_html_(self) -> str:
        """The deadline and its explanation as an HTML table, for notebooks."""
        from disclosure_flow._html import deadline_html

        return deadline_html(self)

    def explain(self, lang: str = "zh") -> str:
        """The explanation as one line a clerk reads, ``lang`` ``"zh"`` or ``"en"``."""
        _check_lang(lang)
        texts = [step.zh if lang == "zh" else step.en for step in self.steps()]
        out = texts[0]
        for text in texts[1:]:
            # No space after a full-width bracket, as in Chinese typesetting.
            out += ("· " if out.endswith("）") else " · ") + text
        return out


def _check_lang(lang: str) -> None:
    if lang not in ("zh", "en"):
        raise InvalidValueError.choice("lang", lang, ("zh", "en"))


# -- counting -------------------------------------------------------------------------


class _Counter(Protocol):
    provisional: bool

    def between(self, start: _dt.date, end: _dt.date) -> int: ...

    def add(self, start: _dt.date, n: int) -> _dt.date: ...


class _Plain:
    """Final answers only; a question touching an estimated day raises
    :class:`ProvisionalAnswerError`, and the clock starts over with :class:`_Results`."""

    __slots__ = ("add", "between")
    provisional = False

    def __init__(self, calendar: WorkdayCalendar) -> None:
        self.between = calendar.workdays_between
        self.add = calendar.add_workdays


class _Results:
    """Answers with provenance. ``pick`` chooses the value (0), or the bound that makes a
    due date earliest (1) or latest (2)."""

    __slots__ = ("calendar", "pick", "provisional")

    def __init__(self, calendar: WorkdayCalendar, pick: int = 0) -> None:
        self.calendar = calendar
        self.pick = pick
        self.provisional = False

    def between(self, start: _dt.date, end: _dt.date) -> int:
        r = self.calendar.workdays_between_result(start, end)
        self.provisional |= r.provisional
        # More working days available before a pause make the due date earlier.
        return (r.value, r.high, r.low)[self.pick]

    def add(self, start: _dt.date, n: int) -> _dt.date:
        r = self.calendar.add_workdays_result(start, n)
        self.provisional |= r.provisional
        return (r.value, r.low, r.high)[self.pick]


_Interval: TypeAlias = tuple[_dt.date, _dt.date | None]
_P = TypeVar("_P", int, _dt.date)


def _bounds(pause: Pause, policy: Policy) -> _Interval:
    """The pause as ``(a, b]``: the working days *d* with ``a < d <= b`` it removes."""
    a, b = pause.start, pause.end
    if policy.pause_bounds is PauseBounds.AFTER_START_TO_END:
        return a, b
    if policy.pause_bounds is PauseBounds.START_TO_END:
        a -= _ONE_DAY
    elif policy.pause_bounds is PauseBounds.AFTER_START_BEFORE_END and b is not None:
        b -= _ONE_DAY
    return a, b


def _merge(bounds: Iterable[tuple[_P, _P | None]]) -> list[tuple[_P, _P | None]]:
    """Pauses as ``(a, b]`` intervals (``b`` ``None``: still running), in order of
    start, merged where they overlap; empty ones dropped; nothing after a running one."""
    merged: list[tuple[_P, _P | None]] = []
    for a, b in bounds:
        if b is not None and b <= a:
            continue
        if merged:
            last_a, last_b = merged[-1]
            if last_b is None:
                break
            if a <= last_b:
                merged[-1] = (last_a, None if b is None else max(b, last_b))
                continue
        merged.append((a, b))
    return merged


def _intervals(pauses: Iterable[Pause], policy: Policy) -> list[_Interval]:
    """Excluded intervals ``(a, b]`` (``b`` ``None``: still running), merged; *pauses*
    must come in order of start."""
    excluded = policy.excluded_pauses
    return _merge([_bounds(p, policy) for p in pauses if p.reason in excluded])


def _nth(
    counter: _Counter, origin: _dt.date, need: int, intervals: list[_Interval]
) -> _dt.date | None:
    """The *need*-th counted working day after *origin*; ``None`` if a running pause
    comes first."""
    cursor = origin
    for a, b in intervals:
        if a > cursor:
            available = counter.between(cursor, a)
            if available >= need:
                return counter.add(cursor, need)
            need -= available
        if b is None:
            return None
        if b > cursor:
            cursor = b
    return counter.add(cursor, need)


def _counted(
    counter: _Counter, origin: _dt.date, until: _dt.date, intervals: list[_Interval]
) -> tuple[int, int]:
    """(counted, excluded) working days in ``(origin, until]``."""
    if until <= origin:
        return 0, 0
    total = counter.between(origin, until)
    excluded = 0
    for a, b in intervals:
        if a >= until:
            break
        lo = max(a, origin)
        hi = until if b is None or b > until else b
        if hi > lo:
            excluded += counter.between(lo, hi)
    return total - excluded, excluded


def _late_by(counter: _Counter, due: _dt.date, acted: _dt.date) -> int:
    """The fewest working days k with ``add(due, k) >= acted``."""
    return counter.between(due, counter.add(acted - _ONE_DAY, 1))


# -- the clock ------------------------------------------------------------------------


def compute_deadline(
    day0: _dt.date,
    events: Iterable[ClockEvent] = (),
    *,
    policy: Policy,
    calendar: WorkdayCalendar,
    day0_note: str = "",
) -> Deadline:
    """The reply deadline (答复期限) of a request received on *day0*, given its clock events.

    Ask the result's :meth:`Deadline.status` for working days used and left, or overdue,
    on a given date.

    Args:
        day0: the receipt date (收到申请之日, SPEC §3); not itself counted.
        events: the clock events, in any order (same-day events keep their order).
        policy: the rules, e.g. :data:`~disclosure_flow.policy.R2019`.
        calendar: the working-day calendar; a provisional one gives a provisional
            deadline with its plausible range.
        day0_note: how day 0 was established, for the explanation (e.g. ``"当面提交"``).

    Raises:
        InvalidDateError: a date is not a ``datetime.date``.
        InvalidValueError: an argument of the wrong kind.
        ClockError: an event before day 0 or after the reply; a second reply; an
            extension beyond the cap in total, or after an Art. 35 delayed deadline; a
            delayed deadline not later than the deadline it replaces, or under a policy
            without Art. 35.
        LateActError: an act after its period while ``policy.late_acts`` is
            :attr:`~disclosure_flow.policy.LateActs.REFUSE`.
        CoverageError: a strict calendar lacks the days needed.
    """
    day0 = check_date(day0, "day0")
    if not isinstance(policy, Policy):
        raise InvalidValueError("policy", policy, "a Policy, e.g. disclosure_flow.R2019")
    if not isinstance(calendar, WorkdayCalendar):
        raise InvalidValueError("calendar", calendar, "a WorkdayCalendar")
    if not isinstance(day0_note, str):
        raise InvalidValueError("day0_note", day0_note, "a str")
    return _deadline(day0, events, policy, calendar, day0_note)


def _deadline(
    day0: _dt.date,
    events: Iterable[ClockEvent],
    policy: Policy,
    calendar: WorkdayCalendar,
    day0_note: str,
) -> Deadline:
    """:func:`compute_deadline` for a caller that passes arguments of the right types
    (a date, a Policy, a WorkdayCalendar, a str): the events are still ordered and
    checked, and the result is the same."""
    ordered = _ordered(day0, events)
    quick = _compute_ranked(day0, ordered, policy, calendar, day0_note)
    if quick is not None:
        return quick
    try:
        return _compute(day0, ordered, policy, calendar, day0_note, _Plain(calendar))
    except ProvisionalAnswerError:
        return _compute(day0, ordered, policy, calendar, day0_note, _Results(calendar))


def _ordered(day0: _dt.date, events: Iterable[ClockEvent]) -> tuple[ClockEvent, ...]:
    try:
        events = tuple(events)
    except TypeError:
        raise InvalidValueError("events", events, "an iterable of clock events") from None
    days = []
    replies = 0
    in_order = True
    previous = day0
    keys = _KEY
    for event in events:
        kind = type(event)
        key = keys.get(kind)
        if key is None:
            raise InvalidValueError(
                "events",
                event,
                "Pause, Restart, Extension, DelayedDeadline, CorrectionNotice or Reply",
            )
        day = key(event)
        if day < day0:
            raise ClockError(f"{kind.__name__} date", day, f"on or after day 0 ({day0})")
        if day < previous:
            in_order = False
        previous = day
        days.append(day)
        if kind is Reply:
            replies += 1
    if not in_order:
        order = sorted(range(len(events)), key=days.__getitem__)
        events = tuple(events[i] for i in order)
        days = [days[i] for i in order]
    if not replies:  # the checks below are about a reply
        return events
    if replies == 1 and type(events[-1]) is Reply:  # nothing after the one reply
        return events
    reply: _dt.date | None = None
    for day, event in zip(days, events, strict=True):
        if reply is not None:
            if type(event) is Reply:
                raise ClockError("reply", event, "one reply only")
            if day > reply:
                raise ClockError(type(event).__name__, event, f"on or before the reply ({reply})")
        elif type(event) is Reply:
            reply = day
    return events


def _nth_rank(
    rank: Sequence[int], cursor: int, need: int, intervals: list[tuple[int, int | None]]
) -> int | None:
    """:func:`_nth` on the calendar's rank table: days as indices, *need* >= 1. Returns
    ``k`` such that the answer is ``workdays[k]`` (the caller checks ``k`` is in the
    table), or ``None`` if a running pause comes first."""
    for a, b in intervals:
        if a > cursor:
            available = rank[a] - rank[cursor]
            if available >= need:
                return rank[cursor] + need - 1
            need -= available
        if b is None:
            return None
        if b > cursor:
            cursor = b
    return rank[cursor] + need - 1


def _index_intervals(
    chosen: list[Pause],
    excluded: frozenset[PauseReason],
    first: int,
    a_shift: int,
    b_shift: int,
    origin: int,
) -> tuple[list[tuple[int, int | None]], int, int]:
    """:func:`_intervals` on the rank table's indices, with the lowest and highest index
    they touch (at least *origin*'s)."""
    merged = _merge(
        [
            (
                p.start.toordinal() - first - a_shift,
                None if p.end is None else p.end.toordinal() - first - b_shift,
            )
            for p in chosen
            if p.reason in excluded
        ]
    )
    low = high = origin
    for a, b in merged:
        if a < low:
            low = a
        top = a if b is None else b
        if top > high:
            high = top
    return merged, low, high


def _compute_ranked(
    received: _dt.date,
    events: tuple[ClockEvent, ...],
    policy: Policy,
    calendar: WorkdayCalendar,
    day0_note: str,
) -> Deadline | None:
    """The common case of :func:`_compute`, counted directly on the calendar's rank table:
    the same answer, or ``None`` whenever :func:`_compute` must decide (a day outside
    the table or an estimated day anywhere in the span, an Art. 35 delayed deadline, an
    act after its period, an extension beyond the cap). A differential test keeps the
    two in agreement."""
    first, rank, workdays, estimated = calendar._counting_table()
    size = len(rank)
    last_rank = len(workdays) - 1
    base = policy.reply_period.length
    cap = policy.extension_cap.length
    shift = 1 if policy.day_zero is DayZero.COUNTED else 0
    origin = received.toordinal() - first - shift

    # _intervals, on indices: the excluded pauses as (a, b], merged.
    excluded = policy.excluded_pauses
    bounds = policy.pause_bounds
    a_shift = 1 if bounds is PauseBounds.START_TO_END else 0
    b_shift = 1 if bounds is PauseBounds.AFTER_START_BEFORE_END else 0
    pauses: list[Pause] = []
    others: list[ClockEvent] = []
    for e in events:
        if type(e) is Pause:
            pauses.append(e)
        else:
            others.append(e)

    intervals, lo, hi = (
        _index_intervals(pauses, excluded, first, a_shift, b_shift, origin)
        if pauses
        else ([], origin, origin)
    )
    if lo < 0 or hi >= size:
        return None

    zero = received
    extensions: list[Extension] = []
    extended = 0
    awaiting_correction = False
    replied_on: _dt.date | None = None
    for event in others:
        kind = type(event)
        if kind is Extension:
            assert isinstance(event, Extension)
            if extended + event.days > cap:
                return None
            known = intervals
            if any(p.start > event.granted_on for p in pauses):
                # judged against the deadline as it stood on the day of the grant
                chosen = [p for p in pauses if p.start <= event.granted_on]
                known = _index_intervals(chosen, excluded, first, a_shift, b_shift, origin)[0]
            k = _nth_rank(rank, origin, base + extended, known)
            if k is not None:
                if k > last_rank or event.granted_on > workdays[k]:
                    return None
                hi = max(hi, workdays[k].toordinal() - first)
            extended += event.days
            extensions.append(event)
        elif kind is Restart:
            assert isinstance(event, Restart)
            zero = event.day
            origin = zero.toordinal() - first - shift
            if origin >= size:
                return None
            hi = max(hi, origin)
            extensions, extended, awaiting_correction = [], 0, False
        elif kind is CorrectionNotice:
            assert isinstance(event, CorrectionNotice)
            period = policy.correction_notice_period
            if period is not None:
                if period.length < 1:
                    return None
                k = rank[origin] + period.length - 1
                if k > last_rank:
                    return None
                hi = max(hi, workdays[k].toordinal() - first)
                if event.sent_on > workdays[k]:
                    return None
            awaiting_correction = True
        elif kind is Reply:
            assert isinstance(event, Reply)
            replied_on = event.day
        else:
            return None

    due: _dt.date | None = None
    open_reason: OpenReason | None = None
    if awaiting_correction:
        period_total = base
        open_reason = OpenReason.AWAITING_CORRECTION
    else:
        period_total = base + extended
        k = _nth_rank(rank, origin, period_total, intervals)
        if k is None:
            open_reason = OpenReason.PAUSED
        else:
            if k > last_rank:
                return None
            due = workdays[k]
            hi = max(hi, due.toordinal() - first)
            if replied_on is not None and replied_on > due:
                return None
    if estimated is not None and estimated[hi + 1] != estimated[lo]:
        return None
    return Deadline(
        policy,
        received,
        zero,
        due,
        open_reason,
        period_total,
        tuple(extensions),
        None,
        replied_on,
        False,
        due,
        due,
        calendar.fingerprint,
        (),
        events,
        day0_note,
        calendar,
    )


def _compute(
    received: _dt.date,
    events: tuple[ClockEvent, ...],
    policy: Policy,
    calendar: WorkdayCalendar,
    day0_note: str,
    counter: _Counter,
) -> Deadline:
    counted_from_zero = policy.day_zero is DayZero.COUNTED
    base = policy.reply_period.length
    cap = policy.extension_cap
    pauses = [e for e in events if type(e) is Pause]
    intervals = _intervals(pauses, policy)

    def known_on(day: _dt.date) -> list[_Interval]:
        """The pauses known on *day*: an act is judged against the deadline as it stood
        then, not as later pauses moved it."""
        if all(p.start <= day for p in pauses):
            return intervals
        return _intervals([p for p in pauses if p.start <= day], policy)

    zero = received
    origin = zero - _ONE_DAY if counted_from_zero else zero
    extensions: list[Extension] = []
    extended = 0
    delayed: DelayedDeadline | None = None
    awaiting_correction = False
    replied_on: _dt.date | None = None
    findings: list[Finding] = []

    def act(rule: FindingRule, article: str, due: _dt.date, acted: _dt.date) -> None:
        late_by = _late_by(counter, due, acted)
        if policy.late_acts is LateActs.REFUSE:
            raise LateActError(f"{rule.label_zh} ({article})", due, acted, late_by)
        findings.append(Finding(rule, article, due, acted, late_by))

    for event in events:
        if isinstance(event, Pause):
            continue
        if isinstance(event, Extension):
            if delayed is not None:
                raise ClockError(
                    "extension",
                    event,
                    "none after an Art. 35 delayed deadline (set a new delayed deadline instead)",
                )
            if extended + event.days > cap.length:
                raise ClockError(
                    "extension total",
                    extended + event.days,
                    f"at most {cap.length} working days in total ({cap.article})",
                )
            due_now = _nth(counter, origin, base + extended, known_on(event.granted_on))
            if due_now is not None and event.granted_on > due_now:
                act(FindingRule.EXTENSION_LATE, cap.article, due_now, event.granted_on)
            extended += event.days
            extensions.append(event)
        elif isinstance(event, Restart):
            zero = event.day
            origin = zero - _ONE_DAY if counted_from_zero else zero
            extensions, extended, delayed, awaiting_correction = [], 0, None, False
        elif isinstance(event, CorrectionNotice):
            period = policy.correction_notice_period
            if period is not None:
                notice_due = counter.add(origin, period.length)
                if event.sent_on > notice_due:
                    act(
                        FindingRule.CORRECTION_NOTICE_LATE,
                        period.article,
                        notice_due,
                        event.sent_on,
                    )
            awaiting_correction = True
        elif isinstance(event, DelayedDeadline):
            article = policy.delayed_deadline_article
            if article is None:
                raise ClockError(
                    "delayed deadline",
                    event,
                    f"none under {policy.name} (no rule like R2019 Art. 35)",
                )
            if delayed is not None:
                due_then: _dt.date | None = delayed.due
            else:
                due_then = _nth(counter, origin, base + extended, known_on(event.set_on))
            if due_then is not None:
                if event.due <= due_then:
                    raise ClockError(
                        "delayed deadline",
                        event.due,
                        f"a date after the deadline it replaces ({due_then})",
                    )
                if event.set_on > due_then:
                    act(FindingRule.DELAYED_DEADLINE_LATE, article, due_then, event.set_on)
            delayed = event
        else:  # Reply
            replied_on = event.day

    due: _dt.date | None
    open_reason: OpenReason | None = None
    if awaiting_correction:
        due, period_total = None, base
        open_reason = OpenReason.AWAITING_CORRECTION
    elif delayed is not None:
        due = delayed.due
        period_total, _ = _counted(counter, origin, due, intervals)
    else:
        period_total = base + extended
        due = _nth(counter, origin, period_total, intervals)
        if due is None:
            open_reason = OpenReason.PAUSED
    if due is not None and replied_on is not None and replied_on > due:
        late_by = _late_by(counter, due, replied_on)
        article = policy.reply_period.article
        findings.append(Finding(FindingRule.REPLY_LATE, article, due, replied_on, late_by))
    low = high = due
    if counter.provisional and due is not None and delayed is None:
        low = _nth(_Results(calendar, 1), origin, period_total, intervals)
        high = _nth(_Results(calendar, 2), origin, period_total, intervals)
    if len(findings) > 1:
        findings.sort(key=lambda f: f.acted)
    return Deadline(
        policy=policy,
        received=received,
        day0=zero,
        due=due,
        open_reason=open_reason,
        period=period_total,
        extensions=tuple(extensions),
        delayed=delayed,
        replied_on=replied_on,
        provisional=counter.provisional,
        low=low,
        high=high,
        fingerprint=calendar.fingerprint,
        findings=tuple(findings),
        events=events,
        day0_note=day0_note,
        calendar=calendar,
    )


def _origin(deadline: Deadline) -> _dt.date:
    """The day counting starts after (day 0, or the day before it if day 0 counts)."""
    if deadline.policy.day_zero is DayZero.COUNTED:
        return deadline.day0 - _ONE_DAY
    return deadline.day0


def _status(deadline: Deadline, as_of: _dt.date, counter: _Counter) -> DeadlineStatus:
    replied = deadline.replied_on is not None and deadline.replied_on <= as_of
    measured = deadline.replied_on if replied and deadline.replied_on else as_of
    if deadline.open_reason is OpenReason.AWAITING_CORRECTION:
        return DeadlineStatus(measured, 0, deadline.period, 0, 0, False, replied, False)
    intervals = _intervals([e for e in deadline.events if type(e) is Pause], deadline.policy)
    used, excluded = _counted(counter, _origin(deadline), measured, intervals)
    paused = any(a < measured and (b is None or measured <= b) for a, b in intervals)
    overdue_by = 0
    if deadline.due is not None and measured > deadline.due:
        overdue_by = _late_by(counter, deadline.due, measured)
    return DeadlineStatus(
        as_of=measured,
        used=used,
        left=max(deadline.period - used, 0),
        excluded=excluded,
        overdue_by=overdue_by,
        paused=paused,
        replied=replied,
        provisional=counter.provisional or deadline.provisional,
    )


# -- explanation ----------------------------------------------------------------------

_HOLIDAY_EN = dict(_national.HOLIDAY_NAMES.values())

_PAUSE_TEXT = {
    PauseReason.THIRD_PARTY: (
        "发出第三方征求意见书",
        "收到意见",
        "third-party consultation letter sent",
        "answer received",
    ),
    PauseReason.INTER_AGENCY: (
        "发出征求其他机关意见函",
        "收到意见",
        "letter to the other agency sent",
        "answer received",
    ),
    PauseReason.FEE: ("发出收费通知", "缴费", "fee notice issued", "fee paid"),
}


def _explain(deadline: Deadline) -> tuple[ExplanationStep, ...]:
    year = deadline.received.year
    counter = _Results(deadline.calendar)
    policy = deadline.policy

    def short(day: _dt.date) -> str:
        return day.isoformat()[5:] if day.year == year else day.isoformat()

    def span(first: _dt.date, last: _dt.date, sep: str) -> str:
        return short(first) if first == last else f"{short(first)}{sep}{short(last)}"

    steps: list[tuple[_dt.date, int, str, str]] = []
    note = f" ({deadline.day0_note})" if deadline.day0_note else ""
    zh0 = f"收到申请 {deadline.received}{note}"
    en0 = f"application received {deadline.received}{note}"
    if policy.day_zero is DayZero.COUNTED:
        zh0, en0 = zh0 + "，当日计入", en0 + ", that day counted"
    steps.append((deadline.received, 0, zh0, en0))

    origin = _origin(deadline)
    pauses = [e for e in deadline.events if type(e) is Pause]
    intervals = _intervals(pauses, policy)
    # Counting reaches the due date, or stops where a running pause began.
    end = deadline.due or next((a for a, b in intervals if b is None), deadline.day0)
    late = {(f.rule, f.acted): f.late_by for f in deadline.findings}

    for event in deadline.events:
        if isinstance(event, Restart):
            extra = f" ({event.note})" if event.note else ""
            steps.append(
                (
                    event.day,
                    1,
                    f"{short(event.day)}收到补正后的申请{extra}，重新起算",
                    f"{short(event.day)} corrected application received{extra}: counting restarts",
                )
            )
        elif isinstance(event, CorrectionNotice):
            k = late.get((FindingRule.CORRECTION_NOTICE_LATE, event.sent_on))
            steps.append(
                (
                    event.sent_on,
                    1,
                    f"{short(event.sent_on)}发出补正告知" + (f"（逾期{k}个工作日）" if k else ""),
                    f"{short(event.sent_on)} correction notice sent"
                    + (f" ({k} working day(s) late)" if k else ""),
                )
            )
        elif isinstance(event, Extension) and any(event is x for x in deadline.extensions):
            k = late.get((FindingRule.EXTENSION_LATE, event.granted_on))
            lateness = (f"，期限届满后批准，逾期{k}个工作日", f"; granted {k} working day(s) late")
            steps.append(
                (
                    event.granted_on,
                    3,
                    f"延长{event.days}个工作日（{event.approver}批准{lateness[0] if k else ''}）",
                    f"extended by {event.days} working days (approved by {event.approver}"
                    f"{lateness[1] if k else ''})",
                )
            )
        elif isinstance(event, DelayedDeadline) and event is deadline.delayed:
            steps.append(
                (
                    event.set_on,
                    3,
                    f"{short(event.set_on)}确定延迟答复期限至 {event.due}",
                    f"{short(event.set_on)} reply deadline set to {event.due} (delayed reply)",
                )
            )
        elif isinstance(event, Reply):
            k = next((f.late_by for f in deadline.findings if f.rule is FindingRule.REPLY_LATE), 0)
            steps.append(
                (
                    event.day,
                    4,
                    f"{short(event.day)}答复" + (f"（逾期{k}个工作日）" if k else ""),
                    f"{short(event.day)} replied" + (f" ({k} working day(s) late)" if k else ""),
                )
            )

    covered: _dt.date | None = origin  # pauses so far cover (origin, covered]; None: all
    for pause in sorted(pauses, key=lambda p: p.start):
        zh_start, zh_end, en_start, en_end = _PAUSE_TEXT[pause.reason]
        s, e = pause.start, pause.end
        zh = f"{short(s)}{zh_start}"
        en = f"{short(s)} {en_start}"
        if e is not None:
            zh += f"、{short(e)}{zh_end}"
            en += f", {short(e)} {en_end}"
        else:
            zh += f"，尚未{zh_end}"
            en += f", not yet {en_end}"
        if pause.reason not in policy.excluded_pauses:
            zh += f"，按{policy.name}照常计算"
            en += f": counted under {policy.name}"
            steps.append((s, 2, zh, en))
            continue
        a, b = _bounds(pause, policy)
        removed = 0
        if covered is not None:
            lo = max(a, covered)
            hi = end if b is None or b > end else b
            removed = counter.between(lo, hi) if hi > lo else 0
            covered = None if b is None else max(covered, b)
        first = a + _ONE_DAY
        if b is None:
            zh += f"，{short(first)}起暂停计算"
            en += f": paused from {short(first)}"
        elif b > a:
            zh += f"，{span(first, b, '至')}不计（{removed}个工作日）"
            en += f": {span(first, b, ' to ')} not counted ({removed} working days)"
        steps.append((s, 2, zh, en))

    if deadline.open_reason is not OpenReason.AWAITING_CORRECTION:
        for block in _blocks(deadline, origin, end, intervals):
            steps.append((block.first, 1, *_describe_block(block, span)))
    steps.append((end, 9, *_result_text(deadline)))
    steps.sort(key=lambda step: (step[0], step[1]))
    return tuple(ExplanationStep(day, zh, en) for day, _, zh, en in steps)


def _blocks(
    deadline: Deadline, origin: _dt.date, end: _dt.date, intervals: list[_Interval]
) -> tuple[HolidayBlock, ...]:
    if end <= origin:
        return ()

    def paused(info: DayInfo) -> bool:
        return any(a < info.day and (b is None or info.day <= b) for a, b in intervals)

    notable = deadline.calendar.notable_days(origin, end)
    return group_blocks(info for info in notable if not paused(info))


def _describe_block(
    block: HolidayBlock, span: Callable[[_dt.date, _dt.date, str], str]
) -> tuple[str, str]:
    zh_span, en_span = span(block.first, block.last, "至"), span(block.first, block.last, " to ")
    name_en = _HOLIDAY_EN.get(block.name, block.name)
    if block.kind is DayKind.MAKEUP_WORKDAY:
        zh, en = f"{zh_span} 调休上班计入", f"{en_span} make-up working day counted"
    elif block.kind is DayKind.LOCAL_WORKDAY:
        zh = f"{zh_span} {block.name}（地方调休上班）计入"
        en = f"{en_span} {name_en} (local working day) counted"
    elif block.kind is DayKind.LOCAL_HOLIDAY:
        zh = f"{zh_span} {block.name}（地方休息日）不计"
        en = f"{en_span} {name_en} (local day off) not counted"
    else:
        zh = f"{zh_span} {block.name or block.kind.label_zh}不计"
        en = f"{en_span} {name_en or 'holiday'} not counted"
    if block.status is DataStatus.ESTIMATED:
        zh, en = zh + "〔估计〕", en + " [estimated]"
    return zh, en


def _result_text(deadline: Deadline) -> tuple[str, str]:
    if deadline.open_reason is OpenReason.AWAITING_CORRECTION:
        return (
            f"答复期限未定：等待补正，自收到补正后的申请之日起重新计算{deadline.period}个工作日",
            f"reply deadline open: awaiting correction; {deadline.period} working days "
            "will run from the corrected application",
        )
    if deadline.due is None:
        return (
            "答复期限未定：暂停计时中，恢复计算后确定",
            "reply deadline open: paused; fixed when the clock runs again",
        )
    zh, en = f"答复期限 {deadline.due}", f"reply due {deadline.due}"
    if deadline.provisional:
        zh += f"（估计，可能范围 {deadline.low} 至 {deadline.high}）"
        en += f" (provisional, plausible range {deadline.low} to {deadline.high})"
    return zh, en
