"""Extraction on sentences about other states, people and events than the
seed articles: different names, word orders, tenses and the passive.

The pipeline runs without the statistical NER (gazetteer, HanTa tags and
rules only), so these tests pin the rules, not a model.
"""

from __future__ import annotations

import pytest

from kg.model import FactKind, Role

from extract_helpers import claims_of, names

VISITS = [
    # verb-second, perfect tense, "nach" + state
    ("Der französische Präsident Emmanuel Macron ist am Montag nach Indien gereist.",
     "Emmanuel Macron", "Indien", "2024-06-17"),
    # verb-second, preterite, bare object of "besuchen", month without year
    ("Bundeskanzler Olaf Scholz besuchte im März Brasilien.", "Olaf Scholz", "Brasilien", "2024-03"),
    # passive with a host; a capital stands for its state
    ("Der indische Premierminister Narendra Modi wurde am Mittwoch in Moskau vom russischen "
     "Präsidenten Wladimir Putin empfangen.", "Narendra Modi", "Russland", "2024-06-19"),
    # active "empfangen": the state receives the visitor
    ("Die brasilianische Regierung empfing den deutschen Kanzler Olaf Scholz am Dienstag in Brasília.",
     "Olaf Scholz", "Brasilien", "2024-06-18"),
]


@pytest.mark.parametrize(("text", "visitor", "destination", "date"), VISITS)
def test_visits(resources_no_ner, text, visitor, destination, date):
    visits = claims_of(resources_no_ner, text, kind=FactKind.VISIT)
    assert any(names(c, Role.VISITOR) == {visitor} and names(c, Role.DESTINATION) == {destination}
               and c.when is not None and c.when.iso() == date for c in visits), visits


def test_visit_host_from_passive(resources_no_ner):
    (visit,) = claims_of(resources_no_ner, VISITS[2][0], kind=FactKind.VISIT)
    assert names(visit, Role.HOST) == {"Wladimir Putin"}
    assert names(visit, Role.PLACE) == {"Moskau"}


def test_visit_list_after_darunter(resources_no_ner):
    text = "Der Präsident hat seit Jahresbeginn nur wenige Staaten besucht, darunter Kenia und Ghana."
    text = "Der brasilianische Präsident Luiz Inácio Lula da Silva hat " + text.split("hat ", 1)[1]
    visits = claims_of(resources_no_ner, text, kind=FactKind.VISIT)
    assert {d for c in visits for d in names(c, Role.DESTINATION)} >= {"Kenia", "Ghana"}


@pytest.mark.parametrize(("text", "participants", "mode"), [
    ("Ungarns Ministerpräsident Viktor Orbán traf am Vortag in Peking den chinesischen Staatschef Xi Jinping.",
     {"Viktor Orbán", "Xi Jinping"}, None),
    ("Der türkische Präsident Recep Tayyip Erdogan telefonierte am Sonntag mit dem ukrainischen "
     "Präsidenten Wolodymyr Selenskyj.", {"Recep Tayyip Erdogan", "Wolodymyr Selenskyj"}, "phone_call"),
])
def test_meetings(resources_no_ner, text, participants, mode):
    meetings = claims_of(resources_no_ner, text, kind=FactKind.MEETING)
    assert any(names(c, Role.PARTICIPANT) == participants and c.attribute("mode") == mode for c in meetings)


def test_meeting_date_relative_to_publication(resources_no_ner):
    (meeting,) = claims_of(resources_no_ner, "Ungarns Ministerpräsident Viktor Orbán traf am Vortag in Peking "
                           "den chinesischen Staatschef Xi Jinping.", kind=FactKind.MEETING)
    assert meeting.when.iso() == "2024-06-19"  # "am Vortag" of 2024-06-20


def test_agreement_between_states(resources_no_ner):
    (agreement,) = claims_of(resources_no_ner, "Frankreich und Indien haben am Donnerstag ein Abkommen über "
                             "die Lieferung von Kampfjets unterzeichnet.", kind=FactKind.AGREEMENT)
    assert names(agreement, Role.PARTY) == {"Frankreich", "Indien"}
    assert agreement.when.iso() == "2024-06-20"


