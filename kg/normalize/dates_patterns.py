"""Date atoms: the German month and weekday vocabulary, the one big date
regex (:data:`_DATE_RE`, one named alternative per form), and the reading of
a match into :class:`_Atom` values that :mod:`kg.normalize.dates` resolves
against the publication date.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.normalize.scan import _stems
from kg.normalize.units import _COUNT_NOUNS, _SCALE_ALT, _UNIT_ALT, _alternation

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
