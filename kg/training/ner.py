"""Training and scoring of the German NER (:mod:`kg.ner` loads the result).

The model is trained on GermEval 2014 (CC BY 4.0; D. Benikova, C. Biemann,
M. Reznicek. NoSta-D Named Entity Annotation for German: Guidelines and
Dataset. LREC 2014), read and split by :mod:`kg.training.germeval`.
Retrain from the repository root with ``kg train-ner`` (about 10 minutes on
2 cores).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast

from kg.errors import InputError, ModelError
from kg.ner import LABELS, MODEL_NAME, load_ner
from kg.training.germeval import (
    CREDIT,
    DATA_FILES,
    DATA_LICENSE,
    GERMEVAL_URL,
    Sentence,
    Split,
    load_germeval,
    map_label,
    read_germeval,
    split_sentences,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = [
    "DATA_FILES",
    "DEFAULT_MAX_STEPS",
    "NerReport",
    "Sentence",
    "Split",
    "TypeScore",
    "config_path",
    "evaluate_ner",
    "load_germeval",
    "map_label",
    "read_germeval",
    "split_sentences",
    "train_ner",
]

DEFAULT_MAX_STEPS = 3500
MODEL_VERSION = "1.0.0"

# ------------------------------------------------------------------ reports


@dataclass(frozen=True, slots=True)
class TypeScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int  # gold entities
    predicted: int


@dataclass(frozen=True, slots=True)
class NerReport:
    """Exact-span P/R/F1 of a model on the held-out part of the split."""

    model_dir: str
    overall: TypeScore
    per_type: tuple[TypeScore, ...]
    n_train: int
    n_dev: int
    n_test: int
    train_seconds: float | None = None
    max_steps: int | None = None

    def score(self, label: str) -> TypeScore:
        for s in self.per_type:
            if s.label == label:
                return s
        raise KeyError(label)

    def to_markdown(self) -> str:
        lines = [
            "| type | P | R | F1 | gold | predicted |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for s in (*self.per_type, self.overall):
            lines.append(
                f"| {s.label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} "
                f"| {s.support} | {s.predicted} |"
            )
        return "\n".join(lines)

    def to_dict(self) -> dict[str, object]:
        def d(s: TypeScore) -> dict[str, object]:
            return {
                "p": round(s.precision, 4),
                "r": round(s.recall, 4),
                "f": round(s.f1, 4),
                "support": s.support,
                "predicted": s.predicted,
            }

        return {
            "overall": d(self.overall),
            "per_type": {s.label: d(s) for s in self.per_type},
            "sentences": {
                "train": self.n_train,
                "dev": self.n_dev,
                "test": self.n_test,
            },
        }


def _prf(label: str, tp: int, n_pred: int, n_gold: int) -> TypeScore:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return TypeScore(label, p, r, f, n_gold, n_pred)


def _score(
    gold: Sequence[Sequence[tuple[int, int, str]]],
    pred: Sequence[Sequence[tuple[int, int, str]]],
    labels: Sequence[str],
) -> tuple[TypeScore, tuple[TypeScore, ...]]:
    tp: dict[str, int] = dict.fromkeys(labels, 0)
    n_gold: dict[str, int] = dict.fromkeys(labels, 0)
    n_pred: dict[str, int] = dict.fromkeys(labels, 0)
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(g), set(p)
        for _, _, lab in gs:
            n_gold[lab] = n_gold.get(lab, 0) + 1
        for _, _, lab in ps:
            n_pred[lab] = n_pred.get(lab, 0) + 1
        for _, _, lab in gs & ps:
            tp[lab] = tp.get(lab, 0) + 1
    per_type = tuple(
        _prf(lab, tp.get(lab, 0), n_pred.get(lab, 0), n_gold.get(lab, 0))
        for lab in n_gold
    )
    overall = _prf("ALL", sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return overall, per_type


# ------------------------------------------------------------------- models


def config_path() -> Path:
    """The spaCy training config used by :func:`train_ner`."""
    return Path(__file__).resolve().parent / "ner.cfg"


def _doc(vocab: Vocab, sentence: Sentence, *, with_ents: bool) -> Doc:
    from spacy.tokens import Doc, Span

    doc = Doc(vocab, words=list(sentence.words))
    if with_ents:
        doc.ents = [
            Span(doc, start, end, label=lab) for start, end, lab in sentence.spans()
        ]
    return doc


def _predict(
    nlp: Language, sentences: Sequence[Sentence]
) -> list[tuple[tuple[int, int, str], ...]]:
    docs = (_doc(nlp.vocab, s, with_ents=False) for s in sentences)
    out = []
    for doc in nlp.pipe(docs, batch_size=256):
        out.append(tuple((e.start, e.end, e.label_) for e in doc.ents))
    return out


def _evaluate(nlp: Language, model_dir: Path, split: Split) -> NerReport:
    pred = _predict(nlp, split.test)
    gold = [s.spans() for s in split.test]
    labels = [lab for lab in LABELS]
    labels += sorted({lab for p in pred for _, _, lab in p} - set(labels))
    overall, per_type = _score(gold, pred, labels)
    return NerReport(
        model_dir=str(model_dir),
        overall=overall,
        per_type=per_type,
        n_train=len(split.train),
        n_dev=len(split.dev),
        n_test=len(split.test),
    )


def evaluate_ner(model_dir: Path, data_dir: Path) -> NerReport:
    """Score the model in ``model_dir`` on the held-out part of the GermEval split."""
    nlp = load_ner(model_dir)
    split = split_sentences(load_germeval(data_dir))
    return _evaluate(nlp, Path(model_dir), split)


class _LogStream:
    """File-like object that hands each complete line to ``log``."""

    def __init__(self, log: Callable[[str], None] | None) -> None:
        self._log = log
        self._buf = ""

    def write(self, text: str) -> int:
        self._buf += text
        while "\n" in self._buf:
            line, self._buf = self._buf.split("\n", 1)
            if self._log is not None and line.strip():
                self._log(line.rstrip())
        return len(text)

    def flush(self) -> None:
        pass


def _write_docbin(vocab: Vocab, sentences: Sequence[Sentence], path: Path) -> None:
    from spacy.tokens import DocBin

    db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    for sentence in sentences:
        db.add(_doc(vocab, sentence, with_ents=True))
    db.to_disk(path)


def _check_output_dir(output_dir: Path) -> None:
    if output_dir.exists():
        if not output_dir.is_dir():
            raise InputError(f"NER output path is a file, not a folder: {output_dir}")
        if any(output_dir.iterdir()) and not (output_dir / "meta.json").is_file():
            raise InputError(
                f"refusing to overwrite {output_dir}: it is neither empty nor a spaCy model "
                "folder; choose another output folder"
            )


def train_ner(
    data_dir: Path,
    output_dir: Path,
    *,
    max_steps: int = DEFAULT_MAX_STEPS,
    seed: int = 0,
    log: Callable[[str], None] | None = None,
    config: Path | None = None,
) -> NerReport:
    """Train the GermEval NER model and write the best checkpoint to ``output_dir``.

    Reads ``dev.tsv`` and ``test.tsv`` from ``data_dir``, splits them with
    :func:`split_sentences`, trains with the spaCy config ``kg/training/ner.cfg`` (or
    ``config``) for at most ``max_steps`` updates, early-stopping on the dev
    part, writes the best model (with the GermEval credit in its meta.json) to
    ``output_dir`` (replacing a model folder there) and returns its scores on
    the held-out test part. Progress lines go to ``log``.
    """
    import spacy
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop
    from spacy.util import load_config

    data_dir, output_dir = Path(data_dir), Path(output_dir)
    cfg_path = Path(config) if config is not None else config_path()
    if not cfg_path.is_file():
        raise ModelError(f"NER training config not found: {cfg_path}")
    if max_steps < 1:
        raise InputError(f"max_steps must be at least 1, got {max_steps}")
    _check_output_dir(output_dir)
    say = log or (lambda _msg: None)

    split = split_sentences(load_germeval(data_dir))
    if not split.train or not split.dev or not split.test:
        raise InputError(
            f"GermEval data in {data_dir} is too small to split: "
            f"{len(split.train)} train, {len(split.dev)} dev, {len(split.test)} test sentences"
        )
    say(
        f"sentences: {len(split.train)} train, {len(split.dev)} dev, {len(split.test)} test"
    )

    with tempfile.TemporaryDirectory(prefix="kg-ner-") as tmp_name:
        tmp = Path(tmp_name)
        vocab = spacy.blank("de").vocab
        _write_docbin(vocab, split.train, tmp / "train.spacy")
        _write_docbin(vocab, split.dev, tmp / "dev.spacy")
        overrides = {
            "paths.train": str(tmp / "train.spacy"),
            "paths.dev": str(tmp / "dev.spacy"),
            "training.max_steps": max_steps,
            "system.seed": seed,
        }
        cfg = load_config(cfg_path, overrides=overrides, interpolate=False)
        stream = cast(IO[str], _LogStream(log))
        started = time.perf_counter()
        try:
            nlp = init_nlp(cfg, use_gpu=-1)
            (tmp / "out").mkdir()
            train_loop(nlp, tmp / "out", use_gpu=-1, stdout=stream, stderr=stream)
        except (ValueError, KeyError, OSError) as err:
            raise ModelError(
                f"NER training failed with config {cfg_path}: {err}"
            ) from err
        seconds = time.perf_counter() - started
        best_dir = tmp / "out" / "model-best"
        if not (best_dir / "meta.json").is_file():
            raise ModelError(f"NER training wrote no best model (config {cfg_path})")

        best = spacy.load(best_dir)
        say(f"trained in {seconds:.0f} s; scoring the held-out part")
        report = _evaluate(best, output_dir, split)
        _set_meta(best, report, seed=seed, max_steps=max_steps)
        # Keep no temporary paths in the shipped config.
        best.config["paths"]["train"] = None
        best.config["paths"]["dev"] = None
        best.to_disk(tmp / "final")
        if output_dir.exists():
            shutil.rmtree(output_dir)
        output_dir.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(tmp / "final", output_dir)
    report = NerReport(
        model_dir=str(output_dir),
        overall=report.overall,
        per_type=report.per_type,
        n_train=report.n_train,
        n_dev=report.n_dev,
        n_test=report.n_test,
        train_seconds=seconds,
        max_steps=max_steps,
    )
    say(f"wrote {output_dir}: held-out F1 {report.overall.f1:.3f}")
    return report


def _set_meta(nlp: Language, report: NerReport, *, seed: int, max_steps: int) -> None:
    meta = nlp.meta
    meta["name"] = MODEL_NAME
    meta["version"] = MODEL_VERSION
    meta["description"] = (
        "German NER (PER, LOC, ORG, MISC) for diplomacy-kg: a spaCy transition-based NER "
        "with its own CNN tok2vec (hash embeddings of NORM/PREFIX/SUFFIX/SHAPE plus character "
        "embeddings, no static vectors), trained on GermEval 2014 (outer labels; OTH mapped "
        "to MISC, -deriv/-part dropped) using a fixed hash split of dev.tsv + test.tsv "
        "(80 % train, 5 % dev, 15 % held-out test). 'performance' is on the dev part, "
        "'heldout_performance' on the held-out test part. Training data: "
        + CREDIT
        + f" ({DATA_LICENSE})."
    )
    meta["license"] = f"model: MIT; training data GermEval 2014: {DATA_LICENSE}"
    meta["author"] = "diplomacy-kg"
    meta["sources"] = [
        {
            "name": "GermEval 2014 NER (NoSta-D)",
            "url": GERMEVAL_URL,
            "license": DATA_LICENSE,
            "author": "D. Benikova, C. Biemann, M. Reznicek",
            "citation": CREDIT,
        }
    ]
    meta["heldout_performance"] = report.to_dict()
    meta["training"] = {"seed": seed, "max_steps": max_steps, "config": "kg/training/ner.cfg"}
