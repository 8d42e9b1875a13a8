"""The German NER the pipeline runs: the shipped GermEval 2014 model.

The model (``kg/models/ner_germeval``) is a spaCy pipeline with a single
``ner`` pipe that embeds its own tok2vec (no listener), so it can be sourced
alone into another pipeline::

    nlp = spacy.blank("de")
    nlp.add_pipe("ner", source=load_ner(default_model_dir()), name="ner")

How it is trained and scored (GermEval reader, split, training loop) is in
:mod:`kg.training.ner`, which the runtime never imports.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ModelError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

LABELS: tuple[str, ...] = ("PER", "LOC", "ORG", "MISC")
MODEL_NAME = "ner_germeval"


def default_model_dir() -> Path:
    """Folder of the NER model shipped in the package."""
    return Path(__file__).resolve().parent / "models" / MODEL_NAME


def load_ner(model_dir: Path | None = None) -> Language:
    """Load a trained NER pipeline; raise :class:`ModelError` if it is missing or broken."""
    model_dir = Path(model_dir) if model_dir is not None else default_model_dir()
    hint = "retrain it with kg train-ner (or reinstall the package)"
    if not model_dir.is_dir():
        raise ModelError(f"NER model folder not found: {model_dir}; {hint}")
    if (
        not (model_dir / "meta.json").is_file()
        or not (model_dir / "config.cfg").is_file()
    ):
        raise ModelError(
            f"NER model folder is incomplete: {model_dir} lacks meta.json or config.cfg; {hint}"
        )
    import spacy

    try:
        nlp = spacy.load(model_dir)
    except (
        Exception
    ) as err:  # spaCy raises many kinds (OSError, ValueError, KeyError ...)
        raise ModelError(
            f"NER model in {model_dir} cannot be loaded: {err}; {hint}"
        ) from err
    if "ner" not in nlp.pipe_names:
        raise ModelError(
            f"NER model in {model_dir} has no 'ner' pipe (pipes: {nlp.pipe_names}); {hint}"
        )
    return nlp
