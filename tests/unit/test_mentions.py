"""Entity mentions on news wording (kg.extract.mentions): names the NER
misses or cuts, state bodies, descriptors. Sentences and names are made up."""

from __future__ import annotations

import pytest

from kg.model import EntityType
from tests.extract_helpers import mentions_of


def named(resources, text: str, etype: EntityType | None = None) -> set[str]:
    return {m.name for m in mentions_of(resources, text) if etype is None or m.type is etype}


@pytest.mark.parametrize("text, person", [
    ("Gestern sprach Stefan Lindqvist mit Journalisten über den Haushalt.", "Stefan Lindqvist"),
    ("Der Diplomat Jan van der Hoeven sagte, die Gespräche seien schwierig.", "Jan van der Hoeven"),
    ("Am Abend erklärte Hassan al-Mansuri, man werde nicht nachgeben.", "Hassan al-Mansuri"),
])
def test_given_name_and_surname_are_a_person(resources_no_ner, text, person):
    assert person in named(resources_no_ner, text, EntityType.PERSON)


def test_a_given_name_that_is_a_noun_opens_a_name_before_an_office(resources_no_ner):
    # "Kern" is a German noun; the surname and the office after the comma say it is a name
    text = "Kern Whitfield, ein früherer Senator von Ohio, lehnt das Gesetz ab."
    assert "Kern Whitfield" in named(resources_no_ner, text, EntityType.PERSON)


def test_a_genitive_name_does_not_take_the_noun_it_owns(resources_no_ner):
    names = named(resources_no_ner, "Gestern kam Stefan Lindqvists Rücktritt überraschend.", EntityType.PERSON)
    assert not any("Rücktritt" in n for n in names)


def test_name_before_a_party_in_brackets(resources_no_ner):
    text = "Finanzminister Gernot Lindmayr (ÖVP) kritisierte den Plan der Kommission."
    mentions = mentions_of(resources_no_ner, text)
    assert "Gernot Lindmayr" in {m.name for m in mentions if m.type is EntityType.PERSON}
    assert "ÖVP" in {m.name for m in mentions if m.type is EntityType.ORGANIZATION}


def test_a_given_name_alone_is_no_person(resources_no_ner):
    names = named(resources_no_ner, "Am Montag sagte Thomas Lindqvist, er trete zurück. Thomas lachte.",
                  EntityType.PERSON)
    assert "Thomas" not in names
    assert named(resources_no_ner, "Wie Susanne erzählte, war es kalt.", EntityType.PERSON) == set()


@pytest.mark.parametrize("text, body", [
    ("Das bulgarische Parlament stimmte am Mittwoch dem Gesetz zu.", "bulgarisches Parlament"),
    ("Ein Sprecher des slowakischen Verteidigungsministeriums bestätigte den Bericht.",
     "slowakisches Verteidigungsministerium"),
    ("Die Entscheidung liegt nun beim Obersten Gerichtshof Kenias.", "Oberster Gerichtshof Kenias"),
    ("Das Parlament in Lissabon vertagte die Abstimmung.", "Parlament in Lissabon"),
    ("Die lettischen Streitkräfte verlegten Soldaten an die Grenze.", "lettische Streitkräfte"),
])
def test_state_bodies_named_by_their_state(resources_no_ner, text, body):
    assert body in named(resources_no_ner, text, EntityType.ORGANIZATION)


def test_state_of_a_body_is_mentioned_too(resources_no_ner):
    names = named(resources_no_ner, "Die bulgarische Armee beendete das Manöver.")
    assert {"bulgarische Armee", "Bulgarien"} <= names


def test_a_lone_body_noun_is_no_entity(resources_no_ner):
    assert named(resources_no_ner, "Das Parlament stimmte zu, die Armee zog ab.", EntityType.ORGANIZATION) == set()


