"""Stages import only downward (STYLE.md B2): a 20-line walk over the
imports of every module, function-level imports included."""

from __future__ import annotations

import ast

from data import ROOT

# Lower layers never import higher ones; a layer may import itself.
LAYERS = [
    {"model", "errors", "vocab"},
    {"factkinds", "captions"},
    {"normalize", "settings", "namespaces", "stts"},
    {"gazetteer", "lexicon", "ingest", "ingest_html", "ingest_jsonl", "langcheck", "ner", "progress", "cache"},
    {"nlp"},
    {"extract"},
    {"resolve"},
    {"rdf_terms"},
    {"rdf"},
    {"store", "store_http", "validate"},
    {"queries", "results", "explain"},
    {"layout", "viewcut"},
    {"evaluation", "viz", "graphstats", "training"},
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


def _module_name(path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _imports(path, modules: set[str]) -> set[str]:
    """The kg modules a file imports, at any depth (function-level too).
    ``from kg.extract import roles`` imports the module kg.extract.roles;
    the package kg.extract it runs first is no edge of its own (Python
    allows a submodule to import its partly initialised package)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("kg")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kg"):
            subs = {f"{node.module}.{a.name}" for a in node.names} & modules
            out |= subs if len(subs) == len(node.names) else {node.module, *subs}
    return out


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a path of module names, or [] (depth-first search)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str]:
        state[m] = 1
        stack.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                return stack[stack.index(n):] + [n]
            if n not in state and (found := visit(n)):
                return found
        state[m] = 2
        stack.pop()
        return []

    for m in sorted(graph):
        if m not in state and (found := visit(m)):
            return found
    return []


def test_no_import_cycles_between_kg_modules():
    paths = {_module_name(p): p for p in (ROOT / "kg").rglob("*.py")}
    graph = {m: {n for n in _imports(p, set(paths)) if n in paths and n != m} for m, p in paths.items()}
    assert _cycle(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []


def test_runtime_imports_no_training_or_scoring_code():
    """Only the command line reaches kg.training and kg.evaluation (lazily,
    inside its commands); the pipeline stages never do."""
    paths = {_module_name(p): p for p in (ROOT / "kg").rglob("*.py")}
    offline = ("kg.training", "kg.evaluation")
    users = {m for m, p in paths.items() if not m.startswith(offline) and m != "kg.cli"
             and any(n.startswith(offline) for n in _imports(p, set(paths)))}
    assert users == set()
