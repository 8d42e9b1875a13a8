"""Counts bound to an actor.

"mindestens 30 Menschen wurden getötet", "Die Partei kam auf 80 Sitze",
"Österreich stellt 3 Millionen Euro bereit", "seit zwölf Jahren": a number
(digits or a number word, with its hedge) and the actor it is about.
Events (deaths, arrests, protests) belong to the group the people are
named after ("zwei Serben") or to the place where they happen; results and
possessions to the subject of the clause (:mod:`kg.extract.owners`); what is
counted comes from :mod:`kg.extract.count_measures`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.context import ArticleContext, MentionSpan
from kg.extract.count_measures import count_measure, count_unit, head_noun, words_of
from kg.extract.counts import alliance_of_members, employer, located, pollster, verb_duration
from kg.extract.figure_terms import (
    ACTOR_TYPES,
    ARTICLE_ONE,
    COUNT,
    CURRENCY_UNITS,
    DURATION_PREPS,
    EVENT_MEASURES,
    FALLBACK_MEASURES,
    HEDGE_WORDS,
    NAMING_WORDS,
    TIME_UNITS,
)
from kg.extract.owners import (
    announcer,
    dative,
    dominant_state,
    event_subject,
    named_group,
    names_actor,
    owner,
    previous_sentence,
    state_in,
)
from kg.extract.triggers import preposition_before
from kg.model import Claim, EntityType, FactKind, Role
from kg.normalize import parse_number_word, parse_qualifier

# How many sentences back a sum named without its currency takes the last one named.
CURRENCY_REACH = 2


def _number_at(tok: Token) -> float | None:
    """The value of a number token ("30", "5.000", "2,3", "zwölf")."""
    text = tok.text
    if text[:1].isdigit():
        if not all(c.isdigit() or c in ".," for c in text):
            return None
        if "." in text and not all(len(g) == 3 for g in text.split(",")[0].split(".")[1:]):
            return None  # "1.25" (a time), "7.9.2015"
        try:
            return float(text.replace(".", "").replace(",", "."))
        except ValueError:
            return None
    if text.lower() in ARTICLE_ONE or not text.isalpha():
        return None
    n = parse_number_word(text)
    return float(n) if n is not None else None


def _hedge_before(doc: Doc, i: int, floor: int) -> str | None:
    """"mindestens 30", "mehr als 100", "bis zu 70"."""
    if i - 1 >= floor:
        one = doc[i - 1].lower_
        if i - 2 >= floor:
            two = f"{doc[i - 2].lower_} {one}"
            if two in ("mehr als", "bis zu", "weniger als"):
                return parse_qualifier(two)
        if one in HEDGE_WORDS:
            return parse_qualifier(one)
    return None


def read_counts(ctx: ArticleContext, sent: Span, used: set[int], last: Claim | None = None) -> Iterator[Claim]:
    """Figures of one sentence; ``last`` is the figure stated before it
    ("300 Millionen ... Mindestens 60 Millionen davon ...")."""
    doc = ctx.doc
    amounts = {}
    for a in ctx.amounts_in(sent):
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is not None:
            amounts[span.start] = (a, span)
    dated = [(d.start, d.end) for d in ctx.dates_in(sent)]
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        found = amounts.get(i)
        if found is not None:
            amount, span = found
            i = span.end
            if amount.start in used:
                continue
            num_i = next((t.i for t in span if t.tag_ == "CARD" or _number_at(t) is not None), span.start)
            if doc[num_i].lower_ in ARTICLE_ONE:
                continue  # "seit einem Jahr", "eine Million": no figure worth a fact
            value, unit, qualifier = float(amount.amount.value), amount.amount.unit, amount.amount.qualifier
            end = span.end
            first = span.start
        else:
            i += 1
            number = _number_at(tok) if (tok.tag_ == "CARD" or tok.text[:1].isalpha()) else None
            if number is None:
                one = _one_more(ctx, sent, tok.i, last)
                if one is not None:
                    last = one
                    yield one
                continue
            value = number
            num_i, end, first = tok.i, tok.i + 1, tok.i
            unit, qualifier = None, _hedge_before(doc, tok.i, sent.start)
            if qualifier is not None:
                first = tok.i - (2 if doc[tok.i - 1].lower_ in ("als", "zu") else 1)
        if any(s <= doc[num_i].idx < e for s, e in dated):
            continue
        claim = _count_claim(ctx, sent, num_i, first, end, value, unit, qualifier, last)
        if claim is not None:
            used.add(doc[first].idx)
            last = claim
            yield claim


def _one_more(ctx: ArticleContext, sent: Span, i: int, last: Claim | None) -> Claim | None:
    """"21 Touristen und ein Polizist wurden getötet": a single person listed
    after a count of the same clause shares its measure and subject."""
    doc = ctx.doc
    if last is None or last.evidence is None or last.evidence.sent_start != sent.start_char \
            or doc[i].lower_ not in ("ein", "eine") or i - 2 < sent.start or i + 1 >= sent.end:
        return None
    if doc[i - 1].lower_ not in ("und", "sowie") or doc[i - 2].tag_ != "NN" or doc[i + 1].tag_ != "NN":
        return None
    if not 0 <= doc[i - 2].idx - last.evidence.end <= 40 \
            or any(t.is_punct or t.tag_.startswith("V") for t in doc[i - 3 : i]):
        return None  # the count the single one is listed with ends right before it
    return _restated(ctx, sent, last, i, 1.0, None, None, last.attribute("measure"))


def _count_claim(ctx: ArticleContext, sent: Span, num_i: int, first: int, end: int, value: float,
                 unit: str | None, qualifier: str | None, last: Claim | None = None) -> Claim | None:
    doc = ctx.doc
    tok = doc[num_i]
    prev = doc[first - 1] if first > sent.start else None
    nxt = doc[end] if end < sent.end else None
    if value == int(value) and 1800 <= value <= 2100 and "." not in tok.text and unit is None \
            and not (nxt is not None and nxt.tag_ == "NN" and nxt.text[-1:] in "nre"):
        return None  # a year (not "2000 Soldaten")
    if prev is not None and prev.lower_ in NAMING_WORDS:
        return None
    if nxt is not None and nxt.lower_ in ("uhr", "bis", "zu", "oder") and unit is None:
        return None  # "um 14 Uhr", "50 bis 70" (the range's end counts), "110 zu 65"
    if prev is not None and prev.lower_ in ("von", "der") and first - 2 >= sent.start and doc[first - 2].tag_ == "CARD":
        return None  # "119 von 350 Mandaten", "119 der 350 Sitze": the total is not the party's
    if unit is None and prev is not None and prev.lower_ == "von" and nxt is not None and nxt.lower_ == "auf":
        later = next((a for a in ctx.amounts_in(sent) if a.start > doc[num_i].idx and a.amount.unit), None)
        unit = later.amount.unit if later is not None and later.start - nxt.idx <= 8 else None
        # "von zwei auf 1,5 Prozent": the figure before is in the unit after
    if prev is not None and prev.text == "(" and unit in CURRENCY_UNITS:
        return None  # "(2,65 Millionen Euro)": a conversion of the amount before
    if unit in TIME_UNITS and prev is not None and prev.lower_ in ("vor", "in"):
        return None  # "vor zwölf Jahren": a date, not a figure
    if prev is not None and prev.lower_ in ("paar", "von") and first - 2 >= sent.start \
            and doc[first - 2].lower_ in ("ein", "eines", "einer", "einem"):
        return None  # "ein paar Hundert", "eines von sechs"
    if unit == "km":
        return _distance(ctx, sent, num_i, end, value, qualifier)
    head = head_noun(doc, end, sent, unit)
    if head is not None and ctx.lexicon.table("agreement_kind").match(doc[head].text) is not None:
        return None  # "ein Dutzend Verträge": the count of an agreement, not a figure of its own
    measure = count_measure(ctx, sent, num_i, end, head, unit)
    scaled = _scaled(doc[num_i:end].text)
    if measure is None and unit is None and head is None and not scaled:
        return None  # a bare number ("zwei, drei")
    if unit is None and scaled and head is None:
        unit = _currency_before(ctx, sent, tok.idx)  # "40 Millionen Euro ... davon 7,5 Millionen für X"
    if unit in TIME_UNITS:
        if measure != "max_prison_sentence" and not duration_before(doc, first, sent) \
                and not (nxt is not None and nxt.lower_ in ("lang", "alt", "weitere")) \
                and not verb_duration(doc, first, end, ctx.clause(sent, num_i)):
            return None
        if measure is None or measure in EVENT_MEASURES:
            measure = "age" if nxt is not None and nxt.lower_ == "alt" else "duration"
    if last is not None and _part_of_last(doc, end, sent, num_i):
        return _restated(ctx, sent, last, num_i, value, unit, qualifier, measure)
    group = named_group(ctx, head) if head is not None else None
    alliance = alliance_of_members(ctx, sent, num_i, head) if unit is None else None
    if alliance is not None:
        group, measure = alliance, "member_states"
    if group is None and head is not None and ctx.lexicon.table("measure").match(doc[head].text) == "staff":
        group = employer(ctx, sent, previous_sentence(ctx, sent), last)
    if group is not None and measure is None and unit is None and value >= 10000:
        measure, unit = "population", "persons"  # "elf Millionen Kubaner"
    if group is not None:
        subject: MentionSpan | None = group  # "zwei Serben", "680 PKK-Kämpfer", "elf Millionen Kubaner"
    elif measure in EVENT_MEASURES:
        subject = event_subject(ctx, sent, num_i, head)
    elif measure == "refugees":
        # "Kenia nahm 5000 Flüchtlinge auf"; "In Syrien sind vier Millionen Menschen auf der Flucht"
        # (troops in a place are the sender's: the place is what they are sent to)
        subject = owner(ctx, sent, num_i, end, head) or event_subject(ctx, sent, num_i, head)
    else:
        # "seit 100 Tagen Gouverneur der Region X": a noun after a time span is no counted thing
        subject = owner(ctx, sent, num_i, end, None if unit in TIME_UNITS else head)
        if measure == "growth_forecast" and (subject is None or subject.type is EntityType.ORGANIZATION):
            clause = ctx.clause(sent, num_i)
            subject = next((s for s in ctx.spans_in(clause, (EntityType.COUNTRY,), names_only=True)
                            if preposition_before(ctx, s, clause) == "für"), subject)  # "Prognose für Peru"
        if subject is None and measure not in EVENT_MEASURES:
            subject = announcer(ctx, sent, num_i)
        if subject is None and measure == "poll_result":
            clause = ctx.clause(sent, num_i)
            subject = pollster(ctx, clause, words_of(ctx, clause, "poll_result"))
        if subject is None and unit == "percent":
            subject = state_in(ctx, sent, num_i)  # "Die Wahlbeteiligung in Frankreich lag bei 60 Prozent"
        if subject is None and (unit in CURRENCY_UNITS or unit == "percent" or scaled
                                or measure in FALLBACK_MEASURES) and not names_actor(ctx, sent) \
                and measure != "poll_result":  # a poll's figure is the pollster's
            # "Unerlaubter Grenzübertritt wird mit bis zu drei Jahren Haft bestraft",
            # "Die Inflation wird 15 Prozent erreichen": a figure of the state the article is about
            subject = dominant_state(ctx)
        elif measure in ("growth_forecast",) and subject is not None and subject.type is EntityType.ORGANIZATION:
            subject = dominant_state(ctx)  # the fund forecasts the state's growth
    if subject is None and last is not None and (scaled or unit in CURRENCY_UNITS) \
            and last.evidence is not None and last.evidence.sent_start == sent.start_char \
            and any(t.lower_ == "davon" for t in doc[sent.start : num_i]):
        # "davon 5,5 Millionen für X, fünf Millionen für Y": the list goes on with the parts
        return _restated(ctx, sent, last, num_i, value, unit, qualifier, measure)
    if subject is None:
        return None
    if unit is None and head is not None:
        unit = count_unit(doc[head])
    text_value = str(int(value)) if value == int(value) else str(value)
    return ctx.claim(
        FactKind.QUANTITY, [(Role.SUBJECT, subject), (Role.OF, _recipient(ctx, sent, first, end, subject, unit))],
        sent, extractor=COUNT, trigger=num_i,
        attributes=[("measure", measure), ("value", text_value), ("unit", unit), ("qualifier", qualifier)],
    )


def _distance(ctx: ArticleContext, sent: Span, num_i: int, end: int, value: float,
              qualifier: str | None) -> Claim | None:
    where = located(ctx, sent, end)
    if where is None:
        return None
    text_value = str(int(value)) if value == int(value) else str(value)
    return ctx.claim(
        FactKind.QUANTITY, [(Role.SUBJECT, where[0]), (Role.OF, where[1])], sent, extractor=COUNT, trigger=num_i,
        attributes=[("measure", "distance"), ("value", text_value), ("unit", "km"), ("qualifier", qualifier)],
    )


def _recipient(ctx: ArticleContext, sent: Span, first: int, end: int, subject: MentionSpan,
               unit: str | None) -> MentionSpan | None:
    """Whom money goes to: "3 Millionen Euro für das UNHCR", "an die Ukraine",
    "gewährt der Ukraine einen Kredit" (a dative between giver and sum)."""
    if unit not in CURRENCY_UNITS:
        return None
    clause = ctx.clause(sent, end - 1)
    spans = ctx.spans_in(clause, ACTOR_TYPES + (EntityType.PLACE,))
    named = {s.start for s in spans if not s.prefix}
    for s in spans:
        # "für den EU-Kenia-Fonds": the fund, not the EU its name begins with ("an die US-Behörden": the USA)
        if s.start >= end and not s.adjective and not (s.prefix and s.start in named) and s.name != subject.name \
                and preposition_before(ctx, s, clause) in ("für", "an", "am", "ans", "nach"):
            return s
    return next((s for s in ctx.spans_in(clause, ACTOR_TYPES)
                 if subject.end <= s.start and s.end <= first and not s.adjective and s.name != subject.name
                 and dative(ctx, s)), None)


def _scaled(text: str) -> bool:
    """"7,5 Millionen", "2 Mrd.": a figure in millions or billions."""
    return any(w.lower().startswith(("million", "milliard", "mio", "mrd")) for w in text.split())


def _currency_before(ctx: ArticleContext, sent: Span, at: int) -> str | None:
    """The currency of the last sum named before ``at`` in its sentence or
    the two before it: news name the currency once and then count "7,5
    Millionen" in it."""
    floor = ctx.sentences[max(0, ctx.sentence_index(sent) - CURRENCY_REACH)].start_char
    # a sum in millions too: "900 Euro im Monat" sets no currency for "3 Millionen Renten"
    sums = [a for a in ctx.amounts if floor <= a.start and a.end <= at and a.amount.unit in CURRENCY_UNITS
            and _scaled(a.text)]
    return sums[-1].amount.unit if sums else None


