"""Stances in what is said: reported speech and interview answers whose
sentence has no stance word, only content that takes a stance.

German news reports speech in the Konjunktiv ("Russland werde keinen
Vertrag schließen, sagte X"), after "so X", "laut X", "X zufolge", or in
interview answers ("Brenner: ..."). What the speaker says then takes the
stance:

- refusal: the speaker's side will not, or is not ready to ("werde keinen
  Vertrag schließen", "sei nicht bereit"), or something is out of question
  ("komme nicht in Frage");
- blame put on another: "Für den Anschlag sei X verantwortlich", "X stecke
  dahinter", "werde von X gesteuert";
- warning: a bad consequence predicted ("werde Sanktionen nach sich ziehen",
  "es drohe ein Krieg");
- demand: what is needed ("es brauche", "sei nötig"); the Konjunktiv modal
  ("müsse", "solle") of :func:`kg.extract.statements._modal_demand` also in
  sentences that continue the reported speech of the sentence before
  without a speech verb of their own.

Two frames state a stance without reported speech: a feeling shown ("X
zeigte sich enttäuscht über Y") and a judgement held ("X hält Y für einen
Fehler", with the kg:reportedCue words of statements.py).

The cues are data (``ontology/lexicon/reported_stance.tsv``). A sentence
with a stance word is left to :mod:`kg.extract.statements`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span

from kg.extract import statements as st
from kg.extract.context import NEGATIONS, ArticleContext, MentionSpan
from kg.extract.triggers import preposition_before, verb_lemma
from kg.lexicon import CUE_TABLE
from kg.model import Claim, EntityType, FactKind

REPORTED = "reported_stance.v1"
CUE_FILE = Path(__file__).resolve().parent.parent.parent / "ontology" / "lexicon" / "reported_stance.tsv"
# Finite forms of the Konjunktiv (I, and II where I looks like the
# indicative): a sentence in them goes on reporting the speech of the
# sentence before ("Das Land müsse handeln.", "Hinzu kämen Kosten.").
SUBJUNCTIVE = frozenset({"sei", "seien", "habe", "müsse", "müssten", "solle", "werde", "könne", "wolle", "dürfe",
                         "gebe", "stehe", "komme", "gehe", "liege", "brauche", "drohe", "verliere", "käme", "kämen",
                         "hätten", "wären", "würden"})
# Pronouns of the speaker's own side in what is reported.
OWN = frozenset({"ich", "wir", "er", "sie", "man"})
# Tags of "des Außenministeriums", "von Präsident Karl Berg" between an office and its holder.
APPOSED = frozenset({"ART", "NN", "NE", "APPR", "APPRART", "ADJA"})
# "X sei der Ansicht/Meinung, ...": who holds the opinion.
OPINION = frozenset({"ansicht", "meinung", "auffassung", "überzeugung"})
# Subjects of a modal that name nobody: "man müsse", "es müssten ... werden".
FIRST_PERSON = frozenset({"ich", "wir", "mir", "mich", "uns", "mein", "meine", "meinen", "meinem", "meiner",
                          "unser", "unsere", "unseren", "unserem", "unserer"})
# "Man dürfe nicht warten": a modal that demands when negated
FORBIDDING = frozenset({"dürfe", "dürften"})
IMPERSONAL = frozenset({"man", "wir", "es"})
# What predicts: "werde/würde ... Folgen haben".
FUTURE = frozenset({"werde", "würde", "werden", "würden", "drohe", "drohten"})
# "sich zeigen", "sich geben": a feeling shown.
SHOW_VERBS = frozenset({"zeigen", "geben"})
# Prepositions of what a feeling is about: "enttäuscht über X", "enttäuscht von X".
FEELING_PREPS = frozenset({"über", "von", "vom", "mit"})
# Prepositions after which a name is the one the stance concerns.
TARGET_PREPS = frozenset({"mit", "gegen", "an", "für", "von", "vom", "aus", "über"})


@dataclass(frozen=True, slots=True)
class Cue:
    stance: str
    words: tuple[str, ...]
    negated: bool = False
    self_subject: bool = False
    other_subject: bool = False
    copula: bool = False
    shown: bool = False
    future: bool = False
    noun: bool = False


@lru_cache(maxsize=2)
def load_cues(path: Path = CUE_FILE) -> tuple[Cue, ...]:
    """The cues of the data file, longest first."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        stance, words, *rest = line.split("\t")
        flags = set(rest[0].split(",")) if rest and rest[0] else set()
        out.append(Cue(stance, tuple(words.split()), "negated" in flags, "self" in flags, "other" in flags,
                       "copula" in flags, "shown" in flags, "future" in flags, "noun" in flags))
    return tuple(sorted(out, key=lambda c: -len(c.words)))


