"""Terms the figure extractors share: extractor ids, the entity types that
hold or host a figure, the measures that behave alike, and the German words
they look for."""

from __future__ import annotations

from kg.model import EntityType

QUANTITY = "quantities.v1"


COUNT = "counts.v1"


CURRENCY_UNITS = frozenset({"USD", "EUR", "RUB", "CNY", "GBP", "CHF", "JPY", "VND", "INR"})


STATES = (EntityType.COUNTRY, EntityType.CITY)


HOLDERS = (EntityType.COUNTRY, EntityType.CITY, EntityType.ORGANIZATION, EntityType.PERSON)


ACTOR_TYPES = (EntityType.COUNTRY, EntityType.CITY, EntityType.ORGANIZATION, EntityType.PERSON)


PLACE_TYPES = (EntityType.COUNTRY, EntityType.CITY, EntityType.PLACE)


# Measures an amount takes from a noun next to it ("80 Prozent der
# Waffeneinfuhren"); counts of events and results are read by read_counts.
NOUN_MEASURES = frozenset({"arms_import_share", "arsenal_share", "ownership_stake", "population",
                           "border_length", "age", "deal_value", "aid", "deaths"})


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


REPORTING = frozenset({"sagte", "sagt", "erklärte", "erklärt", "berichtete", "berichtet", "meldete", "meldet",
                       "hieß", "teilte", "betonte", "so"})


# "die Regierung", "die Staatsführung": the state the article is about
STATE_NOUNS = frozenset({"regierung", "staatsführung", "landesregierung"})


MEASURE_PRIORITY = ("deaths", "injured", "arrests", "missing", "kidnapped")


PEOPLE_MEASURES = frozenset({"protesters", "troops", "refugees", "staff"})
