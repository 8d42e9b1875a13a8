"""Statements: a speaker, a stance word of the ontology (kritisieren, Rüge,
Besorgnis, danken, zurückweisen, fordern, sich einsetzen, ...) and, when the
sentence names it, a target.

No parser is available, so the speaker is found by German word order around
the finite verb of the stance word's clause:

- verb-second main clauses: the subject before the finite verb ("Japan
  äußerte ernsthafte Besorgnis", "Kaczyński hat Deutschland ... vorgeworfen",
  "Der Kreml wies den Haftbefehl ... zurück"), or, when an adverbial, a
  subordinate clause or a quote fills the place before it, right after it
  ("Am Montag forderte der Präsident X ...", "..., kritisierte X am Montag");
- verb-final clauses: the subject after the conjunction ("..., weil X Y
  kritisiert hatte", "was X bestreitet"), or the antecedent of a relative
  pronoun ("die EU-Kommission, die ... gefordert hatte");
- the passive: only the agent ("wurde von X kritisiert"); without one the
  sentence names no speaker ("Demirtaş wird ... vorgeworfen");
- attributive participles: "die von X unterstützte Regierung";
- nouns: their agent ("Kritik von X an Y", "die Forderung der Opposition",
  "Xs Forderung", "eine scharfe Rüge durch die US-Botschaft"), or the
  subject of the verb they are the object of ("X übte scharfe Kritik an Y");
- reported speech: "X müsse/solle ..., sagte Y" is a demand by Y.

Weak stance words (Unterstützung) count only when given ("sagte seine volle
Unterstützung zu"); questions (interviews) state nothing; "er"/"sie" stands
for the person who spoke in the sentences just before.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from kg.extract.context import (
    NEGATIONS,
    UNREAL,
    ArticleContext,
    MentionSpan,
    is_region,
    is_relative_clause,
    negated,
    opens_condition,
)
from kg.extract.figure_terms import TIME_UNITS
from kg.extract.triggers import ACTORS, actors, is_nominative, preposition_before, verb_lemma, word_before_phrase
from kg.extract.triggers import PREPOSITIONS_OBJECT as PREPOSITIONS
from kg.lexicon import CUE_TABLE, term_key
from kg.model import Claim, EntityType, FactKind, Mention, Role
from kg.normalize import parse_unit
from kg.stts import FINITE_VERBS

# who speaks and at whom: what the ways of reading a stance word find
_Reading = tuple[MentionSpan, MentionSpan | None]

STATEMENT = "statements.v1"
WEAK_STANCES = frozenset({"support"})
# Verbs that state support only in reported speech ("zusammenarbeiten"),
# and the stance they then state.
WEAK_VERB_STANCES = frozenset({"cooperate"})
STATED_AS = {"cooperate": "support"}
TARGET_PREPS = frozenset({"über", "gegen", "an", "für", "wegen", "vor"})
AGENT_PREPS = frozenset({"durch", "von", "vom", "seitens"})
# Prepositions after which a name says where something is, not who is meant.
PLACE_PREPS = frozenset({"in", "im", "aus", "nach", "bei", "beim", "mit", "zu", "zum", "zur", "ins", "am", "auf"})
SUBORDINATORS = frozenset({"KOUS", "PRELS", "PRELAT", "PWS", "PWAV", "KOUI"})
# How far a target may stand after its preposition: "Kritik an der
# Regierung Ungarns", not "für sein Entgegenkommen bei den Verhandlungen über
# eine Lösung für Syrien".
TARGET_GAP = 4
# "dass" and at most this many tokens ("dass die kenianische Regierung") before its subject
THAT_SUBJECT_GAP = 3
# the prepositions of the attributes that name the doer in a warning's "vor" phrase
FEARED_PREPS = frozenset({"durch", "von", "vom", "seitens"})
# A stance dated this many years before the article is background.
BACKGROUND_YEARS = 5
# Stance verbs that state a stance only with their preposition: "drohte mit
# Sanktionen" (a threat), not "ihm droht Haft".
NEEDS_PREPOSITION = {"drohen": "mit", "werben": "für", "aussprechen": "für", "plädieren": "für"}
# ... and with another preposition another stance: "sprach sich gegen X aus".
OTHER_PREPOSITION = {"aussprechen": ("gegen", "reject")}
# stance verbs whose "mit" or "bei" names the one judged or courted, not a companion or a
# place ("mit X ins Gericht gehen", "bei X für eine Koalition werben")
WITH_TARGET = {"gehen": "mit", "abrechnen": "mit", "hadern": "mit", "werben": "bei"}
# Konjunktiv modals of reported speech: "X müsse ..., sagte Y" is a demand.
DEMAND_MODALS = frozenset({"müsse", "müssten", "solle"})
PRONOUNS = frozenset({"er", "sie"})
# Forms of "sein" and "bleiben" before a predicate that judges ("Das sei ein Fehler").
COPULAS = frozenset({"ist", "sei", "war", "wäre", "sind", "seien", "waren", "wären", "bleibt", "bleibe", "bleiben"})
# Tokens that may stand between a fronted verb and its subject: "forderte
# am Montag auch der französische Präsident Emmanuel Macron".
INVERSION_GAP = frozenset({"ART", "ADJA", "ADJD", "ADV", "PTKNEG", "PRF", "APPRART", "CARD"})
VERB_ENDINGS = ("t", "te", "ten", "tes", "ter", "tem", "e", "en", "et", "ete", "eten")


@dataclass(slots=True)
class _State:
    """The person who spoke last and in which sentence: "er", "sie" refer
    to them in the next two sentences."""

    speaker: MentionSpan | None = None
    sentence: int = -10
    index: int = 0
    said: set[int] = field(default_factory=set)
    # In an interview: the person whose answer is being read ("ich" is
    # them), and whether the interviewer's turn is being read.
    interviewee: MentionSpan | None = None
    asking: bool = False
    # A neuter body that spoke ("Das Ministerium warnte"): "Es" in the next sentence.
    body: MentionSpan | None = None
    body_sentence: int = -10


def extract(ctx: ArticleContext) -> Iterator[Claim]:
    state = _State()
    turns = [_turn(ctx, sent) for sent in ctx.sentences]
    # An interview has answers by a named person ("X: ...") and questions
    # ("ZEITUNG: ...?"); a headline "Stadt: ..." makes none.
    interview = any(t is not None and t[1] is not None for t in turns) and any(
        t is not None and t[1] is None and sent.text.rstrip().endswith("?") for t, sent in zip(turns, ctx.sentences, strict=True))
    askers: set[str] = set()
    for k, sent in enumerate(ctx.sentences):
        state.index = k
        turn = turns[k]
        if interview and turn is not None:
            label, person = turn
            if person is None and (sent.text.rstrip().endswith("?") or label in askers):
                askers.add(label)
                state.asking, state.interviewee = True, None
            else:
                state.asking, state.interviewee = False, person
        if state.asking:
            continue  # the interviewer's turn states nothing
        yield from _statements(ctx, sent, state)


def _turn(ctx: ArticleContext, sent: Span) -> tuple[str, MentionSpan | None] | None:
    """A turn of an interview: a label and a colon at the start of a
    sentence ("X: Leider ..."), with the person it names, if any."""
    doc = ctx.doc
    first = next((t for t in sent if not t.is_space), None)
    if first is None:
        return None
    span = ctx.span_at(first.i)
    end = span.end if span is not None and span.start == first.i else first.i + 1
    if end >= sent.end or doc[end].text != ":" or end - first.i > 4:
        return None
    if not all(t.text[:1].isupper() for t in doc[first.i : end]):
        return None
    person = span if span is not None and span.start == first.i and span.type is EntityType.PERSON else None
    return doc[first.i : end].text, person


@dataclass(frozen=True, slots=True)
class _Stance:
    i: int
    stance: str
    verbal: bool


def stance_words(ctx: ArticleContext, sent: Span) -> list[_Stance]:
    """Stance verbs (on their lemma, a separated particle put back, a
    reflexive "sich" or a predicative adjective read with them: "wies ...
    zurück", "setzt sich ... ein", "macht sich ... stark", "macht X ...
    verantwortlich"), adjectives ("besorgt") and nouns ("Kritik"): only
    inflections of a noun count, not compounds ("Herausforderung")."""
    stances = ctx.lexicon.table("stance")
    out = []
    for tok in sent:
        if tok.is_punct or tok.is_space:
            continue
        if tok.tag_.startswith("V"):
            stance = _verb_stance(ctx, sent, tok)
            if stance is not None:
                out.append(_Stance(tok.i, stance, True))
        elif tok.tag_ in ("ADJA", "ADJD"):
            stance = stances.exact(tok.text) or _participle_stance(ctx, tok.text)
            if stance is not None:
                out.append(_Stance(tok.i, stance, True))
        elif tok.tag_ in ("NN", "NE") and tok.text[:1].isupper():
            if _names_people(tok.text) and stances.exact(tok.text) is None:
                continue  # "Kritiker", "Befürworter" are people, not criticism
            stance = stances.match(tok.text, compounds=False)
            if stance is None and tok.lemma_ and tok.lemma_ != tok.text:
                stance = stances.exact(tok.lemma_)  # a plural with umlaut: "Vorwürfe"
            if stance is not None and ctx.span_at(tok.i) is None:
                out.append(_Stance(tok.i, stance, False))
    return out


def _names_people(word: str) -> bool:
    return word.endswith(("er", "erin", "ern", "erinnen"))


def _verb_stance(ctx: ArticleContext, sent: Span, tok: Token) -> str | None:
    stances = ctx.lexicon.table("stance")
    lemma = verb_lemma(tok)
    clause = ctx.clause(sent, tok.i)
    reflexive = any(t.tag_ == "PRF" or t.lower_ == "sich" for t in clause)
    adjectives = [t.lower_ for t in clause if t.tag_ in ("ADJD", "PTKVZ") and t.i != tok.i]
    forms = []
    if reflexive:
        # "stellte sich hinter X", "wandte sich gegen Y": the preposition makes the stance
        prepositions = [t.lower_ for t in clause if t.tag_ == "APPR" and t.i > tok.i]
        forms += [f"sich {a} {lemma}" for a in adjectives] + [f"sich {p} {lemma}" for p in prepositions] \
            + [f"sich {lemma}"]
    forms += [f"{a} {lemma}" for a in adjectives]
    # a noun that makes the verb a stance: "stellte X in Abrede", "gab Y die Schuld"
    forms += [f"{term_key(t.text)} {lemma}" for t in clause if t.tag_ == "NN" and t.i != tok.i]
    # "gab zu bedenken": an infinitive after "zu" that makes the verb a stance
    forms += [f"{t.lower_} {lemma}" for t in clause if t.tag_ == "VVINF" and t.i > tok.i
              and t.i > clause.start and ctx.doc[t.i - 1].lower_ == "zu"] + [lemma]
    base = term_key(tok.lemma_ or tok.text)
    if base != lemma and _particle_of_another_verb(sent, tok):
        forms.append(base)  # "Die von X unterstützte Regierung trat zurück"
    for form in forms:
        stance = stances.exact(form)
        if stance is not None:
            other = OTHER_PREPOSITION.get(lemma)
            if other and any(t.lower_ == other[0] for t in clause) \
                    and not any(t.lower_ == NEEDS_PREPOSITION.get(lemma) for t in clause):
                return other[1]
            return stance
    if tok.tag_ == "VVPP":
        # "ist beunruhigt über": the participle is the form listed, after "sein"
        # or in a headline; "Die Aufrüstung besorgt die Nachbarn" is another verb
        verbs = [t for t in clause if t.tag_.startswith("V") and t.i != tok.i]
        if verbs and all(t.tag_.startswith("VA") for t in verbs) or not verbs and _preposition_after(tok):
            return stances.exact(tok.text) or stances.exact(tok.lemma_ or tok.text)
        return stances.exact(tok.lemma_ or tok.text)
    return None


def _preposition_after(tok: Token) -> bool:
    """"beunruhigt" über ...": a preposition after the word (quotes aside)."""
    doc = tok.doc
    k = tok.i + 1
    while k < len(doc) and doc[k].tag_ == "$(":
        k += 1
    return k < len(doc) and doc[k].tag_ == "APPR"


def _particle_of_another_verb(sent: Span, tok: Token) -> bool:
    for t in sent[tok.i - sent.start + 1 :]:
        if t.tag_ == "PTKVZ":
            return False
        if t.tag_.startswith("V"):
            return True
    return False


def _participle_stance(ctx: ArticleContext, word: str) -> str | None:
    """"unterstützten", "kritisierte" read as adjectives: the verb whose
    participle they inflect."""
    stances = ctx.lexicon.table("stance")
    word = term_key(word)
    bare = word[2:] if word.startswith("ge") else word  # "geforderte": the ge- of the participle
    for form, concept in stances.forms:
        if " " in form or not form.endswith(("en", "ern", "eln")) or len(form) < 7:
            continue
        stem = form[:-2] if form.endswith("en") else form[:-1]  # "fordern" -> "forder"
        for w in (word, bare):
            if w.startswith(stem) and w[len(stem):] in VERB_ENDINGS and w[len(stem):].startswith("t"):
                return concept
    return None


def _statements(ctx: ArticleContext, sent: Span, state: _State) -> Iterator[Claim]:
    if sent.text.rstrip().endswith("?"):
        return  # an interviewer's question states nothing
    seen: set[tuple[str, ...]] = set()
    words = stance_words(ctx, sent)
    verbal = {w.i for w in words if w.verbal}
    for w in words:
        # "die von X geforderte Aufnahme ist kein Thema": the clause's negation is not the attribute's
        attribute = ctx.doc[w.i].tag_ == "ADJA"
        if (not attribute and _negated(ctx, sent, w.i)) or (attribute and any(
                t.lower_ in NEGATIONS for t in ctx.doc[max(sent.start, w.i - 2) : w.i])):
            flipped = ctx.lexicon.negation_of(w.stance)  # "will X nicht unterstützen" rejects X
            if flipped is None:
                continue
            w = replace(w, stance=flipped)
        if w.verbal and opens_condition(ctx.lexicon, ctx.clause(sent, w.i)):
            continue  # "ob X hätte auffordern müssen", "wenn X schon Y unterstützt"
        found = _verbal(ctx, sent, w, state) if w.verbal else _nominal(ctx, sent, w, verbal, state)
        if found is None:
            continue
        speaker, target = found
        gapped = _gapped(ctx, sent, w.i, speaker, target) if w.verbal else []
        starts = {g[0].start for g in gapped}
        for sp in _coordinated(ctx, sent, speaker, target):
            if sp is None:  # never: the speaker is there; the list type also carries no-target
                continue
            for t in _coordinated(ctx, sent, target, sp):
                if t is not None and t.start in starts:
                    continue  # the subject of a gapped clause, not a second target
                claim = _claim(ctx, sent, sp, t, w.stance, w.i, seen)
                if claim is not None:
                    yield claim
        for sp, t in gapped:
            claim = _claim(ctx, sent, sp, t, w.stance, w.i, seen)
            if claim is not None:
                yield claim
    if not seen:
        demand = _modal_demand(ctx, sent, state)
        if demand is not None:
            speaker, target, i = demand
            claim = _claim(ctx, sent, speaker, target, "demand", i, seen)
            if claim is not None:
                yield claim
    if not seen:
        cued = _cued(ctx, sent, state)
        if cued is not None:
            speaker, target, i, stance = cued
            claim = _claim(ctx, sent, speaker, target, stance, i, seen)
            if claim is not None:
                yield claim
    if seen:
        said = {key[0] for key in seen}
        last = [c for c in ctx.spans_in(sent, (EntityType.PERSON,)) if c.name in said]
        if last:
            state.speaker, state.sentence = last[0], state.index


def _gapped(ctx: ArticleContext, sent: Span, i: int, speaker: MentionSpan,
            target: MentionSpan | None) -> list[tuple[MentionSpan, MentionSpan]]:
    """"A nominierte X, B seine Y, C den Z": clauses after the first that leave
    out its verb, each a subject (a state or body) and an object (a person),
    take the same stance."""
    doc = ctx.doc
    if target is None or target.type is not EntityType.PERSON or not speaker.end <= i < target.start:
        return []
    actors_at = {s.start: s for s in _targetable(ctx, sent) if not s.adjective}
    heads = [k + 1 for k in range(target.end, sent.end - 1) if doc[k].text == "," and k + 1 in actors_at
             and actors_at[k + 1].type in (EntityType.COUNTRY, EntityType.CITY, EntityType.ORGANIZATION)
             and k + 2 < sent.end and doc[actors_at[k + 1].end].tag_ in ("ART", "PPOSAT")]
    out = []
    for n, head in enumerate(heads):
        end = heads[n + 1] - 1 if n + 1 < len(heads) else sent.end
        if any(t.tag_ in FINITE_VERBS for t in doc[head:end]):
            break  # a clause with its own verb
        person = next((s for s in ctx.spans_in(sent, (EntityType.PERSON,)) if head < s.start < end), None)
        if person is None:
            break
        out.append((_capital_as_state(ctx, actors_at[head]), person))
    return out


def _coordinated(ctx: ArticleContext, sent: Span, target: MentionSpan | None,
                 speaker: MentionSpan | None) -> list[MentionSpan | None]:
    """The target and the names joined to it by "und" or a comma
    ("rief Israelis und Palästinenser auf")."""
    if target is None:
        return [None]
    out: list[MentionSpan | None] = [target]
    if preposition_before(ctx, target, sent) == "zwischen":
        return out  # "Besorgnis über die Bindung zwischen X und Y" is about X
    spans = {s.start: s for s in _targetable(ctx, sent)}
    k = target.end
    while k + 1 < sent.end and ctx.doc[k].lower_ in ("und", ",", "sowie"):
        j = k + 1
        while j < sent.end and j - k <= 3 and ctx.doc[j].tag_ in ("ART", "ADJA") and j not in spans:
            j += 1  # "X und die liberale Y"
        if j not in spans:
            break
        s = spans[j]
        if ctx.doc[k].text == "," and s.end < sent.end and ctx.doc[s.end].tag_ in FINITE_VERBS:
            break  # "kritisierte X, Kenia lobte Y": a new clause's subject
        if (speaker is None or s.name != speaker.name) and s.name not in {o.name for o in out if o is not None}:
            out.append(s)
        k = s.end
    # and before it: "wie die A und die B haben ... bekundet"
    ends = {s.end: s for s in spans.values()}
    k = target.start - 1
    while k > sent.start:
        while k > sent.start and ctx.doc[k].tag_ in ("ART", "ADJA") and k + 1 not in ends:
            k -= 1
        if ctx.doc[k].lower_ not in ("und", "sowie") or k not in ends:
            break
        s = ends[k]
        if (speaker is None or s.name != speaker.name) and s.name not in {o.name for o in out if o is not None}:
            out.append(s)
        k = s.start - 1
    return out


def _targetable(ctx: ArticleContext, sent: Span) -> list[MentionSpan]:
    """Actors, and peoples standing for their state ("Israelis")."""
    people = [s for s in ctx.spans_in(sent, (EntityType.COUNTRY,)) if s.adjective and s.start not in ctx.dateline
              and (ctx.doc[s.start].tag_ == "NN" or _people_noun_after(ctx, s))]
    return sorted(actors(ctx, sent, ACTORS) + people, key=lambda s: s.start)


def _negated(ctx: ArticleContext, sent: Span, i: int) -> bool:
    """A negation in the stance word's clause ("unterstützen keinen
    Kandidaten", "kritisierte ... nicht"), not in the clause before, and not
    "nicht nur"."""
    doc = ctx.doc
    clause = ctx.clause(sent, i)
    for t in clause:
        if t.lower_ in NEGATIONS and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("nur", "zuletzt")):
            return True
    return negated(clause, i, 3) and any(t.lower_ in UNREAL for t in clause)


