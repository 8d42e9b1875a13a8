"""Extract: one article's ``Doc`` -> ``Extraction`` (mentions and claims).

The stages, each a pure function of a frozen view of the article
(:class:`~kg.extract.context.ArticleContext`):

1. mentions, dates and amounts (:func:`build_context`);
2. roles, because they tell which state a person acts for and who holds an
   office that later sentences name without the person;
3. coreference (:mod:`kg.extract.coref`), which makes a new view with those
   links;
4. the event extractors, over that view, in any order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Doc

from kg.extract import agreements, coref, figures, invitations, legal, roles, statements, visits
from kg.extract.context import ArticleContext
from kg.extract.interviews import extract as extract_interviews
from kg.extract.mentions import find_mentions
from kg.extract.reported_stance import extract as extract_reported_stance
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.model import Article, Claim, Extraction
from kg.normalize import find_amounts, find_dates

Extractor = Callable[[ArticleContext], Iterable[Claim]]

EVENT_EXTRACTORS: tuple[Extractor, ...] = (
    visits.extract,
    agreements.extract,
    figures.extract,
    invitations.extract,
    statements.extract,
    extract_interviews,
    extract_reported_stance,
    legal.extract,
)


def extract(doc: Doc, article: Article, *, gazetteer: Gazetteer, lexicon: Lexicon,
            extractors: Sequence[Extractor] = EVENT_EXTRACTORS) -> Extraction:
    view = build_context(doc, article, gazetteer, lexicon)
    reading = roles.read(view)
    view = coref.resolve(reading.view, reading.facts).apply(reading.view)
    claims = [fact.claim for fact in reading.facts]
    for extractor in extractors:
        claims.extend(extractor(view))
    sentences = tuple((s.start_char, s.end_char) for s in doc.sents)
    return Extraction(
        article=article,
        mentions=tuple(s.mention for s in view.spans),
        claims=tuple(_dedupe(claims)),
        sentences=sentences,
    )


def build_context(doc: Doc, article: Article, gazetteer: Gazetteer, lexicon: Lexicon) -> ArticleContext:
    """Find mentions, dates and amounts of one article."""
    return ArticleContext(
        doc=doc, article=article, gazetteer=gazetteer, lexicon=lexicon,
        spans=tuple(find_mentions(doc, article, gazetteer, lexicon)),
        dates=tuple(find_dates(article.text, published=article.published)),
        amounts=tuple(find_amounts(article.text)),
    )


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen: set[object] = set()
    out: list[Claim] = []
    for c in claims:
        key = (c.kind, tuple((r, m.name, m.hint) for r, m in c.roles), c.when, c.until, c.attributes,
               c.evidence.sentence if c.evidence else None)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
