"""kg.captions: what a view calls things, in German or English, from the ontology's labels."""

from __future__ import annotations

import pytest

from kg.captions import Captions, captions
from kg.errors import SettingsError


def test_terms_columns_and_values_by_language():
    de, en = captions("de"), captions("en")
    assert (de.title("LegalAction"), en.title("LegalAction")) == ("Rechtsmaßnahme", "Legal action")
    assert (de.column("participants"), en.column("participants")) == ("Teilnehmer", "participant")
    assert (de.column("year"), en.column("year")) == ("Jahr", "year")  # a column the ontology does not name
    assert (de.value("role", "foreign_minister"), en.value("kind", "arrest_warrant")) == (
        "Außenminister", "arrest warrant")
    assert de.value("quote", "concern") == "concern"  # free text is never translated
    assert de.term("NoSuchTerm") == "NoSuchTerm"


def test_numbers_group_digits_as_each_language_does():
    assert (Captions("de").number("1234567.5"), Captions("en").number("1234567.5")) == ("1.234.567,5", "1,234,567.5")
    assert Captions("de").value("amount", "n/a") == "n/a"


def test_unknown_language_is_a_settings_error():
    with pytest.raises(SettingsError, match="use de or en"):
        captions("fr")
