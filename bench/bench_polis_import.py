"""How long importing a Polis export as an agenda takes, on SQLite and on PostgreSQL.

For each database: a fresh database (a temporary SQLite file; on PostgreSQL its own database,
dropped afterwards), migrated; then the conversation is read (`read_upload` from a zip, as the
organiser's page does) and imported (`import_agenda`, one transaction, bulk inserts) N times.
Prints the median seconds of reading and of importing, rows per second, and the ratio
PostgreSQL / SQLite. Asserts nothing about time.

Run: python bench/bench_polis_import.py [CONVERSATION] [--repeat 3]
     (default: the biggest in tests/data/polis, vtaiwan.uberx)
Environment: BENCH_POSTGRES (default postgres://postgres@127.0.0.1:5432); without a reachable
server only SQLite is measured.
"""

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data" / "polis"
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432").rstrip("/")
DATABASE = "wijkdialoog_bench_polis"


def zipped(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in ("comments.csv", "votes.csv"):
            archive.write(folder / name, f"{folder.name}/{name}")
    return buffer.getvalue()


def measure(folder: Path, repeat: int) -> dict:
    """Runs inside a child process whose DATABASE_URL is the fresh database."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkdialoog.settings")
    django.setup()
    from django.core.management import call_command

    from tests.builders import make_organisation, make_series
    from wijkdialoog.agenda.polis_import import import_agenda
    from wijkdialoog.agenda.polis_upload import read_upload
    from wijkdialoog.community.models import Neighbourhood

    call_command("migrate", verbosity=0)
    organisation = make_organisation()
    neighbourhood = Neighbourhood.objects.create(
        organisation=organisation, name="Bench", slug="bench", municipality="Bench"
    )
    series = make_series(neighbourhood)
    content = zipped(folder)
    reads, imports = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        export = read_upload(archive=io.BytesIO(content))
        reads.append(time.perf_counter() - start)
        start = time.perf_counter()
        import_agenda(series=series, actor=None, title="Bench", export=export)
        imports.append(time.perf_counter() - start)
    voters = len({v for v, _c, _x in export.votes})
    rows = len(export.comments) + voters + len(export.votes)
    return {
        "comments": len(export.comments),
        "voters": voters,
        "votes": len(export.votes),
        "read_s": statistics.median(reads),
        "import_s": statistics.median(imports),
        "rows_per_s": rows / statistics.median(imports),
    }


def child(url: str, folder: Path, repeat: int) -> dict | None:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "WIJKDIALOOG_TESTING": "true",
        "TASKS_BACKEND": "database",  # the analysis is queued, not run inside the import
    }
    command = [sys.executable, __file__, str(folder), "--repeat", str(repeat), "--child"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def postgres(sql: str) -> bool:
    done = subprocess.run(
        ["psql", f"{SERVER}/postgres", "-qc", sql], capture_output=True, check=False
    )
    return done.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DATA / "vtaiwan.uberx")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.folder, args.repeat)))
        return 0
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["sqlite"] = child(f"sqlite:///{tmp}/bench.sqlite3", args.folder, args.repeat)
    if postgres(f"DROP DATABASE IF EXISTS {DATABASE}") and postgres(f"CREATE DATABASE {DATABASE}"):
        try:
            results["postgresql"] = child(f"{SERVER}/{DATABASE}", args.folder, args.repeat)
        finally:
            postgres(f"DROP DATABASE IF EXISTS {DATABASE}")
    print(f"conversation {args.folder.name}, median of {args.repeat} runs")
    for name, figures in results.items():
        if figures is None:
            print(f"{name:<11} failed")
            continue
        print(
            f"{name:<11} {figures['comments']} comments, {figures['voters']} voters, "
            f"{figures['votes']} votes: read {figures['read_s']:.2f} s, "
            f"import {figures['import_s']:.2f} s ({figures['rows_per_s']:.0f} rows/s)"
        )
    if results.get("sqlite") and results.get("postgresql"):
        ratio = results["postgresql"]["import_s"] / results["sqlite"]["import_s"]
        print(f"import PostgreSQL / SQLite: {ratio:.2f}")
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
