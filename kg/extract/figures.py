"""Figures: trade volumes (:mod:`kg.extract.trade`), figures bound to a
measure noun, ages, and counts bound to an actor (:mod:`kg.extract.tallies`).

Noun-bound figures: an amount with a unit near a measure word of the
ontology ("80 Prozent der vietnamesischen Waffeneinfuhren entfallen auf
Russland", "bis zu 70 Prozent des Waffenarsenals", "rund 100 Millionen
Einwohnern", "1300 Kilometer lange Grenze", "Trong (79)").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kg.extract.context import ArticleContext, MentionSpan
from kg.extract.counts import AGED, last_person
from kg.extract.figure_terms import CURRENCY_UNITS, HOLDERS, NOUN_MEASURES, QUANTITY
from kg.extract.tallies import read_counts
from kg.extract.trade import read_trade
from kg.extract.triggers import preposition_before
from kg.model import Claim, EntityType, FactKind, Role

MEASURE_WINDOW = 8


# Measures that come in one kind of unit only.
MEASURE_UNITS = {"population": ("persons", None), "border_length": ("km",), "age": ("years",)}


def extract(ctx: ArticleContext) -> Iterator[Claim]:
    used: set[int] = set()
    for sent in ctx.sentences:
        yield from read_trade(ctx, sent, used)
    for sent in ctx.sentences:
        yield from _quantities(ctx, sent, used)
        yield from _ages(ctx, sent)
    last: Claim | None = None
    for sent in ctx.sentences:
        mine = list(read_counts(ctx, sent, used, last))
        last = mine[-1] if mine else None
        yield from mine


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
        if measure is None or measure not in NOUN_MEASURES:
            continue  # "18 Menschen" is a count of people, not a population
        if amount.amount.unit not in MEASURE_UNITS.get(measure, (amount.amount.unit,)):
            continue  # "15 Prozent der Bevölkerung" is a share, not a population
        assert measure_i is not None  # set together with measure
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
            used.add(amount.start)
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
    """"Trong (79)": a person's age in brackets; "der 69-Jährige": the age
    of the person named right after, or else of the person last named."""
    doc = ctx.doc
    for t in sent:
        m = AGED.fullmatch(t.text)
        if m is None or not 14 <= int(m.group(1)) <= 110:
            continue
        if t.i == sent.start or doc[t.i - 1].tag_ not in ("ART", "PDAT", "PPOSAT"):
            continue
        person = ctx.span_at(t.i + 1) if t.i + 1 < sent.end else None
        if person is None or person.type is not EntityType.PERSON:
            # "der 69-Jährige" stands for a person; "das 30-jährige Bestehen" does not
            person = last_person(ctx, t.i) if m.group(2) == "J" else None
        if person is not None:
            claim = ctx.claim(FactKind.QUANTITY, [(Role.SUBJECT, person)], sent, extractor=QUANTITY,
                              trigger=t.i, attributes=[("measure", "age"), ("value", m.group(1)),
                                                       ("unit", "years")])
            if claim is not None:
                yield claim
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
