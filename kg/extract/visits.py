"""Visits and meetings.

Visits: "Putin ist nach Vietnam gereist", "Biden im September Vietnam
besuchte", "bei seinem Staatsbesuch in Vietnam", "Putins fünfte
Vietnam-Visite", passive "wurde Putin ... vom Präsidenten To Lam empfangen"
(the one who receives is the host), "hat sich ... in Hanoi angesagt".

Meetings: "Beratungen mit Lam", "Putin und Lam sprachen", "traf ... X",
"bei einem Telefonat" (mode phone call), "empfangen" (a reception is a
meeting too), "einbestellt" (summons).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kg.extract.context import ArticleContext, MentionSpan, negated
from kg.extract.mentions import is_building
from kg.extract.triggers import (
    ACCUSATIVE_DET,
    Trigger,
    determiner_before,
    actors,
    find_triggers,
    governed_by,
    objects_with,
    places_after,
    preposition_before,
    subject_before,
)
from kg.model import Claim, EntityType, FactKind, Role
from kg.normalize import parse_ordinal

VISIT = "visits.v1"
MEETING = "meetings.v1"
DEST_PREPS = frozenset({"nach", "in", "im"})
HOST_PREPS = frozenset({"von", "vom"})
WITH = frozenset({"mit", "wie", "darunter"})
POSSESSIVE = ("sein", "ihr")
# Prepositions that put a visit noun into someone's clause: "zu einem Besuch".
NOMINAL_PPS = frozenset({"zu", "zum", "bei", "beim", "auf", "während", "nach"})
PASSIVE = frozenset({"wurde", "wurden", "worden", "wird", "werden"})
PERSONS = (EntityType.PERSON,)
ACTORS = (EntityType.PERSON, EntityType.COUNTRY)


def extract(ctx: ArticleContext) -> Iterator[Claim]:
    for sent in ctx.sentences:
        for trig in find_triggers(ctx, sent, FactKind.VISIT):
            if negated(sent, trig.i):
                continue
            yield from _visits(ctx, sent, trig)
        for trig in find_triggers(ctx, sent, FactKind.MEETING):
            if negated(sent, trig.i):
                continue
            claim = _meeting(ctx, sent, trig)
            if claim is not None:
                yield claim


def _visits(ctx: ArticleContext, sent: Span, trig: Trigger) -> Iterator[Claim]:
    doc = ctx.doc
    tok = doc[trig.i]
    passive = trig.verb and _passive(ctx, sent, trig.i)
    hosts = [s for s in actors(ctx, sent, PERSONS) if governed_by(ctx, s, sent, HOST_PREPS)] if passive else []
    dests = _destinations(ctx, sent, trig)
    dest = dests[0] if dests else None
    visitor = _visitor(ctx, sent, trig, exclude=hosts)
    if trig.word == "empfangen" and not passive:
        # active "Hanoi empfing den Kreml-Chef": the subject hosts the visitor
        host_actor = subject_before(ctx, sent, trig.i, ACTORS)
        guests = [s for s in actors(ctx, sent, PERSONS) if s is not host_actor]
        visitor = guests[0] if guests else None
        dest = dest or (ctx.country_of(host_actor) if host_actor else None)
        hosts = [host_actor] if host_actor and host_actor.type is EntityType.PERSON else []
    if dest is not None and dest not in dests:
        dests = [dest]
    if visitor is None or not dests:
        return
    when = ctx.nearest_date(sent, tok.idx) or ctx.continued_date(sent)
    ordinal = None
    for t in doc[max(sent.start, trig.i - 3) : trig.i]:
        n = parse_ordinal(t.text)
        if n is not None and t.tag_ in ("ADJA", "CARD", "ADJD"):
            ordinal = n
    for dest in dests:
        # a visit to Hanoi is a visit to Vietnam, in Hanoi: one fact, whichever
        # the article names
        place = dest if dest.type is EntityType.CITY else None
        state = ctx.country_of(dest) if place is not None else dest
        if state is None or visitor.name == state.name:
            continue
        claim = ctx.claim(
            FactKind.VISIT,
            [(Role.VISITOR, visitor), (Role.DESTINATION, state), (Role.PLACE, place),
             (Role.HOST, hosts[0] if hosts else None)],
            sent, when=when.span.start if when else None,
            until=when.span.end if when and when.span.end != when.span.start else None,
            attributes=[("ordinal", str(ordinal) if ordinal else None)], extractor=VISIT, trigger=trig.i,
        )
        if claim is not None:
            yield claim


def _passive(ctx: ArticleContext, sent: Span, i: int) -> bool:
    """A form of "werden" in the verb's own clause ("wurde ... empfangen"),
    not in the main clause of "Dass Hanoi X empfing, wurde ... aufgenommen"."""
    return any(t.lower_ in PASSIVE for t in ctx.clause(sent, i))


def _destinations(ctx: ArticleContext, sent: Span, trig: Trigger) -> list[MentionSpan]:
    here = ctx.span_at(trig.i)
    if here is not None and here.prefix and here.type in (EntityType.COUNTRY, EntityType.CITY, EntityType.PLACE):
        return [here]  # "Vietnam-Visite", "Nordkorea-Besuch"
    after = trig.i if not trig.verb else None
    clause = ctx.clause(sent, trig.i) if trig.verb else sent
    for span in places_after(ctx, sent, DEST_PREPS, after=after):
        if not trig.verb and span.start - trig.i > 4:
            break
        if not clause.start <= span.start < clause.end or is_building(span.name):
            continue  # "empfing ihn in Schloss Bellevue": where, not whither
        return [span]
    if trig.verb and trig.word in ("besuchen", "bereisen"):
        # "besuchte Vietnam": a bare state name near the verb is its object;
        # "nur wenige Staaten besucht, darunter China und Saudiarabien"
        states = [s for s in ctx.spans_in(sent, (EntityType.COUNTRY, EntityType.CITY), names_only=True)
                  if preposition_before(ctx, s, sent) in (None, "darunter", "wie") and abs(s.start - trig.i) <= 4]
        listed = [s for s in ctx.spans_in(sent, (EntityType.COUNTRY, EntityType.CITY), names_only=True)
                  if s.start > trig.i and _listed_after(ctx, s, trig.i)]
        return (states[:1] + [s for s in listed if s not in states[:1]]) if states or listed else []
    if trig.word.lower() == "abreise":
        for span in places_after(ctx, sent, frozenset({"aus"}), after=trig.i):
            return [span]
    return []


def _listed_after(ctx: ArticleContext, span: MentionSpan, i: int) -> bool:
    """The span is part of a list introduced after token i by "darunter",
    "etwa" or "wie" ("..., darunter China und Saudiarabien")."""
    words = [t.lower_ for t in ctx.doc[i + 1 : span.start]]
    return any(w in ("darunter", "etwa", "wie", "nämlich") for w in words) and len(words) <= 8


def _visitor(ctx: ArticleContext, sent: Span, trig: Trigger, *, exclude: list[MentionSpan]) -> MentionSpan | None:
    doc = ctx.doc
    skip = {id(s) for s in exclude}
    if not trig.verb:
        # "Putins fünfte Vietnam-Visite", "der Besuch Putins"
        for s in actors(ctx, sent, PERSONS):
            if s.mention.text.endswith("s") and s.mention.name != s.mention.text and (
                    0 < trig.i - s.end <= 3 or s.start == trig.i + 1 or s.start == trig.i + 2):
                return s
        prev = [t.lemma_.lower() for t in doc[max(sent.start, trig.i - 3) : trig.i]]
        if any(p.startswith(POSSESSIVE) for p in prev):
            candidates = [s for s in actors(ctx, sent, PERSONS) if id(s) not in skip]
            return candidates[0] if candidates else None
        if {t.lower_ for t in doc[max(sent.start, trig.i - 3) : trig.i]} & NOMINAL_PPS:
            # "X wird zu einem Besuch nach Österreich kommen", "bei einem Besuch in Kairo sagte X"
            return subject_before(ctx, sent, trig.i, PERSONS, exclude=exclude) or next(
                (s for s in actors(ctx, sent, PERSONS) if id(s) not in skip
                 and preposition_before(ctx, s, sent) is None), None)
        return None
    subject = subject_before(ctx, sent, trig.i, PERSONS, exclude=exclude)
    if subject is None:
        later = [s for s in actors(ctx, sent, PERSONS) if id(s) not in skip and preposition_before(ctx, s, sent) is None]
        subject = later[0] if later else None
    return subject


def _object_of_other_noun(ctx: ArticleContext, sent: Span, span: MentionSpan, trig: Trigger) -> bool:
    """"Nach Beratungen mit Lam soll Putin ... treffen": Lam is whom the
    Beratungen were with, not whom Putin will meet."""
    nouns = ctx.lexicon.nouns(FactKind.MEETING)
    for t in ctx.doc[max(sent.start, span.start - 4) : span.start]:
        if t.i != trig.i and t.text[:1].isupper() and nouns.match(t.text) is not None:
            return True
    return False


def _previous_sentence(ctx: ArticleContext, sent: Span) -> Span | None:
    previous = None
    for s in ctx.sentences:
        if s.start >= sent.start:
            return previous
        if any(not t.is_space for t in s):
            previous = s
    return None


def _meeting(ctx: ArticleContext, sent: Span, trig: Trigger) -> Claim | None:
    doc = ctx.doc
    tok = doc[trig.i]
    with_ = [s for s in objects_with(ctx, sent, WITH, PERSONS) if not _object_of_other_noun(ctx, sent, s, trig)]
    hosts = [s for s in actors(ctx, sent, PERSONS) if governed_by(ctx, s, sent, HOST_PREPS)]
    subject = subject_before(ctx, sent, trig.i, PERSONS, exclude=with_ + hosts)
    participants: list[MentionSpan] = []
    if subject is not None:
        participants.append(subject)
        # "Putin und Lam sprachen": a coordinated subject
        for s in actors(ctx, sent, PERSONS):
            if s is not subject and s.end < subject.start and doc[s.end].lower_ == "und" and s.end + 1 == subject.start:
                participants.append(s)
            if s is not subject and subject.end < s.start and doc[subject.end].lower_ == "und" and subject.end + 1 == s.start:
                participants.append(s)
    participants += [s for s in with_ if abs(s.start - trig.i) <= 12]
    if trig.word in ("empfangen", "treffen") and trig.verb:
        # "soll ... den indischen Premierminister Modi treffen": the object
        clause = ctx.clause(sent, trig.i)
        participants += [s for s in actors(ctx, clause, PERSONS)
                         if determiner_before(ctx, s, clause) in ACCUSATIVE_DET and s not in participants]
        participants += [s for s in hosts + [s for s in actors(ctx, sent, PERSONS) if s.start > trig.i]
                         if s not in participants]
    names = {}
    for p in participants:
        names.setdefault(p.name, p)
    mode_table = ctx.lexicon.table("mode")
    mode = mode_table.match(tok.text) or mode_table.match(trig.word)
    when = ctx.nearest_date(sent, tok.idx) or ctx.reference_date(sent)
    if len(names) == 1 and mode == "phone_call":
        # "Trong habe die Einladung bei einem Telefonat ausgesprochen": the
        # other end of the call, and the day, are what the previous sentence says
        previous = _previous_sentence(ctx, sent)
        if previous is not None:
            for p in actors(ctx, previous, PERSONS):
                names.setdefault(p.name, p)
                if len(names) == 2:
                    break
            if when is None and len(names) == 2:
                when = ctx.nearest_date(previous, previous.end_char)
    if len(names) < 2:
        return None
    place = next(iter(places_after(ctx, sent, frozenset({"in", "im"}), types=(EntityType.CITY, EntityType.PLACE))), None)
    return ctx.claim(
        FactKind.MEETING,
        [*((Role.PARTICIPANT, p) for p in names.values()), (Role.PLACE, place)],
        sent, when=when.span.start if when else None,
        attributes=[("mode", mode)], extractor=MEETING, trigger=trig.i,
    )
