"""Names: :func:`fold` gives a comparison form, :func:`entity_key` an ASCII
slug for IRIs (Cyrillic and Greek are transliterated; any other letter that
has no ASCII form becomes a ``u<hex>`` token).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping

__all__ = ["entity_key", "fold", "names_matching"]


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


def names_matching(name: str, names: Mapping[str, Iterable[str]]) -> tuple[list[str], list[str]]:
    """Which keys a name a person typed may mean, ignoring case and accents.

    ``names`` maps each key to its names, the preferred label first. Returns
    the keys one of whose names folds like ``name`` ("russland" and "To Lam"
    find "Russland" and "Tô Lâm"), and the keys whose label contains it (for
    a guess or a hint), both sorted.

    >>> names_matching("to lam", {"a": ["Tô Lâm", "Lam"], "b": ["Lamu"]})
    (['a'], ['a', 'b'])
    """
    want = fold(name)
    exact, partial = [], []
    for key, of_key in names.items():
        folded = [fold(n) for n in of_key]
        if want in folded:
            exact.append(key)
        if folded and want in folded[0]:
            partial.append(key)
    return sorted(exact), sorted(partial)


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
