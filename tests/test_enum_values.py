"""Enum options of the public API take a member or its value (枚举选项取值), as the command
line writes it: ``Pause(start, end, "third_party")`` is ``Pause(start, end,
PauseReason.THIRD_PARTY)``. Neither a member's name nor anything else is taken, and a
wrong value is refused with an InvalidValueError that lists the values.

The last tests look at every attrs class of the public API: an enum-typed field that a
caller passes converts (no field was missed), except the results the library builds.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import inspect
import pkgutil
import types
import typing
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import disclosure_flow
from disclosure_flow import (
    DEFAULT_FEE_SCHEDULE,
    R2008,
    R2019,
    Applicant,
    ApplicantProblem,
    Case,
    IdentityDocument,
    InformationRequest,
    LegalPeriod,
    Outcome,
    Pause,
    _fields,
)
from disclosure_flow.cases import (
    ApplicantKind,
    ApplicantProblemKind,
    Channel,
    ConsultedParty,
    DeliveryMethod,
    Dispatch,
    FeeMethod,
    IdentityDocumentKind,
    OutcomeKind,
    OutcomeReason,
    ProvisionForm,
    ReportRow,
)
from disclosure_flow.clock import (
    PauseReason,
    PeriodKind,
    PeriodUnit,
    PolicyDates,
    national_calendar,
    period_end,
)
from disclosure_flow.errors import DisclosureFlowError, InvalidValueError
from disclosure_flow.reports import (
    ProceedingKind,
    ProceedingRecord,
    ProceedingsGroup,
    ReportRecord,
)
from disclosure_flow.workdays import Overlay, OverlayEntry, OverlayKind, OverlayScope

D = dt.date

#: A valid instance of each public class with enum options, to vary one option of.
SAMPLES: tuple[typing.Any, ...] = (
    Pause(D(2026, 10, 12), D(2026, 10, 20), PauseReason.THIRD_PARTY),
    R2019,
    LegalPeriod(20, PeriodUnit.WORKING_DAYS, "条例(2019) Art. 33 ¶2"),
    Outcome(OutcomeKind.WITHHELD, OutcomeReason.STATE_SECRET),
    Outcome(OutcomeKind.DISCLOSED),
    Outcome(
        OutcomeKind.PARTIALLY_DISCLOSED,
        withheld="附件二",
        withheld_grounds=(OutcomeReason.STATE_SECRET, OutcomeReason.THIRD_PARTY_RIGHTS),
    ),
    Applicant(ApplicantKind.NATURAL_PERSON, "测试申请人"),
    ApplicantProblem(ApplicantProblemKind.EMPTY_NUMBER, "缺少姓名", "name missing"),
    IdentityDocument(IdentityDocumentKind.PASSPORT, "E12345678"),
    InformationRequest("测试用政府信息", ProvisionForm.PAPER, DeliveryMethod.POST),
    DEFAULT_FEE_SCHEDULE.fee("per_item", 12),
    ReportRecord(
        "测试-1",
        ApplicantKind.COMMERCIAL_ENTERPRISE,
        D(2025, 3, 3),
        concluded=D(2025, 3, 20),
        row=Outcome(OutcomeKind.DISCLOSED).row,
    ),
    ProceedingRecord(ProceedingKind.RECONSIDERATION, D(2025, 4, 1)),
    ProceedingsGroup(ProceedingKind.LITIGATION_DIRECT, upheld=1),
    OverlayEntry(D(2026, 6, 1), OverlayKind.DAY_OFF, "测试假日", "测试数据"),
    Overlay(
        "测试",
        (OverlayEntry(D(2026, 6, 1), OverlayKind.DAY_OFF, "测试假日", "测试数据"),),
        scope=OverlayScope.LOCAL,
    ),
)


def _enums_in(annotation: object) -> set[type[enum.Enum]]:
    found: set[type[enum.Enum]] = set()
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        found.add(annotation)
    for arg in typing.get_args(annotation):
        found |= _enums_in(arg)
    return found


def _enum_fields(cls: type) -> list[tuple[str, type[enum.Enum]]]:
    """The init fields of attrs class *cls* typed with one of the library's enums."""
    namespace = vars(importlib.import_module(cls.__module__))
    out = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        try:  # one field at a time: some name types only a type checker imports
            hint = eval(field.type, namespace) if isinstance(field.type, str) else field.type
        except NameError:
            assert "Array" in str(field.type), (cls, field.name, field.type)  # numpy's
            continue
        for kind in _enums_in(hint):
            if kind.__module__.startswith("disclosure_flow."):
                out.append((field.name, kind))
    return out


