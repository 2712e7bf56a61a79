"""Fuzz: hostile input never escapes as a builtin, changes nothing, and leaks no identity.

Real stored forms — :meth:`Case.to_dict` of cases in every state, the report records
made from them, overlay TOML files — are mutated by hypothesis: keys and values
replaced, deleted, inserted or renamed, with huge ints, deep nesting, wrong types,
floats and NaN, long strings, odd date forms, and real resident ID numbers, unified
social credit codes and mobile numbers. Then:

- only :class:`~disclosure_flow.errors.DisclosureFlowError` subclasses escape the
  readers (:meth:`Case.from_dict`, :meth:`ReportRecord.from_dict`,
  :func:`read_records`, :meth:`Overlay.from_toml`), a restored case's own reads, and
  events applied to a case;
- a refused event leaves ``case.to_dict()`` as it was; a refused restore leaves no
  invalid date in the readers' caches, and reading the same input again gives the
  same answer (nothing depends on what was read before);
- no error message (``str``, ``repr`` or ``localized("zh")``) holds an identity
  number, a phone number or an e-mail address that was in the input, and the Chinese
  message holds no English sentence.

Examples per test are bounded (a few thousand in all; derandomized under ``CI`` by
``tests/conftest.py``). ``DISCLOSURE_FLOW_FUZZ_EXAMPLES=100000`` runs that many per test.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import os
import re
import tomllib
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from disclosure_flow import (
    DisclosureFlowError,
    Overlay,
    ReportRecord,
    read_records,
    resident_id_check_character,
    social_credit_check_character,
)
from disclosure_flow.cases import (
    Applicant,
    ApplicantKind,
    Case,
    CaseState,
    Channel,
    ConsultationAnswer,
    ConsultedParty,
    Contact,
    DeliveryMethod,
    Dispatch,
    EventKind,
    FeeMethod,
    IdentityDocument,
    IdentityDocumentKind,
    InformationRequest,
    LitigationRoute,
    Outcome,
    OutcomeKind,
    OutcomeReason,
    ProvisionForm,
    RemedyOrder,
    RemedyResult,
)
from disclosure_flow.cases import payloads as _payloads
from disclosure_flow.reports import record_from_case
from tests.cases.test_lifecycle import CALENDAR, DAY0, PATHS
from tests.test_errors_zh import english_in

D = dt.date
S = CaseState

_EXAMPLES = int(os.environ.get("DISCLOSURE_FLOW_FUZZ_EXAMPLES", "0"))


def _budget(default: int) -> settings:
    """*default* examples (``DISCLOSURE_FLOW_FUZZ_EXAMPLES`` overrides), no deadline."""
    return settings(
        max_examples=_EXAMPLES or default,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# -- identity data ---------------------------------------------------------------------

_REGIONS = ["110105", "310104", "440305", "510107", "650102", "632901"]


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    """A valid 18-character resident ID number (GB 11643-1999)."""
    region = draw(st.sampled_from(_REGIONS))
    birth = draw(st.dates(D(1930, 1, 1), D(2008, 12, 31))).strftime("%Y%m%d")
    first17 = f"{region}{birth}{draw(st.integers(0, 999)):03d}"
    return first17 + resident_id_check_character(first17)


_USCC_BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@st.composite
def social_credit_codes(draw: st.DrawFn) -> str:
    """A valid unified social credit code (GB 32100-2015)."""
    head = draw(st.sampled_from(["91", "12", "52", "Y1"]))
    region = draw(st.sampled_from(_REGIONS))
    body = draw(st.text(_USCC_BODY, min_size=9, max_size=9))
    first17 = head + region + body
    return first17 + social_credit_check_character(first17)


mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
emails = st.builds(
    "{}{}@example.com".format,
    st.from_regex(r"[a-z]{3,8}", fullmatch=True),
    st.integers(0, 99),
)


@st.composite
def secrets(draw: st.DrawFn) -> list[str]:
    """Identity numbers, codes, phones and e-mails planted in one example's input."""
    return [
        draw(resident_ids()),
        draw(resident_ids()),
        draw(social_credit_codes()),
        draw(mobiles),
        draw(mobiles),
        draw(emails),
    ]


