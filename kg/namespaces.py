"""The only place where strings become IRIs.

Every IRI is deterministic: a slug of the entity key, or a hash of a fact's
normalised content, so rebuilding the same articles gives the same graph.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from rdflib import Namespace, URIRef

from kg.model import EntityType, FactKind
from kg.vocab import KG

__all__ = [
    "KG",
    "ID",
    "PREFIXES",
    "PROV",
    "SKOS",
    "SCHEMA",
    "DCTERMS",
    "entity_iri",
    "fact_iri",
    "claim_iri",
    "doc_iri",
    "evidence_iri",
    "graph_iri",
    "facts_graph_iri",
    "concept_iri",
    "wikidata_iri",
    "content_hash",
]

ID = Namespace("https://w3id.org/diplomacy-kg/id/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SCHEMA = Namespace("https://schema.org/")
DCTERMS = Namespace("http://purl.org/dc/terms/")

# Prefixes bound in serialisations (TriG, the dataset) for people to read.
PREFIXES = (
    ("kg", str(KG._NS)),
    ("id", str(ID)),
    ("prov", str(PROV)),
    ("skos", str(SKOS)),
    ("schema", str(SCHEMA)),
    ("dcterms", str(DCTERMS)),
)

_SAFE = re.compile(r"[^A-Za-z0-9._~-]")


def _segment(text: str) -> str:
    # Keys are slugs already; percent-encoding guards against anything else
    # so that an odd document id can never break the IRI.
    return quote(text, safe="-._~") if _SAFE.search(text) else text


def content_hash(*parts: str, length: int = 16) -> str:
    """A short, stable hash of normalised content.

    >>> len(content_hash("visit", "putin", "vietnam"))
    16
    """
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


def entity_iri(type_: EntityType, key: str) -> URIRef:
    """IRI of a resolved entity.

    >>> str(entity_iri(EntityType.PERSON, "wladimir-putin"))
    'https://w3id.org/diplomacy-kg/id/person/wladimir-putin'
    """
    return ID[f"{type_.value.lower()}/{_segment(key)}"]


def fact_iri(kind: FactKind, content_key: str) -> URIRef:
    """IRI of a merged fact, from a hash of its identifying content.

    >>> str(fact_iri(FactKind.VISIT, "abc"))
    'https://w3id.org/diplomacy-kg/id/fact/visit/abc'
    """
    return ID[f"fact/{kind.value.lower()}/{_segment(content_key)}"]


def doc_iri(doc_id: str) -> URIRef:
    """IRI of an article.

    >>> str(doc_iri("000_ce1b220868c8c45c"))
    'https://w3id.org/diplomacy-kg/id/doc/000_ce1b220868c8c45c'
    """
    return ID[f"doc/{_segment(doc_id)}"]


def claim_iri(doc_id: str, content_key: str) -> URIRef:
    """IRI of one claim of one article."""
    return ID[f"claim/{_segment(doc_id)}/{_segment(content_key)}"]


def evidence_iri(doc_id: str, start: int, end: int) -> URIRef:
    """IRI of a character span, as an RFC 5147 fragment on the document IRI.

    >>> str(evidence_iri("a", 3, 9))
    'https://w3id.org/diplomacy-kg/id/doc/a#char=3,9'
    """
    return URIRef(f"{doc_iri(doc_id)}#char={int(start)},{int(end)}")


def graph_iri(doc_id: str) -> URIRef:
    """Named graph holding one article's claims, mentions and evidence."""
    return ID[f"graph/doc/{_segment(doc_id)}"]


def facts_graph_iri() -> URIRef:
    """Named graph holding entities and facts merged across articles."""
    return ID["graph/facts"]


def wikidata_iri(qid: str) -> URIRef:
    """IRI of a Wikidata item.

    >>> str(wikidata_iri("Q159"))
    'http://www.wikidata.org/entity/Q159'
    """
    if not re.fullmatch(r"Q[1-9][0-9]*", qid):
        raise ValueError(f"not a Wikidata item id: {qid!r}")
    return URIRef(f"http://www.wikidata.org/entity/{qid}")


def concept_iri(local_name: str) -> URIRef:
    """IRI of a controlled term of the ontology; raises AttributeError for an
    unknown term because ``KG`` fails on undefined names."""
    return URIRef(getattr(KG, local_name))
