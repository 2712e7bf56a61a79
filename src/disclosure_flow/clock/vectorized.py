"""Reply deadlines on numpy arrays (向量化计算), for a notebook over many cases: the
scalar API (:func:`~disclosure_flow.clock.compute_deadline` and :meth:`Deadline.status
<disclosure_flow.clock.Deadline.status>`) case by case, on the calendar's rank table.
Kept equal to it by ``tests/clock/test_vectorized.py``.

:func:`deadlines_array` takes, for each case, day 0, its pauses (start and end) and the
working days its extensions add, and gives the due date and where it stands on a day:
what the scalar API gives for the events ``Pause(start, end, reason)`` for each pause
and one ``Extension(days, …, granted_on=day0)``, element by element. Cases with
anything else (a restart, a correction, a reply, an Art. 35 deadline, an extension
granted later) belong to the scalar API.

Dates beyond the calendar's data follow its rule: a strict calendar raises the
:class:`~disclosure_flow.errors.CoverageError` the scalar API raises for the first such
case; a provisional one (:attr:`~disclosure_flow.Estimates.ALLOW`) counts on its
estimate and says so in the ``provisional`` column. An element that fails raises the
error the scalar API raises for it. The few elements the array arithmetic does not
decide (a day outside the table, a pause ending before it starts, …) are computed by
the scalar API, one by one.

numpy is optional (``pip install 'disclosure-flow[numpy]'``) and imported only when
:func:`deadlines_array` is called; :meth:`DeadlineArrays.to_frame` needs pandas. Dates
are ``datetime64[D]`` arrays (or pandas date columns: ``datetime64`` values at midnight);
a time of day, or ``NaT`` as day 0, is refused.

>>> import numpy as np
>>> from disclosure_flow import R2019, WorkdayCalendar
>>> from disclosure_flow.clock.vectorized import deadlines_array
>>> day0 = np.array(["2026-09-28", "2026-09-28"], dtype="datetime64[D]")
>>> starts = np.array(["2026-10-12", "NaT"], dtype="datetime64[D]")
>>> ends = np.array(["2026-10-20", "NaT"], dtype="datetime64[D]")
>>> got = deadlines_array(
...     day0, pause_starts=starts, pause_ends=ends, extension_days=np.array([10, 0]),
...     as_of=np.datetime64("2026-11-02"), policy=R2019, calendar=WorkdayCalendar(),
... )
>>> got.due
array(['2026-11-23', '2026-10-30'], dtype='datetime64[D]')
>>> got.used, got.left, got.overdue_by
(array([15, 21]), array([15,  0]), array([0, 1]))
"""

from __future__ import annotations

import datetime as _dt
import importlib
import weakref
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from disclosure_flow import _fields
from disclosure_flow.clock.compute import compute_deadline, national_calendar
from disclosure_flow.clock.events import ClockEvent, Extension, Pause
from disclosure_flow.clock.policy import (
    R2008,
    R2019,
    DayZero,
    PauseBounds,
    PauseReason,
    Policy,
    policy_in_force,
)
from disclosure_flow.dates import check_date
from disclosure_flow.errors import InvalidValueError, Wording
from disclosure_flow.workdays import WorkdayCalendar

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    DateArray: TypeAlias = npt.NDArray[np.datetime64]
    IntArray: TypeAlias = npt.NDArray[np.int64]
    BoolArray: TypeAlias = npt.NDArray[np.bool_]

__all__ = ["DeadlineArrays", "deadlines_array"]

#: ``date(1970, 1, 1).toordinal()``: datetime64[D] counts days from 1970-01-01.
_EPOCH = 719_163
_DATES = Wording(
    "a numpy datetime64[D] array (e.g. np.array(days, dtype='datetime64[D]')), or a "
    "pandas date column",
    "numpy datetime64[D] 数组（如 np.array(days, dtype='datetime64[D]')），或 pandas 日期列",
)
#: The approver recorded on the extensions the scalar fallback builds.
_APPROVER = "负责人"


def _numpy() -> Any:
    try:
        import numpy
    except ImportError:
        raise ImportError(
            "disclosure_flow.clock.vectorized needs numpy; install it with "
            "pip install 'disclosure-flow[numpy]' (compute_deadline works without it)"
        ) from None
    return numpy


