"""Tests for disclosure_flow.workdays.overlay_toml: an overlay written as TOML reads back
equal (the file ``disclosure-flow calendar import-notice`` writes)."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_flow import InvalidValueError, Overlay, OverlayEntry, OverlayKind
from disclosure_flow.workdays import overlay_to_toml
from tests.strategies import overlays

SRC = "测试数据，非真实通知"


@given(overlays())
def test_every_overlay_reads_back_equal(overlay: Overlay) -> None:
    text = overlay_to_toml(overlay)
    assert Overlay.from_toml(text) == overlay
    assert Overlay.from_toml(text).digest == overlay.digest


@given(st.text(min_size=1).filter(lambda s: s.strip()))
def test_any_label_survives(label: str) -> None:
    entry = OverlayEntry(dt.date(2026, 7, 14), OverlayKind.DAY_OFF, label, SRC)
    overlay = Overlay('测试 "quoted" \\ name', (entry,))
    assert Overlay.from_toml(overlay_to_toml(overlay)) == overlay


def test_comments_come_first_and_are_comments() -> None:
    entry = OverlayEntry(dt.date(2026, 7, 14), OverlayKind.DAY_OFF, "测试", SRC)
    text = overlay_to_toml(Overlay("测试", (entry,)), comments=["第一行\n第二行", "third"])
    assert text.splitlines()[:3] == ["# 第一行", "# 第二行", "# third"]
    assert tomllib.loads(text)["name"] == "测试"


def test_only_an_overlay_is_written() -> None:
    with pytest.raises(InvalidValueError):
        overlay_to_toml("name = 'x'")  # type: ignore[arg-type]  # the point of the test
