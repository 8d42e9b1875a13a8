"""Meetings, visits and agreements on sentences of our own: sessions of a
body, partners in an apposition, bodies negotiating, a nameless office
holder as subject, and the visit a meeting abroad implies."""

from __future__ import annotations

import pytest

from kg.model import FactKind, Role

from extract_helpers import claims_of, names


@pytest.mark.parametrize(("text", "participants"), [
    # the session of a body, by prefix, with the person the clause puts at it
    ("Ungarns Außenminister Péter Szijjártó sagte am Montag bei einer OSZE-Konferenz in Oslo, die Lage sei ernst.",
     {"OSZE", "Péter Szijjártó"}),
    # the session of a body, by genitive
    ("Krisentreffen der Afrikanischen Union am Freitag in Addis Abeba.", {"Afrikanische Union"}),
    # "traf ... mit X, dem Y Z, zusammen": the name in the apposition
    ("Ungarns Außenminister Péter Szijjártó traf am Montag in Lissabon mit dem Chef der Regierung, dem "
     "französischen Präsidenten Emmanuel Macron, zusammen.", {"Péter Szijjártó", "Emmanuel Macron"}),
    # bodies negotiate
    ("Die SPD hat am Montag Verhandlungen mit dem BSW aufgenommen.", {"SPD", "BSW"}),
    # a nameless office as subject is the one the article gives that office
    ("Bundeskanzler Olaf Scholz besuchte Lissabon. Bundeskanzler traf Emmanuel Macron und Narendra Modi.",
     {"Olaf Scholz", "Emmanuel Macron", "Narendra Modi"}),
    # both sides of a summit named in its compound
    ("Beim EU-Kanada-Gipfel in Lissabon soll ein Fonds beschlossen werden.", {"Europäische Union", "Kanada"}),
    # the body of a session compound, with the one the clause puts in it
    ("Emmanuel Macron hat bei einer Rede in einer Nationalratssitzung gewarnt.", {"Nationalrat", "Emmanuel Macron"}),
    # the members of a body come together: the body's session
    ("Am Montag kommen die Abgeordneten der SPD in Lissabon zu einer Klausur zusammen.", {"SPD"}),
    # "in einer Sitzung" with the body as the clause's subject: it sat
    ("In einer historischen Sitzung hob der Bundestag die Immunität des Ministers auf.", {"Bundestag"}),
    ("Das Europaparlament hat in seiner Sitzung am Dienstag ein Gesetz beschlossen.", {"Europäisches Parlament"}),
    # the object between the finite verb and the participle, with no article, or after coordinated titles
    ("Emmanuel Macron reiste nach Indien. In Delhi hat er Narendra Modi getroffen.", {"Emmanuel Macron", "Narendra Modi"}),
    ("Emmanuel Macron reiste nach Indien. Er hat den Regierungschef und Parteichef Narendra Modi getroffen.",
     {"Emmanuel Macron", "Narendra Modi"}),
    # a meeting noun in the phrase that opens the sentence: the subject after the verb met the partner
    ("Bei einem Treffen mit Narendra Modi sagte Emmanuel Macron, die Lage sei ernst.",
     {"Emmanuel Macron", "Narendra Modi"}),
])
def test_meetings(resources_no_ner, text, participants):
    meetings = claims_of(resources_no_ner, text, kind=FactKind.MEETING)
    assert any(names(c, Role.PARTICIPANT) == participants for c in meetings), meetings


def test_nameless_office_is_no_meeting_of_its_objects(resources_no_ner):
    # nobody in the text holds the office: "traf X und Y" does not make X meet Y
    text = "Bundeskanzler traf Emmanuel Macron und Narendra Modi."
    assert claims_of(resources_no_ner, text, kind=FactKind.MEETING) == []


def test_meeting_abroad_is_a_visit_of_the_one_who_meets(resources_no_ner):
    text = "Ungarns Außenminister Péter Szijjártó traf am Montag in Lissabon den französischen Präsidenten Emmanuel Macron."
    visits = claims_of(resources_no_ner, text, kind=FactKind.VISIT)
    assert [(names(v, Role.VISITOR), names(v, Role.DESTINATION)) for v in visits] == \
        [({"Péter Szijjártó"}, {"Portugal"})]


