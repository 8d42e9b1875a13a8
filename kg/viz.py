"""Interactive network views of query results that open in a browser offline.

``to_networkx`` turns the rows of the named queries into a graph with one node
per entity label and one per fact row (edges fact -> entity, labelled with the
role column); ``layout`` places it in Python so the browser needs no physics;
``write_html`` writes one self-contained HTML file: the vis-network JS and CSS
shipped inside pyvis are inlined and nothing is fetched from the network.

Text from articles reaches the page only as JSON with ``<``, ``>`` and ``&``
escaped; tooltips are turned into DOM nodes via ``textContent`` and labels are
drawn on the canvas, so neither is ever parsed as HTML.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from kg.model import FactKind

SEP = " | "

#: per query, the columns that name entities; the column name is the role.
ENTITY_COLUMNS: dict[str, tuple[str, ...]] = {
    "visits": ("visitor", "destination", "host"),
    "meetings": ("participants", "place"),
    "agreements": ("parties", "signatories", "place"),
    "trade": ("partners",),
    "quantities": ("subject", "of"),
    "roles": ("person", "org", "to"),
    "invitations": ("inviter", "invitee", "destination"),
    "statements": ("speaker", "target"),
    "legal_actions": ("issuer", "target"),
    "entities": (),
}

#: per fact query: (fact kind, German caption).
FACT_KINDS: dict[str, tuple[str, str]] = {
    "visits": (FactKind.VISIT.value, "Besuch"),
    "meetings": (FactKind.MEETING.value, "Treffen"),
    "agreements": (FactKind.AGREEMENT.value, "Abkommen"),
    "trade": (FactKind.TRADE.value, "Handel"),
    "quantities": (FactKind.QUANTITY.value, "Angabe"),
    "roles": (FactKind.ROLE.value, "Amt"),
    "invitations": (FactKind.INVITATION.value, "Einladung"),
    "statements": (FactKind.STATEMENT.value, "Äußerung"),
    "legal_actions": (FactKind.LEGAL_ACTION.value, "Maßnahme"),
}
_DATE_COLUMNS = ("date", "start", "year", "period")

#: Okabe-Ito colours (colour-blind safe) for entity types.
ENTITY_COLORS: dict[str, str] = {
    "Person": "#E69F00",
    "Country": "#0072B2",
    "City": "#56B4E9",
    "Place": "#009E73",
    "Organization": "#CC79A7",
}
#: Paul Tol's "muted" scheme (colour-blind safe) for fact kinds.
FACT_COLORS: dict[str, str] = dict(
    zip(
        (k.value for k in FactKind),
        ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499"),
    )
)
OTHER_COLOR = "#8C8C8C"


def _split(value: str | None) -> list[str]:
    return [p.strip() for p in (value or "").split(SEP) if p.strip()]


def _local(iri: str) -> str:
    return re.split(r"[#/:]", iri.strip())[-1] if iri else ""


def _fact_id(query: str, row: Mapping[str, str]) -> str:
    if row.get("fact"):
        return row["fact"]
    blob = json.dumps(sorted((str(k), str(v)) for k, v in row.items()), ensure_ascii=False)
    return f"fact:{query}:{hashlib.sha1(blob.encode()).hexdigest()[:16]}"


def _query_order(results: Mapping[str, Any]) -> list[str]:
    known = [q for q in ENTITY_COLUMNS if q in results and q != "entities"]
    return known + sorted(q for q in results if q not in ENTITY_COLUMNS)


def to_networkx(results: Mapping[str, Sequence[Mapping[str, str]]]) -> nx.MultiDiGraph:
    """One node per entity label (id = the label) and per fact row, edges fact -> entity.

    Entity nodes come first, sorted by label; fact nodes follow by query, then id.
    """
    entities: dict[str, dict[str, Any]] = {}

    def entity(label: str) -> dict[str, Any]:
        return entities.setdefault(label, {"type": "", "sources": set(), "extra": {}})

    for row in sorted(results.get("entities", ()), key=lambda r: sorted(r.items())):
        label = (row.get("label") or "").strip()
        if not label:
            continue
        e = entity(label)
        e["type"] = e["type"] or _local(row.get("type", ""))
        e["sources"].update(_split(row.get("source")))
        for col in ("wikidata", "aliases"):
            if row.get(col) and col not in e["extra"]:
                e["extra"][col] = row[col]

    facts: list[tuple[str, dict[str, Any], list[tuple[str, str]]]] = []
    for query in _query_order(results):
        kind, caption = FACT_KINDS.get(query, (query, query))
        seen: dict[str, int] = {}
        for fid, row in sorted(((_fact_id(query, r), r) for r in results[query]), key=lambda p: p[0]):
            links = [(col, m) for col in ENTITY_COLUMNS.get(query, ()) for m in _split(row.get(col))]
            sources = set(_split(row.get("source")))
            for _, member in links:
                entity(member)["sources"].update(sources)
            if fid in seen:  # several rows of one fact: merge their links and sources
                attrs, old = facts[seen[fid]][1], facts[seen[fid]][2]
                old.extend(link for link in links if link not in old)
                attrs["sources"] = SEP.join(sorted(set(_split(attrs["sources"])) | sources))
                continue
            date = next((row[c] for c in _DATE_COLUMNS if row.get(c)), "")
            lines = [f"{caption} ({kind})"]
            lines += [f"{k}: {v}" for k, v in row.items() if v and k not in ("fact", "source")]
            lines += [f"source: {SEP.join(sorted(sources))}"] if sources else []
            attrs = {
                "label": f"{caption} {date}".strip(),
                "type": kind,
                "kind": "fact",
                "query": query,
                "date": date,
                "sources": SEP.join(sorted(sources)),
                "title": "\n".join(lines),
            }
            seen[fid] = len(facts)
            facts.append((fid, attrs, list(dict.fromkeys(links))))

    g = nx.MultiDiGraph()
    for label in sorted(entities):
        e = entities[label]
        lines = [label, f"type: {e['type'] or '?'}"] + [f"{k}: {v}" for k, v in sorted(e["extra"].items())]
        lines += [f"source: {SEP.join(sorted(e['sources']))}"] if e["sources"] else []
        g.add_node(label, label=label, type=e["type"], kind="entity", sources=SEP.join(sorted(e["sources"])),
                   title="\n".join(lines), **e["extra"])
    for fid, attrs, _ in facts:
        g.add_node(fid, **attrs)
    for fid, _, links in facts:
        for role, member in links:
            g.add_edge(fid, member, key=role, role=role, label=role)
    return g


def _repulsion(pos: Any, k: float, exact: bool) -> Any:
    """Fruchterman-Reingold repulsion k^2/d: all pairs, or (large graphs) pairs closer than 3k."""
    import numpy as np

    n, k2 = len(pos), k * k
    if exact:
        out, (x, y) = np.empty_like(pos), np.ascontiguousarray(pos.T)
        step = max(1, 1_000_000 // n)
        for s in range(0, n, step):
            dx, dy = x[s : s + step, None] - x, y[s : s + step, None] - y
            d2 = dx * dx + dy * dy
            d2[np.arange(len(d2)), np.arange(s, s + len(d2))] = np.inf
            w = k2 / np.maximum(d2, 1e-12)
            out[s : s + step, 0], out[s : s + step, 1] = (dx * w).sum(1), (dy * w).sum(1)
        return out
    from scipy.spatial import cKDTree

    pairs = cKDTree(pos).query_pairs(3 * k, output_type="ndarray")
    delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
    f = delta * (k2 / np.maximum(np.einsum("ij,ij->i", delta, delta), 1e-12))[:, None]
    return np.stack([np.bincount(pairs[:, 0], f[:, c], n) - np.bincount(pairs[:, 1], f[:, c], n) for c in (0, 1)], 1)


def layout(g: nx.Graph, *, seed: int = 0, iterations: int = 50, edge_px: float = 110.0) -> dict[Any, tuple[float, float]]:
    """Deterministic force-directed positions in pixels (median edge ~ ``edge_px``).

    The spring (Fruchterman-Reingold) model of ``nx.spring_layout`` plus a weak
    pull to the centre (keeps isolated nodes close), vectorised with numpy:
    networkx's own takes 6-9 s at 1k nodes. Above 2,000 nodes repulsion is cut
    off at 3k via a k-d tree (scipy), so 20k nodes take seconds, not minutes.
    """
    import numpy as np

    nodes = list(g.nodes)
    n = len(nodes)
    if n <= 1:
        return {v: (0.0, 0.0) for v in nodes}
    index = {v: i for i, v in enumerate(nodes)}
    pairs = sorted({tuple(sorted((index[u], index[v]))) for u, v in g.edges() if u != v})
    e = np.array(pairs, dtype=np.intp).reshape(-1, 2)
    pos = np.random.default_rng(seed).random((n, 2))
    k, temp = 1.0 / math.sqrt(n), 0.1
    for _ in range(iterations):
        disp = _repulsion(pos, k, exact=n <= 2000)
        delta = pos[e[:, 0]] - pos[e[:, 1]]
        f = delta * (np.sqrt(np.einsum("ij,ij->i", delta, delta)) / k)[:, None]
        for c in (0, 1):
            disp[:, c] += np.bincount(e[:, 1], f[:, c], n) - np.bincount(e[:, 0], f[:, c], n)
        disp -= (pos - pos.mean(0)) * (1.0 if n <= 2000 else GRAV * k)
        length = np.maximum(np.sqrt(np.einsum("ij,ij->i", disp, disp)), 1e-12)
        pos += disp * (np.minimum(length, temp) / length)[:, None]
        temp -= 0.1 / (iterations + 1)
    lengths = np.sqrt(((pos[e[:, 0]] - pos[e[:, 1]]) ** 2).sum(1)) if len(e) else np.array([k])
    pos = (pos - pos.mean(0)) * (edge_px / max(float(np.median(lengths)), 1e-9))
    return {v: (round(float(x), 1), round(float(y), 1)) for v, (x, y) in zip(nodes, pos)}


def _js(obj: Any) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' survives."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


_REMOTE = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)

_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>@@TITLE@@</title>
<style>@@VIS_CSS@@</style>
<style>
html,body{margin:0;height:100%;font-family:"DejaVu Sans",system-ui,sans-serif;overflow:hidden}
#kg-head{position:absolute;top:0;left:0;right:0;height:34px;padding:0 12px;display:flex;align-items:center;gap:16px;
 border-bottom:1px solid #ddd;background:#fafafa}
#kg-head h1{font-size:17px;margin:0}#kg-head span{color:#555;font-size:13px}
#mynetwork{position:absolute;top:35px;bottom:0;left:0;right:0;background:#fff}
#kg-legend{position:absolute;top:45px;left:10px;z-index:5;background:rgba(255,255,255,.93);border:1px solid #ccc;
 border-radius:6px;padding:6px 10px;font-size:13px;line-height:1.6;max-height:calc(100% - 70px);overflow:auto}
#kg-legend b{display:block;margin-top:2px}.kg-sw{display:inline-block;width:11px;height:11px;margin:0 7px 0 2px}
.kg-dot{border-radius:50%}.kg-dia{transform:rotate(45deg) scale(.85)}
div.vis-tooltip{white-space:pre-line;max-width:460px;font-size:13px;font-family:inherit}
</style>
<script>@@VIS_JS@@</script>
</head><body>
<div id="kg-head"><h1>@@TITLE@@</h1><span>@@COUNTS@@</span></div>
<div id="mynetwork"></div>
<div id="kg-legend">@@LEGEND@@</div>
<script>
var nodes, edges, network;
(function () {
  var nodeData = @@NODES@@;
  nodeData.forEach(function (n) {  /* tooltips as text nodes: never parsed as HTML */
    if (typeof n.title === "string") { var d = document.createElement("div"); d.textContent = n.title; n.title = d; }
  });
  nodes = new vis.DataSet(nodeData);
  edges = new vis.DataSet(@@EDGES@@);
  network = new vis.Network(document.getElementById("mynetwork"), {nodes: nodes, edges: edges}, @@OPTIONS@@);
  window.kgReady = false;
  network.once("afterDrawing", function () { window.kgReady = true; document.body.setAttribute("data-kg-ready", "1"); });
})();
</script>
</body></html>
"""


