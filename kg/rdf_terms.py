"""Literals and fact attributes for the build stage: typed dates, numbers
and booleans, and the one table from a claim's attribute keys to the
ontology's properties. Part of :mod:`kg.rdf`, which makes every triple."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import UnknownTerm
from kg.factkinds import SPECS
from kg.model import FactKind, PartialDate
from kg.namespaces import KG, concept_iri

_Attr = Callable[[FactKind, str, str], tuple[URIRef, Literal | URIRef]]


# --------------------------------------------------------------------------
# Literals
# --------------------------------------------------------------------------


def date_literal(date: PartialDate) -> Literal:
    """A typed literal at the precision the text supports.

    >>> date_literal(PartialDate(2024, 6)).datatype == XSD.gYearMonth
    True
    """
    if date.month is None:
        datatype = XSD.gYear
    elif date.day is None:
        datatype = XSD.gYearMonth
    else:
        datatype = XSD.date
    return Literal(date.iso(), datatype=datatype)


def decimal_literal(text: str, *, what: str) -> Literal:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise UnknownTerm(f"{what}: {text!r} is not a decimal number") from None
    if not value.is_finite():
        raise UnknownTerm(f"{what}: {text!r} is not a finite decimal number")
    # format "f" turns 3.5E+9 into 3500000000: xsd:decimal has no exponent.
    return Literal(format(value, "f"), datatype=XSD.decimal)


def _integer(text: str, *, what: str) -> Literal:
    try:
        return Literal(str(int(text.strip())), datatype=XSD.integer)
    except ValueError:
        raise UnknownTerm(f"{what}: {text!r} is not an integer") from None


_TRUE = {"true", "1", "yes"}
_FALSE = {"false", "0", "no"}


def _boolean(text: str, *, what: str) -> Literal:
    word = text.strip().lower()
    if word not in _TRUE | _FALSE:
        raise UnknownTerm(f"{what}: {text!r} is not a boolean (use 'true' or 'false')")
    return Literal("true" if word in _TRUE else "false", datatype=XSD.boolean)


def offset_literal(value: int) -> Literal:
    return Literal(str(int(value)), datatype=XSD.nonNegativeInteger)


# --------------------------------------------------------------------------
# Fact attributes: the one table from attribute keys to ontology properties
# --------------------------------------------------------------------------


def _concept(kind: FactKind, key: str, value: str) -> URIRef:
    try:
        return concept_iri(value)
    except AttributeError:
        raise UnknownTerm(
            f"attribute {key}={value!r} of a {kind.value} names no term of the ontology; "
            "add it to ontology/kg.ttl and rerun scripts/gen_vocab.py"
        ) from None


def _literal_attr(prop: URIRef, convert: Callable[..., Literal] | None = None) -> _Attr:
    def build(kind: FactKind, key: str, value: str) -> tuple[URIRef, Literal | URIRef]:
        what = f"attribute {key} of a {kind.value}"
        return prop, (convert(value, what=what) if convert else Literal(value))

    return build


def _concept_attr(prop: URIRef) -> _Attr:
    return lambda kind, key, value: (prop, _concept(kind, key, value))


def _kind_attr(kind: FactKind, key: str, value: str) -> tuple[URIRef, Literal | URIRef]:
    # "kind" means a different scheme per fact class.
    prop = SPECS[kind].kind_property
    if prop is None:
        raise UnknownTerm(f"attribute kind={value!r} is not defined for a {kind.value}")
    return KG[prop], _concept(kind, key, value)


_ATTRIBUTES: Mapping[str, _Attr] = {
    "ordinal": _literal_attr(KG.ordinal, _integer),
    "count": _literal_attr(KG.count, _integer),
    "count_qualifier": _literal_attr(KG.countQualifier),
    "kind": _kind_attr,
    "mode": _concept_attr(KG.mode),
    "office": _concept_attr(KG.office),
    "stance": _concept_attr(KG.stance),
    "measure": _concept_attr(KG.measure),
    "topic": _literal_attr(KG.topic),
    "quote": _literal_attr(KG.quote),
    "value": _literal_attr(KG.value, decimal_literal),
    "unit": _literal_attr(KG.unit),
    "qualifier": _literal_attr(KG.qualifier),
    "former": _literal_attr(KG.former, _boolean),
    "accepted": _literal_attr(KG.accepted, _boolean),
    "negated": _literal_attr(KG.negated, _boolean),
    "planned": _literal_attr(KG.planned, _boolean),
}


def attribute_triples(
    kind: FactKind, attributes: Iterable[tuple[str, str]]
) -> list[tuple[URIRef, Literal | URIRef]]:
    out = []
    for key, value in attributes:
        if key not in _ATTRIBUTES:
            raise UnknownTerm(
                f"attribute {key!r} (value {value!r}) of a {kind.value} has no property in the "
                f"ontology; known attributes: {', '.join(sorted(_ATTRIBUTES))}"
            )
        out.append(_ATTRIBUTES[key](kind, key, value))
    return out


def time_triples(when: PartialDate | None, until: PartialDate | None) -> list[tuple[URIRef, Literal]]:
    out = []
    if when is not None:
        out.append((KG.date, date_literal(when)))
    if until is not None:
        out.append((KG.endDate, date_literal(until)))
    return out