@attrs.frozen(eq=False)
class DeadlineArrays:
    """Deadlines and where they stand, one element per case (数组形式的答复期限).

    Attributes:
        due: the due dates (``datetime64[D]``; ``NaT`` while a pause is running), as
            :attr:`Deadline.due <disclosure_flow.clock.Deadline.due>`.
        used: working days used by ``as_of`` (已用工作日), as
            :attr:`DeadlineStatus.used <disclosure_flow.clock.DeadlineStatus.used>`.
        left: working days left (剩余工作日), ``max(period - used, 0)``.
        overdue_by: working days overdue (逾期工作日); 0 if not overdue.
        paused: whether a pause is running on ``as_of`` (暂停计时中).
        provisional: whether an estimated calendar day was involved (估计，待确认), as
            :attr:`DeadlineStatus.provisional
            <disclosure_flow.clock.DeadlineStatus.provisional>`.
    """

    due: DateArray
    used: IntArray
    left: IntArray
    overdue_by: IntArray
    paused: BoolArray
    provisional: BoolArray

    def to_frame(self, index: Any = None) -> Any:
        """The arrays as the columns of a pandas DataFrame (extra ``pandas``).

        Raises:
            ModuleNotFoundError: pandas is not installed.
        """
        try:
            pandas = importlib.import_module("pandas")
        except ImportError as error:
            raise ModuleNotFoundError(
                "DeadlineArrays.to_frame() needs pandas, an optional extra: "
                "pip install 'disclosure-flow[pandas]'",
                name="pandas",
            ) from error
        return pandas.DataFrame(
            {a.name: getattr(self, a.name) for a in attrs.fields(DeadlineArrays)}, index=index
        )


class _Tables:
    """A calendar's counting table as numpy arrays (built once per calendar)."""

    def __init__(self, calendar: WorkdayCalendar) -> None:
        np = _numpy()
        first, rank, workdays, estimated = calendar.counting_table()
        self.first = first
        self.size = len(rank)
        # One more at the end: index size (past the table) has every working day's rank.
        # Ranks are small: int32 halves the memory each pass over a million cases reads.
        self.rank = np.asarray([*rank, rank[-1]], dtype=np.int32)
        #: The index of each working day, by rank (index 0 unused).
        self.workday_index = np.asarray([0, *(d.toordinal() - first for d in workdays)], np.int32)
        self.estimated = None if estimated is None else np.asarray(estimated, dtype=np.int32)


_CACHE: weakref.WeakKeyDictionary[WorkdayCalendar, _Tables] = weakref.WeakKeyDictionary()


def _tables(calendar: WorkdayCalendar) -> _Tables:
    if not isinstance(calendar, WorkdayCalendar):
        raise InvalidValueError(
            "calendar", calendar, Wording("a WorkdayCalendar", "WorkdayCalendar 工作日历")
        )
    tables = _CACHE.get(calendar)
    if tables is None:
        tables = _CACHE[calendar] = _Tables(calendar)
    return tables


def _days(np: Any, value: object, field: str, *, nat: bool) -> Any:
    """*value* as int64 day numbers since 1970-01-01 (``NaT`` kept as numpy's NaT
    integer when *nat*)."""
    array = np.asarray(value)
    if array.dtype.kind != "M":
        raise InvalidValueError(field, f"array of dtype {array.dtype}", _DATES)
    days = array.astype("datetime64[D]", copy=False)
    if array.dtype != days.dtype:
        # pandas keeps dates as datetime64[ns]: accepted when each is a midnight.
        midnight = (days == array) | np.isnat(array)
        if not midnight.all():
            raise InvalidValueError(field, "a date with a time of day", _DATES)
    if not nat and np.isnat(days).any():
        raise InvalidValueError(
            field, "NaT", Wording(_DATES + " without NaT", _DATES.zh + "，不含 NaT")
        )
    return days.view(np.int64)


def _counts(np: Any, value: object, n: int) -> Any:
    array = np.asarray(value)
    if (
        isinstance(value, bool)
        or array.dtype.kind not in "iu"
        or (array.dtype.kind == "u" and array.dtype.itemsize >= 8)
    ):
        raise InvalidValueError(
            "extension_days",
            value,
            Wording("an int or an integer array (working days)", "整数或整数数组（工作日）"),
        )
    if array.ndim and array.shape != (n,):
        raise InvalidValueError(
            "extension_days",
            f"an array of shape {array.shape}",
            Wording(f"one int or {n}", f"一个整数或 {n} 个"),
        )
    return np.broadcast_to(array.astype(np.int64, copy=False), (n,))


