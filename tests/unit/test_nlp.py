"""The German layer's own components, on Docs built by hand or by the blank
tokenizer (no statistical model)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.nlp import set_sentence_starts


def _sents(words, spaces=None):
    doc = Doc(spacy.blank("de").vocab, words=words, spaces=spaces)
    return [s.text for s in set_sentence_starts(doc).sents]


def test_line_breaks_end_headlines():
    assert _sents(["Mehr", "News", "\n\n", "Es", "ist", "so", "."]) == ["Mehr News \n\n", "Es ist so ."]


def test_closing_quote_stays_with_its_sentence():
    assert _sents(["Er", "sagte", ":", "„", "Ja", ".", "“", "Dann", "ging", "er", "."]) == [
        "Er sagte : „ Ja . “", "Dann ging er ."]


def test_year_dot_ends_a_sentence_but_ordinals_do_not():
    from kg.nlp import _split_final_year_dot

    nlp = spacy.blank("de")
    _split_final_year_dot(nlp)
    nlp.add_pipe("kg_sentences")
    doc = nlp("Am 20. Juni kam er im Jahr 2024. Danach ging er.")
    assert [s.text for s in doc.sents] == ["Am 20. Juni kam er im Jahr 2024.", "Danach ging er."]


def test_hanta_sets_tags_and_lemmas(resources_no_ner):
    doc = resources_no_ner.nlp("Die Präsidenten haben gestern Abkommen unterzeichnet.")
    assert [t.tag_ for t in doc] == ["ART", "NN", "VAFIN", "ADV", "NN", "VVPP", "$."]
    assert doc[5].lemma_ == "unterzeichnen" and doc[5].pos_ == "VERB"
    assert doc[1].lemma_ == "Präsident"


def test_hantas_nominalised_adjectives_are_nouns(resources_no_ner):
    # HanTa tags "Abgeordnete" NNA; STTS and the rules know it as NN
    doc = resources_no_ner.nlp("Der Abgeordnete kritisierte die Regierung.")
    assert [t.tag_ for t in doc][:2] == ["ART", "NN"]


def test_a_capitalised_verb_inside_a_sentence_is_a_name_or_noun(resources_no_ner):
    # HanTa reads "Berat" as the imperative of "beraten"; in German only a sentence start capitalises a verb
    doc = resources_no_ner.nlp("Sein Schwiegersohn Berat Albayrak kam. Beim Gehen lachte er. Berat das!")
    assert (doc[2].text, doc[2].tag_) == ("Berat", "NE")
    assert (doc[7].text, doc[7].tag_) == ("Gehen", "NN")
    assert doc[-3].text == "Berat" and doc[-3].tag_.startswith("V")  # a sentence start stays a verb


def test_memoised_hanta_tags_like_plain_hanta(resources_no_ner):
    from HanTa import HanoverTagger

    hanta = resources_no_ner.nlp.get_pipe("kg_hanta")
    plain = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    sentences = [
        ["Die", "Außenministerin", "Karla", "Brenner", "reiste", "nach", "Quellbrück", "."],
        ["Brenner", "traf", "in", "Quellbrück", "den", "Bürgermeister", "."],
        ["Quellbrücks", "Bürgermeister", "lobte", "die", "Außenministerin", "."],
    ]
    for words in sentences:
        assert hanta.tagger.tag_sent(words, taglevel=1) == plain.tag_sent(words, taglevel=1)
    # the repeated words were analysed once
    assert hanta.tagger.analyze_forward.cache_info().hits > 0
    assert hanta.tagger._analyze.cache_info().hits > 0


def test_a_lower_case_word_after_a_period_continues_the_sentence():
    assert _sents(["König", "Harald", "V", ".", "mit", "der", "Königin", ".", "Dann", "ging", "er", "."]) == [
        "König Harald V . mit der Königin .", "Dann ging er ."]
    assert _sents(["Er", "kam", ".", "\n", "und", "ging", "."]) == ["Er kam . \n", "und ging ."]
