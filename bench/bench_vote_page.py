"""The voting page on a phone, with and without JavaScript: what a first visit costs and how
long a vote takes, against a local server in the same run.

What it does, on the loopback address in a temporary folder (about a minute):

1. Collects the static files as in production and loads the demo data; reopens the demo's
   agenda (the demo closed it) so it takes votes again.
2. Serves the app under gunicorn with DEBUG off (the same set-up as bench_page_weight.py).
3. Opens the voting page in Chromium at 360 px, with JavaScript and without, each in a fresh
   browser context, and prints the requests and bytes of the first visit.
4. Votes VOTES times with each: without JavaScript every vote is a POST, a redirect and a full
   page (the stylesheets and fonts come from the browser's cache); with it, a vote is one POST
   answered with the vote area. Prints the time and bytes per vote and their ratios.

It asserts nothing. Run: python bench/bench_vote_page.py
"""

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_page_weight import (
    CHROMIUM,
    CHROMIUM_ARGS,
    HOST,
    PHONE,
    ROOT,
    app_env,
    free_port,
    manage,
    start_server,
    stop_server,
)
from playwright.sync_api import sync_playwright

VOTES = 20
REOPEN = """
import datetime
from django.utils import timezone
from wijkdialoog.agenda.models import Agenda
agenda = Agenda.objects.order_by("pk").first()
agenda.closes_at = timezone.now() + datetime.timedelta(days=7)
agenda.save(update_fields=["closes_at"])
print(agenda.token)
"""
CHOICES = ["#vote-agree", "#vote-disagree", "#vote-pass"]


def reopen_agenda(env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "wijkdialoog", "shell", "-c", REOPEN],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip().splitlines()[-1]


def run(browser, url: str, javascript: bool) -> dict[str, float]:
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=javascript
    )
    page = context.new_page()
    sizes: list[int] = []

    def finished(request) -> None:
        size = request.sizes()
        sizes.append(size["responseHeadersSize"] + size["responseBodySize"])

    page.on("requestfinished", finished)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    first_requests, first_bytes = len(sizes), sum(sizes)
    times = []
    for n in range(VOTES):
        before = page.locator("#progress").inner_text()
        if javascript:
            # Start the clock once the buttons take a tap again (vote.js holds them 350 ms
            # after a vote against double taps): this measures the round trip, not that pause.
            page.wait_for_selector("#vote-form:not([aria-busy])")
        started = time.perf_counter()
        if javascript:
            page.locator(CHOICES[n % 3]).click()
            page.wait_for_function(
                "(before) => document.getElementById('progress').innerText !== before", arg=before
            )
        else:
            with page.expect_navigation(wait_until="load"):
                page.click(CHOICES[n % 3])
        times.append(time.perf_counter() - started)
    page.wait_for_load_state("networkidle")
    vote_requests, vote_bytes = len(sizes) - first_requests, sum(sizes) - first_bytes
    context.close()
    return {
        "first_requests": first_requests,
        "first_bytes": first_bytes,
        "vote_ms": statistics.median(times) * 1000,
        "requests_per_vote": vote_requests / VOTES,
        "bytes_per_vote": vote_bytes / VOTES,
    }


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="wd-vote-") as folder:
        env = app_env(Path(folder))
        env.update(AGENDA_VOTE_RATE_PER_DEVICE="100000/h", AGENDA_VOTE_RATE_PER_IP="100000/h")
        print("Collecting static files and loading the demo data …", flush=True)
        manage(env, "collectstatic", "--noinput", "--verbosity=0")
        manage(env, "demo", "--no-serve")
        token = reopen_agenda(env)
        port = free_port()
        server = start_server(env, port)
        try:
            url = f"http://{HOST}:{port}/stem/{token}/"
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                plain = run(browser, url, javascript=False)
                quick = run(browser, url, javascript=True)
                browser.close()
        finally:
            stop_server(server)
    print(f"\nThe voting page at 360 px, {VOTES} votes each way (median time per vote):")
    print("                      first visit            per vote (requests incl. cache hits)")
    for name, row in (("without JavaScript", plain), ("with JavaScript", quick)):
        print(
            f"  {name:<19} {row['first_requests']:3.0f} requests"
            f" {row['first_bytes'] / 1024:6.1f} KB"
            f"   {row['vote_ms']:6.1f} ms  {row['requests_per_vote']:.1f} requests"
            f"  {row['bytes_per_vote'] / 1024:6.1f} KB"
        )
    print(
        f"\nWith JavaScript a vote takes {quick['vote_ms'] / plain['vote_ms']:.2f} × the time and "
        f"{quick['bytes_per_vote'] / plain['bytes_per_vote']:.2f} × the bytes of a page load; "
        f"the first visit costs {quick['first_bytes'] / plain['first_bytes']:.2f} × the bytes."
    )


if __name__ == "__main__":
    main()
