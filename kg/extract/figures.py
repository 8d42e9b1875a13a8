"""Trade volumes and other figures (shares, stakes, populations, distances,
ages).

Trade: "Das Handelsvolumen zwischen den beiden Ländern lag im Jahr 2022 bei
3,5 Milliarden Dollar", "den Handel Vietnams mit China (175 Milliarden
Dollar) und den USA (123 Milliarden Dollar)". A converted amount in
brackets right after another ("(mehr als 3,2 Milliarden Euro)") restates it.

Figures: an amount with a unit near a measure word of the ontology
("80 Prozent der vietnamesischen Waffeneinfuhren entfallen auf Russland",
"bis zu 70 Prozent des Waffenarsenals", "rund 100 Millionen Einwohnern",
"1300 Kilometer lange Grenze", "Trong (79)").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.context import DASHES, ArticleContext, MentionSpan
from kg.extract.counts import (
    AGED,
    aged_person,
    alliance_of_members,
    attack_targets,
    bracketed_body,
    employer,
    last_person,
    located,
    pollster,
    verb_duration,
)
from kg.extract.triggers import PASSIVE_AUXILIARIES, determiner_before, find_triggers, is_nominative, preposition_before
from kg.model import Claim, EntityType, FactKind, Role
from kg.normalize import AmountMatch, parse_number_word, parse_qualifier

TRADE = "trade.v1"
QUANTITY = "quantities.v1"
CURRENCY_UNITS = frozenset({"USD", "EUR", "RUB", "CNY", "GBP", "CHF", "JPY", "VND", "INR"})
STATES = (EntityType.COUNTRY, EntityType.CITY)
HOLDERS = (EntityType.COUNTRY, EntityType.CITY, EntityType.ORGANIZATION, EntityType.PERSON)
MEASURE_WINDOW = 8
# Measures that come in one kind of unit only.
MEASURE_UNITS = {"population": ("persons", None), "border_length": ("km",), "age": ("years",)}
# Measures an amount takes from a noun next to it ("80 Prozent der
# Waffeneinfuhren"); counts of events and results are read by _counts.
NOUN_MEASURES = frozenset({"arms_import_share", "arsenal_share", "ownership_stake", "population",
                           "border_length", "age", "deal_value", "aid", "deaths"})


def extract(ctx: ArticleContext) -> Iterator[Claim]:
    used: set[int] = set()
    for sent in ctx.sentences:
        yield from _trade(ctx, sent, used)
    for sent in ctx.sentences:
        yield from _quantities(ctx, sent, used)
        yield from _ages(ctx, sent)
    last: Claim | None = None
    for sent in ctx.sentences:
        mine = list(_counts(ctx, sent, used, last))
        last = mine[-1] if mine else None
        yield from mine


def _trade(ctx: ArticleContext, sent: Span, used: set[int]) -> Iterator[Claim]:
    if not find_triggers(ctx, sent, FactKind.TRADE):
        return
    money = [a for a in ctx.amounts_in(sent) if a.amount.unit in CURRENCY_UNITS]
    if not money:
        return
    year = next((d.span.start for d in ctx.dates_in(sent) if d.span.start is not None), None)
    anchor = _anchor_state(ctx, sent)
    pair = _pair(ctx, sent)
    previous: AmountMatch | None = None
    for amount in money:
        if previous is not None and _restates(ctx, previous, amount):
            used.add(amount.start)
            continue
        partners = None
        bracketed = ctx.doc.text[max(0, amount.start - 2) : amount.start].strip().endswith("(")
        state = _state_before(ctx, sent, amount.start) if bracketed else None
        if state is not None and anchor is not None and state.name != anchor.name:
            partners = [anchor, state]
        elif pair is not None:
            partners = list(pair)
        previous = amount
        if not partners:
            continue
        used.add(amount.start)
        claim = ctx.claim(
            FactKind.TRADE, [(Role.PARTNER, p) for p in partners], sent,
            when=year, extractor=TRADE, trigger=_token_at(ctx, amount.end - 1),
            attributes=[("value", str(amount.amount.value)), ("unit", amount.amount.unit),
                        ("qualifier", amount.amount.qualifier)],
        )
        if claim is not None:
            yield claim


def _token_at(ctx: ArticleContext, char: int) -> int | None:
    span = ctx.doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else None


def _restates(ctx: ArticleContext, previous: AmountMatch, amount: AmountMatch) -> bool:
    between = ctx.doc.text[previous.end : amount.start]
    return between.strip() in ("(", "(rund", "(etwa") or (between.strip().startswith("(") and len(between) < 6) \
        or (amount.amount.unit != previous.amount.unit and between.strip() == "(")


def _state_before(ctx: ArticleContext, sent: Span, char: int) -> MentionSpan | None:
    best = None
    for s in ctx.spans_in(sent, STATES, names_only=True):
        if s.mention.evidence.end <= char and char - s.mention.evidence.end <= 4:
            best = s
    return ctx.country_of(best) if best is not None and best.type is EntityType.CITY else best


def _anchor_state(ctx: ArticleContext, sent: Span) -> MentionSpan | None:
    """"der Handel Vietnams mit China (...)": the state before "mit"."""
    for s in ctx.spans_in(sent, STATES, names_only=True):
        nxt = ctx.doc[s.end] if s.end < sent.end else None
        if nxt is not None and nxt.lower_ == "mit":
            return s
    return None


def _pair(ctx: ArticleContext, sent: Span) -> tuple[MentionSpan, MentionSpan] | None:
    """"zwischen Russland und Vietnam", or "zwischen den beiden Ländern"
    (the two states the article is about)."""
    named = ctx.spans_in(sent, STATES, names_only=True)
    for k, s in enumerate(named[:-1]):
        nxt = named[k + 1]
        if preposition_before(ctx, s, sent, gap=3) == "zwischen" and any(
                t.lower_ == "und" for t in ctx.doc[s.end : nxt.start]) and nxt.start - s.end <= 3:
            return s, nxt
    if any(t.lower_ in ("beiden", "beide") for t in sent):
        main = ctx.main_states()
        if len(main) >= 2:
            return main[0], main[1]
    return None


def _quantities(ctx: ArticleContext, sent: Span, used: set[int]) -> Iterator[Claim]:
    measures = ctx.lexicon.table("measure")
    doc = ctx.doc
    for amount in ctx.amounts_in(sent):
        if amount.start in used or amount.amount.unit in CURRENCY_UNITS and amount.amount.unit is None:
            continue
        span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
        if span is None:
            continue
        measure, measure_i = None, None
        for t in doc[max(sent.start, span.start - 3) : min(sent.end, span.end + MEASURE_WINDOW)]:
            if t.tag_ in ("NN", "ADJA", "NE") or t.text[:1].isupper():
                # no compound heads: a "Stimmenanteil" is no ownership "Anteil"
                hit = measures.match(t.text, compounds=False)
                if hit is not None:
                    measure, measure_i = hit, t.i
                    break
        if measure is None or measure not in NOUN_MEASURES:
            continue  # "18 Menschen" is a count of people, not a population
        if amount.amount.unit not in MEASURE_UNITS.get(measure, (amount.amount.unit,)):
            continue  # "15 Prozent der Bevölkerung" is a share, not a population
        assert measure_i is not None  # set together with measure
        of = _attached(ctx, sent, measure_i)
        subject = _subject(ctx, sent, of, measure, span.start)
        if subject is None:
            continue
        if of is not None and of.name == subject.name:
            of = None
        period = next((d for d in ctx.dates_in(sent) if d.span.end and d.span.end != d.span.start), None)
        claim = ctx.claim(
            FactKind.QUANTITY, [(Role.SUBJECT, subject), (Role.OF, of)], sent,
            when=period.span.start if period else None, until=period.span.end if period else None,
            extractor=QUANTITY, trigger=span.start,
            attributes=[("measure", measure), ("value", str(amount.amount.value)),
                        ("unit", amount.amount.unit), ("qualifier", amount.amount.qualifier)],
        )
        if claim is not None:
            used.add(amount.start)
            yield claim


def _attached(ctx: ArticleContext, sent: Span, i: int) -> MentionSpan | None:
    """The entity a measure noun belongs to: an adjective before it
    ("vietnamesischen Waffeneinfuhren") or a genitive after it
    ("Waffenlieferant Vietnams", "Anteil von Korea National Oil")."""
    for j in range(i - 1, max(sent.start, i - 3) - 1, -1):
        s = ctx.span_at(j)
        if s is not None and s.type is not EntityType.PERSON:
            return s
    for j in range(i + 1, min(sent.end, i + 4)):
        s = ctx.span_at(j)
        if s is not None and s.type is not EntityType.PERSON:
            return s if not s.adjective or s.type is EntityType.COUNTRY else None
        if ctx.doc[j].is_punct:
            break
    return None


def _subject(ctx: ArticleContext, sent: Span, of: MentionSpan | None, measure: str,
             amount_i: int) -> MentionSpan | None:
    doc = ctx.doc
    # "Das Land mit seinen rund 100 Millionen Einwohnern": the state the article is about
    if any(t.lemma_ == "Land" and t.tag_ == "NN" for t in doc[max(sent.start, amount_i - 6) : amount_i]):
        main = ctx.main_states()
        if main:
            return main[0]
    reported = _reporting_clause(sent)
    # where something is ("in ganz Deutschland") is not whose figure it is
    holders = [s for s in ctx.spans_in(sent, HOLDERS)
               if (of is None or s.name != of.name) and s.type is not EntityType.PERSON
               and not (reported and s.start < reported)
               and preposition_before(ctx, s, sent) not in ("in", "im", "nach", "aus", "bei")]
    # the holder named in its own right beats an adjective ("russischen Ursprungs")
    names = [s for s in holders if not s.adjective and not s.prefix]
    pick = names[0] if names else (holders[0] if holders else None)
    if pick is None and measure in ("population",):
        main = ctx.main_states()
        pick = main[0] if main else None
    if pick is not None and pick.type is EntityType.CITY:
        pick = ctx.country_of(pick) or pick
    return pick


def _reporting_clause(sent: Span) -> int | None:
    """End of a leading "Wie die Agentur X berichtet," clause: X is the
    source of the figure, not what it is about."""
    if sent[0].lower_ != "wie":
        return None
    for t in sent:
        if t.text == ",":
            return t.i
    return None


def _ages(ctx: ArticleContext, sent: Span) -> Iterator[Claim]:
    """"Trong (79)": a person's age in brackets; "der 69-Jährige": the age
    of the person named right after, or else of the person last named."""
    doc = ctx.doc
    for t in sent:
        m = AGED.fullmatch(t.text)
        if m is None or not 14 <= int(m.group(1)) <= 110:
            continue
        if t.i == sent.start or doc[t.i - 1].tag_ not in ("ART", "PDAT", "PPOSAT"):
            continue
        person = ctx.span_at(t.i + 1) if t.i + 1 < sent.end else None
        if person is None or person.type is not EntityType.PERSON:
            # "der 69-Jährige" stands for a person; "das 30-jährige Bestehen" does not
            person = last_person(ctx, t.i) if m.group(2) == "J" else None
        if person is not None:
            claim = ctx.claim(FactKind.QUANTITY, [(Role.SUBJECT, person)], sent, extractor=QUANTITY,
                              trigger=t.i, attributes=[("measure", "age"), ("value", m.group(1)),
                                                       ("unit", "years")])
            if claim is not None:
                yield claim
    for s in ctx.spans_in(sent, (EntityType.PERSON,)):
        if s.end + 2 < sent.end and doc[s.end].text == "(" and doc[s.end + 2].text == ")" and doc[s.end + 1].like_num:
            try:
                age = int(doc[s.end + 1].text)
            except ValueError:
                continue
            if 14 <= age <= 110:
                claim = ctx.claim(FactKind.QUANTITY, [(Role.SUBJECT, s)], sent, extractor=QUANTITY,
                                  attributes=[("measure", "age"), ("value", str(age)), ("unit", "years")])
                if claim is not None:
                    yield claim


# --- counts bound to an actor ------------------------------------------------
#
# "mindestens 30 Menschen wurden getötet", "Die Partei kam auf 80 Sitze",
# "Österreich stellt 3 Millionen Euro bereit", "seit zwölf Jahren": a number
# (digits or a number word, with its hedge) and the actor it is about.
# Events (deaths, arrests, protests) belong to the group the people are
# named after ("zwei Serben") or to the place where they happen; results and
# possessions to the subject of the clause.

COUNT = "counts.v1"
ACTOR_TYPES = (EntityType.COUNTRY, EntityType.CITY, EntityType.ORGANIZATION, EntityType.PERSON)
PLACE_TYPES = (EntityType.COUNTRY, EntityType.CITY, EntityType.PLACE)
# Measures of things that happen to people somewhere.
EVENT_MEASURES = frozenset({"deaths", "injured", "arrests", "protesters", "missing", "kidnapped", "targets_hit"})
# Measures of a state's own when the sentence names nobody (penalties, forecasts).
FALLBACK_MEASURES = frozenset({"max_prison_sentence", "growth_forecast"})
TIME_UNITS = frozenset({"years", "months", "weeks", "days", "hours"})
# "Artikel 50", "Seite 3", "Nummer 5": numbers that name, not count
NAMING_WORDS = frozenset({"artikel", "seite", "nummer", "nr.", "nr", "paragraf", "paragraph", "§", "kapitel",
                          "absatz", "punkt", "platz", "folge", "teil", "band", "zimmer", "gleis", "linie",
                          "runde", "ziffer", "resolution"})
# Where an event happens: "in Aleppo", "bei Kiew", "nahe der Stadt X"
WHERE_PREPS = frozenset({"in", "im", "bei", "nahe", "nördlich", "südlich", "östlich", "westlich", "aus",
                         "um", "vor", "durch"})
NEAR_NOUNS = frozenset({"nähe", "umgebung", "raum", "region", "rand", "umland", "osten", "westen", "norden",
                        "süden", "zentrum"})
# Prepositions after which a time span is a duration ("seit zwölf Jahren",
# "für zwei Jahre"); "vor zwölf Jahren" dates something instead.
DURATION_PREPS = frozenset({"seit", "nach", "für", "binnen", "innerhalb", "über", "während"})
HEDGE_WORDS = frozenset({"rund", "etwa", "circa", "zirka", "ca.", "ungefähr", "knapp", "gut", "annähernd",
                         "schätzungsweise", "über", "unter", "mindestens", "wenigstens", "höchstens",
                         "maximal", "fast", "beinahe", "nahezu"})
ARTICLE_ONE = frozenset({"ein", "eine", "einen", "einem", "einer", "eines", "eins"})


def _number_at(tok: Token) -> float | None:
    """The value of a number token ("30", "5.000", "2,3", "zwölf")."""
    text = tok.text
    if text[:1].isdigit():
        if not all(c.isdigit() or c in ".," for c in text):
            return None
        if "." in text and not all(len(g) == 3 for g in text.split(",")[0].split(".")[1:]):
            return None  # "1.25" (a time), "7.9.2015"
        try:
            return float(text.replace(".", "").replace(",", "."))
        except ValueError:
            return None
    if text.lower() in ARTICLE_ONE or not text.isalpha():
        return None
    n = parse_number_word(text)
    return float(n) if n is not None else None


def _hedge_before(doc: Doc, i: int, floor: int) -> str | None:
    """"mindestens 30", "mehr als 100", "bis zu 70"."""
    if i - 1 >= floor:
        one = doc[i - 1].lower_
        if i - 2 >= floor:
            two = f"{doc[i - 2].lower_} {one}"
            if two in ("mehr als", "bis zu", "weniger als"):
                return parse_qualifier(two)
        if one in HEDGE_WORDS:
            return parse_qualifier(one)
    return None


def _counts(ctx: ArticleContext, sent: Span, used: set[int], last: Claim | None = None) -> Iterator[Claim]:
    """Figures of one sentence; ``last`` is the figure stated before it
    ("300 Millionen ... Mindestens 60 Millionen davon ...")."""
    doc = ctx.doc
    amounts = {}
    for a in ctx.amounts_in(sent):
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is not None:
            amounts[span.start] = (a, span)
    dated = [(d.start, d.end) for d in ctx.dates_in(sent)]
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        found = amounts.get(i)
        if found is not None:
            amount, span = found
            i = span.end
            if amount.start in used:
                continue
            num_i = next((t.i for t in span if t.tag_ == "CARD" or _number_at(t) is not None), span.start)
            if doc[num_i].lower_ in ARTICLE_ONE:
                continue  # "seit einem Jahr", "eine Million": no figure worth a fact
            value, unit, qualifier = float(amount.amount.value), amount.amount.unit, amount.amount.qualifier
            end = span.end
            first = span.start
        else:
            i += 1
            number = _number_at(tok) if (tok.tag_ == "CARD" or tok.text[:1].isalpha()) else None
            if number is None:
                one = _one_more(ctx, sent, tok.i, last)
                if one is not None:
                    last = one
                    yield one
                continue
            value = number
            num_i, end, first = tok.i, tok.i + 1, tok.i
            unit, qualifier = None, _hedge_before(doc, tok.i, sent.start)
            if qualifier is not None:
                first = tok.i - (2 if doc[tok.i - 1].lower_ in ("als", "zu") else 1)
        if any(s <= doc[num_i].idx < e for s, e in dated):
            continue
        claim = _count_claim(ctx, sent, num_i, first, end, value, unit, qualifier, last)
        if claim is not None:
            used.add(doc[first].idx)
            last = claim
            yield claim


def _one_more(ctx: ArticleContext, sent: Span, i: int, last: Claim | None) -> Claim | None:
    """"21 Touristen und ein Polizist wurden getötet": a single person listed
    after a count of the same clause shares its measure and subject."""
    doc = ctx.doc
    if last is None or last.evidence is None or last.evidence.sent_start != sent.start_char \
            or doc[i].lower_ not in ("ein", "eine") or i - 2 < sent.start or i + 1 >= sent.end:
        return None
    if doc[i - 1].lower_ not in ("und", "sowie") or doc[i - 2].tag_ != "NN" or doc[i + 1].tag_ != "NN":
        return None
    if not 0 <= doc[i - 2].idx - last.evidence.end <= 40 \
            or any(t.is_punct or t.tag_.startswith("V") for t in doc[i - 3 : i]):
        return None  # the count the single one is listed with ends right before it
    return _restated(ctx, sent, last, i, 1.0, None, None, last.attribute("measure"))


def _count_claim(ctx: ArticleContext, sent: Span, num_i: int, first: int, end: int, value: float,
                 unit: str | None, qualifier: str | None, last: Claim | None = None) -> Claim | None:
    doc = ctx.doc
    tok = doc[num_i]
    prev = doc[first - 1] if first > sent.start else None
    nxt = doc[end] if end < sent.end else None
    if value == int(value) and 1800 <= value <= 2100 and "." not in tok.text and unit is None \
            and not (nxt is not None and nxt.tag_ == "NN" and nxt.text[-1:] in "nre"):
        return None  # a year (not "2000 Soldaten")
    if prev is not None and prev.lower_ in NAMING_WORDS:
        return None
    if nxt is not None and nxt.lower_ in ("uhr", "bis", "zu", "oder") and unit is None:
        return None  # "um 14 Uhr", "50 bis 70" (the range's end counts), "110 zu 65"
    if prev is not None and prev.lower_ == "von" and first - 2 >= sent.start and doc[first - 2].tag_ == "CARD":
        return None  # "119 von 350 Mandaten": the total is not the party's
    if unit is None and prev is not None and prev.lower_ == "von" and nxt is not None and nxt.lower_ == "auf":
        later = next((a for a in ctx.amounts_in(sent) if a.start > doc[num_i].idx and a.amount.unit), None)
        unit = later.amount.unit if later is not None and later.start - nxt.idx <= 8 else None
        # "von zwei auf 1,5 Prozent": the figure before is in the unit after
    if prev is not None and prev.text == "(" and unit in CURRENCY_UNITS:
        return None  # "(2,65 Millionen Euro)": a conversion of the amount before
    if unit in TIME_UNITS and prev is not None and prev.lower_ in ("vor", "in"):
        return None  # "vor zwölf Jahren": a date, not a figure
    if prev is not None and prev.lower_ in ("paar", "von") and first - 2 >= sent.start \
            and doc[first - 2].lower_ in ("ein", "eines", "einer", "einem"):
        return None  # "ein paar Hundert", "eines von sechs"
    if unit == "km":
        return _distance(ctx, sent, num_i, end, value, qualifier)
    head = _head_noun(doc, end, sent, unit)
    if head is not None and ctx.lexicon.table("agreement_kind").match(doc[head].text) is not None:
        return None  # "ein Dutzend Verträge": the count of an agreement, not a figure of its own
    measure = _count_measure(ctx, sent, num_i, end, head, unit)
    scaled = any(t.lower_.startswith(("million", "milliard", "mio", "mrd")) for t in doc[num_i:end])
    if measure is None and unit is None and head is None and not scaled:
        return None  # a bare number ("zwei, drei")
    if unit in TIME_UNITS:
        if measure != "max_prison_sentence" and not _duration_before(doc, first, sent) \
                and not (nxt is not None and nxt.lower_ in ("lang", "alt", "weitere")) \
                and not verb_duration(doc, first, end, ctx.clause(sent, num_i)):
            return None
        if measure is None or measure in EVENT_MEASURES:
            measure = "age" if nxt is not None and nxt.lower_ == "alt" else "duration"
    if last is not None and _part_of_last(doc, end, sent, num_i):
        return _restated(ctx, sent, last, num_i, value, unit, qualifier, measure)
    group = _group(ctx, head) if head is not None else None
    alliance = alliance_of_members(ctx, sent, num_i, head) if unit is None else None
    if alliance is not None:
        group, measure = alliance, "member_states"
    if group is None and head is not None and ctx.lexicon.table("measure").match(doc[head].text) == "staff":
        group = employer(ctx, sent, _previous_sentence(ctx, sent), last)
    if group is not None and measure is None and unit is None and value >= 10000:
        measure, unit = "population", "persons"  # "elf Millionen Kubaner"
    if group is not None:
        subject: MentionSpan | None = group  # "zwei Serben", "680 PKK-Kämpfer", "elf Millionen Kubaner"
    elif measure in EVENT_MEASURES:
        subject = _event_subject(ctx, sent, num_i, head)
    elif measure == "refugees":
        # "Kenia nahm 5000 Flüchtlinge auf"; "In Syrien sind vier Millionen Menschen auf der Flucht"
        # (troops in a place are the sender's: the place is what they are sent to)
        subject = _owner(ctx, sent, num_i, end, head) or _event_subject(ctx, sent, num_i, head)
    else:
        # "seit 100 Tagen Gouverneur der Region X": a noun after a time span is no counted thing
        subject = _owner(ctx, sent, num_i, end, None if unit in TIME_UNITS else head)
        if measure == "growth_forecast" and (subject is None or subject.type is EntityType.ORGANIZATION):
            clause = ctx.clause(sent, num_i)
            subject = next((s for s in ctx.spans_in(clause, (EntityType.COUNTRY,), names_only=True)
                            if preposition_before(ctx, s, clause) == "für"), subject)  # "Prognose für Peru"
        if subject is None and measure not in EVENT_MEASURES:
            subject = _announcer(ctx, sent, num_i)
        if subject is None and measure == "poll_result":
            clause = ctx.clause(sent, num_i)
            subject = pollster(ctx, clause, _words_of(ctx, clause, "poll_result"))
        if subject is None and unit == "percent":
            subject = _state_in(ctx, sent, num_i)  # "Die Wahlbeteiligung in Frankreich lag bei 60 Prozent"
        if subject is None and (unit in CURRENCY_UNITS or unit == "percent" or scaled
                                or measure in FALLBACK_MEASURES) and not _names_actor(ctx, sent) \
                and measure != "poll_result":  # a poll's figure is the pollster's
            # "Unerlaubter Grenzübertritt wird mit bis zu drei Jahren Haft bestraft",
            # "Die Inflation wird 15 Prozent erreichen": a figure of the state the article is about
            subject = _dominant_state(ctx)
        elif measure in ("growth_forecast",) and subject is not None and subject.type is EntityType.ORGANIZATION:
            subject = _dominant_state(ctx)  # the fund forecasts the state's growth
    if subject is None and last is not None and (scaled or unit in CURRENCY_UNITS) \
            and last.evidence is not None and last.evidence.sent_start == sent.start_char \
            and any(t.lower_ == "davon" for t in doc[sent.start : num_i]):
        # "davon 5,5 Millionen für X, fünf Millionen für Y": the list goes on with the parts
        return _restated(ctx, sent, last, num_i, value, unit, qualifier, measure)
    if subject is None:
        return None
    if unit is None and head is not None:
        unit = _count_unit(doc[head])
    text_value = str(int(value)) if value == int(value) else str(value)
    return ctx.claim(
        FactKind.QUANTITY, [(Role.SUBJECT, subject), (Role.OF, _recipient(ctx, sent, end, subject, unit))],
        sent, extractor=COUNT, trigger=num_i,
        attributes=[("measure", measure), ("value", text_value), ("unit", unit), ("qualifier", qualifier)],
    )


def _distance(ctx: ArticleContext, sent: Span, num_i: int, end: int, value: float,
              qualifier: str | None) -> Claim | None:
    where = located(ctx, sent, end)
    if where is None:
        return None
    text_value = str(int(value)) if value == int(value) else str(value)
    return ctx.claim(
        FactKind.QUANTITY, [(Role.SUBJECT, where[0]), (Role.OF, where[1])], sent, extractor=COUNT, trigger=num_i,
        attributes=[("measure", "distance"), ("value", text_value), ("unit", "km"), ("qualifier", qualifier)],
    )


def _recipient(ctx: ArticleContext, sent: Span, end: int, subject: MentionSpan,
               unit: str | None) -> MentionSpan | None:
    """Whom money goes to: "3 Millionen Euro für das UNHCR", "an die Ukraine"."""
    if unit not in CURRENCY_UNITS:
        return None
    clause = ctx.clause(sent, end - 1)
    for s in ctx.spans_in(clause, ACTOR_TYPES + (EntityType.PLACE,)):
        if s.start >= end and not s.adjective and s.name != subject.name \
                and preposition_before(ctx, s, clause) in ("für", "an", "nach"):
            return s
    return None


def _part_of_last(doc: Doc, end: int, sent: Span, num_i: int) -> bool:
    """"60 Millionen Dollar davon", "davon 5,5 Millionen": a part of the figure before."""
    after = doc[end] if end < sent.end else None
    before = doc[num_i - 1] if num_i - 1 >= sent.start else None
    return (after is not None and after.lower_ == "davon") or (before is not None and before.lower_ == "davon")


def _restated(ctx: ArticleContext, sent: Span, last: Claim, num_i: int, value: float, unit: str | None,
              qualifier: str | None, measure: str | None) -> Claim | None:
    subject = last.role(Role.SUBJECT)
    if not subject:
        return None
    span = next((s for s in ctx.spans if s.mention == subject[0]), None)
    if span is None:
        return None
    text_value = str(int(value)) if value == int(value) else str(value)
    return ctx.claim(
        FactKind.QUANTITY, [(Role.SUBJECT, span)], sent, extractor=COUNT, trigger=num_i,
        attributes=[("measure", measure or last.attribute("measure")), ("value", text_value),
                    ("unit", unit or last.attribute("unit")), ("qualifier", qualifier)],
    )


def _head_noun(doc: Doc, end: int, sent: Span, unit: str | None = None) -> int | None:
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


REPORTING = frozenset({"sagte", "sagt", "erklärte", "erklärt", "berichtete", "berichtet", "meldete", "meldet",
                       "hieß", "teilte", "betonte", "so"})


def _state_in(ctx: ArticleContext, sent: Span, num_i: int) -> MentionSpan | None:
    """The one state named with "in" before a share in the same clause."""
    clause = ctx.clause(sent, num_i)
    states = [s for s in ctx.spans_in(clause, (EntityType.COUNTRY,), names_only=True)
              if s.end <= num_i and preposition_before(ctx, s, clause) in ("in", "im")]
    others = [s for s in ctx.spans_in(clause, ACTOR_TYPES, names_only=True) if s not in states]
    return states[0] if len(states) == 1 and not others else None


def _names_actor(ctx: ArticleContext, sent: Span) -> bool:
    """The sentence names someone of its own (not only as an adjective; a
    closing "..., sagte X" names the source, not an actor)."""
    doc = ctx.doc
    cut = sent.end
    for t in sent:
        if t.text == "," and t.i + 1 < sent.end and doc[t.i + 1].lower_ in REPORTING:
            cut = t.i
    return any(not s.adjective and not s.prefix and s.start < cut and not _source(ctx, s, sent)
               for s in ctx.spans_in(sent, ACTOR_TYPES + (EntityType.PLACE,)))


def _source(ctx: ArticleContext, s: MentionSpan, sent: Span) -> bool:
    """"der CICIG zufolge", "laut X", "nach Angaben von X": who reports a figure."""
    doc = ctx.doc
    if s.end < sent.end and doc[s.end].lower_ == "zufolge":
        return True
    before = " ".join(t.lower_ for t in doc[max(sent.start, s.start - 4) : s.start])
    return before.endswith(("laut", "nach angaben", "nach angaben von", "nach angaben der", "nach angaben des"))


def _duration_before(doc: Doc, first: int, sent: Span) -> bool:
    """"seit zwölf Jahren", "innerhalb von fünf Tagen", "in den vergangenen
    39 Jahren": a time span, not a point in time."""
    words = [t.lower_ for t in doc[max(sent.start, first - 3) : first]]
    if not words:
        return False
    if words[-1] in DURATION_PREPS:
        return True
    if words[-1] == "von" and len(words) >= 2 and words[-2] in ("innerhalb", "binnen"):
        return True
    return words[-1] in ("vergangenen", "letzten", "kommenden", "nächsten", "ersten") and any(
        w in ("in", "den", "die") for w in words[:-1])


