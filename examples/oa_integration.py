"""Embedding disclosure_flow in an OA system (办公自动化系统集成示例), with stdlib sqlite3.

- one table of cases: the case's ``to_dict()`` as JSON, plus a version column and a few
  columns copied out for queries (state, due date);
- every change is load → apply the event with ``expected_version`` → save with
  ``UPDATE … WHERE id = ? AND version = ?`` (optimistic concurrency: two clerks
  editing one case cannot overwrite each other; the second one is told);
- a nightly job lists the overdue and due-soon cases as of a date (督办清单).

Run: python examples/oa_integration.py (in memory; prints a short report).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable

from disclosure_flow import (
    Applicant,
    ApplicantKind,
    Channel,
    DeliveryMethod,
    InformationRequest,
    ProvisionForm,
    VersionConflictError,
    WorkdayCalendar,
)
from disclosure_flow.cases import (
    Case,
    CaseState,
    ConsultationAnswer,
    ConsultedParty,
    Outcome,
    OutcomeKind,
    OutcomeReason,
)
from disclosure_flow.reports import watchlist

D = dt.date
CALENDAR = WorkdayCalendar()  # one per process; replace it when next year's notice arrives
OPEN_STATES = tuple(s.value for s in CaseState if s.is_open)

SCHEMA = """
CREATE TABLE cases (
    id      TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    state   TEXT NOT NULL,
    due     TEXT,            -- copied out for queries; the JSON is the source of truth
    data    TEXT NOT NULL    -- Case.to_dict() as JSON
)
"""


# -- the repository: the only code that talks to the database ---------------------------


def _columns(case: Case) -> tuple[int, str, str | None, str]:
    deadline = case.deadline()
    due = None if deadline is None or deadline.due is None else deadline.due.isoformat()
    data = json.dumps(case.to_dict(), ensure_ascii=False)
    return case.version, case.state.value, due, data


def insert(conn: sqlite3.Connection, case: Case) -> None:
    """Store a newly registered case."""
    version, state, due, data = _columns(case)
    conn.execute(
        "INSERT INTO cases (id, version, state, due, data) VALUES (?, ?, ?, ?, ?)",
        (case.id, version, state, due, data),
    )


def load(conn: sqlite3.Connection, case_id: str) -> Case:
    """Read a case back; its history is replayed and checked (SerializationError if not)."""
    row = conn.execute("SELECT data FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise KeyError(case_id)
    return Case.from_dict(json.loads(row[0]), calendar=CALENDAR)


def save(conn: sqlite3.Connection, case: Case, *, read_version: int) -> None:
    """Write *case* back, only if nobody saved it since it was read at *read_version*."""
    version, state, due, data = _columns(case)
    cursor = conn.execute(
        "UPDATE cases SET version = ?, state = ?, due = ?, data = ? WHERE id = ? AND version = ?",
        (version, state, due, data, case.id, read_version),
    )
    if cursor.rowcount != 1:
        (current,) = conn.execute("SELECT version FROM cases WHERE id = ?", (case.id,)).fetchone()
        event = case.history[-1].event.value
        raise VersionConflictError(event, case.state.value, read_version, current)


def record(
    conn: sqlite3.Connection, case_id: str, seen_version: int, act: Callable[[Case, int], object]
) -> Case:
    """What a clerk's "save" button does: load, apply the event the clerk filled in on a
    form showing version *seen_version*, save. Raises VersionConflictError if the case
    changed in between (in the library, or in the database)."""
    with conn:  # one transaction
        case = load(conn, case_id)
        act(case, seen_version)  # refused (nothing changes) if the case moved on
        save(conn, case, read_version=seen_version)
    return case


# -- a day at the office ------------------------------------------------------------------


#: Twelve applications received in autumn 2026 and what happened to them by 24 November.
STORIES = [
    (D(2026, 9, 28), "replied"),
    (D(2026, 9, 29), "consulted"),
    (D(2026, 10, 9), "open"),
    (D(2026, 10, 12), "replied"),
    (D(2026, 10, 19), "consulted"),
    (D(2026, 10, 23), "open"),
    (D(2026, 10, 27), "open"),
    (D(2026, 10, 30), "open"),
    (D(2026, 11, 2), "replied"),
    (D(2026, 11, 5), "open"),
    (D(2026, 11, 10), "open"),
    (D(2026, 11, 16), "open"),
]


def register_examples(conn: sqlite3.Connection) -> None:
    """Register the :data:`STORIES` through the Case API and store them."""
    request = InformationRequest(
        "2025年度部门预算执行情况", ProvisionForm.PAPER, DeliveryMethod.POST
    )
    for n, (day, story) in enumerate(STORIES, 1):
        kind = ApplicantKind.NATURAL_PERSON if n % 3 else ApplicantKind.COMMERCIAL_ENTERPRISE
        case = Case.open(
            f"2026-{n:03d}",
            applicant=Applicant(kind, f"申请人{n}"),
            request=request,
            channel=Channel.IN_PERSON,
            received=day,
            calendar=CALENDAR,
            actor="登记员",
        )
        case.start_review(day + dt.timedelta(days=1))
        if story == "replied":
            case.reply(
                day + dt.timedelta(days=10),
                outcome=Outcome(OutcomeKind.DISCLOSED, OutcomeReason.DISCLOSED),
            )
        elif story == "consulted":  # a third party is consulted; it consents
            case.start_processing(day + dt.timedelta(days=2))
            case.consult(
                day + dt.timedelta(days=3), party=ConsultedParty.THIRD_PARTY, consultee="某公司"
            )
            case.receive_consultation_answer(
                day + dt.timedelta(days=12), consultee="某公司", answer=ConsultationAnswer.CONSENT
            )
            case.reply(
                day + dt.timedelta(days=30),
                outcome=Outcome(OutcomeKind.WITHHELD, OutcomeReason.THIRD_PARTY_RIGHTS)
                if n % 2
                else Outcome(OutcomeKind.DISCLOSED, OutcomeReason.DISCLOSED),
            )
        insert(conn, case)


def show_conflicts(conn: sqlite3.Connection) -> None:
    """Two clerks open case 2026-011 at the same version; both act on it."""
    seen = load(conn, "2026-011").version
    print(f"clerks 甲 and 乙 both open 2026-011 at version {seen}")

    def extend(case: Case, expected: int) -> None:
        case.extend(D(2026, 11, 16), days=10, approver="办公室主任", expected_version=expected)

    def reply(case: Case, expected: int) -> None:
        outcome = Outcome(OutcomeKind.UNABLE_TO_PROVIDE, OutcomeReason.NOT_HELD)
        case.reply(D(2026, 11, 16), outcome=outcome, expected_version=expected)

    after = record(conn, "2026-011", seen, extend)
    print(f"  甲 extends by 10 working days: saved at version {after.version}")
    try:
        record(conn, "2026-011", seen, reply)
    except VersionConflictError as error:
        print(
            f"  乙 replies from the stale form: refused (expected {error.expected}, "
            f"case at {error.actual})"
        )
    again = record(conn, "2026-011", load(conn, "2026-011").version, reply)
    print(f"  乙 reloads and replies: saved at version {again.version} ({again.state.label_zh})")

    # Two workers load the same version and change it in memory at the same time: the
    # library cannot see the other one, the database's WHERE version = ? does.
    first, second = load(conn, "2026-012"), load(conn, "2026-012")
    read = first.version
    first.start_processing(D(2026, 11, 18))
    second.withdraw(D(2026, 11, 18))
    save(conn, first, read_version=read)
    try:
        save(conn, second, read_version=read)
    except VersionConflictError as error:
        print(
            f"  2026-012 saved twice from version {read}: the second UPDATE matched no "
            f"row (case now at {error.actual}); nothing was overwritten"
        )


def nightly(conn: sqlite3.Connection, as_of: dt.date) -> None:
    """The nightly job (每日督办): open cases that are overdue or due within 5 working days."""
    marks = ", ".join("?" for _ in OPEN_STATES)
    rows = conn.execute(f"SELECT data FROM cases WHERE state IN ({marks})", OPEN_STATES)
    cases = [Case.from_dict(json.loads(data), calendar=CALENDAR) for (data,) in rows]
    board = watchlist(cases, as_of=as_of, due_within=5)
    print(f"nightly job as of {as_of}: {len(cases)} open cases")
    for item in board.overdue:
        assert item.status is not None
        print(f"  逾期 overdue   {item.case_id}  due {item.due}  by {item.status.overdue_by} wd")
    for item in board.due_soon:
        assert item.status is not None
        print(f"  即将到期 soon  {item.case_id}  due {item.due}  {item.status.left} wd left")
    if not (board.overdue or board.due_soon):
        print("  nothing needs attention")


def main() -> None:
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA)
    register_examples(conn)
    (count,) = conn.execute("SELECT count(*) FROM cases").fetchone()
    print(f"{count} cases stored")
    show_conflicts(conn)
    nightly(conn, D(2026, 11, 24))
    conn.close()


if __name__ == "__main__":
    main()
