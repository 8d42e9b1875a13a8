"""Whose figure a count is: the subject of its clause, the agent of a
passive, the antecedent of a relative clause, the group counted people are
named after, the place where an event happens, or the state the article is
about."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract.context import DASHES, ArticleContext, MentionSpan
from kg.extract.count_measures import words_of
from kg.extract.counts import aged_person, attack_targets, bracketed_body
from kg.extract.figure_terms import ACTOR_TYPES, NEAR_NOUNS, PLACE_TYPES, REPORTING, STATE_NOUNS, STATES, WHERE_PREPS
from kg.extract.triggers import PASSIVE_AUXILIARIES, determiner_before, is_nominative, preposition_before
from kg.model import EntityType, FactKind


def state_in(ctx: ArticleContext, sent: Span, num_i: int) -> MentionSpan | None:
    """The one state named with "in" before a share in the same clause."""
    clause = ctx.clause(sent, num_i)
    states = [s for s in ctx.spans_in(clause, (EntityType.COUNTRY,), names_only=True)
              if s.end <= num_i and preposition_before(ctx, s, clause) in ("in", "im")]
    others = [s for s in ctx.spans_in(clause, ACTOR_TYPES, names_only=True) if s not in states]
    return states[0] if len(states) == 1 and not others else None


def names_actor(ctx: ArticleContext, sent: Span) -> bool:
    """The sentence names someone of its own (not only as an adjective; a
    closing "..., sagte X" names the source, not an actor)."""
    doc = ctx.doc
    cut = sent.end
    for t in sent:
        if t.text == "," and t.i + 1 < sent.end and doc[t.i + 1].lower_ in REPORTING:
            cut = t.i
    return any(not s.adjective and not s.prefix and s.start < cut and not _source(ctx, s, sent)
               for s in ctx.spans_in(sent, ACTOR_TYPES + (EntityType.PLACE,)))


def _source(ctx: ArticleContext, s: MentionSpan, sent: Span) -> bool:
    """"der CICIG zufolge", "laut X", "nach Angaben von X": who reports a figure."""
    doc = ctx.doc
    if s.end < sent.end and doc[s.end].lower_ == "zufolge":
        return True
    before = " ".join(t.lower_ for t in doc[max(sent.start, s.start - 4) : s.start])
    return before.endswith(("laut", "nach angaben", "nach angaben von", "nach angaben der", "nach angaben des"))


def named_group(ctx: ArticleContext, head: int) -> MentionSpan | None:
    """The state or body counted people are named after: "zwei Serben"
    (a demonym), "680 PKK-Kämpfer" (a compound on a name of the article)."""
    doc = ctx.doc
    s = ctx.span_at(head)
    if s is not None and s.start == head and s.adjective and s.type is EntityType.COUNTRY \
            and doc[head].tag_ == "NN":
        return ctx.country_of(s) or s
    # "drei österreichische Botschaften", "30 türkische Kampfjets": the state's own
    j = head - 1
    while j >= 0 and doc[j].tag_ in ("ADJA", "ADJD") and head - j <= 3:
        adj = ctx.span_at(j)
        if adj is not None and adj.adjective and adj.type is EntityType.COUNTRY:
            return ctx.country_of(adj) or adj
        j -= 1
    if "-" in doc[head].text and (s is None or s.prefix):
        if s is not None and s.type in (EntityType.COUNTRY, EntityType.ORGANIZATION):
            return ctx.country_of(s) or s
        prefix = doc[head].text.split("-")[0]
        for other in ctx.spans:
            if other.mention.text == prefix and not other.adjective and other.type in (
                    EntityType.COUNTRY, EntityType.ORGANIZATION):
                return other
    return None


def event_subject(ctx: ArticleContext, sent: Span, num_i: int, head: int | None) -> MentionSpan | None:
    """Whose deaths, arrests or protesters: the group the people are named
    after ("zwei Serben", "680 PKK-Kämpfer"), else the place where it
    happens ("in Aleppo", "im Norden Syriens")."""
    if head is not None:
        group = ctx.span_at(head)
        if group is not None and group.type in (EntityType.COUNTRY, EntityType.ORGANIZATION):
            return ctx.country_of(group) or group
    targets = attack_targets(ctx, sent, words_of(ctx, sent, "attacks"))
    if targets:
        return min(targets, key=lambda s: abs(s.start - num_i))
    named = _where_places(ctx, sent)
    if named:
        return min(named, key=lambda s: abs(s.start - num_i))
    if ctx.spans_in(sent, PLACE_TYPES, names_only=True):
        return None  # a place of its own the sentence names otherwise
    # "Die Armee griff das Lager in der Stadt X an. Dabei kamen 49 Menschen ums Leben."
    previous = previous_sentence(ctx, sent)
    if previous is not None:
        before = _where_places(ctx, previous)
        if before:
            return before[-1]
    clause = ctx.clause(sent, num_i)
    if any(t.tag_ == "PPER" and t.lower_ in ("sie", "er") for t in clause) \
            and not any(t.lower_ in PASSIVE_AUXILIARIES | {"seien", "sind"} for t in clause):
        return None  # "Sie sollen 100 Kämpfer getötet haben": who did it is the figure's owner, not a place
    return dominant_state(ctx)


def _where_places(ctx: ArticleContext, sent: Span) -> list[MentionSpan]:
    places = [s for s in ctx.spans_in(sent, PLACE_TYPES, names_only=False)
              if not s.prefix and _where(ctx, s, sent)]
    # a named state or city before a "Kathedrale der Hauptstadt"
    return [s for s in places if s.type is not EntityType.PLACE] or places


def previous_sentence(ctx: ArticleContext, sent: Span) -> Span | None:
    k = ctx.sentences.index(sent) if sent in ctx.sentences else -1
    while k > 0:
        k -= 1
        if ctx.sentences[k].text.strip():
            return ctx.sentences[k]
    return None


def _where(ctx: ArticleContext, s: MentionSpan, sent: Span) -> bool:
    """The place is where something happens: "in Aleppo", "nahe dem
    tunesischen Urlaubsort", "im Norden Syriens", "durch X" (not "nahe der
    türkischen Grenze": by a border is not in the state)."""
    doc = ctx.doc
    if s.adjective and s.end < sent.end and doc[s.end].lower_.startswith("grenz"):
        return False
    i, steps = s.start - 1, 0
    while i >= sent.start and steps < 6:
        t = doc[i]
        if t.lower_ in WHERE_PREPS:
            return True
        inner = ctx.span_at(i)
        if inner is not None and inner.adjective:
            i, steps = inner.start - 1, steps + 1
            continue
        if t.lower_ in ("von", "vom") and i - 1 >= sent.start and doc[i - 1].lower_ in NEAR_NOUNS:
            i, steps = i - 1, steps + 1  # "in der Nähe von X"
            continue
        if t.tag_ not in ("ART", "ADJA", "ADJD", "CARD", "PPOSAT", "PIAT", "NN", "NE"):
            return False
        i, steps = i - 1, steps + 1
    return False


