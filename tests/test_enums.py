"""Role names and card kinds are enums in code, never bare strings (CONTRIBUTING, "Data")."""

import ast
import re
from pathlib import Path

from wijkdialoog.community.models import Membership
from wijkdialoog.methods.kinds import CardKind

PACKAGE = Path(__file__).resolve().parents[1] / "wijkdialoog"
ROLE_FUNCTIONS = {"has_role", "organisations_where", "current_organisation"}


def _name(function: ast.expr) -> str:
    return getattr(function, "id", "") or getattr(function, "attr", "")


def bare_strings(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, string) for a role or card kind written as a string where code names one."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        values = [keyword.value for keyword in node.keywords if keyword.arg == "role"]
        values += [
            keyword.value
            for keyword in node.keywords
            if keyword.arg in ("kind", "kind__in")
            and isinstance(keyword.value, ast.Constant)
            and keyword.value.value in CardKind.values
        ]
        if _name(node.func) in ROLE_FUNCTIONS:
            values += node.args[1:]
        for value in values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                found.append((value.lineno, value.value))
    return found


def test_no_code_names_a_role_or_a_card_kind_with_a_bare_string():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for line, value in bare_strings(ast.parse(path.read_text(encoding="utf-8"))):
            found.append(f"{path.relative_to(PACKAGE.parent)}:{line} {value!r}")
    assert found == []


def test_no_template_compares_a_role_or_a_card_kind_with_a_string():
    pattern = re.compile(r"\.(role|kind) ==? [\"']([\w-]+)[\"']")
    found = []
    for path in sorted(PACKAGE.glob("*/templates/**/*.html")):
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            if match[1] == "role" or match[2] in CardKind.values:
                found.append(f"{path.relative_to(PACKAGE.parent)}: {match[0]}")
    assert found == []


def test_the_check_finds_bare_role_and_kind_strings():
    code = """
has_role(user, "facilitator", table)
has_role(user, Membership.Role.FACILITATOR, table)
Card.objects.filter(kind="action")
Card.objects.filter(kind=CardKind.PERSONAL_ACTION)
Q(role="partner")
Meeting.objects.filter(kind="dialogue")
"""
    assert bare_strings(ast.parse(code)) == [(2, "facilitator"), (4, "action"), (6, "partner")]


def test_role_and_kind_values_stay_what_the_database_holds():
    assert Membership.Role.FACILITATOR == "facilitator"
    assert CardKind.PERSONAL_ACTION == "action"
