"""Tests for disclosure_flow.cases.channels: the Art. 31 receipt rule and the request itself.

Expected values come from SPEC §3 and the text of Art. 31 (quoted in the seed
000_*.txt, 和政县 guide §5 申请受理时间), not from the module.
"""

from __future__ import annotations

import datetime as dt
import json
import typing

import pytest
from hypothesis import given
from hypothesis import strategies as st

import disclosure_flow.cases.channels as channels_module
from disclosure_flow.cases import (
    Channel,
    DeliveryMethod,
    InformationRequest,
    ProvisionForm,
    ReceiptConfirmation,
)
from disclosure_flow.errors import InvalidDateError, InvalidValueError, SerializationError

MARCH_2 = dt.date(2026, 3, 2)
MARCH_5 = dt.date(2026, 3, 5)


def test_channel_table_of_spec_section_3() -> None:
    assert [(c.label_zh, c.confirmation) for c in Channel] == [
        ("当面提交", ReceiptConfirmation.NOT_NEEDED),
        ("需签收的邮寄", ReceiptConfirmation.NOT_NEEDED),
        ("平常信函等无需签收", ReceiptConfirmation.OFFICE_WITH_APPLICANT),
        ("互联网渠道", ReceiptConfirmation.BOTH_SIDES),
        ("传真", ReceiptConfirmation.BOTH_SIDES),
    ]
    assert {c for c in Channel if c.needs_confirmation} == {
        Channel.ORDINARY_LETTER,
        Channel.INTERNET,
        Channel.FAX,
    }


@pytest.mark.parametrize(
    ("channel", "phrase"),
    [
        (Channel.IN_PERSON, "以提交之日为收到申请之日"),
        (Channel.SIGNED_POST, "以行政机关签收之日为收到申请之日"),
        (Channel.ORDINARY_LETTER, "确认之日为收到申请之日"),
        (Channel.INTERNET, "以双方确认之日为收到申请之日"),
        (Channel.FAX, "以双方确认之日为收到申请之日"),
    ],
)
def test_rule_text_is_the_regulations(channel: Channel, phrase: str) -> None:
    assert phrase in channel.day_zero_rule_zh
    assert channel.article.startswith("Art. 31(")
    assert channel.day_zero_rule_en


def test_ordinary_letter_rule_says_the_office_tries_on_the_day_it_gets_it() -> None:
    assert "应当于收到申请的当日与申请人确认" in Channel.ORDINARY_LETTER.day_zero_rule_zh


@pytest.mark.parametrize("channel", [Channel.IN_PERSON, Channel.SIGNED_POST])
def test_day_zero_is_the_day_received_without_confirmation(channel: Channel) -> None:
    assert channel.day_zero(received=MARCH_2) == MARCH_2


@pytest.mark.parametrize("channel", [Channel.IN_PERSON, Channel.SIGNED_POST])
def test_a_confirmation_is_refused_where_none_is_needed(channel: Channel) -> None:
    with pytest.raises(InvalidValueError) as info:
        channel.day_zero(received=MARCH_2, confirmed=MARCH_5)
    assert info.value.field == "confirmed"


@pytest.mark.parametrize("channel", [Channel.ORDINARY_LETTER, Channel.INTERNET, Channel.FAX])
def test_day_zero_waits_for_the_confirmation(channel: Channel) -> None:
    assert channel.day_zero(received=MARCH_2) is None
    assert channel.day_zero(received=MARCH_2, confirmed=MARCH_2) == MARCH_2
    assert channel.day_zero(received=MARCH_2, confirmed=MARCH_5) == MARCH_5


def test_confirmation_before_receipt_is_refused() -> None:
    with pytest.raises(InvalidValueError) as info:
        Channel.INTERNET.day_zero(received=MARCH_5, confirmed=MARCH_2)
    assert info.value.value == MARCH_2
    assert "2026-03-05" in info.value.allowed


@pytest.mark.parametrize("bad", [dt.datetime(2026, 3, 2, 9, 30), "2026-03-02", None, 20260302])
def test_received_must_be_a_date(bad: object) -> None:
    with pytest.raises(InvalidDateError):
        Channel.IN_PERSON.day_zero(received=bad)  # type: ignore[arg-type]


