"""The states and events of a case (案件状态与办理事项).

Their Chinese labels and roles are read from the one lifecycle definition
(:mod:`~disclosure_flow.cases.lifecycle`), which is built over these enums.
"""

from __future__ import annotations

import enum

__all__ = ["CaseState", "EventKind"]


class CaseState(enum.Enum):
    """The states of a request (申请办理状态), SPEC §5.

    Members:
        NEW: 新建 — the initial state; :meth:`Case.open` leaves it at once by
            recording the ``register`` event.
        AWAITING_CONFIRMATION: 待确认收到 — registered, but day 0 depends on a
            confirmation with the applicant (ordinary letter, internet, fax; Art. 31).
        REGISTERED: 已登记 — day 0 known (收到申请之日).
        UNDER_REVIEW: 审核中 (审核).
        AWAITING_CORRECTION: 待补正 — a correction notice was sent (Art. 30).
        PROCESSING: 办理中 (办理).
        WAITING: 暂停计时（等待意见或缴费） — the reply clock is paused while one or more
            waits run at once: consultations of third parties or other agencies (Art. 32,
            34) and a fee notice (FEES). Which ones run is a fact of the case
            (:attr:`Case.waiting <disclosure_flow.cases.Case.waiting>`), not a state: they
            overlap, and the clock leaves out their union (SPEC §2).
        REPLIED: 已答复 — replied with an outcome (Art. 36–39).
        DELIVERED: 已送达.
        ABANDONED_NO_CORRECTION: 视为放弃申请（逾期未补正） (Art. 30), to be archived.
        ABANDONED_NO_PAYMENT: 不再处理（逾期未缴费） (FEES), to be archived.
        WITHDRAWN: 申请人撤回申请, to be archived.
        ARCHIVED: 已归档 (Art. 45) — every ending comes to rest here; a reconsideration
            or a suit filed in time re-opens the file.
        IN_PROCEEDING: 复议、诉讼中 — an archived file re-opened for a proceeding; it
            returns to the archive when the proceeding is decided.
    """

    NEW = "new"
    AWAITING_CONFIRMATION = "awaiting_confirmation"
    REGISTERED = "registered"
    UNDER_REVIEW = "under_review"
    AWAITING_CORRECTION = "awaiting_correction"
    PROCESSING = "processing"
    WAITING = "waiting"
    REPLIED = "replied"
    DELIVERED = "delivered"
    ABANDONED_NO_CORRECTION = "abandoned_no_correction"
    ABANDONED_NO_PAYMENT = "abandoned_no_payment"
    WITHDRAWN = "withdrawn"
    ARCHIVED = "archived"
    IN_PROCEEDING = "in_proceeding"

    @property
    def label_zh(self) -> str:
        """The Chinese label (中文名称)."""
        from disclosure_flow.cases.lifecycle import DEFINITION  # defined over these states

        return DEFINITION.state(self).label_zh

    @property
    def is_final(self) -> bool:
        """Whether no event can follow (终结状态)."""
        from disclosure_flow.cases.definition import StateRole
        from disclosure_flow.cases.lifecycle import DEFINITION

        return DEFINITION.state(self).role is StateRole.FINAL

    @property
    def is_closed(self) -> bool:
        """Whether the file is at rest in the archive (已归档): nothing more to do unless
        a remedy re-opens it."""
        from disclosure_flow.cases.definition import StateRole
        from disclosure_flow.cases.lifecycle import DEFINITION

        return DEFINITION.state(self).role is StateRole.CLOSED

    @property
    def is_open(self) -> bool:
        """Whether the request still waits for a reply on the merits (办理中，未答复)."""
        return self in _OPEN_STATES


_OPEN_STATES = frozenset(
    {
        CaseState.AWAITING_CONFIRMATION,
        CaseState.REGISTERED,
        CaseState.UNDER_REVIEW,
        CaseState.AWAITING_CORRECTION,
        CaseState.PROCESSING,
        CaseState.WAITING,
    }
)


class EventKind(enum.Enum):
    """The events a case accepts (办理事项). Each carries its date.

    Members:
        REGISTER: 登记 — the office gets the application (Art. 29, 31).
        CONFIRM_RECEIPT: 确认收到申请 — day 0 for letters, internet and fax (Art. 31).
        START_REVIEW: 开始审核.
        NOTIFY_CORRECTION: 一次性告知补正 (Art. 30): what to correct and by when.
        RECEIVE_CORRECTION: 收到补正后的申请 — the reply period restarts (Art. 30).
        CORRECTION_LAPSED: 逾期未补正，视为放弃申请 (Art. 30).
        START_PROCESSING: 开始办理.
        CONSULT: 征求第三方或其他机关意见 (Art. 32, 34); several may run at once.
        RECEIVE_CONSULTATION_ANSWER: 收到意见（同意、不同意及理由，或逾期未答复）.
        EXTEND: 延长答复期限 (Art. 33), approved by the head of the office.
        REQUEST_REASONS: 要求申请人说明理由 (Art. 35).
        SET_DELAYED_DEADLINE: 确定延迟答复的合理期限 (Art. 35).
        ISSUE_FEE_NOTICE: 发出收费通知 (FEES).
        RECEIVE_PAYMENT: 收到缴费.
        FEE_LAPSED: 逾期未缴费，不再处理 (FEES).
        REPLY: 答复 with an outcome (Art. 36–39); on the spot when possible (当场答复).
        DELIVER: 送达.
        ARCHIVE: 归档.
        WITHDRAW: 申请人撤回申请.
        WITHDRAW_ITEM: 申请人撤回部分申请内容 (one item of an application of several).
        FILE_RECONSIDERATION: 申请行政复议.
        DECIDE_RECONSIDERATION: 行政复议决定 (维持/纠正/其他).
        FILE_LITIGATION: 提起行政诉讼（直接起诉或复议后起诉）.
        DECIDE_LITIGATION: 行政诉讼裁判 (维持/纠正/其他).
    """

    REGISTER = "register"
    CONFIRM_RECEIPT = "confirm_receipt"
    START_REVIEW = "start_review"
    NOTIFY_CORRECTION = "notify_correction"
    RECEIVE_CORRECTION = "receive_correction"
    CORRECTION_LAPSED = "correction_lapsed"
    START_PROCESSING = "start_processing"
    CONSULT = "consult"
    RECEIVE_CONSULTATION_ANSWER = "receive_consultation_answer"
    EXTEND = "extend"
    REQUEST_REASONS = "request_reasons"
    SET_DELAYED_DEADLINE = "set_delayed_deadline"
    ISSUE_FEE_NOTICE = "issue_fee_notice"
    RECEIVE_PAYMENT = "receive_payment"
    FEE_LAPSED = "fee_lapsed"
    REPLY = "reply"
    DELIVER = "deliver"
    ARCHIVE = "archive"
    WITHDRAW = "withdraw"
    WITHDRAW_ITEM = "withdraw_item"
    FILE_RECONSIDERATION = "file_reconsideration"
    DECIDE_RECONSIDERATION = "decide_reconsideration"
    FILE_LITIGATION = "file_litigation"
    DECIDE_LITIGATION = "decide_litigation"

    @property
    def label_zh(self) -> str:
        """The Chinese label (中文名称)."""
        from disclosure_flow.cases.lifecycle import DEFINITION  # defined over these events

        return DEFINITION.event(self).label_zh