def dominant_state(ctx: ArticleContext) -> MentionSpan | None:
    """The state an article is clearly about (named at least twice as often
    as any other): where its unplaced events happen."""
    ranked = ctx.state_mentions()
    if not ranked or len(ranked[0]) < (2 if len(ranked) == 1 else 3) \
            or (len(ranked) > 1 and len(ranked[0]) < 2 * len(ranked[1])):
        return None
    return ranked[0][0]


def owner(ctx: ArticleContext, sent: Span, num_i: int, end: int, head: int | None) -> MentionSpan | None:
    """Whose figure: the subject of the clause the number stands in ("Die
    Partei kam auf 80 Sitze", "Kenia will sich mit 7,5 Millionen
    beteiligen"), or the owner named after the counted noun ("60 Prozent der
    Unternehmen Kubas")."""
    doc = ctx.doc
    if head is not None:
        for j in range(head + 1, min(sent.end, head + 4)):
            s = ctx.span_at(j)
            if s is not None and not s.adjective and s.type in ACTOR_TYPES and s.mention.text.endswith("s") \
                    and s.mention.text != s.mention.name:
                return s  # a genitive: "der Unternehmen Kubas"
            if doc[j].is_punct:
                break
            if doc[j].lower_ in ("der", "des") and j + 1 < sent.end:
                s = ctx.span_at(j + 1)
                if s is not None and not s.adjective and s.type in ACTOR_TYPES + (EntityType.PLACE,):
                    return s  # "der Bewohner der Krim"
    clause = ctx.clause(sent, num_i)
    # names and compounds on names ("die US-Streitkräfte verfügen über 180 Maschinen")
    candidates = [s for s in ctx.spans_in(clause, ACTOR_TYPES) if not s.adjective and _may_own(ctx, s, clause)]
    before = [s for s in candidates if s.end <= num_i]
    if len(before) > 1:
        # "Norwegen gewährt der Ukraine einen Kredit": a dative after the subject receives
        before = [s for s in before if s is before[0] or not dative(ctx, s)]
    if before:
        return before[-1]
    anaphor = _anaphor_before(ctx, clause, num_i) or aged_person(ctx, clause, num_i)
    if anaphor is not None:
        return anaphor
    after = [s for s in candidates if end <= s.start <= end + 3 and end < sent.end
             and doc[end].tag_ in ("VAFIN", "VMFIN", "VVFIN")]
    if after:
        return after[0]  # "300 Millionen Dollar kann Minister X ausgeben"
    agent = _passive_agent(ctx, clause, num_i)
    if agent is not None:
        return agent  # "wurden von den EU-Staaten 1,2 Milliarden Euro versprochen"
    first = next((t for t in clause if not t.is_space), None)
    if first is not None and first.tag_ == "PRELS" and clause.start - 2 >= sent.start \
            and not any(t.text in DASHES or t.tag_ == "PPER" for t in doc[clause.start : num_i]):
        # "die Partei X, die ... 13 Prozent erhielt", "der Vorschlag der Kommission zurück, die 500 Millionen forderte"
        k = clause.start - 2
        while k > sent.start and doc[k].tag_ in ("PTKVZ", "ADV") and ctx.span_at(k) is None:
            k -= 1
        antecedent = ctx.span_at(k)
        if antecedent is not None and antecedent.type in ACTOR_TYPES and not antecedent.adjective \
                and not _source(ctx, antecedent, sent):
            return antecedent
    return None