def _as_of(np: Any, value: object) -> Any:
    if isinstance(value, _dt.date):
        day = check_date(value, "as_of")
        return np.int64(day.toordinal() - _EPOCH)
    return _days(np, value, "as_of", nat=False)


def deadlines_array(
    day0: DateArray,
    *,
    pause_starts: DateArray | None = None,
    pause_ends: DateArray | None = None,
    extension_days: int | IntArray = 0,
    as_of: DateArray | np.datetime64 | _dt.date,
    policy: Policy | None = None,
    calendar: WorkdayCalendar | None = None,
    pause_reason: PauseReason | str = PauseReason.THIRD_PARTY,
) -> DeadlineArrays:
    """Each case's deadline and its status on *as_of*, for many cases at once.

    Args:
        day0: day 0 of each case, shape ``(n,)``.
        pause_starts: the start of each pause, shape ``(n,)`` (one pause a case) or
            ``(n, k)`` (up to *k*); ``NaT`` where a case has no pause in that column.
        pause_ends: the end of each pause, same shape; ``NaT`` while it is running.
        extension_days: working days added by extensions, granted in time (0: none);
            an int or shape ``(n,)``.
        as_of: the day asked about: one date, or one a case.
        policy: the rules (适用规则), e.g. :data:`~disclosure_flow.clock.R2019`; default,
            as :func:`~disclosure_flow.clock.compute_deadline` has it, the national rules
            in force on each case's day 0 (R2019 from 2019-05-15, R2008 before).
        calendar: the working-day calendar (工作日历); default the national strict one
            (:func:`~disclosure_flow.clock.national_calendar`).
        pause_reason: the reason of every pause (暂停事由), a
            :class:`~disclosure_flow.clock.PauseReason` or its value (default third
            party, which every policy leaves out of the period).

    Raises:
        ImportError: numpy is not installed.
        InvalidValueError: an argument of the wrong kind or shape.
        ClockError, CoverageError, InvalidValueError: as the scalar API, for the first
            case that raises them.
    """
    np = _numpy()
    if policy is not None and not isinstance(policy, Policy):
        raise InvalidValueError(
            "policy",
            policy,
            Wording(
                "a Policy, e.g. disclosure_flow.R2019", "Policy 规则集，如 disclosure_flow.R2019"
            ),
        )
    reason = _fields.to_member(PauseReason, pause_reason, "pause_reason")
    if calendar is None:
        calendar = national_calendar()
    tables = _tables(calendar)
    zero = _days(np, day0, "day0", nat=False)
    if zero.ndim != 1:
        raise InvalidValueError(
            "day0", f"an array of shape {zero.shape}", Wording("shape (n,)", "形状 (n,)")
        )
    n = zero.shape[0]
    if (pause_starts is None) != (pause_ends is None):
        raise InvalidValueError(
            "pause_ends" if pause_ends is None else "pause_starts",
            None,
            Wording("pause_starts and pause_ends together", "pause_starts 与 pause_ends 同时给出"),
        )
    if pause_starts is None:
        starts = ends = np.zeros((n, 0), dtype=np.int64)
    else:
        starts = _days(np, pause_starts, "pause_starts", nat=True)
        ends = _days(np, pause_ends, "pause_ends", nat=True)
        if starts.ndim == 1:
            starts = starts[:, None]
        if ends.ndim == 1:
            ends = ends[:, None]
        if starts.shape != ends.shape or starts.ndim != 2 or starts.shape[0] != n:
            raise InvalidValueError(
                "pause_ends",
                f"pause arrays of shapes {starts.shape} and {ends.shape}",
                Wording(
                    f"the same shape, (n,) or (n, k) with n = {n}",
                    f"相同形状：(n,) 或 (n, k)，n = {n}",
                ),
            )
    extension = _counts(np, extension_days, n)
    asked = _as_of(np, as_of)
    if asked.ndim and asked.shape != (n,):
        raise InvalidValueError(
            "as_of",
            f"an array of shape {asked.shape}",
            Wording(f"one date or {n}", f"一个日期或 {n} 个"),
        )
    asked = np.broadcast_to(asked, (n,))
    args = (zero, starts, ends, extension, asked)
    if policy is not None:
        out = _run(np, tables, policy, calendar, reason, *args)
    else:
        # The rules in force on each day 0: each policy's cases counted apart.
        out = [np.empty(n, dtype=dtype) for dtype in _COLUMNS]
        for rules, cases in _by_policy_in_force(np, zero):
            if cases is None:
                out = _run(np, tables, rules, calendar, reason, *args)
                break
            got = _run(np, tables, rules, calendar, reason, *(a[cases] for a in args))
            for column, values in zip(out, got, strict=True):
                column[cases] = values
    due, used, left, overdue_by, paused, provisional = out
    return DeadlineArrays(
        due=due.view("datetime64[D]"),
        used=used,
        left=left,
        overdue_by=overdue_by,
        paused=paused,
        provisional=provisional,
    )


