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
