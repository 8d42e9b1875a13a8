"""The publication date an article states about itself: a header line at
its start or its last credit line.
"""

from __future__ import annotations

import re

from kg.model import PartialDate
from kg.normalize.dates import _valid

__all__ = ["find_dateline"]


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
