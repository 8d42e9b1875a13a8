"""`kg build` on real input as crawlers and users hand it over: long texts,
HTML pages, JSON Lines, other languages, duplicates, Ctrl-C. Real files,
the real command line (--no-ner to stay quick)."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from kg.cli import app

from data import ROOT, SEEDS

GERMAN = ("Tallinn – Der finnische Präsident Olli Virtanen ist am Mittwoch zu einem Besuch in Estland "
          "eingetroffen. In Tallinn traf er die estnische Regierungschefin Mari Tamm. Beide unterzeichneten "
          "ein Abkommen über die Zusammenarbeit in der Energiepolitik. (Agentur, 12.3.2025)\n")
ENGLISH = ("Tallinn - The Finnish president Olli Virtanen arrived in Estonia on Wednesday for a visit. In "
           "Tallinn he met the Estonian head of government Mari Tamm. Both signed an agreement on "
           "cooperation in energy policy, which they want to expand over the coming years.\n")
PAGE = ("<!DOCTYPE html><html lang='de'><head><title>Virtanen in Tallinn</title>"
        "<meta property='og:url' content='https://zeitung.example/virtanen'>"
        "<meta name='date' content='2025-03-12'></head><body><nav>Startseite Politik</nav>"
        f"<article><h1>Virtanen in Tallinn</h1><p>{GERMAN}</p></article><footer>Impressum</footer></body></html>")

ASK_DOCS = """PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX kg: <https://w3id.org/diplomacy-kg/ns#>
SELECT ?id ?title ?source ?issued WHERE {
  ?d a kg:Document ; kg:docId ?id .
  OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d dcterms:source ?source } OPTIONAL { ?d dcterms:issued ?issued }
} ORDER BY ?id
"""
FACTS_PER_KIND = """PREFIX kg: <https://w3id.org/diplomacy-kg/ns#>
SELECT ?kind (COUNT(DISTINCT ?f) AS ?n) WHERE {
  GRAPH ?g { ?c kg:claimOf ?kind } GRAPH ?h { ?f a ?kind }
} GROUP BY ?kind ORDER BY ?kind
"""


def _build(*args: str):
    return CliRunner().invoke(app, ["build", *args, "--no-ner"])


def _query(tmp_path, store, sparql: str) -> list[dict[str, str]]:
    rq = tmp_path / "q.rq"
    rq.write_text(sparql, encoding="utf-8")
    result = CliRunner().invoke(app, ["query", "--file", str(rq), "--store", str(store), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(result.stdout)["results"]["bindings"]]


def _facts_line(stdout: str) -> str:
    return next(line for line in stdout.splitlines() if line.startswith("facts "))


def test_article_over_the_length_limit_is_one_line_and_skippable(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "gut.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "in" / "lang.txt").write_text(GERMAN * (1_000_001 // len(GERMAN) + 1), encoding="utf-8")
    store = tmp_path / "store"
    result = _build(str(tmp_path / "in"), "--store", str(store), "--build-dir", str(tmp_path / "b"))
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Error: ") and "lang.txt: article of 1,0" in line and "limit of 1,000,000" in line
    assert not store.exists()
    result = _build(str(tmp_path / "in"), "--store", str(store), "--build-dir", str(tmp_path / "b"), "--skip-bad")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "articles  1"
    assert "skipped: " in result.stderr and "lang.txt" in result.stderr and "Traceback" not in result.stderr


def test_html_and_jsonl_articles_carry_title_source_and_date(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "seite.html").write_text(PAGE, encoding="utf-8")
    (folder / "gespeichert.txt").write_text(PAGE, encoding="utf-8")  # HTML saved as text
    lines = [json.dumps({"id": "feed-1", "text": GERMAN, "title": "Aus dem Feed", "date": "2025-03-13",
                         "url": "https://zeitung.example/feed-1"}),
             "{kaputt",
             json.dumps({"id": "feed-2", "text": GERMAN.replace("Mittwoch", "Donnerstag")})]
    (folder / "feed.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    store = tmp_path / "store"
    result = _build(str(folder), "--store", str(store), "--build-dir", str(tmp_path / "b"))
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"Error: {folder / 'feed.jsonl.gz'}:2: not a JSON object (Expecting property "
                                     "name enclosed in double quotes: line 1 column 2 (char 1)); expected one "
                                     "article per line")
    result = _build(str(folder), "--store", str(store), "--build-dir", str(tmp_path / "b"), "--skip-bad")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "articles  4"
    assert "skipped: " in result.stderr and "feed.jsonl.gz:2" in result.stderr
    docs = _query(tmp_path, store, ASK_DOCS)
    assert docs == [
        {"id": "feed-1", "title": "Aus dem Feed", "source": "https://zeitung.example/feed-1", "issued": "2025-03-13"},
        {"id": "feed-2", "source": f"{folder / 'feed.jsonl.gz'}:3", "issued": "2025-03-12"},  # the dateline
        {"id": "gespeichert", "title": "Virtanen in Tallinn", "source": "https://zeitung.example/virtanen",
         "issued": "2025-03-12"},
        {"id": "seite", "title": "Virtanen in Tallinn", "source": "https://zeitung.example/virtanen",
         "issued": "2025-03-12"},
    ]
    labels = {r["l"] for r in _query(tmp_path, store, "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                                                      "SELECT ?l WHERE { ?e rdfs:label ?l }")}
    assert "Olli Virtanen" in labels and not any("<" in label or "DOCTYPE" in label for label in labels)


def test_articles_not_in_german_are_warned_about_unless_silenced(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "de.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "kurz.txt").write_text("A short note in English.", encoding="utf-8")
    args = [str(folder), "--store", str(tmp_path / "store"), "--build-dir", str(tmp_path / "b"), "-q"]
    result = _build(*args)
    assert result.exit_code == 0, result.stderr
    (warning,) = result.stderr.strip().splitlines()
    assert warning.startswith(f"warning: {folder / 'en.txt'}: ") and "not German" in warning
    result = _build(*args, "--lang-check", "off")
    assert result.exit_code == 0 and result.stderr == ""
    assert _build(*args, "--lang-check", "maybe").exit_code == 2


def test_summary_reports_what_the_store_holds(tmp_path):
    # this seed article, given twice, once made the summary count each of
    # its statements twice while the store held them once
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "000_ce1b220868c8c45c.txt", folder / "eins.txt")
    shutil.copy(SEEDS / "000_ce1b220868c8c45c.txt", folder / "zwei.txt")
    store = tmp_path / "store"
    twice = _build(str(folder), "--store", str(store), "--build-dir", str(tmp_path / "b"), "-q")
    assert twice.exit_code == 0, twice.stderr
    stored = {r["kind"].rsplit("#", 1)[1]: int(r["n"]) for r in _query(tmp_path, store, FACTS_PER_KIND)}
    line = _facts_line(twice.stdout)
    assert line == f"facts     {sum(stored.values())}  (" + ", ".join(f"{k} {n}" for k, n in sorted(stored.items())) + ")"
    assert stored["Statement"] >= 1
    once = _build(str(folder / "eins.txt"), "--store", str(tmp_path / "s1"), "--build-dir", str(tmp_path / "b1"), "-q")
    assert _facts_line(once.stdout) == line
    assert twice.stdout.splitlines()[0] == "articles  2"


@pytest.mark.slow
def test_ctrl_c_leaves_the_store_unchanged_and_exits_130(tmp_path):
    store = tmp_path / "store"
    first = tmp_path / "first.txt"
    first.write_text(GERMAN, encoding="utf-8")
    assert _build(str(first), "--store", str(store), "--build-dir", str(tmp_path / "b0")).exit_code == 0
    before = _query(tmp_path, store, ASK_DOCS)
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):
        (folder / f"a{i:03}.txt").write_text(GERMAN.replace("Mittwoch", f"Mittwoch ({i})") * 3, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(folder), "--store", str(store), "--no-ner",
         "--build-dir", str(tmp_path / "b1")],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert proc.stderr is not None
    for line in proc.stderr:  # wait until articles are being processed
        if line.startswith("[1/"):
            break
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1] == "interrupted; the store is unchanged"
    assert "Traceback" not in err and out == ""
    assert _query(tmp_path, store, ASK_DOCS) == before