def _part_of_last(doc: Doc, end: int, sent: Span, num_i: int) -> bool:
    """"60 Millionen Dollar davon", "davon 5,5 Millionen": a part of the figure before."""
    after = doc[end] if end < sent.end else None
    before = doc[num_i - 1] if num_i - 1 >= sent.start else None
    return (after is not None and after.lower_ == "davon") or (before is not None and before.lower_ == "davon")


def _restated(ctx: ArticleContext, sent: Span, last: Claim, num_i: int, value: float, unit: str | None,
              qualifier: str | None, measure: str | None) -> Claim | None:
    subject = last.role(Role.SUBJECT)
    if not subject:
        return None
    span = next((s for s in ctx.spans if s.mention == subject[0]), None)
    if span is None:
        return None
    text_value = str(int(value)) if value == int(value) else str(value)
    return ctx.claim(
        FactKind.QUANTITY, [(Role.SUBJECT, span)], sent, extractor=COUNT, trigger=num_i,
        attributes=[("measure", measure or last.attribute("measure")), ("value", text_value),
                    ("unit", unit or last.attribute("unit")), ("qualifier", qualifier)],
    )


def duration_before(doc: Doc, first: int, sent: Span) -> bool:
    """"seit zwölf Jahren", "innerhalb von fünf Tagen", "in den vergangenen
    39 Jahren": a time span, not a point in time."""
    words = [t.lower_ for t in doc[max(sent.start, first - 3) : first]]
    if not words:
        return False
    if words[-1] in DURATION_PREPS:
        return True
    if words[-1] == "von" and len(words) >= 2 and words[-2] in ("innerhalb", "binnen"):
        return True
    return words[-1] in ("vergangenen", "letzten", "kommenden", "nächsten", "ersten") and any(
        w in ("in", "den", "die") for w in words[:-1])
