"""Load benchmark of harvest capture and the harvest wall, on PostgreSQL under gunicorn.

What it does, all on the loopback address and bounded in time (about a minute and a half):

1. Creates and migrates its own database (wijkdialoog_bench) and seeds one meeting under way
   with 400 tables: each with a started conversation, six people and its own facilitator,
   logged in once (the session cookie is reused for every card).
2. Starts the app under gunicorn (gthread) on a free loopback port with DEBUG off.
3. Baseline: the same 450 simulated clients as below, at the same pace, all asking the bare
   health view (/gezond/).
4. Load: 400 tables each send a card every 30-60 seconds, compressed (four times faster by
   default), through the facilitator's capture endpoint (POST /tafel/<pk>/kaart/, as the
   capture script sends it: a device id, Accept: application/json). Some cards are sent again
   after they were saved, as a phone does when the answer got lost; some are sent twice at the
   same moment from two connections. 50 walls poll the wall's cards every 3 seconds with
   If-None-Match. Then the tables fall silent for a few seconds while the walls poll on, so
   the unchanged wall's 304 answers are measured too.
5. Counts the cards in the database: every card that was answered 2xx must be there, no device
   id twice, and exactly one "created" answer per card.
6. Prints throughput, p50/p95/p99 latency per endpoint, errors and the ratio to the bare view,
   stops gunicorn and drops the database.

It asserts nothing about time. It exits non-zero when a card was lost or duplicated, or when
the benchmark itself could not run (no PostgreSQL, gunicorn did not start).

Run: python bench/bench_harvest_load.py [--tables 400] [--walls 50] [--seconds 45]
     [--baseline-seconds 15] [--speedup 4]   (or `make bench`)
Environment: BENCH_POSTGRES (default postgres://postgres@127.0.0.1:5432).
"""

import argparse
import asyncio
import json
import os
import random
import secrets
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from loadkit import (  # noqa: E402
    HEADER,
    HOST,
    Recorder,
    create_database,
    drop_database,
    free_port,
    migrate,
    pause,
    percentile,
    row,
    stop_gunicorn,
    wait_until_ready,
)
from loadkit import start_gunicorn as start_server  # noqa: E402

HEALTH = "health (bare view)"
DATABASE = "wijkdialoog_bench"
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432").rstrip("/")
# The whole run stops by itself after this, whatever happens.
HARD_LIMIT_SECONDS = 170
WALL_SECONDS = 3.0
WORKERS, THREADS = 3, 4
RETRY_SHARE, RACE_SHARE = 0.05, 0.02
GOAL_P95_MS = 150
QUIET_SECONDS = 9

APP_ENV = {
    "DATABASE_URL": f"{SERVER}/{DATABASE}",
    "SECRET_KEY": secrets.token_urlsafe(40),
    "DEBUG": "false",
    "WIJKDIALOOG_TESTING": "false",
    "ALLOWED_HOSTS": HOST,
    "STATIC_MANIFEST": "false",
    "HTTPS": "false",
    "TASKS_BACKEND": "immediate",
    "LOG_LEVEL": "WARNING",
    "DJANGO_SETTINGS_MODULE": "wijkdialoog.settings",
    # WhiteNoise warns that collectstatic has not run; it serves from the apps here.
    "PYTHONWARNINGS": "ignore:No directory at:UserWarning",
}
os.environ.update(APP_ENV)

import django  # noqa: E402

django.setup()

import harvest_seed as seed  # noqa: E402
from harvest_http import Connection  # noqa: E402


def start_gunicorn(port: int, log_path: Path):
    return start_server(port, log_path, APP_ENV, WORKERS, THREADS)


class Cards:
    """What the tables sent and what the server answered, per device id."""

    def __init__(self):
        self.sent: set[str] = set()
        self.acknowledged: set[str] = set()
        self.created: dict[str, int] = defaultdict(int)
        self.retried: set[str] = set()
        self.raced: set[str] = set()


def card_body(table: seed.BenchTable, client_id: str, rng: random.Random) -> bytes:
    publication = rng.choices(["public", "anonymous", "internal"], [5, 4, 1])[0]
    return urlencode(
        {
            "client_id": client_id,
            "kind": rng.choice(table.kinds),
            "text": rng.choice(TEXTS),
            "first_name": rng.choice(["", "", "Fatma", "Wim", "Joke", "Said"]),
            "publication": publication,
            "phase_id": table.phase_id,
            "owner": "",
        }
    ).encode()


