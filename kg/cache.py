"""The claims cache: each article's ``Extraction``, kept under the build
folder, so that a rebuild processes only the articles that changed.

An entry's key is a hash of the article (text, id, date, title, source) and
of the pipeline's fingerprint: every file of the ``kg`` package (code, word
lists, NER model), every file of the ontology folder (gazetteer, lexicon), the
versions of spaCy and HanTa, and the settings that shape extraction. Any
change to one of them makes every entry a miss, so a cached build gives the
same graph as a clean one. The corpus-wide steps (resolution, RDF, store) are
always re-run from the cached and fresh claims.

Entries are pickles written by this tool into its own build folder; like any
build artefact they are not meant to be shared or taken from elsewhere. An
unreadable entry is a miss. After a build the entries it did not use are
deleted, so the cache holds one corpus, not every version of it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from kg.model import Article, Extraction
from kg.settings import Settings

PACKAGE_DIR = Path(__file__).parent
FORMAT = "claims-cache 1"  # bump when the entry layout changes


def _hash_tree(h: hashlib._Hash, root: Path) -> None:
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if "__pycache__" in path.parts:
            continue
        h.update(str(path.relative_to(root)).encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())


def fingerprint(settings: Settings) -> str:
    """Hash of everything besides the article that shapes its extraction."""
    h = hashlib.sha256(FORMAT.encode())
    for package in ("spacy", "HanTa"):
        h.update(f"{package}=={metadata.version(package)}".encode())
    h.update(repr((settings.use_ner, settings.ruler_after_ner, settings.max_article_chars)).encode())
    _hash_tree(h, PACKAGE_DIR)
    _hash_tree(h, settings.ontology_dir)
    if settings.use_ner and settings.ner_model is not None:
        _hash_tree(h, settings.ner_model)
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class ClaimsCache:
    """Entries under ``folder``, valid for pipeline ``fingerprint``."""

    folder: Path
    fingerprint: str

    def key(self, article: Article) -> str:
        return hashlib.sha256(f"{self.fingerprint}\n{article!r}".encode()).hexdigest()

    def get(self, article: Article) -> Extraction | None:
        try:
            data = (self.folder / self.key(article)).read_bytes()
            found = pickle.loads(data)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None
        # a hash collision or a stale layout is a miss, never a wrong result
        return found if isinstance(found, Extraction) and found.article == article else None

    def put(self, extraction: Extraction) -> None:
        """Write one entry atomically (a killed build leaves no torn entry)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / self.key(extraction.article)
        partial = path.with_suffix(".part")
        partial.write_bytes(pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, path)

    def keep_only(self, articles: list[Article]) -> None:
        """Delete the entries of articles that are not in ``articles``."""
        if not self.folder.is_dir():
            return
        wanted = {self.key(a) for a in articles}
        for path in self.folder.iterdir():
            if path.name not in wanted:
                path.unlink(missing_ok=True)
