"""Every STTS tag the rules compare a token's tag with is a real tag."""

from __future__ import annotations

import ast

from kg.stts import FINITE_VERBS, NAME_TAGS, NONFINITE_VERBS, TAGS

from data import ROOT


def _strings(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _tag_strings(tree: ast.AST) -> set[str]:
    """Strings compared with ``.tag_`` (==, in, startswith) and the members
    of module constants named *_TAGS."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and isinstance(node.left, ast.Attribute) and node.left.attr == "tag_":
            for comparator in node.comparators:
                found.update(_strings(comparator))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in ("startswith", "endswith")
              and isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "tag_"):
            found.update(s for arg in node.args for s in _strings(arg))
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id.endswith("_TAGS")
                                                  for t in node.targets):
            found.update(_strings(node.value))
    return found


def test_every_tag_the_rules_use_is_an_stts_tag():
    unknown = {}
    for path in sorted((ROOT / "kg").rglob("*.py")):
        tags = _tag_strings(ast.parse(path.read_text(encoding="utf-8")))
        # parts ("VV" in startswith, "FIN" in endswith) must begin or end a real tag
        bad = {t for t in tags if t not in TAGS and not any(real.startswith(t) or real.endswith(t) for real in TAGS)}
        if bad:
            unknown[str(path.relative_to(ROOT))] = sorted(bad)
    assert unknown == {}


def test_the_checker_sees_a_misspelt_tag():
    tree = ast.parse('if tok.tag_ in ("NN", "VVPPP"):\n    pass\nX_TAGS = frozenset({"ADJJ"})')
    assert _tag_strings(tree) == {"NN", "VVPPP", "ADJJ"}


def test_groups_are_made_of_tags():
    assert FINITE_VERBS | NONFINITE_VERBS | NAME_TAGS <= set(TAGS)
