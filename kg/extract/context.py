"""What every extractor needs about one article: entity mentions on tokens,
dates and amounts on characters, sentences, and helpers to look around a
trigger word in German word order.

German news states facts in verb-second main clauses ("Putin besuchte am
Donnerstag Vietnam"), verb-final subordinate clauses ("..., dass Putin
Vietnam besuchte"), passives ("wurde ... empfangen") and nominal phrases
("bei seinem Besuch in Vietnam"). No parser is available, so the helpers
work on sentence windows, prepositions, STTS tags and entity spans.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from kg.gazetteer import Gazetteer, GazetteerEntry
from kg.lexicon import Lexicon
from kg.model import Article, Claim, EntityType, Evidence, FactKind, Mention, PartialDate, Role
from kg.normalize import AmountMatch, DateMatch

ACTOR_TYPES = frozenset({EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.CITY})
STATE_TYPES = frozenset({EntityType.COUNTRY, EntityType.CITY})
PLACE_TYPES = frozenset({EntityType.COUNTRY, EntityType.CITY, EntityType.PLACE})
# Verbs whose infinitive complement is a plan: "soll ... treffen".
PLAN_VERBS = frozenset({"sollen", "wollen", "planen", "beabsichtigen", "vorhaben"})
NEGATIONS = frozenset({"nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals"})
# "wollten eigentlich unterzeichnen": an intention the text marks as unfulfilled.
UNREAL = frozenset({"eigentlich", "ursprünglich", "angeblich"})


@dataclass(frozen=True, slots=True)
class MentionSpan:
    """A mention located on tokens. ``adjective`` marks "russische" (an
    attribute of something else, not a name); ``prefix`` marks the first part
    of a compound ("US-" of "US-Präsident")."""

    start: int
    end: int
    mention: Mention
    entry: GazetteerEntry | None = None
    adjective: bool = False
    prefix: bool = False

    @property
    def type(self) -> EntityType:
        return self.mention.type

    @property
    def name(self) -> str:
        return self.mention.name


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """The frozen view of one article every extractor reads: its Doc, its
    mentions, dates and amounts, and (after coreference) whom each person
    acts for. Extractors are pure functions of it; a later stage that knows
    more makes a new view (:meth:`with_coreference`), never edits this one."""

    doc: Doc
    article: Article
    gazetteer: Gazetteer
    lexicon: Lexicon
    spans: tuple[MentionSpan, ...] = ()
    dates: tuple[DateMatch, ...] = ()
    amounts: tuple[AmountMatch, ...] = ()
    # person name -> the state or body the article says they act for
    affiliation: Mapping[str, MentionSpan] = field(default_factory=lambda: MappingProxyType({}))
    # office concept -> the people the article's role facts say hold it
    holders: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    # Lookups built once: every extractor asks them for every token.
    _sentences: list[Span] = field(init=False, repr=False, compare=False)
    _sentence_starts: list[int] = field(init=False, repr=False, compare=False)
    _by_token: dict[int, MentionSpan] = field(init=False, repr=False, compare=False)
    # tokens of datelines ("Genf – ...", "London/Brüssel – ..."): where the
    # report was filed, not who acts in it
    dateline: frozenset[int] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        sentences = list(self.doc.sents)
        spans = tuple(sorted(self.spans, key=lambda s: (s.start, -s.end)))
        by_token: dict[int, MentionSpan] = {}
        for s in spans:
            for i in range(s.start, s.end):
                by_token.setdefault(i, s)
        setattr_ = object.__setattr__  # frozen: derived fields are set once, here
        setattr_(self, "spans", spans)
        setattr_(self, "dates", tuple(self.dates))
        setattr_(self, "amounts", tuple(self.amounts))
        setattr_(self, "affiliation", MappingProxyType(dict(self.affiliation)))
        setattr_(self, "holders", MappingProxyType(dict(self.holders)))
        setattr_(self, "_sentences", sentences)
        setattr_(self, "_sentence_starts", [s.start for s in sentences])
        setattr_(self, "_by_token", by_token)
        setattr_(self, "dateline", frozenset(i for s in sentences for i in _dateline_tokens(s)))

    @property
    def published(self) -> PartialDate | None:
        return self.article.published

    @property
    def sentences(self) -> list[Span]:
        return self._sentences

    def with_coreference(self, spans: Iterable[MentionSpan], affiliation: Mapping[str, MentionSpan],
                         holders: Mapping[str, frozenset[str]] | None = None) -> ArticleContext:
        """The same article seen with what coreference adds: office phrases
        as person mentions, the states people act for, who holds which office."""
        return replace(self, spans=tuple(spans), affiliation=affiliation,
                       holders=self.holders if holders is None else holders)

    # --- mentions -------------------------------------------------------
    def spans_in(self, sent: Span, types: Iterable[EntityType] | None = None, *,
                 names_only: bool = False) -> list[MentionSpan]:
        wanted = frozenset(types) if types is not None else None
        return [
            s for s in self.spans
            if sent.start <= s.start and s.end <= sent.end
            and (wanted is None or s.type in wanted)
            and not (names_only and (s.adjective or s.prefix))
            and s.start not in self.dateline
        ]

    def span_at(self, i: int) -> MentionSpan | None:
        return self._by_token.get(i)

    def country_of(self, span: MentionSpan) -> MentionSpan | None:
        """The state an entity stands for: itself for a state, the
        affiliation for a person or a body part of a state."""
        if span.type is EntityType.COUNTRY:
            return span
        if span.type is EntityType.PERSON and span.name in self.affiliation:
            state = self.affiliation[span.name]
            return state if state.type is EntityType.COUNTRY else None  # a party member speaks for no state
        if span.entry and (span.entry.part_of or span.entry.located_in):
            key = span.entry.part_of or span.entry.located_in
            entry = self.gazetteer.get(key) if key else None
            if entry is not None and entry.type is EntityType.COUNTRY:
                return self.synthetic(span, entry)
        return None

    def is_party(self, org: MentionSpan) -> bool:
        """A political party: the gazetteer says so, its name ends in
        "Partei", or somewhere in the article it is called one ("die Partei
        ABC", "die ABC-Partei") or stands in brackets after a person's name."""
        if org.type is not EntityType.ORGANIZATION:
            return False
        if org.entry is not None and org.entry.kind == "party" or org.name.lower().endswith("partei"):
            return True
        doc = self.doc
        for s in self.spans:
            if s.name != org.name:
                continue
            before = doc[s.start - 1] if s.start > 0 else None
            if before is not None and before.lower_.endswith("partei"):
                return True
            if s.prefix and doc[s.start].text.lower().endswith("-partei"):
                return True
            if before is not None and before.text == "(" and s.start > 1:
                name = self.span_at(s.start - 2)
                if name is not None and name.type is EntityType.PERSON:
                    return True
        return False

    def synthetic(self, span: MentionSpan, entry: GazetteerEntry) -> MentionSpan:
        """A mention of ``entry`` located where ``span`` is (a capital that
        stands for its state, a body's state)."""
        m = Mention(span.mention.text, entry.type, span.mention.evidence, norm=entry.label)
        return MentionSpan(span.start, span.end, m, entry, adjective=True)

    def clause(self, sent: Span, i: int) -> Span:
        """The stretch of the sentence between the punctuation around token i
        (German marks every clause boundary with a comma)."""
        doc = self.doc
        lo = i
        while lo > sent.start and (doc[lo - 1].text not in (",", ";", ":") or _inner_comma(doc, lo - 1, sent)):
            lo -= 1
        hi = i
        while hi + 1 < sent.end and (doc[hi + 1].text not in (",", ";", ":", ".") or _inner_comma(doc, hi + 1, sent)):
            hi += 1
        return doc[lo : hi + 1]

    def main_states(self) -> list[MentionSpan]:
        """The states an article is about, most present first: named, as
        adjectives, through their capitals and through the people acting for
        them. "Das Land", "die beiden Länder" refer to them."""
        return [mentions[0] for mentions in self.state_mentions()]

    def state_mentions(self) -> list[list[MentionSpan]]:
        """The mentions of each state the article names, the most named
        state first (ties: the first named)."""
        counts: dict[str, list[MentionSpan]] = {}
        for s in self.spans:
            state = self.country_of(s)
            if state is not None and state.type is EntityType.COUNTRY:
                counts.setdefault(state.name, []).append(state)
        return sorted(counts.values(), key=lambda v: (-len(v), v[0].start))

    # --- dates and amounts ----------------------------------------------
    def dates_in(self, sent: Span) -> list[DateMatch]:
        return [d for d in self.dates if sent.start_char <= d.start < sent.end_char]

    def amounts_in(self, sent: Span) -> list[AmountMatch]:
        return [a for a in self.amounts if sent.start_char <= a.start < sent.end_char]

    def nearest_date(self, sent: Span, char: int) -> DateMatch | None:
        """The date nearest to ``char`` in the same clause: "besucht, darunter
        China; das Gericht erließ ... im März 2023" does not date the visit."""
        text = self.doc.text
        dates = [d for d in self.dates_in(sent)
                 if ";" not in text[min(d.start, char) : max(d.start, char)]
                 and not self._in_other_relative_clause(sent, d.start, char)]
        return min(dates, key=lambda d: abs(d.start - char)) if dates else None

    def _in_other_relative_clause(self, sent: Span, start: int, char: int) -> bool:
        # "X, die seit 2010 im Amt ist, kritisierte ...": the date dates the relative clause only.
        # A relative clause after the anchor may tell the event itself ("der Pakt, den X am
        # Mittwoch unterzeichnete"), so only one that ends before it is set aside.
        tok = next((t for t in sent if t.idx + len(t.text) > start), None)
        if tok is None:
            return False
        clause = self.clause(sent, tok.i)
        return is_relative_clause(clause) and clause.end_char <= char

    def _planned(self, sent: Span, i: int) -> bool:
        """"soll ... treffen", "will ... reisen", "plant ... zu besuchen": an
        infinitive under a verb of intention states a plan, not an event."""
        tok = self.doc[i]
        if tok.tag_ not in ("VVINF", "VVIZU") and not (tok.tag_ == "NN" and tok.i > sent.start):
            return False
        return any(t.lemma_ in PLAN_VERBS for t in self.clause(sent, i) if t.i < i)

    def sentence_index(self, sent: Span) -> int:
        """The number of the sentence that ``sent`` starts in."""
        return bisect_right(self._sentence_starts, sent.start) - 1

    def first_word(self, span: Span) -> Token | None:
        """The first word of ``span`` that is no punctuation, space or dateline."""
        return next((t for t in span if not t.is_space and not t.is_punct and t.i not in self.dateline), None)

    def next_sentence(self, sent: Span) -> Span | None:
        k = self.sentence_index(sent) + 1
        while k < len(self._sentences):
            if self._sentences[k].text.strip():
                return self._sentences[k]
            k += 1
        return None

    def continued_date(self, sent: Span) -> DateMatch | None:
        """The date of the next sentence when that sentence goes on about
        the same actor without naming him ("Der Topdiplomat ... soll von
        Freitag bis Samstag ...", "Er wird am Montag ..."): its subject is a
        pronoun or an office noun, and it names no person."""
        nxt = self.next_sentence(sent)
        if nxt is None:
            return None
        first = [t for t in nxt if not t.is_space][:2]
        # the subject itself may be linked to a person already ("Der Chefdiplomat" -> X)
        if any(s.start != first[0].i for s in self.spans_in(nxt, (EntityType.PERSON,))):
            return None
        offices = self.lexicon.table("office")
        anaphoric = first and (first[0].tag_ == "PPER" or (
            first[0].tag_ == "ART" and len(first) > 1 and offices.match(first[1].text) is not None))
        dates = [d for d in self.dates_in(nxt) if d.relative and d.span.start is not None]
        return dates[0] if anaphoric and dates else None

    def reference_date(self, sent: Span) -> DateMatch | None:
        """The narrative time a sentence without a date of its own goes on
        in: the last relative date ("am Mittwoch", "am Vortag") of the
        sentence before. Absolute dates there ("im Jahr 2022") are facts
        about something else, not the story's time."""
        k = self.sentence_index(sent)
        while k > 0:
            k -= 1
            previous = self._sentences[k]
            if previous.text.strip():
                relative = [d for d in self.dates_in(previous) if d.relative and d.span.start is not None]
                return relative[-1] if relative else None
        return None

    # --- evidence and claims --------------------------------------------
    def evidence(self, start_char: int, end_char: int) -> Evidence:
        sent = self.doc.char_span(start_char, end_char, alignment_mode="expand")
        index = self.sentence_index(sent) if sent is not None and len(sent) else -1
        s = self._sentences[index] if index >= 0 else None
        index = max(index, 0)
        return Evidence(
            doc_id=self.article.doc_id, start=start_char, end=end_char, sentence=index,
            sent_start=s.start_char if s is not None else start_char,
            sent_end=s.end_char if s is not None else end_char,
        )

    def claim(self, kind: FactKind, roles: Iterable[tuple[Role, MentionSpan | None]], sent: Span, *,
              when: PartialDate | None = None, until: PartialDate | None = None,
              attributes: Iterable[tuple[str, str | None]] = (), extractor: str,
              trigger: int | None = None, confidence: float = 0.7) -> Claim | None:
        """Build a claim; None if no role is filled (callers pass None for an
        unfilled role). Its evidence is the stretch of the sentence from the
        first to the last of its trigger word and role mentions."""
        roles = list(roles)
        spans = [s for _, s in roles if s is not None]
        if not spans:
            return None
        roles_of: dict[str, set[Role]] = {}
        for r, s in roles:
            if s is not None:
                roles_of.setdefault(s.name, set()).add(r)
        if any(len(rs) > 1 for rs in roles_of.values()):
            return None  # one entity in two roles ("wo er ... empfing", er = the visitor): a misreading
        kept = tuple((r, s.mention) for r, s in roles if s is not None)
        attrs = tuple((k, v) for k, v in attributes if v not in (None, ""))
        if trigger is not None and self._planned(sent, trigger):
            attrs += (("planned", "true"),)
        tokens = [i for s in spans if sent.start <= s.start < sent.end for i in (s.start, s.end - 1)]
        if trigger is not None:
            tokens.append(trigger)
        if tokens:
            first, last = self.doc[min(tokens)], self.doc[max(tokens)]
            start, end = first.idx, last.idx + len(last.text)
        else:
            start, end = sent.start_char, sent.end_char
        return Claim(
            kind=kind, roles=kept, when=when, until=until, attributes=attrs,
            evidence=self.evidence(start, end), extractor=extractor, confidence=confidence,
        )


def is_relative_clause(clause: Span) -> bool:
    """A relative clause: "der ...", "mit dem ...", "dessen ..."."""
    words = [t for t in clause if not t.is_punct and not t.is_space]
    if not words:
        return False
    if words[0].tag_ in ("PRELS", "PRELAT"):
        return True
    return len(words) > 1 and words[0].tag_ in ("APPR", "APPRART") and words[1].tag_ in ("PRELS", "PRELAT")


def _inner_comma(doc: Doc, k: int, sent: Span) -> bool:
    """A comma inside a phrase, not between clauses: a word said twice
    ("als sehr, sehr ernste Gefahr") or attributive adjectives in a row
    ("eine ernste, gefährliche Lage")."""
    if doc[k].text != "," or not sent.start < k < sent.end - 1:
        return False
    before, after = doc[k - 1], doc[k + 1]
    return before.tag_ == after.tag_ == "ADJA" or (
        before.lower_ == after.lower_ and before.tag_ in ("ADV", "ADJD"))


DASHES = frozenset({"–", "—", "-"})


def _dateline_tokens(sent: Span) -> range:
    """"Damaskus – Bei Kämpfen ...": capitalised words (and slashes) then a
    dash, at most five tokens into the sentence."""
    for k, t in enumerate(sent[:6]):
        if t.text in DASHES and k > 0:
            return range(sent.start, t.i + 1)
        if not (t.text[:1].isupper() or t.text == "/" or t.is_space):
            break
    return range(0)


# --- token helpers used by several extractors ------------------------------

def lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def is_verb(token: Token) -> bool:
    return token.tag_.startswith(("VV", "VA", "VM"))


def negated_clause(clause: Span) -> bool:
    """A negation or an 'eigentlich'-style hedge anywhere in the clause."""
    return any(t.lower_ in NEGATIONS or t.lower_ in UNREAL for t in clause)


def is_region(span: MentionSpan) -> bool:
    """A region of a state, which has a government and offices of its own
    ("Bayern", "Katalonien"); a continent or a sea has none."""
    return span.type is EntityType.PLACE and span.entry is not None and span.entry.located_in is not None


def counterfactual(lexicon: Lexicon, clause: Span) -> bool:
    """"hätte ... reisen wollen", "hätten ... unterzeichnen sollen": what
    somebody would have done, and so did not."""
    would = next((t.i for t in clause if t.lower_ in lexicon.words("counterfactual_auxiliaries")), None)
    return would is not None and any(t.tag_.startswith("VM") and t.i > would for t in clause)


def opens_condition(lexicon: Lexicon, clause: Span) -> bool:
    """A clause that states a condition or asks ("wenn ...", "falls ...",
    "ob ..."), not one that concedes ("auch wenn ...")."""
    first = next((t for t in clause if not t.is_space and not t.is_punct), None)
    if first is None or first.lower_ not in lexicon.words("conditional_conjunctions"):
        return False
    return first.i == 0 or first.doc[first.i - 1].lower_ not in ("auch", "selbst")


def negated(sent: Span, i: int, window: int = 6) -> bool:
    """True if a negation or an 'eigentlich'-style hedge stands near token i
    in the same sentence ("unterzeichneten kein Abkommen")."""
    lo, hi = max(sent.start, i - window), min(sent.end, i + 3)
    words = {t.lower_ for t in sent.doc[lo:hi]}
    return bool(words & NEGATIONS) or bool(words & UNREAL)


def tokens_between(doc: Doc, a: int, b: int) -> Iterator[Token]:
    lo, hi = (a, b) if a <= b else (b, a)
    return iter(doc[lo:hi])


def preceded_by(doc: Doc, span: MentionSpan, words: frozenset[str], *, gap: int = 3, floor: int = 0) -> bool:
    """A preposition from ``words`` stands at most ``gap`` tokens before the
    span with only articles, adjectives, numbers and names between."""
    i = span.start - 1
    steps = 0
    while i >= floor and steps <= gap:
        t = doc[i]
        if t.lower_ in words:
            return True
        if t.tag_ not in ("ART", "ADJA", "CARD", "PPOSAT", "NE", "NN", "PIAT", "PIDAT") and not t.is_space:
            return False
        i -= 1
        steps += 1
    return False
