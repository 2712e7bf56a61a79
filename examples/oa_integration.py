"""An OA system keeping its requests in a database with disclosure_flow.storage.

Twelve applications received in autumn 2026 are stored in a database (SQLite in memory,
or the PostgreSQL server named by ``DISCLOSURE_FLOW_EXAMPLE_DB``, a SQLAlchemy URL);
every committed event becomes a task in the OA system's inbox through a listener; two
clerks act on the same case from the same version and the database lets one of them
win; the nightly job asks the database for overdue and due-soon cases and runs the
supervisor's watchlist, which also finds a consultation stalled since March; a clerk
exports her deadlines to her calendar. The extras ``sql`` (and ``ical`` for the
export) are needed::

    pip install 'disclosure-flow[sql,ical]'
    python examples/oa_integration.py
"""

from __future__ import annotations

import datetime as dt
import os

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
    CaseEvent,
    CaseState,
    ConsultationAnswer,
    ConsultedParty,
    Outcome,
    OutcomeKind,
    OutcomeReason,
)
from disclosure_flow.reports import watchlist
from disclosure_flow.storage import ListenerError, Repository, to_ics

D = dt.date
CALENDAR = WorkdayCalendar()  # one per process; replace it when next year's notice arrives
TODAY = D(2026, 11, 24)

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
REQUEST = InformationRequest("2025年度部门预算执行情况", ProvisionForm.PAPER, DeliveryMethod.POST)


class Inbox:
    """The OA system's task list: a listener turns each committed event into a task."""

    def __init__(self) -> None:
        self.tasks: list[str] = []

    def __call__(self, case: Case, event: CaseEvent) -> None:
        if event.state_after is CaseState.WAITING:
            self.tasks.append(f"{case.id}: 催办征求意见 (v{event.version})")
        elif event.state_after is CaseState.REPLIED:
            self.tasks.append(f"{case.id}: 送达答复书 (v{event.version})")
        elif event.event.value == "register":
            self.tasks.append(f"{case.id}: 审核申请 (v{event.version})")


def register(repo: Repository) -> None:
    """Register the :data:`STORIES` through the Case API and store them."""
    for n, (day, story) in enumerate(STORIES, 1):
        kind = ApplicantKind.NATURAL_PERSON if n % 3 else ApplicantKind.COMMERCIAL_ENTERPRISE
        case = Case.open(
            f"2026-{n:03d}",
            applicant=Applicant(kind, f"申请人{n}"),
            request=REQUEST,
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
        elif story == "consulted":
            case.start_processing(day + dt.timedelta(days=2))
            case.consult(
                day + dt.timedelta(days=3), party=ConsultedParty.THIRD_PARTY, consultee="某公司"
            )
            case.receive_consultation_answer(
                day + dt.timedelta(days=12), consultee="某公司", answer=ConsultationAnswer.CONSENT
            )
        repo.add(case)
    # One more, from March: a third party was consulted and never answered.
    stalled = Case.open(
        "2026-000",
        applicant=Applicant(ApplicantKind.NATURAL_PERSON, "申请人0"),
        request=REQUEST,
        channel=Channel.IN_PERSON,
        received=D(2026, 3, 2),
        calendar=CALENDAR,
    )
    stalled.start_review(D(2026, 3, 3)).start_processing(D(2026, 3, 3))
    stalled.consult(D(2026, 3, 4), party=ConsultedParty.THIRD_PARTY, consultee="某物业公司")
    repo.add(stalled)


def two_clerks(repo: Repository) -> None:
    """Clerks 甲 and 乙 open case 2026-011 at the same version; both act on it."""
    first, second = repo.load("2026-011"), repo.load("2026-011")
    seen = first.version
    print(f"clerks 甲 and 乙 both open 2026-011 at version {seen}")
    first.extend(D(2026, 11, 16), days=10, approver="办公室主任")
    second.reply(
        D(2026, 11, 16), outcome=Outcome(OutcomeKind.UNABLE_TO_PROVIDE, OutcomeReason.NOT_HELD)
    )
    repo.save(first, expected_version=seen)
    print(f"  甲 extends by 10 working days: saved at version {first.version}")
    try:
        repo.save(second, expected_version=seen)
    except VersionConflictError as error:
        print(
            f"  乙's reply from the stale form: the database matched no row at version "
            f"{error.expected} (case at {error.actual}); nothing was overwritten"
        )
    outcome = Outcome(OutcomeKind.UNABLE_TO_PROVIDE, OutcomeReason.NOT_HELD)
    again = repo.change("2026-011", lambda case: case.reply(D(2026, 11, 17), outcome=outcome))
    print(f"  乙 reloads and replies: saved at version {again.version} ({again.state.label_zh})")


def nightly(repo: Repository) -> None:
    """The nightly job (每日督办): the database selects, the watchlist explains."""
    print(f"nightly job as of {TODAY}:")
    for row in repo.overdue(TODAY):
        print(f"  逾期 overdue        {row.id}  due {row.due}")
    for row in repo.due_soon(TODAY, within=5):
        print(f"  即将到期 due soon   {row.id}  due {row.due}")
    for row in repo.periods_ended(TODAY):
        print(f"  期限届满 ended      {row.id}  {row.next_kind} ended {row.next_due}")
    board = watchlist(repo.cases(states=[s for s in CaseState if s.is_open]), as_of=TODAY)
    for item in board.answers_overdue:
        (period,) = item.periods
        print(
            f"  征求意见逾期 {item.case_id}: {period.about} was to answer by {period.due}, "
            f"{period.overdue_by} working days ago; no event for {item.idle} working days"
        )
    print(f"  needs action: {board.needs_action}")


def main() -> None:
    url = os.environ.get("DISCLOSURE_FLOW_EXAMPLE_DB", "sqlite://")
    repo = Repository(url, calendar=CALENDAR)
    repo.create_tables()
    inbox = Inbox()
    repo.subscribe(inbox)
    register(repo)
    print(
        f"{repo.count()} cases stored; {len(inbox.tasks)} OA tasks created, e.g. {inbox.tasks[0]}"
    )
    two_clerks(repo)
    print(f"  the OA inbox got: {inbox.tasks[-1]}")

    def sms(case: Case, event: CaseEvent) -> None:
        raise ConnectionError("短信网关不可用")

    with repo.subscribe(sms, case_id="2026-012"):
        try:
            repo.change("2026-012", lambda case: case.start_processing(D(2026, 11, 18)))
        except ListenerError as error:
            failed = type(error.__cause__).__name__
            print(f"  the SMS failed ({failed}); the event is stored: v{error.version}")
    nightly(repo)
    try:
        calendar_file = to_ics([repo.load("2026-012")], as_of=TODAY, remind=2)
    except ImportError:
        print("calendar export: pip install 'disclosure-flow[ical]'")
    else:
        print(f"calendar export for 2026-012: {calendar_file.count(b'BEGIN:VEVENT')} deadlines")
    repo.tables.drop(repo.engine)  # a demonstration: leave the database as it was


if __name__ == "__main__":
    main()