TEXTS = [
    "Een bankje bij de vijver waar iedereen even kan zitten.",
    "De buurvrouw bracht soep toen ik ziek was.",
    "Samen de straat vegen in het voorjaar.",
    "Een moestuin bij de school.",
    "Vraag aan de gemeente: een veilige oversteek bij de Kersenlaan.",
    "Ik nodig mijn nieuwe buren uit voor koffie.",
    "Elkaar groeten maakt veel verschil.",
]


def table_headers(table: seed.BenchTable, csrf: str) -> dict[str, str]:
    session_cookie, csrf_cookie = seed.cookie_names()
    return {
        "Cookie": f"{session_cookie}={table.session_key}; {csrf_cookie}={csrf}",
        "X-CSRFToken": csrf,
        "Accept": "application/json",
        "Content-Type": "application/x-www-form-urlencoded",
    }


async def send_card(connection, table, headers, body, client_id, name, recorder, cards) -> bool:
    try:
        response = await connection.request("POST", f"/tafel/{table.pk}/kaart/", headers, body)
    except (OSError, TimeoutError, ValueError) as error:
        recorder.error(name, type(error).__name__)
        return False
    if response.status not in (200, 201):
        recorder.error(name, f"HTTP {response.status}")
        return False
    answer = json.loads(response.body)
    if answer.get("client_id") != client_id or not answer.get("saved"):
        recorder.error(name, "answer for another card")
        return False
    recorder.ok(name, response.seconds)
    cards.acknowledged.add(client_id)
    if answer.get("created"):
        cards.created[client_id] += 1
    return True


async def simulated_table(port, table, stop_at, interval, rng, recorder, cards, health_only):
    connection = Connection(HOST, port)
    headers = table_headers(table, seed.csrf_secret())
    await pause(rng.uniform(0, interval[1]), stop_at)
    try:
        while time.monotonic() < stop_at:
            if health_only:
                response = await get(connection, "/gezond/", {}, HEALTH, recorder)
                if response is not None:
                    recorder.ok(HEALTH, response.seconds)
            else:
                client_id = str(uuid.uuid4())
                body = card_body(table, client_id, rng)
                cards.sent.add(client_id)
                roll = rng.random()
                if roll < RACE_SHARE:
                    # Sent twice at the same moment (two tabs, or a retry overtaking the first).
                    cards.raced.add(client_id)
                    other = Connection(HOST, port)
                    try:
                        await asyncio.gather(
                            *(
                                send_card(
                                    c,
                                    table,
                                    headers,
                                    body,
                                    client_id,
                                    "capture (race)",
                                    recorder,
                                    cards,
                                )
                                for c in (connection, other)
                            )
                        )
                    finally:
                        await other.close()
                else:
                    saved = await send_card(
                        connection, table, headers, body, client_id, "capture", recorder, cards
                    )
                    if saved and roll < RACE_SHARE + RETRY_SHARE:
                        # The answer got lost on the way: the phone sends the card again.
                        cards.retried.add(client_id)
                        await send_card(
                            connection,
                            table,
                            headers,
                            body,
                            client_id,
                            "capture (retry)",
                            recorder,
                            cards,
                        )
            await pause(rng.uniform(*interval), stop_at)
    finally:
        await connection.close()


async def get(connection, path, headers, name, recorder):
    try:
        response = await connection.request("GET", path, headers)
    except (OSError, TimeoutError, ValueError) as error:
        recorder.error(name, type(error).__name__)
        return None
    if response.status not in (200, 304):
        recorder.error(name, f"HTTP {response.status}")
        return None
    return response


async def simulated_wall(port, meeting_pk, stop_at, rng, recorder, health_only):
    connection = Connection(HOST, port)
    path = "/gezond/" if health_only else f"/bijeenkomst/{meeting_pk}/oogstmuur/kaarten/"
    name = HEALTH if health_only else "wall"
    etag = None
    await pause(rng.uniform(0, WALL_SECONDS), stop_at)
    try:
        while time.monotonic() < stop_at:
            tick = time.monotonic()
            headers = {"If-None-Match": etag} if etag else {}
            response = await get(connection, path, headers, name, recorder)
            if response is not None:
                if health_only:
                    recorder.ok(HEALTH, response.seconds)
                else:
                    kind = "wall (304 not modified)" if response.status == 304 else "wall (200)"
                    recorder.ok(kind, response.seconds)
                    etag = response.headers.get("etag", etag)
            await pause(WALL_SECONDS - (time.monotonic() - tick), stop_at)
    finally:
        await connection.close()


