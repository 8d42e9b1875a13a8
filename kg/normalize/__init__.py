"""Pure German normalisers for dates, amounts, counts and names.

Everything here works on raw article text with compiled regular expressions
(one pass per kind) and returns character offsets, so the NLP layer can turn
matches into spans. Only the standard library and :mod:`kg.model` are used.

One module per concern:

* :mod:`~kg.normalize.names` -- :func:`fold`, :func:`entity_key` and :func:`names_matching`;
* :mod:`~kg.normalize.numbers` -- number words and ordinals;
* :mod:`~kg.normalize.units` -- units, currencies, scale words, hedges;
* :mod:`~kg.normalize.scan` -- the trigger-anchored regex scan;
* :mod:`~kg.normalize.amounts` -- find, parse and format amounts;
* :mod:`~kg.normalize.dates_patterns` -- the date regex and its atoms;
* :mod:`~kg.normalize.dates` -- resolution against the publication date,
  find, parse and format dates;
* :mod:`~kg.normalize.dateline` -- the publication date an article states.

Import the public API from here (``from kg.normalize import find_dates``).
"""

from __future__ import annotations

# Besides the public API, the private names that tests/unit/test_normalize.py
# reads as ``N.<name>`` are re-exported (``x as x``). Rebinding ``N._scan``
# does not reach the callers: patch ``kg.normalize.scan._scan`` instead.
from kg.normalize.amounts import (
    AmountMatch,
    find_amounts,
    format_amount_de,
    parse_amount,
)
from kg.normalize.dateline import find_dateline
from kg.normalize.dates import DateMatch, find_dates, format_date_de, parse_date
from kg.normalize.dates import _hi as _hi
from kg.normalize.dates import _lo as _lo
from kg.normalize.dates_patterns import _MONTHS as _MONTHS
from kg.normalize.dates_patterns import _WEEKDAYS as _WEEKDAYS
from kg.normalize.names import _fold_unicode as _fold_unicode
from kg.normalize.names import entity_key, fold, names_matching
from kg.normalize.numbers import parse_number_word, parse_ordinal
from kg.normalize.scan import _scan as _scan
from kg.normalize.units import _QUALIFIER_DE as _QUALIFIER_DE
from kg.normalize.units import _UNIT_WORDS_DE as _UNIT_WORDS_DE
from kg.normalize.units import parse_qualifier, parse_unit

__all__ = [
    "AmountMatch",
    "DateMatch",
    "entity_key",
    "find_amounts",
    "find_dateline",
    "find_dates",
    "fold",
    "names_matching",
    "format_amount_de",
    "format_date_de",
    "parse_amount",
    "parse_date",
    "parse_number_word",
    "parse_ordinal",
    "parse_qualifier",
    "parse_unit",
]