def test_meeting_at_home_is_no_visit(resources_no_ner):
    text = "Der französische Präsident Emmanuel Macron traf am Montag in Marseille Ungarns Außenminister Péter Szijjártó."
    assert claims_of(resources_no_ner, text, kind=FactKind.VISIT) == []


@pytest.mark.parametrize(("text", "visitor", "destination"), [
    # "zu Besuch" after the place; a state adjective on "Hauptstadt"
    ("Am Dienstag ist der französische Präsident Emmanuel Macron in der portugiesischen Hauptstadt zu Besuch.",
     "Emmanuel Macron", "Portugal"),
    # "er" goes on about the one person of the sentence before
    ("Der französische Präsident Emmanuel Macron sprach von Fortschritten. Er betonte bei einem Besuch in "
     "Lissabon, die Lage sei ernst.", "Emmanuel Macron", "Portugal"),
    # at a meeting abroad with no one named to meet
    ("Auch der französische Präsident Emmanuel Macron drängte am Rande des Klimagipfels in Nairobi auf Einigung.",
     "Emmanuel Macron", "Kenia"),
    # the session of a body abroad, its attendee after the noun
    ("Bei der OSZE-Sondersitzung in Nairobi hatte der französische Präsident Emmanuel Macron eine Wende gefordert.",
     "Emmanuel Macron", "Kenia"),
    # the visitor after the noun, the destination behind the visitor
    ("Beim Besuch von Präsident Emmanuel Macron in Kenia wurde ein Abkommen unterzeichnet.",
     "Emmanuel Macron", "Kenia"),
    # flying on
    ("Der französische Präsident Emmanuel Macron fliegt am Dienstag nach Kenia weiter.", "Emmanuel Macron", "Kenia"),
])
def test_visits(resources_no_ner, text, visitor, destination):
    visits = claims_of(resources_no_ner, text, kind=FactKind.VISIT)
    assert any(names(v, Role.VISITOR) == {visitor} and names(v, Role.DESTINATION) == {destination}
               for v in visits), visits


def test_pronoun_is_the_subject_of_the_sentence_before(resources_no_ner):
    # coreference takes "Er" for the first person (the subject) of the sentence before
    text = ("Der französische Präsident Emmanuel Macron sprach mit Bundeskanzler Olaf Scholz. Er betonte bei "
            "einem Besuch in Lissabon, die Lage sei ernst.")
    visits = claims_of(resources_no_ner, text, kind=FactKind.VISIT)
    assert {n for c in visits for n in names(c, Role.VISITOR)} <= {"Emmanuel Macron"}


def test_special_session_mode(resources_no_ner):
    text = "Bei der OSZE-Sondersitzung in Nairobi hatte der französische Präsident Emmanuel Macron eine Wende gefordert."
    (meeting,) = claims_of(resources_no_ner, text, kind=FactKind.MEETING)
    assert names(meeting, Role.PARTICIPANT) == {"OSZE", "Emmanuel Macron"}
    assert meeting.attribute("mode") == "special_session"


def test_a_body_that_tagt_holds_a_session(resources_no_ner):
    text = "Berlin – Der Bundestag tagte am Dienstag in Berlin."
    (meeting,) = claims_of(resources_no_ner, text, kind=FactKind.MEETING)
    assert names(meeting, Role.PARTICIPANT) == {"Bundestag"}
    assert meeting.attribute("mode") == "session"


def test_days_are_no_session(resources_no_ner):
    # "in den nächsten Tagen" is the noun "Tag", not the verb "tagen"
    text = "Berlin – Der Bundestag will in den nächsten Tagen über den Haushalt abstimmen."
    assert claims_of(resources_no_ner, text, kind=FactKind.MEETING) == []


def test_own_talks_name_the_subject_after_the_verb(resources):
    # "seinen Gesprächen": the possessive names the subject after the main verb
    text = ("Nach seinen Gesprächen mit Claire Dubois und ihrem Stellvertreter Paul Weber, der ihn zum Flughafen "
            "begleitete, reiste Karl Brenner zufrieden nach Hause.")
    meetings = claims_of(resources, text, kind=FactKind.MEETING)
    assert [names(c, Role.PARTICIPANT) for c in meetings] == [{"Karl Brenner", "Claire Dubois"}]


def test_own_talks_need_the_subject_of_the_main_verb(resources):
    # a person governed by a preposition is not the owner of "ihren Gesprächen"
    text = "Nach ihren Gesprächen mit Claire Dubois bleibt die Lage für Karl Brenner schwierig."
    assert claims_of(resources, text, kind=FactKind.MEETING) == []


