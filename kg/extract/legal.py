"""Legal actions: who did what to whom, of which kind (ontology kg:LegalKinds).

Nouns: "Haftbefehl des Internationalen Strafgerichtshofs gegen Putin",
"Sanktionen unter Führung der USA", "Ermittlungen gegen X", "die Auflösung
des Bataillons X"; verbs, active and passive: "die Behörden nahmen X fest",
"X wurde festgenommen", "ermittelt gegen X"; adjectival participles: "der
festgenommene X", "die verbotene Partei X"; phrases whose words stand
anywhere in one clause: "hob die Immunität von X auf", "X plädierte auf
schuldig". A demand or threat ("fordern die Auflösung") states no action.

The issuer is a named body or state: a genitive after the noun ("des
Gerichtshofs"), the agent of a passive ("von der Polizei"), the subject of
an active clause, a state adjective ("die türkische Justiz"). Where the
text names only an office of the state ("die Staatsanwaltschaft", "die
Behörden") or no one (a passive), a domestic action (an arrest, an
investigation) is the state's where it happens: "in der Türkei", else the
state the target acts for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.context import ArticleContext, MentionSpan, negated, opens_condition
from kg.extract.mentions import body_head
from kg.extract.triggers import (
    ACCUSATIVE_DET,
    PASSIVE_AUXILIARIES,
    actors,
    determiner_before,
    is_nominative,
    preposition_before,
    verb_lemma,
)
from kg.extract.visits import previous_person
from kg.lexicon import INFLECTIONS, TermTable, term_key
from kg.model import Claim, EntityType, FactKind, Role

LEGAL = "legal_actions.v1"
ISSUER_TYPES = (EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.CITY)
# Kinds a party can take itself.
PARTY_KINDS = frozenset({"lawsuit", "impeachment"})
TARGET_TYPES = (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.CITY)
# Kinds a state takes against its own people and bodies: without a named
# issuer they are the state's where they happen.
DOMESTIC = frozenset({"arrest", "arrest_warrant", "investigation", "indictment", "interrogation", "prosecution",
                      "conviction", "acquittal", "release", "immunity_lifted", "travel_ban", "curfew",
                      "dissolution", "ban", "impeachment", "guilty_plea", "deportation"})
# Kinds whose noun takes its target in the genitive ("die Festnahme des
# Generals", "die Auflösung der Partei"); the others take their issuer there
# ("der Haftbefehl des Gerichtshofs", "Ermittlungen der Staatsanwaltschaft").
GENITIVE_TARGET = frozenset({"arrest", "release", "dissolution", "immunity_lifted", "deportation", "interrogation",
                             "acquittal", "impeachment", "ban"})
# Kinds done to people (and groups of them), never to a state or a city:
# "Festnahmen nahe der Elfenbeinküste", "in der Hauptstadt Beirut festgenommen".
PERSONAL = frozenset({"arrest", "arrest_warrant", "interrogation", "indictment", "release", "acquittal",
                      "conviction", "guilty_plea", "travel_ban", "entry_ban", "deportation", "prosecution",
                      "immunity_lifted", "impeachment"})
# Verbs whose subject is the accused: "plädierte auf schuldig", "muss sich
# vor Gericht verantworten", or the one set free: "kam frei".
ACCUSED_SUBJECT = frozenset({"plädieren", "bekennen", "verantworten", "freikommen"})
PRONOUNS = frozenset({"er", "sie", "ihn", "ihm"})
# Object pronouns that can only mean one person: "nahmen ihn fest", "verweigerte ihm".
OBJECT_PRONOUNS = frozenset({"ihn", "ihm"})
# "im Zentrum der Ermittlungen", "im Visier der Justiz": whom it is about.
FOCUS_NOUNS = frozenset({"zentrum", "visier", "mittelpunkt", "fokus"})
# Nouns that stand for a state's government without naming it.
STATE_NOUNS = frozenset({"regime"})
AGENT_PREPS = frozenset({"von", "vom", "durch", "seitens"})
PASSIVE = PASSIVE_AUXILIARIES | {"würde", "würden"}
# Where the issuer of a domestic action is: "in der Türkei".
WHERE = frozenset({"in", "im"})


@dataclass(frozen=True, slots=True)
class LegalTrigger:
    i: int
    kind: str
    form: str  # "noun", "verb", "participle" or "phrase"
    word: str = ""  # the verb's lemma
    nouns: tuple[int, ...] = ()  # a phrase's other words ("Immunität" of "Immunität aufheben")


def extract(ctx: ArticleContext) -> Iterator[Claim]:
    for sent in ctx.sentences:
        seen: set[tuple[str, str, str]] = set()
        for trig in _triggers(ctx, sent):
            for claim in _legal(ctx, sent, trig):
                key = (trig.kind, claim.role(Role.ISSUER)[0].name, claim.role(Role.TARGET)[0].name)
                if key not in seen:
                    seen.add(key)
                    yield claim


# --- triggers ----------------------------------------------------------------

def _triggers(ctx: ArticleContext, sent: Span) -> list[LegalTrigger]:
    kinds = ctx.lexicon.table("legal_kind")
    out: list[LegalTrigger] = []
    for tok in sent:
        if tok.is_space or tok.is_punct:
            continue
        if tok.text[:1].isupper() and tok.tag_ in ("NN", "NE"):
            kind = kinds.match(tok.text)
            if kind is not None:
                out.append(LegalTrigger(tok.i, kind, "noun"))
        elif tok.tag_.startswith("VV"):
            lemma = verb_lemma(tok)
            kind = kinds.exact(lemma) or kinds.exact(tok.lemma_ or "")
            if kind is not None:
                out.append(LegalTrigger(tok.i, kind, "verb", lemma))
        elif tok.tag_ in ("ADJA", "ADJD") and tok.text.islower():
            kind = kinds.exact(tok.lemma_ or "") or kinds.match(tok.text, compounds=False)
            if kind is not None:
                out.append(LegalTrigger(tok.i, kind, "participle"))
    out += _phrase_triggers(ctx, sent, kinds)
    return out


def _phrase_triggers(ctx: ArticleContext, sent: Span, kinds: TermTable) -> list[LegalTrigger]:
    """Forms of several words: every content word in one clause, the last
    one (a verb or the head noun) the trigger."""
    out = []
    # Split the forms and read each token once per sentence, not once per
    # (token, form) pair: this loop is hot at corpus scale.
    phrases = [(words, c) for f, c in kinds.forms if " " in f if (words := [w for w in f.split() if len(w) > 3])]
    keys: dict[int, _TokenKeys] = {}

    def word_is(tok: Token, word: str) -> bool:
        if tok.i not in keys:
            keys[tok.i] = _token_keys(tok)
        return _keys_match(keys[tok.i], word)

    for tok in sent:
        if tok.is_space or tok.is_punct:
            continue
        for words, concept in phrases:
            if not word_is(tok, words[-1]):
                continue
            clause = ctx.clause(sent, tok.i)
            others = [next((t.i for t in clause if t.i != tok.i and word_is(t, w)), None) for w in words[:-1]]
            if all(k is not None for k in others):
                verb = tok.tag_.startswith("VV")
                out.append(LegalTrigger(tok.i, concept, "phrase", verb_lemma(tok) if verb else "",
                                        tuple(k for k in others if k is not None)))
    return out


# A token as a form's word is compared with it: its term key, its tag, and (verbs only)
# its verb lemma and lemma key.
_TokenKeys = tuple[str, str, tuple[str, ...]]


def _token_keys(tok: Token) -> _TokenKeys:
    tag = tok.tag_
    lemmas = (verb_lemma(tok), term_key(tok.lemma_ or "")) if tag.startswith("VV") else ()
    return term_key(tok.text), tag, lemmas


def _keys_match(keys: _TokenKeys, word: str) -> bool:
    key, tag, lemmas = keys
    if key == word or (key.startswith(word) and key[len(word):] in INFLECTIONS and len(word) >= 4):
        return True
    if word.startswith(key) and word[len(key):] in INFLECTIONS and len(key) >= 4:
        return True  # "diplomatischen" ~ "diplomatische"
    if tag == "NN" and len(word) >= 4 and not key.endswith("schaft") \
            and any(key.endswith(word + e) for e in INFLECTIONS):
        return True  # a compound on its head: "aus der Untersuchungshaft entlassen", not "Botschaft"
    return word in lemmas


# --- one action ----------------------------------------------------------------

def _legal(ctx: ArticleContext, sent: Span, trig: LegalTrigger) -> Iterator[Claim]:
    if negated(sent, trig.i, 3):
        return
    clause = ctx.clause(sent, trig.i)
    if _not_done(ctx, sent, clause, trig.i):
        return
    passive = trig.form in ("verb", "phrase") and any(t.lower_ in PASSIVE for t in clause)
    # "von der Polizei festgenommen"; not "am Flughafen von Chicago festgenommen"
    agents = [s for s in actors(ctx, clause, (EntityType.ORGANIZATION, EntityType.COUNTRY))
              if preposition_before(ctx, s, sent) in AGENT_PREPS
              and (passive or trig.form != "phrase")]  # active: "nimmt die Geschäfte von X unter die Lupe"
    target = _target(ctx, sent, clause, trig, passive, exclude=agents)
    if target is not None and trig.kind in PERSONAL and target.type in (EntityType.COUNTRY, EntityType.CITY):
        target = None
    issuer = _issuer(ctx, sent, clause, trig, target, agents, passive)
    if target is None and issuer is not None and not _unnamed_genitive(ctx, sent, trig):
        # "Russland ist ... mit Sanktionen unter Führung der USA konfrontiert";
        # "Putin hat ... besucht; das Strafgericht erließ den Haftbefehl"
        first = actors(ctx, sent, (EntityType.COUNTRY, EntityType.PERSON))
        if first and first[0].start - sent.start <= 2 and first[0].name != issuer.name \
                and not _speaks(ctx, ctx.clause(sent, first[0].start)):
            target = first[0]  # not "X kritisierte, dass ... die Untersuchung ..."
    if target is not None and trig.kind in ctx.lexicon.words("judicial_kinds") and _judicial(ctx, target):
        return  # "Staatsanwalt X führte die Anklage": the prosecutor charges, he is not charged
    if issuer is None or target is None or issuer.name == target.name:
        return
    when = ctx.nearest_date(sent, ctx.doc[trig.i].idx)
    targets = [target, *_coordinated(ctx, target, sent, TARGET_TYPES), *_together_with(ctx, clause, sent, target)]
    issuers = [issuer, *_coordinated(ctx, issuer, sent, ISSUER_TYPES, members=True)]
    among = _among(ctx, sent, trig)
    if among is not None and among.name not in {s.name for s in issuers}:
        issuers.append(among)
    for who in issuers:
        for whom in targets:
            if who.name == whom.name:
                continue
            claim = ctx.claim(FactKind.LEGAL_ACTION, [(Role.ISSUER, who), (Role.TARGET, whom)], sent,
                              when=when.span.start if when else None, extractor=LEGAL,
                              attributes=[("kind", trig.kind)], trigger=trig.i)
            if claim is not None:
                yield claim


def _not_done(ctx: ArticleContext, sent: Span, clause: Span, i: int) -> bool:
    """The action is only asked for, threatened, planned or supposed: "fordern
    die Auflösung", "die angedrohte Klage", "würde ... verbieten", "drängen
    darauf, dass ... eine Begnadigung erfolgt"."""
    not_done = ctx.lexicon.words("not_done_verbs")
    if any(t.i < i and verb_lemma(t) in not_done for t in clause if t.tag_.startswith("VV")):
        return True
    if any(t.lower_ in ctx.lexicon.words("hypothetical_auxiliaries") for t in clause) or _conditional(ctx, sent):
        return True
    doc = ctx.doc
    k = i - 1
    while k >= clause.start and doc[k].tag_ in ("ADJA", "ADV", "ADJD"):
        if doc[k].tag_ == "ADJA" and _stem(doc[k].lower_) in ctx.lexicon.words("unrealised_attributes"):
            return True
        k -= 1
    that = next((t.i for t in reversed(sent[: i - sent.start]) if t.lower_ == "dass"), None)
    if that is None or that - 2 < sent.start:
        return False
    before = ctx.clause(sent, that - 2)
    return any(verb_lemma(t) in not_done for t in before if t.tag_.startswith("VV"))


