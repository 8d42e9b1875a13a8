"""Views written by kg.viz open in real headless Chromium from file://, offline.

Every request other than file:// or localhost is aborted and recorded; the
tests assert none was attempted. Screenshots are kept as test artefacts in
$KG_SCREENSHOT_DIR if set, else in build/test-artifacts/views/ (git-ignored;
each path is printed, see them with ``-s``).
"""

from __future__ import annotations

import os
import random
from pathlib import Path
from urllib.parse import urlparse

import pytest

from kg import viz

CHROMIUM = Path("/usr/bin/chromium")
ARTEFACTS = Path(__file__).resolve().parents[2] / "build" / "test-artifacts" / "views"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium: apt-get install -y chromium"),
]

HOSTILE = '<script>alert("label")</script><img src=x onerror="window.kgPwned=1;alert(1)">'
QUOTE = '<img src=y onerror="window.kgPwned=2;alert(2)"> "Wir sind besorgt"'
RESULTS = {
    "entities": [
        {"label": "Olaf Scholz", "type": "https://w3id.org/diplomacy-kg/ns#Person", "source": "doc1"},
        {"label": "Vietnam", "type": "Country", "source": "doc1"},
        {"label": "Hanoi", "type": "City", "source": "doc2"},
        {"label": "To Lam", "type": "Person", "source": "doc2"},
        {"label": "Südchinesisches Meer", "type": "Place", "source": "doc3"},
        {"label": "Vereinte Nationen", "type": "Organization", "source": "doc3"},
        {"label": HOSTILE, "type": "Organization", "source": "doc4"},
    ],
    "visits": [{"visitor": "Olaf Scholz", "destination": "Vietnam", "host": "To Lam", "start": "2024-06-20",
                "source": "doc1 | doc2", "fact": "https://w3id.org/diplomacy-kg/id/fact/visit/1"}],
    "meetings": [{"participants": "Olaf Scholz | To Lam", "date": "2024-06-21", "place": "Hanoi", "source": "doc2"}],
    "statements": [{"speaker": HOSTILE, "target": "Vietnam", "stance": "concern", "quote": QUOTE, "date": "2024-06-22",
                    "source": "doc4", "fact": "https://w3id.org/diplomacy-kg/id/fact/statement/1"}],
    "agreements": [{"parties": "Vietnam | Vereinte Nationen", "kind": "agreement", "date": "2024", "source": "doc3"}],
}

CANVAS_STATS = """() => {
  const c = document.querySelector('#mynetwork canvas');
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let painted = 0;
  for (let i = 0; i < px.length; i += 4)
    if (px[i + 3] > 0 && (px[i] < 235 || px[i + 1] < 235 || px[i + 2] < 235)) painted++;
  return {width: c.width, height: c.height, painted: painted};
}"""
NODE_ON_SCREEN = """(id) => {
  const p = network.canvasToDOM(network.getPositions([id])[id]);
  const r = document.getElementById('mynetwork').getBoundingClientRect();
  return {x: r.left + p.x, y: r.top + p.y};
}"""


def _local(url: str) -> bool:
    return url.startswith(("file:", "data:", "about:")) or urlparse(url).hostname in ("localhost", "127.0.0.1")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def open_view(browser):
    """Open a written view; returns (page, log) once the network has been drawn."""
    pages = []

    def _open(path: Path):
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        pages.append(page)
        log: dict[str, list[str]] = {"requests": [], "blocked": [], "dialogs": [], "errors": []}

        def route(r):
            if _local(r.request.url):
                r.continue_()
            else:
                log["blocked"].append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("request", lambda req: log["requests"].append(req.url))
        page.on("dialog", lambda d: (log["dialogs"].append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: log["errors"].append(str(e)))
        page.on("console", lambda m: m.type == "error" and log["errors"].append(m.text))
        page.goto(path.as_uri())
        page.wait_for_function("window.kgReady === true", timeout=60_000)
        return page, log

    yield _open
    for page in pages:
        page.close()


def _shot(page, tmp_path: Path, name: str) -> Path:
    out = Path(os.environ.get("KG_SCREENSHOT_DIR") or ARTEFACTS) / name
    out.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out))
    print(f"screenshot: {out}")
    assert out.stat().st_size > 10_000
    return out


def _hover_tooltip(page, node_id: str):
    at = page.evaluate(NODE_ON_SCREEN, node_id)
    page.mouse.move(at["x"] + 1, at["y"] + 1)
    page.mouse.move(at["x"], at["y"])
    tip = page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5_000)
    return tip