def test_unfulfilled_agreement_is_not_a_signing(resources_no_ner):
    text = "Kanada und Mexiko wollten eigentlich am Montag ein Abkommen unterzeichnen, doch die Gespräche scheiterten."
    assert claims_of(resources_no_ner, text, kind=FactKind.AGREEMENT) == []


def test_trade_volume_between(resources_no_ner):
    (trade,) = claims_of(resources_no_ner, "Der Handel zwischen Deutschland und China lag 2023 bei rund "
                         "250 Milliarden Euro.", kind=FactKind.TRADE)
    assert names(trade, Role.PARTNER) == {"Deutschland", "China"}
    assert trade.attribute("value") == "250000000000"
    assert trade.attribute("unit") == "EUR"
    assert trade.attribute("qualifier") == "about"
    assert trade.when.iso() == "2023"


def test_population(resources_no_ner):
    (q,) = claims_of(resources_no_ner, "Indien ist mit rund 1,4 Milliarden Einwohnern das bevölkerungsreichste "
                     "Land der Welt.", kind=FactKind.QUANTITY)
    assert names(q, Role.SUBJECT) == {"Indien"}
    assert (q.attribute("measure"), q.attribute("value"), q.attribute("unit")) == ("population", "1400000000", "persons")


@pytest.mark.parametrize(("text", "person", "office", "org"), [
    ("Der polnische Außenminister Radosław Sikorski kritisierte Ungarn scharf.",
     "Radosław Sikorski", "foreign_minister", "Polen"),
    ("Der kenianische Präsident William Ruto ist in Berlin.", "William Ruto", "president", "Kenia"),
    ("Ungarns Ministerpräsident Viktor Orbán reiste ab.", "Viktor Orbán", "head_of_government", "Ungarn"),
])
def test_roles(resources_no_ner, text, person, office, org):
    roles = claims_of(resources_no_ner, text, kind=FactKind.ROLE)
    assert any(names(c, Role.PERSON) == {person} and c.attribute("office") == office
               and names(c, Role.ORG) == {org} for c in roles), roles


def test_invitation(resources_no_ner):
    (inv,) = claims_of(resources_no_ner, "Der kenianische Präsident William Ruto hat den südafrikanischen "
                       "Präsidenten Cyril Ramaphosa nach Nairobi eingeladen.", kind=FactKind.INVITATION)
    assert names(inv, Role.INVITER) == {"William Ruto"}
    assert names(inv, Role.INVITEE) == {"Cyril Ramaphosa"}


@pytest.mark.parametrize(("text", "speaker", "stance", "target"), [
    ("Der polnische Außenminister Radosław Sikorski kritisierte Ungarn scharf.",
     "Radosław Sikorski", "criticize", "Ungarn"),
    ("China wies die Kritik aus Australien am Freitag zurück.", "China", "reject", None),
])
def test_statements(resources_no_ner, text, speaker, stance, target):
    statements = claims_of(resources_no_ner, text, kind=FactKind.STATEMENT)
    hit = [c for c in statements if names(c, Role.SPEAKER) == {speaker} and c.attribute("stance") == stance]
    assert hit, statements
    if target:
        assert names(hit[0], Role.TARGET) == {target}


def test_sanctions(resources_no_ner):
    (action,) = claims_of(resources_no_ner, "Die EU verhängte neue Sanktionen gegen Iran.", kind=FactKind.LEGAL_ACTION)
    assert names(action, Role.ISSUER) == {"Europäische Union"}
    assert names(action, Role.TARGET) == {"Iran"}
    assert action.attribute("kind") == "sanctions"


def test_negated_visit_is_skipped(resources_no_ner):
    text = "Der französische Präsident Emmanuel Macron ist nicht nach Indien gereist."
    assert claims_of(resources_no_ner, text, kind=FactKind.VISIT) == []


def test_unknown_publication_date_leaves_weekdays_unresolved(resources_no_ner):
    (visit,) = claims_of(resources_no_ner, VISITS[0][0], published=None, kind=FactKind.VISIT)
    assert visit.when is None


