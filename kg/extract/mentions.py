"""Entity mentions of one article, with names referring back resolved.

Sources, in order of trust: the gazetteer (curated type), the NER model,
name-shaped tokens right after an office word ("Staatssekretär Daniel
Kritenbrink"), and the first part of compounds ("US-Präsident",
"Kreml-Chef", "Vietnam-Visite"). A later "Putin", "Lam" or "Putins" refers
back to the full name introduced in the same article.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.extract.context import MentionSpan
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon, TermTable, term_key
from kg.model import Article, EntityType, Evidence, FactKind, Mention
from kg.stts import NAME_TAGS

TYPE_BY_LABEL = {t.value: t for t in EntityType}
# Tokens a name never starts or ends with, though the NER sometimes says so.
NOT_NAME = frozenset({"der", "die", "das", "den", "dem", "des", "und", "mit", "von", "am", "im", "in",
                      "präsident", "präsidenten", "herr", "frau", "staatschef", "laut", "so", "bei",
                      # titles before a name are no part of it ("König Felipe VI.", "Papst Franziskus")
                      "könig", "königin", "papst", "prinz", "prinzessin", "kronprinz", "scheich", "emir",
                      "sultan", "kaiser", "ajatollah", "ayatollah", "kardinal", "senator", "senatorin"})
MAX_NAME_TOKENS = 5
# Particles inside names: "Lula da Silva", "Van der Bellen", "le Jeune", "bin Salman".
# German ones ("von", "zu") join only a proper-name token: "Müller von der Polizei" is no name.
FOREIGN_PARTICLES = frozenset({"de", "do", "dos", "del", "della", "di", "la", "le", "van", "ter", "ten", "bin", "ibn",
                               "al", "el", "y", "dei", "degli"})
# particles that are German words too: the name part after them must be a proper name to HanTa
GERMAN_PARTICLES = frozenset({"von", "zu", "der", "den", "da", "das", "du", "ben"})
# "al-Assad", "el-Sisi", "bin-Laden": a lower-case particle fused to a name
_FUSED_PARTICLE = re.compile(r"^(?:al|el|as|ad|ar|at|ash|an|bin|ibn|abu|ben|ould)-[A-ZÄÖÜ]")


def find_mentions(doc: Doc, article: Article, gazetteer: Gazetteer, lexicon: Lexicon | None = None) -> list[MentionSpan]:
    """Every entity mention of the article, sorted by position."""
    spans: list[MentionSpan] = []
    taken: set[int] = set()
    if lexicon is not None:
        # "so Nguyen Khac Giang, Analyst am ISEAS": a name introduced by its
        # apposition beats whatever the NER made of it
        for span in _names_before_offices(doc, article, lexicon, gazetteer):
            spans.append(span)
            taken.update(range(span.start, span.end))
    for ent in doc.ents:
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        mention = _from_entity(ent, article, gazetteer, lexicon)
        if mention is not None:
            spans.append(mention)
            taken.update(range(mention.start, mention.end))
    if lexicon is not None:
        for span in _names_after_offices(doc, article, lexicon, gazetteer, taken):
            spans.append(span)
            taken.update(range(span.start, span.end))
        for span in _names_before_parties(doc, article, lexicon, gazetteer, taken) + \
                _given_name_persons(doc, article, lexicon, gazetteer, taken):
            if not any(i in taken for i in range(span.start, span.end)):
                spans.append(span)
                taken.update(range(span.start, span.end))
    spans = _merge_adjacent_persons(doc, article, spans)
    spans.extend(_compound_prefixes(doc, article, gazetteer, taken))
    spans.extend(_compass_regions(doc, article, gazetteer, taken))
    if lexicon is not None:
        spans.extend(_office_compounds(doc, article, gazetteer, lexicon, taken))
    # a body or a building embeds the state or city it belongs to; both stay mentions
    for span in _state_bodies(doc, article, spans) + _landmarks(doc, article, taken):
        if span.start not in taken:
            spans.append(span)
            taken.update(range(span.start, span.end))
    spans = _described_names(doc, article, gazetteer, spans, taken)
    if lexicon is not None:
        for span in _adjective_names(doc, article, gazetteer, lexicon, spans, taken) + \
                _party_compounds(doc, article, gazetteer, lexicon, taken):
            spans.append(span)
            taken.update(range(span.start, span.end))
    for span in _named_bodies(doc, article, gazetteer, spans):
        spans.append(span)
        taken.update(range(span.start, span.end))
    for span in _credits(doc, article, taken):
        spans.append(span)
        taken.update(range(span.start, span.end))
    spans.extend(_known_name_tokens(doc, article, gazetteer, spans, taken))
    spans.extend(_embedded_places(doc, article, gazetteer, spans))
    spans = _bracketed_parties(doc, spans)
    spans.sort(key=lambda s: (s.start, -s.end))
    return _drop_lone_given_names(_relatives(doc, article, _refer_back(spans), gazetteer), gazetteer)


def _evidence(article: Article, start: int, end: int) -> Evidence:
    return Evidence(doc_id=article.doc_id, start=start, end=end)


def _from_entity(ent: Span, article: Article, gazetteer: Gazetteer, lexicon: Lexicon | None = None) -> MentionSpan | None:
    found = _trim(ent, person=ent.label_ == EntityType.PERSON.value,
                  offices=lexicon.table("office") if lexicon is not None else None)
    if found is not None and found.label_ == EntityType.PERSON.value:
        found = _cut_at_genitive(found, gazetteer.given_names)
    if found is None:
        return None
    ent = found
    key, _, flag = (ent.ent_id_ or "").partition("#")
    entry = gazetteer.get(key) if key else None
    if entry is None:
        entry = gazetteer.lookup(ent.text)
    if entry is None and ent.label_ in ("LOC", EntityType.PLACE.value) and ent.text.endswith("s") \
            and (base := gazetteer.lookup(ent.text[:-1])) is not None \
            and base.type in (EntityType.PLACE, EntityType.CITY, EntityType.COUNTRY):
        entry = base  # "Nordsyriens", "Sinais": a genitive the gazetteer does not list
    if entry is not None and entry.type is EntityType.PERSON and ent.start > 0 \
            and ent.doc[ent.start - 1].text in gazetteer.given_names and not ent.doc[ent.start - 1].ent_type_:
        # "Fábio Luiz Lula da Silva" is not "Lula da Silva": the given names
        # before a known name make another person's name
        start = ent.start - 1
        while start > 0 and ent.start - start < 3 and _name_part(ent.doc[start - 1], sentence_start=True):
            start -= 1
        span = ent.doc[start:ent.end]
        return MentionSpan(span.start, span.end,
                           Mention(span.text, EntityType.PERSON, _evidence(article, span.start_char, span.end_char)))
    if entry is not None:
        adjective = flag == "adj" or ent.text.lower() in {a.lower() for a in entry.adjectives}
        m = Mention(ent.text, entry.type, _evidence(article, ent.start_char, ent.end_char), norm=entry.label)
        return MentionSpan(ent.start, ent.end, m, entry, adjective=adjective)
    if ent.label_ != EntityType.PERSON.value:
        ent = _without_city_adjective(ent, gazetteer)
    label = ent.label_
    # The NER also tags capitalised common words ("Zorn", "Aktuelles",
    # "Wirtschaftlich" at the start of a sentence): a name the gazetteer does
    # not know needs a token HanTa reads as a proper name, unless it is a
    # longer organisation name.
    # ("Frank-Walter/ADJA Steinmeier/NN": a given name vouches for the rest)
    if not any(t.tag_ in NAME_TAGS for t in ent) and (len(ent) == 1 or label == EntityType.PERSON.value) \
            and not (len(ent) > 1 and ent[0].text in gazetteer.given_names):
        return None
    if label == EntityType.PERSON.value:
        if not any(t.text[:1].isupper() for t in ent) or len(ent) > MAX_NAME_TOKENS:
            return None
        if len(ent) == 1 and ent.text.isupper():
            return None  # "POOL", "AFP" in a credit line: no one's name
        ent = _widen_name(ent, gazetteer)
        etype = EntityType.PERSON
    elif label in ("LOC", EntityType.ORGANIZATION.value) and 2 <= len(ent) <= 3 \
            and ent[0].text in gazetteer.given_names and all(t.tag_ in NAME_TAGS for t in ent[1:]):
        etype = EntityType.PERSON  # "Pierre Moscovici" is nobody's organisation
    elif label == "LOC" and lexicon is not None and (person := _speaker_after_verb(ent, lexicon)) is not None:
        ent, etype = person, EntityType.PERSON
    elif label == "LOC":
        etype = EntityType.PLACE
    elif label == EntityType.ORGANIZATION.value:
        etype = EntityType.ORGANIZATION
    elif label in TYPE_BY_LABEL:
        etype = TYPE_BY_LABEL[label]
    else:
        return None  # MISC: works, events, nationalities the gazetteer does not know
    text = ent.text
    m = Mention(text, etype, _evidence(article, ent.start_char, ent.end_char))
    return MentionSpan(ent.start, ent.end, m)


def _speaker_after_verb(ent: Span, lexicon: Lexicon) -> Span | None:
    """"kritisierte Haris Soetardjo am Montag": a name the gazetteer does
    not know, right after a verb of speech, is someone speaking, though the
    NER took it for a place (a known city that speaks is looked up before);
    with the name parts before it that the NER dropped."""
    doc = ent.doc
    start = ent.start
    while start > 0 and ent.start - start < 2 and doc[start - 1].tag_ == "NE" and not doc[start - 1].ent_type_ \
            and doc[start - 1].text[:1].isupper():
        start -= 1
    verb = doc[start - 1] if start > 0 else None
    # in the singular ("kritisierte", "sagt"): "der von X unterstützten Y" is an attribute, whatever its tag
    if verb is None or not verb.tag_.endswith("FIN") or not verb.lower_.endswith(("t", "te")) \
            or not all(t.tag_ == "NE" for t in doc[start:ent.end]):
        return None
    lemma = term_key(verb.lemma_ or verb.text)
    speech = lemma in lexicon.verbs(FactKind.STATEMENT) or lexicon.table("stance").exact(lemma) is not None
    return doc[start:ent.end] if speech else None


def _without_city_adjective(ent: Span, gazetteer: Gazetteer) -> Span:
    """"New Yorker Mount Sinai-Krankenhaus", "Wiener Staatsoper": a city's
    -er adjective before a name says where it is; it is no part of the name."""
    doc = ent.doc
    for width in (2, 1):
        if len(ent) <= width:
            continue
        words = doc[ent.start : ent.start + width]
        last = words[-1].text
        if not last.endswith("er") or not last[:1].isupper():
            continue
        city = gazetteer.lookup(" ".join([*[t.text for t in words[:-1]], last[:-2]]))
        if city is not None and city.type is EntityType.CITY:
            return Span(doc, ent.start + width, ent.end, label=ent.label_, span_id=ent.id_)
    return ent


def _widen_name(ent: Span, gazetteer: Gazetteer | None = None) -> Span:
    """Take in name parts the NER left out: "Nguyen" of "Nguyen Phu Trong"
    when HanTa reads it as a proper name or foreign word too, a given name
    that starts the sentence ("Juan Carlos Monedero"), and particles with
    the name part after them ("Lula da Silva", "Van der Bellen")."""
    doc = ent.doc
    given = gazetteer.given_names if gazetteer is not None else frozenset()
    start, end = ent.start, ent.end
    while start > 0 and end - start < MAX_NAME_TOKENS and (
            _name_part(doc[start - 1]) or _name_part(doc[start - 1], sentence_start=True)
            and doc[start - 1].text in given):
        start -= 1
    while end < len(doc) and end - start < MAX_NAME_TOKENS:
        if _name_part(doc[end]):
            end += 1
        elif (after := _after_particles(doc, end)) is not None and after - start <= MAX_NAME_TOKENS + 2:
            end = after
        else:
            break
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


def _name_part(token: Token, *, sentence_start: bool = False) -> bool:
    return (token.text[:1].isupper() and token.is_alpha and not token.ent_type_
            and token.tag_ in ("NE", "FM") and token.lower_ not in NOT_NAME
            and (sentence_start or not token.is_sent_start))


def _after_particles(doc: Doc, i: int) -> int | None:
    """End of "da Silva", "van der Bellen", "von der Leyen" starting at token i
    (None if no particle chain with a name part after it starts there)."""
    j, foreign = i, False
    while j < len(doc) and j - i < 3 and doc[j].lower_ in FOREIGN_PARTICLES | GERMAN_PARTICLES \
            and not doc[j].is_sent_start:
        foreign = foreign or doc[j].lower_ in FOREIGN_PARTICLES
        j += 1
    if j == i or j >= len(doc) or doc[j].is_sent_start:
        return None
    t = doc[j]
    if not (t.text[:1].isupper() and t.is_alpha) or t.ent_type_ not in ("", "PER", EntityType.PERSON.value) \
            or t.lower_ in NOT_NAME:
        return None
    # a German particle needs a proper name after it; a foreign one may precede
    # a name HanTa takes for a noun ("Bellen/NN")
    if t.tag_ not in NAME_TAGS and not (foreign and t.tag_ == "NN"):
        return None
    if {d.lower_ for d in doc[i:j]} <= {"der", "den"}:
        return None  # "Obama der Präsident": an article, not a particle
    end = j + 1
    # "le Jeune d'Allegeershecque": a second part in the same script
    while end < len(doc) and end - j < 2 and doc[end].tag_ in ("FM", "NE") and doc[end].text[:1].isalpha() \
            and not doc[end].ent_type_ and not doc[end].is_sent_start and doc[end].lower_ not in NOT_NAME:
        end += 1
    return end


def _cut_at_genitive(ent: Span, given_names: frozenset[str]) -> Span | None:
    """"Holms Vorgänger", "Lindqvists Sprecher", "Berkes E-Mail-Computer": a
    genitive name and the noun it qualifies are not one name ("Boris
    Johnson", "Carlos Monedero": a given name in -s is no genitive)."""
    for k in range(ent.start, ent.end - 1):
        t, nxt = ent.doc[k], ent.doc[k + 1]
        if t.text.endswith("s") and t.tag_ in NAME_TAGS and nxt.tag_ == "NN" and not nxt.text[:1].islower() \
                and t.text not in given_names:
            return Span(ent.doc, ent.start, k + 1, label=ent.label_, span_id=ent.id_)
    return ent


def _trim(ent: Span, *, person: bool = False, offices: TermTable | None = None) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in NOT_NAME or not doc[start].is_alpha and not doc[start].text[:1].isalnum()):
        start += 1
    # "Richter Karl Huber": an office word before a full name is no part of it
    # (two words are left alone: "Richter" is a surname too)
    if person and offices is not None and end - start >= 3 and offices.match(doc[start].text, compounds=False):
        start += 1
    # "Kim sagte": a verb or a lowercase word never ends a person's name
    while end > start and (doc[end - 1].lower_ in NOT_NAME or doc[end - 1].is_punct or (
            person and (doc[end - 1].tag_.startswith("V") or doc[end - 1].text[:1].islower())
            and not _FUSED_PARTICLE.match(doc[end - 1].text))):
        end -= 1
    if start >= end:
        return None
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_, span_id=ent.id_)


