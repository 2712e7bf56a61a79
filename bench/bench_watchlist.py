"""Benchmark: the nightly watchlist over many open cases, against their deadlines alone.

Run from the repository root::

    python bench/bench_watchlist.py [--cases N]

It builds N open cases (default 100,000) from a few hundred typical histories, each
copied with its own id and restored with :meth:`Case.from_dict` (not measured): cases
registered, under review, processing, waiting on a third party or another agency,
awaiting a correction or a payment, extended, with an Art. 35 deadline, their events
one to three working days apart; the last event of nine in ten within the last week,
of one in ten two to eight weeks back (stalled). Then, on freshly restored cases each
time (best of three):

1. computing every case's reply deadline (``case.deadline()``) — the floor;
2. the watchlist (:func:`~disclosure_flow.reports.watchlist`) as of the nightly job's day;
3. for comparison, the watchlist as it was before (the state read from the whole
   history, the deadline computed twice, the reply clock only).

The three take turns in each round, so that the machine's load touches them alike.

Target: the watchlist costs at most twice the deadlines alone. The ratio is measured in
this run, printed with its target; a line starting ``MISSED`` (and exit status 1) says
when it is not met.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from disclosure_flow import WorkdayCalendar
from disclosure_flow.cases import (
    Applicant,
    ApplicantKind,
    Case,
    Channel,
    ConsultationAnswer,
    ConsultedParty,
    DeliveryMethod,
    FeeMethod,
    InformationRequest,
    ProvisionForm,
)
from disclosure_flow.reports import watchlist

CALENDAR = WorkdayCalendar()
AS_OF = dt.date(2026, 6, 1)
SEED = 20260601
TARGET_RATIO = 2.0


def _story(i: int, day0: dt.date, gap: int) -> Case:
    """One of ten open histories, starting on *day0*, its events *gap* working days
    apart (nothing after :data:`AS_OF`)."""
    kind = i % 10
    channel = Channel.INTERNET if kind == 8 else Channel.IN_PERSON
    case = Case.open(
        f"T{i}",
        applicant=Applicant(ApplicantKind.NATURAL_PERSON, f"申请人{i}"),
        request=InformationRequest(f"信息{i}", ProvisionForm.ELECTRONIC, DeliveryMethod.EMAIL),
        channel=channel,
        received=day0,
        calendar=CALENDAR,
    )
    day = day0

    def nxt(n: int = 1) -> dt.date:
        nonlocal day
        day = min(CALENDAR.add_workdays(day, n * gap), AS_OF)
        return day

    if kind in (0, 8):  # registered; awaiting the confirmation of receipt
        return case
    case.start_review(nxt())
    if kind == 1:
        return case
    if kind in (5, 9):
        case.notify_correction(nxt(), items="身份证明", due=day + dt.timedelta(days=15))
        if kind == 5:
            return case
        case.receive_correction(nxt(3))
    case.start_processing(nxt())
    if kind == 3:
        case.consult(nxt(), party=ConsultedParty.THIRD_PARTY, consultee="某公司")
    elif kind == 4:
        case.consult(nxt(), party=ConsultedParty.OTHER_AGENCY, consultee="某局")
        case.receive_consultation_answer(
            nxt(3), consultee="某局", answer=ConsultationAnswer.CONSENT
        )
        case.extend(nxt(2), days=10, approver="信息公开办主任")
    elif kind == 6:
        case.issue_fee_notice(nxt(), amount=300, method=FeeMethod.PER_VOLUME)
    elif kind == 7:
        case.request_reasons(nxt())
        case.set_delayed_deadline(nxt(), due=day + dt.timedelta(days=60))
    return case


def make_dicts(n: int, templates: int = 400) -> list[dict[str, Any]]:
    """*n* serialized open cases: *templates* histories, each copied with its own id."""
    rng = random.Random(SEED)
    base = []
    for i in range(templates):
        gap = rng.randrange(1, 4)
        back = rng.randrange(10, 40) if rng.random() < 0.1 else rng.randrange(0, 5)
        trial = _story(i, CALENDAR.add_workdays(AS_OF, -200), gap)
        assert trial.day_zero is not None or trial.received is not None
        first, last = trial.history[0].day, trial.history[-1].day
        span = CALENDAR.workdays_between(first, last)
        day0 = CALENDAR.add_workdays(AS_OF, -(back + span))
        base.append(_story(i, day0, gap).to_dict())
    out = []
    for i in range(n):
        data = dict(base[i % templates])
        data["id"] = f"C{i:07d}"
        out.append(data)
    return out


def _previous(cases: list[Case]) -> None:
    """The watchlist as it was before (for comparison): the state read from the whole
    history, the deadline computed twice; reply deadlines and findings only."""
    for case in cases:
        state = None
        for event in case.history:
            if event.day > AS_OF:
                break
            state = event.state_after
        if state is None:
            continue
        deadline = case.deadline(as_of=AS_OF)
        status = None if deadline is None else case.status(AS_OF)
        if status is not None and state.is_open:
            _ = status.overdue or status.due_soon(5)


def _deadlines(cases: list[Case]) -> None:
    for case in cases:
        case.deadline()


def _tonight(cases: list[Case]) -> None:
    watchlist(cases, as_of=AS_OF)


def _measure(
    runs: int, dicts: Sequence[dict[str, Any]], works: Sequence[Callable[[list[Case]], None]]
) -> list[float]:
    """The best time of each of *works* over *runs* rounds, each work on freshly
    restored cases; the works take turns within a round, so that a change in the
    machine's load touches them alike."""
    best = [float("inf")] * len(works)
    for _ in range(runs):
        for i, work in enumerate(works):
            cases = [Case.from_dict(d, calendar=CALENDAR) for d in dicts]
            gc.collect()
            start = time.perf_counter()
            work(cases)
            best[i] = min(best[i], time.perf_counter() - start)
            del cases
    return best


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; exit 1 if the target is missed."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"building {args.cases:,} open cases …", flush=True)
    dicts = make_dicts(args.cases)
    board = watchlist([Case.from_dict(d, calendar=CALENDAR) for d in dicts], as_of=AS_OF)
    alone, nightly, before = _measure(args.runs, dicts, [_deadlines, _tonight, _previous])
    ratio = nightly / alone
    groups = ", ".join(
        f"{name} {len(getattr(board, name)):,}"
        for name in ("overdue", "due_soon", "answers_overdue", "periods_ended", "stalled")
    )
    print(f"deadlines alone ({args.cases:,} open cases)  {alone:6.2f} s")
    print(f"watchlist as of {AS_OF}           {nightly:6.2f} s   ({groups})")
    print(f"ratio                                 {ratio:6.2f}×   target ≤ {TARGET_RATIO:.1f}×")
    print(
        f"the previous watchlist (reply clock only) {before:6.2f} s   "
        f"({before / alone:.2f}× the deadlines)"
    )
    if ratio > TARGET_RATIO:
        print(f"MISSED: the watchlist costs {ratio:.2f}× the deadlines (target ≤ {TARGET_RATIO}×)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