def test_evidence_points_at_the_words_and_their_sentence(resources_no_ner):
    text = "Vorwort ohne Fakten. " + VISITS[0][0]
    (visit,) = claims_of(resources_no_ner, text, kind=FactKind.VISIT)
    ev = visit.evidence
    assert text[ev.start:ev.end] == "Emmanuel Macron ist am Montag nach Indien gereist"
    assert text[ev.sent_start:ev.sent_end] == VISITS[0][0]
    assert ev.sentence == 1


def test_in_the_person_of(resources_no_ner):
    text = "Bereits am Freitag haben sich die USA in Form von Außenminister Antony Blinken in Kiew angesagt."
    visits = claims_of(resources_no_ner, text, kind=FactKind.VISIT)
    assert any(names(c, Role.VISITOR) == {"Antony Blinken"} and names(c, Role.DESTINATION) == {"Ukraine"}
               for c in visits), visits


def test_hyphenated_body_speaks(resources_no_ner):
    text = "Die Reise führte zu einer scharfen Rüge durch die US-Botschaft in Peru."
    (statement,) = claims_of(resources_no_ner, text, kind=FactKind.STATEMENT)
    assert names(statement, Role.SPEAKER) == {"US-Botschaft"}
    assert statement.attribute("stance") == "criticize"


@pytest.mark.parametrize("text", [
    "Bundeskanzler Olaf Scholz wird am Mittwoch zu einem zweitägigen Besuch nach Kenia kommen.",
    "Bei einem Besuch in Nairobi sagte Bundeskanzler Olaf Scholz am Mittwoch, Kenia sei ein Partner.",
])
def test_visit_noun_in_a_prepositional_phrase(resources_no_ner, text):
    visits = claims_of(resources_no_ner, text, kind=FactKind.VISIT)
    assert any(names(c, Role.VISITOR) == {"Olaf Scholz"} and names(c, Role.DESTINATION) == {"Kenia"}
               for c in visits), visits


@pytest.mark.parametrize("text", [
    "Der Präsident setzt sich für die Förderung sauberer Energie in Chile ein.",  # Förderung is no Forderung
    "Peru braucht die Unterstützung der Europäischen Union, sagte der Minister.",  # needed, not given
])
def test_no_stance(resources_no_ner, text):
    assert claims_of(resources_no_ner, text, kind=FactKind.STATEMENT) == []


def test_support_given(resources_no_ner):
    text = "Bundeskanzler Olaf Scholz sagte dem ukrainischen Präsidenten Wolodymyr Selenskyj seine volle Unterstützung zu."
    (s,) = claims_of(resources_no_ner, text, kind=FactKind.STATEMENT)
    assert names(s, Role.SPEAKER) == {"Olaf Scholz"} and s.attribute("stance") == "support"


def test_two_offices_of_one_person(resources_no_ner):
    text = ("Das sagte Angela Merkel, Wissenschaftliche Mitarbeiterin am Wilson Center in Washington "
            "und ehemalige deutsche Botschafterin in Polen.")
    roles = claims_of(resources_no_ner, text, kind=FactKind.ROLE)
    got = {(c.attribute("office"), frozenset(names(c, Role.ORG)), frozenset(names(c, Role.TO)), c.attribute("former"))
           for c in roles if names(c, Role.PERSON) == {"Angela Merkel"}}
    assert ("researcher", frozenset({"Wilson Center"}), frozenset(), None) in got
    assert ("ambassador", frozenset({"Deutschland"}), frozenset({"Polen"}), "true") in got


def test_office_in_the_person_of(resources_no_ner):
    text = "Die USA haben sich in Form von Außenminister Antony Blinken in Kiew angesagt."
    roles = claims_of(resources_no_ner, text, kind=FactKind.ROLE)
    assert any(names(c, Role.PERSON) == {"Antony Blinken"} and names(c, Role.ORG) == {"USA"} for c in roles)