def _claim(ctx: ArticleContext, sent: Span, speaker: MentionSpan, target: MentionSpan | None, stance: str,
           i: int, seen: set[tuple[str, ...]]) -> Claim | None:
    stance = STATED_AS.get(stance, stance)
    if _counted(ctx, speaker):
        return None  # "tausende Polen protestierten": people of a state, not the state
    speaker = _government_as_state(ctx, _capital_as_state(ctx, speaker))
    if target is not None and (target.name == speaker.name or _same_state(ctx, speaker, target)):
        target = None
    if stance == "support" and target is not None and preposition_before(ctx, target, sent, gap=TARGET_GAP) == "gegen":
        stance = "demand"  # "sprach sich für Sanktionen gegen X aus": for measures against X
    if (speaker.name, stance) in seen and target is None:
        return None
    if (speaker.name, stance, target.name if target else "") in seen:
        return None
    when = ctx.nearest_date(sent, ctx.doc[i].idx) or ctx.reference_date(sent)
    if when is not None and when.span.start is not None and ctx.published is not None \
            and when.span.start.year < ctx.published.year - BACKGROUND_YEARS:
        return None  # "unterstützte in den 1950er-Jahren": history, not news
    claim = ctx.claim(FactKind.STATEMENT, [(Role.SPEAKER, speaker), (Role.TARGET, target)], sent,
                      when=when.span.start if when else ctx.published, extractor=STATEMENT,
                      attributes=[("stance", stance), ("quote", _quote(sent))], trigger=i,
                      confidence=0.6)
    if claim is not None:
        seen.add((speaker.name, stance))
        seen.add((speaker.name, stance, target.name if target else ""))
    return claim


