"""Interactive network views of query results that open in a browser offline.

``to_networkx`` turns the rows of the named queries into a graph with one node
per entity label and one per fact row (edges fact -> entity, keyed and labelled
by the role column); ``layout`` places it in Python so the browser needs no
physics; ``write_html`` writes one self-contained HTML file: the vis-network JS
and CSS shipped inside pyvis are inlined and nothing is fetched from the network.

Article text reaches the page only as JSON with ``<``, ``>`` and ``&`` escaped;
tooltips become DOM text nodes (``textContent``) and labels are drawn on the
canvas, so neither is ever parsed as HTML.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np

from kg.factkinds import BY_QUERY
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
#: per fact query: (fact kind = ontology class local name, German caption from the ontology).
FACT_KINDS: dict[str, tuple[str, str]] = {q: (spec.kind.value, spec.caption("de")) for q, spec in BY_QUERY.items()}
_DATE_COLUMNS = ("date", "start", "year", "period")
#: Okabe-Ito colours (colour-blind safe) for entity types ...
ENTITY_COLORS = {
    "Person": "#E69F00", "Country": "#0072B2", "City": "#56B4E9", "Place": "#009E73", "Organization": "#CC79A7",
}
#: ... and Paul Tol's "muted" scheme (colour-blind safe) for fact kinds.
_TOL_MUTED = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499")
FACT_COLORS = dict(zip((k.value for k in FactKind), _TOL_MUTED, strict=True))
OTHER_COLOR = "#8C8C8C"
EXACT_LAYOUT_MAX = 2000  # above this many nodes, layout samples far-field repulsion
GRAVITY = 1.0  # pull to the centre, relative to the spring forces


def _split(value: str | None) -> list[str]:
    return [p.strip() for p in (value or "").split(SEP) if p.strip()]


def _local(iri: str) -> str:
    return re.split(r"[#/:]", iri.strip())[-1] if iri else ""


def _fact_id(query: str, row: Mapping[str, str]) -> str:
    if row.get("fact"):
        return row["fact"]
    blob = json.dumps(sorted((str(k), str(v)) for k, v in row.items()), ensure_ascii=False)
    return f"fact:{query}:{hashlib.sha1(blob.encode()).hexdigest()[:16]}"


def to_networkx(results: Mapping[str, Sequence[Mapping[str, str]]], *,
                keep_isolated: bool = True) -> nx.MultiDiGraph[str]:
    """Entity nodes (id = label) sorted by label, then fact nodes by query and id; edges fact -> entity.

    Rows that share a ``fact`` IRI become one node. Queries not in ``ENTITY_COLUMNS``
    still give fact nodes (kind = query name), without edges. With
    ``keep_isolated=False``, entities that no fact links to are left out (a
    view of one query shows only what that query is about).
    """
    entities: dict[str, dict[str, Any]] = {}

    def entity(label: str) -> dict[str, Any]:
        return entities.setdefault(label, {"type": "", "sources": set(), "extra": {}})

    for row in sorted(results.get("entities", ()), key=lambda r: sorted(r.items())):
        if label := (row.get("label") or "").strip():
            e = entity(label)
            e["type"] = e["type"] or _local(row.get("type", ""))
            e["sources"].update(_split(row.get("source")))
            e["extra"].update({c: row[c] for c in ("wikidata", "aliases") if row.get(c) and c not in e["extra"]})

    facts: dict[str, tuple[dict[str, Any], list[tuple[str, str]]]] = {}
    queries = [q for q in ENTITY_COLUMNS if q in results] + sorted(q for q in results if q not in ENTITY_COLUMNS)
    for query in (q for q in queries if q != "entities"):
        kind, caption = FACT_KINDS.get(query, (query, query))
        for fid, row in sorted(((_fact_id(query, r), r) for r in results[query]), key=lambda p: p[0]):
            links = [(col, m) for col in ENTITY_COLUMNS.get(query, ()) for m in _split(row.get(col))]
            sources = set(_split(row.get("source")))
            for _, member in links:
                entity(member)["sources"].update(sources)
            if fid in facts:  # another row of the same fact: merge links and sources
                attrs, old = facts[fid]
                old.extend(link for link in links if link not in old)
                attrs["sources"] = SEP.join(sorted(set(_split(attrs["sources"])) | sources))
                continue
            date = next((row[c] for c in _DATE_COLUMNS if row.get(c)), "")
            lines = [f"{caption} ({kind})"]
            lines += [f"{k}: {v}" for k, v in row.items() if v and k not in ("fact", "source")]
            lines += [f"source: {SEP.join(sorted(sources))}"] if sources else []
            attrs = {"label": f"{caption} {date}".strip(), "type": kind, "kind": "fact", "query": query,
                     "date": date, "sources": SEP.join(sorted(sources)), "title": "\n".join(lines)}
            facts[fid] = (attrs, list(dict.fromkeys(links)))

    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for label in sorted(entities):
        e = entities[label]
        lines = [label, f"type: {e['type'] or '?'}", *(f"{k}: {v}" for k, v in sorted(e["extra"].items()))]
        lines += [f"source: {SEP.join(sorted(e['sources']))}"] if e["sources"] else []
        g.add_node(label, label=label, type=e["type"], kind="entity", sources=SEP.join(sorted(e["sources"])),
                   title="\n".join(lines), **e["extra"])
    for fid, (attrs, _) in facts.items():
        g.add_node(fid, **attrs)
    for fid, (_, links) in facts.items():
        for role, member in links:
            g.add_edge(fid, member, key=role, role=role, label=role)
    if not keep_isolated:
        g.remove_nodes_from([n for n in list(g) if g.nodes[n]["kind"] == "entity" and g.degree(n) == 0])
    return g


def _repel(pos: np.ndarray, src: np.ndarray, k2: float, weight: float = 1.0, skip_r2: float = 0.0) -> np.ndarray:
    """Fruchterman-Reingold repulsion k^2/d on each point of ``pos`` from the points ``src``."""
    out, (x, y), (sx, sy) = np.empty_like(pos), np.ascontiguousarray(pos.T), np.ascontiguousarray(src.T)
    step = max(1, 1_000_000 // len(src))  # bounded memory: step x len(src) pairs at a time
    for s in range(0, len(pos), step):
        dx, dy = x[s : s + step, None] - sx, y[s : s + step, None] - sy
        d2 = dx * dx + dy * dy
        w = np.where(d2 > max(skip_r2, 1e-18), weight * k2 / np.maximum(d2, 1e-18), 0.0)
        out[s : s + step, 0], out[s : s + step, 1] = (dx * w).sum(1), (dy * w).sum(1)
    return out


def _repel_near(pos: np.ndarray, k2: float, r: float) -> np.ndarray:
    """The same between all pairs closer than ``r``, found via a grid of r x r cells (numpy only)."""
    n, cells = len(pos), np.floor((pos - pos.min(0)) / r).astype(np.int64)
    stride = int(cells[:, 1].max()) + 3
    key = cells[:, 0] * stride + cells[:, 1] + 1
    order = np.argsort(key, kind="stable")
    skey, out = key[order], np.zeros_like(pos)
    for off in (0, 1, stride - 1, stride, stride + 1):  # own cell, then 4 of the 8 neighbours: each pair once
        lo, hi = np.searchsorted(skey, key + off, "left"), np.searchsorted(skey, key + off, "right")
        cnt = hi - lo
        i = np.repeat(np.arange(n), cnt)
        j = order[np.repeat(lo - np.cumsum(cnt) + cnt, cnt) + np.arange(int(cnt.sum()))]
        keep = (i < j) if off == 0 else slice(None)
        i, j = i[keep], j[keep]
        delta = pos[i] - pos[j]
        d2 = np.einsum("ij,ij->i", delta, delta)
        w = np.where(d2 < r * r, k2 / np.maximum(d2, 1e-18), 0.0)
        for c in (0, 1):
            out[:, c] += np.bincount(i, delta[:, c] * w, n) - np.bincount(j, delta[:, c] * w, n)
    return out


def _spring(n: int, e: np.ndarray, seed: int, iterations: int) -> np.ndarray:
    """Fruchterman-Reingold as in ``nx.spring_layout`` (random start, linear cooling) plus gravity."""
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k, temp, m = 1.0 / math.sqrt(n), 0.1, min(n, 600)
    for _ in range(iterations):
        if n <= EXACT_LAYOUT_MAX:
            disp = _repel(pos, pos, k * k)
        else:  # near field exact, far field from m random nodes weighted n/m
            far = _repel(pos, pos[rng.choice(n, m, replace=False)], k * k, n / m, 4 * k * k)
            disp = _repel_near(pos, k * k, 2 * k) + far
        delta = pos[e[:, 0]] - pos[e[:, 1]]
        f = delta * (np.sqrt(np.einsum("ij,ij->i", delta, delta)) / k)[:, None]  # attraction d^2/k
        for c in (0, 1):
            disp[:, c] += np.bincount(e[:, 1], f[:, c], n) - np.bincount(e[:, 0], f[:, c], n)
        disp -= (pos - pos.mean(0)) * GRAVITY
        length = np.maximum(np.sqrt(np.einsum("ij,ij->i", disp, disp)), 1e-12)
        pos += disp * (np.minimum(length, temp) / length)[:, None]
        temp -= 0.1 / (iterations + 1)
    return pos


def layout(
    g: nx.Graph[Any], *, seed: int = 0, iterations: int = 50, edge_px: float = 110.0
) -> dict[Any, tuple[float, float]]:
    """Deterministic spring positions in pixels (median edge ``edge_px``); nodes without edges in a grid below.

    Vectorised with numpy: ``nx.spring_layout`` takes 6-9 s at 1k nodes, this
    ~1 s. Above ``EXACT_LAYOUT_MAX`` nodes repulsion is exact only within 2k
    and sampled beyond (20k nodes: 10-20 s).
    """
    linked = [v for v in g.nodes if any(u != v for u in nx.all_neighbors(g, v))]
    index = {v: i for i, v in enumerate(linked)}
    e = np.array(sorted({tuple(sorted((index[u], index[v]))) for u, v in g.edges() if u != v}), dtype=np.intp)
    e = e.reshape(-1, 2)
    pos: dict[Any, tuple[float, float]] = {}
    if linked:
        xy = _spring(len(linked), e, seed, iterations) if len(linked) > 1 else np.zeros((1, 2))
        lengths = np.sqrt(((xy[e[:, 0]] - xy[e[:, 1]]) ** 2).sum(1)) if len(e) else np.ones(1)
        xy = (xy - xy.mean(0)) * (edge_px / max(float(np.median(lengths)), 1e-9))
        pos = {v: (round(float(x), 1), round(float(y), 1)) for v, (x, y) in zip(linked, xy, strict=True)}
    lonely = [v for v in g.nodes if v not in index]
    if lonely:  # rows under the drawing, 220 x 60 px cells
        x0, x1 = min((p[0] for p in pos.values()), default=0.0), max((p[0] for p in pos.values()), default=0.0)
        y0 = max((p[1] for p in pos.values()), default=-2 * edge_px) + 2 * edge_px
        cols = max(math.ceil(math.sqrt(len(lonely))), int((x1 - x0) // 220) + 1)
        for i, v in enumerate(lonely):
            pos[v] = (round(x0 + 220.0 * (i % cols), 1), round(y0 + 60.0 * (i // cols), 1))
    return {v: pos[v] for v in g.nodes}


def _js(obj: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' survives."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for ch in "<>&\u2028\u2029":
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text


#: a tag that would load something from the network (http:, https: or protocol-relative //)
REMOTE_ASSET = re.compile(
    r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE
)
_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>@@TITLE@@</title>
<style>@@VIS_CSS@@</style>
<style>
html,body{margin:0;height:100%;font-family:"DejaVu Sans",system-ui,sans-serif;overflow:hidden}
#kg-head{position:absolute;top:0;left:0;right:0;height:34px;padding:0 12px;display:flex;align-items:center;gap:16px;
 border-bottom:1px solid #ddd;background:#fafafa}
#kg-head h1{font-size:17px;margin:0}#kg-head span{color:#555;font-size:13px}
#mynetwork{position:absolute;top:35px;bottom:0;left:221px;right:0;background:#fff}
#kg-legend{position:absolute;top:35px;bottom:0;left:0;width:200px;padding:8px 10px;overflow:auto;
 border-right:1px solid #ddd;background:#fafafa;font-size:13px;line-height:1.6}
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
  window.kgReady = false;
  network = new vis.Network(document.getElementById("mynetwork"), {nodes: nodes, edges: edges}, @@OPTIONS@@);
  network.once("afterDrawing", function () {
    window.kgReady = true;
    document.body.setAttribute("data-kg-ready", "1");
  });
})();
</script>
</body></html>
"""


