"""The gazetteer data in ontology/gazetteer/ and its loader kg.gazetteer."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pycountry
import pytest
from spacy.lang.de.stop_words import STOP_WORDS

from kg.errors import OntologyError
from kg.gazetteer import DEFAULT_DATA_DIR, GazetteerEntry, load_gazetteer, norm
from kg.model import EntityType

ROOT = Path(__file__).resolve().parents[2]
COUNTRY, CITY, PLACE, ORG = EntityType.COUNTRY, EntityType.CITY, EntityType.PLACE, EntityType.ORGANIZATION

# Frequent German words (besides spaCy's stop words) that no surface form may be.
FREQUENT_WORDS = {
    "land", "länder", "staat", "staaten", "stadt", "regierung", "präsident", "minister", "ministerium",
    "partei", "rat", "amt", "haus", "bank", "golf", "meer", "see", "insel", "inseln", "union", "republik",
    "reich", "kommission", "parlament", "gericht", "armee", "krieg", "frieden", "welt", "westen", "osten",
    "norden", "süden", "mal", "male", "males", "rand", "arm", "tun", "dom", "zeit", "spiegel", "standard",
    "linke", "linken", "grüne", "grünen", "kanal", "straße", "hafen", "berg", "pole",
    "kongress", "gipfel", "treffen", "besuch", "reise", "grenze", "volk", "führung", "chef", "sprecher",
    "agentur", "zeitung", "sender", "bündnis", "allianz", "gruppe", "liga", "pakt", "vertrag", "abkommen",
    "the", "of", "and", "is", "who", "us", "un", "will", "may", "can", "man",
}
SOVEREIGN_SAMPLE = (
    "AF", "AR", "AT", "AU", "BR", "CA", "CD", "CG", "CH", "CI", "CN", "CU", "CZ", "DE", "DK", "EG", "ES", "ET",
    "FR", "GB", "GR", "IL", "IN", "IQ", "IR", "IT", "JP", "KH", "KP", "KR", "LA", "MX", "MM", "NG", "NL", "NO",
    "PH", "PK", "PL", "PT", "RU", "SA", "SE", "SG", "TR", "TW", "UA", "US", "VA", "VN", "ZA", "PS", "EH",
)
CERTAIN_QIDS = {
    "russland": "Q159", "vietnam": "Q881", "china": "Q148", "vereinigte-staaten": "Q30", "ukraine": "Q212",
    "japan": "Q17", "nordkorea": "Q423", "saudi-arabien": "Q851", "kambodscha": "Q424", "belarus": "Q184",
    "australien": "Q408", "sowjetunion": "Q15180", "vereinigtes-koenigreich": "Q145", "singapur": "Q334",
    "frankreich": "Q142", "deutschland": "Q183", "hanoi": "Q1858", "moskau": "Q649", "washington": "Q61",
    "peking": "Q956", "den-haag": "Q36600", "london": "Q84", "vereinte-nationen": "Q1065", "nato": "Q7184",
    "istgh": "Q47488", "reuters": "Q130879", "europaeische-union": "Q458",
}


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer(DEFAULT_DATA_DIR)


def test_every_iso_country_has_one_entry_with_a_german_label(gaz):
    by_iso: dict[str, list[GazetteerEntry]] = {}
    for e in gaz.entries:
        if e.iso:
            by_iso.setdefault(e.iso, []).append(e)
    for country in pycountry.countries:
        entries = by_iso.get(country.alpha_2, [])
        assert len(entries) == 1, (country.alpha_2, entries)
        assert entries[0].label.strip()
    for code in SOVEREIGN_SAMPLE:
        assert by_iso[code][0].type is COUNTRY, code
    for code in ("GL", "PR", "GU", "FK", "NC"):
        assert by_iso[code][0].type is PLACE and by_iso[code][0].located_in
    assert by_iso["HK"][0].type is CITY and by_iso["HK"][0].located_in == "china"
    assert sum(e.type is COUNTRY and e.iso is not None for e in gaz.entries) == 193 + 4  # UN + VA PS TW EH


@pytest.mark.parametrize("name, key, type_", [
    ("Russland", "russland", COUNTRY), ("Russlands", "russland", COUNTRY), ("russischen", "russland", COUNTRY),
    ("Russen", "russland", COUNTRY), ("Kreml", "russland", COUNTRY), ("Russische Föderation", "russland", COUNTRY),
    ("Vietnams", "vietnam", COUNTRY), ("vietnamesischen", "vietnam", COUNTRY), ("Vietnamesen", "vietnam", COUNTRY),
    ("Chinas", "china", COUNTRY), ("Volksrepublik China", "china", COUNTRY),
    ("nordkoreanische", "nordkorea", COUNTRY), ("Nordkoreas", "nordkorea", COUNTRY), ("DVRK", "nordkorea", COUNTRY),
    ("südkoreanischen", "suedkorea", COUNTRY),
    ("US", "vereinigte-staaten", COUNTRY), ("USA", "vereinigte-staaten", COUNTRY),
    ("Vereinigten Staaten", "vereinigte-staaten", COUNTRY), ("US-amerikanischen", "vereinigte-staaten", COUNTRY),
    ("amerikanische", "vereinigte-staaten", COUNTRY), ("Weißen Hauses", "vereinigte-staaten", COUNTRY),
    ("Frankreichs", "frankreich", COUNTRY), ("französischen", "frankreich", COUNTRY),
    ("Élysée", "frankreich", COUNTRY), ("Elysee-Palast", "frankreich", COUNTRY),
    ("Brasiliens", "brasilien", COUNTRY), ("brasilianische", "brasilien", COUNTRY),
    ("Südafrikas", "suedafrika", COUNTRY), ("südafrikanischer", "suedafrika", COUNTRY),
    ("Großbritannien", "vereinigtes-koenigreich", COUNTRY), ("britischen", "vereinigtes-koenigreich", COUNTRY),
    ("Downing Street", "vereinigtes-koenigreich", COUNTRY), ("Briten", "vereinigtes-koenigreich", COUNTRY),
    ("Türkei", "tuerkei", COUNTRY), ("türkische", "tuerkei", COUNTRY), ("Weißrussland", "belarus", COUNTRY),
    ("weissrussland", "belarus", COUNTRY), ("Saudiarabien", "saudi-arabien", COUNTRY),
    ("Elfenbeinküste", "elfenbeinkueste", COUNTRY), ("Côte d'Ivoire", "elfenbeinkueste", COUNTRY),
    ("Tschechische Republik", "tschechien", COUNTRY), ("Burma", "myanmar", COUNTRY),
    ("Schweizer", "schweiz", COUNTRY), ("österreichischen", "oesterreich", COUNTRY), ("deutschen", "deutschland", COUNTRY),
    ("Sowjets", "sowjetunion", COUNTRY), ("UdSSR", "sowjetunion", COUNTRY), ("sowjetischen", "sowjetunion", COUNTRY),
    ("DDR", "ddr", COUNTRY), ("Südvietnam", "suedvietnam", COUNTRY), ("Heiligen Stuhl", "vatikan", COUNTRY),
    ("Kosovo", "kosovo", COUNTRY), ("Palästinenser", "palaestina", COUNTRY), ("Taiwans", "taiwan", COUNTRY),
    ("Kongo", "dr-kongo", COUNTRY), ("Indiens", "indien", COUNTRY), ("israelischen", "israel", COUNTRY),
    ("iranische", "iran", COUNTRY), ("Japaner", "japan", COUNTRY), ("Ukrainer", "ukraine", COUNTRY),
    ("Moskau", "moskau", CITY), ("Moskaus", "moskau", CITY), ("Hanoi", "hanoi", CITY), ("Kyjiw", "kiew", CITY),
    ("Washington", "washington", CITY), ("Pjöngjang", "pjoengjang", CITY), ("Neu-Delhi", "neu-delhi", CITY),
    ("Den Haag", "den-haag", CITY), ("Den Haags", "den-haag", CITY), ("Genf", "genf", CITY),
    ("Straßburg", "strassburg", CITY), ("Hongkong", "hongkong", CITY),
    ("Südchinesischen Meer", "suedchinesisches-meer", PLACE), ("Südchinesischen Meeres", "suedchinesisches-meer", PLACE),
    ("Schwarzen Meer", "schwarzes-meer", PLACE), ("Krim", "krim", PLACE), ("Gazastreifen", "gazastreifen", PLACE),
    ("Straße von Hormus", "strasse-von-hormus", PLACE), ("Taiwanstraße", "taiwanstrasse", PLACE),
    ("Korea", "koreanische-halbinsel", PLACE), ("Grönland", "groenland", PLACE),
    ("UNO", "vereinte-nationen", ORG), ("Vereinten Nationen", "vereinte-nationen", ORG),
    ("Sicherheitsrat", "un-sicherheitsrat", ORG), ("Nato", "nato", ORG), ("EU", "europaeische-union", ORG),
    ("Internationalen Strafgerichtshofs", "istgh", ORG), ("IStGH", "istgh", ORG), ("Strafgericht", "istgh", ORG),
    ("Kommunistischen Partei Vietnams", "kpv", ORG), ("KP Vietnams", "kpv", ORG), ("KPCh", "kpch", ORG),
    ("Auswärtigen Amt", "auswaertiges-amt", ORG), ("State Department", "us-aussenministerium", ORG),
    ("Nhan Dan", "nhan-dan", ORG), ("Nhân Dân", "nhan-dan", ORG), ("AFP", "afp", ORG), ("JTI", "jti", ORG),
    ("ISEAS-Yusof Ishak Institute", "iseas", ORG), ("IISS", "iiss", ORG), ("Tass", "tass", ORG),
])
def test_lookup(gaz, name, key, type_):
    entry = gaz.lookup(name)
    assert entry is not None, name
    assert (entry.key, entry.type) == (key, type_)


@pytest.mark.parametrize("name", ["Präsident", "Kommunistische Partei", "England", "koreanisch", "Philippinens",
                                  "Türkeis", "Vereinigte Staatens", "Male", "Jordan", "Georgia"])
def test_lookup_misses(gaz, name):
    entry = gaz.lookup(name)
    assert entry is None or entry.type is not COUNTRY, (name, entry)


@pytest.mark.parametrize("token, key", [
    ("US-Präsident", "vereinigte-staaten"), ("Kreml-Chef", "russland"), ("Vietnam-Visite", "vietnam"),
    ("EU-Kommissar", "europaeische-union"), ("Nordkorea-Besuch", "nordkorea"), ("Sowjet-Ära", "sowjetunion"),
    ("Nato-Gipfel", "nato"), ("UN-Sicherheitsrat", "un-sicherheitsrat"), ("Guinea-Bissau", "guinea-bissau"),
    ("Ukraine-Krise", "ukraine"), ("Russlandreise", "russland"), ("Irankrise", "iran"), ("Präsident", None),
    ("Kriminalpolizei", None), ("Perücke", None), ("Berliner", None), ("russland", "russland"),
])
def test_lookup_prefix(gaz, token, key):
    entry = gaz.lookup_prefix(token)
    assert (entry.key if entry else None) == key


def test_match_prefix(gaz):
    entry, text = gaz.match_prefix("Nord-Korea-Besuch")
    assert (entry.key, text) == ("nordkorea", "Nord-Korea")
    entry, text = gaz.match_prefix("Russlandreise")
    assert (entry.key, text) == ("russland", "Russland")
    assert gaz.match_prefix("Präsident") is None


def test_lookup_compound(gaz):
    assert [e.key for e in gaz.lookup_compound("russisch-vietnamesischen")] == ["russland", "vietnam"]
    assert [e.key for e in gaz.lookup_compound("deutsch-französische")] == ["deutschland", "frankreich"]


def test_get_and_entry_fields(gaz):
    ru = gaz.get("russland")
    assert ru.label == "Russland" and ru.names[0] == "Russland" and ru.iso == "RU" and ru.capital == "moskau"
    assert {"russisch", "russische", "russischen", "russischer", "russisches", "russischem"} <= set(ru.adjectives)
    assert gaz.get("moskau").located_in == "russland"
    assert gaz.get("un-sicherheitsrat").part_of == "vereinte-nationen"
    assert gaz.get("auswaertiges-amt").part_of == "deutschland"
    assert gaz.get("nope") is None


def test_ruler_patterns(gaz):
    patterns = gaz.ruler_patterns()
    assert {"label": "Country", "pattern": "Russland", "id": "russland"} in patterns
    assert {"label": "Country", "pattern": "russischen", "id": "russland#adj"} in patterns
    assert {"label": "City", "pattern": "Den Haag", "id": "den-haag"} in patterns
    assert {"label": "Organization", "pattern": [{"ORTH": "UN"}], "id": "vereinte-nationen"} in patterns
    assert {p["label"] for p in patterns} == {t.value for t in (COUNTRY, CITY, PLACE, ORG, EntityType.PERSON)}
    assert {"label": "Person", "pattern": "Putins", "id": "wladimir-putin"} in patterns
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(patterns)
    doc = nlp("Der russische Präsident traf in Hanoi den Chef der Kommunistischen Partei Vietnams, "
              "sagte die UN in New York zum Südchinesischen Meer; the US said to us.")
    found = {(ent.text, ent.label_, ent.ent_id_) for ent in doc.ents}
    assert {("russische", "Country", "russland#adj"), ("Hanoi", "City", "hanoi"),
            ("Kommunistischen Partei Vietnams", "Organization", "kpv"), ("UN", "Organization", "vereinte-nationen"),
            ("New York", "City", "new-york"), ("Südchinesischen Meer", "Place", "suedchinesisches-meer"),
            ("US", "Country", "vereinigte-staaten")} <= found
    assert not any(ent.text == "us" for ent in doc.ents)


def test_wikidata_ids(gaz):
    for e in gaz.entries:
        assert e.wikidata is None or re.fullmatch(r"Q[1-9][0-9]*", e.wikidata), e
    for key, qid in CERTAIN_QIDS.items():
        assert gaz.get(key).wikidata == qid, key
    qids = [e.wikidata for e in gaz.entries if e.wikidata]
    assert len(qids) == len(set(qids)), "one Wikidata id on two entries"


def test_references_exist(gaz):
    for e in gaz.entries:
        for ref in (e.located_in, e.part_of, e.capital):
            assert ref is None or gaz.get(ref) is not None, (e.key, ref)
        if e.capital:
            capital = gaz.get(e.capital)
            assert capital.type is CITY
            assert capital.located_in in (e.key, "russland", "vietnam", "serbien", "tschechien", None), e.key
        if e.type is CITY and e.located_in:
            assert gaz.get(e.located_in).type is COUNTRY


def test_no_surface_form_is_a_frequent_german_word(gaz):
    words = STOP_WORDS | FREQUENT_WORDS
    for pattern in gaz.ruler_patterns():
        if isinstance(pattern["pattern"], str):  # ORTH patterns ("US", "UN", "WHO") are case-sensitive
            assert pattern["pattern"].lower() not in words, pattern


def test_no_surface_form_names_two_entries(gaz):
    owner: dict[str, str] = {}
    for e in gaz.entries:
        for form in e.names + e.adjectives:
            assert owner.setdefault(norm(form), e.key) == e.key, (form, owner[norm(form)], e.key)
        assert not set(map(norm, e.names)) & set(map(norm, e.adjectives)), e.key


def test_genitive_rules(gaz):
    assert "Philippinen" in gaz.get("philippinen").names and "Philippinens" not in gaz.get("philippinen").names
    assert "Malediven" in gaz.get("malediven").names and "Malediven" + "s" not in gaz.get("malediven").names
    # singular names ending in -en take the -s: "die Regierung Norwegens", "Ägyptens Präsident"
    for key, genitive in (("norwegen", "Norwegens"), ("polen", "Polens"), ("aegypten", "Ägyptens"), ("jemen", "Jemens")):
        assert genitive in gaz.get(key).names, key
    assert not any(n.endswith("Staatens") for n in gaz.get("vereinigte-staaten").names)
    assert "Volksrepublik Chinas" not in gaz.get("china").names
    assert "Südchinesisches Meers" not in gaz.get("suedchinesisches-meer").names


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "gazetteer"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target


def _append(path: Path, row: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines + [row]) + "\n", encoding="utf-8")
    return len(lines) + 1


@pytest.mark.parametrize("row, message", [
    ("bad-row\tCity\tOnly three", "columns"),
    ("Bad Key\tCity\tIrgendwo\t\t\t\t\t", "bad key"),
    ("irgendwo\tVillage\tIrgendwo\t\t\t\t\t", "bad type"),
    ("irgendwo\tCity\tIrgendwo\t\t\t\tq12\t", "bad wikidata"),
    ("irgendwo\tCity\tIrgendwo\t\t\tatlantis\t\t", "located_in 'atlantis'"),
    ("moskau\tCity\tMoskau\t\t\trussland\t\t", "duplicate key 'moskau'"),
    ("irgendwo\tCity\tIrgendwo\tHanoi\t\t\t\t", "already names 'hanoi'"),
])
def test_malformed_row_names_file_and_line(tmp_path, row, message):
    data = _copy_data(tmp_path)
    line = _append(data / "places.tsv", row)
    with pytest.raises(OntologyError) as info:
        load_gazetteer(data)
    assert f"places.tsv:{line}" in str(info.value) and message in str(info.value)


def test_missing_file_is_an_ontology_error(tmp_path):
    data = _copy_data(tmp_path)
    (data / "organizations.tsv").unlink()
    with pytest.raises(OntologyError, match="organizations.tsv"):
        load_gazetteer(data)


def test_generator_covers_pycountry_and_matches_countries_tsv():
    spec = importlib.util.spec_from_file_location("make_gazetteer", ROOT / "scripts" / "make_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    countries, territories = module.build()

    def keys(text: str) -> set[tuple[str, str]]:
        rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")][1:]
        return {(r[0], r[1]) for r in rows}

    for name, text in (("countries.tsv", countries), ("territories.tsv", territories)):
        assert keys(text) == keys((DEFAULT_DATA_DIR / name).read_text(encoding="utf-8")), name


def test_the_islamic_state_is_named_by_its_capital_acronym_only(gaz):
    assert gaz.lookup("IS").key == "islamischer-staat"
    assert gaz.lookup("is") is None and gaz.lookup("Is") is None


def test_case_sensitive_forms_name_only_as_written(gaz):
    greens = gaz.lookup("Grünen")
    assert greens is not None and greens.type is EntityType.ORGANIZATION
    assert gaz.lookup("grünen") is None and gaz.lookup("grüne") is None
    assert gaz.lookup_prefix("Grünen-Chefin") is greens
    patterns = [p for p in gaz.ruler_patterns() if p["id"] == greens.key]
    assert {"label": "Organization", "pattern": [{"ORTH": "Grünen"}], "id": greens.key} in patterns
    assert all(p["pattern"] != "grüne" for p in patterns)


def test_given_names_and_body_heads_are_loaded(gaz):
    assert {"Deniz", "Hans-Jörg", "Sebastian"} <= gaz.given_names
    assert gaz.body_heads["parlament"] == "n" and gaz.body_heads["streitkräfte"] == "pl"
    assert "opposition" in gaz.lone_bodies and "ministerium" not in gaz.lone_bodies


def test_every_seat_is_a_capital_and_names_a_body(gaz):
    assert gaz.seats
    for city, body in gaz.seats.items():
        assert gaz.get(city) is not None and gaz.get(city).type.value == "City"
        assert gaz.get(body) is not None and gaz.get(body).type.value == "Organization"


@pytest.mark.parametrize("file, row, message", [
    ("given_names.txt", "hans peter", "given name"),
    ("body_heads.tsv", "Parlament\tn\t", "bad row"),
    ("body_heads.tsv", "senat\tx\t", "bad row"),
    ("body_heads.tsv", "senat\tm\t\tja", "bad row"),
    ("seats.tsv", "bruessel", "bad row"),
])
def test_malformed_name_lists_name_file_and_line(tmp_path, file, row, message):
    data = _copy_data(tmp_path)
    line = _append(data / file, row)
    with pytest.raises(OntologyError) as info:
        load_gazetteer(data)
    assert f"{file}:{line}" in str(info.value) and message in str(info.value)


def test_organization_kinds():
    gaz = load_gazetteer(DEFAULT_DATA_DIR)
    assert (gaz.lookup("SPD").kind, gaz.lookup("Nato").kind, gaz.lookup("Interpol").kind) == ("party", "alliance", None)


def test_unknown_organization_kind_names_file_and_line(tmp_path):
    data = _copy_data(tmp_path)
    line = _append(data / "organizations.tsv", "irgendwas\tIrgendwas\t\t\t\tclub\t")
    with pytest.raises(OntologyError) as info:
        load_gazetteer(data)
    assert f"organizations.tsv:{line}" in str(info.value) and "bad kind 'club'" in str(info.value)


def test_descriptions_say_what_they_refer_to():
    gaz = load_gazetteer(DEFAULT_DATA_DIR)
    land, alliance = gaz.descriptions["landes"], gaz.descriptions["bündnis"]
    assert (land.type, land.kind) == (EntityType.COUNTRY, None)
    assert (alliance.type, alliance.kind) == (EntityType.ORGANIZATION, "alliance")
    assert "ausland" not in gaz.descriptions and "bundesland" not in gaz.descriptions


def test_bad_description_row_names_file_and_line(tmp_path):
    data = _copy_data(tmp_path)
    line = _append(data / "descriptions.tsv", "Verein\tOrganization\t\tVerein\t")
    with pytest.raises(OntologyError) as info:
        load_gazetteer(data)
    assert f"descriptions.tsv:{line}" in str(info.value)


def test_the_white_house_in_every_case(gaz):
    # "das Weiße Haus", "im Weißen Haus", "des Weißen Hauses": the US administration
    assert {gaz.lookup(f).key for f in ("Weißes Haus", "Weiße Haus", "Weißen Haus", "Weißen Hauses")} == {"vereinigte-staaten"}
