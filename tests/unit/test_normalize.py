"""Tests for kg.normalize: German dates, amounts, number words and names."""

from __future__ import annotations

import datetime as dt
import glob
import itertools
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from kg import normalize as N
from kg.model import Amount, PartialDate, TimeSpan
from kg.normalize import (
    entity_key,
    find_amounts,
    find_dateline,
    find_dates,
    fold,
    format_amount_de,
    format_date_de,
    parse_amount,
    parse_date,
    parse_number_word,
    parse_ordinal,
)
from kg.normalize import scan as S

try:
    KG = settings.get_profile("kg")
except InvalidArgument:
    settings.register_profile(
        "kg", deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow]
    )
    KG = settings.get_profile("kg")

P = PartialDate
THU = P(2024, 6, 20)  # a Thursday
FRI = P(2024, 6, 21)
SEEDS = sorted(glob.glob(str(Path(__file__).resolve().parents[2] / "seeds" / "*.txt")))


def d(s: str) -> PartialDate:
    return PartialDate.from_iso(s)


def spans(text: str, pub: PartialDate | None) -> list[tuple[str, str, str, bool]]:
    return [
        (m.text, m.span.start.iso(), m.span.end.iso(), m.relative)  # type: ignore[union-attr]
        for m in find_dates(text, published=pub)
    ]


# ---------------------------------------------------------------------------
# dates: explicit
# ---------------------------------------------------------------------------

EXPLICIT = [
    ("Der Gipfel begann am 20. Juni 2024 in Brüssel.", "am 20. Juni 2024", "2024-06-20"),
    ("Die Wahl in Mexiko fand am 2. Juni 2024 statt.", "am 2. Juni 2024", "2024-06-02"),
    ("Donnerstag, 20. Juni 2024: Macron empfängt Scholz.", "Donnerstag, 20. Juni 2024", "2024-06-20"),
    ("Am Freitag, den 1. März 2019 unterzeichneten beide.", "Am Freitag, den 1. März 2019", "2019-03-01"),
    ("Stand: 20.6.2024", "20.6.2024", "2024-06-20"),
    ("(APA/Reuters, 2.8.2015)", "2.8.2015", "2015-08-02"),
    ("Kanadas Premier kam am 20.06.24 nach Berlin.", "am 20.06.24", "2024-06-20"),
    ("Aktualisiert 03.10.1990", "03.10.1990", "1990-10-03"),
    ("Der Vertrag vom 2024-06-20 gilt.", "2024-06-20", "2024-06-20"),
    ("Am 3. Okt. 2023 wurde gefeiert.", "Am 3. Okt. 2023", "2023-10-03"),
    ("Der Haftbefehl wurde im März 2023 erlassen.", "im März 2023", "2023-03"),
    ("Schon im Jänner 2024 war Meloni in Tokio.", "im Jänner 2024", "2024-01"),
    ("Ende Juni 2024 läuft das Abkommen aus.", "Ende Juni 2024", "2024-06"),
    ("Seit Oktober 2022 verhandeln Chile und Peru.", "Oktober 2022", "2022-10"),
    ("Im Jahr 2022 exportierte Brasilien mehr Soja.", "Im Jahr 2022", "2022"),
    ("Die Verfassung des Jahres 1949 gilt weiter.", "des Jahres 1949", "1949"),
    ("Die Botschaft öffnete 2017 wieder.", "2017", "2017"),
    ("Die NATO besteht seit 1949.", "1949", "1949"),
    ("Das Mandat lief bis 1975.", "1975", "1975"),
    ("1978 marschierte Tansania in Uganda ein.", "1978", "1978"),
    ("Ende 2023 trat Ardern zurück.", "Ende 2023", "2023"),
]


@pytest.mark.parametrize(("text", "match", "iso"), EXPLICIT)
def test_explicit_dates(text: str, match: str, iso: str) -> None:
    for pub in (None, THU, P(2021, 2), P(1999)):
        found = find_dates(text, published=pub)
        assert [(m.text, m.span.start.iso(), m.span.end.iso(), m.relative) for m in found] == [
            (match, iso, iso, False)
        ]
        m = found[0]
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "Die Strecke ist 1300 Kilometer lang.",
        "Es kamen 2000 Soldaten und 1950 Menschen.",
        "Die Hilfe betrug 2024 Millionen Euro.",
        "Gemäß Resolution 2024 und Artikel 1999 sowie Nr. 2001 gilt das.",
        "Um 14.30 Uhr begann die Sitzung.",
        "Die G20 tagte, 1.950 Delegierte kamen, Kosten 2.024 Euro.",
        "Am 31. Februar 2023 war nichts.",
        "Die 80er waren bunt.",
        "Das Flugzeug flog 21.000 Meter hoch.",
        "Montagsdemonstrationen und Gründonnerstag sind keine Daten.",
        "Das Heute-Journal berichtete.",
        "",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, published=THU) == []


def test_bare_year_range_1900_2099() -> None:
    assert spans("Im Museum liegt ein Stück von 1850.", None) == []
    assert spans("Das wird 2100 fertig.", None) == []
    assert spans("Das wird 2099 fertig.", None) == [("2099", "2099", "2099", False)]
    # in explicit dates older years are fine
    assert spans("am 18. März 1848", None) == [("am 18. März 1848", "1848-03-18", "1848-03-18", False)]