def dative(ctx: ArticleContext, s: MentionSpan) -> bool:
    """"dem Land", "der Ukraine" after a verb: a dative object (a "der"
    after a noun opens a genitive instead)."""
    doc = ctx.doc
    if s.start < 2 or doc[s.start - 1].lower_ not in ("dem", "einem", "der"):
        return False
    if doc[s.start - 1].lower_ != "der":
        return True
    # "der" before a feminine noun only: "der Nationalrat" is a masculine nominative
    feminine = doc[s.end - 1].lower_.endswith(ctx.lexicon.words("feminine_endings"))
    return feminine and doc[s.start - 2].tag_ != "NN"


def _passive_agent(ctx: ArticleContext, clause: Span, num_i: int) -> MentionSpan | None:
    """The agent of a passive clause, the one nearest the figure: "für die
    Unterstützung von UN-Organisationen von den EU-Staaten 1,2 Milliarden
    Euro versprochen"."""
    doc = ctx.doc
    if not (any(t.tag_ == "VVPP" for t in clause) and any(t.lower_ in PASSIVE_AUXILIARIES for t in clause)):
        return None
    agents = [s for s in ctx.spans_in(clause, ACTOR_TYPES)
              if not s.adjective and not _source(ctx, s, clause)
              and preposition_before(ctx, s, clause) in ("von", "vom")
              and not (s.start - 3 >= clause.start and doc[s.start - 3].lower_ == "angaben")]
    return min(agents, key=lambda s: abs(s.start - num_i)) if agents else None


def _governed(ctx: ArticleContext, s: MentionSpan, sent: Span) -> bool:
    """A preposition (any STTS APPR/APPRART, "am", "vom", "seitens") heads
    the phrase the mention ends."""
    doc = ctx.doc
    i, steps = s.start - 1, 0
    while i >= sent.start and steps < 6:
        t = doc[i]
        if t.tag_ in ("APPR", "APPRART", "APPO"):
            return True
        inner = ctx.span_at(i)
        if inner is not None and inner.adjective:
            i, steps = inner.start - 1, steps + 1
            continue
        if t.tag_ not in ("ART", "ADJA", "ADJD", "CARD", "PPOSAT", "PIAT", "NN", "NE", "ADV"):
            return False
        i, steps = i - 1, steps + 1
    return False


def passive_after(doc: Doc, i: int, clause: Span) -> bool:
    words = [t for t in doc[i : clause.end]]
    return any(t.tag_ == "VVPP" for t in words) and any(t.lower_ in PASSIVE_AUXILIARIES for t in words)