def extract(ctx: ArticleContext) -> Iterator[Claim]:
    state = st._State()
    turns = [st._turn(ctx, sent) for sent in ctx.sentences]
    interview = any(t is not None and t[1] is not None for t in turns)
    previous: MentionSpan | None = None
    for k, sent in enumerate(ctx.sentences):
        state.index = k
        turn = turns[k]
        if interview and turn is not None:
            state.interviewee = turn[1]
        if sent.text.rstrip().endswith("?"):
            previous = None
            continue
        yield from _shown(ctx, sent, state)
        yield from _held(ctx, sent, state)
        reporter = _apposed(ctx, sent) or st._reporter(ctx, sent, state)
        carried = reporter is None and previous is not None and _subjunctive(sent)
        speaker = reporter or (_holder(ctx, sent, previous) if carried else None)
        if speaker is None and interview:
            speaker = state.interviewee
        if speaker is None and previous is not None and _first_person(sent):
            continue  # direct speech goes on ("Wir brauchen ..."): the speaker still speaks
        previous = speaker if reporter is not None or carried else None
        if speaker is None:
            continue
        if speaker.type is EntityType.PERSON:
            state.speaker, state.sentence = speaker, k
        yield from _content(ctx, sent, speaker, carried)


def _shown(ctx: ArticleContext, sent: Span, state: st._State) -> Iterator[Claim]:
    """"X zeigte sich enttäuscht über Y", "X gab sich empört": a feeling
    shown is a stance of the subject of "sich zeigen/geben", towards the
    actor after "über", "von" or "mit"."""
    if any(not st._negated(ctx, sent, w.i) for w in st.stance_words(ctx, sent)):
        return  # statements.py reads a sentence with a stance word
    shown = {c.words[0]: c.stance for c in load_cues() if c.shown}
    for tok in sent:
        if tok.lemma_ not in SHOW_VERBS or not tok.tag_.endswith("FIN"):
            continue
        clause = ctx.clause(sent, tok.i)
        if not any(t.lower_ == "sich" for t in clause if 0 < t.i - tok.i <= 5):
            continue
        adjective = next((t for t in clause if t.i > tok.i and t.lower_ in shown and t.tag_ in ("ADJD", "VVPP")), None)
        if adjective is None or st._negated(ctx, sent, adjective.i):
            continue
        speaker = st._subject(ctx, sent, tok.i, state)
        if speaker is None:
            continue
        targets = [s for s in st._targetable(ctx, sent) if adjective.i < s.start < clause.end
                   and preposition_before(ctx, s, sent, gap=4) in FEELING_PREPS and not _same_side(ctx, s, speaker)]
        claim = st._claim(ctx, sent, speaker, targets[0] if targets else None, shown[adjective.lower_], adjective.i,
                          set())
        if claim is not None:
            yield replace(claim, extractor=REPORTED)
        return


def _held(ctx: ArticleContext, sent: Span, state: st._State) -> Iterator[Claim]:
    """"X hält Y für einen Fehler / für gefährlich": a judging word of
    statements.py (kg:reportedCue) after "halten ... für" is the stance of
    the subject of "halten"; the actor between verb and "für" is judged."""
    if any(not st._negated(ctx, sent, w.i) for w in st.stance_words(ctx, sent)):
        return
    doc = ctx.doc
    cues = ctx.lexicon.table(CUE_TABLE)
    for tok in sent:
        if tok.lemma_ != "halten" or not tok.tag_.endswith("FIN"):
            continue
        clause = ctx.clause(sent, tok.i)
        fuer = next((t.i for t in clause if t.i > tok.i and t.lower_ == "für"), None)
        if fuer is None:
            continue
        hit = next(((t.i, c) for t in doc[fuer + 1 : min(clause.end, fuer + 5)]
                    if t.tag_ in ("ADJD", "ADJA", "NN") and (c := cues.match(t.text, compounds=False)) is not None),
                   None)
        if hit is None or st._negated(ctx, sent, hit[0]):
            continue
        speaker = st._subject(ctx, sent, tok.i, state)
        if speaker is None:
            continue
        judged = [s for s in st._targetable(ctx, sent) if tok.i < s.start < fuer and s.name != speaker.name
                  and not st._located(ctx, s, sent)]
        claim = st._claim(ctx, sent, speaker, judged[0] if judged else None, hit[1], hit[0], set())
        if claim is not None:
            yield replace(claim, extractor=REPORTED)
        return


