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

from spacy.tokens import Span, Token

from kg.extract.agreements import dominant_state
from kg.extract.context import ArticleContext, MentionSpan, counterfactual, negated
from kg.extract.mentions import is_building
from kg.extract.triggers import (
    ACCUSATIVE_DET,
    PASSIVE_AUXILIARIES,
    Trigger,
    actors,
    determiner_before,
    find_triggers,
    governed_by,
    objects_with,
    places_after,
    preposition_before,
    subject_before,
    word_before_phrase,
)
from kg.lexicon import term_key
from kg.model import Claim, EntityType, Evidence, FactKind, Mention, PartialDate, Role
from kg.normalize import parse_ordinal

VISIT = "visits.v1"
MEETING = "meetings.v1"
DEST_PREPS = frozenset({"nach", "in", "im"})
HOST_PREPS = frozenset({"von", "vom"})
WITH = frozenset({"mit", "wie", "darunter"})
POSSESSIVE = ("sein", "ihr")
# Prepositions that put a visit noun into someone's clause: "zu einem Besuch".
NOMINAL_PPS = frozenset({"zu", "zum", "bei", "beim", "auf", "während", "nach"})
PERSONS = (EntityType.PERSON,)
# tokens from a visit noun to its destination at most ("Besuch in der polnischen Hauptstadt"),
# not counting a visitor named after the noun ("Besuch von X in Y")
NOUN_REACH = 4
ACTORS = (EntityType.PERSON, EntityType.COUNTRY)


def extract(ctx: ArticleContext) -> Iterator[Claim]:
    for sent in ctx.sentences:
        visitors: set[str] = set()
        for trig in find_triggers(ctx, sent, FactKind.VISIT):
            if negated(sent, trig.i) or counterfactual(ctx.lexicon, ctx.clause(sent, trig.i)):
                continue
            for visit in _visits(ctx, sent, trig):
                visitors.update(m.name for m in visit.role(Role.VISITOR))
                yield visit
        for trig in find_triggers(ctx, sent, FactKind.MEETING):
            if negated(sent, trig.i) or _no_meeting(ctx, sent, trig):
                continue
            claim = _meeting(ctx, sent, trig)
            if claim is not None:
                yield claim
                # the one who meets (the subject, the one attending), not whom he meets
                who = next((m.name for r, m in claim.roles if r is Role.PARTICIPANT
                            and m.type is EntityType.PERSON), None)
                when = claim.when
            else:
                # "drängte X am Rande des Gipfels in Paris": at a meeting, with no one named to meet
                attendee = None if trig.verb else _attendee(ctx, sent, trig)
                who = attendee.name if attendee is not None else None
                date = ctx.nearest_date(sent, ctx.doc[trig.i].idx)
                when = date.span.start if date else None
            if who is not None and who not in visitors:
                visitors.add(who)
                yield from _visits_abroad(ctx, sent, trig, who, when)  # a visit the sentence does not state


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
        # the guest is in the verb's own clause: in "nach Gesprächen mit X und
        # Y, der ihn empfing" the guest is "ihn", not X
        clause = ctx.clause(sent, trig.i)
        guests = [s for s in actors(ctx, clause, PERSONS)
                  if s is not host_actor and preposition_before(ctx, s, clause) != "mit"]
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
    return any(t.lower_ in PASSIVE_AUXILIARIES for t in ctx.clause(sent, i))


def _destinations(ctx: ArticleContext, sent: Span, trig: Trigger) -> list[MentionSpan]:
    here = ctx.span_at(trig.i)
    if here is not None and here.prefix and here.type in (EntityType.COUNTRY, EntityType.CITY, EntityType.PLACE):
        return [here]  # "Vietnam-Visite", "Nordkorea-Besuch"
    after = trig.i if not trig.verb else None
    clause = ctx.clause(sent, trig.i) if trig.verb else sent
    visitor = _visitor_after(ctx, sent, trig)
    reach = NOUN_REACH + (visitor.end - trig.i - 1 if visitor is not None else 0)
    for span in places_after(ctx, sent, DEST_PREPS, after=after):
        if not trig.verb and span.start - trig.i > reach:
            break
        if not clause.start <= span.start < clause.end or is_building(span.name):
            continue  # "empfing ihn in Schloss Bellevue": where, not whither
        if trig.word == "landen" and not _first_place_phrase(ctx, clause, span):
            return []  # "landete in der ersten Runde der Wahl in X": a rank, not a flight
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
    if not trig.verb and trig.i > sent.start and ctx.doc[trig.i - 1].lower_ == "zu":
        # "ist X in Warschau zu Besuch", "ist X in der polnischen Hauptstadt zu Besuch"
        own = ctx.clause(sent, trig.i)
        for span in places_after(ctx, own, DEST_PREPS):
            if span.start < trig.i and not is_building(span.name):
                return [span]
        for span in ctx.spans_in(own, (EntityType.COUNTRY,)):
            if span.adjective and span.start < trig.i and span.end < len(ctx.doc) \
                    and ctx.doc[span.end].lower_.startswith("hauptstadt") and preposition_before(ctx, span, own) in DEST_PREPS:
                return [span]
    return []


