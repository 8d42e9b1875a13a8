"""Statements: a speaker, a stance word of the ontology (kritisieren, Rüge,
Besorgnis, danken, zurückweisen, fordern, ...) and a target: "Japan äußerte
ernsthafte Besorgnis über ... Russland", "dankte Putin dem Land", "Der Kreml
wies den Haftbefehl ... zurück", "führte zu einer scharfen Rüge durch die
US-Botschaft". Weak stance words (Unterstützung, Zusammenarbeit) count only
in reported speech ("sagte", "erklärte", "fügte hinzu").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kg.extract.context import ArticleContext, MentionSpan, negated
from kg.extract.triggers import (
    ACTORS,
    actors,
    find_triggers,
    is_nominative,
    preposition_before,
    subject_before,
    verb_lemma,
)
from kg.model import Claim, EntityType, FactKind, Role

STATEMENT = "statements.v1"
WEAK_STANCES = frozenset({"support"})
# Stances whose verb takes the target as dative object right after it.
DATIVE_STANCES = frozenset({"accuse"})
TARGET_PREPS = frozenset({"über", "gegen", "an", "für", "wegen"})
AGENT_PREPS = frozenset({"durch", "von", "vom", "seitens"})


def extract(ctx: ArticleContext) -> Iterator[Claim]:
    for sent in ctx.sentences:
        yield from _statements(ctx, sent)


def _statements(ctx: ArticleContext, sent: Span) -> Iterator[Claim]:
    stances = ctx.lexicon.table("stance")
    speech = find_triggers(ctx, sent, FactKind.STATEMENT)
    seen: set[str] = set()
    stance_verb = False
    for tok in sent:
        if tok.is_punct or tok.is_space:
            continue
        if stance_verb and tok.pos_ not in ("VERB", "AUX"):
            continue  # "weist den Vorwurf zurück": a noun after a stance verb is its object
        if tok.tag_ == "NN" and tok.lower_.endswith("er") and stances.exact(tok.text) is None:
            continue  # "Kritiker" are people, not criticism
        word = verb_lemma(tok) if tok.pos_ in ("VERB", "AUX") else tok.text
        stance = stances.match(word, compounds=False) or (
            stances.match(tok.text, compounds=False) if tok.text[:1].isupper() else None)
        if stance is None or stance in seen or negated(sent, tok.i, 3):
            continue
        if stance in WEAK_STANCES and not (speech and _offered(ctx, sent, tok.i)):
            continue
        if tok.tag_ == "VVPP" and _passive_clause(ctx, sent, tok.i):
            continue  # "Demirtaş wird ... vorgeworfen": the subject is the target, the speaker unsaid
        speaker = _speaker(ctx, sent, tok.i, speech[0].i if speech else tok.i, stance)
        if speaker is None:
            continue
        target = _target(ctx, sent, tok.i, speaker)
        when = ctx.nearest_date(sent, tok.idx) or ctx.reference_date(sent)
        quote = _quote(sent)
        claim = ctx.claim(FactKind.STATEMENT, [(Role.SPEAKER, speaker), (Role.TARGET, target)], sent,
                          when=when.span.start if when else ctx.published, extractor=STATEMENT,
                          attributes=[("stance", stance), ("quote", quote)], trigger=tok.i,
                          confidence=0.6)
        if claim is not None:
            seen.add(stance)
            stance_verb = stance_verb or tok.pos_ in ("VERB", "AUX")
            yield claim


def _offered(ctx: ArticleContext, sent: Span, i: int) -> bool:
    """A weak stance word stated by someone: a verb ("unterstützen"), or a
    noun its speaker gives ("sagte seine volle Unterstützung zu"), not one
    somebody needs ("braucht die Unterstützung der USA")."""
    tok = ctx.doc[i]
    if tok.pos_ in ("VERB", "AUX"):
        return True
    return any(t.tag_ == "PPOSAT" for t in ctx.doc[max(sent.start, i - 3) : i])


def _speaker(ctx: ArticleContext, sent: Span, stance_i: int, i: int, stance: str = "") -> MentionSpan | None:
    """Who says it: the agent of a nominal stance ("Rüge durch die
    US-Botschaft"), the subject just before the finite verb ("Kim sagte
    Putin ... zu", "Kaczyński hat Deutschland ... vorgeworfen"), the subject
    right after a fronted verb ("dankte Putin dem Land"), else the nearest
    subject before the verb ("Japan äußerte")."""
    agents = [s for s in actors(ctx, sent, ACTORS) if preposition_before(ctx, s, sent) in AGENT_PREPS
              and 0 < s.start - stance_i <= 6]
    if agents:
        return agents[0]
    i = _finite_verb(ctx, sent, i)
    tok = ctx.doc[i]
    right_before = [s for s in actors(ctx, sent, ACTORS) if s.end == i and preposition_before(ctx, s, sent) is None]
    if right_before:
        return right_before[0]
    # "Kritiker werfen Erdogan ... vor": after "vorwerfen" comes whom it is aimed at
    if tok.tag_.endswith("FIN") and stance not in DATIVE_STANCES:
        # "forderte der französische Präsident Emmanuel Macron"
        inverted = [s for s in actors(ctx, sent, ACTORS) if 0 < s.start - i <= 5 and not s.adjective
                    and all(t.tag_ in ("ART", "ADJA", "ADJD", "NN", "ADV") for t in ctx.doc[i + 1 : s.start])
                    and is_nominative(ctx, s, sent)]
        if inverted:
            return inverted[0]
    return subject_before(ctx, sent, i, ACTORS, inverted=stance not in DATIVE_STANCES)


def _passive_clause(ctx: ArticleContext, sent: Span, i: int) -> bool:
    return any(t.lemma_ == "werden" for t in ctx.clause(sent, i) if t.i < i)


def _finite_verb(ctx: ArticleContext, sent: Span, i: int) -> int:
    """The finite verb of a participle's or infinitive's clause ("hat ...
    vorgeworfen", "will ... fordern"); the token itself otherwise."""
    tok = ctx.doc[i]
    if tok.tag_ in ("VVPP", "VVINF", "VVIZU"):
        clause = ctx.clause(sent, i)
        finite = [t.i for t in clause if t.tag_ in ("VAFIN", "VMFIN") and t.i < i]
        if finite:
            return finite[0]
    return i


def _located(ctx: ArticleContext, span: MentionSpan, sent: Span) -> bool:
    """"ein Krankenhaus in Aleppo": a place where something is, not an actor."""
    return span.type is not EntityType.PERSON and preposition_before(ctx, span, sent) in ("in", "im", "aus", "nach", "bei")


def _target(ctx: ArticleContext, sent: Span, i: int, speaker: MentionSpan) -> MentionSpan | None:
    others = [s for s in actors(ctx, sent, ACTORS) if s.name != speaker.name and not _located(ctx, s, sent)]
    for s in others:
        if s.start > i and preposition_before(ctx, s, sent, gap=6) in TARGET_PREPS:
            return s
    dative = [s for s in others if s.start > i and s.start - i <= 3]
    if dative:
        return dative[0]
    others.sort(key=lambda s: (s.start < i, s.start))  # objects follow the verb
    # "dankte Putin dem Land": the state the article is about
    if any(t.lower_ in ("land", "landes") for t in ctx.doc[i : min(sent.end, speaker.end + 3)]):
        home = ctx.affiliation.get(speaker.name) or speaker
        main = [s for s in ctx.main_states() if s.name != home.name]
        if main:
            return main[0]
    return others[0] if others else None


def _quote(sent: Span) -> str | None:
    text = sent.text
    for open_, close in (("„", "“"), ('"', '"'), ("»", "«")):
        a = text.find(open_)
        b = text.find(close, a + 1) if a >= 0 else -1
        if a >= 0 and b > a + 1:
            return text[a + 1 : b]
    return None
