"""Interactive network views of query results that open in a browser offline.

``to_networkx`` turns the rows of the named queries into a graph with one node
per entity label and one per fact row (edges fact -> entity, keyed and labelled
by the role column); ``layout`` places it in Python so the browser needs no
physics; ``write_html`` writes one self-contained HTML file: the vis-network JS
and CSS shipped inside pyvis are inlined and nothing is fetched from the network.

Article text reaches the page only as JSON with ``<``, ``>`` and ``&`` escaped;
tooltips (of nodes and edges) become DOM text nodes (``textContent``) and labels are drawn on the
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from kg.captions import Captions
from kg.factkinds import BY_QUERY
from kg.layout import layout
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
_DATE_COLUMNS = ("date", "start", "year", "period")
#: Okabe-Ito colours (colour-blind safe) for entity types ...
ENTITY_COLORS = {
    "Person": "#E69F00", "Country": "#0072B2", "City": "#56B4E9", "Place": "#009E73", "Organization": "#CC79A7",
}
#: ... and Paul Tol's "muted" scheme (colour-blind safe) for fact kinds.
_TOL_MUTED = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499")
FACT_COLORS = dict(zip((k.value for k in FactKind), _TOL_MUTED, strict=True))
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


@dataclass(frozen=True, slots=True)
class Evidence:
    """One claim behind a fact: the article (id, title, date) and the sentence it was read from."""

    doc: str
    title: str = ""
    published: str = ""
    sentence: str = ""


def evidence_by_fact(rows: Sequence[Mapping[str, str]]) -> dict[str, tuple[Evidence, ...]]:
    """The rows of ``queries/lib/fact_evidence.rq`` grouped by fact, one per article (its first sentence)."""
    out: dict[str, dict[str, Evidence]] = {}
    for row in rows:
        if row.get("fact") and row.get("doc"):
            out.setdefault(row["fact"], {}).setdefault(row["doc"], Evidence(
                row["doc"], row.get("title", ""), row.get("published", ""), row.get("sentence", "")))
    return {fact: tuple(docs.values()) for fact, docs in out.items()}


#: evidence sentences longer than this are cut (a tooltip is no reading pane)
MAX_SENTENCE = 320
#: how many articles a tooltip names
MAX_SOURCES = 3
_QUOTES = {"de": ("\u201e", "\u201c"), "en": ("\u201c", "\u201d")}


def _sources_line(sources: Sequence[str], cap: Captions) -> str:
    """The articles by id; of an entity named in hundreds, the first few and how many."""
    if len(sources) <= MAX_SOURCES:
        return f"{cap.column('source')}: {SEP.join(sources)}"
    return f"{cap.column('source')} ({cap.text('articles', n=len(sources))}): {SEP.join(sources[:MAX_SOURCES])} \u2026"


def _evidence_lines(found: Sequence[Evidence], sources: Sequence[str], cap: Captions) -> list[str]:
    """The first sentence quoted, then the articles: their titles where known, else their ids."""
    source = cap.column("source")
    if not found:
        return [_sources_line(sources, cap)] if sources else []
    lines = []
    if sentence := next((e.sentence for e in found if e.sentence), ""):
        sentence = " ".join(sentence.split())
        if len(sentence) > MAX_SENTENCE:
            sentence = sentence[: MAX_SENTENCE - 1].rstrip() + "\u2026"
        opening, closing = _QUOTES.get(cap.lang, _QUOTES["en"])
        lines.append(f"{opening}{sentence}{closing}")
    for e in found[:MAX_SOURCES]:
        where = ", ".join(x for x in (e.doc, e.published) if x)
        lines.append(f"{source}: {e.title} ({where})" if e.title else f"{source}: {where}")
    if len(found) > MAX_SOURCES:
        lines.append(cap.text("more_sources", n=len(found) - MAX_SOURCES))
    return lines


#: a number column and the column naming its unit, shown together ("3.500.000.000 USD")
_UNITS = {"amount": "currency", "value": "unit"}


def _cells(row: Mapping[str, str], cap: Captions, skip: Sequence[str]) -> list[str]:
    """``column: value`` lines in the captions' language, an amount with its unit on one line."""
    units = {u for n, u in _UNITS.items() if row.get(n) and row.get(u)}
    lines = []
    for k, v in row.items():
        if v and k not in skip and k not in units:
            unit = row.get(_UNITS.get(k, ""), "")
            lines.append(f"{cap.column(k)}: {cap.value(k, v)}" + (f" {cap.value('unit', unit)}" if unit else ""))
    return lines