@pytest.mark.parametrize(("text", "person", "office", "org"), [
    ("Das Abkommen sei ein Durchbruch, sagte Priyanka Raghunathan, Analystin am Lowy Institute in Sydney.",
     "Priyanka Raghunathan", "analyst", "Lowy Institute"),
    ("Thandiwe Mokoena, Stipendiatin des Afrikaprogramms der Brookings Institution, sagte, Kenia profitiere.",
     "Thandiwe Mokoena", "researcher", "Brookings Institution"),
])
def test_name_introduced_by_apposition(resources_no_ner, text, person, office, org):
    roles = claims_of(resources_no_ner, text, kind=FactKind.ROLE)
    assert any(names(c, Role.PERSON) == {person} and c.attribute("office") == office
               and names(c, Role.ORG) == {org} for c in roles), roles


def test_former_office_held_for_a_period(resources_no_ner):
    text = ("Die Parteichefin Jacinda Ardern sprach am Montag in Wellington. "
            "Ardern ist als Parteichefin eine der mächtigsten Figuren des Landes und war 2017 bis 2023 "
            "Premierministerin von Neuseeland.")
    roles = claims_of(resources_no_ner, text, kind=FactKind.ROLE)
    (pm,) = [c for c in roles if c.attribute("office") == "head_of_government"]
    assert names(pm, Role.PERSON) == {"Jacinda Ardern"}
    assert (pm.when.iso(), pm.until.iso(), pm.attribute("former")) == ("2017", "2023", "true")


def test_agreement_in_a_relative_clause(resources_no_ner):
    text = ("Die neuen Vereinbarungen mit Chile seien nicht so wichtig wie der Pakt, den Olaf Scholz mit "
            "dem brasilianischen Präsidenten Luiz Inácio Lula da Silva am Mittwoch unterzeichnete, sagte ein Diplomat.")
    agreements = claims_of(resources_no_ner, text, kind=FactKind.AGREEMENT)
    assert len(agreements) == 1
    (a,) = agreements
    assert a.attribute("kind") == "pact"
    assert names(a, Role.SIGNATORY) == {"Olaf Scholz", "Luiz Inácio Lula da Silva"}
    assert names(a, Role.PARTY) == {"Deutschland", "Brasilien"}
    assert a.when.iso() == "2024-06-19"


def test_statement_goes_on_in_the_previous_sentences_time(resources_no_ner):
    text = ("Der kenianische Präsident William Ruto und Bundeskanzler Olaf Scholz haben am Dienstag ein Abkommen "
            "unterzeichnet. Ruto sagte Scholz zudem seine volle Unterstützung zu.")
    (s,) = claims_of(resources_no_ner, text, kind=FactKind.STATEMENT)
    assert s.when.iso() == "2024-06-18"  # the Tuesday of the sentence before


def test_absolute_dates_of_the_previous_sentence_are_not_the_story_time(resources_no_ner):
    text = ("Der Handel zwischen Kenia und Deutschland lag 2022 bei einer Milliarde Euro. "
            "Bundeskanzler Olaf Scholz sagte Kenia seine volle Unterstützung zu.")
    (s,) = claims_of(resources_no_ner, text, kind=FactKind.STATEMENT)
    assert s.when.iso() == "2024-06-20"  # the publication date, not 2022


def test_places_no_ner_knows(resources_no_ner):
    from extract_helpers import mentions_of

    text = ("Macron empfing Modi im Élysée-Palast; später sprachen sie im Opernhaus von Paris "
            "über die Marinebasis in der Cam-Ranh-Bucht.")
    found = {(m.name, m.type.value) for m in mentions_of(resources_no_ner, text)}
    assert {("Opernhaus von Paris", "Place"), ("Cam-Ranh-Bucht", "Place")} <= found


def test_accusation_in_the_perfect(resources_no_ner):
    text = "Der polnische Parteichef Jarosław Kaczyński hat Deutschland Demokratie-Defizite vorgeworfen."
    (s,) = claims_of(resources_no_ner, text, kind=FactKind.STATEMENT)
    assert names(s, Role.SPEAKER) == {"Jarosław Kaczyński"}
    assert s.attribute("stance") == "accuse" and names(s, Role.TARGET) == {"Deutschland"}


def test_the_accused_is_not_the_speaker(resources_no_ner):
    text = "Kritiker werfen dem türkischen Präsidenten Recep Tayyip Erdoğan vor, die Presse zu gängeln."
    statements = claims_of(resources_no_ner, text, kind=FactKind.STATEMENT)
    assert not any(names(s, Role.SPEAKER) == {"Recep Tayyip Erdoğan"} for s in statements)