# ---------------------------------------------------------------------------
# dates: ranges and decades
# ---------------------------------------------------------------------------

RANGES = [
    ("Sie war von 1995 bis 2023 im Parlament.", None, "von 1995 bis 2023", "1995", "2023", False),
    ("Er war 2018 bis 2021 Staatspräsident.", None, "2018 bis 2021", "2018", "2021", False),
    ("Von 2017 bis 2021 war sie Botschafterin in Ottawa.", None, "Von 2017 bis 2021", "2017", "2021", False),
    ("Zwischen 2010 und 2012 stieg der Export.", None, "Zwischen 2010 und 2012", "2010", "2012", False),
    ("Die Amtszeit 2018–2021 war kurz.", None, "2018–2021", "2018", "2021", False),
    ("Die Messe läuft vom 3. bis 5. Mai 2024 in Hannover.", None, "vom 3. bis 5. Mai 2024", "2024-05-03", "2024-05-05", False),
    ("Die Tagung ist 3.–5. Mai 2024.", None, "3.–5. Mai 2024", "2024-05-03", "2024-05-05", False),
    ("Vom 30. Dezember bis 2. Januar 2024 ruhte der Betrieb.", None, "Vom 30. Dezember bis 2. Januar 2024", "2023-12-30", "2024-01-02", False),
    ("vom 20.6. bis 21.6.2024", None, "vom 20.6. bis 21.6.2024", "2024-06-20", "2024-06-21", False),
    ("Von März bis Mai 2024 regnete es in Kenia.", None, "Von März bis Mai 2024", "2024-03", "2024-05", False),
    ("Der Besuch soll von Freitag bis Samstag dauern.", FRI, "von Freitag bis Samstag", "2024-06-21", "2024-06-22", True),
    ("Die Gespräche dauern von Montag bis Mittwoch.", THU, "von Montag bis Mittwoch", "2024-06-17", "2024-06-19", True),
    ("Zwischen dem 3. und 5. Mai tagte der Rat.", THU, "Zwischen dem 3. und 5. Mai", "2024-05-03", "2024-05-05", True),
    ("Der Krieg dauerte von Mitte der 1950er-Jahre bis 1975.", None, "von Mitte der 1950er-Jahre bis 1975", "1950", "1975", False),
]


@pytest.mark.parametrize(("text", "pub", "match", "start", "end", "rel"), RANGES)
def test_ranges(text: str, pub: PartialDate | None, match: str, start: str, end: str, rel: bool) -> None:
    assert spans(text, pub) == [(match, start, end, rel)]


def test_ranges_need_zwischen_for_und() -> None:
    assert spans("Wahlen gab es 2018 und 2021.", None) == [
        ("2018", "2018", "2018", False),
        ("2021", "2021", "2021", False),
    ]
    assert [m for _, m, _, _ in spans("Am 3. und 5. Mai 2023 wurde gewählt.", None)] == [
        "2023-05-03",
        "2023-05-05",
    ]


def test_relative_range_skipped_without_publication() -> None:
    assert spans("von Freitag bis Samstag", None) == []
    assert spans("vom 3. bis 5. Mai", None) == []


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("Seit die Sowjetunion in den 1950er-Jahren half.", "in den 1950er-Jahren"),
        ("Mitte der 1950er-Jahre begann es.", "Mitte der 1950er-Jahre"),
        ("Musik der 50er Jahre", "der 50er Jahre"),
        ("in den 1950er Jahren", "in den 1950er Jahren"),
    ],
)
def test_decades_are_year_ranges(text: str, match: str) -> None:
    assert spans(text, None) == [(match, "1950", "1959", False)]


# ---------------------------------------------------------------------------
# dates: weekdays and relative expressions
# ---------------------------------------------------------------------------

WEEKDAYS = [
    ("Am Mittwoch unterzeichneten sie.", THU, "2024-06-19"),
    ("Am Donnerstag landete die Präsidentin.", THU, "2024-06-20"),
    ("Samstag beginnt der Gipfel.", FRI, "2024-06-22"),
    ("am Montag", THU, "2024-06-17"),  # 3 back beats 4 ahead
    ("am Sonntag", THU, "2024-06-23"),  # 3 ahead beats 4 back
    ("am Dienstagabend", THU, "2024-06-18"),
    ("am vergangenen Freitag", THU, "2024-06-14"),
    ("letzten Donnerstag", THU, "2024-06-13"),
    ("am kommenden Montag", THU, "2024-06-24"),
    ("nächsten Donnerstag", THU, "2024-06-27"),
    ("Am Dienstag lud Lula ein.", P(2024, 3), "2024-03"),
    ("Am Dienstag lud Lula ein.", P(2024), "2024"),
]


@pytest.mark.parametrize(("text", "pub", "iso"), WEEKDAYS)
def test_weekdays(text: str, pub: PartialDate, iso: str) -> None:
    (m,) = find_dates(text, published=pub)
    assert (m.span.start.iso(), m.span.end.iso(), m.relative) == (iso, iso, True)  # type: ignore[union-attr]


