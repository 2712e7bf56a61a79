"""The repository: save and load, the version checked by the database, two writers at
once, the supervisor's queries in SQL, recompute after a calendar change."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_flow import Overlay, OverlayEntry, OverlayKind, WorkdayCalendar
from disclosure_flow import strategies as dfs
from disclosure_flow.cases import (
    Case,
    CaseState,
    ConsultedParty,
    Outcome,
    OutcomeKind,
    OutcomeReason,
)
from disclosure_flow.errors import (
    DisclosureFlowError,
    EventRefusedError,
    InvalidValueError,
    SerializationError,
    VersionConflictError,
)
from disclosure_flow.reports import Attention, watchlist
from disclosure_flow.storage import (
    TABLES,
    CaseColumns,
    CaseNotFoundError,
    Repository,
    case_columns,
    define_tables,
)
from disclosure_flow.testing import Scenario

from .conftest import CALENDAR

D = dt.date
DISCLOSED = Outcome(OutcomeKind.DISCLOSED, OutcomeReason.DISCLOSED)
PROPERTY = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _case(case_id: str, received: D) -> Case:
    return Scenario(received=received, case_id=case_id).case()


def test_add_load_round_trip_and_columns(repo: Repository) -> None:
    case = Scenario(received=D(2026, 9, 28)).consulted_third_party(D(2026, 10, 12)).case()
    repo.add(case)
    loaded = repo.load(case.id)
    assert loaded.to_dict() == case.to_dict()
    assert repo.columns(case.id) == case_columns(case)
    assert repo.version_of(case.id) == case.version
    assert repo.count() == 1
    stored = repo.events(case.id)
    assert [(e.version, e.event) for e in stored] == [
        (e.version, e.event.value) for e in case.history
    ]
    assert stored[-1].payload is not None
    assert stored[-1].payload["consultee"] == "第三方"


def test_save_appends_the_new_events_only(repo: Repository) -> None:
    case = repo.add(_case("2026-001", D(2026, 9, 28)))
    case.start_review(D(2026, 9, 29)).start_processing(D(2026, 9, 30))
    repo.save(case, expected_version=1)
    assert [e.version for e in repo.events(case.id)] == [1, 2, 3]
    assert [e.event for e in repo.events(case.id, after_version=1)] == [
        "start_review",
        "start_processing",
    ]
    assert repo.load(case.id).state is CaseState.PROCESSING


def test_a_stale_save_is_refused_by_the_database(repo: Repository) -> None:
    repo.add(_case("2026-001", D(2026, 9, 28)))
    first, second = repo.load("2026-001"), repo.load("2026-001")
    first.start_review(D(2026, 9, 29))
    second.withdraw(D(2026, 9, 29))
    repo.save(first, expected_version=1)
    with pytest.raises(VersionConflictError) as caught:
        repo.save(second, expected_version=1)
    assert (caught.value.expected, caught.value.actual) == (1, 2)
    assert repo.load("2026-001").state is CaseState.UNDER_REVIEW
    assert [e.event for e in repo.events("2026-001")] == ["register", "start_review"]


def test_adding_a_stored_id_again_is_a_conflict(repo: Repository) -> None:
    repo.add(_case("2026-001", D(2026, 9, 28)))
    with pytest.raises(VersionConflictError) as caught:
        repo.add(_case("2026-001", D(2026, 10, 8)))
    assert (caught.value.expected, caught.value.actual) == (0, 1)
    assert repo.load("2026-001").received == D(2026, 9, 28)


def test_missing_cases_and_bad_arguments(repo: Repository) -> None:
    with pytest.raises(CaseNotFoundError) as caught:
        repo.load("nope")
    assert isinstance(caught.value, LookupError)
    assert caught.value.case_id == "nope"
    case = _case("2026-009", D(2026, 9, 28))
    with pytest.raises(CaseNotFoundError):
        repo.save(case, expected_version=1)
    with pytest.raises(InvalidValueError):
        repo.save(case, expected_version=2)  # newer than the case itself
    with pytest.raises(InvalidValueError):
        repo.save(case, expected_version=True)
    with pytest.raises(InvalidValueError):
        Repository("sqlite://", calendar="national")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        define_tables(sa.MetaData(), prefix="x; DROP")


def test_change_is_load_act_save(repo: Repository) -> None:
    repo.add(_case("2026-001", D(2026, 9, 28)))
    after = repo.change("2026-001", lambda c: c.start_review(D(2026, 9, 29)), expected_version=1)
    assert after.version == 2
    with pytest.raises(VersionConflictError):  # the form showed version 1
        repo.change("2026-001", lambda c: c.withdraw(D(2026, 9, 30)), expected_version=1)
    with pytest.raises(EventRefusedError):  # refused by the law: nothing stored
        repo.change("2026-001", lambda c: c.archive(D(2026, 9, 30)))
    assert repo.version_of("2026-001") == 2


def test_two_writers_at_once_exactly_one_wins(repo: Repository) -> None:
    repo.add(_case("2026-001", D(2026, 9, 28)))
    start = threading.Barrier(2)
    won: list[str] = []
    lost: list[VersionConflictError] = []

    def writer(name: str, act: str) -> None:
        case = repo.load("2026-001")
        read = case.version
        if act == "review":
            case.start_review(D(2026, 9, 29))
        else:
            case.withdraw(D(2026, 9, 29))
        start.wait()
        try:
            repo.save(case, expected_version=read)
        except VersionConflictError as error:
            lost.append(error)
        else:
            won.append(name)

    threads = [
        threading.Thread(target=writer, args=("甲", "review")),
        threading.Thread(target=writer, args=("乙", "withdraw")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(won) == 1
    assert len(lost) == 1
    assert (lost[0].expected, lost[0].actual) == (1, 2)
    stored = repo.load("2026-001")
    assert stored.version == 2
    expected = CaseState.UNDER_REVIEW if won == ["甲"] else CaseState.WITHDRAWN
    assert stored.state is expected
    assert len(repo.events("2026-001")) == 2


def _office() -> list[Case]:
    """Cases of one office on 24 November 2026, each in one of the watchlist's groups."""
    overdue = Scenario(received=D(2026, 10, 9), case_id="A-overdue").case()  # due 6 Nov
    soon = Scenario(received=D(2026, 10, 28), case_id="B-soon").case()  # due 25 Nov
    fresh = Scenario(received=D(2026, 11, 20), case_id="C-fresh").case()
    stalled = (
        Scenario(received=D(2026, 3, 2), case_id="D-stalled")
        .consulted_third_party(D(2026, 3, 4))
        .case()
    )
    answered_today = (
        Scenario(received=D(2026, 10, 20), case_id="E-answered")
        .consulted_third_party(D(2026, 10, 27), D(2026, 11, 24))
        .case()
    )
    replied = (
        Scenario(received=D(2026, 10, 12), case_id="F-replied")
        .replied(D(2026, 11, 2))
        .delivered(D(2026, 11, 3))
        .case()
    )
    return [overdue, soon, fresh, stalled, answered_today, replied]