def _counted(ctx: ArticleContext, span: MentionSpan) -> bool:
    """A people counted ("tausende Polen", "viele Schweden", "2000 Norweger")."""
    if span.type is not EntityType.COUNTRY or span.start == 0:
        return False
    before = ctx.doc[span.start - 1]
    return before.tag_ in ("CARD", "PIAT", "PIDAT") or before.lower_ in ctx.lexicon.words("quantifiers")


def _government_as_state(ctx: ArticleContext, span: MentionSpan) -> MentionSpan:
    """"die ukrainische Regierung" (a lone body noun read as the state's):
    a government that takes a stance is its state, as an unnamed subject
    "die Regierung in Kiew" is (see _body)."""
    if span.type is not EntityType.ORGANIZATION or " " not in span.name:
        return span
    adjective, noun = span.name.rsplit(" ", 1)
    if span.entry is not None:  # a curated government of a state ("ukrainische Regierung", part of Ukraine)
        state = ctx.gazetteer.get(span.entry.part_of) if span.entry.part_of else None
    else:
        state = ctx.gazetteer.lookup(adjective)
    if state is None or state.type is not EntityType.COUNTRY or ctx.lexicon.table("body").match(noun) != "government":
        return span
    return ctx.synthetic(span, state)


def _capital_as_state(ctx: ArticleContext, span: MentionSpan) -> MentionSpan:
    """"Moskau warnte", "Oslo nominierte": a capital that takes a stance
    is its state's government, or the body seated there that its name stands
    for ("Brüssel fordert": the EU, seats.tsv); another city speaks for itself."""
    if span.type is not EntityType.CITY or span.entry is None or not span.entry.located_in:
        return span
    seated = ctx.gazetteer.get(ctx.gazetteer.seats.get(span.entry.key, ""))
    if seated is not None:
        return ctx.synthetic(span, seated)
    state = ctx.gazetteer.get(span.entry.located_in)
    if state is None or state.type is not EntityType.COUNTRY or state.capital != span.entry.key:
        return span
    return ctx.synthetic(span, state)


def _same_state(ctx: ArticleContext, a: MentionSpan, b: MentionSpan) -> bool:
    """"Die Regierung in Kiew ... die Ukraine": one actor, not a target."""
    b = _capital_as_state(ctx, b)  # "der Kreml ... Moskau"
    sa, sb = ctx.country_of(a), ctx.country_of(b)
    return sa is not None and sb is not None and sa.name == sb.name and b.type is EntityType.COUNTRY \
        and a.type is not EntityType.PERSON


# --- verbs -------------------------------------------------------------------

def _headline_subject(ctx: ArticleContext, sent: Span, i: int) -> MentionSpan | None:
    """"X besorgt über ...", "Y empört über ...": a headline without a verb,
    the name right before the adjective is who takes the stance."""
    doc = ctx.doc
    clause = ctx.clause(sent, i)
    if any(t.tag_.startswith("V") for t in clause if t.i != i) or not _preposition_after(doc[i]):
        return None
    k = i - 1
    while k >= sent.start and doc[k].tag_ == "$(":
        k -= 1
    span = ctx.span_at(k) if k >= sent.start else None
    first = ctx.first_word(clause)
    if span is None or first is None or span.end != k + 1 or span.start != first.i or span.adjective or span.prefix \
            or span.type not in ACTORS:
        return None
    return span


def _verbal(ctx: ArticleContext, sent: Span, w: _Stance, state: _State) -> _Reading | None:
    doc = ctx.doc
    tok = doc[w.i]
    if tok.tag_ == "ADJA" or tok.tag_ == "ADJD" and _agent_before(ctx, sent, w.i):
        return _attributive(ctx, sent, w)
    before = ctx.span_at(w.i - 1)
    if before is not None and before.start - 2 >= sent.start and doc[before.start - 1].lower_ in ("von", "vom") \
            and doc[before.start - 2].tag_ in ("ART", "PDAT", "ADJA", "APPRART"):
        return _attributive(ctx, sent, w)  # "die von Japan unterstützte Regierung", read as a verb
    if tok.tag_ == "ADJD":
        # "zeigte sich besorgt", "nannte den Auftritt unverschämt": the subject
        # of the clause's verb; "Das sei inakzeptabel, sagte X": who says so
        f = _finite(ctx, sent, w.i)
        speaker = _subject(ctx, sent, f, state) if f != w.i else _headline_subject(ctx, sent, w.i)
        if speaker is None or f != w.i and doc[f].lemma_ in ("sein", "werden"):
            speaker = _reporter(ctx, sent, state)
        if speaker is None:
            return None
        return speaker, _target(ctx, sent, min(w.i, f), f, speaker)
    if w.stance in WEAK_VERB_STANCES:
        # "arbeitet mit X zusammen" is support only when said so, by whoever says it
        reporter = _reporter(ctx, sent, state) if _reported(ctx, sent) else None
        if reporter is None:
            return None
        if _subordinate(ctx, ctx.clause(sent, w.i)):
            content = [s for s in _targetable(ctx, sent) if ctx.clause(sent, w.i).start <= s.start < w.i
                       and s.name != reporter.name and not _located(ctx, s, sent)]
            return reporter, content[0] if content else None
    lemma = verb_lemma(tok)
    need = NEEDS_PREPOSITION.get(lemma)
    clause_words = {t.lower_ for t in ctx.clause(sent, w.i)}
    other = OTHER_PREPOSITION.get(lemma)
    if need and need not in clause_words and not (other and other[0] in clause_words):
        return None  # "X droht die Pleite": X is threatened, it does not threaten
    f = _finite(ctx, sent, w.i)
    if _passive(ctx, sent, w.i, f):
        agent = _agent(ctx, sent, w.i)
        if agent is None:
            return None  # "Demirtaş wird ... vorgeworfen": the speaker unsaid
        subject = _subject(ctx, sent, f, None, exclude=agent)
        if subject is None:
            # "Die Kandidatur von X wird von Y unterstützt": the one the subject noun belongs to
            clause = ctx.clause(sent, f)
            subject = next((s for s in actors(ctx, sent, ACTORS) if clause.start <= s.start < f and s is not agent
                            and preposition_before(ctx, s, sent) in ("von", "vom") and _after_noun(ctx, s)), None)
        if subject is None and w.stance in WEAK_STANCES:
            return None  # "Die Klinik wird von X unterstützt": help given, no stance taken
        return agent, subject
    if f == w.i and (tok.tag_ == "VVIZU" or doc[w.i - 1].lower_ == "zu"):
        return _controlled(ctx, sent, w, state)
    speaker = _subject(ctx, sent, f, state)
    if speaker is None and _impersonal(ctx, sent, f):
        # "Aus Paris hieß es, man lehne den Plan ab": who says so speaks for "man"
        speaker = _reporter(ctx, sent, state, outside=ctx.clause(sent, f))
    if speaker is None:
        return None
    reporter = _reporter(ctx, sent, state, outside=ctx.clause(sent, f))
    if reporter is not None and ctx.affiliation.get(reporter.name) is not None \
            and ctx.affiliation[reporter.name].name == speaker.name:
        # "Die Nato will die Türkei unterstützen, sagte Stoltenberg": he speaks for it
        speaker = reporter
    target = _target(ctx, sent, w.i, f, speaker)
    if target is None and w.stance in WEAK_STANCES:
        target = _partner(ctx, sent, w.i, speaker)
    return speaker, target


