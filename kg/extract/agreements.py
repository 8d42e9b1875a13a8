"""Agreements: who signed or agreed what, when, how many, about what.

"Putin und Lam unterzeichneten Dutzende Vereinbarungen", "hat ...
mindestens ein Dutzend Verträge mit seinem Amtskollegen To Lam in Hanoi
unterzeichnet", "der Pakt, den Putin mit Kim am Mittwoch unterzeichnete",
"die Beziehungen zu einer strategischen Partnerschaft hochgestuft", "Vietnam
hat Zarubezhneft eine Lizenz erteilt", "vereinbarten eine Zusammenarbeit in
den Bereichen Bildung, Wissenschaft und Technologie". An agreement the text
says did not happen ("wollten eigentlich unterzeichnen") is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span

from kg.extract.context import ArticleContext, MentionSpan, negated, negated_clause
from kg.extract.triggers import Trigger, actors, find_triggers, preposition_before
from kg.lexicon import TermTable, term_key
from kg.model import Claim, EntityType, FactKind, PartialDate, Role
from kg.normalize import parse_number_word

EXTRACTOR = "agreements.v1"
VAGUE_COUNTS = {"dutzende": "dozens", "hunderte": "hundreds", "zahlreiche": "many", "mehrere": "several",
                "etliche": "many"}
COUNT_HEDGES = {"mindestens": "at least", "rund": "about", "etwa": "about", "mehr": "more than",
                "über": "more than", "knapp": "about", "fast": "almost"}
# Nouns that say what an agreement is about are content nouns of its sentence;
# these are not topics.
NOT_TOPICS = frozenset({"jahr", "monat", "tag", "woche", "seite", "land", "länder", "ländern", "staat",
                        "präsident", "präsidenten", "staatschef", "amtskollege", "amtskollegen", "besuch",
                        "staatsbesuch", "rahmen", "unter", "anderem", "plan", "bereich", "bereichen", "region",
                        "reihe", "angaben", "teil", "fall", "falle", "hauptstadt", "zeit", "ende", "anfang"})
# Verbs of signing in person (unlike "vereinbaren" or "hochstufen").
SIGNING = frozenset({"unterzeichnen", "unterschreiben", "besiegeln"})
ANNIVERSARY = re.compile(r"(\d+)-jährigen?\s+(Bestehen|Jubiläum)")


def extract(ctx: ArticleContext) -> Iterator[Claim]:
    for sent in ctx.sentences:
        triggers = find_triggers(ctx, sent, FactKind.AGREEMENT)
        stated = False
        for scope, anchor, nouns, verbs in _scopes(ctx, sent, triggers):
            for claim in _agreement(ctx, sent, scope, anchor, nouns, verbs):
                stated = stated or claim.kind is FactKind.AGREEMENT
                yield claim
        if not stated:
            yield from _named_agreements(ctx, sent, [t for t in triggers if not t.verb])


# Words between an agreement noun and the preposition that names its sides
# ("das Abkommen mit dem Iran", "der Vertrag zwischen Kiew und Moskau").
_PHRASE_GAP = frozenset({"ART", "ADJA", "ADJD", "PPOSAT", "PIAT", "CARD"})


def _named_agreements(ctx: ArticleContext, sent: Span, nouns: list[Trigger]) -> Iterator[Claim]:
    """Passing mentions that name their sides in the noun phrase: "das
    Atomabkommen mit dem Iran" (the other side is who else acts in the
    sentence), "der Vertrag zwischen Polen und Litauen", "die Waffenruhe in
    Mali", "der Vertrag von Lissabon" (where it was made), "das
    Ungarn-Abkommen". Only nouns of a specific kind, or "Vertrag"/"Abkommen"
    with "zwischen"/"mit", count: a bare "Vereinbarung" is talk."""
    kinds = ctx.lexicon.table("agreement_kind")
    doc = ctx.doc
    for t in nouns:
        kind = _kind(ctx, sent, t.i, kinds)
        if _denied(ctx, sent, t.i, kind) or _negated_noun(ctx, sent, t.i):
            continue
        parties: dict[str, MentionSpan] = {}
        prefix = ctx.span_at(t.i)
        if prefix is not None and prefix.prefix:
            state = ctx.country_of(prefix) if prefix.type is not EntityType.ORGANIZATION else prefix
            if state is not None:
                parties[state.name] = state
        j = t.i + 1
        # a genitive attribute first: "der Vertrag des Jahres ..." ends the phrase
        prep = doc[j].lower_ if j < sent.end else None
        follow = _phrase_after(ctx, sent, j + 1) if prep in ("mit", "zwischen", "von") else []
        if prep == "zwischen" and len(follow) >= 2:
            for s in follow:
                state = _side(ctx, s)
                if state is not None:
                    parties.setdefault(state.name, state)
        elif prep == "mit" and follow and follow[0].type is not EntityType.PERSON:
            other = _side(ctx, follow[0])
            if other is None:
                continue
            own = next((st for s in actors(ctx, sent, (EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANIZATION))
                        if not (follow[0].start <= s.start < follow[-1].end)
                        and preposition_before(ctx, s, sent) not in ("in", "im", "aus", "nach", "mit", "von")
                        and (st := _side(ctx, s)) is not None and st.name != other.name), None)
            if own is None and not parties:
                continue
            if own is not None and not parties:
                parties[own.name] = own
            parties.setdefault(other.name, other)
        elif prep == "von" and follow and kind not in GENERIC_KINDS:
            # "Steuerdeals von Konzern A in Land X, Konzern B in Land Y":
            # one agreement of each body with the state named after it
            yield from _deals_by_place(ctx, sent, t.i, j + 1, kind)
            continue
        if not parties and kind in ONE_SIDED_KINDS and prep not in ("zwischen", "mit"):
            state = dominant_state(ctx, sent, t.i)
            if state is not None:
                parties[state.name] = state
        elif not parties and kind is not None and kind not in GENERIC_KINDS and prep not in ("zwischen", "mit"):
            # "die EU-Kommission ... bei der Umsetzung des Flüchtlingsdeals": the
            # one side the sentence names, with the state the article is about
            state = dominant_state(ctx, sent, t.i)
            sides = [st for s in ctx.spans_in(sent, (EntityType.COUNTRY, EntityType.ORGANIZATION), names_only=True)
                     if preposition_before(ctx, s, sent) not in ("in", "im", "aus", "nach", "von", "laut")
                     and (st := _side(ctx, s)) is not None]
            if state is not None and len({x.name for x in sides} - {state.name}) == 1:
                for x in (*sides, state):
                    parties.setdefault(x.name, x)
            else:
                continue
        elif not parties or len(parties) < _MIN_PARTIES:
            continue
        if not parties:
            continue
        if kind is None or (kind in GENERIC_KINDS and prep not in ("zwischen", "mit")):
            continue
        when = ctx.nearest_date(sent, doc[t.i].idx)
        claim = ctx.claim(
            FactKind.AGREEMENT, [(Role.PARTY, p) for p in parties.values()],
            sent, when=when.span.start if when else None, extractor="agreements.phrase.v1", trigger=t.i,
            attributes=[("kind", kind)], confidence=0.6)
        if claim is not None:
            yield claim


# Kinds an article names with no sides because its one state's war is
# meant: "die Waffenruhe hielt", "der Friedensvertrag von 1996".
ONE_SIDED_KINDS = frozenset({"ceasefire", "peace_treaty"})
DEFINITE = frozenset({"der", "die", "das", "des", "dem", "den"})


def dominant_state(ctx: ArticleContext, sent: Span, i: int) -> MentionSpan | None:
    """The state a definite "die Waffenruhe" belongs to: the one the article
    names most, clearly ahead of the next. An indefinite "eine Waffenruhe"
    is demanded or planned, not made; "beide Seiten" are two sides."""
    doc = ctx.doc
    before = [t.lower_ for t in doc[max(sent.start, i - 3) : i]]
    if not any(w in DEFINITE for w in before) or {"beide", "beiden"} & {t.lower_ for t in sent}:
        return None
    counts = ctx.state_mentions()
    if not counts or len(counts[0]) < _DOMINANT or (len(counts) > 1 and len(counts[1]) >= len(counts[0])):
        return None
    return counts[0][0]


_DOMINANT = 3


def _denied(ctx: ArticleContext, sent: Span, i: int, kind: str | None) -> bool:
    """Whether the clause denies the agreement. A "nicht" late in "der
    Friedensvertrag erfüllte die Hoffnungen nicht" denies what a definite,
    existing treaty did, not that it exists: only a negation near it counts."""
    if kind in ONE_SIDED_KINDS and i > sent.start and ctx.doc[i - 1].lower_ in DEFINITE:
        return negated(sent, i)
    return negated_clause(ctx.clause(sent, i))
# Kinds too general to be an agreement by a passing mention alone.
GENERIC_KINDS = frozenset({"agreement", "treaty", "partnership", "licence", "memorandum"})
_MIN_PARTIES = 2


def _deals_by_place(ctx: ArticleContext, sent: Span, i: int, j: int, kind: str | None) -> Iterator[Claim]:
    doc = ctx.doc
    bodies: list[MentionSpan] = []
    pairs: list[tuple[MentionSpan, MentionSpan]] = []
    while j < sent.end:
        s = ctx.span_at(j)
        if s is not None and s.type is EntityType.ORGANIZATION and not s.prefix:
            bodies.append(s)
            j = s.end
        elif doc[j].lower_ in ("und", "sowie", ",") or doc[j].tag_ == "ART":
            j += 1
        elif doc[j].lower_ in ("in", "im") and bodies:
            k = j + 1
            while k < sent.end and doc[k].tag_ in _PHRASE_GAP:
                k += 1
            state = ctx.span_at(k)
            if state is None or state.type is not EntityType.COUNTRY or state.adjective:
                break
            pairs.extend((b, state) for b in bodies)
            bodies = []
            j = state.end
        else:
            break
    for body, state in pairs:
        claim = ctx.claim(FactKind.AGREEMENT, [(Role.PARTY, body), (Role.PARTY, state)], sent,
                          extractor="agreements.phrase.v1", trigger=i, attributes=[("kind", kind)],
                          confidence=0.6)
        if claim is not None:
            yield claim


def _negated_noun(ctx: ArticleContext, sent: Span, i: int) -> bool:
    """"keinen Vertrag", "ohne Abkommen", "ein angestrebtes Abkommen"."""
    for t in ctx.doc[max(sent.start, i - 3) : i]:
        if t.lower_ in ("kein", "keine", "keinen", "keinem", "keiner", "ohne") or \
                t.lower_.startswith(("angestrebt", "geplant", "möglich", "künftig")):
            return True
    return False


def _phrase_after(ctx: ArticleContext, sent: Span, j: int) -> list[MentionSpan]:
    """The names that a preposition at ``j - 1`` governs, joined by "und",
    "sowie" or commas: "zwischen der EU und der Türkei"."""
    doc = ctx.doc
    out: list[MentionSpan] = []
    while j < sent.end:
        s = ctx.span_at(j)
        if s is not None and not s.adjective and not s.prefix:
            out.append(s)
            j = s.end
            if j < sent.end and doc[j].lower_ in ("und", "sowie", ","):
                j += 1
                continue
            break
        if doc[j].tag_ in _PHRASE_GAP or (s is not None and s.adjective):
            j += 1
            continue
        break
    return out


def _side(ctx: ArticleContext, s: MentionSpan) -> MentionSpan | None:
    if s.type is EntityType.ORGANIZATION:
        return s
    if s.type is EntityType.PERSON:
        return ctx.country_of(s)
    return ctx.country_of(s)


def _scopes(ctx: ArticleContext, sent: Span, triggers: list[Trigger]) -> Iterator[tuple[Span, Trigger, list[Trigger], list[Trigger]]]:
    """One scope per signing or agreeing verb: its clause, with the noun its
    relative clause hangs on ("der Pakt, den Putin ... unterzeichnete"); a
    sentence with nouns only is one scope. Negated or unreal clauses
    ("wollten eigentlich unterzeichnen") state no agreement."""
    nouns = [t for t in triggers if not t.verb]
    verbs = [t for t in triggers if t.verb]
    seen: set[int] = set()
    for verb in verbs:
        clause = ctx.clause(sent, verb.i)
        if clause.start in seen or negated_clause(clause) or _adverbial(ctx, verb):
            continue
        seen.add(clause.start)
        inside = [n for n in nouns if clause.start <= n.i < clause.end]
        antecedent = [n for n in nouns if clause.start - 3 <= n.i < clause.start]
        scope = ctx.doc[antecedent[-1].i : clause.end] if not inside and antecedent else clause
        own = inside or antecedent[-1:]
        yield scope, (own[0] if own else verb), own, [verb]
    if not verbs and nouns and not negated_clause(ctx.clause(sent, nouns[0].i)):
        yield sent, nouns[0], nouns, []


def _adverbial(ctx: ArticleContext, verb: Trigger) -> bool:
    """"geschlossen zu folgen", "geschlossen hinter X": a participle that
    says how something is done, not that anything was concluded."""
    doc = ctx.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    return doc[verb.i].tag_ in ("VVPP", "ADJD") and nxt is not None and (
        nxt.tag_ in ("PTKZU", "VVIZU", "VVINF") or nxt.lower_ == "hinter")


def _agreement(ctx: ArticleContext, sent: Span, scope: Span, anchor: Trigger, nouns: list[Trigger],
               verbs: list[Trigger]) -> Iterator[Claim]:
    kinds = ctx.lexicon.table("agreement_kind")
    kind = None
    for t in nouns:
        kind = _kind(ctx, sent, t.i, kinds) or kind
    signatories = [s for s in actors(ctx, scope, (EntityType.PERSON,))
                   if preposition_before(ctx, s, scope) not in ("von", "laut", "durch")]
    when = ctx.nearest_date(sent, ctx.doc[anchor.i].idx)
    date = _anniversary(ctx, sent) or (when.span.start if when else None)
    # A noun alone ("die Vereinbarungen seien nicht substanziell") is talk
    # about an agreement, unless people sign it or the sentence dates it
    if not verbs and len(signatories) < 2 and date is None:
        return
    parties = _parties(ctx, scope, signatories, both=bool(verbs))
    if len(parties) < 2:
        return
    count, qualifier = _count(ctx, sent, [t.i for t in nouns])
    place = next((s for s in ctx.spans_in(scope, (EntityType.CITY, EntityType.PLACE), names_only=True)
                  if preposition_before(ctx, s, scope) in ("in", "im")), None)
    claim = ctx.claim(
        FactKind.AGREEMENT,
        [*((Role.PARTY, p) for p in parties), *((Role.SIGNATORY, s) for s in signatories), (Role.PLACE, place)],
        sent, when=date, extractor=EXTRACTOR, trigger=anchor.i,
        attributes=[("kind", kind), ("count", count), ("count_qualifier", qualifier),
                    *(("topic", t) for t in _topics(ctx, sent))],
    )
    if claim is not None:
        yield claim
    if any(v.word in SIGNING for v in verbs) and len({s.name for s in signatories}) >= 2:
        # signing together is meeting: "Putin und Kim unterzeichneten am Mittwoch ..."
        meeting = ctx.claim(FactKind.MEETING, [(Role.PARTICIPANT, s) for s in signatories], sent,
                            when=date, extractor="agreements.meeting.v1", trigger=anchor.i, confidence=0.6)
        if meeting is not None:
            yield meeting


def _kind(ctx: ArticleContext, sent: Span, i: int, kinds: TermTable) -> str | None:
    tok = ctx.doc[i]
    prev = ctx.doc[i - 1] if i > sent.start else None
    if prev is not None:
        both = kinds.match(f"{prev.text} {tok.text}")
        if both and " " in both.replace("_", " "):
            return both
        phrase = f"{term_key(prev.text)} {term_key(tok.text)}"
        for form, concept in kinds.forms:
            if " " in form and phrase.startswith(form[: max(3, len(form) - 3)]) and form.split()[-1][:6] == term_key(tok.text)[:6]:
                return concept
    # "Vertrag über freundschaftliche Beziehungen": every word of a
    # multi-word form, inflected, in the words that follow
    window = [term_key(t.text) for t in ctx.doc[i : min(sent.end, i + 6)] if t.is_alpha]
    for form, concept in kinds.forms:
        words = form.split()
        if len(words) > 1 and all(any(w.startswith(f[: max(4, len(f) - 3)]) for w in window) for f in words):
            return concept
    return kinds.match(tok.text.split("-")[-1])


def _parties(ctx: ArticleContext, sent: Span, signatories: list[MentionSpan], both: bool = True) -> list[MentionSpan]:
    parties: dict[str, MentionSpan] = {}
    for s in signatories:
        state = ctx.country_of(s)
        if state is not None:
            parties.setdefault(state.name, state)
    for s in ctx.spans_in(sent, (EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.CITY), names_only=True):
        if preposition_before(ctx, s, sent) in ("in", "im", "aus", "nach") and s.type is not EntityType.ORGANIZATION \
                and not _seat_of_government(ctx, s):
            continue  # where it was signed, not who signed
        state = ctx.country_of(s) if s.type is EntityType.CITY else s
        if state is not None:
            parties.setdefault(state.name, state)
    if both and len(parties) < 2 and any(t.lower_ in ("beiden", "beide") for t in sent):
        # "die beiden Länder haben vereinbart": the states the article is about
        for s in [*ctx.spans_in(sent, (EntityType.COUNTRY,)), *ctx.main_states()]:
            if len(parties) < 2:
                parties.setdefault(s.name, s)
    return list(parties.values())


def _seat_of_government(ctx: ArticleContext, s: MentionSpan) -> bool:
    """"die Führung in Kiew", "die Regierung in Seoul": the capital names the
    state that acts, not where it acted."""
    doc = ctx.doc
    if s.start < 2 or doc[s.start - 1].lower_ != "in":
        return False
    return ctx.lexicon.table("body").match(doc[s.start - 2].text) == "government"


def _count(ctx: ArticleContext, sent: Span, noun_is: list[int]) -> tuple[str | None, str | None]:
    doc = ctx.doc
    for i in noun_is:
        words = [t for t in doc[max(sent.start, i - 4) : i]]
        qualifier = None
        for k, t in enumerate(words):
            low = t.lower_
            if low in COUNT_HEDGES:
                qualifier = COUNT_HEDGES[low]
            if low in VAGUE_COUNTS:
                return None, VAGUE_COUNTS[low]
            if low == "dutzend":
                prev = words[k - 1].lower_ if k else "ein"
                n = parse_number_word(f"{prev} Dutzend") or 12
                return str(n), qualifier
            number = parse_number_word(t.text) if t.tag_ in ("CARD", "ADJA", "PIAT", "NN") or t.like_num else None
            if number is not None and number < 1000:
                return str(number), qualifier
    return None, None


def _topics(ctx: ArticleContext, sent: Span) -> list[str]:
    nouns = ctx.lexicon.nouns(FactKind.AGREEMENT)
    offices = ctx.lexicon.table("office")
    dated = {i for d in ctx.dates_in(sent) for i in range(d.start, d.end)}
    out = []
    for t in sent:
        if t.tag_ != "NN" or t.lower_ in NOT_TOPICS or nouns.match(t.text) or ctx.span_at(t.i):
            continue
        if t.idx in dated or offices.match(t.text) or parse_number_word(t.text) is not None or t.lower_ == "dutzend":
            continue  # "Donnerstag", "Führer", "Dutzend" say when, who or how many, not what about
        lemma = t.lemma_ or t.text
        if lemma not in out and len(lemma) > 3:
            out.append(lemma)
    for t in sent:
        if t.tag_ == "ADJA" and t.lower_.startswith(("sauber", "zivil", "nuklear", "militär")):
            out.append(t.lemma_ or t.text)
    return out[:12]


def _anniversary(ctx: ArticleContext, sent: Span) -> PartialDate | None:
    """"das 30-jährige Bestehen eines Vertrags" in 2024 dates it to 1994."""
    m = ANNIVERSARY.search(sent.text)
    if m and ctx.published is not None:
        return PartialDate(ctx.published.year - int(m.group(1)))
    return None
