"""Shared test paths (as rdflib's test/data.py)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "eval" / "seeds.gold.yaml"
GOLDEN_SEEDS = ROOT / "tests" / "golden" / "seeds.nq"
