"""Who a count belongs to when the clause does not name it plainly.

Helpers of the counts in ``tallies`` and ``owners``: a person the clause calls by age
("Der 69-Jährige habe in den vergangenen 39 Jahren ..."), the pollster of a
poll ("laut einer Forsa-Umfrage ... auf 41 Prozent"), the target of an attack
where its victims died ("Bei dem Angriff auf das Spital X wurden 20 Menschen
getötet"), a time span a verb lasts ("vier Stunden verhört"), a body named by
its abbreviation in brackets ("die Volkspartei (VP) ... 80 Sitze").
This module imports none of the figure modules (they import it).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract.context import ArticleContext, MentionSpan
from kg.model import Claim, EntityType, Role

AGED = re.compile(r"(\d{1,3})-([Jj])ährige[nmrs]?")
# Words after a time span that make it a point in time ("drei Tage nach der Wahl").
RELATIVE_TIME = frozenset({"nach", "vor", "später", "zuvor", "danach", "darauf", "früher", "her"})
# "Umfrage von X", "Umfrage des Instituts X": the pollster follows
POLL_LINKS = frozenset({"von", "vom", "des", "der", "institut", "instituts", "meinungsforschungsinstitut",
                        "meinungsforschungsinstituts", "meinungsforscher"})
TARGET_TYPES = (EntityType.CITY, EntityType.PLACE, EntityType.ORGANIZATION)


def last_person(ctx: ArticleContext, i: int, reach: int = 400) -> MentionSpan | None:
    """The person named last before token i, within ``reach`` tokens."""
    best = None
    for s in ctx.spans:
        if s.end > i:
            break
        if s.type is EntityType.PERSON and i - s.end <= reach and s.start not in ctx.dateline:
            best = s
    return best


def aged_person(ctx: ArticleContext, clause: Span, num_i: int) -> MentionSpan | None:
    """"Der 69-Jährige habe ...", "wurde der 70-Jährige ... verhört": a
    subject the clause calls by age is the person last named (a name right
    after it is the person itself)."""
    doc = ctx.doc
    for t in doc[clause.start : num_i]:
        m = AGED.fullmatch(t.text)
        if m is None or m.group(2) != "J":
            continue
        if t.i == clause.start or doc[t.i - 1].lower_ not in ("der", "die"):
            continue
        if t.i - 2 >= clause.start and doc[t.i - 2].tag_ in ("APPR", "APPRART"):
            continue  # "mit der 70-Jährigen": not the subject
        named = ctx.span_at(t.i + 1) if t.i + 1 < clause.end else None
        if named is not None and named.type is EntityType.PERSON:
            return named
        return last_person(ctx, t.i)
    return None


def verb_duration(doc: Doc, first: int, end: int, clause: Span) -> bool:
    """"knapp vier Stunden verhört", "zwei Wochen festgehalten": a time span
    standing bare before the participle it lasts (not "vor vier Stunden",
    "die vier Stunden dauernde Sitzung", "drei Tage nach der Wahl")."""
    if first > clause.start and doc[first - 1].tag_ in ("APPR", "APPRART", "ART", "PDAT", "PIAT", "PPOSAT"):
        return False
    if end >= clause.end or doc[end].lower_ in RELATIVE_TIME:
        return False
    for t in doc[end : min(clause.end, end + 8)]:
        if t.tag_ in ("VVPP", "VVINF"):
            return True
        if t.tag_ in ("VVFIN", "VAFIN", "VMFIN", "KON") or t.is_punct:
            return False
    return False


def pollster(ctx: ArticleContext, clause: Span, poll_words: frozenset[int]) -> MentionSpan | None:
    """The institute a poll is named after: "eine Forsa-Umfrage", "eine
    Umfrage des Instituts Forsa" (not "im Auftrag der Zeitung X": the client)."""
    doc = ctx.doc
    for i in sorted(poll_words):
        own = ctx.span_at(i)
        if own is not None and own.prefix and own.type is EntityType.ORGANIZATION:
            return own
        for j in range(i + 1, min(clause.end, i + 4)):
            s = ctx.span_at(j)
            if s is not None:
                if s.type is EntityType.ORGANIZATION and not s.adjective and not s.prefix:
                    return s
                break
            if doc[j].lower_ not in POLL_LINKS:
                break
    return None


def attack_targets(ctx: ArticleContext, sent: Span, attack_words: frozenset[int]) -> list[MentionSpan]:
    """"Bei dem Angriff auf das Spital X", "ein Luftangriff auf die Stadt X":
    what an attack was aimed at is where its victims were."""
    doc = ctx.doc
    found = []
    for i in sorted(attack_words):
        if i + 1 >= sent.end or doc[i + 1].lower_ != "auf":
            continue
        for j in range(i + 2, min(sent.end, i + 6)):
            s = ctx.span_at(j)
            if s is not None:
                if s.type in TARGET_TYPES and not s.adjective and not s.prefix:
                    found.append(s)
                break
            if doc[j].tag_ not in ("ART", "ADJA", "NN") or doc[j].is_punct:
                break
    return found


