"""Graph analytics over the facts: who is central, who clusters with whom,
which pairs meet most, and when.

Computed on the actor network of :func:`kg.viewcut.actor_network` (entities
joined by the facts they share) with networkx: degree (facts an actor takes
part in), betweenness centrality (sampled above ``EXACT_BETWEENNESS_MAX``
actors, with a fixed seed, so large corpora stay fast and runs repeat), and
Louvain communities (fixed seed).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.viewcut import actor_network, entities, facts

if TYPE_CHECKING:
    from kg.viewcut import Graph

EXACT_BETWEENNESS_MAX = 1000
BETWEENNESS_SAMPLE = 300


@dataclass(frozen=True)
class Actor:
    label: str
    type: str
    facts: int
    betweenness: float


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    facts: int
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class Stats:
    entities: int
    facts: int
    actors: tuple[Actor, ...]
    communities: tuple[tuple[str, ...], ...]
    pairs: tuple[Pair, ...]
    per_month: tuple[tuple[str, str, int], ...]  # (YYYY-MM or YYYY, kind, facts)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    def to_table(self) -> str:
        lines = [f"{self.entities} entities, {self.facts} facts", "", "most central actors"]
        lines += [f"  {a.label:<40} {a.type:<13} {a.facts:>5} facts  betweenness {a.betweenness:.3f}"
                  for a in self.actors]
        lines += ["", "communities (Louvain)"]
        lines += [f"  {i + 1:>2}. ({len(c)}) {', '.join(c[:8])}{' ...' if len(c) > 8 else ''}"
                  for i, c in enumerate(self.communities)]
        lines += ["", "pairs with the most facts"]
        lines += [f"  {p.a} – {p.b}: {p.facts} ({', '.join(p.kinds)})" for p in self.pairs]
        lines += ["", "facts per month and kind"]
        lines += [f"  {month:<8} {kind:<14} {n:>5}" for month, kind, n in self.per_month]
        return "\n".join(lines) + "\n"


def graph_stats(g: Graph, *, top: int = 10, seed: int = 0) -> Stats:
    """Statistics of a view graph (entities and facts, as ``kg.viz.to_networkx`` makes it)."""
    actors_g = actor_network(g)
    simple: nx.Graph[str] = nx.Graph()
    simple.add_nodes_from(actors_g)
    for a, b, d in actors_g.edges(data=True):
        w = simple.get_edge_data(a, b, {"weight": 0})["weight"]
        simple.add_edge(a, b, weight=w + int(d.get("count", 1)))
    n = simple.number_of_nodes()
    if n > EXACT_BETWEENNESS_MAX:
        between = nx.betweenness_centrality(simple, k=BETWEENNESS_SAMPLE, seed=seed)
    else:
        between = nx.betweenness_centrality(simple) if n > 2 else dict.fromkeys(simple, 0.0)
    degree = {v: g.in_degree(v) for v in entities(g)}
    ranked = sorted((v for v in degree if degree[v]), key=lambda v: (-degree[v], -between.get(v, 0.0), str(v)))
    actors = tuple(Actor(str(v), str(g.nodes[v].get("type", "")), degree[v], round(between.get(v, 0.0), 4))
                   for v in ranked[:top])
    communities: list[tuple[str, ...]] = []
    if simple.number_of_edges():
        for c in nx.community.louvain_communities(simple, weight="weight", seed=seed):
            communities.append(tuple(sorted(c, key=lambda v: (-degree.get(v, 0), str(v)))))
    communities.sort(key=lambda c: (-len(c), c))
    pair_kinds: dict[tuple[str, str], Counter[str]] = {}
    for a, b, d in actors_g.edges(data=True):
        key = (a, b) if str(a) <= str(b) else (b, a)
        pair_kinds.setdefault(key, Counter())[str(d.get("kind", ""))] += int(d.get("count", 1))
    pairs = sorted(pair_kinds.items(), key=lambda p: (-sum(p[1].values()), p[0]))[:top]
    months = Counter((_month(g.nodes[f].get("date")), str(g.nodes[f].get("type", ""))) for f in facts(g))
    return Stats(
        entities=len(entities(g)),
        facts=len(facts(g)),
        actors=actors,
        communities=tuple(c for c in communities[:top] if len(c) > 1),
        pairs=tuple(Pair(a, b, sum(k.values()), tuple(sorted(k))) for (a, b), k in pairs),
        per_month=tuple((m, k, c) for (m, k), c in sorted(months.items())),
    )


def _month(date: Any) -> str:
    """``2024-06-20`` -> ``2024-06``; a year stays a year; undated facts are ``-``."""
    text = str(date or "")
    return text[:7] if len(text) >= 7 else (text or "-")