def _legend(g: nx.MultiDiGraph[str]) -> str:
    counts = Counter((d.get("kind", "entity"), d.get("type", "")) for _, d in g.nodes(data=True))
    rows, captions = ["<b>Entitäten</b>"], dict(FACT_KINDS.values())
    for t in [*ENTITY_COLORS, *sorted({t for k, t in counts if k == "entity" and t not in ENTITY_COLORS})]:
        colour, text, n = ENTITY_COLORS.get(t, OTHER_COLOR), html.escape(t or "ohne Typ"), counts.get(("entity", t), 0)
        rows.append(f'<span class="kg-sw kg-dot" style="background:{colour}"></span>{text}: {n}<br>')
    rows.append("<b>Fakten</b>")
    kinds = {t for k, t in counts if k == "fact"}
    for t in [*(t for t in FACT_COLORS if t in kinds), *sorted(kinds - set(FACT_COLORS))]:
        colour, text = FACT_COLORS.get(t, OTHER_COLOR), html.escape(f"{captions[t]} ({t})" if t in captions else t)
        rows.append(f'<span class="kg-sw kg-dia" style="background:{colour}"></span>{text}: {counts["fact", t]}<br>')
    return "\n".join(rows)


def _vis_assets() -> tuple[str, str]:
    """The vis-network JS and CSS shipped inside the installed pyvis package."""
    import pyvis

    libs = sorted((Path(pyvis.__file__).parent / "templates" / "lib").glob("vis-*/vis-network.min.js"))
    if not libs:
        raise FileNotFoundError("vis-network.min.js not found inside the installed pyvis package")
    js = libs[-1].read_text(encoding="utf-8").replace("</script", "<\\/script")
    return js, libs[-1].with_name("vis-network.css").read_text(encoding="utf-8").replace("</style", "<\\/style")


