"""Regenerate the golden seed graph on purpose: ``python scripts/update_golden.py``.

tests/test_pipeline.py compares every seed build with tests/golden/seeds.nq
as isomorphic graphs, so that a refactoring shows whether it changed what
the graph says. When an extraction change is meant to change the seed
graph, run this, read ``git diff --stat tests/golden`` and commit the file
with the change that explains it.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from kg.pipeline import build
from kg.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "seeds.nq"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        settings = replace(Settings.from_pyproject(), build_dir=out, store_dir=out / "store")
        build([ROOT / "seeds"], settings)
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out / "graph.nq", GOLDEN)
    print(f"wrote {GOLDEN.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
