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
("US-", "Kreml-", "Interpolgeneralsekretär"), a genitive before
("Vietnams") or a "der/des/am/beim" phrase after the office. Without one, a
state office ("Präsident X", "Außenminister X") belongs to the state the
person is known to act for, else to the state of the dateline, else to the
state the article is most about. A city office ("Roms Bürgermeister") keeps
its city. "X-Chef", "Chef der Partei X", "X-Vorsitzende" lead a party unless
X is a state or a known international body. "der Sprecher von Präsident X, Y":
Y speaks for X's state. "die Präsidentschaftskandidaten X und Y": both.
"Expräsident", "Ex-Kanzler" are former holders; a party in brackets after a
name ("X (ABC)") is an affiliation, not an office (but a one-state party
there says whose minister X is). Appositions, "in spe", a body known by its
abbreviation in brackets, deputies, successors and the state named near an
office are read with kg.extract.appositions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, cast

from spacy.tokens import Span

from kg.extract import candidacies
from kg.extract.appositions import (
    apposed,
    bracketed_party,
    dateline_city,
    local_state,
    party_state,
    successions,
)
from kg.extract.context import ArticleContext, MentionSpan
from kg.extract.holders import _holders, _period
from kg.extract.offices import (
    LOCAL_OFFICES,
    MEMBER_OFFICES,
    PARTY_OFFICES,
    STATE_OFFICES,
    OfficeMention,
    _national,
    find_offices,
)
from kg.extract.triggers import verb_lemma
from kg.model import Claim, EntityType, FactKind, Mention, Role

EXTRACTOR = "roles.v1"


@dataclass(frozen=True, slots=True)
class RoleFact:
    """A role claim with the mentions it was read from: coreference learns
    from them whom each person acts for."""

    claim: Claim
    person: MentionSpan
    org: MentionSpan


@dataclass(frozen=True, slots=True)
class RoleReading:
    """What roles read from an article: its role facts, and the view with
    the names it found after office words added to the mentions."""

    facts: tuple[RoleFact, ...]
    view: ArticleContext


class _Working:
    """Roles' private working copy of one article view. The names it adds to
    the mentions ("Außenministerin Ana Novak" read as a body) and the states
    it learns people act for are seen by the offices read after them; the
    view it was given stays as it was."""

    def __init__(self, view: ArticleContext) -> None:
        self.view = view
        self.acts_for: dict[str, MentionSpan] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.view, name)

    @property
    def affiliation(self) -> Mapping[str, MentionSpan]:
        return MappingProxyType(self.acts_for)

    def set_spans(self, spans: Iterable[MentionSpan]) -> None:
        self.view = self.view.with_coreference(spans, self.acts_for)

    def learn(self, person: MentionSpan, org: MentionSpan) -> None:
        state = acting_for(self.view, org)
        if state is not None and person.name not in self.acts_for:
            self.acts_for[person.name] = state
            self.view = self.view.with_coreference(self.view.spans, self.acts_for)


def extract(ctx: ArticleContext) -> tuple[Claim, ...]:
    return tuple(fact.claim for fact in read(ctx).facts)


def read(view: ArticleContext) -> RoleReading:
    work = _Working(view)
    facts = tuple(_read(cast(ArticleContext, work)))
    # the states learnt are coreference's to say; only the names stay
    return RoleReading(facts, view.with_coreference(work.view.spans, view.affiliation))


def _read(ctx: ArticleContext) -> Iterator[RoleFact]:
    facts = list(_read_offices(ctx))
    yield from facts
    yield from _successors(ctx, facts)


def _successors(ctx: ArticleContext, facts: list[RoleFact]) -> Iterator[RoleFact]:
    """"Xs Vorgänger Y": Y held the office read for X (Y's is former)."""
    for sent in ctx.sentences:
        for owner, holder, tok, former in successions(ctx, sent):
            seen: set[tuple[str, str]] = set()
            for fact in facts:
                concept = dict(fact.claim.attributes).get("office")
                if fact.person.name != owner.name or concept is None or (concept, fact.org.name) in seen:
                    continue
                seen.add((concept, fact.org.name))
                office = OfficeMention(tok.i, tok.i + 1, tok.i, concept, fact.org, None, former)
                new = _fact(ctx, sent, office, holder, fact.org)
                if new is not None:
                    yield new