async def run_phase(port, world, *, seconds, walls, interval, health_only, seed_value, tables=True):
    recorder, cards = Recorder(), Cards()
    rng = random.Random(seed_value)
    recorder.started = time.monotonic()
    stop_at = recorder.started + seconds

    tasks = [
        simulated_table(
            port,
            table,
            stop_at,
            interval,
            random.Random(rng.random()),
            recorder,
            cards,
            health_only,
        )
        for table in (world.tables if tables else [])
    ]
    for _ in range(walls):
        tasks.append(
            simulated_wall(
                port, world.meeting_pk, stop_at, random.Random(rng.random()), recorder, health_only
            )
        )
    await asyncio.gather(*tasks)
    recorder.stopped = time.monotonic()
    return recorder, cards


async def warm_up(port, world) -> str:
    """A few requests of each kind first, so every worker has loaded its templates."""
    table = world.tables[0]
    headers = table_headers(table, seed.csrf_secret())
    connection = Connection(HOST, port)
    rng = random.Random(1)
    try:
        for _ in range(WORKERS * THREADS * 2):
            await connection.request("GET", "/gezond/")
            await connection.request("GET", f"/bijeenkomst/{world.meeting_pk}/oogstmuur/kaarten/")
        client_id = str(uuid.uuid4())
        await connection.request(
            "POST", f"/tafel/{table.pk}/kaart/", headers, card_body(table, client_id, rng)
        )
    finally:
        await connection.close()
    return client_id