def test_small_view_renders_offline_and_safely(open_view, tmp_path):
    statement = "https://w3id.org/diplomacy-kg/id/fact/statement/1"
    hostile_evidence = {statement: (viz.Evidence("doc4", HOSTILE, "2024-06-22", QUOTE),)}
    g = viz.to_networkx(RESULTS, evidence=hostile_evidence)
    path = viz.write_html(g, tmp_path / "view.html", title="diplomacy-kg test")
    page, log = open_view(path)

    assert page.evaluate("typeof network.getPositions") == "function"
    assert page.evaluate("nodes.length") == g.number_of_nodes() == 11
    assert page.evaluate("edges.length") == g.number_of_edges()
    assert page.evaluate("network.physics.options.enabled") is False
    stats = page.evaluate(CANVAS_STATS)
    assert stats["width"] > 500 and stats["painted"] > 2_000, stats
    assert page.locator("#kg-legend").inner_text().count("Person: 2") == 1

    # the Person node is drawn in its legend colour where the layout put it
    at = page.evaluate(NODE_ON_SCREEN, "Olaf Scholz")
    rgb = page.evaluate(
        """([x, y]) => { const c = document.querySelector('#mynetwork canvas'), r = c.getBoundingClientRect();
           const k = c.width / r.width;
           return Array.from(c.getContext('2d').getImageData((x - r.left) * k, (y - r.top) * k, 1, 1).data); }""",
        [at["x"], at["y"]],
    )
    assert rgb[:3] == [0xE6, 0x9F, 0x00], rgb

    # hostile text is shown as text and never runs
    tip = _hover_tooltip(page, HOSTILE)
    assert HOSTILE in tip.inner_text()
    assert tip.locator("script, img").count() == 0
    tip = _hover_tooltip(page, statement)
    assert QUOTE in tip.inner_text() and tip.locator("img").count() == 0
    assert f"Quelle: {HOSTILE} (doc4, 2024-06-22)" in tip.inner_text()  # a hostile article title, as text
    _shot(page, tmp_path, "view-small.png")
    page.wait_for_timeout(300)
    assert page.evaluate("window.kgPwned") is None
    assert log["dialogs"] == [] and log["errors"] == []
    assert page.evaluate("document.querySelectorAll('script[src], link[href], img').length") == 0
    assert log["blocked"] == []
    assert log["requests"] == [path.as_uri()]


def test_physics_can_be_switched_on(open_view, tmp_path):
    path = viz.write_html(viz.to_networkx(RESULTS), tmp_path / "physics.html", physics=True)
    page, log = open_view(path)
    assert page.evaluate("network.physics.options.enabled") is True
    assert page.evaluate("nodes.length") == 11
    assert log["blocked"] == [] and log["errors"] == []


def test_thousand_nodes_render(open_view, tmp_path):
    rnd = random.Random(11)
    types = list(viz.ENTITY_COLORS)
    ents = [f"Entität {i}" for i in range(300)]
    weights = [1 / (i + 1) for i in range(300)]  # a few hubs, like Germany or Russia in the news
    rows = [{"participants": " | ".join(sorted(set(rnd.choices(ents, weights, k=2)))), "date": f"2024-{i % 12 + 1:02d}",
             "source": f"doc{i}"} for i in range(700)]
    results = {"entities": [{"label": e, "type": types[i % 5]} for i, e in enumerate(ents)], "meetings": rows}
    g = viz.to_networkx(results)
    assert g.number_of_nodes() == 1000
    page, log = open_view(viz.write_html(g, tmp_path / "big.html", title="1000 nodes"))
    assert page.evaluate("nodes.length") == 1000
    assert page.evaluate("edges.length") == g.number_of_edges()
    assert page.evaluate(CANVAS_STATS)["painted"] > 20_000
    _shot(page, tmp_path, "view-1000.png")
    page.evaluate("network.moveTo({position: network.getPositions(['Entität 0'])['Entität 0'], scale: 1.0})")
    page.wait_for_timeout(200)  # still interactive: zoomed in on the biggest hub, labels readable
    _shot(page, tmp_path, "view-1000-zoom.png")
    assert log["blocked"] == [] and log["errors"] == [] and log["dialogs"] == []


def test_search_box_centres_the_entity_and_kind_filter_hides_facts(open_view, tmp_path):
    g = viz.to_networkx(RESULTS | {"entities": [*RESULTS["entities"], {"label": "Lam", "type": "Person"}]})
    page, log = open_view(viz.write_html(g, tmp_path / "search.html"))
    page.fill("#kg-search", "lam")  # the label itself beats a bigger node that contains it
    page.press("#kg-search", "Enter")
    assert page.evaluate("network.getSelectedNodes()") == ["Lam"]
    assert page.locator("#kg-found").inner_text() == "2 Treffer"
    page.fill("#kg-search", "to lam")  # case and accents do not matter
    page.press("#kg-search", "Enter")
    assert page.evaluate("network.getSelectedNodes()") == ["To Lam"]
    centre = page.evaluate("network.getViewPosition()")
    at = page.evaluate("network.getPositions(['To Lam'])['To Lam']")
    assert abs(centre["x"] - at["x"]) < 1 and abs(centre["y"] - at["y"]) < 1
    page.fill("#kg-search", "Niemand")
    page.press("#kg-search", "Enter")
    assert page.locator("#kg-found").inner_text() == "nicht gefunden"

    visit = "https://w3id.org/diplomacy-kg/id/fact/visit/1"
    page.locator('input.kg-kind[data-kind="Visit"]').uncheck()
    assert page.evaluate(f"nodes.get('{visit}').hidden") is True
    assert page.evaluate("nodes.get({filter: function (n) { return n.hidden; }}).length") == 1
    page.locator('input.kg-kind[data-kind="Visit"]').check()
    assert page.evaluate(f"nodes.get('{visit}').hidden") is False
    _shot(page, tmp_path, "view-search.png")
    assert log["blocked"] == [] and log["errors"] == []


