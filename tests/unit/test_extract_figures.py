"""Figures bound to an actor: counts of the dead, arrested and protesting,
seats and votes, money given, ages and durations (kg/extract/figures.py).

Sentences of our own about states and people outside the development
articles; the pipeline runs without the statistical NER, so only gazetteer
names are entities.
"""

from __future__ import annotations

import pytest

from kg.model import FactKind, Role

from extract_helpers import claims_of, names


def quantities(resources, text):
    return claims_of(resources, text, kind=FactKind.QUANTITY)


def row(q):
    return (names(q, Role.SUBJECT), q.attribute("value"), q.attribute("measure"), q.attribute("unit"),
            q.attribute("qualifier"))


@pytest.mark.parametrize(("text", "expected"), [
    # deaths in a named city, hedged number word
    ("Bei einem Anschlag in Bamako sind mindestens zwölf Menschen getötet worden.",
     ({"Bamako"}, "12", "deaths", "persons", "at least")),
    # victims named after their state (a demonym)
    ("Bei dem Angriff kamen drei Nigerianer ums Leben.", ({"Nigeria"}, "3", "deaths", None, None)),
    # arrests in a state
    ("In Ecuador wurden rund 40 Oppositionelle festgenommen.", ({"Ecuador"}, "40", "arrests", None, "about")),
    # protesters in a city, thousands with a dot
    ("In Quito demonstrierten am Sonntag mehr als 8.000 Menschen gegen die Regierung.",
     ({"Quito"}, "8000", "protesters", "persons", "more than")),
])
def test_event_counts_belong_to_the_place_or_group(resources_no_ner, text, expected):
    assert expected in [row(q) for q in quantities(resources_no_ner, text)]


@pytest.mark.parametrize(("text", "expected"), [
    # seats won by the subject of the clause
    ("Die SPD kam bei der Wahl auf 120 Sitze.", ({"SPD"}, "120", "seats", "seats", None)),
    # money a state gives
    ("Kenia stellt 4,5 Millionen Euro für die Flüchtlingshilfe bereit.",
     ({"Kenia"}, "4500000", None, "EUR", None)),
    # a scaled number without a unit is a figure too
    ("Peru will sich mit 2,5 Millionen an dem Fonds beteiligen.", ({"Peru"}, "2500000", None, None, None)),
    # a duration after "seit"
    ("Die SPD regiert das Land seit zwölf Jahren.", ({"SPD"}, "12", "duration", "years", None)),
    # a share of a state's companies: the genitive owner
    ("Rund 40 Prozent der Unternehmen Perus gehören dem Staat.", ({"Peru"}, "40", None, "percent", "about")),
])
def test_results_and_possessions_belong_to_the_subject(resources_no_ner, text, expected):
    assert expected in [row(q) for q in quantities(resources_no_ner, text)]


def test_relative_clause_figure_belongs_to_its_antecedent(resources_no_ner):
    text = "Gewonnen hat die SPD, die bei der Wahl 21 Prozent der Stimmen erhielt."
    assert ({"SPD"}, "21", "vote_share", "percent", None) in [
        row(q) for q in quantities(resources_no_ner, text)]


def test_age_of_the_person_named_before(resources_no_ner):
    text = "Olaf Scholz sprach am Montag in Nairobi. Der 66-Jährige reiste danach weiter nach Mombasa."
    ages = [q for q in quantities(resources_no_ner, text) if q.attribute("measure") == "age"]
    assert [(names(q, Role.SUBJECT), q.attribute("value")) for q in ages] == [({"Olaf Scholz"}, "66")]


