"""How fast a 5,000-node view is written, and ready to use in headless Chromium.

A generated graph stands in for a corpus: entities named with Zipf-like
frequency (a few hubs, like Germany or Russia in the news, and a long tail),
visits, meetings and statements between them, each with an evidence sentence
and an article of our own words. It is cut as ``kg view`` cuts (only entities
in facts), laid out and written (``to_networkx`` + ``cut`` + ``write_html``),
then opened from file:// in Debian's Chromium until the page reports it is
drawn (``window.kgReady``; the layout is computed in Python, physics is off,
so drawn means ready for interaction) and one search has centred a node:

    python benchmarks/bench_view.py [--nodes 5000] [--runs 3] [--keep DIR]

Goals (issue 12): written in <= 5 s, ready in <= 3 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import viz  # noqa: E402
from kg.viewcut import cut  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
TYPES = ("Person", "Country", "City", "Organization")


def generated(nodes: int, seed: int = 5) -> tuple[dict[str, list[dict[str, str]]], dict[str, tuple[viz.Evidence, ...]]]:
    """Query rows of ``nodes`` nodes: 40 % entities, 60 % facts of two entities each."""
    rnd = random.Random(seed)
    n_ent, n_fact = int(nodes * 0.4), nodes - int(nodes * 0.4)
    ents = [f"Akteur {i}" for i in range(n_ent)]
    weights = [1 / (i + 1) ** 0.8 for i in range(n_ent)]
    results: dict[str, list[dict[str, str]]] = {"entities": [
        {"label": e, "type": TYPES[i % len(TYPES)], "source": f"doc{i % 997}"} for i, e in enumerate(ents)],
        "visits": [], "meetings": [], "statements": []}
    evidence = {}
    for i in range(n_fact):
        a, b = rnd.choices(ents, weights, k=2)
        b = ents[i % n_ent] if i < 2 * n_ent else b  # every entity takes part: all nodes are drawn
        while b == a:
            b = rnd.choice(ents)
        date, doc, fact = f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}", f"doc{i % 997}", f"urn:bench:fact:{i}"
        query = ("visits", "meetings", "statements")[i % 3]
        row = {"visits": {"visitor": a, "destination": b, "start": date},
               "meetings": {"participants": f"{a} | {b}", "date": date},
               "statements": {"speaker": a, "target": b, "stance": "concern", "date": date}}[query]
        results[query].append(row | {"source": doc, "fact": fact})
        evidence[fact] = (viz.Evidence(doc, f"Bericht {i % 997}", date, f"{a} und {b} sprachen am Montag miteinander."),)
    return results, evidence


def write(nodes: int, out: Path) -> tuple[float, int, int]:
    """Seconds to turn rows into the written page, and the nodes and edges drawn."""
    results, evidence = generated(nodes)
    start = time.perf_counter()
    g = viz.to_networkx(results, evidence=evidence)
    shown = cut(g).graph
    viz.write_html(shown, out, title=f"{nodes} nodes")
    return time.perf_counter() - start, shown.number_of_nodes(), shown.number_of_edges()


def open_in_chromium(path: Path, runs: int) -> list[tuple[float, float]]:
    """Per run: ms from navigation to drawn (kgReady), and ms for one search to centre a node."""
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(path.as_uri())
            page.wait_for_function("window.kgReady === true", timeout=120_000)
            ready = page.evaluate("window.kgReadyMs")
            search = page.evaluate("() => { const t = performance.now(); window.kgSearch('Akteur 42');"
                                   " return performance.now() - t; }")
            assert page.evaluate("network.getSelectedNodes()") == ["Akteur 42"]
            out.append((float(ready), float(search)))
            page.close()
        browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, default=None, help="write the page into this folder (kept)")
    args = ap.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_view_"))
    path = folder / f"view-{args.nodes}.html"
    writes = []
    for _ in range(args.runs):
        seconds, n, e = write(args.nodes, path)
        writes.append(seconds)
    size = path.stat().st_size / 1e6
    print(f"written: {n} nodes, {e} edges, {size:.1f} MB; median {statistics.median(writes):.2f} s "
          f"(runs: {', '.join(f'{s:.2f}' for s in writes)})")
    opened = open_in_chromium(path, args.runs)
    ready = [r for r, _ in opened]
    print(f"ready in Chromium (drawn, layout done): median {statistics.median(ready) / 1000:.2f} s "
          f"(runs: {', '.join(f'{r / 1000:.2f}' for r in ready)}); search and centre: "
          f"{statistics.median(s for _, s in opened):.0f} ms")
    ok = statistics.median(writes) <= 5 and statistics.median(ready) <= 3000
    print("goals (written <= 5 s, ready <= 3 s):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
