"""German number words and ordinals ("zwölf", "einundzwanzig", "zwei
Dutzend", "fünfte"), shared by the amount reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["parse_number_word", "parse_ordinal"]


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
