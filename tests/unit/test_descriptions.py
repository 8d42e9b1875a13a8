"""Descriptions that refer back to a state or body ("das Land", "die frühere
Sowjetrepublik", "das Bündnis"), on sentences of our own."""

from __future__ import annotations

import pytest

from kg.model import FactKind, Role

from extract_helpers import claims_of, mentions_of, names


def described(resources, text):
    """(surface text, what it refers to) of every description mention."""
    heads = ("Land", "Landes", "Sowjetrepublik", "Bündnis", "Partei", "Staat", "Republik")
    return {(m.text, m.name) for m in mentions_of(resources, text) if m.text.split()[-1] in heads}


@pytest.mark.parametrize(("text", "expected"), [
    # the one state named just before
    ("Santiago – Chile hat am Montag ein neues Parlament gewählt. Das Land will damit den Handel stärken.",
     ("Das Land", "Chile")),
    ("In Kiew wurde gewählt. Die frühere Sowjetrepublik stimmte über ein neues Parlament ab.",
     ("Die frühere Sowjetrepublik", "Ukraine")),
    # a body of the kind the noun names
    ("Die Nato tagt in Brüssel. Das Bündnis will neue Mitglieder aufnehmen.", ("Das Bündnis", "Nato")),
    ("Die SPD hat gewählt. Viele werfen der Partei vor, zu zögern.", ("der Partei", "SPD")),
])
def test_description_refers_back(resources, text, expected):
    assert expected in described(resources, text)


@pytest.mark.parametrize("text", [
    "Chile wählt. Viele Menschen leben auf dem Land.",  # the countryside
    "Chile und Peru haben ein Abkommen unterzeichnet. Das Land will den Handel stärken.",  # which of two?
    "Chile wählt. Auch die Republik Moldau hat gewählt.",  # part of a name
    "Ein Land ohne Regierung ist schwer zu führen.",  # no article that refers back, nothing named before
])
def test_no_description(resources, text):
    assert not {d for d in described(resources, text) if d[0].split()[-1] in ("Land", "Republik")}


def test_a_description_speaks(resources):
    text = "Die Regierung in Kiew wurde scharf kritisiert. Die frühere Sowjetrepublik wies die Kritik zurück."
    stated = {(min(names(c, Role.SPEAKER)), c.attribute("stance")) for c in claims_of(resources, text, kind=FactKind.STATEMENT)}
    assert ("Ukraine", "reject") in stated


def _bodies(resources, text):
    return {(m.text, m.name) for m in mentions_of(resources, text) if m.type.value == "Organization"}


def test_a_lone_body_noun_is_that_body_of_the_state_meant(resources):
    text = "Santiago – In Chile wird gestritten. Die Opposition wirft dem Präsidenten vor, die Wahl verschoben zu haben."
    assert ("Die Opposition", "chilenische Opposition") in _bodies(resources, text)
    stated = {(min(names(c, Role.SPEAKER)), c.attribute("stance")) for c in claims_of(resources, text, kind=FactKind.STATEMENT)}
    assert ("chilenische Opposition", "accuse") in stated


def test_a_lone_body_noun_is_the_body_of_that_kind_named_before(resources):
    text = "Chile wählt. Das Europaparlament tagte am Montag. Das Parlament forderte Aufklärung."
    assert ("Das Parlament", "Europäisches Parlament") in _bodies(resources, text)


@pytest.mark.parametrize("text", [
    "Chile wählt. Das Ministerium prüft den Fall.",  # which ministry?
    "Chile und Peru streiten. Die Opposition protestiert.",  # which state's?
    "Chile wählt. Das Parlament der Region tagt.",  # someone else's parliament
])
def test_no_lone_body(resources, text):
    assert not {b for b in _bodies(resources, text) if b[0].split()[-1] in ("Ministerium", "Opposition", "Parlament")}


def test_a_body_belongs_to_the_dateline_state_not_to_a_place_named_in_passing(resources):
    text = "Wien – Vor dem Gipfel im peruanischen Lima hat das Parlament am Dienstag beschlossen, mehr zu helfen."
    assert ("das Parlament", "österreichisches Parlament") in _bodies(resources, text)


def test_a_state_named_as_where_it_happens_still_owns_the_body(resources):
    text = "Wien – Peru wählt. Das Parlament tagte am Dienstag."
    assert ("Das Parlament", "peruanisches Parlament") in _bodies(resources, text)


def test_of_two_states_named_before_the_subject_is_meant(resources):
    text = ("Als Antwort auf Manöver der USA verschärft Peru seine Drohungen. "
            "Das Militär des wirtschaftlich schwachen Landes drohte Chile am Samstag mit Angriffen.")
    assert ("des wirtschaftlich schwachen Landes", "Peru") in described(resources, text)
    stated = {(min(names(c, Role.SPEAKER)), c.attribute("stance")) for c in claims_of(resources, text, kind=FactKind.STATEMENT)}
    assert ("Peru", "warn") in stated


def test_of_two_states_the_subject_before_is_the_land(resources):
    text = "Chile hat ein Abkommen mit Peru unterzeichnet. Das Land will den Handel stärken."
    assert ("Das Land", "Chile") in described(resources, text)


def test_two_states_as_subjects_leave_the_description_open(resources):
    text = "Peru und Chile streiten. Das Militär des Landes drohte mit Angriffen."
    assert not [d for d in described(resources, text) if d[0] == "des Landes"]


def test_a_time_after_a_lone_body_does_not_make_it_someone_elses(resources):
    text = "Ankara – In der Türkei wird gestritten. Er forderte das Parlament in dieser Woche auf, abzustimmen."
    assert ("das Parlament", "türkisches Parlament") in _bodies(resources, text)
