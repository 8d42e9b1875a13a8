"""Builds at scale give the graph of a clean serial build: a rebuild from
the claims cache after one article changed, a rebuild with nothing to
process (no pipeline at all), and a build shared out to two processes."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from kg.cache import fingerprint
from kg.pipeline import POOL_MIN_ARTICLES, Resources, build

from data import SEEDS

pytestmark = pytest.mark.slow

# Sentences of our own, appended to one seed article.
CHANGE = "\n\nDie Außenministerin von Kanada besuchte am Montag Hanoi und traf den Präsidenten."


def _settings(base, out, **changes):
    return replace(base, build_dir=out / "build", store_dir=out / "store", **changes)


def test_rebuild_after_one_change_equals_a_clean_build(tmp_path, settings_no_ner, resources_no_ner):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    cached = _settings(settings_no_ner, tmp_path / "cached")
    first = build([corpus], cached, resources=resources_no_ner)
    assert first.cached == 0
    changed = sorted(corpus.glob("*.txt"))[2]
    changed.write_text(changed.read_text(encoding="utf-8") + CHANGE, encoding="utf-8")

    again = build([corpus], cached, resources=resources_no_ner)
    clean = build([corpus], _settings(settings_no_ner, tmp_path / "clean", claims_cache=False),
                  resources=resources_no_ner)

    assert again.cached == len(first.articles) - 1
    assert clean.cached == 0
    graph = (tmp_path / "cached" / "build" / "graph.nq").read_bytes()
    assert graph == (tmp_path / "clean" / "build" / "graph.nq").read_bytes()
    assert b"Kanada" in graph  # the change is in it
    assert again.written == clean.written


def test_unchanged_corpus_is_rebuilt_without_the_pipeline(tmp_path, settings_no_ner, resources_no_ner):
    settings = _settings(settings_no_ner, tmp_path)
    build([SEEDS], settings, resources=resources_no_ner)
    before = (tmp_path / "build" / "graph.nq").read_bytes()
    # no NLP pipeline: any article not served from the cache would fail
    bare = Resources(resources_no_ner.gazetteer, resources_no_ner.lexicon, None)
    again = build([SEEDS], settings, resources=bare)
    assert again.cached == len(again.articles) == 5
    assert (tmp_path / "build" / "graph.nq").read_bytes() == before


def test_removed_article_leaves_the_cache(tmp_path, settings_no_ner, resources_no_ner):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    settings = _settings(settings_no_ner, tmp_path / "out")
    build([corpus], settings, resources=resources_no_ner)
    entries = tmp_path / "out" / "build" / "cache" / "claims"
    assert len(list(entries.iterdir())) == 5
    sorted(corpus.glob("*.txt"))[0].unlink()
    build([corpus], settings, resources=resources_no_ner)
    assert len(list(entries.iterdir())) == 4


def test_fingerprint_follows_settings_and_ontology(tmp_path, settings_no_ner):
    assert fingerprint(settings_no_ner) == fingerprint(settings_no_ner)
    assert fingerprint(settings_no_ner) != fingerprint(replace(settings_no_ner, use_ner=True))
    ontology = tmp_path / "ontology"
    shutil.copytree(settings_no_ner.ontology_dir, ontology)
    copied = replace(settings_no_ner, ontology_dir=ontology)
    assert fingerprint(copied) == fingerprint(settings_no_ner)
    table = sorted((ontology / "gazetteer").glob("*.tsv"))[0]
    table.write_text(table.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert fingerprint(copied) != fingerprint(settings_no_ner)


def test_two_workers_give_the_graph_of_one(tmp_path, settings_no_ner, resources_no_ner):
    # enough articles for the pool, each a little different
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(POOL_MIN_ARTICLES + 3):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        (corpus / f"a{i:02d}.txt").write_text(text + f"\n\nNachtrag {i}: Kanada und Vietnam verhandeln.",
                                              encoding="utf-8")
    graphs = []
    for workers in (1, 2):
        out = tmp_path / f"w{workers}"
        build([corpus], _settings(settings_no_ner, out, workers=workers, claims_cache=False),
              resources=resources_no_ner)
        graphs.append((out / "build" / "graph.nq").read_bytes())
    assert graphs[0] == graphs[1]
