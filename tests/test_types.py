"""The mypy configuration keeps its promise: every app that comes after the first six is checked
strictly from its first line. mypy itself runs in `make lint`."""

import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_APPS = {
    "core",
    "community",
    "methods",
    "dialogues",
    "registrations",
    "harvest",
}
STRICT_FLAGS = {
    "disallow_any_generics",
    "disallow_subclassing_any",
    "disallow_untyped_calls",
    "disallow_untyped_defs",
    "disallow_incomplete_defs",
    "check_untyped_defs",
    "disallow_untyped_decorators",
    "warn_unused_ignores",
    "warn_return_any",
    "strict_equality",
    "extra_checks",
}


def _mypy() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]


def _strict_patterns() -> list[str]:
    [override] = [o for o in _mypy()["overrides"] if all(o.get(flag) for flag in STRICT_FLAGS)]
    assert override.get("implicit_reexport") is False
    return override["module"]


def test_every_app_after_the_first_six_is_type_checked_strictly():
    apps = {path.parent.name for path in (ROOT / "wijkdialoog").glob("*/apps.py")}
    assert apps >= FIRST_APPS
    lenient = [
        app
        for app in sorted(apps - FIRST_APPS)
        if not any(fnmatch(f"wijkdialoog.{app}.models", p) for p in _strict_patterns())
    ]
    assert lenient == [], f"Add these apps to the strict override in pyproject.toml: {lenient}"


def test_no_override_says_strict_because_mypy_would_apply_it_to_every_module():
    assert all("strict" not in override for override in _mypy()["overrides"])
