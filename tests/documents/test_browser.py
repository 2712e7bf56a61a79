"""The HTML in a real browser: each document printed to PDF by headless Chromium, its text
read back with pdftotext and its pages counted with pdfinfo (poppler-utils).

Skipped only where chromium is absent and CI is not set: ``.ci/run`` installs Debian's
chromium, poppler-utils and a Chinese font, so in CI these tests run (a missing browser
there is a failure).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from disclosure_flow import OutcomeReason, per_volume_fee
from disclosure_flow.documents import DocumentFormat, DocumentKind, build_document, render_document
from tests.documents.cases import AGENCY, OUTCOMES, example_for, replied

_TOOLS = ("chromium", "pdftotext", "pdfinfo")
_MISSING = [tool for tool in _TOOLS if shutil.which(tool) is None]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        bool(_MISSING) and not os.environ.get("CI"),
        reason=f"not installed here: {', '.join(_MISSING)} (CI installs them)",
    ),
]


def _print(html: str, folder: Path) -> tuple[str, int]:
    """*html* printed to PDF: its text and its page count."""
    page, pdf = folder / "document.html", folder / "document.pdf"
    page.write_text(html, encoding="utf-8")
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--no-pdf-header-footer",
            f"--user-data-dir={folder / 'profile'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.M)
    assert match, info
    return text, int(match.group(1))


def _bare(text: str) -> str:
    return "".join(text.split())


def test_the_tools_are_there_in_ci() -> None:
    assert not _MISSING, f"CI must install {', '.join(_MISSING)} (.ci/run)"


_PRINTED = [(kind, None) for kind in DocumentKind] + [
    (DocumentKind.REPLY, reason)
    for reason in (
        OutcomeReason.DISCLOSED,
        OutcomeReason.PARTIALLY_DISCLOSED,
        OutcomeReason.NOT_THIS_AGENCY,
        OutcomeReason.PETITION,
    )
]


@pytest.mark.parametrize(
    ("kind", "reason"),
    _PRINTED,
    ids=[k.value + (f"-{r.value}" if r else "") for k, r in _PRINTED],
)
def test_each_document_prints(
    kind: DocumentKind, reason: OutcomeReason | None, tmp_path: Path
) -> None:
    case = example_for(kind) if reason is None else replied(OUTCOMES[reason])
    fee = per_volume_fee(250) if kind is DocumentKind.FEE_NOTICE else None
    document = build_document(case, kind, agency=AGENCY, fee=fee, number=7)
    html = render_document(case, kind, agency=AGENCY, format=DocumentFormat.HTML, fee=fee, number=7)
    text, pages = _print(html, tmp_path)
    printed = _bare(text)
    assert _bare(document.title) in printed
    for paragraph in document.paragraphs:
        assert _bare(paragraph.text) in printed, paragraph.element
    for label, value in document.rows:
        assert _bare(label) in printed
        assert _bare(value) in printed
    assert _bare(AGENCY.name) in printed
    assert _bare(document.date) in printed
    assert 1 <= pages <= 2
    assert "—1—" in printed  # the page number at the foot of the first page