def _partner(ctx: ArticleContext, sent: Span, i: int, speaker: MentionSpan) -> MentionSpan | None:
    """"X erklärte sich bereit, mit Y zu kooperieren": support for the one
    named after "mit" in the infinitive clause that follows."""
    doc = ctx.doc
    clause = ctx.clause(sent, i)
    if clause.end >= sent.end or doc[clause.end].text != "," and doc[clause.end - 1].text != ",":
        return None
    end = next((t.i for t in doc[clause.end + 1 : sent.end] if t.tag_ in FINITE_VERBS), sent.end)
    if not any(t.tag_ == "VVIZU" or t.tag_ == "PTKZU" for t in doc[clause.end + 1 : end]):
        return None
    for s in _targetable(ctx, sent):
        if clause.end < s.start < end and s.name != speaker.name \
                and preposition_before(ctx, s, sent, gap=TARGET_GAP) == "mit":
            return s
    return None


def _controlled(ctx: ArticleContext, sent: Span, w: _Stance, state: _State) -> _Reading | None:
    """"Die EU arbeitet daran, Reformen von X zu fordern": the subject of
    the clause before is who demands; "von X" whom it is asked of. Not
    when that clause is itself a stance ("rief X auf, Y zu unterstützen":
    X is asked to)."""
    doc = ctx.doc
    clause = ctx.clause(sent, w.i)
    if clause.start - 2 < sent.start or doc[clause.start - 1].text != ",":
        return None
    before = ctx.clause(sent, clause.start - 2)
    finite = [t.i for t in before if t.tag_ in FINITE_VERBS]
    if not finite or any(x.i in range(before.start, before.end) and x.stance not in WEAK_STANCES | WEAK_VERB_STANCES
                         for x in stance_words(ctx, before)):
        return None
    if not any(t.tag_ in ("PAV", "PROAV") for t in before) and not _promised(ctx, finite[0]):
        return None  # only a correlate ("dabei", "darauf") or a promise makes the subject do what follows
    speaker = _subject(ctx, sent, finite[0], state)
    if speaker is None:
        return None
    target = None
    for s in _targetable(ctx, sent):
        if clause.start <= s.start < w.i and s.name != speaker.name and preposition_before(ctx, s, sent) in (
                "von", "vom", "an", "gegen"):
            target = s
            break
    if target is None and _promised(ctx, finite[0]):
        # "versprach, die Regierung in Nairobi zu unterstützen": the object of the promised act
        target = next((s for s in _targetable(ctx, sent) if clause.start <= s.start < w.i
                       and s.name != speaker.name and preposition_before(ctx, s, sent) is None), None)
        if target is None:
            body = _body(ctx, sent, [t for t in clause if not t.is_punct][:w.i - clause.start], speaker)
            target = body if body is not None and body.name != speaker.name else None
    return speaker, target


def _promised(ctx: ArticleContext, f: int) -> bool:
    return verb_lemma(ctx.doc[f]) in ctx.lexicon.words("commitment_verbs")


def _reported(ctx: ArticleContext, sent: Span) -> bool:
    verbs = ctx.lexicon.verbs(FactKind.STATEMENT)
    return any(t.tag_.startswith("V") and verb_lemma(t) in verbs for t in sent)


def _finite(ctx: ArticleContext, sent: Span, i: int) -> int:
    """The finite verb of the clause of a participle or infinitive ("hat ...
    vorgeworfen", "will ... fordern", "... gefordert hatte")."""
    tok = ctx.doc[i]
    if tok.tag_.endswith("FIN"):
        return i
    clause = ctx.clause(sent, i)
    finite = [t.i for t in clause if t.tag_ in ("VAFIN", "VMFIN", "VVFIN") and t.i != i]
    if _subordinate(ctx, clause):
        after = [f for f in finite if f > i]
        if after:
            return after[0]
    before = [f for f in finite if f < i]
    if before:
        return before[0]
    return finite[0] if finite else i


def _subordinate(ctx: ArticleContext, clause: Span) -> bool:
    first = next((t for t in clause if not t.is_punct and not t.is_space), None)
    return first is not None and (first.tag_ in SUBORDINATORS or first.lower_ in ("dass", "weil", "nachdem", "obwohl",
                                                                                  "wenn", "da", "als", "ob"))


def _passive(ctx: ArticleContext, sent: Span, i: int, f: int) -> bool:
    tok = ctx.doc[i]
    return tok.tag_ == "VVPP" and any(t.lemma_ == "werden" for t in ctx.clause(sent, i) if t.i != i)


def _agent(ctx: ArticleContext, sent: Span, i: int) -> MentionSpan | None:
    """The "von X" of a passive; not one attached to a noun ("Die Kandidatur
    von X wird von Y unterstützt": Y)."""
    clause = ctx.clause(sent, i)
    found = [s for s in actors(ctx, sent, ACTORS)
             if clause.start <= s.start < clause.end and preposition_before(ctx, s, sent) in AGENT_PREPS]
    free = [s for s in found if not _after_noun(ctx, s)]
    return (free or found)[0] if found else None


def _after_noun(ctx: ArticleContext, s: MentionSpan) -> bool:
    """The preposition before ``s`` follows a noun right away: "Kandidatur von X"."""
    k = s.start - 1
    while k > 0 and ctx.doc[k].tag_ in ("ART", "ADJA"):
        k -= 1
    return k > 0 and ctx.doc[k].tag_ in ("APPR", "APPRART") and ctx.doc[k - 1].tag_ == "NN"



def _agent_before(ctx: ArticleContext, sent: Span, i: int) -> bool:
    return any(s.end <= i and i - s.end <= 2 and preposition_before(ctx, s, sent) in AGENT_PREPS
               for s in actors(ctx, sent, ACTORS))


def _attributive(ctx: ArticleContext, sent: Span, w: _Stance) -> _Reading | None:
    """"die von Russland unterstützte Regierung Assads": X acts on what the
    participle describes."""
    doc = ctx.doc
    agent = None
    for s in actors(ctx, sent, ACTORS):
        if s.end <= w.i and w.i - s.end <= 2 and preposition_before(ctx, s, sent) in AGENT_PREPS:
            agent = s
    if agent is None:
        agent = _body_agent(ctx, sent, w.i)
    if agent is None:
        return None
    target = None
    for s in ctx.spans_in(sent, ACTORS):
        if s.start > w.i and s.start - w.i <= 6 and s is not agent and s.name != agent.name \
                and (not _located(ctx, s, sent) or s.type is EntityType.ORGANIZATION):  # "Aufnahme in die Nato"
            target = ctx.country_of(s) if s.adjective else s
            break
    if target is None and w.i + 1 < sent.end:
        # "der von X unterstützten Regierung" followed by the state it governs
        nxt = doc[w.i + 1]
        if nxt.tag_ == "NN":
            for s in actors(ctx, sent, ACTORS):
                if s.start > w.i + 1 and s.start - w.i <= 4:
                    target = s
                    break
    return agent, target


def _body_agent(ctx: ArticleContext, sent: Span, i: int) -> MentionSpan | None:
    """"die von der Regierung in Nairobi geforderte ...": the state of an
    unnamed body after "von" right before the participle."""
    doc = ctx.doc
    bodies = ctx.lexicon.table("body")
    for k in range(i - 1, max(sent.start, i - 6), -1):
        if doc[k].tag_ == "NN" and bodies.match(doc[k].text) is not None:
            lo = k - 1
            while lo > sent.start and doc[lo].tag_ in ("ART", "ADJA"):
                lo -= 1
            if doc[lo].lower_ in ("von", "vom"):
                return _state_of_body(ctx, sent, doc[k], lo + 1)
            return None
    return None


def _vorfeld_start(ctx: ArticleContext, sent: Span, f: int) -> int:
    return _vorfeld(ctx, sent, f)[0]


def _vorfeld(ctx: ArticleContext, sent: Span, f: int) -> tuple[int, frozenset[int]]:
    """Where the stretch before the finite verb starts: its clause, extended
    back over comma-separated pieces without a verb (appositions: "Der
    Vertreter der EU, der dänische Diplomat X, bedauerte") and over relative
    clauses between commas ("X, der von Y ernannt worden war, lehnte ...
    ab"); and the tokens of those relative clauses, which name no subject."""
    doc = ctx.doc
    j = ctx.clause(sent, f).start
    inserted: set[int] = set()
    while j - 1 > sent.start and doc[j - 1].text == ",":
        prev = ctx.clause(sent, j - 2)
        if any(t.text in ('"', "„", "“", "»", "«") for t in prev):
            break
        if any(t.tag_.startswith("V") for t in prev):
            if not is_relative_clause(prev) or prev.start - 1 <= sent.start or doc[prev.start - 1].text != ",":
                break
            head = ctx.clause(sent, prev.start - 2)
            if any(t.tag_.startswith("V") or t.text in ('"', "„", "“", "»", "«") for t in head):
                break
            inserted.update(range(prev.start - 1, prev.end + 1))  # with its commas
            prev = head
        j = prev.start
    return j, frozenset(inserted)


def _genitive_attribute(ctx: ArticleContext, s: MentionSpan, floor: int) -> bool:
    """"der Vertreter der EU", "seiner eigenen PD-Gruppierung": a name that
    belongs to a noun before it."""
    doc = ctx.doc
    k = s.start - 1
    while k >= floor and doc[k].tag_ in ("ADJA",):
        k -= 1
    after = ctx.span_at(s.end + 1) if s.end + 1 < len(doc) and doc[s.end].text == "," else None
    if k > floor and doc[k].tag_ == "NN" and ctx.span_at(k) is None and after is not None \
            and after.type is EntityType.PERSON:
        # "der Chefredakteur der Zeitung X, Y,": a descriptor noun before the name, the holder after it
        d = k - 1
        while d >= floor and doc[d].tag_ == "ADJA":
            d -= 1
        if d > floor and doc[d].lower_ in ("der", "des") and doc[d - 1].tag_ in ("NN", "NE"):
            return True
    if k >= floor and doc[k].lower_ in ("der", "des", "seiner", "ihrer", "seines", "ihres"):
        prev = doc[k - 1] if k - 1 >= floor else None
        return prev is not None and prev.tag_ in ("NN", "NE") or doc[k].lower_ != "der"
    nxt = doc[s.end] if s.end < len(doc) else None
    prev = doc[s.start - 1] if s.start > floor else None
    genitive = s.mention.text.endswith("s") and s.mention.name != s.mention.text
    # "Putins Reise", "die Kirche Kubas"
    return genitive and (nxt is not None and nxt.tag_ in ("NN", "ADJA") or prev is not None and prev.tag_ == "NN")