def _unnamed_genitive(ctx: ArticleContext, sent: Span, trig: LegalTrigger) -> bool:
    """"das Verbot der Gruppen": the noun's genitive names its target, one no
    mention covers, so the subject of the sentence is not it."""
    doc = ctx.doc
    k = trig.i + 1
    if trig.form != "noun" or k >= sent.end or doc[k].lower_ not in ("der", "des"):
        return False
    k += 1
    while k < sent.end and doc[k].tag_ in ("ADJA", "ADV"):
        k += 1
    return k < sent.end and doc[k].tag_ == "NN" and ctx.span_at(k) is None


def _judicial(ctx: ArticleContext, person: MentionSpan) -> bool:
    return person.type is EntityType.PERSON and any(
        person.name in ctx.holders.get(office, ()) for office in ctx.lexicon.words("judicial_offices"))


def _conditional(ctx: ArticleContext, sent: Span) -> bool:
    """"Sollte sie zurückkommen, wird sie verhaftet", "Falls er einreist, ...":
    a sentence that states a condition states no action ("auch wenn" concedes
    one that happened)."""
    words = [t for t in sent if not t.is_space and not t.is_punct]
    if words and words[0].lower_ in ctx.lexicon.words("conditional_inversions"):
        return True
    return any(opens_condition(ctx.lexicon, ctx.clause(sent, t.i)) for t in words
               if t.lower_ in ctx.lexicon.words("conditional_conjunctions"))


