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


def test_word_lists_are_data(lexicon):
    assert "bezeichnen" in lexicon.words("judging_verbs")
    assert "staatspräsident".startswith(lexicon.words("state_prefixes"))
    from kg.errors import OntologyError
    with pytest.raises(OntologyError, match="no word list"):
        lexicon.words("no_such_list")


def test_a_malformed_word_list_names_its_line(tmp_path):
    import shutil

    from kg.errors import OntologyError
    shutil.copy(PROJECT_ROOT / "ontology" / "kg.ttl", tmp_path / "kg.ttl")
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "wordlists.tsv").write_text("# comment\nbroken_line_without_words\n", encoding="utf-8")
    with pytest.raises(OntologyError, match="wordlists.tsv:2"):
        Lexicon.from_dir(tmp_path)


def test_narrower_offices_are_kinds_of_the_broader(lexicon):
    assert lexicon.is_a("foreign_minister", "minister")
    assert lexicon.is_a("minister", "minister")
    assert not lexicon.is_a("minister", "foreign_minister")


def test_the_modifier_of_a_compound_matched_on_its_head(lexicon):
    offices = lexicon.table("office")
    assert offices.modifier("Kammerpräsident") == "kammer"
    assert offices.modifier("US-Präsident") == "us"
    assert offices.modifier("Präsidenten") == ""
    assert offices.modifier("Außenministerin") == ""
