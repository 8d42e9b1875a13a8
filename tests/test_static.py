"""The static checks CI relies on, run as tests so that the README's one
test command covers them: ruff with the rules in pyproject.toml, and
mypy --strict over the package."""

from __future__ import annotations

import subprocess
import sys

from data import ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_is_clean():
    result = _run("ruff", "check", "kg", "tests", "scripts", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean():
    result = _run("mypy")  # configuration and strictness in pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr
