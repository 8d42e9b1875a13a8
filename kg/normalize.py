"""Pure German normalisers for dates, amounts, counts and names.

Everything here works on raw article text with compiled regular expressions
(one pass per kind) and returns character offsets, so the NLP layer can turn
matches into spans. Only the standard library and :mod:`kg.model` are used.

Dates
-----
:func:`find_dates` resolves what it reads against the publication date with
exactly the precision the text supports. Decisions for ambiguous cases:

* A match includes a directly preceding ``am``/``im`` ("am Donnerstag",
  "im Jahr 2022") and ``Anfang``/``Mitte``/``Ende``; it never includes
  ``seit``/``bis``/``ab`` ("seit 1950" -> the match is "1950", a single year).
  Ranges include ``von``/``vom``/``zwischen (dem)``.
* Decades ("in den 1950er-Jahren", "Mitte der 1950er-Jahre", "der 90er Jahre")
  become the year range 1950..1959 with ``relative=False``; a two-digit decade
  needs "Jahre" and means the 1900s. Anfang/Mitte/Ende are dropped (never
  invent precision), so "von Mitte der 1950er-Jahre bis 1975" is 1950..1975.
* Bare years: 1900-2099 only, not part of a bigger number, not followed by a
  unit, currency, scale word or common count noun ("2000 Soldaten") and not
  after "Nr.", "Artikel", "§", "Resolution", ... .
* Day and month without year ("bis 26. Juli"): the nearest such date to the
  publication date (ties go to the past); month without year ("im Dezember"):
  the most recent such month on or before the publication month; with
  "kommenden"/"nächsten" the next one strictly after it, with
  "vergangenen"/"letzten" the last one strictly before it. If the publication
  date is known to the year only, a month without year is returned only when
  that is unambiguous (January); a day and month without year take the
  publication year.
* Weekdays: the nearest such day within -6..+6 days ("vergangenen Montag":
  -7..-1, "kommenden Montag": +1..+7). "gestern", "heute", "morgen",
  "vorgestern", "übermorgen", "am Vortag" shift by days. If the publication
  date is known to the month only these give that month, to the year only that
  year ("Donnerstag" in an article of 2024-06 -> 2024-06).
* "vergangene/diese/nächste Woche" give the month of that Monday-Sunday week
  if the whole week lies in one month, else nothing; they need a day-precise
  publication date.
* Two-digit years in numeric dates ("20.06.24"): 00-69 -> 20xx, 70-99 -> 19xx.
  Numeric day and month without year ("20.6.") only after am/vom/bis/zum/ab/
  seit. ISO dates need a day (``2024-06-20``) except right after a
  "date"/"Datum" header word ("date 2024-03"), since "2011-12" is usually a
  range of years in running text.
* Without a publication date only absolute dates are returned.

Amounts
-------
:func:`find_amounts` reports a number only with a unit, a currency or a
scale word (Tausend, Million, Milliarde, Billion, Dutzend): "5 Minister" and
"2022" are not amounts, "rund 100 Millionen" and "ein Dutzend" are. Number
words count ("zwölf Prozent", "zwei Dutzend", "eine Milliarde Euro");
"Dutzende", "Hunderte", "Tausende" are vague and never reported. Ranges
("2 bis 3 Prozent") report only the part that has the unit. "über"/"unter"
are read as hedges even though they can be prepositions. Units besides the
ones in the brief: ``km2``, ``weeks``, ``hours`` and a few more currencies
(KRW, UAH, TRY, PLN, AUD, CAD, HKD, SGD, TWD, NZD); ``¥`` is JPY. Hedges map
to the controlled terms ``about``, ``more than``, ``less than``, ``up to``,
``at least``, ``at most``, ``almost``.

Names
-----
:func:`fold` gives a comparison form, :func:`entity_key` an ASCII slug for
IRIs (Cyrillic and Greek are transliterated; any other letter that has no
ASCII form becomes a ``u<hex>`` token).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation, localcontext

from kg.model import Amount, PartialDate, TimeSpan

__all__ = [
    "AmountMatch",
    "DateMatch",
    "entity_key",
    "find_amounts",
    "find_dateline",
    "find_dates",
    "fold",
    "format_amount_de",
    "format_date_de",
    "parse_amount",
    "parse_date",
    "parse_number_word",
    "parse_ordinal",
]


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date or period found at ``text[start:end]``; ``relative`` is true if
    it was resolved against the publication date."""

    start: int
    end: int
    text: str
    span: TimeSpan
    relative: bool


@dataclass(frozen=True, slots=True)
class AmountMatch:
    """An amount found at ``text[start:end]`` (the hedge included)."""

    start: int
    end: int
    text: str
    amount: Amount


# ---------------------------------------------------------------------------
# names
# ---------------------------------------------------------------------------

# letters NFKD does not decompose but which are "a letter with a diacritic"
_FOLD_TABLE = str.maketrans(
    {
        "đ": "d",
        "ð": "d",
        "ħ": "h",
        "ı": "i",
        "ł": "l",
        "ŀ": "l",
        "ø": "o",
        "ŧ": "t",
        "ƀ": "b",
        "ɨ": "i",
        "ʉ": "u",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ĸ": "k",
        "ŋ": "ng",
    }
)

_TRANSLIT = str.maketrans(
    {
        # Cyrillic (after fold: lower case, й -> и, ё -> е, ї -> і)
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh",
        "з": "z", "и": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
        "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
        "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "є": "ye", "ґ": "g",
        "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz",
        "ѕ": "dz", "ў": "u",
        # Greek
        "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i",
        "θ": "th", "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x",
        "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y",
        "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
    }
)


def _fold_step(text: str) -> str:
    s = unicodedata.normalize("NFKD", text).casefold()
    s = unicodedata.normalize("NFKD", s)
    s = "".join(
        c for c in s if not unicodedata.category(c).startswith(("M", "Cf"))
    )
    s = s.translate(_FOLD_TABLE)
    return " ".join(s.split())


def fold(text: str) -> str:
    """Comparison form: casefold, strip diacritics, ß -> ss, đ -> d, collapse
    whitespace.

    >>> fold("Tô Lâm")
    'to lam'
    >>> fold("  Nguyễn   Phú\\tTrọng ")
    'nguyen phu trong'
    >>> fold("Straße")
    'strasse'
    """
    if text.isascii():
        return " ".join(text.lower().split())
    return _fold_unicode(text)


@functools.lru_cache(maxsize=65536)
def _fold_unicode(text: str) -> str:
    s = _fold_step(text)
    for _ in range(8):  # reach a fixed point, so fold(fold(s)) == fold(s)
        t = _fold_step(s)
        if t == s:
            break
        s = t
    return s


