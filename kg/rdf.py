"""The build stage: ``Resolved`` -> an RDF dataset. Every triple of the project is made here.

Layout (see ``queries/README.md`` for how queries read it):

* named graph ``facts_graph_iri()``: entities and merged facts;
* one named graph ``graph_iri(doc_id)`` per article: the document node, its
  claims, the evidence spans they were read from and the entity mentions, so
  rebuilding one article replaces exactly one graph.

The dataset is deterministic: no blank nodes, no timestamps, no random ids;
the same ``Resolved`` gives the same sorted N-Quads byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import InputError
from kg.model import (
    Article,
    Claim,
    Entity,
    Evidence,
    Extraction,
    Fact,
    Mention,
    PartialDate,
    Resolved,
    Role,
)
from kg.namespaces import (
    DCTERMS,
    KG,
    PREFIXES,
    PROV,
    SCHEMA,
    SKOS,
    claim_iri,
    content_hash,
    doc_iri,
    entity_iri,
    evidence_iri,
    fact_iri,
    facts_graph_iri,
    graph_iri,
    wikidata_iri,
)
from kg.rdf_terms import attribute_triples, date_literal, decimal_literal, offset_literal, time_triples

__all__ = ["claim_node_iri", "fact_node_iri", "to_dataset", "to_nquads"]



# --------------------------------------------------------------------------
# IRIs of facts and claims (shared by the fact and the claim node)
# --------------------------------------------------------------------------


def _iso(date: PartialDate | None) -> str:
    return date.iso() if date else ""


def fact_node_iri(fact: Fact) -> URIRef:
    """IRI of a merged fact: a hash of its kind, roles, dates and attributes."""
    key = content_hash(
        fact.kind.value,
        *sorted(f"{role.value}={key}" for role, key in fact.roles),
        f"when={_iso(fact.when)}",
        f"until={_iso(fact.until)}",
        *sorted(f"{k}={v}" for k, v in fact.attributes),
    )
    return fact_iri(fact.kind, key)


def _claim_doc(claim: Claim) -> str | None:
    if claim.evidence is not None:
        return claim.evidence.doc_id
    docs = sorted({m.evidence.doc_id for _, m in claim.roles})
    return docs[0] if docs else None


def claim_node_iri(claim: Claim) -> URIRef | None:
    """IRI of one claim, or None if nothing says which article it comes from.

    The fact's ``kg:supportedBy`` and the claim node both call this, so the
    two always agree.
    """
    doc_id = _claim_doc(claim)
    if doc_id is None:
        return None
    ev = claim.evidence
    key = content_hash(
        claim.kind.value,
        *sorted(
            f"{r.value}={m.name}@{m.evidence.start}-{m.evidence.end}" for r, m in claim.roles
        ),
        f"when={_iso(claim.when)}",
        f"until={_iso(claim.until)}",
        *sorted(f"{k}={v}" for k, v in claim.attributes),
        f"evidence={ev.start}-{ev.end}" if ev else "evidence=",
        f"extractor={claim.extractor}",
    )
    return claim_iri(doc_id, key)


# --------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------


class _Index:
    """Look-ups the builders share: entities by key, articles by id, mentions."""

    def __init__(self, resolved: Resolved) -> None:
        self.entities: dict[str, Entity] = {}
        for e in resolved.entities:
            self.entities.setdefault(e.key, e)
        self.articles: dict[str, Article] = {a.doc_id: a for a in resolved.articles}
        for x in resolved.extractions:
            self.articles.setdefault(x.article.doc_id, x.article)
        self.mention_keys: dict[Mention, str] = dict(resolved.mention_keys)

    def entity(self, key: str | None) -> URIRef | None:
        e = self.entities.get(key) if key else None
        return entity_iri(e.type, e.key) if e else None

    def mention_entity(self, mention: Mention) -> URIRef | None:
        return self.entity(self.mention_keys.get(mention))


def _add_entity(g: Graph, e: Entity, index: _Index) -> None:
    node = entity_iri(e.type, e.key)
    g.add((node, RDF.type, getattr(KG, e.type.value)))
    g.add((node, RDFS.label, Literal(e.label)))
    for alias in sorted(e.aliases - {e.label}):
        g.add((node, SKOS.altLabel, Literal(alias)))
    if e.wikidata:
        g.add((node, KG.wikidata, Literal(e.wikidata)))
        g.add((node, OWL.sameAs, wikidata_iri(e.wikidata)))
    if e.iso:
        g.add((node, KG.iso, Literal(e.iso)))
    for prop, key in ((KG.locatedIn, e.located_in), (KG.affiliation, e.affiliation)):
        target = index.entity(key)
        if target is not None:  # a key the resolver did not keep: nothing to link
            g.add((node, prop, target))
    for doc_id in sorted(e.sources):
        g.add((node, KG.source, doc_iri(doc_id)))


def _add_fact(g: Graph, fact: Fact, index: _Index) -> None:
    node = fact_node_iri(fact)
    g.add((node, RDF.type, getattr(KG, fact.kind.value)))
    for role, key in fact.roles:
        target = index.entity(key)
        if target is not None:
            g.add((node, _role_property(role), target))
    for p, o in time_triples(fact.when, fact.until) + attribute_triples(fact.kind, fact.attributes):
        g.add((node, p, o))
    for doc_id in sorted(fact.sources):
        g.add((node, KG.source, doc_iri(doc_id)))
    for claim in fact.claims:
        claim_node = claim_node_iri(claim)
        if claim_node is not None:
            g.add((node, KG.supportedBy, claim_node))


def _role_property(role: Role) -> URIRef:
    return URIRef(getattr(KG, role.value))


def _add_span(g: Graph, article: Article | None, doc_id: str, start: int, end: int) -> URIRef:
    """Begin, end and anchor text of a character span; returns its IRI."""
    node = evidence_iri(doc_id, start, end)
    g.add((node, KG.inDocument, doc_iri(doc_id)))
    g.add((node, KG.beginIndex, offset_literal(start)))
    g.add((node, KG.endIndex, offset_literal(end)))
    if article is not None:
        if not 0 <= start <= end <= len(article.text):
            raise InputError(
                f"evidence {doc_id}#char={start},{end} lies outside the article text "
                f"({len(article.text)} characters); the extractor produced a bad offset"
            )
        g.add((node, KG.anchorOf, Literal(article.text[start:end])))
    return node


def _add_evidence(g: Graph, ev: Evidence, article: Article | None, cls: URIRef) -> URIRef:
    node = _add_span(g, article, ev.doc_id, ev.start, ev.end)
    g.add((node, RDF.type, cls))
    if ev.sent_end > ev.sent_start:  # (0, 0) means the sentence is unknown
        sentence = _add_span(g, article, ev.doc_id, ev.sent_start, ev.sent_end)
        g.add((sentence, RDF.type, KG.Evidence))
        g.add((node, KG.sentence, sentence))
    return node


def _add_document(g: Graph, article: Article) -> None:
    doc = doc_iri(article.doc_id)
    g.add((doc, RDF.type, KG.Document))
    g.add((doc, KG.docId, Literal(article.doc_id)))
    if article.published is not None:
        # kg:published is what the contract queries read; dcterms:issued says
        # the same to any Dublin Core client
        g.add((doc, KG.published, date_literal(article.published)))
        g.add((doc, DCTERMS.issued, date_literal(article.published)))
    if article.title:
        g.add((doc, DCTERMS.title, Literal(article.title)))
    if article.source:
        g.add((doc, DCTERMS.source, Literal(article.source)))
    g.add((doc, SCHEMA.text, Literal(article.text)))


def _add_mention(g: Graph, mention: Mention, entity: URIRef | None, index: _Index) -> None:
    article = index.articles.get(mention.evidence.doc_id)
    node = _add_evidence(g, mention.evidence, article, KG.Mention)
    if entity is not None:
        g.add((node, KG.refersTo, entity))


def _add_claim(g: Graph, claim: Claim, index: _Index) -> None:
    node = claim_node_iri(claim)
    doc_id = _claim_doc(claim)
    if node is None or doc_id is None:
        return
    doc = doc_iri(doc_id)
    g.add((node, RDF.type, KG.Claim))
    g.add((node, KG.claimOf, getattr(KG, claim.kind.value)))
    g.add((node, KG.inDocument, doc))
    g.add((node, PROV.wasDerivedFrom, doc))
    if claim.evidence is not None:
        ev = _add_evidence(g, claim.evidence, index.articles.get(doc_id), KG.Evidence)
        g.add((node, KG.evidence, ev))
    if claim.extractor:
        g.add((node, KG.extractor, Literal(claim.extractor)))
    g.add((node, KG.confidence, decimal_literal(repr(float(claim.confidence)), what="claim confidence")))
    for role, mention in claim.roles:
        target = index.mention_entity(mention)
        if target is not None:  # an unresolved mention has no entity to point to
            g.add((node, _role_property(role), target))
    for p, o in time_triples(claim.when, claim.until) + attribute_triples(claim.kind, claim.attributes):
        g.add((node, p, o))


def to_dataset(resolved: Resolved) -> Dataset:
    """Build the RDF dataset of a resolved corpus.

    Args:
        resolved: the ``kg.model.Resolved`` corpus (entities, facts, extractions).

    Returns:
        An rdflib ``Dataset`` with the facts graph and one graph per article.

    Raises:
        UnknownTerm: an attribute key or controlled value is not in the ontology.
        InputError: an evidence span lies outside its article's text.
    """
    ds = Dataset()
    for prefix, ns in PREFIXES:
        ds.bind(prefix, ns, override=True)
    for graph in to_graphs(resolved):
        named = ds.graph(graph.identifier)
        for triple in graph:
            named.add(triple)
    return ds


def to_graphs(resolved: Resolved) -> Iterator[Graph]:
    """The graphs of :func:`to_dataset` one at a time: the facts graph, then
    one per article. A corpus need never be held as one rdflib ``Dataset``
    (rdflib keeps several indexes per triple: about 1 GB for 10^5 quads).

    Raises: as :func:`to_dataset`.
    """
    index = _Index(resolved)
    facts = Graph(identifier=facts_graph_iri())
    for entity in resolved.entities:
        _add_entity(facts, entity, index)
    for fact in resolved.facts:
        _add_fact(facts, fact, index)
    yield facts
    by_doc: dict[str, list[Extraction]] = {}
    for extraction in resolved.extractions:
        by_doc.setdefault(extraction.article.doc_id, []).append(extraction)
    for doc_id, article in index.articles.items():
        g = Graph(identifier=graph_iri(doc_id))
        _add_document(g, article)
        for extraction in by_doc.get(doc_id, ()):
            for mention in extraction.mentions:
                _add_mention(g, mention, index.mention_entity(mention), index)
            for claim in extraction.claims:
                _add_claim(g, claim, index)
        yield g


def to_nquads(ds: Dataset | Iterable[Graph]) -> bytes:
    """Sorted, de-duplicated N-Quads: the canonical text of a blank-node-free
    dataset, or of its graphs one at a time (:func:`to_graphs`)."""
    lines: set[bytes] = set()
    for graph in ds.graphs() if isinstance(ds, Dataset) else ds:
        # rdflib's N-Triples writer escapes literals correctly; adding the graph
        # name before the final " ." makes each line an N-Quads line.
        label = b"" if graph.identifier == DATASET_DEFAULT_GRAPH_ID else b" " + graph.identifier.n3().encode()
        data = graph.serialize(format="nt", encoding="utf-8")
        # Split on b"\n" only: literals escape \n, but may hold U+2028 raw.
        for line in data.split(b"\n"):
            if line.strip():
                lines.add(line.rstrip()[:-1].rstrip() + label + b" .")
    return b"".join(line + b"\n" for line in sorted(lines))