def _stem(adjective: str) -> str:
    """"angedrohte" -> "angedroht", "möglichen" -> "möglich"."""
    for ending in ("en", "er", "es", "em", "e"):
        if adjective.endswith(ending) and len(adjective) > len(ending) + 3:
            return adjective[: -len(ending)]
    return adjective


# What may stand between two names joined by "und": "die USA und die EU",
# "seine Ehefrau X und sein ältester Sohn Y".
JOINERS = frozenset({"und", "sowie"})
# Nouns through which a prefix names a body by its members: "EU-Staaten".
MEMBER_NOUNS = ("staaten", "länder", "mitgliedstaaten", "mitgliedsstaaten", "mitgliedsländer", "regierungen")
BETWEEN_JOINED = frozenset({"ART", "PPOSAT", "ADJA", "NN", "KON", "$,"})


def _coordinated(ctx: ArticleContext, span: MentionSpan, sent: Span,
                 types: Iterable[EntityType], *, members: bool = False) -> list[MentionSpan]:
    """The names of ``types`` joined to ``span`` by "und" or "sowie", in either
    order; with ``members``, also a body named through its member states
    ("die USA und die EU-Staaten")."""
    doc = ctx.doc
    out = []
    spans = ctx.spans_in(sent, types, names_only=True)
    if members:
        spans += [s for s in ctx.spans_in(sent, types) if s.prefix and s.type is EntityType.ORGANIZATION
                  and term_key(doc[s.end - 1].text).endswith(MEMBER_NOUNS)]
    for s in spans:
        lo, hi = (span.end, s.start) if s.start >= span.end else (s.end, span.start)
        if s is span or s.name == span.name or hi < lo or hi - lo > 4 or s.type is not span.type \
                and EntityType.PERSON in (s.type, span.type):
            continue
        between = doc[lo:hi]
        if any(t.lower_ in JOINERS for t in between) and all(t.tag_ in BETWEEN_JOINED for t in between):
            out.append(s)
    return out


