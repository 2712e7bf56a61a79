"""The repository (案件存储库): cases kept in a relational database through SQLAlchemy.

A :class:`Repository` is the only code that talks to the tables of
:mod:`~disclosure_flow.storage.schema`. It stores a case as its document
(:meth:`Case.to_dict <disclosure_flow.cases.Case.to_dict>`) with the derived columns of
:mod:`~disclosure_flow.storage.columns`, appends its new events to the events table,
and reads cases back by replaying their documents with its calendar.

**Optimistic concurrency, checked by the database.** :meth:`Repository.save` writes
``UPDATE … SET version = :new, … WHERE id = :id AND version = :expected``: of two
writers that read the same version, the database lets exactly one update the row;
the other matches no row and gets :class:`~disclosure_flow.errors.VersionConflictError`,
its transaction rolled back, nothing of it stored.

**Queries on columns.** :meth:`overdue`, :meth:`due_soon`, :meth:`stalled` and
:meth:`periods_ended` select on indexed columns, as of a date: the working-day
arithmetic (the cut-off dates) is done once, in Python, with the repository's
calendar; the database compares dates. The columns describe each case with all its
events, so ask as of a day on or after the events (the nightly job's today).

**After a calendar change** (next year's holiday notice), :meth:`recompute` reads every
case again in batches and rewrites its derived columns; the document is not touched.

>>> import datetime as dt
>>> from disclosure_flow import WorkdayCalendar
>>> from disclosure_flow.testing import Scenario
>>> repo = Repository("sqlite://", calendar=WorkdayCalendar())
>>> repo.create_tables()
>>> case = repo.add(Scenario(received=dt.date(2026, 9, 28)).case())
>>> case.start_review(dt.date(2026, 9, 29)).version
2
>>> repo.save(case, expected_version=1).version
2
>>> [row.id for row in repo.overdue(dt.date(2026, 11, 2))]
['TEST-1']
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final, Literal

import attrs

from disclosure_flow.cases import Case, CaseEvent, CaseState, SubDeadlineKind
from disclosure_flow.clock import R2008, R2019, Policy
from disclosure_flow.dates import check_date
from disclosure_flow.errors import InvalidValueError, VersionConflictError, Wording
from disclosure_flow.storage._sql import sa
from disclosure_flow.storage.columns import CaseColumns, case_columns
from disclosure_flow.storage.errors import CaseNotFoundError
from disclosure_flow.storage.hooks import Listener, Subscription, _announce, _Registry
from disclosure_flow.storage.schema import TABLES, Tables
from disclosure_flow.workdays import WorkdayCalendar

__all__ = ["Progress", "RecomputeResult", "Repository", "StoredEvent"]

#: A progress callback: ``progress(done, total)`` after each batch.
Progress = Callable[[int, int], object]

#: Cases read or rewritten per batch, unless told otherwise.
DEFAULT_BATCH: Final = 500

#: The sub-deadlines whose end asks the agency to act (a consultee's answer, the
#: applicant's correction or payment): what :meth:`Repository.periods_ended` lists.
ACTION_PERIODS: Final = frozenset(
    {
        SubDeadlineKind.THIRD_PARTY_ANSWER,
        SubDeadlineKind.INTER_AGENCY_ANSWER,
        SubDeadlineKind.CORRECTION,
        SubDeadlineKind.FEE_PAYMENT,
    }
)
_ACTION_VALUES: Final = sorted(k.value for k in ACTION_PERIODS)
#: The derived columns, as rewritten by a save or a recompute.
_DERIVED: Final = tuple(a.name for a in attrs.fields(CaseColumns) if a.name != "id")


@attrs.frozen
class RecomputeResult:
    """What :meth:`Repository.recompute` did (重新计算结果).

    Attributes:
        total: the cases it set out to read.
        updated: the rows rewritten.
        skipped: the rows saved by someone else meanwhile (their save wrote fresh
            columns; run again with the new calendar everywhere).
        fingerprint: the calendar's fingerprint now in the rewritten rows.
    """

    total: int
    updated: int
    skipped: int
    fingerprint: str


@attrs.frozen
class StoredEvent:
    """One row of the append-only events table (办理记录行).

    Attributes:
        case_id: the case.
        version: the case's version after the event.
        event: the event's value, e.g. ``"extend"``.
        day: the day it happened.
        state_before: the state's value before it.
        state_after: the state's value after it.
        payload: its particulars as the document stores them (dates as text).
        actor: who recorded it, if given.
        note: a free note, if given.
    """

    case_id: str
    version: int
    event: str
    day: _dt.date
    state_before: str
    state_after: str
    payload: Mapping[str, Any] | None
    actor: str | None
    note: str | None


def _event_rows(case_id: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "case_id": case_id,
            "version": e["version"],
            "event": e["event"],
            "day": _dt.date.fromisoformat(e["date"]),
            "state_before": e["before"],
            "state_after": e["after"],
            "payload": e.get("payload"),
            "actor": e.get("actor"),
            "note": e.get("note"),
        }
        for e in events
    ]


def _positive(field: str, value: object) -> int:
    if type(value) is not int or value < 1:
        raise InvalidValueError(field, value, Wording("an int >= 1", "不小于 1 的整数"))
    return value


def _count(field: str, value: object) -> int:
    if type(value) is not int or value < 0:
        raise InvalidValueError(
            field, value, Wording("an int >= 0 (working days)", "不小于 0 的整数（工作日）")
        )
    return value


class Repository:
    """Cases in a relational database (案件存储库): SQLite, PostgreSQL, or any database
    SQLAlchemy 2 speaks.

    Thread-safe as its engine is: each call runs in its own transaction. A case object
    is not: one thread works on one case object at a time.

    Args:
        engine: a SQLAlchemy ``Engine``, or a database URL to create one from (e.g.
            ``"sqlite:///cases.db"``, ``"postgresql+psycopg://user@host/db"``).
        calendar: the working-day calendar cases are read and their columns computed with.
        tables: the tables (default :data:`~disclosure_flow.storage.TABLES`; build others
            with :func:`~disclosure_flow.storage.define_tables`).
        policies: the policies a stored policy name may refer to.

    Raises:
        InvalidValueError: an argument has the wrong type.
    """

    def __init__(
        self,
        engine: sa.Engine | str,
        *,
        calendar: WorkdayCalendar,
        tables: Tables = TABLES,
        policies: Iterable[Policy] = (R2019, R2008),
    ) -> None:
        if isinstance(engine, str):
            engine = sa.create_engine(engine)
        if not isinstance(engine, sa.Engine):
            raise InvalidValueError(
                "engine",
                engine,
                Wording("a sqlalchemy Engine or a database URL", "sqlalchemy Engine 或数据库 URL"),
            )
        if not isinstance(calendar, WorkdayCalendar):
            raise InvalidValueError(
                "calendar", calendar, Wording("a WorkdayCalendar", "WorkdayCalendar 工作日历")
            )
        if not isinstance(tables, Tables):
            raise InvalidValueError(
                "tables",
                tables,
                Wording("a Tables (define_tables)", "Tables 表集（define_tables）"),
            )
        self._engine = engine
        self._calendar = calendar
        self._tables = tables
        self._policies = tuple(policies)
        self._listeners = _Registry()
        self._case_listeners: dict[str, _Registry] = {}

    @property
    def engine(self) -> sa.Engine:
        """The SQLAlchemy engine."""
        return self._engine

    @property
    def calendar(self) -> WorkdayCalendar:
        """The calendar cases are read and their columns computed with."""
        return self._calendar

    @property
    def tables(self) -> Tables:
        """The tables."""
        return self._tables

    def __repr__(self) -> str:
        url = self._engine.url.render_as_string(hide_password=True)
        return f"Repository({url!r}, tables={self._tables.cases.name!r})"

    def create_tables(self) -> None:
        """Create the tables where they do not exist yet (建表)."""
        self._tables.create(self._engine)

    # -- listeners ---------------------------------------------------------------------

    def subscribe(self, listener: Listener, *, case_id: str | None = None) -> Subscription:
        """Call *listener* after each event this repository commits (事件监听): of every
        case, or of the case *case_id* only. See :mod:`~disclosure_flow.storage.hooks`.

        Raises:
            InvalidValueError: *listener* is not callable.
        """
        if case_id is None:
            return self._listeners.add(listener)
        registry = self._case_listeners.setdefault(case_id, _Registry())
        return registry.add(listener)

    def _announce(self, case: Case, events: list[CaseEvent]) -> None:
        own = self._case_listeners.get(case.id)
        groups = [self._listeners.listeners]
        if own is not None:
            groups.append(own.listeners)
        _announce(case, events, groups)

    # -- writing -----------------------------------------------------------------------

    def add(self, case: Case) -> Case:
        """Store a new case with its events (新增案件); return it.

        Raises:
            VersionConflictError: a case with this id is stored already (``expected`` 0,
                ``actual`` its stored version).
            ListenerError: a listener raised; the case is stored.
        """
        if not isinstance(case, Case):
            raise InvalidValueError("case", case, Wording("a Case", "Case 案件"))
        document = case.to_dict()
        row = case_columns(case).as_row()
        t = self._tables
        try:
            with self._engine.begin() as conn:
                conn.execute(sa.insert(t.cases).values(**row, document=document))
                conn.execute(sa.insert(t.events), _event_rows(case.id, document["events"]))
        except sa.exc.IntegrityError:
            actual = self.version_of(case.id)
            if actual is None:
                raise
            event = document["events"][-1]["event"]
            raise VersionConflictError(event, case.state.value, 0, actual) from None
        self._announce(case, list(case.history))
        return case

    def save(self, case: Case, *, expected_version: int) -> Case:
        """Store *case*'s new events, if nobody saved it since it was read at
        *expected_version* (保存); return it.

        One transaction: the row is updated ``WHERE version = :expected_version`` and the
        events after that version are appended. Then the listeners are called.

        Args:
            case: the case, with the events recorded since it was read.
            expected_version: the version it was read at (``case.version`` before the
                new events).

        Raises:
            VersionConflictError: the stored case is at another version (another writer
                won); nothing was stored.
            CaseNotFoundError: no case with this id is stored.
            ListenerError: a listener raised; the events are stored.
            InvalidValueError: *expected_version* is not an int between 1 and
                ``case.version``.
        """
        if not isinstance(case, Case):
            raise InvalidValueError("case", case, Wording("a Case", "Case 案件"))
        expected = _positive("expected_version", expected_version)
        if expected > case.version:
            allowed = Wording(
                f"the version the case was read at (<= {case.version})",
                f"读取案件时的版本（<= {case.version}）",
            )
            raise InvalidValueError("expected_version", expected, allowed)
        document = case.to_dict()
        row = case_columns(case).as_row()
        del row["id"]
        t = self._tables
        with self._engine.begin() as conn:
            updated = conn.execute(
                sa.update(t.cases)
                .where(t.cases.c.id == case.id, t.cases.c.version == expected)
                .values(**row, document=document)
            )
            if updated.rowcount != 1:
                actual = conn.execute(
                    sa.select(t.cases.c.version).where(t.cases.c.id == case.id)
                ).scalar_one_or_none()
                if actual is None:
                    raise CaseNotFoundError(case.id)
                event = document["events"][-1]["event"]
                raise VersionConflictError(event, case.state.value, expected, actual)
            new = document["events"][expected:]
            if new:
                conn.execute(sa.insert(t.events), _event_rows(case.id, new))
        self._announce(case, list(case.history[expected:]))
        return case

    def change(
        self, case_id: str, act: Callable[[Case], object], *, expected_version: int | None = None
    ) -> Case:
        """Load a case, let *act* record events on it, save it (办理并保存); return it.

        What a clerk's "save" button does: *expected_version* is the version the form
        showed; if the case moved on since, nothing is applied.

        Raises:
            VersionConflictError: the case is not at *expected_version*, or another writer
                saved it between this load and save.
            CaseNotFoundError: no such case.
            EventRefusedError: *act* recorded an event the law refuses (nothing stored).
            ListenerError: a listener raised; the events are stored.
        """
        case = self.load(case_id)
        read = case.version
        if expected_version is not None and expected_version != read:
            raise VersionConflictError("save", case.state.value, expected_version, read)
        act(case)
        return self.save(case, expected_version=read)

    # -- reading -----------------------------------------------------------------------

    def _restore(self, document: Mapping[str, Any]) -> Case:
        return Case.from_dict(document, calendar=self._calendar, policies=self._policies)

    def load(self, case_id: str) -> Case:
        """The stored case, replayed and checked with the repository's calendar (读取).

        Raises:
            CaseNotFoundError: no such case.
            SerializationError: its document is malformed.
        """
        t = self._tables.cases
        with self._engine.connect() as conn:
            document = conn.execute(
                sa.select(t.c.document).where(t.c.id == case_id)
            ).scalar_one_or_none()
        if document is None:
            raise CaseNotFoundError(case_id)
        return self._restore(document)

    def version_of(self, case_id: str) -> int | None:
        """The stored version of a case, or ``None`` if it is not stored."""
        t = self._tables.cases
        with self._engine.connect() as conn:
            version: int | None = conn.execute(
                sa.select(t.c.version).where(t.c.id == case_id)
            ).scalar_one_or_none()
        return version

    def count(self) -> int:
        """The number of stored cases."""
        with self._engine.connect() as conn:
            total: int = conn.execute(
                sa.select(sa.func.count()).select_from(self._tables.cases)
            ).scalar_one()
        return total

    def cases(
        self, *, states: Iterable[CaseState] | None = None, batch_size: int = DEFAULT_BATCH
    ) -> Iterator[Case]:
        """Every stored case (in the given *states*), by id, read in batches (逐批读取):
        memory stays bounded by the batch, whatever the number of cases."""
        batch = _positive("batch_size", batch_size)
        t = self._tables.cases
        query = sa.select(t.c.id, t.c.document).order_by(t.c.id).limit(batch)
        if states is not None:
            values = [CaseState(s).value for s in states]
            query = query.where(t.c.state.in_(values))
        last: str | None = None
        while True:
            page = query if last is None else query.where(t.c.id > last)
            with self._engine.connect() as conn:
                rows = conn.execute(page).all()
            for row in rows:
                yield self._restore(row.document)
            if len(rows) < batch:
                return
            last = rows[-1].id

    def events(self, case_id: str, *, after_version: int = 0) -> list[StoredEvent]:
        """The stored events of a case after *after_version*, oldest first (办理记录)."""
        t = self._tables.events
        query = (
            sa.select(t)
            .where(t.c.case_id == case_id, t.c.version > _count("after_version", after_version))
            .order_by(t.c.version)
        )
        with self._engine.connect() as conn:
            return [StoredEvent(**row._asdict()) for row in conn.execute(query)]

    def columns(self, case_id: str) -> CaseColumns:
        """The stored derived columns of a case (派生列).

        Raises:
            CaseNotFoundError: no such case.
        """
        rows = self._select(self._tables.cases.c.id == case_id)
        if not rows:
            raise CaseNotFoundError(case_id)
        return rows[0]

    # -- the supervisor's queries --------------------------------------------------------

    def _select(self, *where: Any, order: Any = None) -> list[CaseColumns]:
        t = self._tables.cases
        names = ["id", *_DERIVED]
        query = sa.select(*(t.c[n] for n in names)).where(*where)
        query = query.order_by(*(order if order is not None else ()), t.c.id)
        with self._engine.connect() as conn:
            return [CaseColumns(*row) for row in conn.execute(query)]

    def overdue(self, as_of: _dt.date) -> list[CaseColumns]:
        """Open cases whose reply deadline passed by the end of *as_of* (逾期未答复),
        earliest deadline first: ``is_open AND due < :as_of``."""
        as_of = check_date(as_of, "as_of")
        c = self._tables.cases.c
        return self._select(c.is_open.is_(True), c.due < as_of, order=[c.due])

    def due_soon(self, as_of: _dt.date, *, within: int = 5) -> list[CaseColumns]:
        """Open cases with a running clock and at most *within* working days left after
        *as_of* (即将到期), earliest deadline first.

        ``due`` from *as_of* up to, not including, the (*within* + 1)-th working day
        after it; a clock paused through *as_of* (an answer that arrived that day) is
        not running.

        Raises:
            CoverageError: the calendar lacks the days after *as_of*.
        """
        as_of = check_date(as_of, "as_of")
        cutoff = self._calendar.add_workdays_result(as_of, _count("within", within) + 1).value
        c = self._tables.cases.c
        return self._select(
            c.is_open.is_(True),
            c.due >= as_of,
            c.due < cutoff,
            sa.or_(c.paused_through.is_(None), c.paused_through < as_of),
            order=[c.due],
        )

    def stalled(self, as_of: _dt.date, *, after: int = 10) -> list[CaseColumns]:
        """Open cases with no event for *after* working days or more by *as_of*
        (长期未办理), longest idle first: the last event is before the *after*-th
        working day counted back from *as_of* (itself included).

        Raises:
            CoverageError: the calendar lacks the days needed.
        """
        as_of = check_date(as_of, "as_of")
        after = _count("after", after)
        following = self._calendar.add_workdays_result(as_of, 1).value
        cutoff = self._calendar.add_workdays_result(following, -after).value
        c = self._tables.cases.c
        return self._select(c.is_open.is_(True), c.last_event < cutoff, order=[c.last_event])

    def periods_ended(self, as_of: _dt.date) -> list[CaseColumns]:
        """Open cases whose earliest sub-deadline — a consultee's answer, the applicant's
        correction or payment (:data:`ACTION_PERIODS`) — ended before *as_of*: the agency
        must act (期限届满待处理), earliest first."""
        as_of = check_date(as_of, "as_of")
        c = self._tables.cases.c
        return self._select(
            c.is_open.is_(True),
            c.next_due < as_of,
            c.next_kind.in_(_ACTION_VALUES),
            order=[c.next_due],
        )

    # -- after a calendar change ---------------------------------------------------------

    def recompute(
        self,
        *,
        rows: Literal["all", "stale"] = "all",
        batch_size: int = DEFAULT_BATCH,
        progress: Progress | None = None,
    ) -> RecomputeResult:
        """Rewrite the derived columns of stored cases with the repository's calendar
        (重新计算派生列), in batches; the documents are not touched.

        Args:
            rows: ``"all"`` rows, or ``"stale"`` ones only: computed with another
                calendar, provisional, or short of calendar data.
            batch_size: cases read and rewritten per transaction.
            progress: called as ``progress(done, total)`` after each batch.

        A row saved by someone else while its batch was computed is left as that save
        wrote it (``WHERE version = :read``) and counted as skipped.
        """
        if rows not in ("all", "stale"):
            raise InvalidValueError.choice("rows", rows, ("all", "stale"))
        batch = _positive("batch_size", batch_size)
        if progress is not None and not callable(progress):
            raise InvalidValueError(
                "progress",
                progress,
                Wording(
                    "None or a callable(done, total)", "None 或可调用对象 callable(done, total)"
                ),
            )
        t = self._tables.cases
        fingerprint = self._calendar.fingerprint
        where: list[Any] = []
        if rows == "stale":
            where.append(
                sa.or_(
                    t.c.fingerprint != fingerprint,
                    t.c.provisional.is_(True),
                    t.c.open_reason == "uncovered",
                )
            )
        with self._engine.connect() as conn:
            total: int = conn.execute(
                sa.select(sa.func.count()).select_from(t).where(*where)
            ).scalar_one()
        query = (
            sa.select(t.c.id, t.c.version, t.c.document).where(*where).order_by(t.c.id).limit(batch)
        )
        statement = (
            sa.update(t)
            .where(t.c.id == sa.bindparam("key"), t.c.version == sa.bindparam("read"))
            .values({name: sa.bindparam(name) for name in _DERIVED})
        )
        done = updated = 0
        last: str | None = None
        if progress is not None:
            progress(0, total)
        while True:
            page = query if last is None else query.where(t.c.id > last)
            with self._engine.connect() as conn:
                found = conn.execute(page).all()
            if not found:
                break
            values = []
            for _key, read, document in found:
                row = case_columns(self._restore(document)).as_row()
                row["key"] = row.pop("id")
                row["read"] = read
                values.append(row)
            with self._engine.begin() as conn:
                for value in values:
                    updated += conn.execute(statement, value).rowcount
            done += len(found)
            last = found[-1].id
            if progress is not None:
                progress(min(done, total), total)
            if len(found) < batch:
                break
        return RecomputeResult(done, updated, done - updated, fingerprint)
