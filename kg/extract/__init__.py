"""Extract: one article's ``Doc`` -> ``Extraction`` (mentions and claims).

Extractors run in a fixed order, an explicit tuple rather than a registry:
roles first, because they tell which state a person acts for and who holds
an office that later sentences name without the person ("der russische
Staatschef", "der Kreml-Chef"); then events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Doc

from kg.extract import agreements, figures, invitations, legal, roles, statements, visits
from kg.extract.context import ArticleContext, MentionSpan
from kg.extract.mentions import find_mentions
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon, office_class
from kg.model import Article, Claim, EntityType, Extraction, FactKind, Mention, Role
from kg.normalize import find_amounts, find_dates

Extractor = Callable[[ArticleContext], Iterable[Claim]]

EVENT_EXTRACTORS: tuple[Extractor, ...] = (
    visits.extract,
    agreements.extract,
    figures.extract,
    invitations.extract,
    statements.extract,
    legal.extract,
)


def extract(doc: Doc, article: Article, *, gazetteer: Gazetteer, lexicon: Lexicon,
            extractors: Sequence[Extractor] = EVENT_EXTRACTORS) -> Extraction:
    ctx = build_context(doc, article, gazetteer, lexicon)
    ctx.claims.extend(roles.extract(ctx))
    _resolve_offices(ctx)
    for extractor in extractors:
        ctx.claims.extend(extractor(ctx))
    sentences = tuple((s.start_char, s.end_char) for s in doc.sents)
    return Extraction(
        article=article,
        mentions=tuple(s.mention for s in ctx.spans),
        claims=tuple(_dedupe(ctx.claims)),
        sentences=sentences,
    )


def build_context(doc: Doc, article: Article, gazetteer: Gazetteer, lexicon: Lexicon) -> ArticleContext:
    """Find mentions, dates and amounts of one article."""
    ctx = ArticleContext(doc=doc, article=article, gazetteer=gazetteer, lexicon=lexicon)
    ctx.dates = find_dates(article.text, published=article.published)
    ctx.amounts = find_amounts(article.text)
    ctx.set_spans(find_mentions(doc, article, gazetteer, lexicon))
    return ctx


def _resolve_offices(ctx: ArticleContext) -> None:
    """Turn office phrases without a name into person mentions: "der
    russische Staatschef" is whoever the article (or, at resolution, the
    corpus) says is Russia's president."""
    holders: dict[tuple[str, str], str] = {}
    for claim in ctx.claims:
        if claim.kind is FactKind.ROLE and claim.attribute("former") != "true":
            person, org = claim.role(Role.PERSON), claim.role(Role.ORG)
            office = claim.attribute("office") or ""
            if person and org:
                holders.setdefault((office_class(office), org[0].name), person[0].name)
    added: list[MentionSpan] = []
    for sent in ctx.sentences:
        for office in roles.find_offices(ctx, sent):
            if office.org is None or office.former or not _stands_for_person(office):
                continue
            if any(s.type is EntityType.PERSON and office.start <= s.start < office.end + 1 for s in ctx.spans):
                continue  # the name is right there: not an anaphor
            nxt = ctx.doc[office.end] if office.end < len(ctx.doc) else None
            if nxt is not None and nxt.text == "," and office.end + 1 < len(ctx.doc) and ctx.span_at(office.end + 1) \
                    and ctx.span_at(office.end + 1).type is EntityType.PERSON:
                continue
            end = office.office_i + 1
            start = office.start
            text = ctx.doc[start:end].text
            char_start, char_end = ctx.doc[start].idx, ctx.doc[end - 1].idx + len(ctx.doc[end - 1].text)
            holder = holders.get((office_class(office.concept), office.org.name), "")
            mention = Mention(text, EntityType.PERSON, ctx.evidence(char_start, char_end), norm=holder,
                              hint=f"{office_class(office.concept)}@{office.org.name}")
            added.append(MentionSpan(start, end, mention))
            if holder:
                ctx.affiliation.setdefault(holder, office.org)
            else:
                ctx.affiliation.setdefault(mention.name, office.org)
    if added:
        covered = {i for s in added for i in range(s.start, s.end)}
        kept = [s for s in ctx.spans if not (s.start in covered and (s.adjective or s.prefix))]
        ctx.set_spans(kept + added)


# Offices one person holds at a time: "der russische Präsident", "der
# UN-Generalsekretär", "Vietnams Außenminister" name that person; "ein
# Analyst des Instituts" or "ein Sprecher des Ministeriums" do not.
SINGLE_HOLDER = frozenset({"president", "leader", "head_of_government", "general_secretary", "party_leader",
                           "secretary_general", "foreign_minister", "defence_minister"})


def _stands_for_person(office: roles.OfficeMention) -> bool:
    org = office.org
    return org is not None and org.type in (EntityType.COUNTRY, EntityType.ORGANIZATION) \
        and office.concept in SINGLE_HOLDER


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen = set()
    out = []
    for c in claims:
        key = (c.kind, tuple((r, m.name, m.hint) for r, m in c.roles), c.when, c.until, c.attributes,
               c.evidence.sentence if c.evidence else None)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
