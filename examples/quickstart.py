"""Quickstart: a reply deadline computed and explained (答复期限计算示例).

Run: python examples/quickstart.py
"""

from __future__ import annotations

import datetime as dt

from disclosure_flow import (
    R2019,
    Channel,
    Extension,
    Pause,
    PauseReason,
    WorkdayCalendar,
    compute_deadline,
)


def main() -> None:
    calendar = WorkdayCalendar()
    channel = Channel.IN_PERSON
    day0 = channel.day_zero(received=dt.date(2026, 9, 28))
    assert day0 is not None  # in person: day 0 is the day it is handed in (Art. 31)
    deadline = compute_deadline(
        day0,
        [
            Pause(dt.date(2026, 10, 12), dt.date(2026, 10, 20), PauseReason.THIRD_PARTY),
            Extension(10, "负责人", granted_on=dt.date(2026, 10, 26)),
        ],
        policy=R2019,
        calendar=calendar,
        day0_note=channel.label_zh,
    )
    for step in deadline.steps():
        print(step.zh, "|", step.en)
    status = deadline.status(dt.date(2026, 11, 20))
    print(f"as of {status.as_of}: used {status.used}, left {status.left}, overdue {status.overdue}")
    print("calendar", deadline.fingerprint)


if __name__ == "__main__":
    main()
