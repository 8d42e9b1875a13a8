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
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any, cast

from spacy.tokens import Doc, Span, Token

from kg.extract.appositions import (
    apposed,
    bracketed_body,
    dateline_city,
    deputy_office,
    genitive,
    local_state,
    party_state,
    past_transparent,
    successions,
)
from kg.extract.context import ArticleContext, MentionSpan
from kg.gazetteer import GazetteerEntry
from kg.lexicon import TermTable
from kg.model import Claim, EntityType, FactKind, Mention, PartialDate, Role
from kg.stts import NAME_TAGS

EXTRACTOR = "roles.v1"
FORMER = ("ehemalig", "früher", "damalig", "einst", "vormalig", "ex-", "alt", "bisher")
# Heads that name an office only together with the body they lead.
CHIEF_WORDS = frozenset({"chef", "chefin", "führer", "führerin", "vorsitzende", "vorsitzender", "anführer"})
# Words that tie an office to its body ("Analyst am ISEAS", "Generalsekretär
# der KP"); "für" names a field ("Mitarbeiter für Russland"), not a body.
LINK_WORDS = frozenset({"der", "des", "am", "beim", "im", "von", "vom", "bei"})
FILLER_TAGS = frozenset({"ART", "ADJA", "ADJD", "APPR", "APPRART", "ADV", "$,", "PPOSAT", "CARD", "NN", "NE", "PIAT",
                         "KON"})
ENVOYS = frozenset({"ambassador"})
COPULA = frozenset({"ist", "war", "wurde", "bleibt", "gilt"})
# Heads of compounds that name a chief of the body in front ("Ko-Chefin",
# "Landesvorsitzende"); a "Vizechef" is a deputy, not the chief.
CHIEF_HEADS = ("chef", "chefin", "vorsitzende", "vorsitzender", "vorsitzenden", "führer", "führerin")
# Offices a state confers: without a body named, they belong to the state the
# holder acts for or the article is about.
STATE_OFFICES = frozenset({
    "president", "leader", "head_of_government", "deputy_head_of_government", "vice_president",
    "foreign_minister", "defence_minister", "minister", "finance_minister", "economy_minister",
    "interior_minister", "justice_minister", "culture_minister", "eu_minister", "undersecretary",
    "ambassador", "king", "senator", "member_of_parliament", "presidential_candidate", "first_lady",
    "general", "judge", "prosecutor", "negotiator", "adviser", "governor",
})
# Offices of a city or region: "Roms Bürgermeister" is Rome's, not Italy's.
LOCAL_OFFICES = frozenset({"mayor", "prefect", "governor"})
# Offices held in a parliament: a party prefix ("ABC-Abgeordneter") is the
# holder's affiliation; the office belongs to the state's parliament.
MEMBER_OFFICES = frozenset({"member_of_parliament", "senator"})
# Words in the name of a body of the state, not a party ("Geheimdienst-Chef").
STATE_BODY_WORDS = ("ministerium", "amt", "dienst", "behörde", "regierung", "rat", "gericht", "armee", "bank",
                    "polizei", "kommission", "parlament", "kongress", "senat", "militär", "streitkräfte", "garde",
                    "agentur", "institut", "verwaltung")
PRINCIPAL_OFFICES = frozenset({"spokesperson", "adviser", "negotiator", "physician"})
# Short first parts of compounds that name no body: "Ex-Chef", "Vize-Chef", "Team-Chef".
NOT_BODY_PREFIXES = frozenset({"ex", "vize", "ko", "co", "team", "stabs", "clan", "firmen", "haus", "amts", "top",
                               "chef", "neo", "alt", "sub"})
