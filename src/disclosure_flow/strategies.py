"""Hypothesis strategies for the host's property tests (测试数据生成策略).

Needs the optional extra ``disclosure-flow[hypothesis]`` (``pip install
'disclosure-flow[hypothesis]'``); importing this module without hypothesis raises
:class:`ModuleNotFoundError` naming the extra.

Every strategy produces values the library accepts — valid by construction, through
the public API — so a property about a policy simulation tests the simulation, not
the generator:

- :func:`covered_dates`: dates with final working-day data (数据覆盖范围内的日期);
- :func:`overlays`, :func:`calendars`: working-day calendars with random local
  overlays of test data (叠加日历);
- :func:`policies`: the presets and variants of their conventions (适用规则);
- :func:`clock_inputs`: day 0 with a sequence of clock events (暂停、重新起算、延长、答复)
  that :func:`~disclosure_flow.compute_deadline` accepts;
- :func:`outcomes`, :func:`applicants`: outcomes with their required details, and
  applicants of every kind;
- :func:`cases`: :class:`~disclosure_flow.cases.case.Case` objects after random lawful
  event sequences (申请案件);
- :func:`report_records`: records whose annual report balances (年报统计记录).

>>> from hypothesis import given, settings
>>> from disclosure_flow import strategies as dfs
>>> @settings(max_examples=10, deadline=None)
... @given(dfs.clock_inputs())
... def test_extensions_never_pass_the_cap(inputs):
...     deadline = inputs.deadline()
...     assert deadline.extended_by <= inputs.policy.extension_cap.length
>>> test_extensions_never_pass_the_cap()
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

import attrs

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise ModuleNotFoundError(
        "disclosure_flow.strategies needs hypothesis, an optional extra: "
        "pip install 'disclosure-flow[hypothesis]'",
        name="hypothesis",
    ) from error

from disclosure_flow.cases import (
    Applicant,
    ApplicantKind,
    Case,
    Channel,
    ConsultationAnswer,
    ConsultedParty,
    DeliveryMethod,
    EventKind,
    FeeMethod,
    InformationRequest,
    LitigationRoute,
    Outcome,
    OutcomeKind,
    OutcomeReason,
    ProvisionForm,
    RemedyKind,
    RemedyResult,
    ReportRow,
    SubDeadlineKind,
)
from disclosure_flow.clock import (
    R2008,
    R2019,
    ClockEvent,
    CorrectionNotice,
    DayZero,
    Deadline,
    Extension,
    LateActs,
    LegalPeriod,
    Pause,
    PauseBounds,
    PauseReason,
    Policy,
    PolicyDates,
    Reply,
    Restart,
    compute_deadline,
)
from disclosure_flow.errors import EventRefusedError
from disclosure_flow.reports import (
    ProceedingKind,
    ProceedingRecord,
    ProceedingResult,
    ReportRecord,
)
from disclosure_flow.testing import default_calendar
from disclosure_flow.workdays import (
    DataStatus,
    Overlay,
    OverlayEntry,
    OverlayKind,
    OverlayScope,
    WorkdayCalendar,
    statutory_days,
)

__all__ = [
    "ROOM",
    "ClockInputs",
    "applicants",
    "calendars",
    "cases",
    "clock_inputs",
    "covered_dates",
    "outcomes",
    "overlays",
    "policies",
    "report_records",
]

#: Calendar days kept free after a generated day 0 (or received date), so that every
#: deadline, sub-deadline and remedy period of the generated story stays inside the
#: calendar's data.
ROOM = 400

_DAY = _dt.timedelta(days=1)
_TEST_SOURCE = "测试数据（非真实通知）"


# ---------------------------------------------------------------------------
# Dates and calendars


def covered_dates(
    calendar: WorkdayCalendar | None = None,
    *,
    first: _dt.date | None = None,
    last: _dt.date | None = None,
    room: int = 0,
) -> st.SearchStrategy[_dt.date]:
    """Dates with final working-day data (数据覆盖范围内的日期) in *calendar*.

    Args:
        calendar: default :func:`~disclosure_flow.testing.default_calendar`.
        first: the earliest date (clipped to the coverage).
        last: the latest date (clipped to the coverage).
        room: calendar days of data to keep after the date (so a deadline counted
            from it stays covered).
    """
    coverage = (calendar or default_calendar()).coverage
    low = coverage.first if first is None else max(first, coverage.first)
    high = coverage.last - _dt.timedelta(days=room)
    if last is not None:
        high = min(high, last)
    return st.dates(min_value=low, max_value=high)


def overlays(
    *,
    first: _dt.date = _dt.date(2019, 1, 1),
    last: _dt.date | None = None,
    max_entries: int = 6,
    statuses: Sequence[DataStatus] = (DataStatus.CONFIRMED,),
) -> st.SearchStrategy[Overlay]:
    """Local overlays of test data (地方叠加日历): days off and working days in
    ``[first, last]`` (default: to the end of the national data), one entry per date.

    Estimated entries (``statuses`` with :attr:`DataStatus.ESTIMATED`) make answers that
    touch them provisional. A working day on a national statutory holiday says that it
    overrides the national day (``overrides_national``), as a local overlay must.
    """
    end = default_calendar().coverage.last if last is None else last
    entry = st.builds(
        OverlayEntry,
        day=st.dates(min_value=first, max_value=end),
        kind=st.sampled_from(OverlayKind),
        label=st.sampled_from(["测试假日", "临时停止办公", "地方调休上班", "test day"]),
        source=st.just(_TEST_SOURCE),
        status=st.sampled_from(tuple(statuses)),
    ).map(_declare_override)
    return st.builds(
        Overlay,
        name=st.sampled_from(["测试叠加", "test overlay"]),
        entries=st.lists(entry, max_size=max_entries, unique_by=lambda e: e.day).map(tuple),
        scope=st.just(OverlayScope.LOCAL),
    )


def _declare_override(entry: OverlayEntry) -> OverlayEntry:
    if entry.kind is not OverlayKind.WORKING_DAY:
        return entry
    try:
        statutory = statutory_days(entry.day.year)
    except ValueError:  # a year outside the lunar table: nothing to declare
        return entry
    if entry.day in statutory:
        return attrs.evolve(entry, overrides_national=True)
    return entry


def calendars(
    *,
    max_overlays: int = 2,
    max_entries: int = 6,
    statuses: Sequence[DataStatus] = (DataStatus.CONFIRMED,),
) -> st.SearchStrategy[WorkdayCalendar]:
    """Working-day calendars (工作日日历): national data with up to *max_overlays* random
    local overlays of test data (see :func:`overlays`)."""
    return st.lists(
        overlays(max_entries=max_entries, statuses=statuses), max_size=max_overlays
    ).map(WorkdayCalendar)


# ---------------------------------------------------------------------------
# Policies and clock events


def policies(*, variants: bool = True) -> st.SearchStrategy[Policy]:
    """:data:`~disclosure_flow.R2019`, :data:`~disclosure_flow.R2008` and, with
    *variants*, variants of them (适用规则变体): other reply periods and extension caps,
    and every choice of the conventions (day 0, pause bounds, late acts)."""
    presets = st.sampled_from([R2019, R2008])
    if not variants:
        return presets

    @st.composite
    def variant(draw: st.DrawFn) -> Policy:
        base = draw(presets)
        reply = draw(st.integers(5, 30))
        cap = draw(st.integers(0, 30))
        return attrs.evolve(
            base,
            name=f"{base.name}-测试变体",
            reply_period=LegalPeriod.working_days(reply, "测试规则"),
            extension_cap=LegalPeriod.working_days(cap, "测试规则"),
            day_zero=draw(st.sampled_from(DayZero)),
            pause_bounds=draw(st.sampled_from(PauseBounds)),
            late_acts=draw(st.sampled_from(LateActs)),
        )

    return st.one_of(presets, variant())


_policies = policies  # the parameters below shadow the name


@attrs.frozen
class ClockInputs:
    """Everything :func:`~disclosure_flow.compute_deadline` needs (期限计算输入).

    Attributes:
        day0: the receipt date (收到申请之日).
        events: the clock events, in date order.
        policy: the rules.
        calendar: the working-day calendar (not compared).
    """

    day0: _dt.date
    events: tuple[ClockEvent, ...]
    policy: Policy
    calendar: WorkdayCalendar = attrs.field(eq=False, repr=False)

    def deadline(self) -> Deadline:
        """The deadline these inputs give (答复期限)."""
        return compute_deadline(self.day0, self.events, policy=self.policy, calendar=self.calendar)


def _chance(draw: st.DrawFn, percent: int) -> bool:
    """True about *percent* times in a hundred; shrinks to False (the simpler story).

    Hypothesis favours the ends of an integer range, so the true values sit inside it.
    """
    return draw(st.integers(0, 99)) in range(30, 30 + percent)


def _day_zeros(calendar: WorkdayCalendar) -> st.SearchStrategy[_dt.date]:
    # A week of data before day 0 too: a policy may count day 0 itself.
    first = calendar.coverage.first + _dt.timedelta(days=7)
    return covered_dates(calendar, first=first, room=ROOM)


def _origin(day0: _dt.date, policy: Policy) -> _dt.date:
    return day0 - _DAY if policy.day_zero is DayZero.COUNTED else day0


def _nth_workday(calendar: WorkdayCalendar, start: _dt.date, n: int) -> _dt.date:
    return calendar.add_workdays_result(start, n).value if n else start


@st.composite
def clock_inputs(
    draw: st.DrawFn,
    *,
    calendars: st.SearchStrategy[WorkdayCalendar] | None = None,
    policies: st.SearchStrategy[Policy] | None = None,
    max_pauses: int = 3,
) -> ClockInputs:
    """Day 0 and clock events (期限计算事件序列) that the clock accepts, by construction.

    The story: possibly a correction notice in time and the corrected application
    (重新起算); then pauses (consultations, fee notices; the last may still run),
    extensions granted before the unextended deadline and within the cap, and,
    unless a pause still runs, possibly a reply (on time or late). Art. 35 delayed
    deadlines are not generated.

    Args:
        calendars: default: the national calendar.
        policies: default :func:`policies`.
        max_pauses: the most pauses.
    """
    calendar = default_calendar() if calendars is None else draw(calendars)
    policy = draw(_policies() if policies is None else policies)
    day0 = draw(_day_zeros(calendar))
    events: list[ClockEvent] = []
    zero = day0
    notice_period = policy.correction_notice_period
    if _chance(draw, 20):  # a correction
        if notice_period is None:
            latest = 10
        else:
            due = _nth_workday(calendar, _origin(day0, policy), notice_period.length)
            latest = max((due - day0).days, 0)
        sent = day0 + _dt.timedelta(days=draw(st.integers(0, latest)))
        events.append(CorrectionNotice(sent))
        if _chance(draw, 25):  # still awaiting the correction
            return ClockInputs(day0, tuple(events), policy, calendar)
        zero = sent + _dt.timedelta(days=draw(st.integers(1, 30)))
        events.append(Restart(zero))
    in_time = _nth_workday(calendar, _origin(zero, policy), policy.reply_period.length)
    cursor = zero
    running = False
    for _ in range(draw(st.integers(0, max_pauses))):
        start = cursor + _dt.timedelta(days=draw(st.integers(0, 10)))
        reason = draw(st.sampled_from(PauseReason))
        running = _chance(draw, 20)  # the pause still runs
        end = None if running else start + _dt.timedelta(days=draw(st.integers(0, 20)))
        events.append(Pause(start, end, reason))
        cursor = start if end is None else end
        if running:
            break
    left = policy.extension_cap.length
    for _ in range(draw(st.integers(0, 2))):
        if left < 1:
            break
        days = draw(st.integers(1, left))
        left -= days
        # Pauses and extensions only push the deadline later: granted by the
        # unextended, unpaused deadline, an extension is always in time.
        granted = zero + _dt.timedelta(days=draw(st.integers(0, (in_time - zero).days)))
        events.append(Extension(days, "负责人", granted))
    if not running and draw(st.booleans()):
        latest_fact = max(
            [zero, *(e.end or e.start for e in events if isinstance(e, Pause))]
            + [e.granted_on for e in events if isinstance(e, Extension)]
        )
        events.append(Reply(latest_fact + _dt.timedelta(days=draw(st.integers(0, 60)))))
    return ClockInputs(day0, tuple(events), policy, calendar)


# ---------------------------------------------------------------------------
# Outcomes, applicants, cases


def outcomes(*, replies_only: bool = False) -> st.SearchStrategy[Outcome]:
    """Outcomes (办理结果) with the details their kind requires: a 不予公开 with its
    ground, a 部分公开 with what was withheld and why, 其他 with a note. With
    *replies_only*, only groups （一）–（五） (a reply on the merits)."""
    kinds = [k for k in OutcomeKind if k.is_reply or not replies_only]
    grounds = OutcomeKind.WITHHELD.reasons

    @st.composite
    def build(draw: st.DrawFn) -> Outcome:
        kind = draw(st.sampled_from(kinds))
        if kind is OutcomeKind.PARTIALLY_DISCLOSED:
            chosen = draw(st.lists(st.sampled_from(grounds), min_size=1, max_size=3, unique=True))
            return Outcome(kind, withheld="涉及个人信息的部分", withheld_grounds=tuple(chosen))
        reason = draw(st.sampled_from(kind.reasons))
        agency = None
        if reason is OutcomeReason.NOT_THIS_AGENCY and draw(st.booleans()):
            agency = "某某局（测试）"
        note = "测试说明" if reason is OutcomeReason.OTHER else None
        return Outcome(kind, reason, competent_agency=agency, note=note)

    return build()


def applicants() -> st.SearchStrategy[Applicant]:
    """Applicants (申请人) of every kind, without identity documents (test data)."""
    return st.builds(
        Applicant,
        kind=st.sampled_from(ApplicantKind),
        name=st.sampled_from(["测试申请人", "测试公司", "Test Applicant"]),
    )


_REQUEST = InformationRequest(
    "测试用政府信息（非真实申请）", ProvisionForm.PAPER, DeliveryMethod.POST
)
_RESULTS = (RemedyResult.UPHELD, RemedyResult.CORRECTED, RemedyResult.OTHER)


def _payload(
    draw: st.DrawFn, case: Case, event: EventKind, day: _dt.date
) -> tuple[_dt.date, dict[str, Any]] | None:
    """``(day, particulars)`` for *event*, chosen to be lawful where it can be known
    beforehand; ``None`` to skip the event."""
    later = st.integers(1, 20).map(lambda n: day + _dt.timedelta(days=n))

    def sub_due(kind: SubDeadlineKind, about: str | None = None) -> _dt.date | None:
        for sub in case.sub_deadlines():
            if sub.kind is kind and sub.about == about:
                return sub.due
        return None

    if event is EventKind.NOTIFY_CORRECTION:
        return day, {"items": "补充身份证明", "due": draw(later)}
    if event is EventKind.CORRECTION_LAPSED:
        assert case.correction is not None
        return max(day, case.correction.due + _DAY), {}
    if event is EventKind.CONSULT:
        party = draw(st.sampled_from(ConsultedParty))
        name = f"征求对象{len(case.consultations) + 1}"
        received = day + _dt.timedelta(days=draw(st.integers(0, 3)))
        return day, {"party": party, "consultee": name, "letter_received": received}
    if event is EventKind.RECEIVE_CONSULTATION_ANSWER:
        open_now = [c for c in case.consultations if c.is_open]
        if not open_now:  # waiting for a payment only
            return None
        consultation = draw(st.sampled_from(open_now))
        answer = draw(st.sampled_from(ConsultationAnswer))
        particulars: dict[str, Any] = {"consultee": consultation.consultee, "answer": answer}
        if answer is ConsultationAnswer.OBJECTION:
            particulars["reasons"] = "涉及商业秘密（测试）"
        if answer is ConsultationAnswer.NO_ANSWER:
            kind = (
                SubDeadlineKind.THIRD_PARTY_ANSWER
                if consultation.party is ConsultedParty.THIRD_PARTY
                else SubDeadlineKind.INTER_AGENCY_ANSWER
            )
            due = sub_due(kind, consultation.consultee)
            if due is not None:
                day = max(day, due + _DAY)
        return day, particulars
    if event is EventKind.EXTEND:
        left = case.policy.extension_cap.length - sum(x.days for x in case.extensions)
        if left < 1:
            return None
        return day, {"days": draw(st.integers(1, left)), "approver": "负责人"}
    if event is EventKind.SET_DELAYED_DEADLINE:
        deadline = case.deadline()
        base = day if deadline is None or deadline.due is None else max(day, deadline.due)
        return day, {"due": base + _dt.timedelta(days=draw(st.integers(1, 30)))}
    if event is EventKind.ISSUE_FEE_NOTICE:
        received = day + _dt.timedelta(days=draw(st.integers(0, 3)))
        return day, {
            "amount": draw(st.integers(1, 3000)),
            "method": draw(st.sampled_from(FeeMethod)),
            "notice_received": received,
        }
    if event is EventKind.RECEIVE_PAYMENT:
        due = sub_due(SubDeadlineKind.FEE_PAYMENT)
        return (day if due is None else max(min(day, due), case.history[-1].day)), {}
    if event is EventKind.FEE_LAPSED:
        due = sub_due(SubDeadlineKind.FEE_PAYMENT)
        return None if due is None else (max(day, due + _DAY), {})
    if event is EventKind.REPLY:
        return day, {"outcome": draw(outcomes(replies_only=True))}
    if event is EventKind.DELIVER:
        return day, {"method": draw(st.sampled_from(DeliveryMethod))}
    if event in (EventKind.DECIDE_RECONSIDERATION, EventKind.DECIDE_LITIGATION):
        return day, {"result": draw(st.sampled_from(_RESULTS))}
    if event is EventKind.FILE_LITIGATION:
        decided = any(
            p.kind is RemedyKind.RECONSIDERATION and p.decided is not None for p in case.proceedings
        )
        route = LitigationRoute.AFTER_RECONSIDERATION if decided else LitigationRoute.DIRECT
        return day, {"route": route}
    return day, {}


@st.composite
def cases(
    draw: st.DrawFn,
    *,
    calendars: st.SearchStrategy[WorkdayCalendar] | None = None,
    policies: st.SearchStrategy[Policy] | None = None,
    channels: st.SearchStrategy[Channel] | None = None,
    max_events: int = 12,
) -> Case:
    """Cases (申请案件) after a random lawful event sequence, applied through the public
    :class:`~disclosure_flow.cases.case.Case` API.

    Each step picks an event the lifecycle allows in the current state, with lawful
    particulars where they can be known beforehand; an event the library still
    refuses (e.g. an extension after the deadline) changes nothing and is skipped, as
    it would be in an office.

    Args:
        calendars: default: the national calendar.
        policies: default: the rules in force on the drawn day 0 (:data:`~disclosure_flow.R2019`
            from 2019-05-15, :data:`~disclosure_flow.R2008` before); a drawn policy
            applies whatever the day 0 (a simulation, ``PolicyDates.ANY``).
        channels: default: any :class:`~disclosure_flow.Channel`.
        max_events: the most events after registration.
    """
    calendar = default_calendar() if calendars is None else draw(calendars)
    channel = draw(st.sampled_from(Channel) if channels is None else channels)
    received = draw(_day_zeros(calendar))
    if policies is None:
        # the rules in force on day 0; before the regulation (2008-05-01), R2008 as a
        # simulation
        policy = R2019 if R2019.in_force_on(received) else R2008
    else:
        policy = draw(policies)
    case = Case.open(
        f"TEST-{draw(st.integers(1, 99_999)):05d}",
        applicant=draw(applicants()),
        request=_REQUEST,
        channel=channel,
        received=received,
        calendar=calendar,
        policy=policy,
        policy_dates=(
            PolicyDates.IN_FORCE
            if policies is None and policy.in_force_on(received)
            else PolicyDates.ANY
        ),
    )
    recorded = 0
    for _ in range(max_events * 3):
        if recorded >= max_events or case.state.is_final:
            break
        allowed = case.allowed_events()
        ordinary = [e for e in EventKind if e in allowed and e is not EventKind.WITHDRAW]
        if not ordinary or (EventKind.WITHDRAW in allowed and _chance(draw, 2)):
            event = EventKind.WITHDRAW  # rarely: most stories should reach a reply
        else:
            event = draw(st.sampled_from(ordinary))
        day = case.history[-1].day + _dt.timedelta(days=draw(st.integers(0, 7)))
        chosen = _payload(draw, case, event, day)
        if chosen is None:
            continue
        try:
            case.apply(event, chosen[0], **chosen[1])
        except EventRefusedError:
            continue
        recorded += 1
    return case


# ---------------------------------------------------------------------------
# Report records


@st.composite
def _proceedings(draw: st.DrawFn, after: _dt.date) -> tuple[ProceedingRecord, ...]:
    found = []
    for _ in range(draw(st.integers(0, 2))):
        filed = after + _dt.timedelta(days=draw(st.integers(0, 200)))
        result = draw(st.sampled_from(ProceedingResult))
        decided = None
        if result is not ProceedingResult.PENDING:
            decided = filed + _dt.timedelta(days=draw(st.integers(0, 200)))
        found.append(
            ProceedingRecord(draw(st.sampled_from(ProceedingKind)), filed, result, decided)
        )
    return tuple(found)


@st.composite
def report_records(
    draw: st.DrawFn,
    *,
    first: _dt.date = _dt.date(2019, 5, 15),
    last: _dt.date = _dt.date(2026, 12, 31),
) -> ReportRecord:
    """Records of cases (年报统计记录) received in ``[first, last]`` (or never confirmed),
    concluded on or after day 0 or still open, with consistent particulars, so that
    :func:`~disclosure_flow.reports.annual.annual_report` balances for any year."""
    received = draw(st.one_of(st.none(), st.dates(min_value=first, max_value=last)))
    start = first if received is None else received
    concluded = None
    row = None
    working_days = overdue_by = None
    if received is not None and draw(st.booleans()):
        concluded = received + _dt.timedelta(days=draw(st.integers(0, 120)))
        row = draw(st.sampled_from(ReportRow))
        if row.kind.is_reply:
            working_days = draw(st.integers(0, 60))
            overdue_by = draw(st.integers(0, 20))
    due = None
    if received is not None and draw(st.booleans()):
        due = received + _dt.timedelta(days=draw(st.integers(28, 90)))
    return ReportRecord(
        f"R-{draw(st.integers(1, 999_999)):06d}",
        draw(st.sampled_from(ApplicantKind)),
        received,
        concluded=concluded,
        row=row,
        proceedings=draw(_proceedings(concluded or start)),
        working_days=working_days,
        overdue_by=overdue_by,
        extended=draw(st.booleans()),
        consulted=draw(st.booleans()),
        fee_yuan=draw(st.sampled_from([0, 0, 100, 4700])),
        due=due,
    )
