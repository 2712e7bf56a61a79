"""Restoring a stored case (``disclosure_flow.cases.restore``) from hostile data.

Whatever the stored dict holds, :meth:`Case.from_dict` raises a
:class:`~disclosure_flow.errors.SerializationError` naming the path, never a builtin
exception, and its message never shows the applicant's identity number, phone,
e-mail or address whole. Stored dates are exactly ``YYYY-MM-DD``. Whether a value is
accepted does not depend on what was restored before in the process.
"""

from __future__ import annotations

import copy
import sys
import types
from collections.abc import Callable
from typing import Any

import pytest

from disclosure_flow import SerializationError
from disclosure_flow.cases import Case, CaseState, Outcome, OutcomeKind, OutcomeReason
from disclosure_flow.cases import payloads as _payloads
from tests.cases.test_lifecycle import CALENDAR, ID_NUMBER, PHONE, reach

S = CaseState
EMAIL = "zhangsan@example.com"
ADDRESS = "北京市朝阳区某路1号"


def _stored(state: CaseState = S.ARCHIVED) -> dict[str, Any]:
    return reach(state).to_dict()


def _refused(data: object) -> SerializationError:
    with pytest.raises(SerializationError) as info:
        Case.from_dict(data, calendar=CALENDAR)  # type: ignore[arg-type]  # data of any shape
    return info.value


def _nested(depth: int, kind: type) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value] if kind is list else {"a": value}
    return value


def _in_frames(frames: int, call: Callable[[], Any]) -> Any:
    """*call* run *frames* Python frames down (a web framework's stack)."""
    if frames == 0:
        return call()
    return _in_frames(frames - 1, call)


# -- builtins never escape ---------------------------------------------------------------

_HUGE = 10**5000


def _at(*keys: Any) -> Callable[[dict[str, Any], object], None]:
    def put(data: dict[str, Any], value: object) -> None:
        target: Any = data
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return put


PLACES = [
    ("case version", _at("version"), "case.version"),
    ("event version", _at("events", 1, "version"), "case.events[1].version"),
    ("event date", _at("events", 1, "date"), "case.events[1].date"),
    ("state", _at("state"), "case.state"),
    ("schema", _at("schema"), "case.schema"),
    ("policy", _at("policy"), "case.policy"),
    ("id", _at("id"), "case.id"),
    ("event", _at("events", 1, "event"), "case.events[1].event"),
    ("outcome kind", _at("events", 3, "payload", "outcome", "kind"), "outcome.kind"),
    ("phone", _at("applicant", "contact", "phone"), "case.applicant.contact.phone"),
]


@pytest.mark.parametrize(("name", "put", "path"), PLACES, ids=[p[0] for p in PLACES])
@pytest.mark.parametrize(
    "value",
    [_HUGE, -_HUGE, float("nan"), float("inf"), 1e308, True],
    ids=["huge", "-huge", "nan", "inf", "1e308", "true"],
)
def test_numbers_anywhere_are_refused_with_the_path(
    name: str, put: Callable[[dict[str, Any], object], None], path: str, value: object
) -> None:
    data = _stored()
    put(data, value)
    error = _refused(data)
    assert path in error.path
    assert len(str(error)) < 400


@pytest.mark.parametrize(("name", "put", "path"), PLACES, ids=[p[0] for p in PLACES])
@pytest.mark.parametrize("kind", [list, dict])
def test_deep_values_raise_no_recursion_error_from_the_message(
    name: str, put: Callable[[dict[str, Any], object], None], path: str, kind: type
) -> None:
    data = _stored()
    put(data, _nested(900, kind))
    error = _in_frames(100, lambda: _refused(data))
    assert path in error.path
    assert len(_in_frames(100, lambda: str(error))) < 400
    _in_frames(100, lambda: repr(error))


def _frame_depth() -> int:
    depth = 0
    frame: types.FrameType | None = sys._getframe()
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return depth


def test_a_deep_value_near_the_recursion_limit() -> None:
    data = _stored()
    data["state"] = _nested(5000, list)
    depth = sys.getrecursionlimit() - _frame_depth() - 60
    assert "case.state" in _in_frames(depth, lambda: _refused(data)).path


def test_a_huge_extension_is_refused_with_a_bounded_message() -> None:
    case = reach(S.PROCESSING)
    case.extend(case.history[-1].day, days=1, approver="李主任")
    for days in (_HUGE, -_HUGE):
        data = case.to_dict()
        data["events"][-1]["payload"]["days"] = days
        error = _refused(data)
        assert error.path == "case.events[3]"
        assert "<int of 5001 digits>" in str(error)


# -- identity never shown --------------------------------------------------------------------


def _applicant_with_everything(data: dict[str, Any]) -> dict[str, Any]:
    data["applicant"]["contact"] = {"phone": PHONE, "address": ADDRESS, "email": EMAIL}
    return data


_SECRETS = (ID_NUMBER, PHONE, EMAIL, "zhangsan", ADDRESS, "朝阳")