#: The dtypes of the columns :func:`_run` fills: due (day numbers, NaT while open),
#: used, left, overdue_by, paused, provisional.
_COLUMNS = ("int64", "int64", "int64", "int64", "bool", "bool")


def _by_policy_in_force(np: Any, zero: Any) -> list[tuple[Policy, Any]]:
    """The national rules in force on the days 0 *zero* (day numbers), each with the
    indices of its cases, or ``None`` when it is every case's.

    Raises:
        InvalidValueError: a day 0 before the first regulation (2008-05-01), through
            :func:`~disclosure_flow.clock.compute_deadline`.
    """
    if not zero.shape[0]:
        return [(R2019, None)]
    first = _dt.date.fromordinal(int(zero.min()) + _EPOCH)
    last = _dt.date.fromordinal(int(zero.max()) + _EPOCH)
    if first < R2008.in_force_from:  # type: ignore[operator]  # R2008's first day is set
        compute_deadline(first)  # raises the scalar API's error
    earliest, latest = policy_in_force(first), policy_in_force(last)
    if earliest is latest:
        return [(latest, None)]
    later = zero >= (R2019.in_force_from.toordinal() - _EPOCH)  # type: ignore[union-attr]
    return [(R2008, np.flatnonzero(~later)), (R2019, np.flatnonzero(later))]


def _run(
    np: Any,
    tables: _Tables,
    policy: Policy,
    calendar: WorkdayCalendar,
    pause_reason: PauseReason,
    zero: Any,
    starts: Any,
    ends: Any,
    extension: Any,
    asked: Any,
) -> list[Any]:
    """The six columns for the cases given, under one policy."""
    n = zero.shape[0]
    out = [
        np.empty(n, dtype=np.int64),  # due, as day numbers (NaT while open)
        np.empty(n, dtype=np.int64),  # used
        np.empty(n, dtype=np.int64),  # left
        np.empty(n, dtype=np.int64),  # overdue_by
        np.empty(n, dtype=bool),  # paused
        np.empty(n, dtype=bool),  # provisional
    ]
    # A chunk at a time, so that each pass over it reads from the processor's cache.
    for lo in range(0, n, _CHUNK):
        hi = min(lo + _CHUNK, n)
        got, scalar = _count(
            np,
            tables,
            policy,
            pause_reason,
            zero[lo:hi],
            # One pause column after another, each contiguous: the passes read less.
            np.ascontiguousarray(starts[lo:hi].T),
            np.ascontiguousarray(ends[lo:hi].T),
            extension[lo:hi],
            asked[lo:hi],
        )
        for column, values in zip(out, got, strict=True):
            column[lo:hi] = values
        for i in lo + np.flatnonzero(scalar):
            _fill_from_scalar(
                np, out, i, policy, calendar, pause_reason, zero, starts, ends, extension, asked
            )
    return out


#: Cases counted at a time: a chunk's arrays stay in the processor's cache.
_CHUNK = 1 << 14


#: numpy's NaT as an int64.
_NAT = -(2**63)


