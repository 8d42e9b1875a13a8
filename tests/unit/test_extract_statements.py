"""Statements (kg/extract/statements.py) on sentences of our own: who takes
which stance towards whom, in the word orders German news uses.

The pipeline runs without the statistical NER (gazetteer, HanTa tags and
rules only), so these tests pin the rules, not a model.
"""

from __future__ import annotations

import pytest

from kg.model import FactKind, Role

from extract_helpers import claims_of, names


def statements(resources, text):
    return claims_of(resources, text, kind=FactKind.STATEMENT)


def found(resources, text):
    """(speaker, stance, target) of every statement of ``text``."""
    return {(min(names(c, Role.SPEAKER)), c.attribute("stance"), min(names(c, Role.TARGET), default=None))
            for c in statements(resources, text)}


@pytest.mark.parametrize(("text", "expected"), [
    # verb-second, subject first
    ("Der französische Präsident Emmanuel Macron kritisierte Indien am Montag scharf.",
     ("Emmanuel Macron", "criticize", "Indien")),
    # inverted: an adverbial before the verb, the subject right after it
    ("Am Montag forderte der französische Präsident Emmanuel Macron eine Waffenruhe.",
     ("Emmanuel Macron", "demand", None)),
    # verb-final subordinate clause
    ("Die Gespräche scheiterten, weil Emmanuel Macron Indien kritisiert hatte.",
     ("Emmanuel Macron", "criticize", "Indien")),
    # a span of time before the verb is adverbial: the subject follows the verb
    ("Wenige Wochen vor dem Gipfel hat die EU-Kommission den Vorschlag zurückgewiesen.",
     ("EU-Kommission", "reject", None)),
    ("Drei Tage nach dem Gipfel forderte Emmanuel Macron eine Waffenruhe.", ("Emmanuel Macron", "demand", None)),
    # a fronted object: the subject follows the verb
    ("Den Vorschlag lehnte der Präsident Emmanuel Macron ab.", ("Emmanuel Macron", "reject", None)),
    ("Dem Kanzler widersprach Emmanuel Macron am Montag.", ("Emmanuel Macron", "reject", None)),
    ("Die Vorwürfe wies der Minister Stefan Lindqvist zurück.", ("Stefan Lindqvist", "reject", None)),
    # separable verbs
    ("Japan wies die Vorwürfe am Dienstag entschieden zurück.", ("Japan", "reject", None)),
    ("Bundeskanzler Olaf Scholz rief Kenia zur Zurückhaltung auf.", ("Olaf Scholz", "demand", "Kenia")),
    ("Bundeskanzler Olaf Scholz forderte Kenia am Mittwoch zu Reformen auf.", ("Olaf Scholz", "demand", "Kenia")),
    # perfect with the participle at the end
    ("Der ungarische Ministerpräsident Viktor Orbán hat Brüssel Erpressung vorgeworfen.",
     ("Viktor Orbán", "accuse", "Brüssel")),
    # a verb that follows what was said: the subject of that is the target
    ("Indien verletze das Völkerrecht, kritisierte der polnische Außenminister Radosław Sikorski am Freitag.",
     ("Radosław Sikorski", "criticize", "Indien")),
    # "vor" names the target of a warning, the audience of anything else
    ("Indien verletze das Völkerrecht, kritisierte Emmanuel Macron am Montag vor dem UN-Sicherheitsrat.",
     ("Emmanuel Macron", "criticize", "Indien")),
    ("Emmanuel Macron warnte am Montag vor Indien.", ("Emmanuel Macron", "warn", "Indien")),
    # reflexive stance verbs
    ("Bundeskanzler Olaf Scholz setzt sich seit Jahren für Kenia ein.", ("Olaf Scholz", "support", "Kenia")),
    ("Bundeskanzler Olaf Scholz macht sich für einen Beitritt Kenias stark.", ("Olaf Scholz", "support", "Kenia")),
    ("Japan wehrte sich gegen jede Einmischung.", ("Japan", "reject", None)),
    ("Die Regierungspartei ZRP streitet jede Absprache ab.", ("ZRP", "reject", None)),
    # threats and warnings group with concern
    ("Japan drohte am Montag mit Gegenmaßnahmen.", ("Japan", "warn", None)),
    ("Vor einer Eskalation warnte auch Bundeskanzler Olaf Scholz.", ("Olaf Scholz", "warn", None)),
    # a relative clause: the antecedent speaks
    ("Das Treffen geht auf einen Vorschlag Japans zurück, das eine Waffenruhe gefordert hatte.",
     ("Japan", "demand", None)),
    # "was X bestreitet"
    ("Indien soll Waffen geliefert haben, was Japan bestreitet.", ("Japan", "reject", None)),
])
def test_stance_by_word_order(resources_no_ner, text, expected):
    assert expected in found(resources_no_ner, text), statements(resources_no_ner, text)


