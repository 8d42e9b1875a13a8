"""Office phrases: find an office word in a sentence and the state or body
it belongs to (adjective, compound prefix, genitive, "der/des" phrase).
Moved out of kg.extract.roles, which reads the holders and builds the facts."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import cast

from spacy.tokens import Doc, Span, Token

from kg.extract.appositions import (
    bracketed_body,
    deputy_office,
    past_transparent,
)
from kg.extract.context import ArticleContext, MentionSpan, is_region
from kg.extract.triggers import word_before_phrase
from kg.gazetteer import GazetteerEntry
from kg.lexicon import TermTable
from kg.model import EntityType, Mention

EXTRACTOR = "roles.v1"
# The deputy's office of an office a deputy modifier stands before; any other is a "deputy".
DEPUTY_OF = {"head_of_government": "deputy_head_of_government", "president": "vice_president"}
# Words that tie an office to its body ("Analyst am ISEAS", "Generalsekretär
# der KP"); "für" names a field ("Mitarbeiter für Russland"), not a body.
LINK_WORDS = frozenset({"der", "des", "am", "beim", "im", "von", "vom", "bei"})
FILLER_TAGS = frozenset({"ART", "ADJA", "ADJD", "APPR", "APPRART", "ADV", "$,", "PPOSAT", "CARD", "NN", "NE", "PIAT",
                         "KON"})
ENVOYS = frozenset({"ambassador"})
COPULA = frozenset({"ist", "war", "wurde", "bleibt", "gilt"})
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
PRINCIPAL_OFFICES = frozenset({"spokesperson", "adviser", "negotiator", "physician"})
# Short first parts of compounds that name no body: "Ex-Chef", "Vize-Chef", "Team-Chef".
NOT_BODY_PREFIXES = frozenset({"ex", "vize", "ko", "co", "team", "stabs", "clan", "firmen", "haus", "amts", "top",
                               "chef", "neo", "alt", "sub"})
# Offices an adjective of a party can qualify: "der republikanische Bewerber X".
PARTY_ADJECTIVE_OFFICES = frozenset({"presidential_candidate", "party_official"})
# Offices of a party or its parliamentary group: named alone before "X (ABC)", of the party ABC.
PARTY_OFFICES = frozenset({"parliamentary_leader", "party_leader", "party_official"})


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



def find_offices(ctx: ArticleContext, sent: Span) -> list[OfficeMention]:
    offices = ctx.lexicon.table("office")
    doc = ctx.doc
    out: list[OfficeMention] = []
    for tok in sent:
        if not tok.text[:1].isupper() or tok.pos_ == "PROPN" and ctx.span_at(tok.i) \
                and not cast(MentionSpan, ctx.span_at(tok.i)).prefix:
            continue
        concept = offices.match(tok.text) if tok.lower_ not in ctx.lexicon.words("not_offices") else None
        if concept is None and tok.i > sent.start:
            # two-word offices: "Wissenschaftlicher Mitarbeiter"
            concept = offices.match(f"{ctx.doc[tok.i - 1].text} {tok.text}", compounds=False)
            concept = concept if concept is not None and " " in _form_of(offices, concept) else None
        chief = _is_chief(ctx, tok)
        if concept is None and not chief:
            continue
        start, org = _org_before(ctx, sent, tok, concept)
        end, org_after, to, principal = _org_after(ctx, sent, tok)
        if org is None and org_after is None and _presides_unnamed_body(ctx, tok, concept):
            continue
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
        if _modified_by(ctx, max(sent.start, start - 2), tok.i, "deputy_modifiers"):
            concept = DEPUTY_OF.get(concept, "deputy")  # "der stellvertretende Ministerpräsident"
        if tok.lower_.startswith(ctx.lexicon.words("counterpart_words")) and out and _counterpart_of(ctx, sent, out[-1], tok):
            concept = out[-1].concept  # "Außenminister X und sein Amtskollege Y": the same office
        former = _is_former(ctx, start, tok) or _time_as(doc, start) is not None
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


def _counterpart_of(ctx: ArticleContext, sent: Span, before: OfficeMention, tok: Token) -> bool:
    """"Außenminister X und sein Amtskollege Y": the counterpart of the
    holder named just before, who is the subject; not in "mit der Kanzlerin
    X und seinem Amtskollegen Y", where "sein" is somebody else's."""
    doc = ctx.doc
    between = [t.lower_ for t in doc[before.end : tok.i]]
    word = word_before_phrase(doc, before.start, sent.start)
    return "und" in between and any(w.startswith(("sein", "ihr")) for w in between) \
        and (word is None or word.tag_ not in ("APPR", "APPRART"))


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