#: (sample, field, enum) for every enum option of the samples.
OPTIONS = [(sample, name, kind) for sample in SAMPLES for name, kind in _enum_fields(type(sample))]


def _build(sample: typing.Any, name: str, value: object) -> tuple[str, object]:
    """``attrs.evolve(sample, name=value)``: the object, or the error it raised."""
    try:
        return "ok", attrs.evolve(sample, **{name: _as_collection(sample, name, value)})
    except DisclosureFlowError as error:
        return "error", (type(error), str(error))


def _as_collection(sample: typing.Any, name: str, value: object) -> object:
    # A collection option (excluded_pauses, withheld_grounds) takes its items in a tuple.
    if isinstance(getattr(sample, name), tuple | frozenset):
        return (value,)
    return value


@given(st.sampled_from(OPTIONS), st.data())
def test_a_members_value_gives_the_same_object_as_the_member(
    option: tuple[typing.Any, str, type[enum.Enum]], data: st.DataObject
) -> None:
    sample, name, kind = option
    member = data.draw(st.sampled_from(list(kind)))
    by_member = _build(sample, name, member)
    assert _build(sample, name, member.value) == by_member
    if by_member[0] == "ok":
        got = getattr(by_member[1], name)
        assert member in got if isinstance(got, tuple | frozenset) else got is member


@pytest.mark.parametrize("option", OPTIONS, ids=lambda o: f"{type(o[0]).__name__}.{o[1]}")
def test_a_name_or_a_stranger_is_refused_listing_the_values(
    option: tuple[typing.Any, str, type[enum.Enum]],
) -> None:
    sample, name, kind = option
    first = next(iter(kind))
    for wrong in (first.name, first.name.lower() + "?", 3, None):
        if wrong is None and attrs.fields_dict(type(sample))[name].default is None:
            continue  # an optional field: None is its absence
        if isinstance(wrong, str) and wrong in {m.value for m in kind}:
            continue  # a name that is also a value
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(sample, **{name: _as_collection(sample, name, wrong)})
        assert repr(first.value) in info.value.allowed


@given(st.sampled_from(sorted(PauseReason, key=lambda r: r.value)))
def test_pause_reason_as_the_command_line_writes_it(reason: PauseReason) -> None:
    day = D(2026, 10, 12)
    assert Pause(day, None, reason.value) == Pause(day, None, reason)
    assert R2019.excludes(reason.value) is R2019.excludes(reason)


def test_to_member_takes_a_member_or_its_value_only() -> None:
    assert _fields.to_member(PauseReason, "fee", "reason") is PauseReason.FEE
    assert _fields.to_member(PauseReason, PauseReason.FEE, "reason") is PauseReason.FEE
    for wrong in ("FEE", "Fee", " fee", b"fee", ProvisionForm.PAPER, ["fee"], None):
        with pytest.raises(InvalidValueError) as info:
            _fields.to_member(PauseReason, wrong, "reason")
        assert info.value.field == "reason"
        assert info.value.allowed == "a PauseReason or its value, one of 'third_party', " + (
            "'inter_agency', 'fee'"
        )
    with pytest.raises(InvalidValueError):
        _fields.to_members(PauseReason, "fee", "excluded_pauses")  # one string, not a set


# -- no enum option missed ----------------------------------------------------------

#: Public attrs classes whose enum fields the library fills in, never a caller: results
#: (a deadline, a day's kind, a case's own records, a watchlist's lines, …) and the
#: lifecycle's definition. Each is built from members the library holds.
BUILT_BY_THE_LIBRARY = {
    "Branch",
    "CaseEvent",
    "Consultation",
    "Deadline",
    "DayInfo",
    "Document",
    "EventSpec",
    "FeeNotice",
    "Finding",
    "GridCell",
    "HolidayBlock",
    "NoticeDay",
    "OverdueCase",
    "PeriodAlert",
    "PeriodEnd",
    "Prepared",
    "Proceeding",
    "ReplyRecord",
    "StateSpec",
    "SubDeadline",
    "TransitionSpec",
    "WatchItem",
    "_Field",
}
#: Enum options a caller passes that do not take values yet: the document profile's
#: mapping keys.
NOT_YET = {
    ("AgencyProfile", "number_patterns"),
}


def _public_attrs_classes() -> list[type]:
    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(disclosure_flow.__path__, "disclosure_flow."):
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra that is not installed
            continue
        for value in vars(module).values():
            if isinstance(value, type) and attrs.has(value) and value.__module__ == module.__name__:
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return sorted(found.values(), key=lambda c: (c.__module__, c.__qualname__))


