"""Ingest: files and folders of articles -> ``Article`` values.

Formats, by file name:

* ``.txt``, ``.md``: plain text; the document id is the file stem. A text
  that starts like an HTML document is read as HTML.
* ``.html``, ``.htm``: a web page; trafilatura finds its text, title, date
  and URL (``kg.ingest_html``). The document id is the file stem.
* ``.jsonl``, ``.jsonl.gz``: one article per line with ``id``, ``text`` and
  optional ``title``, ``date``, ``url`` (``kg.ingest_jsonl``); ``id`` is the
  document id.

Document ids are unique across all files. The publication date comes from,
in this order: a front-matter or header line (``date: 2024-06-20``), the
page's or record's date, a dateline in the text ("(APA/Reuters,
2.8.2015)"), a ``manifest.yaml`` beside the file, else it stays unknown.

Text is decoded as UTF-8, NFC-normalised and its line ends made ``\\n``;
character offsets everywhere refer to that text, which the graph stores. A
text longer than ``max_chars`` (the setting ``max_article_chars``) is
rejected rather than cut, so that every offset stays true.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from kg.errors import ArticleFormatError, InputError
from kg.ingest_html import looks_like_html, read_html
from kg.ingest_jsonl import JsonRecord, is_jsonl, read_jsonl
from kg.model import Article, PartialDate
from kg.normalize import find_dateline

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".jsonl.gz")
HTML_SUFFIXES = (".html", ".htm")
# spaCy's default Language.max_length: its memory estimate for one text.
MAX_CHARS = 1_000_000
HTML_MARKUP_FACTOR = 5
MANIFEST_NAMES = ("manifest.yaml", "manifest.yml")
# Front matter: "---\ndate: ...\ntitle: ...\n---" at the top of a file.
_FRONT = "---"
# crawler dates carry a time ("2024-06-20T08:15:00+02:00"); the day is what counts
_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d")


def is_article_file(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIXES) and not path.name.startswith(".")


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
                if f.is_file() and is_article_file(f):
                    found[f] = None
        elif path.name.lower().endswith(SUFFIXES):
            found[path] = None
        else:
            raise InputError(f"{path}: not an article file (expected {', '.join(SUFFIXES)})")
    if not found:
        names = ", ".join(str(p) for p in items)
        raise InputError(f"{names}: no articles found (looked for {', '.join(SUFFIXES)} files)")
    files = sorted(found)
    stems: dict[str, Path] = {}
    for f in files:
        if is_jsonl(f):  # its records carry their own ids, checked as they are read
            continue
        if f.stem in stems:
            raise InputError(
                f"{f}: document id '{f.stem}' is also used by {stems[f.stem]}; rename one of them"
            )
        stems[f.stem] = f
    return files


def read_articles(paths: Path | list[Path], *,
                  on_error: Callable[[ArticleFormatError], None] | None = None,
                  max_chars: int = MAX_CHARS) -> Iterator[Article]:
    """Read every article below ``paths``.

    Args:
        paths: files or folders.
        on_error: if given, called with the error of an unreadable file or
            JSON Lines record, which is then skipped; otherwise the error
            propagates.
        max_chars: the longest text accepted.

    Raises:
        InputError: see ``find_article_files``; a manifest is broken.
        ArticleFormatError: a file or record is empty, binary, not UTF-8,
            too long, not an article, or reuses another's document id.
    """
    manifests: dict[Path, dict[str, dict[str, Any]]] = {}
    seen: dict[str, str] = {}  # document id -> where it was read
    for file in find_article_files(paths):
        folder = file.parent
        if folder not in manifests:
            manifests[folder] = load_manifest(folder)
        for item in _read_file(file, manifests[folder], max_chars):
            if isinstance(item, Article):
                if item.doc_id not in seen:
                    seen[item.doc_id] = item.origin
                    yield item
                    continue
                item = ArticleFormatError(
                    f"{item.origin}: document id '{item.doc_id}' is also used by {seen[item.doc_id]}; "
                    "give each article its own id"
                )
            if on_error is None:
                raise item
            on_error(item)


def _read_file(file: Path, manifest: dict[str, dict[str, Any]],
               max_chars: int) -> Iterator[Article | ArticleFormatError]:
    if is_jsonl(file):
        for record in read_jsonl(file):
            if isinstance(record, ArticleFormatError):
                yield record
                continue
            try:
                yield _record_article(record, manifest.get(record.doc_id, {}), max_chars)
            except ArticleFormatError as exc:
                yield exc
        return
    try:
        yield read_article(file, manifest.get(file.stem, {}), max_chars=max_chars)
    except ArticleFormatError as exc:
        yield exc


def read_article(file: Path, meta: dict[str, Any] | None = None, *, max_chars: int = MAX_CHARS) -> Article:
    """Read one text or HTML file; ``meta`` is its manifest entry, if any."""
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
    if file.name.lower().endswith(HTML_SUFFIXES) or looks_like_html(text):
        return _html_article(file, text, meta, max_chars)
    text = _checked_text(_normalise(text), str(file), max_chars)
    front = _front_matter(text)
    published = (
        _parse_date_value(front.get("date") or front.get("published"), file)
        or find_dateline(text)
        or _parse_date_value(meta.get("published") or meta.get("date"), file)
    )
    title = str(front.get("title") or meta.get("title") or "")
    source = str(front.get("source") or meta.get("source") or file)
    return Article(doc_id=file.stem, text=text, published=published, title=title, source=source,
                   origin=str(file))


def _html_article(file: Path, html: str, meta: dict[str, Any], max_chars: int) -> Article:
    # markup is several times the text it holds, but a page far beyond the
    # text limit would only keep trafilatura busy for minutes
    if len(html) > HTML_MARKUP_FACTOR * max_chars:
        raise ArticleFormatError(
            f"{file}: HTML page of {len(html):,} characters is longer than the limit of "
            f"{HTML_MARKUP_FACTOR * max_chars:,} ({HTML_MARKUP_FACTOR} × max_article_chars); "
            "extract its text or raise max_article_chars in [tool.kg]"
        )
    page = read_html(html, str(file))
    text = _checked_text(_normalise(page.text), str(file), max_chars)
    published = (
        _page_date(page.date)
        or find_dateline(text)
        or _parse_date_value(meta.get("published") or meta.get("date"), file)
    )
    return Article(doc_id=file.stem, text=text, published=published,
                   title=page.title or str(meta.get("title") or ""),
                   source=page.url or str(meta.get("source") or file), origin=str(file))


def _record_article(record: JsonRecord, meta: dict[str, Any], max_chars: int) -> Article:
    if "\x00" in record.text:
        raise ArticleFormatError(f"{record.where}: text contains NUL characters; expected plain text")
    text = _checked_text(_normalise(record.text), record.where, max_chars)
    try:
        published = (
            _parse_date_value(record.date, Path(record.where))
            or find_dateline(text)
            or _parse_date_value(meta.get("published") or meta.get("date"), Path(record.where))
        )
    except InputError as exc:  # a bad date spoils this record only
        raise ArticleFormatError(str(exc)) from None
    return Article(doc_id=record.doc_id, text=text, published=published,
                   title=record.title or str(meta.get("title") or ""),
                   source=record.url or str(meta.get("source") or record.where), origin=record.where)


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _checked_text(text: str, where: str, max_chars: int) -> str:
    if not text.strip():
        raise ArticleFormatError(f"{where}: empty article")
    if len(text) > max_chars:
        raise ArticleFormatError(
            f"{where}: article of {len(text):,} characters is longer than the limit of {max_chars:,}; "
            "split it into several articles or raise max_article_chars in [tool.kg]"
        )
    return text


def _page_date(value: str | None) -> PartialDate | None:
    # a page's metadata date is a hint: if it is not an ISO date, the
    # dateline and the manifest still count
    try:
        return _parse_date_value(value, Path("page"))
    except InputError:
        return None


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
    text = str(value).strip()
    stamp = _DATETIME.match(text)
    try:
        date = PartialDate.from_iso(stamp.group(1) if stamp else text)
        if not 1 <= date.year <= 9999:  # what xsd:date and the resolver's calendars handle
            raise ValueError(text)
        return date
    except ValueError:
        raise InputError(
            f"{where}: publication date {value!r} is not ISO 8601 (use 2024-06-20, 2024-06 or 2024)"
        ) from None
