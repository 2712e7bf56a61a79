"""Tests for disclosure_flow.cases.applicants: applicant kinds, identity checks, masking, dicts.

Check characters are computed here independently of the code under test, with the
iterative (Horner) form of each algorithm rather than the weighted sum the library
uses, and against the examples published with the standards.
"""

from __future__ import annotations

import datetime as dt
import json
import typing

import pytest
from hypothesis import given
from hypothesis import strategies as st

import disclosure_flow.cases.applicants as applicants_module
from disclosure_flow.cases import (
    Applicant,
    ApplicantKind,
    ApplicantProblemKind,
    Contact,
    IdentityDocument,
    IdentityDocumentKind,
    check_resident_id_number,
    check_social_credit_code,
    resident_id_check_character,
    social_credit_check_character,
)
from disclosure_flow.errors import InvalidDateError, InvalidValueError, SerializationError

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def horner_mod11_2(body: str) -> str:
    """ISO 7064 MOD 11-2, pure system, in its iterative form: P = (P + a) * 2 mod 11
    over the digits, then the check c satisfies (P + c) ≡ 1 (mod 11)."""
    p = 0
    for ch in body:
        p = (p + int(ch)) * 2 % 11
    c = (1 - p) % 11
    return "X" if c == 10 else str(c)


def horner_mod31(body: str) -> str:
    """GB 32100 check: sum of value × 3^(i-1), i from 1 at the left, evaluated from the
    right by Horner's rule; check = 31 − sum mod 31, 31 written as 0."""
    p = 0
    for ch in reversed(body):
        p = (p * 3 + USCC_CHARSET.index(ch)) % 31
    return USCC_CHARSET[(31 - p) % 31]


def kinds(problems: tuple[applicants_module.ApplicantProblem, ...]) -> list[ApplicantProblemKind]:
    return [p.kind for p in problems]


# -- applicant kinds ---------------------------------------------------------------


def test_applicant_kinds_are_the_annual_report_columns() -> None:
    assert [(k.group_label_zh, k.label_zh) for k in ApplicantKind] == [
        ("自然人", "自然人"),
        ("法人或其他组织", "商业企业"),
        ("法人或其他组织", "科研机构"),
        ("法人或其他组织", "社会公益组织"),
        ("法人或其他组织", "法律服务机构"),
        ("法人或其他组织", "其他"),
    ]


def test_only_the_natural_person_is_not_an_organization() -> None:
    assert [k for k in ApplicantKind if not k.is_organization] == [ApplicantKind.NATURAL_PERSON]
    assert Applicant(ApplicantKind.LEGAL_SERVICE_INSTITUTION, "某律师事务所").is_organization


def test_document_kind_labels() -> None:
    assert [k.label_zh for k in IdentityDocumentKind] == [
        "居民身份证",
        "统一社会信用代码",
        "护照",
        "其他证件",
    ]


# -- GB 11643-1999 -----------------------------------------------------------------


def test_published_resident_id_example() -> None:
    # GB 11643-1999's example 11010519491231002X, by hand: weights 7 9 10 5 8 4 2 1 6 3
    # 7 9 10 5 8 4 2 times digits 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 sum to 167;
    # 167 mod 11 = 2; (12 - 2) mod 11 = 10, written X.
    assert horner_mod11_2("11010519491231002") == "X"
    assert resident_id_check_character("11010519491231002") == "X"
    assert check_resident_id_number("11010519491231002X") == ()


def test_lower_case_x_and_spaces_are_tolerated() -> None:
    assert check_resident_id_number(" 11010519491231002x ") == ()


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("", [ApplicantProblemKind.EMPTY_NUMBER]),
        ("   ", [ApplicantProblemKind.EMPTY_NUMBER]),
        ("110105194912310", [ApplicantProblemKind.WRONG_LENGTH]),  # first-generation 15 digits
        ("11010519491231002X1", [ApplicantProblemKind.WRONG_LENGTH]),
        ("1101051949123100AX", [ApplicantProblemKind.INVALID_CHARACTERS]),
        ("11010519491231002Y", [ApplicantProblemKind.INVALID_CHARACTERS]),
        ("１１０１０５１９４９１２３１００２X", [ApplicantProblemKind.INVALID_CHARACTERS]),
        ("110105194912310021", [ApplicantProblemKind.CHECK_CHARACTER_MISMATCH]),
    ],
)
def test_resident_id_problems(number: str, expected: list[ApplicantProblemKind]) -> None:
    assert kinds(check_resident_id_number(number)) == expected