def test_every_enum_option_of_the_public_api_converts() -> None:
    missed = []
    for cls in _public_attrs_classes():
        if cls.__name__ in BUILT_BY_THE_LIBRARY:
            continue
        for name, kind in _enum_fields(cls):
            field = attrs.fields_dict(cls)[name]
            if field.converter is None and (cls.__name__, name) not in NOT_YET:
                missed.append(f"{cls.__qualname__}.{name}: {kind.__name__}")
    assert not missed, "enum fields without a converter: " + ", ".join(missed)


def test_the_samples_cover_every_converting_class() -> None:
    sampled = {type(s) for s in SAMPLES}
    converting = {
        cls
        for cls in _public_attrs_classes()
        if cls.__name__ not in BUILT_BY_THE_LIBRARY
        and any((cls.__name__, name) not in NOT_YET for name, _ in _enum_fields(cls))
    }
    assert converting == sampled


def test_the_converters_signatures_say_str_is_accepted() -> None:
    # What a type checker reads (mypy's attrs plugin takes the converter's parameter).
    for sample, name, kind in OPTIONS:
        converter = attrs.fields_dict(type(sample))[name].converter
        assert isinstance(converter, types.FunctionType)
        hints = typing.get_type_hints(converter)
        parameter = next(iter(inspect.signature(converter).parameters))
        accepted = hints[parameter]
        assert str in _flat(accepted), (type(sample).__name__, name, accepted)
        assert kind in _flat(accepted), (type(sample).__name__, name, accepted)


def _flat(annotation: object) -> set[object]:
    args = typing.get_args(annotation)
    if not args:
        return {annotation}
    out: set[object] = set()
    for arg in args:
        out |= _flat(arg)
    return out


def _case(**options: object) -> Case:
    return Case.open(
        "测试-2",
        applicant=Applicant(ApplicantKind.NATURAL_PERSON, "测试申请人"),
        request=InformationRequest("测试用政府信息", ProvisionForm.PAPER, DeliveryMethod.POST),
        received=D(2026, 9, 28),
        calendar=national_calendar(),
        **options,  # type: ignore[arg-type]  # the options of each call below
    )


def _consulted(party: typing.Any) -> object:
    case = _case(channel=Channel.IN_PERSON).start_review(D(2026, 9, 29))
    case.start_processing(D(2026, 9, 29))
    case.consult(D(2026, 10, 12), party=party, consultee="某公司")
    deadline = case.deadline()
    return None if deadline is None else (deadline.events, case.history[-1].payload)


#: Public functions and methods with an enum option: each called with a member and
#: with its value, which must give equal answers.
CALLS: list[tuple[str, Callable[[typing.Any], object], enum.Enum]] = [
    ("Case.open(channel=)", lambda v: _case(channel=v).channel, Channel.SIGNED_POST),
    (
        "Case.open(policy_dates=)",
        lambda v: _case(channel=Channel.IN_PERSON, policy_dates=v).policy,
        PolicyDates.ANY,
    ),
    ("Case.consult(party=)", _consulted, ConsultedParty.THIRD_PARTY),
    ("FeeSchedule.fee(method)", lambda v: DEFAULT_FEE_SCHEDULE.fee(v, 30), FeeMethod.PER_VOLUME),
    (
        "period_end(kind)",
        lambda v: period_end(v, D(2026, 9, 28), policy=R2019, calendar=national_calendar()),
        PeriodKind.RECONSIDERATION,
    ),
    ("Policy.excludes(reason)", lambda v: R2008.excludes(v), PauseReason.FEE),
    (
        "Outcome.report_row(registration_data_row=)",
        lambda v: Outcome(OutcomeKind.WITHHELD, "administrative_query").report_row(
            registration_data_row=v
        ),
        ReportRow.UNABLE_NOT_HELD,
    ),
    (
        "Case.apply(dispatch=)",
        lambda v: (
            _case(channel=Channel.IN_PERSON)
            .apply(
                "start_review",
                D(2026, 9, 29),
                dispatch=v,
            )
            .history
        ),
        Dispatch.MACHINE,
    ),
]


@pytest.mark.parametrize(
    ("call", "member"), [(c, m) for _, c, m in CALLS], ids=[n for n, _, _ in CALLS]
)
def test_functions_take_a_members_value(
    call: Callable[[object], object], member: enum.Enum
) -> None:
    assert call(member.value) == call(member)
    with pytest.raises(DisclosureFlowError):
        call(member.name)
