"""Tests of kg.store: the embedded Oxigraph store on disk and in memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.errors import QueryError, QuerySyntaxError, StoreError
from kg.store import (
    OxigraphStore,
    QueryResult,
    Term,
    parse_nquads,
)
from kg.store_http import SparqlEndpointStore, bind_as_values

XSD = "http://www.w3.org/2001/XMLSchema#"
NQ_ONE = (
    b'<http://e/a> <http://e/label> "Hanoi" <http://e/g1> .\n'
    b'<http://e/b> <http://e/label> "Vietnam" <http://e/g2> .\n'
    b'<http://e/b> <http://e/n> "5"^^<http://www.w3.org/2001/XMLSchema#integer> <http://e/g2> .\n'
)
NQ_TWO = b'<http://e/c> <http://e/label> "Laos"@de <http://e/g1> .\n'
SELECT = "SELECT ?s ?label WHERE { ?s <http://e/label> ?label } ORDER BY ?label"


def labels(store: OxigraphStore) -> list[str]:
    return [r["label"] for r in store.query(SELECT).records()]


def test_on_disk_replace_close_reopen_read_only(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = OxigraphStore(path)
    store.replace(NQ_ONE)
    assert labels(store) == ["Hanoi", "Vietnam"]  # union of the named graphs
    store.close()

    reader = OxigraphStore.open_existing(path)
    assert reader.read_only
    result = reader.query(SELECT)
    assert result == QueryResult(
        ("s", "label"),
        ((Term("uri", "http://e/a"), Term("literal", "Hanoi", XSD + "string")),
         (Term("uri", "http://e/b"), Term("literal", "Vietnam", XSD + "string"))),
    )
    assert reader.dump_nquads() == NQ_ONE
    with pytest.raises(StoreError, match="read-only"):
        reader.replace(NQ_TWO)
    reader.close()


def test_replace_replaces_everything(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    store.replace(NQ_ONE)
    store.replace(NQ_TWO)
    assert labels(store) == ["Laos"]
    (row,) = store.query(SELECT).rows
    assert row[1] == Term("literal", "Laos", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString", "de")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]  # no staging leftovers


def test_failed_replace_leaves_previous_store(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = OxigraphStore(path)
    store.replace(NQ_ONE)
    with pytest.raises(StoreError, match=r"invalid N-Quads.*the store is unchanged"):
        store.replace(b"<http://e/a> <http://e/p> broken .\n")
    assert labels(store) == ["Hanoi", "Vietnam"]
    store.close()
    assert labels(OxigraphStore(path, read_only=True)) == ["Hanoi", "Vietnam"]


def test_replace_refuses_a_folder_that_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("precious", encoding="utf-8")
    with pytest.raises(StoreError, match="is not a knowledge-graph store"):
        OxigraphStore(tmp_path).replace(NQ_ONE)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "precious"


def test_missing_store_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere"
    message = f"no knowledge graph at {path}; run 'kg build' first (or pass --store DIR)"
    with pytest.raises(StoreError) as info:
        OxigraphStore(path, read_only=True)
    assert str(info.value) == message
    with pytest.raises(StoreError) as info:
        OxigraphStore(path).query(SELECT)
    assert str(info.value) == message
    assert not path.exists()


def test_in_memory_store_and_errors() -> None:
    store = OxigraphStore(None)
    assert store.query(SELECT).rows == ()
    store.replace(NQ_ONE)
    store.close()  # an in-memory store keeps its data
    assert labels(store) == ["Hanoi", "Vietnam"]
    with pytest.raises(QuerySyntaxError):
        store.query("SELEC ?x WHERE {}")
    with pytest.raises(QueryError):  # a substituted variable that is not projected
        store.query(SELECT, substitutions={"nope": Literal("x")})


def test_every_query_form() -> None:
    store = OxigraphStore(None)
    store.replace(NQ_ONE + NQ_TWO)
    assert store.query("ASK { ?s <http://e/label> \"Hanoi\" }") == QueryResult(boolean=True)
    assert store.query("ASK { ?s <http://e/label> \"Paris\" }").boolean is False
    built = store.query("CONSTRUCT { ?s <http://e/name> ?l } WHERE { ?s <http://e/label> ?l }")
    assert built.form == "graph" and built.triples == (
        b'<http://e/a> <http://e/name> "Hanoi" .\n'
        b'<http://e/b> <http://e/name> "Vietnam" .\n'
        b'<http://e/c> <http://e/name> "Laos"@de .\n')
    described = store.query("DESCRIBE <http://e/b>")
    assert described.triples is not None and described.triples.count(b"\n") == 2
    assert b'"5"^^<http://www.w3.org/2001/XMLSchema#integer>' in described.triples
    assert store.query(SELECT).form == "select"


def test_substitutions_bind_terms() -> None:
    store = OxigraphStore(None)
    store.replace(NQ_ONE)
    query = "SELECT ?label ?s WHERE { ?s <http://e/label> ?label }"
    result = store.query(query, substitutions={"label": Literal("Vietnam")})
    assert [r["s"] for r in result.records()] == ["http://e/b"]
    result = store.query(query, substitutions={"s": URIRef("http://e/a")})
    assert [r["label"] for r in result.records()] == ["Hanoi"]


def test_parse_nquads_is_the_one_conversion() -> None:
    assert len(parse_nquads(NQ_ONE)) == 3
    with pytest.raises(StoreError):
        parse_nquads(b"not rdf")


def test_bind_as_values_skips_strings_comments_and_iris() -> None:
    query = ('PREFIX kg: <https://w3id.org/diplomacy-kg/ns#>\n# a { in a comment\n'
             'SELECT ?label (GROUP_CONCAT(?x; separator=" { ") AS ?y) WHERE { ?s ?p ?label }')
    bound = bind_as_values(query, {"label": Literal('Tô "Lâm"')})
    assert bound.endswith('WHERE { VALUES (?label) { ("Tô \\"Lâm\\"") }  ?s ?p ?label }')
    assert bind_as_values(query, {}) == query


def test_bind_as_values_goes_into_the_where_clause_of_every_form() -> None:
    lit = {"s": Literal("x")}
    assert bind_as_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", lit) == \
        'CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?s) { ("x") }  ?s ?p ?o }'
    assert bind_as_values("PREFIX ask: <http://e/>\nASK { ?s ?p ?o }", lit).endswith(
        'ASK { VALUES (?s) { ("x") }  ?s ?p ?o }')
    assert bind_as_values("DESCRIBE ?s WHERE { ?s ?p ?o }", lit) == \
        'DESCRIBE ?s WHERE { VALUES (?s) { ("x") }  ?s ?p ?o }'


def test_export_formats_keep_or_merge_the_graphs() -> None:
    import pyoxigraph as ox

    from kg.store import export_dataset

    data = NQ_ONE + NQ_TWO + b'<http://e/a> <http://e/label> "Hanoi" <http://e/g2> .\n'
    quads = set(ox.parse(data, ox.RdfFormat.N_QUADS))
    assert set(ox.parse(export_dataset(data, "trig"), ox.RdfFormat.TRIG)) == quads
    assert set(ox.parse(export_dataset(data, "jsonld"), ox.RdfFormat.JSON_LD)) == quads
    assert export_dataset(data, "nquads") == b"".join(sorted(line + b"\n" for line in data.splitlines()))
    turtle = list(ox.parse(export_dataset(data, "turtle"), ox.RdfFormat.TURTLE))
    assert len(turtle) == 4 and {q.triple for q in turtle} == {q.triple for q in quads}  # "Hanoi" once
    shuffled = b"".join(reversed(data.splitlines(keepends=True)))
    assert export_dataset(shuffled, "turtle") == export_dataset(data, "turtle")  # input order does not matter
    with pytest.raises(StoreError, match="unknown export format 'rdfxml'"):
        export_dataset(data, "rdfxml")


def test_oxigraph_stores_derived_integers_as_integer() -> None:
    # Known Oxigraph behaviour (kept so an upgrade that changes it is noticed):
    # the dump is not byte-equal to the build's N-Quads for kg:beginIndex/endIndex.
    quad = b'<http://e/a> <http://e/p> "5"^^<http://www.w3.org/2001/XMLSchema#%s> <http://e/g> .\n'
    store = OxigraphStore(None)
    store.replace(quad % b"nonNegativeInteger")
    assert store.dump_nquads() == quad % b"integer"


def test_endpoint_urls() -> None:
    store = SparqlEndpointStore.from_graph_store_url("http://127.0.0.1:7878/store")
    assert (store.query_url, store.graph_store_url) == (
        "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/store")
    store = SparqlEndpointStore.oxigraph("http://127.0.0.1:7878/")
    assert (store.query_url, store.update_url, store.graph_store_url) == (
        "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update", "http://127.0.0.1:7878/store")