# Offices an adjective of a party can qualify: "der republikanische Bewerber X".
PARTY_ADJECTIVE_OFFICES = frozenset({"presidential_candidate", "party_official"})


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
    # the person whose office this one serves: "der Sprecher von Präsident X"
    principal: MentionSpan | None = None


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
    if office.concept not in STATE_OFFICES or office.concept in LOCAL_OFFICES:
        return dateline_city(ctx, office.concept)
    return party_state(ctx, sent, person) or _article_state(ctx, local_state(ctx, sent, office.start))


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
    other person between."""
    between = ctx.doc[first.end : second.start]
    chained = holder is not None and holder.end < first.start and ctx.doc[holder.end].text == "," \
        and len(between) > 0 and between[0].text == "," \
        and all(t.tag_ in ("$,", "ART", "ADJA", "ADJD", "ADV") for t in between)  # "X, ein A, B aus C"
    return (chained or any(t.lower_ in ("und", "sowie") for t in between)) and not any(
        (s := ctx.span_at(t.i)) is not None and s.type is EntityType.PERSON for t in between) and not any(
        t.tag_ in ("PPOSAT", "PRELAT", "PDAT", "PDS") or t.lower_ in ("dessen", "deren") for t in between)


def find_offices(ctx: ArticleContext, sent: Span) -> list[OfficeMention]:
    offices = ctx.lexicon.table("office")
    doc = ctx.doc
    out = []
    for tok in sent:
        if not tok.text[:1].isupper() or tok.pos_ == "PROPN" and ctx.span_at(tok.i) \
                and not cast(MentionSpan, ctx.span_at(tok.i)).prefix:
            continue
        concept = offices.match(tok.text)
        if concept is None and tok.i > sent.start:
            # two-word offices: "Wissenschaftlicher Mitarbeiter"
            concept = offices.match(f"{ctx.doc[tok.i - 1].text} {tok.text}", compounds=False)
            concept = concept if concept is not None and " " in _form_of(offices, concept) else None
        chief = _is_chief(tok)
        if concept is None and not chief:
            continue
        start, org = _org_before(ctx, sent, tok, concept)
        end, org_after, to, principal = _org_after(ctx, sent, tok)
        bracketed = bracketed_body(ctx, sent, tok) if org is None and org_after is None else None
        if bracketed is not None:  # "Sprecher der <long name> (ABBR), X"
            end, org_after = bracketed
        end = past_transparent(ctx, sent, end)
        org = org or org_after
        if concept is None:  # "Chef der Kommunistischen Partei", "Kreml-Chef", "ABC-Chef"
            if org is None:
                continue
            chair = tok.lower_.endswith(("vorsitzende", "vorsitzender", "vorsitzenden")) and _national(ctx, org)
            concept = "party_leader" if chair or _is_party(ctx, org, doc[tok.i : org.start]) else "leader"
        concept = deputy_office(concept, org)
        former = _is_former(doc, start, tok) or _time_as(doc, start) is not None
        if org is None and to is not None and to.type is EntityType.COUNTRY and concept in STATE_OFFICES \
                and concept not in ENVOYS:
            org = to  # "Regierungschef in Belgien"
        # only envoys are accredited somewhere; "Analyst am X in Washington" is not
        to = to if concept in ENVOYS else None
        if org is None and concept == "pope":
            org = _church(ctx, tok)
        principal = principal if org is None and concept in PRINCIPAL_OFFICES else None
        out.append(OfficeMention(start, end, tok.i, concept, org, to, former, principal))
    # "Regierungschef und Finanzminister in Belgien": the body named last serves both
    for k in range(len(out) - 2, -1, -1):
        a, b = out[k], out[k + 1]
        if [w.lower_ for w in doc[a.end : b.start]] not in (["und"], ["sowie"]):
            continue
        if a.org is None and b.org is not None:
            out[k] = a = replace(a, org=b.org)
        if a.former and not b.former and _time_as(doc, a.start) is not None:
            out[k + 1] = replace(b, former=True)  # "seine Zeit als Regierungschef und Finanzminister"
    return out


TIME_AS = ("zeit", "amtszeit", "vergangenheit", "tätigkeit")


def _time_as(doc: Doc, start: int) -> int | None:
    """"in seiner Zeit als Außenministerin": the office held before; the
    index of the possessive."""
    if start < 3 or doc[start - 1].lower_ != "als" or doc[start - 2].lower_ not in TIME_AS:
        return None
    possessive = doc[start - 3]
    return possessive.i if possessive.lower_.startswith(("sein", "ihr")) else None


def _church(ctx: ArticleContext, tok: Token) -> MentionSpan:
    """The pope heads the Catholic Church, named or not."""
    m = Mention(tok.text, EntityType.ORGANIZATION, ctx.evidence(tok.idx, tok.idx + len(tok.text)),
                norm="Katholische Kirche")
    return MentionSpan(tok.i, tok.i + 1, m, None, adjective=True)


def _is_chief(tok: Token) -> bool:
    """"Chef", "Kreml-Chef", "ABC-Ko-Chefin", "Landesvorsitzende"."""
    lower = tok.text.lower()
    head = lower.rsplit("-", 1)[-1]
    if tok.lower_ in CHIEF_WORDS or head.startswith("vize"):
        return tok.lower_ in CHIEF_WORDS
    return "-" in lower and (head in CHIEF_HEADS or head.endswith(("chef", "chefin"))) or head.endswith(
        ("vorsitzende", "vorsitzender", "vorsitzenden"))


def _is_party(ctx: ArticleContext, org: MentionSpan, between: Span) -> bool:
    """A body whose chief leads a party: its name or the words before it say
    "Partei" ("Oppositionspartei ABC"), or it is no state, no state body and
    no body the gazetteer knows as international ("ABC-Chef")."""
    if org.type is not EntityType.ORGANIZATION:
        return False
    name = org.name.lower()
    if "partei" in name or any(t.lower_.endswith("partei") for t in between):
        return True
    if _party_marked(ctx, org):
        return True
    if org.entry is not None:
        return org.entry.kind == "party"  # "FPÖ-Chef"; not "WTO-Chef", "Nato-Chef", "BND-Chef"
    return not any(w in name for w in STATE_BODY_WORDS)


def _national(ctx: ArticleContext, org: MentionSpan) -> bool:
    """A body of one state (a party, say), not an international one."""
    if org.type is not EntityType.ORGANIZATION:
        return False
    if org.entry is None:
        return True
    parent = ctx.gazetteer.get(org.entry.part_of) if org.entry.part_of else None
    return parent is not None and parent.type is EntityType.COUNTRY


def _party_marked(ctx: ArticleContext, org: MentionSpan) -> bool:
    """Somewhere in the article the body is called a party: "die Partei ABC",
    "die ABC-Partei", or it stands in brackets after a person's name."""
    doc = ctx.doc
    for s in ctx.spans:
        if s.name != org.name:
            continue
        before = doc[s.start - 1] if s.start > 0 else None
        if before is not None and before.lower_.endswith("partei"):
            return True
        if s.prefix and doc[s.start].text.lower().endswith("-partei"):
            return True
        if before is not None and before.text == "(" and s.start > 1:
            name = ctx.span_at(s.start - 2)
            if name is not None and name.type is EntityType.PERSON:
                return True
    return False


