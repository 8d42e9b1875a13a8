"""The store and the ten contract queries against a real ``oxigraph serve`` process.

Running every .rq on a second engine (the HTTP server, with the union default
graph requested per query and parameters bound as VALUES) catches SPARQL that
only works in the embedded store.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kg.errors import QuerySyntaxError, StoreUnavailable
from kg.queries import discover, load_query_file, run_query, to_json
from kg.store import OxigraphStore
from kg.store_http import SparqlEndpointStore

pytestmark = pytest.mark.integration

TESTS = Path(__file__).resolve().parent.parent


def _sample() -> ModuleType:
    # The hand-built corpus lives in tests/test_queries.py; tests/ is not a
    # package, so load that module by path rather than by import name.
    name = "_kg_sample_corpus"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, TESTS / "test_queries.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


QUERIES = discover(TESTS.parent / "queries")


@pytest.fixture(scope="module")
def nquads() -> bytes:
    return _sample().sample_nquads()


@pytest.fixture(scope="module")
def server_store(oxigraph_server: str, nquads: bytes) -> SparqlEndpointStore:
    store = SparqlEndpointStore.oxigraph(oxigraph_server, timeout=10)
    store.replace(nquads)
    return store


@pytest.fixture(scope="module")
def embedded_store(nquads: bytes) -> OxigraphStore:
    store = OxigraphStore(None)
    store.replace(nquads)
    return store


def test_server_holds_the_dataset(server_store: SparqlEndpointStore,
                                  embedded_store: OxigraphStore) -> None:
    # Compared with the embedded store, not with the input: Oxigraph stores
    # derived integer types (kg:beginIndex's xsd:nonNegativeInteger) as xsd:integer.
    assert server_store.dump_nquads() == embedded_store.dump_nquads()


def test_replace_is_idempotent(server_store: SparqlEndpointStore, nquads: bytes,
                               embedded_store: OxigraphStore) -> None:
    server_store.replace(nquads)  # PUT replaces each graph: no duplicates
    assert server_store.dump_nquads() == embedded_store.dump_nquads()


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_same_rows_from_both_engines(name: str, server_store: SparqlEndpointStore,
                                     embedded_store: OxigraphStore) -> None:
    query = QUERIES[name]
    params = {"label": "russland"} if query.required else {}
    remote = run_query(server_store, query, params)
    local = run_query(embedded_store, query, params)
    assert remote == local
    assert to_json(remote) == to_json(local)
    if name != "conflicts":  # the sample corpus has no disagreement
        assert local.rows, f"{name} returns no rows on the sample corpus"


@pytest.mark.parametrize("sparql", [
    "ASK { ?v a <https://w3id.org/diplomacy-kg/ns#Visit> }",
    "ASK { ?v a <https://w3id.org/diplomacy-kg/ns#Nothing> }",
    "CONSTRUCT { ?e <http://e/name> ?l } WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }",
    "CONSTRUCT WHERE { ?e <http://www.w3.org/2004/02/skos/core#altLabel> ?l }",
    "DESCRIBE <https://w3id.org/diplomacy-kg/id/country/vietnam>",
])
def test_every_query_form_on_both_engines(sparql: str, server_store: SparqlEndpointStore,
                                          embedded_store: OxigraphStore) -> None:
    remote, local = server_store.query(sparql), embedded_store.query(sparql)
    assert remote == local and remote.form in ("ask", "graph")
    assert remote.boolean is not None or remote.triples


def test_construct_with_a_bound_parameter_on_the_server(server_store: SparqlEndpointStore,
                                                        embedded_store: OxigraphStore,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "names.rq"
    path.write_text("#+ params: {label: label}\n"
                    "CONSTRUCT { ?e <http://e/name> ?alias } WHERE {\n"
                    "  ?e <http://www.w3.org/2000/01/rdf-schema#label> ?label ;\n"
                    "     <http://www.w3.org/2004/02/skos/core#altLabel> ?alias }\n", encoding="utf-8")
    query = load_query_file(path)
    remote = run_query(server_store, query, {"label": "to lam"})
    assert remote == run_query(embedded_store, query, {"label": "TÔ LÂM"})
    assert remote.triples is not None and b'"To Lam"' in remote.triples and b'"Lam"' in remote.triples


def test_parameters_on_the_server(server_store: SparqlEndpointStore,
                                  embedded_store: OxigraphStore) -> None:
    query = QUERIES["facts_about"]
    params = {"label": "Tô Lâm"}
    remote = run_query(server_store, query, params)
    assert remote == run_query(embedded_store, query, params)
    assert {r["label"] for r in remote.records()} == {"Tô Lâm"}
    assert run_query(server_store, query, {"label": "to lam"}) == remote  # case and accents ignored


def test_update_endpoint_fallback(oxigraph_server: str, nquads: bytes,
                                  embedded_store: OxigraphStore) -> None:
    # No Graph Store URL: graphs are replaced by SPARQL Update instead.
    base = oxigraph_server
    store = SparqlEndpointStore(f"{base}/query", update_url=f"{base}/update")
    store.replace(nquads)
    assert SparqlEndpointStore.oxigraph(base).dump_nquads() == embedded_store.dump_nquads()


def test_server_syntax_error(server_store: SparqlEndpointStore, tmp_path: Path) -> None:
    with pytest.raises(QuerySyntaxError):
        server_store.query("SELEC ?x WHERE {}")
    path = tmp_path / "typo.rq"
    path.write_text("SELECT ?x\nWHERE {\n  FILTR(?x)\n}\n", encoding="utf-8")
    with pytest.raises(QuerySyntaxError) as info:
        run_query(server_store, load_query_file(path))
    assert str(info.value).startswith(f"{path}:3:")
    assert str(info.value).splitlines()[1] == "   3 |   FILTR(?x)"


def test_unreachable_endpoint() -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/query"
    store = SparqlEndpointStore(url, timeout=2)
    with pytest.raises(StoreUnavailable) as info:
        store.query("SELECT * WHERE { ?s ?p ?o }")
    assert str(info.value).startswith(f"triplestore at {url} is not reachable")
    assert str(info.value).endswith("Start it, or use the built-in store (omit --endpoint)")
