"""What a count counts: the noun after the number ("80 Sitze", "12
Todesopfer"), else a measure word of its clause ("... wurden getötet",
"Umfrage"), else its unit."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.context import ArticleContext
from kg.extract.figure_terms import CURRENCY_UNITS, EVENT_MEASURES, MEASURE_PRIORITY, NOUN_MEASURES, PEOPLE_MEASURES
from kg.extract.triggers import PASSIVE_AUXILIARIES


def head_noun(doc: Doc, end: int, sent: Span, unit: str | None = None) -> int | None:
    """The noun a number counts: "50 Dissidenten", "30 türkische Kampfjets",
    "60 Prozent der Unternehmen" (a share: the noun of the genitive after
    the unit)."""
    j = end
    if unit == "percent" and j < sent.end and doc[j].lower_ in ("der", "des"):
        j += 1
    if j + 1 < sent.end and doc[j].tag_ in ("PDAT", "ART") and doc[j].lower_ in ("dieser", "der", "aller"):
        j += 1  # "180 dieser Maschinen"
    limit = j + 5
    while j < sent.end and j < limit:
        t = doc[j]
        if t.tag_ in ("NN", "NE") and not t.lower_.startswith(("million", "milliard")):
            return j
        if t.tag_ not in ("ADJA", "ADJD", "ADV", "CARD", "NN") and not t.text.startswith("-"):
            return None
        j += 1
    return None


def count_unit(tok: Token) -> str | None:
    word = tok.lower_
    if word.startswith(("soldat",)):
        return "soldiers"
    if word in ("sitze", "sitzen", "mandate", "mandaten"):
        return "seats"
    return None


def count_measure(ctx: ArticleContext, sent: Span, num_i: int, end: int, head: int | None,
                   unit: str | None) -> str | None:
    """The measure of a count: the noun it counts ("80 Sitze", "12 Todesopfer"),
    else a word of the clause ("... wurden getötet", "Umfrage"), else by unit."""
    doc = ctx.doc
    measures = ctx.lexicon.table("measure")
    people = None
    if head is not None:
        hit = measures.match(doc[head].text, compounds=False)
        if hit == "votes" and unit == "percent":
            return "vote_share"  # "21 Prozent der Stimmen"
        if hit in PEOPLE_MEASURES:
            people = hit  # "12 Demonstranten festgenommen", "drei Soldaten getötet": what befell them counts
        elif hit is not None and hit not in ("duration", "age"):
            return hit
    clause = ctx.clause(sent, num_i)
    words = [t for t in sent if not t.is_space]
    # the rest of the sentence speaks for a clause without a verb of its own
    # ("..., darunter 39 Kinder"), not for one with ("als fünf Kliniken getroffen wurden")
    scopes = (clause,) if any(t.tag_.startswith(("VV", "VA", "VM")) for t in clause) else (clause, words)
    for scope in scopes:
        hits = []
        for t in scope:
            if t.i == num_i:
                continue
            hit = measures.match(t.text, compounds=False)
            if hit is None and "-" in t.text[1:-1]:
                hit = measures.match(t.text.rsplit("-", 1)[1], compounds=False)  # "Yougov-Umfrage"
            if hit is None and t.lower_ in ("ums", "starben", "sterben", "gestorben", "umgekommen", "tot"):
                hit = "deaths" if t.lower_ != "ums" or (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "leben") else None
            if hit is None and t.lower_ == "leben" and doc[t.i - 1].lower_ == "das" \
                    and any(w.lower_.startswith(("kostet", "gekostet")) for w in scope):
                hit = "deaths"  # "kostete 250.000 Menschen das Leben"
            if hit is None:
                continue
            if hit in EVENT_MEASURES and unit not in (None, "persons"):
                continue
            if hit in ("vote_share", "poll_result", "growth_forecast") and unit != "percent":
                continue
            if hit == "max_prison_sentence" and unit != "years":
                continue
            if hit in NOUN_MEASURES and hit not in ("deaths", "aid") or hit in ("attacks", "staff"):
                continue  # "Anteil", "Grenze" of the clause: the noun-bound measures of _quantities
            if hit == "aid" and unit not in CURRENCY_UNITS:
                continue
            if hit == "targets_hit" and not any(w.lower_ in PASSIVE_AUXILIARIES | {"seien", "sind"} for w in scope):
                continue  # "30 Kampfjets bombardierten ...": they hit, they are not hit
            hits.append(hit)
        if people is not None:
            hits = [h for h in hits if h in MEASURE_PRIORITY]
        if hits:
            # "bei Protesten ... getötet": the death is the figure, the protest its setting
            return min(hits, key=lambda h: MEASURE_PRIORITY.index(h) if h in MEASURE_PRIORITY else len(MEASURE_PRIORITY))
    return people


def words_of(ctx: ArticleContext, span: Span, measure: str) -> frozenset[int]:
    """Tokens of the span that name the measure, compounds included
    ("Forsa-Umfrage", "Raketenangriff")."""
    table = ctx.lexicon.table("measure")
    return frozenset(t.i for t in span if t.tag_ in ("NN", "NE") and table.match(t.text) == measure)