def _form_of(offices: TermTable, concept: str) -> str:
    return next((f for f, c in offices.forms if c == concept and " " in f), "")


def _org_before(ctx: ArticleContext, sent: Span, tok: Token,
                concept: str | None = None) -> tuple[int, MentionSpan | None]:
    """The body named before the office: compound prefix, adjective or
    genitive, or the state an office holder stands in for ("die USA in Form
    von Staatssekretär X")."""
    here = ctx.span_at(tok.i)
    if here is not None and here.prefix:
        return tok.i, here
    if here is None:
        prefix = _prefix_body(ctx, tok, concept)
        if prefix is not None:
            return tok.i, prefix
    if tok.i - 3 >= sent.start and ctx.doc[tok.i - 3 : tok.i].text.lower() in ("in form von", "in person von"):
        states = [s for s in ctx.spans_in(sent, (EntityType.COUNTRY, EntityType.ORGANIZATION), names_only=True)
                  if s.end <= tok.i - 3]
        if states:
            return tok.i, states[-1]
    i = tok.i - 1
    while i >= sent.start and i >= tok.i - 3:
        span = ctx.span_at(i)
        if span is not None and span.type in (EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.CITY):
            possessive = any(ctx.doc[x].lower_.startswith(("sein", "ihr")) for x in range(span.end, tok.i))
            if span.adjective or ctx.doc[span.end - 1].text.endswith("s") or possessive:
                # "Kenia seine Außenministerin X"
                return span.start, (span if concept in LOCAL_OFFICES else _state_for(ctx, span))
            return tok.i, None
        if ctx.doc[i].tag_ not in ("ADJA", "ADJD", "ART", "PPOSAT", "ADV") or ctx.doc[i].is_punct:
            break
        if concept in PARTY_ADJECTIVE_OFFICES and ctx.doc[i].tag_ == "ADJA":
            party = _party_of_adjective(ctx, ctx.doc[i])
            if party is not None:  # "der republikanische Bewerber X"
                return i, party
        i -= 1
    return tok.i, None