def test_the_supervisors_queries_agree_with_the_watchlist(repo: Repository) -> None:
    cases = _office()
    for case in cases:
        repo.add(case)
    as_of = D(2026, 11, 24)
    board = watchlist(cases, as_of=as_of, due_within=5, stalled_after=10)

    def ids(rows: list[CaseColumns]) -> list[str]:
        return [r.id for r in rows]

    assert ids(repo.overdue(as_of)) == [i.case_id for i in board.overdue] == ["A-overdue"]
    assert sorted(ids(repo.due_soon(as_of, within=5))) == sorted(i.case_id for i in board.due_soon)
    assert "E-answered" not in ids(repo.due_soon(as_of))  # paused through the answer day
    assert sorted(ids(repo.stalled(as_of, after=10))) == sorted(i.case_id for i in board.stalled)
    assert ids(repo.periods_ended(as_of)) == ["D-stalled"]
    assert [i.case_id for i in board.answers_overdue] == ["D-stalled"]


@pytest.mark.parametrize("after", [0, 1, 5, 10, 23])
def test_stalled_in_sql_is_the_working_days_since_the_last_event(
    repo: Repository, after: int
) -> None:
    days = [D(2026, 9, 1) + dt.timedelta(days=n) for n in range(0, 80, 3)]
    for n, day in enumerate(days):
        repo.add(_case(f"S-{n:02d}", day))
    as_of = D(2026, 11, 2)
    expected = [
        f"S-{n:02d}" for n, day in enumerate(days) if CALENDAR.workdays_between(day, as_of) >= after
    ]
    assert sorted(r.id for r in repo.stalled(as_of, after=after)) == expected


