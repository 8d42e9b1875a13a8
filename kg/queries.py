"""The query stage: named ``.rq`` files, parameter binding, result serialisation.

A query is a file (``queries/NAME.rq``); its name is the file stem. A
grlc-style header describes it::

    #+ summary: One row per visit, merged across articles.
    #+ returns: [visitor, destination, start, end, ordinal, host, source, fact]
    #+ params: {label: xsd:string}

Parameters are converted to typed RDF terms and handed to the store as
substitutions, never pasted into the SPARQL text. See ``queries/README.md``.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from kg.errors import QueryError, QueryParamError, QuerySyntaxError, UnknownQuery
from kg.store import RDF_LANG_STRING, XSD_STRING, QueryResult, Store, Term

__all__ = [
    "FORMATS",
    "NamedQuery",
    "discover",
    "find_query",
    "load_query_file",
    "rows",
    "run_query",
    "serialize",
    "to_csv",
    "to_json",
    "to_table",
    "to_tsv",
]


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A SPARQL SELECT query read from a ``.rq`` file.

    ``params`` maps each declared parameter to its type (``xsd:date``, ...,
    or ``iri``), in the order the header lists them.
    """

    name: str
    summary: str
    returns: tuple[str, ...]
    params: tuple[tuple[str, str], ...]
    sparql: str
    path: Path


# --------------------------------------------------------------------------
# Reading .rq files
# --------------------------------------------------------------------------

_HEADER = re.compile(r"^#\+\s*(\w+)\s*:\s*(.*?)\s*$")


def _split_list(text: str, open_: str, close: str) -> list[str]:
    text = text.strip()
    if text.startswith(open_) and text.endswith(close):
        text = text[1:-1]
    return [item.strip() for item in text.split(",") if item.strip()]


def _parse_header(text: str, path: Path) -> dict[str, str]:
    header: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        if not line.startswith("#+"):
            break  # the header is the leading block of "#+" lines
        match = _HEADER.match(line)
        if not match:
            raise QuerySyntaxError(f"{path}: bad header line {line!r} (expected '#+ key: value')")
        header[match.group(1)] = match.group(2)
    return header


def load_query_file(path: Path) -> NamedQuery:
    """Read one ``.rq`` file; the ``#+`` header is optional.

    Raises:
        QueryError: the file cannot be read.
        QuerySyntaxError: a header line or parameter type is malformed.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read query file {path}: {exc}") from None
    header = _parse_header(text, path)
    params = []
    for item in _split_list(header.get("params", ""), "{", "}"):
        name, _, type_ = (part.strip() for part in item.partition(":"))
        if type_ not in _PARAM_TYPES:
            raise QuerySyntaxError(
                f"{path}: parameter {name!r} has unknown type {type_!r}; "
                f"use one of {', '.join(sorted(_PARAM_TYPES))}"
            )
        params.append((name, type_))
    return NamedQuery(
        name=path.stem,
        summary=header.get("summary", ""),
        returns=tuple(_split_list(header.get("returns", ""), "[", "]")),
        params=tuple(params),
        sparql=text,
        path=path,
    )


def discover(directory: Path) -> dict[str, NamedQuery]:
    """All ``*.rq`` files of a directory, keyed by file stem, in name order.

    Raises:
        QueryError: the directory does not exist.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise QueryError(f"no query directory at {directory}; pass --queries-dir DIR")
    return {p.stem: load_query_file(p) for p in sorted(directory.glob("*.rq"))}


def find_query(queries: Mapping[str, NamedQuery], name: str, *, where: str | None = None) -> NamedQuery:
    """The query called ``name``, or an error that suggests close names.

    Raises:
        UnknownQuery: no such name.
    """
    if name in queries:
        return queries[name]
    if where is None:
        first = next(iter(queries.values()), None)
        where = f"{first.path.parent.name}/" if first else "queries/"
    close = difflib.get_close_matches(name, list(queries), n=3)
    hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
    available = ", ".join(sorted(queries)) or "none"
    raise UnknownQuery(f"no query named {name!r} in {where}{hint}; available: {available}")


# --------------------------------------------------------------------------
# Parameters
# --------------------------------------------------------------------------