def test_a_source_is_not_a_speaker(resources_no_ner):
    text = "Laut Reuters forderte der französische Präsident Emmanuel Macron eine Waffenruhe."
    (s,) = claims_of(resources_no_ner, text, kind=FactKind.STATEMENT)
    assert names(s, Role.SPEAKER) == {"Emmanuel Macron"}


def test_vote_share_is_no_ownership_stake(resources_no_ner):
    text = "Die SVP hat mit einem Stimmenanteil von 13 Prozent die Hürde übersprungen."
    measures = {c.attribute("measure") for c in claims_of(resources_no_ner, text, kind=FactKind.QUANTITY)}
    assert "ownership_stake" not in measures and measures <= {"vote_share"}


@pytest.mark.parametrize("text", [
    "Dem kurdischen Politiker Selahattin Demirtaş wird Anstachelung zu Protesten vorgeworfen.",
    "Die Opposition wirft Präsident Recep Tayyip Erdoğan vor, die Wahl manipuliert zu haben.",
])
def test_accused_without_a_named_accuser(resources_no_ner, text):
    statements = claims_of(resources_no_ner, text, kind=FactKind.STATEMENT)
    assert not any(s.attribute("stance") == "accuse" for s in statements), statements


def test_party_in_brackets_is_no_actor(resources_no_ner):
    text = "Außenministerin Karin Kneissl (FPÖ) hat das Urteil gegen den Blogger scharf kritisiert."
    (s,) = claims_of(resources_no_ner, text, kind=FactKind.STATEMENT)
    assert names(s, Role.SPEAKER) == {"Karin Kneissl"}
    assert claims_of(resources_no_ner, text, kind=FactKind.LEGAL_ACTION) == []


def test_where_a_visitor_is_received_is_no_destination(resources_no_ner):
    text = "Bundespräsident Frank-Walter Steinmeier empfing den kenianischen Präsidenten William Ruto in Schloss Bellevue."
    visits = claims_of(resources_no_ner, text, kind=FactKind.VISIT)
    assert not any("Schloss" in d for c in visits for d in names(c, Role.DESTINATION))


def test_a_share_of_the_population_is_no_population(resources_no_ner):
    text = "Rund 15 Prozent der Bevölkerung Korsikas stammen aus Marokko."
    assert claims_of(resources_no_ner, text, kind=FactKind.QUANTITY) == []


def test_visit_dated_by_the_sentence_that_goes_on_about_the_visitor(resources_no_ner):
    text = ("Die USA haben sich in Form von Außenminister Antony Blinken in Nairobi angesagt. "
            "Der Chefdiplomat soll von Freitag bis Samstag Gespräche führen.")
    (visit,) = claims_of(resources_no_ner, text, published="2024-06-19", kind=FactKind.VISIT)
    assert (visit.when.iso(), visit.until.iso()) == ("2024-06-21", "2024-06-22")


def test_next_sentence_about_someone_else_does_not_date_a_visit(resources_no_ner):
    text = ("Die USA haben sich in Form von Außenminister Antony Blinken in Nairobi angesagt. "
            "Der kenianische Präsident William Ruto reist am Freitag nach Paris.")
    visits = claims_of(resources_no_ner, text, published="2024-06-19", kind=FactKind.VISIT)
    (blinken,) = [v for v in visits if names(v, Role.VISITOR) == {"Antony Blinken"}]
    assert blinken.when is None


def test_plans_are_marked(resources_no_ner):
    text = "Bundeskanzler Olaf Scholz soll im Herbst den indischen Premierminister Narendra Modi treffen."
    (meeting,) = claims_of(resources_no_ner, text, kind=FactKind.MEETING)
    assert meeting.attribute("planned") == "true"
    done = claims_of(resources_no_ner, "Bundeskanzler Olaf Scholz traf am Montag den indischen Premierminister "
                     "Narendra Modi.", kind=FactKind.MEETING)
    assert done and done[0].attribute("planned") is None