def _together_with(ctx: ArticleContext, clause: Span, sent: Span, target: MentionSpan) -> list[MentionSpan]:
    """"Zusammen mit X sollen auch Y angeklagt werden": X shares the action."""
    doc = ctx.doc

    def joined(s: MentionSpan) -> bool:
        k = s.start - 1
        while k > clause.start and s.start - k <= 4 and doc[k].tag_ in ("ART", "ADJA", "NN", "PPOSAT"):
            k -= 1  # "mit dem Minister X", "mit seiner Frau X"
        return k > clause.start and doc[k].lower_ == "mit" and doc[k - 1].lower_ in ("zusammen", "gemeinsam")

    return [s for s in ctx.spans_in(sent, (EntityType.PERSON,)) if clause.start <= s.start < clause.end
            and s.name != target.name and joined(s)]


def _among(ctx: ArticleContext, sent: Span, trig: LegalTrigger) -> MentionSpan | None:
    """"mehrere Untersuchungen, darunter (auch) eine des Rechnungshofs": the
    body behind one of several actions."""
    doc = ctx.doc
    if trig.form != "noun":
        return None
    k = trig.i + 1
    if k < sent.end and doc[k].text == ",":
        k += 1
    if k >= sent.end or doc[k].lower_ != "darunter":
        return None
    for s in actors(ctx, sent, ISSUER_TYPES):
        between = doc[k + 1:s.start]
        if 0 < s.start - k <= 6 and any(t.tag_ == "PIS" for t in between) \
                and all(t.tag_ in ("ADV", "PIS", "ART", "NN") for t in between):
            return s
    return None