def _read_offices(ctx: ArticleContext) -> Iterator[RoleFact]:
    for sent in ctx.sentences:
        previous: tuple[OfficeMention, MentionSpan] | None = None
        served: list[tuple[OfficeMention, MentionSpan]] = []
        found = find_offices(ctx, sent)
        for k, office in enumerate(found):
            holders = _holders(ctx, sent, office)
            if not holders and previous is not None and _coordinated(ctx, previous[0], office, previous[1]):
                holders = [previous[1]]  # "X, Mitarbeiter am IISS und ehemaliger Botschafter in Belarus"
            if not holders and k + 1 < len(found) and (
                    _joined(ctx, office, found[k + 1]) or apposed(ctx, office.end, found[k + 1].start)):
                holders = [h for h in _holders(ctx, sent, found[k + 1]) if h.start >= found[k + 1].end][:1]
            if not holders:
                continue
            previous = (office, holders[-1])
            for person in holders:
                if office.org is None and office.principal is not None:
                    served.append((office, person))  # once the principal's state is known
                    continue
                fact = _fact(ctx, sent, office, person, _org_for(ctx, sent, office, person))
                if fact is not None:
                    yield fact
        for office, person in served:
            principal = office.principal
            assert principal is not None
            fact = _fact(ctx, sent, office, person, ctx.affiliation.get(principal.name)
                         or _known_state(ctx, principal))
            if fact is not None:
                yield fact
        for office, person in candidacies.find(ctx, sent):
            fact = _fact(ctx, sent, office, person, _org_for(ctx, sent, office, person))
            if fact is not None:
                yield fact


def acting_for(ctx: ArticleContext, org: MentionSpan) -> MentionSpan | None:
    """Whom the holder of an office in ``org`` acts for: the state, the state
    a body belongs to, else the body itself; nobody for an office in a city."""
    if org.type is EntityType.COUNTRY:
        return org
    if org.type is EntityType.ORGANIZATION:
        return ctx.country_of(org) or org
    return None


def _fact(ctx: ArticleContext, sent: Span, office: OfficeMention, person: MentionSpan,
          org: MentionSpan | None) -> RoleFact | None:
    if org is None or org.type is EntityType.PERSON:
        return None
    cast(_Working, ctx).learn(person, org)
    start, until = _period(ctx, sent, office)
    former = office.former or (until is not None and ctx.published is not None
                               and until.year < ctx.published.year)
    claim = ctx.claim(
        FactKind.ROLE,
        [(Role.PERSON, person), (Role.ORG, org), (Role.TO, office.to)],
        sent, when=start, until=until, extractor=EXTRACTOR, trigger=office.office_i,
        attributes=[("office", office.concept), ("former", "true" if former else None)],
    )
    return RoleFact(claim, person, org) if claim is not None else None


def _org_for(ctx: ArticleContext, sent: Span, office: OfficeMention, person: MentionSpan) -> MentionSpan | None:
    """The body named with the office; for a state office named alone, the
    state the holder acts for, else the dateline's, else the article's."""
    org = office.org
    if org is not None and office.concept in MEMBER_OFFICES and org.type is EntityType.ORGANIZATION \
            and org.prefix and _national(ctx, org):
        org = ctx.country_of(org)  # "ABC-Abgeordneter": the party is an affiliation
    if org is not None and office.concept == "eu_minister" and org.type is not EntityType.COUNTRY:
        org = None  # an "EU-Minister" is a state's minister for EU affairs
    if org is not None:
        return org
    known = ctx.affiliation.get(person.name) or _known_state(ctx, person)
    if known is not None:
        if office.concept not in STATE_OFFICES or known.type is not EntityType.ORGANIZATION:
            return known
        state = ctx.country_of(known)
        if state is not None:
            return state
        if office.concept not in MEMBER_OFFICES and not _national(ctx, known):
            return known  # "Präsident X" of a body X is known to lead
    if office.concept in PARTY_OFFICES:
        return bracketed_party(ctx, sent, person)  # "Klubobmann X (ABC)": the party's group
    if office.concept not in STATE_OFFICES or office.concept in LOCAL_OFFICES:
        return dateline_city(ctx, office.concept)
    if _unread_genitive(ctx, sent, office):
        return None  # "der Außenminister der Inselrepublik": whose is said, in words not read
    nominator = _nominating_state(ctx, sent, office)
    if nominator is not None:
        return nominator
    return party_state(ctx, sent, person) or _article_state(ctx, local_state(ctx, sent, office.start))


def _nominating_state(ctx: ArticleContext, sent: Span, office: OfficeMention) -> MentionSpan | None:
    """"Stockholm nominierte den früheren Staatspräsidenten X": the state
    (or its capital) that appoints or nominates the holder is whose office it is."""
    clause = ctx.clause(sent, office.start)
    verbs = ctx.lexicon.verbs(FactKind.ROLE)
    verb = next((t for t in clause if t.tag_ == "VVFIN" and t.i < office.start and verb_lemma(t) in verbs), None)
    first = next((t for t in clause if not t.is_space and not t.is_punct and t.i not in ctx.dateline
                  and t.text not in ("–", "—")), None)
    if verb is None or first is None:
        return None
    subject = ctx.span_at(first.i)
    if subject is None or subject.end > verb.i or subject.type not in (EntityType.COUNTRY, EntityType.CITY):
        return None
    state = subject if subject.type is EntityType.COUNTRY else ctx.country_of(subject)
    return state if state is not None and state.type is EntityType.COUNTRY else None