@pytest.mark.parametrize("text", [
    # a time before now dates something; it is no figure
    ("Kenia hat vor zwölf Jahren die Verfassung geändert."),
    # article and page numbers name, they do not count
    ("Peru beruft sich auf Artikel 50 des Vertrags."),
    # a year and a time of day
    ("Ecuador trat 1990 um 14 Uhr dem Bündnis bei."),
    # where something happens is not who has it
    ("In Kenia gibt es 47 Bezirke."),
    # the total of a result is not the party's
    ("Die SPD gewann 119 von 350 Mandaten.") ,
    ("Die SPD kam auf 119 der 350 Sitze.") ,
])
def test_no_figure(resources_no_ner, text):
    rows = [row(q) for q in quantities(resources_no_ner, text)]
    assert all(r[1] not in ("12", "50", "1990", "14", "47", "350") for r in rows), rows


def test_a_converted_amount_is_not_a_second_figure(resources_no_ner):
    text = "Kenia hat drei Millionen Dollar (2,7 Millionen Euro) erhalten."
    assert [row(q)[1] for q in quantities(resources_no_ner, text)] == ["3000000"]


def test_source_of_a_report_is_not_the_subject(resources_no_ner):
    text = "Der Wahlkampf wird der SPD zufolge zu 30 Prozent mit Spenden finanziert."
    assert quantities(resources_no_ner, text) == []


def test_an_anniversary_is_no_age(resources_no_ner):
    text = "Olaf Scholz sprach in Nairobi. Gefeiert wird das 30-jährige Bestehen des Vertrags."
    assert not any(q.attribute("measure") == "age" for q in quantities(resources_no_ner, text))


def test_a_count_of_agreements_is_no_figure(resources_no_ner):
    text = "Emmanuel Macron hat in Quito mindestens ein Dutzend Abkommen unterzeichnet."
    assert quantities(resources_no_ner, text) == []


def test_unplaced_event_belongs_to_the_state_the_article_is_about(resources_no_ner):
    text = ("Ecuador erlebt eine Welle der Gewalt. Die Regierung Ecuadors rief den Notstand aus. "
            "Bei Gefechten mit Banden wurden fast 30 Menschen getötet.")
    assert ({"Ecuador"}, "30", "deaths", "persons", "almost") in [row(q) for q in quantities(resources_no_ner, text)]


def test_a_border_is_not_the_place_of_an_event(resources_no_ner):
    text = "Nahe der kenianischen Grenze wurden 14 Menschen getötet."
    assert not any(names(q, Role.SUBJECT) == {"Kenia"} for q in quantities(resources_no_ner, text))


def test_forecast_from_one_figure_to_another(resources_no_ner):
    text = ("Peru steckt in der Krise. Die Regierung Perus gibt sich zuversichtlich. "
            "Eine Ratingagentur hat ihre Wachstumsprognose für Peru von drei auf 2,5 Prozent gesenkt.")
    rows = [row(q) for q in quantities(resources_no_ner, text)]
    assert {r[1] for r in rows if r[0] == {"Peru"} and r[2] == "growth_forecast"} == {"3", "2.5"}, rows


def test_weight_in_kilograms(resources_no_ner):
    text = "Laut seinem Arzt hat Emmanuel Macron fast sieben Kilogramm abgenommen."
    assert ({"Emmanuel Macron"}, "7", None, "kg", "almost") in [row(q) for q in quantities(resources_no_ner, text)]


def test_a_compound_on_a_name_owns_the_figure(resources_no_ner):
    text = "Insgesamt verfügen die Kenia-Streitkräfte über 40 Kampfhubschrauber."
    assert ({"Kenia"}, "40") in [row(q)[:2] for q in quantities(resources_no_ner, text)]


def test_the_receiver_of_a_passive_is_not_the_giver(resources_no_ner):
    text = "Der Kenia-Fonds soll mit drei Millionen unterstützt werden."
    assert quantities(resources_no_ner, text) == []


def test_a_figure_after_am_is_not_owned(resources_no_ner):
    text = "Die Beteiligung orientiert sich am Anteil am Peru-Budget von 2,3 Prozent."
    assert quantities(resources_no_ner, text) == []


def test_the_government_is_the_state_of_the_article(resources_no_ner):
    text = ("Kenia hilft den Nachbarn. Die Regierung hatte erst im Oktober 600.000 Euro "
            "für internationale Organisationen zugesagt.")
    assert ({"Kenia"}, "600000", "aid", "EUR", None) in [row(q) for q in quantities(resources_no_ner, text)]