@pytest.mark.parametrize("pub_day", range(1, 31))
def test_weekday_is_nearest_within_six_days(pub_day: int) -> None:
    pub = P(2024, 6, pub_day)
    pub_date = dt.date(2024, 6, pub_day)
    for name, wd in N._WEEKDAYS.items():
        (m,) = find_dates(f"am {name.capitalize()}", published=pub)
        got = dt.date.fromisoformat(m.span.start.iso())  # type: ignore[union-attr]
        assert got.weekday() == wd
        delta = (got - pub_date).days
        assert -6 <= delta <= 6
        assert abs(delta) <= 3  # nearest: never more than 3 days away


RELATIVE = [
    ("Gestern sprach Sunak in London.", THU, "2024-06-19"),
    ("gestern", P(2024, 3, 1), "2024-02-29"),
    ("heute", THU, "2024-06-20"),
    ("morgen reist sie ab", THU, "2024-06-21"),
    ("Morgen reist sie ab.", THU, "2024-06-21"),
    ("vorgestern", THU, "2024-06-18"),
    ("übermorgen", THU, "2024-06-22"),
    ("Am Vortag hatte Orbán abgesagt.", THU, "2024-06-19"),
    ("gestern", P(2024, 6), "2024-06"),
    ("Vergangene Woche war Modi in Rom.", THU, "2024-06"),
    ("letzte Woche", P(2024, 7, 3), "2024-06"),
    ("diese Woche", THU, "2024-06"),
    ("in der Vorwoche", THU, "2024-06"),
    ("Im vergangenen Jahr wuchs Indiens Wirtschaft.", THU, "2023"),
    ("vergangenes Jahr", P(2024), "2023"),
    ("im Vorjahr", THU, "2023"),
    ("letztes Jahr", THU, "2023"),
    ("In diesem Jahr wählt Südafrika.", THU, "2024"),
    ("dieses Jahr", THU, "2024"),
    ("heuer", THU, "2024"),
    ("im nächsten Jahr", THU, "2025"),
    ("Ende des Jahres", THU, "2024"),
    ("vergangenen Monat", THU, "2024-05"),
    ("im Vormonat", P(2024, 1, 15), "2023-12"),
    ("Anfang des Monats", THU, "2024-06"),
    ("Ende des Monats", THU, "2024-06"),
    ("im kommenden Monat", P(2024, 12), "2025-01"),
    ("Anfang Juni", THU, "2024-06"),
    ("Im September besuchte Lula Paris.", THU, "2023-09"),
    ("Im Juni reiste sie nach Kairo.", THU, "2024-06"),
    ("im Dezember", THU, "2023-12"),
    ("im kommenden Dezember", THU, "2024-12"),
    ("im nächsten Juni", THU, "2025-06"),
    ("im vergangenen Juni", THU, "2023-06"),
    ("im Mai dieses Jahres", THU, "2024-05"),
    ("im Mai vergangenen Jahres", THU, "2023-05"),
    ("im Januar", P(2024), "2024-01"),  # unambiguous even with a year-only date
    ("Bis 26. Juli soll das Ministerium entscheiden.", FRI, "2024-07-26"),
    ("am 2. Januar", P(2023, 12, 20), "2024-01-02"),  # nearest, across the year
    ("am 20. Dezember", THU, "2023-12-20"),  # a tie of 183 days goes to the past
    ("am 26. Juli", P(2024, 3), "2024-07-26"),
    ("am 26. Juli", P(2024), "2024-07-26"),
    ("am 20.6.", P(2024, 6, 25), "2024-06-20"),
]


@pytest.mark.parametrize(("text", "pub", "iso"), RELATIVE)
def test_relative(text: str, pub: PartialDate, iso: str) -> None:
    found = find_dates(text, published=pub)
    assert [(m.span.start.iso(), m.span.end.iso(), m.relative) for m in found] == [  # type: ignore[union-attr]
        (iso, iso, True)
    ]
    assert find_dates(text, published=None) == []


@pytest.mark.parametrize(
    ("text", "pub"),
    [
        ("vergangene Woche", P(2024, 6, 5)),  # 27 May - 2 June: two months
        ("vergangene Woche", P(2024, 6)),  # needs a day
        ("vergangenen Monat", P(2024)),
        ("im Dezember", P(2024)),  # 2023-12 or 2024-12
        ("heute Morgen", None),
        ("Am Morgen", THU),  # the morning, not tomorrow
        ("in den vergangenen Jahren", THU),  # plural: no single year
    ],
)
def test_relative_unresolvable(text: str, pub: PartialDate | None) -> None:
    assert find_dates(text, published=pub) == []


def test_heute_morgen_is_today() -> None:
    assert spans("heute Morgen", THU) == [("heute", "2024-06-20", "2024-06-20", True)]


def test_mixed_article() -> None:
    text = (
        "Bundeskanzler Scholz ist am Montag in Paris eingetroffen. Am Vortag hatte er "
        "mit Premier Trudeau telefoniert, der 2015 bis 2023 viel reiste. Im Jahr 2019 "
        "lag der Handel bei 12,5 Milliarden Euro. (dpa, 18.3.2024)"
    )
    pub = find_dateline(text)
    assert pub == P(2024, 3, 18)  # a Monday
    assert spans(text, pub) == [
        ("am Montag", "2024-03-18", "2024-03-18", True),
        ("Am Vortag", "2024-03-17", "2024-03-17", True),
        ("2015 bis 2023", "2015", "2023", False),
        ("Im Jahr 2019", "2019", "2019", False),
        ("18.3.2024", "2024-03-18", "2024-03-18", False),
    ]
    assert [m.amount for m in find_amounts(text)] == [Amount(Decimal(12500000000), "EUR")]