def _legend(g: nx.MultiDiGraph) -> str:
    counts: dict[tuple[str, str], int] = {}
    for _, d in g.nodes(data=True):
        key = (d.get("kind", "entity"), d.get("type", ""))
        counts[key] = counts.get(key, 0) + 1
    rows = ["<b>Entitäten</b>"]
    for t in [*ENTITY_COLORS, *sorted({t for k, t in counts if k == "entity" and t not in ENTITY_COLORS})]:
        colour = ENTITY_COLORS.get(t, OTHER_COLOR)
        n = counts.get(("entity", t), 0)
        if n or t in ENTITY_COLORS:
            rows.append(f'<span class="kg-sw kg-dot" style="background:{colour}"></span>{html.escape(t or "other")} ({n})<br>')
    rows.append("<b>Fakten</b>")
    captions = {kind: cap for kind, cap in FACT_KINDS.values()}
    for t in sorted(t for k, t in counts if k == "fact"):
        colour = FACT_COLORS.get(t, OTHER_COLOR)
        text = f"{captions.get(t, t)} ({t})" if t in captions else t
        rows.append(f'<span class="kg-sw kg-dia" style="background:{colour}"></span>{html.escape(text)}: {counts[("fact", t)]}<br>')
    return "\n".join(rows)


def _vis_assets() -> tuple[str, str]:
    import pyvis

    libs = sorted((Path(pyvis.__file__).parent / "templates" / "lib").glob("vis-*/vis-network.min.js"))
    if not libs:
        raise FileNotFoundError("vis-network.min.js not found inside the installed pyvis package")
    js = libs[-1].read_text(encoding="utf-8").replace("</script", "<\\/script")
    css = libs[-1].with_name("vis-network.css").read_text(encoding="utf-8").replace("</style", "<\\/style")
    return js, css


