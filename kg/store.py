"""The store stage: load N-Quads into a triplestore and run SPARQL queries
(SELECT, ASK, CONSTRUCT, DESCRIBE).

This module holds the ``Store`` protocol, the result types ``Term`` and
``QueryResult``, ``parse_nquads`` and the embedded implementation:

* ``OxigraphStore``: embedded pyoxigraph, on disk (default) or in memory.

The other implementation, ``SparqlEndpointStore`` (any SPARQL 1.1 server over
HTTP, tested with the Oxigraph server, using only ``urllib``), lives in
:mod:`kg.store_http`.

Both return the same ``QueryResult`` so that results are serialised by one
code path (``kg.queries``). Queries run against the union of all named
graphs, so ``queries/*.rq`` need no ``GRAPH`` clauses.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import BNode, Identifier, URIRef
from rdflib.term import Literal as RdfLiteral

from kg.errors import QueryError, QuerySyntaxError, StoreError
from kg.namespaces import PREFIXES

__all__ = ["EXPORT_FORMATS", "OxigraphStore", "QueryResult", "Store", "Term", "export_dataset"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True, slots=True, order=True)
class Term:
    """One RDF term of a query result, as SPARQL 1.1 Results JSON describes it.

    ``kind`` is ``"uri"``, ``"literal"`` or ``"bnode"``. Literals always carry
    a datatype (``xsd:string`` for simple literals, ``rdf:langString`` with a
    ``lang``), so results from different engines compare equal.
    """

    kind: str
    value: str
    datatype: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class QueryResult:
    """What a query gives, whatever its form.

    SELECT: variable names and rows of terms (None = unbound). ASK:
    ``boolean``. CONSTRUCT and DESCRIBE: ``triples``, sorted N-Triples (one
    text for every engine, so one code path serialises them).
    """

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: bytes | None = None

    @property
    def form(self) -> str:
        """``"select"``, ``"ask"`` or ``"graph"`` (CONSTRUCT and DESCRIBE)."""
        if self.boolean is not None:
            return "ask"
        return "graph" if self.triples is not None else "select"

    def records(self) -> list[dict[str, str]]:
        """Rows as ``{variable: lexical value}``, leaving out unbound variables."""
        return [
            {v: t.value for v, t in zip(self.variables, row, strict=True) if t is not None}
            for row in self.rows
        ]


class Store(Protocol):
    """A triplestore that holds the knowledge graph."""

    def replace(self, nquads: bytes) -> None:
        """Replace the stored dataset by the given N-Quads."""

    def query(
        self, sparql: str, *, substitutions: Mapping[str, Identifier] | None = None
    ) -> QueryResult:
        """Run a query of any form; ``substitutions`` pre-bind variables to terms."""

    def dump_nquads(self) -> bytes:
        """The stored dataset as sorted N-Quads."""

    def close(self) -> None:
        """Release the store."""


# --------------------------------------------------------------------------
# Conversions (the only place N-Quads bytes become pyoxigraph quads)
# --------------------------------------------------------------------------


def parse_nquads(nquads: bytes) -> list[ox.Quad]:
    """Parse N-Quads into pyoxigraph quads.

    Raises:
        StoreError: the data is not valid N-Quads (nothing has been written).
    """
    try:
        return list(ox.parse(nquads, ox.RdfFormat.N_QUADS))
    except SyntaxError as exc:
        raise StoreError(f"cannot load the graph: invalid N-Quads ({exc}); the store is unchanged") from None


def to_trig(nquads: bytes, prefixes: Sequence[tuple[str, str]] = ()) -> str:
    """TriG of a dataset given as N-Quads, for people to read. Oxigraph's
    writer takes well under a second where rdflib's takes minutes on 10^5
    quads."""
    out = ox.serialize(parse_nquads(nquads), format=ox.RdfFormat.TRIG, prefixes=dict(prefixes))
    assert out is not None  # without an output file Oxigraph returns the bytes
    return out.decode("utf-8")


def sorted_ntriples(triples: Sequence[ox.Triple]) -> bytes:
    """Sorted, de-duplicated N-Triples of a graph result."""
    return _sorted_nquads(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")


# Prefixes of the readable exports: the project's and the W3C vocabularies it
# uses. Not ``id:``: its local names hold slashes, which Turtle escapes
# (``id:fact\/visit\/…``), so resources are written as full IRIs.
READABLE_PREFIXES: Mapping[str, str] = {k: v for k, v in PREFIXES if k != "id"} | {
    "rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL), "xsd": str(XSD)}

EXPORT_FORMATS: Mapping[str, ox.RdfFormat] = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def export_dataset(nquads: bytes, fmt: str) -> bytes:
    """The dataset in an RDF format, written by Oxigraph's serializers.

    ``trig``, ``nquads`` and ``jsonld`` keep the named graphs (one per
    article, one of merged facts); ``turtle`` has none, so it holds the
    union of all graphs, each triple once. Sorted input gives the same bytes
    on every run.

    Raises:
        StoreError: an unknown format name or invalid N-Quads.
    """
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; use {', '.join(EXPORT_FORMATS)}")
    ordered = _sorted_nquads(nquads)
    quads = parse_nquads(ordered)
    if fmt == "nquads":
        return ordered
    data: list[ox.Quad] | list[ox.Triple] = quads
    if fmt == "turtle":
        data = list(dict.fromkeys(q.triple for q in quads))
    return ox.serialize(data, format=EXPORT_FORMATS[fmt], prefixes=dict(READABLE_PREFIXES)) or b""


def _sorted_nquads(data: bytes) -> bytes:
    lines = sorted({line for line in data.split(b"\n") if line.strip()})
    return b"".join(line + b"\n" for line in lines)


def _to_ox(term: Identifier) -> ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, RdfLiteral):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise QueryError(f"cannot bind {term!r}: only IRIs, blank nodes and literals can be bound")


def _from_ox(term: object) -> Term | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Term("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    if isinstance(term, ox.Literal):
        return Term("literal", term.value, term.datatype.value, term.language)
    raise QueryError(f"unsupported term in query result: {term!r}")


# --------------------------------------------------------------------------
# Embedded Oxigraph
# --------------------------------------------------------------------------


def missing_store_error(path: Path) -> StoreError:
    return StoreError(f"no knowledge graph at {path}; run 'kg build' first (or pass --store DIR)")


class OxigraphStore:
    """The embedded pyoxigraph store, on disk or in memory.

    Args:
        path: directory of the store; None keeps it in memory.
        read_only: open an existing on-disk store for reading only (several
            processes may then query it at once).

    Raises:
        StoreError: ``read_only`` and there is no store at ``path``.
    """

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._store: ox.Store | None = ox.Store() if path is None else None
        if self.path is not None and read_only and not self.path.is_dir():
            raise missing_store_error(self.path)

    @classmethod
    def open_existing(cls, path: Path) -> OxigraphStore:
        """Open a built store for querying (read-only).

        Raises:
            StoreError: there is no store at ``path``.
        """
        return cls(path, read_only=True)

    def _open(self) -> ox.Store:
        if self._store is None:
            assert self.path is not None
            if not self.path.is_dir():
                raise missing_store_error(self.path)
            try:
                self._store = (
                    ox.Store.read_only(str(self.path)) if self.read_only else ox.Store(str(self.path))
                )
            except OSError as exc:
                raise StoreError(f"cannot open the store at {self.path}: {exc}") from None
        return self._store

    def replace(self, nquads: bytes) -> None:
        """Replace the whole dataset; on disk, readers never see a half-written store.

        The data is bulk-loaded into a new sibling directory, which then takes
        the place of the old one by renaming; a failure leaves the old store
        as it was.

        Raises:
            StoreError: invalid N-Quads, a read-only store, or a disk error.
        """
        if self.read_only:
            raise StoreError(f"the store at {self.path} is open read-only; it cannot be rebuilt")
        if self.path is None:
            fresh = ox.Store()
            fresh.bulk_extend(parse_nquads(nquads))
            self._store = fresh
            return
        self._replace_on_disk(self.path, nquads)

    def _replace_on_disk(self, path: Path, nquads: bytes) -> None:
        # The old directory is deleted below: make sure it is a store (RocksDB
        # writes CURRENT) or empty, so a mistyped --store cannot wipe a folder.
        if path.exists() and not (path / "CURRENT").is_file() and any(path.iterdir()):
            raise StoreError(f"refusing to replace {path}: it is not a knowledge-graph store; "
                             "pass an empty or new folder with --store DIR")
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = path.with_name(f".{path.name}.new")
        retired = path.with_name(f".{path.name}.old")
        for leftover in (staging, retired):  # from a build that was killed
            shutil.rmtree(leftover, ignore_errors=True)
        try:
            fresh = ox.Store(str(staging))
            # Oxigraph parses the bytes itself: no Python object per quad
            # (~150 MB at 10^5 quads). Bad input only ever reaches staging.
            fresh.bulk_load(nquads, ox.RdfFormat.N_QUADS)
            fresh.flush()
            del fresh  # pyoxigraph closes the store when the object goes away
        except SyntaxError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise StoreError(f"cannot load the graph: invalid N-Quads ({exc}); the store is unchanged") from None
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise StoreError(
                f"cannot write the store at {staging}: {exc}; the old store is unchanged"
            ) from None
        self._store = None  # release our handle on the old store before moving it
        # Two renames: between them a reader finds no store (an error it can
        # retry), never a partial one.
        if path.exists():
            path.rename(retired)
        staging.rename(path)
        shutil.rmtree(retired, ignore_errors=True)

    def query(
        self, sparql: str, *, substitutions: Mapping[str, Identifier] | None = None
    ) -> QueryResult:
        """Run a query over the union of all graphs.

        Raises:
            QuerySyntaxError: the query does not parse.
            QueryError: a substitution Oxigraph refuses.
            StoreError: the store is missing or cannot be read.
        """
        store = self._open()
        subs = {ox.Variable(k): _to_ox(v) for k, v in (substitutions or {}).items()}
        try:
            solutions = store.query(sparql, use_default_graph_as_union=True, substitutions=subs or None)
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from None
        except RuntimeError as exc:  # e.g. a substituted variable that is not projected
            raise QueryError(str(exc)) from None
        except OSError as exc:
            raise StoreError(f"cannot read the store at {self.path}: {exc}") from None
        if isinstance(solutions, ox.QueryBoolean):
            return QueryResult(boolean=bool(solutions))
        if isinstance(solutions, ox.QueryTriples):
            return QueryResult(triples=sorted_ntriples(list(solutions)))
        variables = tuple(v.value for v in solutions.variables)
        rows = tuple(tuple(_from_ox(s[v]) for v in variables) for s in solutions)
        return QueryResult(variables, rows)

    def dump_nquads(self) -> bytes:
        return _sorted_nquads(self._open().dump(format=ox.RdfFormat.N_QUADS) or b"")

    def close(self) -> None:
        """Flush and release an on-disk store (it reopens on the next call);
        an in-memory store keeps its data."""
        if self.path is None or self._store is None:
            return
        if not self.read_only:
            self._store.flush()
        self._store = None