def _first_place_phrase(ctx: ArticleContext, clause: Span, span: MentionSpan) -> bool:
    """Whether ``span`` is what the clause's first "in"/"auf" phrase names,
    with only articles and adjectives between."""
    doc = ctx.doc
    first = next((t.i for t in clause if t.lower_ in ("in", "im", "auf", "nach")), None)
    if first is None:
        return False
    return all(t.tag_ in ("ART", "ADJA") for t in doc[first + 1 : span.start])


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
        after = _visitor_after(ctx, sent, trig)
        if after is not None:
            return after
        prev = [t.lemma_.lower() for t in doc[max(sent.start, trig.i - 3) : trig.i]]
        if any(p.startswith(POSSESSIVE) for p in prev):
            candidates = [s for s in actors(ctx, sent, PERSONS) if id(s) not in skip]
            return candidates[0] if candidates else None
        if {t.lower_ for t in doc[max(sent.start, trig.i - 3) : trig.i]} & NOMINAL_PPS:
            # "X wird zu einem Besuch nach Österreich kommen", "bei einem Besuch in Kairo sagte X"
            return subject_before(ctx, sent, trig.i, PERSONS, exclude=exclude) or next(
                (s for s in actors(ctx, sent, PERSONS) if id(s) not in skip
                 and preposition_before(ctx, s, sent) is None), None) or _pronoun_subject(ctx, sent, trig.i)
        return None
    subject = subject_before(ctx, sent, trig.i, PERSONS, exclude=exclude)
    if subject is None:
        later = [s for s in actors(ctx, sent, PERSONS) if id(s) not in skip and preposition_before(ctx, s, sent) is None]
        subject = later[0] if later else None
    return subject or _pronoun_subject(ctx, sent, trig.i)


def _visitor_after(ctx: ArticleContext, sent: Span, trig: Trigger) -> MentionSpan | None:
    """"der Besuch von X", "des Besuchs von Papst X": the visitor after the noun."""
    doc = ctx.doc
    if trig.verb or trig.i + 2 >= sent.end or doc[trig.i + 1].lower_ not in HOST_PREPS:
        return None
    return next((s for s in actors(ctx, sent, PERSONS) if trig.i + 2 <= s.start <= trig.i + 3
                 and all(t.tag_ == "NN" for t in doc[trig.i + 2 : s.start])), None)


def _pronoun_subject(ctx: ArticleContext, sent: Span, i: int) -> MentionSpan | None:
    """"Er betonte bei einem Besuch in Kiew ...": a sentence about "er" or
    "sie" that names no person goes on about the subject of the sentence
    before."""
    if actors(ctx, sent, PERSONS):
        return None
    words = [t for t in ctx.clause(sent, i) if not t.is_space]
    if not any(t.tag_ == "PPER" and t.lower_ in ("er", "sie") and t.i < i for t in words[:3]):
        return None
    return previous_person(ctx, sent)


def previous_person(ctx: ArticleContext, sent: Span) -> MentionSpan | None:
    """The one person the sentence before names, whom "er", "sie", "ihn" in
    this one stand for; None if it names none or several."""
    previous = _previous_sentence(ctx, sent)
    if previous is None:
        return None
    people = actors(ctx, previous, PERSONS)
    if len({p.name for p in people}) != 1 or ctx.doc[people[0].end - 1].tag_ == "NN":
        return None  # several, or a name the NER ran into a noun ("Clintons E-Mail-Computer")
    return people[0]


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