def _party_of_adjective(ctx: ArticleContext, adj: Token) -> MentionSpan | None:
    """The body an adjective names when the article names a body with its
    stem: "republikanische" ~ "Republikaner", "demokratische" ~ "Demokraten"."""
    word = adj.lower_
    for ending in ("ischen", "ischer", "isches", "ischem", "ische", "isch", "en", "er", "es", "em", "e"):
        if word.endswith(ending):
            word = word[: -len(ending)]
            break
    if len(word) < 6:
        return None
    for s in ctx.spans:
        if s.type is EntityType.ORGANIZATION and not s.adjective and not s.prefix \
                and s.mention.text.lower().startswith(word) and " " not in s.mention.text:
            m = Mention(adj.text, s.type, ctx.evidence(adj.idx, adj.idx + len(adj.text)), norm=s.name)
            return MentionSpan(adj.i, adj.i + 1, m, s.entry, adjective=True)
    # "die Republikaner", "den Demokraten": members named as a group
    for tok in ctx.doc:
        lower = tok.lower_
        if tok.text[:1].isupper() and lower.startswith(word) and lower[len(word):] in ("er", "en", "ern", "n") \
                and tok.i > 0 and ctx.doc[tok.i - 1].lower_ in ("die", "der", "den") and ctx.span_at(tok.i) is None:
            m = Mention(adj.text, EntityType.ORGANIZATION, ctx.evidence(adj.idx, adj.idx + len(adj.text)),
                        norm=tok.text)
            return MentionSpan(adj.i, adj.i + 1, m, None, adjective=True)
    return None


def _prefix_body(ctx: ArticleContext, tok: Token, concept: str | None) -> MentionSpan | None:
    """The body in front of a compound no mention covers: "ABC-Chef" where
    the article names ABC elsewhere (or ABC is an acronym, for a chief or a
    member of parliament); "Interpolgeneralsekretär" (a gazetteer name
    glued to the office)."""
    text = tok.text
    if "-" in text.strip("-"):
        prefix = text.split("-")[0]
        if len(prefix) < 2 or not prefix[:1].isupper():
            return None
        for s in ctx.spans:
            if s.type in (EntityType.ORGANIZATION, EntityType.COUNTRY) and not s.adjective \
                    and prefix in (s.mention.text, s.name):
                return _body_at(ctx, tok, prefix, s.type, s.name, s.entry)
        if concept in (None, "party_leader", "member_of_parliament", "parliamentary_leader", "party_official",
                       "analyst") \
                and (sum(c.isupper() for c in prefix) >= 2 or tok.tag_ == "NE" or len(prefix) <= 6) \
                and len(prefix) <= 8 and prefix.isalpha() and prefix.lower() not in NOT_BODY_PREFIXES \
                and ctx.gazetteer.lookup(prefix) is None:
            return _body_at(ctx, tok, prefix, EntityType.ORGANIZATION, prefix, None)
        return None
    if concept is None:
        return None
    offices = ctx.lexicon.table("office")
    lower = text.lower()
    for k in range(4, len(lower) - 3):  # the longest office head that makes the compound
        if offices.match(lower[k:], compounds=False) == concept:
            # "Kenianerpräsident" (a demonym), "Interpolgeneralsekretär" (a name and a linking s)
            entry = ctx.gazetteer.lookup(text[:k]) or (ctx.gazetteer.lookup(text[: k - 1]) if lower[k - 1] == "s" else None)
            part = text[:k]
            if entry is None:
                match = ctx.gazetteer.match_prefix(text)
                if match is None:
                    return None
                entry, part = match
                if text[len(part) : k] not in ("", "s"):
                    return None
            if entry.type not in (EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.CITY):
                return None
            body = _body_at(ctx, tok, part, entry.type, entry.label, entry)
            return body if concept in LOCAL_OFFICES else _state_for(ctx, body)
    return None