def test_recompute_after_a_calendar_change(repo: Repository) -> None:
    for n in range(7):
        repo.add(_case(f"R-{n}", D(2026, 3, 2) + dt.timedelta(days=n)))
    seen: list[tuple[int, int]] = []
    closure = OverlayEntry(D(2026, 3, 20), OverlayKind.DAY_OFF, "停电闭馆", "本地通知")
    newer = WorkdayCalendar([Overlay("本地", (closure,))])
    later = Repository(repo.engine, calendar=newer, tables=repo.tables)
    before = repo.columns("R-0").due
    stale = later.recompute(rows="stale", batch_size=3, progress=lambda d, t: seen.append((d, t)))
    assert (stale.total, stale.updated, stale.skipped) == (7, 7, 0)
    assert seen == [(0, 7), (3, 7), (6, 7), (7, 7)]
    assert later.columns("R-0").fingerprint == newer.fingerprint
    assert before is not None
    assert later.columns("R-0").due == newer.add_workdays(before, 1)
    assert later.recompute(rows="stale").total == 0  # nothing stale any more
    assert later.recompute().updated == 7
    with pytest.raises(InvalidValueError):
        later.recompute(rows="some")  # type: ignore[arg-type]


def test_a_malformed_document_is_a_serialization_error(repo: Repository) -> None:
    case = repo.add(_case("2026-001", D(2026, 9, 28)))
    broken = {**case.to_dict(), "version": 9}
    with repo.engine.begin() as conn:
        conn.execute(sa.update(repo.tables.cases).values(document=broken))
    with pytest.raises(SerializationError):
        repo.load("2026-001")
    assert isinstance(SerializationError("x", 1, "y"), DisclosureFlowError)


def test_cases_are_read_in_batches(repo: Repository) -> None:
    for n in range(5):
        repo.add(_case(f"B-{n}", D(2026, 9, 28)))
    repo.change("B-3", lambda c: c.withdraw(D(2026, 9, 29)))
    assert [c.id for c in repo.cases(batch_size=2)] == [f"B-{n}" for n in range(5)]
    open_states = [s for s in CaseState if s.is_open]
    assert [c.id for c in repo.cases(states=open_states, batch_size=2)] == [
        "B-0",
        "B-1",
        "B-2",
        "B-4",
    ]


def test_default_tables_and_repr() -> None:
    assert (TABLES.cases.name, TABLES.events.name) == ("disclosure_cases", "disclosure_events")
    repo = Repository("sqlite://", calendar=CALENDAR)
    assert "disclosure_cases" in repr(repo)


@PROPERTY
@given(dfs.cases())
def test_save_and_load_round_trip_exactly(case: Case) -> None:
    repo = Repository("sqlite://", calendar=case.calendar)
    repo.create_tables()
    repo.add(case)
    loaded = repo.load(case.id)
    assert loaded.to_dict() == case.to_dict()
    assert json.loads(json.dumps(loaded.to_dict())) == case.to_dict()
    assert repo.columns(case.id) == case_columns(case)
    assert [e.version for e in repo.events(case.id)] == list(range(1, case.version + 1))


@PROPERTY
@given(dfs.cases(max_events=6), st.sampled_from(list(ConsultedParty)), st.data())
def test_refused_events_never_reach_the_database_or_a_listener(
    case: Case, party: ConsultedParty, data: st.DataObject
) -> None:
    repo = Repository("sqlite://", calendar=case.calendar)
    repo.create_tables()
    repo.add(case)
    heard: list[int] = []
    repo.subscribe(lambda c, e: heard.append(e.version))
    read = case.version
    event = data.draw(st.sampled_from(sorted(case.allowed_events(), key=lambda e: e.value)))
    day = case.history[-1].day + dt.timedelta(days=data.draw(st.integers(-2, 10)))
    with contextlib.suppress(DisclosureFlowError):
        case.apply(event, day, party=party, consultee="某单位")
    repo.save(case, expected_version=read)
    assert heard == list(range(read + 1, case.version + 1))
    assert [e.version for e in repo.events(case.id)] == list(range(1, case.version + 1))
    assert repo.load(case.id).to_dict() == case.to_dict()


def test_a_watchlist_from_the_database(repo: Repository) -> None:
    for case in _office():
        repo.add(case)
    board = watchlist(repo.cases(states=[s for s in CaseState if s.is_open]), as_of=D(2026, 11, 24))
    assert [i.case_id for i in board.answers_overdue] == ["D-stalled"]
    assert Attention.STALLED in board.answers_overdue[0].reasons
