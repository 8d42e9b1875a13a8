"""Roles on sentences of our own (no name from the development articles):
offices named without their state, party chiefs, appositions, coordinated
names and offices, former holders, and the traps around them."""

from __future__ import annotations

import pytest

from kg.model import FactKind, Role

from extract_helpers import claims_of, names


def roles_of(resources, text):
    return claims_of(resources, text, kind=FactKind.ROLE)


def held(roles, person):
    """(office, org names, former) of every role of ``person``."""
    return {(c.attribute("office"), frozenset(names(c, Role.ORG)), c.attribute("former"))
            for c in roles if names(c, Role.PERSON) == {person}}


@pytest.mark.parametrize(("text", "person", "office", "org"), [
    # no state named: the dateline's
    ("Oslo – Außenministerin Kari Lunde reiste am Montag nach Kiew.",
     "Kari Lunde", "foreign_minister", "Norwegen"),
    # no dateline: the state the article is about
    ("Finanzminister Lars Eide (ZRP) informierte das Parlament in Oslo über den Haushalt Norwegens.",
     "Lars Eide", "finance_minister", "Norwegen"),
    # a city office keeps its city
    ("Lyons Bürgermeister Pierre Morel kritisierte die Pläne.", "Pierre Morel", "mayor", "Lyon"),
    # a gazetteer name glued to the office
    ("Interpolgeneralsekretär Anders Holm bezeichnete die Lage als instabil.",
     "Anders Holm", "general_secretary", "Interpol"),
    # a known international body's chief
    ("Der Opec-Chef Marco Bellini warnte vor hohen Preisen.", "Marco Bellini", "leader", "Opec"),
    # "Chef der ... Partei X": a party leader
    ("Gegen den Chef der oppositionellen Bauernpartei LFP, Janis Ozols, wird ermittelt.",
     "Janis Ozols", "party_leader", "LFP"),
    # a party the gazetteer knows as one
    ("Madrid – PSOE-Chef Tomás Herrera sprach von einem Neuanfang.", "Tomás Herrera", "party_leader", "PSOE"),
    # a state with a possessive before the office
    ("Uganda schickte einen Gesandten, Kenia seine Außenministerin Wanjiru Otieno.",
     "Wanjiru Otieno", "foreign_minister", "Kenia"),
])
def test_office_and_its_state(resources, text, person, office, org):
    roles = roles_of(resources, text)
    assert any(o == office and orgs == {org} for o, orgs, _ in held(roles, person)), roles


def test_bracketed_party_is_no_office(resources):
    roles = roles_of(resources, "Finanzminister Lars Eide (ZRP) informierte das Parlament in Oslo.")
    assert held(roles, "Lars Eide") == {("finance_minister", frozenset({"Norwegen"}), None)}


def test_spokesperson_speaks_for_the_principal_state(resources):
    text = "Das sei nicht geplant, sagte der Sprecher von Präsident Xi Jinping, Li Ming, am Freitag."
    roles = roles_of(resources, text)
    assert ("spokesperson", frozenset({"China"}), None) in held(roles, "Li Ming")
    assert ("president", frozenset({"China"}), None) in held(roles, "Xi Jinping")


def test_plural_office_names_every_holder(resources):
    roles = roles_of(resources, "Die Präsidentschaftskandidaten Eva Lindqvist und Tomas Berglund debattierten "
                                "in Stockholm.")
    for person in ("Eva Lindqvist", "Tomas Berglund"):
        assert held(roles, person) == {("presidential_candidate", frozenset({"Schweden"}), None)}


def test_singular_office_does_not_spread_over_a_list(resources):
    roles = roles_of(resources, "Stockholm – Präsident Eva Lindqvist und Tomas Berglund debattierten.")
    assert held(roles, "Tomas Berglund") == set()


def test_former_without_hyphen(resources):
    roles = roles_of(resources, "Der chilenische Expräsident Ricardo Arrau kam nach Valparaíso.")
    assert held(roles, "Ricardo Arrau") == {("president", frozenset({"Chile"}), "true")}


