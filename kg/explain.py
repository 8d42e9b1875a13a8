"""Who says so: a fact, or an entity's facts, with the evidence of every claim.

``kg explain LABEL-or-IRI`` prints what a merged fact states and, for each
claim behind it, the article, the character offsets of the evidence span,
what that claim itself states (claims may disagree: see the ``conflicts``
query) and the sentence it was read from. The SPARQL lives in
``queries/lib/`` (``facts_of``, ``fact_details``, ``fact_claims``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import QueryParamError
from kg.queries import LIBRARY_DIR, load_query_file, run_query
from kg.store import Store

__all__ = ["ClaimEvidence", "Explained", "explain", "format_explained"]

# Properties the head line of a fact shows instead of listing them.
_HEAD = ("type", "date", "endDate")
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S+")


@dataclass(frozen=True, slots=True)
class ClaimEvidence:
    """One claim behind a fact: where it was read and what it states."""

    doc_id: str
    start: int | None
    end: int | None
    sentence: str
    extractor: str
    stated: tuple[tuple[str, str], ...]  # (property, value), sorted


@dataclass(frozen=True, slots=True)
class Explained:
    """A merged fact: its IRI, kind, dates, other values and claims."""

    fact: str
    kind: str
    date: str
    end_date: str
    values: tuple[tuple[str, str], ...]  # (property, value) except kind and dates, sorted
    claims: tuple[ClaimEvidence, ...]


def explain(store: Store, target: str, *, library: Path = LIBRARY_DIR) -> list[Explained]:
    """The fact with IRI ``target``, or the facts of the entity it names
    (an IRI, or a label or other name, ignoring case and accents).

    Raises:
        QueryParamError: nothing in the graph has this IRI or name.
    """
    target = target.strip()
    facts: list[str]
    if _IRI.fullmatch(target):
        if _details(store, target, library):
            facts = [target]
        else:
            facts = _facts_of(store, {"entity": target}, library)
            if not facts:
                raise QueryParamError(f"no fact or entity in the graph has the IRI {target}; "
                                      "pass a fact IRI (kg query ... --iri) or an entity's name")
    else:
        facts = _facts_of(store, {"label": target}, library)
        if not facts:
            raise QueryParamError(f"the entity {target!r} takes part in no fact")
    out = [_explained(store, fact, library) for fact in facts]
    return sorted(out, key=lambda e: (e.kind, e.date, e.fact))


def _facts_of(store: Store, params: dict[str, str], library: Path) -> list[str]:
    query = load_query_file(library / "facts_of.rq")
    return sorted({r["fact"] for r in run_query(store, query, params).records()})


def _details(store: Store, fact: str, library: Path) -> list[tuple[str, str]]:
    query = load_query_file(library / "fact_details.rq")
    return [(r["property"], r["value"]) for r in run_query(store, query, {"fact": fact}).records()]


def _explained(store: Store, fact: str, library: Path) -> Explained:
    details = _details(store, fact, library)
    first = {p: v for p, v in reversed(details)}
    claims: dict[str, dict[str, object]] = {}
    query = load_query_file(library / "fact_claims.rq")
    for r in run_query(store, query, {"fact": fact}).records():
        c = claims.setdefault(r["claim"], {"doc": r["doc"], "start": r.get("start"), "end": r.get("end"),
                                           "sentence": r.get("sentence", ""),
                                           "extractor": r.get("extractor", ""), "stated": set()})
        if "property" in r:
            stated = c["stated"]
            assert isinstance(stated, set)
            stated.add((r["property"], r["value"]))
    evidence = [
        ClaimEvidence(str(c["doc"]), _int(c["start"]), _int(c["end"]), " ".join(str(c["sentence"]).split()),
                      str(c["extractor"]), tuple(sorted(c["stated"])))  # type: ignore[call-overload]
        for c in claims.values()
    ]
    evidence.sort(key=lambda e: (e.doc_id, e.start if e.start is not None else -1, e.stated))
    return Explained(fact, first.get("type", ""), first.get("date", ""), first.get("endDate", ""),
                     tuple(pv for pv in details if pv[0] not in _HEAD), tuple(evidence))


def _int(value: object) -> int | None:
    return int(str(value)) if value is not None else None


def _values(pairs: tuple[tuple[str, str], ...]) -> str:
    grouped: dict[str, list[str]] = {}
    for p, v in pairs:
        grouped.setdefault(p, []).append(v)
    return "; ".join(f"{p}: {', '.join(vs)}" for p, vs in grouped.items())


def format_explained(facts: list[Explained]) -> str:
    """The facts as indented text for people, one block per fact."""
    blocks = []
    for f in facts:
        when = f.date + (f"/{f.end_date}" if f.end_date else "")
        lines = [f"{f.kind} {when}".rstrip() + f"  <{f.fact}>", f"  {_values(f.values)}"]
        lines.append(f"  {len(f.claims)} claim{'' if len(f.claims) == 1 else 's'}:")
        for c in f.claims:
            where = f"{c.doc_id}#char={c.start},{c.end}" if c.start is not None else c.doc_id
            own = {p: v for p, v in c.stated if p in _HEAD}
            date = f" {own['date']}" if "date" in own else ""
            lines.append(f"  - {where}{date}  ({c.extractor})" if c.extractor else f"  - {where}{date}")
            rest = tuple(pv for pv in c.stated if pv[0] not in _HEAD)
            if rest:
                lines.append(f"      states: {_values(rest)}")
            if c.sentence:
                lines.append(f"      „{c.sentence}“")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