def test_event_placed_by_the_sentence_before(resources_no_ner):
    text = ("Die Armee hat ein Lager in der Nähe von Bamako angegriffen. "
            "Dabei kamen 49 Menschen ums Leben.")
    assert ({"Bamako"}, "49", "deaths", "persons", None) in [row(q) for q in quantities(resources_no_ner, text)]


def test_a_closing_source_does_not_block_the_state_of_the_article(resources_no_ner):
    text = ("Kenia verhandelt mit der EU. Die Zölle in Kenia steigen. Kenia klagt. "
            "Die Einfuhrzölle beliefen sich auf jährlich neun Milliarden Euro, sagte Emmanuel Macron.")
    assert ({"Kenia"}, "9000000000") in [row(q)[:2] for q in quantities(resources_no_ner, text)]


def test_partitive_count(resources_no_ner):
    text = "Insgesamt verfügen die Kenia-Streitkräfte über 180 dieser Maschinen."
    assert ({"Kenia"}, "180") in [row(q)[:2] for q in quantities(resources_no_ner, text)]


def test_deaths_at_protests_are_deaths(resources_no_ner):
    text = "Bei den Protesten in Quito waren mehr als 30 Menschen getötet worden."
    assert [row(q)[2] for q in quantities(resources_no_ner, text)] == ["deaths"]


def test_buildings_hit_somewhere(resources_no_ner):
    text = "Nach Angaben der Helfer wurden in Bamako mindestens fünf Krankenhäuser getroffen."
    assert ({"Bamako"}, "5", "targets_hit", None, "at least") in [row(q) for q in quantities(resources_no_ner, text)]


def test_attackers_are_not_targets_hit(resources_no_ner):
    text = "30 Kampfjets bombardierten Stellungen in Bamako."
    assert not any(row(q)[2] == "targets_hit" for q in quantities(resources_no_ner, text))


def test_a_demonym_counted_in_millions_is_a_population(resources_no_ner):
    text = "60 Prozent der 20 Millionen Malier leben auf dem Land."
    rows = [row(q) for q in quantities(resources_no_ner, text)]
    assert ({"Mali"}, "20000000", "population", "persons", None) in rows, rows


def test_counted_things_of_a_state_named_by_its_adjective(resources_no_ner):
    text = "Bis 2030 schließt die Regierung alle drei kenianischen Konsulate in Europa."
    assert ({"Kenia"}, "3") in [row(q)[:2] for q in quantities(resources_no_ner, text)]


def test_a_party_in_brackets_is_not_the_owner(resources_no_ner):
    text = "Olaf Scholz (SPD) will 40 Millionen Euro einsparen."
    assert [names(q, Role.SUBJECT) for q in quantities(resources_no_ner, text)] == [{"Olaf Scholz"}]


def test_a_part_of_the_figure_before(resources_no_ner):
    text = ("Insgesamt 300 Millionen Dollar kann Kenia nun für die Armee ausgeben. "
            "Mindestens 60 Millionen Dollar davon sind für Waffen reserviert.")
    rows = [row(q)[:2] for q in quantities(resources_no_ner, text)]
    assert ({"Kenia"}, "300000000") in rows and ({"Kenia"}, "60000000") in rows, rows


@pytest.mark.parametrize(("text", "expected"), [
    ("Nach Angaben der Polizei wurden in Quito 12 Demonstranten festgenommen.",
     ({"Quito"}, "12", "arrests", None, None)),
    ("Der Konflikt in Mali kostete seit 2012 mehr als 20.000 Menschen das Leben.",
     ({"Mali"}, "20000", "deaths", "persons", "more than")),
    ("Die Wahlbeteiligung in Ecuador lag bei 60 Prozent.", ({"Ecuador"}, "60", None, "percent", None)),
    ("Kenia hat im vergangenen Jahr rund eine Million Flüchtlinge aufgenommen.",
     ({"Kenia"}, "1000000", "refugees", None, "about")),
    ("Nigeria schickt 3000 Soldaten nach Mali.", ({"Nigeria"}, "3000", "troops", "soldiers", None)),
])
def test_what_befell_counted_people(resources_no_ner, text, expected):
    assert expected in [row(q) for q in quantities(resources_no_ner, text)]


