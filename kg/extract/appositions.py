"""Office phrases roles.py reads with help from here: what stands between an
office and its holder, the body in brackets after a long name, the state a
holder's party gives, the city a local office belongs to, and successors.

- "der Sprecher der Kommission für Freiheit und Recht (KFR), Hans Muster,":
  the body's long name is no mention; its abbreviation in brackets is.
- "dem Premierminister in spe, Hans Muster,": "in spe" is no body.
- "Finanzminister Hans Muster (ABC)": a party of one state in brackets says
  which state the minister serves.
- "Roms Präfekt" has its city; "der Präfekt Hans Muster" in an article filed
  from one city ("Rom – ...") is that city's.
- "Xs Vorgänger Y" / "Xs Nachfolger Y": Y held (or holds) X's office.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from kg.extract.context import ArticleContext, MentionSpan
from kg.model import EntityType

# Words that leave an office as it is and may stand before its holder's name.
TRANSPARENT = (("in", "spe"),)
# Words inside the long name of a body ("Kommission für Menschenrechte und Versöhnung").
NAME_TAGS = frozenset({"NN", "NE", "ADJA", "APPR", "KON", "ART", "APPRART"})
LONG_NAME = 12
# Offices of a city, not of a region: a governor alone is no city's.
CITY_OFFICES = frozenset({"mayor", "prefect"})
PREDECESSOR = ("vorgänger", "vorgängerin")
SUCCESSOR = ("nachfolger", "nachfolgerin")


def past_transparent(ctx: ArticleContext, sent: Span, end: int) -> int:
    """The end of an office phrase past words that name no body ("in spe")."""
    doc = ctx.doc
    for words in TRANSPARENT:
        stop = end + len(words)
        if stop <= sent.end and tuple(t.lower_ for t in doc[end:stop]) == words:
            return stop
    return end


def bracketed_body(ctx: ArticleContext, sent: Span, tok: Token) -> tuple[int, MentionSpan] | None:
    """"Sprecher der <long name> (ABBR)": the body the abbreviation names,
    and where the office phrase ends (after the bracket)."""
    doc = ctx.doc
    i = tok.i + 1
    if i >= sent.end or doc[i].lower_ not in ("der", "des"):
        return None
    i += 1
    limit = min(sent.end - 3, tok.i + 2 + LONG_NAME)
    while i < limit and doc[i].text != "(":
        t = doc[i]
        if (t.tag_ not in NAME_TAGS and not t.is_space) or ctx.span_at(i) is not None:
            return None
        i += 1
    if i >= limit or doc[i].text != "(":
        return None
    body = ctx.span_at(i + 1)
    if body is None or body.type is not EntityType.ORGANIZATION or body.end >= sent.end \
            or doc[body.end].text != ")" or not any(c.isupper() for c in doc[body.start].text[1:]):
        return None
    if not any(t.text[:1].isupper() and t.tag_ == "NN" for t in doc[tok.i + 2 : i]):
        return None
    return body.end + 1, body


def bracketed_party(ctx: ArticleContext, sent: Span, person: MentionSpan) -> MentionSpan | None:
    """"X (ABC)": the party in brackets right after a name, when the gazetteer knows it as a party."""
    doc = ctx.doc
    if person.end + 2 >= sent.end or doc[person.end].text != "(":
        return None
    party = ctx.span_at(person.end + 1)
    if party is None or party.type is not EntityType.ORGANIZATION or party.entry is None \
            or party.entry.kind != "party" or doc[party.end].text != ")":
        return None
    return party


def party_state(ctx: ArticleContext, sent: Span, person: MentionSpan) -> MentionSpan | None:
    """"Finanzminister X (ABC)": the state of the party in brackets, when the
    gazetteer knows it as one state's party."""
    party = bracketed_party(ctx, sent, person)
    if party is None:
        return None
    state = ctx.country_of(party)
    return state if state is not None and state.type is EntityType.COUNTRY else None