_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def entity_key(name: str) -> str:
    """Stable ASCII slug for IRIs; invariant under case, whitespace and
    diacritics, and idempotent.

    >>> entity_key("Tô Lâm")
    'to-lam'
    >>> entity_key("Nguyễn Phú Trọng")
    'nguyen-phu-trong'
    >>> entity_key("Đà Nẵng")
    'da-nang'
    >>> entity_key("Владимир Путин")
    'vladimir-putin'
    >>> entity_key(entity_key("Kim Jong Un"))
    'kim-jong-un'
    """
    s = fold(name).translate(_TRANSLIT)
    tokens: list[str] = []
    cur: list[str] = []
    for c in s:
        if c in _ASCII_ALNUM:
            cur.append(c)
            continue
        if cur:
            tokens.append("".join(cur))
            cur = []
        if c.isalnum():  # a letter without ASCII form: its own token
            tokens.append(f"u{ord(c):x}")
    if cur:
        tokens.append("".join(cur))
    return "-".join(tokens)


# ---------------------------------------------------------------------------
# number words and ordinals
# ---------------------------------------------------------------------------

_UNIT_WORDS = {
    "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
}
_SMALL_WORDS = {
    "null": 0, **_UNIT_WORDS,
    "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
    "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18,
    "neunzehn": 19,
}
_TENS_WORDS = {
    "zwanzig": 20, "dreissig": 30, "vierzig": 40, "fünfzig": 50,
    "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}
_ARTICLE_ONE = frozenset({"ein", "eine", "einem", "einen", "einer", "eines", "eins"})
_BIG_WORDS = {
    "dutzend": 12,
    "million": 10**6, "millionen": 10**6,
    "milliarde": 10**9, "milliarden": 10**9,
    "billion": 10**12, "billionen": 10**12,
}
_DIGITS_INT_RE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+")


def _norm_word(word: str) -> str:
    return (
        word.strip().lower().replace("ß", "ss").replace("ue", "ü").replace("oe", "ö")
    )


def _lt100(s: str) -> int | None:
    if s in _SMALL_WORDS:
        return _SMALL_WORDS[s]
    if s in _TENS_WORDS:
        return _TENS_WORDS[s]
    unit, sep, tens = s.partition("und")
    if sep and tens in _TENS_WORDS:
        if unit == "ein":
            return 1 + _TENS_WORDS[tens]
        if unit in _UNIT_WORDS and unit != "eins":
            return _UNIT_WORDS[unit] + _TENS_WORDS[tens]
    return None


def _head(s: str, limit: Callable[[str], int | None]) -> int | None:
    """Multiplier before "hundert"/"tausend"."""
    if s in ("", "ein"):
        return 1
    if s == "eins":
        return None
    return limit(s)


def _tail(s: str, limit: Callable[[str], int | None]) -> int | None:
    if s == "":
        return 0
    if s.startswith("und") and len(s) > 3:
        s = s[3:]
    return limit(s)


def _lt1000(s: str) -> int | None:
    i = s.find("hundert")
    if i < 0:
        return _lt100(s)
    h = _head(s[:i], lambda x: _UNIT_WORDS.get(x))
    t = _tail(s[i + 7 :], _lt100)
    if h is None or t is None:
        return None
    return h * 100 + t


def _cardinal(s: str) -> int | None:
    """A German cardinal written as one word, 0..999999."""
    if not s:
        return None
    i = s.find("tausend")
    if i < 0:
        return _lt1000(s)
    h = _head(s[:i], _lt1000)
    t = _tail(s[i + 7 :], _lt1000)
    if h is None or t is None or h == 0:
        return None
    return h * 1000 + t


def parse_number_word(word: str) -> int | None:
    """A whole number written in digits or German words; ``None`` for vague
    plurals ("Dutzende", "Hunderte", "Tausende") and anything else.

    >>> parse_number_word("zwölf"), parse_number_word("achtzehn")
    (12, 18)
    >>> parse_number_word("ein Dutzend"), parse_number_word("zwei Dutzend")
    (12, 24)
    >>> parse_number_word("einundzwanzig"), parse_number_word("hundert")
    (21, 100)
    >>> parse_number_word("zweitausendvierundzwanzig")
    2024
    >>> parse_number_word("18"), parse_number_word("1.300")
    (18, 1300)
    >>> parse_number_word("Dutzende") is None, parse_number_word("Tausende") is None
    (True, True)
    """
    if not isinstance(word, str):
        return None
    parts = _norm_word(word).split()
    if not parts or len(parts) > 3:
        return None
    if len(parts) == 1:
        w = parts[0]
        if _DIGITS_INT_RE.fullmatch(w):
            return int(w.replace(".", ""))
        if w in _ARTICLE_ONE:
            return 1
        if w == "dutzend":
            return 12
        return _cardinal(w)
    if len(parts) == 3:
        if parts[0] in _ARTICLE_ONE and parts[1] in ("halbes", "halben") and parts[2] == "dutzend":
            return 6
        return None
    head, big = parts
    if big not in _BIG_WORDS:
        return None
    n = parse_number_word(head)
    if n is None or head == "dutzend":
        return None
    singular = big in ("dutzend", "million", "milliarde", "billion")
    if singular != (n == 1) and big != "dutzend":
        return None
    return n * _BIG_WORDS[big]


_ORD_ENDINGS = ("ten", "ter", "tes", "tem", "te")
_ORD_STEMS = (("ers", "eins"), ("drit", "drei"), ("sieb", "sieben"), ("ach", "acht"))


def parse_ordinal(word: str) -> int | None:
    """A German ordinal ("fünfte", "ersten", "zwanzigste") or ``"5."``.

    >>> [parse_ordinal(w) for w in ("fünfte", "fünften", "ersten", "dritte", "zwanzigste", "5.")]
    [5, 5, 1, 3, 20, 5]
    >>> parse_ordinal("einundzwanzigsten"), parse_ordinal("hundertste"), parse_ordinal("Achte")
    (21, 100, 8)
    >>> parse_ordinal("Beste") is None
    True
    """
    if not isinstance(word, str):
        return None
    w = word.strip()
    m = re.fullmatch(r"([0-9]{1,4})\.", w)
    if m:
        return int(m.group(1))
    w = _norm_word(w)
    for end in _ORD_ENDINGS:
        if w.endswith(end):
            core = w[: -len(end)]
            break
    else:
        return None
    n = _cardinal(core)
    if n is not None and not core.endswith(("zig", "ssig", "hundert", "tausend")):
        return n
    for old, new in _ORD_STEMS:
        if core.endswith(old):
            n = _cardinal(core[: -len(old)] + new)
            if n is not None:
                return n
    if core.endswith("s") and core[:-1].endswith(("zig", "ssig", "hundert", "tausend")):
        return _cardinal(core[:-1])
    return None


# ---------------------------------------------------------------------------
# shared vocabulary
# ---------------------------------------------------------------------------

_MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
    "September", "Oktober", "November", "Dezember",
)
_MONTH_FULL = r"(?:Januar|Jänner|Februar|Feber|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)(?!\w)"
_MONTH_ABBR = r"(?:Jan|Febr?|Mär|Mrz|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez)\."
_MONTH_ANY = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_MONTH_KEYS = {
    "jan": 1, "jän": 1, "feb": 2, "mär": 3, "mae": 3, "mrz": 3, "apr": 4,
    "mai": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "okt": 10, "nov": 11,
    "dez": 12,
}
_WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
    "samstag": 5, "sonnabend": 5, "sonntag": 6,
}
_WEEKDAY = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"
_DAYTIME = r"(?:morgen|vormittag|mittag|nachmittag|abend|nacht)"