def _check_message(error: BaseException, planted: list[str]) -> None:
    """*error* is the library's own, shows none of *planted*, and speaks Chinese too
    (its Chinese message holds no English sentence)."""
    if not isinstance(error, DisclosureFlowError):
        raise AssertionError(f"a builtin escaped: {type(error).__name__}") from error
    zh = error.localized("zh")
    for text in (str(error), repr(error), zh):
        assert len(text) < 6000, text[:300]
        for secret in planted:
            assert secret not in text, (secret, text[:500])
    assert english_in(zh) is None, zh[:500]


# -- hostile values --------------------------------------------------------------------


def _nested(depth: int, kind: str) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value] if kind == "list" else {"k": value}
    return value


_FIXED_HOSTILE: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1,
    2**63,
    -(2**63) - 1,
    10**30,
    10**5000,
    -(10**5000),
    1.5,
    -0.0,
    1e308,
    float("nan"),
    float("inf"),
    float("-inf"),
    "",
    " ",
    "\x00",
    "\u2028",
    "null",
    "2026-W10-2",
    "2026-W102",
    "2026-062",
    "20260303",
    "2026-03-03T00:00",
    "2026-3-3",
    "2026-02-30",
    "２０２６-03-03",
    "9999-12-31",
    "0001-01-01",
    [],
    {},
    [[]],
    {"": None},
]


def hostile(planted: list[str], pool: list[Any], *, depth: int = 900) -> st.SearchStrategy[Any]:
    """A value to put where it does not belong: from *planted* identity data, the
    *pool* of values found elsewhere in the same stored form, or plain hostility."""
    planted_values = st.sampled_from(planted)
    leaf = st.one_of(
        st.sampled_from(_FIXED_HOSTILE).map(copy.deepcopy),  # a fresh [] each time
        st.integers(),
        st.floats(),
        st.text(max_size=20),
        planted_values,
        planted_values.map(lambda s: int(s) if s.isdigit() else s),
        planted_values.map(lambda s: f"申请人{s}，电话"),
        st.integers(100, 100_000).map(lambda n: "长" * n),
        st.tuples(planted_values, st.integers(100, 5000)).map(lambda t: "x" * t[1] + t[0]),
        st.dates(D(1999, 1, 1), D(2027, 12, 31)).map(D.isoformat),
        st.sampled_from(pool) if pool else st.none(),
    )
    deep = st.tuples(st.integers(1, depth), st.sampled_from(["list", "dict"])).map(
        lambda t: _nested(*t)
    )
    small = st.one_of(
        st.lists(leaf, max_size=3),
        st.dictionaries(st.text(max_size=8) | planted_values, leaf, max_size=3),
    )
    return st.one_of(leaf, leaf, leaf, small, deep)


def hostile_keys(planted: list[str], pool: list[str]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.text(max_size=12),
        st.sampled_from(planted),
        st.sampled_from(pool) if pool else st.just("x"),
        st.sampled_from([1, None, "x" * 10_000]),
    )


# -- mutating a stored form --------------------------------------------------------------


def _places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path into *value* (the root included)."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _places(item, (*path, index))


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [x for v in value.values() for x in _leaves(v)]
    if isinstance(value, list):
        return [x for v in value for x in _leaves(v)]
    return [value]


