"""``disclosure-flow document`` (documents/command.py): a case's document from the shell."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest

from disclosure_flow.cli import EXIT_IO, EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main
from tests.documents.cases import PHONE, WITHHELD, fee_noticed, new_case, replied

ROOT = Path(__file__).resolve().parent.parent
AGENCY = str(ROOT / "examples" / "agency.toml")


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture
def reply_json(tmp_path: Path) -> str:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(replied(WITHHELD).to_dict(), ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_a_reply_as_markdown(reply_json: str) -> None:
    code, text = run("document", "reply", reply_json, "--agency", AGENCY, "--number", "12")
    assert code == EXIT_OK, text
    assert text.startswith("# 政府信息公开申请答复书\n")
    assert "某政办依复〔2026〕第12号" in text
    assert "应当先申请行政复议" in text


def test_a_reply_as_docx(reply_json: str, tmp_path: Path) -> None:
    out = tmp_path / "reply.docx"
    code, text = run(
        "document", "reply", reply_json, "--agency", AGENCY, "--format", "docx", "-o", str(out)
    )
    assert code == EXIT_OK, text
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert paragraphs[0] == "政府信息公开申请答复书"


def test_html_and_text_to_a_file(reply_json: str, tmp_path: Path) -> None:
    for fmt in ("html", "text"):
        out = tmp_path / f"reply.{fmt}"
        assert (
            run(
                "document", "reply", reply_json, "--agency", AGENCY, "--format", fmt, "-o", str(out)
            )[0]
            == 0
        )
        assert "政府信息公开申请答复书" in out.read_text(encoding="utf-8")


def test_docx_needs_an_output_file(reply_json: str) -> None:
    code, text = run(
        "document", "reply", reply_json, "--agency", AGENCY, "--format", "docx", "--json"
    )
    assert code == EXIT_USAGE
    assert "-o FILE" in json.loads(text)["error"]["message"]


def test_a_document_that_does_not_fit_exits_3(reply_json: str) -> None:
    code, text = run("document", "extension_notice", reply_json, "--agency", AGENCY, "--json")
    assert code == EXIT_REFUSED
    error = json.loads(text)["error"]
    assert error["type"] == "DocumentError"
    assert "从未延长答复期限" in error["message"]  # the errors speak Chinese by default
    assert PHONE not in text


def test_a_fee_notice_with_its_calculation(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(fee_noticed().to_dict(), ensure_ascii=False), encoding="utf-8")
    code, text = run("document", "fee_notice", str(path), "--agency", AGENCY, "--fee-units", "250")
    assert code == EXIT_OK, text
    assert "合计4700元" in text
    code, text = run("document", "fee_notice", str(path), "--agency", AGENCY)
    assert code == EXIT_REFUSED


def test_unreadable_inputs(tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps(new_case().to_dict()), encoding="utf-8")
    assert run("document", "receipt", str(tmp_path / "none.json"), "--agency", AGENCY)[0] == EXIT_IO
    assert (
        run("document", "receipt", str(case), "--agency", str(tmp_path / "none.toml"))[0] == EXIT_IO
    )
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert run("document", "receipt", str(bad), "--agency", AGENCY)[0] == EXIT_REFUSED
    assert run("document", "nope", str(case), "--agency", AGENCY)[0] == EXIT_USAGE
    code, text = run("document", "receipt", str(case), "--agency", AGENCY, "--format", "text")
    assert code == EXIT_OK
    assert "登记回执" in text