def _month_num(name: str) -> int:
    return _MONTH_KEYS[name.lower()[:3]]


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


# ---------------------------------------------------------------------------
# amounts
# ---------------------------------------------------------------------------

_MORPH = (
    r"(?:null|eins|eine[mnrs]?|ein|zwei|drei|vier|fünf|fuenf|sechs|sech|sieben|sieb|"
    r"acht|neun|zehn|elf|zwölf|zwoelf|zwanzig|dreißig|dreissig|zig|hundert|tausend|"
    r"und|halb|anderthalb)"
)
_NUM_DIGITS = (
    r"(?<![\w.,])(?<![^\W\d_]-)(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?"
    r"(?![0-9])(?![.,][0-9])"
)
_NUM_WORD = rf"(?<!\w)(?!(?i:und)(?!\w))(?i:{_MORPH})+(?!\w)"

_AMOUNT_RE = re.compile(
    rf"""
    (?<![\w$€£¥])
    (?:(?P<hedge>{_HEDGE_ALT})\s+)?
    (?:(?P<pre>{_PREFIX_ALT})\s?)?
    (?P<neg>(?i:minus)\s+|−\s?)?
    (?:(?P<num>{_NUM_DIGITS})|(?P<word>{_NUM_WORD}))
    (?:(?:\s+|-)(?P<scale>{_SCALE_ALT})(?!\w))?
    (?:(?:\s*|-)(?P<unit>{_UNIT_ALT})(?!\w))?
    """,
    re.VERBOSE,
)
_BARE_AMOUNT_RE = re.compile(
    rf"\s*(?:(?P<hedge>{_HEDGE_ALT})\s+)?(?P<neg>(?i:minus)\s+|−\s?)?"
    rf"(?:(?P<num>{_NUM_DIGITS})|(?P<word>{_NUM_WORD}))\s*"
)


def _digits_value(s: str) -> Decimal:
    return Decimal(s.replace(".", "").replace(",", "."))


# symbols and upper-case codes trigger an amount too (two charset-led
# patterns: ``re`` skips quickly to their first character)
_AMOUNT_EXTRA = (re.compile(r"[%$€£¥₽₹₩₫₴]"), re.compile(r"[A-Z][A-Z][A-Z]"))


def _stems(keys: Iterable[str]) -> tuple[str, ...]:
    """Lower-case substrings of which every key contains at least one (keys
    without letters and upper-case codes are left to ``_AMOUNT_EXTRA``)."""
    cands: set[str] = set()
    for k in keys:
        pieces = re.findall(r"[^\W\d_]+", k.lower())
        if pieces and not re.fullmatch("[A-Z]{3}", k) and not _AMOUNT_EXTRA[0].search(k):
            cands.add(pieces[-1][:5])
    out: list[str] = []
    for c in sorted(cands, key=len):
        if not any(o in c for o in out):
            out.append(c)
    return tuple(out)


_DIGIT_RUN = re.compile(r"[0-9]+")
_TOKEN = re.compile(r"\w+|[$€£¥₽₹₩₫₴−]")


def _triggers(
    text: str, stems: tuple[str, ...], *, digits: bool, extra: tuple[re.Pattern[str], ...] = ()
) -> list[int] | None:
    """Sorted positions of trigger substrings (lower case) and digit runs;
    ``None`` if lower-casing changes the length (then scan everything)."""
    low = text.lower()
    if len(low) != len(text):
        return None
    pos: list[int] = []
    for stem in stems:
        i = low.find(stem)
        while i >= 0:
            pos.append(i)
            i = low.find(stem, i + len(stem))
    if digits:
        pos.extend(m.start() for m in _DIGIT_RUN.finditer(text))
    for pattern in extra:
        pos.extend(m.start() for m in pattern.finditer(text))
    pos.sort()
    return pos