def _target(ctx: ArticleContext, sent: Span, clause: Span, trig: LegalTrigger, passive: bool, *,
            exclude: list[MentionSpan]) -> MentionSpan | None:
    doc = ctx.doc
    skip = {id(s) for s in exclude}
    if trig.kind == "curfew":
        # "verhängten Ausgangssperren im Südosten des Landes"
        return next((s for s in ctx.spans_in(sent, (EntityType.PLACE, EntityType.CITY, EntityType.COUNTRY),
                                             names_only=True)
                     if s.start > trig.i and preposition_before(ctx, s, sent) in ("in", "im", "über")), None)
    if trig.word in ACCUSED_SUBJECT:
        return _subject(ctx, clause, trig.i, (EntityType.PERSON, EntityType.ORGANIZATION), skip)
    against = _against(ctx, sent, clause, trig.i)
    if against is not None:
        return against
    if trig.kind == "severance_of_diplomatic_relations":
        return next((s for s in actors(ctx, clause, TARGET_TYPES)
                     if preposition_before(ctx, s, sent) in ("zu", "mit")), None)
    if trig.form == "noun":
        focus = _in_focus(ctx, sent, clause, trig.i)
        if focus is not None:
            return focus
        if trig.i > clause.start and doc[trig.i - 1].lower_ in ("in", "unter") or \
                trig.i > clause.start + 1 and doc[trig.i - 2].lower_ in ("in", "unter") and doc[trig.i - 1].tag_ == "ART":
            # "X sitzt in Untersuchungshaft", "steht unter Hausarrest"
            return _subject(ctx, clause, trig.i, (EntityType.PERSON,), skip)
        return _noun_target(ctx, sent, trig)
    for k in trig.nouns:
        # "hob die Immunität von X auf": the phrase's noun takes the target
        found = _noun_target(ctx, sent, LegalTrigger(k, trig.kind, "noun"))
        if found is not None:
            return found
    if trig.form == "participle":
        if doc[trig.i].tag_ == "ADJD":  # "die Partei ist verboten"
            return _subject(ctx, clause, trig.i, TARGET_TYPES, skip)
        # "der am Montag festgenommene Bandenchef X", "der verbotenen Partei X (Y)"
        for k in range(trig.i + 1, min(sent.end, trig.i + 8)):
            span = _name_at(ctx, k)  # "der aufgelösten Novak-Partei" is the party, not the man
            if span is not None and span.type in (EntityType.PERSON, EntityType.ORGANIZATION):
                return span
            if doc[k].tag_ not in ("ADJA", "NN", "NE", "$(", "ART") and ctx.span_at(k) is None:
                return None
        return None
    if trig.kind == "investigation":
        # "ermittelt" needs "gegen": "ermittelte die Ursache" is no investigation;
        # "nahm die Geschäfte von X unter die Lupe" names what is examined, and whose
        return _examined(ctx, sent, clause, trig, skip) if trig.form == "phrase" else None
    if passive:
        return _subject(ctx, clause, trig.i, TARGET_TYPES, skip) or _antecedent(ctx, sent, clause) \
            or _pronoun(ctx, sent, clause)
    subject = _subject(ctx, clause, trig.i, (*ISSUER_TYPES, EntityType.PERSON), skip,
                       first=_verb_final(ctx, clause, trig.i))
    for s in actors(ctx, clause, TARGET_TYPES):
        if s is subject or id(s) in skip or preposition_before(ctx, s, sent) is not None:
            continue
        det = determiner_before(ctx, s, clause)
        if det is None or det in ACCUSATIVE_DET or det in ("die", "das") and subject is not None \
                and s.start > subject.start:
            return s  # "Kanada verbot die Partei": after the subject, "die" is accusative
        if subject is None and trig.i < s.start and _names_body(ctx, doc[trig.i + 1 : s.start]):
            return s  # "nahm die Polizei X fest": the article is the body's, X the object
    return _object_pronoun(ctx, sent, clause)


def _examined(ctx: ArticleContext, sent: Span, clause: Span, trig: LegalTrigger, skip: set[int]) -> MentionSpan | None:
    """The object of an examining phrase, or the owner "von X" of the thing
    examined, before the phrase's first word."""
    end = min(trig.nouns, default=clause.end)
    for s in actors(ctx, clause, TARGET_TYPES):
        if id(s) in skip or not s.start < end:
            continue
        prep = preposition_before(ctx, s, sent)
        if prep in ("von", "vom"):
            p = s.start - 1
            while p > clause.start and ctx.doc[p].tag_ in ("ART", "ADJA"):
                p -= 1
            if p > clause.start and ctx.doc[p - 1].tag_ == "NN":
                return s  # "die Steuerdeals von X"
        if prep is None and determiner_before(ctx, s, clause) in (None, *ACCUSATIVE_DET) and s.start > trig.i:
            return s
    return None


def _verb_final(ctx: ArticleContext, clause: Span, i: int) -> bool:
    """"hat die Partei verboten", "dass X die Partei verbot": the verb closes
    the clause, and the subject is the first of the names before it."""
    rest = [t for t in ctx.doc[i + 1:clause.end] if not t.is_space and not t.is_punct]
    return ctx.doc[i].tag_ in ("VVPP", "VVINF", "VVIZU") or not rest or rest[0].tag_.startswith(("VA", "VM"))


def _object_pronoun(ctx: ArticleContext, sent: Span, clause: Span) -> MentionSpan | None:
    """"nahmen ihn fest", "verweigerte ihm die Einreise": the one person of
    the sentence before; "haben sie mich festgenommen, sagte X": the speaker."""
    words = {t.lower_ for t in clause if t.tag_ in ("PPER", "PRF")}
    if "mich" in words:
        return _speaker(ctx, sent)
    if words & OBJECT_PRONOUNS and not actors(ctx, clause, (EntityType.PERSON,)):
        return previous_person(ctx, sent)
    return None