# ---------------------------------------------------------------------------
# datelines
# ---------------------------------------------------------------------------

DATELINES = [
    ("Text. (APA/Reuters, 2.8.2015)", P(2015, 8, 2)),
    ("A (dpa, 1.2.2020) B (Kim Son Hoang, 21.6.2024)", P(2024, 6, 21)),
    ("date: 2024-06-20\nText", P(2024, 6, 20)),
    ("Datum: 20.06.2024\nText", P(2024, 6, 20)),
    (" date 2024-03 Der Chef der Regierungspartei", P(2024, 3)),
    ("Date: 2019\n", P(2019)),
    ("date: 2024-06-20\nText (dpa, 1.1.2020)", P(2024, 6, 20)),  # the header wins
    ("Text (AFP, 31.2.2024)", None),  # no such day
    ("Text (AFP, 31.2.2024) (dpa, 1.3.2024) (red, 30.2.2024)", P(2024, 3, 1)),
    ("Text (2.8.2015)", None),  # a bare date is no credit line
    ("Nur Text. (Reuters/wg)", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), DATELINES)
def test_find_dateline(text: str, expected: PartialDate | None) -> None:
    assert find_dateline(text) == expected


def test_header_month_is_a_date() -> None:
    assert spans(" date 2024-03 Text", None) == [("2024-03", "2024-03", "2024-03", False)]


# ---------------------------------------------------------------------------
# amounts
# ---------------------------------------------------------------------------

AMOUNTS = [
    ("3,5 Milliarden Dollar", "3,5 Milliarden Dollar", "3500000000", "USD", None),
    ("(mehr als 3,2 Milliarden Euro)", "mehr als 3,2 Milliarden Euro", "3200000000", "EUR", "more than"),
    ("80% der Befragten", "80%", "80", "percent", None),
    ("Die Zölle sinken um bis zu 70 Prozent.", "bis zu 70 Prozent", "70", "percent", "up to"),
    ("Die Grenze ist 1300 Kilometer lang.", "1300 Kilometer", "1300", "km", None),
    ("Nigeria hat rund 100 Millionen Einwohnern mehr.", "rund 100 Millionen Einwohnern", "100000000", "persons", "about"),
    ("Ägypten zählt etwa 110 Mio. Einwohner.", "etwa 110 Mio. Einwohner", "110000000", "persons", "about"),
    ("Der Deal ist $3,5 Mrd. wert.", "$3,5 Mrd.", "3500000000", "USD", None),
    ("Der Deal ist 3,5 Mrd. $ wert.", "3,5 Mrd. $", "3500000000", "USD", None),
    ("Kosten: 1.000.000 Euro", "1.000.000 Euro", "1000000", "EUR", None),
    ("Gebühr 1.000,50 €", "1.000,50 €", "1000.5", "EUR", None),
    ("EUR 2,5 Mio. flossen", "EUR 2,5 Mio.", "2500000", "EUR", None),
    ("5 Billionen Yen", "5 Billionen Yen", "5000000000000", "JPY", None),
    ("500 Millionen Rubel", "500 Millionen Rubel", "500000000", "RUB", None),
    ("nahezu 1,4 Milliarden Yuan", "nahezu 1,4 Milliarden Yuan", "1400000000", "CNY", "almost"),
    ("20 Milliarden Dong", "20 Milliarden Dong", "20000000000", "VND", None),
    ("100 Schweizer Franken", "100 Schweizer Franken", "100", "CHF", None),
    ("3 Pfund Sterling", "3 Pfund Sterling", "3", "GBP", None),
    ("10 Mrd. indische Rupien", "10 Mrd. indische Rupien", "10000000000", "INR", None),
    ("Das kostet 5 USD.", "5 USD", "5", "USD", None),
    ("eine Milliarde Euro", "eine Milliarde Euro", "1000000000", "EUR", None),
    ("3 Tsd. Euro", "3 Tsd. Euro", "3000", "EUR", None),
    ("Die Inflation lag bei 2,4 Prozentpunkten.", "2,4 Prozentpunkten", "2.4", "percentage_points", None),
    ("Fast 50 Tonnen Hilfsgüter kamen an.", "Fast 50 Tonnen", "50", "t", "almost"),
    ("mindestens ein Dutzend Verträge", "mindestens ein Dutzend", "12", None, "at least"),
    ("mit einem Dutzend Ministern", "einem Dutzend", "12", None, None),
    ("zwei Dutzend Staaten", "zwei Dutzend", "24", None, None),
    ("zwölf Prozent", "zwölf Prozent", "12", "percent", None),
    ("achtzehn Monate Haft", "achtzehn Monate", "18", "months", None),
    ("hundert Menschen demonstrierten", "hundert Menschen", "100", "persons", None),
    ("eineinhalb Millionen Menschen", "eineinhalb Millionen Menschen", "1500000", "persons", None),
    ("zweieinhalb Jahre", "zweieinhalb Jahre", "2.5", "years", None),
    ("Die Präsidentin ist 79 Jahre alt.", "79 Jahre", "79", "years", None),
    ("seit 30 Jahren", "30 Jahren", "30", "years", None),
    ("drei Tage lang", "drei Tage", "3", "days", None),
    ("Knapp 100 Menschen kamen.", "Knapp 100 Menschen", "100", "persons", "about"),
    ("gut 5 Prozent", "gut 5 Prozent", "5", "percent", "about"),
    ("ca. 12 Monate", "ca. 12 Monate", "12", "months", "about"),
    ("weit mehr als 10.000 Menschen", "weit mehr als 10.000 Menschen", "10000", "persons", "more than"),
    ("über 80 Prozent", "über 80 Prozent", "80", "percent", "more than"),
    ("weniger als 2 Prozent", "weniger als 2 Prozent", "2", "percent", "less than"),
    ("unter 5 Prozent", "unter 5 Prozent", "5", "percent", "less than"),
    ("höchstens 3 Wochen", "höchstens 3 Wochen", "3", "weeks", "at most"),
    ("beinahe 40 Kilometer", "beinahe 40 Kilometer", "40", "km", "almost"),
    ("Das BIP sank um minus 5 Prozent.", "minus 5 Prozent", "-5", "percent", None),
    ("die 5-Prozent-Hürde", "5-Prozent", "5", "percent", None),
    ("ein 3,5-Milliarden-Dollar-Deal", "3,5-Milliarden-Dollar", "3500000000", "USD", None),
    ("rund 100 Millionen", "rund 100 Millionen", "100000000", None, "about"),
    ("2,5 km", "2,5 km", "2.5", "km", None),
    ("600 Quadratkilometer", "600 Quadratkilometer", "600", "km2", None),
]


