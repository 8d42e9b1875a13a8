"""Resolve: the claims of all articles -> entities and facts.

Entities: one per real-world entity. Gazetteer entries give states, cities,
places and bodies a stable key and label; person names are merged when they
fold alike ("To Lam" = "Tô Lâm") and a lone surname or given name joins the
full name it is part of ("Lam" -> "Tô Lâm"). An office standing for a person
("der russische Präsident") resolves to whoever the corpus says holds it.

Facts: claims of the same kind about the same key entities merge when their
dates agree at the precision both give (2024-06 and 2024-06-20 agree; 2017
and 2024 do not). An undated claim joins the fact its own article dates, or
the only fact there is. Disagreeing attributes keep the value most sources
give; every claim stays attached, so nothing is lost.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from kg.extract.coref import office_holders
from kg.factkinds import SPECS
from kg.gazetteer import Gazetteer
from kg.lexicon import office_class
from kg.model import (
    Claim,
    Entity,
    EntityType,
    Extraction,
    Fact,
    FactKind,
    Mention,
    PartialDate,
    Resolved,
    Role,
)
from kg.normalize import entity_key, fold

MULTI_VALUED = frozenset({"topic"})
GENERIC_KIND = "agreement"
SPEECH_ACTS = frozenset({FactKind.STATEMENT})
# Events whose reports often disagree by a day (time zones, "am Vortag").
FUZZY_DAY = frozenset({FactKind.AGREEMENT, FactKind.MEETING})


@dataclass(slots=True)
class _PersonCluster:
    key: str
    names: Counter[str] = field(default_factory=Counter)


def resolve(extractions: Iterable[Extraction], *, gazetteer: Gazetteer) -> Resolved:
    extractions = tuple(extractions)
    mentions = [m for ex in extractions for m in _all_mentions(ex)]
    persons = _person_keys(mentions, gazetteer)
    holders = office_holders(claim for ex in extractions for claim in ex.claims)
    key_of: dict[tuple[str, str, str], str] = {}  # (type, name, hint) -> entity key
    registry: dict[str, _EntityDraft] = {}
    mention_keys: list[tuple[Mention, str]] = []
    for m in mentions:
        key = _entity_for(m, gazetteer, persons, holders, registry)
        if key is None:
            continue
        key_of[(m.type.value, m.name, m.hint)] = key
        mention_keys.append((m, key))
    facts = _merge_facts(extractions, key_of, registry)
    affiliations = _affiliations(facts, registry)
    entities = tuple(
        d.freeze(affiliations.get(k)) for k, d in sorted(registry.items())
    )
    return Resolved(
        articles=tuple(ex.article for ex in extractions),
        entities=entities,
        facts=tuple(facts),
        extractions=extractions,
        mention_keys=tuple(sorted(set(mention_keys), key=lambda mk: (mk[0].evidence, mk[1]))),
    )


def _all_mentions(ex: Extraction) -> list[Mention]:
    out = list(ex.mentions)
    for claim in ex.claims:
        out.extend(m for _, m in claim.roles)
    return out


@dataclass(slots=True)
class _EntityDraft:
    key: str
    type: EntityType
    names: Counter[str] = field(default_factory=Counter)
    label: str = ""
    wikidata: str | None = None
    iso: str | None = None
    located_in: str | None = None
    affiliation: str | None = None
    sources: set[str] = field(default_factory=set)

    def freeze(self, affiliation: str | None) -> Entity:
        label = self.label or _preferred(self.names)
        return Entity(
            key=self.key, type=self.type, label=label,
            aliases=frozenset(n for n in self.names if n != label),
            wikidata=self.wikidata, iso=self.iso, located_in=self.located_in,
            affiliation=affiliation or self.affiliation, sources=frozenset(self.sources),
        )


def _preferred(names: Counter[str]) -> str:
    """The most frequent full form in the nominative, not in capitals; among
    equals the one with diacritics (the name as its bearer writes it), then
    the alphabetically first."""
    def score(name: str) -> tuple[int, bool, bool, int, int, str]:
        return (-len(name.split()), name.isupper(), base_form(name) != name, -names[name],
                -(fold(name) != name.lower()), name)
    return sorted(names, key=score)[0]


# German adjective endings of the oblique cases: "der Kommunistischen Partei"
# names the "Kommunistische Partei".
_OBLIQUE_ADJECTIVE = re.compile(r"\b([A-ZÄÖÜ]\w*(?:isch|al|ell|iv|ar|är|ig|lich))(?:en|er|es|em)\b")


def base_form(name: str) -> str:
    """A name with its capitalised adjectives in the nominative.

    >>> base_form("Kommunistischen Partei")
    'Kommunistische Partei'
    """
    return _OBLIQUE_ADJECTIVE.sub(r"\1e", name)


def _person_keys(mentions: list[Mention], gazetteer: Gazetteer | None = None) -> dict[str, str]:
    """Folded person name -> cluster key. Full names cluster by their folded
    form; a shorter name joins the most mentioned full name containing it.
    A name of a well-known person ("Lula da Silva") joins that person, not a
    longer name that contains it ("Fábio Luiz Lula da Silva", his son)."""
    counts = Counter(fold(m.name) for m in mentions if m.type is EntityType.PERSON and m.name and not _unresolved(m))
    out: dict[str, str] = {}
    if gazetteer is not None:
        for m in mentions:
            if m.type is EntityType.PERSON and m.name and not _unresolved(m) and fold(m.name) not in out:
                known = gazetteer.lookup(m.name)
                if known is not None and known.type is EntityType.PERSON:
                    out[fold(m.name)] = entity_key(known.label)
    # longest first: "Phu Trong" joins "Nguyen Phu Trong", "Trong" joins whichever holds it
    full = sorted((n for n in counts if len(n.split()) >= 2), key=lambda n: (-len(n.split()), -counts[n], n))
    for name in full:
        if name in out:
            continue  # a well-known person's name
        longer = next((f for f in full if f in out and _part_of(name.split(), f.split())), None)
        out[name] = out[longer] if longer else entity_key(name)
    by_count = sorted(full, key=lambda n: (-counts[n], n))
    for name in counts:
        if name in out:
            continue
        # across articles a lone name is a surname: "Lam" is To Lam, but a
        # "Sebastian" is not whichever Sebastian the corpus names most
        # (inside one article the mentions stage has already linked it)
        words = name.split()
        match = next((f for f in by_count if f.split()[-len(words):] == words), None)
        out[name] = out[match] if match else entity_key(name)
    return out


def _part_of(words: list[str], longer: list[str]) -> bool:
    """``words`` stand together, in order, inside the longer name."""
    n = len(words)
    return n < len(longer) and any(longer[i : i + n] == words for i in range(len(longer) - n + 1))


def _unresolved(m: Mention) -> bool:
    return bool(m.hint) and not m.norm


def _entity_for(m: Mention, gazetteer: Gazetteer, persons: dict[str, str], holders: dict[str, str],
                registry: dict[str, _EntityDraft]) -> str | None:
    name = m.name
    if m.type is EntityType.PERSON:
        if _unresolved(m):
            name = holders.get(m.hint, "")
            if not name:
                return None
        key = persons.get(fold(name)) or entity_key(name)
        draft = registry.setdefault(key, _EntityDraft(key, EntityType.PERSON))
        known = gazetteer.lookup(name)
        if known is not None and known.type is EntityType.PERSON:
            # a well-known office holder: curated label, Wikidata id and state
            draft.label, draft.wikidata = known.label, known.wikidata
            draft.affiliation = draft.affiliation or known.part_of
            # the name as the article writes it ("Mursi" for Mohammed Mursi) is an alias
            text = " ".join(m.text.split())
            if text[:1].isupper() and fold(text) != fold(known.label) and not (
                    text.endswith("s") and gazetteer.lookup(text[:-1]) is known):
                draft.names[text] += 1
        if not _unresolved(m):
            draft.names[name] += 1
        draft.sources.add(m.evidence.doc_id)
        return key
    entry = gazetteer.lookup(name) if m.norm else None
    if entry is not None:
        draft = registry.setdefault(entry.key, _EntityDraft(entry.key, entry.type, label=entry.label,
                                                            wikidata=entry.wikidata, iso=entry.iso,
                                                            located_in=entry.located_in or entry.part_of))
        draft.names[entry.label] += 1
        if m.text[:1].isupper() and fold(m.text) != fold(entry.label) and m.text not in entry.adjectives \
                and gazetteer.lookup(m.text) is entry:  # not "Das Land", which only refers to it
            draft.names[m.text] += 1
        draft.sources.add(m.evidence.doc_id)
        return entry.key
    key = entity_key(base_form(name))
    if not key:
        return None
    draft = registry.setdefault(key, _EntityDraft(key, m.type))
    draft.names[name] += 1
    noun = m.text.split()[-1] if m.text.split() else ""
    parts = name.split()
    if m.type is EntityType.ORGANIZATION and len(parts) == 2 and parts[0].islower() and parts[1] == noun:
        draft.names[noun] += 1  # "der Kongress" for the "kenianischer Kongress": the word the article uses
    draft.sources.add(m.evidence.doc_id)
    return key


@dataclass(slots=True)
class _Cluster:
    kind: FactKind
    identity: tuple[tuple[Role, str], ...]
    claims: list[tuple[Claim, tuple[tuple[Role, str], ...]]] = field(default_factory=list)

    def date(self) -> PartialDate | None:
        dates = Counter(c.when for c, _ in self.claims if c.when is not None)
        if not dates:
            return None
        return sorted(dates, key=lambda d: (-len(d.iso()), -dates[d], d.iso()))[0]

    def docs(self) -> set[str]:
        return {c.evidence.doc_id for c, _ in self.claims if c.evidence}


def _merge_facts(extractions: tuple[Extraction, ...], key_of: dict[tuple[str, str, str], str],
                 registry: dict[str, _EntityDraft]) -> list[Fact]:
    published = {ex.article.doc_id: ex.article.published for ex in extractions}
    groups: dict[tuple[FactKind, tuple[tuple[Role, str], ...], tuple[tuple[str, str | None], ...]],
                 list[tuple[Claim, tuple[tuple[Role, str], ...]]]] = defaultdict(list)
    for ex in extractions:
        for claim in ex.claims:
            roles = tuple(sorted({(r, key_of[(m.type.value, m.name, m.hint)]) for r, m in claim.roles
                                  if (m.type.value, m.name, m.hint) in key_of}, key=lambda rk: (rk[0].value, rk[1])))
            spec = SPECS[claim.kind]
            if not spec.complete(Counter(r for r, _ in roles)):
                continue
            ident = tuple(rk for rk in roles if rk[0] in spec.identity)
            attrs = tuple((a, claim.attribute(a)) for a in spec.identity_attributes)
            if claim.kind is FactKind.ROLE:
                attrs = (("office", office_class(claim.attribute("office") or "")),)
            groups[(claim.kind, ident, attrs)].append((claim, roles))
    facts = []
    for (kind, ident, _), items in sorted(groups.items(), key=lambda kv: repr(kv[0])):
        for cluster in _cluster_by_date(kind, ident, items, published):
            facts.append(_fact(cluster))
    return sorted(facts, key=lambda f: (f.kind.value, repr(f.roles), f.when.iso() if f.when else ""))


def _compatible(kind: FactKind, a: PartialDate, b: PartialDate) -> bool:
    if a.covers(b) or b.covers(a):
        return True
    if kind in FUZZY_DAY and a.day and b.day and (a.year, a.month) == (b.year, b.month):
        return abs(a.day - b.day) <= 1
    return False


def _cluster_by_date(kind: FactKind, ident: tuple[tuple[Role, str], ...],
                     items: list[tuple[Claim, tuple[tuple[Role, str], ...]]],
                     published: dict[str, PartialDate | None]) -> list[_Cluster]:
    dated = sorted((it for it in items if it[0].when is not None),
                   key=lambda it: (-len(cast(PartialDate, it[0].when).iso()), cast(PartialDate, it[0].when).iso()))
    clusters: list[_Cluster] = []
    for item in dated:
        when = item[0].when
        assert when is not None  # only dated items are in `dated`
        for cl in clusters:
            rep = cl.date()
            if rep is not None and _compatible(kind, rep, when):
                cl.claims.append(item)
                break
        else:
            clusters.append(_Cluster(kind, ident, [item]))
    for item in (it for it in items if it[0].when is None):
        doc = item[0].evidence.doc_id if item[0].evidence else ""
        target = _home_for_undated(clusters, doc, published.get(doc), own_article_only=kind in SPEECH_ACTS)
        if target is None:
            target = _Cluster(kind, ident, [])
            clusters.append(target)
        target.claims.append(item)
    return clusters


def _home_for_undated(clusters: list[_Cluster], doc: str, published: PartialDate | None, *,
                      own_article_only: bool = False) -> _Cluster | None:
    """Where an undated claim belongs: the fact its own article dates, else
    the one of the year the article appeared ("Putin ist nach Vietnam
    gereist" in June 2024 is not his 2017 visit), else the only one. Speech
    acts without a date stay with their own article: "X kritisierte" in two
    unrelated articles are two statements."""
    same_doc = [cl for cl in clusters if doc in cl.docs()]
    candidates = same_doc or ([] if own_article_only else clusters)
    if published is not None and len(candidates) > 1:
        current = [cl for cl in candidates if (d := cl.date()) is not None and d.year == published.year]
        if len(current) == 1:
            return current[0]
    if len(candidates) == 1:
        return candidates[0]
    if same_doc:
        return max(same_doc, key=lambda cl: cast(PartialDate, cl.date()).iso() if cl.date() else "")
    return None


def _fact(cluster: _Cluster) -> Fact:
    claims = [c for c, _ in cluster.claims]
    roles: Counter[tuple[Role, str]] = Counter()
    for _, rs in cluster.claims:
        for rk in rs:
            roles[rk] += 1
    merged_roles = _merge_roles(cluster.kind, roles)
    # Counters of float weights (1.5 and 1), which typeshed's int-valued Counter cannot express
    attrs = cast("dict[str, dict[str, float]]", defaultdict(Counter))
    date = cluster.date()
    for c in claims:
        for k, v in c.attributes:
            # a claim dated as the fact is the better witness of a disputed value
            attrs[k][v] += 1.5 if date is not None and c.when == date else 1
    if len(attrs.get("kind", ())) > 1:
        attrs["kind"].pop(GENERIC_KIND, None)  # "Abkommen" yields to "Pakt"
    attributes = []
    for k in sorted(attrs):
        if k in MULTI_VALUED:
            attributes += [(k, v) for v in sorted(attrs[k])]
        else:
            attributes.append((k, sorted(attrs[k], key=lambda v: (-attrs[k][v], v))[0]))
    until = Counter(c.until for c in claims if c.until is not None)
    return Fact(
        kind=cluster.kind,
        roles=merged_roles,
        when=cluster.date(),
        until=sorted(until, key=lambda d: (-until[d], d.iso()))[0] if until else None,
        attributes=tuple(attributes),
        claims=tuple(sorted(claims, key=lambda c: (c.evidence or ("",), c.extractor))),
    )


# Attribute roles that hold one value: the most often stated wins.


def _merge_roles(kind: FactKind, roles: Counter[tuple[Role, str]]) -> tuple[tuple[Role, str], ...]:
    out = []
    by_role: dict[Role, list[str]] = defaultdict(list)
    for (r, k), _n in sorted(roles.items(), key=lambda kv: (kv[0][0].value, -kv[1], kv[0][1])):
        by_role[r].append(k)
    for r, keys in by_role.items():
        if r in SPECS[kind].single and r not in SPECS[kind].identity:
            keys = keys[:1]
        out += [(r, k) for k in keys]
    return tuple(sorted(out, key=lambda rk: (rk[0].value, rk[1])))


def _affiliations(facts: list[Fact], registry: dict[str, _EntityDraft]) -> dict[str, str]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for f in facts:
        if f.kind is FactKind.ROLE and f.attribute("former") != "true":
            for person in f.role(Role.PERSON):
                for org in f.role(Role.ORG):
                    draft = registry.get(org)
                    if draft is not None and draft.type is EntityType.COUNTRY:
                        votes[person][org] += len(f.claims)
    return {p: c.most_common(1)[0][0] for p, c in votes.items()}