def _keys(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [*value, *(k for v in value.values() for k in _keys(v))]
    if isinstance(value, list):
        return [k for v in value for k in _keys(v)]
    return []


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


@st.composite
def mutated(
    draw: st.DrawFn, base: Any, planted: list[str], *, depth: int = 900, max_changes: int = 3
) -> Any:
    """*base* (copied) with one to *max_changes* hostile changes, or rarely something
    else altogether."""
    pool = [v for v in _leaves(base) if isinstance(v, str | int | float | bool)]
    key_pool = sorted(set(_keys(base)))
    values = hostile(planted, pool, depth=depth)
    keys = hostile_keys(planted, key_pool)
    if draw(st.integers(0, 49)) == 0:
        return draw(values)
    data = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, max_changes))):
        places = [p for p in _places(data) if _is_plain(data, p)]
        path = draw(st.sampled_from(places))
        target = _get(data, path)
        operation = draw(st.sampled_from(["replace", "replace", "delete", "insert", "rename"]))
        if not path:
            operation = "insert"
        if operation == "insert" and not isinstance(target, dict | list):
            operation = "replace"
        if operation == "insert":
            if isinstance(target, dict):
                target[draw(keys)] = draw(values)
            else:
                target.insert(draw(st.integers(0, len(target))), draw(values))
            continue
        parent, last = _get(data, path[:-1]), path[-1]
        if operation == "delete":
            del parent[last]
        elif operation == "rename" and isinstance(parent, dict):
            parent[draw(keys)] = parent.pop(last)
        else:
            parent[last] = draw(values)
    return data


def _is_plain(data: Any, path: tuple[Any, ...]) -> bool:
    """Whether *path* runs only through the stored form (not into a planted value)."""
    target = data
    for key in path:
        if not isinstance(target, dict | list):
            return False
        if isinstance(target, dict) and not isinstance(key, str):
            return False
        target = target[key]
    return _depth_at_most(target, 12)


def _depth_at_most(value: Any, limit: int) -> bool:
    while isinstance(value, dict | list) and value:
        if limit == 0:
            return False
        limit -= 1
        value = next(iter(value.values())) if isinstance(value, dict) else value[0]
    return True


def _in_frames(frames: int, call: Callable[[], Any]) -> Any:
    """*call* run *frames* Python frames down (a host's web stack)."""
    if frames == 0:
        return call()
    return _in_frames(frames - 1, call)


# -- real cases ------------------------------------------------------------------------


def _applicant(kind: ApplicantKind, number: str, phone: str, email: str) -> Applicant:
    document = (
        IdentityDocumentKind.UNIFIED_SOCIAL_CREDIT_CODE
        if kind.is_organization
        else IdentityDocumentKind.RESIDENT_ID_CARD
    )
    return Applicant(
        kind,
        "某某科技有限公司" if kind.is_organization else "欧阳娜娜",
        IdentityDocument(document, number),
        Contact(phone=phone, address="北京市朝阳区某路1号", email=email),
    )


_BASE_ID = "11010519491231002X"
_BASE_CODE = "91350100M000100Y43"
_BASE_PHONE = "13812345678"
_BASE_EMAIL = "ouyang@example.com"
_BASE_SECRETS = [_BASE_ID, _BASE_CODE, _BASE_PHONE, _BASE_EMAIL]
_REQUEST = InformationRequest("2025年部门预算", ProvisionForm.PAPER, DeliveryMethod.POST)


def _open(
    channel: Channel = Channel.IN_PERSON, kind: ApplicantKind = ApplicantKind.NATURAL_PERSON
) -> Case:
    number = _BASE_CODE if kind.is_organization else _BASE_ID
    return Case.open(
        "2026-001",
        applicant=_applicant(kind, number, _BASE_PHONE, _BASE_EMAIL),
        request=_REQUEST,
        channel=channel,
        received=DAY0,
        calendar=CALENDAR,
    )


def _along(case: Case, state: CaseState) -> Case:
    for kind, offset, payload in PATHS[state]:
        case.apply(kind, DAY0 + dt.timedelta(days=offset), **payload)
    return case


