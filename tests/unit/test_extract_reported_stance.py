"""Reported stance (kg/extract/reported_stance.py): what is reported said
takes a stance without a stance word."""

from __future__ import annotations

import pytest

from kg.model import FactKind, Role

from extract_helpers import claims_of, names


def found(resources, text):
    return {(min(names(c, Role.SPEAKER)), c.attribute("stance"), min(names(c, Role.TARGET), default=None))
            for c in claims_of(resources, text, kind=FactKind.STATEMENT)
            if c.extractor.startswith("reported_stance")}


@pytest.mark.parametrize(("text", "expected"), [
    # refusal: the speaker's side will not
    ("Japan werde mit Kenia keinen Vertrag schließen, sagte der Minister Karla Brenner am Freitag.",
     ("Karla Brenner", "reject", "Kenia")),
    ("Ein Rücktritt komme nicht in Frage, sagte Karla Brenner.", ("Karla Brenner", "reject", None)),
    # blame put on another
    ("Für den Anschlag sei Kenia verantwortlich, sagte Karla Brenner.", ("Karla Brenner", "accuse", "Kenia")),
    # a bad consequence predicted
    ("Ein Austritt werde hohe Kosten nach sich ziehen, erklärte Karla Brenner.", ("Karla Brenner", "warn", None)),
    # what is needed
    ("Es brauche jetzt mehr Geld für die Schulen, sagte Karla Brenner.", ("Karla Brenner", "demand", None)),
    # a claim declared baseless, a denial for oneself
    ("Die Berichte seien haltlos, sagte Karla Brenner.", ("Karla Brenner", "reject", None)),
    ("Weder sie noch ihre Partei hätten davon gewusst, sagte Karla Brenner.", ("Karla Brenner", "reject", None)),
])
def test_reported_content_takes_a_stance(resources, text, expected):
    assert expected in found(resources, text)


@pytest.mark.parametrize("text", [
    # somebody else will not: a report, no refusal of the speaker
    "Kenia werde keinen Vertrag schließen, sagte Karla Brenner aus Japan.",
    # not reported speech
    "Ein Rücktritt kommt für die Partei nicht in Frage.",
    # one's own responsibility is no blame
    "Ich bin verantwortlich für die Schulen, sagte Karla Brenner.",
    # a question
    "Werde Japan keinen Vertrag schließen, fragte Karla Brenner?",
    # "weder" that denies nothing
    "Das Land habe weder Öl noch Gas, sagte Karla Brenner.",
])
def test_no_stance_without_its_cue(resources, text):
    assert found(resources, text) == set()


def test_a_subjunctive_sentence_continues_the_reported_speech(resources):
    text = ("Karla Brenner sagte am Montag, die Lage sei ernst. "
            "Kenia müsse sich bei den Nachbarn entschuldigen.")
    assert ("Karla Brenner", "demand", "Kenia") in found(resources, text)


def test_an_indicative_sentence_does_not_continue_it(resources):
    text = ("Karla Brenner sagte am Montag, die Lage sei ernst. "
            "Kenia musste sich bei den Nachbarn entschuldigen.")
    assert found(resources, text) == set()


def test_the_spokesperson_in_apposition_speaks(resources):
    """"sagte der Sprecher des Ministeriums, X": X, not the ministry."""
    text = ("Man werde mit Kenia keinen Vertrag schließen, sagte der Sprecher des  Außenministeriums, "
            "Karla Brenner.")
    assert ("Karla Brenner", "reject", "Kenia") in found(resources, text)


def test_whose_opinion_a_continued_sentence_says(resources):
    """"Der Präsident sei der Ansicht, ..." is the president's opinion,
    not the reporter's: without his name it is nobody's."""
    text = ("Karla Brenner sagte am Montag, die Lage sei ernst. "
            "Der Präsident sei der Ansicht, Kenia müsse sich entschuldigen.")
    assert found(resources, text) == set()


def test_another_who_gave_in_is_criticised(resources):
    assert ("Karla Brenner", "criticize", "Kenia") in found(
        resources, "Kenia sei vor der Opposition schon wieder eingeknickt, erklärte Karla Brenner.")
    # of one's own side it is no criticism
    assert found(resources, "Wir seien nicht eingeknickt, erklärte Karla Brenner.") == set()


def test_overload_said_is_criticism(resources):
    got = {(min(names(c, Role.SPEAKER)), c.attribute("stance"))
           for c in claims_of(resources, "Die Lehrer sind völlig überlastet, sagte Karla Brenner der Zeitung.",
                              kind=FactKind.STATEMENT)}
    assert ("Karla Brenner", "criticize") in got
    assert not claims_of(resources, "Die Lehrer sind völlig überlastet.", kind=FactKind.STATEMENT)


def test_a_continued_sentence_judges_for_the_speaker_before(resources):
    text = ("Karla Brenner sagte am Montag, die Gespräche seien beendet. "
            "Das Vorgehen Kenias sei ein schwerer Fehler.")
    assert ("Karla Brenner", "criticize", "Kenia") in found(resources, text)
    plain = "Karla Brenner sagte am Montag, die Gespräche seien beendet. Das Vorgehen Kenias war ein Fehler."
    assert found(resources, plain) == set()