def test_inverted_copula_and_two_offices_before_one_name(resources):
    text = ("Oslo – Zwar bleibt Jonas Berg Außenminister, Europaminister und Chefunterhändler Nils Dahl "
            "fiel jedoch heraus.")
    roles = roles_of(resources, text)
    assert ("foreign_minister", frozenset({"Norwegen"}), None) in held(roles, "Jonas Berg")
    offices = {(c.attribute("office"), frozenset(names(c, Role.ORG))) for c in roles
               if "Nils Dahl" in next(iter(names(c, Role.PERSON)))}
    # an EU minister is a minister of his state, not of the EU
    assert ("eu_minister", frozenset({"Norwegen"})) in offices
    assert ("negotiator", frozenset({"Norwegen"})) in offices


def test_interview_answer_is_no_copula(resources):
    roles = roles_of(resources, "Eriksen: Gewinnen ist nicht nur eine Frage der Zahl der Abgeordneten in Norwegen.")
    assert roles == []


def test_possessive_marks_another_person(resources):
    roles = roles_of(resources, "Der Premier Khaled Nabil sowie dessen Minister kehrten nach Aden zurück.")
    assert {o for o, _, _ in held(roles, "Khaled Nabil")} <= {"head_of_government"}


def test_party_adjective_names_the_party_of_a_candidate(resources):
    text = "Washington – Der republikanische Bewerber Tom Hale und die Republikaner stritten."
    roles = roles_of(resources, text)
    assert held(roles, "Tom Hale") in ({("presidential_candidate", frozenset({"Republikaner"}), None)},
                                      {("presidential_candidate", frozenset({"US-Republikaner"}), None)})


def test_party_adjective_reads_a_party_named_with_a_state_prefix(resources):
    text = "Washington – Der republikanische Bewerber Tom Hale traf die Bewerber der US-Republikaner."
    assert held(roles_of(resources, text), "Tom Hale") == {("presidential_candidate", frozenset({"US-Republikaner"}), None)}


def test_republican_contender_is_a_candidate_of_his_party(resources):
    text = "Washington – Der republikanische Anwärter Tom Hale und die Republikaner stritten."
    roles = roles_of(resources, text)
    assert held(roles, "Tom Hale") in ({("presidential_candidate", frozenset({"Republikaner"}), None)},
                                      {("presidential_candidate", frozenset({"US-Republikaner"}), None)})


def test_appositions_in_a_row(resources):
    text = ("Washington – Dale Hunter, ebenfalls ein potenzieller Präsidentschaftskandidat, Senator aus Ohio, "
            "sprach in der Debatte.")
    roles = roles_of(resources, text)
    assert ("senator", frozenset({"USA"}), None) in held(roles, "Dale Hunter")


def test_name_the_ner_left_out(resources):
    roles = roles_of(resources, "Am Dienstag ist der deutsche Außenminister Hans-Peter Moosbrugger in Krakau.")
    assert held(roles, "Hans-Peter Moosbrugger") == {("foreign_minister", frozenset({"Deutschland"}), None)}


def test_chief_compound_of_a_body(resources):
    roles = roles_of(resources, "Straßburg – EU-Kommissionschef Jean-Marc Dubois verteidigte sich.")
    assert held(roles, "Jean-Marc Dubois") == {("leader", frozenset({"Europäische Union"}), None)}


@pytest.mark.parametrize(("word", "concept"), [
    ("Vizekanzler", "deputy_head_of_government"), ("Bundesfinanzminister", "finance_minister"),
    ("Präsidentschaftskandidaten", "presidential_candidate"), ("Klubobmann", "parliamentary_leader"),
    ("Wettbewerbskommissarin", "commissioner"), ("CDU-Abgeordneter", "member_of_parliament"),
    ("Vizepräsidentin", "vice_president"), ("Sondergesandte", "special_envoy"), ("Staatsanwaltschaft", None),
    ("Generalversammlung", None), ("Kandidatur", None), ("Anwärterin", "presidential_candidate"),
])
def test_office_words(resources_no_ner, word, concept):
    assert resources_no_ner.lexicon.table("office").match(word) == concept


