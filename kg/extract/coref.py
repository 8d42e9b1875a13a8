"""Coreference within one article, as one stage with a frozen result.

What it links: descriptions ("das Land", "das Bündnis": see
:mod:`kg.extract.descriptions`) to the state or body named before them, office phrases without a name ("der russische Staatschef",
"der UN-Generalsekretär") to the person the article's role facts say holds
that office, personal pronouns ("Er forderte ...") to the person the text
was just about, and each person to the state or body they act for. The result
is applied to the article view once, before the event extractors run, so
that every extractor sees the same links.

An office phrase whose holder the article does not name stays a person
mention keyed by its office (``Mention.hint``); resolution looks the holder
up in the role facts of the whole corpus.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract import descriptions
from kg.extract.context import ArticleContext, MentionSpan
from kg.extract.offices import OfficeMention, find_offices
from kg.extract.roles import RoleFact, acting_for
from kg.lexicon import office_class
from kg.model import Claim, EntityType, FactKind, Mention, Role
from kg.stts import FINITE_VERBS

# Offices one person holds at a time: "der russische Präsident", "der
# UN-Generalsekretär", "Vietnams Außenminister" name that person; "ein
# Analyst des Instituts" or "ein Sprecher des Ministeriums" do not.
# "der 70-Jährige", "die 58-Jährige": a person described by age, like "er"/"sie"
_AGED = re.compile(r"^\d{1,3}-[Jj]ährige[nr]?$")
DEFINITE = frozenset({"der", "dem", "den", "des", "das"})
SINGLE_HOLDER = frozenset({"president", "leader", "head_of_government", "general_secretary", "party_leader",
                           "secretary_general", "foreign_minister", "defence_minister", "finance_minister",
                           "economy_minister", "interior_minister", "justice_minister", "culture_minister",
                           "eu_minister", "vice_president", "king", "pope", "mayor", "governor",
                           "high_representative", "first_lady", "parliamentary_leader"})
# Offices a bare "der Minister" names when the article has named exactly one
# holder before it; a state has many ministers, an article rarely names two.
NAMED_BEFORE = SINGLE_HOLDER | {"minister", "ambassador", "senator", "special_envoy", "special_rapporteur", "commissioner",
                                "deputy_head_of_government", "presidential_candidate"}


@dataclass(frozen=True, slots=True)
class Coreference:
    # office phrases standing for a person, as person mentions
    anaphors: tuple[MentionSpan, ...]
    # person name -> the state or body they act for
    affiliation: Mapping[str, MentionSpan]
    # office concept -> who the article says holds it
    holders: Mapping[str, frozenset[str]]

    def apply(self, ctx: ArticleContext) -> ArticleContext:
        """The view with the anaphors as mentions; the adjective or prefix
        ("russische", "US-") inside an anaphor is no mention of its own."""
        covered = {i for s in self.anaphors for i in range(s.start, s.end)}
        kept = [s for s in ctx.spans if not (s.start in covered and (s.adjective or s.prefix))]
        return ctx.with_coreference([*kept, *self.anaphors], self.affiliation, self.holders)


def office_hint(concept: str, org_name: str) -> str:
    """The key resolution uses to find an office's holder in the corpus."""
    return f"{office_class(concept)}@{org_name}"