def _count(
    np: Any,
    t: _Tables,
    policy: Policy,
    reason: PauseReason,
    zero: Any,
    starts: Any,
    ends: Any,
    extension: Any,
    as_of: Any,
) -> tuple[list[Any], Any]:
    """The arrays of :class:`DeadlineArrays` (due as day numbers, ``_NAT`` when open)
    for the cases counted here, and which cases the scalar API must count. The pause
    arrays come one column a row, ``(k, n)``.

    Days are table indices; a pause ``(a, b]`` removes the working days of ranks
    ``(rank[a], rank[b]]``, so that on ranks the general path's walk along the pauses
    (``_nth``) is a sum: each pause that starts before the due rank found so far pushes
    it by the working days it removes that no earlier pause removed.
    """
    n = zero.shape[0]
    offset = t.first - _EPOCH  # a day number minus offset is its table index
    rank, size, workday_index = t.rank, t.size, t.workday_index
    last_rank = len(workday_index) - 1  # the rank of the table's last working day
    base = policy.reply_period.length
    cap = policy.extension_cap.length
    # Cases the scalar API decides: anything it refuses or that reads beyond the table
    # (the whole batch checked at once first, each case only if that fails). Past these
    # checks every index fits an int32, which halves what each pass reads.
    scalar = np.zeros(n, dtype=bool)
    low, high = offset + 1, offset + size - 1
    if n and not (low <= zero.min() and zero.max() <= high and as_of.max() <= high):
        scalar |= (zero < low) | (zero > high) | (as_of > high)
    if n and (as_of - zero).min() < 0:
        scalar |= as_of < zero
    if n and (extension.min() < 0 or extension.max() > cap):
        scalar |= (extension < 0) | (extension > cap)
    if scalar.any():
        zero = np.where(scalar, low, zero)
        as_of = np.where(scalar, low, as_of)
    day0 = (zero - offset).astype(np.int32)
    origin = day0 - int(policy.day_zero is DayZero.COUNTED)
    until = (as_of - offset).astype(np.int32)
    pauses = _pauses(np, policy, reason, size, offset, day0, until, starts, ends, scalar)
    if scalar.any():  # keep their lookups inside the table
        origin = np.where(scalar, 0, origin)
        until = np.where(scalar, 0, until)
        pauses = [
            (np.where(scalar, size, a), np.where(scalar, size, b), running & ~scalar)
            for a, b, running in pauses
        ]
    o_rank = rank.take(origin)
    # Per pause: its start and end ranks, and whether it is running (its end then past
    # the table, so that it reaches the end of any count).
    ranks = [(rank.take(a), rank.take(b), running) for a, b, running in pauses]

    def nth(need: Any, known: list[Any] | None = None) -> tuple[Any, Any]:
        """The rank of the *need*-th counted working day after origin, over the pauses
        (the *known* ones), and whether a running pause comes first (open)."""
        due = o_rank + need
        reach = o_rank
        is_open = np.zeros(n, dtype=bool)
        for j, (a_rank, b_rank, running) in enumerate(ranks):
            before = a_rank < due  # in order of start: once one is not, none after is
            if known is not None:
                before &= known[j]
            is_open |= before & running
            push = np.maximum(b_rank - np.maximum(a_rank, reach), 0)
            due += np.where(before & ~running, push, 0)
            reach = np.maximum(reach, b_rank)
        return due, is_open

    period = (extension + base).astype(np.int32)
    due_rank, is_open = nth(period)
    has_due = ~(is_open | scalar)
    beyond = has_due & (due_rank > last_rank)
    if beyond.any():
        scalar |= beyond
        has_due &= ~beyond
    due_rank = np.where(has_due, due_rank, 0)
    due_index = workday_index.take(due_rank)
    # The extension is judged against the deadline as it stood on day 0 (granted then),
    # over the pauses known then: the general path counts that one too. It is never
    # later than the deadline in force, so it matters only where that one is open.
    first = 0  # the furthest index that count reads (0: none)
    open_extended = is_open & ~scalar & (extension > 0)
    if open_extended.any():
        on_day0 = day0 - (policy.pause_bounds is PauseBounds.START_TO_END)
        known = [a == on_day0 for a, _, _ in pauses]  # pauses that start on day 0
        first_rank, first_open = nth(np.int32(base), known)
        reads = open_extended & ~first_open
        scalar |= reads & (first_rank > last_rank)
        reads &= first_rank <= last_rank
        first = workday_index.take(np.where(reads, first_rank, 0))

    # The status: _counted in (origin, until], whether a pause is running, _late_by.
    u_rank = rank.take(until)
    used = u_rank - o_rank
    reach = o_rank
    paused = np.zeros(n, dtype=bool)
    for (a, b, _), (a_rank, b_rank, _) in zip(pauses, ranks, strict=True):
        top = np.minimum(b_rank, u_rank)
        used -= np.maximum(top - np.maximum(a_rank, reach), 0)
        reach = np.maximum(reach, top)
        paused |= (a < until) & (until <= b)
    late = has_due & (until > due_index)
    next_rank = rank.take(np.where(late, until - 1, 0)) + 1  # add(measured - 1 day, 1)
    beyond = late & (next_rank > last_rank)
    if beyond.any():
        scalar |= beyond
        late &= ~beyond
    next_rank = np.where(late, next_rank, 0)
    overdue_by = np.where(late, next_rank - due_rank, 0)
    if t.estimated is None:
        provisional = np.zeros(n, dtype=bool)
    else:
        # Every day the general path reads lies in (origin, furthest], and it reads them
        # all: provisional if any of them is estimated.
        furthest = np.maximum(np.maximum(until, due_index), first)
        furthest = np.maximum(furthest, workday_index.take(next_rank))
        est = t.estimated
        provisional = est.take(furthest + 1) != est.take(origin + 1)
    left = np.maximum(period - used, 0)
    due = np.where(has_due, due_index + np.int64(offset), _NAT)  # day numbers, NaT: open
    return [due, used, left, overdue_by, paused, provisional], scalar


