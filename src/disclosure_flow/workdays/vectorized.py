"""Working-day arithmetic on numpy arrays (向量化计算), for batches of dates.

Same rules as the scalar API of :class:`~disclosure_flow.WorkdayCalendar`: day 0 is
not counted, strict coverage, and no silently provisional answers (a batch with
any element that depends on an estimated day is refused with
:class:`~disclosure_flow.errors.ProvisionalAnswerError`; ask the scalar
``*_result`` methods for such elements). An element that fails raises the very
error the scalar method raises for it.

numpy is optional (``pip install 'disclosure-flow[numpy]'``) and imported only when
one of these functions is called. Dates are ``datetime64[D]`` arrays; anything else,
including ``NaT`` and other units (a ``datetime64[s]`` holds a time of day), is
refused.

>>> import numpy as np
>>> from disclosure_flow import WorkdayCalendar
>>> from disclosure_flow.workdays.vectorized import add_workdays_array
>>> starts = np.array(["2026-09-28", "2026-02-13"], dtype="datetime64[D]")
>>> add_workdays_array(WorkdayCalendar(), starts, 20)
array(['2026-10-30', '2026-03-19'], dtype='datetime64[D]')
"""

from __future__ import annotations

import datetime as _dt
import weakref
from typing import TYPE_CHECKING, Any, TypeAlias, cast

from disclosure_flow.errors import InvalidValueError, Wording
from disclosure_flow.workdays.workday_calendar import WorkdayCalendar

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Dates: TypeAlias = npt.NDArray[np.datetime64] | np.datetime64
    Counts: TypeAlias = int | np.integer[Any] | npt.NDArray[np.integer[Any]]
    DateArray: TypeAlias = npt.NDArray[np.datetime64]
    IntArray: TypeAlias = npt.NDArray[np.int64]

__all__ = ["add_workdays_array", "workdays_between_array"]

#: ``date(1970, 1, 1).toordinal()``: datetime64[D] counts days from 1970-01-01.
_EPOCH = 719_163
_MAX_ORDINAL = _dt.date.max.toordinal()
_DATES = Wording(
    "a numpy datetime64[D] array (e.g. np.array(days, dtype='datetime64[D]'))",
    "numpy datetime64[D] 数组（如 np.array(days, dtype='datetime64[D]')）",
)
_COUNTS = Wording(
    "an int or a numpy integer array (working days; negative counts backwards)",
    "整数或 numpy 整数数组（工作日；负数表示向前数）",
)


def _numpy() -> Any:
    try:
        import numpy
    except ImportError:
        raise ImportError(
            "disclosure_flow.workdays.vectorized needs numpy; install it with "
            "pip install 'disclosure-flow[numpy]' (the scalar WorkdayCalendar methods "
            "work without it)"
        ) from None
    return numpy


class _Tables:
    """A calendar's tables as numpy arrays (built once per calendar)."""

    def __init__(self, calendar: WorkdayCalendar) -> None:
        np = _numpy()
        coverage = calendar.coverage
        self.first = coverage.first.toordinal()
        last = (coverage.estimated_until or coverage.last).toordinal()
        self.size = last - self.first + 1
        self.wd = np.asarray(calendar.workday_ordinals(), dtype=np.int64)
        work = np.zeros(self.size, dtype=np.int64)
        work[self.wd - self.first] = 1
        self.work = work
        self.rank = np.cumsum(work)
        estimated = calendar.estimated_ordinals()
        self.est_rank: Any = None
        if len(estimated):
            flags = np.zeros(self.size + 1, dtype=np.int64)
            flags[np.asarray(estimated, dtype=np.int64) - self.first + 1] = 1
            self.est_rank = np.cumsum(flags)  # est_rank[k]: estimated days with index < k


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


def _dates(np: Any, value: object, field: str) -> Any:
    array = np.asarray(value)
    if array.dtype != np.dtype("datetime64[D]"):
        raise InvalidValueError(field, f"array of dtype {array.dtype}", _DATES)
    if np.isnat(array).any():
        raise InvalidValueError(
            field, "NaT", Wording(_DATES + " without NaT", _DATES.zh + "，不含 NaT")
        )
    ordinals = array.astype(np.int64) + _EPOCH
    if ordinals.size and (ordinals.min() < 1 or ordinals.max() > _MAX_ORDINAL):
        raise InvalidValueError(field, "a date outside 0001-01-01..9999-12-31", _DATES)
    return ordinals


def _counts(np: Any, value: object) -> Any:
    if isinstance(value, bool) or (
        not isinstance(value, int) and not isinstance(value, np.ndarray | np.integer)
    ):
        raise InvalidValueError("n", value, _COUNTS)
    array = np.asarray(value)
    if array.dtype.kind not in "iu":
        raise InvalidValueError("n", f"array of dtype {array.dtype}", _COUNTS)
    if array.dtype.kind == "u" and array.dtype.itemsize >= 8:
        raise InvalidValueError(
            "n",
            f"array of dtype {array.dtype}",
            Wording(_COUNTS + " below 2**63", _COUNTS.zh + "，小于 2**63"),
        )
    return array.astype(np.int64)


