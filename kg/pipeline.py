"""Compose the stages: articles -> NLP -> claims -> entities and facts ->
RDF -> store, plus inspectable artefacts under the build folder.

The store and the exports are not touched until every article has been read
and processed, and the store is replaced atomically, so bad input never
leaves a half-written store. Only the claims cache (``kg.cache``, entries
keyed by content) is written as articles are done.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.cache import ClaimsCache, fingerprint
from kg.errors import InputError
from kg.extract import extract
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.ingest import read_articles
from kg.langcheck import language_warnings
from kg.lexicon import Lexicon
from kg.model import Article, Claim, EntityType, Extraction, FactKind, Resolved
from kg.namespaces import KG, PREFIXES
from kg.nlp import build_nlp
from kg.rdf import to_graphs, to_nquads
from kg.resolve import resolve
from kg.settings import Settings
from kg.store import OxigraphStore, to_trig

Progress = Callable[[int, int, str], None]  # (done, total, what)
Warn = Callable[[str], None]

WRITTEN_QUERY = Path(__file__).parent / "data" / "written.rq"
_FACT_KINDS = {k.value for k in FactKind}
_ENTITY_TYPES = {t.value for t in EntityType}


@dataclass(frozen=True, slots=True)
class BuildResult:
    articles: tuple[Article, ...]
    resolved: Resolved
    triples: int
    store_path: Path
    exports: tuple[Path, ...]
    skipped: tuple[str, ...] = ()  # messages for input that was skipped

    warnings: tuple[str, ...] = ()  # e.g. articles that are not German
    # nodes per rdf:type local name in the written store (see written_counts)
    written: tuple[tuple[str, int], ...] = ()
    # wall-clock seconds per stage (read, load, extract, resolve, rdf, exports, store)
    timings: tuple[tuple[str, float], ...] = ()
    cached: int = 0  # articles whose claims came from the claims cache

    def summary(self) -> dict[str, object]:
        """What the store holds: articles, entities, claims, facts per kind."""
        counts = dict(self.written)
        facts = {k: n for k, n in counts.items() if k in _FACT_KINDS}
        return {
            "articles": counts.get("Document", 0),
            "entities": sum(n for k, n in counts.items() if k in _ENTITY_TYPES),
            "claims": counts.get("Claim", 0),
            "facts": dict(sorted(facts.items())),
            "triples": self.triples,
            "store": str(self.store_path),
        }


@dataclass(frozen=True, slots=True)
class Resources:
    """What the NLP and extraction stages need, built once per run."""

    gazetteer: Gazetteer
    lexicon: Lexicon
    nlp: object  # spacy.Language

    @classmethod
    def load(cls, settings: Settings, *, nlp: bool = True) -> Resources:
        """With ``nlp=False`` the pipeline is left out (``None``): a build
        whose claims all come from the cache needs only the gazetteer."""
        gazetteer = load_gazetteer(settings.gazetteer_dir)
        lexicon = Lexicon.from_dir(settings.ontology_dir)
        return cls(gazetteer, lexicon, build_nlp(settings, gazetteer) if nlp else None)


def read_inputs(paths: Sequence[Path], settings: Settings) -> tuple[list[Article], list[str]]:
    """Read every article; with ``skip_bad_input`` a bad file is reported and
    skipped, otherwise its error stops the run before anything is written."""
    skipped: list[str] = []
    on_error = (lambda exc: skipped.append(str(exc))) if settings.skip_bad_input else None
    articles = list(read_articles(list(paths), on_error=on_error, max_chars=settings.max_article_chars))
    if not articles:
        raise InputError(f"{', '.join(map(str, paths))}: no readable articles ({len(skipped)} skipped)")
    return articles, skipped


# Articles per spaCy batch. The NER holds the activations of a whole batch at
# once, and spaCy's default (1,000 texts) held the whole corpus: 4.3 GB peak
# on 1,002 articles. A small batch keeps memory flat and costs no speed.
NLP_BATCH = 8
# Below this many articles a process pool costs more (forking, warming up)
# than it saves.
POOL_MIN_ARTICLES = 24


def extract_articles(articles: Sequence[Article], resources: Resources, *,
                     progress: Progress | None = None, workers: int = 1) -> list[Extraction]:
    """Extraction of every article, in the order of ``articles``, whatever
    the number of ``workers`` (processes; 1 = this process)."""
    extractions = []
    for i, ex in enumerate(iter_extractions(articles, resources, workers=workers), start=1):
        extractions.append(ex)
        if progress is not None:
            progress(i, len(articles), ex.article.doc_id)
    return extractions


def iter_extractions(articles: Sequence[Article], resources: Resources, *, workers: int = 1) -> Iterator[Extraction]:
    """Streams the extraction of each article: its ``Doc`` is dropped as soon
    as its claims are made. With ``workers`` > 1 the articles are shared out
    in chunks to forked processes that inherit the loaded pipeline; ``imap``
    returns the chunks in input order, so the output does not depend on
    which worker is faster."""
    if not articles:  # all cached: the pipeline may not even be loaded
        return
    if workers <= 1 or len(articles) < POOL_MIN_ARTICLES or "fork" not in mp.get_all_start_methods():
        yield from _extract_chunk_with(resources, articles)
        return
    chunks = [articles[i : i + NLP_BATCH] for i in range(0, len(articles), NLP_BATCH)]
    with mp.get_context("fork").Pool(workers, initializer=_init_worker, initargs=(resources,)) as pool:
        for done in pool.imap(_extract_chunk, chunks):
            yield from done


def _extract_chunk_with(resources: Resources, articles: Sequence[Article]) -> Iterator[Extraction]:
    docs = resources.nlp.pipe((a.text for a in articles), batch_size=NLP_BATCH)  # type: ignore[attr-defined]
    for article, doc in zip(articles, docs, strict=True):
        yield extract(doc, article, gazetteer=resources.gazetteer, lexicon=resources.lexicon)


# The pipeline of a pool worker. A process pool can hand its workers only
# picklable task arguments, and a spaCy pipeline is neither small nor
# picklable; so each forked worker keeps the one it inherited here, set once
# by the initializer and never in the main process.
_WORKER_RESOURCES: list[Resources] = []


def _init_worker(resources: Resources) -> None:
    # Ctrl-C is the main process's to handle: it stops the pool
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_RESOURCES.append(resources)


def _extract_chunk(articles: Sequence[Article]) -> list[Extraction]:
    return list(_extract_chunk_with(_WORKER_RESOURCES[0], articles))


def build(paths: Sequence[Path], settings: Settings, *, progress: Progress | None = None,
          resources: Resources | None = None, warn: Warn | None = None) -> BuildResult:
    """Build the knowledge graph of the articles under ``paths`` into the
    store at ``settings.store_path`` and export it under ``settings.build_dir``.

    ``warn`` hears each warning as soon as it is known (they are also in the
    result). An interrupt (Ctrl-C) before the store is replaced leaves it as
    it was; one during the replacement waits for it to finish.
    """
    clock = _StageClock()
    articles, skipped = read_inputs(paths, settings)
    warnings = list(language_warnings(articles)) if settings.lang_check else []
    for message in warnings:
        if warn is not None:
            warn(message)
    clock.lap("read")
    cache = ClaimsCache(settings.build_dir / "cache" / "claims", fingerprint(settings)) \
        if settings.claims_cache else None
    cached = {a.doc_id: ex for a in articles if cache is not None and (ex := cache.get(a)) is not None}
    todo = [a for a in articles if a.doc_id not in cached]
    if progress is not None and todo:  # loading takes seconds: say so at once
        progress(len(cached), len(articles), "loading the German pipeline")
    resources = resources or Resources.load(settings, nlp=bool(todo))
    clock.lap("load")
    if progress is not None:
        progress(len(cached), len(articles), "cached" if cached else "")
    fresh = {}
    for i, ex in enumerate(iter_extractions(todo, resources, workers=settings.workers), start=len(cached) + 1):
        fresh[ex.article.doc_id] = ex
        if cache is not None:
            cache.put(ex)
        if progress is not None:
            progress(i, len(articles), ex.article.doc_id)
    extractions = [cached.get(a.doc_id) or fresh[a.doc_id] for a in articles]
    if cache is not None:
        cache.keep_only(articles)
    clock.lap("extract")
    resolved = resolve(extractions, gazetteer=resources.gazetteer)
    clock.lap("resolve")
    # graph by graph: one rdflib Dataset of the corpus took ~1 GB
    nquads = to_nquads(to_graphs(resolved))
    clock.lap("rdf")
    exports = write_exports(resolved, nquads, settings.build_dir)
    clock.lap("exports")
    store = OxigraphStore(settings.store_path)
    with _interrupt_deferred():
        try:
            store.replace(nquads)
            written = written_counts(store)
        finally:
            store.close()
    clock.lap("store")
    triples = nquads.count(b"\n")
    return BuildResult(tuple(articles), resolved, triples, settings.store_path, exports, tuple(skipped),
                       tuple(warnings), written, tuple(clock.laps), len(cached))


class _StageClock:
    """Wall-clock seconds per build stage, for benchmarks (never in the graph)."""

    def __init__(self) -> None:
        self.laps: list[tuple[str, float]] = []
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps.append((stage, now - self.last))
        self.last = now


def written_counts(store: OxigraphStore) -> tuple[tuple[str, int], ...]:
    """Distinct nodes per type (local names of ``kg:`` classes) in the store."""
    result = store.query(WRITTEN_QUERY.read_text(encoding="utf-8"))
    counts = []
    for row in result.records():
        if row["type"].startswith(str(KG)):
            counts.append((row["type"][len(str(KG)):], int(row["n"])))
    return tuple(sorted(counts))


@contextmanager
def _interrupt_deferred() -> Iterator[None]:
    """Hold off SIGINT while the store is swapped, so that Ctrl-C cannot
    leave it half replaced; the build then completes (its last steps are
    quick). Signals can only be handled in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda *_: None)
    try:
        yield
    finally:
        # None: a handler not set from Python; Python's own is the usual one
        signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)


