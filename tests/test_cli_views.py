"""`kg view` cuts and `kg stats` through the command line, on the seed build."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from kg.cli import app

from data import SEEDS


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    out = tmp_path_factory.mktemp("views")
    shutil.copytree(SEEDS, out / "seeds")
    result = CliRunner().invoke(app, ["build", str(out / "seeds"), "--store", str(out / "store"),
                                      "--build-dir", str(out / "build"), "--no-ner", "-q"])
    assert result.exit_code == 0, result.output
    return str(out / "store")


def _view(store, tmp_path, *args):
    html = tmp_path / "v.html"
    result = CliRunner().invoke(app, ["view", *args, "-o", str(html), "--store", store])
    return result, html


def test_overview_draws_only_entities_in_facts_and_counts_the_rest(store, tmp_path):
    result, html = _view(store, tmp_path)
    assert result.exit_code == 0, result.stderr
    nodes = json.loads(html.read_text().split("var nodeData = ", 1)[1].split(";\n", 1)[0])
    edges = json.loads(html.read_text().split("var edgeData = ", 1)[1].split(";\n", 1)[0])
    linked = {e["to"] for e in edges} | {e["from"] for e in edges}
    assert nodes and all(n["id"] in linked for n in nodes)  # nothing unconnected
    assert "entities and" in result.stdout and "nicht gezeigt" in html.read_text()


def test_focus_on_an_actor_network(store, tmp_path):
    result, html = _view(store, tmp_path, "--actors", "--focus", "Wladimir Putin", "--hops", "1")
    assert result.exit_code == 0, result.stderr
    page = html.read_text()
    assert "Wladimir Putin" in page and "(Akteure), Wladimir Putin" in page
    assert "focusId = \"Wladimir Putin\"" in page  # selected when the page opens
    assert '"width":' in page and "kgKind" in page


def test_unknown_focus_is_one_line_error(store, tmp_path):
    result, _ = _view(store, tmp_path, "--focus", "Niemand Bekanntes")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: no entity 'Niemand Bekanntes' in this view"


def test_kind_and_dates_filter(store, tmp_path):
    result, html = _view(store, tmp_path, "--kind", "visits", "--since", "2024")
    assert result.exit_code == 0, result.stderr
    nodes = json.loads(html.read_text().split("var nodeData = ", 1)[1].split(";\n", 1)[0])
    assert {n["kgKind"] for n in nodes if "kgKind" in n} == {"Visit"}


def test_stats_json_and_table(store):
    result = CliRunner().invoke(app, ["stats", "--format", "json", "--store", store, "--top", "3"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["actors"]) == 3 and data["actors"][0]["facts"] >= data["actors"][1]["facts"]
    assert data["facts"] > 0 and data["per_month"]
    table = CliRunner().invoke(app, ["stats", "--store", store])
    assert table.exit_code == 0 and "communities (Louvain)" in table.stdout
    bad = CliRunner().invoke(app, ["stats", "--format", "xml", "--store", store])
    assert bad.exit_code == 2


def test_english_view_and_evidence_in_tooltips(store, tmp_path):
    result, html = _view(store, tmp_path, "visits", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    page = html.read_text()
    nodes = json.loads(page.split("var nodeData = ", 1)[1].split(";\n", 1)[0])
    visits = [n["title"] for n in nodes if n.get("kgKind") == "Visit"]
    assert visits and all(t.startswith("Visit") and "\nvisitor: " in t for t in visits)
    assert all("\u201c" in t and "\nsource: " in t for t in visits)  # the evidence sentence, the article
    legend = page.split('<div id="kg-legend">', 1)[1].split("</div>", 1)[0]
    assert "Visit: " in legend and "Besuch" not in legend and '<html lang="en">' in page
    assert not [n["label"] for n in nodes if n["label"].startswith("Besuch")]
    german, html_de = _view(store, tmp_path, "visits")
    assert german.exit_code == 0 and "\nBesucher: " in html_de.read_text().replace("\\n", "\n")
    bad, _ = _view(store, tmp_path, "--lang", "fr")
    assert bad.exit_code != 0