def _no_meeting(ctx: ArticleContext, sent: Span, trig: Trigger) -> bool:
    """Meeting words that state no meeting: "ins Gespräch bringen" (to
    propose), "Vorkehrungen treffen" (to make), "ob er X treffen werde" (a
    question)."""
    doc = ctx.doc
    if not trig.verb:
        return trig.i > sent.start and doc[trig.i - 1].lower_ == "ins"
    clause = ctx.clause(sent, trig.i)
    first = next((t for t in clause if not t.is_punct and not t.is_space), None)
    if first is not None and first.lower_ == "ob":
        return True
    objects = ctx.lexicon.words("made_not_met")
    return trig.word == "treffen" and any(t.tag_ == "NN" and t.lemma_.lower() in objects
                                          and not _in_prepositional_phrase(clause, t) for t in clause)


def _in_prepositional_phrase(clause: Span, noun: Token) -> bool:
    """"Vor der Wahl traf X Y": a noun behind a preposition is no object of the verb."""
    word = word_before_phrase(clause.doc, noun.i, clause.start, also=frozenset({"ADV"}))
    return word is not None and word.tag_ in ("APPR", "APPRART")


def _meeting(ctx: ArticleContext, sent: Span, trig: Trigger) -> Claim | None:
    doc = ctx.doc
    tok = doc[trig.i]
    with_ = [s for s in objects_with(ctx, sent, WITH, PERSONS) if not _object_of_other_noun(ctx, sent, s, trig)]
    with_ += [s for s in _with_apposition(ctx, sent, trig) if s not in with_]
    # "Verhandlungen mit der Partei X": bodies and states meet too, when the
    # text names one as the partner
    interview = not trig.verb and trig.i > sent.start and doc[trig.i - 1].lower_ == "im"
    bodies = [] if interview else [  # "sagte X im Gespräch mit der Zeitung": an interview
        s for s in objects_with(ctx, sent, frozenset({"mit"}), BODIES)
        if abs(s.start - trig.i) <= 8 and not _object_of_other_noun(ctx, sent, s, trig)]
    with_ += bodies
    kinds = (*PERSONS, *BODIES) if bodies else PERSONS
    hosts = [s for s in actors(ctx, sent, PERSONS) if governed_by(ctx, s, sent, HOST_PREPS)]
    office = _office_subject(ctx, sent, trig.i) if trig.verb else None
    if office is not None:
        # "Bundespräsident traf X und Y": the office holder the article names
        # met them, not X Y; unnamed, no meeting
        holder = _holder(ctx, office, {s.name for s in actors(ctx, sent, PERSONS)})
        if holder is None:
            return None
        subject: MentionSpan | None = holder
    else:
        subject = subject_before(ctx, sent, trig.i, kinds, exclude=with_ + hosts)
        if subject is not None and bodies and abs(subject.start - trig.i) > 10:
            subject = None  # a body's talks: its partner is named, who else is near
        if subject is None and not trig.verb:
            subject = _owner_after(ctx, sent, trig.i, with_ + hosts)
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
    if office is not None:
        participants += [s for s in actors(ctx, ctx.clause(sent, trig.i), PERSONS)
                         if s.start > trig.i and s not in participants]
    if trig.word in ("empfangen", "treffen") and trig.verb:
        # "soll ... den indischen Premierminister Modi treffen": the object
        clause = ctx.clause(sent, trig.i)
        participants += [s for s in actors(ctx, clause, PERSONS)
                         if determiner_before(ctx, s, clause) in ACCUSATIVE_DET and s not in participants]
        finite = next((t.i for t in clause if t.tag_ in ("VAFIN", "VMFIN") and t.i < trig.i), None)
        if finite is not None and participants and not ctx.doc[trig.i].tag_.endswith("FIN"):
            # "hat er X getroffen", "Er hat den Regierungschef und Parteichef X getroffen": the
            # names of the clause before the participle that no preposition governs
            participants += [s for s in actors(ctx, clause, PERSONS)
                             if clause.start <= s.start < trig.i and s not in participants and s not in hosts
                             and preposition_before(ctx, s, clause) is None and not _owns_noun(ctx, s)]
        participants += [s for s in hosts + [s for s in actors(ctx, sent, PERSONS) if s.start > trig.i]
                         if s not in participants]
    names: dict[str, MentionSpan] = {}
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
    session = False
    if len(names) < 2 and not trig.verb:
        # "Krisentreffen der Arabischen Liga", "bei einer UN-Konferenz sagte X":
        # the session of a body, and who attends it
        bodies_at = _bodies_of(ctx, sent, trig)
        if bodies_at:
            names = {}
            for body in bodies_at:
                names.setdefault(body.name, body)
            session = True
    elif not names and (trig.word == "zusammenkommen" or trig.verb and mode in SESSIONS):
        # "Das Parlament wollte am Donnerstag wieder zusammenkommen", "der
        # Senat tagte": a body meeting on its own
        assembly = subject_before(ctx, sent, trig.i, (EntityType.ORGANIZATION,), inverted=True) \
            or _members_of(ctx, sent, trig)
        if assembly is not None:
            names[assembly.name] = assembly
            session = True
    if len(names) < 2 and not session and mode in ONE_SIDED_MODES and not trig.verb:
        # "X forderte ..., bevor die nächste Runde der Friedensgespräche
        # beginne": the talks of the state whose war the article is about, not
        # of the one who speaks about them
        state = dominant_state(ctx, sent, trig.i)
        if state is not None:
            names = {state.name: state}
            session = True
    if not names or (len(names) < 2 and not session):
        return None
    place = next(iter(places_after(ctx, sent, frozenset({"in", "im"}), types=(EntityType.CITY, EntityType.PLACE))), None)
    return ctx.claim(
        FactKind.MEETING,
        [*((Role.PARTICIPANT, p) for p in names.values()), (Role.PLACE, place)],
        sent, when=when.span.start if when else None,
        attributes=[("mode", mode)], extractor=MEETING, trigger=trig.i,
    )