def _body_at(ctx: ArticleContext, tok: Token, text: str, etype: EntityType, name: str,
             entry: GazetteerEntry | None) -> MentionSpan:
    m = Mention(text, etype, ctx.evidence(tok.idx, tok.idx + len(text)), norm=name)
    return MentionSpan(tok.i, tok.i + 1, m, entry, prefix=True)


def _state_for(ctx: ArticleContext, span: MentionSpan) -> MentionSpan:
    # "Kreml" stands for Russia already; a capital as adjective does too
    if span.type is EntityType.CITY:
        return ctx.country_of(span) or span
    return span


def _org_after(ctx: ArticleContext, sent: Span,
               tok: Token) -> tuple[int, MentionSpan | None, MentionSpan | None, MentionSpan | None]:
    """"der Kommunistischen Partei Vietnams", "am ISEAS", "in Vietnam" (to);
    "von Präsident X" / "des Präsidenten X" (the principal served)."""
    doc = ctx.doc
    offices = ctx.lexicon.table("office")
    org = to = principal = None
    end = tok.i + 1
    i = tok.i + 1
    limit = min(sent.end, tok.i + 9)
    while i < limit:
        t = doc[i]
        span = ctx.span_at(i)
        if span is not None and span.type is EntityType.PERSON:
            break
        if i == tok.i + 1 and t.lower_ in ("von", "des") and i + 2 < sent.end:
            j = i + 1 if ctx.span_at(i + 1) is not None else i + 2
            served = ctx.span_at(j)
            if served is not None and served.type is EntityType.PERSON and (
                    j == i + 1 or offices.match(doc[i + 1].text) is not None):
                principal = served
                end = served.end
                break
        if span is not None and not span.adjective:
            prev = doc[span.start - 1].lower_ if span.start > 0 else ""
            if prev == "in" and to is None and span.type in (EntityType.COUNTRY, EntityType.CITY):
                to = _state_for(ctx, span)
            elif org is None and span.type in (EntityType.COUNTRY, EntityType.ORGANIZATION):
                preps = [w for w in doc[tok.i + 1 : span.start] if w.tag_ in ("APPR", "APPRART")]
                # "der Volksvertretung zu X": the last preposition must tie X to the office
                if any(w.lower_ in LINK_WORDS for w in doc[tok.i + 1 : span.start]) and (
                        not preps or preps[-1].lower_ in LINK_WORDS):
                    org = span
            end = span.end
            i = span.end
            continue
        if t.tag_ not in FILLER_TAGS and not t.is_space:
            break
        if t.text == "," and i > tok.i + 1:
            break
        if i > tok.i + 1 and t.text[:1].isupper() and offices.match(t.text) is not None:
            break  # the next office of a list: "... am IISS und ehemaliger Botschafter"
        i += 1
    return end, org, to, principal


def _is_former(doc: Doc, start: int, tok: Token) -> bool:
    lower = tok.text.lower()
    if lower.startswith(("ex-", "alt")) and not lower.startswith("alter"):
        return True
    if lower.startswith("ex") and lower[2:3].isalpha() and lower[2:4] not in ("pe", "tr", "po", "pl", "am", "il"):
        return True  # "Expräsident", "Exkanzler" (not "Experte", "Extremist", "Export", "Explosion", "Examen", "Exil")
    return any(doc[j].lower_.startswith(FORMER) for j in range(max(0, start - 2), tok.i))


