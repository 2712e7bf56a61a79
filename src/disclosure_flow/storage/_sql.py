"""SQLAlchemy, the optional extra ``sql`` (``pip install 'disclosure-flow[sql]'``), imported
with a message that says how to install it when it is missing."""

from __future__ import annotations

try:
    import sqlalchemy as sa
    from sqlalchemy.dialects import postgresql
except ImportError as error:  # pragma: no cover  # the test environment has the extra
    raise ImportError(
        "disclosure_flow.storage needs SQLAlchemy 2: pip install 'disclosure-flow[sql]' "
        "(and 'disclosure-flow[postgres]' for PostgreSQL)"
    ) from error

__all__ = ["postgresql", "sa"]
