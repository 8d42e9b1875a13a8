"""Tests of kg.ner: GermEval reader, split, shipped model, tiny training run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from kg.errors import InputError, ModelError
from kg.ner import LABELS, default_model_dir, load_ner
from kg.training.ner import (
    NerReport,
    Sentence,
    evaluate_ner,
    load_germeval,
    map_label,
    read_germeval,
    split_sentences,
    train_ner,
)

TSV = """\
# http://de.wikipedia.org/wiki/Beispiel [2009-10-17]
1\tAngela\tB-PER\tO
2\tMerkel\tI-PER\tO
3\tbesuchte\tO\tO
4\tdie\tO\tO
5\tdeutschen\tB-LOCderiv\tO
6\tFreunde\tO\tO
7\tin\tO\tO
8\tNew\tB-LOC\tO
9\tYork\tI-LOC\tO
10\t.\tO\tO

1\tDer\tO\tO
2\tSPD-Vorsitzende\tB-ORGpart\tO
3\tlas\tO\tO
4\tEcce\tB-OTH\tO
5\thomo\tI-OTH\tO
6\tbei\tO\tO
7\tSiemens\tB-ORG\tB-PER
8\tAG\tI-ORG\tO
9\tund\tO\tO
10\tSiemens\tB-ORG\tO
11\t.\tO\tO\t

1\tNach\tO\tO
2\tden\tO\tO
3\tBerlin-Wahlen\tB-LOCpart\tO
4\tder\tI-LOC-deriv\tO
5\tUNO\tI-ORG\tO
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ reader


def test_map_label() -> None:
    assert map_label("O") == "O"
    assert map_label("B-OTH") == "B-MISC"
    assert map_label("I-OTH") == "I-MISC"
    assert map_label("B-PER") == "B-PER"
    assert map_label("I-ORG") == "I-ORG"
    for tag in ("B-LOCderiv", "I-ORGpart", "B-PER-deriv", "I-OTHpart", "B-LOC-part"):
        assert map_label(tag) == "O"
    with pytest.raises(ValueError):
        map_label("B-FOO")
    with pytest.raises(ValueError):
        map_label("X-PER")


def test_reader_maps_labels(tmp_path: Path) -> None:
    sents = read_germeval(write(tmp_path, "dev.tsv", TSV))
    assert len(sents) == 3
    first, second, third = sents
    assert first.words[:2] == ("Angela", "Merkel")
    assert first.tags == (
        "B-PER",
        "I-PER",
        "O",
        "O",
        "O",
        "O",
        "O",
        "B-LOC",
        "I-LOC",
        "O",
    )
    assert first.spans() == ((0, 2, "PER"), (7, 9, "LOC"))
    assert second.tags == (
        "O",
        "O",
        "O",
        "B-MISC",
        "I-MISC",
        "O",
        "B-ORG",
        "I-ORG",
        "O",
        "B-ORG",
        "O",
    )
    assert second.spans() == ((3, 5, "MISC"), (6, 8, "ORG"), (9, 10, "ORG"))
    # an I- whose B- was dropped (or of another type) starts a new entity
    assert third.tags == ("O", "O", "O", "O", "B-ORG")
    assert third.spans() == ((4, 5, "ORG"),)


def test_reader_bio_consistency(tmp_path: Path) -> None:
    text = (
        "1\tA\tB-PER\tO\n2\tB\tI-LOC\tO\n3\tC\tI-LOC\tO\n4\tD\tO\tO\n5\tE\tI-PER\tO\n"
    )
    (sent,) = read_germeval(write(tmp_path, "x.tsv", text))
    assert sent.tags == ("B-PER", "B-LOC", "I-LOC", "O", "B-PER")
    for a, b in zip(sent.tags, sent.tags[1:], strict=False):
        if b.startswith("I-"):
            assert a[2:] == b[2:]