def valid_resident_id(region: str, birth: dt.date, sequence: str) -> str:
    body = f"{region}{birth:%Y%m%d}{sequence}"
    return body + horner_mod11_2(body)


def test_impossible_birth_date_is_reported_with_a_right_check_character() -> None:
    body = "11010519490230002"  # 30 February
    number = body + horner_mod11_2(body)
    assert kinds(check_resident_id_number(number)) == [ApplicantProblemKind.INVALID_BIRTH_DATE]


def test_birth_date_before_1900_is_reported() -> None:
    body = "11010518991231002"
    number = body + horner_mod11_2(body)
    assert kinds(check_resident_id_number(number)) == [ApplicantProblemKind.INVALID_BIRTH_DATE]


def test_birth_date_after_as_of_is_reported_only_when_as_of_is_given() -> None:
    number = valid_resident_id("110105", dt.date(2030, 1, 1), "001")
    assert check_resident_id_number(number) == ()
    problems = check_resident_id_number(number, as_of=dt.date(2026, 6, 1))
    assert kinds(problems) == [ApplicantProblemKind.INVALID_BIRTH_DATE]
    assert check_resident_id_number(number, as_of=dt.date(2030, 1, 1)) == ()


def test_as_of_must_be_a_date() -> None:
    with pytest.raises(InvalidDateError):
        check_resident_id_number("11010519491231002X", as_of=dt.datetime(2026, 1, 1))


def test_check_functions_refuse_non_strings() -> None:
    with pytest.raises(InvalidValueError):
        check_resident_id_number(11010519491231002)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        check_social_credit_code(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("body", ["1101051949123100", "1101051949123100X", "110105194912310021"])
def test_resident_id_check_character_refuses_a_bad_body(body: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        resident_id_check_character(body)
    assert info.value.field == "first17"


birth_dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
regions = st.text("0123456789", min_size=6, max_size=6)
sequences = st.text("0123456789", min_size=3, max_size=3)


@given(regions, birth_dates, sequences)
def test_independently_built_resident_ids_are_valid(region: str, birth: dt.date, seq: str) -> None:
    number = valid_resident_id(region, birth, seq)
    assert resident_id_check_character(number[:17]) == number[17]
    assert check_resident_id_number(number) == ()


@given(regions, birth_dates, sequences, st.integers(0, 17), st.data())
def test_check_character_detects_every_single_substitution(
    region: str, birth: dt.date, seq: str, position: int, data: st.DataObject
) -> None:
    number = valid_resident_id(region, birth, seq)
    alphabet = "0123456789X" if position == 17 else "0123456789"
    replacement = data.draw(st.sampled_from([c for c in alphabet if c != number[position]]))
    changed = number[:position] + replacement + number[position + 1 :]
    assert resident_id_check_character(changed[:17]) != changed[17]
    assert check_resident_id_number(changed) != ()


# -- GB 32100-2015 -----------------------------------------------------------------


def test_published_social_credit_code_example() -> None:
    # The example 91350100M000100Y43, by hand: values 9 1 3 5 0 1 0 0 21(M) 0 0 0 1 0 0
    # 30(Y) 4, weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28; the products sum
    # to 1640; 1640 mod 31 = 28; 31 - 28 = 3.
    assert horner_mod31("91350100M000100Y4") == "3"
    assert social_credit_check_character("91350100M000100Y4") == "3"
    assert check_social_credit_code("91350100M000100Y43") == ()
    assert check_social_credit_code("91350100m000100y43") == ()


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("", [ApplicantProblemKind.EMPTY_NUMBER]),
        ("91350100M000100Y4", [ApplicantProblemKind.WRONG_LENGTH]),
        ("91350100M000100Y4O", [ApplicantProblemKind.INVALID_CHARACTERS]),  # letter O
        ("91350100I000100Y43", [ApplicantProblemKind.INVALID_CHARACTERS]),  # letter I
        ("91350100M000100Y44", [ApplicantProblemKind.CHECK_CHARACTER_MISMATCH]),
    ],
)
def test_social_credit_code_problems(code: str, expected: list[ApplicantProblemKind]) -> None:
    assert kinds(check_social_credit_code(code)) == expected