def test_time_as_office_is_former(resources):
    text = ("Washington – Vor dem Ende der Vorwahlen holt die Demokratin Mary Whitfield einer der Skandale "
            "aus ihrer Zeit als Außenministerin ein.")
    assert held(roles_of(resources, text), "Mary Whitfield") == {("foreign_minister", frozenset({"USA"}), "true")}


def test_two_past_offices_share_the_state_named_last(resources):
    text = ("Das sagte Pierre Lenoir zu den Parlamentariern, die ihm Fragen zu seiner Vergangenheit als "
            "Regierungschef und Finanzminister in Belgien stellten.")
    assert held(roles_of(resources, text), "Pierre Lenoir") == {
        ("head_of_government", frozenset({"Belgien"}), "true"), ("finance_minister", frozenset({"Belgien"}), "true")}


def test_pope_heads_the_church(resources_no_ner):
    roles = roles_of(resources_no_ner, "Papst Benedikt reiste nach Lyon.")
    assert any(c.attribute("office") == "pope" and names(c, Role.ORG) == {"Katholische Kirche"} for c in roles)


def test_surname_that_is_also_an_adjective(resources):
    roles = roles_of(resources, "Wien – Außenminister Anton Lang (ZVP) setzt den Rotstift an.")
    assert held(roles, "Anton Lang") == {("foreign_minister", frozenset({"Österreich"}), None)}


def test_short_party_prefix_and_what_is_no_body(resources):
    text = ("Wien – Zafo-Chef Klaus Berger verglich die Weltlage mit einem Film. "
            "Der Ex-Chef Hans Huber kam auch.")
    roles = roles_of(resources, text)
    # nothing says Zafo is a party: a union or a firm has a chief too
    assert held(roles, "Klaus Berger") == {("leader", frozenset({"Zafo"}), None)}
    assert held(roles, "Hans Huber") == set()


def test_the_chief_of_a_body_called_a_party_leads_a_party(resources):
    text = "Wien – Die Partei Zafo legt zu. Zafo-Chef Klaus Berger verglich die Weltlage mit einem Film."
    assert held(roles_of(resources, text), "Klaus Berger") == {("party_leader", frozenset({"Zafo"}), None)}


def test_a_dateline_abroad_does_not_make_the_state_of_an_office(resources):
    # filed from Lima, about Chile: the office without a state is Chile's
    text = ("Lima – In Chile wächst der Druck auf die Regierung. Chiles Opposition sprach von einer Krise, "
            "in Santiago de Chile gingen Tausende auf die Straße, und Chile droht eine Neuwahl. "
            "Präsident Tomás Reyes wies die Vorwürfe zurück.")
    assert ("president", frozenset({"Chile"}), None) in held(roles_of(resources, text), "Tomás Reyes")


def test_the_dateline_gives_the_state_when_the_text_names_no_other_more(resources):
    text = "Lima – Präsident Tomás Reyes hat am Montag ein Treffen in Peru abgesagt."
    assert ("president", frozenset({"Peru"}), None) in held(roles_of(resources, text), "Tomás Reyes")


def test_second_office_whose_body_follows_both_is_held_too(resources):
    # "der frühere A und spätere B der X": the first phrase reaches over the second
    text = "Karel Novak, der ehemalige tschechische Außenminister und frühere Vorsitzende des Europarats, kam nach Wien."
    roles = {(c.attribute("office"), next(iter(names(c, Role.ORG)))) for c in claims_of(resources, text, kind=FactKind.ROLE)}
    assert roles == {("foreign_minister", "Tschechien"), ("leader", "Europarat")}


