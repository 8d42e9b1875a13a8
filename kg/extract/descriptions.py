"""Descriptions that refer back to a state or body the text has named:
"Die frühere Sowjetrepublik wies das zurück", "Das Land hat 14 Provinzen",
"das Bündnis", "die Partei".

A noun of ``ontology/gazetteer/descriptions.tsv`` after a definite article or
"dieser" (adjectives may stand between) stands for the one state named before
it in its sentence or the few before (none if two are), else, where none is,
for the state the article is most about; an organization noun stands for the last body of its kind the article
named before it. A name right after the noun makes the noun part of that name
("die Republik Moldau", "die Partei ABC"); "auf dem Land" is the countryside.
"""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.context import ArticleContext, MentionSpan
from kg.gazetteer import Description
from kg.model import EntityType, Mention
from kg.stts import NAME_TAGS

DETERMINERS = frozenset({"der", "die", "das", "dem", "den", "des", "dieser", "diese", "dieses", "diesem", "diesen",
                         "im", "ins", "vom", "zum", "beim"})
# What names a state to refer back to: the state, or a city of it ("die Regierung in Kiew").
PLACES = frozenset({EntityType.COUNTRY, EntityType.CITY})
# How many sentences back a state may be named for "das Land" to mean it.
WINDOW = 3
# "auf dem Land": the countryside, not a state.
COUNTRYSIDE = ("auf", "dem")


def find(ctx: ArticleContext) -> list[MentionSpan]:
    """Every description of the article, as a mention of what it refers to."""
    out = []
    for k, sent in enumerate(ctx.sentences):
        for tok in sent:
            description = ctx.gazetteer.descriptions.get(tok.text.casefold())
            if description is None or tok.tag_ != "NN" or ctx.span_at(tok.i) is not None:
                continue
            start = _determiner(ctx, sent, tok.i)
            if start is None or _named_after(ctx, sent, tok.i):
                continue
            antecedent = _antecedent(ctx, k, tok.i, description)
            if antecedent is None:
                continue
            first, last = ctx.doc[start], tok
            mention = Mention(ctx.doc[start : tok.i + 1].text, antecedent.type,
                              ctx.evidence(first.idx, last.idx + len(last.text)), norm=antecedent.name)
            out.append(MentionSpan(start, tok.i + 1, mention, antecedent.entry))
    return out


def _determiner(ctx: ArticleContext, sent: Span, i: int) -> int | None:
    """Where the description starts: its article, with only adjectives (and
    their adverbs) between ("die frühere Sowjetrepublik", "das sehr kleine
    Land"); None without a definite one."""
    doc = ctx.doc
    j = i - 1
    while j >= sent.start and doc[j].tag_ in ("ADJA", "ADV") and ctx.span_at(j) is None:
        j -= 1
    if j < sent.start or doc[j].lower_ not in DETERMINERS:
        return None
    if j > sent.start and (doc[j - 1].lower_, doc[j].lower_) == COUNTRYSIDE:
        return None
    return j


def _named_after(ctx: ArticleContext, sent: Span, i: int) -> bool:
    nxt = i + 1
    return nxt < sent.end and (ctx.span_at(nxt) is not None or ctx.doc[nxt].tag_ in NAME_TAGS)


def _antecedent(ctx: ArticleContext, k: int, i: int, description: Description) -> MentionSpan | None:
    if description.type is EntityType.COUNTRY:
        # only where one state is named just before: with two ("Putin in
        # Vietnam ... das Land") word order does not tell which is meant.
        # "der russische Präsident" names a person, not a state to refer to.
        offices = ctx.lexicon.table("office")
        near = {state.name: state
                for j in range(max(0, k - WINDOW), k + 1) for s in ctx.spans_in(ctx.sentences[j], None)
                if s.start < i and s.type in PLACES and (state := ctx.country_of(s)) is not None
                and state.type is EntityType.COUNTRY
                and not (s.adjective and s.end < len(ctx.doc) and offices.match(ctx.doc[s.end].text) is not None)}
        if near:
            return next(iter(near.values())) if len(near) == 1 else None
        # a state the article names, not one it only implies through a party or a person
        named = {s.name for s in ctx.spans if s.type is EntityType.COUNTRY}
        states = [state for state in ctx.main_states() if state.name in named]
        return states[0] if states else None
    for s in sorted((s for s in ctx.spans if s.start < i), key=lambda s: -s.start):
        if s.entry is not None and s.entry.kind == description.kind and not s.prefix:
            return s
    return None
