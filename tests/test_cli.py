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


@pytest.mark.parametrize("command", ["build", "queries", "query", "view", "stats", "validate", "load", "train-ner", "evaluate"])
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: kg " in result.stdout