def _named_in_brackets(ctx: ArticleContext, sent: Span) -> list[MentionSpan]:
    """"Der Vogelschutzbund (NVB) kritisierte": the body in brackets after a
    noun is what the noun stands for, and may speak (``actors`` leaves out
    brackets, which after a name only say whom the named belongs to); not
    after a noun a preposition governs ("für die Kliniken (OKL)")."""
    doc = ctx.doc
    out = []
    for s in ctx.spans_in(sent, ACTORS, names_only=True):
        if not (s.start > sent.start + 1 and s.end < sent.end and doc[s.start - 1].text == "(" and doc[s.end].text == ")"):
            continue
        noun = doc[s.start - 2]
        word = word_before_phrase(doc, noun.i, sent.start)
        if noun.tag_ == "NN" and ctx.span_at(noun.i) is None and (word is None or word.tag_ not in ("APPR", "APPRART")):
            out.append(s)
    return out


def _subjects_in(ctx: ArticleContext, sent: Span, lo: int, hi: int, exclude: MentionSpan | None = None) -> list[MentionSpan]:
    return [s for s in sorted(actors(ctx, sent, ACTORS) + _named_in_brackets(ctx, sent), key=lambda s: s.start)
            if lo <= s.start and s.end <= hi and s is not exclude
            and is_nominative(ctx, s, sent) and not _genitive_attribute(ctx, s, lo)]


def _subject(ctx: ArticleContext, sent: Span, f: int, state: _State | None, exclude: MentionSpan | None = None) -> MentionSpan | None:
    """The subject of the clause whose finite verb is ``f``."""
    doc = ctx.doc
    clause = ctx.clause(sent, f)
    if _subordinate(ctx, clause):
        intro = next(t for t in clause if not t.is_punct and not t.is_space)
        if intro.i + 1 < f and doc[intro.i + 1].tag_ == "PPER" and doc[intro.i + 1].lower_ in ("es", "er", "sie") \
                and ctx.span_at(intro.i + 1) is None:
            return None  # "dass es das Land unterstützt": the pronoun is the subject, the name its object
        inside = _subjects_in(ctx, sent, intro.i + 1, f, exclude)
        if inside:
            return inside[0]
        if intro.tag_ == "PRELS" and intro.lower_ in ("der", "die", "das", "welche", "welcher"):
            # "die EU-Kommission, die ... gefordert hatte": the antecedent
            ante = [s for s in actors(ctx, sent, ACTORS) if 0 < intro.i - s.end <= 2 and s is not exclude
                    and preposition_before(ctx, s, sent, gap=2) is None]
            if ante and doc[intro.i - 1].text == ",":
                return ante[-1]
        return None
    j, inserted = _vorfeld(ctx, sent, f)
    vorfeld = [t for t in doc[j:f] if not t.is_punct and not t.is_space and t.i not in ctx.dateline
               and t.i not in inserted]
    while vorfeld and vorfeld[0].tag_ in ("ADV", "KON") and len(vorfeld) > 1:
        vorfeld = vorfeld[1:]  # "Auch US-Präsident X drängte"
    comma = any(t.text == "," and t.i not in inserted for t in doc[j:f])
    if vorfeld and vorfeld[0].tag_ in ("APPR", "APPRART") and not comma:
        # one constituent before the verb, a prepositional phrase ("In einem
        # Beitrag für die Zeitung X dankte Putin", "Laut Reuters forderte
        # Macron"): the subject follows the verb
        return _inverted(ctx, sent, f, exclude, state)
    if vorfeld and vorfeld[0].lower_ in ctx.lexicon.words("object_articles") and not comma:
        # "Den Vorschlag lehnte X ab": a fronted accusative or dative object;
        # in V2 the subject follows the verb
        return _inverted(ctx, sent, f, exclude, state)
    before = [s for s in _subjects_in(ctx, sent, j, f, exclude) if s.start not in inserted]
    if not before and vorfeld and vorfeld[0].lower_ in ("die", "das") and _nominal_start(ctx, vorfeld) \
            and (after := _masculine_subject_after(ctx, sent, f, exclude)) is not None:
        return after  # "Die Vorwürfe wies der Minister zurück"
    if before:
        after = _masculine_subject_after(ctx, sent, f, exclude)
        if after is not None and vorfeld and vorfeld[0].lower_ in ("die", "das"):
            return after  # "Die Kirche lobte der Papst": "der" marks the subject, the front is the object
        if state is not None and vorfeld and vorfeld[0].lower_ == "das" and before[0].type is not EntityType.PERSON:
            state.body, state.body_sentence = before[0], state.index  # "Das Parlament ... Es ..."
        return before[0]
    if vorfeld and _nominal_start(ctx, vorfeld):
        first = vorfeld[0]
        if state is not None and len(vorfeld) == 1 and first.tag_ == "PPER" and first.lower_ in PRONOUNS:
            return _antecedent(state)
        if state is not None and len(vorfeld) == 1 and first.tag_ == "PPER" and first.lower_ == "ich":
            return state.interviewee
        if state is not None and len(vorfeld) == 1 and first.lower_ == "es" and state.body is not None \
                and state.index - state.body_sentence == 1:
            return state.body  # "Das Militär drohte ... Es warf X vor"
        # "Die Regierung in Kiew", "der israelische Botschafter": the state speaks
        body = _body(ctx, sent, vorfeld, exclude)  # else unnamed: "Kritiker werfen X vor"
        if body is not None and state is not None and first.lower_ == "das":
            state.body, state.body_sentence = body, state.index
        return body
    return _inverted(ctx, sent, f, exclude, state)


def _masculine_subject_after(ctx: ArticleContext, sent: Span, f: int, exclude: MentionSpan | None) -> MentionSpan | None:
    """A person right after the finite verb behind "der" and a masculine
    noun or name ("lobte der Papst", "kritisierte der Präsident X"): the
    nominative; not "dankte der Kanzlerin" (a feminine dative)."""
    doc = ctx.doc
    if f + 2 >= sent.end or doc[f + 1].lower_ != "der":
        return None
    offices = ctx.lexicon.table("office")
    k = f + 2
    while k < sent.end and k - f <= 4 and (doc[k].tag_ == "ADJA" or doc[k].tag_ == "NN" and ctx.span_at(k) is None
                                           and offices.match(doc[k].text) is not None):
        k += 1
    span = ctx.span_at(k) or ctx.span_at(f + 1)  # "der Papst" may itself be the mention
    if span is None or span is exclude or span.type is not EntityType.PERSON:
        return None
    head = doc[f + 2 + sum(1 for t in doc[f + 2 : k] if t.tag_ == "ADJA")]
    if head.lower_.endswith(("in", "innen")) or head.tag_ == "NN" and head.lower_.endswith("e"):
        return None
    return span


def _body(ctx: ArticleContext, sent: Span, vorfeld: list[Token], exclude: MentionSpan | None) -> MentionSpan | None:
    """The state an unnamed subject speaks for: a body of a state or an
    office with that state beside it ("die Regierung in Kiew", "die
    libysche Regierung", "das Außenministerium in Moskau", "der israelische
    UNO-Botschafter", "die US-Regierung")."""
    doc = ctx.doc
    bodies, offices = ctx.lexicon.table("body"), ctx.lexicon.table("office")
    head = None
    for t in vorfeld:
        if t.tag_ in ("ART", "ADJA", "ADJD", "ADV", "PIAT", "PIDAT") or ((a := ctx.span_at(t.i)) is not None and a.adjective):
            continue
        if t.text.endswith("er") and (city := ctx.gazetteer.lookup(t.text[:-2])) is not None \
                and city.type is EntityType.CITY:
            continue  # "die Kiewer Regierung": the city's adjective, whatever its tag
        if t.tag_ == "NN" and (bodies.match(t.text) is not None or offices.match(t.text) is not None):
            head = t
        break
    if head is None:
        return None
    # "Spitzenpolitiker seiner Partei X", "ein Sprecher des Außenministeriums": whom they speak for
    for s in actors(ctx, sent, ACTORS):
        if head.i < s.start <= head.i + 4 and s is not exclude and (
                bodies.match(head.text) == "representative" or offices.match(head.text) is not None) \
                and doc[head.i + 1].lower_ in ("der", "des", "seiner", "ihrer", "seines", "ihres", "von", "vom") \
                and all(t.tag_ in ("ART", "ADJA", "PPOSAT", "APPR", "APPRART") for t in doc[head.i + 1 : s.start]):
            return s
    country = _state_of_body(ctx, sent, head, vorfeld[0].i)
    if country is None or (exclude is not None and country.name == exclude.name):
        return None
    return country


