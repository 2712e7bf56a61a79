"""The ``disclosure-flow`` command line (命令行工具): run ``disclosure-flow --help`` (or
``python -m disclosure_flow --help``).

It speaks Chinese or English (语言), the help and argparse's own messages too:
``--lang zh|en`` chooses; without it the locale does, read as POSIX reads it for
messages — the first of ``LANGUAGE`` (its first entry), ``LC_ALL``, ``LC_MESSAGES``,
``LANG`` that is set: ``zh…`` is Chinese, any other language (``en_US.UTF-8``,
``fr_FR``) English, and none, ``C`` or ``POSIX`` Chinese (a fresh intranet server often
has no locale). Dates are read as clerks write them: ``2026-09-28``, ``2026/9/28``,
``2026.9.28``, ``2026年9月28日``, ``20260928`` (:func:`~disclosure_flow.parse_date`).

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