@pytest.mark.parametrize(("text", "match", "value", "unit", "qualifier"), AMOUNTS)
def test_amounts(text: str, match: str, value: str, unit: str | None, qualifier: str | None) -> None:
    found = find_amounts(text)
    assert [(m.text, m.amount) for m in found] == [(match, Amount(Decimal(value), unit, qualifier))]
    assert text[found[0].start : found[0].end] == match
    assert parse_amount(text) == Amount(Decimal(value), unit, qualifier)


def test_amount_values_are_exact() -> None:
    (m,) = find_amounts("3,5 Milliarden Dollar")
    assert m.amount.value == Decimal(3500000000)
    assert str(m.amount.value) == "3500000000"  # not 3.5E+9


@pytest.mark.parametrize(
    "text",
    [
        "Am 20.6.2024 um 14.30 Uhr trafen sich 5 Minister.",
        "Im Jahr 2022 stieg der Handel, 2023 sank er.",
        "Trong (79) ist Chef; die G20 tagt.",
        "Dutzende Verträge, Hunderte Gäste und Tausende Menschen.",
        "Er kam in den 1950er-Jahren.",
        "Tausend Dank!",
        "2.000 Soldaten",  # soldiers are no unit
        "Das 80%ige Ergebnis",
        "ein Abkommen und eine Erklärung",
        "",
    ],
)
def test_not_amounts(text: str) -> None:
    assert find_amounts(text) == []


def test_iso_codes_are_case_sensitive() -> None:
    assert find_amounts("they try 5 try") == []
    assert [m.amount.unit for m in find_amounts("5 TRY")] == ["TRY"]


def test_amount_range_keeps_part_with_unit() -> None:
    assert [m.text for m in find_amounts("2 bis 3 Prozent")] == ["3 Prozent"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18", Amount(Decimal(18))),
        ("rund 18", Amount(Decimal(18), None, "about")),
        ("1.300", Amount(Decimal(1300))),
        ("3,25", Amount(Decimal("3.25"))),
        ("zwölf", Amount(Decimal(12))),
        ("minus 4", Amount(Decimal(-4))),
        ("kein Betrag", None),
        ("", None),
        ("Dutzende", None),
    ],
)
def test_parse_amount_bare_numbers(text: str, expected: Amount | None) -> None:
    assert parse_amount(text) == expected


# ---------------------------------------------------------------------------
# number words and ordinals
# ---------------------------------------------------------------------------

NUMBER_WORDS = [
    ("zwölf", 12), ("Zwölf", 12), ("zwoelf", 12), ("achtzehn", 18), ("hundert", 100),
    ("einhundert", 100), ("tausend", 1000), ("null", 0), ("eins", 1), ("ein", 1),
    ("einem", 1), ("sieben", 7), ("siebzehn", 17), ("sechzig", 60), ("dreißig", 30),
    ("dreissig", 30), ("einundzwanzig", 21), ("neunundneunzig", 99),
    ("zweihundertdreiundvierzig", 243), ("hunderteins", 101),
    ("dreitausendfünfhundert", 3500), ("zweitausendvierundzwanzig", 2024),
    ("ein Dutzend", 12), ("einem Dutzend", 12), ("zwei Dutzend", 24), ("Dutzend", 12),
    ("ein halbes Dutzend", 6), ("eine Million", 10**6), ("drei Millionen", 3 * 10**6),
    ("zwei Milliarden", 2 * 10**9), ("18", 18), ("1.300", 1300), ("1.000.000", 10**6),
    ("Dutzende", None), ("Hunderte", None), ("Tausende", None), ("Hunderttausende", None),
    ("Millionen", None), ("und", None), ("einund", None), ("zweiund", None),
    ("siebenzehn", None), ("hundertein", None), ("drei Million", None), ("3,5", None),
    ("Haus", None), ("", None), ("   ", None), ("eins zwei", None),
]


