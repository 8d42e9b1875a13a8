"""Contract tests of queries/*.rq and kg.queries (house style B6).

``sample_resolved()`` is a small hand-built corpus with one fact of every
kind; tests/integration/test_store_server.py reuses it to compare engines.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from kg.errors import QueryError, QueryParamError, QuerySyntaxError, UnknownQuery
from kg.model import (
    Article,
    Claim,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Fact,
    FactKind,
    Mention,
    PartialDate,
    Resolved,
    Role,
)
from kg.queries import (
    NamedQuery,
    discover,
    find_query,
    load_query_file,
    rows,
    run_query,
    serialize,
    to_csv,
    to_json,
    to_table,
    to_tsv,
)
from kg.rdf import to_dataset, to_nquads
from kg.store import OxigraphStore, QueryResult, Term

ROOT = Path(__file__).resolve().parent.parent
QUERIES_DIR = ROOT / "queries"
CONTRACT = (
    "visits", "meetings", "agreements", "trade", "quantities",
    "roles", "invitations", "statements", "legal_actions", "entities",
)
QUERY_FILES = sorted(QUERIES_DIR.glob("*.rq")) + sorted((QUERIES_DIR / "lib").glob("*.rq"))

# ---------------------------------------------------------------------------
# A hand-built corpus: two articles, one fact of every kind
# ---------------------------------------------------------------------------

TEXT_A = (
    "Der russische Präsident Wladimir Putin ist am 20. Juni 2024 zu seinem fünften Besuch "
    "in Vietnam eingetroffen. In Hanoi traf er Staatschef Tô Lâm. Beide unterzeichneten "
    "elf Abkommen über Energie und Bildung. Der Handel erreichte 2023 rund 3,5 Milliarden "
    "US-Dollar. Russland liefert etwa 80 Prozent der Waffen Vietnams. Putin kritisierte "
    "die USA: \"Das ist Erpressung.\" Tô Lâm lud Putin nach Russland ein. "
    "Der Internationale Strafgerichtshof erließ im März 2023 Haftbefehl gegen Putin."
)
TEXT_B = "Putin besuchte Vietnam. Eigentlich wollte Putin auch Laos besuchen."

KEYS = {  # key -> (type, label, aliases, wikidata, iso, located_in, affiliation)
    "wladimir-putin": (EntityType.PERSON, "Wladimir Putin", {"Putin"}, "Q7747", None, None, "russland"),
    "to-lam": (EntityType.PERSON, "Tô Lâm", {"To Lam", "Lam"}, None, None, None, "vietnam"),
    "russland": (EntityType.COUNTRY, "Russland", {"Russische Föderation"}, "Q159", "RU", None, None),
    "vietnam": (EntityType.COUNTRY, "Vietnam", set(), "Q881", "VN", None, None),
    "laos": (EntityType.COUNTRY, "Laos", set(), None, None, None, None),
    "hanoi": (EntityType.CITY, "Hanoi", set(), "Q1858", None, "vietnam", None),
    "usa": (EntityType.COUNTRY, "USA", {"Vereinigte Staaten"}, "Q30", "US", None, None),
    "istgh": (EntityType.ORGANIZATION, "Internationaler Strafgerichtshof", {"IStGH"}, "Q47488",
              None, None, None),
}


def _span(doc_id: str, text: str, needle: str, nth: int = 0) -> Evidence:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    sent_start = max(text.rfind(". ", 0, start) + 2, 0) if ". " in text[:start] else 0
    sent_end = text.find(". ", start)
    sent_end = len(text) if sent_end < 0 else sent_end + 1
    return Evidence(doc_id, start, start + len(needle), 0, sent_start, sent_end)


def sample_resolved() -> Resolved:
    """Two articles, eight entities, ten facts (one negated), with claims."""
    a = Article("doc_a", TEXT_A, PartialDate(2024, 6, 20), "Putin in Vietnam", "seeds/doc_a.txt")
    b = Article("doc_b", TEXT_B, PartialDate(2024, 6, 21), "", "seeds/doc_b.txt")
    texts = {"doc_a": TEXT_A, "doc_b": TEXT_B}
    mention_keys: list[tuple[Mention, str]] = []

    def m(doc: str, surface: str, key: str, nth: int = 0) -> Mention:
        mention = Mention(surface, KEYS[key][0], _span(doc, texts[doc], surface, nth), KEYS[key][1])
        mention_keys.append((mention, key))
        return mention

    def claim(kind: FactKind, roles: list[tuple[Role, Mention]], doc: str, sentence: str,
              when: PartialDate | None = None, until: PartialDate | None = None,
              attributes: tuple[tuple[str, str], ...] = ()) -> Claim:
        return Claim(kind, tuple(roles), when, until, attributes, _span(doc, texts[doc], sentence),
                     f"{kind.value.lower()}.v1", 0.8)

    putin, vietnam = m("doc_a", "Putin", "wladimir-putin"), m("doc_a", "Vietnam", "vietnam")
    hanoi, tolam = m("doc_a", "Hanoi", "hanoi"), m("doc_a", "Tô Lâm", "to-lam")
    russia, usa = m("doc_a", "Russland", "russland"), m("doc_a", "USA", "usa")
    icc = m("doc_a", "Internationale Strafgerichtshof", "istgh")
    putin2, tolam2 = m("doc_a", "Putin", "wladimir-putin", 1), m("doc_a", "Tô Lâm", "to-lam", 1)
    b_putin, b_vietnam = m("doc_b", "Putin", "wladimir-putin"), m("doc_b", "Vietnam", "vietnam")
    b_putin2, b_laos = m("doc_b", "Putin", "wladimir-putin", 1), m("doc_b", "Laos", "laos")

    june20 = PartialDate(2024, 6, 20)
    visit_attrs = (("ordinal", "5"),)
    facts_and_claims = [
        (Fact(FactKind.VISIT, ((Role.VISITOR, "wladimir-putin"), (Role.DESTINATION, "vietnam"),
                               (Role.HOST, "to-lam")), june20, PartialDate(2024, 6, 21), visit_attrs),
         [claim(FactKind.VISIT, [(Role.VISITOR, putin), (Role.DESTINATION, vietnam)], "doc_a",
                "fünften Besuch", june20, None, visit_attrs),
          claim(FactKind.VISIT, [(Role.VISITOR, b_putin), (Role.DESTINATION, b_vietnam)], "doc_b",
                "besuchte")]),
        (Fact(FactKind.VISIT, ((Role.VISITOR, "wladimir-putin"), (Role.DESTINATION, "laos")), None,
              None, (("negated", "true"),)),
         [claim(FactKind.VISIT, [(Role.VISITOR, b_putin2), (Role.DESTINATION, b_laos)], "doc_b",
                "wollte", attributes=(("negated", "true"),))]),
        (Fact(FactKind.MEETING, ((Role.PARTICIPANT, "wladimir-putin"), (Role.PARTICIPANT, "to-lam"),
                                 (Role.PLACE, "hanoi")), june20, None, (("mode", "in_person"),)),
         [claim(FactKind.MEETING, [(Role.PARTICIPANT, putin), (Role.PARTICIPANT, tolam),
                                   (Role.PLACE, hanoi)], "doc_a", "traf", june20)]),
        (Fact(FactKind.AGREEMENT, ((Role.PARTY, "vietnam"), (Role.PARTY, "russland"),
                                   (Role.SIGNATORY, "wladimir-putin"), (Role.SIGNATORY, "to-lam"),
                                   (Role.PLACE, "hanoi")), june20, None,
              (("count", "11"), ("kind", "agreement"), ("topic", "Energie"), ("topic", "Bildung"))),
         [claim(FactKind.AGREEMENT, [(Role.SIGNATORY, putin)], "doc_a", "unterzeichneten")]),
        (Fact(FactKind.TRADE, ((Role.PARTNER, "russland"), (Role.PARTNER, "vietnam")),
              PartialDate(2023), None,
              (("value", str(Decimal("3.5E9"))), ("unit", "USD"), ("qualifier", "about"))),
         [claim(FactKind.TRADE, [], "doc_a", "Handel", PartialDate(2023))]),
        (Fact(FactKind.QUANTITY, ((Role.SUBJECT, "russland"), (Role.OF, "vietnam")),
              PartialDate(2010), PartialDate(2020),
              (("measure", "arms_import_share"), ("value", "80"), ("unit", "percent"),
               ("qualifier", "about"))),
         [claim(FactKind.QUANTITY, [(Role.SUBJECT, russia)], "doc_a", "80 Prozent")]),
        (Fact(FactKind.ROLE, ((Role.PERSON, "wladimir-putin"), (Role.ORG, "russland")), None, None,
              (("office", "president"), ("former", "false"))),
         [claim(FactKind.ROLE, [(Role.PERSON, putin)], "doc_a", "Präsident")]),
        (Fact(FactKind.INVITATION, ((Role.INVITER, "to-lam"), (Role.INVITEE, "wladimir-putin"),
                                    (Role.DESTINATION, "russland")), PartialDate(2024, 6), None,
              (("accepted", "true"),)),
         [claim(FactKind.INVITATION, [(Role.INVITER, tolam2), (Role.INVITEE, putin2)], "doc_a",
                "lud")]),
        (Fact(FactKind.STATEMENT, ((Role.SPEAKER, "wladimir-putin"), (Role.TARGET, "usa")), june20,
              None, (("stance", "criticize"), ("quote", "Das ist Erpressung."))),
         [claim(FactKind.STATEMENT, [(Role.TARGET, usa)], "doc_a", "kritisierte")]),
        (Fact(FactKind.LEGAL_ACTION, ((Role.ISSUER, "istgh"), (Role.TARGET, "wladimir-putin")),
              PartialDate(2023, 3), None, (("kind", "arrest_warrant"),)),
         [claim(FactKind.LEGAL_ACTION, [(Role.ISSUER, icc)], "doc_a", "Haftbefehl")]),
    ]
    facts = tuple(Fact(f.kind, f.roles, f.when, f.until, f.attributes, tuple(cs))
                  for f, cs in facts_and_claims)
    claims_by_doc: dict[str, list[Claim]] = {"doc_a": [], "doc_b": []}
    for _, cs in facts_and_claims:
        for c in cs:
            claims_by_doc[c.evidence.doc_id].append(c)
    sources: dict[str, set[str]] = {}
    for mention, key in mention_keys:
        sources.setdefault(key, set()).add(mention.evidence.doc_id)
    entities = tuple(
        Entity(key, t, label, frozenset(aliases), qid, iso, located, affiliation,
               frozenset(sources.get(key, ())))
        for key, (t, label, aliases, qid, iso, located, affiliation) in KEYS.items()
    )
    extractions = tuple(
        Extraction(art, tuple(mn for mn, _ in mention_keys if mn.evidence.doc_id == art.doc_id),
                   tuple(claims_by_doc[art.doc_id]))
        for art in (a, b)
    )
    return Resolved((a, b), entities, facts, extractions, tuple(mention_keys))


def sample_nquads() -> bytes:
    return to_nquads(to_dataset(sample_resolved()))


@pytest.fixture(scope="module")
def queries() -> dict[str, NamedQuery]:
    return discover(QUERIES_DIR)


@pytest.fixture(scope="module")
def sample_store() -> OxigraphStore:
    store = OxigraphStore(None)
    store.replace(sample_nquads())
    return store


def records(store: OxigraphStore, query: NamedQuery, **params: str) -> list[dict[str, str]]:
    return rows(run_query(store, query, params))


# ---------------------------------------------------------------------------
# Every .rq file
# ---------------------------------------------------------------------------


def test_contract_names_exist(queries: dict[str, NamedQuery]) -> None:
    assert set(CONTRACT) <= set(queries)


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_query_file_is_well_formed(path: Path) -> None:
    query = load_query_file(path)
    assert query.summary, f"{path.name} has no '#+ summary:'"
    result = OxigraphStore(None).query(query.sparql)  # parses and runs on an empty store
    assert result.variables == query.returns, "SELECT projection differs from '#+ returns:'"
    assert result.rows == ()


@pytest.mark.parametrize("name", CONTRACT)
def test_contract_query_returns_one_row_per_fact(queries: dict[str, NamedQuery],
                                                 sample_store: OxigraphStore, name: str) -> None:
    result = run_query(sample_store, queries[name])
    key = "entity" if name == "entities" else "fact"
    assert key in result.variables
    ids = [r[key] for r in result.records()]
    assert ids and len(ids) == len(set(ids))


# ---------------------------------------------------------------------------
# Real rows on the sample corpus
# ---------------------------------------------------------------------------


def test_visits_rows(queries: dict[str, NamedQuery], sample_store: OxigraphStore) -> None:
    (row,) = records(sample_store, queries["visits"])  # the negated visit to Laos is left out
    assert {k: v for k, v in row.items() if k != "fact"} == {
        "visitor": "Wladimir Putin", "destination": "Vietnam", "state": "Vietnam", "start": "2024-06-20",
        "end": "2024-06-21", "ordinal": "5", "host": "Tô Lâm", "source": "doc_a | doc_b",
    }
    assert row["fact"].startswith("https://w3id.org/diplomacy-kg/id/fact/visit/")


def test_rows_of_every_kind(queries: dict[str, NamedQuery], sample_store: OxigraphStore) -> None:
    def one(name: str) -> dict[str, str]:
        (row,) = records(sample_store, queries[name])
        row.pop("fact", None)
        return row

    assert one("meetings") == {"participants": "Tô Lâm | Wladimir Putin", "date": "2024-06-20",
                               "place": "Hanoi", "mode": "in_person", "source": "doc_a"}
    assert one("agreements") == {
        "parties": "Russland | Vietnam", "signatories": "Tô Lâm | Wladimir Putin",
        "date": "2024-06-20", "place": "Hanoi", "count": "11", "kind": "agreement",
        "topics": "Bildung | Energie", "source": "doc_a"}
    assert one("trade") == {"partners": "Russland | Vietnam", "amount": "3500000000",
                            "currency": "USD", "year": "2023", "source": "doc_a"}
    assert one("quantities") == {
        "subject": "Russland", "value": "80", "measure": "arms_import_share", "of": "Vietnam",
        "unit": "percent", "period": "2010/2020", "qualifier": "about", "source": "doc_a"}
    assert one("roles") == {"person": "Wladimir Putin", "role": "president", "org": "Russland",
                            "former": "false", "source": "doc_a"}
    assert one("invitations") == {"inviter": "Tô Lâm", "invitee": "Wladimir Putin",
                                  "destination": "Russland", "date": "2024-06", "accepted": "true",
                                  "source": "doc_a"}
    assert one("statements") == {"speaker": "Wladimir Putin", "stance": "criticize",
                                 "target": "USA", "date": "2024-06-20",
                                 "quote": "Das ist Erpressung.", "source": "doc_a"}
    assert one("legal_actions") == {"issuer": "Internationaler Strafgerichtshof",
                                    "target": "Wladimir Putin", "kind": "arrest_warrant",
                                    "date": "2023-03", "source": "doc_a"}


def test_entities_rows(queries: dict[str, NamedQuery], sample_store: OxigraphStore) -> None:
    by_label = {r["label"]: r for r in records(sample_store, queries["entities"])}
    assert set(by_label) == {k[1] for k in KEYS.values()}
    putin = by_label["Wladimir Putin"]
    assert (putin["type"], putin["wikidata"], putin["aliases"], putin["source"]) == (
        "Person", "Q7747", "Putin", "doc_a | doc_b")
    assert by_label["Tô Lâm"]["aliases"] == "Lam | To Lam"
    assert "wikidata" not in by_label["Laos"]


def test_results_are_deterministic(queries: dict[str, NamedQuery]) -> None:
    def all_json() -> list[str]:
        store = OxigraphStore(None)
        store.replace(sample_nquads())
        return [to_json(run_query(store, queries[n])) for n in CONTRACT]

    assert all_json() == all_json()


# ---------------------------------------------------------------------------
# Names, parameters, errors
# ---------------------------------------------------------------------------


def test_unknown_query_suggests_names(queries: dict[str, NamedQuery]) -> None:
    with pytest.raises(UnknownQuery) as info:
        find_query(queries, "visit")
    message = str(info.value)
    assert message.startswith("no query named 'visit' in queries/ (did you mean 'visits'?); available: ")
    assert "agreements, conflicts, entities, " in message


def test_undeclared_parameter_lists_declared_ones(queries: dict[str, NamedQuery],
                                                  sample_store: OxigraphStore) -> None:
    with pytest.raises(QueryParamError, match=r"^query 'facts_about' takes parameters \[label\]; "
                       r"got 'name'\. Use --param label=Russland$"):
        run_query(sample_store, queries["facts_about"], {"name": "Russland"})
    with pytest.raises(QueryParamError, match=r"^query 'visits' takes no parameters; got 'since'$"):
        run_query(sample_store, queries["visits"], {"since": "2024-01-01"})


def test_parameter_is_bound_by_substitution(queries: dict[str, NamedQuery],
                                            sample_store: OxigraphStore) -> None:
    query = queries["facts_about"]
    assert query.params == (("label", "label"),) and query.required == ("label",)
    found = records(sample_store, query, label="Tô Lâm")
    assert {(r["role"], r["kind"]) for r in found} == {
        ("host", "Visit"), ("participant", "Meeting"), ("signatory", "Agreement"),
        ("inviter", "Invitation")}
    assert all(r["label"] == "Tô Lâm" for r in found)
    # A value that would break an interpolated query is just a name no entity has.
    with pytest.raises(QueryParamError, match="no entity is named"):
        records(sample_store, query, label='x" } ; DROP ALL ; #')


def test_required_parameter_missing_is_an_error(queries: dict[str, NamedQuery],
                                                sample_store: OxigraphStore, tmp_path: Path) -> None:
    with pytest.raises(QueryParamError, match=r"^query 'facts_about' needs parameter label "
                       r"\(an entity name\); e\.g\. --param label=Russland$"):
        run_query(sample_store, queries["facts_about"])
    path = tmp_path / "window.rq"
    path.write_text("#+ params: {since: xsd:date, until: xsd:date, kind?: xsd:string}\n"
                    "SELECT ?since ?until ?kind WHERE { ?x <http://e/p> ?y }\n", encoding="utf-8")
    window = load_query_file(path)
    assert window.required == ("since", "until") and window.optional == {"kind"}
    with pytest.raises(QueryParamError, match=r"needs parameters since \(xsd:date\), until \(xsd:date\)"):
        run_query(sample_store, window, {"kind": "x"})
    assert run_query(sample_store, window, {"since": "2024-01-01", "until": "2024-12-31"}).rows == ()


@pytest.mark.parametrize("typed", ["russland", "RUSSLAND", "Russland", "  russland "])
def test_label_parameter_ignores_case(queries: dict[str, NamedQuery], sample_store: OxigraphStore,
                                      typed: str) -> None:
    found = records(sample_store, queries["facts_about"], label=typed.strip())
    assert found and {r["label"] for r in found} == {"Russland"}


def test_label_parameter_ignores_accents_and_matches_other_names(
        queries: dict[str, NamedQuery], sample_store: OxigraphStore) -> None:
    exact = records(sample_store, queries["facts_about"], label="Tô Lâm")
    assert records(sample_store, queries["facts_about"], label="to lam") == exact
    assert records(sample_store, queries["facts_about"], label="TO LAM") == exact
    # another name of the entity (skos:altLabel) finds it under its label
    assert {r["label"] for r in records(sample_store, queries["facts_about"], label="istgh")} == {
        "Internationaler Strafgerichtshof"}
    with pytest.raises(QueryParamError, match=r"no entity is named 'Rusland'.*did you mean 'Russland'"):
        records(sample_store, queries["facts_about"], label="Rusland")


def test_typed_parameter_values_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "since.rq"
    path.write_text("#+ summary: t\n#+ returns: [since, d]\n#+ params: {since: xsd:date}\n"
                    "SELECT ?since ?d WHERE { ?x <http://e/p> ?d }\n", encoding="utf-8")
    query = load_query_file(path)
    with pytest.raises(QueryParamError, match="must be xsd:date like 2024-06-01; got '2024-13-01'"):
        run_query(OxigraphStore(None), query, {"since": "2024-13-01"})
    result = run_query(OxigraphStore(None), query, {"since": "2024-06-01"})
    assert result.variables == ("since", "d")


def test_syntax_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.rq"
    path.write_text("SELEC ?x WHERE { ?x ?p ?o }\n", encoding="utf-8")
    query = load_query_file(path)  # the header is optional
    assert (query.name, query.summary, query.returns, query.params) == ("broken", "", (), ())
    with pytest.raises(QuerySyntaxError, match=re.escape(str(path))):
        run_query(OxigraphStore(None), query)


def test_syntax_error_shows_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "typo.rq"
    path.write_text("#+ summary: a typo on line 4\nSELECT ?x\nWHERE {\n  FILTR(?x)\n}\n", encoding="utf-8")
    with pytest.raises(QuerySyntaxError) as info:
        run_query(OxigraphStore(None), load_query_file(path))
    first, shown, caret = str(info.value).splitlines()
    assert first.startswith(f"{path}:4:") and "SPARQL syntax error" in first
    column = int(first.split(":")[2])
    assert shown == "   4 |   FILTR(?x)"
    assert caret.index("^") == len("   4 | ") + column - 1


def test_bad_header_and_missing_dir(tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text("#+ params: {since: xsd:when}\nSELECT * WHERE {}\n", encoding="utf-8")
    with pytest.raises(QuerySyntaxError, match="unknown type 'xsd:when'"):
        load_query_file(path)
    with pytest.raises(QueryError, match="no query directory"):
        discover(tmp_path / "nope")


# ---------------------------------------------------------------------------
# Serialisers
# ---------------------------------------------------------------------------

XSD = "http://www.w3.org/2001/XMLSchema#"
SMALL = QueryResult(
    ("a", "b", "c"),
    (
        (Term("uri", "http://e/x"), Term("literal", "Tô Lâm", XSD + "string"),
         Term("literal", "5", XSD + "integer")),
        (None, Term("literal", 'say "hi",\nthen go', XSD + "string"),
         Term("literal", "Haus", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString", "de")),
    ),
)


def test_json_is_sparql_results_json(queries: dict[str, NamedQuery],
                                     sample_store: OxigraphStore) -> None:
    doc = json.loads(to_json(run_query(sample_store, queries["visits"])))
    assert set(doc) == {"head", "results"}
    assert doc["head"]["vars"] == list(queries["visits"].returns)
    (binding,) = doc["results"]["bindings"]
    assert binding["visitor"] == {"type": "literal", "value": "Wladimir Putin"}
    assert binding["fact"]["type"] == "uri"
    small = json.loads(to_json(SMALL))
    assert small["results"]["bindings"] == [
        {"a": {"type": "uri", "value": "http://e/x"}, "b": {"type": "literal", "value": "Tô Lâm"},
         "c": {"type": "literal", "value": "5", "datatype": XSD + "integer"}},
        {"b": {"type": "literal", "value": 'say "hi",\nthen go'},
         "c": {"type": "literal", "value": "Haus", "xml:lang": "de"}},
    ]


def test_csv_tsv_table() -> None:
    assert to_csv(SMALL) == 'a,b,c\r\nhttp://e/x,Tô Lâm,5\r\n,"say ""hi"",\nthen go",Haus\r\n'
    assert to_tsv(SMALL).splitlines() == [
        "?a\t?b\t?c",
        f'<http://e/x>\t"Tô Lâm"\t"5"^^<{XSD}integer>',
        '\t"say \\"hi\\",\\nthen go"\t"Haus"@de',
    ]
    table = to_table(SMALL).splitlines()
    assert table[0] == "a           b                  c"
    assert table[1] == "----------  -----------------  ----"
    assert table[2] == "http://e/x  Tô Lâm             5"
    assert table[3] == '            say "hi", then go  Haus'
    assert table[-1] == "(2 rows)"


def test_serialize_by_format_name() -> None:
    assert serialize(SMALL, "json") == to_json(SMALL)
    assert serialize(SMALL, "table") == to_table(SMALL)
    with pytest.raises(QueryError, match="unknown result format 'xml'"):
        serialize(SMALL, "xml")


def test_table_groups_digits_and_hides_identifier_columns() -> None:
    from kg.results import readable_number

    assert readable_number("3500000000") == "3,500,000,000"
    assert readable_number("2024") == "2024"  # years stay
    assert readable_number("-1234567.25") == "-1,234,567.25"
    assert readable_number("12 Mio.") == "12 Mio."
    result = QueryResult(("amount", "year", "fact"), (
        (Term("literal", "175000000000", XSD + "string"), Term("literal", "2022", XSD + "string"),
         Term("uri", "https://w3id.org/diplomacy-kg/id/fact/x")),
        (Term("literal", "12345", XSD + "integer"), None, Term("uri", "https://w3id.org/diplomacy-kg/id/fact/y")),
    ))
    table = to_table(result).splitlines()
    assert table[0].split() == ["amount", "year"]
    assert table[2].split() == ["175,000,000,000", "2022"] and table[3].split() == ["12,345"]
    assert to_table(result, iri=True).splitlines()[0].split() == ["amount", "year", "fact"]
    assert "175000000000" in to_csv(result) and "12345" in to_json(result)
    # a column named fact that holds no IRIs is data, and stays
    plain = QueryResult(("fact",), ((Term("literal", "Besuch", XSD + "string"),),))
    assert to_table(plain).splitlines()[2] == "Besuch"


def test_ask_and_graph_results_in_each_format() -> None:
    ask = QueryResult(boolean=False)
    assert serialize(ask) == serialize(ask, "table") == serialize(ask, "csv") == "false\n"
    assert json.loads(serialize(ask, "json")) == {"head": {}, "boolean": False}
    graph = QueryResult(triples=b'<http://e/a> <https://w3id.org/diplomacy-kg/ns#visitor> <http://e/b> .\n')
    assert serialize(graph, "ntriples") == graph.triples.decode()
    assert serialize(graph) == serialize(graph, "turtle")
    assert "<http://e/a> kg:visitor <http://e/b> ." in serialize(graph)
    with pytest.raises(QueryError, match="gives triples, not rows"):
        serialize(graph, "json")
    with pytest.raises(QueryError, match="--format turtle is for CONSTRUCT and DESCRIBE"):
        serialize(SMALL, "turtle")