def _group(ctx: ArticleContext, head: int) -> MentionSpan | None:
    """The state or body counted people are named after: "zwei Serben"
    (a demonym), "680 PKK-Kämpfer" (a compound on a name of the article)."""
    doc = ctx.doc
    s = ctx.span_at(head)
    if s is not None and s.start == head and s.adjective and s.type is EntityType.COUNTRY \
            and doc[head].tag_ == "NN":
        return ctx.country_of(s) or s
    # "drei österreichische Botschaften", "30 türkische Kampfjets": the state's own
    j = head - 1
    while j >= 0 and doc[j].tag_ in ("ADJA", "ADJD") and head - j <= 3:
        adj = ctx.span_at(j)
        if adj is not None and adj.adjective and adj.type is EntityType.COUNTRY:
            return ctx.country_of(adj) or adj
        j -= 1
    if "-" in doc[head].text and (s is None or s.prefix):
        if s is not None and s.type in (EntityType.COUNTRY, EntityType.ORGANIZATION):
            return ctx.country_of(s) or s
        prefix = doc[head].text.split("-")[0]
        for other in ctx.spans:
            if other.mention.text == prefix and not other.adjective and other.type in (
                    EntityType.COUNTRY, EntityType.ORGANIZATION):
                return other
    return None


def _count_unit(tok: Token) -> str | None:
    word = tok.lower_
    if word.startswith(("soldat",)):
        return "soldiers"
    if word in ("sitze", "sitzen", "mandate", "mandaten"):
        return "seats"
    return None