@pytest.mark.parametrize(("word", "expected"), NUMBER_WORDS)
def test_parse_number_word(word: str, expected: int | None) -> None:
    assert parse_number_word(word) == expected


@pytest.mark.parametrize("n", [*range(130), 200, 999, 1000, 1001, 2024, 9999, 12345, 999999])
def test_number_words_round_trip(n: int) -> None:
    assert parse_number_word(_spell(n)) == n


def _spell(n: int) -> str:
    """German number words (reference implementation for the tests)."""
    units = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
    teens = ["zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn",
             "siebzehn", "achtzehn", "neunzehn"]
    tens = ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig",
            "achtzig", "neunzig"]

    def lt100(k: int, final: bool) -> str:
        if k < 10:
            return units[k] if final or k != 1 else "ein"
        if k < 20:
            return teens[k - 10]
        t, u = divmod(k, 10)
        return tens[t] if u == 0 else ("ein" if u == 1 else units[u]) + "und" + tens[t]

    def lt1000(k: int) -> str:
        h, r = divmod(k, 100)
        head = "" if h == 0 else ("ein" if h == 1 else units[h]) + "hundert"
        return head + ("" if r == 0 else lt100(r, True))

    if n == 0:
        return "null"
    th, r = divmod(n, 1000)
    head = "" if th == 0 else ("ein" if th == 1 else lt1000(th)) + "tausend"
    return head + ("" if r == 0 else lt1000(r))


ORDINALS = [
    ("fünfte", 5), ("fünften", 5), ("Fünfter", 5), ("ersten", 1), ("erste", 1),
    ("zweite", 2), ("dritte", 3), ("dritten", 3), ("vierte", 4), ("sechste", 6),
    ("siebte", 7), ("siebente", 7), ("achte", 8), ("achten", 8), ("neunte", 9),
    ("zehnte", 10), ("elfte", 11), ("zwölfte", 12), ("dreizehnte", 13), ("neunzehnte", 19),
    ("zwanzigste", 20), ("einundzwanzigsten", 21), ("dreißigste", 30), ("sechzigste", 60),
    ("hundertste", 100), ("hunderterste", 101), ("tausendste", 1000), ("5.", 5),
    ("1.", 1), ("21.", 21), ("5", None), ("Beste", None), ("letzte", None),
    ("Gute", None), ("Stelle", None), ("", None), ("te", None), ("ste", None),
]


@pytest.mark.parametrize(("word", "expected"), ORDINALS)
def test_parse_ordinal(word: str, expected: int | None) -> None:
    assert parse_ordinal(word) == expected


# ---------------------------------------------------------------------------
# formatting
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (P(2024, 6, 20), "20. Juni 2024"),
        (P(2024, 6), "Juni 2024"),
        (P(2024), "2024"),
        (P(1999, 3, 1), "1. März 1999"),
    ],
)
def test_format_date_de(date: PartialDate, text: str) -> None:
    assert format_date_de(date) == text


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Amount(Decimal(3500000000), "USD"), "3,5 Milliarden US-Dollar"),
        (Amount(Decimal(80), "percent"), "80 Prozent"),
        (Amount(Decimal(100000000), None, "about"), "rund 100 Millionen"),
        (Amount(Decimal(1300), "km"), "1.300 Kilometer"),
        (Amount(Decimal(1000000), "persons"), "1 Million Menschen"),
        (Amount(Decimal(1), "years"), "1 Jahr"),
        (Amount(Decimal("2.5"), "years", "more than"), "mehr als 2,5 Jahre"),
        (Amount(Decimal(1234567), "EUR"), "1.234.567 Euro"),
        (Amount(Decimal(-5), "percent"), "minus 5 Prozent"),
        (Amount(Decimal(12), None, "at least"), "mindestens 12"),
        (Amount(Decimal(70), "percent", "up to"), "bis zu 70 Prozent"),
    ],
)
def test_format_amount_de(amount: Amount, text: str) -> None:
    assert format_amount_de(amount) == text
    assert parse_amount(text) == amount


# ---------------------------------------------------------------------------
# names
# ---------------------------------------------------------------------------

NAMES = [
    ("Tô Lâm", "to lam", "to-lam"),
    ("To Lam", "to lam", "to-lam"),
    ("Nguyễn Phú Trọng", "nguyen phu trong", "nguyen-phu-trong"),
    ("Đà Nẵng", "da nang", "da-nang"),
    ("Emmanuel Macron", "emmanuel macron", "emmanuel-macron"),
    ("  Recep   Tayyip\tErdoğan ", "recep tayyip erdogan", "recep-tayyip-erdogan"),
    ("Lech Wałęsa", "lech walesa", "lech-walesa"),
    ("Søren Kierkegaard", "soren kierkegaard", "soren-kierkegaard"),
    ("Straße des 17. Juni", "strasse des 17. juni", "strasse-des-17-juni"),
    ("São Paulo", "sao paulo", "sao-paulo"),
    ("Jean-Marie Le Pen", "jean-marie le pen", "jean-marie-le-pen"),
    ("Владимир Путин", "владимир путин", "vladimir-putin"),
    ("Ελλάδα", "ελλαδα", "ellada"),
    ("习近平", "习近平", "u4e60-u8fd1-u5e73"),
    ("", "", ""),
]