def _owns_noun(ctx: ArticleContext, span: MentionSpan) -> bool:
    """"Lindqvists Sprecher X": a name in the genitive owns the noun after it."""
    nxt = ctx.doc[span.end] if span.end < len(ctx.doc) else None
    return ctx.doc[span.end - 1].text.endswith("s") and nxt is not None and nxt.tag_ in ("NN", "ADJA")


def _owner_after(ctx: ArticleContext, sent: Span, i: int, taken: list[MentionSpan]) -> MentionSpan | None:
    """"Nach seinen Gesprächen mit X reiste Y ab": a possessive before the
    noun names the sentence's subject; so does a phrase that opens the
    sentence ("Bei einem Treffen mit X sagte Y")."""
    doc = ctx.doc
    j = i - 1
    while j > sent.start and doc[j].tag_ == "ADJA":
        j -= 1
    opener = word_before_phrase(doc, i, sent.start)
    first = ctx.first_word(sent)
    fronted = opener is not None and first is not None and opener.tag_ in ("APPR", "APPRART") and opener.i == first.i
    if not fronted and (j < sent.start or doc[j].tag_ != "PPOSAT"):
        return None
    # the inverted subject right after the main verb ("reiste Y", "sagte Y"), not
    # a second partner coordinated with X
    return next((s for s in actors(ctx, sent, PERSONS) if s.start > i and s not in taken
                 and doc[s.start - 1].tag_.endswith("FIN")), None)


BODIES = (EntityType.ORGANIZATION, EntityType.COUNTRY)
# Meeting modes an article names without sides when its one state's war is meant.
ONE_SIDED_MODES = frozenset({"peace_talks"})
# Meeting modes a body holds on its own (talks need a partner).
SESSIONS = frozenset({"summit", "conference", "session", "special_session", "ministerial_meeting"})
# Prepositions that put a person at a meeting noun: "bei einer Konferenz".
ATTENDING = frozenset({"bei", "beim", "auf", "an", "am", "vor", "während"})


def _members_of(ctx: ArticleContext, sent: Span, trig: Trigger) -> MentionSpan | None:
    """"kommen die Abgeordneten des Parlaments zusammen": the body whose
    members the subject names, a genitive after a plain noun that no
    preposition governs."""
    doc = ctx.doc
    clause = ctx.clause(sent, trig.i)
    for s in ctx.spans_in(clause, (EntityType.ORGANIZATION,)):
        if s.prefix or s.adjective or s.start - clause.start < 2:
            continue
        if doc[s.start - 1].lower_ in ("der", "des") and doc[s.start - 2].tag_.startswith("NN") \
                and preposition_before(ctx, s, clause) is None:
            return s
    return None


