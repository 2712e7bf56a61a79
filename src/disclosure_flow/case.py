"""The case (申请案件): the one mutable object, with its append-only history.

A :class:`Case` accepts only the events the lifecycle (:mod:`disclosure_flow.lifecycle`)
and the law allow, records each one as a frozen :class:`CaseEvent`, and derives
everything else from that history: its state, its version, its consultations and
extensions, its deadlines (through the clock, :mod:`disclosure_flow.clock`) and its
compliance findings (SPEC §10). Nothing derived is stored, so a newer working-day
calendar reaches every case at once (:meth:`Case.use_calendar`).

**The calendar.** A case holds a reference to the calendar it is computed with (it
is not serialized): pass it to :meth:`Case.open` and :meth:`Case.from_dict`, and
replace it with :meth:`Case.use_calendar` when the State Council's next notice
arrives. Guards that depend on the calendar (an act in time or late) are checked with
the calendar of the day the event is applied; when a case is restored, they are not
re-checked (a newer calendar may turn a past act late: that becomes a finding, never
a refusal of recorded history).

>>> import datetime as dt
>>> from disclosure_flow import WorkdayCalendar
>>> from disclosure_flow.applicants import Applicant, ApplicantKind
>>> from disclosure_flow.channels import Channel, DeliveryMethod, InformationRequest
>>> from disclosure_flow.channels import ProvisionForm
>>> case = Case.open(
...     "2026-001",
...     applicant=Applicant(ApplicantKind.NATURAL_PERSON, "张三"),
...     request=InformationRequest("2025年财政预算", ProvisionForm.PAPER, DeliveryMethod.POST),
...     channel=Channel.IN_PERSON,
...     received=dt.date(2026, 9, 28),
...     calendar=WorkdayCalendar(),
... )
>>> case.state, case.version
(<CaseState.REGISTERED: 'registered'>, 1)
>>> case.deadline().due
datetime.date(2026, 10, 30)
>>> case.status(dt.date(2026, 10, 9)).left
16
>>> case.start_review(dt.date(2026, 9, 29)).version
2
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs
from transitions import MachineError

from disclosure_flow import _fields, clock
from disclosure_flow.applicants import (
    _APPLICANT_KEYS,
    _CONTACT_KEYS,
    _DOCUMENT_KEYS,
    Applicant,
    ApplicantKind,
    Contact,
    IdentityDocument,
    IdentityDocumentKind,
)
from disclosure_flow.channels import (
    _REQUEST_KEYS,
    Channel,
    DeliveryMethod,
    InformationRequest,
    ProvisionForm,
)
from disclosure_flow.clock import ClockEvent, Deadline, DeadlineStatus, Finding, FindingRule
from disclosure_flow.dates import check_date
from disclosure_flow.errors import (
    ClockError,
    EventRefusedError,
    InvalidValueError,
    LateActError,
    LateEventError,
    SerializationError,
    VersionConflictError,
)
from disclosure_flow.fees import FeeMethod
from disclosure_flow.lifecycle import (
    DEFINITION,
    Branch,
    CaseState,
    EventKind,
    GuardFailed,
    Refusal,
    build_machine,
    compile_table,
)
from disclosure_flow.outcomes import Outcome, OutcomeKind, OutcomeReason
from disclosure_flow.periods import PeriodEnd, PeriodKind, period_end
from disclosure_flow.policy import R2008, R2019, LateActs, PauseReason, Policy
from disclosure_flow.workdays import WorkdayCalendar

__all__ = [
    "SCHEMA",
    "Case",
    "CaseEvent",
    "Consultation",
    "ConsultationAnswer",
    "ConsultedParty",
    "CorrectionRecord",
    "DelayedDeadlineRecord",
    "Dispatch",
    "ExtensionRecord",
    "FeeNotice",
    "LitigationRoute",
    "Proceeding",
    "RemedyKind",
    "RemedyResult",
    "ReplyRecord",
    "SubDeadline",
    "SubDeadlineKind",
]

#: The schema tag written by :meth:`Case.to_dict` and required by :meth:`Case.from_dict`.
SCHEMA: Final = "disclosure_flow.case/1"


# ---------------------------------------------------------------------------
# Options and values


class Dispatch(enum.Enum):
    """How :meth:`Case.apply` runs an event through the lifecycle.

    Members:
        TABLE: the dispatch table compiled from the shared ``transitions`` machine
            (default; about ten times faster).
        MACHINE: ``machine.events[event].trigger(case, ...)`` on the shared machine
            itself. Same result (a differential test keeps them in agreement).
    """

    TABLE = "table"
    MACHINE = "machine"


class ConsultedParty(enum.Enum):
    """Who is consulted (征求意见的对象).

    Members:
        THIRD_PARTY: a third party whose lawful rights may be harmed (第三方, Art. 32);
            silence does not mean consent: the agency decides.
        OTHER_AGENCY: another agency, for jointly produced information (其他机关,
            Art. 34); silence means consent.
    """

    THIRD_PARTY = "third_party"
    OTHER_AGENCY = "other_agency"

    @property
    def label_zh(self) -> str:
        """The Chinese label."""
        return "第三方" if self is ConsultedParty.THIRD_PARTY else "其他机关"

    @property
    def pause_reason(self) -> PauseReason:
        """The clock's pause reason for this consultation."""
        if self is ConsultedParty.THIRD_PARTY:
            return PauseReason.THIRD_PARTY
        return PauseReason.INTER_AGENCY


class ConsultationAnswer(enum.Enum):
    """The answer to a consultation (意见).

    Members:
        CONSENT: 同意公开.
        OBJECTION: 不同意公开, with reasons (理由).
        NO_ANSWER: 逾期未提出意见 — recorded after the answer period ran out. For
            another agency it means consent (视为同意, Art. 34); for a third party
            the agency decides (由行政机关依法决定, Art. 32).
    """

    CONSENT = "consent"
    OBJECTION = "objection"
    NO_ANSWER = "no_answer"


class RemedyKind(enum.Enum):
    """A remedy the applicant pursued after the reply (救济途径).

    Members:
        RECONSIDERATION: administrative reconsideration (行政复议).
        LITIGATION: administrative litigation (行政诉讼).
    """

    RECONSIDERATION = "reconsideration"
    LITIGATION = "litigation"


class LitigationRoute(enum.Enum):
    """How litigation came about (annual report table 四).

    Members:
        DIRECT: filed directly (未经复议直接起诉).
        AFTER_RECONSIDERATION: filed after reconsideration (复议后起诉).
    """

    DIRECT = "direct"
    AFTER_RECONSIDERATION = "after_reconsideration"


class RemedyResult(enum.Enum):
    """The result of a proceeding, as the annual report's table 四 counts it.

    Members:
        UPHELD: 结果维持.
        CORRECTED: 结果纠正.
        OTHER: 其他结果.
        PENDING: 尚未审结 (not a decision: the state of a proceeding not yet decided).
    """

    UPHELD = "upheld"
    CORRECTED = "corrected"
    OTHER = "other"
    PENDING = "pending"


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


@attrs.frozen
class CorrectionRecord:
    """The one correction notice of a case (补正告知书, Art. 30).

    Attributes:
        issued: the day it was sent.
        items: what to correct (需要补正的事项).
        due: the reasonable period the agency set (补正期限), as a last day.
        received: the day the corrected application arrived (new day 0), or ``None``.
    """

    issued: _dt.date
    items: str
    due: _dt.date
    received: _dt.date | None = None


@attrs.frozen
class Consultation:
    """One consultation (征求意见), Art. 32 and 34.

    Attributes:
        party: third party or other agency.
        consultee: who is consulted (name), unique among the case's consultations.
        sent: the day the letter went out (the clock pauses after it).
        letter_received: the day the consultee received the letter (its answer
            period counts from there).
        answered: the day the answer arrived, or the day silence was recorded.
        answer: the answer, or ``None`` while open.
        reasons: the objection's reasons (理由), if any.
    """

    party: ConsultedParty
    consultee: str
    sent: _dt.date
    letter_received: _dt.date
    answered: _dt.date | None = None
    answer: ConsultationAnswer | None = None
    reasons: str | None = None

    @property
    def is_open(self) -> bool:
        """Whether the answer is still awaited."""
        return self.answer is None

    @property
    def deemed_consent(self) -> bool | None:
        """Consent as the law reads it: ``True`` for consent and for another agency's
        silence (视为同意, Art. 34), ``False`` for an objection, ``None`` while open
        or for a third party's silence (the agency decides, Art. 32)."""
        if self.answer is ConsultationAnswer.CONSENT:
            return True
        if self.answer is ConsultationAnswer.OBJECTION:
            return False
        if self.answer is ConsultationAnswer.NO_ANSWER:
            return True if self.party is ConsultedParty.OTHER_AGENCY else None
        return None


@attrs.frozen
class ExtensionRecord:
    """An extension of the reply period (延长答复期限, Art. 33).

    Attributes:
        days: working days added.
        approver: who approved it (政府信息公开工作机构负责人).
        granted_on: the day it was granted.
    """

    days: int
    approver: str
    granted_on: _dt.date


@attrs.frozen
class DelayedDeadlineRecord:
    """An Art. 35 later deadline (合理的延迟答复期限).

    Attributes:
        due: the deadline the agency set.
        set_on: the day it was set and the applicant told.
    """

    due: _dt.date
    set_on: _dt.date


@attrs.frozen
class FeeNotice:
    """A fee notice (收费通知, FEES).

    Attributes:
        issued: the day it was sent (the clock pauses after it).
        amount: the amount in yuan (元).
        method: per item (按件) or per volume (按量); one method per request.
        notice_received: the day the applicant received it (the payment period
            counts from the day after).
        paid: the day payment arrived, or ``None``.
    """

    issued: _dt.date
    amount: int
    method: FeeMethod
    notice_received: _dt.date
    paid: _dt.date | None = None


@attrs.frozen
class ReplyRecord:
    """The reply on the merits (答复).

    Attributes:
        day: the day of the reply.
        outcome: the outcome (答复结果), an :class:`~disclosure_flow.outcomes.Outcome`.
    """

    day: _dt.date
    outcome: Outcome


@attrs.frozen
class Proceeding:
    """A reconsideration or a lawsuit about the reply (行政复议、行政诉讼).

    Attributes:
        kind: reconsideration or litigation.
        filed: the day it was filed (立案/申请).
        route: for litigation, direct or after reconsideration; else ``None``.
        decided: the day of the decision, or ``None`` while pending.
        result: the result; :attr:`RemedyResult.PENDING` while pending.
    """

    kind: RemedyKind
    filed: _dt.date
    route: LitigationRoute | None = None
    decided: _dt.date | None = None
    result: RemedyResult = RemedyResult.PENDING

    def result_as_of(self, day: _dt.date) -> RemedyResult:
        """The result as known at the end of *day* (尚未审结 before the decision)."""
        if self.decided is None or self.decided > day:
            return RemedyResult.PENDING
        return self.result


_EMPTY: Mapping[str, Any] = MappingProxyType({})


