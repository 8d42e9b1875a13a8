"""The command line: exact output streams, exit codes, and every command's
help. Builds use --no-ner to stay quick; the NER path is covered by
test_pipeline.py."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from kg.cli import app

from data import SEEDS

CONTRACT = ["visits", "meetings", "agreements", "trade", "quantities", "roles", "invitations",
            "statements", "legal_actions", "entities"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli")
    seeds = out / "seeds"
    shutil.copytree(SEEDS, seeds)
    result = CliRunner().invoke(app, ["build", str(seeds), "--store", str(out / "store"),
                                      "--build-dir", str(out / "build"), "--no-ner"])
    assert result.exit_code == 0, result.output
    return out, result


def test_build_prints_a_summary_and_progress_on_stderr(built):
    _, result = built
    assert result.stdout.splitlines()[0] == "articles  5"
    assert "facts" in result.stdout and "Visit" in result.stdout
    assert "[5/5]" in result.stderr and "[5/5]" not in result.stdout


@pytest.mark.parametrize("name", CONTRACT)
def test_query_json_is_only_sparql_results(built, name):
    out, _ = built
    result = CliRunner().invoke(app, ["query", name, "--store", str(out / "store"), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"head", "results"}
    assert "source" in data["head"]["vars"] or name == "entities"


def test_query_table_and_csv(built):
    out, _ = built
    table = CliRunner().invoke(app, ["query", "visits", "--store", str(out / "store")])
    assert "Wladimir Putin" in table.stdout and "visitor" in table.stdout.splitlines()[0]
    csv = CliRunner().invoke(app, ["query", "trade", "--store", str(out / "store"), "--format", "csv"])
    assert csv.stdout.splitlines()[0].startswith("partners,amount,currency,year,source")
    assert "3500000000" in csv.stdout


def test_user_query_file(built, tmp_path):
    out, _ = built
    rq = tmp_path / "mine.rq"
    rq.write_text("PREFIX kg: <https://w3id.org/diplomacy-kg/ns#>\n"
                  "SELECT (COUNT(*) AS ?n) WHERE { ?f a kg:Visit }\n")
    result = CliRunner().invoke(app, ["query", "--file", str(rq), "--store", str(out / "store"), "-f", "json"])
    assert result.exit_code == 0
    assert int(json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"]) >= 3


def test_unknown_query_suggests(built):
    out, _ = built
    result = CliRunner().invoke(app, ["query", "visit", "--store", str(out / "store")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: no query named 'visit'")
    assert "did you mean 'visits'" in result.stderr


def test_queries_lists_the_contract():
    result = CliRunner().invoke(app, ["queries"])
    assert result.exit_code == 0
    listed = {line.split()[0] for line in result.stdout.splitlines()}
    assert set(CONTRACT) <= listed


def test_missing_store_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["query", "visits", "--store", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    assert "run 'kg build' first" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty article"),
    (b"\x00\x01\x02binary", "binary file"),
    ("Stra\xdfe".encode("latin-1"), "not UTF-8"),
])
def test_bad_articles_get_one_line_errors(tmp_path, content, message):
    (tmp_path / "bad.txt").write_bytes(content)
    result = CliRunner().invoke(app, ["build", str(tmp_path), "--store", str(tmp_path / "store"), "--no-ner"])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.txt" in lines[0] and message in lines[0], result.stderr
    assert not (tmp_path / "store").exists()


def test_folder_without_articles(tmp_path):
    result = CliRunner().invoke(app, ["build", str(tmp_path), "--no-ner"])
    assert result.exit_code == 1
    assert "no articles found" in result.stderr


def test_view_writes_offline_html(built, tmp_path):
    out, _ = built
    html = tmp_path / "v.html"
    result = CliRunner().invoke(app, ["view", "visits", "-o", str(html), "--store", str(out / "store")])
    assert result.exit_code == 0, result.stderr
    page = html.read_text(encoding="utf-8")
    assert "Wladimir Putin" in page
    assert 'src="http' not in page and "href=\"http" not in page


def test_validate_seed_graph(built):
    out, _ = built
    result = CliRunner().invoke(app, ["validate", "--store", str(out / "store")])
    assert result.exit_code == 0, result.stdout


def test_evaluate_agrees_with_the_team_scorer(built, tmp_path):
    import subprocess
    import sys

    from data import GOLD

    if not GOLD.exists():
        pytest.skip("shared/eval is not beside the checkout")
    out, _ = built
    for name in CONTRACT:
        r = CliRunner().invoke(app, ["query", name, "--store", str(out / "store"), "-f", "json"])
        (tmp_path / f"{name}.json").write_text(r.stdout, encoding="utf-8")
    theirs = subprocess.run([sys.executable, str(GOLD.parent / "score.py"), str(GOLD), str(tmp_path)],
                            capture_output=True, text=True, check=True).stdout
    ours = CliRunner().invoke(app, ["evaluate", str(GOLD), "--store", str(out / "store")]).stdout
    # the same table, line for line, then our overall attribute accuracy
    assert ours.strip().startswith(theirs.strip())
    assert ours.strip().splitlines()[-1].startswith("attributes: ")


@pytest.mark.parametrize("command", ["build", "queries", "query", "view", "stats", "validate", "load", "train-ner",
                                     "evaluate", "export", "explain"])
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: kg " in result.stdout


# ---------------------------------------------------------------------------
# Query forms, parameters, errors and tables
# ---------------------------------------------------------------------------

KG_NS = "PREFIX kg: <https://w3id.org/diplomacy-kg/ns#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


def _run_file(built, tmp_path, sparql: str, *args: str):
    out, _ = built
    rq = tmp_path / "q.rq"
    rq.write_text(KG_NS + sparql, encoding="utf-8")
    return CliRunner().invoke(app, ["query", "--file", str(rq), "--store", str(out / "store"), *args])


def test_ask_prints_true_or_false(built, tmp_path):
    yes = _run_file(built, tmp_path, "ASK { ?v a kg:Visit }")
    assert (yes.exit_code, yes.stdout) == (0, "true\n")
    no = _run_file(built, tmp_path, "ASK { ?v a kg:Visit ; kg:visitor/rdfs:label 'Niemand Bekannt' }")
    assert (no.exit_code, no.stdout) == (0, "false\n")
    doc = json.loads(_run_file(built, tmp_path, "ASK { ?v a kg:Visit }", "-f", "json").stdout)
    assert doc == {"head": {}, "boolean": True}


def test_construct_and_describe_print_turtle_or_ntriples(built, tmp_path):
    import pyoxigraph as ox

    construct = ("CONSTRUCT { ?v kg:visitor ?p . ?p rdfs:label ?l } "
                 "WHERE { ?v a kg:Visit ; kg:visitor ?p . ?p rdfs:label ?l }")
    turtle = _run_file(built, tmp_path, construct)
    assert turtle.exit_code == 0, turtle.stderr
    assert "@prefix kg: <https://w3id.org/diplomacy-kg/ns#> ." in turtle.stdout
    triples = list(ox.parse(turtle.stdout.encode(), ox.RdfFormat.TURTLE))
    nt = _run_file(built, tmp_path, construct, "--format", "ntriples")
    assert sorted(nt.stdout.splitlines()) == nt.stdout.splitlines()  # sorted, deterministic
    assert set(ox.parse(nt.stdout.encode(), ox.RdfFormat.N_TRIPLES)) == set(triples)
    assert any(str(t.object) == '"Wladimir Putin"' for t in triples)
    describe = _run_file(built, tmp_path, "DESCRIBE <https://w3id.org/diplomacy-kg/id/country/vietnam>", "-f", "ntriples")
    assert '<https://w3id.org/diplomacy-kg/id/country/vietnam> <http://www.w3.org/2000/01/rdf-schema#label> "Vietnam" .' \
        in describe.stdout.splitlines()
    wrong = _run_file(built, tmp_path, construct, "-f", "csv")
    assert wrong.exit_code == 1 and "use --format turtle or ntriples" in wrong.stderr


def test_syntax_error_names_line_and_column_and_shows_the_line(built, tmp_path):
    result = _run_file(built, tmp_path, "SELECT ?v\nWHERE {\n  ?v a kg:Visit .\n  FILTR(?v)\n}\n")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    first, shown, caret = result.stderr.splitlines()
    assert first.startswith(f"Error: {tmp_path / 'q.rq'}:6:")  # two PREFIX lines come first
    assert shown == "   6 |   FILTR(?v)" and caret.strip().startswith("|")


def test_named_query_parameters_on_the_command_line(built):
    out, _ = built
    store = str(out / "store")
    missing = CliRunner().invoke(app, ["query", "facts_about", "--store", store])
    assert missing.exit_code == 1
    assert missing.stderr == ("Error: query 'facts_about' needs parameter label (an entity name); "
                              "e.g. --param label=Russland\n")
    lower = CliRunner().invoke(app, ["query", "facts_about", "--store", store, "-p", "label=russland", "-f", "json"])
    exact = CliRunner().invoke(app, ["query", "facts_about", "--store", store, "-p", "label=Russland", "-f", "json"])
    assert lower.exit_code == 0 and lower.stdout == exact.stdout
    assert json.loads(lower.stdout)["results"]["bindings"]
    unknown = CliRunner().invoke(app, ["query", "facts_about", "--store", store, "-p", "label=Rusland"])
    assert unknown.exit_code == 1 and "did you mean 'Russland'" in unknown.stderr


def test_tables_hide_iris_and_group_digits_json_and_csv_stay_exact(built):
    out, _ = built
    store = str(out / "store")
    table = CliRunner().invoke(app, ["query", "trade", "--store", store]).stdout
    assert "3,500,000,000" in table and "https://" not in table
    assert table.splitlines()[0].split() == ["partners", "amount", "currency", "year", "source"]
    assert max(len(line) for line in table.splitlines()) < 120
    with_iri = CliRunner().invoke(app, ["query", "trade", "--store", store, "--iri"]).stdout
    assert with_iri.splitlines()[0].split()[-1] == "fact" and "https://w3id.org/" in with_iri
    csv = CliRunner().invoke(app, ["query", "trade", "--store", store, "-f", "csv"]).stdout
    assert "3500000000" in csv and "3,500,000,000" not in csv
    doc = json.loads(CliRunner().invoke(app, ["query", "trade", "--store", store, "-f", "json"]).stdout)
    assert "3500000000" in {b["amount"]["value"] for b in doc["results"]["bindings"]}


# ---------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["trig", "nquads", "jsonld", "turtle"])
def test_export_writes_the_store_in_each_format(built, tmp_path, fmt):
    import pyoxigraph as ox

    out, _ = built
    store = str(out / "store")
    nquads = CliRunner().invoke(app, ["export", "--store", store, "--format", "nquads"]).stdout_bytes
    expected = set(ox.parse(nquads, ox.RdfFormat.N_QUADS))
    target = tmp_path / "sub" / f"graph.{fmt}"
    result = CliRunner().invoke(app, ["export", "--store", store, "--format", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and f"as {fmt} to {target}" in result.stderr
    parsed = set(ox.parse(target.read_bytes(), {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
                                                "jsonld": ox.RdfFormat.JSON_LD,
                                                "turtle": ox.RdfFormat.TURTLE}[fmt]))
    if fmt == "turtle":  # no named graphs: the union of all graphs
        assert {q.triple for q in parsed} == {q.triple for q in expected}
    else:
        assert parsed == expected
    again = CliRunner().invoke(app, ["export", "--store", store, "--format", fmt]).stdout_bytes
    assert again == target.read_bytes()  # stdout by default, and deterministic


def test_export_errors(built, tmp_path):
    out, _ = built
    bad = CliRunner().invoke(app, ["export", "--store", str(out / "store"), "--format", "xml"])
    assert bad.exit_code == 2 and "unknown format 'xml'" in " ".join(bad.stderr.split())
    missing = CliRunner().invoke(app, ["export", "--store", str(tmp_path / "none")])
    assert missing.exit_code == 1 and missing.stderr.startswith("Error: no knowledge graph at")
