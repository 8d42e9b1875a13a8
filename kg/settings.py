"""Settings: one frozen value, read once and passed down as an argument.

Defaults come from the code, then ``[tool.kg]`` in the project's
``pyproject.toml``, then the command line. Only this module and ``kg.cli``
look at the environment or the file system to find them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from kg.errors import SettingsError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# The repository that holds the package: ontology/ and queries/ live beside
# kg/ (an editable install, which the README prescribes, keeps them there).
PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Settings:
    ontology_dir: Path = PROJECT_ROOT / "ontology"
    queries_dir: Path = PROJECT_ROOT / "queries"
    build_dir: Path = Path("build")
    store_dir: Path | None = None  # default: build_dir / "store"
    ner_model: Path | None = None  # default: the model shipped in kg/models
    use_ner: bool = True
    # Where the gazetteer's EntityRuler runs: after the NER, overwriting its
    # entities (measured better on the seeds, see README), or before it, the
    # NER then only adding entities around the gazetteer's.
    ruler_after_ner: bool = True
    skip_bad_input: bool = False
    # Warn about articles that are not German (the rules read German only).
    lang_check: bool = True
    # Longer texts are rejected with a one-line error naming the file, not
    # cut: 1,000,000 is spaCy's default max_length, its memory estimate.
    max_article_chars: int = 1_000_000
    # processes for the per-article stage (NLP and extraction); 1 = none
    workers: int = 2
    # keep each article's claims under build_dir/cache, so that a rebuild
    # processes only the articles that changed (see kg/cache.py)
    claims_cache: bool = True

    @property
    def gazetteer_dir(self) -> Path:
        return self.ontology_dir / "gazetteer"

    @property
    def store_path(self) -> Path:
        return self.store_dir if self.store_dir is not None else self.build_dir / "store"

    @classmethod
    def from_pyproject(cls, path: Path | None = None, **overrides: Any) -> Settings:
        """Read ``[tool.kg]`` from ``path`` (default: the project's
        pyproject.toml), then apply keyword overrides that are not None."""
        path = path or PROJECT_ROOT / "pyproject.toml"
        table: dict[str, Any] = {}
        if path.exists():
            try:
                table = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("kg", {})
            except tomllib.TOMLDecodeError as exc:
                raise SettingsError(f"{path}: not valid TOML ({exc}); fix the file") from exc
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in {**table, **{k: v for k, v in overrides.items() if v is not None}}.items():
            key = key.replace("-", "_")
            if key == "store":
                key = "store_dir"
            if key not in known:
                raise SettingsError(
                    f"{path}: unknown setting '{key}' in [tool.kg]; known: {', '.join(sorted(known))}"
                )
            values[key] = Path(value) if key.endswith(("_dir", "_model")) and value is not None else value
        settings = replace(cls(), **values)
        limit = settings.max_article_chars
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise SettingsError(f"{path}: max_article_chars must be a positive whole number, not {limit!r}")
        if isinstance(settings.workers, bool) or not isinstance(settings.workers, int) or settings.workers < 1:
            raise SettingsError(f"{path}: workers must be a positive whole number, not {settings.workers!r}")
        for name in ("ontology_dir", "queries_dir"):
            folder = getattr(settings, name)
            if not Path(folder).is_dir():
                raise SettingsError(
                    f"{name.replace('_', ' ')} {folder} does not exist; install the project with "
                    "'pip install -e .' from its checkout, or pass the folder explicitly"
                )
        return settings
