"""Vocabulary of amounts: units and currencies (surface form -> controlled
code, and German words to format them), scale words, hedges, and the nouns
after which a four-digit number is a count, not a year. Built once at import
into tables that are never changed afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# unit surface form (lower case, single spaces) -> controlled unit
_UNIT_TABLE: dict[str, str] = {}
_UNIT_FORMS: set[str] = set()


def _units(code: str, *forms: str) -> None:
    for f in forms:
        _UNIT_TABLE[f.lower()] = code
        _UNIT_FORMS.add(f)


_units("percentage_points", "Prozentpunkte", "Prozentpunkten", "Prozentpunkt", "Prozentpunktes")
_units("percent", "Prozent", "%")
_units("km2", "Quadratkilometer", "Quadratkilometern", "km²", "km2", "qkm")
_units("km", "Kilometer", "Kilometern", "km")
_units("persons", "Einwohner", "Einwohnern", "Einwohnerinnen", "Menschen", "Personen", "Person")
_units("years", "Jahre", "Jahren", "Jahr")
_units("months", "Monate", "Monaten", "Monat")
_units("weeks", "Wochen", "Woche")
_units("days", "Tage", "Tagen", "Tag")
_units("hours", "Stunden", "Stunde")
_units("t", "Tonnen", "Tonne")
_units("kg", "Kilogramm", "kg")
_units("mg", "Milligramm", "mg")
_units("USD", "US-Dollar", "US-Dollars", "US-amerikanische Dollar", "Dollar", "Dollars", "$", "US-$", "US$", "USD")
_units("EUR", "Euro", "Euros", "€", "EUR")
_units("RUB", "Rubel", "russische Rubel", "₽", "RUB")
_units("CNY", "Yuan", "chinesische Yuan", "Renminbi", "CNY", "RMB")
_units("GBP", "Pfund", "Pfund Sterling", "britische Pfund", "£", "GBP")
_units("CHF", "Franken", "Schweizer Franken", "CHF", "SFr.", "sFr.")
_units("JPY", "Yen", "japanische Yen", "¥", "JPY")
_units("VND", "Dong", "vietnamesische Dong", "₫", "VND")
_units("INR", "Rupien", "Rupie", "indische Rupien", "₹", "INR")
_units("KRW", "Won", "südkoreanische Won", "₩", "KRW")
_units("UAH", "Hrywnja", "Hrywnja", "Griwna", "₴", "UAH")
_units("TRY", "Lira", "türkische Lira", "TRY")
_units("PLN", "Zloty", "Złoty", "PLN")
for _adj, _code in (
    ("australische", "AUD"), ("kanadische", "CAD"), ("neuseeländische", "NZD"),
    ("singapurische", "SGD"), ("taiwanische", "TWD"),
):
    _units(_code, f"{_adj} Dollar", f"{_adj}n Dollar")
_units("HKD", "Hongkong-Dollar", "HKD")
_units("SGD", "Singapur-Dollar", "SGD")
_units("TWD", "Taiwan-Dollar", "TWD")
_units("AUD", "AUD")
_units("CAD", "CAD")
_units("NZD", "NZD")

# German words for formatting: code -> (singular, plural)
_UNIT_WORDS_DE = {
    "percent": ("Prozent", "Prozent"),
    "percentage_points": ("Prozentpunkt", "Prozentpunkte"),
    "km": ("Kilometer", "Kilometer"),
    "km2": ("Quadratkilometer", "Quadratkilometer"),
    "persons": ("Person", "Menschen"),
    "years": ("Jahr", "Jahre"),
    "months": ("Monat", "Monate"),
    "weeks": ("Woche", "Wochen"),
    "days": ("Tag", "Tage"),
    "hours": ("Stunde", "Stunden"),
    "t": ("Tonne", "Tonnen"),
    "kg": ("Kilogramm", "Kilogramm"),
    "mg": ("Milligramm", "Milligramm"),
    "USD": ("US-Dollar", "US-Dollar"),
    "EUR": ("Euro", "Euro"),
    "RUB": ("Rubel", "Rubel"),
    "CNY": ("Yuan", "Yuan"),
    "GBP": ("Pfund", "Pfund"),
    "CHF": ("Franken", "Franken"),
    "JPY": ("Yen", "Yen"),
    "VND": ("Dong", "Dong"),
    "INR": ("Rupie", "Rupien"),
    "KRW": ("Won", "Won"),
    "UAH": ("Hrywnja", "Hrywnja"),
    "TRY": ("Lira", "Lira"),
    "PLN": ("Zloty", "Zloty"),
    "AUD": ("australischer Dollar", "australische Dollar"),
    "CAD": ("kanadischer Dollar", "kanadische Dollar"),
    "NZD": ("neuseeländischer Dollar", "neuseeländische Dollar"),
    "SGD": ("Singapur-Dollar", "Singapur-Dollar"),
    "TWD": ("Taiwan-Dollar", "Taiwan-Dollar"),
    "HKD": ("Hongkong-Dollar", "Hongkong-Dollar"),
}
_units("AUD", "australischer Dollar")
_units("CAD", "kanadischer Dollar")
_units("NZD", "neuseeländischer Dollar")
for _code, _words in _UNIT_WORDS_DE.items():  # every formatted unit reads back
    assert all(_UNIT_TABLE.get(w.lower()) == _code for w in _words), _code

_PREFIX_CURRENCY = ("US-$", "US$", "$", "€", "£", "¥", "₽", "₹", "₩", "₫", "₴",
                    "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "RUB", "VND", "INR",
                    "KRW", "UAH", "TRY", "PLN")

_SCALES = {
    "dutzend": 12, "tausend": 10**3, "tsd.": 10**3,
    "million": 10**6, "millionen": 10**6, "mio.": 10**6, "mio": 10**6,
    "milliarde": 10**9, "milliarden": 10**9, "mrd.": 10**9, "mrd": 10**9,
    "billion": 10**12, "billionen": 10**12, "bio.": 10**12,
}

_QUALIFIERS = {
    "rund": "about", "etwa": "about", "circa": "about", "zirka": "about",
    "ca.": "about", "ungefähr": "about", "knapp": "about", "gut": "about",
    "annähernd": "about", "schätzungsweise": "about",
    "mehr als": "more than", "über": "more than",
    "weniger als": "less than", "unter": "less than",
    "bis zu": "up to",
    "mindestens": "at least", "wenigstens": "at least",
    "höchstens": "at most", "maximal": "at most",
    "fast": "almost", "beinahe": "almost", "nahezu": "almost",
}
_QUALIFIER_DE = {
    "about": "rund", "more than": "mehr als", "less than": "weniger als",
    "up to": "bis zu", "at least": "mindestens", "at most": "höchstens",
    "almost": "fast",
}

# nouns after which a four-digit number is a count, not a year
_COUNT_NOUNS = (
    "Soldaten", "Tote", "Toten", "Verletzte", "Verletzten", "Opfer",
    "Flüchtlinge", "Flüchtlingen", "Gefangene", "Gefangenen", "Häftlinge",
    "Mitarbeiter", "Mitarbeitern", "Teilnehmer", "Delegierte", "Stück",
    "Panzer", "Raketen", "Drohnen", "Fahrzeuge", "Kinder", "Kindern",
    "Studenten", "Studierende", "Arbeiter", "Beschäftigte", "Familien",
    "Unternehmen", "Firmen", "Projekte", "Dörfer", "Häuser", "Wohnungen",
    "Mal", "Uhr",
)


def _alternation(words: Iterable[str], *, flags: str = "i") -> str:
    keys = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


_CODE_FORMS = frozenset(f for f in _UNIT_FORMS if re.fullmatch("[A-Z]{3}", f))
# words in any case; ISO codes ("USD", not "try") and symbols as written
_UNIT_ALT = (
    f"(?:{_alternation(_UNIT_FORMS - _CODE_FORMS)}|{_alternation(_CODE_FORMS, flags='')})"
)
_SCALE_ALT = _alternation(_SCALES)
_HEDGE_ALT = _alternation(
    list(_QUALIFIERS)
    + [f"{p} {q}" for p in ("weit", "deutlich") for q in ("mehr als", "über")]
)
_PREFIX_ALT = _alternation(_PREFIX_CURRENCY, flags="")


def _ws(s: str) -> str:
    return " ".join(s.split()).lower()


def _unit_code(surface: str) -> str | None:
    return _UNIT_TABLE.get(_ws(surface))


def _qualifier(surface: str) -> str | None:
    s = _ws(surface)
    for p in ("weit ", "deutlich "):
        s = s.removeprefix(p)
    return _QUALIFIERS.get(s)


def parse_unit(surface: str) -> str | None:
    """The controlled code of a German unit or currency word ("Wochen" ->
    "weeks", "Euro" -> "EUR"), or None.

    >>> parse_unit("Wochen"), parse_unit("US-Dollar"), parse_unit("Haus")
    ('weeks', 'USD', None)
    """
    return _unit_code(surface)


def parse_qualifier(surface: str) -> str | None:
    """The controlled hedge of a German hedge word ("mindestens" -> "at
    least", "mehr als" -> "more than"), or None.

    >>> parse_qualifier("Mindestens"), parse_qualifier("bis zu"), parse_qualifier("Haus")
    ('at least', 'up to', None)
    """
    if not isinstance(surface, str):
        return None
    return _qualifier(surface)


# symbols and upper-case codes trigger an amount too (two charset-led
# patterns: ``re`` skips quickly to their first character)
_AMOUNT_EXTRA = (re.compile(r"[%$€£¥₽₹₩₫₴]"), re.compile(r"[A-Z][A-Z][A-Z]"))