def dateline_city(ctx: ArticleContext, concept: str) -> MentionSpan | None:
    """The one city of the dateline, for a city office named without its city."""
    if concept not in CITY_OFFICES:
        return None
    cities: dict[str, MentionSpan] = {}
    for i in sorted(ctx.dateline):
        span = ctx.span_at(i)
        if span is None:
            continue
        if span.type is not EntityType.CITY:
            return None
        cities.setdefault(span.name, span)
    return next(iter(cities.values())) if len(cities) == 1 else None


def successions(ctx: ArticleContext, sent: Span) -> Iterable[tuple[MentionSpan, MentionSpan, Token, bool]]:
    """(earlier holder named in the genitive, named holder, the word, former)
    for "Xs Vorgänger Y" and "Xs Nachfolger, Y,"."""
    doc = ctx.doc
    for tok in sent:
        word = tok.lower_
        if word not in PREDECESSOR + SUCCESSOR or tok.i == sent.start:
            continue
        owner = ctx.span_at(tok.i - 1)
        if owner is None or owner.type is not EntityType.PERSON or not doc[tok.i - 1].text.endswith(("s", "'")):
            continue
        j = tok.i + 1
        if j < sent.end and doc[j].text == ",":
            j += 1
        holder = ctx.span_at(j) if j < sent.end else None
        if holder is None or holder.type is not EntityType.PERSON or holder.name == owner.name:
            continue
        yield owner, holder, tok, word in PREDECESSOR


def deputy_office(concept: str, org: MentionSpan | None) -> str:
    """A parliament's "Vizechef" is its deputy speaker."""
    if concept != "deputy" or org is None or org.type is not EntityType.ORGANIZATION:
        return concept
    names = (org.name, *(org.entry.names if org.entry is not None else ()))
    return "deputy_speaker" if any("parlament" in n.lower() for n in names) else concept


def local_state(ctx: ArticleContext, sent: Span, at: int) -> MentionSpan | None:
    """The state named nearest before an office, in its sentence or the one
    before, when it is no target of a preposition: "Der US-Senat billigte
    Waffen für die Ukraine. Verteidigungsminister X ..." (X is American)."""
    k = ctx.sentence_index(sent)
    if k < 0:
        return None
    stretches = [(sent.start, at)] + ([(ctx.sentences[k - 1].start, ctx.sentences[k - 1].end)] if k > 0 else [])
    for start, end in stretches:
        spans = [s for s in ctx.spans if start <= s.start and s.end <= end and s.type is not EntityType.PERSON]
        for span in sorted(spans, key=lambda s: -s.start):
            state = ctx.country_of(span)
            if state is not None and state.type is EntityType.COUNTRY and not _governed(ctx, span):
                return state
    return None


def _governed(ctx: ArticleContext, span: MentionSpan) -> bool:
    """The mention follows a preposition ("an die Ukraine", "in Moskau")."""
    i = span.start - 1
    while i >= 0 and ctx.doc[i].tag_ in ("ART", "ADJA", "PPOSAT", "ADV") and span.start - i <= 3:
        i -= 1
    return i >= 0 and ctx.doc[i].tag_ in ("APPR", "APPRART")


def apposed(ctx: ArticleContext, end: int, start: int) -> bool:
    """"Odessas Gouverneur, der frühere Präsident X": an office phrase ending
    at ``end`` and one from ``start`` in apposition, named once after both."""
    between = ctx.doc[end:start]
    return len(between) >= 1 and between[0].text == "," and all(
        t.tag_ == "ART" and t.lower_ in ("der", "die", "dem", "den", "des") or t.tag_ == "ADJA" or t.is_space
        for t in between[1:])


def genitive(ctx: ArticleContext, span: MentionSpan) -> bool:
    """"Lindqvists Sprecher", "Müllers Berater": a person named in the genitive
    right before an office is whom the holder serves, not the holder."""
    text = ctx.doc[span.start : span.end].text
    return span.type is EntityType.PERSON and text.endswith(("s", "'")) and not span.name.endswith(("s", "ß", "x", "z"))