@pytest.mark.parametrize("text, name, etype", [
    ("Das berichtete die Zeitung Kathimerini am Sonntag.", "Kathimerini", EntityType.ORGANIZATION),
    ("Die Kämpfe in der Provinz Helmand dauern an.", "Provinz Helmand", EntityType.PLACE),
    ("Die nationalistische Partei Vazrazhdane legte zu.", "Vazrazhdane", EntityType.ORGANIZATION),
    ("Im Fokus steht die konservative Al-Wafd-Partei.", "Al-Wafd-Partei", EntityType.ORGANIZATION),
])
def test_a_descriptor_says_what_the_name_names(resources_no_ner, text, name, etype):
    assert name in named(resources_no_ner, text, etype)


def test_a_descriptor_retypes_a_place_the_ner_guessed(resources):
    # the NER reads the first word as a place; the descriptor says a broadcaster is named, number and all
    names = named(resources, "Das sagte Stefan Lindqvist dem Fernsehsender Rossija 24. Dann ging er.")
    assert "Rossija 24" in names
    assert "Rossija" not in names and "Rossija 24." not in names


@pytest.mark.parametrize("text, party", [
    ("Er bleibt Vorsitzender der Zentrumspartei.", "Zentrumspartei"),
    ("Die Fortschrittspartei verlor zwölf Sitze.", "Fortschrittspartei"),
])
def test_a_one_word_party_compound_names_a_party(resources_no_ner, text, party):
    assert party in named(resources_no_ner, text, EntityType.ORGANIZATION)


@pytest.mark.parametrize("text", [
    "Die Regierungspartei verlor zwölf Sitze.",
    "Beide Konfliktparteien riefen zur Waffenruhe auf, die Kriegspartei lehnte ab.",
    "Die Vertragspartei muss zahlen.",
])
def test_a_party_compound_that_says_only_the_kind_names_none(resources_no_ner, text):
    assert named(resources_no_ner, text, EntityType.ORGANIZATION) == set()


@pytest.mark.parametrize("text, name", [
    ("Er ist Senator der Demokratischen Partei.", "Demokratische Partei"),
    ("Die Liberale Partei Norwegens verlor zwölf Sitze.", "Liberale Partei Norwegens"),
    ("Kämpfer der Freien Syrischen Armee zogen sich zurück.", "Freie Syrische Armee"),
    # the abbreviation in brackets is how the article names it from now on
    ("Er führt die Nationale Befreiungsfront (NBF) seit Mai.", "NBF"),
])
def test_capitalised_adjectives_before_a_body_noun_make_a_name(resources_no_ner, text, name):
    assert name in named(resources_no_ner, text, EntityType.ORGANIZATION)


def test_lower_case_adjectives_before_a_body_noun_name_none(resources_no_ner):
    assert named(resources_no_ner, "Die regierende Partei verlor die Wahl.", EntityType.ORGANIZATION) == set()


def test_case_sensitive_party_names(resources_no_ner):
    assert "Grüne" in named(resources_no_ner, "Die Grünen forderten einen Untersuchungsausschuss.",
                            EntityType.ORGANIZATION)
    assert named(resources_no_ner, "Sie wanderten über die grünen Hügel.", EntityType.ORGANIZATION) == set()


def test_buildings_need_their_name_or_city(resources_no_ner):
    assert "Präsidentenpalast in Tunis" in named(resources_no_ner, "Er fuhr zum Präsidentenpalast in Tunis.")
    assert named(resources_no_ner, "Er fuhr zum Flughafen und dann zum Schloss.", EntityType.PLACE) == set()


def test_a_relative_named_by_given_name_shares_the_surname(resources_no_ner):
    text = "Der Gründer Anton Kowalczyk übergab die Firma an seinen Bruder Jakob."
    assert "Jakob Kowalczyk" in named(resources_no_ner, text, EntityType.PERSON)