def _count_measure(ctx: ArticleContext, sent: Span, num_i: int, end: int, head: int | None,
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


MEASURE_PRIORITY = ("deaths", "injured", "arrests", "missing", "kidnapped")
PEOPLE_MEASURES = frozenset({"protesters", "troops", "refugees", "staff"})


def _event_subject(ctx: ArticleContext, sent: Span, num_i: int, head: int | None) -> MentionSpan | None:
    """Whose deaths, arrests or protesters: the group the people are named
    after ("zwei Serben", "680 PKK-Kämpfer"), else the place where it
    happens ("in Aleppo", "im Norden Syriens")."""
    if head is not None:
        group = ctx.span_at(head)
        if group is not None and group.type in (EntityType.COUNTRY, EntityType.ORGANIZATION):
            return ctx.country_of(group) or group
    targets = attack_targets(ctx, sent, _words_of(ctx, sent, "attacks"))
    if targets:
        return min(targets, key=lambda s: abs(s.start - num_i))
    named = _where_places(ctx, sent)
    if named:
        return min(named, key=lambda s: abs(s.start - num_i))
    if ctx.spans_in(sent, PLACE_TYPES, names_only=True):
        return None  # a place of its own the sentence names otherwise
    # "Die Armee griff das Lager in der Stadt X an. Dabei kamen 49 Menschen ums Leben."
    previous = _previous_sentence(ctx, sent)
    if previous is not None:
        before = _where_places(ctx, previous)
        if before:
            return before[-1]
    clause = ctx.clause(sent, num_i)
    if any(t.tag_ == "PPER" and t.lower_ in ("sie", "er") for t in clause) \
            and not any(t.lower_ in PASSIVE_AUXILIARIES | {"seien", "sind"} for t in clause):
        return None  # "Sie sollen 100 Kämpfer getötet haben": who did it is the figure's owner, not a place
    return _dominant_state(ctx)


def _where_places(ctx: ArticleContext, sent: Span) -> list[MentionSpan]:
    places = [s for s in ctx.spans_in(sent, PLACE_TYPES, names_only=False)
              if not s.prefix and _where(ctx, s, sent)]
    # a named state or city before a "Kathedrale der Hauptstadt"
    return [s for s in places if s.type is not EntityType.PLACE] or places


def _previous_sentence(ctx: ArticleContext, sent: Span) -> Span | None:
    k = ctx.sentences.index(sent) if sent in ctx.sentences else -1
    while k > 0:
        k -= 1
        if ctx.sentences[k].text.strip():
            return ctx.sentences[k]
    return None


def _where(ctx: ArticleContext, s: MentionSpan, sent: Span) -> bool:
    """The place is where something happens: "in Aleppo", "nahe dem
    tunesischen Urlaubsort", "im Norden Syriens", "durch X" (not "nahe der
    türkischen Grenze": by a border is not in the state)."""
    doc = ctx.doc
    if s.adjective and s.end < sent.end and doc[s.end].lower_.startswith("grenz"):
        return False
    i, steps = s.start - 1, 0
    while i >= sent.start and steps < 6:
        t = doc[i]
        if t.lower_ in WHERE_PREPS:
            return True
        inner = ctx.span_at(i)
        if inner is not None and inner.adjective:
            i, steps = inner.start - 1, steps + 1
            continue
        if t.lower_ in ("von", "vom") and i - 1 >= sent.start and doc[i - 1].lower_ in NEAR_NOUNS:
            i, steps = i - 1, steps + 1  # "in der Nähe von X"
            continue
        if t.tag_ not in ("ART", "ADJA", "ADJD", "CARD", "PPOSAT", "PIAT", "NN", "NE"):
            return False
        i, steps = i - 1, steps + 1
    return False


def _dominant_state(ctx: ArticleContext) -> MentionSpan | None:
    """The state an article is clearly about (named at least twice as often
    as any other): where its unplaced events happen."""
    ranked = ctx.state_mentions()
    if not ranked or len(ranked[0]) < (2 if len(ranked) == 1 else 3) \
            or (len(ranked) > 1 and len(ranked[0]) < 2 * len(ranked[1])):
        return None
    return ranked[0][0]


def _owner(ctx: ArticleContext, sent: Span, num_i: int, end: int, head: int | None) -> MentionSpan | None:
    """Whose figure: the subject of the clause the number stands in ("Die
    Partei kam auf 80 Sitze", "Österreich will sich mit 11,5 Millionen
    beteiligen"), or the owner named after the counted noun ("60 Prozent der
    Unternehmen Kubas")."""
    doc = ctx.doc
    if head is not None:
        for j in range(head + 1, min(sent.end, head + 4)):
            s = ctx.span_at(j)
            if s is not None and not s.adjective and s.type in ACTOR_TYPES and s.mention.text.endswith("s") \
                    and s.mention.text != s.mention.name:
                return s  # a genitive: "der Unternehmen Kubas"
            if doc[j].is_punct:
                break
            if doc[j].lower_ in ("der", "des") and j + 1 < sent.end:
                s = ctx.span_at(j + 1)
                if s is not None and not s.adjective and s.type in ACTOR_TYPES + (EntityType.PLACE,):
                    return s  # "der Bewohner der Krim"
    clause = ctx.clause(sent, num_i)
    # names and compounds on names ("die US-Streitkräfte verfügen über 180 Maschinen")
    candidates = [s for s in ctx.spans_in(clause, ACTOR_TYPES) if not s.adjective and _may_own(ctx, s, clause)]
    before = [s for s in candidates if s.end <= num_i]
    if before:
        return before[-1]
    anaphor = _anaphor_before(ctx, clause, num_i) or aged_person(ctx, clause, num_i)
    if anaphor is not None:
        return anaphor
    after = [s for s in candidates if end <= s.start <= end + 3 and end < sent.end
             and doc[end].tag_ in ("VAFIN", "VMFIN", "VVFIN")]
    if after:
        return after[0]  # "300 Millionen Dollar kann Minister X ausgeben"
    agent = _passive_agent(ctx, clause, num_i)
    if agent is not None:
        return agent  # "wurden von den EU-Staaten 1,2 Milliarden Euro versprochen"
    first = next((t for t in clause if not t.is_space), None)
    if first is not None and first.tag_ == "PRELS" and clause.start - 2 >= sent.start \
            and not any(t.text in DASHES or t.tag_ == "PPER" for t in doc[clause.start : num_i]):
        # "die Partei X, die ... 13 Prozent erhielt", "der Vorschlag der Kommission zurück, die 500 Millionen forderte"
        k = clause.start - 2
        while k > sent.start and doc[k].tag_ in ("PTKVZ", "ADV") and ctx.span_at(k) is None:
            k -= 1
        antecedent = ctx.span_at(k)
        if antecedent is not None and antecedent.type in ACTOR_TYPES and not antecedent.adjective \
                and not _source(ctx, antecedent, sent):
            return antecedent
    return None


def _passive_agent(ctx: ArticleContext, clause: Span, num_i: int) -> MentionSpan | None:
    """The agent of a passive clause, the one nearest the figure: "für die
    Unterstützung von UN-Organisationen von den EU-Staaten 1,2 Milliarden
    Euro versprochen"."""
    doc = ctx.doc
    if not (any(t.tag_ == "VVPP" for t in clause) and any(t.lower_ in PASSIVE_AUXILIARIES for t in clause)):
        return None
    agents = [s for s in ctx.spans_in(clause, ACTOR_TYPES)
              if not s.adjective and not _source(ctx, s, clause)
              and preposition_before(ctx, s, clause) in ("von", "vom")
              and not (s.start - 3 >= clause.start and doc[s.start - 3].lower_ == "angaben")]
    return min(agents, key=lambda s: abs(s.start - num_i)) if agents else None


# "die Regierung", "die Staatsführung": the state the article is about
STATE_NOUNS = frozenset({"regierung", "staatsführung", "landesregierung"})


def _governed(ctx: ArticleContext, s: MentionSpan, sent: Span) -> bool:
    """A preposition (any STTS APPR/APPRART, "am", "vom", "seitens") heads
    the phrase the mention ends."""
    doc = ctx.doc
    i, steps = s.start - 1, 0
    while i >= sent.start and steps < 6:
        t = doc[i]
        if t.tag_ in ("APPR", "APPRART", "APPO"):
            return True
        inner = ctx.span_at(i)
        if inner is not None and inner.adjective:
            i, steps = inner.start - 1, steps + 1
            continue
        if t.tag_ not in ("ART", "ADJA", "ADJD", "CARD", "PPOSAT", "PIAT", "NN", "NE", "ADV"):
            return False
        i, steps = i - 1, steps + 1
    return False


def _passive_after(doc: Doc, i: int, clause: Span) -> bool:
    words = [t for t in doc[i : clause.end]]
    return any(t.tag_ == "VVPP" for t in words) and any(t.lower_ in PASSIVE_AUXILIARIES for t in words)


def _anaphor_before(ctx: ArticleContext, clause: Span, num_i: int) -> MentionSpan | None:
    doc = ctx.doc
    for t in doc[clause.start : num_i]:
        seat = _government_seat(ctx, clause, t.i)
        if seat is not None:
            return seat
        if t.lower_ in STATE_NOUNS and t.tag_ == "NN" and t.i - 1 >= clause.start \
                and doc[t.i - 1].lower_ in ("die", "das", "der") \
                and not (t.i - 2 >= clause.start and doc[t.i - 2].tag_ in ("APPR", "APPRART")) \
                and not (t.i + 1 < num_i and (doc[t.i + 1].lower_ in ("der", "des", "in", "von")
                                              or ctx.span_at(t.i + 1) is not None)):
            main = ctx.main_states()
            return main[0] if main else None
    return None


def _may_own(ctx: ArticleContext, s: MentionSpan, clause: Span) -> bool:
    """An actor that can be the clause's subject: not governed by a
    preposition (also as a later member of a list after one: "in Polen,
    Bulgarien, Rumänien"), not a genitive attribute ("des Senders X"), not
    the source of a report ("der CICIG zufolge", "laut X")."""
    doc = ctx.doc
    sent = doc[s.start].sent
    if s.start > 0 and s.end < len(doc) and doc[s.start - 1].text == "(" and doc[s.end].text == ")" \
            and not bracketed_body(ctx, s):
        return False  # "Lena Berger (ÖVP)": whom the person belongs to
    if not is_nominative(ctx, s, clause) or s.start in ctx.dateline \
            or preposition_before(ctx, s, sent, gap=6) is not None or _governed(ctx, s, sent):
        return False
    if _passive_after(doc, s.end, clause):
        return False  # "Der EU-Fonds soll mit drei Millionen unterstützt werden": a passive's subject receives
    if determiner_before(ctx, s, clause) in ("des", "eines"):
        return False
    if s.end < clause.end and doc[s.end].lower_ in ("zufolge", "berichtete", "berichtet", "meldete") \
            or _source(ctx, s, sent):
        return False
    if s.start - 1 >= clause.start and doc[s.start - 1].lower_ in ("laut", "wie", "als"):
        return False
    j = s.start - 1
    while j >= sent.start and doc[j].text in (",", "und", "sowie", "oder"):
        left = ctx.span_at(j - 1)
        if left is None:
            break
        if preposition_before(ctx, left, sent) is not None:
            return False
        j = left.start - 1
    return True


def _words_of(ctx: ArticleContext, span: Span, measure: str) -> frozenset[int]:
    """Tokens of the span that name the measure, compounds included
    ("Forsa-Umfrage", "Raketenangriff")."""
    table = ctx.lexicon.table("measure")
    return frozenset(t.i for t in span if t.tag_ in ("NN", "NE") and table.match(t.text) == measure)


def _government_seat(ctx: ArticleContext, clause: Span, i: int) -> MentionSpan | None:
    """"die Regierung in Warschau kündigte ... an": the state whose capital
    or territory names the government that is the clause's subject."""
    doc = ctx.doc
    t = doc[i]
    if t.lower_ not in STATE_NOUNS or t.tag_ != "NN" or i - 1 < clause.start or doc[i - 1].lower_ != "die" \
            or (i - 2 >= clause.start and doc[i - 2].tag_ in ("APPR", "APPRART")) or i + 2 >= clause.end \
            or doc[i + 1].lower_ != "in":
        return None
    place = ctx.span_at(i + 2)
    if place is None or place.adjective or place.type not in STATES:
        return None
    return ctx.country_of(place)


def _announcer(ctx: ArticleContext, sent: Span, num_i: int) -> MentionSpan | None:
    """"Das Ministerium X hatte mitgeteilt, es sollten 90 Panzer stationiert
    werden": an agentless passive reported by a body is that body's state's
    plan (only where the reported clause names no actor of its own)."""
    doc = ctx.doc
    verbs = ctx.lexicon.verbs(FactKind.STATEMENT)
    comma = next((t.i for t in doc[sent.start : num_i] if t.text == ","), None)
    if comma is None or not any(t.lemma_ in verbs and t.tag_.startswith("VV") for t in doc[sent.start : comma]):
        return None
    rest = doc[comma + 1 : sent.end]
    if not _passive_after(doc, num_i, rest) or any(t.lower_ in ("von", "vom", "durch") for t in doc[num_i : sent.end]):
        return None
    if any(t.tag_ in ("KOUS", "PRELS") for t in doc[comma + 1 : comma + 2]):
        return None  # "..., dass X ...", "..., die ...": a clause of its own with its own subject
    if any(not s.adjective and _may_own(ctx, s, rest) for s in ctx.spans_in(rest, ACTOR_TYPES)):
        return None
    main = doc[sent.start : comma]
    actors = [s for s in ctx.spans_in(main, ACTOR_TYPES) if not s.adjective and _may_own(ctx, s, main)]
    if len(actors) != 1 or _source(ctx, actors[0], sent):
        return None
    return ctx.country_of(actors[0]) or actors[0]
