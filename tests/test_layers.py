"""Stages import only downward (STYLE.md B2): a 20-line walk over the
imports of every module, function-level imports included."""

from __future__ import annotations

import ast

from data import ROOT

# Lower layers never import higher ones; a layer may import itself.
LAYERS = [
    {"model", "errors", "vocab", "scoring"},
    {"normalize", "settings", "namespaces"},
    {"gazetteer", "lexicon", "ingest", "ner"},
    {"nlp"},
    {"extract"},
    {"resolve"},
    {"rdf"},
    {"store", "store_http", "validate"},
    {"queries"},
    {"evaluate", "viz"},
    {"pipeline"},
    {"cli"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _stage(module: str) -> str:
    return module.split(".")[1] if module.startswith("kg.") else module


def test_stages_import_only_downward():
    problems = []
    for path in sorted((ROOT / "kg").rglob("*.py")):
        rel = path.relative_to(ROOT / "kg").with_suffix("")
        me = rel.parts[0] if len(rel.parts) > 1 else rel.name
        if me == "__init__":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else (
                [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            for name in names:
                if name.startswith("kg."):
                    other = _stage(name)
                    if RANK[other] > RANK[me]:
                        problems.append(f"{path.relative_to(ROOT)} imports {name}")
    assert problems == []


def test_every_module_has_a_layer():
    stages = {p.stem if p.parent.name == "kg" else p.parent.name for p in (ROOT / "kg").rglob("*.py")}
    assert stages - {"__init__"} <= set(RANK)
