"""JSON Lines (``.jsonl``, ``.jsonl.gz``): one article per line, the shape
news crawlers emit::

    {"id": "a1", "text": "...", "title": "...", "date": "2024-06-20", "url": "https://..."}

``id`` and ``text`` are required. A bad line becomes an ``ArticleFormatError``
naming the file and line, yielded in place of its record so that the caller
can skip it and go on with the next line.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from kg.errors import ArticleFormatError

# A document id becomes an IRI segment and a file name under
# build/extractions/, so it may not hold path separators or control characters.
_ID = re.compile(r"[^/\\\x00-\x1f\x7f]{1,200}")


@dataclass(frozen=True, slots=True)
class JsonRecord:
    where: str  # "file:line"
    doc_id: str
    text: str
    title: str
    date: Any  # as the line gives it; ingest parses it
    url: str


def is_jsonl(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".jsonl", ".jsonl.gz"))


def read_jsonl(file: Path) -> Iterator[JsonRecord | ArticleFormatError]:
    """The records of ``file``, or an error for each line that is not one.

    A file that cannot be decompressed ends with one error for the file.
    """
    line_no = 0
    try:
        with _open(file) as fh:
            for line_no, raw in enumerate(fh, start=1):
                if raw.strip():
                    yield _record(raw, f"{file}:{line_no}")
    except (OSError, EOFError, zlib.error) as exc:
        yield ArticleFormatError(f"{file}: cannot read it after line {line_no} ({exc}); "
                                 "check that it is a complete gzip or text file")


def _open(file: Path) -> IO[bytes]:
    if file.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(file, "rb"))
    return file.open("rb")


def _record(raw: bytes, where: str) -> JsonRecord | ArticleFormatError:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        return ArticleFormatError(f"{where}: not UTF-8 (invalid byte 0x{raw[exc.start]:02x}); convert the file")
    except ValueError as exc:  # json.JSONDecodeError, or a number too large to convert
        return ArticleFormatError(f"{where}: not a JSON object ({exc}); expected one article per line")
    if not isinstance(data, dict):
        return ArticleFormatError(f"{where}: expected a JSON object with 'id' and 'text', got {type(data).__name__}")
    doc_id, text = data.get("id"), data.get("text")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        return ArticleFormatError(f"{where}: missing 'id' (a non-empty string) for the article")
    doc_id = doc_id.strip()
    if not _ID.fullmatch(doc_id) or doc_id.startswith("."):
        return ArticleFormatError(
            f"{where}: id {doc_id[:60]!r} cannot name a document (no '/', '\\', control characters or "
            "leading '.', at most 200 characters)"
        )
    if not isinstance(text, str):
        return ArticleFormatError(f"{where}: missing 'text' (a string) for article '{doc_id}'")
    title, url = data.get("title"), data.get("url")
    return JsonRecord(where=where, doc_id=doc_id, text=text, date=data.get("date"),
                      title=title.strip() if isinstance(title, str) else "",
                      url=url.strip() if isinstance(url, str) else "")