def test_region_code_must_be_digits() -> None:
    body = "913A0100M000100Y4"
    code = body + horner_mod31(body)
    assert kinds(check_social_credit_code(code)) == [ApplicantProblemKind.INVALID_REGION_CODE]


def test_social_credit_check_character_refuses_a_bad_body() -> None:
    with pytest.raises(InvalidValueError):
        social_credit_check_character("91350100M000100Z4")


uscc_bodies = st.builds(
    lambda head, region, subject: head + region + subject,
    st.text(USCC_CHARSET, min_size=2, max_size=2),
    st.text("0123456789", min_size=6, max_size=6),
    st.text(USCC_CHARSET, min_size=9, max_size=9),
)


@given(uscc_bodies)
def test_independently_built_codes_are_valid(body: str) -> None:
    assert check_social_credit_code(body + horner_mod31(body)) == ()


@given(uscc_bodies, st.integers(0, 17), st.data())
def test_mod31_detects_every_single_substitution(
    body: str, position: int, data: st.DataObject
) -> None:
    code = body + horner_mod31(body)
    replacement = data.draw(st.sampled_from([c for c in USCC_CHARSET if c != code[position]]))
    changed = code[:position] + replacement + code[position + 1 :]
    assert social_credit_check_character(changed[:17]) != changed[17]
    assert check_social_credit_code(changed) != ()


# -- applicants and their problems -------------------------------------------------

CARD = IdentityDocument(IdentityDocumentKind.RESIDENT_ID_CARD, "11010519491231002X")
CODE = IdentityDocument(IdentityDocumentKind.UNIFIED_SOCIAL_CREDIT_CODE, "91350100M000100Y43")
PHONE = Contact(phone="13812345678")


def test_a_complete_person_has_no_problems() -> None:
    assert Applicant(ApplicantKind.NATURAL_PERSON, "张三", CARD, PHONE).problems() == ()


def test_a_complete_organisation_has_no_problems() -> None:
    company = Applicant(ApplicantKind.COMMERCIAL_ENTERPRISE, "某某有限公司", CODE, PHONE)
    assert company.problems() == ()


def test_missing_identity_and_contact_are_correction_grounds_not_errors() -> None:
    bare = Applicant(ApplicantKind.NATURAL_PERSON, "张三")
    assert kinds(bare.identity_problems()) == [ApplicantProblemKind.MISSING_DOCUMENT]
    problems = bare.problems()
    assert kinds(problems) == [
        ApplicantProblemKind.MISSING_DOCUMENT,
        ApplicantProblemKind.MISSING_CONTACT,
    ]
    for problem in problems:
        assert problem.message_zh
        assert problem.message_en
    assert "身份证明" in problems[0].message_zh
    assert "联系方式" in problems[1].message_zh


@pytest.mark.parametrize(
    ("kind", "document"),
    [
        (ApplicantKind.COMMERCIAL_ENTERPRISE, CARD),
        (ApplicantKind.RESEARCH_INSTITUTION, IdentityDocument(IdentityDocumentKind.PASSPORT, "E1")),
        (ApplicantKind.NATURAL_PERSON, CODE),
    ],
)
def test_a_document_that_does_not_fit_the_applicant(
    kind: ApplicantKind, document: IdentityDocument
) -> None:
    applicant = Applicant(kind, "某某", document, PHONE)
    assert kinds(applicant.problems()) == [ApplicantProblemKind.DOCUMENT_NOT_FOR_APPLICANT]