def _names_after_offices(doc: Doc, article: Article, lexicon: Lexicon, gazetteer: Gazetteer,
                         taken: set[int]) -> list[MentionSpan]:
    """Name-shaped tokens right after an office word: the NER misses
    unfamiliar (e.g. Vietnamese) names that German text introduces this way."""
    offices = lexicon.table("office")
    out = []
    for token in doc:
        if token.i in taken or not token.text[:1].isupper() or (
                offices.match(token.text) is None and _name_noun(token, lexicon) is None):
            continue
        j = token.i + 1
        if j + 1 < len(doc) and doc[j].text == ",":
            j += 1  # apposition: "Vietnams Außenminister, Bui Thanh Son,"
        first = j
        while j < len(doc) and j - token.i <= MAX_NAME_TOKENS and j not in taken:
            t = doc[j]
            if not (t.text[:1].isupper() and t.is_alpha and t.tag_ in NAME_TAGS) or t.ent_type_ and t.ent_type_ != "PER":
                break
            if offices.match(t.text) is not None or t.lower_ in NOT_NAME:
                break
            j += 1
        if j > first and (after := _after_particles(doc, j)) is not None and after - first <= MAX_NAME_TOKENS + 2:
            j = after  # "Botschafter Jan van der Hoeven"
        # one capitalised noun after an office is usually a common noun ("Präsident Frankreichs")
        if j - first >= 2 or (j - first == 1 and doc[first].tag_ == "NE"):
            span = doc[first:j]
            m = Mention(span.text, EntityType.PERSON, _evidence(article, span.start_char, span.end_char))
            out.append(MentionSpan(span.start, span.end, m))
    return out


