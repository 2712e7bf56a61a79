"""The tables (数据表): SQLAlchemy Core metadata for cases and their events.

Two tables, named with a prefix (default ``disclosure_``) so that they sit beside the
host's own:

``disclosure_cases`` — one row per case (案件表):

====================  ===========  =====================================================
column                type         holds
====================  ===========  =====================================================
``id``                string, key  the case's identifier (案件编号)
``version``           integer      its version (版本号); every save checks it
``state``             string       its state (办理状态), e.g. ``"waiting"``
``is_open``           boolean      still waiting for a reply on the merits (办理中)
``received``          date         the day the application arrived (收到申请)
``day_zero``          date         day 0 (收到申请之日, Art. 31); empty while unconfirmed
``due``               date         the reply deadline (答复期限); empty while open
``open_reason``       string       why ``due`` is empty (:class:`~disclosure_flow.storage.Undated`)
``next_due``          date         the earliest running sub-deadline (最近的子期限)
``next_kind``         string       its kind (:class:`~disclosure_flow.cases.SubDeadlineKind`)
``provisional``       boolean      a date above rests on estimated days (估计)
``paused_through``    date         the clock does not run on this day (a pause's last day)
``fingerprint``       string       the calendar the dates were computed with (日历版本)
``last_event``        date         the day of the last event (最近一次办理日期)
``document``          JSON         :meth:`Case.to_dict() <disclosure_flow.cases.Case.to_dict>`:
                                   the source of truth; the other columns derive from it
====================  ===========  =====================================================

Indexed for the supervisor's questions: ``(is_open, due)``, ``(is_open, next_due)``,
``(is_open, last_event)``, ``state`` and ``fingerprint``.

``disclosure_events`` — every event of every case, append-only (办理记录表): ``case_id``
and ``version`` (the key), ``event``, ``day``, ``state_before``, ``state_after``,
``payload`` (JSON, as the document stores it), ``actor``, ``note``. The repository only
ever inserts into it; a host may feed its audit log or an outbox from it.

On PostgreSQL the JSON columns are ``JSONB``. A host with its own migrations
(Alembic) builds the tables on its own ``MetaData`` with :func:`define_tables` and lets
its tool generate them; otherwise :meth:`Tables.create` creates them.

>>> import sqlalchemy as sa
>>> tables = define_tables(sa.MetaData(), prefix="oa_")
>>> tables.cases.name, tables.events.name
('oa_cases', 'oa_events')
>>> [c.name for c in tables.cases.primary_key]
['id']
"""

from __future__ import annotations

import attrs

from disclosure_flow.errors import InvalidValueError, Wording
from disclosure_flow.storage._sql import postgresql, sa

__all__ = ["TABLES", "Tables", "define_tables"]

#: The JSON type: ``JSONB`` on PostgreSQL, the generic JSON type elsewhere.
_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
#: Lengths of the string columns (a state's or an event's value, a fingerprint).
_ID_LENGTH = 128
_NAME_LENGTH = 40
_FINGERPRINT_LENGTH = 64


@attrs.frozen
class Tables:
    """The two tables of a repository (数据表).

    Attributes:
        metadata: the ``MetaData`` they are defined on.
        cases: one row per case.
        events: every event, append-only.
    """

    metadata: sa.MetaData
    cases: sa.Table
    events: sa.Table

    def create(self, bind: sa.Engine | sa.Connection) -> None:
        """Create both tables and their indexes where they do not exist yet (建表)."""
        self.metadata.create_all(bind, tables=[self.cases, self.events])

    def drop(self, bind: sa.Engine | sa.Connection) -> None:
        """Drop both tables (删除数据表): every stored case is lost."""
        self.metadata.drop_all(bind, tables=[self.events, self.cases])


def define_tables(metadata: sa.MetaData, *, prefix: str = "disclosure_") -> Tables:
    """Define the tables on *metadata*, named ``{prefix}cases`` and ``{prefix}events``.

    Raises:
        InvalidValueError: *prefix* is not a string of letters, digits and underscores.
    """
    if not isinstance(metadata, sa.MetaData):
        raise InvalidValueError(
            "metadata", metadata, Wording("a sqlalchemy.MetaData", "sqlalchemy.MetaData")
        )
    if not isinstance(prefix, str) or not (prefix == "" or prefix.replace("_", "a").isalnum()):
        raise InvalidValueError(
            "prefix", prefix, Wording("letters, digits and underscores", "字母、数字和下划线")
        )
    name = f"{prefix}cases"
    cases = sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(_ID_LENGTH), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("state", sa.String(_NAME_LENGTH), nullable=False),
        sa.Column("is_open", sa.Boolean, nullable=False),
        sa.Column("received", sa.Date),
        sa.Column("day_zero", sa.Date),
        sa.Column("due", sa.Date),
        sa.Column("open_reason", sa.String(_NAME_LENGTH)),
        sa.Column("next_due", sa.Date),
        sa.Column("next_kind", sa.String(_NAME_LENGTH)),
        sa.Column("provisional", sa.Boolean, nullable=False),
        sa.Column("paused_through", sa.Date),
        sa.Column("fingerprint", sa.String(_FINGERPRINT_LENGTH), nullable=False),
        sa.Column("last_event", sa.Date),
        sa.Column("document", _JSON, nullable=False),
        sa.Index(f"ix_{name}_open_due", "is_open", "due"),
        sa.Index(f"ix_{name}_open_next_due", "is_open", "next_due"),
        sa.Index(f"ix_{name}_open_last_event", "is_open", "last_event"),
        sa.Index(f"ix_{name}_state", "state"),
        sa.Index(f"ix_{name}_fingerprint", "fingerprint"),
    )
    events = sa.Table(
        f"{prefix}events",
        metadata,
        sa.Column(
            "case_id",
            sa.String(_ID_LENGTH),
            sa.ForeignKey(cases.c.id, ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("event", sa.String(_NAME_LENGTH), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("state_before", sa.String(_NAME_LENGTH), nullable=False),
        sa.Column("state_after", sa.String(_NAME_LENGTH), nullable=False),
        sa.Column("payload", _JSON),
        sa.Column("actor", sa.Text),
        sa.Column("note", sa.Text),
        sa.Index(f"ix_{prefix}events_day", "day"),
    )
    return Tables(metadata, cases, events)


#: The default tables, on their own ``MetaData``: ``disclosure_cases`` and
#: ``disclosure_events``.
TABLES = define_tables(sa.MetaData())