def _rich_case() -> Case:
    """A case that went through most events: every kind of particular is stored."""
    case = _open(Channel.INTERNET, ApplicantKind.COMMERCIAL_ENTERPRISE)
    case.confirm_receipt(D(2026, 3, 3), note="电话确认")
    case.start_review(D(2026, 3, 4)).start_processing(D(2026, 3, 5))
    case.consult(
        D(2026, 3, 6),
        party=ConsultedParty.THIRD_PARTY,
        consultee="某公司",
        letter_received=D(2026, 3, 9),
    )
    case.consult(D(2026, 3, 9), party=ConsultedParty.OTHER_AGENCY, consultee="某局")
    case.receive_consultation_answer(
        D(2026, 3, 16), consultee="某公司", answer=ConsultationAnswer.OBJECTION, reasons="商业秘密"
    )
    case.receive_consultation_answer(
        D(2026, 3, 17), consultee="某局", answer=ConsultationAnswer.CONSENT
    )
    case.extend(D(2026, 3, 18), days=10, approver="李主任", actor="王")
    case.issue_fee_notice(
        D(2026, 3, 19), amount=300, method=FeeMethod.PER_VOLUME, notice_received=D(2026, 3, 20)
    )
    case.receive_payment(D(2026, 3, 25))
    case.reply(
        D(2026, 3, 27),
        outcome=Outcome(
            OutcomeKind.PARTIALLY_DISCLOSED,
            withheld="合同价格",
            withheld_grounds=(OutcomeReason.THIRD_PARTY_RIGHTS, OutcomeReason.STATE_SECRET),
        ),
    )
    case.deliver(D(2026, 3, 30), method=DeliveryMethod.EMAIL)
    case.file_reconsideration(D(2026, 4, 20))
    case.decide_reconsideration(D(2026, 5, 20), result=RemedyResult.CORRECTED)
    case.file_litigation(D(2026, 5, 25), route=LitigationRoute.AFTER_RECONSIDERATION)
    return case


def _other_cases() -> list[Case]:
    cases = [_along(_open(), state) for state in PATHS if state is not S.REGISTERED]
    cases.append(_open(Channel.ORDINARY_LETTER))
    corrected = _along(_open(), S.AWAITING_CORRECTION).receive_correction(D(2026, 3, 10))
    cases.append(
        corrected.reply(
            D(2026, 3, 20), outcome=Outcome(OutcomeKind.UNABLE_TO_PROVIDE, OutcomeReason.NOT_HELD)
        )
    )
    reasons = _along(_open(), S.PROCESSING).request_reasons(D(2026, 3, 5))
    cases.append(reasons.set_delayed_deadline(D(2026, 3, 6), due=D(2026, 6, 30)))
    return cases


_CASES = [_rich_case(), *_other_cases()]
_STORED = [c.to_dict() for c in _CASES]


def _plant(data: dict[str, Any], planted: list[str]) -> dict[str, Any]:
    """*data* (copied) with the applicant's identity number, phone and e-mail replaced
    by this example's (valid: the case still restores)."""
    data = copy.deepcopy(data)
    applicant = data["applicant"]
    organization = applicant["kind"] != ApplicantKind.NATURAL_PERSON.value
    applicant["identity"]["number"] = planted[2] if organization else planted[0]
    applicant["contact"]["phone"] = planted[3]
    applicant["contact"]["email"] = planted[5]
    return data