def test_confirmed_must_be_a_date() -> None:
    with pytest.raises(InvalidDateError):
        Channel.FAX.day_zero(received=MARCH_2, confirmed=dt.datetime(2026, 3, 3, 8, 0))


@given(st.sampled_from(list(Channel)), st.dates(), st.integers(0, 60))
def test_day_zero_is_never_before_receipt(channel: Channel, received: dt.date, wait: int) -> None:
    try:
        confirmed = received + dt.timedelta(days=wait)
    except OverflowError:
        return
    if channel.needs_confirmation:
        assert channel.day_zero(received=received, confirmed=confirmed) == confirmed
    else:
        assert channel.day_zero(received=received) == received


# -- the request ---------------------------------------------------------------------


def test_form_and_delivery_labels() -> None:
    assert [f.label_zh for f in ProvisionForm] == ["纸质", "电子", "其他"]
    assert DeliveryMethod.POST.label_zh == "邮寄"
    assert DeliveryMethod.EMAIL.label_zh == "电子邮件"
    assert DeliveryMethod.COLLECT.label_zh == "当面领取"


def test_purpose_is_optional_since_2019() -> None:
    request = InformationRequest(
        "2025年本县财政预算公开文件", ProvisionForm.PAPER, DeliveryMethod.POST
    )
    assert request.purpose is None
    assert request.document_number is None
    assert InformationRequest.__doc__ is not None
    assert "三需要" in InformationRequest.__doc__


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"description": ""}, "description"),
        ({"description": "  "}, "description"),
        ({"form": "PAPER"}, "form"),  # a name, not a value
        ({"delivery": None}, "delivery"),
        ({"document_number": ""}, "document_number"),
        ({"purpose": 3}, "purpose"),
    ],
)
def test_request_refuses_bad_fields(kwargs: dict[str, object], field: str) -> None:
    base: dict[str, object] = {
        "description": "某某文件",
        "form": ProvisionForm.ELECTRONIC,
        "delivery": DeliveryMethod.EMAIL,
    }
    with pytest.raises(InvalidValueError) as info:
        InformationRequest(**(base | kwargs))  # type: ignore[arg-type]
    assert info.value.field == field


def test_request_repr_is_constructor_input() -> None:
    request = InformationRequest(
        "关于某某项目的批复",
        ProvisionForm.ELECTRONIC,
        DeliveryMethod.ONLINE,
        document_number="和政府函〔2023〕12号",
    )
    namespace = {name: getattr(channels_module, name) for name in channels_module.__all__}
    assert eval(repr(request), namespace) == request


texts = st.text(min_size=1).filter(lambda s: bool(s.strip()))
requests = st.builds(
    InformationRequest,
    texts,
    st.sampled_from(list(ProvisionForm)),
    st.sampled_from(list(DeliveryMethod)),
    st.none() | texts,
    st.none() | texts,
)


@given(requests)
def test_request_dict_round_trip_through_json(request: InformationRequest) -> None:
    assert InformationRequest.from_dict(json.loads(json.dumps(request.to_dict()))) == request


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ("x", "request"),
        ({"form": "paper", "delivery": "post"}, "request.description"),
        ({"description": "a", "form": "pdf", "delivery": "post"}, "request.form"),
        ({"description": "a", "form": "paper", "delivery": ["post"]}, "request.delivery"),
        ({"description": "a", "form": "paper", "delivery": "post", "x": 1}, "request.x"),
        (
            {"description": "a", "form": "paper", "delivery": "post", "purpose": ""},
            "request.purpose",
        ),
    ],
)
def test_malformed_request_dicts(data: object, path: str) -> None:
    with pytest.raises(SerializationError) as info:
        InformationRequest.from_dict(data)  # type: ignore[arg-type]
    assert info.value.path == path


@pytest.mark.parametrize("name", channels_module.__all__)
def test_public_names_have_resolvable_type_hints(name: str) -> None:
    typing.get_type_hints(getattr(channels_module, name))
