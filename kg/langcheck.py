"""Is an article German? The rules read German only: an English article
builds with no facts and no complaint unless someone says so.

py3langid (an offline model in the wheel) judges the opening of each text;
texts too short to judge are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.model import Article

MIN_CHARS = 200  # below this the identification is a guess
SAMPLE_CHARS = 5000  # the opening is enough, and keeps long texts quick
GERMAN = "de"


def language_of(text: str) -> str | None:
    """ISO 639-1 code of the language of ``text``, or None if it is too short to tell."""
    sample = text[:SAMPLE_CHARS].strip()
    if len(sample) < MIN_CHARS:
        return None
    import py3langid

    lang, _ = py3langid.classify(sample)
    return str(lang)


def language_warnings(articles: Iterable[Article]) -> Iterator[str]:
    """One message for each article that is not German, naming where it was read."""
    for article in articles:
        lang = language_of(article.text)
        if lang is not None and lang != GERMAN:
            yield (f"{article.origin or article.doc_id}: the article looks like language '{lang}', not German; "
                   "its facts will be missed (--lang-check off silences this)")
