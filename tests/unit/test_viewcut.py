"""Cuts of a view graph (kinds, dates, focus, top actors), the actor network and the graph statistics."""

from __future__ import annotations

import json

import pytest

from kg import viewcut, viz
from kg.errors import InputError, SettingsError
from kg.graphstats import graph_stats

RESULTS = {
    "entities": [
        {"label": "Karla Brenner", "type": "Person", "source": "a1", "aliases": "Karla Brenner | Brenner"},
        {"label": "Tomás Ruiz", "type": "Person", "source": "a1"},
        {"label": "Chile", "type": "Country", "source": "a1"},
        {"label": "Peru", "type": "Country", "source": "a2"},
        {"label": "Lima", "type": "City", "source": "a2"},
        {"label": "Nebenbei Erwähnt", "type": "Organization", "source": "a3"},
    ],
    "visits": [
        {"visitor": "Karla Brenner", "destination": "Peru", "start": "2024-03-02", "source": "a1"},
        {"visitor": "Karla Brenner", "destination": "Chile", "start": "2024-06-20", "source": "a2"},
    ],
    "meetings": [
        {"participants": "Karla Brenner | Tomás Ruiz", "date": "2024-06-21", "place": "Lima", "source": "a2"},
    ],
    "statements": [{"speaker": "Tomás Ruiz", "target": "Peru", "stance": "criticize", "source": "a3"}],
}


@pytest.fixture
def g():
    return viz.to_networkx(RESULTS)


def test_entities_in_no_fact_are_cut_and_counted(g):
    shown = viewcut.cut(g)
    assert "Nebenbei Erwähnt" not in shown.graph and "Karla Brenner" in shown.graph
    assert (shown.hidden_entities, shown.hidden_facts) == (1, 0)


def test_kinds_keep_only_those_facts_and_their_entities(g):
    shown = viewcut.cut(g, kinds=["meetings"])
    assert {d["type"] for _, d in shown.graph.nodes(data=True) if d["kind"] == "fact"} == {"Meeting"}
    assert set(viewcut.entities(shown.graph)) == {"Karla Brenner", "Tomás Ruiz", "Lima"}
    assert viewcut.cut(g, kinds=["Visit"]).hidden_facts == 2  # a kind works as well as a query name


def test_dates_compare_at_the_precision_given_and_drop_undated_facts(g):
    june = viewcut.cut(g, since="2024-06")
    assert sorted(d["date"] for _, d in june.graph.nodes(data=True) if d["kind"] == "fact") == [
        "2024-06-20", "2024-06-21"]
    march = viewcut.cut(g, until="2024-03").graph
    assert [d["date"] for _, d in march.nodes(data=True) if d["kind"] == "fact"] == ["2024-03-02"]


def test_focus_finds_an_entity_by_alias_without_accents(g):
    one = viewcut.cut(g, focus="tomas ruiz", hops=1).graph
    assert set(viewcut.entities(one)) == {"Tomás Ruiz", "Karla Brenner", "Lima", "Peru"}
    assert "Chile" not in one  # two facts away
    assert "Chile" in viewcut.cut(g, focus="Ruiz", hops=2).graph
    assert viewcut.find_entity(g, "Brenner") == "Karla Brenner"


def test_focus_on_an_unknown_entity_is_a_clear_error(g):
    with pytest.raises(InputError, match="no entity 'Niemand'"):
        viewcut.cut(g, focus="Niemand")
    with pytest.raises(SettingsError):
        viewcut.cut(g, focus="Brenner", hops=-1)


def test_limit_keeps_the_most_connected_entities_and_the_facts_among_them(g):
    shown = viewcut.cut(g, limit=2)
    assert set(viewcut.entities(shown.graph)) == {"Karla Brenner", "Peru"}
    assert len(viewcut.facts(shown.graph)) == 1  # the visit to Peru; the others involve a cut entity
    with pytest.raises(SettingsError):
        viewcut.cut(g, limit=0)


def test_actor_network_has_one_edge_per_pair_and_kind_with_its_facts(g):
    actors = viewcut.actor_network(g)
    assert set(actors) == {"Karla Brenner", "Tomás Ruiz", "Chile", "Peru", "Lima"}
    edge = actors.get_edge_data("Karla Brenner", "Tomás Ruiz")["Meeting"]
    assert edge["count"] == 1 and "Karla Brenner – Tomás Ruiz" in edge["title"] and "a2" in edge["title"]
    assert set(actors.get_edge_data("Karla Brenner", "Peru")) == {"Visit"}
    assert actors.get_edge_data("Tomás Ruiz", "Peru")["Statement"]["count"] == 1


def test_actor_edges_carry_width_tooltip_and_kind_into_the_page(g, tmp_path):
    page = viz.write_html(viewcut.actor_network(g), tmp_path / "a.html").read_text()
    assert '"kgKind":"Meeting"' in page and '"width":1.0' in page
    assert 'data-kind="Meeting"' in page  # the kind filter in the legend
    facts = len(viewcut.facts(g))
    assert viewcut.actor_network(g).graph["facts"] == facts > 0
    assert f"5 Entitäten · {facts} Fakten · " in page  # the facts the edges stand for are counted


def test_stats_rank_actors_find_pairs_and_count_months(g):
    stats = graph_stats(g, top=3)
    assert stats.actors[0].label == "Karla Brenner" and stats.actors[0].facts == 3
    assert stats.actors[0].betweenness > 0
    pairs = {(p.a, p.b): p for p in graph_stats(g).pairs}
    assert pairs["Karla Brenner", "Tomás Ruiz"].kinds == ("Meeting",)
    assert ("2024-06", "Visit", 1) in stats.per_month and ("-", "Statement", 1) in stats.per_month
    assert all(len(c) > 1 for c in stats.communities)
    data = json.loads(stats.to_json())
    assert data["facts"] == 4 and data["actors"][0]["label"] == "Karla Brenner"
    assert "most central actors" in stats.to_table()


def test_stats_are_the_same_every_run(g):
    assert graph_stats(g) == graph_stats(viz.to_networkx(RESULTS))