@pytest.mark.parametrize(("text", "expected"), [
    # a body of a state speaks for the state
    ("Die Regierung in Tokio hat die Nachbarstaaten zur Mäßigung aufgerufen.", ("Japan", "demand", None)),
    ("Die japanische Regierung kritisierte den Test scharf.", ("Japan", "criticize", None)),
    # a body of a region speaks for the region, not for its state
    ("Die Führung von Bayern forderte die Bürger zum Sparen auf.", ("Bayern", "demand", None)),
    ("Am Montag kritisierte die Regierung in Katalonien das Urteil.", ("Katalonien", "criticize", None)),
    # ... and a body is a target for its state
    ("Emmanuel Macron kritisierte die Führung in Tokio scharf.", ("Emmanuel Macron", "criticize", "Japan")),
])
def test_bodies_speak_for_their_state(resources_no_ner, text, expected):
    assert expected in found(resources_no_ner, text), statements(resources_no_ner, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Kritik des polnischen Außenministers Radosław Sikorski an Ungarn wurde am Montag laut.",
     ("Radosław Sikorski", "criticize", "Ungarn")),
    ("Die Kritik von Emmanuel Macron an Ungarn wurde am Montag laut.", ("Emmanuel Macron", "criticize", "Ungarn")),
    ("Japan übte scharfe Kritik an Indien.", ("Japan", "criticize", "Indien")),
    # protest, an ultimatum, a refusal
    ("Japan protestierte scharf gegen die Pläne Indiens.", ("Japan", "criticize", "Indien")),
    ("Japan stellte Indien ein Ultimatum.", ("Japan", "demand", "Indien")),
    # a plural with umlaut is read by its lemma
    ("Japan erhob schwere Vorwürfe gegen Indien.", ("Japan", "accuse", "Indien")),
    ("Die Reise führte zu einem Appell durch Bundeskanzler Olaf Scholz.", ("Olaf Scholz", "demand", None)),
    # the agent of a passive, of an attributive participle
    ("Der Plan wurde von Japan scharf kritisiert.", ("Japan", "criticize", None)),
    # the "von" of a noun is no agent; the one the subject noun belongs to is the target
    ("Die Kandidatur von Emmanuel Macron wird von Japan nicht unterstützt.", ("Japan", "reject", "Emmanuel Macron")),
    ("Die von Japan unterstützte Regierung Kenias trat zurück.", ("Japan", "support", "Kenia")),
])
def test_agents_of_nouns_passives_and_participles(resources_no_ner, text, expected):
    assert expected in found(resources_no_ner, text), statements(resources_no_ner, text)


def test_must_after_said_is_a_demand(resources_no_ner):
    text = "Indien müsse die Blockade sofort beenden, sagte Bundeskanzler Olaf Scholz."
    assert ("Olaf Scholz", "demand", "Indien") in found(resources_no_ner, text)


def test_pronoun_refers_to_who_spoke_before(resources_no_ner):
    text = "Bundeskanzler Olaf Scholz lobte Kenia am Montag. Zugleich kritisierte er Indien."
    assert ("Olaf Scholz", "criticize", "Indien") in found(resources_no_ner, text)


def test_coordinated_speakers_and_targets(resources_no_ner):
    text = "Emmanuel Macron rief Indien und Japan zur Zurückhaltung auf, was Chile und Peru bestreiten."
    got = found(resources_no_ner, text)
    assert {("Emmanuel Macron", "demand", "Indien"), ("Emmanuel Macron", "demand", "Japan")} <= got
    # "was" takes up what Macron demanded: he is whom Chile and Peru answer
    assert {("Chile", "reject", "Emmanuel Macron"), ("Peru", "reject", "Emmanuel Macron")} <= got


@pytest.mark.parametrize("text", [
    # passive without an agent: nobody is said to accuse
    "Emmanuel Macron wird Bestechlichkeit vorgeworfen.",
    # a person noun, not a stance
    "Kritiker werfen Emmanuel Macron vor, die Presse zu gängeln.",
    # in criticism, not criticising
    "Der in die Kritik geratene Emmanuel Macron reiste nach Indien.",
    # a negated stance that has no negated reading
    "Japan wird Indien in dieser Frage nicht kritisieren.",
    # a question states nothing
    "Warum kritisiert Japan Indien so scharf?",
    # "sorgen für" is no concern, "droht die Pleite" no threat
    "Emmanuel Macron will für mehr Transparenz sorgen.",
    "Kenia droht im Herbst die Staatspleite.",
    # cooperation is support only in reported speech
    "Japan arbeitet mit Indien zusammen.",
    # history, not news
    "Japan unterstützte im Jahr 1950 Indien.",
    # an adverbial before the verb holds no speaker
    "In einem Beitrag für Japan dankte das Volk den Helfern.",
])
def test_no_statement(resources_no_ner, text):
    assert statements(resources_no_ner, text) == []