@pytest.mark.parametrize(("text", "person", "expected"), [
    ("Der deutsche Diplomat Hans Bauer kam nach Wien.", "Hans Bauer", ("diplomat", frozenset({"Deutschland"}), None)),
    ("Der SPD-Delegationsleiter im EU-Parlament, Hans Bauer, erklärte das.", "Hans Bauer",
     ("parliamentary_leader", frozenset({"SPD"}), None)),
    ("Es geht um Äußerungen der SPD-Ko-Chefin Karla Huber.", "Karla Huber", ("party_leader", frozenset({"SPD"}), None)),
])
def test_diplomats_delegation_leaders_and_co_chairs(resources, text, person, expected):
    assert expected in held(roles_of(resources, text), person)


def test_an_apposition_behind_a_verb_particle(resources_no_ner):
    text = "Am Abend trifft Stefan Lindqvist ein, der Außenminister Norwegens, um an der Konferenz teilzunehmen."
    assert ("foreign_minister", frozenset({"Norwegen"}), None) in held(roles_of(resources_no_ner, text), "Stefan Lindqvist")
    # the office phrase with a verb of its own is a new clause, not an apposition
    text = "Oslo – Heute reist Stefan Lindqvist ab, der Außenminister bleibt."
    assert not held(roles_of(resources_no_ner, text), "Stefan Lindqvist")


def test_a_genitive_the_rules_cannot_read_is_no_guess(resources_no_ner):
    # "der Inselrepublik" names whose minister he is, but no mention covers it: no fallback to the dateline
    text = "Oslo – Stefan Lindqvist, der Außenminister der fernen Inselrepublik, traf Journalisten."
    assert not held(roles_of(resources_no_ner, text), "Stefan Lindqvist")
    # an office serving a person keeps the article's state
    text = "Oslo – Stefan Lindqvist, der Wirtschaftsberater des Präsidenten, traf Journalisten."
    assert held(roles_of(resources_no_ner, text), "Stefan Lindqvist")


@pytest.mark.parametrize(("text", "office", "party"), [
    ("Klubobmann Stefan Lindqvist (SPD) kritisierte die Regierung.", "parliamentary_leader", "SPD"),
    ("Parteichef Stefan Lindqvist (CDU) kritisierte die Regierung.", "party_leader", "CDU"),
])
def test_a_party_office_named_alone_is_of_the_party_in_brackets(resources_no_ner, text, office, party):
    assert (office, frozenset({party}), None) in held(roles_of(resources_no_ner, text), "Stefan Lindqvist")


@pytest.mark.parametrize(("text", "office", "org"), [
    ("Stefan Lindqvist wurde zum Außenminister Norwegens ernannt.", "foreign_minister", "Norwegen"),
    ("Das Parlament in Oslo wählte Stefan Lindqvist zum Staatspräsidenten.", "president", "Norwegen"),
    ("Nach seiner Wahl zum Präsidenten Norwegens reiste Stefan Lindqvist nach Berlin.", "president", "Norwegen"),
])
def test_appointed_to_an_office(resources_no_ner, text, office, org):
    assert (office, frozenset({org}), None) in held(roles_of(resources_no_ner, text), "Stefan Lindqvist")


def test_who_appoints_holds_no_office(resources_no_ner):
    roles = roles_of(resources_no_ner, "Oslo – Stefan Lindqvist ernannte Kari Nordmann zur Außenministerin.")
    assert not held(roles, "Stefan Lindqvist")


@pytest.mark.parametrize("text", [
    "Oslo – Stefan Lindqvist ist seit 2019 Außenminister.",
    "Oslo – Stefan Lindqvist trat am Montag als Außenminister zurück.",
    "Oslo – Stefan Lindqvist soll als Außenminister ins Kabinett wechseln.",
    "Oslo – Stefan Lindqvist, der seit 2019 Außenminister ist, reiste nach Rom.",
])
def test_office_by_copula_or_as(resources_no_ner, text):
    assert ("foreign_minister", frozenset({"Norwegen"})) in {
        (o, org) for o, org, _ in held(roles_of(resources_no_ner, text), "Stefan Lindqvist")}


