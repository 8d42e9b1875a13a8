"""Stances an interviewer's question states of the interviewee.

Papers print interviews as turns: the interviewer's label in capitals and a
colon ("ZEITUNG: Warum ...?"), the answer after the interviewee's name
("Brenner: ..."). :mod:`kg.extract.statements` reads the answers and skips
the questions. But a question often says what the interviewee did: "Warum
kritisieren Sie die Regierung so scharf?" states that the interviewee
criticises the government, and "Ihre Forderung nach Neuwahlen" is theirs.
"Sie" (the polite second person, or the possessive "Ihr-") in a question is
the person who answers it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span

from kg.extract import statements as st
from kg.extract.context import ArticleContext, MentionSpan
from kg.model import Claim

INTERVIEW = "interviews.v1"
# The polite pronoun (always capitalised) and its possessive.
ADDRESS = frozenset({"Sie"})
POSSESSIVES = ("Ihr",)


def extract(ctx: ArticleContext) -> Iterator[Claim]:
    turns = [st._turn(ctx, sent) for sent in ctx.sentences]
    answers = [(k, t[1]) for k, t in enumerate(turns) if t is not None and t[1] is not None]
    if not answers:
        return
    asking = False
    askers: set[str] = set()
    for k, sent in enumerate(ctx.sentences):
        turn = turns[k]
        question = sent.text.rstrip().endswith("?")
        if turn is not None:
            label, person = turn
            asking = person is None and (question or label in askers)
            if asking:
                askers.add(label)
        if not (asking and question):
            continue
        # who answers: the person of the next answer turn
        who = next((p for j, p in answers if j > k), None)
        if who is not None:
            yield from _asked(ctx, sent, who)


def _asked(ctx: ArticleContext, sent: Span, who: MentionSpan) -> Iterator[Claim]:
    doc = ctx.doc
    seen: set[tuple[str, ...]] = set()
    words = st.stance_words(ctx, sent)
    for w in words:
        if st._negated(ctx, sent, w.i) or w.stance in st.WEAK_STANCES:
            continue
        clause = ctx.clause(sent, w.i)
        if w.verbal:
            f = st._finite(ctx, sent, w.i)
            if st._passive(ctx, sent, w.i, f):
                continue  # "Warum werden Sie kritisiert?": the interviewee is criticised
            # "kritisieren Sie", "haben Sie ... kritisiert": Sie is the subject right after the verb
            addressed = any(t.text in ADDRESS and t.i > f and t.i - f <= 2 for t in clause) \
                or (f - 1 >= clause.start and doc[f - 1].text == "Sie" and doc[f - 1].i != sent.start)
            if not addressed or doc[f].text.lower().endswith("t") and not doc[f].text.lower().endswith("en"):
                continue  # "kritisiert Sie": Sie is the object
        else:
            before = doc[max(clause.start, w.i - 3) : w.i]
            if not any(t.text.startswith(POSSESSIVES) and t.tag_ == "PPOSAT" for t in before):
                continue
            f = w.i
        target = st._target(ctx, sent, w.i, f, who) if w.verbal else st._noun_target(ctx, sent, w.i, None)
        for t in st._coordinated(ctx, sent, target, who):
            claim = _claim(ctx, sent, who, t, w.stance, w.i, seen)
            if claim is not None:
                yield claim


def _claim(ctx: ArticleContext, sent: Span, who: MentionSpan, target: MentionSpan | None, stance: str, i: int,
           seen: set[tuple[str, ...]]) -> Claim | None:
    claim = st._claim(ctx, sent, who, target, stance, i, seen)
    return None if claim is None else replace(claim, extractor=INTERVIEW)
