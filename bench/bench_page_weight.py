"""Page weight of a first visit, as a resident on a phone gets it in production.

What it does, all on the loopback address in a temporary folder (about half a minute):

1. Collects the static files with the compressed manifest storage (hashed names, gzip and
   Brotli copies) into a temporary STATIC_ROOT and loads the demo data into a temporary SQLite.
2. Serves the app under gunicorn with DEBUG off on a free loopback port; WhiteNoise serves the
   static files, as it does in production.
3. Opens the home page, a meeting page and that meeting's sign-up page in Chromium at 360 px,
   each in a fresh browser context (an empty cache: a first visit).
4. Prints per page the requests and the bytes transferred (headers and compressed bodies), the
   bytes per asset with their encoding and cache lifetime, and the ratio to the goal of 50 KB.

It asserts nothing about size. It exits non-zero only when it could not run.

Run: python bench/bench_page_weight.py   (or `make bench`)
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
GOAL_BYTES = 50 * 1024
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
PHONE = {"width": 360, "height": 740}


@dataclass
class Asset:
    url: str
    status: int
    encoding: str
    transferred: int
    body: int
    cache: str


def app_env(folder: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        WIJKDIALOOG_VAR_DIR=str(folder),
        STATIC_ROOT=str(folder / "static"),
        STATIC_MANIFEST="true",
        HTTPS="false",
        TASKS_BACKEND="immediate",
        EMAIL_URL="consolemail://",
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "wijkdialoog", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "wijkdialoog.wsgi:application",
        f"--bind={HOST}:{port}",
        "--workers=1",
        "--threads=4",
        "--log-level=warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped before it served a page.")
        try:
            urllib.request.urlopen(f"http://{HOST}:{port}/gezond/", timeout=2)
            return server
        except OSError:
            time.sleep(0.3)
    stop_server(server)
    raise SystemExit("gunicorn did not answer within 30 seconds.")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


def pages_to_visit(base: str) -> list[tuple[str, str]]:
    home = urllib.request.urlopen(base + "/", timeout=10).read().decode()
    found = re.search(r'href="(/bijeenkomst/\d+/)"', home)
    if not found:
        raise SystemExit("The home page links no meeting: the demo data did not load.")
    meeting = found.group(1)
    return [("home", "/"), ("meeting", meeting), ("sign-up", meeting + "aanmelden/")]


def visit(browser, url: str) -> list[Asset]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    assets = []
    for request in finished:
        response = request.response()
        sizes = request.sizes()
        headers = response.headers
        assets.append(
            Asset(
                url=response.url,
                status=response.status,
                encoding=headers.get("content-encoding", "-"),
                transferred=sizes["responseHeadersSize"] + sizes["responseBodySize"],
                body=len(response.body()),
                cache=headers.get("cache-control", "-"),
            )
        )
    context.close()
    return assets


def report(name: str, path: str, base: str, assets: list[Asset]) -> int:
    total = sum(asset.transferred for asset in assets)
    unpacked = sum(asset.body for asset in assets)
    print(
        f"\n{name} ({path}): {len(assets)} requests, {total / 1024:.1f} KB transferred "
        f"({unpacked / 1024:.1f} KB unpacked), {total / GOAL_BYTES:.2f} × the goal of "
        f"{GOAL_BYTES // 1024} KB"
    )
    print("  transferred  unpacked  status  encoding  asset  cache-control")
    for asset in assets:
        short = asset.url.removeprefix(base)
        short = short if len(short) <= 50 else short[:47] + "…"
        print(
            f"  {asset.transferred / 1024:8.1f} KB {asset.body / 1024:6.1f} KB  {asset.status}"
            f"  {asset.encoding:<4}  {short:<50}  {asset.cache}"
        )
    return total


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="wd-weight-") as folder:
        env = app_env(Path(folder))
        print("Collecting static files and loading the demo data …", flush=True)
        manage(env, "collectstatic", "--noinput", "--verbosity=0")
        manage(env, "demo", "--no-serve")
        port = free_port()
        base = f"http://{HOST}:{port}"
        server = start_server(env, port)
        try:
            pages = pages_to_visit(base)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                totals = [
                    report(name, path, base, visit(browser, base + path)) for name, path in pages
                ]
                browser.close()
        finally:
            stop_server(server)
    largest = max(totals)
    print(f"\nLargest first visit: {largest / 1024:.1f} KB, {largest / GOAL_BYTES:.2f} × the goal.")


if __name__ == "__main__":
    main()