def test_negation_of_the_clause_before_does_not_count(resources_no_ner):
    text = "Indien halte sich nicht an die Regeln, kritisierte der polnische Außenminister Radosław Sikorski."
    assert ("Radosław Sikorski", "criticize", "Indien") in found(resources_no_ner, text)


def test_a_preposition_of_a_noun_gives_no_target(resources_no_ner):
    text = "Japan forderte eine Friedenslösung für Indien."
    assert found(resources_no_ner, text) == {("Japan", "demand", None)}


def test_cooperation_said_is_the_sayers_support(resources_no_ner):
    text = "Bundeskanzler Olaf Scholz fügte hinzu, dass Kenia und Deutschland enger zusammenarbeiten wollen."
    assert ("Olaf Scholz", "support", "Kenia") in found(resources_no_ner, text)


@pytest.mark.parametrize(("text", "expected"), [
    # an evaluation someone gives, or that reported speech gives
    ("Unverschämt nannte Bundeskanzler Olaf Scholz den Auftritt.", ("Olaf Scholz", "criticize", None)),
    ("Das Vorgehen sei inakzeptabel, sagte Bundeskanzler Olaf Scholz.", ("Olaf Scholz", "criticize", None)),
    ("Es sei unentschuldbar, Zivilisten anzugreifen, hieß es in einer Erklärung von Emmanuel Macron.",
     ("Emmanuel Macron", "criticize", None)),
    # "laut X": a person's reported demand
    ("Laut Emmanuel Macron müsse Indien die Blockade beenden.", ("Emmanuel Macron", "demand", "Indien")),
])
def test_evaluations_and_reported_speech(resources_no_ner, text, expected):
    assert expected in found(resources_no_ner, text), statements(resources_no_ner, text)


def test_a_plan_for_ones_own_state_is_no_demand(resources_no_ner):
    text = "Frankreich müsse mehr in die Verteidigung investieren, sagte der französische Präsident Emmanuel Macron."
    assert not any(s.attribute("stance") == "demand" for s in statements(resources_no_ner, text))


def test_a_name_before_a_stance_noun_is_its_speaker(resources_no_ner):
    text = ("Der griechische Regierungschef Alexis Tsipras kam. "
            "Tsipras Forderung nach einer Waffenruhe blieb ungehört.")
    assert ("Alexis Tsipras", "demand", None) in found(resources_no_ner, text)


def test_help_given_in_the_passive_is_no_stance(resources_no_ner):
    assert statements(resources_no_ner, "Die Klinik wird von Japan unterstützt.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Japan machte Indien für den Angriff verantwortlich.", ("Japan", "accuse", "Indien")),
    ("Bundeskanzler Olaf Scholz hatte bei Kenia für eine Zusammenarbeit geworben.", ("Olaf Scholz", "support", "Kenia")),  # the one courted
    ("Japan sprach sich für einen Beitritt Kenias aus.", ("Japan", "support", "Kenia")),
    ("Japan sprach sich gegen Sanktionen aus.", ("Japan", "reject", None)),
])
def test_stances_with_their_preposition(resources_no_ner, text, expected):
    assert expected in found(resources_no_ner, text), statements(resources_no_ner, text)


def test_advertising_is_no_support(resources_no_ner):
    assert statements(resources_no_ner, "Japan wirbt neue Fachkräfte an.") == []


INTERVIEW = ("Die Reformen stocken, sagt der Bürgermeister Emmanuel Macron. "
             "KURIER: Warum kritisieren Sie die Regierung so scharf? Die Regierung in Japan fordert Reformen. "
             "Macron: Ich kritisiere die Regierung in Indien, weil sie nichts tut. "
             "KURIER: Und Japan? Kenia fordert Reformen. "
             "Macron: Heute warne ich vor Japan.")


def test_interview_answers_are_the_interviewees_statements(resources):
    """In an interview "ich" in an answer ("Name: ...") is the person
    named; the interviewer's turns (a label whose line asks) state
    nothing, not even their sentences after the question."""
    got = found(resources, INTERVIEW)
    assert ("Emmanuel Macron", "criticize", "Indien") in got
    assert ("Emmanuel Macron", "warn", "Japan") in got
    assert not any(speaker in ("Japan", "Kenia") for speaker, _, _ in got)


