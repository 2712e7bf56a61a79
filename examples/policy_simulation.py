"""Policy simulation (规则模拟): the same synthetic cases under R2008 and under R2019.

The facts of each case — when it arrived, how long the work took, which consultations
and fee notices paused it, whether an extension was approved, when the reply went
out — are drawn once (fixed seed) and kept; only the rules change. R2008 gives 15 + 15
working days and excludes only third-party consultations (Art. 24); R2019 gives 20 +
20 and also excludes consultations of other agencies and, by convention, the fee
notice (Art. 33). How many replies would have been late under each?

Run: python examples/policy_simulation.py
"""

from __future__ import annotations

import datetime as dt
import random
import statistics

import attrs

from disclosure_flow import (
    R2008,
    R2019,
    ClockEvent,
    Extension,
    FindingRule,
    Pause,
    PauseReason,
    Policy,
    Reply,
    WorkdayCalendar,
    compute_deadline,
)

SEED = 20190515
CASES = 400
CALENDAR = WorkdayCalendar()


@attrs.frozen
class Facts:
    """What happened in one synthetic case, whatever the rules."""

    day0: dt.date
    events: tuple[ClockEvent, ...]


def synthetic_cases(rng: random.Random, n: int) -> list[Facts]:
    """*n* cases received in 2025 (covered by the national data)."""
    add = CALENDAR.add_workdays
    cases = []
    for _ in range(n):
        day0 = dt.date(2025, 1, 2) + dt.timedelta(days=rng.randrange(300))
        work = round(rng.triangular(4, 36, 12))  # working days of the agency's own work
        events: list[ClockEvent] = []
        paused = 0
        for reason, chance in (
            (PauseReason.THIRD_PARTY, 0.15),
            (PauseReason.INTER_AGENCY, 0.15),
            (PauseReason.FEE, 0.05),
        ):
            if rng.random() < chance:
                start = add(day0, rng.randint(2, work - 1) + paused)
                length = rng.randint(5, 20)
                events.append(Pause(start, add(start, length), reason))
                paused += length
        granted = rng.randint(8, 14)  # in time under both rules: before working day 15
        if rng.random() < 0.25 and granted < work + paused:
            events.append(Extension(rng.randint(5, 15), "负责人", add(day0, granted)))
        events.append(Reply(add(day0, work + paused)))
        cases.append(Facts(day0, tuple(events)))
    return cases


def late_replies(cases: list[Facts], policy: Policy) -> list[int]:
    """The working days late of each reply that was late under *policy*."""
    late = []
    for facts in cases:
        deadline = compute_deadline(facts.day0, facts.events, policy=policy, calendar=CALENDAR)
        late += [f.late_by for f in deadline.findings if f.rule is FindingRule.REPLY_LATE]
    return late


def main() -> None:
    cases = synthetic_cases(random.Random(SEED), CASES)
    print(f"{len(cases)} synthetic cases received in 2025 (seed {SEED})")
    print(
        f"{'policy':<7} {'reply':>5} {'cap':>4}  {'excluded pauses':<30} {'late':>9} {'median':>7}"
    )
    for policy in (R2008, R2019):
        late = late_replies(cases, policy)
        excluded = ", ".join(sorted(r.value for r in policy.excluded_pauses))
        share = f"{len(late)} ({len(late) / len(cases):.0%})"
        median = f"{statistics.median(late):.0f} wd" if late else "-"
        print(
            f"{policy.name:<7} {policy.reply_period.length:>5} "
            f"{policy.extension_cap.length:>4}  {excluded:<30} {share:>9} {median:>7}"
        )


if __name__ == "__main__":
    main()
