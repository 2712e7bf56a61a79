"""Storage (案件存储): cases in a relational database, listeners, calendar exports.

An interface layer, above the reports:

- :mod:`~disclosure_flow.storage.schema` — the tables, as SQLAlchemy Core metadata a
  host creates or folds into its own migrations;
- :mod:`~disclosure_flow.storage.columns` — the derived columns stored beside each
  case's document (its due date, next sub-deadline, calendar fingerprint…);
- :mod:`~disclosure_flow.storage.repository` — :class:`Repository`: save with the
  version checked by the database, load, the supervisor's queries in SQL, recompute
  after a calendar change;
- :mod:`~disclosure_flow.storage.hooks` — listeners called after each committed event;
- :mod:`~disclosure_flow.storage.errors` — :class:`CaseNotFoundError`,
  :class:`ListenerError`;
- :mod:`~disclosure_flow.storage.ics` — a case's deadlines as iCalendar (.ics), with
  reminders some working days before.

SQLAlchemy 2 is the optional extra ``sql`` (``pip install 'disclosure-flow[sql]'``;
``[postgres]`` adds the PostgreSQL driver), and ``icalendar`` the extra ``ical``: the
names here are imported on first use, so this package imports without them, and each
says what to install when its extra is missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from disclosure_flow._lazy import lazy_exports

if TYPE_CHECKING:
    from disclosure_flow.storage.columns import CaseColumns, Undated, case_columns
    from disclosure_flow.storage.errors import CaseNotFoundError, ListenerError
    from disclosure_flow.storage.hooks import Listener, Subscription, on_event
    from disclosure_flow.storage.ics import CalendarEntry, calendar_entries, to_ics
    from disclosure_flow.storage.repository import (
        ACTION_PERIODS,
        Progress,
        RecomputeResult,
        Repository,
        StoredEvent,
    )
    from disclosure_flow.storage.schema import TABLES, Tables, define_tables

#: Names imported on first use: name -> module of this package.
_LAZY: dict[str, str] = {
    "ACTION_PERIODS": "repository",
    "CalendarEntry": "ics",
    "CaseColumns": "columns",
    "CaseNotFoundError": "errors",
    "Listener": "hooks",
    "ListenerError": "errors",
    "Progress": "repository",
    "RecomputeResult": "repository",
    "Repository": "repository",
    "StoredEvent": "repository",
    "Subscription": "hooks",
    "TABLES": "schema",
    "Tables": "schema",
    "Undated": "columns",
    "calendar_entries": "ics",
    "case_columns": "columns",
    "define_tables": "schema",
    "on_event": "hooks",
    "to_ics": "ics",
}

__getattr__, __dir__ = lazy_exports(__name__, _LAZY, globals())

__all__ = [
    "ACTION_PERIODS",
    "TABLES",
    "CalendarEntry",
    "CaseColumns",
    "CaseNotFoundError",
    "Listener",
    "ListenerError",
    "Progress",
    "RecomputeResult",
    "Repository",
    "StoredEvent",
    "Subscription",
    "Tables",
    "Undated",
    "calendar_entries",
    "case_columns",
    "define_tables",
    "on_event",
    "to_ics",
]
