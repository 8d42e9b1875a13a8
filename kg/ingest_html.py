"""HTML pages -> the article they hold (text, title, date, URL), read with
trafilatura, which drops navigation, footers and scripts.

Crawlers save pages as ``.html``/``.htm``, and sometimes as ``.txt``: a text
that starts like an HTML document is read as one too, so that markup never
reaches the German layer (it would find entities like ``DOCTYPE``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from kg.errors import ArticleFormatError

_HTML_START = re.compile(r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.I | re.S)
# trafilatura logs "discarding data" and the like for every odd page; the
# build reports what matters itself (a page without text is an error).
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


@dataclass(frozen=True, slots=True)
class HtmlPage:
    text: str
    title: str
    date: str | None  # ISO date as the page's metadata states it
    url: str


def looks_like_html(text: str) -> bool:
    """True if ``text`` starts like an HTML document (``<!DOCTYPE html``, ``<html``)."""
    return _HTML_START.match(text[:4096]) is not None


def read_html(html: str, where: str) -> HtmlPage:
    """The main text and metadata of one HTML page.

    Raises:
        ArticleFormatError: the page holds no article text.
    """
    import trafilatura
    from trafilatura.settings import Document

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False)
    # trafilatura parses arbitrary markup with lxml and html5 heuristics; on
    # hostile input it can fail in many ways, none of which is the user's
    # fault to debug: one line naming the file is all they need.
    except Exception as exc:
        raise ArticleFormatError(f"{where}: cannot read the HTML ({type(exc).__name__}); "
                                 "save the page again or extract its text") from None
    fields: dict[str, object] = doc.as_dict() if isinstance(doc, Document) else dict(doc or {})

    def value(key: str) -> str:
        return str(fields.get(key) or "").strip()

    if not value("text"):
        raise ArticleFormatError(f"{where}: no article text found in the HTML page")
    return HtmlPage(text=value("text"), title=value("title"), date=value("date") or None, url=value("url"))