def test_refugees_of_a_place(resources_no_ner):
    text = "In Mali sind mehr als vier Millionen Menschen auf der Flucht."
    assert ({"Mali"}, "4000000", "refugees", "persons", "more than") in [
        row(q) for q in quantities(resources_no_ner, text)]


def test_troops_in_a_place_are_not_the_place(resources_no_ner):
    text = "Nach dem Abzug aus Mali bleiben dort 3000 Soldaten."
    assert not any(names(q, Role.SUBJECT) == {"Mali"} for q in quantities(resources_no_ner, text))


def test_deaths_among_the_victims(resources_no_ner):
    text = "Ecuador trauert. In Ecuador herrscht Angst. Unter den Opfern seien drei Soldaten, hieß es aus Ecuador."
    assert ({"Ecuador"}, "3", "deaths") in [row(q)[:3] for q in quantities(resources_no_ner, text)]


def test_the_agent_of_a_passive_gives(resources_no_ner):
    text = "Insgesamt wurden für die Hilfe von den Kenia-Behörden 1,2 Milliarden Euro versprochen."
    assert ({"Kenia"}, "1200000000") in [row(q)[:2] for q in quantities(resources_no_ner, text)]


def test_relative_clause_after_a_verb_particle(resources_no_ner):
    text = "Die Beiträge gehen auf einen Vorschlag der SPD zurück, die jeweils 500 Millionen gefordert hatte."
    assert ({"SPD"}, "500000000") in [row(q)[:2] for q in quantities(resources_no_ner, text)]


def test_a_list_of_parts_after_davon(resources_no_ner):
    text = ("Kenia will sich mit 11 Millionen am Fonds beteiligen. "
            "Die gleiche Summe soll an andere gehen, davon 5,5 Millionen für Schulen und fünf Millionen für Spitäler.")
    rows = [row(q)[:2] for q in quantities(resources_no_ner, text)]
    assert {("5500000"), ("5000000")} <= {v for n, v in rows if n == {"Kenia"}}, rows


def test_money_for_a_recipient(resources_no_ner):
    (q,) = quantities(resources_no_ner, "Kenia stellt 4,5 Millionen Euro für Mali bereit.")
    assert names(q, Role.OF) == {"Mali"}


@pytest.mark.parametrize(("text", "expected"), [
    # a subject called by age stands for the person named before
    ("Der Arzt untersuchte Karl Brenner. Der 68-Jährige habe in den vergangenen 20 Jahren nie gefehlt.",
     ({"Karl Brenner"}, "20", "duration", "years", None)),
    # a bare time span before the participle it lasts
    ("Anna Berger traf in Bamako ein. Dort wurde die 61-Jährige knapp drei Stunden von Journalisten befragt.",
     ({"Anna Berger"}, "3", "duration", "hours", "about")),
])
def test_durations_of_a_person_called_by_age(resources_no_ner, text, expected):
    assert expected in [row(q) for q in quantities(resources_no_ner, text)]


@pytest.mark.parametrize("text", [
    # a time span before "nach" dates something; nobody lasts it
    "Drei Tage nach der Wahl wurde der 61-Jährige in Bamako festgenommen.",
    # a time span after a preposition that dates ("vor")
    "Die 61-Jährige wurde vor drei Stunden in Bamako gesehen.",
])
def test_time_spans_that_date_are_no_durations(resources_no_ner, text):
    assert not [q for q in quantities(resources_no_ner, text) if q.attribute("unit") == "hours"
                or q.attribute("measure") == "duration"]


