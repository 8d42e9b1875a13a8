"""Regenerate kg/vocab.py (the KG DefinedNamespace and the terms' labels) from ontology/kg.ttl.

Usage: python scripts/gen_vocab.py [--check]

With --check, exit 1 if kg/vocab.py is out of date (the drift test runs this).
"""

from __future__ import annotations

import sys
from pathlib import Path

import rdflib

ROOT = Path(__file__).resolve().parent.parent
NS = "https://w3id.org/diplomacy-kg/ns#"


def render(ontology: Path) -> str:
    g = rdflib.Graph().parse(ontology)
    terms = sorted({str(s)[len(NS):] for s in g.subjects() if str(s).startswith(NS) and str(s) != NS})
    lines = [
        '"""The ``kg:`` vocabulary, generated from ontology/kg.ttl by scripts/gen_vocab.py.',
        "",
        "Do not edit by hand: change the ontology and rerun the script. ``_fail`` makes",
        "a misspelt term an AttributeError instead of a silent new predicate.",
        '"""',
        "",
        "from collections.abc import Mapping",
        "from types import MappingProxyType",
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class KG(DefinedNamespace):",
        "    _NS = Namespace(\"" + NS + "\")",
        "    _fail = True",
        "",
    ]
    lines += [f"    {t}: URIRef" for t in terms]
    lines += ["", "", "#: per term, its label by language (rdfs:label, else skos:prefLabel): captions need no graph",
              "LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType({"]
    for t in terms:
        labels = _labels(g, rdflib.URIRef(NS + t))
        if labels:
            lines.append(f"    {t!r}: MappingProxyType({labels!r}),")
    lines.append("})")
    return "\n".join(lines) + "\n"


def _labels(g: rdflib.Graph, term: rdflib.URIRef) -> dict[str, str]:
    out: dict[str, str] = {}
    for prop in (rdflib.RDFS.label, rdflib.SKOS.prefLabel):
        for lit in sorted(g.objects(term, prop), key=str):
            if isinstance(lit, rdflib.Literal) and lit.language in ("de", "en"):
                out.setdefault(lit.language, str(lit))
    return dict(sorted(out.items()))


def main(argv: list[str]) -> int:
    text = render(ROOT / "ontology" / "kg.ttl")
    target = ROOT / "kg" / "vocab.py"
    if "--check" in argv:
        if target.read_text(encoding="utf-8") != text:
            print("kg/vocab.py is out of date: run python scripts/gen_vocab.py", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