def test_a_headline_label_is_no_interview(resources):
    """"Stadt: ..." at the start of a report is a headline, not a turn."""
    got = found(resources, "Nairobi: Kenia fordert Reformen. Japan kritisierte Indien am Montag.")
    assert ("Kenia", "demand", None) in got
    assert ("Japan", "criticize", "Indien") in got


@pytest.mark.parametrize(("text", "expected"), [
    # a noun that makes a verb a stance
    ("Dass die Vorwürfe stimmten, stellte Emmanuel Macron in Abrede.", ("Emmanuel Macron", "reject", None)),
    ("Der Bürgermeister Emmanuel Macron gab dagegen Japan die Schuld.", ("Emmanuel Macron", "accuse", "Japan")),
    # doubts and misgivings voiced
    ("Emmanuel Macron äußerte am Montag Zweifel an der Reform.", ("Emmanuel Macron", "concern", None)),
    # a state body after a fronted adverbial speaks for its state
    ("Am Montag kritisierte die Regierung in Nairobi das Vorgehen scharf.", ("Kenia", "criticize", None)),
])
def test_idioms_and_inverted_bodies(resources, text, expected):
    assert expected in found(resources, text)


@pytest.mark.parametrize("text", [
    "Es gibt Zweifel an der Regierung in Nairobi.",
    "Ohne Zweifel hat Emmanuel Macron Indien besucht.",
    "Emmanuel Macron hat die Frage gestellt, ob Indien hilft.",
    "Emmanuel Macron gab Japan ein Versprechen.",
])
def test_no_stance_without_the_idiom(resources, text):
    assert not found(resources, text)


def test_doubts_heard_are_not_voiced(resources):
    assert not found(resources, "Emmanuel Macron hat sich diese Bedenken mehrmals angehört.")
    assert ("Emmanuel Macron", "concern", None) in found(resources, "Emmanuel Macron meldete am Montag Bedenken an.")


@pytest.mark.parametrize(("text", "expected"), [
    # a judging word in what a person is reported to say
    ("Das war ein schwerer Fehler, sagte Mario Reyes.", ("Mario Reyes", "criticize", None)),
    ("Es ist ein historischer Tag für Chile, sagte der Abgeordnete Mario Reyes.", ("Mario Reyes", "praise", "Chile")),
    # "nennen"/"bezeichnen als" with a judging word
    ("Enttäuschend nannte der Abgeordnete Mario Reyes den Auftritt.", ("Mario Reyes", "criticize", None)),
    ("Mario Reyes bezeichnete die Lage in Chile als sehr, sehr gefährlich.", ("Mario Reyes", "concern", "Chile")),
])
def test_judging_words_in_reported_speech(resources, text, expected):
    assert expected in found(resources, text)


@pytest.mark.parametrize("text", [
    # not said of anything: part of a name for a thing
    "Eine Regierung des Fortschritts sei das Ziel, sagte Mario Reyes.",
    # denied
    "Das sei kein Fehler gewesen, sagte Mario Reyes.",
    # no one reported
    "Der Fehler im System wurde am Montag behoben.",
])
def test_judging_words_that_judge_nothing(resources, text):
    assert not {s for s in found(resources, text) if s[1] in ("criticize", "praise", "concern")}


def test_negated_support_is_rejection(resources):
    # kg:negatedAs in the ontology: support negated rejects; criticism negated states nothing
    text = "Der Präsident Tomás Ruiz hatte erklärt, dass er die Kandidatur von Karla Brenner nicht unterstützen werde."
    stances = [(c.attribute("stance"), names(c, Role.SPEAKER)) for c in claims_of(resources, text, kind=FactKind.STATEMENT)]
    assert ("reject", {"Tomás Ruiz"}) in stances and not any(s == "support" for s, _ in stances)
    text = "Japan wird keinen Kandidaten aus der Region unterstützen."
    assert [c.attribute("stance") for c in claims_of(resources, text, kind=FactKind.STATEMENT)] == ["reject"]


@pytest.mark.parametrize(("text", "speaker", "stance", "target"), [
    # nominating a candidate supports them
    ("Chile nominierte den früheren Präsidenten Tomás Ruiz als Kandidaten.", "Chile", "support", "Tomás Ruiz"),
    # resistance announced is rejection
    ("Santiago – Die Regierung in Chile kündigte Widerstand gegen den Plan an.", "Chile", "reject", None),
    # a capital that takes a stance is its state's government, or the body seated there
    ("Moskau warnte Chile vor einer Eskalation.", "Russland", "warn", "Chile"),
    ("Brüssel forderte von Chile mehr Transparenz.", "Europäische Union", "demand", "Chile"),
])
def test_more_stance_frames(resources, text, speaker, stance, target):
    got = {(min(names(c, Role.SPEAKER)), c.attribute("stance"), min(names(c, Role.TARGET), default=None))
           for c in claims_of(resources, text, kind=FactKind.STATEMENT)}
    assert (speaker, stance, target) in got