def _name_noun(token: Token, lexicon: Lexicon) -> str | None:
    """"Schwiegersohn", "Politologin": a person noun a name may follow (its head
    in a compound: "Präsidentengattin")."""
    word = term_key(token.text)
    return next((n for n in lexicon.name_nouns if word == n or len(word) > len(n) + 3 and word.endswith(n)), None)


def _surname_token(token: Token, lexicon: Lexicon, gazetteer: Gazetteer) -> bool:
    """A token that may be (part of) a surname after a given name: capitalised,
    letters and hyphens only, a proper name to HanTa (or a noun it does not
    know as one: "Bellen/NN"), no office word, no other entity."""
    text = token.text
    if not (text[:1].isupper() or _FUSED_PARTICLE.match(text)) or token.is_sent_start \
            or not text.replace("-", "").replace("'", "").isalpha():
        return False
    if token.ent_type_ not in ("", "PER", EntityType.PERSON.value) or token.lower_ in NOT_NAME:
        return False
    if token.tag_ not in NAME_TAGS and token.tag_ != "NN":
        return False
    if lexicon.table("office").match(text) is not None:
        return False
    entry = gazetteer.lookup(text)
    return entry is None or entry.type is EntityType.PERSON


def _given_name_persons(doc: Doc, article: Article, lexicon: Lexicon, gazetteer: Gazetteer,
                        taken: set[int]) -> list[MentionSpan]:
    """"Deniz Baykal", "Hans-Jörg Schelling": a given name and the surname
    after it, which the NER missed."""
    out = []
    for token in doc:
        if token.i in taken or token.text not in gazetteer.given_names \
                or token.ent_type_ not in ("", "PER", "MISC", EntityType.PERSON.value):
            continue
        j = token.i + 1
        while j < len(doc) and j - token.i <= 3 and j not in taken:
            if j > token.i + 1 and doc[j - 1].text.endswith("s") and doc[j].tag_ == "NN":
                break  # "Peter Mayers Rücktritt": the noun the genitive name owns
            if _surname_token(doc[j], lexicon, gazetteer):
                j += 1
            elif (after := _after_particles(doc, j)) is not None and j > token.i + 0:
                j = after
                break
            else:
                break
        if j - token.i < 2:
            continue
        span = doc[token.i:j]
        m = Mention(span.text, EntityType.PERSON, _evidence(article, span.start_char, span.end_char))
        out.append(MentionSpan(span.start, span.end, m))
    return out


def _names_before_parties(doc: Doc, article: Article, lexicon: Lexicon, gazetteer: Gazetteer,
                          taken: set[int]) -> list[MentionSpan]:
    """"Hans-Jörg Schelling (ÖVP)": two or three name tokens right before a
    party (a body of a state) in brackets."""
    out = []
    for token in doc:
        if token.text != "(" or token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
            continue
        entry = gazetteer.lookup(doc[token.i + 1].text)
        if entry is None or entry.type is not EntityType.ORGANIZATION or not entry.part_of \
                or (state := gazetteer.get(entry.part_of)) is None or state.type is not EntityType.COUNTRY:
            continue
        start = token.i
        while start > 0 and token.i - start < 3 and (start - 1) not in taken and (
                _surname_token(doc[start - 1], lexicon, gazetteer)
                or doc[start - 1].text in gazetteer.given_names):
            start -= 1
        if token.i - start >= 2:
            span = doc[start:token.i]
            m = Mention(span.text, EntityType.PERSON, _evidence(article, span.start_char, span.end_char))
            out.append(MentionSpan(span.start, span.end, m))
    return out