def test_actor_network_edges_show_their_facts(open_view, tmp_path):
    from kg.viewcut import actor_network

    actors = actor_network(viz.to_networkx(RESULTS))
    page, log = open_view(viz.write_html(actors, tmp_path / "actors.html"))
    assert page.evaluate("edges.length") == actors.number_of_edges()
    titles = page.evaluate("edges.get().map(function (e) { return e.title.textContent; })")
    assert any("Olaf Scholz – Vietnam" in t for t in titles)  # the visit, in the edge's tooltip
    page.locator('input.kg-kind[data-kind="Meeting"]').uncheck()
    hidden = page.evaluate("edges.get({filter: function (e) { return e.hidden; }}).length")
    assert hidden == sum(1 for *_, d in actors.edges(data=True) if d["kind"] == "Meeting") > 0
    _shot(page, tmp_path, "view-actors.png")
    assert log["blocked"] == [] and log["errors"] == []


EVIDENCE = {"https://w3id.org/diplomacy-kg/id/fact/visit/1": (
    viz.Evidence("doc1", "Scholz reist nach Hanoi", "2024-06-20", "Olaf Scholz traf am Donnerstag in Hanoi ein."),
    viz.Evidence("doc2", "", "2024-06-21", "Der Kanzler besuchte Vietnam."),
)}


def test_focus_view_selects_the_actor_and_the_tooltip_shows_the_evidence(open_view, tmp_path):
    from kg.viewcut import cut

    g = viz.to_networkx(RESULTS, evidence=EVIDENCE)
    shown = cut(g, focus="to lam", hops=1)
    assert "Olaf Scholz" in shown.graph and "Vereinte Nationen" not in shown.graph
    page, log = open_view(viz.write_html(shown.graph, tmp_path / "focus.html", focus="To Lam"))
    assert page.evaluate("network.getSelectedNodes()") == ["To Lam"]
    assert page.evaluate("nodes.length") == shown.graph.number_of_nodes() < g.number_of_nodes()
    assert page.evaluate("nodes.get('Vereinte Nationen')") is None
    _shot(page, tmp_path, "view-focus.png")

    tip = _hover_tooltip(page, "https://w3id.org/diplomacy-kg/id/fact/visit/1")
    lines = tip.inner_text().splitlines()
    assert lines[0] == "Besuch \u00b7 2024-06-20" and "Besucher: Olaf Scholz" in lines
    assert "\u201eOlaf Scholz traf am Donnerstag in Hanoi ein.\u201c" in lines
    assert "Quelle: Scholz reist nach Hanoi (doc1, 2024-06-20)" in lines and "Quelle: doc2, 2024-06-21" in lines
    _shot(page, tmp_path, "view-evidence-tooltip.png")
    assert log["blocked"] == [] and log["errors"] == []


def test_english_page_searches_and_filters_in_english(open_view, tmp_path):
    from kg.captions import Captions

    en = Captions("en")
    page, log = open_view(viz.write_html(viz.to_networkx(RESULTS, evidence=EVIDENCE, captions=en),
                                         tmp_path / "en.html", captions=en))
    assert page.get_attribute("#kg-search", "placeholder") == "find an entity \u2026"
    legend = page.locator("#kg-legend").inner_text()
    assert "Visit: 1" in legend and "Statement: 1" in legend and "Besuch" not in legend
    page.fill("#kg-search", "nobody")
    page.press("#kg-search", "Enter")
    assert page.locator("#kg-found").inner_text() == "not found"
    page.locator('input.kg-kind[data-kind="Statement"]').uncheck()
    assert page.evaluate("nodes.get({filter: function (n) { return n.hidden; }}).map(function (n) { return n.id; })") \
        == ["https://w3id.org/diplomacy-kg/id/fact/statement/1"]
    tip = _hover_tooltip(page, "https://w3id.org/diplomacy-kg/id/fact/visit/1")
    assert "\u201cOlaf Scholz traf am Donnerstag in Hanoi ein.\u201d" in tip.inner_text()
    assert "source: Scholz reist nach Hanoi (doc1, 2024-06-20)" in tip.inner_text()
    _shot(page, tmp_path, "view-english.png")
    assert log["blocked"] == [] and log["errors"] == []
