"""Listeners: called after the commit, never for a refused event or a lost race; a
listener that raises leaves the events committed and reaches the caller as a
ListenerError."""

from __future__ import annotations

import datetime as dt

import pytest

from disclosure_flow.cases import Case, CaseEvent
from disclosure_flow.errors import EventRefusedError, InvalidValueError, VersionConflictError
from disclosure_flow.storage import ListenerError, Repository, on_event
from disclosure_flow.testing import Scenario

D = dt.date


def _case(case_id: str = "2026-001") -> Case:
    return Scenario(received=D(2026, 9, 28), case_id=case_id).case()


def test_listeners_hear_each_committed_event_in_order(repo: Repository) -> None:
    heard: list[str] = []

    def everywhere(case: Case, event: CaseEvent) -> None:
        heard.append(f"process:{event.event.value}@{case.version}")

    def office(case: Case, event: CaseEvent) -> None:
        # called after the commit: the stored version is already the new one
        assert repo.version_of(case.id) == case.version
        heard.append(f"repo:{event.event.value}")

    with on_event(everywhere):
        repo.subscribe(office)
        one = repo.subscribe(lambda c, e: heard.append(f"case:{e.event.value}"), case_id="2026-001")
        case = repo.add(_case())
        repo.add(_case("2026-002"))
        case.start_review(D(2026, 9, 29)).start_processing(D(2026, 9, 30))
        repo.save(case, expected_version=1)
        one.cancel()
        one.cancel()  # twice: nothing
    assert heard == [
        "process:register@1",
        "repo:register",
        "case:register",
        "process:register@1",
        "repo:register",
        "process:start_review@3",
        "repo:start_review",
        "case:start_review",
        "process:start_processing@3",
        "repo:start_processing",
        "case:start_processing",
    ]


def test_no_call_for_a_refused_event_or_a_lost_race(repo: Repository) -> None:
    heard: list[int] = []
    repo.add(_case())
    repo.subscribe(lambda c, e: heard.append(e.version))
    first, second = repo.load("2026-001"), repo.load("2026-001")
    with pytest.raises(EventRefusedError):
        first.archive(D(2026, 9, 29))
    first.start_review(D(2026, 9, 29))
    second.withdraw(D(2026, 9, 29))
    repo.save(first, expected_version=1)
    with pytest.raises(VersionConflictError):
        repo.save(second, expected_version=1)
    assert heard == [2]


def test_a_failing_listener_leaves_the_events_committed(repo: Repository) -> None:
    calls: list[str] = []

    def sms(case: Case, event: CaseEvent) -> None:
        calls.append("sms")
        raise ConnectionError("短信网关不可用")

    def audit(case: Case, event: CaseEvent) -> None:
        calls.append("audit")

    repo.subscribe(sms)
    repo.subscribe(audit)
    with pytest.raises(ListenerError) as caught:
        repo.add(_case())
    error = caught.value
    assert isinstance(error, RuntimeError)
    assert isinstance(error.__cause__, ConnectionError)
    assert (error.case_id, error.version) == ("2026-001", 1)
    assert [(f[0], f[1].version, type(f[2])) for f in error.failures] == [(sms, 1, ConnectionError)]
    assert "sms raised ConnectionError on event register" in str(error)
    assert "the events stay committed" in str(error)
    assert calls == ["sms", "audit"]  # the audit log still heard it
    assert repo.load("2026-001").version == 1  # stored all the same


def test_listeners_must_be_callable(repo: Repository) -> None:
    with pytest.raises(InvalidValueError):
        repo.subscribe("send an SMS")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        on_event(None)  # type: ignore[arg-type]
