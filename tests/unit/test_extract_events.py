"""Meetings, visits and agreements on sentences of our own: sessions of a
body, partners in an apposition, bodies negotiating, a nameless office
holder as subject, and the visit a meeting abroad implies."""

from __future__ import annotations

import pytest

from extract_helpers import claims_of, names
from kg.model import FactKind, Role


@pytest.mark.parametrize(("text", "participants"), [
    # the session of a body, by prefix, with the person the clause puts at it
    ("Ungarns Außenminister Péter Szijjártó sagte am Montag bei einer Nato-Konferenz in Oslo, die Lage sei ernst.",
     {"Nato", "Péter Szijjártó"}),
    # the session of a body, by genitive
    ("Krisentreffen der Afrikanischen Union am Freitag in Addis Abeba.", {"Afrikanische Union"}),
    # "traf ... mit X, dem Y Z, zusammen": the name in the apposition
    ("Ungarns Außenminister Péter Szijjártó traf am Montag in Paris mit dem Chef der Regierung, dem "
     "französischen Präsidenten Emmanuel Macron, zusammen.", {"Péter Szijjártó", "Emmanuel Macron"}),
    # bodies negotiate
    ("Die SPD hat am Montag Verhandlungen mit der CDU aufgenommen.", {"SPD", "CDU"}),
    # a nameless office as subject is the one the article gives that office
    ("Bundeskanzler Olaf Scholz besuchte Paris. Bundeskanzler traf Emmanuel Macron und Narendra Modi.",
     {"Olaf Scholz", "Emmanuel Macron", "Narendra Modi"}),
])
def test_meetings(resources_no_ner, text, participants):
    meetings = claims_of(resources_no_ner, text, kind=FactKind.MEETING)
    assert any(names(c, Role.PARTICIPANT) == participants for c in meetings), meetings


def test_nameless_office_is_no_meeting_of_its_objects(resources_no_ner):
    # nobody in the text holds the office: "traf X und Y" does not make X meet Y
    text = "Bundeskanzler traf Emmanuel Macron und Narendra Modi."
    assert claims_of(resources_no_ner, text, kind=FactKind.MEETING) == []


def test_meeting_abroad_is_a_visit_of_the_one_who_meets(resources_no_ner):
    text = "Ungarns Außenminister Péter Szijjártó traf am Montag in Paris den französischen Präsidenten Emmanuel Macron."
    visits = claims_of(resources_no_ner, text, kind=FactKind.VISIT)
    assert [(names(v, Role.VISITOR), names(v, Role.DESTINATION)) for v in visits] == \
        [({"Péter Szijjártó"}, {"Frankreich"})]


def test_meeting_at_home_is_no_visit(resources_no_ner):
    text = "Der französische Präsident Emmanuel Macron traf am Montag in Paris Ungarns Außenminister Péter Szijjártó."
    assert claims_of(resources_no_ner, text, kind=FactKind.VISIT) == []