_DATE = r"-?\d{4,}"
_PARAM_TYPES: Mapping[str, tuple[str, str | None]] = {
    # type: (pattern of a valid value, an example for error messages)
    "xsd:string": (r".*", "Russland"),
    "xsd:date": (_DATE + r"-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", "2024-06-01"),
    "xsd:gYearMonth": (_DATE + r"-(0[1-9]|1[0-2])", "2024-06"),
    "xsd:gYear": (_DATE, "2024"),
    "xsd:integer": (r"[+-]?\d+", "5"),
    "xsd:decimal": (r"[+-]?(\d+(\.\d*)?|\.\d+)", "3.5"),
    "xsd:boolean": (r"true|false|1|0", "true"),
    "iri": (r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*", "https://w3id.org/diplomacy-kg/id/country/russland"),
}


def _example(query: NamedQuery) -> str:
    name, type_ = query.params[0]
    return f"{name}={_PARAM_TYPES[type_][1]}"


def to_term(value: str, type_: str, *, name: str, query: str) -> Identifier:
    """A typed RDF term for a parameter value.

    Raises:
        QueryParamError: the value is not valid for the declared type.
    """
    pattern, example = _PARAM_TYPES[type_]
    if not re.fullmatch(pattern, value, flags=re.DOTALL):
        raise QueryParamError(
            f"parameter {name} of query {query!r} must be {type_} like {example}; got {value!r}"
        )
    if type_ == "iri":
        return URIRef(value)
    if type_ == "xsd:string":
        return Literal(value)
    return Literal(value, datatype=XSD[type_.split(":", 1)[1]])


def bind_params(query: NamedQuery, params: Mapping[str, str]) -> dict[str, Identifier]:
    """Check parameter names against the header and convert the values.

    Raises:
        QueryParamError: an undeclared name or an invalid value.
    """
    declared = dict(query.params)
    for name in params:
        if name not in declared:
            if not declared:
                raise QueryParamError(f"query {query.name!r} takes no parameters; got {name!r}")
            raise QueryParamError(
                f"query {query.name!r} takes parameters [{', '.join(declared)}]; got {name!r}. "
                f"Use --param {_example(query)}"
            )
    return {k: to_term(v, declared[k], name=k, query=query.name) for k, v in params.items()}


def run_query(store: Store, query: NamedQuery, params: Mapping[str, str] | None = None) -> QueryResult:
    """Bind the parameters and run a named query.

    Args:
        store: where to run it.
        query: from ``discover`` or ``load_query_file``.
        params: parameter name -> value text, as given on the command line.

    Raises:
        QueryParamError: an undeclared parameter or a bad value.
        QuerySyntaxError: the SPARQL does not parse (the message names the file).
    """
    substitutions = bind_params(query, params or {})
    try:
        return store.query(query.sparql, substitutions=substitutions or None)
    except QuerySyntaxError as exc:
        raise QuerySyntaxError(f"{query.path}: {exc}") from None


# --------------------------------------------------------------------------
# Serialisation: one code path for every store
# --------------------------------------------------------------------------


def _json_term(term: Term) -> dict[str, str]:
    out = {"type": term.kind, "value": term.value}
    if term.lang:
        out["xml:lang"] = term.lang
    elif term.kind == "literal" and term.datatype and term.datatype not in (XSD_STRING, RDF_LANG_STRING):
        out["datatype"] = term.datatype
    return out


def to_json(result: QueryResult) -> str:
    """W3C SPARQL 1.1 Query Results JSON, and nothing else (ends with a newline)."""
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def to_csv(result: QueryResult) -> str:
    """W3C SPARQL 1.1 Query Results CSV: lexical values, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if t is None else _plain(t) for t in row])
    return out.getvalue()


def _ntriples(term: Term) -> str:
    if term.kind == "uri":
        return f"<{term.value}>"
    if term.kind == "bnode":
        return f"_:{term.value}"
    escaped = (term.value.replace("\\", "\\\\").replace('"', '\\"')
               .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"))
    if term.lang:
        return f'"{escaped}"@{term.lang}'
    if term.datatype and term.datatype != XSD_STRING:
        return f'"{escaped}"^^<{term.datatype}>'
    return f'"{escaped}"'


def to_tsv(result: QueryResult) -> str:
    """W3C SPARQL 1.1 Query Results TSV: terms in N-Triples syntax."""
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join("" if t is None else _ntriples(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _plain(term: Term) -> str:
    return f"_:{term.value}" if term.kind == "bnode" else term.value


def _width(text: str) -> int:
    # Wide East Asian characters take two cells, combining marks none.
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def _cell(term: Term | None, limit: int) -> str:
    text = "" if term is None else " ".join(_plain(term).split())
    # IRIs stay whole: a shortened identifier is useless.
    if term is None or term.kind != "literal" or len(text) <= limit:
        return text
    return text[: limit - 1] + "…"


def to_table(result: QueryResult, *, max_width: int = 60) -> str:
    """An aligned plain-text table for people, with a row count."""
    header = list(result.variables)
    cells = [[_cell(t, max_width) for t in row] for row in result.rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(header)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(header), line(["-" * w for w in widths])] + [line(r) for r in cells]
    count = len(cells)
    out.append(f"({count} row{'' if count == 1 else 's'})")
    return "\n".join(out) + "\n"


FORMATS: Mapping[str, Callable[[QueryResult], str]] = {
    "json": to_json,
    "csv": to_csv,
    "tsv": to_tsv,
    "table": to_table,
}


def serialize(result: QueryResult, fmt: str) -> str:
    """The result in one of ``FORMATS`` (json, csv, tsv, table).

    Raises:
        QueryError: an unknown format name.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown result format {fmt!r}; use {', '.join(FORMATS)}")
    return FORMATS[fmt](result)


def rows(result: QueryResult) -> list[dict[str, str]]:
    """Rows as ``{variable: lexical value}`` (unbound variables left out), for views."""
    return result.records()