@attrs.frozen
class CaseEvent:
    """One entry of a case's append-only history (办理记录).

    Attributes:
        event: what happened.
        day: the day it happened (civil date).
        state_before: the case's state before it.
        state_after: the case's state after it.
        version: the case's version after it (1 for the first event).
        payload: the event's particulars (e.g. ``days`` and ``approver`` of an
            extension), read-only.
        actor: who recorded it (经办人), if given.
        note: a free note (备注), if given.
    """

    event: EventKind
    day: _dt.date
    state_before: CaseState
    state_after: CaseState
    version: int
    payload: Mapping[str, Any] = attrs.field(default=_EMPTY, hash=False)
    actor: str | None = None
    note: str | None = None


# ---------------------------------------------------------------------------
# Payload fields: what each event carries, checked on apply and on restore.


class _Kind(enum.Enum):
    TEXT = "text"
    INT = "int"
    DATE = "date"
    PARTY = "party"
    ANSWER = "answer"
    RESULT = "result"
    ROUTE = "route"
    OUTCOME = "outcome"
    DELIVERY = "delivery"
    FEE_METHOD = "fee_method"


@attrs.frozen
class _Field:
    name: str
    kind: _Kind
    required: bool = True


_PAYLOAD: dict[EventKind, tuple[_Field, ...]] = dict.fromkeys(EventKind, ())
_PAYLOAD.update(
    {
        EventKind.NOTIFY_CORRECTION: (_Field("items", _Kind.TEXT), _Field("due", _Kind.DATE)),
        EventKind.CONSULT: (
            _Field("party", _Kind.PARTY),
            _Field("consultee", _Kind.TEXT),
            _Field("letter_received", _Kind.DATE, required=False),
        ),
        EventKind.RECEIVE_CONSULTATION_ANSWER: (
            _Field("consultee", _Kind.TEXT),
            _Field("answer", _Kind.ANSWER),
            _Field("reasons", _Kind.TEXT, required=False),
        ),
        EventKind.EXTEND: (_Field("days", _Kind.INT), _Field("approver", _Kind.TEXT)),
        EventKind.SET_DELAYED_DEADLINE: (_Field("due", _Kind.DATE),),
        EventKind.ISSUE_FEE_NOTICE: (
            _Field("amount", _Kind.INT),
            _Field("method", _Kind.FEE_METHOD),
            _Field("notice_received", _Kind.DATE, required=False),
        ),
        EventKind.REPLY: (_Field("outcome", _Kind.OUTCOME),),
        EventKind.DELIVER: (_Field("method", _Kind.DELIVERY, required=False),),
        EventKind.DECIDE_RECONSIDERATION: (_Field("result", _Kind.RESULT),),
        EventKind.FILE_LITIGATION: (_Field("route", _Kind.ROUTE),),
        EventKind.DECIDE_LITIGATION: (_Field("result", _Kind.RESULT),),
    }
)

_ENUMS: dict[_Kind, type[enum.Enum]] = {
    _Kind.PARTY: ConsultedParty,
    _Kind.ANSWER: ConsultationAnswer,
    _Kind.RESULT: RemedyResult,
    _Kind.ROUTE: LitigationRoute,
    _Kind.DELIVERY: DeliveryMethod,
    _Kind.FEE_METHOD: FeeMethod,
}
_ENUM_BY_VALUE: dict[_Kind, dict[str, enum.Enum]] = {
    k: {m.value: m for m in cls} for k, cls in _ENUMS.items()
}


def _check_value(kind: _Kind, value: object) -> str | None:
    """``None`` if *value* fits *kind*, else what is allowed."""
    if kind is _Kind.TEXT:
        return None if isinstance(value, str) else "a str"
    if kind is _Kind.INT:
        return None if type(value) is int else "an int"
    if kind is _Kind.DATE:
        return None  # checked by check_date, which raises InvalidDateError
    if kind is _Kind.OUTCOME:
        return None if isinstance(value, Outcome) else "an Outcome"
    cls = _ENUMS[kind]
    if isinstance(value, cls):
        return None
    return "one of " + ", ".join(f"{cls.__name__}.{m.name}" for m in cls)


def _encode(kind: _Kind, value: Any) -> Any:
    if kind is _Kind.DATE:
        return value.isoformat()
    if kind is _Kind.OUTCOME:
        return value.to_dict()
    if kind in _ENUMS:
        return value.value
    return value


_DAY_CACHE: dict[str, _dt.date] = {}


def _read_day(value: object, path: str) -> _dt.date:
    if type(value) is str:
        day = _DAY_CACHE.get(value)
        if day is not None:
            return day
        if len(value) == 10:
            try:
                day = _dt.date.fromisoformat(value)
            except ValueError:
                pass
            else:
                if len(_DAY_CACHE) < 100_000:
                    _DAY_CACHE[value] = day
                return day
    raise SerializationError(path, value, "an ISO date string 'YYYY-MM-DD'")


_OUTCOME_CACHE: dict[tuple[Any, ...], Outcome] = {}


def _read_outcome(value: Any, path: str) -> Outcome:
    """:meth:`Outcome.from_dict`, memoised: outcomes are frozen and few distinct ones
    occur, so equal dicts share one value (restoring many cases stays fast)."""
    if type(value) is not dict or not value.keys() <= _OUTCOME_KEYS:
        return Outcome.from_dict(value, path=path)
    get = value.get
    grounds = get("withheld_grounds")
    try:
        key = (
            get("kind"),
            get("reason"),
            get("withheld"),
            tuple(grounds) if type(grounds) is list else grounds,
            get("competent_agency"),
            get("note"),
        )
        found = _OUTCOME_CACHE.get(key)
    except TypeError:  # an unhashable value: let from_dict say what is wrong
        return Outcome.from_dict(value, path=path)
    if found is None:
        found = Outcome.from_dict(value, path=path)
        if len(_OUTCOME_CACHE) < 10_000:
            _OUTCOME_CACHE[key] = found
    return found


_OUTCOME_KEYS = frozenset(
    {"kind", "reason", "withheld", "withheld_grounds", "competent_agency", "note"}
)


def _read_text(value: Any, path: str) -> str:
    if type(value) is not str:
        raise SerializationError(path, value, "a string")
    return value


def _read_int(value: Any, path: str) -> int:
    if type(value) is not int:
        raise SerializationError(path, value, "an integer")
    return value


def _enum_reader(kind: _Kind) -> Callable[[Any, str], Any]:
    by_value = _ENUM_BY_VALUE[kind]
    allowed = "one of " + ", ".join(repr(v) for v in by_value)

    def read(value: Any, path: str) -> Any:
        member = by_value.get(value) if type(value) is str else None
        if member is None:
            raise SerializationError(path, value, allowed)
        return member

    return read


_READERS: dict[_Kind, Callable[[Any, str], Any]] = {
    _Kind.DATE: _read_day,
    _Kind.TEXT: _read_text,
    _Kind.INT: _read_int,
    _Kind.OUTCOME: lambda value, path: _read_outcome(value, path),
    **{k: _enum_reader(k) for k in _ENUMS},
}

#: Per event value: its fields as ``(name, required, reader, what)`` and their names
#: (keyed by strings: faster than enum members when restoring many cases).
_PAYLOAD_READERS: dict[
    str, tuple[tuple[tuple[str, bool, Callable[[Any, str], Any], str], ...], frozenset[str]]
] = {
    e.value: (
        tuple((f.name, f.required, _READERS[f.kind], f.kind.value) for f in fields),
        frozenset(f.name for f in fields),
    )
    for e, fields in _PAYLOAD.items()
}

# Quick decoders for restoring many cases: each returns the decoded value, or _BAD for
# anything it does not recognise at once. They decide nothing: on _BAD the general
# readers above (``_read_payload``) decode the payload again and raise their error
# or return their value; a test checks that both agree.
_BAD: Final = object()


def _quick_outcome(value: Any) -> Any:
    if type(value) is not dict or not value.keys() <= _OUTCOME_KEYS:
        return _BAD
    get = value.get
    grounds = get("withheld_grounds")
    try:
        return _OUTCOME_CACHE.get(
            (
                get("kind"),
                get("reason"),
                get("withheld"),
                tuple(grounds) if type(grounds) is list else grounds,
                get("competent_agency"),
                get("note"),
            ),
            _BAD,
        )
    except TypeError:
        return _BAD


# How a quick decoder reads a value, as ``(how, what)``, without a call where it can:
# _EXACT: the value itself, if its type is exactly *what*; _LOOKUP: ``what[value]`` for a
# str value found in the dict *what* (enum members by value; dates already read, from
# the day cache); _CALL: ``what(value)``, _BAD if not recognised.
_EXACT, _LOOKUP, _CALL = 0, 1, 2
_QUICK: dict[_Kind, tuple[int, Any]] = {
    _Kind.DATE: (_LOOKUP, _DAY_CACHE),
    _Kind.TEXT: (_EXACT, str),
    _Kind.INT: (_EXACT, int),
    _Kind.OUTCOME: (_CALL, _quick_outcome),
    **{k: (_LOOKUP, _ENUM_BY_VALUE[k]) for k in _ENUMS},
}

_QuickFields = tuple[tuple[str, bool, int, Any], ...]


def _quick_payload(
    fields: _QuickFields, names: frozenset[str], raw: object
) -> dict[str, Any] | None:
    """The payload *raw* decoded as :func:`_read_payload` would, or ``None`` if a quick
    decoder did not recognise a value (then :func:`_read_payload` has the last word)."""
    if type(raw) is not dict or not raw.keys() <= names:
        return None
    values: dict[str, Any] = {}
    for name, required, how, what in fields:
        value = raw.get(name)
        if value is None:
            if required:
                return None
            continue
        if how == _EXACT:
            if type(value) is not what:
                return None
        elif how == _LOOKUP:
            if type(value) is not str:
                return None
            value = what.get(value)
            if value is None:
                return None
        else:
            value = what(value)
            if value is _BAD:
                return None
        values[name] = value
    return values


# ---------------------------------------------------------------------------
# Facts: what the history says so far, folded event by event.


class _Facts:
    """The case's derived facts (internal; immutable by convention: copied, then folded)."""

    __slots__ = (
        "consultations",
        "correction",
        "day0",
        "delayed",
        "delivered",
        "extensions",
        "fee",
        "proceedings",
        "reasons_requested",
        "received",
        "reply",
        "restart",
    )

    def __init__(self) -> None:
        self.received: _dt.date | None = None
        self.day0: _dt.date | None = None
        self.restart: _dt.date | None = None
        self.correction: CorrectionRecord | None = None
        self.consultations: tuple[Consultation, ...] = ()
        self.extensions: tuple[ExtensionRecord, ...] = ()
        self.reasons_requested: _dt.date | None = None
        self.delayed: DelayedDeadlineRecord | None = None
        self.fee: FeeNotice | None = None
        self.reply: ReplyRecord | None = None
        self.delivered: _dt.date | None = None
        self.proceedings: tuple[Proceeding, ...] = ()

    def copy(self) -> _Facts:
        new = _Facts.__new__(_Facts)
        for name in _Facts.__slots__:
            setattr(new, name, getattr(self, name))
        return new

    @property
    def start(self) -> _dt.date | None:
        """The current day 0 of the reply period (after a correction: its receipt)."""
        return self.restart if self.restart is not None else self.day0

    def open_consultation(self, consultee: object) -> Consultation | None:
        for c in self.consultations:
            if c.consultee == consultee and c.answer is None:
                return c
        return None

    def pending_proceeding(self) -> Proceeding | None:
        for p in self.proceedings:
            if p.decided is None:
                return p
        return None