def test_a_loss_predicted_for_another_is_a_warning(resources):
    text = ("Die Kosten beliefen sich auf Milliarden, sagte Karla Brenner. Hinzu kämen neue Zölle. "
            "Kenia verliere bei einem Austritt den Zugang zu vielen Märkten.")
    assert ("Karla Brenner", "warn", "Kenia") in found(resources, text)
    assert found(resources, "Kenia verlor bei dem Austritt den Zugang zu vielen Märkten.") == set()


def test_a_carried_modal_without_a_named_actor_is_no_demand(resources):
    text = "Karla Brenner sagte am Montag, die Lage sei ernst. Die Schüler müssten oft länger lernen."
    assert found(resources, text) == set()


def test_an_impersonal_carried_modal_is_a_demand(resources):
    text = ("Karla Brenner sagte am Montag, die Lage sei ernst. "
            "Es müssten die Ursachen vor Ort bekämpft werden.")
    assert ("Karla Brenner", "demand", None) in found(resources, text)


def test_what_another_ought_to_do_is_a_demand(resources):
    text = "Die Regierung in Nairobi müsste eigentlich handeln, sagt Karla Brenner."
    assert ("Karla Brenner", "demand", "Kenia") in found(resources, text)
    assert found(resources, "Ich müsste eigentlich handeln, sagt Karla Brenner.") == set()


def test_a_protest_note_announced_is_criticism(resources):
    text = "Man werde eine Protestnote an Kenia schicken, sagte Karla Brenner."
    assert ("Karla Brenner", "criticize", "Kenia") in found(resources, text)


def test_a_feeling_shown_is_a_stance(resources):
    # "sich enttäuscht zeigen" is a stance word of its own now: the statement extractor reads it
    got = {(min(names(c, Role.SPEAKER)), c.attribute("stance"), min(names(c, Role.TARGET), default=None))
           for c in claims_of(resources, "Karla Brenner zeigte sich am Montag enttäuscht über Kenia.",
                              kind=FactKind.STATEMENT)}
    assert ("Karla Brenner", "criticize", "Kenia") in got
    assert found(resources, "Karla Brenner zeigte sich am Montag nicht enttäuscht.") == set()
    assert found(resources, "Karla Brenner zeigte am Montag ein Foto aus Kenia.") == set()


def test_consequences_predicted_are_a_warning(resources):
    assert ("Karla Brenner", "warn", "Kenia") in found(
        resources, "Ein Austritt würde schwere Folgen für Kenia haben, sagte Karla Brenner.")
    assert found(resources, "Die Folgen des Austritts seien noch offen, sagte Karla Brenner.") == set()


def test_what_somebody_holds_to_be_a_mistake(resources):
    assert ("Karla Brenner", "criticize", "Kenia") in found(
        resources, "Karla Brenner hält das Vorgehen Kenias für einen schweren Fehler.")
    assert found(resources, "Karla Brenner hält das Vorgehen Kenias für richtig.") == set()
    assert found(resources, "Karla Brenner hält das Vorgehen Kenias nicht für einen Fehler.") == set()


def test_direct_speech_in_the_first_person_keeps_the_speaker(resources):
    text = ("Karla Brenner sagte: Das ist eine schwierige Frage. "
            "Wir haben ein Land, das kaum zu führen ist. "
            "Es brauche jetzt mehr Geld für die Schulen.")
    assert ("Karla Brenner", "demand", None) in found(resources, text)


def test_a_negated_permission_is_a_demand(resources):
    said = "Karla Brenner sagte, die Lage sei ernst. "
    assert ("Karla Brenner", "demand", None) in found(resources, said + "Man dürfe jetzt nicht warten.")
    assert found(resources, said + "Man dürfe jetzt wieder reisen.") == set()


def test_following_is_no_consequence(resources):
    text = "Karla Brenner hat angekündigt, dass ihr auch die Minister folgen würden."
    assert found(resources, text) == set()


def test_members_of_rival_parties_of_one_state_are_not_one_side(resources):
    text = ("Ministerpräsident Hans Bauer (CSU) habe geklagt, sagte der AfD-Chef Karl Huber am Dienstag. "
            "Der CSU-Chef sei schon wieder eingeknickt, erklärte Huber.")
    assert ("Karl Huber", "criticize", "Hans Bauer") in found(resources, text)


def test_propaganda_of_another_is_criticism(resources):
    text = "Wir haben keine Beziehungen zu ihnen, sagte Karla Brenner. Dies sei Propaganda der Regierung von Kenia."
    assert ("Karla Brenner", "criticize", "Kenia") in found(resources, text)


def test_stoking_a_conflict_is_blame(resources):
    text = "Emmanuel Macron schüre den Konflikt, um die Partei zu schwächen, sagte Karla Brenner."
    assert ("Karla Brenner", "accuse", "Emmanuel Macron") in found(resources, text)
