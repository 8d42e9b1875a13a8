"""Throughput of the German layer and of extraction on real news.

Reads the 10kGNAD benchmark articles from ../shared/data/10kgnad (CC BY-NC-SA
4.0: read from there, never copied into the project) and reports tokens per
second for each stage, so the numbers in the README can be reproduced:

    python benchmarks/bench_german_layer.py [--limit N] [--no-ner]

Stages: HanTa alone (the slowest necessary part), the full spaCy pipeline
(tokenizer, sentences, HanTa, NER, gazetteer), and pipeline + extraction.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "10kgnad" / "articles.csv"


def read_corpus(path: Path, limit: int | None) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as f:
        rows = [row[1] for row in csv.reader(f, delimiter=";", quotechar="'") if len(row) >= 2]
    return rows[:limit] if limit else rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--no-ner", action="store_true", help="leave out the statistical NER")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args(argv)

    from HanTa import HanoverTagger

    from kg.extract import extract
    from kg.gazetteer import DEFAULT_DATA_DIR, load_gazetteer
    from kg.model import Article
    from kg.pipeline import Resources
    from kg.settings import Settings

    texts = read_corpus(args.data, args.limit)
    t0 = time.perf_counter()
    load_gazetteer(DEFAULT_DATA_DIR)
    print(f"gazetteer load       {time.perf_counter() - t0:8.2f} s")
    t0 = time.perf_counter()
    resources = Resources.load(Settings.from_pyproject(use_ner=not args.no_ner))
    print(f"pipeline load        {time.perf_counter() - t0:8.2f} s")
    nlp = resources.nlp
    tokenized = [nlp.make_doc(t) for t in texts]
    n_tokens = sum(len(d) for d in tokenized)
    print(f"{len(texts)} articles, {n_tokens} tokens")

    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    t0 = time.perf_counter()
    for doc in tokenized:
        tagger.tag_sent([t.text for t in doc if not t.is_space], taglevel=1)
    hanta = time.perf_counter() - t0
    print(f"HanTa alone          {n_tokens / hanta:8.0f} tokens/s")

    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    layer = time.perf_counter() - t0
    print(f"German layer         {n_tokens / layer:8.0f} tokens/s  ({', '.join(nlp.pipe_names)})")

    t0 = time.perf_counter()
    claims = 0
    for i, (text, doc) in enumerate(zip(texts, docs, strict=False)):
        ex = extract(doc, Article(f"a{i}", text, None), gazetteer=resources.gazetteer, lexicon=resources.lexicon)
        claims += len(ex.claims)
    extraction = time.perf_counter() - t0
    print(f"extraction alone     {n_tokens / extraction:8.0f} tokens/s  ({claims} claims)")
    print(f"layer + extraction   {n_tokens / (layer + extraction):8.0f} tokens/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
