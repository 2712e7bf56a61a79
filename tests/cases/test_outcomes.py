"""Tests for disclosure_flow.cases.outcomes: the table-三 taxonomy and the Outcome value.

The expected labels are typed from SPEC §6 (the national format, 国办公开办函〔2021〕
30号), not copied from the module; the articles from the text of R2019.
"""

from __future__ import annotations

import inspect
import json
import typing

import pytest
from hypothesis import given
from hypothesis import strategies as st

import disclosure_flow.cases.outcomes as outcomes_module
from disclosure_flow.cases import Outcome, OutcomeKind, OutcomeReason, ReportRow
from disclosure_flow.errors import InvalidValueError, SerializationError

SPEC_ROWS = [
    ("三.1", "（一）予以公开"),
    ("三.2", "（二）部分公开"),
    ("三.3.1", "（三）不予公开 1.属于国家秘密"),
    ("三.3.2", "（三）不予公开 2.其他法律行政法规禁止公开"),
    ("三.3.3", "（三）不予公开 3.危及“三安全一稳定”"),
    ("三.3.4", "（三）不予公开 4.保护第三方合法权益"),
    ("三.3.5", "（三）不予公开 5.属于三类内部事务信息"),
    ("三.3.6", "（三）不予公开 6.属于四类过程性信息"),
    ("三.3.7", "（三）不予公开 7.属于行政执法案卷"),
    ("三.3.8", "（三）不予公开 8.属于行政查询事项"),
    ("三.4.1", "（四）无法提供 1.本机关不掌握相关政府信息"),
    ("三.4.2", "（四）无法提供 2.没有现成信息需要另行制作"),
    ("三.4.3", "（四）无法提供 3.补正后申请内容仍不明确"),
    ("三.5.1", "（五）不予处理 1.信访举报投诉类申请"),
    ("三.5.2", "（五）不予处理 2.重复申请"),
    ("三.5.3", "（五）不予处理 3.要求提供公开出版物"),
    ("三.5.4", "（五）不予处理 4.无正当理由大量反复申请"),
    ("三.5.5", "（五）不予处理 5.要求行政机关确认或重新出具已获取信息"),
    (
        "三.6.1",
        "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    (
        "三.6.2",
        "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    ("三.6.3", "（六）其他处理 3.其他"),
]


def test_rows_are_exactly_the_national_format() -> None:
    assert [(r.key, r.heading_zh) for r in ReportRow] == SPEC_ROWS


def test_row_keys_are_their_values_and_numbers() -> None:
    assert ReportRow("三.3.4") is ReportRow.WITHHELD_THIRD_PARTY_RIGHTS
    assert ReportRow.WITHHELD_THIRD_PARTY_RIGHTS.number == 4
    assert ReportRow.DISCLOSED.number is None


def test_kinds_partition_the_rows() -> None:
    assert [(k.ordinal_zh, k.label_zh, len(k.rows)) for k in OutcomeKind] == [
        ("（一）", "予以公开", 1),
        ("（二）", "部分公开", 1),
        ("（三）", "不予公开", 8),
        ("（四）", "无法提供", 3),
        ("（五）", "不予处理", 5),
        ("（六）", "其他处理", 3),
    ]
    assert [r for k in OutcomeKind for r in k.rows] == list(ReportRow)


def test_every_row_is_reached_by_exactly_one_outcome_kind() -> None:
    for row in ReportRow:
        reaching = {reason.kind for reason in OutcomeReason if reason.row is row}
        assert reaching == {row.kind}, row


@pytest.mark.parametrize(
    ("reason", "article", "key"),
    [
        (OutcomeReason.ALREADY_PUBLIC, "Art. 36(1)", "三.1"),
        (OutcomeReason.DISCLOSED, "Art. 36(2)", "三.1"),
        (OutcomeReason.PARTIALLY_DISCLOSED, "Art. 37", "三.2"),
        (OutcomeReason.STATE_SECRET, "Art. 14", "三.3.1"),
        (OutcomeReason.THIRD_PARTY_RIGHTS, "Art. 15", "三.3.4"),
        (OutcomeReason.INTERNAL_AFFAIRS, "Art. 16 ¶1", "三.3.5"),
        (OutcomeReason.ENFORCEMENT_FILE, "Art. 16 ¶2", "三.3.7"),
        (OutcomeReason.ADMINISTRATIVE_QUERY, "Art. 36(7)", "三.3.8"),
        (OutcomeReason.NOT_HELD, "Art. 36(4)", "三.4.1"),
        (OutcomeReason.NOT_THIS_AGENCY, "Art. 36(5)", "三.4.1"),
        (OutcomeReason.NEEDS_CREATION, "Art. 38", "三.4.2"),
        (OutcomeReason.PETITION, "Art. 39 ¶1", "三.5.1"),
        (OutcomeReason.REPEATED, "Art. 36(6)", "三.5.2"),
        (OutcomeReason.PUBLICATION, "Art. 39 ¶2", "三.5.3"),
        (OutcomeReason.EXCESSIVE, "Art. 35", "三.5.4"),
        (OutcomeReason.CORRECTION_LAPSED, "Art. 30", "三.6.1"),
        (OutcomeReason.WITHDRAWN, "FORMAT 三（六）3", "三.6.3"),
    ],
)
def test_reason_articles_and_rows(reason: OutcomeReason, article: str, key: str) -> None:
    assert reason.article == article
    assert reason.row.key == key


def test_eight_withholding_grounds_one_per_row() -> None:
    grounds = [r for r in OutcomeReason if r.is_withholding_ground]
    assert [g.row.number for g in grounds] == [1, 2, 3, 4, 5, 6, 7, 8]


# -- Outcome ---------------------------------------------------------------------------


def test_withheld_without_ground_is_refused() -> None:
    with pytest.raises(InvalidValueError) as info:
        Outcome(OutcomeKind.WITHHELD)
    assert info.value.field == "reason"
    assert info.value.value is None
    assert "OutcomeReason.STATE_SECRET" in info.value.allowed
    assert "不予公开" in info.value.allowed


def test_reason_of_another_kind_is_refused() -> None:
    with pytest.raises(InvalidValueError) as info:
        Outcome(OutcomeKind.WITHHELD, OutcomeReason.REPEATED)
    assert info.value.field == "reason"


def test_kind_must_be_an_outcome_kind() -> None:
    with pytest.raises(InvalidValueError) as info:
        Outcome("WITHHELD", OutcomeReason.STATE_SECRET)  # a name, not a value
    assert info.value.field == "kind"


def test_partial_disclosure_records_what_and_why() -> None:
    partial = Outcome(
        OutcomeKind.PARTIALLY_DISCLOSED,
        withheld="附件中涉及个人身份信息的部分",
        withheld_grounds=(OutcomeReason.THIRD_PARTY_RIGHTS, OutcomeReason.INTERNAL_AFFAIRS),
    )
    assert partial.reason is OutcomeReason.PARTIALLY_DISCLOSED
    assert partial.row is ReportRow.PARTIALLY_DISCLOSED
    assert partial.is_reply


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"withheld_grounds": (OutcomeReason.STATE_SECRET,)}, "withheld"),
        ({"withheld": "附件"}, "withheld_grounds"),
        ({"withheld": "附件", "withheld_grounds": (OutcomeReason.REPEATED,)}, "withheld_grounds"),
        ({"withheld": "附件", "withheld_grounds": ("STATE_SECRET",)}, "withheld_grounds"),
        ({"withheld": "附件", "withheld_grounds": OutcomeReason.STATE_SECRET}, "withheld_grounds"),
        (
            {
                "withheld": "附件",
                "withheld_grounds": (OutcomeReason.STATE_SECRET, OutcomeReason.STATE_SECRET),
            },
            "withheld_grounds",
        ),
    ],
)
def test_partial_disclosure_details_are_required(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        Outcome(OutcomeKind.PARTIALLY_DISCLOSED, **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


@pytest.mark.parametrize("field", ["withheld", "withheld_grounds"])
def test_only_partial_disclosure_records_withheld_parts(field: str) -> None:
    value: object = "附件" if field == "withheld" else (OutcomeReason.STATE_SECRET,)
    with pytest.raises(InvalidValueError) as info:
        Outcome(OutcomeKind.DISCLOSED, OutcomeReason.DISCLOSED, **{field: value})  # type: ignore[arg-type]
    assert info.value.field == field


def test_not_this_agency_may_name_the_competent_agency() -> None:
    referral = Outcome(
        OutcomeKind.UNABLE_TO_PROVIDE,
        OutcomeReason.NOT_THIS_AGENCY,
        competent_agency="临夏州自然资源局，电话0930-0000000",
    )
    assert referral.row is ReportRow.UNABLE_NOT_HELD
    assert (
        Outcome(OutcomeKind.UNABLE_TO_PROVIDE, OutcomeReason.NOT_THIS_AGENCY).competent_agency
        is None
    )
    with pytest.raises(InvalidValueError) as info:
        Outcome(OutcomeKind.UNABLE_TO_PROVIDE, OutcomeReason.NOT_HELD, competent_agency="某局")
    assert info.value.field == "competent_agency"


def test_other_ending_needs_a_note() -> None:
    with pytest.raises(InvalidValueError) as info:
        Outcome(OutcomeKind.OTHER_HANDLING, OutcomeReason.OTHER)
    assert info.value.field == "note"
    assert (
        Outcome(OutcomeKind.OTHER_HANDLING, OutcomeReason.OTHER, note="申请人死亡").row.key
        == "三.6.3"
    )


def test_reply_or_ending_without_reply() -> None:
    for reason in OutcomeReason:
        is_ending = reason in {
            OutcomeReason.CORRECTION_LAPSED,
            OutcomeReason.FEE_LAPSED,
            OutcomeReason.WITHDRAWN,
            OutcomeReason.OTHER,
        }
        assert reason.kind.is_reply is not is_ending


def test_registration_data_row_is_the_hosts_choice() -> None:
    registration = Outcome(OutcomeKind.WITHHELD, OutcomeReason.ADMINISTRATIVE_QUERY)
    assert registration.row is ReportRow.WITHHELD_ADMINISTRATIVE_QUERY
    chosen = registration.report_row(registration_data_row=ReportRow.OTHER_OTHER)
    assert chosen is ReportRow.OTHER_OTHER
    secret = Outcome(OutcomeKind.WITHHELD, OutcomeReason.STATE_SECRET)
    assert (
        secret.report_row(registration_data_row=ReportRow.OTHER_OTHER)
        is ReportRow.WITHHELD_STATE_SECRET
    )
    # A row's key is its value.
    assert registration.report_row(registration_data_row="三.6.3") is ReportRow.OTHER_OTHER
    with pytest.raises(InvalidValueError):
        registration.report_row(registration_data_row="OTHER_OTHER")  # a name, not a value
    with pytest.raises(InvalidValueError):
        registration.report_row(registration_data_row="三.8")  # no such row


def build_outcome(reason: OutcomeReason, data: st.DataObject) -> Outcome:
    text = st.text(min_size=1).filter(lambda s: bool(s.strip()))
    kwargs: dict[str, object] = {}
    if reason is OutcomeReason.PARTIALLY_DISCLOSED:
        grounds = [r for r in OutcomeReason if r.is_withholding_ground]
        kwargs["withheld"] = data.draw(text)
        kwargs["withheld_grounds"] = tuple(
            data.draw(st.lists(st.sampled_from(grounds), min_size=1, unique=True))
        )
    if reason is OutcomeReason.NOT_THIS_AGENCY:
        kwargs["competent_agency"] = data.draw(st.none() | text)
    kwargs["note"] = data.draw(text if reason is OutcomeReason.OTHER else st.none() | text)
    return Outcome(reason.kind, reason, **kwargs)  # type: ignore[arg-type]


@given(st.sampled_from(list(OutcomeReason)), st.data())
def test_every_outcome_counts_in_a_row_of_its_kind(
    reason: OutcomeReason, data: st.DataObject
) -> None:
    outcome = build_outcome(reason, data)
    assert outcome.row in outcome.kind.rows
    assert outcome.is_reply is (outcome.kind is not OutcomeKind.OTHER_HANDLING)


@given(st.sampled_from(list(OutcomeReason)), st.data())
def test_outcome_dict_round_trip_through_json(reason: OutcomeReason, data: st.DataObject) -> None:
    outcome = build_outcome(reason, data)
    assert Outcome.from_dict(json.loads(json.dumps(outcome.to_dict()))) == outcome


@given(st.sampled_from(list(OutcomeReason)), st.data())
def test_outcome_repr_is_constructor_input(reason: OutcomeReason, data: st.DataObject) -> None:
    outcome = build_outcome(reason, data)
    namespace = {name: getattr(outcomes_module, name) for name in outcomes_module.__all__}
    assert eval(repr(outcome), namespace) == outcome


@pytest.mark.parametrize(
    ("data", "path"),
    [
        (None, "outcome"),
        ({"reason": "state_secret"}, "outcome.kind"),
        ({"kind": "withheld"}, "outcome.reason"),
        ({"kind": "withheld", "reason": None}, "outcome.reason"),
        ({"kind": "withheld", "reason": "repeated"}, "outcome.reason"),
        ({"kind": "withheld", "reason": "secret"}, "outcome.reason"),
        ({"kind": "withheld", "reason": "state_secret", "why": "x"}, "outcome.why"),
        (
            {"kind": "partially_disclosed", "reason": "partially_disclosed", "withheld": "附件"},
            "outcome.withheld_grounds",
        ),
        (
            {
                "kind": "partially_disclosed",
                "reason": "partially_disclosed",
                "withheld": "附件",
                "withheld_grounds": ["state_secret", "nope"],
            },
            "outcome.withheld_grounds[1]",
        ),
        (
            {"kind": "withheld", "reason": "state_secret", "withheld_grounds": "state_secret"},
            "outcome.withheld_grounds",
        ),
        (
            {"kind": "other_handling", "reason": "other", "note": ""},
            "outcome.note",
        ),
        ({"kind": "other_handling", "reason": "other"}, "outcome.note"),
    ],
)
def test_malformed_outcome_dicts(data: object, path: str) -> None:
    with pytest.raises(SerializationError) as info:
        Outcome.from_dict(data)  # type: ignore[arg-type]
    assert info.value.path == path


@pytest.mark.parametrize("name", outcomes_module.__all__)
def test_public_names_have_resolvable_type_hints(name: str) -> None:
    typing.get_type_hints(getattr(outcomes_module, name))


# -- the default reason (默认办理情形) ----------------------------------------------


@pytest.mark.parametrize("kind", list(OutcomeKind), ids=lambda k: k.name)
def test_the_reason_left_out_is_the_kinds_default_or_refused(kind: OutcomeKind) -> None:
    details: dict[str, typing.Any] = {}
    if kind is OutcomeKind.PARTIALLY_DISCLOSED:
        details = {"withheld": "附件", "withheld_grounds": (OutcomeReason.STATE_SECRET,)}
    default = kind.default_reason
    if default is None:
        with pytest.raises(InvalidValueError) as info:
            Outcome(kind, **details)
        assert info.value.field == "reason"
        for reason in kind.reasons:  # the message lists what may be given
            assert reason.name in info.value.allowed
        assert len(kind.reasons) > 1  # a kind of one reason would have it as default
    else:
        assert default in kind.reasons
        assert Outcome(kind, **details) == Outcome(kind, default, **details)
        assert Outcome(kind, None, **details).reason is default


def test_the_defaults_are_disclosed_and_partially_disclosed_only() -> None:
    # （一）予以公开 is Art. 36(2) unless 已主动公开 (36(1)) is named; （二） has only Art. 37.
    assert {k: k.default_reason for k in OutcomeKind if k.default_reason} == {
        OutcomeKind.DISCLOSED: OutcomeReason.DISCLOSED,
        OutcomeKind.PARTIALLY_DISCLOSED: OutcomeReason.PARTIALLY_DISCLOSED,
    }
    assert (
        Outcome(OutcomeKind.DISCLOSED).row is Outcome(OutcomeKind.DISCLOSED, "already_public").row
    )
    assert Outcome(OutcomeKind.DISCLOSED, "already_public").reason is OutcomeReason.ALREADY_PUBLIC


def test_the_signature_shows_the_default_it_has() -> None:
    parameter = inspect.signature(Outcome).parameters["reason"]
    assert parameter.default is None
    assert inspect.signature(Outcome).parameters["kind"].default is inspect.Parameter.empty


def test_kind_and_reasons_as_their_values() -> None:
    assert Outcome("withheld", "state_secret") == Outcome(
        OutcomeKind.WITHHELD, OutcomeReason.STATE_SECRET
    )
    partial = Outcome("partially_disclosed", withheld="附件", withheld_grounds=["state_secret"])
    assert partial.withheld_grounds == (OutcomeReason.STATE_SECRET,)
