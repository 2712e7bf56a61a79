"""Documents from cases (render.py, context.py): each fits its act, states what the law
requires, refuses what does not fit, and renders in every format for every outcome."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_flow import (
    R2008,
    DocumentError,
    FeeBreakdown,
    InvalidValueError,
    Outcome,
    OutcomeKind,
    OutcomeReason,
    TemplateError,
    per_item_fee,
    per_volume_fee,
)
from disclosure_flow.documents import (
    AgencyProfile,
    DocumentFormat,
    DocumentKind,
    build_document,
    documents_for,
    render_document,
)
from tests.documents.cases import (
    AGENCY,
    ID_NUMBER,
    OUTCOMES,
    PHONE,
    REPLY_REASONS,
    WITHHELD,
    corrected,
    d,
    delivered,
    example_for,
    extended,
    fee_lapsed,
    fee_noticed,
    new_case,
    replied,
)


def _fee(kind: DocumentKind) -> FeeBreakdown | None:
    return per_volume_fee(250) if kind is DocumentKind.FEE_NOTICE else None


@pytest.mark.parametrize("fmt", list(DocumentFormat), ids=lambda f: f.value)
@pytest.mark.parametrize("kind", list(DocumentKind), ids=lambda k: k.value)
def test_every_document_renders_in_every_format(kind: DocumentKind, fmt: DocumentFormat) -> None:
    out = render_document(example_for(kind), kind, agency=AGENCY, format=fmt, fee=_fee(kind))
    if fmt is DocumentFormat.DOCX:
        assert isinstance(out, bytes)
        assert out[:2] == b"PK"
    else:
        assert isinstance(out, str)
        assert kind.title_zh in out


@pytest.mark.parametrize("fmt", list(DocumentFormat), ids=lambda f: f.value)
@pytest.mark.parametrize("reason", REPLY_REASONS, ids=lambda r: r.value)
def test_every_outcome_renders_a_reply_in_every_format(
    reason: OutcomeReason, fmt: DocumentFormat
) -> None:
    out = render_document(replied(OUTCOMES[reason]), DocumentKind.REPLY, agency=AGENCY, format=fmt)
    assert out


@pytest.mark.parametrize("kind", list(DocumentKind), ids=lambda k: k.value)
def test_every_required_element_is_present(kind: DocumentKind) -> None:
    document = build_document(example_for(kind), kind, agency=AGENCY, fee=_fee(kind))
    if kind is DocumentKind.DELIVERY_RECEIPT:
        assert [label for label, _ in document.rows][:5] == [
            "送达文书",
            "受送达人",
            "送达地点",
            "送达方式",
            "送达日期",
        ]
        return
    for element in kind.elements:
        if element in ("reasons", "provision", "fees") and kind is DocumentKind.REPLY:
            continue  # depend on the outcome: tested per outcome below
        assert document.element(element), element
    assert document.signature == AGENCY.name
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", document.date)


# -- what each document states ---------------------------------------------------------


def test_the_receipt_states_day_zero_how_it_was_fixed_and_the_due_date() -> None:
    document = build_document(new_case(), DocumentKind.RECEIPT, agency=AGENCY)
    day0 = document.element("day_zero")
    assert "第三十一条第（一）项" in day0
    assert "以提交之日为收到申请之日" in day0
    assert "2026年3月2日" in day0
    due = document.element("due")
    assert "20个工作日" in due
    assert "2026年3月30日" in due
    assert document.date == "2026年3月2日"


def test_a_receipt_for_a_letter_is_dated_the_day_of_confirmation() -> None:
    from disclosure_flow import Channel

    case = new_case(channel=Channel.ORDINARY_LETTER)
    with pytest.raises(DocumentError, match="not confirmed yet"):
        build_document(case, DocumentKind.RECEIPT, agency=AGENCY)
    case.confirm_receipt(d(3, 3))
    document = build_document(case, DocumentKind.RECEIPT, agency=AGENCY)
    assert "收到申请之日为2026年3月3日" in document.element("day_zero")
    assert "与申请人确认，确认之日为收到申请之日" in document.element("day_zero")
    assert "2026年3月31日" in document.element("due")


def test_the_correction_notice_states_items_period_and_consequence() -> None:
    document = build_document(corrected(), DocumentKind.CORRECTION_NOTICE, agency=AGENCY, number=4)
    assert document.number == "某政办补〔2026〕第4号"
    assert "请明确所需预算信息的年度和部门名称" in document.element("items")
    assert "一次性告知" in document.element("items")
    assert "2026年3月20日前" in document.element("period")
    assert "答复期限自本机关收到补正后的申请之日起计算" in document.element("period")
    assert "视为放弃申请" in document.element("consequence")
    assert "第三十条" in document.element("items")


def test_the_extension_notice_states_the_new_due_date_and_the_approval() -> None:
    document = build_document(extended(), DocumentKind.EXTENSION_NOTICE, agency=AGENCY)
    extension = document.element("extension")
    assert "第三十三条第二款" in extension
    assert "政府信息公开工作机构负责人（李四）同意" in extension
    assert "10个工作日" in extension
    assert "2026年4月14日" in document.element("new_due")


def test_the_extension_notice_is_for_the_latest_extension_by_as_of() -> None:
    case = extended()
    case.extend(d(4, 1), days=5, approver="王六")
    assert "王六" in build_document(case, DocumentKind.EXTENSION_NOTICE, agency=AGENCY).element(
        "extension"
    )
    earlier = build_document(case, DocumentKind.EXTENSION_NOTICE, agency=AGENCY, as_of=d(3, 30))
    assert "李四" in earlier.element("extension")
    assert earlier.date == "2026年3月25日"


def test_consultation_letters_state_the_period_its_due_date_and_silence() -> None:
    third = build_document(
        example_for(DocumentKind.THIRD_PARTY_CONSULTATION),
        DocumentKind.THIRD_PARTY_CONSULTATION,
        agency=AGENCY,
    )
    assert third.addressee == "某化工有限公司："
    assert "第三十二条" in third.element("information")
    assert "15个工作日" in third.element("answer_period")
    assert "2026年3月27日" in third.element("answer_period")  # from the letter's receipt 3-6
    assert "由本机关依照《条例》的规定决定是否公开" in third.element("silence")
    assert "张三" not in "".join(p.text for p in third.paragraphs)  # the applicant stays private
    agency = build_document(
        example_for(DocumentKind.AGENCY_CONSULTATION),
        DocumentKind.AGENCY_CONSULTATION,
        agency=AGENCY,
    )
    assert "第三十四条" in agency.element("information")
    assert "视为同意公开" in agency.element("silence")


def test_the_fee_notice_states_method_calculation_amount_deadline_consequence() -> None:
    document = build_document(
        fee_noticed(), DocumentKind.FEE_NOTICE, agency=AGENCY, fee=per_volume_fee(250)
    )
    assert "按量计收" in document.element("method")
    assert "第201—250页 50页×40元=2000元" in document.element("calculation")
    assert "4700元" in document.element("amount")
    payment = document.element("payment")
    assert "收到本通知次日起20个工作日内" in payment
    assert "2026年4月7日" in payment
    assert AGENCY.fee_payment is not None
    assert AGENCY.fee_payment in payment
    assert "不再处理" in document.element("consequence")
    assert "第四十二条" in document.element("basis")


def test_the_fee_notice_needs_its_calculation_and_it_must_match_the_notice() -> None:
    with pytest.raises(DocumentError, match="fee") as caught:
        build_document(fee_noticed(), DocumentKind.FEE_NOTICE, agency=AGENCY)
    assert caught.value.missing[0].startswith("fee")
    with pytest.raises(DocumentError, match="not the fee notice's"):
        build_document(
            fee_noticed(), DocumentKind.FEE_NOTICE, agency=AGENCY, fee=per_volume_fee(100)
        )
    with pytest.raises(DocumentError, match="not the fee notice's"):
        build_document(
            fee_noticed(3000), DocumentKind.FEE_NOTICE, agency=AGENCY, fee=per_item_fee(35)
        )


def test_art_35_documents() -> None:
    reasons = build_document(
        example_for(DocumentKind.REASONS_REQUEST), DocumentKind.REASONS_REQUEST, agency=AGENCY
    )
    assert "第三十五条" in reasons.element("reasons")
    assert "不予处理" in reasons.element("consequence")
    later = build_document(
        example_for(DocumentKind.DELAYED_DEADLINE_NOTICE),
        DocumentKind.DELAYED_DEADLINE_NOTICE,
        agency=AGENCY,
    )
    assert "2026年5月29日" in later.element("new_due")
    assert "第三十五条" in later.element("new_due")


# -- the reply ------------------------------------------------------------------------


@pytest.mark.parametrize("reason", REPLY_REASONS, ids=lambda r: r.value)
def test_each_reply_states_its_outcome_article_and_remedies(reason: OutcomeReason) -> None:
    document = build_document(replied(OUTCOMES[reason]), DocumentKind.REPLY, agency=AGENCY)
    body = document.element("outcome") + document.element("reasons")
    if reason.article.startswith("Art."):
        from disclosure_flow.documents.wording import cite

        assert cite(reason.article) in body
    remedies = document.element("remedies")
    assert "某县人民政府" in remedies
    assert "60日" in remedies
    if reason.kind is OutcomeKind.WITHHELD:
        assert "应当先申请行政复议" in remedies
        assert "某市中级人民法院" not in remedies
        assert "15日" in remedies
        if reason is not OutcomeReason.ADMINISTRATIVE_QUERY:  # Art. 36(7): a referral
            assert "理由如下" in document.element("reasons")
    else:
        assert "6个月内向某市中级人民法院提起行政诉讼" in remedies
    if reason.kind in (OutcomeKind.DISCLOSED, OutcomeKind.PARTIALLY_DISCLOSED):
        assert document.element("provision")
        assert "不收取费用" in document.element("fees")
    else:
        assert not document.element("provision")


def test_a_partial_disclosure_states_what_was_withheld_and_why() -> None:
    document = build_document(
        replied(OUTCOMES[OutcomeReason.PARTIALLY_DISCLOSED]), DocumentKind.REPLY, agency=AGENCY
    )
    reasons = document.element("reasons")
    assert "预算表中涉及个人的银行账户信息" in reasons
    assert "第十五条" in reasons
    assert "第三十七条" in document.element("outcome")
    assert "可以公开的政府信息内容" in document.element("provision")


def test_not_this_agency_names_the_competent_agency() -> None:
    document = build_document(
        replied(OUTCOMES[OutcomeReason.NOT_THIS_AGENCY]), DocumentKind.REPLY, agency=AGENCY
    )
    assert "某县财政局" in document.element("reasons")
    assert "第三十六条第（五）项" in document.element("outcome")


def test_a_withheld_reply_before_2024_allows_a_direct_suit() -> None:
    document = build_document(
        replied(WITHHELD, day=d(12, 20, 2023), received=d(12, 1, 2023)),
        DocumentKind.REPLY,
        agency=AGENCY,
    )
    remedies = document.element("remedies")
    assert "6个月内向某市中级人民法院提起行政诉讼" in remedies
    assert "先申请行政复议" not in remedies


def test_the_provision_follows_art_40_when_delivered_another_way() -> None:
    from disclosure_flow import DeliveryMethod

    disclosed = Outcome(OutcomeKind.DISCLOSED, OutcomeReason.DISCLOSED)
    case = replied(disclosed)
    case.deliver(d(3, 23), method=DeliveryMethod.ON_SITE_READING)
    provision = build_document(case, DocumentKind.REPLY, agency=AGENCY).element("provision")
    assert "第四十条" in provision
    assert "当场查阅、抄录" in provision


def test_a_paid_fee_is_stated_in_the_reply() -> None:
    case = fee_noticed()
    case.receive_payment(d(3, 12))
    case.reply(d(3, 20), outcome=Outcome(OutcomeKind.DISCLOSED, OutcomeReason.DISCLOSED))
    assert "4700元" in build_document(case, DocumentKind.REPLY, agency=AGENCY).element("fees")


def test_a_reply_recorded_without_remedies_is_refused() -> None:
    case = new_case()
    case.start_review(d(3, 3)).reply(d(3, 20), outcome=WITHHELD, remedies_stated=False)
    with pytest.raises(DocumentError, match="remedies_stated"):
        build_document(case, DocumentKind.REPLY, agency=AGENCY)


def test_termination_notices_state_the_ending_and_the_remedies() -> None:
    lapsed = build_document(
        example_for(DocumentKind.TERMINATION_NOTICE), DocumentKind.TERMINATION_NOTICE, agency=AGENCY
    )
    assert "视为放弃" in lapsed.element("ending")
    assert "第三十条" in lapsed.element("ending")
    assert "6个月" in lapsed.element("remedies")
    unpaid = build_document(fee_lapsed(), DocumentKind.TERMINATION_NOTICE, agency=AGENCY)
    assert "4700元" in unpaid.element("ending")
    assert "某市中级人民法院" in unpaid.element("remedies")


def test_the_delivery_receipt_records_the_delivery() -> None:
    document = build_document(
        delivered(WITHHELD), DocumentKind.DELIVERY_RECEIPT, agency=AGENCY, number=9
    )
    rows = dict(document.rows)
    assert rows["送达文书"] == "政府信息公开申请答复书（某政办依复〔2026〕第9号）"
    assert rows["受送达人"] == "张三"
    assert rows["送达方式"] == "邮寄"
    assert rows["送达日期"] == "2026年3月23日"
    assert "2026年3月25日" in rows["受送达人签收"]
    blank = build_document(replied(WITHHELD), DocumentKind.DELIVERY_RECEIPT, agency=AGENCY)
    assert dict(blank.rows)["送达日期"] == "　　年　　月　　日"


# -- what is refused ---------------------------------------------------------------------


def test_a_document_that_does_not_fit_names_the_state_and_what_fits() -> None:
    with pytest.raises(DocumentError) as caught:
        render_document(new_case(), DocumentKind.EXTENSION_NOTICE, agency=AGENCY)
    message = str(caught.value)
    assert "never extended" in message
    assert "state registered" in message
    assert "政府信息公开申请登记回执 (receipt)" in message
    assert isinstance(caught.value, ValueError)
    assert caught.value.document == "extension_notice"


@pytest.mark.parametrize("kind", list(DocumentKind), ids=lambda k: k.value)
def test_documents_for_lists_exactly_the_documents_that_render(kind: DocumentKind) -> None:
    case = example_for(kind)
    fits = documents_for(case)
    assert kind in fits
    for other in DocumentKind:
        if other in fits:
            continue
        with pytest.raises(DocumentError, match="does not fit"):
            build_document(case, other, agency=AGENCY, fee=_fee(other))


def test_a_profile_lacking_fields_lists_every_one_at_once() -> None:
    bare = AgencyProfile(name="某县人民政府")
    with pytest.raises(DocumentError) as caught:
        build_document(
            delivered(Outcome(OutcomeKind.DISCLOSED, OutcomeReason.ALREADY_PUBLIC)),
            DocumentKind.REPLY,
            agency=bare,
        )
    assert caught.value.missing == (
        "outcome.note or agency.website (where it was published, Art. 36(1))",
        "agency.reconsideration_body",
        "agency.court",
    )
    with pytest.raises(DocumentError) as fee:
        build_document(fee_noticed(), DocumentKind.FEE_NOTICE, agency=bare)
    assert len(fee.value.missing) == 2
    assert "agency.fee_payment" in str(fee.value)
    # 复议前置: no court is needed.
    with pytest.raises(DocumentError) as withheld:
        build_document(replied(WITHHELD), DocumentKind.REPLY, agency=bare)
    assert withheld.value.missing == ("agency.reconsideration_body",)


def test_no_error_shows_an_identity_number_or_a_phone() -> None:
    case = new_case(name=f"张三{ID_NUMBER}", description=f"电话{PHONE}的记录")
    errors = []
    for kind in DocumentKind:
        try:
            build_document(case, kind, agency=AgencyProfile(name=f"机关{PHONE}"), consultee=PHONE)
        except DocumentError as error:
            errors.append(error)
    try:
        build_document(
            replied(WITHHELD), DocumentKind.REPLY, agency=AgencyProfile(name="x", contact=PHONE)
        )
    except DocumentError as error:
        errors.append(error)
    assert len(errors) == len(DocumentKind)
    for found in errors:
        for text in (str(found), repr(found)):
            assert PHONE not in text
            assert ID_NUMBER not in text


def test_arguments_of_the_wrong_type_are_refused() -> None:
    case = new_case()
    with pytest.raises(InvalidValueError, match="format"):
        render_document(case, DocumentKind.RECEIPT, agency=AGENCY, format="pdf")  # type: ignore[call-overload]  # the wrong type on purpose
    with pytest.raises(InvalidValueError, match="kind"):
        build_document(case, "receipt", agency=AGENCY)  # type: ignore[arg-type]  # on purpose
    with pytest.raises(InvalidValueError, match="agency"):
        build_document(case, DocumentKind.RECEIPT, agency={"name": "x"})  # type: ignore[arg-type]  # on purpose
    with pytest.raises(InvalidValueError, match="number"):
        build_document(case, DocumentKind.RECEIPT, agency=AGENCY, number=0)


def test_a_case_under_r2008_is_refused() -> None:
    case = new_case(received=d(3, 4, 2019))
    assert case.policy == R2008
    with pytest.raises(DocumentError, match="2008 regulation"):
        build_document(case, DocumentKind.RECEIPT, agency=AGENCY)


def test_a_provisional_date_is_said_so() -> None:
    from disclosure_flow import Estimates, WorkdayCalendar

    case = new_case(received=d(12, 15))
    case.use_calendar(WorkdayCalendar(estimates=Estimates.ALLOW))
    document = build_document(case, DocumentKind.RECEIPT, agency=AGENCY)
    assert any("预估的节假日安排" in note for note in document.notes)


# -- properties -------------------------------------------------------------------------

_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(str.strip)


@settings(max_examples=40, deadline=None)
@given(name=_TEXT, description=_TEXT, note=_TEXT, agency_name=_TEXT)
def test_any_user_text_in_any_field_is_escaped_in_html(
    name: str, description: str, note: str, agency_name: str
) -> None:
    from html.parser import HTMLParser

    outcome = Outcome(OutcomeKind.WITHHELD, OutcomeReason.STATE_SECRET, note=note)
    case = new_case(name=name, description=description)
    case.start_review(d(3, 3)).reply(d(3, 20), outcome=outcome)
    agency = attrs.evolve(AGENCY, name=agency_name, contact=note)
    html = render_document(case, DocumentKind.REPLY, agency=agency, format=DocumentFormat.HTML)

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: set[str] = set()
            self.text: list[str] = []

        def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
            self.tags.add(tag)

        def handle_data(self, data: str) -> None:
            self.text.append(data)

    parser = Tags()
    parser.feed(html)
    assert parser.tags <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "article",
        "h1",
        "p",
        "div",
    }
    text = "".join("".join(parser.text).split())
    for value in (name, description, note, agency_name):
        assert "".join(value.split()) in text


@settings(max_examples=30, deadline=None)
@given(
    reason=st.sampled_from(REPLY_REASONS),
    received=st.dates(dt.date(2019, 6, 1), dt.date(2026, 6, 30)),
    after=st.integers(1, 25),
    fmt=st.sampled_from([DocumentFormat.MARKDOWN, DocumentFormat.TEXT, DocumentFormat.HTML]),
)
def test_every_outcome_renders_on_any_day(
    reason: OutcomeReason, received: dt.date, after: int, fmt: DocumentFormat
) -> None:
    case = replied(OUTCOMES[reason], received=received, day=received + dt.timedelta(days=after + 2))
    out = render_document(case, DocumentKind.REPLY, agency=AGENCY, format=fmt)
    first = reason.kind is OutcomeKind.WITHHELD and case.replies[0].day >= dt.date(2024, 1, 1)
    assert ("应当先申请行政复议" in out) is first
    assert ("某市中级人民法院" in out) is not first


def test_templates_that_drop_a_fact_are_refused_at_render(tmp_path: object) -> None:
    from pathlib import Path

    from disclosure_flow.documents import DocumentTemplates

    folder = Path(str(tmp_path))
    (folder / "_shared.j2").write_text(
        (Path(__file__).resolve().parents[2] / "src/disclosure_flow/documents/templates/_shared.j2")
        .read_text(encoding="utf-8")
        .replace("{{ r.court }}", "人民法院"),
        encoding="utf-8",
    )
    own = DocumentTemplates(folder)
    with pytest.raises(TemplateError, match="element remedies does not state '某市中级人民法院'"):
        build_document(
            replied(OUTCOMES[OutcomeReason.DISCLOSED]),
            DocumentKind.REPLY,
            agency=AGENCY,
            templates=own,
        )


def test_markdown_escapes_user_text() -> None:
    case = new_case(name="# <b>张三</b> *", description="[链接](http://x) | 1. 项")
    text = render_document(case, DocumentKind.RECEIPT, agency=AGENCY)
    assert "\\# \\<b\\>张三\\</b\\> \\*：" in text
    assert "\\[链接\\]\\(http://x\\) \\| 1. 项" in text
    assert "<b>" not in text
    from disclosure_flow.documents.plain import markdown_escape

    assert markdown_escape("1. 第一") == "1\\. 第一"
    assert markdown_escape("- 一") == "\\- 一"
