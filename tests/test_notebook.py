"""The example notebook runs from top to bottom (with the ``notebook`` extra installed),
and is stored without outputs."""

from __future__ import annotations

import importlib
import importlib.util
import json
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "deadlines.ipynb"
NEEDED = ("nbformat", "nbclient", "ipykernel", "matplotlib", "pandas")
MISSING = [name for name in NEEDED if importlib.util.find_spec(name) is None]


def test_the_notebook_is_stored_without_outputs() -> None:
    data = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [cell for cell in data["cells"] if cell["cell_type"] == "code"]
    assert code
    assert all(cell["outputs"] == [] and cell["execution_count"] is None for cell in code)


@pytest.mark.skipif(
    bool(MISSING),
    reason=f"needs the notebook extra (pip install 'disclosure-flow[notebook]'): "
    f"{', '.join(MISSING)} not installed",
)
def test_the_notebook_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    # Imported by name: optional, and without type hints.
    nbformat = importlib.import_module("nbformat")
    notebook_client = importlib.import_module("nbclient").NotebookClient

    # jupyter_core warns about its old config paths unless told to use platformdirs.
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = notebook_client(
        notebook,
        timeout=60,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(
        o.get("text", "") + str(o.get("data", {}).get("text/plain", "")) for o in outputs
    )
    assert "答复期限 2026-11-23" in text
    assert any("image/png" in o.get("data", {}) for o in outputs)