def _apposed(ctx: ArticleContext, sent: Span) -> MentionSpan | None:
    """"sagte der Sprecher des Ministeriums, Karla Brenner": the person in
    apposition to the office after a speech verb, not the body it serves."""
    doc = ctx.doc
    verbs = ctx.lexicon.verbs(FactKind.STATEMENT)
    offices = ctx.lexicon.table("office")
    for tok in sent:
        if not (tok.tag_.startswith("VV") and verb_lemma(tok) in verbs):
            continue
        k = tok.i + 1
        if not (k + 1 < sent.end and doc[k].tag_ == "ART" and doc[k + 1].tag_ == "NN"
                and offices.match(doc[k + 1].text) is not None):
            continue
        for j in range(k + 2, min(sent.end - 1, k + 10)):
            if doc[j].text == ",":
                s = ctx.span_at(j + 1)
                return s if s is not None and s.type is EntityType.PERSON and s.start == j + 1 else None
            if doc[j].tag_ not in APPOSED and not doc[j].is_space:
                break
    return None


def _holder(ctx: ArticleContext, sent: Span, previous: MentionSpan | None) -> MentionSpan | None:
    """Whose speech a Konjunktiv sentence goes on reporting: the speaker
    before, unless it says whose opinion it is ("X sei der Ansicht, ..."):
    then X's, or nobody's when X is no name."""
    doc = ctx.doc
    for t in sent:
        if t.lower_ in ("sei", "seien") and t.i + 2 < sent.end and doc[t.i + 1].lower_ == "der" \
                and doc[t.i + 2].lower_ in OPINION:
            named = [s for s in ctx.spans_in(sent, (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY))
                     if s.end == t.i]
            return named[0] if named else None
    return previous


def _first_person(sent: Span) -> bool:
    return any(t.tag_ in ("PPER", "PPOSAT", "PRF") and t.lower_ in FIRST_PERSON for t in sent)


def _subjunctive(sent: Span) -> bool:
    return any(t.lower_ in SUBJUNCTIVE and t.tag_ in ("VAFIN", "VMFIN", "VVFIN") for t in sent)


def _content(ctx: ArticleContext, sent: Span, speaker: MentionSpan, carried: bool) -> Iterator[Claim]:
    if any(not st._negated(ctx, sent, w.i) for w in st.stance_words(ctx, sent)
           if ctx.doc[w.i].lower_ not in ("drohe", "drohten")):
        return  # a stance word: statements.py reads the sentence
    seen: set[tuple[str, ...]] = set()
    found = _cued(ctx, sent, speaker)
    if found is None and carried:
        found = _carried_demand(ctx, sent, speaker) or _carried_judgement(ctx, sent, speaker)
    if found is None:
        return
    stance, i, target, side = found
    # "Russland werde keinen Vertrag schließen, sagte ihr Sprecher": the state refuses, through him
    for who in (speaker, side) if side is not None and side.name != speaker.name else (speaker,):
        claim = st._claim(ctx, sent, who, target, stance, i, seen)
        if claim is not None:
            yield replace(claim, extractor=REPORTED)


# a stance, its cue, its target and the state or body of the speaker's side that takes it
_Found = tuple[str, int, MentionSpan | None, MentionSpan | None]


def _cued(ctx: ArticleContext, sent: Span, speaker: MentionSpan) -> _Found | None:
    words = [t.lower_ for t in sent]
    for cue in load_cues():
        if cue.shown:
            continue
        n = len(cue.words)
        for k in range(len(words) - n + 1):
            if tuple(words[k : k + n]) != cue.words:
                continue
            i = sent.start + k
            if ctx.span_at(i) is not None or cue.noun and ctx.doc[i].tag_ != "NN":
                continue
            clause = ctx.clause(sent, i)
            if cue.negated and not any(t.lower_ in NEGATIONS for t in clause):
                continue
            if cue.future and not any(t.lower_ in FUTURE for t in clause):
                continue
            if cue.copula and not any(t.lemma_ == "sein" or t.lower_ in st.COPULAS for t in clause if t.i < i):
                continue
            subject = _subject(ctx, sent, clause, i, speaker)
            if cue.self_subject and not _own(ctx, clause, subject, speaker):
                continue
            if cue.other_subject:
                if subject is None or _same_side(ctx, subject, speaker):
                    continue
                return cue.stance, i, subject, None
            side = subject if cue.self_subject and subject is not None and subject.type in (
                EntityType.COUNTRY, EntityType.ORGANIZATION) else None
            return cue.stance, i, _object(ctx, sent, clause, i, speaker, subject), side
    return None