def office_holders(claims: Iterable[Claim]) -> dict[str, str]:
    """Office key -> the person the role claims most often name as its
    current holder (the first named, where they tie). The article's claims
    resolve its office phrases; the corpus' claims, at resolution, the
    phrases an article left open."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for claim in claims:
        if claim.kind is not FactKind.ROLE or claim.attribute("former") == "true":
            continue
        person, org = claim.role(Role.PERSON), claim.role(Role.ORG)
        if person and org and not (person[0].hint and not person[0].norm):
            votes[office_hint(claim.attribute("office") or "", org[0].name)][person[0].name] += 1
    return {hint: c.most_common(1)[0][0] for hint, c in votes.items()}


def resolve(ctx: ArticleContext, role_facts: Sequence[RoleFact]) -> Coreference:
    affiliation: dict[str, MentionSpan] = {}
    for fact in role_facts:
        if (state := acting_for(ctx, fact.org)) is not None:
            affiliation.setdefault(fact.person.name, state)
    holders = office_holders(fact.claim for fact in role_facts)
    article_holders: dict[str, set[str]] = defaultdict(set)
    for fact in role_facts:
        org = fact.claim.role(Role.ORG)
        if org and fact.claim.attribute("former") != "true":
            article_holders[office_hint(fact.claim.attribute("office") or "", org[0].name)].add(fact.person.name)
    anaphors: list[MentionSpan] = []
    for sent in ctx.sentences:
        for office in find_offices(ctx, sent):
            if office.org is None and not office.former:
                bare = _bare_office(ctx, office, role_facts)
                if bare is not None:
                    anaphors.append(bare)
                continue
            if office.org is None or office.former or _named_right_there(ctx, office):
                continue
            hint = office_hint(office.concept, office.org.name)
            if _stands_for_person(office):
                holder = holders.get(hint, "")
                if not holder and office.concept == "party_leader":
                    holder = _only_member(ctx, office.org, office.start)
            elif office.concept in NAMED_BEFORE and _definite(ctx, office) \
                    and len(named := article_holders.get(hint, set())) == 1:
                # "der UN-Sonderberichterstatter": a body has many, but an
                # article that names one of them means that one; the corpus
                # may name others, so the phrase carries no key to look up
                (holder,), hint = named, ""
            else:
                continue
            end = office.office_i + 1
            first, last = ctx.doc[office.start], ctx.doc[end - 1]
            mention = Mention(ctx.doc[office.start:end].text, EntityType.PERSON,
                              ctx.evidence(first.idx, last.idx + len(last.text)), norm=holder, hint=hint)
            anaphors.append(MentionSpan(office.start, end, mention))
            affiliation.setdefault(holder or mention.name, office.org)
    anaphors += _pronouns(ctx, anaphors)
    anaphors += descriptions.find(ctx)
    held: dict[str, set[str]] = defaultdict(set)
    for fact in role_facts:
        held[fact.claim.attribute("office") or ""].add(fact.person.name)
    return Coreference(tuple(anaphors), affiliation, {k: frozenset(v) for k, v in held.items()})


def _pronouns(ctx: ArticleContext, offices: Sequence[MentionSpan]) -> list[MentionSpan]:
    """"Er" and a singular "sie" stand for the person last spoken about: a
    person named before them in their sentence, else the first person (the
    subject, as a rule) of the sentence before that names one."""
    persons = sorted([s for s in (*ctx.spans, *offices) if s.type is EntityType.PERSON and not s.adjective],
                     key=lambda s: s.start)
    out = []
    for k, sent in enumerate(ctx.sentences):
        for tok in sent:
            aged = _AGED.match(tok.text) is not None and tok.i > sent.start \
                and ctx.doc[tok.i - 1].lower_ in ("der", "die", "dem", "den", "des")
            if not aged and (tok.tag_ != "PPER" or not _third_singular(ctx, tok.i)):
                continue
            before = [p for p in persons if sent.start <= p.start and p.end <= tok.i]
            antecedent: MentionSpan | None
            if before:
                antecedent = before[-1]
            else:
                antecedent = next((p for prev in reversed(ctx.sentences[max(0, k - 2):k])
                                   for p in [q for q in persons if prev.start <= q.start < prev.end][:1]), None)
            if antecedent is None:
                continue
            m = antecedent.mention
            start = ctx.doc[tok.i - 1] if aged else tok  # "der 70-Jährige": the article and the noun
            evidence = ctx.evidence(start.idx, tok.idx + len(tok.text))
            out.append(MentionSpan(start.i, tok.i + 1, Mention(ctx.doc[start.i : tok.i + 1].text, EntityType.PERSON,
                                                               evidence, norm=m.name if not m.hint else m.norm,
                                                               hint=m.hint)))
    return out


def _third_singular(ctx: ArticleContext, i: int) -> bool:
    """"er", or "sie" next to a finite verb in the singular ("sie sagte",
    "forderte sie"), not the plural or polite "sie" ("sie sagten")."""
    word = ctx.doc[i].lower_
    if word == "er":
        return True
    if word != "sie":
        return False
    near = [t for t in (ctx.doc[i - 1] if i > 0 else None, ctx.doc[i + 1] if i + 1 < len(ctx.doc) else None)
            if t is not None and t.tag_ in FINITE_VERBS]
    return bool(near) and all(not t.lower_.endswith("en") for t in near)


def _bare_office(ctx: ArticleContext, office: OfficeMention, role_facts: Sequence[RoleFact]) -> MentionSpan | None:
    """"dem Bürgermeister", "der Premier": an office with its definite
    article and no body stands for the one person the article has named
    in that office before, if it named exactly one."""
    doc = ctx.doc
    if office.concept not in NAMED_BEFORE or office.start == 0 or office.office_i != office.start \
            or not _definite_singular(doc[office.start - 1], doc[office.office_i]) or _named_right_there(ctx, office):
        return None
    holders = {f.person.name: f.person for f in role_facts
               if ctx.lexicon.is_a(f.claim.attribute("office") or "", office.concept)
               and f.claim.attribute("former") != "true" and f.person.end <= office.start}
    if len(holders) != 1:
        return None
    (holder,) = holders.values()
    first, last = doc[office.start - 1], doc[office.office_i]
    mention = Mention(doc[office.start - 1 : office.office_i + 1].text, EntityType.PERSON,
                      ctx.evidence(first.idx, last.idx + len(last.text)), norm=holder.name, hint=holder.mention.hint)
    return MentionSpan(office.start - 1, office.office_i + 1, mention)


def _definite(ctx: ArticleContext, office: OfficeMention) -> bool:
    """"der (neue) UN-Sonderberichterstatter": the definite singular
    article before the office phrase, over adjectives; not "ein US-Senator"."""
    k = office.start - 1
    while k >= 0 and ctx.doc[k].tag_ == "ADJA":
        k -= 1
    return k >= 0 and _definite_singular(ctx.doc[k], ctx.doc[office.office_i])


def _definite_singular(article: Token, noun: Token) -> bool:
    """"der Premier", "dem Minister"; "die" only before a feminine noun
    ("die Außenministerin"): before a masculine one it is the plural."""
    word = article.lower_
    return word in DEFINITE or word == "die" and noun.lower_.endswith("in")


def _only_member(ctx: ArticleContext, party: MentionSpan, before: int) -> str:
    """"Der ABC-Chef" where the article has named one person with "(ABC)"
    before: that person, the one of the party it is about; else nobody."""
    doc = ctx.doc
    persons = {s.end: s for s in ctx.spans if s.type is EntityType.PERSON}
    members = {persons[s.start - 1].name for s in ctx.spans
               if s.name == party.name and s.adjective and s.end <= before and s.start > 1
               and doc[s.start - 1].text == "(" and s.start - 1 in persons}
    return next(iter(members)) if len(members) == 1 else ""


def _stands_for_person(office: OfficeMention) -> bool:
    org = office.org
    return org is not None and org.type in (EntityType.COUNTRY, EntityType.ORGANIZATION) \
        and office.concept in SINGLE_HOLDER


def _named_right_there(ctx: ArticleContext, office: OfficeMention) -> bool:
    """"der russische Präsident Putin", "Vietnams Außenminister, Bui Thanh
    Son,": the name is right there, so the phrase is no anaphor."""
    if any(s.type is EntityType.PERSON and office.start <= s.start < office.end + 1 for s in ctx.spans):
        return True
    doc = ctx.doc
    # "Generalsekretär Karl heinz Müller": name parts the NER dropped (a typo, a foreign word) still name him
    for k in range(office.end, min(office.end + 2, len(doc) - 1)):
        name_part = doc[k].is_alpha and not doc[k].tag_.startswith("V") and (
            k > office.end or doc[k].text[:1].isupper())
        if not name_part:
            break
        if (after := ctx.span_at(k + 1)) is not None and after.type is EntityType.PERSON:
            return True
    if office.end + 1 < len(doc) and doc[office.end].text == ",":
        after = ctx.span_at(office.end + 1)
        return after is not None and after.type is EntityType.PERSON
    return False
