"""A pytest plugin loaded with `-p tests.plugin` (see addopts in pyproject.toml), before
pytest-django starts Django, so the settings see the test environment.

It also makes a CI run strict: with CI set, a skipped test fails, so nothing passes unnoticed.
"""

import os

import pytest

os.environ.setdefault("WIJKDIALOOG_TESTING", "true")
# Playwright's sync API runs an event loop in the test thread; the ORM is still used synchronously.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if _in_ci() and report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"Skipped tests fail in CI (CI is set). The skip said: {reason}"
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    # A whole module skipped at import (pytest.importorskip, a module-level skip) fails too.
    report = yield
    if _in_ci() and report.skipped:
        report.outcome = "failed"
        report.longrepr = f"Skipped modules fail in CI (CI is set): {report.longrepr}"
    return report