def _with_apposition(ctx: ArticleContext, sent: Span, trig: Trigger) -> list[MentionSpan]:
    """"traf mit dem Präsidenten des Parlaments, dem Abgeordneten X,
    zusammen": the name in an apposition after "mit"."""
    doc = ctx.doc
    out = []
    for t in sent:
        if t.lower_ != "mit" or abs(t.i - trig.i) > 12:
            continue
        k = t.i + 1
        while k < min(sent.end, t.i + 14):
            tok = doc[k]
            span = ctx.span_at(k)
            if span is not None and span.start == k:
                if span.type is EntityType.PERSON and not span.adjective and not span.prefix:
                    out.append(span)
                    break
                k = span.end
                continue
            if tok.tag_.startswith(("VV", "VA", "VM")) or tok.tag_ in ("KOUS", "PRELS", "$.", "APPR", "KON", "PTKVZ"):
                break
            k += 1
    return out


def _office_subject(ctx: ArticleContext, sent: Span, i: int) -> str | None:
    """The office a nameless subject noun names ("Bundespräsident traf
    ..."): the word right before a verb that opens its clause."""
    doc = ctx.doc
    clause = ctx.clause(sent, i)
    prev = [t for t in doc[clause.start : i] if not t.is_space and t.i not in ctx.dateline]
    if len(prev) in (1, 2) and prev[-1].tag_ == "NN" and ctx.span_at(prev[-1].i) is None:
        return ctx.lexicon.table("office").match(prev[-1].text)
    return None


def _holder(ctx: ArticleContext, office: str, others: set[str]) -> MentionSpan | None:
    """The one person besides ``others`` the article gives that office
    ("Bundespräsident Heinz Fischer"), as his first mention."""
    holders = set(ctx.holders.get(office, ()))
    offices = ctx.lexicon.table("office")
    holders |= {s.name for s in ctx.spans if s.type is EntityType.PERSON and s.start > 0
                and ctx.doc[s.start - 1].tag_ == "NN" and offices.match(ctx.doc[s.start - 1].text) == office}
    holders -= others
    if len(holders) != 1:
        return None
    name = holders.pop()
    return next((s for s in ctx.spans if s.name == name and s.type is EntityType.PERSON), None)


def _bodies_of(ctx: ArticleContext, sent: Span, trig: Trigger) -> list[MentionSpan]:
    """The body whose meeting the noun names, by prefix ("Nato-Gipfel") or
    genitive ("Sitzung des Parlaments"), with the person the clause puts at
    it ("sagte X bei einer UN-Konferenz")."""
    doc = ctx.doc
    bodies: list[MentionSpan] = []
    mode = ctx.lexicon.table("mode").match(trig.word)
    if mode not in SESSIONS and not term_key(trig.word).endswith("treffen"):
        return []  # talks ("Koalitionsgespräche der Partei") need a partner
    here = ctx.span_at(trig.i)
    if here is not None and here.prefix and here.type is EntityType.ORGANIZATION:
        bodies.append(here)
    bodies += [b for b in _compound_bodies(ctx, trig.i) if b.name not in {x.name for x in bodies}]
    for s in ctx.spans_in(sent, (EntityType.ORGANIZATION,)):
        if 0 < s.start - trig.i <= 3 and not s.prefix and doc[trig.i + 1].lower_ in ("der", "des") \
                and all(t.tag_ in ("ART", "ADJA") for t in doc[trig.i + 1 : s.start]):
            bodies.append(s)
            break
    if not bodies and mode in SESSIONS:
        # "In einer historischen Sitzung hob der Kongress ... auf": the body the clause is about
        sitting = _sitting_body(ctx, sent, trig)
        return [sitting] if sitting is not None else []
    if not bodies:
        return []
    person = _attendee(ctx, sent, trig)
    if person is not None:
        bodies.append(person)
    return bodies


def _sitting_body(ctx: ArticleContext, sent: Span, trig: Trigger) -> MentionSpan | None:
    """The body that is the subject of a clause holding "in einer/seiner
    Sitzung": it sat."""
    from kg.extract.triggers import is_nominative

    doc = ctx.doc
    if not (trig.i - 2 >= sent.start and doc[trig.i - 2].lower_ in ("in", "auf")
            and doc[trig.i - 1].tag_ in ("ART", "PPOSAT", "ADJA")) \
            and not (trig.i - 3 >= sent.start and doc[trig.i - 3].lower_ in ("in", "auf")
                     and doc[trig.i - 2].tag_ in ("ART", "PPOSAT") and doc[trig.i - 1].tag_ == "ADJA"):
        return None
    clause = ctx.clause(sent, trig.i)
    return next((s for s in ctx.spans_in(sent, (EntityType.ORGANIZATION,)) if clause.start <= s.start < clause.end
                 and not s.prefix and not s.adjective and is_nominative(ctx, s, clause)
                 and preposition_before(ctx, s, sent) is None), None)


