"""The German trigger words and controlled terms come from the ontology."""

from __future__ import annotations

import pytest

from kg.lexicon import Lexicon, TermTable
from kg.model import FactKind
from kg.settings import PROJECT_ROOT


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon.from_dir(PROJECT_ROOT / "ontology")


@pytest.mark.parametrize(("word", "concept"), [
    ("Außenministerin", "foreign_minister"), ("US-Botschafter", "ambassador"), ("Botschafterin", "ambassador"),
    ("Staatspräsidenten", "president"), ("Kreml-Chef", "president"), ("Regierungschefin", "head_of_government"),
    ("KP-Chef", "party_leader"), ("Präsident", "president"),
])
def test_offices(lexicon, word, concept):
    assert lexicon.table("office").match(word) == concept


def test_compounds_only_where_asked(lexicon):
    stances = lexicon.table("stance")
    assert stances.match("Forderungen", compounds=False) == "demand"
    assert stances.match("Herausforderungen", compounds=False) is None
    assert lexicon.table("measure").match("Waffeneinfuhren") == "arms_import_share"


def test_triggers(lexicon):
    assert "besuchen" in lexicon.verbs(FactKind.VISIT)
    assert lexicon.nouns(FactKind.VISIT).match("Staatsbesuch") == "Visit"
    assert lexicon.nouns(FactKind.VISIT).match("Vietnam-Visite") == "Visit"


def test_every_concept_has_a_german_form(lexicon):
    for scheme in ("office", "stance", "measure", "agreement_kind", "legal_kind", "mode"):
        assert lexicon.table(scheme).concepts(), scheme


def test_longest_form_wins():
    table = TermTable((("strategische partnerschaft", "strategic_partnership"), ("partnerschaft", "partnership")))
    assert table.match("strategische Partnerschaft") == "strategic_partnership"
    assert table.match("Partnerschaften") == "partnership"