def write_html(
    g: nx.MultiDiGraph,
    path: Path,
    *,
    title: str = "diplomacy-kg",
    physics: bool = False,
    positions: Mapping[Any, tuple[float, float]] | None = None,
) -> Path:
    """Write ``g`` as one self-contained HTML page (no network access needed); returns ``path``."""
    from pyvis.network import Network

    pos = positions if positions is not None else layout(g)
    degree = dict(g.degree())
    vis_nodes, ids = [], []
    for v, d in g.nodes(data=True):
        x, y = pos.get(v, (0.0, 0.0))
        node = {"id": str(v), "label": str(d.get("label", v)), "title": str(d.get("title", d.get("label", v))), "x": x, "y": y}
        if d.get("kind") == "fact":
            node |= {"shape": "diamond", "size": 7, "color": FACT_COLORS.get(d.get("type", ""), OTHER_COLOR),
                     "font": {"size": 11, "color": "#555555"}}
        else:
            node |= {"shape": "dot", "size": round(9 + 3 * math.sqrt(degree.get(v, 0)), 1),
                     "color": ENTITY_COLORS.get(d.get("type", ""), OTHER_COLOR),
                     "font": {"size": 16, "color": "#111111", "strokeWidth": 3, "strokeColor": "#ffffff"},
                     "scaling": {"label": {"drawThreshold": 3}}}
        vis_nodes.append(node)
        ids.append(node["id"])
    vis_edges = [{"from": str(u), "to": str(v), "label": str(d.get("label", d.get("role", "")))}
                 for u, v, d in g.edges(data=True)]
    big = len(vis_nodes) > 1500
    options = {
        "physics": {"enabled": physics, "solver": "barnesHut", "stabilization": {"iterations": 150, "fit": True}},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
        "nodes": {"borderWidth": 1, "scaling": {"label": {"drawThreshold": 7}}},
        "edges": {"smooth": False, "width": 1, "color": {"color": "#9AA0A6", "highlight": "#333333", "hover": "#333333"},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
                  "font": {"size": 10, "color": "#666666", "strokeWidth": 2, "align": "middle"}},
    }
    # pyvis holds the data; its add_node/add_edge are linear scans (quadratic overall), so fill lists directly.
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.nodes, net.node_ids, net.edges = vis_nodes, ids, vis_edges
    net.node_map = {n["id"]: n for n in vis_nodes}
    net.options = options
    nodes, edges, _, _, _, options_json = net.get_network_data()
    js, css = _vis_assets()
    n_facts = sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "fact")
    parts = {
        "TITLE": html.escape(title),
        "COUNTS": f"{g.number_of_nodes() - n_facts} Entitäten · {n_facts} Fakten · {g.number_of_edges()} Kanten",
        "LEGEND": _legend(g),
        "VIS_CSS": css,
        "VIS_JS": js,
        "NODES": _js(nodes),
        "EDGES": _js(edges),
        "OPTIONS": _js(json.loads(options_json)),
    }
    page = re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], _PAGE)
    if _REMOTE.search(page):  # never expected: the template and the inlined assets are local
        raise RuntimeError(f"refusing to write {path}: the page references a remote asset")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path
