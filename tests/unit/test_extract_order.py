"""Extractors are pure functions of the frozen article view: run in any
order they give the same claims, and none of them can change the view."""

from __future__ import annotations

import dataclasses
import random

import pytest

from kg.extract import EVENT_EXTRACTORS, build_context, coref, extract, roles
from kg.ingest import read_article

from data import SEEDS


@pytest.fixture(scope="module")
def seed_docs(resources_no_ner):
    articles = [read_article(p) for p in sorted(SEEDS.glob("*.txt"))]
    return [(resources_no_ner.nlp(a.text), a) for a in articles]


def _claims(resources, doc, article, extractors):
    ex = extract(doc, article, gazetteer=resources.gazetteer, lexicon=resources.lexicon, extractors=extractors)
    return ex.claims


def test_extractors_in_shuffled_order_give_the_same_claims(resources_no_ner, seed_docs):
    rng = random.Random(7)
    for doc, article in seed_docs:
        expected = set(_claims(resources_no_ner, doc, article, EVENT_EXTRACTORS))
        assert expected
        for _ in range(3):
            order = list(EVENT_EXTRACTORS)
            rng.shuffle(order)
            assert set(_claims(resources_no_ner, doc, article, order)) == expected


def test_the_article_view_is_frozen(resources_no_ner, seed_docs):
    doc, article = seed_docs[0]
    view = build_context(doc, article, resources_no_ner.gazetteer, resources_no_ner.lexicon)
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.spans = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        view.affiliation["x"] = view.spans[0]  # type: ignore[index]
    # coreference makes a new view and leaves the first as it was
    spans = view.spans
    reading = roles.read(view)
    linked = coref.resolve(reading.view, reading.facts).apply(reading.view)
    assert view.spans == spans and not view.affiliation
    assert linked.affiliation
