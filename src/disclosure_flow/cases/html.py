"""HTML for notebooks (富文本显示): a case with its history.

:meth:`Case._repr_html_ <disclosure_flow.cases.Case._repr_html_>` calls
:func:`case_html`. Every text is escaped (:func:`html.escape`). Like the case's repr,
the HTML shows the applicant's kind but never the name, identity number or contact
details (身份证件号码、联系方式不显示). A display never raises: a deadline the calendar
cannot answer shows the error's message instead.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING, Any

from disclosure_flow._html import TABLE, row
from disclosure_flow.cases.outcomes import Outcome
from disclosure_flow.clock import deadline_html
from disclosure_flow.errors import DisclosureFlowError

if TYPE_CHECKING:
    from disclosure_flow.cases.case import Case

__all__ = ["case_html"]


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
        TABLE,
        row(("版本", "日期 date", "事项 event", "状态 state", "详情", "经办人", "备注"), "th"),
    ]
    for e in case.history:
        out.append(
            row(
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