@pytest.mark.parametrize("text", [
    "Oslo – Stefan Lindqvist bezeichnete Jonas Berg als Diktator.",
    "Oslo – Stefan Lindqvist traf mit dem Außenminister zusammen.",
    "Oslo – Stefan Lindqvist ist vor kurzem als Präsident zurückgetreten.",
    "Oslo – Stefan Lindqvist holte den Jonas Berg als Pressesprecher.",
    "Oslo – Stefan Lindqvist gilt als Wunschkandidat des Vereins.",
    "Oslo – Der Verein wählte Stefan Lindqvist zum Präsidenten.",
    "Oslo – Stefan Lindqvist, der den Außenminister kritisiert hatte, reiste nach Rom.",
])
def test_no_office_by_judgement_or_company(resources_no_ner, text):
    assert not held(roles_of(resources_no_ner, text), "Stefan Lindqvist")


def test_the_nominating_state_is_whose_office_it_is(resources_no_ner):
    text = "Oslo – Stockholm nominiert den früheren Präsidenten Stefan Lindqvist für den Posten."
    assert ("president", frozenset({"Schweden"}), "true") in held(roles_of(resources_no_ner, text), "Stefan Lindqvist")


@pytest.mark.parametrize("text", [
    "Oslo – Stefan Lindqvist kandidiert für das Amt des Präsidenten.",
    "Stefan Lindqvist bewirbt sich um die norwegische Präsidentschaft.",
    "Oslo – Die Kandidatur von Stefan Lindqvist bei der Präsidentenwahl ist umstritten.",
    "Oslo – Stefan Lindqvist will seine Präsidentschaftskandidatur am Montag bekanntgeben.",
])
def test_a_candidacy_said_with_a_verb_or_noun(resources_no_ner, text):
    assert ("presidential_candidate", frozenset({"Norwegen"})) in {
        (o, org) for o, org, _ in held(roles_of(resources_no_ner, text), "Stefan Lindqvist")}


@pytest.mark.parametrize("text", [
    "Oslo – Stefan Lindqvist will nicht für das Präsidentenamt kandidieren.",
    "Oslo – Stefan Lindqvist kandidiert für das Amt des Bürgermeisters.",
    "Oslo – Der Bruder des früheren Ministers Stefan Lindqvist will seine Kandidatur für die Präsidentschaft bekanntgeben.",
])
def test_no_candidacy(resources_no_ner, text):
    assert "presidential_candidate" not in {o for o, _, _ in held(roles_of(resources_no_ner, text), "Stefan Lindqvist")}


@pytest.mark.parametrize("office", ["Kammerpräsident", "Ärztekammer-Präsident", "Landtagspräsident",
                                    "Salafistenführer"])
def test_a_president_of_an_unnamed_body_is_no_states_president(resources_no_ner, office):
    text = f"Oslo – Das sagte {office} Lars Eide am Montag."
    assert not any(names(c, Role.ORG) == {"Norwegen"} for c in roles_of(resources_no_ner, text))


@pytest.mark.parametrize(("office", "concept"), [("Interimspräsident", "president"), ("Präsident", "president"),
                                                  ("Ex-Präsident", "president"), ("Revolutionsführer", "leader")])
def test_a_modifier_that_names_no_body_keeps_the_state(resources_no_ner, office, concept):
    roles = roles_of(resources_no_ner, f"Oslo – Das sagte {office} Lars Eide am Montag.")
    assert any(c.attribute("office") == concept and names(c, Role.ORG) == {"Norwegen"} for c in roles), roles


def test_a_referee_is_no_judge(resources_no_ner):
    text = "Oslo – Der norwegische Schiedsrichter Lars Eide zeigte drei rote Karten."
    assert roles_of(resources_no_ner, text) == []