def _scan(
    pattern: re.Pattern[str],
    text: str,
    stems: tuple[str, ...],
    *,
    digits: bool,
    before: int,
    can_start: Callable[[str], bool],
    extra: tuple[re.Pattern[str], ...] = (),
) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, tried only where a match can be.

    Python's ``re`` is slow at trying many alternatives at every position, so
    the full pattern is tried only at tokens that ``can_start`` a match and
    that lie at most ``before`` characters before a trigger; every match
    contains a trigger and starts that close to it. Positions are tried in
    increasing order, so the result equals a full left-to-right scan.
    """
    trig = _triggers(text, stems, digits=digits, extra=extra)
    if trig is None:
        return list(pattern.finditer(text))
    found: list[re.Match[str]] = []
    pos = 0  # every position before this is done
    for p in trig:
        if p < pos:
            continue
        for t in _TOKEN.finditer(text, max(pos, p - before)):
            c = t.start()
            if c > p:
                break
            if c < pos or not can_start(t.group()):
                continue
            m = pattern.match(text, c)
            if m is not None:
                found.append(m)
                pos = max(m.end(), c + 1)
        pos = max(pos, p + 1)
    return found


_AMOUNT_STEMS = _stems(list(_UNIT_FORMS) + list(_SCALES) + list(_PREFIX_CURRENCY))
_AMOUNT_FIRST = frozenset(
    [w.split()[0].rstrip(".") for w in _QUALIFIERS]
    + ["weit", "deutlich", "minus", "us", "−"]
    + [c for c in _PREFIX_CURRENCY if "$" not in c or c == "$"]
)
_NUM_WORD_FULL = re.compile(rf"(?i:{_MORPH})+")


@functools.lru_cache(maxsize=8192)
def _amount_can_start(tok: str) -> bool:
    return (
        tok[0] in "0123456789"
        or tok.lower() in _AMOUNT_FIRST
        or tok in _AMOUNT_FIRST
        or _NUM_WORD_FULL.fullmatch(tok) is not None
    )


def _word_value(word: str) -> Decimal | None:
    w = _norm_word(word)
    if w == "anderthalb":
        return Decimal("1.5")
    if w.endswith("einhalb") and len(w) > 7:
        head = w[:-7]
        n = 1 if head == "ein" else _cardinal(head)
        return None if n is None else Decimal(n) + Decimal("0.5")
    n = parse_number_word(w)
    return None if n is None else Decimal(n)


def _prec(d: Decimal) -> int:
    """Enough digits to hold ``d`` as an integer exactly."""
    t = d.as_tuple()
    exp = t.exponent if isinstance(t.exponent, int) else 0
    return max(60, len(t.digits) + max(exp, 0) + 30)


def _canon(d: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = _prec(d)
        if d == d.to_integral_value():
            return d.quantize(Decimal(1))
        return d.normalize()


def _amount_from(m: re.Match[str], *, bare: bool = False) -> Amount | None:
    try:
        if m.group("num") is not None:
            value = _digits_value(m.group("num"))
        else:
            v = _word_value(m.group("word"))
            if v is None:
                return None
            value = v
        scale = None if bare else m.group("scale")
        unit = None if bare else m.group("unit")
        pre = None if bare else m.group("pre")
        if not bare and not (scale or unit or pre):
            return None
        with localcontext() as ctx:
            ctx.prec = _prec(value) + 15
            if scale:
                value = value * _SCALES[_ws(scale)]
            if m.group("neg"):
                value = -value
            value = _canon(value)
        code = _unit_code(pre) if pre else None
        if code is None and unit:
            code = _unit_code(unit)
        q = _qualifier(m.group("hedge")) if m.group("hedge") else None
        return Amount(value, code, q)
    except (InvalidOperation, ValueError, KeyError, OverflowError):
        return None


def find_amounts(text: str) -> list[AmountMatch]:
    """Money, percentages, distances, counts and durations in German text.

    >>> [m.amount for m in find_amounts("Das Volumen lag bei 3,5 Milliarden Dollar (mehr als 3,2 Milliarden Euro).")]
    [Amount(value=Decimal('3500000000'), unit='USD', qualifier=None), Amount(value=Decimal('3200000000'), unit='EUR', qualifier='more than')]
    >>> [(m.text, m.amount.value, m.amount.unit) for m in find_amounts("Frankreich hat rund 68 Millionen Einwohner, 80% davon in Städten.")]
    [('rund 68 Millionen Einwohner', Decimal('68000000'), 'persons'), ('80%', Decimal('80'), 'percent')]
    >>> find_amounts("Am 20.6.2024 um 14.30 Uhr trafen sich 5 Minister.")
    []
    """
    if not isinstance(text, str):
        return []
    out: list[AmountMatch] = []
    for m in _scan(_AMOUNT_RE, text, _AMOUNT_STEMS, digits=False, before=80,
                   can_start=_amount_can_start, extra=_AMOUNT_EXTRA):
        a = _amount_from(m)
        if a is not None:
            out.append(AmountMatch(m.start(), m.end(), m.group(), a))
    return out


def parse_amount(text: str) -> Amount | None:
    """The first amount in ``text``; a string that is just a (hedged) number
    gives an amount without unit.

    >>> parse_amount("bis zu 70 Prozent")
    Amount(value=Decimal('70'), unit='percent', qualifier='up to')
    >>> parse_amount("1300 Kilometer")
    Amount(value=Decimal('1300'), unit='km', qualifier=None)
    >>> parse_amount("$3,5 Mrd.")
    Amount(value=Decimal('3500000000'), unit='USD', qualifier=None)
    >>> parse_amount("rund 18")
    Amount(value=Decimal('18'), unit=None, qualifier='about')
    >>> parse_amount("kein Betrag") is None
    True
    """
    if not isinstance(text, str):
        return None
    found = find_amounts(text)
    if found:
        return found[0].amount
    m = _BARE_AMOUNT_RE.fullmatch(text)
    if m:
        return _amount_from(m, bare=True)
    return None


def _fmt_number(d: Decimal) -> str:
    """German digits: thousands dots, decimal comma (``d`` >= 0)."""
    with localcontext() as ctx:
        ctx.prec = _prec(d)
        s = format(_canon(d), "f")
    whole, _, frac = s.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    return f"{out},{frac}" if frac else out


_FORMAT_SCALES = (
    (Decimal(10**12), "Billion", "Billionen"),
    (Decimal(10**9), "Milliarde", "Milliarden"),
    (Decimal(10**6), "Million", "Millionen"),
)


def format_amount_de(a: Amount) -> str:
    """German text for an amount; :func:`parse_amount` reads it back.

    >>> format_amount_de(Amount(Decimal("3500000000"), "USD"))
    '3,5 Milliarden US-Dollar'
    >>> format_amount_de(Amount(Decimal("80"), "percent"))
    '80 Prozent'
    >>> format_amount_de(Amount(Decimal("100000000"), None, "about"))
    'rund 100 Millionen'
    >>> format_amount_de(Amount(Decimal("1300"), "km", "more than"))
    'mehr als 1.300 Kilometer'
    """
    if not Decimal(a.value).is_finite():
        raise ValueError(f"not a finite amount: {a.value!r}")
    parts: list[str] = []
    if a.qualifier:
        parts.append(_QUALIFIER_DE.get(a.qualifier, a.qualifier))
    value = Decimal(a.value)
    if value < 0:
        parts.append("minus")
        value = -value
    number = None
    scaled = False
    with localcontext() as ctx:
        ctx.prec = _prec(value)
        for size, sing, plur in _FORMAT_SCALES:
            if value >= size:
                q = value / size
                exponent = q.normalize().as_tuple().exponent
                if q * size == value and isinstance(exponent, int) and exponent >= -3:
                    number = f"{_fmt_number(q)} {sing if q == 1 else plur}"
                    scaled = True
                break
    if number is None:
        number = _fmt_number(value)
    parts.append(number)
    if a.unit:
        sing, plur = _UNIT_WORDS_DE.get(a.unit, (a.unit, a.unit))
        parts.append(sing if value == 1 and not scaled else plur)
    return " ".join(parts)


# ---------------------------------------------------------------------------
# dates
# ---------------------------------------------------------------------------

_DIR_WORDS = {
    "kommenden": 1, "nächsten": 1, "vergangenen": -1, "letzten": -1,
    "vorigen": -1, "diesen": 2,
}
_DIR = r"(?i:kommenden|nächsten|vergangenen|letzten|vorigen|diesen)"
_REL_ADJ = (
    r"(?i:vergangene[nmrs]?|letzte[nmrs]?|vorige[nmrs]?|diese[nmrs]?|"
    r"laufende[nmrs]?|nächste[nmrs]?|kommende[nmrs]?)"
)
_YEAR4 = r"[12][0-9]{3}(?![0-9])"
_POS_WORDS = "Anfang|Mitte|Ende"
_POS = rf"(?i:{_POS_WORDS})"
_NOT_UNIT_AFTER = (
    rf"(?!\s*-?\s*(?:{_UNIT_ALT}|{_SCALE_ALT}|{_alternation(_COUNT_NOUNS, flags='')})(?!\w))"
)

_DATE_ALTS = [
    # day range: "vom 3. bis 5. Mai 2024", "3.-5. Mai", "zwischen dem 3. und 5. Mai"
    ("DR", (rf"(?:(?P<dr_p>(?i:vom|von|zwischen\s+dem|zwischen))\s+)?(?<![\w.,])"
           rf"(?P<dr_d1>[0-9]{{1,2}})\.\s*(?P<dr_c>(?i:bis(?:\s+(?:zum|einschließlich))?|und)|[-–—])\s*"
           rf"(?:(?i:dem|zum)\s+)?(?P<dr_d2>[0-9]{{1,2}})\.\s*(?P<dr_m>{_MONTH_ANY})"
           rf"(?:\s+(?P<dr_y>{_YEAR4}))?")),
    # month range: "von März bis Mai 2024"
    ("MR", (rf"(?:(?P<mr_p>(?i:von|zwischen))\s+)?(?P<mr_m1>{_MONTH_FULL})\s*"
           rf"(?P<mr_c>(?i:bis|und)|[-–—])\s*(?P<mr_m2>{_MONTH_FULL})"
           rf"(?:\s+(?P<mr_y>{_YEAR4}))?")),
    # ISO date
    ("A", r"(?<![\w.-])(?P<a_y>[12][0-9]{3})-(?P<a_m>[01][0-9])-(?P<a_d>[0-3][0-9])(?![\w-])"),
    # header "date 2024-03" / "Datum: 2024-06"
    ("H0", r"(?<!\w)(?i:date|datum)\s*:?\s*(?P<h0_y>[12][0-9]{3})-(?P<h0_m>[01]?[0-9])(?![\w-])"),
    # numeric "20.6.2024", "20.06.24"
    ("B", (r"(?:(?i:am)\s+)?(?<![\w.,])(?P<b_d>[0-9]{1,2})\.\s?(?P<b_m>[0-9]{1,2})\.\s?"
          r"(?P<b_y>[12][0-9]{3}|[0-9]{2})(?![0-9])(?![.,][0-9])")),
    # numeric day+month after a preposition: "am 20.6."
    ("BS", (r"(?:(?<=(?i:am)\s)|(?<=(?i:vom)\s)|(?<=(?i:bis)\s)|(?<=(?i:zum)\s)|(?<=(?i:ab)\s)|(?<=(?i:seit)\s))"
           r"(?P<bs_d>[0-9]{1,2})\.(?P<bs_m>[0-9]{1,2})\.(?![0-9])")),
    # "Donnerstag, 20. Juni 2024", "am 20. Juni", "26. Juli"
    ("C", (rf"(?:(?i:am)\s+)?(?:{_WEEKDAY}{_DAYTIME}?,?\s+(?:(?i:den|dem)\s+)?)?(?<![\w.,])"
          rf"(?P<c_d>[0-9]{{1,2}})\.\s*(?P<c_m>{_MONTH_ANY})(?:\s+(?P<c_y>{_YEAR4}))?")),
    # "im März 2023", "Ende Juni 2024"
    ("D", rf"(?:(?i:im|{_POS_WORDS})\s+)?(?P<d_m>{_MONTH_ANY})\s+(?P<d_y>{_YEAR4})"),
    # "im Jahr 2022", "des Jahres 2017"
    ("E", rf"(?:(?i:im|des)\s+)?(?i:Jahr(?:es|e)?)\s+(?P<e_y>{_YEAR4})"),
    # decades
    ("F", (rf"(?:(?:{_POS}\s+der|(?i:in)\s+den|(?i:den|der|die))\s+)?(?<![\w.,])"
          rf"(?P<f_y>(?:1[0-9]|20)?[0-9]0)er(?P<f_j>\s*-?\s*Jahre[n]?)?(?!\w)")),
    # month without year: "im Dezember", "Anfang Juni", "im kommenden Mai"
    ("H", (rf"(?:(?P<h_p>(?i:im|{_POS_WORDS}))\s+(?:(?P<h_dir>{_DIR})\s+)?|(?P<h_dir2>{_DIR})\s+"
          rf"|(?:(?<=(?i:seit)\s)|(?<=(?i:bis)\s)|(?<=(?i:ab)\s)|(?<=(?i:vom)\s)|(?<=(?i:zum)\s)))"
          rf"(?P<h_m>{_MONTH_FULL})(?!\s*[0-9])"
          rf"(?:\s+(?P<h_yr>{_REL_ADJ})\s+Jahres(?!\w))?")),
    # weekdays
    ("I", rf"(?:(?i:am)\s+)?(?:(?P<i_dir>{_DIR})\s+)?(?P<i_wd>{_WEEKDAY}){_DAYTIME}?(?!\w)"),
    # days relative to publication
    ("J", r"(?<!\w)(?P<j_w>(?i:vorgestern|gestern|heute|übermorgen)|morgen|Morgen)(?![\w-])"),
    ("JV", r"(?:(?i:am|des)\s+)?(?<!\w)Vortag(?:es|s)?(?!\w)"),
    # weeks
    ("K", rf"(?:{_POS}\s+)?(?:(?i:in\s+der|in|der)\s+)?(?<!\w)(?P<k_w>{_REL_ADJ})\s+Woche(?!\w)"),
    ("KV", r"(?:(?i:in\s+der|der)\s+)?(?<!\w)Vorwoche(?!\w)"),
    # years
    ("L", rf"(?:{_POS}\s+(?:(?i:des)\s+)?)?(?:(?i:im|in|des)\s+)?(?<!\w)(?P<l_w>{_REL_ADJ})\s+Jahr(?:es)?(?!\w)"),
    ("LV", r"(?:(?i:im|des)\s+)?(?<!\w)Vorjahr(?:es|s)?(?!\w)"),
    ("LT", rf"(?<!\w)(?:(?i:heuer)|{_POS}\s+des\s+Jahres)(?!\w)"),
    # months
    ("M", rf"(?:{_POS}\s+(?:(?i:des)\s+)?)?(?:(?i:im|in|des)\s+)?(?<!\w)(?P<m_w>{_REL_ADJ})\s+Monat(?:s)?(?!\w)"),
    ("MV", r"(?:(?i:im|des)\s+)?(?<!\w)Vormonat(?:es|s)?(?!\w)"),
    ("MT", rf"(?<!\w){_POS}\s+des\s+Monats(?!\w)"),
    # bare years: "2017", "Ende 2023"
    ("G", (rf"(?:{_POS}\s+)?(?<![\w.,])(?<![^\W\d_]-)(?P<g_y>(?:19|20)[0-9]{{2}})"
          rf"(?!\w)(?![.,][0-9]){_NOT_UNIT_AFTER}")),
]
_DATE_RE = re.compile("|".join(f"(?P<_{k}>(?<!\\w){p})" for k, p in _DATE_ALTS))
_DATE_STEMS = _stems(
    list(_MONTH_KEYS) + ["maer"] + list(_WEEKDAYS)
    + ["heute", "gestern", "morgen", "vortag", "woche", "jahr", "monat", "heuer", "date", "datum"]
)
_DATE_FIRST = frozenset(
    "am im in vom von zwischen des der den die anfang mitte ende date datum heuer "
    "heute gestern vorgestern morgen übermorgen kommenden nächsten vergangenen "
    "letzten vorigen diesen".split()
    + [f"{a}{e}" for a in ("vergangene", "letzte", "vorige", "diese", "laufende",
                           "nächste", "kommende") for e in ("", "n", "m", "r", "s")]
)
_DATE_FIRST_PREFIX = tuple(
    sorted({m.lower()[:3] for m in _MONTHS} | set(_MONTH_KEYS) | {"maer"} | set(_WEEKDAYS)
           | {"jahr", "vortag", "vorwoche", "vorjahr", "vormonat"})
)


@functools.lru_cache(maxsize=8192)
def _date_can_start(tok: str) -> bool:
    if tok[0] in "0123456789":
        return True
    low = tok.lower()
    return low in _DATE_FIRST or low.startswith(_DATE_FIRST_PREFIX)


_YEAR_BAD_PRE = re.compile(
    r"(?:Nr\.|Nummer|Artikel|Art\.|§|Paragra(?:f|ph)|Resolution|Seite|S\.|Flug|PLZ|Kapitel|Platz|Rang)\s*\Z"
)
_SENT_START = re.compile(r"(?:\A|[.!?:\"„“»«])\s*\Z")
_CONNECTOR = re.compile(
    r"\s*(?:(?P<bis>(?i:bis)(?:\s+(?i:zum|zur|einschließlich))?)|(?P<und>(?i:und))|[-–—/])\s*(?:(?i:dem|den)\s+)?"
)
_RANGE_PREFIX = re.compile(r"(?<!\w)(?P<p>(?i:von|vom|zwischen(?:\s+dem)?))\s+\Z")


@dataclass(slots=True)
class _Atom:
    start: int
    end: int
    kind: str  # ymd weekday days week years months decade
    year: int | None = None
    month: int | None = None
    day: int | None = None
    wd: int | None = None
    n: int = 0  # offset (days/week/years/months) or direction (weekday, month)
    yoff: int | None = None
    until: _Atom | None = None


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1] and 1 <= y <= 9999


def _pub_day(pub: PartialDate) -> _dt.date | None:
    if pub.month is None or pub.day is None:
        return None
    try:
        return _dt.date(pub.year, pub.month, pub.day)
    except ValueError:
        return None


def _pd(d: _dt.date) -> PartialDate:
    return PartialDate(d.year, d.month, d.day)


def _coarse(pub: PartialDate) -> PartialDate:
    return PartialDate(pub.year, pub.month) if pub.month is not None else PartialDate(pub.year)


def _shift_days(pub: PartialDate, delta: int) -> PartialDate:
    d = _pub_day(pub)
    if d is None:
        return _coarse(pub)
    return _pd(d + _dt.timedelta(days=delta))


def _weekday_delta(pub_wd: int, wd: int, direction: int) -> int:
    fwd = (wd - pub_wd) % 7
    if direction == 1:
        return fwd or 7
    if direction == -1:
        return -((pub_wd - wd) % 7 or 7)
    back = (7 - fwd) % 7
    return fwd if fwd < back else -back


def _month_year_for(m: int, direction: int, y: int, pm: int) -> int:
    if direction == 2:
        return y
    if direction == 1:
        return y if m > pm else y + 1
    if direction == -1:
        return y if m < pm else y - 1
    return y if m <= pm else y - 1


def _month_year(m: int, direction: int, yoff: int | None, pub: PartialDate) -> int | None:
    if yoff is not None:
        return pub.year + yoff
    if pub.month is not None:
        return _month_year_for(m, direction, pub.year, pub.month)
    years = {_month_year_for(m, direction, pub.year, pm) for pm in range(1, 13)}
    return years.pop() if len(years) == 1 else None


def _nearest_year(m: int, d: int, pub: PartialDate) -> int | None:
    day = _pub_day(pub)
    cands = [y for y in (pub.year - 1, pub.year, pub.year + 1) if _valid(y, m, d)]
    if not cands:
        return None
    if day is not None:
        def key(y: int) -> tuple[int, bool]:
            diff = (_dt.date(y, m, d) - day).days
            return abs(diff), diff > 0
        return min(cands, key=key)
    if pub.month is not None:
        def mkey(y: int) -> tuple[int, bool]:
            diff = (y * 12 + m) - (pub.year * 12 + pub.month)  # type: ignore[operator]
            return abs(diff), diff > 0
        return min(cands, key=mkey)
    return pub.year if pub.year in cands else None


def _resolve(a: _Atom, pub: PartialDate | None) -> tuple[PartialDate, PartialDate, bool] | None:
    """One atom -> (start, end, relative)."""
    k = a.kind
    if k == "decade":
        return PartialDate(a.year), PartialDate(a.year + 9), False  # type: ignore[operator,arg-type]
    if k == "ymd" and a.year is not None:
        if a.month is None:
            p = PartialDate(a.year)
        elif a.day is None:
            p = PartialDate(a.year, a.month)
        elif _valid(a.year, a.month, a.day):
            p = PartialDate(a.year, a.month, a.day)
        else:
            return None
        return p, p, False
    if pub is None:
        return None
    if k == "ymd":
        if a.month is None:
            return None
        if a.day is not None:
            y = _nearest_year(a.month, a.day, pub)
            if y is None:
                return None
            p = PartialDate(y, a.month, a.day)
        else:
            y = _month_year(a.month, a.n, a.yoff, pub)
            if y is None:
                return None
            p = PartialDate(y, a.month)
        return p, p, True
    if k == "weekday":
        day = _pub_day(pub)
        if day is None:
            p = _coarse(pub)
        else:
            p = _pd(day + _dt.timedelta(days=_weekday_delta(day.weekday(), a.wd, a.n)))  # type: ignore[arg-type]
        return p, p, True
    if k == "days":
        p = _shift_days(pub, a.n)
        return p, p, True
    if k == "week":
        day = _pub_day(pub)
        if day is None:
            return None
        monday = day - _dt.timedelta(days=day.weekday()) + _dt.timedelta(weeks=a.n)
        sunday = monday + _dt.timedelta(days=6)
        if (monday.year, monday.month) != (sunday.year, sunday.month):
            return None
        p = PartialDate(monday.year, monday.month)
        return p, p, True
    if k == "years":
        p = PartialDate(pub.year + a.n)
        return p, p, True
    if k == "months":
        if pub.month is None:
            return None
        y, m0 = divmod(pub.year * 12 + pub.month - 1 + a.n, 12)
        p = PartialDate(y, m0 + 1)
        return p, p, True
    return None


def _lo(p: PartialDate) -> tuple[int, int, int]:
    return p.year, p.month or 1, p.day or 1


def _hi(p: PartialDate) -> tuple[int, int, int]:
    return p.year, p.month or 12, p.day or 31


def _md(a: _Atom) -> tuple[int, int]:
    return a.month or 0, a.day or 0


def _resolve_range(a: _Atom, b: _Atom, pub: PartialDate | None) -> tuple[PartialDate, PartialDate, bool] | None:
    if a.kind == "weekday" and b.kind == "weekday":
        ra = _resolve(a, pub)
        if ra is None:
            return None
        start = ra[0]
        if start.day is not None:
            d = _dt.date(start.year, start.month, start.day)  # type: ignore[arg-type]
            end = _pd(d + _dt.timedelta(days=(b.wd - d.weekday()) % 7))  # type: ignore[operator]
        else:
            end = start
        return start, end, True
    if a.kind not in ("ymd", "decade") or b.kind not in ("ymd", "decade"):
        return None
    a, b = replace(a, until=None), replace(b, until=None)
    if a.kind == "ymd" and a.month is None and a.day is not None:
        a.month = b.month
    relative = False
    if a.kind == "ymd" and b.kind == "ymd":
        if a.year is None and b.year is not None and a.month is not None:
            a.year = b.year - (1 if b.month is not None and _md(a) > _md(b) else 0)
        elif b.year is None and a.year is not None and b.month is not None:
            b.year = a.year + (1 if a.month is not None and _md(b) < _md(a) else 0)
        elif a.year is None and b.year is None:
            ra = _resolve(a, pub)
            if ra is None or a.month is None or b.month is None:
                return None
            a.year = ra[0].year
            b.year = a.year + (1 if _md(b) < _md(a) else 0)
            relative = True
    ra, rb = _resolve(a, pub), _resolve(b, pub)
    if ra is None or rb is None:
        return None
    if _lo(ra[0]) > _hi(rb[1]):
        return None
    return ra[0], rb[1], relative or ra[2] or rb[2]


def _year2(s: str) -> int:
    y = int(s)
    if len(s) == 2:
        y += 2000 if y < 70 else 1900
    return y


def _atoms(m: re.Match[str], text: str) -> list[_Atom]:
    g = m.group
    kind = m.lastgroup
    s, e = m.start(), m.end()
    if kind == "_DR":
        mon = _month_num(g("dr_m"))
        y = int(g("dr_y")) if g("dr_y") else None
        d1, d2 = int(g("dr_d1")), int(g("dr_d2"))
        between = (g("dr_p") or "").lower().startswith("zwischen")
        und = g("dr_c").lower() == "und"
        if und and not between:  # "am 3. und 5. Mai": two dates
            first = _Atom(m.start("dr_d1"), m.end("dr_d1") + 1, "ymd", y, mon, d1)
            return [first, _Atom(m.start("dr_d2"), e, "ymd", y, mon, d2)]
        if between and not und:
            s = m.start("dr_d1")
        b = _Atom(m.start("dr_d2"), e, "ymd", y, mon, d2)
        return [_Atom(s, e, "ymd", y, None, d1, until=b)]
    if kind == "_MR":
        m1, m2 = _month_num(g("mr_m1")), _month_num(g("mr_m2"))
        y = int(g("mr_y")) if g("mr_y") else None
        prefix = (g("mr_p") or "").lower()
        if g("mr_c").lower() == "und" and prefix != "zwischen":
            if y is None:
                return []
            return [_Atom(m.start("mr_m1"), m.end("mr_m1"), "ymd", y, m1),
                    _Atom(m.start("mr_m2"), e, "ymd", y, m2)]
        if prefix == "zwischen" and g("mr_c").lower() != "und":
            s = m.start("mr_m1")
        b = _Atom(m.start("mr_m2"), e, "ymd", y, m2)
        return [_Atom(s, e, "ymd", y, m1, until=b)]
    if kind == "_A":
        return [_Atom(s, e, "ymd", int(g("a_y")), int(g("a_m")), int(g("a_d")))]
    if kind == "_H0":
        mon = int(g("h0_m"))
        if not 1 <= mon <= 12:
            return []
        return [_Atom(m.start("h0_y"), e, "ymd", int(g("h0_y")), mon)]
    if kind == "_B":
        d, mon = int(g("b_d")), int(g("b_m"))
        if not 1 <= mon <= 12:
            return []
        return [_Atom(s, e, "ymd", _year2(g("b_y")), mon, d)]
    if kind == "_BS":
        d, mon = int(g("bs_d")), int(g("bs_m"))
        if not (1 <= mon <= 12 and 1 <= d <= 31):
            return []
        return [_Atom(s, e, "ymd", None, mon, d)]
    if kind == "_C":
        d = int(g("c_d"))
        if not 1 <= d <= 31:
            return []
        y = int(g("c_y")) if g("c_y") else None
        return [_Atom(s, e, "ymd", y, _month_num(g("c_m")), d)]
    if kind == "_D":
        return [_Atom(s, e, "ymd", int(g("d_y")), _month_num(g("d_m")))]
    if kind == "_E":
        return [_Atom(s, e, "ymd", int(g("e_y")))]
    if kind == "_F":
        digits = g("f_y")
        if len(digits) == 2:
            if not g("f_j"):
                return []
            digits = "19" + digits
        return [_Atom(s, e, "decade", int(digits))]
    if kind == "_H":
        word = g("h_dir") or g("h_dir2")
        direction = _DIR_WORDS[word.lower()] if word else 0
        yoff = _rel_offset(g("h_yr")) if g("h_yr") else None
        return [_Atom(s, e, "ymd", None, _month_num(g("h_m")), n=direction, yoff=yoff)]
    if kind == "_I":
        word = g("i_dir")
        direction = _DIR_WORDS[word.lower()] if word else 0
        if direction == 2:
            direction = 0
        return [_Atom(s, e, "weekday", wd=_WEEKDAYS[g("i_wd").lower()], n=direction)]
    if kind == "_J":
        w = g("j_w")
        if w == "Morgen" and not _SENT_START.search(text, max(0, s - 8), s):
            return []
        offs = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}
        return [_Atom(s, e, "days", n=offs[w.lower()])]
    if kind == "_JV":
        return [_Atom(s, e, "days", n=-1)]
    if kind == "_K":
        return [_Atom(s, e, "week", n=_rel_offset(g("k_w")))]
    if kind == "_KV":
        return [_Atom(s, e, "week", n=-1)]
    if kind == "_L":
        return [_Atom(s, e, "years", n=_rel_offset(g("l_w")))]
    if kind == "_LV":
        return [_Atom(s, e, "years", n=-1)]
    if kind == "_LT":
        return [_Atom(s, e, "years", n=0)]
    if kind == "_M":
        return [_Atom(s, e, "months", n=_rel_offset(g("m_w")))]
    if kind == "_MV":
        return [_Atom(s, e, "months", n=-1)]
    if kind == "_MT":
        return [_Atom(s, e, "months", n=0)]
    if kind == "_G":
        if _YEAR_BAD_PRE.search(text, max(0, m.start("g_y") - 16), m.start("g_y")):
            return []
        return [_Atom(s, e, "ymd", int(g("g_y")))]
    return []  # pragma: no cover


def _rel_offset(word: str) -> int:
    w = word.lower()
    if w.startswith(("vergangen", "letzt", "vorig")):
        return -1
    if w.startswith(("nächst", "kommend")):
        return 1
    return 0


def find_dates(text: str, *, published: PartialDate | None) -> list[DateMatch]:
    """Dates and periods in German text, resolved against ``published``.

    >>> pub = PartialDate(2024, 6, 20)  # a Thursday
    >>> [(m.text, m.span.start.iso(), m.relative) for m in find_dates("Am Mittwoch traf er den Premier, am 20. Juni 2024 den Präsidenten.", published=pub)]
    [('Am Mittwoch', '2024-06-19', True), ('am 20. Juni 2024', '2024-06-20', False)]
    >>> [(m.text, m.span.start.iso(), m.span.end.iso()) for m in find_dates("Sie war von 2017 bis 2021 Botschafterin in Kanada.", published=None)]
    [('von 2017 bis 2021', '2017', '2021')]
    >>> [m.span.start.iso() for m in find_dates("Macron war im Dezember in Peking.", published=PartialDate(2024, 6))]
    ['2023-12']
    >>> find_dates("Am Donnerstag reiste Scholz nach Paris.", published=None)
    []
    """
    if not isinstance(text, str):
        return []
    atoms: list[_Atom] = []
    for m in _scan(_DATE_RE, text, _DATE_STEMS, digits=True, before=60,
                   can_start=_date_can_start):
        atoms.extend(_atoms(m, text))
    out: list[DateMatch] = []
    i = 0
    n = len(atoms)
    while i < n:
        a = atoms[i]
        if a.until is not None:
            r = _resolve_range(a, a.until, published)
            if r is not None:
                out.append(_match(text, a.start, a.end, r))
            i += 1
            continue
        if i + 1 < n and atoms[i + 1].until is None:
            b = atoms[i + 1]
            c = _CONNECTOR.fullmatch(text, a.end, b.start)
            if c is not None:
                p = _RANGE_PREFIX.search(text, max(0, a.start - 16), a.start)
                prefix = p.group("p").lower() if p else ""
                if (c.group("und") is not None) == prefix.startswith("zwischen"):
                    r = _resolve_range(a, b, published)
                    if r is not None:
                        out.append(_match(text, p.start() if p else a.start, b.end, r))
                        i += 2
                        continue
        r1 = _resolve(a, published)
        if r1 is not None:
            out.append(_match(text, a.start, a.end, r1))
        i += 1
    return out


def _match(text: str, s: int, e: int, r: tuple[PartialDate, PartialDate, bool]) -> DateMatch:
    return DateMatch(s, e, text[s:e], TimeSpan(r[0], r[1]), r[2])


def parse_date(text: str, *, published: PartialDate | None = None) -> TimeSpan | None:
    """The first date or period in ``text``; ``None`` if there is none.

    >>> parse_date("20. Juni 2024")
    TimeSpan(start=PartialDate(year=2024, month=6, day=20), end=PartialDate(year=2024, month=6, day=20))
    >>> parse_date("im März 2023").start.iso(), parse_date("2.8.2015").start.iso()
    ('2023-03', '2015-08-02')
    >>> parse_date("vom 3. bis 5. Mai 2024").end.iso()
    '2024-05-05'
    >>> parse_date("gestern", published=PartialDate(2024, 3, 1)).start.iso()
    '2024-02-29'
    >>> parse_date("am Dienstag") is None
    True
    """
    found = find_dates(text, published=published)
    return found[0].span if found else None


def format_date_de(d: PartialDate) -> str:
    """German text for a date at its precision; :func:`parse_date` reads it
    back.

    >>> format_date_de(PartialDate(2024, 6, 20)), format_date_de(PartialDate(2024, 6)), format_date_de(PartialDate(2024))
    ('20. Juni 2024', 'Juni 2024', '2024')
    """
    if d.month is None:
        return f"{d.year}"
    if d.day is None:
        return f"{_MONTHS[d.month - 1]} {d.year}"
    return f"{d.day}. {_MONTHS[d.month - 1]} {d.year}"


_HEADER_RE = re.compile(
    r"\A\s*(?i:date|datum)\s*[:=]?\s*(?:(?P<iy>[12][0-9]{3})(?:-(?P<im>[0-9]{1,2})(?:-(?P<id>[0-9]{1,2}))?)?"
    r"|(?P<d>[0-9]{1,2})\.\s?(?P<m>[0-9]{1,2})\.\s?(?P<y>[12][0-9]{3}))(?![0-9])"
)
_CREDIT_RE = re.compile(
    r"\([^()\n]{1,120}?,\s*(?P<d>[0-9]{1,2})\.\s?(?P<m>[0-9]{1,2})\.\s?(?P<y>[12][0-9]{3})\s*\)"
)


def _checked(y: int, m: int | None, d: int | None) -> PartialDate | None:
    if m is None:
        return PartialDate(y)
    if not 1 <= m <= 12:
        return None
    if d is None:
        return PartialDate(y, m)
    return PartialDate(y, m, d) if _valid(y, m, d) else None


def find_dateline(text: str) -> PartialDate | None:
    """The publication date an article states: a header line at its start
    ("date: 2024-06-20", "Datum: 20.06.2024", "date 2024-03") wins, else the
    last credit line "(…, D.M.YYYY)".

    >>> find_dateline("Text ... (APA/Reuters, 2.8.2015)\\nMehr (Kim Son Hoang, 21.6.2024)")
    PartialDate(year=2024, month=6, day=21)
    >>> find_dateline(" date 2024-03 Der Chef der Regierungspartei ...")
    PartialDate(year=2024, month=3, day=None)
    >>> find_dateline("Kein Datum.") is None
    True
    """
    if not isinstance(text, str):
        return None
    h = _HEADER_RE.match(text)
    if h:
        if h.group("iy"):
            p = _checked(int(h.group("iy")),
                         int(h.group("im")) if h.group("im") else None,
                         int(h.group("id")) if h.group("id") else None)
        else:
            p = _checked(int(h.group("y")), int(h.group("m")), int(h.group("d")))
        if p is not None:
            return p
    for c in reversed(list(_CREDIT_RE.finditer(text))):
        p = _checked(int(c.group("y")), int(c.group("m")), int(c.group("d")))
        if p is not None:
            return p
    return None
