"""Templates (templates.py): the library's check of each template when it is loaded."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_flow import DocumentError, TemplateError
from disclosure_flow.documents import (
    DocumentFormat,
    DocumentKind,
    DocumentTemplates,
    build_document,
    render_document,
)
from tests.documents.cases import AGENCY, WITHHELD, new_case, replied

SHIPPED = (
    Path(__file__).resolve().parents[2] / "src" / "disclosure_flow" / "documents" / "templates"
)


def _without_block(source: str, block: str) -> str:
    pattern = re.compile(r"{%\s*block " + block + r"\s*%}.*?{%\s*endblock\s*%}", re.S)
    assert pattern.search(source), block
    return pattern.sub("", source, count=1)


CASES = [(kind, block) for kind in DocumentKind for block in kind.required_blocks]


@pytest.mark.parametrize(("kind", "block"), CASES, ids=[f"{k.value}-{b}" for k, b in CASES])
def test_a_template_without_a_required_element_is_refused_when_loaded(
    kind: DocumentKind, block: str, tmp_path: Path
) -> None:
    source = (SHIPPED / kind.template_name).read_text(encoding="utf-8")
    (tmp_path / kind.template_name).write_text(_without_block(source, block), encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        DocumentTemplates(tmp_path)
    assert caught.value.missing == (block,)
    assert block in str(caught.value)
    assert caught.value.template == kind.template_name
    assert isinstance(caught.value, DocumentError)


def test_the_shipped_templates_define_every_required_block() -> None:
    for kind in DocumentKind:
        source = (SHIPPED / kind.template_name).read_text(encoding="utf-8")
        for block in kind.required_blocks:
            assert re.search(r"{%\s*block " + block + r"\s*%}", source), (kind, block)


def test_one_template_overrides_the_library_s(tmp_path: Path) -> None:
    source = (SHIPPED / "receipt.j2").read_text(encoding="utf-8")
    (tmp_path / "receipt.j2").write_text(
        source.replace("政府信息公开申请登记回执", "政府信息公开申请受理回执"), encoding="utf-8"
    )
    own = DocumentTemplates(tmp_path)
    assert own.folder == tmp_path
    receipt = build_document(new_case(), DocumentKind.RECEIPT, agency=AGENCY, templates=own)
    assert receipt.title == "政府信息公开申请受理回执"
    reply = build_document(replied(WITHHELD), DocumentKind.REPLY, agency=AGENCY, templates=own)
    assert reply.title == "政府信息公开申请答复书"  # the library's, not overridden


def test_a_template_that_does_not_parse_is_refused_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "reply.j2").write_text("{% block title %}答复书\n{% if %}", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"reply.j2: does not parse \(line 2"):
        DocumentTemplates(tmp_path)


def test_extends_is_refused(tmp_path: Path) -> None:
    (tmp_path / "reply.j2").write_text('{% extends "receipt.j2" %}', encoding="utf-8")
    with pytest.raises(TemplateError, match="extends"):
        DocumentTemplates(tmp_path)


def test_an_empty_required_element_is_refused_at_render(tmp_path: Path) -> None:
    source = (SHIPPED / "correction_notice.j2").read_text(encoding="utf-8")
    emptied = re.sub(
        r"({%\s*block consequence\s*%}).*?({%\s*endblock\s*%})", r"\1\2", source, flags=re.S
    )
    (tmp_path / "correction_notice.j2").write_text(emptied, encoding="utf-8")
    from tests.documents.cases import corrected

    with pytest.raises(TemplateError, match="element consequence is empty"):
        build_document(
            corrected(),
            DocumentKind.CORRECTION_NOTICE,
            agency=AGENCY,
            templates=DocumentTemplates(tmp_path),
        )


def test_an_unknown_name_and_the_sandbox_are_template_errors(tmp_path: Path) -> None:
    source = (SHIPPED / "receipt.j2").read_text(encoding="utf-8")
    (tmp_path / "receipt.j2").write_text(
        source.replace("{{ due }}", "{{ nope }}"), encoding="utf-8"
    )
    with pytest.raises(TemplateError, match="nope"):
        build_document(
            new_case(), DocumentKind.RECEIPT, agency=AGENCY, templates=DocumentTemplates(tmp_path)
        )
    (tmp_path / "receipt.j2").write_text(
        source.replace("{{ due }}", "{{ agency.__class__.__init__.__globals__ }}"), encoding="utf-8"
    )
    with pytest.raises(TemplateError, match="cannot be rendered"):
        build_document(
            new_case(), DocumentKind.RECEIPT, agency=AGENCY, templates=DocumentTemplates(tmp_path)
        )


def test_a_folder_that_is_not_one_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="not a folder"):
        DocumentTemplates(tmp_path / "missing")


def test_the_core_imports_without_the_extra() -> None:
    code = (
        "import sys; sys.modules['jinja2'] = None; sys.modules['docx'] = None\n"
        "import disclosure_flow, disclosure_flow.documents, disclosure_flow.cli\n"
        "from disclosure_flow.documents import DocumentTemplates\n"
        "try:\n    DocumentTemplates()\n"
        "except disclosure_flow.DocumentError as error:\n    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'disclosure-flow[documents]'" in done.stdout


def test_docx_without_python_docx_is_a_document_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(DocumentError, match="python-docx"):
        render_document(new_case(), DocumentKind.RECEIPT, agency=AGENCY, format=DocumentFormat.DOCX)
