"""Finding trigger words and the actors around them.

Verbs are matched on their lemma, with a separated particle put back
("wies ... zurück" -> "zurückweisen", "sagte ... zu" -> "zusagen"). Nouns
are matched on their head, so compounds count ("Vietnam-Visite",
"Staatsbesuch", "Waffeneinfuhren").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.context import ArticleContext, MentionSpan
from kg.lexicon import TermTable, term_key
from kg.model import EntityType, FactKind

PREPOSITIONS_OBJECT = frozenset({"mit", "von", "vom", "gegen", "an", "für", "über", "durch", "zwischen", "bei",
                                 "beim", "zu", "zum", "zur", "nach", "in", "im", "aus", "auf", "unter", "wie",
                                 "darunter", "als", "laut", "zufolge", "seitens"})
ACCUSATIVE_DET = frozenset({"den", "einen", "seinen", "ihren"})
DATIVE_DET = frozenset({"dem", "einem", "seinem", "ihrem"})
# Forms of "werden" that make a participle passive ("wurde ... festgenommen").
PASSIVE_AUXILIARIES = frozenset({"werden", "wurde", "wurden", "worden", "wird"})


@dataclass(frozen=True, slots=True)
class Trigger:
    i: int  # token index
    word: str
    verb: bool


def verb_lemma(token: Token) -> str:
    """Lemma of a verb with its separated particle re-attached."""
    base = term_key(token.lemma_ or token.text)
    if token.tag_.endswith("FIN"):
        for t in token.sent[token.i - token.sent.start + 1 :]:
            if t.tag_ == "PTKVZ":
                return term_key(t.text) + base
            if t.tag_ in ("$.", "$,") or t.text in (",", ";"):
                break
    return base


VERB_ENDINGS = ("e", "en", "t", "te", "ten", "test", "tet", "et", "ete", "eten")


def _inflected_verb(word: str, verbs: frozenset[str]) -> str | None:
    """The trigger verb ``word`` is a finite or participle form of:
    "vereinbarten" -> "vereinbaren", "unterzeichnete" -> "unterzeichnen"."""
    for verb in verbs:
        stem = verb[:-2] if verb.endswith("en") else verb[:-1]
        if len(stem) >= 4 and word.startswith(stem) and word[len(stem):] in VERB_ENDINGS:
            return verb
    return None


def find_triggers(ctx: ArticleContext, sent: Span, kind: FactKind, *, nouns: TermTable | None = None) -> list[Trigger]:
    verbs = ctx.lexicon.verbs(kind)
    table = nouns if nouns is not None else ctx.lexicon.nouns(kind)
    out = []
    for tok in sent:
        if tok.is_space or tok.is_punct:
            continue
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VV"):
            lemma = verb_lemma(tok)
            if lemma in verbs or term_key(tok.text) in verbs:
                out.append(Trigger(tok.i, lemma, True))
                continue
        elif tok.text.islower() and (verb := _inflected_verb(tok.text, verbs)) is not None:
            # HanTa reads some preterites as adjectives ("vereinbarten/ADJA")
            out.append(Trigger(tok.i, verb, True))
            continue
        if tok.text[:1].isupper() and table.forms and table.match(tok.text.split("-")[-1] if "-" in tok.text else tok.text):
            out.append(Trigger(tok.i, tok.text, False))
    return out


# what may stand between a preposition and its noun or name ("vor dem neuen", "nach einigen")
DETERMINER_TAGS = frozenset({"ART", "ADJA", "PPOSAT", "PIAT", "CARD"})


def word_before_phrase(doc: Doc, i: int, floor: int, *, gap: int | None = None,
                       also: frozenset[str] = frozenset()) -> Token | None:
    """The word before the determiners and adjectives that open the noun
    phrase at token ``i`` ("vor" of "vor dem UN-Sicherheitsrat"), looking
    back at most ``gap`` tokens and not before ``floor``; tags in ``also``
    may stand between too."""
    k = i - 1
    while k >= floor and (gap is None or i - k <= gap) and (doc[k].tag_ in DETERMINER_TAGS or doc[k].tag_ in also):
        k -= 1
    return doc[k] if k >= floor else None


def preposition_before(ctx: ArticleContext, span: MentionSpan, sent: Span, gap: int = 4) -> str | None:
    """The preposition that governs the span, if one stands within ``gap``
    tokens before it with only determiners, adjectives and nouns between."""
    doc = ctx.doc
    i = span.start - 1
    steps = 0
    while i >= sent.start and steps < gap:
        t = doc[i]
        if t.lower_ in PREPOSITIONS_OBJECT:
            return t.lower_
        if t.is_space:  # "von  Bosnien": a double space in the text
            i -= 1
            continue
        inner = ctx.span_at(i)
        if inner is not None and inner.adjective:
            i = inner.start - 1
            steps += 1
            continue
        if t.tag_ not in ("ART", "ADJA", "ADJD", "CARD", "PPOSAT", "PIAT", "PIDAT", "ADV", "NN", "NE"):
            return None
        i -= 1
        steps += 1
    return None


def governed_by(ctx: ArticleContext, span: MentionSpan, sent: Span, preps: frozenset[str], gap: int = 10) -> bool:
    """A preposition from ``preps`` heads the phrase the span ends, however
    long its attributes ("vom kürzlich neu im Amt bestätigten Präsidenten
    To Lam"): look back to the nearest verb, comma or conjunction."""
    doc = ctx.doc
    for i in range(span.start - 1, max(sent.start, span.start - gap) - 1, -1):
        t = doc[i]
        if t.lower_ in preps:
            return True
        if t.tag_.startswith(("VV", "VA", "VM")) or t.tag_ in ("$,", "$.", "KON", "KOUS") or t.text in (",", ";"):
            return False
    return False


def determiner_before(ctx: ArticleContext, span: MentionSpan, sent: Span) -> str | None:
    doc = ctx.doc
    i = span.start - 1
    while i >= sent.start and i >= span.start - 5:
        t = doc[i]
        if t.tag_ in ("ART", "PPOSAT", "PDAT"):
            return t.lower_
        if t.is_space:
            i -= 1
            continue
        # "den südafrikanischen Präsidenten Cyril Ramaphosa": adjectives and
        # the title between the article and the name
        if t.tag_ not in ("ADJA", "ADJD", "ADV", "NN") and not ((s := ctx.span_at(i)) and s.adjective):
            return None
        i -= 1
    return None


# Who can act: say, sign, sue, be criticised.
ACTORS = (EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.CITY)


def actors(ctx: ArticleContext, sent: Span, types: Iterable[EntityType] = (EntityType.PERSON,)) -> list[MentionSpan]:
    """Named entities that can act; "Lena Berger (ÖVP)": a party in
    brackets only says whom the person belongs to."""
    doc = ctx.doc
    return [s for s in ctx.spans_in(sent, types, names_only=True)
            if not (s.start > 0 and s.end < len(doc) and doc[s.start - 1].text == "(" and doc[s.end].text == ")")]


def subject_before(ctx: ArticleContext, sent: Span, i: int, types: Iterable[EntityType] = (EntityType.PERSON,),
                   *, exclude: Iterable[MentionSpan] = (), inverted: bool = True) -> MentionSpan | None:
    """The nearest actor before token i (or, in a verb-second clause with
    the subject after the verb, right after it, unless ``inverted`` is
    false) that no preposition governs and that is not marked accusative or
    dative."""
    skip = {id(s) for s in exclude}
    candidates = [s for s in actors(ctx, sent, types) if id(s) not in skip]
    before = [s for s in candidates if s.end <= i and is_nominative(ctx, s, sent)]
    if before:
        return before[-1]
    after = [s for s in candidates if s.start > i and s.start - i <= 3 and is_nominative(ctx, s, sent)]
    return after[0] if after and inverted else None


def is_nominative(ctx: ArticleContext, span: MentionSpan, sent: Span) -> bool:
    prep = preposition_before(ctx, span, sent)
    if prep == "von" and _in_the_person_of(ctx, span, sent):
        return True  # "die USA haben sich in Form von Staatssekretär X angesagt": X acts
    if prep is not None:
        return False
    det = determiner_before(ctx, span, sent)
    return det not in ACCUSATIVE_DET and det not in DATIVE_DET and not _genitive(ctx, span)


def _in_the_person_of(ctx: ArticleContext, span: MentionSpan, sent: Span) -> bool:
    doc = ctx.doc
    for i in range(span.start - 1, max(sent.start + 1, span.start - 5), -1):
        if doc[i].lower_ == "von":
            return doc[i - 2 : i].text.lower() in ("in form", "in person", "in gestalt")
    return False


def _genitive(ctx: ArticleContext, span: MentionSpan) -> bool:
    # "Putins Reise": a genitive name owns a noun; it is not a subject
    nxt = ctx.doc[span.end] if span.end < len(ctx.doc) else None
    return span.mention.text.endswith("s") and span.mention.name != span.mention.text and (
        nxt is not None and nxt.tag_ in ("NN", "ADJA"))


def objects_with(ctx: ArticleContext, sent: Span, preps: frozenset[str],
                 types: Iterable[EntityType] = (EntityType.PERSON,)) -> list[MentionSpan]:
    return [s for s in actors(ctx, sent, types) if preposition_before(ctx, s, sent, gap=6) in preps]


def places_after(ctx: ArticleContext, sent: Span, preps: frozenset[str], *, after: int | None = None,
                 types: Iterable[EntityType] = (EntityType.COUNTRY, EntityType.CITY, EntityType.PLACE)) -> Iterator[MentionSpan]:
    for s in ctx.spans_in(sent, types, names_only=True):
        if after is not None and s.start < after:
            continue
        if preposition_before(ctx, s, sent) in preps:
            yield s