def _day(ordinal: Any) -> _dt.date:
    return _dt.date.fromordinal(int(ordinal))


def add_workdays_array(
    calendar: WorkdayCalendar,
    starts: Dates,
    n: Counts,
) -> DateArray:
    """Vectorised :meth:`WorkdayCalendar.add_workdays`: the *n*-th working day after
    each start (``n`` broadcast against ``starts``; ``n == 0`` gives the start).

    Raises:
        ImportError: numpy is not installed.
        InvalidValueError: *starts* is not a ``datetime64[D]`` array, holds ``NaT``, or
            *n* is not an integer (bool refused).
        CoverageError, ProvisionalAnswerError: as the scalar method, for the first
            element that needs them.
    """
    np = _numpy()
    tables = _tables(calendar)
    ordinals = _dates(np, starts, "starts")
    counts = _counts(np, n)
    ordinals, counts = np.broadcast_arrays(ordinals, counts)
    index = ordinals - tables.first
    if index.size and (index.min() < 0 or index.max() >= tables.size):
        _raise_scalar(calendar, "add", ordinals, counts, (index < 0) | (index >= tables.size))
    rank, work, wd, last = tables.rank, tables.work, tables.wd, len(tables.wd) - 1
    if np.ndim(n) == 0:
        # One count for the whole batch: plain gathers, no per-element branches.
        count = int(n)
        if count == 0:
            return cast("DateArray", np.array(starts, dtype="datetime64[D]"))
        k = rank[index] + (count - 1) if count > 0 else rank[index] - work[index] + count
        beyond = (k < 0) | (k > last)
        if beyond.any():
            _raise_scalar(calendar, "add", ordinals, counts, beyond)
        result = wd[k]
    else:
        k = np.where(counts > 0, rank[index] + counts - 1, rank[index] - work[index] + counts)
        beyond = (counts != 0) & ((k < 0) | (k > last))
        if beyond.any():
            _raise_scalar(calendar, "add", ordinals, counts, beyond)
        result = np.where(counts == 0, ordinals, wd[np.clip(k, 0, last)])
    if tables.est_rank is not None:
        end = result - tables.first
        lo, hi = np.minimum(index, end), np.maximum(index, end)
        provisional = tables.est_rank[hi + 1] != tables.est_rank[lo + 1]
        if provisional.any():
            _raise_scalar(calendar, "add", ordinals, counts, provisional)
    return cast("DateArray", np.asarray(result - _EPOCH).astype("datetime64[D]"))


def workdays_between_array(
    calendar: WorkdayCalendar,
    starts: Dates,
    ends: Dates,
) -> IntArray:
    """Vectorised :meth:`WorkdayCalendar.workdays_between`: working days *d* with
    ``start < d <= end`` for each pair (broadcast), negative when end < start.

    Raises:
        ImportError, InvalidValueError, CoverageError, ProvisionalAnswerError: as
            :func:`add_workdays_array`.
    """
    np = _numpy()
    tables = _tables(calendar)
    first = _dates(np, starts, "starts")
    last = _dates(np, ends, "ends")
    first, last = np.broadcast_arrays(first, last)
    i, j = first - tables.first, last - tables.first
    if i.size and (min(i.min(), j.min()) < 0 or max(i.max(), j.max()) >= tables.size):
        outside = (i < 0) | (i >= tables.size) | (j < 0) | (j >= tables.size)
        _raise_scalar(calendar, "between", first, last, outside)
    if tables.est_rank is not None:
        lo, hi = np.minimum(i, j), np.maximum(i, j)
        provisional = tables.est_rank[hi + 1] != tables.est_rank[lo + 1]
        if provisional.any():
            _raise_scalar(calendar, "between", first, last, provisional)
    return cast("IntArray", np.asarray(tables.rank[j] - tables.rank[i], dtype=np.int64))


def _raise_scalar(
    calendar: WorkdayCalendar, operation: str, left: Any, right: Any, bad: Any
) -> None:
    """Raise the scalar API's own error for the first bad element."""
    np = _numpy()
    position = np.unravel_index(np.argmax(bad), bad.shape) if bad.ndim else ()
    a, b = left[position], right[position]
    if operation == "add":
        calendar.add_workdays(_day(a), int(b))
    else:
        calendar.workdays_between(_day(a), _day(b))
    raise AssertionError(  # pragma: no cover - the scalar call above always raises here
        f"vectorised {operation} refused element {position} but the scalar method did not"
    )
