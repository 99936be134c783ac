"""Load benchmark of wijkagenda voting: 2,000 voters at once, on PostgreSQL under gunicorn.

What it does, all on the loopback address and bounded in time (two to three minutes):

1. Creates and migrates its own database (wijkdialoog_bench_votes) and seeds one open agenda
   with 25 accepted statements.
2. Starts the app under gunicorn (gthread) on a free loopback port with DEBUG off, and the task
   worker (db_worker) as in production, so the debounced analysis runs beside the votes.
   Every client comes from 127.0.0.1, so the per-address rate limit is raised for this server
   through its setting AGENDA_VOTE_RATE_PER_IP in the environment; the per-device limit stays.
3. Baseline: as many clients at the same pace, each asking the bare health view (/gezond/) as
   often as a voter sends requests.
4. Load: 2,000 voters start within a few seconds. Each opens the vote page (GET: the device
   cookie, the CSRF token and the statement), then votes on 10 statements one after another as
   the form without JavaScript does (POST, then the redirect to the next statement, GET), with
   0.5-2 s to think (divided by --speedup). Some change an earlier vote afterwards; some send a
   vote twice at the same moment from two connections (one device, two taps).
   At most --connections connections are open at once (a pool), so the client keeps within its
   file descriptors; the first table leaves out the wait for a free connection, a second one
   adds it. The load ends after --seconds (75); requests still waiting then are not sent.
5. Compares the votes in the database with the answers: every vote answered 2xx/3xx must be
   stored once, with its last value; no voter twice, no vote twice.
6. Prints throughput, p50/p95/p99 per endpoint, errors, the ratio to the bare view and the goal
   (p95 of the vote POST under 100 ms), stops gunicorn and drops the database.

It asserts nothing about time. It exits non-zero when a vote was lost, changed or doubled, or
when the benchmark itself could not run (no PostgreSQL, gunicorn did not start).

Run: python bench/bench_agenda_votes.py [--voters 2000] [--votes 10] [--ramp 4]
     [--speedup 1] [--connections 100] [--seconds 75] [--baseline-seconds 15]
     (or `make bench`, which runs every bench/bench_*.py)
Environment: BENCH_POSTGRES (default postgres://postgres@127.0.0.1:5432).
"""

import argparse
import asyncio
import contextlib
import os
import random
import re
import secrets
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from loadkit import (
    HEADER,
    HOST,
    ROOT,
    Recorder,
    create_database,
    drop_database,
    error_kinds,
    free_port,
    migrate,
    pause,
    percentile,
    row,
    start_gunicorn,
    stop_gunicorn,
    wait_until_ready,
)

DATABASE = "wijkdialoog_bench_votes"
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432").rstrip("/")
# The whole run stops by itself after this, whatever happens.
HARD_LIMIT_SECONDS = 170
WORKERS, THREADS = 3, 4
CHANGE_SHARE, RACE_SHARE = 0.10, 0.03
RACE_CONNECTIONS = 40
GOAL_P95_MS = 100
STATEMENTS = 25

HEALTH = "health (bare view)"
PAGE = "GET vote page"
NEXT = "GET vote page (redirect)"
VOTE = "POST vote"
RACE = "POST vote (same, at once)"
CHANGE = "POST vote (change)"
ENDPOINTS = [PAGE, VOTE, NEXT, RACE, CHANGE]
WITH_WAIT = " +wait"

APP_ENV = {
    "DATABASE_URL": f"{SERVER}/{DATABASE}",
    "SECRET_KEY": secrets.token_urlsafe(40),
    "DEBUG": "false",
    "WIJKDIALOOG_TESTING": "false",
    "ALLOWED_HOSTS": HOST,
    "STATIC_MANIFEST": "false",
    "HTTPS": "false",
    # As in production: tasks go to the database queue, the worker runs them.
    "TASKS_BACKEND": "database",
    # All simulated voters share 127.0.0.1; the per-device limit (600/h) stays as it is.
    "AGENDA_VOTE_RATE_PER_IP": "1000000/h",
    "LOG_LEVEL": "WARNING",
    "DJANGO_SETTINGS_MODULE": "wijkdialoog.settings",
    # WhiteNoise warns that collectstatic has not run; it serves from the apps here.
    "PYTHONWARNINGS": "ignore:No directory at:UserWarning",
}
os.environ.update(APP_ENV)

