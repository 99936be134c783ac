"""Apps depend strictly downward in the order of wijkdialoog.core.architecture.APP_ORDER.

Every Python import (also inside functions), every reverse("url-name") and every template
reference ({% include %}, {% extends %}, {% load %} and {% url %}) is checked; there is no list
of exceptions.
"""

import ast
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from django.template import engines
from django.urls import URLPattern, URLResolver, get_resolver

from wijkdialoog.core.architecture import APP_ORDER, may_depend_on

PACKAGE = Path(__file__).resolve().parent.parent / "wijkdialoog"
TEMPLATE_TAG = re.compile(r"{%-?\s*(include|extends|load|url)\s+(.*?)\s*-?%}", re.DOTALL)
URL_FUNCTIONS = {"reverse", "reverse_lazy", "redirect", "resolve_url"}
QUOTED = re.compile(r"""^(["'])(.+?)\1""")


def _app_of_path(path: Path) -> str | None:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 and parts[0] in APP_ORDER else None


def _app_of_module(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "wijkdialoog" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in APP_ORDER else "project"


def _python_files() -> Iterator[Path]:
    yield from sorted(p for p in PACKAGE.rglob("*.py") if _app_of_path(p))


def _imported_modules(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(), filename=str(path))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if path.name != "__init__.py":
        package = package.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def python_references() -> Iterator[tuple[str | None, str, str]]:
    """(app, referenced app, where) for every import of a module of another app."""
    for path in _python_files():
        app = _app_of_path(path)
        for line, module in _imported_modules(path):
            target = _app_of_module(module)
            if target and target != app:
                yield app, target, f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}"


def _reversed_names(path: Path) -> Iterator[tuple[int, str]]:
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        function = getattr(node.func, "id", getattr(node.func, "attr", None))
        first = node.args[0]
        if function in URL_FUNCTIONS and isinstance(first, ast.Constant) and first.value:
            yield node.lineno, str(first.value)


def url_references() -> Iterator[tuple[str | None, str, str]]:
    """(app, referenced app, where) for every reverse("name") of another app's page."""
    for path in _python_files():
        app = _app_of_path(path)
        for line, name in _reversed_names(path):
            target = _url_owners().get(name)
            if target in APP_ORDER and target != app:
                yield app, target, f"{path.relative_to(PACKAGE.parent)}:{line} reverses {name}"


@cache
def _template_owners() -> dict[str, str]:
    owners = {}
    for directory in sorted(PACKAGE.glob("*/templates")):
        for template in directory.rglob("*"):
            if template.is_file():
                owners[str(template.relative_to(directory))] = directory.parent.name
    return owners


@cache
def _tag_library_owners() -> dict[str, str]:
    owners = {}
    engine = engines["django"].engine  # type: ignore[attr-defined]  # DjangoTemplates has it
    libraries = engine.template_libraries
    for name, library in engine.libraries.items():
        module = library if isinstance(library, str) else libraries[name].__module__
        owners[name] = _app_of_module(module) or "external"
    return owners


def _url_patterns(patterns) -> Iterator[URLPattern]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _url_patterns(entry.url_patterns)
        else:
            yield entry


@cache
def _url_owners() -> dict[str, str]:
    owners = {}
    for pattern in _url_patterns(get_resolver().url_patterns):
        if pattern.name:
            owners[pattern.name] = _app_of_module(pattern.lookup_str) or "external"
    return owners


def _template_targets(tag: str, argument: str) -> list[str]:
    """The apps a template tag refers to (several for `{% load a b %}`)."""
    if tag == "load":
        names = argument.split()
        if "from" in names:
            names = names[names.index("from") + 1 :]
        return [_tag_library_owners()[name] for name in names]
    quoted = QUOTED.match(argument)
    if not quoted:
        return []
    owners = _url_owners() if tag == "url" else _template_owners()
    return [owners[quoted.group(2)]]


def template_references() -> Iterator[tuple[str, str, str]]:
    """(app, referenced app, where) for every template reference to another app."""
    for directory in sorted(PACKAGE.glob("*/templates")):
        app = directory.parent.name
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            text = path.read_text()
            for match in TEMPLATE_TAG.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                where = f"{path.relative_to(PACKAGE.parent)}:{line} {match.group(0)}"
                for target in _template_targets(match.group(1), match.group(2)):
                    if target in APP_ORDER and target != app:
                        yield app, target, where


def _upward(references) -> list[str]:
    return [where for app, target, where in references if not may_depend_on(app, target)]


def test_every_app_of_the_project_has_its_place_in_the_order():
    apps = {path.parent.name for path in PACKAGE.glob("*/apps.py")}
    assert apps <= set(APP_ORDER)


def test_no_python_module_imports_an_app_higher_in_the_order():
    assert _upward(python_references()) == []


def test_no_python_module_reverses_a_url_of_an_app_higher_in_the_order():
    assert _upward(url_references()) == []


def test_no_template_refers_to_an_app_higher_in_the_order():
    assert _upward(template_references()) == []


def test_the_project_modules_are_the_only_ones_above_the_apps():
    assert [where for _, target, where in python_references() if target == "project"] == []


@pytest.mark.parametrize(
    ("tag", "argument", "apps"),
    [
        ("include", '"base.html" with title=title', ["core"]),
        ("extends", "'base.html'", ["core"]),
        ("url", "'login'", ["community"]),
        ("url", "'meeting-manage' meeting.pk", ["dialogues"]),
        ("load", "i18n panels rules", ["external", "core", "external"]),
        ("load", "has_perm from rules", ["external"]),
        ("include", "template_name", []),
    ],
)
def test_the_checker_finds_the_apps_behind_a_template_reference(tag, argument, apps):
    assert _template_targets(tag, argument) == apps


def test_the_checker_reads_imports_inside_functions_and_relative_imports(tmp_path):
    module = PACKAGE / "dialogues" / "planning.py"
    imported = [name for _, name in _imported_modules(module)]
    assert "wijkdialoog.dialogues.models.Meeting" in imported
