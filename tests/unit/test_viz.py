"""kg.viz: query rows -> networkx graph -> self-contained HTML (no browser here)."""

from __future__ import annotations

import json
import math
import random
import re

import networkx as nx
import pytest

from kg import layout as kg_layout
from kg import viz
from kg.captions import Captions

HOSTILE = "<script>alert(1)</script>"
KG = "https://w3id.org/diplomacy-kg/ns#"

RESULTS: dict[str, list[dict[str, str]]] = {
    "entities": [
        {"label": "Olaf Scholz", "type": KG + "Person", "wikidata": "Q61053", "source": "doc1"},
        {"label": "Vietnam", "type": "Country", "source": "doc1 | doc2"},
        {"label": "Hanoi", "type": KG + "City", "source": "doc2"},
        {"label": "To Lam", "type": "Person", "source": "doc2"},
        {"label": "Vereinte Nationen", "type": "Organization", "source": "doc3"},
        {"label": HOSTILE, "type": "Organization", "source": "doc4"},
    ],
    "visits": [
        {"visitor": "Olaf Scholz", "destination": "Vietnam", "start": "2024-06-20", "host": "To Lam",
         "source": "doc1 | doc2", "fact": "https://w3id.org/diplomacy-kg/id/fact/visit/1"},
    ],
    "meetings": [
        {"participants": "Olaf Scholz | To Lam", "date": "2024-06-21", "place": "Hanoi", "source": "doc2"},
    ],
    "statements": [
        {"speaker": HOSTILE, "target": "Vietnam", "stance": "concern", "quote": '<img src=x onerror="alert(2)">',
         "date": "2024-06-22", "source": "doc4"},
    ],
}


def facts_of(g: nx.MultiDiGraph, query: str) -> list[str]:
    return [n for n, d in g.nodes(data=True) if d.get("kind") == "fact" and d.get("query") == query]


def roles(g: nx.MultiDiGraph, fact: str) -> list[tuple[str, str]]:
    return sorted((d["role"], v) for _, v, d in g.out_edges(fact, data=True))


def test_entities_get_local_type_names():
    g = viz.to_networkx(RESULTS)
    assert g.nodes["Olaf Scholz"]["type"] == "Person"
    assert g.nodes["Hanoi"]["type"] == "City"
    assert {k: g.nodes["Vietnam"][k] for k in ("label", "type", "kind", "sources")} == {
        "label": "Vietnam", "type": "Country", "kind": "entity", "sources": "doc1 | doc2 | doc4"}
    assert g.nodes["Olaf Scholz"]["wikidata"] == "Q61053"


def test_visit_links_visitor_destination_and_host():
    g = viz.to_networkx(RESULTS)
    (visit,) = facts_of(g, "visits")
    assert visit == "https://w3id.org/diplomacy-kg/id/fact/visit/1"  # the fact column is the node id
    assert roles(g, visit) == [("destination", "Vietnam"), ("host", "To Lam"), ("visitor", "Olaf Scholz")]
    d = g.nodes[visit]
    assert (d["label"], d["type"], d["kind"], d["sources"]) == ("Besuch 2024-06-20", "Visit", "fact", "doc1 | doc2")
    assert d["title"].splitlines() == [
        "Besuch \u00b7 2024-06-20", "Besucher: Olaf Scholz", "Ziel: Vietnam", "Gastgeber: To Lam",
        "Quelle: doc1 | doc2",
    ]
    assert {d["role"]: d["label"] for _, _, d in g.out_edges(visit, data=True)} == {
        "visitor": "Besucher", "destination": "Ziel", "host": "Gastgeber"}  # roles by their German labels


def test_english_captions_come_from_the_ontology():
    g = viz.to_networkx(RESULTS, captions=Captions("en"))
    visit = g.nodes["https://w3id.org/diplomacy-kg/id/fact/visit/1"]
    assert visit["label"] == "Visit 2024-06-20"
    assert visit["title"].splitlines()[:2] == ["Visit \u00b7 2024-06-20", "visitor: Olaf Scholz"]
    (statement,) = facts_of(g, "statements")
    assert "stance: concern" in g.nodes[statement]["title"].splitlines()
    assert "Haltung: Besorgnis" in viz.to_networkx(RESULTS).nodes[statement]["title"].splitlines()
    assert {d["label"] for _, _, d in g.edges(data=True)} == {
        "visitor", "destination", "host", "participant", "place", "speaker", "target"}
    assert g.nodes["To Lam"]["title"].splitlines()[1:3] == ["type: Person", "in 2 facts"]  # host, and a meeting
    assert "in 2 Fakten" in viz.to_networkx(RESULTS).nodes["To Lam"]["title"].splitlines()


