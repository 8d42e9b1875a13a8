"""Cutting a view down to what a reader can take in.

The graph of :func:`kg.viz.to_networkx` has entity nodes and fact nodes (edges
fact -> entity). A corpus gives thousands of each, most entities named once
and in no fact; drawn whole it is a hairball over a carpet of dots. These pure
functions each return a smaller copy: only entities that take part in facts,
some kinds of fact, a time window, one actor's neighbourhood, the most
connected actors. :func:`actor_network` folds the facts into edges between
the actors themselves. What a cut leaves out is counted (:class:`Cut`) so the
page can say so.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

import networkx as nx

from kg.errors import InputError, SettingsError
from kg.normalize import names_matching

if TYPE_CHECKING:  # networkx's classes take type arguments only in its stubs
    Graph = nx.MultiDiGraph[str]


@dataclass(frozen=True)
class Cut:
    """A view graph and how many entities and facts of the full graph it leaves out."""

    graph: Graph
    hidden_entities: int
    hidden_facts: int


def entities(g: Graph) -> list[str]:
    return [v for v, d in g.nodes(data=True) if d.get("kind") != "fact"]


def facts(g: Graph) -> list[str]:
    return [v for v, d in g.nodes(data=True) if d.get("kind") == "fact"]


def _keep(g: Graph, fact_nodes: Collection[str], entity_nodes: Collection[str] | None = None) -> Graph:
    """The facts given and the entities they link (or those given), nothing unlinked."""
    keep_facts = set(fact_nodes)
    linked = {e for f in keep_facts for e in g.successors(f)}
    keep_entities = linked if entity_nodes is None else linked & set(entity_nodes)
    keep_facts = {f for f in keep_facts if all(e in keep_entities for e in g.successors(f))}
    linked = {e for f in keep_facts for e in g.successors(f)}
    return g.subgraph([v for v in g if v in keep_facts or v in linked]).copy()


def cut(g: Graph, *, kinds: Collection[str] = (), since: str | None = None, until: str | None = None,
        focus: str | None = None, hops: int = 1, limit: int | None = None) -> Cut:
    """Apply the cuts in a fixed order (kinds, dates, focus, limit) and count what they hid.

    Entities that take part in no fact are always left out.
    """
    view = by_kind(g, kinds) if kinds else g
    view = by_dates(view, since, until) if since or until else _keep(view, facts(view))
    if focus:
        view = around(view, focus, hops)
    if limit is not None:
        view = top_actors(view, limit)
    return Cut(view, len(entities(g)) - len(entities(view)), len(facts(g)) - len(facts(view)))


def by_kind(g: Graph, kinds: Collection[str]) -> Graph:
    """Only facts of these queries or kinds (``visits`` or ``Visit``)."""
    wanted = {k.lower() for k in kinds}
    return _keep(g, [f for f in facts(g)
                     if str(g.nodes[f].get("query", "")).lower() in wanted
                     or str(g.nodes[f].get("type", "")).lower() in wanted])


def by_dates(g: Graph, since: str | None, until: str | None) -> Graph:
    """Facts dated inside [since, until] at the precision given (``2024``, ``2024-06``); undated facts go."""
    def inside(date: str) -> bool:
        if not date:
            return False
        return (not since or date[: len(since)] >= since) and (not until or date[: len(until)] <= until)

    return _keep(g, [f for f in facts(g) if inside(str(g.nodes[f].get("date", "")))])


def find_entity(g: Graph, label: str) -> str:
    """The entity node named ``label``: its label or an alias, ignoring case and accents
    ("To Lam" finds "Tô Lâm"); else the one label that contains it."""
    names = {v: [str(g.nodes[v].get("label", v)),
                 *(a for a in str(g.nodes[v].get("aliases", "")).split(" | ") if a)] for v in entities(g)}
    exact, partial = names_matching(label, names)
    if exact:
        return sorted(exact, key=lambda v: (-g.in_degree(v), str(v)))[0]
    if len(partial) == 1:
        return partial[0]
    hint = f"; did you mean {', '.join(partial[:5])}?" if partial else ""
    raise InputError(f"no entity {label!r} in this view{hint}")


def around(g: Graph, label: str, hops: int = 1) -> Graph:
    """An entity and everything within ``hops`` facts of it (one hop: entity -> fact -> entity)."""
    if hops < 0:
        raise SettingsError("--hops must be 0 or more")
    centre = find_entity(g, label)
    near = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), centre, cutoff=2 * hops)
    fact_nodes = [v for v in near if g.nodes[v].get("kind") == "fact"]
    return _keep(g, fact_nodes, [v for v in near if g.nodes[v].get("kind") != "fact"]) if fact_nodes \
        else g.subgraph([centre]).copy()


def top_actors(g: Graph, limit: int) -> Graph:
    """The ``limit`` entities in most facts (ties by label) and the facts among them."""
    if limit < 1:
        raise SettingsError("--limit must be 1 or more")
    degree = {v: g.in_degree(v) for v in entities(g)}
    top = sorted(degree, key=lambda v: (-degree[v], str(v)))[:limit]
    return _keep(g, facts(g), top)


def actor_network(g: Graph) -> Graph:
    """Entities as nodes; one edge per pair of entities and kind of fact, with the facts it stands for.

    The graph's ``facts`` attribute counts the facts folded in.
    Edge attributes: ``kind`` (the fact kind), ``label`` (its caption),
    ``count`` (number of facts), ``title`` (the facts, one per line).
    Direction follows the first role of the fact (visitor -> destination).
    """
    pairs: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    captions: dict[str, str] = {}
    for f in facts(g):
        data = g.nodes[f]
        kind = str(data.get("type", ""))
        captions[kind] = str(data.get("caption", kind))
        members = list(dict.fromkeys(g.successors(f)))
        line = f"{data.get('label', kind)}: {' – '.join(members)}" + (f" ({data['sources']})" if data.get("sources") else "")
        for a, b in combinations(members, 2):
            pairs[a, b, kind].append(line)
    out: Graph = nx.MultiDiGraph()
    out.graph["facts"] = len(facts(g))  # what the edges stand for, for the page's header
    for v in sorted({v for a, b, _ in pairs for v in (a, b)}):
        out.add_node(v, **g.nodes[v])
    for (a, b, kind), lines in sorted(pairs.items()):
        out.add_edge(a, b, key=kind, kind=kind, label=captions[kind], count=len(lines),
                     title="\n".join(sorted(lines)))
    return out


def kinds_of(g: Graph) -> Counter[str]:
    return Counter(str(g.nodes[f].get("type", "")) for f in facts(g))