def test_reader_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        read_germeval(tmp_path / "missing.tsv")
    with pytest.raises(InputError, match="no sentence"):
        read_germeval(write(tmp_path, "empty.tsv", "\n# comment\n\n"))
    with pytest.raises(InputError, match="line 2"):
        read_germeval(write(tmp_path, "bad.tsv", "1\tA\tO\tO\n2\tB\n"))
    with pytest.raises(InputError, match="B-XYZ"):
        read_germeval(write(tmp_path, "lab.tsv", "1\tA\tB-XYZ\tO\n"))
    with pytest.raises(InputError, match="not found"):
        load_germeval(tmp_path / "nodir")
    (tmp_path / "d").mkdir()
    write(tmp_path / "d", "dev.tsv", TSV)
    with pytest.raises(InputError, match="test.tsv"):
        load_germeval(tmp_path / "d")


# ------------------------------------------------------------------- split


def _sentences(n: int) -> list[Sentence]:
    return [Sentence(("Satz", str(i), "."), ("O", "O", "O")) for i in range(n)]


def test_split_deterministic_and_disjoint() -> None:
    sents = _sentences(2000)
    a = split_sentences(sents)
    b = split_sentences(list(reversed(sents)))
    assert set(a.train) == set(b.train)
    assert set(a.dev) == set(b.dev)
    assert set(a.test) == set(b.test)
    assert a == split_sentences(sents)
    parts = [set(a.train), set(a.dev), set(a.test)]
    assert (
        not parts[0] & parts[1] and not parts[0] & parts[2] and not parts[1] & parts[2]
    )
    assert sum(map(len, parts)) == len(sents)
    # roughly 80 / 5 / 15
    assert 0.75 < len(a.train) / len(sents) < 0.85
    assert 0.02 < len(a.dev) / len(sents) < 0.08
    assert 0.11 < len(a.test) / len(sents) < 0.19


def test_split_depends_on_words_not_tags() -> None:
    s1 = Sentence(("Paris", "ist", "schön"), ("B-LOC", "O", "O"))
    s2 = Sentence(("Paris", "ist", "schön"), ("O", "O", "O"))
    a, b = split_sentences([s1]), split_sentences([s2])
    assert (len(a.train), len(a.dev), len(a.test)) == (
        len(b.train),
        len(b.dev),
        len(b.test),
    )


# ----------------------------------------------------------- shipped model


@pytest.fixture(scope="module")
def shipped() -> spacy.Language:
    return load_ner(default_model_dir())


def test_shipped_model_labels(shipped: spacy.Language) -> None:
    assert "ner" in shipped.pipe_names
    assert set(shipped.get_pipe("ner").labels) == set(LABELS)


def test_shipped_model_finds_persons(shipped: spacy.Language) -> None:
    doc = shipped(
        "Bundeskanzlerin Angela Merkel traf am Montag in Paris den französischen "
        "Präsidenten Emmanuel Macron."
    )
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Angela Merkel", "PER") in ents
    assert ("Emmanuel Macron", "PER") in ents
    doc = shipped("Der Außenminister Heiko Maas sprach in Berlin mit Journalisten.")
    assert ("Heiko Maas", "PER") in {(e.text, e.label_) for e in doc.ents}


def test_shipped_model_meta_credit() -> None:
    meta = json.loads((default_model_dir() / "meta.json").read_text(encoding="utf-8"))
    text = json.dumps(meta)
    assert "Benikova" in text and "Biemann" in text and "Reznicek" in text
    assert "LREC 2014" in text
    assert "CC BY 4.0" in meta["license"]
    assert any("Benikova" in s.get("citation", "") for s in meta["sources"])
    assert "GermEval" in meta["description"]
    assert not (default_model_dir().parent / "model-last").exists()


def test_shipped_model_is_small() -> None:
    size = sum(p.stat().st_size for p in default_model_dir().rglob("*") if p.is_file())
    assert size < 20 * 1024 * 1024