# What can hold a summit of its own, named in the compound ("EU-Afrika-Gipfel").
SUMMIT_SIDES = (EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.PLACE)


def _compound_bodies(ctx: ArticleContext, i: int) -> list[MentionSpan]:
    """The bodies a meeting compound names: both sides of "EU-Afrika-Gipfel"
    or "USA-China-Gipfel", the body of "Nationalratssitzung" or
    "Kabinettssitzung". One state alone names what a meeting is about
    ("Syrien-Konferenz"), not who meets."""
    tok = ctx.doc[i]
    if "-" in tok.text:
        entries = [e for e in ctx.gazetteer.lookup_compound(tok.text.rsplit("-", 1)[0]) if e.type in SUMMIT_SIDES]
        if len(entries) < 2:
            entries = [e for e in entries if e.type is EntityType.ORGANIZATION]
    else:
        match = ctx.gazetteer.match_prefix(tok.text)
        entries = [match[0]] if match and match[1] != tok.text and match[0].type is EntityType.ORGANIZATION else []
    evidence = Evidence(doc_id=ctx.article.doc_id, start=tok.idx, end=tok.idx + len(tok.text))
    return [MentionSpan(i, i + 1, Mention(e.label, e.type, evidence, norm=e.label), e, prefix=True) for e in entries]


def _attendee(ctx: ArticleContext, sent: Span, trig: Trigger) -> MentionSpan | None:
    """Who the clause puts at a meeting noun: "sagte X bei einer Konferenz",
    "Bei der Sitzung in New York hatte X ...", "drängte X am Rande des Gipfels"."""
    doc = ctx.doc
    before = [t.lower_ for t in doc[max(sent.start, trig.i - 3) : trig.i]]
    # "in einer Sitzung": "in" right before the article of the noun, not "im Vorfeld des Gipfels"
    inside = trig.i - 2 >= sent.start and doc[trig.i - 2].lower_ == "in" and doc[trig.i - 1].tag_ == "ART"
    if not (any(w in ATTENDING for w in before) or "rande" in before or inside):
        return None
    person = subject_before(ctx, sent, trig.i, PERSONS)
    if person is not None:
        return person
    from kg.extract.triggers import is_nominative

    clause = ctx.clause(sent, trig.i)
    return next((s for s in actors(ctx, clause, PERSONS) if s.start > trig.i and is_nominative(ctx, s, clause)), None)


def _visits_abroad(ctx: ArticleContext, sent: Span, trig: Trigger, who: str,
                   when: PartialDate | None) -> Iterator[Claim]:
    """A person who meets in a state not their own visits it: "Lindqvist traf in
    Chile ...", "sagte Holm bei einer UN-Konferenz in Lima"."""
    doc = ctx.doc
    clause = ctx.clause(sent, trig.i)

    def near(s: MentionSpan) -> bool:
        lo, hi = min(s.start, trig.i), max(s.end, trig.i)
        return clause.start <= s.start < clause.end and hi - lo <= 10 \
            and not any(t.text in ("–", "—", "-", ":") for t in doc[lo:hi])

    where = next((s for s in places_after(ctx, sent, frozenset({"in", "im"}),
                                          types=(EntityType.COUNTRY, EntityType.CITY))
                  if near(s) and not is_building(s.name)), None)
    if where is None:
        return
    state = ctx.country_of(where) if where.type is EntityType.CITY else where
    if state is None or state.type is not EntityType.COUNTRY:
        return
    place = where if where.type is EntityType.CITY else None
    people = {who}
    for person in actors(ctx, sent, PERSONS):
        if person.name not in people:
            continue
        people.discard(person.name)
        home = ctx.country_of(person)
        if home is None or home.type is not EntityType.COUNTRY or home.name == state.name:
            continue
        claim = ctx.claim(FactKind.VISIT, [(Role.VISITOR, person), (Role.DESTINATION, state), (Role.PLACE, place)],
                          sent, when=when, extractor="meetings.visit.v1", trigger=trig.i, confidence=0.6)
        if claim is not None:
            yield claim
