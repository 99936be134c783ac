"""Template tags hold no business logic: they call domain or query functions, so they build no
queries of their own (no django.db, no `.objects`)."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "wijkdialoog"


def queries_built_in(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("django.db"):
            found.append(f"{node.lineno}: from {node.module} import")
        elif isinstance(node, ast.Import):
            found += [
                f"{node.lineno}: import {a.name}" for a in node.names if "django.db" in a.name
            ]
        elif isinstance(node, ast.Attribute) and node.attr == "objects":
            found.append(f"{node.lineno}: .objects")
    return found


def test_no_template_tag_builds_a_query_of_its_own():
    found = []
    for path in sorted(PACKAGE.glob("*/templatetags/*.py")):
        for where in queries_built_in(ast.parse(path.read_text(encoding="utf-8"))):
            found.append(f"{path.relative_to(PACKAGE.parent)}:{where}")
    assert found == []


def test_the_check_finds_a_query_in_a_tag():
    code = "from django.db.models import Q\nTable.objects.filter(Q(pk=1))\n"
    assert queries_built_in(ast.parse(code)) == ["1: from django.db.models import", "2: .objects"]