def _valid_dates(data: dict[str, Any]) -> bool:
    return all(re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", day) for day in data)


def _reads(case: Case, planted: list[str]) -> None:
    """Every read of a case raises only the library's errors, and leaks nothing."""
    last = case.history[-1].day
    reads: list[Callable[[], object]] = [
        case.deadline,
        lambda: case.status(last),
        case.sub_deadlines,
        case.findings,
        lambda: case.outcome,
        lambda: record_from_case(case),
        lambda: repr(case),
    ]
    for read in reads:
        try:
            read()
        except Exception as error:
            _check_message(error, planted)
    text = repr(case.applicant)
    for secret in planted:
        assert secret not in text


def _restore(data: Any) -> Case | BaseException:
    try:
        case: Case = _in_frames(100, lambda: Case.from_dict(data, calendar=CALENDAR))
    except Exception as error:
        return error
    return case


@_budget(1500)
@given(st.data())
def test_restoring_mutated_cases(data: st.DataObject) -> None:
    planted = [*data.draw(secrets(), label="planted"), *_BASE_SECRETS]
    base = _plant(data.draw(st.sampled_from(_STORED), label="base"), planted)
    stored = data.draw(mutated(base, planted), label="stored")
    first = _restore(stored)
    again = _restore(stored)  # the same answer: nothing depends on what came before
    assert _valid_dates(_payloads._DAY_CACHE)
    if isinstance(first, BaseException):
        event(f"refused: {type(first).__name__}")
        _check_message(first, planted)
        assert isinstance(again, type(first))
        assert getattr(again, "path", None) == getattr(first, "path", None)
        return
    event("restored")
    assert isinstance(again, Case)
    written = first.to_dict()
    assert again.to_dict() == written
    assert Case.from_dict(written, calendar=CALENDAR).to_dict() == written
    _reads(first, planted)


# -- applying hostile events -------------------------------------------------------------

_OUTCOMES = [
    Outcome(OutcomeKind.DISCLOSED, OutcomeReason.DISCLOSED),
    Outcome(OutcomeKind.WITHHELD, OutcomeReason.STATE_SECRET),
    Outcome(OutcomeKind.OTHER_HANDLING, OutcomeReason.WITHDRAWN),
    Outcome(OutcomeKind.NOT_PROCESSED, OutcomeReason.EXCESSIVE),
    Outcome(OutcomeKind.UNABLE_TO_PROVIDE, OutcomeReason.STILL_UNCLEAR),
]
_PARTS: list[Any] = [
    *ConsultedParty,
    *ConsultationAnswer,
    *FeeMethod,
    *DeliveryMethod,
    *RemedyResult,
    *LitigationRoute,
    *_OUTCOMES,
    "某局",
    "某公司",
    "李主任",
    1,
    5,
    20,
    100,
]
_NAMES = sorted({f.name for fields in _payloads._PAYLOAD.values() for f in fields})


_KIND = _payloads._Kind
_LAWFUL: dict[Any, list[Any]] = {
    _KIND.BOOL: [True, False],
    _KIND.ORDER: list(RemedyOrder),
    _KIND.FORM: list(ProvisionForm),
    _KIND.ITEMS: [(("某项", o),) for o in _OUTCOMES[:2]],
    _KIND.TEXT: ["某局", "某公司", "李主任", "身份证明"],
    _KIND.INT: [1, 5, 10, 20, 100, 300],
    _KIND.PARTY: list(ConsultedParty),
    _KIND.ANSWER: list(ConsultationAnswer),
    _KIND.RESULT: list(RemedyResult),
    _KIND.ROUTE: list(LitigationRoute),
    _KIND.OUTCOME: _OUTCOMES,
    _KIND.DELIVERY: list(DeliveryMethod),
    _KIND.FEE_METHOD: list(FeeMethod),
}


@st.composite
def events(draw: st.DrawFn, case: Case, planted: list[str]) -> tuple[Any, Any, dict[str, Any]]:
    """An event, a day and keyword arguments for :meth:`Case.apply`: half of them an
    event the case's state allows with particulars of the right types (some lawful,
    some carrying identity data as text, some with one hostile part), half hostile."""
    values = hostile(planted, [], depth=900)
    last = case.history[-1].day
    near = st.integers(-3, 60).map(lambda n: last + dt.timedelta(days=n))
    allowed = sorted(case.allowed_events(), key=lambda e: e.value)
    kwargs: dict[str, Any]
    lawful = draw(st.booleans())
    if allowed and lawful:
        kind: Any = draw(st.sampled_from(allowed))
        day: Any = draw(near)
        kwargs = {}
        for f in _payloads._PAYLOAD[kind]:
            if f.required or draw(st.booleans()):
                if f.kind is _KIND.DATE:
                    kwargs[f.name] = draw(near)
                elif f.kind is _KIND.TEXT:
                    kwargs[f.name] = draw(st.sampled_from([*_LAWFUL[f.kind], *planted]))
                else:
                    kwargs[f.name] = draw(st.sampled_from(_LAWFUL[f.kind]))
        if kwargs and draw(st.integers(0, 3)) == 0:
            kwargs[draw(st.sampled_from(sorted(kwargs)))] = draw(values)
    else:
        kind = draw(st.sampled_from([*EventKind, *(e.value for e in EventKind)]) | values)
        day = draw(
            st.one_of(
                near,
                st.sampled_from([D.max, D.min, dt.datetime(2026, 3, 9, 9), D(2100, 1, 1)]),
                values,
            )
        )
        parts = st.one_of(st.sampled_from(_PARTS), near, values)
        kwargs = draw(st.dictionaries(st.sampled_from(_NAMES), parts, max_size=4))
    option = st.sampled_from(["expected_version", "actor", "note", "dispatch", "extra"])
    for name in draw(st.lists(option, max_size=2, unique=True)):
        if name == "expected_version":
            kwargs[name] = draw(st.sampled_from([case.version, case.version - 1]) | values)
        elif name == "dispatch":
            kwargs[name] = draw(st.sampled_from(list(Dispatch)) | values)
        else:
            kwargs[name] = draw(st.sampled_from(planted) | values)
    return kind, day, kwargs


@_budget(800)
@given(st.data())
def test_applying_hostile_events(data: st.DataObject) -> None:
    planted = [*data.draw(secrets(), label="planted"), *_BASE_SECRETS]
    stored = _plant(data.draw(st.sampled_from(_STORED), label="base"), planted)
    case = Case.from_dict(stored, calendar=CALENDAR)
    for _ in range(data.draw(st.integers(1, 3), label="events")):
        before = case.to_dict()
        kind, day, kwargs = data.draw(events(case, planted), label="event")
        try:
            _in_frames(100, lambda: case.apply(kind, day, **kwargs))  # noqa: B023 - run now
        except Exception as error:
            event(f"refused: {type(error).__name__}")
            _check_message(error, planted)
            assert case.to_dict() == before  # a refused event changes nothing
            continue
        event("applied")
        written = case.to_dict()
        assert Case.from_dict(written, calendar=CALENDAR).to_dict() == written
        _reads(case, planted)


# -- report records ------------------------------------------------------------------------

_RECORDS = [record_from_case(c).to_dict() for c in _CASES]


@_budget(600)
@given(st.data())
def test_reading_mutated_record_dicts(data: st.DataObject) -> None:
    planted = data.draw(secrets(), label="planted")
    base = {**data.draw(st.sampled_from(_RECORDS), label="base"), "case_id": planted[3]}
    stored = data.draw(mutated(base, planted), label="stored")
    try:
        record = _in_frames(100, lambda: ReportRecord.from_dict(stored))
    except Exception as error:
        event(f"refused: {type(error).__name__}")
        _check_message(error, planted)
        return
    event("read")
    assert ReportRecord.from_dict(record.to_dict()) == record


def _json_line(value: Any) -> str | None:
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):  # not JSON (a non-str key, an int too long to write)
        return None