def test_poll_result_belongs_to_the_pollster(resources_no_ner):
    text = "Die Regierungspartei kommt laut einer neuen Ipsos-Umfrage für die Zeitung auf 38 Prozent."
    assert ({"Ipsos"}, "38", "poll_result", "percent", None) in [row(q) for q in quantities(resources_no_ner, text)]


def test_victims_of_an_attack_on_a_place_belong_to_the_target(resources_no_ner):
    text = "Bei dem Luftangriff auf die Stadt Bamako im Süden Malis wurden mindestens 15 Menschen getötet."
    assert ({"Bamako"}, "15", "deaths", "persons", "at least") in [row(q) for q in quantities(resources_no_ner, text)]


def test_body_named_by_abbreviation_in_brackets_owns_its_seats(resources_no_ner):
    text = "Bei der Wahl hatte die christdemokratische Sammelbewegung (CDU) von Anna Berger 200 von 600 Mandaten gewonnen."
    assert ({"CDU"}, "200", "seats", None, None) in [row(q) for q in quantities(resources_no_ner, text)]


@pytest.mark.parametrize(("text", "expected"), [
    # "die N Kilometer südlich von X gelegene Stadt Y": Y's distance
    ("Die Armee rückte auf die rund 40 Kilometer südlich von der Hauptstadt gelegene Stadt Bamako vor.",
     ({"Bamako"}, "40", "distance", "km", "about")),
    # "Y liegt N Kilometer von X entfernt"
    ("Bamako liegt 25 Kilometer entfernt von der Küste.", ({"Bamako"}, "25", "distance", "km", None)),
])
def test_distance_of_a_placed_town(resources_no_ner, text, expected):
    assert expected in [row(q) for q in quantities(resources_no_ner, text)]


def test_kilometres_without_a_placed_town_are_no_figure(resources_no_ner):
    text = "Die Demonstranten marschierten 20 Kilometer durch Bamako."
    assert not [q for q in quantities(resources_no_ner, text) if q.attribute("unit") == "km"]


def test_government_named_by_its_seat_owns_the_count(resources_no_ner):
    text = "Am Montag kündigte die Regierung in Bamako den Bau von drei Krankenhäusern an."
    assert ({"Mali"}, "3", None, None, None) in [row(q) for q in quantities(resources_no_ner, text)]


def test_single_person_listed_after_a_count_shares_it(resources_no_ner):
    text = "Bei dem Anschlag in Bamako wurden zwölf Touristen und ein Soldat getötet."
    rows = [row(q) for q in quantities(resources_no_ner, text)]
    assert ({"Bamako"}, "12", "deaths", None, None) in rows
    assert ({"Bamako"}, "1", "deaths", None, None) in rows


def test_single_person_after_a_verb_is_no_count(resources_no_ner):
    text = "In Bamako wurden zwölf Touristen getötet und ein Soldat schwer verletzt."
    assert "1" not in [q.attribute("value") for q in quantities(resources_no_ner, text)]


def test_agentless_passive_plan_belongs_to_the_announcing_state(resources_no_ner):
    text = "Kenia hatte am Montag mitgeteilt, es sollten im Norden 300 Soldaten stationiert werden."
    rows = [row(q) for q in quantities(resources_no_ner, text)]
    assert ({"Kenia"}, "300", "troops", "soldiers", None) in rows


@pytest.mark.parametrize("text", [
    # the reported clause names its own actor
    "Anna Berger hatte mitgeteilt, Kenia werde 300 Soldaten entsenden.",
    # the passive names its agent
    "Anna Berger hatte mitgeteilt, es sollten 300 Soldaten von der Armee geschickt werden.",
])
def test_announcer_only_for_agentless_passives(resources_no_ner, text):
    rows = [row(q) for q in quantities(resources_no_ner, text)]
    assert not [r for r in rows if r[0] in ({"Anna Berger"}, {"Deutschland"})]