def _speaker(ctx: ArticleContext, sent: Span) -> MentionSpan | None:
    """Who says the quote the sentence opens with: "..., sagte X"."""
    speech = ctx.lexicon.verbs(FactKind.STATEMENT)
    verb = next((t for t in sent if t.tag_.startswith("VV") and verb_lemma(t) in speech
                 and t.i > sent.start and ctx.doc[t.i - 1].text == ","), None)
    if verb is None:
        return None
    return next((s for s in actors(ctx, sent, (EntityType.PERSON,)) if 0 < s.start - verb.i <= 6), None)


def _destinations(ctx: ArticleContext, sent: Span) -> set[str]:
    """The states the sentence names as where someone goes: "nach X"."""
    states = (ctx.country_of(s) for s in ctx.spans_in(sent) if preposition_before(ctx, s, sent) == "nach")
    return {s.name for s in states if s is not None}


def _antecedent(ctx: ArticleContext, sent: Span, clause: Span) -> MentionSpan | None:
    """The name a relative clause hangs on: "X, der in Y verhaftet wurde"."""
    doc = ctx.doc
    if doc[clause.start].tag_ != "PRELS" or clause.start - 2 < sent.start:
        return None
    before = ctx.span_at(clause.start - 2)
    if before is not None and before.type in TARGET_TYPES and not before.adjective and not before.prefix:
        return before
    return None


def _owner(ctx: ArticleContext, sent: Span, i: int) -> MentionSpan | None:
    """Whom "seine", "ihre" before the noun at i stand for: "X, das sich seiner
    Auflösung widersetzt" (a relative clause's antecedent), "X kämpft gegen
    ihre Festnahme" (the subject), else the one person of the sentence before."""
    doc = ctx.doc
    clause = ctx.clause(sent, i)
    antecedent = _antecedent(ctx, sent, clause)
    if antecedent is not None:
        return antecedent
    subject = _subject(ctx, clause, i, TARGET_TYPES, set())
    if subject is not None and subject.end <= i:
        return subject
    det = next(t for t in reversed(doc[sent.start:i]) if not t.is_space)
    if det.lower_.startswith("sein") and not actors(ctx, clause, TARGET_TYPES):
        return previous_person(ctx, sent)  # not "ihre": it may be many
    return None


def _against(ctx: ArticleContext, sent: Span, clause: Span, i: int) -> MentionSpan | None:
    """Whom the "gegen" of the trigger's clause names: "gegen den Chef der
    Partei X, Y," is against Y; a state adjective before a government noun
    ("gegen die bayerische Landesregierung") is that government."""
    doc = ctx.doc
    gegen = [t.i for t in clause if t.lower_ == "gegen"]
    if not gegen:
        # "Gegen X, der ..., laufen Ermittlungen": a sentence-initial "gegen"
        # whose phrase a relative clause interrupts
        opening = next((t for t in sent if not t.is_space and t.i not in ctx.dateline), None)
        if opening is None or opening.lower_ != "gegen" or opening.i >= clause.start:
            return None
        gegen = [opening.i]
    g = min(gegen, key=lambda k: abs(k - i))
    if g + 1 < sent.end and doc[g + 1].tag_ in ("PPER", "PRF") and doc[g + 1].lower_ in PRONOUNS:
        return previous_person(ctx, sent)  # "Gegen sie laufen Ermittlungen"
    first: MentionSpan | None = None
    k = g + 1
    while k < min(sent.end, g + 15):
        t = doc[k]
        span = ctx.span_at(k)
        if span is not None and span.start == k:
            if span.type is EntityType.PERSON and not span.adjective:
                return span
            if first is None and span.type in TARGET_TYPES and not span.prefix:
                if not span.adjective:
                    first = span
                elif span.end < sent.end and doc[span.end].tag_ == "NN" and span.type is EntityType.COUNTRY:
                    first = span  # "gegen die russische Regierung"
            k = span.end
            continue
        if t.tag_.startswith(("VV", "VA", "VM")) or t.tag_ in ("KOUS", "PRELS", "$.", "APPR", "APPRART"):
            break  # the phrase after "gegen" ends at a verb, a new clause or a new preposition
        if first is None and t.tag_ == "NN" and term_key(t.text) in STATE_NOUNS:
            # "Sanktionen gegen das Regime": the state named last before, outside the clause
            return _last_state(ctx, clause.start)
        k += 1
    return first


def _name_at(ctx: ArticleContext, i: int) -> MentionSpan | None:
    """The name (not a prefix or adjective) over token i."""
    return next((s for s in ctx.spans if s.start <= i < s.end and not s.prefix and not s.adjective), None)


