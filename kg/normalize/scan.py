"""Trigger-anchored regex scanning: the big date and amount patterns are
tried only near substrings that every match must contain.

Callers use ``scan._scan(...)`` through the module so that one patch of
``kg.normalize.scan._scan`` replaces it for dates and amounts alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from kg.normalize.units import _AMOUNT_EXTRA


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
