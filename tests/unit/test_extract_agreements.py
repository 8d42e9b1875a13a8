"""Agreements named in passing by their noun phrase: "das Abkommen mit X",
"der Vertrag zwischen X und Y", "Steuerdeals von Konzern A in Land X"."""

from __future__ import annotations

import pytest

from kg.model import FactKind, Role

from extract_helpers import claims_of, names


def _agreements(resources, text):
    return claims_of(resources, text, kind=FactKind.AGREEMENT)


def _kind(claim):
    return dict(claim.attributes).get("kind")


def test_agreement_with_state_other_side_from_sentence(resources_no_ner):
    text = "Antony Blinken verteidigte im Senat das Atomabkommen mit Japan gegen seine Kritiker."
    (claim,) = _agreements(resources_no_ner, text)
    assert {"Japan"} < names(claim, Role.PARTY) and len(names(claim, Role.PARTY)) == 2
    assert _kind(claim) == "nuclear_agreement"


def test_agreement_between_two_states(resources_no_ner):
    text = "Der Vertrag zwischen Belgien und Kanada gilt als Vorbild für andere Staaten."
    (claim,) = _agreements(resources_no_ner, text)
    assert names(claim, Role.PARTY) == {"Belgien", "Kanada"}
    assert _kind(claim) == "treaty"


def test_ceasefire_between_two_states(resources_no_ner):
    text = "Die Waffenruhe zwischen Chile und Kanada hielt auch am Wochenende."
    (claim,) = _agreements(resources_no_ner, text)
    assert names(claim, Role.PARTY) == {"Chile", "Kanada"}
    assert _kind(claim) == "ceasefire"


def test_tax_deals_of_companies_with_states(resources_no_ner):
    text = "Die Kommission prüft Steuerdeals von Siemens und Shell in Belgien sowie Google in Kanada."
    found = {frozenset(names(c, Role.PARTY)) for c in _agreements(resources_no_ner, text)}
    assert found == {frozenset({"Siemens", "Belgien"}), frozenset({"Shell", "Belgien"}),
                     frozenset({"Google", "Kanada"})}


@pytest.mark.parametrize("text", [
    # a treaty not concluded, or only wanted
    "Belgien werde mit Kanada wohl keinen Vertrag schließen.",
    "Antony Blinken lehnte ein angestrebtes Abkommen mit Japan ab.",
    # a generic noun with a place after it is no agreement of that place
    "Der Vertrag von Chile wurde in Kanada kaum beachtet.",
    # "mit" a person: no state is named for the other side
    "Das Abkommen mit Antony Blinken blieb geheim.",
])
def test_no_agreement(resources_no_ner, text):
    assert _agreements(resources_no_ner, text) == []


# --- invitations: the invitee is the subject when it receives the invitation
# or is invited in the passive; who "von" names invites.

@pytest.mark.parametrize("text", [
    "Annalena Baerbock erhielt am Montag eine Einladung von Antony Blinken.",
    "Annalena Baerbock wurde am Montag von Antony Blinken nach Washington eingeladen.",
])
def test_invitation_received_or_passive(resources_no_ner, text):
    (claim,) = claims_of(resources_no_ner, text, kind=FactKind.INVITATION)
    assert names(claim, Role.INVITER) == {"Antony Blinken"}
    assert names(claim, Role.INVITEE) == {"Annalena Baerbock"}


def test_invitation_received_without_inviter_is_skipped(resources_no_ner):
    text = "Annalena Baerbock erhielt am Montag eine Einladung nach Japan."
    assert claims_of(resources_no_ner, text, kind=FactKind.INVITATION) == []


def test_invitation_active_still_works(resources_no_ner):
    text = "Antony Blinken hat Annalena Baerbock nach Washington eingeladen."
    (claim,) = claims_of(resources_no_ner, text, kind=FactKind.INVITATION)
    assert names(claim, Role.INVITER) == {"Antony Blinken"}
    assert names(claim, Role.INVITEE) == {"Annalena Baerbock"}


@pytest.mark.parametrize("text", [
    # a passive without "von": who invited is not said
    "Zur Feier war bereits Baerbocks Vorgänger Antony Blinken eingeladen.",
    "Annalena Baerbock war im Jahr 2019 eingeladen.",
])
def test_invitation_passive_without_inviter_is_skipped(resources_no_ner, text):
    assert claims_of(resources_no_ner, text, kind=FactKind.INVITATION) == []


def test_agreement_named_by_compound_with_other_side(resources_no_ner):
    # "das Kanada-Abkommen mit Belgien": the compound names one side
    text = "Das Kanada-Abkommen mit Belgien wurde von Annalena Baerbock gelobt."
    (claim,) = _agreements(resources_no_ner, text)
    assert names(claim, Role.PARTY) == {"Kanada", "Belgien"}


def _long_article(sentence):
    # one state named often enough to be what the article is about
    return ("Chile wählt im Herbst. In Chile herrscht Unruhe. Die Regierung von Chile zögert. " + sentence)


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Trotz mancher Verstöße hielt die Waffenruhe bislang.", "ceasefire"),
    # a late "nicht" denies what the treaty did, not that it exists
    ("Auch der Friedensvertrag von 1987 erfüllte die Erwartungen nicht.", "peace_treaty"),
])
def test_definite_one_sided_agreement_is_the_main_state_s(resources_no_ner, sentence, kind):
    (claim,) = _agreements(resources_no_ner, _long_article(sentence))
    assert names(claim, Role.PARTY) == {"Chile"}
    assert _kind(claim) == kind


@pytest.mark.parametrize("sentence", [
    # demanded, not made
    "Die Opposition forderte eine Waffenruhe.",
    # "beide Seiten" are two sides the sentence does not name
    "Seit Jahren hielten beide Seiten die Waffenruhe ein.",
    # a negation at the noun
    "Der Friedensvertrag kam nicht zustande.",
])
def test_no_one_sided_agreement(resources_no_ner, sentence):
    assert _agreements(resources_no_ner, _long_article(sentence)) == []


def test_no_one_sided_agreement_without_a_main_state(resources_no_ner):
    text = "Chile und Kanada streiten. Trotz mancher Verstöße hielt die Waffenruhe bislang."
    assert _agreements(resources_no_ner, text) == []


def test_government_in_a_capital_is_a_party(resources_no_ner):
    # "die Führung in Ottawa": the capital names the state that concluded it
    text = "Chile kritisiert einen Handelspakt, den die Führung in Ottawa mit der EU geschlossen hat."
    parties = {frozenset(names(c, Role.PARTY)) for c in _agreements(resources_no_ner, text)}
    assert any({"Kanada", "Europäische Union"} <= p for p in parties), parties


def test_definite_deal_pairs_the_named_side_with_the_main_state(resources_no_ner):
    text = _long_article("Die Nato wird bei der Umsetzung des Flüchtlingsdeals härter auftreten.")
    (claim,) = _agreements(resources_no_ner, text)
    assert names(claim, Role.PARTY) == {"Nato", "Chile"}
    assert _kind(claim) == "refugee_deal"


def test_definite_deal_without_another_side_is_none(resources_no_ner):
    text = _long_article("Bei der Umsetzung des Flüchtlingsdeals gibt es Verzögerungen.")
    assert _agreements(resources_no_ner, text) == []


def test_a_participle_that_says_how_concludes_nothing(resources_no_ner):
    # "geschlossen zu folgen": united, not concluded
    text = "Oslo – In dieser Frage scheint die Partei ZRP ihrem Chef Vizekanzler Karl Huber geschlossen zu folgen."
    assert claims_of(resources_no_ner, text, kind=FactKind.AGREEMENT) == []
