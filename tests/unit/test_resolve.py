"""Resolution without any NLP: claims built by hand."""

from __future__ import annotations

import pytest

from kg.gazetteer import DEFAULT_DATA_DIR, load_gazetteer
from kg.model import Article, Claim, EntityType, Evidence, Extraction, FactKind, Mention, PartialDate, Role
from kg.resolve import resolve


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(DEFAULT_DATA_DIR)


def _m(doc, text, type_=EntityType.PERSON, norm="", hint="", at=0):
    return Mention(text, type_, Evidence(doc, at, at + len(text)), norm=norm, hint=hint)


def _visit(doc, visitor, dest, when=None, **attrs):
    return Claim(FactKind.VISIT, ((Role.VISITOR, visitor), (Role.DESTINATION, dest)), when=when,
                 attributes=tuple(attrs.items()), evidence=Evidence(doc, 0, 10), extractor="test")


JUNE_20 = PartialDate(2024, 6, 20)


def _ex(doc, claims, published=JUNE_20):
    return Extraction(Article(doc, "x" * 100, published), tuple(m for c in claims for _, m in c.roles), tuple(claims))


def test_names_merge_across_diacritics_and_surnames(gaz):
    a = _ex("a", [_visit("a", _m("a", "Tô Lâm"), _m("a", "Indien", EntityType.COUNTRY, norm="Indien"))])
    b = _ex("b", [_visit("b", _m("b", "To Lam"), _m("b", "Indien", EntityType.COUNTRY, norm="Indien"))])
    c = _ex("c", [_visit("c", _m("c", "Lam"), _m("c", "Indien", EntityType.COUNTRY, norm="Indien"))])
    r = resolve([a, b, c], gazetteer=gaz)
    persons = [e for e in r.entities if e.type is EntityType.PERSON]
    assert len(persons) == 1
    assert persons[0].label == "Tô Lâm"  # the form with diacritics is preferred
    assert {"To Lam", "Lam"} <= persons[0].aliases
    assert len(r.facts) == 1 and r.facts[0].sources == {"a", "b", "c"}


def test_same_visit_merges_but_other_years_stay_apart(gaz):
    v = lambda doc, when: _visit(doc, _m(doc, "Wladimir Putin", norm="Wladimir Putin"),
                                 _m(doc, "Vietnam", EntityType.COUNTRY, norm="Vietnam"), when)
    r = resolve([_ex("a", [v("a", PartialDate(2024, 6, 20))]), _ex("b", [v("b", PartialDate(2024, 6))]),
                 _ex("c", [v("c", PartialDate(2017)), v("c", None)])], gazetteer=gaz)
    dates = sorted(f.when.iso() for f in r.facts)
    assert dates == ["2017", "2024-06-20"]
    (recent,) = [f for f in r.facts if f.when.year == 2024]
    assert recent.sources == {"a", "b"}


def test_disagreeing_attributes_keep_the_majority_and_all_claims(gaz):
    v = lambda doc, n: _visit(doc, _m(doc, "Emmanuel Macron", norm="Emmanuel Macron"),
                              _m(doc, "China", EntityType.COUNTRY, norm="China"), PartialDate(2024, 4), ordinal=n)
    r = resolve([_ex("a", [v("a", "3")]), _ex("b", [v("b", "3")]), _ex("c", [v("c", "4")])], gazetteer=gaz)
    (fact,) = r.facts
    assert fact.attribute("ordinal") == "3"
    assert len(fact.claims) == 3


def test_office_resolves_to_the_holder_named_elsewhere(gaz):
    role = Claim(FactKind.ROLE, ((Role.PERSON, _m("a", "Emmanuel Macron", norm="Emmanuel Macron")),
                                 (Role.ORG, _m("a", "Frankreich", EntityType.COUNTRY, norm="Frankreich"))),
                 attributes=(("office", "president"),), evidence=Evidence("a", 0, 5), extractor="t")
    anaphor = _m("b", "der französische Präsident", hint="head_of_state@Frankreich")
    visit = _visit("b", anaphor, _m("b", "Indien", EntityType.COUNTRY, norm="Indien"))
    r = resolve([_ex("a", [role]), _ex("b", [visit])], gazetteer=gaz)
    (v,) = [f for f in r.facts if f.kind is FactKind.VISIT]
    assert v.role(Role.VISITOR) == ("emmanuel-macron",)