def report(
    args, baseline: Recorder, load: Recorder, quiet: Recorder, cards: Cards, counted, warm_up_id
) -> bool:
    header = HEADER
    health = baseline.seconds[HEALTH]
    print(f"\nBaseline: the bare health view, {baseline.duration:.0f} s, same clients and pace")
    print(header)
    print(row(HEALTH, health, baseline.errors[HEALTH], baseline.duration))

    print(
        f"\nLoad: {args.tables} tables adding cards and {args.walls} walls polling, "
        f"{load.duration:.0f} s"
    )
    print(header)
    names = [
        "capture",
        "capture (retry)",
        "capture (race)",
        "wall (200)",
        "wall (304 not modified)",
    ]
    everything = [v for name in names for v in load.seconds.get(name, [])]
    all_errors = [e for errors in load.errors.values() for e in errors]
    for name in names:
        errors = [] if name.startswith("wall") else load.errors.get(name, [])
        print(row(name, load.seconds.get(name, []), errors, load.duration))
    print(row("wall errors", [], load.errors.get("wall", []), load.duration))
    print(row("all requests", everything, all_errors, load.duration))
    for name, errors in sorted(load.errors.items()):
        kinds = defaultdict(int)
        for error in errors:
            kinds[error] += 1
        print(f"  errors in {name}: {dict(kinds)}")

    print(f"\nQuiet: the tables fall silent, the walls keep polling, {quiet.duration:.0f} s")
    print(header)
    for name in ("wall (200)", "wall (304 not modified)"):
        print(row(name, quiet.seconds.get(name, []), [], quiet.duration))
    print(row("wall errors", [], quiet.errors.get("wall", []), quiet.duration))
    all_errors += quiet.errors.get("wall", [])

    base50, base95 = percentile(health, 0.5), percentile(health, 0.95)
    walls = load.seconds.get("wall (200)", []) + load.seconds.get("wall (304 not modified)", [])
    print("\nRatio to the bare Django view, same run:")
    print(f"  {'':<28}{'p50':>9}{'p95':>9}")
    for name, values in (
        ("capture", load.seconds.get("capture", [])),
        ("wall, every poll", walls),
        ("all requests", everything),
    ):
        if values:
            print(
                f"  {name:<28}{percentile(values, 0.5) / base50:>8.1f}x"
                f"{percentile(values, 0.95) / base95:>8.1f}x"
            )

    expected = cards.sent | {warm_up_id}
    lost = cards.acknowledged - counted.client_ids
    unknown = counted.client_ids - expected
    double_created = [cid for cid, n in cards.created.items() if n > 1]
    never_created = [cid for cid in cards.acknowledged if not cards.created.get(cid)]
    print("\nCards:")
    print(
        f"  sent {len(cards.sent)}, answered as saved {len(cards.acknowledged)}, "
        f"in the database {counted.total} (one of them from the warm-up)"
    )
    print(f"  sent again after they were saved: {len(cards.retried)}")
    print(f"  sent twice at the same moment: {len(cards.raced)}")
    print(f"  lost (answered as saved, not in the database): {len(lost)}")
    print(f"  duplicated (a device id more than once in the database): {counted.duplicated}")
    print(f"  answered as created more than once: {len(double_created)}")
    print(f"  answered as saved, never as created: {len(never_created)}")
    print(f"  in the database, never sent: {len(unknown)}")

    p95 = percentile(everything, 0.95) * 1000 if everything else float("inf")
    print(
        f"\nGoal p95 under {GOAL_P95_MS} ms over all requests: "
        f"{'met' if p95 < GOAL_P95_MS else 'NOT met'} ({p95:.1f} ms)"
    )
    print(f"Goal zero errors: {'met' if not all_errors else 'NOT met'} ({len(all_errors)})")
    intact = not (lost or unknown or counted.duplicated or double_created or never_created)
    print(f"Goal zero lost or duplicated cards: {'met' if intact else 'NOT met'}")
    return intact


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tables", type=int, default=400)
    parser.add_argument("--walls", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=45)
    parser.add_argument("--baseline-seconds", type=float, default=15)
    parser.add_argument(
        "--speedup",
        type=float,
        default=4,
        help="how much faster than a real table (a card every 30-60 s)",
    )
    args = parser.parse_args()
    interval = (30 / args.speedup, 60 / args.speedup)
    started = time.monotonic()
    load_before = os.getloadavg()[0]

    def remaining() -> float:
        return HARD_LIMIT_SECONDS - (time.monotonic() - started)

    print("Harvest load benchmark: capture and the wall on PostgreSQL under gunicorn")
    try:
        create_database(SERVER, DATABASE)
    except Exception as error:  # no PostgreSQL: say so plainly
        print(f"Cannot create the database {DATABASE} on {SERVER}: {error}", file=sys.stderr)
        return 2
    server = None
    log = Path(tempfile.mkstemp(prefix="harvest-bench-", suffix=".log")[1])
    try:
        migrate()
        world = seed.seed(args.tables)
        port = free_port()
        server = start_gunicorn(port, log)
        asyncio.run(wait_until_ready(port, server))
        print(
            f"  {args.tables} tables, {args.walls} walls; gunicorn {WORKERS} workers x "
            f"{THREADS} threads (gthread) at http://{HOST}:{port}, DEBUG off; "
            f"a card every {interval[0]:.1f}-{interval[1]:.1f} s per table "
            f"(real 30-60 s, {args.speedup:g}x faster); set up in "
            f"{time.monotonic() - started:.0f} s"
        )
        warm_up_id = asyncio.run(warm_up(port, world))
        budget = remaining() - 20
        baseline_seconds = min(args.baseline_seconds, budget / 3)
        baseline, _ = asyncio.run(
            run_phase(
                port,
                world,
                seconds=baseline_seconds,
                walls=args.walls,
                interval=interval,
                health_only=True,
                seed_value=7,
            )
        )
        load_seconds = min(args.seconds, remaining() - QUIET_SECONDS - 15)
        load, cards = asyncio.run(
            run_phase(
                port,
                world,
                seconds=load_seconds,
                walls=args.walls,
                interval=interval,
                health_only=False,
                seed_value=11,
            )
        )
        # Then the tables fall silent and the walls keep polling: unchanged walls answer 304.
        quiet, _ = asyncio.run(
            run_phase(
                port,
                world,
                seconds=QUIET_SECONDS,
                walls=args.walls,
                interval=interval,
                health_only=False,
                seed_value=13,
                tables=False,
            )
        )
    except Exception:
        if log.exists():
            print(log.read_text()[-3000:], file=sys.stderr)
        raise
    finally:
        if server is not None:
            stop_gunicorn(server)
    try:
        counted = seed.count_cards(world.meeting_pk)
        intact = report(args, baseline, load, quiet, cards, counted, warm_up_id)
    finally:
        drop_database(SERVER, DATABASE)
        log.unlink(missing_ok=True)
    print(
        f"\nDone in {time.monotonic() - started:.0f} s; database {DATABASE} dropped. "
        f"Load average of the machine (1 min) before: {load_before:.1f}, "
        f"after: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; other work on the "
        "machine shows in these figures."
    )
    return 0 if intact else 1


if __name__ == "__main__":
    sys.exit(main())