def _state_of_body(ctx: ArticleContext, sent: Span, head: Token, lo: int) -> MentionSpan | None:
    capital = _capital_adjective(ctx, head, lo)
    if capital is not None:
        return capital
    state = None
    for s in ctx.spans_in(sent, (EntityType.COUNTRY, EntityType.CITY, EntityType.PLACE)):
        if s.type is EntityType.PLACE:
            if is_region(s) and (_named_after(ctx, s, head) or lo <= s.start < head.i and s.adjective):
                return s  # "die Regierung in Katalonien", "die bayerische Landesregierung": the region speaks
            continue
        if lo <= s.start < head.i and (s.adjective or s.prefix):
            state = s  # "die libysche Regierung", "die US-Regierung"
        elif s.start == head.i and s.prefix:
            state = s
        elif state is None and _named_after(ctx, s, head):
            # "die Regierung in Kiew", "die Führung der Ukraine"; after "der
            # schwedische Botschafter" a city is the posting, not the state
            state = s
            break
    if state is None:
        return None
    country = ctx.country_of(state) if state.type is not EntityType.COUNTRY or state.adjective or state.prefix else state
    if country is None and state.entry is not None and state.entry.located_in:
        country = ctx.country_of(state)
    if country is None:
        return None
    if country.adjective or country.prefix or country.start != head.i:
        country = MentionSpan(head.i, head.i + 1, country.mention, country.entry)
    return country


def _named_after(ctx: ArticleContext, s: MentionSpan, head: Token) -> bool:
    """``s`` names, right after the body noun ``head``, where the body sits
    or whose it is: "die Regierung in Kiew", "die Führung der Ukraine"."""
    return not s.adjective and 0 < s.start - head.i <= 3 and all(
        t.lower_ in ("in", "von", "der", "des") or t.tag_ == "ADJA" for t in ctx.doc[head.i + 1 : s.start])


def _capital_adjective(ctx: ArticleContext, head: Token, lo: int) -> MentionSpan | None:
    """"die Moskauer Führung", "die Brüsseler Behörde": a capital's "-er"
    adjective before a body noun names the state it is the capital of, or
    the body seated there (seats.tsv)."""
    doc = ctx.doc
    for k in range(head.i - 1, max(lo, head.i - 3) - 1, -1):
        word = doc[k].text
        if not (word[:1].isupper() and word.endswith("er") and len(word) > 5):
            continue
        city = ctx.gazetteer.lookup(word[:-2])
        if city is None or city.type is not EntityType.CITY:
            continue
        seated = ctx.gazetteer.get(ctx.gazetteer.seats.get(city.key, ""))
        state = ctx.gazetteer.get(city.located_in or "")
        entry = seated or (state if state is not None and state.capital == city.key else None)
        if entry is None:
            return None
        m = Mention(doc[k].text, entry.type, ctx.evidence(doc[k].idx, doc[k].idx + len(word)), norm=entry.label)
        return MentionSpan(head.i, head.i + 1, m, entry)
    return None


def _nominal_start(ctx: ArticleContext, vorfeld: list[Token]) -> bool:
    """The stretch before the verb is a noun phrase (a subject, or the
    rare fronted object), not an adverbial ("Am Montag", "Zugleich")."""
    first = vorfeld[0]
    if first.tag_ in ("APPR", "APPRART", "ADV", "PAV", "PROAV", "KON", "ADJD", "PTKNEG", "KOUS", "PWAV"):
        return False
    if any(d.start <= first.idx < d.end for d in ctx.dates):
        return False
    head = next((t for t in vorfeld[:4] if t.tag_ not in ("ART", "PIAT", "PIDAT", "CARD", "ADJA")), None)
    if head is not None and head.tag_ == "NN" and parse_unit(head.text) in TIME_UNITS:
        return False  # "Wenige Wochen vor der Wahl hat X ...": a span of time, adverbial
    return first.tag_ in ("ART", "PDAT", "PPOSAT", "PPER", "PIS", "PIAT", "PDS", "NN", "NE", "ADJA", "CARD", "PIDAT")


def _inverted(ctx: ArticleContext, sent: Span, f: int, exclude: MentionSpan | None, state: _State | None) -> MentionSpan | None:
    """"Am Montag forderte der französische Präsident Emmanuel Macron":
    the subject right after a fronted verb, with only articles,
    adjectives, adverbs, dates and office titles between."""
    doc = ctx.doc
    offices = ctx.lexicon.table("office")
    spans = {s.start: s for s in actors(ctx, sent, ACTORS)}
    k = f + 1
    while k < sent.end and k - f <= 9:
        if k in spans:
            s = spans[k]
            if _genitive_attribute(ctx, s, f + 1) and s.end < sent.end and doc[s.end].tag_ == "NN":
                k = s.end  # "sagt Odessas Gouverneur, der georgische Expräsident X"
                continue
            if s is exclude or not is_nominative(ctx, s, sent):
                return None
            return s
        if doc[k].text == "," and k > f + 1 and doc[k - 1].tag_ == "NN" and k + 1 < sent.end \
                and doc[k + 1].tag_ in ("ART", "ADJA"):
            k += 1  # "sagt Odessas Gouverneur, der georgische Expräsident X"
            continue
        person_next = k + 1 in spans and spans[k + 1].type is EntityType.PERSON or (
            k + 2 in spans and spans[k + 2].type is EntityType.PERSON and doc[k + 1].tag_ == "NE")
        title = doc[k].tag_ in ("NN", "NE") and (person_next or doc[k].tag_ == "NN" and k + 1 < sent.end
                                         and doc[k + 1].text == ",")
        t = doc[k]
        if t.tag_ == "NN" and ctx.lexicon.table("body").match(t.text) is not None and ctx.span_at(k) is None:
            # "Am Montag kritisierte die Regierung in Kiew": the state speaks
            country = _state_of_body(ctx, sent, t, f + 1)
            if country is not None and country is not exclude and (exclude is None or country.name != exclude.name):
                return country
            return None
        if t.tag_ == "PPER" and t.lower_ in PRONOUNS and state is not None:
            return _antecedent(state)
        if t.tag_ == "PPER" and t.lower_ == "ich" and state is not None:
            return state.interviewee
        dated = any(d.start <= t.idx < d.end for d in ctx.dates)
        if not (t.tag_ in INVERSION_GAP or dated or t.is_space
                or (t.tag_ == "NN" and offices.match(t.text) is not None) or title
                or ((a := ctx.span_at(k)) is not None and a.adjective)):
            return None
        k += 1
    return None


def _antecedent(state: _State) -> MentionSpan | None:
    if state.speaker is not None and 0 < state.index - state.sentence <= 2:
        return state.speaker
    return None


def _attached_to_noun(ctx: ArticleContext, sent: Span, s: MentionSpan, i: int) -> bool:
    """"eine Friedenslösung für X", not "seit Jahren für X"."""
    doc = ctx.doc
    k = s.start - 1
    while k > sent.start and doc[k].lower_ not in PREPOSITIONS:
        k -= 1
    if not (k - 1 >= sent.start and k - 1 != i and doc[k - 1].tag_ == "NN"):
        return False
    if doc[k].lower_ in ("von", "vom") and ctx.lexicon.table("body").match(doc[k - 1].text) == "government":
        return False  # "warf der Regierung von X vor": X's government is X's side
    return not (k - 2 >= sent.start and doc[k - 2].tag_ in ("APPR", "APPRART"))


def _located(ctx: ArticleContext, span: MentionSpan, sent: Span) -> bool:
    """"ein Krankenhaus in Aleppo": a place where something is, not whom a
    stance is about."""
    return preposition_before(ctx, span, sent, gap=6) in PLACE_PREPS


def _target(ctx: ArticleContext, sent: Span, i: int, f: int, speaker: MentionSpan) -> MentionSpan | None:
    """Whom the stance is about, when the clause names them: an object
    between the finite verb and the end of the clause ("kritisierte Ungarn",
    "hat Deutschland ... vorgeworfen", "den Kurs Kenias"), or a name after
    a preposition of the stance ("Besorgnis über", "Kritik an", "warnte
    vor"); for a verb that follows what was said ("X gehe ... nicht nach,
    kritisierte Y"), the subject of that."""
    doc = ctx.doc
    lo, hi = min(i, f), max(i, f)
    clause = ctx.clause(sent, hi)
    end = clause.end
    if _subordinate(ctx, ctx.clause(sent, f)):
        lo = ctx.clause(sent, f).start
    with_target = WITH_TARGET.get(verb_lemma(doc[i]))
    fear = term_key(doc[i].lemma_ or doc[i].text).startswith(ctx.lexicon.words("fear_words"))
    # a region is no actor, but "die Lage in Nahost" is what a stance on it is about
    places = [s for s in ctx.spans_in(sent, (EntityType.PLACE,), names_only=True) if _situation_in(ctx, s)]
    cands = [s for s in sorted(_targetable(ctx, sent) + places + _object_adjectives(ctx, sent), key=lambda s: s.start)
             if lo < s.start < end and s.name != speaker.name and not s.start <= speaker.start < s.end
             and s.start not in range(speaker.start, speaker.end)
             and (not _located(ctx, s, sent) or with_target is not None
                  and preposition_before(ctx, s, sent) == with_target or _situation_in(ctx, s))]
    for s in cands:
        prep = preposition_before(ctx, s, sent, gap=TARGET_GAP)
        if _joined(ctx, speaker, s):
            continue  # "da X und die liberale Y ... erklärt haben": Y speaks too
        if s.start > sent.start and doc[s.start - 1].lower_ in ("und", "sowie", "oder"):
            continue  # the second of two names shares the first one's case or preposition
        if _situation_in(ctx, s):
            return s
        if prep is not None and _attached_to_noun(ctx, sent, s, i):
            continue  # "eine Friedenslösung für Syrien": the preposition belongs to a noun
        if _after_vor(ctx, s) and not fear:
            continue  # "kritisierte X vor dem Rat": an audience; "warnte vor X": the target
        if prep is None and (word := word_before_phrase(doc, s.start, sent.start, gap=TARGET_GAP)) is not None \
                and word.lower_ in ctx.lexicon.words("audience_prepositions"):
            continue  # "gegenüber dem Sender", "laut der Zeitung": whom it was said to or who reports it
        if prep is None or prep in TARGET_PREPS or prep == "zwischen" or (prep in ("von", "vom") and s.start > hi):
            return s
        if with_target is not None and prep == with_target:
            return s  # "ging mit X ins Gericht"
    if fear:
        feared = _feared(ctx, sent, lo, end, cands)
        if feared is not None:
            return feared
    following = _doer_after(ctx, sent, hi, end, speaker)
    if following is not None:
        return following
    # "..., was Washington bestreitet": the stance is on whoever made the claim before
    clause_f = ctx.clause(sent, f)
    if doc[clause_f.start].lower_ == "was" and clause_f.start - 1 > sent.start:
        claimant = _said_before(ctx, sent, clause_f.start - 1, speaker)
        if claimant is not None:
            return claimant
    # "dankte dem Land": the state the article is about
    land = [t for t in doc[lo:end] if t.lower_ == "land" and t.i > lo and doc[t.i - 1].lower_ in ("dem", "das")]
    if land:
        home = ctx.country_of(speaker) or speaker
        main = [s for s in ctx.main_states() if s.name != home.name]
        if main:
            return MentionSpan(land[0].i, land[0].i + 1, main[0].mention, main[0].entry)
    # "kritisierte die Führung in Kiew": the state of a body
    bodies = ctx.lexicon.table("body")
    for t in doc[lo + 1 : end]:
        if t.tag_ == "NN" and bodies.match(t.text) is not None and _governed(ctx, sent, t.i) is None:
            state = _state_of_body(ctx, sent, t, max(lo + 1, t.i - 3))
            # a person may attack their own state's government; a body of that state speaks for it
            own = None if speaker.type is EntityType.PERSON else (ctx.country_of(speaker) or speaker).name
            if state is not None and state.name != own and state.name != speaker.name:
                return state
    # "..., kritisierte X am Montag": what X said stands before
    if doc[f - 1].text == "," and f == i and f - 1 > sent.start:
        said = ctx.clause(sent, f - 2)
        subj = _subjects_in(ctx, sent, said.start, said.end)
        if subj and subj[0].name != speaker.name and not _located(ctx, subj[0], sent):
            return subj[0]
    return None


