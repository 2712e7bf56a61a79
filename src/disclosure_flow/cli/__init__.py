"""The ``disclosure-flow`` command line (命令行工具): run ``disclosure-flow --help`` (or
``python -m disclosure_flow --help``).

One module per command family — :mod:`~disclosure_flow.cli.app` (the parser, the
``deadline``, ``calendar`` and ``report`` commands, errors and exit codes),
:mod:`~disclosure_flow.cli.notice` (``calendar import-notice``),
:mod:`~disclosure_flow.cli.recompute` (``recompute``), :mod:`~disclosure_flow.cli.jobs`
(``watchlist`` and ``storage``, for cron jobs) — over the shared
:mod:`~disclosure_flow.cli.options`.
"""

from __future__ import annotations

from disclosure_flow.cli.app import build_parser, main
from disclosure_flow.cli.options import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_IO,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    make_calendar,
)

__all__ = [
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_IO",
    "EXIT_OK",
    "EXIT_REFUSED",
    "EXIT_USAGE",
    "build_parser",
    "main",
    "make_calendar",
]