def test_amounts_read_with_their_unit_and_grouped_digits():
    rows = {"trade": [{"partners": "A | B", "amount": "3500000000", "currency": "USD", "year": "2022", "source": "d"}]}
    (de,) = facts_of(viz.to_networkx(rows), "trade")
    assert viz.to_networkx(rows).nodes[de]["title"].splitlines()[:3] == [
        "Handelsvolumen \u00b7 2022", "Handelspartner: A | B", "Wert: 3.500.000.000 USD"]
    assert "value: 3,500,000,000 USD" in viz.to_networkx(rows, captions=Captions("en")).nodes[de]["title"]


def test_fact_tooltip_quotes_the_evidence_and_names_the_articles():
    fact = "https://w3id.org/diplomacy-kg/id/fact/visit/1"
    evidence = viz.evidence_by_fact([
        {"fact": fact, "doc": "doc1", "title": "Scholz in Hanoi", "published": "2024-06-20", "start": "10",
         "sentence": "Olaf Scholz  reiste nach\nVietnam."},
        {"fact": fact, "doc": "doc1", "title": "Scholz in Hanoi", "published": "2024-06-20", "start": "90",
         "sentence": "Ein zweiter Satz."},
        {"fact": fact, "doc": "doc2", "title": "", "published": "", "start": "5", "sentence": ""},
    ])
    assert [e.doc for e in evidence[fact]] == ["doc1", "doc2"]  # one per article, its first sentence
    title = viz.to_networkx(RESULTS, evidence=evidence).nodes[fact]["title"].splitlines()
    assert title[-3:] == ["\u201eOlaf Scholz reiste nach Vietnam.\u201c", "Quelle: Scholz in Hanoi (doc1, 2024-06-20)",
                          "Quelle: doc2"]
    long = {fact: (viz.Evidence("d", sentence="Wort " * 200),)}
    quoted = viz.to_networkx(RESULTS, evidence=long).nodes[fact]["title"].splitlines()[-2]
    assert len(quoted) <= viz.MAX_SENTENCE + 2 and quoted.endswith("\u2026\u201c")
    many = {fact: tuple(viz.Evidence(f"d{i}") for i in range(5))}
    assert viz.to_networkx(RESULTS, evidence=many).nodes[fact]["title"].splitlines()[-1] == "und 2 weitere Quellen"


def test_set_valued_participants_become_several_edges():
    g = viz.to_networkx(RESULTS)
    (meeting,) = facts_of(g, "meetings")
    assert meeting.startswith("fact:meetings:")  # no fact column: id from the query and the row
    assert roles(g, meeting) == [("participants", "Olaf Scholz"), ("participants", "To Lam"), ("place", "Hanoi")]
    assert g.nodes[meeting]["label"] == "Treffen 2024-06-21"


def test_entity_without_facts_is_still_a_node():
    g = viz.to_networkx(RESULTS)
    assert g.nodes["Vereinte Nationen"]["kind"] == "entity"
    assert g.degree("Vereinte Nationen") == 0


def test_entity_only_named_in_a_fact_is_a_node_without_type():
    g = viz.to_networkx({"trade": [{"partners": "China | Vietnam", "amount": "1", "year": "2022", "source": "d"}]})
    assert {n: d["type"] for n, d in g.nodes(data=True) if d["kind"] == "entity"} == {"China": "", "Vietnam": ""}
    assert g.nodes["China"]["sources"] == "d"


def test_entity_sources_collect_the_facts_sources():
    g = viz.to_networkx(RESULTS)
    assert g.nodes["To Lam"]["sources"] == "doc1 | doc2"


def test_rows_of_one_fact_merge():
    rows = [
        {"participants": "A | B", "date": "2024", "source": "d1", "fact": "urn:f"},
        {"participants": "B | C", "date": "2024", "source": "d2", "fact": "urn:f"},
    ]
    g = viz.to_networkx({"meetings": rows})
    assert roles(g, "urn:f") == [("participants", "A"), ("participants", "B"), ("participants", "C")]
    assert g.nodes["urn:f"]["sources"] == "d1 | d2"


def test_deterministic_whatever_the_row_and_query_order():
    def dump(g: nx.MultiDiGraph) -> tuple[list, list]:
        return list(g.nodes(data=True)), list(g.edges(keys=True, data=True))

    shuffled = {q: list(reversed(rows)) for q, rows in reversed(list(RESULTS.items()))}
    assert dump(viz.to_networkx(RESULTS)) == dump(viz.to_networkx(RESULTS)) == dump(viz.to_networkx(shuffled))
    nodes = list(viz.to_networkx(RESULTS))
    assert nodes[:6] == sorted(nodes[:6])  # entities first, by label


