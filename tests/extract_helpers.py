"""Run the extractor on one German sentence (no NER model: gazetteer,
HanTa tags and rules only) and describe its claims as plain tuples."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Article, FactKind, PartialDate


def claims_of(resources, text: str, published: str | None = "2024-06-20", kind: FactKind | None = None):
    article = Article(doc_id="t", text=text, published=PartialDate.from_iso(published) if published else None)
    doc = resources.nlp(text)
    ex = extract(doc, article, gazetteer=resources.gazetteer, lexicon=resources.lexicon)
    return [c for c in ex.claims if kind is None or c.kind is kind]


def names(claim, role) -> set[str]:
    return {m.name for m in claim.role(role)}