def _holders(ctx: ArticleContext, sent: Span, office: OfficeMention) -> list[MentionSpan]:
    """The holder, and after a plural office the names joined to it:
    "die Präsidentschaftskandidaten X und Y"; in "X ... aus ihrer Zeit als
    Außenministerin" the person named last before the possessive."""
    possessive = _time_as(ctx.doc, office.start)
    if possessive is not None:
        before = [s for s in ctx.spans_in(sent, [EntityType.PERSON]) if s.end <= possessive]
        return before[-1:]
    first = _holder(ctx, sent, office)
    if first is None:
        return []
    out = [first]
    if first.start < office.end or not _plural(ctx.doc, office):
        return out
    doc = ctx.doc
    i = first.end
    while i + 1 < sent.end and doc[i].text in (",", "und", "sowie"):
        nxt = ctx.span_at(i + 1)
        if nxt is None or nxt.type is not EntityType.PERSON:
            break
        out.append(nxt)
        i = nxt.end
    return out


def _with_surname(ctx: ArticleContext, sent: Span, span: MentionSpan) -> MentionSpan:
    """"Außenminister Hans Lang": a one-word name the NER ended before a
    capitalised surname that is also an adjective (Lang, Klein, Weiß)."""
    doc = ctx.doc
    nxt = span.end
    if span.end - span.start != 1 or nxt >= sent.end or ctx.span_at(nxt) is not None:
        return span
    t = doc[nxt]
    if not (t.text[:1].isupper() and t.is_alpha and t.tag_ in ("ADJD", "ADJA", "ADV") and not t.is_sent_start):
        return span
    text = doc[span.start : nxt + 1].text
    m = Mention(text, EntityType.PERSON, ctx.evidence(doc[span.start].idx, t.idx + len(t.text)))
    widened = MentionSpan(span.start, nxt + 1, m)
    cast(_Working, ctx).set_spans([s for s in ctx.spans if s is not span] + [widened])
    return widened


def _without_office(ctx: ArticleContext, span: MentionSpan, office: OfficeMention) -> MentionSpan:
    """A name the NER began with the office word ("Chefunterhändler X Y")
    is the name without it."""
    if not span.start <= office.office_i < span.end - 1:
        return span
    doc = ctx.doc
    start = office.office_i + 1
    text = doc[start : span.end].text
    m = Mention(text, EntityType.PERSON, ctx.evidence(doc[start].idx, doc[span.end - 1].idx + len(doc[span.end - 1].text)))
    trimmed = MentionSpan(start, span.end, m)
    cast(_Working, ctx).set_spans([s for s in ctx.spans if s is not span] + [trimmed])
    return trimmed


def _name_after(ctx: ArticleContext, sent: Span, i: int, span: MentionSpan | None) -> MentionSpan | None:
    """A name right after an office that the mentions missed
    ("Außenminister Hans-Peter Muster") or took for a body ("Außenministerin
    Ana Novak" read as an organization): two to four capitalised name
    tokens. It becomes a person mention of the article."""
    doc = ctx.doc
    offices = ctx.lexicon.table("office")
    if span is not None:
        if span.type is not EntityType.ORGANIZATION or span.entry is not None or span.prefix or span.adjective:
            return None
        tokens = list(doc[span.start : span.end])
        if not 2 <= len(tokens) <= 3 or not all(t.text[:1].isupper() and t.tag_ in NAME_TAGS for t in tokens):
            return None
        start, end = span.start, span.end
    else:
        start = end = i
        while end < sent.end and end - start < 4 and ctx.span_at(end) is None:
            t = doc[end]
            word = t.text.replace("-", "")
            person_token = t.ent_type_ in ("PER", EntityType.PERSON.value)
            surname = end > start and t.tag_ in ("ADJD", "ADJA") and not t.is_sent_start  # "Hans Lang"
            if not (t.text[:1].isupper() and word.isalpha() and (t.tag_ in NAME_TAGS or person_token or surname)):
                break
            if offices.match(t.text) is not None or ctx.gazetteer.lookup(t.text) is not None or t.is_sent_start:
                break
            end += 1
        after = ctx.span_at(end) if end < sent.end else None
        if end > start and after is not None and after.type is EntityType.PERSON and after.start == end:
            end = after.end  # "Jean-Paul" + "Muster": the first name the NER left out
        elif end - start < 2:
            return None
    text = doc[start:end].text
    m = Mention(text, EntityType.PERSON, ctx.evidence(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)))
    named = MentionSpan(start, end, m)
    cast(_Working, ctx).set_spans([s for s in ctx.spans if not (start <= s.start < end)] + [named])
    return named