@_budget(300)
@given(st.data())
def test_reading_mutated_json_lines(data: st.DataObject) -> None:
    planted = data.draw(secrets(), label="planted")
    lines: list[str] = []
    for _ in range(data.draw(st.integers(1, 3), label="lines")):
        base = data.draw(st.sampled_from(_RECORDS), label="base")
        # Nesting kept shallow here; deep nesting has its own test at the end.
        line = _json_line(data.draw(mutated(base, planted, depth=50), label="record"))
        if line is None or data.draw(st.booleans(), label="cut"):
            line = data.draw(st.text(max_size=40), label="text") + (line or "")[:60]
        lines.append(line)
    try:
        records = _in_frames(100, lambda: list(read_records(lines)))
    except Exception as error:
        _check_message(error, planted)
        return
    for record in records:
        assert ReportRecord.from_dict(record.to_dict()) == record


# -- overlay files ---------------------------------------------------------------------------

_TOML = [
    """
name = "临夏回族自治州"
scope = "local"

[[entry]]
date = 2026-11-19
kind = "day_off"
label = "建州纪念日"
source = "临夏州人民政府通知"

[[entry]]
date = "2026-11-21"
kind = "working_day"
label = "调休上班"
source = "https://example.gov.cn/notice"
status = "estimated"
""",
    """
name = "临夏州（每年）"

[[recurring]]
month = 11
day = 19
years = [2024, 2030]
on_weekend = "next_monday"
kind = "day_off"
label = "建州纪念日"
source = "《临夏回族自治州自治条例》"
""",
    """
name = "国务院办公厅关于2027年部分节假日安排的通知"
scope = "national"
covers = [2027]

[[entry]]
date = 2027-01-01
kind = "day_off"
label = "元旦"
source = "国办发明电〔2026〕1号"
""",
]
_OVERLAY_DATA = [tomllib.loads(text) for text in _TOML]