def write_html(
    g: nx.MultiDiGraph[str],
    path: Path,
    *,
    title: str = "diplomacy-kg",
    physics: bool = False,
    positions: Mapping[Any, tuple[float, float]] | None = None,
) -> Path:
    """Write ``g`` as one self-contained HTML page (opens offline); returns ``path``.

    ``positions`` defaults to ``layout(g)``. The page sets ``window.kgReady``
    once the network is first drawn; ``window.network``/``nodes``/``edges`` are
    the vis objects.
    """
    from pyvis.network import Network

    pos = positions if positions is not None else layout(g)
    degree = dict(g.degree())
    vis_nodes = []
    for v, d in g.nodes(data=True):
        x, y = pos.get(v, (0.0, 0.0))
        label = str(d.get("label", v))
        node = {"id": str(v), "label": label, "title": str(d.get("title", label)), "x": x, "y": y}
        if d.get("kind") == "fact":
            node |= {"shape": "diamond", "size": 7, "color": FACT_COLORS.get(d.get("type", ""), OTHER_COLOR),
                     "font": {"size": 11, "color": "#555555"}}
        else:  # entity labels stay drawn until the font is under 3 px on screen
            node |= {"shape": "dot", "size": round(min(9 + 3 * math.sqrt(degree.get(v, 0)), 36), 1),
                     "color": ENTITY_COLORS.get(d.get("type", ""), OTHER_COLOR),
                     "scaling": {"label": {"drawThreshold": 3}},
                     "font": {"size": 16, "color": "#111111", "strokeWidth": 3, "strokeColor": "#ffffff"}}
        vis_nodes.append(node)
    vis_edges = [{"from": str(u), "to": str(v), "label": str(d.get("label", d.get("role", "")))}
                 for u, v, d in g.edges(data=True)]
    big = len(vis_nodes) > 1500
    options = {
        "physics": {"enabled": physics, "solver": "barnesHut", "stabilization": {"iterations": 150}},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
        "nodes": {"borderWidth": 1, "scaling": {"label": {"drawThreshold": 7}}},
        "edges": {"smooth": False, "width": 1,
                  "color": {"color": "#9AA0A6", "highlight": "#333333", "hover": "#333333"},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}}, "scaling": {"label": {"drawThreshold": 7}},
                  "font": {"size": 10, "color": "#666666", "strokeWidth": 2, "align": "middle"}},
    }
    # pyvis holds the data, but its add_node/add_edge scan lists (quadratic), so the lists are set directly.
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.nodes, net.edges, net.options = vis_nodes, vis_edges, options
    net.node_ids, net.node_map = [n["id"] for n in vis_nodes], {n["id"]: n for n in vis_nodes}
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
    page = re.sub(r"@@([A-Z_]+)@@", lambda mt: parts[mt.group(1)], _PAGE)  # one pass: values are not rescanned
    if REMOTE_ASSET.search(page):  # never expected: template and inlined assets are local
        raise RuntimeError(f"refusing to write {path}: the page references a remote asset")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path