def _feared(ctx: ArticleContext, sent: Span, lo: int, end: int, cands: list[MentionSpan]) -> MentionSpan | None:
    """"warnte vor einer Gefahr durch X", "vor Waffen in den Händen von
    Gruppen wie X": whom a warning is about may stand behind the attributes
    of its "vor" phrase."""
    doc = ctx.doc
    vor = next((t.i for t in doc[lo:end] if t.lower_ == "vor"), None)
    if vor is None:
        return None
    for s in cands:
        if s.start <= vor:
            continue
        if any(t.tag_.startswith("V") or t.text == "," for t in doc[vor : s.start]):
            return None
        if preposition_before(ctx, s, sent, gap=TARGET_GAP) in (None, *FEARED_PREPS):
            return s
    return None


def _doer_after(ctx: ArticleContext, sent: Span, verb: int, comma: int, speaker: MentionSpan) -> MentionSpan | None:
    """The stance is on the doer of the clause after its own, when that
    clause says what was done or might be: "bedauerte, dass Kenia die
    Wahl verschob", "drohte mit Konsequenzen, sollte X die Grenze überschreiten".
    Not when another verb takes that clause ("wies ... zurück und betonte,
    dass ...")."""
    doc = ctx.doc
    if not (comma + 1 < sent.end and doc[comma].text == ","):
        return None
    if any(t.tag_.startswith("V") for t in doc[verb + 1 : comma]):
        return None
    opener = doc[comma + 1].lower_
    clause = ctx.clause(sent, comma + 1)
    if opener == "dass":
        subj = _subjects_in(ctx, sent, comma + 2, clause.end)
        if subj and subj[0].start <= comma + 1 + THAT_SUBJECT_GAP and subj[0].name != speaker.name:
            return subj[0]
        return None
    if opener in ctx.lexicon.words("conditional_conjunctions") or opener in ctx.lexicon.words("conditional_inversions"):
        return next((s for s in _targetable(ctx, sent) if clause.start < s.start < clause.end
                     and s.name != speaker.name and not _located(ctx, s, sent)), None)
    return None


def _said_before(ctx: ArticleContext, sent: Span, comma: int, speaker: MentionSpan) -> MentionSpan | None:
    """The subject of the nearest clause before ``comma`` that has one, if
    that clause takes a stance: "X wirft Y vor, ..., was Y bestreitet" (not
    "X soll Waffen geliefert haben, was Y bestreitet": X claimed nothing)."""
    k = comma
    triggers = {w.i for w in stance_words(ctx, sent)}
    while k > sent.start:
        said = ctx.clause(sent, k - 1)
        subj = [s for s in _subjects_in(ctx, sent, said.start, said.end) if s.name != speaker.name]
        if subj:
            return subj[0] if any(said.start <= t < said.end for t in triggers) else None
        k = said.start - 1
    return None


def _object_adjectives(ctx: ArticleContext, sent: Span) -> list[MentionSpan]:
    """"kritisierte die russischen Luftangriffe", "Sorge über die
    iranische Aufrüstung": a state's adjective on a noun names whose doing
    the stance is about. Peoples ("die Israelis") are actors already."""
    doc = ctx.doc
    return [s for s in ctx.spans_in(sent, (EntityType.COUNTRY,)) if s.adjective and s.start not in ctx.dateline
            and doc[s.start].tag_ == "ADJA" and s.end < sent.end and doc[s.end].tag_ == "NN"
            and not _people_noun_after(ctx, s)
            and not term_key(doc[s.end].text).endswith(ctx.lexicon.words("origin_nouns"))
            # "der französische Präsident": an office names a person, who is an actor of their own
            and ctx.lexicon.table("office").match(doc[s.end].text) is None]


def _after_vor(ctx: ArticleContext, s: MentionSpan) -> bool:
    """"vor dem UN-Sicherheitsrat": the span behind "vor" and its article."""
    word = word_before_phrase(ctx.doc, s.start, 0, gap=3)
    return word is not None and word.lower_ == "vor"


def _people_noun_after(ctx: ArticleContext, s: MentionSpan) -> bool:
    """"die österreichische Bevölkerung", "das ukrainische Volk": a state's people."""
    return s.end < len(ctx.doc) and term_key(ctx.doc[s.end].text) in ctx.lexicon.people_nouns


def _situation_in(ctx: ArticleContext, s: MentionSpan) -> bool:
    """"die Lage in Syrien", "die Gewalt in der Ukraine": the place a
    state of affairs is in is what a stance about it is about."""
    doc = ctx.doc
    k = s.start - 1
    while k > 0 and (doc[k].tag_ in ("ART", "ADJA") or doc[k].is_space):
        k -= 1
    if k < 1 or doc[k].lower_ not in ("in", "im"):
        return False
    # a compound on its head ("Flüchtlingskrise", "Flüchtlingspolitik"); a short head
    # is too often the end of another word ("lage" of "Niederlage")
    key, nouns = term_key(doc[k - 1].text), ctx.lexicon.situation_nouns
    return key in nouns or any(len(n) >= 5 and key.endswith(n) for n in nouns)


def _joined(ctx: ArticleContext, a: MentionSpan, b: MentionSpan) -> bool:
    """``b`` follows ``a`` as its conjunct: "X und die Y", "X, Y sowie Z"."""
    between = ctx.doc[a.end : b.start]
    return b.start > a.end and any(t.lower_ in ("und", "sowie") for t in between) \
        and all(t.lower_ in ("und", "sowie", ",") or t.tag_ in ("ART", "ADJA", "ADV") for t in between)


# --- nouns -------------------------------------------------------------------

def _governed(ctx: ArticleContext, sent: Span, i: int) -> str | None:
    """The preposition a noun stands after ("in die Kritik", "trotz der
    Kritik"), with only articles and adjectives between."""
    doc = ctx.doc
    k = i - 1
    while k >= sent.start and k >= i - 4:
        t = doc[k]
        if t.tag_ in ("APPR", "APPRART"):
            return t.lower_
        if t.tag_ not in ("ART", "ADJA", "ADJD", "ADV", "PPOSAT", "PIAT", "PIDAT"):
            return None
        k -= 1
    return None


def _nominal(ctx: ArticleContext, sent: Span, w: _Stance, verbal: set[int], state: _State) -> _Reading | None:
    doc = ctx.doc
    agent = _noun_agent(ctx, sent, w.i)
    target = _noun_target(ctx, sent, w.i, agent)
    if agent is not None:
        if w.stance in WEAK_STANCES:
            return None  # "mit der Unterstützung Belgrads rechnen": hoped for, not given
        return agent, target
    if _governed(ctx, sent, w.i) is not None:
        return None  # "in die Kritik geraten", "nach Kritik an"
    f = _finite(ctx, sent, w.i)
    if f == w.i or f in verbal or not doc[f].tag_.startswith("V"):
        return None  # the object of a stance verb ("wies die Kritik zurück"), or no verb
    clause = ctx.clause(sent, f)
    if doc[f].lemma_ == "kommen" and w.i < f:
        # "Scharfe Kritik kam von X", "Kritik kam auch aus X": where it comes from speaks
        source = next((s for s in actors(ctx, sent, ACTORS) if f < s.start < clause.end
                       and preposition_before(ctx, s, sent) in ("von", "vom", "aus", "seitens")), None)
        if source is not None and w.stance not in WEAK_STANCES:
            return source, target
    if not _subordinate(ctx, clause) and w.i < f and _vorfeld_start(ctx, sent, f) <= w.i:
        if verb_lemma(doc[f]) in ctx.lexicon.words("light_verbs"):
            # "Kritik an X übte auch Y": a fronted object, its subject after the verb
            speaker = _inverted(ctx, sent, f, None, state)
            return (speaker, target or _target(ctx, sent, w.i, f, speaker)) if speaker is not None else None
        return None  # the noun is the subject: "Die Kritik an X wächst"
    if doc[f].lemma_ in ("geben", "brauchen", "benötigen", "erhalten", "bekommen", "sein", "werden", "stoßen",
                         "geraten", "wachsen", "kommen", "laut") and not _given(ctx, sent, w.i):
        return None
    if w.stance in WEAK_STANCES and not _given(ctx, sent, w.i, f):
        return None
    speaker = _subject(ctx, sent, f, state)
    if speaker is None:
        return None
    return speaker, target or _target(ctx, sent, w.i, f, speaker)