import django  # noqa: E402

django.setup()

import agenda_seed as seed  # noqa: E402
from django.db import connections  # noqa: E402
from harvest_http import Connection, Response  # noqa: E402

from wijkdialoog.agenda.voting import COOKIE_NAME, hash_token  # noqa: E402

VALUES = {"agree": 1, "disagree": -1, "pass": 0}
CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
STATEMENT_FIELD = re.compile(rb'name="statement" value="(\d+)"')


class PhaseOver(Exception):
    """The phase ended while the request waited for a connection: it is not sent."""


class Pool:
    """At most `size` kept-alive connections, shared by all simulated voters (a voter holds one
    only while a request is under way). Time spent waiting for one is recorded apart; a request
    still waiting when the phase ends is not sent."""

    def __init__(self, port: int, size: int, stop_at: float):
        self.port, self.stop_at = port, stop_at
        self.free: asyncio.Queue[Connection] = asyncio.Queue()
        for _ in range(size):
            self.free.put_nowait(Connection(HOST, port))
        self.unsent = 0
        self.racing = asyncio.Semaphore(RACE_CONNECTIONS)

    @contextlib.asynccontextmanager
    async def held(self):
        """A free connection and how long it took to get it."""
        asked = time.monotonic()
        try:
            connection = await asyncio.wait_for(self.free.get(), max(0.0, self.stop_at - asked))
        except TimeoutError:
            self.unsent += 1
            raise PhaseOver from None
        try:
            yield connection, time.monotonic() - asked
        finally:
            self.free.put_nowait(connection)

    async def request(self, method, path, headers=None, body=b"") -> Response:
        async with self.held() as (connection, waited):
            response = await connection.request(method, path, headers, body)
            response.waited = waited
            return response

    async def close(self) -> None:
        while not self.free.empty():
            await self.free.get_nowait().close()


UNSENT = Response(0)


async def send(pool, recorder, name, method, path, headers=None, body=b"", connection=None):
    """One request, measured under `name`; None (and an error) unless 200 or 302, UNSENT when
    the phase ended before it could be sent."""
    try:
        if connection is not None:
            response = await connection.request(method, path, headers, body)
        else:
            response = await pool.request(method, path, headers, body)
    except PhaseOver:
        return UNSENT
    except (OSError, TimeoutError, ValueError) as error:
        recorder.error(name, type(error).__name__)
        return None
    if response.status not in (200, 302):
        recorder.error(name, f"HTTP {response.status}")
        return None
    recorder.ok(name, response.seconds)
    recorder.ok(name + WITH_WAIT, response.seconds + response.waited)
    return response


def cookie(response: Response, name: str) -> str | None:
    for header in response.cookies:
        key, _sep, rest = header.partition("=")
        if key.strip() == name:
            return rest.split(";", 1)[0].strip().strip('"')
    return None


