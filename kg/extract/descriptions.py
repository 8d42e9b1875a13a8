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
from kg.extract.mentions import NOMINATIVE, body_head
from kg.gazetteer import Description, GazetteerEntry
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
            if tok.tag_ != "NN" or ctx.span_at(tok.i) is not None:
                continue
            description = ctx.gazetteer.descriptions.get(tok.text.casefold())
            head = body_head(tok, ctx.gazetteer.body_heads) if description is None else None
            if head is not None and head[0].casefold() in ctx.gazetteer.body_heads \
                    and head[0].casefold() not in ctx.gazetteer.lone_bodies:
                head = None  # "das Ministerium": which one?
            if description is None and head is None:
                continue
            start = _determiner(ctx, sent, tok.i)
            if start is None or _named_after(ctx, sent, tok.i) or _of_something(ctx, sent, tok.i):
                continue
            first, last = ctx.doc[start], tok
            evidence = ctx.evidence(first.idx, last.idx + len(last.text))
            text = ctx.doc[start : tok.i + 1].text
            if head is not None:
                body = _body_of(ctx, k, tok.i, *head)
                if body is not None:
                    name, entry = body
                    out.append(MentionSpan(start, tok.i + 1, Mention(text, EntityType.ORGANIZATION, evidence,
                                                                     norm=name), entry))
                continue
            assert description is not None
            antecedent = _antecedent(ctx, k, tok.i, description)
            if antecedent is None:
                continue
            mention = Mention(text, antecedent.type, evidence, norm=antecedent.name)
            out.append(MentionSpan(start, tok.i + 1, mention, antecedent.entry))
    return out


def _of_something(ctx: ArticleContext, sent: Span, i: int) -> bool:
    """"das Parlament der Region", "die Opposition im Land": the noun is
    someone else's, said after it."""
    if not (i + 1 < sent.end and ctx.doc[i + 1].lower_ in ("der", "des", "von", "vom", "im", "in", "aus")):
        return False
    # "das Parlament in dieser Woche": a time, not whose parliament
    after = ctx.doc[i + 1]
    return not any(d.start <= after.idx < d.end or d.start <= ctx.doc[min(i + 2, sent.end - 1)].idx < d.end
                   for d in ctx.dates)


def _body_of(ctx: ArticleContext, k: int, i: int, noun: str, gender: str) -> tuple[str, GazetteerEntry | None] | None:
    """"das Parlament", "die Opposition": the body of that kind the article
    named before (the "Europaparlament" a later "das Parlament" means), else
    that body of the state the sentence refers to, named by its adjective
    ("türkische Opposition"); none for a state without one."""
    for s in sorted((s for s in ctx.spans if s.end <= i), key=lambda s: -s.start):
        if s.type is EntityType.ORGANIZATION and not s.adjective and s.name.casefold().endswith(noun.casefold()):
            return s.name, s.entry
    state = _state_before(ctx, k, i)
    if state is None or state.entry is None:
        return None
    adjective = next((a for a in state.entry.adjectives if a.endswith("isch")), None)
    return (f"{adjective}{NOMINATIVE[gender]} {noun}", None) if adjective else None


def _determiner(ctx: ArticleContext, sent: Span, i: int) -> int | None:
    """Where the description starts: its article, with only adjectives (and
    their adverbs) between ("die frühere Sowjetrepublik", "das sehr kleine
    Land", "des wirtschaftlich schwachen Landes"); None without a definite one."""
    doc = ctx.doc
    j = i - 1
    while j >= sent.start and doc[j].tag_ in ("ADJA", "ADV", "ADJD") and ctx.span_at(j) is None:
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
        return _state_before(ctx, k, i)
    for s in sorted((s for s in ctx.spans if s.start < i), key=lambda s: -s.start):
        if s.entry is not None and s.entry.kind == description.kind and not s.prefix:
            return s
    return None


def _state_before(ctx: ArticleContext, k: int, i: int) -> MentionSpan | None:
    """The one state named in this sentence or the few before (none if two
    are, unless one of them is the subject: see _subject_state), else the state the article is most about."""
    # "der russische Präsident" names a person, not a state to refer to.
    offices = ctx.lexicon.table("office")
    near = {state.name: state
            for j in range(max(0, k - WINDOW), k + 1) for s in ctx.spans_in(ctx.sentences[j], None)
            if s.start < i and s.type in PLACES and (state := ctx.country_of(s)) is not None
            and state.type is EntityType.COUNTRY
            and not (s.adjective and s.end < len(ctx.doc) and offices.match(ctx.doc[s.end].text) is not None)}
    if near:
        if len(near) > 1:
            return _subject_state(ctx, k, i)
        state = next(iter(near.values()))
        home = _dateline_state(ctx)
        if home is not None and home.name != state.name and all(
                _placed(ctx, s) for j in range(max(0, k - WINDOW), k + 1) for s in ctx.spans_in(ctx.sentences[j], None)
                if s.start < i and (c := ctx.country_of(s)) is not None and c.name == state.name):
            return home  # "Wien – Vor der Konferenz im peruanischen Lima hat das Parlament": Austria's
        return state
    # a state the article names, not one it only implies through a party or a person
    named = {s.name for s in ctx.spans if s.type is EntityType.COUNTRY}
    states = [state for state in ctx.main_states() if state.name in named]
    return states[0] if states else None


def _placed(ctx: ArticleContext, s: MentionSpan) -> bool:
    """A place named in a noun's prepositional phrase ("des Gipfels im
    peruanischen Lima"): where something is, not whose body is meant."""
    doc = ctx.doc
    for j in range(s.start - 1, max(-1, s.start - 4), -1):
        if doc[j].tag_ in ("APPR", "APPRART"):
            return j > 0 and doc[j - 1].tag_ in ("NN", "NE")
        if doc[j].tag_ not in ("ART", "ADJA", "ADV"):
            return False
    return False


def _dateline_state(ctx: ArticleContext) -> MentionSpan | None:
    """The state of the dateline's place ("Wien – ..."), if the article has one."""
    for s in ctx.spans:
        if s.start in ctx.dateline and s.type in PLACES:
            state = ctx.country_of(s)
            if state is not None and state.type is EntityType.COUNTRY:
                return state
    return None


def _subject_state(ctx: ArticleContext, k: int, i: int) -> MentionSpan | None:
    """Of several states named near, the one that is the subject of the
    nearest sentence naming any: a bare name, not after a preposition, not a
    genitive attribute ("Chile unterzeichnet mit Peru ... Das Land will ..." is
    Chile); none if that does not single one out."""
    doc = ctx.doc
    for j in range(k, max(-1, k - WINDOW - 1), -1):
        sent = ctx.sentences[j]
        found = {}
        for s in ctx.spans_in(sent, (EntityType.COUNTRY,)):
            if s.start >= i or s.adjective or s.start in ctx.dateline:
                continue
            before = doc[s.start - 1] if s.start > sent.start else None
            if before is not None and (before.tag_ in ("APPR", "APPRART", "ART") or before.tag_ == "NN"):
                continue
            found[s.name] = s
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            return None
    return None
