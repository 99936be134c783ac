"""Benchmark: the wijkagenda analysis against red-dwarf 0.4.0, back to back in one run.

    .venv/bin/python bench/bench_agenda_analysis.py [--skip-big-red-dwarf]

Cases: the three shared Polis conversations (WIJKDIALOOG_POLIS_DATA or ../shared/data/polis)
and synthetic 5,000 x 1,000 and 20,000 x 2,000 matrices at 10 % density with three planted
groups. Each side runs in a fresh subprocess: time = median of runs after one warm-up, from
votes in memory to groups, consensus and representative statements (parsing not timed); peak
memory = the subprocess's ru_maxrss (resource), which includes the interpreter and imports.
"""

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("WIJKDIALOOG_POLIS_DATA", ROOT / "tests" / "data" / "polis"))
REAL = ["15-per-hour-seattle", "scoop-hivemind.biodiversity", "vtaiwan.uberx"]
SYNTHETIC = {"synthetic-5000x1000": (5000, 1000), "synthetic-20000x2000": (20000, 2000)}


def synthetic(voters: int, statements: int, seed: int = 0) -> tuple[np.ndarray, list[int]]:
    rng = np.random.default_rng(seed)
    n = int(voters * statements * 0.10)
    cells = rng.choice(voters * statements, size=n, replace=False)
    v, s = np.divmod(cells, statements)
    group = v % 3
    leaning = np.sin((s + 1) * (group + 1))  # each group its own view per statement
    values = np.where(rng.random(n) < 0.15, 0, np.where(rng.random(n) < 0.5 + 0.4 * leaning, 1, -1))
    return np.stack([v, s, values], axis=1).astype(np.int64), []


def load(case: str) -> tuple[np.ndarray, list[int], list[int]]:
    if case in SYNTHETIC:
        votes, moderated = synthetic(*SYNTHETIC[case])
        return votes, moderated, []
    from wijkdialoog.agenda.polis import read_export

    export = read_export(DATA / case)
    return np.asarray(export.votes, dtype=np.int64), export.moderated_out, export.meta


def child(side: str, case: str, repeat: int) -> None:
    sys.path.insert(0, str(ROOT))
    votes, moderated, meta = load(case)
    if side == "project":
        from wijkdialoog.agenda.analysis import analyse

        def once() -> object:
            return analyse(
                votes[:, 0], votes[:, 1], votes[:, 2], moderated_out=moderated, meta=meta
            )
    else:
        from reddwarf.implementations.polis import run_pipeline

        keep = ~np.isin(votes[:, 1], meta) if meta else slice(None)
        records = [
            {"participant_id": int(a), "statement_id": int(b), "vote": int(c), "modified": 0}
            for a, b, c in votes[keep]
        ]

        def once() -> object:
            return run_pipeline(votes=records, mod_out_statement_ids=moderated, random_state=0)

    once()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        once()
        runs.append(time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"s": float(np.median(runs)), "peak_mb": peak_mb}))


def measure(side: str, case: str, repeat: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", side, case, str(repeat)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    skip_big = "--skip-big-red-dwarf" in sys.argv
    print(f"host: {os.cpu_count()} cpus, load before {os.getloadavg()}")
    print(
        f"{'case':30} {'project s':>10} {'red-dwarf s':>12} {'ratio':>7} "
        f"{'proj MB':>8} {'rd MB':>8}  goal"
    )
    for case in [*REAL, *SYNTHETIC]:
        big = case == "synthetic-20000x2000"
        repeat = 1 if case in SYNTHETIC else 3
        ours = measure("project", case, repeat)
        theirs = None if (big and skip_big) else measure("red-dwarf", case, 1)
        ratio = theirs["s"] / ours["s"] if theirs else float("nan")
        if big:
            met = ours["s"] < 3 and ours["peak_mb"] < 1024
            goal = f"<3 s and <1024 MB: {'met' if met else 'MISSED'}"
        elif case in REAL:
            goal = f">=3x faster: {'met' if ratio >= 3 else 'MISSED'}"
        else:
            goal = "-"
        rd_s = f"{theirs['s']:12.3f}" if theirs else f"{'skipped':>12}"
        rd_mb = f"{theirs['peak_mb']:8.0f}" if theirs else f"{'-':>8}"
        line = f"{case:30} {ours['s']:10.3f} {rd_s} {ratio:7.1f} {ours['peak_mb']:8.0f} {rd_mb}"
        print(f"{line}  {goal}", flush=True)
    print(f"load after {os.getloadavg()}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        main()
