"""Candidacies for a presidency said with a verb or a noun, not an office
word: "X kandidiert für das Amt des Präsidenten", "X bewirbt sich um die
Präsidentschaft", "die Kandidatur von X bei der Präsidentenwahl", "seine
Präsidentschaftskandidatur". Each is read as an office phrase of
``presidential_candidate`` (whose state or party kg.extract.roles finds as
for any office) and the person it belongs to.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.context import ArticleContext, MentionSpan, negated
from kg.extract.offices import OfficeMention
from kg.extract.triggers import preposition_before, verb_lemma
from kg.model import EntityType

CONCEPT = "presidential_candidate"
# word lists (ontology/lexicon/wordlists.tsv): "candidacy_nouns" (a compound with a presidency,
# "Präsidentschaftskandidatur", is one on its own) and "presidency" (word beginnings that name one)


def find(ctx: ArticleContext, sent: Span) -> Iterator[tuple[OfficeMention, MentionSpan]]:
    """Each candidacy of the sentence, as an office phrase and its person."""
    nouns, presidency_words = ctx.lexicon.words("candidacy_nouns"), ctx.lexicon.words("presidency")
    for tok in sent:
        word = tok.lower_
        if tok.tag_.startswith("V") and _verb_of_candidacy(ctx, sent, tok):
            clause = ctx.clause(sent, tok.i)
            presidency = _presidency(clause, tok.i, presidency_words)
            person = _subject(ctx, sent, clause) if presidency is not None else None
        elif tok.tag_ == "NN" and word.endswith(nouns):
            clause = ctx.clause(sent, tok.i)
            presidency = tok if word.startswith(presidency_words) else _presidency(clause, tok.i, presidency_words)
            person = _owner(ctx, sent, tok) if presidency is not None else None
        else:
            continue
        if presidency is None or person is None or negated(sent, tok.i):
            continue
        org = _state_of(ctx, presidency)
        yield OfficeMention(presidency.i, presidency.i + 1, presidency.i, CONCEPT, org, None, False), person


def _verb_of_candidacy(ctx: ArticleContext, sent: Span, tok: Token) -> bool:
    lemma = verb_lemma(tok)
    if lemma == "kandidieren":
        return True
    clause = ctx.clause(sent, tok.i)
    return lemma == "bewerben" and any(t.lower_ == "sich" for t in clause) and any(t.lower_ == "um" for t in clause)


def _presidency(clause: Span, i: int, beginnings: tuple[str, ...]) -> Token | None:
    """The word of the clause that names a presidency, nearest ``i``."""
    words = [t for t in clause if t.tag_ == "NN" and t.lower_.startswith(beginnings) and t.i != i]
    return min(words, key=lambda t: abs(t.i - i)) if words else None


def _subject(ctx: ArticleContext, sent: Span, clause: Span) -> MentionSpan | None:
    """The person the clause is about: the first one no preposition governs."""
    persons = [s for s in ctx.spans_in(sent, [EntityType.PERSON])
               if clause.start <= s.start < clause.end and preposition_before(ctx, s, sent) is None]
    return persons[0] if len(persons) == 1 else None


def _owner(ctx: ArticleContext, sent: Span, noun: Token) -> MentionSpan | None:
    """"die Kandidatur von X", "Xs Kandidatur", "seine Kandidatur" (the person named before)."""
    doc = ctx.doc
    after = ctx.span_at(noun.i + 2) if noun.i + 2 < sent.end and doc[noun.i + 1].lower_ in ("von", "des") else None
    if after is not None and after.type is EntityType.PERSON:
        return after
    before = ctx.span_at(noun.i - 1) if noun.i > sent.start else None
    if before is not None and before.type is EntityType.PERSON and doc[noun.i - 1].text.endswith("s"):
        return before
    if noun.i > sent.start and doc[noun.i - 1].lower_.startswith(("sein", "ihr")):
        # not one in a genitive ("der Bruder des früheren Präsidenten X soll seine Kandidatur ...")
        persons = [s for s in ctx.spans_in(sent, [EntityType.PERSON]) if s.end <= noun.i
                   and preposition_before(ctx, s, sent) is None
                   and not any(t.lower_ in ("des", "der") for t in doc[max(sent.start, s.start - 4) : s.start])]
        return persons[-1] if persons else None
    return None


def _state_of(ctx: ArticleContext, presidency: Token) -> MentionSpan | None:
    """"die französische Präsidentschaft", "US-Präsidentschaft": the state named with it."""
    if presidency.i > 0:
        span = ctx.span_at(presidency.i - 1)
        if span is not None and span.adjective and span.type is EntityType.COUNTRY:
            return span
    span = ctx.span_at(presidency.i)
    return span if span is not None and span.type is EntityType.COUNTRY else None
