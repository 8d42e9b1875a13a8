"""Shared fixtures. The German pipeline is built once per test session
(HanTa and the gazetteer take a few seconds); tests that need the trained
NER ask for ``nlp_ner``."""

from __future__ import annotations

import pytest

from kg.settings import Settings


@pytest.fixture(scope="session")
def settings_no_ner() -> Settings:
    return Settings.from_pyproject(use_ner=False)


@pytest.fixture(scope="session")
def resources_no_ner(settings_no_ner):
    from kg.pipeline import Resources

    return Resources.load(settings_no_ner)


@pytest.fixture(scope="session")
def resources():
    from kg.pipeline import Resources

    return Resources.load(Settings.from_pyproject())
