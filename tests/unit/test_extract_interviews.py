"""Interviews (kg/extract/interviews.py): what a question says the
interviewee did ("Warum kritisieren Sie ...?") is the interviewee's stance."""

from __future__ import annotations

from kg.model import FactKind, Role

from extract_helpers import claims_of, names


def found(resources, text):
    return {(min(names(c, Role.SPEAKER)), c.attribute("stance"), min(names(c, Role.TARGET), default=None))
            for c in claims_of(resources, text, kind=FactKind.STATEMENT) if c.extractor.startswith("interviews")}


INTERVIEW = ("Karla Brenner ist Gouverneurin. "
             "ZEITUNG: Warum kritisieren Sie die Regierung von Kenia so scharf? "
             "Brenner: Weil nichts geschieht. "
             "ZEITUNG: Was sagt Japan dazu? "
             "Brenner: Wenig.")


def test_a_question_that_says_what_the_interviewee_does(resources):
    got = found(resources, INTERVIEW)
    assert ("Karla Brenner", "criticize", "Kenia") in got


def test_a_question_about_somebody_else_states_nothing(resources):
    text = ("Karla Brenner ist Gouverneurin. "
            "ZEITUNG: Warum kritisiert Japan die Regierung von Kenia so scharf? "
            "Brenner: Weil nichts geschieht.")
    assert found(resources, text) == set()


def test_a_question_outside_an_interview_states_nothing(resources):
    text = "Warum kritisieren Sie die Regierung von Kenia so scharf? Das fragte Karla Brenner."
    assert found(resources, text) == set()


def test_the_interviewee_criticised_is_no_speaker(resources):
    text = ("Karla Brenner ist Gouverneurin. "
            "ZEITUNG: Warum werden Sie von Kenia so scharf kritisiert? "
            "Brenner: Weil nichts geschieht.")
    assert found(resources, text) == set()


def test_the_interviewees_own_demand_named_in_a_question(resources):
    text = ("Karla Brenner ist Gouverneurin. "
            "ZEITUNG: Warum ist Ihre Forderung an Kenia so hart? "
            "Brenner: Nein.")
    assert ("Karla Brenner", "demand", "Kenia") in found(resources, text)
