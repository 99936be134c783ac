"""What the load benchmarks share: their own PostgreSQL database, gunicorn on a free loopback
port, latencies per endpoint and their percentiles in one table layout.

The database functions need django.setup() first, with DATABASE_URL pointing at the benchmark
database; the rest does not use Django. The HTTP client is harvest_http.Connection.
"""

import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from harvest_http import Connection

HOST = "127.0.0.1"
ROOT = Path(__file__).resolve().parents[1]


class Recorder:
    """Latencies and outcomes per endpoint, from the moment measuring starts."""

    def __init__(self):
        self.seconds: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)
        self.started = self.stopped = 0.0

    def ok(self, name: str, seconds: float) -> None:
        self.seconds[name].append(seconds)

    def error(self, name: str, what: str) -> None:
        self.errors[name].append(what)

    @property
    def duration(self) -> float:
        return max(self.stopped - self.started, 1e-9)


def create_database(server_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def drop_database(server_url: str, name: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_gunicorn(
    port: int, log_path: Path, env: dict[str, str], workers: int, threads: int
) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "wijkdialoog.wsgi:application",
        f"--bind={HOST}:{port}",
        "--worker-class=gthread",
        f"--workers={workers}",
        f"--threads={threads}",
        "--keep-alive=30",
        "--preload",
        f"--error-logfile={log_path}",
        "--log-level=warning",
    ]
    return subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env}, start_new_session=True)


def stop_gunicorn(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=5)


async def wait_until_ready(port: int, server: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped while starting")
        connection = Connection(HOST, port, timeout=2)
        try:
            if (await connection.request("GET", "/gezond/")).status == 200:
                return
        except (OSError, TimeoutError):
            pass
        finally:
            await connection.close()
        await asyncio.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 30 seconds")


async def pause(seconds: float, stop_at: float) -> None:
    """Wait, but never past the end of the phase."""
    await asyncio.sleep(max(0.0, min(seconds, stop_at - time.monotonic())))


def percentile(values: list[float], share: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=1000, method="inclusive")[int(share * 1000) - 1]


HEADER = (
    f"  {'endpoint':<28}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
    f"{'p99 ms':>9}{'max ms':>9}{'errors':>8}"
)


def row(name, values, errors, duration) -> str:
    ms = [v * 1000 for v in values]
    if not ms:
        return f"  {name:<28}{0:>9}{'':>9}{'':>9}{'':>9}{'':>9}{'':>9}{len(errors):>8}"
    return (
        f"  {name:<28}{len(ms):>9}{len(ms) / duration:>9.1f}{percentile(ms, 0.5):>9.1f}"
        f"{percentile(ms, 0.95):>9.1f}{percentile(ms, 0.99):>9.1f}{max(ms):>9.1f}{len(errors):>8}"
    )


def error_kinds(errors: list[str]) -> dict[str, int]:
    kinds: dict[str, int] = defaultdict(int)
    for error in errors:
        kinds[error] += 1
    return dict(kinds)