def test_layout_is_deterministic_and_puts_loose_nodes_below():
    g = viz.to_networkx(RESULTS)
    pos = viz.layout(g, seed=0)
    assert list(pos) == list(g.nodes)
    assert pos == viz.layout(g, seed=0)
    assert pos != viz.layout(g, seed=1)
    assert all(math.isfinite(c) for xy in pos.values() for c in xy)
    linked_y = [pos[n][1] for n in g if g.degree(n)]
    assert pos["Vereinte Nationen"][1] > max(linked_y)
    lengths = sorted(math.dist(pos[u], pos[v]) for u, v in g.edges())
    assert lengths[len(lengths) // 2] == pytest.approx(110, rel=0.2)


def test_layout_of_a_large_graph_samples_far_repulsion(monkeypatch):
    monkeypatch.setattr(kg_layout, "EXACT_LAYOUT_MAX", 50)
    g = nx.gnm_random_graph(300, 450, seed=3)
    pos = viz.layout(g)
    assert pos == viz.layout(g) and len(pos) == 300
    assert len({xy for xy in pos.values()}) == 300


def test_near_field_repulsion_matches_brute_force():
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(5)
    pos = np.vstack([rng.random((200, 2)), 0.5 + 0.02 * rng.random((100, 2))])  # with a dense cluster
    k2, r = 1 / 300, 2 / math.sqrt(300)
    delta = pos[:, None, :] - pos[None, :, :]
    d2 = (delta**2).sum(-1)
    w = np.where((d2 < r * r) & (d2 > 0), k2 / np.where(d2 > 0, d2, 1), 0.0)
    assert np.allclose(kg_layout._repel_near(pos, k2, r), (delta * w[..., None]).sum(1))


def test_layout_trivial_graphs():
    assert viz.layout(nx.MultiDiGraph()) == {}
    one = nx.MultiDiGraph()
    one.add_node("x")
    assert viz.layout(one) == {"x": (0.0, 0.0)}


def page_of(tmp_path, results=RESULTS, **kwargs) -> str:
    path = viz.write_html(viz.to_networkx(results), tmp_path / "sub" / "view.html", **kwargs)
    assert path == tmp_path / "sub" / "view.html"
    return path.read_text(encoding="utf-8")


def embedded(page: str, name: str):
    var = {"nodes": "nodeData", "edges": "edgeData"}[name]
    return json.loads(re.search(rf"var {var} = (.*);\n", page).group(1))


def test_html_has_no_remote_script_or_link(tmp_path):
    page = page_of(tmp_path)
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", page, flags=re.IGNORECASE)
    assert not [t for t in tags if re.search(r"\b(?:src|href)\s*=", t, flags=re.IGNORECASE)]
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, flags=re.IGNORECASE)
    assert "cdnjs" not in page and "jsdelivr" not in page and "bootstrap" not in page.lower()
    assert "vis.Network" in page and "vis-network" in page  # the library itself is inlined
    assert set(re.findall(r"<script\b[^>]*>", page)) == {"<script>"}  # inline only
    assert page.count("</script>") == 2  # the vis library, then the view


def test_hostile_label_is_escaped(tmp_path):
    page = page_of(tmp_path, title=HOSTILE)
    assert HOSTILE not in page
    assert "<img src=x" not in page
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page
    nodes = embedded(page, "nodes")
    assert HOSTILE in [n["label"] for n in nodes]  # shown as text, drawn on the canvas
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page
    assert "n.title = d" in page and "d.textContent = n.title" in page  # tooltips never parsed as HTML


def test_hostile_entity_type_in_legend_is_escaped(tmp_path):
    page = page_of(tmp_path, {"entities": [{"label": "X", "type": "Bad<img src=x>"}]})
    assert "Bad&lt;img src=x&gt;: 1" in page and "<img" not in page


def test_legend_lists_entity_types_and_fact_kinds(tmp_path):
    page = page_of(tmp_path)
    legend = re.search(r'<div id="kg-legend">(.*?)</div>', page, flags=re.DOTALL).group(1)
    for colour, text in [(viz.ENTITY_COLORS["Person"], "Person: 2"), (viz.ENTITY_COLORS["Organization"], "Organisation: 2"),
                         (viz.FACT_COLORS["Visit"], "Besuch: 1"), (viz.FACT_COLORS["Meeting"], "Treffen: 1")]:
        assert f'background:{colour}"></span>{text}' in legend
    assert "Ort: 0" in legend  # every entity type is listed
    assert "<b>Entitäten</b>" in legend and "(Visit)" not in legend  # one language


