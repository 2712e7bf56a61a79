"""The databases the storage tests run against: SQLite always, and a real PostgreSQL
server when ``DISCLOSURE_FLOW_TEST_POSTGRES`` names one (a SQLAlchemy URL; ``.ci/run``
starts a throw-away server and sets it). Locally, without it, the PostgreSQL tests are
skipped; in CI (``CI`` set) they fail instead, so they never go unrun there."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from disclosure_flow import WorkdayCalendar
from disclosure_flow.storage import Repository, define_tables

POSTGRES_VARIABLE = "DISCLOSURE_FLOW_TEST_POSTGRES"
CALENDAR = WorkdayCalendar()


def postgres_url() -> str:
    """The PostgreSQL server's URL; skips the test locally when none is set."""
    url = os.environ.get(POSTGRES_VARIABLE)
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail(f"{POSTGRES_VARIABLE} is not set: CI must run the PostgreSQL tests")
    pytest.skip(f"{POSTGRES_VARIABLE} is not set (a PostgreSQL server for the storage tests)")


def engine_for(kind: str, tmp_path: Path) -> sa.Engine:
    """A SQLite file database in *tmp_path* (real locking between connections), or the
    PostgreSQL server."""
    if kind == "sqlite":
        return sa.create_engine(f"sqlite:///{tmp_path / 'cases.db'}")
    return sa.create_engine(postgres_url())


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sa.Engine]:
    made = engine_for(request.param, tmp_path)
    yield made
    made.dispose()


@pytest.fixture
def repo(engine: sa.Engine) -> Iterator[Repository]:
    """A repository on tables of its own (a unique prefix), dropped afterwards."""
    tables = define_tables(sa.MetaData(), prefix=f"t{uuid.uuid4().hex[:10]}_")
    made = Repository(engine, calendar=CALENDAR, tables=tables)
    made.create_tables()
    yield made
    tables.drop(engine)
