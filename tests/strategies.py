"""Hypothesis strategies shared by the test modules (one place, as in attrs).

Bounds of the national data are read from ``chinese-calendar``'s own tables, not
from the code under test, so a test that uses them stays independent of it.

Import as ``from tests.strategies import ...`` (``tests`` is a package, so test modules
in its layer folders share one copy).
"""

from __future__ import annotations

import datetime as dt
import decimal

from chinese_calendar import constants as _cc
from hypothesis import strategies as st

from disclosure_flow import DataStatus, Overlay, OverlayEntry, OverlayKind, OverlayScope

__all__ = [
    "FIRST_COVERED",
    "LAST_COVERED",
    "counts",
    "covered_dates",
    "dates_2019_2026",
    "labels",
    "non_date_values",
    "non_int_counts",
    "overlay_entries",
    "overlays",
    "signed_counts",
    "sources",
]

#: First and last day of ``chinese-calendar``'s national data (2004-01-01, 2026-12-31
#: in 1.11.0).
FIRST_COVERED = dt.date(min(d.year for d in _cc.holidays), 1, 1)
LAST_COVERED = dt.date(max(d.year for d in _cc.holidays), 12, 31)


def covered_dates(
    first: dt.date = FIRST_COVERED, last: dt.date = LAST_COVERED
) -> st.SearchStrategy[dt.date]:
    """Dates inside the national data (clipped to ``[first, last]``)."""
    return st.dates(min_value=max(first, FIRST_COVERED), max_value=min(last, LAST_COVERED))


def dates_2019_2026() -> st.SearchStrategy[dt.date]:
    """Dates of the years the golden tables cover."""
    return covered_dates(dt.date(2019, 1, 1), dt.date(2026, 12, 31))


def counts(max_value: int = 60) -> st.SearchStrategy[int]:
    """Positive working-day counts (1 .. *max_value*)."""
    return st.integers(min_value=1, max_value=max_value)


def signed_counts(max_abs: int = 60) -> st.SearchStrategy[int]:
    """Working-day counts of either sign, zero included."""
    return st.integers(min_value=-max_abs, max_value=max_abs)


def non_date_values() -> st.SearchStrategy[object]:
    """Values a date argument must refuse: datetimes, strings, numbers, None."""
    return st.one_of(
        st.datetimes(),
        st.datetimes(timezones=st.just(dt.UTC)),
        st.dates().map(dt.date.isoformat),
        st.integers(),
        st.floats(allow_nan=False),
        st.none(),
    )


def non_int_counts() -> st.SearchStrategy[object]:
    """Values a working-day count must refuse: bools, floats, strings, decimals, None."""
    return st.one_of(
        st.booleans(),
        st.floats(),
        st.integers().map(str),
        st.integers(-100, 100).map(decimal.Decimal),
        st.none(),
    )


def labels() -> st.SearchStrategy[str]:
    """Non-empty labels, Chinese or ASCII."""
    return st.text(
        alphabet=st.sampled_from("古尔邦节开斋三月三停电测试ABCxyz 0123-"), min_size=1, max_size=12
    ).filter(lambda text: bool(text.strip()))


def sources() -> st.SearchStrategy[str]:
    """Non-empty source texts (always marked as test data)."""
    return st.sampled_from(
        ["测试数据（非真实通知）", "test data, not a real notice", "https://example.invalid/test"]
    )


def overlay_entries(
    first: dt.date = dt.date(2019, 1, 1),
    last: dt.date = dt.date(2026, 12, 31),
    *,
    statuses: tuple[DataStatus, ...] = (DataStatus.CONFIRMED, DataStatus.ESTIMATED),
) -> st.SearchStrategy[OverlayEntry]:
    """Single overlay entries (test data) dated in ``[first, last]``."""
    return st.builds(
        OverlayEntry,
        day=st.dates(min_value=first, max_value=last),
        kind=st.sampled_from(OverlayKind),
        label=labels(),
        source=sources(),
        status=st.sampled_from(statuses),
    )


@st.composite
def overlays(
    draw: st.DrawFn,
    first: dt.date = dt.date(2019, 1, 1),
    last: dt.date = dt.date(2026, 12, 31),
    *,
    max_entries: int = 8,
    statuses: tuple[DataStatus, ...] = (DataStatus.CONFIRMED, DataStatus.ESTIMATED),
    scope: OverlayScope | None = None,
) -> Overlay:
    """Overlays of test data: at most one entry per date, no covered years."""
    entries = draw(
        st.lists(
            overlay_entries(first, last, statuses=statuses),
            max_size=max_entries,
            unique_by=lambda entry: entry.day,
        )
    )
    name = draw(st.sampled_from(["测试叠加A", "测试叠加B", "test overlay"]))
    chosen_scope = scope if scope is not None else draw(st.sampled_from(OverlayScope))
    return Overlay(name=name, entries=tuple(entries), scope=chosen_scope)
