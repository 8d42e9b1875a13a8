"""A SPARQL 1.1 server over HTTP as a ``kg.store.Store``: ``SparqlEndpointStore``.

It speaks the SPARQL 1.1 Query protocol and the Graph Store protocol (or
SPARQL Update) using only ``urllib``, and is tested with the Oxigraph server.
Results are parsed from SPARQL 1.1 Results JSON into the same
``kg.store.QueryResult`` that the embedded ``OxigraphStore`` returns.
Parameters are bound with a ``VALUES`` block, since a remote server does not
know Oxigraph's substitutions.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Mapping

import pyoxigraph as ox
from rdflib.term import Identifier

from kg.errors import QueryError, QuerySyntaxError, StoreError, StoreUnavailable
from kg.store import (
    RDF_LANG_STRING,
    XSD_STRING,
    QueryResult,
    Term,
    _sorted_nquads,
    parse_nquads,
)

__all__ = ["SparqlEndpointStore", "bind_as_values"]

def _from_json(binding: Mapping[str, str] | None) -> Term | None:
    if binding is None:
        return None
    kind = binding["type"]
    if kind == "uri":
        return Term("uri", binding["value"])
    if kind == "bnode":
        return Term("bnode", binding["value"])
    if kind in ("literal", "typed-literal"):
        lang = binding.get("xml:lang")
        datatype = binding.get("datatype") or (RDF_LANG_STRING if lang else XSD_STRING)
        return Term("literal", binding["value"], datatype, lang)
    raise QueryError(f"unsupported term in query result: {binding!r}")


def _graphs_as_ntriples(quads: list[ox.Quad]) -> dict[str | None, bytes]:
    by_graph: dict[str | None, list[ox.Triple]] = defaultdict(list)
    for q in quads:
        name = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        by_graph[name].append(q.triple)
    return {g: ox.serialize(ts, format=ox.RdfFormat.N_TRIPLES) or b"" for g, ts in by_graph.items()}


def _scan_to_body(sparql: str) -> int:
    """Index just after the ``{`` that opens the outermost WHERE clause.

    Skips comments, strings and IRIs, which may contain ``{`` or ``#``.
    """
    i, n = 0, len(sparql)
    while i < n:
        c = sparql[i]
        if c == "#":
            i = sparql.find("\n", i)
            i = n if i < 0 else i
        elif c in "\"'":
            quote = c * 3 if sparql.startswith(c * 3, i) else c
            i += len(quote)
            while i < n and not sparql.startswith(quote, i):
                i += 2 if sparql[i] == "\\" else 1
            i += len(quote)
            continue
        elif c == "<":
            end = sparql.find(">", i)
            if end > 0 and not any(ch.isspace() for ch in sparql[i:end]):
                i = end + 1
                continue
        elif c == "{":
            return i + 1
        i += 1
    raise QuerySyntaxError("the query has no WHERE clause to bind parameters in")


def bind_as_values(sparql: str, substitutions: Mapping[str, Identifier]) -> str:
    """Pre-bind variables for a server that does not know Oxigraph's substitutions.

    Adds ``VALUES (?a ?b) { (t1 t2) }`` at the start of the outermost WHERE
    group; the terms are serialised by rdflib (``.n3()``), which escapes
    them, so no user text is pasted into the query.
    """
    if not substitutions:
        return sparql
    names = sorted(substitutions)
    values = (
        " VALUES (" + " ".join(f"?{k}" for k in names) + ") { ("
        + " ".join(substitutions[k].n3() for k in names) + ") } "
    )
    at = _scan_to_body(sparql)
    return sparql[:at] + values + sparql[at:]


class SparqlEndpointStore:
    """A SPARQL 1.1 server over HTTP (Query protocol + Graph Store protocol).

    ``replace`` PUTs each named graph of the dataset (N-Triples) to the Graph
    Store endpoint, which replaces that graph atomically on the server. Graphs
    that are not in the new dataset are left alone (delete them on the server
    if an article was removed). Without a Graph Store endpoint, each graph is
    replaced by one SPARQL Update (``DROP SILENT GRAPH`` + ``INSERT DATA``).

    Queries are sent with the ``union-default-graph`` parameter, which the
    Oxigraph server honours; servers whose default graph already is the union
    of all graphs (Virtuoso) ignore it.

    Args:
        query_url: the SPARQL query endpoint (``http://host:7878/query``).
        update_url: the SPARQL Update endpoint, used when there is no Graph Store.
        graph_store_url: the Graph Store Protocol endpoint (``http://host:7878/store``).
        timeout: seconds to wait for the server.
    """

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        graph_store_url: str | None = None,
        timeout: float = 30,
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url
        self.graph_store_url = graph_store_url
        self.timeout = timeout

    @classmethod
    def oxigraph(cls, base_url: str, *, timeout: float = 30) -> SparqlEndpointStore:
        """The endpoints of an ``oxigraph serve`` at ``base_url`` (``http://127.0.0.1:7878``)."""
        base = base_url.rstrip("/")
        return cls(f"{base}/query", update_url=f"{base}/update", graph_store_url=f"{base}/store",
                   timeout=timeout)

    @classmethod
    def from_graph_store_url(cls, url: str, *, timeout: float = 30) -> SparqlEndpointStore:
        """A store for ``kg load --endpoint URL`` given the Graph Store URL.

        The query endpoint is guessed from the Oxigraph layout (``…/store`` ->
        ``…/query``); pass it to the constructor for other servers.
        """
        base, sep, last = url.rstrip("/").rpartition("/")
        query_url = f"{base}/query" if sep and last == "store" else url
        return cls(query_url, graph_store_url=url, timeout=timeout)

    def _request(self, url: str, *, method: str, data: bytes | None = None,
                 headers: Mapping[str, str] | None = None) -> bytes:
        req = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                body: bytes = resp.read()
                return body
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip()[:500]
            if exc.code == 400 and method == "POST" and url.startswith(self.query_url):
                raise QuerySyntaxError(detail or "the server rejected the query") from None
            raise StoreError(f"triplestore at {url} answered {exc.code} {exc.reason}: {detail}") from None
        except (TimeoutError, urllib.error.URLError, ConnectionError) as exc:
            raise StoreUnavailable(
                f"triplestore at {self.query_url} is not reachable ({getattr(exc, 'reason', exc)}). "
                "Start it, or use the built-in store (omit --endpoint)"
            ) from None

    def replace(self, nquads: bytes) -> None:
        """PUT every graph of the dataset; see the class docstring."""
        graphs = _graphs_as_ntriples(parse_nquads(nquads))
        for name in sorted(graphs, key=lambda g: g or ""):
            if self.graph_store_url:
                target = "default" if name is None else "graph=" + urllib.parse.quote(name, safe="")
                sep = "&" if "?" in self.graph_store_url else "?"
                self._request(f"{self.graph_store_url}{sep}{target}", method="PUT", data=graphs[name],
                              headers={"Content-Type": "application/n-triples"})
            elif self.update_url:
                # N-Triples lines are valid SPARQL triples, so the data is
                # inserted as serialised, not pasted together from values.
                triples = graphs[name].decode("utf-8")
                body = (f"DROP SILENT DEFAULT ; INSERT DATA {{ {triples} }}" if name is None else
                        f"DROP SILENT GRAPH <{name}> ; INSERT DATA {{ GRAPH <{name}> {{ {triples} }} }}")
                self._request(self.update_url, method="POST", data=body.encode("utf-8"),
                              headers={"Content-Type": "application/sparql-update"})
            else:
                raise StoreError(f"triplestore at {self.query_url} has no Graph Store or Update "
                                 "endpoint configured; it can be queried but not loaded")

    def query(
        self, sparql: str, *, substitutions: Mapping[str, Identifier] | None = None
    ) -> QueryResult:
        """POST the query; parse SPARQL 1.1 Results JSON.

        Raises:
            QuerySyntaxError: the server rejects the query (HTTP 400).
            StoreUnavailable: the server does not answer.
        """
        sep = "&" if "?" in self.query_url else "?"
        body = bind_as_values(sparql, substitutions or {})
        data = self._request(
            f"{self.query_url}{sep}union-default-graph", method="POST", data=body.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query",
                     "Accept": "application/sparql-results+json"},
        )
        try:
            doc = json.loads(data)
            variables = tuple(doc["head"]["vars"])
            bindings = doc["results"]["bindings"]
        except (ValueError, KeyError, TypeError):
            raise QueryError(f"triplestore at {self.query_url} did not return SELECT results") from None
        rows = tuple(tuple(_from_json(b.get(v)) for v in variables) for b in bindings)
        return QueryResult(variables, rows)

    def dump_nquads(self) -> bytes:
        """GET the whole dataset (the Oxigraph server returns all graphs as N-Quads)."""
        if not self.graph_store_url:
            raise StoreError(f"triplestore at {self.query_url} has no Graph Store endpoint configured")
        return _sorted_nquads(self._request(self.graph_store_url, method="GET",
                                            headers={"Accept": "application/n-quads"}))

    def close(self) -> None:
        """Nothing to release: every request opens its own connection."""
