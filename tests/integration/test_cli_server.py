"""The seed graph through the command line into a real Oxigraph server:
kg build, kg load --endpoint, then every contract query against the server
gives the same rows as against the embedded store."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from kg.cli import app

from data import SEEDS

pytestmark = pytest.mark.integration

CONTRACT = ["visits", "meetings", "agreements", "trade", "quantities", "roles", "invitations",
            "statements", "legal_actions", "entities"]


def _rows(output: str) -> list[str]:
    data = json.loads(output)
    return sorted(json.dumps(b, sort_keys=True) for b in data["results"]["bindings"])


def test_load_into_a_server_and_query_it(oxigraph_server, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    store = str(tmp_path / "store")
    runner = CliRunner()
    built = runner.invoke(app, ["build", str(seeds), "--store", store, "--build-dir", str(tmp_path / "b"), "--no-ner", "-q"])
    assert built.exit_code == 0, built.stderr
    loaded = runner.invoke(app, ["load", "--endpoint", f"{oxigraph_server}/store", "--store", store])
    assert loaded.exit_code == 0, loaded.stderr
    assert loaded.stdout.startswith("loaded ")
    for name in CONTRACT:
        local = runner.invoke(app, ["query", name, "--store", store, "-f", "json"])
        remote = runner.invoke(app, ["query", name, "--endpoint", f"{oxigraph_server}/query", "-f", "json"])
        assert remote.exit_code == 0, remote.stderr
        assert _rows(remote.stdout) == _rows(local.stdout), name
    # loading again replaces the graphs instead of adding to them
    runner.invoke(app, ["load", "--endpoint", f"{oxigraph_server}/store", "--store", store])
    again = runner.invoke(app, ["query", "visits", "--endpoint", f"{oxigraph_server}/query", "-f", "json"])
    assert _rows(again.stdout) == _rows(runner.invoke(app, ["query", "visits", "--store", store, "-f", "json"]).stdout)


def test_unreachable_server_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["query", "visits", "--endpoint", "http://127.0.0.1:9/query"])
    assert result.exit_code == 1
    assert "not reachable" in result.stderr and "Traceback" not in result.stderr


def _graphs(url: str) -> set[str]:
    from kg.store_http import SparqlEndpointStore

    return SparqlEndpointStore.oxigraph(url).graph_names()


def _build(runner, tmp_path, name: str, articles: list[str]) -> str:
    folder = tmp_path / f"{name}-articles"
    folder.mkdir()
    for article in articles:
        shutil.copy(SEEDS / article, folder / article)
    shutil.copy(SEEDS / "manifest.yaml", folder / "manifest.yaml")
    store = str(tmp_path / f"{name}-store")
    built = runner.invoke(app, ["build", str(folder), "--store", store, "--build-dir", str(tmp_path / f"{name}-b"),
                                "--no-ner", "-q"])
    assert built.exit_code == 0, built.stderr
    return store


def test_load_makes_the_server_hold_exactly_the_build(oxigraph_server, tmp_path):
    runner = CliRunner()
    articles = sorted(p.name for p in SEEDS.glob("*.txt"))
    whole = _build(runner, tmp_path, "whole", articles)
    part = _build(runner, tmp_path, "part", articles[:2])
    store_url = f"{oxigraph_server}/store"
    assert runner.invoke(app, ["load", "--endpoint", store_url, "--store", whole]).exit_code == 0
    doc_graphs = lambda: {g.rsplit("/", 1)[1] for g in _graphs(oxigraph_server) if "/graph/doc/" in g}
    assert doc_graphs() == {a[:-4] for a in articles}
    # a smaller build replaces the larger one: the other articles' graphs go
    loaded = runner.invoke(app, ["load", "--endpoint", store_url, "--store", part])
    assert loaded.exit_code == 0, loaded.stderr
    assert f"removed {len(articles) - 2} graphs not in this build" in loaded.stdout
    assert doc_graphs() == {a[:-4] for a in articles[:2]}
    local = runner.invoke(app, ["query", "visits", "--store", part, "-f", "json"])
    remote = runner.invoke(app, ["query", "visits", "--endpoint", f"{oxigraph_server}/query", "-f", "json"])
    assert _rows(remote.stdout) == _rows(local.stdout)
    # --add keeps what the server holds
    added = runner.invoke(app, ["load", "--endpoint", store_url, "--store", whole, "--add"])
    assert added.exit_code == 0 and "removed" not in added.stdout
    assert doc_graphs() == {a[:-4] for a in articles}


def test_load_into_a_server_that_is_down_names_the_given_url(tmp_path):
    import socket

    runner = CliRunner()
    store = _build(runner, tmp_path, "one", sorted(p.name for p in SEEDS.glob("*.txt"))[:1])
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/store"
    result = runner.invoke(app, ["load", "--endpoint", url, "--store", store])
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"Error: triplestore at {url} is not reachable")
    assert "/query" not in result.stderr and "omit --endpoint" not in result.stderr
    assert "oxigraph serve" in result.stderr


def test_query_forms_through_the_server(oxigraph_server, tmp_path):
    runner = CliRunner()
    store = _build(runner, tmp_path, "forms", sorted(p.name for p in SEEDS.glob("*.txt")))
    assert runner.invoke(app, ["load", "--endpoint", f"{oxigraph_server}/store", "--store", store]).exit_code == 0
    rq = tmp_path / "forms.rq"
    for sparql, fmt in [("ASK { ?v a <https://w3id.org/diplomacy-kg/ns#Visit> }", "table"),
                        ("DESCRIBE <https://w3id.org/diplomacy-kg/id/country/vietnam>", "ntriples"),
                        ("DESCRIBE <https://w3id.org/diplomacy-kg/id/country/vietnam>", "turtle")]:
        rq.write_text(sparql, encoding="utf-8")
        local = runner.invoke(app, ["query", "--file", str(rq), "--store", store, "-f", fmt])
        remote = runner.invoke(app, ["query", "--file", str(rq), "--endpoint", f"{oxigraph_server}/query", "-f", fmt])
        assert remote.exit_code == 0, remote.stderr
        assert remote.stdout == local.stdout and remote.stdout.strip()
    # kg explain reads the same evidence from the server
    local = runner.invoke(app, ["explain", "vietnam", "--store", store])
    remote = runner.invoke(app, ["explain", "vietnam", "--endpoint", f"{oxigraph_server}/query"])
    assert remote.exit_code == 0, remote.stderr
    assert remote.stdout == local.stdout and "#char=" in remote.stdout