def to_networkx(results: Mapping[str, Sequence[Mapping[str, str]]], *,
                keep_isolated: bool = True, evidence: Mapping[str, Sequence[Evidence]] | None = None,
                captions: Captions | None = None) -> nx.MultiDiGraph[str]:
    """Entity nodes (id = label) sorted by label, then fact nodes by query and id; edges fact -> entity.

    Rows that share a ``fact`` IRI become one node. Queries not in ``ENTITY_COLUMNS``
    still give fact nodes (kind = query name), without edges. With
    ``keep_isolated=False``, entities that no fact links to are left out (a
    view of one query shows only what that query is about). ``evidence`` (by
    fact IRI) puts the sentence and the articles into the fact's tooltip;
    ``captions`` says in which language labels and tooltips are written.
    """
    cap = captions or Captions()
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
        spec = BY_QUERY.get(query)
        kind, caption = (spec.kind.value, cap.title(spec.kind.value)) if spec else (query, query)
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
            date_column = next((c for c in _DATE_COLUMNS if row.get(c)), "")
            date = row.get(date_column, "")
            lines = [f"{caption} \u00b7 {date}" if date else caption]
            lines += _cells(row, cap, skip=("fact", "source", date_column))
            lines += _evidence_lines(tuple((evidence or {}).get(fid, ())), sorted(sources), cap)
            attrs = {"label": f"{caption} {date}".strip(), "type": kind, "kind": "fact", "query": query,
                     "caption": caption, "date": date, "sources": SEP.join(sorted(sources)),
                     "title": "\n".join(lines)}
            facts[fid] = (attrs, list(dict.fromkeys(links)))

    in_facts = Counter(m for _, links in facts.values() for m in {member for _, member in links})
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for label in sorted(entities):
        e = entities[label]
        lines = [label, f"{cap.text('type_of')}: {cap.title(e['type']) if e['type'] else cap.text('untyped')}",
                 *([cap.text("in_facts", n=in_facts[label])] if in_facts[label] else []),
                 *(f"{cap.column(k)}: {v}" for k, v in sorted(e["extra"].items()))]
        lines += [_sources_line(sorted(e["sources"]), cap)] if e["sources"] else []
        g.add_node(label, label=label, type=e["type"], kind="entity", sources=SEP.join(sorted(e["sources"])),
                   title="\n".join(lines), **e["extra"])
    for fid, (attrs, _) in facts.items():
        g.add_node(fid, **attrs)
    for fid, (_, links) in facts.items():
        for role, member in links:
            g.add_edge(fid, member, key=role, role=role, label=cap.column(role))
    if not keep_isolated:
        g.remove_nodes_from([n for n in list(g) if g.nodes[n]["kind"] == "entity" and g.degree(n) == 0])
    return g


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
<html lang="@@LANG@@"><head><meta charset="utf-8"><title>@@TITLE@@</title>
<style>@@VIS_CSS@@</style>
<style>
html,body{margin:0;height:100%;font-family:"DejaVu Sans",system-ui,sans-serif;overflow:hidden}
#kg-head{position:absolute;top:0;left:0;right:0;height:34px;padding:0 12px;display:flex;align-items:center;gap:16px;
 border-bottom:1px solid #ddd;background:#fafafa}
#kg-head h1{font-size:17px;margin:0}#kg-head span{color:#555;font-size:13px}
#kg-search{margin-left:auto;width:220px;font:inherit;font-size:13px;padding:2px 6px}
#kg-legend label{cursor:pointer}#kg-legend input{margin:0 2px 0 0;vertical-align:-1px}
#mynetwork{position:absolute;top:35px;bottom:0;left:221px;right:0;background:#fff}
#kg-legend{position:absolute;top:35px;bottom:0;left:0;width:200px;padding:8px 10px;overflow:auto;
 border-right:1px solid #ddd;background:#fafafa;font-size:13px;line-height:1.6}