def _toml_value(value: Any) -> str:
    """*value* written as a TOML value (inline tables and arrays)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        items = (f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    raise TypeError(type(value).__name__)


def _toml_key(key: Any) -> str:
    return json.dumps(str(key), ensure_ascii=False)


def _toml(data: Any) -> str | None:
    """*data* as a TOML document, or ``None`` where TOML has no form for it (``None``
    values, a top level that is not a table, ints too long to write)."""
    if not isinstance(data, dict):
        return None
    try:
        return "\n".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in data.items())
    except (TypeError, ValueError):
        return None


@_budget(500)
@given(st.data())
def test_reading_mutated_overlay_toml(data: st.DataObject) -> None:
    planted = data.draw(secrets(), label="planted")
    base = data.draw(st.sampled_from(_OVERLAY_DATA), label="base")
    changed = data.draw(mutated(base, planted, depth=30), label="overlay")
    text = _toml(changed)
    if text is None or data.draw(st.integers(0, 9), label="raw") == 0:
        source = text or _TOML[0]
        cut = data.draw(st.integers(0, len(source)), label="at")
        text = source[:cut] + data.draw(st.text(max_size=10), label="inserted") + source[cut:]
    try:
        overlay = _in_frames(100, lambda: Overlay.from_toml(text))
    except DisclosureFlowError as error:
        event(f"refused: {type(error).__name__}")
        _check_message(error, planted)
        return
    event("read")
    assert Overlay.from_dict(overlay.to_dict()) == overlay


# -- inputs that once escaped as builtins: each is a library error now ----------------------

_RECURRING = """
name = "x"
[[recurring]]
month = {month}
day = 1
years = {years}
label = "a"
source = "b"
"""


def test_overlay_recurring_with_a_huge_month() -> None:
    with pytest.raises(DisclosureFlowError):
        Overlay.from_toml(_RECURRING.format(month=10**20, years="[2024, 2025]"))


def test_overlay_covers_holding_a_list() -> None:
    with pytest.raises(DisclosureFlowError):
        Overlay.from_toml('name = "x"\nscope = "national"\ncovers = [[2027]]')


def test_overlay_toml_nested_deeply() -> None:
    with pytest.raises(DisclosureFlowError):
        Overlay.from_toml('name = "x"\nentry = ' + "[" * 2000 + "]" * 2000)


def test_json_lines_nested_deeply() -> None:
    with pytest.raises(DisclosureFlowError):
        list(read_records(['{"case_id": ' + "[" * 100_000 + "]" * 100_000 + "}"]))


def test_json_lines_with_an_int_too_long_to_read() -> None:
    with pytest.raises(DisclosureFlowError):
        list(read_records(['{"case_id": "A", "fee_yuan": 1' + "0" * 5000 + "}"]))


def test_overlay_dates_are_plain_iso() -> None:
    with pytest.raises(DisclosureFlowError):
        Overlay.from_toml(
            'name = "x"\n[[entry]]\ndate = "2026-W10-2"\nkind = "day_off"\n'
            'label = "a"\nsource = "b"'
        )