def test_another_city_speaks_for_itself_and_resistance_met_is_no_stance(resources):
    got = {min(names(c, Role.SPEAKER)) for c in claims_of(resources, "Odessa fordert mehr Geld.", kind=FactKind.STATEMENT)}
    assert got == {"Odessa"}
    assert claims_of(resources, "Der Plan von Tomás Ruiz stößt in Chile auf Widerstand.", kind=FactKind.STATEMENT) == []


@pytest.mark.parametrize(("text", "expected"), [
    # two subjects, each with its article and adjective: both speak, neither is the target
    ("Da die konservative CDU und die liberale FDP bereits ihren Verzicht auf eine Beteiligung erklärt haben, "
     "bleibt nur die SPD.", {("CDU", "reject", None), ("FDP", "reject", None)}),
    # idioms whose "mit" or dative names the one judged
    ("Ebenso heftig ging Emmanuel Macron mit Olaf Scholz ins Gericht.", {("Emmanuel Macron", "criticize", "Olaf Scholz")}),
    ("Auch Olaf Scholz hat Karla Brenner den Rücken gekehrt.", {("Olaf Scholz", "criticize", "Karla Brenner")}),
    # readiness to work with others supports them, each of them
    ("Olaf Scholz erklärte sich bereit, eng mit Japan und Kenia zusammenzuarbeiten.",
     {("Olaf Scholz", "support", "Japan"), ("Olaf Scholz", "support", "Kenia")}),
    # a correlate makes the cooperating subject the one that demands
    ("Die EU arbeitet mit der Weltbank dabei zusammen, Reformen von Kenia zu fordern.",
     {("Europäische Union", "demand", "Kenia")}),
])
def test_coordination_idioms_and_readiness(resources, text, expected):
    assert expected <= found(resources, text)


def test_going_with_someone_is_no_criticism(resources):
    assert found(resources, "Olaf Scholz ging mit Karla Brenner ins Kino.") == set()


def test_names_coordinated_before_the_speaker_speak_too(resources):
    text = "Wichtige Partner wie die Arabische Liga und die Afrikanische Union haben ihre Sympathie bekundet."
    assert {("Arabische Liga", "support", None), ("Afrikanische Union", "support", None)} <= found(resources, text)


def test_a_word_said_twice_splits_no_clause(resources):
    text = "Washington – Verteidigungsministerin Karla Brenner hatte Kenia als sehr, sehr ernste Bedrohung bezeichnet."
    assert ("Karla Brenner", "concern", "Kenia") in found(resources, text)


def test_der_after_the_verb_marks_the_subject_of_a_fronted_object(resources):
    text = "Die kenianische Regierung und die Opposition lobte der Präsident Emmanuel Macron am Montag."
    assert {speaker for speaker, _, _ in found(resources, text)} == {"Emmanuel Macron"}


def test_a_feminine_dative_after_the_verb_is_no_subject(resources):
    text = "Die EU dankte der Präsidentin Karla Brenner am Montag."
    assert ("Karla Brenner", "thank", "Europäische Union") not in found(resources, text)


def test_a_pronoun_after_the_subordinator_is_the_subject(resources):
    text = "Chile erhofft sich von der EU, dass es das Land bei seinen Reformen unterstützt."
    assert not any(speaker == "Chile" for speaker, _, _ in found(resources, text))


def test_es_goes_on_about_a_neuter_body_that_spoke(resources):
    text = ("Das Militär des Landes Peru drohte Chile am Samstag mit Angriffen. "
            "Es warf Chile vor, einen Schlag geplant zu haben.")
    assert ("Peru", "accuse", "Chile") in found(resources, text)


def test_es_without_a_body_before_is_nobody(resources):
    assert found(resources, "Peru wählt. Es warf Chile vor, einen Schlag geplant zu haben.") == set()


def test_the_government_of_a_person_is_their_side(resources):
    text = "Olaf Scholz kritisierte die Regierung von Präsident Emmanuel Macron."
    assert ("Olaf Scholz", "criticize", "Emmanuel Macron") in found(resources, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Kiewer Regierung kritisierte Russland scharf.", ("Ukraine", "criticize", "Russland")),
    ("Die Moskauer Führung wies die Vorwürfe zurück.", ("Russland", "reject", None)),
])
def test_a_capital_adjective_names_the_state_of_a_body(resources, text, expected):
    assert expected in found(resources, text)