def test_unresolvable_office_drops_the_claim(gaz):
    anaphor = _m("b", "der Präsident", hint="head_of_state@Kenia")
    r = resolve([_ex("b", [_visit("b", anaphor, _m("b", "Indien", EntityType.COUNTRY, norm="Indien"))])], gazetteer=gaz)
    assert r.facts == ()


def test_wikidata_and_affiliation_of_well_known_people(gaz):
    v = _visit("a", _m("a", "Putin", norm="Putin"), _m("a", "China", EntityType.COUNTRY, norm="China"))
    r = resolve([_ex("a", [v])], gazetteer=gaz)
    putin = next(e for e in r.entities if e.type is EntityType.PERSON)
    assert (putin.label, putin.wikidata, putin.affiliation) == ("Wladimir Putin", "Q7747", "russland")


def test_inflected_names_of_unknown_bodies_merge(gaz):
    org = lambda doc, text: _m(doc, text, EntityType.ORGANIZATION)
    visit = lambda doc, text: Claim(FactKind.LEGAL_ACTION, ((Role.ISSUER, org(doc, text)),
                                                            (Role.TARGET, _m(doc, "Iran", EntityType.COUNTRY, norm="Iran"))),
                                    attributes=(("kind", "sanctions"),), evidence=Evidence(doc, 0, 5), extractor="t")
    r = resolve([_ex("a", [visit("a", "Demokratischen Allianz")]), _ex("b", [visit("b", "Demokratische Allianz")]),
                 _ex("c", [visit("c", "DEMOKRATISCHE ALLIANZ")])], gazetteer=gaz)
    (body,) = [e for e in r.entities if e.type is EntityType.ORGANIZATION]
    assert body.label == "Demokratische Allianz"
    assert len(r.facts) == 1


def test_undated_statements_of_unrelated_articles_stay_apart(gaz):
    def said(doc):
        return Claim(FactKind.STATEMENT, ((Role.SPEAKER, _m(doc, "Olaf Scholz", norm="Olaf Scholz")),),
                     attributes=(("stance", "criticize"),), evidence=Evidence(doc, 0, 5), extractor="t")
    r = resolve([_ex("a", [said("a")], published=None), _ex("b", [said("b")], published=None)], gazetteer=gaz)
    assert len(r.facts) == 2


def test_a_first_name_alone_does_not_join_a_namesake(gaz):
    v = lambda doc, who: _visit(doc, _m(doc, who), _m(doc, "Chile", EntityType.COUNTRY, norm="Chile"))
    r = resolve([_ex("a", [v("a", "Sebastian Vettel")]), _ex("b", [v("b", "Sebastian")]),
                 _ex("c", [v("c", "Vettel")])], gazetteer=gaz)
    keys = {e.key for e in r.entities if e.type is EntityType.PERSON}
    assert keys == {"sebastian-vettel", "sebastian"}


def test_a_lone_body_keeps_the_word_the_article_uses_as_an_alias(gaz):
    body = _m("a", "der Kongress", EntityType.ORGANIZATION, norm="kenianischer Kongress")
    claim = Claim(FactKind.STATEMENT, ((Role.SPEAKER, body),), attributes=(("stance", "criticize"),),
                  evidence=Evidence("a", 0, 5), extractor="t")
    r = resolve([_ex("a", [claim])], gazetteer=gaz)
    (entity,) = [e for e in r.entities if e.type is EntityType.ORGANIZATION]
    assert entity.label == "kenianischer Kongress"
    assert "Kongress" in entity.aliases
