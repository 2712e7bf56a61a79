"""What a new calendar changes (重新计算): deadlines moved, answers made final, acts late.

When the State Council's notice for next year arrives (or a local overlay changes), every
case in flight must be recomputed: peer systems store deadlines once, so new holiday data
never reaches requests already open. :func:`recompute` compares each case under its
own calendar and under the new one, and says what moved — the reply deadline and every
sub-deadline (from, to, by how many working days), answers that turned from
provisional to final, acts that are now late (new findings). The cases are left as they
were; call :meth:`Case.use_calendar <disclosure_flow.cases.Case.use_calendar>` to adopt
the new calendar.

>>> import datetime as dt
>>> from disclosure_flow import (
...     Applicant, ApplicantKind, Case, Channel, DeliveryMethod, Estimates,
...     InformationRequest, ProvisionForm, WorkdayCalendar,
... )
>>> provisional = WorkdayCalendar(estimates=Estimates.ALLOW)
>>> case = Case.open(
...     "2026-120",
...     applicant=Applicant(ApplicantKind.NATURAL_PERSON, "赵六"),
...     request=InformationRequest("某项目批复", ProvisionForm.PAPER, DeliveryMethod.POST),
...     channel=Channel.IN_PERSON,
...     received=dt.date(2026, 12, 10),
...     calendar=provisional,
... )
>>> case.deadline().due, case.deadline().provisional
(datetime.date(2027, 1, 8), True)

An overlay for 2027 arrives (here an example with the statutory days only — not the
real notice):

>>> from disclosure_flow import Overlay, OverlayEntry, OverlayKind, OverlayScope, recompute
>>> from disclosure_flow.workdays import statutory_days
>>> example = Overlay(
...     "示例：2027年法定节假日（非官方数据）",
...     tuple(OverlayEntry(day, OverlayKind.DAY_OFF, name, "示例")
...           for day, name in statutory_days(2027).items()),
...     scope=OverlayScope.NATIONAL,
...     covers=(2027,),
... )
>>> (found,) = recompute([case], WorkdayCalendar([example]))
>>> [(c.what, c.before, c.after, c.moved_by, c.became_final) for c in found.changes]
[('reply', datetime.date(2027, 1, 8), datetime.date(2027, 1, 8), 0, True)]
>>> case.calendar is provisional                      # the case is left as it was
True
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from disclosure_flow._fields import text_codec
from disclosure_flow.cases import Case
from disclosure_flow.clock import R2008, R2019, Finding, Policy
from disclosure_flow.errors import CoverageError, InvalidValueError, SerializationError, Wording
from disclosure_flow.reports.records import _json_lines, _parsed
from disclosure_flow.workdays import WorkdayCalendar

__all__ = ["CaseChanges", "DeadlineChange", "read_cases", "recompute"]

#: The reply deadline's name in a :class:`DeadlineChange` (sub-deadlines use their kind).
REPLY = "reply"


@attrs.frozen
class DeadlineChange:
    """One deadline of a case under the old and the new calendar (期限变化).

    Attributes:
        what: ``"reply"`` for the reply deadline, else the sub-deadline's kind value
            (e.g. ``"third_party_answer"``).
        about: whom a sub-deadline concerns (the consultee), if anyone.
        before: the date under the old calendar (``None``: open, or not answerable).
        after: the date under the new calendar (``None``: open, or gone).
        moved_by: working days from *before* to *after* under the new calendar
            (positive: later); ``None`` when either is missing.
        was_provisional: whether the old answer touched an estimated day (估计).
        now_provisional: whether the new one does.
    """

    what: str
    about: str | None
    before: _dt.date | None
    after: _dt.date | None
    moved_by: int | None
    was_provisional: bool
    now_provisional: bool

    @property
    def became_final(self) -> bool:
        """Whether a provisional answer is now final (由估计变为确定)."""
        return self.was_provisional and not self.now_provisional


@attrs.frozen
class CaseChanges:
    """What the new calendar changes for one case (单个案件的变化).

    Attributes:
        case_id: the case.
        changes: the deadlines that moved or became final, reply first.
        new_findings: findings the new calendar adds (an act now late).
        unanswered: the deadlines the old calendar could not answer (a strict calendar
            without the year's data): their ``before`` is ``None``.
    """

    case_id: str
    changes: tuple[DeadlineChange, ...]
    new_findings: tuple[Finding, ...]
    unanswered: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changes or self.new_findings)


_Answer = tuple[_dt.date | None, bool]


def _answers(case: Case) -> tuple[dict[tuple[str, str | None], _Answer], list[str]]:
    """Every deadline of *case* under its calendar, keyed ``(what, about)``, and those it
    could not answer."""
    found: dict[tuple[str, str | None], _Answer] = {}
    unanswered: list[str] = []
    try:
        deadline = case.deadline()
    except CoverageError:
        unanswered.append(REPLY)
    else:
        if deadline is not None:
            found[(REPLY, None)] = (deadline.due, deadline.provisional)
    try:
        subs = case.sub_deadlines()
    except CoverageError:
        unanswered.append("sub_deadlines")
    else:
        for sub in subs:
            provisional = sub.end.provisional if sub.end is not None else False
            found[(sub.kind.value, sub.about)] = (sub.due, provisional)
    return found, unanswered


def _findings(case: Case) -> tuple[Finding, ...]:
    try:
        return case.findings()
    except CoverageError:
        return ()


def recompute(cases: Iterable[Case], calendar: WorkdayCalendar) -> Iterator[CaseChanges]:
    """For each case, what *calendar* changes against the case's own (重新计算).

    Each case is computed under its calendar, then under *calendar*, and left with its
    own calendar again. Cases where nothing changed are yielded too (their
    :class:`CaseChanges` is falsy).

    Raises:
        InvalidValueError: *calendar* is not a :class:`WorkdayCalendar`, or an item is not
            a :class:`Case`.
        CoverageError: the new calendar cannot answer a deadline (a strict calendar
            without the year's data).
    """
    if not isinstance(calendar, WorkdayCalendar):
        raise InvalidValueError(
            "calendar", calendar, Wording("a WorkdayCalendar", "WorkdayCalendar 工作日历")
        )
    for case in cases:
        if not isinstance(case, Case):
            raise InvalidValueError("cases", case, Wording("Case objects", "Case 案件对象"))
        yield _changes(case, calendar)


def _changes(case: Case, calendar: WorkdayCalendar) -> CaseChanges:
    old_calendar = case.calendar
    before, unanswered = _answers(case)
    old_findings = _findings(case)
    case.use_calendar(calendar)
    try:
        after, _ = _answers(case)
        new_findings = tuple(f for f in case.findings() if f not in old_findings)
    finally:
        case.use_calendar(old_calendar)
    changes = []
    for key in sorted(before.keys() | after.keys(), key=lambda k: (k[0] != REPLY, k)):
        old, was = before.get(key, (None, False))
        new, now = after.get(key, (None, False))
        if old == new and was == now:
            continue
        moved = None
        if old is not None and new is not None:
            lo, hi = min(old, new), max(old, new)
            between = calendar.workdays_between_result(lo, hi).value
            moved = between if new >= old else -between
        changes.append(DeadlineChange(key[0], key[1], old, new, moved, was, now))
    return CaseChanges(case.id, tuple(changes), new_findings, tuple(unanswered))


def read_cases(
    lines: Iterable[str] | Iterable[bytes] | os.PathLike[str],
    *,
    calendar: WorkdayCalendar,
    policies: Iterable[Policy] = (R2019, R2008),
    encoding: str = "utf-8",
) -> Iterator[Case]:
    """Cases stored one per line as JSON (:meth:`Case.to_dict`), read lazily (逐行读取案件).

    Args:
        lines: a file (open, text or binary) or its path, or any lines.
        calendar: the calendar the cases compute with.
        policies: the policies a stored policy name may refer to.
        encoding: how bytes are decoded (default UTF-8, with or without a BOM).

    Raises:
        SerializationError: a line is not a stored case; the error names the line
            (e.g. ``"line 3: case.events[2].after"``) and, for a case given twice, both
            lines.
        InputEncodingError: bytes that are not text in *encoding*.
    """
    codec = text_codec(encoding)
    chosen = tuple(policies)
    seen: dict[str, int] = {}

    def build(data: Any, path: str) -> Case:
        try:
            return Case.from_dict(data, calendar=calendar, policies=chosen)
        except SerializationError as error:
            raise SerializationError(
                f"{path}: {error.path}", error.value, error.allowed, personal=error.personal
            ) from None

    for number, path, line in _json_lines(lines, codec):
        case = _parsed(path, line, build)
        first = seen.setdefault(case.id, number)
        if first != number:
            raise SerializationError(
                f"{path}.id",
                case.id,
                Wording(
                    f"each case once; line {first} already holds it",
                    f"每个案件一条；第 {first} 行已有此案件",
                ),
            )
        yield case
