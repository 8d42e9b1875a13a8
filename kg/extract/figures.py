"""Trade volumes and other figures (shares, stakes, populations, distances,
ages).

Trade: "Das Handelsvolumen zwischen den beiden Ländern lag im Jahr 2022 bei
3,5 Milliarden Dollar", "den Handel Vietnams mit China (175 Milliarden
Dollar) und den USA (123 Milliarden Dollar)". A converted amount in
brackets right after another ("(mehr als 3,2 Milliarden Euro)") restates it.

Figures: an amount with a unit near a measure word of the ontology
("80 Prozent der vietnamesischen Waffeneinfuhren entfallen auf Russland",
"bis zu 70 Prozent des Waffenarsenals", "rund 100 Millionen Einwohnern",
"1300 Kilometer lange Grenze", "Trong (79)").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kg.extract.context import ArticleContext, MentionSpan
from kg.extract.triggers import find_triggers, preposition_before
from kg.model import Claim, EntityType, FactKind, Role
from kg.normalize import AmountMatch

TRADE = "trade.v1"
QUANTITY = "quantities.v1"
CURRENCY_UNITS = frozenset({"USD", "EUR", "RUB", "CNY", "GBP", "CHF", "JPY", "VND", "INR"})
STATES = (EntityType.COUNTRY, EntityType.CITY)
HOLDERS = (EntityType.COUNTRY, EntityType.CITY, EntityType.ORGANIZATION, EntityType.PERSON)
MEASURE_WINDOW = 8
# Measures that come in one kind of unit only.
MEASURE_UNITS = {"population": ("persons", None), "border_length": ("km",), "age": ("years",)}


def extract(ctx: ArticleContext) -> Iterator[Claim]:
    used: set[int] = set()
    for sent in ctx.sentences:
        yield from _trade(ctx, sent, used)
    for sent in ctx.sentences:
        yield from _quantities(ctx, sent, used)
        yield from _ages(ctx, sent)


def _trade(ctx: ArticleContext, sent: Span, used: set[int]) -> Iterator[Claim]:
    if not find_triggers(ctx, sent, FactKind.TRADE):
        return
    money = [a for a in ctx.amounts_in(sent) if a.amount.unit in CURRENCY_UNITS]
    if not money:
        return
    year = next((d.span.start for d in ctx.dates_in(sent) if d.span.start is not None), None)
    anchor = _anchor_state(ctx, sent)
    pair = _pair(ctx, sent)
    previous: AmountMatch | None = None
    for amount in money:
        if previous is not None and _restates(ctx, previous, amount):
            used.add(amount.start)
            continue
        partners = None
        bracketed = ctx.doc.text[max(0, amount.start - 2) : amount.start].strip().endswith("(")
        state = _state_before(ctx, sent, amount.start) if bracketed else None
        if state is not None and anchor is not None and state.name != anchor.name:
            partners = [anchor, state]
        elif pair is not None:
            partners = list(pair)
        previous = amount
        if not partners:
            continue
        used.add(amount.start)
        claim = ctx.claim(
            FactKind.TRADE, [(Role.PARTNER, p) for p in partners], sent,
            when=year, extractor=TRADE, trigger=_token_at(ctx, amount.end - 1),
            attributes=[("value", str(amount.amount.value)), ("unit", amount.amount.unit),
                        ("qualifier", amount.amount.qualifier)],
        )
        if claim is not None:
            yield claim


def _token_at(ctx: ArticleContext, char: int) -> int | None:
    span = ctx.doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else None


def _restates(ctx: ArticleContext, previous: AmountMatch, amount: AmountMatch) -> bool:
    between = ctx.doc.text[previous.end : amount.start]
    return between.strip() in ("(", "(rund", "(etwa") or (between.strip().startswith("(") and len(between) < 6) \
        or (amount.amount.unit != previous.amount.unit and between.strip() == "(")


def _state_before(ctx: ArticleContext, sent: Span, char: int) -> MentionSpan | None:
    best = None
    for s in ctx.spans_in(sent, STATES, names_only=True):
        if s.mention.evidence.end <= char and char - s.mention.evidence.end <= 4:
            best = s
    return ctx.country_of(best) if best is not None and best.type is EntityType.CITY else best


def _anchor_state(ctx: ArticleContext, sent: Span) -> MentionSpan | None:
    """"der Handel Vietnams mit China (...)": the state before "mit"."""
    for s in ctx.spans_in(sent, STATES, names_only=True):
        nxt = ctx.doc[s.end] if s.end < sent.end else None
        if nxt is not None and nxt.lower_ == "mit":
            return s
    return None


def _pair(ctx: ArticleContext, sent: Span) -> tuple[MentionSpan, MentionSpan] | None:
    """"zwischen Russland und Vietnam", or "zwischen den beiden Ländern"
    (the two states the article is about)."""
    named = ctx.spans_in(sent, STATES, names_only=True)
    for k, s in enumerate(named[:-1]):
        nxt = named[k + 1]
        if preposition_before(ctx, s, sent, gap=3) == "zwischen" and any(
                t.lower_ == "und" for t in ctx.doc[s.end : nxt.start]) and nxt.start - s.end <= 3:
            return s, nxt
    if any(t.lower_ in ("beiden", "beide") for t in sent):
        main = ctx.main_states()
        if len(main) >= 2:
            return main[0], main[1]
    return None


def _quantities(ctx: ArticleContext, sent: Span, used: set[int]) -> Iterator[Claim]:
    measures = ctx.lexicon.table("measure")
    doc = ctx.doc
    for amount in ctx.amounts_in(sent):
        if amount.start in used or amount.amount.unit in CURRENCY_UNITS and amount.amount.unit is None:
            continue
        span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
        if span is None:
            continue
        measure, measure_i = None, None
        for t in doc[max(sent.start, span.start - 3) : min(sent.end, span.end + MEASURE_WINDOW)]:
            if t.tag_ in ("NN", "ADJA", "NE") or t.text[:1].isupper():
                # no compound heads: a "Stimmenanteil" is no ownership "Anteil"
                hit = measures.match(t.text, compounds=False)
                if hit is not None:
                    measure, measure_i = hit, t.i
                    break
        if measure is None:
            continue  # "18 Menschen" is a count of people, not a population
        if amount.amount.unit not in MEASURE_UNITS.get(measure, (amount.amount.unit,)):
            continue  # "15 Prozent der Bevölkerung" is a share, not a population
        of = _attached(ctx, sent, measure_i)
        subject = _subject(ctx, sent, of, measure, span.start)
        if subject is None:
            continue
        if of is not None and of.name == subject.name:
            of = None
        period = next((d for d in ctx.dates_in(sent) if d.span.end and d.span.end != d.span.start), None)
        claim = ctx.claim(
            FactKind.QUANTITY, [(Role.SUBJECT, subject), (Role.OF, of)], sent,
            when=period.span.start if period else None, until=period.span.end if period else None,
            extractor=QUANTITY, trigger=span.start,
            attributes=[("measure", measure), ("value", str(amount.amount.value)),
                        ("unit", amount.amount.unit), ("qualifier", amount.amount.qualifier)],
        )
        if claim is not None:
            yield claim


def _attached(ctx: ArticleContext, sent: Span, i: int) -> MentionSpan | None:
    """The entity a measure noun belongs to: an adjective before it
    ("vietnamesischen Waffeneinfuhren") or a genitive after it
    ("Waffenlieferant Vietnams", "Anteil von Korea National Oil")."""
    for j in range(i - 1, max(sent.start, i - 3) - 1, -1):
        s = ctx.span_at(j)
        if s is not None and s.type is not EntityType.PERSON:
            return s
    for j in range(i + 1, min(sent.end, i + 4)):
        s = ctx.span_at(j)
        if s is not None and s.type is not EntityType.PERSON:
            return s if not s.adjective or s.type is EntityType.COUNTRY else None
        if ctx.doc[j].is_punct:
            break
    return None


def _subject(ctx: ArticleContext, sent: Span, of: MentionSpan | None, measure: str,
             amount_i: int) -> MentionSpan | None:
    doc = ctx.doc
    # "Das Land mit seinen rund 100 Millionen Einwohnern": the state the article is about
    if any(t.lemma_ == "Land" and t.tag_ == "NN" for t in doc[max(sent.start, amount_i - 6) : amount_i]):
        main = ctx.main_states()
        if main:
            return main[0]
    reported = _reporting_clause(sent)
    # where something is ("in ganz Deutschland") is not whose figure it is
    holders = [s for s in ctx.spans_in(sent, HOLDERS)
               if (of is None or s.name != of.name) and s.type is not EntityType.PERSON
               and not (reported and s.start < reported)
               and preposition_before(ctx, s, sent) not in ("in", "im", "nach", "aus", "bei")]
    # the holder named in its own right beats an adjective ("russischen Ursprungs")
    names = [s for s in holders if not s.adjective and not s.prefix]
    pick = names[0] if names else (holders[0] if holders else None)
    if pick is None and measure in ("population",):
        main = ctx.main_states()
        pick = main[0] if main else None
    if pick is not None and pick.type is EntityType.CITY:
        pick = ctx.country_of(pick) or pick
    return pick


def _reporting_clause(sent: Span) -> int | None:
    """End of a leading "Wie die Agentur X berichtet," clause: X is the
    source of the figure, not what it is about."""
    if sent[0].lower_ != "wie":
        return None
    for t in sent:
        if t.text == ",":
            return t.i
    return None


def _ages(ctx: ArticleContext, sent: Span) -> Iterator[Claim]:
    """"Trong (79)": a person's age in brackets."""
    doc = ctx.doc
    for s in ctx.spans_in(sent, (EntityType.PERSON,)):
        if s.end + 2 < sent.end and doc[s.end].text == "(" and doc[s.end + 2].text == ")" and doc[s.end + 1].like_num:
            try:
                age = int(doc[s.end + 1].text)
            except ValueError:
                continue
            if 14 <= age <= 110:
                claim = ctx.claim(FactKind.QUANTITY, [(Role.SUBJECT, s)], sent, extractor=QUANTITY,
                                  attributes=[("measure", "age"), ("value", str(age)), ("unit", "years")])
                if claim is not None:
                    yield claim
