"""The working-day calendar (工作日日历).

A working day is Monday–Friday, minus national days off (法定节假日及调休放假), plus the
weekend days the State Council's yearly notice turns into working days (调休上班),
with local overlays on top. It is a data table, never a formula.

Counting follows SPEC §2: day 0 is not counted, working day 1 is the first working
day *after* it.

>>> import datetime as dt
>>> from disclosure_flow import WorkdayCalendar
>>> cal = WorkdayCalendar()
>>> cal.add_workdays(dt.date(2026, 9, 28), 20)      # across National Day 2026
datetime.date(2026, 10, 30)
>>> cal.is_workday(dt.date(2026, 10, 10))          # a Saturday worked (调休上班)
True
>>> cal.workdays_between(dt.date(2026, 9, 30), dt.date(2026, 10, 9))
2
"""

from __future__ import annotations

import bisect
import datetime as _dt
import enum
import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence

from disclosure_flow.dates import check_date
from disclosure_flow.errors import (
    CoverageError,
    InvalidValueError,
    ProvisionalAnswerError,
    Wording,
)
from disclosure_flow.workdays import estimate
from disclosure_flow.workdays import national as _national
from disclosure_flow.workdays import year_end as _year_end
from disclosure_flow.workdays.answers import (
    Coverage,
    WorkdayResult,
)
from disclosure_flow.workdays.days import (
    NO_NOTICE_YET,
    WEEKDAY_RULE,
    DataStatus,
    DayInfo,
    DayKind,
    estimate_source,
)
from disclosure_flow.workdays.overlays import Overlay, OverlayKind, OverlayScope
from disclosure_flow.workdays.year_end import YearEnd

__all__ = ["Estimates", "WorkdayCalendar"]

_ONE_DAY = _dt.timedelta(days=1)


class Estimates(enum.Enum):
    """What a calendar does with a year that has no official or confirmed data.

    Members:
        REFUSE: strict (default): a question that needs such a date raises
            :class:`~disclosure_flow.errors.CoverageError` naming the covered range.
        ALLOW: provisional: the year is estimated (节假日安排估计); results that touch an
            estimated day are marked provisional and carry a range of plausible answers.
    """

    REFUSE = "refuse"
    ALLOW = "allow"


class _Table:
    """Day -> rank and rank -> working day, for O(1) counting."""

    __slots__ = ("first", "rank", "size", "wd", "work")

    def __init__(self, first: int, size: int, special: dict[int, DayInfo]) -> None:
        work = bytearray(size)
        rank = [0] * size
        wd: list[_dt.date] = []
        count = 0
        for i in range(size):
            ordinal = first + i
            info = special.get(ordinal)
            if info is None:
                is_work = ordinal % 7 not in (0, 6)  # ordinal 1 (0001-01-01) is a Monday
            else:
                is_work = info.kind.is_workday
            if is_work:
                work[i] = 1
                count += 1
                wd.append(_dt.date.fromordinal(ordinal))
            rank[i] = count
        self.first = first
        self.size = size
        self.work = work
        self.rank = rank
        self.wd = wd


