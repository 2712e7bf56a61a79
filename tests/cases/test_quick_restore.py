"""The quick restore decoders (:mod:`disclosure_flow.cases.quick_restore`) agree with the
general readers they stand for (:mod:`disclosure_flow.cases.payloads`, and
``Case.from_dict``'s applicant and request readers): the same value, or they give up and
the general reader has the last word."""

from __future__ import annotations

import datetime as dt
import enum
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_flow import (
    InvalidValueError,
    SerializationError,
)
from disclosure_flow.cases import (
    Applicant,
    Case,
    CaseState,
    EventKind,
    InformationRequest,
    Outcome,
    OutcomeKind,
    OutcomeReason,
)
from disclosure_flow.cases import dispatch as _dispatch
from disclosure_flow.cases import payloads as _payloads
from disclosure_flow.cases import quick_restore as _quick
from tests.cases.test_lifecycle import CALENDAR, DAY0, ID_NUMBER, PHONE, new_case

D = dt.date
S = CaseState

# -- restoring fast: the quick payload decoders agree with the general readers ----------


class _Text(str):
    """A str subclass: the quick decoders leave it to the general readers."""


_DISCLOSED_DICT = Outcome(OutcomeKind.DISCLOSED, OutcomeReason.DISCLOSED).to_dict()
_PAYLOAD_VALUES = st.one_of(
    st.sampled_from(
        [
            "某局",
            "",
            " ",
            _Text("某局"),
            "2026-10-12",
            "2026-13-01",
            "2026-1-2",
            "third_party",
            "other_agency",
            "consent",
            "objection",
            "no_answer",
            "upheld",
            "pending",
            "direct",
            "email",
            "per_volume",
            "per_item",
            10,
            0,
            -3,
            True,
            1.5,
            [],
            ["x"],
            {},
            _DISCLOSED_DICT,
            {**_DISCLOSED_DICT, "extra": 1},
            {**_DISCLOSED_DICT, "note": ["unhashable"]},
            {**_DISCLOSED_DICT, "kind": "nonsense"},
        ]
    ),
    st.none(),
    st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31)).map(dt.date.isoformat),
)
_PAYLOAD_KINDS = sorted({kind for (_, kind) in _dispatch._REPLAY_TABLE})


@settings(max_examples=1500, deadline=None)
@given(st.sampled_from(_PAYLOAD_KINDS), st.data())
def test_quick_payload_agrees_with_the_general_reader(kind_value: str, data: Any) -> None:
    kind = EventKind(kind_value)
    entry = next(e for (_, k), e in _dispatch._REPLAY_TABLE.items() if k == kind_value)
    quick_fields, names = entry[2], entry[3]
    keys = [*sorted(names), "unknown"]
    raw: Any = data.draw(
        st.one_of(
            st.dictionaries(st.sampled_from(keys), _PAYLOAD_VALUES, max_size=4),
            st.sampled_from([None, [], "x"]),
        )
    )
    quick = _quick._quick_payload(quick_fields, names, raw)
    try:
        general = _payloads._read_payload(kind, raw, "payload")
    except SerializationError:
        assert quick is None
        return
    if quick is not None:
        assert quick == general
        assert list(quick) == list(general)
        for name, value in quick.items():
            assert type(value) is type(general[name])
            if isinstance(value, (enum.Enum, Outcome)):
                assert value is general[name]


def test_restoring_a_case_reads_what_it_wrote_through_both_readers() -> None:
    case = new_case()
    case.start_review(DAY0 + dt.timedelta(days=1))
    data = json.loads(json.dumps(case.to_dict()))
    assert Case.from_dict(data, calendar=CALENDAR).to_dict() == data
    # Dates not yet seen by the day cache go through the general reader first.
    _payloads._DAY_CACHE.clear()
    assert Case.from_dict(data, calendar=CALENDAR).to_dict() == data


# -- fast paths of the restore: each agrees with the general code it stands for --------

_APPLICANT_DICT = {
    "kind": "natural_person",
    "name": "张三",
    "identity": {"kind": "resident_id_card", "number": ID_NUMBER, "document_name": None},
    "contact": {"phone": PHONE, "address": None, "email": None},
}
_REQUEST_DICT = {
    "description": "2025年部门预算",
    "form": "paper",
    "delivery": "post",
    "document_number": None,
    "purpose": None,
}


class _Str(str):
    """A str subclass (the general readers accept it; the quick ones leave it to them)."""