def _anaphor_before(ctx: ArticleContext, clause: Span, num_i: int) -> MentionSpan | None:
    doc = ctx.doc
    for t in doc[clause.start : num_i]:
        seat = _government_seat(ctx, clause, t.i)
        if seat is not None:
            return seat
        if t.lower_ in STATE_NOUNS and t.tag_ == "NN" and t.i - 1 >= clause.start \
                and doc[t.i - 1].lower_ in ("die", "das", "der") \
                and not (t.i - 2 >= clause.start and doc[t.i - 2].tag_ in ("APPR", "APPRART")) \
                and not (t.i + 1 < num_i and (doc[t.i + 1].lower_ in ("der", "des", "in", "von")
                                              or ctx.span_at(t.i + 1) is not None)):
            main = ctx.main_states()
            return main[0] if main else None
    return None


def _may_own(ctx: ArticleContext, s: MentionSpan, clause: Span) -> bool:
    """An actor that can be the clause's subject: not governed by a
    preposition (also as a later member of a list after one: "in Polen,
    Bulgarien, Rumänien"), not a genitive attribute ("des Senders X"), not
    the source of a report ("der CICIG zufolge", "laut X")."""
    doc = ctx.doc
    sent = doc[s.start].sent
    if s.start > 0 and s.end < len(doc) and doc[s.start - 1].text == "(" and doc[s.end].text == ")" \
            and not bracketed_body(ctx, s):
        return False  # "Lena Berger (ÖVP)": whom the person belongs to
    if not is_nominative(ctx, s, clause) or s.start in ctx.dateline \
            or preposition_before(ctx, s, sent, gap=6) is not None or _governed(ctx, s, sent):
        return False
    if passive_after(doc, s.end, clause):
        return False  # "Der EU-Fonds soll mit drei Millionen unterstützt werden": a passive's subject receives
    if determiner_before(ctx, s, clause) in ("des", "eines"):
        return False
    if s.end < clause.end and doc[s.end].lower_ in ("zufolge", "berichtete", "berichtet", "meldete") \
            or _source(ctx, s, sent):
        return False
    if s.start - 1 >= clause.start and doc[s.start - 1].lower_ in ("laut", "wie", "als"):
        return False
    j = s.start - 1
    while j >= sent.start and doc[j].text in (",", "und", "sowie", "oder"):
        left = ctx.span_at(j - 1)
        if left is None:
            break
        if preposition_before(ctx, left, sent) is not None:
            return False
        j = left.start - 1
    return True


def _government_seat(ctx: ArticleContext, clause: Span, i: int) -> MentionSpan | None:
    """"die Regierung in Warschau kündigte ... an": the state whose capital
    or territory names the government that is the clause's subject."""
    doc = ctx.doc
    t = doc[i]
    if t.lower_ not in STATE_NOUNS or t.tag_ != "NN" or i - 1 < clause.start or doc[i - 1].lower_ != "die" \
            or (i - 2 >= clause.start and doc[i - 2].tag_ in ("APPR", "APPRART")) or i + 2 >= clause.end \
            or doc[i + 1].lower_ != "in":
        return None
    place = ctx.span_at(i + 2)
    if place is None or place.adjective or place.type not in STATES:
        return None
    return ctx.country_of(place)


def announcer(ctx: ArticleContext, sent: Span, num_i: int) -> MentionSpan | None:
    """"Das Ministerium X hatte mitgeteilt, es sollten 90 Panzer stationiert
    werden": an agentless passive reported by a body is that body's state's
    plan (only where the reported clause names no actor of its own)."""
    doc = ctx.doc
    verbs = ctx.lexicon.verbs(FactKind.STATEMENT)
    comma = next((t.i for t in doc[sent.start : num_i] if t.text == ","), None)
    if comma is None or not any(t.lemma_ in verbs and t.tag_.startswith("VV") for t in doc[sent.start : comma]):
        return None
    rest = doc[comma + 1 : sent.end]
    if not passive_after(doc, num_i, rest) or any(t.lower_ in ("von", "vom", "durch") for t in doc[num_i : sent.end]):
        return None
    if any(t.tag_ in ("KOUS", "PRELS") for t in doc[comma + 1 : comma + 2]):
        return None  # "..., dass X ...", "..., die ...": a clause of its own with its own subject
    if any(not s.adjective and _may_own(ctx, s, rest) for s in ctx.spans_in(rest, ACTOR_TYPES)):
        return None
    main = doc[sent.start : comma]
    actors = [s for s in ctx.spans_in(main, ACTOR_TYPES) if not s.adjective and _may_own(ctx, s, main)]
    if len(actors) != 1 or _source(ctx, actors[0], sent):
        return None
    return ctx.country_of(actors[0]) or actors[0]
