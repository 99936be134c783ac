"""Guards on the rules themselves: every permission is used, every permission the code asks for
exists, and every audit action code has a human label for the history pages."""

import ast
import re
from pathlib import Path

import rules

from wijkdialoog.core.models import ACTION_LABELS

ROOT = Path(__file__).resolve().parents[1] / "wijkdialoog"
PERMISSION = re.compile(
    r"^(core|community|methods|dialogues|registrations|outreach|seating|harvest|synthesis|agenda|followup|reporting|learning)\.[a-z_]+$"
)
# Functions whose string arguments name a permission.
ASKING = {
    "require",
    "require_or_404",
    "has_perm",
    "get_series_for",
    "get_meeting_for",
    "get_table_for",
    "organisation_for",
}
TEMPLATE_ASKING = re.compile(r"""{%\s*has_perm\s+["']([a-z_.]+)["']""")


def _python_files():
    return [p for p in ROOT.rglob("*.py") if "migrations" not in p.parts]


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def _strings(node) -> list[str]:
    return [
        n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]


def _permission_defaults(function: ast.FunctionDef) -> list[ast.expr]:
    """The default of a parameter named `permission` (get_method's "methods.view_method")."""
    arguments = function.args
    positional = arguments.posonlyargs + arguments.args
    with_defaults = positional[len(positional) - len(arguments.defaults) :]
    pairs = list(zip(with_defaults, arguments.defaults, strict=True))
    pairs += [(a, d) for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True) if d]
    return [default for argument, default in pairs if argument.arg == "permission"]


def permissions_asked_for() -> set[str]:
    asked: set[str] = set()
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and _called_name(node) in ASKING:
                arguments = [*node.args, *(k.value for k in node.keywords)]
            elif isinstance(node, ast.FunctionDef):
                arguments = _permission_defaults(node)
            else:
                continue
            for argument in arguments:
                asked.update(s for s in _strings(argument) if PERMISSION.match(s))
    for path in ROOT.rglob("*.html"):
        asked.update(TEMPLATE_ASKING.findall(path.read_text()))
    return asked


def audit_action_codes() -> dict[str, str]:
    """Every action code passed to audit.record, with where it is."""
    codes = {}
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and _called_name(node) == "record"):
                continue
            for keyword in node.keywords:
                if keyword.arg == "action":
                    found = _strings(keyword.value)
                    assert found, f"{path.name}:{node.lineno}: write the action code literally"
                    for code in found:
                        codes[code] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return codes


def test_every_permission_is_used_outside_the_rules():
    defined = set(rules.permissions.permissions)
    unused = defined - permissions_asked_for()
    assert not unused, f"defined in a rules.py, but no view, template or code asks for: {unused}"


def test_every_permission_the_code_asks_for_is_defined():
    undefined = permissions_asked_for() - set(rules.permissions.permissions)
    assert not undefined, f"asked for, but defined in no rules.py: {undefined}"


def test_the_permission_scan_finds_what_views_and_templates_ask_for():
    asked = permissions_asked_for()
    assert "dialogues.manage_series" in asked  # require(...) in a view
    assert "community.view_training_list" in asked  # {% has_perm %} in a template
    assert "core.view_history" in asked  # user.has_perm(...) in a template tag


def test_every_audit_action_code_has_a_human_label():
    codes = audit_action_codes()
    assert len(codes) > 50
    missing = {code: where for code, where in codes.items() if code not in ACTION_LABELS}
    assert not missing, f"audit action codes without describe_action(...): {missing}"