def test_a_person_may_accuse_their_own_government(resources):
    text = "Ankara – In der Türkei wird gestritten. HDP-Chef Selim Kaya warf der Regierung in Ankara vor, zu lügen."
    assert ("Selim Kaya", "accuse", "Türkei") in found(resources, text)


def test_gapped_clauses_take_the_same_stance(resources):
    text = ("Kenia unterstützte den früheren Minister Hans Bauer, Japan seine Außenministerin Karla Brenner, "
            "Peru den Diplomaten Emmanuel Macron.")
    stated = found(resources, text)
    assert {("Kenia", "support", "Hans Bauer"), ("Japan", "support", "Karla Brenner"),
            ("Peru", "support", "Emmanuel Macron")} <= stated
    assert ("Kenia", "support", "Japan") not in stated


def test_a_new_clause_after_a_comma_is_no_second_target(resources):
    stated = found(resources, "Olaf Scholz kritisierte Emmanuel Macron, Kenia lobte Karla Brenner.")
    assert ("Olaf Scholz", "criticize", "Kenia") not in stated
    assert ("Kenia", "praise", "Karla Brenner") in stated


@pytest.mark.parametrize(("text", "expected"), [
    # a ge- participle; the clause's "kein" does not negate the attribute
    ("Die von Japan geforderte Aufnahme in die Nato ist kein Thema.", ("Japan", "demand", "Nato")),
    # an unnamed government after "von" speaks for its state
    ("Kiew streitet. Die von der Regierung in Kiew geforderte Aufnahme in die Nato ist kein Thema.",
     ("Ukraine", "demand", "Nato")),
])
def test_attributive_participles_with_their_agent(resources, text, expected):
    assert expected in found(resources, text)


def test_a_negated_attribute_takes_no_stance(resources):
    assert not [f for f in found(resources, "Die nicht geforderte Aufnahme Japans in die Nato kam.") if f[1] == "demand"]


def test_a_praising_judgement_in_reported_speech(resources):
    text = "Das hat Bundeskanzler Olaf Scholz wirklich eindrucksvoll gemacht, sagte Emmanuel Macron."
    assert ("Emmanuel Macron", "praise", "Olaf Scholz") in found(resources, text)


def test_a_counted_people_is_not_its_state(resources_no_ner):
    assert not found(resources_no_ner, "Am Sonntag zogen tausende Polen vor das Parlament und protestierten gegen das Gesetz.")
    assert ("Polen", "criticize", None) in found(resources_no_ner, "Polen protestierte gegen das Gesetz.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Emmanuel Macron zeigte sich besorgt über die Lage in Syrien.", ("Emmanuel Macron", "concern", "Syrien")),
    ("Emmanuel Macron warnte vor einer Eskalation der Gewalt in der Ukraine.", ("Emmanuel Macron", "warn", "Ukraine")),
    # a compound on its head, and a region that is no actor
    ("Karin Berg warnte vor der restriktiven Flüchtlingspolitik in Europa.", ("Karin Berg", "warn", "Europa")),
    ("Karin Berg ist beunruhigt über die wachsende Fremdenfeindlichkeit in Kenia.", ("Karin Berg", "concern", "Kenia")),
])
def test_the_place_of_a_situation_is_the_target(resources_no_ner, text, expected):
    assert expected in found(resources_no_ner, text)


def test_a_place_of_something_else_is_no_target(resources_no_ner):
    assert ("Emmanuel Macron", "criticize", None) in found(
        resources_no_ner, "Emmanuel Macron kritisierte ein Krankenhaus in Aleppo.")


def test_the_people_of_a_state_stand_for_it(resources_no_ner):
    assert ("Emmanuel Macron", "thank", "Ukraine") in found(resources_no_ner, "Emmanuel Macron dankte dem ukrainischen Volk.")


@pytest.mark.parametrize(("text", "expected"), [
    # the source of "hieß es" fronted, speaking for "man"
    ("Aus Tokio hieß es, man lehne den Plan ab.", ("Japan", "reject", None)),
    # "Kritik kam von/aus X"
    ("Scharfe Kritik an Indien kam auch aus Japan.", ("Japan", "criticize", "Indien")),
])
def test_sources_of_what_was_said(resources_no_ner, text, expected):
    assert expected in found(resources_no_ner, text)


def test_man_alone_is_nobody(resources_no_ner):
    assert not found(resources_no_ner, "Man lehnt den Plan ab.")