def test_other_documents_fit_both_kinds_and_need_only_a_number() -> None:
    permit = IdentityDocument(
        IdentityDocumentKind.OTHER, "C12345678", document_name="港澳居民来往内地通行证"
    )
    for kind in ApplicantKind:
        assert Applicant(kind, "某某", permit, PHONE).problems() == ()
    blank = IdentityDocument(IdentityDocumentKind.PASSPORT, " ")
    assert kinds(blank.problems()) == [ApplicantProblemKind.EMPTY_NUMBER]


def test_invalid_number_is_kept_and_reported() -> None:
    wrong = IdentityDocument(IdentityDocumentKind.RESIDENT_ID_CARD, "110105194912310021")
    applicant = Applicant(ApplicantKind.NATURAL_PERSON, "张三", wrong, PHONE)
    assert applicant.identity is not None
    assert applicant.identity.number == "110105194912310021"
    assert kinds(applicant.identity_problems()) == [ApplicantProblemKind.CHECK_CHARACTER_MISMATCH]


def test_problem_messages_never_contain_the_number() -> None:
    wrong = IdentityDocument(IdentityDocumentKind.RESIDENT_ID_CARD, "110105194902300021")
    for problem in wrong.problems():
        assert "110105194902300021" not in problem.message_zh + problem.message_en


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"kind": "NATURAL_PERSON", "name": "张三"}, "kind"),  # a name, not a value
        ({"kind": ApplicantKind.NATURAL_PERSON, "name": ""}, "name"),
        ({"kind": ApplicantKind.NATURAL_PERSON, "name": "  "}, "name"),
    ],
)
def test_applicant_refuses_bad_fields(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        Applicant(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_contact_refuses_blank_strings() -> None:
    with pytest.raises(InvalidValueError) as info:
        Contact(phone="")
    assert info.value.field == "phone"


# -- reprs ---------------------------------------------------------------------------


def test_repr_masks_the_number_and_the_contact() -> None:
    applicant = Applicant(
        ApplicantKind.NATURAL_PERSON,
        "张三",
        IdentityDocument(IdentityDocumentKind.RESIDENT_ID_CARD, "110105194912311234"),
        Contact(phone="13812345678", address="北京市朝阳区某路1号", email="zhangsan@example.com"),
    )
    text = repr(applicant)
    assert "1101**********1234" in text
    assert "110105194912311234" not in text
    assert "13812345678" not in text
    assert "138****5678" in text
    assert "朝阳" not in text
    assert "zhangsan" not in text
    assert "z***@example.com" in text
    assert "张三" not in text
    assert "name='张*'" in text
    assert str(applicant) == text


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("张三", "张*"),
        ("李小龙", "李**"),
        ("欧阳娜娜", "欧阳**"),
        ("欧阳修", "欧阳*"),
        ("司马", "司*"),
        ("王", "*"),
        (" 张三 ", "张*"),
        ("John Smith", "J*"),
        ("élodie", "é*"),
        ("阿卜杜拉·买买提", "阿*******"),
    ],
)
def test_repr_masks_a_persons_name(name: str, masked: str) -> None:
    applicant = Applicant(ApplicantKind.NATURAL_PERSON, name)
    assert f"name={masked!r}" in repr(applicant)
    assert applicant.name == name  # the value itself is kept


def test_repr_keeps_an_organisations_name() -> None:
    applicant = Applicant(ApplicantKind.COMMERCIAL_ENTERPRISE, "某某科技有限公司")
    assert "name='某某科技有限公司'" in repr(applicant)


