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
import re
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterator, Mapping

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
    sorted_ntriples,
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


def _code(sparql: str) -> Iterator[tuple[int, str]]:
    """(index, character) of the query text outside comments, strings and IRIs,
    which may contain ``{``, ``#`` or keywords."""
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
        yield i, c
        i += 1


_FORM = re.compile(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b(\s*WHERE\b)?", re.IGNORECASE)


def _scan_to_body(sparql: str) -> int:
    """Index just after the ``{`` that opens the outermost WHERE clause.

    A CONSTRUCT template is a group of its own before the WHERE clause
    (except in the short form ``CONSTRUCT WHERE { … }``).
    """
    skip, depth, form_seen = 0, 0, False
    for i, c in _code(sparql):
        if not form_seen and c.isalpha() and (i == 0 or not sparql[i - 1].isalnum()):
            match = _FORM.match(sparql, i)
            if match and not sparql.startswith(":", match.end(1)):  # not a prefix named "ask:"
                form_seen = True
                skip = 1 if match.group(1).upper() == "CONSTRUCT" and not match.group(2) else 0
        if c == "{":
            if depth == 0 and skip == 0:
                return i + 1
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                skip -= 1
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


# Lists the named graphs a server holds (for an exact load, see ``replace``).
# Protocol plumbing like the DROP/INSERT updates below, not a query of the
# knowledge graph, so it lives here rather than in queries/.
_GRAPH_NAMES = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"

_QUERY_ADVICE = "Start it, or use the built-in store (omit --endpoint)"
_LOAD_ADVICE = ("Start the server (e.g. 'oxigraph serve --location DIR') and check the URL "
                "given with --endpoint; the built store is unchanged")


class SparqlEndpointStore:
    """A SPARQL 1.1 server over HTTP (Query protocol + Graph Store protocol).

    ``replace`` makes the server hold exactly the given dataset: it PUTs each
    named graph (N-Triples) to the Graph Store endpoint, which replaces that
    graph atomically on the server, then deletes the graphs that are not in
    the dataset (articles no longer in the build). ``add`` only PUTs, leaving
    other graphs alone. Without a Graph Store endpoint, each graph is
    replaced by one SPARQL Update (``DROP SILENT GRAPH`` + ``INSERT DATA``).

    Queries are sent with the ``union-default-graph`` parameter, which the
    Oxigraph server honours; servers whose default graph already is the union
    of all graphs (Virtuoso) ignore it.

    Args:
        query_url: the SPARQL query endpoint (``http://host:7878/query``).
        update_url: the SPARQL Update endpoint, used when there is no Graph Store.
        graph_store_url: the Graph Store Protocol endpoint (``http://host:7878/store``).
        timeout: seconds to wait for the server.
        url: the URL the user gave, named in errors (default: ``query_url``).
    """

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        graph_store_url: str | None = None,
        timeout: float = 30,
        url: str | None = None,
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url
        self.graph_store_url = graph_store_url
        self.timeout = timeout
        self.url = url or query_url

    @classmethod
    def oxigraph(cls, base_url: str, *, timeout: float = 30) -> SparqlEndpointStore:
        """The endpoints of an ``oxigraph serve`` at ``base_url`` (``http://127.0.0.1:7878``)."""
        base = base_url.rstrip("/")
        return cls(f"{base}/query", update_url=f"{base}/update", graph_store_url=f"{base}/store",
                   timeout=timeout, url=base_url)

    @classmethod
    def from_graph_store_url(cls, url: str, *, timeout: float = 30) -> SparqlEndpointStore:
        """A store for ``kg load --endpoint URL`` given the Graph Store URL.

        The query endpoint is guessed from the Oxigraph layout (``…/store`` ->
        ``…/query``); pass it to the constructor for other servers.
        """
        base, sep, last = url.rstrip("/").rpartition("/")
        query_url = f"{base}/query" if sep and last == "store" else url
        return cls(query_url, graph_store_url=url, timeout=timeout, url=url)

    def _request(self, url: str, *, method: str, data: bytes | None = None,
                 headers: Mapping[str, str] | None = None, advice: str = _QUERY_ADVICE) -> tuple[bytes, str]:
        """The body and content type of the answer."""
        req = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                body: bytes = resp.read()
                return body, resp.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip()[:500]
            if exc.code == 400 and method == "POST" and url.startswith(self.query_url):
                raise QuerySyntaxError(detail or "the server rejected the query") from None
            raise StoreError(f"triplestore at {url} answered {exc.code} {exc.reason}: {detail}") from None
        except (TimeoutError, urllib.error.URLError, ConnectionError) as exc:
            raise StoreUnavailable(
                f"triplestore at {self.url} is not reachable ({getattr(exc, 'reason', exc)}). {advice}"
            ) from None

    def replace(self, nquads: bytes) -> None:
        """Make the server hold exactly this dataset; see the class docstring."""
        self.load(nquads)

    def load(self, nquads: bytes, *, add: bool = False) -> list[str]:
        """Write the dataset's graphs; unless ``add``, then delete the server's
        other graphs (and empty its default graph if the dataset has none).

        Graphs are written before stale ones are deleted, so a failure half
        way leaves the server with more than the build, never less.

        Returns:
            The names of the graphs deleted, sorted.
        """
        graphs = self._put_graphs(nquads)
        if add:
            return []
        stale = sorted(self.graph_names() - {g for g in graphs if g is not None})
        if None not in graphs:
            self._drop(None)
        for name in stale:
            self._drop(name)
        return stale

    def _put_graphs(self, nquads: bytes) -> dict[str | None, bytes]:
        graphs = _graphs_as_ntriples(parse_nquads(nquads))
        for name in sorted(graphs, key=lambda g: g or ""):
            if self.graph_store_url:
                self._request(self._graph_url(name), method="PUT", data=graphs[name],
                              headers={"Content-Type": "application/n-triples"}, advice=_LOAD_ADVICE)
            elif self.update_url:
                # N-Triples lines are valid SPARQL triples, so the data is
                # inserted as serialised, not pasted together from values.
                triples = graphs[name].decode("utf-8")
                body = (f"DROP SILENT DEFAULT ; INSERT DATA {{ {triples} }}" if name is None else
                        f"DROP SILENT GRAPH <{name}> ; INSERT DATA {{ GRAPH <{name}> {{ {triples} }} }}")
                self._update(body)
            else:
                raise StoreError(f"triplestore at {self.url} has no Graph Store or Update "
                                 "endpoint configured; it can be queried but not loaded")
        return graphs

    def _graph_url(self, name: str | None) -> str:
        assert self.graph_store_url is not None
        target = "default" if name is None else "graph=" + urllib.parse.quote(name, safe="")
        sep = "&" if "?" in self.graph_store_url else "?"
        return f"{self.graph_store_url}{sep}{target}"

    def _update(self, body: str) -> None:
        assert self.update_url is not None
        self._request(self.update_url, method="POST", data=body.encode("utf-8"),
                      headers={"Content-Type": "application/sparql-update"}, advice=_LOAD_ADVICE)

    def _drop(self, name: str | None) -> None:
        """Empty the default graph (None) or delete a named graph."""
        if self.graph_store_url:
            try:
                self._request(self._graph_url(name), method="DELETE", advice=_LOAD_ADVICE)
            except StoreError as exc:  # 404: the graph is already gone or empty
                if " answered 404 " not in str(exc):
                    raise
        elif self.update_url:
            self._update("DROP SILENT DEFAULT" if name is None else f"DROP SILENT GRAPH <{name}>")

    def graph_names(self) -> set[str]:
        """The IRIs of the named graphs the server holds."""
        result = self._select(_GRAPH_NAMES, advice=_LOAD_ADVICE)
        return {row[0].value for row in result.rows if row[0] is not None and row[0].kind == "uri"}

    def query(
        self, sparql: str, *, substitutions: Mapping[str, Identifier] | None = None
    ) -> QueryResult:
        """POST the query; parse SPARQL 1.1 Results JSON (SELECT, ASK) or N-Triples
        (CONSTRUCT, DESCRIBE).

        Raises:
            QuerySyntaxError: the server rejects the query (HTTP 400).
            StoreUnavailable: the server does not answer.
        """
        return self._select(bind_as_values(sparql, substitutions or {}))

    def _select(self, body: str, *, advice: str = _QUERY_ADVICE) -> QueryResult:
        sep = "&" if "?" in self.query_url else "?"
        data, content_type = self._request(
            f"{self.query_url}{sep}union-default-graph", method="POST", data=body.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query",
                     "Accept": "application/sparql-results+json, application/n-triples;q=0.9"},
            advice=advice,
        )
        if content_type == "application/n-triples":
            try:
                triples = [q.triple for q in ox.parse(data, ox.RdfFormat.N_TRIPLES)]
            except SyntaxError as exc:
                raise QueryError(f"triplestore at {self.url} sent invalid N-Triples: {exc}") from None
            return QueryResult(triples=sorted_ntriples(triples))
        try:
            doc = json.loads(data)
            if isinstance(doc.get("boolean"), bool):
                return QueryResult(boolean=doc["boolean"])
            variables = tuple(doc["head"]["vars"])
            bindings = doc["results"]["bindings"]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise QueryError(f"triplestore at {self.url} did not return query results") from None
        rows = tuple(tuple(_from_json(b.get(v)) for v in variables) for b in bindings)
        return QueryResult(variables, rows)

    def dump_nquads(self) -> bytes:
        """GET the whole dataset (the Oxigraph server returns all graphs as N-Quads)."""
        if not self.graph_store_url:
            raise StoreError(f"triplestore at {self.url} has no Graph Store endpoint configured")
        data, _ = self._request(self.graph_store_url, method="GET", headers={"Accept": "application/n-quads"})
        return _sorted_nquads(data)

    def close(self) -> None:
        """Nothing to release: every request opens its own connection."""