#kg-legend b{display:block;margin-top:2px}.kg-sw{display:inline-block;width:11px;height:11px;margin:0 7px 0 2px}
.kg-dot{border-radius:50%}.kg-dia{transform:rotate(45deg) scale(.85)}
div.vis-tooltip{white-space:pre-line;max-width:460px;font-size:13px;font-family:inherit}
</style>
<script>@@VIS_JS@@</script>
</head><body>
<div id="kg-head"><h1>@@TITLE@@</h1><span>@@COUNTS@@</span>
<input id="kg-search" type="search" placeholder="@@SEARCH@@" aria-label="@@SEARCH@@"><span id="kg-found"></span></div>
<div id="mynetwork"></div>
<div id="kg-legend">@@LEGEND@@</div>
<script>
var nodes, edges, network;
(function () {
  var words = @@TEXT@@, focusId = @@FOCUS@@;
  var nodeData = @@NODES@@;
  nodeData.forEach(function (n) {  /* tooltips as text nodes: never parsed as HTML */
    if (typeof n.title === "string") { var d = document.createElement("div"); d.textContent = n.title; n.title = d; }
  });
  nodes = new vis.DataSet(nodeData);
  var edgeData = @@EDGES@@;
  edgeData.forEach(function (e) {
    if (typeof e.title === "string") { var d = document.createElement("div"); d.textContent = e.title; e.title = d; }
  });
  edges = new vis.DataSet(edgeData);
  window.kgReady = false;
  network = new vis.Network(document.getElementById("mynetwork"), {nodes: nodes, edges: edges}, @@OPTIONS@@);
  function fold(t) { return String(t).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  /* search: the entity whose label (else alias) contains the text, the label itself first, then one that
     begins with it, then the most connected; centred and selected */
  window.kgSearch = function (text) {
    var want = fold(text.trim()), found = document.getElementById("kg-found");
    if (!want) { found.textContent = ""; return null; }
    var hits = nodes.get({filter: function (n) { return !n.kgKind && !n.hidden && (fold(n.label).indexOf(want) >= 0
      || fold(n.kgAliases || "").indexOf(want) >= 0); }});
    function rank(n) { var l = fold(n.label); return l === want ? 0 : l.indexOf(want) === 0 ? 1 : 2; }
    hits.sort(function (a, b) { return rank(a) - rank(b) || (b.size || 0) - (a.size || 0); });
    if (!hits.length) { found.textContent = words.notFound; return null; }
    found.textContent = hits.length > 1 ? words.hits.replace("{n}", hits.length) : "";
    network.selectNodes([hits[0].id]);
    network.focus(hits[0].id, {scale: 1.2, animation: false});
    return hits[0].id;
  };
  document.getElementById("kg-search").addEventListener("keydown", function (e) {
    if (e.key === "Enter") { window.kgSearch(e.target.value); }
  });
  /* kind filter: unticking a kind hides its fact nodes (or, in an actor network, its edges) */
  document.querySelectorAll("input.kg-kind").forEach(function (box) {
    box.addEventListener("change", function () {
      var kind = box.getAttribute("data-kind"), hide = !box.checked;
      var match = {filter: function (x) { return x.kgKind === kind; }};
      nodes.update(nodes.get(match).map(function (n) { return {id: n.id, hidden: hide}; }));
      edges.update(edges.get(match).map(function (x) { return {id: x.id, hidden: hide}; }));
    });
  });
  if (focusId !== null) { network.selectNodes([focusId]); }  /* the focus of the view stands out */
  network.once("afterDrawing", function () {
    window.kgReady = true;
    window.kgReadyMs = performance.now();  /* ms since navigation began: benchmarks/bench_view.py */
    document.body.setAttribute("data-kg-ready", "1");
  });
})();
</script>
</body></html>
"""


def _legend(g: nx.MultiDiGraph[str], cap: Captions) -> str:
    counts = Counter((d.get("kind", "entity"), d.get("type", "")) for _, d in g.nodes(data=True))
    rows = [f"<b>{html.escape(cap.text('entities').capitalize())}</b>"]
    for t in [*ENTITY_COLORS, *sorted({t for k, t in counts if k == "entity" and t not in ENTITY_COLORS})]:
        colour, n = ENTITY_COLORS.get(t, OTHER_COLOR), counts.get(("entity", t), 0)
        text = html.escape(cap.title(t) if t else cap.text("untyped"))
        rows.append(f'<span class="kg-sw kg-dot" style="background:{colour}"></span>{text}: {n}<br>')
    rows.append(f"<b>{html.escape(cap.text('facts').capitalize())}</b>")
    kinds = Counter({t: n for (k, t), n in counts.items() if k == "fact"})
    kinds.update(str(d.get("kind", "")) for _, _, d in g.edges(data=True) if "count" in d)  # an actor network
    for t in [*(t for t in FACT_COLORS if t in kinds), *sorted(set(kinds) - set(FACT_COLORS))]:
        colour, text = FACT_COLORS.get(t, OTHER_COLOR), html.escape(cap.title(t))
        rows.append(f'<label><input type="checkbox" class="kg-kind" data-kind="{html.escape(t)}" checked>'
                    f'<span class="kg-sw kg-dia" style="background:{colour}"></span>{text}: {kinds[t]}</label><br>')
    return "\n".join(rows)


def _vis_assets() -> tuple[str, str]:
    """The vis-network JS and CSS shipped inside the installed pyvis package."""
    import pyvis

    libs = sorted((Path(pyvis.__file__).parent / "templates" / "lib").glob("vis-*/vis-network.min.js"))
    if not libs:
        raise FileNotFoundError("vis-network.min.js not found inside the installed pyvis package")
    js = libs[-1].read_text(encoding="utf-8").replace("</script", "<\\/script")
    return js, libs[-1].with_name("vis-network.css").read_text(encoding="utf-8").replace("</style", "<\\/style")


FACT_SIZE = 7.0  # px: a fact is a small diamond beside its entities


def _entity_size(degree: int) -> float:
    """An entity's radius in px grows with the square root of its facts, up to 36."""
    return round(min(9 + 3 * math.sqrt(degree), 36), 1)


#: an actor edge's tooltip lists this many of its facts, then says how many more
MAX_EDGE_FACTS = 12


def _vis_edge(u: Any, v: Any, d: Mapping[str, Any], cap: Captions) -> dict[str, Any]:
    """A fact -> entity edge labelled by role; an actor edge (``count`` facts) also by width and tooltip."""
    edge: dict[str, Any] = {"from": str(u), "to": str(v), "label": str(d.get("label", d.get("role", "")))}
    if "count" in d:
        lines = str(d.get("title", "")).splitlines()
        if len(lines) > MAX_EDGE_FACTS:
            lines = [*lines[:MAX_EDGE_FACTS], cap.text("more_facts", n=len(lines) - MAX_EDGE_FACTS)]
        edge |= {"kgKind": str(d.get("kind", "")), "width": round(1 + 2 * math.log2(int(d["count"])), 1),
                 "title": "\n".join(lines),
                 "color": {"color": FACT_COLORS.get(str(d.get("kind", "")), OTHER_COLOR)}}
    return edge


def write_html(
    g: nx.MultiDiGraph[str],
    path: Path,
    *,
    title: str = "diplomacy-kg",
    physics: bool = False,
    positions: Mapping[Any, tuple[float, float]] | None = None,
    note: str = "",
    captions: Captions | None = None,
    focus: str | None = None,
) -> Path:
    """Write ``g`` as one self-contained HTML page (opens offline); returns ``path``.

    ``positions`` defaults to ``layout(g)``. ``note`` follows the counts in
    the header (what a cut left out). The page sets ``window.kgReady`` once
    the network is first drawn; ``window.network``/``nodes``/``edges`` are
    the vis objects. ``captions`` gives the language of the page's own
    words; ``focus`` (a node id) is selected when the page opens.
    """
    cap = captions or Captions()
    from pyvis.network import Network

    degree = dict(g.degree())
    sizes = {v: _entity_size(degree.get(v, 0)) if d.get("kind") != "fact" else FACT_SIZE for v, d in g.nodes(data=True)}
    pos = positions if positions is not None else layout(g, sizes=sizes)
    vis_nodes = []
    for v, d in g.nodes(data=True):
        x, y = pos.get(v, (0.0, 0.0))
        label = str(d.get("label", v))
        node = {"id": str(v), "label": label, "title": str(d.get("title", label)), "x": x, "y": y}
        if d.get("kind") == "fact":
            node |= {"kgKind": str(d.get("type", "")), "shape": "diamond", "size": FACT_SIZE, "color": FACT_COLORS.get(d.get("type", ""), OTHER_COLOR),
                     "font": {"size": 11, "color": "#555555"}}
        else:  # entity labels stay drawn until the font is under 3 px on screen
            node |= {"kgAliases": str(d.get("aliases", "")), "shape": "dot", "size": sizes[v],
                     "color": ENTITY_COLORS.get(d.get("type", ""), OTHER_COLOR),
                     "scaling": {"label": {"drawThreshold": 3}},
                     "font": {"size": 16, "color": "#111111", "strokeWidth": 3, "strokeColor": "#ffffff"}}
        vis_nodes.append(node)
    vis_edges = [_vis_edge(u, v, d, cap) for u, v, d in g.edges(data=True)]
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
    n_nodes = sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "fact")
    n_facts = int(g.graph.get("facts", n_nodes))  # an actor network has its facts in its edges
    parts = {
        "TITLE": html.escape(title),
        "LANG": cap.lang,
        "SEARCH": html.escape(cap.text("search")),
        "TEXT": _js({"notFound": cap.text("not_found"), "hits": cap.text("hits", n="{n}")}),
        "FOCUS": _js(str(focus) if focus is not None and focus in g else None),
        "COUNTS": html.escape(f"{g.number_of_nodes() - n_nodes} {cap.text('entities')} · {n_facts} {cap.text('facts')}"
                              f" · {g.number_of_edges()} {cap.text('edges')}" + (f" · {note}" if note else "")),
        "LEGEND": _legend(g, cap),
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