class _Pending:
    """An event being applied: what the guards see."""

    __slots__ = ("day", "event", "payload")

    def __init__(self, event: EventKind, day: _dt.date, payload: Mapping[str, Any]) -> None:
        self.event = event
        self.day = day
        self.payload = payload


def _f_register(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.received = p.day
    if not channel.needs_confirmation:
        facts.day0 = p.day


def _f_confirm(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.day0 = p.day


def _f_notify_correction(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.correction = CorrectionRecord(p.day, p.payload["items"], p.payload["due"])


def _f_receive_correction(facts: _Facts, p: _Pending, channel: Channel) -> None:
    assert facts.correction is not None
    c = facts.correction
    facts.correction = CorrectionRecord(c.issued, c.items, c.due, p.day)
    facts.restart = p.day


def _f_consult(facts: _Facts, p: _Pending, channel: Channel) -> None:
    data = p.payload
    received = data.get("letter_received", p.day)
    facts.consultations += (Consultation(data["party"], data["consultee"], p.day, received),)


def _f_answer(facts: _Facts, p: _Pending, channel: Channel) -> None:
    data = p.payload
    name = data["consultee"]
    # A plain loop (no generator): this runs for every answer of every restored case.
    updated = []
    for c in facts.consultations:
        if c.consultee == name and c.answer is None:
            c = Consultation(
                c.party,
                c.consultee,
                c.sent,
                c.letter_received,
                p.day,
                data["answer"],
                data.get("reasons"),
            )
        updated.append(c)
    facts.consultations = tuple(updated)


def _f_extend(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.extensions += (ExtensionRecord(p.payload["days"], p.payload["approver"], p.day),)


def _f_request_reasons(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.reasons_requested = p.day


def _f_delayed(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.delayed = DelayedDeadlineRecord(p.payload["due"], p.day)


def _f_fee_notice(facts: _Facts, p: _Pending, channel: Channel) -> None:
    data = p.payload
    facts.fee = FeeNotice(p.day, data["amount"], data["method"], data.get("notice_received", p.day))


def _f_payment(facts: _Facts, p: _Pending, channel: Channel) -> None:
    assert facts.fee is not None
    f = facts.fee
    facts.fee = FeeNotice(f.issued, f.amount, f.method, f.notice_received, p.day)


def _f_reply(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.reply = ReplyRecord(p.day, p.payload["outcome"])


def _f_deliver(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.delivered = p.day


def _f_file_reconsideration(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.proceedings += (Proceeding(RemedyKind.RECONSIDERATION, p.day),)


def _f_file_litigation(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.proceedings += (Proceeding(RemedyKind.LITIGATION, p.day, p.payload["route"]),)


def _f_decide(facts: _Facts, p: _Pending, channel: Channel) -> None:
    facts.proceedings = tuple(
        Proceeding(x.kind, x.filed, x.route, p.day, p.payload["result"]) if x.decided is None else x
        for x in facts.proceedings
    )


#: What each event changes in the facts; events absent here change only the state.
_FOLDS: dict[EventKind, Callable[[_Facts, _Pending, Channel], None]] = {
    EventKind.REGISTER: _f_register,
    EventKind.CONFIRM_RECEIPT: _f_confirm,
    EventKind.NOTIFY_CORRECTION: _f_notify_correction,
    EventKind.RECEIVE_CORRECTION: _f_receive_correction,
    EventKind.CONSULT: _f_consult,
    EventKind.RECEIVE_CONSULTATION_ANSWER: _f_answer,
    EventKind.EXTEND: _f_extend,
    EventKind.REQUEST_REASONS: _f_request_reasons,
    EventKind.SET_DELAYED_DEADLINE: _f_delayed,
    EventKind.ISSUE_FEE_NOTICE: _f_fee_notice,
    EventKind.RECEIVE_PAYMENT: _f_payment,
    EventKind.REPLY: _f_reply,
    EventKind.DELIVER: _f_deliver,
    EventKind.FILE_RECONSIDERATION: _f_file_reconsideration,
    EventKind.FILE_LITIGATION: _f_file_litigation,
    EventKind.DECIDE_RECONSIDERATION: _f_decide,
    EventKind.DECIDE_LITIGATION: _f_decide,
}


def _fold(facts: _Facts, p: _Pending, channel: Channel) -> None:
    """Record the consequences of event *p* in *facts* (in place)."""
    fold = _FOLDS.get(p.event)
    if fold is not None:
        fold(facts, p, channel)


# ---------------------------------------------------------------------------
# The clock: the one place where a case's history becomes clock events.


def _period_due(
    kind: PeriodKind, start: _dt.date, case_policy: Policy, calendar: WorkdayCalendar
) -> _dt.date | None:
    if getattr(case_policy, kind.value) is None:
        return None
    return period_end(kind, start, policy=case_policy, calendar=calendar).due


def _answer_kind(c: Consultation) -> PeriodKind:
    if c.party is ConsultedParty.THIRD_PARTY:
        return PeriodKind.THIRD_PARTY_ANSWER
    return PeriodKind.INTER_AGENCY_ANSWER


def _answer_due(c: Consultation, policy: Policy, calendar: WorkdayCalendar) -> _dt.date | None:
    return _period_due(_answer_kind(c), c.letter_received, policy, calendar)


def _payment_due(fee: FeeNotice, policy: Policy, calendar: WorkdayCalendar) -> _dt.date | None:
    return _period_due(PeriodKind.FEE_PAYMENT, fee.notice_received, policy, calendar)


def _clock_events(facts: _Facts, policy: Policy, calendar: WorkdayCalendar) -> list[ClockEvent]:
    """The clock events the history implies: correction notice and restart, one pause
    per consultation and fee notice, extensions, the Art. 35 deadline, the reply.

    A consultation answered by silence (NO_ANSWER) pauses the clock until its answer
    period ran out, not until the day the silence was recorded.
    """
    events: list[ClockEvent] = []
    c = facts.correction
    if c is not None:
        events.append(clock.CorrectionNotice(c.issued))
        if c.received is not None:
            events.append(clock.Restart(c.received))
    for x in facts.consultations:
        end = x.answered
        if x.answer is ConsultationAnswer.NO_ANSWER and end is not None:
            due = _answer_due(x, policy, calendar)
            if due is not None:
                end = min(end, due)
        events.append(clock._pause(x.sent, end, x.party.pause_reason))
    fee = facts.fee
    if fee is not None:
        events.append(clock._pause(fee.issued, fee.paid, PauseReason.FEE))
    for e in facts.extensions:
        events.append(clock._extension(e.days, e.approver, e.granted_on))
    d = facts.delayed
    if d is not None:
        events.append(clock.DelayedDeadline(d.due, d.set_on))
    if facts.reply is not None:
        events.append(clock._reply(facts.reply.day))
    return events


_RECORDING: dict[Policy, Policy] = {}


def _recording(policy: Policy) -> Policy:
    """*policy* with late acts recorded (recorded history is a fact, not a request)."""
    if policy.late_acts is LateActs.RECORD:
        return policy
    found = _RECORDING.get(policy)
    if found is None:
        found = _RECORDING[policy] = attrs.evolve(policy, late_acts=LateActs.RECORD)
    return found


def _compute(
    facts: _Facts,
    policy: Policy,
    calendar: WorkdayCalendar,
    extra: ClockEvent | None = None,
    *,
    note: str = "",
) -> Deadline:
    """The clock's deadline for *facts* (plus an *extra* prospective event).

    Computed under *policy*; if a recorded act turns out late (possible after a
    calendar change), under the same policy with late acts recorded as findings.
    """
    assert facts.day0 is not None
    events = _clock_events(facts, policy, calendar)
    if extra is not None:
        events.append(extra)
    # The clock's entry for arguments known to be of the right types (a case checked
    # its policy and calendar; day 0 is a date of its history).
    try:
        return clock._deadline(facts.day0, events, policy, calendar, note)
    except LateActError:
        return clock._deadline(facts.day0, events, _recording(policy), calendar, note)


# ---------------------------------------------------------------------------
# Guards (named in the lifecycle definition) and routing predicates.

Guard = Callable[["Case", _Pending], "Refusal | None"]


def _clock_accepts(
    case: Case, p: _Pending, build: Callable[[], ClockEvent], rule: FindingRule
) -> Refusal | None:
    """Whether the clock accepts the act of *p*: within the caps, and in time (or the
    policy records late acts)."""
    facts = case._facts
    if facts.day0 is None:
        return None
    try:
        extra = build()
        result = _compute(facts, _recording(case._policy), case._calendar, extra)
    except (ClockError, InvalidValueError) as error:
        return Refusal(str(error), getattr(error, "allowed", "see the policy"))
    if case._policy.late_acts is LateActs.RECORD:
        return None
    for f in result.findings:
        if f.rule is rule and f.acted == p.day:
            return Refusal(
                f.describe(),
                f"on or before {f.due}",
                (f"{rule.label_zh} ({f.article})", f.due, f.late_by),
            )
    return None


def _current_due(case: Case, p: _Pending) -> _dt.date | None:
    """The reply deadline as it stands before the act of *p* (None while open)."""
    facts = case._facts
    if facts.day0 is None:
        return None
    return _compute(facts, case._policy, case._calendar).due


def _g_correction_once(case: Case, p: _Pending) -> Refusal | None:
    c = case._facts.correction
    if c is None:
        return None
    return Refusal(
        f"a correction notice was already sent on {c.issued.isoformat()} (一次性告知)",
        "one correction notice per application (Art. 30)",
    )


def _g_correction_items(case: Case, p: _Pending) -> Refusal | None:
    if _text(p.payload["items"]):
        return None
    return Refusal(
        f"items={p.payload['items']!r} says nothing", "a non-empty statement of what to correct"
    )


def _g_correction_period(case: Case, p: _Pending) -> Refusal | None:
    due = p.payload["due"]
    if due > p.day:
        return None
    return Refusal(f"due={due.isoformat()} leaves no time", f"a last day after {p.day.isoformat()}")


def _g_correction_in_time(case: Case, p: _Pending) -> Refusal | None:
    return _clock_accepts(
        case, p, lambda: clock.CorrectionNotice(p.day), FindingRule.CORRECTION_NOTICE_LATE
    )


def _g_correction_over(case: Case, p: _Pending) -> Refusal | None:
    c = case._facts.correction
    assert c is not None
    if p.day > c.due:
        return None
    return Refusal(
        f"the correction period runs until {c.due.isoformat()}",
        f"a day after {c.due.isoformat()}",
    )


def _g_consultee_named(case: Case, p: _Pending) -> Refusal | None:
    if _text(p.payload["consultee"]):
        return None
    return Refusal(f"consultee={p.payload['consultee']!r}", "the consultee's name")


def _g_consultee_new(case: Case, p: _Pending) -> Refusal | None:
    name = p.payload["consultee"]
    for c in case._facts.consultations:
        if c.consultee == name:
            return Refusal(f"{name!r} was already consulted", "a consultee not consulted before")
    return None


def _g_letter_in_order(case: Case, p: _Pending) -> Refusal | None:
    payload = p.payload
    if "letter_received" not in payload and "notice_received" not in payload:
        return None
    for key in ("letter_received", "notice_received"):
        value = payload.get(key)
        if value is not None and value < p.day:
            return Refusal(
                f"{key}={value.isoformat()} is before the letter was sent",
                f"on or after {p.day.isoformat()}",
            )
    return None


def _g_consultation_open(case: Case, p: _Pending) -> Refusal | None:
    if case._facts.open_consultation(p.payload["consultee"]) is not None:
        return None
    names = [c.consultee for c in case._facts.consultations if c.is_open]
    return Refusal(
        f"no open consultation of {p.payload['consultee']!r}",
        "one of " + ", ".join(repr(n) for n in names),
    )


def _g_answer_complete(case: Case, p: _Pending) -> Refusal | None:
    answer = p.payload["answer"]
    reasons = p.payload.get("reasons")
    if answer is ConsultationAnswer.OBJECTION and not _text(reasons):
        return Refusal(
            "an objection without reasons", "reasons=... stating the objection's grounds"
        )
    if answer is ConsultationAnswer.NO_ANSWER:
        c = case._facts.open_consultation(p.payload["consultee"])
        assert c is not None
        due = _answer_due(c, case._policy, case._calendar)
        if due is not None and p.day <= due:
            return Refusal(
                f"silence recorded on {p.day.isoformat()}, but the answer period runs until "
                f"{due.isoformat()}",
                f"NO_ANSWER after {due.isoformat()}",
            )
    return None


def _g_approver(case: Case, p: _Pending) -> Refusal | None:
    if _text(p.payload["approver"]):
        return None
    return Refusal(
        f"approver={p.payload['approver']!r}",
        "the approver's name (政府信息公开工作机构负责人, Art. 33)",
    )


def _g_extension_positive(case: Case, p: _Pending) -> Refusal | None:
    if p.payload["days"] > 0:
        return None
    return Refusal(f"days={p.payload['days']}", "at least 1 working day")


def _g_extension_cap(case: Case, p: _Pending) -> Refusal | None:
    cap = case._policy.extension_cap.length
    used = 0
    for x in case._facts.extensions:
        used += x.days
    if used + p.payload["days"] <= cap:
        return None
    return Refusal(
        f"days={p.payload['days']} would make {used + p.payload['days']} working days in total",
        f"at most {cap - used} more ({cap} in total, {case._policy.extension_cap.article})",
    )


def _g_extension_in_time(case: Case, p: _Pending) -> Refusal | None:
    def build() -> ClockEvent:
        return clock.Extension(p.payload["days"], p.payload["approver"], p.day)

    return _clock_accepts(case, p, build, FindingRule.EXTENSION_LATE)


def _g_reasons_requested(case: Case, p: _Pending) -> Refusal | None:
    if case._facts.reasons_requested is not None:
        return None
    return Refusal("no reasons were requested (Art. 35)", "request_reasons first")


def _g_delayed_later(case: Case, p: _Pending) -> Refusal | None:
    due = p.payload["due"]
    current = _current_due(case, p)
    floor = max(p.day, current) if current is not None else p.day
    if due > floor:
        return None
    return Refusal(f"due={due.isoformat()} is not later", f"a day after {floor.isoformat()}")


def _g_delayed_in_time(case: Case, p: _Pending) -> Refusal | None:
    def build() -> ClockEvent:
        return clock.DelayedDeadline(p.payload["due"], p.day)

    return _clock_accepts(case, p, build, FindingRule.DELAYED_DEADLINE_LATE)


def _g_fee_once(case: Case, p: _Pending) -> Refusal | None:
    fee = case._facts.fee
    if fee is None:
        return None
    return Refusal(f"a fee notice was already sent on {fee.issued.isoformat()}", "one fee notice")


def _g_fee_amount(case: Case, p: _Pending) -> Refusal | None:
    if p.payload["amount"] > 0:
        return None
    return Refusal(f"amount={p.payload['amount']}", "a positive amount in yuan")


def _g_fee_in_time(case: Case, p: _Pending) -> Refusal | None:
    due = _current_due(case, p)
    if due is None or p.day <= due:
        return None
    return Refusal(
        f"a fee notice on {p.day.isoformat()} is after the reply deadline",
        f"within the reply period: on or before {due.isoformat()} (FEES)",
    )


def _g_payment_in_time(case: Case, p: _Pending) -> Refusal | None:
    fee = case._facts.fee
    assert fee is not None
    due = _payment_due(fee, case._policy, case._calendar)
    if due is None or p.day <= due:
        return None
    return Refusal(
        f"payment on {p.day.isoformat()} is after the payment period",
        f"on or before {due.isoformat()}; after it record fee_lapsed",
    )


def _g_payment_over(case: Case, p: _Pending) -> Refusal | None:
    fee = case._facts.fee
    assert fee is not None
    due = _payment_due(fee, case._policy, case._calendar)
    if due is not None and p.day > due:
        return None
    if due is None:
        return Refusal("the policy sets no payment period", "receive_payment or withdraw")
    return Refusal(
        f"the payment period runs until {due.isoformat()}", f"a day after {due.isoformat()}"
    )


def _g_on_the_spot(case: Case, p: _Pending) -> Refusal | None:
    if p.day == case._facts.day0:
        return None
    return Refusal(
        "a reply straight from registration is an on-the-spot reply (当场答复)",
        f"on day 0 ({case._facts.day0}); otherwise start_review first",
    )


def _g_outcome_valid(case: Case, p: _Pending) -> Refusal | None:
    outcome = p.payload["outcome"]
    problem = _outcome_problem(outcome, case._facts)
    if problem is None:
        return None
    return Refusal(problem[0], problem[1])


def _outcome_problem(outcome: Outcome, facts: _Facts) -> tuple[str, str] | None:
    if not outcome.is_reply:
        return (
            f"{outcome.kind.ordinal_zh}{outcome.kind.label_zh} is an ending without a reply",
            "an outcome of groups （一）–（五）; record correction_lapsed, fee_lapsed or "
            "withdraw for the endings",
        )
    if outcome.reason is OutcomeReason.STILL_UNCLEAR and facts.restart is None:
        return (
            "补正后申请内容仍不明确 without a correction",
            "STILL_UNCLEAR only after a corrected application was received (Art. 30)",
        )
    if outcome.reason is OutcomeReason.EXCESSIVE and facts.reasons_requested is None:
        return (
            "无正当理由大量反复申请 without asking for reasons",
            "EXCESSIVE only after request_reasons (Art. 35)",
        )
    return None


def _g_no_pending(case: Case, p: _Pending) -> Refusal | None:
    x = case._facts.pending_proceeding()
    if x is None:
        return None
    return Refusal(
        f"a {x.kind.value} filed on {x.filed.isoformat()} is pending (尚未审结)",
        f"decide_{x.kind.value} first",
    )


def _pending_of(kind: RemedyKind) -> Guard:
    def guard(case: Case, p: _Pending) -> Refusal | None:
        x = case._facts.pending_proceeding()
        if x is not None and x.kind is kind:
            return None
        return Refusal(f"no {kind.value} is pending", f"file_{kind.value} first")

    return guard


def _g_result_final(case: Case, p: _Pending) -> Refusal | None:
    if p.payload["result"] is not RemedyResult.PENDING:
        return None
    return Refusal("result=PENDING is not a decision", "UPHELD, CORRECTED or OTHER")


def _g_route(case: Case, p: _Pending) -> Refusal | None:
    decided = [
        x for x in case._facts.proceedings if x.kind is RemedyKind.RECONSIDERATION and x.decided
    ]
    route = p.payload["route"]
    if route is LitigationRoute.AFTER_RECONSIDERATION and not decided:
        return Refusal("no reconsideration was decided", "route=LitigationRoute.DIRECT")
    if route is LitigationRoute.DIRECT and decided:
        return Refusal(
            "a reconsideration was decided", "route=LitigationRoute.AFTER_RECONSIDERATION"
        )
    return None


def _r_needs_confirmation(case: Case, p: _Pending) -> bool:
    return case._channel.needs_confirmation


def _r_other_open(case: Case, p: _Pending) -> bool:
    name = p.payload["consultee"]
    for c in case._facts.consultations:  # noqa: SIM110 - a loop: any() over a generator is slower
        if c.answer is None and c.consultee != name:  # c.is_open
            return True
    return False


GUARDS: Mapping[str, Guard] = MappingProxyType(
    {
        "correction_once_only": _g_correction_once,
        "correction_items_stated": _g_correction_items,
        "correction_period_given": _g_correction_period,
        "correction_notice_in_time": _g_correction_in_time,
        "correction_period_over": _g_correction_over,
        "consultee_named": _g_consultee_named,
        "consultee_not_already_consulted": _g_consultee_new,
        "letter_received_in_order": _g_letter_in_order,
        "consultation_open": _g_consultation_open,
        "answer_complete": _g_answer_complete,
        "approver_named": _g_approver,
        "extension_positive": _g_extension_positive,
        "extension_within_cap": _g_extension_cap,
        "extension_in_time": _g_extension_in_time,
        "reasons_requested": _g_reasons_requested,
        "delayed_due_later": _g_delayed_later,
        "delayed_deadline_in_time": _g_delayed_in_time,
        "fee_notice_once": _g_fee_once,
        "fee_amount_positive": _g_fee_amount,
        "fee_notice_in_time": _g_fee_in_time,
        "payment_in_time": _g_payment_in_time,
        "payment_period_over": _g_payment_over,
        "on_the_spot": _g_on_the_spot,
        "outcome_valid": _g_outcome_valid,
        "no_proceeding_pending": _g_no_pending,
        "reconsideration_pending": _pending_of(RemedyKind.RECONSIDERATION),
        "litigation_pending": _pending_of(RemedyKind.LITIGATION),
        "decision_result_final": _g_result_final,
        "litigation_route_consistent": _g_route,
    }
)

#: Guards whose answer depends on the working-day calendar: checked when an event is
#: applied, not when a stored history is replayed (a newer calendar may make a past
#: act late; that is a finding, not a reason to refuse recorded history).
CALENDAR_GUARDS: frozenset[str] = frozenset(
    {
        "correction_notice_in_time",
        "answer_complete",
        "extension_in_time",
        "delayed_due_later",
        "delayed_deadline_in_time",
        "fee_notice_in_time",
        "payment_in_time",
        "payment_period_over",
    }
)

Route = Callable[["Case", _Pending], bool]

ROUTES: Mapping[str, Route] = MappingProxyType(
    {
        "receipt_needs_confirmation": _r_needs_confirmation,
        "other_consultations_open": _r_other_open,
    }
)

#: The process-wide ``transitions`` machine (one, flat, no model attached).
MACHINE: Final = build_machine(DEFINITION, guards=GUARDS, routes=ROUTES, model_attribute="_state")
_TABLE: Final = compile_table(MACHINE)
_ReplayEntry = tuple[
    EventKind,
    bool,
    _QuickFields,
    frozenset[str],
    "Callable[[_Facts, _Pending, Channel], None] | None",
    tuple[tuple[CaseState, str, tuple[Route, ...], tuple[Guard, ...]], ...],
]

#: The table used to replay a stored history, keyed by the stored strings
#: ``(state, event)``: the event, whether it needs a payload, its payload's quick
#: decoders and field names, its fold, and its branches as plain tuples
#: ``(dest, routes, guards)`` without the guards that depend on the calendar (see the
#: module docs). Compiled from the same machine as the apply table.
_REPLAY_TABLE: Final[dict[tuple[str, str], _ReplayEntry]] = {
    (state.value, kind.value): (
        kind,
        any(f.required for f in _PAYLOAD[kind]),
        tuple((f.name, f.required, *_QUICK[f.kind]) for f in _PAYLOAD[kind]),
        frozenset(f.name for f in _PAYLOAD[kind]),
        _FOLDS.get(kind),
        tuple(
            (
                b.dest,
                b.dest.value,
                b.routes,
                tuple(g for name, g in b.guards if name not in CALENDAR_GUARDS),
            )
            for b in branches
        ),
    )
    for (state, kind), branches in _TABLE.items()
}


_Branch = tuple[CaseState, str, tuple[Route, ...], tuple[Guard, ...], dict[str, Any]]
_Step = tuple[
    EventKind,
    bool,
    _QuickFields,
    frozenset[str],
    "Callable[[_Facts, _Pending, Channel], None] | None",
    tuple[_Branch, ...],
    "tuple[CaseState, str, tuple[Guard, ...], dict[str, Any]] | None",
]


def _replay_steps() -> dict[str, dict[str, _Step]]:
    """:data:`_REPLAY_TABLE` as one step table per state value, keyed by event value.

    Each step links to the step table of each destination (no tuple key is built per
    event), and a step with one branch and no routing predicate names its destination
    at once (``single``: the branch's guards still run).
    """
    by_state: dict[str, dict[str, _Step]] = {s.value: {} for s in CaseState}
    for (state_value, event_value), entry in _REPLAY_TABLE.items():
        kind, needs_payload, quick_fields, names, fold, branches = entry
        linked = tuple(
            (dest, dest_value, routes, guards, by_state[dest_value])
            for dest, dest_value, routes, guards in branches
        )
        single = None
        if len(linked) == 1 and not linked[0][2]:
            dest, dest_value, _routes, guards, following = linked[0]
            single = (dest, dest_value, guards, following)
        by_state[state_value][event_value] = (
            kind,
            needs_payload,
            quick_fields,
            names,
            fold,
            linked,
            single,
        )
    return by_state


#: The replay table as linked per-state step tables (see :func:`_replay_steps`).
_REPLAY_STEPS: Final = _replay_steps()

#: A restored event, compact until the history is first read: ``(event, day,
#: state_after, payload)``, plus ``(actor, note)`` when either was recorded. The state
#: before and the version follow from the row's place in the list.
_Row = tuple[Any, ...]


def _refused(
    kind: EventKind, state: CaseState, refusal: Refusal, day: _dt.date
) -> EventRefusedError:
    if refusal.late is not None:
        rule, due, late_by = refusal.late
        return LateEventError(kind.value, state.value, rule, due, day, late_by)
    return EventRefusedError(kind.value, state.value, refusal.reason, refusal.allowed)


def _allowed_list(state: CaseState) -> str:
    events = sorted(e.value for e in DEFINITION.allowed_events(state))
    if not events:
        return f"no event: {state.value} is final"
    return "one of " + ", ".join(events)


def _route(branches: tuple[Branch, ...], case: Case, p: _Pending) -> CaseState | Refusal:
    """The destination of *p*, or the first guard's refusal."""
    for branch in branches:
        if all(route(case, p) for route in branch.routes):
            for _name, guard in branch.guards:
                refusal = guard(case, p)
                if refusal is not None:
                    return refusal
            return branch.dest
    return Refusal("no branch of the lifecycle applies", "see the lifecycle definition")


# ---------------------------------------------------------------------------
# The case


def _event_kind(event: EventKind | str) -> EventKind:
    if isinstance(event, EventKind):
        return event
    if isinstance(event, str):
        try:
            return EventKind(event)
        except ValueError:
            pass
    raise InvalidValueError.choice("event", event, [e.value for e in EventKind])


def _optional_text(field: str, value: object) -> str | None:
    if value is None or _text(value):
        return value  # type: ignore[return-value]  # narrowed by _text
    raise InvalidValueError(field, value, "None or a non-empty str")


#: The policies a stored policy name may refer to, unless the host names others.
_DEFAULT_POLICIES: Final = (R2019, R2008)
#: The initial state and its value (read for every case restored).
_INITIAL: Final = DEFINITION.initial
_INITIAL_VALUE: Final = _INITIAL.value


class Case:
    """A request for government information being handled (政府信息公开申请案件).

    The only mutable object of the library. Create one with :meth:`open` (or restore
    one with :meth:`from_dict`); change it only through :meth:`apply` or the typed
    methods that call it (:meth:`start_review`, :meth:`extend`, :meth:`reply`, …).
    Each accepted event is appended to :attr:`history` and increments
    :attr:`version`; a refused event raises
    :class:`~disclosure_flow.errors.EventRefusedError` (or a subclass) and changes
    nothing.

    Not thread-safe: per-case concurrency belongs to the host's database (use
    ``expected_version``).
    """

    __slots__ = (
        "_applicant",
        "_calendar",
        "_channel",
        "_facts",
        "_history",
        "_id",
        "_log",
        "_policy",
        "_request",
        "_state",
    )

    def __init__(
        self,
        case_id: str,
        *,
        applicant: Applicant,
        request: InformationRequest,
        channel: Channel,
        policy: Policy,
        calendar: WorkdayCalendar,
    ) -> None:
        if not _text(case_id):
            raise InvalidValueError("case_id", case_id, "a non-empty str")
        if not isinstance(applicant, Applicant):
            raise InvalidValueError("applicant", applicant, "an Applicant")
        if not isinstance(request, InformationRequest):
            raise InvalidValueError("request", request, "an InformationRequest")
        if not isinstance(channel, Channel):
            raise InvalidValueError.choice("channel", channel, list(Channel))
        if not isinstance(policy, Policy):
            raise InvalidValueError("policy", policy, "a Policy (e.g. R2019)")
        if not isinstance(calendar, WorkdayCalendar):
            raise InvalidValueError("calendar", calendar, "a WorkdayCalendar")
        self._id = case_id
        self._applicant = applicant
        self._request = request
        self._channel = channel
        self._policy = policy
        self._calendar = calendar
        self._state = DEFINITION.initial
        # The history is either materialised (``_history``, a list of CaseEvent) or,
        # for a restored case until it is first read, kept as compact validated rows
        # (``_log``, see _Row); exactly one of the two is not None.
        self._history: list[CaseEvent] | None = []
        self._log: list[_Row] | None = None
        self._facts = _Facts()

    @classmethod
    def open(
        cls,
        case_id: str,
        *,
        applicant: Applicant,
        request: InformationRequest,
        channel: Channel,
        received: _dt.date,
        calendar: WorkdayCalendar,
        policy: Policy = R2019,
        actor: str | None = None,
        note: str | None = None,
    ) -> Case:
        """Register a new application (登记), Art. 29 and 31.

        Args:
            case_id: the host's identifier of the case.
            applicant: who applies.
            request: what is asked for.
            channel: how it arrived; decides whether day 0 is *received* (in person,
                signed-for post) or waits for :meth:`confirm_receipt`.
            received: the day the application reached the office.
            calendar: the working-day calendar deadlines are computed with.
            policy: the rules (default :data:`~disclosure_flow.policy.R2019`).
            actor: who registered it.
            note: a free note.

        Raises:
            InvalidValueError: an argument has the wrong type.
            InvalidDateError: *received* is not a ``datetime.date``.
        """
        case = cls(
            case_id,
            applicant=applicant,
            request=request,
            channel=channel,
            policy=policy,
            calendar=calendar,
        )
        case.apply(EventKind.REGISTER, received, actor=actor, note=note)
        return case

    # -- reading -----------------------------------------------------------

    @property
    def id(self) -> str:
        """The host's identifier of the case."""
        return self._id

    @property
    def applicant(self) -> Applicant:
        """The applicant (申请人)."""
        return self._applicant

    @property
    def request(self) -> InformationRequest:
        """What is asked for (申请内容)."""
        return self._request

    @property
    def channel(self) -> Channel:
        """How the application arrived (申请渠道)."""
        return self._channel

    @property
    def policy(self) -> Policy:
        """The rules the case is handled under (适用规则)."""
        return self._policy

    @property
    def calendar(self) -> WorkdayCalendar:
        """The working-day calendar deadlines are computed with."""
        return self._calendar

    @property
    def state(self) -> CaseState:
        """The current state (办理状态)."""
        return self._state

    @property
    def version(self) -> int:
        """The number of events recorded (版本号); 1 after registration."""
        history = self._history
        if history is None:
            log = self._log
            if log is not None:
                return len(log)
            history = self._events()
        return len(history)

    @property
    def history(self) -> tuple[CaseEvent, ...]:
        """Every event, oldest first (办理记录)."""
        return tuple(self._events())

    def _events(self) -> list[CaseEvent]:
        """The history as CaseEvent objects, built from the compact rows on first use."""
        history = self._history
        if history is None:
            log = self._log
            if log is None:  # materialised meanwhile (the rows are dropped after)
                history = self._history
                assert history is not None
                return history
            history = _materialise(log)
            self._history = history
            self._log = None
        return history

    def _last_day(self) -> _dt.date | None:
        """The day of the last recorded event (``None`` before the first)."""
        history = self._history
        if history is not None:
            return history[-1].day if history else None
        log = self._log
        if log is None:
            return self._events()[-1].day
        return log[-1][1] if log else None

    @property
    def received(self) -> _dt.date | None:
        """The day the application reached the office."""
        return self._facts.received

    @property
    def day_zero(self) -> _dt.date | None:
        """The receipt date (收到申请之日, Art. 31), or ``None`` while unconfirmed."""
        return self._facts.day0

    @property
    def period_start(self) -> _dt.date | None:
        """Day 0 of the running reply period: the receipt date, or the day the corrected
        application arrived (Art. 30)."""
        return self._facts.start

    @property
    def correction(self) -> CorrectionRecord | None:
        """The correction notice, if one was sent."""
        return self._facts.correction

    @property
    def consultations(self) -> tuple[Consultation, ...]:
        """The consultations, in the order they were sent."""
        return self._facts.consultations

    @property
    def extensions(self) -> tuple[ExtensionRecord, ...]:
        """The extensions granted."""
        return self._facts.extensions

    @property
    def delayed_deadline(self) -> DelayedDeadlineRecord | None:
        """The Art. 35 later deadline, if one was set."""
        return self._facts.delayed

    @property
    def fee(self) -> FeeNotice | None:
        """The fee notice, if one was sent."""
        return self._facts.fee

    @property
    def reply_record(self) -> ReplyRecord | None:
        """The reply and its outcome, once replied."""
        return self._facts.reply

    @property
    def delivered(self) -> _dt.date | None:
        """The day of delivery (送达), once delivered."""
        return self._facts.delivered

    @property
    def proceedings(self) -> tuple[Proceeding, ...]:
        """Reconsiderations and lawsuits, in the order they were filed."""
        return self._facts.proceedings

    def allowed_events(self) -> frozenset[EventKind]:
        """The events the lifecycle allows in the current state (guards may still refuse)."""
        return DEFINITION.allowed_events(self._state)

    def _repr_html_(self) -> str:
        """The case, its current deadline and its history as HTML, for notebooks
        (identity numbers and contact details hidden)."""
        from disclosure_flow._html import case_html

        return case_html(self)

    def __repr__(self) -> str:
        return (
            f"Case(id={self._id!r}, state={self._state.value}, version={self.version}, "
            f"applicant={self._applicant.kind.value}, channel={self._channel.value}, "
            f"policy={self._policy.name})"
        )

    # -- changing ----------------------------------------------------------

    def apply(
        self,
        event: EventKind | str,
        day: _dt.date,
        *,
        expected_version: int | None = None,
        actor: str | None = None,
        note: str | None = None,
        dispatch: Dispatch = Dispatch.TABLE,
        **payload: Any,
    ) -> Case:
        """Record *event* on *day*, if the lifecycle and the law allow it; return the case.

        Args:
            event: the event (an :class:`EventKind` or its value).
            day: the day it happened; not before the last recorded event.
            expected_version: refuse unless the case is at this version (optimistic
                concurrency: the host's guard against two clerks editing one case).
            actor: who recorded it.
            note: a free note.
            dispatch: run through the compiled table (default) or the machine.
            **payload: the event's particulars (see the typed methods).

        Raises:
            InvalidValueError: *event* is unknown, or an option has the wrong type.
            InvalidDateError: *day* or a payload date is not a ``datetime.date``.
            VersionConflictError: *expected_version* differs from :attr:`version`.
            LateEventError: an act after its period, under ``LateActs.REFUSE``.
            EventRefusedError: anything else the lifecycle or the law refuses.
        """
        kind = _event_kind(event)
        day = check_date(day, "day")
        state = self._state
        if expected_version is not None and expected_version != self.version:
            raise VersionConflictError(kind.value, state.value, expected_version, self.version)
        actor = _optional_text("actor", actor)
        note = _optional_text("note", note)
        if not isinstance(dispatch, Dispatch):
            raise InvalidValueError.choice("dispatch", dispatch, list(Dispatch))
        branches = _TABLE.get((state, kind))
        if branches is None:
            raise EventRefusedError(
                kind.value, state.value, "not allowed in this state", _allowed_list(state)
            )
        last_day = self._last_day()
        if last_day is not None and day < last_day:
            last = last_day.isoformat()
            raise EventRefusedError(
                kind.value,
                state.value,
                f"dated {day.isoformat()}, before the last event ({last})",
                f"events in date order: on or after {last}",
            )
        pending = _Pending(kind, day, self._check_payload(kind, payload))
        if dispatch is Dispatch.TABLE:
            dest = _route(branches, self, pending)
        else:
            dest = self._route_by_machine(pending)
        if isinstance(dest, Refusal):
            raise _refused(kind, state, dest, day)
        self._commit(pending, dest, actor, note)
        return self

    def _route_by_machine(self, pending: _Pending) -> CaseState | Refusal:
        state = self._state
        try:
            done = MACHINE.events[pending.event.value].trigger(self, pending=pending)
        except GuardFailed as failed:
            return failed.refusal
        except MachineError:
            return Refusal("not allowed in this state", _allowed_list(state))
        finally:
            dest, self._state = self._state, state
        if not done:
            return Refusal("no branch of the lifecycle applies", "see the lifecycle definition")
        return dest

    def _check_payload(self, kind: EventKind, payload: Mapping[str, Any]) -> dict[str, Any]:
        fields = _PAYLOAD[kind]
        names = {f.name for f in fields}
        unknown = sorted(set(payload) - names)
        if unknown:
            raise EventRefusedError(
                kind.value,
                self._state.value,
                f"unknown particular {unknown[0]}={payload[unknown[0]]!r}",
                "particulars " + (", ".join(sorted(names)) or "none"),
            )
        values: dict[str, Any] = {}
        for f in fields:
            value = payload.get(f.name)
            if value is None:
                if f.required:
                    raise EventRefusedError(
                        kind.value,
                        self._state.value,
                        f"particular {f.name!r} is missing",
                        f"{f.name}=<{f.kind.value}>",
                    )
                continue
            if f.kind is _Kind.DATE:
                value = check_date(value, f.name)
            else:
                allowed = _check_value(f.kind, value)
                if allowed is not None:
                    raise EventRefusedError(
                        kind.value, self._state.value, f"{f.name}={value!r}", f"{f.name}: {allowed}"
                    )
            values[f.name] = value
        return values

    def _commit(self, p: _Pending, dest: CaseState, actor: str | None, note: str | None) -> None:
        facts = self._facts.copy()
        _fold(facts, p, self._channel)
        history = self._history
        if history is None:
            log = self._log
            assert log is not None
            row: _Row = (p.event, p.day, dest, p.payload or _EMPTY)
            if actor is not None or note is not None:
                row += (actor, note)
            # Nothing above touched the case; the three assignments below cannot fail.
            log.append(row)
        else:
            record = CaseEvent(
                p.event,
                p.day,
                self._state,
                dest,
                len(history) + 1,
                MappingProxyType(p.payload) if p.payload else _EMPTY,
                actor,
                note,
            )
            history.append(record)
        self._facts = facts
        self._state = dest

    # -- typed events --------------------------------------------------------

    def confirm_receipt(self, day: _dt.date, **options: Any) -> Case:
        """确认收到申请: day 0 for ordinary letters, internet and fax (Art. 31)."""
        return self.apply(EventKind.CONFIRM_RECEIPT, day, **options)

    def start_review(self, day: _dt.date, **options: Any) -> Case:
        """开始审核."""
        return self.apply(EventKind.START_REVIEW, day, **options)

    def notify_correction(
        self, day: _dt.date, *, items: str, due: _dt.date, **options: Any
    ) -> Case:
        """一次性告知补正 (Art. 30): what to correct (*items*) and the last day (*due*).

        Once only, within the policy's correction-notice period of day 0.
        """
        return self.apply(EventKind.NOTIFY_CORRECTION, day, items=items, due=due, **options)

    def receive_correction(self, day: _dt.date, **options: Any) -> Case:
        """收到补正后的申请: the reply period restarts with day 0 = *day* (Art. 30)."""
        return self.apply(EventKind.RECEIVE_CORRECTION, day, **options)

    def correction_lapsed(self, day: _dt.date, **options: Any) -> Case:
        """逾期未补正，视为放弃申请 (Art. 30); only after the correction period."""
        return self.apply(EventKind.CORRECTION_LAPSED, day, **options)

    def start_processing(self, day: _dt.date, **options: Any) -> Case:
        """开始办理."""
        return self.apply(EventKind.START_PROCESSING, day, **options)

    def consult(
        self,
        day: _dt.date,
        *,
        party: ConsultedParty,
        consultee: str,
        letter_received: _dt.date | None = None,
        **options: Any,
    ) -> Case:
        """征求意见 (Art. 32, 34): the clock pauses from *day* until the answer.

        Args:
            party: third party or other agency.
            consultee: who is consulted (unique within the case).
            letter_received: when the consultee got the letter (default *day*); its
                answer period counts from there.
        """
        if letter_received is not None:
            options["letter_received"] = letter_received
        return self.apply(EventKind.CONSULT, day, party=party, consultee=consultee, **options)

    def receive_consultation_answer(
        self,
        day: _dt.date,
        *,
        consultee: str,
        answer: ConsultationAnswer,
        reasons: str | None = None,
        **options: Any,
    ) -> Case:
        """收到意见: consent, objection (with *reasons*), or silence after the period."""
        if reasons is not None:
            options["reasons"] = reasons
        return self.apply(
            EventKind.RECEIVE_CONSULTATION_ANSWER,
            day,
            consultee=consultee,
            answer=answer,
            **options,
        )

    def extend(self, day: _dt.date, *, days: int, approver: str, **options: Any) -> Case:
        """延长答复期限 (Art. 33): *days* more working days, approved by *approver*."""
        return self.apply(EventKind.EXTEND, day, days=days, approver=approver, **options)

    def request_reasons(self, day: _dt.date, **options: Any) -> Case:
        """要求申请人说明理由 (Art. 35)."""
        return self.apply(EventKind.REQUEST_REASONS, day, **options)

    def set_delayed_deadline(self, day: _dt.date, *, due: _dt.date, **options: Any) -> Case:
        """确定延迟答复的合理期限 (Art. 35), after reasons were requested."""
        return self.apply(EventKind.SET_DELAYED_DEADLINE, day, due=due, **options)

    def issue_fee_notice(
        self,
        day: _dt.date,
        *,
        amount: int,
        method: FeeMethod,
        notice_received: _dt.date | None = None,
        **options: Any,
    ) -> Case:
        """发出收费通知 (FEES): *amount* yuan by one *method*; the clock pauses until payment.

        Only within the reply period; the applicant pays within the policy's payment
        period counted from the day after *notice_received* (default *day*).
        """
        if notice_received is not None:
            options["notice_received"] = notice_received
        return self.apply(EventKind.ISSUE_FEE_NOTICE, day, amount=amount, method=method, **options)

    def receive_payment(self, day: _dt.date, **options: Any) -> Case:
        """收到缴费: processing resumes."""
        return self.apply(EventKind.RECEIVE_PAYMENT, day, **options)

    def fee_lapsed(self, day: _dt.date, **options: Any) -> Case:
        """逾期未缴费，不再处理 (FEES); only after the payment period."""
        return self.apply(EventKind.FEE_LAPSED, day, **options)

    def reply(self, day: _dt.date, *, outcome: Outcome, **options: Any) -> Case:
        """答复 with an :class:`~disclosure_flow.outcomes.Outcome` (Art. 36–39).

        A reply after the deadline is recorded and carries a finding.
        """
        return self.apply(EventKind.REPLY, day, outcome=outcome, **options)

    def deliver(
        self, day: _dt.date, *, method: DeliveryMethod | None = None, **options: Any
    ) -> Case:
        """送达."""
        if method is not None:
            options["method"] = method
        return self.apply(EventKind.DELIVER, day, **options)

    def archive(self, day: _dt.date, **options: Any) -> Case:
        """归档 (no proceeding may be pending)."""
        return self.apply(EventKind.ARCHIVE, day, **options)

    def withdraw(self, day: _dt.date, **options: Any) -> Case:
        """申请人撤回申请."""
        return self.apply(EventKind.WITHDRAW, day, **options)

    def file_reconsideration(self, day: _dt.date, **options: Any) -> Case:
        """申请行政复议."""
        return self.apply(EventKind.FILE_RECONSIDERATION, day, **options)

    def decide_reconsideration(
        self, day: _dt.date, *, result: RemedyResult, **options: Any
    ) -> Case:
        """行政复议决定 (维持/纠正/其他)."""
        return self.apply(EventKind.DECIDE_RECONSIDERATION, day, result=result, **options)

    def file_litigation(self, day: _dt.date, *, route: LitigationRoute, **options: Any) -> Case:
        """提起行政诉讼 (直接起诉 or 复议后起诉)."""
        return self.apply(EventKind.FILE_LITIGATION, day, route=route, **options)

    def decide_litigation(self, day: _dt.date, *, result: RemedyResult, **options: Any) -> Case:
        """行政诉讼裁判 (维持/纠正/其他)."""
        return self.apply(EventKind.DECIDE_LITIGATION, day, result=result, **options)

    # -- deadlines and findings ------------------------------------------------

    def use_calendar(self, calendar: WorkdayCalendar) -> Case:
        """Compute from now on with *calendar* (e.g. after next year's notice arrived).

        Nothing is stored from the old calendar: every deadline is recomputed.
        """
        if not isinstance(calendar, WorkdayCalendar):
            raise InvalidValueError("calendar", calendar, "a WorkdayCalendar")
        self._calendar = calendar
        return self

    def _facts_until(self, as_of: _dt.date) -> _Facts:
        """The facts known at the end of *as_of* (a prefix of the history)."""
        last_day = self._last_day()
        if last_day is None or last_day <= as_of:
            return self._facts
        facts = _Facts()
        for record in self._events():
            if record.day > as_of:
                break
            _fold(facts, _Pending(record.event, record.day, dict(record.payload)), self._channel)
        return facts

    def deadline(self, *, as_of: _dt.date | None = None) -> Deadline | None:
        """The reply deadline (答复期限), derived from the history through the clock
        (:func:`~disclosure_flow.clock.compute_deadline`); ask its
        :meth:`~disclosure_flow.clock.Deadline.status` (or :meth:`status`) for working
        days used and left on a date.

        ``None`` while day 0 is unconfirmed (Art. 31). While a correction is awaited the
        deadline is open (the period restarts when the corrected application arrives,
        Art. 30), and so while a consultation or a fee notice runs (paused).

        Args:
            as_of: use only the events recorded by the end of this day (the deadline as
                it stood then); default: the whole history.

        Raises:
            InvalidDateError: *as_of* is not a ``datetime.date``.
            CoverageError: the calendar lacks the days needed (strict calendar).
        """
        if as_of is not None:
            as_of = check_date(as_of, "as_of")
            last_day = self._last_day()
            if last_day is not None and last_day > as_of:
                facts = self._facts_until(as_of)
                if facts.day0 is None:
                    return None
                return _compute(facts, self._policy, self._calendar, note=self._day0_note)
        if self._facts.day0 is None:
            return None
        return _compute(self._facts, self._policy, self._calendar, note=self._day0_note)

    @property
    def _day0_note(self) -> str:
        return self._channel.label_zh

    def status(self, as_of: _dt.date) -> DeadlineStatus | None:
        """Where the reply deadline stands at the end of *as_of* (期限状态): working days
        used and left, overdue, paused. For a case that ended without a reply, measured
        on the day it ended. ``None`` without a day 0 by then.

        Raises:
            InvalidDateError: *as_of* is not a ``datetime.date``.
            ClockError: *as_of* is before day 0.
        """
        as_of = check_date(as_of, "as_of")
        deadline = self.deadline(as_of=as_of)
        if deadline is None:
            return None
        if self._state in _ENDINGS:
            last_day = self._last_day()
            if last_day is not None and last_day < as_of:
                as_of = last_day
        return deadline.status(as_of)

    def sub_deadlines(self) -> tuple[SubDeadline, ...]:
        """The shorter periods running in the current state (子期限): the correction
        notice's (Art. 30) before one is sent, the applicant's correction period, each
        open consultation's answer period (Art. 32, 34), the fee payment period (FEES),
        and after delivery the remedy periods (SPEC §8)."""
        return _sub_deadlines(self)

    def findings(self, *, as_of: _dt.date | None = None) -> tuple[Finding, ...]:
        """The compliance findings (合规问题, SPEC §10) among the events recorded by the end
        of *as_of* (default: all): a late reply, and any act after its period.
        Recomputed with the current calendar."""
        deadline = self.deadline(as_of=as_of)
        return () if deadline is None else deadline.findings

    @property
    def outcome(self) -> Outcome | None:
        """How the request ended (办理结果): the reply's outcome, or for an ending without
        a reply its （六）其他处理 outcome; ``None`` while open."""
        if self._facts.reply is not None:
            return self._facts.reply.outcome
        return _ENDING_OUTCOMES.get(self._state)

    # -- serialization -------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict with the schema tag :data:`SCHEMA`; read back with
        :meth:`from_dict`. The calendar is not included."""
        return {
            "schema": SCHEMA,
            "id": self._id,
            "policy": self._policy.name,
            "channel": self._channel.value,
            "applicant": self._applicant.to_dict(),
            "request": self._request.to_dict(),
            "state": self._state.value,
            "version": self.version,
            "events": [_event_to_dict(e) for e in self._events()],
        }

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, Any],
        *,
        calendar: WorkdayCalendar,
        policies: Iterable[Policy] = _DEFAULT_POLICIES,
    ) -> Case:
        """Restore a case from :meth:`to_dict` by replaying its history.

        Every event goes through the lifecycle again (guards included, except those that
        depend on the calendar: see the module docs); its recorded state before and
        after and its version must agree with the replay, and so must the stored state
        and version.

        Args:
            data: the dict.
            calendar: the calendar to compute with from now on.
            policies: the policies a stored policy name may refer to.

        Raises:
            SerializationError: *data* is malformed, or disagrees with its replay; the
                error names the path (e.g. ``"events[3].after"``).
        """
        return _restore(cls, data, calendar, policies)


def _event_to_dict(e: CaseEvent) -> dict[str, Any]:
    out: dict[str, Any] = {
        "event": e.event.value,
        "date": e.day.isoformat(),
        "before": e.state_before.value,
        "after": e.state_after.value,
        "version": e.version,
    }
    if e.payload:
        out["payload"] = {
            f.name: _encode(f.kind, e.payload[f.name])
            for f in _PAYLOAD[e.event]
            if f.name in e.payload
        }
    if e.actor is not None:
        out["actor"] = e.actor
    if e.note is not None:
        out["note"] = e.note
    return out


_CASE_KEYS = frozenset(
    {"schema", "id", "policy", "channel", "applicant", "request", "state", "version", "events"}
)
_EVENT_REQUIRED = frozenset({"event", "date", "before", "after", "version"})
_EVENT_OPTIONAL = frozenset({"payload", "actor", "note"})
_EVENT_KEYS = _EVENT_REQUIRED | _EVENT_OPTIONAL
_STATE_BY_VALUE = {s.value: s for s in CaseState}
_EVENT_BY_VALUE = {e.value: e for e in EventKind}


# Quick readers of the applicant and the request as :meth:`Case.to_dict` stores them
# (every key present, plain str keys and values). Like the payloads' quick decoders they
# decide nothing: they return ``None`` for anything else, and ``from_dict`` (which has
# the last word) reads it again; the values are built with the same validating
# constructors. A test checks that both agree.
_APPLICANT_KINDS = _fields.members_by_value(ApplicantKind)
_DOCUMENT_KINDS = _fields.members_by_value(IdentityDocumentKind)
_FORMS = _fields.members_by_value(ProvisionForm)
_DELIVERIES = _fields.members_by_value(DeliveryMethod)


def _optional(value: object) -> bool:
    """Whether *value* is ``None`` or a plain str with a non-space character."""
    return value is None or (type(value) is str and bool(value.strip()))


def _quick_applicant(raw: object) -> Applicant | None:
    if type(raw) is not dict or raw.keys() != _APPLICANT_KEYS:
        return None
    for key in raw:
        if type(key) is not str:
            return None
    kind = raw["kind"]
    name = raw["name"]
    identity = raw["identity"]
    contact = raw["contact"]
    if type(kind) is not str or type(name) is not str or not name.strip():
        return None
    kind = _APPLICANT_KINDS.get(kind)
    if kind is None or type(contact) is not dict or contact.keys() != _CONTACT_KEYS:
        return None
    for key in contact:
        if type(key) is not str:
            return None
    phone = contact["phone"]
    address = contact["address"]
    email = contact["email"]
    if not (_optional(phone) and _optional(address) and _optional(email)):
        return None
    if identity is not None:
        if type(identity) is not dict or identity.keys() != _DOCUMENT_KEYS:
            return None
        for key in identity:
            if type(key) is not str:
                return None
        document = identity["kind"]
        number = identity["number"]
        document_name = identity["document_name"]
        if type(document) is not str or type(number) is not str or not _optional(document_name):
            return None
        document = _DOCUMENT_KINDS.get(document)
        if document is None:
            return None
        identity = IdentityDocument(document, number, document_name)
    return Applicant(kind, name, identity, Contact(phone, address, email))


def _quick_request(raw: object) -> InformationRequest | None:
    if type(raw) is not dict or raw.keys() != _REQUEST_KEYS:
        return None
    for key in raw:
        if type(key) is not str:
            return None
    description = raw["description"]
    form = raw["form"]
    delivery = raw["delivery"]
    number = raw["document_number"]
    purpose = raw["purpose"]
    if type(description) is not str or not description.strip():
        return None
    if type(form) is not str or type(delivery) is not str:
        return None
    if not (_optional(number) and _optional(purpose)):
        return None
    form = _FORMS.get(form)
    delivery = _DELIVERIES.get(delivery)
    if form is None or delivery is None:
        return None
    return InformationRequest(description, form, delivery, number, purpose)


_DEFAULT_BY_NAME: Final = {p.name: p for p in _DEFAULT_POLICIES}


def _restore(
    cls: type[Case],
    data: Mapping[str, Any],
    calendar: WorkdayCalendar,
    policies: Iterable[Policy],
) -> Case:
    if not _fields.is_record(data, _CASE_KEYS, _CASE_KEYS):
        data = _fields.read_mapping(data, "case")
        _fields.check_keys(data, "case", _CASE_KEYS, frozenset())
    if data["schema"] != SCHEMA:
        raise SerializationError("case.schema", data["schema"], repr(SCHEMA))
    # Policies are frozen and their names fixed: the default tuple's index is built once.
    by_name = _DEFAULT_BY_NAME if policies is _DEFAULT_POLICIES else {p.name: p for p in policies}
    policy = by_name.get(data["policy"]) if isinstance(data["policy"], str) else None
    if policy is None:
        raise SerializationError(
            "case.policy", data["policy"], "one of " + ", ".join(repr(n) for n in by_name)
        )
    channel = _fields.read_enum(data, "channel", "case", Channel)
    try:
        case_id = _fields.read_text(data, "id", "case")
        applicant = _quick_applicant(data["applicant"])
        if applicant is None:
            applicant = Applicant.from_dict(data["applicant"], path="case.applicant")
        request = _quick_request(data["request"])
        if request is None:
            request = InformationRequest.from_dict(data["request"], path="case.request")
        if cls is Case and isinstance(policy, Policy) and isinstance(calendar, WorkdayCalendar):
            # All that Case.__init__ checks holds already: the id is a non-empty str, and
            # the applicant, request and channel were just read as such.
            case = Case.__new__(Case)
            case._id = case_id
            case._applicant = applicant
            case._request = request
            case._channel = channel
            case._policy = policy
            case._calendar = calendar
            case._state = _INITIAL
            case._history = []
            case._log = None
            case._facts = _Facts()
        else:
            case = cls(
                case_id,
                applicant=applicant,
                request=request,
                channel=channel,
                policy=policy,
                calendar=calendar,
            )
    except InvalidValueError as error:
        raise SerializationError(f"case.{error.field}", error.value, error.allowed) from None
    events = data["events"]
    if not isinstance(events, list) or not events:
        raise SerializationError("case.events", events, "a non-empty list of events")
    facts = case._facts
    state = case._state
    log: list[_Row] = []
    last_day = _dt.date.min
    # Keys are the stored strings: their hashes are cached, unlike enum members'; and
    # ``dest.value`` is read from the table (an enum's ``.value`` is a slow descriptor).
    event_by_value, day_cache = _EVENT_BY_VALUE, _DAY_CACHE
    allowed_keys, n_required = _EVENT_KEYS, len(_EVENT_REQUIRED)
    append = log.append
    state_value: str = _INITIAL_VALUE if state is _INITIAL else state.value
    steps = _REPLAY_STEPS[state_value]
    # One pending event, refilled for each event: guards, routes and folds read it and
    # keep none of it (they copy the values they record).
    pending = _Pending(EventKind.REGISTER, last_day, _EMPTY)
    payload: Mapping[str, Any]
    for version, raw in enumerate(events, 1):
        # A dict whose required keys are all found has all of them; with as many keys
        # as required, it has no other (the test ``raw.keys() == required``, cheaper).
        try:
            if type(raw) is not dict:
                raise KeyError
            n_keys = len(raw)
            name = raw["event"]
            text = raw["date"]
            before = raw["before"]
            after = raw["after"]
            stored_version = raw["version"]
            if n_keys != n_required and not raw.keys() <= allowed_keys:
                raise KeyError
        except KeyError:
            path = f"case.events[{version - 1}]"
            raw = _fields.read_mapping(raw, path)
            _fields.check_keys(raw, path, _EVENT_REQUIRED, _EVENT_OPTIONAL)
            n_keys = len(raw)
            name = raw["event"]
            text = raw["date"]
            before = raw["before"]
            after = raw["after"]
            stored_version = raw["version"]
        step = steps.get(name) if type(name) is str else None
        if step is None:
            if type(name) is not str or name not in event_by_value:
                raise SerializationError(_at(version, "event"), name, "an EventKind value")
            raise SerializationError(
                _at(version, "event"),
                name,
                f"an event allowed in {state_value}: {_allowed_list(state)}",
            )
        kind, needs_payload, quick_fields, payload_names, fold, branches, single = step
        day = day_cache.get(text) if type(text) is str else None
        if day is None:
            day = _read_day(text, _at(version, "date"))
        if day < last_day:
            raise SerializationError(_at(version, "date"), text, f"on or after {last_day}")
        if before != state_value:
            raise SerializationError(_at(version, "before"), before, repr(state_value))
        if stored_version != version or type(stored_version) is not int:
            raise SerializationError(_at(version, "version"), stored_version, str(version))
        if n_keys == n_required:  # no payload, actor or note
            payload = (
                _read_payload(kind, None, _at(version, "payload")) if needs_payload else _EMPTY
            )
            actor = note = None
        else:
            raw_payload = raw.get("payload")
            if raw_payload is not None or needs_payload:
                quick = _quick_payload(quick_fields, payload_names, raw_payload)
                if quick is None:
                    quick = _read_payload(kind, raw_payload, _at(version, "payload"))
                payload = quick or _EMPTY
            else:
                payload = _EMPTY
            if n_keys == n_required + 1 and raw_payload is not None:  # no actor or note
                actor = note = None
            else:
                actor = raw.get("actor")
                if actor is not None and not _text(actor):
                    raise SerializationError(
                        _at(version, "actor"), actor, "null or a non-empty string"
                    )
                note = raw.get("note")
                if note is not None and not _text(note):
                    raise SerializationError(
                        _at(version, "note"), note, "null or a non-empty string"
                    )
        pending.event, pending.day, pending.payload = kind, day, payload
        if single is not None:  # one branch, no routing: its guards decide
            dest, dest_value, guards, next_steps = single
        else:
            for branch in branches:
                for route in branch[2]:
                    if not route(case, pending):
                        break
                else:
                    dest, dest_value, _routes, guards, next_steps = branch
                    break
            else:
                raise SerializationError(_at(version, "after"), after, repr(None))
        for guard in guards:
            refusal = guard(case, pending)
            if refusal is not None:
                raise SerializationError(
                    f"case.events[{version - 1}]",
                    name,
                    f"an event the law allows ({refusal.reason})",
                )
        if after != dest_value:
            raise SerializationError(_at(version, "after"), after, repr(dest_value))
        if fold is not None:
            fold(facts, pending, channel)
        if actor is None and note is None:
            append((kind, day, dest, payload))
        else:
            append((kind, day, dest, payload, actor, note))
        state = dest
        state_value = dest_value
        steps = next_steps
        last_day = day
    if data["state"] != state_value:
        raise SerializationError("case.state", data["state"], repr(state_value))
    if data["version"] != len(log) or type(data["version"]) is not int:
        raise SerializationError("case.version", data["version"], str(len(log)))
    # Validated in full: only now does the case take its state and history.
    case._state = state
    case._history = None
    case._log = log
    return case


def _materialise(log: list[_Row]) -> list[CaseEvent]:
    """The CaseEvent objects of compact rows (states before and versions follow from
    the order; payloads become read-only views)."""
    history: list[CaseEvent] = []
    before = _INITIAL
    for version, row in enumerate(log, 1):
        after = row[2]
        payload = row[3]
        history.append(
            CaseEvent(
                row[0],
                row[1],
                before,
                after,
                version,
                MappingProxyType(payload) if payload else _EMPTY,
                *row[4:],
            )
        )
        before = after
    return history


def _at(version: int, key: str) -> str:
    return f"case.events[{version - 1}].{key}"


_REQUIRES_PAYLOAD = frozenset(
    e for e, fields in _PAYLOAD.items() if any(f.required for f in fields)
)


def _read_payload(kind: EventKind, raw: object, path: str) -> dict[str, Any]:
    fields, names = _PAYLOAD_READERS[kind.value]
    if raw is None:
        raw = {}
    if type(raw) is not dict:
        raise SerializationError(path, raw, "a mapping")
    if not raw.keys() <= names:
        for key in raw:
            if key not in names:
                allowed = "particulars " + (", ".join(sorted(names)) or "none")
                raise SerializationError(f"{path}.{key}", raw[key], allowed)
    values: dict[str, Any] = {}
    for name, required, decode, what in fields:
        value = raw.get(name)
        if value is None:
            if required:
                raise SerializationError(f"{path}.{name}", None, f"a {what}")
            continue
        values[name] = decode(value, f"{path}.{name}")
    return values


class SubDeadlineKind(enum.Enum):
    """Which shorter period (子期限种类).

    Members:
        CORRECTION_NOTICE: the agency's period to send a correction notice (补正告知期限,
            Art. 30), from day 0.
        CORRECTION: the applicant's period to correct, set by the agency (补正期限).
        THIRD_PARTY_ANSWER: a third party's answer period (第三方答复期限, Art. 32).
        INTER_AGENCY_ANSWER: another agency's answer period (其他机关答复期限, Art. 34).
        FEE_PAYMENT: the applicant's payment period (缴费期限, FEES).
        RECONSIDERATION: the applicant's period to apply for reconsideration
            (行政复议申请期限), from delivery.
        LITIGATION: the applicant's period to sue (起诉期限), from delivery.
    """

    CORRECTION_NOTICE = "correction_notice"
    CORRECTION = "correction"
    THIRD_PARTY_ANSWER = "third_party_answer"
    INTER_AGENCY_ANSWER = "inter_agency_answer"
    FEE_PAYMENT = "fee_payment"
    RECONSIDERATION = "reconsideration"
    LITIGATION = "litigation"


@attrs.frozen
class SubDeadline:
    """A shorter period running in the case's current state (子期限).

    Attributes:
        kind: which period.
        due: its last day (to the end of that day).
        about: whom it concerns (the consultee), if anyone in particular.
        end: the period's computation (start, legal source, provisional range), or
            ``None`` for a period the agency set itself (the correction period).
    """

    kind: SubDeadlineKind
    due: _dt.date
    about: str | None = None
    end: PeriodEnd | None = None


def _sub_deadlines(case: Case) -> tuple[SubDeadline, ...]:
    facts, policy, calendar, state = case._facts, case._policy, case._calendar, case._state
    found: list[SubDeadline] = []

    def add(
        kind: SubDeadlineKind, period: PeriodKind, start: _dt.date, about: str | None = None
    ) -> None:
        if getattr(policy, period.value) is not None:
            end = period_end(period, start, policy=policy, calendar=calendar)
            found.append(SubDeadline(kind, end.due, about, end))

    if state in (CaseState.REGISTERED, CaseState.UNDER_REVIEW) and facts.correction is None:
        assert facts.day0 is not None
        add(SubDeadlineKind.CORRECTION_NOTICE, PeriodKind.CORRECTION_NOTICE, facts.day0)
    elif state is CaseState.AWAITING_CORRECTION:
        assert facts.correction is not None
        found.append(SubDeadline(SubDeadlineKind.CORRECTION, facts.correction.due))
    elif state is CaseState.CONSULTING:
        for c in facts.consultations:
            if c.is_open:
                kind = (
                    SubDeadlineKind.THIRD_PARTY_ANSWER
                    if c.party is ConsultedParty.THIRD_PARTY
                    else SubDeadlineKind.INTER_AGENCY_ANSWER
                )
                add(kind, _answer_kind(c), c.letter_received, c.consultee)
    elif state is CaseState.AWAITING_PAYMENT:
        assert facts.fee is not None
        add(SubDeadlineKind.FEE_PAYMENT, PeriodKind.FEE_PAYMENT, facts.fee.notice_received)
    elif state is CaseState.DELIVERED:
        assert facts.delivered is not None
        add(SubDeadlineKind.RECONSIDERATION, PeriodKind.RECONSIDERATION, facts.delivered)
        add(SubDeadlineKind.LITIGATION, PeriodKind.LITIGATION, facts.delivered)
    return tuple(found)


_ENDINGS = frozenset(
    {CaseState.ABANDONED_NO_CORRECTION, CaseState.ABANDONED_NO_PAYMENT, CaseState.WITHDRAWN}
)
_ENDING_OUTCOMES = {
    CaseState.ABANDONED_NO_CORRECTION: Outcome(
        OutcomeKind.OTHER_HANDLING, OutcomeReason.CORRECTION_LAPSED
    ),
    CaseState.ABANDONED_NO_PAYMENT: Outcome(OutcomeKind.OTHER_HANDLING, OutcomeReason.FEE_LAPSED),
    CaseState.WITHDRAWN: Outcome(OutcomeKind.OTHER_HANDLING, OutcomeReason.WITHDRAWN),
}
