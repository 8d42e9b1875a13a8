"""German trigger words and controlled terms, read from the ontology.

The ontology (``ontology/kg.ttl``) is the single source of truth: offices,
stances, measures, agreement kinds, legal actions and meeting modes are SKOS
concepts whose German ``skos:altLabel``s are the words the extractor looks
for; fact classes carry ``kg:triggerVerb`` / ``kg:triggerNoun``. There is no
second word list in Python.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import rdflib
from rdflib.namespace import SKOS

from kg.errors import OntologyError
from kg.model import FactKind
from kg.vocab import KG


def term_key(text: str) -> str:
    """Case-insensitive key of a German word that keeps its umlauts: folding
    them away would make "Förderung" a "Forderung" and "fördern" "fordern".

    >>> term_key("Außenministerin"), term_key("Förderung") == term_key("Forderung")
    ('aussenministerin', False)
    """
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


# Offices that name the same person when said of the same state: the
# "Staatschef", "Präsident" and "Machthaber" of North Korea are one man.
HEAD_OF_STATE = frozenset({"president", "leader"})


def office_class(concept: str) -> str:
    """The office an office word stands for when matching holders.

    >>> office_class("leader"), office_class("foreign_minister")
    ('head_of_state', 'foreign_minister')
    """
    return "head_of_state" if concept in HEAD_OF_STATE else concept


# Endings German adds to a noun or adjective stem without changing which
# term it is: Botschafter-in, Präsident-en, Sanktion-en, Haftbefehl-s.
INFLECTIONS = ("", "s", "es", "e", "en", "n", "er", "ern", "in", "innen", "em", "ns")

SCHEMES = {
    "office": KG.Offices,
    "stance": KG.Stances,
    "measure": KG.Measures,
    "agreement_kind": KG.AgreementKinds,
    "legal_kind": KG.LegalKinds,
    "mode": KG.MeetingModes,
    "body": KG.StateBodies,
}


# Words that take a stance only inside reported speech (kg:reportedCue of the
# stance concepts): a table beside the schemes, not a scheme of its own.
CUE_TABLE = "stance_cue"


@dataclass(frozen=True, slots=True)
class TermTable:
    """Folded German surface forms -> concept local name, longest first,
    indexed for lookup: it is asked about every token of every article."""

    forms: tuple[tuple[str, str], ...]
    _exact: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _inflected: dict[str, tuple[str, int]] = field(default_factory=dict, compare=False, repr=False)
    _phrases: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        for form, concept in self.forms:  # longest first: the longest form wins
            self._exact.setdefault(form, concept)
            if " " in form:
                continue
            for ending in INFLECTIONS:
                if ending == "" or len(form) >= 4:
                    self._inflected.setdefault(form + ending, (concept, len(form)))
        object.__setattr__(self, "_phrases", tuple((f, c) for f, c in self.forms if " " in f))

    def match(self, text: str, *, compounds: bool = True) -> str | None:
        """The concept whose form equals ``text`` or is a stem of it.

        Compounds match on their head: "US-Botschafter" and
        "Waffeneinfuhren" find "botschafter" and "waffeneinfuhr(en)".
        With ``compounds=False`` only inflections count (a "Herausforderung"
        is no "Forderung").
        """
        key = term_key(text)
        hit = self._exact.get(key)
        if hit is not None:
            return hit
        if " " in key:
            words = key.split()
            for form, concept in self._phrases:
                parts = form.split()
                for k in range(len(words) - len(parts) + 1):
                    if all(_stems(w) & _stems(p) for w, p in zip(words[k : k + len(parts)], parts, strict=False)):
                        return concept
        found = self._inflected.get(key)
        if found is not None and found[1] >= 4:
            return found[0]
        if not compounds:
            return None
        split = self._compound_split(key)
        return split[1] if split is not None else None

    def modifier(self, text: str) -> str:
        """The first part of a compound that matches only on its head
        ("kammer" of "Kammerpräsident", "ex" of "Ex-Chef"); "" for a form
        the table holds whole."""
        key = term_key(text)
        if key in self._exact or " " in key or (key in self._inflected and self._inflected[key][1] >= 4):
            return ""
        split = self._compound_split(key)
        return split[0] if split is not None else ""

    def _compound_split(self, key: str) -> tuple[str, str] | None:
        for k in range(1, len(key) - 3):  # longest head noun first
            found = self._inflected.get(key[k:])
            if found is not None and found[1] >= 4 and (key[k - 1] == "-" or found[1] >= 6):
                return key[:k].rstrip("-"), found[0]
        return None

    def exact(self, text: str) -> str | None:
        """The concept of a form spelled exactly so (case aside)."""
        return self._exact.get(term_key(text))

    def concepts(self) -> frozenset[str]:
        return frozenset(c for _, c in self.forms)


def _stems(word: str) -> frozenset[str]:
    """The word and what it is without each inflection ending, so that the
    words of a multi-word form match in any case and gender
    ("wissenschaftliche Mitarbeiterin" ~ "wissenschaftlicher Mitarbeiter")."""
    return frozenset([word, *(word[: -len(e)] for e in INFLECTIONS if e and word.endswith(e) and len(word) - len(e) >= 4)])


@dataclass(frozen=True, slots=True)
class Lexicon:
    terms: tuple[tuple[str, TermTable], ...]  # scheme name -> table
    trigger_verbs: tuple[tuple[FactKind, frozenset[str]], ...]
    trigger_nouns: tuple[tuple[FactKind, TermTable], ...]
    negated_as: tuple[tuple[str, str], ...] = ()  # stance -> the stance its negation takes (kg:negatedAs)
    # nouns for the state of affairs somewhere ("die Lage in X"), folded (kg:situationNoun)
    situation_nouns: frozenset[str] = frozenset()
    # nouns for the people of a state ("die österreichische Bevölkerung"), folded (kg:peopleNoun)
    people_nouns: frozenset[str] = frozenset()
    # nouns for a person that a name follows ("der Politologe X"), folded (kg:nameNoun)
    name_nouns: frozenset[str] = frozenset()
    # closed word lists of the rules, by name (ontology/lexicon/wordlists.tsv)
    word_lists: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # concept -> its broader concept (skos:broader): "foreign_minister" is a "minister"
    broader: tuple[tuple[str, str], ...] = ()
    # the fields above by key, built once: rules look words up in per-token loops
    _lists: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    _tables: Mapping[str, TermTable] = field(init=False, repr=False, compare=False)
    _up: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_lists", dict(self.word_lists))
        object.__setattr__(self, "_tables", dict(self.terms))
        object.__setattr__(self, "_up", dict(self.broader))

    def words(self, name: str) -> tuple[str, ...]:
        """The word list ``name`` of ``wordlists.tsv``, in file order (for
        ``str.startswith``/``endswith`` and membership alike)."""
        words = self._lists.get(name)
        if words is None:
            raise OntologyError(f"no word list '{name}' in ontology/lexicon/wordlists.tsv")
        return words

    def is_a(self, concept: str, general: str) -> bool:
        """``concept`` is ``general`` or, through skos:broader, a kind of it."""
        up = self._up
        seen: set[str] = set()
        while concept not in seen:
            if concept == general:
                return True
            seen.add(concept)
            concept = up.get(concept, concept)
        return False

    def negation_of(self, stance: str) -> str | None:
        return dict(self.negated_as).get(stance)

    def table(self, scheme: str) -> TermTable:
        table = self._tables.get(scheme)
        if table is None:
            raise OntologyError(f"no concept scheme '{scheme}' in the ontology")
        return table

    def verbs(self, kind: FactKind) -> frozenset[str]:
        for k, verbs in self.trigger_verbs:
            if k is kind:
                return verbs
        return frozenset()

    def nouns(self, kind: FactKind) -> TermTable:
        for k, table in self.trigger_nouns:
            if k is kind:
                return table
        return TermTable(())

    @classmethod
    def from_dir(cls, ontology_dir: Path) -> Lexicon:
        path = ontology_dir / "kg.ttl"
        if not path.exists():
            raise OntologyError(f"{path}: ontology not found; pass --ontology-dir")
        try:
            graph = rdflib.Graph().parse(path)
        except Exception as exc:  # rdflib raises many parser exception types
            raise OntologyError(f"{path}: cannot parse the ontology: {exc}") from exc
        return replace(cls.from_graph(graph), word_lists=_word_lists(ontology_dir / "lexicon" / "wordlists.tsv"))

    @classmethod
    def from_graph(cls, graph: rdflib.Graph) -> Lexicon:
        terms = []
        for name, scheme in SCHEMES.items():
            forms: dict[str, str] = {}
            for concept in sorted(graph.subjects(SKOS.inScheme, scheme), key=str):
                local = str(concept).rsplit("#", 1)[-1]
                labels = [*graph.objects(concept, SKOS.prefLabel), *graph.objects(concept, SKOS.altLabel)]
                for label in sorted(labels, key=str):
                    if getattr(label, "language", None) == "de":
                        forms.setdefault(term_key(str(label)), local)
            terms.append((name, _table(forms)))
        terms.append((CUE_TABLE, _table(_cues(graph))))
        verbs, nouns = [], []
        for kind in FactKind:
            cls_iri = getattr(KG, kind.value)
            v = frozenset(term_key(str(o)) for o in graph.objects(cls_iri, KG.triggerVerb))
            n = {term_key(str(o)): kind.value for o in graph.objects(cls_iri, KG.triggerNoun)}
            verbs.append((kind, v))
            nouns.append((kind, _table(n)))
        if not any(v for _, v in verbs):
            raise OntologyError("the ontology defines no kg:triggerVerb; is it the diplomacy-kg ontology?")
        negated_as = tuple(sorted((_local(s), _local(o)) for s, o in graph.subject_objects(KG.negatedAs)))
        broader = tuple(sorted((_local(s), _local(o)) for s, o in graph.subject_objects(SKOS.broader)))
        return cls(terms=tuple(terms), trigger_verbs=tuple(verbs), trigger_nouns=tuple(nouns), negated_as=negated_as,
                   broader=broader,
                   situation_nouns=_folded(graph, KG.Statement, KG.situationNoun),
                   people_nouns=_folded(graph, KG.Statement, KG.peopleNoun),
                   name_nouns=_folded(graph, KG.Person, KG.nameNoun))


def _folded(graph: rdflib.Graph, subject: rdflib.URIRef, annotation: rdflib.URIRef) -> frozenset[str]:
    """The values of one word annotation of a class, folded like every term."""
    return frozenset(term_key(str(o)) for o in graph.objects(subject, annotation))


def _word_lists(path: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not path.exists():
        return ()
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2 or not parts[1].strip():
            raise OntologyError(f"{path}:{n}: expected 'name<TAB>word|word|...'")
        out.append((parts[0].strip(), tuple(w.strip() for w in parts[1].split("|") if w.strip())))
    return tuple(out)


def _local(term: object) -> str:
    return str(term).rsplit("#", 1)[-1]


def _cues(graph: rdflib.Graph) -> dict[str, str]:
    forms: dict[str, str] = {}
    for concept in sorted(graph.subjects(SKOS.inScheme, KG.Stances), key=str):
        for label in sorted(graph.objects(concept, KG.reportedCue), key=str):
            forms.setdefault(term_key(str(label)), str(concept).rsplit("#", 1)[-1])
    return forms


def _table(forms: dict[str, str]) -> TermTable:
    return TermTable(tuple(sorted(forms.items(), key=lambda kv: (-len(kv[0]), kv[0]))))