def _plural(doc: Doc, office: OfficeMention) -> bool:
    word = doc[office.office_i].lower_
    before = doc[office.office_i - 1].lower_ if office.office_i > 0 else ""
    return (word.endswith("innen") or word.endswith("en")) and before not in (
        "des", "dem", "den", "einen", "einem", "eines", "ihren", "seinen", "ihrem", "seinem")


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
        return _with_surname(ctx, sent, _without_office(ctx, span, office))
    if span is not None and office.principal is not None and i > office.end:
        named = _name_after(ctx, sent, i, span)  # "der Sprecher von Präsident X, Y Z,"
        if named is not None:
            return named
    k = office.office_i + 1
    if k < sent.end and (office.org is None or ctx.span_at(k) is not office.org):
        named = _name_after(ctx, sent, k, ctx.span_at(k))
        if named is not None:
            return named
    # name, then apposition: "Nguyen Phu Trong, den Chef der ..."
    j = office.start - 1
    lead = ctx.span_at(office.start)
    if lead is not None and lead.type is EntityType.COUNTRY and not lead.adjective and not lead.prefix \
            and not doc[lead.end - 1].text.endswith("s"):
        j = sent.start - 1  # "X, Kenia seine Außenministerin": a new clause with its own subject
    steps = 0
    while j >= sent.start and steps < 7:
        span = ctx.span_at(j)
        if span is not None and span.type is EntityType.PERSON:
            between = doc[span.end : office.start]
            if steps == 0 and genitive(ctx, span):
                return None
            if steps == 0 or (any(t.text == "," for t in between) and not _closes_apposition(ctx, span)):
                return span
            return None
        if span is not None:
            j = span.start - 1
            steps += 1
            continue
        t = doc[j]
        if t.tag_ not in ("ART", "ADJA", "ADJD", "APPR", "APPRART", "$,", "PIAT", "NE", "ADV", "CARD", "PPOSAT") \
                and t.lower_ not in COPULA and t.lower_ != "als":
            break
        j -= 1
        steps += 1
    # copula: "Trong ist als KP-Chef ...", "X war ... Staatspräsident"
    persons = ctx.spans_in(sent, [EntityType.PERSON])
    if persons and persons[0].start < office.start:
        stretch = doc[persons[0].end : office.start]
        others = persons[1:]
        copulas = [t.i for t in stretch if t.lower_ in COPULA]
        if copulas and len(stretch) <= 16 and doc[persons[0].end].text != ":" and not any(
                persons[0].end <= o.start < office.start for o in others) and _predicative(doc, copulas[-1], office):
            return persons[0]
    # inverted copula: "Zwar bleibt X Außenminister"
    before = ctx.span_at(office.start - 1) if office.start > sent.start else None
    if before is not None and before.type is EntityType.PERSON and before.start > sent.start \
            and doc[before.start - 1].lower_ in COPULA:
        return before
    return None


def _predicative(doc: Doc, copula: int, office: OfficeMention) -> bool:
    """Between the copula and the office only what a predicate noun takes:
    "war 2017 bis 2023 Premierministerin", "ist als KP-Chef", "ist der neue
    Präsident"; not "ist nur eine Frage der Zahl der Abgeordneten"."""
    return all(t.tag_ in ("CARD", "APPR", "ADV", "ADJA", "ADJD", "KOKOM", "PTKNEG") or t.is_space
               or t.tag_ == "ART" and t.lower_ in ("ein", "eine", "der", "die")
               for t in doc[copula + 1 : office.start])


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