def _unread_genitive(ctx: ArticleContext, sent: Span, office: OfficeMention) -> bool:
    """A genitive noun right after the office names its body where no
    mention covers it."""
    doc = ctx.doc
    k = office.end
    if k >= sent.end or doc[k].lower_ not in ("der", "des"):
        return False
    k += 1
    while k < sent.end and (doc[k].tag_ == "ADJA" or doc[k].is_space):
        k += 1
    # "Berater des Präsidenten": the office serves a person, whose state is the article's
    return k < sent.end and doc[k].tag_ == "NN" and ctx.span_at(k) is None \
        and ctx.lexicon.table("office").match(doc[k].text) is None


def _known_state(ctx: ArticleContext, person: MentionSpan) -> MentionSpan | None:
    """The state or body the gazetteer says a well-known person acts for."""
    entry = person.entry or ctx.gazetteer.lookup(person.name)
    if entry is None or entry.type is not EntityType.PERSON or not entry.part_of:
        return None
    body = ctx.gazetteer.get(entry.part_of)
    return ctx.synthetic(person, body) if body is not None else None


def _article_state(ctx: ArticleContext, near: MentionSpan | None = None) -> MentionSpan | None:
    """The state of the dateline ("Wien – ..."), else the state the article
    names most (itself, its capital, its people): also where the dateline
    names a place the gazetteer does not know (the correspondent's seat)."""
    dateline: dict[str, MentionSpan] = {}
    unknown = False
    for i in sorted(ctx.dateline):
        tok = ctx.doc[i]
        if not tok.text[:1].isupper():
            continue
        s = ctx.span_at(i)
        state = _dateline_state(ctx, s) if s is not None else None
        if state is None:
            unknown = True
        else:
            dateline.setdefault(state.name, state)
    for sent in ctx.sentences[:4]:  # "Belgrad– Bei einem ...": the dash glued to the name
        first = next((t for t in sent if not t.is_space), None)
        if first is not None and len(first.text) > 2 and first.text[-1] in "–—" and ctx.span_at(first.i) is None:
            entry = ctx.gazetteer.lookup(first.text[:-1])
            if entry is None or entry.type not in (EntityType.CITY, EntityType.COUNTRY):
                unknown = True
                continue
            m = Mention(first.text[:-1], entry.type, ctx.evidence(first.idx, first.idx + len(first.text) - 1),
                        norm=entry.label)
            state = _dateline_state(ctx, MentionSpan(first.i, first.i + 1, m, entry))
            if state is None:
                unknown = True
            else:
                dateline.setdefault(state.name, state)
    ranked = ctx.state_mentions()
    if len(dateline) == 1 and not unknown:
        filed = next(iter(dateline.values()))
        # the dateline says where the report was filed ("Puebla –" for a story
        # about Guatemala): a state the text names more often is its subject
        named = {mentions[0].name: len(mentions) for mentions in ranked}
        if ranked and ranked[0][0].name != filed.name and len(ranked[0]) > named.get(filed.name, 0) \
                and (near is None or near.name != filed.name):  # unless the text near the office names it
            return ranked[0][0]
        return filed
    if near is not None and len(dateline) > 1:
        return near  # "Warschau/Washington –": the state named near the office
    return ranked[0][0] if ranked else None


def _dateline_state(ctx: ArticleContext, span: MentionSpan) -> MentionSpan | None:
    if span.type is EntityType.COUNTRY:
        return span
    if span.type is EntityType.CITY:
        state = ctx.country_of(span)
        return state if state is not None and state.type is EntityType.COUNTRY else None
    return None


def _joined(ctx: ArticleContext, first: OfficeMention, second: OfficeMention) -> bool:
    """"Außenminister und Vizekanzler X": two offices joined right before one name."""
    between = [t.lower_ for t in ctx.doc[first.end : second.start] if not t.is_space]
    return between in (["und"], ["sowie"]) and first.office_i + 1 == first.end


def _coordinated(ctx: ArticleContext, first: OfficeMention, second: OfficeMention,
                 holder: MentionSpan | None = None) -> bool:
    """The second office is joined to the first by "und" / "sowie" with no
    other person between. The first phrase may reach over the second when
    the second's body follows both ("der frühere A und spätere B der X")."""
    between = ctx.doc[first.end if first.end <= second.start else first.office_i + 1 : second.start]
    chained = holder is not None and holder.end < first.start and ctx.doc[holder.end].text == "," \
        and len(between) > 0 and between[0].text == "," \
        and all(t.tag_ in ("$,", "ART", "ADJA", "ADJD", "ADV") for t in between)  # "X, ein A, B aus C"
    return (chained or any(t.lower_ in ("und", "sowie") for t in between)) and not any(
        (s := ctx.span_at(t.i)) is not None and s.type is EntityType.PERSON for t in between) and not any(
        t.tag_ in ("PPOSAT", "PRELAT", "PDAT", "PDS") or t.lower_ in ("dessen", "deren") for t in between)
