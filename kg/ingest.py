"""Ingest: files and folders of plain-text articles -> ``Article`` values.

The document id is the file stem. The publication date comes from, in this
order: a front-matter or header line (``date: 2024-06-20``), a dateline in the
text ("(APA/Reuters, 2.8.2015)"), a ``manifest.yaml`` beside the file, else
it stays unknown.

Text is decoded as UTF-8, NFC-normalised and its line ends made ``\\n``;
character offsets everywhere refer to that text, which the graph stores.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from kg.errors import ArticleFormatError, InputError
from kg.model import Article, PartialDate
from kg.normalize import find_dateline

SUFFIXES = (".txt", ".md")
MANIFEST_NAMES = ("manifest.yaml", "manifest.yml")
# Front matter: "---\ndate: ...\ntitle: ...\n---" at the top of a file.
_FRONT = "---"


def find_article_files(paths: Path | list[Path]) -> list[Path]:
    """The article files named by ``paths`` (files, or folders searched
    recursively), sorted, without duplicates.

    Raises:
        InputError: a path does not exist, or no article file was found.
    """
    items = [paths] if isinstance(paths, Path) else list(paths)
    found: dict[Path, None] = {}
    for path in items:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."):
                    found[f] = None
        elif path.suffix.lower() in SUFFIXES:
            found[path] = None
        else:
            raise InputError(f"{path}: not an article file (expected {', '.join(SUFFIXES)})")
    if not found:
        names = ", ".join(str(p) for p in items)
        raise InputError(f"{names}: no articles found (looked for {', '.join(SUFFIXES)} files)")
    files = sorted(found)
    stems: dict[str, Path] = {}
    for f in files:
        if f.stem in stems:
            raise InputError(
                f"{f}: document id '{f.stem}' is also used by {stems[f.stem]}; rename one of them"
            )
        stems[f.stem] = f
    return files


def read_articles(paths: Path | list[Path], *,
                  on_error: Callable[[ArticleFormatError], None] | None = None) -> Iterator[Article]:
    """Read every article below ``paths``.

    Args:
        paths: files or folders.
        on_error: if given, called with the error of an unreadable file,
            which is then skipped; otherwise the error propagates.

    Raises:
        InputError: see ``find_article_files``.
        ArticleFormatError: a file is empty, binary or not UTF-8.
    """
    manifests: dict[Path, dict[str, dict[str, Any]]] = {}
    for file in find_article_files(paths):
        folder = file.parent
        if folder not in manifests:
            manifests[folder] = load_manifest(folder)
        try:
            yield read_article(file, manifests[folder].get(file.stem, {}))
        except ArticleFormatError as exc:
            if on_error is None:
                raise
            on_error(exc)


def read_article(file: Path, meta: dict[str, Any] | None = None) -> Article:
    """Read one article; ``meta`` is its manifest entry, if any."""
    meta = meta or {}
    data = file.read_bytes()
    if b"\x00" in data:
        raise ArticleFormatError(f"{file}: binary file (contains NUL bytes); expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleFormatError(
            f"{file}: not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it, e.g. iconv -f latin1 -t utf-8"
        ) from None
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ArticleFormatError(f"{file}: empty article")
    front = _front_matter(text)
    published = (
        _parse_date_value(front.get("date") or front.get("published"), file)
        or find_dateline(text)
        or _parse_date_value(meta.get("published") or meta.get("date"), file)
    )
    title = str(front.get("title") or meta.get("title") or "")
    source = str(front.get("source") or meta.get("source") or file)
    return Article(doc_id=file.stem, text=text, published=published, title=title, source=source)


def load_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    """Per-document metadata from ``manifest.yaml`` in ``folder`` (or {})."""
    for name in MANIFEST_NAMES:
        path = folder / name
        if not path.exists():
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: not a valid YAML manifest ({exc})") from None
        entries = data.get("articles", data) if isinstance(data, dict) else None
        if not isinstance(entries, dict):
            raise InputError(f"{path}: expected a mapping 'articles: {{doc_id: {{published: ...}}}}'")
        return {str(k): (v if isinstance(v, dict) else {"published": v}) for k, v in entries.items()}
    return {}


def _front_matter(text: str) -> dict[str, str]:
    lines = text.lstrip("\n").split("\n")
    if lines and lines[0].strip() == _FRONT:
        out: dict[str, str] = {}
        for line in lines[1:]:
            if line.strip() == _FRONT:
                return out
            key, sep, value = line.partition(":")
            if sep:
                out[key.strip().lower()] = value.strip().strip("\"'")
        return {}
    return {}


def _parse_date_value(value: Any, where: Path) -> PartialDate | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    try:
        return PartialDate.from_iso(str(value))
    except ValueError:
        raise InputError(
            f"{where}: publication date {value!r} is not ISO 8601 (use 2024-06-20, 2024-06 or 2024)"
        ) from None