def _merge_adjacent_persons(doc: Doc, article: Article, spans: list[MentionSpan]) -> list[MentionSpan]:
    """"Otto Pérez" + "Molina", "Abd Rabbo" + "Mansour Hadi": one name the NER
    cut in two (a genitive before a name, "Putins Sprecher Peskow", stays apart)."""
    by_start = {s.start: s for s in spans if s.type is EntityType.PERSON and s.entry is None and not s.prefix}
    merged: list[MentionSpan] = []
    gone: set[int] = set()
    for s in sorted(spans, key=lambda s: s.start):
        if id(s) in gone:
            continue
        cur = s
        while cur.type is EntityType.PERSON and cur.entry is None and not cur.prefix and cur.end in by_start \
                and not doc[cur.end - 1].text.endswith("s") and id(by_start[cur.end]) not in gone:
            nxt = by_start[cur.end]
            gone.add(id(nxt))
            span = doc[cur.start:nxt.end]
            cur = MentionSpan(cur.start, nxt.end,
                              Mention(span.text, EntityType.PERSON, _evidence(article, span.start_char, span.end_char)))
        merged.append(cur)
    return merged


# "seinen Bruder Raul", "mit Ehefrau Margit": a relative named by the given name
# shares the surname of the person named before (in-laws do not)
KIN = frozenset({"bruder", "schwester", "sohn", "tochter", "vater", "mutter", "ehefrau", "gattin", "ehemann",
                 "gatte", "enkel", "enkelin", "onkel", "neffe", "nichte", "witwe"})


def _relatives(doc: Doc, article: Article, spans: list[MentionSpan], gazetteer: Gazetteer) -> list[MentionSpan]:
    covered = {i for s in spans for i in range(s.start, s.end)}
    for token in doc[1:]:
        if token.i not in covered and token.text in gazetteer.given_names and doc[token.i - 1].lower_ in KIN \
                and (token.i + 1 >= len(doc) or not doc[token.i + 1].text[:1].isupper()):
            m = Mention(token.text, EntityType.PERSON, _evidence(article, token.idx, token.idx + len(token.text)))
            spans = sorted([*spans, MentionSpan(token.i, token.i + 1, m)], key=lambda s: (s.start, -s.end))
    out: list[MentionSpan] = []
    for s in spans:
        if s.type is EntityType.PERSON and s.entry is None and s.end - s.start == 1 \
                and s.mention.name in gazetteer.given_names and s.start > 0 and doc[s.start - 1].lower_ in KIN:
            before = [p for p in out if p.type is EntityType.PERSON and len(p.mention.name.split()) >= 2
                      and p.end <= s.start - 1]
            if before:
                surname = before[-1].mention.name.split()[-1]
                m = Mention(s.mention.text, EntityType.PERSON, s.mention.evidence, norm=f"{s.mention.name} {surname}")
                s = MentionSpan(s.start, s.end, m, s.entry, s.adjective, s.prefix)
        out.append(s)
    return out


def _drop_lone_given_names(spans: list[MentionSpan], gazetteer: Gazetteer) -> list[MentionSpan]:
    """A given name alone ("Sebastian", "Susan") is nobody's full name: a
    person mention that stays one after referring back is dropped."""
    return [s for s in spans if not (s.type is EntityType.PERSON and s.entry is None and not s.mention.hint
                                     and s.mention.name in gazetteer.given_names)]


# Nouns that introduce a name and say what it names: "die Partei Lider", "die
# Zeitung Danas", "der Fernsehsender Rossija 24", "die Provinz Bingöl", "der
# Urlaubsort Sousse". As the end of a compound too ("Erdölkonzern Petrobras").
ORG_DESCRIPTORS = ("partei", "zeitung", "tageszeitung", "wochenzeitung", "magazin", "nachrichtenmagazin",
                   "nachrichtenagentur", "agentur", "sender", "fernsehsender", "radiosender", "kanal", "konzern",
                   "firma", "unternehmen", "bewegung", "miliz", "organisation", "gruppe", "rebellengruppe",
                   "thinktank", "denkfabrik", "institut", "bank", "universität", "gewerkschaft", "plattform")
REGION_DESCRIPTORS = ("provinz", "region", "oblast", "bezirk", "gouvernement", "bundesstaat", "departement",
                      "kanton", "landkreis", "distrikt")
CITY_DESCRIPTORS = ("stadt", "urlaubsort", "ortschaft", "dorf", "hafenstadt", "grenzstadt", "kleinstadt",
                    "großstadt", "metropole", "küstenstadt", "provinzhauptstadt")
# descriptors that are part of the name: "Wirtschaftsuniversität Getúlio Vargas", "Stiftung Mercator"
NAMED_BY_DESCRIPTOR = ("universität", "institut", "stiftung", "gewerkschaft")
# hyphenated names whose last part says they name a body: "Al-Nour-Partei", "Bessarabien-Gruppe"
ORG_COMPOUND_HEADS = ("partei", "bewegung", "gruppe", "miliz", "fonds", "universität", "stiftung", "allianz",
                      "brigaden", "front", "institut")


