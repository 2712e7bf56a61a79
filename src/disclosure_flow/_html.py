"""HTML for notebooks (富文本显示): a deadline with its explanation, a case with its history.

The ``_repr_html_`` methods of :class:`~disclosure_flow.clock.Deadline` and
:class:`~disclosure_flow.case.Case` call these functions. Every text is escaped
(:func:`html.escape`). Like the case's repr, the HTML shows the applicant's kind but
never the name, identity number or contact details (身份证件号码、联系方式不显示).
A display never raises: a deadline the calendar cannot answer shows the error's
message instead.

>>> import datetime as dt
>>> from disclosure_flow import R2019, WorkdayCalendar, compute_deadline
>>> d = compute_deadline(dt.date(2026, 9, 28), policy=R2019, calendar=WorkdayCalendar())
>>> page = deadline_html(d)
>>> "答复期限 2026-10-30" in page, "<script" in page
(True, False)
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable, Mapping
from html import escape
from typing import TYPE_CHECKING, Any

from disclosure_flow.errors import DisclosureFlowError
from disclosure_flow.outcomes import Outcome

if TYPE_CHECKING:
    from disclosure_flow.case import Case
    from disclosure_flow.clock import Deadline, DeadlineStatus

__all__ = ["case_html", "deadline_html"]

_TABLE = '<table class="disclosure-flow-table" style="text-align:left">'


def _row(cells: Iterable[object], tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag}>{escape(str(c))}</{tag}>" for c in cells) + "</tr>"


def _value(value: object) -> str:
    if isinstance(value, Outcome):
        return f"{value.row.key} {value.kind.label_zh}：{value.reason.label_zh}"
    if isinstance(value, enum.Enum):
        label = getattr(value, "label_zh", None)
        return f"{label} ({value.value})" if isinstance(label, str) else str(value.value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def _particulars(payload: Mapping[str, Any]) -> str:
    return "；".join(f"{key}={_value(value)}" for key, value in payload.items())


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
        out.append(
            f"<p><b>估计，待确认 provisional</b>：可能范围 plausible range "
            f"{escape(low)} – {escape(high)}</p>"
        )
    out.append(_TABLE)
    out.append(_row(("日期 date", "说明", "explanation"), "th"))
    out.extend(_row((s.day.isoformat(), s.zh, s.en)) for s in deadline.steps())
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


def case_html(case: Case, *, as_of: _dt.date | None = None) -> str:
    """A case as HTML (申请案件): its state, version, applicant kind (never the name,
    identity number or contact details), channel and policy; its history (办理记录) as
    a table; and its current deadline with the explanation.

    Args:
        case: the case.
        as_of: also show the working days used and left on this day.
    """
    state = case.state
    facts = [
        f"{state.label_zh} ({state.value})",
        f"版本 version {case.version}",
        f"申请人 {case.applicant.kind.label_zh}",
        f"{case.channel.label_zh}",
        case.policy.name,
    ]
    out = [
        '<div class="disclosure-flow-case">',
        f"<p><b>案件 case {escape(case.id)}</b> · {escape(' · '.join(facts))}</p>",
        f"<p>申请内容 request：{escape(case.request.description)}</p>",
        _TABLE,
        _row(("版本", "日期 date", "事项 event", "状态 state", "详情", "经办人", "备注"), "th"),
    ]
    for e in case.history:
        out.append(
            _row(
                (
                    e.version,
                    e.day.isoformat(),
                    f"{e.event.label_zh} ({e.event.value})",
                    f"{e.state_before.label_zh} → {e.state_after.label_zh}",
                    _particulars(e.payload),
                    e.actor or "",
                    e.note or "",
                )
            )
        )
    out.append("</table>")
    try:
        deadline = case.deadline()
    except DisclosureFlowError as error:
        out.append(f"<p>答复期限无法计算 deadline unavailable: {escape(str(error))}</p>")
    else:
        if deadline is None:
            out.append("<p>收到申请之日未确认，尚无答复期限 (day 0 unconfirmed, Art. 31)</p>")
        else:
            out.append(deadline_html(deadline, as_of=as_of))
    out.append("</div>")
    return "\n".join(out)