def test_page_in_english(tmp_path):
    page = page_of(tmp_path, captions=Captions("en"), note="x")
    legend = re.search(r'<div id="kg-legend">(.*?)</div>', page, flags=re.DOTALL).group(1)
    assert "<b>Entities</b>" in legend and "Country: 1" in legend and "Visit: 1" in legend and "Besuch" not in legend
    assert '<html lang="en">' in page and 'placeholder="find an entity …"' in page
    assert re.search(r"<span>6 entities · 3 facts · \d+ edges · x</span>", page)
    assert '"notFound":"not found"' in page


def test_nodes_are_placed_and_styled_with_physics_off(tmp_path):
    page = page_of(tmp_path)
    g = viz.to_networkx(RESULTS)
    pos = viz.layout(g)
    nodes = {n["id"]: n for n in embedded(page, "nodes")}
    assert list(nodes) == list(g.nodes)
    assert all((n["x"], n["y"]) == pos[i] for i, n in nodes.items())
    assert nodes["Olaf Scholz"]["color"] == viz.ENTITY_COLORS["Person"] and nodes["Olaf Scholz"]["shape"] == "dot"
    visit = nodes["https://w3id.org/diplomacy-kg/id/fact/visit/1"]
    assert (visit["shape"], visit["color"]) == ("diamond", viz.FACT_COLORS["Visit"])
    assert len(embedded(page, "edges")) == g.number_of_edges()
    assert '"physics":{"enabled":false' in page
    assert '"physics":{"enabled":true' in page_of(tmp_path, physics=True)


def test_write_html_fills_pyvis_lists_directly(tmp_path, monkeypatch):
    from pyvis.network import Network

    def forbidden(*args, **kwargs):
        raise AssertionError("quadratic pyvis helper used")

    for name in ("add_node", "add_nodes", "add_edge", "add_edges", "from_nx"):
        monkeypatch.setattr(Network, name, forbidden)
    page_of(tmp_path)


def test_a_thousand_nodes_write_quickly(tmp_path):
    rnd = random.Random(7)
    ents = [f"E{i}" for i in range(300)]
    rows = [{"participants": " | ".join(rnd.sample(ents, 2)), "date": "2024", "source": f"d{i}"} for i in range(700)]
    g = viz.to_networkx({"meetings": rows, "entities": [{"label": e, "type": "Country"} for e in ents]})
    assert g.number_of_nodes() == 1000
    nodes = embedded(viz.write_html(g, tmp_path / "big.html").read_text(encoding="utf-8"), "nodes")
    assert len(nodes) == 1000


def test_view_of_one_query_leaves_out_unlinked_entities():
    results = {
        "visits": [{"visitor": "Olaf Scholz", "destination": "Brasilien", "source": "a"}],
        "entities": [{"label": "Olaf Scholz", "type": "Person"}, {"label": "Brasilien", "type": "Country"},
                     {"label": "Kenia", "type": "Country"}],
    }
    assert "Kenia" in viz.to_networkx(results)
    g = viz.to_networkx(results, keep_isolated=False)
    assert "Kenia" not in g and {"Olaf Scholz", "Brasilien"} <= set(g)


def test_tooltips_stay_short_for_an_entity_in_many_articles_and_a_busy_pair(tmp_path):
    from kg.viewcut import actor_network

    rows = [{"participants": "A | B", "date": f"2024-01-{i + 1:02d}", "source": f"d{i:02d}"} for i in range(20)]
    g = viz.to_networkx({"meetings": rows})
    assert g.nodes["A"]["title"].splitlines()[-1] == "Quelle (20 Artikel): d00 | d01 | d02 \u2026"
    page = viz.write_html(actor_network(g), tmp_path / "a.html").read_text(encoding="utf-8")
    (edge,) = embedded(page, "edges")
    lines = edge["title"].splitlines()
    assert len(lines) == viz.MAX_EDGE_FACTS + 1 and lines[-1] == "und 8 weitere Fakten"


def test_layout_keeps_nodes_and_their_labels_apart_in_a_knot():
    g = nx.MultiDiGraph()
    for i in range(40):  # three actors in forty facts together: the spring layout piles them up
        for actor in ("A", "B", "C"):
            g.add_edge(f"f{i}", actor)
    sizes = {v: 36.0 if v in "ABC" else 7.0 for v in g}
    pos = viz.layout(g, sizes=sizes)
    assert min(math.dist(pos[a], pos[b]) for a, b in (("A", "B"), ("A", "C"), ("B", "C"))) >= 0.95 * (2 * 36 + 20)
    points = list(pos.values())
    closest = min(math.dist(p, q) for k, p in enumerate(points) for q in points[k + 1:])
    assert closest >= 0.9 * viz_layout_gap()


def viz_layout_gap() -> float:
    return kg_layout.GAP * 110