def _described_names(doc: Doc, article: Article, gazetteer: Gazetteer, spans: list[MentionSpan],
                     taken: set[int]) -> list[MentionSpan]:
    """A name after a noun that says what it names gets that type ("die Partei
    Lider", "der Urlaubsort Sousse", "die Provinz Sirnak" -> "Provinz Sirnak"),
    whatever the NER guessed; a generic party word before a party's name is
    no mention of its own ("die Linkspartei Podemos")."""
    by_start = {s.start: s for s in spans}
    by_token = {i: s for s in spans for i in range(s.start, s.end)}
    drop: set[int] = set()
    out: list[MentionSpan] = []
    for token in doc:
        low = token.lower_
        if not token.text[:1].isupper() or token.tag_ not in ("NN", "NE") or token.i + 1 >= len(doc):
            continue
        kind = EntityType.ORGANIZATION if low.endswith(ORG_DESCRIPTORS) else \
            EntityType.PLACE if low in REGION_DESCRIPTORS else \
            EntityType.CITY if low in CITY_DESCRIPTORS else None
        if kind is None:
            continue
        j = token.i + 1
        nxt = by_start.get(j)
        if nxt is not None and nxt.type is EntityType.ORGANIZATION and nxt.entry is None \
                and low.endswith(NAMED_BY_DESCRIPTOR) and token.i not in taken:
            # "Wirtschaftsuniversität Getúlio Vargas": the descriptor belongs to the name
            span = doc[token.i:nxt.end]
            label = f"{token.text[:-1] if low.endswith('instituts') else token.text} {nxt.mention.text}"
            drop.add(nxt.start)
            out.append(MentionSpan(span.start, span.end, Mention(
                span.text, EntityType.ORGANIZATION, _evidence(article, span.start_char, span.end_char), norm=label)))
            taken.update(range(span.start, span.end))
            continue
        if nxt is not None and nxt.type is not EntityType.PERSON and kind is EntityType.ORGANIZATION \
                and not (nxt.type in (EntityType.PLACE, EntityType.CITY) and _ner_only(nxt)):
            # (a place only the NER saw is retyped below: "der Sender Rossija 24" names no place)
            own = by_start.get(token.i)
            if own is not None and own.end == j and own.type is EntityType.ORGANIZATION \
                    and nxt.type is EntityType.ORGANIZATION:
                drop.add(token.i)  # "Linkspartei Podemos": Podemos is the name
            continue
        if kind is EntityType.PLACE and nxt is not None and nxt.type is EntityType.CITY and nxt.end - nxt.start == 1:
            # "Region Odessa": the region, besides the city
            span = doc[token.i:nxt.end]
            m = Mention(span.text, EntityType.PLACE, _evidence(article, span.start_char, span.end_char))
            out.append(MentionSpan(span.start, span.end, m))
            continue
        # the name: up to three capitalised tokens (a number may end it: "Rossija 24")
        k = j
        while k < len(doc) and k - j < 3 and (k == j or not doc[k].is_sent_start):
            t = doc[k]
            if t.text[:1].isupper() and t.text.replace("-", "").replace("'", "").isalpha() \
                    and t.tag_ in ("NE", "FM", "XY", "NN") and t.lower_ not in NOT_NAME \
                    and (k == j or t.tag_ in NAME_TAGS or kind is not EntityType.ORGANIZATION) \
                    and (k not in taken or _ner_only(by_token.get(k))):
                k += 1
            elif k > j and t.like_num and kind is EntityType.ORGANIZATION and len(t.text) <= 3:
                k += 1
                break
            else:
                break
        if k == j or not any(t.tag_ in NAME_TAGS or t.ent_type_ and t.ent_type_ != "MISC" for t in doc[j:k]):
            continue
        if kind is EntityType.ORGANIZATION and doc[k - 1].text.endswith("s") and low not in ORG_DESCRIPTORS \
                and (p := by_start.get(k - 1)) is not None and p.type in (EntityType.PLACE, EntityType.COUNTRY):
            # "Arbeiterpartei Kurdistans": the whole phrase is the name
            j = token.i
        if gazetteer.lookup(doc[j:k].text) is not None or body_head(doc[j], gazetteer.body_heads) is not None:
            continue
        if (after := by_start.get(k)) is not None and after.type is EntityType.ORGANIZATION:
            continue  # "die Arbeiterpartei Kurdistans PKK": the long form of the name after it
        for i in range(j, k):
            if (old := by_token.get(i)) is not None and old.entry is None:
                drop.add(old.start)
        name = doc[j:k]
        start = token.i if kind is EntityType.PLACE else j
        span = doc[start:k]
        if kind is EntityType.ORGANIZATION and low.endswith(NAMED_BY_DESCRIPTOR):
            start, span = token.i, doc[token.i:k]
        label = span.text if kind is EntityType.PLACE else name.text
        if start == token.i and kind is EntityType.ORGANIZATION:
            label = f"{token.text[:-1] if low.endswith('instituts') else token.text} {name.text}"
        # "Rossija 24." at a sentence end: the tokenizer reads an ordinal, the period ends the sentence
        dot = 1 if doc[k - 1].like_num and doc[k - 1].text.endswith(".") else 0
        m = Mention(span.text[:len(span.text) - dot], kind, _evidence(article, span.start_char, span.end_char - dot),
                    norm=label[:len(label) - dot])
        out.append(MentionSpan(span.start, span.end, m))
        taken.update(range(span.start, span.end))
    for token in doc:
        # "Al-Nour-Partei", "Bessarabien-Gruppe", "EU-Afrika-Fonds"
        parts = token.text.split("-")
        if len(parts) < 2 or not parts[0][:1].isupper() \
                or not {parts[-1].lower(), parts[-1].lower()[:-1]} & set(ORG_COMPOUND_HEADS) \
                or any(s.start <= token.i < s.end and s.type is EntityType.ORGANIZATION and not s.prefix
                       for s in spans + out) \
                or gazetteer.lookup(token.text) is not None:
            continue
        text = token.text[:-1] if token.text.endswith("s") and parts[-1].lower() not in ORG_COMPOUND_HEADS \
            else token.text
        m = Mention(token.text, EntityType.ORGANIZATION, _evidence(article, token.idx, token.idx + len(token.text)),
                    norm=text if text != token.text else "")
        out.append(MentionSpan(token.i, token.i + 1, m))
    kept = [s for s in spans if not (s.start in drop and s.entry is None or s.start in drop and s.type is
                                     EntityType.ORGANIZATION and s.end - s.start == 1 and s.start + 1 in
                                     {o.start for o in spans})]
    return kept + out


def _adjective_names(doc: Doc, article: Article, gazetteer: Gazetteer, lexicon: Lexicon,
                     spans: list[MentionSpan], taken: set[int]) -> list[MentionSpan]:
    """Capitalised adjectives before a body noun make a name: German writes
    the adjectives of a common noun in lower case ("die regierende Partei"),
    of a name in capitals ("der Demokratischen Partei" -> "Demokratische
    Partei", "die Liberale Partei Norwegens"). A name with its abbreviation
    in brackets is mentioned by the abbreviation ("Demokratische Partei
    (DS)"), as elsewhere (see appositions.bracketed_body)."""
    heads = lexicon.words("adjective_name_heads")
    countries = {s.start: s for s in spans if s.type is EntityType.COUNTRY and not s.adjective}
    blocked = taken | {i for s in spans if s.adjective for i in range(s.start, s.end)}
    out: list[MentionSpan] = []
    for token in doc:
        low = token.lower_
        if token.i in taken or token.tag_ != "NN" or not low.endswith(heads) or not token.text[:1].isupper():
            continue
        start = token.i
        while start > 0 and token.i - start < 3 and doc[start - 1].tag_ == "ADJA" \
                and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_sent_start \
                and (start - 1) not in blocked:
            start -= 1
        if start == token.i:
            continue
        end, words = token.i + 1, [_ADJ_ENDING.sub("", t.text) + "e" for t in doc[start:token.i]]
        words.append(token.text)
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                and doc[end + 1].text.isupper() and doc[end + 1].is_alpha and end + 1 not in taken:
            abbr = doc[end + 1]
            out.append(MentionSpan(abbr.i, abbr.i + 1, Mention(
                abbr.text, EntityType.ORGANIZATION, _evidence(article, abbr.idx, abbr.idx + len(abbr.text)))))
            continue
        if (state := countries.get(end)) is not None and state.mention.text.endswith("s") \
                and state.mention.text != state.name:
            words.append(state.mention.text)  # "die Liberale Partei Norwegens": the state is part of the name
        label = " ".join(words)
        if gazetteer.lookup(label) is not None:
            continue  # a known body ("Europäische Union") is the NER's and the gazetteer's
        span = doc[start:end]
        m = Mention(span.text, EntityType.ORGANIZATION, _evidence(article, span.start_char, span.end_char),
                    norm=label if label != span.text else "")
        out.append(MentionSpan(span.start, span.end, m))
    return out


def _party_compounds(doc: Doc, article: Article, gazetteer: Gazetteer, lexicon: Lexicon,
                     taken: set[int]) -> list[MentionSpan]:
    """A one-word party compound is the party's German name ("der Vorsitzende
    der Fortschrittspartei", "die Zentrumspartei"), unless its first part only
    says what kind of party it is ("die Regierungspartei") or a name follows
    ("die Linkspartei Podemos": that name is the party, see _described_names)."""
    generic = lexicon.words("generic_parties")
    out: list[MentionSpan] = []
    for token in doc:
        low = token.lower_
        if token.i in taken or token.tag_ != "NN" or not token.text[:1].isupper() or "-" in token.text \
                or not low.endswith("partei") or len(low) < len("partei") + 3:
            continue
        kind = low[: -len("partei")]
        if kind in generic or kind.removesuffix("s") in generic or gazetteer.lookup(token.text) is not None:
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and (nxt.tag_ in NAME_TAGS or nxt.ent_type_) and nxt.text[:1].isupper():
            continue
        m = Mention(token.text, EntityType.ORGANIZATION, _evidence(article, token.idx, token.idx + len(token.text)))
        out.append(MentionSpan(token.i, token.i + 1, m))
    return out


