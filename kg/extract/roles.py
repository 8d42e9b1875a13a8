"""Roles: who holds which office for which state or body.

Patterns (German news introduces people this way):
- "der russische Präsident Wladimir Putin", "US-Präsident Biden",
  "Vietnams Außenminister, Bui Thanh Son," (office, then name);
- "Nguyen Phu Trong, den Chef der Kommunistischen Partei Vietnams",
  "Ridzwan Rahmat, ein in Singapur ansässiger Analyst des ... Janes"
  (name, then apposition);
- "Trong ist als KP-Chef ...", "... war 2018 bis 2021 selbst Staatspräsident"
  (copula); "ehemaliger", "früherer", "Ex-" mark former holders;
- "Botschafter in Vietnam" names the state an envoy is accredited to.
The state or body comes from an adjective ("russische"), a compound prefix
("US-", "Kreml-"), a genitive before ("Vietnams") or a "der/des/am/beim"
phrase after the office.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.context import ArticleContext, MentionSpan
from kg.model import Claim, EntityType, FactKind, PartialDate, Role

EXTRACTOR = "roles.v1"
FORMER = ("ehemalig", "früher", "damalig", "einstig", "vormalig", "ex-", "alt")
# Heads that name an office only together with the body they lead.
CHIEF_WORDS = frozenset({"chef", "chefin", "führer", "führerin", "vorsitzende", "vorsitzender", "anführer"})
# Words that tie an office to its body ("Analyst am ISEAS", "Generalsekretär
# der KP"); "für" names a field ("Mitarbeiter für Russland"), not a body.
LINK_WORDS = frozenset({"der", "des", "am", "beim", "im", "von", "vom", "bei"})
FILLER_TAGS = frozenset({"ART", "ADJA", "ADJD", "APPR", "APPRART", "ADV", "$,", "PPOSAT", "CARD", "NN", "NE", "PIAT",
                         "KON"})
ENVOYS = frozenset({"ambassador"})
COPULA = frozenset({"ist", "war", "wurde", "bleibt", "gilt"})


@dataclass(frozen=True, slots=True)
class OfficeMention:
    """An office word with the body it belongs to, before a person is known."""

    start: int  # first token of the phrase (adjective or office)
    end: int  # token after the phrase (after the body, if any)
    office_i: int
    concept: str
    org: MentionSpan | None
    to: MentionSpan | None
    former: bool


@dataclass(frozen=True, slots=True)
class RoleFact:
    """A role claim with the mentions it was read from: coreference learns
    from them whom each person acts for."""

    claim: Claim
    person: MentionSpan
    org: MentionSpan


def extract(ctx: ArticleContext) -> tuple[Claim, ...]:
    return tuple(fact.claim for fact in read(ctx))


def read(ctx: ArticleContext) -> tuple[RoleFact, ...]:
    return tuple(_read(ctx))


def _read(ctx: ArticleContext) -> Iterator[RoleFact]:
    # an office named without its body belongs to the state the person
    # was already said to act for
    acts_for: dict[str, MentionSpan] = {}
    for sent in ctx.sentences:
        previous: tuple[OfficeMention, MentionSpan] | None = None
        for office in find_offices(ctx, sent):
            person = _holder(ctx, sent, office)
            if person is None and previous is not None and _coordinated(ctx, previous[0], office):
                person = previous[1]  # "X, Mitarbeiter am IISS und ehemaliger Botschafter in Belarus"
            if person is None:
                continue
            previous = (office, person)
            org = office.org or acts_for.get(person.name)
            if org is None:
                continue
            if (state := acting_for(ctx, org)) is not None:
                acts_for.setdefault(person.name, state)
            start, until = _period(ctx, sent, office)
            former = office.former or (until is not None and ctx.published is not None
                                       and until.year < ctx.published.year)
            claim = ctx.claim(
                FactKind.ROLE,
                [(Role.PERSON, person), (Role.ORG, org), (Role.TO, office.to)],
                sent, when=start, until=until, extractor=EXTRACTOR, trigger=office.office_i,
                attributes=[("office", office.concept), ("former", "true" if former else None)],
            )
            if claim is not None:
                yield RoleFact(claim, person, org)


def acting_for(ctx: ArticleContext, org: MentionSpan) -> MentionSpan | None:
    """Whom the holder of an office in ``org`` acts for: the state, the state
    a body belongs to, else the body itself; nobody for an office in a city."""
    if org.type is EntityType.COUNTRY:
        return org
    if org.type is EntityType.ORGANIZATION:
        return ctx.country_of(org) or org
    return None


def _coordinated(ctx: ArticleContext, first: OfficeMention, second: OfficeMention) -> bool:
    """The second office is joined to the first by "und" / "sowie" with no
    other person between."""
    between = ctx.doc[first.end : second.start]
    return any(t.lower_ in ("und", "sowie") for t in between) and not any(
        (s := ctx.span_at(t.i)) is not None and s.type is EntityType.PERSON for t in between)


def find_offices(ctx: ArticleContext, sent: Span) -> list[OfficeMention]:
    offices = ctx.lexicon.table("office")
    doc = ctx.doc
    out = []
    for tok in sent:
        if not tok.text[:1].isupper() or tok.pos_ == "PROPN" and ctx.span_at(tok.i) and not ctx.span_at(tok.i).prefix:
            continue
        concept = offices.match(tok.text)
        if concept is None and tok.i > sent.start:
            # two-word offices: "Wissenschaftlicher Mitarbeiter"
            concept = offices.match(f"{ctx.doc[tok.i - 1].text} {tok.text}", compounds=False)
            concept = concept if concept is not None and " " in _form_of(offices, concept) else None
        chief = tok.lower_ in CHIEF_WORDS or tok.text.lower().endswith("-chef")
        if concept is None and not chief:
            continue
        start, org = _org_before(ctx, sent, tok)
        end, org_after, to = _org_after(ctx, sent, tok)
        org = org or org_after
        if concept is None:  # "Chef der Kommunistischen Partei", "Kreml-Chef"
            if org is None:
                continue
            concept = "party_leader" if "partei" in org.name.lower() else "leader"
        former = _is_former(doc, start, tok)
        # only envoys are accredited somewhere; "Analyst am X in Washington" is not
        to = to if concept in ENVOYS else None
        out.append(OfficeMention(start, end, tok.i, concept, org, to, former))
    return out


def _form_of(offices, concept: str) -> str:
    return next((f for f, c in offices.forms if c == concept and " " in f), "")


def _org_before(ctx: ArticleContext, sent: Span, tok: Token) -> tuple[int, MentionSpan | None]:
    """The body named before the office: compound prefix, adjective or
    genitive, or the state an office holder stands in for ("die USA in Form
    von Staatssekretär X")."""
    here = ctx.span_at(tok.i)
    if here is not None and here.prefix:
        return tok.i, here
    if tok.i - 3 >= sent.start and ctx.doc[tok.i - 3 : tok.i].text.lower() in ("in form von", "in person von"):
        states = [s for s in ctx.spans_in(sent, (EntityType.COUNTRY, EntityType.ORGANIZATION), names_only=True)
                  if s.end <= tok.i - 3]
        if states:
            return tok.i, states[-1]
    i = tok.i - 1
    while i >= sent.start and i >= tok.i - 3:
        span = ctx.span_at(i)
        if span is not None and span.type in (EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.CITY):
            if span.adjective or ctx.doc[span.end - 1].text.endswith("s"):
                return span.start, _state_for(ctx, span)
            return tok.i, None
        if ctx.doc[i].tag_ not in ("ADJA", "ADJD", "ART", "PPOSAT", "ADV") or ctx.doc[i].is_punct:
            break
        i -= 1
    return tok.i, None


def _state_for(ctx: ArticleContext, span: MentionSpan) -> MentionSpan:
    # "Kreml" stands for Russia already; a capital as adjective does too
    if span.type is EntityType.CITY:
        return ctx.country_of(span) or span
    return span


def _org_after(ctx: ArticleContext, sent: Span, tok: Token) -> tuple[int, MentionSpan | None, MentionSpan | None]:
    """"der Kommunistischen Partei Vietnams", "am ISEAS", "in Vietnam" (to)."""
    doc = ctx.doc
    org = to = None
    end = tok.i + 1
    i = tok.i + 1
    limit = min(sent.end, tok.i + 9)
    while i < limit:
        t = doc[i]
        span = ctx.span_at(i)
        if span is not None and span.type is EntityType.PERSON:
            break
        if span is not None and not span.adjective:
            prev = doc[span.start - 1].lower_ if span.start > 0 else ""
            if prev == "in" and to is None and span.type in (EntityType.COUNTRY, EntityType.CITY):
                to = _state_for(ctx, span)
            elif org is None and span.type in (EntityType.COUNTRY, EntityType.ORGANIZATION):
                if any(w.lower_ in LINK_WORDS for w in doc[tok.i + 1 : span.start]):
                    org = span
            end = span.end
            i = span.end
            continue
        if t.tag_ not in FILLER_TAGS and not t.is_space:
            break
        if t.text == "," and i > tok.i + 1:
            break
        if i > tok.i + 1 and t.text[:1].isupper() and ctx.lexicon.table("office").match(t.text) is not None:
            break  # the next office of a list: "... am IISS und ehemaliger Botschafter"
        i += 1
    return end, org, to


def _is_former(doc, start: int, tok: Token) -> bool:
    if tok.text.lower().startswith(("ex-", "alt")) and not tok.text.lower().startswith("alter"):
        return True
    return any(doc[j].lower_.startswith(FORMER) for j in range(max(0, start - 2), tok.i))


def _holder(ctx: ArticleContext, sent: Span, office: OfficeMention) -> MentionSpan | None:
    doc = ctx.doc
    # office, then name: "Präsident Wladimir Putin", "Außenminister, Bui Thanh Son,"
    i = office.end
    if i < sent.end and doc[i].text == ",":
        i += 1
    span = ctx.span_at(i) if i < sent.end else None
    if span is None and office.end == office.office_i + 1:
        span = ctx.span_at(office.office_i + 1) if office.office_i + 1 < sent.end else None
    if span is not None and span.type is EntityType.PERSON:
        return span
    # name, then apposition: "Nguyen Phu Trong, den Chef der ..."
    j = office.start - 1
    steps = 0
    while j >= sent.start and steps < 7:
        span = ctx.span_at(j)
        if span is not None and span.type is EntityType.PERSON:
            between = doc[span.end : office.start]
            if steps == 0 or (any(t.text == "," for t in between) and not _closes_apposition(ctx, span)):
                return span
            return None
        if span is not None:
            j = span.start - 1
            steps += 1
            continue
        t = doc[j]
        if t.tag_ not in ("ART", "ADJA", "ADJD", "APPR", "APPRART", "$,", "PIAT", "NE", "ADV", "CARD") \
                and t.lower_ not in COPULA and t.lower_ != "als":
            break
        j -= 1
        steps += 1
    # copula: "Trong ist als KP-Chef ...", "X war ... Staatspräsident"
    persons = ctx.spans_in(sent, [EntityType.PERSON])
    if persons and persons[0].start < office.start:
        between = {t.lower_ for t in doc[persons[0].end : office.start]}
        others = ctx.spans_in(sent, [EntityType.PERSON])[1:]
        if between & COPULA and len(doc[persons[0].end : office.start]) <= 16 and not any(
                persons[0].end <= o.start < office.start for o in others):
            return persons[0]
    return None


def _closes_apposition(ctx: ArticleContext, name: MentionSpan) -> bool:
    """"der Generalsekretär der KP, Nguyen Phu Trong, den russischen
    Präsidenten ...": the name is itself an apposition to an office before
    it, so what follows its closing comma is a new phrase, not its title."""
    doc = ctx.doc
    i = name.start - 1
    if i < 1 or doc[i].text != ",":
        return False
    for j in range(i - 1, max(-1, i - 8), -1):
        if ctx.lexicon.table("office").match(doc[j].text) is not None:
            return True
        if doc[j].text in (",", ".", ";") or doc[j].tag_.startswith("V"):
            return False
    return False


def _period(ctx: ArticleContext, sent: Span, office: OfficeMention) -> tuple[PartialDate | None, PartialDate | None]:
    """A range near the office ("von 2017 bis 2021 US-Botschafter",
    "2018 bis 2021 selbst Staatspräsident")."""
    tok = ctx.doc[office.office_i]
    best = None
    for d in ctx.dates_in(sent):
        if d.span.end is None or d.span.start is None or d.span.end == d.span.start:
            continue
        distance = abs(d.start - tok.idx)
        if distance < 60 and (best is None or distance < abs(best.start - tok.idx)):
            best = d
    if best is None:
        return None, None
    return best.span.start, best.span.end