class WorkdayCalendar:
    """National working days with overlays, strict or provisional (工作日日历).

    Args:
        overlays: overlays applied in order on top of the national data; a later
            entry for a date replaces an earlier one.
        estimates: :attr:`Estimates.REFUSE` (default) or :attr:`Estimates.ALLOW`.
        year_end: :attr:`YearEnd.PENDING` (default): the last days of the last year
            with final data are estimated until the next year's data is in; or
            :attr:`YearEnd.FINAL`.

    Plain methods (:meth:`is_workday`, :meth:`add_workdays`,
    :meth:`workdays_between`, …) return plain values and only final ones: if an
    answer would depend on an estimated day they raise
    :class:`~disclosure_flow.errors.ProvisionalAnswerError`; the ``*_result``
    forms return the answer marked provisional with its plausible range. Year-end
    days pending the next notice (:class:`YearEnd`) are estimated days too, on a
    strict calendar as well: where their range reaches into the next year, a strict
    calendar counts it on the estimate of that year (the answer itself never does).
    """

    def __init__(
        self,
        overlays: Iterable[Overlay] = (),
        *,
        estimates: Estimates = Estimates.REFUSE,
        year_end: YearEnd = YearEnd.PENDING,
    ) -> None:
        if not isinstance(estimates, Estimates):
            raise InvalidValueError.choice("estimates", estimates, list(Estimates))
        if not isinstance(year_end, YearEnd):
            raise InvalidValueError.choice("year_end", year_end, list(YearEnd))
        overlays = tuple(overlays)
        for overlay in overlays:
            if not isinstance(overlay, Overlay):
                raise InvalidValueError(
                    "overlays", overlay, Wording("Overlay objects", "Overlay 节假日数据对象")
                )
        self._overlays = overlays
        self._estimates = estimates
        self._year_end = year_end
        nat = _national.national()
        self._nat = nat

        covered = set(range(nat.first_year, nat.last_year + 1))
        for overlay in overlays:
            covered.update(overlay.covers)
        last_final = nat.first_year
        while last_final + 1 in covered:
            last_final += 1
        last_year = last_final
        self._estimated_years: tuple[int, ...] = ()
        if estimates is Estimates.ALLOW and last_final < estimate.LAST_ESTIMABLE_YEAR:
            last_year = estimate.LAST_ESTIMABLE_YEAR
            # A year a national overlay covers is complete: never estimate it.
            self._estimated_years = tuple(
                y for y in range(last_final + 1, last_year + 1) if y not in covered
            )
        self._first_date = _dt.date(nat.first_year, 1, 1)
        self._last_final = _dt.date(last_final, 12, 31)
        self._last_date = _dt.date(last_year, 12, 31)
        self._first = self._first_date.toordinal()
        self._size = self._last_date.toordinal() - self._first + 1
        self._overlay_years = {y for o in overlays for y in o.covers}

        self._scenarios = {year: estimate.estimate_year(year) for year in self._estimated_years}
        # Year-end days the next year's notice may still set (YearEnd.PENDING).
        self._pending = range(0)
        self._beyond: list[estimate.YearScenario] = []  # estimated on first use
        self._alternative_size = self._size
        if year_end is YearEnd.PENDING and nat.next_notice_from is not None:
            start = _dt.date(last_final, *nat.next_notice_from)
            self._pending = range(start.toordinal(), self._last_final.toordinal() + 1)
            self._last_final = start - _ONE_DAY
            after = last_final + 1
            if last_year == last_final and after <= estimate.LAST_ESTIMABLE_YEAR:
                # a strict calendar counts the range into the next year on its estimate
                self._alternative_size = _dt.date(after, 12, 31).toordinal() - self._first + 1
        self._special = self._compose(choice={}, drop_estimated_entries=False)
        self._table = _Table(self._first, self._size, self._special)
        self._rank = self._table.rank
        self._wd = self._table.wd
        self._n_workdays = len(self._wd)
        self._special_keys = sorted(self._special)

        estimated = bytearray(self._size)
        for year in self._estimated_years:
            lo = _dt.date(year, 1, 1).toordinal() - self._first
            hi = _dt.date(year, 12, 31).toordinal() - self._first
            estimated[lo : hi + 1] = b"\x01" * (hi - lo + 1)
        for ordinal, info in self._special.items():
            estimated[ordinal - self._first] = info.status is DataStatus.ESTIMATED
        for ordinal in self._pending:
            estimated[ordinal - self._first] = 1
        self._est_rank: list[int] | None = None
        if any(estimated):
            # est_rank[k] = number of estimated days with index < k
            est_rank, count = [0] * (self._size + 1), 0
            for i, flag in enumerate(estimated):
                count += flag
                est_rank[i + 1] = count
            self._est_rank = est_rank
        # est_rank at each working day (its index + 1): add_workdays checks the span it
        # counted without converting its answer back to an index.
        self._wd_est: list[int] | None = None
        if self._est_rank is not None:
            first, est = self._first, self._est_rank
            self._wd_est = [est[d.toordinal() - first + 1] for d in self._wd]
        self._alternatives: dict[tuple[tuple[int, int], ...], _Table] = {}
        self._fingerprint = self._make_fingerprint()
        # What counting_table() gives, built once (asked for by every deadline).
        self._counting_table = (self._first, self._rank, self._wd, self._est_rank)

    # -- composition ---------------------------------------------------------

    def _compose(
        self, *, choice: Mapping[int, int], drop_estimated_entries: bool, size: int = 0
    ) -> dict[int, DayInfo]:
        """The non-ordinary days of the first *size* days (default: the table's), with
        estimated year *y* under its scenario ``choice.get(y, 0)`` (0: the most likely),
        and the year-end days pending the next notice as they are (0), each weekday
        among them off or each weekend day worked as ``choice.get(year)`` says
        (:func:`~disclosure_flow.workdays.year_end.compose_pending`)."""
        size = size or self._size
        nat = self._nat
        special: dict[int, DayInfo] = {}
        for day, name in nat.days_off.items():
            notice = _national.notice_for(_national.notice_year(day, name))
            special[day.toordinal()] = DayInfo(
                day, DayKind.HOLIDAY, name, notice, DataStatus.OFFICIAL
            )
        for day, name in nat.workdays.items():
            special[day.toordinal()] = DayInfo(
                day,
                DayKind.MAKEUP_WORKDAY,
                name,
                _national.notice_for(_national.notice_year(day, name)),
                DataStatus.OFFICIAL,
            )
        for year, options in self._scenarios.items():
            chosen = options[choice.get(year, 0)]
            source = estimate_source(chosen.label, estimate.ESTIMATOR_VERSION)
            for day, name in chosen.days_off.items():
                special[day.toordinal()] = DayInfo(
                    day, DayKind.HOLIDAY, name, source, DataStatus.ESTIMATED
                )
            for day, name in chosen.workdays.items():
                special[day.toordinal()] = DayInfo(
                    day, DayKind.MAKEUP_WORKDAY, name, source, DataStatus.ESTIMATED
                )
        for overlay in self._overlays:
            national = overlay.scope is OverlayScope.NATIONAL
            for entry in overlay.entries:
                if drop_estimated_entries and entry.status is DataStatus.ESTIMATED:
                    continue
                ordinal = entry.day.toordinal()
                if not self._first <= ordinal < self._first + size:
                    continue
                if entry.kind is OverlayKind.DAY_OFF:
                    kind = DayKind.HOLIDAY if national else DayKind.LOCAL_HOLIDAY
                else:
                    kind = DayKind.MAKEUP_WORKDAY if national else DayKind.LOCAL_WORKDAY
                special[ordinal] = DayInfo(
                    entry.day,
                    kind,
                    entry.label,
                    f"{overlay.name}: {entry.source}",
                    entry.status,
                )
        if self._pending:
            year = _dt.date.fromordinal(self._pending[0]).year
            flip = choice.get(year, 0)
            if flip and size > self._size and not self._beyond:
                self._beyond.append(estimate.estimate_year(year + 1)[0])
            beyond = self._beyond[0] if flip and size > self._size else None
            _year_end.compose_pending(special, self._pending, flip, beyond)
        return special

    def _make_fingerprint(self) -> str:
        digest = hashlib.sha256()
        digest.update(f"chinese-calendar {self._nat.version};{self._nat.digest};".encode())
        digest.update(f"estimates {self._estimates.value};".encode())
        if self._estimated_years:
            digest.update(
                f"estimator {estimate.ESTIMATOR_VERSION} {self._estimated_years};".encode()
            )
        for overlay in self._overlays:
            digest.update(f"overlay {overlay.digest};".encode())
        if self._pending:
            digest.update(f"year_end pending {self._pending.start}-{self._pending.stop};".encode())
        mode = "" if self._estimates is Estimates.REFUSE else "+est"
        return f"cc{self._nat.version}{mode}-{digest.hexdigest()[:16]}"

    # -- properties ----------------------------------------------------------

    @property
    def fingerprint(self) -> str:
        """The calendar's identity: data version and a hash of everything it uses (数据版本).

        Record it with every computed deadline; equal fingerprints mean equal data.
        """
        return self._fingerprint

    @property
    def coverage(self) -> Coverage:
        """The dates this calendar answers for."""
        until = self._last_date if self._estimated_years or self._pending else None
        return Coverage(self._first_date, self._last_final, until)

    @property
    def estimates(self) -> Estimates:
        """Whether uncovered years are refused or estimated."""
        return self._estimates

    @property
    def year_end(self) -> YearEnd:
        """Whether the last days of the last year with final data wait for the next
        year's notice."""
        return self._year_end

    @property
    def pending_days(self) -> tuple[_dt.date, ...]:
        """The year-end days not final until the next year's data is in (年末待定日):
        29–31 December of the last year with final data under :attr:`YearEnd.PENDING`,
        else none."""
        return tuple(_dt.date.fromordinal(o) for o in self._pending)

    @property
    def overlays(self) -> tuple[Overlay, ...]:
        """The overlays, in the order applied."""
        return self._overlays

    def __repr__(self) -> str:
        names = ", ".join(o.name for o in self._overlays)
        year_end = "" if self._year_end is YearEnd.PENDING else ", year_end=YearEnd.FINAL"
        return (
            f"WorkdayCalendar(overlays=[{names}], estimates=Estimates.{self._estimates.name}"
            f"{year_end}) # {self._first_date}..{self._last_date}, {self._fingerprint}"
        )

    # -- internals -----------------------------------------------------------

    def _index(self, day: _dt.date, field: str) -> int:
        if type(day) is not _dt.date:
            day = check_date(day, field)
        i = day.toordinal() - self._first
        if i < 0 or i >= self._size:
            raise self._coverage_error(day)
        return i

    def counting_table(
        self,
    ) -> tuple[int, Sequence[int], Sequence[_dt.date], Sequence[int] | None]:
        """The table behind the plain answers (工作日序号表), read-only, for fast paths:
        ``(first, rank, workdays, estimated)``. A day's index is its ordinal minus
        *first* (valid when ``0 <= index < len(rank)``); ``rank[i]`` counts the working
        days with index ``<= i``; ``workdays[k]`` is the working day of rank ``k + 1``;
        ``estimated[k]`` (``None`` when no day is estimated) counts the estimated days
        with index ``< k``. A caller must check the indices and the estimated days
        itself, and ask the plain methods (which raise the errors) when they fail."""
        return self._counting_table

    def _coverage_error(self, day: _dt.date) -> CoverageError:
        if self._estimates is Estimates.REFUSE and day > self._last_date:
            hint = Wording(
                "add a national overlay for that year (its State Council notice), upgrade "
                "chinese-calendar, or build the calendar with estimates=Estimates.ALLOW "
                "(command line: --estimates allow) for a provisional answer",
                "请添加该年的全国节假日数据（国务院的通知），升级 chinese-calendar，"
                "或用 estimates=Estimates.ALLOW 建立日历（命令行：--estimates allow）得到暂定答案",
            )
        else:
            hint = Wording(
                "dates before the first year or after the last estimable year are not answered",
                "早于首个年份或晚于最后一个可估计年份的日期无法回答",
            )
        return CoverageError(day, self._first_date, self._last_date, hint)

    def _estimated_in(self, lo: int, hi: int) -> tuple[_dt.date, ...]:
        """Estimated days with index in (lo, hi]."""
        est = self._est_rank
        if est is None or est[hi + 1] == est[lo + 1]:
            return ()
        return tuple(
            _dt.date.fromordinal(self._first + i)
            for i in range(lo + 1, hi + 1)
            if est[i + 1] != est[i]
        )

    def _refuse_estimated(self, operation: str, lo: int, hi: int) -> None:
        est = self._est_rank
        if est is not None and est[hi + 1] != est[lo + 1]:
            raise ProvisionalAnswerError(operation, self._estimated_in(lo, hi))

    def _add(self, table: _Table, i: int, n: int) -> _dt.date:
        """The n-th working day after index i (n != 0)."""
        if n > 0:
            k = table.rank[i] + n - 1
            if k >= len(table.wd):
                raise self._coverage_error(self._last_date + _ONE_DAY)
        else:
            k = table.rank[i] - table.work[i] + n
            if k < 0:
                raise self._coverage_error(self._first_date - _ONE_DAY)
        return table.wd[k]

    def _alternative_tables(self, estimated: tuple[_dt.date, ...]) -> list[_Table]:
        """The plausible alternatives to the primary data for an answer that touched the
        *estimated* days: each touched estimated year under each of its other scenarios
        (one year at a time, and all touched years together under their k-th), and the
        calendar without its estimated overlay entries. Built on first use, then kept."""
        years = sorted({day.year for day in estimated} & self._scenarios.keys())
        choices: list[tuple[tuple[int, int], ...]] = []
        for year in years:
            choices.extend(((year, k),) for k in range(1, len(self._scenarios[year])))
        if len(years) > 1:
            widest = max(len(self._scenarios[year]) for year in years)
            for k in range(1, widest):
                choices.append(tuple((year, k) for year in years if k < len(self._scenarios[year])))
        pending = self._pending
        if pending and any(day.toordinal() in pending for day in estimated):
            # each outcome of the year-end days, alone and with every scenario above
            flips = _year_end.choices_for(_dt.date.fromordinal(pending[0]).year)
            choices = [*choices, *flips, *(c + f for c in choices for f in flips)]
        if any(e.status is DataStatus.ESTIMATED for o in self._overlays for e in o.entries):
            choices.append(())
        tables = []
        for choice in choices:
            table = self._alternatives.get(choice)
            if table is None:
                flipped = _year_end.flipped(dict(choice))
                size = self._alternative_size if flipped else self._size
                special = self._compose(
                    choice=dict(choice), drop_estimated_entries=not choice, size=size
                )
                table = self._alternatives[choice] = _Table(self._first, size, special)
            tables.append(table)
        return tables

    def _notable(self, lo_ordinal: int, hi_ordinal: int) -> tuple[DayInfo, ...]:
        """Non-ordinary days with lo < ordinal <= hi."""
        keys = self._special_keys
        start = bisect.bisect_right(keys, lo_ordinal)
        stop = bisect.bisect_right(keys, hi_ordinal)
        return tuple(self._special[k] for k in keys[start:stop])

    # -- plain answers -------------------------------------------------------

    def is_workday(self, day: _dt.date) -> bool:
        """Whether *day* is a working day (是否工作日).

        Raises:
            InvalidDateError: *day* is not a ``datetime.date``.
            CoverageError: *day* is outside the calendar's data.
            ProvisionalAnswerError: *day* is estimated; see :meth:`day_info`.
        """
        i = self._index(day, "day")
        if self._est_rank is not None:
            self._refuse_estimated("is_workday", i - 1, i)
        return bool(self._table.work[i])

    def add_workdays(self, start: _dt.date, n: int) -> _dt.date:
        """The *n*-th working day after *start*, *start* itself not counted.

        ``n < 0`` counts backwards (the |n|-th working day before *start*); ``n == 0``
        returns *start* unchanged.

        Raises:
            InvalidDateError: *start* is not a ``datetime.date``.
            InvalidValueError: *n* is not an ``int``.
            CoverageError: the answer needs days outside the calendar's data.
            ProvisionalAnswerError: the answer depends on an estimated day.
        """
        # Hot path: the common case (a plain date inside the table, no estimates) is
        # inlined; _index and _add hold the general case and its errors.
        if type(start) is _dt.date:
            i = start.toordinal() - self._first
            if i < 0 or i >= self._size:
                raise self._coverage_error(start)
        else:
            i = self._index(start, "start")
        if type(n) is not int:
            raise InvalidValueError(
                "n",
                n,
                Wording(
                    "an int (working days; negative counts backwards)",
                    "整数（工作日；负数表示向前数）",
                ),
            )
        if n > 0:
            k = self._rank[i] + n - 1
            if k >= self._n_workdays:
                raise self._coverage_error(self._last_date + _ONE_DAY)
            wd_est = self._wd_est
            # estimated days in (start, answer]: none in the common case
            if wd_est is not None and wd_est[k] != self._est_rank[i + 1]:  # type: ignore[index]  # set with _wd_est
                self._refuse_estimated("add_workdays", i, self._wd[k].toordinal() - self._first)
            return self._wd[k]
        if n == 0:
            return start
        result = self._add(self._table, i, n)
        if self._est_rank is not None:
            self._refuse_estimated("add_workdays", result.toordinal() - self._first, i)
        return result

    def workdays_between(self, start: _dt.date, end: _dt.date) -> int:
        """The number of working days *d* with ``start < d <= end``; negative if end < start.

        Raises:
            InvalidDateError, CoverageError, ProvisionalAnswerError: as :meth:`add_workdays`.
        """
        first, size = self._first, self._size
        if type(start) is _dt.date and type(end) is _dt.date:
            i = start.toordinal() - first
            j = end.toordinal() - first
            if i < 0 or i >= size:
                raise self._coverage_error(start)
            if j < 0 or j >= size:
                raise self._coverage_error(end)
        else:
            i = self._index(start, "start")
            j = self._index(end, "end")
        est = self._est_rank
        if est is not None:
            # estimated days in (lo, hi]: none in the common case (est counts them)
            lo, hi = (i, j) if i <= j else (j, i)
            if est[hi + 1] != est[lo + 1]:
                self._refuse_estimated("workdays_between", lo, hi)
        rank = self._rank
        return rank[j] - rank[i]

    def next_workday(self, day: _dt.date) -> _dt.date:
        """The first working day strictly after *day* (下一个工作日)."""
        return self.add_workdays(day, 1)

    def workday_on_or_after(self, day: _dt.date) -> _dt.date:
        """*day* itself if it is a working day, else the next working day."""
        i = self._index(day, "day")
        if self._table.work[i]:
            if self._est_rank is not None:
                self._refuse_estimated("workday_on_or_after", i - 1, i)
            return day
        result = self._add(self._table, i, 1)
        if self._est_rank is not None:
            # *day* itself counts too: were it estimated wrongly, the answer would be *day*.
            j = result.toordinal() - self._first
            self._refuse_estimated("workday_on_or_after", i - 1, j)
        return result

    def iter_workdays(self, first: _dt.date, last: _dt.date) -> Iterator[_dt.date]:
        """The working days from *first* to *last*, both included, in order."""
        i = self._index(first, "first")
        j = self._index(last, "last")
        if j < i:
            return iter(())
        if self._est_rank is not None:
            self._refuse_estimated("iter_workdays", i - 1, j)
        table = self._table
        lo = table.rank[i] - table.work[i]
        return iter(table.wd[lo : table.rank[j]])

    def day_info(self, day: _dt.date) -> DayInfo:
        """What kind of day *day* is, its name, and where that comes from (never raises
        :class:`ProvisionalAnswerError`: the status says how sure it is)."""
        i = self._index(day, "day")
        ordinal = self._first + i
        info = self._special.get(ordinal)
        if info is not None:
            return info
        weekend = ordinal % 7 in (0, 6)
        year = day.year
        if year in self._scenarios:
            status, source = DataStatus.ESTIMATED, NO_NOTICE_YET
        elif ordinal in self._pending:
            status, source = DataStatus.ESTIMATED, _year_end.pending_source(year)
        elif year > self._nat.last_year and year in self._overlay_years:
            status, source = DataStatus.CONFIRMED, WEEKDAY_RULE
        else:
            status, source = DataStatus.OFFICIAL, WEEKDAY_RULE
        return DayInfo(day, DayKind.WEEKEND if weekend else DayKind.WORKDAY, "", source, status)

    def notable_days(self, start: _dt.date, end: _dt.date) -> tuple[DayInfo, ...]:
        """The non-ordinary days *d* (holidays, make-up days, local days) with start < d <= end."""
        i = self._index(start, "start")
        j = self._index(end, "end")
        return self._notable(self._first + i, self._first + j)

    # -- answers with their provenance --------------------------------------

    def add_workdays_result(self, start: _dt.date, n: int) -> WorkdayResult[_dt.date]:
        """:meth:`add_workdays` with its provisional flag, range and explanation."""
        i = self._index(start, "start")
        if type(n) is not int:
            raise InvalidValueError(
                "n",
                n,
                Wording(
                    "an int (working days; negative counts backwards)",
                    "整数（工作日；负数表示向前数）",
                ),
            )
        if n == 0:
            return WorkdayResult(start, False, start, start, (), (), self._fingerprint)
        value = self._add(self._table, i, n)
        j = value.toordinal() - self._first
        lo, hi = min(i, j), max(i, j)
        estimated = self._estimated_in(lo, hi)
        low = high = value
        if estimated:
            for table in self._alternative_tables(estimated):
                try:
                    alt = self._add(table, i, n)
                except CoverageError:
                    continue
                low, high = min(low, alt), max(high, alt)
        notable = self._notable(self._first + lo, self._first + hi)
        return WorkdayResult(
            value, bool(estimated), low, high, estimated, notable, self._fingerprint
        )

    def workdays_between_result(self, start: _dt.date, end: _dt.date) -> WorkdayResult[int]:
        """:meth:`workdays_between` with its provisional flag, range and explanation."""
        i = self._index(start, "start")
        j = self._index(end, "end")
        lo, hi = min(i, j), max(i, j)
        value = self._table.rank[j] - self._table.rank[i]
        estimated = self._estimated_in(lo, hi)
        low = high = value
        if estimated:
            for table in self._alternative_tables(estimated):
                alt = table.rank[j] - table.rank[i]
                low, high = min(low, alt), max(high, alt)
        notable = self._notable(self._first + lo, self._first + hi)
        return WorkdayResult(
            value, bool(estimated), low, high, estimated, notable, self._fingerprint
        )

    def explain(self, start: _dt.date, n: int, lang: str = "zh") -> str:
        """A readable account of ``add_workdays(start, n)``: blocks skipped, make-up days
        counted, the result and the calendar fingerprint."""
        result = self.add_workdays_result(start, n)
        if lang == "zh":
            nth = f"第 {n} 个工作日" if n >= 0 else f"往前数第 {-n} 个工作日"
            head = f"起算日 {start}（当日不计），{nth}"
        elif lang == "en":
            nth = f"working day {n}" if n >= 0 else f"working day {-n} before it"
            head = f"day 0 {start} (not counted), {nth}"
        else:
            raise InvalidValueError.choice("lang", lang, ("zh", "en"))
        return head + "\n" + result.explain(lang)

    def workday_ordinals(self) -> Sequence[int]:
        """Ordinals of every working day the calendar knows, ascending (for vectorised use)."""
        return [d.toordinal() for d in self._table.wd]

    def estimated_ordinals(self) -> Sequence[int]:
        """Ordinals of every day whose status is estimated, ascending (for vectorised use).

        An answer whose interval contains one of them is provisional.
        """
        est = self._est_rank
        if est is None:
            return ()
        first = self._first
        return [first + i for i in range(self._size) if est[i + 1] != est[i]]