def _ner_only(span: MentionSpan | None) -> bool:
    """A mention only the NER vouches for (no gazetteer entry): a descriptor may retype it."""
    return span is not None and span.entry is None


_ADJ_ENDING = re.compile(r"(?:e|en|er|es|em)$")
NOMINATIVE = {"m": "er", "f": "e", "n": "es", "pl": "e"}


def body_head(token: Token, heads: dict[str, str]) -> tuple[str, str] | None:
    """(nominative noun, gender) if the token names a kind of state body:
    "Parlaments" -> ("Parlament", "n"), "Streitkräften" -> ("Streitkräfte", "pl")."""
    text = token.text
    if not text[:1].isupper() or token.tag_ not in ("NN", "NE"):
        return None
    low = text.lower()
    for cut in (0, 1, 2):
        base, stem = (text[:-cut], low[:-cut]) if cut else (text, low)
        if cut and low[-cut:] not in ("s", "es", "n"):
            continue
        for head, gender in heads.items():
            if stem.endswith(head) and (cut == 0 or (gender in ("m", "n") and low[-cut:] in ("s", "es"))
                                         or (gender == "pl" and low[-cut:] == "n")):
                return base, gender
    return None


def _named_bodies(doc: Doc, article: Article, gazetteer: Gazetteer,
                  spans: list[MentionSpan]) -> list[MentionSpan]:
    """State bodies named by their state or city: "die rumänischen Parlaments"
    -> "rumänisches Parlament", "Oberster Gerichtshof Nordkoreas", "Mexikos
    Oberster Gerichtshof", "Kongress von Guatemala", "Parlament in Budapest",
    "Verwaltungsgericht München". The noun alone ("das Parlament") names no
    entity."""
    places = {s.start: s for s in spans if s.type in (EntityType.COUNTRY, EntityType.CITY) and not s.prefix}
    covered = {i for s in spans if s.type is EntityType.ORGANIZATION for i in range(s.start, s.end)}
    out = []
    for token in doc:
        if token.i in covered or (head := body_head(token, gazetteer.body_heads)) is None:
            continue
        noun, gender = head
        start, end, words = token.i, token.i + 1, [noun]
        # capitalised adjectives belong to the name: "Oberster Gerichtshof"
        while start > 0 and doc[start - 1].tag_ == "ADJA" and doc[start - 1].text[:1].isupper() \
                and (start - 1) not in places and token.i - start < 2:
            start -= 1
            words.insert(0, _ADJ_ENDING.sub("", doc[start].text) + NOMINATIVE[gender])
        before = places.get(start - 1)
        state = None
        if before is not None and before.end == start:
            if before.adjective:
                # "die türkischen" -> "türkische"; "Schweizer", "Luxemburger" do not inflect
                adj = doc[before.start].text
                nominative = _ADJ_ENDING.sub("", adj) + NOMINATIVE[gender] if adj.lower().endswith(
                    ("e", "en", "er", "es", "em")) and "isch" in adj.lower() else adj
                start, state = before.start, before
                words.insert(0, nominative)
            elif doc[before.end - 1].text.endswith("s") and before.mention.text != before.name:
                start, state = before.start, before  # "Mexikos Oberster Gerichtshof"
                words.insert(0, before.mention.text)
        if state is None:
            nxt = places.get(end)
            if nxt is not None and not nxt.adjective and nxt.mention.text.endswith("s") \
                    and nxt.mention.text != nxt.name and nxt.type is EntityType.COUNTRY:
                state = nxt  # "Oberster Gerichtshof Nordkoreas"
            elif nxt is not None and not nxt.adjective and nxt.type is EntityType.CITY:
                state = nxt  # "Verwaltungsgericht München"
            elif end + 1 < len(doc) and doc[end].lower_ in ("der", "des", "von", "in") \
                    and (p := places.get(end + 1)) is not None and not p.adjective:
                state = p  # "Präsidialverwaltung der Ukraine", "Parlament in Budapest"
                words.append(doc[end].text)
            if state is not None:
                words.append(state.mention.text)
                end = state.end
        if state is None:
            continue
        span = doc[start:end]
        label = " ".join(words)
        m = Mention(span.text, EntityType.ORGANIZATION, _evidence(article, span.start_char, span.end_char),
                    norm=label if label != span.text else "")
        out.append(MentionSpan(start, end, m))
        covered.update(range(start, end))
    return out


def _bracketed_parties(doc: Doc, spans: list[MentionSpan]) -> list[MentionSpan]:
    """"Karin Kneissl (FPÖ)": the party in brackets after a name says whom the
    person belongs to, like an adjective; it is no actor of the sentence."""
    person_ends = {s.end for s in spans if s.type is EntityType.PERSON}
    out = []
    for s in spans:
        if s.type is EntityType.ORGANIZATION and not s.adjective and 0 < s.start and s.end < len(doc) \
                and doc[s.start - 1].text == "(" and doc[s.end].text == ")" and (s.start - 1) in person_ends:
            s = MentionSpan(s.start, s.end, s.mention, s.entry, adjective=True, prefix=s.prefix)
        out.append(s)
    return out


def _embedded_places(doc: Doc, article: Article, gazetteer: Gazetteer,
                     spans: list[MentionSpan]) -> list[MentionSpan]:
    """"das ägyptische Parlament", "Parlament in Budapest": a body named by its
    state or city; the state or city is mentioned too."""
    starts = {s.start for s in spans if s.end - s.start == 1}
    out = []
    for s in spans:
        if s.type is not EntityType.ORGANIZATION or s.entry is None or s.end - s.start < 2:
            continue
        for t in doc[s.start:s.end]:
            entry = gazetteer.lookup(t.text)
            if t.i in starts or entry is None or entry.type not in (EntityType.COUNTRY, EntityType.CITY):
                continue
            adjective = t.text.lower() in {a.lower() for a in entry.adjectives}
            m = Mention(t.text, entry.type, _evidence(article, t.idx, t.idx + len(t.text)), norm=entry.label)
            out.append(MentionSpan(t.i, t.i + 1, m, entry, adjective=adjective))
            starts.add(t.i)
    return out