def test_a_title_is_no_part_of_the_name(resources_no_ner):
    names = named(resources_no_ner, "Papst Franziskus empfing König Abdullah II. im Vatikan.", EntityType.PERSON)
    assert {"Papst Franziskus", "Abdullah II."} <= names or {"Franziskus", "Abdullah II."} <= names
    assert not any(n.startswith("König") for n in names)


@pytest.mark.parametrize("text, name, etype", [
    ("Die Lage in der Nordwestslowakei bleibt ruhig.", "Nordwestslowakei", EntityType.PLACE),
    ("Die Kämpfe in der Südwestukraine gingen weiter.", "Südwestukraine", EntityType.PLACE),
    ("Der Brand im Al-Rahma-Krankenhaus wurde gelöscht.", "Al-Rahma-Krankenhaus", EntityType.PLACE),
    ("Das Geld floss in den EU-Balkan-Fonds.", "EU-Balkan-Fonds", EntityType.ORGANIZATION),
])
def test_compound_names(resources_no_ner, text, name, etype):
    assert name in named(resources_no_ner, text, etype)


def test_body_before_an_office_compound(resources_no_ner):
    assert "Europarat" in named(resources_no_ner, "Europaratsgeneralsekretär Lars Nyberg warnte.",
                                EntityType.ORGANIZATION)


def test_a_hospital_in_a_city_is_no_name(resources_no_ner):
    assert named(resources_no_ner, "Ein Krankenhaus in Aleppo wurde getroffen.", EntityType.PLACE) == set()


def test_a_city_adjective_is_no_part_of_a_name(resources):
    names = named(resources, "Der Arzt Harald Berg arbeitet seit Jahren im New Yorker Mount Sinai-Krankenhaus.")
    assert "Mount Sinai-Krankenhaus" in names and not any(n.startswith("New Yorker") for n in names)


@pytest.mark.parametrize(("text", "person"), [
    ("Sein Schwiegersohn Berk Aydın tritt nicht an.", "Berk Aydın"),
    ("Das meint der Politologe Claudio Benetti.", "Claudio Benetti"),
])
def test_a_name_after_a_person_noun(resources_no_ner, text, person):
    assert person in named(resources_no_ner, text, EntityType.PERSON)


def test_an_office_word_the_ner_put_before_a_full_name_is_no_part_of_it(resources):
    mentions = mentions_of(resources, "Oslo – Richter Karl Huber wurde am Montag festgenommen.")
    assert "Karl Huber" in {m.text for m in mentions}, mentions
    assert not [m for m in mentions if m.text.startswith("Richter")]



@pytest.mark.parametrize(("text", "persons"), [
    # a name the NER took for a place, right after a verb of speech: someone speaking, with the name parts before it
    ("Kenia verletze das Völkerrecht, kritisierte Haris Soetardjo am Montag.", ["Haris Soetardjo"]),
    ("Die Lage sei ernst, sagte Soetardjo am Montag.", ["Soetardjo"]),
    # after a verb that is no speech it stays a place
    ("Die Delegation erreichte Soetardjo am Montag.", []),
    # nor after an attributive participle ("der von Kenia unterstützten ...")
    ("Die Stadt war in der Hand der von Kenia unterstützten Soetardjo.", []),
])
def test_an_unknown_name_the_ner_takes_for_a_place_speaks_after_a_verb_of_speech(resources_no_ner, text, persons):
    from spacy.tokens import Span

    from kg.extract.mentions import find_mentions
    from kg.model import Article

    doc = resources_no_ner.nlp(text)
    i = next(t.i for t in doc if t.text == "Soetardjo")
    doc.ents = [e for e in doc.ents if e.end <= i or e.start > i] + [Span(doc, i, i + 1, label="LOC")]
    found = find_mentions(doc, Article(doc_id="t", text=text, published=None), resources_no_ner.gazetteer, resources_no_ner.lexicon)
    assert [s.mention.text for s in found if s.type is EntityType.PERSON] == persons
