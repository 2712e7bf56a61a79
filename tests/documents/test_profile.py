"""The agency profile (profile.py): Python values or the TOML file a clerk edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_flow import InputEncodingError, InvalidValueError, SerializationError
from disclosure_flow.documents import AgencyProfile, DocumentKind

TOML = """
name = "某县人民政府办公室"
address = "某县城关镇一号统办楼三楼"
contact = "0930-5521059"
reconsideration_body = "某县人民政府"
court = "某市中级人民法院"
number_pattern = "某政办依复〔{year}〕第{n}号"

[numbers]
correction_notice = "某政办补〔{year}〕第{n}号"
"""


def test_a_profile_loads_from_toml(tmp_path: Path) -> None:
    path = tmp_path / "agency.toml"
    path.write_text(TOML, encoding="utf-8")
    profile = AgencyProfile.load(path)
    assert profile.name == "某县人民政府办公室"
    assert profile.court == "某市中级人民法院"
    assert profile.number_patterns == {DocumentKind.CORRECTION_NOTICE: "某政办补〔{year}〕第{n}号"}
    assert AgencyProfile.from_toml(TOML) == profile
    path.write_bytes(TOML.encode("gbk"))
    assert AgencyProfile.load(path, encoding="gbk") == profile
    with pytest.raises(InputEncodingError):
        AgencyProfile.load(path)
    with pytest.raises(InvalidValueError, match="encoding"):
        AgencyProfile.load(path, encoding="base64")


def test_numbers() -> None:
    profile = AgencyProfile.from_toml(TOML)
    assert profile.document_number(DocumentKind.REPLY, 2026, 3) == "某政办依复〔2026〕第3号"
    assert profile.document_number(DocumentKind.REPLY, 2026, None) == "某政办依复〔2026〕第　　号"
    assert (
        profile.document_number(DocumentKind.CORRECTION_NOTICE, 2026, 1) == "某政办补〔2026〕第1号"
    )
    assert profile.document_number(DocumentKind.RECEIPT, 2026, 1) is None  # no pattern of its own
    assert profile.document_number(DocumentKind.RECEIPT, 2026, "回执2026-1") == "回执2026-1"
    with pytest.raises(InvalidValueError):
        profile.document_number(DocumentKind.REPLY, 2026, True)


@pytest.mark.parametrize(
    "pattern", ["某政依复〔{year}〕", "第{n}号{x}", "{n", "", "第{0}号"], ids=repr
)
def test_a_bad_number_pattern_is_refused(pattern: str) -> None:
    with pytest.raises(InvalidValueError, match="pattern"):
        AgencyProfile(name="x", number_pattern=pattern)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("address = 'x'", "agency.name"),
        ("name = 'x'\ncourts = 'y'", "agency.courts"),
        ("name = 'x'\ncourt = ''", "agency.court"),
        ("name = 'x'\n[numbers]\nnope = '第{n}号'", "agency.number_patterns"),
        ("name = ", "agency"),
    ],
)
def test_a_bad_profile_names_where(text: str, where: str) -> None:
    with pytest.raises(SerializationError) as caught:
        AgencyProfile.from_toml(text)
    assert caught.value.path.startswith(where)
