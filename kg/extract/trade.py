"""Trade volumes: "Das Handelsvolumen zwischen den beiden Ländern lag im
Jahr 2022 bei 3,5 Milliarden Dollar", "den Handel Vietnams mit China (175
Milliarden Dollar) und den USA (123 Milliarden Dollar)". A converted amount
in brackets right after another ("(mehr als 3,2 Milliarden Euro)") restates
it."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kg.extract.context import ArticleContext, MentionSpan
from kg.extract.figure_terms import CURRENCY_UNITS, STATES
from kg.extract.triggers import find_triggers, preposition_before
from kg.model import Claim, EntityType, FactKind, Role
from kg.normalize import AmountMatch

TRADE = "trade.v1"


def read_trade(ctx: ArticleContext, sent: Span, used: set[int]) -> Iterator[Claim]:
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
