"""One specification per fact kind, read from the ontology and its shapes.

What a kind of fact is — which roles tell two facts apart, which roles it
needs and how many, which roles it has one of, which attribute names its
kind, what it is called — is said once, in ``ontology/kg.ttl`` (the
``kg:identityRole``, ``kg:identityAttribute``, ``kg:contractQuery`` and
``kg:kindProperty`` annotations and ``rdfs:label``) and
``ontology/shapes.ttl`` (``sh:minCount`` and ``sh:maxCount`` of the role
properties). :func:`derive` reads it from there; :data:`SPECS` is the same
table as code, so that resolution, RDF and views need no graph at run time,
and ``tests/test_ontology.py`` fails when the two drift apart.

Adding a fact kind: the class, its annotations and labels in kg.ttl, its
shape in shapes.ttl, an extractor module, a ``.rq`` file and an entry here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.term import Literal

from kg.model import FactKind, Role

KG_NS = Namespace("https://w3id.org/diplomacy-kg/ns#")
SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True, slots=True)
class FactKindSpec:
    kind: FactKind
    query: str  # the contract query listing these facts
    identity: frozenset[Role]  # claims agreeing on these roles' entities state one fact ...
    identity_attributes: tuple[str, ...]  # ... and on these attributes
    required: tuple[tuple[Role, int], ...]  # roles a fact needs, with how many entities at least
    single: frozenset[Role]  # roles a fact has at most one entity in
    kind_property: str | None  # the property the 'kind' attribute becomes (local name)
    captions: tuple[tuple[str, str], ...]  # (language, label)

    def caption(self, lang: str = "de") -> str:
        return dict(self.captions).get(lang) or self.kind.value

    def complete(self, roles: Mapping[Role, int]) -> bool:
        """Whether a fact with this many entities per role has all it needs."""
        return all(roles.get(role, 0) >= n for role, n in self.required)


def _spec(kind: FactKind, query: str, identity: str, attributes: str, required: str, single: str,
          kind_property: str | None, de: str, en: str) -> FactKindSpec:
    return FactKindSpec(
        kind, query, frozenset(Role(r) for r in identity.split()), tuple(attributes.split()),
        tuple((Role(r), int(n)) for r, n in (x.split("=") for x in required.split())),
        frozenset(Role(r) for r in single.split()), kind_property, (("de", de), ("en", en)))


SPECS: Mapping[FactKind, FactKindSpec] = MappingProxyType({s.kind: s for s in (
    _spec(FactKind.VISIT, "visits", "destination visitor", "", "destination=1 visitor=1", "host",
          None, "Besuch", "visit"),
    _spec(FactKind.MEETING, "meetings", "participant", "mode", "participant=1", "place",
          None, "Treffen", "meeting"),
    _spec(FactKind.AGREEMENT, "agreements", "party", "", "party=1", "place",
          "agreementKind", "Abkommen", "agreement"),
    _spec(FactKind.TRADE, "trade", "partner", "unit value", "partner=2", "",
          None, "Handelsvolumen", "trade volume"),
    _spec(FactKind.QUANTITY, "quantities", "subject", "measure value", "subject=1", "of",
          None, "Größe", "quantity"),
    _spec(FactKind.ROLE, "roles", "org person to", "office", "org=1 person=1", "",
          None, "Amt", "role held"),
    _spec(FactKind.INVITATION, "invitations", "invitee inviter", "", "invitee=1 inviter=1", "destination",
          None, "Einladung", "invitation"),
    _spec(FactKind.STATEMENT, "statements", "speaker target", "stance", "speaker=1", "",
          None, "Äußerung", "statement"),
    _spec(FactKind.LEGAL_ACTION, "legal_actions", "issuer target", "kind", "issuer=1 target=1", "",
          "legalKind", "Rechtsmaßnahme", "legal action"),
)})

BY_QUERY: Mapping[str, FactKindSpec] = MappingProxyType({s.query: s for s in SPECS.values()})


def derive(ontology: Graph, shapes: Graph) -> dict[FactKind, FactKindSpec]:
    """The specifications as kg.ttl and shapes.ttl state them."""
    roles: dict[object, Role] = {KG_NS[r.value]: r for r in Role}
    out = {}
    for kind in FactKind:
        cls = KG_NS[kind.value]
        counts: dict[Role, tuple[int | None, int | None]] = {}
        for shape in shapes.subjects(SH.targetClass, cls):
            for prop in shapes.objects(shape, SH.property):
                path = shapes.value(prop, SH.path)
                if path in roles:
                    counts[roles[path]] = (_count(shapes.value(prop, SH.minCount)),
                                           _count(shapes.value(prop, SH.maxCount)))
        labels = {str(lit.language): str(lit) for lit in ontology.objects(cls, RDFS.label) if isinstance(lit, Literal)}
        kind_prop = ontology.value(cls, KG_NS.kindProperty)
        out[kind] = FactKindSpec(
            kind=kind,
            query=str(ontology.value(cls, KG_NS.contractQuery)),
            identity=frozenset(roles[r] for r in ontology.objects(cls, KG_NS.identityRole)),
            identity_attributes=tuple(sorted(str(a) for a in ontology.objects(cls, KG_NS.identityAttribute))),
            required=tuple(sorted(((r, lo) for r, (lo, _) in counts.items() if lo), key=lambda rn: rn[0].value)),
            single=frozenset(r for r, (_, hi) in counts.items() if hi == 1),
            kind_property=str(kind_prop)[len(str(KG_NS)):] if isinstance(kind_prop, URIRef) else None,
            captions=tuple((lang, labels[lang]) for lang in ("de", "en") if lang in labels),
        )
    return out


def _count(value: object) -> int | None:
    return int(value.toPython()) if isinstance(value, Literal) else None


def fact_classes(ontology: Graph) -> set[str]:
    """Local names of the ontology's fact classes (kg:Fact's subclasses)."""
    return {str(c)[len(str(KG_NS)):] for c in ontology.subjects(RDFS.subClassOf, KG_NS.Fact)
            if (c, RDF.type, None) in ontology}