def _state_bodies(doc: Doc, article: Article, spans: list[MentionSpan]) -> list[MentionSpan]:
    """"Außenministerium der Vereinigten Staaten", "Botschaft der USA in
    Vietnam": a ministry or embassy named by the state it belongs to."""
    states = {s.start: s for s in spans if s.type is EntityType.COUNTRY and not s.adjective}
    out = []
    for token in doc:
        low = token.lower_
        if not (low.endswith(("ministerium", "ministeriums")) or low == "botschaft"):
            continue
        j = token.i + 1
        if j < len(doc) and doc[j].lower_ in ("der", "des", "von"):
            state = states.get(j + 1)
            if state is None:
                continue
            end = state.end
            if low == "botschaft" and end + 1 < len(doc) and doc[end].lower_ == "in" and (end + 1) in states:
                end = states[end + 1].end
            span = doc[token.i : end]
            # the name in the nominative: "des Außenministeriums der USA" -> "Außenministerium der USA"
            head = token.text[:-1] if low.endswith("ministeriums") else token.text
            norm = " ".join([head, *(t.text for t in doc[token.i + 1 : end])])
            m = Mention(span.text, EntityType.ORGANIZATION, _evidence(article, span.start_char, span.end_char),
                        norm=norm if norm != span.text else "")
            out.append(MentionSpan(span.start, span.end, m))
    return out


# Credit lines: "(Kim Son Hoang, 21.6.2024)", "EPA/MANAN VATSYAYANA / POOL"
_BYLINE = re.compile(r"\(([A-ZÄÖÜ][\w'-]+(?: [A-ZÄÖÜ][\w'-]+){1,3}), \d{1,2}\.\d{1,2}\.\d{2,4}\)")
_PHOTO = re.compile(r"\b[A-Z]{2,10}/([A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+){1,3})\b")
_BLOCK = re.compile(r"\b(?:Block|Feld|Ölfeld|Gasfeld) \d+(?:[-./]\d+)*\b")


def _credits(doc: Doc, article: Article, taken: set[int]) -> list[MentionSpan]:
    """Authors and photographers named in credit lines, and numbered oil
    and gas blocks ("Block 11-2"), which no NER model knows."""
    out = []
    for regex, etype in ((_BYLINE, EntityType.PERSON), (_PHOTO, EntityType.PERSON), (_BLOCK, EntityType.PLACE)):
        for m in regex.finditer(article.text):
            start, end = (m.start(1), m.end(1)) if m.groups() else (m.start(), m.end())
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            text = article.text[start:end]
            norm = text.title() if text.isupper() else ""
            mention = Mention(text, etype, _evidence(article, start, end), norm=norm)
            out.append(MentionSpan(span.start, span.end, mention))
    return out


# Heads of compound place names ("Cam-Ranh-Bucht") and of buildings where
# diplomacy happens ("Präsidentenpalast", "Opernhaus von Hanoi"); no NER
# model trained on GermEval knows most of them.
GEO_HEADS = ("bucht", "insel", "inseln", "meer", "see", "gebirge", "tal", "halbinsel", "kanal", "wüste", "provinz")
BUILDING_HEADS = ("palast", "palais", "opernhaus", "schloss", "kathedrale", "stadion", "flughafen", "kanzleramt",
                  "hauptquartier", "krankenhaus", "museum")


def is_building(name: str) -> bool:
    """"Präsidentenpalast", "Opernhaus von Hanoi", "Schloss Bellevue"."""
    head = name.split()[0].lower() if name.split() else ""
    return head.endswith(BUILDING_HEADS) or (head.endswith("s") and head[:-1].endswith(BUILDING_HEADS))


def _landmarks(doc: Doc, article: Article, taken: set[int]) -> list[MentionSpan]:
    out = []
    for token in doc:
        if token.i in taken or not token.text[:1].isupper() or token.tag_ not in ("NN", "NE"):
            continue
        low = token.lower_
        if "-" in low and low.rsplit("-", 1)[1].rstrip("s") in GEO_HEADS:
            text = token.text[:-1] if token.text.endswith("s") and low.rstrip("s").endswith(GEO_HEADS) else token.text
            start, end = token.i, token.i + 1
        elif low.endswith(BUILDING_HEADS) or low.endswith(tuple(h + "s" for h in BUILDING_HEADS)):
            head = token.text[:-1] if not low.endswith(BUILDING_HEADS) else token.text
            start, end, text = token.i, token.i + 1, head
            city = EntityType.CITY.value
            # "Opernhaus von Hanoi", "Präsidentenpalast in Ankara", "Kathedrale der
            # Hauptstadt Havanna": the city belongs to the name
            # (a hospital or museum in a city is not named by it: "ein Krankenhaus in Aleppo")
            generic = head.lower() in ("krankenhaus", "museum")
            if end + 1 < len(doc) and doc[end].lower_ in ("von", "in") and doc[end + 1].ent_type_ == city \
                    and not generic:
                end += 2
                text = f"{head} {doc[end - 2].text} {doc[end - 1].text}"
            elif end + 2 < len(doc) and doc[end].lower_ == "der" and doc[end + 1].lower_ == "hauptstadt" \
                    and doc[end + 2].ent_type_ == city:
                end += 3
                text = f"{head} von {doc[end - 1].text}"
            elif end < len(doc) and doc[end].tag_ in ("NE", "FM") and doc[end].text[:1].isupper() \
                    and not doc[end].ent_type_ and not doc[end].is_sent_start:
                end += 1  # "Schloss Bellevue", "Palais Schwarzenberg"
                text = f"{head} {doc[end - 1].text}"
            elif "-" in head and head.split("-")[0][:1].isupper() and not low.startswith(("staats", "regierungs")):
                pass  # "Al-Kuds-Krankenhaus": the name is in the compound
            else:
                continue  # a lone "Flughafen" or "Schloss" is a common noun, not a name
        else:
            continue
        span = doc[start:end]
        m = Mention(span.text, EntityType.PLACE, _evidence(article, span.start_char, span.end_char),
                    norm=text if text != span.text else "")
        out.append(MentionSpan(start, end, m))
    return out


def _known_name_tokens(doc: Doc, article: Article, gazetteer: Gazetteer, spans: list[MentionSpan],
                       taken: set[int]) -> list[MentionSpan]:
    """A part of a full name the article introduced, standing alone later
    ("Putin", "Putins", "Lam", "Trong"), even where the NER missed it."""
    parts: set[str] = set()
    for s in spans:
        words = s.mention.text.split()
        if s.type is EntityType.PERSON and len(words) >= 2:
            parts.update(w for w in words if len(w) >= 3 and w[:1].isupper())
    out = []
    for token in doc:
        if token.i in taken or not token.text[:1].isupper() or _in_other_name(doc, token):
            continue
        word = token.text
        base = word[:-1] if word.endswith("s") and word[:-1] in parts else word
        if base not in parts or gazetteer.lookup(word) is not None:
            continue
        m = Mention(word, EntityType.PERSON, _evidence(article, token.idx, token.idx + len(word)))
        out.append(MentionSpan(token.i, token.i + 1, m))
    return out


def _in_other_name(doc: Doc, token: Token) -> bool:
    """"Nguyen" in "Nguyen Khac Giang" is not the "Nguyen" of "Nguyen Phu
    Trong": a part standing next to other name parts belongs to another name."""
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return any(t.text[:1].isupper() and t.tag_ in ("NE", "FM") and not t.is_sent_start for t in neighbours)