def _subject(ctx: ArticleContext, sent: Span, clause: Span, i: int, speaker: MentionSpan) -> MentionSpan | None:
    """The actor that is the subject of the cue's clause: a nominative name
    in it that is not after a preposition other than a target's."""
    for s in st._subjects_in(ctx, sent, clause.start, clause.end, exclude=None):
        if s.start in ctx.dateline:
            continue
        return s
    # "Die Regierung in X müsste ...": the state of a body that is the subject
    front = [t for t in ctx.doc[clause.start : i] if not t.is_punct and not t.is_space]
    if front and front[0].tag_ == "ART":
        body = st._body(ctx, sent, front, None)
        if body is not None:
            return body
    # "Für den Anschlag sei X verantwortlich": the name after the copula
    for s in st._targetable(ctx, sent):
        if clause.start <= s.start < clause.end and preposition_before(ctx, s, sent) is None:
            return s
    return None


def _own(ctx: ArticleContext, clause: Span, subject: MentionSpan | None, speaker: MentionSpan) -> bool:
    """The clause speaks of the speaker's side: a pronoun subject, the
    speaker, or the state or body they act for."""
    if subject is None:
        return any(t.tag_ in ("PPER", "PIS") and t.lower_ in OWN for t in clause)
    return _same_side(ctx, subject, speaker)


def _same_side(ctx: ArticleContext, a: MentionSpan, b: MentionSpan) -> bool:
    if a.name == b.name:
        return True
    pa, pb = _parties(ctx, a.name), _parties(ctx, b.name)
    if pa and pb and not pa & pb:
        return False  # two parties of one state: rivals, not one side
    sa, sb = ctx.country_of(a) or a, ctx.country_of(b) or b
    if sa.name == sb.name:
        return True
    home = ctx.affiliation.get(b.name)
    return home is not None and home.name == a.name


def _parties(ctx: ArticleContext, person: str) -> set[str]:
    """The parties the article ties a person to: in brackets after the name
    ("X (ABC)") or in front of the office before it ("der ABC-Chef X")."""
    doc = ctx.doc
    mentions = [s for s in ctx.spans if s.type is EntityType.PERSON and s.name == person]
    out = set()
    for s in ctx.spans:
        if s.type is not EntityType.ORGANIZATION or s.entry is None or s.entry.kind != "party":
            continue
        for m in mentions:
            bracket = s.start == m.end + 1 and doc[m.end].text == "("
            prefix = s.prefix and 0 < m.start - s.start <= 2
            if bracket or prefix:
                out.add(s.name)
    return out


def _object(ctx: ArticleContext, sent: Span, clause: Span, i: int, speaker: MentionSpan,
            subject: MentionSpan | None) -> MentionSpan | None:
    """The other actor of the clause the stance concerns: after a
    preposition of the stance ("keinen Vertrag mit X"), or a name the clause
    has besides the subject; only one, else none is clear."""
    cands = [s for s in st._targetable(ctx, sent) if clause.start <= s.start < clause.end
             and s is not subject and not _same_side(ctx, s, speaker) and s.start not in ctx.dateline
             and preposition_before(ctx, s, sent) in TARGET_PREPS]
    return cands[0] if len(cands) == 1 else None


def _carried_judgement(ctx: ArticleContext, sent: Span, speaker: MentionSpan) -> _Found | None:
    """"Das sei ein schwerer Fehler." continuing Y's speech: the judging
    words of statements.py (kg:reportedCue), said by Y."""
    judged = st._cued(ctx, sent, st._State(interviewee=speaker))
    if judged is None or judged[0].name != speaker.name:
        return None
    _, target, i, stance = judged
    return stance, i, target, None


def _carried_demand(ctx: ArticleContext, sent: Span, speaker: MentionSpan) -> _Found | None:
    """"X müsse sich entschuldigen." after a sentence of Y's reported speech:
    Y demands it of X."""
    modals = [t for t in sent if t.tag_.startswith("VM") and (t.lower_ in st.DEMAND_MODALS or t.lower_ in FORBIDDING
                                                              and st._negated(ctx, sent, t.i))]
    if not modals:
        return None
    m = modals[0]
    clause = ctx.clause(sent, m.i)
    subj = st._subjects_in(ctx, sent, clause.start, m.i, exclude=speaker)
    target = subj[0] if subj and not st._located(ctx, subj[0], sent) else None
    if target is None and _impersonal(ctx, clause, m.i):
        return "demand", m.i, None, None  # "Es müssten die Ursachen bekämpft werden", "Man müsse handeln"
    if target is None or _same_side(ctx, target, speaker):
        # "Schüler müssten länger lernen": without a named actor who must,
        # a carried modal describes; of one's own side it is a plan
        return None
    return "demand", m.i, target, None


def _impersonal(ctx: ArticleContext, clause: Span, m: int) -> bool:
    """The modal's subject is "man", "wir" or the expletive "es" right
    before or after it: what must be done, said of nobody in particular."""
    doc = ctx.doc
    near = [doc[k] for k in (m - 1, m + 1) if clause.start <= k < clause.end]
    return any(t.lower_ in IMPERSONAL and t.tag_ in ("PPER", "PIS") for t in near)
