"""Many cases as one table (案件一览表), for an analyst's notebook.

:func:`case_rows` gives one plain dict per case as it stood at the end of a day;
:func:`cases_to_dataframe` gives the same rows as a :class:`pandas.DataFrame`.
pandas is an optional extra (``pip install 'disclosure-flow[pandas]'``), imported
only when :func:`cases_to_dataframe` is called.

Columns (列), in order:

=================  ==================================================================
``case_id``        the case's identifier (案件编号); the DataFrame's index
``state``          the state at the end of *as_of* (办理状态), e.g. ``"waiting"``
``state_zh``       its Chinese label, e.g. ``"征求意见中"``
``channel``        how it arrived (申请渠道)
``applicant``      the applicant's kind (申请人类型), the column of the annual report
``policy``         the rules' name (适用规则)
``received``       the day the application arrived (收到申请)
``day0``           day 0 (收到申请之日, Art. 31), empty while unconfirmed
``due``            the reply deadline (答复期限), empty while open or without day 0
``open_reason``    why ``due`` is empty: ``"paused"``, ``"awaiting_correction"``
``provisional``    whether an estimated calendar day was involved (估计)
``period``         working days allowed, extensions included (答复期限工作日数)
``extended_by``    working days added by extensions (延长工作日数)
``used``           working days used by then (已用工作日)
``left``           working days left (剩余工作日)
``overdue_by``     working days overdue (逾期工作日), 0 if not
``paused``         whether the clock was paused (暂停计时中)
``consultations``  consultations sent by then (征求意见次数)
``replied_on``     the reply's date (答复日期)
``outcome``        the table-三 row of the conclusion (办理结果), e.g. ``"三.1"``
``findings``       compliance findings by then (合规问题数)
``calendar``       the calendar's fingerprint (日历数据版本)
=================  ==================================================================

In the DataFrame, date columns are ``datetime64`` (empty: ``NaT``), counts are
nullable integers (``Int64``) and flags nullable booleans.

>>> import datetime as dt
>>> from disclosure_flow.testing import Scenario
>>> case = Scenario(received=dt.date(2026, 9, 28)).case()
>>> [row] = case_rows([case], as_of=dt.date(2026, 10, 9))
>>> row["state"], row["due"], row["used"], row["left"]
('registered', datetime.date(2026, 10, 30), 4, 16)
"""

from __future__ import annotations

import datetime as _dt
import importlib
from collections.abc import Iterable
from typing import Any, Final

from disclosure_flow.cases import Case, CaseState, EventKind
from disclosure_flow.dates import check_date
from disclosure_flow.errors import InvalidValueError, Wording

__all__ = ["COLUMNS", "case_rows", "cases_to_dataframe"]

#: The columns of :func:`case_rows` and :func:`cases_to_dataframe`, in order.
COLUMNS: Final = (
    "case_id",
    "state",
    "state_zh",
    "channel",
    "applicant",
    "policy",
    "received",
    "day0",
    "due",
    "open_reason",
    "provisional",
    "period",
    "extended_by",
    "used",
    "left",
    "overdue_by",
    "paused",
    "consultations",
    "replied_on",
    "outcome",
    "findings",
    "calendar",
)
_DATES = ("received", "day0", "due", "replied_on")
_COUNTS = ("period", "extended_by", "used", "left", "overdue_by", "consultations", "findings")
_FLAGS = ("provisional", "paused")
_CONCLUDED = frozenset(
    {
        CaseState.REPLIED,
        CaseState.DELIVERED,
        CaseState.ARCHIVED,
        CaseState.ABANDONED_NO_CORRECTION,
        CaseState.ABANDONED_NO_PAYMENT,
        CaseState.WITHDRAWN,
    }
)


def _row(case: Case, as_of: _dt.date) -> dict[str, Any] | None:
    history = [e for e in case.history if e.day <= as_of]
    if not history:
        return None
    state = history[-1].state_after
    deadline = case.deadline(as_of=as_of)
    status = None if deadline is None else case.status(as_of)
    outcome = case.outcome if state in _CONCLUDED else None
    return {
        "case_id": case.id,
        "state": state.value,
        "state_zh": state.label_zh,
        "channel": case.channel.value,
        "applicant": case.applicant.kind.value,
        "policy": case.policy.name,
        "received": history[0].day,
        "day0": None if deadline is None else deadline.received,
        "due": None if deadline is None else deadline.due,
        "open_reason": None
        if deadline is None or deadline.open_reason is None
        else deadline.open_reason.value,
        "provisional": None if deadline is None else deadline.provisional,
        "period": None if deadline is None else deadline.period,
        "extended_by": None if deadline is None else deadline.extended_by,
        "used": None if status is None else status.used,
        "left": None if status is None else status.left,
        "overdue_by": None if status is None else status.overdue_by,
        "paused": None if status is None else status.paused,
        "consultations": sum(1 for e in history if e.event is EventKind.CONSULT),
        "replied_on": None if deadline is None else deadline.replied_on,
        "outcome": None if outcome is None else outcome.row.key,
        "findings": None if deadline is None else len(deadline.findings),
        "calendar": case.calendar.fingerprint,
    }


def case_rows(cases: Iterable[Case], *, as_of: _dt.date) -> list[dict[str, Any]]:
    """One dict per case (案件一览), as the case stood at the end of *as_of* (events
    recorded later are ignored); keys :data:`COLUMNS`. Cases received after *as_of*
    are left out.

    Raises:
        InvalidDateError: *as_of* is not a ``datetime.date``.
        InvalidValueError: an element of *cases* is not a Case.
        CoverageError: a strict calendar lacks days a deadline needs.
    """
    as_of = check_date(as_of, "as_of")
    rows = []
    for case in cases:
        if not isinstance(case, Case):
            raise InvalidValueError("cases", case, Wording("Case objects", "Case 案件对象"))
        row = _row(case, as_of)
        if row is not None:
            rows.append(row)
    return rows


def cases_to_dataframe(cases: Iterable[Case], *, as_of: _dt.date) -> Any:
    """The rows of :func:`case_rows` as a :class:`pandas.DataFrame` indexed by
    ``case_id`` (pandas is an optional extra).

    Raises:
        ModuleNotFoundError: pandas is not installed (``pip install
            'disclosure-flow[pandas]'``).
        InvalidDateError, InvalidValueError, CoverageError: as :func:`case_rows`.
    """
    rows = case_rows(cases, as_of=as_of)
    try:
        pd = importlib.import_module("pandas")
    except ImportError as error:
        raise ModuleNotFoundError(
            "cases_to_dataframe() needs pandas, an optional extra: "
            "pip install 'disclosure-flow[pandas]'",
            name="pandas",
        ) from error
    frame = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    for column in _DATES:
        frame[column] = pd.to_datetime(frame[column])
    for column in _COUNTS:
        frame[column] = frame[column].astype("Int64")
    for column in _FLAGS:
        frame[column] = frame[column].astype("boolean")
    return frame.set_index("case_id")
