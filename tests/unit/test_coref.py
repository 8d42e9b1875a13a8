"""Coreference within an article: pronouns and office phrases stand for the
person they refer to, and every extractor sees the same links."""

from __future__ import annotations

from kg.model import EntityType, FactKind, Role

from extract_helpers import claims_of, mentions_of, names


def _pronouns(resources, text):
    return [(m.text, m.name) for m in mentions_of(resources, text)
            if m.type is EntityType.PERSON and m.text.lower() in ("er", "sie")]


def test_er_at_the_start_of_a_sentence_is_the_previous_subject(resources_no_ner):
    text = ("Der chilenische Präsident Gabriel Boric traf am Montag in Lima ein. "
            "Er kritisierte die peruanische Regierung scharf.")
    assert _pronouns(resources_no_ner, text) == [("Er", "Gabriel Boric")]
    statements = claims_of(resources_no_ner, text, kind=FactKind.STATEMENT)
    assert any(names(c, Role.SPEAKER) == {"Gabriel Boric"} for c in statements), statements


def test_a_pronoun_after_a_name_in_its_sentence_refers_to_that_name(resources_no_ner):
    text = ("Als die neuseeländische Premierministerin Jacinda Ardern in Tokio ankam, sagte sie, "
            "man müsse die Zusammenarbeit stärken.")
    assert _pronouns(resources_no_ner, text) == [("sie", "Jacinda Ardern")]


def test_plural_sie_refers_to_nobody(resources_no_ner):
    text = "Gabriel Boric traf Lula da Silva in Brasília. Sie unterzeichneten ein Abkommen."
    assert _pronouns(resources_no_ner, text) == []


def test_a_pronoun_with_no_person_before_it_stays_unlinked(resources_no_ner):
    text = "Die Regierung in Santiago tagte am Montag. Er sei zufrieden, hieß es."
    assert _pronouns(resources_no_ner, text) == []


def test_no_claim_casts_one_person_in_two_roles(resources_no_ner):
    text = ("Bevor der chilenische Präsident Gabriel Boric nach Peru reiste, urlaubte er in Bolivien, "
            "wo er begeisterte Mengen empfing.")
    visits = claims_of(resources_no_ner, text, kind=FactKind.VISIT)
    assert all(not (names(c, Role.VISITOR) & names(c, Role.HOST)) for c in visits), visits
    assert any(names(c, Role.VISITOR) == {"Gabriel Boric"} for c in visits), visits


def test_a_bare_office_is_the_one_holder_named_before(resources_no_ner):
    text = ("Limas Bürgermeister Rafael López Aliaga kämpft um sein Amt. "
            "Auch Präsident Gabriel Boric hat dem Bürgermeister den Rücken gekehrt.")
    statements = claims_of(resources_no_ner, text, kind=FactKind.STATEMENT)
    assert any(names(c, Role.TARGET) == {"Rafael López Aliaga"} for c in statements), statements


def test_a_bare_office_with_two_holders_before_stays_unlinked(resources_no_ner):
    text = ("Limas Bürgermeister Rafael López Aliaga und Wiens Bürgermeister Hans Bauer trafen sich. "
            "Gabriel Boric kritisierte den Bürgermeister.")
    assert not [m for m in mentions_of(resources_no_ner, text) if m.text == "den Bürgermeister"]


def test_a_party_chief_is_the_one_member_of_the_party_named_before(resources_no_ner):
    text = ("Ministerpräsident Hans Bauer (CSU) habe geklagt. "
            "Der CSU-Chef hatte gefordert, die Grenzen zu schließen.")
    statements = claims_of(resources_no_ner, text, kind=FactKind.STATEMENT)
    assert any(names(c, Role.SPEAKER) == {"Hans Bauer"} and c.attribute("stance") == "demand" for c in statements)


def test_a_party_chief_with_two_members_named_stays_open(resources_no_ner):
    text = ("Hans Bauer (CSU) und Karl Huber (CSU) klagten. "
            "Der CSU-Chef hatte gefordert, die Grenzen zu schließen.")
    statements = claims_of(resources_no_ner, text, kind=FactKind.STATEMENT)
    assert not any(names(c, Role.SPEAKER) & {"Hans Bauer", "Karl Huber"} for c in statements)


def test_a_person_described_by_age_is_the_person_before(resources_no_ner):
    text = ("Der frühere Präsident Gabriel Boric ist unter Druck. "
            "Erst wurde der 70-Jährige in Chile von der Polizei vier Stunden verhört.")
    assert ("der 70-Jährige", "Gabriel Boric") in {(m.text, m.name) for m in mentions_of(resources_no_ner, text)}
    actions = claims_of(resources_no_ner, text, kind=FactKind.LEGAL_ACTION)
    assert any(names(c, Role.TARGET) == {"Gabriel Boric"} for c in actions), actions


def test_a_bare_feminine_office_is_the_holder_of_a_narrower_office_before(resources_no_ner):
    # "die" before "-ministerin" is singular, and a foreign minister is a minister
    text = ("Die norwegische Außenministerin Karin Berg reiste nach Nairobi. "
            "Dort kritisierte die Ministerin Kenia scharf.")
    statements = claims_of(resources_no_ner, text, kind=FactKind.STATEMENT)
    assert any(names(c, Role.SPEAKER) == {"Karin Berg"} for c in statements), statements


def test_an_office_before_name_parts_the_ner_dropped_is_no_anaphor(resources):
    # "heinz" (a typo) keeps the NER from seeing the whole name; the office is still no speaker of its own
    text = "Europaratsgeneralsekretär Karl heinz Müller bezeichnete die Lage in Kenia als instabil."
    statements = claims_of(resources, text, kind=FactKind.STATEMENT)
    assert [names(c, Role.SPEAKER) for c in statements] == [{"Müller"}], statements


def test_an_office_of_many_holders_is_the_one_the_article_names(resources_no_ner):
    # a body has many special rapporteurs; an article that names one (here after the phrase) means that one
    text = ("Der neue UN-Sonderberichterstatter hat die Regierung Kenias scharf kritisiert. "
            "UN-Sonderberichterstatter Lars Eide sagte am Montag in Genf, die Lage sei ernst.")
    statements = claims_of(resources_no_ner, text, kind=FactKind.STATEMENT)
    assert any(names(c, Role.SPEAKER) == {"Lars Eide"} and c.attribute("stance") == "criticize" for c in statements)
    anaphor = next(m for m in mentions_of(resources_no_ner, text) if m.text == "UN-Sonderberichterstatter")
    assert not anaphor.hint  # the corpus names other rapporteurs: nothing to look up there


def test_an_indefinite_office_of_many_holders_names_nobody(resources_no_ner):
    text = "US-Senator Lars Eide besuchte Kenia. Ein US-Senator hat Kenia scharf kritisiert."
    statements = claims_of(resources_no_ner, text, kind=FactKind.STATEMENT)
    assert not any(names(c, Role.SPEAKER) == {"Lars Eide"} for c in statements), statements


def test_the_leader_of_a_parliamentary_group_is_its_one_holder(resources):
    text = ("Oslo – ABC-Fraktionschef Lars Eide sprach am Montag im Parlament. "
            "Der ABC-Fraktionschef forderte ein neues Programm.")
    statements = claims_of(resources, text, kind=FactKind.STATEMENT)
    assert any(names(c, Role.SPEAKER) == {"Lars Eide"} for c in statements), statements
