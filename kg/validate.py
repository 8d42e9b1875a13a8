"""The check stage: validate a graph against ``ontology/shapes.ttl`` with pySHACL."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pyshacl
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import SH

from kg.errors import OntologyError

if TYPE_CHECKING:  # only the protocol: validation works on any store's dump
    from kg.store import Store

__all__ = ["ShapeResult", "ValidationReport", "validate", "validate_store"]


class ShapeResult(NamedTuple):
    """One violation: the node, the property path and what is wrong."""

    focus: str
    path: str
    message: str


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of a SHACL validation, sorted so that it is deterministic."""

    conforms: bool
    results: tuple[ShapeResult, ...] = ()

    def lines(self) -> list[str]:
        """One line per violation (focus, path, message), then a summary line."""
        out = [f"{r.focus}  {r.path}  {r.message}" for r in self.results]
        n = len(self.results)
        out.append("Conforms." if self.conforms else f"{n} violation{'' if n == 1 else 's'}.")
        return out

    def text(self) -> str:
        """The lines of the report as one text."""
        return "\n".join(self.lines()) + "\n"


def _load(path: Path, what: str) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except (OSError, ValueError, SyntaxError) as exc:  # rdflib raises BadSyntax (a SyntaxError)
        raise OntologyError(f"cannot read the {what} at {path}: {exc}") from None


def _data_graph(data: Graph | Dataset, ontology: Graph) -> Graph:
    # Shapes look at facts and entities together, as the queries do: validate
    # the union of the named graphs. The ontology is added because controlled
    # values are checked by their skos:inScheme (pySHACL's ont_graph is only
    # mixed in when it runs inference).
    union = Graph()
    quads = data.quads((None, None, None, None)) if isinstance(data, Dataset) else (
        (s, p, o, None) for s, p, o in data)
    for s, p, o, _ in quads:
        union.add((s, p, o))
    for triple in ontology:
        union.add(triple)
    return union


def _short(term: object, graph: Graph) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term)
        except Exception:  # rdflib raises several types for odd IRIs
            return str(term)
    return str(term)


def validate(
    data: Graph | Dataset, shapes_path: Path, *, ontology_path: Path | None = None
) -> ValidationReport:
    """Validate a graph or dataset against SHACL shapes.

    Args:
        data: the built graph (``kg.rdf.to_dataset``) or any rdflib graph.
        shapes_path: ``ontology/shapes.ttl``.
        ontology_path: the ontology whose concept schemes the shapes check
            controlled values against; defaults to ``kg.ttl`` beside the shapes.

    Returns:
        The report; ``conforms`` is False if there is any violation.

    Raises:
        OntologyError: the shapes or the ontology cannot be read.
    """
    shapes_path = Path(shapes_path)
    shapes = _load(shapes_path, "SHACL shapes")
    ontology = _load(Path(ontology_path or shapes_path.with_name("kg.ttl")), "ontology")
    conforms, report, _ = pyshacl.validate(
        _data_graph(data, ontology), shacl_graph=shapes, inference="none", inplace=True
    )
    results = []
    # Only top-level results: nested ones (sh:detail) repeat them.
    for result in report.objects(None, SH.result):
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        component = report.value(result, SH.sourceConstraintComponent)
        results.append(ShapeResult(
            focus=str(report.value(result, SH.focusNode)),
            path=_short(report.value(result, SH.resultPath), shapes),
            message="; ".join(messages) or _short(component, shapes),
        ))
    return ValidationReport(bool(conforms), tuple(sorted(set(results))))


def validate_store(
    store: Store, shapes_path: Path, *, ontology_path: Path | None = None
) -> ValidationReport:
    """Validate what a store holds (``kg validate``); see ``validate``.

    Raises:
        OntologyError: the shapes or the ontology cannot be read.
        StoreError: the store cannot be read.
    """
    dataset = Dataset()
    with warnings.catch_warnings():
        # rdflib 7's own N-Quads parser still calls its deprecated Dataset.default_context.
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.parse(data=store.dump_nquads(), format="nquads")
    return validate(dataset, shapes_path, ontology_path=ontology_path)