def test_staff_belong_to_the_reporting_organisation(resources_no_ner):
    text = ("Das Spital in Bamako wird von der Organisation Ärzte ohne Grenzen betrieben. "
            "Mindestens vier Mitarbeiter seien getötet worden, erklärte die Organisation. "
            "Zwei Mitarbeiter werden demnach vermisst.")
    rows = [row(q) for q in quantities(resources_no_ner, text)]
    assert ({"Ärzte ohne Grenzen"}, "4", "deaths", None, "at least") in rows
    assert ({"Ärzte ohne Grenzen"}, "2", "missing", None, None) in rows


def test_noun_after_a_time_span_is_not_what_it_counts(resources_no_ner):
    text = "Er ist seit 100 Tagen Gouverneur der Region Bamako."
    assert not [q for q in quantities(resources_no_ner, text) if names(q, Role.SUBJECT) & {"Bamako", "Mali"}]


def test_killings_by_a_pronoun_subject_are_not_the_article_state(resources_no_ner):
    text = ("Mali kämpft gegen Milizen. In Mali herrscht Krieg. Mali bittet um Hilfe. "
            "Sie sollen mehr als 100 Kämpfer getötet haben.")
    assert not [q for q in quantities(resources_no_ner, text) if q.attribute("value") == "100"]


def test_members_of_the_alliance_named_before(resources_no_ner):
    text = "Die Nato tagt in Brüssel. Im Militärbündnis aus 30 Staaten gibt es Streit."
    assert ({"Nato"}, "30", "member_states", None, None) in [row(q) for q in quantities(resources_no_ner, text)]


def test_states_counted_without_an_alliance_noun_are_no_members(resources_no_ner):
    text = "Die Nato tagt in Brüssel. Aus 30 Staaten kamen Delegationen."
    assert not [q for q in quantities(resources_no_ner, text) if q.attribute("measure") == "member_states"]


@pytest.mark.parametrize(("text", "giver", "receiver"), [
    # a dative between the giver and the sum receives it
    ("Norwegen gewährt der Ukraine einen Kredit von drei Milliarden Dollar.", {"Norwegen"}, {"Ukraine"}),
    ("Am Montag stellte die EU der Türkei drei Milliarden Euro zur Verfügung.", {"Europäische Union"}, {"Türkei"}),
])
def test_money_belongs_to_the_giver_and_goes_to_the_dative(resources_no_ner, text, giver, receiver):
    (q,) = [q for q in quantities(resources_no_ner, text) if q.attribute("unit") in ("USD", "EUR")]
    assert (names(q, Role.SUBJECT), names(q, Role.OF)) == (giver, receiver)


def test_der_before_a_masculine_name_after_the_verb_is_the_subject(resources_no_ner):
    text = "Am Montag hielt der Bundestag 17 Debatten ab."
    assert [names(q, Role.SUBJECT) for q in quantities(resources_no_ner, text)] == [{"Bundestag"}]


@pytest.mark.parametrize(("text", "unit"), [
    # news name the currency once, then count in it
    ("Norwegen zahlt 40 Millionen Euro an Kenia. Zudem will Norwegen 7,5 Millionen für den Fonds geben.",
     "EUR"),
    # a sum that is not in millions sets no currency for a count in millions
    ("Norwegen zahlt 900 Euro im Monat. Norwegen zählt dann 3,5 Millionen.", None),
])
def test_a_sum_in_millions_without_currency_takes_the_last_one_named(resources_no_ner, text, unit):
    assert [q.attribute("unit") for q in quantities(resources_no_ner, text) if q.attribute("value") in
            ("7500000", "3500000")] == [unit]


@pytest.mark.parametrize(("text", "receiver"), [
    # a fund named after the body whose name it begins with receives, not that body
    ("Kenia zahlt 40 Millionen Euro für den EU-Kenia-Fonds.", {"EU-Kenia-Fonds"}),
    # a body named only by its state's prefix stands for the state
    ("Kenia zahlt 40 Millionen Euro an die US-Behörden.", {"USA"}),
])
def test_money_goes_to_the_whole_name_after_the_preposition(resources, text, receiver):
    (q,) = quantities(resources, text)
    assert names(q, Role.OF) == receiver
