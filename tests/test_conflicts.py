"""Who says so: disagreeing sources keep both values through resolution, RDF
and the store; the ``conflicts`` query lists them and ``kg explain`` shows
each claim's article, offsets and sentence.

Claims are built by hand over three invented articles, then go through the
real resolver, RDF builder and an Oxigraph store; the CLI test runs the real
commands on that store.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryParamError
from kg.explain import explain, format_explained
from kg.gazetteer import DEFAULT_DATA_DIR, load_gazetteer
from kg.model import Article, Claim, EntityType, Evidence, Extraction, FactKind, Mention, PartialDate, Role
from kg.queries import discover, run_query
from kg.rdf import to_dataset, to_nquads
from kg.resolve import resolve
from kg.store import OxigraphStore

QUERIES = discover(Path(__file__).resolve().parent.parent / "queries")

TEXTS = {
    "bericht_a": ("Die französische Außenministerin Clara Weiss ist am Montag nach Chile gereist. "
                  "Dort traf Weiss am Montag den Minister Diego Rojas. "
                  "Frankreich liefert 80 Prozent der Waffen Chiles."),
    "bericht_b": ("Die französische Verteidigungsministerin Clara Weiss ist am Freitag nach Chile gereist. "
                  "Weiss traf Diego Rojas am Dienstag. "
                  "Frankreich liefert 70 Prozent der Waffen Chiles."),
    "bericht_c": "Clara Weiss besuchte im März Chile.",
}
PUBLISHED = PartialDate(2025, 3, 15)


def _sentence(text: str, at: int) -> tuple[int, int]:
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", at)
    return start, len(text) if end < 0 else end + 1


def _span(doc: str, needle: str) -> Evidence:
    text = TEXTS[doc]
    start = text.index(needle)
    return Evidence(doc, start, start + len(needle), 0, *_sentence(text, start))


def _m(doc: str, surface: str, type_: EntityType = EntityType.PERSON, norm: str = "") -> Mention:
    return Mention(surface, type_, _span(doc, surface), norm=norm or surface)


def _claim(kind: FactKind, doc: str, trigger: str, roles: list[tuple[Role, Mention]],
           when: PartialDate | None = None, **attrs: str) -> Claim:
    return Claim(kind, tuple(roles), when, attributes=tuple(attrs.items()), evidence=_span(doc, trigger),
                 extractor="test.v1")


def _claims(doc: str) -> list[Claim]:
    weiss = _m(doc, "Clara Weiss")
    chile = _m(doc, "Chile", EntityType.COUNTRY, "Chile")
    if doc == "bericht_c":
        return [_claim(FactKind.VISIT, doc, "besuchte", [(Role.VISITOR, weiss), (Role.DESTINATION, chile)],
                       PartialDate(2025, 3))]
    a = doc == "bericht_a"
    france = _m(doc, "französische", EntityType.COUNTRY, "Frankreich")
    return [
        # two dates for one visit (10 and 14 March)
        _claim(FactKind.VISIT, doc, "gereist", [(Role.VISITOR, weiss), (Role.DESTINATION, chile)],
               PartialDate(2025, 3, 10 if a else 14)),
        # one meeting, reported a day apart: one fact whose claims disagree
        _claim(FactKind.MEETING, doc, "traf", [(Role.PARTICIPANT, _m(doc, "Weiss", norm="Clara Weiss")),
                                              (Role.PARTICIPANT, _m(doc, "Diego Rojas"))],
               PartialDate(2025, 3, 10 if a else 11)),
        # 80 % against 70 %
        _claim(FactKind.QUANTITY, doc, "Prozent", [(Role.SUBJECT, _m(doc, "Frankreich", EntityType.COUNTRY,
                                                                     "Frankreich")),
                                                  (Role.OF, _m(doc, "Chiles", EntityType.COUNTRY, "Chile"))],
               PartialDate(2025), measure="arms_import_share", value="80" if a else "70", unit="percent"),
        # two titles for one person
        _claim(FactKind.ROLE, doc, "Außenministerin" if a else "Verteidigungsministerin",
               [(Role.PERSON, weiss), (Role.ORG, france)],
               office="foreign_minister" if a else "defence_minister", former="false"),
    ]


@pytest.fixture(scope="module")
def resolved():
    extractions = [
        Extraction(Article(doc, text, PUBLISHED), tuple(m for c in _claims(doc) for _, m in c.roles),
                   tuple(_claims(doc)))
        for doc, text in TEXTS.items()
    ]
    return resolve(extractions, gazetteer=load_gazetteer(DEFAULT_DATA_DIR))


@pytest.fixture(scope="module")
def store_dir(resolved, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("conflicts") / "store"
    store = OxigraphStore(path)
    store.replace(to_nquads(to_dataset(resolved)))
    store.close()
    return path


@pytest.fixture(scope="module")
def store(store_dir):
    return OxigraphStore.open_existing(store_dir)


def test_resolution_keeps_both_values(resolved):
    visits = sorted((f for f in resolved.facts if f.kind is FactKind.VISIT), key=lambda f: f.when.iso())
    assert [(f.when.iso(), sorted(f.sources)) for f in visits] == [
        ("2025-03-10", ["bericht_a", "bericht_c"]), ("2025-03-14", ["bericht_b"])]
    (meeting,) = [f for f in resolved.facts if f.kind is FactKind.MEETING]
    assert sorted(c.when.iso() for c in meeting.claims) == ["2025-03-10", "2025-03-11"]
    quantities = [f for f in resolved.facts if f.kind is FactKind.QUANTITY]
    assert sorted(f.attribute("value") for f in quantities) == ["70", "80"]
    roles = [f for f in resolved.facts if f.kind is FactKind.ROLE]
    assert sorted(f.attribute("office") for f in roles) == ["defence_minister", "foreign_minister"]


def test_conflicts_lists_each_value_with_its_claims_and_sources(store):
    rows = {(r["kind"], r["property"], r["value"], r["claims"], r["source"])
            for r in run_query(store, QUERIES["conflicts"]).records()}
    assert rows == {
        ("Visit", "date", "2025-03-10", "2", "bericht_a | bericht_c"),
        ("Visit", "date", "2025-03-14", "1", "bericht_b"),
        ("Meeting", "date", "2025-03-10", "1", "bericht_a"),
        ("Meeting", "date", "2025-03-11", "1", "bericht_b"),
        ("Quantity", "value", "80", "1", "bericht_a"),
        ("Quantity", "value", "70", "1", "bericht_b"),
        ("RoleHolding", "office", "foreign_minister", "1", "bericht_a"),
        ("RoleHolding", "office", "defence_minister", "1", "bericht_b"),
    }  # and no row for the coarser "März" (2025-03) of bericht_c
    about = {r["kind"]: r["about"] for r in run_query(store, QUERIES["conflicts"]).records()}
    assert about["Visit"] == "Chile | Clara Weiss"


def test_no_conflicts_where_sources_agree(tmp_path):
    text = "Clara Weiss ist am Montag nach Chile gereist."
    docs = {"x": text, "y": text}
    extractions = []
    for doc in docs:
        TEXTS[doc] = text
        claim = _claim(FactKind.VISIT, doc, "gereist", [(Role.VISITOR, _m(doc, "Clara Weiss")),
                                                       (Role.DESTINATION, _m(doc, "Chile", EntityType.COUNTRY))],
                       PartialDate(2025, 3, 10))
        extractions.append(Extraction(Article(doc, text, PUBLISHED), tuple(m for _, m in claim.roles), (claim,)))
    for doc in docs:
        del TEXTS[doc]
    store = OxigraphStore(None)
    store.replace(to_nquads(to_dataset(resolve(extractions, gazetteer=load_gazetteer(DEFAULT_DATA_DIR)))))
    assert run_query(store, QUERIES["conflicts"]).rows == ()


def test_explain_an_entity_shows_every_claim_with_its_sentence(store):
    facts = explain(store, "clara weiss")  # case and accents do not matter
    kinds = sorted(f.kind for f in facts)
    assert kinds == ["Meeting", "RoleHolding", "RoleHolding", "Visit", "Visit"]
    visit = next(f for f in facts if f.kind == "Visit" and f.date == "2025-03-10")
    assert [(c.doc_id, c.start, c.end) for c in visit.claims] == [
        ("bericht_a", TEXTS["bericht_a"].index("gereist"), TEXTS["bericht_a"].index("gereist") + 7),
        ("bericht_c", TEXTS["bericht_c"].index("besuchte"), TEXTS["bericht_c"].index("besuchte") + 8)]
    assert visit.claims[0].sentence == "Die französische Außenministerin Clara Weiss ist am Montag nach Chile gereist."
    assert ("date", "2025-03") in visit.claims[1].stated
    text = format_explained(facts)
    assert "bericht_b#char=" in text and "„Weiss traf Diego Rojas am Dienstag.“" in text


def test_explain_a_fact_by_iri_and_errors(store):
    (fact,) = [r["fact"] for r in run_query(store, QUERIES["conflicts"]).records()
               if r["kind"] == "Visit" and r["value"] == "2025-03-14"]
    (only,) = explain(store, fact)
    assert only.fact == fact and [c.doc_id for c in only.claims] == ["bericht_b"]
    assert ("visitor", "Clara Weiss") in only.values
    with pytest.raises(QueryParamError, match="no entity is named 'Nobody'"):
        explain(store, "Nobody")
    with pytest.raises(QueryParamError, match="no fact or entity in the graph has the IRI http://e/x"):
        explain(store, "http://e/x")


def test_explain_and_conflicts_on_the_command_line(store_dir):
    runner = CliRunner()
    out = runner.invoke(app, ["explain", "CHILE", "--store", str(store_dir)])
    assert out.exit_code == 0, out.stderr
    assert "Visit 2025-03-14" in out.stdout and "bericht_b#char=" in out.stdout
    table = runner.invoke(app, ["query", "conflicts", "--store", str(store_dir)])
    assert table.exit_code == 0 and "defence_minister" in table.stdout
    assert "https://" not in table.stdout  # the fact column is hidden without --iri
    assert "https://" in runner.invoke(app, ["query", "conflicts", "--store", str(store_dir), "--iri"]).stdout
    missing = runner.invoke(app, ["explain", "Atlantis", "--store", str(store_dir)])
    assert missing.exit_code == 1 and missing.stderr.startswith("Error: no entity is named 'Atlantis'")
