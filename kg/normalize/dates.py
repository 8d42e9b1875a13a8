"""Dates in German text, resolved against the publication date.

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

The patterns and their reading into atoms are in
:mod:`kg.normalize.dates_patterns`.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass, replace

from kg.model import PartialDate, TimeSpan
from kg.normalize import scan
from kg.normalize.dates_patterns import (
    _CONNECTOR,
    _DATE_RE,
    _DATE_STEMS,
    _MONTHS,
    _RANGE_PREFIX,
    _Atom,
    _atoms,
    _date_can_start,
)

__all__ = ["DateMatch", "find_dates", "format_date_de", "parse_date"]


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date or period found at ``text[start:end]``; ``relative`` is true if
    it was resolved against the publication date."""

    start: int
    end: int
    text: str
    span: TimeSpan
    relative: bool


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
    for m in scan._scan(_DATE_RE, text, _DATE_STEMS, digits=True, before=60,
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