def write_exports(resolved: Resolved, nquads: bytes, build_dir: Path) -> tuple[Path, ...]:
    """graph.nq (sorted N-Quads), graph.trig and one JSON file of claims per
    article, for people to inspect and diff."""
    build_dir.mkdir(parents=True, exist_ok=True)
    nq = build_dir / "graph.nq"
    nq.write_bytes(nquads)
    trig = build_dir / "graph.trig"
    trig.write_text(to_trig(nquads, PREFIXES), encoding="utf-8")
    folder = build_dir / "extractions"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.json"):
        old.unlink()
    for ex in resolved.extractions:
        (folder / f"{ex.article.doc_id}.json").write_text(extraction_json(ex), encoding="utf-8")
    return nq, trig, folder


def extraction_json(ex: Extraction) -> str:
    """Claims of one article as sorted, human-reviewable JSON."""
    def claim(c: Claim) -> dict[str, Any]:
        return {
            "kind": c.kind.value,
            "roles": [[r.value, m.name, m.text] for r, m in c.roles],
            "when": c.when.iso() if c.when else None,
            "until": c.until.iso() if c.until else None,
            "attributes": [list(a) for a in c.attributes],
            "evidence": [c.evidence.start, c.evidence.end] if c.evidence else None,
            "text": ex.article.text[c.evidence.start : c.evidence.end] if c.evidence else None,
            "extractor": c.extractor,
        }
    data = {
        "doc_id": ex.article.doc_id,
        "published": ex.article.published.iso() if ex.article.published else None,
        "claims": sorted((claim(c) for c in ex.claims), key=lambda d: json.dumps(d, sort_keys=True)),
        "mentions": sorted({(m.evidence.start, m.evidence.end, m.type.value, m.name) for m in ex.mentions}),
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
