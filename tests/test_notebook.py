"""The notebook runs top to bottom in a real kernel."""

from __future__ import annotations

import pytest

from data import ROOT

pytestmark = pytest.mark.slow


def test_seed_notebook_runs():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    path = ROOT / "notebooks" / "seeds.ipynb"
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = "\n".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert "Wladimir Putin" in outputs  # the visits table
    assert "3,500,000,000" in outputs  # the trade table (tables group digits)
    assert "nodes," in outputs
    assert "most central actors" in outputs and "nodes near Putin" in outputs  # stats and a focus view
    focus = (ROOT / "build" / "notebook" / "putin.html").read_text(encoding="utf-8")
    assert 'focusId = "Wladimir Putin"' in focus and "\nBesucher: Wladimir Putin" in focus.replace("\\n", "\n")
    assert "\u201e" in focus and "\nQuelle: " in focus.replace("\\n", "\n")  # evidence sentences, articles
