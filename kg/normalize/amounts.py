"""Amounts in German text.

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
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext

from kg.model import Amount
from kg.normalize import scan
from kg.normalize.numbers import _cardinal, _norm_word, parse_number_word
from kg.normalize.scan import _stems
from kg.normalize.units import (
    _AMOUNT_EXTRA,
    _HEDGE_ALT,
    _PREFIX_ALT,
    _PREFIX_CURRENCY,
    _QUALIFIER_DE,
    _QUALIFIERS,
    _SCALE_ALT,
    _SCALES,
    _UNIT_ALT,
    _UNIT_FORMS,
    _UNIT_WORDS_DE,
    _qualifier,
    _unit_code,
    _ws,
)

__all__ = ["AmountMatch", "find_amounts", "format_amount_de", "parse_amount"]


@dataclass(frozen=True, slots=True)
class AmountMatch:
    """An amount found at ``text[start:end]`` (the hedge included)."""

    start: int
    end: int
    text: str
    amount: Amount


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
    for m in scan._scan(_AMOUNT_RE, text, _AMOUNT_STEMS, digits=False, before=80,
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
