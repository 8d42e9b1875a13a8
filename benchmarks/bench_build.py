"""The whole `kg build` at corpus scale: time per stage, throughput, peak
memory, store size, and the rebuild after one article changed.

Reads the 10kGNAD benchmark articles from ../shared/data/10kgnad (CC BY-NC-SA
4.0: read from there, never copied into the project), writes the first 1/4,
1/2 and all of them as .txt files into a scratch folder under /tmp, and builds
each in a fresh process (so that peak RSS is that build's):

    python benchmarks/bench_build.py [--fractions 0.25,0.5,1] [--workers 2] [--keep DIR]

Per corpus size it prints the stage times (read, load, extract = NLP and
claims, resolve, rdf, exports, store), articles/s and tokens/s of the whole
build, the peak RSS of the main process and of the largest worker, the size
of the store folder, and the time of a second build after one article was
changed (with the claims cache, only that article is processed again).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "10kgnad" / "articles.csv"
# Appended to one article for the rebuild: a sentence of our own.
CHANGE = "\n\nDie Außenministerin von Beispielland reiste am Montag nach Wien."


def read_corpus(path: Path) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as f:
        return [row[1] for row in csv.reader(f, delimiter=";", quotechar="'") if len(row) >= 2]


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def run_once(corpus: Path, out: Path, workers: int) -> dict[str, Any]:
    """One build in this process (the --child mode); prints its numbers as JSON."""
    from kg.pipeline import build
    from kg.settings import Settings

    settings = Settings.from_pyproject(store_dir=out / "store", build_dir=out / "build", workers=workers)
    t0 = time.perf_counter()
    result = build([corpus], settings)
    wall = time.perf_counter() - t0
    return {
        "wall": wall,
        "stages": dict(result.timings),
        "articles": len(result.articles),
        "triples": result.triples,
        "rss_main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "rss_worker": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
        "store_bytes": folder_size(out / "store"),
    }


def child(corpus: Path, out: Path, workers: int) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", str(corpus), str(out), "--workers", str(workers)],
        env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"build of {corpus} failed:\n{proc.stderr}")
    data: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return data


def count_tokens(texts: list[str]) -> int:
    import spacy

    tokenizer = spacy.blank("de").tokenizer
    return sum(len(tokenizer(t)) for t in texts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--fractions", default="0.25,0.5,1")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--keep", type=Path, default=None, help="scratch folder to keep (default: a temporary one)")
    ap.add_argument("--child", nargs=2, type=Path, metavar=("CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(run_once(args.child[0], args.child[1], args.workers)))
        return 0

    texts = read_corpus(args.data)
    scratch = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-build-"))
    rows = []
    try:
        for fraction in (float(f) for f in args.fractions.split(",")):
            n = max(1, round(len(texts) * fraction))
            corpus = scratch / f"corpus-{n}"
            shutil.rmtree(corpus, ignore_errors=True)
            corpus.mkdir(parents=True)
            for i, text in enumerate(texts[:n]):
                (corpus / f"a{i:04d}.txt").write_text(text, encoding="utf-8")
            out = scratch / f"out-{n}"
            shutil.rmtree(out, ignore_errors=True)
            full = child(corpus, out, args.workers)
            changed = corpus / f"a{n // 2:04d}.txt"
            changed.write_text(texts[n // 2] + CHANGE, encoding="utf-8")
            again = child(corpus, out, args.workers)
            rows.append((n, count_tokens(texts[:n]), full, again))
            print(f"built {n} articles in {full['wall']:.1f} s", file=sys.stderr)
    finally:
        if args.keep is None:
            shutil.rmtree(scratch, ignore_errors=True)

    stages = list(rows[0][2]["stages"])
    head = ["articles", "tokens", *stages, "total s", "art/s", "tok/s", "RSS main", "RSS worker",
            "store", "1 changed"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---:|" * len(head))
    for n, tokens, full, again in rows:
        wall = full["wall"]
        cells = [str(n), f"{tokens:,}", *(f"{full['stages'][s]:.1f}" for s in stages),
                 f"{wall:.1f}", f"{n / wall:.1f}", f"{tokens / wall:,.0f}",
                 f"{full['rss_main'] / 2**20:,.0f} MB", f"{full['rss_worker'] / 2**20:,.0f} MB",
                 f"{full['store_bytes'] / 2**20:,.0f} MB",
                 f"{again['wall']:.1f} s ({again['wall'] / wall:.0%})"]
        print("| " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