def bracketed_body(ctx: ArticleContext, s: MentionSpan) -> bool:
    """"die Volkspartei (VP)": an abbreviation in brackets after a plain noun
    names that noun's body, which may be the clause's subject (unlike
    "Lena Berger (ÖVP)", whose bracket says whom a person belongs to)."""
    doc = ctx.doc
    if s.start < 2 or s.end >= len(doc) or doc[s.start - 1].text != "(" or doc[s.end].text != ")":
        return False
    before = doc[s.start - 2]
    return before.tag_ == "NN" and ctx.span_at(before.i) is None and s.type is EntityType.ORGANIZATION


DIRECTIONS = frozenset({"nördlich", "südlich", "östlich", "westlich", "nordöstlich", "nordwestlich", "südöstlich",
                        "südwestlich", "entfernt", "außerhalb"})
PLACE_LIKE = (EntityType.CITY, EntityType.PLACE, EntityType.COUNTRY, EntityType.ORGANIZATION)


def located(ctx: ArticleContext, sent: Span, end: int) -> tuple[MentionSpan, MentionSpan | None] | None:
    """"die 30 Kilometer nördlich von X gelegene Ortschaft Y", "Y liegt 30
    Kilometer südlich von X": how far Y is from X (what is placed, where from)."""
    doc = ctx.doc
    if end >= sent.end or doc[end].lower_ not in DIRECTIONS:
        return None
    origin, placed = None, None
    for j in range(end + 1, min(sent.end, end + 10)):
        t = doc[j]
        s = ctx.span_at(j)
        if s is not None and origin is None and doc[j - 1].lower_ in ("von", "vom", "der", "dem", "des"):
            origin = s
        if t.lower_.startswith(("gelegen", "entfernt")) and t.tag_ == "ADJA":
            for k in range(j + 1, min(sent.end, j + 4)):
                placed = ctx.span_at(k)
                if placed is not None or doc[k].tag_ not in ("NN", "ADJA"):
                    break
            break
        if t.is_punct:
            break
    if placed is None:
        placed = _lying(ctx, sent, end)
    if placed is None or placed.type not in PLACE_LIKE or placed.adjective or placed.prefix:
        return None
    return placed, origin if origin is not None and origin.name != placed.name else None


def _lying(ctx: ArticleContext, sent: Span, end: int) -> MentionSpan | None:
    """"Y liegt 30 Kilometer ...": the place that is the subject of "liegen"."""
    doc = ctx.doc
    clause = ctx.clause(sent, end - 1)
    verbs = [t for t in clause if t.lemma_ in ("liegen", "befinden") and t.i < end]
    if not verbs:
        return None
    first = next((s for s in ctx.spans_in(clause, PLACE_LIKE) if s.start < verbs[0].i), None)
    if first is None or any(doc[k].tag_ in ("APPR", "APPRART") for k in range(clause.start, first.start)):
        return None
    return first


def employer(ctx: ArticleContext, sent: Span, previous: Span | None, last: Claim | None) -> MentionSpan | None:
    """Whose staff: the organisation that reports about them ("..., erklärte
    die Organisation": the one named last before), or, for a sentence that
    goes on from a staff count ("Acht Mitarbeiter werden demnach vermisst"),
    the employer of that count."""
    doc = ctx.doc
    for t in sent:
        if t.tag_ == "NN" and t.lower_.endswith("organisation") and t.i - 1 >= sent.start \
                and doc[t.i - 1].lower_ in ("die", "der") and t.i - 2 >= sent.start \
                and doc[t.i - 2].tag_.startswith("VV"):
            return _last_org(ctx, t.i, sent)
    if previous is not None and last is not None and last.evidence is not None \
            and last.evidence.sent_start == previous.start_char \
            and any(ctx.lexicon.table("measure").match(t.text) == "staff" for t in previous if t.tag_ == "NN"):
        subject = last.role(Role.SUBJECT)
        return next((s for s in ctx.spans if subject and s.mention == subject[0]), None)
    return None


def _last_org(ctx: ArticleContext, i: int, sent: Span, reach: int = 80) -> MentionSpan | None:
    """The organisation named last before the sentence, within ``reach`` tokens."""
    best = None
    for s in ctx.spans:
        if s.start >= sent.start:
            break
        if s.type is EntityType.ORGANIZATION and not s.adjective and not s.prefix and i - s.end <= reach:
            best = s
    return best


MEMBER_NOUNS = frozenset({"staaten", "ländern", "länder", "mitgliedstaaten", "mitgliedsstaaten", "mitgliedern",
                          "mitgliedsländern", "nationen"})
ALLIANCE_HEADS = ("bündnis", "allianz", "pakt")


def alliance_of_members(ctx: ArticleContext, sent: Span, num_i: int, head: int | None) -> MentionSpan | None:
    """"das Militärbündnis aus 28 Staaten": the alliance named last before
    (the gazetteer's kind ``alliance``) has that many members."""
    doc = ctx.doc
    if head is None or doc[head].lower_ not in MEMBER_NOUNS or num_i - 2 < sent.start:
        return None
    if doc[num_i - 1].lower_ not in ("aus", "mit", "von") or doc[num_i - 2].tag_ != "NN" \
            or not doc[num_i - 2].lower_.endswith(ALLIANCE_HEADS):
        return None
    named = ctx.span_at(num_i - 2)
    if named is not None:
        return named if named.entry is not None and named.entry.kind == "alliance" else None
    best = None
    for s in ctx.spans:
        if s.start >= num_i:
            break
        if s.entry is not None and s.entry.kind == "alliance" and not s.adjective:
            best = s
    return best
