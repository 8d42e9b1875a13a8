"""What a view calls things, in one language: German (default) or English.

Names of classes, roles, attributes and controlled values come from the
ontology's labels (``rdfs:label``/``skos:prefLabel`` with ``@de``/``@en``,
generated into :data:`kg.vocab.LABELS`, so no graph is parsed at run time);
the few words of the page itself that the ontology does not name are
:data:`PAGE_TEXT`. A query column is mapped to the ontology term it reports
(``participants`` -> ``kg:participant``) by :data:`COLUMN_TERMS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from kg.errors import SettingsError
from kg.vocab import LABELS

LANGUAGES = ("de", "en")

#: query columns named otherwise than the ontology term they report
COLUMN_TERMS: Mapping[str, str] = MappingProxyType({
    "participants": "participant", "parties": "party", "signatories": "signatory", "partners": "partner",
    "topics": "topic", "start": "date", "end": "endDate", "role": "office", "amount": "value",
})
#: columns whose values are local names of SKOS concepts (``arrest_warrant``), shown by their label
CONCEPT_COLUMNS = frozenset({"role", "stance", "measure", "unit", "kind", "mode", "qualifier"})
#: columns whose values are numbers, shown with digits grouped
NUMBER_COLUMNS = frozenset({"amount", "value", "count"})

#: words of the page and of columns the ontology does not name, per language
PAGE_TEXT: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "de": MappingProxyType({
        "entities": "Entitäten", "facts": "Fakten", "edges": "Kanten", "untyped": "ohne Typ",
        "hidden": "nicht gezeigt: {entities} Entitäten, {facts} Fakten", "search": "Entität suchen …",
        "not_found": "nicht gefunden", "hits": "{n} Treffer", "all_facts": "alle Fakten", "actors": "Akteure",
        "more_sources": "und {n} weitere Quellen", "more_facts": "und {n} weitere Fakten", "articles": "{n} Artikel",
        "kind": "Art", "currency": "Währung", "year": "Jahr", "in_facts": "in {n} Fakten",
        "period": "Zeitraum", "aliases": "auch", "type": "Typ", "type_of": "Typ",
    }),
    "en": MappingProxyType({
        "entities": "entities", "facts": "facts", "edges": "edges", "untyped": "no type",
        "hidden": "not drawn: {entities} entities, {facts} facts", "search": "find an entity …",
        "not_found": "not found", "hits": "{n} matches", "all_facts": "all facts", "actors": "actors",
        "more_sources": "and {n} more sources", "more_facts": "and {n} more facts", "articles": "{n} articles",
        "kind": "kind", "currency": "currency", "year": "year", "in_facts": "in {n} facts",
        "period": "period", "aliases": "also", "type": "type", "type_of": "type",
    }),
})


@dataclass(frozen=True, slots=True)
class Captions:
    """Labels in one language; every lookup falls back to the name it was given."""

    lang: str = "de"

    def term(self, local: str) -> str:
        """The label of the ontology term with this local name (``Visit`` -> ``Besuch``)."""
        return LABELS.get(local, {}).get(self.lang) or local

    def title(self, local: str) -> str:
        """A term's label with a capital first letter, for headings (``visit`` -> ``Visit``)."""
        label = self.term(local)
        return label[:1].upper() + label[1:]

    def column(self, name: str) -> str:
        """What a query column is called (``participants`` -> ``Teilnehmer``)."""
        if name in PAGE_TEXT[self.lang]:
            return PAGE_TEXT[self.lang][name]
        return self.term(COLUMN_TERMS.get(name, name))

    def value(self, column: str, value: str) -> str:
        """A cell as a reader wants it: concept names by their label, numbers with grouped digits."""
        if column in CONCEPT_COLUMNS and value in LABELS:
            return self.term(value)
        if column in NUMBER_COLUMNS:
            return self.number(value)
        return value

    def number(self, value: str) -> str:
        try:
            number = float(value)
        except ValueError:
            return value
        text = f"{number:,.0f}" if number.is_integer() else f"{number:,.2f}".rstrip("0")
        # German groups with '.' and marks decimals with ','
        return text.translate(str.maketrans(",.", ".,")) if self.lang == "de" else text

    def text(self, key: str, **values: object) -> str:
        """A word of the page itself (``search``, ``hidden`` …), with ``values`` filled in."""
        return PAGE_TEXT[self.lang][key].format(**values)


def captions(lang: str) -> Captions:
    """The captions of ``lang`` (``de`` or ``en``)."""
    if lang not in LANGUAGES:
        raise SettingsError(f"--lang {lang!r}: use {' or '.join(LANGUAGES)}")
    return Captions(lang)
