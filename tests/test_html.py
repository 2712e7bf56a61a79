"""HTML for notebooks (``disclosure_flow._html``): complete, escaped, discreet, never raising."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from disclosure_flow import (
    R2019,
    Applicant,
    ApplicantKind,
    Channel,
    Contact,
    DeliveryMethod,
    Estimates,
    IdentityDocument,
    IdentityDocumentKind,
    InformationRequest,
    ProvisionForm,
    WorkdayCalendar,
    compute_deadline,
)
from disclosure_flow.cases import case_html
from disclosure_flow.clock import deadline_html
from disclosure_flow.testing import Scenario

D = dt.date
HOSTILE = "<script>alert('x')</script> & 〈注〉"
STORY = (
    Scenario(received=D(2026, 9, 28))
    .consulted_third_party(D(2026, 10, 12), D(2026, 10, 20))
    .extended(10, approver=HOSTILE, on=D(2026, 10, 26))
)


def well_formed(page: str) -> ET.Element:
    """Every tag is closed and every text escaped: the page parses as XML."""
    return ET.fromstring(f"<root>{page}</root>")


def test_a_deadline_shows_its_due_date_steps_and_calendar() -> None:
    deadline = STORY.deadline()
    assert deadline is not None
    page = deadline_html(deadline)
    root = well_formed(page)
    text = "".join(root.itertext())
    assert "答复期限 2026-11-23" in text
    assert "R2019" in text
    assert "30个工作日" in text
    assert deadline.fingerprint in text
    for step in deadline.steps():
        assert step.zh in text
        assert step.en in text
    assert len(root.findall(".//tr")) == len(deadline.steps()) + 1


def test_text_is_escaped() -> None:
    deadline = STORY.deadline()
    assert deadline is not None
    page = deadline_html(deadline)
    assert "<script" not in page
    assert "&lt;script&gt;" in page
    assert "&amp; 〈注〉" in page


def test_findings_status_and_open_deadlines() -> None:
    late = STORY.replied(D(2026, 11, 25)).deadline()
    assert late is not None
    page = deadline_html(late, as_of=D(2026, 11, 30))
    well_formed(page)
    assert "逾期答复" in page
    assert "已答复 replied" in page
    running = Scenario(received=D(2026, 9, 28)).consulted_third_party(D(2026, 10, 12)).deadline()
    assert running is not None
    page = deadline_html(running, as_of=D(2026, 10, 16))
    assert "答复期限未定" in page
    assert "暂停计时中 paused" in page
    early = deadline_html(running, as_of=D(2026, 10, 1))  # before the last event: no raise
    assert "as_of" in early


def test_a_provisional_deadline_shows_its_range() -> None:
    calendar = WorkdayCalendar(estimates=Estimates.ALLOW)
    deadline = compute_deadline(D(2027, 1, 11), policy=R2019, calendar=calendar)
    page = deadline_html(deadline)
    well_formed(page)
    assert deadline.low is not None
    assert deadline.high is not None
    assert deadline.low != deadline.high
    assert f"可能范围 {deadline.low.isoformat()} 至 {deadline.high.isoformat()}" in page
    assert f"plausible range {deadline.low.isoformat()} to {deadline.high.isoformat()}" in page
    assert "provisional" in page


def test_a_case_shows_its_history_and_deadline() -> None:
    case = STORY.case()
    page = case_html(case, as_of=D(2026, 11, 2))
    root = well_formed(page)
    text = "".join(root.itertext())
    assert "TEST-1" in text
    assert "办理中 (processing)" in text
    assert f"版本 version {case.version}" in text
    for event in case.history:
        assert f"{event.event.label_zh} ({event.event.value})" in text
    assert "party=第三方 (third_party)" in text
    assert "答复期限 2026-11-23" in text
    assert "剩余15个工作日" in text
    assert "<script" not in page


def test_a_case_never_shows_who_the_applicant_is() -> None:
    applicant = Applicant(
        ApplicantKind.NATURAL_PERSON,
        "张三丰",
        identity=IdentityDocument(IdentityDocumentKind.RESIDENT_ID_CARD, "11010519491231002X"),
        contact=Contact(phone="13800138000", address="北京市某街1号", email="zsf@example.com"),
    )
    request = InformationRequest("<b>2025年预算</b>", ProvisionForm.PAPER, DeliveryMethod.POST)
    case = Scenario(received=D(2026, 9, 28), applicant=applicant, request=request).case()
    page = case_html(case)
    for secret in ("张三丰", "11010519491231002X", "13800138000", "北京市某街1号", "zsf@"):
        assert secret not in page
    assert "申请人 自然人" in page
    assert "&lt;b&gt;2025年预算&lt;/b&gt;" in page


def test_a_case_without_day_zero_or_outside_the_data_still_displays() -> None:
    letter = Scenario(received=D(2026, 9, 28), channel=Channel.ORDINARY_LETTER).case()
    assert "尚无答复期限" in case_html(letter)
    december = Scenario(received=D(2026, 12, 20)).case()  # due in 2027: strict calendar
    page = case_html(december)
    well_formed(page)
    assert "deadline unavailable" in page
    assert "2026-12-31" in page


def test_notebooks_find_the_html_reprs() -> None:
    story = Scenario(received=dt.date(2026, 9, 28))
    case = story.case()
    deadline = case.deadline()
    assert deadline is not None
    assert deadline._repr_html_() == deadline_html(deadline)
    assert case._repr_html_() == case_html(case)