def test_peace_talks_without_sides_are_the_main_state_s(resources_no_ner):
    text = ("Chile wählt im Herbst. In Chile herrscht Unruhe. Die Regierung von Chile zögert. "
            "Emmanuel Macron forderte eine Feuerpause, bevor die nächste Runde der Friedensgespräche beginne.")
    meetings = claims_of(resources_no_ner, text, kind=FactKind.MEETING)
    assert [(names(c, Role.PARTICIPANT), c.attribute("mode")) for c in meetings] == [({"Chile"}, "peace_talks")]


def test_reception_guest_is_in_the_clause_of_empfangen(resources_no_ner):
    # the guest is "ihn" in the relative clause, not the partner of the talks
    text = ("Nach Gesprächen mit Olaf Scholz und Präsident Emmanuel Macron, der ihn im Élysée empfing, "
            "zog Narendra Modi Bilanz.")
    visits = claims_of(resources_no_ner, text, kind=FactKind.VISIT)
    assert not any(names(v, Role.VISITOR) == {"Olaf Scholz"} for v in visits), visits


def test_landing_in_a_rank_is_no_visit(resources_no_ner):
    text = "Emmanuel Macron landete in der ersten Runde der Wahl in Portugal auf dem zweiten Platz."
    assert claims_of(resources_no_ner, text, kind=FactKind.VISIT) == []


def test_landing_in_a_city_is_a_visit(resources_no_ner):
    text = "Emmanuel Macron landete am Montag in Lissabon."
    visits = claims_of(resources_no_ner, text, kind=FactKind.VISIT)
    assert [names(v, Role.DESTINATION) for v in visits] == [{"Portugal"}]


def test_one_state_in_a_compound_is_what_a_conference_is_about(resources_no_ner):
    text = "Die Kanada-Konferenz in Lissabon begann am Montag."
    meetings = claims_of(resources_no_ner, text, kind=FactKind.MEETING)
    assert not any("Kanada" in names(c, Role.PARTICIPANT) for c in meetings), meetings


@pytest.mark.parametrize("text", [
    # an interview, not a meeting
    "Das sei ein Fehler, sagte Bundeskanzler Olaf Scholz im Gespräch mit dem BSW.",
    # talks of one body need a partner
    "Die Koalitionsgespräche der SPD dauern an.",
    # a body after "mit" did not sit on its own
    "In einer Sitzung mit der SPD sprach der Minister über Geld.",
])
def test_no_meeting(resources_no_ner, text):
    assert claims_of(resources_no_ner, text, kind=FactKind.MEETING) == []


@pytest.mark.parametrize("text", [
    # "ins Gespräch bringen" proposes
    "Karin Berg hatte Stefan Lindqvist im Frühjahr selbst ins Gespräch für eine Zusammenarbeit mit Kenia gebracht.",
    # "treffen" with what is made: an agreement, a decision
    "Karin Berg traf mit Stefan Lindqvist eine Vereinbarung über die Grenze.",
    "Karin Berg und Stefan Lindqvist trafen am Montag eine Entscheidung.",
    # an indirect question states nothing
    "Ob Karin Berg sich am Montag mit Stefan Lindqvist getroffen habe, blieb unklar.",
    "Es ist unklar, ob Karin Berg am Montag mit Stefan Lindqvist gesprochen hat.",
])
def test_meeting_words_that_state_no_meeting(resources_no_ner, text):
    assert claims_of(resources_no_ner, text, kind=FactKind.MEETING) == []


@pytest.mark.parametrize("text", [
    "Karin Berg traf am Montag Stefan Lindqvist in Nairobi.",
    # a noun of what is made, behind a preposition, is no object of "treffen"
    "Vor der Wahl traf Karin Berg in Nairobi Stefan Lindqvist.",
])
def test_meeting_someone_is_a_meeting(resources_no_ner, text):
    meetings = claims_of(resources_no_ner, text, kind=FactKind.MEETING)
    assert [names(c, Role.PARTICIPANT) for c in meetings] == [{"Karin Berg", "Stefan Lindqvist"}]


def test_a_visit_somebody_would_have_made_is_none(resources_no_ner):
    assert claims_of(resources_no_ner, "Der französische Präsident Emmanuel Macron hätte nach Kenia reisen wollen.",
                     kind=FactKind.VISIT) == []