@pytest.mark.parametrize(
    ("kwargs", "secret"),
    [
        ({"phone": 13812345678}, "13812345678"),
        ({"address": ["北京市朝阳区某路1号"]}, "朝阳"),
        ({"email": ["zhangsan@example.com"]}, "zhangsan"),
    ],
)
def test_contact_errors_mask_the_value(kwargs: dict[str, object], secret: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        Contact(**kwargs)  # type: ignore[arg-type]
    assert secret not in str(info.value)
    assert secret not in repr(info.value)


def test_identity_errors_mask_the_value() -> None:
    with pytest.raises(InvalidValueError) as info:
        IdentityDocument(IdentityDocumentKind.RESIDENT_ID_CARD, 110105194912310021)  # type: ignore[arg-type]
    assert "110105194912310021" not in str(info.value)
    with pytest.raises(InvalidValueError) as info:
        resident_id_check_character(["11010519491231002"])  # type: ignore[arg-type]
    assert "11010519491231002" not in str(info.value)


def test_repr_without_personal_data_is_constructor_input() -> None:
    applicant = Applicant(ApplicantKind.SOCIAL_WELFARE_ORGANIZATION, "某基金会")
    namespace = {name: getattr(applicants_module, name) for name in applicants_module.__all__}
    assert eval(repr(applicant), namespace) == applicant


@given(
    st.text("0123456789X", min_size=6, max_size=30),
    st.sampled_from(list(IdentityDocumentKind)),
    st.text("0123456789", min_size=7, max_size=15),
)
def test_reprs_never_contain_the_full_number_or_phone(
    number: str, kind: IdentityDocumentKind, phone: str
) -> None:
    document = IdentityDocument(kind, number)
    applicant = Applicant(ApplicantKind.NATURAL_PERSON, "张三", document, Contact(phone=phone))
    for text in (repr(document), repr(applicant), str(applicant), repr(applicant.contact)):
        assert number not in text
        assert phone not in text


# -- dicts ---------------------------------------------------------------------------

texts = st.text(min_size=1).filter(lambda s: bool(s.strip()))
applicants = st.builds(
    Applicant,
    st.sampled_from(list(ApplicantKind)),
    texts,
    st.none()
    | st.builds(
        IdentityDocument,
        st.sampled_from(list(IdentityDocumentKind)),
        st.text(),
        st.none() | texts,
    ),
    st.builds(Contact, st.none() | texts, st.none() | texts, st.none() | texts),
)


@given(applicants)
def test_applicant_dict_round_trip_through_json(applicant: Applicant) -> None:
    data = json.loads(json.dumps(applicant.to_dict()))
    assert Applicant.from_dict(data) == applicant


def test_dict_keeps_the_full_number() -> None:
    applicant = Applicant(ApplicantKind.NATURAL_PERSON, "张三", CARD)
    assert applicant.to_dict()["identity"]["number"] == "11010519491231002X"


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ([], "applicant"),
        ({"name": "张三"}, "applicant.kind"),
        ({"kind": "person", "name": "张三"}, "applicant.kind"),
        ({"kind": "natural_person", "name": ""}, "applicant.name"),
        ({"kind": "natural_person", "name": 3}, "applicant.name"),
        ({"kind": "natural_person", "name": "张三", "age": 3}, "applicant.age"),
        ({"kind": "natural_person", "name": "张三", "identity": "x"}, "applicant.identity"),
        (
            {"kind": "natural_person", "name": "张三", "identity": {"kind": "card", "number": "1"}},
            "applicant.identity.kind",
        ),
        (
            {"kind": "natural_person", "name": "张三", "identity": {"kind": "passport"}},
            "applicant.identity.number",
        ),
        (
            {"kind": "natural_person", "name": "张三", "contact": {"phone": 138}},
            "applicant.contact.phone",
        ),
    ],
)
def test_malformed_applicant_dicts(data: object, path: str) -> None:
    with pytest.raises(SerializationError) as info:
        Applicant.from_dict(data)  # type: ignore[arg-type]
    assert info.value.path == path
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"identity": "11010519491231002X"}, "identity"),
        ({"contact": "13812345678"}, "contact"),
    ],
)
def test_applicant_refuses_wrong_types_with_the_librarys_error(
    kwargs: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidValueError) as info:
        Applicant(ApplicantKind.NATURAL_PERSON, "张三", **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_document_number_must_be_a_string() -> None:
    with pytest.raises(InvalidValueError) as info:
        IdentityDocument(IdentityDocumentKind.PASSPORT, 12345)  # type: ignore[arg-type]
    assert info.value.field == "number"


@pytest.mark.parametrize("name", applicants_module.__all__)
def test_public_names_have_resolvable_type_hints(name: str) -> None:
    obj = getattr(applicants_module, name)
    typing.get_type_hints(obj)
