"""Office phrases read with kg.extract.appositions, on sentences of our own:
a body in brackets after its long name, "in spe", a party's state, a city
office under a city dateline, deputies, and "Xs Vorgänger Y"."""

from __future__ import annotations

from kg.model import FactKind, Role

from extract_helpers import claims_of, names


def held(resources, text, person):
    roles = claims_of(resources, text, kind=FactKind.ROLE)
    return {(c.attribute("office"), frozenset(names(c, Role.ORG)), c.attribute("former"))
            for c in roles if names(c, Role.PERSON) == {person}}


def test_body_named_by_its_abbreviation_in_brackets(resources):
    text = ("Das sagte der Sprecher der unabhängigen Kommission für Wasser und Boden (KWB), "
            "Tomas Lindqvist, am Dienstag.")
    assert ("spokesperson", frozenset({"KWB"}), None) in held(resources, text, "Tomas Lindqvist")


def test_brackets_without_a_long_name_name_no_body(resources):
    text = "Das sagte der Sprecher (KWB), Tomas Lindqvist, am Dienstag."
    assert not any(orgs == {"KWB"} for _, orgs, _ in held(resources, text, "Tomas Lindqvist"))


def test_office_in_spe_before_the_name(resources):
    text = "Oslo – Es gibt Streit zwischen der Partei und dem Premierminister in spe, Ola Brekke, über Posten."
    assert ("head_of_government", frozenset({"Norwegen"}), None) in held(resources, text, "Ola Brekke")


def test_party_in_brackets_gives_the_state(resources):
    # a dateline abroad: the minister's party says whose minister he is
    text = "Paris – Finanzminister Anton Huber (ÖVP) reiste am Montag zu den Gesprächen."
    assert held(resources, text, "Anton Huber") == {("finance_minister", frozenset({"Österreich"}), None)}


def test_city_office_alone_belongs_to_the_dateline_city(resources):
    text = "Lyon – Die Stadt legt die Feiern in die Hände des Präfekten Jean Dufour."
    assert ("prefect", frozenset({"Lyon"}), None) in held(resources, text, "Jean Dufour")


def test_city_office_alone_without_a_city_dateline_has_no_body(resources):
    text = "Die Stadt legt die Feiern in die Hände des Präfekten Jean Dufour."
    assert held(resources, text, "Jean Dufour") == set()


def test_vice_chief_of_a_parliament_is_deputy_speaker(resources):
    text = "Rada-Vizechef Petro Melnyk beendete die Sitzung am Abend."
    assert ("deputy_speaker", frozenset({"Werchowna Rada"}), None) in held(resources, text, "Petro Melnyk")


def test_vice_chief_is_not_the_chief(resources):
    text = "Rada-Vizechef Petro Melnyk beendete die Sitzung am Abend."
    assert not any(o in ("leader", "party_leader") for o, _, _ in held(resources, text, "Petro Melnyk"))


def test_predecessor_held_the_same_office_before(resources):
    text = ("Nato-Generalsekretär Thomas Berger sprach vor dem Parlament. "
            "Vor ihm hatte dort bereits Bergers Vorgänger Michael Köhler gesprochen.")
    assert ("secretary_general", frozenset({"Nato"}), "true") in held(resources, text, "Michael Köhler")


def test_successor_holds_the_office(resources):
    text = ("Oslo – Außenministerin Kari Lunde tritt zurück. "
            "Lundes Nachfolger, Michael Köhler, soll am Montag vereidigt werden.")
    assert ("foreign_minister", frozenset({"Norwegen"}), None) in held(resources, text, "Michael Köhler")


def test_successor_of_nobody_with_an_office_gets_none(resources):
    text = "Thomas Berger kam aus Bonn. Bergers Nachfolger Michael Köhler ist jünger."
    assert held(resources, text, "Michael Köhler") == set()


def test_two_city_dateline_takes_the_state_named_near_the_office(resources):
    text = ("Oslo/Washington – Norwegen erhält neue Kampfjets. Der Flug führte nach Norwegen. "
            "Norwegen hatte die Jets bestellt. Die Jets gelten als modernste Flugzeuge des US-Militärs. "
            "Verteidigungsminister Thomas Berger lobte die Jets.")
    assert held(resources, text, "Thomas Berger") == {("defence_minister", frozenset({"USA"}), None)}


def test_state_after_a_preposition_is_no_holders_state(resources):
    text = ("Oslo/Washington – Norwegen erhält neue Kampfjets. Norwegen hatte sie bestellt. "
            "Der US-Senat billigte Waffen für Norwegen. Verteidigungsminister Thomas Berger lobte das.")
    assert held(resources, text, "Thomas Berger") == {("defence_minister", frozenset({"USA"}), None)}


def test_dateline_state_named_near_the_office_outweighs_the_most_named(resources):
    text = ("Oslo – Bei einem Angriff in Libyen starben zwei Touristen. Libyen ist instabil. "
            "Libyen hat keine Regierung. Libyen ist gespalten. "
            "Norwegen sei nicht gewarnt worden, sagte Außenminister Thomas Berger.")
    assert held(resources, text, "Thomas Berger") == {("foreign_minister", frozenset({"Norwegen"}), None)}


def test_two_offices_in_apposition_before_one_name(resources):
    text = "Die Reformen kommen zu spät, sagt Lyons Bürgermeister, der frühere Innenminister Thomas Berger."
    got = held(resources, text, "Thomas Berger")
    assert ("mayor", frozenset({"Lyon"}), None) in got
    assert any(o == "interior_minister" and f == "true" for o, _, f in got)


def test_offices_in_a_list_are_not_apposed(resources):
    text = "Es sprachen Lyons Bürgermeister, der Innenminister und der Präfekt Thomas Berger."
    assert not any(o == "mayor" for o, _, _ in held(resources, text, "Thomas Berger"))


def test_person_in_the_genitive_before_an_office_is_not_its_holder(resources):
    text = "Washington – US-Außenminister John Lindqvist reiste ab. Lindqvists Sprecher unterstrich die Position."
    assert ("spokesperson", frozenset({"USA"}), None) not in held(resources, text, "John Lindqvist")
