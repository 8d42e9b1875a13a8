"""Tests of ontology/: SHACL examples, the build against the shapes, vocabulary drift (B5)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from rdflib import Graph

from kg.errors import OntologyError
from kg.rdf import to_dataset
from kg.store import OxigraphStore
from kg.validate import ShapeResult, ValidationReport, validate, validate_store

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology"
SHAPES = ONTOLOGY / "shapes.ttl"
VALID = sorted((ONTOLOGY / "examples" / "valid").glob("*.ttl"))
INVALID = sorted((ONTOLOGY / "examples" / "invalid").glob("*.ttl"))


def _sample() -> ModuleType:
    # The hand-built corpus of tests/test_queries.py, loaded by path because
    # tests/ is not a package.
    name = "_kg_sample_corpus"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "test_queries.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def test_examples_exist() -> None:
    assert VALID and INVALID


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_example_conforms(path: Path) -> None:
    report = validate(Graph().parse(path), SHAPES)
    assert report.conforms, report.text()
    assert report.results == ()


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_example_fails_on_expected_path(path: Path) -> None:
    match = re.search(r"^# expect-path: (\S+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
    assert match, f"{path.name} lacks an '# expect-path: kg:...' line"
    report = validate(Graph().parse(path), SHAPES)
    assert not report.conforms
    assert {r.path for r in report.results} == {match.group(1)}, report.text()


def test_report_text() -> None:
    path = ONTOLOGY / "examples" / "invalid" / "visit_without_destination.ttl"
    report = validate(Graph().parse(path), SHAPES)
    assert report.results == (ShapeResult(
        "https://w3id.org/diplomacy-kg/id/fact/example", "kg:destination",
        "a visit needs a destination (kg:destination)"),)
    assert report.text().endswith("kg:destination  a visit needs a destination (kg:destination)\n"
                                  "1 violation.\n")
    assert ValidationReport(True).text() == "Conforms.\n"


def test_built_dataset_conforms() -> None:
    report = validate(to_dataset(_sample().sample_resolved()), SHAPES)
    assert report.conforms, report.text()


def test_store_contents_conform() -> None:
    store = OxigraphStore(None)
    store.replace(_sample().sample_nquads())
    report = validate_store(store, SHAPES)
    assert report.conforms, report.text()
    assert report.lines() == ["Conforms."]


def test_missing_shapes_file(tmp_path: Path) -> None:
    with pytest.raises(OntologyError, match="cannot read the SHACL shapes"):
        validate(Graph(), tmp_path / "shapes.ttl")


def test_vocab_is_generated_from_the_ontology() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_vocab.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


def test_fact_kind_specs_are_what_the_ontology_and_shapes_say() -> None:
    from kg.factkinds import SPECS, derive, fact_classes

    ontology = Graph().parse(ONTOLOGY / "kg.ttl")
    assert derive(ontology, Graph().parse(SHAPES)) == dict(SPECS)
    assert fact_classes(ontology) == {kind.value for kind in SPECS}


def test_fact_kind_specs_follow_an_edited_shape() -> None:
    from kg.factkinds import SPECS, derive
    from kg.model import FactKind, Role

    shapes = SHAPES.read_text(encoding="utf-8").replace(
        "sh:path kg:participant ; sh:minCount 1 ;", "sh:path kg:participant ; sh:minCount 3 ;")
    derived = derive(Graph().parse(ONTOLOGY / "kg.ttl"), Graph().parse(data=shapes, format="turtle"))
    assert dict(derived[FactKind.MEETING].required) == {Role.PARTICIPANT: 3}
    assert derived[FactKind.MEETING] != SPECS[FactKind.MEETING]


def test_every_contract_query_has_a_fact_kind() -> None:
    from kg.factkinds import BY_QUERY

    names = {p.stem for p in (ROOT / "queries").glob("*.rq")}
    assert set(BY_QUERY) <= names
