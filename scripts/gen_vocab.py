"""Regenerate kg/vocab.py (the KG DefinedNamespace) from ontology/kg.ttl.

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
    return "\n".join(lines) + "\n"


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