def _names_before_offices(doc: Doc, article: Article, lexicon: Lexicon, gazetteer: Gazetteer) -> list[MentionSpan]:
    """Two to four proper-name tokens, a comma, then (after an article or
    adjectives) an office: "Prashanth Parameswaran, Stipendiat des ...",
    "Ridzwan Rahmat, ein in Singapur ansässiger Analyst"."""
    offices = lexicon.table("office")
    out = []
    i = 0
    while i < len(doc):
        j = i
        # HanTa reads unknown surnames as nouns ("Parameswaran/NN"): after a
        # first proper-name token, capitalised nouns that are no office count
        while j < len(doc) and j - i < 4 and _name_token(doc[j], gazetteer, first=j == i) and (
                j == i or offices.match(doc[j].text) is None):
            j += 1
        # A given name that is also a German noun ("Kern/NN Whitfield") opens a
        # sentence: the proper name after it says it is part of the name
        if j == i and doc[i].is_sent_start and i + 1 < len(doc) and doc[i + 1].tag_ == "NE" and (
                _name_token(doc[i], gazetteer, first=False) and offices.match(doc[i].text) is None):
            j = i + 1
            while j < len(doc) and j - i < 4 and _name_token(doc[j], gazetteer, first=False) and (
                    offices.match(doc[j].text) is None):
                j += 1
        if j - i >= 2 and j + 1 < len(doc) and doc[j].text == ",":
            k = j + 1
            while k < len(doc) and k - j <= 6 and doc[k].tag_ in ("ART", "ADJA", "ADJD", "APPR", "NE", "ADV"):
                k += 1
            if k < len(doc) and offices.match(doc[k].text) is not None or (
                    k + 1 < len(doc) and offices.match(f"{doc[k].text} {doc[k + 1].text}", compounds=False)):
                span = doc[i:j]
                m = Mention(span.text, EntityType.PERSON, _evidence(article, span.start_char, span.end_char))
                out.append(MentionSpan(i, j, m))
                i = j
                continue
        i = max(j, i + 1)
    return out


def _name_token(token: Token, gazetteer: Gazetteer, *, first: bool = True) -> bool:
    tags = ("NE", "FM", "XY") if first else ("NE", "FM", "XY", "NN")
    return (token.text[:1].isupper() and token.is_alpha and token.tag_ in tags and token.lower_ not in NOT_NAME
            and (token.ent_type_ in ("", "PER", "LOC", "ORG", "MISC", EntityType.PERSON.value)
                 and gazetteer.lookup(token.text) is None))


def _compound_prefixes(doc: Doc, article: Article, gazetteer: Gazetteer, taken: set[int]) -> list[MentionSpan]:
    out = []
    for token in doc:
        if token.i in taken or "-" not in token.text.strip("-"):
            continue
        entry = gazetteer.lookup_prefix(token.text)
        if entry is None:
            continue
        prefix = token.text.split("-")[0]
        start = token.idx
        m = Mention(prefix, entry.type, _evidence(article, start, start + len(prefix)), norm=entry.label)
        out.append(MentionSpan(token.i, token.i + 1, m, entry, prefix=True))
    return out


_COMPASS = re.compile(r"^(Nordost|Nordwest|Südost|Südwest|Nord|Süd|Ost|West|Zentral|Mittel)([a-zäöü]{4,})$")


def _compass_regions(doc: Doc, article: Article, gazetteer: Gazetteer, taken: set[int]) -> list[MentionSpan]:
    """"Südwestukraine", "Zentralukraine", "Nordsyriens": a part of a state
    named by a compass word and the state's name."""
    out = []
    for token in doc:
        text = token.text[:-1] if token.text.endswith("s") and not token.text.endswith("ss") else token.text
        if token.i in taken or (m := _COMPASS.match(text)) is None:
            continue
        state = gazetteer.lookup(m.group(2).capitalize())
        if state is None or state.type is not EntityType.COUNTRY or gazetteer.lookup(token.text) is not None:
            continue
        mention = Mention(token.text, EntityType.PLACE, _evidence(article, token.idx, token.idx + len(token.text)),
                          norm=text if text != token.text else "")
        out.append(MentionSpan(token.i, token.i + 1, mention))
        taken.add(token.i)
    return out


def _office_compounds(doc: Doc, article: Article, gazetteer: Gazetteer, lexicon: Lexicon,
                      taken: set[int]) -> list[MentionSpan]:
    """"Europaratsgeneralsekretär", "Kremlsprecher": a body or state named as
    the first part of an office compound without a hyphen."""
    offices = lexicon.table("office")
    out = []
    for token in doc:
        if token.i in taken or "-" in token.text or not token.text[:1].isupper() or token.tag_ not in ("NN", "NE"):
            continue
        match = gazetteer.match_prefix(token.text)
        if match is None or match[1] == token.text:
            continue
        entry, prefix = match
        rest = token.text[len(prefix):]
        rest = rest[1:] if rest.startswith("s") and len(rest) > 4 and offices.match(rest[1:].capitalize()) else rest
        if len(rest) < 4 or offices.match(rest.capitalize()) is None:
            continue
        m = Mention(prefix, entry.type, _evidence(article, token.idx, token.idx + len(prefix)), norm=entry.label)
        out.append(MentionSpan(token.i, token.i + 1, m, entry, prefix=True))
    return out


def _refer_back(spans: list[MentionSpan]) -> list[MentionSpan]:
    """Give short or genitive person names the full name they refer to."""
    persons = [s for s in spans if s.type is EntityType.PERSON]
    full = [s for s in persons if len(s.mention.text.split()) >= 2]
    out = []
    for s in spans:
        if s.type is not EntityType.PERSON:
            out.append(s)
            continue
        name = _strip_genitive(s.mention.text, persons)
        target = _full_name_for(name, s, full)
        norm = target or name
        if norm != s.mention.name:
            m = Mention(s.mention.text, s.type, s.mention.evidence, norm=norm)
            s = MentionSpan(s.start, s.end, m, s.entry, s.adjective, s.prefix)
        out.append(s)
    return out


def _strip_genitive(name: str, persons: list[MentionSpan]) -> str:
    """'Putins' -> 'Putin' when the article also names 'Putin' (or a full
    name ending so); names that end in -s themselves are left alone."""
    if not name.endswith("s") or len(name) < 4:
        return name
    base = name[:-1]
    last = base.split()[-1]
    for p in persons:
        words = p.mention.text.split()
        if p.mention.text == base or (words and words[-1] == last and not p.mention.text.endswith("s")):
            return base
    return name


def _full_name_for(name: str, span: MentionSpan, full: list[MentionSpan]) -> str | None:
    words = name.split()
    if len(words) >= 2 and any(f.mention.text == name for f in full):
        return None
    candidates = [f for f in full if f is not span and f.mention.text != name
                  and all(w in f.mention.text.split() for w in words)]
    if not candidates:
        return None
    before = [f for f in candidates if f.start < span.start]
    best = before[-1] if before else candidates[0]
    return _strip_genitive(best.mention.text, full)