def _given(ctx: ArticleContext, sent: Span, i: int, f: int | None = None) -> bool:
    """A weak stance noun its speaker gives ("sagte seine volle
    Unterstützung zu", "signalisierte Unterstützung"), not one somebody
    needs ("braucht Unterstützung")."""
    if f is not None and verb_lemma(ctx.doc[f]) in ctx.lexicon.words("light_verbs") + ctx.lexicon.words("commitment_verbs"):
        return True
    return any(t.tag_ == "PPOSAT" for t in ctx.doc[max(sent.start, i - 3) : i])


def _noun_agent(ctx: ArticleContext, sent: Span, i: int) -> MentionSpan | None:
    """"Kritik von X", "die Forderung der Opposition", "Rüge durch die
    US-Botschaft", "Kritik aus X", "Xs Forderung"."""
    doc = ctx.doc
    for s in actors(ctx, sent, ACTORS):
        if s.start > i and s.start - i <= 5:
            between = doc[i + 1 : s.start]
            if any(t.tag_ not in ("ART", "ADJA", "APPR", "APPRART") and not ((a := ctx.span_at(t.i)) is not None and a.adjective)
                   and not (t.tag_ == "NN" and ctx.lexicon.table("office").match(t.text)) for t in between):
                continue
            prep = preposition_before(ctx, s, sent)
            if prep in AGENT_PREPS or prep == "aus":
                return s
            if prep is None and between and between[0].lower_ in ("der", "des"):
                return s
        if s.end == i and s.mention.text.endswith("s"):
            return s  # "Putins Forderung", "Tsipras Forderung"
    return None


def _noun_target(ctx: ArticleContext, sent: Span, i: int, agent: MentionSpan | None) -> MentionSpan | None:
    for s in actors(ctx, sent, ACTORS):
        if s.start > i and s.start - i <= 8 and s is not agent and preposition_before(ctx, s, sent, gap=6) in (
                "an", "gegen", "über"):
            if any(t.text in (",", ";", ".") for t in ctx.doc[i : s.start]):
                break
            return s
    return None


# --- reported speech ------------------------------------------------------------

def _modal_demand(ctx: ArticleContext, sent: Span, state: _State) -> tuple[MentionSpan, MentionSpan | None, int] | None:
    """"Die Ukraine müsse Reformen umsetzen, sagte X": what must be done,
    said by X, is X's demand; the subject of "müsse" is whom it is aimed at."""
    modals = [t for t in sent if t.lower_ in DEMAND_MODALS and t.tag_.startswith("VM")]
    if not modals:
        return None
    speaker = _reporter(ctx, sent, state)
    if speaker is None:
        return None
    m = modals[0]
    clause = ctx.clause(sent, m.i)
    near = [t for t in (ctx.doc[m.i - 1], ctx.doc[m.i + 1] if m.i + 1 < len(ctx.doc) else None)
            if t is not None and clause.start <= t.i < clause.end]
    if any(t.tag_ == "PPER" and t.lower_ in PRONOUNS for t in near):
        return None  # "X sagte, sie müsse früher gehen": what X must do, no demand
    subj = _subjects_in(ctx, sent, clause.start, m.i, exclude=speaker) or [
        s for s in _subjects_in(ctx, sent, m.i + 1, min(m.i + 4, clause.end), exclude=speaker)]
    target = subj[0] if subj and subj[0].name != speaker.name and not _located(ctx, subj[0], sent) else None
    home = ctx.country_of(speaker)
    if target is not None and home is not None and (ctx.country_of(target) or target).name == home.name:
        return None  # "Die USA müssten ..., sagte der US-Minister": a plan of one's own, not a demand
    return speaker, target, m.i


def _cued(ctx: ArticleContext, sent: Span, state: _State) -> tuple[MentionSpan, MentionSpan | None, int, str] | None:
    """"Das war ein schwerer Fehler, sagte X", "X nannte die Lage
    gefährlich": a word that judges (kg:reportedCue), inside what X is
    reported to say or in an interview answer of X, is X's stance; the actor
    nearest to it in its clause, if any, is what it judges."""
    cues = ctx.lexicon.table(CUE_TABLE)
    hits = [(t.i, stance) for t in sent if (t.tag_ in ("NN", "ADJA", "ADJD", "VVPP") and ctx.span_at(t.i) is None
                                            and (stance := cues.match(t.text, compounds=False)) is not None)]
    hits = [(i, stance) for i, stance in hits if not _negated(ctx, sent, i) and _judging(ctx, sent, i)]
    if not hits:
        return None
    speaker = _reporter(ctx, sent, state) or state.interviewee
    if speaker is None:
        return None
    i, stance = hits[0]
    clause = ctx.clause(sent, i)
    near = [s for s in _targetable(ctx, sent) if clause.start <= s.start < clause.end and s.name != speaker.name
            and s.start not in ctx.dateline]
    # an actor, else the state where things are judged ("die Lage in X sei gefährlich")
    near = [s for s in near if not _located(ctx, s, sent)] or [s for s in near if s.type is EntityType.COUNTRY]
    target = min(near, key=lambda s: abs(s.start - i)) if near else None
    return speaker, target, i, stance


def _judging(ctx: ArticleContext, sent: Span, i: int) -> bool:
    """A cue judges when it is said of something: a predicative adjective
    ("nannte die Lage gefährlich"), or a predicate after a copula or "als"
    ("Das sei ein Fehler", "bezeichnete X als Gefahr"); not inside a name
    of a thing ("eine Regierung des Fortschritts")."""
    doc = ctx.doc
    if doc[i].tag_ == "ADJD":
        return True
    clause = ctx.clause(sent, i)
    head = i
    while head + 1 < clause.end and doc[head].tag_ == "ADJA":
        head += 1  # "ein historischer Tag": the noun the adjective goes with
    j = head - 1
    while j >= clause.start and (doc[j].tag_ in ("ADJA", "ADJD", "ADV", "ART", "PIAT", "PPOSAT", "PTKNEG")
                                 or doc[j].text == "," and doc[j - 1].tag_ in ("ADV", "ADJD")):
        j -= 1  # "als sehr, sehr ernste Gefahr", "ist ein großer Fehler"
    return j >= clause.start and (doc[j].lower_ == "als" or doc[j].lemma_ == "sein" or doc[j].lower_ in COPULAS)


def _impersonal(ctx: ArticleContext, sent: Span, f: int) -> bool:
    """"man" is the subject of the clause of the finite verb ``f``."""
    doc = ctx.doc
    return any(doc[k].lower_ == "man" for k in (f - 1, f + 1) if sent.start <= k < sent.end)


def _reporter(ctx: ArticleContext, sent: Span, state: _State | None, outside: Span | None = None) -> MentionSpan | None:
    """Who the reported speech of a sentence is from: the subject of a
    speech verb ("sagte X", "X erklärte"), or "so X"."""
    doc = ctx.doc
    verbs = ctx.lexicon.verbs(FactKind.STATEMENT)
    spans = {s.start: s for s in actors(ctx, sent, ACTORS)}
    for tok in sent:
        if outside is not None and outside.start <= tok.i < outside.end:
            continue
        if tok.tag_.startswith("V") and verb_lemma(tok) in verbs and verb_lemma(tok) not in ("zusagen", "anbieten", "bieten"):
            speaker = _subject(ctx, sent, _finite(ctx, sent, tok.i), state)
            if speaker is not None and speaker.type in (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY):
                return speaker
        if tok.lower_ == "so" and tok.i > sent.start and doc[tok.i - 1].text == "," and tok.i + 1 in spans:
            return spans[tok.i + 1]
        if tok.lemma_ == "heißen" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "es":
            # "hieß es aus dem Außenministerium", "hieß es in einer Erklärung Bans"
            for s in actors(ctx, sent, ACTORS):
                if s.start > tok.i + 1 and (preposition_before(ctx, s, sent) in ("aus", "von", "vom", "seitens")
                                            or _genitive_attribute(ctx, s, tok.i + 2)):
                    return s
            # "Aus Paris hieß es, ...": the source fronted
            fronted = [s for s in actors(ctx, sent, ACTORS) if s.end <= tok.i and ctx.clause(sent, s.start).start
                       == ctx.clause(sent, tok.i).start and preposition_before(ctx, s, sent) in ("aus", "von", "vom")]
            if fronted:
                return fronted[0]
    for s in actors(ctx, sent, (EntityType.PERSON,)):
        # "laut X", "X zufolge": a person, not the agency that reports
        if preposition_before(ctx, s, sent, gap=1) == "laut" or (s.end < sent.end and doc[s.end].lower_ == "zufolge"):
            return s
    return None


def _quote(sent: Span) -> str | None:
    text = sent.text
    for open_, close in (("„", "“"), ('"', '"'), ("»", "«")):
        a = text.find(open_)
        b = text.find(close, a + 1) if a >= 0 else -1
        if a >= 0 and b > a + 1:
            return text[a + 1 : b]
    return None
