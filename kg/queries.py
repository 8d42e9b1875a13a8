"""The query stage: named ``.rq`` files, parameter binding, running them.

A query is a file (``queries/NAME.rq``); its name is the file stem. Any form
runs (SELECT, ASK, CONSTRUCT, DESCRIBE); :mod:`kg.results` writes the
results. A grlc-style header describes it::

    #+ summary: Every fact an entity takes part in.
    #+ returns: [label, role, kind, date, source, fact]
    #+ params: {label: label, since?: xsd:date}

Every declared parameter is required unless its name ends in ``?``. A
``label`` parameter names an entity as a person types it: it matches an
entity's label or other names ignoring case and accents, and is bound to the
label the store holds. Parameters are converted to typed RDF terms and
handed to the store as substitutions, never pasted into the SPARQL text.
See ``queries/README.md``.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from kg.errors import QueryError, QueryParamError, QuerySyntaxError, UnknownQuery
from kg.normalize import fold, names_matching
from kg.results import FORMATS, serialize, to_csv, to_json, to_table, to_tsv
from kg.settings import PROJECT_ROOT
from kg.store import QueryResult, Store

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

# Queries the library itself runs (not listed by ``kg queries``).
LIBRARY_DIR = PROJECT_ROOT / "queries" / "lib"


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A SPARQL query read from a ``.rq`` file.

    ``params`` maps each declared parameter to its type (``xsd:date``, ...,
    ``iri`` or ``label``), in the order the header lists them; those in
    ``optional`` may be left out, the others are required.
    """

    name: str
    summary: str
    returns: tuple[str, ...]
    params: tuple[tuple[str, str], ...]
    sparql: str
    path: Path
    optional: frozenset[str] = frozenset()

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.params if name not in self.optional)


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
    params, optional = [], set()
    for item in _split_list(header.get("params", ""), "{", "}"):
        name, _, type_ = (part.strip() for part in item.partition(":"))
        if name.endswith("?"):
            name = name[:-1].strip()
            optional.add(name)
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
        optional=frozenset(optional),
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
    "label": (r".*\S.*", "Russland"),
    "xsd:date": (_DATE + r"-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", "2024-06-01"),
    "xsd:gYearMonth": (_DATE + r"-(0[1-9]|1[0-2])", "2024-06"),
    "xsd:gYear": (_DATE, "2024"),
    "xsd:integer": (r"[+-]?\d+", "5"),
    "xsd:decimal": (r"[+-]?(\d+(\.\d*)?|\.\d+)", "3.5"),
    "xsd:boolean": (r"true|false|1|0", "true"),
    "iri": (r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*", "https://w3id.org/diplomacy-kg/id/country/russland"),
}


def _example(query: NamedQuery, name: str | None = None) -> str:
    name = name or query.params[0][0]
    return f"{name}={_PARAM_TYPES[dict(query.params)[name]][1]}"


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
    if type_ in ("xsd:string", "label"):
        return Literal(value)
    return Literal(value, datatype=XSD[type_.split(":", 1)[1]])


def check_params(query: NamedQuery, params: Mapping[str, str]) -> None:
    """Every name is declared and every required parameter is given.

    Raises:
        QueryParamError: an undeclared name or a missing required one.
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
    missing = [name for name in query.required if name not in params]
    if missing:
        listed = ", ".join(f"{n} ({'an entity name' if declared[n] == 'label' else declared[n]})"
                           for n in missing)
        raise QueryParamError(
            f"query {query.name!r} needs parameter{'s' if len(missing) > 1 else ''} {listed}; "
            f"e.g. --param {_example(query, missing[0])}"
        )


def bind_params(query: NamedQuery, params: Mapping[str, str]) -> dict[str, Identifier]:
    """Check parameter names against the header and convert the values.

    Raises:
        QueryParamError: an undeclared name, a missing required one or an invalid value.
    """
    check_params(query, params)
    declared = dict(query.params)
    return {k: to_term(v, declared[k], name=k, query=query.name) for k, v in params.items()}


def entity_names(store: Store) -> dict[str, list[str]]:
    """Each entity's label followed by its other names, keyed by label."""
    names: dict[str, list[str]] = {}
    result = store.query(load_query_file(LIBRARY_DIR / "entity_names.rq").sparql)
    for record in result.records():
        of_label = names.setdefault(record["label"], [record["label"]])
        if record.get("name") and record["name"] not in of_label:
            of_label.append(record["name"])
    return names


