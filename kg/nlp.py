"""The German language layer: ``build_nlp`` returns a spaCy pipeline.

No German spaCy model can be installed from PyPI, so the pipeline is built on
``spacy.blank("de")``:

1. the blank German tokenizer, with a suffix rule that splits the full stop
   off a year at the end of a sentence ("im Jahr 2024." -> "2024" ".");
2. ``kg_sentences``: sentence starts after terminal punctuation and at line
   breaks (headlines, credit lines and captions have no full stop);
3. ``hanta``: STTS tags and lemmas from HanTa's German model (LGPL, shipped in
   its wheel), mapped to universal POS tags; HanTa's per-word analyses are
   memoised (same tags, about 1.4x faster on news);
4. ``ner``: a NER trained on GermEval 2014 (PER, LOC, ORG, MISC), shipped in
   ``kg/models`` (optional: ``Settings.use_ner``);
5. ``gazetteer``: an EntityRuler with every state, capital, place and body of
   ``ontology/gazetteer``, run after the NER with ``overwrite_ents`` so the
   curated type (Country, City, Place, Organization) wins;
6. ``kg_entity_labels``: maps the NER's labels onto the ontology's types.

Dates and amounts are found by ``kg.normalize`` over the raw text (they need
the publication date, which is article metadata, not language).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

from kg.errors import ModelError
from kg.gazetteer import Gazetteer
from kg.model import EntityType
from kg.settings import Settings

# HanTa's own refinement of NN for nominalised adjectives ("der Abgeordnete",
# "zwei Tote"): STTS, and every rule here, knows them as NN. Its NNI
# (nominalised infinitives: "das Bestehen") stays apart: no rule wants them
# as things ("Verträge über das Bestehen ..." names no topic).
HANTA_TO_STTS = {"NNA": "NN"}

# STTS (Stuttgart-Tübingen tagset) -> Universal POS, for the tags HanTa emits.
STTS_TO_UPOS = {
    "ADJA": "ADJ",  # attributives Adjektiv
    "ADJD": "ADJ",  # adverbiales/prädikatives Adjektiv
    "ADV": "ADV",  # Adverb
    "APPR": "ADP",  # Präposition
    "APPRART": "ADP",  # Präposition mit Artikel
    "APPO": "ADP",  # Postposition
    "APZR": "ADP",  # Zirkumposition rechts
    "ART": "DET",  # Artikel
    "CARD": "NUM",  # Kardinalzahl
    "FM": "X",  # Fremdsprachliches Material
    "ITJ": "INTJ",  # Interjektion
    "KOUI": "SCONJ",  # unterordnende Konjunktion mit zu + Infinitiv
    "KOUS": "SCONJ",  # unterordnende Konjunktion mit Satz
    "KON": "CCONJ",  # nebenordnende Konjunktion
    "KOKOM": "CCONJ",  # Vergleichskonjunktion
    "NN": "NOUN",  # normales Nomen
    "NE": "PROPN",  # Eigenname
    "PDS": "PRON",
    "PDAT": "DET",
    "PIS": "PRON",
    "PIAT": "DET",
    "PIDAT": "DET",
    "PPER": "PRON",  # Personalpronomen
    "PPOSS": "PRON",
    "PPOSAT": "DET",  # attributives Possessivpronomen
    "PRELS": "PRON",
    "PRELAT": "DET",
    "PRF": "PRON",  # Reflexivpronomen
    "PWS": "PRON",
    "PWAT": "DET",
    "PWAV": "ADV",
    "PAV": "ADV",  # Pronominaladverb
    "PROAV": "ADV",
    "PTKZU": "PART",
    "PTKNEG": "PART",
    "PTKVZ": "ADP",  # abgetrennter Verbzusatz
    "PTKANT": "PART",
    "PTKA": "PART",
    "TRUNC": "X",  # Kompositions-Erstglied
    "VVFIN": "VERB",
    "VVIMP": "VERB",
    "VVINF": "VERB",
    "VVIZU": "VERB",
    "VVPP": "VERB",
    "VAFIN": "AUX",
    "VAIMP": "AUX",
    "VAINF": "AUX",
    "VAPP": "AUX",
    "VMFIN": "AUX",  # Modalverb
    "VMINF": "AUX",
    "VMPP": "AUX",
    "XY": "X",
    "$,": "PUNCT",
    "$.": "PUNCT",
    "$(": "PUNCT",
}

TERMINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSING = frozenset({'"', "“", "”", "»", "«", "'", "’", ")", "]"})
NER_LABELS = {"PER": EntityType.PERSON.value, "ORG": EntityType.ORGANIZATION.value, "LOC": "LOC", "MISC": "MISC"}


def build_nlp(settings: Settings, gazetteer: Gazetteer) -> Language:
    """The full German pipeline described in the module docstring.

    Raises:
        ModelError: the NER model is enabled but cannot be loaded.
    """
    nlp = spacy.blank("de")
    # ingest rejects longer texts with a clear error; spaCy's own check
    # (E088) must never fire first
    nlp.max_length = max(nlp.max_length, settings.max_article_chars)
    _split_final_year_dot(nlp)
    nlp.add_pipe("kg_sentences")
    nlp.add_pipe("kg_hanta")
    if not settings.ruler_after_ner:
        _add_gazetteer(nlp, gazetteer, overwrite=False)
    if settings.use_ner:
        from kg.ner import default_model_dir, load_ner

        ner_nlp = load_ner(settings.ner_model or default_model_dir())
        if "ner" not in ner_nlp.pipe_names:
            raise ModelError(f"{settings.ner_model or default_model_dir()}: the model has no 'ner' pipe")
        for name in ner_nlp.pipe_names:
            nlp.add_pipe(name, source=ner_nlp, name=name)
    if settings.ruler_after_ner:
        _add_gazetteer(nlp, gazetteer, overwrite=True)
    nlp.add_pipe("kg_entity_labels")
    return nlp


def _add_gazetteer(nlp: Language, gazetteer: Gazetteer, *, overwrite: bool) -> None:
    ruler = cast(
        EntityRuler,
        nlp.add_pipe(
            "entity_ruler",
            name="gazetteer",
            config={"phrase_matcher_attr": "LOWER", "overwrite_ents": overwrite, "validate": False},
        ),
    )
    # add_patterns runs every pipe before the ruler (HanTa, the NER) over the
    # ~5,000 phrase patterns, yet a LOWER phrase matcher reads only the
    # tokens: tokenising alone gives the same patterns, seconds sooner.
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n != "gazetteer"]):
        ruler.add_patterns(gazetteer.ruler_patterns())


def _split_final_year_dot(nlp: Language) -> None:
    # "20." before a month is an ordinal and keeps its dot, but a four-digit
    # number is a year, and its dot ends the sentence.
    defaults = cast("Sequence[str | re.Pattern[str]]", nlp.Defaults.suffixes)
    suffixes = [*defaults, r"(?<=[0-9]{4})\."]
    tokenizer: Any = nlp.tokenizer  # a spacy.tokenizer.Tokenizer, a Cython class spaCy ships no stub for
    tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search


@Language.component("kg_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    """Sentence starts after terminal punctuation (closing quotes and brackets
    stay with the sentence they close) and after line breaks. A German
    sentence starts with a capital: a lower-case word after a period goes on
    the sentence ("König Harald V. mit seiner Familie")."""
    start_next = after_break = True
    for i, token in enumerate(doc):
        starts = i == 0 or (start_next and not token.is_space and token.text not in CLOSING)
        if starts and i > 0 and not after_break and token.is_alpha and token.text[:1].islower():
            starts = start_next = False
        token.is_sent_start = starts
        if starts:
            start_next = False
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            start_next = after_break = True
        elif token.text in TERMINAL:
            start_next, after_break = True, False
    return doc


# Distinct words remembered per HanTa analysis (a few hundred bytes each).
WORD_MEMO = 200_000


# Tags before a capitalised word that make it a noun, not a name ("das Treffen").
NOUN_DETERMINERS = frozenset({"ART", "APPRART", "ADJA", "PPOSAT", "PDAT", "PIAT"})
# What may open a sentence inside a sentence: after these a capital says nothing.
_SENTENCE_OPENERS = frozenset({"", ":", "„", "\"", "»", "«", "“", "–", "-", "(", "'", "‚", ".", "!", "?", ";"})


def capitalised_verb(word: str, tag: str, previous: str) -> bool:
    """German writes verbs in lower case: a capitalised word inside a
    sentence that HanTa tags as a verb is a name or a noun it does not know
    ("Schwiegersohn Berat Albayrak": not the imperative of "beraten").
    ``previous`` is the tag of the word before, or its text if punctuation."""
    return tag.startswith("V") and word[:1].isupper() and not word.isupper() and previous not in _SENTENCE_OPENERS


@Language.factory("kg_hanta")
def make_hanta(nlp: Language, name: str) -> HantaTagger:
    return HantaTagger()


class HantaTagger:
    """spaCy component around HanTa's ``tag_sent``: STTS tag, lemma, UPOS."""

    def __init__(self) -> None:
        # Importing HanTa loads its model (a few MB); do it once per pipeline.
        from HanTa import HanoverTagger

        self.tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
        # News vocabulary is Zipfian and HanTa re-analyses every occurrence of
        # a word its model does not cache. Both analyses depend only on their
        # arguments (the word; the word and its tag), so memoising them per
        # tagger leaves tags and lemmas unchanged. Bounded: memory stays flat
        # on any corpus.
        self.tagger.analyze_forward = functools.lru_cache(maxsize=WORD_MEMO)(self.tagger.analyze_forward)
        self.tagger._analyze = functools.lru_cache(maxsize=WORD_MEMO)(self.tagger._analyze)

    def __call__(self, doc: Doc) -> Doc:
        for sent in doc.sents:
            tokens = [t for t in sent if not t.is_space]
            if not tokens:
                continue
            tagged = self.tagger.tag_sent([t.text for t in tokens], taglevel=1)
            previous = ""
            for token, (_, lemma, tag) in zip(tokens, tagged, strict=False):
                stts = tag.replace("(", "").replace(")", "") if tag[0] != "$" else tag
                stts = HANTA_TO_STTS.get(stts, stts)
                if capitalised_verb(token.text, stts, previous):
                    stts, lemma = ("NN" if previous in NOUN_DETERMINERS else "NE"), token.text
                previous = stts if stts[0] != "$" else token.text
                token.tag_ = stts
                token.pos_ = STTS_TO_UPOS.get(stts, "X")
                token.lemma_ = lemma
        for token in doc:
            if token.is_space:
                token.tag_, token.pos_, token.lemma_ = "_SP", "SPACE", token.text
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


@Language.component("kg_entity_labels")
def map_entity_labels(doc: Doc) -> Doc:
    """Rename NER labels to ontology types; drop entities that are only
    punctuation or start/end with a space (NER noise on line breaks)."""
    ents = []
    for ent in doc.ents:
        label = NER_LABELS.get(ent.label_, ent.label_)
        if not any(c.isalpha() for c in ent.text) or ent[0].is_space or ent[-1].is_space:
            continue
        ents.append(Span(doc, ent.start, ent.end, label=label, span_id=ent.id_) if label != ent.label_ else ent)
    doc.ents = ents
    return doc