@pytest.mark.parametrize(("name", "folded", "key"), NAMES)
def test_fold_and_entity_key(name: str, folded: str, key: str) -> None:
    assert fold(name) == folded
    assert entity_key(name) == key


# ---------------------------------------------------------------------------
# seeds
# ---------------------------------------------------------------------------


@pytest.mark.skipif(not SEEDS, reason="no seed articles")
def test_seed_article_dates_and_amounts() -> None:
    by_stem = {Path(p).stem[:3]: Path(p).read_text(encoding="utf-8") for p in SEEDS}
    text = by_stem["003"]
    pub = find_dateline(text)
    assert pub == P(2024, 6, 21)
    got = spans(text, pub)
    assert ("von 2017 bis 2021", "2017", "2021", False) in got
    assert ("von Freitag bis Samstag", "2024-06-21", "2024-06-22", True) in got
    assert ("im Dezember", "2023-12", "2023-12", True) in got
    assert ("26. Juli", "2024-07-26", "2024-07-26", True) in got
    text = by_stem["002"]
    pub = find_dateline(text)
    assert pub == P(2024, 3)
    got = spans(text, pub)
    assert ("am Dienstag", "2024-03", "2024-03", True) in got
    assert ("2018 bis 2021", "2018", "2021", False) in got
    assert ("im März 2023", "2023-03", "2023-03", False) in got
    assert [m.amount for m in find_amounts(text)] == [
        Amount(Decimal(100000000), "persons", "about")
    ]


# ---------------------------------------------------------------------------
# properties
# ---------------------------------------------------------------------------

pub_dates = st.one_of(
    st.none(),
    st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)).map(lambda x: P(x.year, x.month, x.day)),
    st.builds(P, st.integers(1900, 2099), st.integers(1, 12)),
    st.builds(P, st.integers(1900, 2099)),
)

WORDS = (
    "am im vom von bis zwischen dem und der den in des seit ab Anfang Mitte Ende "
    "vergangenen letzten kommenden nächsten diesen dieses Jahres Jahr Jahre Jahren Monat "
    "Monats Woche Vorjahr Vortag Vormonat heute gestern morgen Morgen heuer Januar März "
    "Mai Juni Dezember Jan. Okt. Montag Donnerstag Freitagabend 2024 1950 1950er 90er "
    "-Jahre 20. 3. 5 5. 20.6. 20.6.2024 2024-06-20 date Datum: rund mehr als über unter "
    "bis zu mindestens fast ein eine zwei zwölf hundert Dutzend Dutzende Millionen "
    "Milliarden Mrd. Mio. Tausend Prozent % Euro Dollar US-Dollar $ € USD EUR try "
    "Kilometer km Menschen Einwohnern Tage Tag , . ( ) - – / 3,5 1.300 1300 14.30 Uhr "
    "minus Nr. Soldaten x Haus İ"
).split()
german_like = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", " ", " ", "", "  ", "\n", ", ", ". "])),
    max_size=40,
).map(lambda parts: "".join(w + s for w, s in parts))


@KG
@given(st.text(), pub_dates)
def test_total_on_arbitrary_text(text: str, pub: PartialDate | None) -> None:
    for m in find_dates(text, published=pub):
        assert text[m.start : m.end] == m.text
        assert isinstance(m.span, TimeSpan)
    for a in find_amounts(text):
        assert text[a.start : a.end] == a.text
    parse_date(text, published=pub)
    parse_amount(text)
    parse_number_word(text)
    parse_ordinal(text)
    find_dateline(text)
    fold(text)
    entity_key(text)


@KG
@given(german_like, pub_dates)
def test_total_on_german_like_text(text: str, pub: PartialDate | None) -> None:
    dates = find_dates(text, published=pub)
    amounts = find_amounts(text)
    for ms in (dates, amounts):
        for a, b in itertools.pairwise(ms):
            assert a.end <= b.start  # sorted, never overlapping
        for m in ms:
            assert text[m.start : m.end] == m.text
    for m in dates:
        s, e = m.span.start, m.span.end
        assert s is not None and e is not None
        assert N._lo(s) <= N._hi(e)
        if pub is None:
            assert not m.relative


garbage = st.text(alphabet=st.sampled_from(list("xqzXQZ !?;:_()[]{}<>|~^*#@'\"\t\n")), max_size=80)


@KG
@given(garbage)
def test_garbage_gives_nothing(text: str) -> None:
    assert find_dates(text, published=THU) == []
    assert find_amounts(text) == []
    assert parse_date(text, published=THU) is None
    assert parse_amount(text) is None
    assert parse_number_word(text) is None
    assert parse_ordinal(text) is None
    assert find_dateline(text) is None


partial_dates = st.one_of(
    st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)).map(lambda x: P(x.year, x.month, x.day)),
    st.builds(P, st.integers(1900, 2099), st.integers(1, 12)),
    st.builds(P, st.integers(1900, 2099)),
)


@KG
@given(partial_dates, pub_dates)
def test_date_round_trip(date: PartialDate, pub: PartialDate | None) -> None:
    span = parse_date(format_date_de(date), published=pub)
    assert span is not None
    assert span.start == date
    assert span.end == date
    (m,) = find_dates(f"Das war {format_date_de(date)}.", published=pub)
    assert m.span.start == date and not m.relative


UNITS = [None, *sorted(N._UNIT_WORDS_DE)]
QUALIFIERS = [None, *sorted(N._QUALIFIER_DE)]