_ODD_VALUES: st.SearchStrategy[Any] = st.sampled_from(
    [
        *(None, "", " ", "x", _Str("x"), 1, True, 1.5, [], {}),
        *("natural_person", "commercial_enterprise", "passport", "resident_id_card"),
        *("paper", "electronic", "post", "email"),
    ]
)


def _mutations(base: dict[str, Any], nested: tuple[str, ...]) -> st.SearchStrategy[Any]:
    """*base* with some keys removed, replaced, added or renamed (also in the nested dicts
    named), or something that is not a dict at all."""

    @st.composite
    def mutate(draw: st.DrawFn, data: dict[str, Any], depth: int) -> Any:
        out: dict[Any, Any] = {}
        for key, value in data.items():
            roll = draw(st.integers(0, 9))
            if roll == 0:
                continue
            if roll == 1:
                value = draw(_ODD_VALUES)
            elif roll == 2:
                key = _Str(key)
            elif isinstance(value, dict) and depth == 0 and key in nested:
                value = draw(mutate(value, 1))
            out[key] = value
        if draw(st.integers(0, 9)) == 0:
            out[draw(st.sampled_from(["extra", 1]))] = draw(_ODD_VALUES)
        return out

    return st.one_of(mutate(base, 0), _ODD_VALUES, st.just(base))


@settings(max_examples=1500, deadline=None)
@given(_mutations(_APPLICANT_DICT, ("identity", "contact")))
def test_quick_applicant_agrees_with_from_dict(raw: Any) -> None:
    quick = _quick._quick_applicant(raw)
    try:
        general = Applicant.from_dict(raw)
    except (SerializationError, InvalidValueError):
        assert quick is None
        return
    if quick is not None:
        assert quick == general
        assert type(quick.kind) is type(general.kind)
        assert type(quick.identity) is type(general.identity)
        assert type(quick.contact) is type(general.contact)


@settings(max_examples=1000, deadline=None)
@given(_mutations(_REQUEST_DICT, ()))
def test_quick_request_agrees_with_from_dict(raw: Any) -> None:
    quick = _quick._quick_request(raw)
    try:
        general = InformationRequest.from_dict(raw)
    except (SerializationError, InvalidValueError):
        assert quick is None
        return
    if quick is not None:
        assert quick == general


def test_the_quick_readers_take_what_to_dict_writes() -> None:
    applicant = _quick._quick_applicant(_APPLICANT_DICT)
    assert applicant is not None
    assert applicant == Applicant.from_dict(_APPLICANT_DICT)
    request = _quick._quick_request(_REQUEST_DICT)
    assert request is not None
    assert request == InformationRequest.from_dict(_REQUEST_DICT)
    assert _quick._quick_applicant({**_APPLICANT_DICT, "identity": None}) is not None


def test_replay_steps_are_the_replay_table_linked_by_state() -> None:
    steps = _dispatch._REPLAY_STEPS
    assert set(steps) == {s.value for s in CaseState}
    seen = 0
    for (state_value, event_value), entry in _dispatch._REPLAY_TABLE.items():
        step = steps[state_value][event_value]
        seen += 1
        assert step[:5] == entry[:5]
        branches = entry[5]
        assert [b[:4] for b in step[5]] == list(branches)
        for linked, branch in zip(step[5], branches, strict=True):
            assert linked[4] is steps[branch[1]]
        if len(branches) == 1 and not branches[0][2]:
            dest, dest_value, _routes, guards = branches[0]
            assert step[6] == (dest, dest_value, guards, steps[dest_value])
        else:
            assert step[6] is None
    assert seen == sum(len(table) for table in steps.values())


def test_a_restored_history_is_built_once_and_matches_the_original() -> None:
    case = new_case(actor="王", note="窗口")
    case.start_review(D(2026, 3, 3), note="初审")
    case.start_processing(D(2026, 3, 4))
    case.extend(D(2026, 3, 5), days=5, approver="李", actor="赵")
    back = Case.from_dict(json.loads(json.dumps(case.to_dict())), calendar=CALENDAR)
    assert back.version == case.version == 4
    first = back.history
    assert first == case.history
    assert [(e.actor, e.note) for e in first] == [(e.actor, e.note) for e in case.history]
    assert all(a is b for a, b in zip(first, back.history, strict=True))  # kept
    assert isinstance(first[3].payload, type(case.history[3].payload))
    with pytest.raises(TypeError):
        first[3].payload["days"] = 6  # type: ignore[index]  # read-only