def _presides_unnamed_body(ctx: ArticleContext, tok: Token, concept: str | None) -> bool:
    """"Kammerpräsident", "Bundesbankpräsident": the compound names the body
    presided over, one no mention covers; its holder is no state's president."""
    if concept not in ctx.lexicon.words("presiding_offices"):
        return False
    modifier = ctx.lexicon.table("office").modifier(tok.text)
    return bool(modifier) and modifier not in ctx.lexicon.words("office_modifiers") \
        and ctx.gazetteer.lookup(modifier.capitalize()) is None


def _is_chief(ctx: ArticleContext, tok: Token) -> bool:
    """"Chef", "Kreml-Chef", "ABC-Ko-Chefin", "Landesvorsitzende"; a
    "Vizechef" is a deputy, not the chief."""
    lower = tok.text.lower()
    head = lower.rsplit("-", 1)[-1]
    words, heads = ctx.lexicon.words("chief_words"), ctx.lexicon.words("chief_heads")
    if tok.lower_ in words or head.startswith("vize"):
        return tok.lower_ in words
    return "-" in lower and (head in heads or head.endswith(("chef", "chefin"))) or head.endswith(
        ("vorsitzende", "vorsitzender", "vorsitzenden"))


def _is_party(ctx: ArticleContext, org: MentionSpan, between: Span) -> bool:
    """A body whose chief leads a party: its name or the words before it say
    "Partei" ("Oppositionspartei ABC"), or it is no state, no state body and
    no body the gazetteer knows as international ("ABC-Chef")."""
    if org.type is not EntityType.ORGANIZATION:
        return False
    name = org.name.lower()
    if "partei" in name or any(t.lower_.endswith("partei") for t in between) or ctx.is_party(org):
        return True
    # "FPÖ-Chef" is the party's above; not "WTO-Chef", "Nato-Chef", nor a body
    # nothing calls a party ("Verdi-Chef", "OGM-Chef": a union, a firm)
    return False


def _national(ctx: ArticleContext, org: MentionSpan) -> bool:
    """A body of one state (a party, say), not an international one."""
    if org.type is not EntityType.ORGANIZATION:
        return False
    if org.entry is None:
        return True
    parent = ctx.gazetteer.get(org.entry.part_of) if org.entry.part_of else None
    return parent is not None and parent.type is EntityType.COUNTRY


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
        if span is not None and (span.type in (EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.CITY)
                                 or is_region(span)):  # "der bayerische Innenminister"
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
                and s.mention.text.lower().rsplit("-", 1)[-1].startswith(word) and " " not in s.mention.text:
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
            elif org is None and (span.type in (EntityType.COUNTRY, EntityType.ORGANIZATION) or is_region(span)):
                preps = [w for w in doc[tok.i + 1 : span.start] if w.tag_ in ("APPR", "APPRART")]
                # "der Volksvertretung zu X": the last preposition must tie X to the office
                if any(w.lower_ in LINK_WORDS for w in doc[tok.i + 1 : span.start]) and (
                        not preps or preps[-1].lower_ in LINK_WORDS) or span.start == tok.i + 1 and _genitive(ctx, span):
                    org = span  # "Generalsekretär der Nato", "Außenminister Kenias"
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


def _genitive(ctx: ArticleContext, span: MentionSpan) -> bool:
    """A name in the genitive: "Kenias", "Russlands" (not "Kenia", nor "Paris")."""
    text = ctx.doc[span.start : span.end].text
    return text.endswith("s") and text != span.name and not span.name.endswith("s")


def _is_former(ctx: ArticleContext, start: int, tok: Token) -> bool:
    lower = tok.text.lower()
    if lower.startswith(("ex-", "alt")) and not lower.startswith("alter"):
        return True
    if lower.startswith("ex") and lower[2:3].isalpha() and lower[2:4] not in ("pe", "tr", "po", "pl", "am", "il"):
        return True  # "Expräsident", "Exkanzler" (not "Experte", "Extremist", "Export", "Explosion", "Examen", "Exil")
    return _modified_by(ctx, max(0, start - 2), tok.i, "former_words")


def _modified_by(ctx: ArticleContext, lo: int, office_i: int, words: str) -> bool:
    """A word before the office, from ``lo``, begins with one of the word
    list ``words`` ("ehemalige", "stellvertretende")."""
    return any(ctx.doc[j].lower_.startswith(ctx.lexicon.words(words)) for j in range(lo, office_i))
