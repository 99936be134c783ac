"""Browser tests: Debian's Chromium driven by Playwright, with axe-core on every page opened."""

import json
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_SOURCE = (Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map(v => ({
    id: v.id, help: v.help, impact: v.impact,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
  }));
}"""
PHONE = {"width": 360, "height": 740}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class AxeViolations(AssertionError):
    pass


def run_axe(page) -> list[dict]:
    """Runs axe-core on the page as it is now and returns the WCAG 2.1 A/AA violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    return page.evaluate(AXE_RUN, AXE_TAGS)


class CheckedPage:
    """Wraps a Playwright page: every document it loads is checked with axe before the test goes
    on, so no page a browser test opens escapes the accessibility check."""

    def __init__(self, page, live_server):
        self.page = page
        self.base = live_server.url
        self.checked: list[str] = []
        self.violations: dict[str, list] = {}
        self.console_errors: list[str] = []
        page.on("load", lambda _: self._check())
        page.on(
            "console",
            lambda message: message.type == "error" and self.console_errors.append(message.text),
        )

    def _check(self):
        url = self.page.url
        try:
            violations = run_axe(self.page)
        except Exception as error:  # the page navigated again while axe ran; it is checked then
            if "Execution context was destroyed" in str(error) or "navigation" in str(error):
                return
            raise
        self.checked.append(url)
        if violations:
            self.violations[url] = violations

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def goto(self, path: str):
        return self.page.goto(self.url(path))

    def __getattr__(self, name):
        return getattr(self.page, name)

    def assert_accessible(self):
        # A final check of the page as it is now (after any htmx swaps or typed errors).
        self._check()
        if self.violations:
            raise AxeViolations(json.dumps(self.violations, indent=2, ensure_ascii=False))


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    checked = CheckedPage(context.new_page(), live_server)
    yield checked
    try:
        checked.assert_accessible()
        assert not [e for e in checked.console_errors if "Content Security Policy" in e], (
            checked.console_errors
        )
    finally:
        context.close()


@pytest.fixture
def phone(browser, live_server):
    """A cheap phone: 360 px wide, touch."""
    context = browser.new_context(locale="nl-NL", viewport=PHONE, has_touch=True, is_mobile=True)
    checked = CheckedPage(context.new_page(), live_server)
    yield checked
    try:
        checked.assert_accessible()
    finally:
        context.close()