@pytest.mark.parametrize(("text", "expected"), [
    # support of measures against someone is a demand against them
    ("Emmanuel Macron sprach sich für Sanktionen gegen Indien aus.", ("Emmanuel Macron", "demand", "Indien")),
    ("Emmanuel Macron plädierte für Sanktionen gegen Indien.", ("Emmanuel Macron", "demand", "Indien")),
    ("Emmanuel Macron äußerte sich kritisch zu dem Plan.", ("Emmanuel Macron", "criticize", None)),
])
def test_stances_of_advocacy(resources_no_ner, text, expected):
    assert expected in found(resources_no_ner, text)


def test_pleading_guilty_is_no_demand(resources_no_ner):
    assert not found(resources_no_ner, "Emmanuel Macron plädierte vor Gericht auf schuldig.")


@pytest.mark.parametrize(("text", "expected"), [
    # a relative clause between the subject and its verb
    ("Der Minister Stefan Lindqvist, der im Mai von Kenia ernannt worden war, lehnte den Vorschlag ab.",
     ("Stefan Lindqvist", "reject", None)),
    # the preposition of a reflexive verb makes the stance
    ("Die norwegische Außenministerin Karin Berg stellte sich am Montag hinter Kenia.",
     ("Karin Berg", "support", "Kenia")),
    ("Die norwegische Außenministerin Karin Berg wandte sich am Montag gegen Kenia.",
     ("Karin Berg", "reject", "Kenia")),
    # what the subject promises to do is its own stance
    ("Die norwegische Außenministerin Karin Berg kündigte am Montag an, Kenia zu unterstützen.",
     ("Karin Berg", "support", "Kenia")),
    # a fronted stance noun before a light verb is its object, the subject follows
    ("Kritik an Kenia übte am Montag auch die norwegische Außenministerin Karin Berg.",
     ("Karin Berg", "criticize", "Kenia")),
])
def test_subjects_across_inserted_clauses_and_light_verbs(resources_no_ner, text, expected):
    assert expected in found(resources_no_ner, text), statements(resources_no_ner, text)


def test_a_stance_noun_as_subject_is_nobodys_statement(resources_no_ner):
    assert not found(resources_no_ner, "Die Kritik an Kenia wächst.")


def test_a_date_in_a_relative_clause_dates_only_that_clause(resources_no_ner):
    text = "Die norwegische Außenministerin Karin Berg, die seit 2010 im Amt ist, kritisierte Kenia scharf."
    [claim] = statements(resources_no_ner, text)
    assert claim.when is not None and claim.when.year == 2024, claim


@pytest.mark.parametrize("text", [
    # an indirect question
    "Es ist nicht geklärt, ob Karin Berg Kenia hätte auffordern müssen.",
    # a condition
    "Wenn Karin Berg schon Kenia unterstützt, hätte sie sich der Wahl stellen sollen.",
])
def test_a_clause_that_asks_or_supposes_takes_no_stance(resources_no_ner, text):
    assert not found(resources_no_ner, text)


def test_a_name_after_a_descriptor_in_a_genitive_is_no_speaker(resources_no_ner):
    text = "Der Chefredakteur der regierungskritischen Zeitung Dagbladet, Stefan Lindqvist, warnte vor Repressionen."
    assert found(resources_no_ner, text) == {("Stefan Lindqvist", "warn", None)}


@pytest.mark.parametrize("text", [
    "Karin Berg besorgt über wachsende Gewalt in Kenia",
    'Karin Berg "beunruhigt" über wachsende Gewalt in Kenia, aber Lob für die Hilfe.',
])
def test_a_headline_without_a_verb(resources_no_ner, text):
    assert ("Karin Berg", "concern", "Kenia") in found(resources_no_ner, text)


def test_a_thing_that_worries_others_is_no_speaker(resources_no_ner):
    # "besorgt" is the verb "besorgen" here: the arming worries the neighbours
    assert not found(resources_no_ner, "Die Aufrüstung Kenias besorgt viele Nachbarstaaten in der Region.")


def test_what_the_speaker_must_do_is_no_demand(resources_no_ner):
    assert not found(resources_no_ner, "Karin Berg sagte, sie müsse früher nach Hause.")
    assert ("Karin Berg", "demand", "Kenia") in found(resources_no_ner, "Kenia müsse die Grenze öffnen, sagte Karin Berg.")


