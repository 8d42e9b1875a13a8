"""Run the extractor on German sentences (no NER model: gazetteer, HanTa
tags and rules only) and look at its claims and mentions."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Article, Extraction, FactKind, PartialDate


def extraction_of(resources, text: str, published: str | None = "2024-06-20") -> Extraction:
    article = Article(doc_id="t", text=text, published=PartialDate.from_iso(published) if published else None)
    return extract(resources.nlp(text), article, gazetteer=resources.gazetteer, lexicon=resources.lexicon)


def claims_of(resources, text: str, published: str | None = "2024-06-20", kind: FactKind | None = None):
    return [c for c in extraction_of(resources, text, published).claims if kind is None or c.kind is kind]


def mentions_of(resources, text: str, published: str | None = "2024-06-20"):
    return extraction_of(resources, text, published).mentions


def names(claim, role) -> set[str]:
    return {m.name for m in claim.role(role)}