@pytest.mark.parametrize(("text", "person", "office", "org", "former"), [
    # a region's adjective: the office is the region's, not the dateline state's
    ("Oslo – Der bayerische Ministerpräsident Lars Eide reiste ab.", "Lars Eide", "head_of_government", "Bayern", None),
    ("Oslo – Der Tiroler Landeshauptmann Lars Eide reiste ab.", "Lars Eide", "governor", "Tirol", None),
    # a region named after the office
    ("Oslo – Der frühere Gouverneur von Kalifornien, Lars Eide, kandidiert.", "Lars Eide", "governor", "Kalifornien",
     "true"),
    # "ehemals" makes a former holder as "ehemalig" does
    ("Oslo – Lars Eide, ehemals Außenminister Kenias, reiste ab.", "Lars Eide", "foreign_minister", "Kenia", "true"),
])
def test_offices_of_regions_and_former_holders(resources, text, person, office, org, former):
    assert (office, frozenset({org}), former) in held(roles_of(resources, text), person)


def test_an_adjective_between_zum_and_the_office(resources):
    text = "Oslo – Das Parlament wählte Lars Eide zum neuen Ministerpräsidenten."
    assert ("head_of_government", frozenset({"Norwegen"}), None) in held(roles_of(resources, text), "Lars Eide")


@pytest.mark.parametrize("text", [
    "Oslo – Die aussichtsreichsten Präsidentschaftskandidaten sind Lars Eide und Karin Berg.",
    # each holder however described
    "Oslo – Die aussichtsreichsten Präsidentschaftskandidaten sind Parteiveteranen wie Lars Eide oder Quereinsteiger "
    "wie die Ärztin Karin Berg.",
])
def test_a_plural_office_and_a_copula_list_the_holders(resources, text):
    roles = roles_of(resources, text)
    for person in ("Lars Eide", "Karin Berg"):
        assert ("presidential_candidate", frozenset({"Norwegen"}), None) in held(roles, person), roles


def test_names_after_a_preposition_hold_no_plural_office(resources):
    text = "Oslo – Die Präsidentschaftskandidaten waren mit Lars Eide in Bergen."
    assert not held(roles_of(resources, text), "Lars Eide")


@pytest.mark.parametrize(("text", "person", "office", "org"), [
    # a deputy modifier makes the deputy's office
    ("Oslo – Der stellvertretende Ministerpräsident Lars Eide warnte.", "Lars Eide", "deputy_head_of_government",
     "Norwegen"),
    ("Oslo – Kenias stellvertretender Außenminister Lars Eide warnte.", "Lars Eide", "deputy", "Kenia"),
    # the counterpart of the subject named just before holds the same office
    ("Oslo – Kenias Außenminister Lars Eide und sein norwegischer Amtskollege Stefan Lindqvist trafen sich.",
     "Stefan Lindqvist", "foreign_minister", "Norwegen"),
    # ... not of a holder after a preposition: "sein" is the subject's
    ("Oslo – Bei einem Treffen mit der kenianischen Außenministerin Karin Berg und seinem Amtskollegen Stefan "
     "Lindqvist warb Lars Eide für Reformen.", "Stefan Lindqvist", "president", "Norwegen"),
    # a period between copula and office
    ("Oslo – Lars Eide war von 2010 bis 2015 Außenminister Kenias.", "Lars Eide", "foreign_minister", "Kenia"),
])
def test_deputies_counterparts_and_periods(resources, text, person, office, org):
    assert any(o == office and orgs == frozenset({org}) for o, orgs, _ in held(roles_of(resources, text), person)), \
        held(roles_of(resources, text), person)


@pytest.mark.parametrize("text", [
    "Oslo – Lars Eide löste Stefan Lindqvist als Außenminister ab.",
    "Oslo – Lars Eide folgte Stefan Lindqvist als Außenminister nach.",
])
def test_the_successor_holds_the_office_after_als(resources, text):
    roles = roles_of(resources, text)
    assert ("foreign_minister", frozenset({"Norwegen"}), None) in held(roles, "Lars Eide")
    assert not held(roles, "Stefan Lindqvist") or all(f == "true" for _, _, f in held(roles, "Stefan Lindqvist"))


def test_meeting_someone_as_minister_names_no_office(resources):
    assert not roles_of(resources, "Oslo – Lars Eide traf Stefan Lindqvist als Außenminister.")
