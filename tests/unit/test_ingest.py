"""Reading articles: ids, dates from header, dateline or manifest, and clear
errors for bad input."""

from __future__ import annotations

import pytest

from kg.errors import ArticleFormatError, InputError
from kg.ingest import read_articles


def _write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_front_matter_beats_dateline_and_manifest(tmp_path):
    _write(tmp_path, "a.md", "---\ndate: 2023-05-01\ntitle: Gipfel\n---\nText (APA, 2.8.2015)")
    _write(tmp_path, "manifest.yaml", "articles:\n  a: {published: 2020-01-01}\n")
    (a,) = read_articles(tmp_path)
    assert (a.doc_id, a.published.iso(), a.title) == ("a", "2023-05-01", "Gipfel")


def test_dateline_beats_manifest(tmp_path):
    _write(tmp_path, "b.txt", "Wien – Der Text. (APA/Reuters, 2.8.2015)")
    _write(tmp_path, "manifest.yaml", "articles:\n  b: {published: 2020-01-01}\n")
    (b,) = read_articles(tmp_path)
    assert b.published.iso() == "2015-08-02"


def test_manifest_then_unknown(tmp_path):
    _write(tmp_path, "c.txt", "Ohne Datum.")
    _write(tmp_path, "d.txt", "Auch ohne Datum.")
    _write(tmp_path, "manifest.yaml", "articles:\n  c: {published: 2024-03}\n")
    dates = {a.doc_id: a.published for a in read_articles(tmp_path)}
    assert dates["c"].iso() == "2024-03" and dates["d"] is None


def test_text_is_normalised_for_offsets(tmp_path):
    (tmp_path / "e.txt").write_bytes("\ufeffZeile eins\r\nTo\u0302 La\u0302m".encode())
    (e,) = read_articles(tmp_path)
    assert e.text == "Zeile eins\nTô Lâm"


@pytest.mark.parametrize(("content", "message"), [
    (b"   \n", "empty article"), (b"a\x00b", "binary file"), (b"\xff\xfe\xfa", "not UTF-8"),
])
def test_bad_files(tmp_path, content, message):
    (tmp_path / "bad.txt").write_bytes(content)
    with pytest.raises(ArticleFormatError, match=f"bad.txt: {message}"):
        list(read_articles(tmp_path))


def test_bad_files_can_be_skipped(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"")
    _write(tmp_path, "good.txt", "Ein Text.")
    errors = []
    assert [a.doc_id for a in read_articles(tmp_path, on_error=errors.append)] == ["good"]
    assert "bad.txt" in str(errors[0])


def test_no_articles_and_duplicate_ids(tmp_path):
    with pytest.raises(InputError, match="no articles found"):
        list(read_articles(tmp_path))
    (tmp_path / "x").mkdir()
    _write(tmp_path, "a.txt", "eins")
    _write(tmp_path / "x", "a.md", "zwei")
    with pytest.raises(InputError, match="document id 'a'"):
        list(read_articles(tmp_path))


def test_bad_manifest_date(tmp_path):
    _write(tmp_path, "a.txt", "Text")
    _write(tmp_path, "manifest.yaml", "articles:\n  a: {published: 'gestern'}\n")
    with pytest.raises(InputError, match="not ISO 8601"):
        list(read_articles(tmp_path))