@dataclass
class Device:
    """One simulated phone: its cookies and what its last page showed."""

    cookies: dict[str, str]
    csrf: str = ""
    statement: int | None = None

    @property
    def token_hash(self) -> str:
        # The cookie is signed as "token:timestamp:signature"; only the token's hash is stored.
        return hash_token(self.cookies[COOKIE_NAME].split(":", 1)[0])

    def read_page(self, response: Response) -> None:
        for name in (COOKIE_NAME, "csrftoken"):
            value = cookie(response, name)
            if value:
                self.cookies[name] = value
        csrf = CSRF_FIELD.search(response.body)
        statement = STATEMENT_FIELD.search(response.body)
        self.csrf = csrf.group(1).decode() if csrf else self.csrf
        self.statement = int(statement.group(1)) if statement else None

    def headers(self, post: bool = False) -> dict[str, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if post:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return headers

    def form(self, number: int, choice: str, back: str = "") -> bytes:
        fields = {"csrfmiddlewaretoken": self.csrf, "statement": number, "vote": choice}
        return urlencode({**fields, "back": back} if back else fields).encode()


@dataclass
class Run:
    """What a phase shares: the server, the pace, the measurements and the ledger of votes."""

    pool: Pool
    path: str
    recorder: Recorder
    ledger: seed.Ledger
    stop_at: float
    think: tuple[float, float]
    votes: int


async def vote(run: Run, device: Device, number: int, choice: str, name: str, back: str = ""):
    """POST one vote (twice at once for RACE); the ledger learns what was answered."""
    body = device.form(number, choice, back)
    headers = device.headers(post=True)
    if name == RACE:
        # Both connections in hand first, so the two are sent at the same moment.
        async with run.pool.racing:
            other = Connection(HOST, run.pool.port)
            try:
                async with run.pool.held() as (mine, _waited):
                    answers = await asyncio.gather(
                        *(
                            send(run.pool, run.recorder, name, "POST", run.path, headers, body, c)
                            for c in (mine, other)
                        )
                    )
            except PhaseOver:
                answers = [UNSENT]
            finally:
                await other.close()
    else:
        answers = [await send(run.pool, run.recorder, name, "POST", run.path, headers, body)]
    for answer in answers:
        if answer is not UNSENT:
            run.ledger.record(device.token_hash, number, VALUES[choice], answer is not None)


async def voter(run: Run, rng: random.Random, start_in: float) -> None:
    await pause(start_in, run.stop_at)
    device = Device(cookies={})
    page = await send(run.pool, run.recorder, PAGE, "GET", run.path)
    if page is None or page is UNSENT:
        return
    device.read_page(page)
    if COOKIE_NAME not in device.cookies or "csrftoken" not in device.cookies:
        run.recorder.error(PAGE, "no cookie")
        return
    voted: dict[int, str] = {}
    for _ in range(run.votes):
        await pause(rng.uniform(*run.think), run.stop_at)
        if device.statement is None or time.monotonic() >= run.stop_at:
            break
        number, choice = device.statement, rng.choice(list(VALUES))
        await vote(run, device, number, choice, RACE if rng.random() < RACE_SHARE else VOTE)
        voted[number] = choice
        page = await send(run.pool, run.recorder, NEXT, "GET", run.path, device.headers())
        if page is None or page is UNSENT:
            device.statement = None
        else:
            device.read_page(page)
    if voted and rng.random() < CHANGE_SHARE and time.monotonic() < run.stop_at:
        # Back on "my votes": one earlier vote changed to another value.
        await pause(rng.uniform(*run.think), run.stop_at)
        number = rng.choice(sorted(voted))
        choice = rng.choice([c for c in VALUES if c != voted[number]])
        await vote(run, device, number, choice, CHANGE, back="mine")


async def health_client(run: Run, rng: random.Random, start_in: float) -> None:
    """The baseline: the requests of one voter (a page, then a vote and the next page per
    statement), each asking the bare health view, at the same pace."""
    await pause(start_in, run.stop_at)
    await send(run.pool, run.recorder, HEALTH, "GET", "/gezond/")
    for _ in range(run.votes):
        await pause(rng.uniform(*run.think), run.stop_at)
        if time.monotonic() >= run.stop_at:
            break
        await send(run.pool, run.recorder, HEALTH, "GET", "/gezond/")
        await send(run.pool, run.recorder, HEALTH, "GET", "/gezond/")


async def run_phase(port, world, args, *, clients, seconds, health_only, ledger, seed_value):
    recorder = Recorder()
    rng = random.Random(seed_value)
    recorder.started = time.monotonic()
    pool = Pool(port, args.connections, recorder.started + seconds)
    run = Run(
        pool=pool,
        path=f"/stem/{world.token}/",
        recorder=recorder,
        ledger=ledger,
        stop_at=pool.stop_at,
        think=(0.5 / args.speedup, 2.0 / args.speedup),
        votes=args.votes,
    )
    client = health_client if health_only else voter
    try:
        await asyncio.gather(
            *(
                client(run, random.Random(rng.random()), rng.uniform(0, args.ramp))
                for _ in range(clients)
            )
        )
    finally:
        recorder.stopped = time.monotonic()
        await pool.close()
    return recorder, pool


def report_phases(args, baseline: Recorder, load: Recorder, pool: Pool) -> float:
    """The latency tables and the ratio to the bare view; returns the vote POST's p95 in ms."""
    health = baseline.seconds[HEALTH]
    print(f"\nBaseline: the bare health view, {baseline.duration:.0f} s, same clients and pace")
    print(HEADER)
    print(row(HEALTH, health, baseline.errors[HEALTH], baseline.duration))

    print(f"\nLoad: {args.voters} voters, {args.votes} votes each, {load.duration:.0f} s")
    print(HEADER)
    everything = [v for name in ENDPOINTS for v in load.seconds.get(name, [])]
    all_errors = [e for errors in load.errors.values() for e in errors]
    for name in ENDPOINTS:
        print(row(name, load.seconds.get(name, []), load.errors.get(name, []), load.duration))
    print(row("all requests", everything, all_errors, load.duration))
    for name, errors in sorted(load.errors.items()):
        print(f"  errors in {name}: {error_kinds(errors)}")
    print(
        f"\nAs a voter waits: the same plus the wait for one of the {args.connections} client "
        f"connections; {pool.unsent} requests still waiting at the end were not sent"
    )
    print(HEADER)
    for name in (PAGE, VOTE, NEXT):
        print(row(name, load.seconds.get(name + WITH_WAIT, []), [], load.duration))

    posts = load.seconds.get(VOTE, []) + load.seconds.get(CHANGE, [])
    print("\nRatio to the bare Django view, same run:")
    print(f"  {'':<28}{'p50':>9}{'p95':>9}")
    base50, base95 = percentile(health, 0.5), percentile(health, 0.95)
    for name, values in ((VOTE, posts), (PAGE, load.seconds.get(PAGE, [])), ("all", everything)):
        if values:
            print(
                f"  {name:<28}{percentile(values, 0.5) / base50:>8.1f}x"
                f"{percentile(values, 0.95) / base95:>8.1f}x"
            )
    print(f"\nGoal zero errors: {'met' if not all_errors else 'NOT met'} ({len(all_errors)})")
    return percentile(posts, 0.95) * 1000 if posts else float("inf")


def report_votes(ledger: seed.Ledger, count: seed.VoteCount, p95: float) -> bool:
    verdict = seed.compare(ledger, count)
    attempts = sum(len(a) for a in ledger.sent.values())
    print("\nVotes:")
    print(
        f"  {attempts} POSTs on {len(ledger.sent)} (voter, statement) pairs; "
        f"{verdict.acknowledged} pairs answered 2xx/3xx at least once"
    )
    print(f"  in the database: {len(count.stored)} votes of {count.voters} voters")
    print(f"  lost (answered, not in the database): {len(verdict.lost)}")
    print(f"  stored with another value than the last answered: {len(verdict.wrong_value)}")
    print(f"  doubled votes (a voter and statement twice): {count.doubled_votes}")
    print(f"  doubled voters (a device twice): {count.doubled_voters}")
    print(f"  in the database, never sent: {len(verdict.never_sent)}")
    print(f"  stored though no answer came (not an error): {verdict.stored_unanswered}")
    intact = verdict.intact and not (count.doubled_votes or count.doubled_voters)
    print(
        f"\nGoal p95 of the vote POST under {GOAL_P95_MS} ms: "
        f"{'met' if p95 < GOAL_P95_MS else 'NOT met'} ({p95:.1f} ms)"
    )
    print(f"Goal zero lost, changed or doubled votes: {'met' if intact else 'NOT met'}")
    return intact


def start_worker(log_path: Path) -> subprocess.Popen:
    """The task worker, as in production (the analysis after votes runs here)."""
    return subprocess.Popen(
        [sys.executable, "-m", "wijkdialoog", "db_worker"],
        cwd=ROOT,
        env={**os.environ, **APP_ENV},
        stdout=subprocess.DEVNULL,
        stderr=log_path.open("a"),
        start_new_session=True,
    )


async def warm_up(port: int, world: seed.AgendaWorld, args, ledger: seed.Ledger) -> None:
    """A few voters first, so every worker has loaded its templates; their votes count too."""
    warm = argparse.Namespace(**{**vars(args), "ramp": 0.5, "votes": 3, "connections": 8})
    await run_phase(
        port,
        world,
        warm,
        clients=WORKERS * THREADS * 2,
        seconds=15,
        health_only=False,
        ledger=ledger,
        seed_value=3,
    )


def measure(port, world, args, remaining) -> tuple[Recorder, Recorder, Pool, seed.Ledger]:
    ledger = seed.Ledger()
    asyncio.run(warm_up(port, world, args, ledger))
    baseline_seconds = min(args.baseline_seconds, remaining() / 4)
    baseline, _pool = asyncio.run(
        run_phase(
            port,
            world,
            args,
            clients=args.voters,
            seconds=baseline_seconds,
            health_only=True,
            ledger=ledger,
            seed_value=7,
        )
    )
    load, pool = asyncio.run(
        run_phase(
            port,
            world,
            args,
            clients=args.voters,
            seconds=min(args.seconds, remaining() - 15),
            health_only=False,
            ledger=ledger,
            seed_value=11,
        )
    )
    return baseline, load, pool, ledger


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--voters", type=int, default=2000)
    parser.add_argument("--votes", type=int, default=10, help="statements each voter votes on")
    parser.add_argument("--ramp", type=float, default=4, help="all voters start within this")
    parser.add_argument("--seconds", type=float, default=75, help="the most the load may take")
    parser.add_argument("--baseline-seconds", type=float, default=15)
    parser.add_argument("--connections", type=int, default=100, help="client connections cap")
    parser.add_argument(
        "--speedup", type=float, default=1, help="divides the 0.5-2 s a voter thinks"
    )
    return parser.parse_args()


def main() -> int:
    args = arguments()
    started = time.monotonic()
    load_before = os.getloadavg()

    def remaining() -> float:
        return HARD_LIMIT_SECONDS - (time.monotonic() - started)

    print("Agenda vote benchmark: 2,000 voters at once, on PostgreSQL under gunicorn")
    try:
        create_database(SERVER, DATABASE)
    except Exception as error:  # no PostgreSQL: say so plainly
        print(f"Cannot create the database {DATABASE} on {SERVER}: {error}", file=sys.stderr)
        return 2
    server = worker = None
    log = Path(tempfile.mkstemp(prefix="agenda-votes-bench-", suffix=".log")[1])
    try:
        migrate()
        world = seed.seed(STATEMENTS)
        connections.close_all()
        port = free_port()
        server = start_gunicorn(port, log, APP_ENV, WORKERS, THREADS)
        worker = start_worker(log)
        asyncio.run(wait_until_ready(port, server))
        print(
            f"  {args.voters} voters starting within {args.ramp:g} s, {args.votes} votes each "
            f"on {STATEMENTS} statements, thinking {0.5 / args.speedup:.2f}-"
            f"{2 / args.speedup:.2f} s; gunicorn {WORKERS} workers x {THREADS} threads "
            f"(gthread) at http://{HOST}:{port}, DEBUG off, and the task worker; "
            f"set up in {time.monotonic() - started:.0f} s"
        )
        baseline, load, pool, ledger = measure(port, world, args, remaining)
    except Exception:
        if log.exists():
            print(log.read_text()[-3000:], file=sys.stderr)
        raise
    finally:
        for process in (server, worker):
            if process is not None:
                stop_gunicorn(process)
    try:
        p95 = report_phases(args, baseline, load, pool)
        counted = seed.count_votes(world.agenda_pk)
        connections.close_all()
        intact = report_votes(ledger, counted, p95)
    finally:
        drop_database(SERVER, DATABASE)
        log.unlink(missing_ok=True)
    after = os.getloadavg()
    print(
        f"\nDone in {time.monotonic() - started:.0f} s; database {DATABASE} dropped. "
        f"Load average of the machine (1/5/15 min) before: "
        f"{' '.join(f'{v:.1f}' for v in load_before)}, after: "
        f"{' '.join(f'{v:.1f}' for v in after)} on {os.cpu_count()} cores; other work on the "
        "machine shows in these figures."
    )
    return 0 if intact else 1


if __name__ == "__main__":
    sys.exit(main())
