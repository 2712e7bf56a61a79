"""HTML for notebooks (富文本显示): a deadline with its explanation.

:meth:`Deadline._repr_html_ <disclosure_flow.clock.Deadline._repr_html_>` calls
:func:`deadline_html`. Every text is escaped (:func:`html.escape`). A display never
raises: a deadline the calendar cannot answer shows the error's message instead.

>>> import datetime as dt
>>> from disclosure_flow import R2019, WorkdayCalendar, compute_deadline
>>> d = compute_deadline(dt.date(2026, 9, 28), policy=R2019, calendar=WorkdayCalendar())
>>> page = deadline_html(d)
>>> "答复期限 2026-10-30" in page, "<script" in page
(True, False)
"""

from __future__ import annotations

import datetime as _dt
from html import escape
from typing import TYPE_CHECKING

from disclosure_flow._html import TABLE, row
from disclosure_flow.errors import DisclosureFlowError
from disclosure_flow.workdays import plausible_range

if TYPE_CHECKING:
    from disclosure_flow.clock.deadline import Deadline, DeadlineStatus

__all__ = ["deadline_html"]


def _status_html(status: DeadlineStatus) -> str:
    if status.replied:
        where = "已答复 replied"
    elif status.overdue:
        where = f"逾期{status.overdue_by}个工作日 overdue by {status.overdue_by} working day(s)"
    elif status.paused:
        where = "暂停计时中 paused"
    else:
        where = f"剩余{status.left}个工作日 {status.left} working day(s) left"
    return (
        f"<p>截至 as of {escape(status.as_of.isoformat())}：已用 used {status.used}，"
        f"扣除 excluded {status.excluded}，{escape(where)}"
        + ("〔估计 provisional〕" if status.provisional else "")
        + "</p>"
    )


def deadline_html(deadline: Deadline, *, as_of: _dt.date | None = None) -> str:
    """A deadline as HTML (答复期限): the due date (or why it is open), the plausible range
    of a provisional answer, the explanation step by step in Chinese and English, the
    compliance findings and the calendar's fingerprint.

    Args:
        deadline: the deadline.
        as_of: also show the working days used and left on this day (期限状态).
    """
    if deadline.due is not None:
        head = f"答复期限 {deadline.due.isoformat()} (reply due)"
    else:
        head = "答复期限未定 (open)"
    facts = [f"{deadline.policy.name}", f"{deadline.period}个工作日 working days"]
    if deadline.extended_by:
        facts.append(f"已延长 extended {deadline.extended_by}")
    out = [
        '<div class="disclosure-flow-deadline">',
        f"<p><b>{escape(head)}</b> · {escape(' · '.join(facts))}</p>",
    ]
    if deadline.provisional:
        low = deadline.low.isoformat() if deadline.low else "?"
        high = deadline.high.isoformat() if deadline.high else "?"
        zh, en = plausible_range(low, high, "zh"), plausible_range(low, high, "en")
        out.append(f"<p><b>估计，待确认 provisional</b>：{escape(zh)} · {escape(en)}</p>")
    out.append(TABLE)
    out.append(row(("日期 date", "说明", "explanation"), "th"))
    out.extend(row((s.day.isoformat(), s.zh, s.en)) for s in deadline.steps())
    out.append("</table>")
    if deadline.findings:
        out.append("<p>合规问题 findings:</p><ul>")
        out.extend(f"<li>{escape(f.describe())}</li>" for f in deadline.findings)
        out.append("</ul>")
    if as_of is not None:
        try:
            out.append(_status_html(deadline.status(as_of)))
        except DisclosureFlowError as error:
            out.append(f"<p>{escape(str(error))}</p>")
    out.append(f"<p><small>日历数据版本 calendar {escape(deadline.fingerprint)}</small></p>")
    out.append("</div>")
    return "\n".join(out)