def test_ner_pipe_can_be_sourced(shipped: spacy.Language) -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("ner", source=shipped, name="ner")
    assert nlp.pipe_names == ["ner"]
    doc = nlp("Bundeskanzlerin Angela Merkel traf in Paris Emmanuel Macron.")
    assert "Angela Merkel" in {e.text for e in doc.ents if e.label_ == "PER"}


def test_load_ner_missing_dir(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not found"):
        load_ner(tmp_path / "nope")
    (tmp_path / "broken").mkdir()
    with pytest.raises(ModelError):
        load_ner(tmp_path / "broken")
    (tmp_path / "broken" / "meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / "broken" / "config.cfg").write_text("[nlp\nbroken", encoding="utf-8")
    with pytest.raises(ModelError, match="cannot be loaded"):
        load_ner(tmp_path / "broken")


# ---------------------------------------------------------- tiny training


_NAMES = ["Anna Schmidt", "Peter Müller", "Olaf Scholz", "Maria Weber", "Jan Berg"]
_CITIES = ["Berlin", "Paris", "Wien", "Rom", "Madrid", "Prag"]
_ORGS = ["Siemens", "UNO", "NATO", "Bundestag"]


def _tiny_corpus(n: int, offset: int) -> str:
    lines: list[str] = []
    for i in range(n):
        name = _NAMES[(i + offset) % len(_NAMES)].split()
        city = _CITIES[(i * 7 + offset) % len(_CITIES)]
        org = _ORGS[(i * 3 + offset) % len(_ORGS)]
        rows = [
            (name[0], "B-PER"),
            (name[1], "I-PER"),
            ("reiste", "O"),
            (f"am {i + offset}.", "O"),
            ("nach", "O"),
            (city, "B-LOC"),
            ("zur", "O"),
            (org, "B-ORG"),
            ("und", "O"),
            ("las", "O"),
            ("Faust", "B-OTH"),
            ("mit", "O"),
            ("deutschen", "B-LOCderiv"),
            ("Freunden", "O"),
            (".", "O"),
        ]
        lines.extend(f"{j}\t{w}\t{t}\tO" for j, (w, t) in enumerate(rows, 1))
        lines.append("")
    return "\n".join(lines) + "\n"


def test_train_ner_end_to_end(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    write(data, "dev.tsv", _tiny_corpus(40, 0))
    write(data, "test.tsv", _tiny_corpus(80, 100))
    out = tmp_path / "model"
    messages: list[str] = []
    report = train_ner(data, out, max_steps=6, seed=1, log=messages.append)
    assert isinstance(report, NerReport)
    assert report.n_train + report.n_dev + report.n_test == 120
    assert report.n_train and report.n_dev and report.n_test
    assert {s.label for s in report.per_type} >= set(LABELS)
    assert 0.0 <= report.overall.f1 <= 1.0
    assert report.train_seconds is not None and report.max_steps == 6
    assert messages  # progress went to the callback
    assert "| ALL |" in report.to_markdown()

    assert (out / "meta.json").is_file() and not (out / "model-last").exists()
    nlp = load_ner(out)
    assert set(nlp.get_pipe("ner").labels) == set(LABELS)
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert "Benikova" in json.dumps(meta["sources"])
    # no temporary training paths leak into the saved config
    assert "kg-ner-" not in (out / "config.cfg").read_text(encoding="utf-8")

    again = evaluate_ner(out, data)
    assert again.overall == report.overall

    # retraining into an existing model folder replaces it; a foreign folder is refused
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(InputError, match="refusing"):
        train_ner(data, foreign, max_steps=2)


def test_train_ner_missing_data(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        train_ner(tmp_path / "none", tmp_path / "out", max_steps=2)
    write(tmp_path, "dev.tsv", "")
    write(tmp_path, "test.tsv", _tiny_corpus(3, 0))
    with pytest.raises(InputError, match="no sentence"):
        train_ner(tmp_path, tmp_path / "out", max_steps=2)
