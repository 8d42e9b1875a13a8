"""Tests of kg.rdf: Resolved -> dataset (facts graph + one graph per article)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.errors import InputError, UnknownTerm
from kg.model import (
    Article,
    Claim,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Fact,
    FactKind,
    Mention,
    PartialDate,
    Resolved,
    Role,
)
from kg.namespaces import (
    KG,
    PREFIXES,
    PROV,
    SCHEMA,
    SKOS,
    doc_iri,
    entity_iri,
    evidence_iri,
    facts_graph_iri,
    graph_iri,
)
from kg.rdf import claim_node_iri, fact_node_iri, to_dataset, to_nquads
from kg.store import to_trig

TEXT = "Putin reiste im Juni 2024 nach Vietnam. In Hanoi traf er To Lam."
DOC = "000_test"


def ev(needle: str, *, sentence: tuple[int, int] | None = None) -> Evidence:
    start = TEXT.index(needle)
    s0, s1 = sentence or ((0, 39) if start < 39 else (40, len(TEXT)))
    return Evidence(DOC, start, start + len(needle), 0 if s0 == 0 else 1, s0, s1)


PUTIN = Mention("Putin", EntityType.PERSON, ev("Putin"), "Wladimir Putin")
VIETNAM = Mention("Vietnam", EntityType.COUNTRY, ev("Vietnam"))
HANOI = Mention("Hanoi", EntityType.CITY, ev("Hanoi"))
TOLAM = Mention("To Lam", EntityType.PERSON, ev("To Lam"), "Tô Lâm")

VISIT_CLAIM = Claim(
    FactKind.VISIT, ((Role.VISITOR, PUTIN), (Role.DESTINATION, VIETNAM)),
    when=PartialDate(2024, 6), evidence=ev("reiste"), extractor="visits.v1", confidence=0.75,
)
MEETING_CLAIM = Claim(
    FactKind.MEETING, ((Role.PARTICIPANT, PUTIN), (Role.PARTICIPANT, TOLAM), (Role.PLACE, HANOI)),
    evidence=ev("traf"), extractor="meetings.v1",
)


def make_resolved(*, visit_attributes: tuple[tuple[str, str], ...] = (("ordinal", "2"),),
                  meeting_attributes: tuple[tuple[str, str], ...] = (("mode", "in_person"),)) -> Resolved:
    article = Article(DOC, TEXT, PartialDate(2024, 6, 20), "Putin in Vietnam", "seeds/000_test.txt")
    entities = (
        Entity("wladimir-putin", EntityType.PERSON, "Wladimir Putin", frozenset({"Putin"}), "Q7747",
               affiliation="russland", sources=frozenset({DOC})),  # russland is not resolved: no link
        Entity("vietnam", EntityType.COUNTRY, "Vietnam", wikidata="Q881", iso="VN",
               sources=frozenset({DOC})),
        Entity("hanoi", EntityType.CITY, "Hanoi", located_in="vietnam", sources=frozenset({DOC})),
        Entity("to-lam", EntityType.PERSON, "Tô Lâm", frozenset({"To Lam"}), sources=frozenset({DOC})),
    )
    facts = (
        Fact(FactKind.VISIT, ((Role.VISITOR, "wladimir-putin"), (Role.DESTINATION, "vietnam")),
             PartialDate(2024, 6, 20), PartialDate(2024, 6), visit_attributes, (VISIT_CLAIM,)),
        Fact(FactKind.MEETING, ((Role.PARTICIPANT, "wladimir-putin"), (Role.PARTICIPANT, "to-lam"),
                                (Role.PLACE, "hanoi")), PartialDate(2024), None, meeting_attributes,
             (MEETING_CLAIM,)),
    )
    mentions = (PUTIN, VIETNAM, HANOI, TOLAM)
    keys = (("wladimir-putin", PUTIN), ("vietnam", VIETNAM), ("hanoi", HANOI), ("to-lam", TOLAM))
    extraction = Extraction(article, mentions, (VISIT_CLAIM, MEETING_CLAIM))
    return Resolved((article,), entities, facts, (extraction,), tuple((m, k) for k, m in keys))


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return to_dataset(make_resolved())


def test_named_graphs(ds: Dataset) -> None:
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert names == {facts_graph_iri(), graph_iri(DOC)}
    doc = ds.graph(graph_iri(DOC))
    d = doc_iri(DOC)
    assert (d, RDF.type, KG.Document) in doc
    assert (d, KG.docId, Literal(DOC)) in doc
    assert (d, KG.published, Literal("2024-06-20", datatype=XSD.date)) in doc
    assert (d, SCHEMA.text, Literal(TEXT)) in doc


def test_entities(ds: Dataset) -> None:
    g = ds.graph(facts_graph_iri())
    putin = entity_iri(EntityType.PERSON, "wladimir-putin")
    assert (putin, RDF.type, KG.Person) in g
    assert (putin, RDFS.label, Literal("Wladimir Putin")) in g
    assert (putin, SKOS.altLabel, Literal("Putin")) in g
    assert (putin, KG.wikidata, Literal("Q7747")) in g
    assert (putin, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q7747")) in g
    assert (putin, KG.source, doc_iri(DOC)) in g
    assert not list(g.objects(putin, KG.affiliation))  # russland was not resolved
    hanoi = entity_iri(EntityType.CITY, "hanoi")
    assert (hanoi, KG.locatedIn, entity_iri(EntityType.COUNTRY, "vietnam")) in g
    assert (entity_iri(EntityType.COUNTRY, "vietnam"), KG.iso, Literal("VN")) in g


def test_fact_node_roles_and_typed_dates(ds: Dataset) -> None:
    g = ds.graph(facts_graph_iri())
    resolved = make_resolved()
    visit, meeting = (fact_node_iri(f) for f in resolved.facts)
    assert (visit, RDF.type, KG.Visit) in g
    assert (visit, KG.visitor, entity_iri(EntityType.PERSON, "wladimir-putin")) in g
    assert (visit, KG.destination, entity_iri(EntityType.COUNTRY, "vietnam")) in g
    assert (visit, KG.date, Literal("2024-06-20", datatype=XSD.date)) in g
    assert (visit, KG.endDate, Literal("2024-06", datatype=XSD.gYearMonth)) in g
    assert (visit, KG.ordinal, Literal("2", datatype=XSD.integer)) in g
    assert (visit, KG.source, doc_iri(DOC)) in g
    assert (meeting, KG.date, Literal("2024", datatype=XSD.gYear)) in g
    assert (meeting, KG.mode, KG.in_person) in g
    assert len(set(g.objects(meeting, KG.participant))) == 2
    assert str(visit).startswith("https://w3id.org/diplomacy-kg/id/fact/visit/")


def test_claims_are_linked_from_facts(ds: Dataset) -> None:
    facts, doc = ds.graph(facts_graph_iri()), ds.graph(graph_iri(DOC))
    resolved = make_resolved()
    for fact in resolved.facts:
        (claim,) = facts.objects(fact_node_iri(fact), KG.supportedBy)
        assert claim == claim_node_iri(fact.claims[0])
        assert (claim, RDF.type, KG.Claim) in doc
        assert (claim, KG.claimOf, getattr(KG, fact.kind.value)) in doc
        assert (claim, PROV.wasDerivedFrom, doc_iri(DOC)) in doc
    visit_claim = claim_node_iri(VISIT_CLAIM)
    assert (visit_claim, KG.visitor, entity_iri(EntityType.PERSON, "wladimir-putin")) in doc
    assert (visit_claim, KG.date, Literal("2024-06", datatype=XSD.gYearMonth)) in doc
    assert (visit_claim, KG.extractor, Literal("visits.v1")) in doc
    assert (visit_claim, KG.confidence, Literal("0.75", datatype=XSD.decimal)) in doc
    assert (visit_claim, KG.evidence, evidence_iri(DOC, 6, 12)) in doc


def test_evidence_offsets_and_anchor_text(ds: Dataset) -> None:
    doc = ds.graph(graph_iri(DOC))
    anchored = list(doc.subject_objects(KG.anchorOf))
    assert len(anchored) >= 6  # 4 mentions, 2 claim spans, 2 sentences
    for node, anchor in anchored:
        start = doc.value(node, KG.beginIndex)
        end = doc.value(node, KG.endIndex)
        assert start.datatype == XSD.nonNegativeInteger
        assert str(anchor) == TEXT[int(start):int(end)]
        assert node == evidence_iri(DOC, int(start), int(end))
        assert (node, KG.inDocument, doc_iri(DOC)) in doc
    hanoi = evidence_iri(DOC, TEXT.index("Hanoi"), TEXT.index("Hanoi") + 5)
    assert (hanoi, RDF.type, KG.Mention) in doc
    assert (hanoi, KG.refersTo, entity_iri(EntityType.CITY, "hanoi")) in doc
    sentence = doc.value(hanoi, KG.sentence)
    assert str(doc.value(sentence, KG.anchorOf)) == "In Hanoi traf er To Lam."


def test_no_blank_nodes(ds: Dataset) -> None:
    for quad in ds.quads((None, None, None, None)):
        assert not any(isinstance(term, BNode) for term in quad[:3])


def test_deterministic() -> None:
    first, second = to_dataset(make_resolved()), to_dataset(make_resolved())
    assert to_nquads(first) == to_nquads(second)
    for name in (facts_graph_iri(), graph_iri(DOC)):
        assert isomorphic(first.graph(name), second.graph(name))


def test_nquads_are_sorted_and_load_into_oxigraph(ds: Dataset) -> None:
    data = to_nquads(ds)
    lines = data.decode("utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(lines))
    quads = list(ox.parse(data, ox.RdfFormat.N_QUADS))
    assert len(quads) == len(lines) == sum(len(g) for g in ds.graphs())
    trig = to_trig(data, PREFIXES)
    assert "@prefix kg: <https://w3id.org/diplomacy-kg/ns#>" in trig
    back = ox.Dataset(ox.parse(trig.encode(), ox.RdfFormat.TRIG))
    assert len(back) == len(quads)


@pytest.mark.parametrize(
    ("attributes", "message"),
    [
        ((("colour", "red"),), "attribute 'colour'"),
        ((("mode", "teleport"),), "mode='teleport' of a Meeting names no term"),
        ((("kind", "treaty"),), "kind='treaty' is not defined for a Meeting"),
        ((("count", "many"),), "'many' is not an integer"),
    ],
)
def test_unknown_terms_raise(attributes: tuple[tuple[str, str], ...], message: str) -> None:
    with pytest.raises(UnknownTerm, match=message):
        to_dataset(make_resolved(meeting_attributes=attributes))


def test_attribute_table() -> None:
    attributes = (("planned", "true"), ("topic", "Energie"), ("topic", "Bildung"),
                  ("value", "3.5E9"), ("qualifier", "about"), ("unit", "USD"))
    resolved = make_resolved(visit_attributes=attributes)
    g = to_dataset(resolved).graph(facts_graph_iri())
    visit = fact_node_iri(resolved.facts[0])
    assert (visit, KG.planned, Literal("true", datatype=XSD.boolean)) in g
    assert set(g.objects(visit, KG.topic)) == {Literal("Energie"), Literal("Bildung")}
    assert (visit, KG.value, Literal("3500000000", datatype=XSD.decimal)) in g
    assert (visit, KG.unit, Literal("USD")) in g


def test_evidence_outside_the_text_is_an_input_error() -> None:
    bad = Mention("Putin", EntityType.PERSON, Evidence(DOC, 60, 99))
    resolved = make_resolved()
    x = resolved.extractions[0]
    broken = Resolved(resolved.articles, resolved.entities, resolved.facts,
                      (Extraction(x.article, (*x.mentions, bad), x.claims),), resolved.mention_keys)
    with pytest.raises(InputError, match="outside the article text"):
        to_dataset(broken)
