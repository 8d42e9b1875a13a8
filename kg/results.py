"""Query results as text: SPARQL 1.1 Results JSON, CSV and TSV, aligned tables
for people, and Turtle or N-Triples for the triples of CONSTRUCT and DESCRIBE.

One code path for every store: both return a ``kg.store.QueryResult``. JSON,
CSV and TSV are exact (the W3C formats); only the table, meant to be read,
hides identifier columns and groups the digits of large numbers.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Mapping

import pyoxigraph as ox

from kg.errors import QueryError
from kg.store import RDF_LANG_STRING, READABLE_PREFIXES, XSD_STRING, QueryResult, Term

__all__ = [
    "FORMATS",
    "GRAPH_FORMATS",
    "serialize",
    "to_csv",
    "to_json",
    "to_ntriples",
    "to_table",
    "to_tsv",
    "to_turtle",
]

XSD = "http://www.w3.org/2001/XMLSchema#"


def _json_term(term: Term) -> dict[str, str]:
    out = {"type": term.kind, "value": term.value}
    if term.lang:
        out["xml:lang"] = term.lang
    elif term.kind == "literal" and term.datatype and term.datatype not in (XSD_STRING, RDF_LANG_STRING):
        out["datatype"] = term.datatype
    return out


def to_json(result: QueryResult) -> str:
    """W3C SPARQL 1.1 Query Results JSON, and nothing else (ends with a newline)."""
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean}, indent=2) + "\n"
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


# Numeric datatypes whose values the table groups in thousands.
_NUMERIC = frozenset(XSD + t for t in (
    "integer", "decimal", "int", "long", "short", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong"))
# Plain digits the contract queries give as text (amounts in base units). Four
# digits stay as they are: they are mostly years.
_DIGITS = re.compile(r"(-?)(\d{5,})(\.\d+)?")
# Identifier columns of the named queries: long IRIs a reader does not need.
ID_COLUMNS = frozenset({"fact", "entity", "claim"})


def readable_number(text: str) -> str:
    """``3500000000`` -> ``3,500,000,000``; anything else unchanged.

    >>> readable_number("3500000000.25"), readable_number("2024"), readable_number("-12345")
    ('3,500,000,000.25', '2024', '-12,345')
    """
    match = _DIGITS.fullmatch(text)
    if not match:
        return text
    sign, digits, fraction = match.groups()
    return f"{sign}{int(digits):,}{fraction or ''}"


def _cell(term: Term | None, limit: int) -> str:
    text = "" if term is None else " ".join(_plain(term).split())
    # IRIs stay whole: a shortened identifier is useless.
    if term is None or term.kind != "literal":
        return text
    if term.datatype in _NUMERIC or term.datatype == XSD_STRING:
        text = readable_number(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _shown(result: QueryResult, iri: bool) -> list[int]:
    """The columns a table shows: all with ``iri``, else all but identifier
    columns that hold only IRIs (unless nothing else would be left)."""
    every = list(range(len(result.variables)))
    if iri:
        return every
    hidden = {i for i, v in enumerate(result.variables) if v in ID_COLUMNS
              and all(row[i] is None or row[i].kind == "uri" for row in result.rows)}  # type: ignore[union-attr]
    return [i for i in every if i not in hidden] or every


def to_table(result: QueryResult, *, max_width: int = 60, iri: bool = False) -> str:
    """An aligned plain-text table for people, with a row count.

    Large numbers are grouped in thousands; the ``fact``/``entity`` IRI
    columns are left out unless ``iri``. An ASK result is ``true`` or ``false``.
    """
    if result.boolean is not None:
        return "true\n" if result.boolean else "false\n"
    if result.triples is not None:
        return to_turtle(result)
    columns = _shown(result, iri)
    header = [result.variables[i] for i in columns]
    cells = [[_cell(row[i], max_width) for i in columns] for row in result.rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(header)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(header), line(["-" * w for w in widths])] + [line(r) for r in cells]
    count = len(cells)
    out.append(f"({count} row{'' if count == 1 else 's'})")
    return "\n".join(out) + "\n"


def _triples(result: QueryResult, fmt: str) -> bytes:
    if result.triples is None:
        raise QueryError(f"--format {fmt} is for CONSTRUCT and DESCRIBE queries; "
                         f"this query gives {'true/false' if result.form == 'ask' else 'rows'}: "
                         "use table, json, csv or tsv")
    return result.triples


def to_ntriples(result: QueryResult) -> str:
    """The triples of a CONSTRUCT or DESCRIBE result as sorted N-Triples."""
    return _triples(result, "ntriples").decode("utf-8")


def to_turtle(result: QueryResult) -> str:
    """The triples of a CONSTRUCT or DESCRIBE result as Turtle, with the project's prefixes."""
    data = _triples(result, "turtle")
    triples = list(ox.parse(data, ox.RdfFormat.N_TRIPLES))
    out = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=dict(READABLE_PREFIXES))
    return (out or b"").decode("utf-8")


def _boolean_text(result: QueryResult) -> str:
    return "true\n" if result.boolean else "false\n"


def _rows_only(writer: Callable[[QueryResult], str], fmt: str) -> Callable[[QueryResult], str]:
    def write(result: QueryResult) -> str:
        if result.triples is not None:
            raise QueryError(f"a CONSTRUCT or DESCRIBE query gives triples, not rows; "
                             f"use --format turtle or ntriples instead of {fmt}")
        if result.boolean is not None:  # W3C defines no CSV/TSV for ASK
            return _boolean_text(result)
        return writer(result)
    return write


FORMATS: Mapping[str, Callable[[QueryResult], str]] = {
    "json": to_json,
    "csv": _rows_only(to_csv, "csv"),
    "tsv": _rows_only(to_tsv, "tsv"),
    "table": to_table,
    "turtle": to_turtle,
    "ntriples": to_ntriples,
}
GRAPH_FORMATS = ("turtle", "ntriples")


def serialize(result: QueryResult, fmt: str | None = None, *, iri: bool = False) -> str:
    """The result in one of ``FORMATS``; ``None`` picks ``table`` for rows and
    true/false, ``turtle`` for triples.

    Raises:
        QueryError: an unknown format name, or one that does not fit the result
            (rows as Turtle, triples as CSV).
    """
    if fmt is None:
        fmt = "turtle" if result.triples is not None else "table"
    if fmt not in FORMATS:
        raise QueryError(f"unknown result format {fmt!r}; use {', '.join(FORMATS)}")
    if fmt == "json" and result.triples is not None:
        _rows_only(to_json, "json")(result)
    if fmt == "table":
        return to_table(result, iri=iri)
    return FORMATS[fmt](result)
