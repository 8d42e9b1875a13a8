"""Legal actions: "Haftbefehl des Internationalen Strafgerichtshofs gegen
Putin", "Sanktionen unter Führung der USA", "erließ einen Haftbefehl"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kg.extract.context import ArticleContext, MentionSpan, negated
from kg.extract.triggers import ACTORS, actors, preposition_before
from kg.model import Claim, EntityType, FactKind, Role

LEGAL = "legal_actions.v1"
ISSUER_TYPES = (EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.CITY)


def extract(ctx: ArticleContext) -> Iterator[Claim]:
    for sent in ctx.sentences:
        yield from _legal(ctx, sent)


def _legal(ctx: ArticleContext, sent: Span) -> Iterator[Claim]:
    kinds = ctx.lexicon.table("legal_kind")
    for tok in sent:
        if not tok.text[:1].isupper() or tok.tag_ not in ("NN", "NE"):
            continue
        kind = kinds.match(tok.text)
        if kind is None or negated(sent, tok.i, 3):
            continue
        target = next((s for s in actors(ctx, sent, ACTORS)
                       if preposition_before(ctx, s, sent, gap=3) == "gegen" and s.start > tok.i), None)
        issuer = _issuer(ctx, sent, tok.i, target)
        if target is None and issuer is not None:
            # "Russland ist ... mit Sanktionen unter Führung der USA konfrontiert"
            first = actors(ctx, sent, (EntityType.COUNTRY, EntityType.PERSON))
            if first and first[0].start - sent.start <= 2 and first[0].name != issuer.name:
                target = first[0]
        if issuer is None or target is None or issuer.name == target.name:
            continue
        when = ctx.nearest_date(sent, tok.idx)
        claim = ctx.claim(FactKind.LEGAL_ACTION, [(Role.ISSUER, issuer), (Role.TARGET, target)], sent,
                          when=when.span.start if when else None, extractor=LEGAL,
                          attributes=[("kind", kind)], trigger=tok.i)
        if claim is not None:
            yield claim


def _issuer(ctx: ArticleContext, sent: Span, i: int, target: MentionSpan | None) -> MentionSpan | None:
    candidates = [s for s in ctx.spans_in(sent, ISSUER_TYPES, names_only=True)
                  if target is None or s.name != target.name]
    # "Haftbefehl des IStGH", "Sanktionen unter Führung der USA": a genitive after
    after = [s for s in candidates if 0 < s.start - i <= 5 and preposition_before(ctx, s, sent, gap=5) != "gegen"
             and preposition_before(ctx, s, sent, gap=5) not in ("in", "im", "nach")]
    if after:
        return after[0]
    # "erließ der IStGH einen Haftbefehl", "das Strafgericht erließ den Haftbefehl"
    before = [s for s in candidates if s.end <= i and s.type is EntityType.ORGANIZATION
              and preposition_before(ctx, s, sent) is None]
    if before:
        return before[-1]
    return None