def resolve_labels(store: Store, query: NamedQuery, params: Mapping[str, str]) -> list[dict[str, str]]:
    """The parameter sets to run: each ``label`` parameter replaced by the
    labels it matches (case and accents ignored, other names too).

    A name shared by several entities gives one set per entity.

    Raises:
        QueryParamError: a label that no entity has (with close names as hints).
    """
    label_params = [k for k, t in query.params if t == "label" and k in params]
    if not label_params:
        return [dict(params)]
    names = entity_names(store)
    choices: list[list[str]] = []
    for key in label_params:
        exact, partial = names_matching(params[key], names)
        if not exact:
            close = partial[:5] or difflib.get_close_matches(
                fold(params[key]), {fold(n): n for n in names}, n=3, cutoff=0.75)
            hint = f"; did you mean {', '.join(repr(_unfold(c, names)) for c in close)}?" if close else ""
            raise QueryParamError(f"no entity is named {params[key]!r} (labels and other names, "
                                  f"ignoring case and accents){hint}")
        choices.append(exact)
    return [dict(params) | dict(zip(label_params, combo, strict=True))
            for combo in itertools.product(*choices)]


def _unfold(folded_or_label: str, names: Mapping[str, Sequence[str]]) -> str:
    if folded_or_label in names:
        return folded_or_label
    return next((n for n in names if fold(n) == folded_or_label), folded_or_label)


def run_query(store: Store, query: NamedQuery, params: Mapping[str, str] | None = None) -> QueryResult:
    """Bind the parameters and run a query of any form.

    Args:
        store: where to run it.
        query: from ``discover`` or ``load_query_file``.
        params: parameter name -> value text, as given on the command line.

    Raises:
        QueryParamError: an undeclared or missing parameter, a bad value, or
            a label no entity has.
        QuerySyntaxError: the SPARQL does not parse (the message names the
            file, line and column and shows the line).
    """
    params = params or {}
    check_params(query, params)
    results = []
    for chosen in resolve_labels(store, query, params):
        substitutions = bind_params(query, chosen)
        try:
            results.append(store.query(query.sparql, substitutions=substitutions or None))
        except QuerySyntaxError as exc:
            raise QuerySyntaxError(locate_syntax_error(query, str(exc))) from None
    return _union(results)


def _union(results: list[QueryResult]) -> QueryResult:
    """One result of the runs of one query: rows in run order without repeats."""
    first = results[0]
    if len(results) == 1:
        return first
    if first.boolean is not None:
        return QueryResult(boolean=any(r.boolean for r in results))
    if first.triples is not None:
        lines = sorted({line for r in results for line in (r.triples or b"").splitlines(keepends=True)})
        return QueryResult(triples=b"".join(lines))
    rows = list(dict.fromkeys(row for r in results for row in r.rows))
    return QueryResult(first.variables, tuple(rows))


_POSITION = re.compile(r"error at (\d+):(\d+):\s*")


def locate_syntax_error(query: NamedQuery, message: str) -> str:
    """``FILE:LINE:COL: SPARQL syntax error: …`` and the line itself, with a
    caret under the column (engines report a 1-based line and column)."""
    match = _POSITION.search(message)
    detail = " ".join(message[match.end():].split()) if match else " ".join(message.split())
    if len(detail) > 160:
        detail = detail[:159] + "…"
    if not match:
        return f"{query.path}: SPARQL syntax error: {detail}"
    line, column = int(match.group(1)), int(match.group(2))
    lines = query.sparql.splitlines()
    if not 1 <= line <= len(lines):  # the end of the text
        line = max(len(lines), 1)
        column = len(lines[-1]) + 1 if lines else 1
    text = lines[line - 1] if lines else ""
    gutter = f"{line:>4} | "
    return (f"{query.path}:{line}:{column}: SPARQL syntax error: {detail}\n"
            f"{gutter}{text}\n{' ' * (len(gutter) - 2)}| {' ' * (column - 1)}^")


def rows(result: QueryResult) -> list[dict[str, str]]:
    """Rows as ``{variable: lexical value}`` (unbound variables left out), for views."""
    return result.records()