BAD_APPLICANTS: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("int key", lambda a: a.__setitem__(1, 2), "case.applicant"),  # type: ignore[index]  # a key not a str
    ("unknown key", lambda a: a.__setitem__("address", ADDRESS), "case.applicant.address"),
    ("key is an id", lambda a: a.__setitem__(ID_NUMBER, PHONE), "case.applicant"),
    ("phone as int", lambda a: a["contact"].__setitem__("phone", int(PHONE)), "phone"),
    ("phone in a list", lambda a: a["contact"].__setitem__("phone", [PHONE]), "phone"),
    ("address in a list", lambda a: a["contact"].__setitem__("address", [ADDRESS]), "address"),
    ("email blank", lambda a: a["contact"].__setitem__("email", " "), "email"),
    ("contact not a dict", lambda a: a.__setitem__("contact", [PHONE, ADDRESS]), "contact"),
    ("contact int key", lambda a: a["contact"].__setitem__(0, EMAIL), "contact"),
    (
        "number as int",
        lambda a: a["identity"].__setitem__("number", int(ID_NUMBER[:-1] + "1")),
        "number",
    ),
    ("number in a dict", lambda a: a["identity"].__setitem__("number", {"n": ID_NUMBER}), "number"),
    ("identity not a dict", lambda a: a.__setitem__("identity", ID_NUMBER), "identity"),
    ("name blank", lambda a: a.__setitem__("name", ""), "name"),
    ("kind unknown", lambda a: a.__setitem__("kind", ID_NUMBER), "kind"),
    ("applicant not a dict", lambda a: a.clear(), "case.applicant"),
]


@pytest.mark.parametrize(
    ("name", "change", "path"), BAD_APPLICANTS, ids=[b[0] for b in BAD_APPLICANTS]
)
def test_a_malformed_applicant_shows_no_identity(
    name: str, change: Callable[[dict[str, Any]], None], path: str
) -> None:
    data = _applicant_with_everything(_stored())
    change(data["applicant"])
    if name == "applicant not a dict":
        data["applicant"] = [ID_NUMBER, PHONE, ADDRESS, EMAIL]
    error = _refused(data)
    assert path in error.path
    for text in (str(error), repr(error)):
        for secret in _SECRETS:
            assert secret not in text, text
    assert error.value is not None or "required" in error.allowed


def test_a_masked_phone_in_the_message() -> None:
    data = _stored()
    data["applicant"]["contact"]["phone"] = 13812345678
    error = _refused(data)
    assert str(error) == (
        "case.applicant.contact.phone: invalid value 138****5678; "
        "allowed: null or a non-empty string"
    )
    assert error.value == 13812345678  # the program still has the value


def test_a_long_bad_field_gives_a_short_message() -> None:
    data = _stored()
    data["applicant"]["contact"]["phone"] = ["1" * 50_000_000]
    error = _refused(data)
    assert len(str(error)) < 300
    data = _stored()
    data["events"][1]["event"] = "x" * 50_000_000
    error = _refused(data)
    assert "…(50000000 chars)" in str(error)
    assert len(str(error)) < 1000


# -- stored dates are exactly YYYY-MM-DD --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2026-W10-2",  # an ISO week date: accepted by date.fromisoformat since 3.11
        "2026-03-03T00:00",
        "20260303",
        "2026-062",
        "２０２６-03-03",
        "2026-03-03\n",
        " 2026-03-03",
        "2026-3-3",
        "2026-02-30",
    ],
)
def test_stored_dates_must_be_plain_iso(text: str) -> None:
    data = _stored()
    data["events"][1]["date"] = text
    assert _refused(data).path == "case.events[1].date"
    data = reach(S.AWAITING_CORRECTION).to_dict()
    data["events"][-1]["payload"]["due"] = text
    assert _refused(data).path == f"case.events[{len(data['events']) - 1}].payload.due"
    assert text not in _payloads._DAY_CACHE


# -- acceptance does not depend on history -----------------------------------------------


def _partial(withheld: str) -> Outcome:
    return Outcome(
        OutcomeKind.PARTIALLY_DISCLOSED,
        withheld=withheld,
        withheld_grounds=(OutcomeReason.THIRD_PARTY_RIGHTS,),
    )


def _replied_with(outcome: dict[str, Any]) -> dict[str, Any]:
    data = _stored(S.REPLIED)
    assert data["events"][-1]["event"] == "reply"
    data["events"][-1]["payload"]["outcome"] = outcome
    return data


def _accepted(data: dict[str, Any]) -> bool:
    try:
        Case.from_dict(copy.deepcopy(data), calendar=CALENDAR)
    except SerializationError:
        return False
    return True


@pytest.mark.parametrize("tuple_first", [True, False])
def test_a_tuple_of_grounds_is_judged_the_same_whatever_came_before(tuple_first: bool) -> None:
    stored = _partial(f"第三方信息 {tuple_first}").to_dict()
    as_list = _replied_with(stored)
    as_tuple = _replied_with({**stored, "withheld_grounds": tuple(stored["withheld_grounds"])})
    if tuple_first:
        answers = [_accepted(as_tuple), _accepted(as_list), _accepted(as_tuple)]
        assert answers == [False, True, False]
    else:
        answers = [_accepted(as_list), _accepted(as_tuple), _accepted(as_list)]
        assert answers == [True, False, True]
    # Outcome itself takes a tuple; its stored form is a list (the JSON array).
    assert Outcome.from_dict(stored) == _partial(f"第三方信息 {tuple_first}")
    with pytest.raises(SerializationError):
        Outcome.from_dict({**stored, "withheld_grounds": tuple(stored["withheld_grounds"])})


class _Text(str):
    """A str subclass: read_enum takes only plain strings."""


@pytest.mark.parametrize(
    "change",
    [
        {"kind": _Text("disclosed")},
        {"reason": _Text("disclosed")},
        {"withheld_grounds": None},
        {"withheld_grounds": [_Text("x")]},
        {"note": 1},
    ],
    ids=repr,
)
def test_outcome_memo_never_answers_for_a_different_value(change: dict[str, Any]) -> None:
    stored = Outcome(OutcomeKind.DISCLOSED, OutcomeReason.DISCLOSED).to_dict()
    fine = _replied_with(stored)
    odd = _replied_with({**stored, **change})
    first = _accepted(odd)
    assert _accepted(fine)
    assert _accepted(odd) == first
    try:
        Outcome.from_dict({**stored, **change})
    except SerializationError:
        general = False
    else:
        general = True
    assert first == general
