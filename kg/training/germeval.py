"""GermEval 2014 (CC BY 4.0): the reader and the fixed split the NER is
trained and scored on.

Only the outer label column is used; ``OTH`` becomes ``MISC`` and the
``-deriv`` / ``-part`` labels (``LOCderiv``, ``ORGpart`` ...) are dropped
(read as ``O``). The official training split is not available, so all
sentences of ``dev.tsv`` and ``test.tsv`` are split by a fixed hash of their
tokens (:func:`split_sentences`): 80 % train, 5 % dev (early stopping), 15 %
held-out test. The same sentence text always lands in the same part.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError

DATA_FILES: tuple[str, ...] = ("dev.tsv", "test.tsv")

# Split of sentences by hash bucket (0..99): [0, 15) test, [15, 20) dev, rest train.
_SPLIT_SALT = b"kg-germeval2014-split-v1\x00"
_TEST_BUCKETS = 15
_DEV_BUCKETS = 5

_TYPE_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}

CREDIT = (
    "D. Benikova, C. Biemann, M. Reznicek. NoSta-D Named Entity Annotation "
    "for German: Guidelines and Dataset. LREC 2014"
)
DATA_LICENSE = "CC BY 4.0"
GERMEVAL_URL = "https://sites.google.com/site/germeval2014ner/"


# --------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class Sentence:
    """One pre-tokenized sentence with BIO tags over PER/LOC/ORG/MISC."""

    words: tuple[str, ...]
    tags: tuple[str, ...]

    def spans(self) -> tuple[tuple[int, int, str], ...]:
        """Entities as ``(start, end, label)`` token offsets (end exclusive)."""
        out: list[tuple[int, int, str]] = []
        start: int | None = None
        label = ""
        for i, tag in enumerate((*self.tags, "O")):
            if start is not None and not (tag.startswith("I-") and tag[2:] == label):
                out.append((start, i, label))
                start = None
            if tag.startswith("B-"):
                start, label = i, tag[2:]
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Split:
    train: tuple[Sentence, ...]
    dev: tuple[Sentence, ...]
    test: tuple[Sentence, ...]


def map_label(tag: str) -> str:
    """Map one GermEval outer tag to ``O`` / ``B-X`` / ``I-X`` with X in :data:`LABELS`.

    ``OTH`` becomes ``MISC``; derivations and parts (``B-LOCderiv``,
    ``I-ORGpart``, also spelt ``B-LOC-deriv``) become ``O``. Raises
    :class:`ValueError` for a tag that is none of these.
    """
    tag = tag.strip()
    if tag == "O":
        return "O"
    if len(tag) < 3 or tag[:2] not in ("B-", "I-"):
        raise ValueError(tag)
    kind = tag[2:]
    if kind.endswith(("deriv", "part")):
        return "O"
    if kind not in _TYPE_MAP:
        raise ValueError(tag)
    return f"{tag[:2]}{_TYPE_MAP[kind]}"


def _repair_bio(tags: Sequence[str]) -> tuple[str, ...]:
    """Turn an ``I-X`` that does not continue an ``X`` entity into ``B-X``."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return tuple(out)


def read_germeval(path: Path) -> tuple[Sentence, ...]:
    """Read one GermEval 2014 TSV file (``index, token, outer, inner``).

    Lines starting with ``#`` are comments; a blank line ends a sentence.
    Raises :class:`InputError` if the file is missing, not UTF-8, malformed or
    holds no sentence.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(
            f"GermEval file not found: {path}; expected a TSV file "
            "'index<TAB>token<TAB>outer<TAB>inner' (dev.tsv / test.tsv of GermEval 2014)"
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"GermEval file is not UTF-8: {path} ({err})") from err
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if words:
            sentences.append(Sentence(tuple(words), _repair_bio(tags)))
            words.clear()
            tags.clear()

    for lineno, line in enumerate(text.splitlines(), 1):
        if line.startswith("#"):
            continue
        if not line.strip():
            flush()
            continue
        fields = line.split("\t")
        if len(fields) < 3 or not fields[1]:
            raise InputError(
                f"malformed GermEval line {lineno} in {path}: {line!r}; "
                "expected 'index<TAB>token<TAB>outer<TAB>inner'"
            )
        try:
            tag = map_label(fields[2])
        except ValueError:
            raise InputError(
                f"unknown GermEval label {fields[2]!r} on line {lineno} in {path}; "
                "expected O or B-/I- with PER, LOC, ORG, OTH (optionally deriv/part)"
            ) from None
        words.append(fields[1])
        tags.append(tag)
    flush()
    if not sentences:
        raise InputError(f"GermEval file holds no sentence: {path}")
    return tuple(sentences)


def load_germeval(data_dir: Path) -> tuple[Sentence, ...]:
    """All sentences of ``dev.tsv`` and ``test.tsv`` in ``data_dir``, in file order."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise InputError(
            f"GermEval data folder not found: {data_dir}; it must hold {', '.join(DATA_FILES)}"
        )
    out: list[Sentence] = []
    for name in DATA_FILES:
        out.extend(read_germeval(data_dir / name))
    return tuple(out)


def _bucket(sentence: Sentence) -> int:
    key = _SPLIT_SALT + "\t".join(sentence.words).encode("utf-8")
    return int.from_bytes(hashlib.sha256(key).digest()[:8], "big") % 100


def split_sentences(sentences: Iterable[Sentence]) -> Split:
    """Deterministic split by a salted SHA-256 hash of each sentence's tokens.

    Buckets 0-14 (15 %) are the held-out test part, 15-19 (5 %) the dev part
    used for early stopping, the rest (80 %) is for training. Order within a
    part follows the input order.
    """
    train: list[Sentence] = []
    dev: list[Sentence] = []
    test: list[Sentence] = []
    for sentence in sentences:
        b = _bucket(sentence)
        if b < _TEST_BUCKETS:
            test.append(sentence)
        elif b < _TEST_BUCKETS + _DEV_BUCKETS:
            dev.append(sentence)
        else:
            train.append(sentence)
    return Split(tuple(train), tuple(dev), tuple(test))