@st.composite
def amounts(draw: st.DrawFn) -> Amount:
    mantissa = draw(st.integers(0, 10**9))
    exponent = draw(st.sampled_from([0, 0, -1, -2, -3, 6, 9, 12]))
    value = Decimal(mantissa).scaleb(exponent)
    if draw(st.booleans()) and draw(st.booleans()):
        value = -value
    return Amount(value, draw(st.sampled_from(UNITS)), draw(st.sampled_from(QUALIFIERS)))


@KG
@given(amounts())
def test_amount_round_trip(amount: Amount) -> None:
    text = format_amount_de(amount)
    assert parse_amount(text) == amount, text
    if amount.unit is not None:
        (m,) = find_amounts(f"Es waren {text} im Jahr.")
        assert m.amount == amount


@KG
@given(st.integers(1900, 2099), st.integers(1, 12), pub_dates)
def test_month_input_gives_month_precision(year: int, month: int, pub: PartialDate | None) -> None:
    name = N._MONTHS[month - 1]
    for text in (f"{name} {year}", f"im {name} {year}", f"Ende {name} {year}"):
        span = parse_date(text, published=pub)
        assert span == TimeSpan(P(year, month), P(year, month))
    if pub is not None:
        span = parse_date(f"im {name}", published=pub)
        if span is not None:  # only a year-only publication date may leave it open
            assert span.start is not None
            assert span.start.month == month and span.start.day is None
        else:
            assert pub.month is None


@KG
@given(st.sampled_from(sorted(N._WEEKDAYS)), pub_dates)
def test_weekday_precision(name: str, pub: PartialDate | None) -> None:
    found = find_dates(f"Am {name.capitalize()} kam der Premier.", published=pub)
    if pub is None:
        assert found == []
        return
    (m,) = found
    start = m.span.start
    assert start is not None and m.relative
    if pub.month is None:
        assert start == P(pub.year)
    elif pub.day is None:
        assert start == P(pub.year, pub.month)
    else:
        assert start.day is not None
        got = dt.date(start.year, start.month, start.day)  # type: ignore[arg-type]
        assert got.weekday() == N._WEEKDAYS[name]


@KG
@given(st.text())
def test_fold_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@KG
@given(st.text(st.characters(max_codepoint=127)))
def test_fold_ascii_fast_path_agrees(text: str) -> None:
    assert fold(text) == N._fold_unicode(text)


@KG
@given(st.text())
def test_entity_key_idempotent_and_ascii(text: str) -> None:
    key = entity_key(text)
    assert entity_key(key) == key
    assert key.isascii()
    assert key == key.strip("-") and "--" not in key


latin = st.characters(min_codepoint=0x41, max_codepoint=0x24F, categories=("Lu", "Ll")) | st.characters(
    min_codepoint=0x1E00, max_codepoint=0x1EFF, categories=("Lu", "Ll")
)
name_words = st.lists(st.text(latin, min_size=1, max_size=10), min_size=1, max_size=4)


@KG
@given(name_words, st.lists(st.sampled_from([" ", "  ", "\t", "\n", "\u00a0"]), min_size=5, max_size=5))
def test_entity_key_invariant_under_case_and_whitespace(words: list[str], seps: list[str]) -> None:
    name = " ".join(words)
    spaced = seps[0] + "".join(w + s for w, s in zip(words, seps[1:] * 4, strict=False))
    key = entity_key(name)
    assert entity_key(name.upper()) == key
    assert entity_key(name.lower()) == key
    assert entity_key(name.title()) == key
    assert entity_key(spaced) == key


@KG
@given(
    st.lists(st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=1, max_size=8), min_size=1, max_size=4),
    st.data(),
)
def test_entity_key_invariant_under_diacritics(words: list[str], data: st.DataObject) -> None:
    marks = st.sampled_from(["", "", "\u0300", "\u0301", "\u0302", "\u0303", "\u0308", "\u0323", "\u0309", "\u030c"])
    name = " ".join(words)
    decorated = "".join(c + data.draw(marks) for c in name)
    for form in ("NFC", "NFD", "NFKC"):
        variant = unicodedata.normalize(form, decorated)
        assert entity_key(variant) == entity_key(name) == "-".join(words)
        assert fold(variant) == name


@KG
@given(german_like)
def test_anchored_scan_equals_full_scan(text: str) -> None:
    """The trigger-anchored scan finds exactly what a plain finditer finds."""

    def full(pattern, t, *args, **kwargs):  # type: ignore[no-untyped-def]
        return list(pattern.finditer(t))

    fast = (find_dates(text, published=THU), find_amounts(text))
    real = S._scan
    S._scan = full  # type: ignore[assignment]
    try:
        slow = (find_dates(text, published=THU), find_amounts(text))
    finally:
        S._scan = real
    assert fast == slow


@pytest.mark.skipif(not SEEDS, reason="no seed articles")
def test_anchored_scan_equals_full_scan_on_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [Path(p).read_text(encoding="utf-8") for p in SEEDS]
    fast = [(find_dates(t, published=THU), find_amounts(t)) for t in texts]
    monkeypatch.setattr(S, "_scan", lambda pattern, t, *a, **k: list(pattern.finditer(t)))
    slow = [(find_dates(t, published=THU), find_amounts(t)) for t in texts]
    assert fast == slow