def _in_focus(ctx: ArticleContext, sent: Span, clause: Span, i: int) -> MentionSpan | None:
    """"Im Zentrum der Ermittlungen steht X", "ins Visier der Ermittlungen
    geraten ist X": the one the action is about is the clause's subject."""
    doc = ctx.doc
    if i - 2 < clause.start or doc[i - 1].tag_ != "ART" or term_key(doc[i - 2].text) not in FOCUS_NOUNS:
        return None
    return next((s for s in actors(ctx, clause, (EntityType.PERSON, EntityType.ORGANIZATION))
                 if s.start > i and preposition_before(ctx, s, sent) is None
                 and determiner_before(ctx, s, clause) not in ("den", "dem", "des")), None)


def _last_state(ctx: ArticleContext, i: int) -> MentionSpan | None:
    """The state the last country name or adjective before token i stands
    for, if it stands in i's sentence or the one before."""
    starts = [s.start for s in ctx.sentences if s.start <= i]
    floor = starts[-2] if len(starts) >= 2 else 0
    states = [s for s in ctx.spans if floor <= s.start and s.end <= i and s.type is EntityType.COUNTRY]
    return max(states, key=lambda s: s.start, default=None)


def _pronoun(ctx: ArticleContext, sent: Span, clause: Span) -> MentionSpan | None:
    """"wurde er festgenommen": the one person of the sentence before."""
    if actors(ctx, clause, (EntityType.PERSON,)):
        return None
    words = {t.lower_ for t in clause if t.tag_ == "PPER"}
    if "ich" in words:
        return _speaker(ctx, sent)  # "wurde ich festgenommen, sagte X"
    if words & {"er", "sie"}:
        return previous_person(ctx, sent)
    return None


def _noun_target(ctx: ArticleContext, sent: Span, trig: LegalTrigger) -> MentionSpan | None:
    doc = ctx.doc
    if trig.kind in GENITIVE_TARGET:
        det = next((t for t in reversed(doc[sent.start:trig.i]) if not t.is_space), None)
        if det is not None and det.tag_ == "PPOSAT" and det.lower_.startswith(("sein", "ihr")):
            return _owner(ctx, sent, trig.i)
        # "Rousseffs Amtsenthebung"
        before = ctx.span_at(trig.i - 1) if trig.i > sent.start else None
        if before is not None and before.type in TARGET_TYPES and before.mention.text.endswith("s") \
                and not before.adjective and before.mention.name != before.mention.text:
            return before
        # "die Festnahme des Generals X", "die Immunität von X", "die Auflösung des Bataillons X"
        for s in actors(ctx, sent, TARGET_TYPES):
            if 0 < s.start - trig.i <= 4 and preposition_before(ctx, s, sent) in (None, "von") \
                    and doc[trig.i + 1].lower_ in ("des", "der", "von", "vom"):
                return s
    if trig.kind == "investigation":
        # "Ermittlungen zu X"
        return next((s for s in actors(ctx, sent, (EntityType.PERSON, EntityType.ORGANIZATION))
                     if 0 < s.start - trig.i <= 4 and preposition_before(ctx, s, sent) in ("zu", "zum", "zur")), None)
    return None


def _spoken_of(ctx: ArticleContext, clause: Span, trig: LegalTrigger) -> bool:
    """"X hat das Urteil kritisiert", "X begrüßte die Sanktionen": a noun that
    is the object of a speech or stance verb is talked about, not issued by
    the verb's subject."""
    return trig.form == "noun" and _speaks(ctx, clause)


def _speaks(ctx: ArticleContext, clause: Span) -> bool:
    stances, speech = ctx.lexicon.table("stance"), ctx.lexicon.verbs(FactKind.STATEMENT)
    return any(t.tag_.startswith("VV") and (verb_lemma(t) in speech or stances.match(verb_lemma(t), compounds=False)
                                            or stances.exact(f"sich {verb_lemma(t)}"))  # "sprach sich für ... aus"
               for t in clause)


def _subject(ctx: ArticleContext, clause: Span, i: int, types: Iterable[EntityType],
             skip: set[int], *, first: bool = False) -> MentionSpan | None:
    candidates = [s for s in actors(ctx, clause, types) if id(s) not in skip and is_nominative(ctx, s, clause)]
    before = [s for s in candidates if s.end <= i]
    if before:
        return before[0] if first else before[-1]
    if _unnamed_body_first(ctx, clause, i):
        return None  # "Die Polizei nahm X fest": the body is the subject, X the object
    # verb-second with the subject after the verb: "ermittelt die Staatsanwaltschaft"
    # ("nahm die Polizei X fest": the unnamed body before X is the subject)
    after = [s for s in candidates if 0 < s.start - i <= 3
             and not _names_body(ctx, ctx.doc[i + 1 : s.start])]
    return after[0] if after else None


