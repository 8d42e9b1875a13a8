"""Input formats beyond plain text: HTML pages (also saved as .txt), JSON
Lines (also gzipped), the length limit, the language check, and a fuzz of
ingest that may raise nothing but the project's own errors."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import ArticleFormatError, InputError, KgError
from kg.ingest import read_articles
from kg.langcheck import language_of, language_warnings
from kg.model import Article

PAGE = """<!DOCTYPE html>
<html lang="de"><head><title>Besuch in Valmora</title>
<meta property="og:url" content="https://zeitung.example/valmora-besuch">
<meta name="date" content="2025-04-17">
<script>var tracking = "Skriptinhalt";</script><style>.x { color: red }</style></head>
<body><nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
<article><h1>Besuch in Valmora</h1>
<p>Die Außenministerin Karla Brenner ist am Mittwoch zu einem zweitägigen Besuch in Valmora eingetroffen.
Sie traf dort den Regierungschef Tomas Ilvesen zu Gesprächen über den Handel zwischen beiden Ländern.</p>
<p>Beide Seiten vereinbarten, die Zusammenarbeit in der Energiepolitik auszubauen und im Herbst erneut zu beraten.</p>
</article><footer>Impressum · Datenschutz</footer></body></html>
"""

GERMAN = ("Die Außenministerin Karla Brenner ist am Mittwoch zu einem zweitägigen Besuch eingetroffen. "
          "Sie traf dort den Regierungschef zu Gesprächen über den Handel zwischen beiden Ländern und die "
          "Zusammenarbeit in der Energiepolitik, die beide Seiten im Herbst ausbauen wollen.")
ENGLISH = ("The foreign minister Karla Brenner arrived on Wednesday for a two-day visit. She met the head "
           "of government there for talks about trade between the two countries and about cooperation on "
           "energy policy, which both sides want to expand in the autumn.")


def _jsonl(path: Path, *lines: object) -> Path:
    text = "".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n"
                   for line in lines)
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(text.encode("utf-8")))
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["seite.html", "seite.htm", "seite.txt"])
def test_html_page_gives_text_title_date_and_url(tmp_path, name):
    (tmp_path / name).write_text(PAGE, encoding="utf-8")
    (a,) = read_articles(tmp_path)
    assert a.doc_id == "seite"
    assert (a.title, a.published.iso(), a.source) == (
        "Besuch in Valmora", "2025-04-17", "https://zeitung.example/valmora-besuch")
    assert "Karla Brenner ist am Mittwoch" in a.text
    for markup in ("<", "DOCTYPE", "Skriptinhalt", "color: red", "Startseite", "Impressum"):
        assert markup not in a.text
    assert a.origin == str(tmp_path / name)


def test_plain_text_mentioning_html_stays_text(tmp_path):
    (tmp_path / "a.txt").write_text("Der Satz nennt <html> nur als Wort.", encoding="utf-8")
    (a,) = read_articles(tmp_path)
    assert a.text == "Der Satz nennt <html> nur als Wort."


def test_html_page_without_text_is_an_article_error(tmp_path):
    (tmp_path / "leer.html").write_text("<!DOCTYPE html><html><head><title>x</title></head><body></body></html>")
    with pytest.raises(ArticleFormatError, match="leer.html: no article text found"):
        list(read_articles(tmp_path))


@pytest.mark.parametrize("name", ["feed.jsonl", "feed.jsonl.gz"])
def test_jsonl_records_become_articles(tmp_path, name):
    _jsonl(tmp_path / name,
           {"id": "r1", "text": "Erster Text.\r\nZweite Zeile.", "title": "Eins", "date": "2025-04-17T09:30:00+02:00",
            "url": "https://zeitung.example/1"},
           "",
           {"id": 2, "text": "Zweiter Text (Agentur, 3.5.2030)"})
    one, two = read_articles(tmp_path)
    assert (one.doc_id, one.title, one.published.iso(), one.source) == (
        "r1", "Eins", "2025-04-17", "https://zeitung.example/1")
    assert one.text == "Erster Text.\nZweite Zeile."
    assert one.origin == f"{tmp_path / name}:1"
    assert (two.doc_id, two.published.iso(), two.title) == ("2", "2030-05-03", "")


@pytest.mark.parametrize(("line", "message"), [
    ("{nicht json", "not a JSON object"),
    ("[1, 2]", "expected a JSON object"),
    ({"text": "ohne Kennung"}, "missing 'id'"),
    ({"id": "x"}, "missing 'text'"),
    ({"id": "x", "text": "   "}, "empty article"),
    ({"id": "../x", "text": "Text"}, "cannot name a document"),
    ({"id": "x", "text": "Text", "date": "gestern"}, "not ISO 8601"),
    ({"id": "x", "text": "a\u0000b"}, "NUL"),
])
def test_bad_jsonl_lines_name_file_and_line_and_can_be_skipped(tmp_path, line, message):
    feed = _jsonl(tmp_path / "feed.jsonl", {"id": "gut", "text": "Ein Text."}, line, {"id": "auch", "text": "Noch einer."})
    with pytest.raises(ArticleFormatError, match=f"feed.jsonl:2: .*{message}"):
        list(read_articles(tmp_path))
    errors: list[ArticleFormatError] = []
    assert [a.doc_id for a in read_articles(feed, on_error=errors.append)] == ["gut", "auch"]
    assert len(errors) == 1 and "\n" not in str(errors[0])


def test_document_ids_are_unique_across_files(tmp_path):
    (tmp_path / "a1.txt").write_text("Text der Datei.", encoding="utf-8")
    _jsonl(tmp_path / "b.jsonl", {"id": "a1", "text": "Gleiche Kennung."}, {"id": "neu", "text": "Anders."})
    _jsonl(tmp_path / "c.jsonl.gz", {"id": "neu", "text": "Wieder gleich."})
    errors: list[ArticleFormatError] = []
    assert [a.doc_id for a in read_articles(tmp_path, on_error=errors.append)] == ["a1", "neu"]
    assert [str(e).split(": ")[0] for e in errors] == [f"{tmp_path / 'b.jsonl'}:1", f"{tmp_path / 'c.jsonl.gz'}:1"]
    assert "document id 'a1' is also used by" in str(errors[0])


def test_broken_gzip_is_one_error_for_the_file(tmp_path):
    data = gzip.compress(b'{"id": "a", "text": "Text."}\n' * 50)
    (tmp_path / "kaputt.jsonl.gz").write_bytes(data[: len(data) // 2])
    with pytest.raises(ArticleFormatError, match="kaputt.jsonl.gz: cannot read it after line"):
        list(read_articles(tmp_path))


def test_text_over_the_limit_is_rejected_not_cut(tmp_path):
    (tmp_path / "lang.txt").write_text("Ein Satz. " * 20, encoding="utf-8")
    _jsonl(tmp_path / "f.jsonl", {"id": "kurz", "text": "Kurz."}, {"id": "lang2", "text": "x" * 300})
    errors: list[ArticleFormatError] = []
    assert [a.doc_id for a in read_articles(tmp_path, on_error=errors.append, max_chars=199)] == ["kurz"]
    assert "lang.txt: article of 200 characters is longer than the limit of 199" in str(errors[1])
    assert "f.jsonl:2: article of 300 characters" in str(errors[0])


def test_html_page_far_over_the_limit_is_rejected(tmp_path):
    (tmp_path / "riesig.html").write_text(PAGE.replace("<footer>", "<div></div>" * 100 + "<footer>"))
    with pytest.raises(ArticleFormatError, match="riesig.html: HTML page of .* longer than the limit of 1,000"):
        list(read_articles(tmp_path, max_chars=200))
    (a,) = read_articles(tmp_path, max_chars=len(PAGE))  # the markup is not the text
    assert len(a.text) < len(PAGE)


def test_language_is_judged_only_on_long_enough_text():
    assert language_of(GERMAN) == "de"
    assert language_of(ENGLISH) == "en"
    assert language_of("Short text in English.") is None
    arts = [Article("de1", GERMAN, None, origin="x/de1.txt"), Article("en1", ENGLISH, None, origin="x/en1.txt")]
    (warning,) = language_warnings(arts)
    assert warning.startswith("x/en1.txt: ") and "'en'" in warning and "not German" in warning


# --------------------------------------------------------------------------
# fuzz: whatever the bytes, ingest raises only KgError (one line)
# --------------------------------------------------------------------------

FUZZ = settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
NAMES = ["a.txt", "a.md", "a.html", "a.jsonl", "a.jsonl.gz", "raw.jsonl.gz"]  # raw: bytes as they come


def _read_all(name: str, data: bytes, max_chars: int = 1_000_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(gzip.compress(data) if name == "a.jsonl.gz" else data)
        for skip in (False, True):
            errors: list[ArticleFormatError] = []
            try:
                for article in read_articles(path, on_error=errors.append if skip else None, max_chars=max_chars):
                    assert article.text.strip() and len(article.text) <= max_chars
            except KgError as exc:
                assert "\n" not in str(exc) and str(exc)
                assert not skip or not isinstance(exc, ArticleFormatError)
            assert all("\n" not in str(e) for e in errors)


@FUZZ
@given(st.sampled_from(NAMES), st.binary(max_size=3000))
def test_fuzz_random_bytes(name, data):
    _read_all(name, data)


@FUZZ
@given(st.sampled_from(NAMES), st.text(max_size=2000))
def test_fuzz_random_unicode(name, text):
    _read_all(name, text.encode("utf-8", "surrogatepass"))


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=8)


@FUZZ
@given(st.lists(st.fixed_dictionaries({}, optional={
    "id": st.one_of(st.text(max_size=20), st.integers(), json_values),
    "text": st.one_of(st.text(max_size=200), json_values),
    "title": json_values, "date": st.one_of(st.text(max_size=30), json_values), "url": json_values,
}), max_size=5), st.sampled_from(["a.jsonl", "a.jsonl.gz"]))
def test_fuzz_jsonl_records(records, name):
    _read_all(name, "".join(json.dumps(r) + "\n" for r in records).encode())


HTML_BITS = ["<!DOCTYPE html>", "<html>", "</html>", "<head>", "<title>", "<meta charset='x'>", "<body>", "<p>",
             "</p>", "<article>", "<script>", "</script>", "&amp;", "&#0;", "<![CDATA[", "<!--", "-->",
             "<?xml version='1.0'?>", "Text der Seite. ", "ä", "\x0c", "<br/>", "<a href='javascript:x'>"]


@FUZZ
@given(st.sampled_from(["a.html", "a.txt"]), st.lists(st.sampled_from(HTML_BITS) | st.text(max_size=20), max_size=60))
def test_fuzz_html_like(name, bits):
    _read_all(name, "".join(bits).encode("utf-8", "surrogatepass"))


@settings(FUZZ, max_examples=15)
@given(st.sampled_from(NAMES), st.sampled_from(["Wort ", "<p>Absatz</p>", "ä\r\n", "{\"id\": 1}\n"]),
       st.integers(min_value=150_000, max_value=400_000))
def test_fuzz_huge_inputs(name, piece, repeat):
    _read_all(name, (piece * repeat).encode(), max_chars=300_000)


def test_a_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_articles(tmp_path / "nichts.jsonl"))


def test_length_limit_and_language_check_are_settings(tmp_path):
    from dataclasses import replace

    from kg.errors import SettingsError
    from kg.pipeline import read_inputs
    from kg.settings import Settings

    toml = tmp_path / "pyproject.toml"
    toml.write_text("[tool.kg]\nmax_article_chars = 50\nlang_check = false\n", encoding="utf-8")
    settings = Settings.from_pyproject(toml)
    assert (settings.max_article_chars, settings.lang_check) == (50, False)
    (tmp_path / "a.txt").write_text("Ein Satz. " * 6, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Ein Satz.", encoding="utf-8")
    articles, skipped = read_inputs([tmp_path], replace(settings, skip_bad_input=True))
    assert [a.doc_id for a in articles] == ["b"] and "a.txt: article of 60 characters" in skipped[0]
    toml.write_text("[tool.kg]\nmax_article_chars = 0\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="max_article_chars must be a positive whole number"):
        Settings.from_pyproject(toml)
