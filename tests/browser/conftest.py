"""Browser tests: Debian's Chromium driven by Playwright, with axe-core on every page opened.

One browser per test session (per xdist worker), a fresh browser context per test. The `page`
(desktop, 1280 px) and `phone` (360 px, touch) fixtures check every document they load with
axe-core against WCAG 2.1 A and AA; a violation, a Content Security Policy error or an uncaught
JavaScript error fails the test. Links in mails point at the live server, so a test can open
them with `page.goto(link)`; `page.log_in(user)` logs in without the form.
"""

import contextlib
import json
import re
import shutil
import time
import warnings
from functools import cache
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_PATH = ROOT / "node_modules/axe-core/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
  });
  return result.violations.map(v => ({
    id: v.id, help: v.help, impact: v.impact,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
  }));
}"""
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}
# Fail fast: a page of this project answers in well under a second on the live server.
TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@cache
def axe_source() -> str:
    if not AXE_PATH.exists():
        raise RuntimeError(f"{AXE_PATH} is missing: run `npm ci` (make test does it for you).")
    return AXE_PATH.read_text()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        raise RuntimeError(
            "The browser tests need Debian's chromium: apt-get install chromium "
            "(make test installs it when run as root)."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # While Playwright's event loop is on, asgiref sees this thread as async and Django keeps
        # its database connections apart from the ones opened before. Close those now, or
        # PostgreSQL keeps a session and the test database cannot be dropped at the end.
        connections.close_all()


class AxeViolations(AssertionError):
    pass


def run_axe(page) -> list[dict]:
    """Runs axe-core on the page as it is now and returns the WCAG 2.1 A/AA violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    return page.evaluate(AXE_RUN, AXE_TAGS)


class CheckedPage:
    """Wraps a Playwright page: every document it loads is checked with axe. Navigate with
    `goto`, `click_and_wait`, `expect_navigation` or `wait_for_url`: they return once axe has
    checked the new page, so the test cannot leave a page before its check (a page left anyway is
    reported as a warning). Anything else is the Playwright page's own API (`locator`,
    `get_by_role`, `keyboard`, ...); use `.page` where Playwright wants the page itself, as in
    `expect(page.page)`."""

    def __init__(self, page, live_server):
        self.page = page
        self.base = live_server.url
        self.checked: list[str] = []
        self.violations: dict[str, list] = {}
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.interrupted: list[str] = []
        # axe runs in Playwright's event handler, beside the test; these count its runs.
        self._running = 0
        self._completed = 0
        page.set_default_timeout(TIMEOUT_MS)
        page.on("load", lambda _: self._check())
        page.on(
            "console",
            lambda message: message.type == "error" and self.console_errors.append(message.text),
        )
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    def _wait_for_checks(self, *, completed_after: int | None = None):
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while self._running or (completed_after is not None and self._completed <= completed_after):
            if time.monotonic() > deadline:
                raise AssertionError(f"axe did not finish checking {self.page.url} in time")
            self.page.wait_for_timeout(10)

    def _check(self):
        self._running += 1
        try:
            self._run_axe()
        finally:
            self._running -= 1
            self._completed += 1

    def _run_axe(self):
        url = self.page.url
        if not url.startswith(self.base):
            return  # only our own pages; a download or about:blank is not a document we make
        try:
            if self.page.evaluate("document.contentType") != "text/html":
                return  # a PDF, calendar file or plain text shown by the browser itself
            violations = run_axe(self.page)
        except Exception as error:
            if "Execution context was destroyed" in str(error) or "navigation" in str(error):
                # The test navigated on while axe ran. goto, click_and_wait, expect_navigation
                # and wait_for_url wait for the check, so a test using them never gets here.
                self.interrupted.append(url)
                return
            if "Axe is already running" in str(error):
                return  # the run already going on checks this same document
            raise
        self.checked.append(url)
        if violations:
            self.violations[url] = violations

    def url(self, path: str) -> str:
        """The live server's address for a path; absolute addresses stay as they are."""
        if re.match(r"^https?://", path):
            return path
        return f"{self.base}{path}"

    def goto(self, path: str, **kwargs):
        """Opens a page and returns once it has loaded and axe has checked it."""
        self._wait_for_checks()
        before = self._completed
        response = self.page.goto(self.url(path), **kwargs)
        if response is not None:  # None: only the #fragment changed, no new document loaded
            self._wait_for_checks(completed_after=before)
        return response

    def click_and_wait(self, target):
        """Clicks a link or a submit button (a locator or a selector) and waits until the next
        page has loaded, and so has been checked with axe."""
        locator = self.page.locator(target) if isinstance(target, str) else target
        self._wait_for_checks()
        before = self._completed
        with self.page.expect_navigation(wait_until="load"):
            locator.click()
        self._wait_for_checks(completed_after=before)

    @contextlib.contextmanager
    def expect_navigation(self, **kwargs):
        """Playwright's expect_navigation, which also lets axe finish with the page before the
        navigation and waits for axe to check the page after it."""
        self._wait_for_checks()
        before = self._completed
        with self.page.expect_navigation(**kwargs) as navigation:
            yield navigation
        if navigation.value is not None:  # None: only the #fragment changed
            self._wait_for_checks(completed_after=before)

    def wait_for_url(self, url, **kwargs):
        self.page.wait_for_url(url, **kwargs)
        self._wait_for_checks()

    def wait_for_load_state(self, *args, **kwargs):
        self.page.wait_for_load_state(*args, **kwargs)
        self._wait_for_checks()

    def log_in(self, user):
        """Logs the browser in as this user without the login form (the form has its own test)."""
        from django.conf import settings
        from django.test import Client

        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        self.page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": self.base}]
        )

    def path(self) -> str:
        """The current address without the live server's origin, e.g. "/beheer/"."""
        return self.page.url.removeprefix(self.base)

    def __getattr__(self, name):
        return getattr(self.page, name)

    def assert_accessible(self):
        # A final check of the page as it is now (after any htmx swaps or typed errors).
        self._wait_for_checks()
        self._check()
        if self.violations:
            raise AxeViolations(json.dumps(self.violations, indent=2, ensure_ascii=False))

    def warn_about_unchecked_pages(self):
        if self.interrupted:
            warnings.warn(
                f"These pages were left before axe had checked them: {self.interrupted}. "
                "Navigate with goto, click_and_wait or expect_navigation.",
                stacklevel=1,
            )

    def assert_no_script_errors(self):
        csp = [e for e in self.console_errors if "Content Security Policy" in e]
        assert not csp, csp
        assert not self.page_errors, self.page_errors


def _checked_page(browser, live_server, settings, **context_options):
    # Links in mails (magic links, invitations) then lead to the live server of this test.
    settings.SITE_URL = live_server.url
    context = browser.new_context(locale="nl-NL", **context_options)
    return context, CheckedPage(context.new_page(), live_server)


@pytest.fixture
def page(browser, live_server, settings):
    """A desktop browser, 1280 px wide."""
    context, checked = _checked_page(browser, live_server, settings, viewport=DESKTOP)
    yield checked
    try:
        checked.assert_accessible()
        checked.assert_no_script_errors()
        checked.warn_about_unchecked_pages()
    finally:
        context.close()


@pytest.fixture
def phone(browser, live_server, settings):
    """A cheap phone: 360 px wide, touch."""
    context, checked = _checked_page(
        browser, live_server, settings, viewport=PHONE, has_touch=True, is_mobile=True
    )
    yield checked
    try:
        checked.assert_accessible()
        checked.assert_no_script_errors()
        checked.warn_about_unchecked_pages()
    finally:
        context.close()