def _unnamed_body_first(ctx: ArticleContext, clause: Span, i: int) -> bool:
    """The clause opens with a state body no name gives ("Die Polizei",
    "Die Behörden"), before the verb at ``i``."""
    front = [t for t in ctx.doc[clause.start : i] if not t.is_punct and not t.is_space and t.i not in ctx.dateline]
    return bool(front) and front[0].tag_ == "ART" and all(t.tag_ in ("ART", "ADJA", "NN") for t in front) \
        and _names_body(ctx, front)


def _names_body(ctx: ArticleContext, tokens: Iterable[Token]) -> bool:
    """One of the tokens is the head noun of a state body ("Polizei", "Staatsanwaltschaft")."""
    return any(body_head(t, ctx.gazetteer.body_heads) is not None for t in tokens)


def _issuer(ctx: ArticleContext, sent: Span, clause: Span, trig: LegalTrigger, target: MentionSpan | None,
            agents: list[MentionSpan], passive: bool) -> MentionSpan | None:
    issuer = _issuer_named(ctx, sent, clause, trig, target, agents, passive)
    # a party may sue or move to impeach, but holds no inquiry, court or
    # police: "Senator der Partei X, ... Ermittlungen" are not the party's
    if issuer is not None and trig.kind not in PARTY_KINDS and ctx.is_party(issuer):
        return None
    return issuer


def _issuer_named(ctx: ArticleContext, sent: Span, clause: Span, trig: LegalTrigger, target: MentionSpan | None,
                  agents: list[MentionSpan], passive: bool) -> MentionSpan | None:
    doc = ctx.doc
    i = trig.i
    tname = target.name if target is not None else None
    candidates = [s for s in actors(ctx, sent, ISSUER_TYPES) if s.name != tname]  # no party in brackets
    if trig.form == "noun" and trig.kind not in GENITIVE_TARGET:
        # "Haftbefehl des IStGH", "Sanktionen unter Führung der USA": a genitive after
        after = [s for s in candidates if 0 < s.start - i <= 5 and all(t.text != "," for t in doc[i:s.start])
                 and preposition_before(ctx, s, sent, gap=5) not in ("gegen", "in", "im", "nach", "zu", "zum", "zur",
                                                                     "wegen", "für", "mit", "an", "auf")]
        if after:
            return after[0]
    agent = next((s for s in agents if s.name != tname), None)
    if agent is not None:
        return agent
    if trig.word not in ACCUSED_SUBJECT and not passive and not _spoken_of(ctx, clause, trig):
        # "erließ der IStGH einen Haftbefehl", "die EU verhängte Sanktionen", "Israel verweigerte ..."
        scope = clause if trig.form != "noun" else sent
        subject = _subject(ctx, scope, i, (*ISSUER_TYPES, EntityType.PERSON),
                           {id(target)} if target is not None else set())
        if subject is not None and subject.name != tname and (subject.end <= i or trig.form != "noun"):
            state = subject if subject.type is not EntityType.PERSON else ctx.country_of(subject)
            if state is not None and state.name != tname:
                return state
    # "US-Sanktionen gegen X", "die türkische Justiz", "russische Sanktionen"
    here = ctx.span_at(i)
    if here is not None and here.prefix and here.type in ISSUER_TYPES and here.name != tname and target is not None:
        return here
    for k in range(max(clause.start, i - 6), i):
        s = ctx.span_at(k)
        if s is not None and s.adjective and s.type is EntityType.COUNTRY and s.end < len(doc) \
                and doc[s.end].tag_ in ("NN", "NE") and s.name != tname:
            return s
    if trig.kind not in DOMESTIC or target is None or trig.form == "phrase" and trig.kind == "investigation":
        return None  # "nimmt die Geschäfte von X in Y unter die Lupe": Y is not who examines
    # the state where it happens (nearest the trigger), else the target's
    where = WHERE | {"aus"} if trig.kind == "deportation" else WHERE  # "aus X abgeschoben", not "nach X"
    places = [s for s in ctx.spans_in(sent, (EntityType.COUNTRY, EntityType.CITY, EntityType.PLACE), names_only=True)
              if preposition_before(ctx, s, sent) in where]
    for s in sorted(places, key=lambda s: (not clause.start <= s.start < clause.end, abs(s.start - i))):
        state = ctx.country_of(s)
        if state is not None and state.type is EntityType.COUNTRY and state.name != tname:
            return state
    # not where one is deported to: "nach X abgeschoben"
    away = _destinations(ctx, sent) if trig.kind == "deportation" else set()
    state = ctx.country_of(target) if target.type is not EntityType.COUNTRY else None
    if state is not None and state.type is EntityType.COUNTRY and state.name != tname and state.name not in away:
        return state
    # the state the article is about
    return next((s for s in ctx.main_states() if s.name != tname and s.name not in away), None)