def _pauses(
    np: Any,
    policy: Policy,
    reason: PauseReason,
    size: int,
    offset: int,
    day0: Any,
    until: Any,
    starts: Any,
    ends: Any,
    scalar: Any,
) -> list[tuple[Any, Any, Any]]:
    """The pauses the policy leaves out as ``(a, b, running)`` per column, in order of
    ``a``: the ``(a, b]`` of :func:`_bounds` as table indices, ``b`` ``size`` while
    running, ``a`` and ``b`` ``size`` where a case has none in the column. Marks in
    *scalar* the cases the scalar API refuses or decides. Days are table indices,
    *day0* and *until* included."""
    excluded = reason in policy.excluded_pauses
    bounds = policy.pause_bounds
    a_shift = bounds is PauseBounds.START_TO_END
    b_shift = bounds is PauseBounds.AFTER_START_BEFORE_END
    pauses = []
    # As table indices; a NaT wraps around to some index, masked below.
    start_index = (starts - offset).astype(np.int32)
    end_index = (ends - offset).astype(np.int32)
    for start_day, end_day, start, end in zip(starts, ends, start_index, end_index, strict=True):
        present = start_day != _NAT
        if not present.any():
            continue
        running = end_day == _NAT
        last = np.where(running, start, end)  # the day it names last
        # Refused by the scalar API: before day 0, after as_of, ending before it starts.
        scalar |= present & ((start < day0) | (last < start) | (last > until))
        if not excluded:
            continue
        a, b = start, last  # (ours: changed in place)
        if a_shift:
            a -= 1
        if b_shift:
            b -= 1
        live = present & (running | (b > a))  # an empty pause removes nothing
        a = np.where(live, a, size)  # (np.where: no branch to mispredict on mixed cases)
        b = np.where(live & ~running, b, size)
        if a.min() < 0:  # a pause from the table's first day: the day before is outside
            scalar |= a < 0
        pauses.append((a, b, live & running))
    if len(pauses) == 2:
        (a0, b0, r0), (a1, b1, r1) = pauses
        swap = a1 < a0
        if swap.any():
            pauses = [
                (np.minimum(a0, a1), np.where(swap, b1, b0), np.where(swap, r1, r0)),
                (np.maximum(a0, a1), np.where(swap, b0, b1), np.where(swap, r0, r1)),
            ]
    elif len(pauses) > 2:
        order = np.argsort(np.stack([p[0] for p in pauses]), axis=0, kind="stable")
        pauses = list(
            zip(
                *(
                    np.take_along_axis(np.stack([p[i] for p in pauses]), order, axis=0)
                    for i in range(3)
                ),
                strict=True,
            )
        )
    return pauses


def _fill_from_scalar(
    np: Any,
    got: list[Any],
    i: int,
    policy: Policy,
    calendar: WorkdayCalendar,
    reason: PauseReason,
    zero: Any,
    starts: Any,
    ends: Any,
    extension: Any,
    until: Any,
) -> None:
    """Case *i*, counted by the scalar API (which raises what it raises)."""

    def day(value: Any) -> _dt.date:
        return _dt.date.fromordinal(int(value) + _EPOCH)

    events: list[ClockEvent] = [
        Pause(day(s), None if e == _NAT else day(e), reason)
        for s, e in zip(starts[i], ends[i], strict=True)
        if s != _NAT
    ]
    if extension[i]:
        events.append(Extension(int(extension[i]), _APPROVER, day(zero[i])))
    deadline = compute_deadline(day(zero[i]), events, policy=policy, calendar=calendar)
    status = deadline.status(day(until[i]))
    got[0][i] = _NAT if deadline.due is None else deadline.due.toordinal() - _EPOCH
    got[1][i] = status.used
    got[2][i] = status.left
    got[3][i] = status.overdue_by
    got[4][i] = status.paused
    got[5][i] = status.provisional
