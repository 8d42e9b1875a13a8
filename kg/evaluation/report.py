"""Evaluate: score the graph in a store against a gold file.

Runs the ten contract queries, turns their rows into what the team's scorer
reads (``kg.evaluation.scoring``, a vendored copy of shared/eval/score.py) and reports
per category precision, recall, attribute accuracy and provenance.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError
from kg.evaluation.scoring import CATEGORIES, Gold, Scorer
from kg.queries import discover, find_query, run_query
from kg.store import Store


@dataclass(frozen=True, slots=True)
class EvaluationReport:
    categories: tuple[tuple[str, dict[str, Any]], ...]  # category -> scorer's dict
    entities: dict[str, Any]
    overall: dict[str, float]


def load_gold(path: Path) -> Gold:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such gold file") from None
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(data, dict) or "entities" not in data or "facts" not in data:
        raise InputError(f"{path}: a gold file needs 'entities' and 'facts' (format: shared/eval/README.md)")
    return Gold(data)


def evaluate_rows(gold: Gold, rows: dict[str, list[dict[str, str]]]) -> EvaluationReport:
    """Score query rows (name -> records) as score.py scores JSON results."""
    scorer = Scorer(gold)
    cats = tuple((c, scorer.score_category(c, rows.get(c, []))) for c in CATEGORIES if c in gold.facts)
    tp = sum(r["tp"] for _, r in cats)
    fp = sum(r["fp"] for _, r in cats)
    fn = sum(r["fn"] for _, r in cats)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    overall = {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1}
    return EvaluationReport(cats, scorer.score_entities(rows.get("entities", [])), overall)


def evaluate_store(store: Store, gold_path: Path, queries_dir: Path) -> EvaluationReport:
    gold = load_gold(gold_path)
    found = discover(queries_dir)
    rows = {}
    for name in [*CATEGORIES, "entities"]:
        rows[name] = run_query(store, find_query(found, name), {}).records()
    return evaluate_rows(gold, rows)


def format_report(report: EvaluationReport, *, show_errors: bool = False) -> str:
    """The table score.py prints, line for line."""
    def fmt(v: float | None) -> str:
        return f"{v:>7.2f}" if v is not None else f"{'-':>7}"

    lines = [f"{'category':<14}{'gold':>5}{'out':>5}{'tp':>4}{'P':>7}{'R':>7}{'attr':>7}{'prov':>7}"]
    for cat, x in report.categories:
        lines.append(f"{cat:<14}{x['gold']:>5}{x['extracted']:>5}{x['tp']:>4}{fmt(x['precision'])}"
                     f"{fmt(x['recall'])}{fmt(x['attribute_accuracy'])}{fmt(x['provenance_ok'])}")
        if show_errors:
            lines += _errors(x)
    e = report.entities
    lines.append(f"{'entities':<14}{e['gold']:>5}{e['extracted']:>5}{e['found']:>4}"
                 f"{e['precision']:>7.2f}{e['recall']:>7.2f}   types {e['type_accuracy'] or 0:.2f}"
                 f"  wikidata {e['wikidata_linked']}")
    if show_errors:
        lines += _errors(e)
    o = report.overall
    lines.append(f"facts: {o['tp']} of {o['tp'] + o['fn']} found, {o['fp']} spurious; "
                 f"P {o['precision']:.2f} R {o['recall']:.2f} F1 {o['f1']:.2f}")
    ok = sum(x["attributes"][0] for _, x in report.categories)
    total = sum(x["attributes"][1] for _, x in report.categories)
    if total:
        # not in score.py's table: the attribute accuracy over all categories
        lines.append(f"attributes: {ok} of {total} right ({ok / total:.2f})")
    return "\n".join(lines)


def _errors(scores: dict[str, Any]) -> list[str]:
    return [f"    missed   {m}" for m in scores["missed"]] + [f"    spurious {s}" for s in scores["spurious"]]
