"""Holders of office phrases: the person an office phrase names (after it,
in an apposition before it, or through a copula) and the period held.
Moved out of kg.extract.roles."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, cast

from spacy.tokens import Doc, Span

from kg.extract.appositions import genitive
from kg.extract.context import ArticleContext, MentionSpan
from kg.extract.offices import COPULA, OfficeMention, _time_as
from kg.extract.triggers import preposition_before, verb_lemma, word_before_phrase
from kg.lexicon import Lexicon
from kg.model import EntityType, FactKind, Mention, PartialDate
from kg.stts import NAME_TAGS


class _Working(Protocol):
    """The working view of kg.extract.roles, as far as holders change it:
    names found after office words replace the mentions they cover."""

    def set_spans(self, spans: Iterable[MentionSpan]) -> None: ...


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
        return _listed_after_plural(ctx, sent, office)
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


def _listed_after_plural(ctx: ArticleContext, sent: Span, office: OfficeMention) -> list[MentionSpan]:
    """"Die Präsidentschaftskandidaten sind X und Y", "Zu den Kandidaten
    zählen X und Y": a plural office, a copula or a verb of belonging, then
    the holders, each however described ("Veteranen wie X ... oder
    Quereinsteiger wie die Ärztin Y")."""
    doc = ctx.doc
    if not _plural(doc, office) or office.end >= sent.end:
        return []
    verb = doc[office.end].lower_
    belonging = office.start >= 2 and doc[office.start - 2].lower_ == "zu" and doc[office.start - 1].lower_ == "den" \
        and verb in ctx.lexicon.words("belonging_verbs")
    if verb not in ctx.lexicon.words("plural_copulas") and not belonging:
        return []
    clause = ctx.clause(sent, office.end)
    return [s for s in ctx.spans_in(sent, [EntityType.PERSON]) if office.end < s.start < clause.end
            and preposition_before(ctx, s, sent) in (None, "wie") and not genitive(ctx, s)]


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


def _appointee(ctx: ArticleContext, sent: Span, office: OfficeMention) -> MentionSpan | None:
    """Who is appointed to an office named after "zum"/"zur": "X wurde zum
    Präsidenten gewählt", "Das Parlament wählte X zur Präsidentin", "Zum
    Minister wurde X ernannt", "Nach seiner Ernennung zum Minister reiste X"."""
    doc = ctx.doc
    # "zum Präsidenten", "zum neuen Präsidenten"
    zum = word_before_phrase(doc, office.start, sent.start)
    if zum is None or zum.lower_ not in ("zum", "zur"):
        return None
    clause = ctx.clause(sent, office.start)
    persons = [s for s in ctx.spans_in(sent, [EntityType.PERSON])
               if not office.start <= s.start < office.end and not genitive(ctx, s)]
    noun = doc[zum.i - 1] if zum.i >= 1 else None
    if noun is not None and noun.tag_ == "NN" and ctx.lexicon.nouns(FactKind.ROLE).match(noun.text, compounds=False):
        # "Xs Wahl zum ...", "seine Ernennung zum ...": the one it belongs to
        owner = doc[noun.i - 1] if noun.i > sent.start else None
        if owner is not None and (s := ctx.span_at(owner.i)) is not None and s.type is EntityType.PERSON:
            return s
        if owner is not None and owner.lower_.startswith(("sein", "ihr")):
            after = [s for s in persons if s.start >= office.end]
            before = [s for s in persons if s.end <= noun.i]
            chosen = after[:1] or before[-1:]
            return chosen[0] if chosen else None
        return None
    verbs = ctx.lexicon.verbs(FactKind.ROLE)
    verb = next((t for t in clause if t.tag_.startswith("V") and verb_lemma(t) in verbs), None)
    if verb is None or office.org is None and _generic(ctx.lexicon, doc[office.office_i].lower_):
        return None  # "wählte X zum Präsidenten": of the state, the club or the firm?
    free = [s for s in persons if clause.start <= s.start < clause.end and preposition_before(ctx, s, sent) is None]
    if verb.tag_ == "VVFIN" and verb.i < office.start:
        free = [s for s in free if s.start > verb.i]  # "X ernannte Y zum Minister": Y, the object
    before = [s for s in free if s.end <= office.start]
    after = [s for s in free if s.start >= office.end]
    return before[-1] if before else (after[0] if after else None)


def _holder(ctx: ArticleContext, sent: Span, office: OfficeMention) -> MentionSpan | None:
    doc = ctx.doc
    appointed = _appointee(ctx, sent, office)
    if appointed is not None:
        return appointed
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
            break  # no apposition; a copula may still make the office the person's ("X ist seit 2019 Y")
        if span is not None:
            j = span.start - 1
            steps += 1
            continue
        t = doc[j]
        if t.tag_ == "PTKVZ" and doc[j + 1].text == "," and _closed(doc, sent, office):
            j -= 1  # "fährt X vor, der Außenminister Norwegens,": an apposition moved behind the particle
            steps += 1
            continue
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
    acting = _acting_as(ctx, sent, office) or _relative_copula(ctx, sent, office)
    if acting is not None:
        return acting
    # inverted copula: "Zwar bleibt X Außenminister"
    before = ctx.span_at(office.start - 1) if office.start > sent.start else None
    if before is not None and before.type is EntityType.PERSON and before.start > sent.start \
            and doc[before.start - 1].lower_ in COPULA:
        return before
    return None


def _generic(lexicon: Lexicon, word: str) -> bool:
    """A title many kinds of body give ("Präsident", "Pressesprecher",
    "Wunschkandidat"), not one of a state ("Staatspräsident", "Bundeskanzler")."""
    return word.endswith(lexicon.words("generic_titles")) and not word.startswith(lexicon.words("state_prefixes"))


def _closed(doc: Doc, sent: Span, office: OfficeMention) -> bool:
    """The office phrase ends at a comma or the sentence's end: an
    apposition, not the subject of a clause of its own ("..., der Präsident
    blieb")."""
    k = office.end
    if k < sent.end and doc[k].lower_ in ("der", "des"):  # a genitive the phrase left out: "der Insel"
        k += 1
        while k < sent.end and k - office.end <= 5 and (doc[k].tag_ in ("ADJA", "NN", "NE") or doc[k].is_space):
            k += 1
    return k >= sent.end or doc[k].text in (",", ".", ";", "–")


def _acting_as(ctx: ArticleContext, sent: Span, office: OfficeMention) -> MentionSpan | None:
    """"X trat als Außenminister zurück", "X soll als Minister ins Kabinett
    wechseln": the one person of the clause acts in the office after "als";
    not when the clause names a second person ("X löste Y als ... ab") or
    judges someone as something ("X bezeichnete Y als Diktator")."""
    doc = ctx.doc
    if office.start < 1 or doc[office.start - 1].lower_ != "als":
        return None
    if office.org is None and _generic(ctx.lexicon, doc[office.office_i].lower_):
        return None  # "X trat als Präsident zurück": of a state, a club or a firm, the text does not say
    clause = ctx.clause(sent, office.start)
    if any(t.lower_ in ("den", "einen", "ihn") for t in doc[clause.start : office.start]):
        return None  # "X holte den Y als Sprecher": the object acts, not X
    if any(t.tag_.startswith("V") and verb_lemma(t) in ctx.lexicon.words("judging_verbs") for t in clause):
        return None
    persons = [s for s in ctx.spans_in(sent, [EntityType.PERSON])
               if clause.start <= s.start < clause.end and not office.start <= s.start < office.end]
    free = [s for s in persons if preposition_before(ctx, s, sent) is None and not genitive(ctx, s)]
    if len(free) == 2 and len({s.name for s in free}) == 2 and free[1].end <= office.start \
            and any(t.tag_.startswith("V") and verb_lemma(t) in ctx.lexicon.words("succession_verbs") for t in clause):
        return free[0]  # "X löste Y als Außenminister ab": the successor holds it now
    return free[0] if len(free) == 1 and len({s.name for s in persons}) == 1 else None


def _relative_copula(ctx: ArticleContext, sent: Span, office: OfficeMention) -> MentionSpan | None:
    """"X, der seit 2019 Außenminister ist", "X, die bis 2020
    Botschafterin war": a relative clause that predicates the office of X."""
    doc = ctx.doc
    k = office.start - 1
    while k > sent.start and (doc[k].tag_ in ("ADV", "APPR", "CARD", "ADJD") or doc[k].is_space):
        k -= 1
    if k < sent.start + 2 or doc[k].tag_ != "PRELS" or doc[k - 1].text != ",":
        return None
    if office.end >= sent.end or doc[office.end].lower_ not in ctx.lexicon.words("relative_copulas"):
        return None
    person = ctx.span_at(k - 2)
    return person if person is not None and person.type is EntityType.PERSON else None


def _predicative(doc: Doc, copula: int, office: OfficeMention) -> bool:
    """Between the copula and the office only what a predicate noun takes:
    "war 2017 bis 2023 Premierministerin", "ist als KP-Chef", "ist der neue
    Präsident"; not "ist nur eine Frage der Zahl der Abgeordneten"."""
    return all(t.tag_ in ("CARD", "APPR", "ADV", "ADJA", "ADJD", "KOKOM", "PTKNEG") or t.is_space
               or t.tag_ == "ART" and t.lower_ in ("ein", "eine", "der", "die")
               or t.lower_ == "bis"  # "von 2010 bis 2015", whatever the tag of "bis"
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
    offices = ctx.lexicon.table("office")
    others = [t.idx for t in sent if t.i != tok.i and t.tag_ == "NN" and offices.match(t.text) is not None]
    best = None
    for d in ctx.dates_in(sent):
        if d.span.end is None or d.span.start is None or d.span.end == d.span.start:
            continue
        distance = abs(d.start - tok.idx)
        if any(abs(d.start - o) < distance for o in others):
            continue  # "ist als A ... und war 2018 bis 2021 B": the range is B's
        if distance < 60 and (best is None or distance < abs(best.start - tok.idx)):
            best = d
    if best is None:
        return None, None
    return best.span.start, best.span.end