@pytest.mark.parametrize(("text", "expected"), [
    # a state's adjective on what the stance is about names whose doing it is
    ("Stefan Lindqvist kritisierte die russischen Luftangriffe scharf.", ("Stefan Lindqvist", "criticize", "Russland")),
    # ... but not on a company or a report: there it tells only where they come from
    ("Stefan Lindqvist kritisierte den deutschen Konzern scharf.", ("Stefan Lindqvist", "criticize", None)),
    ("Stefan Lindqvist lobte eine britische Zeitung.", ("Stefan Lindqvist", "praise", None)),
    # the doer of what a "dass" clause says
    ("Stefan Lindqvist bedauerte, dass Kenia die Wahl verschoben hat.",
     ("Stefan Lindqvist", "criticize", "Kenia")),
    ("Stefan Lindqvist begrüßte, dass Kenia die Gefangenen freigelassen hat.", ("Stefan Lindqvist", "praise", "Kenia")),
    # the one in the condition of a threat
    ("Stefan Lindqvist drohte mit Sanktionen, falls Russland die Grenze überschreite.",
     ("Stefan Lindqvist", "warn", "Russland")),
    ("Stefan Lindqvist drohte mit Konsequenzen, sollte Russland die Grenze überschreiten.",
     ("Stefan Lindqvist", "warn", "Russland")),
    # the doer named behind the attributes of a warning's "vor" phrase
    ("Stefan Lindqvist warnte vor neuen Angriffen durch die Hamas.", ("Stefan Lindqvist", "warn", "Hamas")),
    # "..., was X bestreitet": X answers whoever made the claim
    ("Kenia wirft Schweden vor, die Grenze verletzt zu haben, was Stockholm bestreitet.",
     ("Schweden", "reject", "Kenia")),
])
def test_targets_outside_the_object(resources_no_ner, text, expected):
    assert expected in found(resources_no_ner, text)


def test_an_envoy_speaks_for_the_state_of_the_adjective_not_the_posting(resources_no_ner):
    assert ("Schweden", "criticize", None) in found(
        resources_no_ner, "Der schwedische Botschafter in Nairobi kritisierte die Regierung.")
    assert ("Kenia", "criticize", None) in found(resources_no_ner, "Die Regierung in Nairobi kritisierte die Entscheidung.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Stefan Lindqvist beharrte auf einer Entschuldigung.", ("Stefan Lindqvist", "demand", None)),
    ("Stefan Lindqvist legte Kenia nahe, die Wahl zu wiederholen.", ("Stefan Lindqvist", "demand", "Kenia")),
    ("Stefan Lindqvist nahm Kenia in Schutz.", ("Stefan Lindqvist", "support", "Kenia")),
    # a weak stance noun given with a light or a commitment verb
    ("Stefan Lindqvist signalisierte Kenia Unterstützung.", ("Stefan Lindqvist", "support", "Kenia")),
    ("Stefan Lindqvist empörte sich über Kenia.", ("Stefan Lindqvist", "criticize", "Kenia")),
    ("Stefan Lindqvist hielt Kenia Versagen vor.", ("Stefan Lindqvist", "accuse", "Kenia")),
    ("Stefan Lindqvist schloss eine Koalition aus.", ("Stefan Lindqvist", "reject", None)),
    ("Stefan Lindqvist verwahrte sich gegen die Vorwürfe Kenias.", ("Stefan Lindqvist", "reject", "Kenia")),
    # an infinitive after "zu" makes the verb a stance
    ("Das sei zu teuer, gab Stefan Lindqvist am Montag zu bedenken.", ("Stefan Lindqvist", "concern", None)),
])
def test_more_stance_words(resources_no_ner, text, expected):
    assert expected in found(resources_no_ner, text)


def test_a_weak_stance_noun_somebody_needs_is_none(resources_no_ner):
    assert not found(resources_no_ner, "Kenia braucht dringend Unterstützung.")


def test_a_that_clause_of_another_verb_names_no_target(resources_no_ner):
    # the "dass" clause is what "betonte" says; the capital is the speaker's own state
    text = "Der Kreml wies den Haftbefehl zurück und betonte, dass Moskau das Gericht nicht anerkenne."
    assert ("Russland", "reject", None) in found(resources_no_ner, text)
    assert ("Russland", "criticize", None) in found(resources_no_ner, "Der Kreml bedauerte, dass Moskau nicht eingeladen wurde.")


def test_a_body_with_a_regions_adjective_speaks_for_the_region(resources_no_ner):
    assert ("Bayern", "criticize", None) in found(resources_no_ner, "Die bayerische Landesregierung kritisierte das Gesetz.")


def test_a_body_in_brackets_after_a_noun_speaks(resources):
    assert ("NVB", "criticize", None) in found(resources, "Oslo – Der Vogelschutzbund (NVB) kritisierte die Entscheidung.")
    # after a noun a preposition governs, the brackets name something else
    assert not found(resources, "Oslo – Das Nein der Kammer zur Vereinbarung für die Kliniken (OKL) löst Empörung aus.")


def test_whom_it_was_said_to_is_no_target(resources):
    got = found(resources, "Oslo – Der Vogelschutzbund (NVB) hat gegenüber dem NRK die Entscheidung kritisiert.")
    assert got == {("NVB", "criticize", None)}
